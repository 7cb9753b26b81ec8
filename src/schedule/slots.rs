//! [`SlotSearch`]: when can these ministers meet, inside everyone's working
//! hours if possible, and if not, why not and what is the least bad time.

use std::collections::BinaryHeap;
use std::fmt;

use chrono::{DateTime, Datelike, TimeDelta, Utc};
use chrono_tz::Tz;

use super::calendar::{Busy, Calendar};
use super::hours::{Span, WorkingHours, merge};
use super::itinerary::{Itinerary, LocalClock};
use crate::error::{Collector, Detail, Error};
use crate::limits::Limits;
use crate::minister::Minister;
use crate::time::{ZonedDateTime, format_duration};

/// One participant of a search: a minister, their working hours (default:
/// [`WorkingHours::default_for`] their country) and their itinerary
/// (default: always at home, in [`Minister::home_zone`]).
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use chrono::{NaiveTime, Weekday};
/// use diplomeet::schedule::{Attendee, Itinerary, WorkingHours};
/// use diplomeet::{Country, Minister, PersonName, Portfolio, Post};
///
/// let name = PersonName::builder().given("Yoko").surname("Kamikawa").build()?;
/// let minister = Minister::builder(name, Country::from_code("JP")?)
///     .post(Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?)
///     .build()?;
/// let seven = NaiveTime::from_hms_opt(7, 0, 0).ok_or("time")?;
/// let ten = NaiveTime::from_hms_opt(22, 0, 0).ok_or("time")?;
/// let hours = WorkingHours::builder().days([Weekday::Mon, Weekday::Tue], seven, ten).build()?;
/// let attendee = Attendee::new(minister).hours(hours).itinerary(Itinerary::new());
/// assert_eq!(attendee.minister().id(), "jp-yoko-kamikawa");
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendee {
    minister: Minister,
    hours: Option<WorkingHours>,
    itinerary: Itinerary,
}

impl Attendee {
    /// A participant with the default hours of their country, at home.
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
    /// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
    /// let attendee = Attendee::new(minister("Yoko", "Kamikawa", "JP")?);
    /// assert_eq!(attendee.working_hours().to_string(), "Mon–Fri 09:00–18:00");
    /// # Ok(()) }
    /// ```
    pub fn new(minister: Minister) -> Attendee {
        Attendee {
            minister,
            hours: None,
            itinerary: Itinerary::new(),
        }
    }

    /// Sets the working hours.
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
    /// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
    /// let attendee = Attendee::new(minister("Yoko", "Kamikawa", "JP")?).hours(WorkingHours::always());
    /// assert_eq!(attendee.working_hours(), WorkingHours::always());
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn hours(mut self, hours: WorkingHours) -> Attendee {
        self.hours = Some(hours);
        self
    }

    /// Sets the itinerary: the hours are then read where the minister is.
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
    /// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
    /// let day = chrono::NaiveDate::from_ymd_opt(2023, 11, 14).ok_or("date")?;
    /// let trip = Itinerary::builder().stay("San Francisco", chrono_tz::America::Los_Angeles, day, day).build()?;
    /// let search = SlotSearch::builder()
    ///     .attendee(Attendee::new(minister("Yoko", "Kamikawa", "JP")?).itinerary(trip))
    ///     .window(at(14, 0, 0)?, at(15, 0, 0)?)
    ///     .duration(half_hour)
    ///     .build()?;
    /// // Tokyo's Tuesday until the stay starts (00:00 PST, 08:00 UTC), then
    /// // Tuesday 09:00-18:00 in San Francisco.
    /// let tokyo = (at(14, 0, 0)?, at(14, 8, 0)?);
    /// let san_francisco = (at(14, 17, 0)?, at(15, 0, 0)?);
    /// assert_eq!(search.working_hours_utc()[0].intervals(), [tokyo, san_francisco]);
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn itinerary(mut self, itinerary: Itinerary) -> Attendee {
        self.itinerary = itinerary;
        self
    }

    /// The minister.
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
    /// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
    /// let attendee = Attendee::new(minister("Yoko", "Kamikawa", "JP")?);
    /// assert_eq!(attendee.minister().id(), "jp-yoko-kamikawa");
    /// # Ok(()) }
    /// ```
    pub fn minister(&self) -> &Minister {
        &self.minister
    }

    /// The working hours: those set, else the default of the minister's
    /// country.
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
    /// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
    /// let saudi = Attendee::new(minister("Faisal", "Al Saud", "SA")?);
    /// assert_eq!(saudi.working_hours(), WorkingHours::default_for(&Country::from_code("SA")?));
    /// # Ok(()) }
    /// ```
    pub fn working_hours(&self) -> WorkingHours {
        self.hours
            .clone()
            .unwrap_or_else(|| WorkingHours::default_for(self.minister.country()))
    }
}

/// Builds a [`SlotSearch`]; see [`SlotSearch::builder`]. It borrows the
/// calendars it is given until [`build`](Self::build).
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
/// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
/// let builder: SlotSearchBuilder<'_> = SlotSearch::builder();
/// let search = builder
///     .participant(minister("Yoko", "Kamikawa", "JP")?)
///     .window(at(20, 0, 0)?, at(21, 0, 0)?)
///     .duration(half_hour)
///     .build()?;
/// assert_eq!(search.search().reason(), None);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct SlotSearchBuilder<'c> {
    attendees: Vec<Attendee>,
    window: Option<Span>,
    duration: Option<TimeDelta>,
    step: TimeDelta,
    calendars: Vec<&'c Calendar>,
    busy: Vec<(Option<String>, DateTime<Utc>, DateTime<Utc>)>,
    limit: usize,
}

impl<'c> SlotSearchBuilder<'c> {
    /// Adds a participant with the default hours of their country, at home.
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
    /// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
    /// let search = SlotSearch::builder()
    ///     .participant(minister("Yoko", "Kamikawa", "JP")?)
    ///     .participant(minister("Jin", "Park", "KR")?)
    ///     .window(at(20, 0, 0)?, at(21, 0, 0)?)
    ///     .duration(half_hour)
    ///     .build()?;
    /// assert_eq!(search.working_hours_utc().len(), 2);
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn participant(self, minister: Minister) -> Self {
        self.attendee(Attendee::new(minister))
    }

