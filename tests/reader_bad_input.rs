//! Bad input to the reader: empty, binary, too long, cut anywhere, Unicode
//! oddities, arbitrary and mutated text. Always an error or a reading
//! (possibly with no meeting and with unread parts), never a panic; every
//! span it returns lies in the text, on character boundaries.
#![cfg(feature = "reader")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::ops::Range;

use diplomeet::reader::{Reader, Reading, UnreadReason};
use diplomeet::{Country, ErrorKind, Limits};
use proptest::prelude::*;

/// A MOFA readout as published: title, date line, lead, items.
const MOFA: &str = "Japan-Chile Foreign Ministers’ Meeting\n\
November 14, 2023\n\
\n\
On November 13, commencing at 4:00 p.m. (local time; 9:00 a.m. on November 14, Japan time) \
for approximately 30 minutes, Ms. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan, who is \
visiting San Francisco, the United States of America, to attend the APEC Ministerial Meeting, \
held a meeting with H.E. Mr. Alberto Leo van Klaveren Stork, Minister of Foreign Affairs of \
the Republic of Chile. The overview of the meeting is as follows.\n\
\n\
1. At the outset, Minister Kamikawa stated that she was pleased to meet Minister van Klaveren.\n\
(1) The two ministers concurred to strengthen relations.\n\
\n\
2. Minister van Klaveren expressed his gratitude for Japan’s support.\n";

/// A prose readout (the U.S. Department of State).
const PROSE: &str = "Secretary Blinken’s Call with French Foreign Minister Colonna\n\
February 10, 2023\n\
\n\
Secretary of State Antony J. Blinken spoke yesterday with French Foreign Minister Catherine \
Colonna. They discussed ongoing support to the people of Ukraine. The Secretary and Foreign \
Minister Colonna also discussed the situation in the Sahel.\n";

fn japan() -> Reader {
    Reader::new(Country::from_code("JP").unwrap()).published("2023-11-14".parse().unwrap())
}

/// Every span of the reading lies in the text, on character boundaries.
fn spans_ok(text: &str, r: &Reading) {
    let ok = |s: Range<usize>, what: &str| {
        assert!(
            s.start <= s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end),
            "{what} span {s:?} outside the text ({} bytes)",
            text.len()
        );
    };
    for m in r.meetings() {
        ok(m.span(), "meeting");
        for f in m.facts() {
            ok(f.span(), "fact");
        }
    }
    for f in r.failures() {
        ok(f.span(), "failure");
        for x in f.facts() {
            ok(x.span(), "failure fact");
        }
    }
    for u in r.unread() {
        ok(u.span(), "unread");
    }
    for i in r.ignored() {
        ok(i.span(), "ignored");
    }
    for w in r.warnings() {
        ok(w.span(), "warning");
    }
}

/// Reads and checks: an error of an expected kind, or a reading with
/// valid spans.
fn read(reader: &Reader, text: &str) -> Option<Reading> {
    match reader.read(text) {
        Ok(r) => {
            spans_ok(text, &r);
            Some(r)
        }
        Err(e) => {
            assert!(
                matches!(e.kind(), ErrorKind::Empty | ErrorKind::TooMany),
                "unexpected error {e} for {text:?}"
            );
            None
        }
    }
}

#[test]
fn the_fixtures_read() {
    let r = read(&japan(), MOFA).unwrap();
    assert_eq!(r.meetings().len(), 1, "{:?}", r.unread());
    let us =
        Reader::new(Country::from_code("US").unwrap()).published("2023-02-10".parse().unwrap());
    let r = read(&us, PROSE).unwrap();
    assert_eq!(r.meetings().len(), 1, "{:?}", r.unread());
}

#[test]
fn empty_and_invisible_texts_are_errors() {
    for text in [
        "",
        " ",
        "\n\n\n",
        "\t \r\n",
        "\u{FEFF}",
        "\u{200B}\u{200E}\u{2060}",
        "\u{00A0}\u{3000}",
        "\0\0",
    ] {
        let e = japan().read(text).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Empty, "{text:?}");
    }
}

