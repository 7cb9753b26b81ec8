//! The meeting's named vocabularies: [`Mode`], [`MeetingForm`],
//! [`MeetingStatus`], [`Role`], [`Attendance`], [`OccasionRelation`],
//! [`TitleBasis`], [`PlaceBasis`], [`ZoneBasis`], and the derived
//! [`MeetingKind`] and [`VenueRelation`].

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
        /// Remotely, the source not saying by what ("spoke with", "a
        /// call"): no venue.
        Remote = "remote",
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
/// visit), 043 (host a visit) and 044 (meet at a third location). Its
/// `Display` is prose ("hosted by Japan"), as it carries a country.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum VenueRelation {
    /// The venue is in a participant's country, or on its premises abroad
    /// (its embassy): that party hosts, the others visit.
    Hosted {
        /// The host country or organisation.
        host: Country,
    },
    /// The venue is in none of the participants' countries nor on their
    /// premises (the seed meeting: Japan and Chile in San Francisco).
    ThirdLocation,
    /// Telephone or video: there is no venue.
    Remote,
    /// In person, but the source does not say where.
    Unknown,
}

impl fmt::Display for VenueRelation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VenueRelation::Hosted { host } => write!(f, "hosted by {}", host.name()),
            VenueRelation::ThirdLocation => f.write_str("third location"),
            VenueRelation::Remote => f.write_str("remote"),
            VenueRelation::Unknown => f.write_str("venue unknown"),
        }
    }
}

named_enum! {
    /// What a participant was at the meeting. A participant may hold
    /// several roles (a principal who hosts and chairs).
    pub enum Role ("role", "diplomeet::Role") {
        /// One of those who met: the readout's subject or counterpart.
        Principal = "principal",
        /// The host: received the others.
        Host = "host",
        /// Chaired the meeting or session.
        Chair = "chair",
        /// Present, but not a principal (a state secretary, a deputy, an
        /// adviser the readout names).
        Attendee = "attendee",
    }
}

named_enum! {
    /// How a participant took part in a hybrid meeting.
    pub enum Attendance ("attendance", "diplomeet::Attendance") {
        /// In the room, at the venue.
        InRoom = "in_room",
        /// Remotely, by video or telephone.
        Remote = "remote",
    }
}

named_enum! {
    /// How a meeting relates to its occasion.
    #[derive(Default)]
    pub enum OccasionRelation ("occasion relation", "diplomeet::OccasionRelation") {
        /// On the sidelines of a multilateral event (the default).
        #[default]
        Sidelines = "sidelines",
        /// During a visit by one side (the occasion names the visit).
        Visit = "visit",
        /// Before an event.
        Before = "before",
        /// After an event.
        After = "after",
        /// During an event, as part of it.
        During = "during",
    }
}

named_enum! {
    /// Whether the title is the source's own or a description.
    #[derive(Default)]
    pub enum TitleBasis ("title basis", "diplomeet::TitleBasis") {
        /// The source's own title ("Japan-Chile Foreign Ministers' Meeting").
        #[default]
        Given = "given",
        /// Written to describe the meeting, because the source gives none.
        Descriptive = "descriptive",
    }
}

named_enum! {
    /// How the venue's place is known.
    #[derive(Default)]
    pub enum PlaceBasis ("place basis", "diplomeet::PlaceBasis") {
        /// The source names the place.
        #[default]
        Named = "named",
        /// Inferred from the occasion (the city of the summit it was on the
        /// sidelines of).
        InferredFromOccasion = "inferred_from_occasion",
        /// The source names the country alone ("in Germany"): the place is
        /// the country's name.
        Country = "country",
    }
}

named_enum! {
    /// How the zone of the start (or of a date alone) is known.
    #[derive(Default)]
    pub enum ZoneBasis ("zone basis", "diplomeet::ZoneBasis") {
        /// The venue's zone: the time is the venue's clock, as the source
        /// gives it (the default).
        #[default]
        Venue = "venue",
        /// The source states the time as local time.
        StatedLocal = "stated_local",
        /// The source states the time in its own (home) zone ("Japan time").
        StatedHome = "stated_home",
        /// The source states no zone ("2:45 p.m." alone); the zone is the
        /// venue's, inferred.
        NotStated = "not_stated",
        /// The source states no zone and names no venue; the zone is the
        /// publisher's, assumed.
        NotStatedPublisher = "not_stated_publisher",
        /// A date alone, as the publishing side reported it: the zone is the
        /// publisher's.
        Publisher = "publisher",
    }
}
