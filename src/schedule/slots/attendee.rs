//! [`Attendee`]: one participant of a slot search.

use super::super::hours::WorkingHours;
use super::super::itinerary::Itinerary;
use crate::minister::Minister;

/// One participant of a search: a minister, their working hours (default:
/// [`WorkingHours::default_for`] their country) and their itinerary
/// (default: always at home, in [`Minister::home_zone`]), whose stays move
/// the clock the hours are read on.
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
/// let at_home = Attendee::new(minister.clone());
/// assert_eq!(at_home.working_hours().to_string(), "Mon–Fri 09:00–18:00");
/// let seven = NaiveTime::from_hms_opt(7, 0, 0).ok_or("time")?;
/// let ten = NaiveTime::from_hms_opt(22, 0, 0).ok_or("time")?;
/// let hours = WorkingHours::builder().days([Weekday::Mon, Weekday::Tue], seven, ten).build()?;
/// let attendee = Attendee::new(minister).hours(hours.clone()).itinerary(Itinerary::new());
/// assert_eq!(attendee.minister().id(), "jp-yoko-kamikawa");
/// assert_eq!(attendee.working_hours(), hours);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendee {
    pub(super) minister: Minister,
    hours: Option<WorkingHours>,
    pub(super) itinerary: Itinerary,
}

impl Attendee {
    /// A participant with the default hours of their country, at home.
    #[must_use]
    pub fn new(minister: Minister) -> Attendee {
        Attendee {
            minister,
            hours: None,
            itinerary: Itinerary::new(),
        }
    }

    /// Sets the working hours.
    #[must_use]
    pub fn hours(mut self, hours: WorkingHours) -> Attendee {
        self.hours = Some(hours);
        self
    }

    /// Sets the itinerary: the hours are then read where the minister is
    /// (see [`SlotSearch::working_hours_utc`](super::SlotSearch::working_hours_utc)
    /// for an example).
    #[must_use]
    pub fn itinerary(mut self, itinerary: Itinerary) -> Attendee {
        self.itinerary = itinerary;
        self
    }

    /// The working hours given, if any (else the country's default).
    #[cfg(feature = "serde")]
    pub(crate) fn hours_given(&self) -> Option<&WorkingHours> {
        self.hours.as_ref()
    }

    /// The itinerary given (empty when none was).
    #[cfg(feature = "serde")]
    pub(crate) fn itinerary_given(&self) -> &Itinerary {
        &self.itinerary
    }

    /// The minister.
    pub fn minister(&self) -> &Minister {
        &self.minister
    }

    /// The working hours: those set, else the default of the minister's
    /// country.
    pub fn working_hours(&self) -> WorkingHours {
        self.hours
            .clone()
            .unwrap_or_else(|| WorkingHours::default_for(self.minister.country()))
    }
}
