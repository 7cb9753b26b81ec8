//! Reading the JSON document: a private mirror of plain strings and lists,
//! then the same builders and checks as the Rust API, collecting every
//! violation with its path.
//!
//! One mirror reads both formats: `diplomeet/2`, and `diplomeet/1`, which is
//! upgraded on read (a /1 item's number becomes its label `"N."`, its
//! statements then its outcomes become its entries, in that order; a /1
//! verb is a /2 verb of the same name). A field of one format in a document
//! of the other is a syntax error naming it.

use std::borrow::Cow;

use serde::Deserialize;

use super::capped::{Capped, CappedTexts, EntriesLen, ListLen, ReadFacts};
use super::{FORMAT, FORMAT_V1};
use crate::agenda::{AgendaItem, Entry, Verb};
use crate::country::Country;
use crate::error::{Collector, Detail, Error, echo};
use crate::limits::Limits;
use crate::meeting::{
    Attendance, DateBasis, Group, Meeting, MeetingForm, MeetingStatus, Mode, Occasion,
    OccasionRelation, Part, Participant, Place, PlaceBasis, Role, Source, StatedText, TitleBasis,
    Venue, ZoneBasis,
};
use crate::minister::{Minister, Portfolio, Post, PostStatus, Term};
use crate::name::{NameOrder, PersonName};
use crate::time::{OffsetPolicy, StatedTime, ZonedDateTime, parse_duration, parse_zone};
use crate::topic::{Topic, TopicCategory};

/// A short string the reader only looks at (a code, a zone name, a verb):
/// borrowed from the input when it has no escapes, so that reading it costs
/// no allocation.
pub(crate) struct Word<'a>(Cow<'a, str>);

impl Word<'_> {
    /// The empty word, to fill arrays.
    pub(crate) const EMPTY: Word<'static> = Word(Cow::Borrowed(""));
}

impl std::ops::Deref for Word<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Word<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;

        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Cow<'de, str>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }

            fn visit_borrowed_str<E: serde::de::Error>(
                self,
                v: &'de str,
            ) -> Result<Self::Value, E> {
                Ok(Cow::Borrowed(v))
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Cow::Owned(v.to_owned()))
            }

            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Cow::Owned(v))
            }
        }

        d.deserialize_str(Visit).map(Word)
    }
}

/// The document's `format`: reading it tells the lists read after it
/// which version their items are in.
struct Format<'a>(Word<'a>);

impl<'de: 'a, 'a> Deserialize<'de> for Format<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let w = Word::deserialize(d)?;
        super::capped::saw_format(&w);
        Ok(Format(w))
    }
}

/// Agenda items (`TOP`) or an item's sub-items, each converted into an
/// [`AgendaItem`] as soon as it is read, so that the raw text of one item at
/// a time is held, never that of the whole agenda; past
/// `max_agenda_items` items in the document (sub-items included), the rest
/// are counted, not read.
pub(crate) struct ReadItems<const TOP: bool> {
    /// The items that converted, and (in `slots`) the index of each in the
    /// list.
    items: Vec<AgendaItem>,
    slots: Vec<usize>,
    /// The violations of those that did not, with paths from the list
    /// (`[3].entries[0].text`), up to `max_violations`.
    errors: Collector,
    /// For each element read, in order, its number of `/1` statements.
    v1_statements: Vec<usize>,
}

impl<const TOP: bool> Default for ReadItems<TOP> {
    fn default() -> Self {
        ReadItems {
            items: Vec::new(),
            slots: Vec::new(),
            errors: Collector::new(),
            v1_statements: Vec::new(),
        }
    }
}

impl<'de, const TOP: bool> Deserialize<'de> for ReadItems<TOP> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<const TOP: bool>;

        impl<'de, const TOP: bool> serde::de::Visitor<'de> for Visit<TOP> {
            type Value = ReadItems<TOP>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a list of agenda items")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                let limits = super::capped::active();
                let mut out = ReadItems::<TOP> {
                    errors: Collector::for_limits(&limits),
                    ..ReadItems::default()
                };
                // diplomeet/1 numbered its items, each number once.
                let mut numbers = std::collections::HashSet::new();
                let mut i = 0;
                while let Some(read) = seq.next_element_seed(ItemSeed)? {
                    let index = i;
                    i += 1;
                    let Some(raw) = read else { continue };
                    let version = super::capped::convert_version();
                    out.v1_statements
                        .push(raw.statements.as_ref().map_or(0, |s| s.items.len()));
                    if TOP && version == 1 {
                        if let Some(n) = raw.number {
                            if !numbers.insert(n) {
                                out.errors.push_at(
                                    || format!("[{index}].number"),
                                    Detail::Duplicate {
                                        what: "agenda number",
                                        value: n.to_string(),
                                    },
                                );
                            }
                        }
                    }
                    match raw.into_item(&limits, version) {
                        Ok(item) => {
                            out.items.push(item);
                            out.slots.push(index);
                        }
                        Err(e) => out.errors.absorb(&format!("[{index}]"), e),
                    }
                }
                Ok(out)
            }
        }

        d.deserialize_seq(Visit::<TOP>)
    }
}

/// A participant's posts, each converted into a [`Post`] as soon as it is
/// read, up to `max_list_len` (the rest counted).
#[derive(Default)]
pub(crate) struct ReadPosts {
    posts: Vec<Post>,
    /// The violations of those that did not convert, with paths from the
    /// list (`[1].title`).
    errors: Collector,
    total: usize,
}

impl<'de> Deserialize<'de> for ReadPosts {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;

        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = ReadPosts;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a list of posts")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                let limits = super::capped::active();
                let mut out = ReadPosts {
                    errors: Collector::for_limits(&limits),
                    ..ReadPosts::default()
                };
                while out.total < limits.max_list_len() {
                    let Some(raw) = seq.next_element::<RawPost<'de>>()? else {
                        return Ok(out);
                    };
                    let i = out.total;
                    out.total += 1;
                    match raw.into_post(&limits) {
                        Ok(p) => out.posts.push(p),
                        Err(e) => out.errors.absorb(&format!("[{i}]"), e),
                    }
                }
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
                    out.total = out.total.saturating_add(1);
                }
                Ok(out)
            }
        }

        d.deserialize_seq(Visit)
    }
}

/// The custom actors, each converted into a [`Country`] as soon as it is
/// read (a code taken twice is a violation), up to `max_list_len` (the rest
/// counted); once read, they are published to the participants read after
/// them.
#[derive(Default)]
pub(crate) struct ReadActors {
    actors: Vec<Country>,
    /// The violations, with paths from the list (`[1].code`).
    errors: Collector,
    total: usize,
}

