//! PLOVER and CAMEO coding: the seed against golden files
//! (`tests/golden/seed.plover.jsonl`, `tests/golden/seed.cameo.tsv`;
//! regenerate with `DIPLOMEET_BLESS=1 cargo test --test export_events`), and
//! hosted, telephone, video, hybrid, trilateral and multilateral meetings, the
//! outcome-verb mapping, cancelled meetings and actors without an alpha-3 code.

#![cfg(feature = "json")]
// Helpers stop loudly too: clippy.toml allows this in #[test] functions only.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::PathBuf;

use chrono::NaiveDate;
use common::{civil, golden, seed_meeting, surnamed, venue};
use diplomeet::export::{CameoCode, PloverEventType, PloverMode, cameo_events, plover_records};
use diplomeet::{ErrorKind, Meeting, MeetingStatus, Mode, Venue, Verb};

fn lines(meeting: &Meeting) -> Vec<String> {
    cameo_events(meeting)
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// A Tokyo meeting of Japan's and Australia's ministers, Australia listed first.
fn hosted() -> Meeting {
    Meeting::builder("Japan-Australia Foreign Ministers' Meeting")
        .venue(venue("Tokyo", "JP", chrono_tz::Asia::Tokyo))
        .starts_at(civil("2024-02-07T23:30"))
        .participant(surnamed("Wong", "AU"))
        .participant(surnamed("Kamikawa", "JP"))
        .build()
        .unwrap()
}

fn call(mode: Mode, codes: &[&str]) -> Meeting {
    let mut b = Meeting::builder("Telephone talk")
        .mode(mode)
        .zone(chrono_tz::America::New_York)
        // Late evening in New York: the next day in Tokyo. The venue's (the
        // stated zone's) date is the one coded.
        .starts_at(civil("2024-08-15T21:00"));
    for (i, c) in codes.iter().enumerate() {
        b = b.participant(surnamed(&format!("Minister{i}"), c));
    }
    b.build().unwrap()
}

fn at(place: Venue, codes: &[&str]) -> Meeting {
    let mut b = Meeting::builder("Foreign Ministers' Meeting")
        .venue(place)
        .starts_at(civil("2024-07-27T10:00"));
    for (i, c) in codes.iter().enumerate() {
        b = b.participant(surnamed(&format!("Minister{i}"), c));
    }
    b.build().unwrap()
}

#[test]
fn seed_plover_golden() {
    let meeting = seed_meeting();
    let records = plover_records(&meeting).unwrap();
    let mut out = String::new();
    for r in &records {
        out.push_str(&r.to_json().unwrap());
        out.push('\n');
    }
    golden("seed.plover.jsonl", &out);

    // The issue's "done when": CONSULT third-party, JPN -> CHL, in San Francisco.
    let consult = &records[0];
    assert_eq!(consult.event_type(), PloverEventType::Consult);
    assert_eq!(consult.mode(), Some(PloverMode::ThirdParty));
    assert_eq!(consult.actor(), "JPN");
    assert_eq!(consult.recipients(), ["CHL"]);
    assert_eq!(
        consult.date(),
        NaiveDate::from_ymd_opt(2023, 11, 13).unwrap()
    );
    assert_eq!(consult.place(), Some("San Francisco"));
    assert_eq!(consult.location_country(), Some("USA"));
    // Outcomes: concurred, confirmed, (exchanged views), (shared the view),
    // (shared the recognition), confirmed, concurred -> four AGREE.
    let types: Vec<_> = records.iter().skip(1).map(|r| r.event_type()).collect();
    assert_eq!(types, [PloverEventType::Agree; 4]);
    assert!(
        records
            .iter()
            .skip(1)
            .all(|r| r.mode().is_none() && r.actor() == "JPN" && r.recipients() == ["CHL"])
    );
    assert!(
        records[1]
            .text()
            .starts_with("concurred to further strengthen economic")
    );
    // Every line is JSON with the PLOVER field names, in order.
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        let mut expected = vec![
            "actor",
            "date",
            "event_type",
            "location",
            "mode",
            "recipient",
            "text",
        ];
        expected.sort_unstable();
        let mut keys = keys;
        keys.sort_unstable();
        assert_eq!(keys, expected);
    }
}

