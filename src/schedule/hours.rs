//! [`WorkingHours`]: weekly civil-time ranges, turned into instants day by
//! day in the zone where the minister is.

use std::fmt;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeDelta, Timelike, Utc, Weekday};
use chrono_tz::Tz;

use super::itinerary::Itinerary;
use super::weekend::{WEEK, Weekend};
use crate::country::Country;
use crate::error::{Collector, Detail, Error};
use crate::time::{ZonedDateTime, first_instant_at};

/// A half-open interval of instants, `[start, end)`.
pub(crate) type Span = (DateTime<Utc>, DateTime<Utc>);

/// Seconds in a civil day (without leap seconds).
const DAY: u32 = 86_400;

/// One range of civil time within a day, `[start, end)`, to the second; the
/// end may be 24:00, the midnight that ends the day.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use chrono::{NaiveTime, Weekday};
/// use diplomeet::schedule::WorkingHours;
///
/// let hours = WorkingHours::builder()
///     .range(Weekday::Sat, NaiveTime::from_hms_opt(20, 0, 0).ok_or("time")?, NaiveTime::MIN)
///     .build()?;
/// let evening = hours.ranges(Weekday::Sat).first().ok_or("no range")?;
/// assert!(evening.ends_at_midnight());
/// assert_eq!(evening.to_string(), "20:00–24:00");
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HoursRange {
    /// Seconds after midnight, `0..DAY`.
    start: u32,
    /// Seconds after midnight, `start + 1..=DAY`.
    end: u32,
}

fn time_of(secs: u32) -> NaiveTime {
    NaiveTime::from_num_seconds_from_midnight_opt(secs % DAY, 0).unwrap_or(NaiveTime::MIN)
}

impl HoursRange {
    /// The first civil time of the range.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::{NaiveTime, Weekday};
    /// use diplomeet::Country;
    /// use diplomeet::schedule::WorkingHours;
    ///
    /// let japan = WorkingHours::default_for(&Country::from_code("JP")?);
    /// let range = japan.ranges(Weekday::Mon).first().ok_or("no range")?;
    /// assert_eq!(range.start(), NaiveTime::from_hms_opt(9, 0, 0).ok_or("time")?);
    /// # Ok(()) }
    /// ```
    pub fn start(&self) -> NaiveTime {
        time_of(self.start)
    }

    /// The civil time at which the range ends (not included); 00:00 when it
    /// ends at midnight, see [`ends_at_midnight`](HoursRange::ends_at_midnight).
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::{NaiveTime, Weekday};
    /// use diplomeet::schedule::WorkingHours;
    ///
    /// let eight = NaiveTime::from_hms_opt(20, 0, 0).ok_or("time")?;
    /// let night = WorkingHours::builder().range(Weekday::Fri, eight, NaiveTime::MIN).build()?;
    /// let range = night.ranges(Weekday::Fri).first().ok_or("no range")?;
    /// assert_eq!(range.end(), NaiveTime::MIN);
    /// # Ok(()) }
    /// ```
    pub fn end(&self) -> NaiveTime {
        time_of(self.end)
    }

    /// Whether the range runs until the midnight that ends the day (24:00).
    ///
    /// ```
    /// use chrono::Weekday;
    /// use diplomeet::schedule::WorkingHours;
    ///
    /// let always = WorkingHours::always();
    /// assert!(always.ranges(Weekday::Sun).iter().all(|r| r.ends_at_midnight()));
    /// ```
    pub fn ends_at_midnight(&self) -> bool {
        self.end == DAY
    }
}

impl fmt::Display for HoursRange {
    /// `09:00–18:00`, with seconds only when they are not zero, and `24:00`
    /// for a range that ends at midnight.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn hm(f: &mut fmt::Formatter<'_>, secs: u32) -> fmt::Result {
            let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
            if s == 0 {
                write!(f, "{h:02}:{m:02}")
            } else {
                write!(f, "{h:02}:{m:02}:{s:02}")
            }
        }
        hm(f, self.start)?;
        f.write_str("–")?;
        hm(f, self.end)
    }
}

