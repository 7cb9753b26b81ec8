//! [`AgendaItem`]: one item or paragraph of a readout, with its printed
//! label, its topics, its entries in the readout's order and its sub-items.

mod entry;
mod verb;

pub use entry::Entry;
pub use verb::Verb;

use crate::error::{Collector, Detail, Error};
use crate::limits::{Limits, TextClass};
use crate::topic::Topic;

/// One item of a readout: a numbered item ("1."), a sub-item ("(1)",
/// "(a)"), or an unnumbered paragraph, with an optional title, topics, the
/// entries in the readout's order (statements and mutual outcomes
/// interleaved) and sub-items.
///
/// The printed label is kept as printed and apart from the order, which is
/// the position in the list: a list that restarts prints "1." twice.
///
/// ```
/// use diplomeet::{AgendaItem, Entry, Topic, TopicCategory, Verb};
///
/// # fn main() -> Result<(), diplomeet::Error> {
/// let item = AgendaItem::builder()
///     .label("4.")
///     .topic(Topic::builder(TopicCategory::ArmedConflict, "Russia's aggression against Ukraine").build()?)
///     .statement("jp-kamikawa-yoko", Verb::Stated, "that Japan will continue to ...")
///     .outcome(Verb::Confirmed, ["jp-kamikawa-yoko", "cl-van-klaveren"], "that they would work together")
///     .item(AgendaItem::builder().label("(1)").statement("cl-van-klaveren", Verb::Explained, "Chile's position").build()?)
///     .build()?;
/// assert_eq!(item.label(), Some("4."));
/// assert_eq!(item.entries().len(), 2);
/// assert!(item.entries()[1].is_mutual());
/// assert_eq!(item.items()[0].label(), Some("(1)"));
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AgendaItem {
    label: Option<String>,
    title: Option<String>,
    topics: Vec<Topic>,
    entries: Vec<Entry>,
    items: Vec<AgendaItem>,
}

impl AgendaItem {
    /// Starts a builder for an item with no label (an unnumbered
    /// paragraph); see [`AgendaItemBuilder::label`] and
    /// [`AgendaItemBuilder::number`].
    pub fn builder() -> AgendaItemBuilder {
        AgendaItemBuilder {
            label: None,
            title: None,
            topics: Vec::new(),
            entries: Vec::new(),
            items: Vec::new(),
            mutual: Vec::new(),
            limits: Limits::default(),
        }
    }

    /// The label as printed ("1.", "(1)", "(a)"); `None` for an unnumbered
    /// paragraph.
    pub fn label(&self) -> Option<&str> {
        self.label.as_deref()
    }

    /// The title, if the readout gives one.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The topics.
    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }

    /// The entries, in the readout's order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The sub-items, in order.
    pub fn items(&self) -> &[AgendaItem] {
        &self.items
    }

    /// Calls `f` with each entry of this item and of its sub-items, depth
    /// first, and a function that makes the entry's path relative to this
    /// item (`entries[1]`, `items[0].entries[2]`): a path is only made when
    /// it is used.
    pub(crate) fn each_entry(&self, f: &mut dyn FnMut(&dyn Fn() -> String, &Entry)) {
        fn walk(
            item: &AgendaItem,
            trail: &mut Vec<usize>,
            f: &mut dyn FnMut(&dyn Fn() -> String, &Entry),
        ) {
            for (i, e) in item.entries.iter().enumerate() {
                let trail: &[usize] = trail;
                let path = || {
                    let mut p: String = trail.iter().map(|k| format!("items[{k}].")).collect();
                    p.push_str(&format!("entries[{i}]"));
                    p
                };
                f(&path, e);
            }
            for (k, sub) in item.items.iter().enumerate() {
                trail.push(k);
                walk(sub, trail, f);
                trail.pop();
            }
        }
        walk(self, &mut Vec::new(), f);
    }

    /// Every entry of this item and its sub-items, depth first.
    pub fn entries_deep(&self) -> impl Iterator<Item = &Entry> {
        let mut stack: Vec<&AgendaItem> = vec![self];
        let mut pending: Vec<&Entry> = Vec::new();
        std::iter::from_fn(move || {
            loop {
                if let Some(e) = pending.pop() {
                    return Some(e);
                }
                let item = stack.pop()?;
                pending.extend(item.entries.iter().rev());
                stack.extend(item.items.iter().rev());
            }
        })
    }

    /// The same item with every entry (sub-items' included) mapped.
    pub(crate) fn map_entries(&self, f: &dyn Fn(&Entry) -> Entry) -> AgendaItem {
        AgendaItem {
            label: self.label.clone(),
            title: self.title.clone(),
            topics: self.topics.clone(),
            entries: self.entries.iter().map(f).collect(),
            items: self.items.iter().map(|i| i.map_entries(f)).collect(),
        }
    }

    /// How many sub-items it has, at every level.
    pub(crate) fn sub_items(&self) -> usize {
        self.items
            .iter()
            .map(|i| i.sub_items().saturating_add(1))
            .fold(0, usize::saturating_add)
    }

    /// The depth of the deepest sub-item (0 without sub-items).
    fn depth(&self) -> usize {
        self.items
            .iter()
            .map(|i| i.depth().saturating_add(1))
            .max()
            .unwrap_or(0)
    }
}

