//! Readout text: the meeting told in English, in the style of a foreign
//! ministry's readout (Japan's MOFA is the model).
//!
//! The text has three parts:
//!
//! 1. the title, on a line of its own;
//! 2. the lead sentence: the timing clause ("On November 13, commencing at
//!    4:00 p.m. (local time; 9:00 a.m. on November 14 JST) for approximately
//!    30 minutes"), then the principals with their honorifics, names in
//!    their own order, titles and countries' formal names, the visit and the
//!    occasion, and what they did ("held a meeting with", "held a telephone
//!    talk with", "held a video conference with", ..., each mode and form in
//!    words of its own);
//! 3. the items, each its label and title on one line and its entries
//!    ("Minister Kamikawa stated that ...", "The two ministers concurred to
//!    ...") as one paragraph, in the readout's order, then its sub-items.
//!
//! Parts are separated by a blank line; lines end with `\n`, and the text
//! ends with one. Nothing is wrapped.

use std::fmt::Write as _;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Offset, TimeDelta, Timelike};
use chrono_tz::{OffsetName, Tz};

use crate::agenda::{AgendaItem, Entry};
use crate::error::{Detail, Error};
use crate::meeting::{
    Attendance, Meeting, MeetingForm, MeetingKind, MeetingStatus, Mode, OccasionRelation, Part,
    Participant, Start, VenueRelation, Who,
};
use crate::minister::Portfolio;

/// Renders the whole readout of `meeting`, with times also given on the
/// clock of `reference_zone` (the readout's home zone: `Asia/Tokyo` for
/// Japan's ministry).
///
/// The same as [`Readout::new(reference_zone).render(meeting)`](Readout::render);
/// see [`Readout`] for the rules of each part.
///
/// # Errors
///
/// [`ErrorKind::Inconsistent`](crate::ErrorKind::Inconsistent) for a meeting
/// with no participants, which a built or deserialized [`Meeting`] never
/// has; and those of [`Readout::timing_clause`] (none in practice). An
/// entry that names someone who is not a participant is written with the
/// id as given.
///
/// ```
/// use chrono::TimeDelta;
/// use diplomeet::export::{Readout, readout};
/// use diplomeet::{Country, Meeting, Minister, NameOrder, PersonName, Portfolio, Post, Venue};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let kamikawa = Minister::builder(
///     PersonName::builder()
///         .surname("Kamikawa")
///         .given("Yoko")
///         .order(NameOrder::SurnameFirst)
///         .uppercase_surname(true)
///         .build()?,
///     Country::from_code("JP")?,
/// )
/// .honorific("Ms.")
/// .post(Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?)
/// .build()?;
/// let van_klaveren = Minister::builder(
///     PersonName::builder()
///         .given("Alberto Leo")
///         .surname("van Klaveren")
///         .second_surname("Stork")
///         .build()?,
///     Country::from_code("CL")?,
/// )
/// .honorific("H.E. Mr.")
/// .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?)
/// .build()?;
/// let meeting = Meeting::builder("Japan-Chile Foreign Ministers' Meeting")
///     .venue(Venue::new("San Francisco", Country::from_code("US")?, chrono_tz::America::Los_Angeles)?)
///     .occasion("APEC Ministerial Meeting")
///     .starts_at("2023-11-13T16:00:00".parse()?)
///     .duration(TimeDelta::try_minutes(30).ok_or("minutes")?)
///     .approximate(true)
///     .participant(kamikawa)
///     .participant(van_klaveren)
///     .status(diplomeet::MeetingStatus::Held)
///     .build()?;
///
/// let text = readout(&meeting, chrono_tz::Asia::Tokyo)?;
/// assert_eq!(
///     text,
///     "Japan-Chile Foreign Ministers' Meeting\n\
///      \n\
///      On November 13, commencing at 4:00 p.m. (local time; 9:00 a.m. on November 14 JST) \
///      for approximately 30 minutes, Ms. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan, \
///      who is visiting San Francisco, the United States of America, to attend the APEC \
///      Ministerial Meeting, held a meeting with H.E. Mr. Alberto Leo van Klaveren Stork, \
///      Minister of Foreign Affairs of the Republic of Chile.\n"
/// );
///
/// // The venue's country by its short name.
/// let short = Readout::new(chrono_tz::Asia::Tokyo).short_country_names(true);
/// assert!(short.lead(&meeting)?.contains("who is visiting San Francisco, the United States, to attend"));
/// # Ok(())
/// # }
/// ```
pub fn readout(meeting: &Meeting, reference_zone: Tz) -> Result<String, Error> {
    Readout::new(reference_zone).render(meeting)
}

