//! Working hours (DST days, Santiago's midnight gap, Friday–Saturday
//! weekends), itineraries, and the free-slot search: its reasons, and its
//! results against a brute-force reference on small random instances.
// Helpers stop loudly too: clippy.toml allows this in #[test] functions only.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use chrono::{DateTime, Datelike, NaiveTime, TimeDelta, Timelike, Utc, Weekday};
use chrono_tz::Tz;
use common::{
    civil, country, date, hm, hours, minister, minister_in, minutes, plain_kamikawa,
    plain_van_klaveren, seed_like, utc, venue, violations,
};
use diplomeet::schedule::{
    Attendee, Calendar, Itinerary, NoFitReason, SlotSearch, Weekend, WorkingHours,
};
use diplomeet::time::parse_zone;
use diplomeet::{Country, ErrorKind, Meeting, Minister, ZonedDateTime};
use proptest::prelude::*;

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
    let of = |code: &str| Weekend::of(&country(code));
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
    let hours = WorkingHours::default_for(&country("SA"));
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
    let spans = one_day(Weekday::Sun, hm(0, 0), hm(12, 0))
        .intervals(ny, from, to)
        .unwrap();
    assert_eq!(spans, [(utc(2026, 3, 8, 5, 0), utc(2026, 3, 8, 16, 0))]);
    // 09:00-18:00 is clear of the gap: still 9 hours.
    let spans = one_day(Weekday::Sun, hm(9, 0), hm(18, 0))
        .intervals(ny, from, to)
        .unwrap();
    assert_eq!(total(&spans), hours(9));
    assert_eq!(spans[0].0, utc(2026, 3, 8, 13, 0));
    // A civil time in the gap is the instant the clocks jump (07:00 UTC,
    // 02:00 EST = 03:00 EDT): a range wholly inside the gap holds no time,
    // one that starts in it starts at the jump.
    let inside = one_day(Weekday::Sun, hm(2, 0), hm(2, 30))
        .intervals(ny, from, to)
        .unwrap();
    assert_eq!(inside, []);
    let late = one_day(Weekday::Sun, hm(2, 30), hm(4, 0))
        .intervals(ny, from, to)
        .unwrap();
    assert_eq!(late, [(utc(2026, 3, 8, 7, 0), utc(2026, 3, 8, 8, 0))]);
}

#[test]
fn range_starting_in_a_gap_keeps_its_real_part() {
    // Review: 02:30-03:15 on New York's spring-forward day used to vanish;
    // the real 03:00-03:15 EDT (07:00-07:15 UTC) remains.
    let ny = chrono_tz::America::New_York;
    let (from, to) = (utc(2026, 3, 7, 0, 0), utc(2026, 3, 10, 0, 0));
    let spans = one_day(Weekday::Sun, hm(2, 30), hm(3, 15))
        .intervals(ny, from, to)
        .unwrap();
    assert_eq!(spans, [(utc(2026, 3, 8, 7, 0), utc(2026, 3, 8, 7, 15))]);
    // A range ending in the gap ends at the jump: 01:30-02:00 EST.
    let spans = one_day(Weekday::Sun, hm(1, 30), hm(2, 30))
        .intervals(ny, from, to)
        .unwrap();
    assert_eq!(spans, [(utc(2026, 3, 8, 6, 30), utc(2026, 3, 8, 7, 0))]);
    // Lord Howe's 30-minute gap (2026-10-04, 02:00 +10:30 -> 02:30 +11:00).
    let lhi = parse_zone("Australia/Lord_Howe").unwrap();
    let spans = one_day(Weekday::Sun, hm(2, 15), hm(3, 0))
        .intervals(lhi, utc(2026, 10, 2, 0, 0), utc(2026, 10, 6, 0, 0))
        .unwrap();
    // 02:30 +11:00 is 15:30 UTC on the 3rd; 03:00 +11:00 is 16:00 UTC.
    assert_eq!(spans, [(utc(2026, 10, 3, 15, 30), utc(2026, 10, 3, 16, 0))]);
}

#[test]
fn hours_outside_years_0000_to_9999_are_out_of_range() {
    let h = WorkingHours::always();
    let tokyo = chrono_tz::Asia::Tokyo;
    let day = TimeDelta::try_days(1).unwrap();
    for (from, to) in [
        (utc(10000, 1, 1, 0, 0), utc(10000, 1, 3, 0, 0)),
        (utc(-5, 1, 1, 0, 0), utc(-5, 1, 3, 0, 0)),
        // 9999-12-31T15:00Z is already 10000-01-01 in Tokyo.
        (utc(9999, 12, 31, 0, 0), utc(9999, 12, 31, 16, 0)),
        (DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MIN_UTC + day),
        (DateTime::<Utc>::MAX_UTC - day, DateTime::<Utc>::MAX_UTC),
    ] {
        let err = h.intervals(tokyo, from, to).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::OutOfRange, "{from}: {err}");
        assert!(err.to_string().contains("0000–9999"), "{err}");
        let err = h
            .intervals_following(&Itinerary::new(), tokyo, from, to)
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::OutOfRange);
    }
    // The edges themselves are fine: the window ends exactly at 10000-01-01 in Tokyo.
    let spans = h
        .intervals(tokyo, utc(9999, 12, 31, 0, 0), utc(9999, 12, 31, 15, 0))
        .unwrap();
    assert_eq!(spans.len(), 1);
    let spans = h
        .intervals(chrono_tz::UTC, utc(0, 1, 1, 0, 0), utc(0, 1, 2, 0, 0))
        .unwrap();
    assert_eq!(total(&spans), day);
}

