//! `Deserialize` for the model's values on their own (a participant, a
//! venue, an entry), and both traits for the values the document spells
//! inside others (a place, a stated time, a country, limits).
//!
//! Each value reads what its `Serialize` writes, in the document's
//! spelling, through the document reader's own mirrors and conversions
//! ([`super::read`]): the same builders, the same checks, the same
//! messages. A value alone has no document around it, so it is read as the
//! current format (`diplomeet/2`) with the default [`Limits`], and the
//! countries it names must be built in: a declared actor (`XA`) travels in
//! a meeting's `actors`, or as a [`Country`] of its own.

use serde::de::value::MapAccessDeserializer;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

use super::read::{self, StartText, Word};
use super::write::{Actor, PlaceOut, default_roles};
use crate::agenda::{AgendaItem, Entry, Verb};
use crate::country::Country;
use crate::error::{Collector, Detail, Error};
use crate::limits::{Limits, TextClass};
use crate::meeting::{
    DateBasis, Group, Occasion, Part, Participant, Place, Source, Start, StatedText, Venue,
    VenueRelation, Who,
};
use crate::minister::{Minister, Post, Term};
use crate::name::PersonName;
use crate::time::{OffsetPolicy, StatedTime, StatedZone};
use crate::topic::Topic;

/// The format a value alone is read as: the current one.
const VERSION: u8 = 2;

/// A crate error as the deserializer's: the crate's message, every
/// violation with its path.
fn de<T, E: serde::de::Error>(result: Result<T, Error>) -> Result<T, E> {
    result.map_err(E::custom)
}

/// `Deserialize` through a mirror of the reader and a conversion to the
/// value; the conversion's errors become the deserializer's.
macro_rules! read_through {
    ($($(#[$doc:meta])* $ty:ty => |$raw:ident: $mirror:ty| $convert:expr;)*) => {
        $(
            impl<'de> Deserialize<'de> for $ty {
                $(#[$doc])*
                fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                    // A document's reading state of its own (limits, format
                    // version, items counted), whatever this thread read before.
                    let ($raw, _) = super::capped::with_context(
                        &Limits::default(),
                        Some(VERSION),
                        || <$mirror>::deserialize(d),
                    );
                    let $raw = $raw?;
                    de($convert)
                }
            }
        )*
    };
}

read_through! {
    /// Reads a participant as the document writes it.
    Participant => |raw: read::RawParticipant<'de>| raw.into_participant(&Limits::default(), &[], VERSION);
    /// Reads a person as a participant of the document is written, without
    /// what belongs to the participant (roles, attendance, the place called
    /// from); a group is refused.
    Minister => |raw: read::RawParticipant<'de>| read_who(raw).and_then(|who| match who {
        Who::Person(m) => Ok(m),
        Who::Group(_) => Err(not_a("group", "a person is written without a group")),
    });
    /// Reads a group as a group participant of the document is written
    /// (`{"id", "group": {"name", "members"}}`), without roles.
    Group => |raw: read::RawParticipant<'de>| read_who(raw).and_then(|who| match who {
        Who::Group(g) => Ok(g),
        Who::Person(_) => Err(not_a(
            "group",
            "a group is written {\"id\", \"group\": {\"name\", \"members\"}}",
        )),
    });
    /// Reads a person or a group as a participant of the document is
    /// written, without roles, attendance or the place called from.
    Who => |raw: read::RawParticipant<'de>| read_who(raw);
    /// Reads a place called from (`{"place", "country"?, "zone"?}`).
    Place => |raw: read::RawPlace<'de>| raw.into_place(&Limits::default(), &[]);
    /// Reads a venue as the document writes it.
    Venue => |raw: read::RawVenue<'de>| raw.into_venue(&Limits::default(), &[]);
    /// Reads an occasion: its name alone (on the sidelines), or `{"name",
    /// "relation", "visitor"?}`; the name is checked as
    /// [`Occasion::new`] checks it.
    Occasion => |raw: read::RawOccasion<'de>| raw.into_occasion().and_then(|o| {
        let limits = Limits::default();
        let mut out = Collector::for_limits(&limits);
        o.check(&limits, &mut out);
        out.finish_value(o)
    });
    /// Reads a source as the document writes it.
    Source => |raw: read::RawSource<'de>| raw.into_source(&Limits::default(), &[]);
    /// Reads a post as the document writes it.
    Post => |raw: read::RawPost<'de>| raw.into_post(&Limits::default());
    /// Reads a term of office (`{"start"?, "end"?}`, dates).
    Term => |raw: read::RawTerm<'de>| raw.into_term();
    /// Reads a part of a meeting as the document writes it, rejecting an
    /// offset that its zone does not have at that time.
    Part => |raw: read::RawPart<'de>| raw.into_part(&Limits::default(), OffsetPolicy::Reject);
    /// Reads an entry as the document writes it, checked as the agenda
    /// item's `build()` checks its entries (whether its participants and
    /// source exist is the meeting's to say).
    Entry => |raw: read::RawEntry<'de>| read_entry(raw);
    /// Reads how the date is known (`{"kind", "phrase"?, "published"?}`),
    /// checked as the meeting's `build()` checks it.
    DateBasis => |raw: read::RawDateBasis<'de>| raw.into_basis().and_then(|b| {
        let limits = Limits::default();
        let mut out = Collector::for_limits(&limits);
        b.check(&limits, &mut out, "");
        out.finish_value(b)
    });
    /// Reads a stated time with the readout's words (`{"text"?, "time"}`).
    StatedText => |raw: read::RawStated<'de>| read_stated(raw);
    /// Reads a start as the document writes it: RFC 9557, a date, a month
    /// or `unknown`, years 0000 to 9999, rejecting an offset that the zone
    /// does not have at that time.
    Start => |raw: Word<'de>| read_start(&raw);
    /// Reads a topic as the document writes it.
    Topic => |raw: read::RawTopic<'de>| raw.into_topic(&Limits::default());
    /// Reads a name as the document writes it.
    PersonName => |raw: read::RawName<'de>| raw.into_name(&Limits::default());
    /// Reads a stated time from its text (`2023-11-14T09:00 JST`).
    StatedTime => |raw: Word<'de>| raw.parse::<StatedTime>();
    /// Reads a stated zone from its text: an IANA name, an abbreviation, an
    /// offset, or the empty string for no zone stated.
    StatedZone => |raw: Word<'de>| read_stated_zone(&raw);
}

