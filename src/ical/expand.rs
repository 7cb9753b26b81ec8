//! Occurrences over a window: [`Window`], [`Occurrence`], [`Occurrences`]
//! and [`IcsCalendar::occurrences`].

use std::collections::{HashMap, HashSet};

use chrono::{
    DateTime, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone, Utc,
};
use chrono_tz::Tz;

use super::calendar::{IcsCalendar, Series};
use super::event::{End, Event, PeriodEnd, RDate, When, ZoneRef};
use super::recur::{self, Bounds, Steps, Stop, Until};
use super::value::{self, Dur};
use super::warning::{Warning, WarningKind, Warnings};
use crate::error::{Detail, Error};
use crate::time::{Disambiguation, ZonedDateTime};

/// The span of time an expansion covers, `[from, to)` in UTC, and the zone
/// floating and all-day times are read in (UTC unless set).
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use diplomeet::ical::Window;
///
/// let from = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).single().ok_or("from")?;
/// let to = Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).single().ok_or("to")?;
/// let window = Window::new(from, to)?.with_floating_zone(chrono_tz::Asia::Tokyo);
/// assert_eq!((window.start(), window.end()), (from, to));
/// assert_eq!(window.floating_zone(), chrono_tz::Asia::Tokyo);
/// assert!(Window::new(to, from).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Window {
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    floating: Tz,
}

impl Window {
    /// The window `[from, to)`, floating and all-day times read in UTC.
    ///
    /// # Errors
    ///
    /// [`InvalidValue`](crate::ErrorKind::InvalidValue) when `from` is not
    /// before `to`.
    pub fn new(from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Window, Error> {
        if from >= to {
            return Err(Error::new(Detail::InvalidValue {
                what: "window",
                value: format!("{from} to {to}"),
                reason: "the start must be before the end".to_owned(),
            }));
        }
        Ok(Window {
            from,
            to,
            floating: Tz::UTC,
        })
    }

    /// The same window, with floating and all-day times read in `zone`.
    #[must_use]
    pub fn with_floating_zone(mut self, zone: Tz) -> Window {
        self.floating = zone;
        self
    }

    /// The start (inclusive).
    pub fn start(&self) -> DateTime<Utc> {
        self.from
    }

    /// The end (exclusive).
    pub fn end(&self) -> DateTime<Utc> {
        self.to
    }

    /// The zone floating and all-day times are read in.
    pub fn floating_zone(&self) -> Tz {
        self.floating
    }

    /// Whether `[start, end)` overlaps the window; an instant (`start ==
    /// end`) does when it lies in it.
    fn overlaps(&self, start: DateTime<Utc>, end: DateTime<Utc>) -> bool {
        if start == end {
            self.from <= start && start < self.to
        } else {
            start < self.to && end > self.from
        }
    }
}

/// One occurrence of an event: its instants and the event (the override,
/// for an instance a `RECURRENCE-ID` changes) that says what it is.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use diplomeet::ical::{IcsCalendar, Window};
///
/// let text = "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nDTSTART:20260105T090000Z\nDTEND:20260105T100000Z\nSUMMARY:Talks\nEND:VEVENT\nEND:VCALENDAR\n";
/// let calendar = IcsCalendar::parse(text)?;
/// let from = Utc.with_ymd_and_hms(2026, 1, 5, 0, 0, 0).single().ok_or("from")?;
/// let to = Utc.with_ymd_and_hms(2026, 1, 6, 0, 0, 0).single().ok_or("to")?;
/// let occurrences = calendar.occurrences(&Window::new(from, to)?);
/// let first = occurrences.iter().next().ok_or("none")?;
/// assert_eq!(first.uid(), "a");
/// assert_eq!(first.end() - first.start(), chrono::TimeDelta::hours(1));
/// assert_eq!(first.event().summary(), Some("Talks"));
/// assert!(first.is_busy());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence<'c> {
    event: &'c Event,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
}

