//! Writing the JSON document: `Serialize` straight from the public types,
//! with no intermediate copies.

use serde::ser::{Serialize, SerializeSeq, SerializeStruct, Serializer};

use crate::agenda::{AgendaItem, Outcome, Statement};
use crate::country::Country;
use crate::meeting::{Meeting, Source, Start, Venue};
use crate::minister::{Minister, Post, Term};
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
        let mut st = s.serialize_struct("Meeting", 16)?;
        st.serialize_field("format", FORMAT)?;
        st.serialize_field("title", self.title())?;
        st.serialize_field("mode", self.mode().as_str())?;
        st.serialize_field("form", self.form().as_str())?;
        st.serialize_field("status", self.status().as_str())?;
        match self.venue() {
            Some(v) => st.serialize_field("venue", v)?,
            None => st.serialize_field("zone", &Zone(self.zone()))?,
        }
        if let Some(o) = self.occasion() {
            st.serialize_field("occasion", o)?;
        }
        st.serialize_field("start", self.when())?;
        if let Some(d) = self.duration() {
            st.serialize_field("duration", &Text(format_duration(d)))?;
            if self.duration_is_approximate() {
                st.serialize_field("duration_approximate", &true)?;
            }
        }
        let actors = Actors(self);
        if actors.any() {
            st.serialize_field("actors", &actors)?;
        }
        st.serialize_field("participants", self.participants())?;
        st.serialize_field("agenda", self.agenda())?;
        st.serialize_field("sources", self.sources())?;
        st.end()
    }
}

/// The custom (not built-in) countries a meeting uses, each once.
struct Actors<'a>(&'a Meeting);

impl Actors<'_> {
    fn all(&self) -> Vec<&Country> {
        let m = self.0;
        let mut seen: Vec<&Country> = Vec::new();
        let venue = m.venue().map(Venue::country);
        for c in venue
            .into_iter()
            .chain(m.participants().iter().map(Minister::country))
        {
            if !c.is_builtin() && !seen.contains(&c) {
                seen.push(c);
            }
        }
        seen
    }

    fn any(&self) -> bool {
        let m = self.0;
        m.venue().is_some_and(|v| !v.country().is_builtin())
            || m.participants().iter().any(|p| !p.country().is_builtin())
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
struct Actor<'a>(&'a Country);

impl Serialize for Actor<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        let mut st = s.serialize_struct("Actor", 6)?;
        st.serialize_field("code", c.alpha2())?;
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

impl Serialize for Venue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Venue", 3)?;
        st.serialize_field("place", self.place())?;
        st.serialize_field("country", self.country().alpha2())?;
        st.serialize_field("zone", &Zone(self.zone()))?;
        st.end()
    }
}

impl Serialize for Start {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Serialize for Minister {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Minister", 6)?;
        st.serialize_field("id", self.id())?;
        st.serialize_field("name", self.name())?;
        if let Some(h) = self.honorific() {
            st.serialize_field("honorific", h)?;
        }
        st.serialize_field("country", self.country().alpha2())?;
        st.serialize_field("posts", self.posts())?;
        st.serialize_field("home_zone", &Zone(self.home_zone()))?;
        st.end()
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
        let mut st = s.serialize_struct("Post", 4)?;
        st.serialize_field("portfolio", self.portfolio().as_str())?;
        if let crate::minister::Portfolio::Other(text) = self.portfolio() {
            st.serialize_field("portfolio_name", text)?;
        }
        st.serialize_field("title", self.title())?;
        if let Some(t) = self.term() {
            st.serialize_field("term", &t)?;
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
        let mut st = s.serialize_struct("AgendaItem", 5)?;
        st.serialize_field("number", &self.number())?;
        if let Some(t) = self.title() {
            st.serialize_field("title", t)?;
        }
        st.serialize_field("topics", self.topics())?;
        st.serialize_field("statements", self.statements())?;
        st.serialize_field("outcomes", self.outcomes())?;
        st.end()
    }
}

impl Serialize for Topic {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Topic", 4)?;
        st.serialize_field("category", self.category().as_str())?;
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

impl Serialize for Statement {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Statement", 3)?;
        st.serialize_field("speaker", self.speaker())?;
        st.serialize_field("verb", self.verb().as_str())?;
        st.serialize_field("text", self.text())?;
        st.end()
    }
}

impl Serialize for Outcome {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Outcome", 3)?;
        st.serialize_field("verb", self.verb().as_str())?;
        st.serialize_field("parties", self.parties())?;
        st.serialize_field("text", self.text())?;
        st.end()
    }
}

impl Serialize for Source {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Source", 2)?;
        st.serialize_field("url", self.url())?;
        if let Some(p) = self.publisher() {
            st.serialize_field("publisher", p)?;
        }
        st.end()
    }
}
