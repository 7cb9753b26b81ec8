//! [`Itinerary`]: a minister's dated stays away from home, and the clock
//! they live by at each instant.

use std::fmt;

use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, Utc};
use chrono_tz::Tz;

use crate::error::{Collector, Detail, Error};
use crate::limits::{Limits, TextClass};
use crate::meeting::Meeting;
use crate::time::{ZonedDateTime, first_instant_at};

/// One stay: a place, its zone, and the civil dates spent there (first and
/// last, both included, read in the stay's zone).
///
/// The stay's dates run from 00:00 on its first date ([`start`](Stay::start))
/// to 00:00 after its last ([`end`](Stay::end)), both read in its zone (a
/// midnight in a gap is the instant the clocks jump over it). On the
/// itinerary's time line the stay holds [`arrival`](Stay::arrival) to
/// [`departure`](Stay::departure): the same instants, except where it
/// overlaps the stay before or after it (see [`Itinerary`]).
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use chrono::{NaiveDate, TimeZone, Utc};
/// use diplomeet::schedule::Itinerary;
///
/// let date = |d| NaiveDate::from_ymd_opt(2023, 11, d).ok_or("date");
/// let trip = Itinerary::builder()
///     .stay("San Francisco", chrono_tz::America::Los_Angeles, date(13)?, date(16)?)
///     .build()?;
/// let stay = trip.stays().first().ok_or("no stay")?;
/// assert_eq!((stay.place(), stay.zone()), ("San Francisco", chrono_tz::America::Los_Angeles));
/// assert_eq!((stay.first(), stay.last()), (date(13)?, date(16)?));
/// // 00:00 PST on the 13th to 00:00 PST on the 17th.
/// assert_eq!(stay.start(), Utc.with_ymd_and_hms(2023, 11, 13, 8, 0, 0).single().ok_or("instant")?);
/// assert_eq!(stay.end(), Utc.with_ymd_and_hms(2023, 11, 17, 8, 0, 0).single().ok_or("instant")?);
/// // Alone on the itinerary, it holds all of it.
/// assert_eq!((stay.arrival(), stay.departure()), (stay.start(), stay.end()));
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Stay {
    place: String,
    zone: Tz,
    first: NaiveDate,
    last: NaiveDate,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    /// 00:00 on the last date.
    last_start: DateTime<Utc>,
    /// 00:00 after the first date.
    first_end: DateTime<Utc>,
    arrival: DateTime<Utc>,
    departure: DateTime<Utc>,
}

impl Stay {
    /// The place, as given ("San Francisco").
    pub fn place(&self) -> &str {
        &self.place
    }

    /// The zone of the place.
    pub fn zone(&self) -> Tz {
        self.zone
    }

    /// The first civil date of the stay, in its zone.
    pub fn first(&self) -> NaiveDate {
        self.first
    }

    /// The last civil date of the stay (included), in its zone.
    pub fn last(&self) -> NaiveDate {
        self.last
    }

    /// 00:00 on the first date, in the stay's zone.
    pub fn start(&self) -> DateTime<Utc> {
        self.start
    }

    /// 00:00 after the last date, in the stay's zone (not included).
    pub fn end(&self) -> DateTime<Utc> {
        self.end
    }

    /// The first instant the itinerary places the minister here: the
    /// stay's [`start`](Stay::start), or the instant of the move from the
    /// previous stay when the two overlap (see [`Itinerary`]).
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::{NaiveDate, TimeZone, Utc};
    /// use chrono_tz::{America, Asia};
    /// use diplomeet::schedule::Itinerary;
    ///
    /// let date = |d| NaiveDate::from_ymd_opt(2023, 11, d).ok_or("date");
    /// let trip = Itinerary::builder()
    ///     .stay("Tokyo", Asia::Tokyo, date(12)?, date(13)?)
    ///     .stay("San Francisco", America::Los_Angeles, date(13)?, date(16)?)
    ///     .build()?;
    /// // Tokyo's 13th ends at 15:00 UTC, San Francisco's starts at 08:00 UTC:
    /// // the move is halfway, at 11:30 UTC.
    /// let sf = &trip.stays()[1];
    /// assert_eq!(sf.arrival(), Utc.with_ymd_and_hms(2023, 11, 13, 11, 30, 0).single().ok_or("instant")?);
    /// assert_eq!(trip.stays()[0].departure(), sf.arrival());
    /// # Ok(()) }
    /// ```
    pub fn arrival(&self) -> DateTime<Utc> {
        self.arrival
    }

