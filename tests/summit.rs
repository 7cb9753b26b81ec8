//! The summit planner: input validation with paths, every plan checked by an
//! independent checker, optimality of the planner's objective (value:
//! priority plus a bonus per meeting) against exhaustive search on small
//! instances, the upper bounds, the reasons, determinism, the limits, and
//! the quality on the generated UNGA-scale instance.
// Helpers stop loudly too: clippy.toml allows this in #[test] functions only.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
// Slot and delegation indices are the model here.
#![allow(clippy::needless_range_loop)]

mod common;
#[path = "../examples/support/unga.rs"]
mod unga;

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use common::{country, date, hm, minister_builder, minutes, san_francisco, venue, violations};
use diplomeet::summit::{Delegation, Plan, Request, Summit, UnplacedReason};
use diplomeet::{ErrorKind, Limits, Minister, PersonName, Portfolio, Post, Term};

/// Codes of the small instances' delegations.
const CODES: [&str; 10] = ["JP", "CL", "PE", "MX", "CA", "AU", "NZ", "SG", "TH", "VN"];

/// The foreign minister of `code`, "Minister <country name>", with the
/// code in lower case as id.
fn minister(code: &str) -> Minister {
    minister_builder("Minister", country(code).name(), code)
        .id(code.to_ascii_lowercase())
        .build()
        .unwrap()
}

/// A day of November 2023.
fn day(d: u32) -> NaiveDate {
    date(2023, 11, d)
}

/// SplitMix64.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// A request: delegations `a` and `b`, priority, slots, and a window as a
/// global slot range `[from, to)`.
type Req = (usize, usize, u32, usize, Option<(usize, usize)>);

/// A random instance, described independently of the library: the test's
/// own model of it, from which both the summit and the checks are made.
#[derive(Debug, Clone)]
struct Instance {
    days: Vec<NaiveDate>,
    per_day: usize,
    slot_min: i64,
    change_min: i64,
    rooms: usize,
    /// Blocked slot (day, index) for everyone.
    plenary: Vec<(usize, usize)>,
    delegations: usize,
    /// Busy slots per delegation, and arrival slot (global index).
    busy: Vec<Vec<(usize, usize)>>,
    arrival: Vec<Option<usize>>,
    /// (a, b, priority, slots, window as global slot range [from, to)).
    requests: Vec<Req>,
}

impl Instance {
    fn random(rng: &mut Rng, max_delegations: u64, max_requests: u64, change_min: i64) -> Instance {
        let ndays = 1 + rng.below(2) as usize;
        let per_day = 12 / ndays;
        let rooms = 1 + rng.below(3) as usize;
        let delegations = 3 + rng.below(max_delegations - 2) as usize;
        let total = ndays * per_day;
        let mut plenary = Vec::new();
        if rng.chance(50) {
            let i = rng.below(per_day as u64) as usize;
            for d in 0..ndays {
                plenary.push((d, i));
            }
        }
        let busy = (0..delegations)
            .map(|_| {
                (0..total)
                    .filter(|_| rng.chance(20))
                    .map(|g| (g / per_day, g % per_day))
                    .collect()
            })
            .collect();
        let arrival = (0..delegations)
            .map(|_| rng.chance(15).then(|| rng.below(total as u64) as usize))
            .collect();
        let wanted = 5 + rng.below(max_requests - 4) as usize;
        let mut requests: Vec<Req> = Vec::new();
        let mut tries = 0;
        while requests.len() < wanted && tries < 1000 {
            tries += 1;
            let a = rng.below(delegations as u64) as usize;
            let b = rng.below(delegations as u64) as usize;
            if a == b
                || requests
                    .iter()
                    .any(|&(x, y, ..)| (x, y) == (a, b) || (x, y) == (b, a))
            {
                continue;
            }
            let priority = 1 + rng.below(5) as u32;
            let slots = if rng.chance(20) { 2 } else { 1 };
            let window = rng.chance(20).then(|| {
                let from = rng.below(total as u64) as usize;
                (from, (from + 3 + rng.below(5) as usize).min(total))
            });
            requests.push((a, b, priority, slots, window));
        }
        Instance {
            days: (0..ndays).map(|d| day(14 + d as u32)).collect(),
            per_day,
            slot_min: 60,
            change_min,
            rooms,
            plenary,
            delegations,
            busy,
            arrival,
            requests,
        }
    }

