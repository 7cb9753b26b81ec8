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

/// What the lists of the document being read need to know.
#[derive(Debug, Clone, Copy)]
struct Context {
    limits: Limits,
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

impl Context {
    fn new(limits: Limits, version: Option<u8>) -> Self {
        Context {
            limits,
            version: version.unwrap_or(2),
            version_fixed: version.is_some(),
            items_seen: 0,
            converted_version: None,
        }
    }
}

thread_local! {
    /// The document being read on this thread (the defaults when none is).
    static ACTIVE: Cell<Option<Context>> = const { Cell::new(None) };
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
    struct Restore(Option<Context>, Option<Vec<Country>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            ACTIVE.with(|a| a.set(self.0));
            ACTORS.with(|a| *a.borrow_mut() = self.1.take());
        }
    }
    let _restore = Restore(
        ACTIVE.with(|a| a.replace(Some(Context::new(*limits, version)))),
        ACTORS.with(|a| a.borrow_mut().take()),
    );
    let value = read();
    let c = context();
    (
        value,
        ReadFacts {
            items_seen: c.items_seen,
            converted_version: c.converted_version,
        },
    )
}

/// [`with_context`] without what it found out.
#[cfg(all(test, feature = "json"))]
pub(crate) fn with_limits<T>(limits: &Limits, read: impl FnOnce() -> T) -> T {
    with_context(limits, None, read).0
}

fn context() -> Context {
    ACTIVE
        .with(Cell::get)
        .unwrap_or_else(|| Context::new(Limits::default(), None))
}

fn update(f: impl FnOnce(&mut Context)) {
    let mut c = context();
    f(&mut c);
    ACTIVE.with(|a| a.set(Some(c)));
}

pub(crate) fn active() -> Limits {
    context().limits
}

/// Records the document's `format` as it is read: items after it are
/// converted as its version.
pub(crate) fn saw_format(format: &str) {
    let version = match format {
        super::FORMAT => 2,
        super::FORMAT_V1 => 1,
        _ => return,
    };
    update(|c| {
        if !c.version_fixed {
            c.version = version;
        }
    });
}

/// The version to convert an item or a participant as (recorded on the
/// first call).
pub(crate) fn convert_version() -> u8 {
    let c = context();
    if c.converted_version.is_none() {
        update(|c| c.converted_version = Some(c.version));
    }
    c.version
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
    let mut within = false;
    update(|c| {
        within = c.items_seen < c.limits.max_agenda_items();
        c.items_seen = c.items_seen.saturating_add(n);
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
                let cap = B::of(&active());
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
                let cap = B::of(&active());
                // The texts are borrowed from the document: gathered first,
                // so that the list is one allocation of its exact size (most
                // lists hold one or two).
                let mut few: [Option<Word<'de>>; 4] = [None, None, None, None];
                let mut more: Vec<Word<'de>> = Vec::new();
                let mut kept = 0;
                let mut done = false;
                while kept < cap {
                    match seq.next_element::<Word<'de>>()? {
                        Some(w) => {
                            match few.get_mut(kept) {
                                Some(slot) => *slot = Some(w),
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
                let texts = few.iter().flatten().chain(&more).map(|w| &**w);
                let buf = TextListBuf::for_texts(texts);
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
    fn lists_keep_their_limit_and_count_the_rest() {
        let limits = Limits::default().with_max_list_len(3);
        let got: Capped<String, ListLen> = with_limits(&limits, || {
            serde_json::from_str(r#"["a", "b", "c", "d", {"e": [1]}, 6]"#)
        })
        .unwrap();
        assert_eq!(got.items, ["a", "b", "c"]);
        assert_eq!(got.total, 6);
        assert!(got.is_cut());
        // The limits go back to the defaults after.
        assert_eq!(active(), Limits::default());
        assert!(ACTIVE.with(Cell::get).is_none());
        // Elements past the limit must still be JSON.
        let bad: Result<Capped<String, ListLen>, _> =
            with_limits(&limits, || serde_json::from_str(r#"["a", "b", "c", nope]"#));
        assert!(bad.is_err());
    }
}
