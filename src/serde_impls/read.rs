//! Reading the JSON document: a private mirror of plain strings and lists,
//! then the same builders and checks as the Rust API, collecting every
//! violation with its path.

use std::borrow::Cow;

use serde::Deserialize;

use crate::agenda::{AgendaItem, MutualVerb, OneSidedVerb};
use crate::country::Country;
use crate::error::{Collector, Detail, Error, echo};
use crate::limits::Limits;
use crate::meeting::{Meeting, MeetingForm, MeetingStatus, Mode, Source, Start, Venue};
use crate::minister::{Minister, Portfolio, Post, Term};
use crate::name::{NameOrder, PersonName};
use crate::time::{OffsetPolicy, ZonedDateTime, parse_duration, parse_zone};
use crate::topic::{Topic, TopicCategory};

use super::FORMAT;
use super::capped::{AgendaLen, Capped, EntriesLen, ListLen, ParticipantsLen};

/// A short string the reader only looks at (a code, a zone name, a verb):
/// borrowed from the input when it has no escapes, so that reading it costs
/// no allocation.
pub(crate) struct Word<'a>(Cow<'a, str>);

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

#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "a meeting document (a JSON object)")]
pub(crate) struct RawMeeting<'a> {
    #[serde(borrow)]
    format: Word<'a>,
    title: String,
    #[serde(default)]
    #[serde(borrow)]
    mode: Option<Word<'a>>,
    #[serde(default)]
    #[serde(borrow)]
    form: Option<Word<'a>>,
    #[serde(default)]
    #[serde(borrow)]
    status: Option<Word<'a>>,
    #[serde(default)]
    #[serde(borrow)]
    venue: Option<RawVenue<'a>>,
    #[serde(default)]
    #[serde(borrow)]
    zone: Option<Word<'a>>,
    #[serde(default)]
    occasion: Option<String>,
    #[serde(borrow)]
    start: Word<'a>,
    #[serde(default)]
    #[serde(borrow)]
    duration: Option<Word<'a>>,
    #[serde(default)]
    duration_approximate: bool,
    #[serde(default)]
    actors: Capped<RawActor, ListLen>,
    #[serde(borrow)]
    participants: Capped<RawParticipant<'a>, ParticipantsLen>,
    #[serde(default)]
    #[serde(borrow)]
    agenda: Capped<RawItem<'a>, AgendaLen>,
    #[serde(default)]
    sources: Capped<RawSource, ListLen>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVenue<'a> {
    place: String,
    #[serde(borrow)]
    country: Word<'a>,
    #[serde(borrow)]
    zone: Word<'a>,
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
    zones: Capped<String, ListLen>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawParticipant<'a> {
    id: String,
    #[serde(borrow)]
    name: RawName<'a>,
    #[serde(default)]
    honorific: Option<String>,
    #[serde(borrow)]
    country: Word<'a>,
    #[serde(borrow)]
    posts: Capped<RawPost<'a>, ListLen>,
    #[serde(default)]
    #[serde(borrow)]
    home_zone: Option<Word<'a>>,
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
    #[serde(default)]
    #[serde(borrow)]
    order: Option<Word<'a>>,
    #[serde(default)]
    uppercase_surname: bool,
    #[serde(default)]
    native: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPost<'a> {
    #[serde(borrow)]
    portfolio: Word<'a>,
    #[serde(default)]
    portfolio_name: Option<String>,
    title: String,
    #[serde(default)]
    #[serde(borrow)]
    term: Option<RawTerm<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm<'a> {
    #[serde(default)]
    #[serde(borrow)]
    start: Option<Word<'a>>,
    #[serde(default)]
    #[serde(borrow)]
    end: Option<Word<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawItem<'a> {
    number: u32,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    #[serde(borrow)]
    topics: Capped<RawTopic<'a>, EntriesLen>,
    #[serde(default)]
    #[serde(borrow)]
    statements: Capped<RawStatement<'a>, EntriesLen>,
    #[serde(default)]
    #[serde(borrow)]
    outcomes: Capped<RawOutcome<'a>, EntriesLen>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTopic<'a> {
    #[serde(borrow)]
    category: Word<'a>,
    label: String,
    #[serde(default)]
    keywords: Capped<String, ListLen>,
    #[serde(default)]
    aliases: Capped<String, ListLen>,
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
    parties: Capped<String, ListLen>,
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    url: String,
    #[serde(default)]
    publisher: Option<String>,
}