    /// The first instant the itinerary no longer places the minister here:
    /// the stay's [`end`](Stay::end), or the instant of the move to the
    /// next stay when the two overlap.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::NaiveDate;
    /// use diplomeet::schedule::Itinerary;
    ///
    /// let date = |d| NaiveDate::from_ymd_opt(2024, 11, d).ok_or("date");
    /// let trip = Itinerary::builder()
    ///     .stay("Lima", chrono_tz::America::Lima, date(13)?, date(16)?)
    ///     .stay("Rio de Janeiro", chrono_tz::America::Sao_Paulo, date(18)?, date(19)?)
    ///     .build()?;
    /// // A whole date apart: no overlap, the 17th is spent at home.
    /// assert_eq!(trip.stays()[0].departure(), trip.stays()[0].end());
    /// # Ok(()) }
    /// ```
    pub fn departure(&self) -> DateTime<Utc> {
        self.departure
    }
}

/// A minister's travels: dated stays, each a place, a zone and a range of
/// civil dates.
///
/// At each instant the minister lives by the clock of the stay that holds
/// it on the itinerary's time line, else by their home zone: working hours
/// ([`WorkingHours::intervals_following`](super::WorkingHours::intervals_following)),
/// local times ([`Itinerary::clock_at`], [`Itinerary::meeting_clock`]) and
/// the free-slot search follow it. At the APEC meeting (2023-11-13 to 16 in
/// San Francisco) Minister Kamikawa's working day is San Francisco's.
///
/// # The time line
///
/// Stays are taken in the order of their first dates (then of their last
/// dates, then as given). Each stay's dates run from 00:00 on its first
/// date to 00:00 after its last, in its own zone ([`Stay::start`],
/// [`Stay::end`]); these are **instants**, compared as instants, never as
/// civil dates, so the date line is no special case.
///
/// * **Apart**: when a stay starts at or after the previous one ends, each
///   holds its own instants and the time between them (a civil date spent
///   elsewhere, or the hours between two zones' midnights) is the home
///   zone's. Add a stay if the minister is not at home then.
/// * **Overlapping**: two consecutive stays overlap when the later one
///   starts before the earlier one ends: travelling east, or on the date of
///   a move (the later stay's first date may be the earlier one's last: a
///   flight, or a day trip). The minister must be in the earlier place at
///   some time of its last date and in the later place at some time of the
///   later stay's first date, so the move happens in the window from the
///   latest of the later stay's start, the earlier stay's arrival and 00:00
///   on the earlier stay's last date, to the earliest of the earlier stay's
///   end and 00:00 after the later stay's first date. The itinerary puts
///   the move **at the middle of that window** (rounded down to the
///   second): the earlier stay holds the time line until then
///   ([`Stay::departure`]), the later one from then on ([`Stay::arrival`]).
///   Each stay thus keeps part of its first and last dates and exactly one
///   stay holds any instant.
///
/// Two stays are refused ([`build`](ItineraryBuilder::build)) when they
/// share more than one date (the later one's first date comes before the
/// earlier one's last), or when no move fits: the window is empty (under
/// two seconds), which happens only on a shared date more than 24 hours
/// apart in offset (Pago Pago's 14th, then Kiritimati's 14th, which ended
/// before Pago Pago's began).
///
/// Examples, in November 2023: Tokyo 13–14 then Honolulu 14–16 (east over
/// the date line, same date): the move is at 12:30 UTC on the 14th, 21:30
/// in Tokyo and 02:30 in Honolulu. Honolulu 13–14 then Tokyo 15–16 (west):
/// Tokyo's 15th starts at 15:00 UTC on the 14th, Honolulu's 14th ends at
/// 10:00 UTC on the 15th; the move is at 00:30 UTC on the 15th, so noon in
/// Honolulu on the 14th is Honolulu's. Tokyo 12–13 then San Francisco 13–16:
/// the move is at 11:30 UTC on the 13th (20:30 in Tokyo, 03:30 in San
/// Francisco), after Tokyo's working day and before San Francisco's.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use chrono::{NaiveDate, TimeZone, Utc};
/// use chrono_tz::{America, Asia, Pacific};
/// use diplomeet::schedule::Itinerary;
///
/// let date = |d| NaiveDate::from_ymd_opt(2023, 11, d).ok_or("date");
/// let at = |d, h| Utc.with_ymd_and_hms(2023, 11, d, h, 0, 0).single().ok_or("instant");
/// let trip = Itinerary::builder()
///     .stay("San Francisco", America::Los_Angeles, date(13)?, date(16)?)
///     .build()?;
/// assert_eq!(trip.zone_at(at(14, 0)?, Asia::Tokyo), America::Los_Angeles);
/// assert_eq!(trip.zone_at(at(20, 0)?, Asia::Tokyo), Asia::Tokyo);
///
/// // West over the date line: noon in Honolulu on the 14th is Honolulu's.
/// let west = Itinerary::builder()
///     .stay("Honolulu", Pacific::Honolulu, date(13)?, date(14)?)
///     .stay("Tokyo", Asia::Tokyo, date(15)?, date(16)?)
///     .build()?;
/// assert_eq!(west.zone_at(at(14, 22)?, America::Santiago), Pacific::Honolulu);
/// assert_eq!(west.zone_at(at(15, 1)?, America::Santiago), Asia::Tokyo);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Itinerary {
    /// In time-line order; their `arrival..departure` spans are sorted,
    /// disjoint and non-empty.
    stays: Vec<Stay>,
}

