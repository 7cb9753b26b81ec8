//! Stated-time checks (`Meeting::check_stated`) and DST warnings
//! (`Meeting::offset_changes`), on the seed meeting and on meetings built for
//! the purpose.
// Helpers stop loudly too: clippy.toml allows this in #[test] functions only.
#![allow(clippy::unwrap_used)]

mod common;

use chrono::{FixedOffset, TimeDelta};
use chrono_tz::Tz;
use common::{
    civil, date, hours, kamikawa, minister, minister_in, minutes, seed_meeting, van_klaveren, venue,
};
use diplomeet::schedule::{StatedTime, StatedZone};
use diplomeet::{Disambiguation, ErrorKind, Meeting, Minister, Mode};

fn stated(text: &str) -> StatedTime {
    text.parse().unwrap()
}

/// A meeting at `place` in `code`'s `zone`, from `at` (the earlier
/// occurrence in a fold) for `length` minutes, between `ministers`.
fn meeting_at(
    place: &str,
    code: &str,
    zone: Tz,
    at: &str,
    length: i64,
    ministers: Vec<Minister>,
) -> Meeting {
    Meeting::builder("A meeting")
        .venue(venue(place, code, zone))
        .starts_at(civil(at))
        .disambiguation(Disambiguation::Earlier)
        .duration(minutes(length))
        .participants(ministers)
        .build()
        .unwrap()
}

fn offset(hours: i32, minutes: i32) -> FixedOffset {
    FixedOffset::east_opt(hours * 3600 + hours.signum() * minutes * 60).unwrap()
}

// ---- stated times -------------------------------------------------------

#[test]
fn the_seed_agrees_with_9_00_jst_on_november_14() {
    let m = seed_meeting();
    let z = m.check_stated(&stated("2023-11-14T09:00 JST")).unwrap();
    assert_eq!(z.to_string(), "2023-11-14T09:00:00+09:00[Asia/Tokyo]");
    // With seconds, and by IANA name.
    let z = m
        .check_stated(&stated("2023-11-14T09:00:00 Asia/Tokyo"))
        .unwrap();
    assert_eq!(z.zone(), chrono_tz::Asia::Tokyo);
}

#[test]
fn the_seed_agrees_with_21_00_in_santiago_on_november_13() {
    let m = seed_meeting();
    let z = m
        .check_stated(&stated("2023-11-13T21:00 America/Santiago"))
        .unwrap();
    assert_eq!(z.to_string(), "2023-11-13T21:00:00-03:00[America/Santiago]");
}

#[test]
fn the_seed_agrees_with_16_00_pst_through_the_venue_zone() {
    let m = seed_meeting();
    let z = m.check_stated(&stated("2023-11-13T16:00 PST")).unwrap();
    assert_eq!(z.zone(), chrono_tz::America::Los_Angeles);
    assert_eq!(z.instant(), m.start().unwrap().instant());
}

#[test]
fn santiago_is_called_minus_03() {
    // tzdata gives Chile a numeric abbreviation; chrono-tz gives none, and
    // the check writes it as tzdata does.
    let m = seed_meeting();
    let z = m.check_stated(&stated("2023-11-13T21:00 -03")).unwrap();
    assert_eq!(z.zone(), chrono_tz::America::Santiago);
    let e = m.check_stated(&stated("2023-11-13T20:00 -03")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::StatedTimeMismatch);
}

#[test]
fn utc_and_gmt_are_accepted() {
    let m = seed_meeting();
    m.check_stated(&stated("2023-11-14T00:00 UTC")).unwrap();
    m.check_stated(&stated("2023-11-14T00:00:00 GMT")).unwrap();
    let e = m.check_stated(&stated("2023-11-13T00:00 UTC")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::StatedTimeMismatch);
}

#[test]
fn any_iana_zone_is_used_as_given() {
    // Paris is none of the seed's zones, but a name is not an abbreviation.
    let m = seed_meeting();
    let z = m
        .check_stated(&stated("2023-11-14T01:00 Europe/Paris"))
        .unwrap();
    assert_eq!(z.to_string(), "2023-11-14T01:00:00+01:00[Europe/Paris]");
}

