//! Tokenizing and segmenting: the readout's lines, its title and date line,
//! its paragraphs and numbered items, their sentences and words, each with
//! its byte span in the text.
//!
//! Every pass here is one left-to-right scan of the text (or of one
//! paragraph): linear in its length.

use std::fmt;

/// A byte range of the readout's text. `Copy`, unlike `Range<usize>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub(crate) struct Sp {
    pub(crate) start: usize,
    pub(crate) end: usize,
}

impl Sp {
    pub(crate) fn new(start: usize, end: usize) -> Sp {
        Sp {
            start,
            end: end.max(start),
        }
    }

    /// The smallest span covering both.
    pub(crate) fn to(self, other: Sp) -> Sp {
        Sp::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub(crate) fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    pub(crate) fn is_empty(self) -> bool {
        self.start >= self.end
    }
}

impl fmt::Display for Sp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters (with digits, inner hyphens, apostrophes and abbreviation
    /// dots): `Minister`, `Japan’s`, `U.S.`, `p.m.`, `Ki-moon`, `3G`.
    Word,
    /// Digits alone, or with an ordinal ending: `13`, `2023`, `17th`.
    Number,
    /// A clock time with a colon: `4:00`, `20:20`.
    Clock,
    /// One punctuation character.
    Punct,
}

/// One token of a sentence, with its lookup key (lower case, typographic
/// apostrophes and dashes as ASCII) computed once.
#[derive(Debug, Clone)]
pub(crate) struct Tok<'a> {
    pub(crate) sp: Sp,
    pub(crate) text: &'a str,
    pub(crate) kind: Kind,
    pub(crate) lower: std::borrow::Cow<'a, str>,
}

impl<'a> Tok<'a> {
    /// A token; its key is computed here, once.
    pub(crate) fn new(sp: Sp, text: &'a str, kind: Kind) -> Tok<'a> {
        let plain = text.bytes().all(|b| {
            b.is_ascii_lowercase()
                || b.is_ascii_digit()
                || matches!(
                    b,
                    b'-' | b'.' | b'\'' | b',' | b';' | b':' | b'(' | b')' | b'"'
                )
        });
        let lower = if plain {
            std::borrow::Cow::Borrowed(text)
        } else if text.is_ascii() {
            std::borrow::Cow::Owned(text.to_ascii_lowercase())
        } else {
            std::borrow::Cow::Owned(key(text))
        };
        Tok {
            sp,
            text,
            kind,
            lower,
        }
    }

    /// The lookup key ([`key`] of the text).
    pub(crate) fn key(&self) -> &str {
        &self.lower
    }
    pub(crate) fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    pub(crate) fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.text.starts_with(c)
    }

    /// Case-insensitive comparison with an ASCII word, with typographic
    /// apostrophes read as `'`.
    pub(crate) fn is(&self, word: &str) -> bool {
        self.key() == word
    }

    /// Whether the token starts with an upper-case letter.
    pub(crate) fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Case-insensitive equality with typographic apostrophes read as `'`.
pub(crate) fn eq_fold(a: &str, b: &str) -> bool {
    let mut x = a.chars().map(fold_char);
    let mut y = b.chars().map(fold_char);
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(p), Some(q)) if p == q => {}
            _ => return false,
        }
    }
}

