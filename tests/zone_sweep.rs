//! The zone sweep: every zone chrono-tz knows, 1970–2037, against Python's
//! `zoneinfo` (the system tz database, of the release chrono-tz embeds).
//!
//! Three things are compared, each under every [`Disambiguation`] policy where
//! one applies:
//!
//! * **resolution**: `ZonedDateTime::resolve(civil, zone, policy)` gives the
//!   same instant, offset and civil time as zoneinfo (PEP 495 folds read as TC39
//!   Temporal's disambiguation, as in `tests/support/zoneinfo_oracle.py`), or the
//!   same refusal (a gap or a fold) under `Reject`;
//! * **rendering**: `ZonedDateTime::from_instant(instant, zone)` gives the
//!   offset and civil time of `datetime.fromtimestamp(t, ZoneInfo(zone))`;
//! * **the stated-time check**: a telephone meeting starting at that instant in
//!   that zone accepts, with `Meeting::check_stated`, the civil time zoneinfo
//!   renders stated with the zone's IANA name.
//!
//! Python answers from `tests/support/zone_sweep_oracle.py` (read its header).
//! The full sweep (`cargo test --release --test zone_sweep -- --ignored`) takes
//! every zone and
//!
//! * checks **directly against zoneinfo** every whole civil minute within two
//!   hours of each offset change and every whole-minute instant within two hours
//!   of it (all four policies), plus random hours in every zone;
//! * checks **every hour** from 1970-01-01T00:00 to 2037-12-31T23:00, as a civil
//!   time (four policies) and as a UTC instant (rendering and stated time),
//!   against the zone's offset table **derived from zoneinfo** (every offset
//!   change, to the second, found by asking zoneinfo; see the oracle's `table`).
//!   Away from a transition a civil time has exactly the one offset of the table;
//!   near one, the expectation is computed from the table by the rule zoneinfo
//!   follows, and that computation is itself compared with zoneinfo's direct
//!   answers at every minute around every transition, so a flaw in it shows.
//!
//! The CI test (`sample_agrees_with_zoneinfo`) asks zoneinfo directly about
//! random civil times and instants over every zone, and about random points
//! within two hours of random transitions. Both skip, with a message, when
//! `python3` with zoneinfo is not available or reads another tz database
//! release than `chrono_tz::IANA_TZDB_VERSION` (both releases are named), and
//! fail instead under `DIPLOMEET_REQUIRE_ORACLES=1` (see
//! `tests/common/oracle.rs`).
//!
//! The legacy names `WET`, `CET`, `MET`, `EET`, `EST`, `MST`, `HST`, `EST5EDT`,
//! `CST6CDT`, `MST7MDT` and `PST8PDT` are links in tzdb 2025b (which chrono-tz
//! embeds) but zones of their own in Debian's tzdata build; the oracle reads them
//! as their upstream targets, as `tests/zoneinfo_diff.rs` does (whose
//! `legacy_zones_agree_with_their_upstream_links` checks chrono-tz's side).
//!
//! Zone names in capitals only (`CET`, `EST`, `GB`, `NZ`, `PRC`, `ROC`, `ROK`,
//! `UCT`, ...) cannot be stated by name: `StatedTime` reads a token in capitals
//! as an abbreviation, by design (`UTC` and `GMT` excepted). The stated-time
//! check skips them and counts the skips; resolution and rendering cover them.
// Helpers stop loudly too: clippy.toml allows this in #[test] functions only.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

mod common;

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;
use std::sync::{Arc, Mutex, mpsc};
use std::time::Instant;

use chrono::{DateTime, NaiveDateTime};
use chrono_tz::{TZ_VARIANTS, Tz};
use common::{XorShift, civil_text};
use diplomeet::schedule::StatedTime;
use diplomeet::{Disambiguation, ErrorKind, Meeting, Minister, Mode, ZonedDateTime};

const POLICIES: [Disambiguation; 4] = [
    Disambiguation::Reject,
    Disambiguation::Earlier,
    Disambiguation::Later,
    Disambiguation::Compatible,
];

