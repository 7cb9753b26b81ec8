//! Civil (wall-clock) date-times as text: [`parse_civil`], and the scanner and
//! writers that the RFC 9557 form shares with it.

use std::fmt;

use chrono::{Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use crate::error::{Detail, Error, echo};

/// Reads a civil date-time without offset or zone: `YYYY-MM-DDTHH:MM`, with
/// optional seconds (`:SS`) and, after the seconds, an optional fraction of one to
/// nine digits (`.5`, `.123456789`).
///
/// The year has exactly four digits (0000–9999). The separator is `T` (RFC 3339
/// also allows `t`); a space is refused. Hours run 00–23 and seconds 00–59: no
/// `24:00`, no leap second. Nothing may follow.
///
/// # Errors
///
/// [`ErrorKind::InvalidTimestamp`](crate::ErrorKind::InvalidTimestamp), naming the
/// input and what is wrong with it.
///
/// ```
/// use diplomeet::time::parse_civil;
///
/// let civil = parse_civil("2023-11-13T16:00")?;
/// assert_eq!(civil.to_string(), "2023-11-13 16:00:00");
/// assert!(parse_civil("2023-02-29T16:00").is_err());
/// # Ok::<(), diplomeet::Error>(())
/// ```
pub fn parse_civil(text: &str) -> Result<NaiveDateTime, Error> {
    let mut cur = Cursor::new(text);
    let civil = cur.civil().map_err(|reason| invalid(text, reason))?;
    if !cur.at_end() {
        return Err(invalid(
            text,
            "unexpected text after the time (a civil time has no offset or zone)".to_owned(),
        ));
    }
    Ok(civil)
}

/// An `InvalidTimestamp` error for `text`.
pub(crate) fn invalid(text: &str, reason: String) -> Error {
    Error::new(Detail::InvalidTimestamp {
        input: echo(text),
        reason,
    })
}

/// A byte scanner over ASCII syntax; it never slices the text.
pub(crate) struct Cursor<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Cursor {
            text,
            bytes: text.as_bytes(),
            pos: 0,
        }
    }

    pub(crate) fn at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    pub(crate) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    pub(crate) fn eat(&mut self, b: u8) -> bool {
        if self.peek() == Some(b) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    pub(crate) fn bump(&mut self) {
        self.pos += 1;
    }

    /// The text from byte `from` to the cursor, if on character boundaries.
    pub(crate) fn since(&self, from: usize) -> Option<&'a str> {
        self.text.get(from..self.pos)
    }

    pub(crate) fn pos(&self) -> usize {
        self.pos
    }

    /// What the cursor stands on, for messages: the character or "the end".
    pub(crate) fn found(&self) -> String {
        match self
            .text
            .get(self.pos..)
            .and_then(|rest| rest.chars().next())
        {
            Some(c) => format!("{c:?}"),
            None => "the end".to_owned(),
        }
    }

    /// Exactly `n` ASCII digits, as a number.
    pub(crate) fn digits(&mut self, n: usize, what: &str) -> Result<u32, String> {
        let mut value: u32 = 0;
        for _ in 0..n {
            match self.peek() {
                Some(b @ b'0'..=b'9') => {
                    value = value * 10 + u32::from(b - b'0');
                    self.pos += 1;
                }
                _ => {
                    return Err(format!(
                        "expected {n} digits for the {what}, found {}",
                        self.found()
                    ));
                }
            }
        }
        Ok(value)
    }

    fn require(&mut self, b: u8, context: &str) -> Result<(), String> {
        if self.eat(b) {
            Ok(())
        } else {
            Err(format!(
                "expected '{}' {context}, found {}",
                char::from(b),
                self.found()
            ))
        }
    }

    /// `YYYY-MM-DDTHH:MM[:SS[.f{1,9}]]`.
    pub(crate) fn civil(&mut self) -> Result<NaiveDateTime, String> {
        if matches!(self.peek(), Some(b'+' | b'-')) {
            return Err(
                "expanded years (a sign before the year) are not supported: \
                        years run 0000 to 9999"
                    .to_owned(),
            );
        }
        let year = self.digits(4, "year")?;
        if matches!(self.peek(), Some(b'0'..=b'9')) {
            return Err("the year has more than four digits: years run 0000 to 9999".to_owned());
        }
        self.require(b'-', "after the year")?;
        let month = self.digits(2, "month")?;
        self.require(b'-', "after the month")?;
        let day = self.digits(2, "day")?;
        if !(1..=12).contains(&month) {
            return Err(format!("month {month:02} does not exist"));
        }
        let year = i32::try_from(year).map_err(|_| "year out of range".to_owned())?;
        let date = NaiveDate::from_ymd_opt(year, month, day)
            .ok_or_else(|| format!("day {day:02} does not exist in {year:04}-{month:02}"))?;
        match self.peek() {
            Some(b'T' | b't') => self.bump(),
            None => return Err("missing the time of day after the date".to_owned()),
            _ => {
                return Err(format!(
                    "expected 'T' between the date and the time, found {}",
                    self.found()
                ));
            }
        }
        let hour = self.digits(2, "hour")?;
        self.require(b':', "after the hour")?;
        let minute = self.digits(2, "minute")?;
        let (mut second, mut nano) = (0, 0);
        if self.eat(b':') {
            second = self.digits(2, "second")?;
            if self.eat(b'.') {
                nano = self.fraction()?;
            }
        }
        if hour > 23 {
            return Err(format!("hour {hour:02} is out of range (00 to 23)"));
        }
        if minute > 59 {
            return Err(format!("minute {minute:02} is out of range (00 to 59)"));
        }
        if second == 60 {
            return Err("leap seconds (second 60) are not supported".to_owned());
        }
        if second > 59 {
            return Err(format!("second {second:02} is out of range (00 to 59)"));
        }
        let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nano)
            .ok_or_else(|| "invalid time of day".to_owned())?;
        Ok(date.and_time(time))
    }

    /// One to nine digits after a decimal point, as nanoseconds.
    fn fraction(&mut self) -> Result<u32, String> {
        let mut nano: u32 = 0;
        let mut count = 0;
        while let Some(b @ b'0'..=b'9') = self.peek() {
            if count == 9 {
                return Err("more than nine digits in the fraction of a second".to_owned());
            }
            nano = nano * 10 + u32::from(b - b'0');
            count += 1;
            self.pos += 1;
        }
        if count == 0 {
            return Err(format!(
                "expected digits after the decimal point, found {}",
                self.found()
            ));
        }
        for _ in count..9 {
            nano *= 10;
        }
        Ok(nano)
    }
}

