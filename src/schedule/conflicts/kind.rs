//! [`ConflictKind`] and [`Conflict`]: what is wrong between two meetings of
//! one minister.

use std::fmt;

use chrono::TimeDelta;

/// What is wrong between two meetings of one minister.
///
/// New kinds, and new fields in a kind, may be added in minor releases. It
/// carries data (the durations), so it has no text form of its own;
/// [`Conflict`]'s `Display` says it in words.
///
/// ```
/// use chrono::TimeDelta;
/// use diplomeet::schedule::{Calendar, ConflictKind, TravelTable};
/// use diplomeet::{Country, Meeting, Minister, Portfolio, Post, Venue};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let minister = |id: &str, country: &str| -> Result<Minister, diplomeet::Error> {
///     let post = Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?;
///     Minister::by_post(Country::from_code(country)?, post).id(id).build()
/// };
/// let (kamikawa, other) = (minister("jp-kamikawa-yoko", "JP")?, minister("cl-van-klaveren", "CL")?);
/// // `meeting(place, civil start, minutes)`: Kamikawa (and one counterpart).
/// let meeting = |place: &str, civil: &str, minutes: i64| -> Result<Meeting, Box<dyn std::error::Error>> {
///     Ok(Meeting::builder("Talks")
///         .venue(Venue::new(place, Country::from_code("JP")?, chrono_tz::Asia::Tokyo)?)
///         .starts_at(civil.parse()?)
///         .duration(TimeDelta::try_minutes(minutes).ok_or("minutes")?)
///         .participant(kamikawa.clone())
///         .participant(other.clone())
///         .build()?)
/// };
/// let calendar: Calendar = [
///     meeting("Tokyo", "2023-11-14T09:00:00", 180)?, // 09:00-12:00
///     meeting("Tokyo", "2023-11-14T10:00:00", 60)?,  // 10:00-11:00, inside it
///     meeting("Osaka", "2023-11-14T13:00:00", 60)?,  // an hour after, 3 hours away
/// ]
/// .into_iter()
/// .collect();
/// let hours = |h| TimeDelta::try_hours(h).ok_or("hours");
/// let table = TravelTable::builder(hours(3)?).build()?;
/// let kinds: Vec<(usize, usize, ConflictKind)> = calendar
///     .conflicts(&table)
///     .filter(|c| c.minister() == "jp-kamikawa-yoko")
///     .map(|c| (c.first(), c.second(), c.kind()))
///     .collect();
/// // Both Tokyo meetings are followed by Osaka, with 1 and 2 hours to go.
/// match kinds.as_slice() {
///     [
///         (0, 1, inside @ ConflictKind::Overlap { overlap, delay, .. }),
///         (0, 2, far @ ConflictKind::TravelShortfall { needed, available, .. }),
///         (1, 2, later),
///     ] => {
///         assert!(inside.is_overlap() && far.is_travel_shortfall());
///         assert_eq!(*overlap, hours(1)?); // both run from 10:00 to 11:00
///         assert_eq!(*delay, hours(2)?); // the second would start at 12:00
///         assert_eq!(inside.missing(), hours(2)?);
///         assert_eq!((*needed, *available), (hours(3)?, hours(1)?));
///         assert_eq!(far.missing(), hours(2)?);
///         assert_eq!(later.missing(), hours(1)?);
///     }
///     other => return Err(format!("unexpected {other:?}").into()),
/// }
/// # Ok(())
/// # }
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConflictKind {
    /// The two meetings share time: the second starts before the first
    /// ends.
    #[non_exhaustive]
    Overlap {
        /// How long both run at once (more than zero): from the second's
        /// start to the earlier of the two ends.
        overlap: TimeDelta,
        /// How much later the second meeting would have to start to follow
        /// the first: the first's end minus the second's start (more than
        /// zero). Equal to `overlap` unless the first meeting contains the
        /// second; then it is longer (travel between the venues, if any, is
        /// not added).
        delay: TimeDelta,
    },
    /// The two meetings follow each other in different places, and the
    /// time between the first's end and the second's start is shorter than
    /// the travel time.
    #[non_exhaustive]
    TravelShortfall {
        /// The travel time from the first venue to the second.
        needed: TimeDelta,
        /// The time between the first's end and the second's start (zero
        /// or more, less than `needed`).
        available: TimeDelta,
    },
}

