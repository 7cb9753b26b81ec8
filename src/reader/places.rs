//! Countries and places: country and organisation names, their formal
//! names, the adjectives readouts use ("Slovak Foreign Minister"),
//! possessives ("Australia’s Minister"), and places with their zones from
//! the gazetteer.
//!
//! The index is built once (on first use) from [`Country::all`],
//! [`Country::organisations`] and the curated tables below; a lookup is a
//! hash-map probe per candidate phrase, at most [`MAX_NAME_WORDS`] per
//! position.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono_tz::Tz;

use super::text::{Kind, Tok, key};
use crate::country::Country;
use crate::gazetteer;

/// The longest country or organisation name, in words ("United Kingdom of
/// Great Britain and Northern Ireland").
pub(crate) const MAX_NAME_WORDS: usize = 9;

/// How a country was named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Named {
    /// Its name or formal name ("Chile", "the Republic of Chile").
    Name,
    /// An adjective ("Chilean", "UK", "U.S.").
    Adjective,
    /// A possessive ("Chile’s").
    Possessive,
}

#[derive(Debug, Clone)]
struct Entry {
    code: &'static str,
    adjective: bool,
    /// Acronyms match only as written (in capitals): "US", not "us".
    exact: Option<&'static str>,
}

/// Curated alternative names and adjectives: (code, names, adjectives).
/// Facts of English usage, written for this crate.
const ALIASES: &[(&str, &[&str], &[&str])] = &[
    (
        "AE",
        &["UAE", "U.A.E.", "the UAE", "Emirates"],
        &["Emirati"],
    ),
    ("AF", &[], &["Afghan"]),
    ("AL", &[], &["Albanian"]),
    ("AM", &[], &["Armenian"]),
    ("AO", &[], &["Angolan"]),
    ("AR", &[], &["Argentine", "Argentinian"]),
    ("AT", &[], &["Austrian"]),
    ("AU", &[], &["Australian"]),
    ("AZ", &[], &["Azerbaijani", "Azeri"]),
    ("BA", &["Bosnia and Herzegovina", "Bosnia"], &["Bosnian"]),
    ("BD", &[], &["Bangladeshi"]),
    ("BE", &[], &["Belgian"]),
    ("BF", &[], &["Burkinabe"]),
    ("BG", &[], &["Bulgarian"]),
    ("BH", &[], &["Bahraini"]),
    ("BN", &["Brunei Darussalam"], &["Bruneian"]),
    ("BO", &[], &["Bolivian"]),
    ("BR", &[], &["Brazilian"]),
    ("BT", &[], &["Bhutanese"]),
    ("BW", &[], &["Botswanan"]),
    ("BY", &[], &["Belarusian", "Belarussian"]),
    ("CA", &[], &["Canadian"]),
    (
        "CD",
        &["DRC", "DR Congo", "Democratic Republic of Congo"],
        &["Congolese"],
    ),
    ("CH", &[], &["Swiss"]),
    (
        "CI",
        &["Cote d'Ivoire", "Côte d'Ivoire", "Ivory Coast"],
        &["Ivorian"],
    ),
    ("CL", &[], &["Chilean"]),
    ("CM", &[], &["Cameroonian"]),
    (
        "CN",
        &["PRC", "P.R.C.", "People's Republic of China"],
        &["Chinese", "PRC"],
    ),
    ("CO", &[], &["Colombian"]),
    ("CR", &[], &["Costa Rican"]),
    ("CU", &[], &["Cuban"]),
    ("CV", &["Cabo Verde"], &["Cape Verdean"]),
    ("CY", &[], &["Cypriot"]),
    ("CZ", &["Czech Republic"], &["Czech"]),
    ("DE", &[], &["German"]),
    ("DK", &[], &["Danish"]),
    ("DO", &[], &["Dominican"]),
    ("DZ", &[], &["Algerian"]),
    ("EC", &[], &["Ecuadorian"]),
    ("EE", &[], &["Estonian"]),
    ("EG", &[], &["Egyptian"]),
    ("ES", &[], &["Spanish"]),
    ("ET", &[], &["Ethiopian"]),
    (
        "EU",
        &["EU", "E.U.", "the EU", "the European Union"],
        &["EU", "European Union"],
    ),
    ("FI", &[], &["Finnish"]),
    ("FJ", &[], &["Fijian"]),
    ("FR", &[], &["French"]),
    ("GA", &[], &["Gabonese"]),
    (
        "GB",
        &[
            "UK",
            "U.K.",
            "the UK",
            "the U.K.",
            "Britain",
            "Great Britain",
            "the United Kingdom",
        ],
        &["British", "UK", "U.K."],
    ),
    ("GE", &[], &["Georgian"]),
    ("GH", &[], &["Ghanaian"]),
    ("GR", &["Greece"], &["Greek", "Hellenic"]),
    ("GT", &[], &["Guatemalan"]),
    ("HN", &[], &["Honduran"]),
    ("HR", &[], &["Croatian"]),
    ("HT", &[], &["Haitian"]),
    ("HU", &[], &["Hungarian"]),
    ("ID", &[], &["Indonesian"]),
    ("IE", &[], &["Irish"]),
    ("IL", &[], &["Israeli"]),
    ("IN", &[], &["Indian"]),
    ("IQ", &[], &["Iraqi"]),
    ("IR", &[], &["Iranian"]),
    ("IS", &[], &["Icelandic"]),
    ("IT", &[], &["Italian"]),
    ("JM", &[], &["Jamaican"]),
    ("JO", &[], &["Jordanian"]),
    ("JP", &[], &["Japanese"]),
    ("KE", &[], &["Kenyan"]),
    ("KG", &[], &["Kyrgyz"]),
    ("KH", &[], &["Cambodian"]),
    (
        "KP",
        &["DPRK", "D.P.R.K.", "North Korea"],
        &["North Korean", "DPRK"],
    ),
    (
        "KR",
        &[
            "ROK",
            "R.O.K.",
            "Republic of Korea",
            "the ROK",
            "Korea",
            "South Korea",
        ],
        &["South Korean", "ROK", "Korean"],
    ),
    ("KW", &[], &["Kuwaiti"]),
    ("KZ", &[], &["Kazakh", "Kazakhstani"]),
    ("LA", &["Lao PDR", "Lao"], &["Lao", "Laotian"]),
    ("LB", &[], &["Lebanese"]),
    ("LK", &[], &["Sri Lankan"]),
    ("LT", &[], &["Lithuanian"]),
    ("LU", &[], &["Luxembourgish"]),
    ("LV", &[], &["Latvian"]),
    ("LY", &[], &["Libyan"]),
    ("MA", &[], &["Moroccan"]),
    ("MD", &[], &["Moldovan"]),
    ("ME", &[], &["Montenegrin"]),
    ("MG", &[], &["Malagasy"]),
    ("MK", &["Macedonia"], &["Macedonian"]),
    ("ML", &[], &["Malian"]),
    ("MM", &["Myanmar", "Burma"], &["Myanmar", "Burmese"]),
    ("MN", &[], &["Mongolian"]),
    ("MT", &[], &["Maltese"]),
    ("MV", &[], &["Maldivian"]),
    ("MX", &[], &["Mexican"]),
    ("MY", &[], &["Malaysian"]),
    ("MZ", &[], &["Mozambican"]),
    ("NA", &[], &["Namibian"]),
    ("NG", &[], &["Nigerian"]),
    ("NI", &[], &["Nicaraguan"]),
    ("NL", &["the Netherlands", "Holland"], &["Dutch"]),
    ("NO", &[], &["Norwegian"]),
    ("NP", &[], &["Nepali", "Nepalese"]),
    ("NZ", &[], &["New Zealand"]),
    ("OM", &[], &["Omani"]),
    ("PA", &[], &["Panamanian"]),
    ("PE", &[], &["Peruvian"]),
    ("PG", &[], &["Papua New Guinean"]),
    ("PH", &["the Philippines"], &["Philippine", "Filipino"]),
    ("PK", &[], &["Pakistani"]),
    ("PL", &[], &["Polish"]),
    (
        "PS",
        &["Palestinian Territories", "State of Palestine"],
        &["Palestinian"],
    ),
    ("PT", &[], &["Portuguese"]),
    ("PY", &[], &["Paraguayan"]),
    ("QA", &[], &["Qatari"]),
    ("RO", &[], &["Romanian"]),
    ("RS", &[], &["Serbian"]),
    (
        "RU",
        &["Russian Federation", "the Russian Federation"],
        &["Russian"],
    ),
    ("RW", &[], &["Rwandan"]),
    ("SA", &[], &["Saudi", "Saudi Arabian"]),
    ("SD", &[], &["Sudanese"]),
    ("SE", &[], &["Swedish"]),
    ("SG", &[], &["Singaporean", "Singapore"]),
    ("SI", &[], &["Slovenian", "Slovene"]),
    ("SK", &["Slovakia"], &["Slovak"]),
    ("SN", &[], &["Senegalese"]),
    ("SO", &[], &["Somali"]),
    ("SS", &[], &["South Sudanese"]),
    ("SV", &[], &["Salvadoran"]),
    ("SY", &["Syria"], &["Syrian"]),
    ("TH", &[], &["Thai"]),
    ("TJ", &[], &["Tajik"]),
    ("TL", &["East Timor", "Timor Leste"], &["Timorese"]),
    ("TM", &[], &["Turkmen"]),
    ("TN", &[], &["Tunisian"]),
    ("TR", &["Turkey", "Turkiye"], &["Turkish"]),
    ("TT", &["Trinidad and Tobago"], &["Trinidadian"]),
    ("TW", &[], &["Taiwanese"]),
    ("TZ", &[], &["Tanzanian"]),
    ("UA", &[], &["Ukrainian"]),
    ("UG", &[], &["Ugandan"]),
    (
        "US",
        &[
            "US",
            "U.S.",
            "USA",
            "U.S.A.",
            "the US",
            "the U.S.",
            "the United States",
            "the United States of America",
        ],
        &["American", "US", "U.S."],
    ),
    ("UY", &[], &["Uruguayan"]),
    ("UZ", &[], &["Uzbek"]),
    ("VA", &["Vatican", "the Holy See", "Holy See"], &["Vatican"]),
    ("VE", &[], &["Venezuelan"]),
    ("VN", &["Viet Nam"], &["Vietnamese"]),
    ("YE", &[], &["Yemeni"]),
    ("ZA", &[], &["South African"]),
    ("ZM", &[], &["Zambian"]),
    ("ZW", &[], &["Zimbabwean"]),
    // Organisations.
    (
        "UN",
        &["UN", "U.N.", "the UN", "the United Nations"],
        &["UN", "U.N.", "United Nations"],
    ),
    (
        "NATO",
        &[
            "NATO",
            "the North Atlantic Treaty Organization",
            "North Atlantic Treaty Organisation",
        ],
        &["NATO"],
    ),
    (
        "ASEAN",
        &[
            "ASEAN",
            "Southeast Asian countries",
            "Southeast Asian Nations",
        ],
        &["ASEAN"],
    ),
    ("IAEA", &["IAEA"], &["IAEA"]),
    (
        "ICRC",
        &[
            "ICRC",
            "Red Cross",
            "the Red Cross",
            "International Committee of the Red Cross",
            "the International Committee of the Red Cross",
        ],
        &["ICRC"],
    ),
    ("WTO", &["WTO", "World Trade Organisation"], &["WTO"]),
    ("WHO", &["WHO", "World Health Organisation"], &["WHO"]),
    ("WEF", &["WEF"], &["WEF"]),
    ("G7", &["G7", "G-7", "Group of Seven"], &["G7", "G-7"]),
    ("G20", &["G20", "G-20", "Group of Twenty"], &["G20", "G-20"]),
    ("IMF", &["IMF"], &["IMF"]),
    ("OECD", &["OECD"], &["OECD"]),
    ("OSCE", &["OSCE"], &["OSCE"]),
    ("OAS", &["OAS"], &["OAS"]),
    ("GCC", &["GCC"], &["GCC"]),
    ("UNHCR", &["UNHCR"], &["UNHCR"]),
    ("UNICEF", &["UNICEF"], &["UNICEF"]),
    ("IEA", &["IEA"], &["IEA"]),
    ("IOM", &["IOM"], &["IOM"]),
    ("AUC", &["African Union Commission", "AU Commission"], &[]),
    ("WBG", &["World Bank", "the World Bank"], &["World Bank"]),
];