/// A minister's weekly working hours: for each day of the week, zero or more
/// ranges of civil time, read in the zone where the minister is that day.
///
/// Built with [`WorkingHours::builder`], or [`WorkingHours::default_for`] a
/// country (09:00–18:00 on every day outside its [`Weekend`]). A range is
/// `[start, end)` to the second, with `start < end`; an end of 00:00 means
/// 24:00, the midnight that ends the day, so a range never runs into the next
/// day (give the next day its own range from 00:00: the two join up). Ranges
/// of one day must not overlap; they may touch.
///
/// [`intervals`](WorkingHours::intervals) turns the weekly ranges into
/// instants over a window, **day by day in the local zone**: on each civil
/// date, each range's start and end are read in the zone. So a range holds
/// the real time that passes between its two civil times: 00:00–12:00 on
/// the day New York springs forward lasts 11 hours and on the day it falls
/// back 13; 09:00–18:00 on those days, clear of the 01:00–03:00 changes,
/// still lasts 9.
///
/// * A civil time that does not exist (in a gap) is read as **the instant
///   the clocks jump over it**: on 2026-03-08 in New York, 02:30 is 07:00
///   UTC, when 02:00 EST becomes 03:00 EDT. So a range that starts in a gap
///   starts when the clocks jump (02:30–03:15 holds the real 03:00–03:15
///   EDT), one that ends in a gap ends then (01:30–02:30 holds 01:30–02:00
///   EST), and one that lies wholly in a gap holds no time at all. Where
///   the zone's day starts late (America/Santiago skips 00:00–01:00 when it
///   springs forward), a range from 00:00 starts at 01:00.
/// * A civil time that occurs twice (in a fold) is read as its first
///   occurrence, at the start and at the end of a range.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use chrono::{NaiveTime, TimeZone, Utc, Weekday};
/// use diplomeet::Country;
/// use diplomeet::schedule::{Weekend, WorkingHours};
///
/// let nine = NaiveTime::from_hms_opt(9, 0, 0).ok_or("time")?;
/// let six = NaiveTime::from_hms_opt(18, 0, 0).ok_or("time")?;
/// let custom = WorkingHours::builder()
///     .working_days(Weekend::SATURDAY_SUNDAY, nine, six)
///     .build()?;
/// let japan = WorkingHours::default_for(&Country::from_code("JP")?);
/// assert_eq!(custom, japan);
/// assert_eq!(japan.to_string(), "Mon–Fri 09:00–18:00");
///
/// // Monday 2023-11-20 in Tokyo: 00:00 to 09:00 UTC.
/// let from = Utc.with_ymd_and_hms(2023, 11, 20, 0, 0, 0).single().ok_or("instant")?;
/// let to = Utc.with_ymd_and_hms(2023, 11, 21, 0, 0, 0).single().ok_or("instant")?;
/// let spans = japan.intervals(chrono_tz::Asia::Tokyo, from, to)?;
/// let nine_utc = Utc.with_ymd_and_hms(2023, 11, 20, 9, 0, 0).single().ok_or("instant")?;
/// assert_eq!(spans, [(from, nine_utc)]);
/// assert!(japan.ranges(Weekday::Sun).is_empty());
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct WorkingHours {
    /// Monday first; each day's ranges sorted and disjoint.
    days: [Vec<HoursRange>; 7],
}

/// Builds [`WorkingHours`]; see [`WorkingHours::builder`].
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use chrono::{NaiveTime, Weekday};
/// use diplomeet::schedule::WorkingHoursBuilder;
///
/// let t = |h| NaiveTime::from_hms_opt(h, 0, 0).ok_or("time");
/// let hours = WorkingHoursBuilder::default().range(Weekday::Wed, t(10)?, t(16)?).build()?;
/// assert_eq!(hours.to_string(), "Wed 10:00–16:00");
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct WorkingHoursBuilder {
    entries: Vec<(Weekday, NaiveTime, NaiveTime)>,
}

