//! Readouts in, meetings out: the [`Reader`] takes the plain text of one
//! readout (a title line, a date line, the body) and what the caller knows
//! (the publisher, hence its home zone; the publication date) and gives a
//! [`Reading`]: the [`Meeting`](crate::Meeting)s the text reports, built
//! through the public builders so that every rule of the model is checked,
//! with the provenance of every fact and every part of the text it could
//! not read. Feature `reader` (on by default).
//!
//! ```
//! use diplomeet::{Country, Mode};
//! use diplomeet::reader::Reader;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let text = "Japan-Chile Foreign Ministers' Meeting\n\
//!     \n\
//!     On November 13, commencing at 4:00 p.m. (local time; 9:00 a.m. on November 14 JST) \
//!     for approximately 30 minutes, Ms. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan, \
//!     who is visiting San Francisco, the United States of America, to attend the APEC \
//!     Ministerial Meeting, held a meeting with H.E. Mr. Alberto Leo van Klaveren Stork, \
//!     Minister of Foreign Affairs of the Republic of Chile.\n";
//! let reading = Reader::new(Country::from_code("JP")?)
//!     .published("2023-11-14".parse()?)
//!     .read(text)?;
//! let meeting = reading.meetings().first().ok_or("no meeting")?.meeting();
//! assert_eq!(meeting.mode(), Mode::InPerson);
//! assert_eq!(meeting.start()?.to_string(), "2023-11-13T16:00:00-08:00[America/Los_Angeles]");
//! assert_eq!(meeting.start_in(chrono_tz::Asia::Tokyo)?.to_rfc3339(), "2023-11-14T09:00:00+09:00");
//! let names: Vec<String> = meeting.ministers().filter_map(|m| m.name().map(|n| n.to_string())).collect();
//! assert_eq!(names, ["KAMIKAWA Yoko", "Alberto Leo van Klaveren Stork"]);
//! assert!(reading.warnings().is_empty());
//! # Ok(())
//! # }
//! ```
//!
//! # What it reads
//!
//! * **Japan's MOFA press releases** ([`Style::Mofa`]): the title naming the
//!   form and mode ("Telephone Talk", "Working Lunch", "Courtesy Call",
//!   "Summit Meeting"); the lead `On <date>, commencing at <time> (local
//!   time; <time> on <date>, Japan time) for approximately N minutes, Mr.
//!   SURNAME Given, <post>, held a ... with <honorific> <name>, <post> of
//!   <country>` in all its variants (local time only, Japan time only, no
//!   zone, "from ... to ...", "around", 24-hour clocks, "0:00 p.m.", a zone
//!   after the duration); numbered items and "(1)" sub-items; the closing
//!   notes, which are recognised and left out.
//! * **Prose readouts** ([`Style::Prose`]) of the U.S. Department of State,
//!   the UK FCDO and No 10, Global Affairs Canada, Singapore's MFA, India's
//!   MEA and others: unnumbered paragraphs, relative dates ("met today",
//!   "spoke yesterday"), posts before names ("Slovak Foreign Minister
//!   Káčer"), attributions and datelines (left out).
//! * **Several meetings on a page** (a minister's meetings of one day) give
//!   several meetings; a meeting followed by a working meal gives one
//!   meeting with parts.
//!
//! # Time
//!
//! A stated local time at a venue whose zone is known (from the gazetteer,
//! which knows that Bali is not on Jakarta's time) or a time on the
//! publisher's clock ("Japan time", "JST") becomes the start; the other
//! stated times are kept as [`stated_times`](crate::Meeting::stated_times)
//! and checked against it with
//! [`Meeting::check_stated_times`](crate::Meeting::check_stated_times): a
//! disagreement (a writer who assumed summer time) is a [`Warning`], not a
//! fix. Where the venue's town is unknown, its zone comes from the offset
//! between a stated local and a stated home time among its country's zones.
//! A time with no zone becomes a start only at a venue on the publisher's
//! own clock. Otherwise the start stays a date: the reader never gives a
//! start instant it cannot stand behind.
//!
//! # Provenance
//!
//! Every fact of a [`ReadMeeting`] is a [`Fact`]: its [`Field`], the byte
//! span of the words it rests on, whether it was [`Basis::Stated`] or
//! [`Basis::Inferred`], and the [`Rule`] that read it. Every sentence or
//! paragraph not read into a meeting is [`Unread`] with an
//! [`UnreadReason`], or [`Ignored`] as recognised boilerplate. Nothing is
//! dropped silently.
//!
//! # Costs
//!
//! Reading is linear in the text: it is segmented once, each sentence is
//! tokenized and read once, and every lookup (countries, places, verbs,
//! people already named) is a hash probe or a binary search, or a scan of
//! the participants (bounded by [`Limits::max_participants`]). The text is
//! refused beyond [`Limits::max_readout_bytes`] (1 MiB by default); items,
//! entries, participants and parts are bounded by their limits, and what
//! exceeds them is returned as [`Unread`] with
//! [`UnreadReason::OverLimit`].