/// Options for a readout: the reference zone, and which parts to write.
/// [`readout`] is `Readout::new(zone).render(meeting)`.
///
/// # The timing clause
///
/// * "On November 13, commencing at 4:00 p.m." The date and the time are the
///   meeting's own (the venue's clock; for a telephone or video meeting, the
///   zone the meeting is recorded in). Times are on the 12-hour clock with
///   minutes: "12:00 p.m." is noon, "12:00 a.m." midnight; seconds are not
///   written. The year is not written (the readout's own date gives it).
/// * Then, when the reference zone is not the meeting's zone, a
///   parenthesis with the same instant on the reference clock: "(local time;
///   9:00 a.m. on November 14 JST)" when the date differs (with the year too
///   when that differs), "(local time; 4:00 a.m. JST)" when it does not. The
///   zone is named by its abbreviation at that instant (`JST`, `EDT`), or
///   by its UTC offset where the tz database has only a numeric one
///   (`UTC-3`, `UTC+5:45`). For a telephone or video meeting "local time"
///   becomes the meeting zone's own name at that instant ("(JST; 4:00 p.m.
///   PST)").
/// * A meeting with no venue (a telephone or video meeting, or a place not
///   known) on the reference clock names that clock alone: "commencing at
///   9:00 p.m. (JST)", so that the time is an instant for a reader of the
///   text (`diplomeet::reader` reads it back).
/// * Then the duration: "for approximately 30 minutes" when it is
///   approximate, "for 30 minutes", "for 1 hour", "for 1 hour and 15
///   minutes" otherwise; nothing without one.
/// * A meeting known by its date alone reads "On August 15," with no time
///   and no parenthesis.
///
/// # The principals
///
/// The first participant is the subject, the others are who they met, all
/// written as [`Minister`](crate::Minister)'s `Display` does ("H.E. Mr. Alberto Leo van
/// Klaveren Stork, Minister of Foreign Affairs of the Republic of Chile"),
/// several of them joined by commas and "and".
///
/// * At a venue outside the subject's country, the subject "who is visiting
///   San Francisco, the United States of America, to attend the APEC
///   Ministerial Meeting" (the occasion part only when there is one).
/// * At a venue in the subject's country, the same clause follows the
///   visitors ("..., who is visiting Tokyo, Japan, to attend the ...";
///   "who are visiting" for several), when all of them are visitors;
///   otherwise the venue and the occasion end the sentence ("in Tokyo,
///   Japan, on the occasion of the ..."), as they do when the subject took
///   part remotely in a hybrid meeting.
/// * A telephone or video meeting has no visit; its occasion, if any, ends
///   the sentence.
///
/// The verb follows the mode and the form, each pair in words of its own
/// (so that a reader gives both back): in person "held a meeting with",
/// "held talks with", "had a short informal talk with", "paid a courtesy
/// call on", "held a working meal with", "held a summit meeting with"; by
/// telephone "held a telephone talk with" (a talk), "held a telephone
/// meeting with" (a meeting), "held a summit telephone talk with", "had a
/// short telephone talk with", "held a telephone courtesy call with", "held
/// a working meal by telephone with"; by video "held a video conference
/// with" (a meeting), "held a video talk with", "held a summit video
/// conference with", "had a short video talk with", "held a video courtesy
/// call with", "held a working meal by video conference with"; hybrid "held
/// a hybrid meeting with", "held hybrid talks with", "held a hybrid summit
/// meeting with", "had a short informal hybrid talk with", "held a hybrid
/// courtesy call with", "held a hybrid working meal with". A session of a
/// multilateral meeting that is not a meeting in person says which it was:
/// "attended the G7 Session 1, a video conference, together with ...". A
/// scheduled meeting "will hold"; a postponed or cancelled one "was to
/// hold", followed by "It has been postponed." or "It has been cancelled."
///
/// # After the principals
///
/// Participants who are not principals follow in a sentence of their own
/// ("The meeting was also attended by ..."). In a hybrid meeting a remote
/// participant is never "visiting": "..., who took part remotely from
/// Bangkok". A session of a multilateral meeting (four or more parties,
/// three or more besides the subject) reads as attended: "... attended the
/// G7 Foreign Ministers' Meeting Session 1 together with ..." (a title that
/// is a headline about someone, "Secretary Blinken's Meeting with ...",
/// reads as the kind of meeting instead: "attended a video conference
/// together with ..."). Someone known by the post alone is the subject
/// without a comma ("the Foreign Secretary of the United Kingdom held ...").
/// Each part after the meeting itself is a sentence: "This was followed by a
/// working meal, commencing at 7:45 p.m. for approximately 75 minutes." (a
/// part's title as a heading writes it reads as a common noun: "Lunch" is "a
/// lunch"). A meeting
/// with no known date has no timing clause; one known by its month reads
/// "In May 2024, ...".
///
/// # The items
///
/// Each agenda item is its printed label ("1.", "(1)") and its title on one
/// line, then a paragraph of its entries in the readout's order (an
/// unlabelled item is its paragraph alone); its sub-items follow, each the
/// same way. A one-sided entry reads "Minister Kamikawa stated that ..."
/// (the first words of the post's title, before "of", "for", "to", "and" or
/// a comma, and the name's [`short`](crate::PersonName::short) form:
/// "Minister", "Secretary", "Prime Minister", "President"; "the Foreign
/// Minister" for someone named only by the post); a mutual one "The two
/// ministers concurred to ..." when its participants are both principals,
/// "The ministers ..." when they are all of three or more ("leaders" instead
/// of "ministers" when every one is a head of state or government), or
/// their short forms ("Minister A and Minister B confirmed ...")
/// otherwise. The verb is the readout's own wording when kept, else the
/// canonical phrase. A sentence gets a full stop unless its text already
/// ends with one (or with `!` or `?`).
///
/// ```
/// use diplomeet::export::Readout;
/// use diplomeet::{AgendaItem, Country, Meeting, MeetingForm, Minister, Mode, PersonName, Portfolio, Post, Verb};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let minister = |given: &str, surname: &str, country: &str| -> Result<Minister, diplomeet::Error> {
///     Minister::builder(PersonName::builder().given(given).surname(surname).build()?, Country::from_code(country)?)
///         .honorific("Mr.")
///         .post(Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?)
///         .build()
/// };
/// let (sato, smith) = (minister("Taro", "Sato", "JP")?, minister("John", "Smith", "AU")?);
/// let item = AgendaItem::builder()
///     .number(1)
///     .title("Bilateral relations")
///     .statement(sato.id(), Verb::Stated, "that the partnership had never been stronger")
///     .build()?;
/// let call = Meeting::builder("Australia-Japan Foreign Ministers' Telephone Talk")
///     .mode(Mode::Telephone)
///     .form(MeetingForm::Talk)
///     .zone(chrono_tz::Asia::Tokyo)
///     .starts_at("2023-08-15T21:00:00".parse()?)
///     .duration(chrono::TimeDelta::try_minutes(30).ok_or("minutes")?)
///     .agenda_item(item)
///     .participant(sato)
///     .participant(smith)
///     .build()?;
///
/// // The title, the lead and the items, separated by blank lines.
/// let tokyo = Readout::new(chrono_tz::Asia::Tokyo);
/// let text = tokyo.render(&call)?;
/// let parts: Vec<&str> = text.split("\n\n").collect();
/// assert_eq!(
///     parts,
///     [
///         "Australia-Japan Foreign Ministers' Telephone Talk",
///         "On August 15, commencing at 9:00 p.m. (JST) for 30 minutes, Mr. Taro Sato, Minister for Foreign Affairs of Japan, \
///          will hold a telephone talk with Mr. John Smith, Minister for Foreign Affairs of Australia.",
///         "1. Bilateral relations\nMinister Sato stated that the partnership had never been stronger.\n",
///     ]
/// );
/// // A call has no venue: the zone its time is in is named, even the reader's own.
/// assert_eq!(tokyo.timing_clause(&call)?, "On August 15, commencing at 9:00 p.m. (JST) for 30 minutes");
/// // The lead alone.
/// assert_eq!(tokyo.title(false).items(false).render(&call)?, format!("{}\n", tokyo.lead(&call)?));
///
/// // On another clock, the time there follows in parentheses.
/// let sydney = Readout::new(chrono_tz::Australia::Sydney);
/// assert_eq!(
///     sydney.timing_clause(&call)?,
///     "On August 15, commencing at 9:00 p.m. (JST; 10:00 p.m. AEST) for 30 minutes"
/// );
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Readout {
    reference_zone: Tz,
    title: bool,
    items: bool,
    short_country_names: bool,
}

