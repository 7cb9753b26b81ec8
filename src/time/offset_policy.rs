//! [`OffsetPolicy`]: what to do when a stored offset no longer fits the zone.

use std::fmt;
use std::str::FromStr;

use crate::error::{Detail, Error, echo};

/// What [`ZonedDateTime::parse`](crate::ZonedDateTime::parse) does when an RFC 9557
/// string's offset is not one its zone has at that civil time.
///
/// That happens when the tz database changed after the string was written: a
/// country abolished daylight saving time, or moved to another standard offset. The
/// string then says two different things, and the policy picks which one wins:
///
/// | policy | name | result |
/// |---|---|---|
/// | `Reject` (default) | `reject` | an [`ErrorKind::OffsetConflict`](crate::ErrorKind::OffsetConflict) error naming the offset and the offsets that are valid |
/// | `KeepCivil` | `keep-civil` | the civil time is kept and resolved again in the zone, with [`Disambiguation::Compatible`](crate::Disambiguation::Compatible) if it now falls in a gap or a fold: the meeting still starts at 16:00 local time |
/// | `KeepInstant` | `keep-instant` | the instant (civil time minus the stated offset) is kept and the civil time recomputed in the zone: the meeting still starts at the same moment |
///
/// An offset that is one of a fold's two offsets is no conflict: it picks that
/// occurrence. A string with `Z` states an instant but no local offset (RFC 9557),
/// so it is always read as `KeepInstant` would.
///
/// `Display` and `FromStr` use the names in the table (kebab case).
///
/// ```
/// use diplomeet::OffsetPolicy;
///
/// let policy: OffsetPolicy = "keep-instant".parse()?;
/// assert_eq!(policy, OffsetPolicy::KeepInstant);
/// assert_eq!(OffsetPolicy::KeepCivil.to_string(), "keep-civil");
/// assert_eq!(OffsetPolicy::default(), OffsetPolicy::Reject);
/// # Ok::<(), diplomeet::Error>(())
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "kebab-case")
)]
pub enum OffsetPolicy {
    /// An offset the zone does not have there is an error (the default).
    #[default]
    Reject,
    /// Keep the civil time; resolve it in the zone with `Compatible`.
    KeepCivil,
    /// Keep the instant; recompute the civil time in the zone.
    KeepInstant,
}

impl OffsetPolicy {
    /// The name: `"reject"`, `"keep-civil"` or `"keep-instant"`.
    ///
    /// ```
    /// use diplomeet::OffsetPolicy;
    ///
    /// assert_eq!(OffsetPolicy::KeepInstant.as_str(), "keep-instant");
    /// # Ok::<(), diplomeet::Error>(())
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            OffsetPolicy::Reject => "reject",
            OffsetPolicy::KeepCivil => "keep-civil",
            OffsetPolicy::KeepInstant => "keep-instant",
        }
    }
}

impl fmt::Display for OffsetPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for OffsetPolicy {
    type Err = Error;

    /// Reads the exact name; anything else is an
    /// [`ErrorKind::InvalidValue`](crate::ErrorKind::InvalidValue) error.
    fn from_str(s: &str) -> Result<Self, Error> {
        match s {
            "reject" => Ok(OffsetPolicy::Reject),
            "keep-civil" => Ok(OffsetPolicy::KeepCivil),
            "keep-instant" => Ok(OffsetPolicy::KeepInstant),
            _ => Err(Error::new(Detail::InvalidValue {
                what: "offset policy",
                value: echo(s),
                reason: "expected reject, keep-civil or keep-instant".to_owned(),
            })),
        }
    }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn names_round_trip() {
        for p in [
            OffsetPolicy::Reject,
            OffsetPolicy::KeepCivil,
            OffsetPolicy::KeepInstant,
        ] {
            assert_eq!(p.to_string().parse::<OffsetPolicy>().unwrap(), p);
        }
        for s in ["keep_civil", "KeepCivil", "keep-Instant", ""] {
            assert_eq!(
                s.parse::<OffsetPolicy>().unwrap_err().kind(),
                ErrorKind::InvalidValue
            );
        }
    }
}
