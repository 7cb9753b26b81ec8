//! The JSON document format against plain serde.
//!
//! Four benches in the group `json`, driven by outside tools under these
//! exact ids:
//!
//! - `json/decode_validate`: the document's bytes into a [`Meeting`] with
//!   [`Meeting::from_json_slice`] (deserialized and fully validated);
//! - `json/decode_baseline`: the same bytes into [`mirror::Meeting`], a
//!   private mirror of the document format made of `String`, `Vec`,
//!   `Option`, `bool` and `u32` with serde derive and no checks;
//! - `json/encode`: [`Meeting::to_json_compact`];
//! - `json/encode_baseline`: `serde_json::to_string` of the mirror value
//!   decoded from the same document.
//!
//! The document is the reference meeting of `examples/support/seed.rs` (two
//! participants, venue, zoned start, approximate duration, one source) with
//! its five agenda items repeated four times, renumbered 1 to 20: about
//! 20 KB of compact JSON, the size of a long real readout. Both encoders
//! write compact JSON, and the setup checks that they write the same bytes,
//! so the baseline does exactly the serialization work the library does.
//!
//! ```text
//! cargo bench --bench json -- --warm-up-time 1 --measurement-time 5
//! ```

use std::hint::black_box;

use criterion::{Criterion, criterion_main};
use diplomeet::{AgendaItem, Meeting, Start};

#[path = "../examples/support/seed.rs"]
mod seed;

/// How many times the seed's five agenda items are repeated.
const AGENDA_REPEATS: u32 = 4;

/// A private mirror of the document format (see `src/json/mod.rs`): every
/// field, plain types, no checks. Optional fields are skipped when absent
/// exactly as the library's writer skips them, so both encoders write the
/// same text.
mod mirror {
    use serde::{Deserialize, Serialize};

    fn is_false(b: &bool) -> bool {
        !*b
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Meeting {
        pub format: String,
        pub title: String,
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
        pub occasion: Option<String>,
        pub start: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub duration: Option<String>,
        #[serde(default, skip_serializing_if = "is_false")]
        pub duration_approximate: bool,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub actors: Vec<Actor>,
        pub participants: Vec<Participant>,
        #[serde(default)]
        pub agenda: Vec<Item>,
        #[serde(default)]
        pub sources: Vec<Source>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Venue {
        pub place: String,
        pub country: String,
        pub zone: String,
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

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Participant {
        pub id: String,
        pub name: Name,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub honorific: Option<String>,
        pub country: String,
        pub posts: Vec<Post>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub home_zone: Option<String>,
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
        pub number: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub title: Option<String>,
        #[serde(default)]
        pub topics: Vec<Topic>,
        #[serde(default)]
        pub statements: Vec<Statement>,
        #[serde(default)]
        pub outcomes: Vec<Outcome>,
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
    pub struct Statement {
        pub speaker: String,
        pub verb: String,
        pub text: String,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Outcome {
        pub verb: String,
        pub parties: Vec<String>,
        pub text: String,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Source {
        pub url: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub publisher: Option<String>,
    }
}

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// A copy of `item` under another number.
fn renumbered(item: &AgendaItem, number: u32) -> Result<AgendaItem, BoxError> {
    let mut b = AgendaItem::builder().number(number);
    if let Some(t) = item.title() {
        b = b.title(t);
    }
    for t in item.topics() {
        b = b.topic(t.clone());
    }
    for s in item.statements() {
        b = b.statement(s.speaker(), s.verb(), s.text());
    }
    for o in item.outcomes() {
        b = b.outcome(o.verb(), o.parties().iter().cloned(), o.text());
    }
    Ok(b.build()?)
}

/// The seed meeting with its agenda repeated [`AGENDA_REPEATS`] times.
fn document_meeting() -> Result<Meeting, BoxError> {
    let seed = seed::meeting()?;
    let mut b = Meeting::builder(seed.title())
        .mode(seed.mode())
        .form(seed.form())
        .status(seed.status())
        .participants(seed.participants().iter().cloned())
        .approximate(seed.duration_is_approximate());
    if let Some(v) = seed.venue() {
        b = b.venue(v.clone());
    }
    if let Some(o) = seed.occasion() {
        b = b.occasion(o);
    }
    b = match seed.when() {
        Start::At(z) => b.start(*z),
        Start::On(d) => b.starts_on(*d),
        _ => return Err("unexpected start".into()),
    };
    if let Some(d) = seed.duration() {
        b = b.duration(d);
    }
    for s in seed.sources() {
        b = b.source(s.clone());
    }
    let mut number = 0;
    for _ in 0..AGENDA_REPEATS {
        for item in seed.agenda() {
            number += 1;
            b = b.agenda_item(renumbered(item, number)?);
        }
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
