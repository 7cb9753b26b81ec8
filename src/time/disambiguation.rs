//! [`Disambiguation`]: what to do with a civil time that a zone skips or repeats.

use crate::named::named_enum;

named_enum! {
    /// How to turn a civil (wall-clock) time that is not exactly one instant into one.
    ///
    /// A civil time in a zone is usually one instant. Around a transition it is not:
    ///
    /// * in a **gap** (spring forward) the zone skips it: 02:30 on 2026-03-08 never
    ///   happens in `America/New_York`, whose clocks go from 01:59:59 (-05:00) to
    ///   03:00:00 (-04:00);
    /// * in a **fold** (fall back) the zone repeats it: 01:30 on 2026-11-01 happens in
    ///   `America/New_York` first at -04:00 and again, an hour later, at -05:00.
    ///
    /// The variants follow TC39 Temporal's `disambiguation` option (and jiff's):
    ///
    /// | policy | gap | fold |
    /// |---|---|---|
    /// | `Reject` (default) | error naming the zone, the civil time and both offsets | error naming both offsets |
    /// | `Earlier` | the civil time read with the offset *after* the transition: the earlier instant (02:30 → 01:30-05:00) | the first occurrence |
    /// | `Later` | the civil time read with the offset *before* the transition: the later instant (02:30 → 03:30-04:00) | the second occurrence |
    /// | `Compatible` | as `Later` (RFC 5545: moved forward by the gap's length) | as `Earlier` |
    ///
    /// A gap is as long as the offset change: an hour in New York, 30 minutes on Lord
    /// Howe Island, a whole day in `Pacific/Apia` on 2011-12-30 (from -10:00 to +14:00),
    /// and `Earlier` and `Later` move a skipped time by exactly that length.
    ///
    /// `Display` and `FromStr` use the lowercase names `reject`, `earlier`, `later` and
    /// `compatible`.
    ///
    /// ```
    /// use diplomeet::Disambiguation;
    ///
    /// let policy: Disambiguation = "compatible".parse()?;
    /// assert_eq!(policy, Disambiguation::Compatible);
    /// assert_eq!(policy.to_string(), "compatible");
    /// assert_eq!(Disambiguation::default(), Disambiguation::Reject);
    /// # Ok::<(), diplomeet::Error>(())
    /// ```
    #[derive(Default)]
    pub enum Disambiguation ("disambiguation policy", "diplomeet::Disambiguation") {
        /// Refuse: a gap or a fold is an error (the default, right for records).
        #[default]
        Reject = "reject",
        /// The earlier instant: a gap's time read with the offset after the
        /// transition, a fold's first occurrence.
        Earlier = "earlier",
        /// The later instant: a gap's time read with the offset before the
        /// transition, a fold's second occurrence.
        Later = "later",
        /// RFC 5545 and `java.time` behaviour: a gap's time moves forward by the length
        /// of the gap (as `Later`), a fold takes its first occurrence (as `Earlier`).
        Compatible = "compatible",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn names_round_trip() {
        for d in [
            Disambiguation::Reject,
            Disambiguation::Earlier,
            Disambiguation::Later,
            Disambiguation::Compatible,
        ] {
            assert_eq!(d.to_string().parse::<Disambiguation>().unwrap(), d);
        }
    }

    #[test]
    fn bad_names_are_rejected() {
        for s in ["", "Reject", "EARLIER", "compatible ", "é"] {
            let e = s.parse::<Disambiguation>().unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidValue);
            assert!(e.to_string().contains(&format!("{s:?}")), "{e}");
        }
    }
}