    fn pitch(&self) -> i64 {
        self.slot_min + self.change_min
    }

    /// Civil start of global slot `g`.
    fn start(&self, g: usize) -> NaiveDateTime {
        let (d, i) = (g / self.per_day, g % self.per_day);
        self.days[d].and_time(hm(8, 0)) + minutes(self.pitch() * i as i64)
    }

    fn end(&self, g: usize) -> NaiveDateTime {
        self.start(g) + minutes(self.slot_min)
    }

    fn summit(&self) -> Summit {
        let close = hm(8, 0) + minutes(self.pitch() * self.per_day as i64 - self.change_min);
        let mut b = Summit::builder("APEC Ministerial Meeting", san_francisco())
            .days(self.days.iter().copied())
            .hours(hm(8, 0), close)
            .slot(minutes(self.slot_min))
            .changeover(minutes(self.change_min));
        for &(d, i) in &self.plenary {
            let g = d * self.per_day + i;
            b = b.block(self.start(g), self.end(g));
        }
        for r in 0..self.rooms {
            b = b.room(format!("Room {}", r + 1));
        }
        for d in 0..self.delegations {
            let mut del = Delegation::new(minister(CODES[d]));
            for &(dd, i) in &self.busy[d] {
                let g = dd * self.per_day + i;
                del = del.busy(self.start(g), self.end(g));
            }
            if let Some(g) = self.arrival[d] {
                del = del.arrives(self.start(g));
            }
            b = b.delegation(del);
        }
        for &(a, c, p, k, w) in &self.requests {
            let mut r = Request::new(CODES[a], CODES[c], p).slots(k as u32);
            if let Some((from, to)) = w {
                let end = if to == self.days.len() * self.per_day {
                    self.end(to - 1)
                } else {
                    self.start(to)
                };
                r = r.window(self.start(from), end);
            }
            b = b.request(r);
        }
        b.build().unwrap()
    }

    /// Whether delegation `d` can meet during slot `g`.
    fn free(&self, d: usize, g: usize) -> bool {
        let (dd, i) = (g / self.per_day, g % self.per_day);
        !self.plenary.contains(&(dd, i))
            && !self.busy[d].contains(&(dd, i))
            && self.arrival[d].is_none_or(|a| g >= a)
    }

    /// Starts where request `r` can be held (ignoring other meetings).
    fn starts(&self, r: usize) -> Vec<usize> {
        let (a, b, _, k, w) = self.requests[r];
        let total = self.days.len() * self.per_day;
        (0..total)
            .filter(|&g| g % self.per_day + k <= self.per_day)
            .filter(|&g| (g..g + k).all(|u| self.free(a, u) && self.free(b, u)))
            .filter(|&g| w.is_none_or(|(from, to)| g >= from && g + k <= to))
            .collect()
    }

    /// The best total value (the planner's objective, [`value`]), by
    /// exhaustive search over subsets of the requests (highest priority
    /// first, each taken or left), each subset checked for a feasible
    /// assignment of starts by backtracking, with bounds to prune: what is
    /// left in all, what fits in the free room-slots, half of what fits in
    /// each delegation's free slots. `incumbent` is the value of a known
    /// plan.
    fn optimum(&self, incumbent: u64) -> u64 {
        self.search(incumbent, Weight::Value)
    }

