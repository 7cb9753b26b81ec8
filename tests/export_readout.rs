//! Readout text: the seed against its golden file, and the timing clause,
//! the principals and the items for telephone and video talks, same-date and
//! other-date reference clocks, missing durations, dates alone, noon,
//! midnight and minutes, and multilateral meetings.
//!
//! `DIPLOMEET_BLESS=1 cargo test --test export_readout` rewrites
//! `tests/golden/seed.readout.txt` from the current output.
// Helpers stop loudly too: clippy.toml allows this in #[test] functions only.
#![allow(clippy::unwrap_used)]

mod common;

use chrono::NaiveDate;
use chrono_tz::Tz;
use common::{
    country, golden, kamikawa, minutes, official, seed, seed_meeting, van_klaveren, venue,
};
use diplomeet::export::{Readout, readout};
use diplomeet::{
    AgendaItem, Meeting, MeetingBuilder, MeetingForm, MeetingStatus, Minister, Mode, NameOrder,
    PersonName, Portfolio, Post, Verb,
};

const SEED_TIMING: &str = "On November 13, commencing at 4:00 p.m. (local time; 9:00 a.m. on \
                           November 14 JST) for approximately 30 minutes";

fn tokyo() -> Tz {
    chrono_tz::Asia::Tokyo
}

/// A foreign minister with an honorific and the title of the post.
fn minister(honorific: &str, given: &str, surname: &str, code: &str, title: &str) -> Minister {
    official(
        honorific,
        given,
        surname,
        code,
        Portfolio::ForeignAffairs,
        title,
    )
}

fn blinken() -> Minister {
    minister(
        "The Honorable",
        "Antony",
        "Blinken",
        "US",
        "Secretary of State",
    )
}

fn park() -> Minister {
    let name = PersonName::builder()
        .surname("Park")
        .given("Jin")
        .order(NameOrder::SurnameFirst)
        .build()
        .unwrap();
    Minister::builder(name, country("KR"))
        .honorific("H.E. Mr.")
        .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs").unwrap())
        .build()
        .unwrap()
}

/// A Japan-Chile meeting at `civil` in San Francisco, held, 30 minutes.
fn sf_at(civil: &str) -> MeetingBuilder {
    Meeting::builder("Japan-Chile Foreign Ministers' Meeting")
        .venue(venue(
            "San Francisco",
            "US",
            chrono_tz::America::Los_Angeles,
        ))
        .starts_at(civil.parse().unwrap())
        .duration(minutes(30))
        .participant(kamikawa())
        .participant(van_klaveren())
        .status(MeetingStatus::Held)
}

fn timing(meeting: &Meeting, zone: Tz) -> String {
    Readout::new(zone).timing_clause(meeting).unwrap()
}

fn lead(meeting: &Meeting, zone: Tz) -> String {
    Readout::new(zone).lead(meeting).unwrap()
}

#[test]
fn seed_matches_golden_file() {
    let text = readout(&seed_meeting(), tokyo()).unwrap();
    golden("seed.readout.txt", &text);
}

#[test]
fn seed_timing_clause_and_principals_are_exact() {
    let meeting = seed_meeting();
    assert_eq!(timing(&meeting, tokyo()), SEED_TIMING);
    let text = readout(&meeting, tokyo()).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("Japan-Chile Foreign Ministers' Meeting"));
    assert_eq!(lines.next(), Some(""));
    assert_eq!(
        lines.next(),
        Some(
            format!(
                "{SEED_TIMING}, Ms. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan, who is \
                 visiting San Francisco, the United States of America, to attend the APEC \
                 Ministerial Meeting, held a meeting with H.E. Mr. Alberto Leo van Klaveren Stork, \
                 Minister of Foreign Affairs of the Republic of Chile."
            )
            .as_str()
        )
    );
    assert!(text.ends_with(".\n") && !text.ends_with("\n\n"));
}

