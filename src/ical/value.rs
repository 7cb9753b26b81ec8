//! Value types (RFC 5545 3.3): DATE, DATE-TIME, DURATION, UTC-OFFSET and
//! TEXT, read leniently (lower-case `t` and `z`, dashes and colons in dates
//! and times, a leap second read as :59).

use std::borrow::Cow;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// At most this many characters of a bad value are repeated in a warning.
const CLIP: usize = 60;

/// The start of a text for a warning message.
pub(crate) fn clip(s: &str) -> Cow<'_, str> {
    match s.char_indices().nth(CLIP) {
        None => Cow::Borrowed(s),
        Some((cut, _)) => Cow::Owned(format!("{}...", s.get(..cut).unwrap_or_default())),
    }
}

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// `YYYYMMDD` (or `YYYY-MM-DD`).
pub(crate) fn date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let compact: Cow<'_, str> = if s.len() == 10 && s.as_bytes().get(4) == Some(&b'-') {
        Cow::Owned(s.replace('-', ""))
    } else {
        Cow::Borrowed(s)
    };
    if compact.len() != 8 {
        return None;
    }
    let y = i32::try_from(digits(compact.get(0..4)?)?).ok()?;
    let m = digits(compact.get(4..6)?)?;
    let d = digits(compact.get(6..8)?)?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// `HHMMSS` (or `HH:MM:SS`, or `HHMM`); a leap second reads as :59.
fn time(s: &str) -> Option<NaiveTime> {
    let compact: Cow<'_, str> = if s.contains(':') {
        Cow::Owned(s.replace(':', ""))
    } else {
        Cow::Borrowed(s)
    };
    let (h, m, sec) = match compact.len() {
        6 => (
            digits(compact.get(0..2)?)?,
            digits(compact.get(2..4)?)?,
            digits(compact.get(4..6)?)?,
        ),
        4 => (digits(compact.get(0..2)?)?, digits(compact.get(2..4)?)?, 0),
        _ => return None,
    };
    NaiveTime::from_hms_opt(h, m, sec.min(59))
}

/// `YYYYMMDDTHHMMSS` with an optional `Z`: the civil time and whether it is
/// UTC.
pub(crate) fn date_time(s: &str) -> Option<(NaiveDateTime, bool)> {
    let s = s.trim();
    let (body, utc) = match s.strip_suffix(['Z', 'z']) {
        Some(b) => (b, true),
        None => (s, false),
    };
    let (d, t) = body.split_once(['T', 't'])?;
    Some((date(d)?.and_time(time(t)?), utc))
}

/// A DURATION (RFC 5545 3.3.6): weeks and days are nominal, the rest exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Dur {
    /// Nominal days (weeks counted as 7), signed.
    pub(crate) days: i64,
    /// Exact seconds, signed.
    pub(crate) seconds: i64,
}

impl Dur {
    pub(crate) fn is_negative(self) -> bool {
        self.days < 0 || self.seconds < 0
    }
}

/// The largest number a duration component may hold (about 27 years in
/// days, 31 years in seconds): beyond that no calendar means it.
const MAX_COMPONENT: i64 = 1_000_000_000;

/// `[+-]P[nW][nD][T[nH][nM][nS]]`.
pub(crate) fn duration(s: &str) -> Option<Dur> {
    let s = s.trim();
    let (sign, rest) = match s.as_bytes().first() {
        Some(b'-') => (-1, s.get(1..)?),
        Some(b'+') => (1, s.get(1..)?),
        _ => (1, s),
    };
    let rest = rest.strip_prefix(['P', 'p'])?;
    let (date_part, time_part) = match rest.split_once(['T', 't']) {
        Some((d, t)) => (d, Some(t)),
        None => (rest, None),
    };
    let mut days = 0i64;
    let mut seconds = 0i64;
    let mut any = false;
    for (n, unit) in components(date_part)? {
        let factor = match unit {
            'W' => 7,
            'D' => 1,
            _ => return None,
        };
        days = days.checked_add(n.checked_mul(factor)?)?;
        any = true;
    }
    if let Some(t) = time_part {
        let mut seen_time = false;
        for (n, unit) in components(t)? {
            let factor = match unit {
                'H' => 3600,
                'M' => 60,
                'S' => 1,
                _ => return None,
            };
            seconds = seconds.checked_add(n.checked_mul(factor)?)?;
            seen_time = true;
        }
        if !seen_time {
            return None;
        }
        any = true;
    }
    if !any || days > MAX_COMPONENT || seconds > MAX_COMPONENT {
        return None;
    }
    Some(Dur {
        days: sign * days,
        seconds: sign * seconds,
    })
}

