//! Plans bilateral meetings on the sidelines of a multilateral event.
//!
//! Without arguments: the 21 APEC economies over two days in San Francisco
//! (2023-11-14 and 15), a plenary every morning and on the second afternoon,
//! three rooms and about 60 requests (Japan-Chile among them). It prints each
//! room's grid, each delegation's day in venue time and home time, the
//! requests left out and why, then the summary line.
//!
//! With `--unga`: the generated UNGA-scale instance (193 delegations, four
//! days in New York, 25 rooms, 1,500 requests; fixed seed; see
//! `support/unga.rs`), summary and timing only; `--requests N` and
//! `--days D` change its size, and `--fine` gives it 128 five-minute slots
//! a day (the most a day may hold) instead of 16. With `--greedy` (alone or with `--unga`): the
//! same instance planned by a plain first-fit in request order, for
//! comparison. The last line is always `placed P of R requested meetings;
//! upper bound U`, with `U` the bound on the number of meetings.
//!
//! The principals are placeholders ("Minister Australia"), except Japan's
//! and Chile's foreign ministers of November 2023.
//!
//! Exit status: 0 when printed, 1 when the summit does not build or plan or
//! the output cannot be written (a closed pipe, a full disk), 2 for bad
//! arguments.
//!
//! ```text
//! cargo run --release --example summit
//! cargo run --release --example summit -- --unga
//! cargo run --release --example summit -- --unga --greedy
//! cargo run --release --example summit -- --unga --requests 10000 --days 31 --fine
//! ```

#[path = "support/output.rs"]
mod output;
#[path = "support/unga.rs"]
mod unga;

use std::fmt::Write as _;
use std::process::ExitCode;
use std::time::Instant;

use chrono::{NaiveDate, NaiveTime, TimeDelta};
use diplomeet::summit::{Delegation, Plan, Request, Summit};
use diplomeet::{Country, Minister, NameOrder, PersonName, Portfolio, Post, Venue};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// The 21 APEC member economies.
const APEC: [&str; 21] = [
    "AU", "BN", "CA", "CL", "CN", "HK", "ID", "JP", "KR", "MY", "MX", "NZ", "PG", "PE", "PH", "RU",
    "SG", "TW", "TH", "US", "VN",
];

/// What the command line asks for.
struct Args {
    unga: bool,
    greedy: bool,
    fine: bool,
    requests: usize,
    days: usize,
}

