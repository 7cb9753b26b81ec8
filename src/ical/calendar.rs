//! [`IcsCalendar`]: an iCalendar file read, its events grouped into series
//! (a recurring event and its overrides share a `UID`).

use std::collections::HashMap;

use chrono_tz::Tz;

use super::event::{self, Context, Event, When, iana_of};
use super::lines::{Line, split, unfold};
use super::recur::Steps;
use super::value;
use super::vtimezone::{self, CustomZone, clean_tzid};
use super::warning::{Warning, WarningKind, Warnings};
use crate::error::{Detail, Error, echo};
use crate::limits::Limits;

/// A recurring event (or a single one) and the events that override some
/// of its instances, by index into [`IcsCalendar::events`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Series {
    pub(crate) master: Option<usize>,
    pub(crate) overrides: Vec<usize>,
}

/// An iCalendar (RFC 5545) file, read leniently: its events, its zones and
/// what was skipped.
///
/// Reading never panics and reads what can be read: a line, a property or
/// an event that cannot be used is skipped with a [`Warning`] that gives
/// its line and the reason. Only input that is not a calendar at all, or is
/// over [`Limits::max_ics_bytes`], is an error.
///
/// # What is read
///
/// * Lines ending in CRLF, LF or CR; folded lines (a space or a tab)
///   unfolded; a line folded without its leading space is read as a
///   continuation, with a warning. Names of properties, parameters and
///   values in any case; parameter values quoted or not, with RFC 6868
///   `^` escapes; TEXT escapes (`\,` `\;` `\\` `\n`).
/// * `VEVENT`s (other components are ignored): `UID`, `DTSTART`, `DTEND`
///   or `DURATION`, `RRULE`, `RDATE` (dates, date-times, periods),
///   `EXDATE`, `RECURRENCE-ID` (with `RANGE=THISANDFUTURE`), `SEQUENCE`,
///   `STATUS`, `TRANSP`, `CLASS`, `SUMMARY`, `LOCATION`, `DESCRIPTION`,
///   `URL`, and `ATTENDEE`s this crate wrote.
/// * Times: UTC (`Z`), floating (no zone: read in the zone the caller gives
///   [`Window::with_floating_zone`](super::Window::with_floating_zone)),
///   dates (`VALUE=DATE`, all-day, the end exclusive), and times with a
///   `TZID`, looked up in this order: an IANA zone chrono-tz knows (its
///   full rules, as Google, Apple and Python's icalendar read it); the
///   file's `VTIMEZONE` of that `TZID` (its own observances, as Outlook
///   writes them); a Windows zone name through CLDR's `windowsZones`
///   (territory `001`, see [`windows_zone`](super::windows_zone)); the tail
///   of a `/vendor/.../Area/City` TZID. A TZID none of them knows gives a
///   warning, and its times are read as floating.
/// * `X-WR-TIMEZONE` (Google): the event times that the file gives in UTC
///   or floating are read in that zone, as Google's clients do (so a weekly
///   event written in UTC stays at its local time across a change of
///   offset there).
/// * Two events with the same `UID` and no `RECURRENCE-ID` (or the same
///   one): the higher `SEQUENCE` is kept, the first on a tie, with a
///   warning.
///
/// # Costs
///
/// Reading is linear in the size of the text: one pass to unfold, one over
/// the lines, hash maps for zones and `UID`s. A `VTIMEZONE` with rules
/// costs its onsets from 1900 to 2100 (at most
/// [`Limits::max_occurrences_per_rule`] steps per rule). At most 1,000
/// warnings are kept; [`warning_count`](IcsCalendar::warning_count) counts
/// them all.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use diplomeet::ical::{IcsCalendar, Window};
///
/// let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//EN\r\n\
///     BEGIN:VEVENT\r\nUID:standup@example.org\r\n\
///     DTSTART;TZID=America/New_York:20260302T090000\r\nDURATION:PT30M\r\n\
///     RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3\r\nSUMMARY:Stand-up\r\nEND:VEVENT\r\n\
///     END:VCALENDAR\r\n";
/// let calendar = IcsCalendar::parse(text)?;
/// assert!(calendar.warnings().is_empty());
/// assert_eq!(calendar.zone(), Some(chrono_tz::America::New_York));
///
/// let from = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).single().ok_or("from")?;
/// let to = Utc.with_ymd_and_hms(2026, 4, 1, 0, 0, 0).single().ok_or("to")?;
/// let occurrences = calendar.occurrences(&Window::new(from, to)?);
/// let starts: Vec<String> = occurrences.iter().map(|o| o.start().to_rfc3339()).collect();
/// // 09:00 in New York is 14:00 UTC before the change of March 8, 13:00 after.
/// assert_eq!(starts, [
///     "2026-03-02T14:00:00+00:00",
///     "2026-03-09T13:00:00+00:00",
///     "2026-03-16T13:00:00+00:00",
/// ]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct IcsCalendar {
    pub(crate) events: Vec<Event>,
    pub(crate) series: Vec<Series>,
    pub(crate) zones: Vec<CustomZone>,
    zone: Option<Tz>,
    name: Option<String>,
    warnings: Warnings,
    pub(crate) limits: Limits,
}