#[test]
fn eight_o_clock_jst_is_caught_with_nine_given() {
    let m = seed_meeting();
    let e = m.check_stated(&stated("2023-11-14T08:00 JST")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::StatedTimeMismatch);
    let msg = e.to_string();
    assert!(msg.contains("2023-11-14T09:00"), "{msg}");
    assert!(msg.contains("Asia/Tokyo"), "{msg}");
    assert!(
        msg.contains("the stated time 2023-11-14T08:00 JST"),
        "{msg}"
    );
    // Exactly an hour off: the message says so, but Tokyo keeps no
    // daylight-saving time, so it does not blame one.
    assert!(msg.contains("one hour later than stated"), "{msg}");
    assert!(!msg.contains("daylight-saving"), "{msg}");
}

#[test]
fn a_one_hour_slip_is_called_a_dst_misreading_only_where_dst_is_kept() {
    // Los Angeles keeps DST: 17:00 PST for 16:00 PST is the usual slip.
    let m = seed_meeting();
    let msg = m
        .check_stated(&stated("2023-11-13T17:00 PST"))
        .unwrap_err()
        .to_string();
    assert_eq!(
        msg,
        "the stated time 2023-11-13T17:00 PST does not match the meeting: it starts at \
         2023-11-13T16:00, one hour earlier than stated (the usual daylight-saving \
         misreading), in America/Los_Angeles"
    );
    // Tokyo does not.
    let msg = m
        .check_stated(&stated("2023-11-14T10:00 JST"))
        .unwrap_err()
        .to_string();
    assert_eq!(
        msg,
        "the stated time 2023-11-14T10:00 JST does not match the meeting: it starts at \
         2023-11-14T09:00, one hour earlier than stated, in Asia/Tokyo"
    );
}

#[test]
fn a_wrong_date_is_a_mismatch_without_the_dst_note() {
    let m = seed_meeting();
    let e = m.check_stated(&stated("2023-11-13T09:00 JST")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::StatedTimeMismatch);
    let msg = e.to_string();
    assert!(
        msg.contains("it starts at 2023-11-14T09:00 in Asia/Tokyo"),
        "{msg}"
    );
    assert!(!msg.contains("daylight"), "{msg}");
}

#[test]
fn seconds_count_only_when_given() {
    // The seed starts at 16:00:00: 09:00:30 JST is wrong, 09:00 is right.
    let m = seed_meeting();
    let e = m
        .check_stated(&stated("2023-11-14T09:00:30 JST"))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::StatedTimeMismatch);
    assert!(e.to_string().contains("2023-11-14T09:00:00 in"), "{e}");

    // A meeting at 16:00:30 agrees with 09:00 JST (to the minute) and with
    // 09:00:30, not with 09:00:00.
    let m = Meeting::builder("A meeting")
        .venue(venue(
            "San Francisco",
            "US",
            chrono_tz::America::Los_Angeles,
        ))
        .starts_at(civil("2023-11-13T16:00:30"))
        .participant(kamikawa())
        .participant(van_klaveren())
        .build()
        .unwrap();
    m.check_stated(&stated("2023-11-14T09:00 JST")).unwrap();
    m.check_stated(&stated("2023-11-14T09:00:30 JST")).unwrap();
    let e = m
        .check_stated(&stated("2023-11-14T09:00:00 JST"))
        .unwrap_err();
    assert!(e.to_string().contains("2023-11-14T09:00:30"), "{e}");
}

#[test]
fn an_unknown_abbreviation_names_the_zones_considered() {
    let m = seed_meeting();
    let e = m.check_stated(&stated("2023-11-14T09:00 XYZ")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnknownAbbreviation);
    let msg = e.to_string();
    for part in [
        "\"XYZ\"",
        "America/Los_Angeles is PST",
        "Asia/Tokyo is JST",
        "America/Santiago is -03",
    ] {
        assert!(msg.contains(part), "{part}: {msg}");
    }
}

