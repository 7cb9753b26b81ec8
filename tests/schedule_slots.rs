//! Working hours (DST days, Santiago's midnight gap, Friday–Saturday
//! weekends), itineraries, and the free-slot search: its reasons, and its
//! results against a brute-force reference on small random instances.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::{
    DateTime, Datelike, NaiveDate, NaiveTime, TimeDelta, TimeZone, Timelike, Utc, Weekday,
};
use chrono_tz::Tz;
use diplomeet::schedule::{
    Attendee, Calendar, Itinerary, NoFitReason, SlotSearch, Weekend, WorkingHours,
};
use diplomeet::time::{parse_civil, parse_zone};
use diplomeet::{
    Country, ErrorKind, Meeting, Minister, PersonName, Portfolio, Post, Venue, ZonedDateTime,
};
use proptest::prelude::*;

fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).single().unwrap()
}

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn minister(given: &str, surname: &str, code: &str, zone: Option<Tz>) -> Minister {
    let name = PersonName::builder()
        .given(given)
        .surname(surname)
        .build()
        .unwrap();
    let mut b = Minister::builder(name, Country::from_code(code).unwrap())
        .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs").unwrap());
    if let Some(z) = zone {
        b = b.home_zone(z);
    }
    b.build().unwrap()
}

fn kamikawa() -> Minister {
    minister("Yoko", "Kamikawa", "JP", None)
}

fn van_klaveren() -> Minister {
    minister("Alberto", "van Klaveren", "CL", None)
}

fn total(spans: &[(DateTime<Utc>, DateTime<Utc>)]) -> TimeDelta {
    spans
        .iter()
        .fold(TimeDelta::zero(), |acc, (s, e)| acc + (*e - *s))
}

fn one_day(day: Weekday, start: NaiveTime, end: NaiveTime) -> WorkingHours {
    WorkingHours::builder()
        .range(day, start, end)
        .build()
        .unwrap()
}

// ---------------------------------------------------------------- weekends

#[test]
fn weekends_follow_cldr() {
    let of = |code: &str| Weekend::of(&Country::from_code(code).unwrap());
    let fri_sat = Weekend::from_days([Weekday::Fri, Weekday::Sat]);
    for code in ["SA", "BH", "KW", "QA", "OM", "EG", "IL", "JO", "YE"] {
        assert_eq!(of(code), fri_sat, "{code}");
    }
    assert_eq!(of("AF"), Weekend::from_days([Weekday::Thu, Weekday::Fri]));
    assert_eq!(of("IR"), Weekend::from_days([Weekday::Fri]));
    assert_eq!(of("IN"), Weekend::from_days([Weekday::Sun]));
    assert_eq!(of("UG"), Weekend::from_days([Weekday::Sun]));
    // The UAE moved to Saturday-Sunday in 2022; CLDR 48 follows.
    for code in ["AE", "JP", "CL", "US", "EU", "XK"] {
        assert_eq!(of(code), Weekend::SATURDAY_SUNDAY, "{code}");
    }
    let custom = Country::builder("XA")
        .name("ASEAN")
        .capital_zone(chrono_tz::Asia::Jakarta)
        .build()
        .unwrap();
    assert_eq!(Weekend::of(&custom), Weekend::SATURDAY_SUNDAY);
}

#[test]
fn friday_saturday_country_works_sunday_not_friday() {
    let hours = WorkingHours::default_for(&Country::from_code("SA").unwrap());
    let riyadh = chrono_tz::Asia::Riyadh; // +03:00
    // Thursday 2024-06-13 to Monday 2024-06-17.
    let spans = hours
        .intervals(riyadh, utc(2024, 6, 13, 0, 0), utc(2024, 6, 17, 0, 0))
        .unwrap();
    // Thursday and Sunday, 09:00-18:00 local = 06:00-15:00 UTC; no Friday or Saturday.
    assert_eq!(
        spans,
        [
            (utc(2024, 6, 13, 6, 0), utc(2024, 6, 13, 15, 0)),
            (utc(2024, 6, 16, 6, 0), utc(2024, 6, 16, 15, 0)),
        ]
    );
}

// ------------------------------------------------------------ working hours

