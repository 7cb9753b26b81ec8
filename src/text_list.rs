//! [`TextList`]: short texts (participant ids, keywords, aliases) held in
//! one allocation.

use std::cmp::Ordering;
use std::fmt;

/// An ordered list of short texts held in one allocation: the participant
/// ids of an [`Entry`](crate::Entry), the keywords and aliases of a
/// [`Topic`](crate::Topic).
///
/// A list of a hundred two-letter ids costs about as many bytes as the ids
/// themselves, where a `Vec<String>` would cost some fifty bytes each: a
/// document full of short lists costs memory in proportion to its size.
/// Each text is stored after its length in bytes, so that walking the list
/// is one pass; [`len`](TextList::len) and [`get`](TextList::get) walk it
/// too (lists are short: at most [`Limits::max_list_len`](crate::Limits::max_list_len)
/// where the crate builds them). Lists compare, hash and order as the
/// `Vec<String>` of their texts would.
///
/// ```
/// use diplomeet::TextList;
///
/// let ids: TextList = ["jp-kamikawa-yoko", "cl-van-klaveren"].into_iter().collect();
/// assert_eq!(ids.len(), 2);
/// assert_eq!(ids, ["jp-kamikawa-yoko", "cl-van-klaveren"]);
/// assert_eq!(ids.first(), Some("jp-kamikawa-yoko"));
/// assert!(ids.contains("cl-van-klaveren"));
/// let upper: Vec<String> = ids.iter().map(str::to_uppercase).collect();
/// assert_eq!(upper[1], "CL-VAN-KLAVEREN");
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct TextList {
    /// Each text as `{length in bytes}:{text}`, one after the other.
    packed: Box<str>,
}

impl TextList {
    /// An empty list.
    ///
    /// ```
    /// use diplomeet::TextList;
    ///
    /// assert!(TextList::new().is_empty());
    /// ```
    pub fn new() -> TextList {
        TextList::default()
    }

    /// The texts, in order.
    ///
    /// ```
    /// use diplomeet::TextList;
    ///
    /// let list: TextList = ["copper", "lithium"].into_iter().collect();
    /// assert_eq!(list.iter().collect::<Vec<_>>(), ["copper", "lithium"]);
    /// ```
    pub fn iter(&self) -> TextIter<'_> {
        TextIter { rest: &self.packed }
    }

    /// How many texts there are (a walk of the list).
    ///
    /// ```
    /// use diplomeet::TextList;
    ///
    /// let list: TextList = ["a", "b", "c"].into_iter().collect();
    /// assert_eq!(list.len(), 3);
    /// ```
    pub fn len(&self) -> usize {
        self.iter().count()
    }

    /// Whether there is no text.
    ///
    /// ```
    /// use diplomeet::TextList;
    ///
    /// assert!(TextList::new().is_empty());
    /// assert!(!["a"].into_iter().collect::<TextList>().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.packed.is_empty()
    }

    /// The text at `index`, if there is one (a walk of the list up to it).
    ///
    /// ```
    /// use diplomeet::TextList;
    ///
    /// let list: TextList = ["a", "b"].into_iter().collect();
    /// assert_eq!(list.get(1), Some("b"));
    /// assert_eq!(list.get(2), None);
    /// ```
    pub fn get(&self, index: usize) -> Option<&str> {
        self.iter().nth(index)
    }

    /// The first text, if any.
    ///
    /// ```
    /// use diplomeet::TextList;
    ///
    /// assert_eq!(["a", "b"].into_iter().collect::<TextList>().first(), Some("a"));
    /// assert_eq!(TextList::new().first(), None);
    /// ```
    pub fn first(&self) -> Option<&str> {
        self.iter().next()
    }

    /// Whether `text` is one of the texts (exactly, case included).
    ///
    /// ```
    /// use diplomeet::TextList;
    ///
    /// let list: TextList = ["wine", "salmon"].into_iter().collect();
    /// assert!(list.contains("salmon"));
    /// assert!(!list.contains("Salmon"));
    /// ```
    pub fn contains(&self, text: &str) -> bool {
        self.iter().any(|t| t == text)
    }

    /// The texts as owned strings.
    ///
    /// ```
    /// use diplomeet::TextList;
    ///
    /// let list: TextList = ["a", "b"].into_iter().collect();
    /// assert_eq!(list.to_vec(), vec!["a".to_owned(), "b".to_owned()]);
    /// ```
    pub fn to_vec(&self) -> Vec<String> {
        self.iter().map(str::to_owned).collect()
    }

    /// The index and text of each text that repeats an earlier one, in
    /// order: linear in the texts (a hash set past a handful).
    pub(crate) fn repeats(&self) -> Vec<(usize, &str)> {
        let mut found = Vec::new();
        let mut walk = self.iter();
        let (Some(a), Some(b)) = (walk.next(), walk.next()) else {
            // One text or none: the usual statement, nothing to compare.
            return found;
        };
        if walk.next().is_none() {
            // Two: the usual outcome.
            if a == b {
                found.push((1, b));
            }
            return found;
        }
        if walk.nth(5).is_none() {
            for (i, t) in self.iter().enumerate() {
                if self.iter().take(i).any(|earlier| earlier == t) {
                    found.push((i, t));
                }
            }
        } else {
            let mut seen = std::collections::HashSet::new();
            for (i, t) in self.iter().enumerate() {
                if !seen.insert(t) {
                    found.push((i, t));
                }
            }
        }
        found
    }
}