impl<'de> Deserialize<'de> for ReadActors {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;

        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = ReadActors;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a list of actors")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                let limits = super::capped::active();
                let mut out = ReadActors {
                    errors: Collector::for_limits(&limits),
                    ..ReadActors::default()
                };
                while out.total < limits.max_list_len() {
                    let Some(raw) = seq.next_element::<RawActor>()? else {
                        break;
                    };
                    let i = out.total;
                    out.total += 1;
                    match raw.into_country(&limits) {
                        Ok(c) if out.actors.iter().any(|x| x.code() == c.code()) => {
                            out.errors.push_at(
                                || format!("[{i}].code"),
                                Detail::Duplicate {
                                    what: "actor code",
                                    value: c.code().to_owned(),
                                },
                            );
                        }
                        Ok(c) => out.actors.push(c),
                        Err(e) => out.errors.absorb(&format!("[{i}]"), e),
                    }
                }
                if out.total == limits.max_list_len() {
                    while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
                        out.total = out.total.saturating_add(1);
                    }
                }
                super::capped::publish_actors(&out.actors);
                Ok(out)
            }
        }

        d.deserialize_seq(Visit)
    }
}

/// The participants, each converted as soon as it is read, up to
/// `max_participants` (the rest counted): the raw text of one participant
/// at a time is held. A participant that names a custom actor before the
/// document's actors are read waits for them, raw.
pub(crate) struct ReadParticipants<'a> {
    /// Those that converted, and (in `slots`) the index of each in the
    /// list.
    ready: Vec<Participant>,
    slots: Vec<usize>,
    /// The ids of those that did not.
    failed: Vec<(usize, String)>,
    /// Those that wait for the actors.
    deferred: Vec<(usize, RawParticipant<'a>)>,
    /// The violations of those that did not convert, with paths from the
    /// list (`[1].name.given`).
    errors: Collector,
    total: usize,
}

impl<'de: 'a, 'a> Deserialize<'de> for ReadParticipants<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<'a>(std::marker::PhantomData<&'a ()>);

        impl<'de: 'a, 'a> serde::de::Visitor<'de> for Visit<'a> {
            type Value = ReadParticipants<'a>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a list of participants")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                let limits = super::capped::active();
                let mut out = ReadParticipants {
                    ready: Vec::new(),
                    slots: Vec::new(),
                    failed: Vec::new(),
                    deferred: Vec::new(),
                    errors: Collector::for_limits(&limits),
                    total: 0,
                };
                while out.total < limits.max_participants() {
                    let Some(raw) = seq.next_element::<RawParticipant<'a>>()? else {
                        break;
                    };
                    let i = out.total;
                    out.total += 1;
                    let version = super::capped::convert_version();
                    super::capped::with_actors(|actors| {
                        if actors.is_none() && raw.needs_actors() {
                            out.deferred.push((i, raw));
                            return;
                        }
                        let id = raw.id.clone();
                        match raw.into_participant(&limits, actors.unwrap_or_default(), version) {
                            Ok(p) => {
                                out.ready.push(p);
                                out.slots.push(i);
                            }
                            Err(e) => {
                                out.failed.push((i, id));
                                out.errors.absorb(&format!("[{i}]"), e);
                            }
                        }
                    });
                }
                if out.total == limits.max_participants() {
                    while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
                        out.total = out.total.saturating_add(1);
                    }
                }
                Ok(out)
            }
        }

        d.deserialize_seq(Visit(std::marker::PhantomData))
    }
}

/// One element of an item list: read when the document's items so far are
/// within `max_agenda_items`, else counted with its sub-items and skipped.
struct ItemSeed;

impl<'de> serde::de::DeserializeSeed<'de> for ItemSeed {
    type Value = Option<RawItem<'de>>;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        if super::capped::see_items(1) {
            RawItem::deserialize(d).map(Some)
        } else {
            CountItems::deserialize(d).map(|_| None)
        }
    }
}

/// A skipped item: any value, whose sub-items (at every level) are counted
/// as seen.
struct CountItems;

impl<'de> Deserialize<'de> for CountItems {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Skip { list: false }).map(|()| CountItems)
    }
}

/// Skips a value: an object's `items`, or (`list`) the elements of a list,
/// are items to count.
struct Skip {
    list: bool,
}

impl<'de> serde::de::Visitor<'de> for Skip {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_none<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        if self.list {
            while seq.next_element_seed(CountOne)?.is_some() {}
        } else {
            while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        }
        Ok(())
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<Word<'de>>()? {
            if &*key == "items" {
                map.next_value_seed(SkipSeed { list: true })?;
            } else {
                map.next_value::<serde::de::IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

struct SkipSeed {
    list: bool,
}

impl<'de> serde::de::DeserializeSeed<'de> for SkipSeed {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(Skip { list: self.list })
    }
}

struct CountOne;

impl<'de> serde::de::DeserializeSeed<'de> for CountOne {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        super::capped::see_items(1);
        CountItems::deserialize(d).map(|_| ())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "a meeting document (a JSON object)")]
pub(crate) struct RawMeeting<'a> {
    #[serde(borrow)]
    format: Format<'a>,
    #[serde(default)]
    id: Option<String>,
    title: String,
    #[serde(default, borrow)]
    title_basis: Option<Word<'a>>,
    #[serde(default, borrow)]
    mode: Option<Word<'a>>,
    #[serde(default, borrow)]
    form: Option<Word<'a>>,
    #[serde(default, borrow)]
    status: Option<Word<'a>>,
    #[serde(default, borrow)]
    venue: Option<RawVenue<'a>>,
    #[serde(default, borrow)]
    zone: Option<Word<'a>>,
    #[serde(default, borrow)]
    zone_basis: Option<Word<'a>>,
    #[serde(default, borrow)]
    occasion: Option<RawOccasion<'a>>,
    #[serde(default, borrow)]
    start: Option<Word<'a>>,
    #[serde(default)]
    start_approximate: bool,
    #[serde(default, borrow)]
    date_basis: Option<RawDateBasis<'a>>,
    #[serde(default, borrow)]
    stated_times: Option<Capped<RawStated<'a>, ListLen>>,
    #[serde(default, borrow)]
    duration: Option<Word<'a>>,
    #[serde(default)]
    duration_approximate: bool,
    #[serde(default)]
    actors: ReadActors,
    #[serde(borrow)]
    participants: ReadParticipants<'a>,
    #[serde(default)]
    agenda: ReadItems<true>,
    #[serde(default, borrow)]
    parts: Option<Capped<RawPart<'a>, ListLen>>,
    #[serde(default, borrow)]
    sources: Capped<RawSource<'a>, ListLen>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawVenue<'a> {
    place: String,
    #[serde(borrow)]
    country: Word<'a>,
    #[serde(borrow)]
    zone: Word<'a>,
    #[serde(default, borrow)]
    basis: Option<Word<'a>>,
    #[serde(default, borrow)]
    premises_of: Option<Word<'a>>,
}