#[test]
fn new_york_spring_forward_day() {
    let ny = chrono_tz::America::New_York;
    let (from, to) = (utc(2026, 3, 7, 0, 0), utc(2026, 3, 10, 0, 0));
    // 00:00-12:00 on Sunday 2026-03-08 crosses the 02:00 gap: 11 hours.
    let spans = one_day(Weekday::Sun, t(0, 0), t(12, 0))
        .intervals(ny, from, to)
        .unwrap();
    assert_eq!(spans, [(utc(2026, 3, 8, 5, 0), utc(2026, 3, 8, 16, 0))]);
    // 09:00-18:00 is clear of the gap: still 9 hours.
    let spans = one_day(Weekday::Sun, t(9, 0), t(18, 0))
        .intervals(ny, from, to)
        .unwrap();
    assert_eq!(total(&spans), TimeDelta::try_hours(9).unwrap());
    assert_eq!(spans[0].0, utc(2026, 3, 8, 13, 0));
    // Compatible moves a civil time in the gap forward by the gap's length:
    // a range inside the gap keeps its length, after the gap (03:00-03:30
    // EDT), and one that starts in it starts late (02:30 is read as 03:30).
    let inside = one_day(Weekday::Sun, t(2, 0), t(2, 30))
        .intervals(ny, from, to)
        .unwrap();
    assert_eq!(inside, [(utc(2026, 3, 8, 7, 0), utc(2026, 3, 8, 7, 30))]);
    let late = one_day(Weekday::Sun, t(2, 30), t(4, 0))
        .intervals(ny, from, to)
        .unwrap();
    assert_eq!(late, [(utc(2026, 3, 8, 7, 30), utc(2026, 3, 8, 8, 0))]);
}

#[test]
fn new_york_fall_back_day_is_longer() {
    let ny = chrono_tz::America::New_York;
    let spans = one_day(Weekday::Sun, t(0, 0), t(12, 0))
        .intervals(ny, utc(2026, 10, 31, 0, 0), utc(2026, 11, 3, 0, 0))
        .unwrap();
    assert_eq!(total(&spans), TimeDelta::try_hours(13).unwrap());
    let whole = one_day(Weekday::Sun, t(0, 0), NaiveTime::MIN)
        .intervals(ny, utc(2026, 10, 31, 0, 0), utc(2026, 11, 3, 0, 0))
        .unwrap();
    assert_eq!(total(&whole), TimeDelta::try_hours(25).unwrap());
}

#[test]
fn santiago_midnight_gap() {
    // 2026-09-06: Santiago goes from 24:00 -04 to 01:00 -03; the day starts at 01:00.
    let scl = parse_zone("America/Santiago").unwrap();
    let (from, to) = (utc(2026, 9, 4, 0, 0), utc(2026, 9, 8, 0, 0));
    let spans = one_day(Weekday::Sun, t(0, 0), t(12, 0))
        .intervals(scl, from, to)
        .unwrap();
    assert_eq!(spans, [(utc(2026, 9, 6, 4, 0), utc(2026, 9, 6, 15, 0))]);
    // The whole of that day is 23 hours.
    let whole = one_day(Weekday::Sun, t(0, 0), NaiveTime::MIN)
        .intervals(scl, from, to)
        .unwrap();
    assert_eq!(total(&whole), TimeDelta::try_hours(23).unwrap());
    // Saturday until midnight and Sunday from midnight join up across the gap.
    let night = WorkingHours::builder()
        .range(Weekday::Sat, t(20, 0), NaiveTime::MIN)
        .range(Weekday::Sun, t(0, 0), t(2, 0))
        .build()
        .unwrap();
    assert_eq!(
        night.intervals(scl, from, to).unwrap(),
        [(utc(2026, 9, 6, 0, 0), utc(2026, 9, 6, 5, 0))]
    );
    // Fall back, 2026-04-05: 23:00-24:00 on Saturday happens twice.
    let sat = one_day(Weekday::Sat, t(0, 0), NaiveTime::MIN)
        .intervals(scl, utc(2026, 4, 3, 0, 0), utc(2026, 4, 7, 0, 0))
        .unwrap();
    assert_eq!(total(&sat), TimeDelta::try_hours(25).unwrap());
}

