//! Stated-time checks: does "09:00 on November 14 JST" in a readout agree with
//! the meeting? [`StatedTime`] and [`Meeting::check_stated`].

use chrono::{FixedOffset, NaiveDateTime, Offset, TimeDelta, TimeZone, Timelike};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

use crate::error::{Detail, Error, echo};
use crate::meeting::{Meeting, Start};
use crate::time::ZonedDateTime;
use crate::time::stated::Civil;
pub use crate::time::{StatedTime, StatedZone};

/// What `zone` calls itself at `utc`, with its offset then: the tzdata
/// abbreviation, or for zones whose abbreviation is numeric (chrono-tz gives
/// none), the numeric form tzdata writes (`-03`, `+0530`).
fn abbreviation_at(zone: Tz, utc: &NaiveDateTime) -> (String, FixedOffset) {
    let offset = zone.offset_from_utc_datetime(utc);
    let fixed = offset.fix();
    let name = match offset.abbreviation() {
        Some(a) => a.to_owned(),
        None => numeric_abbreviation(fixed),
    };
    (name, fixed)
}

/// `-03`, `+0530`, `+0845`: tzdata's `%z` form.
fn numeric_abbreviation(offset: FixedOffset) -> String {
    let secs = offset.local_minus_utc();
    let sign = if secs < 0 { '-' } else { '+' };
    let abs = secs.unsigned_abs();
    let (h, m) = (abs / 3600, abs / 60 % 60);
    if m == 0 {
        format!("{sign}{h:02}")
    } else {
        format!("{sign}{h:02}{m:02}")
    }
}

