//! A generated instance on the scale of the UN General Assembly's high-level
//! week, for the summit example, the summit bench and the tests (included
//! with `#[path = "..."] mod unga;`; not part of the library).
//!
//! Everything is built through the public builders, from a fixed generator,
//! so that the instance never changes with a dependency's version.

#![allow(dead_code)]

use chrono::{NaiveDate, NaiveTime, TimeDelta};
use diplomeet::summit::{Delegation, Request, Summit};
use diplomeet::{Country, Minister, PersonName, Portfolio, Post, Venue};

/// The number of requests of the reference instance, [`unga`].
pub const UNGA_REQUESTS: usize = 1500;

/// The number of delegations.
pub const UNGA_DELEGATIONS: usize = 193;

/// SplitMix64: a small, fast, fixed generator.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
}

type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

fn bad(what: &str) -> Box<dyn std::error::Error + Send + Sync> {
    format!("the generated instance has no {what}").into()
}

/// The reference instance: [`unga_with`] with [`UNGA_REQUESTS`] requests over
/// four days, on the standard grid.
pub fn unga(seed: u64) -> Result<Summit> {
    unga_with(seed, UNGA_REQUESTS, 4, false)
}

/// A generated instance, the same for the same arguments: 193 delegations
/// (the first 193 built-in countries with a formal name, in code order) in
/// New York, `days` days from 2023-09-19, 30-minute slots with 10-minute
/// changeovers from 08:00 to 19:00 (16 a day; with `fine`, 5-minute slots
/// without changeovers from 08:00 to 18:40, the 128 a day that
/// `MAX_SLOTS_PER_DAY` allows), a plenary 10:00-13:00 every day, 25
/// rooms, and `requests` requests with heavy-tailed degrees: for 1,500
/// requests, 20 delegations with 40 to 60 requests each and the others 3 to
/// 15, raised at random to reach the number (the ranges scale with the
/// number of requests; no delegation has more requests than partners).
/// Priorities run 1 to 5 (lower ones more common), one request in ten lasts
/// two slots, and each delegation is busy, in random blocks of one to three
/// hours, for at least a fifth of the event's hours.
///
/// Days and requests beyond the default [`Limits`](diplomeet::Limits) are
/// allowed by raising those limits; [`unga_within_limits`] keeps them.
pub fn unga_with(seed: u64, requests: usize, days: usize, fine: bool) -> Result<Summit> {
    generate(seed, requests, days, fine, true)
}

/// The instance of [`unga_with`], built with the default
/// [`Limits`](diplomeet::Limits) whatever its size: over them, the error of
/// the summit's builder (as a program that takes its sizes from outside
/// would see it).
pub fn unga_within_limits(seed: u64, requests: usize, days: usize, fine: bool) -> Result<Summit> {
    generate(seed, requests, days, fine, false)
}

fn generate(seed: u64, requests: usize, days: usize, fine: bool, raise: bool) -> Result<Summit> {
    let mut rng = Rng(seed);
    let countries: Vec<Country> = Country::all()
        .filter(Country::has_formal_name)
        .take(UNGA_DELEGATIONS)
        .collect();
    let n = countries.len();
    let pairs_possible = n * (n - 1) / 2;
    if requests > pairs_possible {
        return Err(format!("at most {pairs_possible} distinct pairs").into());
    }
    let venue = Venue::new(
        "United Nations Headquarters, New York",
        Country::from_code("US")?,
        chrono_tz::America::New_York,
    )?;
    let first = NaiveDate::from_ymd_opt(2023, 9, 19).ok_or_else(|| bad("first day"))?;
    let day_list: Vec<NaiveDate> = first.iter_days().take(days).collect();
    let time = |h: u32, m: u32| NaiveTime::from_hms_opt(h, m, 0).ok_or_else(|| bad("time"));
    let minutes = |m: i64| TimeDelta::try_minutes(m).ok_or_else(|| bad("duration"));
    let mut b = Summit::builder(
        "General Debate of the 78th session of the UN General Assembly",
        venue,
    )
    .days(day_list.iter().copied())
    .daily_block(time(10, 0)?, time(13, 0)?);
    b = if fine {
        b.hours(time(8, 0)?, time(18, 40)?)
            .slot(minutes(5)?)
            .changeover(minutes(0)?)
    } else {
        b.hours(time(8, 0)?, time(19, 0)?)
            .slot(minutes(30)?)
            .changeover(minutes(10)?)
    };
    // Beyond the default limits only when asked for.
    let limits = diplomeet::Limits::default();
    if raise && (days > limits.max_summit_days() || requests > limits.max_plan_requests()) {
        b = b.limits(
            limits
                .with_max_plan_requests(requests.max(limits.max_plan_requests()))
                .with_max_summit_days(days)
                .with_max_summit_slots(days * 128),
        );
    }
    for i in 1..=25 {
        b = b.room(format!("Bilateral Room {i}"));
    }
    // A fifth of the event's hours, in minutes.
    let fifth = days as u64 * 11 * 60 / 5;
    let last_day = days.saturating_sub(1) as u64;
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
            let day = day_list
                .get(rng.range(0, last_day) as usize)
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
    // Degrees: 20 hubs and the rest, the ranges scaled from 1,500 requests
    // (hubs 40-60, others 3-15), then raised at random to 2 × `requests`.
    let scale = |x: u64| (x * requests as u64 / UNGA_REQUESTS as u64).clamp(1, n as u64 - 1);
    let mut hubs: Vec<usize> = (0..n).collect();
    for i in (1..hubs.len()).rev() {
        let j = rng.range(0, i as u64) as usize;
        hubs.swap(i, j);
    }
    hubs.truncate(20);
    let mut max_deg = vec![scale(15); n];
    let mut deg: Vec<u64> = (0..n).map(|_| rng.range(scale(3), scale(15))).collect();
    for &h in &hubs {
        if let (Some(d), Some(m)) = (deg.get_mut(h), max_deg.get_mut(h)) {
            *d = rng.range(scale(40), scale(60));
            *m = scale(60);
        }
    }
    let target = 2 * requests as u64;
    let most: u64 = max_deg.iter().sum();
    while deg.iter().sum::<u64>() < target.min(most) {
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
    let mut pairs = Vec::with_capacity(requests);
    for _ in 0..20 {
        for i in (1..stubs.len()).rev() {
            let j = rng.range(0, i as u64) as usize;
            stubs.swap(i, j);
        }
        let mut left = Vec::new();
        for two in stubs.chunks(2) {
            if let [a, b] = two {
                let key = ((*a).min(*b), (*a).max(*b));
                if a != b && pairs.len() < requests && seen.insert(key) {
                    pairs.push(key);
                } else {
                    left.extend([*a, *b]);
                }
            }
        }
        stubs = left;
        if pairs.len() >= requests {
            break;
        }
    }
    while pairs.len() < requests {
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
    Ok(b.build()?)
}