impl Readout {
    /// Options for a full readout (title, lead, items) with times also given
    /// on the clock of `reference_zone`.
    ///
    /// ```
    /// use diplomeet::export::Readout;
    ///
    /// let options = Readout::new(chrono_tz::Asia::Tokyo);
    /// assert_eq!(options.reference_zone(), chrono_tz::Asia::Tokyo);
    /// ```
    pub fn new(reference_zone: Tz) -> Readout {
        Readout {
            reference_zone,
            title: true,
            items: true,
            short_country_names: false,
        }
    }

    /// The reference zone.
    pub fn reference_zone(&self) -> Tz {
        self.reference_zone
    }

    /// Whether to write the title line (on by default).
    #[must_use]
    pub fn title(mut self, yes: bool) -> Readout {
        self.title = yes;
        self
    }

    /// Whether to write the agenda items (on by default).
    #[must_use]
    pub fn items(mut self, yes: bool) -> Readout {
        self.items = yes;
        self
    }

    /// Whether to name the venue's country by its short name ("San
    /// Francisco, the United States") rather than its formal name ("the
    /// United States of America"), which is the default (see the example
    /// of [`readout`]).
    #[must_use]
    pub fn short_country_names(mut self, yes: bool) -> Readout {
        self.short_country_names = yes;
        self
    }

    /// The readout: the title line, the lead sentence and the agenda items,
    /// as chosen, separated by blank lines and ending with a newline.
    ///
    /// # Errors
    ///
    /// As [`readout`].
    pub fn render(&self, meeting: &Meeting) -> Result<String, Error> {
        let mut parts: Vec<String> = Vec::new();
        if self.title {
            parts.push(meeting.title().to_owned());
        }
        parts.push(self.lead(meeting)?);
        if self.items {
            for item in meeting.agenda() {
                parts.push(item_text(meeting, item));
            }
        }
        let mut out = parts.join("\n\n");
        out.push('\n');
        Ok(out)
    }