/// 1970-01-01T00:00 to 2037-12-31T23:00: 24,837 days of 24 hours.
const HOURS: i64 = 24_837 * 24;
/// Mismatches kept for the failure message.
const SHOWN: usize = 30;

// ---------------------------------------------------------------- helpers

fn naive(seconds: i64) -> NaiveDateTime {
    DateTime::from_timestamp(seconds, 0).unwrap().naive_utc()
}

fn seconds(civil: &NaiveDateTime) -> i64 {
    civil.and_utc().timestamp()
}

/// The oracle, fed `requests` from a thread; its answers are read line by
/// line. `None` when zoneinfo, or zoneinfo over chrono-tz's tzdata release,
/// is not there (see `tests/common/oracle.rs`).
fn oracle(requests: String) -> Option<(std::process::Child, impl Iterator<Item = String>)> {
    let mut cmd = common::oracle::zoneinfo()?;
    let mut child = cmd
        .arg(common::oracle::support("zone_sweep_oracle.py"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    std::thread::spawn(move || {
        let _ = stdin.write_all(requests.as_bytes());
    });
    let stdout = BufReader::new(child.stdout.take().unwrap());
    Some((child, stdout.lines().map(|l| l.unwrap())))
}

// ---------------------------------------------------------------- outcomes

/// What one resolution or rendering gave: refused as a gap or a fold, or an
/// instant (Unix seconds) with its offset and civil time (naive seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Gap,
    Fold,
    At {
        instant: i64,
        offset: i32,
        civil: i64,
    },
    Other,
}

impl Outcome {
    fn at(instant: i64, offset: i32) -> Outcome {
        Outcome::At {
            instant,
            offset,
            civil: instant + i64::from(offset),
        }
    }

    fn of_zoned(z: &ZonedDateTime) -> Outcome {
        Outcome::At {
            instant: z.instant().timestamp(),
            offset: z.offset().local_minus_utc(),
            civil: seconds(&z.civil()),
        }
    }

    fn text(self) -> String {
        match self {
            Outcome::Gap => "gap".into(),
            Outcome::Fold => "fold".into(),
            Outcome::Other => "other error".into(),
            Outcome::At {
                instant,
                offset,
                civil,
            } => format!("{}@{offset} (unix {instant})", civil_text(&naive(civil))),
        }
    }

    /// `g`, `f` or `CIVIL@OFFSET`, as the oracle's `civil` and `instant` answers.
    fn parse_token(token: &str) -> Outcome {
        match token {
            "g" => Outcome::Gap,
            "f" => Outcome::Fold,
            _ => {
                let (civil, offset) = token.split_once('@').unwrap();
                let civil =
                    seconds(&NaiveDateTime::parse_from_str(civil, "%Y-%m-%dT%H:%M:%S").unwrap());
                let offset: i32 = offset.parse().unwrap();
                Outcome::At {
                    instant: civil - i64::from(offset),
                    offset,
                    civil,
                }
            }
        }
    }

    /// `g`, `f` or `READ/OFF` for the civil time `civil` (the oracle's `near`).
    fn parse_compact(civil: i64, token: &str) -> Outcome {
        match token {
            "g" => Outcome::Gap,
            "f" => Outcome::Fold,
            _ => {
                let (read, offset) = token.split_once('/').unwrap();
                let read: i64 = read.parse().unwrap();
                Outcome::at(civil - read, offset.parse().unwrap())
            }
        }
    }
}

/// The library's resolution of `civil` (naive seconds) in `zone`.
fn resolve(zone: Tz, civil: i64, policy: Disambiguation) -> Outcome {
    match ZonedDateTime::resolve(naive(civil), zone, policy) {
        Ok(z) => Outcome::of_zoned(&z),
        Err(e) => match e.kind() {
            ErrorKind::Gap => Outcome::Gap,
            ErrorKind::Fold => Outcome::Fold,
            _ => Outcome::Other,
        },
    }
}

/// The library's rendering of the instant `t` (Unix seconds) in `zone`.
fn render(zone: Tz, t: i64) -> ZonedDateTime {
    ZonedDateTime::from_instant(DateTime::from_timestamp(t, 0).unwrap(), zone)
}

// ---------------------------------------------------------------- the table

/// A zone's offsets as zoneinfo gives them: `offsets[i]` from `starts[i]` on
/// (the first entry from the start of the table's range).
struct Table {
    starts: Vec<i64>,
    offsets: Vec<i32>,
}

impl Table {
    /// Reads `ZONE INITIAL T:O T:O ...`.
    fn parse(line: &str) -> (String, Table) {
        let mut fields = line.split(' ');
        let name = fields.next().unwrap().to_owned();
        let mut starts = vec![i64::MIN];
        let mut offsets = vec![fields.next().unwrap().parse().unwrap()];
        for f in fields {
            let (t, o) = f.split_once(':').unwrap();
            starts.push(t.parse().unwrap());
            offsets.push(o.parse().unwrap());
        }
        (name, Table { starts, offsets })
    }

    fn index(&self, t: i64) -> usize {
        self.starts.partition_point(|&s| s <= t) - 1
    }

    fn offset_at(&self, t: i64) -> i32 {
        self.offsets[self.index(t)]
    }

    /// What zoneinfo does with the civil time `civil` (naive seconds) under
    /// each policy (reject, earlier, later, compatible), computed from the
    /// table: the instants `t` with `t + offset(t) == civil` are its
    /// occurrences; none is a gap, two a fold. In a gap, `earlier` reads the
    /// civil time with the offset after the transition, `later` and
    /// `compatible` with the one before; in a fold, `earlier` and `compatible`
    /// take the first occurrence, `later` the second.
    fn expect(&self, civil: i64) -> [Outcome; 4] {
        // Offsets lie within ±26 hours: only the segments meeting that window
        // can hold an occurrence.
        let lo = self.index(civil - 26 * 3600);
        let hi = self.index(civil + 26 * 3600);
        let mut found = [0; 4];
        let mut n = 0;
        for i in lo..=hi {
            let o = self.offsets[i];
            let t = civil - i64::from(o);
            let end = self.starts.get(i + 1).copied().unwrap_or(i64::MAX);
            if self.starts[i] <= t && t < end {
                found[n] = o;
                n += 1;
            }
        }
        let at = |o: i32| Outcome::at(civil - i64::from(o), o);
        match &found[..n] {
            [o] => [at(*o); 4],
            [first, second] => [Outcome::Fold, at(*first), at(*second), at(*first)],
            [] => {
                // The transition whose jump forward skips `civil`.
                let i = (lo + 1..=hi)
                    .find(|&i| {
                        let (b, a) = (self.offsets[i - 1], self.offsets[i]);
                        self.starts[i] + i64::from(b) <= civil
                            && civil < self.starts[i] + i64::from(a)
                    })
                    .unwrap();
                let read = |o: i32| {
                    let t = civil - i64::from(o);
                    Outcome::at(t, self.offset_at(t))
                };
                let (before, after) = (read(self.offsets[i - 1]), read(self.offsets[i]));
                [Outcome::Gap, after, before, before]
            }
            _ => [Outcome::Other; 4],
        }
    }
}

// ---------------------------------------------------------------- the check

/// Whether `StatedTime` reads the zone's name as an IANA name (not as an
/// abbreviation: names in capitals only, `UTC` and `GMT` excepted).
fn stateable(name: &str) -> bool {
    let capitals = (2..=6).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_uppercase());
    !capitals || name == "UTC" || name == "GMT"
}

