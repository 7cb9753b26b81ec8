//! The diplomeet/2 encodings of the readout corpus (`tests/readouts/`).
//!
//! Every readout `<id>.txt` has `<id>.json`: the meeting it reports, encoded
//! by hand as a `diplomeet/2` document, or a JSON array of such documents
//! when the page reports several meetings (see the README there, section
//! "The diplomeet/2 encodings"). This test reads each document as
//! `Meeting::from_json` does, checks that writing it and reading it back
//! gives the same value and the same bytes, checks its stated times against
//! its start (those printed with no zone against its civil time), that a
//! start with a time of day keeps the time as printed, that the source's
//! publication date is marked inferred exactly where the `.expect.json`
//! file says so, and checks the size of the corpus: at least 30 documents from
//! at least five publishing countries. The README's table "What still does
//! not fit" has one line per readout.
//!
//! `tests/readouts/` is excluded from `cargo package`: without it the test
//! says so and passes.

// These tests read JSON documents.
#![cfg(feature = "json")]
// Helpers stop loudly too: clippy.toml allows this in #[test] functions only.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use common::oracle;
use diplomeet::{Meeting, Start, StatedZone, ZoneBasis};

/// Readouts without an encoding, with the reason. None: every readout is
/// encoded.
const SKIPPED: &[(&str, &str)] = &[];

/// Documents whose stated times disagree with the start because the
/// publisher's own two times disagree; the stated time is kept as printed.
/// (document id, index in the file's array or 0, reason)
const STATED_TIME_DISAGREES: &[(&str, usize, &str)] = &[(
    "jp-mofa-2018-01-16-japan-us-dinner-vancouver",
    0,
    "shortly after 7 p.m. in Vancouver on 16 January is shortly after noon on \
     17 January in Japan, but the page prints \"12 a.m.\" (midnight) for Japan time",
)];

/// `tests/readouts`, or `None` in the published package, which leaves it
/// out (the test skips, saying so).
fn folder() -> Option<PathBuf> {
    oracle::repository_file("tests/readouts", "the readout corpus")
}

/// The ids of the files in `dir` whose names end in `suffix` (and not in
/// `.expect.json` when `suffix` is `.json`).
fn ids(dir: &Path, suffix: &str) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| !n.ends_with(".expect.json"))
        .filter_map(|n| n.strip_suffix(suffix).map(str::to_owned))
        .collect()
}

/// One document of the corpus: the file id, its index in the file's array
/// (0 for a single document), and its text.
struct Doc {
    id: String,
    index: usize,
    text: String,
}

fn documents(dir: &Path) -> Vec<Doc> {
    let mut docs = Vec::new();
    for id in ids(dir, ".json") {
        let text = std::fs::read_to_string(dir.join(format!("{id}.json"))).unwrap();
        let value: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{id}.json is not JSON: {e}"));
        match value {
            serde_json::Value::Array(items) => {
                assert!(
                    items.len() >= 2,
                    "{id}.json: an array holds several documents"
                );
                for (index, item) in items.into_iter().enumerate() {
                    let text = serde_json::to_string_pretty(&item).unwrap();
                    docs.push(Doc {
                        id: id.clone(),
                        index,
                        text,
                    });
                }
            }
            serde_json::Value::Object(_) => docs.push(Doc { id, index: 0, text }),
            _ => panic!("{id}.json holds neither a document nor an array of documents"),
        }
    }
    docs
}

fn read(doc: &Doc) -> Meeting {
    Meeting::from_json(&doc.text).unwrap_or_else(|e| {
        let lines: Vec<String> = e
            .violations()
            .map(|v| format!("  {}: [{}] {}", v.path(), v.kind(), v.message()))
            .collect();
        panic!(
            "{}.json[{}] does not read:\n{}",
            doc.id,
            doc.index,
            lines.join("\n")
        )
    })
}

#[test]
fn every_readout_is_encoded() {
    let Some(dir) = folder() else {
        return;
    };
    let texts = ids(&dir, ".txt");
    let encoded = ids(&dir, ".json");
    let skipped: BTreeSet<String> = SKIPPED.iter().map(|(id, _)| (*id).to_owned()).collect();
    for id in &texts {
        assert!(
            encoded.contains(id) != skipped.contains(id),
            "{id}.txt: needs {id}.json, or a line in SKIPPED with the reason (not both)"
        );
    }
    for id in encoded.iter().chain(&skipped) {
        assert!(texts.contains(id), "{id}: no readout {id}.txt");
    }
}

#[test]
fn every_readout_has_a_line_in_the_readme() {
    let Some(dir) = folder() else {
        return;
    };
    let readme = std::fs::read_to_string(dir.join("README.md")).unwrap();
    let (_, table) = readme
        .split_once("### What still does not fit")
        .expect("README.md: no section \"What still does not fit\"");
    let rows: BTreeSet<String> = table
        .lines()
        .filter_map(|l| l.strip_prefix("| "))
        .filter_map(|l| l.split_once(" |"))
        .map(|(id, _)| id.to_owned())
        .filter(|id| id != "id")
        .collect();
    let texts = ids(&dir, ".txt");
    for id in &texts {
        assert!(
            rows.contains(id),
            "README.md: no line for {id} under \"What still does not fit\""
        );
    }
    for id in &rows {
        assert!(
            texts.contains(id),
            "README.md: a line for {id}, which is not a readout"
        );
    }
}

