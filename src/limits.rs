//! Size limits against hostile or mistaken input, and the text checks that
//! apply them.

use crate::error::{Collector, Detail};

/// Upper bounds on the sizes of texts and lists, checked by every `build()` and
/// by the JSON reader.
///
/// serde will happily accept a 10 MiB title; these limits are how the crate
/// refuses one with an error that names the limit. The defaults are generous
/// for real readouts and small enough that a hostile document cannot make a
/// program allocate without bound. Lengths count Unicode scalar values
/// (`char`s), not bytes.
///
/// | limit | default | applies to |
/// |---|---|---|
/// | `max_title_len` | 500 | meeting and agenda-item titles, topic labels, occasions |
/// | `max_text_len` | 20 000 | entry texts (what was stated or agreed) |
/// | `max_name_len` | 200 | name parts, honorifics, post titles, places, ids, keywords, publishers |
/// | `max_url_len` | 2 048 | source URLs |
/// | `max_participants` | 256 | participants of one meeting |
/// | `max_agenda_items` | 200 | items on one agenda, sub-items at every level included (and sub-items of one item) |
/// | `max_entries` | 500 | entries or topics of one agenda item |
/// | `max_list_len` | 100 | posts, keywords, aliases, sources, the participants of one entry |
/// | `max_document_bytes` | 16 MiB | a whole JSON document (and what a reader is read for) |
/// | `max_documents` | 1 000 | documents in one JSON array (the meetings of one page; `Meeting::from_json_list_with`, feature `json`) |
/// | `max_calendar_meetings` | 1 000 000 | meetings in one [`Calendar`](crate::schedule::Calendar), checked by [`Calendar::try_push`](crate::schedule::Calendar::try_push) |
/// | `max_summit_days` | 31 | days of one [`Summit`](crate::summit::Summit) |
/// | `max_summit_slots` | 4 096 | slots of one summit's grid, over all its days |
/// | `max_plan_requests` | 10 000 | meeting requests in one summit plan (for planners built on the crate) |
/// | `max_agenda_depth` | 4 | levels of an agenda: items, sub-items ("(1)"), their sub-items ("(a)"), one more |
/// | `max_parts` | 20 | parts of one meeting (a meeting, then a working dinner) |
/// | `max_violations` | 1 000 | violations one [`Error`](crate::Error) keeps (the rest are counted: [`Error::total`](crate::Error::total)) |
/// | `max_ics_bytes` | 16 MiB | an iCalendar file read by [`IcsCalendar`](crate::ical::IcsCalendar) |
/// | `max_ics_events` | 100 000 | events read from one iCalendar file (the rest are skipped with a warning) |
/// | `max_occurrences_per_rule` | 10 000 | steps of one event's recurrence expansion: each period of a rule examined and each instant made (then cut with a warning) |
/// | `max_occurrences` | 1 000 000 | steps of one whole expansion over a window, all events together |
/// | `max_readout_bytes` | 1 MiB | a readout's text given to the `reader` (feature `reader`) |
///
/// Each error names the limit it hit (`max_participants`, ...), so a program
/// can tell which one to raise. [`Calendar::push`](crate::schedule::Calendar::push)
/// and `collect()` do not check `max_calendar_meetings`: a calendar a program
/// builds from its own meetings is trusted; `try_push` on a calendar made by
/// [`Calendar::with_limits`](crate::schedule::Calendar::with_limits) is for
/// meetings that come from outside.
///
/// ```
/// use diplomeet::Limits;
///
/// let strict = Limits::default().with_max_participants(10).with_max_title_len(120);
/// assert_eq!(strict.max_participants(), 10);
/// assert_eq!(strict.max_title_len(), 120);
/// assert_eq!(Limits::default().max_participants(), 256);
/// ```
///
/// The defaults are those of the table:
///
/// ```
/// use diplomeet::Limits;
///
/// let d = Limits::default();
/// assert_eq!(d.max_title_len(), 500);
/// assert_eq!(d.max_text_len(), 20_000);
/// assert_eq!(d.max_name_len(), 200);
/// assert_eq!(d.max_url_len(), 2_048);
/// assert_eq!(d.max_participants(), 256);
/// assert_eq!(d.max_agenda_items(), 200);
/// assert_eq!(d.max_entries(), 500);
/// assert_eq!(d.max_list_len(), 100);
/// assert_eq!(d.max_document_bytes(), 16 * 1024 * 1024);
/// assert_eq!(d.max_documents(), 1_000);
/// assert_eq!(d.max_calendar_meetings(), 1_000_000);
/// assert_eq!(d.max_summit_days(), 31);
/// assert_eq!(d.max_summit_slots(), 4_096);
/// assert_eq!(d.max_plan_requests(), 10_000);
/// assert_eq!(d.max_agenda_depth(), 4);
/// assert_eq!(d.max_parts(), 20);
/// assert_eq!(d.max_violations(), 1_000);
/// assert_eq!(d.max_ics_bytes(), 16 * 1024 * 1024);
/// assert_eq!(d.max_ics_events(), 100_000);
/// assert_eq!(d.max_occurrences_per_rule(), 10_000);
/// assert_eq!(d.max_occurrences(), 1_000_000);
/// assert_eq!(d.max_readout_bytes(), 1024 * 1024);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Limits {
    max_title_len: usize,
    max_text_len: usize,
    max_name_len: usize,
    max_url_len: usize,
    max_participants: usize,
    max_agenda_items: usize,
    max_entries: usize,
    max_list_len: usize,
    max_document_bytes: usize,
    max_calendar_meetings: usize,
    max_summit_days: usize,
    max_summit_slots: usize,
    max_plan_requests: usize,
    max_agenda_depth: usize,
    max_parts: usize,
    max_violations: usize,
    max_ics_bytes: usize,
    max_ics_events: usize,
    max_occurrences_per_rule: usize,
    max_occurrences: usize,
    max_documents: usize,
    max_readout_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_title_len: 500,
            max_text_len: 20_000,
            max_name_len: 200,
            max_url_len: 2_048,
            max_participants: 256,
            max_agenda_items: 200,
            max_entries: 500,
            max_list_len: 100,
            max_document_bytes: 16 * 1024 * 1024,
            max_calendar_meetings: 1_000_000,
            max_summit_days: 31,
            max_summit_slots: 4_096,
            max_plan_requests: 10_000,
            max_agenda_depth: 4,
            max_parts: 20,
            max_violations: crate::error::DEFAULT_MAX_VIOLATIONS,
            max_ics_bytes: 16 * 1024 * 1024,
            max_ics_events: 100_000,
            max_occurrences_per_rule: 10_000,
            max_occurrences: 1_000_000,
            max_documents: 1_000,
            max_readout_bytes: 1024 * 1024,
        }
    }
}

