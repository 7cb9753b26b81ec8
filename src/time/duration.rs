//! ISO 8601 durations of exact elapsed time: [`parse_duration`] and
//! [`format_duration`].

use chrono::TimeDelta;

use crate::error::{Detail, Error, echo};

/// Reads an ISO 8601 duration of exact time: `PT30M`, `PT1H30M`, `PT45S`,
/// `PT1.5S`, `P1D`, `P1DT2H`, `P2W`.
///
/// The grammar is `P[nW][nD][T[nH][nM][n[.f]S]]` with non-negative whole numbers,
/// at least one component, `T` only before a time component, units in that order
/// and each at most once, and a fraction (one to nine digits, `.` or `,`) on the
/// seconds alone. Letters are upper case. A day is exactly 24 hours and a week 7
/// days: this is elapsed time, not calendar time, so years and months (whose
/// length varies) are refused.
///
/// # Errors
///
/// * [`ErrorKind::InvalidDuration`](crate::ErrorKind::InvalidDuration) for
///   malformed text, naming the input and what is wrong;
/// * [`ErrorKind::DurationOutOfRange`](crate::ErrorKind::DurationOutOfRange) for a
///   negative duration (`-PT30M`) or one beyond chrono's `TimeDelta` range
///   (about 292 million years).
///
/// ```
/// use diplomeet::time::parse_duration;
///
/// assert_eq!(parse_duration("PT1H30M")?.num_minutes(), 90);
/// assert_eq!(parse_duration("P1D")?.num_hours(), 24);
/// assert!(parse_duration("PT").is_err());
/// # Ok::<(), diplomeet::Error>(())
/// ```
pub fn parse_duration(text: &str) -> Result<TimeDelta, Error> {
    parse_iso_duration(text)
}

/// Writes a non-negative duration in canonical ISO 8601 form: hours, minutes and
/// seconds only, zero components left out, a fraction of a second without
/// trailing zeros: `PT30M`, `PT1H30M`, `PT24H` (a day), `PT1.5S`, `PT0S`.
///
/// A negative duration is written with a leading `-` (ISO 8601-2), which
/// [`parse_duration`] refuses. [`parse_duration`] reads every other output back
/// to the same value.
///
/// ```
/// use chrono::TimeDelta;
/// use diplomeet::time::format_duration;
///
/// let d = TimeDelta::try_minutes(90).ok_or("overflow")?;
/// assert_eq!(format_duration(d), "PT1H30M");
/// assert_eq!(format_duration(TimeDelta::zero()), "PT0S");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn format_duration(d: TimeDelta) -> String {
    format_iso_duration(d)
}

fn invalid(text: &str, reason: impl Into<String>) -> Error {
    Error::new(Detail::InvalidDuration {
        input: echo(text),
        reason: reason.into(),
    })
}

fn too_large(text: &str) -> Error {
    Error::new(Detail::DurationOutOfRange {
        value: echo(text),
        reason: "it exceeds the largest duration supported (about 292 million years)".to_owned(),
    })
}