#[test]
fn an_abbreviation_is_read_at_the_meeting_instant() {
    // In November Los Angeles is on PST: PDT names no zone of the seed then,
    // but Los Angeles in summer. 17:00 PDT is the right instant (00:00Z),
    // on the wrong clock: a mismatch that gives the clock's time.
    let m = seed_meeting();
    let e = m.check_stated(&stated("2023-11-13T17:00 PDT")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::StatedTimeMismatch);
    assert_eq!(
        e.to_string(),
        "the stated time 2023-11-13T17:00 PDT does not match the meeting: it starts at \
         2023-11-13T16:00 PST in America/Los_Angeles, which is on PST (UTC-08:00), not PDT \
         (UTC-07:00), at that time: the stated time is the right instant, on the wrong clock"
    );
    // 16:00 PDT has the clock's time but the wrong abbreviation (and so the
    // wrong instant): still a mismatch, without the note.
    let e = m.check_stated(&stated("2023-11-13T16:00 PDT")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::StatedTimeMismatch);
    let msg = e.to_string();
    assert!(
        msg.contains("it starts at 2023-11-13T16:00 PST in America/Los_Angeles"),
        "{msg}"
    );
    assert!(msg.contains("not PDT (UTC-07:00)"), "{msg}");
    assert!(!msg.contains("right instant"), "{msg}");
    // An IANA zone that happens to be called EST is not one of the seed's.
    let e = m.check_stated(&stated("2023-11-13T19:00 EST")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnknownAbbreviation);
}

#[test]
fn cst_in_chicago_and_shanghai_is_ambiguous() {
    let m = meeting_at(
        "Chicago",
        "US",
        chrono_tz::America::Chicago,
        "2023-11-13T19:00",
        60,
        vec![
            minister_in("Jane", "Doe", "US", chrono_tz::America::Chicago),
            minister("Wang", "Li", "CN"),
        ],
    );
    assert_eq!(
        m.participants()[1].minister().unwrap().home_zone(),
        chrono_tz::Asia::Shanghai
    );
    let e = m.check_stated(&stated("2023-11-13T19:00 CST")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::AmbiguousAbbreviation);
    let msg = e.to_string();
    assert!(msg.contains("\"CST\""), "{msg}");
    assert!(msg.contains("America/Chicago (UTC-06:00)"), "{msg}");
    assert!(msg.contains("Asia/Shanghai (UTC+08:00)"), "{msg}");
    // The IANA names settle it.
    m.check_stated(&stated("2023-11-13T19:00 America/Chicago"))
        .unwrap();
    m.check_stated(&stated("2023-11-14T09:00 Asia/Shanghai"))
        .unwrap();
}

#[test]
fn several_zones_with_one_abbreviation_and_offset_are_fine() {
    // Berlin and Paris are both CET (+01:00) in November.
    let m = meeting_at(
        "Berlin",
        "DE",
        chrono_tz::Europe::Berlin,
        "2023-11-13T10:00",
        60,
        vec![
            minister("Anna", "Schmidt", "DE"),
            minister("Marie", "Dupont", "FR"),
        ],
    );
    let z = m.check_stated(&stated("2023-11-13T10:00 CET")).unwrap();
    assert_eq!(z.zone(), chrono_tz::Europe::Berlin, "the first zone wins");
    let e = m.check_stated(&stated("2023-11-13T11:00 CET")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::StatedTimeMismatch);
    // In July both are CEST.
    let m = meeting_at(
        "Berlin",
        "DE",
        chrono_tz::Europe::Berlin,
        "2023-07-13T10:00",
        60,
        vec![
            minister("Anna", "Schmidt", "DE"),
            minister("Marie", "Dupont", "FR"),
        ],
    );
    m.check_stated(&stated("2023-07-13T10:00 CEST")).unwrap();
    // In July CET names neither at that instant, but both in winter, with
    // one offset and one summer name: one answer, the first zone.
    let e = m.check_stated(&stated("2023-07-13T09:00 CET")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::StatedTimeMismatch);
    let msg = e.to_string();
    assert!(
        msg.contains("it starts at 2023-07-13T10:00 CEST in Europe/Berlin, which is on CEST"),
        "{msg}"
    );
    assert!(msg.contains("the right instant"), "{msg}");
}

