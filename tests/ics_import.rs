//! The iCalendar reader: the shapes Outlook, Google and Apple export
//! (`tests/ics/`), recurring events in their own zones across changes of
//! offset, leniency with line numbers, limits that stop every expansion,
//! the round trip through our own exporter, busy blocks into the slot
//! search, and the generated Windows zone table.
// Helpers stop loudly too: clippy.toml allows this in #[test] functions only.
#![allow(clippy::unwrap_used)]

mod common;

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;
use common::{
    civil, date, kamikawa, manifest_path, minister, minutes, oracle, pair, plain_kamikawa,
    seed_meeting, utc_midnight, van_klaveren, venue,
};
use diplomeet::export::to_ics;
use diplomeet::ical::{
    EventStatus, IcsCalendar, Occurrences, WarningKind, Window, windows_zone, windows_zone_in,
    windows_zone_table,
};
use diplomeet::schedule::SlotSearch;
use diplomeet::{
    Country, Disambiguation, ErrorKind, Limits, Meeting, MeetingStatus, Minister, Mode,
};

fn fixture(name: &str) -> IcsCalendar {
    let path = manifest_path(&format!("tests/ics/{name}.ics"));
    IcsCalendar::parse_bytes(&std::fs::read(path).unwrap(), &Limits::default()).unwrap()
}

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn window(from: &str, to: &str) -> Window {
    Window::new(utc(from), utc(to)).unwrap()
}

/// `(start, end)` of the busy occurrences of one UID, as RFC 3339 in `zone`.
fn local(occ: &Occurrences<'_>, uid: &str, zone: Tz) -> Vec<String> {
    occ.iter()
        .filter(|o| o.uid() == uid && o.is_busy())
        .map(|o| {
            format!(
                "{} {}",
                o.start().with_timezone(&zone).format("%Y-%m-%d %a %H:%M"),
                o.end().with_timezone(&zone).format("%H:%M")
            )
        })
        .collect()
}

#[test]
fn weekly_meetings_keep_their_own_clock_across_changes_of_offset() {
    let cal = fixture("dst_weekly");
    assert!(cal.warnings().is_empty(), "{:?}", cal.warnings());
    let occ = cal.occurrences(&window("2026-03-01T00:00:00Z", "2026-03-23T00:00:00Z"));
    let tokyo = chrono_tz::Asia::Tokyo;
    let ny = chrono_tz::America::New_York;
    // The Tokyo meeting stays at 09:00 Tokyo across New York's change.
    assert_eq!(
        local(&occ, "tokyo-weekly", tokyo),
        [
            "2026-03-02 Mon 09:00 10:00",
            "2026-03-09 Mon 09:00 10:00",
            "2026-03-16 Mon 09:00 10:00",
        ]
    );
    // The New York meeting stays at 09:00 New York ...
    assert_eq!(
        local(&occ, "new-york-weekly", ny),
        [
            "2026-03-02 Mon 09:00 10:00",
            "2026-03-09 Mon 09:00 10:00",
            "2026-03-16 Mon 09:00 10:00",
        ]
    );
    // ... so it moves by an hour on Tokyo's clock (23:00, then 22:00).
    assert_eq!(
        local(&occ, "new-york-weekly", tokyo),
        [
            "2026-03-02 Mon 23:00 00:00",
            "2026-03-09 Mon 22:00 23:00",
            "2026-03-16 Mon 22:00 23:00",
        ]
    );
}

