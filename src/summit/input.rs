//! The planner's input: the event, its rooms, the delegations and the requested
//! meetings, checked once by [`SummitBuilder::build`].

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike};

use crate::error::{Collector, Detail, Error};
use crate::limits::{Limits, TextClass};
use crate::{Country, Minister, Venue};

use super::grid::Grid;

/// The most grid positions one day may hold (slot plus changeover, from the
/// opening to the closing time).
pub const MAX_SLOTS_PER_DAY: usize = 128;

/// One delegation at the event: its principal (whose country identifies the
/// delegation), when it arrives and leaves, and its own fixed commitments.
///
/// All times are civil times at the venue. A delegation is available from its
/// arrival (default: the start of the event) to its departure (default: the
/// end), except during its busy blocks.
///
/// ```
/// use diplomeet::summit::Delegation;
/// use diplomeet::{Country, Minister, PersonName, Portfolio, Post};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let name = PersonName::builder().given("Yoko").surname("Kamikawa").build()?;
/// let minister = Minister::builder(name, Country::from_code("JP")?)
///     .post(Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?)
///     .build()?;
/// let japan = Delegation::new(minister)
///     .arrives("2023-11-14T07:00:00".parse()?)
///     .busy("2023-11-14T12:30:00".parse()?, "2023-11-14T13:30:00".parse()?);
/// assert_eq!(japan.country().alpha2(), "JP");
/// assert_eq!(japan.busy_blocks().len(), 1);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Delegation {
    minister: Minister,
    arrival: Option<NaiveDateTime>,
    departure: Option<NaiveDateTime>,
    busy: Vec<(NaiveDateTime, NaiveDateTime)>,
}

impl Delegation {
    /// A delegation led by `minister`, available for the whole event.
    pub fn new(minister: Minister) -> Delegation {
        Delegation {
            minister,
            arrival: None,
            departure: None,
            busy: Vec::new(),
        }
    }

    /// Sets the arrival, as a civil time at the venue.
    #[must_use]
    pub fn arrives(mut self, at: NaiveDateTime) -> Self {
        self.arrival = Some(at);
        self
    }

    /// Sets the departure, as a civil time at the venue.
    #[must_use]
    pub fn departs(mut self, at: NaiveDateTime) -> Self {
        self.departure = Some(at);
        self
    }

    /// Adds a busy block `[from, to)`, as civil times at the venue.
    #[must_use]
    pub fn busy(mut self, from: NaiveDateTime, to: NaiveDateTime) -> Self {
        self.busy.push((from, to));
        self
    }

    /// The principal.
    pub fn minister(&self) -> &Minister {
        &self.minister
    }

    /// The delegation's country (the principal's).
    pub fn country(&self) -> &Country {
        self.minister.country()
    }

    /// The arrival, if set.
    pub fn arrival(&self) -> Option<NaiveDateTime> {
        self.arrival
    }

    /// The departure, if set.
    pub fn departure(&self) -> Option<NaiveDateTime> {
        self.departure
    }

    /// The busy blocks `[from, to)`, in the order given.
    pub fn busy_blocks(&self) -> &[(NaiveDateTime, NaiveDateTime)] {
        &self.busy
    }
}

/// A requested bilateral meeting: two delegations (by their countries' alpha-2
/// codes, any case), a priority (at least 1; higher is more important), a
/// length in slots (default 1) and optionally a window `[from, to)` of civil
/// times at the venue that the meeting must lie in.
///
/// ```
/// use diplomeet::summit::Request;
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let r = Request::new("JP", "cl", 5)
///     .slots(2)
///     .window("2023-11-14T14:00:00".parse()?, "2023-11-14T18:00:00".parse()?);
/// assert_eq!((r.first(), r.second(), r.priority(), r.length()), ("JP", "cl", 5, 2));
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Request {
    first: String,
    second: String,
    priority: u32,
    slots: u32,
    window: Option<(NaiveDateTime, NaiveDateTime)>,
}

impl Request {
    /// A one-slot request between the delegations of `first` and `second`.
    pub fn new(first: impl Into<String>, second: impl Into<String>, priority: u32) -> Request {
        Request {
            first: first.into(),
            second: second.into(),
            priority,
            slots: 1,
            window: None,
        }
    }

