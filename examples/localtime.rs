//! Resolves civil times in zones, one per line, as a filter.
//!
//! Each input line is `ZONE CIVIL POLICY`, separated by spaces or tabs:
//!
//! ```text
//! America/New_York 2026-03-08T02:30:00 earlier
//! ```
//!
//! where CIVIL is `YYYY-MM-DDTHH:MM[:SS[.fff]]` and POLICY one of `reject`,
//! `earlier`, `later`, `compatible`. Each input line gives exactly one output line:
//! the RFC 9557 string, or `error gap ...`, `error fold ...`, `error zone ...` (an
//! unknown zone) or `error input ...` (anything malformed, including a blank line
//! or one that is not UTF-8). It exits 0 at the end of the input, 1 when its
//! input or output fails (a full device, a closed pipe), and 2 when given an
//! argument: it takes none.
//!
//! ```text
//! $ printf 'America/New_York 2026-03-08T02:30:00 earlier\n' | cargo run --example localtime
//! 2026-03-08T01:30:00-05:00[America/New_York]
//! ```

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use diplomeet::time::{parse_civil, parse_zone};
use diplomeet::{Disambiguation, Error, ErrorKind, ZonedDateTime};

/// One line of output for one line of input.
fn answer(out: &mut impl Write, line: &[u8]) -> io::Result<()> {
    let Ok(line) = std::str::from_utf8(line) else {
        return writeln!(out, "error input line is not valid UTF-8");
    };
    let mut fields = line.split_ascii_whitespace();
    let (Some(zone), Some(civil), Some(policy), None) =
        (fields.next(), fields.next(), fields.next(), fields.next())
    else {
        let count = line.split_ascii_whitespace().count();
        if count == 0 {
            return writeln!(out, "error input empty line");
        }
        return writeln!(
            out,
            "error input expected 3 fields (ZONE CIVIL POLICY), found {count}"
        );
    };
    match resolve(zone, civil, policy) {
        Ok(zoned) => writeln!(out, "{zoned}"),
        Err(e) => {
            let class = match e.kind() {
                ErrorKind::Gap => "gap",
                ErrorKind::Fold => "fold",
                ErrorKind::UnknownZone => "zone",
                _ => "input",
            };
            writeln!(out, "error {class} {e}")
        }
    }
}

fn resolve(zone: &str, civil: &str, policy: &str) -> Result<ZonedDateTime, Error> {
    let zone = parse_zone(zone)?;
    let civil = parse_civil(civil)?;
    let policy: Disambiguation = policy.parse()?;
    ZonedDateTime::resolve(civil, zone, policy)
}

fn main() -> ExitCode {
    if let Some(arg) = std::env::args_os().nth(1) {
        eprintln!(
            "usage: localtime < LINES (each line ZONE CIVIL POLICY); it takes no argument, got {}",
            arg.to_string_lossy()
        );
        return ExitCode::from(2);
    }
    match filter() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Reads standard input to its end, one answer a line.
fn filter() -> io::Result<()> {
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut line = Vec::with_capacity(256);
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        let mut end = line.len();
        if line.get(..end).is_some_and(|l| l.ends_with(b"\n")) {
            end -= 1;
        }
        if line.get(..end).is_some_and(|l| l.ends_with(b"\r")) {
            end -= 1;
        }
        answer(&mut out, line.get(..end).unwrap_or_default())?;
    }
    out.flush()
}
