//! A meeting described by `arbitrary` input (strings, dates, durations, zones
//! by index into `chrono_tz::TZ_VARIANTS`, countries, policies) fed through
//! the public builders. Property: every builder returns Ok or Err, never
//! panics; every meeting built round-trips through JSON exactly.
#![no_main]

use diplomeet_fuzz::{MeetingIn, check_meeting};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: MeetingIn| {
    if let Some(Ok(meeting)) = input.build() {
        check_meeting(&meeting);
    }
});
