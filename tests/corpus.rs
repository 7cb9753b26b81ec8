//! The bad-input corpus and its ratchet.
//!
//! Every file under `tests/corpus/` is a document that must be refused:
//!
//! - `NAME.json` is read as it is, byte for byte (some are not UTF-8, not
//!   JSON, or empty on purpose);
//! - `NAME.recipe` describes a document as a change to the seed (many are too
//!   big to commit): the test builds it
//!   from the seed meeting's JSON (`examples/support/seed.rs`). One operation
//!   a line, `#` starts a comment; a JSON pointer names the value:
//!   - `repeat POINTER UNIT COUNT [PREFIX]`: the string at POINTER becomes
//!     PREFIX followed by UNIT repeated COUNT times;
//!   - `grow POINTER COUNT`: the array at POINTER gets COUNT elements,
//!     copies of its first (a string copy gets `-N` appended, so that the
//!     copies are distinct);
//!   - `nest POINTER DEPTH`: the value at POINTER becomes DEPTH nested arrays;
//!     (any operation may name a new top-level key, `/name`, which is added)
//!   - `set POINTER JSON`: the value at POINTER becomes JSON (the rest of the
//!     line); its parent must exist, a missing key is added;
//!   - `pad BYTES`: white space is appended until the document is BYTES long.
//!
//! The `.json` documents are mostly in the first format, `diplomeet/1`,
//! which the reader still upgrades; the recipes start from the seed in the
//! current format, `diplomeet/2`, and hold what only it can say wrong
//! (roles, parts, sub-items, entries, provenance).
//!
//! `tests/corpus/expected.tsv` is the ratchet, as the `url` crate keeps one
//! for the web-platform tests: one line per document, tab-separated, with the
//! kind of the first violation ([`ErrorKind::as_str`]), its path (`-` for the
//! whole document) and the number of violations. The test reads every
//! document with [`Meeting::from_json_slice`] (and checks that
//! [`Meeting::from_json_reader`] and, for UTF-8, [`Meeting::from_json`] give
//! the same error) and compares what actually happens with that file. **Any
//! difference fails**: a better error as much as a worse one, a document
//! without a line, a line without a document. An accepted document, a panic
//! or a violation without a message fails in any case.
//!
//! When a change of behaviour is intended (a new document, a more precise
//! path), update the file on purpose and review its diff:
//!
//! ```text
//! DIPLOMEET_BLESS=1 cargo test --test corpus
//! git diff tests/corpus/expected.tsv
//! ```
//!
//! (The `check` example is run over the same `*.json` files by `.ci/run`.)
// These tests read JSON documents.
#![cfg(feature = "json")]
// Helpers stop loudly too: clippy.toml allows this in #[test] functions only.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use common::{blessing, manifest_path, seed_meeting, seed_value};

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use diplomeet::{Error, ErrorKind, Limits, Meeting, OffsetPolicy};
use serde_json::Value;

const HEADER: &str = "\
# The ratchet of tests/corpus.rs: what reading each bad document gives.
# document\tkind of the first violation\tits path (- for the whole document)\tviolations
# Any change fails the test; to accept one on purpose:
#   DIPLOMEET_BLESS=1 cargo test --test corpus && git diff tests/corpus/expected.tsv
";

fn corpus_dir() -> PathBuf {
    manifest_path("tests/corpus")
}

/// The value at `pointer`; a missing top-level key (`/name`) is added.
fn at<'v>(doc: &'v mut Value, pointer: &str, recipe: &str) -> &'v mut Value {
    if doc.pointer(pointer).is_none() {
        if let (Some(key), Value::Object(map)) = (pointer.strip_prefix('/'), &mut *doc) {
            if !key.contains('/') {
                map.insert(key.to_owned(), Value::Null);
            }
        }
    }
    doc.pointer_mut(pointer)
        .unwrap_or_else(|| panic!("{recipe}: no value at {pointer}"))
}

fn number(word: Option<&str>, recipe: &str) -> usize {
    word.and_then(|w| w.parse().ok())
        .unwrap_or_else(|| panic!("{recipe}: expected a count"))
}

