//! Zoned civil time: the clock on the wall at the venue, its IANA zone, and the
//! exact instant they stand for.
//!
//! A meeting happens at a **civil time** in a **zone**: 16:00 on 2023-11-13 in
//! `America/Los_Angeles`. That is what a readout states and what this crate keeps.
//! The instant (2023-11-14T00:00Z), and the civil time anywhere else (09:00 on
//! 2023-11-14 in `Asia/Tokyo`), follow from the zone's rules, through the UTC
//! offset the zone has then (-08:00).
//!
//! # Gaps and folds
//!
//! A civil time is usually one instant, but not around a change of offset:
//!
//! * a **gap** (spring forward) is skipped: `America/New_York` goes from
//!   01:59:59-05:00 to 03:00:00-04:00 on 2026-03-08, so 02:30 never happens there.
//!   Gaps can be 30 minutes (`Australia/Lord_Howe`), start at midnight
//!   (`America/Santiago`, where 2026-09-06 begins at 01:00), or last a whole day
//!   (`Pacific/Apia` skipped 2011-12-30, going from -10:00 to +14:00);
//! * a **fold** (fall back) happens twice: 01:30 on 2026-11-01 in New York is first
//!   01:30-04:00, then, an hour later, 01:30-05:00.
//!
//! [`ZonedDateTime::resolve`] turns a civil time into a [`ZonedDateTime`] under an
//! explicit [`Disambiguation`] policy (TC39 Temporal's): `Reject` (the default:
//! an error that names the zone, the time and both offsets), `Earlier`, `Later`
//! or `Compatible`. The result holds the civil time clocks really showed, so a
//! skipped 02:30 resolved with `Compatible` *is* 03:30-04:00.
//!
//! ```
//! use diplomeet::time::{parse_civil, parse_zone};
//! use diplomeet::{Disambiguation, ErrorKind, ZonedDateTime};
//!
//! let ny = parse_zone("America/New_York")?;
//! let twice = parse_civil("2026-11-01T01:30")?;
//! let err = ZonedDateTime::resolve(twice, ny, Disambiguation::Reject).unwrap_err();
//! assert_eq!(err.kind(), ErrorKind::Fold);
//! assert_eq!(
//!     err.to_string(),
//!     "2026-11-01T01:30:00 is ambiguous in America/New_York: \
//!      it occurs at offset -04:00 and again at -05:00"
//! );
//! let second = ZonedDateTime::resolve(twice, ny, Disambiguation::Later)?;
//! assert_eq!(second.to_string(), "2026-11-01T01:30:00-05:00[America/New_York]");
//! # Ok::<(), diplomeet::Error>(())
//! ```
//!
//! # Text
//!
//! A zoned time is written in RFC 9557 form, civil time, offset and zone:
//! `2023-11-13T16:00:00-08:00[America/Los_Angeles]`. The offset makes the string
//! exact even in a fold; the zone makes it mean something to people. When the two
//! disagree (the zone's rules changed since the string was written), an
//! [`OffsetPolicy`] decides which one wins; [`ZonedDateTime::parse`] lists what is
//! accepted. Civil times alone are read by [`parse_civil`], zone names by
//! [`parse_zone`], ISO 8601 durations (`PT30M`) by [`parse_duration`] and written
//! by [`format_duration`].
//!
//! Where a range of civil times starts as instants, even when its first
//! time is skipped by a gap, is [`first_instant_at`]: working hours and
//! stays are read that way.
//!
//! Nothing here reads the system clock or the machine's zone. The zone rules are
//! those of the tz database release that chrono-tz embeds (2025b).

mod civil;
mod disambiguation;
mod duration;
mod first_instant;
mod lookup;
mod offset_policy;
mod rfc9557;
pub(crate) mod stated;
mod zone;
mod zoned;

pub use civil::parse_civil;
pub use disambiguation::Disambiguation;
pub use duration::{format_duration, parse_duration};
#[allow(unused_imports)]
pub(crate) use duration::{format_iso_duration, parse_iso_duration};
pub use first_instant::first_instant_at;
pub use offset_policy::OffsetPolicy;
pub use stated::{StatedTime, StatedZone};
pub use zone::parse_zone;
pub use zoned::ZonedDateTime;
