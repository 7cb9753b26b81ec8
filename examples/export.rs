//! Exports meeting JSON documents to iCalendar, schema.org JSON-LD, PLOVER,
//! CAMEO or readout text.
//!
//! ```text
//! export --format ics|jsonld|plover|cameo|readout [--zone ZONE] [--now RFC3339] FILE...
//! ```
//!
//! Each FILE is a meeting JSON document, as `japan_chile_2023 --json` prints
//! it, or a JSON array of documents, as `ingest` prints a page that reports
//! several meetings (`-` reads standard input). Every file is read and checked before
//! anything is written, and the chosen format goes to standard output:
//!
//! * `ics`: one VCALENDAR holding every meeting, in the order of the files.
//!   `DTSTAMP` is `--now` (an RFC 3339 time, such as
//!   `2023-11-14T00:00:00Z`); without it, the Unix epoch
//!   (`19700101T000000Z`), so that the output depends on the input alone:
//!   this program never reads the clock.
//! * `jsonld`: with one meeting, its schema.org `Event` document; with
//!   several, a JSON array of them, in the order of the files.
//! * `plover`: the PLOVER records of every meeting, one JSON object a line
//!   (JSON Lines).
//! * `cameo`: the CAMEO events of every meeting, one a line, tab-separated.
//! * `readout`: each meeting's readout text, with times also given in ZONE
//!   (`--zone`, an IANA name such as `Asia/Tokyo`; by default each meeting's
//!   first participant's home zone). Several readouts are separated by one
//!   blank line.
//!
//! `--zone` is only read by `readout`, `--now` only by `ics`; both are
//! checked whatever the format. Options also take the form `--format=ics`.
//!
//! Exit status: 0 when everything was written; 1 for bad input, with the
//! error on standard error and nothing on standard output: a file that
//! cannot be read, a document that is not valid (every violation is listed,
//! with its path), an unknown `--format`, a `--zone` that is not an IANA
//! zone, a `--now` that is not RFC 3339, or an exporter's error; 2 for a
//! malformed command line (an unknown option, an option without its value or
//! given twice, no `--format`, no FILE). It never panics: a standard output
//! or standard error that cannot be written (closed, full) exits 1.

use std::io::{Read, Write};
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use diplomeet::export::{cameo_events, plover_records, readout, to_ics, to_json_ld};
use diplomeet::{Error, Limits, Meeting, OffsetPolicy};

const USAGE: &str =
    "usage: export --format ics|jsonld|plover|cameo|readout [--zone ZONE] [--now RFC3339] FILE...";

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Ics,
    JsonLd,
    Plover,
    Cameo,
    Readout,
}

impl Format {
    fn parse(name: &str) -> Option<Format> {
        match name {
            "ics" => Some(Format::Ics),
            "jsonld" => Some(Format::JsonLd),
            "plover" => Some(Format::Plover),
            "cameo" => Some(Format::Cameo),
            "readout" => Some(Format::Readout),
            _ => None,
        }
    }
}

/// The command line, as given (values not yet checked).
#[derive(Debug, Default)]
struct Args {
    format: Option<String>,
    zone: Option<String>,
    now: Option<String>,
    files: Vec<String>,
}

/// Why the program stops: a usage error (exit 2) or bad input (exit 1).
enum Failure {
    Usage(String),
    Input(Vec<String>),
}

impl Failure {
    fn input(message: impl Into<String>) -> Failure {
        Failure::Input(vec![message.into()])
    }
}

fn parse_args(raw: impl IntoIterator<Item = String>) -> Result<Option<Args>, Failure> {
    let mut args = Args::default();
    let mut raw = raw.into_iter();
    let mut options_done = false;
    while let Some(arg) = raw.next() {
        if options_done || arg == "-" || !arg.starts_with('-') {
            args.files.push(arg);
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
            "--format" => &mut args.format,
            "--zone" => &mut args.zone,
            "--now" => &mut args.now,
            _ => return Err(Failure::Usage(format!("unknown option {arg:?}"))),
        };
        let value = match inline.or_else(|| raw.next()) {
            Some(v) => v,
            None => return Err(Failure::Usage(format!("{name} needs a value"))),
        };
        if slot.replace(value).is_some() {
            return Err(Failure::Usage(format!("{name} given twice")));
        }
    }
    if args.format.is_none() {
        return Err(Failure::Usage("--format is required".into()));
    }
    if args.files.is_empty() {
        return Err(Failure::Usage("no FILE given".into()));
    }
    Ok(Some(args))
}

/// Every violation of `err`, one a line, each with its path.
fn describe(source: &str, err: &Error) -> Vec<String> {
    err.violations()
        .map(|v| {
            let path = if v.path().is_empty() {
                "(document)"
            } else {
                v.path()
            };
            format!("{source}: {path}: [{}] {}", v.kind(), v.message())
        })
        .collect()
}

/// Reads a file or standard input, never more than the document limit
/// (plus one byte, to tell that it is over).
fn read_file(path: &str) -> Result<Vec<u8>, String> {
    let max = diplomeet::Limits::default().max_document_bytes();
    let cap = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    let mut bytes = Vec::new();
    let read = if path == "-" {
        std::io::stdin().lock().take(cap).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(cap).read_to_end(&mut bytes))
    };
    match read {
        Ok(_) if bytes.len() > max => Err(format!(
            "{} is over the document limit of {max} bytes (limit max_document_bytes)",
            display_name(path)
        )),
        Ok(_) => Ok(bytes),
        Err(e) => Err(format!("cannot read {}: {e}", display_name(path))),
    }
}

fn display_name(path: &str) -> &str {
    if path == "-" { "standard input" } else { path }
}

