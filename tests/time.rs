//! Behaviour of the time module: gaps and folds under every policy, RFC 9557
//! text, offset conflicts, durations.
// Helpers stop loudly too: clippy.toml allows this in #[test] functions only.
#![allow(clippy::unwrap_used)]

use chrono::{Datelike, TimeDelta, TimeZone, Utc};
use diplomeet::time::{format_duration, parse_civil, parse_duration, parse_zone};
use diplomeet::{Disambiguation, ErrorKind, OffsetPolicy, ZonedDateTime};

const ALL: [Disambiguation; 4] = [
    Disambiguation::Reject,
    Disambiguation::Earlier,
    Disambiguation::Later,
    Disambiguation::Compatible,
];

fn resolve(zone: &str, civil: &str, policy: Disambiguation) -> Result<String, diplomeet::Error> {
    ZonedDateTime::resolve(
        parse_civil(civil).unwrap(),
        parse_zone(zone).unwrap(),
        policy,
    )
    .map(|z| z.to_string())
}

/// Checks a gap under every policy: Reject's error, then Earlier, Later and
/// Compatible (which is Later).
fn gap(zone: &str, civil: &str, before: &str, after: &str, earlier: &str, later: &str) {
    let e = resolve(zone, civil, Disambiguation::Reject).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Gap);
    let civil_text = parse_civil(civil)
        .unwrap()
        .format("%Y-%m-%dT%H:%M:%S")
        .to_string();
    assert_eq!(
        e.to_string(),
        format!(
            "{civil_text} does not exist in {zone}: it falls in a gap where the offset changes from {before} to {after}"
        )
    );
    assert_eq!(
        resolve(zone, civil, Disambiguation::Earlier).unwrap(),
        earlier
    );
    assert_eq!(resolve(zone, civil, Disambiguation::Later).unwrap(), later);
    assert_eq!(
        resolve(zone, civil, Disambiguation::Compatible).unwrap(),
        later
    );
}

/// Checks a fold under every policy.
fn fold(zone: &str, civil: &str, first: &str, second: &str) {
    let e = resolve(zone, civil, Disambiguation::Reject).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Fold);
    let civil_text = parse_civil(civil)
        .unwrap()
        .format("%Y-%m-%dT%H:%M:%S")
        .to_string();
    assert_eq!(
        e.to_string(),
        format!(
            "{civil_text} is ambiguous in {zone}: it occurs at offset {first} and again at {second}"
        )
    );
    let one = format!("{civil_text}{first}[{zone}]");
    let two = format!("{civil_text}{second}[{zone}]");
    assert_eq!(resolve(zone, civil, Disambiguation::Earlier).unwrap(), one);
    assert_eq!(
        resolve(zone, civil, Disambiguation::Compatible).unwrap(),
        one
    );
    assert_eq!(resolve(zone, civil, Disambiguation::Later).unwrap(), two);
    // The text of each occurrence selects it again.
    for text in [&one, &two] {
        assert_eq!(&text.parse::<ZonedDateTime>().unwrap().to_string(), text);
    }
    let (a, b) = (
        one.parse::<ZonedDateTime>().unwrap(),
        two.parse::<ZonedDateTime>().unwrap(),
    );
    assert!(a < b);
    assert_ne!(a, b);
}

/// A civil time that is neither: the same answer under every policy.
fn plain(zone: &str, civil: &str, want: &str) {
    for p in ALL {
        assert_eq!(resolve(zone, civil, p).unwrap(), want, "{p}");
    }
}

