//! The conflict search: [`Calendar::conflicts`], a lazy iterator in a fixed
//! order, and [`Calendar::conflicts_capped`], the first few and the count.

use std::collections::HashMap;
use std::iter::FusedIterator;

use chrono::TimeDelta;

use super::count::count_from;
use super::kind::{Conflict, ConflictKind};
use crate::meeting::Venue;
use crate::schedule::calendar::{Calendar, Entry, Key, NO_VENUE};
use crate::schedule::travel::TravelTimes;

impl Calendar {
    /// Every conflict in the calendar, for every minister, one at a time:
    /// overlapping meetings, and consecutive meetings in different places
    /// without the time to travel between them.
    ///
    /// Ministers are told apart by [`Minister::id`](crate::Minister::id).
    /// For each minister, among the meetings they take part in:
    ///
    /// * **Overlap**: every pair of meetings whose half-open intervals
    ///   `[start, end)` share an instant. Back to back (one ends when the
    ///   other starts) is not an overlap.
    /// * **Travel shortfall**: for each meeting `a` with a venue, its *next*
    ///   meetings are the meetings `b` with a venue that start at the
    ///   earliest instant at or after `a`'s end (several when they start at
    ///   the same instant). If `a` and `b` are at different venues (the
    ///   whole [`Venue`] differs: place, country or zone; within one venue,
    ///   travel takes no time) and `travel` says the trip takes longer than
    ///   the time from `a`'s end to `b`'s start, that is a conflict. Two
    ///   venues with the same place text in different countries ("Paris",
    ///   France and "Paris", United States) are different venues, and
    ///   `travel` is asked about them; a [`TravelTable`](crate::schedule::TravelTable),
    ///   keyed by place text alone, answers zero for them by its own rule.
    ///
    /// Telephone and video meetings have no venue: they take part in
    /// overlaps but need no travel to or from them, and they do not break
    /// the chain of in-person meetings around them (a call can be taken on
    /// the way). Hybrid meetings count as held at their venue. Meetings
    /// with no interval ([`Calendar::unplaced`]: a date alone, or no
    /// duration) take part in nothing.
    ///
    /// A pair of meetings that two ministers both attend gives one conflict
    /// for each. Conflicts come sorted by minister id, then by the first
    /// meeting (start, end, index), then by the second. `travel` is asked
    /// at most once per ordered pair of venues, never for a venue and
    /// itself; a negative answer counts as zero.
    ///
    /// # Cost
    ///
    /// The number of conflicts can grow as the square of the meetings (n
    /// meetings of one minister that all overlap give n(n − 1)/2), so they
    /// are found as they are asked for, and a caller decides how many to
    /// hold: `take(k)`, [`conflicts_capped`](Calendar::conflicts_capped),
    /// or `count()`, which counts without building them.
    ///
    /// With n (minister, meeting) pairs: O(m log m) for ministers' ids
    /// sorted once (m ministers), then each minister's meetings sorted by
    /// start when the search reaches them (nothing to do when they were
    /// added in time order), O(n log n) in all; then O(1) per overlap found.
    /// Each meeting with a venue is compared with the meetings that start
    /// together right after it, at most n plus twice the number of
    /// overlaps comparisons in all (they are few unless many meetings start
    /// at one instant, and then those overlap each other). Memory: one
    /// minister's meetings at a time, and the travel times asked.
    ///
    /// `count()` counts the conflicts not yet returned in O(n log n + p ×
    /// log n), p being the pairs of distinct venues between the meetings
    /// that end before an instant and those that start at it: overlaps
    /// are counted by binary search, and travel shortfalls by venue.
    ///
    /// ```
    /// use chrono::TimeDelta;
    /// use diplomeet::schedule::{Calendar, TravelTable};
    /// use diplomeet::{Country, Meeting, Minister, PersonName, Portfolio, Post, Venue};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let minister = |id: &str, country: &str| -> Result<Minister, diplomeet::Error> {
    /// #     let name = PersonName::builder().given(id).surname("Doe").build()?;
    /// #     Minister::builder(name, Country::from_code(country)?)
    /// #         .id(id)
    /// #         .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?)
    /// #         .build()
    /// # };
    /// # let (kamikawa, other) = (minister("jp-kamikawa-yoko", "JP")?, minister("cl-van-klaveren", "CL")?);
    /// let tokyo = Venue::new("Tokyo", Country::from_code("JP")?, chrono_tz::Asia::Tokyo)?;
    /// // A hundred hour-long meetings, a minute apart: each overlaps every other.
    /// let calendar: Calendar = (0..100)
    ///     .map(|i| {
    ///         Meeting::builder("Talks")
    ///             .venue(tokyo.clone())
    ///             .starts_at(format!("2023-11-14T09:{:02}:00", i % 60).parse()?)
    ///             .duration(TimeDelta::try_hours(2).ok_or("hours")?)
    ///             .participant(kamikawa.clone())
    ///             .participant(other.clone())
    ///             .build()
    ///             .map_err(Box::<dyn std::error::Error>::from)
    ///     })
    ///     .collect::<Result<_, _>>()?;
    /// let table = TravelTable::builder(TimeDelta::try_hours(2).ok_or("hours")?).build()?;
    /// // 4,950 for each of the two ministers, counted without building them.
    /// assert_eq!(calendar.conflicts(&table).count(), 9_900);
    /// // The first few, in order, and nothing more held.
    /// let first: Vec<String> = calendar.conflicts(&table).take(2).map(|c| c.to_string()).collect();
    /// assert_eq!(first[0], "cl-van-klaveren: meetings 0 and 60 overlap by 2 hours");
    /// assert!(Calendar::new().conflicts(&table).next().is_none());
    /// # Ok(())
    /// # }
    /// ```
    pub fn conflicts<'c, 't, T: TravelTimes + ?Sized>(
        &'c self,
        travel: &'t T,
    ) -> Conflicts<'c, 't, T> {
        let index = &self.index;
        let mut ministers: Vec<(&'c str, &'c [Entry])> = index
            .ministers
            .iter()
            .map(|id| &**id)
            .zip(index.entries.iter().map(Vec::as_slice))
            .filter(|(_, entries)| entries.len() > 1)
            .collect();
        ministers.sort_unstable_by(|a, b| a.0.cmp(b.0));
        Conflicts {
            ministers: ministers.into_iter(),
            sweep: Sweep {
                memo: Memo::new(index.venues.len()),
                venues: &index.venues,
                travel,
                keys: Vec::new(),
                wide: Vec::new(),
            },
            current: None,
        }
    }