impl<'c> Occurrence<'c> {
    /// The event that says what this occurrence is: the recurring event,
    /// or the override of this instance.
    pub fn event(&self) -> &'c Event {
        self.event
    }

    /// The event's `UID`.
    pub fn uid(&self) -> &'c str {
        &self.event.uid
    }

    /// The start.
    pub fn start(&self) -> DateTime<Utc> {
        self.start
    }

    /// The end (the start, for an event that lasts no time).
    pub fn end(&self) -> DateTime<Utc> {
        self.end
    }

    /// Whether it makes its owner busy (the event is neither cancelled nor
    /// transparent).
    pub fn is_busy(&self) -> bool {
        self.event.is_busy()
    }
}

/// The occurrences of a calendar's events that overlap a window, sorted by
/// start, end, then UID, and what the expansion skipped.
#[derive(Debug, Clone)]
pub struct Occurrences<'c> {
    list: Vec<Occurrence<'c>>,
    warnings: Warnings,
}

impl<'c> Occurrences<'c> {
    /// The occurrences, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Occurrence<'c>> {
        self.list.iter()
    }

    /// The occurrences, in order, as a slice.
    pub fn as_slice(&self) -> &[Occurrence<'c>] {
        &self.list
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// What the expansion skipped or cut (an event whose rule was cut at a
    /// step limit, an end before its start), with the event's line.
    pub fn warnings(&self) -> &[Warning] {
        self.warnings.list()
    }

    /// The busy time: the busy occurrences' `[start, end)` intervals,
    /// sorted, overlapping and touching ones merged, those that last no
    /// time left out. What a slot search takes as one participant's busy
    /// blocks
    /// ([`SlotSearchBuilder::busy`](crate::schedule::SlotSearchBuilder::busy)).
    ///
    /// Cost: linear in the occurrences (they are sorted already).
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use diplomeet::ical::{IcsCalendar, Window};
    ///
    /// let text = "BEGIN:VCALENDAR\nVERSION:2.0\n\
    ///     BEGIN:VEVENT\nUID:a\nDTSTART:20260105T090000Z\nDTEND:20260105T100000Z\nEND:VEVENT\n\
    ///     BEGIN:VEVENT\nUID:b\nDTSTART:20260105T093000Z\nDTEND:20260105T110000Z\nEND:VEVENT\n\
    ///     BEGIN:VEVENT\nUID:c\nDTSTART:20260105T120000Z\nDTEND:20260105T130000Z\nTRANSP:TRANSPARENT\nEND:VEVENT\n\
    ///     END:VCALENDAR\n";
    /// let calendar = IcsCalendar::parse(text)?;
    /// let day = |h| Utc.with_ymd_and_hms(2026, 1, 5, h, 0, 0).single().ok_or("instant");
    /// let window = Window::new(day(0)?, day(23)?)?;
    /// assert_eq!(calendar.occurrences(&window).busy(), [(day(9)?, day(11)?)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn busy(&self) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
        let mut out: Vec<(DateTime<Utc>, DateTime<Utc>)> = Vec::new();
        for o in self.list.iter().filter(|o| o.is_busy() && o.end > o.start) {
            match out.last_mut() {
                Some((_, end)) if o.start <= *end => *end = (*end).max(o.end),
                _ => out.push((o.start, o.end)),
            }
        }
        out
    }
}

impl<'a, 'c> IntoIterator for &'a Occurrences<'c> {
    type Item = &'a Occurrence<'c>;
    type IntoIter = std::slice::Iter<'a, Occurrence<'c>>;

    fn into_iter(self) -> Self::IntoIter {
        self.list.iter()
    }
}

/// The civil frame an event's rule runs in (its `DTSTART`'s kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Frame {
    Date,
    Floating,
    Utc,
    Zone(ZoneRef),
}

fn frame_of(w: When) -> Frame {
    match w {
        When::Date(_) => Frame::Date,
        When::Floating(_) => Frame::Floating,
        When::Utc(_) => Frame::Utc,
        When::Zoned(_, z) => Frame::Zone(z),
    }
}

