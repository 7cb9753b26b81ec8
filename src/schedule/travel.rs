//! Travel times between venues: the [`TravelTimes`] trait that
//! [`Calendar::conflicts`](crate::schedule::Calendar::conflicts) asks, and a
//! ready-made [`TravelTable`] keyed by place names.

use std::collections::HashMap;

use chrono::TimeDelta;

use crate::error::{Collector, Detail, Error, echo};
use crate::meeting::Venue;
use crate::time::format_duration;

/// How long it takes to get from one venue to another.
///
/// [`Calendar::conflicts`](crate::schedule::Calendar::conflicts) asks it for
/// each pair of consecutive in-person meetings of a minister at **different
/// venues** (venues that differ as a whole: place, country or zone): within
/// one venue, travel takes no time and the trait is not asked. Two venues
/// with the same place text in different countries ("Paris" in France and
/// in the United States) are different, and the trait is asked about them. Telephone and video
/// meetings have no venue: no travel is needed to or from them, and they are
/// never passed here.
///
/// Implementations should be pure (the same venues, the same answer): a
/// conflict search asks at most once per ordered pair of venues and reuses
/// the answer. A negative answer counts as zero.
///
/// Any `Fn(&Venue, &Venue) -> TimeDelta` closure is a `TravelTimes`; for a
/// table keyed by place names, see [`TravelTable`].
///
/// ```
/// use chrono::TimeDelta;
/// use diplomeet::schedule::TravelTimes;
/// use diplomeet::{Country, Venue};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// // Two hours between any two countries, thirty minutes within one.
/// let rule = |from: &Venue, to: &Venue| {
///     let minutes = if from.country() == to.country() { 30 } else { 120 };
///     TimeDelta::try_minutes(minutes).unwrap_or(TimeDelta::MAX)
/// };
/// let tokyo = Venue::new("Tokyo", Country::from_code("JP")?, chrono_tz::Asia::Tokyo)?;
/// let osaka = Venue::new("Osaka", Country::from_code("JP")?, chrono_tz::Asia::Tokyo)?;
/// assert_eq!(rule.travel_time(&tokyo, &osaka), TimeDelta::try_minutes(30).ok_or("minutes")?);
/// # Ok(())
/// # }
/// ```
pub trait TravelTimes {
    /// The time needed to get from `from` to `to`: zero or more.
    ///
    /// ```
    /// use chrono::TimeDelta;
    /// use diplomeet::schedule::{TravelTable, TravelTimes};
    /// use diplomeet::{Country, Venue};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let table = TravelTable::builder(TimeDelta::try_hours(12).ok_or("hours")?).build()?;
    /// let paris = Venue::new("Paris", Country::from_code("FR")?, chrono_tz::Europe::Paris)?;
    /// let tokyo = Venue::new("Tokyo", Country::from_code("JP")?, chrono_tz::Asia::Tokyo)?;
    /// assert_eq!(table.travel_time(&paris, &tokyo), TimeDelta::try_hours(12).ok_or("hours")?);
    /// assert_eq!(table.travel_time(&paris, &paris), TimeDelta::zero());
    /// # Ok(())
    /// # }
    /// ```
    fn travel_time(&self, from: &Venue, to: &Venue) -> TimeDelta;
}

impl<F> TravelTimes for F
where
    F: Fn(&Venue, &Venue) -> TimeDelta,
{
    fn travel_time(&self, from: &Venue, to: &Venue) -> TimeDelta {
        self(from, to)
    }
}

/// The longest travel time a [`TravelTable`] accepts: 7 days.
///
/// ```
/// use chrono::TimeDelta;
/// use diplomeet::schedule::{MAX_TRAVEL_DAYS, TravelTable};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let days = |d| TimeDelta::try_days(d).ok_or("days");
/// assert!(TravelTable::builder(days(MAX_TRAVEL_DAYS)?).build().is_ok());
/// assert!(TravelTable::builder(days(MAX_TRAVEL_DAYS + 1)?).build().is_err());
/// # Ok(())
/// # }
/// ```
pub const MAX_TRAVEL_DAYS: i64 = 7;

