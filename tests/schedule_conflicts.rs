//! Conflicts in a calendar: overlaps and travel shortfalls, with meetings
//! given in their own venues' zones, and property tests against a
//! brute-force all-pairs reference: the lazy search, its count (also after
//! part of it was taken), and the capped list with its total.
// Helpers stop loudly too: clippy.toml allows this in #[test] functions only.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use std::cell::Cell;
use std::collections::BTreeSet;

mod common;

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;
use common::{civil, date, hours, minister_builder, minutes};
use diplomeet::schedule::{Calendar, Conflict, ConflictKind, TravelTable, TravelTimes};
use diplomeet::{Meeting, Minister, Mode, Venue};
use proptest::prelude::*;

/// A minister whose country is the id's first two letters (`jp-kamikawa`).
fn minister(id: &str) -> Minister {
    let code = id[..2].to_ascii_uppercase();
    minister_builder(&id[3..], "Doe", &code)
        .id(id)
        .build()
        .unwrap()
}

/// The places the tests use, with their country and zone.
const PLACES: [(&str, &str, Tz); 5] = [
    ("Tokyo", "JP", chrono_tz::Asia::Tokyo),
    ("Osaka", "JP", chrono_tz::Asia::Tokyo),
    ("San Francisco", "US", chrono_tz::America::Los_Angeles),
    ("Santiago", "CL", chrono_tz::America::Santiago),
    ("Geneva", "CH", chrono_tz::Europe::Zurich),
];

fn venue(place: &str) -> Venue {
    let (_, code, zone) = PLACES.iter().find(|p| p.0 == place).unwrap();
    common::venue(place, code, *zone)
}

/// A meeting of `ids` at `place` (its own zone), or by telephone when
/// `place` is `"phone"` (then `civil` is in Tokyo's zone), from `civil` for
/// `minutes`.
fn meeting(ids: &[&str], place: &str, civil: &str, minutes_long: i64) -> Meeting {
    let mut b = Meeting::builder("Talks");
    b = if place == "phone" {
        b.mode(Mode::Telephone).zone(chrono_tz::Asia::Tokyo)
    } else {
        b.venue(venue(place))
    };
    b.starts_at(common::civil(civil))
        .duration(minutes(minutes_long))
        .participants(ids.iter().map(|id| minister(id)))
        .build()
        .unwrap()
}

const KAMIKAWA: &str = "jp-kamikawa-yoko";

/// Kamikawa with a counterpart of her own for each meeting, so that only her
/// conflicts show.
fn hers(n: usize, place: &str, civil: &str, minutes_long: i64) -> Meeting {
    let counterpart = format!("cl-counterpart-{n}");
    meeting(&[KAMIKAWA, &counterpart], place, civil, minutes_long)
}

fn table() -> TravelTable {
    TravelTable::builder(hours(12))
        .route("Tokyo", "San Francisco", hours(17))
        .route("Tokyo", "Osaka", hours(3))
        .build()
        .unwrap()
}

/// Every conflict, collected.
fn all<'c, T: TravelTimes + ?Sized>(cal: &'c Calendar, travel: &T) -> Vec<Conflict<'c>> {
    cal.conflicts(travel).collect()
}

/// (first, second, kind) of each conflict, for compact assertions.
fn pairs(conflicts: &[Conflict]) -> Vec<(usize, usize, ConflictKind)> {
    conflicts
        .iter()
        .map(|c| (c.first(), c.second(), c.kind()))
        .collect()
}

fn overlap_of(kind: ConflictKind) -> Option<TimeDelta> {
    match kind {
        ConflictKind::Overlap { overlap, .. } => Some(overlap),
        _ => None,
    }
}

fn shortfall_of(kind: ConflictKind) -> Option<(TimeDelta, TimeDelta, TimeDelta)> {
    match kind {
        ConflictKind::TravelShortfall {
            needed, available, ..
        } => Some((needed, available, kind.missing())),
        _ => None,
    }
}

