//! [`SlotSearch`]: when can these ministers meet, inside everyone's working
//! hours if possible, and if not, why not and what is the least bad time.

use std::collections::BinaryHeap;
use std::fmt;

use chrono::{DateTime, Datelike, TimeDelta, Utc};
use chrono_tz::Tz;

use super::calendar::{Busy, Calendar};
use super::hours::{Span, WorkingHours, merge};
use super::itinerary::{Itinerary, LocalClock};
use crate::error::{Collector, Detail, Error};
use crate::limits::Limits;
use crate::minister::Minister;
use crate::time::{ZonedDateTime, format_duration};

/// One participant of a search: a minister, their working hours (default:
/// [`WorkingHours::default_for`] their country) and their itinerary
/// (default: always at home, in [`Minister::home_zone`]).
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use chrono::{NaiveTime, Weekday};
/// use diplomeet::schedule::{Attendee, Itinerary, WorkingHours};
/// use diplomeet::{Country, Minister, PersonName, Portfolio, Post};
///
/// let name = PersonName::builder().given("Yoko").surname("Kamikawa").build()?;
/// let minister = Minister::builder(name, Country::from_code("JP")?)
///     .post(Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?)
///     .build()?;
/// let seven = NaiveTime::from_hms_opt(7, 0, 0).ok_or("time")?;
/// let ten = NaiveTime::from_hms_opt(22, 0, 0).ok_or("time")?;
/// let hours = WorkingHours::builder().days([Weekday::Mon, Weekday::Tue], seven, ten).build()?;
/// let attendee = Attendee::new(minister).hours(hours).itinerary(Itinerary::new());
/// assert_eq!(attendee.minister().id(), "jp-yoko-kamikawa");
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendee {
    minister: Minister,
    hours: Option<WorkingHours>,
    itinerary: Itinerary,
}

impl Attendee {
    /// A participant with the default hours of their country, at home.
    pub fn new(minister: Minister) -> Attendee {
        Attendee {
            minister,
            hours: None,
            itinerary: Itinerary::new(),
        }
    }

    /// Sets the working hours.
    #[must_use]
    pub fn hours(mut self, hours: WorkingHours) -> Attendee {
        self.hours = Some(hours);
        self
    }

    /// Sets the itinerary: the hours are then read where the minister is.
    #[must_use]
    pub fn itinerary(mut self, itinerary: Itinerary) -> Attendee {
        self.itinerary = itinerary;
        self
    }

    /// The minister.
    pub fn minister(&self) -> &Minister {
        &self.minister
    }

    /// The working hours: those set, else the default of the minister's
    /// country.
    pub fn working_hours(&self) -> WorkingHours {
        self.hours
            .clone()
            .unwrap_or_else(|| WorkingHours::default_for(self.minister.country()))
    }
}

/// Builds a [`SlotSearch`]; see [`SlotSearch::builder`]. It borrows the
/// calendars it is given until [`build`](Self::build).
#[derive(Debug, Clone)]
pub struct SlotSearchBuilder<'c> {
    attendees: Vec<Attendee>,
    window: Option<Span>,
    duration: Option<TimeDelta>,
    step: TimeDelta,
    calendars: Vec<&'c Calendar>,
    busy: Vec<(Option<String>, DateTime<Utc>, DateTime<Utc>)>,
    limit: usize,
}

impl<'c> SlotSearchBuilder<'c> {
    /// Adds a participant with the default hours of their country, at home.
    #[must_use]
    pub fn participant(self, minister: Minister) -> Self {
        self.attendee(Attendee::new(minister))
    }

    /// Adds a participant with their own hours or itinerary.
    #[must_use]
    pub fn attendee(mut self, attendee: Attendee) -> Self {
        self.attendees.push(attendee);
        self
    }

    /// Sets the window `[from, to)`: every slot starts at or after `from`
    /// and ends at or before `to`. Candidate starts are `from + k × step`.
    #[must_use]
    pub fn window(mut self, from: DateTime<Utc>, to: DateTime<Utc>) -> Self {
        self.window = Some((from, to));
        self
    }

