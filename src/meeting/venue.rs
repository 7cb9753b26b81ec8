//! [`Venue`]: a place, its country and its zone.

use std::fmt;

use chrono_tz::Tz;

use crate::country::Country;
use crate::error::{Collector, Detail, Error};
use crate::limits::{Limits, TextClass};

use super::PlaceBasis;

/// Where an in-person meeting takes place: a place, its country and its
/// IANA zone, which must be one of the country's zones; whether the source
/// names the place or it is inferred from the occasion; and, for a meeting
/// on a party's premises abroad (its embassy), whose premises they are (that
/// party hosts, it does not visit a third location).
///
/// ```
/// use diplomeet::{Country, PlaceBasis, Venue};
///
/// # fn main() -> Result<(), diplomeet::Error> {
/// let sf = Venue::new("San Francisco", Country::from_code("US")?, chrono_tz::America::Los_Angeles)?;
/// assert_eq!(sf.place(), "San Francisco");
/// assert_eq!(sf.basis(), PlaceBasis::Named);
/// assert!(Venue::new("San Francisco", Country::from_code("JP")?, chrono_tz::America::Los_Angeles).is_err());
///
/// let embassy = Venue::new("Embassy of Japan, Washington", Country::from_code("US")?, chrono_tz::America::New_York)?
///     .on_premises_of(Country::from_code("JP")?);
/// assert_eq!(embassy.premises_of().map(|c| c.code()), Some("JP"));
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Venue {
    place: String,
    country: Country,
    zone: Tz,
    basis: PlaceBasis,
    premises_of: Option<Country>,
}

impl Venue {
    /// A venue; `zone` must be one of `country`'s zones.
    ///
    /// # Errors
    ///
    /// A blank or over-long place ([`Limits::default`]), or a zone that is
    /// not the country's ([`ErrorKind::ZoneNotInCountry`](crate::ErrorKind::ZoneNotInCountry)).
    pub fn new(place: impl Into<String>, country: Country, zone: Tz) -> Result<Venue, Error> {
        Venue::checked(place.into(), country, zone, &Limits::default())
    }

    pub(crate) fn checked(
        place: String,
        country: Country,
        zone: Tz,
        limits: &Limits,
    ) -> Result<Venue, Error> {
        let mut out = Collector::new();
        limits.check_text(&mut out, "place", "place", TextClass::Name, &place);
        if !country.has_zone(zone) {
            out.push(
                "zone",
                Detail::ZoneNotInCountry {
                    zone: zone.name().to_owned(),
                    country: {
                        let zones: Vec<&str> = country.zones().iter().map(|z| z.name()).collect();
                        format!(
                            "{} ({}), which are: {}",
                            country.name(),
                            country.alpha2(),
                            zones.join(", ")
                        )
                    },
                },
            );
        }
        out.finish_value(Venue {
            place,
            country,
            zone,
            basis: PlaceBasis::Named,
            premises_of: None,
        })
    }

    /// A venue the source names only by its country ("met in Germany"):
    /// the place is the country's short name and the basis
    /// [`PlaceBasis::Country`]; `zone` must be one of the country's.
    ///
    /// # Errors
    ///
    /// As [`Venue::new`].
    pub fn in_country(country: Country, zone: Tz) -> Result<Venue, Error> {
        let place = country.name().to_owned();
        Ok(Venue::new(place, country, zone)?.with_basis(PlaceBasis::Country))
    }

    /// The same venue, with how its place is known.
    #[must_use]
    pub fn with_basis(mut self, basis: PlaceBasis) -> Venue {
        self.basis = basis;
        self
    }

    /// The same venue, on the premises of a party (its embassy or mission).
    #[must_use]
    pub fn on_premises_of(mut self, party: Country) -> Venue {
        self.premises_of = Some(party);
        self
    }

    /// Whether the source names the place or it is inferred.
    pub fn basis(&self) -> PlaceBasis {
        self.basis
    }

    /// Whose premises the venue is on, if a party's.
    pub fn premises_of(&self) -> Option<&Country> {
        self.premises_of.as_ref()
    }

    /// The place ("San Francisco").
    pub fn place(&self) -> &str {
        &self.place
    }

    /// The country the venue is in.
    pub fn country(&self) -> &Country {
        &self.country
    }

    /// The venue's IANA zone.
    pub fn zone(&self) -> Tz {
        self.zone
    }
}

impl fmt::Display for Venue {
    /// "San Francisco, United States (America/Los_Angeles)"; a venue named
    /// only by its country is "Germany (Europe/Berlin)".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.basis == PlaceBasis::Country {
            return write!(f, "{} ({})", self.country.name(), self.zone.name());
        }
        write!(
            f,
            "{}, {} ({})",
            self.place,
            self.country.name(),
            self.zone.name()
        )
    }
}