#[test]
fn new_york_fall_back_day_is_longer() {
    let ny = chrono_tz::America::New_York;
    let spans = one_day(Weekday::Sun, hm(0, 0), hm(12, 0))
        .intervals(ny, utc(2026, 10, 31, 0, 0), utc(2026, 11, 3, 0, 0))
        .unwrap();
    assert_eq!(total(&spans), hours(13));
    let whole = one_day(Weekday::Sun, hm(0, 0), NaiveTime::MIN)
        .intervals(ny, utc(2026, 10, 31, 0, 0), utc(2026, 11, 3, 0, 0))
        .unwrap();
    assert_eq!(total(&whole), hours(25));
}

#[test]
fn santiago_midnight_gap() {
    // 2026-09-06: Santiago goes from 24:00 -04 to 01:00 -03; the day starts at 01:00.
    let scl = parse_zone("America/Santiago").unwrap();
    let (from, to) = (utc(2026, 9, 4, 0, 0), utc(2026, 9, 8, 0, 0));
    let spans = one_day(Weekday::Sun, hm(0, 0), hm(12, 0))
        .intervals(scl, from, to)
        .unwrap();
    assert_eq!(spans, [(utc(2026, 9, 6, 4, 0), utc(2026, 9, 6, 15, 0))]);
    // The whole of that day is 23 hours.
    let whole = one_day(Weekday::Sun, hm(0, 0), NaiveTime::MIN)
        .intervals(scl, from, to)
        .unwrap();
    assert_eq!(total(&whole), hours(23));
    // Saturday until midnight and Sunday from midnight join up across the gap.
    let night = WorkingHours::builder()
        .range(Weekday::Sat, hm(20, 0), NaiveTime::MIN)
        .range(Weekday::Sun, hm(0, 0), hm(2, 0))
        .build()
        .unwrap();
    assert_eq!(
        night.intervals(scl, from, to).unwrap(),
        [(utc(2026, 9, 6, 0, 0), utc(2026, 9, 6, 5, 0))]
    );
    // Fall back, 2026-04-05: 23:00-24:00 on Saturday happens twice.
    let sat = one_day(Weekday::Sat, hm(0, 0), NaiveTime::MIN)
        .intervals(scl, utc(2026, 4, 3, 0, 0), utc(2026, 4, 7, 0, 0))
        .unwrap();
    assert_eq!(total(&sat), hours(25));
}