    /// As [`optimum`](Self::optimum), each request worth its `weight`: with
    /// [`Weight::Priority`] the most priority any plan can place, with
    /// [`Weight::Meetings`] the most meetings any plan can hold.
    fn search(&self, incumbent: u64, weight: Weight) -> u64 {
        let total = self.days.len() * self.per_day;
        let starts: Vec<Vec<usize>> = (0..self.requests.len()).map(|r| self.starts(r)).collect();
        let mut order: Vec<usize> = (0..self.requests.len())
            .filter(|&r| !starts[r].is_empty())
            .collect();
        order.sort_by_key(|&r| std::cmp::Reverse(self.requests[r].2));
        let free: Vec<usize> = (0..self.delegations)
            .map(|d| (0..total).filter(|&u| self.free(d, u)).count())
            .collect();
        let units: usize = (0..total)
            .filter(|&g| !self.plenary.contains(&(g / self.per_day, g % self.per_day)))
            .count()
            * self.rooms;
        struct Search<'a> {
            inst: &'a Instance,
            starts: Vec<Vec<usize>>,
            order: Vec<usize>,
            chosen: Vec<usize>,
            used_d: Vec<usize>,
            used_units: usize,
            free: Vec<usize>,
            units: usize,
            total: usize,
            best: u64,
            weight: Weight,
        }
        fn knap(cap: usize, items: &mut [(u64, usize)]) -> f64 {
            items.sort_by(|x, y| (y.0 * x.1 as u64).cmp(&(x.0 * y.1 as u64)));
            let (mut left, mut v) = (cap as f64, 0.0);
            for &(p, k) in items.iter() {
                if left <= 0.0 {
                    break;
                }
                let take = (k as f64).min(left);
                v += p as f64 * take / k as f64;
                left -= take;
            }
            v
        }
        impl Search<'_> {
            fn w(&self, r: usize) -> u64 {
                let p = u64::from(self.inst.requests[r].2);
                match self.weight {
                    Weight::Priority => p,
                    Weight::Meetings => 1,
                    Weight::Value => value(p),
                }
            }
            /// Whether the chosen requests can all be held at once.
            fn feasible(&self) -> bool {
                let mut set = self.chosen.clone();
                set.sort_by_key(|&r| self.starts[r].len());
                let mut busy = vec![vec![false; self.total]; self.inst.delegations];
                let mut rooms = vec![0usize; self.total];
                self.assign(&set, 0, &mut busy, &mut rooms)
            }
            fn assign(
                &self,
                set: &[usize],
                i: usize,
                busy: &mut Vec<Vec<bool>>,
                rooms: &mut Vec<usize>,
            ) -> bool {
                let Some(&r) = set.get(i) else { return true };
                let (a, b, _, k, _) = self.inst.requests[r];
                for &g in &self.starts[r] {
                    if (g..g + k).all(|u| !busy[a][u] && !busy[b][u] && rooms[u] < self.inst.rooms)
                    {
                        for u in g..g + k {
                            busy[a][u] = true;
                            busy[b][u] = true;
                            rooms[u] += 1;
                        }
                        let ok = self.assign(set, i + 1, busy, rooms);
                        for u in g..g + k {
                            busy[a][u] = false;
                            busy[b][u] = false;
                            rooms[u] -= 1;
                        }
                        if ok {
                            return true;
                        }
                    }
                }
                false
            }
            fn go(&mut self, i: usize, value: u64) {
                self.best = self.best.max(value);
                if i == self.order.len() {
                    return;
                }
                let rest = &self.order[i..];
                let sum: u64 = rest.iter().map(|&r| self.w(r)).sum();
                if value + sum <= self.best {
                    return;
                }
                let item = |r: usize| (self.w(r), self.inst.requests[r].3);
                let mut items: Vec<(u64, usize)> = rest.iter().map(|&r| item(r)).collect();
                let mut bound = knap(self.units - self.used_units, &mut items);
                let mut half = 0.0;
                for d in 0..self.inst.delegations {
                    let mut items: Vec<(u64, usize)> = rest
                        .iter()
                        .filter(|&&r| self.inst.requests[r].0 == d || self.inst.requests[r].1 == d)
                        .map(|&r| item(r))
                        .collect();
                    half += knap(self.free[d] - self.used_d[d], &mut items) / 2.0;
                }
                bound = bound.min(half);
                if value as f64 + bound < self.best as f64 + 0.999 {
                    return;
                }
                let r = self.order[i];
                let (a, b, _, k, _) = self.inst.requests[r];
                let p = self.w(r);
                if self.used_d[a] + k <= self.free[a] && self.used_d[b] + k <= self.free[b] {
                    self.chosen.push(r);
                    if self.feasible() {
                        self.used_d[a] += k;
                        self.used_d[b] += k;
                        self.used_units += k;
                        self.go(i + 1, value + p);
                        self.used_d[a] -= k;
                        self.used_d[b] -= k;
                        self.used_units -= k;
                    }
                    self.chosen.pop();
                }
                self.go(i + 1, value);
            }
        }
        let mut s = Search {
            inst: self,
            starts,
            order,
            chosen: Vec::new(),
            used_d: vec![0; self.delegations],
            used_units: 0,
            free,
            units,
            total,
            best: incumbent,
            weight,
        };
        s.go(0, 0);
        s.best
    }
}

