//! The versioned JSON document format (feature `serde`).
//!
//! This module only documents the format; the entry points are
//! [`Meeting::from_json`], [`Meeting::from_json_with`],
//! [`Meeting::from_json_reader`], [`Meeting::to_json`]
//! and the `Serialize`/`Deserialize` implementations of the public types.
//!
//! A document is one meeting. Its first field, `"format"`, names the version:
//! this release reads and writes `"diplomeet/1"` and rejects anything else
//! with [`ErrorKind::UnsupportedFormat`](crate::ErrorKind::UnsupportedFormat).
//! Participants are listed once, with ids; statements and outcomes refer to
//! them by id. Unknown fields are errors, never dropped. Reading runs exactly
//! the checks that `build()` runs and reports every violation with its path.
//! Writing then reading gives back an equal [`Meeting`].
//!
//! | field | type | notes |
//! |---|---|---|
//! | `format` | string | `"diplomeet/1"` |
//! | `title` | string | required |
//! | `mode` | string | `in_person` (default), `telephone`, `video`, `hybrid` |
//! | `form` | string | `meeting` (default), `talk`, `short_informal_talk`, `courtesy_call`, `working_meal`, `summit` |
//! | `status` | string | `scheduled` (default), `held`, `postponed`, `cancelled` |
//! | `venue` | object | `{"place", "country", "zone"}`: in person and hybrid only |
//! | `zone` | string | IANA zone the start is stated in: telephone and video only |
//! | `occasion` | string | what the meeting is on the sidelines of |
//! | `start` | string | RFC 9557 (`2023-11-13T16:00:00-08:00[America/Los_Angeles]`) or a date alone (`2023-08-15`) |
//! | `duration` | string | ISO 8601 (`PT30M`) |
//! | `duration_approximate` | bool | default `false` |
//! | `actors` | array | custom actors (codes AA, QM–QZ, XA–XZ, ZZ): `{"code", "name", "formal_name"?, "alpha3"?, "capital_zone", "zones"}` |
//! | `participants` | array | `{"id", "name": {"given"?, "surname"?, "second_surname"?, "order"?, "uppercase_surname"?, "native"?}, "honorific"?, "country", "posts": [{"portfolio", "portfolio_name"?, "title", "term"?: {"start"?, "end"?}}], "home_zone"?}` |
//! | `agenda` | array | `{"number", "title"?, "topics": [{"category", "label", "keywords"?, "aliases"?}], "statements": [{"speaker", "verb", "text"}], "outcomes": [{"verb", "parties", "text"}]}` |
//! | `sources` | array | `{"url", "publisher"?}` |
//!
//! Country codes are alpha-2, alpha-3 or numeric, in any case; the writer
//! uses alpha-2. The reader takes the offset of `start` as written: an
//! offset that the zone no longer has at that civil time is an
//! [`ErrorKind::OffsetConflict`](crate::ErrorKind::OffsetConflict) unless
//! [`Meeting::from_json_with`] is given another [`OffsetPolicy`].

mod syntax;

use std::io::Read as _;

use crate::error::{Detail, Error};
use crate::limits::Limits;
use crate::meeting::Meeting;
use crate::serde_impls::FORMAT;
use crate::time::OffsetPolicy;

impl Meeting {
    /// The name of the JSON document format this release reads and writes.
    pub const JSON_FORMAT: &'static str = FORMAT;

    /// Reads a JSON document with the default [`Limits`], rejecting offset
    /// conflicts.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Syntax`](crate::ErrorKind::Syntax) for malformed JSON,
    /// wrong types, unknown or duplicate fields; otherwise every violation of
    /// the model's rules, each with its path.
    ///
    /// ```
    /// use diplomeet::{ErrorKind, Meeting};
    ///
    /// let err = Meeting::from_json(r#"{"format": "diplomeet/1", "title": "x", "start": "2023-11-13", "participants": [], "extra": 1}"#)
    ///     .unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::Syntax);
    /// assert!(err.to_string().contains("extra"));
    /// ```
    pub fn from_json(text: &str) -> Result<Meeting, Error> {
        syntax::read_meeting(
            syntax::Input::Text(text),
            &Limits::default(),
            OffsetPolicy::Reject,
        )
    }

    /// Reads a JSON document from bytes (invalid UTF-8 is a
    /// [`ErrorKind::Syntax`](crate::ErrorKind::Syntax) error).
    ///
    /// # Errors
    ///
    /// As [`from_json`](Meeting::from_json).
    pub fn from_json_slice(bytes: &[u8]) -> Result<Meeting, Error> {
        syntax::read_meeting(
            syntax::Input::Bytes(bytes),
            &Limits::default(),
            OffsetPolicy::Reject,
        )
    }