/// `/1`: the name alone; `/2`: the name alone, or with its relation.
#[derive(Deserialize)]
#[serde(
    untagged,
    expecting = "an occasion: a string, or {\"name\", \"relation\", \"visitor\"?}"
)]
pub(crate) enum RawOccasion<'a> {
    Name(String),
    Full {
        name: String,
        #[serde(borrow)]
        relation: Word<'a>,
        #[serde(default)]
        visitor: Option<String>,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDateBasis<'a> {
    #[serde(borrow)]
    kind: Word<'a>,
    #[serde(default)]
    phrase: Option<String>,
    #[serde(default, borrow)]
    published: Option<Word<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawStated<'a> {
    #[serde(default)]
    pub(crate) text: Option<String>,
    #[serde(borrow)]
    pub(crate) time: Word<'a>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawActor {
    code: String,
    name: String,
    #[serde(default)]
    formal_name: Option<String>,
    #[serde(default)]
    alpha3: Option<String>,
    capital_zone: String,
    #[serde(default)]
    zones: CappedTexts<ListLen>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawParticipant<'a> {
    id: String,
    #[serde(default, borrow)]
    name: Option<RawName<'a>>,
    #[serde(default)]
    honorific: Option<String>,
    #[serde(default, borrow)]
    country: Option<Word<'a>>,
    #[serde(default)]
    posts: Option<ReadPosts>,
    /// `/2`: a group instead of a person.
    #[serde(default)]
    group: Option<RawGroup>,
    #[serde(default, borrow)]
    home_zone: Option<Word<'a>>,
    #[serde(default)]
    roles: Option<CappedTexts<ListLen>>,
    #[serde(default, borrow)]
    attendance: Option<Word<'a>>,
    #[serde(default, borrow)]
    calling_from: Option<RawPlace<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    name: String,
    #[serde(default)]
    members: CappedTexts<ListLen>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPlace<'a> {
    place: String,
    #[serde(default, borrow)]
    country: Option<Word<'a>>,
    #[serde(default, borrow)]
    zone: Option<Word<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawName<'a> {
    #[serde(default)]
    given: Option<String>,
    #[serde(default)]
    surname: Option<String>,
    #[serde(default)]
    second_surname: Option<String>,
    #[serde(default, borrow)]
    order: Option<Word<'a>>,
    #[serde(default)]
    uppercase_surname: bool,
    #[serde(default)]
    native: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPost<'a> {
    #[serde(borrow)]
    portfolio: Word<'a>,
    #[serde(default)]
    portfolio_name: Option<String>,
    title: String,
    #[serde(default, borrow)]
    term: Option<RawTerm<'a>>,
    #[serde(default, borrow)]
    status: Option<Word<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTerm<'a> {
    #[serde(default, borrow)]
    start: Option<Word<'a>>,
    #[serde(default, borrow)]
    end: Option<Word<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawItem<'a> {
    /// `/1` only.
    #[serde(default)]
    number: Option<u32>,
    /// `/2` only.
    #[serde(default)]
    label: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default, borrow)]
    topics: Capped<RawTopic<'a>, EntriesLen>,
    /// `/1` only.
    #[serde(default, borrow)]
    statements: Option<Capped<RawStatement<'a>, EntriesLen>>,
    /// `/1` only.
    #[serde(default, borrow)]
    outcomes: Option<Capped<RawOutcome<'a>, EntriesLen>>,
    /// `/2` only.
    #[serde(default, borrow)]
    entries: Option<Capped<RawEntry<'a>, EntriesLen>>,
    /// `/2` only: converted as they are read.
    #[serde(default)]
    items: Option<ReadItems<false>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTopic<'a> {
    #[serde(borrow)]
    category: Word<'a>,
    label: String,
    #[serde(default)]
    keywords: CappedTexts<ListLen>,
    #[serde(default)]
    aliases: CappedTexts<ListLen>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStatement<'a> {
    speaker: String,
    #[serde(borrow)]
    verb: Word<'a>,
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOutcome<'a> {
    #[serde(borrow)]
    verb: Word<'a>,
    parties: CappedTexts<ListLen>,
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEntry<'a> {
    pub(crate) who: CappedTexts<ListLen>,
    #[serde(borrow)]
    pub(crate) verb: Word<'a>,
    #[serde(default)]
    pub(crate) wording: Option<String>,
    pub(crate) text: String,
    #[serde(default)]
    pub(crate) source: Option<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPart<'a> {
    #[serde(default)]
    title: Option<String>,
    #[serde(default, borrow)]
    form: Option<Word<'a>>,
    #[serde(default, borrow)]
    mode: Option<Word<'a>>,
    #[serde(default, borrow)]
    start: Option<Word<'a>>,
    #[serde(default, borrow)]
    duration: Option<Word<'a>>,
    #[serde(default)]
    duration_approximate: bool,
    #[serde(default)]
    participants: CappedTexts<ListLen>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSource<'a> {
    url: String,
    #[serde(default)]
    publisher: Option<String>,
    #[serde(default, borrow)]
    publisher_country: Option<Word<'a>>,
    #[serde(default, borrow)]
    published: Option<Word<'a>>,
    #[serde(default)]
    published_inferred: bool,
    #[serde(default)]
    via: Option<String>,
    #[serde(default)]
    original_url: Option<String>,
    #[serde(default)]
    attributed_to: Option<String>,
    #[serde(default, borrow)]
    reported_date: Option<Word<'a>>,
}

/// The error for a document whose format this release does not read.
pub(crate) fn unsupported(found: &str) -> Error {
    Error::new(Detail::UnsupportedFormat {
        found: echo(found),
        expected: "diplomeet/2 (or diplomeet/1, upgraded on read)",
    })
    .within("format")
}

/// A field of one format in a document of the other.
fn wrong_version(field: &str, format: &str, hint: &str) -> Error {
    Error::new(Detail::Syntax(format!(
        "field {field:?} is not part of {format}{hint}"
    )))
    .within(field)
}

/// Resolves a country code: a custom actor declared in the document, else a
/// built-in country or organisation.
fn country(code: &str, actors: &[Country]) -> Result<Country, Error> {
    if let Some(a) = actors.iter().find(|a| a.code().eq_ignore_ascii_case(code)) {
        return Ok(a.clone());
    }
    Country::from_code(code)
}

/// A date exactly `YYYY-MM-DD` (chrono's own parser also takes padding and
/// signs, which the writer never produces).
fn date(text: &str, what: &'static str) -> Result<chrono::NaiveDate, Error> {
    let b = text.as_bytes();
    let shape_ok = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    let parsed = if shape_ok {
        text.parse::<chrono::NaiveDate>().map_err(|e| e.to_string())
    } else {
        Err("expected YYYY-MM-DD".to_owned())
    };
    parsed.map_err(|e| {
        Error::new(Detail::InvalidTimestamp {
            input: echo(text),
            reason: format!("{what} must be a date YYYY-MM-DD: {e}"),
        })
    })
}

/// What a start text is: `YYYY-MM` (a month), `YYYY-MM-DD` (a date),
/// `unknown`, or RFC 9557.
pub(crate) enum StartText {
    Month(i32, u32),
    Date(chrono::NaiveDate),
    Time(ZonedDateTime),
    Unknown,
}

