//! Structured inputs shared by the fuzz targets: `arbitrary`-derived
//! descriptions of meetings, ministers and slot searches, and the code that
//! feeds them through diplomeet's public builders.
//!
//! Everything is chosen by index where the library has a closed set (zones
//! from `chrono_tz::TZ_VARIANTS`, countries from `Country::all()`, enum
//! values from their `ALL` lists), and raw where it reads text, so the
//! fuzzer reaches both the validation errors and the valid meetings.

use arbitrary::Arbitrary;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use chrono_tz::{TZ_VARIANTS, Tz};
use diplomeet::{
    AgendaItem, Country, Disambiguation, Meeting, MeetingForm, MeetingStatus, Minister, Mode,
    NameOrder, Verb, PersonName, Portfolio, Post, Source, Term, Topic,
    TopicCategory, Venue, ZonedDateTime,
};

/// Caps on collection sizes, so an input spends its bytes on content.
const MAX_PARTICIPANTS: usize = 5;
const MAX_ITEMS: usize = 4;
const MAX_LIST: usize = 4;

pub fn pick<T: Copy>(all: &[T], i: u16) -> Option<T> {
    if all.is_empty() {
        return None;
    }
    all.get(usize::from(i) % all.len()).copied()
}

pub fn zone(i: u16) -> Tz {
    pick(&TZ_VARIANTS, i).unwrap_or(Tz::UTC)
}

pub fn disambiguation(i: u8) -> Disambiguation {
    match i % 4 {
        0 => Disambiguation::Reject,
        1 => Disambiguation::Earlier,
        2 => Disambiguation::Later,
        _ => Disambiguation::Compatible,
    }
}

/// A date: mostly near the present (so zones have interesting rules), at
/// times anywhere in chrono's range.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum DateIn {
    Near { year: u8, ordinal: u16 },
    Any { year: i32, month: u32, day: u32 },
}

