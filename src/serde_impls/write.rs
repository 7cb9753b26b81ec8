//! Writing the JSON document (`diplomeet/2`): `Serialize` straight from the
//! public types, with no intermediate copies. Optional fields are written
//! only when they say something (a default is left out), so that a document
//! written from a record the reader made reads back to the same record.

use serde::ser::{Serialize, SerializeSeq, SerializeStruct, Serializer};

use crate::agenda::{AgendaItem, Entry};
use crate::country::Country;
use crate::meeting::{
    DateBasis, Group, Meeting, Occasion, OccasionRelation, Part, Participant, PlaceBasis, Role,
    Source, Start, StatedText, TitleBasis, Venue, Who, ZoneBasis,
};
use crate::minister::{Minister, Post, PostStatus, Term};
use crate::name::{NameOrder, PersonName};
use crate::time::format_duration;
use crate::topic::Topic;

use super::FORMAT;

/// A value written with its `Display`.
struct Text<T>(T);

impl<T: std::fmt::Display> Serialize for Text<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// A zone written as its IANA name.
struct Zone(chrono_tz::Tz);

impl Serialize for Zone {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0.name())
    }
}

impl Serialize for Meeting {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Meeting", 26)?;
        st.serialize_field("format", FORMAT)?;
        st.serialize_field("id", self.id())?;
        st.serialize_field("title", self.title())?;
        if self.title_basis() != TitleBasis::Given {
            st.serialize_field("title_basis", &self.title_basis())?;
        }
        st.serialize_field("mode", &self.mode())?;
        st.serialize_field("form", &self.form())?;
        st.serialize_field("status", &self.status())?;
        match (self.venue(), self.zone()) {
            (Some(v), _) => st.serialize_field("venue", v)?,
            (None, Some(z)) => st.serialize_field("zone", &Zone(z))?,
            (None, None) => {}
        }
        if self.zone_basis() != ZoneBasis::Venue {
            st.serialize_field("zone_basis", &self.zone_basis())?;
        }
        if let Some(o) = self.occasion() {
            st.serialize_field("occasion", o)?;
        }
        if !matches!(self.when(), Start::Unknown) {
            st.serialize_field("start", self.when())?;
        }
        if self.start_is_approximate() {
            st.serialize_field("start_approximate", &true)?;
        }
        if *self.date_basis() != DateBasis::Stated {
            st.serialize_field("date_basis", self.date_basis())?;
        }
        if !self.stated_times().is_empty() {
            st.serialize_field("stated_times", self.stated_times())?;
        }
        if let Some(d) = self.duration() {
            st.serialize_field("duration", &Text(format_duration(d)))?;
        }
        if self.duration_is_approximate() {
            st.serialize_field("duration_approximate", &true)?;
        }
        let actors = Actors(self);
        if actors.any() {
            st.serialize_field("actors", &actors)?;
        }
        st.serialize_field("participants", self.participants())?;
        st.serialize_field("agenda", self.agenda())?;
        if !self.parts().is_empty() {
            st.serialize_field("parts", self.parts())?;
        }
        st.serialize_field("sources", self.sources())?;
        st.end()
    }
}

/// Every country or organisation the meeting names: the venue's, the
/// premises', the participants', groups' members', the places they called
/// from and the sources' publishers.
fn named_countries(m: &Meeting) -> impl Iterator<Item = &Country> {
    let venue = m
        .venue()
        .into_iter()
        .flat_map(|v| std::iter::once(v.country()).chain(v.premises_of()));
    let participants = m.participants().iter().flat_map(|p| {
        p.parties()
            .iter()
            .chain(p.calling_from().and_then(|c| c.country()))
    });
    let sources = m.sources().iter().filter_map(Source::publisher_country);
    venue.chain(participants).chain(sources)
}

/// The custom (not built-in) countries a meeting uses, each once.
struct Actors<'a>(&'a Meeting);

impl Actors<'_> {
    fn all(&self) -> Vec<&Country> {
        let mut seen = std::collections::HashSet::new();
        named_countries(self.0)
            .filter(|c| !c.is_builtin() && seen.insert(*c))
            .collect()
    }

    fn any(&self) -> bool {
        named_countries(self.0).any(|c| !c.is_builtin())
    }
}

impl Serialize for Actors<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let all = self.all();
        let mut seq = s.serialize_seq(Some(all.len()))?;
        for c in all {
            seq.serialize_element(&Actor(c))?;
        }
        seq.end()
    }
}

/// A custom actor with every field needed to build it again.
pub(crate) struct Actor<'a>(pub(crate) &'a Country);

