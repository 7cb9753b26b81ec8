//! [`SummitBuilder`]: the event, its rooms, delegations and requests,
//! checked at once into a [`Summit`].

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

use crate::Venue;
use crate::error::echo;
use crate::error::{Collector, Detail, Error};
use crate::limits::{Limits, TextClass};

use super::grid::{Grid, Interval, MAX_SLOTS_PER_DAY, Need, Spec, Timetable, TimetableProblem};
use super::input::{Delegation, Request};
use super::problem::Summit;

impl Summit {
    /// Starts a builder for the event `name` (the meetings' occasion) at
    /// `venue`, checked against [`Limits::default`].
    pub fn builder(name: impl Into<String>, venue: Venue) -> SummitBuilder {
        SummitBuilder::new(name.into(), venue, Limits::default())
    }
}

/// A time when no bilateral meeting can be held: once, or every day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Block {
    Once(NaiveDateTime, NaiveDateTime),
    Daily(NaiveTime, NaiveTime),
}

/// Builds a [`Summit`]: the event, slot length, rooms, delegations and
/// requests; [`build`](SummitBuilder::build) checks everything at once.
///
/// ```
/// use chrono::{NaiveDate, NaiveTime, TimeDelta};
/// use diplomeet::summit::{Request, Summit};
/// use diplomeet::{Country, ErrorKind, Venue};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let sf = Venue::new("San Francisco", Country::from_code("US")?, chrono_tz::America::Los_Angeles)?;
/// let err = Summit::builder("APEC Ministerial Meeting", sf)
///     .day(NaiveDate::from_ymd_opt(2023, 11, 14).ok_or("date")?)
///     .hours(NaiveTime::from_hms_opt(8, 0, 0).ok_or("time")?, NaiveTime::from_hms_opt(18, 0, 0).ok_or("time")?)
///     .slot(TimeDelta::try_minutes(30).ok_or("minutes")?)
///     .room("Room 1")
///     .request(Request::new("JP", "CL", 1))
///     .build()
///     .unwrap_err();
/// assert_eq!((err.kind(), err.path()), (ErrorKind::UnknownReference, "requests[0].first"));
/// assert_eq!(err.violations().len(), 2);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct SummitBuilder {
    name: String,
    venue: Venue,
    days: Vec<NaiveDate>,
    hours: Option<(NaiveTime, NaiveTime)>,
    slot: Option<TimeDelta>,
    changeover: TimeDelta,
    blocks: Vec<Block>,
    rooms: Vec<String>,
    delegations: Vec<Delegation>,
    requests: Vec<Request>,
    limits: Limits,
}

impl SummitBuilder {
    pub(crate) fn new(name: String, venue: Venue, limits: Limits) -> SummitBuilder {
        SummitBuilder {
            name,
            venue,
            days: Vec::new(),
            hours: None,
            slot: None,
            changeover: TimeDelta::zero(),
            blocks: Vec::new(),
            rooms: Vec::new(),
            delegations: Vec::new(),
            requests: Vec::new(),
            limits,
        }
    }

    /// The limits to check against (default: [`Limits::default`]): the
    /// number of requests is held to [`Limits::max_plan_requests`], the
    /// days to [`Limits::max_summit_days`] and the slots of the whole grid
    /// (days times slots a day) to [`Limits::max_summit_slots`]; a day holds
    /// at most [`MAX_SLOTS_PER_DAY`](super::MAX_SLOTS_PER_DAY) slots whatever
    /// the limits.
    ///
    /// ```
    /// use diplomeet::summit::{Request, Summit};
    /// use diplomeet::{Country, ErrorKind, Limits, Venue};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let venue = Venue::new("San Francisco", Country::from_code("US")?, chrono_tz::America::Los_Angeles)?;
    /// let err = Summit::builder("APEC", venue)
    ///     .request(Request::new("JP", "CL", 1))
    ///     .request(Request::new("JP", "PE", 1))
    ///     .limits(Limits::default().with_max_plan_requests(1))
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!((err.kind(), err.path()), (ErrorKind::TooMany, "requests"));
    /// assert!(err.to_string().contains("max_plan_requests"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Adds a day of the event.
    pub fn day(mut self, day: NaiveDate) -> Self {
        self.days.push(day);
        self
    }

