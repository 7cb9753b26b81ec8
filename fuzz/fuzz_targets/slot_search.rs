//! A small `SlotSearch` from `arbitrary` input: 1–4 participants (countries,
//! home zones, working hours, itineraries), a window of up to a few days
//! anywhere in chrono's range (the builder refuses more than its maximum),
//! any `TimeDelta` as duration and step, busy blocks, an optional calendar.
//! Property: build() and search() never panic and finish quickly (run with
//! libFuzzer's -timeout); every slot found lies in the window, lasts the
//! duration, and avoids every busy-for-all block.
#![no_main]

use arbitrary::Arbitrary;
use chrono::{DateTime, NaiveDate, TimeDelta, Utc, Weekday};
use diplomeet::schedule::{Attendee, Calendar, Itinerary, SlotSearch, WorkingHours};
use diplomeet::{Country, Minister, PersonName, Portfolio, Post};
use diplomeet_fuzz::{DurationIn, MeetingIn, TimeIn, zone};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
enum HoursIn {
    Default,
    Always,
    Ranges(Vec<(u8, TimeIn, TimeIn)>),
}

#[derive(Arbitrary, Debug)]
struct AttendeeIn {
    country: u16,
    home_zone: Option<u16>,
    hours: HoursIn,
    /// Stays: zone, first day and length in days, relative to the window.
    stays: Vec<(u16, i8, u8)>,
}

#[derive(Arbitrary, Debug)]
enum WindowIn {
    /// Minutes since 2023-01-01T00:00Z and length in minutes (up to 8 days:
    /// the brief asks for windows of at most 7; one more probes the edge).
    Near(i32, u16),
    /// Seconds since the epoch (anywhere chrono goes) and length in seconds.
    Anywhere(i64, u32),
    /// Start after end, or equal.
    Backwards(i32, u16),
}

#[derive(Arbitrary, Debug)]
struct Input {
    attendees: Vec<AttendeeIn>,
    window: WindowIn,
    duration: DurationIn,
    step: Option<DurationIn>,
    limit: Option<u8>,
    /// Busy blocks: participant (or everyone), start minutes after the
    /// window start, length.
    busy: Vec<(Option<u8>, i16, DurationIn)>,
    calendar: Vec<MeetingIn>,
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

fn base() -> DateTime<Utc> {
    DateTime::from_timestamp(1_672_531_200, 0).expect("2023-01-01")
}

fn minister(i: usize, a: &AttendeeIn) -> Option<Minister> {
    let n = Country::all().len();
    let country = Country::all().nth(usize::from(a.country) % n.max(1))?;
    let name = PersonName::builder()
        .given("Fuzz")
        .surname(format!("Minister{i}"))
        .build()
        .ok()?;
    let mut b = Minister::builder(name, country)
        .post(Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs").ok()?);
    if let Some(z) = a.home_zone {
        b = b.home_zone(zone(z));
    }
    b.build().ok()
}

fn attendee(i: usize, a: &AttendeeIn, day0: NaiveDate) -> Option<Attendee> {
    let mut att = Attendee::new(minister(i, a)?);
    match &a.hours {
        HoursIn::Default => {}
        HoursIn::Always => att = att.hours(WorkingHours::always()),
        HoursIn::Ranges(rs) => {
            let mut b = WorkingHours::builder();
            for (d, s, e) in rs.iter().take(10) {
                b = b.range(WEEK[usize::from(*d) % 7], s.get()?, e.get()?);
            }
            att = att.hours(b.build().ok()?);
        }
    }
    if !a.stays.is_empty() {
        let mut b = Itinerary::builder();
        for (z, first, len) in a.stays.iter().take(4) {
            let first = day0.checked_add_signed(TimeDelta::try_days(i64::from(*first))?)?;
            let last = first.checked_add_signed(TimeDelta::try_days(i64::from(*len % 16))?)?;
            b = b.stay("somewhere", zone(*z), first, last);
        }
        att = att.itinerary(b.build().ok()?);
    }
    Some(att)
}

fn window(w: &WindowIn) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    match *w {
        WindowIn::Near(start, len) => {
            let from = base().checked_add_signed(TimeDelta::try_minutes(i64::from(start))?)?;
            let len = i64::from(len) % (8 * 1440);
            Some((from, from.checked_add_signed(TimeDelta::try_minutes(len)?)?))
        }
        WindowIn::Anywhere(secs, len) => {
            let from = DateTime::from_timestamp(secs, 0)?;
            let len = i64::from(len) % (8 * 86_400);
            Some((from, from.checked_add_signed(TimeDelta::try_seconds(len)?)?))
        }
        WindowIn::Backwards(start, len) => {
            let to = base().checked_add_signed(TimeDelta::try_minutes(i64::from(start))?)?;
            Some((
                to.checked_add_signed(TimeDelta::try_minutes(i64::from(len))?)?,
                to,
            ))
        }
    }
}

fuzz_target!(|input: Input| {
    let Some((from, to)) = window(&input.window) else {
        return;
    };
    let day0 = from.date_naive();
    let mut calendar = Calendar::new();
    for m in input.calendar.iter().take(3) {
        if let Some(Ok(meeting)) = m.build() {
            calendar.push(meeting);
        }
    }
    let mut b = SlotSearch::builder();
    let mut ids = Vec::new();
    for (i, a) in input.attendees.iter().take(4).enumerate() {
        let Some(att) = attendee(i, a, day0) else {
            return;
        };
        ids.push(att.minister().id().to_owned());
        b = b.attendee(att);
    }
    let duration = input.duration.get();
    b = b.window(from, to).duration(duration);
    if let Some(s) = input.step {
        b = b.step(s.get());
    }
    if let Some(l) = input.limit {
        b = b.limit(usize::from(l));
    }
    let mut for_all = Vec::new();
    for (who, start, len) in input.busy.iter().take(6) {
        let Some(s) = from.checked_add_signed(TimeDelta::minutes(i64::from(*start))) else {
            continue;
        };
        let Some(e) = s.checked_add_signed(len.get()) else {
            continue;
        };
        match who {
            Some(i) if !ids.is_empty() => {
                b = b.busy(&ids[usize::from(*i) % ids.len()], s, e);
            }
            Some(_) => b = b.busy("nobody", s, e),
            None => {
                for_all.push((s, e));
                b = b.busy_for_all(s, e);
            }
        }
    }
    if !calendar.is_empty() {
        b = b.calendar(&calendar);
    }
    let Ok(search) = b.build() else { return };
    let _ = search.working_hours_utc();
    let result = search.search();
    let _ = (result.best(), result.reason().map(ToString::to_string));
    for slot in result.slots() {
        assert!(
            slot.start() >= from && slot.end() <= to,
            "slot outside the window: {slot:?}"
        );
        assert_eq!(
            slot.end().signed_duration_since(slot.start()),
            duration,
            "{slot:?}"
        );
        for (s, e) in &for_all {
            assert!(
                slot.end() <= *s || slot.start() >= *e,
                "slot overlaps a busy block: {slot:?}"
            );
        }
        let views = search.participants(slot);
        let outside = views.iter().try_fold(TimeDelta::zero(), |acc, p| {
            acc.checked_add(&p.outside_hours())
        });
        assert_eq!(
            outside,
            Some(slot.outside_hours()),
            "the participants' times outside hours do not add up: {slot:?}"
        );
        let _ = slot.is_within_hours();
    }
});