/// Travel times keyed by pairs of place names, with a default for the pairs
/// it does not list.
///
/// * Places are the venues' [`Venue::place`] texts, compared **exactly**:
///   case-sensitive, with no trimming or folding ("San Francisco" and
///   "san francisco" are two places). Use one spelling per place, and a name
///   that tells places apart ("Paris, Texas") when two countries share one:
///   the table knows texts only, so asked about two different venues with
///   the same place text ("Paris" in France and in the United States) it
///   answers zero, as within one place. For such venues, implement
///   [`TravelTimes`] (a closure will do) with a rule that looks at the
///   country or zone too.
/// * [`route`](TravelTableBuilder::route) sets both directions;
///   [`one_way`](TravelTableBuilder::one_way) sets one, for asymmetric
///   routes. When a direction is set twice, the last setting wins, so a
///   `one_way` after a `route` overrides one of its directions.
/// * Within one place, travel takes no time.
/// * Any other pair takes the default given to [`TravelTable::builder`].
/// * Every duration is between zero and [`MAX_TRAVEL_DAYS`] days.
///
/// ```
/// use chrono::TimeDelta;
/// use diplomeet::schedule::TravelTable;
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let hours = |h| TimeDelta::try_hours(h).ok_or("hours");
/// let table = TravelTable::builder(hours(12)?)
///     .route("Tokyo", "San Francisco", hours(10)?)
///     .one_way("San Francisco", "Tokyo", hours(12)?)
///     .build()?;
/// assert_eq!(table.time("Tokyo", "San Francisco"), hours(10)?);
/// assert_eq!(table.time("San Francisco", "Tokyo"), hours(12)?);
/// assert_eq!(table.time("Tokyo", "Tokyo"), TimeDelta::zero());
/// assert_eq!(table.time("Tokyo", "Santiago"), hours(12)?); // the default
/// assert_eq!(table.time("tokyo", "San Francisco"), hours(12)?); // case-sensitive
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TravelTable {
    default: TimeDelta,
    /// `from` place, then `to` place.
    routes: HashMap<String, HashMap<String, TimeDelta>>,
}

impl TravelTable {
    /// Starts a table whose unlisted pairs of places take `default`.
    ///
    /// ```
    /// use chrono::TimeDelta;
    /// use diplomeet::schedule::TravelTable;
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let hours = |h| TimeDelta::try_hours(h).ok_or("hours");
    /// let table = TravelTable::builder(hours(5)?).build()?;
    /// assert_eq!(table.time("Lima", "Santiago"), hours(5)?);
    /// assert!(table.is_empty());
    /// # Ok(())
    /// # }
    /// ```
    pub fn builder(default: TimeDelta) -> TravelTableBuilder {
        TravelTableBuilder {
            default,
            routes: Vec::new(),
        }
    }

    /// The time from the place `from` to the place `to`: zero within one
    /// place, the listed time, or the default.
    ///
    /// Cost: O(|from| + |to|): two hash lookups.
    ///
    /// ```
    /// use chrono::TimeDelta;
    /// use diplomeet::schedule::TravelTable;
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let hours = |h| TimeDelta::try_hours(h).ok_or("hours");
    /// let table = TravelTable::builder(hours(8)?).route("Lima", "Santiago", hours(4)?).build()?;
    /// assert_eq!(table.time("Santiago", "Lima"), hours(4)?); // listed (both ways)
    /// assert_eq!(table.time("Lima", "Quito"), hours(8)?); // the default
    /// assert_eq!(table.time("Lima", "Lima"), TimeDelta::zero()); // one place
    /// # Ok(())
    /// # }
    /// ```
    pub fn time(&self, from: &str, to: &str) -> TimeDelta {
        if from == to {
            return TimeDelta::zero();
        }
        self.routes
            .get(from)
            .and_then(|m| m.get(to))
            .copied()
            .unwrap_or(self.default)
    }

    /// Every listed time, one way each: `(from, to, time)`, in no order.
    #[cfg(feature = "serde")]
    pub(crate) fn routes(&self) -> impl Iterator<Item = (&str, &str, TimeDelta)> {
        self.routes.iter().flat_map(|(from, m)| {
            m.iter()
                .map(move |(to, t)| (from.as_str(), to.as_str(), *t))
        })
    }

    /// The time for pairs of places the table does not list.
    ///
    /// ```
    /// use chrono::TimeDelta;
    /// use diplomeet::schedule::TravelTable;
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let hours = |h| TimeDelta::try_hours(h).ok_or("hours");
    /// let table = TravelTable::builder(hours(8)?).route("Lima", "Santiago", hours(4)?).build()?;
    /// assert_eq!(table.default_time(), hours(8)?);
    /// # Ok(())
    /// # }
    /// ```
    pub fn default_time(&self) -> TimeDelta {
        self.default
    }

    /// Whether the table lists the direction `from` → `to` (rather than
    /// falling back to the default).
    ///
    /// ```
    /// use chrono::TimeDelta;
    /// use diplomeet::schedule::TravelTable;
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let hours = |h| TimeDelta::try_hours(h).ok_or("hours");
    /// let table = TravelTable::builder(hours(8)?).one_way("Lima", "Santiago", hours(4)?).build()?;
    /// assert!(table.lists("Lima", "Santiago"));
    /// assert!(!table.lists("Santiago", "Lima")); // falls back to the default
    /// # Ok(())
    /// # }
    /// ```
    pub fn lists(&self, from: &str, to: &str) -> bool {
        self.routes.get(from).is_some_and(|m| m.contains_key(to))
    }

