//! Every validation rule, through the builders and through the JSON reader,
//! asserting the kind and the path of each violation.
// These tests read and write JSON documents.
#![cfg(feature = "json")]
// Helpers stop loudly too: clippy.toml allows this in #[test] functions only.
#![allow(clippy::unwrap_used)]

mod common;

use common::{civil, kamikawa, san_francisco, seed, seed_meeting, seed_value, van_klaveren};

use chrono::{NaiveDate, TimeDelta};
use diplomeet::{
    AgendaItem, Country, ErrorKind, Limits, Meeting, Minister, Mode, OffsetPolicy, PersonName,
    Portfolio, Post, Venue, Verb,
};
use serde_json::{Value, json};

/// The (kind, path) of every violation the reader reports for `doc`.
fn violations(doc: &Value) -> Vec<(ErrorKind, String)> {
    let text = serde_json::to_string(doc).unwrap();
    match Meeting::from_json(&text) {
        Ok(_) => vec![],
        Err(e) => e
            .violations()
            .map(|v| (v.kind(), v.path().to_owned()))
            .collect(),
    }
}

fn one(kind: ErrorKind, path: &str) -> Vec<(ErrorKind, String)> {
    vec![(kind, path.to_owned())]
}

#[test]
fn the_seed_document_is_valid() {
    assert_eq!(violations(&seed_value()), vec![]);
}

#[test]
fn one_participant_is_too_few() {
    let mut d = seed_value();
    d["participants"].as_array_mut().unwrap().truncate(1);
    d["agenda"] = json!([]);
    assert_eq!(violations(&d), one(ErrorKind::TooFew, "participants"));
}

#[test]
fn two_participants_of_one_country_are_too_few_countries() {
    let mut d = seed_value();
    d["participants"][1]["country"] = json!("JP");
    d["participants"][1]["home_zone"] = json!("Asia/Tokyo");
    let got = violations(&d);
    assert_eq!(got, one(ErrorKind::TooFew, "participants"));
}

#[test]
fn the_same_id_twice_is_a_duplicate() {
    let mut d = seed_value();
    d["participants"][1]["id"] = json!(seed::KAMIKAWA);
    let got = violations(&d);
    assert!(
        got.contains(&(ErrorKind::Duplicate, "participants[1].id".into())),
        "{got:?}"
    );
}

#[test]
fn the_same_person_twice_is_a_duplicate() {
    let mut d = seed_value();
    let mut twin = d["participants"][0].clone();
    twin["id"] = json!("kamikawa-again");
    d["participants"].as_array_mut().unwrap().push(twin);
    assert_eq!(violations(&d), one(ErrorKind::Duplicate, "participants[2]"));
}

#[test]
fn speakers_and_parties_must_be_participants() {
    let mut d = seed_value();
    // agenda[1].entries[3] is the first joint entry ("concurred").
    d["agenda"][0]["entries"][0]["who"][0] = json!("nobody");
    d["agenda"][1]["entries"][3]["who"][1] = json!("someone-else");
    assert_eq!(
        violations(&d),
        vec![
            (
                ErrorKind::UnknownReference,
                "agenda[0].entries[0].who[0]".into()
            ),
            (
                ErrorKind::UnknownReference,
                "agenda[1].entries[3].who[1]".into()
            ),
        ]
    );
}

#[test]
fn an_entry_names_each_participant_once() {
    let mut d = seed_value();
    d["agenda"][1]["entries"][3]["who"] = json!([seed::KAMIKAWA, seed::KAMIKAWA]);
    assert_eq!(
        violations(&d),
        one(ErrorKind::Duplicate, "agenda[1].entries[3].who[1]")
    );
    let mut d = seed_value();
    d["agenda"][1]["entries"][3]["who"] = json!([]);
    assert_eq!(
        violations(&d),
        one(ErrorKind::TooFew, "agenda[1].entries[3].who")
    );
}

/// Labels are printed text, not keys: two bullets, or a list that restarts
/// its numbering, are what readouts print.
#[test]
fn agenda_labels_may_repeat() {
    let mut d = seed_value();
    d["agenda"][2]["label"] = json!("2.");
    d["agenda"][3]["label"] = json!("•");
    d["agenda"][4]["label"] = json!("•");
    assert_eq!(violations(&d), vec![]);
}

