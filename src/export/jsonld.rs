//! schema.org JSON-LD: a meeting as an `Event`. Documented on
//! [`to_json_ld`].

use chrono::{DateTime, Offset, SecondsFormat, TimeZone, Utc};
use std::collections::HashSet;

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value, json};

use crate::error::{Detail, Error};
use crate::meeting::{Meeting, MeetingStatus, Mode, Participant, Start, Who};
use crate::minister::Minister;
use crate::time::format_duration;
use crate::topic::Topic;

/// The schema.org IRI of an enumeration member, as schema.org's own
/// examples write them.
fn schema_iri(member: &str) -> Value {
    Value::String(format!("https://schema.org/{member}"))
}

/// An RFC 3339 time with the offset in force, or in UTC (`Z`) when that
/// offset has seconds (local mean time, `+09:18:59`), which RFC 3339 and
/// ISO 8601 offsets cannot carry: rounding the offset would move the time.
fn rfc3339<Tz: TimeZone>(t: &DateTime<Tz>) -> String {
    if t.offset().fix().local_minus_utc() % 60 == 0 {
        t.to_rfc3339_opts(SecondsFormat::AutoSi, false)
    } else {
        t.with_timezone(&Utc)
            .to_rfc3339_opts(SecondsFormat::AutoSi, true)
    }
}

fn place(meeting: &Meeting) -> Option<Value> {
    meeting.venue().map(|v| {
        json!({
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressCountry": v.country().alpha2(),
            },
            "name": v.place(),
        })
    })
}

fn virtual_location(name: &str) -> Value {
    json!({ "@type": "VirtualLocation", "name": name })
}

/// A participant: a `Person` (with a name, or named by the post), or an
/// `Organization` for a group.
fn attendee(p: &Participant) -> Value {
    match p.who() {
        Who::Person(m) => person(m),
        Who::Group(g) => json!({
            "@type": "Organization",
            "name": g.name(),
            "member": g.members().iter().map(|c| json!({
                "@type": "Country",
                "identifier": c.alpha3().unwrap_or(c.code()),
                "name": c.name(),
            })).collect::<Vec<_>>(),
        }),
    }
}

fn person(m: &Minister) -> Value {
    let country = m.country();
    let mut p = Map::new();
    p.insert("@type".into(), "Person".into());
    if let Some(name) = m.name() {
        if let Some(native) = name.native() {
            p.insert("alternateName".into(), native.into());
        }
        if let Some(family) = name.family_name() {
            p.insert("familyName".into(), family.into());
        }
        if let Some(given) = name.given() {
            p.insert("givenName".into(), given.into());
        }
    }
    if let Some(h) = m.honorific() {
        p.insert("honorificPrefix".into(), h.into());
    }
    if !m.posts().is_empty() {
        p.insert("jobTitle".into(), m.titles().into());
    }
    let name = match m.name() {
        Some(n) => n.to_string(),
        None => m.to_string(),
    };
    p.insert("name".into(), name.into());
    p.insert(
        "nationality".into(),
        json!({
            "@type": "Country",
            "identifier": country.alpha3().unwrap_or(country.code()),
            "name": country.name(),
        }),
    );
    Value::Object(p)
}

/// A topic in a hash set: hashed by its label alone (equal topics have
/// equal labels), compared whole.
#[derive(PartialEq, Eq)]
struct ByLabel<'a>(&'a Topic);

impl std::hash::Hash for ByLabel<'_> {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.0.label().hash(h);
    }
}

/// A topic as a `DefinedTerm`, written straight to the output (a meeting
/// may have 100,000 of them: no `Value` tree for them).
struct Term<'a>(&'a Topic);

impl Serialize for Term<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let t = self.0;
        let aliases = t.aliases();
        let mut m = s.serialize_map(Some(if aliases.is_empty() { 3 } else { 4 }))?;
        // Keys in alphabetical order, as the rest of the document.
        m.serialize_entry("@type", "DefinedTerm")?;
        if !aliases.is_empty() {
            m.serialize_entry("alternateName", &Texts(aliases))?;
        }
        m.serialize_entry("name", t.label())?;
        m.serialize_entry("termCode", t.category().as_str())?;
        m.end()
    }
}

struct Texts<'a>(&'a crate::TextList);

impl Serialize for Texts<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter())
    }
}