macro_rules! limit_accessors {
    ($($field:ident, $with:ident, $doc:literal;)*) => {
        impl Limits {
            /// Every limit by name, with its accessor and setter: serde reads
            /// and writes limits by these names.
            #[cfg(feature = "serde")]
            pub(crate) const BY_NAME: &'static [(&'static str, fn(&Limits) -> usize, fn(Limits, usize) -> Limits)] =
                &[$((stringify!($field), Limits::$field, Limits::$with),)*];

            $(
                #[doc = concat!("The longest or largest ", $doc, " allowed.")]
                ///
                /// Every limit is positive by default; see [`Limits`] for the
                /// defaults.
                ///
                #[doc = "```"]
                #[doc = "use diplomeet::Limits;"]
                #[doc = ""]
                #[doc = concat!("assert!(Limits::default().", stringify!($field), "() > 0);")]
                #[doc = concat!("let tight = Limits::default().", stringify!($with), "(1);")]
                #[doc = concat!("assert_eq!(tight.", stringify!($field), "(), 1);")]
                #[doc = "```"]
                pub fn $field(&self) -> usize {
                    self.$field
                }

                #[doc = concat!("Sets the limit on ", $doc, ".")]
                ///
                /// Returns a copy with this one limit changed and the others
                /// as they were.
                ///
                #[doc = "```"]
                #[doc = "use diplomeet::Limits;"]
                #[doc = ""]
                #[doc = "let default = Limits::default();"]
                #[doc = concat!("let raised = default.", stringify!($with), "(default.", stringify!($field), "() * 2);")]
                #[doc = concat!("assert_eq!(raised.", stringify!($field), "(), default.", stringify!($field), "() * 2);")]
                #[doc = "// Setting it back gives the defaults: no other limit changed."]
                #[doc = concat!("assert_eq!(raised.", stringify!($with), "(default.", stringify!($field), "()), default);")]
                #[doc = "```"]
                #[must_use]
                pub fn $with(mut self, value: usize) -> Self {
                    self.$field = value;
                    self
                }
            )*
        }
    };
}

