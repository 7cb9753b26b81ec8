//! Conflicts in a [`Calendar`]: a minister in two meetings at once, or in
//! two places without the time to travel between them.

use std::collections::HashMap;
use std::fmt;

use chrono::TimeDelta;

use super::calendar::{Calendar, Entry, Key, NO_VENUE};
use super::travel::TravelTimes;
use crate::meeting::Venue;

/// What is wrong between two meetings of one minister.
///
/// New kinds, and new fields in a kind, may be added in minor releases.
///
/// ```
/// use chrono::TimeDelta;
/// use diplomeet::schedule::{Calendar, ConflictKind, TravelTable};
/// use diplomeet::{Country, Meeting, Minister, PersonName, Portfolio, Post, Venue};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let minister = Minister::builder(
/// #     PersonName::builder().given("Yoko").surname("Kamikawa").build()?,
/// #     Country::from_code("JP")?,
/// # )
/// # .id("jp-kamikawa-yoko")
/// # .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?)
/// # .build()?;
/// # let other = Minister::builder(
/// #     PersonName::builder().given("Alberto").surname("van Klaveren").build()?,
/// #     Country::from_code("CL")?,
/// # )
/// # .id("cl-van-klaveren")
/// # .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?)
/// # .build()?;
/// // `meeting(place, civil start, minutes)`: Kamikawa (and one counterpart).
/// let meeting = |place: &str, civil: &str, minutes: i64| -> Result<Meeting, Box<dyn std::error::Error>> {
///     Ok(Meeting::builder("Talks")
///         .venue(Venue::new(place, Country::from_code("JP")?, chrono_tz::Asia::Tokyo)?)
///         .starts_at(civil.parse()?)
///         .duration(TimeDelta::try_minutes(minutes).ok_or("minutes")?)
///         .participant(minister.clone())
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
///     .iter()
///     .filter(|c| c.minister() == "jp-kamikawa-yoko")
///     .map(|c| (c.first(), c.second(), c.kind()))
///     .collect();
/// // Both Tokyo meetings are followed by Osaka, with 1 and 2 hours to go.
/// match kinds.as_slice() {
///     [
///         (0, 1, ConflictKind::Overlap { overlap, delay, .. }),
///         (0, 2, ConflictKind::TravelShortfall { needed, available, .. }),
///         (1, 2, later),
///     ] => {
///         assert_eq!(*overlap, hours(1)?); // both run from 10:00 to 11:00
///         assert_eq!(*delay, hours(2)?); // the second would start at 12:00
///         assert_eq!((*needed, *available), (hours(3)?, hours(1)?));
///         assert_eq!(later.missing(), hours(1)?);
///     }
///     other => panic!("unexpected {other:?}"),
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
    /// `needed - available`.
    ///
    /// ```
    /// use chrono::TimeDelta;
    /// use diplomeet::schedule::{Calendar, TravelTable};
    /// use diplomeet::{Country, Meeting, Minister, PersonName, Portfolio, Post, Venue};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let minister = |id: &str, country: &str| -> Result<Minister, diplomeet::Error> {
    /// #     let name = PersonName::builder().given(id).surname("Doe").build()?;
    /// #     Minister::builder(name, Country::from_code(country)?)
    /// #         .id(id)
    /// #         .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?)
    /// #         .build()
    /// # };
    /// # let meeting = |civil: &str, minutes: i64| -> Result<Meeting, Box<dyn std::error::Error>> {
    /// #     Ok(Meeting::builder("Talks")
    /// #         .venue(Venue::new("Tokyo", Country::from_code("JP")?, chrono_tz::Asia::Tokyo)?)
    /// #         .starts_at(civil.parse()?)
    /// #         .duration(TimeDelta::try_minutes(minutes).ok_or("minutes")?)
    /// #         .participant(minister("jp-kamikawa-yoko", "JP")?)
    /// #         .participant(minister("cl-van-klaveren", "CL")?)
    /// #         .build()?)
    /// # };
    /// // A morning session 09:00-12:00, and a meeting 10:00-11:00 within it.
    /// let calendar: Calendar =
    ///     [meeting("2023-11-14T09:00:00", 180)?, meeting("2023-11-14T10:00:00", 60)?]
    ///         .into_iter()
    ///         .collect();
    /// let table = TravelTable::builder(TimeDelta::zero()).build()?;
    /// let conflicts = calendar.conflicts(&table);
    /// let kind = conflicts.first().ok_or("no conflict")?.kind();
    /// // They share an hour, but the second would have to start two hours
    /// // later, at 12:00, to follow the first.
    /// assert_eq!(kind.missing(), TimeDelta::try_hours(2).ok_or("hours")?);
    /// # Ok(())
    /// # }
    /// ```
    pub fn missing(&self) -> TimeDelta {
        match *self {
            ConflictKind::Overlap { delay, .. } => delay,
            ConflictKind::TravelShortfall { needed, available } => {
                needed.checked_sub(&available).unwrap_or(TimeDelta::MAX)
            }
        }
    }

    /// Whether the two meetings overlap.
    ///
    /// ```
    /// use chrono::TimeDelta;
    /// use diplomeet::schedule::{Calendar, TravelTable};
    /// use diplomeet::{Country, Meeting, Minister, PersonName, Portfolio, Post, Venue};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let minister = |id: &str, country: &str| -> Result<Minister, diplomeet::Error> {
    /// #     let name = PersonName::builder().given(id).surname("Doe").build()?;
    /// #     Minister::builder(name, Country::from_code(country)?)
    /// #         .id(id)
    /// #         .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?)
    /// #         .build()
    /// # };
    /// # let meeting = |civil: &str| -> Result<Meeting, Box<dyn std::error::Error>> {
    /// #     Ok(Meeting::builder("Talks")
    /// #         .venue(Venue::new("Tokyo", Country::from_code("JP")?, chrono_tz::Asia::Tokyo)?)
    /// #         .starts_at(civil.parse()?)
    /// #         .duration(TimeDelta::try_minutes(60).ok_or("minutes")?)
    /// #         .participant(minister("jp-kamikawa-yoko", "JP")?)
    /// #         .participant(minister("cl-van-klaveren", "CL")?)
    /// #         .build()?)
    /// # };
    /// // Two hour-long meetings in Tokyo, half an hour apart.
    /// let calendar: Calendar = [meeting("2023-11-14T09:00:00")?, meeting("2023-11-14T09:30:00")?]
    ///     .into_iter()
    ///     .collect();
    /// let table = TravelTable::builder(TimeDelta::zero()).build()?;
    /// let conflicts = calendar.conflicts(&table);
    /// let kind = conflicts.first().ok_or("no conflict")?.kind();
    /// assert!(kind.is_overlap() && !kind.is_travel_shortfall());
    /// # Ok(())
    /// # }
    /// ```
    pub fn is_overlap(&self) -> bool {
        matches!(self, ConflictKind::Overlap { .. })
    }

    /// Whether the two meetings do not overlap but leave too little time to
    /// travel.
    ///
    /// ```
    /// use chrono::TimeDelta;
    /// use diplomeet::schedule::{Calendar, TravelTable};
    /// use diplomeet::{Country, Meeting, Minister, PersonName, Portfolio, Post, Venue};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let minister = |id: &str, country: &str| -> Result<Minister, diplomeet::Error> {
    /// #     let name = PersonName::builder().given(id).surname("Doe").build()?;
    /// #     Minister::builder(name, Country::from_code(country)?)
    /// #         .id(id)
    /// #         .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?)
    /// #         .build()
    /// # };
    /// # let meeting = |place: &str, civil: &str| -> Result<Meeting, Box<dyn std::error::Error>> {
    /// #     Ok(Meeting::builder("Talks")
    /// #         .venue(Venue::new(place, Country::from_code("JP")?, chrono_tz::Asia::Tokyo)?)
    /// #         .starts_at(civil.parse()?)
    /// #         .duration(TimeDelta::try_minutes(60).ok_or("minutes")?)
    /// #         .participant(minister("jp-kamikawa-yoko", "JP")?)
    /// #         .participant(minister("cl-van-klaveren", "CL")?)
    /// #         .build()?)
    /// # };
    /// // Tokyo until 10:00, Osaka at 11:00, three hours away.
    /// let calendar: Calendar =
    ///     [meeting("Tokyo", "2023-11-14T09:00:00")?, meeting("Osaka", "2023-11-14T11:00:00")?]
    ///         .into_iter()
    ///         .collect();
    /// let table = TravelTable::builder(TimeDelta::try_hours(3).ok_or("hours")?).build()?;
    /// let conflicts = calendar.conflicts(&table);
    /// let kind = conflicts.first().ok_or("no conflict")?.kind();
    /// assert!(kind.is_travel_shortfall() && !kind.is_overlap());
    /// assert_eq!(kind.missing(), TimeDelta::try_hours(2).ok_or("hours")?);
    /// # Ok(())
    /// # }
    /// ```
    pub fn is_travel_shortfall(&self) -> bool {
        matches!(self, ConflictKind::TravelShortfall { .. })
    }
}