    /// The timing clause, without the comma that follows it in the lead:
    /// "On November 13, commencing at 4:00 p.m. (local time; 9:00 a.m. on
    /// November 14 JST) for approximately 30 minutes".
    ///
    /// # Errors
    ///
    /// None in practice: the error exists because converting the start to
    /// another clock is fallible.
    pub fn timing_clause(&self, meeting: &Meeting) -> Result<String, Error> {
        let mut out = String::new();
        match meeting.when() {
            Start::Unknown => {}
            Start::InMonth { year, month } => {
                let _ = write!(out, "In {} {year}", month_name(*month));
            }
            Start::On(date) => {
                out.push_str("On ");
                out.push_str(&month_day(*date));
            }
            Start::At(_) => {
                let local = meeting.start()?.to_datetime();
                let date = local.date_naive();
                let around = if meeting.start_is_approximate() {
                    "around "
                } else {
                    ""
                };
                let _ = write!(
                    out,
                    "On {}, commencing at {around}{}",
                    month_day(date),
                    clock(local.time())
                );
                if Some(self.reference_zone) != meeting.zone() {
                    let there = meeting.start_in(self.reference_zone)?.to_datetime();
                    let here_name = if meeting.venue().is_some() {
                        "local time".to_owned()
                    } else {
                        zone_name(&local)
                    };
                    let there_date = there.date_naive();
                    let day = if there_date == date {
                        String::new()
                    } else if there_date.year() == date.year() {
                        format!(" on {}", month_day(there_date))
                    } else {
                        format!(" on {}, {}", month_day(there_date), there_date.year())
                    };
                    let _ = write!(
                        out,
                        " ({here_name}; {}{day} {})",
                        clock(there.time()),
                        zone_name(&there)
                    );
                } else if meeting.venue().is_none() {
                    // No venue names the clock: say which it is, so that the
                    // time reads back as an instant (the reader's "JST").
                    let _ = write!(out, " ({})", zone_name(&local));
                }
            }
        }
        if let Some(d) = meeting.duration() {
            out.push_str(if out.is_empty() { "For " } else { " for " });
            if meeting.duration_is_approximate() {
                out.push_str("approximately ");
            }
            out.push_str(&spell_duration(d));
        }
        Ok(out)
    }

    /// The lead sentence: the timing clause, then who met whom, where and
    /// on what occasion, ending with a full stop (and, for a postponed or
    /// cancelled meeting, a second sentence saying so).
    ///
    /// # Errors
    ///
    /// As [`readout`].
    pub fn lead(&self, meeting: &Meeting) -> Result<String, Error> {
        let mut out = self.timing_clause(meeting)?;
        if !out.is_empty() {
            out.push_str(", ");
        }
        let principals: Vec<&Participant> = meeting
            .participants()
            .iter()
            .filter(|p| p.is_principal())
            .collect();
        let (subject, others) = match principals.split_first() {
            Some((s, o)) => (*s, o.to_vec()),
            None => match meeting.participants().split_first() {
                Some((s, o)) => (s, o.iter().collect()),
                None => {
                    return Err(Error::new(Detail::Inconsistent(
                        "the meeting has no participants".into(),
                    )));
                }
            },
        };
        let visit = self.visit_clause(meeting);
        let relation = meeting.venue_relation();
        let subject_parties = subject.parties();
        let hosts = |p: &Participant| matches!(&relation, VenueRelation::Hosted { host } if p.parties().contains(host));
        let remote = |p: &Participant| {
            meeting.mode() == Mode::Hybrid && p.attendance() == Some(Attendance::Remote)
        };
        let subject_hosts = hosts(subject);
        let visitors: Vec<&&Participant> = others.iter().filter(|p| !remote(p)).collect();
        let all_others_visit = !visitors.is_empty()
            && visitors
                .iter()
                .all(|p| !p.parties().iter().any(|c| subject_parties.contains(c)));
        let session = meeting.kind() == MeetingKind::Multilateral && others.len() > 2;
        if !out.is_empty() && out.starts_with("In ") {
            // "In May 2024, ..." is a full clause already.
        }
        let subject_text = self.appositive(meeting, subject);
        if out.is_empty() {
            out.push_str(&capitalize(&subject_text));
        } else {
            out.push_str(&subject_text);
        }
        let close = if ends_with_appositive(meeting, subject) {
            ","
        } else {
            ""
        };
        let mut visiting = false;
        let mut trailer: Option<String> = None;
        match (&relation, &visit) {
            (VenueRelation::Remote | VenueRelation::Unknown, _) | (_, None) => {
                trailer = self.occasion_clause(meeting);
            }
            _ if remote(subject) => {
                trailer = self.in_venue(meeting);
            }
            (_, Some(clause)) if !subject_hosts => {
                visiting = true;
                let _ = write!(out, ", who is visiting {clause},");
            }
            (_, Some(clause)) if all_others_visit => {
                let verb = if visitors.len() == 1 { "is" } else { "are" };
                trailer = Some(format!("who {verb} visiting {clause}"));
            }
            (_, Some(_)) => {
                trailer = self.in_venue(meeting);
            }
        }
        if !visiting {
            out.push_str(close);
        }
        out.push(' ');
        let names: Vec<String> = others.iter().map(|p| self.appositive(meeting, p)).collect();
        if session {
            // A session of a multilateral meeting: attended, with the others.
            out.push_str(&attended(meeting));
            out.push_str(" together with ");
        } else {
            out.push_str(&action(meeting));
            out.push(' ');
        }
        out.push_str(&join_appositives(&names));
        if let Some(t) = trailer {
            out.push_str(", ");
            out.push_str(&t);
        }
        out.push('.');
        let attendees: Vec<String> = meeting
            .participants()
            .iter()
            .filter(|p| !p.is_principal())
            .map(|p| self.appositive(meeting, p))
            .collect();
        if !attendees.is_empty() {
            let _ = write!(
                out,
                " The meeting was also attended by {}.",
                join_appositives(&attendees)
            );
        }
        for part in meeting
            .parts()
            .iter()
            .skip_while(|p| is_main_part(meeting, p))
        {
            let _ = write!(out, " {}", self.part_sentence(meeting, part)?);
        }
        match meeting.status() {
            MeetingStatus::Postponed => out.push_str(" It has been postponed."),
            MeetingStatus::Cancelled => out.push_str(" It has been cancelled."),
            _ => {}
        }
        Ok(out)
    }

