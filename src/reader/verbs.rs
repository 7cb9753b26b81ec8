//! Reporting verbs: every verb readouts use for what someone said or did,
//! mapped to the canonical [`Verb`], with the words as printed kept.
//!
//! A verb is read at a token: its head word ("expressed", "stated",
//! "shared"), the particle or object words that make the phrase ("shared
//! the view", "asked for understanding", "gave an account"), and for verbs
//! of expressing ("expressed", "conveyed", "extended", "offered",
//! "reiterated", "emphasized", "spoke of") the noun that follows, which
//! decides the canonical verb ("expressed his gratitude" is
//! [`Verb::ExpressedGratitude`]). Constant work per token.

use super::text::{Kind, Tok};
use crate::agenda::Verb;

/// A reporting verb found in a sentence.
#[derive(Debug, Clone)]
pub(crate) struct VerbAt {
    pub(crate) verb: Verb,
    /// First token of the verb phrase.
    pub(crate) from: usize,
    /// One past its last token (the text follows).
    pub(crate) to: usize,
    /// A participle ("stating", "underscoring"), which continues the
    /// clause before it.
    pub(crate) participle: bool,
}

/// Words that may sit between a verb of expressing and its noun.
const FILLERS: &[&str] = &[
    "his",
    "her",
    "their",
    "its",
    "our",
    "the",
    "a",
    "an",
    "once",
    "again",
    "deep",
    "deepest",
    "strong",
    "serious",
    "grave",
    "sincere",
    "sincerest",
    "heartfelt",
    "warm",
    "warmest",
    "best",
    "mutual",
    "shared",
    "common",
    "high",
    "highest",
    "full",
    "great",
    "also",
    "profound",
    "earnest",
    "continued",
    "firm",
    "strongest",
    "message",
    "of",
    "words",
    "with",
    "some",
    "every",
    "both",
    "each",
];

/// Adverbs that may come between a subject and its verb, or before a verb
/// after "and".
pub(crate) const ADVERBS: &[&str] = &[
    "also",
    "then",
    "further",
    "again",
    "once",
    "strongly",
    "highly",
    "warmly",
    "firmly",
    "jointly",
    "further",
    "meanwhile",
    "likewise",
    "similarly",
    "yet",
    "additionally",
    "moreover",
    "subsequently",
    "later",
    "furthermore",
    "in",
    "particular",
    "fully",
    "repeatedly",
    "earlier",
    "today",
    "yesterday",
    "together",
    "all",
    "each",
    "positively",
    "briefly",
    "however",
    "notably",
    "specifically",
];

/// The canonical verb an expressed noun stands for.
fn noun_verb(noun: &str) -> Option<Verb> {
    let n = noun.trim_end_matches("'s");
    Some(match n {
        "gratitude" | "appreciation" | "thanks" | "gratefulness" => Verb::ExpressedGratitude,
        "regret" | "regrets" => Verb::Regretted,
        "concern" | "concerns" | "worry" | "worries" | "alarm" | "dismay" | "disappointment" => {
            Verb::ExpressedConcern
        }
        "condolences" | "condolence" | "sympathy" | "sympathies" => Verb::ExpressedCondolences,
        "hope" | "hopes" | "wishes" | "wish" => Verb::ExpressedHope,
        "desire" | "desires" | "willingness" | "eagerness" | "readiness" => Verb::ExpressedDesire,
        "understanding" => Verb::ExpressedUnderstanding,
        "support" => Verb::Supported,
        "congratulations" | "congratulation" | "felicitations" => Verb::Congratulated,
        "invitation" => Verb::Invited,
        "welcome" => Verb::Welcomed,
        _ => return None,
    })
}