    /// Adds a participant with their own hours or itinerary.
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
    /// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
    /// let search = SlotSearch::builder()
    ///     .attendee(Attendee::new(minister("Yoko", "Kamikawa", "JP")?).hours(WorkingHours::always()))
    ///     .window(at(20, 0, 0)?, at(21, 0, 0)?)
    ///     .duration(half_hour)
    ///     .build()?;
    /// assert_eq!(search.working_hours_utc()[0].intervals(), [(at(20, 0, 0)?, at(21, 0, 0)?)]);
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn attendee(mut self, attendee: Attendee) -> Self {
        self.attendees.push(attendee);
        self
    }

    /// Sets the window `[from, to)`: every slot starts at or after `from`
    /// and ends at or before `to`. Candidate starts are `from + k × step`.
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
    /// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
    /// let result = SlotSearch::builder()
    ///     .attendee(Attendee::new(minister("Yoko", "Kamikawa", "JP")?).hours(WorkingHours::always()))
    ///     .window(at(20, 0, 0)?, at(20, 1, 0)?)
    ///     .duration(half_hour)
    ///     .build()?
    ///     .search();
    /// let mut starts: Vec<_> = result.slots().iter().map(|s| s.start()).collect();
    /// starts.sort();
    /// assert_eq!(starts, [at(20, 0, 0)?, at(20, 0, 15)?, at(20, 0, 30)?]);
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn window(mut self, from: DateTime<Utc>, to: DateTime<Utc>) -> Self {
        self.window = Some((from, to));
        self
    }

    /// Sets the duration of the meeting sought: positive, at most 24 hours.
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
    /// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
    /// let err = SlotSearch::builder()
    ///     .participant(minister("Yoko", "Kamikawa", "JP")?)
    ///     .window(at(20, 0, 0)?, at(21, 0, 0)?)
    ///     .duration(TimeDelta::try_hours(25).ok_or("hours")?)
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!((err.kind(), err.path()), (diplomeet::ErrorKind::DurationOutOfRange, "duration"));
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn duration(mut self, duration: TimeDelta) -> Self {
        self.duration = Some(duration);
        self
    }

    /// Sets the distance between candidate starts: at least one minute, at
    /// most 24 hours (default 15 minutes). It may be longer than the window:
    /// the window's start is then the only candidate.
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
    /// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
    /// let result = SlotSearch::builder()
    ///     .attendee(Attendee::new(minister("Yoko", "Kamikawa", "JP")?).hours(WorkingHours::always()))
    ///     .window(at(20, 0, 0)?, at(20, 2, 0)?)
    ///     .duration(half_hour)
    ///     .step(TimeDelta::try_hours(1).ok_or("hour")?)
    ///     .build()?
    ///     .search();
    /// assert_eq!(result.slots().len(), 2);
    /// let too_long = SlotSearch::builder()
    ///     .participant(minister("Yoko", "Kamikawa", "JP")?)
    ///     .window(at(20, 0, 0)?, at(21, 0, 0)?)
    ///     .duration(half_hour)
    ///     .step(TimeDelta::try_hours(25).ok_or("hours")?)
    ///     .build();
    /// assert_eq!(too_long.unwrap_err().path(), "step");
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn step(mut self, step: TimeDelta) -> Self {
        self.step = step;
        self
    }

    /// Adds a calendar: each participant is busy during every meeting of it
    /// that they take part in (by minister id).
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
    /// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
    /// use diplomeet::{Meeting, Venue};
    /// use diplomeet::time::parse_civil;
    /// let (kamikawa, park) = (minister("Yoko", "Kamikawa", "JP")?, minister("Jin", "Park", "KR")?);
    /// let talks = Meeting::builder("Talks")
    ///     .venue(Venue::new("Tokyo", Country::from_code("JP")?, chrono_tz::Asia::Tokyo)?)
    ///     .starts_at(parse_civil("2023-11-20T09:00")?)
    ///     .duration(TimeDelta::try_hours(1).ok_or("hour")?)
    ///     .participant(kamikawa.clone())
    ///     .participant(park)
    ///     .build()?;
    /// let calendar: Calendar = [talks].into_iter().collect();
    /// let result = SlotSearch::builder()
    ///     .participant(kamikawa)
    ///     .window(at(20, 0, 0)?, at(21, 0, 0)?)
    ///     .duration(half_hour)
    ///     .calendar(&calendar)
    ///     .build()?
    ///     .search();
    /// // 09:00-10:00 JST is taken: the first slot is at 10:00 JST.
    /// assert_eq!(result.best().ok_or("no slot")?.start(), at(20, 1, 0)?);
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn calendar(mut self, calendar: &'c Calendar) -> Self {
        self.calendars.push(calendar);
        self
    }

    /// Adds a busy block `[start, end)` for the participant with this
    /// minister id.
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
    /// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
    /// let kamikawa = minister("Yoko", "Kamikawa", "JP")?;
    /// let result = SlotSearch::builder()
    ///     .participant(kamikawa.clone())
    ///     .window(at(20, 0, 0)?, at(21, 0, 0)?)
    ///     .duration(half_hour)
    ///     .busy(kamikawa.id(), at(20, 0, 0)?, at(20, 2, 0)?)
    ///     .build()?
    ///     .search();
    /// assert_eq!(result.best().ok_or("no slot")?.start(), at(20, 2, 0)?);
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn busy(mut self, minister_id: &str, start: DateTime<Utc>, end: DateTime<Utc>) -> Self {
        self.busy.push((Some(minister_id.to_owned()), start, end));
        self
    }

    /// Adds a busy block `[start, end)` for every participant.
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
    /// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
    /// let result = SlotSearch::builder()
    ///     .participant(minister("Yoko", "Kamikawa", "JP")?)
    ///     .participant(minister("Jin", "Park", "KR")?)
    ///     .window(at(20, 0, 0)?, at(21, 0, 0)?)
    ///     .duration(half_hour)
    ///     .busy_for_all(at(20, 0, 0)?, at(20, 3, 0)?)
    ///     .build()?
    ///     .search();
    /// assert_eq!(result.best().ok_or("no slot")?.start(), at(20, 3, 0)?);
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn busy_for_all(mut self, start: DateTime<Utc>, end: DateTime<Utc>) -> Self {
        self.busy.push((None, start, end));
        self
    }

