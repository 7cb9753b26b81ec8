//! Behaviour of `Country` and `CountryBuilder` through the public API.

mod common;

use std::collections::HashSet;

use chrono_tz::Tz;
use common::country as c;
use common::oracle;
use diplomeet::{Country, ErrorKind};

/// The 193 UN member states, by alpha-2 code.
const UN_MEMBERS: [&str; 193] = [
    "AD", "AE", "AF", "AG", "AL", "AM", "AO", "AR", "AT", "AU", "AZ", "BA", "BB", "BD", "BE", "BF",
    "BG", "BH", "BI", "BJ", "BN", "BO", "BR", "BS", "BT", "BW", "BY", "BZ", "CA", "CD", "CF", "CG",
    "CH", "CI", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO",
    "DZ", "EC", "EE", "EG", "ER", "ES", "ET", "FI", "FJ", "FM", "FR", "GA", "GB", "GD", "GE", "GH",
    "GM", "GN", "GQ", "GR", "GT", "GW", "GY", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IN", "IQ",
    "IR", "IS", "IT", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KZ",
    "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MG",
    "MH", "MK", "ML", "MM", "MN", "MR", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NE", "NG",
    "NI", "NL", "NO", "NP", "NR", "NZ", "OM", "PA", "PE", "PG", "PH", "PK", "PL", "PT", "PW", "PY",
    "QA", "RO", "RS", "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SI", "SK", "SL", "SM", "SN",
    "SO", "SR", "SS", "ST", "SV", "SY", "SZ", "TD", "TG", "TH", "TJ", "TL", "TM", "TN", "TO", "TR",
    "TT", "TV", "TZ", "UA", "UG", "US", "UY", "UZ", "VC", "VE", "VN", "VU", "WS", "YE", "ZA", "ZM",
    "ZW",
];

#[test]
fn there_are_251_builtins_in_alpha2_order() {
    let all: Vec<Country> = Country::all().collect();
    assert_eq!(all.len(), 251);
    assert_eq!(Country::all().len(), 251);
    assert!(all.windows(2).all(|w| w[0].alpha2() < w[1].alpha2()));
    assert!(all.windows(2).all(|w| w[0] < w[1]));
    assert!(all.iter().all(Country::is_builtin));
}

#[test]
fn parses_every_form_in_any_case() {
    let chile = c("CL");
    for code in ["CL", "cl", "Cl", "cL", "CHL", "chl", "ChL", "152"] {
        assert_eq!(c(code), chile, "{code}");
        assert_eq!(code.parse::<Country>().unwrap(), chile, "{code}");
    }
    assert_eq!(Country::from_numeric(152).unwrap(), chile);
    // Leading zeros are part of the three-digit form.
    assert_eq!(c("004").alpha2(), "AF");
    assert_eq!(Country::from_numeric(4).unwrap().alpha2(), "AF");
}

#[test]
fn every_builtin_parses_from_each_of_its_codes() {
    for country in Country::all() {
        assert_eq!(c(country.alpha2()), country);
        assert_eq!(c(&country.alpha2().to_ascii_lowercase()), country);
        if let Some(a3) = country.alpha3() {
            assert_eq!(c(a3), country);
            assert_eq!(c(&a3.to_ascii_lowercase()), country);
        }
        if let Some(n) = country.numeric() {
            assert_eq!(c(&format!("{n:03}")), country);
            assert_eq!(Country::from_numeric(n).unwrap(), country);
        }
    }
}

#[test]
fn chile_facts() {
    let chile = c("CL");
    assert_eq!(chile.alpha2(), "CL");
    assert_eq!(chile.alpha3(), Some("CHL"));
    assert_eq!(chile.numeric(), Some(152));
    assert_eq!(chile.name(), "Chile");
    assert_eq!(chile.formal_name(), "Republic of Chile");
    assert!(chile.has_formal_name());
    assert_eq!(chile.capital_zone(), Tz::America__Santiago);
    assert_eq!(chile.zones().first(), Some(&Tz::America__Santiago));
    assert!(chile.has_zone(Tz::Pacific__Easter));
    assert!(chile.has_zone(Tz::America__Punta_Arenas));
    assert!(!chile.has_zone(Tz::Asia__Tokyo));
    assert_eq!(chile.to_string(), "CL");
}

