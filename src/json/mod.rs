//! The versioned JSON document format (feature `json`).
//!
//! This module documents the format; the entry points are
//! [`Meeting::from_json`], [`Meeting::from_json_with`],
//! [`Meeting::from_json_reader`], [`Meeting::to_json`] and the
//! `Serialize`/`Deserialize` implementations of the public types (feature
//! `serde`, which writes and reads the same spellings). Worked documents,
//! one per kind of readout, are in [`examples`].
//!
//! A document is one meeting; a page that reports several meetings is a
//! JSON array of documents ([`Meeting::from_json_list`],
//! [`Meeting::list_to_json`]). A document's first field, `"format"`, names the
//! version: this release writes `"diplomeet/2"` and reads it and
//! `"diplomeet/1"`; anything else is
//! [`ErrorKind::UnsupportedFormat`](crate::ErrorKind::UnsupportedFormat). A
//! `/1` document is upgraded on read, losslessly: an item's `number` N
//! becomes its label `"N."`, its statements and then its outcomes become its
//! entries, in that order, and its verbs keep their names. A field of one
//! version in a document of the other is a syntax error naming it.
//!
//! Participants are listed once, with ids; entries, parts and occasions refer
//! to them by id, and entries to sources by index. Unknown fields are
//! errors, never dropped. Reading runs exactly the checks that `build()`
//! runs and reports every violation with its path. Writing then reading
//! gives back an equal [`Meeting`], and writing that again the same bytes.
//! Optional fields are written only when they differ from their default.
//!
//! | field | type | notes |
//! |---|---|---|
//! | `format` | string | `"diplomeet/2"` |
//! | `id` | string | the meeting's identifier; derived when absent |
//! | `title` | string | required |
//! | `title_basis` | string | `given` (default), `descriptive` (written to describe a meeting whose source gives no title) |
//! | `mode` | string | `in_person` (default), `telephone`, `video`, `hybrid`, `remote` (by telephone or video, the source not saying which) |
//! | `form` | string | `meeting` (default), `talk`, `short_informal_talk`, `courtesy_call`, `working_meal`, `summit` |
//! | `status` | string | `scheduled` (default), `held`, `postponed`, `cancelled` |
//! | `venue` | object | `{"place", "country", "zone", "basis"?: "named"\|"inferred_from_occasion"\|"country", "premises_of"?: code}` (basis `country`: the source names the country alone, and the place is its name): in person and hybrid; absent when the source does not say where |
//! | `zone` | string | the IANA zone the start is stated in, without a venue (a call, an unknown place); absent when no zone is known |
//! | `zone_basis` | string | `venue` (default), `stated_local`, `stated_home`, `not_stated` (no zone stated, the venue's), `not_stated_publisher` (no zone stated nor venue named, the publisher's assumed), `publisher` (a date as the publisher reported it) |
//! | `occasion` | string or object | the name (on the sidelines), or `{"name", "relation": "sidelines"\|"visit"\|"before"\|"after"\|"during", "visitor"?: id}` |
//! | `start` | string | RFC 9557 (`2023-11-13T16:00:00-08:00[America/Los_Angeles]`), a date (`2023-08-15`), a month (`2024-05`); absent when unknown |
//! | `start_approximate` | bool | "around 18:40" |
//! | `date_basis` | object | `{"kind": "stated"\|"year_inferred"\|"relative", "phrase"?, "published"?}` |
//! | `stated_times` | array | `{"text"?, "time"}`: the time as the source printed it, and as a [`StatedTime`](crate::StatedTime) (`2023-11-14T09:00 JST`; the civil time alone when the source states no zone) |
//! | `duration` | string | ISO 8601 (`PT30M`) |
//! | `duration_approximate` | bool | default `false` |
//! | `actors` | array | custom actors (codes AA, QM–QZ, XA–XZ, ZZ): `{"code", "name", "formal_name"?, "alpha3"?, "capital_zone", "zones"}` |
//! | `participants` | array | a person `{"id", "name"?, "honorific"?, "country", "posts", "home_zone"?, "roles"?, "attendance"?, "calling_from"?}` or a group `{"id", "group": {"name", "members"}, "roles"?}` |
//! | `participants[].name` | object | `{"given"?, "surname"?, "second_surname"?, "order"?, "uppercase_surname"?, "native"?}`; absent for someone named only by their post |
//! | `participants[].posts` | array | `{"portfolio", "portfolio_name"?, "title", "term"?: {"start"?, "end"?}, "status"?: "current"\|"former"\|"designate"\|"acting"\|"interim"}`; portfolios `foreign_affairs`, `defence`, `trade`, `economy`, `finance`, `head_of_state`, `head_of_government`, `deputy_head_of_government`, `head_of_organisation`, `diplomatic_mission`, `party`, `official`, `other` |
//! | `participants[].roles` | array | of `principal` (the default), `host`, `chair`, `attendee` |
//! | `participants[].attendance` | string | `in_room`, `remote` (hybrid meetings) |
//! | `participants[].calling_from` | object | `{"place", "country"?, "zone"?}` |
//! | `agenda` | array | `{"label"?, "title"?, "topics"?, "entries", "items"?}`, `items` the sub-items, nested up to `max_agenda_depth` |
//! | `agenda[].topics` | array | `{"category", "label", "keywords"?, "aliases"?}` |
//! | `agenda[].entries` | array | `{"who": [ids], "verb", "wording"?, "text", "source"?: index}` in the readout's order |
//! | `parts` | array | `{"title"?, "form", "mode"?, "start"?, "duration"?, "duration_approximate"?, "participants"?: [ids]}` |
//! | `sources` | array | `{"url", "publisher"?, "publisher_country"?, "published"?, "published_inferred"?, "via"?, "original_url"?, "attributed_to"?, "reported_date"?}`: `published_inferred` when the date is not printed on the page, `via` the republisher of the copy read, `original_url` the original page's address when known, `attributed_to` whom the text is attributed to, in its words ("Spokesperson Ned Price") |
//!
//! Country and organisation codes are alpha-2, alpha-3, numeric or an
//! organisation's code (`UN`, `NATO`), in any case; the writer uses alpha-2
//! and organisations' codes. The reader takes the offset of `start` as
//! written: an offset that the zone no longer has at that civil time is an
//! [`ErrorKind::OffsetConflict`](crate::ErrorKind::OffsetConflict) unless
//! [`Meeting::from_json_with`] is given another [`OffsetPolicy`].