/// Writes a civil date-time as `YYYY-MM-DDTHH:MM:SS[.f]`, the fraction without
/// trailing zeros and only when non-zero. Years outside 0000–9999 are written in
/// ISO 8601's expanded form (`+010000`, `-000001`).
pub(crate) struct CivilText(pub(crate) NaiveDateTime);

impl fmt::Display for CivilText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = self.0;
        let year = c.year();
        if (0..=9999).contains(&year) {
            write!(f, "{year:04}")?;
        } else if year > 0 {
            write!(f, "+{year:06}")?;
        } else {
            write!(f, "-{:06}", year.unsigned_abs())?;
        }
        write!(
            f,
            "-{:02}-{:02}T{:02}:{:02}:{:02}",
            c.month(),
            c.day(),
            c.hour(),
            c.minute(),
            c.second()
        )?;
        // A leap second's nanoseconds (1e9 and more) cannot occur: every
        // constructor folds them into the 59th second.
        let mut nano = c.nanosecond() % 1_000_000_000;
        if nano != 0 {
            let mut width = 9;
            while nano % 10 == 0 {
                nano /= 10;
                width -= 1;
            }
            write!(f, ".{nano:0width$}")?;
        }
        Ok(())
    }
}

/// Writes a UTC offset as `±HH:MM`, or `±HH:MM:SS` when it has seconds.
pub(crate) struct OffsetText(pub(crate) FixedOffset);

impl fmt::Display for OffsetText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secs = self.0.local_minus_utc();
        let sign = if secs < 0 { '-' } else { '+' };
        let abs = secs.unsigned_abs();
        let (h, m, s) = (abs / 3600, abs / 60 % 60, abs % 60);
        if s == 0 {
            write!(f, "{sign}{h:02}:{m:02}")
        } else {
            write!(f, "{sign}{h:02}:{m:02}:{s:02}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn accepts() {
        let c = parse_civil("2026-03-08T02:30").unwrap();
        assert_eq!(CivilText(c).to_string(), "2026-03-08T02:30:00");
        let c = parse_civil("2026-03-08t02:30:15.5").unwrap();
        assert_eq!(CivilText(c).to_string(), "2026-03-08T02:30:15.5");
        let c = parse_civil("0000-01-01T00:00:00.000000001").unwrap();
        assert_eq!(CivilText(c).to_string(), "0000-01-01T00:00:00.000000001");
        let c = parse_civil("9999-12-31T23:59:59.120").unwrap();
        assert_eq!(CivilText(c).to_string(), "9999-12-31T23:59:59.12");
    }

    #[test]
    fn rejects() {
        for (bad, says) in [
            ("", "year"),
            ("2026", "'-'"),
            ("2026-13-01T00:00", "month 13"),
            ("2026-00-01T00:00", "month 00"),
            ("2026-02-29T00:00", "day 29"),
            ("2026-01-01", "missing the time"),
            ("2026-01-01 10:00", "'T'"),
            ("2026-01-01T25:00", "hour 25"),
            ("2026-01-01T24:00", "hour 24"),
            ("2026-01-01T10:60", "minute 60"),
            ("2026-01-01T10:00:60", "leap"),
            ("2026-01-01T10:00:61", "second 61"),
            ("2026-01-01T10:00:00.", "digits after"),
            ("2026-01-01T10:00:00.1234567890", "nine digits"),
            ("2026-01-01T10", "':'"),
            ("2026-01-01T1:00", "hour"),
            ("10000-01-01T00:00", "four digits"),
            ("+2026-01-01T00:00", "expanded"),
            ("2026-01-01T10:00Z", "unexpected text"),
            ("2026-01-01T10:00:00-05:00", "unexpected text"),
            ("２０２６-01-01T00:00", "year"),
            ("2026-01-01T10:00é", "unexpected"),
            ("2026-01-0é", "day"),
        ] {
            let e = parse_civil(bad).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidTimestamp, "{bad}");
            let msg = e.to_string();
            assert!(msg.contains(says), "{bad}: {msg}");
            assert!(msg.contains(&format!("{bad:?}")), "{bad}: {msg}");
        }
    }

    #[test]
    fn offsets() {
        let o = |s| OffsetText(FixedOffset::east_opt(s).unwrap()).to_string();
        assert_eq!(o(0), "+00:00");
        assert_eq!(o(-5 * 3600), "-05:00");
        assert_eq!(o(5 * 3600 + 1800), "+05:30");
        assert_eq!(o(-(9 * 3600 + 30 * 60)), "-09:30");
        assert_eq!(o(9 * 3600 + 18 * 60 + 59), "+09:18:59");
        assert_eq!(o(-(17 * 60 + 30)), "-00:17:30");
    }
}
