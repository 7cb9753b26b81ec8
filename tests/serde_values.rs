//! Every public value type through serde on its own: written, read back
//! equal, written again to the same text, in the spelling of the JSON
//! document; and one value that breaks a rule, refused with the crate's own
//! message (deserializing runs the checks that building runs).
#![cfg(feature = "json")]
// Tests stop loudly on the first surprise.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::fmt::Debug;

use chrono::NaiveDate;
use chrono_tz::{America, Asia, Europe};
use common::{country, kamikawa, seed_meeting, seed_value, van_klaveren};
use diplomeet::{
    AgendaItem, Attendance, DateBasis, Entry, Group, Limits, Meeting, MeetingForm, Minister, Mode,
    Occasion, OccasionRelation, OffsetPolicy, Part, Participant, PersonName, Place, PlaceBasis,
    Portfolio, Post, PostStatus, Role, Source, Start, StatedText, StatedTime, StatedZone, Term,
    Topic, TopicCategory, Venue, VenueRelation, Verb, Who, ZonedDateTime,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Writes `value`, reads it back (equal), writes that (the same text), and
/// returns the text.
fn round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(value: &T) -> String {
    let text = serde_json::to_string(value).unwrap();
    let back: T = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
    assert_eq!(&back, value, "{text}");
    assert_eq!(serde_json::to_string(&back).unwrap(), text);
    text
}

/// `json` is refused, with a message that starts with `expected` (the
/// crate's own message; serde_json adds the line and column).
fn refused<T: DeserializeOwned + Debug>(json: &str, expected: &str) {
    let err = serde_json::from_str::<T>(json).unwrap_err().to_string();
    assert!(
        err.starts_with(expected),
        "{json}:\n  {err}\ndoes not start with\n  {expected}"
    );
}

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn zoned(text: &str) -> ZonedDateTime {
    ZonedDateTime::parse(text, OffsetPolicy::Reject).unwrap()
}

fn stated(text: &str) -> StatedTime {
    text.parse().unwrap()
}

fn somaliland() -> diplomeet::Country {
    diplomeet::Country::builder("XS")
        .name("Somaliland")
        .formal_name("Republic of Somaliland")
        .capital_zone(chrono_tz::Africa::Mogadishu)
        .build()
        .unwrap()
}

#[test]
fn the_seeds_values_read_alone_as_they_stand_in_its_document() {
    let m = seed_meeting();
    let doc = seed_value();
    let value = |v: &dyn erased::Value| v.json();
    assert_eq!(value(m.venue().unwrap()), doc["venue"]);
    assert_eq!(value(m.occasion().unwrap()), doc["occasion"]);
    assert_eq!(value(m.when()), doc["start"]);
    for (i, p) in m.participants().iter().enumerate() {
        assert_eq!(value(p), doc["participants"][i]);
        round_trip(p);
        let minister = p.minister().unwrap();
        round_trip(minister);
        round_trip(p.who());
        assert_eq!(
            value(minister.name().unwrap()),
            doc["participants"][i]["name"]
        );
        for (k, post) in minister.posts().iter().enumerate() {
            assert_eq!(value(post), doc["participants"][i]["posts"][k]);
            round_trip(post);
        }
    }
    for (i, item) in m.agenda().iter().enumerate() {
        assert_eq!(value(item), doc["agenda"][i]);
        round_trip(item);
        for (k, e) in item.entries().iter().enumerate() {
            assert_eq!(value(e), doc["agenda"][i]["entries"][k]);
        }
        for (k, t) in item.topics().iter().enumerate() {
            assert_eq!(value(t), doc["agenda"][i]["topics"][k]);
        }
    }
    for (i, s) in m.sources().iter().enumerate() {
        assert_eq!(value(s), doc["sources"][i]);
        round_trip(s);
    }
}

/// `serde_json::to_value` behind a trait object, to compare values of any
/// type with the document's fragments.
mod erased {
    pub trait Value {
        fn json(&self) -> serde_json::Value;
    }

    impl<T: serde::Serialize> Value for T {
        fn json(&self) -> serde_json::Value {
            serde_json::to_value(self).unwrap()
        }
    }
}

#[test]
fn meeting() {
    let m = seed_meeting();
    round_trip(&m);
    refused::<Meeting>(
        &serde_json::to_string(&m).unwrap().replace(
            "\"title\":\"Japan-Chile Foreign Ministers' Meeting\"",
            "\"title\":\" \"",
        ),
        "title: title must not be empty",
    );
}

#[test]
fn participant() {
    let place = Place::new("Bangkok")
        .unwrap()
        .in_country(country("TH"), Asia::Bangkok)
        .unwrap();
    let p = Participant::person(kamikawa())
        .role(Role::Host)
        .attendance(Attendance::Remote)
        .calling_from(place)
        .build()
        .unwrap();
    let text = round_trip(&p);
    assert!(text.contains(r#""roles":["principal","host"]"#), "{text}");
    assert!(text.contains(r#""attendance":"remote""#), "{text}");
    round_trip(&Participant::principal(van_klaveren()));
    let group = Group::new("g7", "G7", [country("JP"), country("US")]).unwrap();
    round_trip(
        &Participant::group(group)
            .role(Role::Attendee)
            .build()
            .unwrap(),
    );
    refused::<Participant>(
        r#"{"id": "jp-x", "country": "JP", "posts": []}"#,
        "name: a participant needs a name or a post",
    );
}

#[test]
fn minister() {
    round_trip(&kamikawa());
    round_trip(&van_klaveren());
    let by_post = Minister::by_post(
        country("KR"),
        Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs").unwrap(),
    )
    .build()
    .unwrap();
    round_trip(&by_post);
    let text = serde_json::to_string(&kamikawa()).unwrap();
    // What belongs to a participant is not a person's.
    refused::<Minister>(
        &text.replacen('{', r#"{"roles": ["host"], "#, 1),
        "roles: roles belong to a participant, not to the person or group",
    );
    refused::<Minister>(
        r#"{"id": "g7", "group": {"name": "G7", "members": ["JP"]}}"#,
        "group: a person is written without a group",
    );
    refused::<Minister>(
        &text.replace(r#""country":"JP""#, r#""country":"ZQ""#),
        &format!(
            "country: {}",
            diplomeet::Country::from_code("ZQ").unwrap_err()
        ),
    );
}

#[test]
fn group() {
    let g = Group::new("g7", "G7", [country("JP"), country("US"), country("EU")]).unwrap();
    assert_eq!(
        round_trip(&g),
        r#"{"id":"g7","group":{"name":"G7","members":["JP","US","EU"]}}"#
    );
    let dup = Group::new("g7", "G7", [country("JP"), country("JP")]).unwrap_err();
    refused::<Group>(
        r#"{"id": "g7", "group": {"name": "G7", "members": ["JP", "JPN"]}}"#,
        &format!("group.{dup}"),
    );
    refused::<Group>(
        &serde_json::to_string(&kamikawa()).unwrap(),
        "group: a group is written",
    );
}

#[test]
fn who() {
    round_trip(&Who::Person(kamikawa()));
    let g = Group::new("quad", "Quad", [country("JP"), country("IN")]).unwrap();
    round_trip(&Who::Group(g));
    refused::<Who>(
        r#"{"id": "quad", "group": {"name": "Quad", "members": []}, "roles": ["chair"]}"#,
        "roles: roles belong to a participant",
    );
}

#[test]
fn place() {
    let alone = Place::new("Bangkok").unwrap();
    assert_eq!(round_trip(&alone), r#"{"place":"Bangkok"}"#);
    let placed = alone.in_country(country("TH"), Asia::Bangkok).unwrap();
    assert_eq!(
        round_trip(&placed),
        r#"{"place":"Bangkok","country":"TH","zone":"Asia/Bangkok"}"#
    );
    refused::<Place>(
        r#"{"place": "\t"}"#,
        &Place::new("\t").unwrap_err().to_string(),
    );
    refused::<Place>(
        r#"{"place": "Bangkok", "country": "TH"}"#,
        "a place's country and zone go together",
    );
}

#[test]
fn venue() {
    let v = Venue::new("Tokyo", country("JP"), Asia::Tokyo)
        .unwrap()
        .with_basis(PlaceBasis::InferredFromOccasion)
        .on_premises_of(country("CL"));
    round_trip(&v);
    round_trip(&Venue::in_country(country("CL"), America::Santiago).unwrap());
    refused::<Venue>(
        r#"{"place": "", "country": "JP", "zone": "Asia/Tokyo"}"#,
        &Venue::new("", country("JP"), Asia::Tokyo)
            .unwrap_err()
            .to_string(),
    );
}

#[test]
fn occasion() {
    let sidelines = Occasion::new("APEC Ministerial Meeting", OccasionRelation::Sidelines).unwrap();
    assert_eq!(round_trip(&sidelines), r#""APEC Ministerial Meeting""#);
    let visit = Occasion::new("visit to Japan", OccasionRelation::Visit)
        .unwrap()
        .with_visitor("cl-van-klaveren");
    round_trip(&visit);
    round_trip(&Occasion::new("G20 summit", OccasionRelation::Before).unwrap());
    refused::<Occasion>(
        r#"" ""#,
        &Occasion::new(" ", OccasionRelation::Sidelines)
            .unwrap_err()
            .to_string(),
    );
    refused::<Occasion>(
        r#"{"name": "G20", "relation": "beside"}"#,
        &format!(
            "relation: {}",
            OccasionRelation::parse("beside").unwrap_err()
        ),
    );
}

#[test]
fn source() {
    let s = Source::new("https://www.mofa.go.jp/a.html", Some("MOFA"))
        .unwrap()
        .by(country("JP"))
        .published(date("2023-11-14"))
        .published_inferred(true)
        .reporting_date(date("2023-11-13"))
        .via("Reuters")
        .unwrap()
        .original("https://www.mofa.go.jp/original.html")
        .unwrap()
        .attributed_to("Press Secretary")
        .unwrap();
    round_trip(&s);
    refused::<Source>(
        r#"{"url": "https://example.org/", "attributed_to": " "}"#,
        &Source::new("https://example.org/", None::<String>)
            .unwrap()
            .attributed_to(" ")
            .unwrap_err()
            .to_string(),
    );
    round_trip(&Source::new("https://example.org/", None::<String>).unwrap());
    refused::<Source>(
        r#"{"url": "ftp://example.org/"}"#,
        &Source::new("ftp://example.org/", None::<String>)
            .unwrap_err()
            .to_string(),
    );
}

#[test]
fn post() {
    let p = Post::new(Portfolio::Other, "Minister of State")
        .unwrap()
        .with_portfolio_name("Minister of State for Foreign Affairs")
        .unwrap()
        .with_term(Term::new(Some(date("2023-09-13")), None).unwrap())
        .with_status(PostStatus::Acting);
    round_trip(&p);
    refused::<Post>(
        r#"{"portfolio": "foreign_affairs", "title": ""}"#,
        &Post::new(Portfolio::ForeignAffairs, "")
            .unwrap_err()
            .to_string(),
    );
}

#[test]
fn term() {
    assert_eq!(
        round_trip(&Term::new(Some(date("2023-09-13")), Some(date("2024-10-01"))).unwrap()),
        r#"{"start":"2023-09-13","end":"2024-10-01"}"#
    );
    round_trip(&Term::new(None, Some(date("2024-10-01"))).unwrap());
    refused::<Term>(
        r#"{"start": "2024-10-01", "end": "2023-09-13"}"#,
        &Term::new(Some(date("2024-10-01")), Some(date("2023-09-13")))
            .unwrap_err()
            .to_string(),
    );
}

#[test]
fn part() {
    let p = Part::builder(MeetingForm::WorkingMeal)
        .title("Working dinner")
        .mode(Mode::InPerson)
        .start(zoned("2023-11-13T19:00:00-08:00[America/Los_Angeles]"))
        .minutes(90)
        .approximate(true)
        .participant("jp-kamikawa-yoko")
        .build()
        .unwrap();
    round_trip(&p);
    round_trip(
        &Part::builder(MeetingForm::Talk)
            .starts_on(date("2023-11-14"))
            .build()
            .unwrap(),
    );
    // A part of a meeting, its civil start resolved there.
    let m = Meeting::builder("Meeting and dinner")
        .venue(common::san_francisco())
        .starts_at(common::civil("2023-11-13T16:00"))
        .participant(kamikawa())
        .participant(van_klaveren())
        .part(
            Part::builder(MeetingForm::WorkingMeal)
                .starts_at(common::civil("2023-11-13T19:00"))
                .build()
                .unwrap(),
        )
        .build()
        .unwrap();
    round_trip(&m.parts()[0]);
    assert_eq!(Meeting::from_json(&m.to_json().unwrap()).unwrap(), m);
    // Alone, a civil start has no zone yet, so no data form.
    let civil = Part::builder(MeetingForm::WorkingMeal)
        .starts_at(common::civil("2023-11-13T19:00"))
        .build()
        .unwrap();
    let err = serde_json::to_string(&civil).unwrap_err().to_string();
    assert!(err.contains("until a meeting resolves it"), "{err}");
    refused::<Part>(
        r#"{"form": "talk", "duration": "PT25H"}"#,
        &Part::builder(MeetingForm::Talk)
            .minutes(25 * 60)
            .build()
            .unwrap_err()
            .to_string(),
    );
}

#[test]
fn entry() {
    let e = Entry::by(
        ["jp-kamikawa-yoko"],
        Verb::Emphasized,
        "that Japan will continue",
    )
    .with_wording("reiterated")
    .with_source(0);
    round_trip(&e);
    round_trip(&Entry::by(["a", "b"], Verb::Concurred, "to cooperate"));
    // The agenda item's checks, at the entry's own paths.
    let item_err = AgendaItem::builder()
        .entry(Entry::by(["a", "a"], Verb::Agreed, "to meet"))
        .build()
        .unwrap_err()
        .to_string();
    let alone = item_err.strip_prefix("entries[0].").unwrap();
    refused::<Entry>(
        r#"{"who": ["a", "a"], "verb": "agreed", "text": "to meet"}"#,
        alone,
    );
    refused::<Entry>(
        r#"{"who": ["a"], "verb": "whispered", "text": "x"}"#,
        &format!("verb: {}", Verb::parse("whispered").unwrap_err()),
    );
}

#[test]
fn agenda_item() {
    let item = AgendaItem::builder()
        .label("(1)")
        .title("Trade")
        .topic(
            Topic::builder(TopicCategory::Trade, "Trade")
                .build()
                .unwrap(),
        )
        .entry(Entry::by(["a"], Verb::Stated, "that trade matters"))
        .item(AgendaItem::builder().label("(a)").build().unwrap())
        .build()
        .unwrap();
    round_trip(&item);
    refused::<AgendaItem>(
        r#"{"entries": [{"who": [], "verb": "stated", "text": "x"}]}"#,
        &AgendaItem::builder()
            .entry(Entry::by(Vec::<String>::new(), Verb::Stated, "x"))
            .build()
            .unwrap_err()
            .to_string(),
    );
}

#[test]
fn topic() {
    let t = Topic::builder(TopicCategory::CriticalMinerals, "Critical minerals")
        .keyword("copper")
        .alias("minerals")
        .build()
        .unwrap();
    round_trip(&t);
    refused::<Topic>(
        r#"{"category": "trade", "label": " "}"#,
        &Topic::builder(TopicCategory::Trade, " ")
            .build()
            .unwrap_err()
            .to_string(),
    );
}

#[test]
fn person_name() {
    round_trip(kamikawa().name().unwrap());
    round_trip(van_klaveren().name().unwrap());
    refused::<PersonName>(
        r#"{"given": ""}"#,
        &PersonName::builder()
            .given("")
            .build()
            .unwrap_err()
            .to_string(),
    );
}

#[test]
fn date_basis() {
    assert_eq!(round_trip(&DateBasis::Stated), r#"{"kind":"stated"}"#);
    round_trip(&DateBasis::YearInferred {
        published: date("2024-03-01"),
    });
    round_trip(&DateBasis::Relative {
        phrase: "today".into(),
        published: date("2024-03-01"),
    });
    refused::<DateBasis>(
        r#"{"kind": "relative", "phrase": "", "published": "2024-03-01"}"#,
        "phrase: relative date must not be empty",
    );
    refused::<DateBasis>(
        r#"{"kind": "year_inferred"}"#,
        "published: a date basis \"year_inferred\" needs published",
    );
}

#[test]
fn stated_text() {
    let s = StatedText::new(stated("2023-11-14T09:00 JST"))
        .with_text("9:00 a.m. on November 14, Japan time");
    assert_eq!(
        round_trip(&s),
        r#"{"text":"9:00 a.m. on November 14, Japan time","time":"2023-11-14T09:00 JST"}"#
    );
    round_trip(&StatedText::new(stated("2023-11-14T09:00")));
    refused::<StatedText>(
        r#"{"time": "2023-11-14T09:00 Mars/Olympus"}"#,
        &format!(
            "time: {}",
            "2023-11-14T09:00 Mars/Olympus"
                .parse::<StatedTime>()
                .unwrap_err()
        ),
    );
}

#[test]
fn stated_time() {
    for text in [
        "2023-11-14T09:00 JST",
        "2023-11-14T09:00:05 Asia/Tokyo",
        "2023-11-13T21:00 -03:00",
        "2023-11-14T09:00",
    ] {
        assert_eq!(round_trip(&stated(text)), format!("\"{text}\""));
    }
    refused::<StatedTime>(
        r#""2023-11-14T09:00 JST extra""#,
        &"2023-11-14T09:00 JST extra"
            .parse::<StatedTime>()
            .unwrap_err()
            .to_string(),
    );
}

#[test]
fn stated_zone() {
    for text in [
        "2023-11-14T09:00 JST",
        "2023-11-14T09:00 Asia/Tokyo",
        "2023-11-14T09:00 UTC+5:30",
        "2023-11-14T09:00 Z",
        "2023-11-14T09:00",
    ] {
        round_trip(stated(text).zone());
    }
    assert_eq!(round_trip(&StatedZone::Unstated), r#""""#);
    // Built by hand, a zone reads as what its text says, as in a readout.
    let est = serde_json::to_string(&StatedZone::Named(chrono_tz::EST)).unwrap();
    assert_eq!(
        serde_json::from_str::<StatedZone>(&est).unwrap(),
        StatedZone::Abbreviation("EST".into())
    );
    refused::<StatedZone>(r#""Mars/Olympus""#, "invalid timestamp");
}

#[test]
fn start() {
    for (start, text) in [
        (
            Start::At(zoned("2023-11-13T16:00:00-08:00[America/Los_Angeles]")),
            "2023-11-13T16:00:00-08:00[America/Los_Angeles]",
        ),
        (Start::On(date("2023-08-15")), "2023-08-15"),
        (
            Start::InMonth {
                year: 2024,
                month: 5,
            },
            "2024-05",
        ),
        (Start::Unknown, "unknown"),
    ] {
        assert_eq!(round_trip(&start), format!("\"{text}\""));
    }
    let built = Meeting::builder("x")
        .mode(Mode::Telephone)
        .starts_in_month(2024, 13)
        .participant(kamikawa())
        .participant(van_klaveren())
        .build()
        .unwrap_err();
    let month = built
        .violations()
        .find(|v| v.path() == "start")
        .unwrap()
        .to_string();
    refused::<Start>(r#""2024-13""#, month.strip_prefix("start: ").unwrap());
}

#[test]
fn zoned_date_time() {
    let z = zoned("2023-11-14T09:00:00+09:00[Asia/Tokyo]");
    assert_eq!(round_trip(&z), r#""2023-11-14T09:00:00+09:00[Asia/Tokyo]""#);
    refused::<ZonedDateTime>(
        r#""2023-11-14T09:00:00+08:00[Asia/Tokyo]""#,
        &ZonedDateTime::parse(
            "2023-11-14T09:00:00+08:00[Asia/Tokyo]",
            OffsetPolicy::Reject,
        )
        .unwrap_err()
        .to_string(),
    );
}

#[test]
fn country_and_declared_actor() {
    assert_eq!(round_trip(&country("CL")), r#""CL""#);
    assert_eq!(round_trip(&country("nato")), r#""NATO""#);
    let text = round_trip(&somaliland());
    assert!(
        text.starts_with(r#"{"code":"XS","name":"Somaliland""#),
        "{text}"
    );
    let back: diplomeet::Country = serde_json::from_str(&text).unwrap();
    assert_eq!(back.formal_name(), "Republic of Somaliland");
    refused::<diplomeet::Country>(
        r#""ZQ""#,
        &diplomeet::Country::from_code("ZQ").unwrap_err().to_string(),
    );
    refused::<diplomeet::Country>(
        r#"{"code": "XK", "name": "Kosovo", "capital_zone": "Europe/Belgrade"}"#,
        &diplomeet::Country::builder("XK")
            .name("Kosovo")
            .capital_zone(Europe::Belgrade)
            .build()
            .unwrap_err()
            .to_string(),
    );
}

#[test]
fn venue_relation() {
    let hosted = VenueRelation::Hosted {
        host: country("JP"),
    };
    assert_eq!(round_trip(&hosted), r#"{"kind":"hosted","host":"JP"}"#);
    round_trip(&VenueRelation::Hosted { host: somaliland() });
    for r in [
        VenueRelation::ThirdLocation,
        VenueRelation::Remote,
        VenueRelation::Unknown,
    ] {
        round_trip(&r);
    }
    assert_eq!(
        serde_json::to_value(seed_meeting().venue_relation()).unwrap(),
        serde_json::json!({"kind": "third_location"})
    );
    refused::<VenueRelation>(
        r#"{"kind": "remote", "host": "JP"}"#,
        "host: only a hosted meeting has a host",
    );
    refused::<VenueRelation>(
        r#"{"kind": "Third-Location"}"#,
        "kind: invalid venue relation \"Third-Location\": did you mean \"third_location\"?",
    );
}

#[test]
fn limits() {
    round_trip(&Limits::default());
    let strict = Limits::default()
        .with_max_participants(10)
        .with_max_title_len(120);
    let text = round_trip(&strict);
    assert!(text.contains(r#""max_participants":10"#), "{text}");
    // A limit left out keeps its default.
    let one: Limits = serde_json::from_str(r#"{"max_participants": 10}"#).unwrap();
    assert_eq!(one, Limits::default().with_max_participants(10));
    refused::<Limits>(
        r#"{"max-participants": 10}"#,
        "invalid limit \"max-participants\": did you mean \"max_participants\"?",
    );
    refused::<Limits>(
        r#"{"max_parts": 1, "max_parts": 2}"#,
        "max_parts: duplicate limit",
    );
}

/// The named enums: one text form each, snake_case, read back; an unknown
/// name is refused with the names that exist.
#[test]
fn named_enums() {
    fn each<T: Serialize + DeserializeOwned + PartialEq + Debug + std::fmt::Display>(
        all: &[T],
        snake_case: bool,
    ) {
        for value in all {
            let text = round_trip(value);
            assert_eq!(text, format!("\"{value}\""));
            if snake_case {
                assert!(
                    text.trim_matches('"')
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                    "{text}"
                );
            }
        }
        let err = serde_json::from_str::<T>(r#""no such name""#)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("invalid "), "{err}");
        assert!(err.contains("\"no such name\": expected one of"), "{err}");
    }
    use diplomeet::export::{CameoCode, PloverEventType, PloverMode};
    use diplomeet::ical::{EventStatus, WarningKind};
    use diplomeet::{
        Disambiguation, ErrorKind, MeetingKind, MeetingStatus, NameOrder, TitleBasis, ZoneBasis,
    };
    each(Mode::ALL, true);
    each(MeetingForm::ALL, true);
    each(MeetingStatus::ALL, true);
    each(MeetingKind::ALL, true);
    each(Role::ALL, true);
    each(Attendance::ALL, true);
    each(OccasionRelation::ALL, true);
    each(TitleBasis::ALL, true);
    each(PlaceBasis::ALL, true);
    each(ZoneBasis::ALL, true);
    each(Verb::ALL, true);
    each(Portfolio::ALL, true);
    each(PostStatus::ALL, true);
    each(NameOrder::ALL, true);
    each(TopicCategory::ALL, true);
    each(Disambiguation::ALL, true);
    each(OffsetPolicy::ALL, true);
    each(ErrorKind::ALL, true);
    each(EventStatus::ALL, true);
    each(WarningKind::ALL, true);
    // External codes keep their standards' spellings.
    each(PloverEventType::ALL, false);
    each(PloverMode::ALL, false);
    each(CameoCode::ALL, false);
    #[cfg(feature = "gazetteer")]
    each(diplomeet::gazetteer::PlaceKind::ALL, true);
}

mod schedule {
    use super::*;
    use chrono::{NaiveTime, TimeDelta, TimeZone, Utc, Weekday};
    use diplomeet::ical::Window;
    use diplomeet::schedule::{
        Attendee, HoursRange, Itinerary, TravelTable, Weekend, WorkingHours,
    };
    use diplomeet::summit::{Delegation, Request};

    fn t(h: u32, m: u32, s: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, s).unwrap()
    }

    fn hours(h: i64) -> TimeDelta {
        TimeDelta::try_hours(h).unwrap()
    }

    #[test]
    fn weekend() {
        assert_eq!(round_trip(&Weekend::SATURDAY_SUNDAY), r#"["sat","sun"]"#);
        assert_eq!(round_trip(&Weekend::NONE), "[]");
        round_trip(&Weekend::of(&country("AF")));
        refused::<Weekend>(
            r#"["fri", "Saturday"]"#,
            "[1]: invalid day \"Saturday\": expected one of mon, tue",
        );
        refused::<Weekend>(r#"["fri", "fri"]"#, "[1]: duplicate day of the weekend");
    }

    #[test]
    fn hours_range() {
        let evening = WorkingHours::builder()
            .range(Weekday::Sat, t(20, 0, 30), NaiveTime::MIN)
            .build()
            .unwrap();
        let range = evening.ranges(Weekday::Sat)[0];
        assert_eq!(round_trip(&range), "\"20:00:30–24:00\"");
        let read: HoursRange = serde_json::from_str("\"20:00:30-24:00\"").unwrap();
        assert_eq!(read, range);
        let backwards = WorkingHours::builder()
            .range(Weekday::Mon, t(18, 0, 0), t(9, 0, 0))
            .build()
            .unwrap_err()
            .to_string();
        refused::<HoursRange>(
            "\"18:00–09:00\"",
            backwards.strip_prefix("ranges[0]: ").unwrap(),
        );
        refused::<HoursRange>("\"9 to 5\"", "invalid working hours \"9 to 5\"");
    }

    #[test]
    fn working_hours() {
        let japan = WorkingHours::default_for(&country("JP"));
        let text = round_trip(&japan);
        assert!(
            text.starts_with(r#"{"mon":["09:00–18:00"],"tue""#),
            "{text}"
        );
        assert!(!text.contains("sat"), "{text}");
        round_trip(&WorkingHours::always());
        assert_eq!(round_trip(&WorkingHours::builder().build().unwrap()), "{}");
        let split = WorkingHours::builder()
            .range(Weekday::Sat, t(22, 0, 0), NaiveTime::MIN)
            .range(Weekday::Sat, t(8, 0, 0), t(12, 0, 0))
            .build()
            .unwrap();
        round_trip(&split);
        // The builder's violation, at the range as written.
        let overlap = WorkingHours::builder()
            .range(Weekday::Mon, t(9, 0, 0), t(12, 0, 0))
            .range(Weekday::Mon, t(11, 0, 0), t(14, 0, 0))
            .build()
            .unwrap_err()
            .to_string();
        refused::<WorkingHours>(
            r#"{"mon": ["09:00–12:00", "11:00–14:00"]}"#,
            &overlap.replace("ranges[1]", "mon[1]"),
        );
        refused::<WorkingHours>(
            r#"{"monday": []}"#,
            "invalid day \"monday\": expected one of mon",
        );
    }

    #[test]
    fn itinerary() {
        let d = |day| NaiveDate::from_ymd_opt(2023, 11, day).unwrap();
        let trip = Itinerary::builder()
            .stay("Honolulu", chrono_tz::Pacific::Honolulu, d(14), d(16))
            .stay("Tokyo", Asia::Tokyo, d(13), d(14))
            .build()
            .unwrap();
        let text = round_trip(&trip);
        assert!(
            text.starts_with(r#"{"stays":[{"place":"Tokyo","zone":"Asia/Tokyo","first":"2023-11-13","last":"2023-11-14"}"#),
            "{text}"
        );
        round_trip(&Itinerary::new());
        let overlapping = Itinerary::builder()
            .stay("Tokyo", Asia::Tokyo, d(13), d(15))
            .stay("Honolulu", chrono_tz::Pacific::Honolulu, d(14), d(16))
            .build()
            .unwrap_err()
            .to_string();
        refused::<Itinerary>(
            r#"{"stays": [
                {"place": "Tokyo", "zone": "Asia/Tokyo", "first": "2023-11-13", "last": "2023-11-15"},
                {"place": "Honolulu", "zone": "Pacific/Honolulu", "first": "2023-11-14", "last": "2023-11-16"}
            ]}"#,
            &overlapping,
        );
        refused::<Itinerary>(
            r#"{"stays": [{"place": "Mars", "zone": "Mars/Olympus", "first": "2023-11-13", "last": "2023-11-15"}]}"#,
            &format!(
                "stays[0].zone: {}",
                diplomeet::time::parse_zone("Mars/Olympus").unwrap_err()
            ),
        );
    }

    #[test]
    fn travel_table() {
        let table = TravelTable::builder(hours(12))
            .route("Tokyo", "San Francisco", hours(10))
            .one_way("San Francisco", "Tokyo", hours(12))
            .route("Lima", "Quito", TimeDelta::try_minutes(190).unwrap())
            .build()
            .unwrap();
        let text = round_trip(&table);
        assert!(
            text.starts_with(
                r#"{"default":"PT12H","routes":[{"from":"Lima","to":"Quito","time":"PT3H10M"}"#
            ),
            "{text}"
        );
        round_trip(&TravelTable::builder(TimeDelta::zero()).build().unwrap());
        let itself = TravelTable::builder(hours(1))
            .one_way("Tokyo", "Tokyo", hours(1))
            .build()
            .unwrap_err()
            .to_string();
        refused::<TravelTable>(
            r#"{"default": "PT1H", "routes": [{"from": "Tokyo", "to": "Tokyo", "time": "PT1H"}]}"#,
            &itself,
        );
        refused::<TravelTable>(
            r#"{"default": "PT1H", "routes": [{"from": "A", "to": "B", "time": "3 hours"}]}"#,
            &format!(
                "routes[0].time: {}",
                diplomeet::time::parse_duration("3 hours").unwrap_err()
            ),
        );
    }

    #[test]
    fn window() {
        let from = Utc.with_ymd_and_hms(2023, 11, 13, 0, 0, 0).unwrap();
        let to = Utc.with_ymd_and_hms(2023, 11, 20, 0, 0, 0).unwrap();
        let w = Window::new(from, to).unwrap();
        assert_eq!(
            round_trip(&w),
            r#"{"start":"2023-11-13T00:00:00Z","end":"2023-11-20T00:00:00Z"}"#
        );
        round_trip(&w.with_floating_zone(Asia::Tokyo));
        refused::<Window>(
            r#"{"start": "2023-11-20T00:00:00Z", "end": "2023-11-13T00:00:00Z"}"#,
            &Window::new(to, from).unwrap_err().to_string(),
        );
    }

    #[test]
    fn attendee() {
        let trip = Itinerary::builder()
            .stay(
                "Lima",
                America::Lima,
                NaiveDate::from_ymd_opt(2024, 11, 13).unwrap(),
                NaiveDate::from_ymd_opt(2024, 11, 16).unwrap(),
            )
            .build()
            .unwrap();
        let a = Attendee::new(kamikawa())
            .hours(WorkingHours::always())
            .itinerary(trip);
        round_trip(&a);
        round_trip(&Attendee::new(van_klaveren()));
        let text = serde_json::to_string(&Attendee::new(kamikawa())).unwrap();
        // Inside another value, a value's paths start at itself (serde's
        // errors carry no path).
        refused::<Attendee>(
            &text.replace(r#""country":"JP""#, r#""country":"ZQ""#),
            &format!(
                "country: {}",
                diplomeet::Country::from_code("ZQ").unwrap_err()
            ),
        );
    }

    #[test]
    fn delegation() {
        let c = common::civil;
        let d = Delegation::new(kamikawa())
            .arrives(c("2024-01-17T08:00"))
            .departs(c("2024-01-18T20:00"))
            .busy(c("2024-01-17T12:00"), c("2024-01-17T13:30"));
        let text = round_trip(&d);
        assert!(
            text.contains(r#""arrival":"2024-01-17T08:00:00""#),
            "{text}"
        );
        round_trip(&Delegation::new(van_klaveren()));
        let minister = serde_json::to_string(&kamikawa()).unwrap();
        refused::<Delegation>(
            &format!(r#"{{"minister": {minister}, "arrival": "2024-01-17 08:00"}}"#),
            &format!(
                "arrival: {}",
                diplomeet::time::parse_civil("2024-01-17 08:00").unwrap_err()
            ),
        );
    }

    #[test]
    fn request() {
        let c = common::civil;
        let r = Request::new("jp-kamikawa-yoko", "cl-van-klaveren", 3)
            .slots(2)
            .window(c("2024-01-17T09:00"), c("2024-01-17T18:00"));
        round_trip(&r);
        assert_eq!(
            round_trip(&Request::new("a", "b", 1)),
            r#"{"first":"a","second":"b","priority":1}"#
        );
        refused::<Request>(
            r#"{"first": "a", "second": "b", "priority": 1, "window": {"from": "2024-01-17T09:00", "to": "noon"}}"#,
            &format!(
                "window.to: {}",
                diplomeet::time::parse_civil("noon").unwrap_err()
            ),
        );
    }
}
