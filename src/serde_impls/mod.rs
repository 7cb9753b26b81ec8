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
    /// Its sub-items count towards `max_agenda_items` as in a meeting.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let limits = Limits::default();
        let (raw, facts) = capped::with_context(&limits, Some(2), || read::RawItem::deserialize(d));
        let raw = raw?;
        if facts.items_seen > limits.max_agenda_items() {
            return Err(D::Error::custom(
                crate::Error::new(crate::error::Detail::TooMany {
                    what: "sub-items",
                    count: facts.items_seen,
                    limit: limits.max_agenda_items(),
                    limit_name: "max_agenda_items",
                })
                .within("items"),
            ));
        }
        raw.into_item(&limits, 2).map_err(D::Error::custom)
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

impl<'de> Deserialize<'de> for crate::TextList {
    /// Reads a list of strings (any length: a list has no limit of its own;
    /// the types that hold one check theirs).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;

        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = crate::TextList;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a list of strings")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                let mut buf = crate::text_list::TextListBuf::default();
                while let Some(w) = seq.next_element::<read::Word<'de>>()? {
                    buf.push(&w);
                }
                Ok(buf.finish())
            }
        }

        d.deserialize_seq(Visit)
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
