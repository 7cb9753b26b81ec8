//! `VTIMEZONE` (RFC 5545 3.6.5): a zone defined in the file itself, as
//! Outlook writes for its Windows zone names. Each observance (`STANDARD`,
//! `DAYLIGHT`) has onsets (its `DTSTART`, `RDATE`s and `RRULE`), each the
//! moment the offset changes from `TZOFFSETFROM` to `TZOFFSETTO`.
//!
//! The onsets are computed once, when the file is read: explicit ones
//! wherever they are, rule ones from 1900 to 2100 (a rule's later onsets
//! are taken to repeat the last state: the file's rules are a snapshot, and
//! chrono-tz's own data also ends in 2099). A civil time is read as RFC
//! 5545 (3.3.5) says: in a fold, the first occurrence; in a gap, with the
//! offset before it (so 02:30 in a spring-forward gap is 03:30).

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeDelta, Utc};
use chrono_tz::Tz;

use super::lines::{Line, split};
use super::recur::{self, Bounds, Steps, Stop, Until};
use super::value;
use super::warning::{WarningKind, Warnings};

/// The civil years over which observance rules are expanded.
const FIRST_YEAR: i32 = 1900;
const END_YEAR: i32 = 2101;

/// A change of offset, at a UTC instant (Unix seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Transition {
    utc: i64,
    to: i32,
}

/// A zone from a `VTIMEZONE`: its transitions, sorted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CustomZone {
    pub(crate) tzid: String,
    /// The IANA zone its TZID names (directly or as a Windows name), if any:
    /// a label only, the rules are the file's.
    pub(crate) iana: Option<Tz>,
    transitions: Vec<Transition>,
    /// The offset before the first transition.
    initial: i32,
}

/// Two days, in seconds: wider than any offset (RFC 5545 offsets are under
/// 24 hours).
const TWO_DAYS: i64 = 2 * 86_400;

fn seconds(t: NaiveDateTime) -> i64 {
    t.and_utc().timestamp()
}

impl CustomZone {
    /// The offset (seconds east of UTC) in force at a UTC instant.
    fn offset_at(&self, utc: i64) -> i32 {
        let i = self.transitions.partition_point(|t| t.utc <= utc);
        match i.checked_sub(1).and_then(|i| self.transitions.get(i)) {
            Some(t) => t.to,
            None => self.initial,
        }
    }

    /// The offset before transition `i`.
    fn before(&self, i: usize) -> i32 {
        match i.checked_sub(1).and_then(|i| self.transitions.get(i)) {
            Some(t) => t.to,
            None => self.initial,
        }
    }

    /// The instant a civil time stands for: in a fold the first, in a gap
    /// the civil time read with the offset before the gap.
    pub(crate) fn instant(&self, civil: NaiveDateTime) -> Option<DateTime<Utc>> {
        let c = seconds(civil);
        let lo = self
            .transitions
            .partition_point(|t| t.utc < c.saturating_sub(TWO_DAYS));
        let hi = self
            .transitions
            .partition_point(|t| t.utc <= c.saturating_add(TWO_DAYS));
        let mut best: Option<i64> = None;
        let mut consider = |o: i32| {
            let t = c - i64::from(o);
            if self.offset_at(t) == o && best.is_none_or(|b| t < b) {
                best = Some(t);
            }
        };
        consider(self.before(lo));
        for t in self.transitions.get(lo..hi).unwrap_or_default() {
            consider(t.to);
        }
        let utc = match best {
            Some(t) => t,
            None => {
                // A gap: find the transition that opens it, read with the
                // offset before.
                let mut read_with = self.offset_at(c.saturating_sub(TWO_DAYS));
                for i in lo..hi {
                    let (Some(t), before) = (self.transitions.get(i), self.before(i)) else {
                        continue;
                    };
                    let start = t.utc + i64::from(before);
                    let end = t.utc + i64::from(t.to);
                    if start <= c && c < end {
                        read_with = before;
                    }
                }
                c - i64::from(read_with)
            }
        };
        DateTime::from_timestamp(utc, 0)
    }

    /// The civil time at an instant.
    pub(crate) fn civil(&self, instant: DateTime<Utc>) -> Option<NaiveDateTime> {
        let o = self.offset_at(instant.timestamp());
        instant
            .naive_utc()
            .checked_add_signed(TimeDelta::try_seconds(i64::from(o))?)
    }
}