    /// Sets how many slots the result keeps, the best first (default 10).
    /// The ranking is over every candidate, whatever the limit.
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
    /// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
    /// let result = SlotSearch::builder()
    ///     .participant(minister("Yoko", "Kamikawa", "JP")?)
    ///     .window(at(20, 0, 0)?, at(21, 0, 0)?)
    ///     .duration(half_hour)
    ///     .limit(3)
    ///     .build()?
    ///     .search();
    /// assert_eq!(result.slots().len(), 3);
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn limit(mut self, limit: usize) -> Self {
        self.limit = limit;
        self
    }

    /// Checks the question and prepares it: each participant's working
    /// intervals (following their itinerary) and busy time over the window.
    ///
    /// # Errors
    ///
    /// Every violation at once:
    /// * [`TooFew`](crate::ErrorKind::TooFew) /
    ///   [`TooMany`](crate::ErrorKind::TooMany) at `participants`: none, or
    ///   more than [`Limits::max_participants`];
    /// * [`Duplicate`](crate::ErrorKind::Duplicate) at `participants[i]`:
    ///   the same minister id twice;
    /// * [`Empty`](crate::ErrorKind::Empty) at `window` or `duration` when
    ///   not set;
    /// * [`InvalidValue`](crate::ErrorKind::InvalidValue) at `window` when
    ///   it does not start before it ends, at `busy[i]` for a block that
    ///   does not, at `limit` for a limit of 0;
    /// * [`DurationOutOfRange`](crate::ErrorKind::DurationOutOfRange) at
    ///   `window` (longer than [`SlotSearch::MAX_WINDOW_DAYS`] days),
    ///   `duration` (not positive, over 24 hours) or `step` (under one
    ///   minute, over 24 hours);
    /// * [`OutOfRange`](crate::ErrorKind::OutOfRange) at `window` outside
    ///   the years 0001–9998;
    /// * [`UnknownReference`](crate::ErrorKind::UnknownReference) at
    ///   `busy[i].minister` for a block of someone who is not a participant.
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
    /// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
    /// let err = SlotSearch::builder()
    ///     .participant(minister("Yoko", "Kamikawa", "JP")?)
    ///     .window(at(21, 0, 0)?, at(20, 0, 0)?)
    ///     .duration(half_hour)
    ///     .busy("nobody", at(20, 0, 0)?, at(20, 1, 0)?)
    ///     .build()
    ///     .unwrap_err();
    /// let found: Vec<&str> = err.violations().map(|v| v.path()).collect();
    /// assert_eq!(found, ["window", "busy[0].minister"]);
    /// # Ok(()) }
    /// ```
    pub fn build(self) -> Result<SlotSearch, Error> {
        let mut out = Collector::new();
        let limits = Limits::default();
        if self.attendees.is_empty() {
            out.push(
                "participants",
                Detail::TooFew {
                    what: "participants",
                    found: 0,
                    needed: 1,
                },
            );
        }
        limits.check_count(
            &mut out,
            "participants",
            "participants",
            self.attendees.len(),
            limits.max_participants(),
            "max_participants",
        );
        for (i, a) in self.attendees.iter().enumerate() {
            let id = a.minister.id();
            if self
                .attendees
                .get(..i)
                .unwrap_or_default()
                .iter()
                .any(|b| b.minister.id() == id)
            {
                out.push_at(
                    || format!("participants[{i}]"),
                    Detail::Duplicate {
                        what: "participant",
                        value: id.to_owned(),
                    },
                );
            }
        }
        match self.window {
            None => out.push("window", Detail::Empty { what: "window" }),
            Some((from, to)) => {
                if from >= to {
                    out.push(
                        "window",
                        Detail::InvalidValue {
                            what: "window",
                            value: format!("{from} to {to}"),
                            reason: "the start must be before the end".to_owned(),
                        },
                    );
                } else if to.signed_duration_since(from)
                    > TimeDelta::try_days(SlotSearch::MAX_WINDOW_DAYS).unwrap_or(TimeDelta::MAX)
                {
                    out.push(
                        "window",
                        Detail::DurationOutOfRange {
                            value: format!("{from} to {to}"),
                            reason: format!(
                                "a window is at most {} days long",
                                SlotSearch::MAX_WINDOW_DAYS
                            ),
                        },
                    );
                }
                for t in [from, to] {
                    if !(1..=9998).contains(&t.year()) {
                        out.push(
                            "window",
                            Detail::OutOfRange {
                                what: "window".to_owned(),
                                value: t.to_string(),
                            },
                        );
                    }
                }
            }
        }
        match self.duration {
            None => out.push("duration", Detail::Empty { what: "duration" }),
            Some(d)
                if d <= TimeDelta::zero()
                    || d > TimeDelta::try_days(1).unwrap_or(TimeDelta::MAX) =>
            {
                out.push(
                    "duration",
                    Detail::DurationOutOfRange {
                        value: format_duration(d),
                        reason: "a slot lasts more than zero and at most 24 hours".to_owned(),
                    },
                );
            }
            Some(_) => {}
        }
        if self.step < TimeDelta::try_minutes(1).unwrap_or(TimeDelta::MAX)
            || self.step > TimeDelta::try_days(1).unwrap_or(TimeDelta::MAX)
        {
            out.push(
                "step",
                Detail::DurationOutOfRange {
                    value: format_duration(self.step),
                    reason: "the step is at least one minute and at most 24 hours".to_owned(),
                },
            );
        }
        if self.limit == 0 {
            out.push(
                "limit",
                Detail::InvalidValue {
                    what: "limit",
                    value: "0".to_owned(),
                    reason: "at least one slot must be kept".to_owned(),
                },
            );
        }
        for (i, (who, start, end)) in self.busy.iter().enumerate() {
            if start >= end {
                out.push_at(
                    || format!("busy[{i}]"),
                    Detail::InvalidValue {
                        what: "busy block",
                        value: format!("{start} to {end}"),
                        reason: "the start must be before the end".to_owned(),
                    },
                );
            }
            if let Some(id) = who {
                if !self.attendees.iter().any(|a| a.minister.id() == id) {
                    out.push_at(
                        || format!("busy[{i}].minister"),
                        Detail::UnknownReference {
                            what: "busy block's minister",
                            id: crate::error::echo(id),
                        },
                    );
                }
            }
        }
        out.check()?;
        let (Some((from, to)), Some(duration)) = (self.window, self.duration) else {
            // Both were checked above.
            return Err(Error::new(Detail::Empty { what: "window" }));
        };

        let mut participants = Vec::with_capacity(self.attendees.len());
        for (i, a) in self.attendees.into_iter().enumerate() {
            let hours = a.working_hours();
            let home = a.minister.home_zone();
            let working = out.take_at(
                || format!("participants[{i}]"),
                hours.intervals_following(&a.itinerary, home, from, to),
            );
            let id = a.minister.id();
            let mut busy: Vec<Busy> = Vec::new();
            for cal in &self.calendars {
                busy.extend(cal.busy(id));
            }
            // Extra blocks belong to no meeting of a calendar.
            busy.extend(
                self.busy
                    .iter()
                    .filter(|(who, ..)| who.as_deref().is_none_or(|w| w == id))
                    .map(|(_, s, e)| Busy::new(*s, *e, usize::MAX)),
            );
            let busy: Vec<Span> = busy
                .iter()
                .filter(|b| b.start() < to && from < b.end())
                .map(|b| (b.start(), b.end()))
                .collect();
            participants.push(Prepared {
                id: id.to_owned(),
                home,
                itinerary: a.itinerary,
                working: working.unwrap_or_default(),
                busy: merge(busy),
            });
        }
        out.finish()?;
        Ok(SlotSearch {
            from,
            to,
            duration,
            step: self.step,
            limit: self.limit,
            participants,
        })
    }
}