fn civil_of(w: When) -> NaiveDateTime {
    match w {
        When::Date(d) => d.and_time(NaiveTime::MIN),
        When::Floating(t) | When::Utc(t) | When::Zoned(t, _) => t,
    }
}

fn secs(s: i64) -> Option<TimeDelta> {
    TimeDelta::try_seconds(s)
}

fn days(d: i64) -> Option<TimeDelta> {
    TimeDelta::try_days(d)
}

/// Reads times to instants for one expansion.
struct Resolver<'c> {
    calendar: &'c IcsCalendar,
    floating: Tz,
}

impl Resolver<'_> {
    /// A civil time in an IANA zone: the first occurrence in a fold, the
    /// offset before a gap (RFC 5545 3.3.5).
    fn in_tz(civil: NaiveDateTime, tz: Tz) -> Option<DateTime<Utc>> {
        match tz.from_local_datetime(&civil) {
            LocalResult::Single(t) => Some(t.with_timezone(&Utc)),
            LocalResult::Ambiguous(a, b) => Some(a.with_timezone(&Utc).min(b.with_timezone(&Utc))),
            LocalResult::None => ZonedDateTime::resolve(civil, tz, Disambiguation::Compatible)
                .ok()
                .map(|z| z.instant()),
        }
    }

    fn in_frame(&self, civil: NaiveDateTime, frame: Frame) -> Option<DateTime<Utc>> {
        match frame {
            Frame::Date | Frame::Floating => Resolver::in_tz(civil, self.floating),
            Frame::Utc => Some(civil.and_utc()),
            Frame::Zone(ZoneRef::Tz(tz)) => Resolver::in_tz(civil, tz),
            Frame::Zone(ZoneRef::Custom(i)) => self.calendar.zones.get(i)?.instant(civil),
        }
    }

    fn instant(&self, w: When) -> Option<DateTime<Utc>> {
        self.in_frame(civil_of(w), frame_of(w))
    }

    /// The civil time of an instant in a frame.
    fn civil(&self, t: DateTime<Utc>, frame: Frame) -> Option<NaiveDateTime> {
        match frame {
            Frame::Date | Frame::Floating => Some(t.with_timezone(&self.floating).naive_local()),
            Frame::Utc => Some(t.naive_utc()),
            Frame::Zone(ZoneRef::Tz(tz)) => Some(t.with_timezone(&tz).naive_local()),
            Frame::Zone(ZoneRef::Custom(i)) => self.calendar.zones.get(i)?.civil(t),
        }
    }
}

/// How long each instance of an event lasts.
#[derive(Debug, Clone, Copy)]
struct Length {
    days: i64,
    seconds: i64,
}

impl Length {
    /// The longest real time this can be, in seconds (a nominal day at most
    /// 26 hours), for the expansion's margin.
    fn max_seconds(self) -> i64 {
        self.days
            .saturating_mul(26 * 3600)
            .saturating_add(self.seconds)
            .max(0)
    }
}

fn length(e: &Event, r: &Resolver<'_>, warnings: &mut Warnings) -> Length {
    let zero = Length {
        days: 0,
        seconds: 0,
    };
    match e.end {
        End::Default => {
            if e.start.is_date() {
                Length {
                    days: 1,
                    seconds: 0,
                }
            } else {
                zero
            }
        }
        End::Duration(Dur { days, seconds }) => Length { days, seconds },
        End::At(end) => {
            let l = match (e.start, end) {
                (When::Date(s), e2) => Length {
                    days: (civil_of(e2).date() - s).num_days(),
                    seconds: 0,
                },
                (s, e2) => match (r.instant(s), r.instant(e2)) {
                    (Some(a), Some(b)) => Length {
                        days: 0,
                        seconds: (b - a).num_seconds(),
                    },
                    _ => zero,
                },
            };
            if l.days < 0 || l.seconds < 0 {
                warnings.push(
                    e.line,
                    WarningKind::EndBeforeStart,
                    format!(
                        "event {:?} ends before it starts: read as lasting no time",
                        value::clip(&e.uid)
                    ),
                );
                zero
            } else {
                l
            }
        }
    }
}

