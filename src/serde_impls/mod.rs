//! `Serialize` and `Deserialize` for the public value types (feature
//! `serde`): one spelling everywhere, that of the JSON document format
//! described in the [`json`](crate::json) module (feature `json`).
//!
//! Deserializing runs exactly the checks that the builders run: serde is no
//! back door.

pub(crate) mod capped;
pub(crate) mod read;
mod write;

use serde::de::{Deserialize, Deserializer, Error as _};

use crate::agenda::AgendaItem;
use crate::limits::Limits;
use crate::meeting::Meeting;
use crate::minister::Minister;
use crate::time::OffsetPolicy;
use crate::topic::Topic;

/// The document format this release writes (and reads).
pub(crate) const FORMAT: &str = "diplomeet/2";

/// The earlier format, still read (upgraded on read).
pub(crate) const FORMAT_V1: &str = "diplomeet/1";

impl<'de> Deserialize<'de> for Meeting {
    /// Reads the document format with the default limits and offset policy;
    /// errors become the deserializer's custom errors, all violations in one
    /// message. [`Meeting::from_json`] keeps them structured.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = read::RawMeeting::deserialize(d)?;
        raw.into_meeting(&Limits::default(), OffsetPolicy::Reject)
            .map_err(D::Error::custom)
    }
}

impl<'de> Deserialize<'de> for Minister {
    /// Reads a participant as the document writes it; the country must be
    /// built in.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read::RawParticipant::deserialize(d)?
            .into_minister(&Limits::default(), &[])
            .map_err(D::Error::custom)
    }
}

impl<'de> Deserialize<'de> for AgendaItem {
    /// Reads an agenda item as the document writes it.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read::RawItem::deserialize(d)?
            .into_item(&Limits::default(), 2)
            .map_err(D::Error::custom)
    }
}

impl<'de> Deserialize<'de> for Topic {
    /// Reads a topic as the document writes it.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read::RawTopic::deserialize(d)?
            .into_topic(&Limits::default())
            .map_err(D::Error::custom)
    }
}

impl<'de> Deserialize<'de> for crate::name::PersonName {
    /// Reads a name as the document writes it.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read::RawName::deserialize(d)?
            .into_name(&Limits::default())
            .map_err(D::Error::custom)
    }
}