/// A participant, ready for the search.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Prepared {
    id: String,
    home: Tz,
    itinerary: Itinerary,
    /// Sorted, disjoint, merged, clipped to the window.
    working: Vec<Span>,
    /// Sorted, disjoint, merged; only blocks that meet the window.
    busy: Vec<Span>,
}

/// A free-slot search: when can these participants meet for this long
/// within this window, without touching anyone's busy time, inside
/// everyone's working hours if possible?
///
/// # The question
///
/// * **Candidates** are the slots `[s, s + duration)` with
///   `s = from + k × step` (`k = 0, 1, ...`) that end by `to`.
/// * A candidate is **free** when it overlaps no participant's busy time
///   (meetings of the given calendars they take part in, and extra blocks);
///   intervals are half-open, so a slot may start when a meeting ends.
/// * Each participant's **working intervals** come from their
///   [`WorkingHours`], computed day by day in the zone they are in at each
///   instant (their [`Itinerary`], else their home zone). A candidate's
///   **time outside hours** is, summed over participants, the part of the
///   slot outside each one's working intervals; a slot is **inside
///   everyone's hours** when that sum is zero.
///
/// # The answer
///
/// [`search`](SlotSearch::search) ranks every free candidate, the ones
/// inside everyone's hours first, then by least total time outside hours,
/// then earliest, and keeps the first [`limit`](SlotSearchBuilder::limit)
/// as [`SlotResult::slots`]. So there are slots whenever some free time
/// exists, even when none of it suits everyone. When **no** slot is inside
/// everyone's hours, [`SlotResult::reason`] says why ([`NoFitReason`]),
/// the most fundamental reason first: the window is shorter than the
/// duration; the working hours never overlap for the duration (with each
/// participant's working intervals in UTC); they do, but no candidate start
/// on the step grid fits in their common time; every candidate is busy; or
/// the candidates in their common time are all busy.
///
/// # Cost
///
/// Busy time is merged per participant and across participants into free
/// intervals; only the step-aligned starts inside free intervals are
/// visited, and each one's time outside hours comes from prefix sums over
/// the sorted working intervals, with one forward cursor per participant:
/// O(participants) per visited candidate, and a heap of `limit` entries.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use chrono::{TimeDelta, TimeZone, Utc};
/// use diplomeet::schedule::{NoFitReason, SlotSearch};
/// use diplomeet::{Country, Minister, PersonName, Portfolio, Post};
///
/// let minister = |given: &str, surname: &str, code: &str| -> Result<Minister, diplomeet::Error> {
///     let name = PersonName::builder().given(given).surname(surname).build()?;
///     Minister::builder(name, Country::from_code(code)?)
///         .post(Post::new(Portfolio::ForeignAffairs, "Foreign Minister")?)
///         .build()
/// };
/// let from = Utc.with_ymd_and_hms(2023, 11, 20, 0, 0, 0).single().ok_or("instant")?;
/// let to = Utc.with_ymd_and_hms(2023, 11, 27, 0, 0, 0).single().ok_or("instant")?;
/// let result = SlotSearch::builder()
///     .participant(minister("Yoko", "Kamikawa", "JP")?)
///     .participant(minister("Alberto", "van Klaveren", "CL")?)
///     .window(from, to)
///     .duration(TimeDelta::try_minutes(30).ok_or("minutes")?)
///     .build()?
///     .search();
/// // Tokyo's 09:00-18:00 and Santiago's never meet: 12 hours apart.
/// assert!(matches!(result.reason(), Some(NoFitReason::NoCommonWorkingHours { .. })));
/// // The least bad slots are still offered.
/// let best = result.slots().first().ok_or("no slot")?;
/// assert!(!best.is_within_hours());
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotSearch {
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    duration: TimeDelta,
    step: TimeDelta,
    limit: usize,
    participants: Vec<Prepared>,
}

/// A forward cursor over sorted working intervals (in nanoseconds from the
/// window's start) with prefix sums: the working time before `t`, for
/// non-decreasing `t`.
struct Cursor<'a> {
    spans: &'a [(i64, i64)],
    /// `before[i]`: working time in `spans[..i]`, for `i` up to
    /// `spans.len()` included.
    before: &'a [i64],
    i: usize,
}

