//! The iCalendar reader against Python's `recurring-ical-events` (on top of
//! `icalendar`), the most used expander there: every occurrence of every
//! event over a window, instant for instant, with its UID and whether it is
//! busy.
//!
//! Calendars come from producers we did not write (Python's `icalendar`,
//! `ical.js`), from fixtures in the shapes Outlook, Google and Apple export
//! (`tests/ics/`), and from a generator here: 220 recurring events in 20
//! zones over two years that cross changes of offset.
//!
//! The oracle is `tests/support/ics_expand_oracle.py`, found as
//! `tests/common/oracle.rs` says (`target/ci-deps` by default, where
//! `.ci/run` installs it). A missing oracle skips the test with a message,
//! and fails it when `DIPLOMEET_REQUIRE_ORACLES=1` (as CI sets).
//!
//! Where RFC 5545 and the oracle part ways, the calendars here stay clear:
//! Python adds durations on the wall clock, so an event whose own span
//! crosses a change of offset would end an hour off there (RFC 5545 wants
//! exact time); every generated event lies between 07:00 and 23:00, where
//! no zone used here changes its offset.
// Helpers stop loudly too: clippy.toml allows this in #[test] functions only.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::fmt::Write as _;
use std::path::Path;

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use common::{manifest_path, oracle, scratch_path, utc_midnight};
use diplomeet::ical::{IcsCalendar, Window};

/// `(start, end, uid, busy)`, instants as Unix seconds.
type Row = (i64, i64, String, bool);

/// The oracle's occurrences of the file over `[from, to)`, floating and
/// all-day times in `zone`.
fn oracle(path: &Path, from: &str, to: &str, zone: &str) -> Option<Vec<Row>> {
    let mut cmd = oracle::python();
    cmd.arg(oracle::support("ics_expand_oracle.py"))
        .arg(path)
        .arg(format!("{from}T00:00:00"))
        .arg(format!("{to}T00:00:00"))
        .arg(zone);
    let text = oracle::RECURRING_ICAL_EVENTS.stdout(cmd)?;
    Some(
        text.lines()
            .map(|l| {
                let (rest, busy) = l.rsplit_once(' ').unwrap();
                let mut parts = rest.splitn(3, ' ');
                let s = parts.next().unwrap().parse().unwrap();
                let e = parts.next().unwrap().parse().unwrap();
                let uid = parts.next().unwrap_or("").to_owned();
                (s, e, uid, busy == "1")
            })
            .collect(),
    )
}

/// Our occurrences, in the oracle's shape and order.
fn ours(text: &str, from: &str, to: &str, zone: &str) -> Vec<Row> {
    let calendar = IcsCalendar::parse(text).unwrap();
    let window = Window::new(utc_midnight(from), utc_midnight(to))
        .unwrap()
        .with_floating_zone(zone.parse::<Tz>().unwrap());
    let occurrences = calendar.occurrences(&window);
    assert!(
        occurrences.warnings().is_empty(),
        "{:?}",
        occurrences.warnings()
    );
    let mut rows: Vec<Row> = occurrences
        .iter()
        .map(|o| {
            (
                o.start().timestamp(),
                o.end().timestamp(),
                o.uid().to_owned(),
                o.is_busy(),
            )
        })
        .collect();
    rows.sort();
    rows
}

fn show(r: &Row) -> String {
    let t = |s: i64| DateTime::from_timestamp(s, 0).unwrap().to_rfc3339();
    format!("{} {} {} busy={}", t(r.0), t(r.1), r.2, r.3)
}

/// Asserts that we and the oracle agree on the file; returns how many
/// occurrences were compared (`None` when skipped).
fn agree(label: &str, path: &Path, from: &str, to: &str, zone: &str) -> Option<usize> {
    let text = std::fs::read_to_string(path).unwrap();
    let theirs = oracle(path, from, to, zone)?;
    let mine = ours(&text, from, to, zone);
    if mine != theirs {
        let only_mine: Vec<&Row> = mine.iter().filter(|r| !theirs.contains(r)).collect();
        let only_theirs: Vec<&Row> = theirs.iter().filter(|r| !mine.contains(r)).collect();
        let mut report = format!(
            "{label}: {} occurrences here, {} from recurring-ical-events\n",
            mine.len(),
            theirs.len()
        );
        for r in only_mine.iter().take(15) {
            let _ = writeln!(report, "  only here:   {}", show(r));
        }
        for r in only_theirs.iter().take(15) {
            let _ = writeln!(report, "  only theirs: {}", show(r));
        }
        panic!("{report}");
    }
    println!("{label}: {} occurrences agree", mine.len());
    Some(mine.len())
}

#[test]
fn producer_shaped_fixtures_agree() {
    for (name, zone) in [
        ("outlook", "Asia/Tokyo"),
        ("google", "Europe/Paris"),
        ("apple", "America/Los_Angeles"),
        ("dst_weekly", "UTC"),
        ("diary_tokyo", "Asia/Tokyo"),
        ("diary_paris", "Europe/Paris"),
        ("ranges", "Asia/Tokyo"),
    ] {
        let path = manifest_path(&format!("tests/ics/{name}.ics"));
        let Some(n) = agree(name, &path, "2026-01-01", "2027-01-01", zone) else {
            return;
        };
        assert!(n > 10, "{name}: only {n} occurrences");
    }
}