    /// A participant as the lead names them: a person as [`Minister`]'s
    /// `Display` writes them (every post), a group by its name; with "who
    /// took part remotely from Bangkok" for a remote participant of a hybrid
    /// meeting.
    ///
    /// [`Minister`]: crate::Minister
    fn appositive(&self, meeting: &Meeting, p: &Participant) -> String {
        let mut text = match p.who() {
            Who::Person(m) => m.to_string(),
            Who::Group(g) => g.name().to_owned(),
        };
        if meeting.mode() == Mode::Hybrid && p.attendance() == Some(Attendance::Remote) {
            text.push_str(", who took part remotely");
            if let Some(place) = p.calling_from() {
                let _ = write!(text, " from {}", place.name());
            }
        } else if let Some(place) = p.calling_from() {
            let _ = write!(text, ", from {}", place.name());
        }
        text
    }

    /// "San Francisco, the United States of America, to attend the APEC
    /// Ministerial Meeting" (without the trailing comma), or `None` without
    /// a venue.
    fn visit_clause(&self, meeting: &Meeting) -> Option<String> {
        let venue = meeting.venue()?;
        let country = if self.short_country_names {
            short_name_in_sentence(venue.country().name())
        } else {
            venue.country().formal_name_in_sentence()
        };
        let mut clause = if venue.basis() == crate::meeting::PlaceBasis::Country {
            country
        } else {
            format!("{}, {country}", venue.place())
        };
        if let Some(o) = occasion_phrase(meeting) {
            if meeting
                .occasion()
                .is_some_and(|o| o.relation() == OccasionRelation::Sidelines)
            {
                let _ = write!(clause, ", to attend {o}");
            }
        }
        Some(clause)
    }

    /// "in Tokyo, Japan, on the occasion of the ...": the venue, where no
    /// visit names it, and the occasion.
    fn in_venue(&self, meeting: &Meeting) -> Option<String> {
        let venue = meeting.venue()?;
        let country = if self.short_country_names {
            short_name_in_sentence(venue.country().name())
        } else {
            venue.country().formal_name_in_sentence()
        };
        let mut out = format!("in {}, {country}", venue.place());
        if let Some(o) = self.occasion_clause(meeting) {
            let _ = write!(out, ", {o}");
        }
        Some(out)
    }

    /// "on the occasion of the APEC Ministerial Meeting", "before the G20
    /// Summit", "after ...", "during ...".
    fn occasion_clause(&self, meeting: &Meeting) -> Option<String> {
        let o = meeting.occasion()?;
        let phrase = occasion_phrase(meeting)?;
        Some(match o.relation() {
            OccasionRelation::Sidelines | OccasionRelation::Visit => {
                format!("on the occasion of {phrase}")
            }
            OccasionRelation::Before => format!("before {phrase}"),
            OccasionRelation::After => format!("after {phrase}"),
            OccasionRelation::During => format!("during {phrase}"),
        })
    }

    /// "This was followed by a working dinner, commencing at 7:45 p.m. for
    /// approximately 75 minutes."
    fn part_sentence(&self, meeting: &Meeting, part: &Part) -> Result<String, Error> {
        let what = part
            .title()
            .map(common_noun_phrase)
            .unwrap_or_else(|| form_noun(part.form()).to_owned());
        let mut out = format!("This was followed by {what}");
        if let Start::At(z) = part.start() {
            let local = z.to_datetime();
            let same_day = meeting.date() == Some(z.date());
            if same_day {
                let _ = write!(out, ", commencing at {}", clock(local.time()));
            } else {
                let _ = write!(
                    out,
                    ", on {}, commencing at {}",
                    month_day(z.date()),
                    clock(local.time())
                );
            }
        }
        if let Some(d) = part.duration() {
            out.push_str(" for ");
            if part.duration_is_approximate() {
                out.push_str("approximately ");
            }
            out.push_str(&spell_duration(d));
        }
        out.push('.');
        Ok(out)
    }
}

/// Whether a part is the meeting itself (its first part, of the meeting's
/// own form, starting with it), which the lead already tells.
fn is_main_part(meeting: &Meeting, part: &Part) -> bool {
    part.form() == meeting.form()
        && match (part.start(), meeting.when()) {
            (Start::At(a), Start::At(b)) => a == b,
            (Start::Unknown, _) => true,
            _ => false,
        }
}

/// "a working meal", "a meeting", ...: a part's form as a noun phrase.
fn form_noun(form: MeetingForm) -> &'static str {
    match form {
        MeetingForm::Talk => "talks",
        MeetingForm::ShortInformalTalk => "a short informal talk",
        MeetingForm::CourtesyCall => "a courtesy call",
        MeetingForm::WorkingMeal => "a working meal",
        MeetingForm::Summit => "a summit meeting",
        _ => "a meeting",
    }
}

/// Whether the participant's text ends with an appositive that a comma
/// closes: a named person's title ("Yoko Kamikawa, Minister for Foreign
/// Affairs of Japan,") or where they took part from. Someone known by the
/// post alone ("the Foreign Secretary of the United Kingdom") is the
/// subject itself, with no comma after it.
fn ends_with_appositive(meeting: &Meeting, p: &Participant) -> bool {
    let titled = match p.who() {
        Who::Person(m) => !m.posts().is_empty() && m.name().is_some(),
        _ => false,
    };
    titled
        || p.calling_from().is_some()
        || (meeting.mode() == Mode::Hybrid && p.attendance() == Some(Attendance::Remote))
}

