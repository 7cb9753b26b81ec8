//! What reading a document costs in memory: at most 8 times its size,
//! whatever it holds, valid or not.
//!
//! A global allocator keeps the peak of the bytes in use (`peak_alloc`), and
//! each test reads the costliest shapes we could think of, about 1.5 MiB
//! each: the smallest element of each kind, as many times as the limits
//! allow (short keywords, aliases and ids; tiny entries, topics and items;
//! posts, roles, group members, zones of custom actors, parts), lists over
//! their limits, violations by the thousand, long texts, and documents that
//! break at their very end. The bytes the reader allocates on top of the
//! document's own, at their peak, must stay within 7 times the document's
//! size (8 with the document itself), plus 64 KiB for what any document
//! costs (the meeting, its participants, an error). Requested bytes are
//! counted, not what the system allocator rounds them up to: the `check`
//! example's peak RSS over the same shapes at the 16 MiB limit is measured
//! with `tools/gen_worst_docs.py` and `tools/measure_worst_docs.sh`.
//!
//! Memory, not time: nothing here is timed. The shapes run one after the
//! other in one test, so that no other test allocates meanwhile.
// These tests read JSON documents.
#![cfg(feature = "json")]
// Tests stop loudly on the first surprise.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use diplomeet::{Limits, Meeting};
use peak_alloc::PeakAlloc;
use serde_json::{Value, json};

#[global_allocator]
static PEAK: PeakAlloc = PeakAlloc;

/// The size of the documents built here.
const TARGET: usize = 1536 * 1024;
/// What any document may cost on top of its multiple.
const FIXED: usize = 64 * 1024;
/// The most a document may cost, as a multiple of its size, besides itself.
const MULTIPLE: usize = 7;

const MAX_LIST: usize = 100;
const MAX_ENTRIES: usize = 500;
const MAX_ITEMS: usize = 200;
const MAX_PARTICIPANTS: usize = 256;

/// `n` distinct ids of one or two visible ASCII characters.
fn short_ids(n: usize) -> Vec<String> {
    let alphabet: Vec<char> = (0x21u8..0x7f)
        .map(char::from)
        .filter(|c| *c != '"' && *c != '\\')
        .collect();
    let mut out: Vec<String> = alphabet.iter().map(|c| c.to_string()).collect();
    for a in &alphabet {
        for b in &alphabet {
            out.push(format!("{a}{b}"));
        }
    }
    out.truncate(n);
    out
}

fn participant(id: &str, country: &str, surname: &str) -> Value {
    json!({"id": id, "name": {"surname": surname}, "country": country,
           "posts": [{"portfolio": "foreign_affairs", "title": "M"}]})
}

fn base(participants: Vec<Value>) -> Value {
    json!({
        "format": "diplomeet/2", "title": "T", "mode": "telephone", "zone": "Asia/Tokyo",
        "start": "2024-01-10T20:30:00+09:00[Asia/Tokyo]",
        "participants": participants, "agenda": [], "sources": []
    })
}

fn two() -> Vec<Value> {
    vec![participant("a", "JP", "A"), participant("b", "CL", "B")]
}

/// 256 participants with one- and two-character ids.
fn many() -> (Vec<Value>, Vec<String>) {
    let ids = short_ids(MAX_PARTICIPANTS);
    let ps = ids
        .iter()
        .enumerate()
        .map(|(i, id)| participant(id, if i % 2 == 1 { "JP" } else { "CL" }, &format!("S{i}")))
        .collect();
    (ps, ids)
}

fn len(v: &Value) -> usize {
    serde_json::to_vec(v).unwrap().len()
}

/// Up to 200 items of `per_item` copies of `unit` under `field`, until the
/// document is about `TARGET` bytes.
fn fill(mut doc: Value, field: &str, unit: Value, per_item: usize) -> Value {
    let head = len(&doc);
    let item_len = (len(&unit) + 1) * per_item + field.len() + 8;
    let n = (TARGET.saturating_sub(head) / item_len).clamp(1, MAX_ITEMS);
    let item = json!({ field: vec![unit; per_item] });
    doc["agenda"] = Value::Array(vec![item; n]);
    doc
}

