//! [`Event::to_meeting`]: an event that [`to_ics`](crate::export::to_ics)
//! wrote, read back as the [`Meeting`] it came from.

use chrono::TimeDelta;
use chrono_tz::Tz;

use super::event::{End, Event, When, ZoneRef};
use crate::country::Country;
use crate::error::{Collector, Detail, Error, echo};
use crate::meeting::{Meeting, MeetingStatus, Mode, Occasion, OccasionRelation, Source, Venue};
use crate::minister::Minister;
use crate::time::{Disambiguation, ZonedDateTime};

use super::event::EventStatus;

/// Where the meeting was, as `LOCATION` says.
enum Place {
    Remote(Mode),
    Venue(Mode, Venue),
}

fn place(location: &str) -> Result<Place, Error> {
    match location {
        "By telephone" => return Ok(Place::Remote(Mode::Telephone)),
        "By video conference" => return Ok(Place::Remote(Mode::Video)),
        "Remotely" => return Ok(Place::Remote(Mode::Remote)),
        _ => {}
    }
    let (text, mode) = match location.strip_suffix(", and remotely") {
        Some(t) => (t, Mode::Hybrid),
        None => (location, Mode::InPerson),
    };
    let bad = |reason: &str| {
        Error::new(Detail::InvalidValue {
            what: "LOCATION",
            value: echo(location),
            reason: reason.to_owned(),
        })
    };
    let (venue, country_name) = text
        .rsplit_once(", ")
        .ok_or_else(|| bad("expected \"place, country\" as this crate writes it"))?;
    let country = Country::all()
        .find(|c| c.name() == country_name)
        .ok_or_else(|| bad("the country is not one of the built-in countries' names"))?;
    // The zone is set later, from DTSTART; the capital's zone checks the
    // place and country for now.
    let zone = country.capital_zone();
    Ok(Place::Venue(mode, Venue::new(venue, country, zone)?))
}