#[test]
fn outlook_windows_zones_with_their_own_vtimezones() {
    let cal = fixture("outlook");
    assert!(cal.warnings().is_empty(), "{:?}", cal.warnings());
    assert_eq!(cal.zone(), Some(chrono_tz::Asia::Tokyo));
    assert_eq!(cal.name(), Some("Minister's diary (Tokyo)"));
    let events = cal.events();
    // The folded UID is read whole; the Windows names map to IANA zones.
    let weekly = &events[0];
    assert!(weekly.uid().ends_with("8091") && weekly.uid().len() > 100);
    assert_eq!(weekly.tzid(), Some("Tokyo Standard Time"));
    assert_eq!(weekly.zone(), Some(chrono_tz::Asia::Tokyo));
    assert_eq!(events[2].zone(), Some(chrono_tz::America::New_York));
    assert_eq!(events[3].zone(), Some(chrono_tz::Europe::Berlin));
    let occ = cal.occurrences(&window("2026-01-01T00:00:00Z", "2026-04-01T00:00:00Z"));
    let tokyo = chrono_tz::Asia::Tokyo;
    let mondays = local(&occ, weekly.uid(), tokyo);
    // Two EXDATEs (Jan 12, Feb 9); March 2 moved to the afternoon.
    assert!(
        !mondays
            .iter()
            .any(|m| m.starts_with("2026-01-12") || m.starts_with("2026-02-09"))
    );
    assert!(mondays.contains(&"2026-03-02 Mon 14:00 15:00".to_owned()));
    assert!(mondays.contains(&"2026-03-09 Mon 09:00 10:30".to_owned()));
    assert_eq!(mondays.len(), 11);
    // The Washington call through Outlook's Eastern rules: 09:00 EST, then EDT.
    let call = local(&occ, events[2].uid(), chrono_tz::America::New_York);
    assert_eq!(call.len(), 4);
    assert!(call.iter().all(|c| c.contains(" 09:00 10:00")));
    let utc_starts: Vec<String> = occ
        .iter()
        .filter(|o| o.uid() == events[2].uid())
        .map(|o| o.start().format("%m-%d %H:%M").to_string())
        .collect();
    assert_eq!(
        utc_starts,
        ["03-04 14:00", "03-11 13:00", "03-18 13:00", "03-25 13:00"]
    );
    // Brussels desk: every other day at 16:00 Berlin, across Europe's change.
    let desk = local(&occ, events[3].uid(), chrono_tz::Europe::Berlin);
    assert_eq!(desk.len(), 5, "{desk:?}");
    assert!(desk.iter().all(|d| d.contains(" 16:00 17:00")));
    // The holiday is free, the private dinner busy with no details.
    let holiday = &events[4];
    assert!(holiday.is_all_day() && holiday.is_transparent() && !holiday.is_busy());
    let dinner = &events[5];
    assert!(dinner.is_private() && dinner.is_busy());
    assert_eq!(dinner.summary(), None);
    assert_eq!(
        local(&occ, dinner.uid(), tokyo),
        ["2026-03-17 Tue 18:00 20:00"]
    );
}

#[test]
fn google_x_wr_timezone_reads_utc_times_on_the_calendars_clock() {
    let cal = fixture("google");
    assert!(cal.warnings().is_empty(), "{:?}", cal.warnings());
    assert_eq!(cal.zone(), Some(chrono_tz::Europe::Paris));
    let paris = chrono_tz::Europe::Paris;
    let occ = cal.occurrences(&window("2026-03-23T00:00:00Z", "2026-04-04T00:00:00Z"));
    // Written as 07:00Z in winter: 08:00 in Paris, and still 08:00 after
    // the change of March 29 (06:00Z), as Google's clients show it.
    let press = local(&occ, "0a9b8c7d6e5f4g3h2i1j@google.com", paris);
    assert_eq!(press.len(), 10);
    assert!(
        press.iter().all(|p| p.ends_with("08:00 08:30")),
        "{press:?}"
    );
    // The cancelled instance of March 17 is not busy; March 26 moved.
    let all = cal.occurrences(&window("2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z"));
    let directors = "3k1u9rtl2pq4m8s0a7b6c5d4e3@google.com";
    let cancelled: Vec<_> = all
        .iter()
        .filter(|o| o.uid() == directors && !o.is_busy())
        .collect();
    assert_eq!(cancelled.len(), 1);
    assert_eq!(cancelled[0].event().status(), Some(EventStatus::Cancelled));
    let busy = local(&all, directors, paris);
    assert!(busy.contains(&"2026-03-26 Thu 16:00 17:30".to_owned()));
    assert!(
        !busy
            .iter()
            .any(|b| b.starts_with("2026-03-12") || b.starts_with("2026-03-17"))
    );
    // Location escapes.
    assert_eq!(cal.events()[0].location(), Some("Quai d'Orsay, Paris"));
}