/// See [`parse_duration`].
pub(crate) fn parse_iso_duration(text: &str) -> Result<TimeDelta, Error> {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b'-') {
        return Err(Error::new(Detail::DurationOutOfRange {
            value: echo(text),
            reason: "negative durations are not allowed".to_owned(),
        }));
    }
    if bytes.first() != Some(&b'P') {
        return Err(invalid(text, "an ISO 8601 duration starts with 'P'"));
    }
    // Units in the order they may appear, with their length in seconds.
    const DATE_UNITS: [(u8, i64); 2] = [(b'W', 7 * 86_400), (b'D', 86_400)];
    const TIME_UNITS: [(u8, i64); 3] = [(b'H', 3600), (b'M', 60), (b'S', 1)];

    let mut secs: i64 = 0;
    let mut nanos: u32 = 0;
    let mut pos = 1;
    let mut in_time = false;
    let mut next_unit = 0; // index into the current unit list
    let mut components = 0;
    let mut time_components = 0;
    let mut after_fraction = false;
    while let Some(&b) = bytes.get(pos) {
        if b == b'T' {
            if in_time {
                return Err(invalid(text, "'T' appears twice"));
            }
            in_time = true;
            next_unit = 0;
            pos += 1;
            continue;
        }
        if after_fraction {
            return Err(invalid(text, "nothing may follow the seconds"));
        }
        // A number.
        let start = pos;
        let mut value: i64 = 0;
        let mut overflow = false;
        while let Some(&d @ b'0'..=b'9') = bytes.get(pos) {
            match value
                .checked_mul(10)
                .and_then(|v| v.checked_add(i64::from(d - b'0')))
            {
                Some(v) => value = v,
                None => overflow = true,
            }
            pos += 1;
        }
        if pos == start {
            return Err(invalid(
                text,
                match b {
                    b'-' | b'+' => "signs are not allowed inside a duration".to_owned(),
                    b'a'..=b'z' => "unit letters must be upper case".to_owned(),
                    _ => format!("expected a number at byte {pos}"),
                },
            ));
        }
        let mut frac: Option<u32> = None;
        if let Some(b'.' | b',') = bytes.get(pos) {
            pos += 1;
            let fstart = pos;
            let mut f: u32 = 0;
            while let Some(&d @ b'0'..=b'9') = bytes.get(pos) {
                if pos - fstart == 9 {
                    return Err(invalid(text, "more than nine digits in a fraction"));
                }
                f = f * 10 + u32::from(d - b'0');
                pos += 1;
            }
            if pos == fstart {
                return Err(invalid(text, "expected digits after the decimal point"));
            }
            for _ in (pos - fstart)..9 {
                f *= 10;
            }
            frac = Some(f);
        }
        let Some(&unit) = bytes.get(pos) else {
            return Err(invalid(text, "a number has no unit after it"));
        };
        pos += 1;
        let units: &[(u8, i64)] = if in_time { &TIME_UNITS } else { &DATE_UNITS };
        let Some(index) = units.iter().position(|&(u, _)| u == unit) else {
            let reason = match (unit, in_time) {
                (b'Y', _) | (b'M', false) => {
                    "years and months have no fixed length: use days (P1D) or hours".to_owned()
                }
                (b'H' | b'S', false) => {
                    "hours, minutes and seconds need a 'T' before them (PT1H)".to_owned()
                }
                (b'D' | b'W', true) => "days and weeks must come before the 'T'".to_owned(),
                _ => match text.get(pos - 1..).and_then(|r| r.chars().next()) {
                    Some(c) => format!("unknown unit {c:?}"),
                    None => "unknown unit".to_owned(),
                },
            };
            return Err(invalid(text, reason));
        };
        if index < next_unit {
            return Err(invalid(text, "units are out of order or repeated"));
        }
        next_unit = index + 1;
        let Some(&(_, unit_secs)) = units.get(index) else {
            return Err(invalid(text, "unknown unit"));
        };
        if let Some(f) = frac {
            if unit != b'S' {
                return Err(invalid(text, "only seconds may have a fraction"));
            }
            nanos = f;
            after_fraction = true;
        }
        if overflow {
            return Err(too_large(text));
        }
        secs = value
            .checked_mul(unit_secs)
            .and_then(|s| secs.checked_add(s))
            .ok_or_else(|| too_large(text))?;
        components += 1;
        if in_time {
            time_components += 1;
        }
    }
    if components == 0 {
        return Err(invalid(text, "no component: write for example PT30M"));
    }
    if in_time && time_components == 0 {
        return Err(invalid(
            text,
            "a 'T' must be followed by hours, minutes or seconds",
        ));
    }
    TimeDelta::new(secs, nanos).ok_or_else(|| too_large(text))
}

