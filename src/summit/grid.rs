//! The slot grid: every day's slots as civil times at the venue, which of them
//! each delegation can use, and each request's candidate starts.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use chrono_tz::Tz;

use crate::error::{Detail, Error};
use crate::{ErrorKind, ZonedDateTime};

use super::input::{Block, Delegation, Request};

/// A civil time as seconds on a clock that never changes offset (the civil
/// time read as if it were UTC): civil times compare and subtract exactly.
fn secs(civil: NaiveDateTime) -> i64 {
    civil.and_utc().timestamp()
}

/// Whether `[a0, a1)` and `[b0, b1)` share an instant; empty intervals share none.
fn overlaps(a0: i64, a1: i64, b0: i64, b1: i64) -> bool {
    a0 < a1 && b0 < b1 && a0 < b1 && b0 < a1
}

/// The discretised problem the planner and the bound work on.
#[derive(Debug, Clone)]
pub(crate) struct Grid {
    pub(crate) per_day: usize,
    pub(crate) slot_s: i64,
    /// Civil start of each slot, in [`secs`].
    pub(crate) start: Vec<i64>,
    pub(crate) civil: Vec<NaiveDateTime>,
    /// The resolved start, `None` when the zone skips or repeats the slot's
    /// start or end (the slot is then unusable).
    pub(crate) zoned: Vec<Option<ZonedDateTime>>,
    /// Not blocked for the event and resolvable.
    pub(crate) usable: Vec<bool>,
    /// `avail[d][t]`: delegation `d` can meet during slot `t`.
    pub(crate) avail: Vec<Vec<bool>>,
    /// For each request: its length in slots, priority and candidate starts
    /// (slot indices where both delegations are available for the whole
    /// meeting, within the window and the day).
    pub(crate) len: Vec<usize>,
    pub(crate) prio: Vec<u64>,
    pub(crate) cands: Vec<Vec<u32>>,
}