/// "the United States" for a short name that reads with an article.
fn short_name_in_sentence(name: &str) -> String {
    let article = [
        "United",
        "Republic",
        "Kingdom",
        "Netherlands",
        "Philippines",
        "Bahamas",
        "Gambia",
        "Czech",
        "Dominican",
        "Central",
        "Maldives",
        "Comoros",
        "Marshall",
        "Solomon",
        "Seychelles",
    ];
    if article.iter().any(|w| name.starts_with(w)) {
        format!("the {name}")
    } else {
        name.to_owned()
    }
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "attended the G7 Foreign Ministers' Meeting Session 1" (in the tense of
/// the status).
fn attended(meeting: &Meeting) -> String {
    let title = meeting.title();
    let headline = title.contains("'s ") || title.contains("\u{2019}s ");
    let mut what = if headline {
        // A headline about someone ("Secretary Blinken's Meeting with ..."),
        // not the name of an event: the kind of meeting instead.
        action_phrase(meeting.mode(), meeting.form()).to_owned()
    } else {
        match title.split_once(' ') {
            // "The G7 Foreign Ministers' Telephone Talk": the article in
            // the sentence's case.
            Some((first, rest)) if first.eq_ignore_ascii_case("the") => format!("the {rest}"),
            _ => format!("the {title}"),
        }
    };
    // The mode and form, unless a meeting in person: "attended the G7
    // Session 1, a video conference, together with ...".
    let held = action_phrase(meeting.mode(), meeting.form());
    // Unless the title says it already ("the G7 Foreign Ministers' Telephone
    // Talk", not "..., a telephone talk,").
    let kind = held.split_once(' ').map_or(held, |(_, rest)| rest);
    let said = title.to_lowercase().contains(&kind.to_lowercase());
    if !headline
        && !said
        && (meeting.mode(), meeting.form()) != (Mode::InPerson, MeetingForm::Meeting)
    {
        let _ = write!(what, ", {held},");
    }
    match meeting.status() {
        MeetingStatus::Scheduled => format!("will attend {what}"),
        MeetingStatus::Postponed | MeetingStatus::Cancelled => format!("was to attend {what}"),
        _ => format!("attended {what}"),
    }
}

/// The occasion with its article: "the APEC Ministerial Meeting".
fn occasion_phrase(meeting: &Meeting) -> Option<String> {
    let o = meeting.occasion()?.name().trim();
    if o.is_empty() {
        return None;
    }
    let has_article = o
        .split_whitespace()
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("the"));
    Some(if has_article {
        o.to_owned()
    } else {
        format!("the {o}")
    })
}

/// The verb phrase for the mode, form and status.
fn action(meeting: &Meeting) -> String {
    let (past, base, rest) = verb_parts(meeting.mode(), meeting.form());
    match meeting.status() {
        MeetingStatus::Scheduled => format!("will {base} {rest}"),
        MeetingStatus::Postponed | MeetingStatus::Cancelled => format!("was to {base} {rest}"),
        _ => format!("{past} {rest}"),
    }
}

/// The verb in the past, its base form and what follows, for a mode and a
/// form: every pair in words of its own, so that the reader
/// (`diplomeet::reader`) gives both back.
fn verb_parts(mode: Mode, form: MeetingForm) -> (&'static str, &'static str, &'static str) {
    match (mode, form) {
        (Mode::Telephone, MeetingForm::Meeting) => ("held", "hold", "a telephone meeting with"),
        (Mode::Telephone, MeetingForm::ShortInformalTalk) => {
            ("had", "have", "a short telephone talk with")
        }
        (Mode::Telephone, MeetingForm::CourtesyCall) => {
            ("held", "hold", "a telephone courtesy call with")
        }
        (Mode::Telephone, MeetingForm::WorkingMeal) => {
            ("held", "hold", "a working meal by telephone with")
        }
        (Mode::Telephone, MeetingForm::Summit) => ("held", "hold", "a summit telephone talk with"),
        (Mode::Telephone, _) => ("held", "hold", "a telephone talk with"),
        (Mode::Video, MeetingForm::Talk) => ("held", "hold", "a video talk with"),
        (Mode::Video, MeetingForm::ShortInformalTalk) => ("had", "have", "a short video talk with"),
        (Mode::Video, MeetingForm::CourtesyCall) => ("held", "hold", "a video courtesy call with"),
        (Mode::Video, MeetingForm::WorkingMeal) => {
            ("held", "hold", "a working meal by video conference with")
        }
        (Mode::Video, MeetingForm::Summit) => ("held", "hold", "a summit video conference with"),
        (Mode::Video, _) => ("held", "hold", "a video conference with"),
        (Mode::Hybrid, MeetingForm::Talk) => ("held", "hold", "hybrid talks with"),
        (Mode::Hybrid, MeetingForm::ShortInformalTalk) => {
            ("had", "have", "a short informal hybrid talk with")
        }
        (Mode::Hybrid, MeetingForm::CourtesyCall) => {
            ("held", "hold", "a hybrid courtesy call with")
        }
        (Mode::Hybrid, MeetingForm::WorkingMeal) => ("held", "hold", "a hybrid working meal with"),
        (Mode::Hybrid, MeetingForm::Summit) => ("held", "hold", "a hybrid summit meeting with"),
        (Mode::Hybrid, _) => ("held", "hold", "a hybrid meeting with"),
        // Remote, the channel not said ("spoke with"): a call, whatever its form.
        (Mode::Remote, _) => ("held", "hold", "a call with"),
        (_, MeetingForm::Talk) => ("held", "hold", "talks with"),
        (_, MeetingForm::ShortInformalTalk) => ("had", "have", "a short informal talk with"),
        (_, MeetingForm::CourtesyCall) => ("paid", "pay", "a courtesy call on"),
        (_, MeetingForm::WorkingMeal) => ("held", "hold", "a working meal with"),
        (_, MeetingForm::Summit) => ("held", "hold", "a summit meeting with"),
        (_, _) => ("held", "hold", "a meeting with"),
    }
}

/// What a session was, as a noun phrase ("a video conference", "a
/// telephone talk", "hybrid talks"): the words of [`verb_parts`] without
/// "with" or "on".
fn action_phrase(mode: Mode, form: MeetingForm) -> &'static str {
    let (_, _, rest) = verb_parts(mode, form);
    rest.strip_suffix(" with")
        .or_else(|| rest.strip_suffix(" on"))
        .unwrap_or(rest)
}

