//! [`Part`]: one part of a meeting (a meeting, then a working dinner; the
//! sessions of a ministerial), with its own start, duration, form and
//! participants.

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};

use crate::error::{Collector, Error};
use crate::limits::{Limits, TextClass};
use crate::text_list::{TextList, TextListBuf};
use crate::time::{Disambiguation, ZonedDateTime};

use super::{MeetingForm, Mode, Start};

/// One part of a meeting, in order: its form (a working dinner after the
/// meeting), an optional title, its own start and duration, its mode when
/// it differs (a call before the meeting), and the participants who took
/// part in it (a subset of the meeting's; all when none are listed).
///
/// Parts are added with [`MeetingBuilder::part`](crate::MeetingBuilder::part);
/// their starts are civil times or dates in the meeting's zone, resolved
/// when the meeting is built. A start given as a civil time
/// ([`PartBuilder::starts_at`]) is [`start`](Part::start) `Unknown` until
/// then; one given as a [`ZonedDateTime`] or a date is known once the part
/// is built (the meeting checks that it is in its zone).
///
/// ```
/// use diplomeet::{MeetingForm, Part};
/// use diplomeet::time::parse_civil;
///
/// # fn main() -> Result<(), diplomeet::Error> {
/// let dinner = Part::builder(MeetingForm::WorkingMeal)
///     .title("Working dinner")
///     .starts_at(parse_civil("2024-01-17T19:45")?)
///     .minutes(75)
///     .participant("jp-kamikawa-yoko")
///     .participant("ca-melanie-joly")
///     .build()?;
/// assert_eq!(dinner.form(), MeetingForm::WorkingMeal);
/// assert_eq!(dinner.participants().len(), 2);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Part {
    form: MeetingForm,
    title: Option<String>,
    mode: Option<Mode>,
    pending: PendingPartStart,
    start: Start,
    duration: Option<TimeDelta>,
    duration_approximate: bool,
    participants: TextList,
}

/// A part's start as given, before the meeting resolves it in its zone.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum PendingPartStart {
    None,
    Civil(NaiveDateTime),
    Date(NaiveDate),
    Zoned(ZonedDateTime),
}

impl Part {
    /// Starts a builder for a part of the given form.
    pub fn builder(form: MeetingForm) -> PartBuilder {
        PartBuilder {
            part: Part {
                form,
                title: None,
                mode: None,
                pending: PendingPartStart::None,
                start: Start::Unknown,
                duration: None,
                duration_approximate: false,
                participants: TextList::new(),
            },
            participants: TextListBuf::default(),
            limits: Limits::default(),
        }
    }

    /// The form.
    pub fn form(&self) -> MeetingForm {
        self.form
    }

    /// The title, if any.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The mode, when it differs from the meeting's.
    pub fn mode(&self) -> Option<Mode> {
        self.mode
    }

    /// The start, resolved in the meeting's zone (`Unknown` when not given
    /// or not yet resolved).
    pub fn start(&self) -> &Start {
        &self.start
    }

    /// The duration, if known.
    pub fn duration(&self) -> Option<TimeDelta> {
        self.duration
    }

    /// Whether the duration is approximate.
    pub fn duration_is_approximate(&self) -> bool {
        self.duration_approximate
    }

    /// The participant ids of this part; empty when all took part.
    pub fn participants(&self) -> &TextList {
        &self.participants
    }

    /// The end, when the start has a time and the duration is known.
    pub fn end(&self) -> Option<ZonedDateTime> {
        let z = self.start.time()?;
        z.checked_add(self.duration?).ok()
    }

    /// Whether the start is a civil time that no meeting has resolved yet
    /// (it has no data form until then).
    #[cfg(feature = "serde")]
    pub(crate) fn has_unresolved_civil_start(&self) -> bool {
        matches!(self.pending, PendingPartStart::Civil(_)) && self.start == Start::Unknown
    }

    /// Checks the part's own fields and resolves its start in `zone` (none
    /// known: a date or nothing).
    pub(crate) fn resolve(
        &mut self,
        zone: Option<chrono_tz::Tz>,
        policy: Disambiguation,
        l: &Limits,
        out: &mut Collector,
    ) {
        let _ = l;
        self.start = match (&self.pending, zone) {
            (PendingPartStart::None, _) => Start::Unknown,
            (PendingPartStart::Date(d), _) => Start::On(*d),
            (PendingPartStart::Civil(c), Some(z)) => match ZonedDateTime::resolve(*c, z, policy) {
                Ok(t) => Start::At(t),
                Err(e) => {
                    out.absorb("start", e.with_disambiguation_hint());
                    Start::Unknown
                }
            },
            (PendingPartStart::Zoned(t), Some(z)) if t.zone() == z => Start::At(*t),
            (PendingPartStart::Zoned(t), Some(z)) => {
                out.push(
                    "start",
                    crate::error::Detail::Inconsistent(format!(
                        "the part's time {t} is in {}, the meeting's zone is {z}: write it in {z}",
                        t.zone()
                    )),
                );
                Start::Unknown
            }
            (PendingPartStart::Civil(_) | PendingPartStart::Zoned(_), None) => {
                out.push(
                    "start",
                    crate::error::Detail::Inconsistent(
                        "a part's time of day needs the meeting's zone: the meeting has no venue \
                         and no zone; give one, or the part's date alone"
                            .into(),
                    ),
                );
                Start::Unknown
            }
        };
        // Resolved, a civil start is the time it resolved to: the part is
        // then equal to the same part read from a document.
        if let Start::At(t) = self.start {
            self.pending = PendingPartStart::Zoned(t);
        }
    }
}