#[test]
fn hours_are_validated() {
    let err = WorkingHours::builder()
        .range(Weekday::Mon, hm(9, 0), hm(12, 0))
        .range(Weekday::Mon, hm(11, 0), hm(14, 0))
        .range(Weekday::Tue, hm(18, 0), hm(9, 0))
        .range(Weekday::Wed, hm(0, 0), hm(0, 0).with_nanosecond(5).unwrap())
        .build()
        .unwrap_err();
    let found = violations(&err);
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
        .range(Weekday::Mon, hm(9, 0), hm(12, 0))
        .range(Weekday::Mon, hm(12, 0), hm(14, 0))
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
    let hours = WorkingHours::default_for(&country("JP"));
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
fn overlapping_stays_move_halfway() {
    // Going east: Santiago until the 12th, Tokyo from the 13th. Tokyo's
    // 13th starts at 15:00 UTC on the 12th, Santiago's 12th ends at 03:00
    // UTC on the 13th: the move is halfway, at 21:00 UTC on the 12th.
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
    assert_eq!(trip.stays()[0].departure(), utc(2023, 11, 12, 21, 0));
    assert_eq!(trip.stays()[1].arrival(), utc(2023, 11, 12, 21, 0));
    assert_eq!(
        trip.zone_at(utc(2023, 11, 12, 20, 59), home).name(),
        "America/Santiago"
    );
    assert_eq!(
        trip.zone_at(utc(2023, 11, 12, 21, 0), home),
        chrono_tz::Asia::Tokyo
    );
    assert_eq!(trip.zone_at(utc(2023, 11, 14, 15, 0), home), home);

    let err = Itinerary::builder()
        .stay("A", chrono_tz::UTC, date(2023, 1, 1), date(2023, 1, 5))
        .stay("B", chrono_tz::UTC, date(2023, 1, 4), date(2023, 1, 6))
        .stay("", chrono_tz::UTC, date(2023, 2, 2), date(2023, 2, 1))
        .build()
        .unwrap_err();
    let found = violations(&err);
    assert_eq!(
        found,
        [
            (ErrorKind::Empty, "stays[2].place"),
            (ErrorKind::InvalidValue, "stays[2]"),
            (ErrorKind::Inconsistent, "stays[1]"),
        ]
    );
    // One shared date (the day of a move) is fine, in one zone too: the
    // move is at noon.
    let day_trip = Itinerary::builder()
        .stay("A", chrono_tz::UTC, date(2023, 1, 1), date(2023, 1, 5))
        .stay("B", chrono_tz::UTC, date(2023, 1, 5), date(2023, 1, 6))
        .build()
        .unwrap();
    assert_eq!(day_trip.stays()[1].arrival(), utc(2023, 1, 5, 12, 0));
}

/// Checks the time line: stays in order, each holding a non-empty part of
/// its own dates, disjoint, and `stay_at` agreeing with it.
fn assert_time_line(trip: &Itinerary) {
    let stays = trip.stays();
    for s in stays {
        assert!(s.start() <= s.arrival(), "{s:?}");
        assert!(s.arrival() < s.departure(), "{s:?}");
        assert!(s.departure() <= s.end(), "{s:?}");
        assert_eq!(trip.stay_at(s.arrival()), Some(s));
        let last = s.departure() - TimeDelta::try_seconds(1).unwrap();
        assert_eq!(trip.stay_at(last), Some(s));
    }
    for w in stays.windows(2) {
        assert!(w[0].departure() <= w[1].arrival());
    }
}

#[test]
fn date_line_east_same_date() {
    // Review: Tokyo 13-14 then Honolulu 14-16 was refused for sharing the
    // 14th. By instants Tokyo's 14th (13th 15:00 to 14th 15:00 UTC) and
    // Honolulu's (14th 10:00 UTC on) overlap 5 hours: the move is halfway,
    // 12:30 UTC (21:30 in Tokyo, 02:30 in Honolulu, both on the 14th).
    let tokyo = chrono_tz::Asia::Tokyo;
    let hnl = chrono_tz::Pacific::Honolulu;
    let home = parse_zone("America/Santiago").unwrap();
    let trip = Itinerary::builder()
        .stay("Tokyo", tokyo, date(2023, 11, 13), date(2023, 11, 14))
        .stay("Honolulu", hnl, date(2023, 11, 14), date(2023, 11, 16))
        .build()
        .unwrap();
    assert_time_line(&trip);
    assert_eq!(trip.zone_at(utc(2023, 11, 14, 0, 0), home), tokyo); // 09:00 JST on the 14th
    assert_eq!(trip.zone_at(utc(2023, 11, 14, 12, 29), home), tokyo);
    assert_eq!(trip.zone_at(utc(2023, 11, 14, 12, 30), home), hnl);
    assert_eq!(trip.zone_at(utc(2023, 11, 14, 22, 0), home), hnl); // noon HST on the 14th
    assert_eq!(trip.zone_at(utc(2023, 11, 17, 9, 59), home), hnl);
    assert_eq!(trip.zone_at(utc(2023, 11, 17, 10, 0), home), home);
    assert_eq!(trip.zone_at(utc(2023, 11, 12, 14, 59), home), home);
    // Each keeps its working day of the 14th.
    let hours = WorkingHours::default_for(&country("JP"));
    let spans = hours
        .intervals_following(
            &trip,
            home,
            utc(2023, 11, 14, 0, 0),
            utc(2023, 11, 15, 0, 0),
        )
        .unwrap();
    assert_eq!(
        spans,
        [
            (utc(2023, 11, 14, 0, 0), utc(2023, 11, 14, 9, 0)),
            (utc(2023, 11, 14, 19, 0), utc(2023, 11, 15, 0, 0)),
        ]
    );
}

#[test]
fn date_line_west_keeps_the_earlier_day() {
    // Review: Honolulu 13-14 then Tokyo 15-16. Tokyo's 15th starts at 15:00
    // UTC on the 14th, before Honolulu's 14th ends (10:00 UTC on the 15th);
    // noon in Honolulu on the 14th (22:00 UTC) must be Honolulu's. The move
    // is halfway, at 00:30 UTC on the 15th.
    let tokyo = chrono_tz::Asia::Tokyo;
    let hnl = chrono_tz::Pacific::Honolulu;
    let home = parse_zone("America/Santiago").unwrap();
    let trip = Itinerary::builder()
        .stay("Honolulu", hnl, date(2023, 11, 13), date(2023, 11, 14))
        .stay("Tokyo", tokyo, date(2023, 11, 15), date(2023, 11, 16))
        .build()
        .unwrap();
    assert_time_line(&trip);
    let noon_hst_14 = utc(2023, 11, 14, 22, 0);
    assert_eq!(trip.zone_at(noon_hst_14, home), hnl);
    assert_eq!(
        trip.clock_at(noon_hst_14, home).to_string(),
        "2023-11-14T12:00:00-10:00[Pacific/Honolulu]"
    );
    assert_eq!(trip.zone_at(utc(2023, 11, 15, 0, 29), home), hnl);
    assert_eq!(trip.zone_at(utc(2023, 11, 15, 0, 30), home), tokyo);
    // Monday's end in Honolulu (until 18:00 HST, 04:00 UTC); Tuesday in
    // Honolulu from 09:00 HST (19:00 UTC) to the move (14:30 HST), joined
    // by Wednesday in Tokyo from the move (09:30 JST) to 18:00 JST.
    let hours = WorkingHours::default_for(&country("JP"));
    let spans = hours
        .intervals_following(
            &trip,
            home,
            utc(2023, 11, 14, 0, 0),
            utc(2023, 11, 16, 0, 0),
        )
        .unwrap();
    assert_eq!(
        spans,
        [
            (utc(2023, 11, 14, 0, 0), utc(2023, 11, 14, 4, 0)),
            (utc(2023, 11, 14, 19, 0), utc(2023, 11, 15, 9, 0)),
        ]
    );
}

#[test]
fn tokyo_then_san_francisco_on_the_same_date() {
    // Tokyo 12-13 then San Francisco 13-16: Tokyo's 13th ends at 15:00 UTC,
    // San Francisco's starts at 08:00 UTC; they overlap by instants, the
    // move is at 11:30 UTC (20:30 JST, 03:30 PST), between both working days.
    let tokyo = chrono_tz::Asia::Tokyo;
    let la = chrono_tz::America::Los_Angeles;
    let trip = Itinerary::builder()
        .stay("Tokyo", tokyo, date(2023, 11, 12), date(2023, 11, 13))
        .stay("San Francisco", la, date(2023, 11, 13), date(2023, 11, 16))
        .build()
        .unwrap();
    assert_time_line(&trip);
    assert_eq!(trip.stays()[1].arrival(), utc(2023, 11, 13, 11, 30));
    let hours = WorkingHours::default_for(&country("JP"));
    let spans = hours
        .intervals_following(
            &trip,
            tokyo,
            utc(2023, 11, 13, 0, 0),
            utc(2023, 11, 15, 0, 0),
        )
        .unwrap();
    assert_eq!(
        spans,
        [
            (utc(2023, 11, 13, 0, 0), utc(2023, 11, 13, 9, 0)),
            (utc(2023, 11, 13, 17, 0), utc(2023, 11, 14, 2, 0)),
            (utc(2023, 11, 14, 17, 0), utc(2023, 11, 15, 0, 0)),
        ]
    );
    // The seed meeting (16:00 PST on the 13th) is on San Francisco's clock.
    let clock = trip
        .meeting_clock(&seed_like().build().unwrap(), tokyo)
        .unwrap();
    assert_eq!(clock.place(), Some("San Francisco"));
    assert_eq!(clock.day_shift(), 0);
}

#[test]
fn stays_that_really_overlap_are_refused() {
    let tokyo = chrono_tz::Asia::Tokyo;
    let hnl = chrono_tz::Pacific::Honolulu;
    // Two shared dates.
    let err = Itinerary::builder()
        .stay("Tokyo", tokyo, date(2023, 11, 13), date(2023, 11, 15))
        .stay("Honolulu", hnl, date(2023, 11, 14), date(2023, 11, 16))
        .build()
        .unwrap_err();
    assert_eq!(
        (err.kind(), err.path()),
        (ErrorKind::Inconsistent, "stays[1]")
    );
    assert!(
        err.to_string()
            .contains("shares more than the date of a move"),
        "{err}"
    );
    // A stay inside another.
    let err = Itinerary::builder()
        .stay("Tokyo", tokyo, date(2023, 11, 13), date(2023, 11, 20))
        .stay("Honolulu", hnl, date(2023, 11, 15), date(2023, 11, 16))
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Inconsistent);
    // Pago Pago (-11) on the 14th, then Kiritimati (+14) on the 14th:
    // Kiritimati's 14th (13th 10:00 to 14th 10:00 UTC) is over before Pago
    // Pago's begins (14th 11:00 UTC): no move fits.
    let err = Itinerary::builder()
        .stay(
            "Pago Pago",
            parse_zone("Pacific/Pago_Pago").unwrap(),
            date(2023, 11, 14),
            date(2023, 11, 14),
        )
        .stay(
            "Kiritimati",
            parse_zone("Pacific/Kiritimati").unwrap(),
            date(2023, 11, 14),
            date(2023, 11, 15),
        )
        .build()
        .unwrap_err();
    assert_eq!(
        (err.kind(), err.path()),
        (ErrorKind::Inconsistent, "stays[1]")
    );
    assert!(err.to_string().contains("leaves no time to move"), "{err}");
    // The other way round is a real trip (west over the date line, 25 hours back).
    let trip = Itinerary::builder()
        .stay(
            "Kiritimati",
            parse_zone("Pacific/Kiritimati").unwrap(),
            date(2023, 11, 13),
            date(2023, 11, 14),
        )
        .stay(
            "Pago Pago",
            parse_zone("Pacific/Pago_Pago").unwrap(),
            date(2023, 11, 14),
            date(2023, 11, 15),
        )
        .build()
        .unwrap();
    assert_time_line(&trip);
    // And Pago Pago 13-14 then Kiritimati 15-16: Kiritimati's 15th lies
    // inside Pago Pago's 14th; each keeps half of the common time.
    let trip = Itinerary::builder()
        .stay(
            "Pago Pago",
            parse_zone("Pacific/Pago_Pago").unwrap(),
            date(2023, 11, 13),
            date(2023, 11, 14),
        )
        .stay(
            "Kiritimati",
            parse_zone("Pacific/Kiritimati").unwrap(),
            date(2023, 11, 15),
            date(2023, 11, 16),
        )
        .build()
        .unwrap();
    assert_time_line(&trip);
    assert_eq!(trip.stays()[1].arrival(), utc(2023, 11, 14, 22, 30));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any itinerary that builds has a clean time line; consecutive stays on
    /// dates that do not touch never overlap.
    #[test]
    fn time_line_is_clean(
        stays in proptest::collection::vec((0..ALL_ZONES.len(), 0i64..20, 0i64..4), 1..6)
    ) {
        let mut b = Itinerary::builder();
        for (i, (z, first, len)) in stays.iter().enumerate() {
            let first = date(2026, 3, 1) + TimeDelta::try_days(*first).unwrap();
            b = b.stay(format!("S{i}"), parse_zone(ALL_ZONES[*z]).unwrap(), first, first + TimeDelta::try_days(*len).unwrap());
        }
        if let Ok(trip) = b.build() {
            assert_time_line(&trip);
            for w in trip.stays().windows(2) {
                prop_assert!(w[1].first() >= w[0].last());
                if w[1].start() >= w[0].end() {
                    prop_assert_eq!(w[0].departure(), w[0].end());
                    prop_assert_eq!(w[1].arrival(), w[1].start());
                }
            }
        }
    }
}

