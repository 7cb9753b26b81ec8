//! PLOVER event records: a meeting as one `CONSULT` event, and its outcomes
//! as `AGREE` or `SUPPORT` events where the readout's verb maps. The mapping
//! is documented on [`plover_records`].

use chrono::NaiveDate;

use crate::agenda::Verb;
use crate::country::Country;
use crate::error::{Detail, Error};
use crate::meeting::{Meeting, MeetingKind, MeetingStatus, VenueRelation};
use crate::named::named_enum;

named_enum! {
    /// A PLOVER event type: what the meeting or one of its outcomes codes as.
    ///
    /// ```
    /// use diplomeet::export::PloverEventType;
    /// use diplomeet::Verb;
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// assert_eq!(PloverEventType::Consult.as_str(), "CONSULT");
    /// assert_eq!(PloverEventType::for_outcome(Verb::Concurred), Some(PloverEventType::Agree));
    /// assert_eq!(PloverEventType::for_outcome(Verb::ExchangedViews), None);
    /// # Ok(())
    /// # }
    /// ```
    pub enum PloverEventType ("PLOVER event type", "diplomeet::export::PloverEventType") {
        /// `CONSULT`: the meeting itself.
        Consult = "CONSULT",
        /// `AGREE`: agree to, offer or promise to cooperate.
        Agree = "AGREE",
        /// `SUPPORT`: express support for, or approve of.
        Support = "SUPPORT",
    }
}

impl PloverEventType {
    /// The event type an outcome with this verb codes as, or `None` when the
    /// verb records no act towards each other (see the
    /// table on [`plover_records`]).
    ///
    /// ```
    /// use diplomeet::export::PloverEventType;
    /// use diplomeet::Verb;
    ///
    /// assert_eq!(PloverEventType::for_outcome(Verb::Confirmed), Some(PloverEventType::Agree));
    /// assert_eq!(PloverEventType::for_outcome(Verb::Affirmed), Some(PloverEventType::Support));
    /// assert_eq!(PloverEventType::for_outcome(Verb::SharedView), None);
    /// ```
    pub fn for_outcome(verb: Verb) -> Option<PloverEventType> {
        match verb {
            Verb::Agreed | Verb::Concurred | Verb::Confirmed | Verb::Committed => {
                Some(PloverEventType::Agree)
            }
            Verb::Affirmed | Verb::Welcomed | Verb::Supported | Verb::Reaffirmed | Verb::Hailed => {
                Some(PloverEventType::Support)
            }
            _ => None,
        }
    }
}

named_enum! {
    /// The mode of a PLOVER `CONSULT` event: how the actors met.
    ///
    /// ```
    /// use diplomeet::export::PloverMode;
    ///
    /// assert_eq!(PloverMode::ThirdParty.as_str(), "third-party");
    /// assert_eq!(PloverMode::Phone.to_string(), "phone");
    /// ```
    pub enum PloverMode ("PLOVER mode", "diplomeet::export::PloverMode") {
        /// `visit`: one side travelled to the other's country.
        Visit = "visit",
        /// `third-party`: they met in neither country.
        ThirdParty = "third-party",
        /// `multilateral`: three or more countries met.
        Multilateral = "multilateral",
        /// `phone`: by telephone or video.
        Phone = "phone",
    }
}

