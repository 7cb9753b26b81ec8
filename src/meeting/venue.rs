//! [`Venue`]: a place, its country and its zone.

use std::fmt;

use chrono_tz::Tz;

use crate::country::Country;
use crate::error::{Collector, Detail, Error};
use crate::limits::{Limits, TextClass};

/// Where an in-person meeting takes place: a place, its country and its
/// IANA zone, which must be one of the country's zones.
///
/// ```
/// use diplomeet::{Country, Venue};
///
/// # fn main() -> Result<(), diplomeet::Error> {
/// let sf = Venue::new("San Francisco", Country::from_code("US")?, chrono_tz::America::Los_Angeles)?;
/// assert_eq!(sf.place(), "San Francisco");
/// assert!(Venue::new("San Francisco", Country::from_code("JP")?, chrono_tz::America::Los_Angeles).is_err());
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Venue {
    place: String,
    country: Country,
    zone: Tz,
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
        out.finish()?;
        Ok(Venue {
            place,
            country,
            zone,
        })
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
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}, {} ({})",
            self.place,
            self.country.name(),
            self.zone.name()
        )
    }
}
