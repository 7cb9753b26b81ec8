//! The planner's output: placed meetings, unplaced requests with their
//! reasons, and the figures.

use std::fmt;

use chrono::TimeDelta;

use crate::Meeting;
use crate::error::{Detail, Error};

use super::bound::upper_bound;
use super::plan::{self, State};
use super::problem::Summit;

/// Why a request was left out of the plan.
///
/// It carries data (the delegation whose time ran out), so its `Display` is
/// a phrase in prose, not a code: "no common free time", "rooms full at
/// every common free time", "capacity of delegation 3 exhausted by other
/// meetings".
///
/// ```
/// use diplomeet::summit::UnplacedReason;
///
/// assert_eq!(UnplacedReason::NoCommonFreeTime.to_string(), "no common free time");
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnplacedReason {
    /// The two delegations are never both available (arrivals, departures,
    /// busy blocks, the event's blocks, the request's window) for the
    /// request's length: no plan could place it.
    NoCommonFreeTime,
    /// At some time when both delegations are free in the plan, every room
    /// is taken, and at every other common time one of them is in a meeting.
    RoomsFull,
    /// At every common free time one of the delegations is already in
    /// another meeting of the plan (which the planner preferred: of higher
    /// priority, or letting more priority in overall). `delegation` is the
    /// index of the one whose meetings block more of those times.
    CapacityExhausted {
        /// Index into [`Summit::delegations`].
        delegation: usize,
    },
}

impl fmt::Display for UnplacedReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UnplacedReason::NoCommonFreeTime => f.write_str("no common free time"),
            UnplacedReason::RoomsFull => f.write_str("rooms full at every common free time"),
            UnplacedReason::CapacityExhausted { delegation } => write!(
                f,
                "capacity of delegation {delegation} exhausted by other meetings"
            ),
        }
    }
}

/// A placed request: its meeting, room and slot. See [`Plan`] for an example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    request: usize,
    room: usize,
    slot: usize,
    slots: usize,
    meeting: Meeting,
}

impl Placement {
    /// Index of the request in [`Summit::requests`].
    pub fn request(&self) -> usize {
        self.request
    }

    /// Index of the room in [`Summit::rooms`].
    pub fn room(&self) -> usize {
        self.room
    }

    /// Index of the first slot in the grid ([`Summit::slot_starts`]).
    pub fn slot(&self) -> usize {
        self.slot
    }

    /// Number of slots the meeting holds.
    pub fn slots(&self) -> usize {
        self.slots
    }

    /// The meeting: the room's venue, the start at the venue, both
    /// principals, on the sidelines of the event.
    pub fn meeting(&self) -> &Meeting {
        &self.meeting
    }
}

/// A request left out, and why. See [`Plan`] for an example.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Unplaced {
    request: usize,
    reason: UnplacedReason,
}

impl Unplaced {
    /// Index of the request in [`Summit::requests`].
    pub fn request(&self) -> usize {
        self.request
    }

    /// Why it was left out.
    pub fn reason(&self) -> UnplacedReason {
        self.reason
    }
}

