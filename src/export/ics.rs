//! iCalendar (RFC 5545): [`to_ics`] writes meetings as one `VCALENDAR`, with
//! a `VTIMEZONE` generated from chrono-tz's rules for every zone used.
//!
//! The details are documented on [`to_ics`] (this module is private and
//! re-exported by `crate::export`).

use std::fmt::Write as _;

use std::collections::{HashMap, HashSet};

use chrono::{
    DateTime, Datelike, LocalResult, NaiveDate, NaiveDateTime, TimeDelta, TimeZone, Timelike, Utc,
};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

use super::readout::sentence;
use crate::agenda::AgendaItem;
use crate::error::{Collector, Detail, Error};
use crate::meeting::{
    Meeting, MeetingStatus, Mode, OccasionRelation, Part, Participant, Start, Who,
};
use crate::time::ZonedDateTime;

/// The `PRODID` of every calendar written.
const PRODID: &str = concat!(
    "-//diplomeet//diplomeet ",
    env!("CARGO_PKG_VERSION_MAJOR"),
    ".",
    env!("CARGO_PKG_VERSION_MINOR"),
    "//EN"
);

/// An interval of time: a meeting's start and end, or a scanned window.
type Span = (DateTime<Utc>, DateTime<Utc>);

/// The longest content line, in octets, without its CRLF.
const MAX_LINE: usize = 75;

