//! Differential test of gap and fold resolution against Python's `zoneinfo`.
//!
//! Builds lines `ZONE CIVIL POLICY` (random ones over every zone chrono-tz knows,
//! and ones at and around every offset change in a few dozen zones, 1970–2037),
//! answers them with the library exactly as `examples/localtime` does, feeds them
//! to `tests/support/zoneinfo_oracle.py` and compares every line. Skipped, with a
//! message, when `python3` (3.9 or later, for zoneinfo) is not available or
//! its zoneinfo reads another tz database release than chrono-tz embeds (the
//! message names both); under `DIPLOMEET_REQUIRE_ORACLES=1` (as in CI) it
//! fails instead (see `tests/common/oracle.rs`).
// Helpers stop loudly too: clippy.toml allows this in #[test] functions only.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use chrono::{FixedOffset, NaiveDate, NaiveDateTime, Offset, TimeDelta, TimeZone};
use chrono_tz::{TZ_VARIANTS, Tz};
use common::{XorShift, civil_text};
use diplomeet::time::{parse_civil, parse_zone};
use diplomeet::{Disambiguation, ErrorKind, ZonedDateTime};

const POLICIES: [&str; 4] = ["reject", "earlier", "later", "compatible"];

/// Zones with interesting histories: DST both ways, 30- and 45-minute offsets,
/// negative DST, gaps at midnight, skipped days, two-hour shifts.
const ZONES: &[&str] = &[
    "America/New_York",
    "America/Los_Angeles",
    "America/Santiago",
    "America/Sao_Paulo",
    "America/Havana",
    "America/Asuncion",
    "America/St_Johns",
    "America/Caracas",
    "America/Nuuk",
    "America/Scoresbysund",
    "America/Metlakatla",
    "America/Argentina/San_Luis",
    "America/Godthab",
    "Europe/London",
    "Europe/Dublin",
    "Europe/Lisbon",
    "Europe/Paris",
    "Europe/Moscow",
    "Europe/Istanbul",
    "Europe/Kyiv",
    "Africa/Casablanca",
    "Africa/Cairo",
    "Africa/Windhoek",
    "Asia/Tehran",
    "Asia/Jerusalem",
    "Asia/Gaza",
    "Asia/Amman",
    "Asia/Beirut",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Asia/Pyongyang",
    "Asia/Colombo",
    "Asia/Dhaka",
    "Asia/Karachi",
    "Asia/Manila",
    "Australia/Lord_Howe",
    "Australia/Adelaide",
    "Australia/Sydney",
    "Antarctica/Troll",
    "Antarctica/Casey",
    "Pacific/Apia",
    "Pacific/Kiritimati",
    "Pacific/Kwajalein",
    "Pacific/Chatham",
    "Pacific/Auckland",
    "Pacific/Tongatapu",
    "Pacific/Fiji",
    "Pacific/Norfolk",
];

fn offset(zone: Tz, utc: &NaiveDateTime) -> FixedOffset {
    zone.offset_from_utc_datetime(utc).fix()
}

fn secs(s: i64) -> TimeDelta {
    TimeDelta::try_seconds(s).unwrap()
}

