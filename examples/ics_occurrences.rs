//! Prints every busy occurrence in iCalendar files over a window.
//!
//! ```text
//! ics_occurrences --from 2026-01-01 --to 2026-12-31 [--zone ZONE] FILE...
//! ```
//!
//! The window is [FROM 00:00 UTC, TO 00:00 UTC). Every busy occurrence
//! (neither cancelled nor transparent) of every event of every FILE that
//! overlaps it is printed, one a line:
//!
//! ```text
//! START END UID
//! ```
//!
//! START and END as UTC RFC 3339 instants (`2026-03-09T00:00:00Z`), the UID
//! as the file gives it (TEXT escapes read; a character that would break
//! the line, such as an escaped newline, becomes a space; an event without
//! a UID prints an empty one). Lines are sorted by start, end, then UID, all
//! files together. An occurrence that lasts no time overlaps when its start
//! lies in the window. Recurring events are expanded in their own zones;
//! floating and all-day times are read in `--zone` (an IANA name; UTC when
//! absent). What a file skips (a malformed line, an unknown zone, a rule cut
//! at its limit) goes to standard error, prefixed with the file's name.
//! Options also take the form `--from=2026-01-01`.
//!
//! Exit status: 0 when the files were read (even with nothing busy, and
//! even if some of them could not be: each such file is named on standard
//! error); 1 when none could be (unreadable, or not a calendar), or when
//! standard output cannot be written (a closed pipe, a full disk); 2 for
//! bad arguments (an unknown option, a missing or malformed date, FROM not
//! before TO, an unknown `--zone`, no FILE). It never panics.

use std::io::Write;
use std::process::ExitCode;

use chrono::{DateTime, NaiveDate, NaiveTime, SecondsFormat, Utc};
use chrono_tz::Tz;
use diplomeet::Limits;
use diplomeet::ical::{IcsCalendar, Window};

const USAGE: &str =
    "usage: ics_occurrences --from YYYY-MM-DD --to YYYY-MM-DD [--zone ZONE] FILE...";

/// The command line, checked.
struct Args {
    window: Window,
    files: Vec<String>,
}

fn midnight(text: &str, what: &str) -> Result<DateTime<Utc>, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(|d| d.and_time(NaiveTime::MIN).and_utc())
        .map_err(|_| format!("{what} {text:?} is not a date (YYYY-MM-DD)"))
}

/// `Ok(None)` for `--help`.
fn parse_args(raw: impl IntoIterator<Item = String>) -> Result<Option<Args>, String> {
    let (mut from, mut to, mut zone) = (None, None, None);
    let mut files = Vec::new();
    let mut raw = raw.into_iter();
    let mut options_done = false;
    while let Some(arg) = raw.next() {
        if options_done || arg == "-" || !arg.starts_with('-') {
            files.push(arg);
            continue;
        }
        if arg == "--" {
            options_done = true;
            continue;
        }
        if arg == "-h" || arg == "--help" {
            return Ok(None);
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) => (n.to_owned(), Some(v.to_owned())),
            None => (arg.clone(), None),
        };
        let slot = match name.as_str() {
            "--from" => &mut from,
            "--to" => &mut to,
            "--zone" => &mut zone,
            _ => return Err(format!("unknown option {arg:?}")),
        };
        let value = inline
            .or_else(|| raw.next())
            .ok_or_else(|| format!("{name} needs a value"))?;
        if slot.replace(value).is_some() {
            return Err(format!("{name} given twice"));
        }
    }
    let from = midnight(&from.ok_or("--from is missing")?, "--from")?;
    let to = midnight(&to.ok_or("--to is missing")?, "--to")?;
    if from >= to {
        return Err("--from must be before --to".to_owned());
    }
    let floating = match zone {
        Some(z) => z
            .parse::<Tz>()
            .map_err(|_| format!("--zone {z:?} is not an IANA zone"))?,
        None => Tz::UTC,
    };
    if files.is_empty() {
        return Err("no FILE".to_owned());
    }
    let window = Window::new(from, to)
        .map_err(|e| e.to_string())?
        .with_floating_zone(floating);
    Ok(Some(Args { window, files }))
}

fn read(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes)
            .map_err(|e| format!("-: {e}"))?;
        Ok(bytes)
    } else {
        std::fs::read(path).map_err(|e| format!("{path}: {e}"))
    }
}

/// One output line: start, end and UID.
type Row = (DateTime<Utc>, DateTime<Utc>, String);

/// Reads each file and expands it; the rows, and whether any file was
/// read. Messages go to `err` (ignored if it cannot be written: the exit
/// status still tells).
fn run(args: &Args, err: &mut impl Write) -> (Vec<Row>, bool) {
    let limits = Limits::default();
    let mut rows = Vec::new();
    let mut any = false;
    for path in &args.files {
        let bytes = match read(path) {
            Ok(b) => b,
            Err(e) => {
                let _ = writeln!(err, "error: {e}");
                continue;
            }
        };
        let calendar = match IcsCalendar::parse_bytes(&bytes, &limits) {
            Ok(c) => c,
            Err(e) => {
                let _ = writeln!(err, "error: {path}: {e}");
                continue;
            }
        };
        any = true;
        for w in calendar.warnings() {
            let _ = writeln!(err, "{path}: {w}");
        }
        let occurrences = calendar.occurrences(&args.window);
        for w in occurrences.warnings() {
            let _ = writeln!(err, "{path}: {w}");
        }
        for o in occurrences.iter().filter(|o| o.is_busy()) {
            let uid: String = o
                .uid()
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            rows.push((o.start(), o.end(), uid));
        }
    }
    rows.sort();
    (rows, any)
}

fn main() -> ExitCode {
    let mut err = std::io::stderr().lock();
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(a)) => a,
        Ok(None) => {
            let mut out = std::io::stdout().lock();
            return match writeln!(out, "{USAGE}").and_then(|()| out.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(_) => ExitCode::FAILURE,
            };
        }
        Err(why) => {
            let _ = writeln!(err, "{USAGE}\nerror: {why}");
            return ExitCode::from(2);
        }
    };
    let (rows, any) = run(&args, &mut err);
    if !any {
        let _ = writeln!(err, "error: no file could be read");
        return ExitCode::FAILURE;
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = rows
        .iter()
        .try_for_each(|(s, e, uid)| {
            writeln!(
                out,
                "{} {} {uid}",
                s.to_rfc3339_opts(SecondsFormat::Secs, true),
                e.to_rfc3339_opts(SecondsFormat::Secs, true)
            )
        })
        .and_then(|()| out.flush());
    if let Err(e) = written {
        let _ = writeln!(err, "error: cannot write the output: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
