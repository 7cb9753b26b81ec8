//! Checks a meeting JSON document.
//!
//! ```text
//! check [--json] [--stated "2023-11-14T09:00 JST"] [FILE]
//! ```
//!
//! Reads FILE, or standard input when FILE is absent or `-`: one document,
//! or a JSON array of documents (a page that reports several meetings, as
//! `ingest` writes it). A valid input prints the human summary of each
//! meeting, separated by a blank line (with `--json`: the input
//! re-serialized, an array for several, and nothing else) and exits 0. An invalid one prints every error on standard
//! error, one a line with its path, and exits 1. Input that cannot be read
//! (a missing file, say) exits 2; a document over the 16 MiB limit is
//! refused after reading at most that much, with exit 1. Output that cannot
//! be written (a closed pipe, a full disk) exits 1 with a message. No input
//! makes it panic.
//!
//! `--stated TIME` (or `--stated=TIME`) also checks a time as a readout
//! states it against the valid document's start (one document: with several,
//! exit 2): a civil time and a zone,
//! given by IANA name (`2023-11-13T21:00 America/Santiago`), `UTC`/`GMT`/`Z`,
//! or an abbreviation resolved among the meeting's zones (`JST`, `PST`,
//! `-03`); see `diplomeet::schedule::StatedTime`. When they agree, the output
//! is the same as without the option and the exit status 0. When they do not
//! (or the abbreviation is the zone's name only at another time of year, as
//! `PDT` in November, or is unknown or ambiguous there, or the meeting has no
//! time of day), it prints the error, which gives the correct civil time in
//! that zone, on standard error and exits 1, printing nothing on standard
//! output. A TIME that cannot be read is a usage error: exit 2.

use std::process::ExitCode;

use diplomeet::schedule::StatedTime;
use diplomeet::{Limits, Meeting, OffsetPolicy};

#[path = "support/output.rs"]
mod output;

const USAGE: &str = "usage: check [--json] [--stated \"YYYY-MM-DDTHH:MM ZONE\"] [FILE]";

fn main() -> ExitCode {
    let mut json = false;
    let mut file: Option<String> = None;
    let mut stated: Option<StatedTime> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let stated_text = match arg.as_str() {
            "--stated" => match args.next() {
                Some(v) => Some(v),
                None => {
                    eprintln!("{USAGE} (--stated needs a value)");
                    return ExitCode::from(2);
                }
            },
            a => a.strip_prefix("--stated=").map(str::to_owned),
        };
        if let Some(text) = stated_text {
            match text.parse::<StatedTime>() {
                Ok(t) => {
                    if stated.replace(t).is_some() {
                        eprintln!("{USAGE} (one --stated at most)");
                        return ExitCode::from(2);
                    }
                }
                Err(e) => {
                    eprintln!("{USAGE} (--stated: {e})");
                    return ExitCode::from(2);
                }
            }
            continue;
        }
        match arg.as_str() {
            "--json" => json = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            a if a.starts_with("--") => {
                eprintln!("{USAGE} (unknown option {a:?})");
                return ExitCode::from(2);
            }
            a => {
                if file.replace(a.to_owned()).is_some() {
                    eprintln!("{USAGE} (one FILE at most)");
                    return ExitCode::from(2);
                }
            }
        }
    }
    // At most the document limit is read, from a file or standard input.
    let limits = Limits::default();
    let name = file.as_deref().filter(|f| *f != "-");
    let read = match name {
        None => {
            Meeting::from_json_list_reader(std::io::stdin().lock(), &limits, OffsetPolicy::Reject)
        }
        Some(path) => match std::fs::File::open(path) {
            Ok(f) => Meeting::from_json_list_reader(f, &limits, OffsetPolicy::Reject),
            Err(e) => {
                eprintln!("error: cannot read {path}: {e}");
                return ExitCode::from(2);
            }
        },
    };
    let meetings = match read {
        Ok(m) => m,
        Err(e) if e.is_io() => {
            eprintln!(
                "error: cannot read {}: {e}",
                name.unwrap_or("standard input")
            );
            return ExitCode::from(2);
        }
        Err(e) => {
            for v in e.violations() {
                let path = if v.path().is_empty() {
                    "(document)"
                } else {
                    v.path()
                };
                eprintln!("error: {path}: [{}] {}", v.kind(), v.message());
            }
            return ExitCode::FAILURE;
        }
    };
    if meetings.is_empty() {
        // The library reads `[]` as a list of none (what `list_to_json`
        // writes for none); a file to check that holds no meeting is a
        // mistake upstream, not a pass.
        eprintln!(
            "error: (document): [empty] the array holds no meeting; give at least one document"
        );
        return ExitCode::FAILURE;
    }
    if let Some(stated) = &stated {
        let [meeting] = meetings.as_slice() else {
            eprintln!(
                "{USAGE} (--stated checks one meeting; the input holds {})",
                meetings.len()
            );
            return ExitCode::from(2);
        };
        if let Err(e) = meeting.check_stated(stated) {
            for v in e.violations() {
                eprintln!("error: [{}] {}", v.kind(), v.message());
            }
            return ExitCode::FAILURE;
        }
    }
    let text = if json {
        match Meeting::list_to_json(&meetings) {
            Ok(text) => text + "\n",
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        meetings
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    };
    output::print(&text)
}
