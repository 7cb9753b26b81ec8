//! The rules `build()` checks across a meeting's fields.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, TimeDelta};
use chrono_tz::Tz;

use super::builder::{MeetingBuilder, PendingStart};
use super::local_time::Instants;
use super::{MAX_DURATION, Meeting, Part, Participant, Start, Who};
use crate::country::Country;
use crate::error::{Collector, Detail, Error, echo, list_ids};
use crate::limits::{Limits, TextClass};
use crate::minister::check_id;
use crate::time::ZonedDateTime;

use super::start::year_out_of_range;

/// Participant ids to look references up in: a scan of a few (the usual
/// meeting), a hash set of many; linear either way.
enum Ids<'a> {
    Few(Vec<&'a str>),
    Many(HashSet<&'a str>),
}

impl Ids<'_> {
    /// Up to how many ids a scan beats hashing.
    const FEW: usize = 16;

    fn contains(&self, id: &str) -> bool {
        match self {
            Ids::Few(ids) => ids.contains(&id),
            Ids::Many(ids) => ids.contains(id),
        }
    }
}

fn inconsistent(path: &str, message: String) -> Error {
    Error::new(Detail::Inconsistent(message)).within(path)
}

impl MeetingBuilder {
    /// Builds, adding this builder's violations to those already in `out`
    /// (the JSON reader's).
    pub(crate) fn build_collecting(mut self, mut out: Collector) -> Result<Meeting, Error> {
        let l = self.limits;
        l.check_text(&mut out, "title", "title", TextClass::Title, &self.title);
        if let Some(o) = &self.occasion {
            let mut inner = Collector::for_limits(&l);
            o.check(&l, &mut inner);
            if let Err(e) = inner.finish() {
                out.absorb("occasion", e);
            }
        }
        let duration_ok = self.check_duration(&mut out);
        if !self.partial {
            self.check_participants(&mut out, &l);
        }
        let timing = self.timing(duration_ok);
        if let Ok((_, start, _)) = &timing {
            if let Some(date) = start.date() {
                self.check_terms(&mut out, date);
            }
            self.check_start_facts(&mut out, start);
            self.check_reported_after(&mut out, start);
        }
        self.check_agenda(&mut out, &l);
        self.check_sources(&mut out, &l);
        l.check_list(
            &mut out,
            "stated_times",
            "stated times",
            self.stated_times.len(),
        );
        for (i, s) in self.stated_times.iter().enumerate().take(l.max_list_len()) {
            if let Some(text) = s.text() {
                l.check_text_at(
                    &mut out,
                    || format!("stated_times[{i}].text"),
                    "stated time text",
                    TextClass::Name,
                    text,
                );
            }
        }
        if let Some(id) = &self.id {
            check_id(&l, &mut out, || "id".to_owned(), id);
        }
        let zone = timing.as_ref().ok().and_then(|(z, _, _)| *z);
        let start_time = timing.as_ref().ok().and_then(|(_, s, _)| s.time().copied());
        self.check_parts(&mut out, &l, zone, start_time);
        let built = timing.map(|(zone, start, instants)| {
            let mut m = Meeting {
                id: String::new(),
                title: self.title,
                title_basis: self.title_basis,
                mode: self.mode,
                form: self.form,
                venue: self.venue,
                zone,
                zone_basis: self.zone_basis,
                occasion: self.occasion,
                start,
                start_approximate: self.start_approximate,
                date_basis: self.date_basis,
                stated_times: self.stated_times,
                duration: self.duration,
                duration_approximate: self.duration_approximate,
                participants: self.participants,
                agenda: self.agenda,
                parts: self.parts,
                status: self.status,
                sources: self.sources,
                instants,
            };
            m.id = match self.id {
                Some(id) => id,
                None => super::id::derive(&m, l.max_name_len()),
            };
            m
        });
        out.finish_with(built)
    }

    /// The meeting's zone (if any), start and instants, or the first thing
    /// wrong with them: the venue or zone for the mode, the start in that
    /// zone, the end (from a duration already found in range).
    pub(super) fn timing(
        &self,
        duration_ok: bool,
    ) -> Result<(Option<Tz>, Start, Option<Instants>), Error> {
        let zone = self.place()?;
        let start = self.resolve_start(zone)?;
        let instants = match &start {
            Start::At(z) => {
                let duration = self.duration.filter(|_| duration_ok);
                Some(Instants::of(z, duration).map_err(|e| e.within("duration"))?)
            }
            _ => None,
        };
        Ok((zone, start, instants))
    }