/// One minister's two meetings that cannot both be kept as planned.
///
/// Found by [`Calendar::conflicts`], which also defines which pairs are
/// checked. Meetings are named by their index in
/// [`Calendar::meetings`]; the first is the earlier (by start, then end,
/// then index). A conflict borrows the minister's id from the calendar
/// (no allocation per conflict); `minister().to_owned()` keeps it longer.
///
/// ```
/// use chrono::TimeDelta;
/// use diplomeet::schedule::{Calendar, ConflictKind, TravelTable};
/// use diplomeet::{Country, Meeting, Minister, PersonName, Portfolio, Post, Venue};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let minister = |id: &str, country: &str| -> Result<Minister, diplomeet::Error> {
///     let name = PersonName::builder().given(id).surname("Doe").build()?;
///     Minister::builder(name, Country::from_code(country)?)
///         .id(id)
///         .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?)
///         .build()
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
/// let conflicts = calendar.conflicts(&table);
/// // Both ministers attend both meetings: one conflict each.
/// assert_eq!(conflicts.len(), 2);
/// let first = &conflicts[0];
/// assert_eq!((first.minister(), first.first(), first.second()), ("cl-van-klaveren", 1, 2));
/// assert!(first.kind().is_overlap());
/// assert_eq!(first.missing(), TimeDelta::try_minutes(15).ok_or("minutes")?);
/// assert_eq!(
///     conflicts[1].to_string(),
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
    /// The id of the minister ([`Minister::id`](crate::Minister::id)) who
    /// cannot attend both.
    /// ```
    /// use chrono::TimeDelta;
    /// use diplomeet::schedule::{Calendar, TravelTable};
    /// use diplomeet::{Country, Meeting, Minister, PersonName, Portfolio, Post, Venue};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let minister = |id: &str, country: &str| -> Result<Minister, diplomeet::Error> {
    /// #     let name = PersonName::builder().given(id).surname("Doe").build()?;
    /// #     Minister::builder(name, Country::from_code(country)?)
    /// #         .id(id)
    /// #         .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?)
    /// #         .build()
    /// # };
    /// # let meeting = |civil: &str, minutes: i64| -> Result<Meeting, Box<dyn std::error::Error>> {
    /// #     Ok(Meeting::builder("Talks")
    /// #         .venue(Venue::new("Tokyo", Country::from_code("JP")?, chrono_tz::Asia::Tokyo)?)
    /// #         .starts_at(civil.parse()?)
    /// #         .duration(TimeDelta::try_minutes(minutes).ok_or("minutes")?)
    /// #         .participant(minister("jp-kamikawa-yoko", "JP")?)
    /// #         .participant(minister("cl-van-klaveren", "CL")?)
    /// #         .build()?)
    /// # };
    /// // Meeting 0 at 10:00 for an hour; meeting 1 at 09:30 for 45 minutes.
    /// let calendar: Calendar = [meeting("2023-11-14T10:00:00", 60)?, meeting("2023-11-14T09:30:00", 45)?]
    ///     .into_iter()
    ///     .collect();
    /// let conflicts = calendar.conflicts(&TravelTable::builder(TimeDelta::zero()).build()?);
    /// let conflict = conflicts.first().ok_or("no conflict")?; // van Klaveren's, by id
    /// assert_eq!(conflict.minister(), "cl-van-klaveren");
    /// # Ok(())
    /// # }
    /// ```
    pub fn minister(&self) -> &'c str {
        self.minister
    }

    /// The index of the earlier meeting in [`Calendar::meetings`].
    /// ```
    /// use chrono::TimeDelta;
    /// use diplomeet::schedule::{Calendar, TravelTable};
    /// use diplomeet::{Country, Meeting, Minister, PersonName, Portfolio, Post, Venue};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let minister = |id: &str, country: &str| -> Result<Minister, diplomeet::Error> {
    /// #     let name = PersonName::builder().given(id).surname("Doe").build()?;
    /// #     Minister::builder(name, Country::from_code(country)?)
    /// #         .id(id)
    /// #         .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?)
    /// #         .build()
    /// # };
    /// # let meeting = |civil: &str, minutes: i64| -> Result<Meeting, Box<dyn std::error::Error>> {
    /// #     Ok(Meeting::builder("Talks")
    /// #         .venue(Venue::new("Tokyo", Country::from_code("JP")?, chrono_tz::Asia::Tokyo)?)
    /// #         .starts_at(civil.parse()?)
    /// #         .duration(TimeDelta::try_minutes(minutes).ok_or("minutes")?)
    /// #         .participant(minister("jp-kamikawa-yoko", "JP")?)
    /// #         .participant(minister("cl-van-klaveren", "CL")?)
    /// #         .build()?)
    /// # };
    /// // Meeting 0 at 10:00 for an hour; meeting 1 at 09:30 for 45 minutes.
    /// let calendar: Calendar = [meeting("2023-11-14T10:00:00", 60)?, meeting("2023-11-14T09:30:00", 45)?]
    ///     .into_iter()
    ///     .collect();
    /// let conflicts = calendar.conflicts(&TravelTable::builder(TimeDelta::zero()).build()?);
    /// let conflict = conflicts.first().ok_or("no conflict")?; // van Klaveren's, by id
    /// assert_eq!(conflict.first(), 1); // the earlier one
    /// # Ok(())
    /// # }
    /// ```
    pub fn first(&self) -> usize {
        self.first
    }

    /// The index of the later meeting in [`Calendar::meetings`].
    /// ```
    /// use chrono::TimeDelta;
    /// use diplomeet::schedule::{Calendar, TravelTable};
    /// use diplomeet::{Country, Meeting, Minister, PersonName, Portfolio, Post, Venue};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let minister = |id: &str, country: &str| -> Result<Minister, diplomeet::Error> {
    /// #     let name = PersonName::builder().given(id).surname("Doe").build()?;
    /// #     Minister::builder(name, Country::from_code(country)?)
    /// #         .id(id)
    /// #         .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?)
    /// #         .build()
    /// # };
    /// # let meeting = |civil: &str, minutes: i64| -> Result<Meeting, Box<dyn std::error::Error>> {
    /// #     Ok(Meeting::builder("Talks")
    /// #         .venue(Venue::new("Tokyo", Country::from_code("JP")?, chrono_tz::Asia::Tokyo)?)
    /// #         .starts_at(civil.parse()?)
    /// #         .duration(TimeDelta::try_minutes(minutes).ok_or("minutes")?)
    /// #         .participant(minister("jp-kamikawa-yoko", "JP")?)
    /// #         .participant(minister("cl-van-klaveren", "CL")?)
    /// #         .build()?)
    /// # };
    /// // Meeting 0 at 10:00 for an hour; meeting 1 at 09:30 for 45 minutes.
    /// let calendar: Calendar = [meeting("2023-11-14T10:00:00", 60)?, meeting("2023-11-14T09:30:00", 45)?]
    ///     .into_iter()
    ///     .collect();
    /// let conflicts = calendar.conflicts(&TravelTable::builder(TimeDelta::zero()).build()?);
    /// let conflict = conflicts.first().ok_or("no conflict")?; // van Klaveren's, by id
    /// assert_eq!(conflict.second(), 0);
    /// # Ok(())
    /// # }
    /// ```
    pub fn second(&self) -> usize {
        self.second
    }

    /// What is wrong, with the durations involved.
    /// ```
    /// use chrono::TimeDelta;
    /// use diplomeet::schedule::{Calendar, TravelTable};
    /// use diplomeet::{Country, Meeting, Minister, PersonName, Portfolio, Post, Venue};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let minister = |id: &str, country: &str| -> Result<Minister, diplomeet::Error> {
    /// #     let name = PersonName::builder().given(id).surname("Doe").build()?;
    /// #     Minister::builder(name, Country::from_code(country)?)
    /// #         .id(id)
    /// #         .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?)
    /// #         .build()
    /// # };
    /// # let meeting = |civil: &str, minutes: i64| -> Result<Meeting, Box<dyn std::error::Error>> {
    /// #     Ok(Meeting::builder("Talks")
    /// #         .venue(Venue::new("Tokyo", Country::from_code("JP")?, chrono_tz::Asia::Tokyo)?)
    /// #         .starts_at(civil.parse()?)
    /// #         .duration(TimeDelta::try_minutes(minutes).ok_or("minutes")?)
    /// #         .participant(minister("jp-kamikawa-yoko", "JP")?)
    /// #         .participant(minister("cl-van-klaveren", "CL")?)
    /// #         .build()?)
    /// # };
    /// // Meeting 0 at 10:00 for an hour; meeting 1 at 09:30 for 45 minutes.
    /// let calendar: Calendar = [meeting("2023-11-14T10:00:00", 60)?, meeting("2023-11-14T09:30:00", 45)?]
    ///     .into_iter()
    ///     .collect();
    /// let conflicts = calendar.conflicts(&TravelTable::builder(TimeDelta::zero()).build()?);
    /// let conflict = conflicts.first().ok_or("no conflict")?; // van Klaveren's, by id
    /// assert!(conflict.kind().is_overlap());
    /// # Ok(())
    /// # }
    /// ```
    pub fn kind(&self) -> ConflictKind {
        self.kind
    }

    /// The time missing; see [`ConflictKind::missing`].
    /// ```
    /// use chrono::TimeDelta;
    /// use diplomeet::schedule::{Calendar, TravelTable};
    /// use diplomeet::{Country, Meeting, Minister, PersonName, Portfolio, Post, Venue};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let minister = |id: &str, country: &str| -> Result<Minister, diplomeet::Error> {
    /// #     let name = PersonName::builder().given(id).surname("Doe").build()?;
    /// #     Minister::builder(name, Country::from_code(country)?)
    /// #         .id(id)
    /// #         .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?)
    /// #         .build()
    /// # };
    /// # let meeting = |civil: &str, minutes: i64| -> Result<Meeting, Box<dyn std::error::Error>> {
    /// #     Ok(Meeting::builder("Talks")
    /// #         .venue(Venue::new("Tokyo", Country::from_code("JP")?, chrono_tz::Asia::Tokyo)?)
    /// #         .starts_at(civil.parse()?)
    /// #         .duration(TimeDelta::try_minutes(minutes).ok_or("minutes")?)
    /// #         .participant(minister("jp-kamikawa-yoko", "JP")?)
    /// #         .participant(minister("cl-van-klaveren", "CL")?)
    /// #         .build()?)
    /// # };
    /// // Meeting 0 at 10:00 for an hour; meeting 1 at 09:30 for 45 minutes.
    /// let calendar: Calendar = [meeting("2023-11-14T10:00:00", 60)?, meeting("2023-11-14T09:30:00", 45)?]
    ///     .into_iter()
    ///     .collect();
    /// let conflicts = calendar.conflicts(&TravelTable::builder(TimeDelta::zero()).build()?);
    /// let conflict = conflicts.first().ok_or("no conflict")?; // van Klaveren's, by id
    /// // Meeting 0 would have to start 15 minutes later, at 10:15.
    /// assert_eq!(conflict.missing(), TimeDelta::try_minutes(15).ok_or("minutes")?);
    /// # Ok(())
    /// # }
    /// ```
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

