//! The slot grid: every day's slots as civil times at the venue, which of them
//! each delegation can use, and each request's candidate starts.
//!
//! A day holds at most [`MAX_SLOTS_PER_DAY`] slots, so one day of anything
//! (a delegation's free slots, a request's possible starts, the slots whose
//! rooms are full) is one `u128`, bit `i` for the day's slot `i`; the grid is
//! a few such words per delegation and per request and day.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike};
use chrono_tz::Tz;

use crate::error::{Detail, Error};
use crate::{ErrorKind, ZonedDateTime};

/// The most slots one day may hold (slot plus changeover, from the opening
/// to the closing time): the planner keeps a day in a 128-bit mask.
pub const MAX_SLOTS_PER_DAY: usize = 128;

/// The daily timetable, checked: slots of `slot` every `slot + changeover`
/// from `opens`, the last one ending by `closes`, `per_day` of them (1 to
/// [`MAX_SLOTS_PER_DAY`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Timetable {
    opens: NaiveTime,
    closes: NaiveTime,
    slot: TimeDelta,
    changeover: TimeDelta,
    per_day: usize,
}

/// Why hours, slot and changeover make no timetable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TimetableProblem {
    /// The hours are empty: they close before they open.
    EmptyHours,
    /// The slot is not a positive whole number of seconds.
    BadSlot,
    /// The changeover is negative or not a whole number of seconds.
    BadChangeover,
    /// The slot is longer than the day.
    SlotDoesNotFit,
    /// More than [`MAX_SLOTS_PER_DAY`] slots (the count).
    TooManySlots(usize),
}

impl Timetable {
    /// The timetable of daily hours `[opens, closes)`, `slot` and
    /// `changeover`; every problem found, in that order.
    pub(crate) fn new(
        opens: NaiveTime,
        closes: NaiveTime,
        slot: TimeDelta,
        changeover: TimeDelta,
    ) -> Result<Timetable, Vec<TimetableProblem>> {
        let mut problems = Vec::new();
        if opens >= closes {
            problems.push(TimetableProblem::EmptyHours);
        }
        if slot <= TimeDelta::zero() || slot.subsec_nanos() != 0 {
            problems.push(TimetableProblem::BadSlot);
        }
        if changeover < TimeDelta::zero() || changeover.subsec_nanos() != 0 {
            problems.push(TimetableProblem::BadChangeover);
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let open = i64::from(opens.num_seconds_from_midnight());
        let close = i64::from(closes.num_seconds_from_midnight());
        let (s, pitch) = (
            slot.num_seconds(),
            slot.num_seconds().saturating_add(changeover.num_seconds()),
        );
        let span = close - open;
        if span < s {
            return Err(vec![TimetableProblem::SlotDoesNotFit]);
        }
        let per_day = usize::try_from((span - s) / pitch + 1).unwrap_or(usize::MAX);
        if per_day > MAX_SLOTS_PER_DAY {
            return Err(vec![TimetableProblem::TooManySlots(per_day)]);
        }
        Ok(Timetable {
            opens,
            closes,
            slot,
            changeover,
            per_day,
        })
    }

    pub(crate) fn hours(&self) -> (NaiveTime, NaiveTime) {
        (self.opens, self.closes)
    }

    pub(crate) fn slot(&self) -> TimeDelta {
        self.slot
    }

    pub(crate) fn changeover(&self) -> TimeDelta {
        self.changeover
    }

    pub(crate) fn per_day(&self) -> usize {
        self.per_day
    }

    /// The slot, in seconds (positive).
    fn slot_seconds(&self) -> i64 {
        self.slot.num_seconds()
    }

    /// From one slot's start to the next's, in seconds (positive).
    fn pitch_seconds(&self) -> i64 {
        self.slot
            .num_seconds()
            .saturating_add(self.changeover.num_seconds())
    }
}

/// A civil-time interval `[from, to)` at the venue, not empty.
pub(crate) type Interval = (NaiveDateTime, NaiveDateTime);

/// A request as the grid sees it: its two delegations (indices), length in
/// slots (1 to the slots of a day), priority and window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Need {
    pub(crate) a: usize,
    pub(crate) b: usize,
    pub(crate) len: usize,
    pub(crate) priority: u64,
    pub(crate) window: Option<Interval>,
}