fn parse_args() -> std::result::Result<Args, String> {
    let mut args = Args {
        unga: false,
        greedy: false,
        fine: false,
        requests: unga::UNGA_REQUESTS,
        days: 4,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--unga" => args.unga = true,
            "--greedy" => args.greedy = true,
            "--fine" => args.fine = true,
            "--requests" | "--days" => {
                let n = it
                    .next()
                    .and_then(|v| v.parse::<usize>().ok())
                    .filter(|&n| n > 0)
                    .ok_or_else(|| format!("{a} needs a positive number"))?;
                if a == "--requests" {
                    args.requests = n;
                } else {
                    args.days = n;
                }
            }
            _ => {
                return Err(format!(
                    "unknown argument {a:?}: use --unga, --greedy, --requests N, --days D, --fine"
                ));
            }
        }
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    match report(&args) {
        Ok(text) => output::print(&text),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Builds and plans the summit; the whole output, as text.
fn report(args: &Args) -> Result<String> {
    let mut out = String::new();
    let started = Instant::now();
    let summit = if args.unga {
        unga::unga_with(2023, args.requests, args.days, args.fine)?
    } else {
        apec()?
    };
    let build_took = started.elapsed();
    let started = Instant::now();
    let plan = if args.greedy {
        summit.plan_first_fit()?
    } else {
        summit.plan()?
    };
    let took = started.elapsed();
    // The bounds are computed once, on first use, after the plan.
    let started = Instant::now();
    let (bound, meeting_bound) = (summit.upper_bound(), summit.meeting_bound());
    let bound_took = started.elapsed();
    if args.unga {
        writeln!(
            out,
            "{}: {} delegations, {} rooms, {} days, {} requests",
            summit.name(),
            summit.delegations().len(),
            summit.rooms().len(),
            summit.days().len(),
            summit.requests().len()
        )?;
        writeln!(out, "built in {:.1} ms", build_took.as_secs_f64() * 1e3)?;
        writeln!(
            out,
            "{} in {:.1} ms; {} idle gaps",
            if args.greedy { "first-fit" } else { "planner" },
            took.as_secs_f64() * 1e3,
            plan.idle_gaps()
        )?;
        writeln!(out, "bounds in {:.1} ms", bound_took.as_secs_f64() * 1e3)?;
        writeln!(
            out,
            "priority placed {} of {} requested; upper bound {} ({:.1}% of it)",
            plan.placed_priority(),
            plan.requested_priority(),
            bound,
            100.0 * plan.placed_priority() as f64 / bound.max(1) as f64,
        )?;
        writeln!(
            out,
            "meetings placed {} of {} requested; upper bound {} ({:.1}% of it)",
            plan.placed().len(),
            plan.requested(),
            meeting_bound,
            100.0 * plan.placed().len() as f64 / meeting_bound.max(1) as f64,
        )?;
    } else {
        print_grids(&mut out, &summit, &plan)?;
        print_days(&mut out, &summit, &plan)?;
        print_unplaced(&mut out, &summit, &plan)?;
        writeln!(
            out,
            "\npriority placed {} of {} requested; {} idle gaps",
            plan.placed_priority(),
            plan.requested_priority(),
            plan.idle_gaps()
        )?;
    }
    writeln!(out, "{plan}; upper bound {meeting_bound}")?;
    Ok(out)
}

fn code(summit: &Summit, d: usize) -> &str {
    summit
        .delegations()
        .get(d)
        .map_or("??", |d| d.country().alpha2())
}

fn pair(summit: &Summit, r: usize) -> String {
    match summit.request_delegations(r) {
        Some((a, b)) => format!("{}-{}", code(summit, a), code(summit, b)),
        None => "?".into(),
    }
}

/// Each room's grid: one line per slot, one column per room.
fn print_grids(out: &mut String, summit: &Summit, plan: &Plan) -> std::fmt::Result {
    let starts = summit.slot_starts();
    let rooms = summit.rooms();
    let per_day = summit.slots_per_day();
    for (di, day) in summit.days().iter().enumerate() {
        writeln!(
            out,
            "\n{} ({}), {}",
            summit.venue().place(),
            summit.venue().zone().name(),
            day
        )?;
        write!(out, "        ")?;
        for r in rooms {
            write!(out, "{r:<10}")?;
        }
        writeln!(out)?;
        for i in 0..per_day {
            let t = di * per_day + i;
            let Some((civil, usable)) = starts.get(t) else {
                continue;
            };
            write!(out, "  {}  ", civil.format("%H:%M"))?;
            for room in 0..rooms.len() {
                let cell = plan
                    .placed()
                    .iter()
                    .find(|p| p.room() == room && p.slot() <= t && t < p.slot() + p.slots());
                let text = match cell {
                    Some(p) if p.slot() == t => pair(summit, p.request()),
                    Some(_) => "  ''".to_owned(),
                    None if !usable => "plenary".to_owned(),
                    None => "  .".to_owned(),
                };
                write!(out, "{text:<10}")?;
            }
            writeln!(out)?;
        }
    }
    Ok(())
}

/// Each delegation's meetings, in venue time and in the principal's home time.
fn print_days(out: &mut String, summit: &Summit, plan: &Plan) -> Result<()> {
    writeln!(out, "\nDelegations' days (venue time -> home time)")?;
    for (d, delegation) in summit.delegations().iter().enumerate() {
        let home = delegation.minister().home_zone();
        writeln!(
            out,
            "\n{} ({}, home zone {}):",
            delegation.country().name(),
            code(summit, d),
            home.name()
        )?;
        let mine = plan.placed().iter().filter(|p| {
            summit
                .request_delegations(p.request())
                .is_some_and(|(a, b)| a == d || b == d)
        });
        for p in mine {
            let m = p.meeting();
            let (start, end) = (m.start()?, m.end()?);
            let local = m.local_time_in(home)?;
            let other = summit
                .request_delegations(p.request())
                .map(|(a, b)| if a == d { b } else { a })
                .map_or("??", |o| code(summit, o));
            let shift = match local.day_shift() {
                0 => String::new(),
                n => format!(" ({n:+} day)"),
            };
            writeln!(
                out,
                "  {} {}-{}  with {other:<3} in {:<7} | home {} {}-{}{}",
                start.date(),
                start.civil().format("%H:%M"),
                end.civil().format("%H:%M"),
                summit.rooms().get(p.room()).map_or("?", String::as_str),
                local.start().date(),
                local.start().civil().format("%H:%M"),
                local
                    .end()
                    .map_or_else(String::new, |e| e.civil().format("%H:%M").to_string()),
                shift
            )?;
        }
    }
    Ok(())
}

fn print_unplaced(out: &mut String, summit: &Summit, plan: &Plan) -> std::fmt::Result {
    if plan.unplaced().is_empty() {
        return Ok(());
    }
    writeln!(out, "\nLeft out:")?;
    for u in plan.unplaced() {
        let priority = summit
            .requests()
            .get(u.request())
            .map_or(0, Request::priority);
        let reason = match u.reason() {
            diplomeet::summit::UnplacedReason::CapacityExhausted { delegation } => format!(
                "{}'s time is taken by other meetings",
                code(summit, delegation)
            ),
            other => other.to_string(),
        };
        writeln!(
            out,
            "  {} (priority {priority}): {reason}",
            pair(summit, u.request())
        )?;
    }
    Ok(())
}

/// A small deterministic generator for the example's requests.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

fn minister(code: &str) -> Result<Minister> {
    let country = Country::from_code(code)?;
    let post = |title: &str| Post::new(Portfolio::ForeignAffairs, title);
    let m = match code {
        "JP" => {
            let name = PersonName::builder()
                .surname("Kamikawa")
                .given("Yoko")
                .order(NameOrder::SurnameFirst)
                .uppercase_surname(true)
                .build()?;
            Minister::builder(name, country)
                .honorific("Ms.")
                .post(post("Minister for Foreign Affairs")?)
                .build()?
        }
        "CL" => {
            let name = PersonName::builder()
                .given("Alberto Leo")
                .surname("van Klaveren")
                .second_surname("Stork")
                .build()?;
            Minister::builder(name, country)
                .honorific("H.E. Mr.")
                .post(post("Minister of Foreign Affairs")?)
                .build()?
        }
        _ => {
            let name = PersonName::builder()
                .given("Minister")
                .surname(country.name())
                .build()?;
            Minister::builder(name, country)
                .id(code.to_ascii_lowercase())
                .post(post("Minister of Foreign Affairs")?)
                .build()?
        }
    };
    Ok(m)
}

fn apec() -> Result<Summit> {
    let time = |h: u32, m: u32| NaiveTime::from_hms_opt(h, m, 0).ok_or("bad time");
    let day1 = NaiveDate::from_ymd_opt(2023, 11, 14).ok_or("bad date")?;
    let day2 = NaiveDate::from_ymd_opt(2023, 11, 15).ok_or("bad date")?;
    let venue = Venue::new(
        "Moscone Center, San Francisco",
        Country::from_code("US")?,
        chrono_tz::America::Los_Angeles,
    )?;
    let mut b = Summit::builder("APEC Ministerial Meeting", venue)
        .days([day1, day2])
        .hours(time(8, 0)?, time(18, 0)?)
        .slot(TimeDelta::try_minutes(30).ok_or("bad minutes")?)
        .changeover(TimeDelta::try_minutes(10).ok_or("bad minutes")?)
        .daily_block(time(10, 0)?, time(12, 0)?)
        .block(day2.and_time(time(14, 0)?), day2.and_time(time(16, 0)?))
        .room("Room 1")
        .room("Room 2")
        .room("Room 3");
    for code in APEC {
        let mut d = Delegation::new(minister(code)?);
        match code {
            // Late arrivals, early departures and fixed commitments.
            "RU" => d = d.arrives(day1.and_time(time(13, 0)?)),
            "MX" => d = d.departs(day2.and_time(time(12, 0)?)),
            "CN" => d = d.busy(day1.and_time(time(8, 0)?), day1.and_time(time(10, 0)?)),
            "US" => d = d.busy(day1.and_time(time(16, 0)?), day1.and_time(time(18, 0)?)),
            "PG" => d = d.arrives(day1.and_time(time(15, 0)?)),
            _ => {}
        }
        b = b.delegation(d);
    }
    b = b.request(
        Request::new("JP", "CL", 5)
            .window(day1.and_time(time(15, 0)?), day1.and_time(time(18, 0)?)),
    );
    b = b.request(Request::new("US", "CN", 5).slots(2));
    let mut rng = Lcg(14);
    let mut seen = vec![("JP", "CL"), ("US", "CN")];
    while seen.len() < 60 {
        let a = APEC
            .get(rng.below(21) as usize)
            .copied()
            .ok_or("bad index")?;
        let c = APEC
            .get(rng.below(21) as usize)
            .copied()
            .ok_or("bad index")?;
        if a == c
            || seen
                .iter()
                .any(|&(x, y)| (x, y) == (a, c) || (x, y) == (c, a))
        {
            continue;
        }
        seen.push((a, c));
        let priority = 1 + u32::try_from(rng.below(5))?;
        let slots = if rng.below(8) == 0 { 2 } else { 1 };
        b = b.request(Request::new(a, c, priority).slots(slots));
    }
    Ok(b.build()?)
}