impl Cursor<'_> {
    fn worked_before(&mut self, t: i64) -> i64 {
        while self.spans.get(self.i).is_some_and(|(_, e)| *e <= t) {
            self.i += 1;
        }
        let done = self.before.get(self.i).copied().unwrap_or(0);
        match self.spans.get(self.i) {
            Some((s, _)) if *s < t => done.saturating_add(t.saturating_sub(*s)),
            _ => done,
        }
    }
}

impl SlotSearch {
    /// The longest window, in days.
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
    /// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
    /// let from = at(20, 0, 0)?;
    /// let to = from + TimeDelta::try_days(SlotSearch::MAX_WINDOW_DAYS + 1).ok_or("days")?;
    /// let err = SlotSearch::builder()
    ///     .participant(minister("Yoko", "Kamikawa", "JP")?)
    ///     .window(from, to)
    ///     .duration(half_hour)
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!((err.kind(), err.path()), (diplomeet::ErrorKind::DurationOutOfRange, "window"));
    /// # Ok(()) }
    /// ```
    pub const MAX_WINDOW_DAYS: i64 = 366;

    /// A builder with no participant, no window, no duration, a 15-minute
    /// step and a limit of 10 slots.
    ///
    /// ```
    /// use chrono::{TimeDelta, TimeZone, Utc};
    /// use diplomeet::ErrorKind;
    /// use diplomeet::schedule::SlotSearch;
    ///
    /// let from = Utc.with_ymd_and_hms(2023, 11, 20, 0, 0, 0).unwrap();
    /// let err = SlotSearch::builder()
    ///     .window(from, from)
    ///     .duration(TimeDelta::zero())
    ///     .build()
    ///     .unwrap_err();
    /// let kinds: Vec<(ErrorKind, &str)> = err.violations().map(|v| (v.kind(), v.path())).collect();
    /// assert_eq!(kinds, [
    ///     (ErrorKind::TooFew, "participants"),
    ///     (ErrorKind::InvalidValue, "window"),
    ///     (ErrorKind::DurationOutOfRange, "duration"),
    /// ]);
    /// ```
    pub fn builder<'c>() -> SlotSearchBuilder<'c> {
        SlotSearchBuilder {
            attendees: Vec::new(),
            window: None,
            duration: None,
            step: TimeDelta::try_minutes(15).unwrap_or(TimeDelta::MAX),
            calendars: Vec::new(),
            busy: Vec::new(),
            limit: 10,
        }
    }

    /// Each participant's working intervals within the window, in UTC, in
    /// the order participants were added.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::{TimeDelta, TimeZone, Utc};
    /// use diplomeet::schedule::SlotSearch;
    /// use diplomeet::{Country, Minister, PersonName, Portfolio, Post};
    ///
    /// let name = PersonName::builder().given("Yoko").surname("Kamikawa").build()?;
    /// let kamikawa = Minister::builder(name, Country::from_code("JP")?)
    ///     .post(Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?)
    ///     .build()?;
    /// let from = Utc.with_ymd_and_hms(2023, 11, 20, 0, 0, 0).single().ok_or("instant")?;
    /// let to = Utc.with_ymd_and_hms(2023, 11, 21, 0, 0, 0).single().ok_or("instant")?;
    /// let search = SlotSearch::builder()
    ///     .participant(kamikawa)
    ///     .window(from, to)
    ///     .duration(TimeDelta::try_minutes(30).ok_or("minutes")?)
    ///     .build()?;
    /// let hours = search.working_hours_utc();
    /// assert_eq!(hours[0].to_string(), "jp-yoko-kamikawa: Mon 2023-11-20 00:00–09:00 UTC");
    /// # Ok(()) }
    /// ```
    pub fn working_hours_utc(&self) -> Vec<ParticipantHours> {
        self.participants
            .iter()
            .map(|p| ParticipantHours {
                minister_id: p.id.clone(),
                intervals: p.working.clone(),
            })
            .collect()
    }

    /// Nanoseconds from the window's start, clamped to the window.
    fn offset(&self, t: DateTime<Utc>) -> i64 {
        t.clamp(self.from, self.to)
            .signed_duration_since(self.from)
            .num_nanoseconds()
            .unwrap_or(0)
    }

    /// The instant `ns` nanoseconds after the window's start (always within
    /// the window, so the addition cannot fail).
    fn instant(&self, ns: i64) -> DateTime<Utc> {
        self.from
            .checked_add_signed(TimeDelta::nanoseconds(ns))
            .unwrap_or(self.from)
    }