/// Counters and the first mismatches, by kind of check.
#[derive(Default)]
struct Tally {
    /// (kind, checks, mismatches), in the order first seen.
    rows: Vec<(&'static str, u64, u64)>,
    shown: Vec<String>,
}

impl Tally {
    fn row(&mut self, what: &'static str) -> &mut (&'static str, u64, u64) {
        // Kinds are few and string literals: compare addresses first.
        let i = match self
            .rows
            .iter()
            .position(|r| std::ptr::eq(r.0, what) || r.0 == what)
        {
            Some(i) => i,
            None => {
                self.rows.push((what, 0, 0));
                self.rows.len() - 1
            }
        };
        &mut self.rows[i]
    }

    fn count(&mut self, what: &'static str, n: u64) {
        self.row(what).1 += n;
    }

    fn compare(&mut self, what: &'static str, ok: bool, message: impl FnOnce() -> String) {
        let row = self.row(what);
        row.1 += 1;
        if !ok {
            row.2 += 1;
            if self.shown.len() < SHOWN {
                self.shown.push(format!("{what}: {}", message()));
            }
        }
    }

    fn merge(&mut self, other: Tally) {
        for (k, checks, bad) in other.rows {
            let row = self.row(k);
            row.1 += checks;
            row.2 += bad;
        }
        for s in other.shown {
            if self.shown.len() < SHOWN {
                self.shown.push(s);
            }
        }
    }