    /// The number of directions listed (a [`route`](TravelTableBuilder::route)
    /// counts two).
    ///
    /// ```
    /// use chrono::TimeDelta;
    /// use diplomeet::schedule::TravelTable;
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let hours = |h| TimeDelta::try_hours(h).ok_or("hours");
    /// let table = TravelTable::builder(hours(8)?)
    ///     .route("Lima", "Santiago", hours(4)?)
    ///     .one_way("Lima", "Quito", hours(3)?)
    ///     .build()?;
    /// assert_eq!(table.len(), 3);
    /// # Ok(())
    /// # }
    /// ```
    pub fn len(&self) -> usize {
        self.routes.values().map(HashMap::len).sum()
    }

    /// Whether no direction is listed: every pair of places takes the default.
    ///
    /// ```
    /// use chrono::TimeDelta;
    /// use diplomeet::schedule::TravelTable;
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let hours = |h| TimeDelta::try_hours(h).ok_or("hours");
    /// assert!(TravelTable::builder(hours(8)?).build()?.is_empty());
    /// assert!(!TravelTable::builder(hours(8)?).route("Lima", "Quito", hours(3)?).build()?.is_empty());
    /// # Ok(())
    /// # }
    /// ```
    pub fn is_empty(&self) -> bool {
        self.routes.is_empty()
    }
}

impl TravelTimes for TravelTable {
    /// [`TravelTable::time`] between the venues' place texts: zero for two
    /// venues with the same place text, even in different countries.
    fn travel_time(&self, from: &Venue, to: &Venue) -> TimeDelta {
        self.time(from.place(), to.place())
    }
}

/// Builds a [`TravelTable`]; see there for an example.
///
/// ```
/// use chrono::TimeDelta;
/// use diplomeet::schedule::TravelTable;
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let hours = |h| TimeDelta::try_hours(h).ok_or("hours");
/// let builder = TravelTable::builder(hours(8)?).route("Lima", "Quito", hours(3)?);
/// let table = builder.clone().one_way("Quito", "Lima", hours(4)?).build()?;
/// assert_eq!(table.time("Quito", "Lima"), hours(4)?);
/// assert_eq!(builder.build()?.time("Quito", "Lima"), hours(3)?);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct TravelTableBuilder {
    default: TimeDelta,
    /// (from, to, time, both directions), in the order given.
    routes: Vec<(String, String, TimeDelta, bool)>,
}

impl TravelTableBuilder {
    /// Sets the time between places `a` and `b`, both ways.
    ///
    /// ```
    /// use chrono::TimeDelta;
    /// use diplomeet::schedule::TravelTable;
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let hours = |h| TimeDelta::try_hours(h).ok_or("hours");
    /// let table = TravelTable::builder(hours(8)?)
    ///     .route("Lima", "Quito", hours(3)?)
    ///     .route("Lima", "Quito", hours(2)?) // the last setting wins
    ///     .build()?;
    /// assert_eq!(table.time("Lima", "Quito"), hours(2)?);
    /// assert_eq!(table.time("Quito", "Lima"), hours(2)?);
    /// # Ok(())
    /// # }
    /// ```
    pub fn route(mut self, a: impl Into<String>, b: impl Into<String>, time: TimeDelta) -> Self {
        self.routes.push((a.into(), b.into(), time, true));
        self
    }

    /// Sets the time from place `from` to place `to`, that way only.
    ///
    /// ```
    /// use chrono::TimeDelta;
    /// use diplomeet::schedule::TravelTable;
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let hours = |h| TimeDelta::try_hours(h).ok_or("hours");
    /// let table = TravelTable::builder(hours(8)?)
    ///     .route("Lima", "Quito", hours(3)?)
    ///     .one_way("Quito", "Lima", hours(4)?) // overrides one direction
    ///     .build()?;
    /// assert_eq!(table.time("Lima", "Quito"), hours(3)?);
    /// assert_eq!(table.time("Quito", "Lima"), hours(4)?);
    /// # Ok(())
    /// # }
    /// ```
    pub fn one_way(
        mut self,
        from: impl Into<String>,
        to: impl Into<String>,
        time: TimeDelta,
    ) -> Self {
        self.routes.push((from.into(), to.into(), time, false));
        self
    }