#[test]
fn new_york() {
    gap(
        "America/New_York",
        "2026-03-08T02:30",
        "-05:00",
        "-04:00",
        "2026-03-08T01:30:00-05:00[America/New_York]",
        "2026-03-08T03:30:00-04:00[America/New_York]",
    );
    gap(
        "America/New_York",
        "2026-03-08T02:00",
        "-05:00",
        "-04:00",
        "2026-03-08T01:00:00-05:00[America/New_York]",
        "2026-03-08T03:00:00-04:00[America/New_York]",
    );
    plain(
        "America/New_York",
        "2026-03-08T01:59:59",
        "2026-03-08T01:59:59-05:00[America/New_York]",
    );
    plain(
        "America/New_York",
        "2026-03-08T03:00",
        "2026-03-08T03:00:00-04:00[America/New_York]",
    );
    fold("America/New_York", "2026-11-01T01:30", "-04:00", "-05:00");
    fold("America/New_York", "2026-11-01T01:00", "-04:00", "-05:00");
    plain(
        "America/New_York",
        "2026-11-01T00:59:59",
        "2026-11-01T00:59:59-04:00[America/New_York]",
    );
    plain(
        "America/New_York",
        "2026-11-01T02:00",
        "2026-11-01T02:00:00-05:00[America/New_York]",
    );
}

#[test]
fn lord_howe_half_hour() {
    gap(
        "Australia/Lord_Howe",
        "2026-10-04T02:15",
        "+10:30",
        "+11:00",
        "2026-10-04T01:45:00+10:30[Australia/Lord_Howe]",
        "2026-10-04T02:45:00+11:00[Australia/Lord_Howe]",
    );
    plain(
        "Australia/Lord_Howe",
        "2026-10-04T02:30",
        "2026-10-04T02:30:00+11:00[Australia/Lord_Howe]",
    );
    plain(
        "Australia/Lord_Howe",
        "2026-10-04T01:59",
        "2026-10-04T01:59:00+10:30[Australia/Lord_Howe]",
    );
    fold(
        "Australia/Lord_Howe",
        "2026-04-05T01:45",
        "+11:00",
        "+10:30",
    );
    plain(
        "Australia/Lord_Howe",
        "2026-04-05T02:00",
        "2026-04-05T02:00:00+10:30[Australia/Lord_Howe]",
    );
}

#[test]
fn santiago_midnight() {
    gap(
        "America/Santiago",
        "2026-09-06T00:00",
        "-04:00",
        "-03:00",
        "2026-09-05T23:00:00-04:00[America/Santiago]",
        "2026-09-06T01:00:00-03:00[America/Santiago]",
    );
    gap(
        "America/Santiago",
        "2026-09-06T00:59:59",
        "-04:00",
        "-03:00",
        "2026-09-05T23:59:59-04:00[America/Santiago]",
        "2026-09-06T01:59:59-03:00[America/Santiago]",
    );
    fold("America/Santiago", "2026-04-04T23:30", "-03:00", "-04:00");
    plain(
        "America/Santiago",
        "2026-04-05T00:00",
        "2026-04-05T00:00:00-04:00[America/Santiago]",
    );
}

#[test]
fn apia_skipped_day() {
    for civil in [
        "2011-12-30T00:00",
        "2011-12-30T12:00",
        "2011-12-30T23:59:59",
    ] {
        let t = parse_civil(civil).unwrap();
        let date_before = "2011-12-29";
        let date_after = "2011-12-31";
        let hms = t.format("%H:%M:%S").to_string();
        gap(
            "Pacific/Apia",
            civil,
            "-10:00",
            "+14:00",
            &format!("{date_before}T{hms}-10:00[Pacific/Apia]"),
            &format!("{date_after}T{hms}+14:00[Pacific/Apia]"),
        );
    }
    plain(
        "Pacific/Apia",
        "2011-12-29T23:59:59",
        "2011-12-29T23:59:59-10:00[Pacific/Apia]",
    );
    plain(
        "Pacific/Apia",
        "2011-12-31T00:00",
        "2011-12-31T00:00:00+14:00[Pacific/Apia]",
    );
}

