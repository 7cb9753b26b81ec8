//! The reference meeting, built from its readout, checked and printed.
//!
//! ```text
//! cargo run --example japan_chile_2023                           # a human summary
//! cargo run --features json --example japan_chile_2023 -- --json # the JSON document only
//! ```
//!
//! Exit status: 0 when printed, 1 when the meeting does not build or the
//! output cannot be written (a closed pipe, a full disk), 2 for bad
//! arguments (and for `--json` in a build without the `json` feature).
//!
//! The summary shows each participant's clock: 16:00 on 13 November 2023 in
//! San Francisco is 09:00 JST on 14 November in Tokyo (+1 day) and 21:00 on
//! 13 November in Santiago.

#[path = "support/output.rs"]
mod output;
#[path = "support/seed.rs"]
mod seed;

use std::process::ExitCode;

fn main() -> ExitCode {
    let json = match std::env::args().nth(1).as_deref() {
        None => false,
        Some("--json") => true,
        Some(other) => {
            eprintln!("usage: japan_chile_2023 [--json] (unknown argument {other:?})");
            return ExitCode::from(2);
        }
    };
    let meeting = match seed::meeting() {
        Ok(m) => m,
        Err(e) => {
            eprintln!("error: the seed meeting does not build: {e}");
            return ExitCode::FAILURE;
        }
    };
    let text = if json {
        match document(&meeting) {
            Ok(text) => text,
            Err(code) => return code,
        }
    } else {
        meeting.to_string()
    };
    output::print(&text)
}

/// The JSON document, with a final newline.
#[cfg(feature = "json")]
fn document(meeting: &diplomeet::Meeting) -> Result<String, ExitCode> {
    match meeting.to_json() {
        Ok(text) => Ok(text + "\n"),
        Err(e) => {
            eprintln!("error: {e}");
            Err(ExitCode::FAILURE)
        }
    }
}

#[cfg(not(feature = "json"))]
fn document(_: &diplomeet::Meeting) -> Result<String, ExitCode> {
    eprintln!(
        "error: --json needs the `json` feature: cargo run --features json --example japan_chile_2023 -- --json"
    );
    Err(ExitCode::from(2))
}