#[test]
fn hours_are_validated() {
    let err = WorkingHours::builder()
        .range(Weekday::Mon, t(9, 0), t(12, 0))
        .range(Weekday::Mon, t(11, 0), t(14, 0))
        .range(Weekday::Tue, t(18, 0), t(9, 0))
        .range(Weekday::Wed, t(0, 0), t(0, 0).with_nanosecond(5).unwrap())
        .build()
        .unwrap_err();
    let found: Vec<(ErrorKind, &str)> = err
        .violations()
        .iter()
        .map(|v| (v.kind(), v.path()))
        .collect();
    assert_eq!(
        found,
        [
            (ErrorKind::InvalidValue, "ranges[2]"),
            (ErrorKind::InvalidValue, "ranges[3]"),
            (ErrorKind::InvalidValue, "ranges[1]"),
        ]
    );
    assert!(err.to_string().contains("overlaps 09:00–12:00"), "{err}");
    // Touching ranges are fine and come out as one interval.
    let touching = WorkingHours::builder()
        .range(Weekday::Mon, t(9, 0), t(12, 0))
        .range(Weekday::Mon, t(12, 0), t(14, 0))
        .build()
        .unwrap();
    let spans = touching
        .intervals(chrono_tz::UTC, utc(2026, 1, 5, 0, 0), utc(2026, 1, 6, 0, 0))
        .unwrap();
    assert_eq!(spans, [(utc(2026, 1, 5, 9, 0), utc(2026, 1, 5, 14, 0))]);
}

// -------------------------------------------------------------- itineraries

fn apec() -> Itinerary {
    Itinerary::builder()
        .stay(
            "San Francisco",
            chrono_tz::America::Los_Angeles,
            date(2023, 11, 13),
            date(2023, 11, 16),
        )
        .build()
        .unwrap()
}

#[test]
fn itinerary_zone_and_bounds() {
    let trip = apec();
    let tokyo = chrono_tz::Asia::Tokyo;
    let la = chrono_tz::America::Los_Angeles;
    // The stay runs from 00:00 PST on the 13th (08:00 UTC) to 00:00 PST on the 17th.
    assert_eq!(trip.stays()[0].start(), utc(2023, 11, 13, 8, 0));
    assert_eq!(trip.stays()[0].end(), utc(2023, 11, 17, 8, 0));
    assert_eq!(trip.zone_at(utc(2023, 11, 13, 7, 59), tokyo), tokyo);
    assert_eq!(trip.zone_at(utc(2023, 11, 13, 8, 0), tokyo), la);
    assert_eq!(trip.zone_at(utc(2023, 11, 17, 7, 59), tokyo), la);
    assert_eq!(trip.zone_at(utc(2023, 11, 17, 8, 0), tokyo), tokyo);
}

#[test]
fn kamikawa_works_san_francisco_hours_at_apec() {
    let hours = WorkingHours::default_for(&Country::from_code("JP").unwrap());
    let spans = hours
        .intervals_following(
            &apec(),
            chrono_tz::Asia::Tokyo,
            utc(2023, 11, 14, 0, 0),
            utc(2023, 11, 16, 0, 0),
        )
        .unwrap();
    // Monday 16:00-18:00, Tuesday and Wednesday 09:00-18:00 PST (UTC-8); clipped.
    assert_eq!(
        spans,
        [
            (utc(2023, 11, 14, 0, 0), utc(2023, 11, 14, 2, 0)),
            (utc(2023, 11, 14, 17, 0), utc(2023, 11, 15, 2, 0)),
            (utc(2023, 11, 15, 17, 0), utc(2023, 11, 16, 0, 0)),
        ]
    );
    // At home the same UTC days hold Tokyo's hours instead.
    let home = hours
        .intervals(
            chrono_tz::Asia::Tokyo,
            utc(2023, 11, 14, 0, 0),
            utc(2023, 11, 16, 0, 0),
        )
        .unwrap();
    assert_eq!(home[0], (utc(2023, 11, 14, 0, 0), utc(2023, 11, 14, 9, 0)));
}

#[test]
fn itinerary_later_stay_wins_and_dates_must_not_overlap() {
    // Going east: Santiago until the 12th, Tokyo from the 13th. Tokyo's
    // midnight on the 13th (15:00 UTC on the 12th) comes first: Tokyo wins.
    let trip = Itinerary::builder()
        .stay(
            "Tokyo",
            chrono_tz::Asia::Tokyo,
            date(2023, 11, 13),
            date(2023, 11, 14),
        )
        .stay(
            "Santiago",
            parse_zone("America/Santiago").unwrap(),
            date(2023, 11, 10),
            date(2023, 11, 12),
        )
        .build()
        .unwrap();
    let home = chrono_tz::Europe::London;
    assert_eq!(trip.stays()[0].place(), "Santiago");
    assert_eq!(
        trip.zone_at(utc(2023, 11, 12, 14, 59), home).name(),
        "America/Santiago"
    );
    assert_eq!(
        trip.zone_at(utc(2023, 11, 12, 15, 0), home),
        chrono_tz::Asia::Tokyo
    );
    assert_eq!(trip.zone_at(utc(2023, 11, 14, 15, 0), home), home);

    let err = Itinerary::builder()
        .stay("A", chrono_tz::UTC, date(2023, 1, 1), date(2023, 1, 5))
        .stay("B", chrono_tz::UTC, date(2023, 1, 5), date(2023, 1, 6))
        .stay("", chrono_tz::UTC, date(2023, 2, 2), date(2023, 2, 1))
        .build()
        .unwrap_err();
    let found: Vec<(ErrorKind, &str)> = err
        .violations()
        .iter()
        .map(|v| (v.kind(), v.path()))
        .collect();
    assert_eq!(
        found,
        [
            (ErrorKind::Empty, "stays[2].place"),
            (ErrorKind::InvalidValue, "stays[2]"),
            (ErrorKind::Inconsistent, "stays[1]"),
        ]
    );
}

