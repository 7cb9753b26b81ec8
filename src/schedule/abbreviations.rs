//! Zone abbreviations that readouts use but the tz database does not: the
//! table behind [`StatedTime`](super::StatedTime)'s abbreviations.
//!
//! tzdata writes many zones' abbreviations as numbers (`+08` for Singapore,
//! `-05` for Lima), while ministries write the letters their region uses
//! (`SGT`, `PET`). Each row names an abbreviation, the offset it stands for
//! and the zones (IANA names) whose clocks it names. A stated abbreviation
//! matches a zone of the meeting when the zone is listed and is on that
//! offset at that instant, or when tzdata itself gives the zone that
//! abbreviation then; a listed zone on another offset then (`CLST` for a
//! July meeting in Santiago) is the zone meant, misnamed.
//!
//! Sources: the abbreviations and offsets as the governments concerned
//! publish their standard times (Singapore Standard Time, Malaysia Time,
//! Peru Time, Gulf Standard Time in the United Arab Emirates and Oman,
//! Arabia Standard Time in Saudi Arabia and its neighbours, Chile's summer
//! and winter times, Indochina Time, Brasília Time, Argentina Time), checked
//! against the list of time-zone abbreviations that timeanddate.com keeps
//! (<https://www.timeanddate.com/time/zones/>) and against each zone's
//! offsets in tzdata 2025b. The table is this crate's own.

use chrono_tz::Tz;
use chrono_tz::{America, Asia, Atlantic, Pacific};

/// One abbreviation: the offset it stands for, in seconds east of UTC, and
/// the zones it names.
pub(super) struct Row {
    pub(super) abbreviation: &'static str,
    pub(super) offset: i32,
    pub(super) zones: &'static [Tz],
}

const H: i32 = 3600;