/// What a request is worth in [`Instance::search`].
#[derive(Clone, Copy)]
enum Weight {
    Priority,
    Meetings,
    Value,
}

/// The planner's objective for one request of priority `p`: twice the
/// priority plus 3, as documented on `Summit::plan` (kept in step with it).
fn value(p: u64) -> u64 {
    2 * p + 3
}

/// The planner's objective for `plan`: the sum of [`value`] over the
/// placed requests.
fn plan_value(plan: &Plan) -> u64 {
    2 * plan.placed_priority() + 3 * plan.placed().len() as u64
}

/// Checks every constraint of `plan` against the test's own model of the
/// instance, from the meetings' civil times alone.
fn check(inst: &Instance, summit: &Summit, plan: &Plan) {
    let total = inst.days.len() * inst.per_day;
    assert_eq!(
        plan.placed().len() + plan.unplaced().len(),
        inst.requests.len()
    );
    let mut seen = vec![false; inst.requests.len()];
    let mut by_delegation: HashMap<usize, Vec<(NaiveDateTime, NaiveDateTime)>> = HashMap::new();
    let mut by_room: HashMap<String, Vec<(NaiveDateTime, NaiveDateTime)>> = HashMap::new();
    let mut priority = 0u64;
    for p in plan.placed() {
        let r = p.request();
        assert!(!seen[r], "request {r} placed twice");
        seen[r] = true;
        let (a, b, prio, k, w) = inst.requests[r];
        priority += u64::from(prio);
        let m = p.meeting();
        assert_eq!(
            m.occasion().map(|o| o.name()),
            Some("APEC Ministerial Meeting")
        );
        let ids: Vec<&str> = m.participants().iter().map(|x| x.id()).collect();
        assert_eq!(
            ids,
            [CODES[a].to_ascii_lowercase(), CODES[b].to_ascii_lowercase()]
        );
        let place = m.venue().unwrap().place().to_owned();
        assert!(place.starts_with("San Francisco, Room "), "{place}");
        let start = m.start().unwrap().civil();
        let end = m.end().unwrap().civil();
        assert_eq!(end - start, minutes(inst.slot_min * k as i64));
        // The start is a slot of the grid; every slot it spans is free for
        // both delegations, on one day, and inside the window.
        let g = (0..total)
            .find(|&g| inst.start(g) == start)
            .expect("start on the grid");
        assert!(
            g % inst.per_day + k <= inst.per_day,
            "meeting crosses the day's end"
        );
        for u in g..g + k {
            assert!(
                inst.free(a, u) && inst.free(b, u),
                "request {r} at an unavailable slot {u}"
            );
        }
        if let Some((from, to)) = w {
            assert!(g >= from && g + k <= to, "request {r} outside its window");
        }
        assert!(end.time() <= hm(8, 0) + minutes(inst.pitch() * inst.per_day as i64));
        for d in [a, b] {
            by_delegation.entry(d).or_default().push((start, end));
        }
        by_room.entry(place).or_default().push((start, end));
    }
    for (d, mut list) in by_delegation {
        list.sort();
        for w in list.windows(2) {
            assert!(
                w[0].1 <= w[1].0,
                "delegation {d} in two meetings at once: {w:?}"
            );
        }
    }
    for (room, mut list) in by_room {
        list.sort();
        for w in list.windows(2) {
            assert!(
                w[0].1 + minutes(inst.change_min) <= w[1].0,
                "room {room} double-booked or without changeover: {w:?}"
            );
        }
    }
    assert_eq!(plan.placed_priority(), priority);
    assert!(summit.upper_bound() >= priority);
    assert!(summit.meeting_bound() >= plan.placed().len() as u64);
    for u in plan.unplaced() {
        let r = u.request();
        assert!(!seen[r]);
        let none = inst.starts(r).is_empty();
        assert_eq!(
            u.reason() == UnplacedReason::NoCommonFreeTime,
            none,
            "request {r}: {:?}",
            u.reason()
        );
    }
    // The summit describes the same grid.
    assert_eq!(summit.slots_per_day(), inst.per_day);
}

