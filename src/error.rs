//! The crate's one error type: [`Error`], its [`ErrorKind`] and the
//! [`Violation`]s it carries, each with a path and the offending value.

use std::fmt;

use crate::named::named_enum;

named_enum! {
    /// What went wrong, as a category a program can match on.
    ///
    /// Every [`Violation`] has exactly one kind; [`Error::kind`] is the kind of the
    /// first violation. New kinds may be added in minor releases.
    ///
    /// ```
    /// use diplomeet::{ErrorKind, PersonName};
    ///
    /// let err = PersonName::builder().second_surname("Stork").build().unwrap_err();
    /// let message = match err.kind() {
    ///     ErrorKind::Empty | ErrorKind::TooLong => "fix the text",
    ///     ErrorKind::Inconsistent => "fix the combination of parts",
    ///     _ => "something else",
    /// };
    /// assert_eq!(message, "fix the combination of parts");
    /// ```
    pub enum ErrorKind ("error kind", "diplomeet::ErrorKind") {
        /// A country code that is not built in and was not declared.
        UnknownCountry = "unknown_country",
        /// A string that is not a well-formed country code, or a code outside the
        /// user-assigned ranges for a custom actor.
        InvalidCountryCode = "invalid_country_code",
        /// A time-zone name that is not in the IANA database chrono-tz embeds.
        UnknownZone = "unknown_zone",
        /// A time zone that is not one of the country's zones.
        ZoneNotInCountry = "zone_not_in_country",
        /// A civil time that the zone skips (spring forward), rejected by policy.
        Gap = "gap",
        /// A civil time that the zone repeats (fall back), rejected by policy.
        Fold = "fold",
        /// An RFC 9557 offset the zone never has at that civil time.
        OffsetConflict = "offset_conflict",
        /// A malformed RFC 9557 timestamp, civil date-time or date.
        InvalidTimestamp = "invalid_timestamp",
        /// A malformed ISO 8601 duration.
        InvalidDuration = "invalid_duration",
        /// A duration that is zero, negative or over the limit.
        DurationOutOfRange = "duration_out_of_range",
        /// Date or time arithmetic that would leave chrono's range.
        OutOfRange = "out_of_range",
        /// A required text that is empty or only white space.
        Empty = "empty",
        /// A text longer than its limit.
        TooLong = "too_long",
        /// More elements than the limit allows.
        TooMany = "too_many",
        /// Fewer participants, countries or parties than the rules need.
        TooFew = "too_few",
        /// The same participant or id twice.
        Duplicate = "duplicate",
        /// A reference (an entry's participant, a visitor, a source index) to
        /// something the meeting does not have.
        UnknownReference = "unknown_reference",
        /// A minister whose term of office does not cover the meeting's date.
        OutsideTerm = "outside_term",
        /// A value that is malformed in a way no other kind describes.
        InvalidValue = "invalid_value",
        /// A combination of fields that the model does not allow (a venue on a
        /// telephone call, say).
        Inconsistent = "inconsistent",
        /// The meeting has a date but no time of day, and an instant was asked for.
        NoTimeOfDay = "no_time_of_day",
        /// The meeting has no duration, and its end was asked for.
        NoDuration = "no_duration",
        /// A JSON document that is not well-formed, has wrong types, unknown or
        /// duplicate fields, or nests too deeply.
        Syntax = "syntax",
        /// A JSON document whose `"format"` this version does not read.
        UnsupportedFormat = "unsupported_format",
        /// A stated time ("09:00 JST") that disagrees with the meeting's time;
        /// the message gives the correct civil time in that zone.
        StatedTimeMismatch = "stated_time_mismatch",
        /// A time-zone abbreviation that none of the meeting's zones uses at
        /// that instant.
        UnknownAbbreviation = "unknown_abbreviation",
        /// A time-zone abbreviation that several of the meeting's zones use at
        /// that instant with different offsets.
        AmbiguousAbbreviation = "ambiguous_abbreviation",
        /// A civil time past the last year of the time-zone data (2099) in a
        /// zone that still changes its clocks then: its offset is not known.
        ZoneDataHorizon = "zone_data_horizon",
        /// Reading the input failed (a file, a socket, standard input); the
        /// [`std::io::Error`] is the error's
        /// [`source`](std::error::Error::source).
        Io = "io",
    }
}