/// The table, one row an abbreviation and offset (`GST` has two: the Gulf
/// and South Georgia).
pub(super) const ROWS: &[Row] = &[
    Row {
        abbreviation: "SGT",
        offset: 8 * H,
        zones: &[Asia::Singapore],
    },
    Row {
        abbreviation: "MYT",
        offset: 8 * H,
        zones: &[Asia::Kuala_Lumpur, Asia::Kuching],
    },
    Row {
        abbreviation: "BNT",
        offset: 8 * H,
        zones: &[Asia::Brunei],
    },
    Row {
        abbreviation: "ICT",
        offset: 7 * H,
        zones: &[
            Asia::Bangkok,
            Asia::Ho_Chi_Minh,
            Asia::Phnom_Penh,
            Asia::Vientiane,
        ],
    },
    Row {
        abbreviation: "MMT",
        offset: 6 * H + 30 * 60,
        zones: &[Asia::Yangon],
    },
    Row {
        abbreviation: "NPT",
        offset: 5 * H + 45 * 60,
        zones: &[Asia::Kathmandu],
    },
    Row {
        abbreviation: "BDT",
        offset: 6 * H,
        zones: &[Asia::Dhaka],
    },
    Row {
        abbreviation: "AFT",
        offset: 4 * H + 30 * 60,
        zones: &[Asia::Kabul],
    },
    Row {
        abbreviation: "IRST",
        offset: 3 * H + 30 * 60,
        zones: &[Asia::Tehran],
    },
    Row {
        abbreviation: "GST",
        offset: 4 * H,
        zones: &[Asia::Dubai, Asia::Muscat],
    },
    Row {
        abbreviation: "GST",
        offset: -2 * H,
        zones: &[Atlantic::South_Georgia],
    },
    Row {
        abbreviation: "AST",
        offset: 3 * H,
        zones: &[
            Asia::Riyadh,
            Asia::Kuwait,
            Asia::Qatar,
            Asia::Bahrain,
            Asia::Aden,
            Asia::Baghdad,
        ],
    },
    Row {
        abbreviation: "TRT",
        offset: 3 * H,
        zones: &[chrono_tz::Europe::Istanbul],
    },
    Row {
        abbreviation: "GET",
        offset: 4 * H,
        zones: &[Asia::Tbilisi],
    },
    Row {
        abbreviation: "AMT",
        offset: 4 * H,
        zones: &[Asia::Yerevan],
    },
    Row {
        abbreviation: "AZT",
        offset: 4 * H,
        zones: &[Asia::Baku],
    },
    Row {
        abbreviation: "UZT",
        offset: 5 * H,
        zones: &[Asia::Tashkent, Asia::Samarkand],
    },
    Row {
        abbreviation: "ULAT",
        offset: 8 * H,
        zones: &[Asia::Ulaanbaatar],
    },
    Row {
        abbreviation: "PET",
        offset: -5 * H,
        zones: &[America::Lima],
    },
    Row {
        abbreviation: "COT",
        offset: -5 * H,
        zones: &[America::Bogota],
    },
    Row {
        abbreviation: "ECT",
        offset: -5 * H,
        zones: &[America::Guayaquil],
    },
    Row {
        abbreviation: "BOT",
        offset: -4 * H,
        zones: &[America::La_Paz],
    },
    Row {
        abbreviation: "VET",
        offset: -4 * H,
        zones: &[America::Caracas],
    },
    Row {
        abbreviation: "CLT",
        offset: -4 * H,
        zones: &[America::Santiago],
    },
    Row {
        abbreviation: "CLST",
        offset: -3 * H,
        zones: &[America::Santiago],
    },
    Row {
        abbreviation: "BRT",
        offset: -3 * H,
        zones: &[
            America::Sao_Paulo,
            America::Bahia,
            America::Fortaleza,
            America::Recife,
            America::Belem,
        ],
    },
    Row {
        abbreviation: "ART",
        offset: -3 * H,
        zones: &[
            America::Argentina::Buenos_Aires,
            America::Argentina::Cordoba,
            America::Argentina::Mendoza,
        ],
    },
    Row {
        abbreviation: "UYT",
        offset: -3 * H,
        zones: &[America::Montevideo],
    },
    Row {
        abbreviation: "PYT",
        offset: -3 * H,
        zones: &[America::Asuncion],
    },
    Row {
        abbreviation: "FJT",
        offset: 12 * H,
        zones: &[Pacific::Fiji],
    },
    Row {
        abbreviation: "TOT",
        offset: 13 * H,
        zones: &[Pacific::Tongatapu],
    },
];

/// Whether the table names `zone` `abbreviation` when it is on `offset`
/// (seconds east of UTC); letters compare without regard to case.
pub(super) fn names(abbreviation: &str, zone: Tz, offset: i32) -> bool {
    ROWS.iter().any(|r| {
        r.abbreviation.eq_ignore_ascii_case(abbreviation)
            && r.offset == offset
            && r.zones.contains(&zone)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Offset, TimeZone};

    /// Every row's zones are on the row's offset at some time in 2020 to
    /// 2026 (the table and tzdata agree), and the docs of `StatedTime` list
    /// every abbreviation.
    #[test]
    fn rows_agree_with_tzdata_and_the_docs() {
        let docs = include_str!("../time/stated.rs");
        for r in ROWS {
            assert!(
                docs.contains(&format!("`{}`", r.abbreviation)),
                "{} is not in StatedTime's docs",
                r.abbreviation
            );
            for z in r.zones {
                let seen = (2020..=2026)
                    .flat_map(|y| [1, 4, 7, 10].map(move |m| (y, m)))
                    .any(|(y, m)| {
                        chrono::Utc
                            .with_ymd_and_hms(y, m, 15, 12, 0, 0)
                            .single()
                            .is_some_and(|t| {
                                z.offset_from_utc_datetime(&t.naive_utc())
                                    .fix()
                                    .local_minus_utc()
                                    == r.offset
                            })
                    });
                assert!(seen, "{} is never on {}'s offset", z.name(), r.abbreviation);
            }
        }
    }
}