    /// Adds days of the event.
    pub fn days(mut self, days: impl IntoIterator<Item = NaiveDate>) -> Self {
        self.days.extend(days);
        self
    }

    /// Sets the daily hours for bilaterals, civil times at the venue: the first
    /// slot starts at `opens`, the last one ends by `closes`.
    pub fn hours(mut self, opens: NaiveTime, closes: NaiveTime) -> Self {
        self.hours = Some((opens, closes));
        self
    }

    /// Sets the slot length (a request of `n` slots lasts `n` times this).
    pub fn slot(mut self, slot: TimeDelta) -> Self {
        self.slot = Some(slot);
        self
    }

    /// Sets the changeover between meetings in one room (default: none).
    pub fn changeover(mut self, changeover: TimeDelta) -> Self {
        self.changeover = changeover;
        self
    }

    /// Blocks `[from, to)` (civil times at the venue) for everyone: a plenary.
    pub fn block(mut self, from: NaiveDateTime, to: NaiveDateTime) -> Self {
        self.blocks.push(Block::Once(from, to));
        self
    }

    /// Blocks `[from, to)` on every day of the event.
    pub fn daily_block(mut self, from: NaiveTime, to: NaiveTime) -> Self {
        self.blocks.push(Block::Daily(from, to));
        self
    }

    /// Adds a room; its venue is the event's, with place "`place`, `room`".
    pub fn room(mut self, name: impl Into<String>) -> Self {
        self.rooms.push(name.into());
        self
    }

    /// Adds a delegation.
    pub fn delegation(mut self, delegation: Delegation) -> Self {
        self.delegations.push(delegation);
        self
    }

    /// Adds a request.
    pub fn request(mut self, request: Request) -> Self {
        self.requests.push(request);
        self
    }

