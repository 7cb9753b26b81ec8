//! Styles: what publishers print around the readout (labels, datelines,
//! attributions, closing marks, translation notes), what a title says about
//! the meeting (its form and mode, the countries in "Japan-Canada", a
//! date, the people it names), and which layout a readout uses.

use super::dates::{self, WrittenDate};
use super::people::{self, PersonRead};
use super::places;
use super::result::IgnoredKind;
use super::text::{Kind, Sp, Tok, clean, key, tokenize};
use crate::country::Country;
use crate::meeting::{MeetingForm, Mode};

/// Recognises a whole block (paragraph) of boilerplate.
/// The words a line of attribution names, without its lead-in and colon:
/// "Spokesperson Ned Price" for "The below is attributable to Spokesperson
/// Ned Price:", "A Foreign Office spokesperson" for "A Foreign Office
/// spokesperson said:". `None` for any other line.
pub(crate) fn attribution_words(line: &str) -> Option<&str> {
    let line = line.trim().strip_suffix(':')?.trim_end();
    let lower = line.to_lowercase();
    if lower.len() != line.len() {
        // Case folding changed byte offsets: not a line of this shape.
        return None;
    }
    for lead in [
        "the below is attributable to ",
        "the following is attributable to ",
    ] {
        if lower.starts_with(lead) {
            return line
                .get(lead.len()..)
                .map(str::trim)
                .filter(|w| !w.is_empty());
        }
    }
    let said = lower.strip_suffix(" said")?;
    (said.contains("spokesperson") || said.contains("spokesman"))
        .then(|| line.get(..said.len()).map(str::trim))
        .flatten()
        .filter(|w| !w.is_empty())
}

pub(crate) fn block_boilerplate(text: &str, sp: Sp) -> Option<IgnoredKind> {
    // Boilerplate is short, or starts with a note or an attribution.
    let slice = text.get(sp.range()).unwrap_or_default();
    if slice.len() > 160 {
        let head = slice.trim_start();
        let special = head.starts_with('(')
            || head.starts_with('*')
            || head.starts_with("The below")
            || head.starts_with("The following");
        if !special {
            return None;
        }
    }
    let raw = clean(text, sp);
    let k = key(&raw);
    let k = k.trim();
    if k.is_empty() {
        return Some(IgnoredKind::Closing);
    }
    // Only dots, stars and dashes: a closing rule.
    if k.chars()
        .all(|c| matches!(c, '.' | '*' | '-' | ' ' | '_' | '=' | '#'))
    {
        return Some(IgnoredKind::Closing);
    }
    const LABELS: &[&str] = &[
        "readout",
        "news story",
        "press release",
        "press statement",
        "compte rendu",
        "[provisional translation]",
        "(provisional translation)",
        "provisional translation",
        "summary",
        "statement",
        "media note",
        "news release",
        "joint statement",
        "office of the spokesperson",
    ];
    if LABELS.contains(&k) {
        return Some(IgnoredKind::Label);
    }
    const CLOSINGS: &[&str] = &["(end)", "end", "- end -", "-30-", "###", "(ends)", "ends"];
    if CLOSINGS.contains(&k) {
        return Some(IgnoredKind::Closing);
    }
    if k.starts_with("(*") || k.starts_with("*") || k.starts_with("(note") || k.starts_with("note:")
    {
        return Some(IgnoredKind::Note);
    }
    if k.starts_with("the below is attributable to")
        || k.starts_with("the following is attributable to")
        || (k.ends_with(':')
            && (k.contains("spokesperson") || k.contains("spokesman") || k.contains("said")))
    {
        return Some(IgnoredKind::Attribution);
    }
    if k.starts_with("ministry of foreign affairs") && !k.contains(" met ") {
        return Some(IgnoredKind::Closing);
    }
    let toks = tokenize(&raw, 0);
    // A date alone: a foot date ("22 JULY 2008").
    if let Some(d) = dates::date_at(&toks, 0) {
        if d.to == toks.len() {
            return Some(IgnoredKind::FootDate);
        }
    }
    // A place alone ("Washington, DC", "New Delhi", "SINGAPORE").
    let words: Vec<&Tok<'_>> = toks.iter().filter(|t| t.kind == Kind::Word).collect();
    if !words.is_empty()
        && words.len() <= 4
        && !toks.iter().any(|t| t.is_punct('.') && !t.text.is_empty())
        && words.iter().all(|t| t.is_capitalized())
    {
        let name = raw.trim_end_matches('.');
        if places::country_named(name).is_some()
            || crate::gazetteer::lookup(name).next().is_some()
            || crate::gazetteer::lookup(name.split(',').next().unwrap_or(name))
                .next()
                .is_some()
        {
            return Some(IgnoredKind::Dateline);
        }
    }
    None
}

