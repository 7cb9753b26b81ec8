//! [`OffsetPolicy`]: what to do when a stored offset no longer fits the zone.

use crate::named::named_enum;

named_enum! {
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
    /// | `KeepCivil` | `keep_civil` | the civil time is kept and resolved again in the zone, with [`Disambiguation::Compatible`](crate::Disambiguation::Compatible) if it now falls in a gap or a fold: the meeting still starts at 16:00 local time |
    /// | `KeepInstant` | `keep_instant` | the instant (civil time minus the stated offset) is kept and the civil time recomputed in the zone: the meeting still starts at the same moment |
    ///
    /// An offset that is one of a fold's two offsets is no conflict: it picks that
    /// occurrence. A string with `Z` states an instant but no local offset (RFC 9557),
    /// so it is always read as `KeepInstant` would.
    ///
    /// `Display` and `FromStr` use the names in the table (snake case; the kebab-case spellings of 0.1 are still read).
    ///
    /// ```
    /// use diplomeet::OffsetPolicy;
    ///
    /// let policy: OffsetPolicy = "keep_instant".parse()?;
    /// assert_eq!(policy, OffsetPolicy::KeepInstant);
    /// assert_eq!(OffsetPolicy::KeepCivil.to_string(), "keep_civil");
    /// assert_eq!(OffsetPolicy::default(), OffsetPolicy::Reject);
    /// # Ok::<(), diplomeet::Error>(())
    /// ```
    #[derive(Default)]
    pub enum OffsetPolicy ("offset policy", "diplomeet::OffsetPolicy") {
        /// An offset the zone does not have there is an error (the default).
        #[default]
        Reject = "reject",
        /// Keep the civil time; resolve it in the zone with `Compatible`.
        /// (`keep-civil`, the 0.1 spelling, is still read.)
        KeepCivil = "keep_civil" | "keep-civil",
        /// Keep the instant; recompute the civil time in the zone.
        /// (`keep-instant`, the 0.1 spelling, is still read.)
        KeepInstant = "keep_instant" | "keep-instant",
    }
}

#[cfg(test)]
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
        for s in ["keep civil", "KeepCivil", "keep-Instant", ""] {
            assert_eq!(
                s.parse::<OffsetPolicy>().unwrap_err().kind(),
                ErrorKind::InvalidValue
            );
        }
    }
}
