//! [`Summit`]: a checked planning problem, and what it holds.

use std::sync::OnceLock;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

use crate::Venue;

use super::grid::{Grid, Timetable};
use super::input::{Delegation, Request};

/// A validated planning problem: build it with [`Summit::builder`], plan it
/// with [`Summit::plan`].
///
/// See the [module documentation](crate::summit) for the model.
///
/// ```
/// use chrono::{NaiveDate, NaiveTime, TimeDelta};
/// use diplomeet::summit::{Delegation, Request, Summit};
/// use diplomeet::{Country, Minister, PersonName, Portfolio, Post, Venue};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let minister = |given: &str, surname: &str, code: &str| -> Result<Minister, diplomeet::Error> {
///     let name = PersonName::builder().given(given).surname(surname).build()?;
///     Minister::builder(name, Country::from_code(code)?)
///         .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?)
///         .build()
/// };
/// let sf = Venue::new("San Francisco", Country::from_code("US")?, chrono_tz::America::Los_Angeles)?;
/// let summit = Summit::builder("APEC Ministerial Meeting", sf)
///     .day(NaiveDate::from_ymd_opt(2023, 11, 14).ok_or("date")?)
///     .hours(NaiveTime::from_hms_opt(8, 0, 0).ok_or("time")?, NaiveTime::from_hms_opt(12, 0, 0).ok_or("time")?)
///     .slot(TimeDelta::try_minutes(30).ok_or("minutes")?)
///     .changeover(TimeDelta::try_minutes(10).ok_or("minutes")?)
///     .room("Room 1")
///     .delegation(Delegation::new(minister("Yoko", "Kamikawa", "JP")?))
///     .delegation(Delegation::new(minister("Alberto", "van Klaveren", "CL")?))
///     .request(Request::new("JP", "CL", 5))
///     .build()?;
/// let plan = summit.plan()?;
/// assert_eq!(plan.placed().len(), 1);
/// let meeting = plan.placed()[0].meeting();
/// assert_eq!(meeting.venue().map(|v| v.place()), Some("San Francisco, Room 1"));
/// assert_eq!(meeting.start()?.to_rfc3339(), "2023-11-14T08:00:00-08:00");
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct Summit {
    pub(crate) name: String,
    pub(crate) venue: Venue,
    pub(crate) days: Vec<NaiveDate>,
    pub(crate) timetable: Timetable,
    pub(crate) rooms: Vec<Venue>,
    pub(crate) room_names: Vec<String>,
    pub(crate) delegations: Vec<Delegation>,
    pub(crate) requests: Vec<Request>,
    pub(crate) grid: Grid,
    /// The planner's starts, computed on first use (the planner is
    /// deterministic): [`Summit::plan`] and the bounds share them.
    pub(crate) starts: OnceLock<Vec<Option<u32>>>,
    /// The upper bounds on priority and on count, computed on first use.
    pub(crate) bound: OnceLock<(u64, u64)>,
}

impl Summit {
    /// The event's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The venue (its place, country and zone).
    pub fn venue(&self) -> &Venue {
        &self.venue
    }

    /// The event's days, in the order given.
    pub fn days(&self) -> &[NaiveDate] {
        &self.days
    }

    /// The daily opening and closing times at the venue.
    pub fn hours(&self) -> (NaiveTime, NaiveTime) {
        self.timetable.hours()
    }

    /// The slot length.
    pub fn slot(&self) -> TimeDelta {
        self.timetable.slot()
    }

    /// The changeover between two meetings in one room.
    pub fn changeover(&self) -> TimeDelta {
        self.timetable.changeover()
    }

    /// The rooms' names, in the order given.
    pub fn rooms(&self) -> &[String] {
        &self.room_names
    }

    /// The delegations, in the order given.
    pub fn delegations(&self) -> &[Delegation] {
        &self.delegations
    }

    /// The requests, in the order given.
    pub fn requests(&self) -> &[Request] {
        &self.requests
    }

    /// The two delegations (indices into [`delegations`](Summit::delegations))
    /// of request `index`.
    pub fn request_delegations(&self, index: usize) -> Option<(usize, usize)> {
        self.grid.needs.get(index).map(|n| (n.a, n.b))
    }

    /// The civil start times at the venue of every slot of the grid, day by
    /// day, and whether a meeting can start there (not blocked, not in a gap
    /// or fold of the zone). Cost: O(slots), a new list.
    pub fn slot_starts(&self) -> Vec<(NaiveDateTime, bool)> {
        self.grid.slot_starts()
    }

    /// Number of slots in each day's grid.
    pub fn slots_per_day(&self) -> usize {
        self.grid.per_day
    }
}