impl ConflictKind {
    /// The time missing: how much later the second meeting would have to
    /// start for the conflict to go away (more than zero).
    ///
    /// For an overlap, the first's end minus the second's start (the
    /// overlap's `delay`; travel between the venues, if any, is not added):
    /// longer than the overlap itself when the first meeting contains the
    /// second. For a travel shortfall, the travel time not covered,
    /// `needed - available`. See the type's example.
    pub fn missing(&self) -> TimeDelta {
        match *self {
            ConflictKind::Overlap { delay, .. } => delay,
            ConflictKind::TravelShortfall { needed, available } => {
                needed.checked_sub(&available).unwrap_or(TimeDelta::MAX)
            }
        }
    }

    /// Whether the two meetings overlap. See the type's example.
    pub fn is_overlap(&self) -> bool {
        matches!(self, ConflictKind::Overlap { .. })
    }

    /// Whether the two meetings do not overlap but leave too little time to
    /// travel. See the type's example.
    pub fn is_travel_shortfall(&self) -> bool {
        matches!(self, ConflictKind::TravelShortfall { .. })
    }
}

/// One minister's two meetings that cannot both be kept as planned.
///
/// Found by [`Calendar::conflicts`](crate::schedule::Calendar::conflicts), which also
/// defines which pairs are checked. Meetings are named by their index in
/// [`Calendar::meetings`](crate::schedule::Calendar::meetings); the first is the
/// earlier (by start, then end, then index). A conflict borrows the
/// minister's id from the calendar (no allocation per conflict);
/// `minister().to_owned()` keeps it longer.
///
/// ```
/// use chrono::TimeDelta;
/// use diplomeet::schedule::{Calendar, TravelTable};
/// use diplomeet::{Country, Meeting, Minister, Portfolio, Post, Venue};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let minister = |id: &str, country: &str| -> Result<Minister, diplomeet::Error> {
///     let post = Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?;
///     Minister::by_post(Country::from_code(country)?, post).id(id).build()
/// };
/// let meeting = |civil: &str, minutes: i64| -> Result<Meeting, Box<dyn std::error::Error>> {
///     Ok(Meeting::builder("Talks")
///         .venue(Venue::new("Tokyo", Country::from_code("JP")?, chrono_tz::Asia::Tokyo)?)
///         .starts_at(civil.parse()?)
///         .duration(TimeDelta::try_minutes(minutes).ok_or("minutes")?)
///         .participant(minister("jp-kamikawa-yoko", "JP")?)
///         .participant(minister("cl-van-klaveren", "CL")?)
///         .build()?)
/// };
/// let calendar: Calendar = [
///     meeting("2023-11-14T09:00:00", 30)?,
///     meeting("2023-11-14T09:30:00", 30)?, // back to back: fine
///     meeting("2023-11-14T09:45:00", 30)?, // overlaps the second by 15 minutes
/// ]
/// .into_iter()
/// .collect();
/// let table = TravelTable::builder(TimeDelta::zero()).build()?;
/// let conflicts: Vec<_> = calendar.conflicts(&table).collect();
/// // Both ministers attend both meetings: one conflict each, by minister id.
/// let [first, second] = conflicts.as_slice() else { return Err("two conflicts".into()) };
/// assert_eq!((first.minister(), first.first(), first.second()), ("cl-van-klaveren", 1, 2));
/// assert!(first.kind().is_overlap());
/// assert_eq!(first.missing(), TimeDelta::try_minutes(15).ok_or("minutes")?);
/// assert_eq!(
///     second.to_string(),
///     "jp-kamikawa-yoko: meetings 1 and 2 overlap by 15 minutes"
/// );
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Conflict<'c> {
    minister: &'c str,
    first: usize,
    second: usize,
    kind: ConflictKind,
}

