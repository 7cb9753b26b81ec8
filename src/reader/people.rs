//! People and posts: honorifics ("H.E. Mr.", "the Honourable", "Rt Hon",
//! "Dr."), names in their own order ("KAMIKAWA Yoko", "Lavrov, Sergey
//! Viktorovich", "Alberto Leo van Klaveren Stork"), posts before or after
//! the name ("Slovak Foreign Minister Káčer", "Minister of Foreign Affairs
//! of the Republic of Chile"), dual posts, former and designate posts, and
//! the heads of international organisations.
//!
//! [`parse_person`] reads one participant's phrase; its cost is linear in
//! the phrase (a bounded number of country-name probes per token).

use super::places::{self, Named};
use super::text::{Kind, Sp, Tok, key, with_key};
use crate::country::Country;
use crate::minister::{Portfolio, PostStatus};
use crate::name::NameOrder;

/// Honorifics as token sequences (folded, without dots), longest first.
const HONORIFICS: &[&[&str]] = &[
    &["the", "right", "honourable"],
    &["the", "rt", "hon"],
    &["the", "honourable"],
    &["the", "honorable"],
    &["the", "hon"],
    &["senator", "the", "hon"],
    &["senator", "the", "honourable"],
    &["right", "honourable"],
    &["rt", "hon"],
    &["his", "excellency"],
    &["her", "excellency"],
    &["his", "majesty"],
    &["her", "majesty"],
    &["his", "highness"],
    &["her", "highness"],
    &["his", "royal", "highness"],
    &["dato'", "seri"],
    &["tan", "sri"],
    &["hh", "sheikh"],
    &["honourable"],
    &["honorable"],
    &["hon"],
    &["mr"],
    &["ms"],
    &["mrs"],
    &["miss"],
    &["dr"],
    &["prof"],
    &["professor"],
    &["sir"],
    &["dame"],
    &["dato'"],
    &["datuk"],
    &["hh"],
    &["hrh"],
    &["sheikh"],
    &["shaikh"],
    &["l'honorable"],
    &["mme"],
];

/// The words of post titles: a capitalized word among them is never read
/// as part of a name.
const POST_WORDS: &[&str] = &[
    "minister",
    "ministers",
    "secretary",
    "secretaries",
    "state",
    "foreign",
    "affairs",
    "president",
    "vice",
    "deputy",
    "prime",
    "chancellor",
    "premier",
    "councilor",
    "councillor",
    "counsellor",
    "representative",
    "representatives",
    "high",
    "commissioner",
    "director",
    "general",
    "director-general",
    "secretary-general",
    "ambassador",
    "ambassadors",
    "head",
    "department",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "founder",
    "executive",
    "managing",
    "senior",
    "parliamentary",
    "national",
    "coordinating",
    "security",
    "defence",
    "defense",
    "trade",
    "industry",
    "economy",
    "economic",
    "finance",
    "law",
    "justice",
    "home",
    "interior",
    "women",
    "cooperation",
    "development",
    "commonwealth",
    "europe",
    "european",
    "international",
    "human",
    "rights",
    "policy",
    "external",
    "assistant",
    "under",
    "spokesperson",
    "special",
    "envoy",
    "adviser",
    "advisor",
    "principal",
    "member",
    "members",
    "leader",
    "leaders",
    "king",
    "queen",
    "emir",
    "crown",
    "prince",
    "sultan",
    "governor",
    "mayor",
    "designate",
    "acting",
    "interim",
    "former",
    "fm",
    "dfm",
    "eam",
    "pm",
    "party",
    "communist",
    "ministry",
    "office",
    "cabinet",
    "council",
    "committee",
    "commission",
    "agency",
    "organization",
    "organisation",
    "bureau",
    "energy",
    "climate",
    "environment",
    "health",
    "education",
    "culture",
    "science",
    "technology",
    "transport",
    "agriculture",
    "labour",
    "labor",
    "tourism",
    "investment",
    "planning",
    "integration",
    "relations",
    "global",
    "public",
    "diplomacy",
    "information",
    "digital",
    "social",
    "welfare",
    "family",
    "youth",
    "sports",
    "communications",
    "overseas",
    "nations",
    "united",
    "world",
    "forum",
    "tánaiste",
    "taoiseach",
    "counterpart",
    "counterparts",
    "official",
    "officials",
    "delegation",
    "chief",
    "staff",
    "first",
    "lady",
    "vice-president",
    "vice-minister",
    "state-minister",
    "undersecretary",
    "under-secretary",
    "secretary-designate",
    "minister-designate",
    "foreign-minister",
    "cooperation",
    "trade",
    "co-operation",
    "treasury",
    "fisheries",
    "oceans",
    "maritime",
    "immigration",
    "citizenship",
    "veterans",
    "sport",
    "heritage",
    "francophonie",
    "commerce",
    "business",
    "innovation",
    "regional",
    "representation",
    "affaires",
    "étrangères",
    "ministre",
    "secrétaire",
    "représentant",
    "deputy-secretary",
    "attorney",
    "solicitor",
    "congress",
    "senate",
    "parliament",
    "speaker",
    "consul",
    "consul-general",
    "charge",
    "chargé",
    "d'affaires",
];