    fn total_mismatches(&self) -> u64 {
        self.rows.iter().map(|r| r.2).sum()
    }

    fn report(&self) -> String {
        let mut text = String::new();
        let mut rows = self.rows.clone();
        rows.sort();
        for (k, checks, bad) in rows {
            text.push_str(&format!(
                "  {k:<45} {checks:>13} checks, {bad} mismatches\n"
            ));
        }
        text
    }

    fn assert_clean(&self) {
        assert!(
            self.total_mismatches() == 0,
            "{} mismatches; the first ones:\n{}",
            self.total_mismatches(),
            self.shown.join("\n")
        );
    }
}

/// Everything about one zone that is compared: its name, the people of a
/// meeting, and the tally.
struct Checker<'a> {
    zone: Tz,
    name: &'a str,
    ministers: &'a [Minister; 2],
    tally: Tally,
}

impl Checker<'_> {
    /// Resolution of `civil` (naive seconds) under every policy, against `want`.
    fn civil(&mut self, what: &'static str, civil: i64, want: [Outcome; 4]) {
        for (policy, want) in POLICIES.into_iter().zip(want) {
            let got = resolve(self.zone, civil, policy);
            self.tally.compare(what, got == want, || {
                format!(
                    "{} {} {policy}: ours {}, zoneinfo {}",
                    self.name,
                    civil_text(&naive(civil)),
                    got.text(),
                    want.text()
                )
            });
        }
    }

    /// Rendering of the instant `t` against zoneinfo's `want`, and the stated
    /// time check with zoneinfo's civil time (`with_seconds`: stated to the
    /// second, otherwise to the minute).
    fn instant(
        &mut self,
        what: &'static str,
        stated_what: &'static str,
        t: i64,
        want: Outcome,
        with_seconds: bool,
    ) {
        let z = render(self.zone, t);
        let got = Outcome::of_zoned(&z);
        self.tally.compare(what, got == want, || {
            format!(
                "{} unix {t}: ours {}, zoneinfo {}",
                self.name,
                got.text(),
                want.text()
            )
        });
        if !stateable(self.name) {
            self.tally.count("stated check skipped (capitals)", 1);
            return;
        }
        let Outcome::At { civil, .. } = want else {
            return;
        };
        let mut text = civil_text(&naive(civil));
        if !with_seconds {
            text.truncate(16);
        }
        text.push(' ');
        text.push_str(self.name);
        let stated: StatedTime = text.parse().unwrap();
        let meeting = Meeting::builder("Telephone talk")
            .mode(Mode::Telephone)
            .zone(self.zone)
            .start(z)
            .participants(self.ministers.iter().cloned())
            .build()
            .unwrap();
        let result = meeting.check_stated(&stated);
        let ok = matches!(&result, Ok(local) if local.instant().timestamp() == t);
        self.tally.compare(stated_what, ok, || {
            format!("{} unix {t} stated {text:?}: {result:?}", self.name)
        });
    }
}

// ---------------------------------------------------------------- CI sample