impl<'de> Deserialize<'de> for AgendaItem {
    /// Reads an agenda item as the document writes it; its sub-items, at
    /// every level, count towards `max_agenda_items` as in a meeting.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let limits = Limits::default();
        let (raw, facts) =
            super::capped::with_context(&limits, Some(VERSION), || read::RawItem::deserialize(d));
        let raw = raw?;
        if facts.items_seen > limits.max_agenda_items() {
            return de(Err(Error::new(Detail::TooMany {
                what: "sub-items",
                count: facts.items_seen,
                limit: limits.max_agenda_items(),
                limit_name: "max_agenda_items",
            })
            .within("items")));
        }
        de(raw.into_item(&limits, VERSION))
    }
}

impl<'de> Deserialize<'de> for crate::TextList {
    /// Reads a list of strings (any length: a list has no limit of its own;
    /// the types that hold one check theirs).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;

        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = crate::TextList;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a list of strings")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                let mut buf = crate::text_list::TextListBuf::default();
                while let Some(w) = seq.next_element::<read::Word<'de>>()? {
                    buf.push(&w);
                }
                Ok(buf.finish())
            }
        }

        d.deserialize_seq(Visit)
    }
}

/// The error for a value of the wrong shape, at `path`.
fn not_a(path: &str, message: &str) -> Error {
    Error::new(Detail::Inconsistent(message.to_owned())).within(path)
}

/// A person or a group, refusing what only a participant has.
fn read_who(raw: read::RawParticipant<'_>) -> Result<Who, Error> {
    let p = raw.into_participant(&Limits::default(), &[], VERSION)?;
    let mut out = Collector::new();
    let only_participants = |field: &str| {
        Detail::Inconsistent(format!(
            "{field} belong to a participant, not to the person or group: read a Participant"
        ))
    };
    if !default_roles(p.roles()) {
        out.push("roles", only_participants("roles"));
    }
    if p.attendance().is_some() {
        out.push("attendance", only_participants("attendance"));
    }
    if p.calling_from().is_some() {
        out.push("calling_from", only_participants("the place called from"));
    }
    out.finish()?;
    Ok(p.who().clone())
}

