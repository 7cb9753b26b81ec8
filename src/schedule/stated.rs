//! Stated-time checks: does "09:00 on November 14 JST" in a readout agree with
//! the meeting? [`StatedTime`] and [`Meeting::check_stated`].

use std::fmt;
use std::str::FromStr;

use chrono::{FixedOffset, NaiveDateTime, Offset, TimeDelta, TimeZone, Timelike};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

use crate::error::{Detail, Error, echo};
use crate::meeting::{Meeting, Start};
use crate::time::{ZonedDateTime, parse_civil, parse_zone};

/// The longest abbreviation read as one ("CHADT" has five letters).
const MAX_ABBREVIATION: usize = 6;

/// The zone of a [`StatedTime`]: an IANA name, or an abbreviation to resolve
/// among the meeting's zones.
///
/// ```
/// use diplomeet::schedule::{StatedTime, StatedZone};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let named: StatedTime = "2023-11-14T09:00 Asia/Tokyo".parse()?;
/// assert_eq!(named.zone(), &StatedZone::Named(chrono_tz::Asia::Tokyo));
/// let numeric: StatedTime = "2023-11-13T21:00 -03".parse()?;
/// assert_eq!(numeric.zone(), &StatedZone::Abbreviation("-03".into()));
/// assert_eq!(numeric.zone().to_string(), "-03");
/// # Ok(())
/// # }
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum StatedZone {
    /// An IANA zone (`Asia/Tokyo`), or `UTC` / `GMT`: used as given, whether
    /// or not the meeting involves it.
    Named(Tz),
    /// An abbreviation (`JST`, `CEST`, or a tzdata numeric one such as
    /// `-03`), resolved by [`Meeting::check_stated`] among the zones the
    /// meeting involves.
    Abbreviation(String),
}

impl fmt::Display for StatedZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StatedZone::Named(tz) => f.write_str(tz.name()),
            StatedZone::Abbreviation(a) => f.write_str(a),
        }
    }
}

/// A time as a readout states it: a civil time and a zone, given by IANA name
/// or by abbreviation ("9:00 a.m. on November 14 JST").
///
/// Its text form is the civil time as [`parse_civil`] reads it (`HH:MM`, or
/// `HH:MM:SS` when seconds matter), one or more spaces, and the zone:
///
/// * an IANA name: `2023-11-14T09:00:00 Asia/Tokyo`;
/// * `UTC` or `GMT`, or `Z` for UTC (written back as `UTC`);
/// * an abbreviation of two to six ASCII letters (`JST`, `PST`, `CEST`,
///   `ChST`), or a tzdata numeric abbreviation (`-03`, `+0530`; `-0400` is
///   the same as `-04`). A token in
///   capitals is always read as an abbreviation, even where an IANA zone has
///   that name (`EST`, `CET`): readouts mean the clock of a place, not a
///   fixed-offset zone.
///
/// ```
/// use diplomeet::schedule::{StatedTime, StatedZone};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let jst: StatedTime = "2023-11-14T09:00 JST".parse()?;
/// assert_eq!(jst.zone(), &StatedZone::Abbreviation("JST".into()));
/// assert!(!jst.has_seconds());
/// assert_eq!(jst.to_string(), "2023-11-14T09:00 JST");
///
/// let santiago: StatedTime = "2023-11-13T21:00:00 America/Santiago".parse()?;
/// assert_eq!(santiago.zone(), &StatedZone::Named(chrono_tz::America::Santiago));
/// assert!(santiago.has_seconds());
///
/// assert!("2023-11-14T09:00".parse::<StatedTime>().is_err());
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StatedTime {
    civil: NaiveDateTime,
    seconds: bool,
    zone: StatedZone,
}

impl StatedTime {
    /// The stated civil time (seconds zero when none were given).
    ///
    /// ```
    /// use diplomeet::schedule::{StatedTime, StatedZone};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let stated: StatedTime = "2023-11-14T09:00 JST".parse()?;
    /// assert_eq!(stated.civil(), diplomeet::time::parse_civil("2023-11-14T09:00")?);
    /// # let _: Option<StatedZone> = None;
    /// # Ok(())
    /// # }
    /// ```
    pub fn civil(&self) -> NaiveDateTime {
        self.civil
    }

