//! Windows time-zone names ("Tokyo Standard Time", as Outlook and Microsoft
//! Graph write them) to IANA zones, through CLDR's `windowsZones` table
//! (generated into `windows_data.rs` by `tools/gen_windows_zones.py`).

use std::cmp::Ordering;

use chrono_tz::Tz;

use super::windows_data::{CLDR_VERSION, WINDOWS_ZONES};

/// Compares ASCII case-insensitively, as the table is sorted.
fn cmp_folded(a: &str, b: &str) -> Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

/// The rows of one Windows name (any case), in territory order.
fn rows(name: &str) -> &'static [(&'static str, &'static str, &'static [&'static str])] {
    let name = name.trim();
    let start = WINDOWS_ZONES.partition_point(|(w, _, _)| cmp_folded(w, name) == Ordering::Less);
    let end = WINDOWS_ZONES.partition_point(|(w, _, _)| cmp_folded(w, name) != Ordering::Greater);
    WINDOWS_ZONES.get(start..end).unwrap_or_default()
}

/// The IANA zone CLDR gives a Windows time-zone name by default (its
/// territory `001`), or `None` for a name CLDR does not list. The name is
/// matched without regard to ASCII case.
///
/// Cost: a binary search over CLDR's 500 rows.
///
/// ```
/// use diplomeet::ical::windows_zone;
///
/// assert_eq!(windows_zone("Tokyo Standard Time"), Some(chrono_tz::Asia::Tokyo));
/// assert_eq!(windows_zone("Pacific Standard Time"), Some(chrono_tz::America::Los_Angeles));
/// assert_eq!(windows_zone("W. Europe Standard Time"), Some(chrono_tz::Europe::Berlin));
/// assert_eq!(windows_zone("Mars Standard Time"), None);
/// ```
pub fn windows_zone(name: &str) -> Option<Tz> {
    windows_zone_in(name, "001")
}

/// The IANA zone CLDR gives a Windows time-zone name in a territory (an
/// ISO 3166-1 alpha-2 code, any case): "Pacific Standard Time" is
/// `America/Vancouver` in `CA` and `America/Los_Angeles` by default. A
/// territory CLDR does not list for that name gives the default (`001`).
///
/// Cost: a binary search over CLDR's 500 rows, then the name's rows.
///
/// ```
/// use diplomeet::ical::windows_zone_in;
///
/// assert_eq!(windows_zone_in("Pacific Standard Time", "CA"), Some(chrono_tz::America::Vancouver));
/// assert_eq!(windows_zone_in("Pacific Standard Time", "us"), Some(chrono_tz::America::Los_Angeles));
/// assert_eq!(windows_zone_in("Pacific Standard Time", "JP"), Some(chrono_tz::America::Los_Angeles));
/// assert_eq!(windows_zone_in("Romance Standard Time", "FR"), Some(chrono_tz::Europe::Paris));
/// ```
pub fn windows_zone_in(name: &str, territory: &str) -> Option<Tz> {
    let rows = rows(name);
    let row = rows
        .iter()
        .find(|(_, t, _)| t.eq_ignore_ascii_case(territory.trim()))
        .or_else(|| rows.iter().find(|(_, t, _)| *t == "001"))?;
    row.2.first().and_then(|z| z.parse().ok())
}

/// Every row of CLDR's table: the Windows name, the territory (`001` for
/// the default, `ZZ` for the Etc/GMT fallback) and the IANA zone names, the
/// first of which is the one [`windows_zone_in`] gives. For tools and tests
/// that check the table (every zone is one chrono-tz knows).
///
/// ```
/// use diplomeet::ical::windows_zone_table;
///
/// let tokyo = windows_zone_table().find(|(name, territory, _)| *name == "Tokyo Standard Time" && *territory == "001");
/// assert_eq!(tokyo.map(|(_, _, zones)| zones), Some(&["Asia/Tokyo"][..]));
/// assert!(windows_zone_table().count() >= 500);
/// ```
pub fn windows_zone_table()
-> impl ExactSizeIterator<Item = (&'static str, &'static str, &'static [&'static str])> + Clone {
    WINDOWS_ZONES.iter().copied()
}

/// The CLDR release of the table ("48.2.0").
///
/// ```
/// assert_eq!(diplomeet::ical::windows_zones_cldr_version(), "48.2.0");
/// ```
pub fn windows_zones_cldr_version() -> &'static str {
    CLDR_VERSION
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_case_and_every_row_parses() {
        assert_eq!(
            windows_zone("tokyo standard time"),
            Some(chrono_tz::Asia::Tokyo)
        );
        for (name, territory, zones) in windows_zone_table() {
            assert!(!zones.is_empty(), "{name} {territory}");
            for z in zones {
                assert!(z.parse::<Tz>().is_ok(), "{name} {territory}: {z}");
            }
            assert!(windows_zone(name).is_some(), "{name}");
        }
    }
}
