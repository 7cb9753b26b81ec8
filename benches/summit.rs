//! The summit planner against the first-fit baseline on the generated
//! UNGA-scale instance (193 delegations, 25 rooms, 1,500 requests).
//!
//! ```text
//! cargo bench --bench summit -- --warm-up-time 1 --measurement-time 5
//! ```
//!
//! The upper bound is computed once per summit, on first use (during
//! warm-up), so both measure planning and building the meetings.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, black_box, criterion_group, criterion_main};

fn benches(c: &mut Criterion) {
    let summit = diplomeet::summit::unga(2023).expect("the UNGA instance builds");
    let mut group = c.benchmark_group("summit");
    group.sample_size(10);
    group.bench_function("unga", |b| {
        b.iter(|| black_box(summit.plan().expect("plans")));
    });
    group.bench_function("greedy_baseline", |b| {
        b.iter(|| black_box(summit.plan_first_fit().expect("plans")));
    });
    group.finish();
}

criterion_group!(summit, benches);
criterion_main!(summit);
