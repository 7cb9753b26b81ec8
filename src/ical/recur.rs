//! Recurrence rules (RFC 5545 3.3.10): parsing, and expansion in civil time.
//!
//! The expander walks the rule's periods (days, weeks, months or years,
//! `INTERVAL` apart), builds each period's candidate dates and times from
//! the `BY*` parts, applies `BYSETPOS` within the period, and keeps the
//! candidates from `DTSTART` on, within `UNTIL` and `COUNT`. Dates that do
//! not exist (February 30) are simply never candidates, as the RFC says.
//!
//! Cost is bounded in *steps*: one per period examined and one per
//! candidate made. A rule without `COUNT` starts at the period holding the
//! window's start (aligned on `INTERVAL`), so a rule that has run for
//! centuries costs only its periods in the window; a rule with `COUNT`
//! counts from `DTSTART`. Every expansion stops at its step budget, so no
//! rule loops for ever, even one that never produces a date
//! (`FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30`).
//!
//! Where RFC 5545 leaves room, the choices follow python-dateutil (which
//! `recurring-ical-events` uses): the defaults taken from `DTSTART` when
//! no day-level part is given, ordinals in `BYDAY` read within the month
//! for `MONTHLY` (and `YEARLY` with `BYMONTH`), within the year otherwise,
//! and ignored for `WEEKLY` and `DAILY`.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike, Weekday};

/// How often a rule repeats (the frequencies this reader expands).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Freq {
    Daily,
    Weekly,
    Monthly,
    Yearly,
}

/// `UNTIL` as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Until {
    Date(NaiveDate),
    /// A date-time without `Z`.
    Local(NaiveDateTime),
    /// A date-time with `Z`.
    Utc(NaiveDateTime),
}

/// A parsed `RRULE`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rule {
    pub(crate) freq: Freq,
    pub(crate) interval: u32,
    pub(crate) count: Option<u32>,
    pub(crate) until: Option<Until>,
    by_month: Vec<u32>,
    by_week_no: Vec<i32>,
    by_year_day: Vec<i32>,
    by_month_day: Vec<i32>,
    by_day: Vec<(i32, Weekday)>,
    by_hour: Vec<u32>,
    by_minute: Vec<u32>,
    by_second: Vec<u32>,
    by_set_pos: Vec<i32>,
    wkst: Weekday,
}

/// Why a rule cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RuleProblem {
    Invalid(String),
    Unsupported(String),
}

/// The largest `INTERVAL` read (beyond it a rule would repeat once in
/// 27,000 years of days).
const MAX_INTERVAL: u32 = 10_000_000;