/// Builds a [`TextList`] one text at a time, in one growing buffer.
#[derive(Debug, Clone, Default)]
pub(crate) struct TextListBuf {
    packed: String,
}

impl TextListBuf {
    /// A buffer with room for `texts`, as one list.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn for_texts<'t>(texts: impl Iterator<Item = &'t str> + Clone) -> Self {
        let bytes = texts
            .clone()
            .map(|t| t.len().saturating_add(digits(t.len()) + 1))
            .fold(0, usize::saturating_add);
        let mut buf = TextListBuf {
            packed: String::with_capacity(bytes),
        };
        for t in texts {
            buf.push(t);
        }
        buf
    }

    /// Appends a text.
    pub(crate) fn push(&mut self, text: &str) {
        let n = text.len();
        match SHORT.get(n) {
            // The usual keyword: one digit.
            Some(head) => self.packed.push_str(head),
            None => {
                // The length in decimal digits and the colon, written by
                // hand: no formatting machinery in this loop.
                let mut head = [b':'; 21];
                let mut n = n;
                let mut at = head.len() - 1;
                while n > 0 && at > 0 {
                    at -= 1;
                    if let Some(d) = head.get_mut(at) {
                        // n % 10 < 10: the cast cannot truncate.
                        *d = b'0' + (n % 10) as u8;
                    }
                    n /= 10;
                }
                let digits = head.get(at..).unwrap_or_default();
                self.packed
                    .push_str(std::str::from_utf8(digits).unwrap_or_default());
            }
        }
        self.packed.push_str(text);
    }

    /// The list, in an allocation of its exact size.
    pub(crate) fn finish(self) -> TextList {
        TextList {
            packed: self.packed.into_boxed_str(),
        }
    }
}

impl From<TextList> for TextListBuf {
    fn from(list: TextList) -> Self {
        TextListBuf {
            packed: list.packed.into_string(),
        }
    }
}

/// The heads of texts of up to nine bytes.
const SHORT: [&str; 10] = ["0:", "1:", "2:", "3:", "4:", "5:", "6:", "7:", "8:", "9:"];

/// How many decimal digits `n` has.
#[cfg_attr(not(feature = "serde"), allow(dead_code))]
fn digits(mut n: usize) -> usize {
    let mut d = 1;
    while n >= 10 {
        n /= 10;
        d += 1;
    }
    d
}

/// The texts of a [`TextList`], in order; see [`TextList::iter`].
#[derive(Debug, Clone)]
pub struct TextIter<'a> {
    rest: &'a str,
}

impl<'a> Iterator for TextIter<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        // `{length}:{text}`: the digits, by hand (this is the hot loop of
        // every walk of a list).
        let mut len: usize = 0;
        let mut digits = 0;
        for b in self.rest.bytes() {
            if b == b':' {
                break;
            }
            len = len
                .checked_mul(10)?
                .checked_add(usize::from(b.wrapping_sub(b'0')))?;
            digits += 1;
        }
        let after = self.rest.get(digits + 1..)?;
        let text = after.get(..len)?;
        self.rest = after.get(len..).unwrap_or_default();
        Some(text)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        // Each text takes at least two bytes ("0:").
        (
            usize::from(!self.rest.is_empty()),
            Some(self.rest.len() / 2),
        )
    }
}