pub(crate) fn unsupported(found: &str) -> Error {
    Error::new(Detail::UnsupportedFormat {
        found: echo(found),
        expected: FORMAT,
    })
    .within("format")
}

/// Resolves a country code: a custom actor declared in the document, else a
/// built-in.
fn country(code: &str, actors: &[Country]) -> Result<Country, Error> {
    if let Some(a) = actors
        .iter()
        .find(|a| a.alpha2().eq_ignore_ascii_case(code))
    {
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

impl RawMeeting<'_> {
    pub(crate) fn into_meeting(
        self,
        limits: &Limits,
        offsets: OffsetPolicy,
    ) -> Result<Meeting, Error> {
        if &*self.format != FORMAT {
            return Err(unsupported(&self.format));
        }
        let mut out = Collector::for_limits(limits);
        let mut b = Meeting::builder(self.title)
            .limits(*limits)
            .reserve(self.participants.items.len(), self.agenda.items.len());
        if let Some(m) = self.mode.as_deref() {
            b = b.mode(out.take("mode", Mode::parse(m)).unwrap_or(Mode::InPerson));
        }
        if let Some(f) = self.form.as_deref() {
            if let Some(f) = out.take("form", MeetingForm::parse(f)) {
                b = b.form(f);
            }
        }
        if let Some(s) = self.status.as_deref() {
            if let Some(s) = out.take("status", MeetingStatus::parse(s)) {
                b = b.status(s);
            }
        }
        let mode_failed = !out.is_empty();

        // Custom actors first: participants and the venue may refer to them.
        // At most `max_list_len` of them were kept: a list over the limit
        // stops there.
        let mut actors: Vec<Country> = Vec::with_capacity(self.actors.items.len());
        limits.check_list(&mut out, "actors", "actors", self.actors.total);
        for (i, a) in self.actors.items.into_iter().enumerate() {
            let path = format!("actors[{i}]");
            if let Some(c) = out.take(&path, a.into_country(limits)) {
                if actors.iter().any(|x| x.alpha2() == c.alpha2()) {
                    out.push(
                        &format!("{path}.code"),
                        Detail::Duplicate {
                            what: "actor code",
                            value: c.alpha2().to_owned(),
                        },
                    );
                } else {
                    actors.push(c);
                }
            }
        }

        let mut zone = None;
        if let Some(v) = self.venue {
            let c = out.take("venue.country", country(&v.country, &actors));
            let z = out.take("venue.zone", parse_zone(&v.zone));
            if let (Some(c), Some(z)) = (c, z) {
                if let Some(v) = out.take("venue", Venue::checked(v.place, c, z, limits)) {
                    zone = Some(v.zone());
                    b = b.venue(v);
                }
            }
        }
        if let Some(z) = self.zone.as_deref() {
            if let Some(z) = out.take("zone", parse_zone(z)) {
                zone = zone.or(Some(z));
                b = b.zone(z);
            }
        }
        if let Some(o) = self.occasion {
            b = b.occasion(o);
        }
        // A bare date, or an RFC 9557 time; an error goes to the builder,
        // which reports it in its place.
        let start = if self.start.len() == 10 && !self.start.contains('T') {
            date(&self.start, "a start without a time").map(Start::On)
        } else {
            ZonedDateTime::parse(&self.start, offsets).map(Start::At)
        };
        b = match start {
            Ok(Start::At(z)) => b.start(z),
            Ok(Start::On(d)) => b.starts_on(d),
            Err(e) => b.start_unreadable(e),
        };
        if let Some(d) = self.duration.as_deref() {
            if let Some(d) = out.take("duration", parse_duration(d)) {
                b = b.duration(d);
                b = b.approximate(self.duration_approximate);
            }
        } else {
            // Without a duration, the builder says the flag needs one.
            b = b.approximate(self.duration_approximate);
        }

        let n = self.participants.total;
        if self.participants.is_cut() {
            // Reported below; do not read them all.
            b = b.unread_participant(None);
        } else {
            for (i, p) in self.participants.items.into_iter().enumerate() {
                let id = p.id.clone();
                match p.into_minister(limits, &actors) {
                    Ok(m) => b = b.participant_at(i, m),
                    Err(e) => {
                        b = b.unread_participant(Some(id));
                        out.absorb(&format!("participants[{i}]"), e);
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

        let items = self.agenda.total;
        if self.agenda.is_cut() {
            out.push(
                "agenda",
                Detail::TooMany {
                    what: "agenda items",
                    count: items,
                    limit: limits.max_agenda_items(),
                    limit_name: "max_agenda_items",
                },
            );
        } else {
            for (i, item) in self.agenda.items.into_iter().enumerate() {
                if let Some(item) = out.take_at(|| format!("agenda[{i}]"), item.into_item(limits)) {
                    b.push_agenda_item_at(i, item);
                }
            }
        }
        if self.sources.is_cut() {
            limits.check_list(&mut out, "sources", "sources", self.sources.total);
        } else {
            for (i, s) in self.sources.items.into_iter().enumerate() {
                let path = || format!("sources[{i}]");
                if let Some(s) = out.take_at(path, Source::checked(s.url, s.publisher, limits)) {
                    b = b.source(s);
                }
            }
        }
        // A venue, zone or mode that failed to read would make the builder
        // report a missing venue or zone on top: say it once.
        if zone.is_none() || mode_failed {
            out.check()?;
        }
        b.build_collecting(out)
    }
}

impl RawActor {
    fn into_country(self, limits: &Limits) -> Result<Country, Error> {
        let mut out = Collector::new();
        let capital = out.take("capital_zone", parse_zone(&self.capital_zone));
        let mut zones = Vec::with_capacity(self.zones.items.len());
        limits.check_list(&mut out, "zones", "zones", self.zones.total);
        for (i, z) in self.zones.items.iter().enumerate() {
            if let Some(z) = out.take(&format!("zones[{i}]"), parse_zone(z)) {
                zones.push(z);
            }
        }
        out.finish()?;
        let Some(capital) = capital else {
            return Err(Error::new(Detail::UnknownZone(echo(&self.capital_zone))));
        };
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

impl RawParticipant<'_> {
    pub(crate) fn into_minister(
        self,
        limits: &Limits,
        actors: &[Country],
    ) -> Result<Minister, Error> {
        let mut out = Collector::new();
        let name = out.take("name", self.name.into_name(limits));
        let country = out.take("country", country(&self.country, actors));
        let home = match self.home_zone.as_deref() {
            Some(z) => out.take("home_zone", parse_zone(z)),
            None => None,
        };
        let mut posts = Vec::with_capacity(self.posts.items.len());
        let posts_given = self.posts.total;
        if self.posts.is_cut() {
            limits.check_list(&mut out, "posts", "posts", self.posts.total);
        } else {
            for (i, p) in self.posts.items.into_iter().enumerate() {
                if let Some(p) = out.take_at(|| format!("posts[{i}]"), p.into_post(limits)) {
                    posts.push(p);
                }
            }
        }
        let (Some(name), Some(country)) = (name, country) else {
            return Err(out.finish().err().unwrap_or_else(|| {
                Error::new(Detail::Inconsistent("participant not read".into()))
            }));
        };
        let mut b = Minister::builder(name, country).id(self.id).limits(*limits);
        if let Some(h) = self.honorific {
            b = b.honorific(h);
        }
        if let Some(z) = home {
            b = b.home_zone(z);
        }
        b = b.posts_unread(posts.len() < posts_given);
        for p in posts {
            b = b.post(p);
        }
        out.finish_with(b.build())
    }
}

/// The error for a value that failed to build although no violation was
/// recorded: not expected to happen, but never a panic.
fn unbuilt() -> Error {
    Error::new(Detail::Inconsistent("value not read".into()))
}

impl RawPost<'_> {
    fn into_post(self, limits: &Limits) -> Result<Post, Error> {
        let mut out = Collector::new();
        let portfolio = out.take("", Portfolio::parse(&self.portfolio, self.portfolio_name));
        let term = match self.term {
            None => None,
            Some(t) => {
                let start = t
                    .start
                    .as_deref()
                    .and_then(|s| out.take("term.start", date(s, "a term's start")));
                let end = t
                    .end
                    .as_deref()
                    .and_then(|s| out.take("term.end", date(s, "a term's end")));
                let dates_ok =
                    t.start.is_none() == start.is_none() && t.end.is_none() == end.is_none();
                if dates_ok {
                    out.take("term", Term::new(start, end))
                } else {
                    None
                }
            }
        };
        let Some(portfolio) = portfolio else {
            // Still check the title, so every violation is reported.
            let mut title = Collector::new();
            limits.check_text(
                &mut title,
                "title",
                "post title",
                crate::limits::TextClass::Name,
                &self.title,
            );
            if let Err(e) = title.finish() {
                out.absorb("", e);
            }
            return Err(out.finish().err().unwrap_or_else(unbuilt));
        };
        let post = out.take("", Post::checked(portfolio, self.title, limits));
        out.finish()?;
        match (post, term) {
            (Some(p), Some(t)) => Ok(p.with_term(t)),
            (Some(p), None) => Ok(p),
            (None, _) => Err(unbuilt()),
        }
    }
}

impl RawTopic<'_> {
    pub(crate) fn into_topic(self, limits: &Limits) -> Result<Topic, Error> {
        let mut out = Collector::for_limits(limits);
        let category = out.take("category", TopicCategory::parse(&self.category));
        limits.check_list(&mut out, "keywords", "keywords", self.keywords.total);
        limits.check_list(&mut out, "aliases", "aliases", self.aliases.total);
        let built = Topic::builder(category.unwrap_or(TopicCategory::Other), self.label)
            .limits(*limits)
            .lists(self.keywords.items, self.aliases.items)
            .build();
        out.finish_with(built)
    }
}

impl RawItem<'_> {
    pub(crate) fn into_item(self, limits: &Limits) -> Result<AgendaItem, Error> {
        let mut out = Collector::new();
        let mut b = AgendaItem::builder(self.number).limits(*limits).reserve(
            self.topics.items.len(),
            self.statements.items.len(),
            self.outcomes.items.len(),
        );
        if let Some(t) = self.title {
            b = b.title(t);
        }
        let max = limits.max_entries();
        if self.topics.is_cut() || self.statements.is_cut() || self.outcomes.is_cut() {
            // Report the counts without reading every entry.
            for (field, n) in [
                ("topics", self.topics.total),
                ("statements", self.statements.total),
                ("outcomes", self.outcomes.total),
            ] {
                limits.check_count(&mut out, field, field, n, max, "max_entries");
            }
            out.check()?;
        }
        for (i, t) in self.topics.items.into_iter().enumerate() {
            if let Some(t) = out.take_at(|| format!("topics[{i}]"), t.into_topic(limits)) {
                b.push_topic(t);
            }
        }
        for (i, s) in self.statements.items.into_iter().enumerate() {
            let verb = out.take_at(
                || format!("statements[{i}].verb"),
                OneSidedVerb::parse(&s.verb),
            );
            b.push_statement(s.speaker, verb.unwrap_or(OneSidedVerb::Stated), s.text);
        }
        for (i, o) in self.outcomes.items.into_iter().enumerate() {
            let verb = out.take_at(|| format!("outcomes[{i}].verb"), MutualVerb::parse(&o.verb));
            if o.parties.is_cut() {
                limits.check_list(
                    &mut out,
                    &format!("outcomes[{i}].parties"),
                    "parties",
                    o.parties.total,
                );
            }
            b.push_outcome(
                verb.unwrap_or(MutualVerb::Concurred),
                o.parties.items,
                o.text,
            );
        }
        out.finish_with(b.build())
    }
}