/// Joins `a`, `b` and `c` as "a, b and c".
fn and_list(items: &[String]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// The zones the meeting involves, each once: its own zone (the venue's, or
/// the stated zone of a remote meeting), then each participant's home zone in
/// order.
fn involved_zones(meeting: &Meeting) -> Vec<Tz> {
    let mut zones: Vec<Tz> = meeting.zone().into_iter().collect();
    for z in meeting.participants().iter().filter_map(|p| p.clock_zone()) {
        if !zones.contains(&z) {
            zones.push(z);
        }
    }
    zones
}

/// Whether `zone`, which calls itself `name` at offset `offset`, goes by
/// the stated letter `abbreviation` then: tzdata's name (compared without
/// regard to case), or a name of the table in
/// [`abbreviations`](super::abbreviations) for that zone and offset.
fn goes_by(abbreviation: &str, zone: Tz, name: &str, offset: FixedOffset) -> bool {
    name.eq_ignore_ascii_case(abbreviation)
        || super::abbreviations::names(abbreviation, zone, offset.local_minus_utc())
}

/// How far from the meeting's instant [`around`] looks, in weeks, each way.
const AROUND_WEEKS: i64 = 26;

/// Instants a week apart within six months either side of `utc`, nearest
/// first (`utc` itself excluded).
fn around(utc: NaiveDateTime) -> impl Iterator<Item = NaiveDateTime> {
    (1..=AROUND_WEEKS)
        .flat_map(|k| [-k, k])
        .filter_map(move |k| utc.checked_add_signed(TimeDelta::try_weeks(k)?))
}

/// Whether `zone` keeps daylight-saving time at some point within six
/// months of `utc`.
fn observes_dst(zone: Tz, utc: NaiveDateTime) -> bool {
    std::iter::once(utc)
        .chain(around(utc))
        .any(|t| !zone.offset_from_utc_datetime(&t).dst_offset().is_zero())
}

/// A stated abbreviation that none of the meeting's zones uses at its
/// start, but one of them uses at another time of year ("PDT" for a
/// November meeting in San Francisco): the zone meant, what it is called
/// then, and the offset the abbreviation stands for.
struct Misnamed {
    /// What the zone calls itself at the meeting's start, and its offset.
    actual: (String, FixedOffset),
    /// The offset of the zone when it goes by the stated abbreviation
    /// (nearest the meeting's start).
    stated_offset: FixedOffset,
}

/// What a stated abbreviation resolves to: a zone, and whether the zone
/// goes by that abbreviation only at other times of year.
struct Resolved {
    zone: Tz,
    misnamed: Option<Misnamed>,
}

/// The zone among [`involved_zones`] that calls itself `abbreviation` at
/// `start`; failing that, the zone that calls itself so within six months
/// of it (a daylight-saving misreading).
fn resolve_abbreviation(
    meeting: &Meeting,
    abbreviation: &str,
    start: &ZonedDateTime,
) -> Result<Resolved, Error> {
    let utc = start.instant().naive_utc();
    let named: Vec<(Tz, String, FixedOffset)> = involved_zones(meeting)
        .into_iter()
        .map(|z| {
            let (name, offset) = abbreviation_at(z, &utc);
            (z, name, offset)
        })
        .collect();
    let matching: Vec<&(Tz, String, FixedOffset)> = named
        .iter()
        .filter(|(z, name, offset)| goes_by(abbreviation, *z, name, *offset))
        .collect();
    let Some(&&(first, _, first_offset)) = matching.first() else {
        return resolve_misnamed(abbreviation, &named, utc);
    };
    if matching.iter().any(|(_, _, o)| *o != first_offset) {
        let candidates: Vec<String> = matching
            .iter()
            .map(|(z, _, o)| format!("{} (UTC{o})", z.name()))
            .collect();
        return Err(Error::new(Detail::AmbiguousAbbreviation {
            abbreviation: echo(abbreviation),
            candidates: and_list(&candidates),
        }));
    }
    Ok(Resolved {
        zone: first,
        misnamed: None,
    })
}

/// The zone among `named` (each involved zone, with its name and offset at
/// `utc`) that goes by `abbreviation` at another time within six months of
/// `utc`. Several zones are one answer when they agree on everything that
/// matters: the name and offset at `utc`, and the offset the abbreviation
/// stands for.
fn resolve_misnamed(
    abbreviation: &str,
    named: &[(Tz, String, FixedOffset)],
    utc: NaiveDateTime,
) -> Result<Resolved, Error> {
    let candidates: Vec<(Tz, &String, FixedOffset, FixedOffset)> = named
        .iter()
        .filter_map(|(z, name, offset)| {
            let stated_offset = around(utc).find_map(|t| {
                let (other, other_offset) = abbreviation_at(*z, &t);
                goes_by(abbreviation, *z, &other, other_offset).then_some(other_offset)
            })?;
            Some((*z, name, *offset, stated_offset))
        })
        .collect();
    let Some(&(zone, name, offset, stated_offset)) = candidates.first() else {
        let zones: Vec<String> = named
            .iter()
            .map(|(z, name, _)| format!("{} is {name}", z.name()))
            .collect();
        return Err(Error::new(Detail::UnknownAbbreviation {
            abbreviation: echo(abbreviation),
            zones: zones.join(", "),
        }));
    };
    if candidates
        .iter()
        .any(|&(_, n, o, so)| (n, o, so) != (name, offset, stated_offset))
    {
        let listed: Vec<String> = candidates
            .iter()
            .map(|(z, n, o, so)| {
                format!(
                    "{} (UTC{so} at other times of year, {n} at UTC{o} then)",
                    z.name()
                )
            })
            .collect();
        return Err(Error::new(Detail::AmbiguousAbbreviation {
            abbreviation: echo(abbreviation),
            candidates: and_list(&listed),
        }));
    }
    Ok(Resolved {
        zone,
        misnamed: Some(Misnamed {
            actual: (name.clone(), offset),
            stated_offset,
        }),
    })
}

/// Whether the civil time `actual` agrees with the stated one: to the
/// minute, or exactly when seconds were stated.
fn agrees(actual: NaiveDateTime, stated: &StatedTime) -> bool {
    if stated.has_seconds() {
        actual == stated.civil()
    } else {
        actual.with_nanosecond(0).and_then(|c| c.with_second(0)) == Some(stated.civil())
    }
}

impl Meeting {
    /// Checks a stated time against the meeting's start.
    ///
    /// An IANA zone is used as given. An abbreviation is resolved among the
    /// zones the meeting involves (its own zone, then each participant's home
    /// zone) by what each calls itself at the meeting's start instant; several
    /// zones with the same abbreviation and the same offset are one answer
    /// (the first of them is used). Numeric abbreviations compare by the
    /// offset they stand for (`-0400` is Santiago's `-04`). The stated civil
    /// time must equal the start on that zone's clock, to the minute, and to
    /// the second (and fraction) when the stated time has seconds.
    ///
    /// When no zone calls itself so at that instant, but one does at another
    /// time within six months ("PDT" for a November meeting in San
    /// Francisco, when Los Angeles is on PST), the stated time is taken as
    /// meant for that zone, with the wrong abbreviation: always a mismatch,
    /// which gives the correct civil time and abbreviation, and says whether
    /// the stated time, read at the abbreviation's offset, is the right
    /// instant.
    ///
    /// Returns the start in the resolved zone.
    ///
    /// # Errors
    ///
    /// * [`ErrorKind::StatedTimeMismatch`](crate::ErrorKind::StatedTimeMismatch)
    ///   when the times disagree, or the abbreviation is the zone's name at
    ///   another time of year; the message gives the correct civil time in
    ///   that zone (and says so when the slip is exactly one hour: the usual
    ///   daylight-saving misreading when the zone keeps daylight-saving
    ///   time, plainly "one hour" otherwise);
    /// * [`ErrorKind::UnknownAbbreviation`](crate::ErrorKind::UnknownAbbreviation)
    ///   when no zone of the meeting uses the abbreviation then, nor within
    ///   six months; the message lists each zone with what it is called then;
    /// * [`ErrorKind::AmbiguousAbbreviation`](crate::ErrorKind::AmbiguousAbbreviation)
    ///   when several use it with different offsets (America/Chicago and
    ///   Asia/Shanghai are both `CST`), or, failing any at that instant,
    ///   several differing zones use it at other times of year;
    /// * [`ErrorKind::NoTimeOfDay`](crate::ErrorKind::NoTimeOfDay) when the
    ///   meeting has a date but no time.
    ///
    /// ```
    /// use chrono::TimeDelta;
    /// use diplomeet::schedule::StatedTime;
    /// use diplomeet::{Country, ErrorKind, Meeting, Minister, PersonName, Portfolio, Post, Venue};
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
    ///
    /// let tokyo = meeting.check_stated(&"2023-11-14T09:00 JST".parse::<StatedTime>()?)?;
    /// assert_eq!(tokyo.to_string(), "2023-11-14T09:00:00+09:00[Asia/Tokyo]");
    /// meeting.check_stated(&"2023-11-13T21:00 America/Santiago".parse()?)?;
    ///
    /// let err = meeting.check_stated(&"2023-11-14T08:00 JST".parse()?).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::StatedTimeMismatch);
    /// assert!(err.to_string().contains("it starts at 2023-11-14T09:00"));
    ///
    /// // In November, San Francisco is on PST: 17:00 PDT is the right
    /// // instant, but not what the clocks there say.
    /// let err = meeting.check_stated(&"2023-11-13T17:00 PDT".parse()?).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::StatedTimeMismatch);
    /// assert!(err.to_string().contains("it starts at 2023-11-13T16:00 PST in America/Los_Angeles"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn check_stated(&self, stated: &StatedTime) -> Result<ZonedDateTime, Error> {
        let start = match self.when() {
            Start::At(z) => *z,
            other => {
                return Err(Error::new(Detail::NoTimeOfDay {
                    date: other.to_string(),
                    what: "stated time to check",
                }));
            }
        };
        let resolved = match stated.zone() {
            StatedZone::Named(tz) => Resolved {
                zone: *tz,
                misnamed: None,
            },
            StatedZone::Unstated => Resolved {
                zone: start.zone(),
                misnamed: None,
            },
            StatedZone::Abbreviation(a) => resolve_abbreviation(self, a, &start)?,
            StatedZone::Offset(offset) => match offset_zone(self, *offset, &start) {
                Some(resolved) => resolved,
                // No zone of the meeting is on that offset within six
                // months: the offset alone names the instant.
                None => return check_offset(stated, *offset, &start),
            },
        };
        let zone = resolved.zone;
        let local = start.in_zone(zone);
        let civil = local.civil();
        let exact = civil.second() == 0 && civil.nanosecond() == 0;
        let correct = Civil(civil, stated.has_seconds() || !exact).to_string();
        if let Some(misnamed) = resolved.misnamed {
            return Err(misnamed_error(stated, zone, &start, correct, &misnamed));
        }
        if agrees(civil, stated) {
            return Ok(local);
        }
        let mut correct = correct;
        let slip = civil.signed_duration_since(stated.civil()).num_seconds();
        if slip == 3600 || slip == -3600 {
            let way = if slip > 0 { "later" } else { "earlier" };
            let usual = if observes_dst(zone, start.instant().naive_utc()) {
                " (the usual daylight-saving misreading)"
            } else {
                ""
            };
            correct.push_str(&format!(", one hour {way} than stated{usual},"));
        }
        Err(Error::new(Detail::StatedTimeMismatch {
            stated: stated.to_string(),
            zone: zone.name().to_owned(),
            correct,
        }))
    }
}