    /// Sets the duration of the meeting sought: positive, at most 24 hours.
    #[must_use]
    pub fn duration(mut self, duration: TimeDelta) -> Self {
        self.duration = Some(duration);
        self
    }

    /// Sets the distance between candidate starts (default 15 minutes, at
    /// least one minute).
    #[must_use]
    pub fn step(mut self, step: TimeDelta) -> Self {
        self.step = step;
        self
    }

    /// Adds a calendar: each participant is busy during every meeting of it
    /// that they take part in (by minister id).
    #[must_use]
    pub fn calendar(mut self, calendar: &'c Calendar) -> Self {
        self.calendars.push(calendar);
        self
    }

    /// Adds a busy block `[start, end)` for the participant with this
    /// minister id.
    #[must_use]
    pub fn busy(mut self, minister_id: &str, start: DateTime<Utc>, end: DateTime<Utc>) -> Self {
        self.busy.push((Some(minister_id.to_owned()), start, end));
        self
    }

    /// Adds a busy block `[start, end)` for every participant.
    #[must_use]
    pub fn busy_for_all(mut self, start: DateTime<Utc>, end: DateTime<Utc>) -> Self {
        self.busy.push((None, start, end));
        self
    }

    /// Sets how many slots the result keeps, the best first (default 10).
    /// The ranking is over every candidate, whatever the limit.
    #[must_use]
    pub fn limit(mut self, limit: usize) -> Self {
        self.limit = limit;
        self
    }

