//! [`Event`]: one `VEVENT` as read, and how its properties are read.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime};
use chrono_tz::Tz;

use super::lines::{Line, Prop, split};
use super::recur::{self, RuleProblem};
use super::value::{self, Dur};
use super::vtimezone::{CustomZone, clean_tzid};
use super::warning::{WarningKind, Warnings};
use super::windows::windows_zone;
use crate::named::named_enum;

named_enum! {
    /// An event's `STATUS` (RFC 5545 3.8.1.11).
    ///
    /// ```
    /// use diplomeet::ical::{EventStatus, IcsCalendar};
    ///
    /// let text = "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nDTSTART:20260105T090000Z\nSTATUS:CANCELLED\nEND:VEVENT\nEND:VCALENDAR\n";
    /// let calendar = IcsCalendar::parse(text)?;
    /// let event = &calendar.events()[0];
    /// assert_eq!(event.status(), Some(EventStatus::Cancelled));
    /// assert!(!event.is_busy());
    /// # Ok::<(), diplomeet::Error>(())
    /// ```
    pub enum EventStatus ("event status", "diplomeet::ical::EventStatus") {
        /// `CONFIRMED`.
        Confirmed = "confirmed",
        /// `TENTATIVE`: still busy.
        Tentative = "tentative",
        /// `CANCELLED`: not busy.
        Cancelled = "cancelled",
    }
}

/// Which zone a time is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum ZoneRef {
    /// An IANA zone (named directly or through a Windows name).
    Tz(Tz),
    /// A `VTIMEZONE` of the file, by index.
    Custom(usize),
}

/// A DATE or DATE-TIME value, as the file gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum When {
    Date(NaiveDate),
    Floating(NaiveDateTime),
    Utc(NaiveDateTime),
    Zoned(NaiveDateTime, ZoneRef),
}

impl When {
    pub(crate) fn is_date(self) -> bool {
        matches!(self, When::Date(_))
    }
}

/// How an event's end is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum End {
    At(When),
    Duration(Dur),
    /// Neither: a time lasts no time, a date one day.
    Default,
}

/// An `RDATE` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RDate {
    At(When),
    Period(When, PeriodEnd),
}

/// The end of an `RDATE` period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PeriodEnd {
    At(When),
    Duration(Dur),
}

/// One `VEVENT` as read: its identity, what it says, and its times (kept as
/// the file gives them, to be expanded over a window by
/// [`IcsCalendar::occurrences`](super::IcsCalendar::occurrences)).
///
/// An event that the file marks private (`CLASS:PRIVATE` or
/// `CLASS:CONFIDENTIAL`) keeps its times and UID and is busy, but its
/// summary, location, description, URL and attendees are not kept.
///
/// ```
/// use diplomeet::ical::IcsCalendar;
///
/// let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:weekly@example.org\r\n\
///             DTSTART;TZID=Asia/Tokyo:20260105T090000\r\nDURATION:PT1H\r\n\
///             RRULE:FREQ=WEEKLY\r\nSUMMARY:Staff meeting\\, weekly\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
/// let calendar = IcsCalendar::parse(text)?;
/// let event = &calendar.events()[0];
/// assert_eq!(event.uid(), "weekly@example.org");
/// assert_eq!(event.summary(), Some("Staff meeting, weekly"));
/// assert_eq!(event.tzid(), Some("Asia/Tokyo"));
/// assert_eq!(event.zone(), Some(chrono_tz::Asia::Tokyo));
/// assert!(event.is_recurring() && event.is_busy() && !event.is_all_day());
/// assert_eq!(event.line(), 3);
/// # Ok::<(), diplomeet::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub(crate) uid: String,
    pub(crate) line: usize,
    pub(crate) summary: Option<String>,
    pub(crate) location: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) status: Option<EventStatus>,
    pub(crate) transparent: bool,
    pub(crate) private: bool,
    pub(crate) start: When,
    pub(crate) tzid: Option<String>,
    pub(crate) zone: Option<Tz>,
    pub(crate) end: End,
    pub(crate) rules: Vec<(usize, recur::Rule)>,
    pub(crate) rdates: Vec<RDate>,
    pub(crate) exdates: Vec<When>,
    pub(crate) recurrence_id: Option<When>,
    pub(crate) this_and_future: bool,
    pub(crate) sequence: i64,
    pub(crate) participants: Vec<String>,
}

