//! schema.org JSON-LD: the seed against `tests/golden/seed.jsonld`
//! (regenerate with `DIPLOMEET_BLESS=1 cargo test --test export_jsonld`), the
//! fields of in-person, telephone, video, hybrid, date-only and cancelled
//! meetings, and JSON-LD validity checked by `pyld`.
//!
//! The pyld test runs `tests/support/jsonld_expand.py`, which expands the
//! document offline with the local context `tests/support/schemaorg-context.jsonld`
//! (schema.org's `@vocab` `http://schema.org/` and an explicit term for every
//! class and property this crate emits). It checks that the expansion keeps
//! every key at every level (nothing dropped), that every property and type
//! expands to an IRI `http://schema.org/<term>` for a term the context
//! defines (no misspelt term slips through `@vocab`), and the IRIs of the
//! values that matter. pyld is looked for on `DIPLOMEET_PYTHONPATH`, else in
//! `target/ci-deps/py`, where `.ci/run` installs it (see `tests/common/oracle.rs`).
//!
//! That context is ours, so it cannot tell a real schema.org term from one we
//! invented. The vocabulary test checks against something we did not write:
//! the npm package `schema-dts` (TypeScript declarations generated from
//! schema.org's vocabulary), read by `tests/support/jsonld_schemadts.py`.
//! Every `@type` must be a schema.org type, every property one the type has
//! (its own or inherited), and every value in the property's range (an
//! object's type a type of the range or a subtype; a string allowed by a data
//! type, or a member of an enumeration of the range). The declarations are
//! looked for at `$DIPLOMEET_NODE_PATH/schema-dts/dist/schema.d.ts` (the
//! `node_modules` directory of `npm install schema-dts@2.1.0`; by default
//! `target/ci-deps/node/node_modules`).
//!
//! Without its oracle a test skips, saying why; under
//! `DIPLOMEET_REQUIRE_ORACLES=1` (as in CI) it fails.

#![cfg(feature = "json")]
// Helpers stop loudly too: clippy.toml allows this in #[test] functions only.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::collections::BTreeSet;

use chrono::{NaiveDate, TimeDelta};
use common::oracle::{self, PYLD, SCHEMA_DTS};
use common::{civil, golden, minutes, seed_meeting, surnamed, venue};
use diplomeet::export::to_json_ld;
use diplomeet::{Meeting, MeetingStatus, Mode};
use serde_json::{Value, json};

fn parse(meeting: &Meeting) -> Value {
    serde_json::from_str(&to_json_ld(meeting).unwrap()).unwrap()
}

fn remote(mode: Mode) -> Meeting {
    Meeting::builder("Japan-US Foreign Ministers' Telephone Talk")
        .mode(mode)
        .zone(chrono_tz::Asia::Tokyo)
        .starts_at(civil("2024-08-15T08:00"))
        .duration(minutes(20))
        .participant(surnamed("Kamikawa", "JP"))
        .participant(surnamed("Blinken", "US"))
        .status(MeetingStatus::Held)
        .build()
        .unwrap()
}

fn seed_doc() -> String {
    to_json_ld(&seed_meeting()).unwrap()
}

#[test]
fn seed_golden() {
    let mut doc = seed_doc();
    doc.push('\n');
    golden("seed.jsonld", &doc);
}