    /// Mode against venue and zone: the meeting's zone, if one is known.
    fn place(&self) -> Result<Option<Tz>, Error> {
        let mode = self.mode;
        match (&self.venue, mode.has_venue(), self.zone) {
            (Some(v), true, Some(z)) if z != v.zone() => Err(inconsistent(
                "zone",
                format!(
                    "zone {} differs from the venue's zone {}",
                    z.name(),
                    v.zone().name()
                ),
            )),
            (Some(v), true, _) => Ok(Some(v.zone())),
            (Some(_), false, _) => Err(inconsistent(
                "venue",
                format!("a {mode} meeting has no venue: give the zone its time is stated in"),
            )),
            (None, _, z) => Ok(z),
        }
    }

    fn resolve_start(&self, zone: Option<Tz>) -> Result<Start, Error> {
        let needs_zone = || {
            inconsistent(
                "start",
                "a time of day needs a zone: give the venue, or the zone the time is stated in"
                    .into(),
            )
        };
        match (&self.start, zone) {
            (PendingStart::Unknown, _) => Ok(Start::Unknown),
            // The reader's error already has its path.
            (PendingStart::Unreadable(e), _) => Err(e.clone()),
            (PendingStart::Date(d), _) => Start::checked_date(*d).map_err(|e| e.within("start")),
            (PendingStart::Month(year, month), _) => {
                Start::checked_month(*year, *month).map_err(|e| e.within("start"))
            }
            (PendingStart::Civil(c), Some(z)) => ZonedDateTime::resolve(*c, z, self.disambiguation)
                .map(Start::At)
                .map_err(|e| e.with_disambiguation_hint().within("start")),
            (PendingStart::Zoned(t), Some(z)) => {
                if t.zone() == z {
                    t.check_year()
                        .map(|()| Start::At(*t))
                        .map_err(|e| e.within("start"))
                } else {
                    Err(inconsistent(
                        "start",
                        format!("start {t} is not in the meeting's zone {}", z.name()),
                    ))
                }
            }
            (PendingStart::Civil(_), None) => Err(needs_zone()),
            // A resolved time brings its zone: it becomes the meeting's, as
            // for a remote meeting stated in that zone.
            (PendingStart::Zoned(t), None) if self.venue.is_none() => t
                .check_year()
                .map(|()| Start::At(*t))
                .map_err(|e| e.within("start")),
            (PendingStart::Zoned(_), None) => Err(needs_zone()),
        }
    }

    /// The duration against its range; whether it is usable (absent or in
    /// range).
    pub(super) fn check_duration(&self, out: &mut Collector) -> bool {
        let Some(d) = self.duration else {
            if self.duration_approximate {
                out.push(
                    "duration_approximate",
                    Detail::Inconsistent("an approximate duration needs a duration".into()),
                );
            }
            return true;
        };
        if d <= TimeDelta::zero() || d > MAX_DURATION {
            out.push(
                "duration",
                Detail::DurationOutOfRange {
                    value: crate::time::format_duration(d),
                    reason: format!(
                        "a meeting lasts more than zero and at most {} hours",
                        MAX_DURATION.num_hours()
                    ),
                },
            );
            return false;
        }
        true
    }

    /// The facts about the start that depend on what it is: an approximate
    /// start needs a time, a date basis needs a date and a publication date
    /// within the years documents write.
    fn check_start_facts(&self, out: &mut Collector, start: &Start) {
        if self.start_approximate && start.time().is_none() {
            out.push(
                "start_approximate",
                Detail::Inconsistent("an approximate start needs a time of day".into()),
            );
        }
        let published = self.date_basis.check(&self.limits, out, "date_basis");
        if published.is_some() && start.date().is_none() {
            out.push(
                "date_basis",
                Detail::Inconsistent("a date resolved against the publication needs a date".into()),
            );
        }
    }