/// Writes meetings as one iCalendar (RFC 5545) `VCALENDAR`: a `VTIMEZONE` for
/// every zone a start is written in and a `VEVENT` per meeting (or per dated
/// part), in the order given, with `dtstamp` as every event's `DTSTAMP`.
/// Costs time linear in the meetings and their parts, plus the zone
/// transitions within the windows written.
///
/// # What is written
///
/// * `VCALENDAR`: `PRODID:-//diplomeet//diplomeet MAJOR.MINOR//EN`,
///   `VERSION:2.0`, `CALSCALE:GREGORIAN`, then one `VTIMEZONE` per zone used
///   (in order of first use), then one `VEVENT` per meeting, in the order
///   given.
/// * One `VEVENT` per meeting, or, for a meeting with parts that have a
///   start (a meeting, then a working dinner), one per such part, each with
///   the part's start, duration and participants, and a `SUMMARY` of the
///   meeting's title and the part's.
/// * `UID`: the meeting's [`id`](Meeting::id) and `@diplomeet`
///   (`-partN@diplomeet` for the N-th part): given, or derived from the
///   date, the title and a hash of the start, venue, participants and
///   parts. No randomness, no clock: the same meeting always gets the same
///   UID, and two sessions on one day with the same title, whose times or
///   participants differ, get two. To keep a UID across a revision (a new
///   time, a cancellation), keep the id: [`Meeting::to_builder`] does.
/// * `DTSTAMP`: the `dtstamp` argument, in UTC (`...Z`), to the second.
/// * `DTSTART;TZID=<zone>:<civil time>`, the civil time at the venue (or in
///   the stated zone), to the second. Two cases differ:
///   - a date alone is `DTSTART;VALUE=DATE:YYYYMMDD` (no zone: a date is the
///     same everywhere for a client);
///   - the *second* occurrence of a civil time in a fold (01:30-05:00 on
///     2026-11-01 in New York) is written in UTC (`DTSTART:20261101T063000Z`),
///     since RFC 5545 (3.3.5) reads an ambiguous civil time with a `TZID` as
///     its first occurrence. A start in a gap is never a problem: the meeting
///     keeps the civil time clocks really showed (02:30 resolved with
///     `Compatible` is 03:30), which exists.
/// * `DURATION` when the duration is known, always in exact time after a
///   time of day (`PT30M`, `PT24H`: `P1D` would be a *nominal* day in RFC
///   5545 3.3.6, 23 or 25 hours across a change of offset). After a date
///   alone, only a whole number of days is written (`P1D`; RFC 5545 allows
///   no hours with a date), otherwise it is left out and the event is the
///   one day.
/// * `SUMMARY`: the title. `LOCATION`: "place, country name" (", and
///   remotely" for a hybrid meeting), "By telephone", or "By video
///   conference".
/// * `DESCRIPTION`: the occasion ("Occasion: APEC Ministerial Meeting";
///   "Occasion (visit by cl-van-klaveren): ..." for another relation),
///   whether the duration is approximate, then the agenda: each item's
///   label and title on a line, then its entries in the readout's order
///   ("KAMIKAWA Yoko stated that ...", "Both sides concurred to ...") one
///   per line, each ending with one full stop (none is added to a text that
///   already ends with `.`, `!` or `?`, as in the readout), then its
///   sub-items.
/// * `CATEGORIES`: the agenda's topic labels, each once, in order of first
///   appearance. `URL`: the first source.
/// * `STATUS`: `CONFIRMED` for a scheduled or held meeting, `TENTATIVE` for a
///   postponed one (it is still meant to happen, at a time not yet set),
///   `CANCELLED` for a cancelled one.
/// * `ATTENDEE;CN=<name>;ROLE=REQ-PARTICIPANT:urn:diplomeet:participant:<id>`
///   per participant: RFC 5545 wants a cal-address (a URI) there and
///   ministers have no mailbox in the model, so the participant id (every
///   byte outside `A-Z a-z 0-9 - . _ ~` percent-encoded) makes a URN.
///
/// # VTIMEZONE
///
/// chrono-tz has no transition API, so the transitions are found by
/// scanning the zone. Only windows around the meetings are scanned and
/// written: for each meeting in the zone, from January 1 of the year before
/// its start to January 1 two years after its end (UTC), overlapping
/// windows merged, and each clamped to the instants that the zone's clock
/// shows in years 0000 to 9999 (west of UTC, 0000-01-01T00:00 local is
/// after 0000-01-01T00:00Z). So two meetings centuries apart cost two
/// windows, not the centuries between. Each window opens with an
/// observance for the offset in force at its start (its `DTSTART` that
/// instant on the local clock, `TZOFFSETFROM` = `TZOFFSETTO`: a client reads
/// a time through the latest observance onset at or before it, so the
/// window's first hours get the right offset), then one per transition in
/// the window, each with an explicit `DTSTART` (local time before the
/// change, as RFC 5545 wants), `TZOFFSETFROM`, `TZOFFSETTO` and `TZNAME`,
/// and no `RRULE`. Times between two windows are not described (no meeting
/// is there). The scan compares the zone day by day, scans a day that
/// differs hour by hour and bisects the hour to the second, rescanning from
/// each change found. An observance is `DAYLIGHT` when the zone's
/// daylight-saving offset is positive, `STANDARD` otherwise (so with
/// negative DST, as `Europe/Dublin` has in the tz source, both seasons are
/// `STANDARD`; clients only need the offsets). `TZNAME` is the zone's
/// abbreviation, or the tz database's numeric one (`-03`, `+0545`) where it
/// has no letters. A zone with no change in a window (`Asia/Tokyo`) has a
/// single `STANDARD` observance for it. Any change of total offset, DST
/// offset or abbreviation counts; a change undone less than a day later, or
/// two changes less than an hour apart, would be missed (the tz database
/// has neither: its changes are days apart).
///
/// # Text
///
/// Lines end in CRLF and are folded at 75 octets, never inside a UTF-8
/// sequence, continuation lines starting with one space. TEXT values have
/// `\`, `;`, `,` and newlines escaped; other control characters become
/// spaces. Parameter values (`CN`) are quoted when they contain `:`, `;` or
/// `,`, with `^`, `"` and newlines encoded as RFC 6868 says.
///
/// # Errors
///
/// [`ErrorKind::Empty`](crate::ErrorKind::Empty) for no meetings (a calendar
/// needs a component), [`ErrorKind::OutOfRange`](crate::ErrorKind::OutOfRange)
/// for a date or time outside years 0000 to 9999, which iCalendar cannot
/// write, [`ErrorKind::NoTimeOfDay`](crate::ErrorKind::NoTimeOfDay) at
/// `meetings[i].start` for a meeting with no date (a calendar event needs
/// one), and [`ErrorKind::Duplicate`](crate::ErrorKind::Duplicate), at path
/// `meetings[i]`, for a meeting whose UID an earlier one already has (the
/// same meeting twice, or a revision next to its original): RFC 5545 allows
/// a UID twice in a calendar only for the instances of a recurring event
/// (`RECURRENCE-ID`), so export one version of each meeting.
///
/// ```
/// use chrono::{TimeDelta, TimeZone, Utc};
/// use diplomeet::export::to_ics;
/// use diplomeet::{Country, Meeting, Minister, PersonName, Portfolio, Post, Venue};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let name = PersonName::builder().given("Yoko").surname("Kamikawa").build()?;
/// let post = Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?;
/// let kamikawa = Minister::builder(name, Country::from_code("JP")?).post(post).build()?;
/// let name = PersonName::builder().given("Antony").surname("Blinken").build()?;
/// let post = Post::new(Portfolio::ForeignAffairs, "Secretary of State")?;
/// let blinken = Minister::builder(name, Country::from_code("US")?).post(post).build()?;
/// let meeting = Meeting::builder("Japan-U.S. Foreign Ministers' Meeting")
///     .venue(Venue::new("San Francisco", Country::from_code("US")?, chrono_tz::America::Los_Angeles)?)
///     .starts_at("2023-11-13T16:00:00".parse()?)
///     .duration(TimeDelta::try_minutes(30).ok_or("minutes")?)
///     .participant(kamikawa)
///     .participant(blinken)
///     .build()?;
/// let now = Utc.with_ymd_and_hms(2023, 11, 14, 0, 0, 0).single().ok_or("now")?;
/// let ics = to_ics(&[meeting], now)?;
/// assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
/// assert!(ics.contains("\r\nDTSTART;TZID=America/Los_Angeles:20231113T160000\r\n"));
/// assert!(ics.contains("\r\nDURATION:PT30M\r\n"));
/// assert!(ics.contains("\r\nBEGIN:VTIMEZONE\r\nTZID:America/Los_Angeles\r\n"));
/// assert!(ics.lines().all(|line| line.len() <= 75));
/// # Ok(())
/// # }
/// ```
pub fn to_ics(meetings: &[Meeting], dtstamp: DateTime<Utc>) -> Result<String, Error> {
    if meetings.is_empty() {
        return Err(Error::new(Detail::Empty { what: "meetings" }));
    }
    // The events (a meeting, or each of its dated parts), where each start
    // goes, and for each zone the intervals (start to end) of the events
    // written in it.
    let mut events: Vec<Event<'_>> = Vec::with_capacity(meetings.len());
    let mut zones: Vec<(Tz, Vec<Span>)> = Vec::new();
    let mut zone_index: HashMap<Tz, usize> = HashMap::new();
    let mut seen: HashSet<String> = HashSet::with_capacity(meetings.len());
    let mut problems = Collector::new();
    for (i, m) in meetings.iter().enumerate() {
        let mine = match events_of(m) {
            Ok(mine) => mine,
            Err(e) => {
                problems.absorb(&format!("meetings[{i}]"), e);
                continue;
            }
        };
        for ev in mine {
            if !seen.insert(ev.uid.clone()) {
                problems.push_at(
                    || format!("meetings[{i}]"),
                    Detail::Duplicate {
                        what: "event UID",
                        value: format!("{}@diplomeet", ev.uid),
                    },
                );
            }
            if let DtStart::Zoned(z) = &ev.start {
                let instant = z.instant();
                let end = match ev.duration {
                    Some(d) => instant.checked_add_signed(d).unwrap_or(instant),
                    None => instant,
                };
                match zone_index.get(&z.zone()).and_then(|&k| zones.get_mut(k)) {
                    Some((_, spans)) => spans.push((instant, end)),
                    None => {
                        zone_index.insert(z.zone(), zones.len());
                        zones.push((z.zone(), vec![(instant, end)]));
                    }
                }
            }
            events.push(ev);
        }
    }
    problems.check()?;

    let mut out = Writer::default();
    out.line("BEGIN:VCALENDAR");
    out.line(&format!("PRODID:{PRODID}"));
    out.line("VERSION:2.0");
    out.line("CALSCALE:GREGORIAN");
    for (tz, spans) in &zones {
        vtimezone(&mut out, *tz, spans)?;
    }
    let stamp = format_utc(dtstamp)?;
    for ev in &events {
        vevent(&mut out, ev, &stamp)?;
    }
    out.line("END:VCALENDAR");
    Ok(out.text)
}