/// The time from `from` to `to` (later), exactly; saturates far outside
/// any meeting's range.
fn between(from: Key, to: Key) -> TimeDelta {
    let mut secs = to.0.saturating_sub(from.0);
    let mut nanos = i64::from(to.1) - i64::from(from.1);
    if nanos < 0 {
        secs = secs.saturating_sub(1);
        nanos += 1_000_000_000;
    }
    let nanos = u32::try_from(nanos).unwrap_or(0);
    TimeDelta::new(secs, nanos).unwrap_or(if secs < 0 {
        TimeDelta::MIN
    } else {
        TimeDelta::MAX
    })
}

/// Below this many distinct venues, travel times are remembered in a
/// dense matrix; above, in a hash map.
const DENSE_VENUES: usize = 64;

/// Travel times already asked for, by (from, to) venue index: each ordered
/// pair of venues is asked once per search.
enum Memo {
    Dense {
        venues: usize,
        cells: Vec<Option<TimeDelta>>,
    },
    Sparse(HashMap<(u32, u32), TimeDelta>),
}

impl Memo {
    fn new(venues: usize) -> Memo {
        if venues <= DENSE_VENUES {
            Memo::Dense {
                venues,
                cells: Vec::new(),
            }
        } else {
            Memo::Sparse(HashMap::new())
        }
    }

