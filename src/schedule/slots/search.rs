//! [`SlotSearch`]: the checked question, and the search itself.

use std::collections::BinaryHeap;

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;

use super::super::hours::{Span, merge};
use super::super::itinerary::{Itinerary, LocalClock};
use super::participant_hours::ParticipantHours;
use super::reason::NoFitReason;
use super::result::{ParticipantSlot, Slot, SlotResult};
use crate::time::ZonedDateTime;

/// A participant, ready for the search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Prepared {
    pub(super) id: String,
    pub(super) home: Tz,
    pub(super) itinerary: Itinerary,
    /// Sorted, disjoint, merged, clipped to the window.
    pub(super) working: Vec<Span>,
    /// Sorted, disjoint, merged; only blocks that meet the window.
    pub(super) busy: Vec<Span>,
}

/// A free-slot search: when can these participants meet for this long
/// within this window, without touching anyone's busy time, inside
/// everyone's working hours if possible?
///
/// # The question
///
/// * **Candidates** are the slots `[s, s + duration)` with
///   `s = from + k × step` (`k = 0, 1, ...`) that end by `to`.
/// * A candidate is **free** when it overlaps no participant's busy time
///   (meetings of the given calendars they take part in, and extra blocks);
///   intervals are half-open, so a slot may start when a meeting ends.
/// * Each participant's **working intervals** come from their
///   [`WorkingHours`](crate::schedule::WorkingHours), computed day by day in
///   the zone they are in at each instant (their
///   [`Itinerary`](crate::schedule::Itinerary), else their home zone). A
///   candidate's **time outside hours** is, summed over participants, the
///   part of the slot outside each one's working intervals; a slot is
///   **inside everyone's hours** when that sum is zero.
///
/// # The answer
///
/// [`search`](SlotSearch::search) ranks every free candidate, the ones
/// inside everyone's hours first, then by least total time outside hours,
/// then earliest, and keeps the first [`limit`](super::SlotSearchBuilder::limit)
/// as [`SlotResult::slots`]. So there are slots whenever some free time
/// exists, even when none of it suits everyone. When **no** slot is inside
/// everyone's hours, [`SlotResult::reason`] says why ([`NoFitReason`]),
/// the most fundamental reason first: the window is shorter than the
/// duration; the working hours never overlap for the duration (with each
/// participant's working intervals in UTC); they do, but no candidate start
/// on the step grid fits in their common time; every candidate is busy; or
/// the candidates in their common time are all busy. Each participant's
/// clock at a slot comes from [`participants`](SlotSearch::participants).
///
/// # Cost
///
/// With P participants, W working intervals and B busy blocks in all
/// (after merging), C = window / step candidate starts and L the limit:
/// [`search`](SlotSearch::search) costs O((W + B) log(W + B) + C log L +
/// P × W) time and O(W + B + min(L, C)) memory. Busy time is merged
/// across participants into free intervals and only the step-aligned
/// starts inside them are visited; the working intervals of everyone are
/// merged into one profile of how many are working when, so a candidate's
/// time outside hours costs O(1), whatever P. The result holds at most L
/// slots of a few words each; a participant's view of one costs O(P log W)
/// when asked for.
///
/// ```
/// use chrono::{TimeDelta, TimeZone, Utc};
/// use diplomeet::schedule::{NoFitReason, SlotSearch};
/// use diplomeet::{Country, Minister, PersonName, Portfolio, Post};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let minister = |given: &str, surname: &str, code: &str| -> Result<Minister, diplomeet::Error> {
///     let name = PersonName::builder().given(given).surname(surname).build()?;
///     let post = Post::new(Portfolio::ForeignAffairs, "Foreign Minister")?;
///     Minister::builder(name, Country::from_code(code)?).post(post).build()
/// };
/// let kamikawa = minister("Yoko", "Kamikawa", "JP")?;
/// let from = Utc.with_ymd_and_hms(2023, 11, 20, 0, 0, 0).single().ok_or("instant")?;
/// let to = Utc.with_ymd_and_hms(2023, 11, 27, 0, 0, 0).single().ok_or("instant")?;
/// let half_hour = TimeDelta::try_minutes(30).ok_or("minutes")?;
///
/// let search = SlotSearch::builder()
///     .participant(kamikawa.clone())
///     .participant(minister("Alberto", "van Klaveren", "CL")?)
///     .window(from, to)
///     .duration(half_hour)
///     .build()?;
/// let result = search.search();
/// // Tokyo's 09:00-18:00 and Santiago's never meet: 12 hours apart.
/// assert!(matches!(result.reason(), Some(NoFitReason::NoCommonWorkingHours { .. })));
/// // The least bad slots are still offered.
/// let best = result.best().ok_or("no slot")?;
/// assert!(!best.is_within_hours());
///
/// // Tokyo and Seoul share a clock: Monday 09:00 there, 00:00 UTC, suits both.
/// let result = SlotSearch::builder()
///     .participant(kamikawa)
///     .participant(minister("Jin", "Park", "KR")?)
///     .window(from, to)
///     .duration(half_hour)
///     .build()?
///     .search();
/// assert_eq!(result.reason(), None);
/// assert_eq!(result.best().ok_or("no slot")?.start(), from);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotSearch {
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    duration: TimeDelta,
    step: TimeDelta,
    limit: usize,
    participants: Vec<Prepared>,
}

