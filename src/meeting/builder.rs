//! [`MeetingBuilder`]: the fields of a meeting as they are given, and
//! `build()`.

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use chrono_tz::Tz;

use super::{
    DateBasis, Group, Meeting, MeetingForm, MeetingStatus, Mode, Occasion, OccasionRelation, Part,
    Participant, Source, StatedText, TitleBasis, Venue, ZoneBasis,
};
use crate::agenda::AgendaItem;
use crate::error::{Collector, Error};
use crate::limits::Limits;
use crate::minister::Minister;
use crate::time::{Disambiguation, StatedTime, ZonedDateTime};

#[derive(Debug, Clone)]
pub(super) enum PendingStart {
    /// No start given: a record whose date is unknown.
    Unknown,
    /// The JSON reader could not read the start: its error.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    Unreadable(Error),
    Civil(NaiveDateTime),
    Date(NaiveDate),
    Month(i32, u32),
    Zoned(ZonedDateTime),
}

/// Builds a [`Meeting`]; see there for an example.
///
/// Defaults: mode in person, form meeting, status scheduled, title given,
/// zone basis venue, date stated, disambiguation [`Disambiguation::Reject`],
/// [`Limits::default`], start unknown.
#[derive(Debug, Clone)]
#[must_use]
pub struct MeetingBuilder {
    pub(super) id: Option<String>,
    pub(super) title: String,
    pub(super) title_basis: TitleBasis,
    pub(super) mode: Mode,
    pub(super) form: MeetingForm,
    pub(super) venue: Option<Venue>,
    pub(super) zone: Option<Tz>,
    pub(super) zone_basis: ZoneBasis,
    pub(super) occasion: Option<Occasion>,
    pub(super) start: PendingStart,
    pub(super) start_approximate: bool,
    pub(super) date_basis: DateBasis,
    pub(super) stated_times: Vec<StatedText>,
    pub(super) disambiguation: Disambiguation,
    pub(super) duration: Option<TimeDelta>,
    pub(super) duration_approximate: bool,
    pub(super) participants: Vec<Participant>,
    pub(super) agenda: Vec<AgendaItem>,
    pub(super) parts: Vec<Part>,
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

impl Meeting {
    /// Starts a builder.
    pub fn builder(title: impl Into<String>) -> MeetingBuilder {
        MeetingBuilder {
            id: None,
            title: title.into(),
            title_basis: TitleBasis::Given,
            mode: Mode::InPerson,
            form: MeetingForm::Meeting,
            venue: None,
            zone: None,
            zone_basis: ZoneBasis::Venue,
            occasion: None,
            start: PendingStart::Unknown,
            start_approximate: false,
            date_basis: DateBasis::Stated,
            stated_times: Vec::new(),
            disambiguation: Disambiguation::Reject,
            duration: None,
            duration_approximate: false,
            participants: Vec::new(),
            agenda: Vec::new(),
            parts: Vec::new(),
            status: MeetingStatus::Scheduled,
            sources: Vec::new(),
            limits: Limits::default(),
            participant_slots: Vec::new(),
            agenda_slots: Vec::new(),
            partial: false,
            unread_ids: Some(Vec::new()),
        }
    }
}

impl MeetingBuilder {
    /// Sets the identifier (default: derived; see [`Meeting::id`]).
    pub fn id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// Marks the title as written to describe the meeting, the source giving
    /// none (default: [`TitleBasis::Given`]).
    pub fn title_basis(mut self, basis: TitleBasis) -> Self {
        self.title_basis = basis;
        self
    }

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

    /// Sets the venue (in person and hybrid meetings; may be left out when
    /// the source does not say where).
    pub fn venue(mut self, venue: Venue) -> Self {
        self.venue = Some(venue);
        self
    }

    /// Sets the zone the start is given in, when there is no venue: a
    /// remote meeting, or an in-person one whose place is unknown (with a
    /// venue, the venue's zone is used and this must match it).
    pub fn zone(mut self, zone: Tz) -> Self {
        self.zone = Some(zone);
        self
    }

    /// Sets how the zone of the start is known (default:
    /// [`ZoneBasis::Venue`]).
    pub fn zone_basis(mut self, basis: ZoneBasis) -> Self {
        self.zone_basis = basis;
        self
    }