    fn get<T: TravelTimes + ?Sized>(
        &mut self,
        from: u32,
        to: u32,
        all: &[Venue],
        travel: &T,
    ) -> TimeDelta {
        let ask = || match (all.get(from as usize), all.get(to as usize)) {
            (Some(a), Some(b)) => travel.travel_time(a, b).max(TimeDelta::zero()),
            _ => TimeDelta::zero(),
        };
        match self {
            Memo::Dense { venues, cells } => {
                if cells.is_empty() {
                    cells.resize(*venues * *venues, None);
                }
                match cells.get_mut(from as usize * *venues + to as usize) {
                    Some(Some(t)) => *t,
                    Some(cell) => *cell.insert(ask()),
                    None => ask(),
                }
            }
            Memo::Sparse(map) => *map.entry((from, to)).or_insert_with(ask),
        }
    }
}

/// Fills `sorted` with `entries` in time order: by start, then end, then
/// meeting index (the order of [`Entry`]).
///
/// Sorting the 40-byte entries themselves is slow; this sorts small keys
/// instead, the start second and the position: 8 bytes when the starts
/// span less than 2^32 seconds (136 years), 16 otherwise. Each run of
/// equal start seconds is then put in full order.
fn time_order(
    entries: &[Entry],
    keys: &mut Vec<u64>,
    wide: &mut Vec<u128>,
    sorted: &mut Vec<Entry>,
) {
    sorted.clear();
    if entries.is_sorted() {
        sorted.extend_from_slice(entries);
        return;
    }
    let (min, max) = entries.iter().fold((i64::MAX, i64::MIN), |(lo, hi), e| {
        (lo.min(e.start_secs), hi.max(e.start_secs))
    });
    let narrow = max
        .checked_sub(min)
        .is_some_and(|span| u32::try_from(span).is_ok());
    if u32::try_from(entries.len()).is_err() {
        sorted.extend_from_slice(entries);
        sorted.sort_unstable();
        return;
    }
    // In both forms, the low 32 bits are the position.
    if narrow {
        keys.clear();
        keys.extend(entries.iter().zip(0u32..).map(|(e, p)| {
            let offset = e.start_secs.abs_diff(min);
            (offset << 32) | u64::from(p)
        }));
        keys.sort_unstable();
        sorted.extend(
            keys.iter()
                .filter_map(|k| entries.get(*k as u32 as usize))
                .copied(),
        );
    } else {
        wide.clear();
        wide.extend(entries.iter().zip(0u32..).map(|(e, p)| {
            // Flipping the sign bit turns i64 order into u64 order.
            let secs = u128::from((e.start_secs as u64) ^ (1 << 63));
            (secs << 64) | u128::from(p)
        }));
        wide.sort_unstable();
        sorted.extend(
            wide.iter()
                .filter_map(|k| entries.get(*k as u32 as usize))
                .copied(),
        );
    }
    for run in sorted.chunk_by_mut(|a, b| a.start_secs == b.start_secs) {
        if run.len() > 1 {
            run.sort_unstable();
        }
    }
}

