//! The planner's output: placed meetings, unplaced requests with their
//! reasons, and the figures.

use std::fmt;

use chrono::TimeDelta;

use crate::Meeting;
use crate::error::{Detail, Error};

use super::bound::upper_bound;
use super::input::Summit;
use super::plan::{self, State};

/// Why a request was left out of the plan.
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
/// `Display` gives the summary line
/// `placed P of R requested meetings; upper bound U`, where `U` is
/// [`meeting_bound`](Plan::meeting_bound), the bound on the number of
/// meetings; [`upper_bound`](Plan::upper_bound) bounds the priority, the
/// planner's objective.
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
/// assert_eq!((plan.placed_priority(), plan.requested_priority(), plan.upper_bound()), (7, 8, 7));
/// assert_eq!(plan.to_string(), "placed 2 of 3 requested meetings; upper bound 2");
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    placed: Vec<Placement>,
    unplaced: Vec<Unplaced>,
    placed_priority: u64,
    requested_priority: u64,
    upper_bound: u64,
    meeting_bound: u64,
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

    /// An upper bound on the total priority any plan can place (see
    /// [`Summit::upper_bound`]).
    pub fn upper_bound(&self) -> u64 {
        self.upper_bound
    }

    /// An upper bound on the number of meetings any plan can place (see
    /// [`Summit::meeting_bound`]).
    pub fn meeting_bound(&self) -> u64 {
        self.meeting_bound
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
            "placed {} of {} requested meetings; upper bound {}",
            self.placed.len(),
            self.requested(),
            self.meeting_bound
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
    /// of a single unit of priority). On [`unga`](crate::summit::unga) it
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
    /// # Errors
    ///
    /// When a meeting cannot be built (a principal whose term of office
    /// does not cover the day, say): the error of [`Meeting`]'s builder, its
    /// paths under `requests[i]`.
    pub fn plan(&self) -> Result<Plan, Error> {
        let starts = plan::plan(&self.grid, &self.pairs, self.rooms.len());
        self.bounds_for(&starts);
        self.output(&starts)
    }

    /// The baseline the planner is measured against: each request in input
    /// order at its earliest free start, in the first free room.
    ///
    /// # Errors
    ///
    /// As [`plan`](Summit::plan).
    pub fn plan_first_fit(&self) -> Result<Plan, Error> {
        let starts = plan::first_fit(&self.grid, &self.pairs, self.rooms.len());
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
    /// all, so it is never above that. Computed once, on first use.
    pub fn upper_bound(&self) -> u64 {
        self.bounds().0
    }

    /// An upper bound on the number of meetings that any plan can place:
    /// [`upper_bound`](Summit::upper_bound) with every priority taken as 1
    /// (valid for the same reason), never above the number of requests that
    /// can be placed at all.
    pub fn meeting_bound(&self) -> u64 {
        self.bounds().1
    }

    fn bounds(&self) -> (u64, u64) {
        *self.bound.get_or_init(|| {
            let starts = plan::plan(&self.grid, &self.pairs, self.rooms.len());
            self.compute_bounds(&starts)
        })
    }

    fn bounds_for(&self, starts: &[Option<u32>]) -> (u64, u64) {
        *self.bound.get_or_init(|| self.compute_bounds(starts))
    }

    /// Both bounds, the planner's plan (`starts`) steering the steps.
    fn compute_bounds(&self, starts: &[Option<u32>]) -> (u64, u64) {
        let g = &self.grid;
        let rooms = self.rooms.len();
        let value: u64 = starts
            .iter()
            .zip(&g.prio)
            .filter(|(s, _)| s.is_some())
            .map(|(_, p)| *p)
            .sum();
        let count = starts.iter().filter(|s| s.is_some()).count() as u64;
        let ones = vec![1u64; g.prio.len()];
        (
            upper_bound(g, &self.pairs, &g.prio, rooms, value).max(value),
            upper_bound(g, &self.pairs, &ones, rooms, count).max(count),
        )
    }

    fn output(&self, starts: &[Option<u32>]) -> Result<Plan, Error> {
        let g = &self.grid;
        let state = State::with_starts(g, &self.pairs, self.rooms.len(), starts);
        let mut order: Vec<(usize, usize)> = starts
            .iter()
            .enumerate()
            .filter_map(|(r, t)| t.map(|t| (t as usize, r)))
            .collect();
        order.sort_unstable();
        let mut free_at = vec![0usize; self.rooms.len()];
        let mut placed = Vec::with_capacity(order.len());
        let mut errors = crate::error::Collector::new();
        for (t, r) in order {
            let k = g.len.get(r).copied().unwrap_or(1);
            let Some(room) = free_at.iter().position(|&f| f <= t) else {
                return Err(Error::new(Detail::Inconsistent(format!(
                    "no free room for request {r} at slot {t}"
                ))));
            };
            if let Some(f) = free_at.get_mut(room) {
                *f = t + k;
            }
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
            let cands = g.cands.get(r).map_or(&[][..], Vec::as_slice);
            let reason = if cands.is_empty() {
                UnplacedReason::NoCommonFreeTime
            } else {
                let (mut na, mut nb, mut both_free) = (0usize, 0usize, false);
                for &c in cands {
                    let (ha, hb) = state.held(r, c as usize);
                    na += usize::from(ha);
                    nb += usize::from(hb);
                    both_free |= !ha && !hb;
                }
                let (a, b) = self.pairs.get(r).copied().unwrap_or((0, 0));
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
        let placed_priority = placed
            .iter()
            .map(|p| g.prio.get(p.request).copied().unwrap_or(0))
            .sum();
        Ok(Plan {
            placed,
            unplaced,
            placed_priority,
            requested_priority: g.prio.iter().sum(),
            upper_bound: self.upper_bound(),
            meeting_bound: self.meeting_bound(),
            idle_gaps: state.idle_gaps(),
        })
    }

    fn meeting(&self, r: usize, t: usize, room: usize) -> Result<Meeting, Error> {
        let bad = || Error::new(Detail::Inconsistent(format!("request {r} has no slot {t}")));
        let (a, b) = self.pairs.get(r).copied().ok_or_else(bad)?;
        let (da, db) = (
            self.delegations.get(a).ok_or_else(bad)?,
            self.delegations.get(b).ok_or_else(bad)?,
        );
        let start = self.grid.zoned.get(t).copied().flatten().ok_or_else(bad)?;
        let venue = self.rooms.get(room).cloned().ok_or_else(bad)?;
        let k = self.grid.len.get(r).copied().unwrap_or(1);
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
        .occasion(self.name.clone())
        .start(start)
        .duration(duration)
        .participant(da.minister().clone())
        .participant(db.minister().clone())
        .build()
    }
}
