//! The RFC 9557 text form of a zoned time:
//! `2023-11-13T16:00:00-08:00[America/Los_Angeles]`.
//!
//! Grammar read (RFC 9557 §4.1 over RFC 3339 §5.6, with the extensions noted):
//!
//! ```text
//! zoned      = civil offset "[" ["!"] zone-name "]" *("[" ["!"] key "=" value "]")
//! civil      = YYYY "-" MM "-" DD ("T" / "t") HH ":" MM [":" SS ["." 1*9DIGIT]]
//! offset     = "Z" / "z" / ("+" / "-") HH ":" MM [":" SS]
//! key        = (lcalpha / "_") *(lcalpha / DIGIT / "_" / "-")
//! value      = 1*8alphanum *("-" 1*8alphanum)
//! ```
//!
//! * Seconds may be left out (`16:00-08:00`), as ISO 8601 and Temporal allow;
//!   RFC 3339 requires them, and [`Display`](std::fmt::Display) always writes them.
//! * An offset may have seconds (`+09:18:59`, local mean time before 1900). RFC 3339
//!   has no such offsets; Temporal and jiff read and write them, and so does this
//!   crate, or such times could not round-trip.
//! * `Z` (and `-00:00`, its RFC 3339 spelling) says the instant is known but not the
//!   local offset: the civil time is read as UTC and converted into the zone.
//! * The zone annotation is required and must be an IANA name; numeric offset zones
//!   (`[+09:00]`) are refused. Its critical flag `!` is accepted: the zone is always
//!   acted on.
//! * Other tags: `u-ca=iso8601` is accepted (it is the calendar used). Any other
//!   tag, or another calendar, is an error when critical (`[!u-ca=japanese]`) and
//!   ignored when elective (`[u-ca=japanese]`, `[foo=bar]`), as RFC 9557 §3.3 asks.

use chrono::{FixedOffset, NaiveDateTime, Offset, TimeZone};
use chrono_tz::Tz;

use super::civil::{CivilText, Cursor, OffsetText, invalid};
use super::lookup::{Local, lookup};
use super::zone::parse_zone;
use super::{Disambiguation, OffsetPolicy, ZonedDateTime};
use crate::error::{Detail, Error, echo};

/// The offset part of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StatedOffset {
    /// `Z` or `-00:00`: the instant is known, the local offset is not.
    Unknown,
    /// A numeric offset.
    Fixed(FixedOffset),
}

/// Reads an RFC 9557 string; see the module docs for the grammar and
/// [`OffsetPolicy`] for offsets the zone does not have there.
pub(crate) fn parse(text: &str, policy: OffsetPolicy) -> Result<ZonedDateTime, Error> {
    let mut cur = Cursor::new(text);
    let civil = cur.civil().map_err(|r| invalid(text, r))?;
    let stated = offset(&mut cur).map_err(|r| invalid(text, r))?;
    let zone = zone_annotation(&mut cur, text)?;
    tags(&mut cur).map_err(|r| invalid(text, r))?;

    // Past the zone data's horizon no offset can be checked: say so first.
    super::zoned::check_horizon(&civil, zone)?;
    let zoned = match stated {
        StatedOffset::Unknown => ZonedDateTime::from_utc_civil(civil, zone)?,
        StatedOffset::Fixed(offset) => match matching(zone, &civil, offset)? {
            Ok(zoned) => zoned,
            Err(valid) => match policy {
                OffsetPolicy::Reject => {
                    return Err(Error::new(Detail::OffsetConflict {
                        zone: zone.name().to_owned(),
                        civil: CivilText(civil).to_string(),
                        offset: OffsetText(offset).to_string(),
                        valid,
                    }));
                }
                OffsetPolicy::KeepCivil => {
                    ZonedDateTime::resolve(civil, zone, Disambiguation::Compatible)?
                }
                OffsetPolicy::KeepInstant => {
                    let utc = civil.checked_sub_offset(offset).ok_or_else(|| {
                        Error::new(Detail::OutOfRange {
                            what: "instant".to_owned(),
                            value: text.to_owned(),
                        })
                    })?;
                    ZonedDateTime::from_utc_civil(utc, zone)?
                }
            },
        },
    };
    zoned.check_year()?;
    Ok(zoned)
}

/// The zoned time if `offset` is one the zone has at `civil`; else the text that
/// says which offsets it has there.
fn matching(
    zone: Tz,
    civil: &NaiveDateTime,
    offset: FixedOffset,
) -> Result<Result<ZonedDateTime, String>, Error> {
    // Fast path: the stated offset is the zone's offset at the instant it
    // names, so the civil time exists with that offset (either occurrence
    // of a fold included). One lookup instead of a scan.
    if let Some(utc) = civil.checked_sub_offset(offset) {
        if zone.offset_from_utc_datetime(&utc).fix() == offset {
            return Ok(Ok(ZonedDateTime::raw(*civil, zone, offset)));
        }
    }
    let found = lookup(zone, civil)?;
    let valid = match found {
        Local::Unique(o) if o == offset => return Ok(Ok(ZonedDateTime::raw(*civil, zone, o))),
        Local::Fold { first, second } if first == offset || second == offset => {
            return Ok(Ok(ZonedDateTime::raw(*civil, zone, offset)));
        }
        Local::Unique(o) => OffsetText(o).to_string(),
        Local::Fold { first, second } => {
            format!("{} or {}", OffsetText(first), OffsetText(second))
        }
        Local::Gap { before, after } => format!(
            "no offset at all: the time falls in a gap where the offset changes from {} to {}",
            OffsetText(before),
            OffsetText(after)
        ),
    };
    Ok(Err(valid))
}