impl std::iter::FusedIterator for TextIter<'_> {}

impl<'a> IntoIterator for &'a TextList {
    type Item = &'a str;
    type IntoIter = TextIter<'a>;

    fn into_iter(self) -> TextIter<'a> {
        self.iter()
    }
}

impl<S: AsRef<str>> FromIterator<S> for TextList {
    fn from_iter<I: IntoIterator<Item = S>>(texts: I) -> Self {
        let mut buf = TextListBuf::default();
        for t in texts {
            buf.push(t.as_ref());
        }
        buf.finish()
    }
}

impl fmt::Debug for TextList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Ord for TextList {
    /// As the lists of texts compare: text by text, a prefix first.
    fn cmp(&self, other: &Self) -> Ordering {
        self.iter().cmp(other.iter())
    }
}

impl PartialOrd for TextList {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<S: AsRef<str>> PartialEq<[S]> for TextList {
    fn eq(&self, other: &[S]) -> bool {
        self.iter().eq(other.iter().map(AsRef::as_ref))
    }
}

impl<S: AsRef<str>, const N: usize> PartialEq<[S; N]> for TextList {
    fn eq(&self, other: &[S; N]) -> bool {
        *self == *other.as_slice()
    }
}

impl<S: AsRef<str>> PartialEq<Vec<S>> for TextList {
    fn eq(&self, other: &Vec<S>) -> bool {
        *self == *other.as_slice()
    }
}

impl<S: AsRef<str>> PartialEq<&[S]> for TextList {
    fn eq(&self, other: &&[S]) -> bool {
        *self == **other
    }
}

impl<S: AsRef<str>, const N: usize> PartialEq<[S; N]> for &TextList {
    fn eq(&self, other: &[S; N]) -> bool {
        **self == *other.as_slice()
    }
}

impl<S: AsRef<str>> PartialEq<[S]> for &TextList {
    fn eq(&self, other: &[S]) -> bool {
        **self == *other
    }
}

impl<S: AsRef<str>> PartialEq<Vec<S>> for &TextList {
    fn eq(&self, other: &Vec<S>) -> bool {
        **self == *other.as_slice()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_with_colons_digits_and_unicode_survive() {
        let long = "x".repeat(123);
        let texts = ["", "12:3", ":", "上川陽子", "a b", "0", &long];
        let list: TextList = texts.iter().collect();
        assert_eq!(list.iter().collect::<Vec<_>>(), texts);
        assert_eq!(list.len(), 7);
        assert_eq!(list, texts);
        assert_eq!(&list, texts);
        assert_eq!(&list, texts.to_vec());
        assert!(!list.is_empty());
        assert_eq!(format!("{list:?}"), format!("{texts:?}"));
    }

    #[test]
    fn lists_order_as_vectors_of_texts() {
        let lists: Vec<Vec<&str>> = vec![
            vec![],
            vec!["a"],
            vec!["a", "b"],
            vec!["ab"],
            vec!["b"],
            vec!["10"],
            vec!["9"],
        ];
        for a in &lists {
            for b in &lists {
                let (la, lb): (TextList, TextList) = (a.iter().collect(), b.iter().collect());
                assert_eq!(la.cmp(&lb), a.cmp(b), "{a:?} {b:?}");
                assert_eq!(la == lb, a == b);
            }
        }
    }

    #[test]
    fn repeats_are_found_short_or_long() {
        let one: TextList = ["a"].into_iter().collect();
        assert!(one.repeats().is_empty());
        let two: TextList = ["a", "a"].into_iter().collect();
        assert_eq!(two.repeats(), [(1, "a")]);
        let distinct: TextList = ["a", "b"].into_iter().collect();
        assert!(distinct.repeats().is_empty());
        let short: TextList = ["a", "b", "a"].into_iter().collect();
        assert_eq!(short.repeats(), [(2, "a")]);
        let long: TextList = (0..20).map(|i| format!("{}", i % 15)).collect();
        let found: Vec<usize> = long.repeats().into_iter().map(|(i, _)| i).collect();
        assert_eq!(found, [15, 16, 17, 18, 19]);
    }
}