#[test]
fn a_remote_meeting_resolves_in_its_stated_zone() {
    let m = Meeting::builder("A telephone talk")
        .mode(Mode::Telephone)
        .zone(chrono_tz::Asia::Tokyo)
        .starts_at(civil("2023-11-14T09:00"))
        .participant(kamikawa())
        .participant(minister("Jane", "Doe", "US"))
        .build()
        .unwrap();
    m.check_stated(&stated("2023-11-14T09:00 JST")).unwrap();
    m.check_stated(&stated("2023-11-13T19:00 EST")).unwrap();
}

#[test]
fn a_date_only_meeting_has_no_time_to_check() {
    let m = Meeting::builder("A meeting")
        .venue(venue("Tokyo", "JP", chrono_tz::Asia::Tokyo))
        .starts_on(date(2023, 11, 14))
        .participant(kamikawa())
        .participant(van_klaveren())
        .build()
        .unwrap();
    let e = m.check_stated(&stated("2023-11-14T09:00 JST")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NoTimeOfDay);
    assert_eq!(
        m.offset_changes().unwrap_err().kind(),
        ErrorKind::NoTimeOfDay
    );
}

#[test]
fn stated_times_parse_and_print() {
    let t = stated("2023-11-14T09:00   JST");
    assert_eq!(t.zone(), &StatedZone::Abbreviation("JST".into()));
    assert_eq!(t.civil(), civil("2023-11-14T09:00"));
    assert_eq!(t.to_string(), "2023-11-14T09:00 JST");
    // No zone at all: a time the readout states without one, checked
    // against the meeting's own civil time.
    let unstated = stated("2023-11-14T09:00");
    assert_eq!(unstated.zone(), &StatedZone::Unstated);
    assert_eq!(unstated.to_string(), "2023-11-14T09:00");
    for bad in [
        "09:00 JST",
        "2023-11-14T9:00 JST",
        "2023-11-14T09:00 JST extra",
        "2023-11-14T09:00 Mars/Olympus",
    ] {
        let e = bad.parse::<StatedTime>().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidTimestamp, "{bad}");
    }
}

#[test]
fn z_is_utc() {
    let t = stated("2023-11-14T00:00 Z");
    assert_eq!(t.zone(), &StatedZone::Named(Tz::UTC));
    assert_eq!(t.to_string(), "2023-11-14T00:00 UTC");
    let m = seed_meeting();
    let z = m.check_stated(&t).unwrap();
    assert_eq!(z.zone(), Tz::UTC);
    let e = m.check_stated(&stated("2023-11-14T01:00 Z")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::StatedTimeMismatch);
}

