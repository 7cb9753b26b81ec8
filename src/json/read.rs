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
    actors: Vec<RawActor>,
    #[serde(borrow)]
    participants: Vec<RawParticipant<'a>>,
    #[serde(default)]
    #[serde(borrow)]
    agenda: Vec<RawItem<'a>>,
    #[serde(default)]
    sources: Vec<RawSource>,
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
    zones: Vec<String>,
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
    posts: Vec<RawPost<'a>>,
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
    topics: Vec<RawTopic<'a>>,
    #[serde(default)]
    #[serde(borrow)]
    statements: Vec<RawStatement<'a>>,
    #[serde(default)]
    #[serde(borrow)]
    outcomes: Vec<RawOutcome<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTopic<'a> {
    #[serde(borrow)]
    category: Word<'a>,
    label: String,
    #[serde(default)]
    keywords: Vec<String>,
    #[serde(default)]
    aliases: Vec<String>,
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
    parties: Vec<String>,
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    url: String,
    #[serde(default)]
    publisher: Option<String>,
}

/// Only the format field, to tell a document of another version from a
/// malformed one.
#[derive(Deserialize)]
struct FormatProbe {
    format: String,
}

/// Where a document comes from: bytes (checked for UTF-8 as they are read)
/// or a `str` (already UTF-8, so serde_json skips that check).
#[derive(Clone, Copy)]
pub(crate) enum Input<'a> {
    Bytes(&'a [u8]),
    Text(&'a str),
}

impl<'i> Input<'i> {
    fn len(self) -> usize {
        match self {
            Input::Bytes(b) => b.len(),
            Input::Text(t) => t.len(),
        }
    }

    fn bytes(self) -> &'i [u8] {
        match self {
            Input::Bytes(b) => b,
            Input::Text(t) => t.as_bytes(),
        }
    }

    fn parse<T: Deserialize<'i>>(self) -> Result<T, serde_json::Error> {
        match self {
            Input::Bytes(b) => serde_json::from_slice(b),
            Input::Text(t) => serde_json::from_str(t),
        }
    }
}

/// Parses a whole document and converts it, reporting every violation.
pub(crate) fn read_meeting(
    input: Input<'_>,
    limits: &Limits,
    offsets: OffsetPolicy,
) -> Result<Meeting, Error> {
    if input.len() > limits.max_document_bytes() {
        return Err(Error::new(Detail::TooMany {
            what: "bytes in the document",
            count: input.len(),
            limit: limits.max_document_bytes(),
            limit_name: "max_document_bytes",
        }));
    }
    match input.parse::<RawMeeting>() {
        Ok(raw) => raw.into_meeting(limits, offsets),
        Err(e) => {
            if let Ok(probe) = input.parse::<FormatProbe>() {
                if probe.format != FORMAT {
                    return Err(unsupported(&probe.format));
                }
            }
            let error = Error::new(Detail::Syntax(e.to_string()));
            let path = syntax_path(input.bytes(), e.line(), e.column());
            Err(if path.is_empty() {
                error
            } else {
                error.within(&path)
            })
        }
    }
}

/// Most path segments a syntax error's path shows (a deeply nested document
/// would otherwise give a path hundreds of segments long).
const MAX_SYNTAX_DEPTH: usize = 16;

/// One open container while [`syntax_path`] scans a document.
enum Frame {
    /// An object, with the last key read, and whether its value has started
    /// (a `:` was seen since).
    Object { key: Option<String>, value: bool },
    /// An array, with the index of the current element, and whether it has
    /// started.
    Array { index: usize, started: bool },
}