/// Builds an [`Itinerary`]; see [`Itinerary::builder`].
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use chrono::NaiveDate;
/// use diplomeet::schedule::ItineraryBuilder;
///
/// let d = NaiveDate::from_ymd_opt(2024, 11, 15).ok_or("date")?;
/// let trip = ItineraryBuilder::default().stay("Lima", chrono_tz::America::Lima, d, d).build()?;
/// assert_eq!(trip.stays().len(), 1);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct ItineraryBuilder {
    stays: Vec<(String, Tz, NaiveDate, NaiveDate)>,
    limits: Limits,
}

impl ItineraryBuilder {
    /// Adds a stay in `place` (in `zone`) from civil date `first` to `last`,
    /// both included.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::NaiveDate;
    /// use diplomeet::schedule::Itinerary;
    ///
    /// let d = |m, d| NaiveDate::from_ymd_opt(2024, m, d).ok_or("date");
    /// let trip = Itinerary::builder()
    ///     .stay("Lima", chrono_tz::America::Lima, d(11, 13)?, d(11, 16)?)
    ///     .build()?;
    /// assert_eq!(trip.stays()[0].last(), d(11, 16)?);
    /// # Ok(()) }
    /// ```
    pub fn stay(
        mut self,
        place: impl Into<String>,
        zone: Tz,
        first: NaiveDate,
        last: NaiveDate,
    ) -> Self {
        self.stays.push((place.into(), zone, first, last));
        self
    }