    /// Runs the search; see the type's docs for what is ranked and when a
    /// reason is given.
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
    /// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
    /// let result = SlotSearch::builder()
    ///     .participant(minister("Yoko", "Kamikawa", "JP")?)
    ///     .participant(minister("Jin", "Park", "KR")?)
    ///     .window(at(20, 0, 0)?, at(21, 0, 0)?)
    ///     .duration(half_hour)
    ///     .build()?
    ///     .search();
    /// // Tokyo and Seoul share a clock: Monday 09:00 is 00:00 UTC.
    /// assert_eq!(result.reason(), None);
    /// assert_eq!(result.best().ok_or("no slot")?.start(), at(20, 0, 0)?);
    /// # Ok(()) }
    /// ```
    pub fn search(&self) -> SlotResult {
        let window = self.offset(self.to);
        let d = self.duration.num_nanoseconds().unwrap_or(i64::MAX);
        let step = self.step.num_nanoseconds().unwrap_or(i64::MAX).max(1);
        if window < d {
            return SlotResult {
                slots: Vec::new(),
                reason: Some(NoFitReason::WindowTooShort {
                    window: self.to.signed_duration_since(self.from),
                    duration: self.duration,
                }),
            };
        }

        // Working intervals and their prefix sums, in nanoseconds.
        let working: Vec<Vec<(i64, i64)>> = self
            .participants
            .iter()
            .map(|p| {
                p.working
                    .iter()
                    .map(|(s, e)| (self.offset(*s), self.offset(*e)))
                    .collect()
            })
            .collect();
        let before: Vec<Vec<i64>> = working
            .iter()
            .map(|spans| {
                let mut acc: i64 = 0;
                let mut v: Vec<i64> = spans
                    .iter()
                    .map(|(s, e)| {
                        let b = acc;
                        acc = acc.saturating_add(e.saturating_sub(*s));
                        b
                    })
                    .collect();
                v.push(acc);
                v
            })
            .collect();
        let mut starts: Vec<Cursor<'_>> = Vec::with_capacity(working.len());
        let mut ends: Vec<Cursor<'_>> = Vec::with_capacity(working.len());
        for (spans, before) in working.iter().zip(&before) {
            starts.push(Cursor {
                spans,
                before,
                i: 0,
            });
            ends.push(Cursor {
                spans,
                before,
                i: 0,
            });
        }

        // Busy time of anyone, merged: the free intervals lie between.
        let all_busy = merge(
            self.participants
                .iter()
                .flat_map(|p| p.busy.iter().copied())
                .collect(),
        );
        let mut free: Vec<(i64, i64)> = Vec::with_capacity(all_busy.len() + 1);
        let mut at = 0;
        for (s, e) in &all_busy {
            let (s, e) = (self.offset(*s), self.offset(*e));
            if at < s {
                free.push((at, s));
            }
            at = at.max(e);
        }
        if at < window {
            free.push((at, window));
        }

        // Visit every free candidate; keep the best `limit` by
        // (time outside hours, start) in a max-heap. All the arithmetic is
        // on nanoseconds within the window (at most 366 days, about 2^55)
        // and durations of at most a day; it saturates or stops anyway.
        let n = i64::try_from(self.participants.len()).unwrap_or(i64::MAX);
        let mut heap: BinaryHeap<(i64, i64)> = BinaryHeap::new();
        for (a, b) in free {
            let Some(latest) = b.checked_sub(d) else {
                continue;
            };
            let mut next = first_start(a, step);
            while let Some(s) = next.filter(|s| *s <= latest) {
                let e = s.saturating_add(d);
                let mut inside: i64 = 0;
                for (cs, ce) in starts.iter_mut().zip(ends.iter_mut()) {
                    inside = inside
                        .saturating_add(ce.worked_before(e).saturating_sub(cs.worked_before(s)));
                }
                let outside = n.saturating_mul(d).saturating_sub(inside);
                if heap.len() < self.limit {
                    heap.push((outside, s));
                } else if heap.peek().is_some_and(|top| (outside, s) < *top) {
                    heap.pop();
                    heap.push((outside, s));
                }
                next = s.checked_add(step);
            }
        }

        let ranked = heap.into_sorted_vec();
        let slots: Vec<Slot> = ranked
            .iter()
            .map(|(_, s)| self.slot(*s, d, &working))
            .collect();
        let reason = if ranked.first().is_some_and(|(outside, _)| *outside == 0) {
            None
        } else {
            let common = common_time(&working, window);
            if !common.iter().any(|(a, b)| b.saturating_sub(*a) >= d) {
                Some(NoFitReason::NoCommonWorkingHours {
                    hours: self.working_hours_utc(),
                })
            } else if !common.iter().any(|(a, b)| {
                first_start(*a, step)
                    .and_then(|s| s.checked_add(d))
                    .is_some_and(|e| e <= *b)
            }) {
                Some(NoFitReason::CommonHoursOffGrid { step: self.step })
            } else if ranked.is_empty() {
                Some(NoFitReason::AllBusy)
            } else {
                Some(NoFitReason::CommonHoursBusy)
            }
        };
        SlotResult { slots, reason }
    }

    /// The slot starting `s` nanoseconds into the window, with every
    /// participant's clock.
    fn slot(&self, s: i64, d: i64, working: &[Vec<(i64, i64)>]) -> Slot {
        let e = s.saturating_add(d);
        let (start, end) = (self.instant(s), self.instant(e));
        let mut reference = None;
        let mut participants = Vec::with_capacity(self.participants.len());
        let mut total: i64 = 0;
        for (p, spans) in self.participants.iter().zip(working) {
            let inside: i64 = spans
                .iter()
                .map(|(a, b)| (*b).min(e).saturating_sub((*a).max(s)).max(0))
                .fold(0, i64::saturating_add);
            let outside = d.saturating_sub(inside);
            total = total.saturating_add(outside);
            let zone = p.itinerary.zone_at(start, p.home);
            let local = ZonedDateTime::from_instant(start, zone);
            let first_date = *reference.get_or_insert(local.date());
            let mut clock = LocalClock::new(
                local,
                Some(ZonedDateTime::from_instant(end, zone)),
                local.date().signed_duration_since(first_date).num_days(),
            );
            if let Some(stay) = p.itinerary.stay_at(start) {
                clock = clock.with_place(stay.place());
            }
            participants.push(ParticipantSlot {
                minister_id: p.id.clone(),
                clock,
                outside_hours: TimeDelta::nanoseconds(outside),
            });
        }
        Slot {
            start,
            end,
            outside_hours: TimeDelta::nanoseconds(total),
            participants,
        }
    }
}

/// The first candidate start at or after `a`: the least multiple of `step`
/// (positive) not below `a` (not negative); `None` past `i64::MAX`.
fn first_start(a: i64, step: i64) -> Option<i64> {
    let k = a.div_euclid(step);
    let s = k.checked_mul(step)?;
    if s < a { s.checked_add(step) } else { Some(s) }
}

/// The time inside everyone's working intervals, within `[0, window)`.
fn common_time(working: &[Vec<(i64, i64)>], window: i64) -> Vec<(i64, i64)> {
    let mut common: Vec<(i64, i64)> = vec![(0, window)];
    for spans in working {
        let mut next = Vec::new();
        let (mut i, mut j) = (0, 0);
        while let (Some(x), Some(y)) = (common.get(i), spans.get(j)) {
            let (s, e) = (x.0.max(y.0), x.1.min(y.1));
            if s < e {
                next.push((s, e));
            }
            if x.1 < y.1 {
                i += 1;
            } else {
                j += 1;
            }
        }
        common = next;
    }
    common
}