impl SlotSearch {
    /// The longest window, in days.
    pub const MAX_WINDOW_DAYS: i64 = 366;

    pub(super) fn new(
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        duration: TimeDelta,
        step: TimeDelta,
        limit: usize,
        participants: Vec<Prepared>,
    ) -> SlotSearch {
        SlotSearch {
            from,
            to,
            duration,
            step,
            limit,
            participants,
        }
    }

    /// Each participant's working intervals within the window, in UTC, in
    /// the order participants were added, following their itineraries. Cost:
    /// O(P + W), copying them.
    ///
    /// ```
    /// use chrono::{TimeDelta, TimeZone, Utc};
    /// use diplomeet::schedule::{Attendee, Itinerary, SlotSearch};
    /// use diplomeet::{Country, Minister, PersonName, Portfolio, Post};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let name = PersonName::builder().given("Yoko").surname("Kamikawa").build()?;
    /// let post = Post::new(Portfolio::ForeignAffairs, "Foreign Minister")?;
    /// let kamikawa = Minister::builder(name, Country::from_code("JP")?).post(post).build()?;
    /// let at = |d, h, m| Utc.with_ymd_and_hms(2023, 11, d, h, m, 0).single().ok_or("instant");
    /// // In San Francisco on Tuesday 14 November.
    /// let day = chrono::NaiveDate::from_ymd_opt(2023, 11, 14).ok_or("date")?;
    /// let trip = Itinerary::builder()
    ///     .stay("San Francisco", chrono_tz::America::Los_Angeles, day, day)
    ///     .build()?;
    /// let search = SlotSearch::builder()
    ///     .attendee(Attendee::new(kamikawa).itinerary(trip))
    ///     .window(at(14, 0, 0)?, at(15, 0, 0)?)
    ///     .duration(TimeDelta::try_minutes(30).ok_or("minutes")?)
    ///     .build()?;
    /// let hours = search.working_hours_utc();
    /// let [kamikawa] = hours.as_slice() else { return Err("one".into()) };
    /// assert_eq!(kamikawa.minister_id(), "jp-yoko-kamikawa");
    /// // Tokyo's Tuesday until the stay starts (00:00 PST, 08:00 UTC), then
    /// // Tuesday 09:00-18:00 in San Francisco.
    /// let tokyo = (at(14, 0, 0)?, at(14, 8, 0)?);
    /// let san_francisco = (at(14, 17, 0)?, at(15, 0, 0)?);
    /// assert_eq!(kamikawa.intervals(), [tokyo, san_francisco]);
    /// assert_eq!(
    ///     kamikawa.to_string(),
    ///     "jp-yoko-kamikawa: Tue 2023-11-14 00:00–08:00 UTC, Tue 2023-11-14 17:00–Wed 2023-11-15 00:00 UTC"
    /// );
    /// # Ok(())
    /// # }
    /// ```
    pub fn working_hours_utc(&self) -> Vec<ParticipantHours> {
        self.participants
            .iter()
            .map(|p| ParticipantHours {
                minister_id: p.id.clone(),
                intervals: p.working.clone(),
            })
            .collect()
    }

    /// Nanoseconds from the window's start, clamped to the window.
    fn offset(&self, t: DateTime<Utc>) -> i64 {
        t.clamp(self.from, self.to)
            .signed_duration_since(self.from)
            .num_nanoseconds()
            .unwrap_or(0)
    }

    /// The instant `ns` nanoseconds after the window's start (always within
    /// the window, so the addition cannot fail).
    fn instant(&self, ns: i64) -> DateTime<Utc> {
        self.from
            .checked_add_signed(TimeDelta::nanoseconds(ns))
            .unwrap_or(self.from)
    }