/// See [`format_duration`].
pub(crate) fn format_iso_duration(d: TimeDelta) -> String {
    let (sign, abs) = if d < TimeDelta::zero() {
        ("-", d.abs())
    } else {
        ("", d)
    };
    let total = abs.num_seconds();
    let nanos = abs.subsec_nanos().unsigned_abs();
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    let mut out = String::with_capacity(24);
    out.push_str(sign);
    out.push_str("PT");
    if h != 0 {
        out.push_str(&format!("{h}H"));
    }
    if m != 0 {
        out.push_str(&format!("{m}M"));
    }
    if s != 0 || nanos != 0 || (h == 0 && m == 0) {
        out.push_str(&s.to_string());
        if nanos != 0 {
            let mut n = nanos;
            let mut width = 9;
            while n % 10 == 0 {
                n /= 10;
                width -= 1;
            }
            out.push_str(&format!(".{n:0width$}"));
        }
        out.push('S');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    fn secs(s: i64) -> TimeDelta {
        TimeDelta::try_seconds(s).unwrap()
    }

    #[test]
    fn parses() {
        for (text, want) in [
            ("PT30M", secs(1800)),
            ("PT1H30M", secs(5400)),
            ("PT45S", secs(45)),
            ("P1D", secs(86_400)),
            ("P1DT2H", secs(93_600)),
            ("P2W", secs(14 * 86_400)),
            ("P1W1D", secs(8 * 86_400)),
            ("PT0S", secs(0)),
            ("PT36H", secs(129_600)),
            ("PT90M", secs(5400)),
            ("PT0001M", secs(60)),
            ("PT1H30M15.5S", TimeDelta::new(5415, 500_000_000).unwrap()),
            ("PT0,25S", TimeDelta::new(0, 250_000_000).unwrap()),
            ("PT1.000000001S", TimeDelta::new(1, 1).unwrap()),
        ] {
            assert_eq!(parse_iso_duration(text).unwrap(), want, "{text}");
        }
    }

    #[test]
    fn rejects() {
        for (text, kind, says) in [
            ("", ErrorKind::InvalidDuration, "starts with 'P'"),
            ("P", ErrorKind::InvalidDuration, "no component"),
            ("PT", ErrorKind::InvalidDuration, "no component"),
            ("P1DT", ErrorKind::InvalidDuration, "'T' must be followed"),
            ("30M", ErrorKind::InvalidDuration, "starts with 'P'"),
            ("pt30m", ErrorKind::InvalidDuration, "starts with 'P'"),
            ("Pt30M", ErrorKind::InvalidDuration, "upper case"),
            ("PT30m", ErrorKind::InvalidDuration, "unknown unit"),
            ("P1Y", ErrorKind::InvalidDuration, "years and months"),
            ("P1M", ErrorKind::InvalidDuration, "years and months"),
            ("P1H", ErrorKind::InvalidDuration, "'T'"),
            ("PT1D", ErrorKind::InvalidDuration, "before the 'T'"),
            ("PT30M1H", ErrorKind::InvalidDuration, "out of order"),
            ("PT1H1H", ErrorKind::InvalidDuration, "out of order"),
            ("PT1.5H", ErrorKind::InvalidDuration, "only seconds"),
            ("PT1.5S1S", ErrorKind::InvalidDuration, "nothing may follow"),
            ("PT1.S", ErrorKind::InvalidDuration, "digits after"),
            ("PT1.1234567891S", ErrorKind::InvalidDuration, "nine digits"),
            ("PT30", ErrorKind::InvalidDuration, "no unit"),
            ("PTT30M", ErrorKind::InvalidDuration, "twice"),
            ("PT+30M", ErrorKind::InvalidDuration, "signs"),
            ("PT30M ", ErrorKind::InvalidDuration, "number"),
            ("PT30é", ErrorKind::InvalidDuration, "unknown unit 'é'"),
            ("PTé", ErrorKind::InvalidDuration, "number"),
            ("-PT30M", ErrorKind::DurationOutOfRange, "negative"),
            (
                "PT99999999999999999999H",
                ErrorKind::DurationOutOfRange,
                "largest",
            ),
            (
                "PT9223372036854775807H",
                ErrorKind::DurationOutOfRange,
                "largest",
            ),
            (
                "PT9223372036854775807S",
                ErrorKind::DurationOutOfRange,
                "largest",
            ),
            (
                "P9999999999999999W",
                ErrorKind::DurationOutOfRange,
                "largest",
            ),
        ] {
            let e = parse_iso_duration(text).unwrap_err();
            assert_eq!(e.kind(), kind, "{text}: {e}");
            let msg = e.to_string();
            assert!(msg.contains(says), "{text}: {msg}");
        }
    }

    #[test]
    fn formats() {
        for (d, want) in [
            (secs(0), "PT0S"),
            (secs(1800), "PT30M"),
            (secs(5400), "PT1H30M"),
            (secs(86_400), "PT24H"),
            (secs(3601), "PT1H1S"),
            (secs(59), "PT59S"),
            (TimeDelta::new(1, 500_000_000).unwrap(), "PT1.5S"),
            (TimeDelta::new(0, 1).unwrap(), "PT0.000000001S"),
            (TimeDelta::new(3600, 10).unwrap(), "PT1H0.00000001S"),
            (secs(-1800), "-PT30M"),
        ] {
            assert_eq!(format_iso_duration(d), want);
        }
    }

    #[test]
    fn round_trips() {
        // Every second up to 100 days would be 8.6 million cases: step through
        // them with a stride coprime to the minute and hour, plus sub-seconds.
        let mut s: i64 = 0;
        while s <= 100 * 86_400 {
            for nanos in [0, 1, 500_000_000, 999_999_999] {
                let d = TimeDelta::new(s, nanos).unwrap();
                assert_eq!(parse_iso_duration(&format_iso_duration(d)).unwrap(), d);
            }
            s += 7;
        }
        for d in [TimeDelta::MAX, TimeDelta::new(i64::MAX / 1000, 0).unwrap()] {
            assert_eq!(parse_iso_duration(&format_iso_duration(d)).unwrap(), d);
        }
    }
}
