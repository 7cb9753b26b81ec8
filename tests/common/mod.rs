//! What the integration tests share: the reference meeting (the seed, from
//! `examples/support/seed.rs`), ministers, venues and short values built the
//! same way everywhere, golden files, scratch files, a seeded generator, and
//! (in [`oracle`]) the one place that finds the programs we check our output
//! against, or skips, or fails under `DIPLOMEET_REQUIRE_ORACLES=1`.
//!
//! A test file takes it with `mod common;` and uses what it needs.

// Each test file uses a part of this module.
#![allow(dead_code)]
// Helpers stop loudly too: clippy.toml allows this in #[test] functions only.
#![allow(clippy::unwrap_used, clippy::panic)]

pub mod oracle;

/// The reference meeting, shared with the `japan_chile_2023` example and
/// the benches.
#[path = "../../examples/support/seed.rs"]
pub mod seed;

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;
use diplomeet::{
    Country, Error, ErrorKind, Meeting, MeetingBuilder, Minister, MinisterBuilder, Mode,
    PersonName, Portfolio, Post, Venue,
};

/// The seed meeting (Japan-Chile, San Francisco, 2023-11-13 16:00).
pub fn seed_meeting() -> Meeting {
    seed::meeting().unwrap()
}

/// The seed meeting's JSON document as a value, the base that tests edit.
#[cfg(feature = "json")]
pub fn seed_value() -> serde_json::Value {
    serde_json::from_str(&seed_meeting().to_json().unwrap()).unwrap()
}

/// The seed's Ms. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan.
pub fn kamikawa() -> Minister {
    seed::kamikawa().unwrap()
}

/// The seed's H.E. Mr. Alberto Leo van Klaveren Stork, Minister of Foreign
/// Affairs of the Republic of Chile.
pub fn van_klaveren() -> Minister {
    seed::van_klaveren().unwrap()
}

/// A built-in country by any of its codes.
pub fn country(code: &str) -> Country {
    Country::from_code(code).unwrap()
}

/// A minister of `code` with one post, "Minister of Foreign Affairs"; an
/// empty `given` or `surname` leaves that part of the name out (the derived
/// id follows the name: `jp-yoko-kamikawa`, or `au-wong` for a surname alone).
pub fn minister_builder(given: &str, surname: &str, code: &str) -> MinisterBuilder {
    let mut name = PersonName::builder();
    if !given.is_empty() {
        name = name.given(given);
    }
    if !surname.is_empty() {
        name = name.surname(surname);
    }
    Minister::builder(name.build().unwrap(), country(code))
        .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs").unwrap())
}

/// [`minister_builder`], built.
pub fn minister(given: &str, surname: &str, code: &str) -> Minister {
    minister_builder(given, surname, code).build().unwrap()
}

/// [`minister`], at home in `home` rather than in the capital's zone.
pub fn minister_in(given: &str, surname: &str, code: &str, home: Tz) -> Minister {
    minister_builder(given, surname, code)
        .home_zone(home)
        .build()
        .unwrap()
}

/// A foreign minister known by surname alone (id `jp-kamikawa`).
pub fn surnamed(surname: &str, code: &str) -> Minister {
    minister("", surname, code)
}

/// A minister with an honorific and one post of `portfolio` titled `title`
/// ("The Honorable Antony Blinken, Secretary of State").
pub fn official(
    honorific: &str,
    given: &str,
    surname: &str,
    code: &str,
    portfolio: Portfolio,
    title: &str,
) -> Minister {
    let name = PersonName::builder()
        .given(given)
        .surname(surname)
        .build()
        .unwrap();
    Minister::builder(name, country(code))
        .honorific(honorific)
        .post(Post::new(portfolio, title).unwrap())
        .build()
        .unwrap()
}

/// Japan's and Chile's foreign ministers, plainly named (Yoko Kamikawa,
/// Alberto van Klaveren): two participants for meetings whose people do not
/// matter.
pub fn pair() -> [Minister; 2] {
    [plain_kamikawa(), plain_van_klaveren()]
}

/// Yoko Kamikawa (JP, id `jp-yoko-kamikawa`), plainly named and with no
/// term of office, unlike the seed's [`kamikawa`]: for meetings on any date.
pub fn plain_kamikawa() -> Minister {
    minister("Yoko", "Kamikawa", "JP")
}

