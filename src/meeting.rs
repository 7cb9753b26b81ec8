//! [`Meeting`]: who met, where, when, for how long, on the sidelines of what,
//! and what was said and agreed.

use std::fmt;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Offset, TimeDelta};
use chrono_tz::Tz;

use crate::agenda::AgendaItem;
use crate::country::Country;
use crate::error::{Collector, Detail, Error, echo};
use crate::limits::{Limits, TextClass};
use crate::minister::Minister;
use crate::named::named_enum;
use crate::time::{Disambiguation, ZonedDateTime};

named_enum! {
    /// How the participants met.
    pub enum Mode ("mode", "diplomeet::Mode") {
        /// Face to face, at a venue.
        InPerson = "in_person",
        /// By telephone: no venue.
        Telephone = "telephone",
        /// By video conference: no venue.
        Video = "video",
        /// At a venue, with some taking part remotely.
        Hybrid = "hybrid",
    }
}

impl Mode {
    /// Whether this mode happens at a venue (in person or hybrid).
    pub fn has_venue(self) -> bool {
        matches!(self, Mode::InPerson | Mode::Hybrid)
    }
}

named_enum! {
    /// The diplomatic form of the meeting, as readouts name it.
    pub enum MeetingForm ("meeting form", "diplomeet::MeetingForm") {
        /// A meeting ("Foreign Ministers' Meeting").
        Meeting = "meeting",
        /// Talks, or a telephone or video talk.
        Talk = "talk",
        /// A short informal talk (a "pull-aside").
        ShortInformalTalk = "short_informal_talk",
        /// A courtesy call.
        CourtesyCall = "courtesy_call",
        /// A working breakfast, lunch or dinner.
        WorkingMeal = "working_meal",
        /// A meeting of heads of state or government.
        Summit = "summit",
    }
}

named_enum! {
    /// Where the meeting stands.
    pub enum MeetingStatus ("meeting status", "diplomeet::MeetingStatus") {
        /// Planned, not yet held.
        Scheduled = "scheduled",
        /// Held (a readout describes it).
        Held = "held",
        /// Postponed to a date not yet set.
        Postponed = "postponed",
        /// Cancelled.
        Cancelled = "cancelled",
    }
}

named_enum! {
    /// How many countries met, derived from the participants.
    pub enum MeetingKind ("meeting kind", "diplomeet::MeetingKind") {
        /// Two countries.
        Bilateral = "bilateral",
        /// Three countries.
        Trilateral = "trilateral",
        /// Four or more countries.
        Multilateral = "multilateral",
    }
}

/// Where the meeting happened relative to the participants' countries,
/// derived from the venue: the distinction CAMEO draws between 042 (make a
/// visit), 043 (host a visit) and 044 (meet at a third location).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum VenueRelation {
    /// The venue is in a participant's country: that country hosts, the
    /// others visit.
    Hosted {
        /// The host country.
        host: Country,
    },
    /// The venue is in none of the participants' countries (the seed
    /// meeting: Japan and Chile in San Francisco).
    ThirdLocation,
    /// Telephone or video: there is no venue.
    Remote,
}

impl fmt::Display for VenueRelation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VenueRelation::Hosted { host } => write!(f, "hosted by {}", host.name()),
            VenueRelation::ThirdLocation => f.write_str("third location"),
            VenueRelation::Remote => f.write_str("remote"),
        }
    }
}

/// Where an in-person meeting takes place: a place, its country and its
/// IANA zone, which must be one of the country's zones.
///
/// ```
/// use diplomeet::{Country, Venue};
///
/// # fn main() -> Result<(), diplomeet::Error> {
/// let sf = Venue::new("San Francisco", Country::from_code("US")?, chrono_tz::America::Los_Angeles)?;
/// assert_eq!(sf.place(), "San Francisco");
/// assert!(Venue::new("San Francisco", Country::from_code("JP")?, chrono_tz::America::Los_Angeles).is_err());
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Venue {
    place: String,
    country: Country,
    zone: Tz,
}