    /// The first `limit` conflicts of [`conflicts`](Calendar::conflicts)
    /// and how many there are in all: a bounded answer whatever the
    /// calendar holds.
    ///
    /// Cost: O(n log n + limit + p × log n), as
    /// [`conflicts`](Calendar::conflicts) for the first `limit` and its
    /// `count()` for the rest; memory O(limit) for the conflicts kept.
    ///
    /// ```
    /// use chrono::TimeDelta;
    /// use diplomeet::schedule::{Calendar, TravelTable};
    /// use diplomeet::{Country, Meeting, Minister, PersonName, Portfolio, Post, Venue};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let minister = |id: &str, country: &str| -> Result<Minister, diplomeet::Error> {
    /// #     let name = PersonName::builder().given(id).surname("Doe").build()?;
    /// #     Minister::builder(name, Country::from_code(country)?)
    /// #         .id(id)
    /// #         .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?)
    /// #         .build()
    /// # };
    /// # let (kamikawa, other) = (minister("jp-kamikawa-yoko", "JP")?, minister("cl-van-klaveren", "CL")?);
    /// let tokyo = Venue::new("Tokyo", Country::from_code("JP")?, chrono_tz::Asia::Tokyo)?;
    /// let calendar: Calendar = (0..30)
    ///     .map(|i| {
    ///         Meeting::builder("Talks")
    ///             .venue(tokyo.clone())
    ///             .starts_at(format!("2023-11-14T09:{i:02}:00").parse()?)
    ///             .duration(TimeDelta::try_hours(1).ok_or("hours")?)
    ///             .participant(kamikawa.clone())
    ///             .participant(other.clone())
    ///             .build()
    ///             .map_err(Box::<dyn std::error::Error>::from)
    ///     })
    ///     .collect::<Result<_, _>>()?;
    /// let table = TravelTable::builder(TimeDelta::zero()).build()?;
    /// let found = calendar.conflicts_capped(&table, 10);
    /// assert_eq!((found.conflicts().len(), found.total()), (10, 2 * 435));
    /// assert!(!found.is_complete());
    /// assert_eq!(found.conflicts()[0].to_string(), "cl-van-klaveren: meetings 0 and 1 overlap by 59 minutes");
    /// # Ok(())
    /// # }
    /// ```
    pub fn conflicts_capped<T: TravelTimes + ?Sized>(
        &self,
        travel: &T,
        limit: usize,
    ) -> CappedConflicts<'_> {
        let mut search = self.conflicts(travel);
        let conflicts: Vec<Conflict<'_>> = search.by_ref().take(limit).collect();
        let total = (conflicts.len() as u64).saturating_add(search.remaining());
        CappedConflicts { conflicts, total }
    }
}

