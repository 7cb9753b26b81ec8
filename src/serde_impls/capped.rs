//! Lists read from a document up to their limit: the elements past it are
//! parsed and counted but not kept, so that a hostile document costs memory
//! in the limits, not in its size; and the state of the document being read
//! on this thread (its limits, its format version, the agenda items seen so
//! far), which the lists that convert as they read need.

use std::cell::{Cell, RefCell};
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, IgnoredAny, SeqAccess, Visitor};

use crate::country::Country;
use crate::limits::Limits;
use crate::text_list::{TextList, TextListBuf};

use super::read::Word;

/// What the lists of the document being read need to know, but its limits
/// (kept apart: they are read often and copied seldom).
#[derive(Debug, Clone, Copy)]
struct State {
    /// The format version items are converted as: set by the `format` field
    /// when it is read, unless fixed.
    version: u8,
    version_fixed: bool,
    /// Agenda items seen so far, sub-items included, kept or not.
    items_seen: usize,
    /// The version the first item or participant converted was converted
    /// as.
    converted_version: Option<u8>,
}

impl State {
    const fn new(version: Option<u8>) -> Self {
        State {
            version: match version {
                Some(v) => v,
                None => 2,
            },
            version_fixed: version.is_some(),
            items_seen: 0,
            converted_version: None,
        }
    }
}

thread_local! {
    /// The limits of the document being read on this thread (the defaults
    /// when none is).
    static LIMITS: RefCell<Option<Limits>> = const { RefCell::new(None) };
    /// What its lists found out so far.
    static STATE: Cell<State> = const { Cell::new(State::new(None)) };
    /// Its custom actors, once its `actors` field is read.
    static ACTORS: RefCell<Option<Vec<Country>>> = const { RefCell::new(None) };
}

/// What reading a document found out along the way.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ReadFacts {
    /// Agenda items in the document, sub-items included.
    pub(crate) items_seen: usize,
    /// The format version items and participants were converted as, if
    /// any was.
    pub(crate) converted_version: Option<u8>,
}

/// Reads a document with `read` under `limits`, its items converted as
/// `version` (or, when `None`, as the `format` field says once it is read,
/// `diplomeet/2` before that); the previous state comes back after.
pub(crate) fn with_context<T>(
    limits: &Limits,
    version: Option<u8>,
    read: impl FnOnce() -> T,
) -> (T, ReadFacts) {
    struct Restore(Option<Limits>, State, Option<Vec<Country>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            LIMITS.with(|l| *l.borrow_mut() = self.0);
            STATE.with(|s| s.set(self.1));
            ACTORS.with(|a| *a.borrow_mut() = self.2.take());
        }
    }
    let _restore = Restore(
        LIMITS.with(|l| l.borrow_mut().replace(*limits)),
        STATE.with(|s| s.replace(State::new(version))),
        ACTORS.with(|a| a.borrow_mut().take()),
    );
    let value = read();
    let s = STATE.with(Cell::get);
    (
        value,
        ReadFacts {
            items_seen: s.items_seen,
            converted_version: s.converted_version,
        },
    )
}

/// [`with_context`] without what it found out.
#[cfg(all(test, feature = "json"))]
pub(crate) fn with_limits<T>(limits: &Limits, read: impl FnOnce() -> T) -> T {
    with_context(limits, None, read).0
}

/// `f` of the active limits, without copying them.
fn limit(f: impl FnOnce(&Limits) -> usize) -> usize {
    LIMITS.with(|l| match &*l.borrow() {
        Some(limits) => f(limits),
        None => f(&Limits::default()),
    })
}

fn update(f: impl FnOnce(&mut State)) {
    STATE.with(|s| {
        let mut state = s.get();
        f(&mut state);
        s.set(state);
    });
}

/// The active limits (a copy: for a whole list, not for each element).
pub(crate) fn active() -> Limits {
    LIMITS.with(|l| l.borrow().unwrap_or_default())
}

/// Records the document's `format` as it is read: items after it are
/// converted as its version.
pub(crate) fn saw_format(format: &str) {
    let version = match format {
        super::FORMAT => 2,
        super::FORMAT_V1 => 1,
        _ => return,
    };
    update(|s| {
        if !s.version_fixed {
            s.version = version;
        }
    });
}

/// The version to convert an item or a participant as (recorded on the
/// first call).
pub(crate) fn convert_version() -> u8 {
    let mut version = 2;
    update(|s| {
        s.converted_version.get_or_insert(s.version);
        version = s.version;
    });
    version
}

/// Records the document's custom actors, once read: participants read
/// after them are converted as they are read.
pub(crate) fn publish_actors(actors: &[Country]) {
    ACTORS.with(|a| *a.borrow_mut() = Some(actors.to_vec()));
}

/// Runs `f` with the document's custom actors, `None` while they are not
/// read (or the document has none so far).
pub(crate) fn with_actors<T>(f: impl FnOnce(Option<&[Country]>) -> T) -> T {
    ACTORS.with(|a| f(a.borrow().as_deref()))
}

/// Counts `n` agenda items seen; whether the first of them is within
/// `max_agenda_items` (counting every item before it), so that it is read.
pub(crate) fn see_items(n: usize) -> bool {
    let max = limit(Limits::max_agenda_items);
    let mut within = false;
    update(|s| {
        within = s.items_seen < max;
        s.items_seen = s.items_seen.saturating_add(n);
    });
    within
}

/// Which limit bounds a list.
pub(crate) trait Bound {
    /// The most elements kept.
    fn of(limits: &Limits) -> usize;
}