#[test]
fn seed_items_are_numbered_with_statements_then_outcomes() {
    let text = readout(&seed_meeting(), tokyo()).unwrap();
    let items: Vec<&str> = text.split("\n\n").skip(2).collect();
    assert_eq!(items.len(), 5);
    for (i, item) in items.iter().enumerate() {
        assert!(item.starts_with(&format!("{}. ", i + 1)), "{item}");
    }
    assert!(items[0].starts_with(
        "1. Opening remarks\nMinister Kamikawa stated that she was pleased to hold her first \
         meeting with Minister van Klaveren,"
    ));
    assert!(items[0].contains(
        " Minister van Klaveren congratulated Minister Kamikawa on her assumption of office. "
    ));
    assert!(items[1].contains(
        "Minister Kamikawa asked for understanding regarding the discharge of ALPS treated water"
    ));
    assert!(items[1].ends_with(
        "The two ministers confirmed that they would continue to cooperate to maintain the high \
         standards of the CPTPP."
    ));
    assert!(
        items[2].contains(
            "The two ministers exchanged views on the situation in Israel and Palestine."
        )
    );
    assert!(items[3].contains("The two ministers shared the recognition that a unilateral change"));
    // Statements come before outcomes within an item.
    let stated = items[1]
        .find("Minister van Klaveren expressed understanding")
        .unwrap();
    let concurred = items[1].find("The two ministers concurred").unwrap();
    assert!(stated < concurred);
}

#[test]
fn same_zone_as_venue_has_no_parenthesis() {
    let meeting = seed_meeting();
    assert_eq!(
        timing(&meeting, chrono_tz::America::Los_Angeles),
        "On November 13, commencing at 4:00 p.m. for approximately 30 minutes"
    );
}

#[test]
fn same_date_shows_only_the_time() {
    // 10:00 a.m. in San Francisco (PST) is 3:00 p.m. in Santiago (-03, no
    // letters in the tz database: a UTC offset) and 1:00 p.m. in New York.
    let meeting = sf_at("2023-11-13T10:00:00").build().unwrap();
    assert_eq!(
        timing(&meeting, chrono_tz::America::New_York),
        "On November 13, commencing at 10:00 a.m. (local time; 1:00 p.m. EST) for 30 minutes"
    );
    assert_eq!(
        timing(&meeting, chrono_tz::America::Santiago),
        "On November 13, commencing at 10:00 a.m. (local time; 3:00 p.m. UTC-3) for 30 minutes"
    );
    // 11:00 a.m. in San Francisco is 4:00 a.m. the next day in Tokyo.
    let meeting = sf_at("2023-11-13T11:00:00").build().unwrap();
    assert_eq!(
        timing(&meeting, tokyo()),
        "On November 13, commencing at 11:00 a.m. (local time; 4:00 a.m. on November 14 JST) for 30 minutes"
    );
    // Morning in San Francisco is still the same date in Tokyo? No: 7:00 a.m.
    // PST is midnight in Tokyo on the 14th; 6:59 a.m. is 11:59 p.m. on the 13th.
    let meeting = sf_at("2023-11-13T06:59:00").build().unwrap();
    assert_eq!(
        timing(&meeting, tokyo()),
        "On November 13, commencing at 6:59 a.m. (local time; 11:59 p.m. JST) for 30 minutes"
    );
}

#[test]
fn previous_date_and_other_year_are_shown() {
    // Tokyo at 8:00 a.m. on January 1 is 3:00 p.m. on December 31 in San
    // Francisco; the year differs, so it is written.
    let meeting = Meeting::builder("Japan-United States Foreign Ministers' Meeting")
        .venue(venue("Tokyo", "JP", tokyo()))
        .starts_at("2024-01-01T08:00:00".parse().unwrap())
        .participant(kamikawa())
        .participant(blinken())
        .build()
        .unwrap();
    assert_eq!(
        timing(&meeting, chrono_tz::America::Los_Angeles),
        "On January 1, commencing at 8:00 a.m. (local time; 3:00 p.m. on December 31, 2023 PST)"
    );
}

