//! str → `ZonedDateTime::parse` under every `OffsetPolicy`. Property: no
//! panic; whatever parses, displays as text that parses (under `Reject`, the
//! strictest policy) to the same value, and displays identically again.
#![no_main]

use diplomeet::{OffsetPolicy, ZonedDateTime};
use libfuzzer_sys::fuzz_target;

const POLICIES: [OffsetPolicy; 3] = [
    OffsetPolicy::Reject,
    OffsetPolicy::KeepCivil,
    OffsetPolicy::KeepInstant,
];

fuzz_target!(|text: &str| {
    for policy in POLICIES {
        let Ok(z) = ZonedDateTime::parse(text, policy) else {
            continue;
        };
        let shown = z.to_string();
        for again_policy in POLICIES {
            let again = ZonedDateTime::parse(&shown, again_policy).unwrap_or_else(|e| {
                panic!("{text:?} parsed under {policy} to {shown} which does not parse under {again_policy}: {e}")
            });
            assert_eq!(
                z, again,
                "{text:?} under {policy}: {shown} re-parses differently"
            );
            assert_eq!(again.to_string(), shown);
        }
        // The instant and civil time agree with the zone's rules.
        assert_eq!(z.in_zone(z.zone()), z, "{shown}: in_zone(own zone) differs");
    }
    let _ = text.parse::<ZonedDateTime>();
});
