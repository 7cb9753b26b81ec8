//! [`ZonedDateTime`]: a civil time in an IANA zone, with its resolved offset.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeDelta, TimeZone, Timelike, Utc};
use chrono_tz::Tz;

use super::civil::{CivilText, OffsetText};
use super::lookup::{Local, lookup, offset_at};
use super::{Disambiguation, OffsetPolicy, rfc9557};
use crate::error::{Detail, Error};

/// A civil (wall-clock) date-time in an IANA time zone, together with the UTC
/// offset the zone has then: one exact instant, and how the people there saw it.
///
/// Every value is consistent: the offset is the zone's offset at the instant, and
/// the civil time is the instant plus the offset. A value records which of a
/// fold's two occurrences it is (by its offset), and never holds a civil time that
/// the zone skips.
///
/// Its text form is RFC 9557, always with seconds, a fraction only when there is
/// one: `2023-11-13T16:00:00-08:00[America/Los_Angeles]` (see [`ZonedDateTime::parse`]
/// and the `Display` impl). With the `serde` feature it is serialized as that
/// string.
///
/// Values are compared by instant, then by zone name, then by civil time: the same
/// instant seen in two zones makes two different values (`==` is false), ordered
/// by the zones' names.
///
/// Years run 0000 to 9999 in the text form; [`resolve`](Self::resolve),
/// [`parse`](Self::parse) and [`checked_add`](Self::checked_add) refuse civil times
/// outside them. [`from_instant`](Self::from_instant) and
/// [`in_zone`](Self::in_zone) cannot fail, and write such years in the expanded
/// form (`+010000-01-01T...`) that `parse` refuses.
///
/// ```
/// use diplomeet::time::{parse_civil, parse_zone};
/// use diplomeet::{Disambiguation, ZonedDateTime};
///
/// let start = ZonedDateTime::resolve(
///     parse_civil("2023-11-13T16:00")?,
///     parse_zone("America/Los_Angeles")?,
///     Disambiguation::Reject,
/// )?;
/// assert_eq!(start.to_string(), "2023-11-13T16:00:00-08:00[America/Los_Angeles]");
/// let tokyo = start.in_zone(parse_zone("Asia/Tokyo")?);
/// assert_eq!(tokyo.to_string(), "2023-11-14T09:00:00+09:00[Asia/Tokyo]");
/// assert_eq!(tokyo.instant(), start.instant());
/// # Ok::<(), diplomeet::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ZonedDateTime {
    civil: NaiveDateTime,
    zone: Tz,
    offset: FixedOffset,
}

/// Folds a leap second (nanoseconds of 1e9 and more) into the 59th second.
fn no_leap(t: NaiveDateTime) -> NaiveDateTime {
    if t.nanosecond() >= 1_000_000_000 {
        t.with_nanosecond(999_999_999).unwrap_or(t)
    } else {
        t
    }
}

impl ZonedDateTime {
    /// A value from parts already known to be consistent.
    pub(crate) fn raw(civil: NaiveDateTime, zone: Tz, offset: FixedOffset) -> Self {
        ZonedDateTime {
            civil,
            zone,
            offset,
        }
    }

    /// The value at the instant given as a naive UTC date-time.
    pub(crate) fn from_utc_civil(utc: NaiveDateTime, zone: Tz) -> Result<Self, Error> {
        let utc = no_leap(utc);
        let offset = offset_at(zone, &utc);
        let civil = utc.checked_add_offset(offset).ok_or_else(|| {
            Error::new(Detail::OutOfRange {
                what: "date-time".to_owned(),
                value: format!("{utc} UTC in {}", zone.name()),
            })
        })?;
        Ok(ZonedDateTime::raw(civil, zone, offset))
    }

    /// `OutOfRange` unless the civil year is within 0000–9999, and
    /// `ZoneDataHorizon` past 2099 in a zone whose daylight-saving rule is
    /// still in force then.
    pub(crate) fn check_year(&self) -> Result<(), Error> {
        check_year(&self.civil)?;
        check_horizon(&self.civil, self.zone)
    }