impl Event {
    /// The `UID` (TEXT escapes read), empty when the event has none.
    pub fn uid(&self) -> &str {
        &self.uid
    }

    /// The 1-based line of the event's `BEGIN:VEVENT`.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The `SUMMARY` (the title), unescaped; `None` when absent or private.
    pub fn summary(&self) -> Option<&str> {
        self.summary.as_deref()
    }

    /// The `LOCATION`, unescaped; `None` when absent or private.
    pub fn location(&self) -> Option<&str> {
        self.location.as_deref()
    }

    /// The `DESCRIPTION`, unescaped; `None` when absent or private.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// The `URL`; `None` when absent or private.
    pub fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }

    /// The `STATUS`, when the event has one this reader knows.
    pub fn status(&self) -> Option<EventStatus> {
        self.status
    }

    /// Whether `TRANSP:TRANSPARENT` marks the event as taking no time.
    pub fn is_transparent(&self) -> bool {
        self.transparent
    }

    /// Whether `CLASS:PRIVATE` or `CLASS:CONFIDENTIAL` marks the event as
    /// private (busy, with no details kept).
    pub fn is_private(&self) -> bool {
        self.private
    }

    /// Whether the event makes its owner busy: not cancelled, not
    /// transparent.
    pub fn is_busy(&self) -> bool {
        self.status != Some(EventStatus::Cancelled) && !self.transparent
    }

    /// Whether the event starts on a date (`VALUE=DATE`) rather than at a
    /// time.
    pub fn is_all_day(&self) -> bool {
        self.start.is_date()
    }

    /// Whether the event has an `RRULE` this reader expands or an `RDATE`.
    pub fn is_recurring(&self) -> bool {
        !self.rules.is_empty() || !self.rdates.is_empty()
    }

    /// Whether the event overrides one instance of a recurring event
    /// (`RECURRENCE-ID`).
    pub fn is_override(&self) -> bool {
        self.recurrence_id.is_some()
    }

    /// The `TZID` of the `DTSTART` as written (quotes removed), if any.
    pub fn tzid(&self) -> Option<&str> {
        self.tzid.as_deref()
    }

    /// The IANA zone of the start, when the file names one: directly, as a
    /// Windows name, or as the `TZID` of a `VTIMEZONE` that is one of those
    /// (whose own rules are still the ones used). `None` for UTC, floating
    /// and all-day starts and for zones only the file defines.
    pub fn zone(&self) -> Option<Tz> {
        self.zone
    }

    /// The participant ids of the attendees this crate wrote
    /// (`urn:diplomeet:participant:<id>`), in order.
    pub fn participant_ids(&self) -> &[String] {
        &self.participants
    }

    /// The `SEQUENCE` (0 when absent).
    pub fn sequence(&self) -> i64 {
        self.sequence
    }
}

/// What reading needs from the calendar: its zones and `X-WR-TIMEZONE`.
pub(crate) struct Context<'z> {
    pub(crate) custom: &'z [CustomZone],
    pub(crate) custom_by_tzid: HashMap<String, usize>,
    pub(crate) x_wr: Option<Tz>,
    cache: HashMap<String, Option<ZoneRef>>,
    warned: HashSet<String>,
}

/// The IANA zone a TZID names: directly, as a Windows name, or as a
/// "globally unique" `/vendor/.../Area/City` whose tail is a zone.
pub(crate) fn iana_of(tzid: &str) -> Option<Tz> {
    let name = tzid.trim_matches('/');
    if let Ok(tz) = name.parse::<Tz>() {
        return Some(tz);
    }
    if let Some(tz) = windows_zone(name) {
        return Some(tz);
    }
    if tzid.starts_with('/') {
        let mut rest = name;
        while let Some((_, tail)) = rest.split_once('/') {
            if let Ok(tz) = tail.parse::<Tz>() {
                return Some(tz);
            }
            rest = tail;
        }
    }
    None
}