/// One observance as read.
struct Observance {
    start: NaiveDateTime,
    from: i32,
    to: i32,
    rules: Vec<recur::Rule>,
    /// Explicit onsets: civil (`false`) or UTC (`true`).
    rdates: Vec<(NaiveDateTime, bool)>,
}

/// Reads the `VTIMEZONE` whose lines are `lines` (from its `BEGIN` to its
/// `END`). `None`, with a warning, when it has no `TZID` or no usable
/// observance.
pub(crate) fn read(
    lines: &[Line<'_>],
    warnings: &mut Warnings,
    steps_per_rule: usize,
    budget: &mut Steps,
) -> Option<CustomZone> {
    let begin = lines.first().map_or(0, |l| l.no);
    let mut tzid: Option<String> = None;
    let mut observances: Vec<Observance> = Vec::new();
    let mut current: Option<(usize, PendingObservance)> = None;
    for line in lines {
        let Some(p) = split(&line.text) else { continue };
        if p.is("BEGIN")
            && (p.value.eq_ignore_ascii_case("STANDARD")
                || p.value.eq_ignore_ascii_case("DAYLIGHT"))
        {
            current = Some((line.no, PendingObservance::default()));
            continue;
        }
        if p.is("END")
            && (p.value.eq_ignore_ascii_case("STANDARD")
                || p.value.eq_ignore_ascii_case("DAYLIGHT"))
        {
            if let Some((no, o)) = current.take() {
                match o.finish() {
                    Ok(o) => observances.push(o),
                    Err(why) => warnings.push(
                        no,
                        WarningKind::InvalidTimeZone,
                        format!("observance skipped: {why}"),
                    ),
                }
            }
            continue;
        }
        match &mut current {
            None => {
                if p.is("TZID") && tzid.is_none() {
                    tzid = Some(clean_tzid(p.value).to_owned());
                }
            }
            Some((_, o)) => o.read(line.no, &p, warnings),
        }
    }
    let Some(tzid) = tzid.filter(|t| !t.is_empty()) else {
        warnings.push(
            begin,
            WarningKind::InvalidTimeZone,
            "a VTIMEZONE without TZID: skipped".to_owned(),
        );
        return None;
    };
    if observances.is_empty() {
        warnings.push(
            begin,
            WarningKind::InvalidTimeZone,
            format!("VTIMEZONE {tzid:?} has no usable observance: skipped"),
        );
        return None;
    }
    let mut transitions = Vec::new();
    let mut earliest: Option<(i64, i32)> = None;
    let lo = NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).map(|d| d.and_time(chrono::NaiveTime::MIN));
    let hi = NaiveDate::from_ymd_opt(END_YEAR, 1, 1).map(|d| d.and_time(chrono::NaiveTime::MIN));
    for o in &observances {
        let mut add = |utc: i64| {
            transitions.push(Transition { utc, to: o.to });
            if earliest.is_none_or(|(t, _)| utc < t) {
                earliest = Some((utc, o.from));
            }
        };
        add(seconds(o.start) - i64::from(o.from));
        for (t, utc) in &o.rdates {
            add(seconds(*t) - if *utc { 0 } else { i64::from(o.from) });
        }
        let (Some(lo), Some(hi)) = (lo, hi) else {
            continue;
        };
        for rule in &o.rules {
            let until = rule.until.and_then(|u| match u {
                Until::Utc(t) => t.checked_add_signed(TimeDelta::try_seconds(i64::from(o.from))?),
                Until::Local(t) => Some(t),
                Until::Date(d) => d.and_hms_opt(23, 59, 59),
            });
            let mut steps =
                Steps::new(steps_per_rule.min(budget.limit.saturating_sub(budget.used)));
            let bounds = Bounds {
                start: o.start,
                lo: lo.max(o.start),
                hi,
                until,
                date_only: false,
            };
            let stop = recur::expand(rule, bounds, &mut steps, |t| {
                add(seconds(t) - i64::from(o.from));
            });
            budget.used = budget.used.saturating_add(steps.used);
            if stop == Stop::Cut {
                warnings.push(
                    begin,
                    WarningKind::OccurrencesCut,
                    format!(
                        "VTIMEZONE {tzid:?}: a rule's onsets were cut at {} steps",
                        steps.limit
                    ),
                );
            }
        }
    }
    transitions.sort_by_key(|t| t.utc);
    let initial = earliest.map_or(0, |(_, from)| from);
    Some(CustomZone {
        iana: None,
        tzid,
        transitions,
        initial,
    })
}