/// Random points over every zone and random points near random transitions,
/// each answered by zoneinfo directly; the table's computation is checked
/// against the same answers.
#[test]
fn sample_agrees_with_zoneinfo() {
    let started = Instant::now();
    let mut rng = XorShift(0x2545_F491_4F6C_DD1D);
    let span = HOURS * 3600;

    // Zones whose transitions are sampled: a random 40 of those that have any.
    let tables_for: Vec<Tz> = (0..60)
        .map(|_| TZ_VARIANTS[rng.below(TZ_VARIANTS.len() as u64) as usize])
        .collect();
    let requests: String = tables_for
        .iter()
        .map(|z| format!("table {}\n", z.name()))
        .collect();
    let Some((mut child, answers)) = oracle(requests) else {
        return;
    };
    let answers: Vec<String> = answers.collect();
    let tables: Vec<(Tz, Table)> = tables_for
        .iter()
        .zip(answers)
        .map(|(z, line)| {
            let (name, table) = Table::parse(&line);
            assert_eq!(name, z.name());
            (*z, table)
        })
        .filter(|(_, t)| t.starts.len() > 2)
        .take(40)
        .collect();
    assert!(child.wait().unwrap().success(), "the oracle failed");
    assert!(!tables.is_empty());

    // (zone, civil seconds, whether near a transition) and (zone, instant, near).
    let mut civils: Vec<(Tz, i64, bool)> = Vec::new();
    let mut instants: Vec<(Tz, i64, bool)> = Vec::new();
    for _ in 0..12_000 {
        let zone = TZ_VARIANTS[rng.below(TZ_VARIANTS.len() as u64) as usize];
        let mut s = rng.below(span as u64) as i64;
        if rng.below(2) == 0 {
            s -= s % 60;
        }
        civils.push((zone, s, false));
        let zone = TZ_VARIANTS[rng.below(TZ_VARIANTS.len() as u64) as usize];
        instants.push((zone, rng.below(span as u64) as i64 - 86_400, false));
    }
    for _ in 0..12_000 {
        let (zone, table) = &tables[rng.below(tables.len() as u64) as usize];
        let i = 1 + rng.below(table.starts.len() as u64 - 1) as usize;
        let t = table.starts[i];
        let (b, a) = (table.offsets[i - 1], table.offsets[i]);
        let (lo, hi) = (
            t + i64::from(b.min(a)) - 7200,
            t + i64::from(b.max(a)) + 7200,
        );
        let mut c = lo + rng.below((hi - lo) as u64 + 1) as i64;
        if rng.below(4) != 0 {
            c -= c.rem_euclid(60);
        }
        civils.push((*zone, c, true));
        instants.push((*zone, t - 7200 + rng.below(14_401) as i64, true));
    }

    let mut requests = String::new();
    for (zone, c, _) in &civils {
        requests.push_str(&format!(
            "civil {} {}\n",
            zone.name(),
            civil_text(&naive(*c))
        ));
    }
    for (zone, t, _) in &instants {
        requests.push_str(&format!("instant {} {t}\n", zone.name()));
    }
    let Some((mut child, mut answers)) = oracle(requests) else {
        return;
    };
    let people = common::pair();
    let mut tally = Tally::default();
    let by_zone: HashMap<Tz, &Table> = tables.iter().map(|(z, t)| (*z, t)).collect();
    for (zone, c, near) in &civils {
        let line = answers
            .next()
            .expect("the oracle stopped early: see its error above");
        let want: Vec<Outcome> = line.split(' ').map(Outcome::parse_token).collect();
        let want: [Outcome; 4] = want.try_into().unwrap();
        let mut checker = Checker {
            zone: *zone,
            name: zone.name(),
            ministers: &people,
            tally: std::mem::take(&mut tally),
        };
        checker.civil(
            if *near {
                "resolve near a transition"
            } else {
                "resolve at random"
            },
            *c,
            want,
        );
        tally = checker.tally;
        if let Some(table) = by_zone.get(zone) {
            for ((policy, want), model) in POLICIES.into_iter().zip(want).zip(table.expect(*c)) {
                tally.compare("table's expectation (model)", model == want, || {
                    format!(
                        "{} {} {policy}: table {}, zoneinfo {}",
                        zone.name(),
                        civil_text(&naive(*c)),
                        model.text(),
                        want.text()
                    )
                });
            }
        }
    }
    for (i, (zone, t, near)) in instants.iter().enumerate() {
        let want = Outcome::parse_token(
            &answers
                .next()
                .expect("the oracle stopped early: see its error above"),
        );
        let mut checker = Checker {
            zone: *zone,
            name: zone.name(),
            ministers: &people,
            tally: std::mem::take(&mut tally),
        };
        let (what, stated) = if *near {
            ("render near a transition", "stated time near a transition")
        } else {
            ("render at random", "stated time at random")
        };
        checker.instant(what, stated, *t, want, i % 2 == 0);
        tally = checker.tally;
    }
    assert!(child.wait().unwrap().success(), "the oracle failed");
    eprintln!(
        "{} civil times x 4 policies, {} instants, in {:.1?}:\n{}",
        civils.len(),
        instants.len(),
        started.elapsed(),
        tally.report()
    );
    tally.assert_clean();
}

