//! [`Entry`]: one thing a readout reports, in its order: who, with what verb,
//! saying what, and which source said so.

use crate::error::{Collector, Detail, echo};
use crate::limits::{Limits, TextClass};
use crate::minister::check_id;
use crate::text_list::TextList;

use super::Verb;

/// One reported act, in the readout's order: one participant's statement
/// ("Minister Kamikawa stated that ...") or what several did together
/// ("The two ministers concurred to ..."), with the canonical [`Verb`], the
/// readout's own wording when it differs, the text after the verb, and the
/// index of the [`Source`](crate::Source) that reported it.
///
/// `who` holds participant ids (people or groups); the meeting's `build()`
/// checks that each is a participant. One-sided statements and mutual
/// outcomes live in one ordered list, as readouts interleave them.
///
/// ```
/// use diplomeet::{Entry, Verb};
///
/// let entry = Entry::by(["jp-kamikawa-yoko"], Verb::Emphasized, "that Japan will continue to ...")
///     .with_wording("reiterated")
///     .with_source(0);
/// assert_eq!(entry.source(), Some(0));
/// assert_eq!(entry.who(), ["jp-kamikawa-yoko"]);
/// assert!(!entry.is_mutual());
/// assert_eq!(entry.wording(), Some("reiterated"));
///
/// let both = Entry::by(["jp-kamikawa-yoko", "cl-van-klaveren"], Verb::Concurred, "to cooperate");
/// assert!(both.is_mutual());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Entry {
    who: TextList,
    verb: Verb,
    wording: Option<Box<str>>,
    text: Box<str>,
    source: Option<usize>,
}

impl Entry {
    /// An entry by the participants with these ids (one for a statement, two
    /// or more for what they did together); checked when the agenda item is
    /// built.
    pub fn by<I, S>(who: I, verb: Verb, text: impl Into<String>) -> Entry
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        Entry::of(who.into_iter().collect(), verb, text.into())
    }

    /// An entry by the ids of `who`, as the reader has them.
    pub(crate) fn of(who: TextList, verb: Verb, text: String) -> Entry {
        Entry {
            who,
            verb,
            wording: None,
            text: text.into_boxed_str(),
            source: None,
        }
    }

    /// The same entry with the readout's own verb ("reiterated").
    #[must_use]
    pub fn with_wording(mut self, wording: impl Into<String>) -> Entry {
        self.wording = Some(wording.into().into_boxed_str());
        self
    }

    /// The same entry, reported by the meeting's source at `index`.
    #[must_use]
    pub fn with_source(mut self, index: usize) -> Entry {
        self.source = Some(index);
        self
    }

    /// The participant ids of who did it, as the readout lists them.
    pub fn who(&self) -> &TextList {
        &self.who
    }

    /// The canonical verb.
    pub fn verb(&self) -> Verb {
        self.verb
    }

    /// The readout's own verb, when it was kept ("reiterated").
    pub fn wording(&self) -> Option<&str> {
        self.wording.as_deref()
    }

    /// What was said, as the readout words it after the verb.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The index of the source that reported it, among the meeting's
    /// [`sources`](crate::Meeting::sources).
    pub fn source(&self) -> Option<usize> {
        self.source
    }

    /// Whether two or more participants did it together.
    pub fn is_mutual(&self) -> bool {
        self.who.iter().nth(1).is_some()
    }

    /// The words a readout uses for the verb: the wording if kept, else the
    /// canonical phrase.
    pub fn phrase(&self) -> &str {
        self.wording.as_deref().unwrap_or(self.verb.phrase())
    }

    /// Checks the entry's own fields into `out`, under `path` (`entries[3]`).
    pub(crate) fn check(&self, l: &Limits, out: &mut Collector, path: &dyn Fn() -> String) {
        let n = self
            .who
            .iter()
            .take(l.max_list_len().saturating_add(1))
            .count();
        if n == 0 {
            out.push_at(
                || format!("{}.who", path()),
                Detail::TooFew {
                    what: "participants who did it",
                    found: 0,
                    needed: 1,
                },
            );
        } else if n > l.max_list_len() {
            let n = self.who.len();
            l.check_list(out, &format!("{}.who", path()), "participants", n);
        } else {
            // Usually one or two ids: linear either way.
            let mut repeats = self.who.repeats().into_iter().peekable();
            for (j, id) in self.who.iter().enumerate() {
                let at = || format!("{}.who[{j}]", path());
                check_id(l, out, at, id);
                if repeats.next_if(|(r, _)| *r == j).is_some() {
                    out.push_at(
                        at,
                        Detail::Duplicate {
                            what: "participant of an entry",
                            value: echo(id),
                        },
                    );
                }
            }
        }
        if let Some(w) = &self.wording {
            l.check_text_at(
                out,
                || format!("{}.wording", path()),
                "wording",
                TextClass::Name,
                w,
            );
        }
        l.check_text_at(
            out,
            || format!("{}.text", path()),
            "entry text",
            TextClass::Text,
            &self.text,
        );
    }
}
