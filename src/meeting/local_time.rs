//! [`LocalTime`]: a meeting on one clock, and the instants it is computed
//! from.

use std::fmt;

use chrono::{DateTime, NaiveDate, Offset, TimeDelta};
use chrono_tz::Tz;

use crate::error::Error;
use crate::minister::Minister;
use crate::time::ZonedDateTime;

/// A participant's view of the meeting on their own clock.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LocalTime<'m> {
    participant: Option<&'m Minister>,
    start: DateTime<Tz>,
    end: Option<DateTime<Tz>>,
    day_shift: i64,
}

impl<'m> LocalTime<'m> {
    /// The participant; `None` for a clock asked for by zone
    /// ([`Meeting::local_time_in`](crate::Meeting::local_time_in)).
    pub fn participant(&self) -> Option<&'m Minister> {
        self.participant
    }

    /// The zone of this clock.
    pub fn zone(&self) -> Tz {
        self.start.timezone()
    }

    /// The start on this clock.
    pub fn start(&self) -> ZonedDateTime {
        ZonedDateTime::from(self.start)
    }

    /// The end on this clock, when the meeting has a duration.
    pub fn end(&self) -> Option<ZonedDateTime> {
        self.end.map(ZonedDateTime::from)
    }

    /// Days between the venue's date and this clock's date at the start:
    /// `+1` for Tokyo in the seed meeting (09:00 on November 14 against
    /// 16:00 on November 13 in San Francisco), `0` for Santiago.
    pub fn day_shift(&self) -> i64 {
        self.day_shift
    }
}

impl fmt::Display for LocalTime<'_> {
    /// `2023-11-14 09:00 JST (UTC+09:00, Asia/Tokyo, +1 day)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {} (UTC{}, {}",
            self.start.date_naive(),
            self.start.time().format("%H:%M"),
            self.start.offset(),
            self.start.offset().fix(),
            self.zone().name()
        )?;
        match self.day_shift {
            0 => f.write_str(")"),
            1 => f.write_str(", +1 day)"),
            -1 => f.write_str(", -1 day)"),
            n => write!(f, ", {n:+} days)"),
        }
    }
}

/// A meeting's instants and its date in its own zone: derived from the
/// start and the duration when the meeting is built, kept so that rendering
/// on many clocks costs only the zone lookups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct Instants {
    date: NaiveDate,
    start: DateTime<chrono::Utc>,
    end: Option<DateTime<chrono::Utc>>,
}

impl Instants {
    /// The instants of a start and a duration.
    ///
    /// # Errors
    ///
    /// An end out of range.
    pub(super) fn of(
        start: &ZonedDateTime,
        duration: Option<TimeDelta>,
    ) -> Result<Instants, Error> {
        let end = match duration {
            Some(d) => Some(start.checked_add(d)?.instant()),
            None => None,
        };
        Ok(Instants {
            date: start.date(),
            start: start.instant(),
            end,
        })
    }

    /// The meeting on the clock of `zone`: two zone lookups, nothing else.
    pub(super) fn on_clock<'m>(
        &self,
        participant: Option<&'m Minister>,
        zone: Tz,
    ) -> LocalTime<'m> {
        let start = self.start.with_timezone(&zone);
        LocalTime {
            participant,
            start,
            end: self.end.map(|e| e.with_timezone(&zone)),
            day_shift: start
                .date_naive()
                .signed_duration_since(self.date)
                .num_days(),
        }
    }
}