/// Head nouns of posts: a title has one.
const HEADS: &[&str] = &[
    "minister",
    "ministers",
    "secretary",
    "president",
    "chancellor",
    "premier",
    "councilor",
    "councillor",
    "representative",
    "representatives",
    "commissioner",
    "director",
    "director-general",
    "secretary-general",
    "ambassador",
    "ambassadors",
    "head",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "spokesperson",
    "envoy",
    "adviser",
    "advisor",
    "king",
    "queen",
    "emir",
    "prince",
    "sultan",
    "governor",
    "mayor",
    "tánaiste",
    "taoiseach",
    "fm",
    "pm",
    "eam",
    "leader",
    "leaders",
    "counterpart",
    "counterparts",
    "official",
    "officials",
    "ministre",
    "secrétaire",
    "vice-president",
    "vice-minister",
    "undersecretary",
    "under-secretary",
    "secretary-designate",
    "minister-designate",
    "foreign-minister",
    "deputy-secretary",
    "consul",
    "consul-general",
    "founder",
];

/// Particles inside names ("van Klaveren", "bin Zayed Al Nahyan").
const PARTICLES: &[&str] = &[
    "van", "von", "de", "da", "di", "del", "della", "der", "den", "ter", "ten", "bin", "binti",
    "bint", "al", "el", "le", "la", "du", "dos", "das", "y", "ibn", "abu", "af", "zu",
];

/// Words that are never names, even capitalized: connectors and pronouns
/// that start sentences.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "of",
    "for",
    "to",
    "in",
    "on",
    "at",
    "with",
    "by",
    "from",
    "he",
    "she",
    "they",
    "both",
    "his",
    "her",
    "their",
    "its",
    "this",
    "that",
    "these",
    "those",
    "who",
    "which",
    "also",
    "then",
    "mr",
    "ms",
    "dr",
    "during",
    "while",
    "after",
    "before",
    "as",
    "regarding",
    "following",
    "furthermore",
    "finally",
    "in",
    "it",
    "we",
    "i",
    "our",
    "today",
    "yesterday",
    "tomorrow",
];

fn word_set(words: &'static [&'static str]) -> std::collections::HashSet<&'static str> {
    words.iter().copied().collect()
}

pub(crate) fn is_post_word(w: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    let set = SET.get_or_init(|| word_set(POST_WORDS));
    with_key(w, |k| {
        set.contains(k.trim_end_matches("'s").trim_end_matches('\''))
    })
}

pub(crate) fn is_head(w: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    let set = SET.get_or_init(|| word_set(HEADS));
    with_key(w, |k| {
        set.contains(k.trim_end_matches("'s").trim_end_matches('\''))
    })
}

fn is_particle(w: &str) -> bool {
    with_key(w, |k| PARTICLES.contains(&k))
}

/// The honorific starting at token `i`: its length in tokens.
pub(crate) fn honorific_at(toks: &[Tok<'_>], i: usize) -> Option<usize> {
    let first = toks.get(i)?;
    if first.kind != Kind::Word {
        return None;
    }
    let k0 = bare(first.key());
    if first.text == "H.E." || first.text == "H.E" || first.text == "S.E." {
        // "H.E. Mr." / "H.E. Dr." take the next honorific too.
        let more = toks
            .get(i + 1)
            .filter(|t| ["mr", "ms", "mrs", "dr", "prof", "sheikh"].contains(&bare(t.key())))
            .map_or(0, |_| 1);
        return Some(1 + more);
    }
    // "Dato’": the apostrophe is part of the honorific.
    if matches!(k0, "dato" | "datin")
        && toks
            .get(i + 1)
            .is_some_and(|t| t.is_punct('’') || t.is_punct('\''))
    {
        return Some(2);
    }
    // Only words that start an honorific go further.
    if !HONORIFICS.iter().any(|h| h.first() == Some(&k0)) {
        return None;
    }
    'outer: for h in HONORIFICS {
        for (k, word) in h.iter().enumerate() {
            let Some(t) = toks.get(i + k) else {
                continue 'outer;
            };
            if t.kind != Kind::Word || bare(t.key()) != *word {
                continue 'outer;
            }
        }
        // "the Hon" must be capitalized somewhere ("the hon" is not one);
        // one-word honorifics like "Dr" must be capitalized.
        let cap = toks
            .get(i..i + h.len())
            .is_some_and(|s| s.iter().any(|t| t.is_capitalized()));
        if !cap {
            continue;
        }
        // "Senator" alone is a post; with "the Hon" it is an honorific.
        return Some(h.len());
    }
    None
}

/// A token's key without a trailing dot ("mr." is "mr"; "h.e." stays).
fn bare(key: &str) -> &str {
    key.strip_suffix('.').unwrap_or(key)
}