    /// Sets what the meeting is on the sidelines of.
    pub fn occasion(mut self, occasion: impl Into<String>) -> Self {
        self.occasion = Some(Occasion::unchecked(
            occasion.into(),
            OccasionRelation::Sidelines,
            None,
        ));
        self
    }

    /// Sets the occasion with its relation (a visit, before or after an
    /// event).
    pub fn occasion_with(mut self, occasion: Occasion) -> Self {
        self.occasion = Some(occasion);
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

    /// Sets the start as a month alone (`month` 1 to 12).
    pub fn starts_in_month(mut self, year: i32, month: u32) -> Self {
        self.start = PendingStart::Month(year, month);
        self
    }

    /// Sets the start as an already resolved time; its zone must be the
    /// meeting's zone.
    pub fn start(mut self, start: ZonedDateTime) -> Self {
        self.start = PendingStart::Zoned(start);
        self
    }

    /// Marks the start as approximate ("around 18:40").
    pub fn start_approximate(mut self, approximate: bool) -> Self {
        self.start_approximate = approximate;
        self
    }

    /// Sets how the date is known (default: [`DateBasis::Stated`]).
    pub fn date_basis(mut self, basis: DateBasis) -> Self {
        self.date_basis = basis;
        self
    }

    /// Adds a time as the source stated it, kept next to the start.
    pub fn stated_time(mut self, stated: StatedTime) -> Self {
        self.stated_times.push(StatedText::new(stated));
        self
    }

    /// Adds a time as the source stated it, with the source's words
    /// (`build()` checks them as a name: not blank, no control character,
    /// within [`Limits::max_name_len`]).
    pub fn stated_time_text(mut self, stated: StatedText) -> Self {
        self.stated_times.push(stated);
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

    /// Adds a person as a principal.
    pub fn participant(mut self, minister: Minister) -> Self {
        self.participants.push(Participant::principal(minister));
        self
    }

    /// Adds people as principals.
    pub fn participants(mut self, ministers: impl IntoIterator<Item = Minister>) -> Self {
        self.participants
            .extend(ministers.into_iter().map(Participant::principal));
        self
    }

    /// Adds a participant with its roles, attendance and place (see
    /// [`Participant::person`] and [`Participant::group`]).
    pub fn with_participant(mut self, participant: Participant) -> Self {
        self.participants.push(participant);
        self
    }

    /// Adds a group as a principal party.
    pub fn group(mut self, group: Group) -> Self {
        self.participants.push(Participant::of_group(group));
        self
    }

    /// Adds an agenda item.
    pub fn agenda_item(mut self, item: AgendaItem) -> Self {
        self.agenda.push(item);
        self
    }

    /// Adds a part (a working dinner after the meeting, a session).
    pub fn part(mut self, part: Part) -> Self {
        self.parts.push(part);
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
    pub(crate) fn participant_at(mut self, slot: usize, participant: Participant) -> Self {
        self.participant_slots.push(slot);
        self.participants.push(participant);
        self
    }

    /// Sets the participants at once, with the document index of each (the
    /// reader's, when every one of them was read).
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn participants_read(
        mut self,
        participants: Vec<Participant>,
        slots: Vec<usize>,
    ) -> Self {
        self.participants = participants;
        self.participant_slots = slots;
        self
    }

    /// Sets the agenda at once, with the document index of each item (the
    /// reader's).
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn agenda_read(mut self, items: Vec<AgendaItem>, slots: Vec<usize>) -> Self {
        self.agenda = items;
        self.agenda_slots = slots;
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
    /// Costs time linear in the participants, agenda entries, parts and
    /// sources (each bounded by [`Limits`]).
    ///
    /// # Errors
    ///
    /// Every violation at once (up to
    /// [`Limits::max_violations`](crate::Limits::max_violations)), each with
    /// its path: see the rules in the crate documentation (participants,
    /// parties, references, start, duration, terms of office, parts,
    /// sources, limits).
    pub fn build(self) -> Result<Meeting, Error> {
        let out = Collector::for_limits(&self.limits);
        self.build_collecting(out)
    }
}