#[test]
fn seed_cameo_golden() {
    let meeting = seed_meeting();
    let mut out = String::new();
    for line in lines(&meeting) {
        out.push_str(&line);
        out.push('\n');
    }
    golden("seed.cameo.tsv", &out);
    assert_eq!(out, "20231113\tJPN\tCHL\t044\n20231113\tCHL\tJPN\t044\n");
    let events = cameo_events(&meeting).unwrap();
    assert!(
        events
            .iter()
            .all(|e| e.code() == CameoCode::MeetAtThirdLocation)
    );
    assert_eq!(
        events[0].date(),
        NaiveDate::from_ymd_opt(2023, 11, 13).unwrap()
    );
}

#[test]
fn hosted_is_a_visit_from_the_visitor_side() {
    let m = hosted();
    let consult = &plover_records(&m).unwrap()[0];
    assert_eq!(consult.mode(), Some(PloverMode::Visit));
    assert_eq!(
        (consult.actor(), consult.recipients()),
        ("AUS", &["JPN".to_owned()][..])
    );
    assert_eq!(consult.location_country(), Some("JPN"));
    assert_eq!(
        lines(&m),
        ["20240207\tAUS\tJPN\t042", "20240207\tJPN\tAUS\t043"]
    );

    // The host listed first: the direction does not change.
    let m = at(venue("Tokyo", "JP", chrono_tz::Asia::Tokyo), &["JP", "AU"]);
    let consult = &plover_records(&m).unwrap()[0];
    assert_eq!(
        (consult.actor(), consult.recipients()),
        ("AUS", &["JPN".to_owned()][..])
    );
    assert_eq!(
        lines(&m),
        ["20240727\tAUS\tJPN\t042", "20240727\tJPN\tAUS\t043"]
    );
}

