#![doc = include_str!("../README.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod agenda;
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
pub mod time;
mod topic;

#[cfg(feature = "serde")]
pub mod json;

pub use agenda::{AgendaItem, AgendaItemBuilder, MutualVerb, OneSidedVerb, Outcome, Statement};
pub use country::{Country, CountryBuilder};
pub use error::{Error, ErrorKind, Violation};
pub use limits::Limits;
pub use meeting::{
    LocalTime, Meeting, MeetingBuilder, MeetingForm, MeetingKind, MeetingStatus, Mode, Source,
    Start, Venue, VenueRelation,
};
pub use minister::{Minister, MinisterBuilder, Portfolio, Post, Term};
pub use name::{NameOrder, PersonName, PersonNameBuilder};
pub use time::{Disambiguation, OffsetPolicy, ZonedDateTime};
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
