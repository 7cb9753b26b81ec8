//! Scheduling across clocks: stated-time checks, calendars with conflicts and
//! travel, working hours, itineraries, free-slot search and DST warnings.
//!
//! Every helper takes instants and zones as parameters: nothing here reads
//! the system clock or the machine's zone.

mod abbreviations;
mod calendar;
mod conflicts;
mod dst;
mod hours;
mod itinerary;
mod slots;
mod stated;
mod travel;
mod weekend;

pub use calendar::{Busy, Calendar};
pub use conflicts::{CappedConflicts, Conflict, ConflictKind, Conflicts};
pub use dst::OffsetChange;
pub use hours::{HoursRange, WorkingHours, WorkingHoursBuilder};
pub use itinerary::{Itinerary, ItineraryBuilder, LocalClock, Stay};
pub use slots::{
    Attendee, NoFitReason, ParticipantHours, ParticipantSlot, Slot, SlotResult, SlotSearch,
    SlotSearchBuilder,
};
pub use stated::{StatedTime, StatedZone};
pub use travel::{MAX_TRAVEL_DAYS, TravelTable, TravelTableBuilder, TravelTimes};
pub use weekend::Weekend;