/// `12H30M` as `[(12, 'H'), (30, 'M')]`; `None` if malformed.
fn components(s: &str) -> Option<Vec<(i64, char)>> {
    let mut out = Vec::new();
    let mut number = String::new();
    for c in s.chars() {
        if c.is_ascii_digit() {
            number.push(c);
        } else {
            let n = i64::from(digits(&number)?);
            out.push((n, c.to_ascii_uppercase()));
            number.clear();
        }
    }
    if !number.is_empty() {
        return None;
    }
    Some(out)
}

/// A UTC-OFFSET (`+0530`, `-0800`, `+053000`) in seconds east of UTC.
pub(crate) fn utc_offset(s: &str) -> Option<i32> {
    let s = s.trim();
    let (sign, rest) = match s.as_bytes().first() {
        Some(b'-') => (-1, s.get(1..)?),
        Some(b'+') => (1, s.get(1..)?),
        _ => return None,
    };
    let rest: Cow<'_, str> = if rest.contains(':') {
        Cow::Owned(rest.replace(':', ""))
    } else {
        Cow::Borrowed(rest)
    };
    let (h, m, sec) = match rest.len() {
        4 => (digits(rest.get(0..2)?)?, digits(rest.get(2..4)?)?, 0),
        6 => (
            digits(rest.get(0..2)?)?,
            digits(rest.get(2..4)?)?,
            digits(rest.get(4..6)?)?,
        ),
        2 => (digits(&rest)?, 0, 0),
        _ => return None,
    };
    if h > 23 || m > 59 || sec > 59 {
        return None;
    }
    i32::try_from(h * 3600 + m * 60 + sec)
        .ok()
        .map(|v| sign * v)
}

/// A TEXT value unescaped: `\\`, `\;`, `\,`, `\n` (or `\N`); any other
/// escaped character stands for itself.
pub(crate) fn text(s: &str) -> Cow<'_, str> {
    if !s.contains('\\') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    Cow::Owned(out)
}

/// The comma-separated values of a list (dates, times, periods).
pub(crate) fn list(s: &str) -> impl Iterator<Item = &str> {
    s.split(',').map(str::trim).filter(|v| !v.is_empty())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times() {
        assert_eq!(date("20260105"), NaiveDate::from_ymd_opt(2026, 1, 5));
        assert_eq!(date("2026-01-05"), NaiveDate::from_ymd_opt(2026, 1, 5));
        assert_eq!(date("20260230"), None);
        assert_eq!(date("2026015"), None);
        let (t, utc) = date_time("20260105T093000Z").unwrap();
        assert!(utc);
        assert_eq!(t.to_string(), "2026-01-05 09:30:00");
        let (t, utc) = date_time("20260105t0930").unwrap();
        assert!(!utc);
        assert_eq!(t.to_string(), "2026-01-05 09:30:00");
        assert_eq!(
            date_time("20161231T235960Z").unwrap().0.to_string(),
            "2016-12-31 23:59:59"
        );
        assert!(date_time("20260105").is_none());
        assert!(date_time("20260105T250000").is_none());
    }

    #[test]
    fn durations() {
        let d = |s| duration(s).unwrap();
        assert_eq!(
            d("PT30M"),
            Dur {
                days: 0,
                seconds: 1800
            }
        );
        assert_eq!(
            d("P1W"),
            Dur {
                days: 7,
                seconds: 0
            }
        );
        assert_eq!(
            d("-P1DT2H"),
            Dur {
                days: -1,
                seconds: -7200
            }
        );
        assert_eq!(
            d("P1DT1H0M5S"),
            Dur {
                days: 1,
                seconds: 3605
            }
        );
        assert!(duration("P").is_none());
        assert!(duration("PT").is_none());
        assert!(duration("P1H").is_none());
        assert!(duration("PT5").is_none());
        assert!(duration("P99999999999D").is_none());
    }

    #[test]
    fn offsets_and_text() {
        assert_eq!(utc_offset("+0530"), Some(19_800));
        assert_eq!(utc_offset("-0800"), Some(-28_800));
        assert_eq!(utc_offset("-045602"), Some(-17_762));
        assert_eq!(utc_offset("0800"), None);
        assert_eq!(utc_offset("+2500"), None);
        assert_eq!(text(r"a\, b\; c\\d\ne\Nf\x"), "a, b; c\\d\ne\nfx");
        assert_eq!(list("a, b,,c").collect::<Vec<_>>(), ["a", "b", "c"]);
    }
}