/// Builds the document a recipe describes.
fn expand(recipe: &str, text: &str, base: &Value) -> Vec<u8> {
    let mut doc = base.clone();
    let mut pad = None;
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut words = line.split_whitespace();
        match words.next() {
            Some("repeat") => {
                let pointer = words.next().unwrap();
                let unit = words.next().unwrap();
                let count = number(words.next(), recipe);
                let prefix = words.next().unwrap_or("");
                *at(&mut doc, pointer, recipe) =
                    Value::String(format!("{prefix}{}", unit.repeat(count)));
            }
            Some("grow") => {
                let pointer = words.next().unwrap();
                let count = number(words.next(), recipe);
                let Value::Array(list) = at(&mut doc, pointer, recipe) else {
                    panic!("{recipe}: {pointer} is not an array");
                };
                let first = list.first().cloned().unwrap();
                list.clear();
                list.extend((0..count).map(|i| match &first {
                    Value::String(s) => Value::String(format!("{s}-{i}")),
                    other => other.clone(),
                }));
            }
            Some("nest") => {
                let pointer = words.next().unwrap();
                let depth = number(words.next(), recipe);
                // Built as text: serde_json's own writer would recurse as deep.
                let marker = "\u{1}NEST\u{1}";
                *at(&mut doc, pointer, recipe) = Value::String(marker.to_owned());
                let text = serde_json::to_string(&doc).unwrap();
                let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
                let quoted = serde_json::to_string(marker).unwrap();
                assert!(
                    words.next().is_none(),
                    "{recipe}: nest must be the last operation"
                );
                return text.replacen(&quoted, &nested, 1).into_bytes();
            }
            Some("set") => {
                // `set POINTER JSON`: the value (the rest of the line) at
                // POINTER, whose parent must exist; a missing key is added.
                let pointer = words.next().unwrap();
                let json = line
                    .split_once(pointer)
                    .map(|(_, rest)| rest.trim())
                    .unwrap();
                let value: Value = serde_json::from_str(json)
                    .unwrap_or_else(|e| panic!("{recipe}: bad JSON after {pointer}: {e}"));
                let (parent, key) = pointer.rsplit_once('/').unwrap();
                match doc.pointer_mut(parent) {
                    Some(Value::Object(map)) => {
                        map.insert(key.to_owned(), value);
                    }
                    Some(Value::Array(list)) => {
                        let slot = key.parse::<usize>().ok().and_then(|i| list.get_mut(i));
                        *slot.unwrap_or_else(|| panic!("{recipe}: no element {pointer}")) = value;
                    }
                    _ => panic!("{recipe}: no object or array at {parent:?}"),
                }
            }
            Some("pad") => pad = Some(number(words.next(), recipe)),
            other => panic!("{recipe}: unknown operation {other:?}"),
        }
    }
    let mut bytes = serde_json::to_vec(&doc).unwrap();
    if let Some(len) = pad {
        bytes.resize(len.max(bytes.len()), b' ');
    }
    bytes
}

/// Every document of the corpus, by name (with its extension), as bytes.
fn documents() -> BTreeMap<String, Vec<u8>> {
    let base = seed_value();
    let mut docs = BTreeMap::new();
    for entry in std::fs::read_dir(corpus_dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        match path.extension().and_then(|e| e.to_str()) {
            Some("json") => {
                docs.insert(name, std::fs::read(&path).unwrap());
            }
            Some("recipe") => {
                let text = std::fs::read_to_string(&path).unwrap();
                docs.insert(name.clone(), expand(&name, &text, &base));
            }
            Some("tsv") => {}
            _ => panic!("tests/corpus/{name}: only .json, .recipe and expected.tsv belong here"),
        }
    }
    docs
}