    /// The limits that place names are checked against (`max_name_len`).
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::NaiveDate;
    /// use diplomeet::{ErrorKind, Limits};
    /// use diplomeet::schedule::Itinerary;
    ///
    /// let d = NaiveDate::from_ymd_opt(2024, 11, 15).ok_or("date")?;
    /// let err = Itinerary::builder()
    ///     .limits(Limits::default().with_max_name_len(4))
    ///     .stay("Rio de Janeiro", chrono_tz::America::Sao_Paulo, d, d)
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::TooLong);
    /// # Ok(()) }
    /// ```
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Checks the stays and builds the itinerary, with its time line (see
    /// [`Itinerary`]); the stays may be given in any order.
    ///
    /// Cost: O(s log s) for s stays (at most
    /// [`Itinerary::MAX_STAYS`]), two zone lookups per stay.
    ///
    /// # Errors
    ///
    /// Every violation at once, each at `stays[i]` (the order given):
    /// [`Empty`](crate::ErrorKind::Empty) or
    /// [`TooLong`](crate::ErrorKind::TooLong) for a place name;
    /// [`InvalidValue`](crate::ErrorKind::InvalidValue) for a last date
    /// before the first; [`Inconsistent`](crate::ErrorKind::Inconsistent)
    /// for a stay that shares more than one date with the one before it, or
    /// that no move from it fits (see [`Itinerary`]);
    /// [`OutOfRange`](crate::ErrorKind::OutOfRange) for dates outside the
    /// years 0000–9999; [`TooMany`](crate::ErrorKind::TooMany) for more
    /// than [`Itinerary::MAX_STAYS`] stays.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::NaiveDate;
    /// use chrono_tz::{Asia, Pacific};
    /// use diplomeet::ErrorKind;
    /// use diplomeet::schedule::Itinerary;
    ///
    /// let date = |d| NaiveDate::from_ymd_opt(2023, 11, d).ok_or("date");
    /// // Sharing the date of a move is fine, even across the date line.
    /// Itinerary::builder()
    ///     .stay("Tokyo", Asia::Tokyo, date(13)?, date(14)?)
    ///     .stay("Honolulu", Pacific::Honolulu, date(14)?, date(16)?)
    ///     .build()?;
    /// // Sharing two dates is not.
    /// let err = Itinerary::builder()
    ///     .stay("Tokyo", Asia::Tokyo, date(13)?, date(15)?)
    ///     .stay("Honolulu", Pacific::Honolulu, date(14)?, date(16)?)
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!((err.kind(), err.path()), (ErrorKind::Inconsistent, "stays[1]"));
    /// # Ok(()) }
    /// ```
    pub fn build(self) -> Result<Itinerary, Error> {
        let mut out = Collector::new();
        self.limits.check_count(
            &mut out,
            "stays",
            "stays",
            self.stays.len(),
            Itinerary::MAX_STAYS,
            "Itinerary::MAX_STAYS",
        );
        out.check()?;
        let mut stays: Vec<(usize, Stay)> = Vec::with_capacity(self.stays.len());
        for (i, (place, zone, first, last)) in self.stays.into_iter().enumerate() {
            let path = || format!("stays[{i}]");
            self.limits.check_text_at(
                &mut out,
                || format!("stays[{i}].place"),
                "place",
                TextClass::Name,
                &place,
            );
            if last < first {
                out.push_at(
                    path,
                    Detail::InvalidValue {
                        what: "stay",
                        value: format!("{first} to {last}"),
                        reason: "the last date is before the first".to_owned(),
                    },
                );
                continue;
            }
            let bounds = out.take_at(path, stay_bounds(zone, first, last));
            if let Some([start, first_end, last_start, end]) = bounds {
                stays.push((
                    i,
                    Stay {
                        place,
                        zone,
                        first,
                        last,
                        start,
                        end,
                        last_start,
                        first_end,
                        arrival: start,
                        departure: end,
                    },
                ));
            }
        }
        stays.sort_by_key(|(i, s)| (s.first, s.last, *i));
        let mut kept: Vec<(usize, Stay)> = Vec::with_capacity(stays.len());
        for (j, mut b) in stays {
            if let Some((i, a)) = kept.last_mut() {
                match place_move(a, &b) {
                    Ok(Some(at)) => {
                        a.departure = at;
                        b.arrival = at;
                    }
                    Ok(None) => {}
                    Err(why) => {
                        out.push_at(
                            || format!("stays[{j}]"),
                            Detail::Inconsistent(format!(
                                "the stay in {} from {} to {} {why} stays[{i}], in {} from {} to {}",
                                crate::error::echo(&b.place),
                                b.first,
                                b.last,
                                crate::error::echo(&a.place),
                                a.first,
                                a.last
                            )),
                        );
                        // Leave it out, so later stays are checked against
                        // the last good one.
                        continue;
                    }
                }
            }
            kept.push((j, b));
        }
        out.finish()?;
        let stays: Vec<Stay> = kept.into_iter().map(|(_, s)| s).collect();
        Ok(Itinerary { stays })
    }
}

/// 00:00 on the first date, after the first date, on the last date and
/// after the last date, in the zone.
fn stay_bounds(zone: Tz, first: NaiveDate, last: NaiveDate) -> Result<[DateTime<Utc>; 4], Error> {
    year_ok(first)?;
    year_ok(last)?;
    let midnight = |d: NaiveDate| first_instant_at(d.and_time(NaiveTime::MIN), zone);
    let after = |d: NaiveDate| d.succ_opt().ok_or_else(|| out_of_range(d));
    Ok([
        midnight(first)?,
        midnight(after(first)?)?,
        midnight(last)?,
        midnight(after(last)?)?,
    ])
}

/// Where `b` comes right after `a` on the time line: `None` when they do
/// not overlap, else the instant of the move (see [`Itinerary`]), or why
/// `b` cannot follow `a`.
fn place_move(a: &Stay, b: &Stay) -> Result<Option<DateTime<Utc>>, &'static str> {
    if b.first < a.last {
        return Err("shares more than the date of a move with");
    }
    if b.start >= a.end {
        return Ok(None);
    }
    let lo = b.start.max(a.arrival).max(a.last_start);
    let hi = a.end.min(b.first_end);
    let half = hi.signed_duration_since(lo).num_seconds() / 2;
    match TimeDelta::try_seconds(half).filter(|h| *h > TimeDelta::zero()) {
        Some(h) => lo
            .checked_add_signed(h)
            .map(Some)
            .ok_or("leaves no time to move from"),
        None => Err("leaves no time to move from"),
    }
}