    /// Whether seconds were given: then they must match too; otherwise the
    /// check is to the minute.
    ///
    /// ```
    /// use diplomeet::schedule::{StatedTime, StatedZone};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// assert!(!"2023-11-14T09:00 JST".parse::<StatedTime>()?.has_seconds());
    /// assert!("2023-11-14T09:00:00 JST".parse::<StatedTime>()?.has_seconds());
    /// # let _: Option<StatedZone> = None;
    /// # Ok(())
    /// # }
    /// ```
    pub fn has_seconds(&self) -> bool {
        self.seconds
    }

    /// The stated zone.
    ///
    /// ```
    /// use diplomeet::schedule::{StatedTime, StatedZone};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let stated: StatedTime = "2023-11-14T00:00 Z".parse()?;
    /// assert_eq!(stated.zone(), &StatedZone::Named(chrono_tz::UTC));
    /// # let _: Option<StatedZone> = None;
    /// # Ok(())
    /// # }
    /// ```
    pub fn zone(&self) -> &StatedZone {
        &self.zone
    }
}

/// Writes `civil` as `YYYY-MM-DDTHH:MM`, with seconds (and a fraction when
/// non-zero) when `seconds` is set.
struct Civil(NaiveDateTime, bool);

impl fmt::Display for Civil {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Civil(c, seconds) = *self;
        write!(f, "{}", c.format("%Y-%m-%dT%H:%M"))?;
        if seconds {
            write!(f, ":{:02}", c.second())?;
            let nano = c.nanosecond() % 1_000_000_000;
            if nano != 0 {
                let digits = format!("{nano:09}");
                write!(f, ".{}", digits.trim_end_matches('0'))?;
            }
        }
        Ok(())
    }
}

impl fmt::Display for StatedTime {
    /// `2023-11-14T09:00 JST`: the civil time (seconds when given) and the
    /// zone, which [`FromStr`] reads back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", Civil(self.civil, self.seconds), self.zone)
    }
}

fn invalid(text: &str, reason: impl Into<String>) -> Error {
    Error::new(Detail::InvalidTimestamp {
        input: echo(text),
        reason: reason.into(),
    })
}

/// Whether `token` has the shape of a tzdata numeric abbreviation: `±HH` or
/// `±HHMM`.
fn is_numeric_abbreviation(token: &str) -> bool {
    let b = token.as_bytes();
    matches!(b.first(), Some(b'+' | b'-'))
        && matches!(b.len(), 3 | 5)
        && b.iter().skip(1).all(u8::is_ascii_digit)
}

fn is_letter_abbreviation(token: &str) -> bool {
    (2..=MAX_ABBREVIATION).contains(&token.len()) && token.bytes().all(|b| b.is_ascii_alphabetic())
}

fn parse_stated_zone(text: &str, token: &str) -> Result<StatedZone, Error> {
    if token == "Z" {
        return Ok(StatedZone::Named(Tz::UTC));
    }
    if token == "UTC" || token == "GMT" {
        return parse_zone(token).map(StatedZone::Named);
    }
    if is_numeric_abbreviation(token) {
        return Ok(StatedZone::Abbreviation(token.to_owned()));
    }
    if is_letter_abbreviation(token) {
        let capitals = token.bytes().all(|b| b.is_ascii_uppercase());
        // A capitalised IANA name ("Japan", "Egypt") is a zone; capitals
        // ("EST", "CET") and anything else are an abbreviation.
        if !capitals {
            if let Ok(tz) = parse_zone(token) {
                return Ok(StatedZone::Named(tz));
            }
        }
        return Ok(StatedZone::Abbreviation(token.to_owned()));
    }
    parse_zone(token).map(StatedZone::Named).map_err(|_| {
        invalid(
            text,
            format!(
                "{:?} is neither an IANA zone name nor a zone abbreviation \
                 (two to six letters, or a numeric one such as -03)",
                echo(token)
            ),
        )
    })
}

impl FromStr for StatedTime {
    type Err = Error;

