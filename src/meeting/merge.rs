//! Two reports of one meeting, merged into one record that keeps both.

use super::builder::PendingStart;
use super::{Meeting, MeetingBuilder, Start};
use crate::agenda::{AgendaItem, Entry};
use crate::error::Error;
use crate::limits::Limits;

impl Meeting {
    /// A builder holding everything this meeting holds (its id included):
    /// to change one field and build again.
    pub fn to_builder(&self) -> MeetingBuilder {
        let mut b = Meeting::builder(self.title.clone());
        b.id = Some(self.id.clone());
        b.title_basis = self.title_basis;
        b.mode = self.mode;
        b.form = self.form;
        b.venue = self.venue.clone();
        b.zone = if self.venue.is_some() {
            None
        } else {
            self.zone
        };
        b.zone_basis = self.zone_basis;
        b.occasion = self.occasion.clone();
        b.start = match self.start {
            Start::At(z) => PendingStart::Zoned(z),
            Start::On(d) => PendingStart::Date(d),
            Start::InMonth { year, month } => PendingStart::Month(year, month),
            Start::Unknown => PendingStart::Unknown,
        };
        b.start_approximate = self.start_approximate;
        b.date_basis = self.date_basis.clone();
        b.stated_times = self.stated_times.clone();
        b.duration = self.duration;
        b.duration_approximate = self.duration_approximate;
        b.participants = self.participants.clone();
        b.agenda = self.agenda.clone();
        b.parts = self.parts.clone();
        b.status = self.status;
        b.sources = self.sources.clone();
        b
    }

    /// Merges another report of the same meeting (a second ministry's
    /// readout) into this one, keeping both perspectives: the other's
    /// sources are added after this one's, and the date the other gives,
    /// when it differs (a call on 6 January in Tokyo is 5 January in
    /// Washington), is kept on its sources as
    /// [`reported_date`](crate::Source::reported_date); its participants not
    /// already here (by id) are added; its agenda items follow this one's,
    /// each entry keeping which source reported it (entries the other
    /// attributes to no source are attributed to its first); its stated
    /// times are added. Nothing of this record is overwritten, except a
    /// start, venue, duration or parts this record lacks and the other has.
    /// Costs time linear in the two meetings' sizes.
    ///
    /// # Errors
    ///
    /// Every violation of the merged record (more participants or items
    /// than the limits allow, say), with its path.
    ///
    /// ```
    /// use diplomeet::{Country, Meeting, Minister, Mode, PersonName, Portfolio, Post, Source, Verb, AgendaItem};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let minister = |given: &str, code: &str| -> Result<Minister, diplomeet::Error> {
    ///     Minister::builder(PersonName::builder().given(given).build()?, Country::from_code(code)?)
    ///         .id(given.to_lowercase())
    ///         .post(Post::new(Portfolio::ForeignAffairs, "Foreign Minister")?)
    ///         .build()
    /// };
    /// let call = |date: &str, zone, url: &str, verb| -> Result<Meeting, Box<dyn std::error::Error>> {
    ///     Ok(Meeting::builder("Telephone talk")
    ///         .mode(Mode::Telephone)
    ///         .zone(zone)
    ///         .starts_on(date.parse()?)
    ///         .participant(minister("Yoko", "JP")?)
    ///         .participant(minister("Antony", "US")?)
    ///         .source(Source::new(url, None::<String>)?)
    ///         .agenda_item(AgendaItem::builder().outcome(verb, ["yoko", "antony"], "to cooperate").build()?)
    ///         .build()?)
    /// };
    /// let tokyo = call("2024-01-06", chrono_tz::Asia::Tokyo, "https://www.mofa.go.jp/x", Verb::Concurred)?;
    /// let washington = call("2024-01-05", chrono_tz::America::New_York, "https://www.state.gov/y", Verb::Agreed)?;
    /// let both = tokyo.merge(&washington)?;
    /// assert_eq!(both.sources().len(), 2);
    /// assert_eq!(both.date().map(|d| d.to_string()), Some("2024-01-06".into()));
    /// assert_eq!(both.sources()[1].reported_date().map(|d| d.to_string()), Some("2024-01-05".into()));
    /// let verbs: Vec<_> = both.entries().map(|e| (e.verb(), e.source())).collect();
    /// assert_eq!(verbs, [(Verb::Concurred, None), (Verb::Agreed, Some(1))]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn merge(&self, other: &Meeting) -> Result<Meeting, Error> {
        let mut b = self.to_builder();
        let offset = self.sources.len();
        for s in &other.sources {
            let s = match (self.date(), other.date()) {
                (Some(mine), Some(theirs)) if mine != theirs && s.reported_date().is_none() => {
                    s.clone().reporting_date(theirs)
                }
                _ => s.clone(),
            };
            b = b.source(s);
        }
        let ids: std::collections::HashSet<&str> = self
            .participants
            .iter()
            .map(super::Participant::id)
            .collect();
        for p in &other.participants {
            if !ids.contains(p.id()) {
                b = b.with_participant(p.clone());
            }
        }
        let default_source = (!other.sources.is_empty()).then_some(offset);
        for item in &other.agenda {
            b = b.agenda_item(shift_sources(item, offset, default_source));
        }
        for s in &other.stated_times {
            if !self.stated_times.contains(s) {
                b = b.stated_time_text(s.clone());
            }
        }
        if matches!(self.start, Start::Unknown) {
            b.start = match other.start {
                Start::At(z) => PendingStart::Zoned(z),
                Start::On(d) => PendingStart::Date(d),
                Start::InMonth { year, month } => PendingStart::Month(year, month),
                Start::Unknown => PendingStart::Unknown,
            };
            if self.venue.is_none() && other.venue.is_none() {
                b.zone = other.zone;
            }
        }
        if self.venue.is_none() && other.venue.is_some() && other.mode.has_venue() {
            b.venue = other.venue.clone();
            b.zone = None;
        }
        if self.duration.is_none() {
            b.duration = other.duration;
            b.duration_approximate = other.duration_approximate;
        }
        if self.parts.is_empty() {
            b.parts = other.parts.clone();
        }
        b.limits = Limits::default();
        b.build()
    }
}

/// An agenda item with every entry's source index moved by `offset`, and
/// entries with none attributed to `default`.
fn shift_sources(item: &AgendaItem, offset: usize, default: Option<usize>) -> AgendaItem {
    item.map_entries(
        &|e: &Entry| match e.source().map(|s| s + offset).or(default) {
            Some(s) => e.clone().with_source(s),
            None => e.clone(),
        },
    )
}