/// What a search found: the best free slots, and why none suits everyone
/// when that is so.
///
/// `reason()` is `None` exactly when the first slot is inside everyone's
/// working hours. `slots()` is empty exactly when no candidate is free:
/// the reason is then [`WindowTooShort`](NoFitReason::WindowTooShort),
/// [`AllBusy`](NoFitReason::AllBusy), or, being more fundamental,
/// [`NoCommonWorkingHours`](NoFitReason::NoCommonWorkingHours) or
/// [`CommonHoursOffGrid`](NoFitReason::CommonHoursOffGrid).
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
/// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
/// let result: SlotResult = SlotSearch::builder()
///     .participant(minister("Yoko", "Kamikawa", "JP")?)
///     .window(at(20, 0, 0)?, at(20, 1, 0)?)
///     .duration(half_hour)
///     .build()?
///     .search();
/// assert!(result.reason().is_none());
/// assert_eq!(result.slots().len(), 3);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SlotResult {
    slots: Vec<Slot>,
    reason: Option<NoFitReason>,
}

impl SlotResult {
    /// The best free slots, best first: inside everyone's hours, then least
    /// total time outside hours, then earliest.
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
    /// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
    /// let result = SlotSearch::builder()
    ///     .participant(minister("Yoko", "Kamikawa", "JP")?)
    ///     .window(at(19, 23, 0)?, at(20, 1, 0)?)
    ///     .duration(half_hour)
    ///     .build()?
    ///     .search();
    /// // Monday 08:00-09:00 in Tokyo is before the working day: 09:00 comes first.
    /// let starts: Vec<_> = result.slots().iter().map(|s| s.start()).collect();
    /// assert_eq!(starts[..3], [at(20, 0, 0)?, at(20, 0, 15)?, at(20, 0, 30)?]);
    /// # Ok(()) }
    /// ```
    pub fn slots(&self) -> &[Slot] {
        &self.slots
    }

    /// Why no slot lies inside everyone's working hours; `None` when the
    /// best one does.
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
    /// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
    /// let result = SlotSearch::builder()
    ///     .participant(minister("Yoko", "Kamikawa", "JP")?)
    ///     .window(at(19, 0, 0)?, at(19, 9, 0)?)
    ///     .duration(half_hour)
    ///     .build()?
    ///     .search();
    /// // Sunday in Tokyo: no working hours at all.
    /// assert!(matches!(result.reason(), Some(NoFitReason::NoCommonWorkingHours { .. })));
    /// # Ok(()) }
    /// ```
    pub fn reason(&self) -> Option<&NoFitReason> {
        self.reason.as_ref()
    }

    /// The best slot, if any.
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
    /// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
    /// let result = SlotSearch::builder()
    ///     .participant(minister("Yoko", "Kamikawa", "JP")?)
    ///     .window(at(20, 0, 0)?, at(21, 0, 0)?)
    ///     .duration(half_hour)
    ///     .build()?
    ///     .search();
    /// assert_eq!(result.best(), result.slots().first());
    /// # Ok(()) }
    /// ```
    pub fn best(&self) -> Option<&Slot> {
        self.slots.first()
    }
}

/// One free slot, with each participant's clock.
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
/// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
/// let result = SlotSearch::builder()
///     .participant(minister("Yoko", "Kamikawa", "JP")?)
///     .participant(minister("Alberto", "van Klaveren", "CL")?)
///     .window(at(20, 0, 0)?, at(21, 0, 0)?)
///     .duration(half_hour)
///     .build()?
///     .search();
/// let slot = result.best().ok_or("no slot")?;
/// // Monday 09:00 in Tokyo is Sunday 21:00 in Santiago.
/// assert_eq!((slot.start(), slot.end()), (at(20, 0, 0)?, at(20, 0, 30)?));
/// assert!(!slot.is_within_hours());
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Slot {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    outside_hours: TimeDelta,
    participants: Vec<ParticipantSlot>,
}

impl Slot {
    /// The first instant of the slot.
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
    /// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
    /// let result = SlotSearch::builder()
    ///     .participant(minister("Yoko", "Kamikawa", "JP")?)
    ///     .participant(minister("Alberto", "van Klaveren", "CL")?)
    ///     .window(at(20, 0, 0)?, at(21, 0, 0)?)
    ///     .duration(half_hour)
    ///     .build()?
    ///     .search();
    /// let slot = result.best().ok_or("no slot")?;
    /// assert_eq!(slot.start(), at(20, 0, 0)?);
    /// # Ok(()) }
    /// ```
    pub fn start(&self) -> DateTime<Utc> {
        self.start
    }

    /// The end of the slot (not included).
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
    /// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
    /// let result = SlotSearch::builder()
    ///     .participant(minister("Yoko", "Kamikawa", "JP")?)
    ///     .participant(minister("Alberto", "van Klaveren", "CL")?)
    ///     .window(at(20, 0, 0)?, at(21, 0, 0)?)
    ///     .duration(half_hour)
    ///     .build()?
    ///     .search();
    /// let slot = result.best().ok_or("no slot")?;
    /// assert_eq!(slot.end(), at(20, 0, 30)?);
    /// # Ok(()) }
    /// ```
    pub fn end(&self) -> DateTime<Utc> {
        self.end
    }

    /// The time outside working hours, summed over the participants.
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
    /// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
    /// let result = SlotSearch::builder()
    ///     .participant(minister("Yoko", "Kamikawa", "JP")?)
    ///     .participant(minister("Alberto", "van Klaveren", "CL")?)
    ///     .window(at(20, 0, 0)?, at(21, 0, 0)?)
    ///     .duration(half_hour)
    ///     .build()?
    ///     .search();
    /// let slot = result.best().ok_or("no slot")?;
    /// // Santiago's 30 minutes fall on a Sunday evening.
    /// assert_eq!(slot.outside_hours(), half_hour);
    /// # Ok(()) }
    /// ```
    pub fn outside_hours(&self) -> TimeDelta {
        self.outside_hours
    }

    /// Whether the slot lies inside everyone's working hours.
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
    /// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
    /// let result = SlotSearch::builder()
    ///     .participant(minister("Yoko", "Kamikawa", "JP")?)
    ///     .participant(minister("Alberto", "van Klaveren", "CL")?)
    ///     .window(at(20, 0, 0)?, at(21, 0, 0)?)
    ///     .duration(half_hour)
    ///     .build()?
    ///     .search();
    /// let slot = result.best().ok_or("no slot")?;
    /// assert!(!slot.is_within_hours());
    /// # Ok(()) }
    /// ```
    pub fn is_within_hours(&self) -> bool {
        self.outside_hours.is_zero()
    }