    /// Sets the length in slots.
    #[must_use]
    pub fn slots(mut self, slots: u32) -> Self {
        self.slots = slots;
        self
    }

    /// Restricts the meeting to `[from, to)`, civil times at the venue.
    #[must_use]
    pub fn window(mut self, from: NaiveDateTime, to: NaiveDateTime) -> Self {
        self.window = Some((from, to));
        self
    }

    /// The first delegation's code, as given.
    pub fn first(&self) -> &str {
        &self.first
    }

    /// The second delegation's code, as given.
    pub fn second(&self) -> &str {
        &self.second
    }

    /// The priority.
    pub fn priority(&self) -> u32 {
        self.priority
    }

    /// The length in slots.
    pub fn length(&self) -> u32 {
        self.slots
    }

    /// The window, if any.
    pub fn time_window(&self) -> Option<(NaiveDateTime, NaiveDateTime)> {
        self.window
    }
}

/// A time when no bilateral meeting can be held: once, or every day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Block {
    Once(NaiveDateTime, NaiveDateTime),
    Daily(NaiveTime, NaiveTime),
}

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
    pub(crate) opens: NaiveTime,
    pub(crate) closes: NaiveTime,
    pub(crate) slot: TimeDelta,
    pub(crate) changeover: TimeDelta,
    pub(crate) rooms: Vec<Venue>,
    pub(crate) room_names: Vec<String>,
    pub(crate) delegations: Vec<Delegation>,
    pub(crate) requests: Vec<Request>,
    /// For each request, its two delegations' indices.
    pub(crate) pairs: Vec<(usize, usize)>,
    pub(crate) grid: Grid,
    /// The upper bounds on priority and on count, computed on first use.
    pub(crate) bound: std::sync::OnceLock<(u64, u64)>,
}

