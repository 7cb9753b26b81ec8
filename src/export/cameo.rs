//! CAMEO event dyads: a meeting as 040–044 events between the participants'
//! countries. The mapping is documented on [`cameo_events`].

use std::fmt;

use chrono::NaiveDate;

use super::plover::{actor_codes, alpha3, is_coded};
use crate::error::Error;
use crate::meeting::{Meeting, VenueRelation};
use crate::named::named_enum;

named_enum! {
    /// A CAMEO code for a meeting: the 04 "consult" family. The text form
    /// is the code as CAMEO writes it, with its leading zero.
    ///
    /// ```
    /// use diplomeet::export::CameoCode;
    ///
    /// assert_eq!(CameoCode::MeetAtThirdLocation.as_str(), "044");
    /// assert_eq!(CameoCode::DiscussByTelephone.to_string(), "041");
    /// assert_eq!("042".parse::<CameoCode>()?, CameoCode::MakeVisit);
    /// # Ok::<(), diplomeet::Error>(())
    /// ```
    pub enum CameoCode ("CAMEO code", "diplomeet::export::CameoCode") {
        /// 040, consult, not specified below: an in-person meeting whose
        /// venue the source does not give.
        Consult = "040",
        /// 041, discuss by telephone.
        DiscussByTelephone = "041",
        /// 042, make a visit.
        MakeVisit = "042",
        /// 043, host a visit.
        HostVisit = "043",
        /// 044, meet at a third location.
        MeetAtThirdLocation = "044",
    }
}

/// One CAMEO event: a date, a source and a target actor as ISO alpha-3
/// codes, and a code. Made by [`cameo_events`]; its `Display` is a
/// tab-separated line `YYYYMMDD\tSRC\tTGT\tCODE`.
///
/// ```
/// use diplomeet::export::{CameoCode, cameo_events};
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
/// let events = cameo_events(&meeting)?;
/// let first = events.first().ok_or("no event")?;
/// assert_eq!(first.date(), chrono::NaiveDate::from_ymd_opt(2023, 11, 13).ok_or("date")?);
/// assert_eq!((first.source(), first.target()), ("JPN", "CHL"));
/// assert_eq!(first.code(), CameoCode::MeetAtThirdLocation);
/// // 044 is symmetric: coded in both directions.
/// let lines: Vec<String> = events.iter().map(ToString::to_string).collect();
/// assert_eq!(lines, ["20231113\tJPN\tCHL\t044", "20231113\tCHL\tJPN\t044"]);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CameoEvent {
    date: NaiveDate,
    source: String,
    target: String,
    code: CameoCode,
}

impl CameoEvent {
    /// The date at the venue (or in the stated zone of a call).
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The source actor's code: ISO alpha-3 (`"JPN"`), or `IGO` and an
    /// organisation's code (`"IGOUN"`).
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The target actor's code, as [`source`](CameoEvent::source).
    pub fn target(&self) -> &str {
        &self.target
    }

    /// The CAMEO code.
    pub fn code(&self) -> CameoCode {
        self.code
    }
}

impl fmt::Display for CameoEvent {
    /// `YYYYMMDD\tSRC\tTGT\tCODE`, as in `20231113\tJPN\tCHL\t044`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}\t{}\t{}\t{}",
            self.date.format("%Y%m%d"),
            self.source,
            self.target,
            self.code
        )
    }
}

