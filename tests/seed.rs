//! The reference meeting's facts, end to end: built from the readout,
//! rendered on every clock, derived kind and venue relation, JSON round trip.

mod common;

use common::{seed, seed_meeting};

use chrono::{Datelike, Timelike};
use chrono_tz::{America, Asia};
use diplomeet::{MeetingKind, OccasionRelation, VenueRelation, Verb};

#[test]
fn tokyo_sees_nine_am_on_the_fourteenth() {
    let m = seed_meeting();
    let tokyo = m.start_in(Asia::Tokyo).unwrap();
    assert_eq!(tokyo.to_rfc3339(), "2023-11-14T09:00:00+09:00");
    let local = m.local_times().unwrap();
    let kamikawa = local
        .iter()
        .find(|l| l.participant().map(|p| p.id()) == Some(seed::KAMIKAWA))
        .unwrap();
    assert_eq!(kamikawa.zone(), Asia::Tokyo);
    assert_eq!(
        (
            kamikawa.start().date().day(),
            kamikawa.start().civil().hour()
        ),
        (14, 9)
    );
    assert_eq!(kamikawa.day_shift(), 1);
    assert_eq!(
        kamikawa.end().unwrap().to_rfc3339(),
        "2023-11-14T09:30:00+09:00"
    );
    assert!(
        kamikawa.to_string().contains("2023-11-14 09:00 JST"),
        "{kamikawa}"
    );
    assert!(kamikawa.to_string().contains("+1 day"), "{kamikawa}");
}

#[test]
fn santiago_sees_nine_pm_on_the_thirteenth() {
    let m = seed_meeting();
    let local = m.local_times().unwrap();
    let vk = local
        .iter()
        .find(|l| l.participant().map(|p| p.id()) == Some(seed::VAN_KLAVEREN))
        .unwrap();
    assert_eq!(vk.zone(), America::Santiago);
    assert_eq!(vk.start().to_rfc3339(), "2023-11-13T21:00:00-03:00");
    assert_eq!(vk.day_shift(), 0);
    assert_eq!(m.start_in(America::Santiago).unwrap().civil().hour(), 21);
}

#[test]
fn venue_clock_and_derived_facts() {
    let m = seed_meeting();
    assert_eq!(m.start().unwrap().to_rfc3339(), "2023-11-13T16:00:00-08:00");
    assert_eq!(m.end().unwrap().to_rfc3339(), "2023-11-13T16:30:00-08:00");
    assert_eq!(
        m.when().to_string(),
        "2023-11-13T16:00:00-08:00[America/Los_Angeles]"
    );
    assert!(m.duration_is_approximate());
    assert_eq!(m.kind(), MeetingKind::Bilateral);
    assert_eq!(m.venue_relation(), VenueRelation::ThirdLocation);
    let occasion = m.occasion().expect("the seed names its occasion");
    assert_eq!(occasion.name(), "APEC Ministerial Meeting");
    assert_eq!(occasion.relation(), OccasionRelation::Sidelines);
    assert_eq!(m.agenda().len(), 5);
    let labels: Vec<Option<&str>> = m.agenda().iter().map(|i| i.label()).collect();
    assert_eq!(
        labels,
        [Some("1."), Some("2."), Some("3."), Some("4."), Some("5.")]
    );
}

#[test]
fn every_verb_of_the_readout_is_there() {
    let m = seed_meeting();
    let one_sided: Vec<Verb> = m
        .entries()
        .filter(|e| !e.is_mutual())
        .map(|e| e.verb())
        .collect();
    for v in [
        Verb::Stated,
        Verb::Expressed,
        Verb::ExpressedDesire,
        Verb::ExpressedUnderstanding,
        Verb::Congratulated,
        Verb::AskedForUnderstanding,
    ] {
        assert!(one_sided.contains(&v), "{v:?} missing");
    }
    let mutual: Vec<Verb> = m
        .entries()
        .filter(|e| e.is_mutual())
        .map(|e| e.verb())
        .collect();
    for v in [
        Verb::Concurred,
        Verb::Confirmed,
        Verb::SharedView,
        Verb::SharedRecognition,
        Verb::ExchangedViews,
    ] {
        assert!(mutual.contains(&v), "{v:?} missing");
    }
    let item2 = &m.agenda()[1];
    assert!(item2.topics().iter().any(|t| t.matches("lithium")));
    assert!(item2.topics().iter().any(|t| t.matches("treated water")));
}

#[cfg(feature = "json")]
#[test]
fn json_round_trip_is_lossless() {
    use diplomeet::Meeting;
    let m = seed_meeting();
    let json = m.to_json().unwrap();
    let back = Meeting::from_json(&json).unwrap();
    assert_eq!(back, m);
    assert_eq!(back.to_json().unwrap(), json);
    let compact = m.to_json_compact().unwrap();
    assert_eq!(Meeting::from_json(&compact).unwrap(), m);
    // serde's own entry point reads the same document.
    let via_serde: Meeting = serde_json::from_str(&json).unwrap();
    assert_eq!(via_serde, m);
    assert!(json.contains("\"start\": \"2023-11-13T16:00:00-08:00[America/Los_Angeles]\""));
    assert!(json.contains("\"duration\": \"PT30M\""));
    assert!(json.contains("\"format\": \"diplomeet/2\""));
}

#[test]
fn summary_shows_both_clocks() {
    let text = seed_meeting().to_string();
    assert!(text.contains("2023-11-14 09:00 JST"), "{text}");
    assert!(text.contains("2023-11-13 21:00"), "{text}");
    assert!(text.contains("America/Santiago"), "{text}");
    assert!(text.contains("bilateral, third location"), "{text}");
    assert!(text.contains("of the Republic of Chile"), "{text}");
}
