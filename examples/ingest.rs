//! Reads a readout's text into diplomeet/2 documents.
//!
//! ```text
//! ingest --publisher CODE [--published YYYY-MM-DD] [--url URL] FILE
//! ```
//!
//! `--publisher` is the publishing government (or organisation), as a
//! country code (`JP`, `US`, `GB`): its capital's zone is the readout's home
//! clock ("Japan time"). `--published` is the page's date, against which
//! years and "today"/"yesterday" are resolved (without it, the page's date
//! line is used). `--url` records the page as each meeting's source. FILE
//! is the readout as plain text (title line, date line, body); `-` reads
//! standard input. At most the reader's limit (1 MiB) is read.
//!
//! Prints the diplomeet/2 document of the meeting the text reports,
//! indented as `Meeting::to_json` writes it, or a JSON array of documents
//! when it reports several. On standard error, one line each: every part
//! of the text that was not read (`unread 120..245 no_verb: The start of
//! the text`), every warning (`warning 310..342 stated_times_disagree:
//! ...`), and every meeting that could not be built, with the builder's
//! violations. Exit status 0 when at least one meeting was built, 1 when
//! none could be (or the text cannot be read: empty, too long, not UTF-8),
//! 2 for bad arguments or a file that cannot be opened. Output that cannot
//! be written (a closed pipe) is a message and exit status 1, never a
//! panic.
//!
//! It needs only the `reader` feature, on by default:
//!
//! ```text
//! cargo run --example ingest -- --publisher JP --published 2023-11-14 FILE
//! ```

use std::io::Write as _;
use std::process::ExitCode;

use diplomeet::reader::Reader;
use diplomeet::{Country, Meeting};

#[path = "support/output.rs"]
mod output;

const USAGE: &str = "usage: ingest --publisher CODE [--published YYYY-MM-DD] [--url URL] FILE|-";

fn usage(reason: &str) -> ExitCode {
    let _ = writeln!(std::io::stderr(), "{USAGE} ({reason})");
    ExitCode::from(2)
}

/// One line of standard error; a closed standard error is ignored.
fn note(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// The start of a span's text on one line: white space as single spaces,
/// at most 60 characters.
fn start_of(text: &str, span: std::ops::Range<usize>) -> String {
    let s = text.get(span).unwrap_or_default();
    let mut out = String::new();
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
        if out.chars().count() >= 60 {
            break;
        }
    }
    let cut: String = out.chars().take(60).collect();
    if cut.len() < out.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

fn main() -> ExitCode {
    let mut publisher: Option<String> = None;
    let mut published: Option<String> = None;
    let mut url: Option<String> = None;
    let mut file: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_owned(), Some(v.to_owned())),
            _ => (arg.clone(), None),
        };
        let mut value = |what: &str| -> Result<String, ExitCode> {
            match inline.clone().or_else(|| args.next()) {
                Some(v) => Ok(v),
                None => Err(usage(&format!("{what} needs a value"))),
            }
        };
        match name.as_str() {
            "--publisher" => match value("--publisher") {
                Ok(v) => publisher = Some(v),
                Err(code) => return code,
            },
            "--published" => match value("--published") {
                Ok(v) => published = Some(v),
                Err(code) => return code,
            },
            "--url" => match value("--url") {
                Ok(v) => url = Some(v),
                Err(code) => return code,
            },
            "-h" | "--help" => return output::print(&format!("{USAGE}\n")),
            a if a.starts_with("--") => return usage(&format!("unknown option {a:?}")),
            a => {
                if file.replace(a.to_owned()).is_some() {
                    return usage("one FILE at most");
                }
            }
        }
    }
    let Some(publisher) = publisher else {
        return usage("--publisher is required");
    };
    let country = match Country::from_code(&publisher) {
        Ok(c) => c,
        Err(e) => return usage(&format!("--publisher: {e}")),
    };
    let Some(file) = file else {
        return usage("FILE is required (- for standard input)");
    };
    let mut reader = Reader::new(country);
    if let Some(p) = published {
        match p.parse() {
            Ok(d) => reader = reader.published(d),
            Err(e) => return usage(&format!("--published {p:?}: {e}")),
        }
    }
    if let Some(u) = url {
        reader = reader.source(u, None);
    }
    // At most the reader's limit and one byte more: a longer text is
    // refused by the reader without being read whole.
    let cap = u64::try_from(diplomeet::Limits::default().max_readout_bytes())
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let mut bytes = Vec::new();
    let got = if file == "-" {
        std::io::Read::read_to_end(
            &mut std::io::Read::take(std::io::stdin().lock(), cap),
            &mut bytes,
        )
    } else {
        match std::fs::File::open(&file) {
            Ok(f) => std::io::Read::read_to_end(&mut std::io::Read::take(f, cap), &mut bytes),
            Err(e) => Err(e),
        }
    };
    if let Err(e) = got {
        note(&format!("error: cannot read {file}: {e}"));
        return ExitCode::from(2);
    }
    let reading = match reader.read_bytes(&bytes) {
        Ok(r) => r,
        Err(e) => {
            note(&format!("error: {e}"));
            return ExitCode::FAILURE;
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    let quote = |span: std::ops::Range<usize>| start_of(&text, span);
    for u in reading.unread() {
        let s = u.span();
        note(&format!(
            "unread {}..{} {}: {}",
            s.start,
            s.end,
            u.reason(),
            quote(s.clone())
        ));
    }
    for w in reading.warnings() {
        let s = w.span();
        note(&format!(
            "warning {}..{} {}: {}",
            s.start,
            s.end,
            w.kind(),
            w.message()
        ));
    }
    for f in reading.failures() {
        let s = f.span();
        note(&format!(
            "error: the meeting at {}..{} could not be built:",
            s.start, s.end
        ));
        for v in f.error().violations() {
            let path = if v.path().is_empty() {
                "(meeting)"
            } else {
                v.path()
            };
            note(&format!("error:   {path}: [{}] {}", v.kind(), v.message()));
        }
    }
    let meetings: Vec<Meeting> = reading.into_meetings();
    let json = match meetings.as_slice() {
        [] => {
            note("error: no meeting could be read from the text");
            return ExitCode::FAILURE;
        }
        // What `Meeting::to_json` and `Meeting::list_to_json` (feature
        // `json`) write, through the `serde` traits that `reader` turns on.
        [one] => serde_json::to_string_pretty(one).map_err(|e| e.to_string()),
        several => serde_json::to_string_pretty(several).map_err(|e| e.to_string()),
    };
    match json {
        Ok(j) => output::print(&(j + "\n")),
        Err(e) => {
            note(&format!("error: {e}"));
            ExitCode::FAILURE
        }
    }
}