#[test]
fn back_to_back_is_not_a_conflict() {
    let cal: Calendar = [
        hers(0, "Tokyo", "2023-11-14T09:00", 30),
        hers(1, "Tokyo", "2023-11-14T09:30", 30),
    ]
    .into_iter()
    .collect();
    assert_eq!(all(&cal, &table()), vec![]);
}

#[test]
fn an_overlap_names_minister_meetings_and_length() {
    let cal: Calendar = [
        hers(0, "Tokyo", "2023-11-14T10:00", 60),
        hers(1, "Tokyo", "2023-11-14T09:30", 45),
    ]
    .into_iter()
    .collect();
    let got = all(&cal, &table());
    assert_eq!(got.len(), 1);
    let c = &got[0];
    assert_eq!(c.minister(), KAMIKAWA);
    // The earlier meeting first, whatever the order they were added in.
    assert_eq!((c.first(), c.second()), (1, 0));
    assert_eq!(overlap_of(c.kind()), Some(minutes(15)));
    assert!(c.kind().is_overlap() && !c.kind().is_travel_shortfall());
    assert_eq!(c.missing(), minutes(15));
    assert_eq!(
        c.to_string(),
        "jp-kamikawa-yoko: meetings 1 and 0 overlap by 15 minutes"
    );
}

#[test]
fn a_shared_overlap_is_reported_for_each_minister_in_id_order() {
    let both = ["us-blinken-antony", "jp-kamikawa-yoko"];
    let cal: Calendar = [
        meeting(&both, "Tokyo", "2023-11-14T09:00", 60),
        meeting(&both, "Tokyo", "2023-11-14T09:30", 60),
    ]
    .into_iter()
    .collect();
    let conflicts = all(&cal, &table());
    let got: Vec<&str> = conflicts.iter().map(Conflict::minister).collect();
    assert_eq!(got, ["jp-kamikawa-yoko", "us-blinken-antony"]);
}

#[test]
fn three_mutually_overlapping_meetings_give_three_pairs() {
    let cal: Calendar = [
        hers(0, "Tokyo", "2023-11-14T09:30", 15),
        hers(1, "Tokyo", "2023-11-14T09:15", 60),
        hers(2, "Tokyo", "2023-11-14T09:00", 60),
    ]
    .into_iter()
    .collect();
    let got: Vec<(usize, usize, Option<TimeDelta>)> = pairs(&all(&cal, &table()))
        .into_iter()
        .map(|(a, b, k)| (a, b, overlap_of(k)))
        .collect();
    assert_eq!(
        got,
        vec![
            (2, 1, Some(minutes(45))),
            (2, 0, Some(minutes(15))),
            (1, 0, Some(minutes(15))),
        ]
    );
}

#[test]
fn travel_shortfall_across_the_date_line() {
    // 10:00 on 13 November in Tokyo is 01:00Z; 09:00 on 13 November in San
    // Francisco is 17:00Z the same day: civil clocks put San Francisco first,
    // instants put it 15 hours after Tokyo ends.
    let cal: Calendar = [
        hers(0, "San Francisco", "2023-11-13T09:00", 60),
        hers(1, "Tokyo", "2023-11-13T10:00", 60),
    ]
    .into_iter()
    .collect();
    assert_eq!(
        cal.span(0).unwrap().0,
        "2023-11-13T17:00:00Z".parse::<DateTime<Utc>>().unwrap()
    );
    let got = all(&cal, &table());
    assert_eq!(got.len(), 1);
    let c = &got[0];
    assert_eq!((c.minister(), c.first(), c.second()), (KAMIKAWA, 1, 0));
    assert_eq!(
        shortfall_of(c.kind()),
        Some((hours(17), hours(15), hours(2)))
    );
    assert_eq!(c.missing(), hours(2));
    assert_eq!(
        c.to_string(),
        "jp-kamikawa-yoko: meetings 1 and 0 are 15 hours apart in different places, \
         but travel takes 17 hours (2 hours short)"
    );

    // Back across the date line: San Francisco at 16:00 on 13 November
    // ends at 01:00Z on the 14th; 09:00 on the 14th in Tokyo is 00:00Z,
    // an hour before: an overlap, not a trip.
    let cal: Calendar = [
        hers(0, "San Francisco", "2023-11-13T16:00", 60),
        hers(1, "Tokyo", "2023-11-14T09:00", 30),
    ]
    .into_iter()
    .collect();
    let got = pairs(&all(&cal, &table()));
    assert_eq!(got.len(), 1);
    assert_eq!((got[0].0, got[0].1), (1, 0));
    assert_eq!(overlap_of(got[0].2), Some(minutes(30)));
}