/// Which tokens are part of a country or organisation name (a name that is
/// not used as a possessive).
fn country_cover(toks: &[Tok<'_>]) -> Vec<bool> {
    let mut cov = vec![false; toks.len()];
    let mut i = 0;
    while i < toks.len() {
        match places::country_at(toks, i) {
            Some(c) if c.to > i => {
                for k in c.from..c.to {
                    if let Some(x) = cov.get_mut(k) {
                        *x = true;
                    }
                }
                i = c.to;
            }
            _ => i += 1,
        }
    }
    cov
}

/// Whether a token can be part of a person's name.
fn is_name_token(toks: &[Tok<'_>], cov: &[bool], i: usize) -> bool {
    if cov.get(i).copied().unwrap_or(false) {
        return false;
    }
    name_word(toks, i)
}

fn name_word(toks: &[Tok<'_>], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    if t.kind != Kind::Word {
        return false;
    }
    let k = t.key();
    if NOT_NAMES.contains(&k) || is_post_word(t.text) {
        return false;
    }
    if is_particle(t.text) {
        // A particle between name words.
        return toks
            .get(i + 1)
            .is_some_and(|n| n.is_capitalized() && n.is_word());
    }
    let first = t.text.chars().next();
    let caseless =
        first.is_some_and(|c| c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase());
    if !(t.is_capitalized() || caseless) {
        return false;
    }
    if super::dates::month(t.key()).is_some()
        && toks.get(i + 1).is_some_and(|n| n.kind == Kind::Number)
    {
        return false;
    }
    true
}

/// A name as read: its words and structure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NameRead {
    pub(crate) sp: Sp,
    /// The name's words as printed (no comma).
    pub(crate) words: Vec<String>,
    pub(crate) order: NameOrder,
    pub(crate) uppercase: bool,
    /// How many of the first words (surname first) or last words (given
    /// first) are the surname.
    pub(crate) surname_len: usize,
    /// Written "Surname, Given".
    pub(crate) comma: bool,
}

impl NameRead {
    /// The name as printed, without a comma.
    pub(crate) fn display(&self) -> String {
        self.words.join(" ")
    }
}

/// A post as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PostRead {
    pub(crate) sp: Sp,
    pub(crate) title: String,
    pub(crate) portfolio: Portfolio,
    pub(crate) status: PostStatus,
}

/// How a participant's country was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CountryHow {
    Of,
    Adjective,
    Organisation,
}

/// One participant's phrase, read.
#[derive(Debug, Clone)]
pub(crate) struct PersonRead {
    pub(crate) sp: Sp,
    pub(crate) honorific: Option<(String, Sp)>,
    pub(crate) name: Option<NameRead>,
    pub(crate) posts: Vec<PostRead>,
    pub(crate) country: Option<(Country, Sp, CountryHow)>,
    /// A plural post ("Ambassadors and representatives of ...", "Foreign
    /// Ministers of the G7 countries"): a group known by its post.
    pub(crate) plural: bool,
    /// An organisation the crate does not know: its name and acronym ("the
    /// 13th Global Governance Group (3G)").
    pub(crate) unknown_org: Option<(String, Sp)>,
}

/// Top-level comma positions of a token slice (not inside parentheses).
fn top_commas(toks: &[Tok<'_>]) -> Vec<usize> {
    let mut depth = 0i32;
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.is_punct('(') {
            depth += 1;
        } else if t.is_punct(')') {
            depth = (depth - 1).max(0);
        } else if t.is_punct(',') && depth == 0 {
            out.push(i);
        }
    }
    out
}