/// One PLOVER event: a type, a mode for `CONSULT`, an actor and recipients
/// as ISO alpha-3 codes, the date and the place. Made by [`plover_records`].
///
/// ```
/// use diplomeet::export::{PloverEventType, PloverMode, plover_records};
/// use diplomeet::{AgendaItem, Country, Meeting, Minister, PersonName, Portfolio, Post, Venue, Verb};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let minister = |surname: &str, code: &str| -> Result<Minister, diplomeet::Error> {
///     let name = PersonName::builder().surname(surname).build()?;
///     Minister::builder(name, Country::from_code(code)?)
///         .post(Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?)
///         .build()
/// };
/// // Ms. Wong (Australia) visits Ms. Kamikawa in Tokyo; they agree to meet again.
/// let (host, visitor) = (minister("Kamikawa", "JP")?, minister("Wong", "AU")?);
/// let meeting = Meeting::builder("Japan-Australia Foreign Ministers' Meeting")
///     .venue(Venue::new("Tokyo", Country::from_code("JP")?, chrono_tz::Asia::Tokyo)?)
///     .starts_at(diplomeet::time::parse_civil("2024-02-07T10:00")?)
///     .agenda_item(
///         AgendaItem::builder()
///             .number(1)
///             .outcome(Verb::Agreed, [visitor.id(), host.id()], "to meet again")
///             .build()?,
///     )
///     .participant(host)
///     .participant(visitor)
///     .build()?;
///
/// let records = plover_records(&meeting)?;
/// let consult = records.first().ok_or("no record")?;
/// assert_eq!(consult.event_type(), PloverEventType::Consult);
/// assert_eq!(consult.mode(), Some(PloverMode::Visit));
/// assert_eq!(consult.actor(), "AUS");
/// assert_eq!(consult.recipients(), ["JPN"]);
/// assert_eq!(consult.date(), chrono::NaiveDate::from_ymd_opt(2024, 2, 7).ok_or("date")?);
/// assert_eq!((consult.place(), consult.location_country()), (Some("Tokyo"), Some("JPN")));
/// assert_eq!(consult.text(), "Japan-Australia Foreign Ministers' Meeting");
/// assert_eq!(
///     consult.to_json()?,
///     r#"{"event_type":"CONSULT","mode":"visit","actor":"AUS","recipient":"JPN","date":"2024-02-07","location":{"place":"Tokyo","country":"JPN"},"text":"Japan-Australia Foreign Ministers' Meeting"}"#
/// );
///
/// // The outcome: no mode, and the verb with the outcome's text.
/// let agree = records.get(1).ok_or("no outcome record")?;
/// assert_eq!(agree.event_type(), PloverEventType::Agree);
/// assert_eq!(agree.mode(), None);
/// assert_eq!((agree.actor(), agree.recipients()), ("AUS", &["JPN".to_owned()][..]));
/// assert_eq!(agree.text(), "agreed to meet again");
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PloverRecord {
    event_type: PloverEventType,
    mode: Option<PloverMode>,
    actor: String,
    recipients: Vec<String>,
    date: NaiveDate,
    place: Option<String>,
    country: Option<String>,
    text: String,
}

impl PloverRecord {
    /// The event type.
    pub fn event_type(&self) -> PloverEventType {
        self.event_type
    }

    /// The mode: `Some` for `CONSULT`, `None` for the outcome records.
    pub fn mode(&self) -> Option<PloverMode> {
        self.mode
    }

    /// The actor's ISO alpha-3 code (`"JPN"`), or `IGO` and an
    /// organisation's code (`"IGOUN"`).
    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// The recipients' codes (`["CHL"]`): one for a dyad, more for a
    /// multilateral meeting or outcome.
    pub fn recipients(&self) -> &[String] {
        &self.recipients
    }

    /// The date at the venue (or in the stated zone of a call).
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The venue's place (`"San Francisco"`); `None` for a call.
    pub fn place(&self) -> Option<&str> {
        self.place.as_deref()
    }

    /// The venue's country as an ISO alpha-3 code (`"USA"`); `None` for a
    /// call.
    pub fn location_country(&self) -> Option<&str> {
        self.country.as_deref()
    }