#[test]
fn enough_travel_time_is_not_a_conflict() {
    // Tokyo ends 02:00Z; 12:00 in San Francisco is 20:00Z: 18 hours for a
    // 17-hour trip. Exactly 17 hours is enough too.
    for civil in ["2023-11-13T12:00", "2023-11-13T11:00"] {
        let cal: Calendar = [
            hers(0, "Tokyo", "2023-11-13T10:00", 60),
            hers(1, "San Francisco", civil, 60),
        ]
        .into_iter()
        .collect();
        assert_eq!(all(&cal, &table()), vec![], "{civil}");
    }
}

#[test]
fn the_same_place_needs_no_travel() {
    // A table whose default is a day: within one place, still zero.
    let slow = TravelTable::builder(hours(24)).build().unwrap();
    let cal: Calendar = [
        hers(0, "Geneva", "2024-01-10T09:00", 60),
        hers(1, "Geneva", "2024-01-10T10:00", 60),
    ]
    .into_iter()
    .collect();
    assert_eq!(all(&cal, &slow), vec![]);
    // And the trait is not even asked.
    let asked = Cell::new(0);
    let counting = |_: &Venue, _: &Venue| {
        asked.set(asked.get() + 1);
        hours(24)
    };
    assert_eq!(all(&cal, &counting), vec![]);
    assert_eq!(asked.get(), 0);
}

#[test]
fn one_place_name_in_two_countries_is_two_venues() {
    // Paris, France at 09:00 CET (08:00Z) and "Paris" in the United States
    // (Chicago's zone) at 04:00 CST (10:00Z): an hour apart, and a rule
    // that looks at countries says 12 hours. The place texts are equal, but
    // the venues are not: the rule is asked, and the trip is a conflict.
    let paris_us = common::venue("Paris", "US", chrono_tz::America::Chicago);
    let cal: Calendar = [
        Meeting::builder("Talks")
            .venue(common::venue("Paris", "FR", chrono_tz::Europe::Paris))
            .starts_at(civil("2023-11-14T09:00"))
            .duration(minutes(60))
            .participants([minister(KAMIKAWA), minister("fr-someone")])
            .build()
            .unwrap(),
        Meeting::builder("Talks")
            .venue(paris_us)
            .starts_at(civil("2023-11-14T04:00"))
            .duration(minutes(60))
            .participants([minister(KAMIKAWA), minister("us-someone")])
            .build()
            .unwrap(),
    ]
    .into_iter()
    .collect();
    let asked = Cell::new(0);
    let by_country = |from: &Venue, to: &Venue| {
        asked.set(asked.get() + 1);
        if from.country() == to.country() {
            TimeDelta::zero()
        } else {
            hours(12)
        }
    };
    let got = all(&cal, &by_country);
    assert_eq!(asked.get(), 1);
    assert_eq!(got.len(), 1);
    assert_eq!(
        (got[0].minister(), got[0].first(), got[0].second()),
        (KAMIKAWA, 0, 1)
    );
    assert_eq!(
        shortfall_of(got[0].kind()),
        Some((hours(12), hours(1), hours(11)))
    );
    // A TravelTable knows place texts only: by its own rule, "Paris" to
    // "Paris" takes no time, whatever the countries.
    let by_text = TravelTable::builder(hours(12)).build().unwrap();
    assert_eq!(all(&cal, &by_text), vec![]);
}