#[test]
fn apple_quoted_tzids_and_structured_locations() {
    let cal = fixture("apple");
    assert!(cal.warnings().is_empty(), "{:?}", cal.warnings());
    let events = cal.events();
    assert_eq!(events[0].tzid(), Some("America/Los_Angeles"));
    assert_eq!(
        events[0].location(),
        Some("275 Battery Street\nSan Francisco CA 94111\nUnited States")
    );
    assert_eq!(events[1].zone(), Some(chrono_tz::Asia::Tokyo));
    let occ = cal.occurrences(&window("2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z"));
    let la = chrono_tz::America::Los_Angeles;
    assert_eq!(
        local(&occ, "6F1C2B3A-4D5E-4F60-8172-93A4B5C6D7E8", la),
        [
            "2026-03-05 Thu 16:00 17:00",
            "2026-03-12 Thu 16:00 17:00",
            "2026-03-26 Thu 16:00 17:00"
        ]
    );
    // 00:30 PST to 03:30 PDT on the day of the change is two hours of
    // exact time (RFC 5545: DTEND - DTSTART).
    let night: Vec<_> = occ
        .iter()
        .filter(|o| o.uid() == "1A2B3C4D-5E6F-4A7B-8C9D-0E1F2A3B4C5D")
        .collect();
    assert_eq!(night[0].end() - night[0].start(), TimeDelta::hours(2));
}

#[test]
fn lenient_reading_reports_what_it_skipped_with_lines() {
    // LF line ends, lower-case names, no VERSION, a line folded without its
    // space, an unknown property, a TZID nobody knows, an event without a
    // start, a bad date, an END without BEGIN, a missing END.
    let text = "begin:vcalendar\n\
                prodid:-//hand written//EN\n\
                begin:vevent\n\
                uid:one\n\
                dtstart;tzid=Europe/Rome:20260105T100000\n\
                description:a long text that was folded\n\
                without its leading space\n\
                x-unknown-thing:whatever\n\
                end:vevent\n\
                begin:vevent\n\
                uid:two\n\
                summary:no start\n\
                end:vevent\n\
                BEGIN:VEVENT\n\
                UID:three\n\
                DTSTART;TZID=Mars/Olympus_Mons:20260105T100000\n\
                DTEND:2026-13-45\n\
                END:VEVENT\n\
                END:VTODO\n\
                BEGIN:VEVENT\n\
                UID:four\n\
                DTSTART;VALUE=DATE:20260106\n";
    let cal = IcsCalendar::parse(text).unwrap();
    let found: Vec<(usize, WarningKind)> = cal
        .warnings()
        .iter()
        .map(|w| (w.line(), w.kind()))
        .collect();
    assert_eq!(
        found,
        [
            (1, WarningKind::Unbalanced),
            (1, WarningKind::MissingVersion),
            (7, WarningKind::MalformedLine),
            (10, WarningKind::MissingStart),
            (16, WarningKind::UnknownZone),
            (17, WarningKind::InvalidValue),
            (19, WarningKind::Unbalanced),
            (20, WarningKind::Unbalanced),
        ],
        "{:#?}",
        cal.warnings()
    );
    let uids: Vec<&str> = cal.events().iter().map(|e| e.uid()).collect();
    assert_eq!(uids, ["one", "three", "four"]);
    assert_eq!(
        cal.events()[0].description(),
        Some("a long text that was foldedwithout its leading space")
    );
    // The unknown zone's time is floating: read in the window's zone.
    let w = window("2026-01-05T00:00:00Z", "2026-01-06T00:00:00Z")
        .with_floating_zone(chrono_tz::Asia::Tokyo);
    let occ = cal.occurrences(&w);
    let three = occ.iter().find(|o| o.uid() == "three").unwrap();
    assert_eq!(three.start(), utc("2026-01-05T01:00:00Z"));
    assert!(cal.warnings()[4].message().contains("Mars/Olympus_Mons"));
}

#[test]
fn not_a_calendar_and_too_large_are_errors() {
    let err = IcsCalendar::parse("").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidValue);
    let err = IcsCalendar::parse("hello\nworld\n").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidValue);
    let big = "X".repeat(100);
    let err = IcsCalendar::parse_with_limits(&big, &Limits::default().with_max_ics_bytes(99))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::TooMany);
    let err = IcsCalendar::parse_bytes(big.as_bytes(), &Limits::default().with_max_ics_bytes(99))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::TooMany);
}

fn one_rule(rule: &str, start: &str, limits: Limits) -> IcsCalendar {
    let text = format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:r\r\nDTSTART:{start}\r\nDURATION:PT1H\r\nRRULE:{rule}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    );
    IcsCalendar::parse_with_limits(&text, &limits).unwrap()
}

