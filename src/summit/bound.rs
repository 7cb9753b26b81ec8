//! The upper bound: a Lagrangian (LP-dual) bound on the time-indexed
//! relaxation of the problem.
//!
//! # Why it is valid
//!
//! Write `x[r][s] = 1` when request `r` (priority `p[r]`, `k[r]` slots)
//! starts at slot `s`, one of its candidate starts (where both delegations
//! are available, inside its window and the event's hours). Every plan
//! satisfies:
//!
//! 1. `Σ_s x[r][s] ≤ 1` for every request (placed at most once);
//! 2. for every delegation `d` and slot `t`: the meetings of `d` covering `t`
//!    number at most 1;
//! 3. for every slot `t`: the meetings covering `t` number at most
//!    `cap[t] = min(rooms, ⌊free[t] / 2⌋)`, where `free[t]` counts the
//!    delegations available at `t` (each meeting needs a room and two of them).
//!
//! For any multipliers `μ[d][t] ≥ 0` on (2) and `λ[t] ≥ 0` on (3), adding
//! `μ·(1 − use)` and `λ·(cap − use)` (both `≥ 0` in any plan) to the plan's
//! priority and regrouping by request gives
//!
//! ```text
//! Σ p[r]·x[r][s]  ≤  Σ μ[d][t] + Σ cap[t]·λ[t]
//!                  + Σ_r max(0, max_s (p[r] − Σ_{u in s..s+k[r]} (λ[u] + μ[a][u] + μ[b][u])))
//! ```
//!
//! because each request contributes its reduced priority at its start if
//! placed, which is at most the best positive one. The right side is thus an
//! upper bound for *every* plan, for *any* non-negative multipliers (weak
//! duality); with all multipliers zero it is the total priority of the
//! requests that have a candidate start at all. The multipliers are improved
//! by subgradient steps, but validity never depends on how well: each
//! evaluation is done exactly, in integers (multipliers are multiples of
//! 2⁻¹⁶), and the smallest value seen, rounded down (priorities are whole
//! numbers), is reported. It is also never above the rooms' own bound: the
//! slots can hold `Σ cap[t]` meetings' slots in all, so no plan places more
//! priority than the best requests filling that many slot-units, the last
//! one counted fractionally (a knapsack's LP bound).
//!
//! # Cost
//!
//! One evaluation costs O(Σ candidate starts × length + delegations ×
//! slots); the steps stop after [`ITERATIONS`], when the bound meets the
//! plan's value, when the step size vanishes, or when [`WORK`] is spent:
//! a large instance gets fewer steps and a looser (still valid) bound.
//! Memory: four numbers per delegation and slot.

use super::grid::Grid;

/// Multipliers are integers in units of `1 / Q`.
const Q: i64 = 1 << 16;

/// Subgradient iterations at most.
const ITERATIONS: usize = 3000;

/// Work (candidate starts times lengths, plus delegation-slots) for all the
/// iterations together: the steps stop once it is spent.
const WORK: usize = 100_000_000;

/// Weight of the previous direction in the next one.
const DEFLECT: f64 = 0.5;