pub(crate) fn start_text(text: &str, offsets: OffsetPolicy) -> Result<StartText, Error> {
    let b = text.as_bytes();
    if text == "unknown" {
        return Ok(StartText::Unknown);
    }
    if b.len() == 7 && b.get(4) == Some(&b'-') {
        let year = text.get(..4).and_then(|y| y.parse::<i32>().ok());
        let month = text.get(5..).and_then(|m| m.parse::<u32>().ok());
        return match (year, month) {
            (Some(y), Some(m))
                if b.iter()
                    .enumerate()
                    .all(|(i, c)| i == 4 || c.is_ascii_digit()) =>
            {
                Ok(StartText::Month(y, m))
            }
            _ => Err(Error::new(Detail::InvalidTimestamp {
                input: echo(text),
                reason: "a month must be YYYY-MM".into(),
            })),
        };
    }
    if b.len() == 10 && !text.contains('T') {
        return date(text, "a start without a time").map(StartText::Date);
    }
    ZonedDateTime::parse(text, offsets).map(StartText::Time)
}

/// Parses a named value, with its error under `path`.
fn named<T>(
    path: &str,
    word: Option<&Word<'_>>,
    parse: fn(&str) -> Result<T, Error>,
) -> Result<Option<T>, Error> {
    match word {
        None => Ok(None),
        Some(w) => parse(w).map(Some).map_err(|e| e.within(path)),
    }
}

impl RawMeeting<'_> {
    /// Which format the document says it is.
    pub(crate) fn version(&self) -> Result<u8, Error> {
        match &*self.format.0 {
            FORMAT => Ok(2),
            FORMAT_V1 => Ok(1),
            other => Err(unsupported(other)),
        }
    }

    /// The fields of /2 a /1 document may not have, and the reverse.
    fn check_version(&self, version: u8) -> Result<(), Error> {
        if version == 1 {
            let v2_only = [
                ("id", self.id.is_some()),
                ("title_basis", self.title_basis.is_some()),
                ("zone_basis", self.zone_basis.is_some()),
                ("start_approximate", self.start_approximate),
                ("date_basis", self.date_basis.is_some()),
                ("stated_times", self.stated_times.is_some()),
                ("parts", self.parts.is_some()),
                (
                    "occasion",
                    matches!(self.occasion, Some(RawOccasion::Full { .. })),
                ),
                ("start", self.start.is_none()),
            ];
            if let Some((field, _)) = v2_only.iter().find(|(_, present)| *present) {
                if *field == "start" {
                    return Err(Error::new(Detail::Syntax(
                        "missing field `start`: diplomeet/1 needs one (diplomeet/2 may leave it out)"
                            .into(),
                    )));
                }
                return Err(wrong_version(
                    field,
                    FORMAT_V1,
                    ": write the document as diplomeet/2",
                ));
            }
        }
        Ok(())
    }

    /// The meeting, from what reading the document found (`facts`); the
    /// agenda's items are already converted, as the version `facts` says.
    pub(crate) fn into_meeting(
        self,
        limits: &Limits,
        offsets: OffsetPolicy,
        facts: ReadFacts,
    ) -> Result<Meeting, Error> {
        let version = self.version()?;
        self.check_version(version)?;
        let mut out = Collector::for_limits(limits);
        let mut b = Meeting::builder(self.title).limits(*limits);
        if let Some(id) = self.id {
            b = b.id(id);
        }
        let named_fields = (
            named("mode", self.mode.as_ref(), Mode::parse),
            named("form", self.form.as_ref(), MeetingForm::parse),
            named("status", self.status.as_ref(), MeetingStatus::parse),
            named("title_basis", self.title_basis.as_ref(), TitleBasis::parse),
            named("zone_basis", self.zone_basis.as_ref(), ZoneBasis::parse),
        );
        let mode_failed = named_fields.0.is_err();
        if let Some(m) = out.take("", named_fields.0).flatten() {
            b = b.mode(m);
        }
        if let Some(f) = out.take("", named_fields.1).flatten() {
            b = b.form(f);
        }
        if let Some(s) = out.take("", named_fields.2).flatten() {
            b = b.status(s);
        }
        if let Some(t) = out.take("", named_fields.3).flatten() {
            b = b.title_basis(t);
        }
        if let Some(z) = out.take("", named_fields.4).flatten() {
            b = b.zone_basis(z);
        }

        // Custom actors first: participants and the venue may refer to them.
        // They were converted as they were read; at most `max_list_len` of
        // them were kept: a list over the limit stops there.
        let actors = self.actors.actors;
        limits.check_list(&mut out, "actors", "actors", self.actors.total);
        if let Err(e) = self.actors.errors.finish() {
            out.absorb("actors", e);
        }

        let mut place_failed = false;
        if let Some(v) = self.venue {
            match out.take("venue", v.into_venue(limits, &actors)) {
                Some(v) => b = b.venue(v),
                None => place_failed = true,
            }
        }
        if let Some(z) = self.zone.as_deref() {
            match out.take("zone", parse_zone(z)) {
                Some(z) => b = b.zone(z),
                None => place_failed = true,
            }
        }
        if let Some(o) = self.occasion {
            if let Some(o) = out.take("occasion", o.into_occasion()) {
                b = b.occasion_with(o);
            }
        }
        // The start: its error goes to the builder, which reports it in its
        // place.
        match self.start.as_deref().map(|s| start_text(s, offsets)) {
            None | Some(Ok(StartText::Unknown)) => {}
            Some(Ok(StartText::Time(z))) => b = b.start(z),
            Some(Ok(StartText::Date(d))) => b = b.starts_on(d),
            Some(Ok(StartText::Month(y, m))) => b = b.starts_in_month(y, m),
            Some(Err(e)) => b = b.start_unreadable(e.within("start")),
        }
        b = b.start_approximate(self.start_approximate);
        if let Some(d) = self.date_basis {
            if let Some(d) = out.take("date_basis", d.into_basis()) {
                b = b.date_basis(d);
            }
        }
        if let Some(stated) = self.stated_times {
            limits.check_list(&mut out, "stated_times", "stated times", stated.total);
            for (i, s) in stated.items.into_iter().enumerate() {
                let path = || format!("stated_times[{i}].time");
                if let Some(t) = out.take_at(path, s.time.parse::<StatedTime>()) {
                    let mut st = StatedText::new(t);
                    if let Some(text) = s.text {
                        // Checked here, at the document's index; the
                        // builder checks the texts it is given too, so a
                        // refused one is not passed on.
                        match limits.text_problem(
                            "stated time text",
                            crate::limits::TextClass::Name,
                            &text,
                        ) {
                            Some(d) => out.push_at(|| format!("stated_times[{i}].text"), d),
                            None => st = st.with_text(text),
                        }
                    }
                    b = b.stated_time_text(st);
                }
            }
        }
        // A duration that does not parse is reported once: its
        // `duration_approximate` is not also "without a duration".
        let mut duration_read = true;
        if let Some(d) = self.duration.as_deref() {
            match out.take("duration", parse_duration(d)) {
                Some(d) => b = b.duration(d),
                None => duration_read = false,
            }
        }
        b = b.approximate(self.duration_approximate && duration_read);

        // Participants were converted as they were read, but for those
        // that named a custom actor before the actors were read.
        let read = self.participants;
        let n = read.total;
        if n > limits.max_participants() {
            // Reported below; do not read them all.
            b = b.unread_participant(None);
        } else {
            if let Err(e) = read.errors.finish() {
                out.absorb("participants", e);
            }
            if read.failed.is_empty() && read.deferred.is_empty() {
                // The usual case: all of them, as read, with no copy.
                b = b.participants_read(read.ready, read.slots);
            } else {
                let mut ready = read.slots.into_iter().zip(read.ready).peekable();
                let mut failed = read.failed.into_iter().peekable();
                let mut deferred = read.deferred.into_iter().peekable();
                for i in 0..n {
                    if let Some((_, p)) = ready.next_if(|(j, _)| *j == i) {
                        b = b.participant_at(i, p);
                    } else if let Some((_, id)) = failed.next_if(|(j, _)| *j == i) {
                        b = b.unread_participant(Some(id));
                    } else if let Some((_, p)) = deferred.next_if(|(j, _)| *j == i) {
                        let id = p.id.clone();
                        match p.into_participant(limits, &actors, version) {
                            Ok(p) => b = b.participant_at(i, p),
                            Err(e) => {
                                b = b.unread_participant(Some(id));
                                out.absorb(&format!("participants[{i}]"), e);
                            }
                        }
                    }
                }
            }
        }
        if n > limits.max_participants() {
            out.push(
                "participants",
                Detail::TooMany {
                    what: "participants",
                    count: n,
                    limit: limits.max_participants(),
                    limit_name: "max_participants",
                },
            );
        }

        // The items were converted as they were read. For a /1 document,
        // each item's number of statements: its entries are its statements,
        // then its outcomes.
        let agenda = self.agenda;
        let v1_statements = agenda.v1_statements;
        if facts.items_seen > limits.max_agenda_items() {
            out.push(
                "agenda",
                Detail::TooMany {
                    what: "agenda items",
                    count: facts.items_seen,
                    limit: limits.max_agenda_items(),
                    limit_name: "max_agenda_items",
                },
            );
        } else {
            if let Err(e) = agenda.errors.finish() {
                out.absorb("agenda", e);
            }
            b = b.agenda_read(agenda.items, agenda.slots);
        }
        if let Some(parts) = self.parts {
            if parts.total > limits.max_parts() {
                limits.check_count(
                    &mut out,
                    "parts",
                    "parts",
                    parts.total,
                    limits.max_parts(),
                    "max_parts",
                );
            } else {
                for (i, p) in parts.items.into_iter().enumerate() {
                    if let Some(p) =
                        out.take_at(|| format!("parts[{i}]"), p.into_part(limits, offsets))
                    {
                        b = b.part(p);
                    }
                }
            }
        }
        if self.sources.is_cut() {
            limits.check_list(&mut out, "sources", "sources", self.sources.total);
        } else {
            for (i, s) in self.sources.items.into_iter().enumerate() {
                if let Some(s) =
                    out.take_at(|| format!("sources[{i}]"), s.into_source(limits, &actors))
                {
                    b = b.source(s);
                }
            }
        }
        // A venue, zone or mode that failed to read would make the builder
        // report a missing venue or zone on top: say it once.
        if place_failed || mode_failed {
            out.check()?;
        }
        let built = b.build_collecting(out);
        if version != 1 {
            return built;
        }
        // A violation in a /1 document names the field the document has.
        built.map_err(|e| {
            e.map_paths(|path| {
                let rest = path.strip_prefix("agenda[")?;
                let (i, rest) = rest.split_once("].")?;
                let n = *v1_statements.get(i.parse::<usize>().ok()?)?;
                v1_path(rest, n).map(|p| format!("agenda[{i}].{p}"))
            })
        })
    }
}

