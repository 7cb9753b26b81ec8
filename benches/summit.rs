//! The summit planner on the generated UNGA-scale instance (193 delegations,
//! 25 rooms, four days; `examples/support/unga.rs`), against the first-fit
//! baseline, and at two sizes to guard the shape of its cost.
//!
//! ```text
//! cargo bench --bench summit -- --warm-up-time 1 --measurement-time 5
//! ```
//!
//! | id | what | target |
//! |---|---|---|
//! | `summit/unga` | `plan()` on the 1,500-request instance | |
//! | `summit/greedy_baseline` | `plan_first_fit()` on it | |
//! | `summit/requests_2500` | `plan()` on 2,500 requests | |
//! | `summit/requests_10000` | `plan()` on 10,000 requests | at most 6× `requests_2500` |
//!
//! Each iteration plans a fresh clone of a summit built once: a summit keeps
//! its plan once computed, and the bounds are never asked for here.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

#[path = "../examples/support/unga.rs"]
mod unga;

use criterion::{BatchSize, Criterion, black_box, criterion_group, criterion_main};

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("summit");
    group.sample_size(10);
    let summit = unga::unga(2023).expect("the UNGA instance builds");
    group.bench_function("unga", |b| {
        b.iter_batched_ref(
            || summit.clone(),
            |s| black_box(s.plan().expect("plans")),
            BatchSize::LargeInput,
        );
    });
    group.bench_function("greedy_baseline", |b| {
        b.iter(|| black_box(summit.plan_first_fit().expect("plans")));
    });
    for n in [2_500, 10_000] {
        let summit = unga::unga_with(2023, n, 4, false).expect("the instance builds");
        group.bench_function(format!("requests_{n}"), |b| {
            b.iter_batched_ref(
                || summit.clone(),
                |s| black_box(s.plan().expect("plans")),
                BatchSize::LargeInput,
            );
        });
    }
    group.finish();
}

criterion_group!(summit, benches);
criterion_main!(summit);
