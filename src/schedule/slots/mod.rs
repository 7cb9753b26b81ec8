//! Free-slot search: when can these ministers meet, inside everyone's
//! working hours if possible, and if not, why not and what is the least bad
//! time.
//!
//! The question is an [`Attendee`] list, a window, a duration and a step,
//! built and checked by [`SlotSearchBuilder`] into a [`SlotSearch`]; the
//! answer is a [`SlotResult`] of ranked [`Slot`]s and, when nothing suits
//! everyone, a [`NoFitReason`]. Each participant's view of a slot
//! ([`ParticipantSlot`]) and their working hours ([`ParticipantHours`])
//! are computed when asked for.

mod attendee;
mod builder;
mod participant_hours;
mod reason;
mod result;
mod search;

pub use attendee::Attendee;
pub use builder::SlotSearchBuilder;
pub use participant_hours::ParticipantHours;
pub use reason::NoFitReason;
pub use result::{ParticipantSlot, Slot, SlotResult};
pub use search::SlotSearch;