/// What reading one document gives, as its line of the ratchet; problems
/// that fail the test whatever the ratchet says go to `problems`.
fn outcome(name: &str, bytes: &[u8], problems: &mut Vec<String>) -> String {
    let read = catch_unwind(AssertUnwindSafe(|| Meeting::from_json_slice(bytes)));
    let result = match read {
        Err(_) => {
            problems.push(format!("{name}: the reader panicked"));
            return format!("{name}\tpanic\t-\t0");
        }
        Ok(Ok(_)) => {
            problems.push(format!(
                "{name}: accepted, but every corpus document must be refused"
            ));
            return format!("{name}\taccepted\t-\t0");
        }
        Ok(Err(e)) => e,
    };
    // The other entry points agree on every violation's kind and path (the
    // reader words the size limit "or more": it stops reading there).
    let from_reader = Meeting::from_json_reader(bytes, &Limits::default(), OffsetPolicy::Reject);
    if from_reader.as_ref().map(|_| ()).map_err(where_) != Err(where_(&result)) {
        problems.push(format!(
            "{name}: from_json_reader disagrees: {from_reader:?}"
        ));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        let from_str = Meeting::from_json(text);
        if from_str.as_ref().err() != Some(&result) {
            problems.push(format!("{name}: from_json disagrees: {from_str:?}"));
        }
    }
    check_messages(name, &result, problems);
    let path = if result.path().is_empty() {
        "-"
    } else {
        result.path()
    };
    format!(
        "{name}\t{}\t{path}\t{}",
        result.kind().as_str(),
        result.violations().len()
    )
}

/// The kind and path of every violation.
fn where_(e: &Error) -> Vec<(ErrorKind, String)> {
    e.violations()
        .map(|v| (v.kind(), v.path().to_owned()))
        .collect()
}

/// Every violation says what is wrong, in a message that is not absurdly
/// long (values are cut to a short echo).
fn check_messages(name: &str, e: &Error, problems: &mut Vec<String>) {
    for v in e.violations() {
        let m = v.message();
        if m.trim().is_empty() {
            problems.push(format!(
                "{name}: a violation at {:?} has no message",
                v.path()
            ));
        }
        if m.len() > 2_000 {
            problems.push(format!(
                "{name}: a message of {} bytes: {}...",
                m.len(),
                &m[..200]
            ));
        }
    }
}

fn read_expected(path: &Path) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            (
                l.split('\t').next().unwrap_or_default().to_owned(),
                l.to_owned(),
            )
        })
        .collect()
}

