//! The rules `build()` checks across a meeting's fields.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate, TimeDelta};
use chrono_tz::Tz;

use super::builder::{MeetingBuilder, PendingStart};
use super::local_time::Instants;
use super::{MAX_DURATION, Start, Venue};
use crate::error::{Collector, Detail, Error, echo, list_ids};
use crate::limits::Limits;
use crate::minister::Minister;
use crate::time::ZonedDateTime;

impl MeetingBuilder {
    /// The meeting's zone, start and instants, or the first thing wrong
    /// with them: the venue or zone for the mode, the start in that zone,
    /// the end (from a duration already found in range).
    pub(super) fn timing(&self, duration_ok: bool) -> Result<(Tz, Start, Option<Instants>), Error> {
        let zone = self.place()?;
        let start = self.resolve_start(zone).map_err(|e| e.within("start"))?;
        let instants = match &start {
            Start::At(z) => {
                let duration = self.duration.filter(|_| duration_ok);
                Some(Instants::of(z, duration).map_err(|e| e.within("duration"))?)
            }
            Start::On(_) => None,
        };
        Ok((zone, start, instants))
    }

    /// Mode against venue and zone: the meeting's zone.
    fn place(&self) -> Result<Tz, Error> {
        let mode = self.mode;
        let inconsistent =
            |path: &str, message: String| Error::new(Detail::Inconsistent(message)).within(path);
        match (&self.venue, mode.has_venue(), self.zone) {
            (Some(v), true, Some(z)) if z != v.zone() => Err(inconsistent(
                "zone",
                format!(
                    "zone {} differs from the venue's zone {}",
                    z.name(),
                    v.zone().name()
                ),
            )),
            (Some(v), true, _) => Ok(v.zone()),
            (None, true, _) => Err(inconsistent(
                "venue",
                format!(
                    "a meeting {} needs a venue",
                    mode.as_str().replace('_', " ")
                ),
            )),
            (Some(_), false, _) => Err(inconsistent(
                "venue",
                format!("a {mode} meeting has no venue: give the zone its time is stated in"),
            )),
            (None, false, Some(z)) => Ok(z),
            (None, false, None) => Err(inconsistent(
                "zone",
                format!("a {mode} meeting needs the zone its time is stated in"),
            )),
        }
    }

    fn resolve_start(&self, zone: Tz) -> Result<Start, Error> {
        match &self.start {
            PendingStart::Missing => Err(Error::new(Detail::Inconsistent(
                "a meeting needs a start (a time or a date)".into(),
            ))),
            // The reader's error already has its path.
            PendingStart::Unreadable(e) => Err(e.clone()),
            PendingStart::Date(d) => {
                if (0..=9999).contains(&d.year()) {
                    Ok(Start::On(*d))
                } else {
                    Err(Error::new(Detail::OutOfRange {
                        what: "year".to_owned(),
                        value: format!("{} (years run 0000 to 9999)", d.year()),
                    }))
                }
            }
            PendingStart::Civil(c) => ZonedDateTime::resolve(*c, zone, self.disambiguation)
                .map(Start::At)
                .map_err(Error::with_disambiguation_hint),
            PendingStart::Zoned(z) => {
                if z.zone() == zone {
                    z.check_year().map(|()| Start::At(*z))
                } else {
                    Err(Error::new(Detail::Inconsistent(format!(
                        "start {z} is not in the meeting's zone {}",
                        zone.name()
                    ))))
                }
            }
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
        let mut countries: HashSet<&str> = HashSet::with_capacity(n);
        let mut actors: std::collections::HashMap<&str, &crate::Country> =
            std::collections::HashMap::with_capacity(n + 1);
        if let Some(v) = self.venue.as_ref().map(Venue::country) {
            actors.insert(v.alpha2(), v);
        }
        let mut ids: HashSet<&str> = HashSet::with_capacity(n);
        let mut people: HashSet<(&crate::PersonName, &str)> = HashSet::with_capacity(n);
        for (i, m) in ps.iter().enumerate() {
            let c = m.country();
            countries.insert(c.alpha2());
            // One code, one actor: two different custom actors under the
            // same code could not be told apart in a document.
            match actors.get(c.alpha2()) {
                Some(seen) if *seen != c => out.push_at(
                    || format!("participants[{}].country", self.p_slot(i)),
                    Detail::Duplicate {
                        what: "country code for two different actors",
                        value: c.alpha2().to_owned(),
                    },
                ),
                Some(_) => {}
                None => {
                    actors.insert(c.alpha2(), c);
                }
            }
            if !ids.insert(m.id()) {
                out.push_at(
                    || format!("participants[{}].id", self.p_slot(i)),
                    Detail::Duplicate {
                        what: "participant id",
                        value: echo(m.id()),
                    },
                );
            } else if !people.insert((m.name(), c.alpha2())) {
                out.push_at(
                    || format!("participants[{}]", self.p_slot(i)),
                    Detail::Duplicate {
                        what: "participant",
                        value: echo(&m.name().to_string()),
                    },
                );
            }
        }
        if n >= 2 && countries.len() < 2 {
            out.push(
                "participants",
                Detail::TooFew {
                    what: "countries among the participants",
                    found: countries.len(),
                    needed: 2,
                },
            );
        }
    }

    pub(super) fn check_terms(&self, out: &mut Collector, date: NaiveDate) {
        for (i, m) in self.participants.iter().enumerate() {
            for (j, post) in m.posts_not_held_on(date) {
                out.push(
                    &format!("participants[{}].posts[{j}].term", self.p_slot(i)),
                    Detail::OutsideTerm {
                        who: m.name().to_string(),
                        post: post.title().to_owned(),
                        date: date.to_string(),
                        term: post.term().map(|t| t.to_string()).unwrap_or_default(),
                    },
                );
            }
        }
    }

    pub(super) fn check_agenda(&self, out: &mut Collector, l: &Limits) {
        let n = self.agenda.len();
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
        // A sorted list: binary search over a handful of ids beats hashing
        // each of the many references.
        let mut ids: Vec<&str> = self.participants.iter().map(Minister::id).collect();
        if let Some(unread) = &self.unread_ids {
            ids.extend(unread.iter().map(String::as_str));
        }
        ids.sort_unstable();
        // Agenda numbers, sorted with their positions: a repeat is reported at
        // every position after the first that holds it.
        let mut numbers: Vec<(u32, usize)> = self
            .agenda
            .iter()
            .enumerate()
            .map(|(i, item)| (item.number(), i))
            .collect();
        numbers.sort_unstable();
        let mut repeated: Vec<usize> = numbers
            .windows(2)
            .filter_map(|w| match w {
                [(a, _), (b, j)] if a == b => Some(*j),
                _ => None,
            })
            .collect();
        repeated.sort_unstable();
        let mut known: Option<String> = None;
        for (i, item) in self.agenda.iter().enumerate() {
            if repeated.binary_search(&i).is_ok() {
                out.push(
                    &format!("agenda[{}].number", self.a_slot(i)),
                    Detail::Duplicate {
                        what: "agenda number",
                        value: item.number().to_string(),
                    },
                );
            }
            if self.unread_ids.is_none() {
                continue;
            }
            for (place, id) in item.references() {
                if ids.binary_search(&id).is_err() {
                    let known = known.get_or_insert_with(|| {
                        list_ids(self.participants.iter().map(Minister::id))
                    });
                    out.push_at(
                        || format!("agenda[{}].{}", self.a_slot(i), place.path()),
                        Detail::UnknownParticipant {
                            what: place.what(),
                            id: echo(id),
                            known: known.clone(),
                        },
                    );
                }
            }
        }
    }
}