impl Venue {
    /// A venue; `zone` must be one of `country`'s zones.
    ///
    /// # Errors
    ///
    /// A blank or over-long place ([`Limits::default`]), or a zone that is
    /// not the country's ([`ErrorKind::ZoneNotInCountry`](crate::ErrorKind::ZoneNotInCountry)).
    pub fn new(place: impl Into<String>, country: Country, zone: Tz) -> Result<Venue, Error> {
        Venue::checked(place.into(), country, zone, &Limits::default())
    }

    pub(crate) fn checked(
        place: String,
        country: Country,
        zone: Tz,
        limits: &Limits,
    ) -> Result<Venue, Error> {
        let mut out = Collector::new();
        limits.check_text(&mut out, "place", "place", TextClass::Name, &place);
        if !country.has_zone(zone) {
            out.push(
                "zone",
                Detail::ZoneNotInCountry {
                    zone: zone.name().to_owned(),
                    country: {
                        let zones: Vec<&str> = country.zones().iter().map(|z| z.name()).collect();
                        format!(
                            "{} ({}), which are: {}",
                            country.name(),
                            country.alpha2(),
                            zones.join(", ")
                        )
                    },
                },
            );
        }
        out.finish()?;
        Ok(Venue {
            place,
            country,
            zone,
        })
    }

    /// The place ("San Francisco").
    pub fn place(&self) -> &str {
        &self.place
    }

    /// The country the venue is in.
    pub fn country(&self) -> &Country {
        &self.country
    }

    /// The venue's IANA zone.
    pub fn zone(&self) -> Tz {
        self.zone
    }
}

impl fmt::Display for Venue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}, {} ({})",
            self.place,
            self.country.name(),
            self.zone.name()
        )
    }
}

/// Where a readout or record comes from: a URL and, optionally, its publisher.
///
/// ```
/// use diplomeet::Source;
///
/// # fn main() -> Result<(), diplomeet::Error> {
/// let s = Source::new("https://www.mofa.go.jp/", Some("Ministry of Foreign Affairs of Japan"))?;
/// assert_eq!(s.publisher(), Some("Ministry of Foreign Affairs of Japan"));
/// assert!(Source::new("not a url", None::<String>).is_err());
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Source {
    url: String,
    publisher: Option<String>,
}

impl Source {
    /// A source. The URL must be `http://` or `https://` with a host and no
    /// white space.
    ///
    /// # Errors
    ///
    /// A malformed or over-long URL, or a blank or over-long publisher
    /// ([`Limits::default`]).
    pub fn new(
        url: impl Into<String>,
        publisher: Option<impl Into<String>>,
    ) -> Result<Source, Error> {
        Source::checked(url.into(), publisher.map(Into::into), &Limits::default())
    }

    pub(crate) fn checked(
        url: String,
        publisher: Option<String>,
        limits: &Limits,
    ) -> Result<Source, Error> {
        let mut out = Collector::new();
        limits.check_text(&mut out, "url", "url", TextClass::Url, &url);
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"));
        let host_ok = rest.is_some_and(|r| {
            r.split(['/', '?', '#'])
                .next()
                .is_some_and(|h| !h.is_empty())
        });
        if !url.trim().is_empty()
            && (!host_ok || url.chars().any(|c| c.is_whitespace() || c.is_control()))
        {
            out.push(
                "url",
                Detail::InvalidValue {
                    what: "url",
                    value: echo(&url),
                    reason: "expected an http:// or https:// URL with a host and no white space"
                        .into(),
                },
            );
        }
        if let Some(p) = &publisher {
            limits.check_text(&mut out, "publisher", "publisher", TextClass::Name, p);
        }
        out.finish()?;
        Ok(Source { url, publisher })
    }

    /// The URL.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The publisher, if known.
    pub fn publisher(&self) -> Option<&str> {
        self.publisher.as_deref()
    }
}

/// When a meeting starts: a civil time resolved in the meeting's zone, or a
/// date alone when the source gives no time ("a video conference on August
/// 15").
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Start {
    /// A civil time in the meeting's zone, with its resolved offset.
    At(ZonedDateTime),
    /// A date in the meeting's zone, with no time of day.
    On(NaiveDate),
}