    /// Runs the search; see the type's docs for what is ranked, when a
    /// reason is given, and the cost.
    pub fn search(&self) -> SlotResult {
        let window = self.offset(self.to);
        let d = self.duration.num_nanoseconds().unwrap_or(i64::MAX);
        let step = self.step.num_nanoseconds().unwrap_or(i64::MAX).max(1);
        if window < d {
            return SlotResult {
                slots: Vec::new(),
                reason: Some(NoFitReason::WindowTooShort {
                    window: self.to.signed_duration_since(self.from),
                    duration: self.duration,
                }),
            };
        }
        // Working intervals, in nanoseconds from the window's start.
        let working: Vec<Vec<(i64, i64)>> = self
            .participants
            .iter()
            .map(|p| {
                p.working
                    .iter()
                    .map(|(s, e)| (self.offset(*s), self.offset(*e)))
                    .collect()
            })
            .collect();
        let profile = Profile::new(&working);
        let (mut at_start, mut at_end) = (profile.cursor(), profile.cursor());

        // Busy time of anyone, merged: the free intervals lie between.
        let all_busy = merge(
            self.participants
                .iter()
                .flat_map(|p| p.busy.iter().copied())
                .collect(),
        );
        let mut free: Vec<(i64, i64)> = Vec::with_capacity(all_busy.len() + 1);
        let mut at = 0;
        for (s, e) in &all_busy {
            let (s, e) = (self.offset(*s), self.offset(*e));
            if at < s {
                free.push((at, s));
            }
            at = at.max(e);
        }
        if at < window {
            free.push((at, window));
        }

        // Visit every free candidate; keep the best `limit` by (time
        // outside hours, start) in a max-heap. All the arithmetic is on
        // nanoseconds within the window (at most 366 days, about 2^55) and
        // durations of at most a day; sums over participants in i128.
        let n = i128::try_from(self.participants.len()).unwrap_or(i128::MAX);
        let whole = n.saturating_mul(i128::from(d));
        let mut heap: BinaryHeap<(i128, i64)> = BinaryHeap::new();
        for (a, b) in free {
            let Some(latest) = b.checked_sub(d) else {
                continue;
            };
            let mut next = first_start(a, step);
            while let Some(s) = next.filter(|s| *s <= latest) {
                let e = s.saturating_add(d);
                let inside = at_end.worked_before(e) - at_start.worked_before(s);
                let outside = whole - inside;
                if heap.len() < self.limit {
                    heap.push((outside, s));
                } else if heap.peek().is_some_and(|top| (outside, s) < *top) {
                    heap.pop();
                    heap.push((outside, s));
                }
                next = s.checked_add(step);
            }
        }

        let ranked = heap.into_sorted_vec();
        let slots: Vec<Slot> = ranked
            .iter()
            .map(|&(outside, s)| Slot {
                start: self.instant(s),
                end: self.instant(s.saturating_add(d)),
                outside_hours: TimeDelta::nanoseconds(i64::try_from(outside).unwrap_or(i64::MAX)),
            })
            .collect();
        let reason = if ranked.first().is_some_and(|(outside, _)| *outside == 0) {
            None
        } else {
            let common = common_time(&working, window);
            if !common.iter().any(|(a, b)| b.saturating_sub(*a) >= d) {
                Some(NoFitReason::NoCommonWorkingHours {
                    hours: self.working_hours_utc(),
                })
            } else if !common.iter().any(|(a, b)| {
                first_start(*a, step)
                    .and_then(|s| s.checked_add(d))
                    .is_some_and(|e| e <= *b)
            }) {
                Some(NoFitReason::CommonHoursOffGrid { step: self.step })
            } else if ranked.is_empty() {
                Some(NoFitReason::AllBusy)
            } else {
                Some(NoFitReason::CommonHoursBusy)
            }
        };
        SlotResult { slots, reason }
    }