/// Recognises a boilerplate sentence inside a paragraph.
pub(crate) fn sentence_boilerplate(text: &str, sp: Sp) -> Option<IgnoredKind> {
    // Only short sentences, or sentences with the words of boilerplate, are
    // looked at closely.
    let raw = text.get(sp.range()).unwrap_or_default().trim();
    let words = raw.split_whitespace().take(10).count();
    let marked = [
        "follows",
        "readout",
        "attributable",
        "Bullpen",
        "foregoing",
        "revised",
    ]
    .iter()
    .any(|w| raw.contains(w))
        || raw.ends_with(':')
        || raw.starts_with('(')
        || raw.starts_with('*');
    if words > 8 && !marked {
        return None;
    }
    let k = key(&clean(text, sp));
    let k = k.trim();
    let starts = |p: &str| k.starts_with(p);
    if (starts("the ") || starts("an ") || starts("a "))
        && (k.contains("is as follows")
            || k.contains("was as follows")
            || k.contains("are as follows"))
    {
        return Some(IgnoredKind::Overview);
    }
    if starts("below is a readout")
        || starts("this readout is on background")
        || starts("the below is attributable")
        || starts("the following is attributable")
        || k.contains("bullpen colleagues")
        || (k.ends_with(':') && (k.contains("spokesperson") || k.contains("said")))
    {
        return Some(IgnoredKind::Attribution);
    }
    if starts("(*") || starts("*this press release") || starts("(the foregoing") {
        return Some(IgnoredKind::Note);
    }
    // Short sentences only: a label, a closing mark, a foot date.
    if k.split(' ').count() > 8 {
        return None;
    }
    block_boilerplate(text, sp).filter(|k| *k != IgnoredKind::Dateline)
}

/// Whether a text is written mostly in a script other than Latin (the
/// reader reads English, with a little French).
pub(crate) fn foreign_script(text: &str) -> bool {
    if text.is_ascii() {
        return false;
    }
    let mut latin = text.bytes().filter(u8::is_ascii_alphabetic).count();
    let mut other = 0usize;
    for c in text.chars().filter(|c| !c.is_ascii() && c.is_alphabetic()) {
        if (c as u32) < 0x0250 || (0x1E00..=0x1EFF).contains(&(c as u32)) {
            latin += 1;
        } else {
            other += 1;
        }
    }
    other > latin
}

/// What the title says.
#[derive(Debug, Clone, Default)]
pub(crate) struct TitleInfo {
    pub(crate) sp: Option<Sp>,
    pub(crate) text: String,
    /// A category heading ("Japan-Canada Relations"), not the meeting's
    /// title.
    pub(crate) category: bool,
    pub(crate) mode: Option<(Mode, Sp)>,
    pub(crate) form: Option<(MeetingForm, Sp)>,
    /// Countries of a hyphenated pair ("Japan-Canada").
    pub(crate) countries: Vec<Country>,
    pub(crate) countries_sp: Option<Sp>,
    /// A full date in the title.
    pub(crate) date: Option<(WrittenDate, Sp)>,
    /// People the title names.
    pub(crate) people: Vec<PersonRead>,
    /// The title names a meeting ("... meeting with ...", "Telephone
    /// Talk"), so a meeting can be read from it alone.
    pub(crate) names_meeting: bool,
}