#[test]
fn seed_fact() {
    let la: ZonedDateTime = "2023-11-13T16:00:00-08:00[America/Los_Angeles]"
        .parse()
        .unwrap();
    assert_eq!(
        la.in_zone(parse_zone("Asia/Tokyo").unwrap()).to_string(),
        "2023-11-14T09:00:00+09:00[Asia/Tokyo]"
    );
    assert_eq!(
        la.in_zone(parse_zone("America/Santiago").unwrap())
            .to_string(),
        "2023-11-13T21:00:00-03:00[America/Santiago]"
    );
    assert_eq!(
        la.instant(),
        Utc.with_ymd_and_hms(2023, 11, 14, 0, 0, 0).unwrap()
    );
    let tokyo = la.in_zone(chrono_tz::Asia::Tokyo);
    assert_eq!(tokyo.date().to_string(), "2023-11-14");
    assert_eq!(tokyo.offset().local_minus_utc(), 9 * 3600);
    assert_eq!(tokyo.zone(), chrono_tz::Asia::Tokyo);
    assert_eq!(ZonedDateTime::from_datetime(&tokyo.to_datetime()), tokyo);
    assert_eq!(
        ZonedDateTime::from_instant(la.instant(), chrono_tz::America::Los_Angeles),
        la
    );
    // Same instant, different zones: ordered by zone name, not equal.
    assert_ne!(la, tokyo);
    assert!(la < tokyo);
    let end = la.checked_add(TimeDelta::try_minutes(30).unwrap()).unwrap();
    assert_eq!(
        end.to_string(),
        "2023-11-13T16:30:00-08:00[America/Los_Angeles]"
    );
}

#[test]
fn checked_add_is_exact_time() {
    let z: ZonedDateTime = "2026-03-08T01:30:00-05:00[America/New_York]"
        .parse()
        .unwrap();
    assert_eq!(
        z.checked_add(TimeDelta::try_hours(1).unwrap())
            .unwrap()
            .to_string(),
        "2026-03-08T03:30:00-04:00[America/New_York]"
    );
    let e = z.checked_add(TimeDelta::MAX).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::OutOfRange);
    let late: ZonedDateTime = "9999-12-31T23:00:00+00:00[UTC]".parse().unwrap();
    assert_eq!(
        late.checked_add(TimeDelta::try_hours(1).unwrap())
            .unwrap_err()
            .kind(),
        ErrorKind::OutOfRange
    );
}

#[test]
fn round_trips() {
    for text in [
        "2023-11-13T16:00:00-08:00[America/Los_Angeles]",
        "2023-11-13T16:00:00.5-08:00[America/Los_Angeles]",
        "2023-11-13T16:00:00.123456789-08:00[America/Los_Angeles]",
        "2023-11-13T16:00:00.000000001-08:00[America/Los_Angeles]",
        "2026-11-01T01:30:00-04:00[America/New_York]",
        "2026-11-01T01:30:00-05:00[America/New_York]",
        "2024-06-01T12:00:00+05:45[Asia/Kathmandu]",
        "2024-06-01T12:00:00+00:00[UTC]",
        "0000-01-01T00:00:00+00:00[UTC]",
        "9999-12-31T23:59:59.999999999+09:00[Asia/Tokyo]",
        // Local mean time: offsets with seconds.
        "1880-01-01T00:00:00+09:18:59[Asia/Tokyo]",
        "1850-01-01T00:00:00-04:56:02[America/New_York]",
    ] {
        let z: ZonedDateTime = text.parse().unwrap();
        assert_eq!(z.to_string(), text);
    }
    // Accepted but written back canonically.
    for (text, canonical) in [
        (
            "2023-11-13t16:00-08:00[America/Los_Angeles]",
            "2023-11-13T16:00:00-08:00[America/Los_Angeles]",
        ),
        (
            "2023-11-13T16:00:00.500-08:00[!America/Los_Angeles]",
            "2023-11-13T16:00:00.5-08:00[America/Los_Angeles]",
        ),
        (
            "2023-11-13T16:00:00-08:00[America/Los_Angeles][u-ca=iso8601]",
            "2023-11-13T16:00:00-08:00[America/Los_Angeles]",
        ),
        (
            "2023-11-13T16:00:00-08:00[America/Los_Angeles][!u-ca=iso8601]",
            "2023-11-13T16:00:00-08:00[America/Los_Angeles]",
        ),
        (
            "2023-11-13T16:00:00-08:00[America/Los_Angeles][u-ca=japanese][foo=bar-baz]",
            "2023-11-13T16:00:00-08:00[America/Los_Angeles]",
        ),
    ] {
        let z: ZonedDateTime = text.parse().unwrap();
        assert_eq!(z.to_string(), canonical);
    }
}

