//! What a slot search finds: [`SlotResult`], its [`Slot`]s and each
//! participant's view of one ([`ParticipantSlot`]).

use chrono::{DateTime, TimeDelta, Utc};

use super::super::itinerary::LocalClock;
use super::reason::NoFitReason;

/// What a search found: the best free slots, and why none suits everyone
/// when that is so.
///
/// `reason()` is `None` exactly when the first slot is inside everyone's
/// working hours. `slots()` is empty exactly when no candidate is free:
/// the reason is then [`WindowTooShort`](NoFitReason::WindowTooShort),
/// [`AllBusy`](NoFitReason::AllBusy), or, being more fundamental,
/// [`NoCommonWorkingHours`](NoFitReason::NoCommonWorkingHours) or
/// [`CommonHoursOffGrid`](NoFitReason::CommonHoursOffGrid). Each slot is
/// a start, an end and a time outside hours: each participant's clock at a
/// slot comes from [`SlotSearch::participants`](super::SlotSearch::participants).
///
/// ```
/// use chrono::{TimeDelta, TimeZone, Utc};
/// use diplomeet::schedule::{NoFitReason, Slot, SlotResult, SlotSearch};
/// use diplomeet::{Country, Minister, PersonName, Portfolio, Post};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let minister = |given: &str, surname: &str, code: &str| -> Result<Minister, diplomeet::Error> {
///     let name = PersonName::builder().given(given).surname(surname).build()?;
///     let post = Post::new(Portfolio::ForeignAffairs, "Foreign Minister")?;
///     Minister::builder(name, Country::from_code(code)?).post(post).build()
/// };
/// let at = |d, h, m| Utc.with_ymd_and_hms(2023, 11, d, h, m, 0).single().ok_or("instant");
/// let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
/// let search = SlotSearch::builder()
///     .participant(minister("Yoko", "Kamikawa", "JP")?)
///     .participant(minister("Alberto", "van Klaveren", "CL")?)
///     .window(at(20, 0, 0)?, at(21, 0, 0)?)
///     .duration(half_hour)
///     .build()?;
/// let result: SlotResult = search.search();
/// assert_eq!(result.slots().len(), 10); // the default limit
/// assert!(matches!(result.reason(), Some(NoFitReason::NoCommonWorkingHours { .. })));
///
/// // Monday 09:00 in Tokyo is Sunday 21:00 in Santiago.
/// let best: &Slot = result.best().ok_or("no slot")?;
/// assert_eq!((best.start(), best.end()), (at(20, 0, 0)?, at(20, 0, 30)?));
/// assert_eq!(best.outside_hours(), half_hour);
/// assert!(!best.is_within_hours());
///
/// // Each participant's view: their clock, and their time outside hours.
/// let views = search.participants(best);
/// let [tokyo, santiago] = views.as_slice() else { return Err("two".into()) };
/// assert_eq!(tokyo.minister_id(), "jp-yoko-kamikawa");
/// assert_eq!(tokyo.outside_hours(), TimeDelta::zero());
/// assert_eq!(santiago.outside_hours(), best.outside_hours());
/// assert_eq!(santiago.clock().day_shift(), -1);
/// assert_eq!(santiago.clock().to_string(), "2023-11-19 21:00–21:30 -03 (America/Santiago, -1 day)");
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SlotResult {
    pub(super) slots: Vec<Slot>,
    pub(super) reason: Option<NoFitReason>,
}

impl SlotResult {
    /// The best free slots, best first: inside everyone's hours, then least
    /// total time outside hours, then earliest; at most the search's
    /// [`limit`](super::SlotSearchBuilder::limit).
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

/// One free slot: when, and how much of it falls outside the participants'
/// working hours. See [`SlotResult`] for an example.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Slot {
    pub(super) start: DateTime<Utc>,
    pub(super) end: DateTime<Utc>,
    pub(super) outside_hours: TimeDelta,
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
}

/// One participant's view of a [`Slot`], from
/// [`SlotSearch::participants`](super::SlotSearch::participants). See
/// [`SlotResult`] for an example.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ParticipantSlot {
    pub(super) minister_id: String,
    pub(super) clock: LocalClock,
    pub(super) outside_hours: TimeDelta,
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
