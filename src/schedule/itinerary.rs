//! [`Itinerary`]: a minister's dated stays away from home, and the clock
//! they live by at each instant.

use std::fmt;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;

use super::hours::resolve;
use crate::error::{Collector, Detail, Error};
use crate::limits::{Limits, TextClass};
use crate::meeting::Meeting;
use crate::time::ZonedDateTime;

/// One stay: a place, its zone, and the civil dates spent there (first and
/// last, both included, read in the stay's zone).
///
/// The stay covers the instants from 00:00 on its first date to 00:00 after
/// its last date, both resolved in its zone with
/// [`Disambiguation::Compatible`](crate::Disambiguation::Compatible).
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
/// assert_eq!(stay.place(), "San Francisco");
/// // 00:00 PST on the 13th to 00:00 PST on the 17th.
/// assert_eq!(stay.start(), Utc.with_ymd_and_hms(2023, 11, 13, 8, 0, 0).single().ok_or("instant")?);
/// assert_eq!(stay.end(), Utc.with_ymd_and_hms(2023, 11, 17, 8, 0, 0).single().ok_or("instant")?);
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

    /// The first instant the stay covers: 00:00 on its first date.
    pub fn start(&self) -> DateTime<Utc> {
        self.start
    }

    /// The first instant after the stay: 00:00 after its last date.
    pub fn end(&self) -> DateTime<Utc> {
        self.end
    }
}

/// A stretch of the time line given to one stay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Segment {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    stay: usize,
}

/// A minister's travels: dated stays, each a place, a zone and a range of
/// civil dates, that never share a date.
///
/// At each instant the minister lives by the clock of the stay that covers
/// it, else by their home zone: working hours
/// ([`WorkingHours::intervals_following`](super::WorkingHours::intervals_following)),
/// local times ([`Itinerary::clock_at`], [`Itinerary::meeting_start`]) and
/// the free-slot search follow it. At the APEC meeting (2023-11-13 to 16 in
/// San Francisco) Minister Kamikawa's working day is San Francisco's.
///
/// Each stay covers the instants from 00:00 on its first date to 00:00 after
/// its last, in its own zone. Two stays on consecutive dates in different
/// zones can then cover the same instants (travelling east, the next stay's
/// midnight comes before the last one's), or leave a few hours between them
/// (travelling west: those hours are the home zone's). Where two stays cover
/// an instant, **the later stay wins**: the minister has arrived.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use chrono::{NaiveDate, TimeZone, Utc};
/// use chrono_tz::{America, Asia};
/// use diplomeet::schedule::Itinerary;
///
/// let date = |d| NaiveDate::from_ymd_opt(2023, 11, d).ok_or("date");
/// let trip = Itinerary::builder()
///     .stay("San Francisco", America::Los_Angeles, date(13)?, date(16)?)
///     .build()?;
/// let meeting = Utc.with_ymd_and_hms(2023, 11, 14, 0, 0, 0).single().ok_or("instant")?;
/// assert_eq!(trip.zone_at(meeting, Asia::Tokyo), America::Los_Angeles);
/// let later = Utc.with_ymd_and_hms(2023, 11, 20, 0, 0, 0).single().ok_or("instant")?;
/// assert_eq!(trip.zone_at(later, Asia::Tokyo), Asia::Tokyo);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Itinerary {
    /// Sorted by first date.
    stays: Vec<Stay>,
    /// Sorted, disjoint; gaps between them are the home zone's.
    timeline: Vec<Segment>,
}

/// Builds an [`Itinerary`]; see [`Itinerary::builder`].
#[derive(Debug, Clone, Default)]
pub struct ItineraryBuilder {
    stays: Vec<(String, Tz, NaiveDate, NaiveDate)>,
    limits: Limits,
}

impl ItineraryBuilder {
    /// Adds a stay in `place` (in `zone`) from civil date `first` to `last`,
    /// both included.
    #[must_use]
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
    #[must_use]
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Checks the stays and builds the itinerary; the stays may be given in
    /// any order.
    ///
    /// # Errors
    ///
    /// Every violation at once, each at `stays[i]` (the order given):
    /// [`Empty`](crate::ErrorKind::Empty) or
    /// [`TooLong`](crate::ErrorKind::TooLong) for a place name;
    /// [`InvalidValue`](crate::ErrorKind::InvalidValue) for a last date
    /// before the first; [`Inconsistent`](crate::ErrorKind::Inconsistent)
    /// for two stays that share a date;
    /// [`OutOfRange`](crate::ErrorKind::OutOfRange) for dates outside the
    /// years 0000–9999; [`TooMany`](crate::ErrorKind::TooMany) for more
    /// than [`Itinerary::MAX_STAYS`] stays.
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
            let start = out.take_at(
                path,
                year_ok(first).and_then(|()| resolve(first.and_time(NaiveTime::MIN), zone)),
            );
            let end = out.take_at(path, {
                year_ok(last).and_then(|()| {
                    last.succ_opt()
                        .ok_or_else(|| out_of_range(last))
                        .and_then(|next| resolve(next.and_time(NaiveTime::MIN), zone))
                })
            });
            if let (Some(start), Some(end)) = (start, end) {
                stays.push((
                    i,
                    Stay {
                        place,
                        zone,
                        first,
                        last,
                        start,
                        end,
                    },
                ));
            }
        }
        stays.sort_by_key(|(i, s)| (s.first, *i));
        for pair in stays.windows(2) {
            if let [(i, a), (j, b)] = pair {
                if b.first <= a.last {
                    out.push_at(
                        || format!("stays[{j}]"),
                        Detail::Inconsistent(format!(
                            "the stay in {} from {} to {} shares dates with stays[{i}], in {} from {} to {}",
                            crate::error::echo(&b.place),
                            b.first,
                            b.last,
                            crate::error::echo(&a.place),
                            a.first,
                            a.last
                        )),
                    );
                }
            }
        }
        out.finish()?;
        let stays: Vec<Stay> = stays.into_iter().map(|(_, s)| s).collect();
        let timeline = timeline(&stays);
        Ok(Itinerary { stays, timeline })
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