#[test]
fn numeric_abbreviations_compare_by_offset() {
    // Santiago in July is -04, which -0400 states too.
    let m = meeting_at(
        "Santiago",
        "CL",
        chrono_tz::America::Santiago,
        "2024-07-01T10:00",
        30,
        vec![
            minister("Alberto", "van Klaveren", "CL"),
            minister("Yoko", "Kamikawa", "JP"),
        ],
    );
    for text in ["2024-07-01T10:00 -04", "2024-07-01T10:00 -0400"] {
        let z = m.check_stated(&stated(text)).unwrap();
        assert_eq!(z.zone(), chrono_tz::America::Santiago, "{text}");
    }
    let e = m
        .check_stated(&stated("2024-07-01T11:00 -0400"))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::StatedTimeMismatch);
    // A numeric offset matches by offset whatever letters the zone uses:
    // Tokyo is JST, and +09, +0900, UTC+9 and GMT+9 all name its clock.
    for text in [
        "2024-07-01T23:00 +09",
        "2024-07-01T23:00 +0900",
        "2024-07-01T23:00 UTC+9",
        "2024-07-01T23:00 GMT+9",
        "2024-07-01T23:00 +09:00",
    ] {
        let z = m.check_stated(&stated(text)).unwrap();
        assert_eq!(z.zone(), chrono_tz::Asia::Tokyo, "{text}");
    }
    let e = m
        .check_stated(&stated("2024-07-01T22:00 UTC+9"))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::StatedTimeMismatch);
    assert!(e.to_string().contains("2024-07-01T23:00"), "{e}");
    // An offset none of the meeting's zones is on names the instant alone:
    // 22:00 at UTC+8 is 23:00 in Tokyo.
    let z = m.check_stated(&stated("2024-07-01T22:00 UTC+8")).unwrap();
    assert_eq!(z.zone(), chrono_tz::America::Santiago);
    let e = m
        .check_stated(&stated("2024-07-01T21:00 UTC+8"))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::StatedTimeMismatch);
    assert!(
        e.to_string().contains("2024-07-01T22:00 in UTC+08:00"),
        "{e}"
    );
}

#[test]
fn santiago_s_winter_offset_in_november_is_a_misreading() {
    // The seed's Santiago is on -03 in November; -04 is its winter name.
    // 20:00 -04 is the right instant (00:00Z), on the wrong clock.
    let m = seed_meeting();
    for text in ["2023-11-13T20:00 -04", "2023-11-13T20:00 -0400"] {
        let e = m.check_stated(&stated(text)).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::StatedTimeMismatch, "{text}");
        let msg = e.to_string();
        assert!(
            msg.contains(
                "it starts at 2023-11-13T21:00 -03 in America/Santiago, which is on -03 \
                 (UTC-03:00), not"
            ),
            "{msg}"
        );
        assert!(
            msg.contains("the right instant, on the wrong clock"),
            "{msg}"
        );
    }
}

#[test]
fn the_other_abbreviation_in_a_fold() {
    // New York at 01:30 EDT (the first of two) on 2026-11-01.
    let m = meeting_at(
        "New York",
        "US",
        chrono_tz::America::New_York,
        "2026-11-01T01:30",
        30,
        vec![
            minister("Jane", "Doe", "US"),
            minister("Yoko", "Kamikawa", "JP"),
        ],
    );
    m.check_stated(&stated("2026-11-01T01:30 EDT")).unwrap();
    // 01:30 EST is the second 01:30, an hour later.
    let msg = m
        .check_stated(&stated("2026-11-01T01:30 EST"))
        .unwrap_err()
        .to_string();
    assert!(
        msg.contains("it starts at 2026-11-01T01:30 EDT in America/New_York"),
        "{msg}"
    );
    assert!(msg.contains("not EST (UTC-05:00)"), "{msg}");
    assert!(!msg.contains("right instant"), "{msg}");
    // 00:30 EST is 05:30Z, the meeting's instant.
    let msg = m
        .check_stated(&stated("2026-11-01T00:30 EST"))
        .unwrap_err()
        .to_string();
    assert!(msg.contains("the right instant"), "{msg}");
}

#[test]
fn a_misreading_two_different_zones_share_is_ambiguous() {
    // In July Chicago (-05:00) and Havana (-04:00) are both CDT; both are
    // CST in winter, at different offsets.
    let m = meeting_at(
        "Chicago",
        "US",
        chrono_tz::America::Chicago,
        "2024-07-01T10:00",
        30,
        vec![
            minister_in("Jane", "Doe", "US", chrono_tz::America::Chicago),
            minister_in("Bruno", "Rodriguez", "CU", chrono_tz::America::Havana),
        ],
    );
    let e = m.check_stated(&stated("2024-07-01T09:00 CST")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::AmbiguousAbbreviation);
    let msg = e.to_string();
    assert!(msg.contains("America/Chicago (UTC-06:00"), "{msg}");
    assert!(msg.contains("America/Havana (UTC-05:00"), "{msg}");
    // A summer abbreviation neither ever uses stays unknown.
    let e = m.check_stated(&stated("2024-07-01T10:00 PDT")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnknownAbbreviation);
}

