//! [`Meeting`]: who met, where, when, for how long, on the sidelines of what,
//! and what was said and agreed.
//!
//! One concept a file: the named vocabularies ([`kinds`]), [`Venue`],
//! [`Source`], [`Start`], [`LocalTime`], the builder and the rules it checks.

mod builder;
mod kinds;
mod local_time;
mod source;
mod start;
mod validate;
mod venue;

use std::fmt;

use chrono::{NaiveDate, TimeDelta};
use chrono_tz::Tz;

pub use builder::MeetingBuilder;
pub use kinds::{MeetingForm, MeetingKind, MeetingStatus, Mode, VenueRelation};
pub use local_time::LocalTime;
pub use source::Source;
pub use start::Start;
pub use venue::Venue;

use crate::agenda::AgendaItem;
use crate::country::Country;
use crate::error::{Detail, Error};
use crate::limits::Limits;
use crate::minister::Minister;
use crate::time::{Disambiguation, ZonedDateTime};
use builder::PendingStart;
use local_time::Instants;

/// A diplomatic meeting: who met, where and when, for how long, on the
/// sidelines of what, and what was said and agreed, item by item.
///
/// The start is stored as the civil time at the venue plus the venue's zone
/// (and the offset it resolved to); instants and other clocks are derived.
/// [`kind`](Meeting::kind) and [`venue_relation`](Meeting::venue_relation)
/// are derived from the participants and the venue, never set.
///
/// ```
/// use chrono::{NaiveDate, TimeDelta};
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
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Meeting {
    title: String,
    mode: Mode,
    form: MeetingForm,
    venue: Option<Venue>,
    zone: Tz,
    occasion: Option<String>,
    start: Start,
    duration: Option<TimeDelta>,
    duration_approximate: bool,
    participants: Vec<Minister>,
    agenda: Vec<AgendaItem>,
    status: MeetingStatus,
    sources: Vec<Source>,
    /// Derived from `start` and `duration` (so equal whenever they are);
    /// `None` for a date alone.
    instants: Option<Instants>,
}

/// The longest meeting the model accepts: 24 hours.
const MAX_DURATION: TimeDelta = TimeDelta::seconds(24 * 3600);

impl Meeting {
    /// Starts a builder.
    pub fn builder(title: impl Into<String>) -> MeetingBuilder {
        MeetingBuilder {
            title: title.into(),
            mode: Mode::InPerson,
            form: MeetingForm::Meeting,
            venue: None,
            zone: None,
            occasion: None,
            start: PendingStart::Missing,
            disambiguation: Disambiguation::Reject,
            duration: None,
            duration_approximate: false,
            participants: Vec::new(),
            agenda: Vec::new(),
            status: MeetingStatus::Scheduled,
            sources: Vec::new(),
            limits: Limits::default(),
            participant_slots: Vec::new(),
            agenda_slots: Vec::new(),
            partial: false,
            unread_ids: Some(Vec::new()),
        }
    }

    /// The title ("Japan-Chile Foreign Ministers' Meeting").
    pub fn title(&self) -> &str {
        &self.title
    }

    /// How they met.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The diplomatic form.
    pub fn form(&self) -> MeetingForm {
        self.form
    }

    /// The venue; `None` for a telephone or video meeting.
    pub fn venue(&self) -> Option<&Venue> {
        self.venue.as_ref()
    }

    /// The zone the start is given in: the venue's, or for a telephone or
    /// video meeting, the zone the source states.
    pub fn zone(&self) -> Tz {
        self.zone
    }

    /// What the meeting was on the sidelines of ("APEC Ministerial Meeting").
    pub fn occasion(&self) -> Option<&str> {
        self.occasion.as_deref()
    }

    /// The start as recorded: a resolved civil time, or a date alone.
    pub fn when(&self) -> &Start {
        &self.start
    }

    /// The date in the meeting's zone.
    pub fn date(&self) -> NaiveDate {
        self.start.date()
    }

    /// The start in the meeting's zone.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::NoTimeOfDay`](crate::ErrorKind::NoTimeOfDay) when only
    /// the date is known.
    pub fn start(&self) -> Result<ZonedDateTime, Error> {
        self.zoned_start("start")
    }