    pub(super) fn check_participants(&self, out: &mut Collector, l: &Limits) {
        let n = self.participants.len();
        l.check_count(
            out,
            "participants",
            "participants",
            n,
            l.max_participants(),
            "max_participants",
        );
        if n > l.max_participants() {
            return;
        }
        if n < 2 {
            out.push(
                "participants",
                Detail::TooFew {
                    what: "participants",
                    found: n,
                    needed: 2,
                },
            );
        }
        // Hash sets: linear in the participants, whatever the limit is
        // raised to.
        let ps = &self.participants;
        // Parties and actors are few (the countries), ids and people many.
        let mut parties: HashSet<&str> = HashSet::new();
        let mut actors: HashMap<&str, &Country> = HashMap::new();
        if let Some(v) = self.venue.as_ref().map(super::Venue::country) {
            actors.insert(v.code(), v);
        }
        let mut ids: HashSet<&str> = HashSet::with_capacity(n);
        let mut people: HashSet<(&crate::PersonName, &str)> = HashSet::with_capacity(n);
        for (i, p) in ps.iter().enumerate() {
            for c in p.parties() {
                parties.insert(c.code());
                // One code, one actor: two different custom actors under the
                // same code could not be told apart in a document.
                match actors.get(c.code()) {
                    Some(seen) if *seen != c => out.push_at(
                        || format!("participants[{}].country", self.p_slot(i)),
                        Detail::Duplicate {
                            what: "country code for two different actors",
                            value: c.code().to_owned(),
                        },
                    ),
                    Some(_) => {}
                    None => {
                        actors.insert(c.code(), c);
                    }
                }
            }
            if !ids.insert(p.id()) {
                out.push_at(
                    || format!("participants[{}].id", self.p_slot(i)),
                    Detail::Duplicate {
                        what: "participant id",
                        value: echo(p.id()),
                    },
                );
            } else if let Who::Person(m) = p.who() {
                if let Some(name) = m.name() {
                    if !people.insert((name, m.country().code())) {
                        out.push_at(
                            || format!("participants[{}]", self.p_slot(i)),
                            Detail::Duplicate {
                                what: "participant",
                                value: echo(&name.to_string()),
                            },
                        );
                    }
                }
            }
        }
        if n >= 2 && parties.len() < 2 {
            out.push(
                "participants",
                Detail::TooFew {
                    what: "countries or organisations among the participants",
                    found: parties.len(),
                    needed: 2,
                },
            );
        }
        if let Some(v) = self.occasion.as_ref().and_then(|o| o.visitor()) {
            if !ids.contains(v)
                && self
                    .unread_ids
                    .as_ref()
                    .is_some_and(|u| !u.iter().any(|x| x == v))
            {
                out.push(
                    "occasion.visitor",
                    Detail::UnknownParticipant {
                        what: "visitor",
                        id: echo(v),
                        known: list_ids(ps.iter().map(Participant::id)),
                    },
                );
            }
        }
    }

    pub(super) fn check_terms(&self, out: &mut Collector, date: NaiveDate) {
        for (i, p) in self.participants.iter().enumerate() {
            let Some(m) = p.minister() else { continue };
            for (j, post) in m.posts_not_held_on(date) {
                out.push(
                    &format!("participants[{}].posts[{j}].term", self.p_slot(i)),
                    Detail::OutsideTerm {
                        who: m.to_string(),
                        post: post.title().to_owned(),
                        date: date.to_string(),
                        term: post.term().map(|t| t.to_string()).unwrap_or_default(),
                    },
                );
            }
        }
    }