#[test]
fn durations_are_positive_and_at_most_a_day() {
    for (text, kind) in [
        ("PT0S", ErrorKind::DurationOutOfRange),
        ("PT24H1S", ErrorKind::DurationOutOfRange),
        ("P2D", ErrorKind::DurationOutOfRange),
        ("thirty minutes", ErrorKind::InvalidDuration),
        ("PT30MIN", ErrorKind::InvalidDuration),
        ("-PT30M", ErrorKind::DurationOutOfRange),
    ] {
        let mut d = seed_value();
        d["duration"] = json!(text);
        assert_eq!(violations(&d), one(kind, "duration"), "{text}");
    }
    let mut d = seed_value();
    d["duration"] = json!("PT24H");
    assert_eq!(violations(&d), vec![]);
}

#[test]
fn an_approximate_duration_needs_a_duration() {
    let mut d = seed_value();
    d.as_object_mut().unwrap().remove("duration");
    assert_eq!(
        violations(&d),
        one(ErrorKind::Inconsistent, "duration_approximate")
    );
}

#[test]
fn a_minister_must_hold_office_on_the_day() {
    let mut d = seed_value();
    d["participants"][0]["posts"][0]["term"]["start"] = json!("2024-01-01");
    d["participants"][0]["posts"][0]["term"]["end"] = json!("2024-12-31");
    let got = violations(&d);
    assert_eq!(
        got,
        one(ErrorKind::OutsideTerm, "participants[0].posts[0].term")
    );
    let text = serde_json::to_string(&d).unwrap();
    let msg = Meeting::from_json(&text).unwrap_err().to_string();
    assert!(msg.contains("2023-11-13"), "{msg}");
    assert!(msg.contains("KAMIKAWA Yoko"), "{msg}");
}

#[test]
fn texts_are_required_and_bounded() {
    let mut d = seed_value();
    d["title"] = json!("  ");
    d["agenda"][3]["entries"][0]["text"] = json!("");
    d["participants"][1]["name"]["given"] = json!("x".repeat(201));
    assert_eq!(
        violations(&d).tap_sort(),
        vec![
            (ErrorKind::TooLong, "participants[1].name.given".into()),
            (ErrorKind::Empty, "agenda[3].entries[0].text".into()),
            (ErrorKind::Empty, "title".into()),
        ]
        .into_iter()
        .collect::<Vec<_>>()
        .tap_sort()
    );
}

trait TapSort {
    fn tap_sort(self) -> Self;
}
impl TapSort for Vec<(ErrorKind, String)> {
    fn tap_sort(mut self) -> Self {
        self.sort_by(|a, b| a.1.cmp(&b.1));
        self
    }
}

#[test]
fn a_ten_mebibyte_title_is_refused_with_its_limit() {
    let mut d = seed_value();
    d["title"] = json!("x".repeat(10 * 1024 * 1024));
    let text = serde_json::to_string(&d).unwrap();
    let e = Meeting::from_json(&text).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::TooLong);
    assert_eq!(e.path(), "title");
    assert!(e.to_string().contains("max_title_len"), "{e}");
    assert!(
        e.to_string().len() < 400,
        "the message must not echo the title"
    );
}

#[test]
fn unknown_codes_and_zones_name_the_value() {
    let mut d = seed_value();
    d["participants"][0]["country"] = json!("ZQ");
    d["venue"]["zone"] = json!("America/Atlantis");
    d["participants"][1]["home_zone"] = json!("Mars/Olympus");
    let text = serde_json::to_string(&d).unwrap();
    let e = Meeting::from_json(&text).unwrap_err();
    let got: Vec<_> = e
        .violations()
        .map(|v| (v.kind(), v.path().to_owned()))
        .collect::<Vec<_>>()
        .tap_sort();
    assert_eq!(
        got,
        vec![
            (ErrorKind::UnknownCountry, "participants[0].country".into()),
            (ErrorKind::UnknownZone, "participants[1].home_zone".into()),
            (ErrorKind::UnknownZone, "venue.zone".into()),
        ]
    );
    let msg = e.to_string();
    for needle in ["ZQ", "America/Atlantis", "Mars/Olympus"] {
        assert!(msg.contains(needle), "{msg} lacks {needle}");
    }
}

#[test]
fn the_venue_zone_must_be_the_countrys() {
    let mut d = seed_value();
    d["venue"]["zone"] = json!("Asia/Tokyo");
    assert_eq!(
        violations(&d),
        one(ErrorKind::ZoneNotInCountry, "venue.zone")
    );
}

