//! The sweep over one minister's meetings in time order, shared by the
//! conflict search and the count: meetings sorted by start, where the
//! search stands, travel times asked once per pair of venues.

use std::collections::HashMap;

use chrono::TimeDelta;

use super::kind::{Conflict, ConflictKind};
use crate::meeting::Venue;
use crate::schedule::calendar::{Entry, Key, NO_VENUE};
use crate::schedule::travel::TravelTimes;

/// Travel times, venues and scratch for sorting, shared across ministers.
pub(super) struct Sweep<'c, 't, T: ?Sized> {
    memo: Memo,
    venues: &'c [Venue],
    travel: &'t T,
    /// Scratch for [`time_order`].
    keys: Vec<u64>,
    wide: Vec<u128>,
}

impl<'c, 't, T: ?Sized> Sweep<'c, 't, T> {
    pub(super) fn new(venues: &'c [Venue], travel: &'t T) -> Self {
        Sweep {
            memo: Memo::new(venues.len()),
            venues,
            travel,
            keys: Vec::new(),
            wide: Vec::new(),
        }
    }
}

impl<T: TravelTimes + ?Sized> Sweep<'_, '_, T> {
    /// The travel time from venue `from` to venue `to` (both indices).
    pub(super) fn travel(&mut self, from: u32, to: u32) -> TimeDelta {
        self.memo.get(from, to, self.venues, self.travel)
    }
}

/// One minister's meetings in time order, and the position of the search.
pub(super) struct Minister<'c> {
    pub(super) id: &'c str,
    pub(super) sorted: Vec<Entry>,
    /// For each position in `sorted` (and one past the end), the first
    /// position at or after it whose meeting has a venue; empty when every
    /// meeting has one.
    pub(super) next_located: Vec<usize>,
    /// The meeting `a` whose conflicts are being returned.
    pub(super) i: usize,
    pub(super) step: Step,
}

/// What comes next for meeting `a`.
#[derive(Debug, Clone, Copy)]
pub(super) enum Step {
    /// The meeting at this position, if it starts before `a` ends.
    Overlap(usize),
    /// The meeting at this position, if it starts at `at` (the next ones).
    Next { at: Key, j: usize },
}

impl<'c> Minister<'c> {
    pub(super) fn new<T: ?Sized>(
        id: &'c str,
        entries: &[Entry],
        sweep: &mut Sweep<'_, '_, T>,
    ) -> Self {
        let mut sorted = Vec::with_capacity(entries.len());
        time_order(entries, &mut sweep.keys, &mut sweep.wide, &mut sorted);
        let n = sorted.len();
        let mut next_located = Vec::new();
        // Only telephone and video meetings need skipping over.
        if sorted.iter().any(|e| e.venue == NO_VENUE) {
            next_located.resize(n + 1, n);
            let mut next = n;
            for (j, (slot, e)) in next_located.iter_mut().zip(&sorted).enumerate().rev() {
                if e.venue != NO_VENUE {
                    next = j;
                }
                *slot = next;
            }
        }
        Minister {
            id,
            sorted,
            next_located,
            i: 0,
            step: Step::Overlap(1),
        }
    }

    /// The first position at or after `j` whose meeting has a venue.
    pub(super) fn located_from(&self, j: usize) -> usize {
        if self.next_located.is_empty() {
            j
        } else {
            self.next_located
                .get(j)
                .copied()
                .unwrap_or(self.sorted.len())
        }
    }