#[test]
fn small_instances_reach_the_optimum() {
    let mut rng = Rng(6);
    let (mut optimal, mut worst) = (0, 1.0f64);
    let n = 200;
    for i in 0..n {
        let inst = Instance::random(&mut rng, 10, 25, 0);
        let summit = inst.summit();
        let plan = summit.plan().unwrap();
        check(&inst, &summit, &plan);
        let clock = std::time::Instant::now();
        let got = plan_value(&plan);
        let opt = inst.optimum(got);
        if clock.elapsed().as_millis() > 300 {
            eprintln!(
                "instance {i}: search {:?} r={} d={} rooms={}",
                clock.elapsed(),
                inst.requests.len(),
                inst.delegations,
                inst.rooms
            );
        }
        assert!(
            got <= opt,
            "instance {i}: plan value {got} above the optimum {opt}"
        );
        let best = inst.search(plan.placed_priority(), Weight::Priority);
        assert!(
            summit.upper_bound() >= best,
            "instance {i}: bound {} below the most priority {best}",
            summit.upper_bound()
        );
        let most = inst.search(plan.placed().len() as u64, Weight::Meetings);
        assert!(
            summit.meeting_bound() >= most,
            "instance {i}: meeting bound {} below the most meetings {most}",
            summit.meeting_bound()
        );
        if got == opt {
            optimal += 1;
        }
        if opt > 0 {
            worst = worst.min(got as f64 / opt as f64);
        }
        if (got as f64) < 0.9 * opt as f64 {
            eprintln!("instance {i}: {got} of {opt}");
        }
    }
    eprintln!("optimal on {optimal} of {n}; worst ratio {worst:.3}");
    assert!(worst >= 0.9, "worst ratio {worst}");
    assert!(optimal * 100 >= n * 95, "optimal on only {optimal} of {n}");
}

#[test]
fn random_plans_satisfy_every_constraint() {
    let mut rng = Rng(60);
    for _ in 0..60 {
        let change = 10 * rng.below(2) as i64;
        let inst = Instance::random(&mut rng, 10, 40, change);
        let summit = inst.summit();
        check(&inst, &summit, &summit.plan().unwrap());
        check(&inst, &summit, &summit.plan_first_fit().unwrap());
    }
}

#[test]
fn plans_are_deterministic() {
    let mut rng = Rng(7);
    for _ in 0..10 {
        let inst = Instance::random(&mut rng, 10, 25, 10);
        let first = inst.summit().plan().unwrap();
        let again = inst.summit().plan().unwrap();
        assert_eq!(first, again);
    }
}

fn base() -> diplomeet::summit::SummitBuilder {
    Summit::builder("APEC Ministerial Meeting", san_francisco())
        .day(day(14))
        .hours(hm(8, 0), hm(12, 0))
        .slot(minutes(30))
        .changeover(minutes(10))
        .room("Room 1")
        .delegation(Delegation::new(minister("JP")))
        .delegation(Delegation::new(minister("CL")))
        .delegation(Delegation::new(minister("PE")))
}

