//! Reading the meetings: the sentences that name a meeting ("held a
//! meeting with", "met", "spoke with", "received a courtesy call from"),
//! their participants, places, occasions and time clauses; the people the
//! text names, each once, with later references ("Minister Hayashi", "The
//! Secretary", "They") resolved to them; the entries of each paragraph or
//! numbered item; parts; several meetings on one page.
//!
//! One pass over the sentences in order. Each sentence is read in time
//! linear in its tokens (references are matched through the people seen
//! so far, bounded by the participant limit).

use chrono::NaiveDate;

use super::dates;
use super::people::{self, PersonRead, span, text_of};
use super::places::{self, Resolved};
use super::result::{Basis, Fact, Field, IgnoredKind, Rule, UnreadReason};
use super::styles::{self, TitleInfo};
use super::text::{Block, Kind, LabelKind, Sentence, Sp, Tok, key, with_key};
use super::timing::{ClockRead, Home, TimeClause};
use super::verbs::{self, ADVERBS};
use crate::agenda::Verb;
use crate::country::Country;
use crate::meeting::{MeetingForm, MeetingStatus, Mode, OccasionRelation, PlaceBasis};

/// A person (or a post, or a group) the text names, with every mention
/// merged.
#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub(crate) read: PersonRead,
    pub(crate) country: Option<(Country, Sp, Rule)>,
    /// The words of the name a later reference used as the surname.
    pub(crate) surname_run: Option<(usize, usize, Sp)>,
    /// A counterpart known only by country ("his counterparts from
    /// Rwanda"), to be filled by a later, named mention.
    pub(crate) placeholder: bool,
}

/// A place as read, resolved as far as it goes.
#[derive(Debug, Clone)]
pub(crate) struct PlaceRead {
    pub(crate) name: String,
    pub(crate) sp: Sp,
    pub(crate) country: Option<Country>,
    pub(crate) zone: Option<chrono_tz::Tz>,
    pub(crate) rule: Rule,
    pub(crate) basis: PlaceBasis,
}

/// A participant of a meeting being read.
#[derive(Debug, Clone)]
pub(crate) struct Member {
    pub(crate) person: usize,
    pub(crate) host: bool,
    pub(crate) attendee: bool,
    pub(crate) remote: bool,
    pub(crate) calling_from: Option<PlaceRead>,
}

/// An entry as read.
#[derive(Debug, Clone)]
pub(crate) struct EntryDraft {
    pub(crate) who: Vec<usize>,
    pub(crate) verb: Verb,
    pub(crate) wording: String,
    pub(crate) text: String,
    pub(crate) sp: Sp,
    pub(crate) rule: Rule,
}

/// An item as read.
#[derive(Debug, Clone)]
pub(crate) struct ItemDraft {
    pub(crate) label: Option<(String, Sp)>,
    pub(crate) heading: Option<(String, Sp)>,
    pub(crate) entries: Vec<EntryDraft>,
    pub(crate) subs: Vec<ItemDraft>,
    pub(crate) sp: Sp,
    pub(crate) block: usize,
}

/// A part as read.
#[derive(Debug, Clone)]
pub(crate) struct PartDraft {
    pub(crate) form: MeetingForm,
    pub(crate) title: Option<String>,
    pub(crate) clause: Option<TimeClause>,
    pub(crate) sp: Sp,
}

/// A meeting being read.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub(crate) sp: Sp,
    pub(crate) facts: Vec<Fact>,
    pub(crate) title: Option<(String, Sp, bool)>,
    pub(crate) mode: Option<(Mode, Sp, Rule)>,
    pub(crate) form: Option<(MeetingForm, Sp, Rule)>,
    pub(crate) status: MeetingStatus,
    pub(crate) members: Vec<Member>,
    pub(crate) clause: TimeClause,
    pub(crate) venue: Option<PlaceRead>,
    pub(crate) occasion: Option<(String, OccasionRelation, Sp)>,
    pub(crate) items: Vec<ItemDraft>,
    pub(crate) parts: Vec<PartDraft>,
    /// The person "he" or "she" refers to.
    pub(crate) last_single: Option<usize>,
}

impl Draft {
    pub(crate) fn fact(
        &mut self,
        field: Field,
        sp: Sp,
        basis: Basis,
        rule: Rule,
        value: impl Into<String>,
    ) {
        self.facts.push(Fact {
            field,
            span: sp.range(),
            basis,
            rule,
            value: value.into(),
        });
    }

    pub(crate) fn has(&self, person: usize) -> bool {
        self.members.iter().any(|m| m.person == person)
    }

    fn principals(&self) -> Vec<usize> {
        self.members
            .iter()
            .filter(|m| !m.attendee)
            .map(|m| m.person)
            .collect()
    }
}

/// The verb phrase that names a meeting.
#[derive(Debug, Clone)]
struct Predicate {
    from: usize,
    to: usize,
    mode: Option<(Mode, Sp)>,
    form: Option<(MeetingForm, Sp)>,
    status: MeetingStatus,
    /// The object is the host (a courtesy call on, was hosted by).
    object_hosts: bool,
    /// The subject hosts (received a courtesy call from, hosted).
    subject_hosts: bool,
    /// "hosted the G7 ... Telephone Talk", "attended the ...": the object
    /// names an event, not a person.
    event: bool,
    /// "called on and was hosted to lunch by": a call, then a meal.
    parts: Vec<MeetingForm>,
    /// No object: "A and B met".
    intransitive: bool,
    future: bool,
}

/// The whole reading state.
pub(crate) struct Ctx<'a> {
    pub(crate) text: &'a str,
    pub(crate) home: Home,
    pub(crate) published: Option<NaiveDate>,
    pub(crate) title: TitleInfo,
    pub(crate) persons: Vec<Person>,
    pub(crate) drafts: Vec<Draft>,
    pub(crate) current: Option<usize>,
    pub(crate) unread: Vec<(Sp, UnreadReason)>,
    pub(crate) ignored: Vec<(Sp, IgnoredKind)>,
    /// The place a paragraph opens with ("In Switzerland,"), by paragraph.
    pub(crate) para_place: Option<(usize, PlaceRead)>,
    pub(crate) max_participants: usize,
    /// The page's lead: a shared relative date for meetings of the page.
    pub(crate) page_relative: Option<(dates::Relative, Sp, String)>,
    /// The last object list was split at semicolons: one meeting each.
    pub(crate) split_list: bool,
    /// "as well as representatives from the American Jewish Committee":
    /// parties the reader could not represent.
    pub(crate) pending_unknown: Vec<Sp>,
    /// Whether the reader records a source (entries name it).
    pub(crate) has_source: bool,
    /// People said to take part remotely, with where from, for the meeting
    /// being read.
    pub(crate) remote: Vec<(usize, Option<PlaceRead>)>,
    /// People the title names by post alone, merged into a participant the
    /// body names ("Irish Foreign Minister" is Tánaiste Simon Coveney).
    pub(crate) alias: Vec<(usize, usize)>,
    /// Where the page's subject is ("who is in New York for ..."), for the
    /// meetings of a page that do not say.
    pub(crate) subject_place: Option<(usize, PlaceRead)>,
}