impl DateIn {
    pub fn get(self) -> Option<NaiveDate> {
        match self {
            DateIn::Near { year, ordinal } => {
                NaiveDate::from_yo_opt(1950 + i32::from(year), u32::from(ordinal % 367) + 1)
            }
            DateIn::Any { year, month, day } => NaiveDate::from_ymd_opt(year, month, day),
        }
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
pub struct TimeIn {
    pub secs: u32,
    pub nanos: u32,
}

impl TimeIn {
    pub fn get(self) -> Option<NaiveTime> {
        // Round to whole minutes most of the time, like readouts do.
        let secs = if self.nanos % 4 == 0 {
            self.secs
        } else {
            self.secs / 60 * 60
        };
        let nanos = if self.nanos % 8 == 0 { self.nanos } else { 0 };
        NaiveTime::from_num_seconds_from_midnight_opt(secs % 90_000, nanos)
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
pub struct CivilIn {
    pub date: DateIn,
    pub time: TimeIn,
}

impl CivilIn {
    pub fn get(self) -> Option<NaiveDateTime> {
        Some(self.date.get()?.and_time(self.time.get()?))
    }
}

/// A duration: small and plausible, or any `TimeDelta` chrono can hold.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum DurationIn {
    Minutes(i16),
    Seconds(i64),
    Millis(i64),
    Max,
    Min,
    Zero,
}

impl DurationIn {
    pub fn get(self) -> TimeDelta {
        match self {
            DurationIn::Minutes(m) => {
                TimeDelta::try_minutes(i64::from(m)).unwrap_or(TimeDelta::MAX)
            }
            DurationIn::Seconds(s) => TimeDelta::try_seconds(s).unwrap_or(TimeDelta::MIN),
            DurationIn::Millis(ms) => TimeDelta::try_milliseconds(ms).unwrap_or(TimeDelta::MIN),
            DurationIn::Max => TimeDelta::MAX,
            DurationIn::Min => TimeDelta::MIN,
            DurationIn::Zero => TimeDelta::zero(),
        }
    }
}

#[derive(Arbitrary, Debug, Clone)]
pub enum CountryIn {
    Builtin(u16),
    Code(String),
    Custom {
        alpha2: String,
        alpha3: Option<String>,
        name: Option<String>,
        formal: Option<String>,
        capital: Option<u16>,
        zones: Vec<u16>,
    },
}

impl CountryIn {
    pub fn get(&self) -> Option<Country> {
        match self {
            CountryIn::Builtin(i) => {
                let n = Country::all().len();
                Country::all().nth(usize::from(*i) % n.max(1))
            }
            CountryIn::Code(code) => Country::from_code(code).ok(),
            CountryIn::Custom {
                alpha2,
                alpha3,
                name,
                formal,
                capital,
                zones,
            } => {
                let mut b = Country::builder(alpha2);
                if let Some(a) = alpha3 {
                    b = b.alpha3(a.as_str());
                }
                if let Some(n) = name {
                    b = b.name(n.as_str());
                }
                if let Some(f) = formal {
                    b = b.formal_name(f.as_str());
                }
                if let Some(c) = capital {
                    b = b.capital_zone(zone(*c));
                }
                for z in zones.iter().take(MAX_LIST) {
                    b = b.zone(zone(*z));
                }
                b.build().ok()
            }
        }
    }
}

#[derive(Arbitrary, Debug, Clone)]
pub struct PostIn {
    pub portfolio: u8,
    pub other: String,
    pub title: String,
    pub term: Option<(Option<DateIn>, Option<DateIn>)>,
}

impl PostIn {
    pub fn get(&self) -> Option<Post> {
        let portfolio = match self.portfolio % 9 {
            0 => Portfolio::ForeignAffairs,
            1 => Portfolio::Defence,
            2 => Portfolio::Trade,
            3 => Portfolio::Economy,
            4 => Portfolio::Finance,
            5 => Portfolio::HeadOfState,
            6 => Portfolio::HeadOfGovernment,
            7 => Portfolio::DeputyHeadOfGovernment,
            _ => Portfolio::Other(self.other.clone()),
        };
        let post = Post::new(portfolio, self.title.as_str()).ok()?;
        Some(match self.term {
            Some((a, b)) => match Term::new(a.and_then(DateIn::get), b.and_then(DateIn::get)) {
                Ok(t) => post.with_term(t),
                Err(_) => post,
            },
            None => post,
        })
    }
}

#[derive(Arbitrary, Debug, Clone)]
pub struct MinisterIn {
    pub given: Option<String>,
    pub surname: Option<String>,
    pub second_surname: Option<String>,
    pub surname_first: bool,
    pub uppercase: bool,
    pub native: Option<String>,
    pub country: CountryIn,
    pub honorific: Option<String>,
    pub id: Option<String>,
    pub posts: Vec<PostIn>,
    pub home_zone: Option<u16>,
}

impl MinisterIn {
    pub fn get(&self) -> Option<Minister> {
        let mut n = PersonName::builder();
        if let Some(g) = &self.given {
            n = n.given(g.as_str());
        }
        if let Some(s) = &self.surname {
            n = n.surname(s.as_str());
        }
        if let Some(s) = &self.second_surname {
            n = n.second_surname(s.as_str());
        }
        if let Some(s) = &self.native {
            n = n.native(s.as_str());
        }
        n = n
            .order(if self.surname_first {
                NameOrder::SurnameFirst
            } else {
                NameOrder::GivenFirst
            })
            .uppercase_surname(self.uppercase);
        let name = n.build().ok()?;
        let mut b = Minister::builder(name, self.country.get()?);
        if let Some(h) = &self.honorific {
            b = b.honorific(h.as_str());
        }
        if let Some(id) = &self.id {
            b = b.id(id.as_str());
        }
        for p in self.posts.iter().take(MAX_LIST) {
            if let Some(post) = p.get() {
                b = b.post(post);
            }
        }
        if let Some(z) = self.home_zone {
            b = b.home_zone(zone(z));
        }
        b.build().ok()
    }
}

/// Who speaks: a participant by index (usually), or any text.
#[derive(Arbitrary, Debug, Clone)]
pub enum SpeakerIn {
    Participant(u8),
    Raw(String),
}

impl SpeakerIn {
    fn get(&self, ids: &[String]) -> String {
        match self {
            SpeakerIn::Participant(i) if !ids.is_empty() => ids
                .get(usize::from(*i) % ids.len())
                .cloned()
                .unwrap_or_default(),
            SpeakerIn::Participant(_) => String::new(),
            SpeakerIn::Raw(s) => s.clone(),
        }
    }
}

#[derive(Arbitrary, Debug, Clone)]
pub struct TopicIn {
    pub category: u16,
    pub label: String,
    pub keywords: Vec<String>,
    pub aliases: Vec<String>,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct ItemIn {
    pub number: u32,
    pub title: Option<String>,
    pub topics: Vec<TopicIn>,
    pub statements: Vec<(SpeakerIn, u16, String)>,
    pub outcomes: Vec<(u16, Vec<SpeakerIn>, String)>,
}

impl ItemIn {
    fn get(&self, ids: &[String]) -> Option<AgendaItem> {
        let mut b = AgendaItem::builder(self.number);
        if let Some(t) = &self.title {
            b = b.title(t.as_str());
        }
        for t in self.topics.iter().take(MAX_LIST) {
            let cat = pick(TopicCategory::ALL, t.category)?;
            let mut tb = Topic::builder(cat, t.label.as_str());
            for k in t.keywords.iter().take(MAX_LIST) {
                tb = tb.keyword(k.as_str());
            }
            for a in t.aliases.iter().take(MAX_LIST) {
                tb = tb.alias(a.as_str());
            }
            if let Ok(topic) = tb.build() {
                b = b.topic(topic);
            }
        }
        for (who, verb, text) in self.statements.iter().take(MAX_LIST) {
            b = b.statement(who.get(ids), pick(Verb::ALL, *verb)?, text.as_str());
        }
        for (verb, parties, text) in self.outcomes.iter().take(MAX_LIST) {
            let parties: Vec<String> = parties.iter().take(MAX_LIST).map(|p| p.get(ids)).collect();
            b = b.outcome(pick(Verb::ALL, *verb)?, parties, text.as_str());
        }
        b.build().ok()
    }
}

#[derive(Arbitrary, Debug, Clone)]
pub enum StartIn {
    None,
    At(CivilIn),
    On(DateIn),
    Zoned {
        civil: CivilIn,
        zone: u16,
        policy: u8,
    },
}

#[derive(Arbitrary, Debug, Clone)]
pub struct VenueIn {
    pub place: String,
    pub country: CountryIn,
    pub zone: u16,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct MeetingIn {
    pub title: String,
    pub mode: Option<u16>,
    pub form: Option<u16>,
    pub status: Option<u16>,
    pub venue: Option<VenueIn>,
    pub zone: Option<u16>,
    pub occasion: Option<String>,
    pub start: StartIn,
    pub disambiguation: Option<u8>,
    pub duration: Option<DurationIn>,
    pub approximate: bool,
    pub participants: Vec<MinisterIn>,
    pub agenda: Vec<ItemIn>,
    pub sources: Vec<(String, Option<String>)>,
}

impl MeetingIn {
    /// Feeds the description through the builders. `None` when a part
    /// could not be built (its builder returned an error, which is fine);
    /// otherwise the meeting builder's own result.
    pub fn build(&self) -> Option<Result<Meeting, diplomeet::Error>> {
        let mut b = Meeting::builder(self.title.as_str());
        if let Some(m) = self.mode {
            b = b.mode(pick(Mode::ALL, m)?);
        }
        if let Some(f) = self.form {
            b = b.form(pick(MeetingForm::ALL, f)?);
        }
        if let Some(s) = self.status {
            b = b.status(pick(MeetingStatus::ALL, s)?);
        }
        if let Some(v) = &self.venue {
            let venue = Venue::new(v.place.as_str(), v.country.get()?, zone(v.zone)).ok()?;
            b = b.venue(venue);
        }
        if let Some(z) = self.zone {
            b = b.zone(zone(z));
        }
        if let Some(o) = &self.occasion {
            b = b.occasion(o.as_str());
        }
        match &self.start {
            StartIn::None => {}
            StartIn::At(c) => b = b.starts_at(c.get()?),
            StartIn::On(d) => b = b.starts_on(d.get()?),
            StartIn::Zoned {
                civil,
                zone: z,
                policy,
            } => {
                let zoned =
                    ZonedDateTime::resolve(civil.get()?, zone(*z), disambiguation(*policy)).ok()?;
                b = b.start(zoned);
            }
        }
        if let Some(p) = self.disambiguation {
            b = b.disambiguation(disambiguation(p));
        }
        if let Some(d) = self.duration {
            b = b.duration(d.get());
        }
        b = b.approximate(self.approximate);
        let mut ids = Vec::new();
        for p in self.participants.iter().take(MAX_PARTICIPANTS) {
            if let Some(m) = p.get() {
                ids.push(m.id().to_owned());
                b = b.participant(m);
            }
        }
        for item in self.agenda.iter().take(MAX_ITEMS) {
            if let Some(i) = item.get(&ids) {
                b = b.agenda_item(i);
            }
        }
        for (url, publisher) in self.sources.iter().take(MAX_LIST) {
            if let Ok(s) = Source::new(url.as_str(), publisher.as_deref()) {
                b = b.source(s);
            }
        }
        Some(b.build())
    }
}

/// Everything a valid meeting promises: derived values compute without
/// panicking, and the JSON document round-trips exactly.
pub fn check_meeting(meeting: &Meeting) {
    let _ = (
        meeting.kind(),
        meeting.venue_relation(),
        meeting.countries(),
        meeting.date(),
    );
    let _ = (meeting.start(), meeting.end(), meeting.local_times());
    for tz in [Tz::UTC, Tz::Pacific__Kiritimati, Tz::Pacific__Niue] {
        let _ = (
            meeting.start_in(tz),
            meeting.end_in(tz),
            meeting.local_time_in(tz),
        );
    }
    let compact = meeting
        .to_json_compact()
        .expect("a valid meeting serializes");
    let again = Meeting::from_json(&compact)
        .unwrap_or_else(|e| panic!("a built meeting's JSON is refused: {e}\n{compact}"));
    assert_eq!(
        &again, meeting,
        "JSON round trip changed the meeting\n{compact}"
    );
    assert_eq!(again.to_json_compact().expect("serialize"), compact);
}