impl WorkingHoursBuilder {
    /// Adds the range `[start, end)` on `day`; an `end` of 00:00 means 24:00.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::{NaiveTime, Weekday};
    /// use diplomeet::schedule::WorkingHours;
    ///
    /// let t = |h| NaiveTime::from_hms_opt(h, 0, 0).ok_or("time");
    /// let hours = WorkingHours::builder()
    ///     .range(Weekday::Sat, t(22)?, t(0)?)
    ///     .range(Weekday::Sat, t(8)?, t(12)?)
    ///     .build()?;
    /// assert_eq!(hours.to_string(), "Sat 08:00–12:00 and 22:00–24:00");
    /// # Ok(()) }
    /// ```
    pub fn range(mut self, day: Weekday, start: NaiveTime, end: NaiveTime) -> Self {
        self.entries.push((day, start, end));
        self
    }

    /// Adds the same range on each of `days`.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::{NaiveTime, Weekday};
    /// use diplomeet::schedule::WorkingHours;
    ///
    /// let t = |h| NaiveTime::from_hms_opt(h, 0, 0).ok_or("time");
    /// let hours = WorkingHours::builder()
    ///     .days([Weekday::Mon, Weekday::Wed, Weekday::Fri], t(9)?, t(13)?)
    ///     .build()?;
    /// assert_eq!(hours.to_string(), "Mon 09:00–13:00, Wed 09:00–13:00, Fri 09:00–13:00");
    /// # Ok(()) }
    /// ```
    pub fn days(
        mut self,
        days: impl IntoIterator<Item = Weekday>,
        start: NaiveTime,
        end: NaiveTime,
    ) -> Self {
        for d in days {
            self.entries.push((d, start, end));
        }
        self
    }

    /// Adds the same range on every day that is not in `weekend`.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::{NaiveTime, Weekday};
    /// use diplomeet::schedule::{Weekend, WorkingHours};
    ///
    /// let t = |h| NaiveTime::from_hms_opt(h, 0, 0).ok_or("time");
    /// let hours = WorkingHours::builder()
    ///     .working_days(Weekend::from_days([Weekday::Fri, Weekday::Sat]), t(8)?, t(15)?)
    ///     .build()?;
    /// assert_eq!(hours.to_string(), "Mon–Thu 08:00–15:00, Sun 08:00–15:00");
    /// # Ok(()) }
    /// ```
    pub fn working_days(self, weekend: Weekend, start: NaiveTime, end: NaiveTime) -> Self {
        self.days(
            WEEK.into_iter().filter(|d| !weekend.contains(*d)),
            start,
            end,
        )
    }