const ALL_ZONES: [&str; 8] = [
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
    "Asia/Tokyo",
    "Pacific/Honolulu",
    "America/Los_Angeles",
    "America/Santiago",
    "Europe/London",
    "Australia/Lord_Howe",
];

#[test]
fn meeting_on_a_travelling_ministers_clock() {
    let meeting = seed_like().build().unwrap();
    let there = apec()
        .meeting_clock(&meeting, chrono_tz::Asia::Tokyo)
        .unwrap();
    assert_eq!(there.zone(), chrono_tz::America::Los_Angeles);
    assert_eq!(there.day_shift(), 0);
    assert_eq!(there.place(), Some("San Francisco"));
    let home = Itinerary::new()
        .meeting_clock(&meeting, chrono_tz::Asia::Tokyo)
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
    let search = SlotSearch::builder()
        .participant(plain_kamikawa())
        .participant(plain_van_klaveren())
        .window(utc(2023, 11, 20, 0, 0), utc(2023, 11, 27, 0, 0))
        .duration(minutes(30))
        .build()
        .unwrap();
    let result = search.search();
    let Some(NoFitReason::NoCommonWorkingHours { hours, .. }) = result.reason() else {
        panic!("{:?}", result.reason());
    };
    assert_eq!(hours.len(), 2);
    assert_eq!(hours[0].minister_id(), plain_kamikawa().id());
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
    assert_eq!(best.outside_hours(), minutes(30));
    assert_eq!(best.start(), utc(2023, 11, 20, 0, 0));
    let [tokyo, santiago] = search.participants(best).try_into().unwrap();
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
            .working_days(Weekend::of(m.country()), hm(7, 0), hm(22, 0))
            .build()
            .unwrap();
        Attendee::new(m).hours(h)
    };
    let search = SlotSearch::builder()
        .attendee(long(plain_kamikawa()))
        .attendee(long(plain_van_klaveren()))
        .window(utc(2023, 11, 20, 0, 0), utc(2023, 11, 27, 0, 0))
        .duration(minutes(30))
        .limit(100)
        .build()
        .unwrap();
    let result = search.search();
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
    let views = search.participants(best);
    assert_eq!(
        views[0].clock().to_string(),
        "2023-11-20 19:00–19:30 JST (Asia/Tokyo)"
    );
    assert_eq!(
        views[1].clock().to_string(),
        "2023-11-20 07:00–07:30 -03 (America/Santiago)"
    );
}