#[test]
fn capitals_of_multi_zone_countries() {
    let expected = [
        ("US", Tz::America__New_York),
        ("CL", Tz::America__Santiago),
        ("RU", Tz::Europe__Moscow),
        ("AU", Tz::Australia__Sydney),
        ("BR", Tz::America__Sao_Paulo),
        ("CA", Tz::America__Toronto),
        ("MX", Tz::America__Mexico_City),
        ("ID", Tz::Asia__Jakarta),
        ("KZ", Tz::Asia__Almaty),
        ("CN", Tz::Asia__Shanghai),
        ("AR", Tz::America__Argentina__Buenos_Aires),
        ("ES", Tz::Europe__Madrid),
        ("PT", Tz::Europe__Lisbon),
        ("DE", Tz::Europe__Berlin),
        ("EC", Tz::America__Guayaquil),
        ("NZ", Tz::Pacific__Auckland),
        ("FR", Tz::Europe__Paris),
        ("GB", Tz::Europe__London),
        ("JP", Tz::Asia__Tokyo),
        ("CD", Tz::Africa__Kinshasa),
        ("CY", Tz::Asia__Nicosia),
        ("FM", Tz::Pacific__Pohnpei),
        ("GL", Tz::America__Nuuk),
        ("KI", Tz::Pacific__Tarawa),
        ("MH", Tz::Pacific__Majuro),
        ("MN", Tz::Asia__Ulaanbaatar),
        ("MY", Tz::Asia__Kuala_Lumpur),
        ("PF", Tz::Pacific__Tahiti),
        ("PG", Tz::Pacific__Port_Moresby),
        ("PS", Tz::Asia__Hebron),
        ("UA", Tz::Europe__Kyiv),
        ("UZ", Tz::Asia__Tashkent),
        ("EU", Tz::Europe__Brussels),
        ("XK", Tz::Europe__Belgrade),
        ("BV", Tz::Europe__Oslo),
        ("HM", Tz::Indian__Kerguelen),
    ];
    for (code, zone) in expected {
        assert_eq!(c(code).capital_zone(), zone, "{code}");
    }
}

#[test]
fn short_names_come_from_cldr() {
    let expected = [
        ("GB", "United Kingdom"),
        ("TR", "Türkiye"),
        ("KR", "South Korea"),
        ("KP", "North Korea"),
        ("US", "United States"),
        ("CL", "Chile"),
        ("CZ", "Czechia"),
        ("CI", "Côte d’Ivoire"),
        ("TL", "Timor-Leste"),
        ("AS", "American Samoa"),
        ("WS", "Samoa"),
        // CLDR's -alt-short form, not "… SAR China" / "Palestinian Territories".
        ("HK", "Hong Kong"),
        ("MO", "Macao"),
        ("PS", "Palestine"),
        ("EU", "European Union"),
        ("XK", "Kosovo"),
    ];
    for (code, name) in expected {
        assert_eq!(c(code).name(), name, "{code}");
    }
}

#[test]
fn formal_names() {
    assert_eq!(c("JP").formal_name(), "Japan");
    assert_eq!(
        c("GB").formal_name(),
        "United Kingdom of Great Britain and Northern Ireland"
    );
    assert_eq!(c("US").formal_name(), "United States of America");
    assert_eq!(c("KR").formal_name(), "Republic of Korea");
    assert_eq!(c("RU").formal_name(), "Russian Federation");
    assert_eq!(c("VA").formal_name(), "Holy See");
    assert_eq!(c("PS").formal_name(), "State of Palestine");
    // A territory without a formal name falls back to its short name.
    let aruba = c("AW");
    assert!(!aruba.has_formal_name());
    assert_eq!(aruba.formal_name(), aruba.name());
}

#[test]
fn every_un_member_and_observer_has_a_formal_name() {
    let set: HashSet<&str> = UN_MEMBERS.iter().copied().collect();
    assert_eq!(set.len(), 193);
    for code in UN_MEMBERS.iter().chain(&["VA", "PS"]) {
        let country = c(code);
        assert!(country.has_formal_name(), "{code}");
        assert!(!country.formal_name().trim().is_empty(), "{code}");
    }
}

#[test]
fn eu_and_kosovo() {
    let eu = c("eu");
    assert_eq!(eu.name(), "European Union");
    assert_eq!(eu.formal_name(), "European Union");
    assert_eq!(eu.alpha3(), None);
    assert_eq!(eu.numeric(), None);
    assert_eq!(eu.zones(), &[Tz::Europe__Brussels]);
    assert!(eu.is_builtin());

    let xk = c("XK");
    assert_eq!(xk.name(), "Kosovo");
    assert_eq!(xk.formal_name(), "Republic of Kosovo");
    assert_eq!(xk.alpha3(), Some("XKX"));
    assert_eq!(c("xkx"), xk);
    assert_eq!(xk.numeric(), None);
    assert_eq!(xk.capital_zone(), Tz::Europe__Belgrade);
}