    /// Checks the question and prepares it: each participant's working
    /// intervals (following their itinerary) and busy time over the window.
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
    ///   minute);
    /// * [`OutOfRange`](crate::ErrorKind::OutOfRange) at `window` outside
    ///   the years 0001–9998;
    /// * [`UnknownReference`](crate::ErrorKind::UnknownReference) at
    ///   `busy[i].minister` for a block of someone who is not a participant.
    pub fn build(self) -> Result<SlotSearch, Error> {
        let mut out = Collector::new();
        let limits = Limits::default();
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
        for (i, a) in self.attendees.iter().enumerate() {
            let id = a.minister.id();
            if self
                .attendees
                .get(..i)
                .unwrap_or_default()
                .iter()
                .any(|b| b.minister.id() == id)
            {
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
            Some((from, to)) => {
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
        if self.step < TimeDelta::try_minutes(1).unwrap_or(TimeDelta::MAX) {
            out.push(
                "step",
                Detail::DurationOutOfRange {
                    value: format_duration(self.step),
                    reason: "the step is at least one minute".to_owned(),
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
                if !self.attendees.iter().any(|a| a.minister.id() == id) {
                    out.push_at(
                        || format!("busy[{i}].minister"),
                        Detail::UnknownReference {
                            what: "busy block's minister",
                            id: crate::error::echo(id),
                        },
                    );
                }
            }
        }
        out.check()?;
        let (Some((from, to)), Some(duration)) = (self.window, self.duration) else {
            // Both were checked above.
            return Err(Error::new(Detail::Empty { what: "window" }));
        };

        let mut participants = Vec::with_capacity(self.attendees.len());
        for (i, a) in self.attendees.into_iter().enumerate() {
            let hours = a.working_hours();
            let home = a.minister.home_zone();
            let working = out.take_at(
                || format!("participants[{i}]"),
                hours.intervals_following(&a.itinerary, home, from, to),
            );
            let id = a.minister.id();
            let mut busy: Vec<Busy> = Vec::new();
            for cal in &self.calendars {
                busy.extend(cal.busy(id));
            }
            // Extra blocks belong to no meeting of a calendar.
            busy.extend(
                self.busy
                    .iter()
                    .filter(|(who, ..)| who.as_deref().is_none_or(|w| w == id))
                    .map(|(_, s, e)| Busy::new(*s, *e, usize::MAX)),
            );
            let busy: Vec<Span> = busy
                .iter()
                .filter(|b| b.start() < to && from < b.end())
                .map(|b| (b.start(), b.end()))
                .collect();
            participants.push(Prepared {
                id: id.to_owned(),
                home,
                itinerary: a.itinerary,
                working: working.unwrap_or_default(),
                busy: merge(busy),
            });
        }
        out.finish()?;
        Ok(SlotSearch {
            from,
            to,
            duration,
            step: self.step,
            limit: self.limit,
            participants,
        })
    }
}

/// A participant, ready for the search.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Prepared {
    id: String,
    home: Tz,
    itinerary: Itinerary,
    /// Sorted, disjoint, merged, clipped to the window.
    working: Vec<Span>,
    /// Sorted, disjoint, merged; only blocks that meet the window.
    busy: Vec<Span>,
}

/// A free-slot search: when can these participants meet for this long
/// within this window, without touching anyone's busy time, inside
/// everyone's working hours if possible?
///
/// # The question
///
/// * **Candidates** are the slots `[s, s + duration)` with
///   `s = from + k × step` (`k = 0, 1, ...`) that end by `to`.
/// * A candidate is **free** when it overlaps no participant's busy time
///   (meetings of the given calendars they take part in, and extra blocks);
///   intervals are half-open, so a slot may start when a meeting ends.
/// * Each participant's **working intervals** come from their
///   [`WorkingHours`], computed day by day in the zone they are in at each
///   instant (their [`Itinerary`], else their home zone). A candidate's
///   **time outside hours** is, summed over participants, the part of the
///   slot outside each one's working intervals; a slot is **inside
///   everyone's hours** when that sum is zero.
///
/// # The answer
///
/// [`search`](SlotSearch::search) ranks every free candidate, the ones
/// inside everyone's hours first, then by least total time outside hours,
/// then earliest, and keeps the first [`limit`](SlotSearchBuilder::limit)
/// as [`SlotResult::slots`]. So there are slots whenever some free time
/// exists, even when none of it suits everyone. When **no** slot is inside
/// everyone's hours, [`SlotResult::reason`] says why ([`NoFitReason`]):
/// the window is shorter than the duration; every candidate is busy; the
/// working hours never overlap for the duration (with each participant's
/// working intervals in UTC); or they do, but that common time is busy.
///
/// # Cost
///
/// Busy time is merged per participant and across participants into free
/// intervals; only the step-aligned starts inside free intervals are
/// visited, and each one's time outside hours comes from prefix sums over
/// the sorted working intervals, with one forward cursor per participant:
/// O(participants) per visited candidate, and a heap of `limit` entries.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use chrono::{TimeDelta, TimeZone, Utc};
/// use diplomeet::schedule::{NoFitReason, SlotSearch};
/// use diplomeet::{Country, Minister, PersonName, Portfolio, Post};
///
/// let minister = |given: &str, surname: &str, code: &str| -> Result<Minister, diplomeet::Error> {
///     let name = PersonName::builder().given(given).surname(surname).build()?;
///     Minister::builder(name, Country::from_code(code)?)
///         .post(Post::new(Portfolio::ForeignAffairs, "Foreign Minister")?)
///         .build()
/// };
/// let from = Utc.with_ymd_and_hms(2023, 11, 20, 0, 0, 0).single().ok_or("instant")?;
/// let to = Utc.with_ymd_and_hms(2023, 11, 27, 0, 0, 0).single().ok_or("instant")?;
/// let result = SlotSearch::builder()
///     .participant(minister("Yoko", "Kamikawa", "JP")?)
///     .participant(minister("Alberto", "van Klaveren", "CL")?)
///     .window(from, to)
///     .duration(TimeDelta::try_minutes(30).ok_or("minutes")?)
///     .build()?
///     .search();
/// // Tokyo's 09:00-18:00 and Santiago's never meet: 12 hours apart.
/// assert!(matches!(result.reason(), Some(NoFitReason::NoCommonWorkingHours { .. })));
/// // The least bad slots are still offered.
/// let best = result.slots().first().ok_or("no slot")?;
/// assert!(!best.is_within_hours());
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotSearch {
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    duration: TimeDelta,
    step: TimeDelta,
    limit: usize,
    participants: Vec<Prepared>,
}

/// A forward cursor over sorted working intervals (in nanoseconds from the
/// window's start) with prefix sums: the working time before `t`, for
/// non-decreasing `t`.
struct Cursor<'a> {
    spans: &'a [(i64, i64)],
    /// `before[i]`: working time in `spans[..i]`, for `i` up to
    /// `spans.len()` included.
    before: &'a [i64],
    i: usize,
}

impl Cursor<'_> {
    fn worked_before(&mut self, t: i64) -> i64 {
        while self.spans.get(self.i).is_some_and(|(_, e)| *e <= t) {
            self.i += 1;
        }
        let done = self.before.get(self.i).copied().unwrap_or(0);
        match self.spans.get(self.i) {
            Some((s, _)) if *s < t => done + (t - s),
            _ => done,
        }
    }
}

impl SlotSearch {
    /// The longest window, in days.
    pub const MAX_WINDOW_DAYS: i64 = 366;

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
    /// let kinds: Vec<(ErrorKind, &str)> = err.violations().iter().map(|v| (v.kind(), v.path())).collect();
    /// assert_eq!(kinds, [
    ///     (ErrorKind::TooFew, "participants"),
    ///     (ErrorKind::InvalidValue, "window"),
    ///     (ErrorKind::DurationOutOfRange, "duration"),
    /// ]);
    /// ```
    pub fn builder<'c>() -> SlotSearchBuilder<'c> {
        SlotSearchBuilder {
            attendees: Vec::new(),
            window: None,
            duration: None,
            step: TimeDelta::try_minutes(15).unwrap_or(TimeDelta::MAX),
            calendars: Vec::new(),
            busy: Vec::new(),
            limit: 10,
        }
    }

