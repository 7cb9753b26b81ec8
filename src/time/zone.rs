//! Time-zone names: [`parse_zone`].

use chrono_tz::Tz;

use crate::error::{Detail, Error, echo};

/// The longest name [`parse_zone`] looks up; every IANA name is far shorter.
const MAX_ZONE_NAME: usize = 64;

/// Looks up an IANA time-zone name (`"America/Los_Angeles"`) in the tz database
/// that chrono-tz embeds (release 2025b).
///
/// The name must match exactly, case included, as chrono-tz spells it; links
/// such as `"US/Eastern"` are accepted as their own zones. An empty name or one
/// over 64 bytes is refused without a lookup.
///
/// # Errors
///
/// [`ErrorKind::UnknownZone`](crate::ErrorKind::UnknownZone), naming the input.
///
/// ```
/// use diplomeet::time::parse_zone;
///
/// let tokyo = parse_zone("Asia/Tokyo")?;
/// assert_eq!(tokyo.name(), "Asia/Tokyo");
/// assert!(parse_zone("asia/tokyo").is_err());
/// # Ok::<(), diplomeet::Error>(())
/// ```
pub fn parse_zone(name: &str) -> Result<Tz, Error> {
    if name.is_empty() || name.len() > MAX_ZONE_NAME {
        return Err(unknown(name));
    }
    name.parse::<Tz>().map_err(|_| unknown(name))
}

fn unknown(name: &str) -> Error {
    Error::new(Detail::UnknownZone(echo(name)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn exact_names_only() {
        assert_eq!(parse_zone("Europe/Paris").unwrap(), Tz::Europe__Paris);
        assert_eq!(parse_zone("UTC").unwrap(), Tz::UTC);
        for bad in [
            "",
            "europe/paris",
            "Europe/Paris ",
            "Mars/Olympus",
            "Europe/Zürich",
            &"A".repeat(65),
        ] {
            let e = parse_zone(bad).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::UnknownZone);
        }
        assert!(
            parse_zone("Mars/Olympus")
                .unwrap_err()
                .to_string()
                .contains("\"Mars/Olympus\"")
        );
    }
}
