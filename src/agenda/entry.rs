//! [`Entry`]: one thing a readout reports, in its order: who, with what verb,
//! saying what, and which source said so.

use crate::error::{Collector, Detail, echo};
use crate::limits::{Limits, TextClass};
use crate::minister::check_id;

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
/// assert!(!entry.is_mutual());
/// assert_eq!(entry.wording(), Some("reiterated"));
///
/// let both = Entry::by(["jp-kamikawa-yoko", "cl-van-klaveren"], Verb::Concurred, "to cooperate");
/// assert!(both.is_mutual());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Entry {
    who: Vec<String>,
    verb: Verb,
    wording: Option<String>,
    text: String,
    source: Option<usize>,
}

impl Entry {
    /// An entry by the participants with these ids (one for a statement, two
    /// or more for what they did together); checked when the agenda item is
    /// built.
    pub fn by<I, S>(who: I, verb: Verb, text: impl Into<String>) -> Entry
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Entry {
            who: who.into_iter().map(Into::into).collect(),
            verb,
            wording: None,
            text: text.into(),
            source: None,
        }
    }

    /// The same entry with the readout's own verb ("reiterated").
    #[must_use]
    pub fn with_wording(mut self, wording: impl Into<String>) -> Entry {
        self.wording = Some(wording.into());
        self
    }

    /// The same entry, reported by the meeting's source at `index`.
    #[must_use]
    pub fn with_source(mut self, index: usize) -> Entry {
        self.source = Some(index);
        self
    }

    /// The participant ids of who did it, as the readout lists them.
    pub fn who(&self) -> &[String] {
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
        self.who.len() >= 2
    }

    /// The words a readout uses for the verb: the wording if kept, else the
    /// canonical phrase.
    pub fn phrase(&self) -> &str {
        self.wording.as_deref().unwrap_or(self.verb.phrase())
    }

    /// Checks the entry's own fields into `out`, under `path` (`entries[3]`).
    pub(crate) fn check(&self, l: &Limits, out: &mut Collector, path: &dyn Fn() -> String) {
        if self.who.is_empty() {
            out.push_at(
                || format!("{}.who", path()),
                Detail::TooFew {
                    what: "participants who did it",
                    found: 0,
                    needed: 1,
                },
            );
        } else if self.who.len() > l.max_list_len() {
            l.check_list(
                out,
                &format!("{}.who", path()),
                "participants",
                self.who.len(),
            );
        } else {
            // At most `max_list_len` ids, usually one or two: a scan of the
            // earlier ones, bounded by the limit squared.
            for (j, id) in self.who.iter().enumerate() {
                let at = || format!("{}.who[{j}]", path());
                check_id(l, out, at, id);
                if self.who.get(..j).unwrap_or_default().contains(id) {
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