    /// Each participant's working intervals within the window, in UTC, in
    /// the order participants were added.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::{TimeDelta, TimeZone, Utc};
    /// use diplomeet::schedule::SlotSearch;
    /// use diplomeet::{Country, Minister, PersonName, Portfolio, Post};
    ///
    /// let name = PersonName::builder().given("Yoko").surname("Kamikawa").build()?;
    /// let kamikawa = Minister::builder(name, Country::from_code("JP")?)
    ///     .post(Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?)
    ///     .build()?;
    /// let from = Utc.with_ymd_and_hms(2023, 11, 20, 0, 0, 0).single().ok_or("instant")?;
    /// let to = Utc.with_ymd_and_hms(2023, 11, 21, 0, 0, 0).single().ok_or("instant")?;
    /// let search = SlotSearch::builder()
    ///     .participant(kamikawa)
    ///     .window(from, to)
    ///     .duration(TimeDelta::try_minutes(30).ok_or("minutes")?)
    ///     .build()?;
    /// let hours = search.working_hours_utc();
    /// assert_eq!(hours[0].to_string(), "jp-yoko-kamikawa: Mon 2023-11-20 00:00–09:00 UTC");
    /// # Ok(()) }
    /// ```
    pub fn working_hours_utc(&self) -> Vec<ParticipantHours> {
        self.participants
            .iter()
            .map(|p| ParticipantHours {
                minister_id: p.id.clone(),
                intervals: p.working.clone(),
            })
            .collect()
    }

    /// Nanoseconds from the window's start, clamped to the window.
    fn offset(&self, t: DateTime<Utc>) -> i64 {
        t.clamp(self.from, self.to)
            .signed_duration_since(self.from)
            .num_nanoseconds()
            .unwrap_or(0)
    }

    /// The instant `ns` nanoseconds after the window's start (always within
    /// the window, so the addition cannot fail).
    fn instant(&self, ns: i64) -> DateTime<Utc> {
        self.from
            .checked_add_signed(TimeDelta::nanoseconds(ns))
            .unwrap_or(self.from)
    }