/// The first conflicts of a calendar, up to a limit, and how many there are
/// in all: what [`Calendar::conflicts_capped`] returns.
///
/// ```
/// use chrono::TimeDelta;
/// use diplomeet::schedule::{Calendar, TravelTable};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let table = TravelTable::builder(TimeDelta::zero()).build()?;
/// let calendar = Calendar::new();
/// let none = calendar.conflicts_capped(&table, 100);
/// assert!(none.is_complete() && none.conflicts().is_empty());
/// assert_eq!(none.total(), 0);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CappedConflicts<'c> {
    conflicts: Vec<Conflict<'c>>,
    total: u64,
}

impl<'c> CappedConflicts<'c> {
    /// The conflicts kept, in the order of [`Calendar::conflicts`].
    pub fn conflicts(&self) -> &[Conflict<'c>] {
        &self.conflicts
    }

    /// How many conflicts the calendar holds, kept or not.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// Whether every conflict was kept (the limit was not reached).
    pub fn is_complete(&self) -> bool {
        self.total == self.conflicts.len() as u64
    }

    /// The conflicts kept, owned.
    pub fn into_conflicts(self) -> Vec<Conflict<'c>> {
        self.conflicts
    }
}

impl<'a, 'c> IntoIterator for &'a CappedConflicts<'c> {
    type Item = &'a Conflict<'c>;
    type IntoIter = std::slice::Iter<'a, Conflict<'c>>;

    fn into_iter(self) -> Self::IntoIter {
        self.conflicts.iter()
    }
}

/// The conflicts of a calendar, found as they are asked for: see
/// [`Calendar::conflicts`], which makes one, for the order, the cost and an
/// example. `count()` counts those not yet returned without building them.
pub struct Conflicts<'c, 't, T: ?Sized> {
    /// The ministers not reached yet, by id.
    ministers: std::vec::IntoIter<(&'c str, &'c [Entry])>,
    sweep: Sweep<'c, 't, T>,
    /// Where the search is in the current minister's meetings.
    current: Option<Minister<'c>>,
}

impl<T: ?Sized> std::fmt::Debug for Conflicts<'_, '_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Conflicts")
            .field("ministers_left", &self.ministers.len())
            .finish_non_exhaustive()
    }
}

/// Travel times, venues and scratch for sorting, shared across ministers.
pub(super) struct Sweep<'c, 't, T: ?Sized> {
    pub(super) memo: Memo,
    pub(super) venues: &'c [Venue],
    pub(super) travel: &'t T,
    /// Scratch for [`time_order`].
    keys: Vec<u64>,
    wide: Vec<u128>,
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
    fn new<T: ?Sized>(id: &'c str, entries: &[Entry], sweep: &mut Sweep<'_, '_, T>) -> Self {
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
    fn next<T: TravelTimes + ?Sized>(
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
    fn next_here<T: TravelTimes + ?Sized>(
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

impl<'c, T: TravelTimes + ?Sized> Conflicts<'c, '_, T> {
    /// The number of conflicts not yet returned, counted without building
    /// them (see [`Calendar::conflicts`] for the cost).
    pub(super) fn remaining(mut self) -> u64 {
        let mut total: u64 = 0;
        if let Some(mut m) = self.current.take() {
            // What is left of the current meeting `a`, one by one (at most
            // its overlaps and its next meetings), then the meetings after
            // it, counted.
            while m.next_here(&mut self.sweep).is_some() {
                total = total.saturating_add(1);
            }
            total = total.saturating_add(count_from(&m, m.i + 1, &mut self.sweep));
        }
        for (id, entries) in self.ministers.by_ref() {
            let m = Minister::new(id, entries, &mut self.sweep);
            total = total.saturating_add(count_from(&m, 0, &mut self.sweep));
        }
        total
    }
}

impl<'c, T: TravelTimes + ?Sized> Iterator for Conflicts<'c, '_, T> {
    type Item = Conflict<'c>;

    fn next(&mut self) -> Option<Conflict<'c>> {
        loop {
            if let Some(m) = self.current.as_mut() {
                if let Some(c) = m.next(&mut self.sweep) {
                    return Some(c);
                }
            }
            let (id, entries) = self.ministers.next()?;
            self.current = Some(Minister::new(id, entries, &mut self.sweep));
        }
    }

    /// Counts the conflicts not yet returned without building them;
    /// saturates at `usize::MAX`.
    fn count(self) -> usize {
        usize::try_from(self.remaining()).unwrap_or(usize::MAX)
    }
}

impl<T: TravelTimes + ?Sized> FusedIterator for Conflicts<'_, '_, T> {}

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
pub(super) enum Memo {
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
