//! [`ParticipantHours`]: a participant's working intervals in the window.

use std::fmt;

use chrono::{DateTime, Utc};

use super::super::hours::Span;

/// A participant's working intervals, in UTC: made by
/// [`SlotSearch::working_hours_utc`](super::SlotSearch::working_hours_utc),
/// which has an example, and given by
/// [`NoFitReason::NoCommonWorkingHours`](super::NoFitReason::NoCommonWorkingHours).
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
