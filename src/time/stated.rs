//! [`StatedTime`]: a time as a readout states it ("9:00 a.m. on November 14
//! JST"), with its zone given by IANA name, abbreviation or offset. Checking
//! one against a meeting is [`Meeting::check_stated`](crate::Meeting::check_stated).

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, FixedOffset, NaiveDateTime, Timelike};
use chrono_tz::Tz;

use crate::error::{Detail, Error, echo};
use crate::time::{parse_civil, parse_zone};

/// The longest abbreviation read as one ("CHADT" has five letters).
const MAX_ABBREVIATION: usize = 6;

/// The zone of a [`StatedTime`]: an IANA name, or an abbreviation to resolve
/// among the meeting's zones.
///
/// ```
/// use diplomeet::schedule::{StatedTime, StatedZone};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let named: StatedTime = "2023-11-14T09:00 Asia/Tokyo".parse()?;
/// assert_eq!(named.zone(), &StatedZone::Named(chrono_tz::Asia::Tokyo));
/// let numeric: StatedTime = "2023-11-13T21:00 UTC-3".parse()?;
/// let minus_three = chrono::FixedOffset::west_opt(3 * 3600).ok_or("offset")?;
/// assert_eq!(numeric.zone(), &StatedZone::Offset(minus_three));
/// assert_eq!(numeric.zone().to_string(), "-03:00");
/// # Ok(())
/// # }
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum StatedZone {
    /// An IANA zone (`Asia/Tokyo`), or `UTC` / `GMT`: used as given, whether
    /// or not the meeting involves it.
    Named(Tz),
    /// An abbreviation (`JST`, `CEST`, `SGT`), resolved by
    /// [`Meeting::check_stated`](crate::Meeting::check_stated) among the zones the meeting involves.
    Abbreviation(String),
    /// A numeric offset (`+09`, `+0900`, `+09:00`, `UTC+9`, `GMT-3`,
    /// `UTC+5:30`, and tzdata's numeric abbreviations such as `-03`): it
    /// names an instant whatever the zone's letters are.
    Offset(FixedOffset),
    /// No zone stated ("from 20:20" alone): checked against the start's
    /// civil time in the meeting's own zone.
    Unstated,
}

impl fmt::Display for StatedZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StatedZone::Named(tz) => f.write_str(tz.name()),
            StatedZone::Abbreviation(a) => f.write_str(a),
            StatedZone::Offset(o) => write!(f, "{o}"),
            StatedZone::Unstated => Ok(()),
        }
    }
}