/// One component found while walking the lines: its kind and line range.
struct Span {
    kind: Kind,
    first: usize,
    last: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Event,
    TimeZone,
}

impl IcsCalendar {
    /// Reads an iCalendar text with the default [`Limits`].
    ///
    /// Cost: linear in the text (see the type's documentation).
    ///
    /// # Errors
    ///
    /// [`TooMany`](crate::ErrorKind::TooMany) for a text over
    /// [`Limits::max_ics_bytes`];
    /// [`InvalidValue`](crate::ErrorKind::InvalidValue) for a text with no
    /// `BEGIN:VCALENDAR` and no `BEGIN:VEVENT`, which is no calendar.
    ///
    /// ```
    /// use diplomeet::ErrorKind;
    /// use diplomeet::ical::IcsCalendar;
    ///
    /// let err = IcsCalendar::parse("{\"not\": \"a calendar\"}").unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::InvalidValue);
    /// // Lenient: lower-case names, LF line ends, no VERSION, an unknown
    /// // property.
    /// let calendar = IcsCalendar::parse("begin:vcalendar\nbegin:vevent\nuid:1\ndtstart:20260105\nx-foo:bar\nend:vevent\nend:vcalendar\n")?;
    /// assert_eq!(calendar.events().len(), 1);
    /// assert!(calendar.events()[0].is_all_day());
    /// # Ok::<(), diplomeet::Error>(())
    /// ```
    pub fn parse(text: &str) -> Result<IcsCalendar, Error> {
        IcsCalendar::parse_with_limits(text, &Limits::default())
    }

    /// Reads bytes: UTF-8, with any invalid sequence read as U+FFFD and a
    /// warning ([`WarningKind::InvalidUtf8`]).
    ///
    /// Cost: linear in the bytes.
    ///
    /// # Errors
    ///
    /// As [`parse_with_limits`](IcsCalendar::parse_with_limits); the size
    /// is checked before anything is decoded.
    ///
    /// ```
    /// use diplomeet::Limits;
    /// use diplomeet::ical::{IcsCalendar, WarningKind};
    ///
    /// let bytes = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:caf\xe9\r\nDTSTART:20260105T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    /// let calendar = IcsCalendar::parse_bytes(bytes, &Limits::default())?;
    /// assert_eq!(calendar.events()[0].summary(), Some("caf\u{fffd}"));
    /// assert_eq!(calendar.warnings()[0].kind(), WarningKind::InvalidUtf8);
    /// assert_eq!(calendar.warnings()[0].line(), 5);
    /// # Ok::<(), diplomeet::Error>(())
    /// ```
    pub fn parse_bytes(bytes: &[u8], limits: &Limits) -> Result<IcsCalendar, Error> {
        check_size(bytes.len(), limits)?;
        match std::str::from_utf8(bytes) {
            Ok(text) => IcsCalendar::parse_with_limits(text, limits),
            Err(e) => {
                let line = 1 + bytes
                    .get(..e.valid_up_to())
                    .unwrap_or_default()
                    .iter()
                    .filter(|b| **b == b'\n')
                    .count();
                let text = String::from_utf8_lossy(bytes);
                let mut calendar = IcsCalendar::parse_with_limits(&text, limits)?;
                let mut w = Warnings::default();
                w.push(
                    line,
                    WarningKind::InvalidUtf8,
                    "bytes that are not UTF-8 (from here on) were read as U+FFFD".to_owned(),
                );
                for old in calendar.warnings.list() {
                    w.push(old.line(), old.kind(), old.message().to_owned());
                }
                calendar.warnings = w;
                Ok(calendar)
            }
        }
    }