#[test]
fn seed_fields() {
    let v: Value = serde_json::from_str(&seed_doc()).unwrap();
    assert_eq!(v["@context"], "https://schema.org");
    assert_eq!(v["@type"], "Event");
    assert_eq!(v["name"], "Japan-Chile Foreign Ministers' Meeting");
    assert_eq!(v["startDate"], "2023-11-13T16:00:00-08:00");
    assert_eq!(v["endDate"], "2023-11-13T16:30:00-08:00");
    assert_eq!(v["duration"], "PT30M");
    assert_eq!(
        v["location"],
        json!({
            "@type": "Place",
            "name": "San Francisco",
            "address": {"@type": "PostalAddress", "addressCountry": "US"},
        })
    );
    assert_eq!(
        v["eventAttendanceMode"],
        "https://schema.org/OfflineEventAttendanceMode"
    );
    // Held: schema.org has no "completed", so EventScheduled.
    assert_eq!(v["eventStatus"], "https://schema.org/EventScheduled");
    assert_eq!(
        v["superEvent"],
        json!({"@type": "Event", "name": "APEC Ministerial Meeting"})
    );

    let attendees = v["attendee"].as_array().unwrap();
    assert_eq!(attendees.len(), 2);
    assert_eq!(
        attendees[0],
        json!({
            "@type": "Person",
            "name": "KAMIKAWA Yoko",
            "alternateName": "上川陽子",
            "givenName": "Yoko",
            "familyName": "Kamikawa",
            "honorificPrefix": "Ms.",
            "jobTitle": "Minister for Foreign Affairs",
            "nationality": {"@type": "Country", "name": "Japan", "identifier": "JPN"},
        })
    );
    assert_eq!(attendees[1]["givenName"], "Alberto Leo");
    assert_eq!(attendees[1]["familyName"], "van Klaveren Stork");
    assert_eq!(attendees[1]["honorificPrefix"], "H.E. Mr.");
    assert_eq!(attendees[1]["jobTitle"], "Minister of Foreign Affairs");
    assert_eq!(attendees[1]["nationality"]["identifier"], "CHL");
    assert_eq!(attendees[1]["nationality"]["name"], "Chile");

    let about = v["about"].as_array().unwrap();
    let names: Vec<&str> = about.iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert_eq!(names.len(), 11, "{names:?}");
    assert_eq!(names[0], "Japan-Chile relations");
    assert!(names.contains(&"ALPS treated water"));
    assert!(
        about
            .iter()
            .all(|t| t["@type"] == "DefinedTerm" && t["termCode"].is_string())
    );
}

#[test]
fn telephone_and_video_are_virtual() {
    for (mode, name) in [
        (Mode::Telephone, "telephone"),
        (Mode::Video, "video conference"),
    ] {
        let v = parse(&remote(mode));
        assert_eq!(
            v["location"],
            json!({"@type": "VirtualLocation", "name": name})
        );
        assert_eq!(
            v["eventAttendanceMode"],
            "https://schema.org/OnlineEventAttendanceMode"
        );
        assert_eq!(v["startDate"], "2024-08-15T08:00:00+09:00");
        assert_eq!(v["endDate"], "2024-08-15T08:20:00+09:00");
        assert!(v.get("superEvent").is_none());
        assert!(v.get("about").is_none());
    }
}

#[test]
fn hybrid_has_both_locations() {
    let m = common::tokyo_hybrid();
    let v = parse(&m);
    assert_eq!(
        v["eventAttendanceMode"],
        "https://schema.org/MixedEventAttendanceMode"
    );
    let loc = v["location"].as_array().unwrap();
    assert_eq!(loc[0]["@type"], "Place");
    assert_eq!(loc[0]["address"]["addressCountry"], "JP");
    assert_eq!(loc[1]["@type"], "VirtualLocation");
    // No duration: no end, no duration.
    assert!(v.get("endDate").is_none() && v.get("duration").is_none());
}

#[test]
fn date_only_and_statuses() {
    for (status, iri) in [
        (MeetingStatus::Scheduled, "EventScheduled"),
        (MeetingStatus::Held, "EventScheduled"),
        (MeetingStatus::Postponed, "EventPostponed"),
        (MeetingStatus::Cancelled, "EventCancelled"),
    ] {
        let m = Meeting::builder("Video conference")
            .mode(Mode::Video)
            .zone(chrono_tz::Europe::Paris)
            .starts_on(NaiveDate::from_ymd_opt(2024, 8, 15).unwrap())
            .duration(TimeDelta::try_hours(1).unwrap())
            .participant(surnamed("Séjourné", "FR"))
            .participant(surnamed("Kamikawa", "JP"))
            .status(status)
            .build()
            .unwrap();
        let v = parse(&m);
        assert_eq!(v["startDate"], "2024-08-15");
        assert!(v.get("endDate").is_none());
        assert_eq!(v["duration"], "PT1H");
        assert_eq!(v["eventStatus"], format!("https://schema.org/{iri}"));
    }
}