impl RawVenue<'_> {
    pub(crate) fn into_venue(self, limits: &Limits, actors: &[Country]) -> Result<Venue, Error> {
        let c = country(&self.country, actors).map_err(|e| e.within("country"));
        let z = parse_zone(&self.zone).map_err(|e| e.within("zone"));
        let basis = named("basis", self.basis.as_ref(), PlaceBasis::parse);
        let premises = match self.premises_of.as_deref() {
            None => Ok(None),
            Some(p) => country(p, actors)
                .map(Some)
                .map_err(|e| e.within("premises_of")),
        };
        let ((c, z), (basis, premises)) =
            Error::both(Error::both(c, z), Error::both(basis, premises))?;
        let mut v = Venue::checked(self.place, c, z, limits)?;
        if let Some(b) = basis {
            v = v.with_basis(b);
        }
        if let Some(p) = premises {
            v = v.on_premises_of(p);
        }
        Ok(v)
    }
}

impl RawOccasion<'_> {
    pub(crate) fn into_occasion(self) -> Result<Occasion, Error> {
        match self {
            RawOccasion::Name(name) => {
                Ok(Occasion::unchecked(name, OccasionRelation::Sidelines, None))
            }
            RawOccasion::Full {
                name,
                relation,
                visitor,
            } => {
                let relation =
                    OccasionRelation::parse(&relation).map_err(|e| e.within("relation"))?;
                Ok(Occasion::unchecked(name, relation, visitor))
            }
        }
    }
}

impl RawDateBasis<'_> {
    pub(crate) fn into_basis(self) -> Result<DateBasis, Error> {
        let published = match self.published.as_deref() {
            None => None,
            Some(p) => Some(date(p, "a publication date").map_err(|e| e.within("published"))?),
        };
        let missing = |field: &str| {
            Error::new(Detail::Inconsistent(format!(
                "a date basis {:?} needs {field}",
                &*self.kind
            )))
            .within(field)
        };
        match (&*self.kind, published, self.phrase) {
            ("stated", None, None) => Ok(DateBasis::Stated),
            ("year_inferred", Some(published), None) => Ok(DateBasis::YearInferred { published }),
            ("relative", Some(published), Some(phrase)) => {
                Ok(DateBasis::Relative { phrase, published })
            }
            ("year_inferred" | "relative", None, _) => Err(missing("published")),
            ("relative", _, None) => Err(missing("phrase")),
            ("stated" | "year_inferred", _, _) => Err(Error::new(Detail::Inconsistent(format!(
                "a date basis {:?} has no phrase or publication date",
                &*self.kind
            )))),
            (other, _, _) => Err(crate::named::unknown_name(
                "date basis",
                other,
                &["stated", "year_inferred", "relative"],
            )
            .within("kind")),
        }
    }
}

impl RawActor {
    pub(crate) fn into_country(self, limits: &Limits) -> Result<Country, Error> {
        let mut out = Collector::for_limits(limits);
        let capital = parse_zone(&self.capital_zone).map_err(|e| e.within("capital_zone"));
        let mut zones = Vec::with_capacity(self.zones.kept);
        limits.check_list(&mut out, "zones", "zones", self.zones.total);
        for (i, z) in self.zones.list.iter().enumerate() {
            if let Some(z) = out.take(&format!("zones[{i}]"), parse_zone(z)) {
                zones.push(z);
            }
        }
        let capital = out.finish_with(capital)?;
        let mut b = Country::builder(&self.code)
            .name(self.name)
            .capital_zone(capital);
        if let Some(f) = self.formal_name {
            b = b.formal_name(f);
        }
        if let Some(a) = self.alpha3 {
            b = b.alpha3(a);
        }
        for z in zones {
            b = b.zone(z);
        }
        b.build()
    }
}