fn year_ok(d: NaiveDate) -> Result<(), Error> {
    use chrono::Datelike;
    if (0..=9999).contains(&d.year()) {
        Ok(())
    } else {
        Err(out_of_range(d))
    }
}

fn out_of_range(d: NaiveDate) -> Error {
    Error::new(Detail::OutOfRange {
        what: "stay date".to_owned(),
        value: d.to_string(),
    })
}

impl Itinerary {
    /// The most stays one itinerary may have.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::NaiveDate;
    /// use diplomeet::ErrorKind;
    /// use diplomeet::schedule::Itinerary;
    ///
    /// let d = NaiveDate::from_ymd_opt(2024, 1, 1).ok_or("date")?;
    /// let mut b = Itinerary::builder();
    /// for _ in 0..=Itinerary::MAX_STAYS {
    ///     b = b.stay("Bern", chrono_tz::Europe::Zurich, d, d);
    /// }
    /// assert_eq!(b.build().unwrap_err().kind(), ErrorKind::TooMany);
    /// # Ok(()) }
    /// ```
    pub const MAX_STAYS: usize = 1_000;

    /// An empty builder.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::NaiveDate;
    /// use chrono_tz::{America, Asia};
    /// use diplomeet::ErrorKind;
    /// use diplomeet::schedule::Itinerary;
    ///
    /// let date = |d| NaiveDate::from_ymd_opt(2023, 11, d).ok_or("date");
    /// let err = Itinerary::builder()
    ///     .stay("San Francisco", America::Los_Angeles, date(13)?, date(16)?)
    ///     .stay("Tokyo", Asia::Tokyo, date(15)?, date(18)?)
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::Inconsistent);
    /// assert_eq!(err.path(), "stays[1]");
    /// # Ok(()) }
    /// ```
    pub fn builder() -> ItineraryBuilder {
        ItineraryBuilder::default()
    }

    /// An itinerary with no stay: the minister is always at home.
    ///
    /// ```
    /// use diplomeet::schedule::Itinerary;
    ///
    /// assert!(Itinerary::new().stays().is_empty());
    /// ```
    pub fn new() -> Itinerary {
        Itinerary::default()
    }

    /// The stays, in time-line order (by first date, then last date).
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::NaiveDate;
    /// use diplomeet::schedule::Itinerary;
    ///
    /// let d = |m, d| NaiveDate::from_ymd_opt(2024, m, d).ok_or("date");
    /// let trip = Itinerary::builder()
    ///     .stay("Rio de Janeiro", chrono_tz::America::Sao_Paulo, d(11, 17)?, d(11, 20)?)
    ///     .stay("Lima", chrono_tz::America::Lima, d(11, 13)?, d(11, 16)?)
    ///     .build()?;
    /// let places: Vec<&str> = trip.stays().iter().map(|s| s.place()).collect();
    /// assert_eq!(places, ["Lima", "Rio de Janeiro"]);
    /// # Ok(()) }
    /// ```
    pub fn stays(&self) -> &[Stay] {
        &self.stays
    }

    /// The stay that holds `instant` on the time line, if any: the one with
    /// `arrival <= instant < departure`; at most one does.
    ///
    /// Cost: O(log s) for s stays (binary search).
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::{NaiveDate, TimeZone, Utc};
    /// use diplomeet::schedule::Itinerary;
    ///
    /// let date = |d| NaiveDate::from_ymd_opt(2023, 11, d).ok_or("date");
    /// let trip = Itinerary::builder()
    ///     .stay("San Francisco", chrono_tz::America::Los_Angeles, date(13)?, date(16)?)
    ///     .build()?;
    /// let t = Utc.with_ymd_and_hms(2023, 11, 14, 0, 0, 0).single().ok_or("instant")?;
    /// assert_eq!(trip.stay_at(t).map(|s| s.place()), Some("San Francisco"));
    /// let before = Utc.with_ymd_and_hms(2023, 11, 13, 7, 59, 0).single().ok_or("instant")?;
    /// assert!(trip.stay_at(before).is_none());
    /// # Ok(()) }
    /// ```
    pub fn stay_at(&self, instant: DateTime<Utc>) -> Option<&Stay> {
        let i = self.stays.partition_point(|s| s.arrival <= instant);
        let stay = self.stays.get(i.checked_sub(1)?)?;
        (instant < stay.departure).then_some(stay)
    }

    /// The zone the minister lives by at `instant`: the zone of the stay
    /// that holds it, else `home`.
    ///
    /// Cost: O(log s), as [`stay_at`](Itinerary::stay_at).
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::{TimeZone, Utc};
    /// use diplomeet::schedule::Itinerary;
    ///
    /// let t = Utc.with_ymd_and_hms(2023, 11, 14, 0, 0, 0).single().ok_or("instant")?;
    /// assert_eq!(Itinerary::new().zone_at(t, chrono_tz::Asia::Tokyo), chrono_tz::Asia::Tokyo);
    /// # Ok(()) }
    /// ```
    pub fn zone_at(&self, instant: DateTime<Utc>, home: Tz) -> Tz {
        self.stay_at(instant).map_or(home, Stay::zone)
    }

    /// The stretches of `[from, to)` spent in one zone, in order, covering
    /// the window without gaps: `(start, end, zone)`.
    pub(crate) fn zones_between(
        &self,
        home: Tz,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Vec<(DateTime<Utc>, DateTime<Utc>, Tz)> {
        let mut out = Vec::new();
        let mut at = from;
        let first = self.stays.partition_point(|s| s.departure <= from);
        for stay in self.stays.get(first..).unwrap_or_default() {
            if stay.arrival >= to {
                break;
            }
            if at < stay.arrival {
                out.push((at, stay.arrival, home));
            }
            let (s, e) = (stay.arrival.max(at), stay.departure.min(to));
            if s < e {
                out.push((s, e, stay.zone));
            }
            at = at.max(e);
        }
        if at < to {
            out.push((at, to, home));
        }
        out
    }

    /// The civil time at `instant` where the minister is.
    ///
    /// Cost: O(log s) and one zone lookup.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::{NaiveDate, TimeZone, Utc};
    /// use diplomeet::schedule::Itinerary;
    ///
    /// let date = |d| NaiveDate::from_ymd_opt(2023, 11, d).ok_or("date");
    /// let trip = Itinerary::builder()
    ///     .stay("San Francisco", chrono_tz::America::Los_Angeles, date(13)?, date(16)?)
    ///     .build()?;
    /// let t = Utc.with_ymd_and_hms(2023, 11, 14, 0, 0, 0).single().ok_or("instant")?;
    /// let clock = trip.clock_at(t, chrono_tz::Asia::Tokyo);
    /// assert_eq!(clock.to_string(), "2023-11-13T16:00:00-08:00[America/Los_Angeles]");
    /// # Ok(()) }
    /// ```
    pub fn clock_at(&self, instant: DateTime<Utc>, home: Tz) -> ZonedDateTime {
        ZonedDateTime::from_instant(instant, self.zone_at(instant, home))
    }

    /// A meeting's start and end on the clock of a minister who follows
    /// this itinerary, with the day shift relative to the meeting's date at
    /// its venue (or in its stated zone). Both ends are shown in the zone the
    /// minister is in at the start.
    ///
    /// Cost: O(log s) and two zone lookups.
    ///
    /// # Errors
    ///
    /// [`NoTimeOfDay`](crate::ErrorKind::NoTimeOfDay) when the meeting has a
    /// date alone.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::{NaiveDate, TimeDelta};
    /// use diplomeet::time::{parse_civil, parse_zone};
    /// use diplomeet::schedule::Itinerary;
    /// use diplomeet::{Country, Meeting, Minister, PersonName, Portfolio, Post, Venue};
    ///
    /// let person = |given: &str, surname: &str, code: &str| -> Result<Minister, diplomeet::Error> {
    ///     let name = PersonName::builder().given(given).surname(surname).build()?;
    ///     Minister::builder(name, Country::from_code(code)?)
    ///         .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?)
    ///         .build()
    /// };
    /// let la = parse_zone("America/Los_Angeles")?;
    /// let meeting = Meeting::builder("Japan-Chile Foreign Ministers' Meeting")
    ///     .venue(Venue::new("San Francisco", Country::from_code("US")?, la)?)
    ///     .starts_at(parse_civil("2023-11-13T16:00")?)
    ///     .duration(TimeDelta::try_minutes(30).ok_or("minutes")?)
    ///     .participant(person("Yoko", "Kamikawa", "JP")?)
    ///     .participant(person("Alberto", "van Klaveren", "CL")?)
    ///     .build()?;
    /// let date = |d| NaiveDate::from_ymd_opt(2023, 11, d).ok_or("date");
    /// let apec = Itinerary::builder().stay("San Francisco", la, date(13)?, date(16)?).build()?;
    ///
    /// let there = apec.meeting_clock(&meeting, parse_zone("Asia/Tokyo")?)?;
    /// assert_eq!(there.to_string(), "2023-11-13 16:00–16:30 PST (America/Los_Angeles, in San Francisco)");
    /// let home = Itinerary::new().meeting_clock(&meeting, parse_zone("Asia/Tokyo")?)?;
    /// assert_eq!(home.to_string(), "2023-11-14 09:00–09:30 JST (Asia/Tokyo, +1 day)");
    /// assert_eq!(home.day_shift(), 1);
    /// # Ok(()) }
    /// ```
    pub fn meeting_clock(&self, meeting: &Meeting, home: Tz) -> Result<LocalClock, Error> {
        let start = meeting.start()?.instant();
        let end = meeting.end().ok().map(|e| e.instant());
        let zone = self.zone_at(start, home);
        let local = ZonedDateTime::from_instant(start, zone);
        Ok(LocalClock {
            start: local,
            end: end.map(|e| ZonedDateTime::from_instant(e, zone)),
            day_shift: meeting
                .date()
                .map_or(0, |d| local.date().signed_duration_since(d).num_days()),
            place: self.stay_at(start).map(|s| s.place.clone()),
        })
    }
}

