//! Exports at two sizes, n and 4n, in one run: the ratio guards the shape
//! (linear: about 4x, at most 6x).
//!
//! ```text
//! cargo bench --bench export
//! ```
//!
//! | ids | input | guards |
//! |---|---|---|
//! | `ics/meetings_10k`, `ics/meetings_40k` | `to_ics` of 10,000 and 40,000 meetings, a day apart, in three zones | the duplicate-UID check and the per-zone windows (a scan per meeting was quadratic) |
//! | `jsonld/topics_25k`, `jsonld/topics_100k` | `to_json_ld` of one meeting with 50 and 200 agenda items of 500 distinct topics each (100,000 is the most the default limits allow) | the de-duplication of topics (a scan was quadratic) |

// Benches stop loudly when their fixtures do not build.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::hint::black_box;

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use criterion::{Criterion, criterion_main};
use diplomeet::export::{to_ics, to_json_ld};
use diplomeet::{
    AgendaItem, Country, Meeting, Minister, PersonName, Portfolio, Post, Topic, TopicCategory,
    Venue,
};

fn minister(given: &str, surname: &str, code: &str) -> Minister {
    let name = PersonName::builder()
        .given(given)
        .surname(surname)
        .build()
        .unwrap();
    Minister::builder(name, Country::from_code(code).unwrap())
        .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs").unwrap())
        .build()
        .unwrap()
}

/// `n` meetings, a day apart from 1985-01-01 at 10:00 (40,000 end in 2094,
/// before the zone data's horizon), cycling through three venues in three
/// zones: every UID differs (the dates do).
fn meetings(n: usize) -> Vec<Meeting> {
    let pair = [
        minister("Yoko", "Kamikawa", "JP"),
        minister("Alberto", "van Klaveren", "CL"),
    ];
    let venues = [
        Venue::new(
            "Tokyo",
            Country::from_code("JP").unwrap(),
            chrono_tz::Asia::Tokyo,
        )
        .unwrap(),
        Venue::new(
            "Santiago",
            Country::from_code("CL").unwrap(),
            chrono_tz::America::Santiago,
        )
        .unwrap(),
        Venue::new(
            "New York",
            Country::from_code("US").unwrap(),
            chrono_tz::America::New_York,
        )
        .unwrap(),
    ];
    let first = NaiveDate::from_ymd_opt(1985, 1, 1).unwrap();
    (0..n)
        .map(|i| {
            let day = first
                .checked_add_signed(TimeDelta::try_days(i as i64).unwrap())
                .unwrap();
            Meeting::builder(format!("Meeting {i}"))
                .venue(venues[i % venues.len()].clone())
                .starts_at(day.and_hms_opt(10, 0, 0).unwrap())
                .duration(TimeDelta::try_minutes(45).unwrap())
                .participants(pair.iter().cloned())
                .build()
                .unwrap()
        })
        .collect()
}

/// One meeting whose agenda holds `items` items of 500 distinct topics.
fn topics(items: u32) -> Meeting {
    let mut b = Meeting::builder("Strategic Dialogue")
        .venue(
            Venue::new(
                "Tokyo",
                Country::from_code("JP").unwrap(),
                chrono_tz::Asia::Tokyo,
            )
            .unwrap(),
        )
        .starts_at(
            NaiveDate::from_ymd_opt(2024, 5, 1)
                .unwrap()
                .and_hms_opt(10, 0, 0)
                .unwrap(),
        )
        .participant(minister("Yoko", "Kamikawa", "JP"))
        .participant(minister("Alberto", "van Klaveren", "CL"));
    for i in 0..items {
        let mut item = AgendaItem::builder().number(i + 1);
        for k in 0..500 {
            let label = format!("Topic {i}-{k}");
            item = item.topic(Topic::builder(TopicCategory::Other, label).build().unwrap());
        }
        b = b.agenda_item(item.build().unwrap());
    }
    b.build().unwrap()
}

fn stamp() -> DateTime<Utc> {
    DateTime::from_timestamp(1_700_000_000, 0).unwrap()
}

fn all(c: &mut Criterion) {
    let mut group = c.benchmark_group("ics");
    group.sample_size(10);
    for (id, n) in [("meetings_10k", 10_000), ("meetings_40k", 40_000)] {
        let ms = meetings(n);
        group.bench_function(id, |b| b.iter(|| black_box(to_ics(&ms, stamp()).unwrap())));
    }
    group.finish();

    let mut group = c.benchmark_group("jsonld");
    group.sample_size(10);
    for (id, items) in [("topics_25k", 50), ("topics_100k", 200)] {
        let m = topics(items);
        group.bench_function(id, |b| b.iter(|| black_box(to_json_ld(&m).unwrap())));
    }
    group.finish();
}

mod harness {
    criterion::criterion_group!(benches, super::all);
}

criterion_main!(harness::benches);
