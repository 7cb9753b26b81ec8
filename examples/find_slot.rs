//! When can the foreign ministers of Japan (Tokyo) and Chile (Santiago)
//! meet for 30 minutes in the week after their San Francisco meeting?
//!
//! Tokyo is 12 hours ahead of Santiago in November: their default working
//! hours (09:00–18:00, Monday to Friday) never overlap. The search says so,
//! with each minister's hours in UTC, and still offers the least bad slots;
//! then, with both accepting 07:00–22:00, it finds slots inside both days.
//!
//! Exit status: 0 when printed, 1 when the search cannot be built or the
//! output cannot be written (a closed pipe, a full disk), 2 for any
//! argument (it takes none).
//!
//! ```text
//! cargo run --example find_slot
//! ```
//!
//! With `--ics FILE --ics FILE ... [--from DATE --to DATE --minutes N]`, it
//! finds a slot for the owners of those iCalendar diaries instead (see
//! `support/ics_slots.rs`).

#[path = "support/output.rs"]
mod output;
#[allow(dead_code)]
#[path = "support/seed.rs"]
mod seed;

#[path = "support/ics_slots.rs"]
mod ics_slots;

use std::fmt::Write as _;
use std::process::ExitCode;

use chrono::{NaiveTime, TimeDelta, TimeZone, Utc};
use diplomeet::Minister;
use diplomeet::schedule::{Attendee, NoFitReason, SlotResult, SlotSearch, Weekend, WorkingHours};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

fn main() -> ExitCode {
    if let Some(code) = ics_slots::run_if_asked() {
        return ExitCode::from(u8::try_from(code).unwrap_or(1));
    }
    if let Some(a) = std::env::args().nth(1) {
        eprintln!("error: unknown argument {a:?}: find_slot takes none");
        return ExitCode::from(2);
    }
    match report() {
        Ok(text) => output::print(&text),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Both searches and their answers, as text.
fn report() -> Result<String> {
    let mut out = String::new();
    let kamikawa = seed::kamikawa()?;
    let van_klaveren = seed::van_klaveren()?;
    let from = Utc
        .with_ymd_and_hms(2023, 11, 20, 0, 0, 0)
        .single()
        .ok_or("no instant")?;
    let to = Utc
        .with_ymd_and_hms(2023, 11, 27, 0, 0, 0)
        .single()
        .ok_or("no instant")?;
    let half_hour = TimeDelta::try_minutes(30).ok_or("no duration")?;
    writeln!(
        out,
        "30 minutes for {} ({}) and {} ({}),",
        kamikawa.id(),
        kamikawa.home_zone().name(),
        van_klaveren.id(),
        van_klaveren.home_zone().name()
    )?;
    writeln!(out, "between {from} and {to}, on a 15-minute grid.")?;
    writeln!(
        out,
        "Day shifts are against Tokyo's date at the slot's start."
    )?;

    writeln!(out, "\n1. Default working hours")?;
    for m in [&kamikawa, &van_klaveren] {
        writeln!(
            out,
            "   {}: {} in {}",
            m.id(),
            WorkingHours::default_for(m.country()),
            m.home_zone().name()
        )?;
    }
    let search = SlotSearch::builder()
        .participant(kamikawa.clone())
        .participant(van_klaveren.clone())
        .window(from, to)
        .duration(half_hour)
        .limit(3)
        .build()?;
    write_result(&mut out, &search, &search.search())?;

    writeln!(out, "\n2. Both accept 07:00-22:00 on their working days")?;
    let seven = NaiveTime::from_hms_opt(7, 0, 0).ok_or("no time")?;
    let ten_pm = NaiveTime::from_hms_opt(22, 0, 0).ok_or("no time")?;
    let long_day = |m: &Minister| -> Result<Attendee> {
        let hours = WorkingHours::builder()
            .working_days(Weekend::of(m.country()), seven, ten_pm)
            .build()?;
        Ok(Attendee::new(m.clone()).hours(hours))
    };
    let search = SlotSearch::builder()
        .attendee(long_day(&kamikawa)?)
        .attendee(long_day(&van_klaveren)?)
        .window(from, to)
        .duration(half_hour)
        .limit(5)
        .build()?;
    write_result(&mut out, &search, &search.search())?;
    Ok(out)
}

fn write_result(out: &mut String, search: &SlotSearch, result: &SlotResult) -> std::fmt::Result {
    match result.reason() {
        None => writeln!(out, "   best slots, inside both ministers' working hours:")?,
        Some(reason) => {
            writeln!(out, "   no slot inside both ministers' working hours:")?;
            match reason {
                NoFitReason::NoCommonWorkingHours { hours, .. } => {
                    writeln!(out, "   the working hours never overlap; in UTC they are")?;
                    for h in hours {
                        writeln!(out, "     {}:", h.minister_id())?;
                        for (s, e) in h.intervals() {
                            writeln!(
                                out,
                                "       {}–{} UTC",
                                s.format("%a %Y-%m-%d %H:%M"),
                                e.format("%H:%M")
                            )?;
                        }
                    }
                }
                other => writeln!(out, "   {other}")?,
            }
            writeln!(
                out,
                "   least bad slots (least time outside working hours, then earliest):"
            )?;
        }
    }
    for (i, slot) in result.slots().iter().enumerate() {
        writeln!(
            out,
            "   #{} {}–{} UTC, outside hours: {} min",
            i + 1,
            slot.start().format("%a %Y-%m-%d %H:%M"),
            slot.end().format("%H:%M"),
            slot.outside_hours().num_minutes()
        )?;
        for p in search.participants(slot) {
            writeln!(
                out,
                "        {:<36} {} (outside: {} min)",
                p.minister_id(),
                p.clock(),
                p.outside_hours().num_minutes()
            )?;
        }
    }
    if result.slots().is_empty() {
        writeln!(out, "   no free slot at all")?;
    }
    Ok(())
}
