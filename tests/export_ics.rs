//! iCalendar export: the seed's golden file, folding and escaping, and real
//! clients reading our calendars.
//!
//! The real-client tests run `tests/support/ics_oracle.py` (Python
//! `icalendar`, which computes each start through OUR VTIMEZONE with
//! `Timezone.to_tz(lookup_tzid=False)`) and `tests/support/ics_icaljs.cjs`
//! (`ical.js`, which registers our VTIMEZONEs). Each skips with a message
//! when its package is absent. Where to find them:
//!
//! * `DIPLOMEET_PYTHON` (default `python3`), `DIPLOMEET_PYTHONPATH`
//!   (prepended to `PYTHONPATH`, e.g. the `pip install --target` directory);
//! * `DIPLOMEET_NODE` (default `node`), `DIPLOMEET_NODE_PATH` (the
//!   `node_modules` directory holding `ical.js`, given to node as
//!   `NODE_PATH`).
//!
//! `DIPLOMEET_BLESS=1` rewrites `tests/golden/seed.ics`.
// The tests use the seed meeting, which needs the JSON feature's example support.
#![cfg(feature = "serde")]
// Tests stop loudly on the first surprise.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../examples/support/seed.rs"]
mod seed;

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{DateTime, NaiveDate, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;
use diplomeet::export::to_ics;
use diplomeet::{
    AgendaItem, Country, Disambiguation, ErrorKind, Meeting, MeetingStatus, Minister, Mode,
    OneSidedVerb, PersonName, Portfolio, Post,
};

fn dtstamp() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2023, 11, 14, 0, 0, 0).unwrap()
}

fn post() -> Post {
    Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs").unwrap()
}

fn minister(given: &str, surname: &str, country: &str) -> Minister {
    let name = PersonName::builder()
        .given(given)
        .surname(surname)
        .build()
        .unwrap();
    Minister::builder(name, Country::from_code(country).unwrap())
        .post(post())
        .build()
        .unwrap()
}

fn pair() -> [Minister; 2] {
    [
        minister("Yoko", "Kamikawa", "JP"),
        minister("Alberto", "van Klaveren", "CL"),
    ]
}

/// A 30-minute telephone talk at `civil` in `zone`, resolved by `policy`.
fn call(zone: Tz, civil: &str, policy: Disambiguation) -> Meeting {
    Meeting::builder(format!("Call at {civil} {} ({policy:?})", zone.name()))
        .mode(Mode::Telephone)
        .zone(zone)
        .disambiguation(policy)
        .starts_at(diplomeet::time::parse_civil(civil).unwrap())
        .duration(TimeDelta::try_minutes(30).unwrap())
        .participants(pair())
        .build()
        .unwrap()
}

/// Unfolds a calendar into its content lines.
fn unfold(ics: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for physical in ics.split("\r\n") {
        if let Some(rest) = physical.strip_prefix(' ') {
            lines.last_mut().unwrap().push_str(rest);
        } else if !physical.is_empty() {
            lines.push(physical.to_owned());
        }
    }
    lines
}

fn well_formed(ics: &str) {
    assert!(ics.ends_with("\r\n"));
    for physical in ics.split("\r\n") {
        assert!(physical.len() <= 75, "over 75 octets: {physical:?}");
        assert!(
            !physical.contains('\n') && !physical.contains('\r'),
            "bare line end: {physical:?}"
        );
    }
}

// --- golden -------------------------------------------------------------

#[test]
fn seed_matches_golden_file() {
    let ics = to_ics(&[seed::meeting().unwrap()], dtstamp()).unwrap();
    well_formed(&ics);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/seed.ics");
    if std::env::var_os("DIPLOMEET_BLESS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &ics).unwrap();
    }
    let golden = std::fs::read_to_string(&path)
        .expect("tests/golden/seed.ics missing: run with DIPLOMEET_BLESS=1");
    assert_eq!(
        ics, golden,
        "seed.ics differs; rerun with DIPLOMEET_BLESS=1 if intended"
    );
}