    /// Resolves a civil time in a zone, with `policy` for a time that the zone
    /// skips (a gap) or repeats (a fold); see [`Disambiguation`].
    ///
    /// The result holds the civil time that clocks actually showed: 02:30 in New
    /// York's gap of 2026-03-08 resolves to 03:30-04:00 with `Compatible` or
    /// `Later`, and to 01:30-05:00 with `Earlier`. A leap second in `civil` is
    /// read as the last nanosecond of its minute.
    ///
    /// # Errors
    ///
    /// * [`ErrorKind::Gap`](crate::ErrorKind::Gap) with `Reject` in a gap; the
    ///   message names the zone, the civil time and the offsets before and after.
    /// * [`ErrorKind::Fold`](crate::ErrorKind::Fold) with `Reject` in a fold; the
    ///   message names both offsets, the first occurrence's first.
    /// * [`ErrorKind::OutOfRange`](crate::ErrorKind::OutOfRange) for a civil time
    ///   (given or resolved) outside the years 0000–9999.
    /// * [`ErrorKind::ZoneDataHorizon`](crate::ErrorKind::ZoneDataHorizon) for a
    ///   civil time after 2099 in a zone that still keeps daylight-saving time
    ///   then. The tz data chrono-tz embeds has no transitions after 2099, so
    ///   such a zone's offset there is not known (New York's would come out
    ///   at -05:00 all year): it is refused, never guessed. Zones on one
    ///   offset all year are right at any date and pass (checked against
    ///   Python's `zoneinfo`, which applies each zone's final rule, for
    ///   2100 to 2400).
    ///
    /// ```
    /// use diplomeet::time::{parse_civil, parse_zone};
    /// use diplomeet::{Disambiguation, ErrorKind, ZonedDateTime};
    ///
    /// let ny = parse_zone("America/New_York")?;
    /// // Past the horizon of the zone data: refused in New York, fine in Tokyo.
    /// let july_2100 = parse_civil("2100-07-01T12:00")?;
    /// let err = ZonedDateTime::resolve(july_2100, ny, Disambiguation::Reject).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::ZoneDataHorizon);
    /// let tokyo = ZonedDateTime::resolve(july_2100, parse_zone("Asia/Tokyo")?, Disambiguation::Reject)?;
    /// assert_eq!(tokyo.to_string(), "2100-07-01T12:00:00+09:00[Asia/Tokyo]");
    ///
    /// let skipped = parse_civil("2026-03-08T02:30")?;
    /// let later = ZonedDateTime::resolve(skipped, ny, Disambiguation::Compatible)?;
    /// assert_eq!(later.to_string(), "2026-03-08T03:30:00-04:00[America/New_York]");
    /// let earlier = ZonedDateTime::resolve(skipped, ny, Disambiguation::Earlier)?;
    /// assert_eq!(earlier.to_string(), "2026-03-08T01:30:00-05:00[America/New_York]");
    ///
    /// let err = ZonedDateTime::resolve(skipped, ny, Disambiguation::Reject).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::Gap);
    /// assert!(err.to_string().contains("from -05:00 to -04:00"));
    /// # Ok::<(), diplomeet::Error>(())
    /// ```
    pub fn resolve(
        civil: NaiveDateTime,
        zone: Tz,
        policy: Disambiguation,
    ) -> Result<ZonedDateTime, Error> {
        let civil = no_leap(civil);
        check_year(&civil)?;
        check_horizon(&civil, zone)?;
        let zoned = match lookup(zone, &civil)? {
            Local::Unique(offset) => ZonedDateTime::raw(civil, zone, offset),
            Local::Fold { first, second } => match policy {
                Disambiguation::Reject => {
                    return Err(Error::new(Detail::Fold {
                        zone: zone.name().to_owned(),
                        civil: CivilText(civil).to_string(),
                        first: OffsetText(first).to_string(),
                        second: OffsetText(second).to_string(),
                        hint: "",
                    }));
                }
                Disambiguation::Earlier | Disambiguation::Compatible => {
                    ZonedDateTime::raw(civil, zone, first)
                }
                Disambiguation::Later => ZonedDateTime::raw(civil, zone, second),
            },
            Local::Gap { before, after } => {
                let read_with = match policy {
                    Disambiguation::Reject => {
                        return Err(Error::new(Detail::Gap {
                            zone: zone.name().to_owned(),
                            civil: CivilText(civil).to_string(),
                            before: OffsetText(before).to_string(),
                            after: OffsetText(after).to_string(),
                            hint: "",
                        }));
                    }
                    Disambiguation::Earlier => after,
                    Disambiguation::Later | Disambiguation::Compatible => before,
                };
                let utc = civil.checked_sub_offset(read_with).ok_or_else(|| {
                    Error::new(Detail::OutOfRange {
                        what: "date-time".to_owned(),
                        value: CivilText(civil).to_string(),
                    })
                })?;
                let zoned = ZonedDateTime::from_utc_civil(utc, zone)?;
                zoned.check_year()?;
                zoned
            }
        };
        Ok(zoned)
    }