#[test]
fn utc_designator_keeps_the_instant() {
    for policy in [
        OffsetPolicy::Reject,
        OffsetPolicy::KeepCivil,
        OffsetPolicy::KeepInstant,
    ] {
        for text in [
            "2023-11-14T00:00:00Z[Asia/Tokyo]",
            "2023-11-14T00:00:00z[Asia/Tokyo]",
            "2023-11-14T00:00:00-00:00[Asia/Tokyo]",
        ] {
            assert_eq!(
                ZonedDateTime::parse(text, policy).unwrap().to_string(),
                "2023-11-14T09:00:00+09:00[Asia/Tokyo]"
            );
        }
    }
    // Z on a time that is in a gap locally is no problem: the instant is known.
    assert_eq!(
        "2026-03-08T07:30:00Z[America/New_York]"
            .parse::<ZonedDateTime>()
            .unwrap()
            .to_string(),
        "2026-03-08T03:30:00-04:00[America/New_York]"
    );
}

#[test]
fn offset_conflicts() {
    // Samoa moved across the date line at the end of 2011: -11:00 became +13:00.
    let stale = "2012-06-01T10:00:00-11:00[Pacific/Apia]";
    let e = ZonedDateTime::parse(stale, OffsetPolicy::Reject).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::OffsetConflict);
    assert_eq!(
        e.to_string(),
        "offset -11:00 is not valid for 2012-06-01T10:00:00 in Pacific/Apia, which has +13:00 there"
    );
    assert_eq!(
        ZonedDateTime::parse(stale, OffsetPolicy::KeepCivil)
            .unwrap()
            .to_string(),
        "2012-06-01T10:00:00+13:00[Pacific/Apia]"
    );
    assert_eq!(
        ZonedDateTime::parse(stale, OffsetPolicy::KeepInstant)
            .unwrap()
            .to_string(),
        "2012-06-02T10:00:00+13:00[Pacific/Apia]"
    );

    // A fold: neither of its offsets.
    let odd = "2026-11-01T01:30:00-06:00[America/New_York]";
    let e = ZonedDateTime::parse(odd, OffsetPolicy::Reject).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::OffsetConflict);
    assert!(
        e.to_string().contains("which has -04:00 or -05:00 there"),
        "{e}"
    );
    assert_eq!(
        ZonedDateTime::parse(odd, OffsetPolicy::KeepCivil)
            .unwrap()
            .to_string(),
        "2026-11-01T01:30:00-04:00[America/New_York]"
    );
    assert_eq!(
        ZonedDateTime::parse(odd, OffsetPolicy::KeepInstant)
            .unwrap()
            .to_string(),
        "2026-11-01T02:30:00-05:00[America/New_York]"
    );

    // A gap: no offset is valid; KeepCivil resolves with Compatible.
    let skipped = "2026-03-08T02:30:00-05:00[America/New_York]";
    let e = ZonedDateTime::parse(skipped, OffsetPolicy::Reject).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::OffsetConflict);
    assert!(e.to_string().contains("gap"), "{e}");
    assert!(e.to_string().contains("from -05:00 to -04:00"), "{e}");
    assert_eq!(
        ZonedDateTime::parse(skipped, OffsetPolicy::KeepCivil)
            .unwrap()
            .to_string(),
        "2026-03-08T03:30:00-04:00[America/New_York]"
    );
    let with_after = "2026-03-08T02:30:00-04:00[America/New_York]";
    assert_eq!(
        ZonedDateTime::parse(with_after, OffsetPolicy::KeepInstant)
            .unwrap()
            .to_string(),
        "2026-03-08T01:30:00-05:00[America/New_York]"
    );
}

