//! `Serialize` and `Deserialize` for the public value types (feature
//! `serde`): one spelling everywhere, that of the JSON document format
//! described in the [`json`](crate::json) module (feature `json`).
//!
//! Deserializing runs exactly the checks that the builders run: serde is no
//! back door.

pub(crate) mod capped;
pub(crate) mod read;
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
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = read::RawMeeting::deserialize(d)?;
        raw.into_meeting(&Limits::default(), OffsetPolicy::Reject)
            .map_err(D::Error::custom)
    }
}