/// One `VEVENT`: a meeting in one piece, or one part of a meeting.
struct Event<'m> {
    meeting: &'m Meeting,
    /// The part and its index, for a part.
    part: Option<(usize, &'m Part)>,
    start: DtStart,
    duration: Option<TimeDelta>,
    uid: String,
}

/// A meeting's events: one per part that has a start, or the meeting's own
/// when none has. The UID is the meeting's id, followed by `-partN` for a
/// part.
fn events_of(m: &Meeting) -> Result<Vec<Event<'_>>, Error> {
    let dated: Vec<(usize, &Part)> = m
        .parts()
        .iter()
        .enumerate()
        .filter(|(_, p)| !matches!(p.start(), Start::Unknown))
        .collect();
    if dated.is_empty() {
        return Ok(vec![Event {
            meeting: m,
            part: None,
            start: dtstart(m.when()).map_err(|e| e.within("start"))?,
            duration: m.duration(),
            uid: m.id().to_owned(),
        }]);
    }
    dated
        .into_iter()
        .map(|(i, p)| {
            Ok(Event {
                meeting: m,
                part: Some((i, p)),
                start: dtstart(p.start()).map_err(|e| e.within(&format!("parts[{i}].start")))?,
                duration: p.duration(),
                uid: format!("{}-part{}", m.id(), i + 1),
            })
        })
        .collect()
}

