//! Counting conflicts without building them.

use super::sweep::{Minister, Sweep, later};
use crate::schedule::calendar::NO_VENUE;
use crate::schedule::travel::TravelTimes;

/// The number of conflicts of the minister's meetings `a` at positions
/// `from..` (each with the meetings after it), as
/// [`Calendar::conflicts`](crate::schedule::Calendar::conflicts) would
/// return them.
///
/// Overlaps: the meetings after `a` that start before it ends are a run
/// right after it in time order, found by binary search. Travel
/// shortfalls: the meetings `a` whose next meetings start at one instant
/// `g` are grouped, and so are those next meetings, each by venue; for a
/// venue `x` of the first and `y` of the second (`x ≠ y`), the meetings at
/// `x` that end after `g − travel(x, y)` (a binary search on their ends)
/// each conflict with every meeting at `y`. Cost: O(n log n + p log n), p
/// being the pairs of distinct venues so met.
pub(super) fn count_from<T: TravelTimes + ?Sized>(
    m: &Minister<'_>,
    from: usize,
    sweep: &mut Sweep<'_, '_, T>,
) -> u64 {
    let sorted = &m.sorted;
    let mut total: u64 = 0;
    // (first next meeting, venue, end) of each meeting with a venue.
    let mut leads: Vec<(usize, u32, (i64, u32))> = Vec::new();
    for (i, a) in sorted.iter().enumerate().skip(from) {
        let j = sorted.partition_point(|b| b.start() < a.end());
        total = total.saturating_add(j.saturating_sub(i + 1) as u64);
        if a.venue == NO_VENUE {
            continue;
        }
        let p = m.located_from(j);
        if p < sorted.len() {
            leads.push((p, a.venue, a.end()));
        }
    }
    leads.sort_unstable();
    let mut nexts: Vec<(u32, u64)> = Vec::new();
    for group in leads.chunk_by(|x, y| x.0 == y.0) {
        let Some(&(p, _, _)) = group.first() else {
            continue;
        };
        let Some(at) = sorted.get(p).map(|b| b.start()) else {
            continue;
        };
        // The next meetings: those with a venue starting at `at`, by venue.
        let mut venues: Vec<u32> = sorted
            .get(p..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.start() == at)
            .filter(|b| b.venue != NO_VENUE)
            .map(|b| b.venue)
            .collect();
        venues.sort_unstable();
        nexts.clear();
        nexts.extend(
            venues
                .chunk_by(|x, y| x == y)
                .filter_map(|run| Some((*run.first()?, run.len() as u64))),
        );
        for run in group.chunk_by(|x, y| x.1 == y.1) {
            let Some(&(_, from_venue, _)) = run.first() else {
                continue;
            };
            for &(to_venue, count) in &nexts {
                if to_venue == from_venue {
                    continue;
                }
                let needed = sweep.travel(from_venue, to_venue);
                // Ends are sorted within the run: those too late to travel
                // are a suffix.
                let in_time = run.partition_point(|&(_, _, end)| later(end, needed) <= at);
                let short = (run.len() - in_time) as u64;
                total = total.saturating_add(short.saturating_mul(count));
            }
        }
    }
    total
}