fn number_list(
    key: &str,
    value: &str,
    valid: impl Fn(i32) -> bool,
) -> Result<Vec<i32>, RuleProblem> {
    let mut out = Vec::new();
    for v in value.split(',').map(str::trim).filter(|v| !v.is_empty()) {
        let n: i32 = v
            .strip_prefix('+')
            .unwrap_or(v)
            .parse()
            .map_err(|_| RuleProblem::Invalid(format!("{key} value {v:?} is not a number")))?;
        if !valid(n) {
            return Err(RuleProblem::Invalid(format!(
                "{key} value {n} is out of range"
            )));
        }
        out.push(n);
    }
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

fn unsigned(list: Vec<i32>) -> Vec<u32> {
    list.into_iter()
        .filter_map(|n| u32::try_from(n).ok())
        .collect()
}

pub(crate) fn weekday(s: &str) -> Option<Weekday> {
    Some(match s.to_ascii_uppercase().as_str() {
        "MO" => Weekday::Mon,
        "TU" => Weekday::Tue,
        "WE" => Weekday::Wed,
        "TH" => Weekday::Thu,
        "FR" => Weekday::Fri,
        "SA" => Weekday::Sat,
        "SU" => Weekday::Sun,
        _ => return None,
    })
}

fn by_day(value: &str) -> Result<Vec<(i32, Weekday)>, RuleProblem> {
    let mut out = Vec::new();
    for v in value.split(',').map(str::trim).filter(|v| !v.is_empty()) {
        let split = v.len().saturating_sub(2);
        let (n, day) = (v.get(..split).unwrap_or_default(), v.get(split..));
        let day = day
            .and_then(weekday)
            .ok_or_else(|| RuleProblem::Invalid(format!("BYDAY value {v:?} names no weekday")))?;
        let n = if n.is_empty() {
            0
        } else {
            let n: i32 = n.strip_prefix('+').unwrap_or(n).parse().map_err(|_| {
                RuleProblem::Invalid(format!("BYDAY value {v:?} has a bad ordinal"))
            })?;
            if n == 0 || !(-53..=53).contains(&n) {
                return Err(RuleProblem::Invalid(format!(
                    "BYDAY ordinal {n} is out of range"
                )));
            }
            n
        };
        if !out.contains(&(n, day)) {
            out.push((n, day));
        }
    }
    Ok(out)
}

fn until(value: &str) -> Option<Until> {
    if let Some((t, utc)) = super::value::date_time(value) {
        return Some(if utc { Until::Utc(t) } else { Until::Local(t) });
    }
    super::value::date(value).map(Until::Date)
}

/// Parses an `RRULE` value. Returns the rule and the parts it ignores
/// (each a message for a warning).
pub(crate) fn parse(text: &str) -> Result<(Rule, Vec<String>), RuleProblem> {
    let mut freq = None;
    let mut rule = Rule {
        freq: Freq::Daily,
        interval: 1,
        count: None,
        until: None,
        by_month: Vec::new(),
        by_week_no: Vec::new(),
        by_year_day: Vec::new(),
        by_month_day: Vec::new(),
        by_day: Vec::new(),
        by_hour: Vec::new(),
        by_minute: Vec::new(),
        by_second: Vec::new(),
        by_set_pos: Vec::new(),
        wkst: Weekday::Mon,
    };
    let mut ignored = Vec::new();
    for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let Some((key, value)) = part.split_once('=') else {
            return Err(RuleProblem::Invalid(format!("part {part:?} has no '='")));
        };
        let key = key.trim().to_ascii_uppercase();
        let value = value.trim();
        match key.as_str() {
            "FREQ" => {
                freq = Some(match value.to_ascii_uppercase().as_str() {
                    "DAILY" => Freq::Daily,
                    "WEEKLY" => Freq::Weekly,
                    "MONTHLY" => Freq::Monthly,
                    "YEARLY" => Freq::Yearly,
                    "HOURLY" | "MINUTELY" | "SECONDLY" => {
                        return Err(RuleProblem::Unsupported(format!(
                            "FREQ={value} is not expanded (only DAILY, WEEKLY, MONTHLY and YEARLY are)"
                        )));
                    }
                    _ => return Err(RuleProblem::Invalid(format!("unknown FREQ {value:?}"))),
                });
            }
            "INTERVAL" => {
                rule.interval = value
                    .parse()
                    .ok()
                    .filter(|n| (1..=MAX_INTERVAL).contains(n))
                    .ok_or_else(|| RuleProblem::Invalid(format!("bad INTERVAL {value:?}")))?;
            }
            "COUNT" => match value.parse::<i64>() {
                Ok(n) if n > 0 => rule.count = Some(u32::try_from(n).unwrap_or(u32::MAX)),
                // A count of zero or less: ignored, as python-dateutil's
                // users (recurring-ical-events) do.
                Ok(_) => ignored.push(format!("COUNT={value} ignored")),
                Err(_) => return Err(RuleProblem::Invalid(format!("bad COUNT {value:?}"))),
            },
            "UNTIL" => {
                rule.until = Some(
                    until(value)
                        .ok_or_else(|| RuleProblem::Invalid(format!("bad UNTIL {value:?}")))?,
                );
            }
            "BYMONTH" => {
                rule.by_month = unsigned(number_list(&key, value, |n| (1..=12).contains(&n))?)
            }
            "BYWEEKNO" => {
                rule.by_week_no = number_list(&key, value, |n| n != 0 && (-53..=53).contains(&n))?
            }
            "BYYEARDAY" => {
                rule.by_year_day =
                    number_list(&key, value, |n| n != 0 && (-366..=366).contains(&n))?
            }
            "BYMONTHDAY" => {
                rule.by_month_day = number_list(&key, value, |n| n != 0 && (-31..=31).contains(&n))?
            }
            "BYDAY" => rule.by_day = by_day(value)?,
            "BYHOUR" => {
                rule.by_hour = unsigned(number_list(&key, value, |n| (0..=23).contains(&n))?)
            }
            "BYMINUTE" => {
                rule.by_minute = unsigned(number_list(&key, value, |n| (0..=59).contains(&n))?)
            }
            "BYSECOND" => {
                // A leap second (60) is read as :59.
                let mut s = unsigned(number_list(&key, value, |n| (0..=60).contains(&n))?);
                for v in &mut s {
                    *v = (*v).min(59);
                }
                s.dedup();
                rule.by_second = s;
            }
            "BYSETPOS" => {
                rule.by_set_pos = number_list(&key, value, |n| n != 0 && (-366..=366).contains(&n))?
            }
            "WKST" => {
                rule.wkst = weekday(value)
                    .ok_or_else(|| RuleProblem::Invalid(format!("bad WKST {value:?}")))?;
            }
            "RSCALE" if value.eq_ignore_ascii_case("GREGORIAN") => {}
            "SKIP" if value.eq_ignore_ascii_case("OMIT") => {}
            "RSCALE" | "SKIP" => {
                return Err(RuleProblem::Unsupported(format!(
                    "{key}={value} (RFC 7529) is not expanded"
                )));
            }
            k if k.starts_with("X-") => {}
            _ => ignored.push(format!("unknown rule part {key:?} ignored")),
        }
    }
    rule.freq = freq.ok_or_else(|| RuleProblem::Invalid("no FREQ".to_owned()))?;
    Ok((rule, ignored))
}