/// How a start is written.
enum DtStart {
    /// `DTSTART;TZID=zone:civil`.
    Zoned(ZonedDateTime),
    /// `DTSTART:...Z`: the second occurrence of a folded civil time.
    Utc(DateTime<Utc>),
    /// `DTSTART;VALUE=DATE:...`.
    Date(NaiveDate),
}

fn dtstart(when: &Start) -> Result<DtStart, Error> {
    Ok(match when {
        Start::InMonth { .. } | Start::Unknown => {
            return Err(Error::new(Detail::NoDate {
                month: matches!(when, Start::InMonth { .. }).then(|| when.to_string()),
                what: "calendar event (a calendar needs at least a date)",
            }));
        }
        Start::At(z) => {
            let civil = truncate(z.civil());
            let first = match z.zone().from_local_datetime(&civil) {
                LocalResult::Single(dt) => Some(dt),
                LocalResult::Ambiguous(first, _) => Some(first),
                LocalResult::None => None,
            };
            let instant = truncate_utc(z.instant());
            if first.is_some_and(|f| f.with_timezone(&Utc) == instant) {
                DtStart::Zoned(*z)
            } else {
                DtStart::Utc(instant)
            }
        }
        Start::On(d) => DtStart::Date(*d),
    })
}

fn truncate(t: NaiveDateTime) -> NaiveDateTime {
    t.with_nanosecond(0).unwrap_or(t)
}

fn truncate_utc(t: DateTime<Utc>) -> DateTime<Utc> {
    t.with_nanosecond(0).unwrap_or(t)
}

fn out_of_range(what: &str, value: impl std::fmt::Display) -> Error {
    Error::new(Detail::OutOfRange {
        what: what.to_owned(),
        value: value.to_string(),
    })
}

fn format_date(d: NaiveDate) -> Result<String, Error> {
    if !(0..=9999).contains(&d.year()) {
        return Err(out_of_range("iCalendar date", d));
    }
    Ok(format!("{:04}{:02}{:02}", d.year(), d.month(), d.day()))
}

fn format_local(t: NaiveDateTime) -> Result<String, Error> {
    Ok(format!(
        "{}T{:02}{:02}{:02}",
        format_date(t.date())?,
        t.hour(),
        t.minute(),
        t.second()
    ))
}

fn format_utc(t: DateTime<Utc>) -> Result<String, Error> {
    Ok(format!("{}Z", format_local(t.naive_utc())?))
}

/// `-0800`, `+0545`, `+054500` when there are seconds.
fn format_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

/// An RFC 5545 dur-value, whole seconds. After a date (`VALUE=DATE`) it is
/// `P{n}D`, calendar days; after a time it is always `PT…` (`PT30M`,
/// `PT1H0M5S`, `PT24H`): `P1D` there would be a *nominal* day (RFC 5545
/// 3.3.6), 23 or 25 hours across a change of offset. An hour count is
/// followed by minutes when there are seconds, as the grammar wants.
fn format_ics_duration(d: TimeDelta, after_date: bool) -> String {
    let total = d.num_seconds().max(0);
    if after_date && total > 0 && total % 86_400 == 0 {
        return format!("P{}D", total / 86_400);
    }
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    let mut out = String::from("PT");
    if h > 0 {
        let _ = write!(out, "{h}H");
    }
    if m > 0 || (h > 0 && s > 0) {
        let _ = write!(out, "{m}M");
    }
    if s > 0 || total == 0 {
        let _ = write!(out, "{s}S");
    }
    out
}