#[test]
fn seed_event_properties() {
    let ics = to_ics(&[seed::meeting().unwrap()], dtstamp()).unwrap();
    let lines = unfold(&ics);
    let has = |l: &str| lines.iter().any(|x| x == l);
    assert_eq!(lines.first().unwrap(), "BEGIN:VCALENDAR");
    assert!(has("PRODID:-//diplomeet//diplomeet 0.1//EN"));
    assert!(has("VERSION:2.0"));
    assert!(has("CALSCALE:GREGORIAN"));
    assert!(has("DTSTAMP:20231114T000000Z"));
    assert!(has("DTSTART;TZID=America/Los_Angeles:20231113T160000"));
    assert!(has("DURATION:PT30M"));
    assert!(has("SUMMARY:Japan-Chile Foreign Ministers' Meeting"));
    assert!(has("LOCATION:San Francisco\\, United States"));
    assert!(has("STATUS:CONFIRMED"));
    assert!(has("TZID:America/Los_Angeles"));
    assert!(has(
        "ATTENDEE;CN=KAMIKAWA Yoko;ROLE=REQ-PARTICIPANT:urn:diplomeet:participant:jp-kamikawa-yoko"
    ));
    assert!(has(
        "ATTENDEE;CN=Alberto Leo van Klaveren Stork;ROLE=REQ-PARTICIPANT:urn:diplomeet:participant:cl-alberto-leo-van-klaveren-stork"
    ));
    let cats = lines.iter().find(|l| l.starts_with("CATEGORIES:")).unwrap();
    assert!(
        cats.starts_with("CATEGORIES:Japan-Chile relations,Critical minerals,Clean energy,CPTPP,")
    );
    let desc = lines
        .iter()
        .find(|l| l.starts_with("DESCRIPTION:"))
        .unwrap();
    assert!(desc.contains("Occasion: APEC Ministerial Meeting."));
    assert!(desc.contains("\\n\\n1. Opening remarks\\nKAMIKAWA Yoko stated that she was pleased"));
    assert!(
        desc.contains(
            "Both sides concurred to further strengthen economic cooperation\\, including"
        )
    );
    // The seed's zone: November 2023 is PST, with the changes of 2022-2024 listed.
    assert!(has("DTSTART:20231105T020000"));
    assert!(has("TZOFFSETFROM:-0700"));
    assert!(has("TZNAME:PST"));
    assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VTIMEZONE").count(), 1);
}

#[test]
fn uid_is_stable_and_ignores_status_and_agenda() {
    let a = to_ics(&[seed::meeting().unwrap()], dtstamp()).unwrap();
    let later = Utc.with_ymd_and_hms(2030, 1, 1, 0, 0, 0).unwrap();
    let b = to_ics(&[seed::meeting().unwrap()], later).unwrap();
    let uid = |s: &str| {
        unfold(s)
            .into_iter()
            .find(|l| l.starts_with("UID:"))
            .unwrap()
    };
    assert_eq!(uid(&a), uid(&b));
    assert!(uid(&a).ends_with("@diplomeet"));
    assert_eq!(uid(&a).len(), "UID:".len() + 32 + "@diplomeet".len());
    // Same meeting, cancelled: same UID, status CANCELLED.
    let m = seed::meeting().unwrap();
    let cancelled = Meeting::builder(m.title())
        .venue(m.venue().unwrap().clone())
        .occasion(m.occasion().unwrap())
        .start(match m.when() {
            diplomeet::Start::At(z) => *z,
            _ => unreachable!(),
        })
        .participants(m.participants().iter().cloned())
        .status(MeetingStatus::Cancelled)
        .build()
        .unwrap();
    let c = to_ics(&[cancelled], dtstamp()).unwrap();
    assert_eq!(uid(&c), uid(&a));
    assert!(unfold(&c).iter().any(|l| l == "STATUS:CANCELLED"));
    // A different meeting: a different UID.
    let other = to_ics(
        &[call(
            chrono_tz::Asia::Tokyo,
            "2024-01-10T10:00",
            Disambiguation::Reject,
        )],
        dtstamp(),
    )
    .unwrap();
    assert_ne!(uid(&other), uid(&a));
}

