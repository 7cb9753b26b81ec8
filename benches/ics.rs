//! iCalendar in against iCalendar out, in one run.
//!
//! | id | what | target |
//! |---|---|---|
//! | `ics/export_10k` | [`to_ics`] writing 10,000 single meetings | the baseline |
//! | `ics/import_10k` | [`IcsCalendar::parse`] of a calendar of 10,000 events, a quarter of them weekly recurring, then [`IcsCalendar::occurrences`] over 90 days and the busy blocks | at most 3× `ics/export_10k` |
//!
//! The calendar read is the exporter's own output for the same 10,000
//! meetings (telephone calls in six zones over the 90 days, each with its
//! `VTIMEZONE`, attendees and description), with `RRULE:FREQ=WEEKLY` added
//! to every fourth event: so both sides handle the same text, and the
//! import also expands 2,500 rules (25,007 occurrences in all).
//!
//! ```text
//! cargo bench --bench ics -- --warm-up-time 1 --measurement-time 5
//! ```

// Benches stop loudly when their fixtures do not build.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::hint::black_box;

use chrono::{TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;
use criterion::{Criterion, criterion_main};
use diplomeet::export::to_ics;
use diplomeet::ical::{IcsCalendar, Window};
use diplomeet::{Country, Meeting, Minister, Mode, PersonName, Portfolio, Post};

const N: usize = 10_000;

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

/// 10,000 half-hour to two-hour calls, spread over 90 days from
/// 2026-03-01 in six zones (both hemispheres, changes of offset within).
fn meetings() -> Vec<Meeting> {
    let zones: [Tz; 6] = [
        chrono_tz::America::New_York,
        chrono_tz::Europe::Paris,
        chrono_tz::Asia::Tokyo,
        chrono_tz::Australia::Sydney,
        chrono_tz::America::Santiago,
        chrono_tz::Asia::Kolkata,
    ];
    let pair = [
        minister("Yoko", "Kamikawa", "JP"),
        minister("Alberto", "van Klaveren", "CL"),
    ];
    let start = chrono::NaiveDate::from_ymd_opt(2026, 3, 1)
        .unwrap()
        .and_hms_opt(8, 0, 0)
        .unwrap();
    (0..N)
        .map(|i| {
            let day = (i * 89 / N) as i64;
            let minutes = 15 * (i % 40) as i64;
            let civil = start + TimeDelta::days(day) + TimeDelta::minutes(minutes);
            Meeting::builder(format!("Call number {i} on the bilateral agenda"))
                .mode(Mode::Telephone)
                .zone(zones[i % zones.len()])
                .occasion("Regular consultations between the two ministries")
                .starts_at(civil)
                .disambiguation(diplomeet::Disambiguation::Compatible)
                .duration(TimeDelta::minutes(30 * (1 + (i % 4) as i64)))
                .participants(pair.iter().cloned())
                .build()
                .unwrap()
        })
        .collect()
}

/// The exporter's text with `RRULE:FREQ=WEEKLY` after every fourth
/// event's `DTSTART`.
fn recurring(ics: &str) -> String {
    let mut out = String::with_capacity(ics.len() + N * 10);
    let mut event = 0usize;
    for line in ics.split_inclusive("\r\n") {
        out.push_str(line);
        if line.starts_with("DTSTART") {
            if event % 4 == 0 {
                out.push_str("RRULE:FREQ=WEEKLY\r\n");
            }
            event += 1;
        }
    }
    out
}

fn benches(c: &mut Criterion) {
    let meetings = meetings();
    let stamp = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let ics = to_ics(&meetings, stamp).unwrap();
    let text = recurring(&ics);
    let from = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
    let window = Window::new(from, from + TimeDelta::days(90)).unwrap();
    // The fixture is what it says.
    let calendar = IcsCalendar::parse(&text).unwrap();
    assert_eq!(calendar.events().len(), N);
    assert_eq!(
        calendar
            .events()
            .iter()
            .filter(|e| e.is_recurring())
            .count(),
        N / 4
    );
    let occurrences = calendar.occurrences(&window);
    assert!(occurrences.warnings().is_empty());
    assert!(occurrences.len() > N + N / 4 * 5, "{}", occurrences.len());
    println!(
        "ics: {} bytes, {} events, {} occurrences over 90 days",
        text.len(),
        calendar.events().len(),
        occurrences.len()
    );

    let mut group = c.benchmark_group("ics");
    group.sample_size(10);
    group.bench_function("export_10k", |b| {
        b.iter(|| to_ics(black_box(&meetings), stamp).unwrap().len())
    });
    group.bench_function("import_10k", |b| {
        b.iter(|| {
            let calendar = IcsCalendar::parse(black_box(&text)).unwrap();
            let occurrences = calendar.occurrences(&window);
            (occurrences.len(), occurrences.busy().len())
        })
    });
    group.finish();
}

mod harness {
    criterion::criterion_group!(benches, super::benches);
}

criterion_main!(harness::benches);
