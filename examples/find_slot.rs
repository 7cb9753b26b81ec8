//! When can the foreign ministers of Japan (Tokyo) and Chile (Santiago)
//! meet for 30 minutes in the week after their San Francisco meeting?
//!
//! Tokyo is 12 hours ahead of Santiago in November: their default working
//! hours (09:00–18:00, Monday to Friday) never overlap. The search says so,
//! with each minister's hours in UTC, and still offers the least bad slots;
//! then, with both accepting 07:00–22:00, it finds slots inside both days.
//!
//! ```text
//! cargo run --example find_slot
//! ```
//!
//! With `--ics FILE --ics FILE ... [--from DATE --to DATE --minutes N]`, it
//! finds a slot for the owners of those iCalendar diaries instead (see
//! `support/ics_slots.rs`).

#[allow(dead_code)]
#[path = "support/seed.rs"]
mod seed;

#[path = "support/ics_slots.rs"]
mod ics_slots;

use chrono::{NaiveTime, TimeDelta, TimeZone, Utc};
use diplomeet::Minister;
use diplomeet::schedule::{Attendee, NoFitReason, SlotResult, SlotSearch, Weekend, WorkingHours};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

fn main() -> Result<()> {
    if let Some(code) = ics_slots::run_if_asked() {
        std::process::exit(code);
    }
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
    println!(
        "30 minutes for {} ({}) and {} ({}),",
        kamikawa.id(),
        kamikawa.home_zone().name(),
        van_klaveren.id(),
        van_klaveren.home_zone().name()
    );
    println!("between {from} and {to}, on a 15-minute grid.");
    println!("Day shifts are against Tokyo's date at the slot's start.");

    println!("\n1. Default working hours");
    for m in [&kamikawa, &van_klaveren] {
        println!(
            "   {}: {} in {}",
            m.id(),
            WorkingHours::default_for(m.country()),
            m.home_zone().name()
        );
    }
    let result = SlotSearch::builder()
        .participant(kamikawa.clone())
        .participant(van_klaveren.clone())
        .window(from, to)
        .duration(half_hour)
        .limit(3)
        .build()?
        .search();
    report(&result);

    println!("\n2. Both accept 07:00-22:00 on their working days");
    let seven = NaiveTime::from_hms_opt(7, 0, 0).ok_or("no time")?;
    let ten_pm = NaiveTime::from_hms_opt(22, 0, 0).ok_or("no time")?;
    let long_day = |m: &Minister| -> Result<Attendee> {
        let hours = WorkingHours::builder()
            .working_days(Weekend::of(m.country()), seven, ten_pm)
            .build()?;
        Ok(Attendee::new(m.clone()).hours(hours))
    };
    let result = SlotSearch::builder()
        .attendee(long_day(&kamikawa)?)
        .attendee(long_day(&van_klaveren)?)
        .window(from, to)
        .duration(half_hour)
        .limit(5)
        .build()?
        .search();
    report(&result);
    Ok(())
}

fn report(result: &SlotResult) {
    match result.reason() {
        None => println!("   best slots, inside both ministers' working hours:"),
        Some(reason) => {
            println!("   no slot inside both ministers' working hours:");
            match reason {
                NoFitReason::NoCommonWorkingHours { hours, .. } => {
                    println!("   the working hours never overlap; in UTC they are");
                    for h in hours {
                        println!("     {}:", h.minister_id());
                        for (s, e) in h.intervals() {
                            println!(
                                "       {}–{} UTC",
                                s.format("%a %Y-%m-%d %H:%M"),
                                e.format("%H:%M")
                            );
                        }
                    }
                }
                other => println!("   {other}"),
            }
            println!("   least bad slots (least time outside working hours, then earliest):");
        }
    }
    for (i, slot) in result.slots().iter().enumerate() {
        println!(
            "   #{} {}–{} UTC, outside hours: {} min",
            i + 1,
            slot.start().format("%a %Y-%m-%d %H:%M"),
            slot.end().format("%H:%M"),
            slot.outside_hours().num_minutes()
        );
        for p in slot.participants() {
            println!(
                "        {:<36} {} (outside: {} min)",
                p.minister_id(),
                p.clock(),
                p.outside_hours().num_minutes()
            );
        }
    }
    if result.slots().is_empty() {
        println!("   no free slot at all");
    }
}
