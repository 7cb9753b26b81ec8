//! Group `conflicts`: [`Calendar::conflicts`] against sorting the same
//! intervals, and against an all-pairs check; and the capped search on
//! calendars whose conflicts grow as the square of the meetings.
//!
//! - `conflicts/sweep_100k`: every conflict of `conflicts()` over 100,000
//!   meetings (200
//!   ministers of 20 countries, two per meeting, random starts over 2024,
//!   30 to 120 minutes, six venues and one in ten by telephone, a full
//!   travel table);
//! - `conflicts/sort_baseline_100k`: `sort_unstable` of the same 100,000
//!   `(start, end)` intervals as `(i64, i64)` Unix seconds, copied in the
//!   batch setup so that only the sort is timed (target: the sweep at most
//!   3× this);
//! - `conflicts/naive_10k`: an all-pairs check over 10,000 meetings built
//!   the same way, with the same definitions (written here, below);
//! - `conflicts/sweep_10k`: every conflict of `conflicts()` on that
//!   calendar (target: at least 100× faster than the naive check);
//! - `conflicts/overlap_1k` and `conflicts/overlap_4k`:
//!   `conflicts_capped(table, 1_000)` on 1,000 and 4,000 meetings of one
//!   minister and one counterpart that all overlap (999,000 and 15,996,000
//!   conflicts in all): the first thousand and the total count. Target: at
//!   most 6× from 1k to 4k (the count is O(n log n); listing them all
//!   would be 16×).
//!
//! Calendars are built once (through the public builders) and kept; the
//! setup checks that the naive check and the sweep find the same conflicts.

// Fixtures index their own small tables.
#![allow(clippy::indexing_slicing)]

use std::collections::HashMap;
use std::hint::black_box;
use std::sync::OnceLock;

use chrono::{DateTime, TimeDelta, Utc};
use criterion::{BatchSize, Criterion};
use diplomeet::schedule::{Calendar, ConflictKind, TravelTable};
use diplomeet::{
    Country, Disambiguation, Meeting, Minister, Mode, PersonName, Portfolio, Post, Venue,
};

/// Ministers in the generated calendars, ten per country.
const MINISTERS: usize = 200;
const COUNTRIES: [&str; 20] = [
    "JP", "CL", "FR", "DE", "GB", "IT", "ES", "NL", "BE", "SE", "NO", "FI", "DK", "PL", "AT", "CH",
    "IE", "PT", "GR", "KR",
];
const VENUES: [(&str, &str, chrono_tz::Tz); 6] = [
    ("Tokyo", "JP", chrono_tz::Asia::Tokyo),
    ("San Francisco", "US", chrono_tz::America::Los_Angeles),
    ("New York", "US", chrono_tz::America::New_York),
    ("Geneva", "CH", chrono_tz::Europe::Zurich),
    ("Santiago", "CL", chrono_tz::America::Santiago),
    ("Jakarta", "ID", chrono_tz::Asia::Jakarta),
];

/// splitmix64: a fixed, dependency-free sequence.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn ministers() -> Vec<Minister> {
    (0..MINISTERS)
        .map(|i| {
            let name = PersonName::builder()
                .given(format!("M{i}"))
                .surname("Doe")
                .build()
                .unwrap();
            let country = Country::from_code(COUNTRIES[i % COUNTRIES.len()]).unwrap();
            Minister::builder(name, country)
                .id(format!("m{i:03}"))
                .post(Post::new(Portfolio::ForeignAffairs, "Minister").unwrap())
                .build()
                .unwrap()
        })
        .collect()
}

fn table() -> TravelTable {
    let mut b = TravelTable::builder(TimeDelta::try_hours(12).unwrap());
    for (i, a) in VENUES.iter().enumerate() {
        for (j, z) in VENUES.iter().enumerate().skip(i + 1) {
            let h = 2 + ((i * 7 + j * 3) % 16) as i64;
            b = b.route(a.0, z.0, TimeDelta::try_hours(h).unwrap());
        }
    }
    b.build().unwrap()
}