#[test]
fn no_meetings_is_an_error() {
    assert_eq!(to_ics(&[], dtstamp()).unwrap_err().kind(), ErrorKind::Empty);
}

// --- folding and escaping -----------------------------------------------

#[test]
fn long_unicode_description_folds_on_char_boundaries() {
    let text =
        "上川大臣は、日本とチリが基本的価値と原則を共有する戦略的パートナーであると述べた😀; \\ é"
            .repeat(6);
    let item = AgendaItem::builder(1)
        .title("冒頭発言, opening")
        .statement("a", OneSidedVerb::Stated, text.clone())
        .build()
        .unwrap();
    let m = Meeting::builder("日本・チリ外相会談; Japan, Chile")
        .mode(Mode::Video)
        .zone(chrono_tz::Asia::Tokyo)
        .starts_at(diplomeet::time::parse_civil("2024-01-10T10:00").unwrap())
        .participant(
            Minister::builder(
                PersonName::builder()
                    .given("Yoko")
                    .surname("Kamikawa")
                    .build()
                    .unwrap(),
                Country::from_code("JP").unwrap(),
            )
            .id("a")
            .post(post())
            .build()
            .unwrap(),
        )
        .participant(minister("Alberto", "van Klaveren", "CL"))
        .agenda_item(item)
        .build()
        .unwrap();
    let ics = to_ics(&[m], dtstamp()).unwrap();
    well_formed(&ics);
    // Some physical lines are cut short of 75 octets: a char did not fit.
    let physical: Vec<&str> = ics.split("\r\n").collect();
    assert!(physical.iter().any(|l| l.len() < 75 && l.starts_with(' ')));
    let lines = unfold(&ics);
    let has = |l: &str| lines.iter().any(|x| x == l);
    assert!(has("SUMMARY:日本・チリ外相会談\\; Japan\\, Chile"));
    assert!(has("LOCATION:By video conference"));
    let escaped = text
        .replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,");
    assert!(
        has(&format!(
            "DESCRIPTION:1. 冒頭発言\\, opening\\nKamikawa Yoko stated {escaped}."
        )) || has(&format!(
            "DESCRIPTION:1. 冒頭発言\\, opening\\nYoko Kamikawa stated {escaped}."
        ))
    );
}

#[test]
fn quoted_cn_and_date_only_meeting() {
    let name = PersonName::builder()
        .given("John, Jr.")
        .surname("Smith")
        .build()
        .unwrap();
    let smith = Minister::builder(name, Country::from_code("GB").unwrap())
        .post(post())
        .build()
        .unwrap();
    let m = Meeting::builder("Video talk")
        .mode(Mode::Video)
        .zone(chrono_tz::Europe::London)
        .starts_on(NaiveDate::from_ymd_opt(2023, 8, 15).unwrap())
        .duration(TimeDelta::try_minutes(45).unwrap())
        .participant(smith)
        .participant(minister("Alberto", "van Klaveren", "CL"))
        .status(MeetingStatus::Postponed)
        .build()
        .unwrap();
    let ics = to_ics(&[m], dtstamp()).unwrap();
    let lines = unfold(&ics);
    let has = |l: &str| lines.iter().any(|x| x == l);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("ATTENDEE;CN=\"John, Jr. Smith\";ROLE=REQ-PARTICIPANT:"))
    );
    assert!(has("DTSTART;VALUE=DATE:20230815"));
    assert!(
        !lines.iter().any(|l| l.starts_with("DURATION")),
        "a date has no hour duration"
    );
    assert!(has("STATUS:TENTATIVE"));
    assert!(!has("BEGIN:VTIMEZONE"));
}