/// A TZID without surrounding quotes and white space.
pub(crate) fn clean_tzid(s: &str) -> &str {
    s.trim().trim_matches('"').trim()
}

#[derive(Default)]
struct PendingObservance {
    start: Option<NaiveDateTime>,
    from: Option<i32>,
    to: Option<i32>,
    rules: Vec<recur::Rule>,
    rdates: Vec<(NaiveDateTime, bool)>,
}

impl PendingObservance {
    fn read(&mut self, no: usize, p: &super::lines::Prop<'_>, warnings: &mut Warnings) {
        let bad = |warnings: &mut Warnings, what: &str| {
            warnings.push(
                no,
                WarningKind::InvalidValue,
                format!(
                    "{} {:?} is not a valid {what}: skipped",
                    p.name,
                    value::clip(p.value)
                ),
            );
        };
        if p.is("DTSTART") {
            match value::date_time(p.value) {
                Some((t, _)) => self.start = Some(t),
                None => bad(warnings, "date-time"),
            }
        } else if p.is("TZOFFSETFROM") {
            match value::utc_offset(p.value) {
                Some(o) => self.from = Some(o),
                None => bad(warnings, "UTC offset"),
            }
        } else if p.is("TZOFFSETTO") {
            match value::utc_offset(p.value) {
                Some(o) => self.to = Some(o),
                None => bad(warnings, "UTC offset"),
            }
        } else if p.is("RRULE") {
            match recur::parse(p.value) {
                Ok((rule, _)) => self.rules.push(rule),
                Err(_) => warnings.push(
                    no,
                    WarningKind::InvalidRule,
                    format!("observance rule {:?} skipped", value::clip(p.value)),
                ),
            }
        } else if p.is("RDATE") {
            for v in value::list(p.value) {
                let v = v.split('/').next().unwrap_or(v);
                match value::date_time(v) {
                    Some(t) => self.rdates.push(t),
                    None => bad(warnings, "date-time"),
                }
            }
        }
    }

    fn finish(self) -> Result<Observance, &'static str> {
        let start = self.start.ok_or("no DTSTART")?;
        let to = self.to.ok_or("no TZOFFSETTO")?;
        Ok(Observance {
            start,
            from: self.from.unwrap_or(to),
            to,
            rules: self.rules,
            rdates: self.rdates,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use std::borrow::Cow;

    use super::*;

    fn zone(text: &str) -> CustomZone {
        let lines: Vec<Line<'_>> = text
            .lines()
            .enumerate()
            .map(|(i, l)| Line {
                no: i + 1,
                text: Cow::Borrowed(l),
            })
            .collect();
        let mut w = Warnings::default();
        let z = read(&lines, &mut w, 10_000, &mut Steps::new(100_000)).unwrap();
        assert!(w.is_empty(), "{:?}", w.list());
        z
    }

    const EASTERN: &str = "BEGIN:VTIMEZONE
TZID:Eastern Standard Time
BEGIN:STANDARD
DTSTART:16010101T020000
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE";

    fn at(s: &str) -> NaiveDateTime {
        value::date_time(s).unwrap().0
    }

    #[test]
    fn outlook_rules_give_new_york_offsets() {
        let z = zone(EASTERN);
        assert_eq!(z.tzid, "Eastern Standard Time");
        let utc = |s: &str| z.instant(at(s)).unwrap().to_rfc3339();
        assert_eq!(utc("20260105T090000"), "2026-01-05T14:00:00+00:00");
        assert_eq!(utc("20260706T090000"), "2026-07-06T13:00:00+00:00");
        // The gap of 2026-03-08: 02:30 is read as 03:30 EDT.
        assert_eq!(utc("20260308T023000"), "2026-03-08T07:30:00+00:00");
        // The fold of 2026-11-01: 01:30 is its first occurrence, EDT.
        assert_eq!(utc("20261101T013000"), "2026-11-01T05:30:00+00:00");
        let back = z.civil(z.instant(at("20261101T013000")).unwrap()).unwrap();
        assert_eq!(back, at("20261101T013000"));
    }
}
