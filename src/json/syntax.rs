//! Reading a document's bytes with serde_json: the size check, the format
//! probe, and the path of a syntax error.

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::error::{Collector, Detail, Error, echo};
use crate::limits::Limits;
use crate::meeting::Meeting;
use crate::serde_impls::FORMAT;
use crate::serde_impls::capped::{Capped, DocumentsLen};
use crate::serde_impls::read::{RawMeeting, unsupported};
use crate::time::OffsetPolicy;

/// Only the format field, to tell a document of another version from a
/// malformed one.
#[derive(Deserialize)]
struct FormatProbe {
    format: String,
}

/// Where a document comes from: bytes (checked for UTF-8 first) or a `str`
/// (already UTF-8).
#[derive(Clone, Copy)]
pub(crate) enum Input<'a> {
    Bytes(&'a [u8]),
    Text(&'a str),
}

impl<'i> Input<'i> {
    fn len(self) -> usize {
        match self {
            Input::Bytes(b) => b.len(),
            Input::Text(t) => t.len(),
        }
    }

    fn bytes(self) -> &'i [u8] {
        match self {
            Input::Bytes(b) => b,
            Input::Text(t) => t.as_bytes(),
        }
    }

    fn parse<T: Deserialize<'i>>(self) -> Result<T, serde_json::Error> {
        match self {
            // UTF-8 checked once for the whole document (a pass over words
            // of plain ASCII), rather than string by string as serde_json
            // checks bytes; a document that is not UTF-8 is left to
            // serde_json, which says where.
            Input::Bytes(b) => match std::str::from_utf8(b) {
                Ok(t) => serde_json::from_str(t),
                Err(_) => serde_json::from_slice(b),
            },
            Input::Text(t) => serde_json::from_str(t),
        }
    }
}

/// Parses a JSON array of documents and converts each, reporting every
/// violation under its document's index (`[2].title`); a document that is
/// not an array is read as one.
///
/// The array is split into its documents' texts first (serde_json checks
/// the syntax and borrows each text), then each is read as a document of its
/// own: its limits, its format version and its agenda items counted apart
/// from the others'.
pub(crate) fn read_list(
    input: Input<'_>,
    limits: &Limits,
    offsets: OffsetPolicy,
) -> Result<Vec<Meeting>, Error> {
    let is_array = input
        .bytes()
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'[');
    if !is_array {
        return read_meeting(input, limits, offsets).map(|m| vec![m]);
    }
    check_size(input, limits)?;
    type Documents<'a> = Capped<&'a RawValue, DocumentsLen>;
    let raw = match crate::serde_impls::capped::with_context(limits, None, || {
        input.parse::<Documents<'_>>()
    }) {
        (Ok(raw), _) => raw,
        (Err(e), _) => return Err(syntax_error(input, &e)),
    };
    if raw.is_cut() {
        return Err(Error::new(Detail::TooMany {
            what: "documents in the array",
            count: raw.total,
            limit: limits.max_documents(),
            limit_name: "max_documents",
        }));
    }
    let mut out = Collector::for_limits(limits);
    let mut meetings = Vec::with_capacity(raw.items.len());
    for (i, doc) in raw.items.into_iter().enumerate() {
        let read = read_meeting(Input::Text(doc.get()), limits, offsets);
        if let Some(m) = out.take_at(|| format!("[{i}]"), read) {
            meetings.push(m);
        }
    }
    out.finish_value(meetings)
}

fn check_size(input: Input<'_>, limits: &Limits) -> Result<(), Error> {
    if input.len() > limits.max_document_bytes() {
        return Err(Error::new(Detail::TooMany {
            what: "bytes in the document",
            count: input.len(),
            limit: limits.max_document_bytes(),
            limit_name: "max_document_bytes",
        }));
    }
    Ok(())
}

/// Parses a whole document and converts it, reporting every violation.
pub(crate) fn read_meeting(
    input: Input<'_>,
    limits: &Limits,
    offsets: OffsetPolicy,
) -> Result<Meeting, Error> {
    check_size(input, limits)?;
    // Lists are kept up to these limits while parsing; agenda items are
    // converted as they are read, as the version the `format` field names.
    let parse = |version: Option<u8>| {
        crate::serde_impls::capped::with_context(limits, version, || input.parse::<RawMeeting>())
    };
    let (raw, facts) = match parse(None) {
        (Ok(raw), facts) => match (raw.version(), facts.converted_version) {
            // Items read before a `format` field that comes after them were
            // converted as diplomeet/2: read the document again, as it says.
            (Ok(version), Some(used)) if version != used => {
                drop(raw);
                match parse(Some(version)) {
                    (Ok(raw), facts) => (raw, facts),
                    (Err(e), _) => return Err(syntax_error(input, &e)),
                }
            }
            _ => (raw, facts),
        },
        (Err(e), _) => return Err(syntax_error(input, &e)),
    };
    raw.into_meeting(limits, offsets, facts)
}

/// The error for a document serde_json could not read: an unsupported
/// format if the document names one, else the syntax error with its path.
fn syntax_error(input: Input<'_>, e: &serde_json::Error) -> Error {
    if let Ok(probe) = input.parse::<FormatProbe>() {
        if probe.format != FORMAT && probe.format != crate::serde_impls::FORMAT_V1 {
            return unsupported(&probe.format);
        }
    }
    let error = Error::new(Detail::Syntax(e.to_string()));
    let path = syntax_path(input.bytes(), e.line(), e.column());
    if path.is_empty() {
        error
    } else {
        error.within(&path)
    }
}

