//! iCalendar export: the seed's golden file, folding and escaping, and real
//! clients reading our calendars.
//!
//! The real-client tests run `tests/support/ics_oracle.py` (Python
//! `icalendar`, which computes each start through OUR VTIMEZONE with
//! `Timezone.to_tz(lookup_tzid=False)`) and `tests/support/ics_icaljs.cjs`
//! (`ical.js`, which registers our VTIMEZONEs). Both print each event's start
//! and end instants (DTSTART + DURATION as RFC 5545 3.3.6 defines it: days
//! nominal, hours exact) and the end's civil time through our VTIMEZONE, so
//! a `P1D` written for 24 hours across a change of offset is caught. Each
//! skips with a message when its package is absent, and fails instead under
//! `DIPLOMEET_REQUIRE_ORACLES=1` (as in CI). Where they are looked for
//! (`DIPLOMEET_PYTHON`, `DIPLOMEET_PYTHONPATH`, `DIPLOMEET_NODE`,
//! `DIPLOMEET_NODE_PATH`, by default what `.ci/run` installs under
//! `target/ci-deps`): see `tests/common/oracle.rs`.
//!
//! `DIPLOMEET_BLESS=1` rewrites `tests/golden/seed.ics`.
// Helpers stop loudly too: clippy.toml allows this in #[test] functions only.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

mod common;

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;
use common::oracle::{self, ICAL_JS, ICALENDAR};
use common::{
    civil, golden, minister, minister_builder, minutes, pair, scratch_file, seed_meeting,
};
use diplomeet::export::to_ics;
use diplomeet::{AgendaItem, Disambiguation, ErrorKind, Meeting, MeetingStatus, Mode, Verb};

fn dtstamp() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2023, 11, 14, 0, 0, 0).unwrap()
}

/// A 30-minute telephone talk at `at` in `zone`, resolved by `policy`.
fn call(zone: Tz, at: &str, policy: Disambiguation) -> Meeting {
    Meeting::builder(format!("Call at {at} {} ({policy:?})", zone.name()))
        .mode(Mode::Telephone)
        .zone(zone)
        .disambiguation(policy)
        .starts_at(civil(at))
        .duration(minutes(30))
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
    let ics = to_ics(&[seed_meeting()], dtstamp()).unwrap();
    well_formed(&ics);
    golden("seed.ics", &ics);
}

