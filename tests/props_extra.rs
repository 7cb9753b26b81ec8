//! Property tests beyond the foundation's (issue 5, item 6).
//!
//! 1. Local-time rendering equals chrono-tz's own conversion: for random
//!    meetings (any zone chrono-tz knows as the meeting's zone, any instant
//!    from 1850 to 2150, any duration, participants with any home zones),
//!    [`Meeting::local_times`] and [`Meeting::local_time_in`] give exactly
//!    what `instant.with_timezone(&zone)` gives: the same instant, civil
//!    time, offset and abbreviation, the same end, and a day shift that is
//!    the difference of the two civil dates.
//! 2. A calendar built by `try_push` stops at `max_calendar_meetings` and
//!    otherwise equals one built by `push`.
//!
//! The other properties of the issue live with the code they test:
//! conflicts against a brute-force all-pairs reference in
//! `tests/schedule_conflicts.rs` (`conflicts_equal_the_brute_force_reference`,
//! 256 cases), the free-slot search against a brute-force reference in
//! `tests/schedule_slots.rs` (`search_matches_brute_force`, 128 cases), and
//! the JSON round trip of 10 000+ generated meetings per run in
//! `tests/roundtrip_prop.rs`.
// Helpers stop loudly too: clippy.toml allows this in #[test] functions only.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

mod common;

use chrono::{DateTime, Offset as _, TimeDelta, TimeZone as _, Utc};
use chrono_tz::Tz;
use diplomeet::schedule::Calendar;
use diplomeet::{ErrorKind, Limits, Meeting, Minister, Mode, ZonedDateTime};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::Config;

/// 1850-01-01 to 2099-12-30, in seconds since the epoch: before the first
/// transition of most zones, through every rule change in the database, up
/// to the horizon of the zone data (a civil time after 2099 in a zone that
/// keeps daylight-saving time is refused: tests/horizon.rs).
const FROM: i64 = -3_786_825_600;
const TO: i64 = 4_102_272_000;

fn zone() -> impl Strategy<Value = Tz> {
    select(chrono_tz::TZ_VARIANTS.to_vec())
}

fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    prop_oneof![
        // Anywhere in the range, to the second.
        (FROM..TO).prop_map(|s| Utc.timestamp_opt(s, 0).unwrap()),
        // Near the years where zones change most, to the minute.
        (0i64..(70 * 525_960)).prop_map(|m| Utc.timestamp_opt(m * 60, 0).unwrap()),
    ]
}

/// A foreign minister with the id `id` (also the given name) at home in `home`.
fn minister(id: &str, country: &str, home: Tz) -> Minister {
    common::minister_builder(id, "Doe", country)
        .id(id)
        .home_zone(home)
        .build()
        .unwrap()
}

/// A telephone call stated in `venue_zone`, starting at `start`, with the
/// participants' home zones as given.
fn call(venue_zone: Tz, start: DateTime<Utc>, minutes: Option<i64>, homes: &[Tz]) -> Meeting {
    const COUNTRIES: [&str; 6] = ["JP", "CL", "US", "FR", "KE", "NZ"];
    let mut b = Meeting::builder("Telephone talks")
        .mode(Mode::Telephone)
        .zone(venue_zone)
        .start(ZonedDateTime::from_instant(start, venue_zone));
    if let Some(m) = minutes {
        b = b.duration(TimeDelta::try_minutes(m).unwrap());
    }
    for (i, home) in homes.iter().enumerate() {
        b = b.participant(minister(
            &format!("p{i}"),
            COUNTRIES[i % COUNTRIES.len()],
            *home,
        ));
    }
    b.build().unwrap()
}

/// What chrono-tz says, compared field by field with what the crate says
/// (`DateTime` equality alone compares instants only).
fn same_clock(ours: DateTime<Tz>, instant: DateTime<Utc>, zone: Tz) -> Result<(), TestCaseError> {
    let theirs = instant.with_timezone(&zone);
    prop_assert_eq!(ours, theirs);
    prop_assert_eq!(ours.timezone(), zone);
    prop_assert_eq!(ours.naive_local(), theirs.naive_local());
    prop_assert_eq!(ours.offset().fix(), theirs.offset().fix());
    // The abbreviation ("JST", "-03", "LMT").
    prop_assert_eq!(ours.offset().to_string(), theirs.offset().to_string());
    Ok(())
}