#[test]
fn noon_midnight_and_minutes() {
    let la = chrono_tz::America::Los_Angeles;
    let cases = [
        ("2023-11-13T12:00:00", "12:00 p.m."),
        ("2023-11-13T00:00:00", "12:00 a.m."),
        ("2023-11-13T16:30:00", "4:30 p.m."),
        ("2023-11-13T09:05:00", "9:05 a.m."),
        ("2023-11-13T12:45:00", "12:45 p.m."),
        ("2023-11-13T00:15:00", "12:15 a.m."),
    ];
    for (civil, expected) in cases {
        let meeting = sf_at(civil).build().unwrap();
        assert_eq!(
            timing(&meeting, la),
            format!("On November 13, commencing at {expected} for 30 minutes"),
            "{civil}"
        );
    }
    // Noon and midnight on the reference clock too: 7:00 p.m. PST is noon
    // JST, 7:00 a.m. PST is midnight JST.
    let meeting = sf_at("2023-11-13T19:00:00").build().unwrap();
    assert!(timing(&meeting, tokyo()).contains("(local time; 12:00 p.m. on November 14 JST)"));
    let meeting = sf_at("2023-11-13T07:00:00").build().unwrap();
    assert!(timing(&meeting, tokyo()).contains("(local time; 12:00 a.m. on November 14 JST)"));
}

#[test]
fn durations_exact_approximate_and_absent() {
    let la = chrono_tz::America::Los_Angeles;
    let meeting = sf_at("2023-11-13T16:00:00")
        .duration(minutes(75))
        .build()
        .unwrap();
    assert!(timing(&meeting, la).ends_with(" for 1 hour and 15 minutes"));
    let meeting = sf_at("2023-11-13T16:00:00")
        .duration(minutes(60))
        .approximate(true)
        .build()
        .unwrap();
    assert!(timing(&meeting, la).ends_with(" for approximately 1 hour"));
    let meeting = sf_at("2023-11-13T16:00:00")
        .duration(minutes(120))
        .build()
        .unwrap();
    assert!(timing(&meeting, la).ends_with(" for 2 hours"));
    let meeting = sf_at("2023-11-13T16:00:00")
        .duration(minutes(1))
        .build()
        .unwrap();
    assert!(timing(&meeting, la).ends_with(" for 1 minute"));

    let no_duration = Meeting::builder("Japan-Chile Foreign Ministers' Meeting")
        .venue(venue("San Francisco", "US", la))
        .starts_at("2023-11-13T16:00:00".parse().unwrap())
        .participant(kamikawa())
        .participant(van_klaveren())
        .build()
        .unwrap();
    assert_eq!(
        timing(&no_duration, tokyo()),
        "On November 13, commencing at 4:00 p.m. (local time; 9:00 a.m. on November 14 JST)"
    );
    assert!(lead(&no_duration, tokyo()).starts_with(
        "On November 13, commencing at 4:00 p.m. (local time; 9:00 a.m. on November 14 JST), Ms. KAMIKAWA Yoko,"
    ));
}

#[test]
fn date_only_meeting() {
    let meeting = Meeting::builder("Japan-Chile Foreign Ministers' Video Conference")
        .mode(Mode::Video)
        .zone(tokyo())
        .starts_on(NaiveDate::from_ymd_opt(2024, 8, 15).unwrap())
        .participant(kamikawa())
        .participant(van_klaveren())
        .status(MeetingStatus::Held)
        .build()
        .unwrap();
    assert_eq!(timing(&meeting, tokyo()), "On August 15");
    // No time of day, so nothing to convert to another clock.
    assert_eq!(
        timing(&meeting, chrono_tz::America::Santiago),
        "On August 15"
    );
    assert_eq!(
        lead(&meeting, tokyo()),
        "On August 15, Ms. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan, held a video \
         conference with H.E. Mr. Alberto Leo van Klaveren Stork, Minister of Foreign Affairs of \
         the Republic of Chile."
    );
    let approx = Meeting::builder("Japan-Chile Foreign Ministers' Video Conference")
        .mode(Mode::Video)
        .zone(tokyo())
        .starts_on(NaiveDate::from_ymd_opt(2024, 8, 15).unwrap())
        .duration(minutes(20))
        .approximate(true)
        .participant(kamikawa())
        .participant(van_klaveren())
        .build()
        .unwrap();
    assert_eq!(
        timing(&approx, tokyo()),
        "On August 15 for approximately 20 minutes"
    );
}