/// Every offset change of `zone` in [from, to), as (instant, before, after).
fn transitions(
    zone: Tz,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> Vec<(NaiveDateTime, FixedOffset, FixedOffset)> {
    let mut found = Vec::new();
    // Offsets never change twice within 95 hours, so daily samples miss nothing.
    let step = secs(86_400);
    let mut t = from;
    let mut o = offset(zone, &t);
    while t < to {
        let next = t + step;
        let o2 = offset(zone, &next);
        if o2 != o {
            let (mut lo, mut hi) = (t, next);
            while (hi - lo).num_seconds() > 1 {
                let mid = lo + secs((hi - lo).num_seconds() / 2);
                if offset(zone, &mid) == o {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            found.push((hi, o, o2));
        }
        t = next;
        o = o2;
    }
    found
}

/// The line `examples/localtime` prints for a well-formed input line.
fn ours(zone: &str, civil: &str, policy: &str) -> String {
    let result = ZonedDateTime::resolve(
        parse_civil(civil).unwrap(),
        parse_zone(zone).unwrap(),
        policy.parse::<Disambiguation>().unwrap(),
    );
    match result {
        Ok(z) => z.to_string(),
        Err(e) => {
            let class = match e.kind() {
                ErrorKind::Gap => "gap",
                ErrorKind::Fold => "fold",
                other => panic!("unexpected error kind {other} for {zone} {civil} {policy}: {e}"),
            };
            format!("error {class} {e}")
        }
    }
}

fn build_cases() -> Vec<(String, String, &'static str)> {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut cases = Vec::new();
    let start = NaiveDate::from_ymd_opt(1970, 1, 2)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    let end = NaiveDate::from_ymd_opt(2037, 12, 31)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    let span = (end - start).num_seconds() as u64;

    // Random cases over every zone.
    for _ in 0..20_000 {
        let zone = TZ_VARIANTS[rng.below(TZ_VARIANTS.len() as u64) as usize];
        let mut s = rng.below(span) as i64;
        if rng.below(2) == 0 {
            s -= s % 60; // whole minutes half of the time
        }
        let civil = start + secs(s);
        let policy = POLICIES[rng.below(4) as usize];
        cases.push((zone.name().to_owned(), civil_text(&civil), policy));
    }

    // Every transition in the chosen zones: both edges of the skipped or repeated
    // stretch, a minute and a second either side, and the middle.
    for name in ZONES {
        let zone = parse_zone(name).unwrap();
        for (at, before, after) in transitions(zone, start, end) {
            let b = i64::from(before.local_minus_utc());
            let a = i64::from(after.local_minus_utc());
            let mut points = vec![at + secs(b), at + secs(a), at + secs((a + b) / 2)];
            for edge in [b, a] {
                for d in [-60, -1, 1, 60] {
                    points.push(at + secs(edge + d));
                }
            }
            for p in points {
                for policy in POLICIES {
                    cases.push(((*name).to_owned(), civil_text(&p), policy));
                }
            }
        }
    }
    cases
}

#[test]
fn agrees_with_python_zoneinfo() {
    let Some(mut python) = common::oracle::zoneinfo() else {
        return;
    };
    let cases = build_cases();
    let mut input = String::new();
    let mut expected = Vec::with_capacity(cases.len());
    for (zone, civil, policy) in &cases {
        input.push_str(&format!("{zone} {civil} {policy}\n"));
        expected.push(ours(zone, civil, policy));
    }

    python.arg(common::oracle::support("zoneinfo_oracle.py"));
    let Some(output) = common::oracle::ZONEINFO.run(python, Some(input.into_bytes())) else {
        return;
    };
    assert!(
        output.status.success(),
        "the oracle failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    let got: Vec<&str> = text.lines().collect();
    assert_eq!(
        got.len(),
        cases.len(),
        "the oracle gave the wrong number of lines"
    );

    let mut mismatches = Vec::new();
    let (mut gaps, mut folds) = (0, 0);
    for ((case, ours), theirs) in cases.iter().zip(&expected).zip(&got) {
        if ours.starts_with("error gap") {
            gaps += 1;
        } else if ours.starts_with("error fold") {
            folds += 1;
        }
        if ours != theirs {
            mismatches.push(format!(
                "{} {} {}\n  ours:     {ours}\n  zoneinfo: {theirs}",
                case.0, case.1, case.2
            ));
        }
    }
    eprintln!(
        "{} cases ({gaps} rejected gaps, {folds} rejected folds), {} mismatches",
        cases.len(),
        mismatches.len()
    );
    assert!(
        mismatches.is_empty(),
        "{} of {} lines differ; first ones:\n{}",
        mismatches.len(),
        cases.len(),
        mismatches
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The legacy names that Debian's tzdata still defines as zones of their own
/// (the oracle reads them as upstream's links): every transition of theirs is
/// checked too, so the mapping hides nothing.
#[test]
fn legacy_zones_agree_with_their_upstream_links() {
    for (name, target) in [
        ("CET", "Europe/Brussels"),
        ("CST6CDT", "America/Chicago"),
        ("EET", "Europe/Athens"),
        ("EST", "America/Panama"),
        ("EST5EDT", "America/New_York"),
        ("HST", "Pacific/Honolulu"),
        ("MET", "Europe/Brussels"),
        ("MST", "America/Phoenix"),
        ("MST7MDT", "America/Denver"),
        ("PST8PDT", "America/Los_Angeles"),
        ("WET", "Europe/Lisbon"),
    ] {
        let (a, b) = (parse_zone(name).unwrap(), parse_zone(target).unwrap());
        let from = NaiveDate::from_ymd_opt(1900, 1, 1)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap();
        let to = NaiveDate::from_ymd_opt(2038, 1, 1)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap();
        assert_eq!(transitions(a, from, to), transitions(b, from, to), "{name}");
    }
}