#[test]
fn bad_inputs() {
    for (text, kind, says) in [
        ("", ErrorKind::InvalidTimestamp, "year"),
        ("2023-11-13", ErrorKind::InvalidTimestamp, "time of day"),
        ("2023-11-13T16:00:00", ErrorKind::InvalidTimestamp, "offset"),
        ("2023-11-13T16:00:00-08", ErrorKind::InvalidTimestamp, "':'"),
        (
            "2023-11-13T16:00:00-0800[America/Los_Angeles]",
            ErrorKind::InvalidTimestamp,
            "':'",
        ),
        (
            "2023-11-13T16:00:00-08:00",
            ErrorKind::InvalidTimestamp,
            "missing the time-zone",
        ),
        (
            "2023-11-13T16:00:00-08:00[America/Los_Angeles",
            ErrorKind::InvalidTimestamp,
            "closing",
        ),
        (
            "2023-11-13T16:00:00-08:00America/Los_Angeles]",
            ErrorKind::InvalidTimestamp,
            "'['",
        ),
        (
            "2023-11-13T16:00:00[America/Los_Angeles]",
            ErrorKind::InvalidTimestamp,
            "missing the UTC offset",
        ),
        (
            "2023-13-13T16:00:00-08:00[America/Los_Angeles]",
            ErrorKind::InvalidTimestamp,
            "month 13",
        ),
        (
            "2023-02-30T16:00:00-08:00[America/Los_Angeles]",
            ErrorKind::InvalidTimestamp,
            "day 30",
        ),
        (
            "2023-11-13T25:00:00-08:00[America/Los_Angeles]",
            ErrorKind::InvalidTimestamp,
            "hour 25",
        ),
        (
            "2023-11-13T16:00:60-08:00[America/Los_Angeles]",
            ErrorKind::InvalidTimestamp,
            "leap",
        ),
        (
            "2023-11-13T16:00:00-24:00[America/Los_Angeles]",
            ErrorKind::InvalidTimestamp,
            "offset",
        ),
        (
            "2023-11-13T16:00:00-08:00[Mars/Olympus]",
            ErrorKind::UnknownZone,
            "\"Mars/Olympus\"",
        ),
        (
            "2023-11-13T16:00:00-08:00[america/los_angeles]",
            ErrorKind::UnknownZone,
            "america",
        ),
        (
            "2023-11-13T16:00:00-08:00[]",
            ErrorKind::UnknownZone,
            "\"\"",
        ),
        (
            "2023-11-13T16:00:00-08:00[+09:00]",
            ErrorKind::InvalidTimestamp,
            "numeric",
        ),
        (
            "2023-11-13T16:00:00-08:00[u-ca=iso8601]",
            ErrorKind::InvalidTimestamp,
            "tag",
        ),
        (
            "2023-11-13T16:00:00-08:00[America/Los_Angeles][!u-ca=japanese]",
            ErrorKind::InvalidTimestamp,
            "critical",
        ),
        (
            "2023-11-13T16:00:00-08:00[America/Los_Angeles][!foo=bar]",
            ErrorKind::InvalidTimestamp,
            "critical",
        ),
        (
            "2023-11-13T16:00:00-08:00[America/Los_Angeles][Asia/Tokyo]",
            ErrorKind::InvalidTimestamp,
            "only one",
        ),
        (
            "2023-11-13T16:00:00-08:00[America/Los_Angeles][u-ca=]",
            ErrorKind::InvalidTimestamp,
            "malformed value",
        ),
        (
            "2023-11-13T16:00:00-08:00[America/Los_Angeles] ",
            ErrorKind::InvalidTimestamp,
            "unexpected",
        ),
        (
            "2023-11-13 16:00:00-08:00[America/Los_Angeles]",
            ErrorKind::InvalidTimestamp,
            "'T'",
        ),
        (
            "10000-01-01T00:00:00+00:00[UTC]",
            ErrorKind::InvalidTimestamp,
            "four digits",
        ),
        (
            "+10000-01-01T00:00:00+00:00[UTC]",
            ErrorKind::InvalidTimestamp,
            "expanded",
        ),
        (
            "9999-12-31T23:00:00Z[Asia/Tokyo]",
            ErrorKind::OutOfRange,
            "10000",
        ),
        (
            "0000-01-01T00:00:00+01:00[UTC]",
            ErrorKind::OffsetConflict,
            "+01:00",
        ),
        (
            "２０２３-11-13T16:00:00-08:00[America/Los_Angeles]",
            ErrorKind::InvalidTimestamp,
            "year",
        ),
        (
            "2023-11-13T16:00:00−08:00[America/Los_Angeles]",
            ErrorKind::InvalidTimestamp,
            "'−'",
        ),
        (
            "2023-11-13T16:00:00-08:00[Europe/Zürich]",
            ErrorKind::UnknownZone,
            "Zürich",
        ),
        (
            "2023-11-13T16:00:00-08:00[America/Los_Angeles]é",
            ErrorKind::InvalidTimestamp,
            "'é'",
        ),
        (
            "2023-11-13T16:00:00.-08:00[America/Los_Angeles]",
            ErrorKind::InvalidTimestamp,
            "digits",
        ),
        (
            "2023-11-13T16:00.5-08:00[America/Los_Angeles]",
            ErrorKind::InvalidTimestamp,
            "fraction",
        ),
    ] {
        let e = text.parse::<ZonedDateTime>().unwrap_err();
        assert_eq!(e.kind(), kind, "{text}: {e}");
        let msg = e.to_string();
        assert!(msg.contains(says), "{text}: {msg}");
        if kind == ErrorKind::InvalidTimestamp {
            assert!(msg.contains(&format!("{text:?}")), "{text}: {msg}");
        }
    }
    // Every prefix of a valid string fails cleanly, and so does every cut of a
    // string with multi-byte characters.
    let good = "2023-11-13T16:00:00.25-08:00[!America/Los_Angeles][u-ca=iso8601]";
    let zone_end = good.find(']').unwrap();
    for i in 0..good.len() {
        let prefix = good.get(..i).unwrap();
        assert_eq!(
            prefix.parse::<ZonedDateTime>().is_ok(),
            i == zone_end + 1,
            "{prefix}"
        );
    }
    let wild = "2023-11-13T16:00:00-08:00[Ämerica/Łos_Ängeles]€";
    for (i, _) in wild.char_indices() {
        let _ = wild.get(..i).unwrap().parse::<ZonedDateTime>();
        let _ = wild.get(i..).unwrap().parse::<ZonedDateTime>();
    }
    // Long input is echoed shortened.
    let long = format!("{}[UTC]", "9".repeat(500));
    let msg = long.parse::<ZonedDateTime>().unwrap_err().to_string();
    assert!(msg.len() < 300, "{msg}");
}