fn seed_like_meeting() -> Meeting {
    let la = chrono_tz::America::Los_Angeles;
    Meeting::builder("Japan-Chile Foreign Ministers' Meeting")
        .venue(Venue::new("San Francisco", Country::from_code("US").unwrap(), la).unwrap())
        .starts_at(parse_civil("2023-11-13T16:00").unwrap())
        .duration(TimeDelta::try_minutes(30).unwrap())
        .participant(kamikawa())
        .participant(van_klaveren())
        .build()
        .unwrap()
}

#[test]
fn meeting_on_a_travelling_ministers_clock() {
    let meeting = seed_like_meeting();
    let there = apec()
        .meeting_start(&meeting, chrono_tz::Asia::Tokyo)
        .unwrap();
    assert_eq!(there.zone(), chrono_tz::America::Los_Angeles);
    assert_eq!(there.day_shift(), 0);
    assert_eq!(there.place(), Some("San Francisco"));
    let home = Itinerary::new()
        .meeting_start(&meeting, chrono_tz::Asia::Tokyo)
        .unwrap();
    assert_eq!(
        home.start().to_string(),
        "2023-11-14T09:00:00+09:00[Asia/Tokyo]"
    );
    assert_eq!(home.day_shift(), 1);
    assert_eq!(
        home.to_string(),
        "2023-11-14 09:00–09:30 JST (Asia/Tokyo, +1 day)"
    );
}

// ------------------------------------------------------------------ search

#[test]
fn tokyo_santiago_default_hours_never_overlap() {
    let result = SlotSearch::builder()
        .participant(kamikawa())
        .participant(van_klaveren())
        .window(utc(2023, 11, 20, 0, 0), utc(2023, 11, 27, 0, 0))
        .duration(TimeDelta::try_minutes(30).unwrap())
        .build()
        .unwrap()
        .search();
    let Some(NoFitReason::NoCommonWorkingHours { hours }) = result.reason() else {
        panic!("{:?}", result.reason());
    };
    assert_eq!(hours.len(), 2);
    assert_eq!(hours[0].minister_id(), kamikawa().id());
    assert_eq!(
        hours[0].intervals()[0],
        (utc(2023, 11, 20, 0, 0), utc(2023, 11, 20, 9, 0))
    );
    assert_eq!(
        hours[1].intervals()[0],
        (utc(2023, 11, 20, 12, 0), utc(2023, 11, 20, 21, 0))
    );
    assert_eq!(hours[0].intervals().len(), 5);
    // Least bad: 30 minutes outside someone's hours, the earliest first.
    let best = result.best().unwrap();
    assert_eq!(best.outside_hours(), TimeDelta::try_minutes(30).unwrap());
    assert_eq!(best.start(), utc(2023, 11, 20, 0, 0));
    let [tokyo, santiago] = best.participants() else {
        panic!()
    };
    assert_eq!(tokyo.clock().day_shift(), 0);
    assert_eq!(santiago.clock().day_shift(), -1);
    assert_eq!(
        santiago.clock().start().to_string(),
        "2023-11-19T21:00:00-03:00[America/Santiago]"
    );
    assert_eq!(result.slots().len(), 10);
    assert!(
        result.reason().unwrap().to_string().starts_with(
            "the working hours never overlap for the duration; jp-yoko-kamikawa: Mon 2023-11-20 00:00–09:00 UTC"
        ),
        "{}",
        result.reason().unwrap()
    );
}