#[test]
fn impossible_rules_terminate_and_endless_rules_cost_their_window() {
    // February 30 never comes: nothing, no loop, no warning.
    let cal = one_rule(
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
        "20260101T090000Z",
        Limits::default(),
    );
    let occ = cal.occurrences(&window("2026-01-01T00:00:00Z", "9999-01-01T00:00:00Z"));
    assert_eq!(occ.len(), 1, "only DTSTART itself");
    assert!(occ.warnings().is_empty());
    // A daily rule that never matches, over eight thousand years: cut at
    // the step limit, with a warning.
    let cal = one_rule(
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
        "20260101T090000Z",
        Limits::default(),
    );
    let occ = cal.occurrences(&window("2026-01-02T00:00:00Z", "9999-01-01T00:00:00Z"));
    assert!(occ.is_empty());
    assert_eq!(occ.warnings()[0].kind(), WarningKind::OccurrencesCut);
    assert_eq!(occ.warnings()[0].line(), 7);
    // A daily rule without end since 1601, over one week: it costs the
    // week, not the centuries (40 steps are plenty).
    let tight = Limits::default().with_max_occurrences_per_rule(40);
    let cal = one_rule("FREQ=DAILY", "16010101T090000Z", tight);
    let occ = cal.occurrences(&window("2026-03-02T00:00:00Z", "2026-03-09T00:00:00Z"));
    assert_eq!(occ.len(), 7);
    assert!(occ.warnings().is_empty(), "{:?}", occ.warnings());
    // With COUNT it has to count from 1601: cut, with a warning.
    let cal = one_rule("FREQ=DAILY;COUNT=1000000", "16010101T090000Z", tight);
    let occ = cal.occurrences(&window("2026-03-02T00:00:00Z", "2026-03-09T00:00:00Z"));
    assert!(occ.is_empty());
    assert_eq!(occ.warnings()[0].kind(), WarningKind::OccurrencesCut);
    // The whole expansion is bounded too.
    let all = Limits::default().with_max_occurrences(100);
    let cal = one_rule("FREQ=DAILY", "20260101T090000Z", all);
    let occ = cal.occurrences(&window("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"));
    assert!(occ.len() < 100);
    assert!(
        occ.warnings()
            .iter()
            .any(|w| w.kind() == WarningKind::OccurrencesCut)
    );
}

#[test]
fn too_many_events_are_skipped_with_a_warning() {
    let mut text = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
    for i in 0..10 {
        text.push_str(&format!(
            "BEGIN:VEVENT\r\nUID:e{i}\r\nDTSTART:20260105T0{i}0000Z\r\nEND:VEVENT\r\n"
        ));
    }
    text.push_str("END:VCALENDAR\r\n");
    let cal =
        IcsCalendar::parse_with_limits(&text, &Limits::default().with_max_ics_events(4)).unwrap();
    assert_eq!(cal.events().len(), 4);
    let w = &cal.warnings()[0];
    assert_eq!((w.kind(), w.line()), (WarningKind::TooManyEvents, 19));
}

/// Meetings of every shape the exporter writes differently.
fn meetings(pair: &[Minister; 2]) -> Vec<Meeting> {
    let remote = |mode: Mode, zone: Tz, at: &str, policy: Disambiguation, length: i64| {
        Meeting::builder(format!("{mode} at {at} in {}", zone.name()))
            .mode(mode)
            .zone(zone)
            .disambiguation(policy)
            .starts_at(civil(at))
            .duration(minutes(length))
            .participants(pair.iter().cloned())
            .build()
            .unwrap()
    };
    let ny = chrono_tz::America::New_York;
    vec![
        remote(
            Mode::Telephone,
            ny,
            "2026-03-08T02:30",
            Disambiguation::Compatible,
            30,
        ),
        remote(
            Mode::Telephone,
            ny,
            "2026-11-01T01:30",
            Disambiguation::Earlier,
            45,
        ),
        // The second 01:30 of the fold is written in UTC.
        remote(
            Mode::Video,
            ny,
            "2026-11-01T01:30",
            Disambiguation::Later,
            45,
        ),
        remote(
            Mode::Video,
            chrono_tz::Asia::Kathmandu,
            "2026-06-15T09:15",
            Disambiguation::Reject,
            24 * 60,
        ),
        Meeting::builder("Working dinner, with a comma; and a semicolon")
            .mode(Mode::Hybrid)
            .venue(venue("Santiago", "CL", chrono_tz::America::Santiago))
            .occasion("The visit of the U.S.")
            .starts_at(civil("2026-04-04T23:30"))
            .disambiguation(Disambiguation::Later)
            .duration(minutes(90))
            .approximate(true)
            .status(MeetingStatus::Cancelled)
            .participants(pair.iter().cloned())
            .build()
            .unwrap(),
        Meeting::builder("Talk on a date")
            .mode(Mode::Video)
            .zone(chrono_tz::Europe::London)
            .starts_on(date(2026, 3, 7))
            .duration(TimeDelta::try_days(1).unwrap())
            .participants(pair.iter().cloned())
            .build()
            .unwrap(),
    ]
}