    /// Reads an iCalendar text with the given limits (the size of the text,
    /// the number of events, and the steps an expansion may take).
    ///
    /// Cost: linear in the text.
    ///
    /// # Errors
    ///
    /// As [`parse`](IcsCalendar::parse).
    ///
    /// ```
    /// use diplomeet::{ErrorKind, Limits};
    /// use diplomeet::ical::{IcsCalendar, WarningKind};
    ///
    /// let event = "BEGIN:VEVENT\nUID:a\nDTSTART:20260105T090000Z\nEND:VEVENT\n";
    /// let text = format!("BEGIN:VCALENDAR\nVERSION:2.0\n{}END:VCALENDAR\n", event.repeat(3));
    /// let two = Limits::default().with_max_ics_events(2);
    /// let calendar = IcsCalendar::parse_with_limits(&text, &two)?;
    /// assert_eq!(calendar.events().len(), 1); // the same UID three times: one kept
    /// assert!(calendar.warnings().iter().any(|w| w.kind() == WarningKind::TooManyEvents));
    ///
    /// let tiny = Limits::default().with_max_ics_bytes(10);
    /// let err = IcsCalendar::parse_with_limits(&text, &tiny).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::TooMany);
    /// assert!(err.to_string().contains("max_ics_bytes"));
    /// # Ok::<(), diplomeet::Error>(())
    /// ```
    pub fn parse_with_limits(text: &str, limits: &Limits) -> Result<IcsCalendar, Error> {
        check_size(text.len(), limits)?;
        let mut warnings = Warnings::default();
        let lines = unfold(text, &mut warnings);
        let mut spans = Vec::new();
        let mut x_wr: Option<(String, usize)> = None;
        let mut name = None;
        let mut first_tzids: Vec<String> = Vec::new();
        let saw_calendar = walk(&lines, &mut warnings, &mut spans, |p, no| {
            if p.is("X-WR-TIMEZONE") && x_wr.is_none() {
                x_wr = Some((clean_tzid(&value::text(p.value)).to_owned(), no));
            } else if p.is("X-WR-CALNAME") && name.is_none() {
                name = Some(value::text(p.value).into_owned());
            }
            if first_tzids.len() < 8 {
                let param = if p.is("TZID") { None } else { p.param("TZID") };
                let tzid = if p.is("TZID") {
                    Some(clean_tzid(p.value))
                } else {
                    param.as_deref().map(clean_tzid)
                };
                if let Some(t) = tzid {
                    if !first_tzids.iter().any(|f| f == t) {
                        first_tzids.push(t.to_owned());
                    }
                }
            }
        });
        if !saw_calendar && spans.is_empty() {
            let first = lines.first().map_or("", |l| &l.text);
            return Err(Error::new(Detail::InvalidValue {
                what: "iCalendar text",
                value: echo(first),
                reason: "it has no BEGIN:VCALENDAR and no BEGIN:VEVENT".to_owned(),
            }));
        }
        let mut zones = Vec::new();
        // All VTIMEZONEs together spend at most `max_occurrences` steps.
        let mut steps = Steps::new(limits.max_occurrences());
        for s in spans.iter().filter(|s| s.kind == Kind::TimeZone) {
            if let Some(mut z) = vtimezone::read(
                lines.get(s.first..=s.last).unwrap_or_default(),
                &mut warnings,
                limits.max_occurrences_per_rule(),
                &mut steps,
            ) {
                z.iana = iana_of(&z.tzid);
                zones.push(z);
            }
        }
        let x_wr_zone = match x_wr {
            Some((tzid, no)) => match tzid.parse::<Tz>() {
                Ok(tz) => Some(tz),
                Err(_) => {
                    warnings.push(
                        no,
                        WarningKind::UnknownZone,
                        format!(
                            "X-WR-TIMEZONE {:?} is not an IANA zone: ignored",
                            value::clip(&tzid)
                        ),
                    );
                    None
                }
            },
            None => None,
        };
        let mut ctx = Context::new(&zones, x_wr_zone);
        let mut events = Vec::new();
        for (read, s) in spans.iter().filter(|s| s.kind == Kind::Event).enumerate() {
            if read >= limits.max_ics_events() {
                let no = lines.get(s.first).map_or(0, |l| l.no);
                warnings.push(
                    no,
                    WarningKind::TooManyEvents,
                    format!(
                        "more than {} events (limit max_ics_events): this one and the rest are skipped",
                        limits.max_ics_events()
                    ),
                );
                break;
            }
            if let Some(e) = event::read(
                lines.get(s.first..=s.last).unwrap_or_default(),
                &mut ctx,
                &mut warnings,
            ) {
                events.push(e);
            }
        }
        let zone = x_wr_zone.or_else(|| {
            first_tzids.iter().find_map(|t| {
                ctx.custom_by_tzid
                    .get(t)
                    .and_then(|i| zones.get(*i))
                    .and_then(|z| z.iana)
                    .or_else(|| iana_of(t))
            })
        });
        drop(ctx);
        let (events, series) = group(events, &mut warnings);
        warnings.sort_by_line();
        Ok(IcsCalendar {
            events,
            series,
            zones,
            zone,
            name,
            warnings,
            limits: *limits,
        })
    }