/// A time as a readout states it: a civil time and a zone, given by IANA name
/// or by abbreviation ("9:00 a.m. on November 14 JST").
///
/// Its text form is the civil time as [`parse_civil`] reads it (`HH:MM`, or
/// `HH:MM:SS` when seconds matter), then, when the source states one, one
/// or more spaces and the zone:
///
/// * an IANA name: `2023-11-14T09:00:00 Asia/Tokyo`;
/// * `UTC` or `GMT`, or `Z` for UTC (written back as `UTC`);
/// * a numeric offset: `+09`, `+0900`, `+09:00`, `UTC+9`, `GMT+9`,
///   `UTC-3`, `UTC+5:30` (tzdata's numeric abbreviations, `-03` or
///   `+0530`, are of this form). It names an instant: it agrees with the
///   meeting when the stated civil time at that offset is the start,
///   whatever letters the meeting's zones use;
/// * an abbreviation of two to six ASCII letters (`JST`, `PST`, `CEST`,
///   `ChST`): one that tzdata gives one of the meeting's zones, or one of
///   the table below, which holds the abbreviations ministries write for
///   zones that tzdata names by number. A token in capitals is always read
///   as an abbreviation, even where an IANA zone has that name (`EST`,
///   `CET`): readouts mean the clock of a place, not a fixed-offset zone.
///
/// The civil time may be `24:00` (or `24:00:00`), the end of that day, as
/// readouts sometimes write midnight: `2023-11-13T24:00` is
/// `2023-11-14T00:00`.
///
/// Abbreviations read beside tzdata's (their sources are in
/// `src/schedule/abbreviations.rs`):
///
/// | abbreviation | offset | zones |
/// |---|---|---|
/// | `SGT` | +08:00 | Asia/Singapore |
/// | `MYT` | +08:00 | Asia/Kuala_Lumpur, Asia/Kuching |
/// | `BNT` | +08:00 | Asia/Brunei |
/// | `ULAT` | +08:00 | Asia/Ulaanbaatar |
/// | `ICT` | +07:00 | Asia/Bangkok, Asia/Ho_Chi_Minh, Asia/Phnom_Penh, Asia/Vientiane |
/// | `MMT` | +06:30 | Asia/Yangon |
/// | `BDT` | +06:00 | Asia/Dhaka |
/// | `NPT` | +05:45 | Asia/Kathmandu |
/// | `UZT` | +05:00 | Asia/Tashkent, Asia/Samarkand |
/// | `AFT` | +04:30 | Asia/Kabul |
/// | `GST` | +04:00 | Asia/Dubai, Asia/Muscat (Gulf) |
/// | `GET`, `AMT`, `AZT` | +04:00 | Asia/Tbilisi, Asia/Yerevan, Asia/Baku |
/// | `IRST` | +03:30 | Asia/Tehran |
/// | `AST` | +03:00 | Asia/Riyadh, Asia/Kuwait, Asia/Qatar, Asia/Bahrain, Asia/Aden, Asia/Baghdad (Arabia; tzdata's `AST` is Atlantic, -04:00) |
/// | `TRT` | +03:00 | Europe/Istanbul |
/// | `FJT`, `TOT` | +12:00, +13:00 | Pacific/Fiji, Pacific/Tongatapu |
/// | `CLT`, `CLST` | -04:00, -03:00 | America/Santiago (winter, summer) |
/// | `BRT` | -03:00 | America/Sao_Paulo and Brazil's other -03:00 zones |
/// | `ART` | -03:00 | America/Argentina/Buenos_Aires, Cordoba, Mendoza |
/// | `UYT`, `PYT` | -03:00 | America/Montevideo, America/Asuncion |
/// | `BOT`, `VET` | -04:00 | America/La_Paz, America/Caracas |
/// | `PET`, `COT`, `ECT` | -05:00 | America/Lima, America/Bogota, America/Guayaquil |
/// | `GST` | -02:00 | Atlantic/South_Georgia |
///
/// An abbreviation that two of the meeting's zones use with different
/// offsets (`GST` for a meeting of the Gulf and South Georgia, `CST` for
/// Chicago and Shanghai) is refused as ambiguous.
///
/// ```
/// use diplomeet::schedule::{StatedTime, StatedZone};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let jst: StatedTime = "2023-11-14T09:00 JST".parse()?;
/// assert_eq!(jst.civil(), diplomeet::time::parse_civil("2023-11-14T09:00")?);
/// assert_eq!(jst.zone(), &StatedZone::Abbreviation("JST".into()));
/// assert!(!jst.has_seconds()); // checked to the minute
/// assert_eq!(jst.to_string(), "2023-11-14T09:00 JST");
///
/// // Seconds given, even zero, must match too.
/// let santiago: StatedTime = "2023-11-13T21:00:00 America/Santiago".parse()?;
/// assert_eq!(santiago.zone(), &StatedZone::Named(chrono_tz::America::Santiago));
/// assert!(santiago.has_seconds());
///
/// let utc: StatedTime = "2023-11-14T00:00 Z".parse()?;
/// assert_eq!(utc.zone(), &StatedZone::Named(chrono_tz::UTC));
///
/// // No zone stated: checked against the meeting's own clock.
/// let bare: StatedTime = "2023-11-14T09:00".parse()?;
/// assert_eq!(bare.zone(), &StatedZone::Unstated);
/// assert_eq!(bare.to_string(), "2023-11-14T09:00");
/// assert!("2023-11-14T09:00 JST extra".parse::<StatedTime>().is_err());
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StatedTime {
    civil: NaiveDateTime,
    seconds: bool,
    zone: StatedZone,
}

impl StatedTime {
    /// The stated civil time (seconds zero when none were given).
    pub fn civil(&self) -> NaiveDateTime {
        self.civil
    }

    /// Whether seconds were given: then they must match too; otherwise the
    /// check is to the minute.
    pub fn has_seconds(&self) -> bool {
        self.seconds
    }

    /// The stated zone.
    pub fn zone(&self) -> &StatedZone {
        &self.zone
    }
}

/// Writes `civil` as `YYYY-MM-DDTHH:MM`, with seconds (and a fraction when
/// non-zero) when `seconds` is set.
pub(crate) struct Civil(pub(crate) NaiveDateTime, pub(crate) bool);

