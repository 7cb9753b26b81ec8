//! The time-zone data's horizon: chrono-tz has no transitions after 2099.
//! A civil time after 2099 is refused in a zone that still changes its
//! clocks then, and in every other zone agrees with Python's `zoneinfo`,
//! which applies each zone's final rule (its POSIX TZ string) for ever.
//! Without a `zoneinfo` of chrono-tz's tz release that comparison skips,
//! saying why, or fails under `DIPLOMEET_REQUIRE_ORACLES=1`.

mod common;

use common::{civil, oracle};
use diplomeet::time::parse_zone;
use diplomeet::{Disambiguation, ErrorKind, ZonedDateTime};

/// The civil times asked for in every zone: January and July, at noon, of
/// years past the horizon.
fn civils() -> Vec<String> {
    [2100, 2101, 2150, 2200, 2300, 2400]
        .into_iter()
        .flat_map(|y| [format!("{y}-01-15T12:00:00"), format!("{y}-07-15T12:00:00")])
        .collect()
}

#[test]
fn new_york_in_2100_is_refused_naming_the_horizon() {
    let ny = parse_zone("America/New_York").unwrap();
    let e = ZonedDateTime::resolve(civil("2100-07-01T12:00"), ny, Disambiguation::Compatible)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::ZoneDataHorizon);
    assert!(e.is_time());
    let msg = e.to_string();
    assert!(
        msg.contains("2099") && msg.contains("America/New_York"),
        "{msg}"
    );
    // The last year is fine, and so is RFC 9557 text up to it.
    ZonedDateTime::resolve(civil("2099-07-01T12:00"), ny, Disambiguation::Reject).unwrap();
    let e = "2100-07-01T12:00:00-04:00[America/New_York]"
        .parse::<ZonedDateTime>()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::ZoneDataHorizon);
}

#[test]
fn past_the_horizon_agrees_with_zoneinfo_or_is_refused() {
    let zones: Vec<chrono_tz::Tz> = chrono_tz::TZ_VARIANTS.to_vec();
    let mut input = String::new();
    let mut ours = Vec::new();
    for z in &zones {
        for c in civils() {
            input.push_str(&format!("{} {c} earlier\n", z.name()));
            ours.push(ZonedDateTime::resolve(
                civil(&c),
                *z,
                Disambiguation::Earlier,
            ));
        }
    }
    let Some(mut python) = oracle::zoneinfo() else {
        return;
    };
    python.arg(oracle::support("zoneinfo_oracle.py"));
    let Some(output) = oracle::ZONEINFO.run(python, Some(input.into_bytes())) else {
        return;
    };
    assert!(output.status.success(), "the oracle failed");
    let text = String::from_utf8(output.stdout).unwrap();
    let theirs: Vec<&str> = text.lines().collect();
    assert_eq!(theirs.len(), ours.len());

    let per_zone = civils().len();
    let (mut agreed, mut refused) = (0, 0);
    for (zi, z) in zones.iter().enumerate() {
        let lines = &theirs[zi * per_zone..(zi + 1) * per_zone];
        // Whether zoneinfo shows the zone changing its clocks past 2099.
        let offsets: Vec<&str> = lines
            .iter()
            .filter_map(|l| l.rsplit_once('[').map(|(head, _)| &head[19..]))
            .collect();
        let changes = offsets.windows(2).any(|w| w[0] != w[1]);
        for (k, line) in lines.iter().enumerate() {
            match &ours[zi * per_zone + k] {
                Ok(z) => {
                    assert_eq!(z.to_string(), *line, "{}", z.zone().name());
                    agreed += 1;
                }
                Err(e) => {
                    assert_eq!(e.kind(), ErrorKind::ZoneDataHorizon, "{}: {e}", z.name());
                    assert!(
                        changes,
                        "{} is refused but zoneinfo keeps it on one offset: {lines:?}",
                        z.name()
                    );
                    refused += 1;
                }
            }
        }
    }
    eprintln!("{agreed} civil times agree with zoneinfo, {refused} refused past 2099");
    assert!(agreed > 0 && refused > 0);
}