    /// Each participant's view, in the order they were added.
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
    /// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
    /// let result = SlotSearch::builder()
    ///     .participant(minister("Yoko", "Kamikawa", "JP")?)
    ///     .participant(minister("Alberto", "van Klaveren", "CL")?)
    ///     .window(at(20, 0, 0)?, at(21, 0, 0)?)
    ///     .duration(half_hour)
    ///     .build()?
    ///     .search();
    /// let slot = result.best().ok_or("no slot")?;
    /// let ids: Vec<&str> = slot.participants().iter().map(|p| p.minister_id()).collect();
    /// assert_eq!(ids, ["jp-yoko-kamikawa", "cl-alberto-van-klaveren"]);
    /// # Ok(()) }
    /// ```
    pub fn participants(&self) -> &[ParticipantSlot] {
        &self.participants
    }
}

/// One participant's view of a [`Slot`].
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
/// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
/// let result = SlotSearch::builder()
///     .participant(minister("Yoko", "Kamikawa", "JP")?)
///     .participant(minister("Alberto", "van Klaveren", "CL")?)
///     .window(at(20, 0, 0)?, at(21, 0, 0)?)
///     .duration(half_hour)
///     .build()?
///     .search();
/// let slot = result.best().ok_or("no slot")?;
/// let [tokyo, santiago] = slot.participants() else { return Err("two".into()) };
/// assert_eq!(tokyo.outside_hours(), TimeDelta::zero());
/// assert_eq!(santiago.clock().to_string(), "2023-11-19 21:00–21:30 -03 (America/Santiago, -1 day)");
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ParticipantSlot {
    minister_id: String,
    clock: LocalClock,
    outside_hours: TimeDelta,
}

impl ParticipantSlot {
    /// The minister's id.
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
    /// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
    /// let result = SlotSearch::builder()
    ///     .participant(minister("Yoko", "Kamikawa", "JP")?)
    ///     .participant(minister("Alberto", "van Klaveren", "CL")?)
    ///     .window(at(20, 0, 0)?, at(21, 0, 0)?)
    ///     .duration(half_hour)
    ///     .build()?
    ///     .search();
    /// let slot = result.best().ok_or("no slot")?;
    /// assert_eq!(slot.participants()[0].minister_id(), "jp-yoko-kamikawa");
    /// # Ok(()) }
    /// ```
    pub fn minister_id(&self) -> &str {
        &self.minister_id
    }

    /// The slot on the minister's clock: start and end in the zone where
    /// they are at the slot's start (their stay's, else home), and the day
    /// shift against the **first participant's** local date at the start
    /// (so always 0 for the first participant).
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
    /// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
    /// let result = SlotSearch::builder()
    ///     .participant(minister("Yoko", "Kamikawa", "JP")?)
    ///     .participant(minister("Alberto", "van Klaveren", "CL")?)
    ///     .window(at(20, 0, 0)?, at(21, 0, 0)?)
    ///     .duration(half_hour)
    ///     .build()?
    ///     .search();
    /// let slot = result.best().ok_or("no slot")?;
    /// let clock = slot.participants()[1].clock();
    /// assert_eq!(clock.zone().name(), "America/Santiago");
    /// assert_eq!(clock.day_shift(), -1);
    /// # Ok(()) }
    /// ```
    pub fn clock(&self) -> &LocalClock {
        &self.clock
    }

    /// The part of the slot outside this minister's working hours.
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
    /// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
    /// let result = SlotSearch::builder()
    ///     .participant(minister("Yoko", "Kamikawa", "JP")?)
    ///     .participant(minister("Alberto", "van Klaveren", "CL")?)
    ///     .window(at(20, 0, 0)?, at(21, 0, 0)?)
    ///     .duration(half_hour)
    ///     .build()?
    ///     .search();
    /// let slot = result.best().ok_or("no slot")?;
    /// assert_eq!(slot.participants()[1].outside_hours(), half_hour);
    /// # Ok(()) }
    /// ```
    pub fn outside_hours(&self) -> TimeDelta {
        self.outside_hours
    }
}

/// Why no slot lies inside everyone's working hours.
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
/// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
/// let search = SlotSearch::builder()
///     .participant(minister("Yoko", "Kamikawa", "JP")?)
///     .window(at(20, 0, 0)?, at(21, 0, 0)?)
///     .duration(half_hour)
///     .build()?;
/// let hours: Vec<ParticipantHours> = search.working_hours_utc();
/// assert_eq!(hours[0].to_string(), "jp-yoko-kamikawa: Mon 2023-11-20 00:00–09:00 UTC");
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ParticipantHours {
    minister_id: String,
    intervals: Vec<Span>,
}

impl ParticipantHours {
    /// The minister's id.
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
    /// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
    /// let search = SlotSearch::builder()
    ///     .participant(minister("Yoko", "Kamikawa", "JP")?)
    ///     .window(at(20, 0, 0)?, at(21, 0, 0)?)
    ///     .duration(half_hour)
    ///     .build()?;
    /// let hours: Vec<ParticipantHours> = search.working_hours_utc();
    /// assert_eq!(hours[0].minister_id(), "jp-yoko-kamikawa");
    /// # Ok(()) }
    /// ```
    pub fn minister_id(&self) -> &str {
        &self.minister_id
    }

    /// The working intervals `[start, end)`, sorted and disjoint.
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
    /// # let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
    /// let search = SlotSearch::builder()
    ///     .participant(minister("Yoko", "Kamikawa", "JP")?)
    ///     .window(at(20, 0, 0)?, at(21, 0, 0)?)
    ///     .duration(half_hour)
    ///     .build()?;
    /// let hours: Vec<ParticipantHours> = search.working_hours_utc();
    /// assert_eq!(hours[0].intervals(), [(at(20, 0, 0)?, at(20, 9, 0)?)]);
    /// # Ok(()) }
    /// ```
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