/// The time line: each elementary stretch between two stays' boundaries goes
/// to the latest stay (by date) that covers it; stretches no stay covers are
/// left out (home). Quadratic in the number of stays, which is bounded.
fn timeline(stays: &[Stay]) -> Vec<Segment> {
    let mut cuts: Vec<DateTime<Utc>> = stays.iter().flat_map(|s| [s.start, s.end]).collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<Segment> = Vec::new();
    for pair in cuts.windows(2) {
        let [a, b] = pair else { continue };
        let winner = stays
            .iter()
            .enumerate()
            .rev()
            .find(|(_, s)| s.start <= *a && *a < s.end)
            .map(|(i, _)| i);
        let Some(stay) = winner else { continue };
        match out.last_mut() {
            Some(last) if last.stay == stay && last.end == *a => last.end = *b,
            _ => out.push(Segment {
                start: *a,
                end: *b,
                stay,
            }),
        }
    }
    out
}

impl Itinerary {
    /// The most stays one itinerary may have.
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
    ///     .stay("Tokyo", Asia::Tokyo, date(16)?, date(18)?)
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

    /// The stays, sorted by first date.
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

    /// The stay that covers `instant`, if any (the later one where two do).
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
    /// # Ok(()) }
    /// ```
    pub fn stay_at(&self, instant: DateTime<Utc>) -> Option<&Stay> {
        let i = self.timeline.partition_point(|s| s.start <= instant);
        let seg = self.timeline.get(i.checked_sub(1)?)?;
        if instant < seg.end {
            self.stays.get(seg.stay)
        } else {
            None
        }
    }

    /// The zone the minister lives by at `instant`: the covering stay's,
    /// else `home`.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use diplomeet::schedule::Itinerary;
    ///
    /// let t = Utc.with_ymd_and_hms(2023, 11, 14, 0, 0, 0).unwrap();
    /// assert_eq!(Itinerary::new().zone_at(t, chrono_tz::Asia::Tokyo), chrono_tz::Asia::Tokyo);
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
        let first = self.timeline.partition_point(|s| s.end <= from);
        for seg in self.timeline.get(first..).unwrap_or_default() {
            if seg.start >= to {
                break;
            }
            let zone = self.stays.get(seg.stay).map_or(home, Stay::zone);
            if at < seg.start {
                out.push((at, seg.start, home));
            }
            let (s, e) = (seg.start.max(at), seg.end.min(to));
            if s < e {
                out.push((s, e, zone));
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

    /// A meeting's start (and end) on the clock of a minister who follows
    /// this itinerary, with the day shift relative to the meeting's date at
    /// its venue (or in its stated zone). Both ends are shown in the zone the
    /// minister is in at the start.
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
    /// let there = apec.meeting_start(&meeting, parse_zone("Asia/Tokyo")?)?;
    /// assert_eq!(there.to_string(), "2023-11-13 16:00–16:30 PST (America/Los_Angeles, in San Francisco)");
    /// let home = Itinerary::new().meeting_start(&meeting, parse_zone("Asia/Tokyo")?)?;
    /// assert_eq!(home.to_string(), "2023-11-14 09:00–09:30 JST (Asia/Tokyo, +1 day)");
    /// assert_eq!(home.day_shift(), 1);
    /// # Ok(()) }
    /// ```
    pub fn meeting_start(&self, meeting: &Meeting, home: Tz) -> Result<LocalClock, Error> {
        let start = meeting.start()?.to_utc();
        let end = meeting.end().ok().map(|e| e.to_utc());
        let zone = self.zone_at(start, home);
        let local = ZonedDateTime::from_instant(start, zone);
        Ok(LocalClock {
            start: local,
            end: end.map(|e| ZonedDateTime::from_instant(e, zone)),
            day_shift: local
                .date()
                .signed_duration_since(meeting.date())
                .num_days(),
            place: self.stay_at(start).map(|s| s.place.clone()),
        })
    }
}

/// A time span on one person's clock: the civil start (and end) in the
/// zone where they are, the day shift against a reference date, and the
/// place of their stay when they are away from home.
///
/// Shown as `2023-11-14 09:00–09:30 JST (Asia/Tokyo, +1 day)`; see
/// [`Itinerary::meeting_start`] and the free-slot search's
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
    /// the start's zone), and a day shift.
    pub fn new(start: ZonedDateTime, end: Option<ZonedDateTime>, day_shift: i64) -> LocalClock {
        LocalClock {
            start,
            end: end.map(|e| e.in_zone(start.zone())),
            day_shift,
            place: None,
        }
    }

    pub(crate) fn with_place(mut self, place: Option<String>) -> LocalClock {
        self.place = place;
        self
    }

    /// The start, in the zone where the person is.
    pub fn start(&self) -> ZonedDateTime {
        self.start
    }

    /// The end, in the same zone as the start, when there is one.
    pub fn end(&self) -> Option<ZonedDateTime> {
        self.end
    }

    /// The zone of this clock.
    pub fn zone(&self) -> Tz {
        self.start.zone()
    }

    /// Days between the reference date and this clock's date at the start.
    pub fn day_shift(&self) -> i64 {
        self.day_shift
    }

    /// The place of the stay the person is on, `None` at home.
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
