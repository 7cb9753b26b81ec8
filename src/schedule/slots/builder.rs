//! [`SlotSearchBuilder`]: the question of a slot search, checked once.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Datelike, TimeDelta, Utc};

use super::super::calendar::Calendar;
use super::super::hours::{Span, merge};
use super::attendee::Attendee;
use super::search::{Prepared, SlotSearch};
use crate::error::{Collector, Detail, Error, echo};
use crate::limits::Limits;
use crate::minister::Minister;
use crate::time::format_duration;

impl SlotSearch {
    /// A builder with no participant, no window, no duration, a 15-minute
    /// step and a limit of 10 slots.
    ///
    /// ```
    /// use chrono::{TimeDelta, TimeZone, Utc};
    /// use diplomeet::ErrorKind;
    /// use diplomeet::schedule::SlotSearch;
    ///
    /// let from = Utc.with_ymd_and_hms(2023, 11, 20, 0, 0, 0).unwrap();
    /// let err = SlotSearch::builder()
    ///     .window(from, from)
    ///     .duration(TimeDelta::zero())
    ///     .build()
    ///     .unwrap_err();
    /// let kinds: Vec<(ErrorKind, &str)> = err.violations().map(|v| (v.kind(), v.path())).collect();
    /// assert_eq!(kinds, [
    ///     (ErrorKind::TooFew, "participants"),
    ///     (ErrorKind::InvalidValue, "window"),
    ///     (ErrorKind::DurationOutOfRange, "duration"),
    /// ]);
    /// ```
    pub fn builder<'c>() -> SlotSearchBuilder<'c> {
        SlotSearchBuilder::new()
    }
}

/// Builds a [`SlotSearch`]; see [`SlotSearch::builder`]. It borrows the
/// calendars it is given until [`build`](Self::build).
///
/// ```
/// use chrono::{TimeDelta, TimeZone, Utc};
/// use diplomeet::schedule::SlotSearch;
/// use diplomeet::{Country, Minister, PersonName, Portfolio, Post};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let minister = |given: &str, surname: &str, code: &str| -> Result<Minister, diplomeet::Error> {
///     let name = PersonName::builder().given(given).surname(surname).build()?;
///     let post = Post::new(Portfolio::ForeignAffairs, "Foreign Minister")?;
///     Minister::builder(name, Country::from_code(code)?).post(post).build()
/// };
/// // An instant of November 2023, in UTC.
/// let at = |d, h, m| Utc.with_ymd_and_hms(2023, 11, d, h, m, 0).single().ok_or("instant");
///
/// let search = SlotSearch::builder()
///     .participant(minister("Yoko", "Kamikawa", "JP")?)
///     .participant(minister("Jin", "Park", "KR")?)
///     .window(at(20, 0, 0)?, at(21, 0, 0)?)
///     .duration(TimeDelta::try_minutes(30).ok_or("minutes")?)
///     .busy_for_all(at(20, 0, 0)?, at(20, 3, 0)?)
///     .limit(3)
///     .build()?;
/// // Tokyo and Seoul share a clock; both are busy until 12:00 there. The
/// // next candidates, a step (15 minutes) apart, are inside their hours.
/// let starts: Vec<_> = search.search().slots().iter().map(|s| s.start()).collect();
/// assert_eq!(starts, [at(20, 3, 0)?, at(20, 3, 15)?, at(20, 3, 30)?]);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct SlotSearchBuilder<'c> {
    attendees: Vec<Attendee>,
    window: Option<Span>,
    duration: Option<TimeDelta>,
    step: TimeDelta,
    calendars: Vec<&'c Calendar>,
    busy: Vec<(Option<String>, DateTime<Utc>, DateTime<Utc>)>,
    limit: usize,
    limits: Limits,
}

impl<'c> SlotSearchBuilder<'c> {
    fn new() -> Self {
        SlotSearchBuilder {
            attendees: Vec::new(),
            window: None,
            duration: None,
            step: TimeDelta::try_minutes(15).unwrap_or(TimeDelta::MAX),
            calendars: Vec::new(),
            busy: Vec::new(),
            limit: 10,
            limits: Limits::default(),
        }
    }

    /// Adds a participant with the default hours of their country, at home.
    pub fn participant(self, minister: Minister) -> Self {
        self.attendee(Attendee::new(minister))
    }