/// A mode or a form and the words that name it.
pub(crate) type Named<T> = Option<(T, Sp)>;

/// The mode and form that words of a title or a meeting phrase name.
pub(crate) fn mode_form_words(toks: &[Tok<'_>]) -> (Named<Mode>, Named<MeetingForm>) {
    let mut mode = None;
    let mut form = None;
    let n = toks.len();
    for i in 0..n {
        let Some(t) = toks.get(i) else { continue };
        if t.kind != Kind::Word {
            continue;
        }
        let w = t.key();
        let next = toks.get(i + 1).map_or("", Tok::key);
        let sp = t.sp;
        match w {
            "telephone" | "phone" | "teleconference" | "telephonic" | "téléphonique" => {
                mode.get_or_insert((Mode::Telephone, sp));
            }
            "call" | "calls"
                if (next != "on"
                    || toks
                        .get(i + 2)
                        .is_some_and(|t| dates::month(t.key()).is_some()))
                    && !(i > 0 && toks.get(i - 1).is_some_and(|t| t.is("courtesy"))) =>
            {
                mode.get_or_insert((Mode::Telephone, sp));
            }
            "video" | "videoconference" | "virtual" | "virtually" | "web-meeting" | "online"
            | "videoconférence" => {
                mode.get_or_insert((Mode::Video, sp));
            }
            "web" if next == "meeting" || next == "conference" => {
                mode.get_or_insert((Mode::Video, sp));
            }
            "hybrid" => {
                mode.get_or_insert((Mode::Hybrid, sp));
            }
            "in-person" => {
                mode.get_or_insert((Mode::InPerson, sp));
            }
            _ => {}
        }
        match w {
            "summit"
                if matches!(
                    next,
                    "meeting" | "telephone" | "video" | "talk" | "talks" | "conference" | "phone"
                ) =>
            {
                form = Some((MeetingForm::Summit, sp));
            }
            "courtesy" if next == "call" => form = Some((MeetingForm::CourtesyCall, sp)),
            "call"
                if next == "on"
                    && toks
                        .get(i + 2)
                        .is_none_or(|t| dates::month(t.key()).is_none()) =>
            {
                form.get_or_insert((MeetingForm::CourtesyCall, sp));
            }
            "dinner" | "lunch" | "breakfast" | "luncheon" | "meal"
                if form
                    .is_none_or(|(f, _)| f == MeetingForm::Meeting || f == MeetingForm::Talk) =>
            {
                form = Some((MeetingForm::WorkingMeal, sp));
            }
            "short" | "brief"
                if matches!(next, "talk" | "informal" | "conversation" | "exchange")
                    || (matches!(next, "telephone" | "video" | "hybrid" | "phone")
                        && toks
                            .get(i + 2)
                            .is_some_and(|t| matches!(t.key(), "talk" | "conversation"))) =>
            {
                form = Some((MeetingForm::ShortInformalTalk, sp));
            }
            "pull-aside" | "pull-asides" => form = Some((MeetingForm::ShortInformalTalk, sp)),
            "talk" | "talks" | "conversation" | "teleconference" | "call" => {
                form.get_or_insert((MeetingForm::Talk, sp));
            }
            "meeting" | "meetings" | "conference" | "web-meeting" | "videoconference" => {
                form.get_or_insert((MeetingForm::Meeting, sp));
            }
            _ => {}
        }
    }
    (mode, form)
}

/// Reads the title line.
pub(crate) fn read_title(text: &str, sp: Option<Sp>) -> TitleInfo {
    let Some(sp) = sp else {
        return TitleInfo::default();
    };
    let raw = text.get(sp.range()).unwrap_or_default();
    let toks = tokenize(raw, sp.start);
    let k = key(raw);
    let mut info = TitleInfo {
        sp: Some(sp),
        text: clean(text, sp),
        ..TitleInfo::default()
    };
    let meeting_words = [
        "meeting",
        "talk",
        "talks",
        "call",
        "conversation",
        "teleconference",
        "summit",
        "dinner",
        "lunch",
        "breakfast",
        "courtesy",
        "met",
        "speaks",
        "spoke",
        "meets",
        "web-meeting",
        "conference",
        "visit",
        "entretient",
    ];
    let has_meeting_word = toks
        .iter()
        .any(|t| t.kind == Kind::Word && meeting_words.contains(&t.key()));
    info.names_meeting = has_meeting_word;
    info.category = !has_meeting_word
        && (k.ends_with("relations") || places::country_named(raw.trim()).is_some() || {
            // An organisation's name with its acronym: "North Atlantic Treaty
            // Organization (NATO)".
            toks.last().is_some_and(|t| t.is_punct(')'))
                && toks
                    .iter()
                    .rev()
                    .nth(1)
                    .is_some_and(|t| places::country_named(t.text).is_some())
        });
    let (mode, form) = mode_form_words(&toks);
    info.mode = mode;
    info.form = form;
    for t in &toks {
        if t.kind == Kind::Word && t.text.contains('-') {
            let cs = places::hyphen_countries(t.text);
            if cs.len() >= 2 && info.countries.is_empty() {
                info.countries = cs;
                info.countries_sp = Some(t.sp);
            }
        }
    }
    for d in dates::dates(&toks) {
        if d.value.year.is_some() && d.value.day.is_some() {
            info.date = Some((d.value, people::span(&toks, d.from, d.to)));
        }
    }
    info.people = title_people(&toks);
    info
}

/// The people a title names: the phrases around "with", "between ... and",
/// "by", "on", a possessive before a meeting noun, "Readout of X and Y
/// Call".
fn title_people(toks: &[Tok<'_>]) -> Vec<PersonRead> {
    let n = toks.len();
    let is_stop = |t: &Tok<'_>| {
        t.is_punct(':')
            || t.is_punct('(')
            || t.is_punct('|')
            || t.is_punct('–')
            || (t.kind == Kind::Word
                && matches!(
                    t.key(),
                    "meeting"
                        | "call"
                        | "talk"
                        | "talks"
                        | "conversation"
                        | "telephone"
                        | "on"
                        | "with"
                        | "between"
                        | "by"
                        | "and"
                        | "met"
                        | "speaks"
                        | "meets"
                        | "spoke"
                        | "during"
                        | "at"
                        | "in"
                        | "from"
                        | "of"
                        | "readout"
                        | "concludes"
                ))
            || dates::month(t.key()).is_some() && t.is_capitalized()
    };
    let mut phrases: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        // A phrase: a maximal run of tokens that are not stops, allowing
        // "of" and "and" inside posts when followed by capitals.
        let start = i;
        let mut j = i;
        while j < n {
            let Some(t) = toks.get(j) else { break };
            let posts_only = toks.get(start..j).is_some_and(|s| {
                s.iter().all(|x| {
                    people::is_post_word(x.text)
                        || x.is("of")
                        || x.is("for")
                        || x.is("the")
                        || places::country_named(x.text).is_some()
                })
            });
            let inner_of = (t.is("of") || t.is("for") || (t.is("and") && posts_only))
                && j > start
                && toks
                    .get(j + 1)
                    .is_some_and(|x| x.is_capitalized() || x.is("the"))
                && toks
                    .get(start..j)
                    .is_some_and(|s| s.iter().any(|x| people::is_head(x.text)));
            if is_stop(t) && !inner_of {
                break;
            }
            j += 1;
        }
        if j > start {
            phrases.push((start, j));
        }
        i = j + 1;
    }
    let mut out = Vec::new();
    for (a, b) in phrases {
        let Some(slice) = toks.get(a..b) else {
            continue;
        };
        // Trim a possessive "’s" on the last word ("Secretary Pompeo’s").
        let mut owned: Vec<Tok<'_>> = slice.to_vec();
        if let Some(last) = owned.last_mut() {
            for suffix in ["’s", "'s"] {
                if let Some(stripped) = last.text.strip_suffix(suffix) {
                    last.text = stripped;
                    last.sp.end -= suffix.len();
                }
            }
        }
        if let Some(p) = people::parse_person(&owned) {
            let has_head = p
                .posts
                .iter()
                .any(|p| p.title.split_whitespace().any(people::is_head));
            // A name alone needs two words and no word of a page's headings
            // ("Opening Remarks", "Press Statement").
            let plain_name = p.name.as_ref().is_some_and(|n| {
                n.words.len() >= 2
                    && !n.words.iter().any(|w| {
                        matches!(
                            key(w).as_str(),
                            "remarks"
                                | "statement"
                                | "press"
                                | "release"
                                | "opening"
                                | "joint"
                                | "mfa"
                                | "news"
                                | "readout"
                                | "republic"
                                | "kingdom"
                                | "summary"
                                | "relations"
                                | "visit"
                                | "official"
                                | "state"
                                | "working"
                        )
                    })
            });
            let with_title = p.name.is_some() && (has_head || p.honorific.is_some());
            if with_title || plain_name || (p.name.is_none() && has_head) {
                out.push(p);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boilerplate() {
        for s in [
            "(END)",
            ". . . . .",
            "Readout",
            "News story",
            "[Provisional translation]",
            "Washington, DC",
            "22 JULY 2008",
            "The below is attributable to Spokesperson Ned Price:",
            "MINISTRY OF FOREIGN AFFAIRS",
        ] {
            assert!(block_boilerplate(s, Sp::new(0, s.len())).is_some(), "{s}");
        }
        for s in [
            "The two ministers met.",
            "Minister Hayashi stated that it is so.",
        ] {
            assert!(block_boilerplate(s, Sp::new(0, s.len())).is_none(), "{s}");
        }
        let s = "The overview of the meeting is as follows.";
        assert_eq!(
            sentence_boilerplate(s, Sp::new(0, s.len())),
            Some(IgnoredKind::Overview)
        );
    }

    #[test]
    fn attributions() {
        for (line, words) in [
            (
                "The below is attributable to Spokesperson Ned Price:",
                Some("Spokesperson Ned Price"),
            ),
            (
                "The following is attributable to Spokesperson Matthew Miller: ",
                Some("Spokesperson Matthew Miller"),
            ),
            (
                "A Foreign Office spokesperson said:",
                Some("A Foreign Office spokesperson"),
            ),
            ("The below is attributable to:", None),
            ("The two ministers said:", None),
            ("The below is attributable to Spokesperson Ned Price.", None),
        ] {
            assert_eq!(attribution_words(line), words, "{line}");
        }
    }

    #[test]
    fn titles() {
        let t = "Japan-Canada Foreign Ministers’ Telephone Talk";
        let i = read_title(t, Some(Sp::new(0, t.len())));
        assert_eq!(i.mode.map(|m| m.0), Some(Mode::Telephone));
        assert_eq!(i.form.map(|m| m.0), Some(MeetingForm::Talk));
        assert_eq!(i.countries.len(), 2);
        let t = "Japan-Canada Relations";
        assert!(read_title(t, Some(Sp::new(0, t.len()))).category);
        let t = "Readout of Secretary Kerry and Russian FM Lavrov Call on September 11, 2013";
        let i = read_title(t, Some(Sp::new(0, t.len())));
        let names: Vec<String> = i
            .people
            .iter()
            .filter_map(|p| p.name.as_ref().map(|n| n.display()))
            .collect();
        assert_eq!(names, ["Kerry", "Lavrov"]);
        assert_eq!(
            i.people
                .get(1)
                .and_then(|p| p.country.as_ref())
                .map(|c| c.0.code()),
            Some("RU")
        );
        assert!(i.date.is_some());
    }
}
