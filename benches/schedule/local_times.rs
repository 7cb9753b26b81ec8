//! `local_times`: every participant's clock for the seed meeting.
//!
//! - `local_times/seed`: [`Meeting::local_times`] of the reference meeting
//!   (`examples/support/seed.rs`: two participants, Tokyo and Santiago);
//! - `local_times/baseline`: the same conversions with chrono-tz directly:
//!   the start instant (computed once, outside the loop)
//!   `.with_timezone(&zone)` for each participant's home zone, the end
//!   likewise, and the day difference against the venue's date, collected
//!   into a `Vec`.
//!
//! Target: `seed` at most 1.5× `baseline`. The setup checks that both give
//! the same starts, ends and day shifts.
//!
//! ```text
//! cargo bench --bench schedule -- --warm-up-time 1 --measurement-time 3 local_times
//! ```

use std::hint::black_box;

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use chrono_tz::Tz;
use criterion::Criterion;
use diplomeet::{Meeting, Minister};

#[path = "../../examples/support/seed.rs"]
mod seed;

/// One participant's clock as the baseline computes it.
type Clock<'m> = (&'m Minister, DateTime<Tz>, DateTime<Tz>, i64);

/// The baseline: chrono-tz conversions from a precomputed start instant.
fn baseline<'m>(
    meeting: &'m Meeting,
    start: DateTime<Utc>,
    duration: TimeDelta,
    venue_date: NaiveDate,
) -> Vec<Clock<'m>> {
    let end = start.checked_add_signed(duration).unwrap();
    meeting
        .participants()
        .iter()
        .filter_map(|p| Some((p.minister()?, p.clock_zone()?)))
        .map(|(m, zone)| {
            let s = start.with_timezone(&zone);
            let e = end.with_timezone(&zone);
            let shift = s.date_naive().signed_duration_since(venue_date).num_days();
            (m, s, e, shift)
        })
        .collect()
}

pub fn benches(c: &mut Criterion) {
    let meeting = seed::meeting().unwrap();
    let start = meeting.start().unwrap().instant();
    let duration = meeting.duration().unwrap();
    let venue_date = meeting.date().unwrap();

    // Both sides compute the same thing.
    let ours = meeting.local_times().unwrap();
    let theirs = baseline(&meeting, start, duration, venue_date);
    assert_eq!(ours.len(), theirs.len());
    for (l, (m, s, e, shift)) in ours.iter().zip(&theirs) {
        assert_eq!(l.participant().map(Minister::id), Some(m.id()));
        assert_eq!(l.start().to_datetime(), *s);
        assert_eq!(l.end().map(|e| e.to_datetime()), Some(*e));
        assert_eq!(l.day_shift(), *shift);
    }

    let mut group = c.benchmark_group("local_times");
    group.bench_function("seed", |b| {
        b.iter(|| black_box(black_box(&meeting).local_times().unwrap()))
    });
    group.bench_function("baseline", |b| {
        b.iter(|| {
            black_box(baseline(
                black_box(&meeting),
                black_box(start),
                black_box(duration),
                black_box(venue_date),
            ))
        })
    });
    group.finish();
}
