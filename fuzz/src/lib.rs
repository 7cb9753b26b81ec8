//! Structured inputs shared by the fuzz targets: `arbitrary`-derived
//! descriptions of meetings, ministers and slot searches, and the code that
//! feeds them through diplomeet's public builders.
//!
//! Everything is chosen by index where the library has a closed set (zones
//! from `chrono_tz::TZ_VARIANTS` or from a country's own zones, countries
//! and organisations from `Country::all()` / `Country::organisations()`,
//! enum values from their `ALL` lists), and text either picked from a short
//! list of readout-like words (so that valid meetings are common) or raw (so
//! that every validation error is reached).
//!
//! The meeting description covers the diplomeet/2 model: participants as
//! people (named, or known by their post alone) or groups, with roles,
//! attendance and the place they called from; posts with status and
//! portfolio name; agenda items with labels, nested sub-items and one
//! ordered list of entries (wording, source index); parts; an occasion with
//! its relation and visitor; sources with publisher country, dates, the
//! republisher and the original; what is stated and what is inferred (title,
//! zone and date bases, stated times, approximate start); every kind of
//! start.

use arbitrary::Arbitrary;
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use chrono_tz::{TZ_VARIANTS, Tz};
use diplomeet::export::{Readout, cameo_events, plover_records, readout, to_ics, to_json_ld};
use diplomeet::schedule::StatedTime;
use diplomeet::{
    AgendaItem, Attendance, Country, DateBasis, Disambiguation, Entry, Group, Meeting,
    MeetingBuilder, MeetingForm, MeetingStatus, Minister, Mode, NameOrder, Occasion,
    OccasionRelation, Part, Participant, PersonName, Place, PlaceBasis, Portfolio, Post,
    PostStatus, Role, Source, StatedText, Term, TitleBasis, Topic, TopicCategory, Venue, Verb,
    ZoneBasis, ZonedDateTime,
};

/// Caps on collection sizes, so an input spends its bytes on content.
const MAX_PARTICIPANTS: usize = 6;
const MAX_ITEMS: usize = 4;
const MAX_LIST: usize = 4;
/// Sub-items deeper than this are not built (the library's default limit
/// is 4 levels: one more reaches its error).
const MAX_DEPTH: usize = 6;

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

/// Words of real readouts (and a few awkward ones), so that most texts pass
/// the builders' checks and the fuzzer reaches the rules across fields.
const WORDS: &[&str] = &[
    "Japan-Chile Foreign Ministers' Meeting",
    "Telephone Talk",
    "Working Dinner",
    "Session 1",
    "G7 Foreign Ministers' Meeting",
    "APEC Ministerial Meeting",
    "Minister for Foreign Affairs",
    "Minister of Foreign Affairs",
    "Secretary of State",
    "Deputy Prime Minister and Minister of Foreign Affairs",
    "Secretary-General",
    "Prime Minister",
    "Foreign Minister",
    "climate",
    "1.",
    "2.",
    "(1)",
    "(a)",
    "reiterated",
    "underscored",
    "expressed his appreciation",
    "looked forward",
    "that the two countries would cooperate closely",
    "to strengthen relations",
    "the situation in Ukraine",
    "San Francisco",
    "Bangkok",
    "Tokyo",
    "today",
    "on Monday",
    "Ministry of Foreign Affairs of Japan",
    "U.S. Department of State",
    "Global Affairs Canada",
    "Reuters",
    "g7",
    "asean-ministers",
    "jp-kamikawa-yoko",
    "us-blinken",
    "Yoko",
    "Kamikawa",
    "Alberto Leo",
    "van Klaveren",
    "Stork",
    "上川陽子",
    "H.E. Mr.",
    "Ms.",
    "Ünïcödé Ñame",
    " padded ",
    "\u{200b}",
    "x",
    "2:45 p.m.",
    "4:00 p.m. (local time)",
    "9:00 a.m. on November 14, Japan time",
];

/// A text: a readout-like word by index, or anything.
#[derive(Arbitrary, Debug, Clone)]
pub enum TextIn {
    Pick(u8),
    Raw(String),
}

