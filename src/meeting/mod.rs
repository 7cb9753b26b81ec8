//! [`Meeting`]: who met, where, when, for how long, on the occasion of what,
//! and what was said and agreed; every fact as the sources give it, with
//! what was inferred marked.
//!
//! One concept a file: the named vocabularies (`kinds`), [`Venue`],
//! [`Source`], [`Start`], [`Occasion`], [`Participant`], [`Part`],
//! [`LocalTime`], the builder, the rules it checks, the derived identifier
//! and the merging of two reports of one meeting.

mod builder;
mod id;
mod kinds;
mod local_time;
mod merge;
mod occasion;
mod part;
mod participant;
mod source;
mod start;
mod validate;
mod venue;

use std::collections::HashSet;
use std::fmt;

use chrono::{NaiveDate, TimeDelta};
use chrono_tz::Tz;

pub use builder::MeetingBuilder;
pub use kinds::{
    Attendance, MeetingForm, MeetingKind, MeetingStatus, Mode, OccasionRelation, PlaceBasis, Role,
    TitleBasis, VenueRelation, ZoneBasis,
};
pub use local_time::LocalTime;
pub use occasion::Occasion;
pub use part::{Part, PartBuilder};
pub use participant::{Group, Participant, ParticipantBuilder, Place, Who};
pub use source::Source;
pub use start::{DateBasis, Start};
pub use venue::Venue;

use crate::agenda::{AgendaItem, Entry};
use crate::country::Country;
use crate::error::{Detail, Error};
use crate::minister::Minister;
use crate::time::{StatedTime, ZonedDateTime};
use local_time::Instants;

/// The longest meeting (or part) the model accepts: 24 hours.
const MAX_DURATION: TimeDelta = TimeDelta::seconds(24 * 3600);

/// A time as a readout printed it, kept next to the resolved start: the
/// readout's words, when kept ("9:00 a.m. on November 14, Japan time"), and
/// the [`StatedTime`] they say. [`Meeting::check_stated_times`] checks each
/// against the start.
///
/// ```
/// use diplomeet::StatedText;
///
/// let jst = StatedText::new("2023-11-14T09:00 JST".parse()?).with_text("9:00 a.m. on November 14, Japan time");
/// assert_eq!(jst.text(), Some("9:00 a.m. on November 14, Japan time"));
/// assert_eq!(jst.time().to_string(), "2023-11-14T09:00 JST");
/// # Ok::<(), diplomeet::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StatedText {
    text: Option<String>,
    time: StatedTime,
}

impl StatedText {
    /// A stated time without the readout's words.
    pub fn new(time: StatedTime) -> StatedText {
        StatedText { text: None, time }
    }

    /// The same, with the readout's words.
    #[must_use]
    pub fn with_text(mut self, text: impl Into<String>) -> StatedText {
        self.text = Some(text.into());
        self
    }

    /// The readout's words, when kept.
    pub fn text(&self) -> Option<&str> {
        self.text.as_deref()
    }

    /// The time they state.
    pub fn time(&self) -> &StatedTime {
        &self.time
    }
}

/// A diplomatic meeting: who met, where and when, for how long, on the
/// occasion of what, and what was said and agreed, item by item; with its
/// parts (a meeting, then a working dinner), its sources, and what the
/// sources stated as opposed to what was inferred.
///
/// The start is stored as the civil time at the venue plus the venue's zone
/// (and the offset it resolved to); instants and other clocks are derived.
/// [`kind`](Meeting::kind), [`venue_relation`](Meeting::venue_relation) and,
/// unless given, [`id`](Meeting::id) are derived, never typed in.
///
/// ```
/// use chrono::TimeDelta;
/// use diplomeet::{Country, Meeting, MeetingKind, Minister, PersonName, Portfolio, Post, Venue, VenueRelation};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let minister = |given: &str, surname: &str, country: &str| -> Result<Minister, diplomeet::Error> {
///     let name = PersonName::builder().given(given).surname(surname).build()?;
///     Minister::builder(name, Country::from_code(country)?)
///         .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?)
///         .build()
/// };
/// let meeting = Meeting::builder("Japan-Chile Foreign Ministers' Meeting")
///     .venue(Venue::new("San Francisco", Country::from_code("US")?, chrono_tz::America::Los_Angeles)?)
///     .starts_at("2023-11-13T16:00:00".parse()?)
///     .duration(TimeDelta::try_minutes(30).ok_or("minutes")?)
///     .participant(minister("Yoko", "Kamikawa", "JP")?)
///     .participant(minister("Alberto", "van Klaveren", "CL")?)
///     .build()?;
/// assert_eq!(meeting.kind(), MeetingKind::Bilateral);
/// assert_eq!(meeting.venue_relation(), VenueRelation::ThirdLocation);
/// let tokyo = meeting.start_in(chrono_tz::Asia::Tokyo)?;
/// assert_eq!(tokyo.to_rfc3339(), "2023-11-14T09:00:00+09:00");
/// assert!(meeting.id().starts_with("2023-11-13-japan-chile-foreign-ministers-meeting-"));
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Meeting {
    id: String,
    title: String,
    title_basis: TitleBasis,
    mode: Mode,
    form: MeetingForm,
    venue: Option<Venue>,
    zone: Option<Tz>,
    zone_basis: ZoneBasis,
    occasion: Option<Occasion>,
    start: Start,
    start_approximate: bool,
    date_basis: DateBasis,
    stated_times: Vec<StatedText>,
    duration: Option<TimeDelta>,
    duration_approximate: bool,
    participants: Vec<Participant>,
    agenda: Vec<AgendaItem>,
    parts: Vec<Part>,
    status: MeetingStatus,
    sources: Vec<Source>,
    /// Derived from `start` and `duration` (so equal whenever they are);
    /// `None` without a time of day.
    instants: Option<Instants>,
}

