//! The planner: a greedy placement by value (see [`value`]: priority plus a
//! bonus per meeting), then repairs that move or replace meetings to fit
//! more value in, then a pass that closes gaps.
//!
//! The planner works on the slot grid. A room is only a count here: meetings
//! of whole slots in rooms with a changeover after every slot are intervals on
//! one line, so as long as no slot holds more meetings than there are rooms,
//! giving each meeting, in order of start, the first free room always
//! succeeds (interval graphs are perfect); rooms are assigned at the end.
//!
//! # Cost
//!
//! A delegation's day, and the slots of a day whose rooms are all taken, are
//! 128-bit masks, so whether a request fits at a start is O(1) and its free
//! starts on a day come from a few word operations. The greedy pass costs
//! O(Σ candidate starts). The repairs, the compaction and the pass for more
//! meetings count the starts and requests they examine against a budget of
//! [`WORK_PER_CANDIDATE`] per candidate start of the instance, at least
//! [`MIN_WORK`] and at most [`MAX_WORK`], and stop when it is spent: the
//! plan is as good as that work makes it, and the same for the same input.

use super::grid::{Grid, any_of_next, bits};

const NONE: u32 = u32::MAX;

/// Weight of a request's priority in its value (see [`value`]).
pub(crate) const PRIORITY_WEIGHT: u64 = 2;

/// Bonus per placed meeting in a request's value (see [`value`]): with
/// [`PRIORITY_WEIGHT`] 2, one and a half units of priority per meeting.
///
/// Chosen by measurement on the generated UNGA-scale instance of the
/// examples (seeds 1 to 8 and 2023): a bonus of 1 (value `p + 1`) leaves
/// some instances under 97% of the meeting bound, 1.5 keeps every one at or
/// above 97% of both bounds, and 2 brings the priority down to 97.1%.
pub(crate) const MEETING_BONUS: u64 = 3;

/// What placing a request of priority `p` is worth to the planner,
/// `PRIORITY_WEIGHT * p + MEETING_BONUS` (that is, `2p + 3`); the planner
/// maximises the total value placed.
pub(crate) const fn value(p: u64) -> u64 {
    p.saturating_mul(PRIORITY_WEIGHT)
        .saturating_add(MEETING_BONUS)
}

/// Upper limit on repair passes over the unplaced requests.
const MAX_PASSES: usize = 30;

/// Work (starts and requests examined, meetings moved) allowed per
/// candidate start of the instance, after the greedy passes, shared by the
/// runs.
pub(crate) const WORK_PER_CANDIDATE: u64 = 1_000;

/// The least work allowed after the greedy passes, in all runs.
pub(crate) const MIN_WORK: u64 = 4_000_000;

/// The most work allowed after the greedy passes, in all runs: about a
/// second on a laptop core.
pub(crate) const MAX_WORK: u64 = 40_000_000;

/// SplitMix64: a small, fast, fixed generator (plans must not change with
/// a dependency's version).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
}

/// Runs of free slots between a delegation's first and last meeting of a day.
fn gaps(meet: u128, unav: u128) -> u32 {
    if meet == 0 {
        return 0;
    }
    let lo = meet.trailing_zeros();
    let hi = 127 - meet.leading_zeros();
    let span = (u128::MAX >> (127 - hi)) & (u128::MAX << lo);
    let m = (meet | unav) & span;
    let runs = (m & !(m >> 1)).count_ones();
    runs.saturating_sub(1)
}

/// The planner's state: who is where.
pub(crate) struct State<'g> {
    g: &'g Grid,
    rooms: u32,
    total: usize,
    per_day: usize,
    ndays: usize,
    /// `owner[d * total + t]`: the request delegation `d` meets for at slot `t`.
    owner: Vec<u32>,
    room_use: Vec<u32>,
    /// Per day: the slots with every room taken.
    full: Vec<u128>,
    /// Requests whose meeting covers slot `t`.
    at_slot: Vec<Vec<u32>>,
    pub(crate) at: Vec<Option<u32>>,
    /// `meet[d * ndays + day]`: the slots delegation `d` meets in.
    meet: Vec<u128>,
    /// `unav[d * ndays + day]`: the slots of the day delegation `d` cannot use.
    unav: Vec<u128>,
    pub(crate) value: u64,
    /// Each request's [`value`].
    vals: Vec<u64>,
    /// Zero: ties between starts go to the earliest; otherwise to a
    /// fixed pseudo-random order drawn from this salt (restarts).
    salt: u64,
    /// Starts and requests examined since the budget was set.
    work: u64,
    budget: u64,
}