/// The head verbs and their default canonical verb; `true` when the verb
/// looks at the noun that follows.
fn head(word: &str) -> Option<(Verb, bool)> {
    Some(match word {
        "stated" | "said" | "told" | "added" | "replied" | "remarked" | "mentioned"
        | "observed" | "commented" | "indicated" | "declared" | "asserted" | "maintained"
        | "insisted" | "stating" | "saying" | "telling" | "adding" => (Verb::Stated, false),
        "responded" | "responding" => (Verb::Stated, true),
        "conveyed" | "conveying" | "voiced" => (Verb::Stated, true),
        "expressed" | "expressing" => (Verb::Expressed, true),
        "extended" | "extending" => (Verb::Expressed, true),
        "offered" | "offering" => (Verb::Expressed, true),
        "explained" | "outlined" | "described" | "explaining" | "outlining" | "detailed" => {
            (Verb::Explained, false)
        }
        "welcomed" | "welcoming" => (Verb::Welcomed, false),
        "thanked" | "thanking" => (Verb::Thanked, false),
        "congratulated" | "congratulating" => (Verb::Congratulated, false),
        "hailed" | "praised" | "commended" | "applauded" | "lauded" | "hailing" | "praising"
        | "commending" => (Verb::Hailed, false),
        "emphasized" | "emphasised" | "emphasizing" | "emphasising" | "stressed" | "stressing"
        | "underscored" | "underscoring" | "underlined" | "underlining" | "highlighted"
        | "highlighting" | "reiterated" | "reiterating" => (Verb::Emphasized, true),
        "requested" | "requesting" | "sought" => (Verb::Requested, false),
        "urged" | "urging" | "encouraged" | "encouraging" | "pressed" => (Verb::Urged, false),
        "invited" | "inviting" => (Verb::Invited, false),
        "proposed" | "proposing" | "suggested" => (Verb::Proposed, false),
        "condemned" | "condemning" | "denounced" | "deplored" => (Verb::Condemned, false),
        "raised" | "raising" => (Verb::Raised, false),
        "introduced" | "introducing" | "presented" | "unveiled" => (Verb::Introduced, false),
        "announced" | "announcing" => (Verb::Announced, false),
        "committed" | "pledged" | "vowed" | "undertook" => (Verb::Committed, false),
        "reassured" | "assured" => (Verb::Reassured, false),
        "planned" => (Verb::Planned, false),
        "supported" | "backed" | "endorsed" => (Verb::Supported, false),
        "reaffirmed" | "reaffirming" | "renewed" => (Verb::Reaffirmed, false),
        "concurred" => (Verb::Concurred, false),
        "confirmed" | "reconfirmed" | "confirming" => (Verb::Confirmed, false),
        "agreed" | "decided" | "agreeing" => (Verb::Agreed, false),
        "affirmed" | "affirming" => (Verb::Affirmed, false),
        "discussed" | "discussing" | "addressed" | "covered" => (Verb::Discussed, false),
        "reviewed" | "reviewing" => (Verb::Reviewed, false),
        "noted" | "noting" | "recognized" | "recognised" => (Verb::Noted, false),
        "acknowledged" | "acknowledging" => (Verb::Acknowledged, false),
        "recalled" | "recalling" => (Verb::Recalled, false),
        "briefed" | "briefing" | "updated" => (Verb::Briefed, false),
        "accepted" | "accepting" => (Verb::Accepted, false),
        "appreciated" | "appreciating" => (Verb::ExpressedGratitude, false),
        "regretted" => (Verb::Regretted, false),
        "hoped" => (Verb::ExpressedHope, false),
        "warned" | "warning" | "cautioned" => (Verb::Warned, false),
        "exchanged" => (Verb::ExchangedViews, false),
        _ => return None,
    })
}

/// Whether a word can start a reporting verb phrase: a head verb or one of
/// the phrase verbs.
fn starts_verb(w: &str) -> bool {
    head(w).is_some()
        || matches!(
            w,
            "shared"
                | "sharing"
                | "exchanged"
                | "exchanging"
                | "had"
                | "asked"
                | "asking"
                | "called"
                | "calling"
                | "gave"
                | "giving"
                | "provided"
                | "providing"
                | "made"
                | "making"
                | "spoke"
                | "speaking"
                | "talked"
                | "talking"
                | "looked"
                | "looking"
                | "was"
                | "were"
                | "gained"
                | "received"
                | "won"
                | "gaining"
                | "receiving"
                | "took"
                | "held"
                | "presented"
        )
}