    /// The civil time in `zone` at an instant. A leap second is read as the last
    /// nanosecond of its minute. Within a day of chrono's limits (years near
    /// ±262,143), where the civil time would not be representable, the instant
    /// saturates to the nearest one whose civil time is.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use diplomeet::ZonedDateTime;
    /// use diplomeet::time::parse_zone;
    ///
    /// let instant = Utc.with_ymd_and_hms(2023, 11, 14, 0, 0, 0).single().ok_or("no instant")?;
    /// let santiago = ZonedDateTime::from_instant(instant, parse_zone("America/Santiago")?);
    /// assert_eq!(santiago.to_string(), "2023-11-13T21:00:00-03:00[America/Santiago]");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_instant(instant: DateTime<Utc>, zone: Tz) -> ZonedDateTime {
        let utc = no_leap(instant.naive_utc());
        match ZonedDateTime::from_utc_civil(utc, zone) {
            Ok(zoned) => zoned,
            // Within a day of chrono's limits the civil time cannot be represented:
            // saturate to the last (or first) civil time that can.
            Err(_) => {
                let offset = offset_at(zone, &utc);
                let edge = if offset.local_minus_utc() > 0 {
                    NaiveDateTime::MAX
                } else {
                    NaiveDateTime::MIN
                };
                edge.checked_sub_offset(offset)
                    .and_then(|u| ZonedDateTime::from_utc_civil(u, zone).ok())
                    .unwrap_or(ZonedDateTime::raw(edge, zone, offset))
            }
        }
    }

    /// The same instant and zone as a chrono `DateTime<Tz>`.
    ///
    /// ```
    /// use chrono::TimeZone;
    /// use diplomeet::ZonedDateTime;
    ///
    /// let dt = chrono_tz::Asia::Tokyo
    ///     .with_ymd_and_hms(2023, 11, 14, 9, 0, 0)
    ///     .single()
    ///     .ok_or("no instant")?;
    /// let zoned = ZonedDateTime::from_datetime(&dt);
    /// assert_eq!(zoned.to_string(), "2023-11-14T09:00:00+09:00[Asia/Tokyo]");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_datetime(dt: &DateTime<Tz>) -> ZonedDateTime {
        ZonedDateTime::from_instant(dt.to_utc(), dt.timezone())
    }

    /// Reads an RFC 9557 string such as
    /// `2023-11-13T16:00:00-08:00[America/Los_Angeles]`, with `policy` deciding
    /// what an offset that the zone does not have at that civil time means.
    ///
    /// What is read:
    ///
    /// * the civil time as in [`parse_civil`](crate::time::parse_civil): `T` or `t`,
    ///   seconds optional, a fraction of one to nine digits kept exactly;
    /// * the offset: `±HH:MM`, or `±HH:MM:SS` (an extension for local mean time,
    ///   which Temporal shares), or `Z` / `z` / `-00:00`: the instant is known but
    ///   not the local offset, so the civil time is read as UTC and converted into
    ///   the zone, whatever the policy;
    /// * one time-zone annotation with an IANA name, `[America/Los_Angeles]`, or
    ///   critical, `[!America/Los_Angeles]`; numeric zones (`[+09:00]`) are refused;
    /// * then tags `[key=value]`: `u-ca=iso8601` is accepted, any other critical
    ///   tag (`[!u-ca=japanese]`) is refused, elective ones are ignored.
    ///
    /// An offset that is one of a fold's two offsets selects that occurrence.
    ///
    /// # Errors
    ///
    /// * [`ErrorKind::InvalidTimestamp`](crate::ErrorKind::InvalidTimestamp) for
    ///   malformed text (naming the input and what is wrong);
    /// * [`ErrorKind::UnknownZone`](crate::ErrorKind::UnknownZone);
    /// * [`ErrorKind::OffsetConflict`](crate::ErrorKind::OffsetConflict) with
    ///   [`OffsetPolicy::Reject`] for an offset the zone does not have then
    ///   (including any offset for a civil time in a gap);
    /// * [`ErrorKind::OutOfRange`](crate::ErrorKind::OutOfRange) when the result's
    ///   civil time leaves the years 0000–9999.
    ///
    /// ```
    /// use diplomeet::{OffsetPolicy, ZonedDateTime};
    ///
    /// let first = ZonedDateTime::parse(
    ///     "2026-11-01T01:30:00-04:00[America/New_York]",
    ///     OffsetPolicy::Reject,
    /// )?;
    /// let second = ZonedDateTime::parse(
    ///     "2026-11-01T01:30:00-05:00[America/New_York]",
    ///     OffsetPolicy::Reject,
    /// )?;
    /// assert!(first < second);
    ///
    /// // Samoa moved from -11:00 to +13:00 at the end of 2011: an old string.
    /// let stale = "2012-06-01T10:00:00-11:00[Pacific/Apia]";
    /// assert!(ZonedDateTime::parse(stale, OffsetPolicy::Reject).is_err());
    /// let civil = ZonedDateTime::parse(stale, OffsetPolicy::KeepCivil)?;
    /// assert_eq!(civil.to_string(), "2012-06-01T10:00:00+13:00[Pacific/Apia]");
    /// let instant = ZonedDateTime::parse(stale, OffsetPolicy::KeepInstant)?;
    /// assert_eq!(instant.to_string(), "2012-06-02T10:00:00+13:00[Pacific/Apia]");
    /// # Ok::<(), diplomeet::Error>(())
    /// ```
    pub fn parse(text: &str, policy: OffsetPolicy) -> Result<ZonedDateTime, Error> {
        rfc9557::parse(text, policy)
    }

    /// The civil (wall-clock) date-time in the zone.
    ///
    /// ```
    /// use diplomeet::ZonedDateTime;
    /// use diplomeet::time::parse_civil;
    ///
    /// let z: ZonedDateTime = "2023-11-13T16:00:00-08:00[America/Los_Angeles]".parse()?;
    /// assert_eq!(z.civil(), parse_civil("2023-11-13T16:00")?);
    /// # Ok::<(), diplomeet::Error>(())
    /// ```
    pub fn civil(&self) -> NaiveDateTime {
        self.civil
    }

    /// The civil date in the zone.
    ///
    /// ```
    /// use diplomeet::ZonedDateTime;
    ///
    /// let z: ZonedDateTime = "2023-11-14T09:00:00+09:00[Asia/Tokyo]".parse()?;
    /// assert_eq!(z.date().to_string(), "2023-11-14");
    /// # Ok::<(), diplomeet::Error>(())
    /// ```
    pub fn date(&self) -> NaiveDate {
        self.civil.date()
    }

    /// The time zone.
    ///
    /// ```
    /// use diplomeet::ZonedDateTime;
    ///
    /// let z: ZonedDateTime = "2023-11-14T09:00:00+09:00[Asia/Tokyo]".parse()?;
    /// assert_eq!(z.zone(), chrono_tz::Asia::Tokyo);
    /// # Ok::<(), diplomeet::Error>(())
    /// ```
    pub fn zone(&self) -> Tz {
        self.zone
    }

    /// The zone's UTC offset at this instant.
    ///
    /// ```
    /// use diplomeet::ZonedDateTime;
    ///
    /// let z: ZonedDateTime = "2023-11-14T09:00:00+09:00[Asia/Tokyo]".parse()?;
    /// assert_eq!(z.offset().local_minus_utc(), 9 * 3600);
    /// # Ok::<(), diplomeet::Error>(())
    /// ```
    pub fn offset(&self) -> FixedOffset {
        self.offset
    }

    /// The instant, as a naive UTC date-time.
    fn utc(&self) -> NaiveDateTime {
        // Cannot fail: every value was built as instant + offset.
        self.civil
            .checked_sub_offset(self.offset)
            .unwrap_or(self.civil)
    }

    /// The same instant and zone as a chrono `DateTime<Tz>`.
    ///
    /// ```
    /// use diplomeet::ZonedDateTime;
    ///
    /// let z: ZonedDateTime = "2023-11-14T09:00:00+09:00[Asia/Tokyo]".parse()?;
    /// assert_eq!(z.to_datetime().to_rfc3339(), "2023-11-14T09:00:00+09:00");
    /// # Ok::<(), diplomeet::Error>(())
    /// ```
    pub fn to_datetime(&self) -> DateTime<Tz> {
        self.zone.from_utc_datetime(&self.utc())
    }

    /// The instant as RFC 3339 text with this time's offset and no zone
    /// (`2023-11-14T09:00:00+09:00`), as chrono's
    /// [`DateTime::to_rfc3339`] writes it: for formats that carry no zone
    /// name. [`Display`](std::fmt::Display) is RFC 9557, with the zone.
    ///
    /// ```
    /// use diplomeet::ZonedDateTime;
    ///
    /// let tokyo: ZonedDateTime = "2023-11-14T09:00:00+09:00[Asia/Tokyo]".parse()?;
    /// assert_eq!(tokyo.to_rfc3339(), "2023-11-14T09:00:00+09:00");
    /// # Ok::<(), diplomeet::Error>(())
    /// ```
    pub fn to_rfc3339(&self) -> String {
        self.to_datetime().to_rfc3339()
    }

    /// The instant, in UTC.
    ///
    /// ```
    /// use diplomeet::ZonedDateTime;
    ///
    /// let z: ZonedDateTime = "2023-11-14T09:00:00+09:00[Asia/Tokyo]".parse()?;
    /// assert_eq!(z.instant().to_rfc3339(), "2023-11-14T00:00:00+00:00");
    /// # Ok::<(), diplomeet::Error>(())
    /// ```
    pub fn instant(&self) -> DateTime<Utc> {
        DateTime::from_naive_utc_and_offset(self.utc(), Utc)
    }

    /// The same instant in another zone.
    ///
    /// ```
    /// use diplomeet::ZonedDateTime;
    /// use diplomeet::time::parse_zone;
    ///
    /// let la: ZonedDateTime = "2023-11-13T16:00:00-08:00[America/Los_Angeles]".parse()?;
    /// let santiago = la.in_zone(parse_zone("America/Santiago")?);
    /// assert_eq!(santiago.to_string(), "2023-11-13T21:00:00-03:00[America/Santiago]");
    /// # Ok::<(), diplomeet::Error>(())
    /// ```
    pub fn in_zone(&self, zone: Tz) -> ZonedDateTime {
        ZonedDateTime::from_instant(self.instant(), zone)
    }

    /// Adds exact elapsed time (not calendar time): 24 hours after 12:00 on the
    /// day before a spring-forward is 13:00 in the zone.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::OutOfRange`](crate::ErrorKind::OutOfRange) when the result
    /// would leave chrono's range or its civil time the years 0000–9999.
    ///
    /// ```
    /// use chrono::TimeDelta;
    /// use diplomeet::{Error, ZonedDateTime};
    ///
    /// let start: ZonedDateTime = "2026-03-07T12:00:00-05:00[America/New_York]".parse()?;
    /// let day = TimeDelta::try_hours(24).ok_or("overflow")?;
    /// let next = start.checked_add(day)?;
    /// assert_eq!(next.to_string(), "2026-03-08T13:00:00-04:00[America/New_York]");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_add(&self, d: TimeDelta) -> Result<ZonedDateTime, Error> {
        let out_of_range = || {
            Error::new(Detail::OutOfRange {
                what: "date-time".to_owned(),
                value: format!("{self} plus {d}"),
            })
        };
        let utc = self.utc().checked_add_signed(d).ok_or_else(out_of_range)?;
        let zoned = ZonedDateTime::from_utc_civil(utc, self.zone)?;
        zoned.check_year()?;
        Ok(zoned)
    }
}