/// Builds a [`Part`]; see there for an example.
#[derive(Debug, Clone)]
#[must_use]
pub struct PartBuilder {
    part: Part,
    participants: TextListBuf,
    limits: Limits,
}

impl PartBuilder {
    /// Sets the title ("Working dinner", "Session II").
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.part.title = Some(title.into());
        self
    }

    /// Sets the mode, when it differs from the meeting's.
    pub fn mode(mut self, mode: Mode) -> Self {
        self.part.mode = Some(mode);
        self
    }

    /// Sets the start as a civil time in the meeting's zone.
    pub fn starts_at(mut self, civil: NaiveDateTime) -> Self {
        self.part.pending = PendingPartStart::Civil(civil);
        self
    }

    /// Sets the start as a date alone.
    pub fn starts_on(mut self, date: NaiveDate) -> Self {
        self.part.pending = PendingPartStart::Date(date);
        self
    }

    /// Sets the start as an already resolved time (in the meeting's zone).
    pub fn start(mut self, start: ZonedDateTime) -> Self {
        self.part.pending = PendingPartStart::Zoned(start);
        self
    }

    /// Sets the duration.
    pub fn duration(mut self, duration: TimeDelta) -> Self {
        self.part.duration = Some(duration);
        self
    }

    /// Sets the duration in minutes.
    pub fn minutes(self, minutes: i64) -> Self {
        let d = TimeDelta::try_minutes(minutes).unwrap_or(TimeDelta::MAX);
        self.duration(d)
    }

    /// Marks the duration as approximate.
    pub fn approximate(mut self, approximate: bool) -> Self {
        self.part.duration_approximate = approximate;
        self
    }

    /// Adds a participant (by id) who took part in this part.
    pub fn participant(mut self, id: impl AsRef<str>) -> Self {
        self.participants.push(id.as_ref());
        self
    }

    /// Sets the participants at once, as the reader has them.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn participant_list(mut self, ids: TextList) -> Self {
        self.participants = ids.into();
        self
    }

    /// The limits to check against (default: [`Limits::default`]).
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Checks the part's own fields: title, participants (well-formed ids,
    /// each once, within the list limit), duration (more than zero, at most
    /// 24 hours). Whether the participants are the meeting's, and whether
    /// the start is in the meeting, is checked by the meeting's build.
    ///
    /// # Errors
    ///
    /// Every violation at once.
    pub fn build(mut self) -> Result<Part, Error> {
        self.part.participants = self.participants.finish();
        let l = &self.limits;
        let p = &self.part;
        let mut out = Collector::for_limits(l);
        if let Some(t) = &p.title {
            l.check_text(&mut out, "title", "part title", TextClass::Title, t);
        }
        let n = p.participants.len();
        l.check_list(&mut out, "participants", "participants", n);
        let mut seen = std::collections::HashSet::new();
        for (i, id) in p.participants.iter().enumerate().take(l.max_list_len()) {
            crate::minister::check_id(l, &mut out, || format!("participants[{i}]"), id);
            if !seen.insert(id) {
                out.push_at(
                    || format!("participants[{i}]"),
                    crate::error::Detail::Duplicate {
                        what: "participant of a part",
                        value: crate::error::echo(id),
                    },
                );
            }
        }
        if let Some(d) = p.duration {
            if d <= TimeDelta::zero() || d > super::MAX_DURATION {
                out.push(
                    "duration",
                    crate::error::Detail::DurationOutOfRange {
                        value: crate::time::format_duration(d),
                        reason: "a part lasts more than zero and at most 24 hours".into(),
                    },
                );
            }
        } else if p.duration_approximate {
            out.push(
                "duration_approximate",
                crate::error::Detail::Inconsistent(
                    "an approximate duration needs a duration".into(),
                ),
            );
        }
        let mut part = self.part;
        // A resolved time or a date is known at once; a civil time waits
        // for the meeting's zone.
        part.start = match part.pending {
            PendingPartStart::Zoned(t) => Start::At(t),
            PendingPartStart::Date(d) => Start::On(d),
            PendingPartStart::None | PendingPartStart::Civil(_) => Start::Unknown,
        };
        out.finish_value(part)
    }
}