#[test]
fn a_start_in_a_gap_or_with_a_wrong_offset_is_refused() {
    let mut d = seed_value();
    d["start"] = json!("2023-11-13T16:00:00-07:00[America/Los_Angeles]");
    assert_eq!(violations(&d), one(ErrorKind::OffsetConflict, "start"));
    let mut d = seed_value();
    d["start"] = json!("2023-11-13T16:00:00+09:00[Asia/Tokyo]");
    assert_eq!(violations(&d), one(ErrorKind::Inconsistent, "start"));
    let mut d = seed_value();
    d["start"] = json!("yesterday");
    assert_eq!(violations(&d), one(ErrorKind::InvalidTimestamp, "start"));

    // Through the builder, a civil time in the gap is named as such.
    let e = builder_with_start("2023-03-12T02:30:00")
        .build()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Gap);
    assert_eq!(e.path(), "start");
    let msg = e.to_string();
    assert!(
        msg.contains("America/Los_Angeles") && msg.contains("2023-03-12"),
        "{msg}"
    );
    // ... and one in the fold too.
    let e = builder_with_start("2023-11-05T01:30:00")
        .build()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Fold);
    let ok = builder_with_start("2023-11-05T01:30:00")
        .disambiguation(diplomeet::Disambiguation::Later)
        .build()
        .unwrap();
    assert_eq!(
        ok.when().to_string(),
        "2023-11-05T01:30:00-08:00[America/Los_Angeles]"
    );
}

fn builder_with_start(text: &str) -> diplomeet::MeetingBuilder {
    Meeting::builder("t")
        .venue(san_francisco())
        .starts_at(civil(text))
        .participant(kamikawa())
        .participant(van_klaveren())
}

#[test]
fn a_date_alone_says_so_when_an_instant_is_asked_for() {
    let m = Meeting::builder("Japan-Chile Foreign Ministers' Video Conference")
        .mode(Mode::Video)
        .zone(chrono_tz::Asia::Tokyo)
        .starts_on(NaiveDate::from_ymd_opt(2023, 11, 20).unwrap())
        .participant(kamikawa())
        .participant(van_klaveren())
        .build()
        .unwrap();
    assert_eq!(m.start().unwrap_err().kind(), ErrorKind::NoTimeOfDay);
    assert_eq!(m.end().unwrap_err().kind(), ErrorKind::NoTimeOfDay);
    assert_eq!(m.local_times().unwrap_err().kind(), ErrorKind::NoTimeOfDay);
    assert_eq!(m.venue_relation(), diplomeet::VenueRelation::Remote);
    let back = Meeting::from_json(&m.to_json().unwrap()).unwrap();
    assert_eq!(back, m);
}

#[test]
fn no_duration_gives_no_end() {
    let m = builder_with_start("2023-11-13T16:00:00").build().unwrap();
    assert_eq!(m.end().unwrap_err().kind(), ErrorKind::NoDuration);
    assert!(m.local_times().unwrap().iter().all(|l| l.end().is_none()));
}

#[test]
fn modes_and_venues_must_agree() {
    let e = builder_with_start("2023-11-13T16:00:00")
        .mode(Mode::Telephone)
        .build()
        .unwrap_err();
    assert_eq!((e.kind(), e.path()), (ErrorKind::Inconsistent, "venue"));
    // A readout that names no venue and no zone: a meeting in person on a
    // date, whose place and clock are unknown, not an error.
    let m = Meeting::builder("t")
        .starts_on(NaiveDate::from_ymd_opt(2023, 11, 20).unwrap())
        .participant(kamikawa())
        .participant(van_klaveren())
        .build()
        .unwrap();
    assert_eq!((m.venue(), m.zone()), (None, None));
    // A time of day needs a clock: a venue or a zone.
    let e = Meeting::builder("t")
        .mode(Mode::Video)
        .starts_at(civil("2023-11-20T10:00:00"))
        .participant(kamikawa())
        .participant(van_klaveren())
        .build()
        .unwrap_err();
    assert_eq!(e.path(), "start", "{e}");
}