fn check_year(civil: &NaiveDateTime) -> Result<(), Error> {
    use chrono::Datelike;
    if (0..=9999).contains(&civil.year()) {
        Ok(())
    } else {
        Err(Error::new(Detail::OutOfRange {
            what: "year".to_owned(),
            value: format!("{} (years run 0000 to 9999)", civil.year()),
        }))
    }
}

/// The last year of the transitions chrono-tz embeds: it has none after
/// 2099, so a zone that changes its clocks every year would be read with
/// 2099's last offset ever after (New York in July 2100 at -05:00).
pub(crate) const ZONE_DATA_LAST_YEAR: i32 = 2099;

/// `ZoneDataHorizon` for a civil time past [`ZONE_DATA_LAST_YEAR`] in a zone
/// that still keeps daylight-saving time then (its offsets in January and
/// July of that year differ). Zones on one offset all year are right
/// forever after, and pass.
pub(super) fn check_horizon(civil: &NaiveDateTime, zone: Tz) -> Result<(), Error> {
    use chrono::{Datelike, Offset};
    if civil.year() <= ZONE_DATA_LAST_YEAR {
        return Ok(());
    }
    let offset_on = |month: u32| {
        NaiveDate::from_ymd_opt(ZONE_DATA_LAST_YEAR, month, 15)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .map(|t| zone.offset_from_utc_datetime(&t).fix())
    };
    if offset_on(1) == offset_on(7) {
        return Ok(());
    }
    Err(Error::new(Detail::ZoneDataHorizon {
        zone: zone.name().to_owned(),
        civil: CivilText(*civil).to_string(),
        last_year: ZONE_DATA_LAST_YEAR,
    }))
}