impl RawName<'_> {
    pub(crate) fn into_name(self, limits: &Limits) -> Result<PersonName, Error> {
        let mut b = PersonName::builder()
            .uppercase_surname(self.uppercase_surname)
            .limits(*limits);
        if let Some(o) = self.order.as_deref() {
            b = b.order(NameOrder::parse(o).map_err(|e| e.within("order"))?);
        }
        if let Some(g) = self.given {
            b = b.given(g);
        }
        if let Some(s) = self.surname {
            b = b.surname(s);
        }
        if let Some(s) = self.second_surname {
            b = b.second_surname(s);
        }
        if let Some(n) = self.native {
            b = b.native(n);
        }
        b.build()
    }
}

/// Reads a list of role names.
fn roles(roles: Option<CappedTexts<ListLen>>) -> Result<Vec<Role>, Error> {
    let Some(roles) = roles else {
        return Ok(Vec::new());
    };
    let mut out = Collector::new();
    let mut got = Vec::with_capacity(roles.kept);
    for (i, r) in roles.list.iter().enumerate() {
        if let Some(r) = out.take(&format!("roles[{i}]"), Role::parse(r)) {
            got.push(r);
        }
    }
    out.finish_value(got)
}

impl RawPlace<'_> {
    pub(crate) fn into_place(self, limits: &Limits, actors: &[Country]) -> Result<Place, Error> {
        let place = Place::checked(self.place, limits);
        let c = match self.country.as_deref() {
            None => Ok(None),
            Some(c) => country(c, actors)
                .map(Some)
                .map_err(|e| e.within("country")),
        };
        let z = match self.zone.as_deref() {
            None => Ok(None),
            Some(z) => parse_zone(z).map(Some).map_err(|e| e.within("zone")),
        };
        let (place, (c, z)) = Error::both(place, Error::both(c, z))?;
        match (c, z) {
            (Some(c), Some(z)) => place.in_country(c, z),
            (None, None) => Ok(place),
            _ => Err(Error::new(Detail::Inconsistent(
                "a place's country and zone go together".into(),
            ))),
        }
    }
}

impl RawParticipant<'_> {
    /// Whether it names a code that is not built in (a custom actor's):
    /// custom codes are never built-in ones, so that the others resolve
    /// before the document's actors are read.
    fn needs_actors(&self) -> bool {
        let custom = |code: &str| Country::from_code(code).is_err();
        self.country.as_deref().is_some_and(custom)
            || self
                .group
                .as_ref()
                .is_some_and(|g| g.members.list.iter().any(custom))
            || self
                .calling_from
                .as_ref()
                .and_then(|p| p.country.as_deref())
                .is_some_and(custom)
    }

    /// The person, and what the participant adds to them (roles,
    /// attendance, place).
    fn into_parts(
        self,
        limits: &Limits,
        actors: &[Country],
        version: u8,
    ) -> Result<(Minister, ParticipantExtras), Error> {
        let mut out = Collector::for_limits(limits);
        if version == 1 {
            for (field, present) in [
                ("roles", self.roles.is_some()),
                ("attendance", self.attendance.is_some()),
                ("calling_from", self.calling_from.is_some()),
                ("name", self.name.is_none()),
            ] {
                if present {
                    if field == "name" {
                        out.push(
                            "name",
                            Detail::Syntax("missing field `name`: diplomeet/1 needs one".into()),
                        );
                    } else {
                        out.absorb("", wrong_version(field, FORMAT_V1, ""));
                    }
                }
            }
        }
        let name = match self.name {
            None => Ok(None),
            Some(n) => n.into_name(limits).map(Some).map_err(|e| e.within("name")),
        };
        let home = match self.home_zone.as_deref() {
            Some(z) => parse_zone(z).map(Some).map_err(|e| e.within("home_zone")),
            None => Ok(None),
        };
        // The posts were converted as they were read.
        let read_posts = self.posts.unwrap_or_default();
        let posts_given = read_posts.total;
        let mut posts = Vec::new();
        if posts_given > limits.max_list_len() {
            limits.check_list(&mut out, "posts", "posts", posts_given);
        } else {
            if let Err(e) = read_posts.errors.finish() {
                out.absorb("posts", e);
            }
            posts = read_posts.posts;
        }
        let extras = ParticipantExtras {
            roles: roles(self.roles),
            attendance: named("attendance", self.attendance.as_ref(), Attendance::parse),
            calling_from: match self.calling_from {
                None => Ok(None),
                Some(p) => p
                    .into_place(limits, actors)
                    .map(Some)
                    .map_err(|e| e.within("calling_from")),
            },
        };
        let code = match self.country.as_deref() {
            Some(c) => country(c, actors).map_err(|e| e.within("country")),
            None => Err(Error::new(Detail::Syntax(
                "missing field `country` (a person's country or organisation)".into(),
            ))),
        };
        let person = Error::both(Error::both(name, code), home);
        let posts_unread = posts.len() < posts_given;
        let built = person.and_then(|((name, country), home)| {
            let mut posts = posts.into_iter();
            let b = match (name, posts.next()) {
                (Some(n), first) => {
                    let b = Minister::builder(n, country);
                    match first {
                        Some(p) => b.post(p),
                        None => b,
                    }
                }
                (None, Some(first)) => Minister::by_post(country, first),
                (None, None) => {
                    return Err(Error::new(Detail::Inconsistent(
                        "a participant needs a name or a post".into(),
                    ))
                    .within("name"));
                }
            };
            let mut b = b.id(self.id).limits(*limits);
            if let Some(h) = self.honorific {
                b = b.honorific(h);
            }
            if let Some(z) = home {
                b = b.home_zone(z);
            }
            b = b.posts_unread(posts_unread);
            for p in posts {
                b = b.post(p);
            }
            b.build()
        });
        out.finish_with(built).map(|m| (m, extras))
    }

    pub(crate) fn into_participant(
        mut self,
        limits: &Limits,
        actors: &[Country],
        version: u8,
    ) -> Result<Participant, Error> {
        let Some(group) = self.group.take() else {
            let (m, extras) = self.into_parts(limits, actors, version)?;
            return extras.apply(Participant::person(m));
        };
        if version == 1 {
            return Err(wrong_version(
                "group",
                FORMAT_V1,
                ": write the document as diplomeet/2",
            ));
        }
        let mut out = Collector::for_limits(limits);
        for (field, present) in [
            ("name", self.name.is_some()),
            ("honorific", self.honorific.is_some()),
            ("country", self.country.is_some()),
            ("posts", self.posts.is_some()),
            ("home_zone", self.home_zone.is_some()),
            ("calling_from", self.calling_from.is_some()),
            ("attendance", self.attendance.is_some()),
        ] {
            if present {
                out.push(
                    field,
                    Detail::Inconsistent(format!("a group participant has no {field}: its members are participants of their own")),
                );
            }
        }
        let extras = ParticipantExtras {
            roles: roles(self.roles),
            attendance: Ok(None),
            calling_from: Ok(None),
        };
        let built = group
            .into_group(self.id, limits, actors)
            .map_err(|e| e.within("group"))
            .and_then(|g| extras.apply(Participant::group(g)));
        out.finish_with(built)
    }
}

