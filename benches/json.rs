//! The JSON document format against plain serde.
//!
//! Four benches in the group `json`, driven by outside tools under these
//! exact ids:
//!
//! - `json/decode_validate`: the document's bytes into a [`Meeting`] with
//!   [`Meeting::from_json_slice`] (deserialized and fully validated);
//! - `json/decode_baseline`: the same bytes into [`mirror::Meeting`], a
//!   private mirror of the `diplomeet/2` document format made of `String`,
//!   `Vec`, `Option`, `bool` and integers with serde derive and no checks;
//! - `json/encode`: [`Meeting::to_json_compact`];
//! - `json/encode_baseline`: `serde_json::to_string` of the mirror value
//!   decoded from the same document.
//!
//! The document is the reference meeting of `examples/support/seed.rs`
//! written the way `diplomeet/2` lets a record say more: an identifier, a
//! hybrid meeting with an attendee in the room and another calling in from
//! Santiago, roles, the occasion with its relation and visitor, the times as
//! the readout printed them, two parts (the meeting and a working dinner),
//! two sources with their publishers, dates, republisher and original
//! address, and the seed's five items repeated, each with its printed label,
//! entries in the readout's order carrying the readout's own wording and the
//! source that reported them, and a sub-item (twelve items in all). About
//! 20 KB of compact JSON, the size of a long real readout. Both encoders
//! write compact JSON, and the setup checks that they write the same bytes,
//! so the baseline does exactly the serialization work the library does.
//!
//! ```text
//! cargo bench --bench json --features json -- --warm-up-time 1 --measurement-time 5
//! ```

use std::hint::black_box;

use chrono::{NaiveDate, TimeDelta};
use criterion::{Criterion, criterion_main};
use diplomeet::{
    AgendaItem, Attendance, Country, Entry, Meeting, MeetingForm, MeetingStatus, Minister, Mode,
    NameOrder, Occasion, OccasionRelation, Part, Participant, PersonName, Place, Portfolio, Post,
    Role, Source, Start, StatedText, StatedTime, Term, Verb, ZoneBasis,
};

#[path = "../examples/support/seed.rs"]
mod seed;

/// How many agenda items the document has: the seed's five, over and over.
const AGENDA_ITEMS: usize = 12;

/// A private mirror of the `diplomeet/2` document format (see
/// `src/json/mod.rs`): every field, plain types, no checks. Optional fields
/// are skipped when absent exactly as the library's writer skips them, and
/// fields come in the writer's order, so that both encoders write the same
/// text.
mod mirror {
    use serde::{Deserialize, Serialize};