// --- real clients ---------------------------------------------------------

/// Meetings at the hard places: gaps, folds (both occurrences), odd offsets,
/// midnight changes, negative DST, and across the date line.
fn hard_meetings() -> Vec<Meeting> {
    use Disambiguation::{Compatible, Earlier, Later, Reject};
    let z = |name: &str| -> Tz { name.parse().unwrap() };
    let mut out = vec![seed::meeting().unwrap()];
    let cases: &[(&str, &str, Disambiguation)] = &[
        // New York: gap 2026-03-08 02:00-03:00, fold 2026-11-01 01:00-02:00.
        ("America/New_York", "2026-03-08T02:30", Compatible),
        ("America/New_York", "2026-03-08T01:59:59", Reject),
        ("America/New_York", "2026-03-08T03:00", Reject),
        ("America/New_York", "2026-11-01T01:30", Earlier),
        ("America/New_York", "2026-11-01T01:30", Later),
        ("America/New_York", "2026-11-01T02:00", Reject),
        // Lord Howe: 30-minute DST. Gap 2026-10-04 02:00-02:30, fold 2026-04-05 01:30-02:00.
        ("Australia/Lord_Howe", "2026-10-04T02:15", Compatible),
        ("Australia/Lord_Howe", "2026-04-05T01:45", Earlier),
        ("Australia/Lord_Howe", "2026-04-05T01:45", Later),
        ("Australia/Lord_Howe", "2026-07-01T12:00", Reject),
        // Santiago: midnight changes. Gap 2026-09-06 00:00-01:00, fold 2026-04-04 23:00-24:00.
        ("America/Santiago", "2026-09-06T00:30", Compatible),
        ("America/Santiago", "2026-09-06T01:00", Reject),
        ("America/Santiago", "2026-04-04T23:30", Earlier),
        ("America/Santiago", "2026-04-04T23:30", Later),
        // Kathmandu: +05:45, no DST.
        ("Asia/Kathmandu", "2026-06-15T09:15", Reject),
        // Chatham: +12:45/+13:45. Gap 2026-09-27 02:45-03:45, fold 2026-04-05 02:45-03:45.
        ("Pacific/Chatham", "2026-09-27T03:00", Compatible),
        ("Pacific/Chatham", "2026-04-05T03:00", Earlier),
        ("Pacific/Chatham", "2026-04-05T03:00", Later),
        // Date line: Apia skipped 2011-12-30 (-10:00 to +14:00); Kiritimati
        // skipped 1994-12-31; Honolulu on the other side.
        ("Pacific/Apia", "2011-12-29T23:30", Reject),
        ("Pacific/Apia", "2011-12-30T12:00", Compatible),
        ("Pacific/Apia", "2011-12-31T00:30", Reject),
        ("Pacific/Apia", "2026-01-01T09:00", Reject),
        ("Pacific/Kiritimati", "1994-12-31T12:00", Compatible),
        ("Pacific/Kiritimati", "2026-01-01T09:00", Reject),
        ("Pacific/Honolulu", "2026-01-01T09:00", Reject),
        // Negative DST in the tz source (Irish winter time).
        ("Europe/Dublin", "2026-01-15T10:00", Reject),
        ("Europe/Dublin", "2026-10-25T01:30", Later),
        // No change at all.
        ("Asia/Tokyo", "2026-01-01T09:00", Reject),
    ];
    for (zone, civil, policy) in cases {
        out.push(call(z(zone), civil, *policy));
    }
    out
}

fn expected(meetings: &[Meeting], ics: &str) -> Vec<String> {
    let uids: Vec<String> = unfold(ics)
        .into_iter()
        .filter_map(|l| l.strip_prefix("UID:").map(str::to_owned))
        .collect();
    assert_eq!(uids.len(), meetings.len());
    meetings
        .iter()
        .zip(uids)
        .map(|(m, uid)| match m.when() {
            diplomeet::Start::At(z) => format!("{uid} {}", z.instant().timestamp()),
            diplomeet::Start::On(d) => format!("{uid} date {}", d.format("%Y%m%d")),
            _ => unreachable!(),
        })
        .collect()
}

