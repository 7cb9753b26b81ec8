//! [`Start`]: a resolved civil time, a date, a month, or nothing known; and
//! [`DateBasis`], how the date is known.

use std::fmt;

use chrono::{Datelike, NaiveDate};

use crate::error::{Collector, Detail, Error};
use crate::limits::{Limits, TextClass};
use crate::time::ZonedDateTime;

/// A date outside the years every document can write.
pub(crate) fn year_out_of_range(d: NaiveDate) -> Option<Detail> {
    (!(0..=9999).contains(&d.year())).then(|| Detail::OutOfRange {
        what: "year".to_owned(),
        value: format!("{} (years run 0000 to 9999)", d.year()),
    })
}

/// When a meeting starts, as far as the source says: a civil time resolved
/// in the meeting's zone, a date alone ("a video conference on August 15"),
/// a month alone, or nothing (a record of a meeting held on a date nobody
/// published). `Display` writes the document's form: RFC 9557, `YYYY-MM-DD`,
/// `YYYY-MM`, or `unknown`.
///
/// ```
/// use diplomeet::Start;
///
/// let month = Start::InMonth { year: 2024, month: 5 };
/// assert_eq!(month.to_string(), "2024-05");
/// assert_eq!(month.date(), None);
/// assert_eq!(Start::Unknown.to_string(), "unknown");
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Start {
    /// A civil time in the meeting's zone, with its resolved offset.
    At(ZonedDateTime),
    /// A date with no time of day: in the meeting's zone, or, for a remote
    /// meeting with no zone, as the publishing side reported it.
    On(NaiveDate),
    /// A month alone ("in May 2024").
    InMonth {
        /// The year, 0000 to 9999.
        year: i32,
        /// The month, 1 to 12.
        month: u32,
    },
    /// The source gives no date.
    Unknown,
}

impl Start {
    /// The date, when one is known (at the venue, or in the zone the start
    /// is given in).
    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            Start::At(z) => Some(z.date()),
            Start::On(d) => Some(*d),
            Start::InMonth { .. } | Start::Unknown => None,
        }
    }

    /// The year, when known.
    pub fn year(&self) -> Option<i32> {
        match self {
            Start::At(z) => Some(z.date().year()),
            Start::On(d) => Some(d.year()),
            Start::InMonth { year, .. } => Some(*year),
            Start::Unknown => None,
        }
    }

    /// The resolved time, when a time of day is known.
    pub fn time(&self) -> Option<&ZonedDateTime> {
        match self {
            Start::At(z) => Some(z),
            _ => None,
        }
    }

    /// A date start, checked: years 0000 to 9999.
    pub(crate) fn checked_date(date: NaiveDate) -> Result<Start, Error> {
        match year_out_of_range(date) {
            None => Ok(Start::On(date)),
            Some(detail) => Err(Error::new(detail)),
        }
    }

    /// A month start, checked: years 0000 to 9999, months 1 to 12.
    pub(crate) fn checked_month(year: i32, month: u32) -> Result<Start, Error> {
        if (0..=9999).contains(&year) && (1..=12).contains(&month) {
            Ok(Start::InMonth { year, month })
        } else {
            Err(Error::new(Detail::OutOfRange {
                what: "month".to_owned(),
                value: format!("{year}-{month:02} (years run 0000 to 9999, months 1 to 12)"),
            }))
        }
    }
}

impl fmt::Display for Start {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Start::At(z) => write!(f, "{z}"),
            Start::On(d) => write!(f, "{d}"),
            Start::InMonth { year, month } => write!(f, "{year:04}-{month:02}"),
            Start::Unknown => f.write_str("unknown"),
        }
    }
}

/// How the date of the start is known: stated in full, with the year taken
/// from the publication date, or from a relative phrase ("met today")
/// resolved against the publication date, which is kept. `Display` is prose.
///
/// ```
/// use diplomeet::DateBasis;
///
/// let today = DateBasis::Relative { phrase: "today".into(), published: "2024-03-01".parse()? };
/// assert_eq!(today.to_string(), "\"today\", published 2024-03-01");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum DateBasis {
    /// The source states the date (the default).
    #[default]
    Stated,
    /// The source states day and month; the year is the publication's.
    YearInferred {
        /// The publication date the year was taken from.
        published: NaiveDate,
    },
    /// A relative phrase resolved against the publication date.
    Relative {
        /// The phrase, as the source writes it ("today", "yesterday", "this
        /// morning").
        phrase: String,
        /// The publication date it was resolved against.
        published: NaiveDate,
    },
}

impl DateBasis {
    /// Checks the basis's own fields into `out`, under `path` (`date_basis`,
    /// or empty for a basis alone): the phrase's text and the publication's
    /// year. Returns the publication date, when the basis has one.
    pub(crate) fn check(&self, l: &Limits, out: &mut Collector, path: &str) -> Option<NaiveDate> {
        let at = |field: &str| match path {
            "" => field.to_owned(),
            p => format!("{p}.{field}"),
        };
        let published = match self {
            DateBasis::Stated => None,
            DateBasis::YearInferred { published } => Some(*published),
            DateBasis::Relative { phrase, published } => {
                l.check_text(out, &at("phrase"), "relative date", TextClass::Name, phrase);
                Some(*published)
            }
        };
        if let Some(d) = published.and_then(year_out_of_range) {
            out.push(&at("published"), d);
        }
        published
    }
}

impl fmt::Display for DateBasis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateBasis::Stated => f.write_str("stated"),
            DateBasis::YearInferred { published } => {
                write!(f, "year from the publication, {published}")
            }
            DateBasis::Relative { phrase, published } => {
                write!(f, "{phrase:?}, published {published}")
            }
        }
    }
}