/// Names that are also ordinary words or other things in readouts: never
/// read as a country in running text.
const NOT_COUNTRIES: &[&str] = &[
    "chad", "georgia", "jersey", "guinea", "niger", "turkey", "china",
];

struct Index {
    map: HashMap<String, Vec<Entry>>,
    /// Each name's first word, with the most words a name starting with
    /// it has: a position whose word is not here names no country.
    first: HashMap<String, usize>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(build_index)
}

fn leak(s: String) -> &'static str {
    // The index lives for the program: its few hundred keys are built once.
    Box::leak(s.into_boxed_str())
}

fn build_index() -> Index {
    let mut map: HashMap<String, Vec<Entry>> = HashMap::new();
    let mut add = |name: &str, code: &'static str, adjective: bool| {
        let k = key(name);
        let k = k.replace('.', "");
        let k = k.trim().to_owned();
        if k.is_empty() {
            return;
        }
        let acronym = name.chars().filter(|c| c.is_alphabetic()).count() <= 6
            && name
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
            && !name.contains(' ');
        let exact = acronym.then(|| leak(name.replace('.', "")));
        let list = map.entry(k).or_default();
        if !list
            .iter()
            .any(|e| e.code == code && e.adjective == adjective)
        {
            list.push(Entry {
                code,
                adjective,
                exact,
            });
        }
    };
    let codes: Vec<Country> = Country::all().chain(Country::organisations()).collect();
    for c in &codes {
        let code = leak(c.code().to_owned());
        add(c.name(), code, false);
        add(&format!("the {}", c.name()), code, false);
        if c.has_formal_name() {
            add(c.formal_name(), code, false);
            add(&format!("the {}", c.formal_name()), code, false);
        }
    }
    for (code, names, adjectives) in ALIASES {
        for n in *names {
            add(n, code, false);
        }
        for a in *adjectives {
            add(a, code, true);
        }
    }
    let mut first: HashMap<String, usize> = HashMap::new();
    for k in map.keys() {
        let words = k.split(' ').count();
        if let Some(w) = k.split(' ').next() {
            let e = first.entry(w.to_owned()).or_insert(0);
            *e = (*e).max(words);
        }
    }
    Index { map, first }
}

