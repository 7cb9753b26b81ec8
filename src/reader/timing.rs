//! Time done right: the time clause of a lead sentence (its clocks, each
//! with the zone it is stated in and its own date; the date; the duration),
//! and the start it supports.
//!
//! A stated local time at a venue whose zone is known, a time on the
//! publisher's clock ("Japan time", "JST"), or on a named city's clock
//! becomes the start; every other stated time is kept beside it, to be
//! checked against it. A time with no zone becomes a start only at a venue
//! on the publisher's own clock, where local and home time are one. The
//! venue's zone, when the place does not give it, may come from the offset
//! between a stated local and a stated home time, among the venue
//! country's zones. Anything else leaves the start a date: never a guessed
//! instant.

use chrono::{FixedOffset, NaiveDate, NaiveDateTime, Offset, TimeZone};
use chrono_tz::{OffsetName, Tz};

use super::dates::{self, Clock, Length, WrittenDate};
use super::places;
use super::text::{Kind, Sp, Tok};
use crate::country::Country;
use crate::time::{Disambiguation, ZonedDateTime};

/// The zone a clock is stated in.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Label {
    /// No zone ("commencing at 6:25 p.m.").
    None,
    /// "local time".
    Local,
    /// The publisher's clock: "Japan time", "JST" for Japan's ministry.
    Home,
    /// A named place's clock: "Bangkok time".
    City(Tz),
    /// An abbreviation other than the home one ("PST", "AEST").
    Abbrev(String),
    /// A numeric offset ("UTC+9", "UTC-3").
    Offset(FixedOffset),
}

/// One clock of a time clause.
#[derive(Debug, Clone)]
pub(crate) struct ClockRead {
    pub(crate) clock: Clock,
    pub(crate) label: Label,
    /// The date printed with this clock ("9:00 a.m. on November 14").
    pub(crate) date: Option<WrittenDate>,
    /// The clock's words (with its label and date), for the stated time.
    pub(crate) sp: Sp,
    /// The label's words.
    pub(crate) label_sp: Option<Sp>,
    /// An end ("from 9:30 to 10:15").
    pub(crate) end: bool,
    /// The clock token index.
    pub(crate) at: usize,
}

/// The time clause of a sentence.
#[derive(Debug, Clone, Default)]
pub(crate) struct TimeClause {
    /// The meeting's date as written, and its words.
    pub(crate) date: Option<(WrittenDate, Sp)>,
    /// A relative date ("today"), its words and text.
    pub(crate) relative: Option<(dates::Relative, Sp, String)>,
    pub(crate) clocks: Vec<ClockRead>,
    pub(crate) duration: Option<(Length, Sp)>,
    /// Tokens used by the clause (so that the subject's words do not
    /// include them).
    pub(crate) used: Vec<bool>,
}

/// What the reader knows of the publisher's clock.
#[derive(Debug, Clone)]
pub(crate) struct Home {
    pub(crate) country: Country,
    pub(crate) zone: Tz,
}

/// Abbreviations readouts write for zones that tzdata names by number,
/// and the zone each means when it is the publisher's or the venue's.
const EXTRA_ABBREVIATIONS: &[(&str, Tz)] = &[
    ("SGT", Tz::Asia__Singapore),
    ("MYT", Tz::Asia__Kuala_Lumpur),
    ("ICT", Tz::Asia__Bangkok),
    ("PHT", Tz::Asia__Manila),
    ("PHST", Tz::Asia__Manila),
    ("WIB", Tz::Asia__Jakarta),
    ("IST", Tz::Asia__Kolkata),
    ("KST", Tz::Asia__Seoul),
    ("HKT", Tz::Asia__Hong_Kong),
    ("BNT", Tz::Asia__Brunei),
    ("GST", Tz::Asia__Dubai),
    ("TRT", Tz::Europe__Istanbul),
    ("BRT", Tz::America__Sao_Paulo),
    ("ART", Tz::America__Argentina__Buenos_Aires),
];

fn is_abbreviation(text: &str) -> bool {
    let n = text.chars().count();
    // Zone abbreviations end in "T" ("JST", "CEST", "AEDT", "SGT"); a
    // surname in capitals ("PARK") is not one.
    (2..=5).contains(&n)
        && text.chars().all(|c| c.is_ascii_uppercase())
        && text.ends_with('T')
        && !matches!(
            text,
            "AM" | "PM"
                | "UN"
                | "EU"
                | "US"
                | "UK"
                | "ROK"
                | "PRC"
                | "NATO"
                | "DPRK"
                | "USA"
                | "G7"
                | "MOFA"
        )
}