/// A time span on one person's clock: the civil start (and end) in the
/// zone where they are, the day shift against a reference date, and the
/// place of their stay when they are away from home.
///
/// Shown as `2023-11-14 09:00–09:30 JST (Asia/Tokyo, +1 day)`; see
/// [`Itinerary::meeting_clock`] and the free-slot search's
/// [`ParticipantSlot::clock`](super::ParticipantSlot::clock).
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use chrono::{TimeZone, Utc};
/// use diplomeet::schedule::LocalClock;
/// use diplomeet::ZonedDateTime;
///
/// let start = Utc.with_ymd_and_hms(2023, 11, 14, 0, 0, 0).single().ok_or("instant")?;
/// let clock = LocalClock::new(ZonedDateTime::from_instant(start, chrono_tz::Asia::Tokyo), None, 1);
/// assert_eq!(clock.to_string(), "2023-11-14 09:00 JST (Asia/Tokyo, +1 day)");
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LocalClock {
    start: ZonedDateTime,
    end: Option<ZonedDateTime>,
    day_shift: i64,
    place: Option<String>,
}

impl LocalClock {
    /// A clock reading from its parts: a start, an optional end (shown in
    /// the start's zone), and a day shift; no place (at home) until
    /// [`with_place`](LocalClock::with_place).
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::{TimeZone, Utc};
    /// use diplomeet::schedule::LocalClock;
    /// use diplomeet::ZonedDateTime;
    ///
    /// let at = |h| Utc.with_ymd_and_hms(2023, 11, 14, h, 0, 0).single().ok_or("instant");
    /// let start = ZonedDateTime::from_instant(at(0)?, chrono_tz::Asia::Tokyo);
    /// let end = ZonedDateTime::from_instant(at(1)?, chrono_tz::UTC);
    /// let clock = LocalClock::new(start, Some(end), 0);
    /// assert_eq!(clock.to_string(), "2023-11-14 09:00–10:00 JST (Asia/Tokyo)");
    /// assert_eq!(clock.place(), None);
    /// # Ok(()) }
    /// ```
    pub fn new(start: ZonedDateTime, end: Option<ZonedDateTime>, day_shift: i64) -> LocalClock {
        LocalClock {
            start,
            end: end.map(|e| e.in_zone(start.zone())),
            day_shift,
            place: None,
        }
    }