#[test]
fn every_document_reads_round_trips_and_agrees_with_its_stated_times() {
    let Some(dir) = folder() else {
        return;
    };
    let mut allowed_seen = BTreeSet::new();
    for doc in documents(&dir) {
        let where_ = format!("{}.json[{}]", doc.id, doc.index);
        let meeting = read(&doc);

        // Round trip: the written document reads back as the same meeting
        // and writes the same bytes.
        let written = meeting.to_json().unwrap();
        let again = Meeting::from_json(&written)
            .unwrap_or_else(|e| panic!("{where_}: its own output does not read: {e}"));
        assert_eq!(again, meeting, "{where_}: round trip changed the meeting");
        assert_eq!(
            again.to_json().unwrap(),
            written,
            "{where_}: round trip changed the bytes"
        );

        // The stated times agree with the start, unless the publisher's own
        // times disagree (and then they must still disagree).
        let allowed = STATED_TIME_DISAGREES
            .iter()
            .any(|(id, i, _)| *id == doc.id && *i == doc.index);
        match (meeting.check_stated_times(), allowed) {
            (Ok(()), false) => {}
            (Err(e), true) => {
                allowed_seen.insert((doc.id.clone(), doc.index));
                eprintln!("{where_}: stated times disagree, as the publisher's do: {e}");
            }
            (Err(e), false) => panic!("{where_}: a stated time disagrees with the start: {e}"),
            (Ok(()), true) => panic!(
                "{where_}: listed in STATED_TIME_DISAGREES, but its stated times agree: \
                 remove it from the list"
            ),
        }

        // A start with a time of day comes from a time the readout prints,
        // which is kept with its words; a time printed with no zone is kept
        // without one, and then the start's zone was not stated either.
        if matches!(meeting.when(), Start::At(_)) {
            assert!(
                !meeting.stated_times().is_empty(),
                "{where_}: a start with a time of day, but no stated time"
            );
        }
        for stated in meeting.stated_times() {
            assert!(
                stated.text().is_some(),
                "{where_}: a stated time without the words printed"
            );
            if stated.time().zone() == &StatedZone::Unstated {
                // The venue's zone, or with no venue the publisher's.
                let expected = if meeting.venue().is_some() {
                    ZoneBasis::NotStated
                } else {
                    ZoneBasis::NotStatedPublisher
                };
                assert_eq!(
                    meeting.zone_basis(),
                    expected,
                    "{where_}: a time printed with no zone, but a zone basis that says otherwise"
                );
            }
        }

        // One source per document, with its publisher and publication date,
        // and the address the readout was read from.
        let sources = meeting.sources();
        assert_eq!(sources.len(), 1, "{where_}: one source per document");
        let source = &sources[0];
        assert!(
            source.publisher().is_some(),
            "{where_}: source without publisher"
        );
        assert!(
            source.publisher_country().is_some(),
            "{where_}: source without publisher_country"
        );
        assert!(
            source.publication_date().is_some(),
            "{where_}: source without its publication date"
        );
        let expect = dir.join(format!("{}.expect.json", doc.id));
        if let Ok(text) = std::fs::read_to_string(&expect) {
            let expect: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(
                Some(source.url()),
                expect["source"]["url"].as_str(),
                "{where_}: the source address differs from the expect file's"
            );
            assert_eq!(
                source.is_published_inferred(),
                expect["source"]["published_basis"] == "inferred",
                "{where_}: published_inferred differs from the expect file's published_basis"
            );
        }
    }
    for (id, index, reason) in STATED_TIME_DISAGREES {
        assert!(
            allowed_seen.contains(&((*id).to_owned(), *index)),
            "STATED_TIME_DISAGREES names {id}[{index}] ({reason}), which is not in the corpus"
        );
    }
}

#[test]
fn the_corpus_is_large_and_varied_enough() {
    let Some(dir) = folder() else {
        return;
    };
    let mut per_country: BTreeMap<String, usize> = BTreeMap::new();
    let mut per_publisher: BTreeMap<String, usize> = BTreeMap::new();
    let docs = documents(&dir);
    for doc in &docs {
        let meeting = read(doc);
        let source = &meeting.sources()[0];
        let country = source.publisher_country().map(|c| c.code().to_owned());
        *per_country.entry(country.unwrap_or_default()).or_default() += 1;
        let publisher = source.publisher().unwrap_or_default().to_owned();
        *per_publisher.entry(publisher).or_default() += 1;
    }
    eprintln!("{} documents; by publisher:", docs.len());
    for (publisher, n) in &per_publisher {
        eprintln!("  {n:3}  {publisher}");
    }
    assert!(docs.len() >= 30, "only {} documents", docs.len());
    assert!(
        per_country.len() >= 5,
        "documents from only {} publishing countries: {per_country:?}",
        per_country.len()
    );
}