#[test]
fn telephone_talk_reads_as_such() {
    let call = Meeting::builder("Japan-Chile Foreign Ministers' Telephone Talk")
        .mode(Mode::Telephone)
        .form(MeetingForm::Talk)
        .zone(tokyo())
        .starts_at("2023-12-20T21:00:00".parse().unwrap())
        .duration(minutes(20))
        .approximate(true)
        .participant(kamikawa())
        .participant(van_klaveren())
        .status(MeetingStatus::Held)
        .agenda_item(
            AgendaItem::builder()
                .number(1)
                .statement(
                    seed::KAMIKAWA,
                    Verb::Stated,
                    "that she was pleased to talk again.",
                )
                .outcome(
                    Verb::Agreed,
                    [seed::KAMIKAWA, seed::VAN_KLAVEREN],
                    "to stay in close contact",
                )
                .build()
                .unwrap(),
        )
        .build()
        .unwrap();
    assert_eq!(
        readout(&call, tokyo()).unwrap(),
        "Japan-Chile Foreign Ministers' Telephone Talk\n\
         \n\
         On December 20, commencing at 9:00 p.m. (JST) for approximately 20 minutes, Ms. KAMIKAWA Yoko, \
         Minister for Foreign Affairs of Japan, held a telephone talk with H.E. Mr. Alberto Leo van \
         Klaveren Stork, Minister of Foreign Affairs of the Republic of Chile.\n\
         \n\
         1. Minister Kamikawa stated that she was pleased to talk again. The two ministers agreed to \
         stay in close contact.\n"
    );
    // From Santiago's point of view the call's own zone is named, not "local time".
    assert_eq!(
        timing(&call, chrono_tz::America::Santiago),
        "On December 20, commencing at 9:00 p.m. (JST; 9:00 a.m. UTC-3) for approximately 20 minutes"
    );
}

#[test]
fn video_conference_with_occasion() {
    let call = Meeting::builder("Japan-Chile Foreign Ministers' Video Conference")
        .mode(Mode::Video)
        .zone(tokyo())
        .occasion("130th anniversary of diplomatic relations")
        .starts_at("2024-09-25T09:00:00".parse().unwrap())
        .participant(kamikawa())
        .participant(van_klaveren())
        .status(MeetingStatus::Scheduled)
        .build()
        .unwrap();
    assert_eq!(
        lead(&call, tokyo()),
        "On September 25, commencing at 9:00 a.m. (JST), Ms. KAMIKAWA Yoko, Minister for Foreign Affairs \
         of Japan, will hold a video conference with H.E. Mr. Alberto Leo van Klaveren Stork, \
         Minister of Foreign Affairs of the Republic of Chile, on the occasion of the 130th \
         anniversary of diplomatic relations."
    );
}

#[test]
fn hosted_meeting_puts_the_visit_on_the_guest() {
    let meeting = Meeting::builder("Japan-Chile Foreign Ministers' Meeting")
        .venue(venue("Tokyo", "JP", tokyo()))
        .occasion("the G7 Foreign Ministers' Meeting")
        .starts_at("2023-11-07T18:10:00".parse().unwrap())
        .duration(minutes(40))
        .approximate(true)
        .participant(kamikawa())
        .participant(van_klaveren())
        .status(MeetingStatus::Held)
        .build()
        .unwrap();
    assert_eq!(
        lead(&meeting, tokyo()),
        "On November 7, commencing at 6:10 p.m. for approximately 40 minutes, Ms. KAMIKAWA Yoko, \
         Minister for Foreign Affairs of Japan, held a meeting with H.E. Mr. Alberto Leo van \
         Klaveren Stork, Minister of Foreign Affairs of the Republic of Chile, who is visiting \
         Tokyo, Japan, to attend the G7 Foreign Ministers' Meeting."
    );
    // Hosted by the other side: the subject is the visitor.
    let meeting = Meeting::builder("Japan-Chile Foreign Ministers' Meeting")
        .venue(venue("Santiago", "CL", chrono_tz::America::Santiago))
        .starts_at("2024-05-02T10:00:00".parse().unwrap())
        .form(MeetingForm::CourtesyCall)
        .participant(kamikawa())
        .participant(van_klaveren())
        .status(MeetingStatus::Held)
        .build()
        .unwrap();
    assert_eq!(
        lead(&meeting, tokyo()),
        "On May 2, commencing at 10:00 a.m. (local time; 11:00 p.m. JST), Ms. KAMIKAWA Yoko, \
         Minister for Foreign Affairs of Japan, who is visiting Santiago, the Republic of Chile, \
         paid a courtesy call on H.E. Mr. Alberto Leo van Klaveren Stork, Minister of Foreign \
         Affairs of the Republic of Chile."
    );
}