    /// The same reading at a place away from home (the place of a stay).
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::{TimeZone, Utc};
    /// use diplomeet::schedule::LocalClock;
    /// use diplomeet::ZonedDateTime;
    ///
    /// let t = Utc.with_ymd_and_hms(2023, 11, 14, 0, 0, 0).single().ok_or("instant")?;
    /// let start = ZonedDateTime::from_instant(t, chrono_tz::America::Los_Angeles);
    /// let clock = LocalClock::new(start, None, -1).with_place("San Francisco");
    /// assert_eq!(clock.place(), Some("San Francisco"));
    /// assert_eq!(clock.to_string(), "2023-11-13 16:00 PST (America/Los_Angeles, in San Francisco, -1 day)");
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn with_place(mut self, place: impl Into<String>) -> LocalClock {
        self.place = Some(place.into());
        self
    }

    /// The start, in the zone where the person is.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::{TimeZone, Utc};
    /// use diplomeet::schedule::LocalClock;
    /// use diplomeet::ZonedDateTime;
    ///
    /// let t = Utc.with_ymd_and_hms(2023, 11, 14, 0, 0, 0).single().ok_or("instant")?;
    /// let start = ZonedDateTime::from_instant(t, chrono_tz::Asia::Tokyo);
    /// assert_eq!(LocalClock::new(start, None, 0).start(), start);
    /// # Ok(()) }
    /// ```
    pub fn start(&self) -> ZonedDateTime {
        self.start
    }