    /// Checks every entry and builds the table.
    ///
    /// Cost: O(n) for n routes and one-way times (hash maps; no pair is
    /// compared with another).
    ///
    /// # Errors
    ///
    /// Every violation at once, each with its path (`default`,
    /// `routes[2].time`, ... counting `route` and `one_way` calls together
    /// from 0): a duration that is negative or over [`MAX_TRAVEL_DAYS`] days
    /// ([`ErrorKind::DurationOutOfRange`](crate::ErrorKind::DurationOutOfRange)),
    /// a blank place ([`ErrorKind::Empty`](crate::ErrorKind::Empty)), a
    /// route from a place to itself
    /// ([`ErrorKind::InvalidValue`](crate::ErrorKind::InvalidValue): within
    /// one place, travel always takes no time).
    ///
    /// ```
    /// use chrono::TimeDelta;
    /// use diplomeet::ErrorKind;
    /// use diplomeet::schedule::TravelTable;
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let err = TravelTable::builder(TimeDelta::try_hours(-1).ok_or("hours")?)
    ///     .route("Tokyo", "Tokyo", TimeDelta::zero())
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::DurationOutOfRange);
    /// assert_eq!(err.violations().len(), 2);
    /// assert_eq!(err.violations().nth(1).unwrap().path(), "routes[0].to");
    /// # Ok(())
    /// # }
    /// ```
    pub fn build(self) -> Result<TravelTable, Error> {
        let mut out = Collector::new();
        if let Some(d) = duration_problem(self.default) {
            out.push("default", d);
        }
        for (i, (from, to, time, _)) in self.routes.iter().enumerate() {
            for (field, place) in [("from", from), ("to", to)] {
                if place.trim().is_empty() {
                    out.push_at(
                        || format!("routes[{i}].{field}"),
                        Detail::Empty { what: "place" },
                    );
                }
            }
            if from == to && !from.trim().is_empty() {
                out.push_at(
                    || format!("routes[{i}].to"),
                    Detail::InvalidValue {
                        what: "route",
                        value: echo(to),
                        reason: "a route from a place to itself: within one place, travel \
                                 takes no time"
                            .to_owned(),
                    },
                );
            }
            if let Some(d) = duration_problem(*time) {
                out.push_at(|| format!("routes[{i}].time"), d);
            }
        }
        out.finish()?;
        let mut routes: HashMap<String, HashMap<String, TimeDelta>> = HashMap::new();
        for (from, to, time, both) in self.routes {
            if both {
                routes
                    .entry(to.clone())
                    .or_default()
                    .insert(from.clone(), time);
            }
            routes.entry(from).or_default().insert(to, time);
        }
        Ok(TravelTable {
            default: self.default,
            routes,
        })
    }
}

/// What is wrong with a travel time, if anything: negative, or over the
/// limit.
fn duration_problem(time: TimeDelta) -> Option<Detail> {
    let max = TimeDelta::try_days(MAX_TRAVEL_DAYS).unwrap_or(TimeDelta::MAX);
    let reason = if time < TimeDelta::zero() {
        "a travel time cannot be negative".to_owned()
    } else if time > max {
        format!("a travel time is at most {MAX_TRAVEL_DAYS} days")
    } else {
        return None;
    };
    Some(Detail::DurationOutOfRange {
        value: format_duration(time),
        reason,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    fn minutes(m: i64) -> TimeDelta {
        TimeDelta::try_minutes(m).unwrap_or_default()
    }

    #[test]
    fn routes_are_symmetric_and_one_way_overrides() {
        let t = TravelTable::builder(minutes(60))
            .route("A", "B", minutes(10))
            .one_way("B", "A", minutes(20))
            .one_way("A", "C", minutes(5))
            .build();
        let t = match t {
            Ok(t) => t,
            Err(e) => return assert_eq!(e.to_string(), ""),
        };
        assert_eq!(t.time("A", "B"), minutes(10));
        assert_eq!(t.time("B", "A"), minutes(20));
        assert_eq!(t.time("A", "C"), minutes(5));
        assert_eq!(t.time("C", "A"), minutes(60));
        assert!(t.lists("A", "C") && !t.lists("C", "A"));
        assert_eq!(t.len(), 3);
    }

    #[test]
    fn every_bad_entry_is_reported() {
        let err = TravelTable::builder(minutes(0))
            .route(" ", "B", minutes(10))
            .one_way("A", "B", TimeDelta::try_days(8).unwrap_or_default())
            .route("C", "D", minutes(-1))
            .build()
            .err();
        let got: Vec<(ErrorKind, String)> = err
            .map(|e| {
                e.violations()
                    .map(|v| (v.kind(), v.path().to_owned()))
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(
            got,
            vec![
                (ErrorKind::Empty, "routes[0].from".to_owned()),
                (ErrorKind::DurationOutOfRange, "routes[1].time".to_owned()),
                (ErrorKind::DurationOutOfRange, "routes[2].time".to_owned()),
            ]
        );
    }

    #[test]
    fn messages_name_the_value() {
        let msg = TravelTable::builder(minutes(-30))
            .build()
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert_eq!(
            msg,
            "default: duration -PT30M is out of range: a travel time cannot be negative"
        );
    }
}
