//! What the reader skipped or read leniently: [`Warning`] and its
//! [`WarningKind`].

use std::fmt;

use crate::named::named_enum;

named_enum! {
    /// Why part of a calendar was skipped, or read in a way the RFC does
    /// not spell out. Each [`Warning`] has one.
    ///
    /// ```
    /// use diplomeet::ical::{IcsCalendar, WarningKind};
    ///
    /// let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:no start\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    /// let calendar = IcsCalendar::parse(text)?;
    /// let kinds: Vec<WarningKind> = calendar.warnings().iter().map(|w| w.kind()).collect();
    /// assert_eq!(kinds, [WarningKind::MissingVersion, WarningKind::MissingStart]);
    /// # Ok::<(), diplomeet::Error>(())
    /// ```
    pub enum WarningKind ("warning kind", "diplomeet::ical::WarningKind") {
        /// A physical line that is not a content line: read as the rest of
        /// the line before it (a long value folded without its leading
        /// space), or skipped when there is none.
        MalformedLine = "malformed_line",
        /// A `BEGIN` without its `END`, an `END` without its `BEGIN`, or an
        /// event outside a `VCALENDAR`: the structure is repaired and read.
        Unbalanced = "unbalanced",
        /// A calendar without `VERSION:2.0`: read as version 2.0.
        MissingVersion = "missing_version",
        /// A property whose value cannot be read (a date that does not
        /// exist, a malformed duration): the property is skipped.
        InvalidValue = "invalid_value",
        /// An event without a readable `DTSTART`: the event is skipped.
        MissingStart = "missing_start",
        /// An event without a `UID`: read, with an empty UID.
        MissingUid = "missing_uid",
        /// A `TZID` that names no `VTIMEZONE` of the file, no IANA zone and
        /// no Windows zone: its times are read as floating.
        UnknownZone = "unknown_zone",
        /// A `VTIMEZONE` that cannot be used (no `TZID`, no readable
        /// observance): skipped, so its `TZID` is looked up by name.
        InvalidTimeZone = "invalid_time_zone",
        /// A recurrence rule part this reader does not expand (`FREQ` below
        /// daily, RFC 7529 `RSCALE`/`SKIP`, an unknown part): the rule is
        /// skipped, or the part ignored, as the message says.
        UnsupportedRule = "unsupported_rule",
        /// A malformed recurrence rule: skipped (the event keeps its own
        /// start and its `RDATE`s).
        InvalidRule = "invalid_rule",
        /// A `DTEND` before the `DTSTART`, or a negative `DURATION`: the
        /// event is read as lasting no time.
        EndBeforeStart = "end_before_start",
        /// Two events with the same `UID` (and the same `RECURRENCE-ID`):
        /// the one with the higher `SEQUENCE` is kept (the first on a tie).
        Duplicate = "duplicate",
        /// More events than [`Limits::max_ics_events`](crate::Limits::max_ics_events):
        /// the rest are skipped.
        TooManyEvents = "too_many_events",
        /// An expansion stopped at [`Limits::max_occurrences_per_rule`](crate::Limits::max_occurrences_per_rule)
        /// or [`Limits::max_occurrences`](crate::Limits::max_occurrences)
        /// before the end of the window: later occurrences are missing.
        OccurrencesCut = "occurrences_cut",
        /// Bytes that are not UTF-8: read as U+FFFD.
        InvalidUtf8 = "invalid_utf8",
        /// More warnings than a calendar keeps (1,000): the rest are only
        /// counted ([`IcsCalendar::warning_count`](crate::ical::IcsCalendar::warning_count)).
        TooManyWarnings = "too_many_warnings",
    }
}

/// One thing the reader skipped or read leniently: where (the 1-based line
/// of the file, 0 when it concerns no line), why, and what.
///
/// ```
/// use diplomeet::ical::{IcsCalendar, WarningKind};
///
/// let text = "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:x\nDTSTART:2026013\nEND:VEVENT\nEND:VCALENDAR\n";
/// let calendar = IcsCalendar::parse(text)?;
/// // Line 5's DTSTART is skipped, so the event of line 3 has no start.
/// let found: Vec<_> = calendar.warnings().iter().map(|w| (w.line(), w.kind())).collect();
/// assert_eq!(found, [(3, WarningKind::MissingStart), (5, WarningKind::InvalidValue)]);
/// let w = &calendar.warnings()[1];
/// assert_eq!(w.to_string(), "line 5: [invalid_value] DTSTART \"2026013\" is not a date or date-time: skipped");
/// # Ok::<(), diplomeet::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Warning {
    line: usize,
    kind: WarningKind,
    message: String,
}

impl Warning {
    /// The 1-based line of the file the warning is about (the first physical
    /// line of a folded content line); 0 when it concerns no single line.
    pub fn line(&self) -> usize {
        self.line
    }

    /// Why.
    pub fn kind(&self) -> WarningKind {
        self.kind
    }

    /// What was skipped or how it was read, naming the value.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Warning {
    /// `line 12: [unknown_zone] ...`, or without the line when it is 0.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "line {}: ", self.line)?;
        }
        write!(f, "[{}] {}", self.kind, self.message)
    }
}

/// The most warnings a list keeps.
pub(crate) const MAX_WARNINGS: usize = 1_000;

/// A capped list of warnings with the total count.
#[derive(Debug, Clone, Default)]
pub(crate) struct Warnings {
    list: Vec<Warning>,
    total: usize,
}

impl Warnings {
    pub(crate) fn push(&mut self, line: usize, kind: WarningKind, message: String) {
        self.total = self.total.saturating_add(1);
        if self.list.len() < MAX_WARNINGS {
            self.list.push(Warning {
                line,
                kind,
                message,
            });
        } else if self.list.len() == MAX_WARNINGS {
            self.list.push(Warning {
                line: 0,
                kind: WarningKind::TooManyWarnings,
                message: format!("more than {MAX_WARNINGS} warnings: the rest are only counted"),
            });
        }
    }

    /// Orders the warnings by line (stable: the order found within a line).
    pub(crate) fn sort_by_line(&mut self) {
        self.list.sort_by_key(|w| w.line);
    }

    pub(crate) fn list(&self) -> &[Warning] {
        &self.list
    }

    pub(crate) fn total(&self) -> usize {
        self.total
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.list.len()
    }

    #[cfg(test)]
    pub(crate) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}