#[test]
fn binary_is_an_error_or_unread() {
    // Not UTF-8.
    let bytes: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let e = japan().read_bytes(&bytes).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidValue);
    assert!(e.to_string().contains("not UTF-8"), "{e}");
    // UTF-8 made of control characters and stray symbols.
    let text: String = (0..4096u32)
        .filter_map(|i| char::from_u32(i % 0x250))
        .collect();
    if let Some(r) = read(&japan(), &text) {
        assert!(r.meetings().is_empty());
    }
    // A readout with binary garbage in the middle still reads.
    let mut bytes = MOFA.as_bytes().to_vec();
    bytes.splice(200..200, [0xff, 0xfe, 0x00]);
    assert_eq!(
        japan().read_bytes(&bytes).unwrap_err().kind(),
        ErrorKind::InvalidValue
    );
}

#[test]
fn ten_mebibytes_are_refused_without_reading_them_all() {
    let big = MOFA.repeat(10 * 1024 * 1024 / MOFA.len() + 1);
    assert!(big.len() > 10 * 1024 * 1024);
    assert_eq!(japan().read(&big).unwrap_err().kind(), ErrorKind::TooMany);
    assert_eq!(
        japan().read_bytes(big.as_bytes()).unwrap_err().kind(),
        ErrorKind::TooMany
    );
    // From a reader: at most the limit and one byte are taken.
    let e = japan()
        .read_from(std::io::Cursor::new(big.as_bytes()))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::TooMany);
    // An endless stream too.
    let e = japan().read_from(std::io::repeat(b'a')).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::TooMany);
}

#[test]
fn a_text_at_the_limit_reads_within_the_bounds() {
    // Many meetings on one page: the participants' and meetings' limits
    // hold, the rest is unread, nothing panics.
    let limits = Limits::default().with_max_readout_bytes(256 * 1024);
    let text = MOFA.repeat(256 * 1024 / MOFA.len());
    let r = japan().limits(limits).read(&text).unwrap();
    spans_ok(&text, &r);
    assert!(!r.meetings().is_empty());
    // One long sentence with no stop.
    let text = "Minister Kamikawa stated that ".repeat(256 * 1024 / 31);
    let r = japan().limits(limits).read(&text).unwrap();
    spans_ok(&text, &r);
    assert!(r.meetings().is_empty());
}

#[test]
fn a_readout_cut_anywhere_reads_or_errs() {
    let reader = japan();
    for (i, _) in MOFA.char_indices() {
        let _ = read(&reader, &MOFA[..i]);
        let _ = read(&reader, &MOFA[i..]);
    }
    let us = Reader::new(Country::from_code("US").unwrap());
    for (i, _) in PROSE.char_indices() {
        let _ = read(&us, &PROSE[..i]);
    }
    // Cut in the middle of the lead: what was read up to there is kept,
    // the rest is reported, nothing is guessed.
    let cut = MOFA.find("held a meeting").unwrap() + 8;
    let r = read(&reader, &MOFA[..cut]).unwrap();
    assert!(r.meetings().is_empty());
    assert!(!r.unread().is_empty());
}

#[test]
fn line_ends_and_spaces_do_not_matter() {
    let reader = japan();
    let base = reader.read(MOFA).unwrap();
    let variants = [
        MOFA.replace('\n', "\r\n"),
        MOFA.replace('\n', "\r"),
        format!("\u{FEFF}{MOFA}"),
        MOFA.replace(' ', "\u{00A0}"),
        MOFA.replace("\n\n", "\n \t\n"),
        MOFA.replace('’', "'"),
    ];
    for v in &variants {
        let r = read(&reader, v).unwrap();
        assert_eq!(r.meetings().len(), base.meetings().len(), "{v:?}");
        let (a, b) = (base.meetings()[0].meeting(), r.meetings()[0].meeting());
        assert_eq!(a.start().ok(), b.start().ok(), "{v:?}");
        assert_eq!(a.participants().len(), b.participants().len(), "{v:?}");
        assert_eq!(a.agenda().len(), b.agenda().len(), "{v:?}");
    }
}

