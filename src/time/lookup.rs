//! How a civil time maps to instants in a zone: once, twice (a fold) or never (a
//! gap), found from the zone's UTC offsets alone.
//!
//! chrono's `LocalResult::None` says that a civil time is skipped but not which
//! offsets surround the gap, so this module does not use it. It relies on one fact:
//! an instant `t` shows civil time `c` in a zone iff `t = c - o` where `o` is the
//! zone's offset at `t`. Every offset in the tz database lies within ±16 hours,
//! so every such `t` lies within 16 hours of `c` read as UTC, and so does the
//! transition that opens a gap over `c` (a gap can be as long as the offset change,
//! up to 32 hours). The zone's offsets are sampled over ±18 hours, every three
//! hours (the database never changes offset twice within 95 hours), and each
//! offset found is tested as a solution; if none is, the transition between two
//! samples whose offsets differ is bisected to the second, and the one whose gap
//! holds `c` gives the offsets before and after.

use chrono::{FixedOffset, NaiveDateTime, Offset, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;

use crate::error::{Detail, Error};

/// Half the width of the window searched around a civil time, in seconds.
const WINDOW: i64 = 18 * 3600;
/// The distance between two samples of the zone's offset, in seconds.
const STEP: i64 = 3 * 3600;
/// The number of samples: both ends of the window included.
const SAMPLES: usize = (2 * WINDOW / STEP) as usize + 1;

/// The instants a civil time stands for in a zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Local {
    /// Exactly one instant, at this offset.
    Unique(FixedOffset),
    /// Two instants: first at `first` (the offset before the transition), then
    /// at `second`.
    Fold {
        first: FixedOffset,
        second: FixedOffset,
    },
    /// None: the zone skips the civil time when its offset changes from `before`
    /// to `after`.
    Gap {
        before: FixedOffset,
        after: FixedOffset,
    },
}

/// The zone's offset at an instant, given as a naive UTC date-time.
pub(crate) fn offset_at(zone: Tz, utc: &NaiveDateTime) -> FixedOffset {
    zone.offset_from_utc_datetime(utc).fix()
}

fn seconds(s: i64) -> Result<TimeDelta, Error> {
    TimeDelta::try_seconds(s).ok_or_else(|| out_of_range(s))
}

fn out_of_range(s: i64) -> Error {
    Error::new(Detail::OutOfRange {
        what: "time arithmetic".to_owned(),
        value: format!("{s} seconds"),
    })
}

fn shift(t: &NaiveDateTime, s: i64) -> Result<NaiveDateTime, Error> {
    t.checked_add_signed(seconds(s)?).ok_or_else(|| {
        Error::new(Detail::OutOfRange {
            what: "date-time".to_owned(),
            value: format!("{t} moved by {s} seconds"),
        })
    })
}