    /// The next conflict of this minister, if any: [`next_here`]'s steps,
    /// in one loop over the meetings (most have no conflict).
    ///
    /// [`next_here`]: Minister::next_here
    pub(super) fn next<T: TravelTimes + ?Sized>(
        &mut self,
        sweep: &mut Sweep<'_, '_, T>,
    ) -> Option<Conflict<'c>> {
        let sorted = &self.sorted;
        loop {
            let a = sorted.get(self.i)?;
            match self.step {
                Step::Overlap(j) => {
                    if let Some(b) = sorted.get(j).filter(|b| b.start() < a.end()) {
                        self.step = Step::Overlap(j + 1);
                        return Some(overlap(self.id, a, b));
                    }
                    let next = if a.venue == NO_VENUE {
                        None
                    } else if self.next_located.is_empty() {
                        sorted.get(j).map(|b| (b.start(), j))
                    } else {
                        let p = self.next_located.get(j).copied().unwrap_or(sorted.len());
                        sorted.get(p).map(|b| (b.start(), p))
                    };
                    match next {
                        Some((at, j)) => self.step = Step::Next { at, j },
                        None => {
                            self.i += 1;
                            self.step = Step::Overlap(self.i + 1);
                        }
                    }
                }
                Step::Next { at, j } => match sorted.get(j).filter(|b| b.start() == at) {
                    Some(b) => {
                        self.step = Step::Next { at, j: j + 1 };
                        if let Some(c) = travel_check(self.id, a, b, sweep) {
                            return Some(c);
                        }
                    }
                    None => {
                        self.i += 1;
                        self.step = Step::Overlap(self.i + 1);
                    }
                },
            }
        }
    }

    /// The next conflict of the current meeting `a`; `None` once it has
    /// no more (the search stays at `a`).
    pub(super) fn next_here<T: TravelTimes + ?Sized>(
        &mut self,
        sweep: &mut Sweep<'_, '_, T>,
    ) -> Option<Conflict<'c>> {
        let a = *self.sorted.get(self.i)?;
        loop {
            match self.step {
                Step::Overlap(j) => match self.sorted.get(j) {
                    // In time order, the meetings that start before `a`
                    // ends follow it directly, and each overlaps it.
                    Some(b) if b.start() < a.end() => {
                        self.step = Step::Overlap(j + 1);
                        return Some(overlap(self.id, &a, b));
                    }
                    _ if a.venue == NO_VENUE => return None,
                    _ => {
                        // `j` starts at or after `a`'s end; the next ones
                        // with a venue start at one instant.
                        let p = self.located_from(j);
                        let b = self.sorted.get(p)?;
                        self.step = Step::Next {
                            at: b.start(),
                            j: p,
                        };
                    }
                },
                Step::Next { at, j } => {
                    let b = self.sorted.get(j).filter(|b| b.start() == at)?;
                    self.step = Step::Next { at, j: j + 1 };
                    if let Some(c) = travel_check(self.id, &a, b, sweep) {
                        return Some(c);
                    }
                }
            }
        }
    }
}

/// The overlap of `a` and `b` (which starts before `a` ends).
fn overlap<'c>(minister: &'c str, a: &Entry, b: &Entry) -> Conflict<'c> {
    Conflict::new(
        minister,
        a.meeting,
        b.meeting,
        ConflictKind::Overlap {
            overlap: between(b.start(), a.end().min(b.end())),
            delay: between(b.start(), a.end()),
        },
    )
}

/// A travel shortfall from `a` to `b` (which starts at or after `a`'s
/// end), if there is one.
fn travel_check<'c, T: TravelTimes + ?Sized>(
    minister: &'c str,
    a: &Entry,
    b: &Entry,
    sweep: &mut Sweep<'_, '_, T>,
) -> Option<Conflict<'c>> {
    // Venues are interned whole (place, country and zone): equal numbers,
    // one venue, no travel. A meeting without a venue needs none.
    if a.venue == b.venue || b.venue == NO_VENUE || a.venue == NO_VENUE {
        return None;
    }
    let needed = sweep.travel(a.venue, b.venue);
    // Compared as instants: no duration is built unless it conflicts.
    (b.start() < later(a.end(), needed)).then(|| {
        Conflict::new(
            minister,
            a.meeting,
            b.meeting,
            ConflictKind::TravelShortfall {
                needed,
                available: between(a.end(), b.start()),
            },
        )
    })
}

/// The time from `from` to `to` (later), exactly; saturates far outside
/// any meeting's range.
fn between(from: Key, to: Key) -> TimeDelta {
    let mut secs = to.0.saturating_sub(from.0);
    let mut nanos = i64::from(to.1) - i64::from(from.1);
    if nanos < 0 {
        secs = secs.saturating_sub(1);
        nanos += 1_000_000_000;
    }
    let nanos = u32::try_from(nanos).unwrap_or(0);
    TimeDelta::new(secs, nanos).unwrap_or(if secs < 0 {
        TimeDelta::MIN
    } else {
        TimeDelta::MAX
    })
}