fn vevent(out: &mut Writer, ev: &Event<'_>, stamp: &str) -> Result<(), Error> {
    let m = ev.meeting;
    let start = &ev.start;
    out.line("BEGIN:VEVENT");
    out.line(&format!("UID:{}@diplomeet", ev.uid));
    out.line(&format!("DTSTAMP:{stamp}"));
    match start {
        DtStart::Zoned(z) => out.line(&format!(
            "DTSTART;TZID={}:{}",
            param_value(z.zone().name()),
            format_local(truncate(z.civil()))?
        )),
        DtStart::Utc(t) => out.line(&format!("DTSTART:{}", format_utc(*t)?)),
        DtStart::Date(d) => out.line(&format!("DTSTART;VALUE=DATE:{}", format_date(*d)?)),
    }
    if let Some(d) = ev.duration {
        let after_date = matches!(start, DtStart::Date(_));
        let whole_days = d.num_seconds() > 0 && d.num_seconds() % 86_400 == 0;
        if !after_date || whole_days {
            out.line(&format!("DURATION:{}", format_ics_duration(d, after_date)));
        }
    }
    let summary = match ev.part {
        None => m.title().to_owned(),
        Some((_, p)) => format!(
            "{}: {}",
            m.title(),
            p.title().unwrap_or(&p.form().as_str().replace('_', " "))
        ),
    };
    out.line(&format!("SUMMARY:{}", escape_text(&summary)));
    out.line(&format!("LOCATION:{}", escape_text(&location(m))));
    let description = description(m);
    if !description.is_empty() {
        out.line(&format!("DESCRIPTION:{}", escape_text(&description)));
    }
    let categories = categories(m);
    if !categories.is_empty() {
        let list: Vec<String> = categories.iter().map(|c| escape_text(c)).collect();
        out.line(&format!("CATEGORIES:{}", list.join(",")));
    }
    out.line(&format!("STATUS:{}", status(m.status())));
    if let Some(source) = m.sources().first() {
        out.line(&format!("URL:{}", source.url()));
    }
    let part_ids = ev.part.map(|(_, p)| p.participants());
    for p in m.participants() {
        if part_ids.is_some_and(|ids| !ids.is_empty() && !ids.contains(p.id())) {
            continue;
        }
        let role = if p.is_principal() {
            "REQ-PARTICIPANT"
        } else {
            "OPT-PARTICIPANT"
        };
        out.line(&format!(
            "ATTENDEE;CN={};ROLE={role}:urn:diplomeet:participant:{}",
            param_value(&participant_name(p)),
            percent_encode(p.id())
        ));
    }
    out.line("END:VEVENT");
    Ok(())
}

fn status(s: MeetingStatus) -> &'static str {
    match s {
        MeetingStatus::Scheduled | MeetingStatus::Held => "CONFIRMED",
        MeetingStatus::Postponed => "TENTATIVE",
        MeetingStatus::Cancelled => "CANCELLED",
    }
}

fn location(m: &Meeting) -> String {
    let place = m.venue().map(|v| {
        if v.basis() == crate::meeting::PlaceBasis::Country {
            v.country().name().to_owned()
        } else {
            format!("{}, {}", v.place(), v.country().name())
        }
    });
    match (m.mode(), place) {
        (Mode::Telephone, _) => "By telephone".to_owned(),
        (Mode::Video, _) => "By video conference".to_owned(),
        (Mode::Remote, _) => "Remotely".to_owned(),
        (Mode::Hybrid, Some(p)) => format!("{p}, and remotely"),
        (Mode::InPerson, Some(p)) => p,
        (Mode::Hybrid | Mode::InPerson, None) => "Unknown venue".to_owned(),
    }
}

/// A participant's displayed name: a person's name, or the post for one
/// named only by it, or a group's name.
fn participant_name(p: &Participant) -> String {
    match p.who() {
        Who::Person(m) => match m.name() {
            Some(n) => n.to_string(),
            None => m.to_string(),
        },
        Who::Group(g) => g.name().to_owned(),
    }
}

/// The participant's displayed name, or the id if it names none.
fn display_name(m: &Meeting, id: &str) -> String {
    m.participant(id)
        .map_or_else(|| id.to_owned(), participant_name)
}

fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn description(m: &Meeting) -> String {
    let mut lines: Vec<String> = Vec::new();
    if let Some(o) = m.occasion() {
        // A label line, not a sentence: no full stop is added, so that the
        // name reads back exactly ("The visit of the U.S." keeps its stop).
        let relation = match (o.relation(), o.visitor()) {
            (OccasionRelation::Sidelines, _) => String::new(),
            (r, Some(v)) => format!(" ({r} by {v})"),
            (r, None) => format!(" ({r})"),
        };
        lines.push(format!("Occasion{relation}: {}", o.name()));
    }
    if m.duration().is_some() && m.duration_is_approximate() {
        lines.push("The duration is approximate.".to_owned());
    }
    let mut everyone: Vec<&str> = m.participants().iter().map(Participant::id).collect();
    everyone.sort_unstable();
    for item in m.agenda() {
        describe_item(m, item, &everyone, &mut lines);
    }
    lines.join("\n")
}