    fn is_false(b: &bool) -> bool {
        !*b
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Meeting {
        pub format: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub id: Option<String>,
        pub title: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub title_basis: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub mode: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub form: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub status: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub venue: Option<Venue>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub zone: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub zone_basis: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub occasion: Option<Occasion>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub start: Option<String>,
        #[serde(default, skip_serializing_if = "is_false")]
        pub start_approximate: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub date_basis: Option<DateBasis>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub stated_times: Vec<Stated>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub duration: Option<String>,
        #[serde(default, skip_serializing_if = "is_false")]
        pub duration_approximate: bool,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub actors: Vec<Actor>,
        pub participants: Vec<Participant>,
        #[serde(default)]
        pub agenda: Vec<Item>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub parts: Vec<Part>,
        #[serde(default)]
        pub sources: Vec<Source>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Venue {
        pub place: String,
        pub country: String,
        pub zone: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub basis: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub premises_of: Option<String>,
    }

    /// The name alone (on the sidelines), or with its relation.
    #[derive(Serialize, Deserialize)]
    #[serde(untagged)]
    pub enum Occasion {
        Name(String),
        Full(OccasionFull),
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct OccasionFull {
        pub name: String,
        pub relation: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub visitor: Option<String>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct DateBasis {
        pub kind: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub phrase: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub published: Option<String>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Stated {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub text: Option<String>,
        pub time: String,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Actor {
        pub code: String,
        pub name: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub formal_name: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub alpha3: Option<String>,
        pub capital_zone: String,
        #[serde(default)]
        pub zones: Vec<String>,
    }

    /// A person, or a group (then `group` is set and the person's fields
    /// are absent).
    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Participant {
        pub id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub name: Option<Name>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub honorific: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub country: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub posts: Option<Vec<Post>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub group: Option<Group>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub home_zone: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub roles: Option<Vec<String>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub attendance: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub calling_from: Option<Place>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Group {
        pub name: String,
        #[serde(default)]
        pub members: Vec<String>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Place {
        pub place: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub country: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub zone: Option<String>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Name {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub given: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub surname: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub second_surname: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub order: Option<String>,
        #[serde(default, skip_serializing_if = "is_false")]
        pub uppercase_surname: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub native: Option<String>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Post {
        pub portfolio: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub portfolio_name: Option<String>,
        pub title: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub term: Option<Term>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub status: Option<String>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Term {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub start: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub end: Option<String>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Item {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub label: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub title: Option<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub topics: Vec<Topic>,
        pub entries: Vec<Entry>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub items: Vec<Item>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Topic {
        pub category: String,
        pub label: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub keywords: Vec<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub aliases: Vec<String>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Entry {
        pub who: Vec<String>,
        pub verb: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub wording: Option<String>,
        pub text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub source: Option<u32>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Part {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub title: Option<String>,
        pub form: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub mode: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub start: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub duration: Option<String>,
        #[serde(default, skip_serializing_if = "is_false")]
        pub duration_approximate: bool,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub participants: Vec<String>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Source {
        pub url: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub publisher: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub publisher_country: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub published: Option<String>,
        #[serde(default, skip_serializing_if = "is_false")]
        pub published_inferred: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub via: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub original_url: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub reported_date: Option<String>,
    }
}

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// The state minister who sat in on the Japanese side.
const STATE_MINISTER: &str = "jp-state-minister";
/// The Chilean undersecretary who joined from Santiago.
const UNDERSECRETARY: &str = "cl-undersecretary";

fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate, BoxError> {
    Ok(NaiveDate::from_ymd_opt(y, m, d).ok_or("invalid date")?)
}

/// The readout's own word for a canonical verb, where it used another.
fn wording(verb: Verb) -> Option<&'static str> {
    match verb {
        Verb::Confirmed => Some("reaffirmed"),
        Verb::Stated => Some("noted"),
        Verb::SharedView => Some("shared the view"),
        Verb::Welcomed => Some("welcomed warmly"),
        _ => None,
    }
}

/// A copy of `item` as a `diplomeet/2` readout has it: a printed label, its
/// entries with the readout's wording and the source that reported each
/// (alternately the Japanese and the Chilean readout), and a sub-item in
/// which the undersecretary calling in from Santiago speaks.
fn relabelled(item: &AgendaItem, number: usize) -> Result<AgendaItem, BoxError> {
    let mut b = AgendaItem::builder().label(format!("{number}."));
    if let Some(t) = item.title() {
        b = b.title(t);
    }
    for t in item.topics() {
        b = b.topic(t.clone());
    }
    for (i, e) in item.entries().iter().enumerate() {
        let mut entry = Entry::by(e.who(), e.verb(), e.text());
        if let Some(w) = wording(e.verb()) {
            entry = entry.with_wording(w);
        }
        entry = entry.with_source(i % 2);
        b = b.entry(entry);
    }
    let sub = AgendaItem::builder()
        .label("(a)")
        .entry(
            Entry::by(
                [UNDERSECRETARY],
                Verb::Explained,
                "the follow-up work of the ministry's bilateral desk on this item, \
                 to be reviewed at the next policy dialogue",
            )
            .with_wording("briefed on")
            .with_source(1),
        )
        .entry(Entry::by(
            [STATE_MINISTER, UNDERSECRETARY],
            Verb::Agreed,
            "to keep each other informed through the embassies",
        ))
        .build()?;
    Ok(b.item(sub).build()?)
}

fn state_minister() -> Result<Minister, BoxError> {
    let name = PersonName::builder()
        .surname("Tsuji")
        .given("Kiyoto")
        .order(NameOrder::SurnameFirst)
        .uppercase_surname(true)
        .build()?;
    let post = Post::new(
        Portfolio::ForeignAffairs,
        "State Minister for Foreign Affairs",
    )?
    .with_term(Term::new(Some(date(2023, 9, 15)?), None)?);
    Ok(Minister::builder(name, Country::from_code("JP")?)
        .id(STATE_MINISTER)
        .honorific("Mr.")
        .post(post)
        .build()?)
}

fn undersecretary() -> Result<Minister, BoxError> {
    let name = PersonName::builder()
        .given("Gloria")
        .surname("de la Fuente")
        .second_surname("González")
        .build()?;
    Ok(Minister::builder(name, Country::from_code("CL")?)
        .id(UNDERSECRETARY)
        .honorific("Ms.")
        .post(Post::new(
            Portfolio::Official,
            "Undersecretary of Foreign Affairs",
        )?)
        .build()?)
}

/// The bench's meeting: the seed, said the `diplomeet/2` way, with its
/// agenda repeated up to [`AGENDA_ITEMS`] items.
fn document_meeting() -> Result<Meeting, BoxError> {
    let seed = seed::meeting()?;
    let mut b = Meeting::builder(seed.title())
        .id("jp-cl-fmm-2023-11-13")
        .mode(Mode::Hybrid)
        .form(seed.form())
        .status(MeetingStatus::Held)
        .zone_basis(ZoneBasis::StatedLocal)
        .approximate(seed.duration_is_approximate())
        .occasion_with(
            Occasion::new("APEC Ministerial Meeting", OccasionRelation::Visit)?
                .with_visitor(seed::KAMIKAWA),
        )
        .stated_time_text(
            StatedText::new("2023-11-13T16:00 America/Los_Angeles".parse::<StatedTime>()?)
                .with_text("commencing at 4:00 p.m. (local time"),
        )
        .stated_time_text(
            StatedText::new("2023-11-14T09:00 JST".parse::<StatedTime>()?)
                .with_text("9:00 a.m. on November 14, Japan time)"),
        );
    for m in seed.ministers() {
        let p = Participant::person(m.clone())
            .attendance(Attendance::InRoom)
            .build()?;
        b = b.with_participant(p);
    }
    b = b.with_participant(
        Participant::person(state_minister()?)
            .role(Role::Attendee)
            .attendance(Attendance::InRoom)
            .build()?,
    );
    b = b.with_participant(
        Participant::person(undersecretary()?)
            .role(Role::Attendee)
            .attendance(Attendance::Remote)
            .calling_from(
                Place::new("Santiago")?
                    .in_country(Country::from_code("CL")?, chrono_tz::America::Santiago)?,
            )
            .build()?,
    );
    if let Some(v) = seed.venue() {
        b = b.venue(v.clone());
    }
    let start = match seed.when() {
        Start::At(z) => *z,
        _ => return Err("the seed starts at a time".into()),
    };
    b = b.start(start);
    if let Some(d) = seed.duration() {
        b = b.duration(d);
    }
    let dinner = start
        .civil()
        .checked_add_signed(TimeDelta::try_hours(2).ok_or("2 hours")?)
        .ok_or("dinner time")?;
    b = b
        .part(
            Part::builder(MeetingForm::Meeting)
                .title("Foreign Ministers' Meeting")
                .start(start)
                .minutes(30)
                .approximate(true)
                .build()?,
        )
        .part(
            Part::builder(MeetingForm::WorkingMeal)
                .title("Working dinner")
                .mode(Mode::InPerson)
                .starts_at(dinner)
                .minutes(90)
                .participant(seed::KAMIKAWA)
                .participant(seed::VAN_KLAVEREN)
                .participant(STATE_MINISTER)
                .build()?,
        );
    b = b
        .source(
            Source::new(
                "https://www.mofa.go.jp/la_c/sa/cl/pageite_000001_00123.html",
                Some("Ministry of Foreign Affairs of Japan"),
            )?
            .by(Country::from_code("JP")?)
            .published(date(2023, 11, 14)?),
        )
        .source(
            Source::new(
                "https://www.example.org/news/2023/11/14/chile-japan-foreign-ministers",
                Some("Ministerio de Relaciones Exteriores de Chile"),
            )?
            .by(Country::from_code("CL")?)
            .published(date(2023, 11, 14)?)
            .published_inferred(true)
            .reporting_date(date(2023, 11, 13)?)
            .via("a news agency's diplomatic wire")?
            .original("https://www.minrel.gob.cl/noticias-anteriores/canciller-se-reune-con-su-par-de-japon")?,
        );
    for (i, item) in seed.agenda().iter().cycle().take(AGENDA_ITEMS).enumerate() {
        b = b.agenda_item(relabelled(item, i + 1)?);
    }
    Ok(b.build()?)
}

/// What the benches work on, checked once before timing.
struct Fixture {
    bytes: Vec<u8>,
    meeting: Meeting,
    mirror: mirror::Meeting,
}

fn fixture() -> Result<Fixture, BoxError> {
    let bytes = document_meeting()?.to_json_compact()?.into_bytes();
    let meeting = Meeting::from_json_slice(&bytes)?;
    let mirror: mirror::Meeting = serde_json::from_slice(&bytes)?;
    let encoded = meeting.to_json_compact()?;
    if encoded.as_bytes() != bytes.as_slice() {
        return Err("the library does not write back the document it read".into());
    }
    if serde_json::to_string(&mirror)? != encoded {
        return Err("the mirror does not write the same text as the library".into());
    }
    eprintln!("json bench document: {} bytes", bytes.len());
    Ok(Fixture {
        bytes,
        meeting,
        mirror,
    })
}

fn json(c: &mut Criterion, f: &Fixture) {
    let mut g = c.benchmark_group("json");
    g.throughput(criterion::Throughput::Bytes(f.bytes.len() as u64));
    g.bench_function("decode_validate", |b| {
        b.iter(|| Meeting::from_json_slice(black_box(&f.bytes)));
    });
    g.bench_function("decode_baseline", |b| {
        b.iter(|| serde_json::from_slice::<mirror::Meeting>(black_box(&f.bytes)));
    });
    g.bench_function("encode", |b| {
        b.iter(|| black_box(&f.meeting).to_json_compact());
    });
    g.bench_function("encode_baseline", |b| {
        b.iter(|| serde_json::to_string(black_box(&f.mirror)));
    });
    g.finish();
}

fn benches(c: &mut Criterion) -> Result<(), BoxError> {
    let f = fixture()?;
    json(c, &f);
    Ok(())
}

/// The criterion group, in a private module: the macro makes a `pub fn`.
mod harness {
    criterion::criterion_group!(group, super::run);
}

fn run(c: &mut Criterion) {
    if let Err(e) = benches(c) {
        // Benches may fail loudly: a fixture that does not build is a bug.
        eprintln!("error: the json bench fixture does not build: {e}");
        std::process::exit(1);
    }
}

criterion_main!(harness::group);