#[test]
fn a_contained_meeting_is_missing_the_rest_of_the_container() {
    // 09:00-12:00 and 10:00-11:00 in Tokyo: they share an hour, but the
    // second would have to start two hours later, at 12:00.
    let cal: Calendar = [
        hers(0, "Tokyo", "2023-11-14T09:00", 180),
        hers(1, "Tokyo", "2023-11-14T10:00", 60),
    ]
    .into_iter()
    .collect();
    let got = all(&cal, &table());
    assert_eq!(got.len(), 1);
    let c = &got[0];
    match c.kind() {
        ConflictKind::Overlap { overlap, delay, .. } => {
            assert_eq!((overlap, delay), (hours(1), hours(2)));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(c.missing(), hours(2));
    assert_eq!(c.kind().missing(), hours(2));
    assert_eq!(
        c.to_string(),
        "jp-kamikawa-yoko: meetings 0 and 1 overlap by 1 hour \
         (meeting 1 would have to start 2 hours later)"
    );
    // Moving the second meeting by what is missing clears the conflict.
    let cal: Calendar = [
        hers(0, "Tokyo", "2023-11-14T09:00", 180),
        hers(1, "Tokyo", "2023-11-14T12:00", 60),
    ]
    .into_iter()
    .collect();
    assert_eq!(all(&cal, &table()), vec![]);
}

#[test]
fn a_telephone_meeting_needs_no_travel_and_does_not_hide_one() {
    // Tokyo 09:00-10:00, a call 10:15-10:45, Osaka 11:00: the call needs no
    // travel, but the trip from Tokyo to Osaka (3 hours) still does.
    let cal: Calendar = [
        hers(0, "Tokyo", "2024-01-10T09:00", 60),
        hers(1, "phone", "2024-01-10T10:15", 30),
        hers(2, "Osaka", "2024-01-10T11:00", 60),
    ]
    .into_iter()
    .collect();
    let got = pairs(&all(&cal, &table()));
    assert_eq!(got.len(), 1);
    assert_eq!((got[0].0, got[0].1), (0, 2));
    assert_eq!(shortfall_of(got[0].2), Some((hours(3), hours(1), hours(2))));

    // The same in one place: nothing at all.
    let cal: Calendar = [
        hers(0, "Tokyo", "2024-01-10T09:00", 60),
        hers(1, "phone", "2024-01-10T10:00", 60),
        hers(2, "Tokyo", "2024-01-10T11:00", 60),
    ]
    .into_iter()
    .collect();
    assert_eq!(all(&cal, &table()), vec![]);

    // A call still takes time: over a meeting, it is an overlap.
    let cal: Calendar = [
        hers(0, "Tokyo", "2024-01-10T09:00", 60),
        hers(1, "phone", "2024-01-10T09:50", 30),
    ]
    .into_iter()
    .collect();
    let got = pairs(&all(&cal, &table()));
    assert_eq!(got.len(), 1);
    assert_eq!(overlap_of(got[0].2), Some(minutes(10)));
}

#[test]
fn an_unknown_pair_takes_the_default() {
    // Tokyo 09:00 JST (00:00Z) to 10:00; Geneva 07:00 CET is 06:00Z: five
    // hours, and the table does not list Tokyo-Geneva (default 12 hours).
    let cal: Calendar = [
        hers(0, "Tokyo", "2024-01-10T09:00", 60),
        hers(1, "Geneva", "2024-01-10T07:00", 60),
    ]
    .into_iter()
    .collect();
    let t = table();
    assert!(!t.lists("Tokyo", "Geneva"));
    let got = pairs(&all(&cal, &t));
    assert_eq!(
        got.iter()
            .map(|&(a, b, k)| (a, b, shortfall_of(k)))
            .collect::<Vec<_>>(),
        vec![(0, 1, Some((hours(12), hours(5), hours(7))))]
    );
}

#[test]
fn only_the_next_meetings_are_checked_for_travel() {
    // Tokyo, then Tokyo again at once, then San Francisco: the trip is
    // checked from the second Tokyo meeting only.
    let cal: Calendar = [
        hers(0, "Tokyo", "2023-11-13T08:00", 60),
        hers(1, "Tokyo", "2023-11-13T09:00", 60),
        hers(2, "San Francisco", "2023-11-13T09:00", 60),
    ]
    .into_iter()
    .collect();
    let got = pairs(&all(&cal, &table()));
    assert_eq!(got.len(), 1);
    assert_eq!((got[0].0, got[0].1), (1, 2));
    // Tokyo ends 01:00Z, San Francisco 09:00 PST is 17:00Z.
    assert_eq!(
        shortfall_of(got[0].2),
        Some((hours(17), hours(16), hours(1)))
    );
}

#[test]
fn meetings_without_an_interval_take_part_in_nothing() {
    let date_only = Meeting::builder("Talks")
        .venue(venue("Osaka"))
        .starts_on(date(2024, 1, 10))
        .participants([minister(KAMIKAWA), minister("cl-someone")])
        .build()
        .unwrap();
    let no_duration = Meeting::builder("Talks")
        .venue(venue("Geneva"))
        .starts_at(civil("2024-01-10T02:00"))
        .participants([minister(KAMIKAWA), minister("cl-someone")])
        .build()
        .unwrap();
    let cal: Calendar = [
        hers(0, "Tokyo", "2024-01-10T09:00", 60),
        date_only,
        no_duration,
        hers(3, "Tokyo", "2024-01-10T10:00", 60),
    ]
    .into_iter()
    .collect();
    assert_eq!(cal.unplaced().collect::<Vec<_>>(), [1, 2]);
    assert_eq!(all(&cal, &table()), vec![]);
    assert_eq!(
        cal.busy(KAMIKAWA)
            .iter()
            .map(|b| b.meeting())
            .collect::<Vec<_>>(),
        [0, 3]
    );
}

#[test]
fn travel_is_asked_once_per_pair_and_negative_counts_as_zero() {
    // Alternating Tokyo and Osaka, back to back: four trips, two directions.
    let cal: Calendar = (0..5)
        .map(|i| {
            let place = if i % 2 == 0 { "Tokyo" } else { "Osaka" };
            hers(i, place, &format!("2024-01-10T{:02}:00", 9 + i), 60)
        })
        .collect();
    let asked = Cell::new(0);
    let counting = |_: &Venue, _: &Venue| {
        asked.set(asked.get() + 1);
        minutes(30)
    };
    assert_eq!(cal.conflicts(&counting).count(), 4);
    assert_eq!(asked.get(), 2);
    let negative = |_: &Venue, _: &Venue| minutes(-30);
    assert_eq!(all(&cal, &negative), vec![]);
    // A trait object works as well.
    let dynamic: &dyn TravelTimes = &counting;
    assert_eq!(cal.conflicts(dynamic).count(), 4);
}

#[test]
fn many_venues_agree_with_the_reference() {
    // More venues than the dense travel cache holds: 80 places in a chain.
    let places: Vec<Venue> = (0..80)
        .map(|i| common::venue(&format!("Ward {i}"), "JP", chrono_tz::Asia::Tokyo))
        .collect();
    let start = civil("2024-01-10T00:00");
    let cal: Calendar = places
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let counterpart = format!("cl-counterpart-{}", i % 3);
            Meeting::builder("Talks")
                .venue(v.clone())
                .starts_at(start + minutes(50 * i as i64))
                .duration(minutes(45 + (i as i64 % 3) * 5))
                .participants([minister(KAMIKAWA), minister(&counterpart)])
                .build()
                .unwrap()
        })
        .collect();
    let t = TravelTable::builder(minutes(7))
        .route("Ward 3", "Ward 4", minutes(1))
        .build()
        .unwrap();
    let got = all(&cal, &t);
    assert!(got.iter().any(|c| c.kind().is_overlap()));
    assert!(got.iter().any(|c| c.kind().is_travel_shortfall()));
    assert_eq!(summary(&got), reference(&cal, &t));
}