/// A country (or organisation) named at some tokens.
#[derive(Debug, Clone)]
pub(crate) struct CountryAt {
    pub(crate) country: Country,
    /// Index of the first token and one past the last.
    pub(crate) from: usize,
    pub(crate) to: usize,
    pub(crate) how: Named,
}
fn exact_text(toks: &[Tok<'_>], a: usize, b: usize) -> String {
    toks.get(a..b)
        .map(|s| {
            s.iter()
                .map(|t| t.text.replace('.', ""))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default()
}

/// The country or organisation named starting at token `i`: the longest
/// name first. A possessive ("Japan’s") is read as the country; adjectives
/// ("Japanese", "UK") as adjectives.
pub(crate) fn country_at(toks: &[Tok<'_>], i: usize) -> Option<CountryAt> {
    let idx = index();
    let first = toks.get(i)?;
    if first.kind != Kind::Word {
        return None;
    }
    let w0 = first.key();
    let w0: std::borrow::Cow<'_, str> = if w0.contains('.') {
        std::borrow::Cow::Owned(w0.replace('.', ""))
    } else {
        std::borrow::Cow::Borrowed(w0)
    };
    let w0 = w0.strip_suffix("'s").unwrap_or(&w0);
    let &longest = idx.first.get(w0)?;
    let max = MAX_NAME_WORDS
        .min(longest)
        .min(toks.len().saturating_sub(i));
    // The key of the longest candidate phrase (keys without dots, joined by
    // spaces, up to the first token that is not a word or a number), and
    // where each shorter one ends: one string for every length.
    let mut full = String::new();
    let mut ends = [0usize; MAX_NAME_WORDS];
    let mut words = 0;
    for t in toks.get(i..i + max).unwrap_or_default() {
        if t.kind != Kind::Word && t.kind != Kind::Number {
            break;
        }
        if !full.is_empty() {
            full.push(' ');
        }
        full.extend(t.key().chars().filter(|c| *c != '.'));
        if let Some(e) = ends.get_mut(words) {
            *e = full.len();
        }
        words += 1;
    }
    for n in (1..=words).rev() {
        let Some(mut kend) = ends.get(n - 1).copied() else {
            continue;
        };
        let mut how = None;
        let last = toks.get(i + n - 1)?;
        let possessive = last.key().ends_with("'s") && last.text.chars().count() > 2;
        if possessive {
            kend = kend.saturating_sub(2);
            how = Some(Named::Possessive);
        }
        let k = full.get(..kend).unwrap_or_default();
        let Some(entries) = idx.map.get(k) else {
            continue;
        };
        // A single lowercase word ("us") is not a country.
        if n == 1 && !first.is_capitalized() {
            continue;
        }
        let mut text = exact_text(toks, i, i + n);
        if possessive {
            text = text
                .trim_end_matches("’s")
                .trim_end_matches("'s")
                .to_owned();
        }
        let fits = |e: &&Entry| {
            e.exact
                .is_none_or(|x| x == text || text == format!("the {x}"))
        };
        // Before a post word ("U.S. Secretary"), the adjective reading.
        let before_post = toks
            .get(i + n)
            .is_some_and(|t| t.kind == Kind::Word && super::people::is_post_word(t.text));
        let Some(e) = entries
            .iter()
            .filter(fits)
            .find(|e| e.adjective == before_post)
            .or_else(|| entries.iter().find(fits))
        else {
            continue;
        };
        if n == 1 && !possessive && NOT_COUNTRIES.contains(&k) && !e.adjective {
            // "China" and "Turkey" are fine as countries; only skip words that
            // read as something else in lower case.
            if !first.is_capitalized() {
                continue;
            }
        }
        let country = Country::from_code(e.code).ok()?;
        let how = how.unwrap_or(if e.adjective {
            Named::Adjective
        } else {
            Named::Name
        });
        // A name used as an adjective ("Japan-Canada" is handled elsewhere;
        // "Singapore" as an adjective of a post) keeps the name reading.
        return Some(CountryAt {
            country,
            from: i,
            to: i + n,
            how,
        });
    }
    None
}

/// The country named by a whole text ("the Republic of Chile", "UK",
/// "Japan’s"), if it is exactly a name.
pub(crate) fn country_named(text: &str) -> Option<Country> {
    let toks = super::text::tokenize(text, 0);
    let at = country_at(&toks, 0)?;
    (at.to == toks.len()).then_some(at.country)
}

/// Countries joined by hyphens in a title word: "Japan-Canada",
/// "Japan-U.S.", "U.S.-Japan-ROK", "UK-Ireland".
pub(crate) fn hyphen_countries(word: &str) -> Vec<Country> {
    let parts: Vec<&str> = word.split(['-', '‑', '–']).collect();
    if parts.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for p in parts {
        let p = p.trim_end_matches("’s").trim_end_matches("'s");
        match country_named(p) {
            Some(c) => out.push(c),
            None => return Vec::new(),
        }
    }
    out
}

/// A place resolved to its country and zone.
#[derive(Debug, Clone)]
pub(crate) struct Resolved {
    pub(crate) country: Country,
    pub(crate) zone: Option<Tz>,
    /// Whether the zone came from the gazetteer (else from a single-zone
    /// country).
    pub(crate) from_gazetteer: bool,
}

/// Resolves a place name: with a stated country, among that country's
/// places; otherwise among the places of the countries in `context`
/// (participants, the publisher), then the best-known place of the name
/// when it is a capital. A country name alone resolves to the country, with
/// its zone when it has one. `None` when the name is unknown or
/// ambiguous.
pub(crate) fn resolve_place(
    place: &str,
    country: Option<&Country>,
    context: &[Country],
) -> Option<Resolved> {
    if let Some(c) = country_named(place) {
        let zone = single_zone(&c);
        return Some(Resolved {
            country: c,
            zone,
            from_gazetteer: false,
        });
    }
    if let Some(c) = country {
        if let Some(z) = gazetteer::zone_for(place, Some(c)) {
            return Some(Resolved {
                country: c.clone(),
                zone: Some(z),
                from_gazetteer: true,
            });
        }
        return Some(Resolved {
            country: c.clone(),
            zone: single_zone(c),
            from_gazetteer: false,
        });
    }
    // The best-known place of that name: a capital, one all places of the
    // name agree on, or a city far larger than any namesake on another
    // clock.
    let mut all = gazetteer::lookup(place);
    if let Some(best) = all.next() {
        let pop = |p: &gazetteer::Place| p.population().unwrap_or(0);
        let rival = all
            .filter(|p| p.zone() != best.zone())
            .map(|p| pop(&p))
            .max();
        let dominant = pop(&best) >= 100_000
            && rival.is_none_or(|r| u64::from(pop(&best)) >= 3 * u64::from(r));
        if best.is_capital() || rival.is_none() || dominant {
            return Some(Resolved {
                country: best.country().clone(),
                zone: Some(best.zone()),
                from_gazetteer: true,
            });
        }
    }
    let mut found: Option<Resolved> = None;
    for c in context {
        if c.is_organisation() {
            continue;
        }
        if gazetteer::lookup_in(place, c).next().is_some() {
            let zone = gazetteer::zone_for(place, Some(c));
            if found.as_ref().is_some_and(|f| &f.country != c) {
                // Places of that name in two of the countries: ambiguous.
                found = None;
                break;
            }
            found = Some(Resolved {
                country: c.clone(),
                zone: zone.or_else(|| single_zone(c)),
                from_gazetteer: zone.is_some(),
            });
        }
    }
    found
}

/// The country's zone when it has exactly one (ignoring zones that are
/// links with the same rules is not attempted: two names, two zones).
pub(crate) fn single_zone(c: &Country) -> Option<Tz> {
    match c.zones() {
        [one] => Some(*one),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::text::tokenize;

    fn at(s: &str) -> Option<(String, usize, Named)> {
        let toks = tokenize(s, 0);
        country_at(&toks, 0).map(|c| (c.country.code().to_owned(), c.to, c.how))
    }

    #[test]
    fn names_adjectives_and_possessives() {
        assert_eq!(
            at("the Republic of Chile"),
            Some(("CL".into(), 4, Named::Name))
        );
        assert_eq!(
            at("Slovak Foreign"),
            Some(("SK".into(), 1, Named::Adjective))
        );
        assert_eq!(
            at("Australia’s Minister"),
            Some(("AU".into(), 1, Named::Possessive))
        );
        assert_eq!(
            at("the United Kingdom’s Secretary"),
            Some(("GB".into(), 3, Named::Possessive))
        );
        assert_eq!(
            at("U.S. Secretary"),
            Some(("US".into(), 1, Named::Adjective))
        );
        assert_eq!(at("us"), None);
        assert_eq!(
            at("North Atlantic Treaty Organization (NATO)"),
            Some(("NATO".into(), 4, Named::Name))
        );
        assert_eq!(
            at("Rwandan Minister"),
            Some(("RW".into(), 1, Named::Adjective))
        );
    }

    #[test]
    fn hyphenated_pairs() {
        let codes = |w: &str| -> Vec<String> {
            hyphen_countries(w)
                .iter()
                .map(|c| c.code().to_owned())
                .collect()
        };
        assert_eq!(codes("Japan-Canada"), ["JP", "CA"]);
        assert_eq!(codes("Japan-U.S."), ["JP", "US"]);
        assert_eq!(codes("Japan-ROK"), ["JP", "KR"]);
        assert!(codes("Indo-Pacific").is_empty());
    }

    #[test]
    fn places_resolve_with_their_country() {
        let de = Country::from_code("DE").unwrap();
        let r = resolve_place("Munster", Some(&de), &[]).unwrap();
        assert_eq!(r.zone, Some(Tz::Europe__Berlin));
        let r = resolve_place("Vancouver", None, &[]).unwrap();
        assert_eq!(r.country.code(), "CA");
        let r = resolve_place("Rome", None, &[]).unwrap();
        assert_eq!(r.country.code(), "IT");
        assert!(resolve_place("Cornwall", None, &[]).is_none());
    }
}