impl Start {
    /// The date at the venue (or in the stated zone).
    pub fn date(&self) -> NaiveDate {
        match self {
            Start::At(z) => z.date(),
            Start::On(d) => *d,
        }
    }
}

impl fmt::Display for Start {
    /// RFC 9557 for a time (`2023-11-13T16:00:00-08:00[America/Los_Angeles]`),
    /// ISO 8601 for a date (`2023-08-15`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Start::At(z) => write!(f, "{z}"),
            Start::On(d) => write!(f, "{d}"),
        }
    }
}

/// A participant's view of the meeting on their own clock.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LocalTime<'m> {
    participant: Option<&'m Minister>,
    start: DateTime<Tz>,
    end: Option<DateTime<Tz>>,
    day_shift: i64,
}

impl<'m> LocalTime<'m> {
    /// The participant; `None` for a clock asked for by zone
    /// ([`Meeting::local_time_in`]).
    pub fn participant(&self) -> Option<&'m Minister> {
        self.participant
    }

    /// The zone of this clock.
    pub fn zone(&self) -> Tz {
        self.start.timezone()
    }

    /// The start on this clock.
    pub fn start(&self) -> DateTime<Tz> {
        self.start
    }

    /// The end on this clock, when the meeting has a duration.
    pub fn end(&self) -> Option<DateTime<Tz>> {
        self.end
    }

    /// Days between the venue's date and this clock's date at the start:
    /// `+1` for Tokyo in the seed meeting (09:00 on November 14 against
    /// 16:00 on November 13 in San Francisco), `0` for Santiago.
    pub fn day_shift(&self) -> i64 {
        self.day_shift
    }
}

impl fmt::Display for LocalTime<'_> {
    /// `2023-11-14 09:00 JST (UTC+09:00, Asia/Tokyo, +1 day)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {} (UTC{}, {}",
            self.start.date_naive(),
            self.start.time().format("%H:%M"),
            self.start.offset(),
            self.start.offset().fix(),
            self.zone().name()
        )?;
        match self.day_shift {
            0 => f.write_str(")"),
            1 => f.write_str(", +1 day)"),
            -1 => f.write_str(", -1 day)"),
            n => write!(f, ", {n:+} days)"),
        }
    }
}

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
    /// Derived from `start` and `duration` (so equal whenever they are).
    instants: Option<Instants>,
}