mod build;
mod dates;
mod meetings;
mod people;
mod places;
mod result;
mod styles;
mod text;
mod timing;
mod verbs;

use std::io::Read as _;

use chrono::NaiveDate;
use chrono_tz::Tz;

pub use result::{
    Basis, Fact, Failure, Field, Ignored, IgnoredKind, ReadMeeting, Reading, Rule, Style, Unread,
    UnreadReason, Warning, WarningKind,
};

use crate::country::Country;
use crate::error::{Detail, Error};
use crate::limits::Limits;
use meetings::Ctx;
use result::{Basis as B, Field as F, Rule as R};
use text::LabelKind;

/// Reads readouts: what the caller knows about the publisher, and
/// [`read`](Reader::read).
///
/// ```
/// use diplomeet::Country;
/// use diplomeet::reader::Reader;
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let text = "Secretary Blinken’s Call with French Foreign Minister Colonna\n\n\n\
///     Secretary of State Antony J. Blinken spoke yesterday with French Foreign Minister \
///     Catherine Colonna.  They discussed ongoing support to the people of Ukraine.\n";
/// let reading = Reader::new(Country::from_code("US")?)
///     .published("2023-02-10".parse()?)
///     .read(text)?;
/// let m = reading.meetings().first().ok_or("no meeting")?.meeting();
/// assert_eq!(m.date().map(|d| d.to_string()).as_deref(), Some("2023-02-09"));
/// assert_eq!(m.mode(), diplomeet::Mode::Telephone);
/// assert_eq!(m.entries().count(), 1);
/// assert!(m.entries().all(|e| e.is_mutual()));
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct Reader {
    publisher: Country,
    published: Option<NaiveDate>,
    home_zone: Tz,
    limits: Limits,
    url: Option<String>,
    publisher_name: Option<String>,
}

impl Reader {
    /// A reader for readouts published by `publisher` (a government, or an
    /// organisation): its capital's zone is the home zone ("Japan time").
    pub fn new(publisher: Country) -> Reader {
        let home_zone = publisher.capital_zone();
        Reader {
            publisher,
            published: None,
            home_zone,
            limits: Limits::default(),
            url: None,
            publisher_name: None,
        }
    }

    /// The publication date: years of dates written without one, and
    /// relative dates ("today", "yesterday"), are resolved against it.
    /// Without it, the text's date line is used.
    #[must_use]
    pub fn published(mut self, date: NaiveDate) -> Reader {
        self.published = Some(date);
        self
    }

    /// The publisher's home zone, when not its capital's.
    #[must_use]
    pub fn home_zone(mut self, zone: Tz) -> Reader {
        self.home_zone = zone;
        self
    }

    /// The page's address and the publisher's name ("Ministry of Foreign
    /// Affairs of Japan"), recorded as each meeting's [`Source`](crate::Source).
    #[must_use]
    pub fn source(mut self, url: impl Into<String>, publisher_name: Option<String>) -> Reader {
        self.url = Some(url.into());
        self.publisher_name = publisher_name;
        self
    }

    /// The limits to read and build against (default: [`Limits::default`]).
    #[must_use]
    pub fn limits(mut self, limits: Limits) -> Reader {
        self.limits = limits;
        self
    }

    /// The publisher.
    pub fn publisher(&self) -> &Country {
        &self.publisher
    }

    /// Reads one readout.
    ///
    /// Costs time linear in the text (see the module docs).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::TooMany`](crate::ErrorKind::TooMany) for a text over
    /// [`Limits::max_readout_bytes`], [`ErrorKind::Empty`](crate::ErrorKind::Empty)
    /// for a text with nothing visible. Anything else is a [`Reading`]:
    /// possibly with no meeting, and with the parts it could not read.
    ///
    /// ```
    /// use diplomeet::{Country, ErrorKind, Limits};
    /// use diplomeet::reader::{Reader, UnreadReason};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let reader = Reader::new(Country::from_code("JP")?);
    /// assert_eq!(reader.read("  \n").unwrap_err().kind(), ErrorKind::Empty);
    /// let small = reader.clone().limits(Limits::default().with_max_readout_bytes(10));
    /// assert_eq!(small.read("more than ten bytes").unwrap_err().kind(), ErrorKind::TooMany);
    /// let r = reader.read("A title\n\nThe weather was fine.\n")?;
    /// assert!(r.meetings().is_empty());
    /// assert_eq!(r.unread().first().map(|u| u.reason()), Some(UnreadReason::BeforeMeeting));
    /// # Ok(())
    /// # }
    /// ```
    pub fn read(&self, text: &str) -> Result<Reading, Error> {
        let max = self.limits.max_readout_bytes();
        if text.len() > max {
            return Err(Error::new(Detail::TooMany {
                what: "bytes in the readout",
                count: text.len(),
                limit: max,
                limit_name: "max_readout_bytes",
            }));
        }
        if text
            .chars()
            .all(|c| c.is_whitespace() || text::is_invisible(c))
        {
            return Err(Error::new(Detail::Empty { what: "readout" }));
        }
        Ok(self.run(text))
    }