#[test]
fn builder_reports_everything_at_once() {
    let lone = kamikawa();
    let e = Meeting::builder("")
        .venue(san_francisco())
        .starts_at(civil("2023-11-13T16:00:00"))
        .duration(TimeDelta::try_hours(-1).unwrap())
        .participant(lone)
        .agenda_item(
            AgendaItem::builder()
                .number(1)
                .statement("ghost", Verb::Stated, "boo")
                .build()
                .unwrap(),
        )
        .build()
        .unwrap_err();
    let got: Vec<_> = e.violations().map(|v| (v.kind(), v.path())).collect();
    assert_eq!(
        got,
        vec![
            (ErrorKind::Empty, "title"),
            (ErrorKind::DurationOutOfRange, "duration"),
            (ErrorKind::TooFew, "participants"),
            (ErrorKind::UnknownReference, "agenda[0].entries[0].who[0]"),
        ]
    );
    // Display lists every violation with its path.
    let text = e.to_string();
    assert!(
        text.contains("agenda[0].entries[0].who[0]: ") && text.contains("\"ghost\""),
        "{text}"
    );
}

#[test]
fn limits_are_configurable_and_named() {
    let text = seed_meeting().to_json().unwrap();
    let tight = Limits::default()
        .with_max_participants(1)
        .with_max_agenda_items(3);
    let e = Meeting::from_json_with(text.as_bytes(), &tight, OffsetPolicy::Reject).unwrap_err();
    let got: Vec<_> = e.violations().map(|v| (v.kind(), v.path())).collect();
    assert_eq!(
        got,
        vec![
            (ErrorKind::TooMany, "participants"),
            (ErrorKind::TooMany, "agenda"),
        ]
    );
    assert!(e.to_string().contains("max_participants"));
    let tiny = Limits::default().with_max_document_bytes(100);
    let e = Meeting::from_json_with(text.as_bytes(), &tiny, OffsetPolicy::Reject).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::TooMany);
    assert!(e.to_string().contains("max_document_bytes"));
}

#[test]
fn malformed_documents_are_syntax_errors() {
    let text = seed_meeting().to_json().unwrap();
    let truncated = &text[..text.len() / 2];
    for (doc, needle) in [
        (truncated.to_owned(), "EOF"),
        (text.replacen("\"title\"", "\"titel\"", 1), "titel"),
        (
            text.replacen("\"label\": \"1.\"", "\"label\": 1", 1),
            "invalid type",
        ),
        (text.replacen("\"who\": [", "\"who\": {", 1), "invalid type"),
        (
            text.replacen("\"label\": \"1.\"", "\"label\": 1e999", 1),
            "",
        ),
        (
            text.replacen("\"title\"", "\"title\": \"a\", \"title\"", 1),
            "duplicate field",
        ),
        (
            format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
            "",
        ),
        (String::new(), "EOF"),
    ] {
        let e = Meeting::from_json(&doc).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Syntax, "{e}");
        assert!(e.to_string().contains(needle), "{e} lacks {needle}");
    }
    let e = Meeting::from_json_slice(b"{\"format\": \"diplomeet/2\", \"title\": \"\xff\"}")
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Syntax);
}

#[test]
fn other_format_versions_are_refused_by_name() {
    let text = seed_meeting()
        .to_json()
        .unwrap()
        .replace("diplomeet/2", "diplomeet/3")
        .replacen("\"title\"", "\"new_field\": 1, \"title\"", 1);
    let e = Meeting::from_json(&text).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnsupportedFormat, "{e}");
    assert!(e.to_string().contains("diplomeet/3"), "{e}");
}

#[test]
fn custom_actors_round_trip() {
    let eu = Country::from_code("EU").unwrap();
    let org = Country::builder("XO")
        .name("Organisation of X")
        .capital_zone(chrono_tz::Europe::Vienna)
        .zone(chrono_tz::UTC)
        .build()
        .unwrap();
    let person = |given: &str, c: &Country| {
        Minister::builder(
            PersonName::builder()
                .given(given)
                .surname("Doe")
                .build()
                .unwrap(),
            c.clone(),
        )
        .post(
            Post::new(Portfolio::Other, "Secretary-General")
                .and_then(|p| p.with_portfolio_name("secretary-general"))
                .unwrap(),
        )
        .build()
        .unwrap()
    };
    let m = Meeting::builder("EU-XO talks")
        .venue(Venue::new("Vienna", org.clone(), chrono_tz::Europe::Vienna).unwrap())
        .starts_at(civil("2026-03-29T02:30:00"))
        .disambiguation(diplomeet::Disambiguation::Compatible)
        .participant(person("Ann", &eu))
        .participant(person("Bob", &org))
        .build()
        .unwrap();
    assert_eq!(
        m.when().to_string(),
        "2026-03-29T03:30:00+02:00[Europe/Vienna]"
    );
    assert_eq!(
        m.venue_relation(),
        diplomeet::VenueRelation::Hosted { host: org.clone() }
    );
    let json = m.to_json().unwrap();
    assert!(json.contains("\"actors\""), "{json}");
    assert_eq!(Meeting::from_json(&json).unwrap(), m);
}

