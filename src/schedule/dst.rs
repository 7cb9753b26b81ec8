//! DST warnings: [`Meeting::offset_changes`] flags a meeting during which a
//! zone it involves changes its UTC offset, as [`OffsetChange`]s.

use std::fmt;

use chrono::{DateTime, FixedOffset, Offset, TimeZone, Utc};
use chrono_tz::Tz;

use crate::error::{Detail, Error};
use crate::meeting::Meeting;

/// A change of UTC offset in one zone during a meeting: the zone, the
/// participants who live on its clock, the instant of the change and the
/// offsets before and after.
///
/// ```
/// use chrono::TimeDelta;
/// use diplomeet::time::parse_civil;
/// use diplomeet::{Country, Disambiguation, Meeting, Minister, PersonName, Portfolio, Post, Venue};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let minister = |given: &str, surname: &str, country: &str| -> Result<Minister, diplomeet::Error> {
///     let name = PersonName::builder().given(given).surname(surname).build()?;
///     Minister::builder(name, Country::from_code(country)?)
///         .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?)
///         .build()
/// };
/// // New York falls back from -04:00 to -05:00 at 02:00 on 2026-11-01.
/// let meeting = Meeting::builder("A late meeting")
///     .venue(Venue::new("New York", Country::from_code("US")?, chrono_tz::America::New_York)?)
///     .starts_at(parse_civil("2026-11-01T01:00")?)
///     .disambiguation(Disambiguation::Earlier)
///     .duration(TimeDelta::try_hours(3).ok_or("hours")?)
///     .participant(minister("Jane", "Doe", "US")?)
///     .participant(minister("Yoko", "Kamikawa", "JP")?)
///     .build()?;
/// // The meeting runs from 01:00 (the first one) to 04:00: New York's
/// // clocks change during it, Tokyo's do not.
/// let changes = meeting.offset_changes()?;
/// assert_eq!(changes.len(), 1);
/// let change = changes.first().ok_or("no change")?;
/// assert_eq!(change.zone(), chrono_tz::America::New_York);
/// assert!(change.is_meeting_zone()); // the venue's zone
/// assert_eq!(change.participants(), ["us-jane-doe"]); // who lives on it
/// assert_eq!(change.instant().to_rfc3339(), "2026-11-01T06:00:00+00:00");
/// assert_eq!(change.before().to_string(), "-04:00");
/// assert_eq!(change.after().local_minus_utc(), -5 * 3600);
/// assert_eq!(change.shift(), TimeDelta::try_hours(-1).ok_or("hours")?);
/// assert_eq!(
///     change.to_string(),
///     "America/New_York changes from -04:00 to -05:00 at 2026-11-01T06:00:00Z (us-jane-doe)"
/// );
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OffsetChange {
    zone: Tz,
    meeting_zone: bool,
    participants: Vec<String>,
    instant: DateTime<Utc>,
    before: FixedOffset,
    after: FixedOffset,
}

impl OffsetChange {
    /// The zone whose offset changes.
    pub fn zone(&self) -> Tz {
        self.zone
    }

    /// Whether the zone is the meeting's own (the venue's, or the stated zone
    /// of a remote meeting).
    pub fn is_meeting_zone(&self) -> bool {
        self.meeting_zone
    }

    /// The ids of the participants on its clock (where they called from,
    /// else their home zone), in the meeting's order (empty when only the
    /// meeting's zone is concerned).
    pub fn participants(&self) -> &[String] {
        &self.participants
    }

    /// The first instant at the new offset.
    pub fn instant(&self) -> DateTime<Utc> {
        self.instant
    }

    /// The offset before the change.
    pub fn before(&self) -> FixedOffset {
        self.before
    }

    /// The offset from the change on.
    pub fn after(&self) -> FixedOffset {
        self.after
    }

    /// How far the clocks move: `-1 h` for a fall back, `+30 min` for
    /// Lord Howe's spring forward.
    pub fn shift(&self) -> chrono::TimeDelta {
        let secs = self.after.local_minus_utc() - self.before.local_minus_utc();
        chrono::TimeDelta::try_seconds(i64::from(secs)).unwrap_or_default()
    }
}

impl fmt::Display for OffsetChange {
    /// `America/New_York changes from -04:00 to -05:00 at
    /// 2026-11-01T06:00:00Z (us-jane-doe)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} changes from {} to {} at {}",
            self.zone.name(),
            self.before,
            self.after,
            self.instant.format("%Y-%m-%dT%H:%M:%SZ")
        )?;
        if !self.participants.is_empty() {
            write!(f, " ({})", self.participants.join(", "))?;
        }
        Ok(())
    }
}

/// The zone's offset at `t` whole seconds after the Unix epoch.
fn offset_at_second(zone: Tz, t: i64) -> Option<FixedOffset> {
    DateTime::from_timestamp(t, 0).map(|utc| zone.offset_from_utc_datetime(&utc.naive_utc()).fix())
}

fn out_of_range(t: i64) -> Error {
    Error::new(Detail::OutOfRange {
        what: "instant".to_owned(),
        value: format!("{t} seconds after 1970-01-01T00:00:00Z"),
    })
}