/// Posts, keywords, aliases, zones, sources, parties, actors.
pub(crate) struct ListLen;
impl Bound for ListLen {
    fn of(l: &Limits) -> usize {
        l.max_list_len()
    }
}

/// Statements, outcomes or topics of an item.
pub(crate) struct EntriesLen;
impl Bound for EntriesLen {
    fn of(l: &Limits) -> usize {
        l.max_entries()
    }
}

/// Documents of a JSON array.
#[cfg_attr(not(feature = "json"), allow(dead_code))]
pub(crate) struct DocumentsLen;
impl Bound for DocumentsLen {
    fn of(l: &Limits) -> usize {
        l.max_documents()
    }
}

/// A list as a document holds it: the first elements up to the limit, and
/// how many there were in all.
pub(crate) struct Capped<T, B> {
    pub(crate) items: Vec<T>,
    pub(crate) total: usize,
    bound: PhantomData<B>,
}

impl<T, B> Default for Capped<T, B> {
    fn default() -> Self {
        Capped {
            items: Vec::new(),
            total: 0,
            bound: PhantomData,
        }
    }
}

impl<'de, T: Deserialize<'de>, B: Bound> Deserialize<'de> for Capped<T, B> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<T, B>(PhantomData<(T, B)>);

        impl<'de, T: Deserialize<'de>, B: Bound> Visitor<'de> for Visit<T, B> {
            type Value = Capped<T, B>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a list")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let cap = limit(B::of);
                let mut out = Capped::default();
                while out.items.len() < cap {
                    match seq.next_element::<T>()? {
                        Some(v) => out.items.push(v),
                        None => {
                            out.total = out.items.len();
                            return Ok(out);
                        }
                    }
                }
                out.total = out.items.len();
                while seq.next_element::<IgnoredAny>()?.is_some() {
                    out.total = out.total.saturating_add(1);
                }
                Ok(out)
            }
        }

        d.deserialize_seq(Visit(PhantomData))
    }
}

impl<T, B> Capped<T, B> {
    /// Whether elements were left out.
    pub(crate) fn is_cut(&self) -> bool {
        self.total > self.items.len()
    }
}

/// A list of strings read straight into one [`TextList`] (no `String` per
/// element), up to its limit, counting the rest: a document of many short
/// ids or keywords costs memory in proportion to its size.
pub(crate) struct CappedTexts<B> {
    pub(crate) list: TextList,
    pub(crate) kept: usize,
    pub(crate) total: usize,
    bound: PhantomData<B>,
}

impl<B> Default for CappedTexts<B> {
    fn default() -> Self {
        CappedTexts {
            list: TextList::default(),
            kept: 0,
            total: 0,
            bound: PhantomData,
        }
    }
}

impl<B> CappedTexts<B> {
    /// Whether elements were left out.
    pub(crate) fn is_cut(&self) -> bool {
        self.total > self.kept
    }
}

impl<'de, B: Bound> Deserialize<'de> for CappedTexts<B> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<B>(PhantomData<B>);

        impl<'de, B: Bound> Visitor<'de> for Visit<B> {
            type Value = CappedTexts<B>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a list of strings")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let cap = limit(B::of);
                // The texts are borrowed from the document: gathered first,
                // so that the list is one allocation of its exact size (most
                // lists hold one or two).
                let mut few: [Word<'de>; 4] = [Word::EMPTY, Word::EMPTY, Word::EMPTY, Word::EMPTY];
                let mut more: Vec<Word<'de>> = Vec::new();
                let mut kept = 0;
                let mut done = false;
                while kept < cap {
                    match seq.next_element::<Word<'de>>()? {
                        Some(w) => {
                            match few.get_mut(kept) {
                                Some(slot) => *slot = w,
                                None => more.push(w),
                            }
                            kept += 1;
                        }
                        None => {
                            done = true;
                            break;
                        }
                    }
                }
                let mut total = kept;
                if !done {
                    while seq.next_element::<IgnoredAny>()?.is_some() {
                        total = total.saturating_add(1);
                    }
                }
                let buf = match few.get(..kept) {
                    Some(texts) => TextListBuf::for_texts(texts.iter().map(|w| &**w)),
                    None => TextListBuf::for_texts(few.iter().chain(&more).map(|w| &**w)),
                };
                Ok(CappedTexts {
                    list: buf.finish(),
                    kept,
                    total,
                    bound: PhantomData,
                })
            }
        }

        d.deserialize_seq(Visit(PhantomData))
    }
}

#[cfg(all(test, feature = "json"))]
mod tests {
    use super::*;

    #[test]
    fn lists_keep_their_limit_and_count_the_rest() -> Result<(), serde_json::Error> {
        let limits = Limits::default().with_max_list_len(3);
        let got: Capped<String, ListLen> = with_limits(&limits, || {
            serde_json::from_str(r#"["a", "b", "c", "d", {"e": [1]}, 6]"#)
        })?;
        assert_eq!(got.items, ["a", "b", "c"]);
        assert_eq!(got.total, 6);
        assert!(got.is_cut());
        // The limits go back to the defaults after.
        assert_eq!(active(), Limits::default());
        assert!(LIMITS.with(|l| l.borrow().is_none()));
        // Elements past the limit must still be JSON.
        let bad: Result<Capped<String, ListLen>, _> =
            with_limits(&limits, || serde_json::from_str(r#"["a", "b", "c", nope]"#));
        assert!(bad.is_err());
        Ok(())
    }
}