// ---------------------------------------------------------------- pyld

/// The expansion by pyld, or `None` when the oracle is missing (see
/// `tests/common/oracle.rs`).
fn expand(doc: &str) -> Option<Value> {
    let mut cmd = oracle::python();
    cmd.arg(oracle::support("jsonld_expand.py"))
        .arg(oracle::support("schemaorg-context.jsonld"));
    let out = PYLD.run(cmd, Some(doc.as_bytes().to_vec()))?;
    assert!(
        out.status.success(),
        "jsonld_expand.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).unwrap())
}

/// The terms the local context defines, besides keywords and prefixes.
fn context_terms() -> BTreeSet<String> {
    let text = std::fs::read_to_string(oracle::support("schemaorg-context.jsonld")).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    v["@context"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(k, def)| !k.starts_with('@') && def.is_object())
        .map(|(k, _)| k.clone())
        .collect()
}

const SCHEMA: &str = "http://schema.org/";

/// Walks a compact node and its expansion side by side: the same number of
/// properties (none dropped), every property and type a schema.org IRI of a
/// term the context defines, and values in the same order.
fn compare(
    compact: &Value,
    expanded: &Value,
    terms: &BTreeSet<String>,
    path: &str,
    iris: &mut BTreeSet<String>,
) {
    let c = compact
        .as_object()
        .unwrap_or_else(|| panic!("{path}: not an object"));
    let e = expanded
        .as_object()
        .unwrap_or_else(|| panic!("{path}: expanded is not a node: {expanded}"));
    let c_keys: Vec<&String> = c.keys().filter(|k| *k != "@context").collect();
    assert_eq!(
        c_keys.len(),
        e.len(),
        "{path}: keys dropped in expansion: compact {c_keys:?}, expanded {:?}",
        e.keys().collect::<Vec<_>>()
    );
    for key in c_keys {
        if key == "@type" {
            let types = e["@type"].as_array().unwrap();
            let t = types[0].as_str().unwrap();
            let term = t
                .strip_prefix(SCHEMA)
                .unwrap_or_else(|| panic!("{path}: type {t}"));
            assert_eq!(term, c[key].as_str().unwrap(), "{path}: @type");
            assert!(
                terms.contains(term),
                "{path}: type {term} is not in the context"
            );
            iris.insert(t.to_owned());
            continue;
        }
        let iri = format!("{SCHEMA}{key}");
        assert!(
            terms.contains(key.as_str()),
            "{path}: property {key} is not in the context"
        );
        let values = e
            .get(&iri)
            .unwrap_or_else(|| panic!("{path}: {key} did not expand to {iri}"));
        iris.insert(iri.clone());
        let values = values.as_array().unwrap();
        let compact_values: Vec<&Value> = match &c[key] {
            Value::Array(a) => a.iter().collect(),
            other => vec![other],
        };
        assert_eq!(
            compact_values.len(),
            values.len(),
            "{path}.{key}: values dropped"
        );
        for (i, (cv, ev)) in compact_values.iter().zip(values).enumerate() {
            let here = format!("{path}.{key}[{i}]");
            match cv {
                Value::Object(_) => compare(cv, ev, terms, &here, iris),
                Value::String(s) if ev.get("@id").is_some() => {
                    assert_eq!(ev["@id"], **s, "{here}");
                    iris.insert(s.clone());
                }
                other => assert_eq!(ev["@value"], **other, "{here}"),
            }
        }
    }
}

fn check_expansion(meeting: &Meeting) -> Option<BTreeSet<String>> {
    let doc = to_json_ld(meeting).unwrap();
    let expanded = expand(&doc)?;
    let nodes = expanded.as_array().unwrap();
    assert_eq!(nodes.len(), 1, "one top-level node: {expanded}");
    let compact: Value = serde_json::from_str(&doc).unwrap();
    let mut iris = BTreeSet::new();
    compare(&compact, &nodes[0], &context_terms(), "$", &mut iris);
    Some(iris)
}

#[test]
fn pyld_expands_the_seed_keeping_every_term() {
    let Some(iris) = check_expansion(&seed_meeting()) else {
        return;
    };
    for expected in [
        "http://schema.org/Event",
        "http://schema.org/name",
        "http://schema.org/startDate",
        "http://schema.org/endDate",
        "http://schema.org/duration",
        "http://schema.org/location",
        "http://schema.org/Place",
        "http://schema.org/address",
        "http://schema.org/PostalAddress",
        "http://schema.org/addressCountry",
        "http://schema.org/eventAttendanceMode",
        "http://schema.org/eventStatus",
        "http://schema.org/superEvent",
        "http://schema.org/attendee",
        "http://schema.org/Person",
        "http://schema.org/givenName",
        "http://schema.org/familyName",
        "http://schema.org/honorificPrefix",
        "http://schema.org/jobTitle",
        "http://schema.org/nationality",
        "http://schema.org/Country",
        "http://schema.org/identifier",
        "http://schema.org/about",
        "http://schema.org/DefinedTerm",
        "http://schema.org/termCode",
        // Values of @id-typed properties stay as written.
        "https://schema.org/EventScheduled",
        "https://schema.org/OfflineEventAttendanceMode",
    ] {
        assert!(iris.contains(expected), "{expected} missing from {iris:#?}");
    }
}

/// A cancelled hybrid meeting in Tokyo known by its date alone.
fn hybrid() -> Meeting {
    Meeting::builder("Hybrid meeting")
        .mode(Mode::Hybrid)
        .venue(venue("Tokyo", "JP", chrono_tz::Asia::Tokyo))
        .starts_on(NaiveDate::from_ymd_opt(2024, 2, 7).unwrap())
        .participant(surnamed("Kamikawa", "JP"))
        .participant(surnamed("Wong", "AU"))
        .status(MeetingStatus::Cancelled)
        .build()
        .unwrap()
}

#[test]
fn pyld_expands_remote_hybrid_and_date_only_meetings() {
    for m in [remote(Mode::Telephone), remote(Mode::Video), hybrid()] {
        let Some(iris) = check_expansion(&m) else {
            return;
        };
        assert!(
            iris.contains("http://schema.org/VirtualLocation"),
            "{iris:#?}"
        );
    }
}

/// Runs the vocabulary check on `docs`: `Ok(summary)` or `Err(problems)`,
/// or `None` when the oracle is missing.
fn vocabulary_check(docs: &[(String, String)]) -> Option<Result<String, String>> {
    let dts = oracle::schema_dts()?;
    let mut cmd = oracle::python();
    cmd.arg(oracle::support("jsonld_schemadts.py")).arg(dts);
    for (name, doc) in docs {
        cmd.arg(common::scratch_file(
            "export_jsonld",
            &format!("{name}.jsonld"),
            doc,
        ));
    }
    let out = SCHEMA_DTS.run(cmd, None)?;
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    Some(match out.status.code() {
        Some(0) => Ok(stdout),
        Some(1) => Err(stdout),
        _ => panic!(
            "jsonld_schemadts.py failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
    })
}

/// Every shape of document we write: in person with an agenda and an
/// occasion, telephone, video, hybrid, date-only, cancelled, postponed.
fn every_shape() -> Vec<(String, String)> {
    let postponed = Meeting::builder("Postponed meeting")
        .mode(Mode::Video)
        .zone(chrono_tz::Europe::London)
        .starts_at(civil("2024-02-07T10:00"))
        .participant(surnamed("Kamikawa", "JP"))
        .participant(surnamed("Wong", "AU"))
        .status(MeetingStatus::Postponed)
        .build()
        .unwrap();
    [
        ("seed", seed_meeting()),
        ("telephone", remote(Mode::Telephone)),
        ("video", remote(Mode::Video)),
        ("hybrid", hybrid()),
        ("postponed", postponed),
    ]
    .into_iter()
    .map(|(name, m)| (name.to_owned(), to_json_ld(&m).unwrap()))
    .collect()
}

#[test]
fn every_type_property_and_value_is_in_the_schema_org_vocabulary() {
    let Some(checked) = vocabulary_check(&every_shape()) else {
        return;
    };
    let summary =
        checked.unwrap_or_else(|problems| panic!("not schema.org, by schema-dts:\n{problems}"));
    eprintln!("schema-dts: {}", summary.trim());
}

#[test]
fn the_vocabulary_check_catches_invented_terms_and_wrong_ranges() {
    let good: Value = serde_json::from_str(&seed_doc()).unwrap();
    type Mutation = (&'static str, fn(&mut Value));
    let mutations: [Mutation; 5] = [
        ("a misspelt property", |d| {
            d["startdate"] = "2023-11-13".into();
        }),
        ("a property of another type", |d| {
            d["attendee"][0]["startDate"] = "2023-11-13".into();
        }),
        ("an invented type", |d| {
            d["attendee"][0]["@type"] = "Minister".into();
        }),
        ("a type outside the range", |d| {
            d["superEvent"]["@type"] = "Person".into();
        }),
        ("an invented enumeration member", |d| {
            d["eventStatus"] = "https://schema.org/EventHeld".into();
        }),
    ];
    for (what, mutate) in mutations {
        let mut bad = good.clone();
        mutate(&mut bad);
        let doc = serde_json::to_string_pretty(&bad).unwrap();
        let Some(checked) = vocabulary_check(&[("bad".to_owned(), doc)]) else {
            return;
        };
        assert!(checked.is_err(), "{what} was not caught");
    }
}

#[test]
fn the_expansion_check_catches_dropped_and_unknown_terms() {
    let doc = to_json_ld(&seed_meeting()).unwrap();
    let compact: Value = serde_json::from_str(&doc).unwrap();
    // A misspelt property (expands through @vocab, but is no schema.org
    // term) and a key JSON-LD drops (an undefined keyword-like key).
    for (key, value) in [("startdate", "2023-11-13"), ("@bogus", "x")] {
        let mut bad = compact.clone();
        bad.as_object_mut()
            .unwrap()
            .insert(key.to_owned(), value.into());
        let text = serde_json::to_string(&bad).unwrap();
        let Some(expanded) = expand(&text) else {
            return;
        };
        let terms = context_terms();
        let caught = std::panic::catch_unwind(|| {
            compare(&bad, &expanded[0], &terms, "$", &mut BTreeSet::new());
        });
        assert!(caught.is_err(), "{key} was not caught");
    }
}

/// RFC 3339 offsets have no seconds: a time at an offset with seconds
/// (Tokyo's local mean time, +09:18:59, until 1888) is written in UTC, not
/// with a rounded offset that would move it.
#[test]
fn offsets_with_seconds_are_written_in_utc() {
    let m = Meeting::builder("Meeting under local mean time")
        .mode(Mode::Video)
        .zone(chrono_tz::Asia::Tokyo)
        .starts_at(civil("1887-07-01T00:00"))
        .duration(minutes(30))
        .participant(surnamed("Kamikawa", "JP"))
        .participant(surnamed("Wong", "AU"))
        .build()
        .unwrap();
    let doc = parse(&m);
    assert_eq!(doc["startDate"], "1887-06-30T14:41:01Z");
    assert_eq!(doc["endDate"], "1887-06-30T15:11:01Z");
    // A whole-minute offset keeps the civil time and its offset.
    let after = Meeting::builder("Meeting under JST")
        .mode(Mode::Video)
        .zone(chrono_tz::Asia::Tokyo)
        .starts_at(civil("1888-07-01T00:00"))
        .participant(surnamed("Kamikawa", "JP"))
        .participant(surnamed("Wong", "AU"))
        .build()
        .unwrap();
    assert_eq!(parse(&after)["startDate"], "1888-07-01T00:00:00+09:00");
}