    /// Checks every range and builds the hours.
    ///
    /// Cost: O(r log r) for r ranges.
    ///
    /// # Errors
    ///
    /// Every violation at once, each at `ranges[i]` (the order in which ranges
    /// were added, one per day for [`days`](Self::days)):
    /// [`InvalidValue`](crate::ErrorKind::InvalidValue) for a range whose start
    /// is not before its end, a time with a fraction of a second, or a range
    /// that overlaps another on the same day;
    /// [`TooMany`](crate::ErrorKind::TooMany) for more than
    /// [`WorkingHours::MAX_RANGES_PER_DAY`] ranges on one day.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::{NaiveTime, Weekday};
    /// use diplomeet::ErrorKind;
    /// use diplomeet::schedule::WorkingHours;
    ///
    /// let t = |h| NaiveTime::from_hms_opt(h, 0, 0).ok_or("time");
    /// let err = WorkingHours::builder()
    ///     .range(Weekday::Mon, t(9)?, t(12)?)
    ///     .range(Weekday::Mon, t(11)?, t(14)?)
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::InvalidValue);
    /// assert_eq!(err.path(), "ranges[1]");
    /// # Ok(()) }
    /// ```
    pub fn build(self) -> Result<WorkingHours, Error> {
        let mut out = Collector::new();
        let mut days: [Vec<(HoursRange, usize)>; 7] = Default::default();
        for (i, (day, start, end)) in self.entries.iter().enumerate() {
            let text = || {
                format!(
                    "{day} {}–{}",
                    start.format("%H:%M:%S"),
                    end.format("%H:%M:%S")
                )
            };
            if start.nanosecond() != 0 || end.nanosecond() != 0 {
                out.push_at(
                    || format!("ranges[{i}]"),
                    Detail::InvalidValue {
                        what: "working hours",
                        value: text(),
                        reason: "times are kept to the second, without fractions".to_owned(),
                    },
                );
                continue;
            }
            let s = start.num_seconds_from_midnight();
            let e = match end.num_seconds_from_midnight() {
                0 => DAY,
                e => e,
            };
            if s >= e {
                out.push_at(
                    || format!("ranges[{i}]"),
                    Detail::InvalidValue {
                        what: "working hours",
                        value: text(),
                        reason: "the start must be before the end (an end of 00:00 means 24:00)"
                            .to_owned(),
                    },
                );
                continue;
            }
            if let Some(v) = days.get_mut(day.num_days_from_monday() as usize) {
                v.push((HoursRange { start: s, end: e }, i));
            }
        }
        let mut result: [Vec<HoursRange>; 7] = Default::default();
        for ((day, ranges), slot) in WEEK.iter().zip(days.iter_mut()).zip(result.iter_mut()) {
            ranges.sort_unstable();
            if ranges.len() > WorkingHours::MAX_RANGES_PER_DAY {
                out.push(
                    "ranges",
                    Detail::TooMany {
                        what: "working-hour ranges on one day",
                        count: ranges.len(),
                        limit: WorkingHours::MAX_RANGES_PER_DAY,
                        limit_name: "WorkingHours::MAX_RANGES_PER_DAY",
                    },
                );
            }
            for pair in ranges.windows(2) {
                if let [(a, _), (b, j)] = pair {
                    if b.start >= a.end {
                        continue;
                    }
                    out.push_at(
                        || format!("ranges[{j}]"),
                        Detail::InvalidValue {
                            what: "working hours",
                            value: format!("{day} {b}"),
                            reason: format!("it overlaps {a} on the same day"),
                        },
                    );
                }
            }
            *slot = ranges.iter().map(|(r, _)| *r).collect();
        }
        out.finish()?;
        Ok(WorkingHours { days: result })
    }
}

impl WorkingHours {
    /// The most ranges one day may have.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::{NaiveTime, Weekday};
    /// use diplomeet::ErrorKind;
    /// use diplomeet::schedule::WorkingHours;
    ///
    /// let mut b = WorkingHours::builder();
    /// for m in 0..=WorkingHours::MAX_RANGES_PER_DAY as u32 {
    ///     let t = |s| NaiveTime::from_hms_opt(0, m, s).ok_or("time");
    ///     b = b.range(Weekday::Mon, t(0)?, t(30)?);
    /// }
    /// assert_eq!(b.build().unwrap_err().kind(), ErrorKind::TooMany);
    /// # Ok(()) }
    /// ```
    pub const MAX_RANGES_PER_DAY: usize = 24;

    /// The longest window [`intervals`](Self::intervals) accepts, in days.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::{TimeDelta, TimeZone, Utc};
    /// use diplomeet::ErrorKind;
    /// use diplomeet::schedule::WorkingHours;
    ///
    /// let from = Utc.with_ymd_and_hms(2000, 1, 1, 0, 0, 0).single().ok_or("instant")?;
    /// let too_long = TimeDelta::try_days(WorkingHours::MAX_WINDOW_DAYS + 1).ok_or("days")?;
    /// let err = WorkingHours::always().intervals(chrono_tz::UTC, from, from + too_long).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::OutOfRange);
    /// # Ok(()) }
    /// ```
    pub const MAX_WINDOW_DAYS: i64 = 36_600;