limit_accessors! {
    max_title_len, with_max_title_len, "titles, labels and occasions, in characters,";
    max_text_len, with_max_text_len, "entry texts, in characters,";
    max_name_len, with_max_name_len, "names, honorifics, post titles, places, ids and keywords, in characters,";
    max_url_len, with_max_url_len, "source URLs, in characters,";
    max_participants, with_max_participants, "number of participants in one meeting";
    max_agenda_items, with_max_agenda_items, "number of agenda items in one meeting, sub-items included,";
    max_entries, with_max_entries, "number of entries or topics in one agenda item";
    max_list_len, with_max_list_len, "number of posts, keywords, aliases, sources or an entry's participants in one list";
    max_document_bytes, with_max_document_bytes, "JSON document, in bytes,";
    max_calendar_meetings, with_max_calendar_meetings, "number of meetings in one calendar";
    max_summit_days, with_max_summit_days, "number of days of one summit";
    max_summit_slots, with_max_summit_slots, "number of slots in one summit's grid (days times slots a day)";
    max_plan_requests, with_max_plan_requests, "number of meeting requests in one summit plan";
    max_agenda_depth, with_max_agenda_depth, "number of levels of an agenda (items, sub-items and theirs)";
    max_parts, with_max_parts, "number of parts of one meeting";
    max_violations, with_max_violations, "number of violations one error keeps (at least one is always kept)";
    max_ics_bytes, with_max_ics_bytes, "iCalendar file, in bytes,";
    max_ics_events, with_max_ics_events, "number of events read from one iCalendar file";
    max_occurrences_per_rule, with_max_occurrences_per_rule, "number of expansion steps (periods examined, instants made) for one event";
    max_occurrences, with_max_occurrences, "number of expansion steps for all events of one window together";
    max_documents, with_max_documents, "number of documents in one JSON array";
    max_readout_bytes, with_max_readout_bytes, "readout text the reader takes, in bytes,";
}

/// Which limit a text is held to.
#[derive(Debug, Clone, Copy)]
pub(crate) enum TextClass {
    Title,
    Text,
    Name,
    Url,
}

impl Limits {
    fn text_limit(&self, class: TextClass) -> (usize, &'static str) {
        match class {
            TextClass::Title => (self.max_title_len, "max_title_len"),
            TextClass::Text => (self.max_text_len, "max_text_len"),
            TextClass::Name => (self.max_name_len, "max_name_len"),
            TextClass::Url => (self.max_url_len, "max_url_len"),
        }
    }

    /// What is wrong with a required text, if anything: blank (nothing but
    /// white space and invisible characters), a control character other
    /// than tab and newline, or over its limit. One pass over the bytes.
    pub(crate) fn text_problem(
        &self,
        what: &'static str,
        class: TextClass,
        value: &str,
    ) -> Option<Detail> {
        // Most texts start with a visible ASCII character: no need to look
        // for a visible one.
        let visible_start = value.as_bytes().first().is_some_and(u8::is_ascii_graphic);
        if !visible_start && value.chars().all(|c| c.is_whitespace() || is_invisible(c)) {
            return Some(Detail::Empty { what });
        }
        if let Some((at, c)) = first_control(value) {
            return Some(Detail::InvalidValue {
                what,
                value: crate::error::echo(value),
                reason: format!(
                    "control character U+{:04X} at character {at}: texts may hold tab and newline, no other control character",
                    u32::from(c)
                ),
            });
        }
        let (limit, limit_name) = self.text_limit(class);
        // A text of at most `limit` bytes has at most `limit` chars: skip the count.
        if value.len() > limit {
            let len = value.chars().count();
            if len > limit {
                return Some(Detail::TooLong {
                    what,
                    len,
                    limit,
                    limit_name,
                });
            }
        }
        None
    }

    /// Checks a required text: not blank, within its limit.
    pub(crate) fn check_text(
        &self,
        out: &mut Collector,
        path: &str,
        what: &'static str,
        class: TextClass,
        value: &str,
    ) {
        if let Some(d) = self.text_problem(what, class, value) {
            out.push(path, d);
        }
    }

    /// [`check_text`](Limits::check_text) with a lazily formatted path.
    pub(crate) fn check_text_at(
        &self,
        out: &mut Collector,
        path: impl FnOnce() -> String,
        what: &'static str,
        class: TextClass,
        value: &str,
    ) {
        if let Some(d) = self.text_problem(what, class, value) {
            out.push_at(path, d);
        }
    }

    /// Checks the length of a list against a count limit.
    pub(crate) fn check_count(
        &self,
        out: &mut Collector,
        path: &str,
        what: &'static str,
        count: usize,
        limit: usize,
        limit_name: &'static str,
    ) {
        if count > limit {
            out.push(
                path,
                Detail::TooMany {
                    what,
                    count,
                    limit,
                    limit_name,
                },
            );
        }
    }

    /// Checks a list against `max_list_len`.
    pub(crate) fn check_list(&self, out: &mut Collector, path: &str, what: &'static str, n: usize) {
        self.check_count(out, path, what, n, self.max_list_len, "max_list_len");
    }
}

/// Characters that show nothing: the format characters and fillers that
/// Unicode's default-ignorable set holds (zero-width space and joiners,
/// direction marks and embeddings, the soft hyphen, variation selectors, the
/// byte order mark, tags), and the control characters.
pub(crate) fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF0}'..='\u{FFF8}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

