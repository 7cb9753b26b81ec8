//! Bytes → `Meeting::from_json_slice` (diplomeet/2 documents, and /1 ones,
//! which are upgraded on read). Property: no panic; every accepted document
//! round-trips: compact JSON → `from_json` gives an equal meeting, and
//! writing that again gives identical text (compact and indented); its
//! derived values and exports compute without panicking, `to_builder()`
//! builds it again unchanged, and merging it with itself gives a record that
//! round-trips too (`diplomeet_fuzz::check_meeting`).
#![no_main]

use diplomeet::Meeting;
use diplomeet_fuzz::check_meeting;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(meeting) = Meeting::from_json_slice(data) else {
        return;
    };
    let compact = meeting
        .to_json_compact()
        .expect("accepted meeting must serialize");
    let again = Meeting::from_json(&compact)
        .unwrap_or_else(|e| panic!("re-reading own output failed: {e}\n{compact}"));
    assert_eq!(meeting, again, "round trip changed the meeting\n{compact}");
    let compact2 = again.to_json_compact().expect("serialize again");
    assert_eq!(compact, compact2, "re-serialization differs");
    let pretty = meeting.to_json().expect("pretty");
    let from_pretty = Meeting::from_json(&pretty).expect("re-reading indented output");
    assert_eq!(
        meeting, from_pretty,
        "indented round trip changed the meeting"
    );
    check_meeting(&meeting);
});