#[test]
fn paths_name_the_document_index_even_after_a_failed_entry() {
    let mut d = seed_value();
    d["agenda"][0]["entries"][0]["verb"] = json!("whispered");
    d["agenda"][1]["entries"][0]["who"][0] = json!("ghost");
    d["agenda"][4]["entries"][3]["who"][1] = json!(seed::KAMIKAWA);
    d["participants"][0]["country"] = json!("QQ");
    let got = violations(&d).tap_sort();
    assert_eq!(
        got,
        vec![
            (ErrorKind::InvalidValue, "agenda[0].entries[0].verb".into()),
            (
                ErrorKind::UnknownReference,
                "agenda[1].entries[0].who[0]".into()
            ),
            (ErrorKind::Duplicate, "agenda[4].entries[3].who[1]".into()),
            (ErrorKind::UnknownCountry, "participants[0].country".into()),
        ]
    );
}

#[test]
fn two_actors_may_not_share_a_code() {
    let actor = |name: &str| {
        Country::builder("XA")
            .name(name)
            .capital_zone(chrono_tz::UTC)
            .build()
            .unwrap()
    };
    let person = |given: &str, c: Country| {
        Minister::builder(PersonName::builder().given(given).build().unwrap(), c)
            .post(Post::new(Portfolio::ForeignAffairs, "Envoy").unwrap())
            .build()
            .unwrap()
    };
    let e = Meeting::builder("t")
        .mode(Mode::Video)
        .zone(chrono_tz::UTC)
        .starts_on(NaiveDate::from_ymd_opt(2024, 1, 1).unwrap())
        .participant(person("A", actor("Org A")))
        .participant(person("B", actor("Org B")))
        .participant(kamikawa())
        .build()
        .unwrap_err();
    assert_eq!(
        (e.kind(), e.path()),
        (ErrorKind::Duplicate, "participants[1].country")
    );
}

#[test]
fn dates_are_strict_and_within_four_digit_years() {
    for bad in ["2023-11-1 ", " 2023-11-13", "+2023-11-13", "2023-13-01"] {
        let mut d = seed_value();
        d["participants"][0]["posts"][0]["term"]["start"] = json!(bad);
        assert_eq!(
            violations(&d),
            one(
                ErrorKind::InvalidTimestamp,
                "participants[0].posts[0].term.start"
            ),
            "{bad:?}"
        );
    }
    let e = Meeting::builder("t")
        .mode(Mode::Video)
        .zone(chrono_tz::UTC)
        .starts_on(NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap())
        .participant(kamikawa())
        .participant(van_klaveren())
        .build()
        .unwrap_err();
    assert_eq!((e.kind(), e.path()), (ErrorKind::OutOfRange, "start"));
}

/// A page that reports several meetings: a JSON array of documents, each
/// checked, each violation under its document's index.
#[test]
fn arrays_of_documents_read_each_document() {
    let one = seed_meeting().to_json().unwrap();
    let two = format!("[{one},\n{one}]");
    let list = Meeting::from_json_list(&two).unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0], list[1]);
    assert_eq!(Meeting::from_json_list(&one).unwrap(), vec![seed_meeting()]);
    assert_eq!(
        Meeting::from_json_list(&Meeting::list_to_json(&list).unwrap()).unwrap(),
        list
    );
    assert_eq!(Meeting::list_to_json(&[]).unwrap(), "[]");
    assert_eq!(Meeting::from_json_list("[]").unwrap(), vec![]);

    // Every violation of every document, under its index.
    let mut d = seed_value();
    d["title"] = json!(" ");
    let bad = format!("[{one}, {}, {one}, {}]", d, d);
    let got: Vec<String> = Meeting::from_json_list(&bad)
        .unwrap_err()
        .violations()
        .map(|v| v.path().to_owned())
        .collect();
    assert_eq!(got, ["[1].title", "[3].title"]);

    // A syntax error names its document; so does another format.
    let e = Meeting::from_json_list(&format!(
        "[{one}, {}]",
        one.replacen("\"title\"", "\"titel\"", 1)
    ))
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Syntax);
    assert!(e.path().starts_with("[1]"), "{}", e.path());
    let e = Meeting::from_json_list(&format!(
        "[{one}, {}]",
        one.replace("diplomeet/2", "diplomeet/9")
    ))
    .unwrap_err();
    assert_eq!(
        (e.kind(), e.path()),
        (ErrorKind::UnsupportedFormat, "[1].format")
    );

    // More documents than the limit: refused, counted without reading them.
    let few = Limits::default().with_max_documents(2);
    let three = format!("[{one}, {one}, {one}]");
    let e = Meeting::from_json_list_with(three.as_bytes(), &few, OffsetPolicy::Reject).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::TooMany);
    assert!(e.to_string().contains("max_documents"), "{e}");
    assert!(e.to_string().contains('3'), "{e}");
}

