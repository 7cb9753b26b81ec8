//! Checks a meeting JSON document.
//!
//! ```text
//! check [--json] [FILE]
//! ```
//!
//! Reads FILE, or standard input when FILE is absent or `-`. A valid document
//! prints the human summary (with `--json`: the document re-serialized and
//! nothing else) and exits 0. An invalid one prints every error on standard
//! error, one a line with its path, and exits 1. Input that cannot be read
//! (a missing file, say) exits 2. No input makes it panic.

use std::io::Read;
use std::process::ExitCode;

use diplomeet::Meeting;

const USAGE: &str = "usage: check [--json] [FILE]";

fn main() -> ExitCode {
    let mut json = false;
    let mut file: Option<String> = None;
    for arg in std::env::args().skip(1) {
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
    let mut bytes = Vec::new();
    let read = match file.as_deref() {
        None | Some("-") => std::io::stdin().lock().read_to_end(&mut bytes),
        Some(path) => std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes)),
    };
    if let Err(e) = read {
        eprintln!(
            "error: cannot read {}: {e}",
            file.as_deref().unwrap_or("standard input")
        );
        return ExitCode::from(2);
    }
    let meeting = match Meeting::from_json_slice(&bytes) {
        Ok(m) => m,
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