#[test]
fn long_days_overlap_in_the_evening_in_tokyo() {
    let long = |m: Minister| {
        let h = WorkingHours::builder()
            .working_days(Weekend::of(m.country()), t(7, 0), t(22, 0))
            .build()
            .unwrap();
        Attendee::new(m).hours(h)
    };
    let result = SlotSearch::builder()
        .attendee(long(kamikawa()))
        .attendee(long(van_klaveren()))
        .window(utc(2023, 11, 20, 0, 0), utc(2023, 11, 27, 0, 0))
        .duration(TimeDelta::try_minutes(30).unwrap())
        .limit(100)
        .build()
        .unwrap()
        .search();
    assert_eq!(result.reason(), None);
    // Tokyo's evening with Santiago's morning (10:00-13:00 UTC, Monday to
    // Friday) and Tokyo's morning with Santiago's evening (22:00-01:00 UTC,
    // Tokyo's Tuesday to Friday): 9 windows of 3 hours, each with 11 starts
    // of 30 minutes on a 15-minute grid.
    let inside = result
        .slots()
        .iter()
        .filter(|s| s.is_within_hours())
        .count();
    assert_eq!(inside, 99);
    assert!(
        result
            .slots()
            .iter()
            .any(|s| s.start() == utc(2023, 11, 20, 22, 0))
    );
    let best = result.best().unwrap();
    assert_eq!(best.start(), utc(2023, 11, 20, 10, 0));
    assert_eq!(
        best.participants()[0].clock().to_string(),
        "2023-11-20 19:00–19:30 JST (Asia/Tokyo)"
    );
    assert_eq!(
        best.participants()[1].clock().to_string(),
        "2023-11-20 07:00–07:30 -03 (America/Santiago)"
    );
}

#[test]
fn apec_itinerary_brings_common_hours() {
    // In San Francisco, Kamikawa's day (09:00-18:00 PST = 17:00-02:00 UTC)
    // meets Santiago's (12:00-21:00 UTC).
    let result = SlotSearch::builder()
        .attendee(Attendee::new(kamikawa()).itinerary(apec()))
        .participant(van_klaveren())
        .window(utc(2023, 11, 14, 0, 0), utc(2023, 11, 15, 0, 0))
        .duration(TimeDelta::try_minutes(30).unwrap())
        .build()
        .unwrap()
        .search();
    assert_eq!(result.reason(), None);
    let best = result.best().unwrap();
    assert_eq!(best.start(), utc(2023, 11, 14, 17, 0));
    let k = &best.participants()[0];
    assert_eq!(k.clock().zone(), chrono_tz::America::Los_Angeles);
    assert_eq!(k.clock().place(), Some("San Francisco"));
    assert_eq!(
        k.clock().to_string(),
        "2023-11-14 09:00–09:30 PST (America/Los_Angeles, in San Francisco)"
    );
}

fn meeting_between(a: &Minister, b: &Minister, start: &str, minutes: i64) -> Meeting {
    Meeting::builder("Talks")
        .venue(
            Venue::new(
                "Tokyo",
                Country::from_code("JP").unwrap(),
                chrono_tz::Asia::Tokyo,
            )
            .unwrap(),
        )
        .starts_at(parse_civil(start).unwrap())
        .duration(TimeDelta::try_minutes(minutes).unwrap())
        .participant(a.clone())
        .participant(b.clone())
        .build()
        .unwrap()
}

#[test]
fn common_hours_busy() {
    // Tokyo and Seoul share a clock: common hours are 09:00-18:00 (00:00-09:00 UTC).
    let k = kamikawa();
    let park = minister("Jin", "Park", "KR", None);
    let other = minister("Ana", "Other", "CL", None);
    let mut calendar = Calendar::new();
    calendar.push(meeting_between(&k, &other, "2023-11-20T09:00", 240));
    calendar.push(meeting_between(&park, &other, "2023-11-20T13:00", 300));
    let search = |cal: &Calendar| {
        SlotSearch::builder()
            .participant(k.clone())
            .participant(park.clone())
            .window(utc(2023, 11, 20, 0, 0), utc(2023, 11, 21, 0, 0))
            .duration(TimeDelta::try_minutes(60).unwrap())
            .calendar(cal)
            .build()
            .unwrap()
            .search()
    };
    let result = search(&calendar);
    assert_eq!(result.reason(), Some(&NoFitReason::CommonHoursBusy));
    // The least bad slot: right after Park's meeting ends, at 18:00 JST.
    let best = result.best().unwrap();
    assert_eq!(best.start(), utc(2023, 11, 20, 9, 0));
    assert_eq!(best.outside_hours(), TimeDelta::try_minutes(120).unwrap());
    // Back to back is not busy: 13:00 JST, between the two meetings.
    calendar = Calendar::new();
    calendar.push(meeting_between(&k, &other, "2023-11-20T09:00", 240));
    calendar.push(meeting_between(&park, &other, "2023-11-20T14:00", 240));
    let result = search(&calendar);
    assert_eq!(result.reason(), None);
    assert_eq!(result.best().unwrap().start(), utc(2023, 11, 20, 4, 0));
}