/// Lower case, typographic quotes and apostrophes as ASCII ones, dashes
/// as `-`.
pub(crate) fn fold_char(c: char) -> char {
    match c {
        '’' | '‘' | '`' | 'ʼ' => '\'',
        '“' | '”' | '„' => '"',
        '–' | '—' | '‑' | '‐' => '-',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// Calls `f` with the [`key`] of a word without allocating for the usual
/// case (ASCII, at most 64 bytes, no white space or controls).
pub(crate) fn with_key<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    if w.bytes()
        .all(|b| b.is_ascii_lowercase() || b == b'-' || b == b'\'')
    {
        return f(w);
    }
    let mut buf = [0u8; 64];
    if w.len() <= buf.len() && w.bytes().all(|b| b.is_ascii_graphic()) {
        for (d, b) in buf.iter_mut().zip(w.bytes()) {
            *d = if b == b'`' {
                b'\''
            } else {
                b.to_ascii_lowercase()
            };
        }
        if let Some(k) = buf.get(..w.len()).and_then(|b| std::str::from_utf8(b).ok()) {
            return f(k);
        }
    }
    f(&key(w))
}

/// A lower-case key for lookups: folded characters, white space runs as one
/// space, trimmed.
pub(crate) fn key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() || is_invisible(c) {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(fold_char(c));
    }
    out
}

/// Characters that show nothing and are read as white space: controls,
/// zero-width characters, direction marks, the byte-order mark.
pub(crate) fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FE00}'..='\u{FE0F}'
        )
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || is_invisible(c)
}

/// Abbreviations whose full stop is part of the word (never the end of a
/// sentence by itself): titles and honorifics, and common ones.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "hon", "rt", "prof", "gen", "col", "lt", "no",
    "nos", "vs", "etc", "amb", "sen", "rep", "gov", "messrs", "mme", "mlle", "vol", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed",
    "thu", "fri", "sat", "sun", "approx", "dept", "govt", "min", "mins", "hr", "hrs",
];

/// Abbreviations that may also end a sentence ("... with the U.S. The two
/// ministers ...").
pub(crate) fn may_end_sentence(word: &str) -> bool {
    let k = key(word);
    matches!(
        k.as_str(),
        "u.s." | "u.k." | "p.m." | "a.m." | "etc." | "e.u." | "u.n." | "d.c." | "r.o.k."
    )
}

/// Splits `text[base..base + len]` (already sliced as `part`) into tokens.
/// Linear in the length.
pub(crate) fn tokenize(part: &str, base: usize) -> Vec<Tok<'_>> {
    let mut toks = Vec::new();
    let chars: Vec<(usize, char)> = part.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| chars.get(i).map(|(_, c)| *c);
    let pos = |i: usize| chars.get(i).map_or(part.len(), |(p, _)| *p);
    let mut i = 0;
    while i < n {
        let Some(c) = at(i) else { break };
        if is_space(c) {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_ascii_digit() {
            // Digits, a clock (`4:00`), or an ordinal (`17th`).
            let mut j = i;
            while at(j).is_some_and(|c| c.is_ascii_digit()) {
                j += 1;
            }
            let mut kind = Kind::Number;
            if at(j) == Some(':')
                && at(j + 1).is_some_and(|c| c.is_ascii_digit())
                && at(j + 2).is_some_and(|c| c.is_ascii_digit())
                && !at(j + 3).is_some_and(|c| c.is_ascii_digit())
            {
                j += 3;
                kind = Kind::Clock;
            }
            // Letters straight after the digits: an ordinal stays, a.m./pm
            // is a word of its own, anything else ("3G", "COVID-19" style
            // words) makes one word.
            let mut k = j;
            while at(k).is_some_and(char::is_alphabetic) {
                k += 1;
            }
            if k > j {
                let letters: String = chars
                    .get(j..k)
                    .map(|s| s.iter().map(|(_, c)| c.to_ascii_lowercase()).collect())
                    .unwrap_or_default();
                let ordinal = matches!(letters.as_str(), "st" | "nd" | "rd" | "th");
                let clock_word = matches!(letters.as_str(), "am" | "pm" | "a" | "p" | "h");
                if ordinal && kind == Kind::Number {
                    j = k;
                } else if !clock_word {
                    // A word such as `3G`, `G7`-like forms starting with a digit.
                    let end = word_end(&chars, j);
                    push(&mut toks, part, base, pos(start), pos(end), Kind::Word);
                    i = end;
                    continue;
                }
            }
            // A decimal ("2.8") stays one number.
            if kind == Kind::Number
                && at(j) == Some('.')
                && at(j + 1).is_some_and(|c| c.is_ascii_digit())
            {
                j += 1;
                while at(j).is_some_and(|c| c.is_ascii_digit()) {
                    j += 1;
                }
            }
            // `22-24` and other digit runs joined by a hyphen stay a number.
            while at(j) == Some('-') && at(j + 1).is_some_and(|c| c.is_ascii_digit()) {
                j += 1;
                while at(j).is_some_and(|c| c.is_ascii_digit()) {
                    j += 1;
                }
            }
            push(&mut toks, part, base, pos(start), pos(j), kind);
            i = j;
            continue;
        }
        if c.is_alphanumeric() {
            let end = word_end(&chars, i);
            push(&mut toks, part, base, pos(start), pos(end), Kind::Word);
            i = end;
            continue;
        }
        // Punctuation: one character.
        push(&mut toks, part, base, pos(i), pos(i + 1), Kind::Punct);
        i += 1;
    }
    toks
}