/// The private detail behind a violation: thiserror writes the message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum Detail {
    #[error(
        "unknown country code {0:?}: no built-in country or organisation has it (Country::builder makes others)"
    )]
    UnknownCountry(String),
    #[error("invalid country code {code:?}: {reason}")]
    InvalidCountryCode { code: String, reason: &'static str },
    #[error("unknown time zone {0:?}")]
    UnknownZone(String),
    #[error("time zone {zone} is not one of the zones of {country}")]
    ZoneNotInCountry { zone: String, country: String },
    #[error(
        "{civil} does not exist in {zone}: it falls in a gap where the offset changes from {before} to {after}{hint}"
    )]
    Gap {
        zone: String,
        civil: String,
        before: String,
        after: String,
        /// Empty, or what the caller can do about it.
        hint: &'static str,
    },
    #[error(
        "{civil} is ambiguous in {zone}: it occurs at offset {first} and again at {second}{hint}"
    )]
    Fold {
        zone: String,
        civil: String,
        first: String,
        second: String,
        /// Empty, or what the caller can do about it.
        hint: &'static str,
    },
    #[error("offset {offset} is not valid for {civil} in {zone}, which has {valid} there")]
    OffsetConflict {
        zone: String,
        civil: String,
        offset: String,
        valid: String,
    },
    #[error("invalid timestamp {input:?}: {reason}")]
    InvalidTimestamp { input: String, reason: String },
    #[error("invalid ISO 8601 duration {input:?}: {reason}")]
    InvalidDuration { input: String, reason: String },
    #[error("duration {value} is out of range: {reason}")]
    DurationOutOfRange { value: String, reason: String },
    #[error("{what} is out of range: {value}")]
    OutOfRange { what: String, value: String },
    #[error("{what} must not be empty")]
    Empty { what: &'static str },
    #[error("{what} is {len} characters long, over the limit of {limit} (limit {limit_name})")]
    TooLong {
        what: &'static str,
        len: usize,
        limit: usize,
        limit_name: &'static str,
    },
    #[error("{count} {} is over the limit of {limit} (limit {limit_name})", noun(*.count, .what))]
    TooMany {
        what: &'static str,
        count: usize,
        limit: usize,
        limit_name: &'static str,
    },
    #[error("{found} {}, at least {needed} needed", noun(*.found, .what))]
    TooFew {
        what: &'static str,
        found: usize,
        needed: usize,
    },
    #[error("duplicate {what} {value:?}")]
    Duplicate { what: &'static str, value: String },
    #[error("{what} {id:?} is not a participant")]
    UnknownReference { what: &'static str, id: String },
    #[error("{what} {id:?} is not a participant{}", known_ids(.known))]
    UnknownParticipant {
        what: &'static str,
        id: String,
        /// The ids that exist, to choose from (shortened).
        known: String,
    },
    #[error("{who} did not hold the post {post:?} on {date}: {term}")]
    OutsideTerm {
        who: String,
        post: String,
        date: String,
        term: String,
    },
    #[error("invalid {what} {value:?}: {reason}")]
    InvalidValue {
        what: &'static str,
        value: String,
        reason: String,
    },
    #[error("{0}")]
    Inconsistent(String),
    #[error("the meeting on {date} has no time of day, so it has no {what}")]
    NoTimeOfDay { date: String, what: &'static str },
    #[error("the meeting has no duration, so it has no end")]
    NoDuration,
    #[cfg_attr(not(feature = "json"), allow(dead_code))]
    #[error("malformed JSON: {0}")]
    Syntax(String),
    #[error(
        "the stated time {stated} does not match the meeting: it starts at {correct} in {zone}"
    )]
    StatedTimeMismatch {
        stated: String,
        zone: String,
        correct: String,
    },
    #[error("no zone of this meeting ({zones}) is called {abbreviation:?} at that time")]
    UnknownAbbreviation { abbreviation: String, zones: String },
    #[error(
        "the abbreviation {abbreviation:?} is ambiguous here: {candidates} use it with different offsets"
    )]
    AmbiguousAbbreviation {
        abbreviation: String,
        candidates: String,
    },
    #[error(
        "{civil} is past {last_year}, the last year of the time-zone data this crate embeds, and {zone} still changes its clocks then: its offset is not known; give a time in {last_year} or earlier, or in a zone on one offset all year"
    )]
    ZoneDataHorizon {
        zone: String,
        civil: String,
        last_year: i32,
    },
    #[error(
        "source {index} does not exist: the meeting lists {count} source{} (indexes from 0)",
        if *.count == 1 { "" } else { "s" }
    )]
    UnknownSource { index: usize, count: usize },
    #[error("the meeting has no date{}, so it has no {what}", .month.as_deref().map(|m| format!(" (only its month, {m})")).unwrap_or_default())]
    NoDate {
        month: Option<String>,
        what: &'static str,
    },
    #[cfg_attr(not(feature = "json"), allow(dead_code))]
    #[error("{what}: {io}")]
    Io { what: String, io: IoSource },
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    #[error("unsupported document format {found:?}, this version reads {expected:?}")]
    UnsupportedFormat {
        found: String,
        expected: &'static str,
    },
}