/// The end of an instance that starts at `start` (civil `civil` in
/// `frame`) and lasts `l`: nominal days on the civil clock, then exact
/// seconds.
fn end_of(
    r: &Resolver<'_>,
    start: DateTime<Utc>,
    civil: NaiveDateTime,
    frame: Frame,
    l: Length,
) -> Option<DateTime<Utc>> {
    let after_days = if l.days == 0 {
        start
    } else {
        r.in_frame(civil.checked_add_signed(days(l.days)?)?, frame)?
    };
    after_days.checked_add_signed(secs(l.seconds)?)
}

/// An `UNTIL` as a civil bound in the rule's frame. Where RFC 5545 is
/// broken (a date with a timed start, a local time with a zoned one), the
/// earlier of the readings python-dateutil and recurring-ical-events apply
/// is taken.
fn until_bound(u: Until, frame: Frame, r: &Resolver<'_>) -> Option<NaiveDateTime> {
    let as_utc_in_frame = |t: NaiveDateTime| r.civil(t.and_utc(), frame);
    match (u, frame) {
        (Until::Date(d), Frame::Date | Frame::Floating) => Some(d.and_time(NaiveTime::MIN)),
        (Until::Date(d), _) => {
            let local = d.and_time(NaiveTime::MIN);
            Some(as_utc_in_frame(local).map_or(local, |u| u.min(local)))
        }
        (Until::Utc(t), Frame::Zone(_)) => as_utc_in_frame(t),
        (Until::Local(t), Frame::Zone(_)) => Some(as_utc_in_frame(t).map_or(t, |u| u.min(t))),
        (Until::Utc(t) | Until::Local(t), Frame::Date) => Some(t.date().and_time(NaiveTime::MIN)),
        (Until::Utc(t) | Until::Local(t), Frame::Floating | Frame::Utc) => Some(t),
    }
}

/// Candidate starts of a master: instant, civil in the rule's frame, and
/// an explicit length for an `RDATE` period.
type Start = (DateTime<Utc>, NaiveDateTime, Option<Length>);