impl<'z> Context<'z> {
    pub(crate) fn new(custom: &'z [CustomZone], x_wr: Option<Tz>) -> Context<'z> {
        let mut custom_by_tzid = HashMap::with_capacity(custom.len());
        for (i, z) in custom.iter().enumerate() {
            custom_by_tzid.entry(z.tzid.clone()).or_insert(i);
        }
        Context {
            custom,
            custom_by_tzid,
            x_wr,
            cache: HashMap::new(),
            warned: HashSet::new(),
        }
    }

    /// The zone a TZID names: an IANA zone chrono-tz knows (its full rules,
    /// as Google, Apple and Python's icalendar read it), else the file's
    /// `VTIMEZONE` of that TZID (its own rules, as Outlook writes them for
    /// Windows names), else a Windows name through CLDR, else the tail of a
    /// `/vendor/.../Area/City` TZID. `None` (with one warning per TZID) when
    /// none fits: the caller reads the time as floating.
    pub(crate) fn zone(
        &mut self,
        raw: &str,
        line: usize,
        warnings: &mut Warnings,
    ) -> Option<ZoneRef> {
        let tzid = clean_tzid(raw);
        if let Some(found) = self.cache.get(tzid) {
            if found.is_none() && self.warned.insert(tzid.to_owned()) {
                warnings.push(
                    line,
                    WarningKind::UnknownZone,
                    format!("TZID {:?} names no VTIMEZONE of this file, no IANA zone and no Windows zone: its times are read as floating", value::clip(tzid)),
                );
            }
            return *found;
        }
        let direct = tzid.trim_matches('/').parse::<Tz>().ok().map(ZoneRef::Tz);
        let found = direct
            .or_else(|| self.custom_by_tzid.get(tzid).map(|i| ZoneRef::Custom(*i)))
            .or_else(|| iana_of(tzid).map(ZoneRef::Tz));
        if found.is_none() && self.warned.insert(tzid.to_owned()) {
            warnings.push(
                line,
                WarningKind::UnknownZone,
                format!("TZID {:?} names no VTIMEZONE of this file, no IANA zone and no Windows zone: its times are read as floating", value::clip(tzid)),
            );
        }
        self.cache.insert(tzid.to_owned(), found);
        found
    }

    /// The IANA zone of a zone reference (the label of a `VTIMEZONE`).
    pub(crate) fn iana(&self, z: ZoneRef) -> Option<Tz> {
        match z {
            ZoneRef::Tz(tz) => Some(tz),
            ZoneRef::Custom(i) => self.custom.get(i).and_then(|c| c.iana),
        }
    }

    /// A DATE or DATE-TIME value with the property's parameters.
    fn when(
        &mut self,
        p: &Prop<'_>,
        raw: &str,
        line: usize,
        warnings: &mut Warnings,
    ) -> Option<When> {
        let raw = raw.trim();
        let is_date = p
            .param("VALUE")
            .is_some_and(|v| v.eq_ignore_ascii_case("DATE"))
            || (raw.len() == 8 && !raw.contains(['T', 't']));
        if is_date {
            return value::date(raw).map(When::Date);
        }
        let (civil, utc) = value::date_time(raw)?;
        if utc {
            return Some(match self.x_wr {
                Some(tz) => When::Zoned(
                    chrono::TimeZone::from_utc_datetime(&tz, &civil).naive_local(),
                    ZoneRef::Tz(tz),
                ),
                None => When::Utc(civil),
            });
        }
        if let Some(tzid) = p.param("TZID") {
            if let Some(z) = self.zone(&tzid, line, warnings) {
                return Some(When::Zoned(civil, z));
            }
        }
        Some(match self.x_wr {
            Some(tz) => When::Zoned(civil, ZoneRef::Tz(tz)),
            None => When::Floating(civil),
        })
    }
}

fn bad_value(warnings: &mut Warnings, line: usize, p: &Prop<'_>, what: &str) {
    warnings.push(
        line,
        WarningKind::InvalidValue,
        format!(
            "{} {:?} is not {what}: skipped",
            p.name,
            value::clip(p.value)
        ),
    );
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(b) = bytes.get(i) {
        if *b == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(v) = hex {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(*b);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A property name in upper case, in `buf` (without allocating); empty
/// for a name longer than any this reader looks at.
fn upper<'b>(name: &str, buf: &'b mut [u8; 16]) -> &'b [u8] {
    match buf.get_mut(..name.len()) {
        Some(slot) => {
            slot.copy_from_slice(name.as_bytes());
            slot.make_ascii_uppercase();
            slot
        }
        None => &[],
    }
}

/// The attendee URN prefix this crate's exporter writes.
const PARTICIPANT_URN: &str = "urn:diplomeet:participant:";

/// Reads the event whose lines are `lines` (its `BEGIN:VEVENT` first).
/// `None`, with a warning, when it has no readable `DTSTART`.
pub(crate) fn read(
    lines: &[Line<'_>],
    ctx: &mut Context<'_>,
    warnings: &mut Warnings,
) -> Option<Event> {
    let begin = lines.first().map_or(0, |l| l.no);
    let mut uid = None;
    let mut summary = None;
    let mut location = None;
    let mut description = None;
    let mut url = None;
    let mut status = None;
    let mut transparent = false;
    let mut private = false;
    let mut start: Option<(When, Option<String>, usize)> = None;
    let mut dtend: Option<When> = None;
    let mut duration: Option<(Dur, usize)> = None;
    let mut rules = Vec::new();
    let mut rdates = Vec::new();
    let mut exdates = Vec::new();
    let mut recurrence_id = None;
    let mut this_and_future = false;
    let mut sequence = 0i64;
    let mut participants = Vec::new();
    let mut depth = 0usize;
    for line in lines.iter().skip(1) {
        let no = line.no;
        let Some(p) = split(&line.text) else {
            warnings.push(
                no,
                WarningKind::MalformedLine,
                format!(
                    "not a content line: skipped ({:?})",
                    value::clip(&line.text)
                ),
            );
            continue;
        };
        if p.is("BEGIN") {
            depth += 1;
            continue;
        }
        if p.is("END") {
            depth = depth.saturating_sub(1);
            continue;
        }
        if depth > 0 {
            continue; // VALARM and other nested components
        }
        let text = || value::text(p.value).into_owned();
        let mut buf = [0u8; 16];
        match upper(p.name, &mut buf) {
            b"UID" if uid.is_none() => uid = Some(text()),
            b"SUMMARY" if summary.is_none() => summary = Some(text()),
            b"LOCATION" if location.is_none() => location = Some(text()),
            b"DESCRIPTION" if description.is_none() => description = Some(text()),
            b"URL" if url.is_none() => url = Some(p.value.trim().to_owned()),
            b"STATUS" => {
                status = match p.value.trim().to_ascii_uppercase().as_str() {
                    "CONFIRMED" => Some(EventStatus::Confirmed),
                    "TENTATIVE" => Some(EventStatus::Tentative),
                    "CANCELLED" => Some(EventStatus::Cancelled),
                    _ => status,
                }
            }
            b"TRANSP" => transparent = p.value.trim().eq_ignore_ascii_case("TRANSPARENT"),
            b"CLASS" => {
                let v = p.value.trim();
                private =
                    v.eq_ignore_ascii_case("PRIVATE") || v.eq_ignore_ascii_case("CONFIDENTIAL");
            }
            b"SEQUENCE" => match p.value.trim().parse() {
                Ok(n) => sequence = n,
                Err(_) => bad_value(warnings, no, &p, "a number"),
            },
            b"DTSTART" if start.is_none() => match ctx.when(&p, p.value, no, warnings) {
                Some(w) => {
                    let tzid = p.param("TZID").map(|t| clean_tzid(&t).to_owned());
                    start = Some((w, tzid, no));
                }
                None => bad_value(warnings, no, &p, "a date or date-time"),
            },
            b"DTEND" if dtend.is_none() => match ctx.when(&p, p.value, no, warnings) {
                Some(w) => dtend = Some(w),
                None => bad_value(warnings, no, &p, "a date or date-time"),
            },
            b"DURATION" if duration.is_none() => match value::duration(p.value) {
                Some(d) => duration = Some((d, no)),
                None => bad_value(warnings, no, &p, "a duration"),
            },
            b"RECURRENCE-ID" if recurrence_id.is_none() => {
                match ctx.when(&p, p.value, no, warnings) {
                    Some(w) => {
                        recurrence_id = Some(w);
                        this_and_future = p
                            .param("RANGE")
                            .is_some_and(|r| r.eq_ignore_ascii_case("THISANDFUTURE"));
                    }
                    None => bad_value(warnings, no, &p, "a date or date-time"),
                }
            }
            b"RRULE" => match recur::parse(p.value) {
                Ok((rule, ignored)) => {
                    for why in ignored {
                        warnings.push(no, WarningKind::UnsupportedRule, format!("RRULE: {why}"));
                    }
                    rules.push((no, rule));
                }
                Err(RuleProblem::Invalid(why)) => warnings.push(
                    no,
                    WarningKind::InvalidRule,
                    format!("RRULE {:?} skipped: {why}", value::clip(p.value)),
                ),
                Err(RuleProblem::Unsupported(why)) => warnings.push(
                    no,
                    WarningKind::UnsupportedRule,
                    format!("RRULE {:?} skipped: {why}", value::clip(p.value)),
                ),
            },
            b"RDATE" => {
                let period = p
                    .param("VALUE")
                    .is_some_and(|v| v.eq_ignore_ascii_case("PERIOD"));
                for v in value::list(p.value) {
                    let read = if period || v.contains('/') {
                        v.split_once('/').and_then(|(a, b)| {
                            let s = ctx.when(&p, a, no, warnings)?;
                            let e = match value::duration(b) {
                                Some(d) => PeriodEnd::Duration(d),
                                None => PeriodEnd::At(ctx.when(&p, b, no, warnings)?),
                            };
                            Some(RDate::Period(s, e))
                        })
                    } else {
                        ctx.when(&p, v, no, warnings).map(RDate::At)
                    };
                    match read {
                        Some(r) => rdates.push(r),
                        None => warnings.push(
                            no,
                            WarningKind::InvalidValue,
                            format!("RDATE value {:?} skipped", value::clip(v)),
                        ),
                    }
                }
            }
            b"EXDATE" => {
                for v in value::list(p.value) {
                    match ctx.when(&p, v, no, warnings) {
                        Some(w) => exdates.push(w),
                        None => warnings.push(
                            no,
                            WarningKind::InvalidValue,
                            format!("EXDATE value {:?} skipped", value::clip(v)),
                        ),
                    }
                }
            }
            b"ATTENDEE" => {
                let v = p.value.trim();
                if v.len() > PARTICIPANT_URN.len()
                    && v.get(..PARTICIPANT_URN.len())
                        .is_some_and(|h| h.eq_ignore_ascii_case(PARTICIPANT_URN))
                {
                    participants.push(percent_decode(
                        v.get(PARTICIPANT_URN.len()..).unwrap_or_default(),
                    ));
                }
            }
            _ => {}
        }
    }
    let Some((start, tzid, _)) = start else {
        warnings.push(
            begin,
            WarningKind::MissingStart,
            format!(
                "event {:?} has no readable DTSTART: skipped",
                value::clip(uid.as_deref().unwrap_or(""))
            ),
        );
        return None;
    };
    let uid = match uid {
        Some(u) => u,
        None => {
            warnings.push(
                begin,
                WarningKind::MissingUid,
                "event without UID: read with an empty UID".to_owned(),
            );
            String::new()
        }
    };
    let end = match (dtend, duration) {
        (Some(e), _) => End::At(e),
        (None, Some((d, no))) => {
            if d.is_negative() {
                warnings.push(
                    no,
                    WarningKind::EndBeforeStart,
                    format!(
                        "event {:?}: negative DURATION read as none",
                        value::clip(&uid)
                    ),
                );
                End::Duration(Dur::default())
            } else {
                End::Duration(d)
            }
        }
        (None, None) => End::Default,
    };
    let zone = match start {
        When::Zoned(_, z) => ctx.iana(z),
        _ => None,
    };
    let (summary, location, description, url) = if private {
        participants.clear();
        (None, None, None, None)
    } else {
        (summary, location, description, url)
    };
    Some(Event {
        uid,
        line: begin,
        summary,
        location,
        description,
        url,
        status,
        transparent,
        private,
        start,
        tzid,
        zone,
        end,
        rules,
        rdates,
        exdates,
        recurrence_id,
        this_and_future,
        sequence,
        participants,
    })
}
