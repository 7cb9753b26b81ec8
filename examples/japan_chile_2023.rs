//! The reference meeting, built from its readout, checked and printed.
//!
//! ```text
//! cargo run --example japan_chile_2023            # a human summary
//! cargo run --example japan_chile_2023 -- --json  # the JSON document only
//! ```
//!
//! The summary shows each participant's clock: 16:00 on 13 November 2023 in
//! San Francisco is 09:00 JST on 14 November in Tokyo (+1 day) and 21:00 on
//! 13 November in Santiago.

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
    if json {
        match meeting.to_json() {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        print!("{meeting}");
    }
    ExitCode::SUCCESS
}