// ---------------------------------------------------------------- full sweep

/// Random direct samples per zone, civil times and instants each.
const SAMPLES_PER_ZONE: usize = 100;

/// One zone's answers from the oracle.
struct Job {
    zone: Tz,
    table: Table,
    near: String,
    civils: Vec<(i64, String)>,
    instants: Vec<(i64, String)>,
}

fn sweep_zone(job: &Job, people: &[Minister; 2]) -> Tally {
    let name = job.zone.name();
    let table = &job.table;
    let mut c = Checker {
        zone: job.zone,
        name,
        ministers: people,
        tally: Tally::default(),
    };
    c.tally.count("zones", 1);
    c.tally.count(
        "transitions (table, 1969-12-28..2038-01-04)",
        table.starts.len() as u64 - 1,
    );

    // Every minute around every transition, straight from zoneinfo.
    let mut fields = job.near.split(' ');
    assert_eq!(fields.next(), Some(name));
    assert_eq!(fields.next(), Some("C"));
    let mut rendering = false;
    for run in fields {
        if run == "R" {
            rendering = true;
            continue;
        }
        let mut parts = run.splitn(3, ':');
        let start: i64 = parts.next().unwrap().parse().unwrap();
        let count: i64 = parts.next().unwrap().parse().unwrap();
        let value = parts.next().unwrap();
        for m in start..start + count {
            if rendering {
                let t = m * 60;
                let want = Outcome::at(t, value.parse().unwrap());
                c.instant(
                    "render, minutes near transitions (zoneinfo)",
                    "stated, minutes near transitions (zoneinfo)",
                    t,
                    want,
                    m % 2 == 0,
                );
            } else {
                let civil = m * 60;
                let want: Vec<Outcome> = value
                    .split(',')
                    .map(|p| Outcome::parse_compact(civil, p))
                    .collect();
                let want: [Outcome; 4] = want.try_into().unwrap();
                c.civil("resolve, minutes near transitions (zoneinfo)", civil, want);
                for ((policy, want), model) in
                    POLICIES.into_iter().zip(want).zip(table.expect(civil))
                {
                    c.tally
                        .compare("table's expectation vs zoneinfo", model == want, || {
                            format!(
                                "{name} {} {policy}: table {}, zoneinfo {}",
                                civil_text(&naive(civil)),
                                model.text(),
                                want.text()
                            )
                        });
                }
            }
        }
    }

    // Random points, straight from zoneinfo.
    for (civil, line) in &job.civils {
        let want: Vec<Outcome> = line.split(' ').map(Outcome::parse_token).collect();
        let want: [Outcome; 4] = want.try_into().unwrap();
        c.civil("resolve, random points (zoneinfo)", *civil, want);
        for ((policy, want), model) in POLICIES.into_iter().zip(want).zip(table.expect(*civil)) {
            c.tally
                .compare("table's expectation vs zoneinfo", model == want, || {
                    format!(
                        "{name} {} {policy}: table {}, zoneinfo {}",
                        civil_text(&naive(*civil)),
                        model.text(),
                        want.text()
                    )
                });
        }
    }
    for (t, line) in &job.instants {
        let want = Outcome::parse_token(line);
        c.instant(
            "render, random points (zoneinfo)",
            "stated, random points (zoneinfo)",
            *t,
            want,
            true,
        );
        let model = Outcome::at(*t, table.offset_at(*t));
        c.tally
            .compare("table's offset vs zoneinfo", model == want, || {
                format!(
                    "{name} unix {t}: table {}, zoneinfo {}",
                    model.text(),
                    want.text()
                )
            });
    }

    // Every hour, against the table.
    for h in 0..HOURS {
        let s = h * 3600;
        let want = table.expect(s);
        c.civil("resolve, every hour (table)", s, want);
        let want = Outcome::at(s, table.offset_at(s));
        c.instant(
            "render, every hour (table)",
            "stated, every hour (table)",
            s,
            want,
            false,
        );
    }
    c.tally
}