    /// The end in the meeting's zone.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::NoTimeOfDay`](crate::ErrorKind::NoTimeOfDay) when only
    /// the date is known, [`ErrorKind::NoDuration`](crate::ErrorKind::NoDuration)
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
            Start::On(d) => Err(Error::new(Detail::NoTimeOfDay {
                date: d.to_string(),
                what,
            })),
        }
    }

    fn zoned_end(&self) -> Result<ZonedDateTime, Error> {
        let start = self.zoned_start("end")?;
        let duration = self
            .duration
            .ok_or_else(|| Error::new(Detail::NoDuration))?;
        // Checked when the meeting was built; re-checked rather than trusted.
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

    /// The participants, in the order given.
    pub fn participants(&self) -> &[Minister] {
        &self.participants
    }

    /// The participant with this id.
    pub fn participant(&self, id: &str) -> Option<&Minister> {
        self.participants.iter().find(|m| m.id() == id)
    }

    /// The agenda, in the order given.
    pub fn agenda(&self) -> &[AgendaItem] {
        &self.agenda
    }

    /// Where the meeting stands.
    pub fn status(&self) -> MeetingStatus {
        self.status
    }

    /// The sources.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// The participants' countries, each once, in order of first
    /// appearance. Linear in the participants.
    pub fn countries(&self) -> Vec<&Country> {
        let mut codes = std::collections::HashSet::with_capacity(self.participants.len());
        self.participants
            .iter()
            .map(Minister::country)
            .filter(|c| codes.insert(c.alpha2()))
            .collect()
    }

    /// Bilateral, trilateral or multilateral, from the number of countries.
    pub fn kind(&self) -> MeetingKind {
        match self.countries().len() {
            0..=2 => MeetingKind::Bilateral,
            3 => MeetingKind::Trilateral,
            _ => MeetingKind::Multilateral,
        }
    }

    /// Host, third location or remote, from the venue and the participants'
    /// countries.
    pub fn venue_relation(&self) -> VenueRelation {
        match &self.venue {
            None => VenueRelation::Remote,
            Some(v) => {
                if self.participants.iter().any(|m| m.country() == v.country()) {
                    VenueRelation::Hosted {
                        host: v.country().clone(),
                    }
                } else {
                    VenueRelation::ThirdLocation
                }
            }
        }
    }

    /// Each participant's start (and end) on their home clock, with the day
    /// shift relative to the meeting's date.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::NoTimeOfDay`](crate::ErrorKind::NoTimeOfDay) when only
    /// the date is known. A missing duration is not an error: the ends are
    /// `None`.
    pub fn local_times(&self) -> Result<Vec<LocalTime<'_>>, Error> {
        let span = self.instants()?;
        Ok(self
            .participants
            .iter()
            .map(|m| span.on_clock(Some(m), m.home_zone()))
            .collect())
    }

    /// The start and end instants, computed once for rendering on many
    /// clocks.
    fn instants(&self) -> Result<&Instants, Error> {
        match &self.instants {
            Some(i) => Ok(i),
            None => Err(Error::new(Detail::NoTimeOfDay {
                date: self.date().to_string(),
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
}

impl fmt::Display for Meeting {
    /// A human summary over several lines: title, form and mode, venue,
    /// occasion, start with every participant's clock, kind and venue
    /// relation, participants and the agenda.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.title)?;
        writeln!(
            f,
            "  form:       {} ({}), {}",
            self.form.as_str().replace('_', " "),
            self.mode.as_str().replace('_', " "),
            self.status
        )?;
        match &self.venue {
            Some(v) => writeln!(f, "  venue:      {v}")?,
            None => writeln!(f, "  zone:       {}", self.zone.name())?,
        }
        if let Some(o) = &self.occasion {
            writeln!(f, "  occasion:   on the sidelines of the {o}")?;
        }
        writeln!(f, "  start:      {}", self.start)?;
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
        for m in &self.participants {
            writeln!(f, "    - {m} [{}]", m.id())?;
            if let Some(l) = locals
                .iter()
                .find(|l| l.participant().is_some_and(|p| p.id() == m.id()))
            {
                writeln!(f, "      local start: {l}")?;
            }
        }
        if !self.agenda.is_empty() {
            writeln!(f, "  agenda:")?;
        }
        let short = |id: &str| {
            self.participant(id)
                .map_or_else(|| id.to_owned(), |m| m.name().short().to_owned())
        };
        for item in &self.agenda {
            match item.title() {
                Some(t) => writeln!(f, "    {}. {t}", item.number())?,
                None => writeln!(f, "    {}.", item.number())?,
            }
            let topics: Vec<&str> = item.topics().iter().map(|t| t.label()).collect();
            if !topics.is_empty() {
                writeln!(f, "       topics: {}", topics.join("; "))?;
            }
            for s in item.statements() {
                writeln!(
                    f,
                    "       {} {} {}",
                    short(s.speaker()),
                    s.verb().phrase(),
                    s.text()
                )?;
            }
            for o in item.outcomes() {
                let parties: Vec<String> = o.parties().iter().map(|p| short(p)).collect();
                writeln!(
                    f,
                    "       {} {} {}",
                    parties.join(" and "),
                    o.verb().phrase(),
                    o.text()
                )?;
            }
        }
        Ok(())
    }
}