    /// An empty builder: no day has any range until one is added.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::{NaiveTime, Weekday};
    /// use diplomeet::ErrorKind;
    /// use diplomeet::schedule::WorkingHours;
    ///
    /// let t = |h| NaiveTime::from_hms_opt(h, 0, 0).ok_or("time");
    /// let hours = WorkingHours::builder()
    ///     .days([Weekday::Mon, Weekday::Tue], t(8)?, t(12)?)
    ///     .range(Weekday::Mon, t(13)?, t(17)?)
    ///     .build()?;
    /// assert_eq!(hours.ranges(Weekday::Mon).len(), 2);
    ///
    /// let err = WorkingHours::builder().range(Weekday::Mon, t(18)?, t(9)?).build().unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::InvalidValue);
    /// assert_eq!(err.path(), "ranges[0]");
    /// # Ok(()) }
    /// ```
    pub fn builder() -> WorkingHoursBuilder {
        WorkingHoursBuilder::default()
    }

    /// 09:00–18:00 on every day that is not in the country's [`Weekend`]
    /// (Monday to Friday for most countries, Sunday to Thursday in Saudi
    /// Arabia).
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::Weekday;
    /// use diplomeet::Country;
    /// use diplomeet::schedule::WorkingHours;
    ///
    /// let saudi = WorkingHours::default_for(&Country::from_code("SA")?);
    /// assert!(saudi.ranges(Weekday::Fri).is_empty());
    /// assert_eq!(saudi.ranges(Weekday::Sun).len(), 1);
    /// assert_eq!(saudi.to_string(), "Mon–Thu 09:00–18:00, Sun 09:00–18:00");
    /// # Ok(()) }
    /// ```
    pub fn default_for(country: &Country) -> WorkingHours {
        WorkingHours::nine_to_six(Weekend::of(country))
    }

    fn nine_to_six(weekend: Weekend) -> WorkingHours {
        let range = HoursRange {
            start: 9 * 3600,
            end: 18 * 3600,
        };
        let mut days: [Vec<HoursRange>; 7] = Default::default();
        for (d, v) in WEEK.iter().zip(days.iter_mut()) {
            if !weekend.contains(*d) {
                v.push(range);
            }
        }
        WorkingHours { days }
    }

    /// Every hour of every day.
    ///
    /// ```
    /// use diplomeet::schedule::WorkingHours;
    ///
    /// assert_eq!(WorkingHours::always().to_string(), "Mon–Sun 00:00–24:00");
    /// ```
    pub fn always() -> WorkingHours {
        WorkingHours {
            days: std::array::from_fn(|_| vec![HoursRange { start: 0, end: DAY }]),
        }
    }