#[test]
fn meetings_centuries_apart_and_fractions_of_seconds_sort_right() {
    // Starts more than 136 years apart (the wide sort keys), added out of
    // order, and starts within one second (the runs put in full order).
    let cal: Calendar = [
        hers(0, "Tokyo", "2100-03-01T09:00", 60),
        hers(1, "Osaka", "1900-03-01T10:00:00.5", 60),
        hers(2, "Tokyo", "1900-03-01T09:00", 60),
        hers(3, "Tokyo", "2100-03-01T09:30", 60),
        hers(4, "Tokyo", "1900-03-01T10:00:00.25", 30),
        hers(5, "Osaka", "2000-03-01T09:00", 60),
    ]
    .into_iter()
    .collect();
    let got = all(&cal, &table());
    assert_eq!(summary(&got), reference(&cal, &table()));
    let pairs: Vec<(usize, usize)> = got.iter().map(|c| (c.first(), c.second())).collect();
    // 2 then 4 (Tokyo to Tokyo, no travel), 4 overlaps 1, 4 then 5 (days
    // later), 0 overlaps 3.
    assert_eq!(pairs, [(4, 1), (0, 3)]);
}

// ---- brute-force reference -------------------------------------------------

/// A conflict as comparable data: minister, first, second, and the kind as
/// (is overlap, overlap or needed, available, missing).
type Row = (String, usize, usize, bool, TimeDelta, TimeDelta, TimeDelta);