// ---- DST warnings -------------------------------------------------------

#[test]
fn the_seed_has_no_offset_change() {
    assert!(seed_meeting().offset_changes().unwrap().is_empty());
}

#[test]
fn new_york_falling_back_is_flagged() {
    // 01:00-04:00 (the first 01:00) to 03:00-05:00 on 2026-11-01: the clocks
    // go back at 06:00Z.
    let m = meeting_at(
        "New York",
        "US",
        chrono_tz::America::New_York,
        "2026-11-01T01:00",
        180,
        vec![
            minister("Jane", "Doe", "US"),
            minister("Yoko", "Kamikawa", "JP"),
        ],
    );
    assert_eq!(m.end().unwrap().to_rfc3339(), "2026-11-01T03:00:00-05:00");
    let changes = m.offset_changes().unwrap();
    assert_eq!(changes.len(), 1, "{changes:?}");
    let c = &changes[0];
    assert_eq!(c.zone(), chrono_tz::America::New_York);
    assert!(c.is_meeting_zone());
    assert_eq!(c.participants(), [m.participants()[0].id().to_owned()]);
    assert_eq!(c.instant().to_rfc3339(), "2026-11-01T06:00:00+00:00");
    assert_eq!(c.before(), offset(-4, 0));
    assert_eq!(c.after(), offset(-5, 0));
    assert_eq!(c.shift(), hours(-1));
    assert_eq!(
        c.to_string(),
        format!(
            "America/New_York changes from -04:00 to -05:00 at 2026-11-01T06:00:00Z ({})",
            m.participants()[0].id()
        )
    );
}

#[test]
fn a_participant_zone_is_flagged_when_the_venue_is_steady() {
    // Tokyo has no DST; the American participant's New York does.
    let m = meeting_at(
        "Tokyo",
        "JP",
        chrono_tz::Asia::Tokyo,
        "2026-11-01T14:30",
        60,
        vec![
            minister("Jane", "Doe", "US"),
            minister("Yoko", "Kamikawa", "JP"),
        ],
    );
    let changes = m.offset_changes().unwrap();
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(changes[0].zone(), chrono_tz::America::New_York);
    assert!(!changes[0].is_meeting_zone());
    assert_eq!(
        changes[0].instant().to_rfc3339(),
        "2026-11-01T06:00:00+00:00"
    );
}

#[test]
fn the_span_is_half_open() {
    let people = || {
        vec![
            minister("Jane", "Doe", "US"),
            minister("Yoko", "Kamikawa", "JP"),
        ]
    };
    // Ends at 01:00-05:00 = 06:00Z, the instant of the change: not during.
    let ends_at = meeting_at(
        "New York",
        "US",
        chrono_tz::America::New_York,
        "2026-11-01T00:00",
        120,
        people(),
    );
    assert_eq!(
        ends_at.end().unwrap().instant().to_rfc3339(),
        "2026-11-01T06:00:00+00:00"
    );
    assert!(ends_at.offset_changes().unwrap().is_empty());
    // One second longer: the last second is on the new offset.
    let m = Meeting::builder("A meeting")
        .venue(venue("New York", "US", chrono_tz::America::New_York))
        .starts_at(civil("2026-11-01T00:00"))
        .duration(TimeDelta::try_seconds(7201).unwrap())
        .participants(people())
        .build()
        .unwrap();
    assert_eq!(m.offset_changes().unwrap().len(), 1);
    // Starts at the second 01:00 (-05:00) = 06:00Z: the whole meeting is on
    // the new offset.
    let starts_at = Meeting::builder("A meeting")
        .venue(venue("New York", "US", chrono_tz::America::New_York))
        .starts_at(civil("2026-11-01T01:00"))
        .disambiguation(Disambiguation::Later)
        .duration(hours(2))
        .participants(people())
        .build()
        .unwrap();
    assert!(starts_at.offset_changes().unwrap().is_empty());
}