/// The zone a place-or-country name before "time" means ("Japan time",
/// "Bangkok time", "Tokyo time").
fn place_zone(name: &str) -> Option<Tz> {
    if let Some(c) = places::country_named(name) {
        return places::single_zone(&c).or(Some(c.capital_zone()));
    }
    places::resolve_place(name, None, &[]).and_then(|r| r.zone)
}

/// Reads the zone label at token `i`: "local time", "Japan time",
/// "(Japan Time)", "JST", "Bangkok time", "UTC+9". Returns the label and
/// one past its last token.
fn label_at(toks: &[Tok<'_>], i: usize, home: &Home) -> Option<(Label, usize)> {
    let t = |j: usize| toks.get(j);
    let w = t(i)?;
    if w.kind != Kind::Word {
        return None;
    }
    if w.is("local") && t(i + 1).is_some_and(|n| n.is("time")) {
        return Some((Label::Local, i + 2));
    }
    if (w.text == "UTC" || w.text == "GMT")
        && t(i + 1).is_some_and(|p| p.is_punct('+') || p.is_punct('-') || p.is_punct('−'))
    {
        let sign = if t(i + 1).is_some_and(|p| p.is_punct('+')) {
            1
        } else {
            -1
        };
        let n = t(i + 2)?;
        let (h, m) = match n.kind {
            Kind::Number => (n.text.parse::<i32>().ok()?, 0),
            Kind::Clock => {
                let (h, m) = n.text.split_once(':')?;
                (h.parse::<i32>().ok()?, m.parse::<i32>().ok()?)
            }
            _ => return None,
        };
        if h > 14 || m > 59 {
            return None;
        }
        let off = FixedOffset::east_opt(sign * (h * 3600 + m * 60))?;
        return Some((Label::Offset(off), i + 3));
    }
    // "UTC-3" as one word (a hyphen joins words), maybe with ":30".
    if let Some(rest) = w
        .text
        .strip_prefix("UTC-")
        .or_else(|| w.text.strip_prefix("GMT-"))
    {
        let h: i32 = rest.parse().ok()?;
        let (m, to) = if t(i + 1).is_some_and(|p| p.is_punct(':'))
            && t(i + 2).is_some_and(|x| x.kind == Kind::Number)
        {
            (t(i + 2)?.text.parse::<i32>().ok()?, i + 3)
        } else {
            (0, i + 1)
        };
        if h > 14 || m > 59 {
            return None;
        }
        let off = FixedOffset::west_opt(h * 3600 + m * 60)?;
        return Some((Label::Offset(off), to));
    }
    // "<place> time": up to three words.
    for n in (1..=3).rev() {
        if t(i + n).is_some_and(|x| x.is("time"))
            && (i..i + n).all(|j| t(j).is_some_and(|x| x.kind == Kind::Word && x.is_capitalized()))
        {
            let name = (i..i + n)
                .filter_map(|j| t(j).map(|x| x.text))
                .collect::<Vec<_>>()
                .join(" ");
            if let Some(zone) = place_zone(&name) {
                let is_home = places::country_named(&name).is_some_and(|c| c == home.country)
                    || zone == home.zone;
                let label = if is_home {
                    Label::Home
                } else {
                    Label::City(zone)
                };
                return Some((label, i + n + 1));
            }
        }
    }
    if is_abbreviation(w.text) {
        return Some((Label::Abbrev(w.text.to_owned()), i + 1));
    }
    if w.text == "UTC" || w.text == "GMT" {
        return Some((Label::Offset(FixedOffset::east_opt(0)?), i + 1));
    }
    None
}

/// Words that introduce a time or date in a lead: used by the clause.
fn is_marker(t: &Tok<'_>) -> bool {
    t.kind == Kind::Word
        && matches!(
            t.key(),
            "on" | "commencing"
                | "from"
                | "at"
                | "starting"
                | "beginning"
                | "began"
                | "begun"
                | "to"
                | "until"
                | "till"
                | "for"
        )
}

/// Reads the time clause of a sentence: every clock with its label and
/// date, the meeting's date, a relative date, the duration. Linear in the
/// sentence.
pub(crate) fn time_clause(toks: &[Tok<'_>], home: &Home) -> TimeClause {
    let n = toks.len();
    let mut used = vec![false; n];
    let mark = |used: &mut Vec<bool>, a: usize, b: usize| {
        for k in a..b.min(n) {
            if let Some(u) = used.get_mut(k) {
                *u = true;
            }
        }
    };
    let all_dates = dates::dates(toks);
    let mut clocks: Vec<ClockRead> = Vec::new();
    let mut duration = None;
    let mut relative = None;
    let mut i = 0;
    while i < n {
        if let Some(d) = dates::duration_at(toks, i) {
            duration = Some((d.value, super::people::span(toks, d.from, d.to)));
            mark(&mut used, d.from, d.to);
            i = d.to;
            continue;
        }
        if let Some(r) = dates::relative_at(toks, i) {
            if relative.is_none() {
                let sp = super::people::span(toks, r.from, r.to);
                relative = Some((r.value, sp, super::people::text_of(toks, r.from, r.to)));
            }
            mark(&mut used, r.from, r.to);
            i = r.to;
            continue;
        }
        // A clock needs a time token (a bare hour needs a.m./p.m.).
        let Some(c) = dates::clock_at(toks, i) else {
            i += 1;
            continue;
        };
        let from = c.from;
        let mut j = c.to;
        let end = i > 0
            && toks.get(i - 1).is_some_and(|p| {
                p.is("to") || p.is("until") || p.is("till") || p.is_punct('-') || p.is_punct('–')
            })
            && clocks.last().is_some_and(|l| l.at + 6 >= i);
        // A date right after ("on November 14", "on July 3").
        let mut date = None;
        let date_after = |j: usize| -> Option<(WrittenDate, usize)> {
            let k = if toks.get(j).is_some_and(|t| t.is("on")) {
                j + 1
            } else {
                j
            };
            let d = all_dates.iter().find(|d| d.from == k)?;
            Some((d.value, d.to))
        };
        if let Some((d, to)) = date_after(j) {
            date = Some(d);
            j = to;
        }
        // A date right before, inside parentheses: "February 20, 1:00 a.m."
        let mut start_at = from;
        if date.is_none() {
            let mut k = from;
            if k > 0 && toks.get(k - 1).is_some_and(|t| t.is_punct(',')) {
                k -= 1;
            }
            if let Some(d) = all_dates.iter().find(|d| d.to == k) {
                let in_paren = d.from > 0
                    && toks
                        .get(d.from - 1)
                        .is_some_and(|t| t.is_punct('(') || t.is_punct(';'));
                if in_paren {
                    date = Some(d.value);
                    start_at = d.from;
                }
            }
        }
        // The label: right after, after a comma, or as "(label;" / "(label)".
        let mut label = Label::None;
        let mut label_sp = None;
        let mut k = j;
        if toks.get(k).is_some_and(|t| t.is_punct(',')) {
            k += 1;
        }
        let opened = toks.get(k).is_some_and(|t| t.is_punct('('));
        let probe = if opened { k + 1 } else { k };
        if let Some((l, to)) = label_at(toks, probe, home) {
            label = l;
            label_sp = Some(super::people::span(toks, probe, to));
            j = to;
            // "(Japan time)" closes; "(local time;" goes on.
            if opened && toks.get(j).is_some_and(|t| t.is_punct(')')) {
                j += 1;
            }
        }
        mark(&mut used, start_at, j);
        if start_at > 0 && toks.get(start_at - 1).is_some_and(is_marker) {
            mark(&mut used, start_at - 1, start_at);
        }
        clocks.push(ClockRead {
            clock: c.value,
            label,
            date,
            sp: super::people::span(toks, start_at, j),
            label_sp,
            end,
            at: i,
        });
        i = j.max(i + 1);
    }
    // An orphan label ("..., (Japan Time)") labels the first unlabeled clock.
    if let Some(first) = clocks.iter().position(|c| c.label == Label::None && !c.end) {
        let from = clocks.get(first).map_or(0, |c| c.at);
        let mut k = from;
        while k < n {
            let open = toks.get(k).is_some_and(|t| t.is_punct('('));
            if open && !used.get(k + 1).copied().unwrap_or(true) {
                if let Some((l, to)) = label_at(toks, k + 1, home) {
                    if toks.get(to).is_some_and(|t| t.is_punct(')')) {
                        let sp = super::people::span(toks, k + 1, to);
                        if let Some(c) = clocks.get_mut(first) {
                            c.label = l;
                            c.label_sp = Some(sp);
                            c.sp = c.sp.to(sp);
                        }
                        mark(&mut used, k, to + 1);
                        break;
                    }
                }
            }
            k += 1;
        }
    }
    // The meeting's date: the first clock's own date, else the first date
    // not printed with another clock.
    let attached: Vec<(usize, usize)> = clocks
        .iter()
        .skip(1)
        .filter(|c| c.date.is_some())
        .map(|c| (c.sp.start, c.sp.end))
        .collect();
    let mut date = None;
    for d in &all_dates {
        let sp = super::people::span(toks, d.from, d.to);
        if attached.iter().any(|(a, b)| sp.start >= *a && sp.end <= *b) {
            mark(&mut used, d.from, d.to);
            continue;
        }
        if date.is_none() {
            date = Some((d.value, sp));
        }
        mark(&mut used, d.from, d.to);
        if d.from > 0 && toks.get(d.from - 1).is_some_and(|t| t.is("on")) {
            mark(&mut used, d.from - 1, d.from);
        }
    }
    if let Some(first) = clocks.first() {
        if let Some(d) = first.date {
            let sp = first.sp;
            date = Some((d, sp));
        }
    }
    // Parentheses and markers around the clause.
    for k in 0..n {
        let Some(t) = toks.get(k) else { continue };
        let near_used = |d: isize| {
            let j = k as isize + d;
            j >= 0 && used.get(j as usize).copied().unwrap_or(false)
        };
        if (t.is_punct('(') || t.is_punct(')') || t.is_punct(';') || is_marker(t))
            && (near_used(1) || near_used(-1))
        {
            if let Some(u) = used.get_mut(k) {
                *u = true;
            }
        }
    }
    TimeClause {
        date,
        relative,
        clocks,
        duration,
        used,
    }
}

/// The zone an abbreviation names among `candidates` at the civil time
/// `civil` (tzdata's names and the usual ones for numeric zones): one
/// offset, or `None`.
pub(crate) fn abbreviation_zone(abbr: &str, civil: NaiveDateTime, candidates: &[Tz]) -> Option<Tz> {
    let mut found: Option<(Tz, i32)> = None;
    for (n, &z) in candidates.iter().enumerate() {
        // Each zone once (the candidates repeat the home and venue zones).
        if candidates.get(..n).is_some_and(|seen| seen.contains(&z)) {
            continue;
        }
        let Ok(t) = ZonedDateTime::resolve(civil, z, Disambiguation::Earlier) else {
            continue;
        };
        let dt = t.to_datetime();
        let name = dt.offset().abbreviation().unwrap_or("");
        let extra = EXTRA_ABBREVIATIONS
            .iter()
            .any(|(a, zz)| *a == abbr && (*zz == z || same_rules(*zz, z, civil)));
        if name.eq_ignore_ascii_case(abbr) || extra {
            let off = dt.offset().fix().local_minus_utc();
            match found {
                Some((_, o)) if o != off => return None,
                Some(_) => {}
                None => found = Some((z, off)),
            }
        }
    }
    found.map(|(z, _)| z)
}

fn same_rules(a: Tz, b: Tz, civil: NaiveDateTime) -> bool {
    a.offset_from_utc_datetime(&civil).fix() == b.offset_from_utc_datetime(&civil).fix()
        && a.name() == b.name()
}

/// The instant a clock names when its zone is known without the venue
/// (home, a city, an abbreviation, an offset); `None` for local or no zone.
pub(crate) fn clock_instant(
    clock: &ClockRead,
    date: NaiveDate,
    home: &Home,
    candidates: &[Tz],
) -> Option<(chrono::DateTime<chrono::Utc>, Option<Tz>)> {
    let civil = date.and_time(clock.clock.time);
    match &clock.label {
        Label::Home => {
            let z = ZonedDateTime::resolve(civil, home.zone, Disambiguation::Reject).ok()?;
            Some((z.instant(), Some(home.zone)))
        }
        Label::City(zone) => {
            let z = ZonedDateTime::resolve(civil, *zone, Disambiguation::Reject).ok()?;
            Some((z.instant(), Some(*zone)))
        }
        Label::Abbrev(a) => {
            let mut all: Vec<Tz> = vec![home.zone];
            all.extend(candidates.iter().copied());
            let zone = abbreviation_zone(a, civil, &all)?;
            let z = ZonedDateTime::resolve(civil, zone, Disambiguation::Reject).ok()?;
            Some((z.instant(), Some(zone)))
        }
        Label::Offset(off) => {
            let utc = civil.checked_sub_offset(*off)?;
            Some((
                chrono::DateTime::from_naive_utc_and_offset(utc, chrono::Utc),
                None,
            ))
        }
        Label::Local | Label::None => None,
    }
}

/// The zone among a country's zones that is on `offset` at `instant`:
/// the capital's when it is, else the only one; `None` when none or
/// several differing zones are.
pub(crate) fn zone_on_offset(
    country: &Country,
    instant: chrono::DateTime<chrono::Utc>,
    offset: i32,
) -> Option<Tz> {
    let utc = instant.naive_utc();
    let on = |z: &Tz| z.offset_from_utc_datetime(&utc).fix().local_minus_utc() == offset;
    if on(&country.capital_zone()) {
        return Some(country.capital_zone());
    }
    let matching: Vec<Tz> = country.zones().iter().copied().filter(on).collect();
    match matching.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// The stated-time text of a clock in a zone: `YYYY-MM-DDTHH:MM ZONE`, the
/// zone as the readout names it (an abbreviation as written, else the IANA
/// name, or an offset).
pub(crate) fn stated_text(civil: NaiveDateTime, label: &Label, zone: Option<Tz>) -> Option<String> {
    let c = civil.format("%Y-%m-%dT%H:%M");
    let z = match label {
        Label::Abbrev(a) => a.clone(),
        Label::Offset(o) => o.to_string(),
        _ => zone?.name().to_owned(),
    };
    Some(format!("{c} {z}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::text::tokenize;

    fn home() -> Home {
        Home {
            country: Country::from_code("JP").unwrap(),
            zone: Tz::Asia__Tokyo,
        }
    }

    fn clause(s: &str) -> TimeClause {
        let toks = tokenize(s, 0);
        time_clause(&toks, &home())
    }

    #[test]
    fn mofa_clauses() {
        let c = clause(
            "On November 13, commencing at 4:00 p.m. (local time; 9:00 a.m. on November 14 JST) for approximately 30 minutes, Ms. KAMIKAWA Yoko",
        );
        assert_eq!(c.date.map(|d| (d.0.month, d.0.day)), Some((11, Some(13))));
        assert_eq!(c.clocks.len(), 2);
        assert_eq!(c.clocks[0].label, Label::Local);
        assert_eq!(c.clocks[1].label, Label::Abbrev("JST".into()));
        assert_eq!(c.clocks[1].date.map(|d| d.day), Some(Some(14)));
        assert_eq!(c.duration.map(|d| d.0.seconds), Some(1800));
        let c = clause(
            "On December 11, commencing at 7:20 p.m. for approximately 20 minutes, (Japan Time), Mr. Iwaya",
        );
        assert_eq!(c.clocks[0].label, Label::Home);
        let c = clause(
            "On February 19, commencing at 5:00 p.m. (local time; February 20, 1:00 a.m. JST) for approximately 15 minutes",
        );
        assert_eq!(c.clocks[1].date.map(|d| d.day), Some(Some(20)));
        assert_eq!(c.date.map(|d| d.0.day), Some(Some(19)));
        let c = clause(
            "On June 22, commencing at around 7 a.m. (Bangkok time; around 9 a.m. on June 22, Japan time)",
        );
        assert_eq!(c.clocks[0].label, Label::City(Tz::Asia__Bangkok));
        assert!(c.clocks[0].clock.approximate);
        assert_eq!(c.clocks[1].label, Label::Home);
        let c = clause("For about 20 minutes from 20:20 on July 3, Mr. Taro Aso");
        assert_eq!(c.date.map(|d| d.0.day), Some(Some(3)));
        assert_eq!(c.clocks[0].label, Label::None);
        let c = clause(
            "On November 3, commencing at 9:30 a.m. (local time. 5:30 p.m., Japan time.), for approximately 15 minutes",
        );
        assert_eq!(c.clocks[0].label, Label::Local);
        assert_eq!(c.clocks[1].label, Label::Home);
        let c =
            clause("commencing at 3:10 p.m. local time (at 4:10 a.m. on September 24, JST), for");
        assert_eq!(c.clocks[0].label, Label::Local);
        assert_eq!(c.clocks[1].label, Label::Abbrev("JST".into()));
        let c = clause("commencing at 9:00 p.m. (JST; 9:00 a.m. UTC-3) for");
        assert_eq!(c.clocks[0].label, Label::Abbrev("JST".into()));
        assert_eq!(
            c.clocks[1].label,
            Label::Offset(FixedOffset::west_opt(3 * 3600).unwrap())
        );
    }
}