/// An item's label and title, then each entry as a sentence, then its
/// sub-items.
fn describe_item(m: &Meeting, item: &AgendaItem, everyone: &[&str], lines: &mut Vec<String>) {
    if !lines.is_empty() {
        lines.push(String::new());
    }
    match (item.label(), item.title()) {
        (Some(l), Some(t)) => lines.push(format!("{l} {t}")),
        (Some(l), None) => lines.push(l.to_owned()),
        (None, Some(t)) => lines.push(t.to_owned()),
        (None, None) => {}
    }
    for e in item.entries() {
        let mut who: Vec<&str> = e.who().iter().collect();
        who.sort_unstable();
        let subject = if e.is_mutual() && who == everyone && who.len() == 2 {
            "Both sides".to_owned()
        } else if e.is_mutual() && who == everyone {
            "All sides".to_owned()
        } else {
            let names: Vec<String> = e.who().iter().map(|id| display_name(m, id)).collect();
            join_names(&names)
        };
        lines.push(sentence(&format!(
            "{subject} {} {}",
            e.phrase(),
            e.text().trim()
        )));
    }
    for sub in item.items() {
        describe_item(m, sub, everyone, lines);
    }
}

/// The topic labels of the agenda, each once, in order of first appearance:
/// linear in the topics.
fn categories(m: &Meeting) -> Vec<&str> {
    let mut seen: HashSet<&str> = HashSet::new();
    m.agenda()
        .iter()
        .flat_map(|item| item.topics())
        .map(|t| t.label())
        .filter(|label| seen.insert(label))
        .collect()
}

/// The `UID` [`to_ics`] gives a meeting in one piece (`<id>@diplomeet`), for
/// the iCalendar reader to check what it rebuilds.
pub(crate) fn ics_uid(m: &Meeting) -> String {
    format!("{}@diplomeet", m.id())
}

fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Escapes a TEXT value (RFC 5545 3.3.11).
fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A parameter value: RFC 6868 caret encoding, quoted when it holds `:`, `;`
/// or `,`.
fn param_value(s: &str) -> String {
    let mut body = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '^' => body.push_str("^^"),
            '"' => body.push_str("^'"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                body.push_str("^n");
            }
            '\n' => body.push_str("^n"),
            '\t' => body.push('\t'),
            c if c.is_control() => body.push(' '),
            c => body.push(c),
        }
    }
    if body.contains([':', ';', ',']) {
        format!("\"{body}\"")
    } else {
        body
    }
}

/// Collects content lines, folding each at [`MAX_LINE`] octets.
#[derive(Default)]
struct Writer {
    text: String,
}

impl Writer {
    fn line(&mut self, line: &str) {
        fold_into(&mut self.text, line);
    }
}

/// Appends `line` folded: at most 75 octets per physical line (the leading
/// space of a continuation counts), cut only at char boundaries, CRLF after
/// each.
fn fold_into(out: &mut String, line: &str) {
    if line.len() <= MAX_LINE {
        // Most lines: nothing to fold.
        out.push_str(line);
        out.push_str("\r\n");
        return;
    }
    let mut budget = MAX_LINE;
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > budget {
            out.push_str("\r\n ");
            budget = MAX_LINE - 1;
            used = 0;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
}

/// What a zone says at an instant: total offset, DST offset (seconds) and
/// abbreviation.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ZoneState {
    offset: i32,
    dst: i64,
    name: Option<String>,
}

fn state_at(tz: Tz, t: DateTime<Utc>) -> ZoneState {
    let o = tz.offset_from_utc_datetime(&t.naive_utc());
    let total = o.base_utc_offset().num_seconds() + o.dst_offset().num_seconds();
    ZoneState {
        offset: i32::try_from(total).unwrap_or_default(),
        dst: o.dst_offset().num_seconds(),
        // The tz database writes numeric names ("+13", "-03", "+0545"),
        // which chrono-tz reports as none: write them as zdump shows them.
        name: Some(o.abbreviation().map_or_else(
            || numeric_name(i32::try_from(total).unwrap_or_default()),
            str::to_owned,
        )),
    }
}

/// `+13`, `-03`, `+0545`: the tz database's numeric abbreviation.
fn numeric_name(offset: i32) -> String {
    let full = format_offset(offset);
    match full.strip_suffix("00") {
        Some(hours) if full.len() == 5 => hours.to_owned(),
        _ => full,
    }
}

