//! str → the small parsers: `Country::from_code`, `time::parse_zone`,
//! `time::parse_civil`, `time::parse_duration`, `StatedTime::from_str` (and
//! the same text split in two, for the two-token stated form). Property: no
//! panic; what parses reads back through its own canonical text.
#![no_main]

use diplomeet::Country;
use diplomeet::schedule::StatedTime;
use diplomeet::time::{format_duration, parse_civil, parse_duration, parse_zone};
use libfuzzer_sys::fuzz_target;

fn check(text: &str) {
    if let Ok(country) = Country::from_code(text) {
        let again = Country::from_code(country.alpha2()).expect("alpha-2 of a parsed country");
        assert_eq!(
            again,
            country,
            "{text:?}: alpha-2 {} reads back differently",
            country.alpha2()
        );
        if let Some(a3) = country.alpha3() {
            assert_eq!(Country::from_code(a3).expect("alpha-3"), country);
        }
        let _ = (
            country.name(),
            country.formal_name(),
            country.capital_zone(),
        );
    }
    if let Ok(tz) = parse_zone(text) {
        assert_eq!(parse_zone(tz.name()).expect("own name"), tz);
    }
    let _ = parse_civil(text);
    if let Ok(d) = parse_duration(text) {
        assert!(
            d >= chrono::TimeDelta::zero(),
            "{text:?}: negative duration accepted"
        );
        let shown = format_duration(d);
        let again = parse_duration(&shown)
            .unwrap_or_else(|e| panic!("{text:?} → {shown} does not read back: {e}"));
        assert_eq!(again, d, "{text:?} → {shown} reads back differently");
    }
    if let Ok(stated) = text.parse::<StatedTime>() {
        let shown = stated.to_string();
        let again: StatedTime = shown
            .parse()
            .unwrap_or_else(|e| panic!("{text:?} → {shown} does not read back: {e}"));
        assert_eq!(again, stated, "{text:?} → {shown} reads back differently");
        let _ = (
            stated.civil(),
            stated.has_seconds(),
            stated.zone().to_string(),
        );
    }
}

fuzz_target!(|text: &str| {
    check(text);
    // Most inputs are long: also try the two halves around the first space,
    // which is how a stated time's civil part and zone come apart.
    if let Some((a, b)) = text.split_once(' ') {
        check(a);
        check(b);
    }
});