    /// Adds a participant with their own hours or itinerary.
    pub fn attendee(mut self, attendee: Attendee) -> Self {
        self.attendees.push(attendee);
        self
    }

    /// Sets the window `[from, to)`: every slot starts at or after `from`
    /// and ends at or before `to`. Candidate starts are `from + k × step`.
    ///
    /// ```
    /// use chrono::{TimeDelta, TimeZone, Utc};
    /// use diplomeet::schedule::{Attendee, SlotSearch, WorkingHours};
    /// use diplomeet::{Country, Minister, Portfolio, Post};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let post = Post::new(Portfolio::ForeignAffairs, "Foreign Minister")?;
    /// let minister = Minister::by_post(Country::from_code("JP")?, post).build()?;
    /// let at = |h, m| Utc.with_ymd_and_hms(2023, 11, 20, h, m, 0).single().ok_or("instant");
    /// let result = SlotSearch::builder()
    ///     .attendee(Attendee::new(minister).hours(WorkingHours::always()))
    ///     .window(at(0, 0)?, at(1, 0)?)
    ///     .duration(TimeDelta::try_minutes(30).ok_or("minutes")?)
    ///     .build()?
    ///     .search();
    /// // 00:45 would end after the window.
    /// let starts: Vec<_> = result.slots().iter().map(|s| s.start()).collect();
    /// assert_eq!(starts, [at(0, 0)?, at(0, 15)?, at(0, 30)?]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn window(mut self, from: DateTime<Utc>, to: DateTime<Utc>) -> Self {
        self.window = Some((from, to));
        self
    }

    /// Sets the duration of the meeting sought: positive, at most 24 hours.
    pub fn duration(mut self, duration: TimeDelta) -> Self {
        self.duration = Some(duration);
        self
    }

    /// Sets the distance between candidate starts: at least one minute, at
    /// most 24 hours (default 15 minutes). It may be longer than the window:
    /// the window's start is then the only candidate.
    pub fn step(mut self, step: TimeDelta) -> Self {
        self.step = step;
        self
    }

    /// Adds a calendar: each participant is busy during every meeting of it
    /// that they take part in (by minister id).
    ///
    /// ```
    /// use chrono::{TimeDelta, TimeZone, Utc};
    /// use diplomeet::schedule::{Calendar, SlotSearch};
    /// use diplomeet::time::parse_civil;
    /// use diplomeet::{Country, Meeting, Minister, Portfolio, Post, Venue};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let minister = |code: &str| -> Result<Minister, diplomeet::Error> {
    ///     let post = Post::new(Portfolio::ForeignAffairs, "Foreign Minister")?;
    ///     Minister::by_post(Country::from_code(code)?, post).build()
    /// };
    /// let (japan, korea) = (minister("JP")?, minister("KR")?);
    /// let talks = Meeting::builder("Talks")
    ///     .venue(Venue::new("Tokyo", Country::from_code("JP")?, chrono_tz::Asia::Tokyo)?)
    ///     .starts_at(parse_civil("2023-11-20T09:00")?)
    ///     .duration(TimeDelta::try_hours(1).ok_or("hour")?)
    ///     .participant(japan.clone())
    ///     .participant(korea)
    ///     .build()?;
    /// let calendar: Calendar = [talks].into_iter().collect();
    /// let at = |d, h| Utc.with_ymd_and_hms(2023, 11, d, h, 0, 0).single().ok_or("instant");
    /// let result = SlotSearch::builder()
    ///     .participant(japan)
    ///     .window(at(20, 0)?, at(21, 0)?)
    ///     .duration(TimeDelta::try_minutes(30).ok_or("minutes")?)
    ///     .calendar(&calendar)
    ///     .build()?
    ///     .search();
    /// // 09:00-10:00 JST is taken: the first slot is at 10:00 JST.
    /// assert_eq!(result.best().ok_or("no slot")?.start(), at(20, 1)?);
    /// # Ok(())
    /// # }
    /// ```
    pub fn calendar(mut self, calendar: &'c Calendar) -> Self {
        self.calendars.push(calendar);
        self
    }

    /// Adds a busy block `[start, end)` for the participant with this
    /// minister id.
    pub fn busy(mut self, minister_id: &str, start: DateTime<Utc>, end: DateTime<Utc>) -> Self {
        self.busy.push((Some(minister_id.to_owned()), start, end));
        self
    }

    /// Adds a busy block `[start, end)` for every participant.
    pub fn busy_for_all(mut self, start: DateTime<Utc>, end: DateTime<Utc>) -> Self {
        self.busy.push((None, start, end));
        self
    }

    /// Sets how many slots the result keeps, the best first (default 10).
    /// The ranking is over every candidate, whatever the limit; the result
    /// holds at most this many slots (and never more than there are
    /// candidates), so the limit bounds its memory.
    pub fn limit(mut self, limit: usize) -> Self {
        self.limit = limit;
        self
    }

    /// The limits to check against (default: [`Limits::default`]): the
    /// participants are held to [`Limits::max_participants`].
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Checks the question and prepares it: each participant's working
    /// intervals (following their itinerary) and busy time over the window.
    ///
    /// Cost: O(P + B + M log M + P × D × R) for P participants, B busy
    /// blocks, M meetings of theirs in the calendars, D days in the window
    /// and R working-hour ranges a day; memory linear in those.
    ///
    /// # Errors
    ///
    /// Every violation at once:
    /// * [`TooFew`](crate::ErrorKind::TooFew) /
    ///   [`TooMany`](crate::ErrorKind::TooMany) at `participants`: none, or
    ///   more than [`Limits::max_participants`];
    /// * [`Duplicate`](crate::ErrorKind::Duplicate) at `participants[i]`:
    ///   the same minister id twice;
    /// * [`Empty`](crate::ErrorKind::Empty) at `window` or `duration` when
    ///   not set;
    /// * [`InvalidValue`](crate::ErrorKind::InvalidValue) at `window` when
    ///   it does not start before it ends, at `busy[i]` for a block that
    ///   does not, at `limit` for a limit of 0;
    /// * [`DurationOutOfRange`](crate::ErrorKind::DurationOutOfRange) at
    ///   `window` (longer than [`SlotSearch::MAX_WINDOW_DAYS`] days),
    ///   `duration` (not positive, over 24 hours) or `step` (under one
    ///   minute, over 24 hours);
    /// * [`OutOfRange`](crate::ErrorKind::OutOfRange) at `window` outside
    ///   the years 0001–9998;
    /// * [`UnknownReference`](crate::ErrorKind::UnknownReference) at
    ///   `busy[i].minister` for a block of someone who is not a participant.
    ///
    /// ```
    /// use chrono::{TimeDelta, TimeZone, Utc};
    /// use diplomeet::schedule::SlotSearch;
    /// use diplomeet::{Country, Minister, Portfolio, Post};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let post = Post::new(Portfolio::ForeignAffairs, "Foreign Minister")?;
    /// let minister = Minister::by_post(Country::from_code("JP")?, post).build()?;
    /// let at = |d| Utc.with_ymd_and_hms(2023, 11, d, 0, 0, 0).single().ok_or("instant");
    /// let day_and_more = TimeDelta::try_hours(25).ok_or("hours")?;
    /// let err = SlotSearch::builder()
    ///     .participant(minister)
    ///     .window(at(21)?, at(20)?)
    ///     .duration(day_and_more)
    ///     .step(day_and_more)
    ///     .busy("nobody", at(20)?, at(21)?)
    ///     .build()
    ///     .unwrap_err();
    /// let found: Vec<&str> = err.violations().map(|v| v.path()).collect();
    /// assert_eq!(found, ["window", "duration", "step", "busy[0].minister"]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn build(self) -> Result<SlotSearch, Error> {
        let mut out = Collector::new();
        let limits = self.limits;
        if self.attendees.is_empty() {
            out.push(
                "participants",
                Detail::TooFew {
                    what: "participants",
                    found: 0,
                    needed: 1,
                },
            );
        }
        limits.check_count(
            &mut out,
            "participants",
            "participants",
            self.attendees.len(),
            limits.max_participants(),
            "max_participants",
        );
        let mut ids: HashSet<&str> = HashSet::with_capacity(self.attendees.len());
        for (i, a) in self.attendees.iter().enumerate() {
            let id = a.minister.id();
            if !ids.insert(id) {
                out.push_at(
                    || format!("participants[{i}]"),
                    Detail::Duplicate {
                        what: "participant",
                        value: id.to_owned(),
                    },
                );
            }
        }
        match self.window {
            None => out.push("window", Detail::Empty { what: "window" }),
            Some((from, to)) => check_window(&mut out, from, to),
        }
        match self.duration {
            None => out.push("duration", Detail::Empty { what: "duration" }),
            Some(d)
                if d <= TimeDelta::zero()
                    || d > TimeDelta::try_days(1).unwrap_or(TimeDelta::MAX) =>
            {
                out.push(
                    "duration",
                    Detail::DurationOutOfRange {
                        value: format_duration(d),
                        reason: "a slot lasts more than zero and at most 24 hours".to_owned(),
                    },
                );
            }
            Some(_) => {}
        }
        if self.step < TimeDelta::try_minutes(1).unwrap_or(TimeDelta::MAX)
            || self.step > TimeDelta::try_days(1).unwrap_or(TimeDelta::MAX)
        {
            out.push(
                "step",
                Detail::DurationOutOfRange {
                    value: format_duration(self.step),
                    reason: "the step is at least one minute and at most 24 hours".to_owned(),
                },
            );
        }
        if self.limit == 0 {
            out.push(
                "limit",
                Detail::InvalidValue {
                    what: "limit",
                    value: "0".to_owned(),
                    reason: "at least one slot must be kept".to_owned(),
                },
            );
        }
        // Extra blocks, by participant (`None`: everyone's).
        let mut extra: HashMap<Option<&str>, Vec<Span>> = HashMap::new();
        for (i, (who, start, end)) in self.busy.iter().enumerate() {
            if start >= end {
                out.push_at(
                    || format!("busy[{i}]"),
                    Detail::InvalidValue {
                        what: "busy block",
                        value: format!("{start} to {end}"),
                        reason: "the start must be before the end".to_owned(),
                    },
                );
            }
            if let Some(id) = who {
                if !ids.contains(id.as_str()) {
                    out.push_at(
                        || format!("busy[{i}].minister"),
                        Detail::UnknownReference {
                            what: "busy block's minister",
                            id: echo(id),
                        },
                    );
                }
            }
            extra
                .entry(who.as_deref())
                .or_default()
                .push((*start, *end));
        }
        out.check()?;
        let (Some((from, to)), Some(duration)) = (self.window, self.duration) else {
            // Both were checked above.
            return Err(Error::new(Detail::Empty { what: "window" }));
        };
        let for_all = extra.get(&None).map_or(&[][..], Vec::as_slice);
        let mut participants = Vec::with_capacity(self.attendees.len());
        for (i, a) in self.attendees.iter().enumerate() {
            let hours = a.working_hours();
            let home = a.minister.home_zone();
            let working = out.take_at(
                || format!("participants[{i}]"),
                hours.intervals_following(&a.itinerary, home, from, to),
            );
            let id = a.minister.id();
            let mine = extra.get(&Some(id)).map_or(&[][..], Vec::as_slice);
            let busy: Vec<Span> = self
                .calendars
                .iter()
                .flat_map(|cal| cal.busy(id))
                .map(|b| (b.start(), b.end()))
                .chain(mine.iter().chain(for_all).copied())
                .filter(|(s, e)| *s < to && from < *e)
                .collect();
            participants.push(Prepared {
                id: id.to_owned(),
                home,
                itinerary: a.itinerary.clone(),
                working: working.unwrap_or_default(),
                busy: merge(busy),
            });
        }
        out.finish()?;
        Ok(SlotSearch::new(
            from,
            to,
            duration,
            self.step,
            self.limit,
            participants,
        ))
    }
}

/// The window's checks: before its end, at most
/// [`SlotSearch::MAX_WINDOW_DAYS`] long, within the years 0001–9998.
fn check_window(out: &mut Collector, from: DateTime<Utc>, to: DateTime<Utc>) {
    if from >= to {
        out.push(
            "window",
            Detail::InvalidValue {
                what: "window",
                value: format!("{from} to {to}"),
                reason: "the start must be before the end".to_owned(),
            },
        );
    } else if to.signed_duration_since(from)
        > TimeDelta::try_days(SlotSearch::MAX_WINDOW_DAYS).unwrap_or(TimeDelta::MAX)
    {
        out.push(
            "window",
            Detail::DurationOutOfRange {
                value: format!("{from} to {to}"),
                reason: format!(
                    "a window is at most {} days long",
                    SlotSearch::MAX_WINDOW_DAYS
                ),
            },
        );
    }
    for t in [from, to] {
        if !(1..=9998).contains(&t.year()) {
            out.push(
                "window",
                Detail::OutOfRange {
                    what: "window".to_owned(),
                    value: t.to_string(),
                },
            );
        }
    }
}
