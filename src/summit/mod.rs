//! Planning bilateral meetings on the sidelines of a multilateral event.
//!
//! At an APEC ministerial or the UN General Assembly's high-level week,
//! protocol offices fit requested pairs of delegations into slots and rooms
//! around the plenary, each delegation with its own arrival, departure and
//! fixed commitments. This module takes such a problem ([`Summit`], built and
//! checked by [`SummitBuilder`]), plans it ([`Summit::plan`]), says how
//! good any plan can be ([`Summit::upper_bound`]) and why each request left
//! out was left out ([`UnplacedReason`]).
//!
//! # The model
//!
//! * Every day of the event has the same **grid**: slots of the given length,
//!   one after another with the changeover between them, the first starting
//!   at the daily opening time, the last ending by the closing time (08:00 to
//!   19:00 with 30-minute slots and 10-minute changeovers: 08:00, 08:40, ...,
//!   18:00, sixteen slots). All times are civil times at the venue.
//! * A slot is **unusable** when it overlaps a block of the event (the
//!   plenary), or when the zone skips or repeats its start or end (a change
//!   of offset: the civil times are resolved with
//!   [`Disambiguation::Reject`](crate::Disambiguation::Reject), and a slot
//!   that does not resolve to exactly one instant is left out rather than
//!   guessed). A delegation can use a usable slot when it has arrived, not
//!   left, and none of its busy blocks overlaps it.
//! * A request of `n` slots holds its two delegations and one room for `n`
//!   consecutive slots of one day and the `n − 1` changeovers between them,
//!   all of which the delegations must be free for; the meeting lasts `n`
//!   times the slot length, starts at the first slot's civil start (resolved
//!   in the venue's zone) and must lie within the request's window, if any.
//! * A plan puts no delegation in two meetings at once and no more meetings
//!   in a slot than there are rooms; each placed meeting gets a room, the
//!   first free one in order of start, so no room holds two meetings at once
//!   and each has its changeover after every meeting.
//! * The planner maximises the total **value** placed, a request's value
//!   being `2 × priority + 3`: its priority plus one and a half per meeting.
//!   Every requested meeting matters to the two delegations that asked for
//!   it and priority orders them; the bonus makes the planner prefer two
//!   short meetings to one long one of the same total priority. Ties go to
//!   fewer idle gaps, then to earlier starts. A plan is measured against
//!   two bounds: [`Summit::upper_bound`] on priority and
//!   [`Summit::meeting_bound`] on the number of meetings.
//!
//! # Limits and cost
//!
//! The builder holds the number of requests to
//! [`Limits::max_plan_requests`](crate::Limits::max_plan_requests), the days
//! to [`Limits::max_summit_days`](crate::Limits::max_summit_days), the slots
//! of the whole grid to
//! [`Limits::max_summit_slots`](crate::Limits::max_summit_slots) and a day to
//! [`MAX_SLOTS_PER_DAY`]. Building costs time and memory linear in the
//! input and in the grid; planning costs O(candidate starts) plus a bounded
//! amount of repair work (see [`Summit::plan`]); the bounds are computed
//! only when asked for, once.
//!
//! # Example
//!
//! ```
//! use chrono::{NaiveDate, NaiveTime, TimeDelta};
//! use diplomeet::summit::{Delegation, Request, Summit, UnplacedReason};
//! use diplomeet::{Country, Minister, PersonName, Portfolio, Post, Venue};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let minister = |surname: &str, code: &str| -> Result<Minister, diplomeet::Error> {
//!     let name = PersonName::builder().given("Minister").surname(surname).build()?;
//!     Minister::builder(name, Country::from_code(code)?)
//!         .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?)
//!         .build()
//! };
//! let at = |h: u32| NaiveTime::from_hms_opt(h, 0, 0).ok_or("time");
//! let day = NaiveDate::from_ymd_opt(2023, 11, 14).ok_or("date")?;
//! let sf = Venue::new("San Francisco", Country::from_code("US")?, chrono_tz::America::Los_Angeles)?;
//! let summit = Summit::builder("APEC Ministerial Meeting", sf)
//!     .day(day)
//!     .hours(at(9)?, at(11)?)
//!     .slot(TimeDelta::try_minutes(30).ok_or("minutes")?)
//!     .daily_block(at(10)?, at(11)?) // the plenary
//!     .room("Room 1")
//!     .delegation(Delegation::new(minister("Japan", "JP")?))
//!     .delegation(Delegation::new(minister("Chile", "CL")?))
//!     .delegation(Delegation::new(minister("Peru", "PE")?).arrives(day.and_time(at(10)?)))
//!     .request(Request::new("JP", "CL", 3))
//!     .request(Request::new("JP", "PE", 2))
//!     .build()?;
//! let plan = summit.plan()?;
//! assert_eq!(plan.to_string(), "placed 1 of 2 requested meetings");
//! assert_eq!((plan.placed_priority(), summit.upper_bound()), (3, 3));
//! assert_eq!(plan.unplaced()[0].reason(), UnplacedReason::NoCommonFreeTime);
//! # Ok(())
//! # }
//! ```

mod bound;
mod builder;
mod grid;
mod input;
mod output;
mod plan;
mod problem;

pub use builder::SummitBuilder;
pub use grid::MAX_SLOTS_PER_DAY;
pub use input::{Delegation, Request};
pub use output::{Placement, Plan, Unplaced, UnplacedReason};
pub use problem::Summit;
