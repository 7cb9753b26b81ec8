//! The meeting's named vocabularies: [`Mode`], [`MeetingForm`],
//! [`MeetingStatus`], and the derived [`MeetingKind`] and [`VenueRelation`].

use std::fmt;

use crate::country::Country;
use crate::named::named_enum;

named_enum! {
    /// How the participants met.
    pub enum Mode ("mode", "diplomeet::Mode") {
        /// Face to face, at a venue.
        InPerson = "in_person",
        /// By telephone: no venue.
        Telephone = "telephone",
        /// By video conference: no venue.
        Video = "video",
        /// At a venue, with some taking part remotely.
        Hybrid = "hybrid",
    }
}

impl Mode {
    /// Whether this mode happens at a venue (in person or hybrid).
    pub fn has_venue(self) -> bool {
        matches!(self, Mode::InPerson | Mode::Hybrid)
    }
}

named_enum! {
    /// The diplomatic form of the meeting, as readouts name it.
    pub enum MeetingForm ("meeting form", "diplomeet::MeetingForm") {
        /// A meeting ("Foreign Ministers' Meeting").
        Meeting = "meeting",
        /// Talks, or a telephone or video talk.
        Talk = "talk",
        /// A short informal talk (a "pull-aside").
        ShortInformalTalk = "short_informal_talk",
        /// A courtesy call.
        CourtesyCall = "courtesy_call",
        /// A working breakfast, lunch or dinner.
        WorkingMeal = "working_meal",
        /// A meeting of heads of state or government.
        Summit = "summit",
    }
}

named_enum! {
    /// Where the meeting stands.
    pub enum MeetingStatus ("meeting status", "diplomeet::MeetingStatus") {
        /// Planned, not yet held.
        Scheduled = "scheduled",
        /// Held (a readout describes it).
        Held = "held",
        /// Postponed to a date not yet set.
        Postponed = "postponed",
        /// Cancelled.
        Cancelled = "cancelled",
    }
}

named_enum! {
    /// How many countries met, derived from the participants.
    pub enum MeetingKind ("meeting kind", "diplomeet::MeetingKind") {
        /// Two countries.
        Bilateral = "bilateral",
        /// Three countries.
        Trilateral = "trilateral",
        /// Four or more countries.
        Multilateral = "multilateral",
    }
}

/// Where the meeting happened relative to the participants' countries,
/// derived from the venue: the distinction CAMEO draws between 042 (make a
/// visit), 043 (host a visit) and 044 (meet at a third location).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum VenueRelation {
    /// The venue is in a participant's country: that country hosts, the
    /// others visit.
    Hosted {
        /// The host country.
        host: Country,
    },
    /// The venue is in none of the participants' countries (the seed
    /// meeting: Japan and Chile in San Francisco).
    ThirdLocation,
    /// Telephone or video: there is no venue.
    Remote,
}

impl fmt::Display for VenueRelation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VenueRelation::Hosted { host } => write!(f, "hosted by {}", host.name()),
            VenueRelation::ThirdLocation => f.write_str("third location"),
            VenueRelation::Remote => f.write_str("remote"),
        }
    }
}