fn offset(cur: &mut Cursor<'_>) -> Result<StatedOffset, String> {
    let negative = match cur.peek() {
        Some(b'Z' | b'z') => {
            cur.bump();
            return Ok(StatedOffset::Unknown);
        }
        Some(b'+') => false,
        Some(b'-') => true,
        Some(b'[') => {
            return Err(
                "missing the UTC offset (such as -08:00 or Z) before the time-zone annotation"
                    .to_owned(),
            );
        }
        Some(b'.') => {
            return Err("a fraction of a second needs the seconds before it".to_owned());
        }
        _ => {
            return Err(format!(
                "expected the UTC offset (such as -08:00 or Z), found {}",
                cur.found()
            ));
        }
    };
    cur.bump();
    let hours = cur.digits(2, "offset's hours")?;
    if !cur.eat(b':') {
        return Err(format!(
            "expected ':' in the offset, found {} (write it as ±HH:MM)",
            cur.found()
        ));
    }
    let minutes = cur.digits(2, "offset's minutes")?;
    let seconds = if cur.eat(b':') {
        cur.digits(2, "offset's seconds")?
    } else {
        0
    };
    if hours > 23 || minutes > 59 || seconds > 59 {
        return Err("the offset is out of range (at most 23:59:59)".to_owned());
    }
    let total = i32::try_from(hours * 3600 + minutes * 60 + seconds)
        .map_err(|_| "the offset is out of range".to_owned())?;
    if total == 0 && negative {
        return Ok(StatedOffset::Unknown);
    }
    let signed = if negative { -total } else { total };
    FixedOffset::east_opt(signed)
        .map(StatedOffset::Fixed)
        .ok_or_else(|| "the offset is out of range".to_owned())
}

fn zone_annotation(cur: &mut Cursor<'_>, text: &str) -> Result<Tz, Error> {
    if !cur.eat(b'[') {
        let reason = if cur.at_end() {
            "missing the time-zone annotation, such as [America/Los_Angeles]".to_owned()
        } else {
            format!(
                "expected '[' and a time-zone name after the offset, found {}",
                cur.found()
            )
        };
        return Err(invalid(text, reason));
    }
    cur.eat(b'!');
    let start = cur.pos();
    while let Some(b) = cur.peek() {
        if b == b']' || b == b'[' {
            break;
        }
        cur.bump();
    }
    let name = cur.since(start).unwrap_or_default();
    if !cur.eat(b']') {
        return Err(invalid(
            text,
            "the time-zone annotation has no closing ']'".to_owned(),
        ));
    }
    if name.contains('=') {
        return Err(invalid(
            text,
            format!(
                "the first annotation [{}] is a tag; the time-zone annotation must come first",
                echo(name)
            ),
        ));
    }
    if name.starts_with(['+', '-']) {
        return Err(invalid(
            text,
            format!(
                "numeric offset time zones such as [{}] are not supported: use an IANA name",
                echo(name)
            ),
        ));
    }
    parse_zone(name)
}

fn tags(cur: &mut Cursor<'_>) -> Result<(), String> {
    while !cur.at_end() {
        if !cur.eat(b'[') {
            return Err(format!(
                "unexpected {} after the time-zone annotation",
                cur.found()
            ));
        }
        let critical = cur.eat(b'!');
        let key_start = cur.pos();
        while let Some(b'a'..=b'z' | b'0'..=b'9' | b'_' | b'-') = cur.peek() {
            cur.bump();
        }
        let key = cur.since(key_start).unwrap_or_default();
        let key_ok = key
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_lowercase() || b == b'_');
        if !key_ok || !cur.eat(b'=') {
            return Err(format!(
                "malformed annotation: expected [key=value] with a lowercase key, \
                 found {} in it (only one time-zone annotation is allowed)",
                cur.found()
            ));
        }
        let value_start = cur.pos();
        while let Some(b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-') = cur.peek() {
            cur.bump();
        }
        let value = cur.since(value_start).unwrap_or_default();
        let value_ok =
            !value.is_empty() && value.split('-').all(|part| (1..=8).contains(&part.len()));
        if !value_ok || !cur.eat(b']') {
            return Err(format!(
                "malformed value in annotation [{}=...]: expected 1 to 8 letters or \
                 digits in each '-'-separated part and a closing ']', found {}",
                echo(key),
                cur.found()
            ));
        }
        let understood = key == "u-ca" && value.eq_ignore_ascii_case("iso8601");
        if critical && !understood {
            return Err(format!(
                "unsupported critical annotation [!{}={}] (only the ISO 8601 \
                 calendar is supported)",
                echo(key),
                echo(value)
            ));
        }
    }
    Ok(())
}