/// What the grid is computed from: checked by the summit's builder (days
/// distinct, intervals not empty, lengths within a day, delegation indices
/// in range, the two of a request different).
#[derive(Debug, Clone)]
pub(crate) struct Spec<'s> {
    pub(crate) days: &'s [NaiveDate],
    pub(crate) timetable: Timetable,
    pub(crate) zone: Tz,
    /// Times blocked for everyone.
    pub(crate) blocks: Vec<Interval>,
    /// For each delegation, the times it cannot meet (busy blocks, before
    /// its arrival, after its departure).
    pub(crate) away: Vec<Vec<Interval>>,
    pub(crate) needs: Vec<Need>,
}

/// A civil time as seconds on a clock that never changes offset (the civil
/// time read as if it were UTC): civil times compare and subtract exactly.
fn secs(civil: NaiveDateTime) -> i64 {
    civil.and_utc().timestamp()
}

/// Intervals in seconds, sorted and merged, for "does `[s, e)` meet any"
/// in O(log n).
struct Busy(Vec<(i64, i64)>);

impl Busy {
    fn new(intervals: impl IntoIterator<Item = (i64, i64)>) -> Busy {
        let mut v: Vec<(i64, i64)> = intervals.into_iter().filter(|(f, t)| f < t).collect();
        v.sort_unstable();
        let mut out: Vec<(i64, i64)> = Vec::with_capacity(v.len());
        for (f, t) in v {
            match out.last_mut() {
                Some(last) if f <= last.1 => last.1 = last.1.max(t),
                _ => out.push((f, t)),
            }
        }
        Busy(out)
    }

    /// Whether `[s, e)` (not empty) shares an instant with an interval.
    fn meets(&self, s: i64, e: i64) -> bool {
        // The first interval ending after `s` is the only one that can.
        let i = self.0.partition_point(|&(_, t)| t <= s);
        self.0.get(i).is_some_and(|&(f, _)| f < e)
    }
}

/// Bits `0..n` set (`n` at most 128).
pub(crate) fn low_bits(n: usize) -> u128 {
    if n >= 128 {
        u128::MAX
    } else {
        (1u128 << n) - 1
    }
}

/// Bit `i` set when bits `i..i + k` of `x` are all set (`k` at least 1).
fn all_of_next(x: u128, k: usize) -> u128 {
    let mut acc = x;
    let mut have = 1;
    while have < k {
        let step = have.min(k - have);
        acc &= acc.checked_shr(step as u32).unwrap_or(0);
        have += step;
    }
    acc
}

/// Bit `i` set when one of bits `i..i + k` of `x` is set (`k` at least 1).
pub(crate) fn any_of_next(x: u128, k: usize) -> u128 {
    let mut acc = x;
    let mut have = 1;
    while have < k {
        let step = have.min(k - have);
        acc |= acc.checked_shr(step as u32).unwrap_or(0);
        have += step;
    }
    acc
}

/// The set bits of `x`, lowest first.
pub(crate) fn bits(mut x: u128) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        if x == 0 {
            return None;
        }
        let i = x.trailing_zeros() as usize;
        x &= x - 1;
        Some(i)
    })
}

/// The discretised problem the planner and the bound work on.
///
/// Slot `t` is slot `t % per_day` of the day `t / per_day` (in the order
/// the days were given). Memory: O(days × slots a day) for the slots,
/// O(delegations × days) and O(requests × days) words for the masks.
#[derive(Debug, Clone)]
pub(crate) struct Grid {
    pub(crate) per_day: usize,
    pub(crate) ndays: usize,
    pub(crate) slot_s: i64,
    pub(crate) civil: Vec<NaiveDateTime>,
    /// The resolved start, `None` when the zone skips or repeats the slot's
    /// start or end (the slot is then unusable).
    pub(crate) zoned: Vec<Option<ZonedDateTime>>,
    /// Per day: slots not blocked for the event and resolvable.
    pub(crate) usable: Vec<u128>,
    /// `avail[d * ndays + day]`: the slots delegation `d` can meet in.
    pub(crate) avail: Vec<u128>,
    /// For each request: its delegations, length in slots and priority.
    pub(crate) needs: Vec<Need>,
    /// `cands[r * ndays + day]`: the slots where request `r` can start
    /// (both delegations available for the whole meeting and the
    /// changeovers between its slots, within the window and the day).
    pub(crate) cands: Vec<u128>,
    /// Number of candidate starts of each request.
    pub(crate) ncands: Vec<usize>,
}