#[doc = include_str!("examples.md")]
pub mod examples {}

mod syntax;

use std::io::Read as _;

use crate::error::{Detail, Error};
use crate::limits::Limits;
use crate::meeting::Meeting;
use crate::serde_impls::FORMAT;
use crate::time::OffsetPolicy;

impl Meeting {
    /// The name of the JSON document format this release writes (it reads
    /// `diplomeet/1` too).
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
        let bytes = read_limited(reader, limits)?;
        syntax::read_meeting(syntax::Input::Bytes(&bytes), limits, offsets)
    }

    /// Reads one document, or a JSON array of documents (the meetings of a
    /// page that reports several, as the `ingest` example writes them), with
    /// the default limits and offset policy. One document gives a list of
    /// one.
    ///
    /// # Errors
    ///
    /// As [`from_json`](Meeting::from_json), every violation of every
    /// document, its path starting with the document's index (`[1].title`);
    /// more documents than [`Limits::max_documents`] is
    /// [`ErrorKind::TooMany`](crate::ErrorKind::TooMany).
    ///
    /// ```
    /// use diplomeet::Meeting;
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let call = |title: &str| format!(r#"{{"format": "diplomeet/2", "title": "{title}", "mode": "telephone",
    ///   "participants": [
    ///     {{"id": "a", "name": {{"surname": "A"}}, "country": "SG", "posts": [{{"portfolio": "foreign_affairs", "title": "Minister"}}]}},
    ///     {{"id": "b", "name": {{"surname": "B"}}, "country": "RW", "posts": [{{"portfolio": "foreign_affairs", "title": "Minister"}}]}}
    ///   ]}}"#);
    /// let page = format!("[{}, {}]", call("First call"), call("Second call"));
    /// let meetings = Meeting::from_json_list(&page)?;
    /// assert_eq!(meetings.len(), 2);
    /// assert_eq!(meetings[1].title(), "Second call");
    /// assert_eq!(Meeting::from_json_list(&call("Alone"))?.len(), 1);
    /// // An empty array is a list of none, as `list_to_json` writes it.
    /// assert!(Meeting::from_json_list("[]")?.is_empty());
    /// assert_eq!(Meeting::list_to_json(&[])?, "[]");
    ///
    /// // Written back: an array for several, the document itself for one.
    /// assert_eq!(Meeting::from_json_list(&Meeting::list_to_json(&meetings)?)?, meetings);
    /// assert_eq!(Meeting::list_to_json(&meetings[..1])?, meetings[0].to_json()?);
    ///
    /// let bad = page.replace("Second call", "");
    /// assert_eq!(Meeting::from_json_list(&bad).unwrap_err().path(), "[1].title");
    /// # Ok(())
    /// # }
    /// ```
    pub fn from_json_list(text: &str) -> Result<Vec<Meeting>, Error> {
        syntax::read_list(
            syntax::Input::Text(text),
            &Limits::default(),
            OffsetPolicy::default(),
        )
    }

    /// [`from_json_list`](Meeting::from_json_list) with the given limits and
    /// offset policy.
    ///
    /// # Errors
    ///
    /// As [`from_json_list`](Meeting::from_json_list).
    pub fn from_json_list_with(
        bytes: &[u8],
        limits: &Limits,
        offsets: OffsetPolicy,
    ) -> Result<Vec<Meeting>, Error> {
        syntax::read_list(syntax::Input::Bytes(bytes), limits, offsets)
    }

    /// [`from_json_list`](Meeting::from_json_list) from a
    /// [`Read`](std::io::Read)er, reading at most the document limit as
    /// [`from_json_reader`](Meeting::from_json_reader) does.
    ///
    /// # Errors
    ///
    /// As [`from_json_list`](Meeting::from_json_list) and
    /// [`from_json_reader`](Meeting::from_json_reader).
    pub fn from_json_list_reader<R: std::io::Read>(
        reader: R,
        limits: &Limits,
        offsets: OffsetPolicy,
    ) -> Result<Vec<Meeting>, Error> {
        let bytes = read_limited(reader, limits)?;
        syntax::read_list(syntax::Input::Bytes(&bytes), limits, offsets)
    }

    /// Writes meetings as [`from_json_list`](Meeting::from_json_list) reads
    /// them, indented: one meeting as its document
    /// ([`to_json`](Meeting::to_json)), any other number as a JSON array of
    /// documents.
    ///
    /// # Errors
    ///
    /// As [`to_json`](Meeting::to_json).
    pub fn list_to_json(meetings: &[Meeting]) -> Result<String, Error> {
        match meetings {
            [one] => one.to_json(),
            many => serde_json::to_string_pretty(many)
                .map_err(|e| Error::new(Detail::Syntax(e.to_string()))),
        }
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

/// At most the document limit (and one byte more, to tell) of a reader.
fn read_limited<R: std::io::Read>(reader: R, limits: &Limits) -> Result<Vec<u8>, Error> {
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
    Ok(bytes)
}
