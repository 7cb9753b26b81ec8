//! The conflict search: [`Calendar::conflicts`], a lazy iterator in a fixed
//! order, and [`Calendar::conflicts_capped`], the first few and the count.

use std::iter::FusedIterator;

use super::count::count_from;
use super::kind::Conflict;
use super::sweep::{Minister, Sweep};
use crate::schedule::calendar::{Calendar, Entry};
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
    ///   whole [`Venue`](crate::Venue) differs: place, country or zone; within one venue,
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
    /// use diplomeet::{Country, Meeting, Minister, Portfolio, Post, Venue};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let minister = |id: &str, country: &str| -> Result<Minister, diplomeet::Error> {
    ///     let post = Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?;
    ///     Minister::by_post(Country::from_code(country)?, post).id(id).build()
    /// };
    /// let (kamikawa, other) = (minister("jp-kamikawa-yoko", "JP")?, minister("cl-van-klaveren", "CL")?);
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
            sweep: Sweep::new(&index.venues, travel),
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
    /// use diplomeet::{Country, Meeting, Minister, Portfolio, Post, Venue};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let minister = |id: &str, country: &str| -> Result<Minister, diplomeet::Error> {
    ///     let post = Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?;
    ///     Minister::by_post(Country::from_code(country)?, post).id(id).build()
    /// };
    /// let (kamikawa, other) = (minister("jp-kamikawa-yoko", "JP")?, minister("cl-van-klaveren", "CL")?);
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