#[test]
fn telephone_and_video_are_phone_and_041() {
    for mode in [Mode::Telephone, Mode::Video] {
        let m = call(mode, &["JP", "US"]);
        let records = plover_records(&m).unwrap();
        assert_eq!(records.len(), 1);
        let consult = &records[0];
        assert_eq!(consult.mode(), Some(PloverMode::Phone));
        assert_eq!(
            (consult.actor(), consult.recipients()),
            ("JPN", &["USA".to_owned()][..])
        );
        assert_eq!(consult.place(), None);
        assert_eq!(consult.location_country(), None);
        // The date in the stated zone (New York), not Tokyo's next day.
        assert_eq!(
            consult.date(),
            NaiveDate::from_ymd_opt(2024, 8, 15).unwrap()
        );
        assert!(consult.to_json().unwrap().contains(r#""location":null"#));
        assert_eq!(
            lines(&m),
            ["20240815\tJPN\tUSA\t041", "20240815\tUSA\tJPN\t041"]
        );
    }
    // A conference call of three: phone wins over multilateral; every ordered pair.
    let m = call(Mode::Telephone, &["JP", "US", "KR"]);
    let consult = &plover_records(&m).unwrap()[0];
    assert_eq!(consult.mode(), Some(PloverMode::Phone));
    assert_eq!(consult.recipients(), ["USA", "KOR"]);
    assert!(
        consult
            .to_json()
            .unwrap()
            .contains(r#""recipient":"USA;KOR""#)
    );
    assert_eq!(
        lines(&m),
        [
            "20240815\tJPN\tUSA\t041",
            "20240815\tJPN\tKOR\t041",
            "20240815\tUSA\tJPN\t041",
            "20240815\tUSA\tKOR\t041",
            "20240815\tKOR\tJPN\t041",
            "20240815\tKOR\tUSA\t041",
        ]
    );
}

#[test]
fn hybrid_is_coded_by_its_venue() {
    let m = common::tokyo_hybrid();
    assert_eq!(
        plover_records(&m).unwrap()[0].mode(),
        Some(PloverMode::Visit)
    );
    assert_eq!(
        lines(&m),
        ["20240207\tAUS\tJPN\t042", "20240207\tJPN\tAUS\t043"]
    );
}

#[test]
fn three_or_more_countries_are_multilateral() {
    // Trilateral at a third location (Laos hosting Japan, the US and Korea).
    let vientiane = venue("Vientiane", "LA", chrono_tz::Asia::Vientiane);
    let m = at(vientiane, &["JP", "US", "KR"]);
    let consult = &plover_records(&m).unwrap()[0];
    assert_eq!(consult.mode(), Some(PloverMode::Multilateral));
    assert_eq!(
        (consult.actor(), consult.recipients()),
        ("JPN", &["USA".to_owned(), "KOR".to_owned()][..])
    );
    let cameo = lines(&m);
    assert_eq!(cameo.len(), 6);
    assert!(cameo.iter().all(|l| l.ends_with("\t044")));

    // Hosted by one of them: the host is the PLOVER actor; CAMEO has 042/043
    // for each visitor and 044 between the visitors.
    let m = at(
        venue("Tokyo", "JP", chrono_tz::Asia::Tokyo),
        &["US", "JP", "KR", "AU"],
    );
    let consult = &plover_records(&m).unwrap()[0];
    assert_eq!(consult.mode(), Some(PloverMode::Multilateral));
    assert_eq!(consult.actor(), "JPN");
    assert_eq!(consult.recipients(), ["USA", "KOR", "AUS"]);
    assert_eq!(
        lines(&m),
        [
            "20240727\tUSA\tJPN\t042",
            "20240727\tJPN\tUSA\t043",
            "20240727\tKOR\tJPN\t042",
            "20240727\tJPN\tKOR\t043",
            "20240727\tAUS\tJPN\t042",
            "20240727\tJPN\tAUS\t043",
            "20240727\tUSA\tKOR\t044",
            "20240727\tUSA\tAUS\t044",
            "20240727\tKOR\tUSA\t044",
            "20240727\tKOR\tAUS\t044",
            "20240727\tAUS\tUSA\t044",
            "20240727\tAUS\tKOR\t044",
        ]
    );
}

#[test]
fn outcome_verb_mapping() {
    // The verbs PLOVER codes, and how; every other verb codes as nothing.
    let agree = [
        Verb::Agreed,
        Verb::Concurred,
        Verb::Confirmed,
        Verb::Committed,
    ];
    let support = [
        Verb::Affirmed,
        Verb::Welcomed,
        Verb::Supported,
        Verb::Reaffirmed,
        Verb::Hailed,
    ];
    for &verb in Verb::ALL {
        let want = if agree.contains(&verb) {
            Some(PloverEventType::Agree)
        } else if support.contains(&verb) {
            Some(PloverEventType::Support)
        } else {
            None
        };
        assert_eq!(PloverEventType::for_outcome(verb), want, "{verb}");
    }
    for verb in [
        Verb::ExchangedViews,
        Verb::SharedView,
        Verb::SharedRecognition,
        Verb::Stated,
    ] {
        assert_eq!(PloverEventType::for_outcome(verb), None, "{verb}");
    }
}

#[test]
fn cancelled_and_postponed_meetings_are_not_coded() {
    for status in [MeetingStatus::Cancelled, MeetingStatus::Postponed] {
        let m = Meeting::builder("Called off")
            .venue(venue("Tokyo", "JP", chrono_tz::Asia::Tokyo))
            .starts_at(civil("2024-02-07T10:00"))
            .participant(surnamed("Kamikawa", "JP"))
            .participant(surnamed("Wong", "AU"))
            .status(status)
            .build()
            .unwrap();
        assert!(plover_records(&m).unwrap().is_empty());
        assert!(cameo_events(&m).unwrap().is_empty());
    }
}

#[test]
fn an_actor_without_alpha3_is_an_error() {
    // An actor declared under a user-assigned code has no alpha-3 code.
    let somaliland = diplomeet::Country::builder("XS")
        .name("Somaliland")
        .capital_zone(chrono_tz::Africa::Mogadishu)
        .build()
        .unwrap();
    let m = Meeting::builder("Telephone talk")
        .mode(Mode::Video)
        .zone(chrono_tz::America::New_York)
        .starts_at(civil("2024-08-15T21:00"))
        .participant(surnamed("Minister0", "JP"))
        .participant(
            diplomeet::Minister::builder(
                diplomeet::PersonName::builder()
                    .surname("Minister1")
                    .build()
                    .unwrap(),
                somaliland,
            )
            .post(
                diplomeet::Post::new(
                    diplomeet::Portfolio::ForeignAffairs,
                    "Minister of Foreign Affairs",
                )
                .unwrap(),
            )
            .build()
            .unwrap(),
        )
        .build()
        .unwrap();
    let err = plover_records(&m).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidValue);
    assert!(err.to_string().contains("alpha-3"), "{err}");
    assert_eq!(
        cameo_events(&m).unwrap_err().kind(),
        ErrorKind::InvalidValue
    );
}

#[test]
fn json_escapes_text() {
    let m = Meeting::builder("A \"quoted\" title\\ here")
        .venue(venue("Tokyo", "JP", chrono_tz::Asia::Tokyo))
        .starts_at(civil("2024-02-07T10:00"))
        .participant(surnamed("Kamikawa", "JP"))
        .participant(surnamed("Wong", "AU"))
        .build()
        .unwrap();
    let json = plover_records(&m).unwrap()[0].to_json().unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["text"], m.title());
}

/// The `export` example never panics on a stream it cannot write: usage,
/// errors and output to a full device (`/dev/full`) exit 1. Runs the example
/// built by `cargo test` (skips when it or `/dev/full` is absent).
#[test]
fn export_example_exits_1_when_it_cannot_write() {
    use std::process::{Command, Stdio};
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().and_then(|deps| deps.parent()).unwrap();
    let example = dir.join("examples").join(if cfg!(windows) {
        "export.exe"
    } else {
        "export"
    });
    let full = std::path::Path::new("/dev/full");
    if !example.is_file() || !full.exists() {
        common::oracle::say_skipped(format_args!(
            "{} or /dev/full is absent; the write-error test did not run",
            example.display()
        ));
        return;
    }
    let seed_path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("export_events_seed.json");
    std::fs::write(&seed_path, seed_meeting().to_json().unwrap()).unwrap();
    let open_full = || std::fs::OpenOptions::new().write(true).open(full).unwrap();
    let cases: [(&str, Vec<String>, bool, bool); 4] = [
        (
            "--help to a full stdout",
            vec!["--help".into()],
            true,
            false,
        ),
        (
            "a usage error to a full stderr",
            vec!["--bogus".into()],
            false,
            true,
        ),
        (
            "a bad file to a full stderr",
            vec![
                "--format".into(),
                "ics".into(),
                "/nonexistent/x.json".into(),
            ],
            false,
            true,
        ),
        (
            "a calendar to a full stdout",
            vec![
                "--format".into(),
                "ics".into(),
                seed_path.display().to_string(),
            ],
            true,
            false,
        ),
    ];
    for (what, args, stdout_full, stderr_full) in cases {
        let mut cmd = Command::new(&example);
        cmd.args(&args).stdin(Stdio::null());
        cmd.stdout(if stdout_full {
            Stdio::from(open_full())
        } else {
            Stdio::piped()
        });
        cmd.stderr(if stderr_full {
            Stdio::from(open_full())
        } else {
            Stdio::piped()
        });
        let out = cmd.output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{what}: {stderr}");
        assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    }
}

/// In person with no known venue (a readout that does not say where): PLOVER
/// leaves the optional mode out rather than guess `visit` or `third-party`,
/// and CAMEO codes `040`, consult, unspecified.
#[test]
fn an_unknown_venue_has_no_plover_mode_and_cameo_040() {
    let m = Meeting::builder("Foreign Ministers' Meeting")
        .starts_on(chrono::NaiveDate::from_ymd_opt(2024, 2, 7).unwrap())
        .participant(surnamed("Kamikawa", "JP"))
        .participant(surnamed("Wong", "AU"))
        .build()
        .unwrap();
    let records = plover_records(&m).unwrap();
    assert_eq!(records[0].mode(), None);
    assert!(
        records[0].to_json().unwrap().contains("\"mode\":null"),
        "{}",
        records[0].to_json().unwrap()
    );
    let lines: Vec<String> = cameo_events(&m)
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        lines,
        ["20240207\tJPN\tAUS\t040", "20240207\tAUS\tJPN\t040"]
    );
}