    /// Every event read, in file order (overrides included; duplicates
    /// dropped, see the type's documentation).
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The calendar's own zone: `X-WR-TIMEZONE` when it names an IANA zone,
    /// else the first `TZID` of the file (a `VTIMEZONE`'s or a property's)
    /// that names one, directly or as a Windows name; `None` for a calendar
    /// of UTC, floating or all-day times only.
    ///
    /// ```
    /// use diplomeet::ical::IcsCalendar;
    ///
    /// let outlook = "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:1\nDTSTART;TZID=Tokyo Standard Time:20260105T090000\nEND:VEVENT\nEND:VCALENDAR\n";
    /// assert_eq!(IcsCalendar::parse(outlook)?.zone(), Some(chrono_tz::Asia::Tokyo));
    /// let google = "BEGIN:VCALENDAR\nVERSION:2.0\nX-WR-TIMEZONE:Europe/Paris\nEND:VCALENDAR\n";
    /// assert_eq!(IcsCalendar::parse(google)?.zone(), Some(chrono_tz::Europe::Paris));
    /// # Ok::<(), diplomeet::Error>(())
    /// ```
    pub fn zone(&self) -> Option<Tz> {
        self.zone
    }

    /// The calendar's name (`X-WR-CALNAME`), if it has one.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// What was skipped or read leniently while reading, in line order
    /// (the first 1,000 found).
    pub fn warnings(&self) -> &[Warning] {
        self.warnings.list()
    }

    /// How many warnings there were in all (more than
    /// [`warnings`](IcsCalendar::warnings) holds when there were over
    /// 1,000).
    pub fn warning_count(&self) -> usize {
        self.warnings.total()
    }

    /// The limits the calendar was read with (expansions use them too).
    pub fn limits(&self) -> &Limits {
        &self.limits
    }
}

fn check_size(len: usize, limits: &Limits) -> Result<(), Error> {
    if len > limits.max_ics_bytes() {
        return Err(Error::new(Detail::TooMany {
            what: "bytes in an iCalendar file",
            count: len,
            limit: limits.max_ics_bytes(),
            limit_name: "max_ics_bytes",
        }));
    }
    Ok(())
}