#[test]
fn multilateral_lists_everyone() {
    let b = blinken();
    let p = park();
    let ids = [
        seed::KAMIKAWA.to_owned(),
        b.id().to_owned(),
        p.id().to_owned(),
    ];
    let meeting = Meeting::builder("Japan-U.S.-ROK Foreign Ministers' Meeting")
        .venue(venue(
            "San Francisco",
            "US",
            chrono_tz::America::Los_Angeles,
        ))
        .occasion("APEC Ministerial Meeting")
        .starts_at("2023-11-14T08:45:00".parse().unwrap())
        .duration(minutes(45))
        .participant(kamikawa())
        .participant(b.clone())
        .participant(p.clone())
        .status(MeetingStatus::Held)
        .agenda_item(
            AgendaItem::builder()
                .number(1)
                .title("North Korea")
                .statement(
                    b.id(),
                    Verb::Condemned,
                    "the launches of ballistic missiles",
                )
                .outcome(
                    Verb::Confirmed,
                    ids.clone(),
                    "that they would respond in close coordination",
                )
                .outcome(
                    Verb::Agreed,
                    [seed::KAMIKAWA, p.id()],
                    "to hold a bilateral meeting soon",
                )
                .build()
                .unwrap(),
        )
        .build()
        .unwrap();
    let text = readout(&meeting, tokyo()).unwrap();
    assert_eq!(
        text,
        "Japan-U.S.-ROK Foreign Ministers' Meeting\n\
         \n\
         On November 14, commencing at 8:45 a.m. (local time; 1:45 a.m. on November 15 JST) for \
         45 minutes, Ms. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan, who is visiting San \
         Francisco, the United States of America, to attend the APEC Ministerial Meeting, held a \
         meeting with The Honorable Antony Blinken, Secretary of State of the United States of \
         America, and H.E. Mr. Park Jin, Minister of Foreign Affairs of the Republic of Korea.\n\
         \n\
         1. North Korea\n\
         Secretary Blinken condemned the launches of ballistic missiles. The ministers confirmed \
         that they would respond in close coordination. Minister Kamikawa and Minister Park agreed \
         to hold a bilateral meeting soon.\n"
    );

    // Four countries, all of them named, commas and a final "and".
    let four = Meeting::builder("Foreign Ministers' Meeting")
        .venue(venue("Lima", "PE", chrono_tz::America::Lima))
        .starts_at("2024-08-01T12:00:00".parse().unwrap())
        .participant(kamikawa())
        .participant(b)
        .participant(p)
        .participant(van_klaveren())
        .build()
        .unwrap();
    let lead = lead(&four, chrono_tz::America::Lima);
    assert!(
        lead.starts_with("On August 1, commencing at 12:00 p.m., Ms. KAMIKAWA Yoko,"),
        "{lead}"
    );
    // Four parties: a session of a multilateral meeting, attended together.
    assert!(lead.contains(
        "will attend the Foreign Ministers' Meeting together with The Honorable Antony Blinken, \
         Secretary of State of the United States of America, H.E. Mr. Park Jin, Minister of \
         Foreign Affairs of the Republic of Korea, and H.E. Mr. Alberto Leo van Klaveren Stork,"
    ), "{lead}");
}