    /// The ids references may name: the participants', and those the
    /// reader could not read; `None` when references are not checked.
    fn known_ids(&self) -> Option<Ids<'_>> {
        let unread = self.unread_ids.as_ref()?;
        let ids: Vec<&str> = self
            .participants
            .iter()
            .map(Participant::id)
            .chain(unread.iter().map(String::as_str))
            .collect();
        Some(if ids.len() <= Ids::FEW {
            Ids::Few(ids)
        } else {
            Ids::Many(ids.into_iter().collect())
        })
    }

    pub(super) fn check_agenda(&self, out: &mut Collector, l: &Limits) {
        // Every item counts, sub-items included.
        let n = self
            .agenda
            .iter()
            .map(|i| i.sub_items().saturating_add(1))
            .fold(0, usize::saturating_add);
        l.check_count(
            out,
            "agenda",
            "agenda items",
            n,
            l.max_agenda_items(),
            "max_agenda_items",
        );
        if n > l.max_agenda_items() {
            return;
        }
        let Some(ids) = self.known_ids() else {
            return;
        };
        let mut known: Option<String> = None;
        for (i, item) in self.agenda.iter().enumerate() {
            item.each_entry(&mut |path, e| {
                for (j, id) in e.who().iter().enumerate() {
                    if !ids.contains(id) {
                        let known = known.get_or_insert_with(|| {
                            list_ids(self.participants.iter().map(Participant::id))
                        });
                        out.push_at(
                            || format!("agenda[{}].{}.who[{j}]", self.a_slot(i), path()),
                            Detail::UnknownParticipant {
                                what: "participant",
                                id: echo(id),
                                known: known.clone(),
                            },
                        );
                    }
                }
                if let Some(s) = e.source() {
                    if s >= self.sources.len() {
                        out.push_at(
                            || format!("agenda[{}].{}.source", self.a_slot(i), path()),
                            Detail::UnknownSource {
                                index: s,
                                count: self.sources.len(),
                            },
                        );
                    }
                }
            });
        }
    }

    /// A held meeting is reported after it happened: a source published
    /// more than a day before the meeting's date (a day of slack for the
    /// date line: a call at 09:00 in Tokyo is the evening before in
    /// Washington) contradicts the status.
    fn check_reported_after(&self, out: &mut Collector, start: &Start) {
        if self.status != super::MeetingStatus::Held {
            return;
        }
        let Some(date) = start.date() else { return };
        for (i, s) in self.sources.iter().enumerate() {
            let Some(published) = s.publication_date() else {
                continue;
            };
            if published.succ_opt().is_some_and(|next| next < date) {
                out.push_at(
                    || format!("sources[{i}].published"),
                    Detail::Inconsistent(format!(
                        "the source is published on {published}, before the meeting's date \
                         {date}, yet the meeting is held: a meeting announced in advance has \
                         status scheduled"
                    )),
                );
            }
        }
    }

    fn check_sources(&self, out: &mut Collector, l: &Limits) {
        l.check_list(out, "sources", "sources", self.sources.len());
        for (i, s) in self.sources.iter().enumerate().take(l.max_list_len()) {
            if s.is_published_inferred() && s.publication_date().is_none() {
                out.push_at(
                    || format!("sources[{i}].published_inferred"),
                    Detail::Inconsistent(
                        "an inferred publication date needs the date: set published".into(),
                    ),
                );
            }
            if s.original_url() == Some(s.url()) {
                out.push_at(
                    || format!("sources[{i}].original_url"),
                    Detail::Inconsistent(format!(
                        "the original of a republished copy is another page than the copy \
                         ({}); leave original_url out when the page read is the original",
                        echo(s.url())
                    )),
                );
            }
            for (field, date) in [
                ("published", s.publication_date()),
                ("reported_date", s.reported_date()),
            ] {
                if let Some(d) = date.and_then(year_out_of_range) {
                    out.push_at(|| format!("sources[{i}].{field}"), d);
                }
            }
        }
    }

    /// Parts: within the count limit; each one's start resolved in the
    /// meeting's zone, not before the meeting's start, in order; their
    /// participants the meeting's.
    fn check_parts(
        &mut self,
        out: &mut Collector,
        l: &Limits,
        zone: Option<Tz>,
        start: Option<ZonedDateTime>,
    ) {
        l.check_count(
            out,
            "parts",
            "parts",
            self.parts.len(),
            l.max_parts(),
            "max_parts",
        );
        if self.parts.len() > l.max_parts() {
            return;
        }
        let mut parts = std::mem::take(&mut self.parts);
        let ids = self.known_ids();
        let policy = self.disambiguation;
        let mut previous: Option<ZonedDateTime> = None;
        for (i, part) in parts.iter_mut().enumerate() {
            let mut inner = Collector::for_limits(l);
            part.resolve(zone, policy, l, &mut inner);
            if let Err(e) = inner.finish() {
                out.absorb(&format!("parts[{i}]"), e);
            }
            check_part(
                out,
                i,
                part,
                ids.as_ref(),
                start.as_ref(),
                previous.as_ref(),
            );
            if let Some(t) = part.start().time() {
                previous = Some(*t);
            }
        }
        drop(ids);
        self.parts = parts;
    }
}

fn check_part(
    out: &mut Collector,
    i: usize,
    part: &Part,
    ids: Option<&Ids<'_>>,
    meeting_start: Option<&ZonedDateTime>,
    previous: Option<&ZonedDateTime>,
) {
    if let Some(ids) = ids {
        for (j, id) in part.participants().iter().enumerate() {
            if !ids.contains(id) {
                out.push_at(
                    || format!("parts[{i}].participants[{j}]"),
                    Detail::UnknownReference {
                        what: "participant of a part",
                        id: echo(id),
                    },
                );
            }
        }
    }
    let Some(t) = part.start().time() else { return };
    if let Some(m) = meeting_start {
        if t.instant() < m.instant() {
            out.push_at(
                || format!("parts[{i}].start"),
                Detail::Inconsistent(format!(
                    "the part starts at {t}, before the meeting's start {m}"
                )),
            );
        }
    }
    if let Some(p) = previous {
        if t.instant() < p.instant() {
            out.push_at(
                || format!("parts[{i}].start"),
                Detail::Inconsistent(format!(
                    "the part starts at {t}, before the part before it ({p}): parts are in order"
                )),
            );
        }
    }
}
