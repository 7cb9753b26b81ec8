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
        if self.len() <= 8 {
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
    /// Appends a text.
    pub(crate) fn push(&mut self, text: &str) {
        use std::fmt::Write as _;
        // Writing to a String cannot fail.
        let _ = write!(self.packed, "{}:", text.len());
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

/// The texts of a [`TextList`], in order; see [`TextList::iter`].
#[derive(Debug, Clone)]
pub struct TextIter<'a> {
    rest: &'a str,
}

impl<'a> Iterator for TextIter<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let (len, after) = self.rest.split_once(':')?;
        let len: usize = len.parse().ok()?;
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
        let texts = ["", "12:3", ":", "上川陽子", "a b", "0"];
        let list: TextList = texts.iter().collect();
        assert_eq!(list.iter().collect::<Vec<_>>(), texts);
        assert_eq!(list.len(), 6);
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
        let short: TextList = ["a", "b", "a"].into_iter().collect();
        assert_eq!(short.repeats(), [(2, "a")]);
        let long: TextList = (0..20).map(|i| format!("{}", i % 15)).collect();
        let found: Vec<usize> = long.repeats().into_iter().map(|(i, _)| i).collect();
        assert_eq!(found, [15, 16, 17, 18, 19]);
    }
}