impl Detail {
    fn kind(&self) -> ErrorKind {
        match self {
            Detail::UnknownCountry(_) => ErrorKind::UnknownCountry,
            Detail::InvalidCountryCode { .. } => ErrorKind::InvalidCountryCode,
            Detail::UnknownZone(_) => ErrorKind::UnknownZone,
            Detail::ZoneNotInCountry { .. } => ErrorKind::ZoneNotInCountry,
            Detail::Gap { .. } => ErrorKind::Gap,
            Detail::Fold { .. } => ErrorKind::Fold,
            Detail::OffsetConflict { .. } => ErrorKind::OffsetConflict,
            Detail::InvalidTimestamp { .. } => ErrorKind::InvalidTimestamp,
            Detail::InvalidDuration { .. } => ErrorKind::InvalidDuration,
            Detail::DurationOutOfRange { .. } => ErrorKind::DurationOutOfRange,
            Detail::OutOfRange { .. } => ErrorKind::OutOfRange,
            Detail::Empty { .. } => ErrorKind::Empty,
            Detail::TooLong { .. } => ErrorKind::TooLong,
            Detail::TooMany { .. } => ErrorKind::TooMany,
            Detail::TooFew { .. } => ErrorKind::TooFew,
            Detail::Duplicate { .. } => ErrorKind::Duplicate,
            Detail::UnknownReference { .. }
            | Detail::UnknownParticipant { .. }
            | Detail::UnknownSource { .. } => ErrorKind::UnknownReference,
            Detail::OutsideTerm { .. } => ErrorKind::OutsideTerm,
            Detail::InvalidValue { .. } => ErrorKind::InvalidValue,
            Detail::Inconsistent(_) => ErrorKind::Inconsistent,
            Detail::NoTimeOfDay { .. } | Detail::NoDate { .. } => ErrorKind::NoTimeOfDay,
            Detail::NoDuration => ErrorKind::NoDuration,
            Detail::Syntax(_) => ErrorKind::Syntax,
            Detail::UnsupportedFormat { .. } => ErrorKind::UnsupportedFormat,
            Detail::StatedTimeMismatch { .. } => ErrorKind::StatedTimeMismatch,
            Detail::UnknownAbbreviation { .. } => ErrorKind::UnknownAbbreviation,
            Detail::AmbiguousAbbreviation { .. } => ErrorKind::AmbiguousAbbreviation,
            Detail::Io { .. } => ErrorKind::Io,
            Detail::ZoneDataHorizon { .. } => ErrorKind::ZoneDataHorizon,
        }
    }
}

/// What a gap or a fold in a meeting's start suggests.
const DISAMBIGUATION_HINT: &str = "; choose how to resolve it with MeetingBuilder::disambiguation (Disambiguation::Earlier, Later or Compatible)";

/// A count and a noun phrase given in the plural, in the singular when the
/// count is one ("1 participant", "2 participants").
fn noun(count: usize, plural: &'static str) -> std::borrow::Cow<'static, str> {
    const SINGULAR: [(&str, &str); 14] = [
        ("participants", "participant"),
        ("countries", "country"),
        ("parties", "party"),
        ("posts", "post"),
        ("days", "day"),
        ("rooms", "room"),
        ("bytes", "byte"),
        ("items", "item"),
        ("meetings", "meeting"),
        ("ranges", "range"),
        ("slots", "slot"),
        ("entries", "entry"),
        ("actors", "actor"),
        ("events", "event"),
    ];
    if count != 1 {
        return plural.into();
    }
    // The first plural word of the phrase is its head ("countries among
    // the participants").
    let head = SINGULAR
        .iter()
        .filter_map(|(many, one)| plural.find(many).map(|at| (at, *many, *one)))
        .min_by_key(|(at, _, _)| *at);
    match head {
        Some((at, many, one)) => {
            let mut s = String::with_capacity(plural.len());
            s.push_str(plural.get(..at).unwrap_or_default());
            s.push_str(one);
            s.push_str(plural.get(at + many.len()..).unwrap_or_default());
            s.into()
        }
        None => plural.into(),
    }
}

/// The tail of an unknown-reference message: the ids to choose from.
fn known_ids(known: &str) -> String {
    if known.is_empty() {
        String::new()
    } else {
        format!(" (the participants are {known})")
    }
}

/// Lists ids for an unknown-reference message: at most a few, shortened.
pub(crate) fn list_ids<'a>(ids: impl IntoIterator<Item = &'a str>) -> String {
    const MAX_IDS: usize = 8;
    let mut out = String::new();
    for (i, id) in ids.into_iter().enumerate() {
        if i == MAX_IDS {
            out.push_str(", ...");
            break;
        }
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&format!("{:?}", echo(id)));
    }
    out
}

/// An I/O error kept as the source of an [`Error`]: shared, so that the
/// error stays `Clone`; compared by kind and message.
#[derive(Debug, Clone)]
pub(crate) struct IoSource(std::sync::Arc<std::io::Error>);

impl IoSource {
    #[cfg_attr(not(feature = "json"), allow(dead_code))]
    pub(crate) fn new(e: std::io::Error) -> Self {
        IoSource(std::sync::Arc::new(e))
    }
}

impl PartialEq for IoSource {
    fn eq(&self, other: &Self) -> bool {
        self.0.kind() == other.0.kind() && self.0.to_string() == other.0.to_string()
    }
}

impl Eq for IoSource {}

