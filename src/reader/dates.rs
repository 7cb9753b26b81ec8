//! Dates and times as readouts write them: "On November 13", "Monday,
//! July 9", "22 July 2008", "April 17th"; "4:00 p.m.", "20:20", "9:20a.m.",
//! "0:00 am", "shortly after 7 p.m."; "for approximately 30 minutes", "for
//! one and a half hours"; "today", "yesterday".
//!
//! Every function reads tokens from a position and returns what it found
//! with the tokens it used: constant work per position.

use chrono::{Datelike, NaiveDate, NaiveTime};

use super::text::{Kind, Tok, key};

/// A date as written: the year may be missing ("On November 13").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WrittenDate {
    pub(crate) year: Option<i32>,
    pub(crate) month: u32,
    /// `None` for a month alone ("May 2024").
    pub(crate) day: Option<u32>,
}

impl WrittenDate {
    /// The date with its year, or with the year that puts it nearest to
    /// `published` (a readout reports what happened shortly before it).
    pub(crate) fn resolve(&self, published: Option<NaiveDate>) -> Option<(NaiveDate, bool)> {
        let day = self.day?;
        if let Some(y) = self.year {
            return NaiveDate::from_ymd_opt(y, self.month, day).map(|d| (d, false));
        }
        let p = published?;
        let mut best: Option<NaiveDate> = None;
        for y in [p.year() - 1, p.year(), p.year() + 1] {
            if let Some(d) = NaiveDate::from_ymd_opt(y, self.month, day) {
                let dist = (d - p).num_days().abs();
                if best.is_none_or(|b| dist < (b - p).num_days().abs()) {
                    best = Some(d);
                }
            }
        }
        best.map(|d| (d, true))
    }
}

/// Something found at tokens `from..to`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct At<T> {
    pub(crate) value: T,
    pub(crate) from: usize,
    pub(crate) to: usize,
}

/// The month a word names (English, with the usual abbreviations, and
/// French), 1 to 12.
pub(crate) fn month(word: &str) -> Option<u32> {
    const NAMES: &[(&str, u32)] = &[
        ("january", 1),
        ("jan", 1),
        ("janvier", 1),
        ("february", 2),
        ("feb", 2),
        ("février", 2),
        ("fevrier", 2),
        ("march", 3),
        ("mar", 3),
        ("mars", 3),
        ("april", 4),
        ("apr", 4),
        ("avril", 4),
        ("may", 5),
        ("mai", 5),
        ("june", 6),
        ("jun", 6),
        ("juin", 6),
        ("july", 7),
        ("jul", 7),
        ("juillet", 7),
        ("august", 8),
        ("aug", 8),
        ("août", 8),
        ("aout", 8),
        ("september", 9),
        ("sep", 9),
        ("sept", 9),
        ("septembre", 9),
        ("october", 10),
        ("oct", 10),
        ("octobre", 10),
        ("november", 11),
        ("nov", 11),
        ("novembre", 11),
        ("december", 12),
        ("dec", 12),
        ("décembre", 12),
        ("decembre", 12),
    ];
    let w = word.strip_suffix('.').unwrap_or(word);
    if !(3..=10).contains(&w.len()) || !w.starts_with(char::is_alphabetic) {
        return None;
    }
    // A folded key compares directly; other text is folded first.
    if let Some((_, m)) = NAMES.iter().find(|(n, _)| *n == w) {
        return Some(*m);
    }
    if w.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    NAMES
        .iter()
        .find(|(n, _)| super::text::eq_fold(w, n))
        .map(|(_, m)| *m)
}

fn weekday(word: &str) -> bool {
    const NAMES: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thurs",
        "fri",
        "sat",
        "sun",
    ];
    let w = word.strip_suffix('.').unwrap_or(word);
    (3..=9).contains(&w.len())
        && (NAMES.contains(&w)
            || !w.bytes().all(|b| b.is_ascii_lowercase())
                && NAMES.iter().any(|n| super::text::eq_fold(w, n)))
}