impl Grid {
    /// Cost: O(days × slots a day) zone lookups, O((delegations × days ×
    /// slots a day) log busy) for availability, O(requests × days ×
    /// log(length)) for the candidates, after sorting each delegation's
    /// busy blocks.
    pub(crate) fn new(spec: &Spec<'_>) -> Result<Grid, Error> {
        let tt = spec.timetable;
        let per_day = tt.per_day;
        let ndays = spec.days.len();
        let total = ndays.saturating_mul(per_day);
        let mut civil = Vec::with_capacity(total);
        let mut zoned = Vec::with_capacity(total);
        let range = |what: &str, value: String, di: usize| {
            Error::new(Detail::OutOfRange {
                what: what.to_owned(),
                value,
            })
            .within(&format!("days[{di}]"))
        };
        let (slot, pitch) = (tt.slot_seconds(), tt.pitch_seconds());
        let pitch_delta = tt
            .slot
            .checked_add(&tt.changeover)
            .unwrap_or(TimeDelta::MAX);
        for (di, day) in spec.days.iter().enumerate() {
            let mut at = day.and_time(tt.opens);
            for i in 0..per_day {
                if i > 0 {
                    at = at
                        .checked_add_signed(pitch_delta)
                        .ok_or_else(|| range("slot start", at.to_string(), di))?;
                }
                let end = at
                    .checked_add_signed(tt.slot)
                    .ok_or_else(|| range("slot end", at.to_string(), di))?;
                let resolve = |c: NaiveDateTime| -> Result<Option<ZonedDateTime>, Error> {
                    match ZonedDateTime::resolve(c, spec.zone, crate::Disambiguation::Reject) {
                        Ok(z) => Ok(Some(z)),
                        Err(e) if matches!(e.kind(), ErrorKind::Gap | ErrorKind::Fold) => Ok(None),
                        Err(e) => Err(e.within(&format!("days[{di}]"))),
                    }
                };
                let z = resolve(at)?;
                let z_end = resolve(end)?;
                civil.push(at);
                zoned.push(if z_end.is_some() { z } else { None });
            }
        }
        let start = |t: usize| civil.get(t).map_or(0, |c| secs(*c));
        let event = Busy::new(spec.blocks.iter().map(|(f, t)| (secs(*f), secs(*t))));
        // Per day and slot: usable, and the changeover after it free of
        // the event's blocks.
        let mut usable = vec![0u128; ndays];
        let mut event_gap = vec![0u128; ndays];
        for t in 0..total {
            let (day, bit) = (t / per_day, 1u128 << (t % per_day));
            let s = start(t);
            let e = s.saturating_add(slot);
            if zoned.get(t).is_some_and(Option::is_some) && !event.meets(s, e) {
                if let Some(u) = usable.get_mut(day) {
                    *u |= bit;
                }
            }
            if pitch == slot || !event.meets(e, s.saturating_add(pitch)) {
                if let Some(u) = event_gap.get_mut(day) {
                    *u |= bit;
                }
            }
        }
        let nd = spec.away.len();
        let mut avail = vec![0u128; nd.saturating_mul(ndays)];
        let mut gap_ok = vec![0u128; nd.saturating_mul(ndays)];
        for (d, away) in spec.away.iter().enumerate() {
            let away = Busy::new(away.iter().map(|(f, t)| (secs(*f), secs(*t))));
            for t in 0..total {
                let (day, bit) = (t / per_day, 1u128 << (t % per_day));
                let i = d * ndays + day;
                let s = start(t);
                let e = s.saturating_add(slot);
                let free = usable.get(day).is_some_and(|u| u & bit != 0) && !away.meets(s, e);
                if free {
                    if let Some(m) = avail.get_mut(i) {
                        *m |= bit;
                    }
                }
                let gap = event_gap.get(day).is_some_and(|u| u & bit != 0)
                    && (pitch == slot || !away.meets(e, s.saturating_add(pitch)));
                if gap {
                    if let Some(m) = gap_ok.get_mut(i) {
                        *m |= bit;
                    }
                }
            }
        }
        let mut cands = vec![0u128; spec.needs.len().saturating_mul(ndays)];
        let mut ncands = Vec::with_capacity(spec.needs.len());
        for (r, need) in spec.needs.iter().enumerate() {
            let k = need.len.max(1);
            let dur = i64::try_from(k).unwrap_or(i64::MAX).saturating_mul(slot);
            let mut count = 0;
            for day in 0..ndays {
                let word = |v: &[u128], d: usize| v.get(d * ndays + day).copied().unwrap_or(0);
                let free = word(&avail, need.a) & word(&avail, need.b);
                let gaps = word(&gap_ok, need.a) & word(&gap_ok, need.b);
                // Slots 0..=per_day-k can start a k-slot meeting.
                let mut starts = all_of_next(free, k) & low_bits((per_day + 1).saturating_sub(k));
                if k > 1 {
                    starts &= all_of_next(gaps, k - 1);
                }
                if let Some((f, e)) = need.window {
                    let base = start(day * per_day);
                    starts &= window_mask(base, pitch, per_day, secs(f), secs(e), dur);
                }
                count += starts.count_ones() as usize;
                if let Some(c) = cands.get_mut(r * ndays + day) {
                    *c = starts;
                }
            }
            ncands.push(count);
        }
        Ok(Grid {
            per_day,
            ndays,
            slot_s: slot,
            civil,
            zoned,
            usable,
            avail,
            needs: spec.needs.clone(),
            cands,
            ncands,
        })
    }