#[test]
fn apec_itinerary_brings_common_hours() {
    // In San Francisco, Kamikawa's day (09:00-18:00 PST = 17:00-02:00 UTC)
    // meets Santiago's (12:00-21:00 UTC).
    let search = SlotSearch::builder()
        .attendee(Attendee::new(plain_kamikawa()).itinerary(apec()))
        .participant(plain_van_klaveren())
        .window(utc(2023, 11, 14, 0, 0), utc(2023, 11, 15, 0, 0))
        .duration(minutes(30))
        .build()
        .unwrap();
    let result = search.search();
    assert_eq!(result.reason(), None);
    let best = result.best().unwrap();
    assert_eq!(best.start(), utc(2023, 11, 14, 17, 0));
    let k = &search.participants(best)[0];
    assert_eq!(k.clock().zone(), chrono_tz::America::Los_Angeles);
    assert_eq!(k.clock().place(), Some("San Francisco"));
    assert_eq!(
        k.clock().to_string(),
        "2023-11-14 09:00–09:30 PST (America/Los_Angeles, in San Francisco)"
    );
}

fn meeting_between(a: &Minister, b: &Minister, start: &str, length: i64) -> Meeting {
    Meeting::builder("Talks")
        .venue(venue("Tokyo", "JP", chrono_tz::Asia::Tokyo))
        .starts_at(civil(start))
        .duration(minutes(length))
        .participant(a.clone())
        .participant(b.clone())
        .build()
        .unwrap()
}

