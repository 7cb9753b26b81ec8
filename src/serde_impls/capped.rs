//! Lists read from a document up to their limit: the elements past it are
//! parsed and counted but not kept, so that a hostile document costs memory
//! in the limits, not in its size.

use std::cell::Cell;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, IgnoredAny, SeqAccess, Visitor};

use crate::limits::Limits;

thread_local! {
    /// The limits of the document being read on this thread (the defaults
    /// when none is).
    static ACTIVE: Cell<Option<Limits>> = const { Cell::new(None) };
}

/// Makes `limits` the active ones on this thread until the guard drops.
#[cfg_attr(not(feature = "json"), allow(dead_code))]
pub(crate) fn with_limits<T>(limits: &Limits, read: impl FnOnce() -> T) -> T {
    struct Restore(Option<Limits>);
    impl Drop for Restore {
        fn drop(&mut self) {
            ACTIVE.with(|a| a.set(self.0));
        }
    }
    let _restore = Restore(ACTIVE.with(|a| a.replace(Some(*limits))));
    read()
}

fn active() -> Limits {
    ACTIVE.with(Cell::get).unwrap_or_default()
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

/// Participants of a meeting.
pub(crate) struct ParticipantsLen;
impl Bound for ParticipantsLen {
    fn of(l: &Limits) -> usize {
        l.max_participants()
    }
}

/// Items of an agenda.
pub(crate) struct AgendaLen;
impl Bound for AgendaLen {
    fn of(l: &Limits) -> usize {
        l.max_agenda_items()
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
        // Elements past the limit must still be JSON.
        let bad: Result<Capped<String, ListLen>, _> =
            with_limits(&limits, || serde_json::from_str(r#"["a", "b", "c", nope]"#));
        assert!(bad.is_err());
    }
}