impl fmt::Display for IoSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl Detail {
    /// The offending value as text, where the violation has one.
    fn value(&self) -> Option<std::borrow::Cow<'_, str>> {
        use std::borrow::Cow::{Borrowed, Owned};
        match self {
            Detail::UnknownCountry(v) | Detail::UnknownZone(v) => Some(Borrowed(v)),
            Detail::InvalidCountryCode { code, .. } => Some(Borrowed(code)),
            Detail::ZoneNotInCountry { zone, .. } => Some(Borrowed(zone)),
            Detail::Gap { civil, .. } | Detail::Fold { civil, .. } => Some(Borrowed(civil)),
            Detail::OffsetConflict { offset, .. } => Some(Borrowed(offset)),
            Detail::InvalidTimestamp { input, .. } | Detail::InvalidDuration { input, .. } => {
                Some(Borrowed(input))
            }
            Detail::DurationOutOfRange { value, .. }
            | Detail::OutOfRange { value, .. }
            | Detail::InvalidValue { value, .. }
            | Detail::Duplicate { value, .. } => Some(Borrowed(value)),
            Detail::TooLong { len, .. } => Some(Owned(format!("{len} characters"))),
            Detail::TooMany { count, .. } => Some(Owned(count.to_string())),
            Detail::TooFew { found, .. } => Some(Owned(found.to_string())),
            Detail::UnknownReference { id, .. } | Detail::UnknownParticipant { id, .. } => {
                Some(Borrowed(id))
            }
            Detail::OutsideTerm { date, .. } => Some(Borrowed(date)),
            Detail::StatedTimeMismatch { stated, .. } => Some(Borrowed(stated)),
            Detail::UnknownAbbreviation { abbreviation, .. }
            | Detail::AmbiguousAbbreviation { abbreviation, .. } => Some(Borrowed(abbreviation)),
            Detail::UnsupportedFormat { found, .. } => Some(Borrowed(found)),
            Detail::ZoneDataHorizon { civil, .. } => Some(Borrowed(civil)),
            Detail::UnknownSource { index, .. } => Some(Owned(index.to_string())),
            Detail::Empty { .. } => Some(Borrowed("")),
            Detail::Inconsistent(_)
            | Detail::NoTimeOfDay { .. }
            | Detail::NoDate { .. }
            | Detail::NoDuration
            | Detail::Syntax(_)
            | Detail::Io { .. } => None,
        }
    }
}

/// Longest stretch of an offending value that an error message repeats.
const MAX_ECHO: usize = 80;

/// Shortens a user-supplied value for an error message, on a character boundary.
pub(crate) fn echo(value: &str) -> String {
    match value.char_indices().nth(MAX_ECHO) {
        None => value.to_owned(),
        Some((cut, _)) => {
            let mut s = String::with_capacity(cut + 40);
            s.push_str(value.get(..cut).unwrap_or_default());
            s.push_str(&format!("... ({} bytes in all)", value.len()));
            s
        }
    }
}

impl ErrorKind {
    /// Whether the input could not be read at all: an I/O failure.
    ///
    /// ```
    /// use diplomeet::ErrorKind;
    ///
    /// assert!(ErrorKind::Io.is_io());
    /// assert!(!ErrorKind::Syntax.is_io());
    /// ```
    pub const fn is_io(self) -> bool {
        matches!(self, ErrorKind::Io)
    }

    /// Whether the input is not a document of the format: malformed JSON,
    /// wrong types, unknown fields, another format version.
    ///
    /// ```
    /// use diplomeet::ErrorKind;
    ///
    /// assert!(ErrorKind::UnsupportedFormat.is_syntax());
    /// assert!(!ErrorKind::Gap.is_syntax());
    /// ```
    pub const fn is_syntax(self) -> bool {
        matches!(self, ErrorKind::Syntax | ErrorKind::UnsupportedFormat)
    }

    /// Whether a size limit of [`Limits`](crate::Limits) was hit: a text
    /// too long or a list too many. A server may answer these differently
    /// (413) from other bad input.
    ///
    /// ```
    /// use diplomeet::ErrorKind;
    ///
    /// assert!(ErrorKind::TooLong.is_limit());
    /// assert!(ErrorKind::TooMany.is_limit());
    /// assert!(!ErrorKind::TooFew.is_limit());
    /// ```
    pub const fn is_limit(self) -> bool {
        matches!(self, ErrorKind::TooLong | ErrorKind::TooMany)
    }

    /// Whether the problem is one of time: zones, gaps and folds, offsets,
    /// timestamps, durations, dates out of range, stated times and their
    /// abbreviations, a missing time of day or duration.
    ///
    /// ```
    /// use diplomeet::ErrorKind;
    ///
    /// assert!(ErrorKind::Fold.is_time());
    /// assert!(ErrorKind::UnknownZone.is_time());
    /// assert!(!ErrorKind::Duplicate.is_time());
    /// ```
    pub const fn is_time(self) -> bool {
        matches!(
            self,
            ErrorKind::UnknownZone
                | ErrorKind::ZoneNotInCountry
                | ErrorKind::Gap
                | ErrorKind::Fold
                | ErrorKind::OffsetConflict
                | ErrorKind::InvalidTimestamp
                | ErrorKind::InvalidDuration
                | ErrorKind::DurationOutOfRange
                | ErrorKind::OutOfRange
                | ErrorKind::NoTimeOfDay
                | ErrorKind::NoDuration
                | ErrorKind::StatedTimeMismatch
                | ErrorKind::UnknownAbbreviation
                | ErrorKind::AmbiguousAbbreviation
                | ErrorKind::ZoneDataHorizon
        )
    }
}