#[test]
fn leaders_and_short_forms_of_posts() {
    let kishida = official(
        "Mr.",
        "Fumio",
        "Kishida",
        "JP",
        Portfolio::HeadOfGovernment,
        "Prime Minister",
    );
    let boric = official(
        "H.E. Mr.",
        "Gabriel",
        "Boric Font",
        "CL",
        Portfolio::HeadOfState,
        "President",
    );
    let meeting = Meeting::builder("Japan-Chile Summit Meeting")
        .form(MeetingForm::Summit)
        .venue(venue("Tokyo", "JP", tokyo()))
        .starts_at("2024-03-04T17:00:00".parse().unwrap())
        .participant(kishida.clone())
        .participant(boric.clone())
        .status(MeetingStatus::Postponed)
        .agenda_item(
            AgendaItem::builder()
                .number(1)
                .statement(kishida.id(), Verb::Welcomed, "President Boric Font")
                .statement(boric.id(), Verb::Thanked, "Prime Minister Kishida")
                .outcome(Verb::Concurred, [kishida.id(), boric.id()], "to meet again")
                .build()
                .unwrap(),
        )
        .build()
        .unwrap();
    let text = Readout::new(tokyo()).title(false).render(&meeting).unwrap();
    assert_eq!(
        text,
        "On March 4, commencing at 5:00 p.m., Mr. Fumio Kishida, Prime Minister of Japan, was to \
         hold a summit meeting with H.E. Mr. Gabriel Boric Font, President of the Republic of Chile, \
         who is visiting Tokyo, Japan. It has been postponed.\n\
         \n\
         1. Prime Minister Kishida welcomed President Boric Font. President Boric Font thanked \
         Prime Minister Kishida. The two leaders concurred to meet again.\n"
    );
}

#[test]
fn options_select_parts() {
    let meeting = seed_meeting();
    let lead_only = Readout::new(tokyo())
        .title(false)
        .items(false)
        .render(&meeting)
        .unwrap();
    assert_eq!(lead_only.lines().count(), 1);
    assert!(lead_only.starts_with(SEED_TIMING));
    let full = readout(&meeting, tokyo()).unwrap();
    assert_eq!(full, Readout::new(tokyo()).render(&meeting).unwrap());
    assert!(full.contains(&lead_only));
}

#[cfg(feature = "json")]
#[test]
fn seed_from_json_reads_the_same() {
    // What `export --format readout` does: the JSON document, read back.
    let meeting = seed_meeting();
    let again = Meeting::from_json(&meeting.to_json().unwrap()).unwrap();
    assert_eq!(
        readout(&again, tokyo()).unwrap(),
        readout(&meeting, tokyo()).unwrap()
    );
    // A speaker that is not a participant cannot reach the readout: the
    // document is refused first.
    let json = meeting.to_json().unwrap();
    let speaker = format!("\"who\": [\n            \"{}\"", seed::KAMIKAWA);
    assert!(
        json.contains(&speaker),
        "the seed's first entry is by Kamikawa"
    );
    let bad = json.replacen(&speaker, "\"who\": [\n            \"nobody\"", 1);
    assert_eq!(
        Meeting::from_json(&bad).unwrap_err().kind(),
        diplomeet::ErrorKind::UnknownReference
    );
}

/// The reference zone of a readout: its publisher's capital (the clock the
/// publishing ministry reads), else the venue's, else UTC.
#[cfg(feature = "json")]
fn publisher_zone(m: &Meeting) -> Tz {
    m.sources()
        .iter()
        .find_map(|s| s.publisher_country().map(|c| c.capital_zone()))
        .or(m.zone())
        .unwrap_or(chrono_tz::UTC)
}

/// Real readouts of the corpus (`tests/readouts/`), re-rendered: a dual
/// post ("Tánaiste and Foreign Minister"), someone known by the post alone,
/// sessions of multilateral meetings (one a headline title), a call then a
/// lunch, and a city-state venue. Each output is a golden file read by eye
/// before it was accepted; `DIPLOMEET_BLESS=1` rewrites them.
#[cfg(feature = "json")]
#[test]
fn real_readouts_render_as_their_golden_files() {
    for (id, golden) in [
        (
            "uk-fcdo-2018-01-31-meeting-irish-foreign-minister",
            "readout-dual-post.txt",
        ),
        (
            "ca-gac-2021-11-25-joly-payne-call",
            "readout-dual-post-call.txt",
        ),
        (
            "jp-mofa-2023-06-24-g7-telephone-talk",
            "readout-session.txt",
        ),
        (
            "us-state-2022-09-09-virtual-french-german-uk",
            "readout-session-headline.txt",
        ),
        (
            "sg-mfa-2019-03-23-call-and-lunch-song-tao",
            "readout-multi-part.txt",
        ),
    ] {
        let relative = format!("tests/readouts/{id}.json");
        let Some(path) = common::oracle::repository_file(&relative, "the renderer's golden files")
        else {
            return;
        };
        let m = Meeting::from_json(&std::fs::read_to_string(path).unwrap())
            .unwrap_or_else(|e| panic!("{id}: {e}"));
        let text = readout(&m, publisher_zone(&m)).unwrap();
        common::golden(golden, &text);
    }
}