impl TextIn {
    pub fn get(&self) -> String {
        match self {
            TextIn::Pick(i) => pick(WORDS, u16::from(*i)).unwrap_or_default().to_owned(),
            TextIn::Raw(s) => s.clone(),
        }
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
        let secs = if self.nanos.is_multiple_of(4) {
            self.secs
        } else {
            self.secs / 60 * 60
        };
        let nanos = if self.nanos.is_multiple_of(8) { self.nanos } else { 0 };
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
    /// A built-in international organisation (UN, EU, NATO, ASEAN, ...).
    Organisation(u8),
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
            CountryIn::Organisation(i) => {
                let n = Country::organisations().len();
                Country::organisations().nth(usize::from(*i) % n.max(1))
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

/// A zone for a place in a country: its capital's, one of its own, or any.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum ZoneSel {
    Capital,
    OfCountry(u8),
    Any(u16),
}

impl ZoneSel {
    pub fn get(self, country: &Country) -> Tz {
        match self {
            ZoneSel::Capital => country.capital_zone(),
            ZoneSel::OfCountry(i) => pick(country.zones(), u16::from(i)).unwrap_or(Tz::UTC),
            ZoneSel::Any(i) => zone(i),
        }
    }
}

#[derive(Arbitrary, Debug, Clone)]
pub struct PostIn {
    pub portfolio: u8,
    pub portfolio_name: Option<TextIn>,
    pub title: TextIn,
    pub status: Option<u8>,
    pub term: Option<(Option<DateIn>, Option<DateIn>)>,
}

impl PostIn {
    pub fn get(&self) -> Option<Post> {
        let portfolio = pick(Portfolio::ALL, u16::from(self.portfolio))?;
        let mut post = Post::new(portfolio, self.title.get()).ok()?;
        if let Some(n) = &self.portfolio_name {
            post = post.with_portfolio_name(n.get()).ok()?;
        }
        if let Some(s) = self.status {
            post = post.with_status(pick(PostStatus::ALL, u16::from(s))?);
        }
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
pub struct NameIn {
    pub given: Option<TextIn>,
    pub surname: Option<TextIn>,
    pub second_surname: Option<TextIn>,
    pub surname_first: bool,
    pub uppercase: bool,
    pub native: Option<TextIn>,
}

impl NameIn {
    pub fn get(&self) -> Option<PersonName> {
        let mut n = PersonName::builder();
        if let Some(g) = &self.given {
            n = n.given(g.get());
        }
        if let Some(s) = &self.surname {
            n = n.surname(s.get());
        }
        if let Some(s) = &self.second_surname {
            n = n.second_surname(s.get());
        }
        if let Some(s) = &self.native {
            n = n.native(s.get());
        }
        n.order(if self.surname_first {
            NameOrder::SurnameFirst
        } else {
            NameOrder::GivenFirst
        })
        .uppercase_surname(self.uppercase)
        .build()
        .ok()
    }
}

/// A person: named, or (no name) known by their first post alone.
#[derive(Arbitrary, Debug, Clone)]
pub struct MinisterIn {
    pub name: Option<NameIn>,
    pub country: CountryIn,
    pub honorific: Option<TextIn>,
    pub id: Option<TextIn>,
    pub posts: Vec<PostIn>,
    pub home_zone: Option<u16>,
}

impl MinisterIn {
    pub fn get(&self) -> Option<Minister> {
        let country = self.country.get()?;
        let mut posts = self.posts.iter().take(MAX_LIST).filter_map(PostIn::get);
        let mut b = match &self.name {
            Some(n) => Minister::builder(n.get()?, country),
            None => Minister::by_post(country, posts.next()?),
        };
        for post in posts {
            b = b.post(post);
        }
        if let Some(h) = &self.honorific {
            b = b.honorific(h.get());
        }
        if let Some(id) = &self.id {
            b = b.id(id.get());
        }
        if let Some(z) = self.home_zone {
            b = b.home_zone(zone(z));
        }
        b.build().ok()
    }
}

#[derive(Arbitrary, Debug, Clone)]
pub struct PlaceIn {
    pub name: TextIn,
    pub located: Option<(CountryIn, ZoneSel)>,
}

impl PlaceIn {
    pub fn get(&self) -> Option<Place> {
        let place = Place::new(self.name.get()).ok()?;
        match &self.located {
            Some((c, z)) => {
                let country = c.get()?;
                let tz = z.get(&country);
                place.in_country(country, tz).ok()
            }
            None => Some(place),
        }
    }
}

#[derive(Arbitrary, Debug, Clone)]
pub enum WhoIn {
    Person(Box<MinisterIn>),
    Group {
        id: TextIn,
        name: TextIn,
        members: Vec<CountryIn>,
    },
}

/// A participant: added plainly (`participant`, `group`: a principal), or
/// built with `Participant::person` / `Participant::group` and its roles,
/// attendance and the place it called from.
#[derive(Arbitrary, Debug, Clone)]
pub struct ParticipantIn {
    pub who: WhoIn,
    pub plain: bool,
    pub roles: Vec<u8>,
    pub attendance: Option<u8>,
    pub calling_from: Option<PlaceIn>,
}

impl ParticipantIn {
    /// Adds the participant to `b` and its id to `ids`; `b` unchanged when
    /// a part of it could not be built.
    fn add(&self, b: MeetingBuilder, ids: &mut Vec<String>) -> MeetingBuilder {
        match self.build_into(b.clone(), ids) {
            Some(b) => b,
            None => b,
        }
    }

    fn build_into(&self, b: MeetingBuilder, ids: &mut Vec<String>) -> Option<MeetingBuilder> {
        let builder = match &self.who {
            WhoIn::Person(m) => {
                let m = m.get()?;
                if self.plain {
                    ids.push(m.id().to_owned());
                    return Some(b.participant(m));
                }
                Participant::person(m)
            }
            WhoIn::Group { id, name, members } => {
                let members: Option<Vec<Country>> =
                    members.iter().take(MAX_LIST).map(CountryIn::get).collect();
                let g = Group::new(id.get(), name.get(), members?).ok()?;
                if self.plain {
                    ids.push(g.id().to_owned());
                    return Some(b.group(g));
                }
                Participant::group(g)
            }
        };
        let mut pb = builder;
        for r in self.roles.iter().take(MAX_LIST) {
            pb = pb.role(pick(Role::ALL, u16::from(*r))?);
        }
        if let Some(a) = self.attendance {
            pb = pb.attendance(pick(Attendance::ALL, u16::from(a))?);
        }
        if let Some(p) = &self.calling_from {
            pb = pb.calling_from(p.get()?);
        }
        let p = pb.build().ok()?;
        ids.push(p.id().to_owned());
        Some(b.with_participant(p))
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

fn speakers(who: &[SpeakerIn], ids: &[String]) -> Vec<String> {
    who.iter().take(MAX_LIST).map(|p| p.get(ids)).collect()
}

#[derive(Arbitrary, Debug, Clone)]
pub struct TopicIn {
    pub category: u16,
    pub label: TextIn,
    pub keywords: Vec<TextIn>,
    pub aliases: Vec<TextIn>,
}

/// The readout's own word for a verb: a verb's phrase, or any text.
#[derive(Arbitrary, Debug, Clone)]
pub enum WordingIn {
    Phrase(u16),
    Text(TextIn),
}

impl WordingIn {
    fn get(&self) -> String {
        match self {
            WordingIn::Phrase(i) => pick(Verb::ALL, *i)
                .map(Verb::phrase)
                .unwrap_or_default()
                .to_owned(),
            WordingIn::Text(t) => t.get(),
        }
    }
}

#[derive(Arbitrary, Debug, Clone)]
pub enum EntryIn {
    /// `AgendaItemBuilder::statement`.
    Statement(SpeakerIn, u16, TextIn),
    /// `AgendaItemBuilder::outcome`.
    Outcome(u16, Vec<SpeakerIn>, TextIn),
    /// `Entry::by`, with the readout's wording (its verb read from the
    /// wording by `Verb::for_wording` when `verb` is `None`) and the index
    /// of the source that reported it.
    By {
        who: Vec<SpeakerIn>,
        verb: Option<u16>,
        wording: Option<WordingIn>,
        text: TextIn,
        source: Option<u8>,
    },
}

#[derive(Arbitrary, Debug, Clone)]
pub enum LabelIn {
    Number(u32),
    Text(TextIn),
}

#[derive(Arbitrary, Debug, Clone)]
pub struct ItemIn {
    pub label: Option<LabelIn>,
    pub title: Option<TextIn>,
    pub topics: Vec<TopicIn>,
    pub entries: Vec<EntryIn>,
    pub items: Vec<ItemIn>,
}

impl ItemIn {
    /// `sources`: how many sources the meeting has (an entry's source
    /// index mostly names one of them).
    fn get(&self, ids: &[String], sources: usize, depth: usize) -> Option<AgendaItem> {
        let mut b = AgendaItem::builder();
        match &self.label {
            Some(LabelIn::Number(n)) => b = b.number(*n),
            Some(LabelIn::Text(t)) => b = b.label(t.get()),
            None => {}
        }
        if let Some(t) = &self.title {
            b = b.title(t.get());
        }
        for t in self.topics.iter().take(MAX_LIST) {
            let cat = pick(TopicCategory::ALL, t.category)?;
            let mut tb = Topic::builder(cat, t.label.get());
            for k in t.keywords.iter().take(MAX_LIST) {
                tb = tb.keyword(k.get());
            }
            for a in t.aliases.iter().take(MAX_LIST) {
                tb = tb.alias(a.get());
            }
            if let Ok(topic) = tb.build() {
                b = b.topic(topic);
            }
        }
        for e in self.entries.iter().take(MAX_LIST * 2) {
            b = match e {
                EntryIn::Statement(who, verb, text) => {
                    b.statement(who.get(ids), pick(Verb::ALL, *verb)?, text.get())
                }
                EntryIn::Outcome(verb, parties, text) => {
                    b.outcome(pick(Verb::ALL, *verb)?, speakers(parties, ids), text.get())
                }
                EntryIn::By {
                    who,
                    verb,
                    wording,
                    text,
                    source,
                } => {
                    let wording = wording.as_ref().map(WordingIn::get);
                    let verb = match (verb, &wording) {
                        (Some(v), _) => pick(Verb::ALL, *v)?,
                        (None, Some(w)) => Verb::for_wording(w)?,
                        (None, None) => Verb::Stated,
                    };
                    let mut entry = Entry::by(speakers(who, ids), verb, text.get());
                    if let Some(w) = wording {
                        entry = entry.with_wording(w);
                    }
                    if let Some(s) = source {
                        let s = usize::from(*s);
                        entry = entry.with_source(match sources {
                            0 => s % 4,
                            n if s < 250 => s % n,
                            _ => s % 8,
                        });
                    }
                    b.entry(entry)
                }
            };
        }
        if depth < MAX_DEPTH {
            for sub in self.items.iter().take(MAX_LIST) {
                if let Some(i) = sub.get(ids, sources, depth + 1) {
                    b = b.item(i);
                }
            }
        }
        b.build().ok()
    }
}

/// A year: near the present, or anywhere.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum YearIn {
    Near(u8),
    Any(i32),
}

impl YearIn {
    fn get(self) -> i32 {
        match self {
            YearIn::Near(y) => 1950 + i32::from(y),
            YearIn::Any(y) => y,
        }
    }
}

#[derive(Arbitrary, Debug, Clone)]
pub enum StartIn {
    None,
    At(CivilIn),
    On(DateIn),
    InMonth {
        year: YearIn,
        month: u8,
    },
    /// A resolved time, in the given zone or (`None`) in the meeting's.
    Zoned {
        civil: CivilIn,
        zone: Option<u16>,
        policy: u8,
    },
}

impl StartIn {
    fn civil(&self) -> Option<NaiveDateTime> {
        match self {
            StartIn::At(c) | StartIn::Zoned { civil: c, .. } => c.get(),
            _ => None,
        }
    }
}

#[derive(Arbitrary, Debug, Clone)]
pub enum DateBasisIn {
    Stated,
    YearInferred(DateIn),
    Relative(TextIn, DateIn),
}

impl DateBasisIn {
    fn get(&self) -> Option<DateBasis> {
        Some(match self {
            DateBasisIn::Stated => DateBasis::Stated,
            DateBasisIn::YearInferred(d) => DateBasis::YearInferred {
                published: d.get()?,
            },
            DateBasisIn::Relative(phrase, d) => DateBasis::Relative {
                phrase: phrase.get(),
                published: d.get()?,
            },
        })
    }
}

const ABBREVIATIONS: &[&str] = &[
    "JST", "PST", "PDT", "EST", "EDT", "CET", "CEST", "GMT", "UTC", "Z", "CLT", "BST", "IST",
    "AEDT", "SGT", "XYZ",
];

#[derive(Arbitrary, Debug, Clone)]
pub enum StatedZoneIn {
    None,
    Iana(u16),
    Abbreviation(u8),
    Numeric(i8, u8),
    Raw(String),
}

/// A time as the readout stated it: raw text, or pieces of one; with or
/// without the readout's words.
#[derive(Arbitrary, Debug, Clone)]
pub enum StatedIn {
    Raw(String, Option<TextIn>),
    Parts {
        civil: CivilIn,
        seconds: bool,
        zone: StatedZoneIn,
        text: Option<TextIn>,
    },
}

impl StatedIn {
    fn get(&self) -> Option<StatedText> {
        let (time, text) = match self {
            StatedIn::Raw(s, text) => (s.parse::<StatedTime>().ok()?, text),
            StatedIn::Parts {
                civil,
                seconds,
                zone: z,
                text,
            } => {
                let c = civil.get()?;
                let civil = if *seconds {
                    c.format("%Y-%m-%dT%H:%M:%S").to_string()
                } else {
                    c.format("%Y-%m-%dT%H:%M").to_string()
                };
                let s = match z {
                    StatedZoneIn::None => civil,
                    StatedZoneIn::Iana(i) => format!("{civil} {}", zone(*i).name()),
                    StatedZoneIn::Abbreviation(i) => {
                        format!("{civil} {}", pick(ABBREVIATIONS, u16::from(*i))?)
                    }
                    StatedZoneIn::Numeric(h, m) => format!("{civil} {:+03}{:02}", h % 25, m % 60),
                    StatedZoneIn::Raw(r) => format!("{civil} {r}"),
                };
                (s.parse::<StatedTime>().ok()?, text)
            }
        };
        let stated = StatedText::new(time);
        Some(match text {
            Some(t) => stated.with_text(t.get()),
            None => stated,
        })
    }
}

#[derive(Arbitrary, Debug, Clone)]
pub struct VenueIn {
    pub place: TextIn,
    pub country: CountryIn,
    pub zone: ZoneSel,
    /// `Venue::in_country`: the country alone.
    pub whole_country: bool,
    pub basis: Option<u8>,
    pub premises_of: Option<CountryIn>,
}

impl VenueIn {
    fn get(&self) -> Option<Venue> {
        let country = self.country.get()?;
        let tz = self.zone.get(&country);
        let mut v = if self.whole_country {
            Venue::in_country(country, tz).ok()?
        } else {
            Venue::new(self.place.get(), country, tz).ok()?
        };
        if let Some(b) = self.basis {
            v = v.with_basis(pick(PlaceBasis::ALL, u16::from(b))?);
        }
        if let Some(p) = &self.premises_of {
            v = v.on_premises_of(p.get()?);
        }
        Some(v)
    }
}

#[derive(Arbitrary, Debug, Clone)]
pub enum OccasionIn {
    /// `MeetingBuilder::occasion`: on the sidelines of.
    Sidelines(TextIn),
    /// `Occasion::new` with a relation, and a visitor.
    With {
        name: TextIn,
        relation: u8,
        visitor: Option<SpeakerIn>,
    },
}

#[derive(Arbitrary, Debug, Clone)]
pub enum PartStartIn {
    None,
    At(CivilIn),
    /// Minutes after the meeting's civil start.
    After(i16),
    On(DateIn),
    Zoned {
        civil: CivilIn,
        zone: Option<u16>,
        policy: u8,
    },
}

#[derive(Arbitrary, Debug, Clone)]
pub struct PartIn {
    pub form: u16,
    pub title: Option<TextIn>,
    pub mode: Option<u16>,
    pub start: PartStartIn,
    pub duration: Option<DurationIn>,
    /// `PartBuilder::minutes`.
    pub minutes: Option<i64>,
    pub approximate: bool,
    pub participants: Vec<SpeakerIn>,
}

impl PartIn {
    fn get(
        &self,
        ids: &[String],
        meeting_start: Option<NaiveDateTime>,
        meeting_zone: Option<Tz>,
    ) -> Option<Part> {
        let mut b = Part::builder(pick(MeetingForm::ALL, self.form)?);
        if let Some(t) = &self.title {
            b = b.title(t.get());
        }
        if let Some(m) = self.mode {
            b = b.mode(pick(Mode::ALL, m)?);
        }
        match &self.start {
            PartStartIn::None => {}
            PartStartIn::At(c) => b = b.starts_at(c.get()?),
            PartStartIn::After(m) => {
                let start =
                    meeting_start?.checked_add_signed(TimeDelta::try_minutes(i64::from(*m))?)?;
                b = b.starts_at(start);
            }
            PartStartIn::On(d) => b = b.starts_on(d.get()?),
            PartStartIn::Zoned {
                civil,
                zone: z,
                policy,
            } => {
                let tz = z.map(zone).or(meeting_zone).unwrap_or(Tz::UTC);
                b = b
                    .start(ZonedDateTime::resolve(civil.get()?, tz, disambiguation(*policy)).ok()?);
            }
        }
        if let Some(d) = self.duration {
            b = b.duration(d.get());
        }
        if let Some(m) = self.minutes {
            b = b.minutes(m);
        }
        b = b.approximate(self.approximate);
        for id in speakers(&self.participants, ids) {
            b = b.participant(id);
        }
        b.build().ok()
    }
}

const HOSTS: &[&str] = &[
    "www.mofa.go.jp",
    "www.state.gov",
    "www.gov.uk",
    "www.international.gc.ca",
    "www.mfa.gov.sg",
    "www.mea.gov.in",
    "minrel.gob.cl",
    "www.pm.gc.ca",
];

#[derive(Arbitrary, Debug, Clone)]
pub enum UrlIn {
    Known { host: u8, page: u16, http: bool },
    Raw(String),
}

impl UrlIn {
    fn get(&self) -> String {
        match self {
            UrlIn::Known { host, page, http } => format!(
                "{}://{}/{page}",
                if *http { "http" } else { "https" },
                pick(HOSTS, u16::from(*host)).unwrap_or_default()
            ),
            UrlIn::Raw(s) => s.clone(),
        }
    }
}

#[derive(Arbitrary, Debug, Clone)]
pub struct SourceIn {
    pub url: UrlIn,
    pub publisher: Option<TextIn>,
    pub by: Option<CountryIn>,
    pub published: Option<DateIn>,
    pub published_inferred: bool,
    pub via: Option<TextIn>,
    pub original: Option<UrlIn>,
    pub reported: Option<DateIn>,
    pub attributed_to: Option<TextIn>,
}

impl SourceIn {
    /// `raw`: set `published_inferred` even without a publication date (an
    /// error of the meeting's `build()`).
    fn get(&self, raw: bool) -> Option<Source> {
        let mut s = Source::new(self.url.get(), self.publisher.as_ref().map(TextIn::get)).ok()?;
        if let Some(c) = &self.by {
            s = s.by(c.get()?);
        }
        if let Some(d) = self.published {
            s = s.published(d.get()?);
        }
        if raw || self.published.is_some() {
            s = s.published_inferred(self.published_inferred);
        }
        if let Some(v) = &self.via {
            s = s.via(v.get()).ok()?;
        }
        if let Some(o) = &self.original {
            s = s.original(o.get()).ok()?;
        }
        if let Some(d) = self.reported {
            s = s.reporting_date(d.get()?);
        }
        if let Some(a) = &self.attributed_to {
            s = s.attributed_to(a.get()).ok()?;
        }
        Some(s)
    }
}

#[derive(Arbitrary, Debug, Clone)]
pub struct MeetingIn {
    pub id: Option<TextIn>,
    pub title: TextIn,
    pub title_basis: Option<u8>,
    pub mode: Option<u16>,
    pub form: Option<u16>,
    pub status: Option<u16>,
    pub venue: Option<VenueIn>,
    pub zone: Option<u16>,
    pub zone_basis: Option<u8>,
    pub occasion: Option<OccasionIn>,
    pub start: StartIn,
    pub start_approximate: bool,
    pub date_basis: Option<DateBasisIn>,
    pub stated_times: Vec<StatedIn>,
    pub disambiguation: Option<u8>,
    pub duration: Option<DurationIn>,
    pub approximate: bool,
    pub participants: Vec<ParticipantIn>,
    pub agenda: Vec<ItemIn>,
    /// Set the flags that need another field (an approximate start, an
    /// approximate duration, an inferred publication date) even without
    /// it: otherwise they are set only when they mean something, so that
    /// more inputs build a valid meeting.
    pub raw_flags: bool,
    pub parts: Vec<PartIn>,
    pub sources: Vec<SourceIn>,
}

impl MeetingIn {
    /// Feeds the description through the builders. `None` when a part
    /// could not be built (its builder returned an error, which is fine);
    /// otherwise the meeting builder's own result.
    pub fn build(&self) -> Option<Result<Meeting, diplomeet::Error>> {
        let mut b = Meeting::builder(self.title.get());
        if let Some(id) = &self.id {
            b = b.id(id.get());
        }
        if let Some(t) = self.title_basis {
            b = b.title_basis(pick(TitleBasis::ALL, u16::from(t))?);
        }
        if let Some(m) = self.mode {
            b = b.mode(pick(Mode::ALL, m)?);
        }
        if let Some(f) = self.form {
            b = b.form(pick(MeetingForm::ALL, f)?);
        }
        if let Some(s) = self.status {
            b = b.status(pick(MeetingStatus::ALL, s)?);
        }
        let venue = match &self.venue {
            Some(v) => Some(v.get()?),
            None => None,
        };
        let meeting_zone = venue.as_ref().map(Venue::zone).or(self.zone.map(zone));
        if let Some(v) = venue {
            b = b.venue(v);
        }
        if let Some(z) = self.zone {
            b = b.zone(zone(z));
        }
        if let Some(z) = self.zone_basis {
            b = b.zone_basis(pick(ZoneBasis::ALL, u16::from(z))?);
        }
        let mut ids = Vec::new();
        for p in self.participants.iter().take(MAX_PARTICIPANTS) {
            b = p.add(b, &mut ids);
        }
        match &self.occasion {
            None => {}
            Some(OccasionIn::Sidelines(name)) => b = b.occasion(name.get()),
            Some(OccasionIn::With {
                name,
                relation,
                visitor,
            }) => {
                let relation = pick(OccasionRelation::ALL, u16::from(*relation))?;
                let mut o = Occasion::new(name.get(), relation).ok()?;
                if let Some(v) = visitor {
                    o = o.with_visitor(v.get(&ids));
                }
                b = b.occasion_with(o);
            }
        }
        match &self.start {
            StartIn::None => {}
            StartIn::At(c) => b = b.starts_at(c.get()?),
            StartIn::On(d) => b = b.starts_on(d.get()?),
            StartIn::InMonth { year, month } => {
                b = b.starts_in_month(year.get(), u32::from(*month % 14));
            }
            StartIn::Zoned {
                civil,
                zone: z,
                policy,
            } => {
                let tz = z.map(zone).or(meeting_zone).unwrap_or(Tz::UTC);
                let zoned =
                    ZonedDateTime::resolve(civil.get()?, tz, disambiguation(*policy)).ok()?;
                b = b.start(zoned);
            }
        }
        if self.raw_flags || self.start.civil().is_some() {
            b = b.start_approximate(self.start_approximate);
        }
        if let Some(d) = &self.date_basis {
            b = b.date_basis(d.get()?);
        }
        for s in self.stated_times.iter().take(MAX_LIST) {
            if let Some(s) = s.get() {
                b = b.stated_time_text(s);
            }
        }
        if let Some(p) = self.disambiguation {
            b = b.disambiguation(disambiguation(p));
        }
        if let Some(d) = self.duration {
            b = b.duration(d.get());
        }
        if self.raw_flags || self.duration.is_some() {
            b = b.approximate(self.approximate);
        }
        let mut sources = 0;
        for s in self.sources.iter().take(MAX_LIST) {
            if let Some(s) = s.get(self.raw_flags) {
                b = b.source(s);
                sources += 1;
            }
        }
        for item in self.agenda.iter().take(MAX_ITEMS) {
            if let Some(i) = item.get(&ids, sources, 1) {
                b = b.agenda_item(i);
            }
        }
        let civil_start = self.start.civil();
        for part in self.parts.iter().take(MAX_LIST) {
            if let Some(p) = part.get(&ids, civil_start, meeting_zone) {
                b = b.part(p);
            }
        }
        Some(b.build())
    }
}

/// The `builders` target's input: a meeting and, optionally, a second report
/// to merge into it.
#[derive(Arbitrary, Debug, Clone)]
pub struct BuildersInput {
    pub meeting: MeetingIn,
    pub other: Option<MeetingIn>,
}

/// The derived values and the exports: all must compute without panicking.
fn derived(meeting: &Meeting) {
    let _ = (
        meeting.id(),
        meeting.kind(),
        meeting.venue_relation(),
        meeting.countries(),
        meeting.date(),
        meeting.when().year(),
        meeting.spans(),
        meeting.entries().count(),
        meeting.ministers().count(),
        meeting.check_stated_times(),
        meeting.to_string(),
    );
    for s in meeting.stated_times() {
        let _ = meeting.check_stated(s.time());
    }
    for p in meeting.participants() {
        let _ = (p.clock_zone(), p.parties(), meeting.participant(p.id()));
    }
    for part in meeting.parts() {
        let _ = part.end();
    }
    let _ = (meeting.start(), meeting.end(), meeting.local_times());
    for tz in [Tz::UTC, Tz::Pacific__Kiritimati, Tz::Pacific__Niue] {
        let _ = (
            meeting.start_in(tz),
            meeting.end_in(tz),
            meeting.local_time_in(tz),
        );
    }
    let _ = readout(meeting, Tz::Asia__Tokyo);
    let r = Readout::new(Tz::Pacific__Kiritimati)
        .title(false)
        .items(false)
        .short_country_names(true);
    let _ = (r.render(meeting), r.timing_clause(meeting), r.lead(meeting));
    let _ = to_json_ld(meeting);
    let _ = cameo_events(meeting);
    if let Ok(records) = plover_records(meeting) {
        for r in records {
            let _ = r.to_json();
        }
    }
    if let Some(stamp) = DateTime::from_timestamp(1_700_000_000, 0) {
        let _ = to_ics(std::slice::from_ref(meeting), stamp);
    }
}

/// The JSON document round-trips exactly.
fn round_trip(meeting: &Meeting) {
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

/// Everything a valid meeting promises: derived values and exports compute
/// without panicking, the JSON document round-trips exactly, the builder
/// `to_builder` gives builds the same meeting again, and merging the
/// meeting with itself gives a record that round-trips too.
pub fn check_meeting(meeting: &Meeting) {
    derived(meeting);
    round_trip(meeting);
    let rebuilt = meeting
        .to_builder()
        .build()
        .unwrap_or_else(|e| panic!("to_builder().build() refuses a valid meeting: {e}"));
    assert_eq!(
        &rebuilt, meeting,
        "to_builder().build() changed the meeting"
    );
    if let Ok(merged) = meeting.merge(meeting) {
        derived(&merged);
        round_trip(&merged);
    }
}

/// Two meetings merged (a second ministry's report): no panic, and the
/// merged record holds and round-trips.
pub fn check_merge(a: &Meeting, b: &Meeting) {
    if let Ok(merged) = a.merge(b) {
        derived(&merged);
        round_trip(&merged);
    }
}