#[test]
fn common_hours_busy() {
    // Tokyo and Seoul share a clock: common hours are 09:00-18:00 (00:00-09:00 UTC).
    let k = plain_kamikawa();
    let park = minister("Jin", "Park", "KR");
    let other = minister("Ana", "Other", "CL");
    let mut calendar = Calendar::new();
    calendar.push(meeting_between(&k, &other, "2023-11-20T09:00", 240));
    calendar.push(meeting_between(&park, &other, "2023-11-20T13:00", 300));
    let search = |cal: &Calendar| {
        SlotSearch::builder()
            .participant(k.clone())
            .participant(park.clone())
            .window(utc(2023, 11, 20, 0, 0), utc(2023, 11, 21, 0, 0))
            .duration(minutes(60))
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
    assert_eq!(best.outside_hours(), minutes(120));
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
            .participant(plain_kamikawa())
            .duration(minutes(60))
    };
    let result = base()
        .window(utc(2023, 11, 20, 0, 0), utc(2023, 11, 20, 0, 45))
        .build()
        .unwrap()
        .search();
    assert!(result.slots().is_empty());
    let Some(NoFitReason::WindowTooShort {
        window, duration, ..
    }) = result.reason()
    else {
        panic!("{:?}", result.reason());
    };
    assert_eq!(*window, minutes(45));
    assert_eq!(*duration, minutes(60));
    assert_eq!(
        result.reason().unwrap().to_string(),
        "the window (PT45M) is shorter than the duration (PT1H)"
    );
    let id = plain_kamikawa().id().to_owned();
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
        .participant(plain_kamikawa())
        .participant(plain_kamikawa())
        .window(from, from + TimeDelta::try_days(400).unwrap())
        .duration(hours(25))
        .step(TimeDelta::try_seconds(30).unwrap())
        .busy("nobody", from, from)
        .limit(0)
        .build()
        .unwrap_err();
    let found = violations(&err);
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
    let kinds: Vec<ErrorKind> = err.violations().map(|v| v.kind()).collect();
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

/// An hour mark as a time of day: 24 is midnight, the end of the day.
fn mark(h: u32) -> NaiveTime {
    if h == 24 { NaiveTime::MIN } else { hm(h, 0) }
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

/// Checks the search against the brute force, keeping `limit` slots: the
/// first `limit` of the brute force's ranking.
fn check(case: &Case, limit: usize) -> Result<(), TestCaseError> {
    let (m, d) = DAYS[case.day];
    let from = utc(2026, m, d, 0, 0) + hours(case.start_shift_h);
    let to = from + TimeDelta::try_days(case.days).unwrap();
    let duration = minutes(case.duration_min);
    let step = minutes(case.step_min);
    let names = ["Ann", "Bea", "Cid"];
    let ministers: Vec<Minister> = case
        .zones
        .iter()
        .zip(names)
        .map(|(z, n)| {
            let (zone, code) = ZONES[*z];
            minister_in(n, "Test", code, parse_zone(zone).unwrap())
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
        .limit(limit);
    for (i, (m, week)) in ministers.iter().zip(&case.hours).enumerate() {
        let mut h = WorkingHours::builder();
        for (day, marks) in WEEK.iter().zip(week) {
            for p in marks.chunks(2) {
                h = h.range(*day, mark(p[0]), mark(p[1]));
            }
        }
        let mut a = Attendee::new(m.clone()).hours(h.build().unwrap());
        if let (0, Some(it)) = (i, &stay) {
            a = a.itinerary(it.clone());
        }
        b = b.attendee(a);
    }
    let quarter = minutes(15);
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
    let search = b.build().unwrap();
    let result = search.search();

    // The reference: every minute of the window, for every participant.
    let window_minutes = (to - from).num_minutes();
    let zone_of = |i: usize, at: DateTime<Utc>| {
        let home = ministers[i].home_zone();
        match (i, &stay) {
            (0, Some(it)) => it.zone_at(at, home),
            _ => home,
        }
    };
    let inside_at: Vec<Vec<bool>> = (0..ministers.len())
        .map(|i| {
            (0..window_minutes)
                .map(|k| {
                    let at = from + minutes(k);
                    inside(&case.hours[i], zone_of(i, at), at)
                })
                .collect()
        })
        .collect();
    // Whether everyone's hours share a stretch as long as the duration,
    // anywhere in the window (to the minute: every boundary is on one).
    let dur = case.duration_min as usize;
    let mut run = 0usize;
    let mut any_stretch = false;
    for k in 0..window_minutes as usize {
        if inside_at.iter().all(|mins| mins[k]) {
            run += 1;
            any_stretch |= run >= dur;
        } else {
            run = 0;
        }
    }
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
                search
                    .participants(slot)
                    .iter()
                    .map(|p| p.outside_hours().num_minutes())
                    .collect(),
            )
        })
        .collect();
    // Capped by the limit: the best `limit`, in order.
    prop_assert_eq!(&got[..], &expected[..expected.len().min(limit)]);
    // The most fundamental reason first.
    let want_reason = if expected.first().is_some_and(|e| e.0 == 0) {
        "none"
    } else if !any_stretch {
        "no common hours"
    } else if !any_common {
        "off grid"
    } else if expected.is_empty() {
        "all busy"
    } else {
        "common hours busy"
    };
    let got_reason = match result.reason() {
        None => "none",
        Some(NoFitReason::NoCommonWorkingHours { hours, .. }) => {
            prop_assert_eq!(hours.len(), ministers.len());
            "no common hours"
        }
        Some(NoFitReason::CommonHoursOffGrid { step: s, .. }) => {
            prop_assert_eq!(*s, step);
            "off grid"
        }
        Some(NoFitReason::AllBusy) => "all busy",
        Some(NoFitReason::CommonHoursBusy) => "common hours busy",
        Some(other) => panic!("{other:?}"),
    };
    prop_assert_eq!(got_reason, want_reason);
    // Clocks: zone where each one is, day shift against the first.
    for slot in result.slots().iter().take(5) {
        let views = search.participants(slot);
        let first = views[0].clock().start().date();
        for (i, p) in views.iter().enumerate() {
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
    fn search_matches_brute_force(
        c in case(),
        limit in prop_oneof![Just(1usize), Just(3), Just(40), Just(1_000_000)],
    ) {
        check(&c, limit)?;
    }
}

#[test]
fn limit_keeps_the_best_of_all_candidates() {
    // Kamikawa alone, hours only Friday: with a limit of 2 the two slots are
    // Friday's first two, not the window's first two.
    let hours = one_day(Weekday::Fri, hm(9, 0), hm(10, 0));
    let result = SlotSearch::builder()
        .attendee(Attendee::new(plain_kamikawa()).hours(hours))
        .window(utc(2023, 11, 20, 0, 0), utc(2023, 11, 27, 0, 0))
        .duration(minutes(30))
        .limit(2)
        .build()
        .unwrap()
        .search();
    let starts: Vec<DateTime<Utc>> = result.slots().iter().map(|s| s.start()).collect();
    assert_eq!(starts, [utc(2023, 11, 24, 0, 0), utc(2023, 11, 24, 0, 15)]);
}

// ------------------------------------------------------- review regressions

#[test]
fn huge_steps_are_refused_and_never_overflow() {
    // Review: `.step(TimeDelta::MAX)` panicked on overflow in the search.
    let base = || {
        SlotSearch::builder()
            .participant(plain_kamikawa())
            .window(utc(2023, 11, 20, 12, 0), utc(2023, 11, 21, 12, 0))
            .duration(minutes(30))
    };
    for step in [
        TimeDelta::MAX,
        TimeDelta::try_days(1).unwrap() + TimeDelta::nanoseconds(1),
        TimeDelta::try_days(365).unwrap(),
    ] {
        let err = base().step(step).build().unwrap_err();
        assert_eq!(
            (err.kind(), err.path()),
            (ErrorKind::DurationOutOfRange, "step")
        );
        assert!(err.to_string().contains("at most 24 hours"), "{err}");
    }
    for step in [TimeDelta::MIN, TimeDelta::zero(), -minutes(15)] {
        assert_eq!(base().step(step).build().unwrap_err().path(), "step");
    }
    // 24 hours is the largest step; with the largest window and duration the
    // search runs through.
    let from = utc(2023, 1, 1, 0, 0);
    let result = SlotSearch::builder()
        .attendee(Attendee::new(plain_kamikawa()).hours(WorkingHours::always()))
        .window(
            from,
            from + TimeDelta::try_days(SlotSearch::MAX_WINDOW_DAYS).unwrap(),
        )
        .duration(TimeDelta::try_days(1).unwrap())
        .step(TimeDelta::try_days(1).unwrap())
        .limit(usize::MAX)
        .build()
        .unwrap()
        .search();
    assert_eq!(result.slots().len(), SlotSearch::MAX_WINDOW_DAYS as usize);
    assert_eq!(result.reason(), None);
}

#[test]
fn step_longer_than_the_window_does_not_blame_the_hours() {
    // Review: one participant, one candidate (the window's start, 21:00 in
    // Tokyo) outside hours: the reason claimed "working hours never overlap".
    let result = SlotSearch::builder()
        .participant(plain_kamikawa())
        .window(utc(2023, 11, 20, 12, 0), utc(2023, 11, 21, 12, 0))
        .duration(minutes(30))
        .step(TimeDelta::try_days(1).unwrap())
        .build()
        .unwrap()
        .search();
    assert_eq!(result.slots().len(), 1);
    let Some(NoFitReason::CommonHoursOffGrid { step, .. }) = result.reason() else {
        panic!("{:?}", result.reason());
    };
    assert_eq!(*step, TimeDelta::try_days(1).unwrap());
    let text = result.reason().unwrap().to_string();
    assert!(!text.contains("never overlap"), "{text}");
    assert!(
        text.contains("(every PT24H from the window's start)"),
        "{text}"
    );
    // A 15-minute step finds Tuesday 09:00 in Tokyo.
    let result = SlotSearch::builder()
        .participant(plain_kamikawa())
        .window(utc(2023, 11, 20, 12, 0), utc(2023, 11, 21, 12, 0))
        .duration(minutes(30))
        .build()
        .unwrap()
        .search();
    assert_eq!(result.reason(), None);
    assert_eq!(result.best().unwrap().start(), utc(2023, 11, 21, 0, 0));
    // One participant with no hours at all in the window: the message does
    // not speak of overlapping.
    let result = SlotSearch::builder()
        .participant(plain_kamikawa())
        .window(utc(2023, 11, 19, 0, 0), utc(2023, 11, 19, 9, 0))
        .duration(minutes(30))
        .build()
        .unwrap()
        .search();
    let text = result.reason().unwrap().to_string();
    assert!(
        text.starts_with("the working hours hold no stretch as long as the duration; jp-yoko-kamikawa: no working hours"),
        "{text}"
    );
}

#[test]
fn no_common_hours_outranks_all_busy() {
    // Review: everything busy AND hours that never overlap: the hours are
    // the more fundamental problem (clearing the calendars would not help).
    let result = SlotSearch::builder()
        .participant(plain_kamikawa())
        .participant(plain_van_klaveren())
        .window(utc(2023, 11, 20, 0, 0), utc(2023, 11, 21, 0, 0))
        .duration(minutes(30))
        .busy_for_all(utc(2023, 11, 20, 0, 0), utc(2023, 11, 21, 0, 0))
        .build()
        .unwrap()
        .search();
    assert!(result.slots().is_empty());
    let Some(NoFitReason::NoCommonWorkingHours { hours, .. }) = result.reason() else {
        panic!("{:?}", result.reason());
    };
    assert_eq!(hours.len(), 2);
}

#[test]
fn weekend_default_is_saturday_sunday() {
    assert_eq!(Weekend::default(), Weekend::SATURDAY_SUNDAY);
    assert_ne!(Weekend::default(), Weekend::NONE);
    assert_eq!(
        WorkingHours::builder()
            .working_days(Weekend::default(), hm(9, 0), hm(18, 0))
            .build()
            .unwrap(),
        WorkingHours::default_for(&country("FR"))
    );
}

#[test]
fn local_clock_can_name_a_place() {
    let start =
        ZonedDateTime::from_instant(utc(2023, 11, 14, 0, 0), chrono_tz::America::Los_Angeles);
    let clock = diplomeet::schedule::LocalClock::new(start, None, 0);
    assert_eq!(clock.place(), None);
    let there = clock.clone().with_place("San Francisco");
    assert_eq!(there.place(), Some("San Francisco"));
    assert_eq!(
        there.to_string(),
        "2023-11-13 16:00 PST (America/Los_Angeles, in San Francisco)"
    );
}