/// `at + by`, saturating far outside any meeting's range.
pub(super) fn later(at: Key, by: TimeDelta) -> Key {
    let nanos = at.1 + by.subsec_nanos().unsigned_abs();
    let (carry, nanos) = if nanos >= 1_000_000_000 {
        (1, nanos - 1_000_000_000)
    } else {
        (0, nanos)
    };
    (
        at.0.saturating_add(by.num_seconds()).saturating_add(carry),
        nanos,
    )
}

/// Below this many distinct venues, travel times are remembered in a
/// dense matrix; above, in a hash map.
const DENSE_VENUES: usize = 64;

/// Travel times already asked for, by (from, to) venue index: each ordered
/// pair of venues is asked once per search.
enum Memo {
    Dense {
        venues: usize,
        cells: Vec<Option<TimeDelta>>,
    },
    Sparse(HashMap<(u32, u32), TimeDelta>),
}

impl Memo {
    fn new(venues: usize) -> Memo {
        if venues <= DENSE_VENUES {
            Memo::Dense {
                venues,
                cells: Vec::new(),
            }
        } else {
            Memo::Sparse(HashMap::new())
        }
    }

    fn get<T: TravelTimes + ?Sized>(
        &mut self,
        from: u32,
        to: u32,
        all: &[Venue],
        travel: &T,
    ) -> TimeDelta {
        let ask = || match (all.get(from as usize), all.get(to as usize)) {
            (Some(a), Some(b)) => travel.travel_time(a, b).max(TimeDelta::zero()),
            _ => TimeDelta::zero(),
        };
        match self {
            Memo::Dense { venues, cells } => {
                if cells.is_empty() {
                    cells.resize(*venues * *venues, None);
                }
                match cells.get_mut(from as usize * *venues + to as usize) {
                    Some(Some(t)) => *t,
                    Some(cell) => *cell.insert(ask()),
                    None => ask(),
                }
            }
            Memo::Sparse(map) => *map.entry((from, to)).or_insert_with(ask),
        }
    }
}

/// Fills `sorted` with `entries` in time order: by start, then end, then
/// meeting index (the order of [`Entry`]).
///
/// Sorting the 40-byte entries themselves is slow; this sorts small keys
/// instead, the start second and the position: 8 bytes when the starts
/// span less than 2^32 seconds (136 years), 16 otherwise. Each run of
/// equal start seconds is then put in full order.
fn time_order(
    entries: &[Entry],
    keys: &mut Vec<u64>,
    wide: &mut Vec<u128>,
    sorted: &mut Vec<Entry>,
) {
    sorted.clear();
    if entries.is_sorted() {
        sorted.extend_from_slice(entries);
        return;
    }
    let (min, max) = entries.iter().fold((i64::MAX, i64::MIN), |(lo, hi), e| {
        (lo.min(e.start_secs), hi.max(e.start_secs))
    });
    let narrow = max
        .checked_sub(min)
        .is_some_and(|span| u32::try_from(span).is_ok());
    if u32::try_from(entries.len()).is_err() {
        sorted.extend_from_slice(entries);
        sorted.sort_unstable();
        return;
    }
    // In both forms, the low 32 bits are the position.
    if narrow {
        keys.clear();
        keys.extend(entries.iter().zip(0u32..).map(|(e, p)| {
            let offset = e.start_secs.abs_diff(min);
            (offset << 32) | u64::from(p)
        }));
        keys.sort_unstable();
        sorted.extend(
            keys.iter()
                .filter_map(|k| entries.get(*k as u32 as usize))
                .copied(),
        );
    } else {
        wide.clear();
        wide.extend(entries.iter().zip(0u32..).map(|(e, p)| {
            // Flipping the sign bit turns i64 order into u64 order.
            let secs = u128::from((e.start_secs as u64) ^ (1 << 63));
            (secs << 64) | u128::from(p)
        }));
        wide.sort_unstable();
        sorted.extend(
            wide.iter()
                .filter_map(|k| entries.get(*k as u32 as usize))
                .copied(),
        );
    }
    for run in sorted.chunk_by_mut(|a, b| a.start_secs == b.start_secs) {
        if run.len() > 1 {
            run.sort_unstable();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn between_borrows_nanoseconds() {
        assert_eq!(
            between((10, 900_000_000), (12, 100_000_000)),
            TimeDelta::new(1, 200_000_000).unwrap_or_default()
        );
        assert_eq!(between((5, 0), (5, 0)), TimeDelta::zero());
    }
}