impl IcsCalendar {
    /// The earliest `DTSTART` of the calendar's events (not their
    /// recurrences), floating and all-day times read in `floating_zone`:
    /// where the calendar begins, for a default window. `None` for a
    /// calendar without events.
    ///
    /// Cost: linear in the events.
    ///
    /// ```
    /// use diplomeet::ical::IcsCalendar;
    ///
    /// let text = "BEGIN:VCALENDAR\nVERSION:2.0\n\
    ///     BEGIN:VEVENT\nUID:a\nDTSTART;TZID=Asia/Tokyo:20260105T090000\nRRULE:FREQ=DAILY\nEND:VEVENT\n\
    ///     BEGIN:VEVENT\nUID:b\nDTSTART;VALUE=DATE:20260107\nEND:VEVENT\nEND:VCALENDAR\n";
    /// let calendar = IcsCalendar::parse(text)?;
    /// let first = calendar.first_start(chrono_tz::UTC).ok_or("no events")?;
    /// assert_eq!(first.to_rfc3339(), "2026-01-05T00:00:00+00:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn first_start(&self, floating_zone: Tz) -> Option<DateTime<Utc>> {
        let r = Resolver {
            calendar: self,
            floating: floating_zone,
        };
        self.events.iter().filter_map(|e| r.instant(e.start)).min()
    }

    /// Every occurrence of the calendar's events that overlaps the window,
    /// sorted by start, end, then UID, with what the expansion skipped.
    ///
    /// Each recurring event is expanded in its own zone: a weekly 09:00
    /// Tokyo meeting stays at 09:00 Tokyo across a change of offset in New
    /// York, and a weekly 09:00 New York meeting moves on Tokyo's clock.
    /// Instances are `DTSTART` (always, RFC 5545 3.8.5.3), the rules'
    /// instances (see below) and the `RDATE`s, less the `EXDATE`s (a date
    /// removes every instance that starts on it) and the instances an
    /// override replaces (`RECURRENCE-ID`); each override is an occurrence
    /// of its own, and one with `RANGE=THISANDFUTURE` also moves and
    /// reshapes the later instances. An instance lasts what its event says:
    /// `DTEND` − `DTSTART` as exact time (days, for a date), or `DURATION`
    /// (days nominal, on the event's clock; hours and less exact), as RFC
    /// 5545 says. A civil time that falls in a gap is read with the offset
    /// before it, one in a fold as its first occurrence (RFC 5545 3.3.5).
    ///
    /// Rules: `FREQ` `DAILY`, `WEEKLY`, `MONTHLY`, `YEARLY` with
    /// `INTERVAL`, `COUNT`, `UNTIL`, `BYDAY` (with ordinals, `-1SU`),
    /// `BYMONTHDAY`, `BYMONTH`, `BYYEARDAY`, `BYWEEKNO`, `BYHOUR`,
    /// `BYMINUTE`, `BYSECOND`, `BYSETPOS` and `WKST`, expanded by this
    /// crate (dates that do not exist, like February 30, are never
    /// instances).
    ///
    /// # Costs and limits
    ///
    /// A rule without `COUNT` starts at the window (less the event's
    /// length), so it costs its periods in the window, however long ago it
    /// began; a rule with `COUNT` counts from its start. Each rule spends
    /// at most [`Limits::max_occurrences_per_rule`](crate::Limits::max_occurrences_per_rule)
    /// steps (one per period examined, one per instance made) and the whole
    /// expansion at most [`Limits::max_occurrences`](crate::Limits::max_occurrences);
    /// an event cut short gets a [`WarningKind::OccurrencesCut`] warning,
    /// and no rule loops for ever. The result is sorted: O(n log n) in the
    /// occurrences.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use diplomeet::ical::{IcsCalendar, Window};
    ///
    /// // Weekly at 09:00 Tokyo, one instance moved, one removed.
    /// let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n\
    ///     BEGIN:VEVENT\r\nUID:w\r\nDTSTART;TZID=Asia/Tokyo:20260302T090000\r\nDURATION:PT1H\r\n\
    ///     RRULE:FREQ=WEEKLY\r\nEXDATE;TZID=Asia/Tokyo:20260316T090000\r\nEND:VEVENT\r\n\
    ///     BEGIN:VEVENT\r\nUID:w\r\nRECURRENCE-ID;TZID=Asia/Tokyo:20260309T090000\r\n\
    ///     DTSTART;TZID=Asia/Tokyo:20260309T140000\r\nDURATION:PT1H\r\nEND:VEVENT\r\n\
    ///     END:VCALENDAR\r\n";
    /// let calendar = IcsCalendar::parse(text)?;
    /// let from = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).single().ok_or("from")?;
    /// let to = Utc.with_ymd_and_hms(2026, 3, 28, 0, 0, 0).single().ok_or("to")?;
    /// let starts: Vec<String> = calendar
    ///     .occurrences(&Window::new(from, to)?)
    ///     .iter()
    ///     .map(|o| o.start().format("%m-%d %H:%M").to_string())
    ///     .collect();
    /// // 09:00 JST is 00:00 UTC; the override is at 14:00 JST (05:00 UTC).
    /// assert_eq!(starts, ["03-02 00:00", "03-09 05:00", "03-23 00:00"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn occurrences(&self, window: &Window) -> Occurrences<'_> {
        let r = Resolver {
            calendar: self,
            floating: window.floating,
        };
        let mut out = Vec::new();
        let mut warnings = Warnings::default();
        let mut global = Steps::new(self.limits.max_occurrences());
        let mut cut_all = false;
        for s in &self.series {
            if cut_all {
                break;
            }
            cut_all = self.expand_series(s, window, &r, &mut global, &mut out, &mut warnings);
        }
        if cut_all {
            warnings.push(
                0,
                WarningKind::OccurrencesCut,
                format!(
                    "the expansion stopped at {} steps (limit max_occurrences): later events are missing",
                    self.limits.max_occurrences()
                ),
            );
        }
        out.sort_by(|a, b| (a.start, a.end, a.uid()).cmp(&(b.start, b.end, b.uid())));
        Occurrences {
            list: out,
            warnings,
        }
    }

    /// Expands one series into `out`; `true` when the global budget ran out.
    fn expand_series<'c>(
        &'c self,
        s: &Series,
        window: &Window,
        r: &Resolver<'_>,
        global: &mut Steps,
        out: &mut Vec<Occurrence<'c>>,
        warnings: &mut Warnings,
    ) -> bool {
        let overrides: Vec<&'c Event> = s
            .overrides
            .iter()
            .filter_map(|i| self.events.get(*i))
            .collect();
        let master = s.master.and_then(|i| self.events.get(i));
        // Each override's RECURRENCE-ID as an instant.
        let rid = |e: &Event| e.recurrence_id.and_then(|w| r.instant(w));
        let mut replaced: HashMap<DateTime<Utc>, &'c Event> = HashMap::new();
        let mut future: Vec<(DateTime<Utc>, &'c Event)> = Vec::new();
        for o in &overrides {
            if let Some(t) = rid(o) {
                replaced.entry(t).or_insert(o);
                if o.this_and_future {
                    future.push((t, o));
                }
            }
        }
        future.sort_by_key(|(t, _)| *t);
        let mut ex_instants: HashSet<DateTime<Utc>> = HashSet::new();
        let mut ex_dates: HashSet<NaiveDate> = HashSet::new();
        let mut out_of_budget = false;
        if let Some(m) = master {
            for x in &m.exdates {
                match x {
                    When::Date(d) => {
                        ex_dates.insert(*d);
                    }
                    w => {
                        if let Some(t) = r.instant(*w) {
                            ex_instants.insert(t);
                        }
                    }
                }
            }
            out_of_budget = self.expand_master(
                m,
                window,
                r,
                global,
                &replaced,
                &future,
                &ex_instants,
                &ex_dates,
                out,
                warnings,
            );
        }
        for o in overrides {
            if rid(o).is_some_and(|t| ex_instants.contains(&t)) {
                continue;
            }
            let l = length(o, r, warnings);
            let Some(start) = r.instant(o.start) else {
                continue;
            };
            let civil = civil_of(o.start);
            if let Some(end) = end_of(r, start, civil, frame_of(o.start), l) {
                if window.overlaps(start, end) {
                    out.push(Occurrence {
                        event: o,
                        start,
                        end,
                    });
                }
            }
        }
        out_of_budget
    }

    #[allow(clippy::too_many_arguments)]
    fn expand_master<'c>(
        &'c self,
        m: &'c Event,
        window: &Window,
        r: &Resolver<'_>,
        global: &mut Steps,
        replaced: &HashMap<DateTime<Utc>, &'c Event>,
        future: &[(DateTime<Utc>, &'c Event)],
        ex_instants: &HashSet<DateTime<Utc>>,
        ex_dates: &HashSet<NaiveDate>,
        out: &mut Vec<Occurrence<'c>>,
        warnings: &mut Warnings,
    ) -> bool {
        let frame = frame_of(m.start);
        let base = length(m, r, warnings);
        let Some(dtstart) = r.instant(m.start) else {
            return false;
        };
        let dt_civil = civil_of(m.start);
        let mut starts: Vec<Start> = Vec::new();
        // The margin: the longest instance and the largest shift an
        // override applies, so that instances starting before the window
        // (or moved into it) are seen.
        let mut margin = base.max_seconds();
        for rd in &m.rdates {
            let (w, l) = match rd {
                RDate::At(w) => (*w, None),
                RDate::Period(w, PeriodEnd::Duration(d)) => (
                    *w,
                    Some(Length {
                        days: d.days,
                        seconds: d.seconds,
                    }),
                ),
                RDate::Period(w, PeriodEnd::At(e)) => {
                    let l = match (r.instant(*w), r.instant(*e)) {
                        (Some(a), Some(b)) if b >= a => Some(Length {
                            days: 0,
                            seconds: (b - a).num_seconds(),
                        }),
                        _ => None,
                    };
                    (*w, l)
                }
            };
            if let Some(l) = l {
                margin = margin.max(l.max_seconds());
            }
            let Some(t) = r.instant(w) else { continue };
            let civil = if frame_of(w) == frame {
                civil_of(w)
            } else {
                match r.civil(t, frame) {
                    Some(c) => c,
                    None => continue,
                }
            };
            starts.push((t, civil, l));
        }
        for (_, o) in future {
            if let (Some(a), Some(b)) = (
                o.recurrence_id.and_then(|w| r.instant(w)),
                r.instant(o.start),
            ) {
                margin = margin.max((b - a).num_seconds().saturating_abs());
            }
            margin = margin.max(length(o, r, &mut Warnings::default()).max_seconds());
        }
        let pad = margin.saturating_add(2 * 86_400);
        let lo = window
            .from
            .naive_utc()
            .checked_sub_signed(secs(pad).unwrap_or(TimeDelta::MAX))
            .unwrap_or(NaiveDateTime::MIN);
        let hi = window
            .to
            .naive_utc()
            .checked_add_signed(secs(pad).unwrap_or(TimeDelta::MAX))
            .unwrap_or(NaiveDateTime::MAX);
        let mut latest_until: Option<NaiveDateTime> = None;
        let mut out_of_budget = false;
        for (line, rule) in &m.rules {
            let until = rule.until.and_then(|u| until_bound(u, frame, r));
            if let Some(u) = until {
                latest_until = Some(latest_until.map_or(u, |l| l.max(u)));
            }
            let per_rule = self
                .limits
                .max_occurrences_per_rule()
                .min(global.limit.saturating_sub(global.used));
            let mut steps = Steps::new(per_rule);
            let bounds = Bounds {
                start: dt_civil,
                lo,
                hi,
                until,
                date_only: m.start.is_date(),
            };
            let stop = recur::expand(rule, bounds, &mut steps, |c| {
                if let Some(t) = r.in_frame(c, frame) {
                    starts.push((t, c, None));
                }
            });
            global.used = global.used.saturating_add(steps.used);
            if stop == Stop::Cut {
                if global.used >= global.limit {
                    out_of_budget = true;
                } else {
                    warnings.push(
                        *line,
                        WarningKind::OccurrencesCut,
                        format!(
                            "event {:?}: the rule was cut at {} steps (limit max_occurrences_per_rule): later occurrences are missing",
                            value::clip(&m.uid),
                            per_rule
                        ),
                    );
                }
            }
        }
        if latest_until.is_none_or(|u| dt_civil <= u) || m.rules.is_empty() {
            starts.push((dtstart, dt_civil, None));
        }
        starts.sort_by_key(|(t, _, _)| *t);
        starts.dedup_by_key(|(t, _, _)| *t);
        for (t, civil, explicit) in starts {
            if ex_instants.contains(&t)
                || ex_dates.contains(&civil.date())
                || replaced.contains_key(&t)
            {
                continue;
            }
            // A THISANDFUTURE override before this instance reshapes it.
            let shaping = future
                .partition_point(|(rid, _)| *rid < t)
                .checked_sub(1)
                .and_then(|i| future.get(i))
                .map(|(rid, o)| (*rid, *o));
            let (event, start, civil, l) = match shaping {
                None => (m, t, civil, explicit.unwrap_or(base)),
                Some((rid, o)) => {
                    let shift = r.instant(o.start).map_or(TimeDelta::zero(), |s| s - rid);
                    let Some(start) = t.checked_add_signed(shift) else {
                        continue;
                    };
                    let Some(c) = civil.checked_add_signed(shift) else {
                        continue;
                    };
                    (
                        o,
                        start,
                        c,
                        explicit.unwrap_or_else(|| length(o, r, &mut Warnings::default())),
                    )
                }
            };
            let Some(end) = end_of(r, start, civil, frame, l) else {
                continue;
            };
            if window.overlaps(start, end) {
                out.push(Occurrence { event, start, end });
            }
        }
        out_of_budget
    }
}