impl<'g> State<'g> {
    pub(crate) fn new(g: &'g Grid, rooms: usize) -> State<'g> {
        let total = g.total();
        let per_day = g.per_day.max(1);
        let ndays = g.ndays;
        let day = super::grid::low_bits(per_day);
        let unav = g.avail.iter().map(|a| !a & day).collect();
        State {
            g,
            rooms: u32::try_from(rooms).unwrap_or(u32::MAX),
            total,
            per_day,
            ndays,
            owner: vec![NONE; g.avail.len().saturating_mul(per_day)],
            room_use: vec![0; total],
            full: vec![if rooms == 0 { u128::MAX } else { 0 }; ndays],
            at_slot: vec![Vec::new(); total],
            at: vec![None; g.needs.len()],
            meet: vec![0; g.avail.len()],
            unav,
            value: 0,
            vals: g.needs.iter().map(|n| value(n.priority)).collect(),
            salt: 0,
            work: 0,
            budget: u64::MAX,
        }
    }

    fn pair(&self, r: usize) -> (usize, usize) {
        self.g.needs.get(r).map_or((0, 0), |n| (n.a, n.b))
    }

    fn len(&self, r: usize) -> usize {
        self.g.needs.get(r).map_or(1, |n| n.len)
    }

    /// The request's [`value`].
    fn prio(&self, r: usize) -> u64 {
        self.vals.get(r).copied().unwrap_or(0)
    }

    fn placed(&self, r: usize) -> bool {
        self.at.get(r).copied().flatten().is_some()
    }

    fn owner(&self, d: usize, t: usize) -> u32 {
        self.owner.get(d * self.total + t).copied().unwrap_or(NONE)
    }

    fn spent(&self) -> bool {
        self.work >= self.budget
    }

    /// The slots of `day` where `d` meets.
    fn meet_of(&self, d: usize, day: usize) -> u128 {
        self.meet.get(d * self.ndays + day).copied().unwrap_or(0)
    }

    /// The slots of `day` that `r` cannot use now: either delegation
    /// meets there, or every room is taken.
    fn taken(&self, r: usize, day: usize) -> u128 {
        let (a, b) = self.pair(r);
        self.meet_of(a, day) | self.meet_of(b, day) | self.full.get(day).copied().unwrap_or(0)
    }

    /// Whether `r` fits at `t` now (its candidates are already feasible
    /// against availability).
    fn fits(&self, r: usize, t: usize) -> bool {
        let (day, bits) = self.day_mask(t, self.len(r));
        self.taken(r, day) & bits == 0
    }

    fn day_mask(&self, t: usize, k: usize) -> (usize, u128) {
        let i = t % self.per_day;
        (t / self.per_day, super::grid::low_bits(k) << i)
    }

    /// The best start for `r` now: fewest added gaps, then earliest.
    fn best_fit(&mut self, r: usize) -> Option<usize> {
        let (a, b) = self.pair(r);
        let k = self.len(r);
        let mut best: Option<(i64, u64, usize)> = None;
        let mut seen = 0u64;
        for day in 0..self.ndays {
            let cands = self.g.cands_on(r, day);
            if cands == 0 {
                continue;
            }
            let free = cands & !any_of_next(self.taken(r, day), k);
            if free == 0 {
                continue;
            }
            let (ia, ib) = (a * self.ndays + day, b * self.ndays + day);
            let word = |v: &[u128], i: usize| v.get(i).copied().unwrap_or(0);
            let (ma, ua) = (word(&self.meet, ia), word(&self.unav, ia));
            let (mb, ub) = (word(&self.meet, ib), word(&self.unav, ib));
            let before = i64::from(gaps(ma, ua)) + i64::from(gaps(mb, ub));
            let block = super::grid::low_bits(k);
            for i in bits(free) {
                seen += 1;
                let bits = block << i;
                let cost = i64::from(gaps(ma | bits, ua)) + i64::from(gaps(mb | bits, ub)) - before;
                let t = day * self.per_day + i;
                let c = (cost, self.tie(t), t);
                if best.is_none_or(|b| c < b) {
                    best = Some(c);
                }
            }
        }
        self.work = self.work.saturating_add(seen + 1);
        best.map(|(_, _, t)| t)
    }

    /// The earliest start where `r` fits now.
    fn first_fit(&self, r: usize) -> Option<usize> {
        let k = self.len(r);
        (0..self.ndays).find_map(|day| {
            let free = self.g.cands_on(r, day) & !any_of_next(self.taken(r, day), k);
            bits(free).next().map(|i| day * self.per_day + i)
        })
    }

    /// The tie-break key of start `t`: 0 (then the earliest wins), or a
    /// hash of `t` and the salt.
    fn tie(&self, t: usize) -> u64 {
        if self.salt == 0 {
            return 0;
        }
        Rng(self.salt ^ (t as u64).wrapping_mul(0x9E37_79B9)).next()
    }

    pub(crate) fn place(&mut self, r: usize, t: usize) {
        self.work += 1;
        let (a, b) = self.pair(r);
        let k = self.len(r);
        let rr = u32::try_from(r).unwrap_or(NONE);
        let (day, bits) = self.day_mask(t, k);
        for u in t..t + k {
            for d in [a, b] {
                if let Some(o) = self.owner.get_mut(d * self.total + u) {
                    *o = rr;
                }
            }
            if let Some(n) = self.room_use.get_mut(u) {
                *n += 1;
                if *n >= self.rooms {
                    if let Some(f) = self.full.get_mut(day) {
                        *f |= 1u128 << (u % self.per_day);
                    }
                }
            }
            if let Some(l) = self.at_slot.get_mut(u) {
                l.push(rr);
            }
        }
        for d in [a, b] {
            if let Some(m) = self.meet.get_mut(d * self.ndays + day) {
                *m |= bits;
            }
        }
        if let Some(s) = self.at.get_mut(r) {
            *s = u32::try_from(t).ok();
        }
        self.value += self.prio(r);
    }

    pub(crate) fn remove(&mut self, r: usize) -> Option<usize> {
        let t = self.at.get(r).copied().flatten()? as usize;
        self.work += 1;
        let (a, b) = self.pair(r);
        let k = self.len(r);
        let rr = u32::try_from(r).unwrap_or(NONE);
        let (day, bits) = self.day_mask(t, k);
        for u in t..t + k {
            for d in [a, b] {
                if let Some(o) = self.owner.get_mut(d * self.total + u) {
                    *o = NONE;
                }
            }
            if let Some(n) = self.room_use.get_mut(u) {
                *n = n.saturating_sub(1);
                if *n < self.rooms {
                    if let Some(f) = self.full.get_mut(day) {
                        *f &= !(1u128 << (u % self.per_day));
                    }
                }
            }
            if let Some(l) = self.at_slot.get_mut(u) {
                self.work = self.work.saturating_add(l.len() as u64 / 8);
                l.retain(|&x| x != rr);
            }
        }
        for d in [a, b] {
            if let Some(m) = self.meet.get_mut(d * self.ndays + day) {
                *m &= !bits;
            }
        }
        if let Some(s) = self.at.get_mut(r) {
            *s = None;
        }
        self.value -= self.prio(r);
        Some(t)
    }

    /// The meetings that hold `r`'s delegations during `[t, t + len)`.
    fn blockers(&self, r: usize, t: usize, into: &mut Vec<usize>) {
        into.clear();
        let (a, b) = self.pair(r);
        for u in t..t + self.len(r) {
            for d in [a, b] {
                let o = self.owner(d, u);
                if o != NONE && !into.contains(&(o as usize)) {
                    into.push(o as usize);
                }
            }
        }
    }

    /// The first slot of `[t, t + len)` with every room taken.
    fn full_slot(&self, r: usize, t: usize) -> Option<usize> {
        (t..t + self.len(r)).find(|&u| self.room_use.get(u).is_none_or(|&n| n >= self.rooms))
    }

    /// Puts `moved` back where they were, after taking `r` and anything
    /// placed since out again.
    fn undo(&mut self, r: usize, moved: &[(usize, usize)]) {
        self.remove(r);
        for &(m, _) in moved {
            self.remove(m);
        }
        for &(m, t) in moved {
            self.place(m, t);
        }
    }

    /// Places `r` at `t` after moving `movers` elsewhere; `false` (and no
    /// change) when one of them finds no other place.
    fn relocate(&mut self, r: usize, t: usize, movers: &[usize]) -> bool {
        let mut moved = Vec::with_capacity(movers.len());
        for &m in movers {
            if let Some(s) = self.remove(m) {
                moved.push((m, s));
            }
        }
        if !self.fits(r, t) {
            for &(m, s) in &moved {
                self.place(m, s);
            }
            return false;
        }
        self.place(r, t);
        for &(m, _) in &moved {
            match self.best_fit(m) {
                Some(s) => self.place(m, s),
                None => {
                    self.undo(r, &moved);
                    return false;
                }
            }
        }
        true
    }

    /// Tries to fit unplaced `r` in, by placing it, by moving up to two
    /// meetings out of its way, or by replacing meetings of less total
    /// value. Every success raises the plan's value. Gives up, changing
    /// nothing, once the work budget is spent.
    fn insert(&mut self, r: usize, scratch: &mut Vec<usize>) -> bool {
        if let Some(t) = self.best_fit(r) {
            self.place(r, t);
            return true;
        }
        let p = self.prio(r);
        let g = self.g;
        // Moves.
        for t in g.cands(r) {
            // A few allocations and state changes each.
            self.work += 4;
            if self.spent() {
                return false;
            }
            self.blockers(r, t, scratch);
            if scratch.len() > 2 {
                continue;
            }
            let movers = scratch.clone();
            // Rooms: if a slot stays full once the blockers are gone, one
            // more meeting there must move too.
            let mut removed = Vec::new();
            for &m in &movers {
                if let Some(s) = self.remove(m) {
                    removed.push((m, s));
                }
            }
            let full = self.full_slot(r, t);
            let extra: Vec<u32> = match full {
                Some(u) => self.at_slot.get(u).cloned().unwrap_or_default(),
                None => Vec::new(),
            };
            for &(m, s) in &removed {
                self.place(m, s);
            }
            if full.is_none() {
                if self.relocate(r, t, &movers) {
                    return true;
                }
            } else {
                for e in extra {
                    self.work += 2;
                    if self.spent() {
                        return false;
                    }
                    let mut all = movers.clone();
                    all.push(e as usize);
                    if self.relocate(r, t, &all) {
                        return true;
                    }
                }
            }
        }
        // Replacements.
        let mut best: Option<(u64, usize, Vec<usize>)> = None;
        for t in g.cands(r) {
            self.work += 1;
            if self.spent() {
                return false;
            }
            self.blockers(r, t, scratch);
            let mut out = scratch.clone();
            let mut cost: u64 = out.iter().map(|&m| self.prio(m)).sum();
            if cost >= p {
                continue;
            }
            // For each slot whose rooms stay full, the cheapest meeting there.
            let mut ok = true;
            for u in t..t + self.len(r) {
                let here = self.at_slot.get(u).map_or(0, Vec::len);
                self.work = self.work.saturating_add(here as u64 / 8);
                let used = self.room_use.get(u).copied().unwrap_or(0);
                let freed = self.at_slot.get(u).map_or(0, |l| {
                    l.iter().filter(|&&m| out.contains(&(m as usize))).count()
                });
                if used.saturating_sub(u32::try_from(freed).unwrap_or(0)) < self.rooms {
                    continue;
                }
                let cheapest = self.at_slot.get(u).and_then(|l| {
                    l.iter()
                        .map(|&m| m as usize)
                        .filter(|m| !out.contains(m))
                        .min_by_key(|&m| (self.prio(m), m))
                });
                match cheapest {
                    Some(m) => {
                        cost += self.prio(m);
                        out.push(m);
                    }
                    None => ok = false,
                }
            }
            if ok && cost < p && best.as_ref().is_none_or(|(c, bt, _)| (cost, t) < (*c, *bt)) {
                best = Some((cost, t, out));
            }
        }
        let Some((_, t, out)) = best else {
            return false;
        };
        // Every holder of the slots goes out, so `r` then fits at `t`.
        for &m in &out {
            self.remove(m);
        }
        debug_assert!(self.fits(r, t), "request {r} does not fit at {t}");
        self.place(r, t);
        for &m in &out {
            if let Some(s) = self.best_fit(m) {
                self.place(m, s);
            }
        }
        true
    }

    /// Trades meetings of several slots for more value (more meetings, the
    /// bonus per meeting paying for a little priority): takes each such
    /// meeting out in turn (the lowest value first), fits unplaced requests
    /// into what it freed (those that could use its slots, in the planner's
    /// `order`, each at its best free start), puts it back where it still
    /// fits, and keeps the result only if the placed value grew; otherwise
    /// restores the plan.
    fn more_meetings(&mut self, order: &[usize]) {
        let mut long: Vec<usize> = (0..self.at.len())
            .filter(|&r| self.len(r) > 1 && self.placed(r))
            .collect();
        long.sort_by_key(|&r| (self.prio(r), r));
        for m in long {
            if self.spent() {
                return;
            }
            let value = self.value;
            let saved = self.at.clone();
            let Some(t) = self.remove(m) else { continue };
            let (day, freed) = self.day_mask(t, self.len(m));
            self.work = self.work.saturating_add(order.len() as u64);
            for &r in order {
                // Starts of `r` whose meeting would share a slot with `m`'s.
                let near = self.g.cands_on(r, day) & any_of_next(freed, self.len(r)) != 0;
                if near && r != m && !self.placed(r) {
                    if let Some(s) = self.best_fit(r) {
                        self.place(r, s);
                    }
                }
            }
            if let Some(t) = self.best_fit(m) {
                self.place(m, t);
            }
            if self.value <= value {
                self.restore(&saved);
            }
        }
    }

    /// Replaces the plan with `starts`.
    fn restore(&mut self, starts: &[Option<u32>]) {
        for r in 0..self.at.len() {
            self.remove(r);
        }
        for (r, t) in starts.iter().enumerate() {
            if let Some(t) = t {
                self.place(r, *t as usize);
            }
        }
    }

    /// Moves each meeting to its best start (fewest added gaps, then
    /// earliest) given the others, until nothing moves.
    fn compact(&mut self) {
        for _ in 0..4 {
            let mut moved = false;
            for r in 0..self.at.len() {
                if self.spent() {
                    return;
                }
                let Some(t) = self.remove(r) else { continue };
                let s = self.best_fit(r).unwrap_or(t);
                if s != t {
                    moved = true;
                }
                self.place(r, s);
            }
            if !moved {
                break;
            }
        }
    }
}

/// The planner's order: value per slot, highest first; then value; then
/// the request with fewer candidate starts; then input order.
fn order(g: &Grid) -> Vec<usize> {
    let mut order: Vec<usize> = (0..g.needs.len())
        .filter(|&r| g.ncands.get(r).is_some_and(|&c| c > 0))
        .collect();
    let key = |r: usize| {
        (
            g.needs.get(r).map_or(0, |n| value(n.priority)),
            g.needs.get(r).map_or(1, |n| n.len) as u64,
            g.ncands.get(r).copied().unwrap_or(0),
        )
    };
    // Value per slot, highest first (cross-multiplied: exact).
    order.sort_by(|&x, &y| {
        let (px, kx, cx) = key(x);
        let (py, ky, cy) = key(y);
        (py * kx)
            .cmp(&(px * ky))
            .then(py.cmp(&px))
            .then(cx.cmp(&cy))
            .then(x.cmp(&y))
    });
    order
}

/// Work (candidate starts times lengths) one planner run may take for
/// restarts to be worth it: instances this small get up to [`MAX_RUNS`]
/// runs, large ones a single run.
const RUN_BUDGET: usize = 250_000;

/// Most runs of the planner on one instance.
const MAX_RUNS: usize = 48;

/// Plans `g` with `rooms` rooms: the best of a few deterministic runs (the
/// first in the planner's order, the others with the order perturbed by a
/// fixed-seed generator), by placed value, then fewer idle gaps, then
/// earlier starts.
pub(crate) fn plan(g: &Grid, rooms: usize) -> Vec<Option<u32>> {
    let cands: usize = g.ncands.iter().sum();
    let work: usize = g
        .ncands
        .iter()
        .zip(&g.needs)
        .map(|(c, n)| c.saturating_mul(n.len))
        .sum::<usize>()
        .max(1);
    let runs = (RUN_BUDGET / work).clamp(1, MAX_RUNS);
    let budget = (cands as u64)
        .saturating_mul(WORK_PER_CANDIDATE)
        .clamp(MIN_WORK, MAX_WORK)
        / runs as u64;
    let value_of = |r: usize| g.needs.get(r).map_or(0, |n| value(n.priority));
    let base = order(g);
    let mut best = run(g, rooms, &base, 0, budget);
    let mut rng = Rng(0x5EED_5AB1);
    for i in 1..runs {
        let mut ord = base.clone();
        if i == 1 {
            // Priority alone, not per slot.
            ord.sort_by_key(|&r| {
                (
                    std::cmp::Reverse(value_of(r)),
                    g.ncands.get(r).copied().unwrap_or(0),
                    r,
                )
            });
        } else {
            let mut keyed: Vec<(u64, usize)> = ord
                .iter()
                .map(|&r| {
                    let k = g.needs.get(r).map_or(1, |n| n.len).max(1) as u64;
                    (value_of(r).saturating_mul(1000 + rng.range(0, 700)) / k, r)
                })
                .collect();
            keyed.sort_by_key(|&(key, r)| (std::cmp::Reverse(key), r));
            ord = keyed.into_iter().map(|(_, r)| r).collect();
        }
        let salt = if i % 2 == 0 { rng.next() | 1 } else { 0 };
        let other = run(g, rooms, &ord, salt, budget);
        if (
            other.0,
            std::cmp::Reverse(other.1),
            std::cmp::Reverse(other.2),
        ) > (best.0, std::cmp::Reverse(best.1), std::cmp::Reverse(best.2))
        {
            best = other;
        }
    }
    best.3
}

/// One run: greedy in `order`, repairs, compaction, within `budget` work
/// after the greedy pass. Returns the value, the idle gaps, the sum of
/// starts and each request's start.
fn run(
    g: &Grid,
    rooms: usize,
    order: &[usize],
    salt: u64,
    budget: u64,
) -> (u64, u64, u64, Vec<Option<u32>>) {
    let mut s = State::new(g, rooms);
    s.salt = salt;
    for &r in order {
        if let Some(t) = s.best_fit(r) {
            s.place(r, t);
        }
    }
    s.work = 0;
    s.budget = budget;
    let mut scratch = Vec::new();
    for _ in 0..MAX_PASSES {
        let mut improved = false;
        for &r in order {
            if s.spent() {
                break;
            }
            if !s.placed(r) && s.insert(r, &mut scratch) {
                improved = true;
            }
        }
        if !improved || s.spent() {
            break;
        }
    }
    s.salt = 0;
    s.compact();
    // Compaction can open room for a request that had none.
    for &r in order {
        if !s.placed(r) {
            if let Some(t) = s.best_fit(r) {
                s.place(r, t);
            }
        }
    }
    s.more_meetings(order);
    let starts: u64 = s.at.iter().flatten().map(|&t| u64::from(t)).sum();
    (s.value, s.idle_gaps(), starts, s.at)
}

/// The baseline: each request in input order at its earliest free start.
pub(crate) fn first_fit(g: &Grid, rooms: usize) -> Vec<Option<u32>> {
    let mut s = State::new(g, rooms);
    for r in 0..g.needs.len() {
        if let Some(t) = s.first_fit(r) {
            s.place(r, t);
        }
    }
    s.at
}

impl<'g> State<'g> {
    /// A state holding the given starts.
    pub(crate) fn with_starts(g: &'g Grid, rooms: usize, starts: &[Option<u32>]) -> State<'g> {
        let mut s = State::new(g, rooms);
        for (r, t) in starts.iter().enumerate() {
            if let Some(t) = t {
                s.place(r, *t as usize);
            }
        }
        s
    }

    /// Whether each of `r`'s delegations is in another meeting during
    /// `[t, t + len)`.
    pub(crate) fn held(&self, r: usize, t: usize) -> (bool, bool) {
        let (a, b) = self.pair(r);
        let (day, bits) = self.day_mask(t, self.len(r));
        (
            self.meet_of(a, day) & bits != 0,
            self.meet_of(b, day) & bits != 0,
        )
    }

    /// Idle gaps summed over delegations and days.
    pub(crate) fn idle_gaps(&self) -> u64 {
        self.meet
            .iter()
            .zip(&self.unav)
            .map(|(&m, &u)| u64::from(gaps(m, u)))
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::gaps;

    #[test]
    fn gaps_count_free_runs_between_meetings() {
        assert_eq!(gaps(0, 0), 0);
        assert_eq!(gaps(0b1, 0), 0);
        assert_eq!(gaps(0b101, 0), 1);
        assert_eq!(gaps(0b10011, 0), 1);
        assert_eq!(gaps(0b1000101, 0), 2);
        // An unavailable slot between two meetings is no idle gap.
        assert_eq!(gaps(0b101, 0b010), 0);
        assert_eq!(gaps(1u128 << 127 | 1, 0), 1);
    }
}
