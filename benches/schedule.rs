//! Scheduling benches, each against a baseline in the same run.
//!
//! ```text
//! cargo bench --bench schedule
//! ```
//!
//! | id | baseline | target |
//! |---|---|---|
//! | `conflicts/sweep_100k` | `conflicts/sort_baseline_100k` (sorting the same intervals) | at most 3× |
//! | `conflicts/sweep_10k` | `conflicts/naive_10k` (all pairs) | at least 100× faster |
//! | `conflicts/overlap_4k` | `conflicts/overlap_1k` (4× the meetings, 16× the conflicts) | at most 6× |
//! | `slots/search_90d` | `slots/grid_baseline_90d` (every minute tested) | at least 20× faster |
//! | `local_times/seed` | `local_times/baseline` (chrono-tz directly) | at most 1.5× |

// Benches stop loudly when their fixtures do not build.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use criterion::{Criterion, criterion_main};

#[path = "schedule/conflicts.rs"]
mod conflicts;
#[path = "schedule/local_times.rs"]
mod local_times;
#[path = "schedule/slots.rs"]
mod slots;

fn all(c: &mut Criterion) {
    conflicts::benches(c);
    slots::benches(c);
    local_times::benches(c);
}

mod harness {
    criterion::criterion_group!(benches, super::all);
}

criterion_main!(harness::benches);