/// Alberto van Klaveren (CL), plainly named and with no term of office,
/// unlike the seed's [`van_klaveren`].
pub fn plain_van_klaveren() -> Minister {
    minister("Alberto", "van Klaveren", "CL")
}

/// The seed's time facts with the [`pair`]: the Japan-Chile Foreign
/// Ministers' Meeting in San Francisco at 16:00 on 2023-11-13, 30 minutes,
/// and nothing else; the caller adds what it needs and builds.
pub fn seed_like() -> MeetingBuilder {
    Meeting::builder("Japan-Chile Foreign Ministers' Meeting")
        .venue(san_francisco())
        .starts_at(civil("2023-11-13T16:00"))
        .duration(minutes(30))
        .participants(pair())
}

/// A hybrid meeting in Tokyo at 10:00 on 2024-02-07, of Kamikawa (JP) and
/// Wong (AU), each known by surname.
pub fn tokyo_hybrid() -> Meeting {
    Meeting::builder("Hybrid meeting")
        .mode(Mode::Hybrid)
        .venue(venue("Tokyo", "JP", chrono_tz::Asia::Tokyo))
        .starts_at(civil("2024-02-07T10:00"))
        .participant(surnamed("Kamikawa", "JP"))
        .participant(surnamed("Wong", "AU"))
        .build()
        .unwrap()
}

/// A venue in the country `code`.
pub fn venue(place: &str, code: &str, zone: Tz) -> Venue {
    Venue::new(place, country(code), zone).unwrap()
}

/// The seed's venue: San Francisco, United States, America/Los_Angeles.
pub fn san_francisco() -> Venue {
    venue("San Francisco", "US", chrono_tz::America::Los_Angeles)
}

/// A civil time, `2023-11-13T16:00` or with seconds.
pub fn civil(text: &str) -> NaiveDateTime {
    diplomeet::time::parse_civil(text).unwrap()
}

/// `civil` as RFC 3339 without an offset, to the second
/// (`2026-03-08T02:30:00`), as the zoneinfo oracles read it.
pub fn civil_text(civil: &NaiveDateTime) -> String {
    civil.format("%Y-%m-%dT%H:%M:%S").to_string()
}

/// `n` minutes.
pub fn minutes(n: i64) -> TimeDelta {
    TimeDelta::try_minutes(n).unwrap()
}

/// `n` hours.
pub fn hours(n: i64) -> TimeDelta {
    TimeDelta::try_hours(n).unwrap()
}

/// A date.
pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A time of day, `h:m`.
pub fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

/// 00:00 UTC on the date `text` (`2026-01-01`).
pub fn utc_midnight(text: &str) -> DateTime<Utc> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .unwrap()
        .and_time(NaiveTime::MIN)
        .and_utc()
}

/// An instant, to the minute in UTC.
pub fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).single().unwrap()
}

/// The (kind, path) of each of `err`'s violations, in order.
pub fn violations(err: &Error) -> Vec<(ErrorKind, &str)> {
    err.violations().map(|v| (v.kind(), v.path())).collect()
}

/// A path below the repository root (the package root, for a packaged crate).
pub fn manifest_path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// Whether `DIPLOMEET_BLESS=1` asks to rewrite golden files.
pub fn blessing() -> bool {
    std::env::var_os("DIPLOMEET_BLESS").is_some_and(|v| v == "1")
}

/// Compares `actual` with `tests/golden/NAME`, or rewrites the file under
/// `DIPLOMEET_BLESS=1`.
pub fn golden(name: &str, actual: &str) {
    let path = manifest_path("tests/golden").join(name);
    if blessing() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with DIPLOMEET_BLESS=1 to create it",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "{} differs (DIPLOMEET_BLESS=1 regenerates it)\n--- expected\n{expected}\n--- actual\n{actual}",
        path.display()
    );
}

/// The path of a scratch file `name` of the test `test` under cargo's
/// temporary directory for integration tests (the directory is made; the
/// file is the caller's to write).
pub fn scratch_path(test: &str, name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(test);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// Writes `text` to the [`scratch_path`] `name` of the test `test`, and
/// returns its path.
pub fn scratch_file(test: &str, name: &str, text: &str) -> PathBuf {
    let path = scratch_path(test, name);
    std::fs::write(&path, text).unwrap();
    path
}

/// A seeded xorshift64 generator: the same cases every run, no dependency.
pub struct XorShift(pub u64);

impl XorShift {
    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number below `n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}