/// "A", "A, and B", "A, B, and C": each name carries its title after a
/// comma, so the last one is always set off by a comma too.
fn join_appositives(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}, and {last}", init.join(", ")),
    }
}

/// "A", "A and B", "A, B and C" for short forms, which carry no commas.
fn join_short(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// One item: its label and title on one line, then the paragraph of its
/// entries in order; an unlabelled item with no title is its paragraph
/// alone. Sub-items follow, each the same way.
fn item_text(meeting: &Meeting, item: &AgendaItem) -> String {
    let head = match (item.label(), item.title()) {
        (Some(l), Some(t)) => format!("{l} {t}"),
        (Some(l), None) => l.to_owned(),
        (None, Some(t)) => t.to_owned(),
        (None, None) => String::new(),
    };
    let sentences: Vec<String> = item
        .entries()
        .iter()
        .map(|e| entry_sentence(meeting, e))
        .collect();
    let body = sentences.join(" ");
    let mut out = match (head.is_empty(), body.is_empty(), item.title().is_some()) {
        (true, _, _) => body,
        (false, true, _) => head,
        (false, false, true) => format!("{head}\n{body}"),
        (false, false, false) => format!("{head} {body}"),
    };
    for sub in item.items() {
        out.push('\n');
        out.push_str(&item_text(meeting, sub));
    }
    out
}

/// One entry as a sentence: "Minister Kamikawa stated that ...", "The two
/// ministers concurred to ...", "Minister A and Minister B confirmed ...".
fn entry_sentence(meeting: &Meeting, e: &Entry) -> String {
    let who: Vec<&Participant> = e
        .who()
        .iter()
        .filter_map(|id| meeting.participant(id))
        .collect();
    let principals: Vec<&Participant> = meeting
        .participants()
        .iter()
        .filter(|p| p.is_principal())
        .collect();
    let everyone = e.is_mutual()
        && principals.len() >= 2
        && principals
            .iter()
            .all(|p| e.who().iter().any(|id| id == p.id()));
    let noun = if !who.is_empty()
        && who.iter().all(|p| {
            p.minister()
                .and_then(|m| m.posts().first())
                .is_some_and(|p| {
                    matches!(
                        p.portfolio(),
                        Portfolio::HeadOfState | Portfolio::HeadOfGovernment
                    )
                })
        }) {
        "leaders"
    } else {
        "ministers"
    };
    let subject = match (everyone, principals.len()) {
        (true, 2) => format!("The two {noun}"),
        (true, _) => format!("The {noun}"),
        (false, _) => {
            let names: Vec<String> = e
                .who()
                .iter()
                .map(|id| match meeting.participant(id) {
                    Some(p) => unambiguous_reference(meeting, p),
                    None => id.to_owned(),
                })
                .collect();
            join_short(&names)
        }
    };
    // A sentence starts with a capital ("The Foreign Minister stated ...").
    sentence(&capitalize(&format!(
        "{subject} {} {}",
        e.phrase(),
        e.text().trim()
    )))
}

/// Adds a full stop unless the text already ends a sentence (with `.`, `!`
/// or `?`): shared with the iCalendar `DESCRIPTION`.
pub(super) fn sentence(text: &str) -> String {
    let t = text.trim_end();
    if t.ends_with(['.', '!', '?']) {
        t.to_owned()
    } else {
        format!("{t}.")
    }
}

/// The short reference, unless another participant of the meeting has the
/// same one (two foreign ministers named only by their posts, two
/// ministers with one surname): then the longer one, "the Minister for
/// Foreign Affairs of Japan" for someone named only by the post, the post
/// and full name otherwise, so that a reader can tell who spoke.
fn unambiguous_reference(meeting: &Meeting, p: &Participant) -> String {
    let short = short_reference(p);
    let clash = meeting
        .participants()
        .iter()
        .any(|o| o.id() != p.id() && short_reference(o).eq_ignore_ascii_case(&short));
    if !clash {
        return short;
    }
    match p.minister() {
        Some(m) => match m.name() {
            None => format!("the {} of {}", m.title(), m.country().name()),
            Some(name) => format!("{} {name}", m.title()),
        },
        None => short,
    }
}

/// "Minister Kamikawa", "Secretary Blinken", "Prime Minister Kishida": the
/// post's title up to its first "of", "for", "to", "and" or comma, then the
/// name's short form. Just the short form when there is no title; the post
/// alone ("the Foreign Minister") for someone named only by it; a group's
/// name for a group.
fn short_reference(p: &Participant) -> String {
    let m = match p.who() {
        Who::Person(m) => m,
        Who::Group(g) => return g.name().to_owned(),
    };
    let title = m.title();
    let mut end = title.len();
    for marker in [" of ", " for ", " to ", " and ", ","] {
        if let Some(i) = title.find(marker) {
            end = end.min(i);
        }
    }
    let post = title.get(..end).unwrap_or(title).trim();
    let Some(name) = m.name() else {
        return format!("the {post}");
    };
    let name = name.short();
    if post.is_empty() {
        name.to_owned()
    } else {
        format!("{post} {name}")
    }
}

fn month_name(month: u32) -> &'static str {
    match month {
        1 => "January",
        2 => "February",
        3 => "March",
        4 => "April",
        5 => "May",
        6 => "June",
        7 => "July",
        8 => "August",
        9 => "September",
        10 => "October",
        11 => "November",
        _ => "December",
    }
}