    /// What is coded: the meeting's title for `CONSULT`, the verb and the
    /// outcome's text for the others ("concurred to further strengthen ...").
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The record as one line of JSON, fields in a fixed order (see the
    /// documentation of [`plover_records`]). A call has a mode of `phone`
    /// and a `null` location:
    ///
    /// ```
    /// use diplomeet::export::plover_records;
    /// use diplomeet::{Country, Meeting, Minister, Mode, Portfolio, Post};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let minister = |code: &str| -> Result<Minister, diplomeet::Error> {
    ///     let post = Post::new(Portfolio::ForeignAffairs, "Foreign Minister")?;
    ///     Minister::by_post(Country::from_code(code)?, post).build()
    /// };
    /// let call = Meeting::builder("Telephone talk")
    ///     .mode(Mode::Telephone)
    ///     .zone(chrono_tz::Asia::Tokyo)
    ///     .starts_on(chrono::NaiveDate::from_ymd_opt(2024, 8, 15).ok_or("date")?)
    ///     .participant(minister("JP")?)
    ///     .participant(minister("US")?)
    ///     .build()?;
    /// let records = plover_records(&call)?;
    /// assert_eq!(
    ///     records.first().ok_or("no record")?.to_json()?,
    ///     r#"{"event_type":"CONSULT","mode":"phone","actor":"JPN","recipient":"USA","date":"2024-08-15","location":null,"text":"Telephone talk"}"#
    /// );
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// None today: the result leaves room for a record that cannot be
    /// written.
    pub fn to_json(&self) -> Result<String, Error> {
        let mut out = String::with_capacity(160 + self.text.len());
        out.push_str("{\"event_type\":");
        json_string(&mut out, self.event_type.as_str());
        out.push_str(",\"mode\":");
        match self.mode {
            Some(m) => json_string(&mut out, m.as_str()),
            None => out.push_str("null"),
        }
        out.push_str(",\"actor\":");
        json_string(&mut out, &self.actor);
        out.push_str(",\"recipient\":");
        json_string(&mut out, &self.recipients.join(";"));
        out.push_str(",\"date\":");
        json_string(&mut out, &self.date.format("%Y-%m-%d").to_string());
        out.push_str(",\"location\":");
        match (&self.place, &self.country) {
            (Some(place), Some(country)) => {
                out.push_str("{\"place\":");
                json_string(&mut out, place);
                out.push_str(",\"country\":");
                json_string(&mut out, country);
                out.push('}');
            }
            _ => out.push_str("null"),
        }
        out.push_str(",\"text\":");
        json_string(&mut out, &self.text);
        out.push('}');
        Ok(out)
    }
}

/// Writes `s` as a JSON string literal.
fn json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The actor code of a party: its ISO 3166-1 alpha-3 code, or for an
/// international organisation (and the EU) `IGO` followed by its code
/// (`IGOUN`, `IGONATO`, `IGOEU`), in the manner of CAMEO's IGO actor codes.
pub(crate) fn alpha3(country: &Country, format: &'static str) -> Result<String, Error> {
    if let Some(a3) = country.alpha3() {
        return Ok(a3.to_owned());
    }
    if country.is_organisation() || country.code() == "EU" {
        return Ok(format!("IGO{}", country.code()));
    }
    Err(Error::new(Detail::InvalidValue {
        what: "actor",
        value: country.code().to_owned(),
        reason: format!(
            "{} has no ISO 3166-1 alpha-3 code, which {format} actors need",
            country.name()
        ),
    }))
}

/// The participants' countries as alpha-3 codes, in order, at least two.
pub(crate) fn actor_codes(meeting: &Meeting, format: &'static str) -> Result<Vec<String>, Error> {
    let codes = meeting
        .countries()
        .into_iter()
        .map(|c| alpha3(c, format))
        .collect::<Result<Vec<_>, _>>()?;
    if codes.len() < 2 {
        return Err(Error::new(Detail::TooFew {
            what: "countries among the participants",
            found: codes.len(),
            needed: 2,
        }));
    }
    Ok(codes)
}

/// Whether the meeting happened (or is to happen) on a known date:
/// cancelled and postponed meetings are not coded, nor are meetings with no
/// date (event data is dated).
pub(crate) fn is_coded(meeting: &Meeting) -> bool {
    !matches!(
        meeting.status(),
        MeetingStatus::Cancelled | MeetingStatus::Postponed
    ) && meeting.date().is_some()
}

/// Moves `first` to the front of `codes` (when present) and splits it off.
fn split_actor(codes: &[String], first: Option<&str>) -> (String, Vec<String>) {
    let actor = first
        .and_then(|f| codes.iter().find(|c| *c == f))
        .or_else(|| codes.first())
        .cloned()
        .unwrap_or_default();
    let rest = codes.iter().filter(|c| **c != actor).cloned().collect();
    (actor, rest)
}

/// The meeting as PLOVER records: one `CONSULT`, then one record per outcome
/// whose verb maps, in agenda order. Empty for a cancelled or postponed
/// meeting.
///
/// PLOVER (the Political Language Ontology for Verifiable Event Records) is
/// the event ontology that succeeded CAMEO. A meeting is a `CONSULT` event,
/// whose *mode* says how the actors met: `visit`, `third-party`,
/// `multilateral` or `phone`. This function derives the mode from the meeting's
/// [`VenueRelation`], [`Mode`](crate::Mode) and [`MeetingKind`], with this
/// precedence (the first row that applies wins):
///
/// | Meeting | PLOVER `mode` | `actor` → `recipient` |
/// |---|---|---|
/// | telephone or video ([`VenueRelation::Remote`]), any number of countries | `phone` | first country → the others |
/// | at a venue, three or more countries ([`MeetingKind::Trilateral`] or [`MeetingKind::Multilateral`]) | `multilateral` | the host, if the venue is in a participant's country, else the first country → the others |
/// | at a venue in one of the two countries ([`VenueRelation::Hosted`]) | `visit` | the visitor → the host |
/// | at a venue in neither country ([`VenueRelation::ThirdLocation`]) | `third-party` | first country → the second |
/// | in person, the venue not known ([`VenueRelation::Unknown`]) | none (`null`: PLOVER's mode is optional) | first country → the second |
///
/// The channel wins over the number of countries (a conference call of five
/// is still `phone`), and the number of countries over the venue (PLOVER's
/// `visit` and `third-party` describe a dyad). A hybrid meeting is coded by
/// its venue, as if in person. "First country" is the country of the first
/// participant, as [`Meeting::countries`] orders them.
///
/// Each mutual [`Entry`](crate::Entry) (two or more participants) then
/// becomes one record when its [`Verb`] maps, between its participants'
/// countries and organisations (the first's as actor, the others' as
/// recipients; an entry whose participants are all of one party gives no
/// record):
///
/// | [`Verb`] | PLOVER `event_type` | Why |
/// |---|---|---|
/// | `agreed` | `AGREE` | agreement to act together is PLOVER's `AGREE` ("agree to, offer, promise … to cooperate") |
/// | `concurred` | `AGREE` | readouts use it for an agreement to act: "concurred to further strengthen economic cooperation" |
/// | `confirmed` | `AGREE` | readouts use it for a commitment: "confirmed that they would continue to cooperate" |
/// | `committed` | `AGREE` | a promise to act |
/// | `affirmed`, `reaffirmed` | `SUPPORT` | reaffirming a position or commitment expresses support for it, without a new undertaking |
/// | `welcomed`, `supported`, `hailed` | `SUPPORT` | approving of a development |
/// | any other | — | talk without a result (`exchanged_views`, `discussed`), or a common opinion about a third matter (`shared_view`): already the `CONSULT` |
///
/// Actors are ISO 3166-1 alpha-3 codes; an international organisation (and
/// the EU) is `IGO` followed by its code (`IGOUN`), in the manner of CAMEO's
/// IGO actors; a declared actor without an alpha-3 code is an error. A
/// meeting with no known date gives no records. The date is the meeting's civil date at the venue (or in the stated
/// zone of a call). A cancelled or postponed meeting did not happen and gives
/// no records; a scheduled one is coded as if it will (filter on
/// [`Meeting::status`] if that is not wanted). PLOVER's `context` is not
/// coded: the topics do not determine it reliably.
///
/// [`PloverRecord::to_json`] writes one record as one line of JSON (for a
/// JSON Lines file), with the fields `event_type`, `mode`, `actor`,
/// `recipient`, `date`, `location` and `text`, always in that order. Several
/// recipients are joined with `;` in `recipient`, as event-data files do; an
/// absent `mode` or `location` is `null`.
///
/// # Errors
///
/// [`ErrorKind::InvalidValue`](crate::ErrorKind::InvalidValue) when a
/// participant's country (or the venue's) has no alpha-3 code and is not
/// an organisation (a declared actor without one);
/// [`ErrorKind::TooFew`](crate::ErrorKind::TooFew) when fewer than two
/// countries took part.
///
/// ```
/// use diplomeet::export::{PloverMode, plover_records};
/// use diplomeet::{Country, Meeting, Minister, PersonName, Portfolio, Post, Venue};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let minister = |surname: &str, code: &str| -> Result<Minister, diplomeet::Error> {
///     let name = PersonName::builder().surname(surname).build()?;
///     Minister::builder(name, Country::from_code(code)?)
///         .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?)
///         .build()
/// };
/// let meeting = Meeting::builder("Japan-Chile Foreign Ministers' Meeting")
///     .venue(Venue::new("San Francisco", Country::from_code("US")?, chrono_tz::America::Los_Angeles)?)
///     .starts_at(diplomeet::time::parse_civil("2023-11-13T16:00")?)
///     .participant(minister("Kamikawa", "JP")?)
///     .participant(minister("van Klaveren", "CL")?)
///     .build()?;
/// let records = plover_records(&meeting)?;
/// assert_eq!(records.len(), 1);
/// let consult = records.first().ok_or("no record")?;
/// assert_eq!(consult.mode(), Some(PloverMode::ThirdParty));
/// assert_eq!((consult.actor(), consult.recipients()), ("JPN", &["CHL".to_owned()][..]));
/// assert_eq!(consult.location_country(), Some("USA"));
/// # Ok(())
/// # }
/// ```
pub fn plover_records(meeting: &Meeting) -> Result<Vec<PloverRecord>, Error> {
    if !is_coded(meeting) {
        return Ok(Vec::new());
    }
    let codes = actor_codes(meeting, "PLOVER")?;
    let (place, country) = match meeting.venue() {
        Some(v) => (
            Some(v.place().to_owned()),
            Some(alpha3(v.country(), "PLOVER")?),
        ),
        None => (None, None),
    };
    let relation = meeting.venue_relation();
    let host = match &relation {
        VenueRelation::Hosted { host } => Some(alpha3(host, "PLOVER")?),
        _ => None,
    };
    let (mode, actor, recipients) = match (&relation, meeting.kind()) {
        (VenueRelation::Remote, _) => {
            let (a, r) = split_actor(&codes, None);
            (Some(PloverMode::Phone), a, r)
        }
        (_, MeetingKind::Trilateral | MeetingKind::Multilateral) => {
            let (a, r) = split_actor(&codes, host.as_deref());
            (Some(PloverMode::Multilateral), a, r)
        }
        (VenueRelation::Hosted { .. }, _) => {
            // Bilateral: the visitor is the country that is not the host.
            let visitor = codes.iter().find(|c| Some(c.as_str()) != host.as_deref());
            let (a, r) = split_actor(&codes, visitor.map(String::as_str));
            (Some(PloverMode::Visit), a, r)
        }
        (VenueRelation::ThirdLocation, _) => {
            let (a, r) = split_actor(&codes, None);
            (Some(PloverMode::ThirdParty), a, r)
        }
        // In person, place unknown: PLOVER's mode is optional, and neither
        // `visit` nor `third-party` is known.
        _ => {
            let (a, r) = split_actor(&codes, None);
            (None, a, r)
        }
    };
    // `is_coded` has checked that the meeting has a date.
    let Some(date) = meeting.date() else {
        return Ok(Vec::new());
    };
    let mut records = vec![PloverRecord {
        event_type: PloverEventType::Consult,
        mode,
        actor,
        recipients,
        date,
        place: place.clone(),
        country: country.clone(),
        text: meeting.title().to_owned(),
    }];
    for entry in meeting.entries().filter(|e| e.is_mutual()) {
        let Some(event_type) = PloverEventType::for_outcome(entry.verb()) else {
            continue;
        };
        let mut parties: Vec<String> = Vec::new();
        for id in entry.who() {
            if let Some(p) = meeting.participant(id) {
                for c in p.parties() {
                    let code = alpha3(c, "PLOVER")?;
                    if !parties.contains(&code) {
                        parties.push(code);
                    }
                }
            }
        }
        if parties.len() < 2 {
            continue;
        }
        let (actor, recipients) = split_actor(&parties, None);
        records.push(PloverRecord {
            event_type,
            mode: None,
            actor,
            recipients,
            date,
            place: place.clone(),
            country: country.clone(),
            text: format!("{} {}", entry.phrase(), entry.text()),
        });
    }
    Ok(records)
}