/// One rule broken by one value: its kind, where it is, what it says and the
/// value.
///
/// ```
/// use diplomeet::{ErrorKind, Topic, TopicCategory};
///
/// let err = Topic::builder(TopicCategory::Trade, "")
///     .keyword("wine")
///     .keyword("wine")
///     .build()
///     .unwrap_err();
/// let report: Vec<String> = err.violations().map(|v| v.to_string()).collect();
/// assert_eq!(
///     report,
///     [
///         "label: topic label must not be empty",
///         "keywords[1]: duplicate keyword \"wine\"",
///     ]
/// );
/// let second = err.violations().nth(1).unwrap();
/// assert_eq!(second.kind(), ErrorKind::Duplicate);
/// assert_eq!(second.path(), "keywords[1]");
/// assert_eq!(second.value().as_deref(), Some("wine"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    detail: Detail,
    path: String,
}

impl Violation {
    pub(crate) fn new(detail: Detail) -> Self {
        Violation {
            detail,
            path: String::new(),
        }
    }

    /// Prefixes the path with `segment` (a field name, or `[3]` for an index).
    pub(crate) fn within(mut self, segment: &str) -> Self {
        self.prefix(segment);
        self
    }

    fn prefix(&mut self, segment: &str) {
        if self.path.is_empty() {
            self.path = segment.to_owned();
        } else if self.path.starts_with('[') {
            self.path.insert_str(0, segment);
        } else {
            self.path.insert(0, '.');
            self.path.insert_str(0, segment);
        }
    }

    /// The category of this violation.
    pub fn kind(&self) -> ErrorKind {
        self.detail.kind()
    }

    /// Where the offending value sits, as in `agenda[2].entries[0].who[1]`;
    /// empty when the value is the whole input.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The offending value as text, shortened when long: the code, zone,
    /// timestamp, id or text that broke the rule, the length of a text over
    /// its limit or the count of a list. `None` for a violation that is
    /// about a combination of fields rather than one value (a telephone
    /// meeting with a venue), a syntax error or an I/O failure.
    pub fn value(&self) -> Option<std::borrow::Cow<'_, str>> {
        self.detail.value()
    }

    /// The message alone, without the path: lowercase, naming the value.
    pub fn message(&self) -> String {
        self.detail.to_string()
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.detail)
        } else {
            write!(f, "{}: {}", self.path, self.detail)
        }
    }
}

/// The error of every fallible operation in this crate.
///
/// It holds one or more [`Violation`]s: `build()` and the JSON reader report
/// every broken rule at once, each with its path and value, up to
/// [`Limits::max_violations`](crate::Limits::max_violations) of them (a bad
/// document costs memory in that cap, not in its size), and the
/// [`total`](Error::total) number found. [`Error::kind`] is the kind of the
/// first one. The error is one pointer wide, `Clone`, `Send`, `Sync` and
/// `'static`; an I/O failure keeps the [`std::io::Error`] as its
/// [`source`](std::error::Error::source).
///
/// ```
/// use diplomeet::{Country, ErrorKind};
///
/// let err = "ZQ".parse::<Country>().unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::UnknownCountry);
/// assert!(err.to_string().contains("\"ZQ\""));
/// assert_eq!(std::mem::size_of::<diplomeet::Error>(), std::mem::size_of::<usize>());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(Box<Inner>);

/// The violations of an error: never none, by construction.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Inner {
    first: Violation,
    rest: Vec<Violation>,
    /// How many violations were found, kept or not (at least `1 + rest.len()`).
    total: usize,
}

impl Error {
    pub(crate) fn new(detail: Detail) -> Self {
        Error::from_first(Violation::new(detail))
    }

    fn from_first(first: Violation) -> Self {
        Error(Box::new(Inner {
            first,
            rest: Vec::new(),
            total: 1,
        }))
    }

    /// An I/O failure while reading `what` ("the document", "standard input").
    #[cfg_attr(not(feature = "json"), allow(dead_code))]
    pub(crate) fn io(what: impl Into<String>, e: std::io::Error) -> Self {
        Error::new(Detail::Io {
            what: what.into(),
            io: IoSource::new(e),
        })
    }

    /// Adds to a gap or a fold the hint that a meeting's builder takes a
    /// disambiguation policy.
    pub(crate) fn with_disambiguation_hint(mut self) -> Self {
        let inner = &mut *self.0;
        for v in std::iter::once(&mut inner.first).chain(inner.rest.iter_mut()) {
            if let Detail::Gap { hint, .. } | Detail::Fold { hint, .. } = &mut v.detail {
                *hint = DISAMBIGUATION_HINT;
            }
        }
        self
    }

    /// Both results, or every violation of the ones that failed (this one's
    /// first).
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn both<A, B>(a: Result<A, Error>, b: Result<B, Error>) -> Result<(A, B), Error> {
        match (a, b) {
            (Ok(a), Ok(b)) => Ok((a, b)),
            (Err(e), Ok(_)) | (Ok(_), Err(e)) => Err(e),
            (Err(e), Err(f)) => Err(e.append(f)),
        }
    }