#[test]
fn lord_howe_moves_by_thirty_minutes() {
    // Lord Howe Island leaves DST (+11:00) for +10:30 at 02:00 local on
    // 2026-04-05, i.e. 2026-04-04T15:00Z.
    let m = meeting_at(
        "Lord Howe Island",
        "AU",
        chrono_tz::Australia::Lord_Howe,
        "2026-04-05T01:00",
        120,
        vec![
            minister_in("Sam", "Jones", "AU", chrono_tz::Australia::Lord_Howe),
            minister("Yoko", "Kamikawa", "JP"),
        ],
    );
    let changes = m.offset_changes().unwrap();
    assert_eq!(changes.len(), 1, "{changes:?}");
    let c = &changes[0];
    assert_eq!(c.zone(), chrono_tz::Australia::Lord_Howe);
    assert_eq!(c.instant().to_rfc3339(), "2026-04-04T15:00:00+00:00");
    assert_eq!(c.before(), offset(11, 0));
    assert_eq!(c.after(), offset(10, 30));
    assert_eq!(c.shift(), minutes(-30));
}

#[test]
fn a_meeting_without_duration_has_no_span() {
    let m = Meeting::builder("A meeting")
        .venue(venue("Tokyo", "JP", chrono_tz::Asia::Tokyo))
        .starts_at(civil("2023-11-14T09:00"))
        .participant(kamikawa())
        .participant(van_klaveren())
        .build()
        .unwrap();
    assert_eq!(
        m.offset_changes().unwrap_err().kind(),
        ErrorKind::NoDuration
    );
}

#[test]
fn every_zone_changing_at_once_is_listed_once_each() {
    // New York and Chicago both fall back on 2026-11-01, an hour apart in
    // UTC (06:00Z and 07:00Z); a four-hour meeting spans both.
    let m = meeting_at(
        "New York",
        "US",
        chrono_tz::America::New_York,
        "2026-11-01T00:30",
        240,
        vec![
            minister("Jane", "Doe", "US"),
            minister_in("John", "Roe", "US", chrono_tz::America::Chicago),
            minister_in("Ann", "Poe", "US", chrono_tz::America::New_York),
            minister("Yoko", "Kamikawa", "JP"),
        ],
    );
    let changes = m.offset_changes().unwrap();
    let got: Vec<(Tz, String, usize)> = changes
        .iter()
        .map(|c| (c.zone(), c.instant().to_rfc3339(), c.participants().len()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                chrono_tz::America::New_York,
                "2026-11-01T06:00:00+00:00".to_owned(),
                2
            ),
            (
                chrono_tz::America::Chicago,
                "2026-11-01T07:00:00+00:00".to_owned(),
                1
            ),
        ]
    );
}