impl Meeting {
    /// The stable identifier: given to the builder, or derived from the
    /// date, the title and a hash of what identifies the meeting (start,
    /// title, venue, participants, parts), so that two sessions on one day
    /// with the same title get different ids. ASCII.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The title ("Japan-Chile Foreign Ministers' Meeting").
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Whether the title is the source's own or a description.
    pub fn title_basis(&self) -> TitleBasis {
        self.title_basis
    }

    /// How they met.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The diplomatic form.
    pub fn form(&self) -> MeetingForm {
        self.form
    }

    /// The venue; `None` for a telephone or video meeting, or when the
    /// source does not say where.
    pub fn venue(&self) -> Option<&Venue> {
        self.venue.as_ref()
    }

    /// The zone the start is given in: the venue's, or for a remote meeting
    /// or an unknown venue, the zone the source states; `None` when no zone
    /// is known (a date-only call whose publisher is not recorded).
    pub fn zone(&self) -> Option<Tz> {
        self.zone
    }

    /// How the zone of the start is known.
    pub fn zone_basis(&self) -> ZoneBasis {
        self.zone_basis
    }

    /// What the meeting was held on the occasion of.
    pub fn occasion(&self) -> Option<&Occasion> {
        self.occasion.as_ref()
    }

    /// The start as recorded: a resolved civil time, a date, a month, or
    /// unknown.
    pub fn when(&self) -> &Start {
        &self.start
    }

    /// Whether the start is approximate ("around 18:40").
    pub fn start_is_approximate(&self) -> bool {
        self.start_approximate
    }

    /// How the date is known.
    pub fn date_basis(&self) -> &DateBasis {
        &self.date_basis
    }

    /// The times as the sources stated them.
    pub fn stated_times(&self) -> &[StatedText] {
        &self.stated_times
    }

    /// The date in the meeting's zone, when known.
    pub fn date(&self) -> Option<NaiveDate> {
        self.start.date()
    }

    /// The start in the meeting's zone.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::NoTimeOfDay`](crate::ErrorKind::NoTimeOfDay) when no
    /// time of day is known.
    pub fn start(&self) -> Result<ZonedDateTime, Error> {
        self.zoned_start("start")
    }

    /// The end in the meeting's zone.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::NoTimeOfDay`](crate::ErrorKind::NoTimeOfDay) when no
    /// time of day is known, [`ErrorKind::NoDuration`](crate::ErrorKind::NoDuration)
    /// when the duration is not.
    pub fn end(&self) -> Result<ZonedDateTime, Error> {
        self.zoned_end()
    }

    /// The start on another clock.
    ///
    /// # Errors
    ///
    /// As [`start`](Meeting::start).
    pub fn start_in(&self, zone: Tz) -> Result<ZonedDateTime, Error> {
        self.zoned_start("start").map(|z| z.in_zone(zone))
    }

    /// The end on another clock.
    ///
    /// # Errors
    ///
    /// As [`end`](Meeting::end).
    pub fn end_in(&self, zone: Tz) -> Result<ZonedDateTime, Error> {
        self.zoned_end().map(|z| z.in_zone(zone))
    }

    fn zoned_start(&self, what: &'static str) -> Result<ZonedDateTime, Error> {
        match &self.start {
            Start::At(z) => Ok(*z),
            other => Err(Error::new(Detail::NoTimeOfDay {
                date: other.to_string(),
                what,
            })),
        }
    }

    fn zoned_end(&self) -> Result<ZonedDateTime, Error> {
        let start = self.zoned_start("end")?;
        let duration = self
            .duration
            .ok_or_else(|| Error::new(Detail::NoDuration))?;
        start.checked_add(duration)
    }

