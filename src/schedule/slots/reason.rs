//! [`NoFitReason`]: why no slot suits everyone.

use std::fmt;

use chrono::TimeDelta;

use super::participant_hours::ParticipantHours;
use crate::time::format_duration;

/// Why no slot lies inside everyone's working hours.
///
/// Some reasons carry data (each participant's hours, the step), so the
/// `Display` is a sentence in prose, not a code.
///
/// When several reasons hold, the one given is the most fundamental, the
/// one that must be fixed first, in this order: the window is too short;
/// the working hours have no common stretch as long as the duration (so
/// clearing calendars would not help); they have one, but the step grid
/// misses it (so a smaller step would help); every candidate is busy; the
/// candidates inside everyone's hours are all busy.
///
/// ```
/// use chrono::{TimeDelta, TimeZone, Utc};
/// use diplomeet::schedule::{NoFitReason, SlotSearch};
/// use diplomeet::{Country, Minister, PersonName, Portfolio, Post};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let minister = |given: &str, surname: &str, code: &str| -> Result<Minister, diplomeet::Error> {
///     let name = PersonName::builder().given(given).surname(surname).build()?;
///     let post = Post::new(Portfolio::ForeignAffairs, "Foreign Minister")?;
///     Minister::builder(name, Country::from_code(code)?).post(post).build()
/// };
/// let kamikawa = minister("Yoko", "Kamikawa", "JP")?;
/// // Monday 20 November 2023, in UTC; Kamikawa works 09:00-18:00 in Tokyo,
/// // 00:00-09:00 UTC.
/// let at = |d, h, m| Utc.with_ymd_and_hms(2023, 11, d, h, m, 0).single().ok_or("instant");
/// let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
/// let search = || SlotSearch::builder().participant(kamikawa.clone()).duration(half_hour);
///
/// // 20 minutes for a 30-minute meeting: no candidate at all.
/// let result = search().window(at(20, 0, 0)?, at(20, 0, 20)?).build()?.search();
/// assert!(result.slots().is_empty());
/// let reason = result.reason().ok_or("no reason")?;
/// assert!(matches!(reason, NoFitReason::WindowTooShort { .. }));
/// assert_eq!(reason.to_string(), "the window (PT20M) is shorter than the duration (PT30M)");
///
/// // Monday 09:00-13:00 in Tokyo, all of it busy.
/// let result = search()
///     .window(at(20, 0, 0)?, at(20, 4, 0)?)
///     .busy_for_all(at(20, 0, 0)?, at(20, 4, 0)?)
///     .build()?
///     .search();
/// assert_eq!(result.reason(), Some(&NoFitReason::AllBusy));
/// assert!(result.slots().is_empty());
///
/// // Busy through the working day, free in the evening.
/// let result = search()
///     .window(at(20, 0, 0)?, at(20, 12, 0)?)
///     .busy_for_all(at(20, 0, 0)?, at(20, 9, 0)?)
///     .build()?
///     .search();
/// assert_eq!(result.reason(), Some(&NoFitReason::CommonHoursBusy));
/// assert_eq!(result.best().ok_or("no slot")?.start(), at(20, 9, 0)?);
///
/// // From Monday 21:00 in Tokyo, one candidate a day: always at 21:00.
/// let result = search()
///     .window(at(20, 12, 0)?, at(22, 12, 0)?)
///     .step(TimeDelta::try_days(1).ok_or("day")?)
///     .build()?
///     .search();
/// let Some(NoFitReason::CommonHoursOffGrid { step, .. }) = result.reason() else {
///     return Err("another reason".into());
/// };
/// assert_eq!(step.num_hours(), 24);
/// assert_eq!(result.slots().len(), 2);
///
/// // Tokyo and Santiago, 12 hours apart: 09:00-18:00 never meets.
/// let result = search()
///     .participant(minister("Alberto", "van Klaveren", "CL")?)
///     .window(at(20, 0, 0)?, at(21, 0, 0)?)
///     .build()?
///     .search();
/// let Some(NoFitReason::NoCommonWorkingHours { hours, .. }) = result.reason() else {
///     return Err("another reason".into());
/// };
/// let [tokyo, santiago] = hours.as_slice() else { return Err("two".into()) };
/// assert_eq!(tokyo.to_string(), "jp-yoko-kamikawa: Mon 2023-11-20 00:00–09:00 UTC");
/// assert_eq!(santiago.to_string(), "cl-alberto-van-klaveren: Mon 2023-11-20 12:00–21:00 UTC");
/// # Ok(())
/// # }
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum NoFitReason {
    /// The window is shorter than the duration: there is no candidate at
    /// all.
    #[non_exhaustive]
    WindowTooShort {
        /// The window's length.
        window: TimeDelta,
        /// The duration sought.
        duration: TimeDelta,
    },
    /// Every candidate overlaps someone's busy time (no slot at all), though
    /// some candidate lies inside everyone's working hours.
    AllBusy,
    /// The working hours have no common stretch as long as the duration in
    /// the window (for one participant: no stretch of working time that
    /// long), busy or not, whatever the step.
    #[non_exhaustive]
    NoCommonWorkingHours {
        /// Each participant's working intervals within the window, in UTC.
        hours: Vec<ParticipantHours>,
    },
    /// The working hours have common stretches as long as the duration, but
    /// no candidate start (the window's start plus a multiple of the step)
    /// lets a slot fit inside one: a smaller step, or a window that starts
    /// elsewhere, would.
    #[non_exhaustive]
    CommonHoursOffGrid {
        /// The step between candidate starts.
        step: TimeDelta,
    },
    /// Some candidates lie inside everyone's working hours, but each of them
    /// overlaps someone's busy time; other candidates are free.
    CommonHoursBusy,
}

impl fmt::Display for NoFitReason {
    /// One lowercase sentence; for
    /// [`NoCommonWorkingHours`](NoFitReason::NoCommonWorkingHours), followed
    /// by each participant's hours in UTC.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoFitReason::WindowTooShort { window, duration } => write!(
                f,
                "the window ({}) is shorter than the duration ({})",
                format_duration(*window),
                format_duration(*duration)
            ),
            NoFitReason::AllBusy => {
                f.write_str("every candidate slot overlaps someone's busy time")
            }
            NoFitReason::NoCommonWorkingHours { hours } => {
                if hours.len() == 1 {
                    f.write_str("the working hours hold no stretch as long as the duration")?;
                } else {
                    f.write_str("the working hours never overlap for the duration")?;
                }
                for h in hours {
                    write!(f, "; {h}")?;
                }
                Ok(())
            }
            NoFitReason::CommonHoursOffGrid { step } => write!(
                f,
                "no candidate start (every {} from the window's start) lets a slot fit inside everyone's working hours, though they leave room for one",
                format_duration(*step)
            ),
            NoFitReason::CommonHoursBusy => {
                f.write_str("the working hours overlap, but all their common time is busy")
            }
        }
    }
}