/// A budget of expansion steps (periods examined and candidates made).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Steps {
    pub(crate) used: usize,
    pub(crate) limit: usize,
}

impl Steps {
    pub(crate) fn new(limit: usize) -> Steps {
        Steps { used: 0, limit }
    }

    /// Spends `n` steps; `false` when that would pass the limit.
    fn spend(&mut self, n: usize) -> bool {
        match self.used.checked_add(n) {
            Some(total) if total <= self.limit => {
                self.used = total;
                true
            }
            _ => {
                self.used = self.limit;
                false
            }
        }
    }
}

/// What an expansion ended with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stop {
    /// The rule ended, or passed the window.
    Done,
    /// The step budget ran out first.
    Cut,
}

/// The `BY*` parts with the defaults from `DTSTART` filled in.
struct Plan<'r> {
    rule: &'r Rule,
    by_month: Vec<u32>,
    by_month_day: Vec<i32>,
    plain_days: [bool; 7],
    nth_days: Vec<(i32, Weekday)>,
    times: Vec<NaiveTime>,
}

impl<'r> Plan<'r> {
    fn new(rule: &'r Rule, start: NaiveDateTime, date_only: bool) -> Plan<'r> {
        let mut by_month = rule.by_month.clone();
        let mut by_month_day = rule.by_month_day.clone();
        let mut by_day = rule.by_day.clone();
        let day_level = !rule.by_week_no.is_empty()
            || !rule.by_year_day.is_empty()
            || !rule.by_month_day.is_empty()
            || !rule.by_day.is_empty();
        if !day_level {
            match rule.freq {
                Freq::Yearly => {
                    if by_month.is_empty() {
                        by_month.push(start.month());
                    }
                    by_month_day.push(i32::try_from(start.day()).unwrap_or(1));
                }
                Freq::Monthly => by_month_day.push(i32::try_from(start.day()).unwrap_or(1)),
                Freq::Weekly => by_day.push((0, start.weekday())),
                Freq::Daily => {}
            }
        }
        let mut plain_days = [false; 7];
        let mut nth_days = Vec::new();
        for (n, d) in by_day {
            if n == 0 || matches!(rule.freq, Freq::Weekly | Freq::Daily) {
                if let Some(slot) = plain_days.get_mut(d.num_days_from_monday() as usize) {
                    *slot = true;
                }
            } else {
                nth_days.push((n, d));
            }
        }
        let times = if date_only {
            vec![NaiveTime::MIN]
        } else {
            let pick = |list: &[u32], default: u32| -> Vec<u32> {
                if list.is_empty() {
                    vec![default]
                } else {
                    list.to_vec()
                }
            };
            let hours = pick(&rule.by_hour, start.hour());
            let minutes = pick(&rule.by_minute, start.minute());
            let seconds = pick(&rule.by_second, start.second());
            let mut t = Vec::with_capacity(hours.len() * minutes.len() * seconds.len());
            for h in &hours {
                for m in &minutes {
                    for s in &seconds {
                        if let Some(time) = NaiveTime::from_hms_opt(*h, *m, *s) {
                            t.push(time);
                        }
                    }
                }
            }
            t
        };
        Plan {
            rule,
            by_month,
            by_month_day,
            plain_days,
            nth_days,
            times,
        }
    }

    /// Whether `d` passes every day-level part.
    fn keeps(&self, d: NaiveDate) -> bool {
        let r = self.rule;
        if !self.by_month.is_empty() && !self.by_month.contains(&d.month()) {
            return false;
        }
        if !r.by_week_no.is_empty() {
            let (number, count) = week_number(d, r.wkst);
            if !r
                .by_week_no
                .iter()
                .any(|n| *n == number || *n == number - count - 1)
            {
                return false;
            }
        }
        if !r.by_year_day.is_empty() {
            let day = i32::try_from(d.ordinal()).unwrap_or(0);
            let len = year_len(d.year());
            if !r
                .by_year_day
                .iter()
                .any(|n| *n == day || *n == day - len - 1)
            {
                return false;
            }
        }
        if !self.by_month_day.is_empty() {
            let day = i32::try_from(d.day()).unwrap_or(0);
            let len = month_len(d.year(), d.month());
            if !self
                .by_month_day
                .iter()
                .any(|n| *n == day || *n == day - len - 1)
            {
                return false;
            }
        }
        let any_day_rule = self.plain_days.iter().any(|b| *b) || !self.nth_days.is_empty();
        if any_day_rule {
            let plain = self
                .plain_days
                .get(d.weekday().num_days_from_monday() as usize)
                .copied()
                .unwrap_or(false);
            if !plain && !self.nth_days.iter().any(|(n, wd)| self.is_nth(d, *n, *wd)) {
                return false;
            }
        }
        true
    }

    /// Whether `d` is the `n`th `wd` of its month (`MONTHLY`, or `YEARLY`
    /// with `BYMONTH`) or of its year (`YEARLY` otherwise).
    fn is_nth(&self, d: NaiveDate, n: i32, wd: Weekday) -> bool {
        if d.weekday() != wd {
            return false;
        }
        let in_month = self.rule.freq == Freq::Monthly || !self.by_month.is_empty();
        let (index0, len) = if in_month {
            (
                i32::try_from(d.day0()).unwrap_or(0),
                month_len(d.year(), d.month()),
            )
        } else {
            (i32::try_from(d.ordinal0()).unwrap_or(0), year_len(d.year()))
        };
        // The same weekday `k` weeks into the range and from its end.
        let from_start = index0 / 7 + 1;
        let from_end = -((len - 1 - index0) / 7 + 1);
        n == from_start || n == from_end
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn year_len(y: i32) -> i32 {
    if is_leap(y) { 366 } else { 365 }
}

fn month_len(y: i32, m: u32) -> i32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ => {
            if is_leap(y) {
                29
            } else {
                28
            }
        }
    }
}

/// The first day of week 1 of `year` for weeks starting on `wkst`: the
/// first week with at least four days in the year.
fn week1_start(year: i32, wkst: Weekday) -> Option<NaiveDate> {
    let jan1 = NaiveDate::from_ymd_opt(year, 1, 1)?;
    let into_week = i64::from(jan1.weekday().days_since(wkst));
    if 7 - into_week >= 4 {
        jan1.checked_sub_signed(TimeDelta::try_days(into_week)?)
    } else {
        jan1.checked_add_signed(TimeDelta::try_days(7 - into_week)?)
    }
}

/// The week number of `d` in its week-numbering year and how many weeks
/// that year has (RFC 5545 `BYWEEKNO`, weeks starting on `wkst`).
fn week_number(d: NaiveDate, wkst: Weekday) -> (i32, i32) {
    let y = d.year();
    let (Some(this), Some(next), Some(prev)) = (
        week1_start(y, wkst),
        week1_start(y + 1, wkst),
        week1_start(y - 1, wkst),
    ) else {
        return (0, 0);
    };
    let weeks = |a: NaiveDate, b: NaiveDate| i32::try_from((b - a).num_days() / 7).unwrap_or(0);
    if d >= next {
        let count = week1_start(y + 2, wkst).map_or(52, |after| weeks(next, after));
        (weeks(next, d) + 1, count)
    } else if d >= this {
        (weeks(this, d) + 1, weeks(this, next))
    } else {
        (weeks(prev, d) + 1, weeks(prev, this))
    }
}

/// The first day of the period of `freq` holding `d`.
fn period_start(freq: Freq, d: NaiveDate, wkst: Weekday) -> Option<NaiveDate> {
    match freq {
        Freq::Daily => Some(d),
        Freq::Weekly => d.checked_sub_signed(TimeDelta::try_days(i64::from(
            d.weekday().days_since(wkst),
        ))?),
        Freq::Monthly => d.with_day(1),
        Freq::Yearly => NaiveDate::from_ymd_opt(d.year(), 1, 1),
    }
}

/// A number that grows by one from each period to the next.
fn period_index(freq: Freq, start: NaiveDate) -> i64 {
    match freq {
        Freq::Daily => i64::from(start.num_days_from_ce()),
        Freq::Weekly => i64::from(start.num_days_from_ce()).div_euclid(7),
        Freq::Monthly => i64::from(start.year()) * 12 + i64::from(start.month0()),
        Freq::Yearly => i64::from(start.year()),
    }
}

/// The start of the period `n` periods after the one starting at `start`.
fn advance(freq: Freq, start: NaiveDate, n: i64) -> Option<NaiveDate> {
    match freq {
        Freq::Daily => start.checked_add_signed(TimeDelta::try_days(n)?),
        Freq::Weekly => start.checked_add_signed(TimeDelta::try_days(n.checked_mul(7)?)?),
        Freq::Monthly => {
            let index = i64::from(start.year())
                .checked_mul(12)?
                .checked_add(i64::from(start.month0()))?
                .checked_add(n)?;
            let year = i32::try_from(index.div_euclid(12)).ok()?;
            let month = u32::try_from(index.rem_euclid(12)).ok()? + 1;
            NaiveDate::from_ymd_opt(year, month, 1)
        }
        Freq::Yearly => NaiveDate::from_ymd_opt(
            i32::try_from(i64::from(start.year()).checked_add(n)?).ok()?,
            1,
            1,
        ),
    }
}

/// The days of the period starting at `start`, before filtering.
fn period_days(plan: &Plan<'_>, start: NaiveDate, out: &mut Vec<NaiveDate>) {
    out.clear();
    let mut push_range = |first: Option<NaiveDate>, len: i64| {
        let Some(first) = first else { return };
        for i in 0..len {
            if let Some(d) = TimeDelta::try_days(i).and_then(|t| first.checked_add_signed(t)) {
                out.push(d);
            }
        }
    };
    match plan.rule.freq {
        Freq::Daily => push_range(Some(start), 1),
        Freq::Weekly => push_range(Some(start), 7),
        Freq::Monthly => push_range(
            Some(start),
            i64::from(month_len(start.year(), start.month())),
        ),
        Freq::Yearly => {
            if plan.by_month.is_empty() {
                push_range(Some(start), i64::from(year_len(start.year())));
            } else {
                for m in &plan.by_month {
                    push_range(
                        NaiveDate::from_ymd_opt(start.year(), *m, 1),
                        i64::from(month_len(start.year(), *m)),
                    );
                }
            }
        }
    }
}

/// Where an expansion looks, and what it may spend.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bounds {
    /// The rule's `DTSTART` (civil).
    pub(crate) start: NaiveDateTime,
    /// Candidates before this are not emitted (but count for `COUNT`).
    pub(crate) lo: NaiveDateTime,
    /// The expansion stops after this.
    pub(crate) hi: NaiveDateTime,
    /// `UNTIL` as a civil bound (inclusive), already read in the event's zone.
    pub(crate) until: Option<NaiveDateTime>,
    /// Whether the event is all-day (times are midnight).
    pub(crate) date_only: bool,
}