/// Most path segments a syntax error's path shows (a deeply nested document
/// would otherwise give a path hundreds of segments long).
const MAX_SYNTAX_DEPTH: usize = 16;

/// One open container while [`syntax_path`] scans a document.
enum Frame {
    /// An object, with the last key read, and whether its value has started
    /// (a `:` was seen since).
    Object { key: Option<String>, value: bool },
    /// An array, with the index of the current element, and whether it has
    /// started.
    Array { index: usize, started: bool },
}

/// Where in the document a syntax error is, as a path like the model's
/// (`agenda[0].number`): the containers open at the error's position, each
/// with its current key or index; empty when the error is at the top level
/// (not JSON at all, trailing characters, a missing field of the meeting).
///
/// serde_json reports a line and a column (bytes since the line's start);
/// the document is scanned up to there, tracking only strings and brackets,
/// which is all a path needs: the text before the error is well-formed.
fn syntax_path(bytes: &[u8], line: usize, column: usize) -> String {
    let mut start_of_line = 0;
    if line > 1 {
        let mut seen = 1;
        for (i, b) in bytes.iter().enumerate() {
            if *b == b'\n' {
                seen += 1;
                if seen == line {
                    start_of_line = i.saturating_add(1);
                    break;
                }
            }
        }
    }
    let end = start_of_line.saturating_add(column).min(bytes.len());
    let text = bytes.get(..end).unwrap_or(bytes);

    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while let Some(&b) = text.get(i) {
        match b {
            b'"' => {
                // A string: find its end (or the end of the text), skipping
                // escapes.
                let mut j = i.saturating_add(1);
                while let Some(&c) = text.get(j) {
                    match c {
                        b'\\' => j = j.saturating_add(2),
                        b'"' => break,
                        _ => j = j.saturating_add(1),
                    }
                }
                let raw = text
                    .get(i.saturating_add(1)..j.min(text.len()))
                    .unwrap_or_default();
                match stack.last_mut() {
                    Some(Frame::Object { key, value: false }) => {
                        let quoted = [b"\"", raw, b"\""].concat();
                        *key = Some(
                            serde_json::from_slice::<String>(&quoted)
                                .unwrap_or_else(|_| String::from_utf8_lossy(raw).into_owned()),
                        );
                    }
                    Some(Frame::Array { started, .. }) => *started = true,
                    _ => {}
                }
                i = j;
            }
            b'{' | b'[' => {
                if let Some(Frame::Array { started, .. }) = stack.last_mut() {
                    *started = true;
                }
                stack.push(if b == b'{' {
                    Frame::Object {
                        key: None,
                        value: false,
                    }
                } else {
                    Frame::Array {
                        index: 0,
                        started: false,
                    }
                });
            }
            b'}' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Frame::Object { value, .. }) = stack.last_mut() {
                    *value = true;
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, value }) => {
                    *key = None;
                    *value = false;
                }
                Some(Frame::Array { index, started }) => {
                    *index = index.saturating_add(1);
                    *started = false;
                }
                None => {}
            },
            b' ' | b'\t' | b'\n' | b'\r' => {}
            _ => {
                if let Some(Frame::Array { started, .. }) = stack.last_mut() {
                    *started = true;
                }
            }
        }
        i = i.saturating_add(1);
    }

    let mut path = String::new();
    for (depth, frame) in stack.iter().enumerate() {
        if depth == MAX_SYNTAX_DEPTH {
            path.push_str("...");
            break;
        }
        match frame {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&echo(k));
            }
            Frame::Array {
                index,
                started: true,
            } => path.push_str(&format!("[{index}]")),
            // An object before its first key, an array before its first
            // element: the path ends at the container.
            _ => break,
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::syntax_path;

    /// The path at the end of `text` (line 1, column = its length).
    fn at_end(text: &str) -> String {
        syntax_path(text.as_bytes(), 1, text.len())
    }

    #[test]
    fn syntax_paths_follow_keys_and_indexes() {
        assert_eq!(at_end(""), "");
        assert_eq!(at_end(r#"{"a": 1}"#), "");
        assert_eq!(at_end(r#"{"a": "#), "a");
        assert_eq!(at_end(r#"{"a": [1, 2, {"b": "x"#), "a[2].b");
        assert_eq!(at_end(r#"{"a": [1, 2], "c""#), "c");
        // Escapes in keys and strings do not end them early.
        assert_eq!(at_end(r#"{"k\"ey": ["]\",{", x"#), "k\"ey[1]");
        assert_eq!(at_end(r#"{"k\"ey": ["]\",{", "#), "k\"ey");
        // An array before its first element ends the path.
        assert_eq!(at_end(r#"{"a": {"b": ["#), "a.b");
        // Deep nesting is cut.
        let deep = format!(r#"{{"a": {}"#, "[".repeat(100));
        assert!(at_end(&deep).ends_with("..."), "{}", at_end(&deep));
        assert!(at_end(&deep).len() < 80);
    }

    #[test]
    fn lines_and_columns_place_the_error() {
        let text = "{\n \"a\": 1,\n \"b\": [true,\n  nope]}";
        // Line 4, column 2: just before `nope`, in b[1].
        assert_eq!(syntax_path(text.as_bytes(), 4, 3), "b[1]");
        assert_eq!(syntax_path(text.as_bytes(), 2, 5), "a");
        // Past the end: clamped.
        assert_eq!(syntax_path(text.as_bytes(), 9, 99), "");
    }
}