#[test]
fn policies_as_text() {
    for p in ALL {
        assert_eq!(p.to_string().parse::<Disambiguation>().unwrap(), p);
    }
    assert_eq!(Disambiguation::default(), Disambiguation::Reject);
    assert_eq!(OffsetPolicy::default(), OffsetPolicy::Reject);
    let e = "sooner".parse::<Disambiguation>().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidValue);
    assert!(e.to_string().contains("\"sooner\""));
    assert_eq!(
        "keep-civil".parse::<OffsetPolicy>().unwrap(),
        OffsetPolicy::KeepCivil
    );
}

#[test]
fn durations() {
    assert_eq!(parse_duration("PT30M").unwrap().num_minutes(), 30);
    assert_eq!(parse_duration("PT1H30M").unwrap().num_minutes(), 90);
    assert_eq!(parse_duration("P1D").unwrap().num_hours(), 24);
    assert_eq!(format_duration(parse_duration("P1D").unwrap()), "PT24H");
    assert_eq!(format_duration(TimeDelta::zero()), "PT0S");
    assert_eq!(
        parse_duration("-PT30M").unwrap_err().kind(),
        ErrorKind::DurationOutOfRange
    );
    for bad in ["P", "PT", "PT30", "30M", "PT1Y", "P1M", "garbage", ""] {
        assert_eq!(
            parse_duration(bad).unwrap_err().kind(),
            ErrorKind::InvalidDuration,
            "{bad}"
        );
    }
}

#[test]
fn out_of_range_years() {
    let e = ZonedDateTime::resolve(
        chrono::NaiveDate::from_ymd_opt(10000, 1, 1)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap(),
        chrono_tz::UTC,
        Disambiguation::Reject,
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::OutOfRange);
    // from_instant cannot fail; such years print in expanded form.
    let far = Utc.with_ymd_and_hms(12345, 6, 7, 8, 9, 10).unwrap();
    assert_eq!(
        ZonedDateTime::from_instant(far, chrono_tz::UTC).to_string(),
        "+012345-06-07T08:09:10+00:00[UTC]"
    );
    let _ = ZonedDateTime::from_instant(chrono::DateTime::<Utc>::MAX_UTC, chrono_tz::Asia::Tokyo);
    let _ = ZonedDateTime::from_instant(
        chrono::DateTime::<Utc>::MIN_UTC,
        chrono_tz::America::New_York,
    );
}