#[test]
fn window_too_short_and_all_busy() {
    let base = || {
        SlotSearch::builder()
            .participant(kamikawa())
            .duration(TimeDelta::try_minutes(60).unwrap())
    };
    let result = base()
        .window(utc(2023, 11, 20, 0, 0), utc(2023, 11, 20, 0, 45))
        .build()
        .unwrap()
        .search();
    assert!(result.slots().is_empty());
    assert_eq!(
        result.reason(),
        Some(&NoFitReason::WindowTooShort {
            window: TimeDelta::try_minutes(45).unwrap(),
            duration: TimeDelta::try_minutes(60).unwrap(),
        })
    );
    assert_eq!(
        result.reason().unwrap().to_string(),
        "the window (PT45M) is shorter than the duration (PT1H)"
    );
    let id = kamikawa().id().to_owned();
    let result = base()
        .window(utc(2023, 11, 20, 0, 0), utc(2023, 11, 20, 4, 0))
        .busy(&id, utc(2023, 11, 20, 0, 30), utc(2023, 11, 20, 2, 0))
        .busy_for_all(utc(2023, 11, 20, 2, 0), utc(2023, 11, 20, 3, 30))
        .build()
        .unwrap()
        .search();
    assert!(result.slots().is_empty());
    assert_eq!(result.reason(), Some(&NoFitReason::AllBusy));
}

#[test]
fn search_is_validated() {
    let from = utc(2023, 11, 20, 0, 0);
    let err = SlotSearch::builder()
        .participant(kamikawa())
        .participant(kamikawa())
        .window(from, from + TimeDelta::try_days(400).unwrap())
        .duration(TimeDelta::try_hours(25).unwrap())
        .step(TimeDelta::try_seconds(30).unwrap())
        .busy("nobody", from, from)
        .limit(0)
        .build()
        .unwrap_err();
    let found: Vec<(ErrorKind, &str)> = err
        .violations()
        .iter()
        .map(|v| (v.kind(), v.path()))
        .collect();
    assert_eq!(
        found,
        [
            (ErrorKind::Duplicate, "participants[1]"),
            (ErrorKind::DurationOutOfRange, "window"),
            (ErrorKind::DurationOutOfRange, "duration"),
            (ErrorKind::DurationOutOfRange, "step"),
            (ErrorKind::InvalidValue, "limit"),
            (ErrorKind::InvalidValue, "busy[0]"),
            (ErrorKind::UnknownReference, "busy[0].minister"),
        ]
    );
    let err = SlotSearch::builder().build().unwrap_err();
    let kinds: Vec<ErrorKind> = err.violations().iter().map(|v| v.kind()).collect();
    assert_eq!(
        kinds,
        [ErrorKind::TooFew, ErrorKind::Empty, ErrorKind::Empty]
    );
}

// ------------------------------------------------- brute-force reference

/// Zones with DST shifts of whole hours at whole hours, or none, or half an
/// hour at a whole hour (Lord Howe), and their countries.
const ZONES: [(&str, &str); 6] = [
    ("America/New_York", "US"),
    ("Europe/London", "GB"),
    ("America/Santiago", "CL"),
    ("Asia/Tokyo", "JP"),
    ("Asia/Kolkata", "IN"),
    ("Australia/Lord_Howe", "AU"),
];

/// Days around 2026's changes of offset in those zones.
const DAYS: [(u32, u32); 6] = [(3, 7), (3, 28), (4, 4), (9, 5), (10, 3), (10, 31)];

#[derive(Debug, Clone)]
struct Case {
    zones: Vec<usize>,
    /// Per participant, per weekday: sorted distinct hour marks, paired.
    hours: Vec<Vec<Vec<u32>>>,
    day: usize,
    days: i64,
    start_shift_h: i64,
    step_min: i64,
    duration_min: i64,
    /// (participant or none for all, start in quarter hours, length in quarter hours)
    busy: Vec<(Option<usize>, i64, i64)>,
    /// A stay for participant 0: (zone, first day offset, length in days).
    stay: Option<(usize, i64, i64)>,
}