#[test]
fn seed_event_properties() {
    let ics = to_ics(&[seed_meeting()], dtstamp()).unwrap();
    let lines = unfold(&ics);
    let has = |l: &str| lines.iter().any(|x| x == l);
    assert_eq!(lines.first().unwrap(), "BEGIN:VCALENDAR");
    assert!(has("PRODID:-//diplomeet//diplomeet 0.2//EN"));
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
    assert!(
        desc.starts_with("DESCRIPTION:Occasion: APEC Ministerial Meeting\\n"),
        "{desc}"
    );
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
fn uid_is_the_meeting_id_and_survives_a_revision() {
    let seed = seed_meeting();
    let a = to_ics(std::slice::from_ref(&seed), dtstamp()).unwrap();
    let later = Utc.with_ymd_and_hms(2030, 1, 1, 0, 0, 0).unwrap();
    let b = to_ics(&[seed_meeting()], later).unwrap();
    let uid = |s: &str| {
        unfold(s)
            .into_iter()
            .find(|l| l.starts_with("UID:"))
            .unwrap()
    };
    // No clock and no randomness: another DTSTAMP, the same UID.
    assert_eq!(uid(&a), uid(&b));
    assert_eq!(uid(&a), format!("UID:{}@diplomeet", seed.id()));
    assert!(
        seed.id()
            .starts_with("2023-11-13-japan-chile-foreign-ministers-meeting-"),
        "{}",
        seed.id()
    );
    // The same meeting, cancelled, rebuilt from the original: to_builder
    // keeps the id, so the UID, and the status says CANCELLED.
    let cancelled = seed
        .to_builder()
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
    let item = AgendaItem::builder()
        .number(1)
        .title("冒頭発言, opening")
        .statement("a", Verb::Stated, text.clone())
        .build()
        .unwrap();
    let m = Meeting::builder("日本・チリ外相会談; Japan, Chile")
        .mode(Mode::Video)
        .zone(chrono_tz::Asia::Tokyo)
        .starts_at(civil("2024-01-10T10:00"))
        .participant(
            minister_builder("Yoko", "Kamikawa", "JP")
                .id("a")
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
    let smith = minister("John, Jr.", "Smith", "GB");
    let m = Meeting::builder("Video talk")
        .mode(Mode::Video)
        .zone(chrono_tz::Europe::London)
        .starts_on(NaiveDate::from_ymd_opt(2023, 8, 15).unwrap())
        .duration(minutes(45))
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

// --- durations, windows, UIDs, ranges (review 4) ---------------------------

/// The content lines of the VTIMEZONE of `tzid`.
fn vtimezone_lines(ics: &str, tzid: &str) -> Vec<String> {
    let lines = unfold(ics);
    let at = lines
        .iter()
        .position(|l| *l == format!("TZID:{tzid}"))
        .unwrap();
    lines[at..]
        .iter()
        .take_while(|l| *l != "END:VTIMEZONE")
        .cloned()
        .collect()
}

#[test]
fn a_timed_day_is_24_exact_hours_and_a_date_takes_days() {
    let day = TimeDelta::try_hours(24).unwrap();
    let m = lasting(
        "America/New_York".parse().unwrap(),
        "2026-03-07T12:00",
        day,
        "Across the spring change",
    );
    let ics = to_ics(&[m], dtstamp()).unwrap();
    let lines = unfold(&ics);
    assert!(lines.iter().any(|l| l == "DURATION:PT24H"), "{ics}");
    assert!(!lines.iter().any(|l| l == "DURATION:P1D"));
    // After a date, a whole day is a calendar day.
    let dated = on_date(NaiveDate::from_ymd_opt(2026, 3, 7).unwrap(), Some(day));
    let ics = to_ics(&[dated], dtstamp()).unwrap();
    assert!(unfold(&ics).iter().any(|l| l == "DURATION:P1D"));
}

#[test]
fn vtimezone_covers_windows_around_meetings_not_the_years_between() {
    let tokyo = chrono_tz::Asia::Tokyo;
    let far = [
        call(tokyo, "0100-06-01T12:00", Disambiguation::Reject),
        call(tokyo, "9999-06-01T12:00", Disambiguation::Reject),
    ];
    let started = std::time::Instant::now();
    let ics = to_ics(&far, dtstamp()).unwrap();
    let took = started.elapsed();
    // Was 39 s in debug (every hour of 9,900 years); now two 3-year windows.
    assert!(took.as_secs_f64() < 2.0, "took {took:?}");
    let vtz = vtimezone_lines(&ics, "Asia/Tokyo");
    let onsets: Vec<&String> = vtz.iter().filter(|l| l.starts_with("DTSTART:")).collect();
    assert_eq!(
        onsets,
        ["DTSTART:00990101T091859", "DTSTART:99980101T090000"],
        "{vtz:#?}"
    );
    // Each window opens with the offset in force there.
    assert!(vtz.iter().any(|l| l == "TZOFFSETTO:+091859"));
    assert!(vtz.iter().any(|l| l == "TZOFFSETTO:+0900"));
    assert!(vtz.len() < 20, "{vtz:#?}");

    // New York in 1950 and 2026: two windows, each opening in EST, with
    // only the changes around each meeting.
    let ny: Tz = "America/New_York".parse().unwrap();
    let two = [
        call(ny, "1950-07-01T12:00", Disambiguation::Reject),
        call(ny, "2026-07-01T12:00", Disambiguation::Reject),
    ];
    let ics = to_ics(&two, dtstamp()).unwrap();
    let vtz = vtimezone_lines(&ics, "America/New_York");
    let onsets: Vec<&str> = vtz
        .iter()
        .filter_map(|l| l.strip_prefix("DTSTART:"))
        .collect();
    assert_eq!(onsets.first(), Some(&"19481231T190000"));
    assert!(onsets.contains(&"20241231T190000"), "{onsets:?}");
    assert!(
        onsets
            .iter()
            .all(|o| o.starts_with("194") || o.starts_with("195") || o.starts_with("202"))
    );
    // Overlapping windows merge: two meetings months apart, one opening.
    let close = [
        call(ny, "2026-01-10T12:00", Disambiguation::Reject),
        call(ny, "2026-07-01T12:00", Disambiguation::Reject),
    ];
    let ics = to_ics(&close, dtstamp()).unwrap();
    let vtz = vtimezone_lines(&ics, "America/New_York");
    let openings = vtz
        .windows(2)
        .filter(|w| w[0] == "TZOFFSETFROM:-0500" && w[1] == "TZOFFSETTO:-0500")
        .count();
    assert_eq!(openings, 1, "{vtz:#?}");
}

/// Neither client reads years before 0100 (Python's `datetime` has no year
/// 0; ical.js goes through JavaScript's `Date.UTC`, which takes years 0 to 99
/// for 1900 to 1999), so the windows reaching into year 0000 are checked
/// here: every onset is written within years 0000 to 9999.
#[test]
fn years_0000_and_9999_west_and_east_of_utc() {
    let la: Tz = "America/Los_Angeles".parse().unwrap();
    for (zone, civil) in [
        (la, "0000-06-13T16:00"),
        (la, "0001-01-01T00:00"),
        ("Pacific/Pago_Pago".parse().unwrap(), "0000-01-01T00:00"),
        ("Pacific/Kiritimati".parse().unwrap(), "0000-01-01T00:00"),
        (chrono_tz::Asia::Tokyo, "0000-01-01T00:00"),
        (chrono_tz::Asia::Tokyo, "9999-12-31T23:00"),
        // Past 2099 only zones on one offset all year are accepted (the tz
        // data's horizon): Bogota is west of UTC.
        ("America/Bogota".parse().unwrap(), "9999-12-31T23:00"),
    ] {
        let m = call(zone, civil, Disambiguation::Reject);
        let ics = to_ics(std::slice::from_ref(&m), dtstamp())
            .unwrap_or_else(|e| panic!("{} {civil}: {e}", zone.name()));
        well_formed(&ics);
        let vtz = vtimezone_lines(&ics, zone.name());
        for onset in vtz.iter().filter_map(|l| l.strip_prefix("DTSTART:")) {
            assert!(
                ("00000101T000000".."99991231T235960").contains(&onset),
                "{} {civil}: onset {onset}",
                zone.name()
            );
        }
    }
    // Windows open no earlier than midnight local on 0001-01-01 (clients
    // cannot read year 0000)...
    let ics = to_ics(
        &[call(la, "0001-06-13T16:00", Disambiguation::Reject)],
        dtstamp(),
    )
    .unwrap();
    let vtz = vtimezone_lines(&ics, "America/Los_Angeles");
    assert_eq!(vtz[2], "DTSTART:00010101T000000");
    // ... unless the meeting itself is in year 0000: then at its start.
    let ics = to_ics(
        &[call(la, "0000-06-13T16:00", Disambiguation::Reject)],
        dtstamp(),
    )
    .unwrap();
    let vtz = vtimezone_lines(&ics, "America/Los_Angeles");
    assert_eq!(vtz[2], "DTSTART:00000613T160000");
}

/// A meeting in year 1, east and west of UTC: Python's `icalendar` reads the
/// file (no `DTSTART:0000...` in its VTIMEZONE) and finds the start.
#[test]
fn python_icalendar_reads_a_meeting_in_year_one() {
    let mut paths = Vec::new();
    let mut want = Vec::new();
    for (i, (zone, civil)) in [
        ("America/Los_Angeles", "0001-01-01T09:00"),
        ("Asia/Tokyo", "0001-01-01T00:30"),
        ("Pacific/Kiritimati", "0001-03-01T10:00"),
    ]
    .into_iter()
    .enumerate()
    {
        let m = call(zone.parse().unwrap(), civil, Disambiguation::Reject);
        let ics = to_ics(std::slice::from_ref(&m), dtstamp()).unwrap();
        assert!(!ics.contains("DTSTART:0000"), "{ics}");
        paths.push(write_temp(&format!("year_one_{i}.ics"), &ics));
        want.extend(expected(std::slice::from_ref(&m), &ics));
    }
    let Some(got) = python(&paths) else { return };
    assert_eq!(got, want);
}

#[test]
fn a_uid_twice_in_one_calendar_is_an_error() {
    let seed = seed_meeting();
    let err = to_ics(&[seed.clone(), seed.clone()], dtstamp()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Duplicate);
    assert_eq!(err.path(), "meetings[1]");
    assert!(err.to_string().contains("@diplomeet"), "{err}");
    // A revision (cancelled) next to its original: the same id, the same UID.
    let cancelled = seed
        .to_builder()
        .status(MeetingStatus::Cancelled)
        .build()
        .unwrap();
    let other = call(
        chrono_tz::Asia::Tokyo,
        "2024-01-10T10:00",
        Disambiguation::Reject,
    );
    let err = to_ics(&[seed, other, cancelled], dtstamp()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Duplicate);
    assert_eq!(err.path(), "meetings[2]");
}

/// A derived UID tells apart two sessions of one day (their times differ)
/// and keeps the date in front; an id given by the caller is the UID, so a
/// meeting moved to another time keeps it.
#[test]
fn uid_tells_sessions_apart_and_keeps_a_given_id() {
    let at = |text: &str, id: Option<&str>| {
        let mut b = Meeting::builder("Japan-Chile Foreign Ministers' Telephone Talk")
            .mode(Mode::Telephone)
            .zone(chrono_tz::Asia::Tokyo)
            .starts_at(civil(text))
            .participants(pair());
        if let Some(id) = id {
            b = b.id(id);
        }
        b.build().unwrap()
    };
    let uid = |m: &Meeting| {
        unfold(&to_ics(std::slice::from_ref(m), dtstamp()).unwrap())
            .into_iter()
            .find(|l| l.starts_with("UID:"))
            .unwrap()
    };
    let morning = uid(&at("2024-01-10T09:00", None));
    let evening = uid(&at("2024-01-10T17:30", None));
    assert_ne!(morning, evening);
    assert!(morning.starts_with("UID:2024-01-10-japan-chile-foreign-ministers-telephone-talk-"));
    assert!(evening.starts_with("UID:2024-01-10-japan-chile-foreign-ministers-telephone-talk-"));
    assert_eq!(uid(&at("2024-01-10T09:00", None)), morning);
    let given = uid(&at("2024-01-10T09:00", Some("jp-cl-call-2024-01")));
    assert_eq!(given, "UID:jp-cl-call-2024-01@diplomeet");
    assert_eq!(
        uid(&at("2024-01-11T15:00", Some("jp-cl-call-2024-01"))),
        given
    );
}

#[test]
fn description_sentences_end_with_one_full_stop() {
    let item = AgendaItem::builder()
        .number(1)
        .title("Opening remarks")
        .statement("a", Verb::Stated, "that the talks went well.")
        .statement("a", Verb::Stated, "that it was a good day!")
        .statement("a", Verb::Stated, "that more would follow")
        .build()
        .unwrap();
    let m = Meeting::builder("Talk")
        .mode(Mode::Video)
        .zone(chrono_tz::Asia::Tokyo)
        .occasion("The G7 Summit.")
        .starts_at(civil("2024-01-10T10:00"))
        .participant(
            minister_builder("Yoko", "Kamikawa", "JP")
                .id("a")
                .build()
                .unwrap(),
        )
        .participant(minister("Alberto", "van Klaveren", "CL"))
        .agenda_item(item)
        .build()
        .unwrap();
    let ics = to_ics(&[m], dtstamp()).unwrap();
    let desc = unfold(&ics)
        .into_iter()
        .find(|l| l.starts_with("DESCRIPTION:"))
        .unwrap();
    assert!(!desc.contains(".."), "{desc}");
    assert!(!desc.contains("!."), "{desc}");
    assert!(desc.contains("Occasion: The G7 Summit.\\n"), "{desc}");
    assert!(desc.contains("that the talks went well.\\n"), "{desc}");
    assert!(desc.contains("that it was a good day!\\n"), "{desc}");
    assert!(desc.ends_with("that more would follow."), "{desc}");
}

// --- real clients ---------------------------------------------------------

/// Meetings at the hard places: gaps, folds (both occurrences), odd offsets,
/// midnight changes, negative DST, and across the date line.
fn hard_meetings() -> Vec<Meeting> {
    use Disambiguation::{Compatible, Earlier, Later, Reject};
    let z = |name: &str| -> Tz { name.parse().unwrap() };
    let mut out = vec![seed_meeting()];
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
    // 24 hours across a change of offset: exact hours (`PT24H`), so the end
    // is 13:00 EDT (or 11:00 EST), not the same clock time a day later.
    let day = TimeDelta::try_hours(24).unwrap();
    for (zone, civil) in [
        ("America/New_York", "2026-03-07T12:00"),
        ("America/New_York", "2026-10-31T12:00"),
        ("Australia/Lord_Howe", "2026-10-03T12:00"),
        ("Pacific/Apia", "2011-12-29T12:00"),
    ] {
        out.push(lasting(
            z(zone),
            civil,
            day,
            &format!("24 hours from {civil}"),
        ));
    }
    // Dates, with whole days and without.
    out.push(on_date(
        NaiveDate::from_ymd_opt(2026, 3, 7).unwrap(),
        Some(day),
    ));
    out.push(on_date(NaiveDate::from_ymd_opt(2026, 3, 8).unwrap(), None));
    // Windows far apart in one zone: each opens with its own offset (EST in
    // January 1949, LMT in year 0101 in Tokyo).
    out.push(call(z("America/New_York"), "1950-07-01T12:00", Reject));
    out.push(call(z("Asia/Tokyo"), "0101-06-01T12:00", Reject));
    out.push(call(z("Asia/Tokyo"), "1887-06-30T23:00", Reject));
    // The end of year 9999 on both sides of UTC.
    out.push(call(z("Asia/Tokyo"), "9999-12-31T23:00", Reject));
    out.push(call(z("America/Bogota"), "9999-12-31T23:00", Reject));
    out
}

/// A telephone talk of `duration` at `civil` in `zone`.
fn lasting(zone: Tz, at: &str, duration: TimeDelta, title: &str) -> Meeting {
    Meeting::builder(format!("{title} in {}", zone.name()))
        .mode(Mode::Telephone)
        .zone(zone)
        .starts_at(civil(at))
        .duration(duration)
        .participants(pair())
        .build()
        .unwrap()
}

/// A video talk known by its date alone.
fn on_date(date: NaiveDate, duration: Option<TimeDelta>) -> Meeting {
    let mut b = Meeting::builder(format!("Talk on {date}"))
        .mode(Mode::Video)
        .zone(chrono_tz::Europe::London)
        .starts_on(date)
        .participants(pair());
    if let Some(d) = duration {
        b = b.duration(d);
    }
    b.build().unwrap()
}

/// Each VEVENT's content lines, in order.
fn events(ics: &str) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut inside = false;
    for l in unfold(ics) {
        match l.as_str() {
            "BEGIN:VEVENT" => {
                inside = true;
                out.push(Vec::new());
            }
            "END:VEVENT" => inside = false,
            _ if inside => out.last_mut().unwrap().push(l),
            _ => {}
        }
    }
    out
}

/// What the clients should print for each meeting (see
/// `tests/support/ics_oracle.py`): `UID START END END_LOCAL` with the end
/// the start plus the duration in exact time, on the venue's clock (`-` for
/// a start written in UTC), or `UID date FIRST AFTER` for a date.
fn expected(meetings: &[Meeting], ics: &str) -> Vec<String> {
    let events = events(ics);
    assert_eq!(events.len(), meetings.len());
    meetings
        .iter()
        .zip(events)
        .map(|(m, lines)| {
            let uid = lines
                .iter()
                .find_map(|l| l.strip_prefix("UID:"))
                .unwrap()
                .to_owned();
            match m.when() {
                diplomeet::Start::At(z) => {
                    let start = z.instant();
                    let end = start + m.duration().unwrap_or_default();
                    let in_utc = lines
                        .iter()
                        .any(|l| l.starts_with("DTSTART:") && l.ends_with('Z'));
                    let local = if in_utc {
                        "-".to_owned()
                    } else {
                        end.with_timezone(&z.zone())
                            .format("%Y%m%dT%H%M%S")
                            .to_string()
                    };
                    format!("{uid} {} {} {local}", start.timestamp(), end.timestamp())
                }
                diplomeet::Start::On(d) => {
                    let secs = m.duration().map_or(0, |d| d.num_seconds());
                    let days = if secs > 0 && secs % 86_400 == 0 {
                        secs / 86_400
                    } else {
                        1
                    };
                    let after = *d + TimeDelta::try_days(days).unwrap();
                    format!(
                        "{uid} date {} {}",
                        d.format("%Y%m%d"),
                        after.format("%Y%m%d")
                    )
                }
                _ => unreachable!(),
            }
        })
        .collect()
}

fn write_temp(name: &str, text: &str) -> PathBuf {
    scratch_file("export_ics", name, text)
}

/// What a client prints for the calendars, one line an event, or `None`
/// when the oracle is missing.
fn client_lines(oracle: &oracle::Oracle, cmd: std::process::Command) -> Option<Vec<String>> {
    let out = oracle.stdout(cmd)?;
    Some(out.lines().map(str::to_owned).collect())
}

/// Python icalendar's reading of the calendars.
fn python(ics_paths: &[PathBuf]) -> Option<Vec<String>> {
    let mut cmd = oracle::python();
    cmd.arg(oracle::support("ics_oracle.py")).args(ics_paths);
    client_lines(&ICALENDAR, cmd)
}

/// ical.js's reading of the calendar.
fn node(ics_path: &std::path::Path) -> Option<Vec<String>> {
    let mut cmd = oracle::node();
    cmd.arg(oracle::support("ics_icaljs.cjs")).arg(ics_path);
    client_lines(&ICAL_JS, cmd)
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
    // Tokyo alone in 2026: one STANDARD observance, +0900.
    let tokyo_only = to_ics(
        &[call(
            chrono_tz::Asia::Tokyo,
            "2026-01-01T09:00",
            Disambiguation::Reject,
        )],
        dtstamp(),
    )
    .unwrap();
    let tokyo_lines = unfold(&tokyo_only);
    let tokyo = tokyo_lines
        .iter()
        .position(|l| l == "TZID:Asia/Tokyo")
        .unwrap();
    assert_eq!(
        &tokyo_lines[tokyo + 1..tokyo + 7],
        [
            "BEGIN:STANDARD",
            "DTSTART:20250101T090000",
            "TZOFFSETFROM:+0900",
            "TZOFFSETTO:+0900",
            "TZNAME:JST",
            "END:STANDARD"
        ]
    );
    assert_eq!(tokyo_lines[tokyo + 7], "END:VTIMEZONE");
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

/// What ical.js prints for a meeting whose zone's offset at the start has
/// seconds (local mean time: Tokyo's `+09:18:59`), or `None` when it has
/// none: ical.js keeps only the hours and minutes of a `TZOFFSETTO`
/// (`+091859` is read as `+09:18`), so its instants are off by the seconds.
fn icaljs_without_offset_seconds(m: &Meeting, uid: &str) -> Option<String> {
    use chrono::Offset;
    let diplomeet::Start::At(z) = m.when() else {
        return None;
    };
    let offset = z.to_datetime().offset().fix().local_minus_utc();
    let seconds = offset % 60;
    if seconds == 0 {
        return None;
    }
    let shift = TimeDelta::try_seconds(i64::from(seconds)).unwrap();
    let start = z.instant() + shift;
    let end = z.instant() + m.duration().unwrap_or_default();
    Some(format!(
        "{uid} {} {} {}",
        start.timestamp(),
        (end + shift).timestamp(),
        end.with_timezone(&z.zone()).format("%Y%m%dT%H%M%S")
    ))
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
    let mut lmt_seen = 0;
    for ((m, got), want) in meetings.iter().zip(&got).zip(&want) {
        if got == want {
            continue;
        }
        let uid = want.split(' ').next().unwrap();
        if let Some(shifted) = icaljs_without_offset_seconds(m, uid) {
            assert_eq!(*got, shifted, "{}: ical.js, we {want}", m.title());
            lmt_seen += 1;
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
        let line = |start: chrono::DateTime<Tz>| {
            let end = start + m.duration().unwrap_or_default();
            format!(
                "{uid} {} {} {}",
                start.timestamp(),
                end.timestamp(),
                end.format("%Y%m%dT%H%M%S")
            )
        };
        assert!(
            *got == line(first) || *got == line(second),
            "{}: ical.js {got}",
            m.title()
        );
        ambiguous_seen += 1;
    }
    eprintln!("ical.js read {ambiguous_seen} folded civil time(s) as their other occurrence");
    eprintln!("ical.js dropped the offset seconds of {lmt_seen} local-mean-time start(s)");
    let seed = to_ics(&[seed_meeting()], dtstamp()).unwrap();
    let path = write_temp("seed_icaljs.ics", &seed);
    let got = node(&path).unwrap();
    assert_eq!(got, expected(&[seed_meeting()], &seed));
}
