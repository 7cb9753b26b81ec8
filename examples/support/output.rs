//! Writing an example's output: a closed pipe, a full disk or any other
//! write error is a message on standard error and exit status 1, never a
//! panic (`println!` panics on such errors).

#![allow(dead_code)]

use std::io::Write;
use std::process::ExitCode;

/// Writes `text` to standard output and flushes it: exit status 0, or 1
/// with a message when it cannot be written.
pub fn print(text: &str) -> ExitCode {
    match write_all(text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => failed(&e),
    }
}

/// Writes `text` to standard output and flushes it.
pub fn write_all(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// The message and exit status for output that could not be written.
pub fn failed(e: &std::io::Error) -> ExitCode {
    // Standard error may be closed too: nothing more can be done then.
    let _ = writeln!(std::io::stderr(), "error: cannot write the output: {e}");
    ExitCode::FAILURE
}
