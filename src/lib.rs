#![doc = include_str!("../README.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod agenda;
mod ascii_fold;
mod country;
mod error;
pub mod export;
pub mod ical;
mod limits;
mod meeting;
mod minister;
mod name;
mod named;
pub mod schedule;
pub mod summit;
mod text_list;
pub mod time;
mod topic;

#[cfg(feature = "json")]
pub mod json;
#[cfg(feature = "serde")]
mod serde_impls;

#[cfg(feature = "gazetteer")]
pub mod gazetteer;

#[cfg(feature = "reader")]
pub mod reader;

pub use agenda::{AgendaItem, AgendaItemBuilder, Entry, Verb};
pub use country::{Country, CountryBuilder};
pub use error::{Error, ErrorKind, Violation, Violations};
pub use limits::Limits;
pub use meeting::{
    Attendance, DateBasis, Group, LocalTime, Meeting, MeetingBuilder, MeetingForm, MeetingKind,
    MeetingStatus, Mode, Occasion, OccasionRelation, Part, PartBuilder, Participant,
    ParticipantBuilder, Place, PlaceBasis, Role, Source, Start, StatedText, TitleBasis, Venue,
    VenueRelation, Who, ZoneBasis,
};
pub use minister::{Minister, MinisterBuilder, Portfolio, Post, PostStatus, Term};
pub use name::{NameOrder, PersonName, PersonNameBuilder};
pub use text_list::{TextIter, TextList};
pub use time::{Disambiguation, OffsetPolicy, StatedTime, StatedZone, ZonedDateTime};
pub use topic::{Topic, TopicBuilder, TopicCategory};

/// Compile-time check that every public type can cross threads.
#[allow(dead_code)]
fn assert_send_sync() {
    fn check<T: Send + Sync + 'static>() {}
    check::<Error>();
    check::<Country>();
    check::<Minister>();
    check::<Meeting>();
    check::<AgendaItem>();
    check::<Topic>();
    check::<ZonedDateTime>();
    check::<ical::IcsCalendar>();
    check::<ical::Warning>();
}
