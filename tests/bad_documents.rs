//! Every document under `tests/bad/` is refused with the expected kind of
//! error and a message, never a panic. (The `check` example is driven over
//! the same files by `.ci/run`.)
// These tests read and write JSON documents.
#![cfg(feature = "serde")]
// Tests stop loudly on the first surprise.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

use diplomeet::{ErrorKind, Meeting};

const EXPECTED: &[(&str, ErrorKind, &str)] = &[
    ("deep_nesting", ErrorKind::Syntax, ""),
    (
        "duplicate_agenda_number",
        ErrorKind::Duplicate,
        "agenda[4].number",
    ),
    ("duplicate_key", ErrorKind::Syntax, ""),
    (
        "duplicated_participant",
        ErrorKind::Duplicate,
        "participants[2].id",
    ),
    ("empty", ErrorKind::Syntax, ""),
    ("huge_duration", ErrorKind::DurationOutOfRange, "duration"),
    ("invalid_utf8", ErrorKind::Syntax, ""),
    ("lone_surrogate", ErrorKind::Syntax, ""),
    (
        "mutual_outcome_one_party",
        ErrorKind::TooFew,
        "agenda[1].outcomes[0].parties",
    ),
    (
        "negative_duration",
        ErrorKind::DurationOutOfRange,
        "duration",
    ),
    ("not_json", ErrorKind::Syntax, ""),
    ("null", ErrorKind::Syntax, ""),
    ("one_participant", ErrorKind::TooFew, "participants"),
    (
        "outside_term",
        ErrorKind::OutsideTerm,
        "participants[0].posts[0].term",
    ),
    (
        "speaker_not_participant",
        ErrorKind::UnknownReference,
        "agenda[2].statements[0].speaker",
    ),
    ("start_in_dst_gap", ErrorKind::OffsetConflict, "start"),
    ("telephone_with_venue", ErrorKind::Inconsistent, "venue"),
    ("top_level_array", ErrorKind::Syntax, ""),
    ("truncated", ErrorKind::Syntax, ""),
    (
        "unknown_country",
        ErrorKind::UnknownCountry,
        "participants[1].country",
    ),
    ("unknown_field", ErrorKind::Syntax, ""),
    (
        "unknown_verb",
        ErrorKind::InvalidValue,
        "agenda[0].statements[0].verb",
    ),
    ("unknown_zone", ErrorKind::UnknownZone, "venue.zone"),
    ("unsupported_format", ErrorKind::UnsupportedFormat, "format"),
    ("wrong_offset", ErrorKind::OffsetConflict, "start"),
    ("wrong_types", ErrorKind::Syntax, ""),
    ("year_out_of_range", ErrorKind::InvalidTimestamp, "start"),
    ("zero_duration", ErrorKind::DurationOutOfRange, "duration"),
    (
        "zone_not_in_country",
        ErrorKind::ZoneNotInCountry,
        "venue.zone",
    ),
];

#[test]
fn every_bad_document_is_refused_as_expected() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    files.sort();
    let listed: Vec<String> = EXPECTED
        .iter()
        .map(|(n, _, _)| format!("{n}.json"))
        .collect();
    assert_eq!(
        files, listed,
        "tests/bad and EXPECTED must list the same files"
    );
    let mut failures = Vec::new();
    for (name, kind, path) in EXPECTED {
        let bytes = std::fs::read(dir.join(format!("{name}.json"))).unwrap();
        match Meeting::from_json_slice(&bytes) {
            Ok(_) => failures.push(format!("{name}: accepted")),
            Err(e) => {
                if e.kind() != *kind || e.path() != *path || e.to_string().is_empty() {
                    failures.push(format!(
                        "{name}: expected {kind} at {path:?}, got {} at {:?}: {e}",
                        e.kind(),
                        e.path()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