/// Abbreviations that ministries write and tzdata does not (it calls these
/// zones `+08`, `-05`, ...): read through the documented table, for the
/// zones it lists.
#[test]
fn regional_abbreviations_from_the_table() {
    use chrono_tz::{America, Asia};
    // Singapore and Malaysia meet in Singapore at 10:00 (+08).
    let m = meeting_at(
        "Singapore",
        "SG",
        Asia::Singapore,
        "2024-03-04T10:00",
        45,
        vec![
            minister("Vivian", "Balakrishnan", "SG"),
            minister("Mohamad", "Hasan", "MY"),
        ],
    );
    assert_eq!(
        m.check_stated(&stated("2024-03-04T10:00 SGT"))
            .unwrap()
            .zone(),
        Asia::Singapore
    );
    assert_eq!(
        m.check_stated(&stated("2024-03-04T10:00 MYT"))
            .unwrap()
            .zone(),
        Asia::Kuala_Lumpur
    );
    let e = m.check_stated(&stated("2024-03-04T11:00 SGT")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::StatedTimeMismatch);
    assert!(e.to_string().contains("2024-03-04T10:00"), "{e}");
    // PET is Lima's, not one of this meeting's zones.
    let e = m.check_stated(&stated("2024-03-03T21:00 PET")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnknownAbbreviation);

    // Lima, Bangkok, Buenos Aires, Sao Paulo: one meeting, four clocks.
    let m = meeting_at(
        "Lima",
        "PE",
        America::Lima,
        "2024-11-14T08:00",
        30,
        vec![
            minister("Elmer", "Schialer", "PE"),
            minister("Maris", "Sangiampongsa", "TH"),
            minister("Diana", "Mondino", "AR"),
            minister("Mauro", "Vieira", "BR"),
        ],
    );
    for text in [
        "2024-11-14T08:00 PET",
        "2024-11-14T20:00 ICT",
        "2024-11-14T10:00 ART",
        "2024-11-14T10:00 BRT",
    ] {
        m.check_stated(&stated(text))
            .unwrap_or_else(|e| panic!("{text}: {e}"));
    }
}

/// Chile's summer name in its winter is the zone meant, misnamed; GST for a
/// meeting of the Gulf and South Georgia is ambiguous.
#[test]
fn table_abbreviations_misnamed_and_ambiguous() {
    use chrono_tz::{America, Asia, Atlantic};
    let m = meeting_at(
        "Santiago",
        "CL",
        America::Santiago,
        "2024-07-01T10:00",
        30,
        vec![
            minister("Alberto", "van Klaveren", "CL"),
            minister("Yoko", "Kamikawa", "JP"),
        ],
    );
    m.check_stated(&stated("2024-07-01T10:00 CLT")).unwrap();
    let e = m
        .check_stated(&stated("2024-07-01T11:00 CLST"))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::StatedTimeMismatch);
    let msg = e.to_string();
    assert!(msg.contains("America/Santiago"), "{msg}");
    assert!(
        msg.contains("the right instant, on the wrong clock"),
        "{msg}"
    );

    let m = meeting_at(
        "Dubai",
        "AE",
        Asia::Dubai,
        "2024-07-01T10:00",
        30,
        vec![
            minister("Abdullah", "bin Zayed", "AE"),
            minister_in("Some", "Official", "GB", Atlantic::South_Georgia),
        ],
    );
    let e = m.check_stated(&stated("2024-07-01T10:00 GST")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::AmbiguousAbbreviation);
    assert!(e.to_string().contains("Asia/Dubai"), "{e}");
}

/// In a stated time, 24:00 is the end of that day.
#[test]
fn twenty_four_hundred_is_the_end_of_the_day() {
    let t = stated("2023-11-13T24:00 JST");
    assert_eq!(t.civil(), civil("2023-11-14T00:00"));
    assert_eq!(
        stated("2023-12-31T24:00:00 UTC").civil(),
        civil("2024-01-01T00:00")
    );
    // The seed: 16:00 in San Francisco is 24:00 UTC on November 13.
    let m = seed_meeting();
    m.check_stated(&stated("2023-11-13T24:00 UTC")).unwrap();
    // Not in RFC 9557 text, nor past 24:00.
    assert!(
        "2023-11-13T24:00:00+00:00[UTC]"
            .parse::<diplomeet::ZonedDateTime>()
            .is_err()
    );
    assert!("2023-11-13T24:01 UTC".parse::<StatedTime>().is_err());
    // The last day: its 24:00 would be in year 10000, which no text form
    // writes back (found by the codes_and_zones fuzz target).
    let e = "9999-12-31T24:00 UTC".parse::<StatedTime>().unwrap_err();
    assert!(e.to_string().contains("past 9999-12-31"), "{e}");
    assert_eq!(
        stated("9999-12-30T24:00 UTC").civil(),
        civil("9999-12-31T00:00")
    );
}