#[cfg(feature = "json")]
#[test]
fn serde_uses_the_text_form() {
    let z: ZonedDateTime = "2023-11-13T16:00:00-08:00[America/Los_Angeles]"
        .parse()
        .unwrap();
    let json = serde_json::to_string(&z).unwrap();
    assert_eq!(json, "\"2023-11-13T16:00:00-08:00[America/Los_Angeles]\"");
    assert_eq!(serde_json::from_str::<ZonedDateTime>(&json).unwrap(), z);
    let err = serde_json::from_str::<ZonedDateTime>("\"2023-11-13T16:00:00-08:00\"").unwrap_err();
    assert!(
        err.to_string().contains("missing the time-zone annotation"),
        "{err}"
    );
    assert_eq!(
        serde_json::to_string(&OffsetPolicy::KeepInstant).unwrap(),
        "\"keep_instant\""
    );
    // The 0.1 spelling is still read.
    assert_eq!(
        serde_json::from_str::<OffsetPolicy>("\"keep-instant\"").unwrap(),
        OffsetPolicy::KeepInstant
    );
    assert_eq!(
        serde_json::from_str::<Disambiguation>("\"compatible\"").unwrap(),
        Disambiguation::Compatible
    );
}

#[test]
fn traits() {
    fn check<T: Send + Sync + Copy + Ord + std::hash::Hash + std::fmt::Debug + 'static>() {}
    check::<ZonedDateTime>();
    fn check2<T: Send + Sync + Copy + Eq + std::hash::Hash + Default + std::str::FromStr>() {}
    check2::<Disambiguation>();
    check2::<OffsetPolicy>();
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_text_parses_without_panic(s in "\\PC{0,80}") {
            let _ = s.parse::<ZonedDateTime>();
            let _ = parse_civil(&s);
            let _ = parse_duration(&s);
            let _ = parse_zone(&s);
        }

        #[test]
        fn near_valid_text_parses_without_panic(
            s in "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{0,10})?)?([Zz]|[+-][0-9]{2}:[0-9]{2}(:[0-9]{2})?)?(\\[!?[A-Za-z_/é+-]{0,20}\\])?(\\[!?[a-z-]{1,5}=[a-z0-9-]{0,9}\\])?"
        ) {
            let _ = s.parse::<ZonedDateTime>();
        }

        #[test]
        fn every_value_round_trips(
            zone in 0..chrono_tz::TZ_VARIANTS.len(),
            secs in -62_167_132_800i64..253_402_214_400,
            nanos in prop_oneof![Just(0u32), 0u32..1_000_000_000],
        ) {
            let zone = chrono_tz::TZ_VARIANTS[zone];
            let instant = chrono::DateTime::from_timestamp(secs, nanos).unwrap();
            let z = ZonedDateTime::from_instant(instant, zone);
            prop_assert_eq!(z.instant(), instant);
            let text = z.to_string();
            match text.parse::<ZonedDateTime>() {
                Ok(back) => {
                    prop_assert_eq!(back, z);
                    prop_assert_eq!(back.to_string(), text);
                }
                // Past 2099 a zone that keeps daylight saving time is refused
                // when read: chrono-tz's rules stop there (tests/horizon.rs).
                Err(e) => {
                    prop_assert_eq!(e.kind(), diplomeet::ErrorKind::ZoneDataHorizon, "{}", e);
                    prop_assert!(z.date().year() > 2099, "{}: {}", text, e);
                }
            }
        }

        #[test]
        fn durations_round_trip(secs in 0i64..1_000_000_000_000, nanos in 0u32..1_000_000_000) {
            let d = TimeDelta::new(secs, nanos).unwrap();
            prop_assert_eq!(parse_duration(&format_duration(d)).unwrap(), d);
        }
    }
}