/// What a participant adds to a person or a group.
struct ParticipantExtras {
    roles: Result<Vec<Role>, Error>,
    attendance: Result<Option<Attendance>, Error>,
    calling_from: Result<Option<Place>, Error>,
}

impl ParticipantExtras {
    fn apply(self, mut b: crate::meeting::ParticipantBuilder) -> Result<Participant, Error> {
        let (roles, (attendance, place)) =
            Error::both(self.roles, Error::both(self.attendance, self.calling_from))?;
        for r in roles {
            b = b.role(r);
        }
        if let Some(a) = attendance {
            b = b.attendance(a);
        }
        if let Some(p) = place {
            b = b.calling_from(p);
        }
        b.build()
    }
}

impl RawGroup {
    fn into_group(self, id: String, limits: &Limits, actors: &[Country]) -> Result<Group, Error> {
        let mut out = Collector::for_limits(limits);
        limits.check_list(&mut out, "members", "members", self.members.total);
        let mut members = Vec::with_capacity(self.members.kept);
        for (i, m) in self.members.list.iter().enumerate() {
            if let Some(c) = out.take(&format!("members[{i}]"), country(m, actors)) {
                members.push(c);
            }
        }
        out.finish_with(Group::checked(id, self.name, members, limits))
    }
}

impl RawPost<'_> {
    pub(crate) fn into_post(self, limits: &Limits) -> Result<Post, Error> {
        let portfolio = Portfolio::parse(&self.portfolio).map_err(|e| e.within("portfolio"));
        let status = named("status", self.status.as_ref(), PostStatus::parse);
        let term = match self.term {
            None => Ok(None),
            Some(t) => t.into_term().map(Some).map_err(|e| e.within("term")),
        };
        let (portfolio, (status, term)) = Error::both(portfolio, Error::both(status, term))?;
        let mut post = Post::checked(portfolio, self.title, limits)?;
        if let Some(name) = self.portfolio_name {
            post.set_portfolio_name(name);
            let mut out = Collector::for_limits(limits);
            post.check(limits, &mut out);
            out.finish()?;
        }
        if let Some(t) = term {
            post = post.with_term(t);
        }
        if let Some(s) = status {
            post = post.with_status(s);
        }
        Ok(post)
    }
}

impl RawTerm<'_> {
    pub(crate) fn into_term(self) -> Result<Term, Error> {
        let start = match self.start.as_deref() {
            None => Ok(None),
            Some(s) => date(s, "a term's start")
                .map(Some)
                .map_err(|e| e.within("start")),
        };
        let end = match self.end.as_deref() {
            None => Ok(None),
            Some(s) => date(s, "a term's end")
                .map(Some)
                .map_err(|e| e.within("end")),
        };
        let (start, end) = Error::both(start, end)?;
        Term::new(start, end)
    }
}

impl RawTopic<'_> {
    pub(crate) fn into_topic(self, limits: &Limits) -> Result<Topic, Error> {
        let mut out = Collector::for_limits(limits);
        let category = out.take("category", TopicCategory::parse(&self.category));
        limits.check_list(&mut out, "keywords", "keywords", self.keywords.total);
        limits.check_list(&mut out, "aliases", "aliases", self.aliases.total);
        let built = Topic::checked(
            category.unwrap_or(TopicCategory::Other),
            self.label,
            self.keywords.list,
            self.aliases.list,
            limits,
        );
        out.finish_with(built)
    }
}

impl RawItem<'_> {
    pub(crate) fn into_item(self, limits: &Limits, version: u8) -> Result<AgendaItem, Error> {
        let mut out = Collector::for_limits(limits);
        let mut b = crate::agenda::AgendaItemBuilder::with_limits(*limits);
        match version {
            1 => {
                for (field, present) in [
                    ("label", self.label.is_some()),
                    ("entries", self.entries.is_some()),
                    ("items", self.items.is_some()),
                    ("number", self.number.is_none()),
                ] {
                    if present {
                        let e = if field == "number" {
                            Error::new(Detail::Syntax(
                                "missing field `number`: diplomeet/1 needs one".into(),
                            ))
                        } else {
                            wrong_version(field, FORMAT_V1, ": write the document as diplomeet/2")
                        };
                        out.absorb("", e);
                    }
                }
                match self.number {
                    Some(0) => out.push(
                        "number",
                        Detail::InvalidValue {
                            what: "agenda number",
                            value: "0".into(),
                            reason: "numbers start at 1".into(),
                        },
                    ),
                    Some(n) => b.set_label(format!("{n}.")),
                    None => {}
                }
            }
            _ => {
                for (field, present, hint) in [
                    (
                        "number",
                        self.number.is_some(),
                        ": give the printed label, as \"label\": \"1.\"",
                    ),
                    (
                        "statements",
                        self.statements.is_some(),
                        ": statements and outcomes are \"entries\"",
                    ),
                    (
                        "outcomes",
                        self.outcomes.is_some(),
                        ": statements and outcomes are \"entries\"",
                    ),
                ] {
                    if present {
                        out.absorb("", wrong_version(field, FORMAT, hint));
                    }
                }
                if let Some(l) = self.label {
                    b.set_label(l);
                }
            }
        }
        if let Some(t) = self.title {
            b.set_title(t);
        }
        let statements = self.statements.unwrap_or_default();
        let outcomes = self.outcomes.unwrap_or_default();
        let entries = self.entries.unwrap_or_default();
        let max = limits.max_entries();
        if self.topics.is_cut() || statements.is_cut() || outcomes.is_cut() || entries.is_cut() {
            // Report the counts without reading every entry.
            for (field, n) in [
                ("topics", self.topics.total),
                ("statements", statements.total),
                ("outcomes", outcomes.total),
                ("entries", entries.total),
            ] {
                limits.check_count(&mut out, field, field, n, max, "max_entries");
            }
            out.check()?;
        }
        b.reserve(
            self.topics.items.len(),
            statements.items.len() + outcomes.items.len() + entries.items.len(),
        );
        for (i, t) in self.topics.items.into_iter().enumerate() {
            if let Some(t) = out.take_at(|| format!("topics[{i}]"), t.into_topic(limits)) {
                b.push_topic(t);
            }
        }
        // /1: the statements, then the outcomes, as entries in that order.
        for (i, s) in statements.items.into_iter().enumerate() {
            let verb = out.take_at(
                || format!("statements[{i}].verb"),
                v1_verb(&s.verb, V1_STATEMENT_VERBS, "statement"),
            );
            b.push_entry(Entry::by([s.speaker], verb.unwrap_or(Verb::Stated), s.text));
        }
        for (i, o) in outcomes.items.into_iter().enumerate() {
            let verb = out.take_at(
                || format!("outcomes[{i}].verb"),
                v1_verb(&o.verb, V1_OUTCOME_VERBS, "outcome"),
            );
            if o.parties.is_cut() {
                limits.check_list(
                    &mut out,
                    &format!("outcomes[{i}].parties"),
                    "parties",
                    o.parties.total,
                );
            }
            b.push_mutual(Entry::of(
                o.parties.list,
                verb.unwrap_or(Verb::Concurred),
                o.text,
            ));
        }
        for (i, e) in entries.items.into_iter().enumerate() {
            let verb = out.take_at(|| format!("entries[{i}].verb"), Verb::parse(&e.verb));
            if e.who.is_cut() {
                limits.check_list(
                    &mut out,
                    &format!("entries[{i}].who"),
                    "participants",
                    e.who.total,
                );
            }
            let mut entry = Entry::of(e.who.list, verb.unwrap_or(Verb::Stated), e.text);
            if let Some(w) = e.wording {
                entry = entry.with_wording(w);
            }
            if let Some(s) = e.source {
                entry = entry.with_source(s);
            }
            b.push_entry(entry);
        }
        // Sub-items were converted as they were read.
        if let Some(items) = self.items {
            if let Err(e) = items.errors.finish() {
                out.absorb("items", e);
            }
            b.set_items(items.items);
        }
        out.finish_with(b.build())
    }
}

