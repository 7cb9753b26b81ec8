//! Group `slots`: the free-slot search against a minute-by-minute grid.
//!
//! The question: 10 ministers of 5 countries in 5 zones (Tokyo, Santiago,
//! New York, London, Kolkata), their countries' default working hours, a
//! 90-day window (2026-01-05 to 2026-04-05 UTC, across the March changes in
//! New York and London), 2,000 busy meetings among them (each between two
//! ministers of different countries, random starts on whole minutes, 30 to
//! 120 minutes) in one [`Calendar`], a 30-minute slot on a 15-minute grid.
//!
//! - `slots/search_90d`: `SlotSearch::builder()...build()?.search()`, all of
//!   it timed (busy time from the calendar, working intervals, the sweep);
//! - `slots/grid_baseline_90d`: the same question answered by testing every
//!   minute of the window (written below): the same working intervals and
//!   busy lists from the library's public API, then for each of the 129,600
//!   minutes and each minister, a binary search for "busy at this minute"
//!   and one for "working at this minute", then prefix sums over minutes to
//!   rank every 15-minute-aligned candidate. Target: the search at least
//!   20× faster.
//!
//! The setup checks that both give the same best slot (start and time
//! outside hours). Every boundary lies on a whole minute, so the grid is
//! exact here.

// Fixtures index their own small tables.
#![allow(clippy::indexing_slicing)]

use std::hint::black_box;

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use criterion::Criterion;
use diplomeet::schedule::{Calendar, SlotSearch, WorkingHours};
use diplomeet::{Country, Meeting, Minister, PersonName, Portfolio, Post, Venue, ZonedDateTime};

const COUNTRIES: [&str; 5] = ["JP", "CL", "US", "GB", "IN"];
const GIVEN: [&str; 2] = ["Alex", "Sam"];
const MEETINGS: usize = 2_000;
const DAYS: i64 = 90;

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

struct Fixture {
    ministers: Vec<Minister>,
    calendar: Calendar,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    duration: TimeDelta,
    step: TimeDelta,
}

fn fixture() -> Fixture {
    let ministers: Vec<Minister> = COUNTRIES
        .iter()
        .flat_map(|code| GIVEN.iter().map(move |g| (*code, *g)))
        .map(|(code, given)| {
            let name = PersonName::builder()
                .given(given)
                .surname(format!("Minister{code}"))
                .build()
                .unwrap();
            Minister::builder(name, Country::from_code(code).unwrap())
                .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs").unwrap())
                .build()
                .unwrap()
        })
        .collect();
    let from = Utc.with_ymd_and_hms(2026, 1, 5, 0, 0, 0).unwrap();
    let to = from + TimeDelta::try_days(DAYS).unwrap();
    let mut rng = Rng(0x5107_2026);
    let mut calendar = Calendar::new();
    while calendar.len() < MEETINGS {
        let a = rng.below(ministers.len() as u64) as usize;
        let b = rng.below(ministers.len() as u64) as usize;
        let (ma, mb) = (&ministers[a], &ministers[b]);
        if ma.country() == mb.country() {
            continue;
        }
        let minutes = rng.below((DAYS * 24 * 60) as u64 - 120) as i64;
        let start = from + TimeDelta::try_minutes(minutes).unwrap();
        let length = 30 + rng.below(91) as i64;
        let zone = ma.home_zone();
        let meeting = Meeting::builder("Talks")
            .venue(Venue::new("Capital", ma.country().clone(), zone).unwrap())
            .start(ZonedDateTime::from_instant(start, zone))
            .duration(TimeDelta::try_minutes(length).unwrap())
            .participant(ma.clone())
            .participant(mb.clone())
            .build()
            .unwrap();
        calendar.push(meeting);
    }
    Fixture {
        ministers,
        calendar,
        from,
        to,
        duration: TimeDelta::try_minutes(30).unwrap(),
        step: TimeDelta::try_minutes(15).unwrap(),
    }
}

/// The library's answer: (start, minutes outside hours) of the best slot.
fn search(f: &Fixture) -> Option<(DateTime<Utc>, i64)> {
    let mut b = SlotSearch::builder()
        .window(f.from, f.to)
        .duration(f.duration)
        .step(f.step)
        .calendar(&f.calendar)
        .limit(10);
    for m in &f.ministers {
        b = b.participant(m.clone());
    }
    let result = b.build().unwrap().search();
    result
        .best()
        .map(|s| (s.start(), s.outside_hours().num_minutes()))
}

/// Whether `t` lies in one of the sorted, disjoint half-open intervals.
fn covered(spans: &[(DateTime<Utc>, DateTime<Utc>)], t: DateTime<Utc>) -> bool {
    let i = spans.partition_point(|(s, _)| *s <= t);
    i > 0 && t < spans[i - 1].1
}

/// The grid's answer: every minute tested for every minister.
fn grid(f: &Fixture) -> Option<(DateTime<Utc>, i64)> {
    let minutes = (f.to - f.from).num_minutes() as usize;
    let mut busy_prefix = vec![0u32; minutes + 1];
    let mut outside_prefix = vec![0u32; minutes + 1];
    let per: Vec<_> = f
        .ministers
        .iter()
        .map(|m| {
            let working = WorkingHours::default_for(m.country())
                .intervals(m.home_zone(), f.from, f.to)
                .unwrap();
            // Busy intervals sorted by start; merged so that binary search
            // on starts finds the one that could cover a minute.
            let mut busy: Vec<(DateTime<Utc>, DateTime<Utc>)> = Vec::new();
            for b in f.calendar.busy(m.id()) {
                match busy.last_mut() {
                    Some(last) if b.start() <= last.1 => last.1 = last.1.max(b.end()),
                    _ => busy.push((b.start(), b.end())),
                }
            }
            (working, busy)
        })
        .collect();
    for k in 0..minutes {
        let t = f.from + TimeDelta::try_minutes(k as i64).unwrap();
        let mut busy = 0;
        let mut outside = 0;
        for (working, b) in &per {
            if covered(b, t) {
                busy += 1;
            }
            if !covered(working, t) {
                outside += 1;
            }
        }
        busy_prefix[k + 1] = busy_prefix[k] + busy;
        outside_prefix[k + 1] = outside_prefix[k] + outside;
    }
    let (d, step) = (
        f.duration.num_minutes() as usize,
        f.step.num_minutes() as usize,
    );
    let mut best: Option<(u32, usize)> = None;
    let mut s = 0;
    while s + d <= minutes {
        if busy_prefix[s + d] == busy_prefix[s] {
            let outside = outside_prefix[s + d] - outside_prefix[s];
            if best.is_none_or(|(o, _)| outside < o) {
                best = Some((outside, s));
            }
        }
        s += step;
    }
    best.map(|(o, s)| {
        (
            f.from + TimeDelta::try_minutes(s as i64).unwrap(),
            i64::from(o),
        )
    })
}

pub fn benches(c: &mut Criterion) {
    let f = fixture();
    let (a, b) = (search(&f), grid(&f));
    assert_eq!(a, b, "the search and the grid disagree");
    assert!(a.is_some());
    let mut group = c.benchmark_group("slots");
    group.sample_size(10);
    group.bench_function("search_90d", |bench| bench.iter(|| black_box(search(&f))));
    group.bench_function("grid_baseline_90d", |bench| {
        bench.iter(|| black_box(grid(&f)))
    });
    group.finish();
}