/// A plan: placed meetings (by slot, then room), unplaced requests (in
/// request order) and the figures.
///
/// `Display` gives the summary line `placed P of R requested meetings`.
/// How good the plan is shows against the summit's bounds,
/// [`Summit::upper_bound`] and [`Summit::meeting_bound`], computed only
/// when asked for.
///
/// ```
/// use chrono::{NaiveDate, NaiveTime, TimeDelta};
/// use diplomeet::summit::{Delegation, Request, Summit, UnplacedReason};
/// use diplomeet::{Country, Minister, PersonName, Portfolio, Post, Venue};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let minister = |code: &str| -> Result<Minister, diplomeet::Error> {
///     let country = Country::from_code(code)?;
///     let name = PersonName::builder().given("Minister").surname(country.name()).build()?;
///     Minister::builder(name, country)
///         .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?)
///         .build()
/// };
/// let sf = Venue::new("San Francisco", Country::from_code("US")?, chrono_tz::America::Los_Angeles)?;
/// let summit = Summit::builder("APEC Ministerial Meeting", sf)
///     .day(NaiveDate::from_ymd_opt(2023, 11, 14).ok_or("date")?)
///     .hours(NaiveTime::from_hms_opt(16, 0, 0).ok_or("time")?, NaiveTime::from_hms_opt(17, 0, 0).ok_or("time")?)
///     .slot(TimeDelta::try_minutes(30).ok_or("minutes")?)
///     .room("Room 3")
///     .delegation(Delegation::new(minister("JP")?))
///     .delegation(Delegation::new(minister("CL")?))
///     .delegation(Delegation::new(minister("PE")?))
///     .request(Request::new("JP", "CL", 5))
///     .request(Request::new("JP", "PE", 2))
///     .request(Request::new("CL", "PE", 1))
///     .build()?;
/// let plan = summit.plan()?;
/// let placed = plan.placed().first().ok_or("nothing placed")?;
/// assert_eq!((placed.request(), placed.room(), placed.slot()), (0, 0, 0));
/// assert_eq!(placed.meeting().start()?.to_rfc3339(), "2023-11-14T16:00:00-08:00");
/// let left = plan.unplaced().first().ok_or("nothing left out")?;
/// assert_eq!(left.request(), 2);
/// assert_eq!(left.reason(), UnplacedReason::CapacityExhausted { delegation: 1 });
/// assert_eq!((plan.placed_priority(), plan.requested_priority()), (7, 8));
/// assert_eq!(plan.to_string(), "placed 2 of 3 requested meetings");
/// assert_eq!((summit.upper_bound(), summit.meeting_bound()), (7, 2));
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    placed: Vec<Placement>,
    unplaced: Vec<Unplaced>,
    placed_priority: u64,
    requested_priority: u64,
    idle_gaps: u64,
}

impl Plan {
    /// The placed requests, by first slot, then room.
    pub fn placed(&self) -> &[Placement] {
        &self.placed
    }

    /// The unplaced requests, in request order.
    pub fn unplaced(&self) -> &[Unplaced] {
        &self.unplaced
    }

    /// Number of requests, placed or not.
    pub fn requested(&self) -> usize {
        self.placed.len() + self.unplaced.len()
    }

    /// Total priority of the placed requests.
    pub fn placed_priority(&self) -> u64 {
        self.placed_priority
    }

    /// Total priority of all requests.
    pub fn requested_priority(&self) -> u64 {
        self.requested_priority
    }

    /// Idle gaps in all delegations' days: runs of free slots between two of
    /// a delegation's meetings on one day.
    pub fn idle_gaps(&self) -> u64 {
        self.idle_gaps
    }
}

impl fmt::Display for Plan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "placed {} of {} requested meetings",
            self.placed.len(),
            self.requested()
        )
    }
}

impl Summit {
    /// Plans the summit: places requests to maximise the total **value**
    /// placed, where a request's value is twice its priority plus 3 (its
    /// priority plus one and a half per meeting), with no delegation and no
    /// room in two meetings at once, every meeting inside both delegations'
    /// availability, the event's hours and the request's window. Ties go to
    /// fewer idle gaps in the delegations' days, then to earlier times. The
    /// same summit always gives the same plan.
    ///
    /// Why value and not priority alone: every requested meeting matters to
    /// the two delegations that asked for it, and priority orders them; the
    /// bonus per meeting makes the planner prefer two short meetings to one
    /// long one of the same total priority (and one meeting more to a gain
    /// of a single unit of priority). On a generated instance the size of
    /// the UN General Assembly's high-level week (193 delegations, 25 rooms,
    /// 1,500 requests: `cargo run --release --example summit -- --unga`) it
    /// keeps both the placed priority and the number of meetings at or above
    /// 97% of their bounds ([`upper_bound`](Summit::upper_bound),
    /// [`meeting_bound`](Summit::meeting_bound)), where priority alone
    /// placed about 96% of the meeting bound.
    ///
    /// The method: requests in order of value per slot (highest first,
    /// then those with fewer possible starts, then input order), each at the
    /// start adding the fewest idle gaps, then the earliest; then repair
    /// passes that fit in each unplaced request by moving up to two meetings
    /// (and one more for a room) elsewhere, or by replacing meetings of less
    /// total value, each success raising the placed value; then a pass
    /// moving each meeting to its best start; then one taking out each
    /// meeting of several slots in turn and fitting unplaced requests into
    /// the slots it freed, kept only when the placed value grows. Small
    /// instances get up to 48 such runs (the others with the order and the
    /// ties perturbed by a fixed-seed generator, so still deterministic) and
    /// keep the best, by value, then idle gaps, then earlier starts; the
    /// number of runs depends only on the instance's size. Rooms go, in
    /// order of start, to the first free one.
    ///
    /// # Cost
    ///
    /// With `C` the candidate starts of all requests (at most requests ×
    /// slots): O(C) for each greedy pass, and the repairs and later passes
    /// stop after a budget of work (starts examined, meetings moved) of
    /// 1,000 per candidate start, at least 4 and at most 40 million units
    /// in all, so a plan costs O(C) plus a bounded amount; building the
    /// meetings costs O(placed + rooms × log rooms). The largest problem
    /// the default [`Limits`](crate::Limits) allow (10,000 requests, 31
    /// days of 128 slots) plans in about a second on one core. The starts
    /// are kept (O(requests)), so a second call, and the bounds, reuse
    /// them.
    ///
    /// # Errors
    ///
    /// When a meeting cannot be built: the error of [`Meeting`]'s builder,
    /// its paths under `requests[i]`. The summit's builder has already
    /// checked what it can (terms of office on the event's days, the
    /// limits), so this is rare.
    pub fn plan(&self) -> Result<Plan, Error> {
        self.output(self.planned())
    }