    /// Checks every rule and builds the summit.
    ///
    /// Cost: O(requests + delegations + busy blocks × log + rooms) for the
    /// checks, then the grid: O(slots) zone lookups, O(delegations × slots ×
    /// log busy blocks) for availability and O(requests × days) words for
    /// the possible starts, where slots are days times slots a day. Memory
    /// is linear in the input and in those counts, each held to [`Limits`].
    ///
    /// # Errors
    ///
    /// Every violation at once, each with its path: more requests than
    /// [`Limits::max_plan_requests`] (`requests`) or days than
    /// [`Limits::max_summit_days`] (`days`), reported alone; a blank name;
    /// no days or a day twice (`days[i]`); no hours or an empty day
    /// (`hours`); a slot that is not positive, more than
    /// [`MAX_SLOTS_PER_DAY`](super::MAX_SLOTS_PER_DAY) slots a day, or more
    /// slots in all than [`Limits::max_summit_slots`] (`slot`); a negative
    /// changeover; an empty block (`blocks[i]`); no rooms or a room twice
    /// (`rooms[i]`); a delegation of a country given twice
    /// (`delegations[i]`), leaving before it arrives, an empty busy block
    /// (`delegations[i].busy[j]`), a principal not in office on a day of the
    /// event the delegation attends (`delegations[i].minister.posts[j].term`,
    /// naming the first such day); a request naming an unknown delegation
    /// (`requests[i].first`, `.second`), a delegation with itself, the same
    /// pair twice (`requests[i]`), a priority of 0, a length of 0 or longer
    /// than a day (`requests[i].slots`), an empty window (`requests[i].window`).
    pub fn build(self) -> Result<Summit, Error> {
        let mut out = Collector::new();
        let limits = self.limits;
        // Counts first, alone: checking every part of a hostile number of
        // requests or days is the cost the limits prevent.
        limits.check_count(
            &mut out,
            "requests",
            "requests",
            self.requests.len(),
            limits.max_plan_requests(),
            "max_plan_requests",
        );
        limits.check_count(
            &mut out,
            "days",
            "days",
            self.days.len(),
            limits.max_summit_days(),
            "max_summit_days",
        );
        out.check()?;
        limits.check_text(&mut out, "name", "event name", TextClass::Title, &self.name);
        if self.days.is_empty() {
            out.push(
                "days",
                Detail::TooFew {
                    what: "days",
                    found: 0,
                    needed: 1,
                },
            );
        }
        let mut seen_days = HashSet::with_capacity(self.days.len());
        for (i, d) in self.days.iter().enumerate() {
            if !seen_days.insert(*d) {
                out.push_at(
                    || format!("days[{i}]"),
                    Detail::Duplicate {
                        what: "day",
                        value: d.to_string(),
                    },
                );
            }
        }
        let timetable = self.timetable(&mut out);
        if let Some(tt) = timetable {
            let total = self.days.len().saturating_mul(tt.per_day());
            limits.check_count(
                &mut out,
                "slot",
                "slots in the summit's grid",
                total,
                limits.max_summit_slots(),
                "max_summit_slots",
            );
        }
        for (i, b) in self.blocks.iter().enumerate() {
            let empty = match b {
                Block::Once(f, t) => f >= t,
                Block::Daily(f, t) => f >= t,
            };
            if empty {
                out.push_at(
                    || format!("blocks[{i}]"),
                    Detail::Inconsistent("the block is empty: it ends before it starts".into()),
                );
            }
        }
        let rooms = self.rooms(&mut out);
        let codes = self.check_delegations(&mut out);
        let needs = self.needs(&mut out, &codes, timetable.map_or(0, |t| t.per_day()));
        out.check()?;
        let Some(timetable) = timetable else {
            // Without a timetable there is a violation at `hours` or `slot`.
            return Err(Error::new(Detail::Inconsistent("summit not built".into())));
        };
        let mut blocks: Vec<Interval> = Vec::new();
        for b in &self.blocks {
            match *b {
                Block::Once(f, t) => blocks.push((f, t)),
                Block::Daily(f, t) => {
                    blocks.extend(self.days.iter().map(|d| (d.and_time(f), d.and_time(t))));
                }
            }
        }
        let away = self
            .delegations
            .iter()
            .map(|d| {
                let mut v = d.busy_blocks().to_vec();
                v.extend(d.arrival().map(|a| (NaiveDateTime::MIN, a)));
                v.extend(d.departure().map(|l| (l, NaiveDateTime::MAX)));
                v
            })
            .collect();
        let grid = Grid::new(&Spec {
            days: &self.days,
            timetable,
            zone: self.venue.zone(),
            blocks,
            away,
            needs,
        })?;
        Ok(Summit {
            name: self.name,
            venue: self.venue,
            days: self.days,
            timetable,
            rooms,
            room_names: self.rooms,
            delegations: self.delegations,
            requests: self.requests,
            grid,
            starts: OnceLock::new(),
            bound: OnceLock::new(),
        })
    }