    /// The end, in the same zone as the start, when there is one.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::{TimeZone, Utc};
    /// use diplomeet::schedule::LocalClock;
    /// use diplomeet::ZonedDateTime;
    ///
    /// let at = |h| Utc.with_ymd_and_hms(2023, 11, 14, h, 0, 0).single().ok_or("instant");
    /// let start = ZonedDateTime::from_instant(at(0)?, chrono_tz::Asia::Tokyo);
    /// let clock = LocalClock::new(start, Some(ZonedDateTime::from_instant(at(1)?, chrono_tz::UTC)), 0);
    /// let end = clock.end().ok_or("no end")?;
    /// assert_eq!((end.zone(), end.instant()), (chrono_tz::Asia::Tokyo, at(1)?));
    /// # Ok(()) }
    /// ```
    pub fn end(&self) -> Option<ZonedDateTime> {
        self.end
    }

    /// The zone of this clock.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::{TimeZone, Utc};
    /// use diplomeet::schedule::LocalClock;
    /// use diplomeet::ZonedDateTime;
    ///
    /// let t = Utc.with_ymd_and_hms(2023, 11, 14, 0, 0, 0).single().ok_or("instant")?;
    /// let clock = LocalClock::new(ZonedDateTime::from_instant(t, chrono_tz::Asia::Tokyo), None, 0);
    /// assert_eq!(clock.zone(), chrono_tz::Asia::Tokyo);
    /// # Ok(()) }
    /// ```
    pub fn zone(&self) -> Tz {
        self.start.zone()
    }

    /// Days between the reference date and this clock's date at the start.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::{TimeZone, Utc};
    /// use diplomeet::schedule::LocalClock;
    /// use diplomeet::ZonedDateTime;
    ///
    /// let t = Utc.with_ymd_and_hms(2023, 11, 14, 0, 0, 0).single().ok_or("instant")?;
    /// let clock = LocalClock::new(ZonedDateTime::from_instant(t, chrono_tz::Asia::Tokyo), None, 1);
    /// assert_eq!(clock.day_shift(), 1);
    /// # Ok(()) }
    /// ```
    pub fn day_shift(&self) -> i64 {
        self.day_shift
    }

    /// The place of the stay the person is on, `None` at home.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::{TimeZone, Utc};
    /// use diplomeet::schedule::LocalClock;
    /// use diplomeet::ZonedDateTime;
    ///
    /// let t = Utc.with_ymd_and_hms(2023, 11, 14, 0, 0, 0).single().ok_or("instant")?;
    /// let clock = LocalClock::new(ZonedDateTime::from_instant(t, chrono_tz::Asia::Tokyo), None, 0);
    /// assert_eq!(clock.place(), None);
    /// assert_eq!(clock.with_place("Osaka").place(), Some("Osaka"));
    /// # Ok(()) }
    /// ```
    pub fn place(&self) -> Option<&str> {
        self.place.as_deref()
    }
}

impl fmt::Display for LocalClock {
    /// `2023-11-14 09:00–09:30 JST (Asia/Tokyo, in San Francisco, +1 day)`:
    /// the end's date is written too when it differs from the start's; the
    /// place and the day shift only when there are.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let start = self.start.to_datetime();
        write!(f, "{}", start.format("%Y-%m-%d %H:%M"))?;
        if let Some(end) = self.end {
            let e = end.to_datetime();
            if end.date() == self.start.date() {
                write!(f, "–{}", e.format("%H:%M"))?;
            } else {
                write!(f, "–{}", e.format("%Y-%m-%d %H:%M"))?;
            }
        }
        write!(f, " {} ({}", start.offset(), self.zone().name())?;
        if let Some(p) = &self.place {
            write!(f, ", in {p}")?;
        }
        match self.day_shift {
            0 => f.write_str(")"),
            1 => f.write_str(", +1 day)"),
            -1 => f.write_str(", -1 day)"),
            n => write!(f, ", {n:+} days)"),
        }
    }
}