impl Serialize for Actor<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        let mut st = s.serialize_struct("Actor", 6)?;
        st.serialize_field("code", c.code())?;
        st.serialize_field("name", c.name())?;
        if c.has_formal_name() {
            st.serialize_field("formal_name", c.formal_name())?;
        }
        if let Some(a3) = c.alpha3() {
            st.serialize_field("alpha3", a3)?;
        }
        st.serialize_field("capital_zone", &Zone(c.capital_zone()))?;
        st.serialize_field("zones", &ZoneList(c.zones()))?;
        st.end()
    }
}

struct ZoneList<'a>(&'a [chrono_tz::Tz]);

impl Serialize for ZoneList<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|z| Zone(*z)))
    }
}

/// Roles are written unless they are the default: principal alone.
pub(crate) fn default_roles(roles: &[Role]) -> bool {
    roles == [Role::Principal]
}

impl Serialize for Participant {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Participant", 10)?;
        match self.who() {
            Who::Person(m) => write_minister(&mut st, m)?,
            Who::Group(g) => write_group(&mut st, g)?,
        }
        if !default_roles(self.roles()) {
            st.serialize_field("roles", self.roles())?;
        }
        if let Some(a) = self.attendance() {
            st.serialize_field("attendance", &a)?;
        }
        if let Some(p) = self.calling_from() {
            st.serialize_field("calling_from", &PlaceOut(p))?;
        }
        st.end()
    }
}

pub(crate) struct PlaceOut<'a>(pub(crate) &'a crate::meeting::Place);

impl Serialize for PlaceOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let p = self.0;
        let mut st = s.serialize_struct("Place", 3)?;
        st.serialize_field("place", p.name())?;
        if let (Some(c), Some(z)) = (p.country(), p.zone()) {
            st.serialize_field("country", c.code())?;
            st.serialize_field("zone", &Zone(z))?;
        }
        st.end()
    }
}

fn write_minister<S: SerializeStruct>(st: &mut S, m: &Minister) -> Result<(), S::Error> {
    st.serialize_field("id", m.id())?;
    if let Some(n) = m.name() {
        st.serialize_field("name", n)?;
    }
    if let Some(h) = m.honorific() {
        st.serialize_field("honorific", h)?;
    }
    st.serialize_field("country", m.country().code())?;
    st.serialize_field("posts", m.posts())?;
    st.serialize_field("home_zone", &Zone(m.home_zone()))
}

fn write_group<S: SerializeStruct>(st: &mut S, g: &Group) -> Result<(), S::Error> {
    st.serialize_field("id", g.id())?;
    st.serialize_field("group", &GroupBody(g))
}

/// A group's name and members, under a participant's `group`.
struct GroupBody<'a>(&'a Group);

impl Serialize for GroupBody<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Group", 2)?;
        st.serialize_field("name", self.0.name())?;
        st.serialize_field("members", &Codes(self.0.members()))?;
        st.end()
    }
}

struct Codes<'a>(&'a [Country]);

impl Serialize for Codes<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(Country::code))
    }
}

impl Serialize for Minister {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Minister", 6)?;
        write_minister(&mut st, self)?;
        st.end()
    }
}

impl Serialize for Group {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Group", 3)?;
        write_group(&mut st, self)?;
        st.end()
    }
}

impl Serialize for Venue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Venue", 5)?;
        st.serialize_field("place", self.place())?;
        st.serialize_field("country", self.country().code())?;
        st.serialize_field("zone", &Zone(self.zone()))?;
        if self.basis() != PlaceBasis::Named {
            st.serialize_field("basis", &self.basis())?;
        }
        if let Some(p) = self.premises_of() {
            st.serialize_field("premises_of", p.code())?;
        }
        st.end()
    }
}

impl Serialize for Occasion {
    /// The name alone on the sidelines with no visitor; else an object.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.relation() == OccasionRelation::Sidelines && self.visitor().is_none() {
            return s.serialize_str(self.name());
        }
        let mut st = s.serialize_struct("Occasion", 3)?;
        st.serialize_field("name", self.name())?;
        st.serialize_field("relation", &self.relation())?;
        if let Some(v) = self.visitor() {
            st.serialize_field("visitor", v)?;
        }
        st.end()
    }
}

impl Serialize for DateBasis {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("DateBasis", 3)?;
        match self {
            DateBasis::Stated => st.serialize_field("kind", "stated")?,
            DateBasis::YearInferred { published } => {
                st.serialize_field("kind", "year_inferred")?;
                st.serialize_field("published", &Text(published))?;
            }
            DateBasis::Relative { phrase, published } => {
                st.serialize_field("kind", "relative")?;
                st.serialize_field("phrase", phrase)?;
                st.serialize_field("published", &Text(published))?;
            }
        }
        st.end()
    }
}

impl Serialize for StatedText {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("StatedText", 2)?;
        if let Some(t) = self.text() {
            st.serialize_field("text", t)?;
        }
        st.serialize_field("time", &Text(self.time()))?;
        st.end()
    }
}