fn write_temp(name: &str, text: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("export_ics");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Runs a client; `None` (after printing why) when it is not installed.
fn run_client(mut cmd: Command, what: &str) -> Option<Vec<String>> {
    let out = match cmd.output() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("SKIP: {what}: cannot run the interpreter: {e}");
            return None;
        }
    };
    if out.status.code() == Some(3) {
        eprintln!(
            "SKIP: {what}: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
        return None;
    }
    assert!(
        out.status.success(),
        "{what} failed: {}\n{}",
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    );
    Some(
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(str::to_owned)
            .collect(),
    )
}

fn python(ics_paths: &[PathBuf]) -> Option<Vec<String>> {
    let interpreter = std::env::var("DIPLOMEET_PYTHON").unwrap_or_else(|_| "python3".into());
    let mut cmd = Command::new(interpreter);
    cmd.arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/ics_oracle.py"))
        .args(ics_paths);
    if let Ok(extra) = std::env::var("DIPLOMEET_PYTHONPATH") {
        let joined = match std::env::var("PYTHONPATH") {
            Ok(old) if !old.is_empty() => format!("{extra}:{old}"),
            _ => extra,
        };
        cmd.env("PYTHONPATH", joined);
    }
    run_client(
        cmd,
        "python icalendar (pip install icalendar; set DIPLOMEET_PYTHONPATH)",
    )
}

fn node(ics_path: &Path) -> Option<Vec<String>> {
    let interpreter = std::env::var("DIPLOMEET_NODE").unwrap_or_else(|_| "node".into());
    let mut cmd = Command::new(interpreter);
    cmd.arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/ics_icaljs.cjs"))
        .arg(ics_path);
    if let Ok(path) = std::env::var("DIPLOMEET_NODE_PATH") {
        cmd.env("NODE_PATH", path);
    }
    run_client(
        cmd,
        "ical.js (npm install ical.js; set DIPLOMEET_NODE_PATH)",
    )
}

#[test]
fn hard_calendar_is_well_formed() {
    let meetings = hard_meetings();
    let ics = to_ics(&meetings, dtstamp()).unwrap();
    well_formed(&ics);
    let lines = unfold(&ics);
    // Every TZID used has its VTIMEZONE, each once.
    for l in &lines {
        if let Some(rest) = l.strip_prefix("DTSTART;TZID=") {
            let tzid = rest.split(':').next().unwrap();
            let n = lines
                .iter()
                .filter(|x| **x == format!("TZID:{tzid}"))
                .count();
            assert_eq!(n, 1, "{tzid}");
        }
    }
    // The second occurrence in a fold is written in UTC.
    assert!(lines.iter().any(|l| l == "DTSTART:20261101T063000Z"));
    assert!(
        lines
            .iter()
            .any(|l| l == "DTSTART;TZID=America/New_York:20261101T013000")
    );
    // Tokyo: one STANDARD observance, +0900.
    let tokyo = lines.iter().position(|l| l == "TZID:Asia/Tokyo").unwrap();
    assert_eq!(
        &lines[tokyo + 1..tokyo + 7],
        [
            "BEGIN:STANDARD",
            "DTSTART:20250101T090000",
            "TZOFFSETFROM:+0900",
            "TZOFFSETTO:+0900",
            "TZNAME:JST",
            "END:STANDARD"
        ]
    );
    assert_eq!(lines[tokyo + 7], "END:VTIMEZONE");
    // Odd offsets and half-hour DST.
    assert!(lines.iter().any(|l| l == "TZOFFSETTO:+0545"));
    assert!(lines.iter().any(|l| l == "TZOFFSETTO:+1345"));
    assert!(lines.iter().any(|l| l == "TZOFFSETTO:+1100"));
    assert!(lines.iter().any(|l| l == "TZOFFSETTO:+1030"));
    // Numeric abbreviations where the tz database has no letters.
    assert!(lines.iter().any(|l| l == "TZNAME:+0545"));
    assert!(lines.iter().any(|l| l == "TZNAME:-03"));
    // Santiago's change at midnight.
    assert!(lines.iter().any(|l| l == "DTSTART:20260906T000000"));
    // Apia's skipped day.
    assert!(
        lines
            .iter()
            .any(|l| l == "DTSTART:20111229T235959" || l == "DTSTART:20111230T000000")
    );
}