#[test]
fn corpus_matches_the_ratchet() {
    let docs = documents();
    let mut problems = Vec::new();
    let actual: BTreeMap<String, String> = docs
        .iter()
        .map(|(name, bytes)| (name.clone(), outcome(name, bytes, &mut problems)))
        .collect();
    let file = corpus_dir().join("expected.tsv");

    if blessing() {
        let mut text = HEADER.to_owned();
        for line in actual.values() {
            writeln!(text, "{line}").unwrap();
        }
        std::fs::write(&file, text).unwrap();
        eprintln!("blessed {} documents into {}", actual.len(), file.display());
    } else {
        let expected = read_expected(&file);
        let mut diff = String::new();
        for (name, want) in &expected {
            match actual.get(name) {
                None => writeln!(diff, "- {want}\n  (no such document in tests/corpus)").unwrap(),
                Some(got) if got != want => writeln!(diff, "- {want}\n+ {got}").unwrap(),
                Some(_) => {}
            }
        }
        for (name, got) in &actual {
            if !expected.contains_key(name) {
                writeln!(diff, "+ {got}\n  (no line in expected.tsv)").unwrap();
            }
        }
        if !diff.is_empty() {
            problems.push(format!(
                "the corpus no longer gives what tests/corpus/expected.tsv says \
                 (- expected, + actual); if the change is intended, run \
                 `DIPLOMEET_BLESS=1 cargo test --test corpus` and review the diff:\n{diff}"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(
        docs.len() >= 40,
        "the corpus must hold at least 40 documents, it has {}",
        docs.len()
    );
}

/// Every line of the ratchet names a kind that exists and a plausible path:
/// a typo in a hand edit fails here rather than passing unnoticed.
#[test]
fn ratchet_lines_are_well_formed() {
    let kinds: Vec<&str> = [
        ErrorKind::UnknownCountry,
        ErrorKind::InvalidCountryCode,
        ErrorKind::UnknownZone,
        ErrorKind::ZoneNotInCountry,
        ErrorKind::Gap,
        ErrorKind::Fold,
        ErrorKind::OffsetConflict,
        ErrorKind::InvalidTimestamp,
        ErrorKind::InvalidDuration,
        ErrorKind::DurationOutOfRange,
        ErrorKind::OutOfRange,
        ErrorKind::Empty,
        ErrorKind::TooLong,
        ErrorKind::TooMany,
        ErrorKind::TooFew,
        ErrorKind::Duplicate,
        ErrorKind::UnknownReference,
        ErrorKind::OutsideTerm,
        ErrorKind::InvalidValue,
        ErrorKind::Inconsistent,
        ErrorKind::Syntax,
        ErrorKind::UnsupportedFormat,
    ]
    .iter()
    .map(|k| k.as_str())
    .collect();
    for (name, line) in read_expected(&corpus_dir().join("expected.tsv")) {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            fields.len(),
            4,
            "{name}: four tab-separated fields: {line:?}"
        );
        assert!(
            kinds.contains(&fields[1]),
            "{name}: unknown kind {:?}",
            fields[1]
        );
        assert!(
            !fields[2].is_empty() && !fields[2].contains(' '),
            "{name}: path {:?}",
            fields[2]
        );
        let n: usize = fields[3].parse().unwrap();
        assert!(
            n >= 1,
            "{name}: a refused document has at least one violation"
        );
    }
}

/// The reader API stops at `max_document_bytes + 1` bytes: an endless input
/// is refused, naming the limit, without being read whole.
#[test]
fn an_endless_reader_is_refused_at_the_limit() {
    struct Counting<R> {
        inner: R,
        read: usize,
    }
    impl<R: std::io::Read> std::io::Read for Counting<R> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.inner.read(buf)?;
            self.read += n;
            Ok(n)
        }
    }
    for limit in [0, 1, 1024, 1 << 20] {
        let limits = Limits::default().with_max_document_bytes(limit);
        let mut endless = Counting {
            inner: std::io::repeat(b' '),
            read: 0,
        };
        let err =
            Meeting::from_json_reader(&mut endless, &limits, OffsetPolicy::Reject).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::TooMany, "{err}");
        assert_eq!(err.path(), "");
        assert!(err.to_string().contains("max_document_bytes"), "{err}");
        assert_eq!(
            endless.read,
            limit + 1,
            "read exactly one byte over the limit"
        );
    }
    // The default limit (16 MiB), on an endless stream of white space.
    let mut endless = Counting {
        inner: std::io::repeat(b' '),
        read: 0,
    };
    let err = Meeting::from_json_reader(&mut endless, &Limits::default(), OffsetPolicy::Reject)
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::TooMany);
    assert_eq!(endless.read, Limits::default().max_document_bytes() + 1);
}

/// A document of exactly `max_document_bytes` is read; one byte more is not.
#[test]
fn the_reader_limit_is_inclusive() {
    let json = seed_meeting().to_json_compact().unwrap();
    let exact = Limits::default().with_max_document_bytes(json.len());
    let m = Meeting::from_json_reader(json.as_bytes(), &exact, OffsetPolicy::Reject).unwrap();
    assert_eq!(m, seed_meeting());
    let short = Limits::default().with_max_document_bytes(json.len() - 1);
    let err = Meeting::from_json_reader(json.as_bytes(), &short, OffsetPolicy::Reject).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::TooMany);
    // The slice API agrees.
    let err2 = Meeting::from_json_with(json.as_bytes(), &short, OffsetPolicy::Reject).unwrap_err();
    assert_eq!(err2.kind(), ErrorKind::TooMany);
}

/// An I/O error of the reader is an error that says so, not a panic.
#[test]
fn a_failing_reader_gives_a_clear_error() {
    struct Broken;
    impl std::io::Read for Broken {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk on fire"))
        }
    }
    let err =
        Meeting::from_json_reader(Broken, &Limits::default(), OffsetPolicy::Reject).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Io);
    assert!(err.is_io() && !err.is_syntax());
    assert!(
        err.to_string()
            .contains("could not read the document: disk on fire"),
        "{err}"
    );
    // The I/O error itself is the source.
    let source = std::error::Error::source(&err).expect("a source");
    assert_eq!(source.to_string(), "disk on fire");
}