fn read_entry(raw: read::RawEntry<'_>) -> Result<Entry, Error> {
    let limits = Limits::default();
    let mut out = Collector::for_limits(&limits);
    if raw.who.is_cut() {
        limits.check_list(&mut out, "who", "participants", raw.who.total);
        out.check()?;
    }
    let verb = out.take("verb", Verb::parse(&raw.verb));
    let mut entry = Entry::by(&raw.who.list, verb.unwrap_or(Verb::Stated), raw.text);
    if let Some(w) = raw.wording {
        entry = entry.with_wording(w);
    }
    if let Some(s) = raw.source {
        entry = entry.with_source(s);
    }
    let mut checks = Collector::for_limits(&limits);
    entry.check(&limits, &mut checks, &String::new);
    // The entry's paths start with its own (`entries[3].text`): alone, it
    // has none.
    let checked = checks
        .finish()
        .map_err(|e| e.map_paths(|p| p.strip_prefix('.').map(str::to_owned)));
    out.finish_with(checked).map(|()| entry)
}

fn read_stated(raw: read::RawStated<'_>) -> Result<StatedText, Error> {
    let limits = Limits::default();
    let mut out = Collector::for_limits(&limits);
    let time = raw.time.parse::<StatedTime>().map_err(|e| e.within("time"));
    if let Some(text) = &raw.text {
        limits.check_text(&mut out, "text", "stated time text", TextClass::Name, text);
    }
    let stated = out.finish_with(time).map(StatedText::new)?;
    Ok(match raw.text {
        Some(text) => stated.with_text(text),
        None => stated,
    })
}

fn read_start(text: &str) -> Result<Start, Error> {
    match read::start_text(text, OffsetPolicy::Reject)? {
        StartText::Unknown => Ok(Start::Unknown),
        StartText::Month(year, month) => Start::checked_month(year, month),
        StartText::Date(d) => Start::checked_date(d),
        StartText::Time(z) => z.check_year().map(|()| Start::At(z)),
    }
}

fn read_stated_zone(text: &str) -> Result<StatedZone, Error> {
    if text.is_empty() {
        return Ok(StatedZone::Unstated);
    }
    crate::time::stated::parse_stated_zone(text, text)
}

impl Serialize for Who {
    /// A person as a [`Minister`], a group as a [`Group`].
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Who::Person(m) => m.serialize(s),
            Who::Group(g) => g.serialize(s),
        }
    }
}

impl Serialize for Place {
    /// `{"place", "country"?, "zone"?}`, as a participant's `calling_from`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        PlaceOut(self).serialize(s)
    }
}

impl Serialize for StatedTime {
    /// Its text (`2023-11-14T09:00 JST`).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Serialize for StatedZone {
    /// Its text, as in a stated time: an IANA name, an abbreviation, an
    /// offset (`-03:00`), or the empty string for no zone stated. Every zone
    /// that [`StatedTime`]'s parser makes reads back the same; one built by
    /// hand reads as what its text says, as in a readout
    /// (`Named(Tz::EST)` is written `EST`, an abbreviation).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Serialize for Country {
    /// A built-in country or organisation as its code (`"CL"`, `"UN"`); a
    /// declared actor as the document declares it in `actors`
    /// (`{"code", "name", "formal_name"?, "alpha3"?, "capital_zone",
    /// "zones"}`), which reads back to the same actor.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.is_builtin() {
            s.serialize_str(self.alpha2())
        } else {
            Actor(self).serialize(s)
        }
    }
}

impl<'de> Deserialize<'de> for Country {
    /// Reads any code that [`Country::from_code`] accepts, or a declared
    /// actor as its `Serialize` writes it, checked as
    /// [`CountryBuilder::build`](crate::CountryBuilder::build) checks it.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct CountryVisitor;