/// The deepest nesting of components read (RFC 5545 needs three:
/// `VCALENDAR`, `VTIMEZONE`, `STANDARD`); deeper `BEGIN`s are ignored, so
/// that matching an `END` costs at most this many steps.
const MAX_DEPTH: usize = 16;

/// Walks the lines, finding the `VEVENT`s and `VTIMEZONE`s (at the top
/// level or in a `VCALENDAR`), calling `header` for every other property
/// of a `VCALENDAR` and every line with a `TZID`. Repairs the structure
/// with warnings. Returns whether a `VCALENDAR` was seen.
fn walk(
    lines: &[Line<'_>],
    warnings: &mut Warnings,
    spans: &mut Vec<Span>,
    mut header: impl FnMut(&super::lines::Prop<'_>, usize),
) -> bool {
    // The open components: name (upper case) and first line index.
    let mut stack: Vec<(String, usize)> = Vec::new();
    let mut saw_calendar = false;
    let mut version: Option<bool> = None;
    let mut calendar_line = 0;
    let close = |stack: &mut Vec<(String, usize)>, spans: &mut Vec<Span>, last: usize| {
        if let Some((name, first)) = stack.pop() {
            let in_calendar = stack.iter().all(|(n, _)| n == "VCALENDAR");
            let kind = match name.as_str() {
                "VEVENT" => Some(Kind::Event),
                "VTIMEZONE" => Some(Kind::TimeZone),
                _ => None,
            };
            if let (Some(kind), true) = (kind, in_calendar) {
                spans.push(Span { kind, first, last });
            }
        }
    };
    for (i, line) in lines.iter().enumerate() {
        let Some(p) = split(&line.text) else {
            if stack.is_empty() {
                warnings.push(
                    line.no,
                    WarningKind::MalformedLine,
                    format!(
                        "not a content line: skipped ({:?})",
                        value::clip(&line.text)
                    ),
                );
            }
            continue;
        };
        if p.is("BEGIN") {
            let name = p.value.trim().to_ascii_uppercase();
            if stack.len() >= MAX_DEPTH {
                warnings.push(
                    line.no,
                    WarningKind::Unbalanced,
                    format!(
                        "BEGIN:{} nested more than {MAX_DEPTH} deep: ignored",
                        value::clip(&name)
                    ),
                );
                continue;
            }
            if name == "VCALENDAR" {
                saw_calendar = true;
                calendar_line = line.no;
            } else if name == "VEVENT" && stack.is_empty() {
                warnings.push(
                    line.no,
                    WarningKind::Unbalanced,
                    "an event outside any VCALENDAR: read".to_owned(),
                );
            }
            stack.push((name, i));
            continue;
        }
        if p.is("END") {
            let name = p.value.trim().to_ascii_uppercase();
            match stack.iter().rposition(|(n, _)| *n == name) {
                Some(at) => {
                    while stack.len() > at + 1 {
                        if let Some((open, first)) = stack.last() {
                            let no = lines.get(*first).map_or(0, |l| l.no);
                            warnings.push(
                                no,
                                WarningKind::Unbalanced,
                                format!("BEGIN:{open} has no END before END:{name} (line {}): closed there", line.no),
                            );
                        }
                        close(&mut stack, spans, i.saturating_sub(1));
                    }
                    close(&mut stack, spans, i);
                }
                None => warnings.push(
                    line.no,
                    WarningKind::Unbalanced,
                    format!("END:{} without its BEGIN: ignored", value::clip(&name)),
                ),
            }
            continue;
        }
        let in_calendar_header =
            stack.len() == 1 && stack.first().is_some_and(|(n, _)| n == "VCALENDAR");
        if in_calendar_header && p.is("VERSION") {
            version = Some(version.unwrap_or(false) || p.value.trim() == "2.0");
        }
        if in_calendar_header || p.is("TZID") || p.params.len() > 4 {
            header(&p, line.no);
        }
    }
    let last = lines.len().saturating_sub(1);
    while let Some((open, first)) = stack.last() {
        let no = lines.get(*first).map_or(0, |l| l.no);
        warnings.push(
            no,
            WarningKind::Unbalanced,
            format!("BEGIN:{open} has no END: closed at the end of the file"),
        );
        close(&mut stack, spans, last);
    }
    if saw_calendar && version != Some(true) {
        warnings.push(
            calendar_line,
            WarningKind::MissingVersion,
            "no VERSION:2.0: read as iCalendar 2.0".to_owned(),
        );
    }
    saw_calendar
}

/// Groups events into series by `UID`, dropping duplicates (the higher
/// `SEQUENCE` wins, the first on a tie). Returns the kept events, in file
/// order, and the series, in order of first appearance.
fn group(events: Vec<Event>, warnings: &mut Warnings) -> (Vec<Event>, Vec<Series>) {
    // Per UID: the master's index and each override's by RECURRENCE-ID.
    struct Group {
        master: Option<usize>,
        overrides: Vec<usize>,
        by_rid: HashMap<When, usize>,
    }
    let mut keep = vec![true; events.len()];
    let mut groups: Vec<Group> = Vec::new();
    let mut by_uid: HashMap<&str, usize> = HashMap::new();
    let mut drop_one = |keep: &mut Vec<bool>, loser: usize, winner: usize, what: &str| {
        if let Some(k) = keep.get_mut(loser) {
            *k = false;
        }
        let (Some(l), Some(w)) = (events.get(loser), events.get(winner)) else {
            return;
        };
        warnings.push(
            l.line,
            WarningKind::Duplicate,
            format!(
                "{what} with UID {:?} also at line {}: the one with SEQUENCE {} is kept",
                value::clip(&l.uid),
                w.line,
                w.sequence
            ),
        );
    };
    for (i, e) in events.iter().enumerate() {
        let g = if e.uid.is_empty() {
            groups.push(Group {
                master: None,
                overrides: Vec::new(),
                by_rid: HashMap::new(),
            });
            groups.len() - 1
        } else {
            *by_uid.entry(e.uid.as_str()).or_insert_with(|| {
                groups.push(Group {
                    master: None,
                    overrides: Vec::new(),
                    by_rid: HashMap::new(),
                });
                groups.len() - 1
            })
        };
        let Some(group) = groups.get_mut(g) else {
            continue;
        };
        let seq = |j: usize| events.get(j).map_or(i64::MIN, |x| x.sequence);
        match e.recurrence_id {
            None => match group.master {
                None => group.master = Some(i),
                Some(m) if e.sequence > seq(m) => {
                    drop_one(&mut keep, m, i, "an event");
                    group.master = Some(i);
                }
                Some(m) => drop_one(&mut keep, i, m, "an event"),
            },
            Some(rid) => match group.by_rid.get(&rid).copied() {
                None => {
                    group.by_rid.insert(rid, i);
                    group.overrides.push(i);
                }
                Some(o) if e.sequence > seq(o) => {
                    drop_one(&mut keep, o, i, "an override");
                    group.by_rid.insert(rid, i);
                    if let Some(slot) = group.overrides.iter_mut().find(|x| **x == o) {
                        *slot = i;
                    }
                }
                Some(o) => drop_one(&mut keep, i, o, "an override"),
            },
        }
    }
    let mut new_index = vec![usize::MAX; events.len()];
    let mut kept = Vec::with_capacity(events.len());
    for (i, (e, k)) in events.into_iter().zip(&keep).enumerate() {
        if *k {
            if let Some(slot) = new_index.get_mut(i) {
                *slot = kept.len();
            }
            kept.push(e);
        }
    }
    let map = |i: usize| new_index.get(i).copied().filter(|n| *n != usize::MAX);
    let series = groups
        .into_iter()
        .map(|g| {
            let mut overrides: Vec<usize> = g.overrides.into_iter().filter_map(map).collect();
            overrides.sort_unstable();
            Series {
                master: g.master.and_then(map),
                overrides,
            }
        })
        .collect();
    (kept, series)
}
