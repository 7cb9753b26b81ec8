//! Content lines (RFC 5545 3.1): unfolding, then each logical line split into
//! its name, parameters and value.
//!
//! Lenient where real files break the RFC: CRLF, LF or a lone CR end a line;
//! a continuation may start with a space or a tab; a line that is not a
//! content line at all (a long value folded without its leading space) is
//! read as the continuation of the line before it, with a warning.

use std::borrow::Cow;

use super::warning::{WarningKind, Warnings};

/// One logical (unfolded) content line and the number of its first physical
/// line (1-based).
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    pub(crate) no: usize,
    pub(crate) text: Cow<'a, str>,
}

/// Unfolds `text` into logical lines. Costs one pass over the text; a line
/// is copied only when it was folded.
pub(crate) fn unfold<'a>(text: &'a str, warnings: &mut Warnings) -> Vec<Line<'a>> {
    let mut out: Vec<Line<'a>> = Vec::new();
    let mut rest = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut no = 0usize;
    while !rest.is_empty() {
        let end = rest.find(['\r', '\n']).unwrap_or(rest.len());
        let (physical, tail) = rest.split_at_checked(end).unwrap_or((rest, ""));
        rest = tail
            .strip_prefix("\r\n")
            .or_else(|| tail.strip_prefix('\n'))
            .or_else(|| tail.strip_prefix('\r'))
            .unwrap_or(tail);
        no += 1;
        if physical.is_empty() {
            continue;
        }
        if let Some(continued) = physical
            .strip_prefix(' ')
            .or_else(|| physical.strip_prefix('\t'))
        {
            match out.last_mut() {
                Some(last) => last.text.to_mut().push_str(continued),
                None => warnings.push(
                    no,
                    WarningKind::MalformedLine,
                    "a continuation line with no line before it: skipped".to_owned(),
                ),
            }
            continue;
        }
        if starts_like_content_line(physical) {
            out.push(Line {
                no,
                text: Cow::Borrowed(physical),
            });
            continue;
        }
        match out.last_mut() {
            Some(last) => {
                warnings.push(
                    no,
                    WarningKind::MalformedLine,
                    format!(
                        "not a content line: read as the rest of line {} (a line folded without its leading space)",
                        last.no
                    ),
                );
                last.text.to_mut().push_str(physical);
            }
            None => warnings.push(
                no,
                WarningKind::MalformedLine,
                format!(
                    "not a content line: skipped ({:?})",
                    super::value::clip(physical)
                ),
            ),
        }
    }
    out
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.'
}

/// A name (letters, digits, `-`, `_`, `.`) followed by `;` or `:`.
fn starts_like_content_line(line: &str) -> bool {
    let bytes = line.as_bytes();
    let name = bytes.iter().take_while(|b| is_name_byte(**b)).count();
    name > 0 && matches!(bytes.get(name), Some(b';' | b':'))
}

/// A content line split into its parts (all borrowed from the line).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Prop<'l> {
    /// The name as written (compare with `eq_ignore_ascii_case`).
    pub(crate) name: &'l str,
    /// The parameters as written, without the leading `;` (empty if none).
    pub(crate) params: &'l str,
    /// The value, after the first `:` outside quotes.
    pub(crate) value: &'l str,
}

impl<'l> Prop<'l> {
    /// Whether the name is `name` (any case).
    pub(crate) fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }

    /// The first value of the parameter `name` (any case), unquoted and
    /// with RFC 6868 `^` escapes decoded.
    pub(crate) fn param(&self, name: &str) -> Option<Cow<'l, str>> {
        param(self.params, name)
    }
}

/// Splits a logical line; `None` when it has no `:` after its name (outside
/// quoted parameter values).
pub(crate) fn split(line: &str) -> Option<Prop<'_>> {
    let bytes = line.as_bytes();
    let name_len = bytes.iter().take_while(|b| is_name_byte(**b)).count();
    if name_len == 0 {
        return None;
    }
    let name = line.get(..name_len)?;
    match bytes.get(name_len) {
        Some(b':') => Some(Prop {
            name,
            params: "",
            value: line.get(name_len + 1..)?,
        }),
        Some(b';') => {
            let mut quoted = false;
            for (i, b) in bytes.iter().enumerate().skip(name_len + 1) {
                match b {
                    b'"' => quoted = !quoted,
                    b':' if !quoted => {
                        return Some(Prop {
                            name,
                            params: line.get(name_len + 1..i)?,
                            value: line.get(i + 1..)?,
                        });
                    }
                    _ => {}
                }
            }
            None
        }
        _ => None,
    }
}

