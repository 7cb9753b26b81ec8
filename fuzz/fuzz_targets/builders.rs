//! A meeting described by `arbitrary` input (strings, dates, durations, zones
//! by index into `chrono_tz::TZ_VARIANTS`, countries and organisations,
//! people and groups with roles, agenda items with sub-items and entries,
//! parts, sources, what was stated and what inferred) fed through the public
//! builders, and optionally a second one, merged into the first as another
//! ministry's report. Property: every builder returns Ok or Err, never
//! panics; every meeting built computes its derived values and exports
//! without panicking, round-trips through JSON exactly, and builds again
//! from `to_builder()` unchanged; a merge never panics and what it gives
//! round-trips.
#![no_main]

use diplomeet_fuzz::{BuildersInput, MeetingIn, check_meeting, check_merge};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: BuildersInput| {
    let Some(Ok(meeting)) = input.meeting.build() else {
        return;
    };
    check_meeting(&meeting);
    if let Some(Ok(other)) = input.other.as_ref().and_then(MeetingIn::build) {
        check_merge(&meeting, &other);
    }
});