impl Serialize for Start {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Serialize for PersonName {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("PersonName", 6)?;
        if let Some(g) = self.given() {
            st.serialize_field("given", g)?;
        }
        if let Some(x) = self.surname() {
            st.serialize_field("surname", x)?;
        }
        if let Some(x) = self.second_surname() {
            st.serialize_field("second_surname", x)?;
        }
        if self.order() != NameOrder::GivenFirst {
            st.serialize_field("order", self.order().as_str())?;
        }
        if self.uppercase_surname() {
            st.serialize_field("uppercase_surname", &true)?;
        }
        if let Some(n) = self.native() {
            st.serialize_field("native", n)?;
        }
        st.end()
    }
}

impl Serialize for Post {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Post", 5)?;
        st.serialize_field("portfolio", &self.portfolio())?;
        if let Some(name) = self.portfolio_name() {
            st.serialize_field("portfolio_name", name)?;
        }
        st.serialize_field("title", self.title())?;
        if let Some(t) = self.term() {
            st.serialize_field("term", &t)?;
        }
        if self.status() != PostStatus::Current {
            st.serialize_field("status", &self.status())?;
        }
        st.end()
    }
}

impl Serialize for Term {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Term", 2)?;
        if let Some(d) = self.start() {
            st.serialize_field("start", &Text(d))?;
        }
        if let Some(d) = self.end() {
            st.serialize_field("end", &Text(d))?;
        }
        st.end()
    }
}

impl Serialize for AgendaItem {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("AgendaItem", 6)?;
        if let Some(l) = self.label() {
            st.serialize_field("label", l)?;
        }
        if let Some(t) = self.title() {
            st.serialize_field("title", t)?;
        }
        if !self.topics().is_empty() {
            st.serialize_field("topics", self.topics())?;
        }
        st.serialize_field("entries", self.entries())?;
        if !self.items().is_empty() {
            st.serialize_field("items", self.items())?;
        }
        st.end()
    }
}

impl Serialize for Entry {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Entry", 5)?;
        st.serialize_field("who", self.who())?;
        st.serialize_field("verb", &self.verb())?;
        if let Some(w) = self.wording() {
            st.serialize_field("wording", w)?;
        }
        st.serialize_field("text", self.text())?;
        if let Some(src) = self.source() {
            st.serialize_field("source", &src)?;
        }
        st.end()
    }
}

impl Serialize for crate::TextList {
    /// A list of strings.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl Serialize for Topic {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Topic", 4)?;
        st.serialize_field("category", &self.category())?;
        st.serialize_field("label", self.label())?;
        if !self.keywords().is_empty() {
            st.serialize_field("keywords", self.keywords())?;
        }
        if !self.aliases().is_empty() {
            st.serialize_field("aliases", self.aliases())?;
        }
        st.end()
    }
}

impl Serialize for Part {
    /// A part whose start is a civil time not yet resolved by a meeting has
    /// no data form: an error.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.has_unresolved_civil_start() {
            return Err(serde::ser::Error::custom(
                "a part whose start is a civil time has no data form until a meeting resolves \
                 it in its zone: serialize the meeting, or give the part's start as a \
                 ZonedDateTime or a date",
            ));
        }
        let mut st = s.serialize_struct("Part", 7)?;
        if let Some(t) = self.title() {
            st.serialize_field("title", t)?;
        }
        st.serialize_field("form", &self.form())?;
        if let Some(m) = self.mode() {
            st.serialize_field("mode", &m)?;
        }
        if !matches!(self.start(), Start::Unknown) {
            st.serialize_field("start", self.start())?;
        }
        if let Some(d) = self.duration() {
            st.serialize_field("duration", &Text(format_duration(d)))?;
        }
        if self.duration_is_approximate() {
            st.serialize_field("duration_approximate", &true)?;
        }
        if !self.participants().is_empty() {
            st.serialize_field("participants", self.participants())?;
        }
        st.end()
    }
}

impl Serialize for Source {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Source", 5)?;
        st.serialize_field("url", self.url())?;
        if let Some(p) = self.publisher() {
            st.serialize_field("publisher", p)?;
        }
        if let Some(c) = self.publisher_country() {
            st.serialize_field("publisher_country", c.code())?;
        }
        if let Some(d) = self.publication_date() {
            st.serialize_field("published", &Text(d))?;
        }
        if self.is_published_inferred() {
            st.serialize_field("published_inferred", &true)?;
        }
        if let Some(v) = self.republisher() {
            st.serialize_field("via", v)?;
        }
        if let Some(u) = self.original_url() {
            st.serialize_field("original_url", u)?;
        }
        if let Some(a) = self.attribution() {
            st.serialize_field("attributed_to", a)?;
        }
        if let Some(d) = self.reported_date() {
            st.serialize_field("reported_date", &Text(d))?;
        }
        st.end()
    }
}