impl RawPart<'_> {
    pub(crate) fn into_part(self, limits: &Limits, offsets: OffsetPolicy) -> Result<Part, Error> {
        let form = named("form", self.form.as_ref(), MeetingForm::parse);
        let mode = named("mode", self.mode.as_ref(), Mode::parse);
        let duration = match self.duration.as_deref() {
            None => Ok(None),
            Some(d) => parse_duration(d)
                .map(Some)
                .map_err(|e| e.within("duration")),
        };
        let start = match self.start.as_deref() {
            None => Ok(StartText::Unknown),
            Some(s) => start_text(s, offsets).map_err(|e| e.within("start")),
        };
        let ((form, mode), (duration, start)) =
            Error::both(Error::both(form, mode), Error::both(duration, start))?;
        let mut b = Part::builder(form.unwrap_or(MeetingForm::Meeting)).limits(*limits);
        if let Some(t) = self.title {
            b = b.title(t);
        }
        if let Some(m) = mode {
            b = b.mode(m);
        }
        b = match start {
            StartText::Time(z) => b.start(z),
            StartText::Date(d) => b.starts_on(d),
            StartText::Unknown => b,
            StartText::Month(..) => {
                return Err(Error::new(Detail::Inconsistent(
                    "a part's start is a time or a date, not a month".into(),
                ))
                .within("start"));
            }
        };
        if let Some(d) = duration {
            b = b.duration(d);
        }
        b = b.approximate(self.duration_approximate);
        if self.participants.is_cut() {
            return Err(Error::new(Detail::TooMany {
                what: "participants",
                count: self.participants.total,
                limit: limits.max_list_len(),
                limit_name: "max_list_len",
            })
            .within("participants"));
        }
        b = b.participant_list(self.participants.list);
        b.build()
    }
}

impl RawSource<'_> {
    pub(crate) fn into_source(self, limits: &Limits, actors: &[Country]) -> Result<Source, Error> {
        let source = Source::checked(self.url, self.publisher, limits);
        let by = match self.publisher_country.as_deref() {
            None => Ok(None),
            Some(c) => country(c, actors)
                .map(Some)
                .map_err(|e| e.within("publisher_country")),
        };
        let published = match self.published.as_deref() {
            None => Ok(None),
            Some(d) => date(d, "a publication date")
                .map(Some)
                .map_err(|e| e.within("published")),
        };
        let reported = match self.reported_date.as_deref() {
            None => Ok(None),
            Some(d) => date(d, "a reported date")
                .map(Some)
                .map_err(|e| e.within("reported_date")),
        };
        let ((mut s, by), (published, reported)) =
            Error::both(Error::both(source, by), Error::both(published, reported))?;
        if let Some(c) = by {
            s = s.by(c);
        }
        if let Some(d) = published {
            s = s.published(d);
        }
        if let Some(d) = reported {
            s = s.reporting_date(d);
        }
        s = s.published_inferred(self.published_inferred);
        if let Some(v) = self.via {
            s = s.via(v).map_err(|e| e.within("via"))?;
        }
        if let Some(a) = self.attributed_to {
            s = s.attributed_to(a)?;
        }
        match self.original_url {
            Some(u) => s.original(u),
            None => Ok(s),
        }
    }
}

/// The verbs a diplomeet/1 statement could have (one participant's).
const V1_STATEMENT_VERBS: &[Verb] = &[
    Verb::Stated,
    Verb::Expressed,
    Verb::ExpressedDesire,
    Verb::ExpressedUnderstanding,
    Verb::ExpressedConcern,
    Verb::Congratulated,
    Verb::AskedForUnderstanding,
    Verb::Explained,
    Verb::Welcomed,
    Verb::Thanked,
    Verb::Emphasized,
    Verb::Requested,
    Verb::Invited,
    Verb::Proposed,
    Verb::Condemned,
];

/// The verbs a diplomeet/1 outcome could have (what the sides did together).
const V1_OUTCOME_VERBS: &[Verb] = &[
    Verb::Concurred,
    Verb::Confirmed,
    Verb::SharedView,
    Verb::SharedRecognition,
    Verb::ExchangedViews,
    Verb::Agreed,
    Verb::Affirmed,
    Verb::Welcomed,
];

/// A diplomeet/1 verb: one of `allowed`, which that format kept apart for
/// statements and outcomes (diplomeet/2 has one list for both).
fn v1_verb(text: &str, allowed: &[Verb], what: &str) -> Result<Verb, Error> {
    let verb = Verb::parse(text)?;
    if allowed.contains(&verb) {
        return Ok(verb);
    }
    let names: Vec<&str> = allowed.iter().map(|v| v.as_str()).collect();
    Err(Error::new(Detail::InvalidValue {
        what: "verb",
        value: echo(text),
        reason: format!(
            "a diplomeet/1 {what}'s verb is one of {}; write the document as diplomeet/2, \
             whose entries take any verb",
            names.join(", ")
        ),
    }))
}

/// The path in a diplomeet/1 item of a violation found at `path` in the
/// upgraded item, whose first `statements` entries were its statements:
/// `entries[k].who[0]` is `statements[k].speaker`, `entries[k].who[j]`
/// (k past the statements) is `outcomes[k - statements].parties[j]`.
fn v1_path(path: &str, statements: usize) -> Option<String> {
    let rest = path.strip_prefix("entries[")?;
    let (k, rest) = rest.split_once(']')?;
    let k: usize = k.parse().ok()?;
    if k < statements {
        let rest = match rest.strip_prefix(".who") {
            Some(who) => {
                let tail = who.split_once(']').map_or("", |(_, t)| t);
                format!(".speaker{tail}")
            }
            None => rest.to_owned(),
        };
        Some(format!("statements[{k}]{rest}"))
    } else {
        let rest = match rest.strip_prefix(".who") {
            Some(who) => format!(".parties{who}"),
            None => rest.to_owned(),
        };
        Some(format!("outcomes[{}]{rest}", k - statements))
    }
}