    /// This error's violations, then `other`'s, within the default cap.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn append(self, other: Error) -> Error {
        let mut c = Collector::new();
        c.absorb("", self);
        c.merge(other)
    }

    /// Prefixes every violation's path with `segment`.
    #[cfg_attr(not(feature = "json"), allow(dead_code))]
    pub(crate) fn within(mut self, segment: &str) -> Self {
        let inner = &mut *self.0;
        inner.first.prefix(segment);
        for v in &mut inner.rest {
            v.prefix(segment);
        }
        self
    }

    /// Rewrites every violation's path with `f` (the upgrade of a
    /// diplomeet/1 document names the fields the document has).
    #[cfg(feature = "serde")]
    pub(crate) fn map_paths(mut self, f: impl Fn(&str) -> Option<String>) -> Self {
        let inner = &mut *self.0;
        for v in std::iter::once(&mut inner.first).chain(inner.rest.iter_mut()) {
            if let Some(p) = f(&v.path) {
                v.path = p;
            }
        }
        self
    }

    /// The kind of the first violation.
    /// ```
    /// use diplomeet::{Country, ErrorKind, Topic, TopicCategory};
    ///
    /// let err = Topic::builder(TopicCategory::Trade, " ").alias("").build().unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::Empty);
    /// assert_eq!(Country::from_code("ZQ").unwrap_err().kind(), ErrorKind::UnknownCountry);
    /// ```
    pub fn kind(&self) -> ErrorKind {
        self.0.first.kind()
    }

    /// The first violation found.
    pub fn first(&self) -> &Violation {
        &self.0.first
    }

    /// Every violation kept, in the order they were found (at most
    /// [`Limits::max_violations`](crate::Limits::max_violations); see
    /// [`total`](Error::total)).
    /// ```
    /// use diplomeet::{ErrorKind, Topic, TopicCategory};
    ///
    /// let err = Topic::builder(TopicCategory::Trade, "")
    ///     .keyword("wine")
    ///     .keyword("wine")
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(err.violations().len(), 2);
    /// assert!(err.violations().any(|v| v.kind() == ErrorKind::Duplicate));
    /// // `Display` joins them all.
    /// assert_eq!(
    ///     err.to_string(),
    ///     "label: topic label must not be empty; keywords[1]: duplicate keyword \"wine\""
    /// );
    /// ```
    pub fn violations(&self) -> Violations<'_> {
        Violations {
            first: Some(&self.0.first),
            rest: self.0.rest.iter(),
        }
    }

    /// How many violations were found, including those over the cap that
    /// were counted but not kept.
    /// ```
    /// use diplomeet::{Limits, Topic, TopicCategory};
    ///
    /// let mut builder = Topic::builder(TopicCategory::Trade, "Wine")
    ///     .limits(Limits::default().with_max_violations(2));
    /// // Five keywords, each over the name limit of 200 characters.
    /// for i in 0..5 {
    ///     builder = builder.keyword("k".repeat(201 + i));
    /// }
    /// let err = builder.build().unwrap_err();
    /// assert_eq!(err.violations().len(), 2);
    /// assert_eq!(err.total(), 5);
    /// assert!(err.to_string().ends_with("; and 3 more"), "{err}");
    /// ```
    pub fn total(&self) -> usize {
        self.0.total
    }

    /// The path of the first violation (empty for the whole input).
    /// ```
    /// use diplomeet::{Country, Topic, TopicCategory};
    ///
    /// let err = Topic::builder(TopicCategory::Trade, "")
    ///     .keyword("wine")
    ///     .keyword("wine")
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(err.path(), "label");
    /// assert_eq!(Country::from_code("ZQ").unwrap_err().path(), "");
    /// ```
    pub fn path(&self) -> &str {
        self.0.first.path()
    }

    /// Whether any violation is an I/O failure ([`ErrorKind::is_io`]).
    pub fn is_io(&self) -> bool {
        self.violations().any(|v| v.kind().is_io())
    }

    /// Whether any violation is a syntax error ([`ErrorKind::is_syntax`]).
    pub fn is_syntax(&self) -> bool {
        self.violations().any(|v| v.kind().is_syntax())
    }

    /// Whether any violation hit a size limit ([`ErrorKind::is_limit`]).
    /// ```
    /// use diplomeet::{Limits, Topic, TopicCategory};
    ///
    /// let err = Topic::builder(TopicCategory::Trade, "x".repeat(600)).build().unwrap_err();
    /// assert!(err.is_limit());
    /// assert!(!err.is_syntax() && !err.is_time() && !err.is_io());
    /// ```
    pub fn is_limit(&self) -> bool {
        self.violations().any(|v| v.kind().is_limit())
    }

    /// Whether any violation is one of time ([`ErrorKind::is_time`]).
    pub fn is_time(&self) -> bool {
        self.violations().any(|v| v.kind().is_time())
    }
}

/// The violations of an [`Error`], in the order found: see
/// [`Error::violations`].
#[derive(Debug, Clone)]
pub struct Violations<'e> {
    first: Option<&'e Violation>,
    rest: std::slice::Iter<'e, Violation>,
}

impl<'e> Iterator for Violations<'e> {
    type Item = &'e Violation;

    fn next(&mut self) -> Option<&'e Violation> {
        self.first.take().or_else(|| self.rest.next())
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.rest.len() + usize::from(self.first.is_some());
        (n, Some(n))
    }
}