/// The meeting as CAMEO events between the participants' countries.
///
/// CAMEO codes a meeting in its 04 ("consult") family, by where it happened
/// ([`VenueRelation`]):
///
/// | Meeting | Events | Source → target |
/// |---|---|---|
/// | telephone or video ([`VenueRelation::Remote`]) | `041` discuss by telephone | every ordered pair of countries |
/// | at a venue in a participant's country ([`VenueRelation::Hosted`]) | `042` make a visit, then `043` host a visit, for each visiting country | visitor → host (042), host → visitor (043) |
/// | (the same, three or more countries) | and `044` meet at a third location | every ordered pair of visiting countries: the host country is a third location for them |
/// | at a venue in no participant's country ([`VenueRelation::ThirdLocation`]) | `044` meet at a third location | every ordered pair of countries |
/// | in person, the venue not known ([`VenueRelation::Unknown`]) | `040` consult | every ordered pair of countries |
///
/// 040, 041 and 044 are symmetric acts and the readout does not say who called
/// whom, so they are coded in both directions, as event datasets code
/// symmetric events (the seed meeting gives `JPN → CHL` and `CHL → JPN`, both
/// 044). Actors are coded as for PLOVER: ISO alpha-3 codes, and `IGO`
/// followed by the code for an international organisation or the EU
/// (`IGOUN`). Pairs run in the order of [`Meeting::countries`]: for countries A,
/// B, C the pairs are A→B, A→C, B→A, B→C, C→A, C→B. A hybrid meeting is
/// coded by its venue. The date is the meeting's civil date at the venue (or
/// in the stated zone of a call). A cancelled or postponed meeting gives no
/// events; a scheduled one is coded as if it will happen.
///
/// # Errors
///
/// [`ErrorKind::InvalidValue`](crate::ErrorKind::InvalidValue) when a
/// participant's country has no alpha-3 code and is not an organisation
/// (a declared actor without one); [`ErrorKind::TooFew`](crate::ErrorKind::TooFew) when fewer
/// than two countries took part.
///
/// ```
/// use diplomeet::export::{CameoCode, cameo_events};
/// use diplomeet::{Country, Meeting, Minister, PersonName, Portfolio, Post, Venue};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let minister = |surname: &str, code: &str| -> Result<Minister, diplomeet::Error> {
///     let name = PersonName::builder().surname(surname).build()?;
///     Minister::builder(name, Country::from_code(code)?)
///         .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?)
///         .build()
/// };
/// // Australia's minister visits Tokyo.
/// let meeting = Meeting::builder("Japan-Australia Foreign Ministers' Meeting")
///     .venue(Venue::new("Tokyo", Country::from_code("JP")?, chrono_tz::Asia::Tokyo)?)
///     .starts_at(diplomeet::time::parse_civil("2024-02-07T10:00")?)
///     .participant(minister("Kamikawa", "JP")?)
///     .participant(minister("Wong", "AU")?)
///     .build()?;
/// let lines: Vec<String> = cameo_events(&meeting)?.iter().map(ToString::to_string).collect();
/// assert_eq!(lines, ["20240207\tAUS\tJPN\t042", "20240207\tJPN\tAUS\t043"]);
/// # Ok(())
/// # }
/// ```
pub fn cameo_events(meeting: &Meeting) -> Result<Vec<CameoEvent>, Error> {
    if !is_coded(meeting) {
        return Ok(Vec::new());
    }
    let codes = actor_codes(meeting, "CAMEO")?;
    // `is_coded` has checked that the meeting has a date.
    let Some(date) = meeting.date() else {
        return Ok(Vec::new());
    };
    let event = |source: &str, target: &str, code: CameoCode| CameoEvent {
        date,
        source: source.to_owned(),
        target: target.to_owned(),
        code,
    };
    let ordered_pairs = |among: &[&str], code: CameoCode| -> Vec<CameoEvent> {
        // Every ordered pair: quadratic in the parties by definition, and
        // bounded by `Limits::max_participants`.
        let mut out = Vec::new();
        for s in among {
            for t in among {
                if s != t {
                    out.push(event(s, t, code));
                }
            }
        }
        out
    };
    let codes: Vec<&str> = codes.iter().map(String::as_str).collect();
    Ok(match meeting.venue_relation() {
        VenueRelation::Remote => ordered_pairs(&codes, CameoCode::DiscussByTelephone),
        VenueRelation::ThirdLocation => ordered_pairs(&codes, CameoCode::MeetAtThirdLocation),
        VenueRelation::Hosted { host } => {
            let host = alpha3(&host, "CAMEO")?;
            let visitors: Vec<&str> = codes.iter().copied().filter(|c| *c != host).collect();
            let mut out = Vec::new();
            for v in &visitors {
                out.push(event(v, &host, CameoCode::MakeVisit));
                out.push(event(&host, v, CameoCode::HostVisit));
            }
            out.extend(ordered_pairs(&visitors, CameoCode::MeetAtThirdLocation));
            out
        }
        _ => ordered_pairs(&codes, CameoCode::Consult),
    })
}