fn summary(conflicts: &[Conflict]) -> Vec<Row> {
    conflicts
        .iter()
        .map(|c| {
            let kind = match c.kind() {
                ConflictKind::Overlap { overlap, .. } => {
                    (true, overlap, TimeDelta::zero(), c.missing())
                }
                ConflictKind::TravelShortfall {
                    needed, available, ..
                } => (false, needed, available, c.missing()),
                _ => panic!("unknown kind"),
            };
            (
                c.minister().to_owned(),
                c.first(),
                c.second(),
                kind.0,
                kind.1,
                kind.2,
                kind.3,
            )
        })
        .collect()
}

/// A meeting's place in time order: start, end, index.
type Order = (DateTime<Utc>, DateTime<Utc>, usize);
/// A placed meeting: start, end, index, venue (`None` by telephone).
type Placed<'a> = (DateTime<Utc>, DateTime<Utc>, usize, Option<&'a Venue>);

/// Every pair of every minister's meetings, compared directly.
fn reference(cal: &Calendar, table: &TravelTable) -> Vec<Row> {
    let ids: BTreeSet<&str> = cal
        .meetings()
        .iter()
        .flat_map(|m| m.participants().iter().map(|p| p.id()))
        .collect();
    let mut rows: Vec<((String, Order, Order), Row)> = Vec::new();
    for id in ids {
        // (start, end, index, venue) of each placed meeting of `id`.
        let mine: Vec<Placed<'_>> = cal
            .meetings()
            .iter()
            .enumerate()
            .filter(|(_, m)| m.participant(id).is_some())
            .filter_map(|(i, m)| {
                let (s, e) = cal.span(i)?;
                Some((s, e, i, m.venue()))
            })
            .collect();
        for a in &mine {
            for b in &mine {
                let (ka, kb) = ((a.0, a.1, a.2), (b.0, b.1, b.2));
                if ka >= kb {
                    continue;
                }
                if a.0 < b.1 && b.0 < a.1 {
                    let overlap = a.1.min(b.1) - a.0.max(b.0);
                    // How much later `b` would have to start to follow `a`.
                    let delay = a.1 - b.0;
                    rows.push((
                        (id.to_owned(), ka, kb),
                        (
                            id.to_owned(),
                            a.2,
                            b.2,
                            true,
                            overlap,
                            TimeDelta::zero(),
                            delay,
                        ),
                    ));
                }
            }
            // The next meetings with a venue after `a`, if `a` has one.
            let Some(pa) = a.3 else { continue };
            let after: Vec<_> = mine
                .iter()
                .filter(|b| b.3.is_some() && b.0 >= a.1)
                .collect();
            let Some(first) = after.iter().map(|b| b.0).min() else {
                continue;
            };
            for b in after.into_iter().filter(|b| b.0 == first) {
                let pb = b.3.unwrap();
                // One venue (as a whole): no travel.
                if pa == pb {
                    continue;
                }
                let needed = table.travel_time(pa, pb);
                let available = b.0 - a.1;
                if needed > available {
                    rows.push((
                        (id.to_owned(), (a.0, a.1, a.2), (b.0, b.1, b.2)),
                        (
                            id.to_owned(),
                            a.2,
                            b.2,
                            false,
                            needed,
                            available,
                            needed - available,
                        ),
                    ));
                }
            }
        }
    }
    rows.sort_by(|x, y| x.0.cmp(&y.0));
    rows.into_iter().map(|(_, r)| r).collect()
}

