//! Folding names to ASCII for the ids the crate derives: `Mélanie Joly` →
//! `melanie-joly`, with a short stable hash for a name with no Latin
//! letters at all.

mod table;

/// The ASCII form of a Latin letter or digit: ASCII as it is (lowercased),
/// a letter with a diacritic as its base letters (`é` → `e`, `ß` → `ss`,
/// `ø` → `o`); `None` for anything else.
fn folded(c: char) -> Option<Folded> {
    if c.is_ascii_alphanumeric() {
        return Some(Folded::Ascii(c.to_ascii_lowercase()));
    }
    let i = table::FOLDS.binary_search_by_key(&c, |(k, _)| *k).ok()?;
    table::FOLDS.get(i).map(|(_, base)| Folded::Base(base))
}

enum Folded {
    Ascii(char),
    Base(&'static str),
}

/// A slug of `text`: its Latin letters and digits folded to lowercase
/// ASCII, every run of anything else turned into one `-`, none at either
/// end. Empty when `text` has no Latin letter or digit.
pub(crate) fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in text.chars() {
        match folded(c) {
            Some(f) => {
                if pending_dash && !out.is_empty() {
                    out.push('-');
                }
                pending_dash = false;
                match f {
                    Folded::Ascii(a) => out.push(a),
                    Folded::Base(base) => out.push_str(base),
                }
            }
            None => pending_dash = true,
        }
    }
    out
}

/// Eight hexadecimal digits of a 32-bit FNV-1a hash of `text`: stable
/// across platforms and releases, for ids of names written without Latin
/// letters.
pub(crate) fn short_hash(text: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in text.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{h:08x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_letters_fold_to_ascii() {
        assert_eq!(slug("Mélanie Joly"), "melanie-joly");
        assert_eq!(slug("Juraj Blanár"), "juraj-blanar");
        assert_eq!(slug("Łukasz Straße"), "lukasz-strasse");
        assert_eq!(slug("Søren Þór Ægir"), "soren-thor-aegir");
        assert_eq!(slug("Nguyễn Thị Thanh Hà"), "nguyen-thi-thanh-ha");
        assert_eq!(slug("  van Klaveren -- Stork "), "van-klaveren-stork");
        assert_eq!(slug("O'Brien"), "o-brien");
        // Non-Latin scripts are left out; nothing Latin gives nothing.
        assert_eq!(slug("Sergey Лавров"), "sergey");
        assert_eq!(slug("上川陽子"), "");
    }

    #[test]
    fn the_table_is_sorted_and_ascii() {
        assert!(
            table::FOLDS
                .windows(2)
                .all(|w| matches!(w, [a, b] if a.0 < b.0))
        );
        assert!(
            table::FOLDS
                .iter()
                .all(|(_, s)| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase()))
        );
    }

    #[test]
    fn hashes_are_stable() {
        // FNV-1a's published test value for "a".
        assert_eq!(short_hash("a"), "e40c292c");
        assert_eq!(short_hash("上川陽子"), short_hash("上川陽子"));
        assert_ne!(short_hash("上川陽子"), short_hash("王毅"));
    }
}