/// The event: its small fields as a map, and the topics, which go under
/// `about`, written as they come.
struct EventOut<'a> {
    fields: Map<String, Value>,
    topics: Vec<&'a Topic>,
}

impl Serialize for EventOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let about = usize::from(!self.topics.is_empty());
        let mut m = s.serialize_map(Some(self.fields.len() + about))?;
        // `@context` and `@type` first, then `about`, then the others: the
        // alphabetical order in which the fields were inserted.
        let (at, rest): (Vec<_>, Vec<_>) =
            self.fields.iter().partition(|(k, _)| k.starts_with('@'));
        for (k, v) in at {
            m.serialize_entry(k, v)?;
        }
        if about == 1 {
            m.serialize_entry("about", &Terms(&self.topics))?;
        }
        for (k, v) in rest {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

struct Terms<'a>(&'a [&'a Topic]);

impl Serialize for Terms<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|t| Term(t)))
    }
}

/// The meeting as a schema.org [`Event`](https://schema.org/Event) in
/// JSON-LD, pretty-printed.
///
/// | Property | From |
/// |---|---|
/// | `name` | the title |
/// | `startDate` | the start in the venue's civil time with its offset (`2023-11-13T16:00:00-08:00`); in UTC when the offset has seconds (Tokyo's local mean time, `+09:18:59`, makes midnight on 1887-07-01 `1887-06-30T14:41:01Z`), which an RFC 3339 offset cannot hold; the date alone (`2023-08-15`) when only the date is known |
/// | `endDate` | the end, likewise, when the time and the duration are known |
/// | `duration` | the duration in ISO 8601 (`PT30M`); approximate when the readout says "approximately", which schema.org cannot say |
/// | `location` | a `Place` with `name` and an `address` (`PostalAddress` with `addressCountry`, ISO alpha-2); for a telephone or video meeting a `VirtualLocation` named `telephone` or `video conference`; for a hybrid one both, the second named `remote participation` |
/// | `eventAttendanceMode` | `OfflineEventAttendanceMode` (in person), `OnlineEventAttendanceMode` (telephone, video), `MixedEventAttendanceMode` (hybrid) |
/// | `eventStatus` | `EventScheduled` for a scheduled **or held** meeting (schema.org has no "completed" status: a held event is one that was scheduled and not cancelled or moved), `EventPostponed`, `EventCancelled` |
/// | `superEvent` | the occasion, as an `Event` with a `name` |
/// | `attendee` | each participant as a `Person`: `name` (as displayed), `givenName`, `familyName` (both surnames), `honorificPrefix`, `jobTitle` (the principal post), `alternateName` (the name in its own script) and `nationality` (a `Country` with `name` and `identifier`, ISO alpha-3, or alpha-2 when there is none) |
/// | `about` | each distinct topic of the agenda as a `DefinedTerm` with `name` (the label), `termCode` (the category) and `alternateName` (the aliases) |
///
/// Enumeration values are full schema.org IRIs
/// (`https://schema.org/EventScheduled`). Absent values are left out. Keys
/// come out in alphabetical order (`@context` and `@type` first), so the
/// output does not depend on how serde_json orders maps.
///
/// # Errors
///
/// None in practice: the end is computed only when the time and the
/// duration are known, and the build of the meeting has already checked it.
/// An error from that computation or from serde_json is passed on.
///
/// ```
/// use diplomeet::export::to_json_ld;
/// use diplomeet::{Country, Meeting, Minister, PersonName, Portfolio, Post, Venue};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let minister = |given: &str, surname: &str, code: &str| -> Result<Minister, diplomeet::Error> {
///     let name = PersonName::builder().given(given).surname(surname).build()?;
///     Minister::builder(name, Country::from_code(code)?)
///         .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?)
///         .build()
/// };
/// let meeting = Meeting::builder("Japan-Chile Foreign Ministers' Meeting")
///     .venue(Venue::new("San Francisco", Country::from_code("US")?, chrono_tz::America::Los_Angeles)?)
///     .occasion("APEC Ministerial Meeting")
///     .starts_at(diplomeet::time::parse_civil("2023-11-13T16:00")?)
///     .duration(chrono::TimeDelta::try_minutes(30).ok_or("overflow")?)
///     .participant(minister("Yoko", "Kamikawa", "JP")?)
///     .participant(minister("Alberto Leo", "van Klaveren", "CL")?)
///     .build()?;
///
/// let doc: serde_json::Value = serde_json::from_str(&to_json_ld(&meeting)?)?;
/// assert_eq!(doc["@type"], "Event");
/// assert_eq!(doc["startDate"], "2023-11-13T16:00:00-08:00");
/// assert_eq!(doc["endDate"], "2023-11-13T16:30:00-08:00");
/// assert_eq!(doc["duration"], "PT30M");
/// assert_eq!(doc["location"]["address"]["addressCountry"], "US");
/// assert_eq!(doc["superEvent"]["name"], "APEC Ministerial Meeting");
/// assert_eq!(doc["attendee"][1]["nationality"]["identifier"], "CHL");
/// # Ok(())
/// # }
/// ```
pub fn to_json_ld(meeting: &Meeting) -> Result<String, Error> {
    let mut e = Map::new();
    e.insert("@context".into(), "https://schema.org".into());
    e.insert("@type".into(), "Event".into());

    // Each topic once, in order of first appearance: linear in the topics
    // (a hash set sized for them all, keyed by the label, which equal
    // topics share: one short hash each).
    let all = meeting
        .agenda()
        .iter()
        .map(|item| item.topics().len())
        .sum();
    let mut seen: HashSet<ByLabel<'_>> = HashSet::with_capacity(all);
    let topics: Vec<&Topic> = meeting
        .agenda()
        .iter()
        .flat_map(|item| item.topics())
        .filter(|t| seen.insert(ByLabel(t)))
        .collect();
    drop(seen);
    if !meeting.participants().is_empty() {
        e.insert(
            "attendee".into(),
            Value::Array(meeting.participants().iter().map(attendee).collect()),
        );
    }
    if let Some(d) = meeting.duration() {
        e.insert("duration".into(), format_duration(d).into());
    }
    let end = match (meeting.when(), meeting.duration()) {
        (Start::At(_), Some(_)) => Some(meeting.end()?.to_datetime()),
        _ => None,
    };
    if let Some(end) = end {
        e.insert("endDate".into(), rfc3339(&end).into());
    }
    let (attendance, location) = match meeting.mode() {
        Mode::Telephone => (
            "OnlineEventAttendanceMode",
            Some(virtual_location("telephone")),
        ),
        Mode::Video => (
            "OnlineEventAttendanceMode",
            Some(virtual_location("video conference")),
        ),
        Mode::Remote => (
            "OnlineEventAttendanceMode",
            Some(virtual_location("remote call")),
        ),
        Mode::Hybrid => (
            "MixedEventAttendanceMode",
            Some(Value::Array(
                place(meeting)
                    .into_iter()
                    .chain([virtual_location("remote participation")])
                    .collect(),
            )),
        ),
        Mode::InPerson => ("OfflineEventAttendanceMode", place(meeting)),
    };
    e.insert("eventAttendanceMode".into(), schema_iri(attendance));
    let status = match meeting.status() {
        MeetingStatus::Scheduled | MeetingStatus::Held => "EventScheduled",
        MeetingStatus::Postponed => "EventPostponed",
        MeetingStatus::Cancelled => "EventCancelled",
    };
    e.insert("eventStatus".into(), schema_iri(status));
    if let Some(l) = location {
        e.insert("location".into(), l);
    }
    e.insert("name".into(), meeting.title().into());
    // schema.org's startDate is a Date or a DateTime: a month alone is an
    // ISO 8601 date of reduced precision (`2024-05`); no date, no startDate.
    let start = match meeting.when() {
        Start::At(z) => Some(rfc3339(&z.to_datetime())),
        Start::On(d) => Some(d.format("%Y-%m-%d").to_string()),
        Start::InMonth { year, month } => Some(format!("{year:04}-{month:02}")),
        _ => None,
    };
    if let Some(start) = start {
        e.insert("startDate".into(), start.into());
    }
    if let Some(o) = meeting.occasion() {
        e.insert(
            "superEvent".into(),
            json!({ "@type": "Event", "name": o.name() }),
        );
    }
    serde_json::to_string_pretty(&EventOut { fields: e, topics })
        .map_err(|err| Error::new(Detail::Syntax(err.to_string())))
}