impl Grid {
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        days: &[NaiveDate],
        opens: NaiveTime,
        slot: TimeDelta,
        changeover: TimeDelta,
        per_day: usize,
        zone: Tz,
        blocks: &[Block],
        delegations: &[Delegation],
        requests: &[Request],
        pairs: &[(usize, usize)],
    ) -> Result<Grid, Error> {
        let slot_s = slot.num_seconds();
        let pitch = slot_s.saturating_add(changeover.num_seconds());
        let total = days.len().saturating_mul(per_day);
        let mut start = Vec::with_capacity(total);
        let mut civil = Vec::with_capacity(total);
        let mut zoned = Vec::with_capacity(total);
        let range = |what: &str, value: String| {
            Error::new(Detail::OutOfRange {
                what: what.to_owned(),
                value,
            })
        };
        for (di, day) in days.iter().enumerate() {
            let base = day.and_time(opens);
            for i in 0..per_day {
                let off = i64::try_from(i)
                    .ok()
                    .and_then(|i| i.checked_mul(pitch))
                    .and_then(TimeDelta::try_seconds)
                    .ok_or_else(|| range("slot offset", i.to_string()))?;
                let at = base.checked_add_signed(off).ok_or_else(|| {
                    range("slot start", base.to_string()).within(&format!("days[{di}]"))
                })?;
                let end = at.checked_add_signed(slot).ok_or_else(|| {
                    range("slot end", at.to_string()).within(&format!("days[{di}]"))
                })?;
                let resolve = |c: NaiveDateTime| -> Result<Option<ZonedDateTime>, Error> {
                    match ZonedDateTime::resolve(c, zone, crate::Disambiguation::Reject) {
                        Ok(z) => Ok(Some(z)),
                        Err(e) if matches!(e.kind(), ErrorKind::Gap | ErrorKind::Fold) => Ok(None),
                        Err(e) => Err(e.within(&format!("days[{di}]"))),
                    }
                };
                let z = resolve(at)?;
                let z_end = resolve(end)?;
                start.push(secs(at));
                civil.push(at);
                zoned.push(if z_end.is_some() { z } else { None });
            }
        }
        // Event blocks, as civil-second intervals.
        let mut ev: Vec<(i64, i64)> = Vec::new();
        for b in blocks {
            match b {
                Block::Once(f, t) => ev.push((secs(*f), secs(*t))),
                Block::Daily(f, t) => {
                    for day in days {
                        ev.push((secs(day.and_time(*f)), secs(day.and_time(*t))));
                    }
                }
            }
        }
        let free_of =
            |list: &[(i64, i64)], a: i64, b: i64| !list.iter().any(|&(f, t)| overlaps(a, b, f, t));
        let slot_end = |t: usize| start.get(t).map_or(0, |s| s.saturating_add(slot_s));
        let gap_end = |t: usize| start.get(t).map_or(0, |s| s.saturating_add(pitch));
        let usable: Vec<bool> = (0..total)
            .map(|t| {
                zoned.get(t).is_some_and(Option::is_some)
                    && start.get(t).is_some_and(|&s| free_of(&ev, s, slot_end(t)))
            })
            .collect();
        let ev_gap: Vec<bool> = (0..total)
            .map(|t| free_of(&ev, slot_end(t), gap_end(t)))
            .collect();
        let mut avail = Vec::with_capacity(delegations.len());
        let mut gap_ok = Vec::with_capacity(delegations.len());
        for d in delegations {
            let mut busy: Vec<(i64, i64)> = d
                .busy_blocks()
                .iter()
                .map(|(f, t)| (secs(*f), secs(*t)))
                .collect();
            if let Some(a) = d.arrival() {
                busy.push((i64::MIN, secs(a)));
            }
            if let Some(l) = d.departure() {
                busy.push((secs(l), i64::MAX));
            }
            avail.push(
                (0..total)
                    .map(|t| {
                        usable.get(t).copied().unwrap_or(false)
                            && start
                                .get(t)
                                .is_some_and(|&s| free_of(&busy, s, slot_end(t)))
                    })
                    .collect::<Vec<bool>>(),
            );
            gap_ok.push(
                (0..total)
                    .map(|t| {
                        ev_gap.get(t).copied().unwrap_or(false)
                            && free_of(&busy, slot_end(t), gap_end(t))
                    })
                    .collect::<Vec<bool>>(),
            );
        }
        let mut len = Vec::with_capacity(requests.len());
        let mut prio = Vec::with_capacity(requests.len());
        let mut cands = Vec::with_capacity(requests.len());
        for (r, &(a, b)) in requests.iter().zip(pairs) {
            let k = usize::try_from(r.length()).unwrap_or(usize::MAX).max(1);
            let window = r.time_window().map(|(f, t)| (secs(f), secs(t)));
            let dur = i64::try_from(k).unwrap_or(i64::MAX).saturating_mul(slot_s);
            let (Some(aa), Some(ab), Some(ga), Some(gb)) =
                (avail.get(a), avail.get(b), gap_ok.get(a), gap_ok.get(b))
            else {
                len.push(k);
                prio.push(u64::from(r.priority()));
                cands.push(Vec::new());
                continue;
            };
            let mut list = Vec::new();
            for t in 0..total {
                if per_day == 0 || t % per_day + k > per_day {
                    continue;
                }
                let slots_ok = (t..t + k).all(|u| {
                    aa.get(u).copied().unwrap_or(false) && ab.get(u).copied().unwrap_or(false)
                });
                let gaps_ok = (t..t + k - 1).all(|u| {
                    ga.get(u).copied().unwrap_or(false) && gb.get(u).copied().unwrap_or(false)
                });
                let s = start.get(t).copied().unwrap_or(0);
                let in_window = window.is_none_or(|(f, e)| s >= f && s.saturating_add(dur) <= e);
                if slots_ok && gaps_ok && in_window {
                    if let Ok(t) = u32::try_from(t) {
                        list.push(t);
                    }
                }
            }
            len.push(k);
            prio.push(u64::from(r.priority()));
            cands.push(list);
        }
        Ok(Grid {
            per_day,
            slot_s,
            start,
            civil,
            zoned,
            usable,
            avail,
            len,
            prio,
            cands,
        })
    }

    pub(crate) fn total(&self) -> usize {
        self.start.len()
    }

    pub(crate) fn slot_starts(&self) -> Vec<(NaiveDateTime, bool)> {
        self.civil
            .iter()
            .zip(&self.usable)
            .map(|(c, u)| (*c, *u))
            .collect()
    }
}