#[test]
fn invalid_input_is_reported_with_paths() {
    let at = |h| day(14).and_time(hm(h, 0));
    let err = base()
        .delegation(Delegation::new(minister("JP")))
        .request(Request::new("JP", "ZZ", 1))
        .request(Request::new("jp", "JP", 1))
        .request(Request::new("JP", "CL", 1))
        .request(Request::new("CL", "JP", 2))
        .request(Request::new("JP", "PE", 1).window(at(11), at(9)))
        .request(Request::new("CL", "PE", 0).slots(0))
        .build()
        .unwrap_err();
    let got = violations(&err);
    assert_eq!(
        got,
        [
            (ErrorKind::Duplicate, "delegations[3]"),
            (ErrorKind::UnknownReference, "requests[0].second"),
            (ErrorKind::Inconsistent, "requests[1]"),
            (ErrorKind::Duplicate, "requests[3]"),
            (ErrorKind::Inconsistent, "requests[4].window"),
            (ErrorKind::InvalidValue, "requests[5].priority"),
            (ErrorKind::InvalidValue, "requests[5].slots"),
        ],
        "{err}"
    );
    assert!(err.to_string().contains("delegation \"ZZ\""), "{err}");
    assert!(
        err.to_string()
            .contains("request of delegation JP with itself"),
        "{err}"
    );
    assert!(
        err.to_string().contains("duplicate request \"CL-JP\""),
        "{err}"
    );

    let err = Summit::builder("", san_francisco())
        .hours(hm(12, 0), hm(8, 0))
        .changeover(minutes(-5))
        .build()
        .unwrap_err();
    let paths: Vec<&str> = err.violations().map(|v| v.path()).collect();
    assert_eq!(
        paths,
        ["name", "days", "hours", "slot", "changeover", "rooms"],
        "{err}"
    );
}

#[test]
fn meetings_are_built_at_the_venue_in_rooms() {
    let summit = base()
        .request(Request::new("JP", "CL", 5).slots(2))
        .build()
        .unwrap();
    let plan = summit.plan().unwrap();
    let p = &plan.placed()[0];
    let m = p.meeting();
    assert_eq!(m.title(), "Japan-Chile bilateral meeting");
    assert_eq!(m.venue().unwrap().place(), "San Francisco, Room 1");
    assert_eq!(
        m.occasion().map(|o| o.name()),
        Some("APEC Ministerial Meeting")
    );
    assert_eq!(
        m.when().to_string(),
        "2023-11-14T08:00:00-08:00[America/Los_Angeles]"
    );
    assert_eq!(m.duration(), Some(minutes(60)));
    assert_eq!(m.participants().len(), 2);
    let tokyo = m.local_time_in(chrono_tz::Asia::Tokyo).unwrap();
    assert_eq!(
        (tokyo.start().to_rfc3339().as_str(), tokyo.day_shift()),
        ("2023-11-15T01:00:00+09:00", 1)
    );
    assert_eq!(plan.to_string(), "placed 1 of 1 requested meetings");
    assert_eq!((plan.placed_priority(), summit.upper_bound()), (5, 5));
}

#[test]
fn unplaced_requests_say_why() {
    let at = |h, m| day(14).and_time(hm(h, m));
    // One room, 08:00-09:10: two slots (08:00, 08:40).
    let summit = Summit::builder("APEC Ministerial Meeting", san_francisco())
        .day(day(14))
        .hours(hm(8, 0), hm(9, 10))
        .slot(minutes(30))
        .changeover(minutes(10))
        .room("Room 1")
        .delegation(Delegation::new(minister("JP")))
        .delegation(Delegation::new(minister("CL")))
        .delegation(Delegation::new(minister("PE")).arrives(at(8, 40)))
        .delegation(Delegation::new(minister("MX")).departs(at(8, 30)))
        .delegation(Delegation::new(minister("CA")))
        .delegation(Delegation::new(minister("AU")))
        .request(Request::new("JP", "CL", 5))
        .request(Request::new("JP", "PE", 4))
        .request(Request::new("PE", "MX", 3)) // never both there
        .request(Request::new("JP", "MX", 1)) // JP busy whenever MX is there
        .request(Request::new("CA", "AU", 1)) // both free, but no room
        .build()
        .unwrap();
    let plan = summit.plan().unwrap();
    let placed: Vec<usize> = plan.placed().iter().map(|p| p.request()).collect();
    assert_eq!(placed, [0, 1]);
    let reasons: Vec<(usize, UnplacedReason)> = plan
        .unplaced()
        .iter()
        .map(|u| (u.request(), u.reason()))
        .collect();
    assert_eq!(
        reasons,
        [
            (2, UnplacedReason::NoCommonFreeTime),
            (3, UnplacedReason::CapacityExhausted { delegation: 0 }),
            (4, UnplacedReason::RoomsFull),
        ]
    );
    // Rooms: two slots; a plan holds at most two meetings.
    assert_eq!(summit.meeting_bound(), 2);
    assert_eq!(summit.upper_bound(), 9);
}