/// The reporting verb at token `i`, if any. Participles ("-ing") are
/// flagged.
pub(crate) fn verb_at(toks: &[Tok<'_>], i: usize) -> Option<VerbAt> {
    let t = |j: usize| {
        toks.get(j)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.key())
    };
    let w = t(i)?;
    // Only words that start a reporting verb phrase go further.
    if !starts_verb(w) {
        return None;
    }
    let is = |j: usize, word: &str| t(j) == Some(word);
    let participle = w.ends_with("ing");
    let found = |verb: Verb, to: usize| {
        Some(VerbAt {
            verb,
            from: i,
            to,
            participle,
        })
    };
    // Phrase verbs first.
    match w {
        "shared" | "sharing" => {
            let mut j = i + 1;
            if is(j, "the") || is(j, "their") || is(j, "a") {
                j += 1;
            }
            return match t(j) {
                Some("view" | "views") if is(i + 1, "the") => found(Verb::SharedView, j + 1),
                Some("recognition") => found(Verb::SharedRecognition, j + 1),
                Some("views" | "opinions") => found(Verb::ExchangedViews, j + 1),
                Some("concern" | "concerns") => found(Verb::ExpressedConcern, j + 1),
                Some("understanding") => found(Verb::SharedRecognition, j + 1),
                _ => None,
            };
        }
        "exchanged" | "exchanging" => {
            let mut j = i + 1;
            if is(j, "their") || is(j, "frank") {
                j += 1;
            }
            if matches!(t(j), Some("views" | "opinions" | "ideas")) {
                return found(Verb::ExchangedViews, j + 1);
            }
            if is(i + 1, "on") || is(i + 1, "about") {
                return found(Verb::ExchangedViews, i + 1);
            }
            return None;
        }
        "had" => {
            // "had a frank exchange of views", "had an exchange of views".
            let mut j = i + 1;
            while matches!(
                t(j),
                Some(
                    "a" | "an"
                        | "frank"
                        | "candid"
                        | "useful"
                        | "in-depth"
                        | "productive"
                        | "good"
                        | "wide-ranging"
                )
            ) {
                j += 1;
            }
            if is(j, "exchange")
                && is(j + 1, "of")
                && matches!(t(j + 2), Some("views" | "opinions"))
            {
                return found(Verb::ExchangedViews, j + 3);
            }
            if matches!(t(j), Some("discussion" | "discussions")) && j > i + 1 {
                return found(Verb::Discussed, j + 1);
            }
            return None;
        }
        "asked" | "asking" => {
            if is(i + 1, "for") {
                return match t(i + 2) {
                    Some("understanding") => found(Verb::AskedForUnderstanding, i + 3),
                    _ => found(Verb::Requested, i + 2),
                };
            }
            return found(Verb::Requested, i + 1);
        }
        "called" | "calling" => {
            return match t(i + 1) {
                Some("for" | "on" | "upon") => found(Verb::Urged, i + 2),
                _ => None,
            };
        }
        "gave" | "giving" | "provided" | "providing" | "made" | "making" => {
            let mut j = i + 1;
            if matches!(t(j), Some("a" | "an" | "his" | "her" | "their" | "the")) {
                j += 1;
            }
            if matches!(t(j), Some("formal" | "brief" | "detailed" | "full")) {
                j += 1;
            }
            return match t(j) {
                Some("account" | "briefing" | "update" | "background" | "overview") => {
                    found(Verb::Briefed, j + 1)
                }
                Some("explanation") => found(Verb::Explained, j + 1),
                Some("request") => found(Verb::Requested, j + 1),
                Some("proposal") => found(Verb::Proposed, j + 1),
                Some("commitment") => found(Verb::Committed, j + 1),
                _ => None,
            };
        }
        "spoke" | "speaking" | "talked" | "talking" => {
            return match t(i + 1) {
                Some("about" | "on") => found(Verb::Discussed, i + 2),
                Some("of") => {
                    // "spoke of their common concern"
                    let mut j = i + 2;
                    while t(j).is_some_and(|w| FILLERS.contains(&w)) && j < i + 6 {
                        j += 1;
                    }
                    match t(j).and_then(noun_verb) {
                        Some(v) => found(v, j + 1),
                        None => found(Verb::Discussed, i + 2),
                    }
                }
                _ => None,
            };
        }
        "looked" | "looking" => {
            if is(i + 1, "forward") {
                let to = if is(i + 2, "to") { i + 3 } else { i + 2 };
                return found(Verb::LookedForwardTo, to);
            }
            return None;
        }
        "was" | "were" => {
            // "was looking forward to"
            if is(i + 1, "looking") && is(i + 2, "forward") {
                let to = if is(i + 3, "to") { i + 4 } else { i + 3 };
                return found(Verb::LookedForwardTo, to);
            }
            return None;
        }
        "gained" | "received" | "won" | "gaining" | "receiving" => {
            let mut j = i + 1;
            while matches!(
                t(j),
                Some("the" | "a" | "his" | "her" | "their" | "full" | "strong")
            ) {
                j += 1;
            }
            if is(j, "support") {
                return found(Verb::GainedSupport, j + 1);
            }
            return None;
        }
        "took" if is(i + 1, "note") => {
            let to = if is(i + 2, "of") { i + 3 } else { i + 2 };
            return found(Verb::Noted, to);
        }
        "held" if matches!(t(i + 1), Some("discussions" | "talks")) => {
            return found(Verb::Discussed, i + 2);
        }
        _ => {}
    }
    // "stated that he was looking forward to": looked forward.
    if matches!(w, "stated" | "said")
        && is(i + 1, "that")
        && matches!(t(i + 2), Some("he" | "she" | "they"))
    {
        if is(i + 3, "was") && is(i + 4, "looking") && is(i + 5, "forward") {
            let to = if is(i + 6, "to") { i + 7 } else { i + 6 };
            return found(Verb::LookedForwardTo, to);
        }
        if is(i + 3, "looked") && is(i + 4, "forward") {
            let to = if is(i + 5, "to") { i + 6 } else { i + 5 };
            return found(Verb::LookedForwardTo, to);
        }
    }
    // "presented him with a cake": a gesture.
    if w == "presented" && matches!(t(i + 1), Some("him" | "her" | "them")) && is(i + 2, "with") {
        return found(Verb::Expressed, i + 1);
    }
    // Participles that report nothing on their own ("acknowledging the
    // fact that", "recognising that") are not entries.
    if participle
        && matches!(
            w,
            "acknowledging"
                | "recognising"
                | "recognizing"
                | "noting"
                | "recalling"
                | "exchanging"
                | "confirming"
                | "affirming"
                | "agreeing"
                | "discussing"
                | "accepting"
                | "briefing"
                | "introducing"
                | "announcing"
                | "raising"
                | "outlining"
                | "explaining"
        )
    {
        return None;
    }
    let (verb, with_noun) = head(w)?;
    // Phrases that change the verb.
    if (w == "extended" || w == "extending") && is(i + 1, "an") && is(i + 2, "invitation") {
        return found(Verb::Invited, i + 3);
    }

    if (w == "responded") && is(i + 1, "positively") {
        return found(Verb::Accepted, i + 2);
    }
    if w == "agreed" || w == "decided" || w == "concurred" || w == "confirmed" {
        return found(verb, i + 1);
    }
    if with_noun {
        let mut j = i + 1;
        // A country's possessive ("extended Canada’s thanks") is a filler.
        while j < i + 6
            && t(j).is_some_and(|w| {
                FILLERS.contains(&w)
                    || (w.ends_with("'s") && toks.get(j).is_some_and(|tok| tok.is_capitalized()))
            })
        {
            j += 1;
        }
        let extending = matches!(w, "extended" | "extending" | "offered" | "offering");
        if extending && t(j) == Some("thanks") {
            return found(Verb::Thanked, j + 1);
        }
        if let Some(v) = t(j).and_then(noun_verb) {
            // "reiterated support": supported; "emphasized deep concern".
            let keep = matches!(
                w,
                "emphasized"
                    | "emphasised"
                    | "stressed"
                    | "underscored"
                    | "underlined"
                    | "highlighted"
                    | "emphasizing"
                    | "stressing"
                    | "underscoring"
                    | "highlighting"
            ) && !matches!(v, Verb::ExpressedConcern);
            if !keep {
                return found(v, j + 1);
            }
        }
        if matches!(w, "expressed" | "expressing" | "voiced") {
            return found(Verb::Expressed, i + 1);
        }
        if matches!(w, "extended" | "extending" | "offered" | "offering") {
            if t(j) == Some("thanks") {
                return found(Verb::Thanked, j + 1);
            }
            return None;
        }
    }
    found(verb, i + 1)
}