/// The end (exclusive, in chars) of the word starting at `i`: letters,
/// digits and marks, inner hyphens and apostrophes, abbreviation dots.
fn word_end(chars: &[(usize, char)], i: usize) -> usize {
    let at = |i: usize| chars.get(i).map(|(_, c)| *c);
    let is_letter = |c: char| c.is_alphanumeric() || is_mark(c);
    let mut j = i;
    let mut dots = 0;
    let mut seg = i;
    loop {
        match at(j) {
            Some(c) if is_letter(c) => j += 1,
            Some('-' | '‑' | '\'' | '’' | '&') if at(j + 1).is_some_and(is_letter) && j > i => {
                j += 1;
                seg = j;
            }
            // "Ministers’ Meeting": a closing apostrophe after a plural s.
            Some('’' | '\'')
                if j > i
                    && at(j - 1).is_some_and(|c| c == 's' || c == 'S')
                    && !at(j + 1).is_some_and(is_letter) =>
            {
                j += 1;
                break;
            }
            Some('.')
                if at(j + 1).is_some_and(char::is_alphabetic)
                    && j > seg
                    && (j - seg) <= 3
                    && at(j + 2).is_none_or(|c| {
                        !c.is_alphabetic() || at(j + 3) == Some('.') || c == '.'
                    }) =>
            {
                // U.S, p.m, H.E (also after a hyphen: "Japan-U.S."): short
                // pieces joined by dots.
                dots += 1;
                j += 1;
                seg = j;
            }
            _ => break,
        }
    }
    // A trailing dot belongs to abbreviations, initials and dotted words.
    if at(j) == Some('.') {
        let word: String = chars
            .get(i..j)
            .map(|s| s.iter().map(|(_, c)| fold_char(*c)).collect())
            .unwrap_or_default();
        let single_letter = j - i == 1 && at(i).is_some_and(char::is_uppercase);
        let small_ampm = matches!(word.as_str(), "a" | "p");
        if dots > 0 || single_letter || small_ampm || ABBREVIATIONS.contains(&word.as_str()) {
            j += 1;
        }
    }
    j
}

fn is_mark(c: char) -> bool {
    // Combining marks (Devanagari vowel signs and viramas among them).
    matches!(c as u32, 0x0300..=0x036F | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957 | 0x0962..=0x0963 | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF)
}

fn push<'a>(toks: &mut Vec<Tok<'a>>, part: &'a str, base: usize, a: usize, b: usize, kind: Kind) {
    if let Some(text) = part.get(a..b) {
        toks.push(Tok::new(Sp::new(base + a, base + b), text, kind));
    }
}

/// The label of a numbered item or sub-item, as printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LabelKind {
    /// `1.`
    Dot,
    /// `(1)`, `(a)`, `(i)`
    Paren,
    /// `1)`, `a)`
    Close,
}

/// A printed label and its kind.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Label {
    pub(crate) sp: Sp,
    pub(crate) kind: LabelKind,
}