impl Summit {
    /// Starts a builder for the event `name` (the meetings' occasion) at `venue`.
    pub fn builder(name: impl Into<String>, venue: Venue) -> SummitBuilder {
        SummitBuilder {
            name: name.into(),
            venue,
            days: Vec::new(),
            hours: None,
            slot: None,
            changeover: TimeDelta::zero(),
            blocks: Vec::new(),
            rooms: Vec::new(),
            delegations: Vec::new(),
            requests: Vec::new(),
            limits: Limits::default(),
        }
    }

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
        (self.opens, self.closes)
    }

    /// The slot length.
    pub fn slot(&self) -> TimeDelta {
        self.slot
    }

    /// The changeover between two meetings in one room.
    pub fn changeover(&self) -> TimeDelta {
        self.changeover
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
        self.pairs.get(index).copied()
    }

    /// The civil start times at the venue of every slot of the grid, day by
    /// day, and whether a meeting can start there (not blocked, not in a gap
    /// or fold of the zone).
    pub fn slot_starts(&self) -> Vec<(NaiveDateTime, bool)> {
        self.grid.slot_starts()
    }

    /// Number of slots in each day's grid.
    pub fn slots_per_day(&self) -> usize {
        self.grid.per_day
    }
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
    /// The limits to check against (default: [`Limits::default`]); the
    /// number of requests is held to [`Limits::max_plan_requests`].
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
    /// # Errors
    ///
    /// Every violation at once, each with its path: a blank name; no days or
    /// a day twice (`days[i]`); no hours or an empty day (`hours`); a slot
    /// that is not positive, or more than [`MAX_SLOTS_PER_DAY`] slots a day
    /// (`slot`); a negative changeover; an empty block (`blocks[i]`); no rooms
    /// or a room twice (`rooms[i]`); a delegation of a country given twice
    /// (`delegations[i]`), leaving before it arrives, an empty busy block
    /// (`delegations[i].busy[j]`); a request naming an unknown delegation
    /// (`requests[i].first`, `.second`), a delegation with itself, the same
    /// pair twice (`requests[i]`), a priority of 0, a length of 0 or longer
    /// than a day (`requests[i].slots`), an empty window (`requests[i].window`).
    pub fn build(self) -> Result<Summit, Error> {
        let mut out = Collector::new();
        let limits = self.limits;
        if self.requests.len() > limits.max_plan_requests() {
            // Report the count alone: checking every pair of a hostile number
            // of requests is the cost the limit prevents.
            limits.check_count(
                &mut out,
                "requests",
                "requests",
                self.requests.len(),
                limits.max_plan_requests(),
                "max_plan_requests",
            );
            return Err(out
                .finish()
                .err()
                .unwrap_or_else(|| Error::new(Detail::Inconsistent("too many requests".into()))));
        }
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
        for (i, d) in self.days.iter().enumerate() {
            if self.days.get(..i).is_some_and(|before| before.contains(d)) {
                out.push_at(
                    || format!("days[{i}]"),
                    Detail::Duplicate {
                        what: "day",
                        value: d.to_string(),
                    },
                );
            }
        }
        let hours = match self.hours {
            Some((o, c)) if o < c => Some((o, c)),
            Some((o, c)) => {
                out.push(
                    "hours",
                    Detail::Inconsistent(format!(
                        "the daily hours {o}-{c} are empty: they close before they open"
                    )),
                );
                None
            }
            None => {
                out.push(
                    "hours",
                    Detail::Inconsistent("a summit needs its daily hours".into()),
                );
                None
            }
        };
        let slot = match self.slot {
            Some(s) if s > TimeDelta::zero() && s.subsec_nanos() == 0 => Some(s),
            Some(s) => {
                out.push(
                    "slot",
                    Detail::DurationOutOfRange {
                        value: crate::time::format_duration(s),
                        reason: "a slot must be a positive whole number of seconds".into(),
                    },
                );
                None
            }
            None => {
                out.push(
                    "slot",
                    Detail::Inconsistent("a summit needs a slot length".into()),
                );
                None
            }
        };
        if self.changeover < TimeDelta::zero() || self.changeover.subsec_nanos() != 0 {
            out.push(
                "changeover",
                Detail::DurationOutOfRange {
                    value: crate::time::format_duration(self.changeover),
                    reason: "a changeover must be zero or a positive whole number of seconds"
                        .into(),
                },
            );
        }
        let mut per_day = 0;
        if let (Some((o, c)), Some(s)) = (hours, slot) {
            let open = i64::from(o.num_seconds_from_midnight());
            let close = i64::from(c.num_seconds_from_midnight());
            let pitch = s
                .num_seconds()
                .saturating_add(self.changeover.num_seconds().max(0));
            let span = close - open;
            if span >= s.num_seconds() && pitch > 0 {
                per_day = usize::try_from((span - s.num_seconds()) / pitch + 1).unwrap_or(0);
            }
            if per_day == 0 {
                out.push(
                    "slot",
                    Detail::Inconsistent(format!(
                        "a slot of {} does not fit in the daily hours {o}-{c}",
                        crate::time::format_duration(s)
                    )),
                );
            } else if per_day > MAX_SLOTS_PER_DAY {
                out.push(
                    "slot",
                    Detail::TooMany {
                        what: "slots a day",
                        count: per_day,
                        limit: MAX_SLOTS_PER_DAY,
                        limit_name: "summit::MAX_SLOTS_PER_DAY",
                    },
                );
            }
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
        for (i, r) in self.rooms.iter().enumerate() {
            if self.rooms.get(..i).is_some_and(|before| before.contains(r)) {
                out.push_at(
                    || format!("rooms[{i}]"),
                    Detail::Duplicate {
                        what: "room",
                        value: crate::error::echo(r),
                    },
                );
            }
            limits.check_text_at(
                &mut out,
                || format!("rooms[{i}]"),
                "room",
                TextClass::Name,
                r,
            );
            let place = format!("{}, {}", self.venue.place(), r.trim());
            match Venue::new(place, self.venue.country().clone(), self.venue.zone()) {
                Ok(v) => rooms.push(v),
                Err(e) => out.absorb(&format!("rooms[{i}]"), e),
            }
        }
        let codes: Vec<String> = self
            .delegations
            .iter()
            .map(|d| d.country().alpha2().to_ascii_uppercase())
            .collect();
        for (i, d) in self.delegations.iter().enumerate() {
            let code = codes.get(i).map_or("", String::as_str);
            if codes.get(..i).is_some_and(|b| b.iter().any(|c| c == code)) {
                out.push_at(
                    || format!("delegations[{i}]"),
                    Detail::Duplicate {
                        what: "delegation of",
                        value: code.to_owned(),
                    },
                );
            }
            if let (Some(a), Some(l)) = (d.arrival, d.departure) {
                if l <= a {
                    out.push_at(
                        || format!("delegations[{i}].departure"),
                        Detail::Inconsistent(format!(
                            "delegation {code} departs at {l}, not after it arrives at {a}"
                        )),
                    );
                }
            }
            for (j, (f, t)) in d.busy.iter().enumerate() {
                if f >= t {
                    out.push_at(
                        || format!("delegations[{i}].busy[{j}]"),
                        Detail::Inconsistent(format!(
                            "the busy block {f} to {t} is empty: it ends before it starts"
                        )),
                    );
                }
            }
        }
        let find = |code: &str| {
            codes
                .iter()
                .position(|c| c.eq_ignore_ascii_case(code.trim()))
        };
        let mut pairs = Vec::with_capacity(self.requests.len());
        let mut seen: std::collections::HashSet<(usize, usize)> = std::collections::HashSet::new();
        for (i, r) in self.requests.iter().enumerate() {
            let a = find(&r.first);
            let b = find(&r.second);
            for (field, code, found) in [("first", &r.first, a), ("second", &r.second, b)] {
                if found.is_none() {
                    out.push_at(
                        || format!("requests[{i}].{field}"),
                        Detail::UnknownReference {
                            what: "delegation",
                            id: crate::error::echo(code),
                        },
                    );
                }
            }
            if r.priority == 0 {
                out.push_at(
                    || format!("requests[{i}].priority"),
                    Detail::InvalidValue {
                        what: "priority",
                        value: "0".into(),
                        reason: "a priority is at least 1".into(),
                    },
                );
            }
            let len = usize::try_from(r.slots).unwrap_or(usize::MAX);
            if len == 0 || (per_day > 0 && len > per_day) {
                out.push_at(
                    || format!("requests[{i}].slots"),
                    Detail::InvalidValue {
                        what: "length in slots",
                        value: r.slots.to_string(),
                        reason: format!("a request lasts 1 to {} slots (one day)", per_day.max(1)),
                    },
                );
            }
            if let Some((f, t)) = r.window {
                if f >= t {
                    out.push_at(
                        || format!("requests[{i}].window"),
                        Detail::Inconsistent(format!(
                            "the window {f} to {t} is empty: it ends before it starts"
                        )),
                    );
                }
            }
            if let (Some(a), Some(b)) = (a, b) {
                if a == b {
                    out.push_at(
                        || format!("requests[{i}]"),
                        Detail::Inconsistent(format!(
                            "a request of delegation {} with itself",
                            codes.get(a).map_or("", String::as_str)
                        )),
                    );
                } else {
                    let key = (a.min(b), a.max(b));
                    if !seen.insert(key) {
                        out.push_at(
                            || format!("requests[{i}]"),
                            Detail::Duplicate {
                                what: "request",
                                value: format!(
                                    "{}-{}",
                                    codes.get(a).map_or("", String::as_str),
                                    codes.get(b).map_or("", String::as_str)
                                ),
                            },
                        );
                    }
                }
                pairs.push((a, b));
            }
        }
        out.check()?;
        let (Some((opens, closes)), Some(slot)) = (hours, slot) else {
            return Err(Error::new(Detail::Inconsistent("summit not built".into())));
        };
        let grid = Grid::new(
            &self.days,
            opens,
            slot,
            self.changeover,
            per_day,
            self.venue.zone(),
            &self.blocks,
            &self.delegations,
            &self.requests,
            &pairs,
        )?;
        Ok(Summit {
            name: self.name,
            venue: self.venue,
            days: self.days,
            opens,
            closes,
            slot,
            changeover: self.changeover,
            rooms,
            room_names: self.rooms,
            delegations: self.delegations,
            requests: self.requests,
            pairs,
            grid,
            bound: std::sync::OnceLock::new(),
        })
    }
}