/// Finds how `civil` maps to instants in `zone`.
///
/// # Errors
///
/// `OutOfRange` when the search window leaves chrono's range (years near
/// ±262,000; callers keep civil times within 0000–9999).
pub(crate) fn lookup(zone: Tz, civil: &NaiveDateTime) -> Result<Local, Error> {
    // Sample the offsets, and collect the distinct ones.
    let mut instants = [*civil; SAMPLES];
    let mut offsets = [Utc.fix(); SAMPLES];
    let mut start = -WINDOW;
    for (t, o) in instants.iter_mut().zip(offsets.iter_mut()) {
        *t = shift(civil, start)?;
        *o = offset_at(zone, t);
        start += STEP;
    }

    // Every offset o with offset_at(civil - o) == o is a solution. Earlier
    // instants belong to larger offsets.
    let mut first: Option<FixedOffset> = None;
    let mut last: Option<FixedOffset> = None;
    let mut seen: [Option<FixedOffset>; SAMPLES] = [None; SAMPLES];
    for &o in &offsets {
        if seen.iter().flatten().any(|&s| s == o) {
            continue;
        }
        if let Some(slot) = seen.iter_mut().find(|s| s.is_none()) {
            *slot = Some(o);
        }
        let t = shift(civil, -i64::from(o.local_minus_utc()))?;
        if offset_at(zone, &t) == o {
            let secs = o.local_minus_utc();
            if first.is_none_or(|f| secs > f.local_minus_utc()) {
                first = Some(o);
            }
            if last.is_none_or(|l| secs < l.local_minus_utc()) {
                last = Some(o);
            }
        }
    }
    match (first, last) {
        (Some(f), Some(l)) if f == l => return Ok(Local::Unique(f)),
        (Some(f), Some(l)) => {
            return Ok(Local::Fold {
                first: f,
                second: l,
            });
        }
        _ => {}
    }

    // A gap: find the transition whose jump forward skips `civil`.
    for (pair_t, pair_o) in instants.windows(2).zip(offsets.windows(2)) {
        let (Some(&lo), Some(&hi), Some(&before), Some(&after)) =
            (pair_t.first(), pair_t.get(1), pair_o.first(), pair_o.get(1))
        else {
            continue;
        };
        if before == after || after.local_minus_utc() <= before.local_minus_utc() {
            continue;
        }
        let at = transition(zone, lo, hi, before)?;
        // The civil times from at+before (inclusive) to at+after (exclusive) are
        // skipped.
        let from = shift(&at, i64::from(before.local_minus_utc()))?;
        let to = shift(&at, i64::from(after.local_minus_utc()))?;
        if from <= *civil && *civil < to {
            return Ok(Local::Gap { before, after });
        }
    }
    // Unreachable for tz data: no solution but no gap either. Report the offsets
    // at both ends of the window as the gap's.
    let before = offsets.first().copied().unwrap_or(Utc.fix());
    let after = offsets.last().copied().unwrap_or(Utc.fix());
    Ok(Local::Gap { before, after })
}

/// The first instant after `lo` (whose offset is `before`) at which the offset is
/// no longer `before`, to the second; `hi` has another offset.
fn transition(
    zone: Tz,
    mut lo: NaiveDateTime,
    mut hi: NaiveDateTime,
    before: FixedOffset,
) -> Result<NaiveDateTime, Error> {
    loop {
        let span = hi.signed_duration_since(lo).num_seconds();
        if span <= 1 {
            return Ok(hi);
        }
        let mid = shift(&lo, span / 2)?;
        if offset_at(zone, &mid) == before {
            lo = mid;
        } else {
            hi = mid;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn civil(y: i32, m: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, mi, 0)
            .unwrap()
    }

    fn off(h: i32, m: i32) -> FixedOffset {
        FixedOffset::east_opt(h * 3600 + h.signum() * m * 60).unwrap()
    }

    #[test]
    fn new_york() {
        let z = Tz::America__New_York;
        assert_eq!(
            lookup(z, &civil(2026, 3, 8, 2, 30)).unwrap(),
            Local::Gap {
                before: off(-5, 0),
                after: off(-4, 0)
            }
        );
        assert_eq!(
            lookup(z, &civil(2026, 3, 8, 2, 0)).unwrap(),
            Local::Gap {
                before: off(-5, 0),
                after: off(-4, 0)
            }
        );
        assert_eq!(
            lookup(z, &civil(2026, 3, 8, 3, 0)).unwrap(),
            Local::Unique(off(-4, 0))
        );
        assert_eq!(
            lookup(z, &civil(2026, 3, 8, 1, 59)).unwrap(),
            Local::Unique(off(-5, 0))
        );
        assert_eq!(
            lookup(z, &civil(2026, 11, 1, 1, 30)).unwrap(),
            Local::Fold {
                first: off(-4, 0),
                second: off(-5, 0)
            }
        );
        assert_eq!(
            lookup(z, &civil(2026, 11, 1, 2, 0)).unwrap(),
            Local::Unique(off(-5, 0))
        );
    }

    #[test]
    fn apia_whole_day() {
        let z = Tz::Pacific__Apia;
        for h in [0, 12, 23] {
            assert_eq!(
                lookup(z, &civil(2011, 12, 30, h, 0)).unwrap(),
                Local::Gap {
                    before: off(-10, 0),
                    after: off(14, 0)
                }
            );
        }
        assert_eq!(
            lookup(z, &civil(2011, 12, 29, 23, 59)).unwrap(),
            Local::Unique(off(-10, 0))
        );
        assert_eq!(
            lookup(z, &civil(2011, 12, 31, 0, 0)).unwrap(),
            Local::Unique(off(14, 0))
        );
    }
}