#[test]
fn export_then_import_gives_the_same_meetings() {
    // The seed's ministers for the seed meeting (2023); ministers without a
    // term of office for the others (2026).
    let seed_pair = [kamikawa(), van_klaveren()];
    let pair = pair();
    let mut meetings = meetings(&pair);
    meetings.insert(0, seed_meeting());
    let stamp = utc("2026-01-01T00:00:00Z");
    let ics = to_ics(&meetings, stamp).unwrap();
    let cal = IcsCalendar::parse(&ics).unwrap();
    assert!(cal.warnings().is_empty(), "{:?}", cal.warnings());
    assert_eq!(cal.events().len(), meetings.len());
    let find = |id: &str| {
        pair.iter()
            .chain(&seed_pair)
            .find(|m| m.id() == id)
            .cloned()
    };
    for (m, e) in meetings.iter().zip(cal.events()) {
        let back = e
            .to_meeting(find)
            .unwrap_or_else(|err| panic!("{}: {err}", m.title()));
        assert_eq!(back.title(), m.title());
        // A remote meeting written in UTC (the second 01:30 of a fold) does
        // not say its zone: the same instant, in a participant's zone.
        if e.zone().is_some() || e.is_all_day() {
            assert_eq!(back.when(), m.when(), "{}", m.title());
        }
        assert_eq!(
            back.start().ok().map(|t| t.instant()),
            m.start().ok().map(|t| t.instant())
        );
        assert_eq!(back.duration(), m.duration());
        assert_eq!(back.duration_is_approximate(), m.duration_is_approximate());
        assert_eq!(back.mode(), m.mode());
        assert_eq!(back.venue(), m.venue());
        assert_eq!(back.occasion(), m.occasion());
        let ids = |x: &Meeting| {
            x.participants()
                .iter()
                .map(|p| p.id().to_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&back), ids(m));
        // Exported again: the same UID, instants and text.
        let again = to_ics(std::slice::from_ref(&back), stamp).unwrap();
        // Unfolded first: a long UID folds over two lines.
        let uid = |s: &str| {
            s.replace("\r\n ", "")
                .lines()
                .find(|l| l.starts_with("UID:"))
                .unwrap()
                .to_owned()
        };
        assert_eq!(uid(&again), format!("UID:{}", e.uid()));
    }
    // The instants, through the expansion too.
    let occ = cal.occurrences(&window("2000-01-01T00:00:00Z", "2030-01-01T00:00:00Z"));
    for (m, e) in meetings.iter().zip(cal.events()) {
        if let (Ok(start), Ok(end)) = (m.start(), m.end()) {
            let o = occ.iter().find(|o| o.uid() == e.uid()).unwrap();
            assert_eq!(o.start(), start.instant(), "{}", m.title());
            assert_eq!(o.end(), end.instant(), "{}", m.title());
        }
    }
    // A minister the caller does not know, and a private event, are errors.
    let err = cal.events()[1].to_meeting(|_| None).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnknownReference);
    assert_eq!(err.violations().len(), 2);
}