/// The bound: at least the value of any plan; `lower` (a plan's value) guides
/// the steps and stops them once reached. `prio` is each request's weight.
pub(crate) fn upper_bound(g: &Grid, prio: &[u64], rooms: usize, lower: u64) -> u64 {
    let total = g.total();
    let per_day = g.per_day.max(1);
    let nd = g.avail.len() / g.ndays.max(1);
    let available = |d: usize, t: usize| {
        g.avail
            .get(d * g.ndays + t / per_day)
            .is_some_and(|m| m >> (t % per_day) & 1 == 1)
    };
    let cap: Vec<i64> = (0..total)
        .map(|t| {
            let free = (0..nd).filter(|&d| available(d, t)).count();
            i64::try_from(rooms.min(free / 2)).unwrap_or(i64::MAX)
        })
        .collect();
    let per_iteration = g
        .ncands
        .iter()
        .zip(&g.needs)
        .map(|(c, n)| c.saturating_mul(n.len))
        .sum::<usize>()
        .saturating_add(nd.saturating_mul(total))
        .max(1);
    let iterations = (WORK / per_iteration).clamp(1, ITERATIONS);
    let pmax = prio.iter().copied().max().unwrap_or(0) as f64;
    let mut mu = vec![0f64; nd.saturating_mul(total)];
    let mut lam = vec![0f64; total];
    let mut mu_q = vec![0i64; mu.len()];
    let mut lam_q = vec![0i64; total];
    let mut use_d = vec![0i64; mu.len()];
    let mut use_t = vec![0i64; total];
    let mut dir_d = vec![0f64; mu.len()];
    let mut dir_t = vec![0f64; total];
    let mut best = rooms_bound(g, prio, &cap);
    let mut theta = 1.0f64;
    let mut stale = 0;
    for _ in 0..iterations {
        for (q, m) in mu_q.iter_mut().zip(&mu) {
            *q = (m * Q as f64).round().max(0.0) as i64;
        }
        for (q, l) in lam_q.iter_mut().zip(&lam) {
            *q = (l * Q as f64).round().max(0.0) as i64;
        }
        use_d.iter_mut().for_each(|u| *u = 0);
        use_t.iter_mut().for_each(|u| *u = 0);
        let mut val: i128 = mu_q.iter().map(|&m| i128::from(m)).sum::<i128>()
            + cap
                .iter()
                .zip(&lam_q)
                .map(|(&c, &l)| i128::from(c) * i128::from(l))
                .sum::<i128>();
        for (r, need) in g.needs.iter().enumerate() {
            let (a, b, k) = (need.a, need.b, need.len);
            let p = i128::from(prio.get(r).copied().unwrap_or(0)) * i128::from(Q);
            let mut top: Option<(i128, usize)> = None;
            for s in g.cands(r) {
                let mut red = p;
                for u in s..s + k {
                    red -= i128::from(lam_q.get(u).copied().unwrap_or(0))
                        + i128::from(mu_q.get(a * total + u).copied().unwrap_or(0))
                        + i128::from(mu_q.get(b * total + u).copied().unwrap_or(0));
                }
                if red > 0 && top.is_none_or(|(v, _)| red > v) {
                    top = Some((red, s));
                }
            }
            if let Some((v, s)) = top {
                val += v;
                for u in s..s + k {
                    for i in [a * total + u, b * total + u] {
                        if let Some(x) = use_d.get_mut(i) {
                            *x += 1;
                        }
                    }
                    if let Some(x) = use_t.get_mut(u) {
                        *x += 1;
                    }
                }
            }
        }
        let bound = u64::try_from(val.max(0) / i128::from(Q)).unwrap_or(u64::MAX);
        if bound < best {
            best = bound;
            stale = 0;
        } else {
            stale += 1;
            if stale >= 30 {
                theta /= 2.0;
                stale = 0;
            }
        }
        if best <= lower || theta < 1e-4 {
            break;
        }
        // Deflected subgradient step (Polyak, towards the plan's value).
        let gd = |i: usize| (1 - use_d.get(i).copied().unwrap_or(0)) as f64;
        let gt = |t: usize| {
            (cap.get(t).copied().unwrap_or(0) - use_t.get(t).copied().unwrap_or(0)) as f64
        };
        let mut norm = 0f64;
        for (i, (m, dir)) in mu.iter().zip(dir_d.iter_mut()).enumerate() {
            let x = gd(i) + DEFLECT * *dir;
            // Components that would push a zero multiplier negative do not move.
            *dir = if *m <= 0.0 && x > 0.0 { 0.0 } else { x };
            norm += *dir * *dir;
        }
        for (t, (l, dir)) in lam.iter().zip(dir_t.iter_mut()).enumerate() {
            let x = gt(t) + DEFLECT * *dir;
            *dir = if *l <= 0.0 && x > 0.0 { 0.0 } else { x };
            norm += *dir * *dir;
        }
        if norm <= 0.0 {
            break;
        }
        let gap = (val as f64 / Q as f64) - lower as f64;
        let step = theta * gap.max(1.0) / norm;
        for (m, dir) in mu.iter_mut().zip(&dir_d) {
            *m = (*m - step * dir).clamp(0.0, pmax);
        }
        for (l, dir) in lam.iter_mut().zip(&dir_t) {
            *l = (*l - step * dir).clamp(0.0, pmax);
        }
    }
    best
}

/// The rooms alone: at most `cap[t]` meetings in slot `t`, so the requests
/// that can be placed at all share `Σ cap` slot-units; the best priority per
/// unit first, the last one fractionally (a knapsack's LP bound), rounded down.
fn rooms_bound(g: &Grid, prio: &[u64], cap: &[i64]) -> u64 {
    let mut units: u64 = cap.iter().map(|&c| u64::try_from(c).unwrap_or(0)).sum();
    let mut items: Vec<(u64, u64)> = (0..prio.len())
        .filter(|&r| g.ncands.get(r).is_some_and(|&c| c > 0))
        .map(|r| {
            (
                prio.get(r).copied().unwrap_or(0),
                g.needs.get(r).map_or(1, |n| n.len) as u64,
            )
        })
        .collect();
    // Priority per unit, highest first: p1 / k1 > p2 / k2 ⇔ p1·k2 > p2·k1.
    items.sort_by(|&(p1, k1), &(p2, k2)| (p2 * k1).cmp(&(p1 * k2)));
    let mut total = 0u64;
    for (p, k) in items {
        if units == 0 {
            break;
        }
        if k <= units {
            total += p;
            units -= k;
        } else {
            total += p * units / k;
            units = 0;
        }
    }
    total
}