#[test]
fn slots_in_a_gap_are_not_used() {
    // Santiago's clocks jump from 00:00 to 01:00 on 2026-09-06.
    let venue = venue("Santiago", "CL", chrono_tz::America::Santiago);
    let summit = Summit::builder("Night session", venue)
        .day(date(2026, 9, 6))
        .hours(hm(0, 0), hm(2, 0))
        .slot(minutes(30))
        .room("Room 1")
        .delegation(Delegation::new(minister("JP")))
        .delegation(Delegation::new(minister("PE")))
        .request(Request::new("JP", "PE", 1))
        .build()
        .unwrap();
    let usable: Vec<bool> = summit.slot_starts().iter().map(|s| s.1).collect();
    assert_eq!(usable, [false, false, true, true]);
    let plan = summit.plan().unwrap();
    assert_eq!(
        plan.placed()[0].meeting().when().to_string(),
        "2026-09-06T01:00:00-03:00[America/Santiago]"
    );
}

#[test]
fn days_and_slots_are_held_to_the_limits() {
    // `base()` has 2023-11-14; these are from 2023-12-01.
    let december = date(2023, 12, 1);
    let days = |n: i64| (0..n).map(move |i| december + TimeDelta::try_days(i).unwrap());
    let paths = |b: diplomeet::summit::SummitBuilder| -> Vec<(ErrorKind, String)> {
        let err = b.build().unwrap_err();
        err.violations()
            .map(|v| (v.kind(), v.path().to_owned()))
            .collect()
    };
    // 32 days: over the default of 31, reported alone.
    let err = base().days(days(31)).build().unwrap_err();
    assert_eq!((err.kind(), err.path()), (ErrorKind::TooMany, "days"));
    assert!(err.to_string().contains("max_summit_days"), "{err}");
    assert_eq!(err.violations().len(), 1);
    // Raised, the days pass; 32 days of 6 slots are 192 slots in all.
    let limits = Limits::default().with_max_summit_days(40);
    let summit = base().days(days(31)).limits(limits).build().unwrap();
    assert_eq!(summit.slot_starts().len(), 32 * 6);
    // Slots in all: 6 a day for 32 days is over 100.
    let limits = limits.with_max_summit_slots(100);
    assert_eq!(
        paths(base().days(days(31)).limits(limits)),
        [(ErrorKind::TooMany, "slot".to_owned())]
    );
    // A day holds at most 128 slots, whatever the limits: 08:00-12:00 in
    // one-minute slots is 240.
    let err = base()
        .slot(minutes(1))
        .changeover(TimeDelta::zero())
        .limits(Limits::default().with_max_summit_slots(1_000_000))
        .build()
        .unwrap_err();
    assert_eq!((err.kind(), err.path()), (ErrorKind::TooMany, "slot"));
    assert!(err.to_string().contains("MAX_SLOTS_PER_DAY"), "{err}");
    // Requests, counted without looking at them.
    let many = (0..3).map(|i| Request::new("JP", "CL", i));
    let mut b = base().limits(Limits::default().with_max_plan_requests(2));
    for r in many {
        b = b.request(r);
    }
    assert_eq!(paths(b), [(ErrorKind::TooMany, "requests".to_owned())]);
}