#[test]
fn two_diaries_give_busy_blocks_to_the_slot_search() {
    let tokyo = fixture("diary_tokyo");
    let paris = fixture("diary_paris");
    assert_eq!(tokyo.zone(), Some(chrono_tz::Asia::Tokyo));
    assert_eq!(paris.zone(), Some(chrono_tz::Europe::Paris));
    let from = utc("2026-03-09T00:00:00Z");
    let to = utc("2026-03-14T00:00:00Z");
    let w = Window::new(from, to).unwrap();
    let a = plain_kamikawa();
    let b = minister("Jean-Noel", "Barrot", "FR");
    let mut search = SlotSearch::builder()
        .participant(a.clone())
        .participant(b.clone())
        .window(from, to)
        .duration(minutes(30))
        .limit(5);
    let (busy_a, busy_b) = (tokyo.occurrences(&w).busy(), paris.occurrences(&w).busy());
    assert!(busy_a.len() >= 5 && busy_b.len() >= 5);
    for (s, e) in &busy_a {
        search = search.busy(a.id(), *s, *e);
    }
    for (s, e) in &busy_b {
        search = search.busy(b.id(), *s, *e);
    }
    let result = search.build().unwrap().search();
    assert!(!result.slots().is_empty());
    for slot in result.slots() {
        for (s, e) in busy_a.iter().chain(&busy_b) {
            assert!(
                slot.end() <= *s || slot.start() >= *e,
                "slot overlaps busy time"
            );
        }
    }
}

#[test]
fn every_windows_zone_name_maps_to_a_zone_chrono_tz_knows() {
    let mut names = std::collections::BTreeSet::new();
    for (name, territory, zones) in windows_zone_table() {
        for z in zones {
            assert!(z.parse::<Tz>().is_ok(), "{name} ({territory}): {z}");
        }
        names.insert(name);
    }
    assert!(names.len() >= 130, "{}", names.len());
    for name in &names {
        assert!(windows_zone(name).is_some(), "{name}");
    }
    assert_eq!(
        windows_zone("Tokyo Standard Time"),
        Some(chrono_tz::Asia::Tokyo)
    );
    // CLDR's long-standing names come out as the current ones.
    assert_eq!(
        windows_zone("India Standard Time"),
        Some(chrono_tz::Asia::Kolkata)
    );
    assert_eq!(
        windows_zone("FLE Standard Time"),
        Some(chrono_tz::Europe::Kyiv)
    );
    assert_eq!(
        windows_zone_in("W. Europe Standard Time", "NL"),
        Some(chrono_tz::Europe::Amsterdam)
    );
    // Every default zone is one that some built-in country lists.
    for name in &names {
        let zone = windows_zone(name).unwrap();
        let listed = Country::all().any(|c| c.has_zone(zone));
        assert!(
            listed || zone.name().starts_with("Etc/") || zone.name() == "UTC",
            "{name}: {}",
            zone.name()
        );
    }
    assert_eq!(
        windows_zone("Romance Standard Time"),
        Some(chrono_tz::Europe::Paris)
    );
    assert_eq!(
        windows_zone_in("Pacific Standard Time", "CA"),
        Some(chrono_tz::America::Vancouver)
    );
    assert_eq!(
        windows_zone_in("W. Europe Standard Time", "CH"),
        Some(chrono_tz::Europe::Zurich)
    );
}

/// Re-runs the generator in `--check` mode over the tzdata tables vendored
/// in `tools/tzdata-2025b/` and CLDR's `cldr-core` (`DIPLOMEET_CLDR_CORE`,
/// default `target/cldr/node_modules/cldr-core`). Without CLDR or Python it
/// skips, saying why, or fails under `DIPLOMEET_REQUIRE_ORACLES=1`; in the
/// published package, which has no `tools/`, it skips.
#[test]
fn generated_windows_zone_table_is_up_to_date() {
    let used_for = "the Windows zone table";
    let Some(generator) = oracle::repository_file("tools/gen_windows_zones.py", used_for) else {
        return;
    };
    let Some(tzdata) = oracle::repository_file("tools/tzdata-2025b", used_for) else {
        return;
    };
    let Some(cldr) = oracle::cldr_core() else {
        return;
    };
    let mut cmd = oracle::python();
    cmd.arg(generator)
        .arg("--check")
        .arg("--cldr")
        .arg(cldr)
        .arg("--tzdata")
        .arg(tzdata);
    oracle::assert_generated(cmd, "src/ical/windows_data.rs");
}