/// A block of the body: a paragraph, or a numbered item (or sub-item) that
/// starts on a line of its own.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    /// The whole block.
    pub(crate) sp: Sp,
    /// Its label, when it starts with one.
    pub(crate) label: Option<Label>,
    /// A heading on the label's line ("1. Opening remarks"), when the body
    /// follows on the next line.
    pub(crate) heading: Option<Sp>,
    /// The text after the label (and heading).
    pub(crate) body: Sp,
    /// Which blank-line-separated paragraph it belongs to.
    pub(crate) para: usize,
}

/// The readout split into its parts.
#[derive(Debug)]
pub(crate) struct Doc {
    /// Line 1, when not blank.
    pub(crate) title: Option<Sp>,
    /// Line 2 when it is followed by a blank line (or the end) and line 1
    /// is a title: the page's date line, if it holds a date.
    pub(crate) date_line: Option<Sp>,
    pub(crate) blocks: Vec<Block>,
}

/// Splits a readout into title, date line and body blocks. Linear.
pub(crate) fn segment(text: &str) -> Doc {
    // Lines with their spans (without the line end, `\r` trimmed): a line
    // ends at `\n`, at a `\r` not followed by `\n` (old Mac files), and at
    // U+0085, U+2028 and U+2029.
    let mut lines: Vec<Sp> = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        // The width of the line end starting here (U+0085 is C2 85; U+2028
        // and U+2029 are E2 80 A8 and E2 80 A9).
        let width = match b {
            b'\n' => 1,
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => 1,
            0xC2 if bytes.get(i + 1) == Some(&0x85) => 2,
            0xE2 if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
            {
                3
            }
            _ => continue,
        };
        if i >= start {
            lines.push(Sp::new(start, i));
            start = i + width;
        }
    }
    if start < text.len() {
        lines.push(Sp::new(start, text.len()));
    }
    let trimmed = |sp: Sp| trim(text, sp);
    let blank = |sp: Sp| trimmed(sp).is_empty();
    let mut first_body = 0;
    let mut title = None;
    let mut date_line = None;
    if let Some(&l1) = lines.first() {
        // Line 1 is the title when it stands alone (line 2 blank) or is
        // followed by a short date line and a blank line.
        let l2 = lines.get(1).copied();
        let l3 = lines.get(2).copied();
        let line2_blank = l2.is_none_or(blank);
        let line3_blank = l3.is_none_or(blank);
        if !blank(l1) && (line2_blank || line3_blank) {
            title = Some(trimmed(l1));
            first_body = 1;
            if let Some(l2) = l2.filter(|l| !blank(*l) && line3_blank) {
                date_line = Some(trimmed(l2));
                first_body = 2;
            }
        } else if blank(l1) {
            // No title: an empty line 1 (and possibly an empty date line).
            first_body = 1;
        }
    }
    let mut blocks = Vec::new();
    let mut para = 0usize;
    let mut current: Vec<Sp> = Vec::new();
    let body_lines = lines.get(first_body..).unwrap_or_default();
    for &line in body_lines {
        if blank(line) {
            if !current.is_empty() {
                flush(text, &mut current, para, &mut blocks);
                para += 1;
            }
            continue;
        }
        current.push(trimmed(line));
    }
    if !current.is_empty() {
        flush(text, &mut current, para, &mut blocks);
    }
    Doc {
        title,
        date_line,
        blocks,
    }
}