    /// The daily timetable from the hours, slot and changeover; `None`
    /// after recording every violation that stops it.
    fn timetable(&self, out: &mut Collector) -> Option<Timetable> {
        // Stand-ins for missing parts, so that the parts given are checked.
        let last = NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN);
        let (o, c) = self.hours.unwrap_or((NaiveTime::MIN, last));
        let s = self.slot.unwrap_or(TimeDelta::MIN);
        let (timetable, problems) = match Timetable::new(o, c, s, self.changeover) {
            Ok(tt) => (Some(tt), Vec::new()),
            Err(p) => (None, p),
        };
        let has = |p: TimetableProblem| problems.contains(&p);
        if self.hours.is_none() {
            out.push(
                "hours",
                Detail::Inconsistent("a summit needs its daily hours".into()),
            );
        } else if has(TimetableProblem::EmptyHours) {
            out.push(
                "hours",
                Detail::Inconsistent(format!(
                    "the daily hours {o}-{c} are empty: they close before they open"
                )),
            );
        }
        if self.slot.is_none() {
            out.push(
                "slot",
                Detail::Inconsistent("a summit needs a slot length".into()),
            );
        } else if has(TimetableProblem::BadSlot) {
            out.push(
                "slot",
                Detail::DurationOutOfRange {
                    value: crate::time::format_duration(s),
                    reason: "a slot must be a positive whole number of seconds".into(),
                },
            );
        }
        if has(TimetableProblem::BadChangeover) {
            out.push(
                "changeover",
                Detail::DurationOutOfRange {
                    value: crate::time::format_duration(self.changeover),
                    reason: "a changeover must be zero or a positive whole number of seconds"
                        .into(),
                },
            );
        }
        if self.hours.is_none() || self.slot.is_none() {
            return None;
        }
        for p in problems {
            match p {
                TimetableProblem::SlotDoesNotFit => out.push(
                    "slot",
                    Detail::Inconsistent(format!(
                        "a slot of {} does not fit in the daily hours {o}-{c}",
                        crate::time::format_duration(s)
                    )),
                ),
                TimetableProblem::TooManySlots(count) => out.push(
                    "slot",
                    Detail::TooMany {
                        what: "slots a day",
                        count,
                        limit: MAX_SLOTS_PER_DAY,
                        limit_name: "summit::MAX_SLOTS_PER_DAY",
                    },
                ),
                // Reported above.
                TimetableProblem::EmptyHours
                | TimetableProblem::BadSlot
                | TimetableProblem::BadChangeover => {}
            }
        }
        timetable
    }

    /// Each room's venue; violations for none, duplicates and bad names.
    fn rooms(&self, out: &mut Collector) -> Vec<Venue> {
        if self.rooms.is_empty() {
            out.push(
                "rooms",
                Detail::TooFew {
                    what: "rooms",
                    found: 0,
                    needed: 1,
                },
            );
        }
        let mut rooms = Vec::with_capacity(self.rooms.len());
        let mut seen = HashSet::with_capacity(self.rooms.len());
        for (i, r) in self.rooms.iter().enumerate() {
            if !seen.insert(r.as_str()) {
                out.push_at(
                    || format!("rooms[{i}]"),
                    Detail::Duplicate {
                        what: "room",
                        value: echo(r),
                    },
                );
            }
            self.limits
                .check_text_at(out, || format!("rooms[{i}]"), "room", TextClass::Name, r);
            let place = format!("{}, {}", self.venue.place(), r.trim());
            match Venue::new(place, self.venue.country().clone(), self.venue.zone()) {
                Ok(v) => rooms.push(v),
                Err(e) => out.absorb(&format!("rooms[{i}]"), e),
            }
        }
        rooms
    }

    /// Checks the delegations; returns each one's code (upper case) and
    /// index, the first of each code.
    fn check_delegations(&self, out: &mut Collector) -> HashMap<String, usize> {
        let mut codes: HashMap<String, usize> = HashMap::with_capacity(self.delegations.len());
        for (i, d) in self.delegations.iter().enumerate() {
            let code = d.country().alpha2().to_ascii_uppercase();
            if codes.contains_key(&code) {
                out.push_at(
                    || format!("delegations[{i}]"),
                    Detail::Duplicate {
                        what: "delegation of",
                        value: code.clone(),
                    },
                );
            }
            if let (Some(a), Some(l)) = (d.arrival(), d.departure()) {
                if l <= a {
                    out.push_at(
                        || format!("delegations[{i}].departure"),
                        Detail::Inconsistent(format!(
                            "delegation {code} departs at {l}, not after it arrives at {a}"
                        )),
                    );
                }
            }
            for (j, (f, t)) in d.busy_blocks().iter().enumerate() {
                if f >= t {
                    out.push_at(
                        || format!("delegations[{i}].busy[{j}]"),
                        Detail::Inconsistent(format!(
                            "the busy block {f} to {t} is empty: it ends before it starts"
                        )),
                    );
                }
            }
            self.check_terms(out, i, d);
            codes.entry(code).or_insert(i);
        }
        codes
    }

    /// The principal must hold every post with a term on each day of the
    /// event the delegation attends (any part of the day between its
    /// arrival and departure): one violation per post, naming the first
    /// day it is not held.
    fn check_terms(&self, out: &mut Collector, i: usize, d: &Delegation) {
        let minister = d.minister();
        if minister.posts().iter().all(|p| p.term().is_none()) {
            return;
        }
        let attends = |day: &NaiveDate| {
            let starts = day.and_time(NaiveTime::MIN);
            let ends = day.succ_opt().map(|n| n.and_time(NaiveTime::MIN));
            d.arrival().is_none_or(|a| ends.is_none_or(|e| a < e))
                && d.departure().is_none_or(|l| l > starts)
        };
        let mut days: Vec<NaiveDate> = self.days.iter().copied().filter(attends).collect();
        days.sort_unstable();
        let mut reported = vec![false; minister.posts().len()];
        for day in days {
            for (j, post) in minister.posts_not_held_on(day) {
                if let Some(done) = reported.get_mut(j).filter(|done| !**done) {
                    *done = true;
                    out.push_at(
                        || format!("delegations[{i}].minister.posts[{j}].term"),
                        Detail::OutsideTerm {
                            who: minister.to_string(),
                            post: post.title().to_owned(),
                            date: day.to_string(),
                            term: post.term().map(|t| t.to_string()).unwrap_or_default(),
                        },
                    );
                }
            }
        }
    }

    /// Checks the requests against the delegations (`codes`) and a day of
    /// `per_day` slots (0 when unknown); returns what the grid needs of
    /// each, when every reference resolves.
    fn needs(
        &self,
        out: &mut Collector,
        codes: &HashMap<String, usize>,
        per_day: usize,
    ) -> Vec<Need> {
        let find = |code: &str| codes.get(&code.trim().to_ascii_uppercase()).copied();
        let name = |i: usize| {
            self.delegations
                .get(i)
                .map_or(String::new(), |d| d.country().alpha2().to_ascii_uppercase())
        };
        let mut needs = Vec::with_capacity(self.requests.len());
        let mut seen: HashSet<(usize, usize)> = HashSet::with_capacity(self.requests.len());
        for (i, r) in self.requests.iter().enumerate() {
            let a = find(r.first());
            let b = find(r.second());
            for (field, code, found) in [("first", r.first(), a), ("second", r.second(), b)] {
                if found.is_none() {
                    out.push_at(
                        || format!("requests[{i}].{field}"),
                        Detail::UnknownReference {
                            what: "delegation",
                            id: echo(code),
                        },
                    );
                }
            }
            if r.priority() == 0 {
                out.push_at(
                    || format!("requests[{i}].priority"),
                    Detail::InvalidValue {
                        what: "priority",
                        value: "0".into(),
                        reason: "a priority is at least 1".into(),
                    },
                );
            }
            let len = usize::try_from(r.length()).unwrap_or(usize::MAX);
            if len == 0 || (per_day > 0 && len > per_day) {
                out.push_at(
                    || format!("requests[{i}].slots"),
                    Detail::InvalidValue {
                        what: "length in slots",
                        value: r.length().to_string(),
                        reason: format!("a request lasts 1 to {} slots (one day)", per_day.max(1)),
                    },
                );
            }
            if let Some((f, t)) = r.time_window() {
                if f >= t {
                    out.push_at(
                        || format!("requests[{i}].window"),
                        Detail::Inconsistent(format!(
                            "the window {f} to {t} is empty: it ends before it starts"
                        )),
                    );
                }
            }
            let (Some(a), Some(b)) = (a, b) else { continue };
            if a == b {
                out.push_at(
                    || format!("requests[{i}]"),
                    Detail::Inconsistent(format!(
                        "a request of delegation {} with itself",
                        name(a)
                    )),
                );
                continue;
            }
            if !seen.insert((a.min(b), a.max(b))) {
                out.push_at(
                    || format!("requests[{i}]"),
                    Detail::Duplicate {
                        what: "request",
                        value: format!("{}-{}", name(a), name(b)),
                    },
                );
            }
            needs.push(Need {
                a,
                b,
                len,
                priority: u64::from(r.priority()),
                window: r.time_window(),
            });
        }
        needs
    }
}