#[test]
fn unicode_oddities_never_panic() {
    let reader = japan();
    let oddities = [
        // Right-to-left marks and embeddings around names.
        MOFA.replace("KAMIKAWA", "\u{202E}KAMIKAWA\u{202C}"),
        MOFA.replace("Chile", "\u{200F}Chile\u{200E}"),
        // Zero-width characters inside words.
        MOFA.replace("Minister", "Mini\u{200B}ster"),
        MOFA.replace("meeting", "meet\u{200D}ing"),
        // Combining marks (decomposed accents), precomposed too.
        MOFA.replace("van Klaveren", "va\u{0301}n Kla\u{0308}veren"),
        MOFA.replace("Alberto", "Álbërtö"),
        // Letters whose case mapping changes their length.
        MOFA.replace("Kamikawa", "İstanbul")
            .replace("KAMIKAWA", "ẞTRASSE"),
        MOFA.replace("Stork", "ǅǈǋ ﬁﬂ ŉ"),
        // Emoji, flags, symbols; full-width digits and letters.
        MOFA.replace("Chile.", "Chile 🇨🇱🤝🏽👩‍👩‍👧."),
        MOFA.replace("4:00", "４:００").replace("30", "３０"),
        MOFA.replace("Ms.", "Ｍｓ．"),
        // Control characters and NULs.
        MOFA.replace(' ', " \0"),
        MOFA.replace('.', ".\u{7}"),
        // Unpaired brackets and quotes.
        MOFA.replace("(local", "((local").replace("1.", "(1."),
        MOFA.replace("(1)", "(1").replace(')', ""),
        format!("“{MOFA}"),
        // Very long words and numbers.
        MOFA.replace("30 minutes", &format!("{} minutes", "9".repeat(400))),
        MOFA.replace("November 13", "November 99999999999999999999"),
        MOFA.replace("4:00 p.m.", "99:99 p.m."),
        MOFA.replace("Ms. KAMIKAWA Yoko", &"KAMIKAWA ".repeat(300)),
        // Only punctuation, only labels.
        "1.\n\n(1)\n\n2.\n(2)\n3.".to_owned(),
        ". . . ; ; , , ( ) “ ” — – …".to_owned(),
        "On\n\nOn, On, commencing at at at (local time; ; )".to_owned(),
    ];
    for text in &oddities {
        let _ = read(&reader, text);
    }
}

#[test]
fn nothing_in_the_text_is_dropped_silently() {
    // A readout with sentences the reader cannot map: they are unread with
    // a reason, or ignored as boilerplate.
    let text =
        format!("{MOFA}\n3. Quux frobnicated the wibble.\n\nThe weather in Tokyo was fine.\n");
    let r = read(&japan(), &text).unwrap();
    assert_eq!(r.meetings().len(), 1);
    let at = text.find("The weather").unwrap();
    assert!(
        r.unread()
            .iter()
            .any(|u| u.span().start <= at && u.span().end > at),
        "{:?}",
        r.unread()
    );
    assert!(
        r.unread()
            .iter()
            .all(|u| u.reason() != UnreadReason::OverLimit)
    );
}

fn mutate(text: &str, edits: &[(usize, u8, char)]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for &(at, op, c) in edits {
        if chars.is_empty() {
            chars.push(c);
            continue;
        }
        let i = at % chars.len();
        match op % 4 {
            0 => chars.insert(i, c),
            1 => {
                chars.remove(i);
            }
            2 => chars[i] = c,
            _ => {
                // Duplicate a stretch.
                let j = (i + 40).min(chars.len());
                let piece: Vec<char> = chars[i..j].to_vec();
                chars.splice(i..i, piece);
            }
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,600}") {
        let _ = read(&japan(), &text);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(r) = japan().read_bytes(&bytes) {
            spans_ok(std::str::from_utf8(&bytes).unwrap(), &r);
        }
    }

    #[test]
    fn mutated_readouts_never_panic(
        edits in prop::collection::vec((any::<usize>(), any::<u8>(), prop_oneof![
            Just('.'), Just(','), Just(' '), Just('\n'), Just('('), Just(')'), Just(';'),
            Just('1'), Just(':'), Just('\u{200B}'), Just('İ'), Just('é'), any::<char>(),
        ]), 1..12),
        prose in any::<bool>(),
    ) {
        let (reader, base) = if prose {
            (Reader::new(Country::from_code("US").unwrap()), PROSE)
        } else {
            (japan(), MOFA)
        };
        let text = mutate(base, &edits);
        let _ = read(&reader, &text);
    }

    #[test]
    fn words_from_readouts_in_any_order_never_panic(
        words in prop::collection::vec(prop::sample::select(
            MOFA.split_inclusive([' ', '\n']).chain(PROSE.split_inclusive([' ', '\n'])).collect::<Vec<&str>>()
        ), 0..200),
    ) {
        let text: String = words.concat();
        let _ = read(&japan(), &text);
    }
}