#[cfg(test)]
/// The reporting verb for a whole wording, as the renderer writes it
/// (`Verb::phrase`) or as a readout does ("reiterated"): the verb read
/// from its first words.
pub(crate) fn verb_for(wording: &str) -> Option<Verb> {
    let toks = super::text::tokenize(wording, 0);
    let v = verb_at(&toks, 0)?;
    (v.to == toks.len())
        .then_some(v.verb)
        .or_else(|| Verb::for_wording(wording))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::text::tokenize;

    fn v(s: &str) -> Option<(Verb, usize)> {
        let t = tokenize(s, 0);
        verb_at(&t, 0).map(|v| (v.verb, v.to))
    }

    #[test]
    fn phrases_and_nouns() {
        assert_eq!(v("shared the view that"), Some((Verb::SharedView, 3)));
        assert_eq!(
            v("shared the recognition that"),
            Some((Verb::SharedRecognition, 3))
        );
        assert_eq!(
            v("expressed his gratitude for"),
            Some((Verb::ExpressedGratitude, 3))
        );
        assert_eq!(
            v("expressed strong concern that"),
            Some((Verb::ExpressedConcern, 3))
        );
        assert_eq!(
            v("conveyed once again his message of condolences"),
            Some((Verb::ExpressedCondolences, 7))
        );
        assert_eq!(v("extended an invitation to"), Some((Verb::Invited, 3)));
        assert_eq!(v("extended Canada’s thanks"), Some((Verb::Thanked, 3)));
        assert_eq!(v("reiterated support for"), Some((Verb::Supported, 2)));
        assert_eq!(v("reiterated that"), Some((Verb::Emphasized, 1)));
        assert_eq!(
            v("emphasized deep concern over"),
            Some((Verb::ExpressedConcern, 3))
        );
        assert_eq!(
            v("asked for understanding and"),
            Some((Verb::AskedForUnderstanding, 3))
        );
        assert_eq!(v("asked for support"), Some((Verb::Requested, 2)));
        assert_eq!(
            v("had a frank exchange of views on"),
            Some((Verb::ExchangedViews, 6))
        );
        assert_eq!(v("gave an account of"), Some((Verb::Briefed, 3)));
        assert_eq!(
            v("looked forward to visiting"),
            Some((Verb::LookedForwardTo, 3))
        );
        assert_eq!(v("called for the"), Some((Verb::Urged, 2)));
        assert_eq!(
            v("spoke of their common concern"),
            Some((Verb::ExpressedConcern, 5))
        );
        assert_eq!(
            v("exchanged their views on"),
            Some((Verb::ExchangedViews, 3))
        );
        assert_eq!(v("met with"), None);
    }

    #[test]
    fn every_canonical_phrase_reads_back() {
        for verb in Verb::ALL {
            assert_eq!(verb_for(verb.phrase()), Some(*verb), "{}", verb.phrase());
        }
    }
}