    /// Runs the search; see the type's docs for what is ranked and when a
    /// reason is given.
    pub fn search(&self) -> SlotResult {
        let window = self.offset(self.to);
        let d = self.duration.num_nanoseconds().unwrap_or(i64::MAX);
        let step = self.step.num_nanoseconds().unwrap_or(i64::MAX).max(1);
        if window < d {
            return SlotResult {
                slots: Vec::new(),
                reason: Some(NoFitReason::WindowTooShort {
                    window: self.to.signed_duration_since(self.from),
                    duration: self.duration,
                }),
            };
        }

        // Working intervals and their prefix sums, in nanoseconds.
        let working: Vec<Vec<(i64, i64)>> = self
            .participants
            .iter()
            .map(|p| {
                p.working
                    .iter()
                    .map(|(s, e)| (self.offset(*s), self.offset(*e)))
                    .collect()
            })
            .collect();
        let before: Vec<Vec<i64>> = working
            .iter()
            .map(|spans| {
                let mut acc = 0;
                let mut v: Vec<i64> = spans
                    .iter()
                    .map(|(s, e)| {
                        let b = acc;
                        acc += e - s;
                        b
                    })
                    .collect();
                v.push(acc);
                v
            })
            .collect();
        let mut starts: Vec<Cursor<'_>> = Vec::with_capacity(working.len());
        let mut ends: Vec<Cursor<'_>> = Vec::with_capacity(working.len());
        for (spans, before) in working.iter().zip(&before) {
            starts.push(Cursor {
                spans,
                before,
                i: 0,
            });
            ends.push(Cursor {
                spans,
                before,
                i: 0,
            });
        }

        // Busy time of anyone, merged: the free intervals lie between.
        let all_busy = merge(
            self.participants
                .iter()
                .flat_map(|p| p.busy.iter().copied())
                .collect(),
        );
        let mut free: Vec<(i64, i64)> = Vec::with_capacity(all_busy.len() + 1);
        let mut at = 0;
        for (s, e) in &all_busy {
            let (s, e) = (self.offset(*s), self.offset(*e));
            if at < s {
                free.push((at, s));
            }
            at = at.max(e);
        }
        if at < window {
            free.push((at, window));
        }

        // Visit every free candidate; keep the best `limit` by
        // (time outside hours, start) in a max-heap.
        let n = i64::try_from(self.participants.len()).unwrap_or(i64::MAX);
        let mut heap: BinaryHeap<(i64, i64)> = BinaryHeap::new();
        let mut any_free = false;
        for (a, b) in free {
            let Some(latest) = b.checked_sub(d) else {
                continue;
            };
            if latest < a {
                continue;
            }
            // First k with k × step >= a; last with k × step <= latest.
            let mut s = a.div_euclid(step) * step;
            if s < a {
                s += step;
            }
            while s <= latest {
                any_free = true;
                let e = s + d;
                let mut inside = 0;
                for (cs, ce) in starts.iter_mut().zip(ends.iter_mut()) {
                    inside += ce.worked_before(e) - cs.worked_before(s);
                }
                let outside = n * d - inside;
                if heap.len() < self.limit {
                    heap.push((outside, s));
                } else if heap.peek().is_some_and(|top| (outside, s) < *top) {
                    heap.pop();
                    heap.push((outside, s));
                }
                s += step;
            }
        }

        let ranked = heap.into_sorted_vec();
        let slots: Vec<Slot> = ranked
            .iter()
            .map(|(_, s)| self.slot(*s, d, &working))
            .collect();
        let reason = if !any_free {
            Some(NoFitReason::AllBusy)
        } else if ranked.first().is_some_and(|(outside, _)| *outside > 0) {
            if self.common_candidate(&working, d, step, window) {
                Some(NoFitReason::CommonHoursBusy)
            } else {
                Some(NoFitReason::NoCommonWorkingHours {
                    hours: self.working_hours_utc(),
                })
            }
        } else {
            None
        };
        SlotResult { slots, reason }
    }

    /// Whether some candidate lies inside everyone's working intervals,
    /// busy or not.
    fn common_candidate(
        &self,
        working: &[Vec<(i64, i64)>],
        d: i64,
        step: i64,
        window: i64,
    ) -> bool {
        let mut common: Vec<(i64, i64)> = vec![(0, window)];
        for spans in working {
            let mut next = Vec::new();
            let (mut i, mut j) = (0, 0);
            while let (Some(x), Some(y)) = (common.get(i), spans.get(j)) {
                let (s, e) = (x.0.max(y.0), x.1.min(y.1));
                if s < e {
                    next.push((s, e));
                }
                if x.1 < y.1 {
                    i += 1;
                } else {
                    j += 1;
                }
            }
            common = next;
        }
        common.iter().any(|(a, b)| {
            let mut s = a.div_euclid(step) * step;
            if s < *a {
                s += step;
            }
            s + d <= *b
        })
    }