/// The README's `ics_occurrences` lines are what the library gives for the
/// command it shows (the example prints the busy occurrences in this form).
#[test]
fn readme_example_lines_are_true() {
    let readme = std::fs::read_to_string(manifest_path("README.md")).unwrap();
    let command = "$ cargo run --example ics_occurrences -- ";
    let at = readme.find(command).expect("the README shows the command");
    let mut lines = readme[at..].lines();
    let args: Vec<&str> = lines.next().unwrap()[command.len()..].split(' ').collect();
    assert_eq!((args[0], args[2]), ("--from", "--to"));
    let shown: Vec<&str> = lines.take_while(|l| !l.starts_with("```")).collect();
    let w = Window::new(utc_midnight(args[1]), utc_midnight(args[3])).unwrap();
    let calendar = IcsCalendar::parse_bytes(
        &std::fs::read(manifest_path(args[4])).unwrap(),
        &Limits::default(),
    )
    .unwrap();
    let fmt = |t: DateTime<Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let ours: Vec<String> = calendar
        .occurrences(&w)
        .iter()
        .filter(|o| o.is_busy())
        .map(|o| format!("{} {} {}", fmt(o.start()), fmt(o.end()), o.uid()))
        .collect();
    assert_eq!(shown, ours);
}

#[test]
fn deep_nesting_is_cut_and_stays_linear() {
    let n = 20_000;
    let mut text = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
    text.push_str(&"BEGIN:X-DEEP\r\n".repeat(n));
    text.push_str(&"END:X-OTHER\r\n".repeat(n));
    text.push_str(
        "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20260105T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    );
    let cal = IcsCalendar::parse(&text).unwrap();
    assert!(cal.warning_count() > n);
    assert_eq!(cal.warnings().len(), 1_001);
    assert_eq!(cal.warnings()[0].kind(), WarningKind::TooManyWarnings);
}

#[test]
fn this_and_future_overrides_periods_and_date_exdates() {
    let cal = fixture("ranges");
    assert!(cal.warnings().is_empty(), "{:?}", cal.warnings());
    let occ = cal.occurrences(&window("2026-05-01T00:00:00Z", "2026-07-15T00:00:00Z"));
    let madrid = chrono_tz::Europe::Madrid;
    // From May 25 on, every instance is at 11:30 for two hours.
    assert_eq!(
        local(&occ, "this-and-future", madrid),
        [
            "2026-05-04 Mon 09:00 10:00",
            "2026-05-11 Mon 09:00 10:00",
            "2026-05-18 Mon 09:00 10:00",
            "2026-05-25 Mon 11:30 13:30",
            "2026-06-01 Mon 11:30 13:30",
            "2026-06-08 Mon 11:30 13:30",
            "2026-06-15 Mon 11:30 13:30",
            "2026-06-22 Mon 11:30 13:30",
            "2026-06-29 Mon 11:30 13:30",
            "2026-07-06 Mon 11:30 13:30",
        ]
    );
    // Periods keep their own lengths; June 5 is removed by its date.
    assert_eq!(
        local(&occ, "periods", Tz::UTC),
        [
            "2026-06-01 Mon 08:00 08:30",
            "2026-06-03 Wed 10:00 13:00",
            "2026-06-10 Wed 08:00 08:30"
        ]
    );
}

/// The occasion's relation and visitor, written on the description's first
/// line, read back: a visit is not turned into "on the sidelines of".
#[test]
fn an_occasion_keeps_its_relation_and_visitor_through_a_calendar() {
    let pair = pair();
    let visitor = pair[1].id().to_owned();
    let m = Meeting::builder("Japan-Chile Foreign Ministers' Meeting")
        .venue(venue("Tokyo", "JP", chrono_tz::Asia::Tokyo))
        .occasion_with(
            diplomeet::Occasion::new(
                "visit to Japan by Foreign Minister van Klaveren.",
                diplomeet::OccasionRelation::Visit,
            )
            .unwrap()
            .with_visitor(&visitor),
        )
        .starts_at("2026-05-11T10:00:00".parse().unwrap())
        .participants(pair.clone())
        .build()
        .unwrap();
    let stamp = utc("2026-01-01T00:00:00Z");
    let ics = to_ics(std::slice::from_ref(&m), stamp).unwrap();
    assert!(
        ics.replace("\r\n ", "").contains(&format!(
            "DESCRIPTION:Occasion (visit by {visitor}): visit to Japan"
        )),
        "{ics}"
    );
    let cal = IcsCalendar::parse(&ics).unwrap();
    let back = cal.events()[0]
        .to_meeting(|id| pair.iter().find(|p| p.id() == id).cloned())
        .unwrap();
    assert_eq!(back.occasion(), m.occasion());
    assert_eq!(back.id(), m.id());
}