    /// The baseline the planner is measured against: each request in input
    /// order at its earliest free start, in the first free room.
    ///
    /// Cost: O(requests × days) plus building the meetings, as
    /// [`plan`](Summit::plan).
    ///
    /// # Errors
    ///
    /// As [`plan`](Summit::plan).
    pub fn plan_first_fit(&self) -> Result<Plan, Error> {
        let starts = plan::first_fit(&self.grid, self.rooms.len());
        self.output(&starts)
    }

    /// An upper bound on the total priority that any plan can place.
    ///
    /// It is the value of the dual of the time-indexed linear relaxation
    /// (each delegation in at most one meeting per slot; per slot at most
    /// `min(rooms, ⌊available delegations / 2⌋)` meetings; each request at
    /// most once, at one of its possible starts) at multipliers found by
    /// subgradient steps. Any non-negative multipliers give a valid bound
    /// (weak duality), and each is evaluated exactly in integers, so the
    /// bound holds however well the steps converge; with all multipliers
    /// zero it is the total priority of the requests that can be placed at
    /// all, so it is never above that.
    ///
    /// Cost: computed once, on first use, with [`meeting_bound`](Summit::meeting_bound)
    /// (the planner's plan, computed if [`plan`](Summit::plan) was not
    /// called, steers the steps). Each step costs O(C + delegations ×
    /// slots), with `C` the candidate starts; the steps stop after 3,000,
    /// or once 100 million units of that work are spent (a second or so),
    /// so large instances get fewer steps and a looser, still valid,
    /// bound. Memory: O(delegations × slots).
    pub fn upper_bound(&self) -> u64 {
        self.bounds().0
    }

    /// An upper bound on the number of meetings that any plan can place:
    /// [`upper_bound`](Summit::upper_bound) with every priority taken as 1
    /// (valid for the same reason), never above the number of requests that
    /// can be placed at all. Computed with it, once.
    pub fn meeting_bound(&self) -> u64 {
        self.bounds().1
    }

    /// The planner's starts, computed once.
    fn planned(&self) -> &[Option<u32>] {
        self.starts
            .get_or_init(|| plan::plan(&self.grid, self.rooms.len()))
    }

    /// Both bounds, the planner's plan steering the steps.
    fn bounds(&self) -> (u64, u64) {
        *self.bound.get_or_init(|| {
            let starts = self.planned();
            let g = &self.grid;
            let rooms = self.rooms.len();
            let prio: Vec<u64> = g.needs.iter().map(|n| n.priority).collect();
            let placed = || starts.iter().zip(&prio).filter(|(s, _)| s.is_some());
            let value: u64 = placed().map(|(_, p)| *p).sum();
            let count = placed().count() as u64;
            let ones = vec![1u64; prio.len()];
            (
                upper_bound(g, &prio, rooms, value).max(value),
                upper_bound(g, &ones, rooms, count).max(count),
            )
        })
    }

