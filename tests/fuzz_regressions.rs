//! Inputs found by the fuzz targets in `fuzz/` (see `fuzz/README.md`), kept
//! as regression tests that run in a normal `cargo test`.
//!
//! Text inputs live in `tests/fuzz_regressions/<target>/`, one file each, and
//! are replayed through the same property the target checks: no panic, and
//! what is accepted round-trips. To keep a new crash, copy the minimized file
//! (`cargo fuzz tmin <target> <artifact>`) into the target's directory under
//! a name that says what it found. Inputs of the `arbitrary`-driven targets
//! (`builders`, `slot_search`, `stated_check`'s meetings) are bytes that only
//! mean something to the fuzz crate's decoder, so their crashes are kept
//! below as hand-written tests of the same calls instead.
// Helpers stop loudly too: clippy.toml allows this in #[test] functions only.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use std::fs;
use std::path::PathBuf;

use diplomeet::schedule::StatedTime;
use diplomeet::time::{format_duration, parse_civil, parse_duration, parse_zone};
use diplomeet::{Country, OffsetPolicy, ZonedDateTime};

/// The files kept for `target`, sorted by name.
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = common::manifest_path("tests/fuzz_regressions").join(target);
    let Ok(entries) = fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != ".gitkeep"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let bytes = fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect()
}

/// Runs `check` on every input of `target`, naming the file that fails.
fn replay(target: &str, check: impl Fn(&[u8])) {
    for (path, bytes) in inputs(target) {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&bytes)));
        if outcome.is_err() {
            panic!("fuzz regression {} failed", path.display());
        }
    }
}

const POLICIES: [OffsetPolicy; 3] = [
    OffsetPolicy::Reject,
    OffsetPolicy::KeepCivil,
    OffsetPolicy::KeepInstant,
];

/// The `rfc9557` target's property.
fn check_rfc9557(text: &str) {
    for policy in POLICIES {
        let Ok(z) = ZonedDateTime::parse(text, policy) else {
            continue;
        };
        let shown = z.to_string();
        for again_policy in POLICIES {
            let again = ZonedDateTime::parse(&shown, again_policy).unwrap_or_else(|e| {
                panic!("{text:?} under {policy} gives {shown}, refused under {again_policy}: {e}")
            });
            assert_eq!(
                z, again,
                "{text:?} under {policy}: {shown} re-parses differently"
            );
            assert_eq!(again.to_string(), shown);
        }
        assert_eq!(z.in_zone(z.zone()), z);
    }
}

/// The `codes_and_zones` target's property, on one piece of text.
fn check_codes(text: &str) {
    if let Ok(country) = Country::from_code(text) {
        assert_eq!(Country::from_code(country.alpha2()).unwrap(), country);
    }
    if let Ok(tz) = parse_zone(text) {
        assert_eq!(parse_zone(tz.name()).unwrap(), tz);
    }
    let _ = parse_civil(text);
    if let Ok(d) = parse_duration(text) {
        assert!(d >= chrono::TimeDelta::zero());
        assert_eq!(parse_duration(&format_duration(d)).unwrap(), d, "{text:?}");
    }
    if let Ok(stated) = text.parse::<StatedTime>() {
        let again: StatedTime = stated.to_string().parse().unwrap();
        assert_eq!(again, stated, "{text:?}");
    }
}

#[test]
fn rfc9557_inputs() {
    replay("rfc9557", |bytes| {
        if let Ok(text) = std::str::from_utf8(bytes) {
            check_rfc9557(text);
        }
    });
}

#[test]
fn codes_and_zones_inputs() {
    replay("codes_and_zones", |bytes| {
        if let Ok(text) = std::str::from_utf8(bytes) {
            check_codes(text);
            if let Some((a, b)) = text.split_once(' ') {
                check_codes(a);
                check_codes(b);
            }
        }
    });
}

#[cfg(feature = "json")]
#[test]
fn json_reader_inputs() {
    use diplomeet::Meeting;
    replay("json_reader", |bytes| {
        let Ok(meeting) = Meeting::from_json_slice(bytes) else {
            return;
        };
        let compact = meeting.to_json_compact().unwrap();
        let again = Meeting::from_json(&compact).unwrap();
        assert_eq!(meeting, again);
        assert_eq!(again.to_json_compact().unwrap(), compact);
        assert_eq!(
            Meeting::from_json(&meeting.to_json().unwrap()).unwrap(),
            meeting
        );
    });
}

#[test]
fn stated_check_inputs() {
    // The reference meeting's time facts, as the `stated_check` target
    // builds them: San Francisco, 2023-11-13 16:00, about 30 minutes.
    let meeting = common::seed_like().approximate(true).build().unwrap();
    let diplomeet::Start::At(start) = meeting.when() else {
        panic!("the seed-like meeting has a time of day");
    };
    replay("stated_check", |bytes| {
        let Ok(text) = std::str::from_utf8(bytes) else {
            return;
        };
        let Ok(stated) = text.parse::<StatedTime>() else {
            return;
        };
        if let Ok(z) = meeting.check_stated(&stated) {
            assert_eq!(z.instant(), start.instant(), "{text:?}");
        }
    });
}