#[test]
fn max_agenda_items_counts_sub_items_too() {
    // Builders: 3 items, one with 2 sub-items, over a limit of 4.
    let limits = Limits::default().with_max_agenda_items(4);
    let sub = || AgendaItem::builder().label("(a)").build().unwrap();
    let parent = AgendaItem::builder()
        .label("1.")
        .item(sub())
        .item(sub())
        .build()
        .unwrap();
    let mut b = Meeting::builder("T")
        .venue(san_francisco())
        .starts_at(civil("2023-11-13T16:00:00"))
        .participant(kamikawa())
        .participant(van_klaveren())
        .limits(limits)
        .agenda_item(parent.clone());
    for label in ["2.", "3."] {
        b = b.agenda_item(AgendaItem::builder().label(label).build().unwrap());
    }
    let e = b.build().unwrap_err();
    assert_eq!((e.kind(), e.path()), (ErrorKind::TooMany, "agenda"));
    assert!(e.to_string().contains("5 agenda items"), "{e}");
    // An item's own sub-items, at every level.
    let e = AgendaItem::builder()
        .limits(Limits::default().with_max_agenda_items(2))
        .item(parent)
        .build()
        .unwrap_err();
    assert_eq!((e.kind(), e.path()), (ErrorKind::TooMany, "items"));

    // The reader: every item counts, those past the limit are counted (with
    // their own sub-items) but not kept.
    let mut doc = seed_value();
    let deep = json!({"label": "(1)", "items": [{"label": "(a)"}, {"label": "(b)"}]});
    doc["agenda"][0]["items"] = json!([deep.clone(), deep.clone(), deep]);
    let text = serde_json::to_string(&doc).unwrap();
    // 5 items and 9 sub-items.
    let tight = Limits::default().with_max_agenda_items(13);
    let e = Meeting::from_json_with(text.as_bytes(), &tight, OffsetPolicy::Reject).unwrap_err();
    assert_eq!(
        (e.kind(), e.path(), e.total()),
        (ErrorKind::TooMany, "agenda", 1)
    );
    assert!(e.to_string().contains("14 agenda items"), "{e}");
    let enough = Limits::default().with_max_agenda_items(14);
    let m = Meeting::from_json_with(text.as_bytes(), &enough, OffsetPolicy::Reject).unwrap();
    assert_eq!(m.agenda()[0].items()[2].items()[1].label(), Some("(b)"));
    // In an array, each document's items are counted apart.
    let list = format!("[{text}, {text}, {text}]");
    let three =
        Meeting::from_json_list_with(list.as_bytes(), &enough, OffsetPolicy::Reject).unwrap();
    assert_eq!(three, [m.clone(), m.clone(), m]);
    let e =
        Meeting::from_json_list_with(list.as_bytes(), &tight, OffsetPolicy::Reject).unwrap_err();
    let paths: Vec<&str> = e.violations().map(|v| v.path()).collect();
    assert_eq!(paths, ["[0].agenda", "[1].agenda", "[2].agenda"]);
}