/// Builds an [`AgendaItem`]; see there for an example.
#[derive(Debug, Clone)]
#[must_use]
pub struct AgendaItemBuilder {
    label: Option<String>,
    title: Option<String>,
    topics: Vec<Topic>,
    entries: Vec<Entry>,
    items: Vec<AgendaItem>,
    /// Indices of the entries added with [`outcome`](Self::outcome): they
    /// need two or more participants.
    mutual: Vec<usize>,
    limits: Limits,
}

impl AgendaItemBuilder {
    /// Sets the label as printed ("1.", "(1)", "(a)").
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Sets the label of a numbered item as MOFA prints it: `"{n}."`.
    ///
    /// ```
    /// use diplomeet::AgendaItem;
    ///
    /// assert_eq!(AgendaItem::builder().number(3).build()?.label(), Some("3."));
    /// # Ok::<(), diplomeet::Error>(())
    /// ```
    pub fn number(self, n: u32) -> Self {
        self.label(format!("{n}."))
    }

    /// Sets the title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Adds a topic.
    pub fn topic(mut self, topic: Topic) -> Self {
        self.topics.push(topic);
        self
    }

    /// Adds an entry.
    pub fn entry(mut self, entry: Entry) -> Self {
        self.entries.push(entry);
        self
    }

    /// Adds a statement by one participant: an entry with one id.
    pub fn statement(self, speaker: impl AsRef<str>, verb: Verb, text: impl Into<String>) -> Self {
        self.entry(Entry::by([speaker], verb, text))
    }

