//! [`MeetingBuilder`]: the fields of a meeting as they are given, and
//! `build()`.

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use chrono_tz::Tz;

use super::{Meeting, MeetingForm, MeetingStatus, Mode, Source, Venue};
use crate::agenda::AgendaItem;
use crate::error::{Collector, Error};
use crate::limits::{Limits, TextClass};
use crate::minister::Minister;
use crate::time::{Disambiguation, ZonedDateTime};

#[derive(Debug, Clone)]
pub(super) enum PendingStart {
    Missing,
    /// The JSON reader could not read the start: its error.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    Unreadable(Error),
    Civil(NaiveDateTime),
    Date(NaiveDate),
    Zoned(ZonedDateTime),
}

/// Builds a [`Meeting`]; see there for an example.
///
/// Defaults: mode in person, form meeting, status scheduled, disambiguation
/// [`Disambiguation::Reject`], [`Limits::default`].
#[derive(Debug, Clone)]
#[must_use]
pub struct MeetingBuilder {
    pub(super) title: String,
    pub(super) mode: Mode,
    pub(super) form: MeetingForm,
    pub(super) venue: Option<Venue>,
    pub(super) zone: Option<Tz>,
    pub(super) occasion: Option<String>,
    pub(super) start: PendingStart,
    pub(super) disambiguation: Disambiguation,
    pub(super) duration: Option<TimeDelta>,
    pub(super) duration_approximate: bool,
    pub(super) participants: Vec<Minister>,
    pub(super) agenda: Vec<AgendaItem>,
    pub(super) status: MeetingStatus,
    pub(super) sources: Vec<Source>,
    pub(super) limits: Limits,
    /// For each participant and agenda item, its index in the document the
    /// JSON reader read it from (entries that failed to read are left out,
    /// and paths must still name the document's index). Empty: the index.
    pub(super) participant_slots: Vec<usize>,
    pub(super) agenda_slots: Vec<usize>,
    /// Set by the JSON reader when some participants failed to read: checks
    /// that need the whole list are skipped, so that they report nothing
    /// spurious.
    pub(super) partial: bool,
    /// Ids of participants the JSON reader could not read: references to
    /// them are not reported again. `None`: none were even tried (over the
    /// count limit), so references are not checked.
    pub(super) unread_ids: Option<Vec<String>>,
}

impl MeetingBuilder {
    /// Sets the mode (default: in person).
    pub fn mode(mut self, mode: Mode) -> Self {
        self.mode = mode;
        self
    }

    /// Sets the form (default: meeting).
    pub fn form(mut self, form: MeetingForm) -> Self {
        self.form = form;
        self
    }

    /// Sets the venue (in person and hybrid meetings need one).
    pub fn venue(mut self, venue: Venue) -> Self {
        self.venue = Some(venue);
        self
    }

    /// Sets the zone the start is given in, for a telephone or video meeting
    /// (with a venue, the venue's zone is used and this must match it).
    pub fn zone(mut self, zone: Tz) -> Self {
        self.zone = Some(zone);
        self
    }

    /// Sets what the meeting is on the sidelines of.
    pub fn occasion(mut self, occasion: impl Into<String>) -> Self {
        self.occasion = Some(occasion.into());
        self
    }

    /// Sets the start as a civil time in the meeting's zone, resolved by the
    /// [`disambiguation`](MeetingBuilder::disambiguation) policy.
    pub fn starts_at(mut self, civil: NaiveDateTime) -> Self {
        self.start = PendingStart::Civil(civil);
        self
    }

    /// Sets the start as a date alone, when the source gives no time.
    pub fn starts_on(mut self, date: NaiveDate) -> Self {
        self.start = PendingStart::Date(date);
        self
    }

    /// Sets the start as an already resolved time; its zone must be the
    /// meeting's zone.
    pub fn start(mut self, start: ZonedDateTime) -> Self {
        self.start = PendingStart::Zoned(start);
        self
    }

    /// How a civil start in a gap or a fold is resolved (default: reject).
    pub fn disambiguation(mut self, policy: Disambiguation) -> Self {
        self.disambiguation = policy;
        self
    }

    /// Sets the duration: positive, at most 24 hours.
    pub fn duration(mut self, duration: TimeDelta) -> Self {
        self.duration = Some(duration);
        self
    }