impl ExactSizeIterator for Violations<'_> {}

impl std::iter::FusedIterator for Violations<'_> {}

impl fmt::Display for Error {
    /// Every violation kept, joined by `; `, then `; and N more` when some
    /// were counted but not kept.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.first)?;
        for v in &self.0.rest {
            write!(f, "; {v}")?;
        }
        let more = self.0.total - 1 - self.0.rest.len();
        if more > 0 {
            write!(f, "; and {more} more")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {
    /// The I/O error of the first I/O violation, if any.
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.violations().find_map(|v| match &v.detail {
            Detail::Io { io, .. } => Some(&*io.0 as &(dyn std::error::Error + 'static)),
            _ => None,
        })
    }
}

/// The default cap on the violations one error keeps.
pub(crate) const DEFAULT_MAX_VIOLATIONS: usize = 1_000;

/// Collects violations across many fields, so that all are reported at
/// once: up to a cap, counting the rest.
#[derive(Debug)]
pub(crate) struct Collector {
    violations: Vec<Violation>,
    cap: usize,
    total: usize,
}

impl Default for Collector {
    fn default() -> Self {
        Collector::with_cap(DEFAULT_MAX_VIOLATIONS)
    }
}

impl Collector {
    pub(crate) fn new() -> Self {
        Collector::default()
    }

    /// A collector that keeps at most `cap` violations (at least one).
    pub(crate) fn with_cap(cap: usize) -> Self {
        Collector {
            violations: Vec::new(),
            cap: cap.max(1),
            total: 0,
        }
    }

    /// A collector that keeps at most `limits.max_violations()`.
    pub(crate) fn for_limits(limits: &crate::Limits) -> Self {
        Collector::with_cap(limits.max_violations())
    }

    /// Whether another violation would still be kept.
    fn has_room(&self) -> bool {
        self.violations.len() < self.cap
    }

    fn keep(&mut self, v: Violation) {
        self.total = self.total.saturating_add(1);
        if self.has_room() {
            self.violations.push(v);
        }
    }

    /// Records a violation at `path` (already a full path relative to the value
    /// being built).
    pub(crate) fn push(&mut self, path: &str, detail: Detail) {
        let v = Violation::new(detail);
        self.keep(if path.is_empty() { v } else { v.within(path) });
    }

    /// Records a violation at a path that is only formatted when it is kept
    /// (in loops over many entries, the happy path allocates nothing, and
    /// nothing over the cap is formatted).
    pub(crate) fn push_at(&mut self, path: impl FnOnce() -> String, detail: Detail) {
        if self.has_room() {
            self.keep(Violation::new(detail).within(&path()));
        } else {
            self.total = self.total.saturating_add(1);
        }
    }

    /// Like [`take`](Collector::take), with a lazily formatted path.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn take_at<T>(
        &mut self,
        path: impl FnOnce() -> String,
        result: Result<T, Error>,
    ) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.absorb(&path(), e);
                None
            }
        }
    }

    /// Records every violation of `err`, prefixed with `path`, and counts
    /// those it had counted but not kept.
    pub(crate) fn absorb(&mut self, path: &str, err: Error) {
        let Inner { first, rest, total } = *err.0;
        let kept = 1 + rest.len();
        for v in std::iter::once(first).chain(rest) {
            self.keep(if path.is_empty() { v } else { v.within(path) });
        }
        self.total = self.total.saturating_add(total.saturating_sub(kept));
    }

    /// Unwraps `result`, recording its error under `path`.
    pub(crate) fn take<T>(&mut self, path: &str, result: Result<T, Error>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.absorb(path, e);
                None
            }
        }
    }

    /// The error with what was recorded so far, leaving the collector
    /// empty; `None` when nothing was.
    fn drain(&mut self) -> Option<Error> {
        let total = std::mem::take(&mut self.total);
        let mut kept = std::mem::take(&mut self.violations).into_iter();
        let first = kept.next()?;
        Some(Error(Box::new(Inner {
            first,
            rest: kept.collect(),
            total,
        })))
    }

    /// `Ok(())` when nothing was recorded so far, else the error with every
    /// violation, leaving the collector empty: for an early return.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn check(&mut self) -> Result<(), Error> {
        match self.drain() {
            None => Ok(()),
            Some(e) => Err(e),
        }
    }

    /// `built` when it succeeded and nothing was recorded here; else every
    /// violation, those recorded here first, then `built`'s.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn finish_with<T>(self, built: Result<T, Error>) -> Result<T, Error> {
        match built {
            Ok(value) => self.finish_value(value),
            Err(e) => Err(self.merge(e)),
        }
    }

    /// The error of what was recorded here followed by `e`'s violations,
    /// within the cap.
    pub(crate) fn merge(self, e: Error) -> Error {
        let Inner { first, rest, total } = *e.0;
        let total = self.total.saturating_add(total);
        let mut here = self.violations.into_iter();
        let Some(head) = here.next() else {
            return Error(Box::new(Inner { first, rest, total }));
        };
        let mut tail: Vec<Violation> = here.collect();
        tail.extend(std::iter::once(first).chain(rest));
        tail.truncate(self.cap.saturating_sub(1));
        Error(Box::new(Inner {
            first: head,
            rest: tail,
            total,
        }))
    }

    /// `Ok(())` when nothing was recorded, else the error with every violation.
    pub(crate) fn finish(mut self) -> Result<(), Error> {
        self.check()
    }

    /// `value` when nothing was recorded, else the error with every
    /// violation.
    pub(crate) fn finish_value<T>(mut self, value: T) -> Result<T, Error> {
        self.check().map(|()| value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_compose() {
        let v = Violation::new(Detail::Empty { what: "text" })
            .within("[0]")
            .within("statements")
            .within("[2]")
            .within("agenda");
        assert_eq!(v.path(), "agenda[2].statements[0]");
        assert_eq!(
            v.to_string(),
            "agenda[2].statements[0]: text must not be empty"
        );
    }

    #[test]
    fn echo_cuts_long_values_on_char_boundary() {
        let long = "é".repeat(200);
        let e = echo(&long);
        assert!(e.starts_with(&"é".repeat(80)));
        assert!(e.ends_with("(400 bytes in all)"));
        assert_eq!(echo("short"), "short");
    }

    #[test]
    fn error_is_send_sync_static_and_one_word() {
        fn check<T: Send + Sync + 'static + std::error::Error>() {}
        check::<Error>();
        assert_eq!(std::mem::size_of::<Error>(), std::mem::size_of::<usize>());
    }

    fn empty(what: &'static str) -> Detail {
        Detail::Empty { what }
    }

    #[test]
    fn the_cap_keeps_the_first_and_counts_the_rest() {
        let mut c = Collector::with_cap(3);
        let mut formatted = 0;
        for i in 0..10 {
            c.push_at(
                || {
                    formatted += 1;
                    format!("[{i}]")
                },
                empty("text"),
            );
        }
        // Paths over the cap are never formatted.
        assert_eq!(formatted, 3);
        let e = c.finish().unwrap_err();
        assert_eq!(e.violations().len(), 3);
        assert_eq!(e.total(), 10);
        assert_eq!(e.path(), "[0]");
        assert!(e.to_string().ends_with("; and 7 more"), "{e}");
    }

    #[test]
    fn merging_keeps_order_cap_and_totals() {
        let mut inner = Collector::with_cap(2);
        for _ in 0..5 {
            inner.push("b", empty("b"));
        }
        let inner = inner.finish().unwrap_err();
        assert_eq!(inner.total(), 5);

        let mut outer = Collector::with_cap(3);
        outer.push("a", empty("a"));
        let merged = outer.finish_with::<()>(Err(inner.clone())).unwrap_err();
        let paths: Vec<&str> = merged.violations().map(Violation::path).collect();
        assert_eq!(paths, ["a", "b", "b"]);
        assert_eq!(merged.total(), 6);

        // Nothing recorded before: the error itself.
        let alone = Collector::with_cap(3).finish_with::<()>(Err(inner.clone()));
        assert_eq!(alone.unwrap_err(), inner);

        let mut absorbing = Collector::with_cap(10);
        absorbing.absorb("x", inner);
        let e = absorbing.finish().unwrap_err();
        assert_eq!(e.violations().len(), 2);
        assert_eq!(e.total(), 5);
        assert_eq!(e.path(), "x.b");
    }

    #[test]
    fn io_errors_keep_their_source() {
        use std::error::Error as _;
        let e = Error::io(
            "could not read the document",
            std::io::Error::new(std::io::ErrorKind::BrokenPipe, "pipe closed"),
        );
        assert_eq!(e.kind(), ErrorKind::Io);
        assert!(e.is_io() && !e.is_syntax());
        let source = e.source().expect("an io source");
        assert_eq!(source.to_string(), "pipe closed");
        assert_eq!(e.to_string(), "could not read the document: pipe closed");
        assert_eq!(e.clone(), e);
        assert!(e.first().value().is_none());
    }

    #[test]
    fn counts_read_in_the_singular_and_the_plural() {
        let one = Detail::TooFew {
            what: "participants",
            found: 1,
            needed: 2,
        };
        assert_eq!(one.to_string(), "1 participant, at least 2 needed");
        let two = Detail::TooFew {
            what: "countries among the participants",
            found: 1,
            needed: 2,
        };
        assert_eq!(
            two.to_string(),
            "1 country among the participants, at least 2 needed"
        );
        let many = Detail::TooMany {
            what: "participants",
            count: 300,
            limit: 256,
            limit_name: "max_participants",
        };
        assert_eq!(
            many.to_string(),
            "300 participants is over the limit of 256 (limit max_participants)"
        );
    }

    #[test]
    fn gaps_and_folds_suggest_the_policy() {
        let gap = Error::new(Detail::Gap {
            zone: "America/New_York".into(),
            civil: "2026-03-08T02:30:00".into(),
            before: "-05:00".into(),
            after: "-04:00".into(),
            hint: "",
        });
        assert!(!gap.to_string().contains("MeetingBuilder"), "{gap}");
        let text = gap.with_disambiguation_hint().to_string();
        assert!(text.contains("MeetingBuilder::disambiguation"), "{text}");
        assert!(text.contains("Earlier, Later or Compatible"), "{text}");
    }
}
