//! The planner's inputs besides the event itself: the delegations and the
//! requested meetings.

use chrono::NaiveDateTime;

use crate::{Country, Minister};

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
    #[must_use]
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
    #[must_use]
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