    /// Adds what two or more participants did together: an entry whose ids
    /// `build()` requires to be two or more, and distinct.
    ///
    /// ```
    /// use diplomeet::{AgendaItem, ErrorKind, Verb};
    ///
    /// let err = AgendaItem::builder()
    ///     .outcome(Verb::Agreed, ["jp-kamikawa-yoko"], "to meet again")
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!((err.kind(), err.path()), (ErrorKind::TooFew, "entries[0].who"));
    /// ```
    pub fn outcome<I, S>(mut self, verb: Verb, parties: I, text: impl Into<String>) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.mutual.push(self.entries.len());
        self.entry(Entry::by(parties, verb, text))
    }

    /// Adds a sub-item.
    pub fn item(mut self, item: AgendaItem) -> Self {
        self.items.push(item);
        self
    }

    /// The limits to check against (default: [`Limits::default`]).
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// A builder checking against `limits` (the JSON reader's, which sets
    /// its fields in place).
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn with_limits(limits: Limits) -> Self {
        AgendaItemBuilder {
            limits,
            ..AgendaItem::builder()
        }
    }

    /// Sets the label in place.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn set_label(&mut self, label: String) {
        self.label = Some(label);
    }

    /// Sets the title in place.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn set_title(&mut self, title: String) {
        self.title = Some(title);
    }

    /// Makes room for the topics and entries about to be added (the JSON
    /// reader knows how many).
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn reserve(&mut self, topics: usize, entries: usize) {
        self.topics.reserve_exact(topics);
        self.entries.reserve_exact(entries);
    }

    /// Adds an entry in place (the JSON reader's loop).
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn push_entry(&mut self, entry: Entry) {
        self.entries.push(entry);
    }

    /// Adds in place what two or more participants did together (a /1
    /// outcome).
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn push_mutual(&mut self, entry: Entry) {
        self.mutual.push(self.entries.len());
        self.entries.push(entry);
    }

    /// Adds a topic in place.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn push_topic(&mut self, topic: Topic) {
        self.topics.push(topic);
    }

    /// Sets the sub-items at once (the reader's).
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn set_items(&mut self, items: Vec<AgendaItem>) {
        self.items = items;
    }

    /// Checks and builds the item. Whether the entries' participants are the
    /// meeting's is checked by the meeting's `build()`. Linear in the
    /// entries and topics.
    ///
    /// # Errors
    ///
    /// Every violation at once: a blank or over-long label, title, wording
    /// or text; an entry with no participant, a malformed or repeated id;
    /// an outcome with fewer than two participants; too many topics,
    /// entries or sub-items; sub-items nested deeper than
    /// [`Limits::max_agenda_depth`].
    ///
    /// ```
    /// use diplomeet::{AgendaItem, ErrorKind, Verb};
    ///
    /// let err = AgendaItem::builder()
    ///     .label(" ")
    ///     .statement("a", Verb::Stated, "")
    ///     .outcome(Verb::Concurred, ["a", "a"], "to ...")
    ///     .build()
    ///     .unwrap_err();
    /// let found: Vec<_> = err.violations().map(|v| (v.kind(), v.path())).collect();
    /// assert_eq!(
    ///     found,
    ///     [
    ///         (ErrorKind::Empty, "label"),
    ///         (ErrorKind::Empty, "entries[0].text"),
    ///         (ErrorKind::Duplicate, "entries[1].who[1]"),
    ///         (ErrorKind::TooFew, "entries[1].who"),
    ///     ]
    /// );
    /// ```
    pub fn build(self) -> Result<AgendaItem, Error> {
        let l = &self.limits;
        let mut out = Collector::for_limits(l);
        if let Some(t) = &self.label {
            l.check_text(&mut out, "label", "agenda item label", TextClass::Name, t);
        }
        if let Some(t) = &self.title {
            l.check_text(&mut out, "title", "agenda item title", TextClass::Title, t);
        }
        let max = l.max_entries();
        let mut counts_ok = true;
        for (field, n, limit, name) in [
            ("topics", self.topics.len(), max, "max_entries"),
            ("entries", self.entries.len(), max, "max_entries"),
            (
                "items",
                self.items
                    .iter()
                    .map(|i| i.sub_items().saturating_add(1))
                    .fold(0, usize::saturating_add),
                l.max_agenda_items(),
                "max_agenda_items",
            ),
        ] {
            counts_ok &= n <= limit;
            l.check_count(&mut out, field, field, n, limit, name);
        }
        // Past a count limit, report the count alone: checking each of a
        // hostile number of entries is the cost the limit prevents.
        if counts_ok {
            for (i, e) in self.entries.iter().enumerate() {
                e.check(l, &mut out, &|| format!("entries[{i}]"));
            }
            for &i in &self.mutual {
                let Some(e) = self.entries.get(i) else {
                    continue;
                };
                let distinct = e.who().len().saturating_sub(e.who().repeats().len());
                if distinct < 2 {
                    out.push_at(
                        || format!("entries[{i}].who"),
                        Detail::TooFew {
                            what: "distinct participants of a mutual outcome",
                            found: distinct,
                            needed: 2,
                        },
                    );
                }
            }
            let deepest = self
                .items
                .iter()
                .map(|i| i.depth().saturating_add(2))
                .max()
                .unwrap_or(1);
            if deepest > l.max_agenda_depth() {
                out.push(
                    "items",
                    Detail::TooMany {
                        what: "levels of sub-items",
                        count: deepest,
                        limit: l.max_agenda_depth(),
                        limit_name: "max_agenda_depth",
                    },
                );
            }
        }
        // Lists grew one element at a time: no room left over in the item.
        let (mut topics, mut entries, mut items) = (self.topics, self.entries, self.items);
        topics.shrink_to_fit();
        entries.shrink_to_fit();
        items.shrink_to_fit();
        out.finish_value(AgendaItem {
            label: self.label,
            title: self.title,
            topics,
            entries,
            items,
        })
    }
}