        impl<'de> Visitor<'de> for CountryVisitor {
            type Value = Country;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(
                    "a country code (alpha-2, alpha-3 or numeric) or a declared actor \
                     {\"code\", \"name\", \"capital_zone\", ...}",
                )
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Country, E> {
                de(Country::from_code(v))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Country, A::Error> {
                let raw = read::RawActor::deserialize(MapAccessDeserializer::new(map))?;
                de(raw.into_country(&Limits::default()))
            }
        }

        d.deserialize_any(CountryVisitor)
    }
}

/// The names of [`VenueRelation`]'s kinds.
const VENUE_RELATIONS: &[&str] = &["hosted", "third_location", "remote", "unknown"];

impl Serialize for VenueRelation {
    /// `{"kind": "hosted", "host": country}`, or `{"kind"}` with
    /// `third_location`, `remote` or `unknown`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("VenueRelation", 2)?;
        match self {
            VenueRelation::Hosted { host } => {
                st.serialize_field("kind", "hosted")?;
                st.serialize_field("host", host)?;
            }
            VenueRelation::ThirdLocation => st.serialize_field("kind", "third_location")?,
            VenueRelation::Remote => st.serialize_field("kind", "remote")?,
            VenueRelation::Unknown => st.serialize_field("kind", "unknown")?,
        }
        st.end()
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVenueRelation<'a> {
    #[serde(borrow)]
    kind: Word<'a>,
    #[serde(default)]
    host: Option<Country>,
}

impl<'de> Deserialize<'de> for VenueRelation {
    /// Reads what `Serialize` writes; a host goes with `hosted` alone.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = RawVenueRelation::deserialize(d)?;
        let relation = match (&*raw.kind, raw.host) {
            ("hosted", Some(host)) => Ok(VenueRelation::Hosted { host }),
            ("hosted", None) => Err(not_a("host", "a hosted meeting names its host")),
            ("third_location", None) => Ok(VenueRelation::ThirdLocation),
            ("remote", None) => Ok(VenueRelation::Remote),
            ("unknown", None) => Ok(VenueRelation::Unknown),
            (kind, Some(_)) if VENUE_RELATIONS.contains(&kind) => Err(not_a(
                "host",
                "only a hosted meeting has a host (\"kind\": \"hosted\")",
            )),
            (other, _) => Err(
                crate::named::unknown_name("venue relation", other, VENUE_RELATIONS).within("kind"),
            ),
        };
        de(relation)
    }
}

impl Serialize for Limits {
    /// Every limit by name (`{"max_title_len": 500, ...}`).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(Limits::BY_NAME.len()))?;
        for (name, get, _) in Limits::BY_NAME {
            map.serialize_entry(name, &get(self))?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Limits {
    /// Reads limits by name; a limit left out keeps its default, so
    /// `{"max_participants": 10}` is the defaults with that one changed. An
    /// unknown name (with the likely one when only case or `-` differ) or a
    /// name given twice is an error.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct LimitsVisitor;

        impl<'de> Visitor<'de> for LimitsVisitor {
            type Value = Limits;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("limits by name, as {\"max_participants\": 10}")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Limits, A::Error> {
                let mut limits = Limits::default();
                let mut seen = vec![false; Limits::BY_NAME.len()];
                while let Some(key) = map.next_key::<Word<'de>>()? {
                    let found = Limits::BY_NAME
                        .iter()
                        .zip(seen.iter_mut())
                        .find(|((name, _, _), _)| *name == &*key);
                    let Some(((_, _, set), seen)) = found else {
                        let names: Vec<&str> = Limits::BY_NAME.iter().map(|(n, _, _)| *n).collect();
                        return de(Err(crate::named::unknown_name("limit", &key, &names)));
                    };
                    if std::mem::replace(seen, true) {
                        return de(Err(Error::new(Detail::Duplicate {
                            what: "limit",
                            value: key.to_string(),
                        })
                        .within(&key)));
                    }
                    let value: usize = map.next_value()?;
                    limits = set(limits, value);
                }
                Ok(limits)
            }
        }

        d.deserialize_map(LimitsVisitor)
    }
}