impl fmt::Display for Civil {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Civil(c, seconds) = *self;
        write!(f, "{}", c.format("%Y-%m-%dT%H:%M"))?;
        if seconds {
            write!(f, ":{:02}", c.second())?;
            let nano = c.nanosecond() % 1_000_000_000;
            if nano != 0 {
                let digits = format!("{nano:09}");
                write!(f, ".{}", digits.trim_end_matches('0'))?;
            }
        }
        Ok(())
    }
}

impl fmt::Display for StatedTime {
    /// `2023-11-14T09:00 JST`: the civil time (seconds when given) and the
    /// zone, when one was stated, which [`FromStr`] reads back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.zone {
            StatedZone::Unstated => write!(f, "{}", Civil(self.civil, self.seconds)),
            _ => write!(f, "{} {}", Civil(self.civil, self.seconds), self.zone),
        }
    }
}

pub(crate) fn invalid(text: &str, reason: impl Into<String>) -> Error {
    Error::new(Detail::InvalidTimestamp {
        input: echo(text),
        reason: reason.into(),
    })
}

fn is_letter_abbreviation(token: &str) -> bool {
    (2..=MAX_ABBREVIATION).contains(&token.len()) && token.bytes().all(|b| b.is_ascii_alphabetic())
}

/// A numeric offset: `±HH`, `±HHMM`, `±HH:MM`, or `UTC`/`GMT` followed by
/// `±H`, `±HH`, `±H:MM`, `±HH:MM` or `±HHMM`; `None` for anything else.
fn parse_offset(token: &str) -> Option<FixedOffset> {
    let (rest, prefixed) = match token.get(..3) {
        Some(p) if p.eq_ignore_ascii_case("UTC") || p.eq_ignore_ascii_case("GMT") => {
            (token.get(3..)?, true)
        }
        _ => (token, false),
    };
    let sign = match rest.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let body = rest.get(1..)?;
    let (hours, minutes) = match body.split_once(':') {
        Some((h, m)) if m.len() == 2 => (h, m),
        Some(_) => return None,
        None if body.len() == 4 => (body.get(..2)?, body.get(2..)?),
        None => (body, "0"),
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    // Without `UTC` or `GMT` the hours have two digits (`+09`, not `+9`).
    let hours_ok = if prefixed {
        (1..=2).contains(&hours.len())
    } else {
        hours.len() == 2
    };
    if !(hours_ok && digits(hours) && digits(minutes)) {
        return None;
    }
    let (h, m): (i32, i32) = (hours.parse().ok()?, minutes.parse().ok()?);
    if h > 14 || m > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

pub(crate) fn parse_stated_zone(text: &str, token: &str) -> Result<StatedZone, Error> {
    if token == "Z" {
        return Ok(StatedZone::Named(Tz::UTC));
    }
    if token == "UTC" || token == "GMT" {
        return parse_zone(token).map(StatedZone::Named);
    }
    if let Some(offset) = parse_offset(token) {
        return Ok(StatedZone::Offset(offset));
    }
    if is_letter_abbreviation(token) {
        let capitals = token.bytes().all(|b| b.is_ascii_uppercase());
        // A capitalised IANA name ("Japan", "Egypt") is a zone; capitals
        // ("EST", "CET") and anything else are an abbreviation.
        if !capitals {
            if let Ok(tz) = parse_zone(token) {
                return Ok(StatedZone::Named(tz));
            }
        }
        return Ok(StatedZone::Abbreviation(token.to_owned()));
    }
    parse_zone(token).map(StatedZone::Named).map_err(|_| {
        invalid(
            text,
            format!(
                "{:?} is neither an IANA zone name, a zone abbreviation \
                 (two to six letters) nor an offset (+09, +09:00, UTC+9)",
                echo(token)
            ),
        )
    })
}

/// A civil time as [`parse_civil`] reads it, or `YYYY-MM-DDT24:00` (with
/// `:00` seconds, optionally): the end of that day, which is midnight of the
/// next.
fn parse_stated_civil(text: &str) -> Result<NaiveDateTime, Error> {
    let end_of_day = text
        .split_once('T')
        .filter(|(_, time)| matches!(*time, "24:00" | "24:00:00"));
    match end_of_day {
        Some((date, _)) => {
            let midnight = parse_civil(&format!("{date}T00:00"))?;
            // Midnight of the next day, which must be a day the text form
            // can write back: years run 0000 to 9999.
            midnight
                .date()
                .succ_opt()
                .filter(|next| next.year() <= 9999)
                .map(|next| next.and_time(chrono::NaiveTime::MIN))
                .ok_or_else(|| {
                    invalid(
                        text,
                        "24:00 is midnight of the next day, which is past 9999-12-31: years run 0000 to 9999",
                    )
                })
        }
        None => parse_civil(text),
    }
}

impl FromStr for StatedTime {
    type Err = Error;

    /// Reads `CIVIL ZONE`, as described on [`StatedTime`].
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidTimestamp`](crate::ErrorKind::InvalidTimestamp)
    /// for a malformed civil time, a missing or unreadable zone, or extra
    /// text.
    fn from_str(text: &str) -> Result<StatedTime, Error> {
        let mut parts = text.split_ascii_whitespace();
        let (Some(civil_text), zone_text, None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(invalid(
                text,
                "expected a civil time, then optionally a zone after a space, \
                 as in 2023-11-14T09:00 JST",
            ));
        };
        let civil = parse_stated_civil(civil_text)?;
        // `YYYY-MM-DDTHH:MM` is 16 bytes; anything longer has seconds.
        let seconds = civil_text.len() > 16;
        let zone = match zone_text {
            Some(z) => parse_stated_zone(text, z)?,
            None => StatedZone::Unstated,
        };
        Ok(StatedTime {
            civil,
            seconds,
            zone,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    fn offset(secs: i32) -> FixedOffset {
        FixedOffset::east_opt(secs).unwrap()
    }

    #[test]
    fn offsets_read_in_every_usual_form() {
        for (text, secs) in [
            ("+09", 9 * 3600),
            ("+0900", 9 * 3600),
            ("+09:00", 9 * 3600),
            ("UTC+9", 9 * 3600),
            ("GMT+9", 9 * 3600),
            ("UTC+09:00", 9 * 3600),
            ("UTC-3", -3 * 3600),
            ("-03", -3 * 3600),
            ("+0530", 5 * 3600 + 1800),
            ("UTC+5:30", 5 * 3600 + 1800),
            ("utc+8", 8 * 3600),
        ] {
            assert_eq!(parse_offset(text), Some(offset(secs)), "{text}");
        }
        for text in [
            "+9", "+123", "UTC+15", "+09:0", "+09:60", "UTC", "JST", "UTC+", "+", "++09",
        ] {
            assert_eq!(parse_offset(text), None, "{text}");
        }
    }

    #[test]
    fn parses_zones() {
        let z = |s: &str| s.parse::<StatedTime>().map(|t| t.zone().clone());
        let abbr = |s: &str| StatedZone::Abbreviation(s.to_owned());
        assert_eq!(z("2023-11-14T09:00 JST").unwrap(), abbr("JST"));
        assert_eq!(z("2023-11-14T09:00 EST").unwrap(), abbr("EST"));
        assert_eq!(z("2023-11-14T09:00 ChST").unwrap(), abbr("ChST"));
        let off = |secs| StatedZone::Offset(offset(secs));
        assert_eq!(z("2023-11-14T09:00 -03").unwrap(), off(-3 * 3600));
        assert_eq!(z("2023-11-14T09:00 +0530").unwrap(), off(5 * 3600 + 1800));
        assert_eq!(z("2023-11-14T09:00 UTC+9").unwrap(), off(9 * 3600));
        assert_eq!(
            z("2023-11-14T09:00  Japan").unwrap(),
            StatedZone::Named(Tz::Japan)
        );
        assert_eq!(
            z("2023-11-14T09:00 UTC").unwrap(),
            StatedZone::Named(Tz::UTC)
        );
        assert_eq!(
            z("2023-11-14T09:00 GMT").unwrap(),
            StatedZone::Named(Tz::GMT)
        );
        for bad in [
            "",
            "2023-11-14T09:00 JST extra",
            "2023-11-14 09:00 JST",
            "2023-11-14T09:00 Mars/Olympus",
            "2023-11-14T09:00 +5",
            "2023-11-14T09:00 J",
        ] {
            let e = bad.parse::<StatedTime>().unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidTimestamp, "{bad}: {e}");
        }
    }

    #[test]
    fn round_trips_its_text() {
        for text in [
            "2023-11-14T09:00 JST",
            "2023-11-14T09:00:05 Asia/Tokyo",
            "2023-11-14T09:00:00 -03:00",
            "2023-11-14T09:00:00.25 UTC",
        ] {
            let t: StatedTime = text.parse().unwrap();
            assert_eq!(t.to_string(), text);
            assert_eq!(t.to_string().parse::<StatedTime>().unwrap(), t);
        }
    }
}