impl<'c> Conflict<'c> {
    pub(crate) fn new(minister: &'c str, first: usize, second: usize, kind: ConflictKind) -> Self {
        Conflict {
            minister,
            first,
            second,
            kind,
        }
    }

    /// The id of the minister ([`Minister::id`](crate::Minister::id)) who
    /// cannot attend both. See the type's example.
    pub fn minister(&self) -> &'c str {
        self.minister
    }

    /// The index of the earlier meeting (by start, then end, then index) in
    /// [`Calendar::meetings`](crate::schedule::Calendar::meetings). See the type's
    /// example.
    pub fn first(&self) -> usize {
        self.first
    }

    /// The index of the later meeting in
    /// [`Calendar::meetings`](crate::schedule::Calendar::meetings). See the type's
    /// example.
    pub fn second(&self) -> usize {
        self.second
    }

    /// What is wrong, with the durations involved; see [`ConflictKind`].
    pub fn kind(&self) -> ConflictKind {
        self.kind
    }

    /// The time missing; see [`ConflictKind::missing`].
    pub fn missing(&self) -> TimeDelta {
        self.kind.missing()
    }
}

impl fmt::Display for Conflict<'_> {
    /// "jp-kamikawa-yoko: meetings 3 and 7 overlap by 15 minutes"; when the
    /// first contains the second, "jp-kamikawa-yoko: meetings 3 and 7
    /// overlap by 1 hour (meeting 7 would have to start 2 hours later)"; or
    /// "jp-kamikawa-yoko: meetings 3 and 7 are 1 hour apart in different
    /// places, but travel takes 10 hours (9 hours short)".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: meetings {} and {} ",
            self.minister, self.first, self.second
        )?;
        match self.kind {
            ConflictKind::Overlap { overlap, delay } => {
                write!(f, "overlap by {}", Human(overlap))?;
                if delay != overlap {
                    write!(
                        f,
                        " (meeting {} would have to start {} later)",
                        self.second,
                        Human(delay)
                    )?;
                }
                Ok(())
            }
            ConflictKind::TravelShortfall { needed, available } => {
                if available.is_zero() {
                    f.write_str("are back to back in different places")?;
                } else {
                    write!(f, "are {} apart in different places", Human(available))?;
                }
                write!(
                    f,
                    ", but travel takes {} ({} short)",
                    Human(needed),
                    Human(self.kind.missing())
                )
            }
        }
    }
}

/// A duration in words: "1 hour 30 minutes", "2 days", "45 seconds".
struct Human(TimeDelta);

impl fmt::Display for Human {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0;
        if d < TimeDelta::zero() {
            f.write_str("minus ")?;
        }
        let total = d.num_seconds().unsigned_abs();
        if total == 0 {
            return f.write_str(if d.is_zero() {
                "0 minutes"
            } else {
                "less than a second"
            });
        }
        let parts = [
            (total / 86_400, "day"),
            (total / 3_600 % 24, "hour"),
            (total / 60 % 60, "minute"),
            (total % 60, "second"),
        ];
        let mut first = true;
        for (n, unit) in parts {
            if n == 0 {
                continue;
            }
            if !first {
                f.write_str(" ")?;
            }
            first = false;
            write!(f, "{n} {unit}{}", if n == 1 { "" } else { "s" })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minutes(m: i64) -> TimeDelta {
        TimeDelta::try_minutes(m).unwrap_or_default()
    }

    #[test]
    fn durations_read_well() {
        let cases = [
            (minutes(15), "15 minutes"),
            (minutes(60), "1 hour"),
            (minutes(90), "1 hour 30 minutes"),
            (minutes(24 * 60 + 1), "1 day 1 minute"),
            (TimeDelta::try_seconds(45).unwrap_or_default(), "45 seconds"),
            (TimeDelta::zero(), "0 minutes"),
            (
                TimeDelta::new(0, 5).unwrap_or_default(),
                "less than a second",
            ),
        ];
        for (d, text) in cases {
            assert_eq!(Human(d).to_string(), text);
        }
    }
}