// ---- property test -----------------------------------------------------------

/// Ministers of four countries; each meeting takes two or more of them.
const MINISTERS: [&str; 4] = ["jp-a", "us-b", "cl-c", "ch-d"];
/// Places with a venue, then a telephone call.
const RANDOM_PLACES: [&str; 5] = ["Tokyo", "Osaka", "San Francisco", "Geneva", "phone"];

/// A random meeting: participants (bit set over MINISTERS, at least two),
/// place, start in quarter hours after 2024-01-10T00:00Z, length in
/// quarter hours, and whether it has no time of day.
fn arb_meeting() -> impl Strategy<Value = (u8, usize, i64, i64, bool)> {
    (
        prop::sample::select(vec![3u8, 5, 6, 9, 10, 12, 7, 11, 13, 14, 15]),
        0..RANDOM_PLACES.len(),
        0i64..96,
        1i64..12,
        prop::bool::weighted(0.05),
    )
}

fn build_random(spec: &(u8, usize, i64, i64, bool)) -> Meeting {
    let &(who, place, start, len, date_only) = spec;
    let ids: Vec<&str> = (0..4)
        .filter(|i| who & (1 << i) != 0)
        .map(|i| MINISTERS[i])
        .collect();
    let place = RANDOM_PLACES[place];
    let zone = if place == "phone" {
        chrono_tz::Asia::Tokyo
    } else {
        PLACES.iter().find(|p| p.0 == place).unwrap().2
    };
    let instant = "2024-01-10T00:00:00Z".parse::<DateTime<Utc>>().unwrap() + minutes(15 * start);
    // The civil time in the meeting's own zone (no DST change near these
    // dates in any of them).
    let civil = instant.with_timezone(&zone).naive_local();
    let mut b = Meeting::builder("Talks");
    b = if place == "phone" {
        b.mode(Mode::Telephone).zone(zone)
    } else {
        b.venue(venue(place))
    };
    b = if date_only {
        b.starts_on(civil.date())
    } else {
        b.starts_at(civil).duration(minutes(15 * len))
    };
    b.participants(ids.iter().map(|id| minister(id)))
        .build()
        .unwrap()
}

/// A random table over the four places with a venue: per unordered pair,
/// unlisted, a route, or two one-way times; times in quarter hours.
fn arb_table() -> impl Strategy<Value = TravelTable> {
    (
        0i64..40,
        prop::collection::vec((0u8..3, 0i64..40, 0i64..40), 6),
    )
        .prop_map(|(default, pairs)| {
            let mut b = TravelTable::builder(minutes(15 * default));
            let venues = &RANDOM_PLACES[..4];
            let unordered = venues
                .iter()
                .enumerate()
                .flat_map(|(i, p)| venues[i + 1..].iter().map(move |q| (*p, *q)));
            for ((p, q), &(how, t1, t2)) in unordered.zip(&pairs) {
                b = match how {
                    0 => b,
                    1 => b.route(p, q, minutes(15 * t1)),
                    _ => b
                        .one_way(p, q, minutes(15 * t1))
                        .one_way(q, p, minutes(15 * t2)),
                };
            }
            b.build().unwrap()
        })
}