/// Words that end an object phrase.
fn ends_object(toks: &[Tok<'_>], i: usize, used: &[bool]) -> bool {
    let Some(t) = toks.get(i) else { return true };
    if used.get(i).copied().unwrap_or(false) && t.kind != Kind::Punct {
        return true;
    }
    if t.is_punct('.') || t.is_punct('?') || t.is_punct('!') {
        return true;
    }
    let next = toks.get(i + 1);
    let next_cap = next.is_some_and(|n| n.is_capitalized() || n.is("the"));
    match t.key() {
        "who" | "which" | "where" | "while" | "during" | "via" | "ahead" | "following" | "upon"
        | "today" | "yesterday" | "tomorrow" => true,
        "in" | "at" => next_cap,
        "on" => next.is_some_and(|n| {
            n.is("the")
                && toks.get(i + 2).is_some_and(|x| {
                    matches!(x.key(), "sidelines" | "sideslines" | "margins" | "occasion")
                })
                || dates::month(n.key()).is_some()
                || n.kind == Kind::Number
        }),
        "to" => next.is_some_and(|n| {
            matches!(
                n.key(),
                "discuss" | "exchange" | "talk" | "review" | "attend"
            )
        }),
        "for" => next.is_some_and(|n| {
            matches!(
                n.key(),
                "a" | "the" | "talks" | "their" | "approximately" | "about" | "around"
            ) || n.kind == Kind::Number
        }),
        "by" => next.is_some_and(|n| matches!(n.key(), "telephone" | "phone" | "video")),
        "over" => next.is_some_and(|n| n.is("the")),
        "as" => next.is_some_and(|n| n.is("well")),
        "before" | "after" => true,
        _ => false,
    }
}

impl<'a> Ctx<'a> {
    // ----- people -------------------------------------------------------

    /// Adds a person read from the text, or merges it with one already
    /// known (same name words, or same post and country). Returns its
    /// index.
    pub(crate) fn person(&mut self, read: PersonRead, rule_country: Rule) -> usize {
        if let Some(i) = self.find_same(&read) {
            self.merge(i, read, rule_country);
            return i;
        }
        // A named person of a placeholder's country fills it.
        if read.name.is_some() {
            if let Some((c, _, _)) = &read.country {
                if let Some(i) = self.persons.iter().position(|p| {
                    p.placeholder && p.country.as_ref().is_some_and(|(pc, _, _)| pc == c)
                }) {
                    if let Some(p) = self.persons.get_mut(i) {
                        p.placeholder = false;
                        let country = p.country.clone();
                        p.read = read;
                        p.country = country;
                    }
                    return i;
                }
            }
        }
        let country = read.country.as_ref().map(|(c, sp, how)| {
            let rule = match how {
                people::CountryHow::Of => Rule::OfCountry,
                people::CountryHow::Adjective => Rule::CountryAdjective,
                people::CountryHow::Organisation => Rule::Organisation,
            };
            let _ = rule_country;
            (c.clone(), *sp, rule)
        });
        self.persons.push(Person {
            read,
            country,
            surname_run: None,
            placeholder: false,
        });
        self.persons.len() - 1
    }

    fn find_same(&self, read: &PersonRead) -> Option<usize> {
        let country = read.country.as_ref().map(|c| &c.0);
        let compatible = |p: &Person| match (country, p.country.as_ref().map(|c| &c.0)) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        if let Some(name) = &read.name {
            let words: Vec<String> = name.words.iter().map(|w| key(w)).collect();
            return self.persons.iter().position(|p| {
                let Some(pn) = &p.read.name else { return false };
                let pw: Vec<String> = pn.words.iter().map(|w| key(w)).collect();
                let (short, long) = if words.len() <= pw.len() {
                    (&words, &pw)
                } else {
                    (&pw, &words)
                };
                compatible(p) && !short.is_empty() && short.iter().all(|w| long.contains(w))
            });
        }
        // Post alone: the same post words and country.
        let post = read.posts.first().map(|p| key(&p.title))?;
        self.persons.iter().position(|p| {
            compatible(p)
                && p.read
                    .posts
                    .iter()
                    .any(|q| key(&q.title) == post || key(&q.title).ends_with(&post))
                && (country.is_some() || p.country.is_some() || p.read.name.is_none())
        })
    }

    fn merge(&mut self, i: usize, read: PersonRead, _rule: Rule) {
        let Some(p) = self.persons.get_mut(i) else {
            return;
        };
        let longer = match (&p.read.name, &read.name) {
            (Some(a), Some(b)) => b.words.len() > a.words.len(),
            (None, Some(_)) => true,
            _ => false,
        };
        // The shorter name used as the surname of the longer one
        // ("Secretary Blinken" for "Antony J. Blinken").
        let (short, long) = match (&p.read.name, &read.name) {
            (Some(a), Some(b)) if longer => (Some(a.clone()), Some(b.clone())),
            (Some(a), Some(b)) if b.words.len() < a.words.len() => {
                (Some(b.clone()), Some(a.clone()))
            }
            _ => (None, None),
        };
        if longer {
            p.read.name = read.name.clone();
        }
        if let (Some(short), Some(long)) = (short, long) {
            let lw: Vec<String> = long.words.iter().map(|w| key(w)).collect();
            let sw: Vec<String> = short.words.iter().map(|w| key(w)).collect();
            if let Some(at) =
                (0..lw.len()).find(|k| lw.get(*k..k + sw.len()).is_some_and(|x| x == sw.as_slice()))
            {
                if p.surname_run.is_none() && !long.uppercase && !long.comma {
                    p.surname_run = Some((at, sw.len(), short.sp));
                }
            }
        }
        if p.read.honorific.is_none() {
            p.read.honorific = read.honorific.clone();
        }
        // Posts: the same post said twice ("Foreign Minister", "Minister for
        // Foreign Affairs"; "Minister", "Minister of Economy, Trade and
        // Industry") is one, with the longer title; others are added.
        for post in &read.posts {
            let k = key(&post.title);
            let same = p.read.posts.iter().position(|q| {
                let qk = key(&q.title);
                qk == k
                    || qk.contains(&k)
                    || k.contains(&qk)
                    || (q.portfolio == post.portfolio
                        && q.portfolio != crate::minister::Portfolio::Other)
            });
            match same {
                Some(j) => {
                    if let Some(q) = p.read.posts.get_mut(j) {
                        if post.title.chars().count() > q.title.chars().count() {
                            let status = if q.status != crate::minister::PostStatus::Current {
                                q.status
                            } else {
                                post.status
                            };
                            *q = post.clone();
                            q.status = status;
                        } else if post.status != crate::minister::PostStatus::Current {
                            q.status = post.status;
                        }
                    }
                }
                None => p.read.posts.push(post.clone()),
            }
        }
        if p.country.is_none() {
            if let Some((c, sp, how)) = read.country {
                let rule = match how {
                    people::CountryHow::Of => Rule::OfCountry,
                    people::CountryHow::Adjective => Rule::CountryAdjective,
                    people::CountryHow::Organisation => Rule::Organisation,
                };
                p.country = Some((c, sp, rule));
            }
        }
        if p.read.unknown_org.is_none() {
            p.read.unknown_org = read.unknown_org;
        }
        p.placeholder = p.placeholder && read.name.is_none();
    }

    // ----- references ---------------------------------------------------

    /// The people a subject phrase refers to, within `draft` when given:
    /// "The two ministers", "They", "He", "Minister Hayashi", "The
    /// Secretary", "Secretary Blinken and Foreign Minister Hayashi", or a
    /// new person named in full.
    fn resolve_subject(
        &mut self,
        toks: &[Tok<'_>],
        draft: Option<usize>,
    ) -> Option<(Vec<usize>, Rule)> {
        // Strip leading "Both", trailing commas.
        let mut a = 0;
        let mut b = toks.len();
        while b > a && toks.get(b - 1).is_some_and(|t| t.kind == Kind::Punct) {
            b -= 1;
        }
        while a < b && toks.get(a).is_some_and(|t| t.kind == Kind::Punct) {
            a += 1;
        }
        let toks = toks.get(a..b)?;
        if toks.is_empty() {
            return None;
        }
        let principals = draft
            .and_then(|d| self.drafts.get(d))
            .map(|d| {
                let p = d.principals();
                if p.len() >= 2 {
                    p
                } else {
                    d.members.iter().map(|m| m.person).collect()
                }
            })
            .unwrap_or_default();
        let joined = joined_keys(toks);
        const ALL: &[&str] = &[
            "they",
            "both",
            "the two",
            "the pair",
            "both sides",
            "the two sides",
            "both ministers",
            "the two ministers",
            "the ministers",
            "the foreign ministers",
            "the two foreign ministers",
            "both leaders",
            "the leaders",
            "the two leaders",
            "the participants",
            "the diplomats",
            "the sides",
            "both countries",
            "the two countries",
            "the two governments",
            "all",
            "the two secretaries",
            "both foreign ministers",
            "the two heads",
            "the parties",
            "both parties",
            "the two parties",
            "the g7",
            "g7",
            "the ministers of foreign affairs",
        ];
        if ALL.contains(&joined.as_str()) && principals.len() >= 2 {
            return Some((principals, Rule::MutualSubject));
        }
        if matches!(joined.as_str(), "he" | "she") {
            let p = draft
                .and_then(|d| self.drafts.get(d))
                .and_then(|d| d.last_single)?;
            return Some((vec![p], Rule::Pronoun));
        }
        // Several references joined by "and" / ",".
        let mut parts: Vec<(usize, usize)> = Vec::new();
        let mut start = 0;
        let mut depth = 0i32;
        for (i, t) in toks.iter().enumerate() {
            if t.is_punct('(') {
                depth += 1;
            } else if t.is_punct(')') {
                depth -= 1;
            }
            if depth == 0 && (t.is("and") || t.is_punct(',')) && i > start {
                // Only split where the right side starts a reference.
                let right = toks.get(i + 1).is_some_and(|n| {
                    n.is_capitalized() || n.is("the") || n.is("he") || n.is("she")
                });
                if right {
                    parts.push((start, i));
                    start = i + 1;
                }
            }
        }
        parts.push((start, toks.len()));
        let mut out: Vec<usize> = Vec::new();
        let mut rule = Rule::Mention;
        let both = toks.first().is_some_and(|t| t.is("both"));
        for (s, e) in parts.iter().copied() {
            let (s, e) = if both && s == 0 { (1, e) } else { (s, e) };
            let sub = toks.get(s..e)?;
            if sub.is_empty() {
                continue;
            }
            let r = self.resolve_one(sub, draft, &principals)?;
            if r.1 == Rule::Pronoun {
                rule = Rule::Pronoun;
            }
            for p in r.0 {
                if !out.contains(&p) {
                    out.push(p);
                }
            }
        }
        if out.is_empty() {
            return None;
        }
        if out.len() >= 2 && principals.len() >= 2 && principals.iter().all(|p| out.contains(p)) {
            rule = Rule::MutualSubject;
        }
        Some((out, rule))
    }

    /// The person a title's post-only mention was merged into.
    pub(crate) fn canon(&self, p: usize) -> usize {
        self.alias
            .iter()
            .find(|(a, _)| *a == p)
            .map_or(p, |(_, b)| *b)
    }

    fn resolve_one(
        &mut self,
        toks: &[Tok<'_>],
        draft: Option<usize>,
        principals: &[usize],
    ) -> Option<(Vec<usize>, Rule)> {
        let r = self.resolve_one_raw(toks, draft, principals)?;
        let mut out: Vec<usize> = Vec::new();
        for p in r.0 {
            let c = self.canon(p);
            if !out.contains(&c) {
                out.push(c);
            }
        }
        Some((out, r.1))
    }

    fn resolve_one_raw(
        &mut self,
        toks: &[Tok<'_>],
        draft: Option<usize>,
        principals: &[usize],
    ) -> Option<(Vec<usize>, Rule)> {
        let joined = joined_keys(toks);
        if matches!(joined.as_str(), "he" | "she" | "him" | "her") {
            let p = draft
                .and_then(|d| self.drafts.get(d))
                .and_then(|d| d.last_single)?;
            return Some((vec![p], Rule::Pronoun));
        }
        if matches!(
            joined.as_str(),
            "they" | "the two" | "both" | "the two ministers" | "the ministers"
        ) && principals.len() >= 2
        {
            return Some((principals.to_vec(), Rule::MutualSubject));
        }
        let members: Vec<usize> = draft
            .and_then(|d| self.drafts.get(d))
            .map(|d| d.members.iter().map(|m| m.person).collect())
            .unwrap_or_default();
        // A reference is made of reference words only: capitalized words,
        // post words, honorifics, "the", particles.
        let reference_like = toks.len() <= 12
            && toks.iter().all(|t| {
                t.kind != Kind::Word && matches!(t.text, "." | "’" | "'" | "-")
                    || t.kind == Kind::Word
                        && (t.is_capitalized()
                            || people::is_post_word(t.text)
                            || matches!(
                                t.key(),
                                "the"
                                    | "of"
                                    | "for"
                                    | "van"
                                    | "von"
                                    | "de"
                                    | "bin"
                                    | "al"
                                    | "le"
                                    | "la"
                                    | "der"
                                    | "former"
                                    | "then"
                                    | "and"
                            ))
            });
        if !reference_like {
            // Not a short reference: a person named in full, or nobody.
            let read = people::parse_person(toks)?;
            read.name.as_ref()?;
            let i = self.person(read, Rule::Mention);
            return Some((vec![i], Rule::Mention));
        }
        let honorific_at = |i: usize| {
            (0..i.min(3) + 1)
                .any(|back| people::honorific_at(toks, i - back).is_some_and(|h| i - back + h > i))
        };
        // A name word of a known person ("Minister Hayashi", "Mr Lee").
        let name_tokens: Vec<(usize, &Tok<'_>)> = toks
            .iter()
            .enumerate()
            .filter(|(i, t)| {
                t.kind == Kind::Word
                    && t.is_capitalized()
                    && !people::is_post_word(t.text)
                    && !t.is("the")
                    && !honorific_at(*i)
            })
            .collect();
        let mut best: Option<(usize, usize, usize, Sp)> = None; // (person, word idx, run len, sp)
        let order: Vec<usize> = members
            .iter()
            .copied()
            .chain((0..self.persons.len()).filter(|p| !members.contains(p)))
            .collect();
        'people: for p in order {
            let Some(person) = self.persons.get(p) else {
                continue;
            };
            let Some(name) = &person.read.name else {
                continue;
            };
            // The name's words compared by key, without allocating.
            let pw = &name.words;
            let same = |w: &String, k: &str| with_key(w, |x| x == k);
            for (ti, t) in &name_tokens {
                let k = t.key();
                if let Some(wi) = pw.iter().position(|w| same(w, k)) {
                    // Extend over following matching words ("van Klaveren").
                    let mut run = 1;
                    while toks
                        .get(ti + run)
                        .is_some_and(|n| pw.get(wi + run).is_some_and(|w| same(w, n.key())))
                    {
                        run += 1;
                    }
                    // A particle before ("van") belongs to the run.
                    let (wi, run, first_tok) = if wi > 0
                        && *ti > 0
                        && toks
                            .get(ti - 1)
                            .is_some_and(|n| pw.get(wi - 1).is_some_and(|w| same(w, n.key())))
                    {
                        (wi - 1, run + 1, ti - 1)
                    } else {
                        (wi, run, *ti)
                    };
                    let sp = span(toks, first_tok, first_tok + run);
                    best = Some((p, wi, run, sp));
                    break 'people;
                }
            }
        }
        if let Some((p, wi, run, sp)) = best {
            // The words used as the surname, when the rest of the reference
            // is a post or an honorific (not a full name).
            let rest_is_title = name_tokens.len() == run
                || toks.iter().filter(|t| t.kind == Kind::Word).count() > run;
            // Only the matched words are names in the reference ("Minister
            // van Klaveren", "Mr. Ban"), so they are the surname.
            let only_matched = name_tokens.iter().all(|(ti, _)| {
                toks.get(*ti)
                    .is_some_and(|t| t.sp.start >= sp.start && t.sp.end <= sp.end)
            });
            if let Some(person) = self.persons.get_mut(p) {
                let n = person.read.name.as_ref().map_or(0, |n| n.words.len());
                if rest_is_title && n > run && person.surname_run.is_none() && only_matched {
                    person.surname_run = Some((wi, run, sp));
                }
            }
            return Some((vec![p], Rule::Mention));
        }
        // A post reference: "The Secretary", "the foreign minister", "the
        // Irish Foreign Minister", "the UN Secretary-General".
        let mut post_words: Vec<String> = Vec::new();
        let mut adj: Option<Country> = None;
        let mut i = 0;
        while i < toks.len() {
            let Some(t) = toks.get(i) else { break };
            if t.is("the") || t.kind == Kind::Punct {
                i += 1;
                continue;
            }
            if let Some(c) = places::country_at(toks, i) {
                adj = Some(c.country);
                i = c.to;
                continue;
            }
            if people::is_post_word(t.text) {
                post_words.push(t.key().to_owned());
                i += 1;
                continue;
            }
            if (t.is("and") || t.is("of") || t.is("for")) && !post_words.is_empty() {
                i += 1;
                continue;
            }
            // Something else: a new name (handled below).
            post_words.clear();
            adj = None;
            break;
        }
        if !post_words.is_empty() || adj.is_some() {
            let candidates: Vec<usize> = order_members(&members, self.persons.len());
            let matches: Vec<usize> = candidates
                .into_iter()
                .filter(|p| {
                    let Some(person) = self.persons.get(*p) else {
                        return false;
                    };
                    let country_ok = adj
                        .as_ref()
                        .is_none_or(|c| person.country.as_ref().is_some_and(|(pc, _, _)| pc == c));
                    let post_ok = post_words.iter().all(|w| {
                        person.read.posts.iter().any(|post| {
                            post.title
                                .split_whitespace()
                                .any(|x| with_key(x, |k| k == w))
                        })
                    });
                    country_ok && post_ok
                })
                .collect();
            let in_meeting: Vec<usize> = matches
                .iter()
                .copied()
                .filter(|p| members.contains(p))
                .collect();
            let pick = if in_meeting.len() == 1 {
                in_meeting.first().copied()
            } else if in_meeting.is_empty() && matches.len() == 1 {
                matches.first().copied()
            } else if in_meeting.len() > 1 {
                // Several: the one whose post's head is exactly these words
                // ("the Minister" is the Minister for Foreign Affairs, not
                // the Prime Minister); else, a post being how the text names
                // someone it gives no name, the one without a name; else the
                // subject.
                let exact: Vec<usize> = in_meeting
                    .iter()
                    .copied()
                    .filter(|p| {
                        self.persons.get(*p).is_some_and(|x| {
                            x.read.posts.iter().any(|post| {
                                let head: Vec<String> = post
                                    .title
                                    .split_whitespace()
                                    .map(key)
                                    .take_while(|w| {
                                        !matches!(w.as_str(), "of" | "for" | "to" | "and")
                                    })
                                    .collect();
                                head == post_words
                            })
                        })
                    })
                    .collect();
                let unnamed: Vec<usize> = in_meeting
                    .iter()
                    .copied()
                    .filter(|p| self.persons.get(*p).is_some_and(|x| x.read.name.is_none()))
                    .collect();
                let both: Vec<usize> = exact
                    .iter()
                    .copied()
                    .filter(|p| unnamed.contains(p))
                    .collect();
                match (both.as_slice(), exact.as_slice(), unnamed.as_slice()) {
                    ([one], _, _) | (_, [one], _) | (_, _, [one]) => Some(*one),
                    _ => in_meeting.first().copied(),
                }
            } else {
                None
            };
            if let Some(p) = pick {
                return Some((vec![p], Rule::Mention));
            }
            // A country alone ("the Irish Foreign Minister" for Tánaiste
            // Coveney): the one member of that country.
            if let Some(c) = &adj {
                let of_country: Vec<usize> = members
                    .iter()
                    .copied()
                    .filter(|p| {
                        self.persons
                            .get(*p)
                            .is_some_and(|x| x.country.as_ref().is_some_and(|(pc, _, _)| pc == c))
                    })
                    .collect();
                if let [one] = of_country.as_slice() {
                    return Some((vec![*one], Rule::Mention));
                }
            }
            // "The Foreign Secretary" of the publisher, not yet known: a new
            // person known by post.
            if matches.is_empty()
                && !post_words.is_empty()
                && toks.first().is_some_and(|t| t.is("the"))
            {
                let read = people::parse_person(toks)?;
                if read.name.is_none()
                    && read
                        .posts
                        .iter()
                        .any(|p| p.title.split_whitespace().any(people::is_head))
                    && !read.plural
                {
                    let i = self.person(read, Rule::Mention);
                    return Some((vec![i], Rule::Mention));
                }
            }
            return None;
        }
        // A person named in full for the first time.
        let read = people::parse_person(toks)?;
        read.name.as_ref()?;
        let i = self.person(read, Rule::Mention);
        Some((vec![i], Rule::Mention))
    }

    // ----- meeting sentences --------------------------------------------

    /// The meeting predicate of a sentence, if it has one.
    fn predicate(&self, toks: &[Tok<'_>], used: &[bool]) -> Option<Predicate> {
        let n = toks.len();
        let t = |j: usize| toks.get(j);
        let w = |j: usize| t(j).filter(|t| t.kind == Kind::Word).map_or("", Tok::key);
        for i in 0..n {
            // A reporting verb before any meeting verb: a sentence about what
            // was said ("stated that he was delighted to meet ..."), not a
            // meeting.
            if i > 0 && verbs::verb_at(toks, i - 1).is_some() && !matches!(w(i - 1), "held" | "had")
            {
                return None;
            }
            let word = w(i);
            let prev = if i > 0 { w(i - 1) } else { "" };
            let back = |k: usize| if i >= k { w(i - k) } else { "" };
            let future = prev == "will"
                || (prev == "to" && i > 1 && w(i - 2) == "was")
                || (1..=4).any(|k| matches!(back(k), "will" | "shall" | "would"))
                    && (1..=3).any(|k| {
                        matches!(
                            back(k),
                            "be" | "will" | "shall" | "would" | "officially" | "also"
                        )
                    });
            let status = if future && prev != "to" {
                MeetingStatus::Scheduled
            } else if prev == "to" && i > 1 && w(i - 2) == "was" {
                MeetingStatus::Postponed
            } else {
                MeetingStatus::Held
            };
            let mk =
                |to: usize, mode: Option<(Mode, Sp)>, form: Option<(MeetingForm, Sp)>| Predicate {
                    from: i,
                    to,
                    mode,
                    form,
                    status,
                    object_hosts: false,
                    subject_hosts: false,
                    event: false,
                    parts: Vec::new(),
                    intransitive: false,
                    future,
                };
            match word {
                "held" | "had" | "hold" | "holds" | "have" | "has" | "conducted" | "conduct" => {
                    // A meeting noun phrase, then "with" (within 14 tokens).
                    let mut j = i + 1;
                    let limit = (i + 16).min(n);
                    let mut noun = false;
                    while j < limit {
                        let k = w(j);
                        if k == "with" {
                            break;
                        }
                        if t(j).is_some_and(|x| x.is_punct('.') || x.is_punct(';')) {
                            break;
                        }
                        if matches!(
                            k,
                            "meeting"
                                | "meetings"
                                | "talk"
                                | "talks"
                                | "conversation"
                                | "call"
                                | "teleconference"
                                | "web-meeting"
                                | "videoconference"
                                | "conference"
                                | "dinner"
                                | "lunch"
                                | "breakfast"
                                | "luncheon"
                                | "meal"
                                | "summit"
                                | "consultation"
                                | "consultations"
                        ) {
                            noun = true;
                        }
                        j += 1;
                    }
                    if !noun {
                        continue;
                    }
                    let np = toks.get(i + 1..j).unwrap_or_default();
                    let (mode, form) = styles::mode_form_words(np);
                    if w(j) == "with" {
                        return Some(mk(j + 1, mode, form));
                    }
                    // "A and B had a warm and productive meeting in London".
                    let mut p = mk(j, mode, form);
                    p.intransitive = true;
                    return Some(p);
                }
                "met" | "meet" | "meets" => {
                    let mut j = i + 1;
                    let mut mode = None;
                    while j < n
                        && (used.get(j).copied().unwrap_or(false)
                            || matches!(
                                w(j),
                                "virtually"
                                    | "today"
                                    | "yesterday"
                                    | "again"
                                    | "separately"
                                    | "also"
                                    | "briefly"
                                    | "bilaterally"
                                    | "online"
                            ))
                    {
                        if matches!(w(j), "virtually" | "online") {
                            mode = t(j).map(|x| (Mode::Video, x.sp));
                        }
                        j += 1;
                    }
                    // "met ... while in Brussels today with": skip a short
                    // place phrase before "with".
                    let mut k = j;
                    if matches!(w(k), "while" | "in") {
                        while k < n && k < j + 6 && w(k) != "with" {
                            k += 1;
                        }
                        while k < n && used.get(k).copied().unwrap_or(false) {
                            k += 1;
                        }
                        if w(k) == "with" {
                            j = k;
                        }
                    }
                    let form = t(i).map(|x| (MeetingForm::Meeting, x.sp));
                    let mode = mode.or_else(|| t(i).map(|x| (Mode::InPerson, x.sp)));
                    if w(j) == "with" {
                        return Some(mk(j + 1, mode, form));
                    }
                    let next = t(j);
                    let direct = next.is_some_and(|x| {
                        x.kind == Kind::Word
                            && (x.is_capitalized() || x.is("the") || x.is("his") || x.is("her"))
                    }) && !matches!(w(j), "in" | "at" | "on" | "during" | "today");
                    if direct {
                        return Some(mk(j, mode, form));
                    }
                    let mut p = mk(j, mode, form);
                    p.intransitive = true;
                    return Some(p);
                }
                "spoke" | "speaks" | "speak" | "talked" | "talks" | "conversed" => {
                    if matches!(w(i + 1), "of" | "about" | "on") {
                        continue;
                    }
                    let mut j = i + 1;
                    let mut mode = t(i).map(|x| (Mode::Telephone, x.sp));
                    while j < n && j < i + 8 {
                        let k = w(j);
                        if k == "with" || k == "to" {
                            break;
                        }
                        if matches!(k, "video" | "videoconference" | "virtually") {
                            mode = t(j).map(|x| (Mode::Video, x.sp));
                        }
                        if used.get(j).copied().unwrap_or(false)
                            || matches!(
                                k,
                                "by" | "over"
                                    | "on"
                                    | "the"
                                    | "telephone"
                                    | "phone"
                                    | "via"
                                    | "video"
                                    | "again"
                                    | "also"
                                    | "today"
                                    | "yesterday"
                                    | "this"
                                    | "morning"
                                    | "earlier"
                                    | "briefly"
                                    | "separately"
                            )
                        {
                            j += 1;
                            continue;
                        }
                        break;
                    }
                    if matches!(w(j), "with" | "to") {
                        let form = t(i).map(|x| (MeetingForm::Talk, x.sp));
                        return Some(mk(j + 1, mode, form));
                    }
                    // "A and B spoke this morning".
                    let form = t(i).map(|x| (MeetingForm::Talk, x.sp));
                    let mut p = mk(j, mode, form);
                    p.intransitive = true;
                    if word == "spoke" || word == "speaks" {
                        return Some(p);
                    }
                }
                "paid" | "pay" | "pays"
                    if w(i + 1) == "a"
                        && w(i + 2) == "courtesy"
                        && w(i + 3) == "call"
                        && w(i + 4) == "on" =>
                {
                    let mut p = mk(
                        i + 5,
                        None,
                        t(i + 2).map(|x| (MeetingForm::CourtesyCall, x.sp)),
                    );
                    p.object_hosts = true;
                    return Some(p);
                }
                "received" => {
                    let mut j = i + 1;
                    while j < n && j < i + 6 && w(j) != "from" {
                        j += 1;
                    }
                    if w(j) != "from" {
                        continue;
                    }
                    let np = toks.get(i + 1..j).unwrap_or_default();
                    if !np.iter().any(|x| x.is("call") || x.is("visit")) {
                        continue;
                    }
                    let (mode, form) = styles::mode_form_words(np);
                    let courtesy = np.iter().any(|x| x.is("courtesy"));
                    let form = if courtesy {
                        np.iter()
                            .find(|x| x.is("courtesy"))
                            .map(|x| (MeetingForm::CourtesyCall, x.sp))
                    } else {
                        form
                    };
                    let mode = if courtesy { None } else { mode };
                    let mut p = mk(j + 1, mode, form);
                    p.subject_hosts = true;
                    return Some(p);
                }
                "called" if w(i + 1) == "on" => {
                    let courtesy = t(i).map(|x| (MeetingForm::CourtesyCall, x.sp));
                    // "called on and was hosted to lunch by X".
                    if w(i + 2) == "and" && w(i + 3) == "was" && w(i + 4) == "hosted" {
                        let mut j = i + 5;
                        let mut meal = None;
                        while j < n && j < i + 9 && w(j) != "by" {
                            if matches!(w(j), "lunch" | "dinner" | "breakfast" | "luncheon") {
                                meal = Some(MeetingForm::WorkingMeal);
                            }
                            j += 1;
                        }
                        if w(j) == "by" {
                            let mut p = mk(j + 1, None, t(i).map(|x| (MeetingForm::Meeting, x.sp)));
                            p.object_hosts = true;
                            p.parts = vec![MeetingForm::CourtesyCall];
                            if let Some(m) = meal {
                                p.parts.push(m);
                            }
                            return Some(p);
                        }
                    }
                    // The object must be a person: capitalized.
                    if t(i + 2).is_some_and(|x| x.is_capitalized()) {
                        let mut p = mk(i + 2, None, courtesy);
                        p.object_hosts = true;
                        return Some(p);
                    }
                }
                "hosted" | "hosts" | "host" => {
                    // "hosted X for talks" (people) or "hosted the G7 ...
                    // Telephone Talk" (an event).
                    let np_end = (i + 1..n)
                        .find(|j| ends_object(toks, *j, used))
                        .unwrap_or(n);
                    let np = toks.get(i + 1..np_end).unwrap_or_default();
                    let (mode, form) = styles::mode_form_words(np);
                    let event = np.first().is_some_and(|x| x.is("the"))
                        && np.iter().any(|x| {
                            matches!(
                                x.key(),
                                "meeting"
                                    | "talk"
                                    | "talks"
                                    | "conference"
                                    | "summit"
                                    | "dialogue"
                                    | "forum"
                                    | "session"
                            )
                        });
                    let mut p = mk(
                        i + 1,
                        mode,
                        form.or(t(i).map(|x| (MeetingForm::Meeting, x.sp))),
                    );
                    p.subject_hosts = true;
                    p.event = event;
                    return Some(p);
                }
                "attended" | "attends" | "attend" if prev != "to" || back(2) == "was" => {
                    let np_end = (i + 1..n)
                        .find(|j| {
                            toks.get(*j).is_some_and(|t| t.is("together"))
                                || ends_object(toks, *j, used)
                                    && !toks.get(*j).is_some_and(|t| t.is("by"))
                        })
                        .unwrap_or(n);
                    let np = toks.get(i + 1..np_end).unwrap_or_default();
                    // "the G7 Session 1, a video conference, together
                    // with": the words after the comma say what it was.
                    let (mode, form) = match np.iter().position(|t| t.is_punct(',')) {
                        Some(c) => {
                            let (m2, f2) =
                                styles::mode_form_words(np.get(c + 1..).unwrap_or_default());
                            let (m1, f1) = styles::mode_form_words(np.get(..c).unwrap_or_default());
                            (m2.or(m1), f2.or(f1))
                        }
                        None => styles::mode_form_words(np),
                    };
                    let mut p = mk(i + 1, mode, form);
                    p.event = true;
                    return Some(p);
                }
                "was" | "were" if w(i + 1) == "held" => {
                    // "the ... Meeting was held in virtual form."
                    let rest = toks.get(i + 2..).unwrap_or_default();
                    let before = toks.get(..i).unwrap_or_default();
                    let (m1, f1) = styles::mode_form_words(rest);
                    let (m0, f0) = styles::mode_form_words(before);
                    let mut p = mk(i + 2, m1.or(m0), f0.or(f1));
                    p.event = true;
                    p.intransitive = true;
                    return Some(p);
                }
                "s'est" | "s’est" if matches!(w(i + 1), "entretenu" | "entretenue") => {
                    let mut j = i + 2;
                    while j < n && j < i + 5 && w(j) != "avec" {
                        j += 1;
                    }
                    if w(j) == "avec" {
                        return Some(mk(j + 1, None, t(i).map(|x| (MeetingForm::Talk, x.sp))));
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// The subject's tokens: before the predicate, not in the time clause,
    /// from the last clause boundary; a relative clause (", who ...")
    /// returned apart.
    fn subject_region(
        toks: &[Tok<'_>],
        pred: usize,
        used: &[bool],
    ) -> (usize, usize, Option<(usize, usize)>) {
        let mut end = pred;
        // Adverbs and relative dates before the verb ("also", "today",
        // "then"), and "will"/"was to".
        while end > 0 {
            let Some(t) = toks.get(end - 1) else { break };
            let k = t.key();
            if used.get(end - 1).copied().unwrap_or(false) && t.kind != Kind::Punct
                || ADVERBS.contains(&k)
                || matches!(k, "will" | "was" | "to" | "finally")
            {
                end -= 1;
                continue;
            }
            break;
        }
        while end > 0 && toks.get(end - 1).is_some_and(|t| t.is_punct(',')) {
            end -= 1;
        }
        let mut start = end;
        while start > 0 {
            let Some(t) = toks.get(start - 1) else { break };
            let is_used = used.get(start - 1).copied().unwrap_or(false);
            if is_used
                && (t.kind != Kind::Punct || t.is_punct(')') || t.is_punct('(') || t.is_punct(';'))
            {
                break;
            }
            start -= 1;
        }
        while start < end && toks.get(start).is_some_and(|t| t.kind == Kind::Punct) {
            start += 1;
        }
        // Leading adverbials: "In response,", "While in Rome,", "Finally,",
        // "Upon request from X,". A subject starts after the last such comma
        // when what precedes is not a person.
        let mut relative = None;
        if let Some(w) = (start..end).find(|i| toks.get(*i).is_some_and(|t| t.is("who"))) {
            let comma = (start..w)
                .rev()
                .find(|i| toks.get(*i).is_some_and(|t| t.is_punct(',')));
            let cut = comma.unwrap_or(w);
            relative = Some((w, end));
            end = cut;
        }
        (start, end, relative)
    }

    /// Tries to read `s` as a meeting sentence. Returns the draft index
    /// when it names a meeting (a new one or one already read).
    pub(crate) fn meeting_sentence(
        &mut self,
        s: &Sentence<'_>,
        block: &Block,
        block_index: usize,
    ) -> Option<usize> {
        let toks = &s.toks;
        // Only a sentence with a meeting verb is read further.
        let heads = toks.iter().any(|t| {
            matches!(
                t.key(),
                "held"
                    | "had"
                    | "hold"
                    | "holds"
                    | "have"
                    | "has"
                    | "conducted"
                    | "conduct"
                    | "met"
                    | "meet"
                    | "meets"
                    | "spoke"
                    | "speaks"
                    | "speak"
                    | "talked"
                    | "talks"
                    | "conversed"
                    | "paid"
                    | "pay"
                    | "pays"
                    | "received"
                    | "called"
                    | "hosted"
                    | "hosts"
                    | "host"
                    | "attended"
                    | "attends"
                    | "attend"
                    | "s'est"
            )
        });
        if !heads {
            return None;
        }
        let clause = super::timing::time_clause(toks, &self.home);
        let pred = self.predicate(toks, &clause.used)?;
        // A future meeting after meetings held is a plan, not a meeting.
        if pred.future && pred.status == MeetingStatus::Scheduled && !self.drafts.is_empty() {
            self.unread.push((s.sp, UnreadReason::FutureEvent));
            return Some(usize::MAX);
        }
        let (mut a, b, relative) = Self::subject_region(toks, pred.from, &clause.used);
        // A leading adverbial ends with a comma before the subject: "In
        // Switzerland, Minister Champagne met ...".
        let mut lead_place: Option<PlaceRead> = None;
        let mut lead_people: Vec<usize> = Vec::new();
        let commas: Vec<usize> = (a..b)
            .filter(|i| toks.get(*i).is_some_and(|t| t.is_punct(',')))
            .collect();
        for c in commas {
            if c < a {
                continue;
            }
            let head = toks.get(a..c).unwrap_or_default();
            let first = head.first().map_or("", Tok::key);
            if !matches!(
                first,
                "in" | "while"
                    | "upon"
                    | "at"
                    | "during"
                    | "on"
                    | "with"
                    | "after"
                    | "following"
                    | "finally"
                    | "furthermore"
                    | "meanwhile"
                    | "from"
                    | "then"
                    | "also"
                    | "as"
                    | "regarding"
                    | "today"
                    | "yesterday"
                    | "earlier"
            ) {
                break;
            }
            {
                // A place: "In Switzerland", "While in Rome".
                let pi = head.iter().position(|t| t.is("in")).map(|p| p + 1);
                if let Some(pi) = pi {
                    let name_toks = head.get(pi..).unwrap_or_default();
                    if !name_toks.is_empty()
                        && name_toks
                            .iter()
                            .all(|t| t.is_capitalized() || t.is_punct(','))
                    {
                        let name = text_of(name_toks, 0, name_toks.len());
                        let sp = span(name_toks, 0, name_toks.len());
                        lead_place = self.place(&name, sp, None, Rule::NamedPlace);
                    }
                }
                // People in "Upon request from X,".
                if let Some(pi) = head
                    .iter()
                    .position(|t| t.is("from") || t.is("of") || t.is("with"))
                {
                    if let Some(sub) = head.get(pi + 1..) {
                        if let Some(read) = people::parse_person(sub) {
                            if read.name.is_some() {
                                let p = self.person(read, Rule::Mention);
                                lead_people.push(p);
                            }
                        }
                    }
                }
                a = c + 1;
            }
        }
        let subject_toks = toks.get(a..b).unwrap_or_default();
        let current = self.current;
        // The subject: a reference to a known person, or people named here
        // (not for "the ... Meeting was held").
        let subject = if subject_toks.is_empty() || (pred.event && pred.intransitive) {
            None
        } else {
            self.resolve_subject_or_new(subject_toks, current)
        };
        let relative_toks = relative.and_then(|(r, e)| toks.get(r..e));
        // The object.
        let mut objects: Vec<usize> = Vec::new();
        let mut placeholders_from: Vec<(Country, Sp)> = Vec::new();
        let mut object_end = pred.to;
        if !pred.intransitive && !pred.event {
            let mut j = pred.to;
            while j < toks.len() && !ends_object(toks, j, &clause.used) {
                j += 1;
            }
            // A list with semicolons may run past a stop word: keep going
            // while ";" items follow.
            object_end = j;
            let obj = toks.get(pred.to..j).unwrap_or_default();
            let (people_found, from) = self.object_people(obj, &lead_people, current);
            objects = people_found;
            placeholders_from = from;
        }
        let mut subject = subject.unwrap_or_default();
        // "A and B met": the first is the subject, the others counterparts.
        if (pred.intransitive || objects.is_empty()) && subject.len() >= 2 && !pred.event {
            objects = subject.split_off(1);
        }
        // Placeholders: "his counterparts from Rwanda, the United Arab
        // Emirates and Zimbabwe".
        let several = placeholders_from.len() >= 2;
        let mut placeholder_people = Vec::new();
        for (c, sp) in placeholders_from {
            let read = PersonRead {
                sp,
                honorific: None,
                name: None,
                posts: vec![people::PostRead {
                    sp,
                    title: "Foreign Minister".to_owned(),
                    portfolio: crate::minister::Portfolio::ForeignAffairs,
                    status: crate::minister::PostStatus::Current,
                }],
                country: Some((c.clone(), sp, people::CountryHow::Of)),
                plural: false,
                unknown_org: None,
            };
            self.persons.push(Person {
                read,
                country: Some((c, sp, Rule::OfCountry)),
                surname_run: None,
                placeholder: true,
            });
            placeholder_people.push(self.persons.len() - 1);
        }
        if pred.event {
            return self.event_sentence(s, &pred, &clause, subject, block, block_index);
        }
        let subject_person = match subject.first() {
            Some(p) => *p,
            None => {
                // No subject: the meeting of the current draft's subject ("He
                // also met with").
                let d = self.current.and_then(|d| self.drafts.get(d))?;
                d.members.first().map(|m| m.person)?
            }
        };
        if objects.is_empty() && placeholder_people.is_empty() {
            // Nobody met: not a meeting sentence, but the subject is known now.
            if !subject_toks.is_empty() {
                self.unread.push((s.sp, UnreadReason::NoCounterpart));
                return Some(usize::MAX);
            }
            return None;
        }
        // Relative clause: a visit, a place, an occasion.
        let mut visit: Option<(PlaceRead, bool)> = None; // (place, of the subject)
        let mut occasion: Option<(String, OccasionRelation, Sp)> = None;
        if let Some(rt) = relative_toks {
            if rt.iter().any(|t| t.is("remotely")) {
                // "who took part remotely from Bangkok": the subject's own
                // place, not the venue.
                let (_, remote) = self.remote_clause(rt);
                if let Some(place) = remote {
                    self.remote.push((subject_person, place));
                }
            } else {
                let (v, o) = self.read_visit(rt);
                visit = v.map(|p| (p, true));
                occasion = o;
            }
        }
        // A relative clause after the object ("..., who is visiting Japan to
        // attend ...").
        if toks.get(object_end).is_some_and(|t| t.is("who"))
            || toks.get(object_end).is_some_and(|t| t.is_punct(','))
                && toks.get(object_end + 1).is_some_and(|t| t.is("who"))
        {
            let w = if toks.get(object_end).is_some_and(|t| t.is("who")) {
                object_end
            } else {
                object_end + 1
            };
            let mut e = w;
            while e < toks.len() && !toks.get(e).is_some_and(|t| t.is_punct('.')) {
                e += 1;
            }
            if let Some(rt) = toks.get(w..e) {
                let (v, o) = self.read_visit(rt);
                if let Some(v) = v {
                    visit = Some((v, false));
                }
                if occasion.is_none() {
                    occasion = o;
                }
            }
        }
        // Places and occasions in the rest of the sentence.
        let (place, occ2) = self.sentence_places(toks, pred.to, &clause.used);
        if occasion.is_none() {
            occasion = occ2;
        }
        // Mode and form.
        let (tmode, tform) = (self.title.mode, self.title.form);
        let mode = pred.mode.map(|(m, sp)| (m, sp, Rule::MeetingVerb));
        let mode = mode.or_else(|| tmode.map(|(m, sp)| (m, sp, Rule::TitleWords)));
        let form = pred.form.map(|(f, sp)| (f, sp, Rule::MeetingVerb));
        // The title's form wins over a plain "meeting" verb when it is more
        // specific ("Courtesy Call", "Working Lunch", "Summit").
        let form = match (form, tform) {
            (Some((MeetingForm::Meeting | MeetingForm::Talk, _, _)), Some((tf, sp)))
                if matches!(
                    tf,
                    MeetingForm::CourtesyCall
                        | MeetingForm::WorkingMeal
                        | MeetingForm::Summit
                        | MeetingForm::ShortInformalTalk
                ) && self.drafts.is_empty() =>
            {
                Some((tf, sp, Rule::TitleWords))
            }
            (Some(f), _) => Some(f),
            (None, Some((tf, sp))) => Some((tf, sp, Rule::TitleWords)),
            (None, None) => None,
        };
        // Several counterparts separated by semicolons, or placeholders:
        // one meeting each.
        let groups: Vec<Vec<usize>> = if several || self.split_list {
            objects
                .iter()
                .map(|o| vec![*o])
                .chain(placeholder_people.iter().map(|p| vec![*p]))
                .collect()
        } else {
            let mut all = objects.clone();
            all.extend(placeholder_people.iter().copied());
            vec![all]
        };
        self.split_list = false;
        let mut last = None;
        for group in groups {
            // The same meeting again (a second lead sentence): merge.
            let existing = self
                .drafts
                .iter()
                .position(|d| d.has(subject_person) && group.iter().all(|g| d.has(*g)));
            let di = match existing {
                Some(i) => i,
                None => {
                    let mut d = Draft {
                        sp: s.sp,
                        facts: Vec::new(),
                        title: None,
                        mode: None,
                        form: None,
                        status: pred.status,
                        members: Vec::new(),
                        clause: TimeClause::default(),
                        venue: None,
                        occasion: None,
                        items: Vec::new(),
                        parts: Vec::new(),
                        last_single: Some(subject_person),
                    };
                    d.fact(
                        Field::Participant,
                        s.sp,
                        Basis::Stated,
                        Rule::MeetingVerb,
                        "meeting",
                    );
                    d.members.push(Member {
                        person: subject_person,
                        host: pred.subject_hosts,
                        attendee: false,
                        remote: false,
                        calling_from: None,
                    });
                    for extra in subject.iter().skip(1) {
                        d.members.push(Member {
                            person: *extra,
                            host: pred.subject_hosts,
                            attendee: false,
                            remote: false,
                            calling_from: None,
                        });
                    }
                    for g in &group {
                        if !d.has(*g) {
                            d.members.push(Member {
                                person: *g,
                                host: pred.object_hosts,
                                attendee: false,
                                remote: false,
                                calling_from: None,
                            });
                        }
                    }
                    self.drafts.push(d);
                    let di = self.drafts.len() - 1;
                    self.link_title_posts(di);
                    self.apply_remote(di);
                    di
                }
            };
            let Some(d) = self.drafts.get_mut(di) else {
                continue;
            };
            if d.mode.is_none() {
                d.mode = mode;
            }
            if d.form.is_none()
                || d.form
                    .as_ref()
                    .is_some_and(|f| f.2 == Rule::DefaultInPerson)
            {
                d.form = form;
            }
            if !pred.parts.is_empty() && d.parts.is_empty() {
                for f in &pred.parts {
                    d.parts.push(PartDraft {
                        form: *f,
                        title: None,
                        clause: None,
                        sp: s.sp,
                    });
                }
                d.fact(
                    Field::Part,
                    s.sp,
                    Basis::Stated,
                    Rule::FollowedBy,
                    format!("{} parts", pred.parts.len()),
                );
            }
            // Time: the first clause with a date or a clock wins; later ones
            // fill gaps.
            if d.clause.date.is_none() && d.clause.clocks.is_empty() && d.clause.relative.is_none()
            {
                d.clause = clause.clone();
            } else {
                if d.clause.date.is_none() {
                    d.clause.date = clause.date;
                }
                if d.clause.relative.is_none() {
                    d.clause.relative = clause.relative.clone();
                }
                if d.clause.duration.is_none() {
                    d.clause.duration = clause.duration;
                }
            }
            // Place: a visit by the subject, a place in the sentence, the
            // paragraph's place.
            let in_person = d.mode.as_ref().is_none_or(|m| m.0.has_venue());
            if let Some((v, of_subject)) = &visit {
                if of_subject == &true {
                    if in_person {
                        if d.venue.is_none() {
                            d.venue = Some(v.clone());
                        }
                    } else if let Some(m) =
                        d.members.iter_mut().find(|m| m.person == subject_person)
                    {
                        m.calling_from = Some(PlaceRead {
                            rule: Rule::CallingFrom,
                            ..v.clone()
                        });
                    }
                } else {
                    // A counterpart visiting: the subject hosts; the place is
                    // the venue only when a town is named.
                    if let Some(m) = d.members.iter_mut().find(|m| m.person == subject_person) {
                        m.host = true;
                    }
                    if in_person && d.venue.is_none() && v.rule == Rule::Gazetteer {
                        d.venue = Some(v.clone());
                    }
                }
            }
            if let Some(p) = place.clone().or_else(|| lead_place.clone()).or_else(|| {
                self.para_place
                    .as_ref()
                    .filter(|(para, _)| *para == block.para)
                    .map(|(_, p)| p.clone())
            }) {
                let Some(d) = self.drafts.get_mut(di) else {
                    continue;
                };
                let in_person = d.mode.as_ref().is_none_or(|m| m.0.has_venue());
                if in_person {
                    if d.venue.is_none() {
                        d.venue = Some(p);
                    }
                } else if let Some(m) = d.members.iter_mut().find(|m| m.person == subject_person) {
                    if m.calling_from.is_none() {
                        m.calling_from = Some(PlaceRead {
                            rule: Rule::CallingFrom,
                            ..p
                        });
                    }
                }
            }
            let Some(d) = self.drafts.get_mut(di) else {
                continue;
            };
            if d.occasion.is_none() {
                d.occasion = occasion.clone();
            }
            d.last_single = Some(subject_person);
            d.sp = d.sp.to(s.sp);
            last = Some(di);
        }
        if let Some(p) = lead_place {
            self.para_place = Some((block.para, p));
        }
        // The subject's own place ("who is in New York for ..."), for the
        // page's other meetings of that subject that name none.
        if let Some((v, true)) = &visit {
            if self.subject_place.is_none() {
                self.subject_place = Some((subject_person, v.clone()));
            }
        }
        if let (Some(di), Some((sp_person, sp_place))) = (last, self.subject_place.clone()) {
            if let Some(d) = self.drafts.get_mut(di) {
                let in_person = d.mode.as_ref().is_none_or(|m| m.0.has_venue());
                if d.venue.is_none()
                    && in_person
                    && d.members.first().is_some_and(|m| m.person == sp_person)
                {
                    d.venue = Some(sp_place);
                }
            }
        }
        // "met ... to discuss X": an entry.
        if let Some(di) = last {
            self.current = Some(di);
            let k = object_end;
            if toks.get(k).is_some_and(|t| t.is("to"))
                && toks
                    .get(k + 1)
                    .is_some_and(|t| matches!(t.key(), "discuss" | "exchange" | "review" | "talk"))
            {
                let who = self
                    .drafts
                    .get(di)
                    .map(Draft::principals)
                    .unwrap_or_default();
                let text = clean_text(toks, k + 2, toks.len());
                let wording = format!(
                    "{} ... {}",
                    toks.get(pred.from).map_or("", |t| t.text),
                    text_of(toks, k, k + 2)
                );
                let verb = if toks.get(k + 1).is_some_and(|t| t.is("review")) {
                    Verb::Reviewed
                } else {
                    Verb::Discussed
                };
                self.add_entry(
                    di,
                    block,
                    block_index,
                    EntryDraft {
                        who,
                        verb,
                        wording,
                        text,
                        sp: span(toks, k, toks.len()),
                        rule: Rule::ReportingVerb,
                    },
                );
            }
        }
        last
    }

    /// A meeting named by an event ("hosted the G7 Foreign Ministers’
    /// Telephone Talk", "the 13th ... Meeting was held in virtual form",
    /// "attended the ... together with A, B and C").
    fn event_sentence(
        &mut self,
        s: &Sentence<'_>,
        pred: &Predicate,
        clause: &TimeClause,
        subject: Vec<usize>,
        block: &Block,
        _block_index: usize,
    ) -> Option<usize> {
        let toks = &s.toks;
        // The event's name.
        let (name_from, name_to) = if pred.intransitive {
            // Passive: the subject is the event.
            let (a, b, _) = Self::subject_region(toks, pred.from, &clause.used);
            (a, b)
        } else {
            let mut e = pred.to;
            while e < toks.len()
                && !ends_object(toks, e, &clause.used)
                && !toks.get(e).is_some_and(|t| t.is("together"))
            {
                e += 1;
            }
            (pred.to, e)
        };
        // The event's name ends at a comma ("..., a video conference,").
        let name_to = (name_from..name_to)
            .find(|k| toks.get(*k).is_some_and(|t| t.is_punct(',')))
            .unwrap_or(name_to);
        let name = text_of(toks, name_from, name_to);
        let name = name
            .trim_start_matches("the ")
            .trim_start_matches("The ")
            .trim()
            .to_owned();
        // "attended and made statement" after an event already read: the
        // subject joins it as an attendee.
        let is_attend = toks
            .get(pred.from)
            .is_some_and(|t| matches!(t.key(), "attended" | "attends" | "attend"));
        let object_is_event = toks
            .get(name_from)
            .is_some_and(|t| t.is("the") || t.is_capitalized());
        if is_attend && !object_is_event {
            let di = self.current?;
            for p in subject {
                let d = self.drafts.get_mut(di)?;
                if let Some(m) = d.members.iter_mut().find(|m| m.person == p) {
                    m.attendee = !pred.subject_hosts && m.attendee;
                } else {
                    d.members.push(Member {
                        person: p,
                        host: false,
                        attendee: true,
                        remote: false,
                        calling_from: None,
                    });
                }
            }
            return Some(di);
        }
        // An unknown organisation in the event's name: "Global Governance
        // Group(3G)".
        let name_toks = toks.get(name_from..name_to).unwrap_or_default();
        let mut org: Option<usize> = None;
        for (i, t) in name_toks.iter().enumerate() {
            if let Some(c) = places::country_at(name_toks, i) {
                if c.country.is_organisation() {
                    let read = PersonRead {
                        sp: span(name_toks, c.from, c.to),
                        honorific: None,
                        name: None,
                        posts: vec![people::PostRead {
                            sp: span(name_toks, c.from, c.to),
                            title: name.clone(),
                            portfolio: crate::minister::Portfolio::Other,
                            status: crate::minister::PostStatus::Current,
                        }],
                        country: Some((
                            c.country.clone(),
                            span(name_toks, c.from, c.to),
                            people::CountryHow::Organisation,
                        )),
                        plural: true,
                        unknown_org: None,
                    };
                    let _ = read;
                    break;
                }
            }
            if t.is_punct('(') {
                if let (Some(ab), Some(close)) = (name_toks.get(i + 1), name_toks.get(i + 2)) {
                    if close.is_punct(')')
                        && ab.kind == Kind::Word
                        && places::country_named(ab.text).is_none()
                    {
                        // The organisation: the capitalized words before "(".
                        let mut k = i;
                        while k > 0 && name_toks.get(k - 1).is_some_and(|x| x.is_capitalized()) {
                            k -= 1;
                        }
                        let org_name = text_of(name_toks, k, i);
                        if !org_name.is_empty() {
                            let read = PersonRead {
                                sp: span(name_toks, k, i + 3),
                                honorific: None,
                                name: None,
                                posts: vec![people::PostRead {
                                    sp: span(name_toks, k, i + 3),
                                    title: name.clone(),
                                    portfolio: crate::minister::Portfolio::Other,
                                    status: crate::minister::PostStatus::Current,
                                }],
                                country: None,
                                plural: true,
                                unknown_org: Some((
                                    format!("{org_name} ({})", ab.text),
                                    span(name_toks, k, i + 3),
                                )),
                            };
                            org = Some(self.person(read, Rule::UndeclaredOrganisation));
                        }
                    }
                }
            }
        }
        let mut members: Vec<Member> = Vec::new();
        for p in &subject {
            members.push(Member {
                person: *p,
                host: pred.subject_hosts,
                attendee: false,
                remote: false,
                calling_from: None,
            });
        }
        if let Some(o) = org {
            members.push(Member {
                person: o,
                host: !pred.subject_hosts,
                attendee: false,
                remote: false,
                calling_from: None,
            });
        }
        // "together with A, B, and C".
        if let Some(tw) = toks.iter().position(|t| t.is("together")) {
            if toks.get(tw + 1).is_some_and(|t| t.is("with")) {
                // Up to the end, or a relative clause (", who are visiting
                // London, ...").
                let mut e = tw + 2;
                while e < toks.len()
                    && !toks.get(e).is_some_and(|t| {
                        t.is_punct('.')
                            || t.is_punct(',')
                                && (toks.get(e + 1).is_some_and(|x| x.is("who"))
                                    && toks.get(e + 3).is_some_and(|x| x.is("visiting"))
                                    || toks.get(e + 1).is_some_and(|x| x.is("on"))
                                        && toks.get(e + 3).is_some_and(|x| x.is("occasion"))
                                    || toks.get(e + 1).is_some_and(|x| {
                                        x.is("before") || x.is("after") || x.is("during")
                                    }) && toks.get(e + 2).is_some_and(|x| x.is("the")))
                    })
                {
                    e += 1;
                }
                let obj = toks.get(tw + 2..e).unwrap_or_default();
                let (found, _) = self.object_people(obj, &[], self.current);
                for p in found {
                    members.push(Member {
                        person: p,
                        host: false,
                        attendee: false,
                        remote: false,
                        calling_from: None,
                    });
                }
            }
        }
        let mode = pred
            .mode
            .map(|(m, sp)| (m, sp, Rule::MeetingVerb))
            .or_else(|| self.title.mode.map(|(m, sp)| (m, sp, Rule::TitleWords)));
        let form = pred
            .form
            .map(|(f, sp)| (f, sp, Rule::MeetingVerb))
            .or_else(|| self.title.form.map(|(f, sp)| (f, sp, Rule::TitleWords)));
        let mut d = Draft {
            sp: s.sp,
            facts: Vec::new(),
            title: (!name.is_empty()).then(|| (name.clone(), span(toks, name_from, name_to), true)),
            mode,
            form,
            status: pred.status,
            members,
            clause: clause.clone(),
            venue: None,
            occasion: None,
            items: Vec::new(),
            parts: Vec::new(),
            last_single: subject.first().copied(),
        };
        d.fact(
            Field::Participant,
            s.sp,
            Basis::Stated,
            Rule::MeetingVerb,
            "event",
        );
        let (place, _) = self.sentence_places(toks, pred.to, &clause.used);
        d.venue = place;
        // An occasion after the event itself ("..., on the occasion of the
        // APEC Ministerial Meeting").
        // Or in the subject's clause ("..., who is visiting Tokyo, Japan, to
        // attend the APEC Ministerial Meeting, attended ...").
        d.occasion = self
            .occasion_in(toks.get(name_to.max(pred.to)..).unwrap_or_default())
            .or_else(|| self.occasion_in(toks.get(..pred.from).unwrap_or_default()));
        // "..., who is visiting Tokyo, Japan" after the list.
        if d.venue.is_none() {
            if let Some(v) = (1..toks.len()).find(|k| {
                toks.get(*k).is_some_and(|t| t.is("visiting"))
                    && toks.get(k - 1).is_some_and(|t| t.is("is") || t.is("are"))
            }) {
                let (place, _) = self.read_visit(toks.get(v..).unwrap_or_default());
                d.venue = place;
            }
        }
        let _ = block;
        self.drafts.push(d);
        let di = self.drafts.len() - 1;
        self.current = Some(di);
        Some(di)
    }

    /// "X, Y and Z attended." (a parenthetical after an event): attendees
    /// of the current meeting. True when read.
    pub(crate) fn attendees_sentence(&mut self, s: &Sentence<'_>) -> bool {
        let toks = &s.toks;
        let Some(at) = toks.iter().position(|t| t.is("attended")) else {
            return false;
        };
        // Nothing but punctuation after "attended".
        if toks.iter().skip(at + 1).any(|t| t.kind == Kind::Word) {
            return false;
        }
        let Some(di) = self.current else { return false };
        let mut a = 0;
        while toks.get(a).is_some_and(|t| t.kind == Kind::Punct) {
            a += 1;
        }
        let obj = toks.get(a..at).unwrap_or_default();
        let (found, _) = self.object_people(obj, &[], Some(di));
        if found.is_empty() {
            return false;
        }
        self.add_attendees(di, found, s.sp)
    }

    /// Adds `people` to draft `di` as attendees (those not there already),
    /// with the fact of the sentence at `sp` that says so; whether the
    /// draft exists.
    fn add_attendees(&mut self, di: usize, people: Vec<usize>, sp: Sp) -> bool {
        let Some(d) = self.drafts.get_mut(di) else {
            return false;
        };
        for p in people {
            if !d.has(p) {
                d.members.push(Member {
                    person: p,
                    host: false,
                    attendee: true,
                    remote: false,
                    calling_from: None,
                });
            }
        }
        d.fact(Field::Role, sp, Basis::Stated, Rule::Attendee, "attendee");
        self.apply_remote(di);
        true
    }

    /// The people of an object phrase: a list split at ";" or at ", and",
    /// "and", "," where a new person starts; "her", "him" for a person
    /// named before; "his counterparts from A, B and C" (placeholders).
    fn object_people(
        &mut self,
        obj: &[Tok<'_>],
        before: &[usize],
        draft: Option<usize>,
    ) -> (Vec<usize>, Vec<(Country, Sp)>) {
        let mut out = Vec::new();
        let mut placeholders = Vec::new();
        if obj.is_empty() {
            return (out, placeholders);
        }
        let first = key(obj.first().map_or("", |t| t.text));
        if matches!(first.as_str(), "her" | "him" | "them") && obj.len() == 1 {
            if let Some(p) = before.first() {
                out.push(*p);
            }
            return (out, placeholders);
        }
        // "his counterparts from A, B and C".
        if let Some(ci) = obj
            .iter()
            .position(|t| t.is("counterparts") || t.is("counterpart"))
        {
            if obj.get(ci + 1).is_some_and(|t| t.is("from") || t.is("of")) {
                let mut i = ci + 2;
                while i < obj.len() {
                    if let Some(c) = places::country_at(obj, i) {
                        placeholders.push((c.country, span(obj, c.from, c.to)));
                        i = c.to;
                    } else {
                        i += 1;
                    }
                }
                return (out, placeholders);
            }
        }
        // "as well as X": only named people.
        let mut end = obj.len();
        let mut tail: Option<(usize, usize)> = None;
        if let Some(aw) = (0..obj.len()).find(|i| {
            obj.get(*i).is_some_and(|t| t.is("as"))
                && obj.get(i + 1).is_some_and(|t| t.is("well"))
                && obj.get(i + 2).is_some_and(|t| t.is("as"))
        }) {
            end = aw;
            tail = Some((aw + 3, obj.len()));
        }
        while end > 0 && obj.get(end - 1).is_some_and(|t| t.is_punct(',')) {
            end -= 1;
        }
        let items = split_people(obj.get(..end).unwrap_or_default());
        if items.iter().any(|(_, _, semi)| *semi) {
            self.split_list = true;
        }
        for (a, b, _) in items {
            let Some(sub) = obj.get(a..b) else { continue };
            // "..., who took part remotely from Bangkok".
            let (sub, remote) = self.remote_clause(sub);
            match self.mention(sub, draft) {
                Some(ps) => {
                    if let Some(place) = remote {
                        for p in &ps {
                            self.remote.push((*p, place.clone()));
                        }
                    }
                    out.extend(ps);
                }
                None => self.pending_unknown.push(span(sub, 0, sub.len())),
            }
        }
        if let Some((a, b)) = tail {
            if let Some(read) = obj.get(a..b).and_then(people::parse_person) {
                if read.name.is_some() {
                    let p = self.person(read, Rule::Mention);
                    out.push(p);
                } else {
                    self.pending_unknown.push(span(obj, a, b));
                }
            }
        }
        (out, placeholders)
    }

    /// Subject: a reference to people known, or people named in full here.
    fn resolve_subject_or_new(
        &mut self,
        toks: &[Tok<'_>],
        draft: Option<usize>,
    ) -> Option<Vec<usize>> {
        // Split on "and" between people.
        let items = split_people(toks);
        let mut out = Vec::new();
        for (a, b, _) in items {
            let sub = toks.get(a..b)?;
            let p = self.mention(sub, draft)?;
            out.extend(p);
        }
        (!out.is_empty()).then_some(out)
    }

    /// One person's phrase in a meeting sentence: named (merged with who is
    /// known), or a reference ("He", "The Secretary"), or a post.
    fn mention(&mut self, sub: &[Tok<'_>], draft: Option<usize>) -> Option<Vec<usize>> {
        let first = key(sub.first().map_or("", |t| t.text));
        if !matches!(
            first.as_str(),
            "he" | "she" | "they" | "him" | "her" | "them" | "both"
        ) {
            if let Some(read) = people::parse_person(sub) {
                if read.name.is_some() {
                    return Some(vec![self.person(read, Rule::Mention)]);
                }
            }
        }
        if let Some((ps, _)) = self.resolve_subject(sub, draft) {
            return Some(ps);
        }
        let read = people::parse_person(sub)?;
        if read.country.is_none()
            && !read
                .posts
                .iter()
                .any(|p| p.title.split_whitespace().any(people::is_head))
        {
            return None;
        }
        if read.country.is_none() && read.plural {
            // "his counterparts and top officials": nobody known.
            return None;
        }
        Some(vec![self.person(read, Rule::Mention)])
    }

    /// Splits off a relative clause saying that someone took part remotely
    /// ("..., who took part remotely from Bangkok"): the phrase without it,
    /// and the place, when the clause is one.
    fn remote_clause<'t, 'k>(
        &mut self,
        toks: &'t [Tok<'k>],
    ) -> (&'t [Tok<'k>], Option<Option<PlaceRead>>) {
        let Some(w) = toks.iter().position(|t| t.is("who")) else {
            return (toks, None);
        };
        let clause = toks.get(w..).unwrap_or_default();
        if !clause.iter().any(|t| t.is("remotely")) {
            return (toks, None);
        }
        let mut end = w;
        while end > 0 && toks.get(end - 1).is_some_and(|t| t.is_punct(',')) {
            end -= 1;
        }
        let place = clause.iter().position(|t| t.is("from")).and_then(|f| {
            let name_toks = clause.get(f + 1..)?;
            let mut e = 0;
            while name_toks.get(e).is_some_and(|t| {
                t.kind == Kind::Word && t.is_capitalized()
                    || t.is_punct(',') && name_toks.get(e + 1).is_some_and(|n| n.is_capitalized())
            }) {
                e += 1;
            }
            let name = text_of(name_toks, 0, e);
            let sp = span(name_toks, 0, e);
            let comma = name_toks.get(..e)?.iter().position(|t| t.is_punct(','));
            let (pname, country) = match comma {
                Some(c) => (
                    text_of(name_toks, 0, c),
                    places::country_named(&text_of(name_toks, c + 1, e)),
                ),
                None => (name, None),
            };
            let resolved = self.place(&pname, sp, country.as_ref(), Rule::CallingFrom);
            Some(resolved.unwrap_or(PlaceRead {
                name: pname,
                sp,
                country,
                zone: None,
                rule: Rule::CallingFrom,
                basis: PlaceBasis::Named,
            }))
        });
        (toks.get(..end).unwrap_or_default(), Some(place))
    }

    /// Marks members said to take part remotely.
    fn apply_remote(&mut self, di: usize) {
        let marks = std::mem::take(&mut self.remote);
        let Some(d) = self.drafts.get_mut(di) else {
            return;
        };
        for (p, place) in marks {
            if let Some(m) = d.members.iter_mut().find(|m| m.person == p) {
                m.remote = true;
                if m.calling_from.is_none() {
                    m.calling_from = place;
                }
            }
        }
    }

    /// A relative clause: "who is visiting San Francisco, the United States
    /// of America, to attend the APEC Ministerial Meeting", "who was
    /// visiting Bangkok, the Kingdom of Thailand", "who is in New York for
    /// the 67th Session ...".
    fn read_visit(
        &mut self,
        toks: &[Tok<'_>],
    ) -> (Option<PlaceRead>, Option<(String, OccasionRelation, Sp)>) {
        let mut i = 0;
        while i < toks.len() && !toks.get(i).is_some_and(|t| t.is("visiting") || t.is("in")) {
            i += 1;
        }
        if i >= toks.len() {
            return (None, self.occasion_in(toks));
        }
        let start = i + 1;
        let mut e = start;
        while e < toks.len() {
            let Some(t) = toks.get(e) else { break };
            if t.is("to")
                || t.is("for")
                || t.is("on")
                || t.is("at")
                || t.is_punct('.')
                || t.is_punct(';')
            {
                break;
            }
            e += 1;
        }
        let mut pe = e;
        while pe > start && toks.get(pe - 1).is_some_and(|t| t.is_punct(',')) {
            pe -= 1;
        }
        let place_toks = toks.get(start..pe).unwrap_or_default();
        // "San Francisco, the United States of America": place and country.
        let comma = place_toks.iter().position(|t| t.is_punct(','));
        let (pname, country) = match comma {
            Some(c) => {
                let rest = text_of(place_toks, c + 1, place_toks.len());
                (text_of(place_toks, 0, c), places::country_named(&rest))
            }
            None => (text_of(place_toks, 0, place_toks.len()), None),
        };
        let sp = span(place_toks, 0, place_toks.len());
        let visit_word = toks.get(i).is_some_and(|t| t.is("visiting"));
        let place = if pname.is_empty()
            || !place_toks
                .first()
                .is_some_and(|t| t.is_capitalized() || t.is("the"))
        {
            None
        } else {
            // A town and its country ("Singapore, the Republic of
            // Singapore") name the place even when the town has the
            // country's name.
            self.place(&pname, sp, country.as_ref(), Rule::NamedPlace)
                .map(|mut p| {
                    if country.is_some() {
                        p.rule = Rule::Gazetteer;
                    }
                    p
                })
        };
        let _ = visit_word;
        let occasion = self.occasion_in(toks.get(e..).unwrap_or_default());
        (place, occasion)
    }

    /// An occasion: "to attend the X", "for the X", "on the sidelines of
    /// X", "at the X Summit", "during the X", "in advance of X".
    fn occasion_in(&self, toks: &[Tok<'_>]) -> Option<(String, OccasionRelation, Sp)> {
        let n = toks.len();
        for i in 0..n {
            let w = |j: usize| toks.get(j).map_or("", Tok::key);
            let (rel, start) = match w(i) {
                "attend" => (OccasionRelation::Sidelines, i + 1),
                "sidelines" | "sideslines" | "margins" if w(i + 1) == "of" => {
                    (OccasionRelation::Sidelines, i + 2)
                }
                "during" => (OccasionRelation::During, i + 1),
                "occasion" if w(i + 1) == "of" => (OccasionRelation::Sidelines, i + 2),
                "before" | "after"
                    if w(i + 1) == "the"
                        && toks.get(i + 2).is_some_and(|t| t.is_capitalized())
                        && toks
                            .get(i + 2..(i + 9).min(n))
                            .is_some_and(|s| s.iter().any(|t| is_event_word(t.text))) =>
                {
                    let rel = if w(i) == "before" {
                        OccasionRelation::Before
                    } else {
                        OccasionRelation::After
                    };
                    (rel, i + 1)
                }
                "for"
                    if w(i + 1) == "the" && toks.get(i + 2).is_some_and(|t| t.is_capitalized()) =>
                {
                    (OccasionRelation::Sidelines, i + 1)
                }
                "advance" | "ahead" if w(i + 1) == "of" => (OccasionRelation::Before, i + 2),
                "at" if w(i + 1) == "the"
                    && toks.get(i + 2).is_some_and(|t| t.is_capitalized())
                    && toks
                        .get(i + 2..(i + 9).min(n))
                        .is_some_and(|s| s.iter().any(|t| is_event_word(t.text))) =>
                {
                    (OccasionRelation::Sidelines, i + 1)
                }
                _ => continue,
            };
            let mut e = start;
            while e < n {
                let Some(t) = toks.get(e) else { break };
                if t.is_punct('.')
                    || t.is_punct(';')
                    || (t.is_punct(',') && e > start)
                    || t.is("in")
                        && toks.get(e + 1).is_some_and(|x| x.is_capitalized())
                        && e > start + 2
                    || t.is("today")
                    || t.is("tomorrow")
                    || t.is("yesterday")
                    || t.is("which")
                    || t.is("from") && e > start + 2
                {
                    break;
                }
                e += 1;
            }
            let mut name = text_of(toks, start, e);
            for p in ["the ", "The "] {
                if let Some(r) = name.strip_prefix(p) {
                    name = r.to_owned();
                }
            }
            let name = name.trim().to_owned();
            let capitalized = toks.get(start..e).is_some_and(|s| {
                s.iter()
                    .filter(|t| t.kind == Kind::Word)
                    .any(|t| t.is_capitalized())
            });
            if !name.is_empty() && capitalized && name.chars().count() <= 200 {
                return Some((name, rel, span(toks, start, e)));
            }
        }
        None
    }

    /// A place in the meeting sentence after the predicate: "in Washington,
    /// DC", "in New York City", "in London", "at the G7 Summit in Cornwall",
    /// "while in Brussels"; and the occasion.
    fn sentence_places(
        &mut self,
        toks: &[Tok<'_>],
        from: usize,
        used: &[bool],
    ) -> (Option<PlaceRead>, Option<(String, OccasionRelation, Sp)>) {
        let occasion = self.occasion_in(toks);
        let n = toks.len();
        let mut place = None;
        // Skip the occasion's own words ("the meeting in Geneva tomorrow").
        let occ_sp = occasion.as_ref().map(|o| o.2);
        let scan_from = if from > 0 { from.min(n) } else { 0 };
        let mut i = 0;
        while i < n {
            let Some(t) = toks.get(i) else { break };
            if !t.is("in") || used.get(i).copied().unwrap_or(false) {
                i += 1;
                continue;
            }
            let _ = scan_from;
            if occ_sp.is_some_and(|o| t.sp.start >= o.start && t.sp.end <= o.end + 12)
                && occasion
                    .as_ref()
                    .is_some_and(|o| o.1 == OccasionRelation::Before)
            {
                i += 1;
                continue;
            }
            // Capitalized words (with a comma and a short second part, "DC").
            let mut e = i + 1;
            while e < n
                && toks.get(e).is_some_and(|x| {
                    x.kind == Kind::Word
                        && x.is_capitalized()
                        && !used.get(e).copied().unwrap_or(false)
                })
            {
                e += 1;
            }
            if e == i + 1 {
                i += 1;
                continue;
            }
            let mut name_end = e;
            if toks.get(e).is_some_and(|x| x.is_punct(','))
                && toks.get(e + 1).is_some_and(|x| {
                    x.kind == Kind::Word
                        && x.is_capitalized()
                        && x.text.chars().filter(|c| c.is_alphabetic()).count() <= 2
                })
            {
                name_end = e + 2;
            }
            let name = text_of(toks, i + 1, name_end);
            let sp = span(toks, i + 1, name_end);
            if let Some(p) = self.place(&name, sp, None, Rule::NamedPlace) {
                place = Some(p);
                break;
            }
            i = e;
        }
        (place, occasion)
    }

    /// Resolves a place name to a country and zone.
    pub(crate) fn place(
        &mut self,
        name: &str,
        sp: Sp,
        country: Option<&Country>,
        rule: Rule,
    ) -> Option<PlaceRead> {
        let mut context: Vec<Country> = vec![self.home.country.clone()];
        for d in &self.drafts {
            for m in &d.members {
                if let Some((c, _, _)) = self.persons.get(m.person).and_then(|p| p.country.as_ref())
                {
                    if !context.contains(c) {
                        context.push(c.clone());
                    }
                }
            }
        }
        let r: Resolved = places::resolve_place(name, country, &context)?;
        let is_country = places::country_named(name).is_some();
        let rule = if r.from_gazetteer {
            Rule::Gazetteer
        } else if is_country {
            Rule::SingleZoneCountry
        } else {
            rule
        };
        let _ = rule;
        Some(PlaceRead {
            name: if is_country {
                r.country.name().to_owned()
            } else {
                name.to_owned()
            },
            sp,
            country: Some(r.country),
            zone: r.zone,
            rule: if r.from_gazetteer {
                Rule::Gazetteer
            } else {
                Rule::SingleZoneCountry
            },
            basis: PlaceBasis::Named,
        })
    }

    // ----- content ------------------------------------------------------

    /// Adds an entry to a meeting, in the item of this block (created when
    /// the first entry of an unnumbered paragraph comes).
    pub(crate) fn add_entry(
        &mut self,
        di: usize,
        block: &Block,
        block_index: usize,
        e: EntryDraft,
    ) {
        let Some(d) = self.drafts.get_mut(di) else {
            return;
        };
        let needs_new = match d.items.last() {
            Some(item) => {
                let last_block = item.subs.last().map_or(item.block, |s| s.block);
                last_block != block_index && block.label.is_none()
            }
            None => true,
        };
        if needs_new && block.label.is_none() {
            d.items.push(ItemDraft {
                label: None,
                heading: None,
                entries: Vec::new(),
                subs: Vec::new(),
                sp: block.sp,
                block: block_index,
            });
            let sp = block.sp;
            d.fact(
                Field::Item,
                sp,
                Basis::Inferred,
                Rule::ParagraphItem,
                "paragraph",
            );
        } else if block.label.is_some() && d.items.is_empty() {
            // A numbered block read into a meeting that had no item yet.
            d.items.push(ItemDraft {
                label: None,
                heading: None,
                entries: Vec::new(),
                subs: Vec::new(),
                sp: block.sp,
                block: block_index,
            });
        }
        let Some(item) = d.items.last_mut() else {
            return;
        };
        let target = match item.subs.last_mut() {
            Some(sub) if sub.block == block_index => sub,
            _ => item,
        };
        if e.who.len() == 1 {
            d.last_single = e.who.first().copied();
        }
        d.facts.push(Fact {
            field: Field::Entry,
            span: e.sp.range(),
            basis: if e.who.len() > 1 && e.rule == Rule::MutualSubject {
                Basis::Inferred
            } else {
                Basis::Stated
            },
            rule: e.rule,
            value: e.verb.as_str().to_owned(),
        });
        target.entries.push(e);
    }

    /// Opens the item of a numbered block in the current meeting.
    pub(crate) fn open_item(&mut self, block: &Block, block_index: usize, top: LabelKind) {
        let Some(di) = self.current else { return };
        let Some(label) = block.label else { return };
        let label_text = self
            .text
            .get(label.sp.range())
            .unwrap_or_default()
            .to_owned();
        let heading = block.heading.map(|h| (super::text::clean(self.text, h), h));
        let item = ItemDraft {
            label: Some((label_text.clone(), label.sp)),
            heading,
            entries: Vec::new(),
            subs: Vec::new(),
            sp: block.sp,
            block: block_index,
        };
        let Some(d) = self.drafts.get_mut(di) else {
            return;
        };
        if label.kind != top && !d.items.is_empty() {
            if let Some(parent) = d.items.last_mut() {
                parent.subs.push(item);
                d.fact(
                    Field::Item,
                    label.sp,
                    Basis::Stated,
                    Rule::NumberedItem,
                    label_text,
                );
                return;
            }
        }
        d.items.push(item);
        d.fact(
            Field::Item,
            label.sp,
            Basis::Stated,
            Rule::NumberedItem,
            label_text,
        );
    }

    /// Reads the entries of a content sentence into the current meeting.
    /// Returns how many were read.
    pub(crate) fn content_sentence(
        &mut self,
        s: &Sentence<'_>,
        block: &Block,
        block_index: usize,
    ) -> usize {
        let toks = &s.toks;
        let n = toks.len();
        // "With X, Minister Y discussed ...": X joins the subject.
        let mut with_people: Vec<usize> = Vec::new();
        let mut start = 0;
        if toks.first().is_some_and(|t| t.is("with")) {
            if let Some(c) = toks.iter().position(|t| t.is_punct(',')) {
                if let Some(read) = toks.get(1..c).and_then(people::parse_person) {
                    let p = self.person(read, Rule::Mention);
                    with_people.push(p);
                    start = c + 1;
                }
            }
        }
        // The draft this sentence belongs to: the one whose non-shared
        // participants it names.
        self.pick_draft(toks, &with_people);
        let Some(di) = self.current else { return 0 };
        // Clauses: find verbs with a subject before them.
        let mut count = 0;
        let mut i = start;
        let mut clause_start = start;
        let mut subject: Option<(Vec<usize>, Rule)> = None;
        let mut entries: Vec<(EntryDraft, usize)> = Vec::new();
        while i < n {
            let Some(v) = verbs::verb_at(toks, i) else {
                i += 1;
                continue;
            };
            // Subject before this verb: from the clause start.
            let prev_boundary = coordinated(toks, clause_start, i);
            let new_subject = if prev_boundary.is_some() && subject.is_some() {
                None
            } else {
                self.subject_before(toks, clause_start, i, di)
            };
            match (&new_subject, &subject, prev_boundary) {
                (Some(ns), _, _) => {
                    let mut who = ns.0.clone();
                    for p in &with_people {
                        if !who.contains(p) {
                            who.push(*p);
                        }
                    }
                    subject = Some((who, ns.1));
                }
                (None, Some(_), Some(_)) => {}
                (None, Some(_), None)
                    if v.participle
                        && i > 0
                        && toks.get(i - 1).is_some_and(|t| {
                            t.is_punct(',')
                                || t.is("while")
                                || t.is("by")
                                || t.is("with")
                                || t.is("before")
                                || t.is("after")
                        }) => {}
                _ => {
                    i += 1;
                    continue;
                }
            }
            let Some((who, rule)) = subject.clone() else {
                i += 1;
                continue;
            };
            if who.len() == 1 {
                if let Some(d) = self.drafts.get_mut(di) {
                    d.last_single = who.first().copied();
                }
            }
            // Close the previous entry's text here.
            if let Some((last, text_from)) = entries.last_mut() {
                last.text = clean_text(toks, *text_from, trim_joiner(toks, *text_from, v.from));
            }
            let wording = text_of(toks, v.from, v.to);
            let e = EntryDraft {
                who: who.clone(),
                verb: v.verb,
                wording,
                text: String::new(),
                sp: span(toks, v.from, n),
                rule: if rule == Rule::MutualSubject {
                    Rule::MutualSubject
                } else {
                    Rule::ReportingVerb
                },
            };
            entries.push((e, v.to));
            count += 1;
            // "expressed his appreciation as well as his condolences": a
            // second act with the same verb of expressing.
            let mut k = v.to;
            while k + 3 < n && k < v.to + 8 {
                if toks.get(k).is_some_and(|t| t.is("as"))
                    && toks.get(k + 1).is_some_and(|t| t.is("well"))
                    && toks.get(k + 2).is_some_and(|t| t.is("as"))
                {
                    let mut j = k + 3;
                    while toks.get(j).is_some_and(|t| {
                        matches!(
                            t.key(),
                            "his" | "her" | "their" | "its" | "deep" | "deepest" | "sincere"
                        )
                    }) {
                        j += 1;
                    }
                    let word = toks.get(j).map_or("", Tok::key);
                    let extra = match word {
                        "condolences" | "sympathy" | "sympathies" => {
                            Some(Verb::ExpressedCondolences)
                        }
                        "gratitude" | "appreciation" | "thanks" => Some(Verb::ExpressedGratitude),
                        "hope" => Some(Verb::ExpressedHope),
                        "concern" | "concerns" => Some(Verb::ExpressedConcern),
                        _ => None,
                    };
                    if let (Some(verb), Some((last, text_from))) = (extra, entries.last_mut()) {
                        last.text = clean_text(toks, *text_from, k);
                        let e2 = EntryDraft {
                            who: who.clone(),
                            verb,
                            wording: text_of(toks, k + 3, j + 1),
                            text: String::new(),
                            sp: span(toks, k, n),
                            rule: Rule::VerbNoun,
                        };
                        entries.push((e2, j + 1));
                        count += 1;
                    }
                    break;
                }
                k += 1;
            }
            i = v.to;
            clause_start = v.to;
        }
        if let Some((last, text_from)) = entries.last_mut() {
            last.text = clean_text(toks, *text_from, n);
        }
        // Entries need people of the meeting: add those referred to.
        for (e, _) in entries {
            let Some(d) = self.drafts.get_mut(di) else {
                break;
            };
            for p in &e.who {
                if !d.has(*p) {
                    d.members.push(Member {
                        person: *p,
                        host: false,
                        attendee: false,
                        remote: false,
                        calling_from: None,
                    });
                }
            }
            let e = if e.text.trim().is_empty() {
                EntryDraft {
                    text: super::text::clean(self.text, s.sp),
                    ..e
                }
            } else {
                e
            };
            self.add_entry(di, block, block_index, e);
        }
        count
    }

    /// Makes current the draft whose own participants the sentence names.
    fn pick_draft(&mut self, toks: &[Tok<'_>], extra: &[usize]) {
        if self.drafts.len() < 2 {
            return;
        }
        for p in extra {
            if let Some(di) = self.drafts.iter().position(|d| d.has(*p)) {
                self.current = Some(di);
                return;
            }
        }
        // Count, for each draft, the name words of its non-subject members
        // that the sentence contains.
        let words: Vec<String> = toks
            .iter()
            .filter(|t| t.kind == Kind::Word && t.is_capitalized())
            .map(|t| t.key().to_owned())
            .collect();
        let mut best: Option<(usize, usize)> = None;
        for (di, d) in self.drafts.iter().enumerate() {
            let mut hits = 0;
            for m in d.members.iter().skip(1) {
                let Some(p) = self.persons.get(m.person) else {
                    continue;
                };
                if let Some(name) = &p.read.name {
                    if name.words.iter().any(|w| words.contains(&key(w))) {
                        hits += 1;
                    }
                }
                if let Some((c, _, _)) = &p.country {
                    let cname = key(c.name());
                    if words.contains(&cname)
                        || toks.iter().any(|t| {
                            places::country_at(std::slice::from_ref(t), 0)
                                .is_some_and(|x| &x.country == c)
                        })
                    {
                        hits += 1;
                    }
                }
            }
            if hits > 0 && best.is_none_or(|(_, h)| hits > h) {
                best = Some((di, hits));
            }
        }
        if let Some((di, _)) = best {
            self.current = Some(di);
        }
    }

    /// The subject right before a verb, from the clause start: the longest
    /// suffix of the tokens before the verb (after a comma or the start)
    /// that resolves to people.
    fn subject_before(
        &mut self,
        toks: &[Tok<'_>],
        from: usize,
        verb: usize,
        di: usize,
    ) -> Option<(Vec<usize>, Rule)> {
        let mut end = verb;
        while end > from {
            let Some(t) = toks.get(end - 1) else { break };
            let k = t.key();
            if ADVERBS.contains(&k)
                || t.is_punct(',')
                    && end - 1 > from
                    && toks
                        .get(end - 2)
                        .is_some_and(|x| ADVERBS.contains(&x.key()))
                || matches!(
                    k,
                    "will" | "would" | "had" | "has" | "have" | "was" | "were"
                )
            {
                end -= 1;
                continue;
            }
            break;
        }
        if end <= from {
            return None;
        }
        // Candidate starts: the clause start and after each top-level comma
        // or "that"... only commas.
        let mut starts = vec![from];
        for k in from..end {
            if toks.get(k).is_some_and(|t| t.is_punct(',')) {
                starts.push(k + 1);
            }
        }
        // The earliest start that works ("Minister A, Minister B and
        // Minister C stated"), after leading adverbials that do not.
        for st in starts.iter() {
            let mut st = *st;
            while toks
                .get(st)
                .is_some_and(|t| t.is("and") || t.is("but") || t.is("whereas"))
                && st < end
            {
                st += 1;
            }
            let st = &st;
            let sub = toks.get(*st..end)?;
            if sub.is_empty() || sub.len() > 24 {
                continue;
            }
            // Not an object of a preposition: "with Minister X" is not a
            // subject.
            if st > &from
                && toks
                    .get(st - 1)
                    .is_some_and(|t| t.is("with") || t.is("to") || t.is("of"))
            {
                continue;
            }
            let first = sub.first()?;
            if !(first.is_capitalized()
                || matches!(first.key(), "they" | "he" | "she" | "both" | "the"))
            {
                continue;
            }
            if let Some(r) = self.resolve_subject(sub, Some(di)) {
                return Some(r);
            }
        }
        // "They concluded the call by expressing": a subject and a verb the
        // reader does not know, then a participle.
        let participle_after = toks
            .get(verb.wrapping_sub(1))
            .is_some_and(|t| t.is("by") || t.is("while"));
        if participle_after {
            for k in (from + 1..(from + 8).min(verb)).rev() {
                let sub = toks.get(from..k)?;
                if sub.first().is_some_and(|t| t.is_capitalized()) {
                    if let Some(r) = self.resolve_subject(sub, Some(di)) {
                        return Some(r);
                    }
                }
            }
        }
        // "The two ministers, building upon ..., had": the part before the
        // first comma.
        if let Some(c) = (from..end).find(|k| toks.get(*k).is_some_and(|t| t.is_punct(','))) {
            let sub = toks.get(from..c)?;
            if !sub.is_empty() && sub.len() <= 12 {
                let after = toks.get(c + 1).map_or("", Tok::key);
                if after.ends_with("ing") || after == "who" || after == "as" || after == "in" {
                    return self.resolve_subject(sub, Some(di));
                }
            }
        }
        None
    }
}

impl<'a> Ctx<'a> {
    /// A participant of draft `di` without a country takes the country of a
    /// person the title names by post alone ("Irish Foreign Minister"), when
    /// that country is not otherwise a party; the title's mention becomes an
    /// alias of the participant.
    fn link_title_posts(&mut self, di: usize) {
        let Some(d) = self.drafts.get(di) else { return };
        let members: Vec<usize> = d.members.iter().map(|m| m.person).collect();
        let subject = members.first().copied();
        let known: Vec<Country> = members
            .iter()
            .filter_map(|p| {
                self.persons
                    .get(*p)
                    .and_then(|x| x.country.as_ref().map(|c| c.0.clone()))
            })
            .collect();
        for p in members.iter().copied().filter(|p| Some(*p) != subject) {
            if self.persons.get(p).is_none_or(|x| x.country.is_some()) {
                continue;
            }
            let title_post = (0..self.persons.len()).find(|q| {
                !members.contains(q)
                    && self.persons.get(*q).is_some_and(|x| {
                        x.read.name.is_none()
                            && x.country.as_ref().is_some_and(|(c, _, _)| {
                                !known.contains(c) && *c != self.home.country
                            })
                            && x.read.sp.start < self.title.sp.map_or(0, |t| t.end)
                    })
            });
            let Some(q) = title_post else { continue };
            let Some(src) = self.persons.get(q).cloned() else {
                continue;
            };
            if let Some(target) = self.persons.get_mut(p) {
                target.country = src.country.map(|(c, sp, _)| (c, sp, Rule::TitleCountries));
                for post in src.read.posts {
                    if !target
                        .read
                        .posts
                        .iter()
                        .any(|x| key(&x.title) == key(&post.title))
                    {
                        target.read.posts.push(post);
                    }
                }
            }
            self.alias.push((q, p));
            return;
        }
    }
}

/// Words that name an event ("Summit", "Ministerial", "Meeting").
fn is_event_word(w: &str) -> bool {
    matches!(
        key(w).as_str(),
        "summit"
            | "summits"
            | "meeting"
            | "meetings"
            | "ministerial"
            | "conference"
            | "forum"
            | "assembly"
            | "session"
            | "dialogue"
            | "dialogues"
            | "talks"
            | "games"
            | "week"
            | "g7"
            | "g20"
            | "apec"
            | "asean"
            | "unga"
            | "ceremony"
            | "funeral"
            | "inauguration"
            | "council"
    )
}

fn order_members(members: &[usize], total: usize) -> Vec<usize> {
    members
        .iter()
        .copied()
        .chain((0..total).filter(|p| !members.contains(p)))
        .collect()
}

/// Whether a verb at `verb` continues the clause at `from` through a
/// coordination ("..., and reaffirmed", "... and agreed", "; and"): the
/// joiner's index.
fn coordinated(toks: &[Tok<'_>], from: usize, verb: usize) -> Option<usize> {
    if verb <= from {
        return None;
    }
    let mut k = verb;
    while k > from && toks.get(k - 1).is_some_and(|t| ADVERBS.contains(&t.key())) {
        k -= 1;
    }
    let prev = toks.get(k.checked_sub(1)?)?;
    if prev.is("and") || prev.is_punct(';') {
        return Some(k - 1);
    }
    if prev.is_punct(',') {
        return Some(k - 1);
    }
    None
}

/// The end of an entry's text before the next verb: without the joiner
/// (", and", "and", ",", ";") and the adverbs and subject before it.
fn trim_joiner(toks: &[Tok<'_>], from: usize, to: usize) -> usize {
    let mut e = to;
    while e > from {
        let Some(t) = toks.get(e - 1) else { break };
        if t.is("and")
            || t.is("while")
            || t.is("by")
            || t.is("with") && e >= 2 && toks.get(e - 2).is_some_and(|x| x.is("along"))
            || t.is("along")
            || t.is_punct(',')
            || t.is_punct(';')
            || ADVERBS.contains(&t.key())
        {
            e -= 1;
            continue;
        }
        break;
    }
    e
}

/// The text of tokens `a..b` without a final full stop.
pub(crate) fn clean_text(toks: &[Tok<'_>], a: usize, b: usize) -> String {
    let mut b = b;
    while b > a
        && toks
            .get(b - 1)
            .is_some_and(|t| t.is_punct('.') || t.is_punct(',') || t.is_punct(';'))
    {
        b -= 1;
    }
    // Closing quotes after the stop stay; a stop before them goes.
    text_of(toks, a, b).trim().to_owned()
}

/// The tokens' keys joined by single spaces ("the two ministers"); the
/// empty string for a phrase too long to be a pronoun or a plural subject.
fn joined_keys(toks: &[Tok<'_>]) -> String {
    if toks.len() > 8 {
        return String::new();
    }
    let mut out = String::with_capacity(toks.iter().map(|t| t.key().len() + 1).sum());
    for (i, t) in toks.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(t.key());
    }
    out
}

/// Splits a list of people at ";" (always), and at ", and", "and", ","
/// where a new person starts. Each part: (from, to, split by a semicolon).
pub(crate) fn split_people(toks: &[Tok<'_>]) -> Vec<(usize, usize, bool)> {
    let n = toks.len();
    let semis: Vec<usize> = (0..n)
        .filter(|i| toks.get(*i).is_some_and(|t| t.is_punct(';')))
        .collect();
    if !semis.is_empty() {
        let mut out = Vec::new();
        let mut start = 0;
        for s in semis.iter().copied().chain(std::iter::once(n)) {
            let mut a = start;
            if toks.get(a).is_some_and(|t| t.is("and")) {
                a += 1;
            }
            if s > a {
                out.push((a, s, true));
            }
            start = s + 1;
        }
        return out;
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0i32;
    let mut i = 0;
    while i < n {
        let Some(t) = toks.get(i) else { break };
        if t.is_punct('(') {
            depth += 1;
        } else if t.is_punct(')') {
            depth -= 1;
        }
        let is_and = t.is("and");
        let is_comma = t.is_punct(',');
        if depth == 0 && (is_and || is_comma) && i > start {
            let mut r = i + 1;
            let comma_and = is_comma && toks.get(r).is_some_and(|x| x.is("and"));
            if comma_and {
                r += 1;
            }
            let right_start = r;
            let mut right_end = right_start;
            while right_end < n
                && !toks
                    .get(right_end)
                    .is_some_and(|x| x.is_punct(',') || x.is("and"))
            {
                right_end += 1;
            }
            let left = toks.get(start..i).unwrap_or_default();
            let right = toks.get(right_start..right_end).unwrap_or_default();
            let l = shape(left);
            let r_shape = shape(right);
            let split = if is_and || comma_and {
                // "A and B", "A, post, and B, post".
                l.complete && r_shape.starts
            } else {
                // "A, B, and C" of named people with posts, or of posts
                // with countries; never "Name, post" or "post, Name".
                // The name on the right has a post of its own after a comma
                // ("..., Antony Mercer, President of ...").
                let own_post =
                    r_shape.named && toks.get(right_end).is_some_and(|x| x.is_punct(',')) && {
                        let after = right_end + 1;
                        let mut e = after;
                        while e < n && !toks.get(e).is_some_and(|x| x.is_punct(',') || x.is("and"))
                        {
                            e += 1;
                        }
                        let next = shape(toks.get(after..e).unwrap_or_default());
                        !next.named && next.post
                    };
                // ("Lavrov, Sergey Viktorovich, Minister of ..." is one
                // person: the left has no post yet).
                (l.named && r_shape.named && (r_shape.post || r_shape.honorific || own_post && l.post))
                    || (!l.named && l.post && l.country && !r_shape.named && r_shape.post)
                    // "the Foreign Minister of Korea, Ms. A, Minister of ...
                    // of Germany".
                    || (!l.named && l.post && l.country && own_post)
                    // "A, Secretary of State of the United States, the
                    // President of the French Republic".
                    || (l.named && l.post && l.country && !r_shape.named && r_shape.post && r_shape.starts)
            };
            if split {
                out.push((start, i, false));
                start = right_start;
                i = right_start;
                continue;
            }
        }
        i += 1;
    }
    if start < n {
        out.push((start, n, false));
    }
    out
}

/// What a person phrase holds.
struct Shape {
    named: bool,
    post: bool,
    honorific: bool,
    country: bool,
    /// A whole phrase: a name, a pronoun, or a post led by "the" or with a
    /// country.
    complete: bool,
    /// Starts a new person.
    starts: bool,
}

fn shape(toks: &[Tok<'_>]) -> Shape {
    let first = toks.first();
    let fk = key(first.map_or("", |t| t.text));
    let pronoun = matches!(fk.as_str(), "he" | "she" | "they");
    let p = people::parse_person(toks);
    let named = p.as_ref().is_some_and(|p| p.name.is_some());
    let post = p.as_ref().is_some_and(|p| {
        p.posts
            .iter()
            .any(|q| q.title.split_whitespace().any(people::is_head))
    });
    let honorific = p.as_ref().is_some_and(|p| p.honorific.is_some())
        || people::honorific_at(toks, 0).is_some();
    let country = p.as_ref().is_some_and(|p| p.country.is_some());
    let cap = first.is_some_and(|t| t.is_capitalized() || t.is("the"));
    Shape {
        named,
        post,
        honorific,
        country,
        complete: pronoun || named || (post && (fk == "the" || country)),
        // A post alone starts a new person only after "the" ("and the
        // representative from Italy"); "... and Minister of Foreign Affairs"
        // continues a dual post.
        starts: cap && (named || (post && fk == "the") || honorific),
    }
}

impl<'a> Ctx<'a> {
    /// "This was followed by a working dinner, commencing at 7:45 p.m. for
    /// approximately 75 minutes." True when read.
    pub(crate) fn part_sentence(&mut self, s: &Sentence<'_>) -> bool {
        let toks = &s.toks;
        let followed = toks.iter().position(|t| t.is("followed"));
        let Some(f) = followed else { return false };
        if !toks.get(f + 1).is_some_and(|t| t.is("by")) || f > 4 {
            return false;
        }
        let Some(di) = self.current else { return false };
        let clause = super::timing::time_clause(toks, &self.home);
        let mut e = f + 2;
        while e < toks.len()
            && !toks
                .get(e)
                .is_some_and(|t| t.is_punct(',') || t.is_punct('.'))
            && !clause.used.get(e).copied().unwrap_or(false)
        {
            e += 1;
        }
        let what = toks.get(f + 2..e).unwrap_or_default();
        let (_, form) = styles::mode_form_words(what);
        let form = form.map(|f| f.0).unwrap_or(MeetingForm::Meeting);
        let title = if what.first().is_some_and(|t| t.is("the")) {
            Some(text_of(what, 1, what.len()))
        } else {
            None
        };
        let Some(d) = self.drafts.get_mut(di) else {
            return false;
        };
        if d.parts.len() >= 20 {
            return false;
        }
        d.parts.push(PartDraft {
            form,
            title,
            clause: Some(clause),
            sp: s.sp,
        });
        d.fact(
            Field::Part,
            s.sp,
            Basis::Stated,
            Rule::FollowedBy,
            form.as_str(),
        );
        true
    }

    /// "The meeting was also attended by X, post of Y." True when read.
    pub(crate) fn attended_by_sentence(&mut self, s: &Sentence<'_>) -> bool {
        let toks = &s.toks;
        let Some(a) = toks.iter().position(|t| t.is("attended")) else {
            return false;
        };
        if !toks.get(a + 1).is_some_and(|t| t.is("by"))
            || !toks.first().is_some_and(|t| t.is("the"))
        {
            return false;
        }
        let Some(di) = self.current else { return false };
        let mut e = toks.len();
        while e > a + 2 && toks.get(e - 1).is_some_and(|t| t.kind == Kind::Punct) {
            e -= 1;
        }
        let obj = toks.get(a + 2..e).unwrap_or_default();
        let (found, _) = self.object_people(obj, &[], Some(di));
        self.add_attendees(di, found, s.sp)
    }

    /// "Minister Song is visiting Singapore at the invitation of ...",
    /// "Foreign Minister Yu is in Singapore ...": the place of the current
    /// meeting, when it has none. True when read.
    pub(crate) fn visit_sentence(&mut self, s: &Sentence<'_>) -> bool {
        let toks = &s.toks;
        let Some(di) = self.current else { return false };
        let Some(is) = toks
            .iter()
            .position(|t| t.is("is") || t.is("was") || t.is("are") || t.is("were"))
        else {
            return false;
        };
        let Some(next) = toks.get(is + 1) else {
            return false;
        };
        if !(next.is("visiting") || next.is("in")) {
            return false;
        }
        let Some(subject) = toks.get(..is) else {
            return false;
        };
        if subject.is_empty() || self.resolve_subject(subject, Some(di)).is_none() {
            return false;
        }
        let mut e = is + 2;
        while toks
            .get(e)
            .is_some_and(|t| t.kind == Kind::Word && t.is_capitalized())
        {
            e += 1;
        }
        if e == is + 2 {
            return false;
        }
        let name = text_of(toks, is + 2, e);
        let sp = span(toks, is + 2, e);
        let Some(place) = self.place(&name, sp, None, Rule::NamedPlace) else {
            return false;
        };
        let Some(d) = self.drafts.get_mut(di) else {
            return false;
        };
        if d.venue.is_some() || d.mode.as_ref().is_some_and(|m| !m.0.has_venue()) {
            return false;
        }
        d.venue = Some(place);
        true
    }

    /// Status sentences: "It has been postponed." / "It has been
    /// cancelled." True when read.
    pub(crate) fn status_sentence(&mut self, s: &Sentence<'_>) -> bool {
        if s.toks.len() > 8 || !s.toks.first().is_some_and(|t| t.is("it") || t.is("the")) {
            return false;
        }
        let k = key(&super::text::clean(self.text, s.sp));
        let status = match k.as_str() {
            "it has been postponed." | "the meeting has been postponed." => {
                MeetingStatus::Postponed
            }
            "it has been cancelled."
            | "it has been canceled."
            | "the meeting has been cancelled." => MeetingStatus::Cancelled,
            _ => return false,
        };
        let Some(d) = self.current.and_then(|di| self.drafts.get_mut(di)) else {
            return false;
        };
        d.status = status;
        d.fact(
            Field::Status,
            s.sp,
            Basis::Stated,
            Rule::Tense,
            status.as_str(),
        );
        true
    }
}

/// Facts about a clock, for the record.
pub(crate) fn clock_value(c: &ClockRead) -> String {
    c.clock.time.format("%H:%M").to_string()
}
