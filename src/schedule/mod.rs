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

pub use calendar::*;
pub use conflicts::*;
pub use dst::*;
pub use hours::*;
pub use itinerary::*;
pub use slots::*;
pub use stated::*;
pub use travel::*;
pub use weekend::*;