#[test]
fn a_principal_out_of_office_is_refused_at_build() {
    let with_term = |code: &str, from: NaiveDate, to: NaiveDate| {
        let country = country(code);
        let name = PersonName::builder()
            .given("Minister")
            .surname(country.name())
            .build()
            .unwrap();
        let term = Term::new(Some(from), Some(to)).unwrap();
        Minister::builder(name, country)
            .post(
                Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")
                    .unwrap()
                    .with_term(term),
            )
            .build()
            .unwrap()
    };
    let two_days = || {
        Summit::builder("APEC Ministerial Meeting", san_francisco())
            .days([day(14), day(15)])
            .hours(hm(8, 0), hm(12, 0))
            .slot(minutes(30))
            .room("Room 1")
            .delegation(Delegation::new(minister("JP")))
    };
    // The term ends on the first day: the second day is outside it.
    let err = two_days()
        .delegation(Delegation::new(with_term("CL", day(1), day(14))))
        .request(Request::new("JP", "CL", 1))
        .build()
        .unwrap_err();
    assert_eq!(
        (err.kind(), err.path()),
        (
            ErrorKind::OutsideTerm,
            "delegations[1].minister.posts[0].term"
        )
    );
    assert!(err.to_string().contains("2023-11-15"), "{err}");
    assert_eq!(err.violations().len(), 1);
    // Leaving before the second day, the same minister is fine, and the
    // plan builds every meeting.
    let summit = two_days()
        .delegation(
            Delegation::new(with_term("CL", day(1), day(14))).departs(day(14).and_time(hm(12, 0))),
        )
        .request(Request::new("JP", "CL", 1))
        .build()
        .unwrap();
    assert_eq!(summit.plan().unwrap().placed().len(), 1);
    // Arriving after the term ended: refused, naming the day of arrival.
    let err = two_days()
        .delegation(Delegation::new(minister("CL")))
        .delegation(
            Delegation::new(with_term("PE", day(1), day(14))).arrives(day(15).and_time(hm(9, 0))),
        )
        .build()
        .unwrap_err();
    assert_eq!(err.path(), "delegations[2].minister.posts[0].term");
    assert!(err.to_string().contains("2023-11-15"), "{err}");
}

#[test]
fn rooms_go_first_free_in_order_of_start() {
    // Three rooms, four one-slot meetings at 08:00 and 08:30 among six
    // delegations: rooms 0 and 1 at 08:00, then 0 and 1 again.
    let mut b = base()
        .room("Room 2")
        .room("Room 3")
        .delegation(Delegation::new(minister("MX")))
        .delegation(Delegation::new(minister("CA")))
        .delegation(Delegation::new(minister("AU")));
    for (x, y) in [("JP", "CL"), ("PE", "MX"), ("CA", "AU"), ("JP", "PE")] {
        b = b.request(Request::new(x, y, 1));
    }
    let summit = b.changeover(TimeDelta::zero()).build().unwrap();
    let plan = summit.plan().unwrap();
    let got: Vec<(usize, usize)> = plan.placed().iter().map(|p| (p.slot(), p.room())).collect();
    assert_eq!(got, [(0, 0), (0, 1), (0, 2), (1, 0)]);
}

#[test]
fn the_unga_instance_keeps_97_percent_of_its_bounds_and_beats_first_fit() {
    let summit = unga::unga(2023).unwrap();
    assert_eq!(summit.delegations().len(), unga::UNGA_DELEGATIONS);
    assert_eq!(summit.requests().len(), unga::UNGA_REQUESTS);
    assert_eq!(summit.rooms().len(), 25);
    let plan = summit.plan().unwrap();
    let greedy = summit.plan_first_fit().unwrap();
    let (bound, meetings) = (summit.upper_bound(), summit.meeting_bound());
    assert!(plan.placed_priority() <= bound && plan.placed().len() as u64 <= meetings);
    assert!(
        100 * plan.placed_priority() >= 97 * bound,
        "priority {} of bound {bound}",
        plan.placed_priority()
    );
    assert!(
        100 * plan.placed().len() as u64 >= 97 * meetings,
        "meetings {} of bound {meetings}",
        plan.placed().len()
    );
    assert!(plan.placed_priority() > greedy.placed_priority());
    assert!(plan.placed().len() > greedy.placed().len());
    // The same instance, the same plan.
    assert_eq!(unga::unga(2023).unwrap().plan().unwrap(), plan);
}