    /// The duration, if known.
    pub fn duration(&self) -> Option<TimeDelta> {
        self.duration
    }

    /// Whether the duration is approximate ("for approximately 30 minutes").
    pub fn duration_is_approximate(&self) -> bool {
        self.duration_approximate
    }

    /// The participants, in the order given: principals, hosts, chairs and
    /// attendees, people and groups.
    pub fn participants(&self) -> &[Participant] {
        &self.participants
    }

    /// The people among the participants, in order.
    pub fn ministers(&self) -> impl Iterator<Item = &Minister> {
        self.participants.iter().filter_map(Participant::minister)
    }

    /// The participant with this id (a person's or a group's). Linear in
    /// the participants.
    pub fn participant(&self, id: &str) -> Option<&Participant> {
        self.participants.iter().find(|p| p.id() == id)
    }

    /// The agenda, in the order given.
    pub fn agenda(&self) -> &[AgendaItem] {
        &self.agenda
    }

    /// Every entry of the agenda, sub-items included, in the readout's
    /// order.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.agenda.iter().flat_map(AgendaItem::entries_deep)
    }

    /// The parts, in order (empty for a meeting in one piece).
    pub fn parts(&self) -> &[Part] {
        &self.parts
    }

    /// Where the meeting stands.
    pub fn status(&self) -> MeetingStatus {
        self.status
    }

    /// The sources; entries refer to them by index.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// The parties, each once, in order of first appearance: the
    /// participants' countries and organisations, and the members of groups.
    /// Linear in the participants.
    pub fn countries(&self) -> Vec<&Country> {
        let mut codes = HashSet::with_capacity(self.participants.len());
        self.participants
            .iter()
            .flat_map(Participant::parties)
            .filter(|c| codes.insert(c.code()))
            .collect()
    }

    /// Bilateral, trilateral or multilateral, from the number of parties
    /// (countries, organisations and groups' members).
    pub fn kind(&self) -> MeetingKind {
        match self.countries().len() {
            0..=2 => MeetingKind::Bilateral,
            3 => MeetingKind::Trilateral,
            _ => MeetingKind::Multilateral,
        }
    }

    /// Host, third location, remote or unknown, from the venue (its country,
    /// or the party whose premises it is on) and the parties.
    pub fn venue_relation(&self) -> VenueRelation {
        let Some(v) = &self.venue else {
            return if self.mode.has_venue() {
                VenueRelation::Unknown
            } else {
                VenueRelation::Remote
            };
        };
        let parties = self.countries();
        let host = v
            .premises_of()
            .filter(|p| parties.iter().any(|c| c.code() == p.code()))
            .or_else(|| {
                parties
                    .iter()
                    .copied()
                    .find(|c| c.code() == v.country().code())
            });
        match host {
            Some(h) => VenueRelation::Hosted { host: h.clone() },
            None => VenueRelation::ThirdLocation,
        }
    }

    /// Each person's start (and end) on their own clock (the place they
    /// called from, else their home zone), with the day shift relative to
    /// the meeting's date. Groups have no clock.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::NoTimeOfDay`](crate::ErrorKind::NoTimeOfDay) when no
    /// time of day is known. A missing duration is not an error: the ends
    /// are `None`.
    pub fn local_times(&self) -> Result<Vec<LocalTime<'_>>, Error> {
        let span = self.instants()?;
        Ok(self
            .participants
            .iter()
            .filter_map(|p| Some((p.minister()?, p.clock_zone()?)))
            .map(|(m, zone)| span.on_clock(Some(m), zone))
            .collect())
    }

    /// The start and end instants, computed once for rendering on many
    /// clocks.
    fn instants(&self) -> Result<&Instants, Error> {
        match &self.instants {
            Some(i) => Ok(i),
            None => Err(Error::new(Detail::NoTimeOfDay {
                date: self.start.to_string(),
                what: "local start",
            })),
        }
    }

    /// The meeting on the clock of any zone, with the day shift relative to
    /// the meeting's date.
    ///
    /// # Errors
    ///
    /// As [`local_times`](Meeting::local_times).
    pub fn local_time_in(&self, zone: Tz) -> Result<LocalTime<'_>, Error> {
        Ok(self.instants()?.on_clock(None, zone))
    }

    /// The busy intervals of the meeting, as instants: one per part that
    /// has a time and a duration, or the meeting's own when it has no parts
    /// (or none of them is timed). Empty without a time of day or duration.
    pub fn spans(&self) -> Vec<(chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>)> {
        let timed: Vec<_> = self
            .parts
            .iter()
            .filter_map(|p| Some((p.start().time()?.instant(), p.end()?.instant())))
            .collect();
        if !timed.is_empty() {
            return timed;
        }
        match (&self.start, self.zoned_end()) {
            (Start::At(z), Ok(e)) => vec![(z.instant(), e.instant())],
            _ => Vec::new(),
        }
    }

    /// Checks every stated time against the start (see
    /// [`Meeting::check_stated`]): `Ok` when all agree.
    ///
    /// # Errors
    ///
    /// Every disagreement, each at `stated_times[i]` with the stated time
    /// and the correct one.
    pub fn check_stated_times(&self) -> Result<(), Error> {
        let mut out = crate::error::Collector::new();
        for (i, s) in self.stated_times.iter().enumerate() {
            if let Err(e) = self.check_stated(s.time()) {
                out.absorb(&format!("stated_times[{i}]"), e);
            }
        }
        out.finish()
    }
}