/// The full sweep: every zone, every hour 1970–2037, every minute within two
/// hours of every transition. Run it in release mode:
/// `cargo test --release --test zone_sweep -- --ignored --nocapture`.
/// `ZONE_SWEEP_ZONES=Europe/Paris,Asia/Tokyo` limits it to those zones.
#[test]
#[ignore = "the full sweep: minutes in release mode"]
fn full_sweep_agrees_with_zoneinfo() {
    let started = Instant::now();
    let zones: Vec<Tz> = match std::env::var("ZONE_SWEEP_ZONES") {
        Ok(list) => list.split(',').map(|n| n.parse().unwrap()).collect(),
        Err(_) => TZ_VARIANTS.to_vec(),
    };
    let mut rng = XorShift(0xD1B5_4A32_D192_ED03);
    let span = HOURS * 3600;
    let mut requests = String::new();
    let mut points = Vec::new();
    for zone in &zones {
        let name = zone.name();
        requests.push_str(&format!("table {name}\nnear {name}\n"));
        let civils: Vec<i64> = (0..SAMPLES_PER_ZONE)
            .map(|_| rng.below(span as u64) as i64)
            .collect();
        let instants: Vec<i64> = (0..SAMPLES_PER_ZONE)
            .map(|_| rng.below(span as u64) as i64)
            .collect();
        for s in &civils {
            requests.push_str(&format!("civil {name} {}\n", civil_text(&naive(*s))));
        }
        for t in &instants {
            requests.push_str(&format!("instant {name} {t}\n"));
        }
        points.push((civils, instants));
    }
    let Some((mut child, mut answers)) = oracle(requests) else {
        return;
    };

    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let (send, receive) = mpsc::sync_channel::<Job>(threads * 2);
    let receive = Arc::new(Mutex::new(receive));
    let total = Arc::new(Mutex::new(Tally::default()));
    let workers: Vec<_> = (0..threads)
        .map(|_| {
            let receive = Arc::clone(&receive);
            let total = Arc::clone(&total);
            std::thread::spawn(move || {
                let people = common::pair();
                loop {
                    let job = receive.lock().unwrap().recv();
                    let Ok(job) = job else { break };
                    let tally = sweep_zone(&job, &people);
                    total.lock().unwrap().merge(tally);
                }
            })
        })
        .collect();
    for (zone, (civils, instants)) in zones.iter().zip(points) {
        let (name, table) = Table::parse(
            &answers
                .next()
                .expect("the oracle stopped early: see its error above"),
        );
        assert_eq!(name, zone.name());
        let near = answers
            .next()
            .expect("the oracle stopped early: see its error above");
        let civils = civils
            .into_iter()
            .map(|s| {
                (
                    s,
                    answers
                        .next()
                        .expect("the oracle stopped early: see its error above"),
                )
            })
            .collect();
        let instants = instants
            .into_iter()
            .map(|t| {
                (
                    t,
                    answers
                        .next()
                        .expect("the oracle stopped early: see its error above"),
                )
            })
            .collect();
        send.send(Job {
            zone: *zone,
            table,
            near,
            civils,
            instants,
        })
        .unwrap();
    }
    drop(send);
    for w in workers {
        w.join().unwrap();
    }
    assert!(child.wait().unwrap().success(), "the oracle failed");
    let total = Arc::try_unwrap(total).ok().unwrap().into_inner().unwrap();
    eprintln!(
        "zone sweep, {} zones, 4 policies ({}), {threads} threads, in {:.1?}:\n{}",
        zones.len(),
        POLICIES.map(|p| p.to_string()).join(", "),
        started.elapsed(),
        total.report()
    );
    total.assert_clean();
}