/// `n` meetings between two ministers of different countries, at random
/// minutes of 2024, 30 to 120 minutes long.
fn calendar(n: usize, seed: u64) -> Calendar {
    let people = ministers();
    let venues: Vec<Venue> = VENUES
        .iter()
        .map(|(p, c, z)| Venue::new(*p, Country::from_code(c).unwrap(), *z).unwrap())
        .collect();
    let year_start: DateTime<Utc> = "2024-01-01T00:00:00Z".parse().unwrap();
    let mut rng = Rng(seed);
    let mut cal = Calendar::new();
    for _ in 0..n {
        let a = rng.below(MINISTERS as u64) as usize;
        let mut b = rng.below(MINISTERS as u64) as usize;
        while b % COUNTRIES.len() == a % COUNTRIES.len() {
            b = rng.below(MINISTERS as u64) as usize;
        }
        let start = year_start + TimeDelta::try_minutes(rng.below(366 * 24 * 60) as i64).unwrap();
        let minutes = 30 + rng.below(91) as i64;
        let mut m = Meeting::builder("Talks");
        let zone = if rng.below(10) == 0 {
            m = m.mode(Mode::Telephone).zone(chrono_tz::UTC);
            chrono_tz::UTC
        } else {
            let v = &venues[rng.below(venues.len() as u64) as usize];
            m = m.venue(v.clone());
            v.zone()
        };
        let meeting = m
            .starts_at(start.with_timezone(&zone).naive_local())
            .disambiguation(Disambiguation::Earlier)
            .duration(TimeDelta::try_minutes(minutes).unwrap())
            .participant(people[a].clone())
            .participant(people[b].clone())
            .build()
            .unwrap();
        cal.push(meeting);
    }
    cal
}

fn big() -> &'static (Calendar, TravelTable) {
    static BIG: OnceLock<(Calendar, TravelTable)> = OnceLock::new();
    BIG.get_or_init(|| {
        let (cal, table) = (calendar(100_000, 1), table());
        let found = cal.conflicts(&table).count();
        assert!(found > 0, "the 100k calendar should have conflicts");
        eprintln!("conflicts: 100k meetings, {found} conflicts");
        (cal, table)
    })
}

fn small() -> &'static (Calendar, TravelTable) {
    static SMALL: OnceLock<(Calendar, TravelTable)> = OnceLock::new();
    SMALL.get_or_init(|| (calendar(10_000, 2), table()))
}

/// A conflict as comparable data: minister, first, second, time missing,
/// whether it is an overlap.
type Row = (String, usize, usize, TimeDelta, bool);

/// A placed meeting, as the all-pairs check sees it.
struct Item<'a> {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    index: usize,
    venue: Option<&'a Venue>,
    /// Participants, as indices into the list of ids.
    ids: Vec<u32>,
}

/// Every pair of meetings, compared directly: for each meeting and each of
/// its ministers, every other meeting of that minister is checked for an
/// overlap and as a candidate for the next meeting with a venue. Ids are
/// numbered first, so that the pairs compare integers, not strings.
fn naive(cal: &Calendar, table: &TravelTable) -> Vec<Row> {
    let mut numbers: HashMap<&str, u32> = HashMap::new();
    let mut names: Vec<&str> = Vec::new();
    let items: Vec<Item<'_>> = cal
        .meetings()
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let (start, end) = cal.span(i)?;
            Some(Item {
                start,
                end,
                index: i,
                venue: m.venue(),
                ids: m
                    .participants()
                    .iter()
                    .map(|p| {
                        *numbers.entry(p.id()).or_insert_with(|| {
                            names.push(p.id());
                            names.len() as u32 - 1
                        })
                    })
                    .collect(),
            })
        })
        .collect();
    let mut out = Vec::new();
    let mut group: Vec<&Item<'_>> = Vec::new();
    for a in &items {
        let ka = (a.start, a.end, a.index);
        for id in &a.ids {
            let mut next: Option<DateTime<Utc>> = None;
            group.clear();
            for b in &items {
                if b.index == a.index || !b.ids.contains(id) {
                    continue;
                }
                if ka < (b.start, b.end, b.index) && a.start < b.end && b.start < a.end {
                    // The time missing: how much later `b` would have to
                    // start to follow `a`.
                    let missing = a.end - b.start;
                    let name = names[*id as usize].to_owned();
                    out.push((name, a.index, b.index, missing, true));
                }
                if a.venue.is_some() && b.venue.is_some() && b.start >= a.end {
                    match next {
                        Some(t) if b.start > t => {}
                        Some(t) if b.start == t => group.push(b),
                        _ => {
                            next = Some(b.start);
                            group.clear();
                            group.push(b);
                        }
                    }
                }
            }
            for b in &group {
                let (pa, pb) = (a.venue.unwrap().place(), b.venue.unwrap().place());
                let needed = table.time(pa, pb);
                let available = b.start - a.end;
                if needed > available {
                    out.push((
                        names[*id as usize].to_owned(),
                        a.index,
                        b.index,
                        needed - available,
                        false,
                    ));
                }
            }
        }
    }
    out.sort();
    out
}