fn run(args: &Args) -> Result<String, Failure> {
    let format_name = args.format.as_deref().unwrap_or_default();
    let format = Format::parse(format_name).ok_or_else(|| {
        Failure::input(format!(
            "unknown format {format_name:?}: expected one of ics, jsonld, plover, cameo, readout"
        ))
    })?;
    let zone: Option<Tz> = match &args.zone {
        Some(z) => Some(
            diplomeet::time::parse_zone(z).map_err(|e| Failure::input(format!("--zone: {e}")))?,
        ),
        None => None,
    };
    let now: DateTime<Utc> = match &args.now {
        Some(n) => DateTime::parse_from_rfc3339(n)
            .map_err(|e| Failure::input(format!("--now: invalid RFC 3339 time {n:?}: {e}")))?
            .with_timezone(&Utc),
        None => DateTime::<Utc>::UNIX_EPOCH,
    };

    // Read and check everything first: bad input writes nothing.
    // Each meeting with the name of where it came from: the file, and its
    // index in the file's array when the file holds several.
    let mut meetings: Vec<Meeting> = Vec::with_capacity(args.files.len());
    let mut sources: Vec<String> = Vec::with_capacity(args.files.len());
    let mut errors = Vec::new();
    let limits = Limits::default();
    for path in &args.files {
        match read_file(path) {
            Err(e) => errors.push(e),
            Ok(bytes) => {
                match Meeting::from_json_list_with(&bytes, &limits, OffsetPolicy::Reject) {
                    Ok(list) if list.is_empty() => errors.push(format!(
                        "{}: (document): [empty] the array holds no meeting; give at least one document",
                        display_name(path)
                    )),
                    Ok(list) => {
                        let several = list.len() > 1;
                        for (i, m) in list.into_iter().enumerate() {
                            sources.push(if several {
                                format!("{}[{i}]", display_name(path))
                            } else {
                                display_name(path).to_owned()
                            });
                            meetings.push(m);
                        }
                    }
                    Err(e) => errors.extend(describe(display_name(path), &e)),
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(Failure::Input(errors));
    }

    let exported = |source: &str, e: Error| Failure::Input(describe(source, &e));
    let mut out = String::new();
    match format {
        Format::Ics => {
            out = to_ics(&meetings, now).map_err(|e| exported("ics", e))?;
        }
        Format::JsonLd => {
            let mut docs = Vec::with_capacity(meetings.len());
            for (m, path) in meetings.iter().zip(&sources) {
                let doc = to_json_ld(m).map_err(|e| exported(path, e))?;
                docs.push(doc.trim_end().to_owned());
            }
            match docs.as_slice() {
                [one] => out.push_str(one),
                many => {
                    out.push_str("[\n");
                    out.push_str(&many.join(",\n"));
                    out.push_str("\n]");
                }
            }
            out.push('\n');
        }
        Format::Plover => {
            for (m, path) in meetings.iter().zip(&sources) {
                let records = plover_records(m).map_err(|e| exported(path, e))?;
                for r in records {
                    let line = r.to_json().map_err(|e| exported(path, e))?;
                    out.push_str(line.trim_end());
                    out.push('\n');
                }
            }
        }
        Format::Cameo => {
            for (m, path) in meetings.iter().zip(&sources) {
                let events = cameo_events(m).map_err(|e| exported(path, e))?;
                for e in events {
                    out.push_str(&e.to_string());
                    out.push('\n');
                }
            }
        }
        Format::Readout => {
            let mut texts = Vec::with_capacity(meetings.len());
            for (m, path) in meetings.iter().zip(&sources) {
                let z = zone
                    .or_else(|| m.participants().first().and_then(|p| p.clock_zone()))
                    .or(m.zone())
                    .unwrap_or(chrono_tz::UTC);
                texts.push(readout(m, z).map_err(|e| exported(path, e))?);
            }
            out = texts.join("\n");
        }
    }
    Ok(out)
}

/// Writes `text` and a newline to standard output or standard error.
fn say(to_stderr: bool, text: &str) -> std::io::Result<()> {
    if to_stderr {
        let mut err = std::io::stderr().lock();
        writeln!(err, "{text}").and_then(|()| err.flush())
    } else {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{text}").and_then(|()| out.flush())
    }
}

/// Reports a failure on standard error: `code` when that worked, 1 when
/// even standard error cannot be written (closed, full).
fn fail(failure: Failure) -> ExitCode {
    let (text, code) = match failure {
        Failure::Usage(why) => (format!("{USAGE}\nerror: {why}"), 2),
        Failure::Input(lines) => (
            lines
                .iter()
                .map(|l| format!("error: {l}"))
                .collect::<Vec<_>>()
                .join("\n"),
            1,
        ),
    };
    match say(true, &text) {
        Ok(()) => ExitCode::from(code),
        Err(_) => ExitCode::FAILURE,
    }
}

/// Every write is checked (`writeln!`, never `println!`, which panics on a
/// closed or full stream): a write error exits 1 and never panics.
fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(a)) => a,
        Ok(None) => {
            return match say(false, USAGE) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    // Standard error may be gone too: nothing more to do.
                    let _ = say(true, &format!("error: cannot write the usage: {e}"));
                    ExitCode::FAILURE
                }
            };
        }
        Err(failure) => return fail(failure),
    };
    match run(&args) {
        Ok(text) => {
            let mut stdout = std::io::stdout().lock();
            if let Err(e) = stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                // A closed pipe (`export ... | head`) or a full disk is not
                // worth a panic.
                drop(stdout);
                let _ = say(true, &format!("error: cannot write the output: {e}"));
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        Err(failure) => fail(failure),
    }
}