    /// Reads one readout from bytes, which must be UTF-8.
    ///
    /// # Errors
    ///
    /// As [`read`](Reader::read), and
    /// [`ErrorKind::InvalidValue`](crate::ErrorKind::InvalidValue) naming
    /// the byte where the text stops being UTF-8.
    pub fn read_bytes(&self, bytes: &[u8]) -> Result<Reading, Error> {
        let max = self.limits.max_readout_bytes();
        if bytes.len() > max {
            return Err(Error::new(Detail::TooMany {
                what: "bytes in the readout",
                count: bytes.len(),
                limit: max,
                limit_name: "max_readout_bytes",
            }));
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => self.read(text),
            Err(e) => Err(Error::new(Detail::InvalidValue {
                what: "readout",
                value: format!("{} bytes", bytes.len()),
                reason: format!("not UTF-8 text from byte {}", e.valid_up_to()),
            })),
        }
    }

    /// Reads one readout from a [`Read`](std::io::Read)er, at most
    /// [`Limits::max_readout_bytes`] and one more byte of it.
    ///
    /// # Errors
    ///
    /// As [`read_bytes`](Reader::read_bytes), and an
    /// [`ErrorKind::Io`](crate::ErrorKind::Io) error when reading fails.
    pub fn read_from<R: std::io::Read>(&self, reader: R) -> Result<Reading, Error> {
        let max = self.limits.max_readout_bytes();
        let cap = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
        let mut bytes = Vec::new();
        if let Err(e) = reader.take(cap).read_to_end(&mut bytes) {
            return Err(Error::io("could not read the readout", e));
        }
        self.read_bytes(&bytes)
    }

