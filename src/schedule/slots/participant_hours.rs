//! [`ParticipantHours`]: a participant's working intervals in the window.

use std::fmt;

use chrono::{DateTime, Utc};

use super::super::hours::Span;

/// A participant's working intervals, in UTC.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # use chrono::{TimeDelta, TimeZone, Utc};
/// # use diplomeet::{Country, Minister, PersonName, Portfolio, Post};
/// # use diplomeet::schedule::*;
/// # let minister = |given: &str, surname: &str, code: &str| -> Result<Minister, diplomeet::Error> {
/// #     let name = PersonName::builder().given(given).surname(surname).build()?;
/// #     Minister::builder(name, Country::from_code(code)?)
/// #         .post(Post::new(Portfolio::ForeignAffairs, "Foreign Minister")?)
/// #         .build()
/// # };
/// # let at = |d, h, m| Utc.with_ymd_and_hms(2023, 11, d, h, m, 0).single().ok_or("instant");
/// let search = SlotSearch::builder()
///     .participant(minister("Yoko", "Kamikawa", "JP")?)
///     .window(at(20, 0, 0)?, at(21, 0, 0)?)
///     .duration(TimeDelta::try_minutes(30).ok_or("minutes")?)
///     .build()?;
/// let hours: Vec<ParticipantHours> = search.working_hours_utc();
/// assert_eq!(hours[0].minister_id(), "jp-yoko-kamikawa");
/// assert_eq!(hours[0].intervals(), [(at(20, 0, 0)?, at(20, 9, 0)?)]);
/// assert_eq!(hours[0].to_string(), "jp-yoko-kamikawa: Mon 2023-11-20 00:00–09:00 UTC");
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ParticipantHours {
    pub(super) minister_id: String,
    pub(super) intervals: Vec<Span>,
}

impl ParticipantHours {
    /// The minister's id.
    pub fn minister_id(&self) -> &str {
        &self.minister_id
    }

    /// The working intervals `[start, end)`, sorted and disjoint.
    pub fn intervals(&self) -> &[(DateTime<Utc>, DateTime<Utc>)] {
        &self.intervals
    }
}

impl fmt::Display for ParticipantHours {
    /// `jp-kamikawa-yoko: Mon 2023-11-20 00:00–09:00 UTC, ...`; an interval
    /// ending on a later date gives the end's date too.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:", self.minister_id)?;
        if self.intervals.is_empty() {
            return f.write_str(" no working hours");
        }
        for (i, (s, e)) in self.intervals.iter().enumerate() {
            f.write_str(if i == 0 { " " } else { ", " })?;
            write!(f, "{}", s.format("%a %Y-%m-%d %H:%M"))?;
            if e.date_naive() == s.date_naive() {
                write!(f, "–{} UTC", e.format("%H:%M"))?;
            } else {
                write!(f, "–{} UTC", e.format("%a %Y-%m-%d %H:%M"))?;
            }
        }
        Ok(())
    }
}
