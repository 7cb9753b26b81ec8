//! bytes → `IcsCalendar::parse_bytes`, then expansions over two windows.
//! Properties: no panic, and no endless loop (the step limits are low so
//! that a run is quick); occurrences overlap their window and come sorted
//! by start, end and UID; each ends no earlier than it starts; busy blocks
//! are sorted, disjoint and not touching; rebuilding meetings never panics.
#![no_main]

use chrono::{TimeZone, Utc};
use diplomeet::Limits;
use diplomeet::ical::{IcsCalendar, Window};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = Limits::default()
        .with_max_occurrences_per_rule(2_000)
        .with_max_occurrences(20_000);
    let Ok(calendar) = IcsCalendar::parse_bytes(data, &limits) else {
        return;
    };
    assert!(calendar.warnings().len() <= 1_001);
    let at = |y, m, d| Utc.with_ymd_and_hms(y, m, d, 0, 0, 0).single().unwrap();
    let windows = [
        Window::new(at(2026, 1, 1), at(2026, 4, 1)).unwrap(),
        Window::new(at(1990, 1, 1), at(2040, 1, 1))
            .unwrap()
            .with_floating_zone(chrono_tz::Asia::Kathmandu),
    ];
    for window in &windows {
        let occurrences = calendar.occurrences(window);
        let mut previous = None;
        for o in &occurrences {
            assert!(o.start() <= o.end(), "{} ends before it starts", o.uid());
            if o.start() == o.end() {
                assert!(window.start() <= o.start() && o.start() < window.end());
            } else {
                assert!(o.start() < window.end() && o.end() > window.start());
            }
            let key = (o.start(), o.end(), o.uid());
            assert!(previous.is_none_or(|p| p <= key), "not sorted");
            previous = Some(key);
        }
        let busy = occurrences.busy();
        for pair in busy.windows(2) {
            assert!(pair[0].0 < pair[0].1 && pair[0].1 < pair[1].0, "busy blocks overlap");
        }
    }
    for event in calendar.events().iter().take(50) {
        let _ = event.to_meeting(|_| None);
    }
    let _ = calendar.first_start(chrono_tz::UTC);
});