    fn run(&self, text: &str) -> Reading {
        let mut doc = text::segment(text);
        // A text that is one paragraph with no title: it is the body.
        if doc.blocks.is_empty() {
            if let Some(t) = doc.title.take() {
                doc.blocks.push(text::Block {
                    sp: t,
                    label: None,
                    heading: None,
                    body: t,
                    para: 0,
                });
            }
        }
        let title = styles::read_title(text, doc.title);
        let mut ctx = Ctx {
            text,
            home: timing::Home {
                country: self.publisher.clone(),
                zone: self.home_zone,
            },
            published: self.published,
            title,
            persons: Vec::new(),
            drafts: Vec::new(),
            current: None,
            unread: Vec::new(),
            ignored: Vec::new(),
            para_place: None,
            max_participants: self.limits.max_participants(),
            page_relative: None,
            split_list: false,
            pending_unknown: Vec::new(),
            has_source: self.url.is_some(),
            alias: Vec::new(),
            remote: Vec::new(),
            subject_place: None,
        };
        let mut published_fact: Option<Fact> = None;
        // The date line.
        if let Some(dl) = doc.date_line {
            let toks = text::tokenize(text.get(dl.range()).unwrap_or_default(), dl.start);
            match dates::dates(&toks)
                .into_iter()
                .find(|d| d.value.year.is_some() && d.value.day.is_some())
            {
                Some(d) => {
                    let date = d.value.resolve(None).map(|(x, _)| x);
                    if ctx.published.is_none() {
                        ctx.published = date;
                    }
                    if let Some(date) = date {
                        published_fact = Some(Fact {
                            field: F::Published,
                            span: people::span(&toks, d.from, d.to).range(),
                            basis: B::Stated,
                            rule: R::DateLine,
                            value: date.to_string(),
                        });
                    }
                    ctx.ignored.push((dl, IgnoredKind::Dateline));
                }
                None => ctx.unread.push((dl, UnreadReason::NoDate)),
            }
        }
        // The title's people, known before the body names them.
        let title_people = ctx.title.people.clone();
        for p in title_people {
            ctx.person(p, R::Mention);
        }
        let top = doc
            .blocks
            .iter()
            .find_map(|b| b.label.map(|l| l.kind))
            .unwrap_or(LabelKind::Dot);
        let mut numbered = false;
        let blocks = doc.blocks.clone();
        for (bi, block) in blocks.iter().enumerate() {
            if let Some(kind) = styles::block_boilerplate(text, block.sp) {
                ctx.ignored.push((block.sp, kind));
                continue;
            }
            if styles::foreign_script(text.get(block.sp.range()).unwrap_or_default()) {
                ctx.unread.push((block.sp, UnreadReason::Language));
                continue;
            }
            let mut item_open = false;
            if block.label.is_some() && ctx.current.is_some() {
                ctx.open_item(block, bi, top);
                item_open = true;
                numbered = true;
            }
            for s in text::sentences(text, block.body) {
                if let Some(kind) = styles::sentence_boilerplate(text, s.sp) {
                    ctx.ignored.push((s.sp, kind));
                    continue;
                }
                if ctx.status_sentence(&s)
                    || ctx.part_sentence(&s)
                    || ctx.attended_by_sentence(&s)
                    || ctx.attendees_sentence(&s)
                    || ctx.visit_sentence(&s)
                {
                    continue;
                }
                let before = ctx.drafts.len();
                if let Some(di) = ctx.meeting_sentence(&s, block, bi) {
                    if di == usize::MAX {
                        continue;
                    }
                    if ctx.page_relative.is_none() && before == 0 {
                        ctx.page_relative =
                            ctx.drafts.get(di).and_then(|d| d.clause.relative.clone());
                    }
                    if block.label.is_some() && !item_open {
                        ctx.open_item(block, bi, top);
                        item_open = true;
                        numbered = true;
                    }
                    continue;
                }
                if ctx.current.is_none() {
                    ctx.unread.push((s.sp, UnreadReason::BeforeMeeting));
                    continue;
                }
                let n = ctx.content_sentence(&s, block, bi);
                if n == 0 {
                    let has_verb = s
                        .toks
                        .iter()
                        .enumerate()
                        .any(|(i, _)| verbs::verb_at(&s.toks, i).is_some());
                    ctx.unread.push((
                        s.sp,
                        if has_verb {
                            UnreadReason::NoSubject
                        } else {
                            UnreadReason::NoVerb
                        },
                    ));
                }
            }
        }
        // A meeting only the title names ("... during his meeting with ...").
        if ctx.drafts.is_empty() && ctx.title.names_meeting {
            title_meeting(&mut ctx);
        }
        for sp in std::mem::take(&mut ctx.pending_unknown) {
            ctx.unread.push((sp, UnreadReason::UnknownParty));
        }
        let style = if numbered
            && ctx
                .drafts
                .first()
                .is_some_and(|d| !d.clause.clocks.is_empty() || d.clause.duration.is_some())
            || ctx
                .drafts
                .first()
                .is_some_and(|d| d.clause.duration.is_some() && d.clause.date.is_some())
        {
            Style::Mofa
        } else {
            Style::Prose
        };
        let built = build::build_all(&mut ctx, self);
        let mut meetings = built.meetings;
        if let Some(f) = published_fact {
            for m in &mut meetings {
                m.facts.insert(0, f.clone());
            }
        }
        let mut unread: Vec<Unread> = ctx
            .unread
            .iter()
            .chain(built.unread.iter())
            .map(|(sp, reason)| Unread {
                span: sp.range(),
                reason: *reason,
            })
            .collect();
        unread.sort_by_key(|u| (u.span.start, u.span.end));
        unread.dedup();
        let mut ignored: Vec<Ignored> = ctx
            .ignored
            .iter()
            .map(|(sp, kind)| Ignored {
                span: sp.range(),
                kind: *kind,
            })
            .collect();
        ignored.sort_by_key(|i| (i.span.start, i.span.end));
        let mut warnings = built.warnings;
        warnings.sort_by_key(|w| (w.span.start, w.span.end));
        Reading {
            style,
            meetings,
            failures: built.failures,
            unread,
            ignored,
            warnings,
        }
    }
}

/// A meeting from the title alone, when the body names none: the people
/// the title names, its date.
fn title_meeting(ctx: &mut Ctx<'_>) {
    if ctx.persons.len() < 2 {
        return;
    }
    let sp = ctx.title.sp.unwrap_or_default();
    let members = (0..ctx.persons.len().min(ctx.max_participants))
        .map(|p| meetings::Member {
            person: p,
            host: false,
            attendee: false,
            remote: false,
            calling_from: None,
        })
        .collect();
    let clause = timing::TimeClause {
        date: ctx.title.date,
        ..timing::TimeClause::default()
    };
    let mode = ctx.title.mode.map(|(m, sp)| (m, sp, R::TitleWords));
    let form = ctx.title.form.map(|(f, sp)| (f, sp, R::TitleWords));
    let mut d = meetings::Draft {
        sp,
        facts: Vec::new(),
        title: None,
        mode,
        form,
        status: crate::meeting::MeetingStatus::Held,
        members,
        clause,
        venue: None,
        occasion: None,
        items: Vec::new(),
        parts: Vec::new(),
        last_single: None,
    };
    d.fact(F::Participant, sp, B::Stated, R::TitleWords, "title");
    ctx.drafts.push(d);
}
