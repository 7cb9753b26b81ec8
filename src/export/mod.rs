//! Where a meeting goes: iCalendar (RFC 5545) with VTIMEZONE, schema.org
//! JSON-LD, PLOVER and CAMEO event coding, and readout text.
//!
//! Every exporter takes the meeting (or meetings) and what it needs as
//! parameters (a `now` for `DTSTAMP`, a reference zone for a readout): nothing
//! here reads the system clock or the machine's zone.

mod cameo;
mod ics;
#[cfg(feature = "json")]
mod jsonld;
mod plover;
mod readout;

pub use cameo::{CameoCode, CameoEvent, cameo_events};
pub(crate) use ics::ics_uid;
pub use ics::to_ics;
#[cfg(feature = "json")]
pub use jsonld::to_json_ld;
pub use plover::{PloverEventType, PloverMode, PloverRecord, plover_records};
pub use readout::{Readout, readout};