/// Where in the document a syntax error is, as a path like the model's
/// (`agenda[0].number`): the containers open at the error's position, each
/// with its current key or index; empty when the error is at the top level
/// (not JSON at all, trailing characters, a missing field of the meeting).
///
/// serde_json reports a line and a column (bytes since the line's start);
/// the document is scanned up to there, tracking only strings and brackets,
/// which is all a path needs: the text before the error is well-formed.
fn syntax_path(bytes: &[u8], line: usize, column: usize) -> String {
    let mut start_of_line = 0;
    if line > 1 {
        let mut seen = 1;
        for (i, b) in bytes.iter().enumerate() {
            if *b == b'\n' {
                seen += 1;
                if seen == line {
                    start_of_line = i.saturating_add(1);
                    break;
                }
            }
        }
    }
    let end = start_of_line.saturating_add(column).min(bytes.len());
    let text = bytes.get(..end).unwrap_or(bytes);

    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while let Some(&b) = text.get(i) {
        match b {
            b'"' => {
                // A string: find its end (or the end of the text), skipping
                // escapes.
                let mut j = i.saturating_add(1);
                while let Some(&c) = text.get(j) {
                    match c {
                        b'\\' => j = j.saturating_add(2),
                        b'"' => break,
                        _ => j = j.saturating_add(1),
                    }
                }
                let raw = text
                    .get(i.saturating_add(1)..j.min(text.len()))
                    .unwrap_or_default();
                match stack.last_mut() {
                    Some(Frame::Object { key, value: false }) => {
                        let quoted = [b"\"", raw, b"\""].concat();
                        *key = Some(
                            serde_json::from_slice::<String>(&quoted)
                                .unwrap_or_else(|_| String::from_utf8_lossy(raw).into_owned()),
                        );
                    }
                    Some(Frame::Array { started, .. }) => *started = true,
                    _ => {}
                }
                i = j;
            }
            b'{' | b'[' => {
                if let Some(Frame::Array { started, .. }) = stack.last_mut() {
                    *started = true;
                }
                stack.push(if b == b'{' {
                    Frame::Object {
                        key: None,
                        value: false,
                    }
                } else {
                    Frame::Array {
                        index: 0,
                        started: false,
                    }
                });
            }
            b'}' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Frame::Object { value, .. }) = stack.last_mut() {
                    *value = true;
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, value }) => {
                    *key = None;
                    *value = false;
                }
                Some(Frame::Array { index, started }) => {
                    *index = index.saturating_add(1);
                    *started = false;
                }
                None => {}
            },
            b' ' | b'\t' | b'\n' | b'\r' => {}
            _ => {
                if let Some(Frame::Array { started, .. }) = stack.last_mut() {
                    *started = true;
                }
            }
        }
        i = i.saturating_add(1);
    }

    let mut path = String::new();
    for (depth, frame) in stack.iter().enumerate() {
        if depth == MAX_SYNTAX_DEPTH {
            path.push_str("...");
            break;
        }
        match frame {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&echo(k));
            }
            Frame::Array {
                index,
                started: true,
            } => path.push_str(&format!("[{index}]")),
            // An object before its first key, an array before its first
            // element: the path ends at the container.
            _ => break,
        }
    }
    path
}