/// Emits, in order, every instance of `rule` from `DTSTART` that lies in
/// `[lo, hi]` (civil), within `UNTIL` and `COUNT`, spending `steps`.
/// `DTSTART` itself is emitted only when it matches the rule (the caller
/// adds it, as RFC 5545 says it always counts).
pub(crate) fn expand(
    rule: &Rule,
    b: Bounds,
    steps: &mut Steps,
    mut emit: impl FnMut(NaiveDateTime),
) -> Stop {
    let plan = Plan::new(rule, b.start, b.date_only);
    let Some(first) = period_start(rule.freq, b.start.date(), rule.wkst) else {
        return Stop::Done;
    };
    let interval = i64::from(rule.interval);
    // Without COUNT, skip straight to the period holding `lo`.
    let mut period = first;
    if rule.count.is_none() && b.lo > b.start {
        if let Some(lo_start) = period_start(rule.freq, b.lo.date(), rule.wkst) {
            let gap = period_index(rule.freq, lo_start) - period_index(rule.freq, first);
            let k = gap.div_euclid(interval);
            if k > 0 {
                match k
                    .checked_mul(interval)
                    .and_then(|n| advance(rule.freq, first, n))
                {
                    Some(p) => period = p,
                    None => return Stop::Done,
                }
            }
        }
    }
    let mut emitted: u32 = 0;
    let mut days = Vec::with_capacity(31);
    let mut candidates: Vec<NaiveDateTime> = Vec::new();
    loop {
        let period_begin = period.and_time(NaiveTime::MIN);
        if period_begin > b.hi || b.until.is_some_and(|u| period_begin > u) {
            return Stop::Done;
        }
        if !steps.spend(1) {
            return Stop::Cut;
        }
        period_days(&plan, period, &mut days);
        days.retain(|d| plan.keeps(*d));
        if !steps.spend(days.len().saturating_mul(plan.times.len())) {
            return Stop::Cut;
        }
        candidates.clear();
        for d in &days {
            for t in &plan.times {
                candidates.push(d.and_time(*t));
            }
        }
        if !rule.by_set_pos.is_empty() {
            let all = std::mem::take(&mut candidates);
            let n = i64::try_from(all.len()).unwrap_or(i64::MAX);
            for pos in &rule.by_set_pos {
                let i = if *pos > 0 {
                    i64::from(*pos) - 1
                } else {
                    n + i64::from(*pos)
                };
                if let Some(c) = usize::try_from(i).ok().and_then(|i| all.get(i)) {
                    candidates.push(*c);
                }
            }
            candidates.sort_unstable();
            candidates.dedup();
        }
        for c in &candidates {
            if *c < b.start {
                continue;
            }
            if b.until.is_some_and(|u| *c > u) || *c > b.hi {
                return Stop::Done;
            }
            if let Some(count) = rule.count {
                if emitted >= count {
                    return Stop::Done;
                }
                emitted += 1;
            }
            if *c >= b.lo {
                emit(*c);
            }
        }
        if rule.count.is_some_and(|n| emitted >= n) {
            return Stop::Done;
        }
        match advance(rule.freq, period, interval) {
            Some(p) => period = p,
            None => return Stop::Done,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn dt(s: &str) -> NaiveDateTime {
        super::super::value::date_time(s).unwrap().0
    }

    fn run(rule: &str, start: &str, lo: &str, hi: &str) -> (Vec<String>, Stop, usize) {
        let (r, _) = parse(rule).unwrap();
        let until = r.until.map(|u| match u {
            Until::Date(d) => d.and_time(NaiveTime::MIN),
            Until::Local(t) | Until::Utc(t) => t,
        });
        let mut steps = Steps::new(10_000);
        let mut out = Vec::new();
        let stop = expand(
            &r,
            Bounds {
                start: dt(start),
                lo: dt(lo),
                hi: dt(hi),
                until,
                date_only: false,
            },
            &mut steps,
            |t| out.push(t.format("%Y-%m-%d %a %H:%M").to_string()),
        );
        (out, stop, steps.used)
    }

    #[test]
    fn weekly_by_day() {
        let (out, stop, _) = run(
            "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4",
            "20260105T090000",
            "20000101T000000",
            "20300101T000000",
        );
        assert_eq!(
            out,
            [
                "2026-01-05 Mon 09:00",
                "2026-01-07 Wed 09:00",
                "2026-01-12 Mon 09:00",
                "2026-01-14 Wed 09:00"
            ]
        );
        assert_eq!(stop, Stop::Done);
    }

    #[test]
    fn monthly_last_sunday_and_setpos() {
        let (out, _, _) = run(
            "FREQ=MONTHLY;BYDAY=-1SU;COUNT=3",
            "20260125T100000",
            "20000101T000000",
            "20300101T000000",
        );
        assert_eq!(
            out,
            [
                "2026-01-25 Sun 10:00",
                "2026-02-22 Sun 10:00",
                "2026-03-29 Sun 10:00"
            ]
        );
        // The last weekday of the month.
        let (out, _, _) = run(
            "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=3",
            "20260130T170000",
            "20000101T000000",
            "20300101T000000",
        );
        assert_eq!(
            out,
            [
                "2026-01-30 Fri 17:00",
                "2026-02-27 Fri 17:00",
                "2026-03-31 Tue 17:00"
            ]
        );
    }

    #[test]
    fn yearly_defaults_and_impossible_dates() {
        let (out, _, _) = run(
            "FREQ=YEARLY;COUNT=3",
            "20240229T120000",
            "20000101T000000",
            "20400101T000000",
        );
        // February 29 exists only in leap years.
        assert_eq!(
            out,
            [
                "2024-02-29 Thu 12:00",
                "2028-02-29 Tue 12:00",
                "2032-02-29 Sun 12:00"
            ]
        );
        let (out, stop, used) = run(
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
            "20260101T000000",
            "20260101T000000",
            "21260101T000000",
        );
        assert!(out.is_empty());
        assert_eq!(stop, Stop::Done);
        assert!(used <= 101, "{used}");
        // The same with a daily rule over a long window: cut, never endless.
        let (out, stop, _) = run(
            "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
            "20260101T000000",
            "20260101T000000",
            "99991231T000000",
        );
        assert!(out.is_empty());
        assert_eq!(stop, Stop::Cut);
    }

    #[test]
    fn skips_ahead_without_count() {
        let (out, _, used) = run(
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
            "16010102T090000",
            "20260101T000000",
            "20260201T000000",
        );
        // 1601-01-02 is a Tuesday (proleptic Gregorian); every other week.
        assert_eq!(out.len(), 2, "{out:?}");
        assert!(used < 20, "{used}");
        let first = &out[0];
        let (o2, _, _) = run(
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=100000000",
            "20251230T090000",
            "20260101T000000",
            "20260201T000000",
        );
        assert_eq!(o2.len(), 2);
        assert!(first.starts_with("2026-01-"));
    }

    #[test]
    fn until_is_inclusive_and_daily_interval() {
        let (out, _, _) = run(
            "FREQ=DAILY;INTERVAL=3;UNTIL=20260107T090000",
            "20260101T090000",
            "20000101T000000",
            "20300101T000000",
        );
        assert_eq!(
            out,
            [
                "2026-01-01 Thu 09:00",
                "2026-01-04 Sun 09:00",
                "2026-01-07 Wed 09:00"
            ]
        );
    }

    #[test]
    fn by_hour_and_week_numbers() {
        let (out, _, _) = run(
            "FREQ=DAILY;BYHOUR=9,14;BYMINUTE=30;COUNT=3",
            "20260105T093000",
            "20000101T000000",
            "20300101T000000",
        );
        assert_eq!(
            out,
            [
                "2026-01-05 Mon 09:30",
                "2026-01-05 Mon 14:30",
                "2026-01-06 Tue 09:30"
            ]
        );
        // RFC 5545's example: Monday of week 20.
        let (out, _, _) = run(
            "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO;COUNT=3",
            "19970512T090000",
            "19000101T000000",
            "20300101T000000",
        );
        assert_eq!(
            out,
            [
                "1997-05-12 Mon 09:00",
                "1998-05-11 Mon 09:00",
                "1999-05-17 Mon 09:00"
            ]
        );
        assert_eq!(
            week_number(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), Weekday::Mon),
            (1, 53)
        );
        assert_eq!(
            week_number(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(), Weekday::Mon),
            (53, 53)
        );
    }

    #[test]
    fn parse_problems() {
        assert!(matches!(
            parse("FREQ=HOURLY"),
            Err(RuleProblem::Unsupported(_))
        ));
        assert!(matches!(parse("BYDAY=MO"), Err(RuleProblem::Invalid(_))));
        assert!(matches!(
            parse("FREQ=WEEKLY;BYDAY=XX"),
            Err(RuleProblem::Invalid(_))
        ));
        assert!(matches!(
            parse("FREQ=WEEKLY;INTERVAL=0"),
            Err(RuleProblem::Invalid(_))
        ));
        let (_, ignored) = parse("freq=weekly;X-FOO=1;BYEASTER=0").unwrap();
        assert_eq!(ignored.len(), 1);
    }
}