fn case() -> impl Strategy<Value = Case> {
    (2usize..=3)
        .prop_flat_map(|n| {
            (
                proptest::sample::subsequence((0..ZONES.len()).collect::<Vec<_>>(), n)
                    .prop_shuffle(),
                proptest::collection::vec(
                    proptest::collection::vec(proptest::collection::btree_set(0u32..=24, 0..=4), 7),
                    n,
                ),
                0..DAYS.len(),
                1i64..=3,
                0i64..24,
                prop_oneof![Just(15i64), Just(30), Just(60)],
                prop_oneof![Just(15i64), Just(30), Just(45), Just(60), Just(90)],
                proptest::collection::vec(
                    (
                        proptest::option::weighted(0.8, 0..n),
                        0i64..(4 * 24 * 3),
                        1i64..=16,
                    ),
                    0..12,
                ),
                proptest::option::of((0..ZONES.len(), 0i64..3, 1i64..=2)),
            )
        })
        .prop_map(
            |(zones, hours, day, days, start_shift_h, step_min, duration_min, busy, stay)| Case {
                zones,
                hours: hours
                    .into_iter()
                    .map(|week| {
                        week.into_iter()
                            .map(|marks| {
                                let mut v: Vec<u32> = marks.into_iter().collect();
                                if v.len() % 2 == 1 {
                                    v.pop();
                                }
                                v
                            })
                            .collect()
                    })
                    .collect(),
                day,
                days,
                start_shift_h,
                step_min,
                duration_min,
                busy,
                stay,
            },
        )
}

fn hm(h: u32) -> NaiveTime {
    if h == 24 { NaiveTime::MIN } else { t(h, 0) }
}

const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// Whether `instant` is inside the weekly hours read in `zone`, by the civil
/// time alone (independent of the library's day-by-day resolution; the two
/// agree when every range starts and ends on a whole hour in these zones).
fn inside(week: &[Vec<u32>], zone: Tz, instant: DateTime<Utc>) -> bool {
    let local = ZonedDateTime::from_instant(instant, zone).civil();
    let day = local.weekday().num_days_from_monday() as usize;
    let secs = local.num_seconds_from_midnight();
    week[day]
        .chunks(2)
        .any(|p| p[0] * 3600 <= secs && secs < p[1] * 3600)
}