/// A hybrid meeting with two parts and a dual post, constructed: one
/// minister in the room, one calling in from their capital, a group, then a
/// working dinner the next day.
#[cfg(feature = "json")]
#[test]
fn hybrid_and_multi_part_render_as_their_golden_file() {
    let doc = r#"{
      "format": "diplomeet/2",
      "title": "Japan-Thailand-Singapore Foreign Ministers' Meeting",
      "mode": "hybrid", "status": "held",
      "venue": {"place": "Jakarta", "country": "ID", "zone": "Asia/Jakarta"},
      "occasion": "ASEAN Post Ministerial Conference",
      "start": "2023-07-13T09:00:00+07:00[Asia/Jakarta]",
      "duration": "PT45M",
      "participants": [
        {"id": "jp-hayashi", "name": {"given": "Yoshimasa", "surname": "Hayashi", "order": "surname_first", "uppercase_surname": true},
         "honorific": "Mr.", "country": "JP",
         "posts": [{"portfolio": "foreign_affairs", "title": "Minister for Foreign Affairs"}], "attendance": "in_room"},
        {"id": "th-don", "name": {"given": "Don", "surname": "Pramudwinai"}, "honorific": "H.E. Mr.", "country": "TH",
         "posts": [{"portfolio": "deputy_head_of_government", "title": "Deputy Prime Minister"},
                   {"portfolio": "foreign_affairs", "title": "Minister of Foreign Affairs"}],
         "attendance": "remote", "calling_from": {"place": "Bangkok", "country": "TH", "zone": "Asia/Bangkok"}},
        {"id": "sg-balakrishnan", "name": {"given": "Vivian", "surname": "Balakrishnan"}, "honorific": "Dr", "country": "SG",
         "posts": [{"portfolio": "foreign_affairs", "title": "Minister for Foreign Affairs"}], "attendance": "in_room"}
      ],
      "parts": [
        {"form": "meeting", "start": "2023-07-13T09:00:00+07:00[Asia/Jakarta]", "duration": "PT45M"},
        {"title": "Working dinner", "form": "working_meal", "start": "2023-07-14T19:30:00+07:00[Asia/Jakarta]",
         "duration": "PT90M", "duration_approximate": true, "participants": ["jp-hayashi", "sg-balakrishnan"]}
      ],
      "agenda": [
        {"label": "1.", "title": "Regional affairs",
         "entries": [
           {"who": ["jp-hayashi"], "verb": "stated", "text": "that Japan would keep supporting ASEAN centrality"},
           {"who": ["th-don"], "verb": "expressed_gratitude", "wording": "expressed his appreciation", "text": "for Japan's support"},
           {"who": ["jp-hayashi", "th-don", "sg-balakrishnan"], "verb": "confirmed", "text": "that they would cooperate closely"}
         ],
         "items": [
           {"label": "(1)", "title": "Myanmar",
            "entries": [{"who": ["sg-balakrishnan"], "verb": "explained", "text": "the ASEAN Five-Point Consensus"}]}
         ]}
      ],
      "sources": [{"url": "https://www.mofa.go.jp/", "publisher": "Ministry of Foreign Affairs of Japan", "publisher_country": "JP"}]
    }"#;
    let m = Meeting::from_json(doc).unwrap();
    common::golden(
        "readout-hybrid.txt",
        &readout(&m, chrono_tz::Asia::Tokyo).unwrap(),
    );
}