impl Event {
    /// Reads back, as a [`Meeting`], an event that
    /// [`to_ics`](crate::export::to_ics) wrote: the title (`SUMMARY`), the
    /// mode and venue (`LOCATION`), the start in its zone (`DTSTART`), the
    /// duration and whether it is approximate, the occasion, the status and
    /// the first source; the participants are the attendees
    /// `urn:diplomeet:participant:<id>`, each found with `minister` (the
    /// file has their ids and names, not their posts).
    ///
    /// The agenda, which the export writes as prose, is not read back; a
    /// held meeting comes back as scheduled (both are `CONFIRMED`); a
    /// telephone or video meeting whose start the export wrote in UTC (the
    /// second 01:30 of a fold) comes back at the same instant in a
    /// participant's home zone, since the file does not name its zone. So an
    /// export then an import give the same instants, duration, title and
    /// `UID` (the `UID` is computed again and checked: where the file
    /// leaves a choice, such as the zone of a telephone call written in
    /// UTC, the one that gives the event's `UID` is taken).
    ///
    /// Cost: linear in the event's attendees, plus one call to `minister`
    /// each and a scan of the built-in countries.
    ///
    /// # Errors
    ///
    /// [`Empty`](crate::ErrorKind::Empty) when there is no `SUMMARY` (a
    /// private event has none);
    /// [`UnknownReference`](crate::ErrorKind::UnknownReference) for each
    /// attendee `minister` does not know;
    /// [`InvalidValue`](crate::ErrorKind::InvalidValue) for a `LOCATION`
    /// this crate did not write;
    /// [`Inconsistent`](crate::ErrorKind::Inconsistent) for a recurring
    /// event or an override (one meeting is one event), or a start in a
    /// zone only the file defines; and whatever
    /// [`MeetingBuilder::build`](crate::MeetingBuilder::build) finds (fewer
    /// than two participants from two countries, say).
    ///
    /// ```
    /// use chrono::{TimeDelta, TimeZone, Utc};
    /// use diplomeet::export::to_ics;
    /// use diplomeet::ical::IcsCalendar;
    /// use diplomeet::{Country, Meeting, Minister, PersonName, Portfolio, Post, Venue};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let minister = |given: &str, surname: &str, code: &str| -> Result<Minister, diplomeet::Error> {
    ///     let name = PersonName::builder().given(given).surname(surname).build()?;
    ///     Minister::builder(name, Country::from_code(code)?)
    ///         .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?)
    ///         .build()
    /// };
    /// let ministers = [minister("Yoko", "Kamikawa", "JP")?, minister("Alberto", "van Klaveren", "CL")?];
    /// let meeting = Meeting::builder("Japan-Chile Foreign Ministers' Meeting")
    ///     .venue(Venue::new("San Francisco", Country::from_code("US")?, chrono_tz::America::Los_Angeles)?)
    ///     .occasion("APEC Ministerial Meeting")
    ///     .starts_at("2023-11-13T16:00:00".parse()?)
    ///     .duration(TimeDelta::try_minutes(30).ok_or("minutes")?)
    ///     .participants(ministers.iter().cloned())
    ///     .build()?;
    /// let stamp = Utc.with_ymd_and_hms(2023, 11, 14, 0, 0, 0).single().ok_or("now")?;
    /// let calendar = IcsCalendar::parse(&to_ics(&[meeting.clone()], stamp)?)?;
    /// let back = calendar.events()[0].to_meeting(|id| ministers.iter().find(|m| m.id() == id).cloned())?;
    /// assert_eq!(back.title(), meeting.title());
    /// assert_eq!(back.start()?, meeting.start()?);
    /// assert_eq!(back.duration(), meeting.duration());
    /// assert_eq!(back.occasion().map(|o| o.name()), Some("APEC Ministerial Meeting"));
    /// // The same UID when exported again.
    /// assert_eq!(to_ics(&[back], stamp)?, to_ics(&[meeting], stamp)?);
    /// # Ok(())
    /// # }
    /// ```
    pub fn to_meeting(
        &self,
        mut minister: impl FnMut(&str) -> Option<Minister>,
    ) -> Result<Meeting, Error> {
        if self.is_recurring() || self.is_override() {
            return Err(Error::new(Detail::Inconsistent(format!(
                "event {:?} recurs: one meeting is one event",
                echo(&self.uid)
            ))));
        }
        let mut problems = Collector::new();
        let title = self.summary.clone().unwrap_or_default();
        if title.trim().is_empty() {
            problems.push("SUMMARY", Detail::Empty { what: "SUMMARY" });
        }
        let mut participants = Vec::with_capacity(self.participants.len());
        for (i, id) in self.participants.iter().enumerate() {
            match minister(id) {
                Some(m) => participants.push(m),
                None => problems.push_at(
                    || format!("ATTENDEE[{i}]"),
                    Detail::UnknownReference {
                        what: "attendee",
                        id: echo(id),
                    },
                ),
            }
        }
        let place = place(self.location.as_deref().unwrap_or("Unknown venue"))
            .map_err(|e| e.within("LOCATION"));
        let place = problems.finish_with(place)?;
        // The zones the start may be in: the venue's (from DTSTART when it
        // names one), else each participant's home zone in turn.
        let named = match self.start {
            When::Zoned(_, ZoneRef::Tz(tz)) => Some(tz),
            When::Zoned(_, ZoneRef::Custom(_)) => {
                return Err(Error::new(Detail::Inconsistent(format!(
                    "event {:?} starts in a zone only the file defines ({})",
                    echo(&self.uid),
                    self.tzid.as_deref().unwrap_or_default()
                ))));
            }
            _ => None,
        };
        let mut zones: Vec<Tz> = Vec::new();
        if let Some(tz) = named {
            zones.push(tz);
        } else if let Place::Venue(_, v) = &place {
            zones.extend(v.country().zones().iter().copied());
        }
        for p in &participants {
            if !zones.contains(&p.home_zone()) {
                zones.push(p.home_zone());
            }
        }
        let occasion = self.occasion();
        // The meeting in each candidate zone: the first whose UID is this
        // event's wins; else the first that builds (taking the UID's id when
        // the id was given, not derived); else the first zone's errors. With
        // no candidate (a floating time, no venue, no attendee known), UTC,
        // so that the builder says what is missing.
        let mut zones = zones.into_iter();
        let mut best = self.build(
            &title,
            &place,
            zones.next().unwrap_or(Tz::UTC),
            occasion.as_ref(),
            &participants,
        );
        let mut best_ok = false;
        loop {
            if let Ok(m) = &best {
                if crate::export::ics_uid(m) == self.uid {
                    return best;
                }
                if !best_ok {
                    best_ok = true;
                    // A meeting whose id was given, not derived: the UID
                    // is the id, which the rebuilt meeting takes.
                    if let Some(id) = self.uid.strip_suffix("@diplomeet") {
                        best = m.to_builder().id(id).build();
                    }
                }
            }
            let Some(zone) = zones.next() else {
                return best;
            };
            let built = self.build(&title, &place, zone, occasion.as_ref(), &participants);
            match &built {
                Ok(m) if crate::export::ics_uid(m) == self.uid => return built,
                Ok(_) if !best_ok => best = built,
                _ => {}
            }
        }
    }