fn month_day(date: NaiveDate) -> String {
    format!("{} {}", month_name(date.month()), date.day())
}

/// "4:00 p.m.", "12:00 p.m." (noon), "12:00 a.m." (midnight), "9:05 a.m.".
fn clock(t: NaiveTime) -> String {
    let (pm, h12) = t.hour12();
    format!(
        "{h12}:{:02} {}",
        t.minute(),
        if pm { "p.m." } else { "a.m." }
    )
}

/// The zone's abbreviation at that instant ("JST", "PST"), or its UTC
/// offset where the tz database has only a numeric one ("UTC-3",
/// "UTC+5:45").
fn zone_name(dt: &DateTime<Tz>) -> String {
    if let Some(a) = dt.offset().abbreviation() {
        if a.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return a.to_owned();
        }
    }
    let secs = dt.offset().fix().local_minus_utc();
    let sign = if secs < 0 { '-' } else { '+' };
    let abs = secs.unsigned_abs();
    let (h, m) = (abs / 3600, (abs % 3600) / 60);
    match (h, m) {
        (0, 0) => "UTC".to_owned(),
        (h, 0) => format!("UTC{sign}{h}"),
        (h, m) => format!("UTC{sign}{h}:{m:02}"),
    }
}

/// "30 minutes", "1 hour", "1 hour and 15 minutes", "2 hours, 5 minutes and
/// 30 seconds".
fn spell_duration(d: TimeDelta) -> String {
    let total = d.num_seconds().unsigned_abs();
    let (h, m, s) = (total / 3600, (total % 3600) / 60, total % 60);
    let unit = |n: u64, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let mut parts = Vec::new();
    if h > 0 {
        parts.push(unit(h, "hour", "hours"));
    }
    if m > 0 {
        parts.push(unit(m, "minute", "minutes"));
    }
    if s > 0 || parts.is_empty() {
        parts.push(unit(s, "second", "seconds"));
    }
    join_short(&parts)
}

/// A part's title in a sentence: "a working dinner" for "Working dinner" or
/// "Lunch" (a capital on the first word alone, as a heading writes it),
/// "the Japan-Canada Working Dinner" for a title with other capitals (a
/// name).
fn common_noun_phrase(title: &str) -> String {
    let title = title.trim();
    let mut chars = title.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let rest = chars.as_str();
    if rest.chars().any(char::is_uppercase) || !first.is_alphabetic() {
        return match title.split_once(' ') {
            Some((the, name)) if the.eq_ignore_ascii_case("the") => format!("the {name}"),
            _ => format!("the {title}"),
        };
    }
    let lower: String = first.to_lowercase().chain(rest.chars()).collect();
    let article = if lower.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {lower}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN)
    }

    #[test]
    fn clock_edges() {
        assert_eq!(clock(t(0, 0)), "12:00 a.m.");
        assert_eq!(clock(t(12, 0)), "12:00 p.m.");
        assert_eq!(clock(t(16, 30)), "4:30 p.m.");
        assert_eq!(clock(t(9, 5)), "9:05 a.m.");
        assert_eq!(clock(t(23, 59)), "11:59 p.m.");
    }

    #[test]
    fn durations() {
        let d = |s: i64| TimeDelta::try_seconds(s).unwrap_or_default();
        assert_eq!(spell_duration(d(1800)), "30 minutes");
        assert_eq!(spell_duration(d(60)), "1 minute");
        assert_eq!(spell_duration(d(3600)), "1 hour");
        assert_eq!(spell_duration(d(4500)), "1 hour and 15 minutes");
        assert_eq!(spell_duration(d(7530)), "2 hours, 5 minutes and 30 seconds");
        assert_eq!(spell_duration(d(45)), "45 seconds");
    }

    #[test]
    fn part_titles_read_as_common_nouns_unless_names() {
        assert_eq!(super::common_noun_phrase("Lunch"), "a lunch");
        assert_eq!(
            super::common_noun_phrase("Working dinner"),
            "a working dinner"
        );
        assert_eq!(
            super::common_noun_phrase("Official dinner"),
            "an official dinner"
        );
        assert_eq!(
            super::common_noun_phrase("Japan-Canada Working Dinner"),
            "the Japan-Canada Working Dinner"
        );
        assert_eq!(super::common_noun_phrase("The G7 Dinner"), "the G7 Dinner");
        assert_eq!(super::common_noun_phrase("  "), "");
    }
}