/// The first zone the meeting involves that is on `offset` at its start;
/// failing that, the first that is on it within six months (Santiago's
/// winter `-04` stated for November, when it is on `-03`): the zone meant,
/// misnamed.
fn offset_zone(meeting: &Meeting, offset: FixedOffset, start: &ZonedDateTime) -> Option<Resolved> {
    let utc = start.instant().naive_utc();
    let zones = involved_zones(meeting);
    if let Some(zone) = zones
        .iter()
        .find(|z| z.offset_from_utc_datetime(&utc).fix() == offset)
    {
        return Some(Resolved {
            zone: *zone,
            misnamed: None,
        });
    }
    zones.into_iter().find_map(|z| {
        around(utc)
            .any(|t| z.offset_from_utc_datetime(&t).fix() == offset)
            .then(|| Resolved {
                zone: z,
                misnamed: Some(Misnamed {
                    actual: abbreviation_at(z, &utc),
                    stated_offset: offset,
                }),
            })
    })
}

/// A stated time at a numeric offset that none of the meeting's zones is
/// on: it agrees when it names the start's instant. The start is returned
/// in the meeting's own zone.
fn check_offset(
    stated: &StatedTime,
    offset: FixedOffset,
    start: &ZonedDateTime,
) -> Result<ZonedDateTime, Error> {
    let civil = start
        .instant()
        .naive_utc()
        .checked_add_offset(offset)
        .ok_or_else(|| {
            Error::new(Detail::OutOfRange {
                what: "stated time".to_owned(),
                value: stated.to_string(),
            })
        })?;
    if agrees(civil, stated) {
        return Ok(*start);
    }
    let exact = civil.second() == 0 && civil.nanosecond() == 0;
    Err(Error::new(Detail::StatedTimeMismatch {
        stated: stated.to_string(),
        zone: format!("UTC{offset}"),
        correct: Civil(civil, stated.has_seconds() || !exact).to_string(),
    }))
}