/// `at + by`, saturating far outside any meeting's range.
fn later(at: Key, by: TimeDelta) -> Key {
    let nanos = at.1 + by.subsec_nanos().unsigned_abs();
    let (carry, nanos) = if nanos >= 1_000_000_000 {
        (1, nanos - 1_000_000_000)
    } else {
        (0, nanos)
    };
    (
        at.0.saturating_add(by.num_seconds()).saturating_add(carry),
        nanos,
    )
}

impl Calendar {
    /// Every conflict in the calendar, for every minister: overlapping
    /// meetings, and consecutive meetings in different places without the
    /// time to travel between them.
    ///
    /// Ministers are told apart by [`Minister::id`](crate::Minister::id).
    /// For each minister, among the meetings they take part in:
    ///
    /// * **Overlap**: every pair of meetings whose half-open intervals
    ///   `[start, end)` share an instant. Back to back (one ends when the
    ///   other starts) is not an overlap.
    /// * **Travel shortfall**: for each meeting `a` with a venue, its *next*
    ///   meetings are the meetings `b` with a venue that start at the
    ///   earliest instant at or after `a`'s end (several when they start at
    ///   the same instant). If `a` and `b` are at different venues (the
    ///   whole [`Venue`] differs: place, country or zone; within one venue,
    ///   travel takes no time) and `travel` says the trip takes longer than
    ///   the time from `a`'s end to `b`'s start, that is a conflict. Two
    ///   venues with the same place text in different countries ("Paris",
    ///   France and "Paris", United States) are different venues, and
    ///   `travel` is asked about them; a [`TravelTable`](super::TravelTable),
    ///   keyed by place text alone, answers zero for them by its own rule.
    ///
    /// Telephone and video meetings have no venue: they take part in
    /// overlaps but need no travel to or from them, and they do not break
    /// the chain of in-person meetings around them (a call can be taken on
    /// the way). Hybrid meetings count as held at their venue. Meetings
    /// with no interval ([`Calendar::unplaced`]: a date alone, or no
    /// duration) take part in nothing.
    ///
    /// A pair of meetings that two ministers both attend gives one conflict
    /// for each. The result is sorted by minister id, then by the first
    /// meeting (start, end, index), then by the second. `travel` is asked at
    /// most once per ordered pair of venues, never for a venue and itself;
    /// a negative answer counts as zero.
    ///
    /// Time: O(n log n + k) for n (minister, meeting) pairs and k
    /// conflicts. The calendar keeps each minister's meetings as they are
    /// added; a search sorts each minister's by start (nothing to do when
    /// they were added in time order), then sweeps them once, comparing a
    /// meeting only with the meetings it overlaps and with its next ones.
    ///
    /// ```
    /// use chrono::TimeDelta;
    /// use diplomeet::schedule::{Calendar, TravelTable};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let table = TravelTable::builder(TimeDelta::try_hours(2).ok_or("hours")?).build()?;
    /// assert!(Calendar::new().conflicts(&table).is_empty());
    /// # Ok(())
    /// # }
    /// ```
    pub fn conflicts<T: TravelTimes + ?Sized>(&self, travel: &T) -> Vec<Conflict<'_>> {
        let index = &self.index;
        let mut ministers: Vec<(&str, &[Entry])> = index
            .ministers
            .iter()
            .map(|id| &**id)
            .zip(index.entries.iter().map(Vec::as_slice))
            .filter(|(_, entries)| entries.len() > 1)
            .collect();
        ministers.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let mut sweep = Sweep {
            memo: Memo::new(index.venues.len()),
            venues: &index.venues,
            travel,
            keys: Vec::new(),
            wide: Vec::new(),
            sorted: Vec::new(),
            next_located: Vec::new(),
            out: Vec::new(),
        };
        for (minister, entries) in ministers {
            sweep.minister(minister, entries);
        }
        sweep.out
    }
}