proptest! {
    #![proptest_config(Config { cases: 8192, ..Config::default() })]

    /// Property 1: every participant's clock, and any other clock, is
    /// chrono-tz's conversion of the meeting's instants.
    #[test]
    fn local_times_equal_chrono_tz(
        venue_zone in zone(),
        start in instant(),
        minutes in proptest::option::of(1i64..=24 * 60),
        homes in proptest::collection::vec(zone(), 2..6),
        other in zone(),
    ) {
        let m = call(venue_zone, start, minutes, &homes);
        // The start as built is the instant asked for (from_instant keeps it).
        prop_assert_eq!(m.start().unwrap().instant(), start);
        let end = minutes.map(|mi| start.checked_add_signed(TimeDelta::try_minutes(mi).unwrap()).unwrap());
        let venue_date = start.with_timezone(&venue_zone).date_naive();

        let times = m.local_times().unwrap();
        prop_assert_eq!(times.len(), homes.len());
        for (t, (p, home)) in times.iter().zip(m.participants().iter().zip(&homes)) {
            prop_assert_eq!(t.participant().map(Minister::id), Some(p.id()));
            prop_assert_eq!(t.zone(), *home);
            same_clock(t.start().to_datetime(), start, *home)?;
            match (t.end(), end) {
                (Some(ours), Some(e)) => same_clock(ours.to_datetime(), e, *home)?,
                (None, None) => {}
                (ours, e) => prop_assert!(false, "end {:?} against {:?}", ours, e),
            }
            let shift = (start.with_timezone(home).date_naive() - venue_date).num_days();
            prop_assert_eq!(t.day_shift(), shift);
        }

        let t = m.local_time_in(other).unwrap();
        prop_assert!(t.participant().is_none());
        same_clock(t.start().to_datetime(), start, other)?;
        if let Some(e) = end {
            same_clock(t.end().unwrap().to_datetime(), e, other)?;
        }
        prop_assert_eq!(t.day_shift(), (start.with_timezone(&other).date_naive() - venue_date).num_days());
        // The rendering shows chrono-tz's civil time and abbreviation.
        let shown = t.to_string();
        let theirs = start.with_timezone(&other);
        let expected_prefix = theirs.format("%Y-%m-%d %H:%M %Z").to_string();
        prop_assert!(shown.starts_with(&expected_prefix), "{} lacks {}", shown, expected_prefix);
        prop_assert!(shown.contains(other.name()), "{} lacks {}", shown, other.name());

        // start_in / end_in agree with the same conversion.
        same_clock(m.start_in(other).unwrap().to_datetime(), start, other)?;
        if let Some(e) = end {
            same_clock(m.end_in(other).unwrap().to_datetime(), e, other)?;
        }
    }

    /// Property 2: `try_push` refuses exactly the meetings over the limit,
    /// naming it, and otherwise builds the same calendar as `push`.
    #[test]
    fn try_push_stops_at_the_limit(limit in 0usize..6, n in 0usize..9, start in instant()) {
        let tokyo = chrono_tz::Asia::Tokyo;
        let meetings: Vec<Meeting> = (0..n)
            .map(|i| {
                let at = start.checked_add_signed(TimeDelta::try_hours(i as i64).unwrap()).unwrap();
                call(tokyo, at, Some(30), &[tokyo, chrono_tz::America::Santiago])
            })
            .collect();
        let mut limited = Calendar::with_limits(Limits::default().with_max_calendar_meetings(limit));
        let mut plain = Calendar::new();
        for (i, m) in meetings.into_iter().enumerate() {
            match limited.try_push(m.clone()) {
                Ok(()) => {
                    prop_assert!(i < limit);
                    plain.push(m);
                }
                Err(e) => {
                    prop_assert!(i >= limit);
                    prop_assert_eq!(e.kind(), ErrorKind::TooMany);
                    prop_assert!(e.to_string().contains("max_calendar_meetings"));
                }
            }
        }
        prop_assert_eq!(limited.len(), n.min(limit));
        // Equality ignores the limits: same meetings, same calendar.
        prop_assert_eq!(&limited, &plain);
        prop_assert_eq!(limited.busy("p0"), plain.busy("p0"));
    }
}