/// The mismatch for an abbreviation the zone goes by only at other times
/// of year: the correct civil time with what the zone is called then, and
/// whether the stated time, read at the abbreviation's offset, is the
/// right instant on the wrong clock.
fn misnamed_error(
    stated: &StatedTime,
    zone: Tz,
    start: &ZonedDateTime,
    correct: String,
    misnamed: &Misnamed,
) -> Error {
    let (name, offset) = &misnamed.actual;
    let abbreviation = stated.zone().to_string();
    let stated_offset = misnamed.stated_offset;
    let mut zone_text = format!(
        "{}, which is on {name} (UTC{offset}), not {abbreviation} (UTC{stated_offset}), \
         at that time",
        zone.name()
    );
    let same_instant = start
        .instant()
        .naive_utc()
        .checked_add_offset(stated_offset)
        .is_some_and(|c| agrees(c, stated));
    if same_instant {
        zone_text.push_str(": the stated time is the right instant, on the wrong clock");
    }
    Error::new(Detail::StatedTimeMismatch {
        stated: stated.to_string(),
        zone: zone_text,
        correct: format!("{correct} {name}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offset(secs: i32) -> FixedOffset {
        FixedOffset::east_opt(secs).unwrap()
    }

    #[test]
    fn numeric_abbreviations() {
        assert_eq!(numeric_abbreviation(offset(-3 * 3600)), "-03");
        assert_eq!(numeric_abbreviation(offset(5 * 3600 + 1800)), "+0530");
        assert_eq!(numeric_abbreviation(offset(0)), "+00");
        assert_eq!(numeric_abbreviation(offset(-(9 * 3600 + 1800))), "-0930");
    }

    #[test]
    fn letters_match_tzdata_or_the_table() {
        use chrono_tz::{America, Asia};
        assert!(goes_by("jst", Asia::Tokyo, "JST", offset(9 * 3600)));
        // Singapore is `+08` in tzdata; readouts write SGT.
        assert!(goes_by("SGT", Asia::Singapore, "+08", offset(8 * 3600)));
        // Not for another zone on the same offset.
        assert!(!goes_by("SGT", Asia::Shanghai, "CST", offset(8 * 3600)));
        // Chile's summer name only on its summer offset.
        assert!(goes_by("CLST", America::Santiago, "-03", offset(-3 * 3600)));
        assert!(!goes_by(
            "CLST",
            America::Santiago,
            "-04",
            offset(-4 * 3600)
        ));
    }

    #[test]
    fn dst_is_kept_in_los_angeles_not_in_tokyo() {
        let t = NaiveDateTime::parse_from_str("2023-11-14T00:00:00", "%Y-%m-%dT%H:%M:%S").unwrap();
        assert!(observes_dst(chrono_tz::America::Los_Angeles, t));
        assert!(observes_dst(chrono_tz::America::Santiago, t));
        assert!(!observes_dst(chrono_tz::Asia::Tokyo, t));
        assert!(!observes_dst(Tz::UTC, t));
        assert_eq!(around(t).count(), 52);
    }

    #[test]
    fn and_lists() {
        let s = |v: &[&str]| and_list(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(s(&[]), "");
        assert_eq!(s(&["a"]), "a");
        assert_eq!(s(&["a", "b"]), "a and b");
        assert_eq!(s(&["a", "b", "c"]), "a, b and c");
    }
}
