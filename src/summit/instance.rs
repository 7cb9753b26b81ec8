//! A generated UNGA-scale instance, for the example, the bench and tests.

use chrono::{NaiveDate, NaiveTime, TimeDelta};

use crate::error::{Detail, Error};
use crate::{Country, Minister, PersonName, Portfolio, Post, Venue};

use super::input::{Delegation, Request, Summit};

/// SplitMix64: a small, fast, fixed generator (the instance must not change
/// with a dependency's version).
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..=hi`.
    pub(crate) fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
}

fn bad(what: &str) -> Error {
    Error::new(Detail::Inconsistent(format!(
        "the generated instance has no {what}"
    )))
}

/// The number of requests [`unga`] generates.
pub const UNGA_REQUESTS: usize = 1500;

/// A generated instance on the scale of the UN General Assembly's
/// high-level week, the same for the same `seed`: 193 delegations (the first
/// 193 built-in countries with a formal name, in code order) in New York,
/// four days from 2023-09-19, 30-minute slots with 10-minute changeovers from
/// 08:00 to 19:00, a plenary 10:00-13:00 every day, 25 rooms, and 1,500
/// requests with heavy-tailed degrees: 20 delegations with 40 to 60 requests
/// each, the others 3 to 15 (raised at random to reach 1,500). Priorities run
/// 1 to 5 (lower ones more common), one request in ten lasts two slots, and
/// each delegation is busy, in random blocks of one to three hours, for at
/// least a fifth of the event's hours.
///
/// # Errors
///
/// None in practice: the instance is built through the public builders.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let summit = diplomeet::summit::unga(2023)?;
/// assert_eq!(summit.delegations().len(), 193);
/// assert_eq!(summit.requests().len(), 1500);
/// assert_eq!(summit.rooms().len(), 25);
/// # Ok(())
/// # }
/// ```
pub fn unga(seed: u64) -> Result<Summit, Error> {
    let mut rng = Rng(seed);
    let countries: Vec<Country> = Country::all()
        .filter(Country::has_formal_name)
        .take(193)
        .collect();
    let n = countries.len();
    let us = Country::from_code("US")?;
    let venue = Venue::new(
        "United Nations Headquarters, New York",
        us,
        chrono_tz::America::New_York,
    )?;
    let first = NaiveDate::from_ymd_opt(2023, 9, 19).ok_or_else(|| bad("first day"))?;
    let days: Vec<NaiveDate> = first.iter_days().take(4).collect();
    let time = |h: u32, m: u32| NaiveTime::from_hms_opt(h, m, 0).ok_or_else(|| bad("time"));
    let minutes = |m: i64| TimeDelta::try_minutes(m).ok_or_else(|| bad("duration"));
    let mut b = Summit::builder(
        "General Debate of the 78th session of the UN General Assembly",
        venue,
    )
    .days(days.iter().copied())
    .hours(time(8, 0)?, time(19, 0)?)
    .slot(minutes(30)?)
    .changeover(minutes(10)?)
    .daily_block(time(10, 0)?, time(13, 0)?);
    for i in 1..=25 {
        b = b.room(format!("Bilateral Room {i}"));
    }
    // A fifth of 4 × 11 hours, in minutes.
    let fifth = 4 * 11 * 60 / 5;
    for c in &countries {
        let name = PersonName::builder()
            .given("Minister")
            .surname(c.name())
            .build()?;
        let minister = Minister::builder(name, c.clone())
            .id(c.alpha2().to_ascii_lowercase())
            .post(Post::new(
                Portfolio::ForeignAffairs,
                "Minister for Foreign Affairs",
            )?)
            .build()?;
        let mut d = Delegation::new(minister);
        let mut busy = 0;
        while busy < fifth {
            let len = rng.range(3, 9) * 20;
            let day = days
                .get(rng.range(0, 3) as usize)
                .copied()
                .ok_or_else(|| bad("day"))?;
            let latest = (11 * 60 - len) / 20;
            let from = day
                .and_time(time(8, 0)?)
                .checked_add_signed(minutes(
                    i64::try_from(rng.range(0, latest) * 20).unwrap_or(0),
                )?)
                .ok_or_else(|| bad("block start"))?;
            let to = from
                .checked_add_signed(minutes(i64::try_from(len).unwrap_or(0))?)
                .ok_or_else(|| bad("block end"))?;
            d = d.busy(from, to);
            busy += len;
        }
        b = b.delegation(d);
    }
    // Degrees: 20 hubs, 40-60; the rest 3-15; raised at random to 2 × 1,500.
    let mut hubs: Vec<usize> = (0..n).collect();
    for i in (1..hubs.len()).rev() {
        let j = rng.range(0, i as u64) as usize;
        hubs.swap(i, j);
    }
    hubs.truncate(20);
    let mut max_deg = vec![15u64; n];
    let mut deg: Vec<u64> = (0..n).map(|_| rng.range(3, 15)).collect();
    for &h in &hubs {
        if let (Some(d), Some(m)) = (deg.get_mut(h), max_deg.get_mut(h)) {
            *d = rng.range(40, 60);
            *m = 60;
        }
    }
    let target = 2 * UNGA_REQUESTS as u64;
    while deg.iter().sum::<u64>() < target {
        let i = rng.range(0, n as u64 - 1) as usize;
        if let (Some(d), Some(m)) = (deg.get_mut(i), max_deg.get(i)) {
            if *d < *m {
                *d += 1;
            }
        }
    }
    // Pairs: random matching of the degree stubs, without repeats.
    let mut stubs: Vec<usize> = deg
        .iter()
        .enumerate()
        .flat_map(|(i, &d)| std::iter::repeat_n(i, d as usize))
        .collect();
    let mut seen = std::collections::HashSet::new();
    let mut pairs = Vec::with_capacity(UNGA_REQUESTS);
    for _ in 0..20 {
        for i in (1..stubs.len()).rev() {
            let j = rng.range(0, i as u64) as usize;
            stubs.swap(i, j);
        }
        let mut left = Vec::new();
        for two in stubs.chunks(2) {
            if let [a, b] = two {
                let key = ((*a).min(*b), (*a).max(*b));
                if a != b && pairs.len() < UNGA_REQUESTS && seen.insert(key) {
                    pairs.push(key);
                } else {
                    left.extend([*a, *b]);
                }
            }
        }
        stubs = left;
        if pairs.len() >= UNGA_REQUESTS {
            break;
        }
    }
    while pairs.len() < UNGA_REQUESTS {
        let a = rng.range(0, n as u64 - 1) as usize;
        let b = rng.range(0, n as u64 - 1) as usize;
        let key = (a.min(b), a.max(b));
        if a != b && seen.insert(key) {
            pairs.push(key);
        }
    }
    for (a, c) in pairs {
        let code = |i: usize| {
            countries
                .get(i)
                .map(|c| c.alpha2().to_owned())
                .ok_or_else(|| bad("country"))
        };
        let priority = match rng.range(0, 99) {
            0..=34 => 1,
            35..=59 => 2,
            60..=79 => 3,
            80..=91 => 4,
            _ => 5,
        };
        let slots = if rng.range(0, 9) == 0 { 2 } else { 1 };
        b = b.request(Request::new(code(a)?, code(c)?, priority).slots(slots));
    }
    b.build()
}