#[test]
fn the_format_may_come_last() {
    // A /1 document whose format comes after its agenda: the items are read
    // again as /1.
    let v1 = r#"{"title": "Call", "mode": "telephone", "zone": "Asia/Tokyo",
      "start": "2023-11-14T09:00:00+09:00[Asia/Tokyo]",
      "agenda": [{"number": 1, "topics": [], "statements": [{"speaker": "a", "verb": "stated", "text": "that ..."}],
                  "outcomes": [{"verb": "concurred", "parties": ["a", "b"], "text": "to ..."}]}],
      "participants": [
        {"id": "a", "name": {"given": "A"}, "country": "JP", "posts": [{"portfolio": "foreign_affairs", "title": "Minister"}]},
        {"id": "b", "name": {"given": "B"}, "country": "CL", "posts": [{"portfolio": "foreign_affairs", "title": "Minister"}]}
      ],
      "format": "diplomeet/1"}"#;
    let m = Meeting::from_json(v1).unwrap();
    assert_eq!(m.agenda()[0].label(), Some("1."));
    assert_eq!(m.agenda()[0].entries()[1].who(), ["a", "b"]);
    // In an array, each document is read as its own format says.
    let two = Meeting::from_json_list(&format!("[{v1}, {v1}]")).unwrap();
    assert_eq!(two, [m.clone(), m.clone()]);
    // serde's own entry point cannot read it twice: it says why.
    let e = serde_json::from_str::<Meeting>(v1).unwrap_err();
    assert!(e.to_string().contains("format"), "{e}");
    // A /2 document may put its format anywhere (serde_json's maps write
    // their keys in order: `agenda` first).
    let text = serde_json::to_string(&seed_value()).unwrap();
    assert!(text.find("\"format\"") > text.find("\"agenda\""), "{text}");
    assert_eq!(Meeting::from_json(&text).unwrap(), seed_meeting());
    assert_eq!(
        serde_json::from_str::<Meeting>(&text).unwrap(),
        seed_meeting()
    );
}

#[test]
fn custom_actors_may_come_after_the_participants_who_name_them() {
    let doc = r#"{"format": "diplomeet/2", "title": "Call", "mode": "telephone", "zone": "Asia/Tokyo",
      "start": "2023-11-14",
      "participants": [
        {"id": "a", "name": {"given": "A"}, "country": "JP", "posts": [{"portfolio": "foreign_affairs", "title": "Minister"}]},
        {"id": "q", "name": {"given": "Q"}, "country": "QM", "posts": [{"portfolio": "foreign_affairs", "title": "Minister"}]},
        {"id": "g", "group": {"name": "the Q and Japan", "members": ["QM", "JP"]}}
      ],
      "actors": [{"code": "QM", "name": "Quux", "capital_zone": "Europe/Paris", "zones": ["Europe/Paris"]}],
      "agenda": [], "sources": []}"#;
    let m = Meeting::from_json(doc).unwrap();
    let ids: Vec<&str> = m.participants().iter().map(|p| p.id()).collect();
    assert_eq!(ids, ["a", "q", "g"]);
    assert_eq!(m.participant("q").unwrap().parties()[0].name(), "Quux");
    // Unknown codes are still unknown, in their place.
    let bad = doc.replace(r#""members": ["QM", "JP"]"#, r#""members": ["QN", "JP"]"#);
    let e = Meeting::from_json(&bad).unwrap_err();
    assert_eq!(e.path(), "participants[2].group.members[0]");
}

/// An `actors` list longer than `max_list_len` stops at the limit like every
/// other list: refused with the count, those past the limit not kept.
#[test]
fn an_over_long_actors_list_stops_at_its_limit() {
    let actor = |i: usize| {
        let code = format!("X{}", char::from(b'A' + u8::try_from(i % 26).unwrap()));
        json!({"code": code, "name": format!("Actor {i}"), "capital_zone": "Europe/Paris", "zones": ["Europe/Paris"]})
    };
    let mut doc = seed_value();
    doc["actors"] = json!((0..3).map(actor).collect::<Vec<_>>());
    let text = serde_json::to_string(&doc).unwrap();
    let two = Limits::default().with_max_list_len(2);
    let e = Meeting::from_json_with(text.as_bytes(), &two, OffsetPolicy::Reject).unwrap_err();
    assert_eq!((e.kind(), e.path()), (ErrorKind::TooMany, "actors"), "{e}");
    assert!(e.to_string().contains("max_list_len"), "{e}");
    assert!(e.to_string().contains('3'), "{e}");
    // Within the limit, they read.
    let three = Limits::default().with_max_list_len(3);
    assert!(Meeting::from_json_with(text.as_bytes(), &three, OffsetPolicy::Reject).is_ok());
}