#[test]
fn every_capital_zone_is_one_of_the_zones_and_comes_first() {
    for country in Country::all() {
        assert!(country.has_zone(country.capital_zone()), "{country}");
        assert_eq!(country.zones().first(), Some(&country.capital_zone()));
    }
}

#[test]
fn codes_are_unique() {
    let mut a3 = HashSet::new();
    let mut num = HashSet::new();
    for country in Country::all() {
        if let Some(code) = country.alpha3() {
            assert!(a3.insert(code.to_owned()), "alpha-3 {code} twice");
        }
        if let Some(n) = country.numeric() {
            assert!(num.insert(n), "numeric {n} twice");
        }
    }
    assert_eq!(a3.len(), 250); // all but EU
    assert_eq!(num.len(), 249); // all but EU and XK
}

#[test]
fn unknown_codes_are_named() {
    for code in ["ZQ", "zq", "QQQ", "998", "000"] {
        let err = Country::from_code(code).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UnknownCountry, "{code}");
        assert!(err.to_string().contains(&format!("\"{code}\"")), "{err}");
    }
    let err = Country::from_numeric(7).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnknownCountry);
    assert!(err.to_string().contains("\"007\""), "{err}");
}

#[test]
fn malformed_codes_are_invalid() {
    for code in [
        "", " ", "C", "CL ", "\tCL", "1CL", "12", "1234", "Ч1", "çl", "EU-27",
    ] {
        let err = Country::from_code(code).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidCountryCode, "{code:?}");
    }
    // Shaped like an organisation's code (a letter, then letters and digits),
    // but no built-in one: unknown.
    for code in ["CHLE", "C1L", "G99"] {
        let err = Country::from_code(code).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UnknownCountry, "{code:?}");
        assert!(err.to_string().contains("Country::builder"), "{err}");
    }
}

#[test]
fn builder_accepts_user_assigned_codes() {
    for code in ["XA", "QM", "ZZ", "AA", "qz", "xa"] {
        let actor = Country::builder(code)
            .name("Actor")
            .capital_zone(Tz::UTC)
            .build()
            .unwrap();
        assert_eq!(actor.alpha2(), code.to_ascii_uppercase());
        assert!(!actor.is_builtin());
        assert_eq!(actor.numeric(), None);
        assert_eq!(actor.formal_name(), "Actor");
        assert!(!actor.has_formal_name());
        // Declared actors are not found by code.
        assert_eq!(
            Country::from_code(code).map_err(|e| e.kind()),
            Err(ErrorKind::UnknownCountry)
        );
    }
}

#[test]
fn builder_rejects_other_codes() {
    for code in [
        "FR", "fr", "XK", "xk", "EU", "AB", "QL", "ZY", "X", "XAA", "X1", "",
    ] {
        let err = Country::builder(code)
            .name("Actor")
            .capital_zone(Tz::UTC)
            .build()
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidCountryCode, "{code}");
        assert_eq!(err.path(), "code");
    }
}

#[test]
fn builder_reports_every_violation() {
    let err = Country::builder("FR")
        .name("   ")
        .formal_name("x".repeat(201))
        .alpha3("CHL")
        .build()
        .unwrap_err();
    let got: Vec<(&str, ErrorKind)> = err.violations().map(|v| (v.path(), v.kind())).collect();
    assert_eq!(
        got,
        [
            ("code", ErrorKind::InvalidCountryCode),
            ("name", ErrorKind::Empty),
            ("formal_name", ErrorKind::TooLong),
            ("alpha3", ErrorKind::InvalidCountryCode),
            ("capital_zone", ErrorKind::Empty),
        ]
    );
    let missing_name = Country::builder("XA")
        .capital_zone(Tz::UTC)
        .build()
        .unwrap_err();
    assert_eq!(missing_name.path(), "name");
    assert_eq!(missing_name.kind(), ErrorKind::Empty);
    let bad_a3 = Country::builder("XA")
        .name("A")
        .alpha3("X1")
        .capital_zone(Tz::UTC)
        .build()
        .unwrap_err();
    assert_eq!(bad_a3.path(), "alpha3");
}