    pub(crate) fn total(&self) -> usize {
        self.civil.len()
    }

    /// Request `r`'s candidate starts on `day`.
    pub(crate) fn cands_on(&self, r: usize, day: usize) -> u128 {
        self.cands.get(r * self.ndays + day).copied().unwrap_or(0)
    }

    /// Request `r`'s candidate starts, as slot indices, in increasing order.
    pub(crate) fn cands(&self, r: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.ndays)
            .flat_map(move |day| bits(self.cands_on(r, day)).map(move |i| day * self.per_day + i))
    }

    pub(crate) fn slot_starts(&self) -> Vec<(NaiveDateTime, bool)> {
        self.civil
            .iter()
            .enumerate()
            .map(|(t, c)| {
                let usable = self
                    .usable
                    .get(t / self.per_day.max(1))
                    .is_some_and(|u| u >> (t % self.per_day.max(1)) & 1 == 1);
                (*c, usable)
            })
            .collect()
    }
}

/// The slots `i` of a day whose starts `base + i × pitch` lie at or after
/// `from` and whose meetings of `dur` seconds end by `to`.
fn window_mask(base: i64, pitch: i64, per_day: usize, from: i64, to: i64, dur: i64) -> u128 {
    let n = i64::try_from(per_day).unwrap_or(0);
    // First i with base + i·pitch >= from; last with base + i·pitch + dur <= to.
    let lo = (from.saturating_sub(base))
        .saturating_add(pitch - 1)
        .div_euclid(pitch);
    let hi = (to.saturating_sub(dur).saturating_sub(base)).div_euclid(pitch);
    let (lo, hi) = (lo.max(0), hi.min(n - 1));
    if lo > hi {
        return 0;
    }
    let (lo, hi) = (
        usize::try_from(lo).unwrap_or(0),
        usize::try_from(hi).unwrap_or(0),
    );
    low_bits(hi + 1) & !low_bits(lo)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_of_runs() {
        assert_eq!(all_of_next(0b1110_1111, 3), 0b0010_0011);
        assert_eq!(all_of_next(u128::MAX, 128), 1);
        assert_eq!(all_of_next(0b1011, 1), 0b1011);
        assert_eq!(any_of_next(0b1000_0100, 2), 0b1100_0110);
        assert_eq!(any_of_next(1 << 127, 128), u128::MAX);
        assert_eq!(bits(0b1010_0001).collect::<Vec<_>>(), [0, 5, 7]);
        assert_eq!(low_bits(0), 0);
        assert_eq!(low_bits(128), u128::MAX);
    }

    #[test]
    fn windows_pick_whole_slots() {
        // Slots every 40 s from 0, 30 s long; window [40, 150).
        assert_eq!(window_mask(0, 40, 8, 40, 150, 30), 0b1110);
        assert_eq!(window_mask(0, 40, 8, 41, 150, 30), 0b1100);
        assert_eq!(window_mask(0, 40, 8, -500, 10_000, 30), 0xFF);
        assert_eq!(window_mask(0, 40, 8, 300, 310, 30), 0);
    }
}