/// Turns the lines of one paragraph into blocks: a line that starts with a
/// label starts a block of its own.
fn flush(text: &str, lines: &mut Vec<Sp>, para: usize, blocks: &mut Vec<Block>) {
    let mut group: Vec<(Sp, Option<Label>)> = Vec::new();
    let mut emit = |group: &mut Vec<(Sp, Option<Label>)>| {
        if let Some((first, label)) = group.first().copied() {
            let last = group.last().map_or(first, |(l, _)| *l);
            let sp = first.to(last);
            let after_label = label.map_or(first.start, |l| l.sp.end);
            let first_rest = trim(text, Sp::new(after_label, first.end));
            // A heading: a labelled first line with no sentence end, short,
            // followed by more lines.
            let heading = (label.is_some() && group.len() > 1 && is_heading(text, first_rest))
                .then_some(first_rest);
            let body_start = match heading {
                Some(_) => group.get(1).map_or(sp.end, |(l, _)| l.start),
                None => first_rest.start,
            };
            blocks.push(Block {
                sp,
                label,
                heading,
                body: trim(text, Sp::new(body_start, sp.end)),
                para,
            });
        }
        group.clear();
    };
    for &line in lines.iter() {
        let label = label_at(text, line);
        if label.is_some() && !group.is_empty() {
            emit(&mut group);
        }
        group.push((line, label));
    }
    emit(&mut group);
    lines.clear();
}

/// Whether a labelled item's first line is a heading: short, and not
/// ending like a sentence or a clause.
fn is_heading(text: &str, sp: Sp) -> bool {
    let Some(s) = text.get(sp.range()) else {
        return false;
    };
    let s = s.trim();
    !s.is_empty()
        && s.chars().count() <= 120
        && !s.ends_with(['.', ';', ':', ',', '。', '!', '?', ')', '”', '"'])
}

/// The label at the start of a line: `1.`, `12.`, `(1)`, `(a)`, `(iv)`,
/// `1)`, `a)` followed by a space.
fn label_at(text: &str, line: Sp) -> Option<Label> {
    let s = text.get(line.range())?;
    let b = s.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let mk = |len: usize, kind: LabelKind| {
        let next = b.get(len).copied();
        (next.is_none() || next == Some(b' ') || next == Some(b'\t')).then_some(Label {
            sp: Sp::new(line.start, line.start + len),
            kind,
        })
    };
    if (1..=3).contains(&digits) {
        return match b.get(digits) {
            Some(b'.') => mk(digits + 1, LabelKind::Dot),
            Some(b')') => mk(digits + 1, LabelKind::Close),
            _ => None,
        };
    }
    if b.first() == Some(&b'(') {
        let inner = b
            .get(1..)?
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if (1..=4).contains(&inner) && b.get(1 + inner) == Some(&b')') {
            let inner_text = s.get(1..1 + inner)?;
            if is_label_word(inner_text) {
                return mk(inner + 2, LabelKind::Paren);
            }
        }
        return None;
    }
    let letters = b.iter().take_while(|c| c.is_ascii_lowercase()).count();
    if (1..=4).contains(&letters) && b.get(letters) == Some(&b')') {
        let inner_text = s.get(..letters)?;
        if is_label_word(inner_text) {
            return mk(letters + 1, LabelKind::Close);
        }
    }
    None
}

/// A label's inside: a number, one letter, or a small roman numeral.
fn is_label_word(s: &str) -> bool {
    s.bytes().all(|c| c.is_ascii_digit())
        || (s.len() == 1 && s.bytes().all(|c| c.is_ascii_alphabetic()))
        || s.bytes().all(|c| matches!(c, b'i' | b'v' | b'x'))
}

/// The span without leading and trailing white space (and invisible
/// characters).
pub(crate) fn trim(text: &str, sp: Sp) -> Sp {
    let Some(s) = text.get(sp.range()) else {
        return Sp::new(sp.start, sp.start);
    };
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let tail = s.len() - s.trim_end_matches(is_space).len();
    if lead + tail >= s.len() {
        return Sp::new(sp.start, sp.start);
    }
    Sp::new(sp.start + lead, sp.end - tail)
}

/// One sentence: its span and tokens.
#[derive(Debug, Clone)]
pub(crate) struct Sentence<'a> {
    pub(crate) sp: Sp,
    pub(crate) toks: Vec<Tok<'a>>,
}