#[test]
fn python_icalendar_reads_every_start_through_our_vtimezone() {
    let meetings = hard_meetings();
    let ics = to_ics(&meetings, dtstamp()).unwrap();
    let path = write_temp("hard_python.ics", &ics);
    let Some(got) = python(&[path]) else { return };
    assert_eq!(got, expected(&meetings, &ics));
    // Each meeting alone, so that each VTIMEZONE's range is its own: one
    // interpreter run over all the files.
    let mut paths = Vec::new();
    let mut want = Vec::new();
    for (i, m) in meetings.iter().enumerate() {
        let one = to_ics(std::slice::from_ref(m), dtstamp()).unwrap();
        paths.push(write_temp(&format!("one_python_{i}.ics"), &one));
        want.extend(expected(std::slice::from_ref(m), &one));
    }
    assert_eq!(python(&paths).unwrap(), want);
}

/// ical.js reads a civil time that occurs twice as the occurrence whose
/// observance is not DAYLIGHT (its `Timezone.utcOffset` has `want_daylight =
/// false // TODO`), not the first occurrence RFC 5545 3.3.5 prescribes (and
/// Python's `icalendar` follows). So for a start written with a TZID in a
/// fold, either occurrence is accepted from ical.js; every other start must
/// be exact.
#[test]
fn ical_js_parses_and_agrees() {
    let meetings = hard_meetings();
    let ics = to_ics(&meetings, dtstamp()).unwrap();
    let path = write_temp("hard_icaljs.ics", &ics);
    let Some(got) = node(&path) else { return };
    let want = expected(&meetings, &ics);
    assert_eq!(got.len(), want.len());
    let lines = unfold(&ics);
    let mut ambiguous_seen = 0;
    for ((m, got), want) in meetings.iter().zip(&got).zip(&want) {
        if got == want {
            continue;
        }
        // Only a TZID start in a fold may differ, and only to the other occurrence.
        let diplomeet::Start::At(z) = m.when() else {
            panic!("{}: ical.js {got}, we {want}", m.title())
        };
        let written = format!(
            "DTSTART;TZID={}:{}",
            z.zone().name(),
            z.civil().format("%Y%m%dT%H%M%S")
        );
        assert!(
            lines.contains(&written),
            "{}: ical.js {got}, we {want}",
            m.title()
        );
        let chrono::LocalResult::Ambiguous(first, second) =
            z.zone().from_local_datetime(&z.civil())
        else {
            panic!("{}: ical.js {got}, we {want}", m.title())
        };
        let uid = want.split(' ').next().unwrap();
        assert!(
            *got == format!("{uid} {}", first.timestamp())
                || *got == format!("{uid} {}", second.timestamp()),
            "{}: ical.js {got}",
            m.title()
        );
        ambiguous_seen += 1;
    }
    eprintln!("ical.js read {ambiguous_seen} folded civil time(s) as their other occurrence");
    let seed = to_ics(&[seed::meeting().unwrap()], dtstamp()).unwrap();
    let path = write_temp("seed_icaljs.ics", &seed);
    let got = node(&path).unwrap();
    assert_eq!(got, expected(&[seed::meeting().unwrap()], &seed));
}
