//! [`Start`]: a resolved civil time, or a date alone.

use std::fmt;

use chrono::NaiveDate;

use crate::time::ZonedDateTime;

/// When a meeting starts: a civil time resolved in the meeting's zone, or a
/// date alone when the source gives no time ("a video conference on August
/// 15").
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Start {
    /// A civil time in the meeting's zone, with its resolved offset.
    At(ZonedDateTime),
    /// A date in the meeting's zone, with no time of day.
    On(NaiveDate),
}

impl Start {
    /// The date at the venue (or in the stated zone).
    pub fn date(&self) -> NaiveDate {
        match self {
            Start::At(z) => z.date(),
            Start::On(d) => *d,
        }
    }
}

impl fmt::Display for Start {
    /// RFC 9557 for a time (`2023-11-13T16:00:00-08:00[America/Los_Angeles]`),
    /// ISO 8601 for a date (`2023-08-15`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Start::At(z) => write!(f, "{z}"),
            Start::On(d) => write!(f, "{d}"),
        }
    }
}