/// The longest meeting the model accepts.
const MAX_DURATION_HOURS: i64 = 24;

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
    pub fn start(&self) -> Result<DateTime<Tz>, Error> {
        self.zoned_start("start").map(|z| z.to_datetime())
    }

    /// The end in the meeting's zone.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::NoTimeOfDay`](crate::ErrorKind::NoTimeOfDay) when only
    /// the date is known, [`ErrorKind::NoDuration`](crate::ErrorKind::NoDuration)
    /// when the duration is not.
    pub fn end(&self) -> Result<DateTime<Tz>, Error> {
        self.zoned_end().map(|z| z.to_datetime())
    }

    /// The start on another clock.
    ///
    /// # Errors
    ///
    /// As [`start`](Meeting::start).
    pub fn start_in(&self, zone: Tz) -> Result<DateTime<Tz>, Error> {
        self.zoned_start("start")
            .map(|z| z.in_zone(zone).to_datetime())
    }

    /// The end on another clock.
    ///
    /// # Errors
    ///
    /// As [`end`](Meeting::end).
    pub fn end_in(&self, zone: Tz) -> Result<DateTime<Tz>, Error> {
        self.zoned_end().map(|z| z.in_zone(zone).to_datetime())
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

    /// The participants' countries, each once, in order of first appearance.
    pub fn countries(&self) -> Vec<&Country> {
        let mut seen: Vec<&Country> = Vec::new();
        for m in &self.participants {
            if !seen.contains(&m.country()) {
                seen.push(m.country());
            }
        }
        seen
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

/// A meeting's instants and its date in its own zone: derived from the
/// start and the duration when the meeting is built, kept so that rendering
/// on many clocks costs only the zone lookups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Instants {
    date: NaiveDate,
    start: DateTime<chrono::Utc>,
    end: Option<DateTime<chrono::Utc>>,
}

impl Instants {
    /// The instants of a start and a duration; `None` for a date alone or an
    /// end out of range (which `build()` has already refused).
    fn of(start: &Start, duration: Option<TimeDelta>) -> Option<Instants> {
        let Start::At(z) = start else {
            return None;
        };
        let instant = z.instant();
        let end = match duration {
            Some(d) => Some(instant.checked_add_signed(d)?),
            None => None,
        };
        Some(Instants {
            date: z.date(),
            start: instant,
            end,
        })
    }

    /// The meeting on the clock of `zone`: two zone lookups, nothing else.
    fn on_clock<'m>(&self, participant: Option<&'m Minister>, zone: Tz) -> LocalTime<'m> {
        let start = self.start.with_timezone(&zone);
        LocalTime {
            participant,
            start,
            end: self.end.map(|e| e.with_timezone(&zone)),
            day_shift: start
                .date_naive()
                .signed_duration_since(self.date)
                .num_days(),
        }
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

#[derive(Debug, Clone)]
enum PendingStart {
    Missing,
    /// The JSON reader could not read the start and has said so already.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    Unreadable,
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
    title: String,
    mode: Mode,
    form: MeetingForm,
    venue: Option<Venue>,
    zone: Option<Tz>,
    occasion: Option<String>,
    start: PendingStart,
    disambiguation: Disambiguation,
    duration: Option<TimeDelta>,
    duration_approximate: bool,
    participants: Vec<Minister>,
    agenda: Vec<AgendaItem>,
    status: MeetingStatus,
    sources: Vec<Source>,
    limits: Limits,
    /// For each participant and agenda item, its index in the document the
    /// JSON reader read it from (entries that failed to read are left out,
    /// and paths must still name the document's index). Empty: the index.
    participant_slots: Vec<usize>,
    agenda_slots: Vec<usize>,
    /// Set by the JSON reader when some participants failed to read: checks
    /// that need the whole list are skipped, so that they report nothing
    /// spurious.
    partial: bool,
    /// Ids of participants the JSON reader could not read: references to
    /// them are not reported again. `None`: none were even tried (over the
    /// count limit), so references are not checked.
    unread_ids: Option<Vec<String>>,
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
    pub(crate) fn start_unreadable(mut self) -> Self {
        self.start = PendingStart::Unreadable;
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
    fn p_slot(&self, i: usize) -> usize {
        self.participant_slots.get(i).copied().unwrap_or(i)
    }

    /// The document index of agenda item `i`.
    fn a_slot(&self, i: usize) -> usize {
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
    /// # Errors
    ///
    /// Every violation at once, each with its path: see the rules in the
    /// crate documentation (participants, countries, references, start,
    /// duration, terms of office, agenda numbers, limits).
    pub fn build(self) -> Result<Meeting, Error> {
        let mut out = Collector::new();
        self.build_into(&mut out).ok_or_else(|| {
            out.finish()
                .err()
                .unwrap_or_else(|| Error::new(Detail::Inconsistent("meeting not built".into())))
        })
    }

    /// Builds into `out`; `None` when anything was recorded there.
    pub(crate) fn build_into(self, out: &mut Collector) -> Option<Meeting> {
        let l = self.limits;
        l.check_text(out, "title", "title", TextClass::Title, &self.title);
        if let Some(o) = &self.occasion {
            l.check_text(out, "occasion", "occasion", TextClass::Title, o);
        }
        let zone = self.check_place(out);
        let start = zone.and_then(|zone| self.resolve_start(out, zone));
        self.check_duration(out, start.as_ref());
        if !self.partial {
            self.check_participants(out, &l);
        }
        if let Some(start) = &start {
            self.check_terms(out, start.date());
        }
        self.check_agenda(out, &l);
        l.check_list(out, "sources", "sources", self.sources.len());
        if !out.is_empty() {
            return None;
        }
        let start = start?;
        Some(Meeting {
            instants: Instants::of(&start, self.duration),
            title: self.title,
            mode: self.mode,
            form: self.form,
            venue: self.venue,
            zone: zone?,
            occasion: self.occasion,
            start,
            duration: self.duration,
            duration_approximate: self.duration_approximate,
            participants: self.participants,
            agenda: self.agenda,
            status: self.status,
            sources: self.sources,
        })
    }

    /// Mode against venue and zone; returns the meeting's zone.
    fn check_place(&self, out: &mut Collector) -> Option<Tz> {
        let mode = self.mode;
        match (&self.venue, mode.has_venue()) {
            (Some(v), true) => {
                if let Some(z) = self.zone {
                    if z != v.zone() {
                        out.push(
                            "zone",
                            Detail::Inconsistent(format!(
                                "zone {} differs from the venue's zone {}",
                                z.name(),
                                v.zone().name()
                            )),
                        );
                        return None;
                    }
                }
                Some(v.zone())
            }
            (None, true) => {
                out.push(
                    "venue",
                    Detail::Inconsistent(format!(
                        "a meeting {} needs a venue",
                        mode.as_str().replace('_', " ")
                    )),
                );
                None
            }
            (Some(_), false) => {
                out.push(
                    "venue",
                    Detail::Inconsistent(format!(
                        "a {mode} meeting has no venue: give the zone its time is stated in"
                    )),
                );
                None
            }
            (None, false) => {
                if self.zone.is_none() {
                    out.push(
                        "zone",
                        Detail::Inconsistent(format!(
                            "a {mode} meeting needs the zone its time is stated in"
                        )),
                    );
                }
                self.zone
            }
        }
    }

    fn resolve_start(&self, out: &mut Collector, zone: Tz) -> Option<Start> {
        match &self.start {
            PendingStart::Missing => {
                out.push(
                    "start",
                    Detail::Inconsistent("a meeting needs a start (a time or a date)".into()),
                );
                None
            }
            PendingStart::Unreadable => None,
            PendingStart::Date(d) => {
                if (0..=9999).contains(&d.year()) {
                    Some(Start::On(*d))
                } else {
                    out.push(
                        "start",
                        Detail::OutOfRange {
                            what: "year".to_owned(),
                            value: format!("{} (years run 0000 to 9999)", d.year()),
                        },
                    );
                    None
                }
            }
            PendingStart::Civil(c) => out
                .take(
                    "start",
                    ZonedDateTime::resolve(*c, zone, self.disambiguation),
                )
                .map(Start::At),
            PendingStart::Zoned(z) => {
                if z.zone() == zone {
                    out.take("start", z.check_year()).map(|()| Start::At(*z))
                } else {
                    out.push(
                        "start",
                        Detail::Inconsistent(format!(
                            "start {z} is not in the meeting's zone {}",
                            zone.name()
                        )),
                    );
                    None
                }
            }
        }
    }

    fn check_duration(&self, out: &mut Collector, start: Option<&Start>) {
        let Some(d) = self.duration else {
            if self.duration_approximate {
                out.push(
                    "duration_approximate",
                    Detail::Inconsistent("an approximate duration needs a duration".into()),
                );
            }
            return;
        };
        let max = TimeDelta::try_hours(MAX_DURATION_HOURS).unwrap_or(TimeDelta::MAX);
        if d <= TimeDelta::zero() || d > max {
            out.push(
                "duration",
                Detail::DurationOutOfRange {
                    value: crate::time::format_duration(d),
                    reason: format!(
                        "a meeting lasts more than zero and at most {MAX_DURATION_HOURS} hours"
                    ),
                },
            );
        } else if let Some(Start::At(z)) = start {
            out.take("duration", z.checked_add(d));
        }
    }

    fn check_participants(&self, out: &mut Collector, l: &Limits) {
        let n = self.participants.len();
        l.check_count(
            out,
            "participants",
            "participants",
            n,
            l.max_participants(),
            "max_participants",
        );
        if n > l.max_participants() {
            return;
        }
        if n < 2 {
            out.push(
                "participants",
                Detail::TooFew {
                    what: "participants",
                    found: n,
                    needed: 2,
                },
            );
        }
        // Participants are few (at most `max_participants`, usually two):
        // comparing each with the earlier ones beats hashing.
        let ps = &self.participants;
        let earlier = |i: usize| ps.get(..i).unwrap_or_default();
        let countries = ps
            .iter()
            .enumerate()
            .filter(|(i, m)| {
                !earlier(*i)
                    .iter()
                    .any(|e| e.country().alpha2() == m.country().alpha2())
            })
            .count();
        if n >= 2 && countries < 2 {
            out.push(
                "participants",
                Detail::TooFew {
                    what: "countries among the participants",
                    found: countries,
                    needed: 2,
                },
            );
        }
        // One code, one actor: two different custom actors under the same
        // code could not be told apart in a document.
        let venue = self.venue.as_ref().map(Venue::country);
        for (i, m) in ps.iter().enumerate() {
            let c = m.country();
            let clash = venue
                .into_iter()
                .chain(earlier(i).iter().map(Minister::country))
                .any(|e| e.alpha2() == c.alpha2() && e != c);
            if clash {
                out.push_at(
                    || format!("participants[{}].country", self.p_slot(i)),
                    Detail::Duplicate {
                        what: "country code for two different actors",
                        value: c.alpha2().to_owned(),
                    },
                );
            }
        }
        for (i, m) in ps.iter().enumerate() {
            if earlier(i).iter().any(|e| e.id() == m.id()) {
                out.push(
                    &format!("participants[{}].id", self.p_slot(i)),
                    Detail::Duplicate {
                        what: "participant id",
                        value: echo(m.id()),
                    },
                );
            } else if earlier(i)
                .iter()
                .any(|e| e.name() == m.name() && e.country().alpha2() == m.country().alpha2())
            {
                out.push(
                    &format!("participants[{}]", self.p_slot(i)),
                    Detail::Duplicate {
                        what: "participant",
                        value: echo(&m.name().to_string()),
                    },
                );
            }
        }
    }

    fn check_terms(&self, out: &mut Collector, date: NaiveDate) {
        for (i, m) in self.participants.iter().enumerate() {
            for (j, post) in m.posts_not_held_on(date) {
                out.push(
                    &format!("participants[{}].posts[{j}].term", self.p_slot(i)),
                    Detail::OutsideTerm {
                        who: m.name().to_string(),
                        post: post.title().to_owned(),
                        date: date.to_string(),
                        term: post.term().map(|t| t.to_string()).unwrap_or_default(),
                    },
                );
            }
        }
    }

    fn check_agenda(&self, out: &mut Collector, l: &Limits) {
        let n = self.agenda.len();
        l.check_count(
            out,
            "agenda",
            "agenda items",
            n,
            l.max_agenda_items(),
            "max_agenda_items",
        );
        if n > l.max_agenda_items() {
            return;
        }
        // A sorted list: binary search over a handful of ids beats hashing
        // each of the many references.
        let mut ids: Vec<&str> = self.participants.iter().map(Minister::id).collect();
        if let Some(unread) = &self.unread_ids {
            ids.extend(unread.iter().map(String::as_str));
        }
        ids.sort_unstable();
        // Agenda numbers, sorted with their positions: a repeat is reported at
        // every position after the first that holds it.
        let mut numbers: Vec<(u32, usize)> = self
            .agenda
            .iter()
            .enumerate()
            .map(|(i, item)| (item.number(), i))
            .collect();
        numbers.sort_unstable();
        let mut repeated: Vec<usize> = numbers
            .windows(2)
            .filter_map(|w| match w {
                [(a, _), (b, j)] if a == b => Some(*j),
                _ => None,
            })
            .collect();
        repeated.sort_unstable();
        for (i, item) in self.agenda.iter().enumerate() {
            if repeated.binary_search(&i).is_ok() {
                out.push(
                    &format!("agenda[{}].number", self.a_slot(i)),
                    Detail::Duplicate {
                        what: "agenda number",
                        value: item.number().to_string(),
                    },
                );
            }
            if self.unread_ids.is_none() {
                continue;
            }
            for (place, id) in item.references() {
                if ids.binary_search(&id).is_err() {
                    out.push_at(
                        || format!("agenda[{}].{}", self.a_slot(i), place.path()),
                        Detail::UnknownReference {
                            what: place.what(),
                            id: echo(id),
                        },
                    );
                }
            }
        }
    }
}
