//! `find_slot --ics FILE --ics FILE ... [--from DATE --to DATE --minutes N]`:
//! a slot for the owners of iCalendar diaries.
//!
//! Each calendar is one participant: its owner is in the calendar's zone
//! (`X-WR-TIMEZONE`, else its first `TZID`; UTC when it names none), with
//! the default working hours of that zone's country (the country whose
//! capital is in the zone, else the first that has it; Monday to Friday
//! 09:00-18:00 when none does), and busy whenever the calendar has a busy
//! occurrence (recurring events expanded in their own zones). The search
//! runs over [FROM 00:00 UTC, TO 00:00 UTC) on a 15-minute grid for N
//! minutes (default 30). Without `--from`, the window starts on the first
//! Monday on or after the date (UTC) at which the last of the calendars
//! begins (its earliest event), and lasts a week (`--to` defaults to seven
//! days after FROM). This program never reads the clock.
//!
//! The slots are printed as the example prints them without arguments: the
//! best first, with each participant's local time. Exit status: 0 when the
//! search ran; 1 when a calendar cannot be read or the output cannot be
//! written; 2 for bad arguments (an unknown option, a missing value, a
//! malformed date, FROM not before TO, N not a whole number of minutes from
//! 1 to 1440, options without `--ics`). It never panics: every write is
//! checked.

use std::io::Write;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeDelta, Utc};
use chrono_tz::Tz;
use diplomeet::ical::{IcsCalendar, Window};
use diplomeet::schedule::{Attendee, NoFitReason, SlotResult, SlotSearch, Weekend, WorkingHours};
use diplomeet::{Country, Limits, Minister, PersonName, Portfolio, Post};

const USAGE: &str = "usage: find_slot [--ics FILE --ics FILE ... [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--minutes N]]";

/// The `--ics` command line, checked.
struct Args {
    files: Vec<String>,
    from: Option<DateTime<Utc>>,
    to: Option<DateTime<Utc>>,
    minutes: i64,
}

fn midnight(text: &str, what: &str) -> Result<DateTime<Utc>, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(|d| d.and_time(NaiveTime::MIN).and_utc())
        .map_err(|_| format!("{what} {text:?} is not a date (YYYY-MM-DD)"))
}

fn parse_args(raw: Vec<String>) -> Result<Args, String> {
    let mut args = Args {
        files: Vec::new(),
        from: None,
        to: None,
        minutes: 30,
    };
    let mut minutes_given = false;
    let mut raw = raw.into_iter();
    while let Some(arg) = raw.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_owned(), Some(v.to_owned())),
            _ => (arg.clone(), None),
        };
        if !matches!(name.as_str(), "--ics" | "--from" | "--to" | "--minutes") {
            return Err(format!("unknown argument {arg:?}"));
        }
        let value = inline
            .or_else(|| raw.next())
            .ok_or_else(|| format!("{name} needs a value"))?;
        match name.as_str() {
            "--ics" => args.files.push(value),
            "--from" if args.from.is_none() => args.from = Some(midnight(&value, "--from")?),
            "--to" if args.to.is_none() => args.to = Some(midnight(&value, "--to")?),
            "--minutes" if !minutes_given => {
                minutes_given = true;
                args.minutes = value
                    .parse()
                    .ok()
                    .filter(|n| (1..=1440).contains(n))
                    .ok_or_else(|| {
                        format!("--minutes {value:?} is not a whole number from 1 to 1440")
                    })?;
            }
            _ => return Err(format!("{name} given twice")),
        }
    }
    if args.files.is_empty() {
        return Err("no --ics FILE".to_owned());
    }
    if let (Some(f), Some(t)) = (args.from, args.to) {
        if f >= t {
            return Err("--from must be before --to".to_owned());
        }
    }
    Ok(args)
}

/// The country of a zone: the one whose capital is there, else the first
/// that has the zone; a user-assigned actor (`ZZ`) for a zone no country
/// uses (UTC, `Etc/GMT+5`).
fn country_of(zone: Tz) -> Result<Country, String> {
    if let Some(c) = Country::all().find(|c| c.capital_zone() == zone) {
        return Ok(c);
    }
    if let Some(c) = Country::all().find(|c| c.has_zone(zone)) {
        return Ok(c);
    }
    Country::builder("ZZ")
        .name(format!("no country ({})", zone.name()))
        .capital_zone(zone)
        .build()
        .map_err(|e| e.to_string())
}