    /// Marks the duration as approximate ("for approximately 30 minutes").
    pub fn approximate(mut self, approximate: bool) -> Self {
        self.duration_approximate = approximate;
        self
    }

    /// Adds a participant.
    pub fn participant(mut self, minister: Minister) -> Self {
        self.participants.push(minister);
        self
    }

    /// Adds participants.
    pub fn participants(mut self, ministers: impl IntoIterator<Item = Minister>) -> Self {
        self.participants.extend(ministers);
        self
    }

    /// Adds an agenda item.
    pub fn agenda_item(mut self, item: AgendaItem) -> Self {
        self.agenda.push(item);
        self
    }

    /// Sets the status (default: scheduled).
    pub fn status(mut self, status: MeetingStatus) -> Self {
        self.status = status;
        self
    }

    /// Adds a source.
    pub fn source(mut self, source: Source) -> Self {
        self.sources.push(source);
        self
    }

    /// The limits to check against (default: [`Limits::default`]).
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn start_unreadable(mut self, error: Error) -> Self {
        self.start = PendingStart::Unreadable(error);
        self
    }

    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn participant_at(mut self, slot: usize, minister: Minister) -> Self {
        self.participant_slots.push(slot);
        self.participants.push(minister);
        self
    }

    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn push_agenda_item_at(&mut self, slot: usize, item: AgendaItem) {
        self.agenda_slots.push(slot);
        self.agenda.push(item);
    }

    /// Reserves room for the participants and agenda items about to be added.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn reserve(mut self, participants: usize, agenda: usize) -> Self {
        self.participants.reserve(participants);
        self.participant_slots.reserve(participants);
        self.agenda.reserve(agenda);
        self.agenda_slots.reserve(agenda);
        self
    }

    /// The document index of participant `i`.
    pub(super) fn p_slot(&self, i: usize) -> usize {
        self.participant_slots.get(i).copied().unwrap_or(i)
    }

    /// The document index of agenda item `i`.
    pub(super) fn a_slot(&self, i: usize) -> usize {
        self.agenda_slots.get(i).copied().unwrap_or(i)
    }

    /// Records the id of a participant that could not be read (`None`: the
    /// participants were not read at all).
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn unread_participant(mut self, id: Option<String>) -> Self {
        self.partial = true;
        match (id, &mut self.unread_ids) {
            (Some(id), Some(ids)) => ids.push(id),
            _ => self.unread_ids = None,
        }
        self
    }

    /// Checks every rule across the fields and builds the meeting.
    ///
    /// Costs time linear in the participants, agenda entries and sources
    /// (each bounded by [`Limits`]).
    ///
    /// # Errors
    ///
    /// Every violation at once (up to
    /// [`Limits::max_violations`](crate::Limits::max_violations)), each with
    /// its path: see the rules in the crate documentation (participants,
    /// countries, references, start, duration, terms of office, agenda
    /// numbers, limits).
    pub fn build(self) -> Result<Meeting, Error> {
        let out = Collector::for_limits(&self.limits);
        self.build_collecting(out)
    }

    /// Builds, adding this builder's violations to those already in `out`
    /// (the JSON reader's).
    pub(crate) fn build_collecting(self, mut out: Collector) -> Result<Meeting, Error> {
        let l = self.limits;
        l.check_text(&mut out, "title", "title", TextClass::Title, &self.title);
        if let Some(o) = &self.occasion {
            l.check_text(&mut out, "occasion", "occasion", TextClass::Title, o);
        }
        let duration_ok = self.check_duration(&mut out);
        if !self.partial {
            self.check_participants(&mut out, &l);
        }
        let timing = self.timing(duration_ok);
        if let Ok((_, start, _)) = &timing {
            self.check_terms(&mut out, start.date());
        }
        self.check_agenda(&mut out, &l);
        l.check_list(&mut out, "sources", "sources", self.sources.len());
        out.finish_with(timing.map(|(zone, start, instants)| Meeting {
            instants,
            title: self.title,
            mode: self.mode,
            form: self.form,
            venue: self.venue,
            zone,
            occasion: self.occasion,
            start,
            duration: self.duration,
            duration_approximate: self.duration_approximate,
            participants: self.participants,
            agenda: self.agenda,
            status: self.status,
            sources: self.sources,
        }))
    }
}