#[test]
fn builder_limits_are_in_characters() {
    let at_limit = "é".repeat(Country::MAX_NAME_LEN);
    let ok = Country::builder("XA")
        .name(at_limit.clone())
        .formal_name(format!("  {at_limit}  "))
        .capital_zone(Tz::UTC)
        .build()
        .unwrap();
    assert_eq!(ok.formal_name(), at_limit);
    let over = Country::builder("XA")
        .name(format!("{at_limit}é"))
        .capital_zone(Tz::UTC)
        .build()
        .unwrap_err();
    assert_eq!(over.kind(), ErrorKind::TooLong);
}

#[test]
fn builder_zones() {
    let actor = Country::builder("XA")
        .name("A")
        .alpha3("xab")
        .capital_zone(Tz::Europe__Brussels)
        .zone(Tz::Europe__Paris)
        .zone(Tz::Europe__Brussels)
        .zone(Tz::Europe__Paris)
        .build()
        .unwrap();
    assert_eq!(actor.alpha3(), Some("XAB"));
    assert_eq!(actor.zones(), &[Tz::Europe__Brussels, Tz::Europe__Paris]);
    assert!(actor.has_zone(Tz::Europe__Paris));
    let copy = actor.clone();
    assert_eq!(copy, actor);
}

/// The tz database release is a property of the lock file (chrono-tz
/// 0.10.4 embeds 2025b), not of the caret requirement in `Cargo.toml`: the
/// country data was generated from that release's tables, and the zoneinfo
/// tests compare against an oracle of the same release.
#[test]
fn tzdata_release_is_pinned() {
    assert_eq!(
        chrono_tz::IANA_TZDB_VERSION,
        "2025b",
        "Cargo.lock now resolves a chrono-tz that embeds tzdata {0}, not 2025b. \
         Vendor tzdata {0}'s iso3166.tab, zone.tab and zone1970.tab in tools/tzdata-{0}/ \
         (see tools/tzdata-2025b/README.md), set TZDATA_RELEASE in tools/gen_countries.py, \
         regenerate src/country/data.rs and review its diff, run the zoneinfo tests against a \
         Python whose tz database is {0}, and update this test, the README and CHANGELOG.md",
        chrono_tz::IANA_TZDB_VERSION
    );
}

#[test]
fn country_is_send_sync() {
    fn check<T: Send + Sync + 'static>() {}
    check::<Country>();
    check::<diplomeet::CountryBuilder>();
}

#[cfg(feature = "json")]
#[test]
fn serde_uses_the_alpha2_code() {
    let chile = c("CL");
    assert_eq!(serde_json::to_string(&chile).unwrap(), "\"CL\"");
    for json in ["\"CL\"", "\"chl\"", "\"152\""] {
        assert_eq!(serde_json::from_str::<Country>(json).unwrap(), chile);
    }
    let err = serde_json::from_str::<Country>("\"ZQ\"").unwrap_err();
    assert!(err.to_string().contains("ZQ"), "{err}");
    assert!(serde_json::from_str::<Country>("152").is_err());
    let all: Vec<Country> = Country::all().collect();
    let back: Vec<Country> = serde_json::from_str(&serde_json::to_string(&all).unwrap()).unwrap();
    assert_eq!(back, all);
}

/// Re-runs the generator in `--check` mode over the tzdata tables vendored
/// in `tools/tzdata-2025b/` and CLDR's npm packages (`DIPLOMEET_CLDR_CORE` and
/// `DIPLOMEET_CLDR_LOCALENAMES`, by default under `target/cldr`, where
/// `.ci/run` installs them). Without CLDR or Python it skips, saying why, or
/// fails under `DIPLOMEET_REQUIRE_ORACLES=1`; in the published package, which
/// has no `tools/`, it skips.
#[test]
fn generated_data_is_up_to_date() {
    let Some(generator) = oracle::repository_file("tools/gen_countries.py", "the country data")
    else {
        return;
    };
    let Some(tzdata) = oracle::repository_file("tools/tzdata-2025b", "the country data") else {
        return;
    };
    let Some((cldr, localenames)) = oracle::cldr() else {
        return;
    };
    let mut cmd = oracle::python();
    cmd.arg(generator)
        .arg("--check")
        .arg("--tzdata")
        .arg(tzdata)
        .arg("--cldr")
        .arg(cldr)
        .arg("--cldr-localenames")
        .arg(localenames);
    oracle::assert_generated(cmd, "src/country/data.rs");
}