fn rows(cal: &Calendar, table: &TravelTable) -> Vec<Row> {
    let mut rows: Vec<Row> = cal
        .conflicts(table)
        .map(|c| {
            (
                c.minister().to_owned(),
                c.first(),
                c.second(),
                c.missing(),
                matches!(c.kind(), ConflictKind::Overlap { .. }),
            )
        })
        .collect();
    rows.sort();
    rows
}

/// Checks once that the sweep and the naive check agree on the 10k
/// calendar (when a bench that uses it runs).
fn check_small() {
    static CHECKED: OnceLock<()> = OnceLock::new();
    CHECKED.get_or_init(|| {
        let (cal, table) = small();
        let expected = naive(cal, table);
        assert_eq!(rows(cal, table), expected, "sweep and naive check disagree");
        eprintln!("conflicts: 10k meetings, {} conflicts", expected.len());
    });
}

pub fn benches(c: &mut Criterion) {
    let mut g = c.benchmark_group("conflicts");
    // Fixtures are built (once) inside the bench closures, so that a
    // filtered run builds only what it measures.
    g.bench_function("sweep_100k", |b| {
        let (cal, table) = big();
        b.iter(|| every(cal, table))
    });
    g.bench_function("sort_baseline_100k", |b| {
        let (cal, _) = big();
        let intervals: Vec<(i64, i64)> = (0..cal.len())
            .filter_map(|i| cal.span(i))
            .map(|(s, e)| (s.timestamp(), e.timestamp()))
            .collect();
        b.iter_batched_ref(
            || intervals.clone(),
            |v| v.sort_unstable(),
            BatchSize::LargeInput,
        )
    });
    g.sample_size(10);
    g.bench_function("naive_10k", |b| {
        check_small();
        let (cal, table) = small();
        b.iter(|| black_box(naive(black_box(cal), black_box(table))))
    });
    g.sample_size(100);
    g.bench_function("sweep_10k", |b| {
        check_small();
        let (cal, table) = small();
        b.iter(|| every(cal, table))
    });
    g.sample_size(20);
    for (name, n) in [("overlap_1k", 1_000), ("overlap_4k", 4_000)] {
        g.bench_function(name, |b| {
            let (cal, table) = (overlapping(n), table());
            let first = cal.conflicts_capped(&table, 1_000);
            assert_eq!(first.total(), (n * (n - 1)) as u64);
            b.iter(|| black_box(cal.conflicts_capped(black_box(&table), 1_000)))
        });
    }
    g.finish();
}

/// Every conflict, each looked at once (so that none is skipped unbuilt).
fn every(cal: &Calendar, table: &TravelTable) -> usize {
    cal.conflicts(black_box(table))
        .map(|c| black_box(c).first())
        .fold(0, |n, _| n + 1)
}

/// `n` meetings of one minister and one counterpart, in Tokyo, a second
/// apart and a day long: every pair overlaps.
fn overlapping(n: usize) -> Calendar {
    let people = ministers();
    let tokyo = Venue::new(
        "Tokyo",
        Country::from_code("JP").unwrap(),
        chrono_tz::Asia::Tokyo,
    )
    .unwrap();
    let start: DateTime<Utc> = "2024-01-01T00:00:00Z".parse().unwrap();
    (0..n)
        .map(|i| {
            let at = start + TimeDelta::try_seconds(i as i64).unwrap();
            Meeting::builder("Talks")
                .venue(tokyo.clone())
                .starts_at(at.with_timezone(&chrono_tz::Asia::Tokyo).naive_local())
                .duration(TimeDelta::try_hours(23).unwrap())
                .participant(people[0].clone())
                .participant(people[1].clone())
                .build()
                .unwrap()
        })
        .collect()
}
