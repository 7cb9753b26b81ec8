//! `Serialize` and `Deserialize` for the public value types (feature
//! `serde`): one spelling everywhere, that of the JSON document format
//! described in the [`json`](crate::json) module (feature `json`).
//!
//! Deserializing runs exactly the checks that the builders run: serde is no
//! back door.
//!
//! * `write.rs` and `read.rs`: the document (`Meeting`) and the values it
//!   spells, written straight from the public types and read through
//!   private mirrors and the builders;
//! * `values.rs`: the model's values alone, through the same mirrors, and
//!   countries, limits, stated times and zones, venue relations;
//! * `schedule.rs`: the scheduling inputs (weekend, working hours,
//!   itinerary, travel table, attendee, summit delegation and request,
//!   iCalendar window), through their builders.
//!
//! Without serde, by design: computed results, which refer to their inputs
//! by index or borrow them and which a program computes again rather than
//! reads (`Conflict`, `CappedConflicts`, `Busy`, `OffsetChange`,
//! `LocalClock`, `LocalTime`, `Slot`, `SlotResult`, `ParticipantSlot`,
//! `ParticipantHours`, `NoFitReason`, `ConflictKind`, `Plan`, `Placement`,
//! `Unplaced`, `UnplacedReason`, `Occurrence`, `Readout`, `CameoEvent`,
//! `PloverRecord`, `gazetteer::Matches`); a `Stay` alone (its arrival and
//! departure depend on the stays around it: it travels in an `Itinerary`);
//! prepared problems and indexes (`Calendar`, `SlotSearch`, `Summit`),
//! whose data form is their inputs; what the iCalendar reader parsed
//! (`IcsCalendar`, `Event`, `Warning`), whose data form is iCalendar; a
//! gazetteer `Place`, a row of a static table named by its name; the error
//! types; and the builders.

pub(crate) mod capped;
pub(crate) mod read;
mod schedule;
mod values;
mod write;

use serde::de::{Deserialize, Deserializer, Error as _};

use crate::limits::Limits;
use crate::meeting::Meeting;
use crate::time::OffsetPolicy;

/// The document format this release writes (and reads).
pub(crate) const FORMAT: &str = "diplomeet/2";

/// The earlier format, still read (upgraded on read).
pub(crate) const FORMAT_V1: &str = "diplomeet/1";

impl<'de> Deserialize<'de> for Meeting {
    /// Reads the document format with the default limits and offset policy;
    /// errors become the deserializer's custom errors, all violations in one
    /// message. `Meeting::from_json` (feature `json`) keeps them structured.
    ///
    /// Agenda items are converted as they are read, as the version the
    /// `format` field names: a `diplomeet/1` document whose `format` comes
    /// after its agenda is refused here (read it with `Meeting::from_json`).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let limits = Limits::default();
        let (raw, facts) = capped::with_context(&limits, None, || read::RawMeeting::deserialize(d));
        let raw = raw?;
        if let (Ok(version), Some(used)) = (raw.version(), facts.converted_version) {
            if version != used {
                return Err(D::Error::custom(
                    "the `format` field comes after the agenda of this diplomeet/1 document: \
                     put it first, or read the document with Meeting::from_json",
                ));
            }
        }
        raw.into_meeting(&limits, OffsetPolicy::Reject, facts)
            .map_err(D::Error::custom)
    }
}