    /// The ranges of `day`, sorted and disjoint.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::Weekday;
    /// use diplomeet::Country;
    /// use diplomeet::schedule::WorkingHours;
    ///
    /// let india = WorkingHours::default_for(&Country::from_code("IN")?);
    /// assert_eq!(india.ranges(Weekday::Sat).len(), 1);
    /// assert!(india.ranges(Weekday::Sun).is_empty());
    /// # Ok(()) }
    /// ```
    pub fn ranges(&self, day: Weekday) -> &[HoursRange] {
        self.days
            .get(day.num_days_from_monday() as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// The working intervals within the window `[from, to)` for a minister
    /// who stays in `zone`, as half-open UTC intervals, sorted, disjoint and
    /// merged (a range ending at 24:00 and the next day's range from 00:00
    /// make one interval), clipped to the window.
    ///
    /// Computed day by day in `zone`, as the type's docs describe.
    ///
    /// Cost: O(d × r + n log n) for d days in the window, r ranges a day and
    /// n intervals found (sorted and merged); one zone lookup per range
    /// boundary.
    ///
    /// # Errors
    ///
    /// [`OutOfRange`](crate::ErrorKind::OutOfRange) when the window is longer
    /// than [`MAX_WINDOW_DAYS`](Self::MAX_WINDOW_DAYS), or when the civil
    /// date of its first or last instant in `zone` is outside the years
    /// 0000–9999.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::{NaiveTime, TimeZone, Utc, Weekday};
    /// use diplomeet::schedule::WorkingHours;
    ///
    /// // New York springs forward on Sunday 2026-03-08 at 02:00.
    /// let hours = WorkingHours::builder()
    ///     .range(Weekday::Sun, NaiveTime::MIN, NaiveTime::from_hms_opt(12, 0, 0).ok_or("time")?)
    ///     .build()?;
    /// let from = Utc.with_ymd_and_hms(2026, 3, 7, 0, 0, 0).single().ok_or("instant")?;
    /// let to = Utc.with_ymd_and_hms(2026, 3, 10, 0, 0, 0).single().ok_or("instant")?;
    /// let spans = hours.intervals(chrono_tz::America::New_York, from, to)?;
    /// let [(start, end)] = spans.as_slice() else { return Err("one interval".into()) };
    /// assert_eq!((*end - *start).num_hours(), 11);
    ///
    /// // Year 10000 is out of range.
    /// let far = Utc.with_ymd_and_hms(10000, 1, 1, 0, 0, 0).single().ok_or("instant")?;
    /// let err = hours.intervals(chrono_tz::UTC, far, far + chrono::TimeDelta::try_days(1).ok_or("day")?);
    /// assert_eq!(err.unwrap_err().kind(), diplomeet::ErrorKind::OutOfRange);
    /// # Ok(()) }
    /// ```
    pub fn intervals(
        &self,
        zone: Tz,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Span>, Error> {
        let mut out = Vec::new();
        self.push_intervals(zone, from, to, &mut out)?;
        Ok(merge(out))
    }

    /// Like [`intervals`](Self::intervals), for a minister who travels: at
    /// each instant the hours are read in the zone of the
    /// [`Itinerary`]'s stay that holds it on its time line, else in `home`. Each stretch of
    /// time spent in one zone is computed day by day in that zone and cut
    /// where the stretch ends; so on a travel day the minister may work
    /// part of a day in each zone.
    ///
    /// Cost: as [`intervals`](WorkingHours::intervals), plus O(log s + s')
    /// for the s stays, s' of them in the window.
    ///
    /// # Errors
    ///
    /// As [`intervals`](Self::intervals).
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::{NaiveDate, TimeZone, Utc};
    /// use diplomeet::schedule::{Itinerary, WorkingHours};
    /// use diplomeet::Country;
    ///
    /// let apec = Itinerary::builder()
    ///     .stay(
    ///         "San Francisco",
    ///         chrono_tz::America::Los_Angeles,
    ///         NaiveDate::from_ymd_opt(2023, 11, 13).ok_or("date")?,
    ///         NaiveDate::from_ymd_opt(2023, 11, 16).ok_or("date")?,
    ///     )
    ///     .build()?;
    /// let hours = WorkingHours::default_for(&Country::from_code("JP")?);
    /// // The UTC day 2023-11-14 in San Francisco: Monday 16:00-18:00 is
    /// // 00:00-02:00 UTC, Tuesday 09:00-16:00 is 17:00-24:00 UTC.
    /// let utc = |d, h| Utc.with_ymd_and_hms(2023, 11, d, h, 0, 0).single().ok_or("instant");
    /// let spans = hours.intervals_following(&apec, chrono_tz::Asia::Tokyo, utc(14, 0)?, utc(15, 0)?)?;
    /// assert_eq!(spans, [(utc(14, 0)?, utc(14, 2)?), (utc(14, 17)?, utc(15, 0)?)]);
    /// # Ok(()) }
    /// ```
    pub fn intervals_following(
        &self,
        itinerary: &Itinerary,
        home: Tz,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Span>, Error> {
        let mut out = Vec::new();
        for (start, end, zone) in itinerary.zones_between(home, from, to) {
            self.push_intervals(zone, start, end, &mut out)?;
        }
        Ok(merge(out))
    }

    /// Pushes the (unmerged) intervals of `[from, to)` in `zone`.
    fn push_intervals(
        &self,
        zone: Tz,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        out: &mut Vec<Span>,
    ) -> Result<(), Error> {
        if from >= to {
            return Ok(());
        }
        if to.signed_duration_since(from).num_days() > WorkingHours::MAX_WINDOW_DAYS {
            return Err(Error::new(Detail::OutOfRange {
                what: "working-hours window".to_owned(),
                value: format!(
                    "{from} to {to}, over {} days",
                    WorkingHours::MAX_WINDOW_DAYS
                ),
            }));
        }
        // The civil dates of the window's first and last instants.
        let first = ZonedDateTime::from_instant(from, zone).date();
        let last_instant = to
            .checked_sub_signed(TimeDelta::nanoseconds(1))
            .unwrap_or(from);
        let last = ZonedDateTime::from_instant(last_instant, zone).date();
        if !(0..=9999).contains(&first.year()) || !(0..=9999).contains(&last.year()) {
            return Err(Error::new(Detail::OutOfRange {
                what: "working-hours window".to_owned(),
                value: format!(
                    "{from} to {to}, from {first} to {last} in {}, outside the years 0000–9999",
                    zone.name()
                ),
            }));
        }
        // One civil day of margin on each side: a day's ranges lie between
        // its midnights, which are within a day of the window's local dates.
        let first = pred(first)?;
        let last = succ(last)?;
        let mut day = first;
        while day <= last {
            let next = succ(day)?;
            for r in self.ranges(day.weekday()) {
                let start = first_instant_at(day.and_time(time_of(r.start)), zone)?;
                let end = if r.end == DAY {
                    first_instant_at(next.and_time(NaiveTime::MIN), zone)?
                } else {
                    first_instant_at(day.and_time(time_of(r.end)), zone)?
                };
                let (s, e) = (start.max(from), end.min(to));
                if s < e {
                    out.push((s, e));
                }
            }
            day = next;
        }
        Ok(())
    }
}

fn succ(d: NaiveDate) -> Result<NaiveDate, Error> {
    d.succ_opt().ok_or_else(|| date_out_of_range(d))
}

fn pred(d: NaiveDate) -> Result<NaiveDate, Error> {
    d.pred_opt().ok_or_else(|| date_out_of_range(d))
}

fn date_out_of_range(d: NaiveDate) -> Error {
    Error::new(Detail::OutOfRange {
        what: "date".to_owned(),
        value: d.to_string(),
    })
}

/// Sorts and merges half-open intervals that overlap or touch.
pub(crate) fn merge(mut v: Vec<Span>) -> Vec<Span> {
    v.sort_unstable();
    let mut out: Vec<Span> = Vec::with_capacity(v.len());
    for (s, e) in v {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

impl fmt::Display for WorkingHours {
    /// Runs of consecutive days with the same ranges, Monday first:
    /// `Mon–Fri 09:00–18:00`; `no working hours` when every day is empty.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        let mut i = 0;
        while let Some(ranges) = self.days.get(i) {
            let mut j = i;
            while self.days.get(j + 1).is_some_and(|r| r == ranges) {
                j += 1;
            }
            if !ranges.is_empty() {
                if !first {
                    f.write_str(", ")?;
                }
                first = false;
                let (a, b) = (WEEK.get(i), WEEK.get(j));
                if let (Some(a), Some(b)) = (a, b) {
                    if i == j {
                        write!(f, "{a} ")?;
                    } else {
                        write!(f, "{a}–{b} ")?;
                    }
                }
                for (k, r) in ranges.iter().enumerate() {
                    if k > 0 {
                        f.write_str(" and ")?;
                    }
                    write!(f, "{r}")?;
                }
            }
            i = j + 1;
        }
        if first {
            f.write_str("no working hours")?;
        }
        Ok(())
    }
}
