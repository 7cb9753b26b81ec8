//! [`first_instant_at`]: where a range of civil times starts on the time line.

use chrono::{DateTime, LocalResult, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

use super::{Disambiguation, ZonedDateTime};
use crate::error::Error;

/// The first instant at which clocks in `zone` show `civil` or a later time.
///
/// Usually that is the one instant `civil` stands for. In a fold (the clocks
/// go back and show `civil` twice) it is the earlier one. In a gap (the
/// clocks jump over `civil`) it is the instant of the jump, when clocks
/// first show a time after `civil`: 02:30 on 2026-03-08 in New York never
/// happens, and the first instant at or after it is 03:00-04:00, where
/// [`Disambiguation::Compatible`] would give 03:30-04:00.
///
/// This is where a range of civil times (a working day, a stay that starts
/// at midnight) begins as instants, even when its start is skipped: in
/// Santiago, 2026-09-06 has no midnight and begins at 01:00-03:00.
///
/// Cost: one lookup in the zone's rules, plus a binary search over the
/// seconds of the gap (at most 17 steps for a gap of a day) when `civil`
/// falls in one.
///
/// # Errors
///
/// [`OutOfRange`](crate::ErrorKind::OutOfRange) when the instant would lie
/// outside the range chrono represents.
///
/// ```
/// use diplomeet::time::{first_instant_at, parse_civil, parse_zone};
///
/// let ny = parse_zone("America/New_York")?;
/// let at = |civil: &str| -> Result<String, diplomeet::Error> {
///     Ok(first_instant_at(parse_civil(civil)?, ny)?.to_rfc3339())
/// };
/// assert_eq!(at("2026-03-08T02:30")?, "2026-03-08T07:00:00+00:00"); // the jump, 03:00 EDT
/// assert_eq!(at("2026-11-01T01:30")?, "2026-11-01T05:30:00+00:00"); // the first 01:30, EDT
/// assert_eq!(at("2026-07-01T09:00")?, "2026-07-01T13:00:00+00:00");
/// let santiago = parse_zone("America/Santiago")?;
/// let day = first_instant_at(parse_civil("2026-09-06T00:00")?, santiago)?;
/// assert_eq!(day.to_rfc3339(), "2026-09-06T04:00:00+00:00"); // 01:00-03:00
/// # Ok::<(), diplomeet::Error>(())
/// ```
pub fn first_instant_at(civil: NaiveDateTime, zone: Tz) -> Result<DateTime<Utc>, Error> {
    match zone.from_local_datetime(&civil) {
        LocalResult::Single(t) => Ok(t.to_utc()),
        LocalResult::Ambiguous(a, b) => Ok(a.to_utc().min(b.to_utc())),
        LocalResult::None => jump_over(civil, zone),
    }
}

/// The instant of the transition that skips `civil`, a civil time in a gap.
///
/// Read with the offset after the transition, `civil` gives an instant
/// before it; read with the offset before, an instant at or after it. The
/// transition lies between the two (at most the gap's length apart) and on
/// a whole second: a binary search on the offset finds it.
fn jump_over(civil: NaiveDateTime, zone: Tz) -> Result<DateTime<Utc>, Error> {
    let before = ZonedDateTime::resolve(civil, zone, Disambiguation::Earlier)?.instant();
    let after = ZonedDateTime::resolve(civil, zone, Disambiguation::Later)?.instant();
    let offset_at = |t: DateTime<Utc>| zone.offset_from_utc_datetime(&t.naive_utc()).fix();
    let old = offset_at(before);
    // Invariant: the offset at `lo` is the old one, at `hi` it is not.
    let (mut lo, mut hi) = (before.timestamp(), after.timestamp());
    while hi.saturating_sub(lo) > 1 {
        let mid = lo + (hi - lo) / 2;
        match DateTime::from_timestamp(mid, 0) {
            Some(t) if offset_at(t) == old => lo = mid,
            Some(_) => hi = mid,
            None => break,
        }
    }
    Ok(DateTime::from_timestamp(hi, 0).unwrap_or(after))
}