fn jan1(year: i32) -> Result<DateTime<Utc>, Error> {
    NaiveDate::from_ymd_opt(year, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
        .ok_or_else(|| out_of_range("year", year))
}

fn add_seconds(t: DateTime<Utc>, s: i64) -> Result<DateTime<Utc>, Error> {
    TimeDelta::try_seconds(s)
        .and_then(|d| t.checked_add_signed(d))
        .ok_or_else(|| out_of_range("instant", t))
}

/// The local time `t` shows at `offset` seconds east of UTC.
fn local(t: DateTime<Utc>, offset: i32) -> Result<String, Error> {
    format_local(add_seconds(t, i64::from(offset))?.naive_utc())
}

/// The instant at which `tz`'s clock shows `civil` (taking the offset in
/// force a day either side into account; at the ends of years 0000 and 9999
/// no zone changes, all is local mean time or the last rule).
fn instant_of(tz: Tz, civil: DateTime<Utc>) -> Result<DateTime<Utc>, Error> {
    let offset = state_at(tz, civil).offset;
    let guess = add_seconds(civil, -i64::from(offset))?;
    add_seconds(civil, -i64::from(state_at(tz, guess).offset))
}

/// The instants a `VTIMEZONE` describes for `tz`: from January 1 of the year
/// before each meeting's start to January 1 two years after its end (UTC),
/// overlapping windows merged, each kept within years 0001 to 9999 on the
/// zone's clock. Sorting makes it O(n log n) in the meetings.
fn windows(tz: Tz, spans: &[Span]) -> Result<Vec<Span>, Error> {
    // The first and last seconds that the zone's clock shows in years 0001
    // to 9999: a window starts no earlier than year 1 (clients built on
    // calendars that start there, as Python's, cannot read year 0000) unless
    // a meeting itself is in year 0.
    let first = instant_of(tz, jan1(1)?)?;
    let last = add_seconds(instant_of(tz, jan1(10_000)?)?, -1)?;
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for (start, end) in spans {
        let lo = jan1(start.year().saturating_sub(1))?.max(first);
        let hi = jan1(end.year().saturating_add(2))?.min(last);
        out.push((lo.min(*start), hi.max(*end)));
    }
    out.sort_unstable();
    let mut merged: Vec<Span> = Vec::with_capacity(out.len());
    for (lo, hi) in out {
        match merged.last_mut() {
            Some((_, prev_hi)) if lo <= *prev_hi => *prev_hi = (*prev_hi).max(hi),
            _ => merged.push((lo, hi)),
        }
    }
    Ok(merged)
}

/// One day, in seconds: the coarse step of the scan. The tz database's
/// changes are days apart (the closest, in the modern era, about four), so
/// a day holds at most one; [`next_change`] still finds several by
/// rescanning from each change it finds.
const DAY: i64 = 86_400;

/// The first second in `(t, limit]` at which `tz` says something other than
/// `state`, or `None`: days are compared end to end, a day that differs is
/// scanned hour by hour, and the hour that differs is bisected to the second.
fn next_change(
    tz: Tz,
    state: &ZoneState,
    t: DateTime<Utc>,
    limit: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, Error> {
    let mut a = t;
    for step in [DAY, 3600] {
        loop {
            if a >= limit {
                return Ok(None);
            }
            let b = add_seconds(a, step)?.min(limit);
            if state_at(tz, b) != *state {
                break;
            }
            a = b;
        }
    }
    // The state holds at `a` and not at `a` + up to an hour.
    let mut b = add_seconds(a, 3600)?.min(limit);
    while b.signed_duration_since(a).num_seconds() > 1 {
        let mid = add_seconds(a, b.signed_duration_since(a).num_seconds() / 2)?;
        if state_at(tz, mid) == *state {
            a = mid;
        } else {
            b = mid;
        }
    }
    Ok(Some(b))
}

fn vtimezone(out: &mut Writer, tz: Tz, spans: &[Span]) -> Result<(), Error> {
    out.line("BEGIN:VTIMEZONE");
    out.line(&format!("TZID:{}", tz.name()));
    for (start, end) in windows(tz, spans)? {
        // A window opens with the offset in force there: a client takes the
        // latest onset at or before a time, so that is the one it reads for
        // the window's first instants.
        let mut state = state_at(tz, start);
        observance(out, &state, &state, &local(start, state.offset)?);
        let mut t = start;
        while let Some(b) = next_change(tz, &state, t, end)? {
            let changed = state_at(tz, b);
            observance(out, &state, &changed, &local(b, state.offset)?);
            state = changed;
            t = b;
        }
    }
    out.line("END:VTIMEZONE");
    Ok(())
}

fn observance(out: &mut Writer, from: &ZoneState, to: &ZoneState, dtstart: &str) {
    let kind = if to.dst > 0 { "DAYLIGHT" } else { "STANDARD" };
    out.line(&format!("BEGIN:{kind}"));
    out.line(&format!("DTSTART:{dtstart}"));
    out.line(&format!("TZOFFSETFROM:{}", format_offset(from.offset)));
    out.line(&format!("TZOFFSETTO:{}", format_offset(to.offset)));
    if let Some(name) = &to.name {
        out.line(&format!("TZNAME:{}", escape_text(name)));
    }
    out.line(&format!("END:{kind}"));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(line: &str) -> String {
        let mut s = String::new();
        fold_into(&mut s, line);
        s
    }

    #[test]
    fn short_line_is_not_folded() {
        assert_eq!(fold("VERSION:2.0"), "VERSION:2.0\r\n");
        let exact = "X".repeat(75);
        assert_eq!(fold(&exact), format!("{exact}\r\n"));
    }

    #[test]
    fn long_line_folds_at_75_octets() {
        let long = "D".repeat(200);
        let folded = fold(&long);
        let lines: Vec<&str> = folded.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines[0].len(), 75);
        assert_eq!(lines[1].len(), 75);
        assert!(lines[1].starts_with(' '));
        assert_eq!(lines.concat().replace(' ', ""), long);
    }

    #[test]
    fn folding_never_splits_a_char() {
        // 3-octet and 4-octet characters, offset by one ASCII octet.
        for prefix in ["", "a", "ab"] {
            let line = format!("DESCRIPTION:{prefix}{}", "上川陽子😀".repeat(30));
            let folded = fold(&line);
            let mut unfolded = String::new();
            for (i, l) in folded.split("\r\n").filter(|l| !l.is_empty()).enumerate() {
                assert!(l.len() <= 75, "{l:?}");
                unfolded.push_str(if i == 0 { l } else { &l[1..] });
            }
            assert_eq!(unfolded, line);
        }
    }

    #[test]
    fn text_escapes() {
        assert_eq!(escape_text("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
        assert_eq!(escape_text("bell\u{7}"), "bell ");
    }

    #[test]
    fn param_values() {
        assert_eq!(param_value("KAMIKAWA Yoko"), "KAMIKAWA Yoko");
        assert_eq!(param_value("Smith, John"), "\"Smith, John\"");
        assert_eq!(param_value("a \"b\" ^c"), "a ^'b^' ^^c");
        assert_eq!(param_value("x:y"), "\"x:y\"");
    }

    #[test]
    fn durations() {
        let d = |s: i64| TimeDelta::try_seconds(s).unwrap();
        assert_eq!(format_ics_duration(d(1800), false), "PT30M");
        assert_eq!(format_ics_duration(d(5400), false), "PT1H30M");
        assert_eq!(format_ics_duration(d(3605), false), "PT1H0M5S");
        assert_eq!(format_ics_duration(d(3600), false), "PT1H");
        assert_eq!(format_ics_duration(d(45), false), "PT45S");
        // A day after a time is 24 exact hours, never a nominal `P1D`.
        assert_eq!(format_ics_duration(d(86_400), false), "PT24H");
        assert_eq!(format_ics_duration(d(3 * 86_400), false), "PT72H");
        assert_eq!(format_ics_duration(d(86_400), true), "P1D");
        assert_eq!(format_ics_duration(d(2 * 86_400), true), "P2D");
    }

    #[test]
    fn offsets() {
        assert_eq!(format_offset(-8 * 3600), "-0800");
        assert_eq!(format_offset(5 * 3600 + 45 * 60), "+0545");
        assert_eq!(format_offset(-(3 * 3600 + 30 * 60)), "-0330");
        assert_eq!(format_offset(0), "+0000");
        assert_eq!(format_offset(-17_762), "-045602");
        assert_eq!(numeric_name(13 * 3600), "+13");
        assert_eq!(numeric_name(-3 * 3600), "-03");
        assert_eq!(numeric_name(5 * 3600 + 45 * 60), "+0545");
    }

    #[test]
    fn percent_encoding() {
        assert_eq!(percent_encode("jp-kamikawa-yoko"), "jp-kamikawa-yoko");
        assert_eq!(percent_encode("a b/é"), "a%20b%2F%C3%A9");
    }
}