/// A day of the month: `13`, `13th`, `1st`.
fn day(t: &Tok<'_>) -> Option<u32> {
    if t.kind != Kind::Number {
        return None;
    }
    let digits: String = t.text.chars().take_while(char::is_ascii_digit).collect();
    let rest = &t.text[digits.len()..];
    if !(rest.is_empty() || matches!(rest, "st" | "nd" | "rd" | "th")) || digits.len() > 2 {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year(t: &Tok<'_>) -> Option<i32> {
    if t.kind != Kind::Number || t.text.len() != 4 {
        return None;
    }
    let y: i32 = t.text.parse().ok()?;
    (1900..=2199).contains(&y).then_some(y)
}

/// A date starting at token `i`: "[Weekday[,]] Month Day[,] [Year]",
/// "[Weekday] Day Month [Year]", "Month Year", "2023-11-14", the French
/// "5 novembre 2021". A weekday in parentheses after it ("(Mon)") is
/// part of it.
pub(crate) fn date_at(toks: &[Tok<'_>], i: usize) -> Option<At<WrittenDate>> {
    let t = |j: usize| toks.get(j);
    let mut j = i;
    // ISO date.
    if let Some(tok) = t(j) {
        if tok.kind == Kind::Number && tok.text.len() == 10 {
            if let Ok(d) = NaiveDate::parse_from_str(tok.text, "%Y-%m-%d") {
                return Some(At {
                    value: WrittenDate {
                        year: Some(d.year()),
                        month: d.month(),
                        day: Some(d.day()),
                    },
                    from: i,
                    to: j + 1,
                });
            }
        }
    }
    if t(j).is_some_and(|w| w.is_word() && weekday(w.key())) {
        j += 1;
        if t(j).is_some_and(|p| p.is_punct(',')) {
            j += 1;
        }
    }
    let (value, mut end) = if let Some(m) = t(j)
        .filter(|w| w.is_word() && w.is_capitalized())
        .and_then(|w| month(w.key()))
    {
        // Month first.
        if let Some(d) = t(j + 1).and_then(day) {
            let mut k = j + 2;
            let mut y = None;
            let comma = t(k).is_some_and(|p| p.is_punct(','));
            let at_year = if comma { k + 1 } else { k };
            if let Some(yy) = t(at_year).and_then(year) {
                y = Some(yy);
                k = at_year + 1;
            }
            (
                WrittenDate {
                    year: y,
                    month: m,
                    day: Some(d),
                },
                k,
            )
        } else if let Some(y) = t(j + 1).and_then(year) {
            (
                WrittenDate {
                    year: Some(y),
                    month: m,
                    day: None,
                },
                j + 2,
            )
        } else {
            return None;
        }
    } else if let Some(d) = t(j).and_then(day) {
        // Day first.
        let m = t(j + 1)
            .filter(|w| w.is_word())
            .and_then(|w| month(w.key()))?;
        let mut k = j + 2;
        let mut y = None;
        if let Some(yy) = t(k).and_then(year) {
            y = Some(yy);
            k += 1;
        }
        (
            WrittenDate {
                year: y,
                month: m,
                day: Some(d),
            },
            k,
        )
    } else {
        return None;
    };
    // "(Mon)" after the date.
    if t(end).is_some_and(|p| p.is_punct('('))
        && t(end + 1).is_some_and(|w| w.is_word() && weekday(w.key()))
        && t(end + 2).is_some_and(|p| p.is_punct(')'))
    {
        end += 3;
    }
    // The day must exist in that month (any year for a missing one).
    if let Some(d) = value.day {
        let y = value.year.unwrap_or(2000);
        NaiveDate::from_ymd_opt(y, value.month, d)?;
    }
    Some(At {
        value,
        from: i,
        to: end,
    })
}

/// Every date in the tokens, left to right, not overlapping.
pub(crate) fn dates(toks: &[Tok<'_>]) -> Vec<At<WrittenDate>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some(d) = date_at(toks, i) {
            i = d.to.max(i + 1);
            out.push(d);
        } else {
            i += 1;
        }
    }
    out
}

/// A relative date phrase and the days before the publication it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Relative {
    pub(crate) days_before: i64,
}

/// A relative date at token `i`: "today", "this morning", "earlier today",
/// "yesterday", "last night", "aujourd’hui", "hier", "आज".
pub(crate) fn relative_at(toks: &[Tok<'_>], i: usize) -> Option<At<Relative>> {
    let t = |j: usize| toks.get(j).map(Tok::key);
    let w = t(i)?;
    let one = |days_before| {
        Some(At {
            value: Relative { days_before },
            from: i,
            to: i + 1,
        })
    };
    let two = |days_before| {
        Some(At {
            value: Relative { days_before },
            from: i,
            to: i + 2,
        })
    };
    match w {
        "today" | "tonight" | "aujourd'hui" | "आज" => one(0),
        "yesterday" | "hier" => one(1),
        "this" => match t(i + 1)? {
            "morning" | "afternoon" | "evening" => two(0),
            _ => None,
        },
        "earlier" if t(i + 1) == Some("today") => two(0),
        "last" if t(i + 1) == Some("night") => two(1),
        _ => None,
    }
}

/// A time of day as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Clock {
    pub(crate) time: NaiveTime,
    /// "around", "about", "shortly after".
    pub(crate) approximate: bool,
}

fn am_pm(t: Option<&Tok<'_>>) -> Option<bool> {
    let t = t?;
    if !t.is_word() {
        return None;
    }
    match t.key() {
        "am" | "a.m" | "a.m." | "am." => Some(false),
        "pm" | "p.m" | "p.m." | "pm." => Some(true),
        _ => None,
    }
}

/// The approximation words before a time, and how many tokens they take:
/// "around", "about", "approximately", "shortly after", "just after",
/// "roughly", "some time after".
pub(crate) fn approximation_at(toks: &[Tok<'_>], i: usize) -> Option<usize> {
    let t = |j: usize| toks.get(j).map(Tok::key);
    match t(i)? {
        "around" | "about" | "approximately" | "roughly" | "approx" | "approx." | "circa"
        | "ca." => Some(1),
        "shortly" | "just" | "soon" if t(i + 1) == Some("after") => Some(2),
        _ => None,
    }
}

/// A clock time at token `i` (after any approximation words): "4:00 p.m.",
/// "20:20", "7 p.m.", "0:00 am", "12:00 p.m." (noon), "12 a.m." (midnight),
/// "0:00 p.m." (noon), "noon", "midnight".
pub(crate) fn clock_at(toks: &[Tok<'_>], i: usize) -> Option<At<Clock>> {
    let mut j = i;
    let mut approximate = false;
    if let Some(n) = approximation_at(toks, j) {
        approximate = true;
        j += n;
    }
    let tok = toks.get(j)?;
    let (h, m, used) = match tok.kind {
        Kind::Clock => {
            let (h, m) = tok.text.split_once(':')?;
            let h: u32 = h.parse().ok()?;
            let m: u32 = m.parse().ok()?;
            (h, m, 1)
        }
        Kind::Number => {
            // A bare hour needs a.m. or p.m.
            am_pm(toks.get(j + 1))?;
            let h: u32 = tok.text.parse().ok()?;
            (h, 0, 1)
        }
        Kind::Word => match tok.key() {
            "noon" | "midday" => (12, 0, 1),
            "midnight" => (0, 0, 1),
            _ => return None,
        },
        Kind::Punct => return None,
    };
    let mut end = j + used;
    let mut hour = h;
    if tok.kind != Kind::Word {
        if let Some(pm) = am_pm(toks.get(end)) {
            end += 1;
            if h > 12 {
                // "13:00 pm": the 24-hour clock with a stray suffix.
            } else if pm {
                hour = if h == 12 || h == 0 { 12 } else { h + 12 };
            } else {
                hour = if h == 12 { 0 } else { h };
            }
        } else if tok.kind == Kind::Clock && h <= 12 && !approximate {
            // A 12-hour time without a.m. or p.m. is still a time: "20:20"
            // is plainly 24-hour, "9:30" is read as written.
        }
    }
    if hour == 24 && m == 0 {
        return None;
    }
    let time = NaiveTime::from_hms_opt(hour, m, 0)?;
    Some(At {
        value: Clock { time, approximate },
        from: i,
        to: end,
    })
}

/// The value of a number word ("one", "twenty", "forty-five").
fn number_word(w: &str) -> Option<f64> {
    let k = key(w);
    let units = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    if let Some(n) = units.iter().position(|u| *u == k) {
        return Some(n as f64);
    }
    let tens = [
        ("twenty", 20.0),
        ("thirty", 30.0),
        ("forty", 40.0),
        ("fifty", 50.0),
        ("sixty", 60.0),
        ("seventy", 70.0),
        ("eighty", 80.0),
        ("ninety", 90.0),
    ];
    for (t, v) in tens {
        if k == t {
            return Some(v);
        }
        if let Some(rest) = k.strip_prefix(t).and_then(|r| r.strip_prefix('-')) {
            let u = units.iter().position(|u| *u == rest)?;
            return Some(v + u as f64);
        }
    }
    match k.as_str() {
        "a" | "an" => Some(1.0),
        "half" => Some(0.5),
        _ => None,
    }
}

/// A duration in seconds, with whether it is approximate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Length {
    pub(crate) seconds: i64,
    pub(crate) approximate: bool,
}

/// A duration at token `i`, which is "for": "for approximately 30
/// minutes", "for about 40 minutes", "for 20 minutes", "for one and a half
/// hours", "for an hour", "for half an hour", "for 1 hour and 15 minutes",
/// "for 2 hours, 5 minutes and 30 seconds".
pub(crate) fn duration_at(toks: &[Tok<'_>], i: usize) -> Option<At<Length>> {
    let t = |j: usize| toks.get(j);
    if !t(i)?.is("for") {
        return None;
    }
    let mut j = i + 1;
    let mut approximate = false;
    loop {
        let k = key(t(j)?.text);
        match k.as_str() {
            "approximately" | "about" | "around" | "roughly" | "some" | "nearly" | "almost"
            | "approx" | "approx." | "over" => {
                approximate = true;
                j += 1;
            }
            "more" | "less" if t(j + 1).is_some_and(|w| w.is("than")) => {
                approximate = true;
                j += 2;
            }
            _ => break,
        }
    }
    let mut total = 0.0f64;
    let mut any = false;
    loop {
        // "half an hour"
        if t(j).is_some_and(|w| w.is("half"))
            && t(j + 1).is_some_and(|w| w.is("an") || w.is("a"))
            && t(j + 2).is_some_and(|w| w.is("hour"))
        {
            total += 1800.0;
            j += 3;
            any = true;
        } else {
            let n = match t(j) {
                Some(tok) if tok.kind == Kind::Number => tok.text.parse::<f64>().ok(),
                Some(tok) if tok.is_word() => number_word(tok.text),
                _ => None,
            };
            let Some(mut n) = n else { break };
            let mut k = j + 1;
            // "one and a half hours", "an hour and a half"
            if t(k).is_some_and(|w| w.is("and"))
                && t(k + 1).is_some_and(|w| w.is("a"))
                && t(k + 2).is_some_and(|w| w.is("half"))
            {
                n += 0.5;
                k += 3;
            }
            let unit = t(k).map(Tok::key)?;
            let secs = match unit.trim_end_matches('.') {
                "minute" | "minutes" | "min" | "mins" => 60.0,
                "hour" | "hours" | "hr" | "hrs" => 3600.0,
                "second" | "seconds" | "sec" | "secs" => 1.0,
                _ => break,
            };
            k += 1;
            if t(k).is_some_and(|w| w.is("and"))
                && t(k + 1).is_some_and(|w| w.is("a"))
                && t(k + 2).is_some_and(|w| w.is("half"))
            {
                n += 0.5;
                k += 3;
            }
            total += n * secs;
            any = true;
            j = k;
        }
        // Another unit follows: ", 5 minutes" or "and 15 minutes".
        let joined = t(j).is_some_and(|p| p.is_punct(',') || p.is("and"))
            && t(j + 1).is_some_and(|w| w.kind == Kind::Number);
        if !joined {
            break;
        }
        let next = j + 1;
        j = next;
    }
    if !any || total <= 0.0 || total > 86_400.0 * 2.0 {
        return None;
    }
    Some(At {
        value: Length {
            seconds: total.round() as i64,
            approximate,
        },
        from: i,
        to: j,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::text::tokenize;

    fn date(s: &str) -> Option<(Option<i32>, u32, Option<u32>, usize)> {
        let t = tokenize(s, 0);
        date_at(&t, 0).map(|d| (d.value.year, d.value.month, d.value.day, d.to))
    }

    #[test]
    fn dates_as_written() {
        assert_eq!(
            date("November 13, commencing"),
            Some((None, 11, Some(13), 2))
        );
        assert_eq!(date("July 3, 2006"), Some((Some(2006), 7, Some(3), 4)));
        assert_eq!(date("Monday, July 9, from"), Some((None, 7, Some(9), 4)));
        assert_eq!(date("22 July 2008"), Some((Some(2008), 7, Some(22), 3)));
        assert_eq!(date("April 17th,"), Some((None, 4, Some(17), 2)));
        assert_eq!(date("July 5 (Mon)."), Some((None, 7, Some(5), 5)));
        assert_eq!(date("May 2024"), Some((Some(2024), 5, None, 2)));
        assert_eq!(date("February 30"), None);
        assert_eq!(date("may 5"), None);
        assert_eq!(date("5 novembre 2021"), Some((Some(2021), 11, Some(5), 3)));
    }

    fn clock(s: &str) -> Option<(String, bool)> {
        let t = tokenize(s, 0);
        clock_at(&t, 0).map(|c| {
            (
                c.value.time.format("%H:%M").to_string(),
                c.value.approximate,
            )
        })
    }

    #[test]
    fn clocks() {
        assert_eq!(clock("4:00 p.m."), Some(("16:00".into(), false)));
        assert_eq!(clock("12:00 p.m."), Some(("12:00".into(), false)));
        assert_eq!(clock("12 a.m."), Some(("00:00".into(), false)));
        assert_eq!(clock("0:00 am"), Some(("00:00".into(), false)));
        assert_eq!(clock("0:00 p.m."), Some(("12:00".into(), false)));
        assert_eq!(clock("20:20"), Some(("20:20".into(), false)));
        assert_eq!(clock("9:20a.m."), Some(("09:20".into(), false)));
        assert_eq!(clock("8:15pm"), Some(("20:15".into(), false)));
        assert_eq!(clock("shortly after 7 p.m."), Some(("19:00".into(), true)));
        assert_eq!(clock("around 9 a.m."), Some(("09:00".into(), true)));
        assert_eq!(clock("9:50 P.M."), Some(("21:50".into(), false)));
        assert_eq!(clock("7 minutes"), None);
    }

    fn dur(s: &str) -> Option<(i64, bool)> {
        let t = tokenize(s, 0);
        duration_at(&t, 0).map(|d| (d.value.seconds / 60, d.value.approximate))
    }

    #[test]
    fn durations() {
        assert_eq!(dur("for approximately 30 minutes,"), Some((30, true)));
        assert_eq!(dur("for 20 minutes from"), Some((20, false)));
        assert_eq!(dur("for about 40 minutes"), Some((40, true)));
        assert_eq!(
            dur("for approximately one and a half hours"),
            Some((90, true))
        );
        assert_eq!(dur("for 1 hour and 15 minutes"), Some((75, false)));
        assert_eq!(dur("for half an hour"), Some((30, false)));
        assert_eq!(dur("for an hour"), Some((60, false)));
        assert_eq!(
            dur("for 2 hours, 5 minutes and 30 seconds").map(|d| d.0),
            Some(125)
        );
        assert_eq!(dur("for the first time"), None);
    }
}