/// The shapes, by name: each a document of about `TARGET` bytes (or the
/// largest its limits allow).
fn shapes() -> Vec<(&'static str, Vec<u8>)> {
    let mut out: Vec<(&'static str, Value)> = Vec::new();
    let ids = short_ids(MAX_LIST);
    out.push((
        "keywords",
        fill(
            base(two()),
            "topics",
            json!({"category": "other", "label": "t", "keywords": ids}),
            MAX_ENTRIES,
        ),
    ));
    out.push((
        "aliases",
        fill(
            base(two()),
            "topics",
            json!({"category": "other", "label": "t", "aliases": ids}),
            MAX_ENTRIES,
        ),
    ));
    out.push((
        "topics_tiny",
        fill(
            base(two()),
            "topics",
            json!({"category": "other", "label": "t"}),
            MAX_ENTRIES,
        ),
    ));
    let (ps, pids) = many();
    out.push((
        "who_ids",
        fill(
            base(ps.clone()),
            "entries",
            json!({"who": pids[..MAX_LIST], "verb": "agreed", "text": "x"}),
            MAX_ENTRIES,
        ),
    ));
    out.push((
        "entries_tiny",
        fill(
            base(two()),
            "entries",
            json!({"who": ["a"], "verb": "stated", "text": "x"}),
            MAX_ENTRIES,
        ),
    ));
    let mut worded = base(two());
    worded["sources"] = json!([{"url": "https://example.org/"}]);
    out.push((
        "entries_worded",
        fill(
            worded,
            "entries",
            json!({"who": ["a"], "verb": "stated", "wording": "w", "text": "x", "source": 0}),
            MAX_ENTRIES,
        ),
    ));
    out.push((
        "entries_over_limit",
        fill(
            base(two()),
            "entries",
            json!({"who": ["a"], "verb": "stated", "text": "x"}),
            2000,
        ),
    ));
    out.push((
        "unknown_speakers",
        fill(
            base(two()),
            "entries",
            json!({"who": ["zz"], "verb": "stated", "text": "x"}),
            MAX_ENTRIES,
        ),
    ));
    let strangers: Vec<&String> = ids.iter().filter(|i| *i != "a" && *i != "b").collect();
    out.push((
        "unknown_who_lists",
        fill(
            base(two()),
            "entries",
            json!({"who": strangers, "verb": "agreed", "text": "x"}),
            MAX_ENTRIES,
        ),
    ));
    out.push((
        "bad_verbs",
        fill(
            base(two()),
            "entries",
            json!({"who": ["a"], "verb": "v".repeat(200), "text": "x"}),
            MAX_ENTRIES,
        ),
    ));
    out.push((
        "blank_texts",
        fill(
            base(two()),
            "entries",
            json!({"who": ["a"], "verb": "stated", "text": "\u{200b}"}),
            MAX_ENTRIES,
        ),
    ));
    let mut long = base(two());
    long["agenda"] =
        json!([{"entries": [{"who": ["a"], "verb": "stated", "text": "x".repeat(TARGET)}]}]);
    out.push(("long_text", long));
    out.push((
        "texts_max",
        fill(
            base(two()),
            "entries",
            json!({"who": ["a"], "verb": "stated", "text": "x".repeat(20_000)}),
            4,
        ),
    ));
    out.push((
        "long_texts_many",
        fill(
            base(two()),
            "entries",
            json!({"who": ["a"], "verb": "stated", "text": "x".repeat(20_001)}),
            4,
        ),
    ));
    // 189 items in a tree four levels deep (a small document: no more fit).
    let mut items = Vec::new();
    for _ in 0..7 {
        let leaf = json!({"label": "a"});
        let l3 = json!({"label": "a", "items": [leaf.clone(), leaf.clone(), leaf]});
        let l2 = json!({"label": "a", "items": [l3.clone(), l3.clone(), l3]});
        items.push(json!({"label": "a", "items": [l2.clone(), l2]}));
    }
    let mut tree = base(two());
    tree["agenda"] = Value::Array(items);
    out.push(("items_label", tree));
    let mut chain = json!({"label": "a"});
    for _ in 0..6 {
        chain = json!({"label": "a", "items": [{"label": "a"}, chain]});
    }
    let mut over = base(two());
    let n = TARGET / len(&chain);
    over["agenda"] = Value::Array(vec![chain; n]);
    out.push(("items_over_limit", over));
    let posts: Vec<Value> = (0..MAX_LIST)
        .map(|i| json!({"portfolio": "other", "title": format!("t{i}")}))
        .collect();
    let with_posts: Vec<Value> = pids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            json!({"id": id, "name": {"surname": format!("S{i}")},
                   "country": if i % 2 == 1 { "JP" } else { "CL" }, "posts": posts})
        })
        .collect();
    out.push(("participants_posts", base(with_posts)));
    let codes = [
        "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX",
        "AZ", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ",
        "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK",
        "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM",
        "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR",
        "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS",
        "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR",
    ];
    let groups: Vec<Value> = pids
        .iter()
        .map(|id| json!({"id": id, "group": {"name": "g", "members": codes.as_slice()}}))
        .collect();
    out.push(("groups", base(groups)));
    let roles: Vec<Value> = ps
        .iter()
        .map(|p| {
            let mut p = p.clone();
            p["roles"] = json!(vec!["host"; MAX_LIST]);
            p
        })
        .collect();
    out.push(("roles", base(roles)));
    // The most participants, each the least a participant can be: known by
    // a post alone.
    let by_post: Vec<Value> = pids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            json!({"id": id, "country": if i % 2 == 1 { "JP" } else { "CL" },
                   "posts": [{"portfolio": "other", "title": "M"}]})
        })
        .collect();
    out.push(("participants_min", base(by_post)));
    let mut parts = base(ps.clone());
    parts["parts"] = json!(vec![
        json!({"form": "meeting", "participants": pids[..MAX_LIST]});
        20
    ]);
    out.push(("parts_participants", parts));
    let mut actors = base(vec![
        participant("a", "QM", "A"),
        participant("b", "QN", "B"),
    ]);
    let zones = vec!["UTC"; MAX_LIST];
    actors["actors"] = Value::Array(
        [
            "QM", "QN", "QO", "QP", "QQ", "QR", "QS", "QT", "QU", "QV", "QW", "QX", "QY", "QZ",
        ]
        .iter()
        .map(|c| json!({"code": c, "name": "n", "capital_zone": "UTC", "zones": zones}))
        .collect(),
    );
    out.push(("actors_zones", actors));
    let mut v1 = base(ps);
    v1["format"] = json!("diplomeet/1");
    let outcome = json!({"verb": "agreed", "parties": pids[..MAX_LIST], "text": "x"});
    let per = (len(&outcome) + 1) * MAX_ENTRIES;
    v1["agenda"] = Value::Array(
        (0..(TARGET / per).clamp(1, MAX_ITEMS))
            .map(|i| {
                json!({"number": i + 1, "topics": [], "statements": [],
                       "outcomes": vec![outcome.clone(); MAX_ENTRIES]})
            })
            .collect(),
    );
    out.push(("v1_parties", v1));

    let mut docs: Vec<(&'static str, Vec<u8>)> = out
        .into_iter()
        .map(|(name, v)| (name, serde_json::to_vec(&v).unwrap()))
        .collect();
    // The keyword-heavy document, broken at its very end, or with an
    // unknown field there.
    let keywords = docs[0].1.clone();
    let mut broken = keywords.clone();
    broken.truncate(broken.len() - 1);
    broken.extend_from_slice(b",}");
    docs.push(("keywords_syntax_error", broken));
    let mut unknown = keywords;
    unknown.truncate(unknown.len() - 1);
    unknown.extend_from_slice(br#","zzz":1}"#);
    docs.push(("keywords_unknown_field", unknown));
    docs
}

/// The peak of the bytes allocated while `read` runs, above those in use
/// before it.
fn peak_of<T>(read: impl FnOnce() -> T) -> usize {
    let before = PEAK.current_usage();
    PEAK.reset_peak_usage();
    let value = read();
    let peak = PEAK.peak_usage();
    drop(value);
    peak.saturating_sub(before)
}

#[test]
fn reading_any_document_costs_at_most_eight_times_its_size() {
    let docs = shapes();
    let mut failed = Vec::new();
    println!(
        "{:<24} {:>10} {:>12} {:>9}  outcome",
        "shape", "bytes", "peak", "multiple"
    );
    for (name, bytes) in &docs {
        let mut outcome = String::new();
        let peak = peak_of(|| {
            let read = Meeting::from_json_slice(bytes);
            outcome = match &read {
                Ok(_) => "valid".to_owned(),
                Err(e) => format!("{} ({} violations)", e.kind(), e.total()),
            };
            read
        });
        // The same through a reader, as the `check` example reads: its
        // buffer is part of the cost.
        let through_reader = peak_of(|| {
            Meeting::from_json_reader(
                bytes.as_slice(),
                &Limits::default(),
                diplomeet::OffsetPolicy::Reject,
            )
        });
        let multiple = (peak + bytes.len()) as f64 / bytes.len() as f64;
        println!(
            "{name:<24} {:>10} {peak:>12} {multiple:>9.2}  {outcome}; through a reader {through_reader}",
            bytes.len()
        );
        if peak > MULTIPLE * bytes.len() + FIXED {
            failed.push(format!(
                "{name}: {peak} bytes for {} ({multiple:.2}x)",
                bytes.len()
            ));
        }
        if through_reader > (MULTIPLE + 2) * bytes.len() + FIXED {
            failed.push(format!(
                "{name} through a reader: {through_reader} bytes for {}",
                bytes.len()
            ));
        }
    }
    assert!(failed.is_empty(), "over the bound: {failed:#?}");
}

#[test]
fn the_shapes_are_what_they_claim() {
    // Guard the guard: each shape is near its size, and the valid ones
    // are valid (a typo would make a shape a cheap syntax error).
    let valid = [
        "keywords",
        "aliases",
        "topics_tiny",
        "who_ids",
        "entries_tiny",
        "entries_worded",
        "texts_max",
        "items_label",
        "participants_posts",
        "participants_min",
        "groups",
        "parts_participants",
        "actors_zones",
        "v1_parties",
    ];
    for (name, bytes) in shapes() {
        let read = Meeting::from_json_slice(&bytes);
        if valid.contains(&name) {
            assert!(
                read.is_ok(),
                "{name}: {:?}",
                read.err().map(|e| e.to_string())
            );
        } else {
            let e = read.unwrap_err();
            assert!(
                !e.is_syntax() || name.starts_with("keywords_"),
                "{name}: {e}"
            );
        }
    }
}