/// Checks the search, its counts and the capped list against the
/// reference, `split` conflicts taken before counting the rest.
fn agrees(cal: &Calendar, table: &TravelTable, split: usize) -> Result<(), TestCaseError> {
    let want = reference(cal, table);
    let got = all(cal, table);
    prop_assert_eq!(summary(&got), want.clone());
    for c in &got {
        prop_assert!(c.missing() > TimeDelta::zero(), "{}", c);
    }
    prop_assert_eq!(cal.conflicts(table).count(), want.len());
    // Counting what is left after taking some.
    let mut search = cal.conflicts(table);
    let taken = search.by_ref().take(split).count();
    prop_assert_eq!(taken, split.min(want.len()));
    prop_assert_eq!(search.count(), want.len() - taken);
    // The capped list: the first `split`, and the total.
    let capped = cal.conflicts_capped(table, split);
    prop_assert_eq!(summary(capped.conflicts()), want[..taken].to_vec());
    prop_assert_eq!(capped.total(), want.len() as u64);
    prop_assert_eq!(capped.is_complete(), split >= want.len());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn conflicts_equal_the_brute_force_reference(
        specs in prop::collection::vec(arb_meeting(), 0..14),
        table in arb_table(),
        split in 0usize..40,
    ) {
        let cal: Calendar = specs.iter().map(build_random).collect();
        agrees(&cal, &table, split)?;
    }

    /// Many meetings on few starts: long runs of overlaps, and many
    /// meetings starting together after others end, at several venues
    /// (what the count groups by venue).
    #[test]
    fn crowded_calendars_count_right(
        specs in prop::collection::vec(
            (
                prop::sample::select(vec![3u8, 5, 6, 9, 15]),
                0..RANDOM_PLACES.len(),
                prop::sample::select(vec![0i64, 4, 8, 9]),
                prop::sample::select(vec![1i64, 4, 8]),
                Just(false),
            ),
            0..40,
        ),
        table in arb_table(),
        split in 0usize..400,
    ) {
        let cal: Calendar = specs.iter().map(build_random).collect();
        agrees(&cal, &table, split)?;
    }
}

/// The shape of the count: n meetings of one minister that all overlap
/// give n(n − 1)/2 conflicts each for her and her counterpart, counted
/// without building them, and the travel trait is asked once per pair of
/// venues however many meetings follow each other.
#[test]
fn counting_a_quadratic_number_of_conflicts_builds_none() {
    let counterpart = "cl-counterpart";
    let n = 3_000;
    let cal: Calendar = (0..n)
        .map(|i| {
            let place = ["Tokyo", "Osaka"][i % 2];
            let civil = format!("2024-01-10T{:02}:{:02}", 9 + i / 60 % 3, i % 60);
            meeting(&[KAMIKAWA, counterpart], place, &civil, 600)
        })
        .collect();
    // Every pair overlaps: the starts span three hours, each lasts ten.
    let pairs = (n * (n - 1) / 2) as u64;
    let asked = Cell::new(0);
    let counting = |_: &Venue, _: &Venue| {
        asked.set(asked.get() + 1);
        hours(1)
    };
    assert_eq!(cal.conflicts(&counting).count() as u64, 2 * pairs);
    let capped = cal.conflicts_capped(&counting, 5);
    assert_eq!((capped.conflicts().len(), capped.total()), (5, 2 * pairs));
    assert!(!capped.is_complete());
    // No meeting follows another: travel is never asked.
    assert_eq!(asked.get(), 0);
}