/// A participant id from a file name: its stem, white space and control
/// characters as `-`.
fn id_of(path: &str, taken: &[String]) -> String {
    let stem = std::path::Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut id: String = stem
        .chars()
        .map(|c| {
            if c.is_whitespace() || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .take(60)
        .collect();
    if id.is_empty() {
        id = "calendar".to_owned();
    }
    let base = id.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// One diary's owner, as a participant.
struct Owner {
    minister: Minister,
    hours: WorkingHours,
    calendar: IcsCalendar,
}

fn owner(path: &str, taken: &[String], err: &mut impl Write) -> Result<Owner, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let calendar =
        IcsCalendar::parse_bytes(&bytes, &Limits::default()).map_err(|e| format!("{path}: {e}"))?;
    for w in calendar.warnings() {
        let _ = writeln!(err, "{path}: {w}");
    }
    let zone = calendar.zone().unwrap_or(Tz::UTC);
    let country = country_of(zone)?;
    let hours = if country.is_builtin() {
        WorkingHours::default_for(&country)
    } else {
        let nine = NaiveTime::from_hms_opt(9, 0, 0).ok_or("no time")?;
        let six = NaiveTime::from_hms_opt(18, 0, 0).ok_or("no time")?;
        WorkingHours::builder()
            .working_days(Weekend::default(), nine, six)
            .build()
            .map_err(|e| e.to_string())?
    };
    let id = id_of(path, taken);
    let shown: String = calendar.name().unwrap_or(&id).chars().take(150).collect();
    let name = PersonName::builder()
        .given(if shown.trim().is_empty() {
            id.as_str()
        } else {
            shown.as_str()
        })
        .build()
        .map_err(|e| format!("{path}: {e}"))?;
    let minister = Minister::builder(name, country)
        .id(id)
        .home_zone(zone)
        .post(
            Post::new(Portfolio::Other, "Owner of the diary")
                .and_then(|p| p.with_portfolio_name("diary owner"))
                .map_err(|e| e.to_string())?,
        )
        .build()
        .map_err(|e| format!("{path}: {e}"))?;
    Ok(Owner {
        minister,
        hours,
        calendar,
    })
}

/// The default window: a week from the first Monday on or after the day
/// the last calendar begins.
fn default_from(owners: &[Owner]) -> Option<DateTime<Utc>> {
    let latest = owners
        .iter()
        .filter_map(|o| o.calendar.first_start(o.minister.home_zone()))
        .max()?;
    let mut day = latest.date_naive();
    while day.weekday() != chrono::Weekday::Mon {
        day = day.succ_opt()?;
    }
    Some(day.and_time(NaiveTime::MIN).and_utc())
}

/// What the search found: the owners, the window and the result.
type Found = (
    Vec<Owner>,
    DateTime<Utc>,
    DateTime<Utc>,
    SlotSearch,
    SlotResult,
);

fn search(args: &Args, err: &mut impl Write) -> Result<Found, (i32, String)> {
    let mut owners: Vec<Owner> = Vec::new();
    for path in &args.files {
        let taken: Vec<String> = owners.iter().map(|o| o.minister.id().to_owned()).collect();
        owners.push(owner(path, &taken, err).map_err(|e| (1, e))?);
    }
    let from = match args.from.or_else(|| default_from(&owners)) {
        Some(f) => f,
        None => {
            return Err((
                1,
                "no calendar has an event: give --from and --to".to_owned(),
            ));
        }
    };
    let to = match args.to {
        Some(t) => t,
        None => TimeDelta::try_days(7)
            .and_then(|d| from.checked_add_signed(d))
            .ok_or((2, "--from is out of range".to_owned()))?,
    };
    if from >= to {
        return Err((2, "--from must be before --to".to_owned()));
    }
    let window = Window::new(from, to).map_err(|e| (2, e.to_string()))?;
    let duration = TimeDelta::try_minutes(args.minutes).ok_or((2, "bad --minutes".to_owned()))?;
    let mut builder = SlotSearch::builder()
        .window(from, to)
        .duration(duration)
        .limit(5);
    for o in &owners {
        builder = builder.attendee(Attendee::new(o.minister.clone()).hours(o.hours.clone()));
    }
    for o in &owners {
        let w = window.with_floating_zone(o.minister.home_zone());
        let occurrences = o.calendar.occurrences(&w);
        for warning in occurrences.warnings() {
            let _ = writeln!(err, "{}: {warning}", o.minister.id());
        }
        for (s, e) in occurrences.busy() {
            builder = builder.busy(o.minister.id(), s, e);
        }
    }
    let search = builder.build().map_err(|e| (2, e.to_string()))?;
    let result = search.search();
    Ok((owners, from, to, search, result))
}

fn report(
    out: &mut impl Write,
    owners: &[Owner],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    minutes: i64,
    search: &SlotSearch,
    result: &SlotResult,
) -> std::io::Result<()> {
    let who: Vec<String> = owners
        .iter()
        .map(|o| format!("{} ({})", o.minister.id(), o.minister.home_zone().name()))
        .collect();
    writeln!(out, "{minutes} minutes for {},", who.join(" and "))?;
    writeln!(
        out,
        "between {from} and {to}, on a 15-minute grid, around their calendars' busy times."
    )?;
    writeln!(out, "\nDefault working hours")?;
    for o in owners {
        writeln!(
            out,
            "   {}: {} in {}",
            o.minister.id(),
            o.hours,
            o.minister.home_zone().name()
        )?;
    }
    match result.reason() {
        None => writeln!(
            out,
            "   best slots, inside every participant's working hours:"
        )?,
        Some(reason) => {
            writeln!(out, "   no slot inside every participant's working hours:")?;
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
    out.flush()
}

/// `None` when the program was run without arguments (the example's own
/// demonstration); otherwise runs the `--ics` search and gives the exit
/// status.
pub fn run_if_asked() -> Option<i32> {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    if raw.is_empty() {
        return None;
    }
    let mut err = std::io::stderr().lock();
    if raw.iter().any(|a| a == "-h" || a == "--help") {
        let mut out = std::io::stdout().lock();
        return Some(match writeln!(out, "{USAGE}").and_then(|()| out.flush()) {
            Ok(()) => 0,
            Err(_) => 1,
        });
    }
    let args = match parse_args(raw) {
        Ok(a) => a,
        Err(why) => {
            let _ = writeln!(err, "{USAGE}\nerror: {why}");
            return Some(2);
        }
    };
    let (owners, from, to, slot_search, result) = match search(&args, &mut err) {
        Ok(found) => found,
        Err((code, why)) => {
            let _ = writeln!(err, "error: {why}");
            return Some(code);
        }
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match report(
        &mut out,
        &owners,
        from,
        to,
        args.minutes,
        &slot_search,
        &result,
    ) {
        Ok(()) => Some(0),
        Err(e) => {
            let _ = writeln!(err, "error: cannot write the output: {e}");
            Some(1)
        }
    }
}