fn unsupported(found: &str) -> Error {
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
        let mut out = Collector::new();
        let mut b = Meeting::builder(self.title).limits(*limits).reserve(
            self.participants.len().min(limits.max_participants()),
            self.agenda.len().min(limits.max_agenda_items()),
        );
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
        let mut actors: Vec<Country> = Vec::with_capacity(self.actors.len());
        limits.check_list(&mut out, "actors", "actors", self.actors.len());
        for (i, a) in self.actors.into_iter().enumerate() {
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
        // A bare date, or an RFC 9557 time.
        let start = if self.start.len() == 10 && !self.start.contains('T') {
            out.take("start", date(&self.start, "a start without a time"))
                .map(Start::On)
        } else {
            out.take("start", ZonedDateTime::parse(&self.start, offsets))
                .map(Start::At)
        };
        b = match start {
            Some(Start::At(z)) => b.start(z),
            Some(Start::On(d)) => b.starts_on(d),
            None => b.start_unreadable(),
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

        let n = self.participants.len();
        if n > limits.max_participants() {
            // Reported below; do not read them all.
            b = b.unread_participant(None);
        } else {
            for (i, p) in self.participants.into_iter().enumerate() {
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

        let items = self.agenda.len();
        if items > limits.max_agenda_items() {
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
            for (i, item) in self.agenda.into_iter().enumerate() {
                if let Some(item) = out.take_at(|| format!("agenda[{i}]"), item.into_item(limits)) {
                    b.push_agenda_item_at(i, item);
                }
            }
        }
        if self.sources.len() > limits.max_list_len() {
            limits.check_list(&mut out, "sources", "sources", self.sources.len());
        } else {
            for (i, s) in self.sources.into_iter().enumerate() {
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
        let meeting = b.build_into(&mut out);
        match (meeting, out.finish()) {
            (Some(m), Ok(())) => Ok(m),
            (_, Err(e)) => Err(e),
            (None, Ok(())) => Err(Error::new(Detail::Inconsistent(
                "the meeting could not be built".into(),
            ))),
        }
    }
}

impl RawActor {
    fn into_country(self, limits: &Limits) -> Result<Country, Error> {
        let mut out = Collector::new();
        let capital = out.take("capital_zone", parse_zone(&self.capital_zone));
        let mut zones = Vec::with_capacity(self.zones.len());
        limits.check_list(&mut out, "zones", "zones", self.zones.len());
        for (i, z) in self.zones.iter().take(limits.max_list_len()).enumerate() {
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
        let mut posts = Vec::with_capacity(self.posts.len());
        let posts_given = self.posts.len();
        if self.posts.len() <= limits.max_list_len() {
            for (i, p) in self.posts.into_iter().enumerate() {
                if let Some(p) = out.take_at(|| format!("posts[{i}]"), p.into_post(limits)) {
                    posts.push(p);
                }
            }
        } else {
            limits.check_list(&mut out, "posts", "posts", self.posts.len());
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
        let category = TopicCategory::parse(&self.category).map_err(|e| e.within("category"))?;
        Topic::builder(category, self.label)
            .limits(*limits)
            .lists(self.keywords, self.aliases)
            .build()
    }
}

impl RawItem<'_> {
    pub(crate) fn into_item(self, limits: &Limits) -> Result<AgendaItem, Error> {
        let mut out = Collector::new();
        let mut b = AgendaItem::builder(self.number).limits(*limits).reserve(
            self.topics.len(),
            self.statements.len(),
            self.outcomes.len(),
        );
        if let Some(t) = self.title {
            b = b.title(t);
        }
        let max = limits.max_entries();
        if self.topics.len() > max || self.statements.len() > max || self.outcomes.len() > max {
            // Let the builder report the counts without reading every entry.
            for (field, n) in [
                ("topics", self.topics.len()),
                ("statements", self.statements.len()),
                ("outcomes", self.outcomes.len()),
            ] {
                limits.check_count(&mut out, field, field, n, max, "max_entries");
            }
            out.check()?;
        }
        for (i, t) in self.topics.into_iter().enumerate() {
            if let Some(t) = out.take_at(|| format!("topics[{i}]"), t.into_topic(limits)) {
                b.push_topic(t);
            }
        }
        for (i, s) in self.statements.into_iter().enumerate() {
            let verb = out.take_at(
                || format!("statements[{i}].verb"),
                OneSidedVerb::parse(&s.verb),
            );
            b.push_statement(s.speaker, verb.unwrap_or(OneSidedVerb::Stated), s.text);
        }
        for (i, o) in self.outcomes.into_iter().enumerate() {
            let verb = out.take_at(|| format!("outcomes[{i}].verb"), MutualVerb::parse(&o.verb));
            b.push_outcome(verb.unwrap_or(MutualVerb::Concurred), o.parties, o.text);
        }
        out.finish_with(b.build())
    }
}

#[cfg(test)]
mod tests {
    use super::syntax_path;

    /// The path at the end of `text` (line 1, column = its length).
    fn at_end(text: &str) -> String {
        syntax_path(text.as_bytes(), 1, text.len())
    }

    #[test]
    fn syntax_paths_follow_keys_and_indexes() {
        assert_eq!(at_end(""), "");
        assert_eq!(at_end(r#"{"a": 1}"#), "");
        assert_eq!(at_end(r#"{"a": "#), "a");
        assert_eq!(at_end(r#"{"a": [1, 2, {"b": "x"#), "a[2].b");
        assert_eq!(at_end(r#"{"a": [1, 2], "c""#), "c");
        // Escapes in keys and strings do not end them early.
        assert_eq!(at_end(r#"{"k\"ey": ["]\",{", x"#), "k\"ey[1]");
        assert_eq!(at_end(r#"{"k\"ey": ["]\",{", "#), "k\"ey");
        // An array before its first element ends the path.
        assert_eq!(at_end(r#"{"a": {"b": ["#), "a.b");
        // Deep nesting is cut.
        let deep = format!(r#"{{"a": {}"#, "[".repeat(100));
        assert!(at_end(&deep).ends_with("..."), "{}", at_end(&deep));
        assert!(at_end(&deep).len() < 80);
    }

    #[test]
    fn lines_and_columns_place_the_error() {
        let text = "{\n \"a\": 1,\n \"b\": [true,\n  nope]}";
        // Line 4, column 2: just before `nope`, in b[1].
        assert_eq!(syntax_path(text.as_bytes(), 4, 3), "b[1]");
        assert_eq!(syntax_path(text.as_bytes(), 2, 5), "a");
        // Past the end: clamped.
        assert_eq!(syntax_path(text.as_bytes(), 9, 99), "");
    }
}