impl fmt::Display for Meeting {
    /// A human summary over several lines: title, form and mode, venue,
    /// occasion, start with every participant's clock, kind and venue
    /// relation, participants, parts and the agenda.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.title)?;
        writeln!(
            f,
            "  form:       {} ({}), {}",
            self.form.as_str().replace('_', " "),
            self.mode.as_str().replace('_', " "),
            self.status
        )?;
        match (&self.venue, self.zone) {
            (Some(v), _) => writeln!(f, "  venue:      {v}")?,
            (None, Some(z)) => writeln!(f, "  zone:       {}", z.name())?,
            (None, None) => {}
        }
        if let Some(o) = &self.occasion {
            let rel = match o.relation() {
                OccasionRelation::Sidelines => "on the sidelines of the",
                OccasionRelation::Visit => "during the",
                OccasionRelation::Before => "before the",
                OccasionRelation::After => "after the",
                OccasionRelation::During => "during the",
            };
            writeln!(f, "  occasion:   {rel} {}", o.name())?;
        }
        let about = if self.start_approximate { "about " } else { "" };
        writeln!(f, "  start:      {about}{}", self.start)?;
        if let Some(d) = self.duration {
            let about = if self.duration_approximate {
                "about "
            } else {
                ""
            };
            writeln!(f, "  duration:   {about}{} minutes", d.num_minutes())?;
        }
        writeln!(
            f,
            "  kind:       {}, {}",
            self.kind(),
            self.venue_relation()
        )?;
        writeln!(f, "  participants:")?;
        let locals = self.local_times().unwrap_or_default();
        for p in &self.participants {
            let roles: Vec<&str> = p
                .roles()
                .iter()
                .filter(|r| **r != Role::Principal)
                .map(|r| r.as_str())
                .collect();
            let roles = if roles.is_empty() {
                String::new()
            } else {
                format!(" ({})", roles.join(", "))
            };
            match p.who() {
                Who::Person(m) => writeln!(f, "    - {m} [{}]{roles}", m.id())?,
                Who::Group(g) => writeln!(f, "    - {} [{}]{roles}", g.name(), g.id())?,
            }
            if let Some(l) = locals
                .iter()
                .find(|l| l.participant().is_some_and(|m| m.id() == p.id()))
            {
                writeln!(f, "      local start: {l}")?;
            }
        }
        for (i, part) in self.parts.iter().enumerate() {
            let what = part.title().unwrap_or(part.form().as_str());
            match part.start() {
                Start::Unknown => writeln!(f, "  part {}:     {what}", i + 1)?,
                start => writeln!(f, "  part {}:     {what}, {start}", i + 1)?,
            }
        }
        if !self.agenda.is_empty() {
            writeln!(f, "  agenda:")?;
        }
        for item in &self.agenda {
            self.fmt_item(f, item, 4)?;
        }
        Ok(())
    }
}

impl Meeting {
    fn short(&self, id: &str) -> String {
        match self.participant(id).map(Participant::who) {
            Some(Who::Person(m)) => m.short_name().to_owned(),
            Some(Who::Group(g)) => g.name().to_owned(),
            None => id.to_owned(),
        }
    }

    fn fmt_item(
        &self,
        f: &mut fmt::Formatter<'_>,
        item: &AgendaItem,
        indent: usize,
    ) -> fmt::Result {
        let pad = " ".repeat(indent);
        let label = item.label().unwrap_or("-");
        match item.title() {
            Some(t) => writeln!(f, "{pad}{label} {t}")?,
            None => writeln!(f, "{pad}{label}")?,
        }
        let topics: Vec<&str> = item.topics().iter().map(|t| t.label()).collect();
        if !topics.is_empty() {
            writeln!(f, "{pad}   topics: {}", topics.join("; "))?;
        }
        for e in item.entries() {
            let who: Vec<String> = e.who().iter().map(|id| self.short(id)).collect();
            writeln!(
                f,
                "{pad}   {} {} {}",
                who.join(" and "),
                e.phrase(),
                e.text()
            )?;
        }
        for sub in item.items() {
            self.fmt_item(f, sub, indent + 3)?;
        }
        Ok(())
    }
}
