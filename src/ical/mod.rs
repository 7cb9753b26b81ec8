//! Calendars in: iCalendar (RFC 5545) files from Outlook, Google, Apple or
//! any other producer, read into events with exact instants, expanded over
//! a window, and handed to the scheduling helpers as busy time.
//!
//! * [`IcsCalendar::parse`] reads a file leniently and safely: it never
//!   panics, reads what can be read, and lists what it skipped as
//!   [`Warning`]s with their line and reason. The file's size and its
//!   number of events are bounded by [`Limits`](crate::Limits).
//! * `TZID`s name an IANA zone, a `VTIMEZONE` of the file, or a Windows
//!   zone name ("Tokyo Standard Time"), mapped through CLDR's
//!   `windowsZones` table ([`windows_zone`], [`windows_zone_in`]).
//! * [`IcsCalendar::occurrences`] expands recurring events (`RRULE`,
//!   `RDATE`, `EXDATE`, `RECURRENCE-ID`) over a [`Window`], each in its own
//!   zone, with bounded cost; [`Occurrences::busy`] gives the busy blocks a
//!   [`SlotSearch`](crate::schedule::SlotSearch) takes for one participant.
//! * [`Event::to_meeting`] reads back, as a [`Meeting`](crate::Meeting), an
//!   event that [`to_ics`](crate::export::to_ics) wrote.
//!
//! The recurrence expander is this crate's own. The `rrule` crate (0.14,
//! which fits chrono-tz 0.10) was weighed: it expands only in chrono-tz
//! zones, not in a file's `VTIMEZONE` (Outlook's Windows zones); it walks
//! from `DTSTART`, so a rule begun in 1601 costs four centuries of
//! instances before the window; it stops at a fixed internal count with an
//! error rather than a partial result; it unwraps and expects in its
//! library code; and it brings `regex` and `log`. This one works in civil
//! time for any zone, starts a rule without `COUNT` at the window, is
//! bounded by [`Limits`](crate::Limits), and agrees occurrence for
//! occurrence with Python's `recurring-ical-events` in the tests.
//!
//! ```
//! use chrono::{TimeDelta, TimeZone, Utc};
//! use diplomeet::ical::{IcsCalendar, Window};
//! use diplomeet::schedule::SlotSearch;
//! use diplomeet::{Country, Minister, PersonName, Portfolio, Post};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! // Her diary, as Outlook writes it: a Windows zone name.
//! let diary = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:cabinet\r\n\
//!     DTSTART;TZID=Tokyo Standard Time:20260105T090000\r\n\
//!     DTEND;TZID=Tokyo Standard Time:20260105T120000\r\n\
//!     RRULE:FREQ=WEEKLY;BYDAY=MO\r\nSUMMARY:Cabinet\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
//! let calendar = IcsCalendar::parse(diary)?;
//! let from = Utc.with_ymd_and_hms(2026, 3, 2, 0, 0, 0).single().ok_or("from")?;
//! let to = Utc.with_ymd_and_hms(2026, 3, 3, 0, 0, 0).single().ok_or("to")?;
//! let busy = calendar.occurrences(&Window::new(from, to)?).busy();
//!
//! let name = PersonName::builder().given("Yoko").surname("Kamikawa").build()?;
//! let minister = Minister::builder(name, Country::from_code("JP")?)
//!     .post(Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?)
//!     .build()?;
//! let mut search = SlotSearch::builder()
//!     .participant(minister.clone())
//!     .window(from, to)
//!     .duration(TimeDelta::try_hours(1).ok_or("hour")?);
//! for (start, end) in busy {
//!     search = search.busy(minister.id(), start, end);
//! }
//! let result = search.build()?.search();
//! // Cabinet takes 09:00-12:00 JST (00:00-03:00 UTC): the first free hour is at 12:00 JST.
//! let best = result.best().ok_or("no slot")?;
//! assert_eq!(best.start(), Utc.with_ymd_and_hms(2026, 3, 2, 3, 0, 0).single().ok_or("t")?);
//! # Ok(())
//! # }
//! ```

mod calendar;
mod event;
mod expand;
mod lines;
mod rebuild;
mod recur;
mod value;
mod vtimezone;
mod warning;
mod windows;
#[rustfmt::skip]
mod windows_data;

pub use calendar::IcsCalendar;
pub use event::{Event, EventStatus};
pub use expand::{Occurrence, Occurrences, Window};
pub use warning::{Warning, WarningKind};
pub use windows::{windows_zone, windows_zone_in, windows_zone_table, windows_zones_cldr_version};