/// The first control character other than tab and newline, with its
/// position in characters; a scan of the bytes, decoding only when one is
/// found.
fn first_control(text: &str) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    // C0 controls and DEL are single bytes; C1 controls (U+0080 to U+009F)
    // are 0xC2 followed by 0x80 to 0x9F.
    // A first pass eight bytes at a time: any byte below the space (tab and
    // newline included), DEL, or the lead byte of a C1 control; only then a
    // look at the characters.
    if !suspect(bytes) {
        return None;
    }
    text.chars()
        .enumerate()
        .find(|(_, c)| c.is_control() && *c != '\t' && *c != '\n')
}

/// Whether `bytes` may hold a control character: a byte below the space,
/// DEL, or 0xC2 (the lead byte of U+0080 to U+00BF). Eight bytes at a time,
/// with the classic word tricks: a byte below `n` (at most 0x80) sets its
/// high bit in `(x - n * ONES) & !x & HIGHS`, an equal byte is a zero byte of
/// `x ^ (b * ONES)`. The tricks may flag a byte after a flagged one, never
/// miss one; a flag only sends the text to the exact look.
fn suspect(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let x = <[u8; 8]>::try_from(w).map_or(0, u64::from_le_bytes);
        let below_space = x.wrapping_sub(ONES * 0x20) & !x & HIGHS;
        if below_space | zero_byte(x ^ (ONES * 0x7f)) | zero_byte(x ^ (ONES * 0xc2)) != 0 {
            return true;
        }
    }
    words
        .remainder()
        .iter()
        .any(|&b| b < 0x20 || b == 0x7f || b == 0xc2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn the_word_scan_finds_every_suspect_byte_anywhere() {
        for len in 0..24 {
            let clean = vec![b'a'; len];
            assert!(!suspect(&clean), "{len}");
            for at in 0..len {
                for b in [0u8, 0x09, 0x0a, 0x1f, 0x7f, 0xc2] {
                    let mut t = clean.clone();
                    t[at] = b;
                    assert!(suspect(&t), "{len} {at} {b:#x}");
                }
                for b in [0x20u8, 0x7e, 0x80, 0xc3, 0xff] {
                    let mut t = clean.clone();
                    t[at] = b;
                    assert!(!suspect(&t), "{len} {at} {b:#x}");
                }
            }
        }
    }

    fn run(class: TextClass, value: &str) -> Vec<ErrorKind> {
        let mut c = Collector::new();
        Limits::default()
            .with_max_name_len(3)
            .check_text(&mut c, "x", "name", class, value);
        match c.finish() {
            Ok(()) => vec![],
            Err(e) => e.violations().map(|v| v.kind()).collect(),
        }
    }

    #[test]
    fn texts_are_counted_in_chars() {
        assert_eq!(run(TextClass::Name, "äöü"), vec![]);
        assert_eq!(run(TextClass::Name, "äöüé"), vec![ErrorKind::TooLong]);
        assert_eq!(run(TextClass::Name, "  "), vec![ErrorKind::Empty]);
        assert_eq!(run(TextClass::Name, ""), vec![ErrorKind::Empty]);
    }

    #[test]
    fn invisible_only_texts_are_empty() {
        for text in [
            "\u{0}",
            "\u{200B}\u{200E}",
            " \u{FEFF} ",
            "\u{202E}\u{2066}\u{0}\t",
        ] {
            assert_eq!(
                run(TextClass::Name, text),
                vec![ErrorKind::Empty],
                "{text:?}"
            );
        }
        // A visible character among them is a text.
        assert_eq!(run(TextClass::Name, "\u{200B}a"), vec![]);
    }

    #[test]
    fn control_characters_are_refused_with_their_position() {
        for (text, at, code) in [
            ("ab\u{0}c", 2, "U+0000"),
            ("a\rb", 1, "U+000D"),
            ("é\u{85}x", 1, "U+0085"),
            ("x\u{7f}", 1, "U+007F"),
        ] {
            let mut c = Collector::new();
            Limits::default().check_text(&mut c, "t", "text", TextClass::Text, text);
            let e = c.finish().unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidValue, "{text:?}");
            let m = e.to_string();
            assert!(
                m.contains(code) && m.contains(&format!("at character {at}")),
                "{m}"
            );
        }
        // Tab and newline are text.
        assert_eq!(run(TextClass::Text, "a\tb\nc"), vec![]);
    }

    #[test]
    fn too_long_names_the_limit() {
        let mut c = Collector::new();
        Limits::default().check_text(&mut c, "title", "title", TextClass::Title, &"x".repeat(501));
        let e = c.finish().unwrap_err();
        assert_eq!(e.path(), "title");
        assert!(e.to_string().contains("max_title_len"), "{e}");
        assert!(e.to_string().contains("501"), "{e}");
    }
}
