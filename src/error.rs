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
        /// The same participant, id or agenda number twice.
        Duplicate = "duplicate",
        /// A reference (speaker, party) to someone who is not a participant.
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
    }
}

/// The private detail behind a violation: thiserror writes the message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum Detail {
    #[error("unknown country code {0:?}")]
    UnknownCountry(String),
    #[error("invalid country code {code:?}: {reason}")]
    InvalidCountryCode { code: String, reason: &'static str },
    #[error("unknown time zone {0:?}")]
    UnknownZone(String),
    #[error("time zone {zone} is not one of the zones of {country}")]
    ZoneNotInCountry { zone: String, country: String },
    #[error(
        "{civil} does not exist in {zone}: it falls in a gap where the offset changes from {before} to {after}"
    )]
    Gap {
        zone: String,
        civil: String,
        before: String,
        after: String,
    },
    #[error("{civil} is ambiguous in {zone}: it occurs at offset {first} and again at {second}")]
    Fold {
        zone: String,
        civil: String,
        first: String,
        second: String,
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
    #[error("{count} {what} is over the limit of {limit} (limit {limit_name})")]
    TooMany {
        what: &'static str,
        count: usize,
        limit: usize,
        limit_name: &'static str,
    },
    #[error("{found} {what}, at least {needed} needed")]
    TooFew {
        what: &'static str,
        found: usize,
        needed: usize,
    },
    #[error("duplicate {what} {value:?}")]
    Duplicate { what: &'static str, value: String },
    #[error("{what} {id:?} is not a participant")]
    UnknownReference { what: &'static str, id: String },
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
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
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
            Detail::UnknownReference { .. } => ErrorKind::UnknownReference,
            Detail::OutsideTerm { .. } => ErrorKind::OutsideTerm,
            Detail::InvalidValue { .. } => ErrorKind::InvalidValue,
            Detail::Inconsistent(_) => ErrorKind::Inconsistent,
            Detail::NoTimeOfDay { .. } => ErrorKind::NoTimeOfDay,
            Detail::NoDuration => ErrorKind::NoDuration,
            Detail::Syntax(_) => ErrorKind::Syntax,
            Detail::UnsupportedFormat { .. } => ErrorKind::UnsupportedFormat,
            Detail::StatedTimeMismatch { .. } => ErrorKind::StatedTimeMismatch,
            Detail::UnknownAbbreviation { .. } => ErrorKind::UnknownAbbreviation,
            Detail::AmbiguousAbbreviation { .. } => ErrorKind::AmbiguousAbbreviation,
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

/// One rule broken by one value: its kind, where it is and what it says.
///
/// ```
/// use diplomeet::{Topic, TopicCategory};
///
/// let err = Topic::builder(TopicCategory::Trade, "")
///     .keyword("wine")
///     .keyword("wine")
///     .build()
///     .unwrap_err();
/// let report: Vec<String> = err.violations().iter().map(|v| v.to_string()).collect();
/// assert_eq!(
///     report,
///     [
///         "label: topic label must not be empty",
///         "keywords[1]: duplicate keyword \"wine\"",
///     ]
/// );
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
        if self.path.is_empty() {
            self.path = segment.to_owned();
        } else if self.path.starts_with('[') {
            self.path = format!("{segment}{}", self.path);
        } else {
            self.path = format!("{segment}.{}", self.path);
        }
        self
    }

    /// The category of this violation.
    /// ```
    /// use diplomeet::{ErrorKind, Topic, TopicCategory};
    ///
    /// let err = Topic::builder(TopicCategory::Trade, "")
    ///     .keyword("wine")
    ///     .keyword("wine")
    ///     .build()
    ///     .unwrap_err();
    /// let kinds: Vec<ErrorKind> = err.violations().iter().map(|v| v.kind()).collect();
    /// assert_eq!(kinds, [ErrorKind::Empty, ErrorKind::Duplicate]);
    /// ```
    pub fn kind(&self) -> ErrorKind {
        self.detail.kind()
    }

    /// Where the offending value sits, as in `agenda[2].statements[0].speaker`;
    /// empty when the value is the whole input.
    /// ```
    /// use diplomeet::{Country, Topic, TopicCategory};
    ///
    /// let err = Topic::builder(TopicCategory::Trade, "")
    ///     .keyword("wine")
    ///     .keyword("wine")
    ///     .build()
    ///     .unwrap_err();
    /// let paths: Vec<&str> = err.violations().iter().map(|v| v.path()).collect();
    /// assert_eq!(paths, ["label", "keywords[1]"]);
    ///
    /// let err = Country::from_code("ZQ").unwrap_err();
    /// assert_eq!(err.violations().first().map(|v| v.path()), Some(""));
    /// ```
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The message alone, without the path: lowercase, naming the value.
    /// ```
    /// use diplomeet::{Topic, TopicCategory};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let err = Topic::builder(TopicCategory::Trade, "")
    ///     .keyword("wine")
    ///     .keyword("wine")
    ///     .build()
    ///     .unwrap_err();
    /// let first = err.violations().first().ok_or("no violation")?;
    /// assert_eq!(first.message(), "topic label must not be empty");
    /// assert_eq!(first.to_string(), "label: topic label must not be empty");
    /// # Ok(())
    /// # }
    /// ```
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
/// every broken rule at once, each with its path and value. [`Error::kind`] is
/// the kind of the first one.
///
/// ```
/// use diplomeet::{Country, ErrorKind};
///
/// let err = "ZQ".parse::<Country>().unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::UnknownCountry);
/// assert!(err.to_string().contains("\"ZQ\""));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    violations: Vec<Violation>,
}

impl Error {
    pub(crate) fn new(detail: Detail) -> Self {
        Error {
            violations: vec![Violation::new(detail)],
        }
    }

    /// Builds an error from collected violations; `None` when there are none.
    pub(crate) fn from_violations(violations: Vec<Violation>) -> Option<Self> {
        if violations.is_empty() {
            None
        } else {
            Some(Error { violations })
        }
    }

    /// Prefixes every violation's path with `segment`.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn within(self, segment: &str) -> Self {
        Error {
            violations: self
                .violations
                .into_iter()
                .map(|v| v.within(segment))
                .collect(),
        }
    }

    /// Takes the violations out, to merge them into a larger report.
    pub(crate) fn into_violations(self) -> Vec<Violation> {
        self.violations
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
        self.violations
            .first()
            .map_or(ErrorKind::InvalidValue, Violation::kind)
    }

    /// Every violation, in the order they were found.
    /// ```
    /// use diplomeet::{ErrorKind, Topic, TopicCategory};
    ///
    /// let err = Topic::builder(TopicCategory::Trade, "")
    ///     .keyword("wine")
    ///     .keyword("wine")
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(err.violations().len(), 2);
    /// assert!(err.violations().iter().any(|v| v.kind() == ErrorKind::Duplicate));
    /// // `Display` joins them all.
    /// assert_eq!(
    ///     err.to_string(),
    ///     "label: topic label must not be empty; keywords[1]: duplicate keyword \"wine\""
    /// );
    /// ```
    pub fn violations(&self) -> &[Violation] {
        &self.violations
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
        self.violations.first().map_or("", Violation::path)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for v in &self.violations {
            if !first {
                f.write_str("; ")?;
            }
            first = false;
            write!(f, "{v}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// Collects violations across many fields, so that all are reported at once.
#[derive(Debug, Default)]
pub(crate) struct Collector {
    violations: Vec<Violation>,
}

impl Collector {
    pub(crate) fn new() -> Self {
        Collector::default()
    }

    /// Records a violation at `path` (already a full path relative to the value
    /// being built).
    pub(crate) fn push(&mut self, path: &str, detail: Detail) {
        let v = Violation::new(detail);
        self.violations
            .push(if path.is_empty() { v } else { v.within(path) });
    }

    /// Records a violation at a path that is only formatted when needed (in
    /// loops over many entries, the happy path allocates nothing).
    pub(crate) fn push_at(&mut self, path: impl FnOnce() -> String, detail: Detail) {
        self.violations.push(Violation::new(detail).within(&path()));
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

    /// Records every violation of `err`, prefixed with `path`.
    pub(crate) fn absorb(&mut self, path: &str, err: Error) {
        for v in err.into_violations() {
            self.violations
                .push(if path.is_empty() { v } else { v.within(path) });
        }
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

    pub(crate) fn is_empty(&self) -> bool {
        self.violations.is_empty()
    }

    /// `Ok(())` when nothing was recorded so far, else the error with every
    /// violation, leaving the collector empty: for an early return.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn check(&mut self) -> Result<(), Error> {
        match Error::from_violations(std::mem::take(&mut self.violations)) {
            None => Ok(()),
            Some(e) => Err(e),
        }
    }

    /// `built` when it succeeded and nothing was recorded here; else every
    /// violation, those recorded here first, then `built`'s.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn finish_with<T>(mut self, built: Result<T, Error>) -> Result<T, Error> {
        match built {
            Ok(value) => self.finish().map(|()| value),
            Err(e) => {
                self.violations.extend(e.into_violations());
                Err(Error {
                    violations: self.violations,
                })
            }
        }
    }

    /// `Ok(())` when nothing was recorded, else the error with every violation.
    pub(crate) fn finish(self) -> Result<(), Error> {
        match Error::from_violations(self.violations) {
            None => Ok(()),
            Some(e) => Err(e),
        }
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
    fn error_is_send_sync_static() {
        fn check<T: Send + Sync + 'static + std::error::Error>() {}
        check::<Error>();
    }
}