    /// Each participant's view of `slot`, in the order they were added: the
    /// slot on their clock (in the zone where they are at its start) and
    /// the part of it outside their working hours. See [`SlotResult`] for
    /// an example.
    ///
    /// Cost: O(P × log W), plus the zone lookups.
    pub fn participants(&self, slot: &Slot) -> Vec<ParticipantSlot> {
        let (start, end) = (slot.start, slot.end);
        let mut reference = None;
        let mut out = Vec::with_capacity(self.participants.len());
        for p in &self.participants {
            // The working intervals that meet the slot follow the first
            // one that ends after its start.
            let first = p.working.partition_point(|(_, e)| *e <= start);
            let inside = p
                .working
                .get(first..)
                .unwrap_or_default()
                .iter()
                .take_while(|(s, _)| *s < end)
                .map(|(s, e)| (*e).min(end).signed_duration_since((*s).max(start)))
                .fold(TimeDelta::zero(), |acc, x| {
                    acc.checked_add(&x).unwrap_or(acc)
                });
            let outside = end
                .signed_duration_since(start)
                .checked_sub(&inside)
                .unwrap_or(TimeDelta::zero());
            let zone = p.itinerary.zone_at(start, p.home);
            let local = ZonedDateTime::from_instant(start, zone);
            let first_date = *reference.get_or_insert(local.date());
            let mut clock = LocalClock::new(
                local,
                Some(ZonedDateTime::from_instant(end, zone)),
                local.date().signed_duration_since(first_date).num_days(),
            );
            if let Some(stay) = p.itinerary.stay_at(start) {
                clock = clock.with_place(stay.place());
            }
            out.push(ParticipantSlot {
                minister_id: p.id.clone(),
                clock,
                outside_hours: outside,
            });
        }
        out
    }
}

/// How many participants work when: the working intervals of everyone,
/// as +1 at each start and −1 at each end, sorted.
struct Profile {
    events: Vec<(i64, i32)>,
}

impl Profile {
    fn new(working: &[Vec<(i64, i64)>]) -> Profile {
        let mut events: Vec<(i64, i32)> = working
            .iter()
            .flat_map(|spans| spans.iter().flat_map(|&(s, e)| [(s, 1), (e, -1)]))
            .collect();
        events.sort_unstable();
        Profile { events }
    }

    fn cursor(&self) -> ProfileCursor<'_> {
        ProfileCursor {
            events: &self.events,
            i: 0,
            at: 0,
            level: 0,
            area: 0,
        }
    }
}

/// A forward cursor over a [`Profile`]: the working time summed over
/// participants before `t`, for non-decreasing `t`, in O(1) amortised.
struct ProfileCursor<'a> {
    events: &'a [(i64, i32)],
    /// The next event.
    i: usize,
    /// The position reached, `level` participants working there, and the
    /// working time summed over participants before it.
    at: i64,
    level: i128,
    area: i128,
}

impl ProfileCursor<'_> {
    fn worked_before(&mut self, t: i64) -> i128 {
        while let Some(&(x, delta)) = self.events.get(self.i) {
            if x > t {
                break;
            }
            self.area += self.level * i128::from(x - self.at);
            self.at = x;
            self.level += i128::from(delta);
            self.i += 1;
        }
        self.area + self.level * i128::from(t - self.at)
    }
}

/// The first candidate start at or after `a`: the least multiple of `step`
/// (positive) not below `a` (not negative); `None` past `i64::MAX`.
fn first_start(a: i64, step: i64) -> Option<i64> {
    let k = a.div_euclid(step);
    let s = k.checked_mul(step)?;
    if s < a { s.checked_add(step) } else { Some(s) }
}

/// The time inside everyone's working intervals, within `[0, window)`.
fn common_time(working: &[Vec<(i64, i64)>], window: i64) -> Vec<(i64, i64)> {
    let mut common: Vec<(i64, i64)> = vec![(0, window)];
    for spans in working {
        let mut next = Vec::new();
        let (mut i, mut j) = (0, 0);
        while let (Some(x), Some(y)) = (common.get(i), spans.get(j)) {
            let (s, e) = (x.0.max(y.0), x.1.min(y.1));
            if s < e {
                next.push((s, e));
            }
            if x.1 < y.1 {
                i += 1;
            } else {
                j += 1;
            }
        }
        common = next;
    }
    common
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_profile_sums_everyone_s_working_time() {
        // Two participants: [0, 10) and [5, 20); at 12, 10 + 7.
        let profile = Profile::new(&[vec![(0, 10)], vec![(5, 20)]]);
        let mut c = profile.cursor();
        assert_eq!(c.worked_before(0), 0);
        assert_eq!(c.worked_before(5), 5);
        assert_eq!(c.worked_before(12), 17);
        assert_eq!(c.worked_before(30), 25);
    }

    #[test]
    fn candidate_starts_are_multiples_of_the_step() {
        assert_eq!(first_start(0, 15), Some(0));
        assert_eq!(first_start(1, 15), Some(15));
        assert_eq!(first_start(15, 15), Some(15));
        assert_eq!(first_start(i64::MAX, 2), None);
    }
}