    /// Reads `CIVIL ZONE`, as described on [`StatedTime`].
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidTimestamp`](crate::ErrorKind::InvalidTimestamp)
    /// for a malformed civil time, a missing or unreadable zone, or extra
    /// text.
    fn from_str(text: &str) -> Result<StatedTime, Error> {
        let mut parts = text.split_ascii_whitespace();
        let (Some(civil_text), Some(zone_text), None) = (parts.next(), parts.next(), parts.next())
        else {
            return Err(invalid(
                text,
                "expected a civil time and a zone separated by a space, \
                 as in 2023-11-14T09:00 JST",
            ));
        };
        let civil = parse_civil(civil_text)?;
        // `YYYY-MM-DDTHH:MM` is 16 bytes; anything longer has seconds.
        let seconds = civil_text.len() > 16;
        let zone = parse_stated_zone(text, zone_text)?;
        Ok(StatedTime {
            civil,
            seconds,
            zone,
        })
    }
}

/// What `zone` calls itself at `utc`, with its offset then: the tzdata
/// abbreviation, or for zones whose abbreviation is numeric (chrono-tz gives
/// none), the numeric form tzdata writes (`-03`, `+0530`).
fn abbreviation_at(zone: Tz, utc: &NaiveDateTime) -> (String, FixedOffset) {
    let offset = zone.offset_from_utc_datetime(utc);
    let fixed = offset.fix();
    let name = match offset.abbreviation() {
        Some(a) => a.to_owned(),
        None => numeric_abbreviation(fixed),
    };
    (name, fixed)
}

/// `-03`, `+0530`, `+0845`: tzdata's `%z` form.
fn numeric_abbreviation(offset: FixedOffset) -> String {
    let secs = offset.local_minus_utc();
    let sign = if secs < 0 { '-' } else { '+' };
    let abs = secs.unsigned_abs();
    let (h, m) = (abs / 3600, abs / 60 % 60);
    if m == 0 {
        format!("{sign}{h:02}")
    } else {
        format!("{sign}{h:02}{m:02}")
    }
}

/// Joins `a`, `b` and `c` as "a, b and c".
fn and_list(items: &[String]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// The zones the meeting involves, each once: its own zone (the venue's, or
/// the stated zone of a remote meeting), then each participant's home zone in
/// order.
fn involved_zones(meeting: &Meeting) -> Vec<Tz> {
    let mut zones = vec![meeting.zone()];
    for m in meeting.participants() {
        if !zones.contains(&m.home_zone()) {
            zones.push(m.home_zone());
        }
    }
    zones
}

/// The offset a numeric abbreviation (`-03`, `+0530`) stands for, in
/// seconds east of UTC; `None` for a letter abbreviation.
fn numeric_offset(abbreviation: &str) -> Option<i32> {
    if !is_numeric_abbreviation(abbreviation) {
        return None;
    }
    let sign = if abbreviation.starts_with('-') { -1 } else { 1 };
    let digits = abbreviation.get(1..)?;
    let hours: i32 = digits.get(..2)?.parse().ok()?;
    let minutes: i32 = match digits.get(2..) {
        Some("") | None => 0,
        Some(m) => m.parse().ok()?,
    };
    Some(sign * (hours * 3600 + minutes * 60))
}

/// Whether a zone that calls itself `name` at offset `offset` goes by the
/// stated `abbreviation`: letters compare without regard to case, numeric
/// forms by the offset they stand for (`-0400` is `-04`).
fn goes_by(abbreviation: &str, name: &str, offset: FixedOffset) -> bool {
    match (numeric_offset(abbreviation), numeric_offset(name)) {
        (Some(stated), Some(_)) => stated == offset.local_minus_utc(),
        (None, None) => name.eq_ignore_ascii_case(abbreviation),
        _ => false,
    }
}

/// How far from the meeting's instant [`around`] looks, in weeks, each way.
const AROUND_WEEKS: i64 = 26;

/// Instants a week apart within six months either side of `utc`, nearest
/// first (`utc` itself excluded).
fn around(utc: NaiveDateTime) -> impl Iterator<Item = NaiveDateTime> {
    (1..=AROUND_WEEKS)
        .flat_map(|k| [-k, k])
        .filter_map(move |k| utc.checked_add_signed(TimeDelta::try_weeks(k)?))
}

/// Whether `zone` keeps daylight-saving time at some point within six
/// months of `utc`.
fn observes_dst(zone: Tz, utc: NaiveDateTime) -> bool {
    std::iter::once(utc)
        .chain(around(utc))
        .any(|t| !zone.offset_from_utc_datetime(&t).dst_offset().is_zero())
}

/// A stated abbreviation that none of the meeting's zones uses at its
/// start, but one of them uses at another time of year ("PDT" for a
/// November meeting in San Francisco): the zone meant, what it is called
/// then, and the offset the abbreviation stands for.
struct Misnamed {
    /// What the zone calls itself at the meeting's start, and its offset.
    actual: (String, FixedOffset),
    /// The offset of the zone when it goes by the stated abbreviation
    /// (nearest the meeting's start).
    stated_offset: FixedOffset,
}

/// What a stated abbreviation resolves to: a zone, and whether the zone
/// goes by that abbreviation only at other times of year.
struct Resolved {
    zone: Tz,
    misnamed: Option<Misnamed>,
}

/// The zone among [`involved_zones`] that calls itself `abbreviation` at
/// `start`; failing that, the zone that calls itself so within six months
/// of it (a daylight-saving misreading).
fn resolve_abbreviation(
    meeting: &Meeting,
    abbreviation: &str,
    start: &ZonedDateTime,
) -> Result<Resolved, Error> {
    let utc = start.instant().naive_utc();
    let named: Vec<(Tz, String, FixedOffset)> = involved_zones(meeting)
        .into_iter()
        .map(|z| {
            let (name, offset) = abbreviation_at(z, &utc);
            (z, name, offset)
        })
        .collect();
    let matching: Vec<&(Tz, String, FixedOffset)> = named
        .iter()
        .filter(|(_, name, offset)| goes_by(abbreviation, name, *offset))
        .collect();
    let Some(&&(first, _, first_offset)) = matching.first() else {
        return resolve_misnamed(abbreviation, &named, utc);
    };
    if matching.iter().any(|(_, _, o)| *o != first_offset) {
        let candidates: Vec<String> = matching
            .iter()
            .map(|(z, _, o)| format!("{} (UTC{o})", z.name()))
            .collect();
        return Err(Error::new(Detail::AmbiguousAbbreviation {
            abbreviation: echo(abbreviation),
            candidates: and_list(&candidates),
        }));
    }
    Ok(Resolved {
        zone: first,
        misnamed: None,
    })
}

/// The zone among `named` (each involved zone, with its name and offset at
/// `utc`) that goes by `abbreviation` at another time within six months of
/// `utc`. Several zones are one answer when they agree on everything that
/// matters: the name and offset at `utc`, and the offset the abbreviation
/// stands for.
fn resolve_misnamed(
    abbreviation: &str,
    named: &[(Tz, String, FixedOffset)],
    utc: NaiveDateTime,
) -> Result<Resolved, Error> {
    let candidates: Vec<(Tz, &String, FixedOffset, FixedOffset)> = named
        .iter()
        .filter_map(|(z, name, offset)| {
            let stated_offset = around(utc).find_map(|t| {
                let (other, other_offset) = abbreviation_at(*z, &t);
                goes_by(abbreviation, &other, other_offset).then_some(other_offset)
            })?;
            Some((*z, name, *offset, stated_offset))
        })
        .collect();
    let Some(&(zone, name, offset, stated_offset)) = candidates.first() else {
        let zones: Vec<String> = named
            .iter()
            .map(|(z, name, _)| format!("{} is {name}", z.name()))
            .collect();
        return Err(Error::new(Detail::UnknownAbbreviation {
            abbreviation: echo(abbreviation),
            zones: zones.join(", "),
        }));
    };
    if candidates
        .iter()
        .any(|&(_, n, o, so)| (n, o, so) != (name, offset, stated_offset))
    {
        let listed: Vec<String> = candidates
            .iter()
            .map(|(z, n, o, so)| {
                format!(
                    "{} (UTC{so} at other times of year, {n} at UTC{o} then)",
                    z.name()
                )
            })
            .collect();
        return Err(Error::new(Detail::AmbiguousAbbreviation {
            abbreviation: echo(abbreviation),
            candidates: and_list(&listed),
        }));
    }
    Ok(Resolved {
        zone,
        misnamed: Some(Misnamed {
            actual: (name.clone(), offset),
            stated_offset,
        }),
    })
}

/// Whether the civil time `actual` agrees with the stated one: to the
/// minute, or exactly when seconds were stated.
fn agrees(actual: NaiveDateTime, stated: &StatedTime) -> bool {
    if stated.has_seconds() {
        actual == stated.civil()
    } else {
        actual.with_nanosecond(0).and_then(|c| c.with_second(0)) == Some(stated.civil())
    }
}

impl Meeting {
    /// Checks a stated time against the meeting's start.
    ///
    /// An IANA zone is used as given. An abbreviation is resolved among the
    /// zones the meeting involves (its own zone, then each participant's home
    /// zone) by what each calls itself at the meeting's start instant; several
    /// zones with the same abbreviation and the same offset are one answer
    /// (the first of them is used). Numeric abbreviations compare by the
    /// offset they stand for (`-0400` is Santiago's `-04`). The stated civil
    /// time must equal the start on that zone's clock, to the minute, and to
    /// the second (and fraction) when the stated time has seconds.
    ///
    /// When no zone calls itself so at that instant, but one does at another
    /// time within six months ("PDT" for a November meeting in San
    /// Francisco, when Los Angeles is on PST), the stated time is taken as
    /// meant for that zone, with the wrong abbreviation: always a mismatch,
    /// which gives the correct civil time and abbreviation, and says whether
    /// the stated time, read at the abbreviation's offset, is the right
    /// instant.
    ///
    /// Returns the start in the resolved zone.
    ///
    /// # Errors
    ///
    /// * [`ErrorKind::StatedTimeMismatch`](crate::ErrorKind::StatedTimeMismatch)
    ///   when the times disagree, or the abbreviation is the zone's name at
    ///   another time of year; the message gives the correct civil time in
    ///   that zone (and says so when the slip is exactly one hour: the usual
    ///   daylight-saving misreading when the zone keeps daylight-saving
    ///   time, plainly "one hour" otherwise);
    /// * [`ErrorKind::UnknownAbbreviation`](crate::ErrorKind::UnknownAbbreviation)
    ///   when no zone of the meeting uses the abbreviation then, nor within
    ///   six months; the message lists each zone with what it is called then;
    /// * [`ErrorKind::AmbiguousAbbreviation`](crate::ErrorKind::AmbiguousAbbreviation)
    ///   when several use it with different offsets (America/Chicago and
    ///   Asia/Shanghai are both `CST`), or, failing any at that instant,
    ///   several differing zones use it at other times of year;
    /// * [`ErrorKind::NoTimeOfDay`](crate::ErrorKind::NoTimeOfDay) when the
    ///   meeting has a date but no time.
    ///
    /// ```
    /// use chrono::TimeDelta;
    /// use diplomeet::schedule::StatedTime;
    /// use diplomeet::{Country, ErrorKind, Meeting, Minister, PersonName, Portfolio, Post, Venue};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let minister = |given: &str, surname: &str, country: &str| -> Result<Minister, diplomeet::Error> {
    ///     let name = PersonName::builder().given(given).surname(surname).build()?;
    ///     Minister::builder(name, Country::from_code(country)?)
    ///         .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?)
    ///         .build()
    /// };
    /// let meeting = Meeting::builder("Japan-Chile Foreign Ministers' Meeting")
    ///     .venue(Venue::new("San Francisco", Country::from_code("US")?, chrono_tz::America::Los_Angeles)?)
    ///     .starts_at("2023-11-13T16:00:00".parse()?)
    ///     .duration(TimeDelta::try_minutes(30).ok_or("minutes")?)
    ///     .participant(minister("Yoko", "Kamikawa", "JP")?)
    ///     .participant(minister("Alberto", "van Klaveren", "CL")?)
    ///     .build()?;
    ///
    /// let tokyo = meeting.check_stated(&"2023-11-14T09:00 JST".parse::<StatedTime>()?)?;
    /// assert_eq!(tokyo.to_string(), "2023-11-14T09:00:00+09:00[Asia/Tokyo]");
    /// meeting.check_stated(&"2023-11-13T21:00 America/Santiago".parse()?)?;
    ///
    /// let err = meeting.check_stated(&"2023-11-14T08:00 JST".parse()?).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::StatedTimeMismatch);
    /// assert!(err.to_string().contains("it starts at 2023-11-14T09:00"));
    ///
    /// // In November, San Francisco is on PST: 17:00 PDT is the right
    /// // instant, but not what the clocks there say.
    /// let err = meeting.check_stated(&"2023-11-13T17:00 PDT".parse()?).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::StatedTimeMismatch);
    /// assert!(err.to_string().contains("it starts at 2023-11-13T16:00 PST in America/Los_Angeles"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn check_stated(&self, stated: &StatedTime) -> Result<ZonedDateTime, Error> {
        let start = match self.when() {
            Start::At(z) => *z,
            Start::On(d) => {
                return Err(Error::new(Detail::NoTimeOfDay {
                    date: d.to_string(),
                    what: "stated time to check",
                }));
            }
        };
        let resolved = match stated.zone() {
            StatedZone::Named(tz) => Resolved {
                zone: *tz,
                misnamed: None,
            },
            StatedZone::Abbreviation(a) => resolve_abbreviation(self, a, &start)?,
        };
        let zone = resolved.zone;
        let local = start.in_zone(zone);
        let civil = local.civil();
        let exact = civil.second() == 0 && civil.nanosecond() == 0;
        let correct = Civil(civil, stated.has_seconds() || !exact).to_string();
        if let Some(misnamed) = resolved.misnamed {
            return Err(misnamed_error(stated, zone, &start, correct, &misnamed));
        }
        if agrees(civil, stated) {
            return Ok(local);
        }
        let mut correct = correct;
        let slip = civil.signed_duration_since(stated.civil()).num_seconds();
        if slip == 3600 || slip == -3600 {
            let way = if slip > 0 { "later" } else { "earlier" };
            let usual = if observes_dst(zone, start.instant().naive_utc()) {
                " (the usual daylight-saving misreading)"
            } else {
                ""
            };
            correct.push_str(&format!(", one hour {way} than stated{usual},"));
        }
        Err(Error::new(Detail::StatedTimeMismatch {
            stated: stated.to_string(),
            zone: zone.name().to_owned(),
            correct,
        }))
    }
}