    fn output(&self, starts: &[Option<u32>]) -> Result<Plan, Error> {
        let g = &self.grid;
        let state = State::with_starts(g, self.rooms.len(), starts);
        let mut order: Vec<(usize, usize)> = starts
            .iter()
            .enumerate()
            .filter_map(|(r, t)| t.map(|t| (t as usize, r)))
            .collect();
        order.sort_unstable();
        let mut rooms = Rooms::new(self.rooms.len());
        let mut placed = Vec::with_capacity(order.len());
        let mut errors = crate::error::Collector::new();
        for (t, r) in order {
            let k = g.needs.get(r).map_or(1, |n| n.len);
            let Some(room) = rooms.take(t, k) else {
                return Err(Error::new(Detail::Inconsistent(format!(
                    "no free room for request {r} at slot {t}"
                ))));
            };
            match self.meeting(r, t, room) {
                Ok(meeting) => placed.push(Placement {
                    request: r,
                    room,
                    slot: t,
                    slots: k,
                    meeting,
                }),
                Err(e) => errors.absorb(&format!("requests[{r}]"), e),
            }
        }
        errors.finish()?;
        placed.sort_by_key(|p| (p.slot, p.room));
        let mut unplaced = Vec::new();
        for (r, t) in starts.iter().enumerate() {
            if t.is_some() {
                continue;
            }
            let reason = if g.ncands.get(r).is_none_or(|&c| c == 0) {
                UnplacedReason::NoCommonFreeTime
            } else {
                let (mut na, mut nb, mut both_free) = (0usize, 0usize, false);
                for c in g.cands(r) {
                    let (ha, hb) = state.held(r, c);
                    na += usize::from(ha);
                    nb += usize::from(hb);
                    both_free |= !ha && !hb;
                }
                let (a, b) = g.needs.get(r).map_or((0, 0), |n| (n.a, n.b));
                if both_free {
                    UnplacedReason::RoomsFull
                } else {
                    UnplacedReason::CapacityExhausted {
                        delegation: if nb > na { b } else { a },
                    }
                }
            };
            unplaced.push(Unplaced { request: r, reason });
        }
        let priority = |r: usize| g.needs.get(r).map_or(0, |n| n.priority);
        let placed_priority = placed.iter().map(|p| priority(p.request)).sum();
        Ok(Plan {
            placed,
            unplaced,
            placed_priority,
            requested_priority: g.needs.iter().map(|n| n.priority).sum(),
            idle_gaps: state.idle_gaps(),
        })
    }

    fn meeting(&self, r: usize, t: usize, room: usize) -> Result<Meeting, Error> {
        let bad = || Error::new(Detail::Inconsistent(format!("request {r} has no slot {t}")));
        let (a, b) = self.grid.needs.get(r).map(|n| (n.a, n.b)).ok_or_else(bad)?;
        let (da, db) = (
            self.delegations.get(a).ok_or_else(bad)?,
            self.delegations.get(b).ok_or_else(bad)?,
        );
        let start = self.grid.zoned.get(t).copied().flatten().ok_or_else(bad)?;
        let venue = self.rooms.get(room).cloned().ok_or_else(bad)?;
        let k = self.grid.needs.get(r).map_or(1, |n| n.len);
        let duration = i64::try_from(k)
            .ok()
            .and_then(|k| k.checked_mul(self.grid.slot_s))
            .and_then(TimeDelta::try_seconds)
            .ok_or_else(bad)?;
        Meeting::builder(format!(
            "{}-{} bilateral meeting",
            da.country().name(),
            db.country().name()
        ))
        .venue(venue)
        .occasion(self.name.as_str())
        .start(start)
        .duration(duration)
        .participant(da.minister().clone())
        .participant(db.minister().clone())
        .build()
    }
}

/// The rooms while meetings are given them in order of start: each meeting
/// takes the first room (by index) free at its start. O(log rooms) each.
struct Rooms {
    /// Rooms free now, by index.
    free: std::collections::BTreeSet<usize>,
    /// Rooms in use: (first slot free again, room), soonest first.
    busy: std::collections::BinaryHeap<std::cmp::Reverse<(usize, usize)>>,
}

impl Rooms {
    fn new(n: usize) -> Rooms {
        Rooms {
            free: (0..n).collect(),
            busy: std::collections::BinaryHeap::new(),
        }
    }

    /// The room for a meeting of `k` slots from slot `t` (`t` not
    /// decreasing from call to call); `None` when all are taken, which the
    /// planner never lets happen.
    fn take(&mut self, t: usize, k: usize) -> Option<usize> {
        while let Some(std::cmp::Reverse((free_at, room))) = self.busy.peek().copied() {
            if free_at > t {
                break;
            }
            self.busy.pop();
            self.free.insert(room);
        }
        let room = self.free.pop_first()?;
        self.busy.push(std::cmp::Reverse((t + k, room)));
        Some(room)
    }
}
