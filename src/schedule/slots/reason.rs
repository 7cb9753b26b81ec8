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
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use chrono::{TimeDelta, TimeZone, Utc};
/// use diplomeet::schedule::{NoFitReason, SlotSearch};
/// use diplomeet::{Country, Minister, PersonName, Portfolio, Post};
///
/// let name = PersonName::builder().given("Yoko").surname("Kamikawa").build()?;
/// let kamikawa = Minister::builder(name, Country::from_code("JP")?)
///     .post(Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?)
///     .build()?;
/// let from = Utc.with_ymd_and_hms(2023, 11, 20, 0, 0, 0).single().ok_or("instant")?;
/// let to = Utc.with_ymd_and_hms(2023, 11, 20, 0, 20, 0).single().ok_or("instant")?;
/// let result = SlotSearch::builder()
///     .participant(kamikawa)
///     .window(from, to)
///     .duration(TimeDelta::try_minutes(30).ok_or("minutes")?)
///     .build()?
///     .search();
/// assert!(result.slots().is_empty());
/// let reason = result.reason().ok_or("no reason")?;
/// assert!(matches!(reason, NoFitReason::WindowTooShort { .. }));
/// assert_eq!(reason.to_string(), "the window (PT20M) is shorter than the duration (PT30M)");
/// # Ok(()) }
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum NoFitReason {
    /// The window is shorter than the duration: there is no candidate at
    /// all. See the enum's example.
    #[non_exhaustive]
    WindowTooShort {
        /// The window's length.
        window: TimeDelta,
        /// The duration sought.
        duration: TimeDelta,
    },
    /// Every candidate overlaps someone's busy time (no slot at all), though
    /// some candidate lies inside everyone's working hours.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # use chrono::{TimeDelta, TimeZone, Utc};
    /// # use diplomeet::{Country, Minister, PersonName, Portfolio, Post};
    /// use diplomeet::schedule::{NoFitReason, SlotSearch};
    /// # let name = PersonName::builder().given("Yoko").surname("Kamikawa").build()?;
    /// # let kamikawa = Minister::builder(name, Country::from_code("JP")?)
    /// #     .post(Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?)
    /// #     .build()?;
    /// let at = |h| Utc.with_ymd_and_hms(2023, 11, 20, h, 0, 0).single().ok_or("instant");
    /// // Monday 09:00-13:00 in Tokyo, all of it busy.
    /// let result = SlotSearch::builder()
    ///     .participant(kamikawa)
    ///     .window(at(0)?, at(4)?)
    ///     .duration(TimeDelta::try_minutes(30).ok_or("minutes")?)
    ///     .busy_for_all(at(0)?, at(4)?)
    ///     .build()?
    ///     .search();
    /// assert_eq!(result.reason(), Some(&NoFitReason::AllBusy));
    /// assert!(result.slots().is_empty());
    /// # Ok(()) }
    /// ```
    AllBusy,
    /// The working hours have no common stretch as long as the duration in
    /// the window (for one participant: no stretch of working time that
    /// long), busy or not, whatever the step.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # use chrono::{TimeDelta, TimeZone, Utc};
    /// # use diplomeet::{Country, Minister, PersonName, Portfolio, Post};
    /// use diplomeet::schedule::{NoFitReason, SlotSearch};
    /// # let minister = |given: &str, surname: &str, code: &str| -> Result<Minister, diplomeet::Error> {
    /// #     let name = PersonName::builder().given(given).surname(surname).build()?;
    /// #     Minister::builder(name, Country::from_code(code)?)
    /// #         .post(Post::new(Portfolio::ForeignAffairs, "Foreign Minister")?)
    /// #         .build()
    /// # };
    /// let at = |d| Utc.with_ymd_and_hms(2023, 11, d, 0, 0, 0).single().ok_or("instant");
    /// // Tokyo and Santiago, 12 hours apart: 09:00-18:00 never meets.
    /// let result = SlotSearch::builder()
    ///     .participant(minister("Yoko", "Kamikawa", "JP")?)
    ///     .participant(minister("Alberto", "van Klaveren", "CL")?)
    ///     .window(at(20)?, at(21)?)
    ///     .duration(TimeDelta::try_minutes(30).ok_or("minutes")?)
    ///     .build()?
    ///     .search();
    /// let Some(NoFitReason::NoCommonWorkingHours { hours, .. }) = result.reason() else {
    ///     return Err("another reason".into());
    /// };
    /// assert_eq!(hours.len(), 2);
    /// # Ok(()) }
    /// ```
    #[non_exhaustive]
    NoCommonWorkingHours {
        /// Each participant's working intervals within the window, in UTC.
        hours: Vec<ParticipantHours>,
    },
    /// The working hours have common stretches as long as the duration, but
    /// no candidate start (the window's start plus a multiple of the step)
    /// lets a slot fit inside one: a smaller step, or a window that starts
    /// elsewhere, would.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # use chrono::{TimeDelta, TimeZone, Utc};
    /// # use diplomeet::{Country, Minister, PersonName, Portfolio, Post};
    /// use diplomeet::schedule::{NoFitReason, SlotSearch};
    /// # let name = PersonName::builder().given("Yoko").surname("Kamikawa").build()?;
    /// # let kamikawa = Minister::builder(name, Country::from_code("JP")?)
    /// #     .post(Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?)
    /// #     .build()?;
    /// let at = |d, h| Utc.with_ymd_and_hms(2023, 11, d, h, 0, 0).single().ok_or("instant");
    /// // From Monday 21:00 in Tokyo, one candidate a day: always at 21:00.
    /// let result = SlotSearch::builder()
    ///     .participant(kamikawa)
    ///     .window(at(20, 12)?, at(22, 12)?)
    ///     .duration(TimeDelta::try_minutes(30).ok_or("minutes")?)
    ///     .step(TimeDelta::try_days(1).ok_or("day")?)
    ///     .build()?
    ///     .search();
    /// let Some(NoFitReason::CommonHoursOffGrid { step, .. }) = result.reason() else {
    ///     return Err("another reason".into());
    /// };
    /// assert_eq!(step.num_hours(), 24);
    /// assert_eq!(result.slots().len(), 2);
    /// # Ok(()) }
    /// ```
    #[non_exhaustive]
    CommonHoursOffGrid {
        /// The step between candidate starts.
        step: TimeDelta,
    },
    /// Some candidates lie inside everyone's working hours, but each of them
    /// overlaps someone's busy time; other candidates are free.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # use chrono::{TimeDelta, TimeZone, Utc};
    /// # use diplomeet::{Country, Minister, PersonName, Portfolio, Post};
    /// use diplomeet::schedule::{NoFitReason, SlotSearch};
    /// # let name = PersonName::builder().given("Yoko").surname("Kamikawa").build()?;
    /// # let kamikawa = Minister::builder(name, Country::from_code("JP")?)
    /// #     .post(Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?)
    /// #     .build()?;
    /// let at = |h| Utc.with_ymd_and_hms(2023, 11, 20, h, 0, 0).single().ok_or("instant");
    /// // Monday in Tokyo: busy through the working day, free in the evening.
    /// let result = SlotSearch::builder()
    ///     .participant(kamikawa)
    ///     .window(at(0)?, at(12)?)
    ///     .duration(TimeDelta::try_minutes(30).ok_or("minutes")?)
    ///     .busy_for_all(at(0)?, at(9)?)
    ///     .build()?
    ///     .search();
    /// assert_eq!(result.reason(), Some(&NoFitReason::CommonHoursBusy));
    /// assert_eq!(result.best().ok_or("no slot")?.start(), at(9)?);
    /// # Ok(()) }
    /// ```
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