/// Splits `params` at the `;` outside quotes.
fn each_param(params: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(params);
    std::iter::from_fn(move || {
        let text = rest?;
        let mut quoted = false;
        for (i, c) in text.char_indices() {
            match c {
                '"' => quoted = !quoted,
                ';' if !quoted => {
                    rest = text.get(i + 1..);
                    return text.get(..i);
                }
                _ => {}
            }
        }
        rest = None;
        Some(text)
    })
}

fn param<'l>(params: &'l str, name: &str) -> Option<Cow<'l, str>> {
    if params.is_empty() {
        return None;
    }
    for p in each_param(params) {
        let Some((n, v)) = p.split_once('=') else {
            continue;
        };
        if !n.trim().eq_ignore_ascii_case(name) {
            continue;
        }
        let v = v.trim();
        // The first value of a list: up to a comma outside quotes.
        let first = match v.strip_prefix('"') {
            Some(inner) => inner.split('"').next().unwrap_or_default(),
            None => v.split(',').next().unwrap_or_default(),
        };
        return Some(if first.contains('^') {
            Cow::Owned(caret_decode(first))
        } else {
            Cow::Borrowed(first)
        });
    }
    None
}

/// RFC 6868: `^n` is a newline, `^^` a caret, `^'` a double quote; any other
/// caret stays as it is.
fn caret_decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '^' {
            out.push(c);
            continue;
        }
        match chars.peek() {
            Some('n' | 'N') => {
                out.push('\n');
                chars.next();
            }
            Some('^') => {
                out.push('^');
                chars.next();
            }
            Some('\'') => {
                out.push('"');
                chars.next();
            }
            _ => out.push('^'),
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn lines(text: &str) -> (Vec<(usize, String)>, Warnings) {
        let mut w = Warnings::default();
        let out = unfold(text, &mut w)
            .into_iter()
            .map(|l| (l.no, l.text.into_owned()))
            .collect();
        (out, w)
    }

    #[test]
    fn unfolds_crlf_lf_cr_space_and_tab() {
        let (l, w) = lines("A:1\r\n 2\r\n\t3\nB:x\rC:y");
        assert_eq!(
            l,
            [(1, "A:123".into()), (4, "B:x".into()), (5, "C:y".into())]
        );
        assert!(w.is_empty());
    }

    #[test]
    fn bad_folding_is_read_as_a_continuation() {
        let (l, w) = lines("DESCRIPTION:first part\r\nand the rest\r\nSUMMARY:x\r\n");
        assert_eq!(l[0].1, "DESCRIPTION:first partand the rest");
        assert_eq!(w.len(), 1);
        assert_eq!(w.list()[0].line(), 2);
        assert_eq!(w.list()[0].kind(), WarningKind::MalformedLine);
    }

    #[test]
    fn bom_and_blank_lines() {
        let (l, _) = lines("\u{feff}BEGIN:VCALENDAR\r\n\r\nEND:VCALENDAR\r\n");
        assert_eq!(l.len(), 2);
        assert_eq!(l[1].0, 3);
    }

    #[test]
    fn splits_quoted_parameters() {
        let p = split(r#"DTSTART;TZID="America/New_York";X-A="a:b;c":20260105T090000"#).unwrap();
        assert_eq!(p.name, "DTSTART");
        assert_eq!(p.value, "20260105T090000");
        assert_eq!(p.param("tzid").unwrap(), "America/New_York");
        assert_eq!(p.param("X-A").unwrap(), "a:b;c");
        assert!(p.param("VALUE").is_none());
        let p = split("ATTENDEE;CN=a ^'b^' ^^c^n:x").unwrap();
        assert_eq!(p.param("CN").unwrap(), "a \"b\" ^c\n");
        assert!(split("NOCOLON;A=b").is_none());
        assert!(split(":x").is_none());
        assert_eq!(split("X:a:b").unwrap().value, "a:b");
    }
}