/// Whether tokens `a..b` are a name (after an optional honorific): all name
/// tokens, at least one.
fn all_name(toks: &[Tok<'_>], cov: &[bool], a: usize, b: usize) -> bool {
    b > a && (a..b).all(|i| is_name_token(toks, cov, i))
}

/// Reads one participant's phrase: tokens `toks` (the phrase alone).
/// `None` when it names nobody (no name and no post).
pub(crate) fn parse_person(toks: &[Tok<'_>]) -> Option<PersonRead> {
    // Trim stray punctuation and a leading "the" that is not an honorific.
    let mut a = 0;
    let mut b = toks.len();
    while a < b
        && toks
            .get(a)
            .is_some_and(|t| t.kind == Kind::Punct && !t.is_punct('('))
    {
        a += 1;
    }
    while b > a
        && toks
            .get(b - 1)
            .is_some_and(|t| t.kind == Kind::Punct && !t.is_punct(')'))
    {
        b -= 1;
    }
    let toks = toks.get(a..b)?;
    let cov = country_cover(toks);
    let cov = cov.as_slice();
    let first = toks.first()?;
    let last = toks.last()?;
    let sp = Sp::new(first.sp.start, last.sp.end);
    let commas = top_commas(toks);
    // Segments between top-level commas.
    let mut bounds = Vec::with_capacity(commas.len() + 2);
    bounds.push(0usize);
    for c in &commas {
        bounds.push(*c);
    }
    bounds.push(toks.len());
    let seg = |k: usize| -> Option<(usize, usize)> {
        let s = *bounds.get(k)?;
        let e = *bounds.get(k + 1)?;
        let s = if k == 0 { s } else { s + 1 };
        Some((s, e))
    };
    let nseg = bounds.len() - 1;

    let mut trailing_country: Option<(Country, Sp, CountryHow)> = None;
    let mut honorific: Option<(usize, usize)> = None;
    let mut name: Option<(usize, usize, bool)> = None; // (from, to, comma form)
    let mut post_ranges: Vec<(usize, usize)> = Vec::new();

    // Segment 0: [honorific] name | [honorific] post [honorific] [name].
    let (s0, e0) = seg(0)?;
    let mut i = s0;
    // "the" before a post ("the Foreign Minister of ...") is not part of it.
    if let Some(h) = honorific_at(toks, i) {
        honorific = Some((i, i + h));
        i += h;
    }
    if all_name(toks, cov, i, e0) {
        // Name first. "Lavrov, Sergey Viktorovich": a second all-name
        // segment before the post.
        let mut comma = false;
        let mut to = e0;
        let mut next = 1;
        if let Some((s1, e1)) = seg(1) {
            let looks_given = all_name(toks, cov, s1, e1) && e1 - s1 <= 3;
            let then_post = seg(2).is_some_and(|(s2, e2)| has_head(toks, s2, e2));
            if looks_given && (then_post || nseg == 2) && e0 - i == 1 {
                comma = true;
                to = e1;
                next = 2;
            }
        }
        name = Some((i, to, comma));
        for k in next..nseg {
            if let Some(r) = seg(k) {
                post_ranges.push(r);
            }
        }
    } else {
        // Post first: the name is the trailing run of name tokens of this
        // segment (after an honorific inside it), or the next segment. A
        // trailing "of <country>" after the name is the country's.
        let mut e0 = e0;
        for k in (i + 1..e0).rev() {
            if toks.get(k).is_some_and(|t| t.is("of")) && is_name_token(toks, cov, k - 1) {
                if let Some(c) = places::country_at(toks, k + 1).filter(|c| c.to == e0) {
                    trailing_country =
                        Some((c.country.clone(), span(toks, k, c.to), CountryHow::Of));
                    e0 = k;
                }
                break;
            }
        }
        let mut j = e0;
        while j > i && is_name_token(toks, cov, j - 1) {
            j -= 1;
        }
        // A particle may not start a name; an honorific before it ("HH
        // Sheikh Abdullah") is not part of it.
        while j < e0 && toks.get(j).is_some_and(|t| is_particle(t.text)) {
            j += 1;
        }
        let mut inner_honorific = None;
        if let Some(h) = honorific_at(toks, j).filter(|h| j + h < e0) {
            inner_honorific = Some((j, j + h));
            j += h;
        }
        // Keep at least one post word before the name.
        if j > i && j < e0 && has_head(toks, i, j) {
            // An honorific right before the name belongs to it.
            let mut post_end = j;
            if let Some((hs, he)) = inner_honorific {
                honorific = Some((hs, he));
                post_end = hs;
            }
            for back in 1..=3 {
                if inner_honorific.is_none() && j >= i + back {
                    if let Some(h) = honorific_at(toks, j - back) {
                        if j - back + h == j {
                            honorific = Some((j - back, j));
                            post_end = j - back;
                            break;
                        }
                    }
                }
            }
            // "Yoshimasa Hayashi of Japan" is handled below.
            post_ranges.push((i, post_end));
            name = Some((j, e0, false));
        } else if let Some((s1, e1)) = seg(1).filter(|_| has_head(toks, i, e0)) {
            // "the Minister of Foreign Affairs of Malaysia, Dato’ Saifuddin
            // Abdullah"
            let mut k = s1;
            let h = honorific_at(toks, k);
            if let Some(h) = h {
                k += h;
            }
            if all_name(toks, cov, k, e1) {
                if let Some(h) = h {
                    honorific = Some((s1, s1 + h));
                }
                post_ranges.push((i, e0));
                name = Some((k, e1, false));
                for r in (2..nseg).filter_map(seg) {
                    post_ranges.push(r);
                }
            } else {
                for r in (0..nseg).filter_map(seg) {
                    post_ranges.push(if r.0 == s0 { (i, r.1) } else { r });
                }
            }
        } else {
            for r in (0..nseg).filter_map(seg) {
                post_ranges.push(if r.0 == s0 { (i, r.1) } else { r });
            }
        }
    }
    // The name may be followed by "of <country>" inside its segment: "Minister
    // for Foreign Affairs Yoshimasa Hayashi of Japan".
    let mut country: Option<(Country, Sp, CountryHow)> = trailing_country;
    if let Some((from, to, comma)) = name {
        let mut end = to;
        for k in from..to {
            if toks.get(k).is_some_and(|t| t.is("of")) {
                if let Some(c) = places::country_at(toks, k + 1).filter(|c| c.to == to) {
                    country = Some((c.country.clone(), span(toks, k, c.to), CountryHow::Of));
                    end = k;
                    break;
                }
            }
        }
        name = Some((from, end, comma));
    }
    // Posts: join the ranges with ", " as printed, read each post.
    let mut posts = Vec::new();
    let mut plural = false;
    let mut unknown_org = None;
    let post_toks: Vec<(usize, usize)> = post_ranges.into_iter().filter(|(s, e)| e > s).collect();
    if !post_toks.is_empty() {
        let read = read_posts(toks, &post_toks);
        posts = read.posts;
        plural = read.plural;
        if country.is_none() {
            country = read.country;
        }
        unknown_org = read.unknown_org;
    }
    let name = name.and_then(|(f, t, comma)| read_name(toks, f, t, comma));
    let honorific = honorific.map(|(f, t)| {
        let sp = span(toks, f, t);
        (text_of(toks, f, t), sp)
    });
    if name.is_none() && posts.is_empty() {
        return None;
    }
    Some(PersonRead {
        sp,
        honorific,
        name,
        posts,
        country,
        plural,
        unknown_org,
    })
}

fn has_head(toks: &[Tok<'_>], a: usize, b: usize) -> bool {
    toks.get(a..b)
        .is_some_and(|s| s.iter().any(|t| t.is_word() && is_head(t.text)))
}

pub(crate) fn span(toks: &[Tok<'_>], a: usize, b: usize) -> Sp {
    match (toks.get(a), b.checked_sub(1).and_then(|l| toks.get(l))) {
        (Some(f), Some(l)) if b > a => Sp::new(f.sp.start, l.sp.end),
        (Some(f), _) => Sp::new(f.sp.start, f.sp.start),
        _ => Sp::default(),
    }
}

/// The tokens' text as printed, with single spaces (and no space before
/// commas, after opening or before closing parentheses).
pub(crate) fn text_of(toks: &[Tok<'_>], a: usize, b: usize) -> String {
    // The spacing of the text: a space where the tokens were apart.
    let slice = toks.get(a..b).unwrap_or_default();
    let cap = match (slice.first(), slice.last()) {
        (Some(f), Some(l)) => l.sp.end.saturating_sub(f.sp.start),
        _ => 0,
    };
    let mut out = String::with_capacity(cap);
    let mut prev_end: Option<usize> = None;
    for t in slice {
        if prev_end.is_some_and(|e| e < t.sp.start) {
            out.push(' ');
        }
        out.push_str(t.text);
        prev_end = Some(t.sp.end);
    }
    out
}

/// The name's structure from its tokens.
fn read_name(toks: &[Tok<'_>], from: usize, to: usize, comma: bool) -> Option<NameRead> {
    let words: Vec<String> = toks
        .get(from..to)?
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .map(|t| t.text.to_owned())
        .collect();
    if words.is_empty() {
        return None;
    }
    let sp = span(toks, from, to);
    let caps = |w: &str| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
    };
    if comma {
        return Some(NameRead {
            sp,
            order: NameOrder::SurnameFirst,
            uppercase: words.first().is_some_and(|w| caps(w)),
            surname_len: 1,
            words,
            comma: true,
        });
    }
    let n = words.len();
    // "KAMIKAWA Yoko": leading capitals are the surname.
    let lead_caps = words.iter().take_while(|w| caps(w)).count();
    if lead_caps > 0 && lead_caps < n {
        return Some(NameRead {
            sp,
            order: NameOrder::SurnameFirst,
            uppercase: true,
            surname_len: lead_caps,
            words,
            comma: false,
        });
    }
    let trail_caps = words.iter().rev().take_while(|w| caps(w)).count();
    if trail_caps > 0 && trail_caps < n {
        return Some(NameRead {
            sp,
            order: NameOrder::GivenFirst,
            uppercase: true,
            surname_len: trail_caps,
            words,
            comma: false,
        });
    }
    // Given names first: the surname is the last word with the particles
    // before it.
    let mut surname_len = 1;
    while surname_len < n
        && words
            .get(n - surname_len - 1)
            .is_some_and(|w| is_particle(w))
    {
        surname_len += 1;
    }
    if n == 1 {
        surname_len = 1;
    }
    Some(NameRead {
        sp,
        order: NameOrder::GivenFirst,
        uppercase: false,
        surname_len,
        words,
        comma: false,
    })
}

struct PostsRead {
    posts: Vec<PostRead>,
    plural: bool,
    country: Option<(Country, Sp, CountryHow)>,
    unknown_org: Option<(String, Sp)>,
}

/// Reads the post text (the token ranges, joined by commas as printed):
/// the country before or after it, then one post per title of a dual
/// post.
fn read_posts(toks: &[Tok<'_>], ranges: &[(usize, usize)]) -> PostsRead {
    // Work on the covered token indices.
    let mut idx: Vec<usize> = Vec::new();
    for (k, (s, e)) in ranges.iter().enumerate() {
        if k > 0 {
            // The comma between ranges, when it is one.
            if s.checked_sub(1)
                .is_some_and(|c| toks.get(c).is_some_and(|t| t.is_punct(',')))
            {
                idx.push(s - 1);
            }
        }
        idx.extend(*s..*e);
    }
    let sub: Vec<Tok<'_>> = idx.iter().filter_map(|i| toks.get(*i).cloned()).collect();
    let mut a = 0;
    let mut b = sub.len();
    let mut country = None;
    let mut unknown_org = None;
    let mut status = PostStatus::Current;
    // Status words at the start: "former", "then-", "acting", "interim".
    while let Some(t) = sub.get(a) {
        let k = t.key();
        let s = match k {
            "former" | "ex" => Some(PostStatus::Former),
            "acting" => Some(PostStatus::Acting),
            "interim" => Some(PostStatus::Interim),
            "then" | "then-" | "the" | "new" | "incoming" => None,
            _ => break,
        };
        if let Some(s) = s {
            status = s;
        } else if k == "the" && country.is_none() {
            // "the United Kingdom’s Secretary": handled by the country probe.
            if places::country_at(&sub, a + 1).is_some() {
                a += 1;
                continue;
            }
        }
        a += 1;
    }
    // Leading country: "Slovak", "U.S.", "Australia’s", "the United
    // Kingdom’s", "PRC", "ICRC", "The Republic of Korea National".
    if let Some(c) = places::country_at(&sub, a).filter(|c| c.to < b) {
        let more_post = sub
            .get(c.to)
            .is_some_and(|t| t.is_word() && is_post_word(t.text));
        if more_post || c.how != Named::Name || c.country.is_organisation() {
            let how = if c.country.is_organisation() {
                CountryHow::Organisation
            } else {
                CountryHow::Adjective
            };
            country = Some((c.country.clone(), span(&sub, c.from, c.to), how));
            a = c.to;
        }
    }
    // Status words after the country ("Former Foreign Minister").
    while let Some(t) = sub.get(a) {
        match t.key() {
            "former" => status = PostStatus::Former,
            "acting" => status = PostStatus::Acting,
            "interim" => status = PostStatus::Interim,
            _ => break,
        }
        a += 1;
    }
    // Trailing "(ABBR)".
    let mut abbr: Option<(String, Sp)> = None;
    if b >= a + 3
        && sub.get(b - 1).is_some_and(|t| t.is_punct(')'))
        && sub.get(b - 3).is_some_and(|t| t.is_punct('('))
    {
        if let Some(t) = sub.get(b - 2) {
            abbr = Some((t.text.to_owned(), t.sp));
            if country.is_none() {
                if let Some(c) = places::country_at(&sub, b - 2).filter(|c| c.to == b - 1) {
                    country = Some((
                        c.country.clone(),
                        t.sp,
                        if c.country.is_organisation() {
                            CountryHow::Organisation
                        } else {
                            CountryHow::Of
                        },
                    ));
                }
            }
            b -= 3;
        }
    }
    // Trailing "-designate".
    if let Some(t) = sub.get(b.wrapping_sub(1)) {
        if t.key().ends_with("-designate") || t.key() == "designate" {
            status = PostStatus::Designate;
        }
    }
    // Trailing country: "of [the] X", "for [the] X", "from X", ", X",
    // "to X" (an ambassador's host country is not theirs: kept in the title).
    let mut k = a;
    while k < b {
        let Some(t) = sub.get(k) else { break };
        k += 1;
        let joiner = t.is("of") || t.is("for") || t.is("from") || t.is_punct(',');
        if !joiner {
            continue;
        }
        let k = k - 1;
        let ends_here = places::country_at(&sub, k + 1).is_some_and(|c| c.to == b);
        let org_here = t.is("of") && abbr.is_some() && unknown_org.is_none() && {
            // The last "of" before the acronym.
            !(k + 1..b).any(|j| sub.get(j).is_some_and(|w| w.is("of")))
        };
        if !ends_here && !org_here {
            continue;
        }
        if let Some(c) = places::country_at(&sub, k + 1).filter(|c| c.to == b) {
            // "for Foreign Affairs" is not a country; the probe only finds names.
            if country.is_none() || country.as_ref().is_some_and(|(cc, _, _)| *cc == c.country) {
                let how = if c.country.is_organisation() {
                    CountryHow::Organisation
                } else {
                    CountryHow::Of
                };
                country = Some((c.country.clone(), span(&sub, k + 1, c.to), how));
            }
            b = k;
        } else if t.is("of") && abbr.is_some() && unknown_org.is_none() {
            // "Secretary General of the Global Governance Group (3G)": an
            // organisation the crate does not know.
            if let Some((ab, asp)) = abbr.clone() {
                let org = text_of(&sub, k + 1, b);
                if !org.is_empty() {
                    unknown_org = Some((format!("{org} ({ab})"), asp));
                    b = k;
                }
            }
        }
        break;
    }
    // No country yet: "of <country>" inside the post ("Ambassadors ... of
    // Southeast Asian countries to Japan", "Foreign Ministers of the G7
    // countries"); never after "to" (an ambassador's host country).
    if country.is_none() {
        let mut k = a;
        while k < b {
            if sub.get(k).is_some_and(|t| t.is("of") || t.is("from")) {
                if let Some(c) = places::country_at(&sub, k + 1) {
                    let how = if c.country.is_organisation() {
                        CountryHow::Organisation
                    } else {
                        CountryHow::Of
                    };
                    country = Some((c.country.clone(), span(&sub, c.from, c.to), how));
                    break;
                }
                if sub.get(k + 1).is_some_and(|t| t.is("the")) {
                    if let Some(c) = places::country_at(&sub, k + 2) {
                        let how = if c.country.is_organisation() {
                            CountryHow::Organisation
                        } else {
                            CountryHow::Of
                        };
                        country = Some((c.country.clone(), span(&sub, c.from, c.to), how));
                        break;
                    }
                }
            }
            k += 1;
        }
    }
    let title_toks = sub.get(a..b).unwrap_or_default();
    let plural = title_toks.iter().any(|t| {
        matches!(
            t.key(),
            "ministers"
                | "ambassadors"
                | "representatives"
                | "leaders"
                | "officials"
                | "counterparts"
                | "secretaries"
        )
    });
    let mut posts = Vec::new();
    for (pa, pb) in split_dual(title_toks) {
        let mut title = text_of(title_toks, pa, pb);
        title = title
            .trim_matches(|c: char| c == ',' || c.is_whitespace())
            .to_owned();
        // Status in the title itself ("Minister-designate").
        let lower = key(&title);
        let mut st = status;
        if lower.ends_with("-designate") || lower.ends_with(" designate") {
            st = PostStatus::Designate;
        }
        if title.is_empty() {
            continue;
        }
        let portfolio = portfolio(&title, country.as_ref().map(|c| &c.0));
        posts.push(PostRead {
            sp: span(title_toks, pa, pb),
            title,
            portfolio,
            status: st,
        });
    }
    PostsRead {
        posts,
        plural,
        country,
        unknown_org,
    }
}

/// Splits a dual post at " and " or "&" when both sides have a head noun:
/// "Minister for Foreign Affairs and Minister for Law", "PRC State Councilor
/// and Minister of Foreign Affairs"; not "Minister of Foreign Affairs and
/// Trade" or "Founder and Chairman".
fn split_dual(toks: &[Tok<'_>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in toks.iter().enumerate() {
        let joiner = t.is("and") || t.is_punct('&');
        if !joiner || i == start {
            continue;
        }
        // Plural heads ("Ambassadors and representatives") are one post.
        let singular_head = |t: &Tok<'_>| {
            is_head(t.text) && !t.key().starts_with("founder") && !t.key().ends_with('s')
        };
        let left = toks
            .get(start..i)
            .is_some_and(|s| s.iter().any(singular_head));
        // The right side starts with a post word and has a head noun before
        // any "and".
        let right_end = toks
            .iter()
            .enumerate()
            .skip(i + 1)
            .find(|(_, t)| t.is("and") || t.is_punct('&'))
            .map_or(toks.len(), |(j, _)| j);
        let right = toks.get(i + 1).is_some_and(|t| is_post_word(t.text))
            && has_head(toks, i + 1, right_end);
        if left && right {
            out.push((start, i));
            start = i + 1;
        }
    }
    if start < toks.len() {
        out.push((start, toks.len()));
    }
    out
}

/// The portfolio a post's title covers.
pub(crate) fn portfolio(title: &str, country: Option<&Country>) -> Portfolio {
    let t = key(title);
    let has = |w: &str| t.contains(w);
    let org = country.is_some_and(Country::is_organisation);
    if has("deputy prime minister")
        || has("vice premier")
        || has("vice-premier")
        || has("tánaiste")
        || has("tanaiste")
        || has("deputy chancellor")
    {
        return Portfolio::DeputyHeadOfGovernment;
    }
    if has("foreign affairs")
        || has("high representative")
        || t == "secretary" && country.is_some_and(|c| c.code() == "US")
        || has("foreign minister")
        || has("foreign secretary")
        || has("external affairs")
        || has("foreign ministers")
        || has("affaires étrangères")
        || has("fm") && t.split_whitespace().any(|w| w == "fm")
        || (has("secretary of state") && !has("secretary of state for") && !org)
        || has("secretary of state for foreign")
        || has("state secretary") && country.is_some_and(|c| c.code() == "US")
    {
        return Portfolio::ForeignAffairs;
    }
    if has("prime minister")
        || has("chancellor") && !has("vice")
        || has("premier")
        || has("taoiseach")
        || t.split_whitespace().any(|w| w == "pm")
    {
        return Portfolio::HeadOfGovernment;
    }
    if org
        && (has("secretary-general")
            || has("secretary general")
            || has("director general")
            || has("director-general")
            || has("president")
            || has("high commissioner")
            || has("executive director")
            || has("managing director")
            || has("chairperson")
            || has("high representative"))
    {
        return Portfolio::HeadOfOrganisation;
    }
    if has("president") && !has("vice")
        || has("king")
        || has("queen")
        || has("emir")
        || has("sultan")
    {
        return Portfolio::HeadOfState;
    }
    if has("defence") || has("defense") {
        return Portfolio::Defence;
    }
    if has("economy") || has("economic") {
        return Portfolio::Economy;
    }
    if has("finance") || has("treasury") {
        return Portfolio::Finance;
    }
    if has("trade") {
        return Portfolio::Trade;
    }
    Portfolio::Other
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::text::tokenize;

    fn read(
        s: &str,
    ) -> (
        Option<String>,
        Option<String>,
        Vec<String>,
        Option<String>,
        NameOrder,
    ) {
        let toks = tokenize(s, 0);
        let p = parse_person(&toks).unwrap();
        (
            p.honorific.map(|h| h.0),
            p.name.as_ref().map(NameRead::display),
            p.posts.iter().map(|p| p.title.clone()).collect(),
            p.country.map(|c| c.0.code().to_owned()),
            p.name.map_or(NameOrder::GivenFirst, |n| n.order),
        )
    }

    #[test]
    fn name_then_post() {
        let r = read("Mr. HAYASHI Yoshimasa, Minister for Foreign Affairs of Japan");
        assert_eq!(r.0.as_deref(), Some("Mr."));
        assert_eq!(r.1.as_deref(), Some("HAYASHI Yoshimasa"));
        assert_eq!(r.2, ["Minister for Foreign Affairs"]);
        assert_eq!(r.3.as_deref(), Some("JP"));
        assert_eq!(r.4, NameOrder::SurnameFirst);
        let r = read(
            "H.E. Mr. Alberto Leo van Klaveren Stork, Minister of Foreign Affairs of the Republic of Chile",
        );
        assert_eq!(r.0.as_deref(), Some("H.E. Mr."));
        assert_eq!(r.1.as_deref(), Some("Alberto Leo van Klaveren Stork"));
        assert_eq!(r.2, ["Minister of Foreign Affairs"]);
        assert_eq!(r.3.as_deref(), Some("CL"));
        let r = read(
            "H.E. Mr. Lavrov, Sergey Viktorovich, Minister of Foreign Affairs of the Russian Federation",
        );
        assert_eq!(r.1.as_deref(), Some("Lavrov Sergey Viktorovich"));
        assert_eq!(r.3.as_deref(), Some("RU"));
        let r = read(
            "Mr. Rafael Mariano Grossi, Director General, International Atomic Energy Agency (IAEA)",
        );
        assert_eq!(r.2, ["Director General"]);
        assert_eq!(r.3.as_deref(), Some("IAEA"));
        let r =
            read("Marise Payne, Australia’s Minister for Foreign Affairs and Minister for Women");
        assert_eq!(r.2, ["Minister for Foreign Affairs", "Minister for Women"]);
        assert_eq!(r.3.as_deref(), Some("AU"));
        let r = read("Senator the Hon Bob Carr, Minister for Foreign Affairs of Australia");
        assert_eq!(r.0.as_deref(), Some("Senator the Hon"));
        assert_eq!(r.1.as_deref(), Some("Bob Carr"));
        let r = read("Mr. Kajiyama Hiroshi, Minister of Economy, Trade and Industry");
        assert_eq!(r.2, ["Minister of Economy, Trade and Industry"]);
    }

    #[test]
    fn post_then_name() {
        let r = read("Slovak Foreign Minister Juraj Blanár");
        assert_eq!(r.1.as_deref(), Some("Juraj Blanár"));
        assert_eq!(r.2, ["Foreign Minister"]);
        assert_eq!(r.3.as_deref(), Some("SK"));
        let r = read("Secretary of State Antony J. Blinken");
        assert_eq!(r.1.as_deref(), Some("Antony J. Blinken"));
        assert_eq!(r.2, ["Secretary of State"]);
        let r = read("PRC State Councilor and Minister of Foreign Affairs Wang Yi");
        assert_eq!(r.2, ["State Councilor", "Minister of Foreign Affairs"]);
        assert_eq!(r.3.as_deref(), Some("CN"));
        let r = read("Minister for Foreign Affairs Dr Vivian Balakrishnan");
        assert_eq!(r.0.as_deref(), Some("Dr"));
        assert_eq!(r.1.as_deref(), Some("Vivian Balakrishnan"));
        let r = read("the Minister of Foreign Affairs of Malaysia, Dato’ Saifuddin Abdullah");
        assert_eq!(r.1.as_deref(), Some("Saifuddin Abdullah"));
        assert_eq!(r.3.as_deref(), Some("MY"));
        let r = read("Rwandan Minister of Foreign Affairs and Cooperation Louise Mushikiwabo");
        assert_eq!(r.1.as_deref(), Some("Louise Mushikiwabo"));
        assert_eq!(r.2, ["Minister of Foreign Affairs and Cooperation"]);
        let r = read("former Foreign Minister HAYASHI Yoshimasa");
        assert_eq!(r.1.as_deref(), Some("HAYASHI Yoshimasa"));
        let r = read("Minister for Foreign Affairs Yoshimasa Hayashi of Japan");
        assert_eq!(r.1.as_deref(), Some("Yoshimasa Hayashi"));
        assert_eq!(r.3.as_deref(), Some("JP"));
        let r = read("the Foreign Minister of the Slovak Republic");
        assert_eq!(r.1, None);
        assert_eq!(r.2, ["Foreign Minister"]);
        assert_eq!(r.3.as_deref(), Some("SK"));
        let r = read("UN Secretary-General Antonio Guterres");
        assert_eq!(r.3.as_deref(), Some("UN"));
        assert_eq!(r.1.as_deref(), Some("Antonio Guterres"));
    }

    #[test]
    fn portfolios() {
        let us = Country::from_code("US").unwrap();
        let un = Country::from_code("UN").unwrap();
        assert_eq!(
            portfolio("Secretary of State", Some(&us)),
            Portfolio::ForeignAffairs
        );
        assert_eq!(
            portfolio("Prime Minister", None),
            Portfolio::HeadOfGovernment
        );
        assert_eq!(
            portfolio("Secretary-General", Some(&un)),
            Portfolio::HeadOfOrganisation
        );
        assert_eq!(portfolio("President", Some(&us)), Portfolio::HeadOfState);
        assert_eq!(
            portfolio("Deputy Prime Minister", None),
            Portfolio::DeputyHeadOfGovernment
        );
        assert_eq!(
            portfolio("Minister of Economy, Trade and Industry", None),
            Portfolio::Economy
        );
    }
}