    /// Reads a JSON document with the given limits and offset policy.
    ///
    /// # Errors
    ///
    /// As [`from_json`](Meeting::from_json).
    pub fn from_json_with(
        bytes: &[u8],
        limits: &Limits,
        offsets: OffsetPolicy,
    ) -> Result<Meeting, Error> {
        syntax::read_meeting(syntax::Input::Bytes(bytes), limits, offsets)
    }

    /// Reads a JSON document from a [`Read`](std::io::Read)er (a file, a
    /// socket, standard input) with the given limits and offset policy.
    ///
    /// At most `limits.max_document_bytes() + 1` bytes are read (through
    /// [`Read::take`](std::io::Read::take)): a longer document, even an
    /// endless one, is refused with
    /// [`ErrorKind::TooMany`](crate::ErrorKind::TooMany) naming
    /// `max_document_bytes` once that much has been read, never read whole
    /// into memory. The reader is not buffered further: pass a file as is.
    ///
    /// # Errors
    ///
    /// As [`from_json`](Meeting::from_json); an I/O error of the reader is an
    /// [`ErrorKind::Io`](crate::ErrorKind::Io) error whose
    /// [`source`](std::error::Error::source) is the [`std::io::Error`].
    ///
    /// ```
    /// use diplomeet::{ErrorKind, Limits, Meeting, OffsetPolicy};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let doc = r#"{"format": "diplomeet/1", "title": "Call", "mode": "telephone",
    ///   "zone": "Asia/Tokyo", "start": "2023-11-14T09:00:00+09:00[Asia/Tokyo]",
    ///   "participants": [
    ///     {"id": "a", "name": {"given": "A"}, "country": "JP", "posts": [{"portfolio": "foreign_affairs", "title": "Minister"}]},
    ///     {"id": "b", "name": {"given": "B"}, "country": "CL", "posts": [{"portfolio": "foreign_affairs", "title": "Minister"}]}
    ///   ]}"#;
    /// let meeting = Meeting::from_json_reader(doc.as_bytes(), &Limits::default(), OffsetPolicy::Reject)?;
    /// assert_eq!(meeting.title(), "Call");
    ///
    /// // An endless input stops at the limit.
    /// let small = Limits::default().with_max_document_bytes(1024);
    /// let err = Meeting::from_json_reader(std::io::repeat(b' '), &small, OffsetPolicy::Reject)
    ///     .unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::TooMany);
    /// assert!(err.to_string().contains("max_document_bytes"), "{err}");
    /// # Ok(())
    /// # }
    /// ```
    pub fn from_json_reader<R: std::io::Read>(
        reader: R,
        limits: &Limits,
        offsets: OffsetPolicy,
    ) -> Result<Meeting, Error> {
        let max = limits.max_document_bytes();
        let cap = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
        let mut bytes = Vec::new();
        if let Err(e) = reader.take(cap).read_to_end(&mut bytes) {
            return Err(Error::io("could not read the document", e));
        }
        if bytes.len() > max {
            return Err(Error::new(Detail::TooMany {
                what: "bytes or more in the document",
                count: bytes.len(),
                limit: max,
                limit_name: "max_document_bytes",
            }));
        }
        syntax::read_meeting(syntax::Input::Bytes(&bytes), limits, offsets)
    }

    /// Writes the JSON document, indented.
    ///
    /// # Errors
    ///
    /// None in practice: the error exists because the writer's interface has
    /// one.
    ///
    /// ```
    /// # use diplomeet::Meeting;
    /// # fn demo(meeting: &Meeting) -> Result<(), diplomeet::Error> {
    /// let json = meeting.to_json()?;
    /// assert_eq!(&Meeting::from_json(&json)?, meeting);
    /// # Ok(())
    /// # }
    /// ```
    pub fn to_json(&self) -> Result<String, Error> {
        serde_json::to_string_pretty(self).map_err(|e| Error::new(Detail::Syntax(e.to_string())))
    }

    /// Writes the JSON document on one line.
    ///
    /// # Errors
    ///
    /// As [`to_json`](Meeting::to_json).
    pub fn to_json_compact(&self) -> Result<String, Error> {
        serde_json::to_string(self).map_err(|e| Error::new(Detail::Syntax(e.to_string())))
    }
}