/// The mismatch for an abbreviation the zone goes by only at other times
/// of year: the correct civil time with what the zone is called then, and
/// whether the stated time, read at the abbreviation's offset, is the
/// right instant on the wrong clock.
fn misnamed_error(
    stated: &StatedTime,
    zone: Tz,
    start: &ZonedDateTime,
    correct: String,
    misnamed: &Misnamed,
) -> Error {
    let (name, offset) = &misnamed.actual;
    let abbreviation = stated.zone().to_string();
    let stated_offset = misnamed.stated_offset;
    let mut zone_text = format!(
        "{}, which is on {name} (UTC{offset}), not {abbreviation} (UTC{stated_offset}), \
         at that time",
        zone.name()
    );
    let same_instant = start
        .instant()
        .naive_utc()
        .checked_add_offset(stated_offset)
        .is_some_and(|c| agrees(c, stated));
    if same_instant {
        zone_text.push_str(": the stated time is the right instant, on the wrong clock");
    }
    Error::new(Detail::StatedTimeMismatch {
        stated: stated.to_string(),
        zone: zone_text,
        correct: format!("{correct} {name}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    fn offset(secs: i32) -> FixedOffset {
        FixedOffset::east_opt(secs).unwrap()
    }

    #[test]
    fn numeric_abbreviations() {
        assert_eq!(numeric_abbreviation(offset(-3 * 3600)), "-03");
        assert_eq!(numeric_abbreviation(offset(5 * 3600 + 1800)), "+0530");
        assert_eq!(numeric_abbreviation(offset(0)), "+00");
        assert_eq!(numeric_abbreviation(offset(-(9 * 3600 + 1800))), "-0930");
    }

    #[test]
    fn numeric_forms_compare_by_value() {
        assert_eq!(numeric_offset("-04"), Some(-4 * 3600));
        assert_eq!(numeric_offset("-0400"), Some(-4 * 3600));
        assert_eq!(numeric_offset("+0530"), Some(5 * 3600 + 1800));
        assert_eq!(numeric_offset("JST"), None);
        assert!(goes_by("-0400", "-04", offset(-4 * 3600)));
        assert!(goes_by("+0530", "+0530", offset(5 * 3600 + 1800)));
        assert!(!goes_by("-0300", "-04", offset(-4 * 3600)));
        // Letters never match a numeric form, nor the reverse.
        assert!(!goes_by("+09", "JST", offset(9 * 3600)));
        assert!(!goes_by("JST", "+09", offset(9 * 3600)));
        assert!(goes_by("jst", "JST", offset(9 * 3600)));
    }

    #[test]
    fn dst_is_kept_in_los_angeles_not_in_tokyo() {
        let t = NaiveDateTime::parse_from_str("2023-11-14T00:00:00", "%Y-%m-%dT%H:%M:%S").unwrap();
        assert!(observes_dst(chrono_tz::America::Los_Angeles, t));
        assert!(observes_dst(chrono_tz::America::Santiago, t));
        assert!(!observes_dst(chrono_tz::Asia::Tokyo, t));
        assert!(!observes_dst(Tz::UTC, t));
        assert_eq!(around(t).count(), 52);
    }

    #[test]
    fn parses_zones() {
        let z = |s: &str| s.parse::<StatedTime>().map(|t| t.zone().clone());
        let abbr = |s: &str| StatedZone::Abbreviation(s.to_owned());
        assert_eq!(z("2023-11-14T09:00 JST").unwrap(), abbr("JST"));
        assert_eq!(z("2023-11-14T09:00 EST").unwrap(), abbr("EST"));
        assert_eq!(z("2023-11-14T09:00 ChST").unwrap(), abbr("ChST"));
        assert_eq!(z("2023-11-14T09:00 -03").unwrap(), abbr("-03"));
        assert_eq!(z("2023-11-14T09:00 +0530").unwrap(), abbr("+0530"));
        assert_eq!(
            z("2023-11-14T09:00  Japan").unwrap(),
            StatedZone::Named(Tz::Japan)
        );
        assert_eq!(
            z("2023-11-14T09:00 UTC").unwrap(),
            StatedZone::Named(Tz::UTC)
        );
        assert_eq!(
            z("2023-11-14T09:00 GMT").unwrap(),
            StatedZone::Named(Tz::GMT)
        );
        for bad in [
            "",
            "2023-11-14T09:00",
            "2023-11-14T09:00 JST extra",
            "2023-11-14 09:00 JST",
            "2023-11-14T09:00 Mars/Olympus",
            "2023-11-14T09:00 +5",
            "2023-11-14T09:00 J",
        ] {
            let e = bad.parse::<StatedTime>().unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidTimestamp, "{bad}: {e}");
        }
    }

    #[test]
    fn round_trips_its_text() {
        for text in [
            "2023-11-14T09:00 JST",
            "2023-11-14T09:00:05 Asia/Tokyo",
            "2023-11-14T09:00:00 -03",
            "2023-11-14T09:00:00.25 UTC",
        ] {
            let t: StatedTime = text.parse().unwrap();
            assert_eq!(t.to_string(), text);
            assert_eq!(t.to_string().parse::<StatedTime>().unwrap(), t);
        }
    }

    #[test]
    fn and_lists() {
        let s = |v: &[&str]| and_list(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(s(&[]), "");
        assert_eq!(s(&["a"]), "a");
        assert_eq!(s(&["a", "b"]), "a and b");
        assert_eq!(s(&["a", "b", "c"]), "a, b and c");
    }
}