impl From<DateTime<Tz>> for ZonedDateTime {
    /// The same instant in the same zone (as
    /// [`from_datetime`](ZonedDateTime::from_datetime)).
    fn from(dt: DateTime<Tz>) -> ZonedDateTime {
        ZonedDateTime::from_datetime(&dt)
    }
}

impl From<ZonedDateTime> for DateTime<Tz> {
    /// chrono's view of the same instant in the same zone (as
    /// [`to_datetime`](ZonedDateTime::to_datetime)), for formatting or
    /// arithmetic with chrono.
    fn from(z: ZonedDateTime) -> DateTime<Tz> {
        z.to_datetime()
    }
}

impl fmt::Display for ZonedDateTime {
    /// RFC 9557: `2023-11-13T16:00:00-08:00[America/Los_Angeles]`, always with
    /// seconds, with a fraction only when non-zero (no trailing zeros), the offset
    /// with seconds only when it has them (`+09:18:59`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}{}[{}]",
            CivilText(self.civil),
            OffsetText(self.offset),
            self.zone.name()
        )
    }
}

impl FromStr for ZonedDateTime {
    type Err = Error;

    /// [`ZonedDateTime::parse`] with [`OffsetPolicy::Reject`].
    fn from_str(s: &str) -> Result<Self, Error> {
        ZonedDateTime::parse(s, OffsetPolicy::Reject)
    }
}

impl PartialOrd for ZonedDateTime {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ZonedDateTime {
    /// By instant, then by zone name, then by civil time.
    fn cmp(&self, other: &Self) -> Ordering {
        self.utc()
            .cmp(&other.utc())
            .then_with(|| self.zone.name().cmp(other.zone.name()))
            .then_with(|| self.civil.cmp(&other.civil))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ZonedDateTime {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for ZonedDateTime {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = ZonedDateTime;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "an RFC 9557 string such as 2023-11-13T16:00:00-08:00[America/Los_Angeles]",
                )
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ZonedDateTime, E> {
                v.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}