/// The change of offset in `zone` within `[start, end)` (whole seconds after
/// the epoch, `start` the second that holds the meeting's start and `last`
/// the second that holds its last instant), if any.
///
/// Compares the offsets at both ends and bisects to the second. This finds
/// one change at most, and none if two cancel out: meetings last at most 24
/// hours, and the tz database never changes a zone's offset twice within
/// about 95 hours (the assumption `crate::time`'s gap and fold lookup also
/// rests on), so a span holds at most one change. tz transitions fall on
/// whole seconds, so the offset within a second is that of its start.
fn change_in(
    zone: Tz,
    start: i64,
    last: i64,
) -> Result<Option<(i64, FixedOffset, FixedOffset)>, Error> {
    let before = offset_at_second(zone, start).ok_or_else(|| out_of_range(start))?;
    let after = offset_at_second(zone, last).ok_or_else(|| out_of_range(last))?;
    if before == after {
        return Ok(None);
    }
    // Invariant: the offset at `lo` is `before`, at `hi` it is not.
    let (mut lo, mut hi) = (start, last);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if offset_at_second(zone, mid).ok_or_else(|| out_of_range(mid))? == before {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(Some((hi, before, after)))
}

impl Meeting {
    /// Every change of UTC offset during the meeting, in every zone it
    /// involves: its own zone (the venue's, or the stated zone of a remote
    /// meeting) and each participant's clock (where they called from, else
    /// their home zone), each zone once with the ids of the participants on
    /// it, in that order.
    ///
    /// The meeting's span is half-open, `[start, end)`: a change at the very
    /// start or at the end is not during the meeting (no one there sees two
    /// offsets). Most meetings have none; a meeting that does is worth a
    /// warning, as clocks and calendars on both sides will disagree about
    /// its end.
    ///
    /// Cost: O(p) for p participants (their zones grouped with a hash
    /// map), then for each of the z distinct zones two offset lookups, and
    /// a binary search over the meeting's seconds (at most 17 steps for a
    /// day) when the offset changes.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::NoTimeOfDay`](crate::ErrorKind::NoTimeOfDay) for a
    /// meeting with a date but no time,
    /// [`ErrorKind::NoDuration`](crate::ErrorKind::NoDuration) for one
    /// without a duration.
    ///
    /// ```
    /// use chrono::TimeDelta;
    /// use diplomeet::{Country, Meeting, Minister, PersonName, Portfolio, Post, Venue};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let minister = |given: &str, surname: &str, country: &str| -> Result<Minister, diplomeet::Error> {
    ///     let name = PersonName::builder().given(given).surname(surname).build()?;
    ///     Minister::builder(name, Country::from_code(country)?)
    ///         .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?)
    ///         .build()
    /// };
    /// let meeting = Meeting::builder("Japan-Chile Foreign Ministers' Meeting")
    ///     .venue(Venue::new("San Francisco", Country::from_code("US")?, chrono_tz::America::Los_Angeles)?)
    ///     .starts_at("2023-11-13T16:00:00".parse()?)
    ///     .duration(TimeDelta::try_minutes(30).ok_or("minutes")?)
    ///     .participant(minister("Yoko", "Kamikawa", "JP")?)
    ///     .participant(minister("Alberto", "van Klaveren", "CL")?)
    ///     .build()?;
    /// assert!(meeting.offset_changes()?.is_empty());
    /// # Ok(())
    /// # }
    /// ```
    pub fn offset_changes(&self) -> Result<Vec<OffsetChange>, Error> {
        let start = self.start()?.instant();
        let end = self.end()?.instant();
        // The seconds holding the first and the last instant of [start, end).
        let first = start.timestamp();
        let last_instant = end
            .checked_sub_signed(chrono::TimeDelta::nanoseconds(1))
            .ok_or_else(|| out_of_range(end.timestamp()))?;
        let last = last_instant.timestamp().max(first);

        let mut zones: Vec<(Tz, bool, Vec<String>)> = self
            .zone()
            .map(|z| vec![(z, true, Vec::new())])
            .unwrap_or_default();
        // Each zone's place in `zones`, in the order first met.
        let mut seen: std::collections::HashMap<Tz, usize> = zones
            .iter()
            .enumerate()
            .map(|(i, (z, _, _))| (*z, i))
            .collect();
        for p in self.participants() {
            let Some(home) = p.clock_zone() else { continue };
            let id = p.id().to_owned();
            match seen.get(&home).and_then(|&i| zones.get_mut(i)) {
                Some((_, _, ids)) => ids.push(id),
                None => {
                    seen.insert(home, zones.len());
                    zones.push((home, false, vec![id]));
                }
            }
        }

        let mut changes = Vec::new();
        for (zone, meeting_zone, participants) in zones {
            if let Some((at, before, after)) = change_in(zone, first, last)? {
                let instant = DateTime::from_timestamp(at, 0).ok_or_else(|| out_of_range(at))?;
                changes.push(OffsetChange {
                    zone,
                    meeting_zone,
                    participants,
                    instant,
                    before,
                    after,
                });
            }
        }
        Ok(changes)
    }
}