fn check(case: &Case) -> Result<(), TestCaseError> {
    let (m, d) = DAYS[case.day];
    let from = utc(2026, m, d, 0, 0) + TimeDelta::try_hours(case.start_shift_h).unwrap();
    let to = from + TimeDelta::try_days(case.days).unwrap();
    let duration = TimeDelta::try_minutes(case.duration_min).unwrap();
    let step = TimeDelta::try_minutes(case.step_min).unwrap();
    let names = ["Ann", "Bea", "Cid"];
    let ministers: Vec<Minister> = case
        .zones
        .iter()
        .zip(names)
        .map(|(z, n)| {
            let (zone, code) = ZONES[*z];
            minister(n, "Test", code, Some(parse_zone(zone).unwrap()))
        })
        .collect();
    let stay = case.stay.map(|(z, first, len)| {
        let first = from.date_naive() + TimeDelta::try_days(first).unwrap();
        let last = first + TimeDelta::try_days(len - 1).unwrap();
        Itinerary::builder()
            .stay("Away", parse_zone(ZONES[z].0).unwrap(), first, last)
            .build()
            .unwrap()
    });
    let mut b = SlotSearch::builder()
        .window(from, to)
        .duration(duration)
        .step(step)
        .limit(1_000_000);
    for (i, (m, week)) in ministers.iter().zip(&case.hours).enumerate() {
        let mut h = WorkingHours::builder();
        for (day, marks) in WEEK.iter().zip(week) {
            for p in marks.chunks(2) {
                h = h.range(*day, hm(p[0]), hm(p[1]));
            }
        }
        let mut a = Attendee::new(m.clone()).hours(h.build().unwrap());
        if let (0, Some(it)) = (i, &stay) {
            a = a.itinerary(it.clone());
        }
        b = b.attendee(a);
    }
    let quarter = TimeDelta::try_minutes(15).unwrap();
    let blocks: Vec<(Option<usize>, DateTime<Utc>, DateTime<Utc>)> = case
        .busy
        .iter()
        .map(|(who, s, len)| {
            let s = from + quarter * (*s as i32);
            (*who, s, s + quarter * (*len as i32))
        })
        .collect();
    for (who, s, e) in &blocks {
        b = match who {
            Some(i) => b.busy(ministers[*i].id(), *s, *e),
            None => b.busy_for_all(*s, *e),
        };
    }
    let result = b.build().unwrap().search();

    // The reference: every minute of the window, for every participant.
    let minutes = (to - from).num_minutes();
    let zone_of = |i: usize, at: DateTime<Utc>| {
        let home = ministers[i].home_zone();
        match (i, &stay) {
            (0, Some(it)) => it.zone_at(at, home),
            _ => home,
        }
    };
    let inside_at: Vec<Vec<bool>> = (0..ministers.len())
        .map(|i| {
            (0..minutes)
                .map(|k| {
                    let at = from + TimeDelta::try_minutes(k).unwrap();
                    inside(&case.hours[i], zone_of(i, at), at)
                })
                .collect()
        })
        .collect();
    let mut expected: Vec<(i64, DateTime<Utc>, Vec<i64>)> = Vec::new();
    let mut any_common = false;
    let mut s = from;
    while s + duration <= to {
        let e = s + duration;
        let k0 = (s - from).num_minutes();
        let outside: Vec<i64> = inside_at
            .iter()
            .map(|mins| {
                (k0..k0 + case.duration_min)
                    .filter(|k| !mins[*k as usize])
                    .count() as i64
            })
            .collect();
        if outside.iter().all(|o| *o == 0) {
            any_common = true;
        }
        let busy = blocks.iter().any(|(_, bs, be)| *bs < e && s < *be);
        if !busy {
            expected.push((outside.iter().sum(), s, outside));
        }
        s += step;
    }
    expected.sort_by_key(|(o, s, _)| (*o, *s));

    let got: Vec<(i64, DateTime<Utc>, Vec<i64>)> = result
        .slots()
        .iter()
        .map(|slot| {
            (
                slot.outside_hours().num_minutes(),
                slot.start(),
                slot.participants()
                    .iter()
                    .map(|p| p.outside_hours().num_minutes())
                    .collect(),
            )
        })
        .collect();
    prop_assert_eq!(&got, &expected);
    let want_reason = if expected.is_empty() {
        Some(NoFitReason::AllBusy)
    } else if expected[0].0 > 0 {
        if any_common {
            Some(NoFitReason::CommonHoursBusy)
        } else {
            Some(NoFitReason::NoCommonWorkingHours { hours: Vec::new() })
        }
    } else {
        None
    };
    match (result.reason(), &want_reason) {
        (
            Some(NoFitReason::NoCommonWorkingHours { hours }),
            Some(NoFitReason::NoCommonWorkingHours { .. }),
        ) => prop_assert_eq!(hours.len(), ministers.len()),
        (got, want) => prop_assert_eq!(got, want.as_ref()),
    }
    // Clocks: zone where each one is, day shift against the first.
    for slot in result.slots().iter().take(5) {
        let first = slot.participants()[0].clock().start().date();
        for (i, p) in slot.participants().iter().enumerate() {
            let zone = zone_of(i, slot.start());
            prop_assert_eq!(p.clock().zone(), zone);
            prop_assert_eq!(p.clock().start().instant(), slot.start());
            prop_assert_eq!(p.clock().end().unwrap().instant(), slot.end());
            prop_assert_eq!(
                p.clock().day_shift(),
                (p.clock().start().date() - first).num_days()
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn search_matches_brute_force(c in case()) {
        check(&c)?;
    }
}

#[test]
fn limit_keeps_the_best_of_all_candidates() {
    // Kamikawa alone, hours only Friday: with a limit of 2 the two slots are
    // Friday's first two, not the window's first two.
    let hours = one_day(Weekday::Fri, t(9, 0), t(10, 0));
    let result = SlotSearch::builder()
        .attendee(Attendee::new(kamikawa()).hours(hours))
        .window(utc(2023, 11, 20, 0, 0), utc(2023, 11, 27, 0, 0))
        .duration(TimeDelta::try_minutes(30).unwrap())
        .limit(2)
        .build()
        .unwrap()
        .search();
    let starts: Vec<DateTime<Utc>> = result.slots().iter().map(|s| s.start()).collect();
    assert_eq!(starts, [utc(2023, 11, 24, 0, 0), utc(2023, 11, 24, 0, 15)]);
}