/// The state of one conflict search.
struct Sweep<'c, 't, T: ?Sized> {
    memo: Memo,
    venues: &'c [Venue],
    travel: &'t T,
    /// Scratch for [`time_order`].
    keys: Vec<u64>,
    wide: Vec<u128>,
    /// The current minister's meetings in time order.
    sorted: Vec<Entry>,
    /// For each position in `sorted`, the first position at or after it
    /// whose meeting has a venue.
    next_located: Vec<usize>,
    out: Vec<Conflict<'c>>,
}

impl<'c, T: TravelTimes + ?Sized> Sweep<'c, '_, T> {
    /// The conflicts of one minister.
    fn minister(&mut self, minister: &'c str, entries: &[Entry]) {
        time_order(entries, &mut self.keys, &mut self.wide, &mut self.sorted);
        let sorted = std::mem::take(&mut self.sorted);
        let n = sorted.len();
        // Only telephone and video meetings need skipping over.
        let remote = sorted.iter().any(|e| e.venue == NO_VENUE);
        self.next_located.clear();
        if remote {
            self.next_located.resize(n + 1, n);
            let mut next = n;
            for (j, (slot, e)) in self.next_located.iter_mut().zip(&sorted).enumerate().rev() {
                if e.venue != NO_VENUE {
                    next = j;
                }
                *slot = next;
            }
        }
        for (i, a) in sorted.iter().enumerate() {
            // In time order, the meetings that start before `a` ends follow
            // it directly, and each of them overlaps it.
            let after = sorted.get(i + 1..).unwrap_or_default();
            let mut j = i + 1;
            for b in after {
                if b.start() >= a.end() {
                    break;
                }
                self.out.push(Conflict {
                    minister,
                    first: a.meeting,
                    second: b.meeting,
                    kind: ConflictKind::Overlap {
                        overlap: between(b.start(), a.end().min(b.end())),
                        delay: between(b.start(), a.end()),
                    },
                });
                j += 1;
            }
            if a.venue == NO_VENUE {
                continue;
            }
            // `j` is the first meeting that starts at or after `a`'s end;
            // the next ones with a venue start at one instant.
            let p = if remote {
                self.next_located.get(j).copied().unwrap_or(n)
            } else {
                j
            };
            let next = sorted.get(p..).unwrap_or_default();
            let Some(group) = next.first().map(Entry::start) else {
                continue;
            };
            for b in next.iter().take_while(|b| b.start() == group) {
                if b.venue != NO_VENUE {
                    self.travel_check(minister, a, b);
                }
            }
        }
        self.sorted = sorted;
    }

    /// Records a travel shortfall from `a` to `b`, if there is one.
    fn travel_check(&mut self, minister: &'c str, a: &Entry, b: &Entry) {
        // Venues are interned whole (place, country and zone): equal
        // numbers, one venue, no travel.
        if a.venue == b.venue {
            return;
        }
        let needed = self.memo.get(a.venue, b.venue, self.venues, self.travel);
        // Compared as instants: no duration is built unless it conflicts.
        if b.start() < later(a.end(), needed) {
            self.out.push(Conflict {
                minister,
                first: a.meeting,
                second: b.meeting,
                kind: ConflictKind::TravelShortfall {
                    needed,
                    available: between(a.end(), b.start()),
                },
            });
        }
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

    #[test]
    fn between_borrows_nanoseconds() {
        assert_eq!(
            between((10, 900_000_000), (12, 100_000_000)),
            TimeDelta::new(1, 200_000_000).unwrap_or_default()
        );
        assert_eq!(between((5, 0), (5, 0)), TimeDelta::zero());
    }
}