    /// The slot starting `s` nanoseconds into the window, with every
    /// participant's clock.
    fn slot(&self, s: i64, d: i64, working: &[Vec<(i64, i64)>]) -> Slot {
        let (start, end) = (self.instant(s), self.instant(s + d));
        let mut reference = None;
        let mut participants = Vec::with_capacity(self.participants.len());
        let mut total = 0;
        for (p, spans) in self.participants.iter().zip(working) {
            let inside: i64 = spans
                .iter()
                .map(|(a, b)| ((*b).min(s + d) - (*a).max(s)).max(0))
                .sum();
            let outside = d - inside;
            total += outside;
            let zone = p.itinerary.zone_at(start, p.home);
            let local = ZonedDateTime::from_instant(start, zone);
            let first_date = *reference.get_or_insert(local.date());
            let clock = LocalClock::new(
                local,
                Some(ZonedDateTime::from_instant(end, zone)),
                local.date().signed_duration_since(first_date).num_days(),
            )
            .with_place(p.itinerary.stay_at(start).map(|st| st.place().to_owned()));
            participants.push(ParticipantSlot {
                minister_id: p.id.clone(),
                clock,
                outside_hours: TimeDelta::nanoseconds(outside),
            });
        }
        Slot {
            start,
            end,
            outside_hours: TimeDelta::nanoseconds(total),
            participants,
        }
    }
}

/// What a search found: the best free slots, and why none suits everyone
/// when that is so.
///
/// `reason()` is `None` exactly when the first slot is inside everyone's
/// working hours. `slots()` is empty exactly when the reason is
/// [`WindowTooShort`](NoFitReason::WindowTooShort) or
/// [`AllBusy`](NoFitReason::AllBusy).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SlotResult {
    slots: Vec<Slot>,
    reason: Option<NoFitReason>,
}

impl SlotResult {
    /// The best free slots, best first: inside everyone's hours, then least
    /// total time outside hours, then earliest.
    pub fn slots(&self) -> &[Slot] {
        &self.slots
    }

    /// Why no slot lies inside everyone's working hours; `None` when the
    /// best one does.
    pub fn reason(&self) -> Option<&NoFitReason> {
        self.reason.as_ref()
    }

    /// The best slot, if any.
    pub fn best(&self) -> Option<&Slot> {
        self.slots.first()
    }
}

/// One free slot, with each participant's clock.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Slot {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    outside_hours: TimeDelta,
    participants: Vec<ParticipantSlot>,
}

impl Slot {
    /// The first instant of the slot.
    pub fn start(&self) -> DateTime<Utc> {
        self.start
    }

    /// The end of the slot (not included).
    pub fn end(&self) -> DateTime<Utc> {
        self.end
    }

    /// The time outside working hours, summed over the participants.
    pub fn outside_hours(&self) -> TimeDelta {
        self.outside_hours
    }

    /// Whether the slot lies inside everyone's working hours.
    pub fn is_within_hours(&self) -> bool {
        self.outside_hours.is_zero()
    }

    /// Each participant's view, in the order they were added.
    pub fn participants(&self) -> &[ParticipantSlot] {
        &self.participants
    }
}

/// One participant's view of a [`Slot`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ParticipantSlot {
    minister_id: String,
    clock: LocalClock,
    outside_hours: TimeDelta,
}

impl ParticipantSlot {
    /// The minister's id.
    pub fn minister_id(&self) -> &str {
        &self.minister_id
    }

    /// The slot on the minister's clock: start and end in the zone where
    /// they are at the slot's start (their stay's, else home), and the day
    /// shift against the **first participant's** local date at the start
    /// (so always 0 for the first participant).
    pub fn clock(&self) -> &LocalClock {
        &self.clock
    }