/// Splits a block's body into sentences. A sentence ends at `.`, `!`, `?`,
/// `。` or `।` outside parentheses, followed by the end or by a word that
/// starts a sentence; closing quotes and brackets after the stop belong to
/// it. Linear in the body.
pub(crate) fn sentences<'a>(text: &'a str, body: Sp) -> Vec<Sentence<'a>> {
    let Some(part) = text.get(body.range()) else {
        return Vec::new();
    };
    let toks = tokenize(part, body.start);
    // Matching parentheses, so that a stray one does not hide stops.
    let mut depth_at = vec![0u32; toks.len()];
    let mut opens: Vec<usize> = Vec::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.is_punct('(') || t.is_punct('[') {
            opens.push(i);
        } else if t.is_punct(')') || t.is_punct(']') {
            if let Some(o) = opens.pop() {
                pairs.push((o, i));
            }
        }
    }
    // Depth by a difference array over matched pairs.
    let mut delta = vec![0i64; toks.len() + 1];
    for (o, c) in &pairs {
        if let Some(d) = delta.get_mut(o + 1) {
            *d += 1;
        }
        if let Some(d) = delta.get_mut(*c) {
            *d -= 1;
        }
    }
    let mut depth = 0i64;
    for (i, d) in depth_at.iter_mut().enumerate() {
        depth += delta.get(i).copied().unwrap_or(0);
        *d = u32::try_from(depth.max(0)).unwrap_or(0);
    }
    let mut out = Vec::new();
    let mut begin = 0usize;
    let mut i = 0usize;
    while i < toks.len() {
        let Some(t) = toks.get(i) else { break };
        let inside = depth_at.get(i).copied().unwrap_or(0) > 0;
        let stop = t.kind == Kind::Punct && matches!(t.text, "." | "!" | "?" | "。" | "।" | "…");
        let abbrev_stop = t.kind == Kind::Word && t.text.ends_with('.') && may_end_sentence(t.text);
        // A parenthesized sentence: "(... attended.)" closing at depth 0.
        let paren_sentence = (t.is_punct(')') || t.is_punct(']'))
            && !inside
            && i > 0
            && toks
                .get(i - 1)
                .is_some_and(|p| p.kind == Kind::Punct && matches!(p.text, "." | "!" | "?"))
            && pairs.iter().any(|(o, c)| *c == i && *o == begin);
        if paren_sentence {
            let ends = toks
                .get(i + 1)
                .is_none_or(|n| n.is_capitalized() || n.kind != Kind::Word);
            if ends {
                push_sentence(&mut out, &toks, begin, i + 1);
                begin = i + 1;
                i += 1;
                continue;
            }
        }
        if !inside && (stop || abbrev_stop) {
            // Closing quotes and brackets after the stop.
            let mut j = i + 1;
            while toks.get(j).is_some_and(|n| {
                n.kind == Kind::Punct && matches!(n.text, "”" | "\"" | "’" | "'" | ")" | "]")
            }) {
                j += 1;
            }
            let ends = match toks.get(j) {
                None => true,
                Some(n) => {
                    if abbrev_stop {
                        // After "U.S." or "p.m." only a clear new sentence.
                        n.is_capitalized() && starts_sentence(n.text)
                    } else {
                        n.is_capitalized()
                            || n.kind != Kind::Word
                            || !n.text.chars().next().is_some_and(char::is_lowercase)
                    }
                }
            };
            // A stop straight after another ("U.S.." ) also ends.
            if ends {
                push_sentence(&mut out, &toks, begin, j);
                begin = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if begin < toks.len() {
        push_sentence(&mut out, &toks, begin, toks.len());
    }
    out
}

/// Words that start a sentence after an abbreviation that may end one.
fn starts_sentence(word: &str) -> bool {
    const STARTERS: &[&str] = &[
        "the",
        "they",
        "he",
        "she",
        "it",
        "in",
        "on",
        "both",
        "this",
        "these",
        "we",
        "during",
        "at",
        "furthermore",
        "additionally",
        "also",
        "moreover",
        "finally",
        "then",
        "while",
        "since",
        "their",
        "his",
        "her",
        "its",
        "a",
        "an",
        "as",
        "with",
        "regarding",
        "following",
        "mr",
        "ms",
        "mr.",
        "ms.",
        "dr.",
        "dr",
    ];
    let k = key(word);
    STARTERS.contains(&k.as_str())
}

fn push_sentence<'a>(out: &mut Vec<Sentence<'a>>, toks: &[Tok<'a>], a: usize, b: usize) {
    let Some(slice) = toks.get(a..b) else { return };
    let (Some(first), Some(last)) = (slice.first(), slice.last()) else {
        return;
    };
    out.push(Sentence {
        sp: Sp::new(first.sp.start, last.sp.end),
        toks: slice.to_vec(),
    });
}

/// The text of a span, with white space runs (line breaks among them) as
/// one space and invisible characters dropped.
pub(crate) fn clean(text: &str, sp: Sp) -> String {
    let s = text.get(sp.range()).unwrap_or_default();
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() || c.is_control() {
            space = !out.is_empty();
            continue;
        }
        if is_invisible(c) {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s, 0).iter().map(|t| t.text).collect()
    }

    #[test]
    fn tokens() {
        assert_eq!(
            words("Mr. HAYASHI, at 9:20a.m. (JST)"),
            ["Mr.", "HAYASHI", ",", "at", "9:20", "a.m.", "(", "JST", ")"]
        );
        assert_eq!(words("8:15pm JST"), ["8:15", "pm", "JST"]);
        assert_eq!(words("the U.S.. They"), ["the", "U.S.", ".", "They"]);
        assert_eq!(
            words("Japan’s Ministers’ Meeting"),
            ["Japan’s", "Ministers’", "Meeting"]
        );
        assert_eq!(
            words("April 17th, 3G G7"),
            ["April", "17th", ",", "3G", "G7"]
        );
        assert_eq!(words("Rex W. Tillerson"), ["Rex", "W.", "Tillerson"]);
        assert_eq!(words("Ki-moon 22-24 July"), ["Ki-moon", "22-24", "July"]);
    }

    #[test]
    fn sentences_split_at_stops_outside_parentheses() {
        let t = "On June 24, talk from 8:15pm JST. (Foreign Ministers of the G7 (except Italy) attended.) They met.";
        let s = sentences(t, Sp::new(0, t.len()));
        let texts: Vec<&str> = s.iter().map(|s| &t[s.sp.range()]).collect();
        assert_eq!(
            texts,
            [
                "On June 24, talk from 8:15pm JST.",
                "(Foreign Ministers of the G7 (except Italy) attended.)",
                "They met."
            ]
        );
        let t = "at 4:00 p.m. (local time. 5:30 p.m., Japan time.), Mr. A met Dr. Brown. The U.S. delegation left.";
        let s = sentences(t, Sp::new(0, t.len()));
        assert_eq!(s.len(), 2, "{s:?}");
    }

    #[test]
    fn segments_title_date_and_items() {
        let t = "Title\nMay 1, 2024\n\nLead.\n\n1. One\nBody one.\n(1) Sub.\n\n2. Two.\n";
        let d = segment(t);
        assert_eq!(d.title.map(|s| &t[s.range()]), Some("Title"));
        assert_eq!(d.date_line.map(|s| &t[s.range()]), Some("May 1, 2024"));
        let b: Vec<(Option<&str>, Option<&str>, &str)> = d
            .blocks
            .iter()
            .map(|b| {
                (
                    b.label.map(|l| &t[l.sp.range()]),
                    b.heading.map(|h| &t[h.range()]),
                    &t[b.body.range()],
                )
            })
            .collect();
        assert_eq!(
            b,
            [
                (None, None, "Lead."),
                (Some("1."), Some("One"), "Body one."),
                (Some("(1)"), None, "Sub."),
                (Some("2."), None, "Two."),
            ]
        );
    }
}