// Found by the `builders` target (diplomeet/2 descriptions): meetings the
// builders accepted whose JSON the reader refused or read back differently.

/// The JSON round trip the `builders` target checks: the document reads
/// back to an equal meeting that writes the same text.
#[cfg(feature = "json")]
fn assert_round_trip(meeting: &diplomeet::Meeting) {
    let compact = meeting.to_json_compact().unwrap();
    let again = diplomeet::Meeting::from_json(&compact)
        .unwrap_or_else(|e| panic!("a built meeting's JSON is refused: {e}\n{compact}"));
    assert_eq!(&again, meeting, "{compact}");
    assert_eq!(again.to_json_compact().unwrap(), compact);
}

/// A group took `calling_from` and `attendance` in the builder, which the
/// JSON document has no place for (the reader refuses them: a group's
/// members are participants of their own): the builder refuses them too.
#[test]
fn builders_group_has_no_calling_from_or_attendance() {
    use diplomeet::{Attendance, ErrorKind, Group, Participant, Place};
    let group = || Group::new("g7", "the G7 foreign ministers", [common::country("JP")]).unwrap();
    let err = Participant::group(group())
        .calling_from(Place::new("Bangkok").unwrap())
        .build()
        .unwrap_err();
    assert_eq!(
        (err.kind(), err.path()),
        (ErrorKind::Inconsistent, "calling_from")
    );
    let err = Participant::group(group())
        .attendance(Attendance::Remote)
        .build()
        .unwrap_err();
    assert_eq!(
        (err.kind(), err.path()),
        (ErrorKind::Inconsistent, "attendance")
    );
    // A person may have both.
    let [kamikawa, _] = common::pair();
    let p = Participant::person(kamikawa)
        .attendance(Attendance::Remote)
        .calling_from(Place::new("Bangkok").unwrap())
        .build()
        .unwrap();
    assert_eq!(p.attendance(), Some(Attendance::Remote));
}

/// A part given as a civil time differed from the same part read back from
/// the document (given there as the resolved time): the round trip changed
/// the meeting.
#[cfg(feature = "json")]
#[test]
fn builders_part_given_as_civil_time_round_trips() {
    use diplomeet::{MeetingForm, Part};
    let meeting = diplomeet::Meeting::builder("Meeting and working dinner")
        .venue(common::san_francisco())
        .starts_at(common::civil("2023-11-13T16:00"))
        .participants(common::pair())
        .part(
            Part::builder(MeetingForm::Meeting)
                .starts_at(common::civil("2023-11-13T16:00"))
                .minutes(30)
                .build()
                .unwrap(),
        )
        .part(
            Part::builder(MeetingForm::WorkingMeal)
                .title("Working dinner")
                .starts_at(common::civil("2023-11-13T18:00"))
                .build()
                .unwrap(),
        )
        .build()
        .unwrap();
    assert_round_trip(&meeting);
    assert_eq!(meeting.to_builder().build().unwrap(), meeting);
}

/// A stated time's words were not checked by the builder: an empty text
/// built, and the reader refused the document. The builder now checks them
/// as the reader does, and the reader reports a bad one once, at the
/// document's index.
#[cfg(feature = "json")]
#[test]
fn builders_stated_time_text_is_checked() {
    use diplomeet::{ErrorKind, StatedText};
    let stated = |text: &str| {
        StatedText::new("2023-11-14T09:00 JST".parse::<StatedTime>().unwrap()).with_text(text)
    };
    let meeting = |text: &str| {
        diplomeet::Meeting::builder("Japan-Chile Foreign Ministers' Meeting")
            .venue(common::san_francisco())
            .starts_at(common::civil("2023-11-13T16:00"))
            .stated_time_text(stated("9:00 a.m. on November 14, Japan time"))
            .stated_time_text(stated(text))
            .participants(common::pair())
            .build()
    };
    let err = meeting("").unwrap_err();
    assert_eq!(
        (err.kind(), err.path(), err.total()),
        (ErrorKind::Empty, "stated_times[1].text", 1)
    );
    assert_eq!(meeting("\u{7}").unwrap_err().path(), "stated_times[1].text");
    assert_round_trip(&meeting("JST").unwrap());

    let doc = meeting("JST").unwrap().to_json_compact().unwrap();
    let bad = doc.replace(r#""text":"JST""#, r#""text":"""#);
    assert_ne!(bad, doc);
    let err = diplomeet::Meeting::from_json(&bad).unwrap_err();
    assert_eq!(
        (err.kind(), err.path(), err.total()),
        (ErrorKind::Empty, "stated_times[1].text", 1)
    );
}