    /// The part of the slot outside this minister's working hours.
    pub fn outside_hours(&self) -> TimeDelta {
        self.outside_hours
    }
}

/// Why no slot lies inside everyone's working hours.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use chrono::{TimeDelta, TimeZone, Utc};
/// use diplomeet::schedule::{NoFitReason, SlotSearch};
/// use diplomeet::{Country, Minister, PersonName, Portfolio, Post};
///
/// let name = PersonName::builder().given("Yoko").surname("Kamikawa").build()?;
/// let kamikawa = Minister::builder(name, Country::from_code("JP")?)
///     .post(Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?)
///     .build()?;
/// let from = Utc.with_ymd_and_hms(2023, 11, 20, 0, 0, 0).single().ok_or("instant")?;
/// let to = Utc.with_ymd_and_hms(2023, 11, 20, 0, 20, 0).single().ok_or("instant")?;
/// let result = SlotSearch::builder()
///     .participant(kamikawa)
///     .window(from, to)
///     .duration(TimeDelta::try_minutes(30).ok_or("minutes")?)
///     .build()?
///     .search();
/// assert!(result.slots().is_empty());
/// let reason = result.reason().ok_or("no reason")?;
/// assert!(matches!(reason, NoFitReason::WindowTooShort { .. }));
/// assert_eq!(reason.to_string(), "the window (PT20M) is shorter than the duration (PT30M)");
/// # Ok(()) }
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum NoFitReason {
    /// The window is shorter than the duration: there is no candidate at
    /// all.
    WindowTooShort {
        /// The window's length.
        window: TimeDelta,
        /// The duration sought.
        duration: TimeDelta,
    },
    /// Every candidate overlaps someone's busy time (no slot at all).
    AllBusy,
    /// No candidate lies inside everyone's working hours, busy or not: the
    /// hours never overlap for the duration.
    NoCommonWorkingHours {
        /// Each participant's working intervals within the window, in UTC.
        hours: Vec<ParticipantHours>,
    },
    /// Some candidates lie inside everyone's working hours, but each of them
    /// overlaps someone's busy time.
    CommonHoursBusy,
}

impl fmt::Display for NoFitReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoFitReason::WindowTooShort { window, duration } => write!(
                f,
                "the window ({}) is shorter than the duration ({})",
                format_duration(*window),
                format_duration(*duration)
            ),
            NoFitReason::AllBusy => {
                f.write_str("every candidate slot overlaps someone's busy time")
            }
            NoFitReason::NoCommonWorkingHours { hours } => {
                f.write_str("the working hours never overlap for the duration")?;
                for h in hours {
                    write!(f, "; {h}")?;
                }
                Ok(())
            }
            NoFitReason::CommonHoursBusy => {
                f.write_str("the working hours overlap, but all their common time is busy")
            }
        }
    }
}

/// A participant's working intervals, in UTC.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ParticipantHours {
    minister_id: String,
    intervals: Vec<Span>,
}

impl ParticipantHours {
    /// The minister's id.
    pub fn minister_id(&self) -> &str {
        &self.minister_id
    }

    /// The working intervals `[start, end)`, sorted and disjoint.
    pub fn intervals(&self) -> &[(DateTime<Utc>, DateTime<Utc>)] {
        &self.intervals
    }
}

impl fmt::Display for ParticipantHours {
    /// `jp-kamikawa-yoko: Mon 2023-11-20 00:00–09:00 UTC, ...`; an interval
    /// ending on a later date gives the end's date too.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:", self.minister_id)?;
        if self.intervals.is_empty() {
            return f.write_str(" no working hours");
        }
        for (i, (s, e)) in self.intervals.iter().enumerate() {
            f.write_str(if i == 0 { " " } else { ", " })?;
            write!(f, "{}", s.format("%a %Y-%m-%d %H:%M"))?;
            if e.date_naive() == s.date_naive() {
                write!(f, "–{} UTC", e.format("%H:%M"))?;
            } else {
                write!(f, "–{} UTC", e.format("%a %Y-%m-%d %H:%M"))?;
            }
        }
        Ok(())
    }
}