#[test]
fn a_calendar_written_by_python_icalendar_agrees() {
    let path = scratch_path("ics_import_oracle", "python.ics");
    let mut cmd = oracle::python();
    cmd.arg(oracle::support("ics_write_icalendar.py"))
        .arg(&path);
    if oracle::ICALENDAR.stdout(cmd).is_none() {
        return;
    }
    let n = agree(
        "python icalendar",
        &path,
        "2026-01-01",
        "2028-01-01",
        "Europe/Paris",
    );
    assert!(n.is_none_or(|n| n > 500), "{n:?}");
    // The same calendar, floating and all-day times read in Sydney.
    agree(
        "python icalendar (Sydney)",
        &path,
        "2026-01-01",
        "2028-01-01",
        "Australia/Sydney",
    );
}

#[test]
fn a_calendar_written_by_icaljs_agrees() {
    let path = scratch_path("ics_import_oracle", "icaljs.ics");
    let mut cmd = oracle::node();
    cmd.arg(oracle::support("ics_write_icaljs.cjs")).arg(&path);
    if oracle::ICAL_JS.stdout(cmd).is_none() {
        return;
    }
    let n = agree(
        "ical.js",
        &path,
        "2026-01-01",
        "2028-01-01",
        "America/Sao_Paulo",
    );
    assert!(n.is_none_or(|n| n > 500), "{n:?}");
}

/// Twenty zones: both hemispheres, half- and quarter-hour offsets, a
/// half-hour change of offset (Lord Howe), changes at midnight (Havana,
/// Beirut, Cairo, Santiago), negative DST in the tz source (Dublin), and
/// zones without DST.
const ZONES: [&str; 20] = [
    "America/New_York",
    "America/Los_Angeles",
    "America/Chicago",
    "America/Santiago",
    "America/Sao_Paulo",
    "America/St_Johns",
    "America/Havana",
    "Europe/London",
    "Europe/Paris",
    "Europe/Dublin",
    "Europe/Moscow",
    "Africa/Cairo",
    "Asia/Beirut",
    "Asia/Tehran",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Pacific/Auckland",
];

/// A small deterministic generator (64-bit LCG, high bits).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.next(from.len() as u64) as usize]
    }
}

const DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// 11 recurring events in each of the 20 zones: every kind of rule the
/// reader expands, timed and all-day, zoned, UTC and floating, with
/// EXDATEs, a moved instance and RDATEs, starting before and within the
/// window.
fn generated_calendar() -> (String, usize) {
    let mut rng = Lcg(0x00d1_b10e_e7ca_1e4d);
    let mut out = String::from(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//diplomeet tests//generated//EN\r\n",
    );
    let mut events = 0;
    for (z, zone) in ZONES.iter().enumerate() {
        for k in 0..11 {
            events += 1;
            let uid = format!("gen-{z}-{k}@diplomeet-tests");
            let first =
                NaiveDate::from_ymd_opt(2025, 6, 1).unwrap() + Duration::days(rng.next(395) as i64);
            let hour = 8 + rng.next(10) as u32;
            let minute = [0, 15, 30, 45][rng.next(4) as usize];
            let start = first.and_hms_opt(hour, minute, 0).unwrap();
            let minutes = [30, 45, 60, 90, 120, 180][rng.next(6) as usize];
            // Every tenth event floating, every tenth (+5) in UTC.
            let kind = (z * 11 + k) % 10;
            let all_day = k == 9;
            let stamp = |t: chrono::NaiveDateTime| t.format("%Y%m%dT%H%M%S").to_string();
            let (dtstart, dtend, prop_zone) = if all_day {
                let d = start.date();
                (
                    format!("DTSTART;VALUE=DATE:{}", d.format("%Y%m%d")),
                    format!(
                        "DTEND;VALUE=DATE:{}",
                        (d + Duration::days(1 + rng.next(2) as i64)).format("%Y%m%d")
                    ),
                    String::from(";VALUE=DATE"),
                )
            } else {
                let end = start + Duration::minutes(minutes);
                let (param, suffix) = match kind {
                    0 => (String::new(), ""),
                    5 => (String::new(), "Z"),
                    _ => (format!(";TZID={zone}"), ""),
                };
                let dtend = if rng.next(2) == 0 {
                    format!("DTEND{param}:{}{suffix}", stamp(end))
                } else {
                    format!("DURATION:PT{minutes}M")
                };
                (
                    format!("DTSTART{param}:{}{suffix}", stamp(start)),
                    dtend,
                    param,
                )
            };
            let d1 = rng.pick(&DAYS);
            let d2 = rng.pick(&DAYS);
            let until_utc = format!("2027{:02}{:02}T000000Z", 1 + rng.next(12), 1 + rng.next(28));
            let until = if kind == 0 {
                until_utc.trim_end_matches('Z').to_owned()
            } else {
                until_utc
            };
            let rule = match k {
                0 => format!("FREQ=WEEKLY;BYDAY={d1},{d2}"),
                1 => format!(
                    "FREQ=WEEKLY;INTERVAL=2;BYDAY={d1};COUNT={}",
                    20 + rng.next(40)
                ),
                2 => format!("FREQ=DAILY;INTERVAL={};UNTIL={until}", 2 + rng.next(4)),
                3 => format!(
                    "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT={}",
                    100 + rng.next(300)
                ),
                4 => format!("FREQ=MONTHLY;BYDAY=-1{d1}"),
                5 => format!("FREQ=MONTHLY;BYMONTHDAY={},-1", 1 + rng.next(28)),
                6 => format!(
                    "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS={}",
                    ["1", "-1", "2", "-2"][rng.next(4) as usize]
                ),
                7 => format!(
                    "FREQ=YEARLY;BYMONTH={};BYDAY={}{d1}",
                    1 + rng.next(12),
                    1 + rng.next(4)
                ),
                8 => format!(
                    "FREQ=YEARLY;BYMONTH={},{};BYMONTHDAY={}",
                    1 + rng.next(6),
                    7 + rng.next(6),
                    1 + rng.next(31)
                ),
                9 => format!("FREQ=WEEKLY;BYDAY={d1};COUNT={}", 30 + rng.next(70)),
                _ => format!(
                    "FREQ=MONTHLY;INTERVAL={};BYDAY={}{d2}",
                    2 + rng.next(2),
                    1 + rng.next(4)
                ),
            };
            let _ = write!(
                out,
                "BEGIN:VEVENT\r\nUID:{uid}\r\n{dtstart}\r\n{dtend}\r\nRRULE:{rule}\r\nSUMMARY:Generated {z}-{k}\r\n"
            );
            if rng.next(7) == 0 {
                out.push_str("STATUS:CANCELLED\r\n");
            } else if rng.next(7) == 0 {
                out.push_str("TRANSP:TRANSPARENT\r\n");
            }
            // Weekly events: remove one instance, move another (kept in the
            // event's own clock: DTSTART plus whole weeks is an instance
            // when DTSTART falls on the rule's first day).
            if k == 0 && !all_day {
                let on_d1 = start
                    + Duration::days(
                        (DAYS.iter().position(|d| *d == d1).unwrap() as i64
                            - start.weekday().num_days_from_monday() as i64)
                            .rem_euclid(7),
                    );
                let (param, suffix) = match kind {
                    0 => (String::new(), ""),
                    5 => (String::new(), "Z"),
                    _ => (format!(";TZID={zone}"), ""),
                };
                let ex = on_d1 + Duration::weeks(30 + rng.next(20) as i64);
                let moved = on_d1 + Duration::weeks(31 + rng.next(20) as i64);
                if ex != moved {
                    let _ = write!(
                        out,
                        "EXDATE{param}:{}{suffix}\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:{uid}\r\nRECURRENCE-ID{param}:{}{suffix}\r\n\
                         DTSTART{param}:{}{suffix}\r\nDURATION:PT50M\r\nSUMMARY:Moved\r\n",
                        stamp(ex),
                        stamp(moved),
                        stamp(moved + Duration::hours(2)),
                    );
                }
            }
            // Monthly events: an extra date.
            if k == 4 {
                let extra = start.date() + Duration::days(200 + rng.next(100) as i64);
                if all_day {
                    let _ = write!(out, "RDATE{prop_zone}:{}\r\n", extra.format("%Y%m%d"));
                } else {
                    let suffix = if kind == 5 { "Z" } else { "" };
                    let _ = write!(
                        out,
                        "RDATE{prop_zone}:{}{suffix}\r\n",
                        stamp(extra.and_hms_opt(12, 0, 0).unwrap())
                    );
                }
            }
            out.push_str("END:VEVENT\r\n");
        }
    }
    out.push_str("END:VCALENDAR\r\n");
    (out, events)
}

#[test]
fn two_hundred_generated_recurring_events_in_twenty_zones_agree() {
    let (text, events) = generated_calendar();
    assert!(events >= 200);
    let calendar = IcsCalendar::parse(&text).unwrap();
    assert!(calendar.warnings().is_empty(), "{:?}", calendar.warnings());
    let zones: std::collections::HashSet<_> =
        calendar.events().iter().filter_map(|e| e.zone()).collect();
    assert_eq!(zones.len(), 20);
    let path = scratch_path("ics_import_oracle", "generated.ics");
    std::fs::write(&path, &text).unwrap();
    let Some(n) = agree(
        "generated",
        &path,
        "2026-01-01",
        "2028-01-01",
        "Europe/Paris",
    ) else {
        return;
    };
    // Every event has occurrences in the window (most have many).
    let mine = ours(&text, "2026-01-01", "2028-01-01", "Europe/Paris");
    let uids: std::collections::HashSet<&str> = mine.iter().map(|r| r.2.as_str()).collect();
    assert!(uids.len() >= 200, "{} events with occurrences", uids.len());
    assert!(n > 10_000, "{n}");
    let _ = Utc.timestamp_opt(0, 0);
}