    /// The occasion of the description's first line: "Occasion: X"
    /// (on the sidelines of X), or "Occasion (visit by ID): X" and the
    /// like for another relation; `None` when the line is not there or its
    /// relation is not one this crate writes.
    fn occasion(&self) -> Option<Occasion> {
        let line = self
            .description
            .as_deref()
            .and_then(|d| d.lines().next())
            .and_then(|l| l.strip_prefix("Occasion"))?;
        if let Some(name) = line.strip_prefix(": ") {
            return Occasion::new(name, OccasionRelation::Sidelines).ok();
        }
        let (relation, name) = line.strip_prefix(" (")?.split_once("): ")?;
        let (relation, visitor) = match relation.split_once(" by ") {
            Some((r, v)) => (r, Some(v)),
            None => (relation, None),
        };
        let occasion = Occasion::new(name, OccasionRelation::parse(relation).ok()?).ok()?;
        Some(match visitor {
            Some(v) => occasion.with_visitor(v),
            None => occasion,
        })
    }

    fn approximate(&self) -> bool {
        self.description
            .as_deref()
            .is_some_and(|d| d.lines().any(|l| l == "The duration is approximate."))
    }

    fn build(
        &self,
        title: &str,
        place: &Place,
        zone: Tz,
        occasion: Option<&Occasion>,
        participants: &[Minister],
    ) -> Result<Meeting, Error> {
        let mut b = Meeting::builder(title)
            .participants(participants.iter().cloned())
            .disambiguation(Disambiguation::Compatible)
            .status(match self.status {
                Some(EventStatus::Cancelled) => MeetingStatus::Cancelled,
                Some(EventStatus::Tentative) => MeetingStatus::Postponed,
                _ => MeetingStatus::Scheduled,
            });
        b = match place {
            Place::Remote(mode) => b.mode(*mode).zone(zone),
            Place::Venue(mode, v) => {
                b.mode(*mode)
                    .venue(Venue::new(v.place(), v.country().clone(), zone)?)
            }
        };
        if let Some(o) = occasion {
            b = b.occasion_with(o.clone());
        }
        b = match self.start {
            When::Date(d) => b.starts_on(d),
            When::Zoned(civil, _) | When::Floating(civil) => b.starts_at(civil),
            When::Utc(t) => b.start(ZonedDateTime::from_instant(t.and_utc(), zone)),
        };
        if let End::Duration(d) = self.end {
            let seconds = d.days.saturating_mul(86_400).saturating_add(d.seconds);
            if let Some(delta) = TimeDelta::try_seconds(seconds) {
                b = b.duration(delta).approximate(self.approximate());
            }
        }
        if let Some(url) = &self.url {
            if let Ok(s) = Source::new(url.as_str(), None::<String>) {
                b = b.source(s);
            }
        }
        b.build()
    }
}
