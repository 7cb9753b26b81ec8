//! The cost table of issue 10, rerun with the same inputs: wall time and
//! peak heap of each path that cost seconds to minutes or gigabytes, so
//! that the figures in a note can be reproduced with one command.
//!
//! ```text
//! cargo bench --bench cost_table --features json            # every row
//! cargo bench --bench cost_table --features json -- summit  # one row (or several)
//! ```
//!
//! It is a plain program, not a criterion bench: each measurement runs once
//! (the costs measured are seconds and megabytes, not nanoseconds), in the
//! release build, timed with [`Instant`]. Peak heap is counted by a global
//! allocator that wraps the system's and keeps the bytes allocated now and
//! at most ([`PeakAlloc`]; the crate forbids `unsafe`, which an allocator
//! written here would need): the peak is reset before each measurement, and
//! the figure is the peak above what was allocated when it started, so it
//! counts what the path allocates, its result included, and not the input
//! built beforehand. It counts the bytes asked for, not the allocator's own
//! overhead per block (with glibc, a block of 1 to 24 bytes takes 32): for
//! millions of small strings the process's resident memory is well above
//! it, which is why the `stdin` row also runs `check` on the bad document
//! and gives its peak RSS. The machine's load (`/proc/loadavg`, one minute) is
//! printed with each row: on a shared machine, times taken under load are
//! longer than the work needs. Fixtures are built through the public
//! builders from fixed generators, outside the measurements.
//!
//! The output is a markdown table, one line per measurement, printed as it
//! is measured:
//!
//! | row | path | input |
//! |---|---|---|
//! | `summit` | `Summit::plan`, `Summit::plan_first_fit` (and the bounds, asked for once) | the generated UNGA instance (`examples/support/unga.rs`): 193 delegations, 4 days, 25 rooms, 3,000 / 6,000 / 8,000 / 10,000 requests; and the largest event the default limits allow (10,000 requests, 31 days of 128 slots) |
//! | `summit_build` | building that instance (generator and `SummitBuilder::build`) | 10,000 requests over 30 / 100 / 300 days with the default limits (`max_summit_days` is 31: 100 and 300 are refused); and planning the 30 days |
//! | `ics` | `export::to_ics` | 10,000 / 30,000 / 100,000 meetings a day apart in three zones (Tokyo, Santiago, New York), as `benches/export.rs` builds them, ending before 2100 (the zone data's horizon) |
//! | `topics` | `export::to_json_ld`, `export::to_ics` | one valid meeting of 50 / 100 / 200 agenda items of 500 distinct topics each (25,000 / 50,000 / 100,000 topics; 100,000 is the most the default limits allow) |
//! | `conflicts` | `Calendar::conflicts` (`take(1000)`, `count()`, and every conflict collected, the caller's choice), `Calendar::conflicts_capped(1000)` | 1,000 / 4,000 meetings of one minister and one counterpart, a second apart and 23 hours long: all overlap |
//! | `bad_json` | `Meeting::from_json` and `Meeting::from_json_reader`, then the error's message | a 15.8 MB document of 200 items of 125 joint entries, each naming 100 unknown participant ids (2.5 million violations); and a valid document of 100,000 topics, for the memory per byte read |
//! | `slots` | `SlotSearchBuilder::build`, `SlotSearch::search` | 256 participants of 256 countries with their default hours, a 365-day window, a 30-minute slot on a 1-minute step, `limit` 40,000 (and 10, and 160,000) |
//! | `stdin` | the `check` and `export` examples reading standard input | 1.5 GB of NUL bytes: `head -c 1500000000 /dev/zero \| /usr/bin/time -f '%e s %M KiB' target/release/examples/check`; and `check` on the bad document of `bad_json` from a file on standard input, for the process's peak RSS; run only when the examples are built: `cargo build --release --features json --example check --example export` |
//!
//! Rows are run in that order, one at a time; name rows after `--` to run
//! only those.

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../examples/support/seed.rs"]
mod seed;
#[path = "../examples/support/unga.rs"]
mod unga;

use std::hint::black_box;
use std::io::Write;
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, TimeDelta, TimeZone, Utc};
use diplomeet::export::{to_ics, to_json_ld};
use diplomeet::schedule::{Attendee, Calendar, Conflict, SlotSearch, TravelTable};
use diplomeet::{
    AgendaItem, Country, Entry, Limits, Meeting, Minister, OffsetPolicy, PersonName, Portfolio,
    Post, Topic, TopicCategory, Venue, Verb,
};
use peak_alloc::PeakAlloc;

#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

/// What one measurement found.
struct Cost<T> {
    out: T,
    time: Duration,
    /// Peak heap bytes above those allocated when it started.
    peak: usize,
    /// Heap bytes still allocated at its end, above those at its start:
    /// what the result holds.
    kept: usize,
}

/// Runs `f` once, timed, with the heap's peak reset before.
fn measure<T>(f: impl FnOnce() -> T) -> Cost<T> {
    let base = HEAP.current_usage();
    HEAP.reset_peak_usage();
    let start = Instant::now();
    let out = black_box(f());
    let time = start.elapsed();
    let peak = HEAP.peak_usage().saturating_sub(base);
    let kept = HEAP.current_usage().saturating_sub(base);
    Cost {
        out,
        time,
        peak,
        kept,
    }
}

fn seconds(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s < 0.001 {
        format!("{:.0} µs", s * 1e6)
    } else if s < 0.1 {
        format!("{:.1} ms", s * 1e3)
    } else {
        format!("{s:.2} s")
    }
}

fn megabytes(bytes: usize) -> String {
    let mb = bytes as f64 / 1e6;
    if mb < 0.1 {
        format!("{:.1} kB", bytes as f64 / 1e3)
    } else {
        format!("{mb:.1} MB")
    }
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".to_owned())
}

/// One line of the table.
fn line<T>(path: &str, input: &str, cost: &Cost<T>, notes: &str) {
    println!(
        "| {path} | {input} | {} | {} | {} | {notes} |",
        seconds(cost.time),
        megabytes(cost.peak),
        load()
    );
    std::io::stdout().flush().ok();
}

fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

// ---------------------------------------------------------------- summit

fn summit() {
    for n in [3_000, 6_000, 8_000, 10_000] {
        let summit = unga::unga_with(2023, n, 4, false).expect("the instance builds");
        let fresh = summit.clone();
        let plan = measure(|| fresh.plan().expect("plans"));
        let first_fit = measure(|| summit.plan_first_fit().expect("plans"));
        let input = format!(
            "{} requests, 193 delegations, 4 days, 25 rooms",
            thousands(n)
        );
        line(
            "summit `plan`",
            &input,
            &plan,
            &format!(
                "placed {} meetings, priority {} of {} requested",
                plan.out.placed().len(),
                plan.out.placed_priority(),
                plan.out.requested_priority()
            ),
        );
        line(
            "summit `plan_first_fit`",
            &input,
            &first_fit,
            &format!(
                "placed {} meetings, priority {}",
                first_fit.out.placed().len(),
                first_fit.out.placed_priority()
            ),
        );
        if n == 10_000 {
            // The plan is kept by the summit, so this is the bounds alone.
            let bounds = measure(|| (fresh.upper_bound(), fresh.meeting_bound()));
            let (upper, meetings) = bounds.out;
            line(
                "summit bounds (when asked for)",
                &input,
                &bounds,
                &format!(
                    "plan at {:.1}% of the priority bound {upper}, {:.1}% of the meeting bound {meetings}",
                    100.0 * plan.out.placed_priority() as f64 / upper as f64,
                    100.0 * plan.out.placed().len() as f64 / meetings as f64
                ),
            );
        }
    }
    // The largest event the default limits allow: 31 days of 128 slots.
    let summit = unga::unga_within_limits(2023, 10_000, 31, true).expect("within the limits");
    let plan = measure(|| summit.plan().expect("plans"));
    line(
        "summit `plan`",
        "10,000 requests, 31 days of 128 five-minute slots (3,968 slots: the largest the limits allow)",
        &plan,
        &format!(
            "placed {} meetings, priority {} of {}",
            plan.out.placed().len(),
            plan.out.placed_priority(),
            plan.out.requested_priority()
        ),
    );
}

fn summit_build() {
    for days in [30, 100, 300] {
        let built = measure(|| unga::unga_within_limits(2023, 10_000, days, false));
        let input = format!("10,000 requests over {days} days (default limits)");
        match &built.out {
            Ok(summit) => {
                line(
                    "summit build",
                    &input,
                    &built,
                    &format!("{} slots", summit.slot_starts().len()),
                );
                let plan = measure(|| summit.plan().expect("plans"));
                line(
                    "summit `plan`",
                    &input,
                    &plan,
                    &format!("placed {} meetings", plan.out.placed().len()),
                );
            }
            Err(e) => {
                let mut message = e.to_string();
                if message.len() > 200 {
                    message.truncate(200);
                    message.push_str("...");
                }
                line(
                    "summit build",
                    &input,
                    &built,
                    &format!("refused: {}", message.replace('|', "\\|")),
                );
            }
        }
    }
}

// ---------------------------------------------------------------- exports

fn minister(given: &str, surname: &str, code: &str) -> Minister {
    let name = PersonName::builder()
        .given(given)
        .surname(surname)
        .build()
        .unwrap();
    Minister::builder(name, Country::from_code(code).unwrap())
        .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs").unwrap())
        .build()
        .unwrap()
}

/// `n` meetings a day apart at 10:00, cycling through three venues in three
/// zones, as `benches/export.rs` builds them: from 1985-01-01, or earlier
/// when they would not end before 2100 (the zone data's horizon: New York
/// and Santiago still change their clocks then, and times past it are
/// refused).
fn meetings(n: usize) -> Vec<Meeting> {
    let pair = [
        minister("Yoko", "Kamikawa", "JP"),
        minister("Alberto", "van Klaveren", "CL"),
    ];
    let venues = [
        Venue::new(
            "Tokyo",
            Country::from_code("JP").unwrap(),
            chrono_tz::Asia::Tokyo,
        )
        .unwrap(),
        Venue::new(
            "Santiago",
            Country::from_code("CL").unwrap(),
            chrono_tz::America::Santiago,
        )
        .unwrap(),
        Venue::new(
            "New York",
            Country::from_code("US").unwrap(),
            chrono_tz::America::New_York,
        )
        .unwrap(),
    ];
    let usual = NaiveDate::from_ymd_opt(1985, 1, 1).unwrap();
    let last = NaiveDate::from_ymd_opt(2099, 12, 31).unwrap();
    let days = |k: usize| TimeDelta::try_days(k as i64).unwrap();
    let first = if usual.checked_add_signed(days(n)).unwrap() < last {
        usual
    } else {
        last.checked_sub_signed(days(n)).unwrap()
    };
    (0..n)
        .map(|i| {
            let day = first.checked_add_signed(days(i)).unwrap();
            Meeting::builder(format!("Meeting {i}"))
                .venue(venues[i % venues.len()].clone())
                .starts_at(day.and_hms_opt(10, 0, 0).unwrap())
                .duration(TimeDelta::try_minutes(45).unwrap())
                .participants(pair.iter().cloned())
                .build()
                .unwrap()
        })
        .collect()
}

/// One meeting whose agenda holds `items` items of 500 distinct topics.
fn topics(items: u32) -> Meeting {
    let mut b = Meeting::builder("Strategic Dialogue")
        .venue(
            Venue::new(
                "Tokyo",
                Country::from_code("JP").unwrap(),
                chrono_tz::Asia::Tokyo,
            )
            .unwrap(),
        )
        .starts_at(
            NaiveDate::from_ymd_opt(2024, 5, 1)
                .unwrap()
                .and_hms_opt(10, 0, 0)
                .unwrap(),
        )
        .participant(minister("Yoko", "Kamikawa", "JP"))
        .participant(minister("Alberto", "van Klaveren", "CL"));
    for i in 0..items {
        let mut item = AgendaItem::builder().number(i + 1);
        for k in 0..500 {
            let label = format!("Topic {i}-{k}");
            item = item.topic(Topic::builder(TopicCategory::Other, label).build().unwrap());
        }
        b = b.agenda_item(item.build().unwrap());
    }
    b.build().unwrap()
}

fn stamp() -> DateTime<Utc> {
    DateTime::from_timestamp(1_700_000_000, 0).unwrap()
}

fn ics() {
    for n in [10_000, 30_000, 100_000] {
        let ms = meetings(n);
        let span = format!("{} to {}", ms[0].date().unwrap(), ms[n - 1].date().unwrap());
        let cost = measure(|| to_ics(&ms, stamp()).expect("exports"));
        line(
            "`to_ics`",
            &format!("{} meetings, a day apart, three zones", thousands(n)),
            &cost,
            &format!("{} of iCalendar; {span}", megabytes(cost.out.len())),
        );
    }
}

fn topics_row() {
    for items in [50, 100, 200] {
        let m = topics(items);
        let input = format!("one meeting, {} topics", thousands(items as usize * 500));
        let ld = measure(|| to_json_ld(&m).expect("exports"));
        line(
            "`to_json_ld`",
            &input,
            &ld,
            &format!("{} of JSON-LD", megabytes(ld.out.len())),
        );
        let ics = measure(|| to_ics(std::slice::from_ref(&m), stamp()).expect("exports"));
        line(
            "`to_ics`",
            &input,
            &ics,
            &format!("{} of iCalendar", megabytes(ics.out.len())),
        );
    }
}

// ---------------------------------------------------------------- conflicts

/// `n` meetings of one minister and one counterpart, in Tokyo, a second
/// apart and 23 hours long: every pair overlaps (as `benches/schedule`).
fn overlapping(n: usize) -> Calendar {
    let (a, b) = (
        minister("Yoko", "Kamikawa", "JP"),
        minister("Alberto", "van Klaveren", "CL"),
    );
    let tokyo = Venue::new(
        "Tokyo",
        Country::from_code("JP").unwrap(),
        chrono_tz::Asia::Tokyo,
    )
    .unwrap();
    let start: DateTime<Utc> = "2024-01-01T00:00:00Z".parse().unwrap();
    (0..n)
        .map(|i| {
            let at = start + TimeDelta::try_seconds(i as i64).unwrap();
            Meeting::builder("Talks")
                .venue(tokyo.clone())
                .starts_at(at.with_timezone(&chrono_tz::Asia::Tokyo).naive_local())
                .duration(TimeDelta::try_hours(23).unwrap())
                .participant(a.clone())
                .participant(b.clone())
                .build()
                .unwrap()
        })
        .collect()
}

fn conflicts() {
    let table = TravelTable::builder(TimeDelta::zero()).build().unwrap();
    for n in [1_000, 4_000] {
        let cal = overlapping(n);
        let input = format!(
            "{} meetings of one minister (and one counterpart), all overlapping",
            thousands(n)
        );
        let first = measure(|| cal.conflicts(&table).take(1_000).collect::<Vec<_>>());
        line(
            "`conflicts(..).take(1000)`",
            &input,
            &first,
            &format!("{} kept", first.out.len()),
        );
        drop(first);
        let count = measure(|| cal.conflicts(&table).count());
        line(
            "`conflicts(..).count()`",
            &input,
            &count,
            &format!("{} conflicts counted", thousands(count.out)),
        );
        let capped = measure(|| cal.conflicts_capped(&table, 1_000));
        line(
            "`conflicts_capped(.., 1000)`",
            &input,
            &capped,
            &format!(
                "{} kept of {}",
                capped.out.conflicts().len(),
                thousands(capped.out.total() as usize)
            ),
        );
        drop(capped);
        let all = measure(|| cal.conflicts(&table).collect::<Vec<_>>());
        line(
            "`conflicts(..).collect()` (every one: the caller's choice)",
            &input,
            &all,
            &format!(
                "{} conflicts of {} bytes each",
                thousands(all.out.len()),
                std::mem::size_of::<Conflict<'_>>()
            ),
        );
    }
}

// ---------------------------------------------------------------- from_json

/// The seed meeting's document, its agenda replaced by 200 items of 125
/// joint entries ("concurred"), each naming 100 participant ids that the
/// document does not have: 2.5 million unknown references.
fn bad_document() -> String {
    let mut doc: serde_json::Value =
        serde_json::from_str(&seed::meeting().unwrap().to_json().unwrap()).unwrap();
    let who: Vec<String> = (0..100).map(|k| format!("u{k}")).collect();
    let entry = serde_json::json!({"who": who, "verb": "concurred", "text": "x"});
    let agenda: Vec<serde_json::Value> = (1..=200)
        .map(|i| {
            serde_json::json!({
                "label": format!("{i}."),
                "title": format!("Item {i}"),
                "entries": vec![entry.clone(); 125],
            })
        })
        .collect();
    doc["agenda"] = serde_json::Value::Array(agenda);
    serde_json::to_string(&doc).unwrap()
}

/// A valid document of the same shape as [`bad_document`]: 100
/// participants (`p0` to `p99`, of Japan and Chile in turn), 200 items of
/// 125 joint entries each naming all of them: 2.5 million references, each
/// kept by the meeting read.
fn many_references_document() -> String {
    let people: Vec<Minister> = (0..100)
        .map(|i| {
            let name = PersonName::builder()
                .given(format!("M{i}"))
                .surname("Doe")
                .build()
                .unwrap();
            let code = if i % 2 == 0 { "JP" } else { "CL" };
            Minister::builder(name, Country::from_code(code).unwrap())
                .id(format!("p{i}"))
                .post(Post::new(Portfolio::ForeignAffairs, "Minister").unwrap())
                .build()
                .unwrap()
        })
        .collect();
    let ids: Vec<String> = (0..100).map(|i| format!("p{i}")).collect();
    let mut b = Meeting::builder("Plenary")
        .venue(
            Venue::new(
                "Tokyo",
                Country::from_code("JP").unwrap(),
                chrono_tz::Asia::Tokyo,
            )
            .unwrap(),
        )
        .starts_at(
            NaiveDate::from_ymd_opt(2024, 5, 1)
                .unwrap()
                .and_hms_opt(10, 0, 0)
                .unwrap(),
        )
        .participants(people);
    for i in 0..200 {
        let mut item = AgendaItem::builder()
            .number(i + 1)
            .title(format!("Item {}", i + 1));
        for _ in 0..125 {
            item = item.entry(Entry::by(ids.iter().cloned(), Verb::Concurred, "x"));
        }
        b = b.agenda_item(item.build().unwrap());
    }
    b.build().unwrap().to_json_compact().unwrap()
}

fn bad_json() {
    let text = bad_document();
    let input = format!(
        "{} document, 2.5M unknown entry `who` ids",
        megabytes(text.len())
    );
    let read = measure(|| Meeting::from_json(&text));
    let Err(err) = &read.out else {
        panic!("the bad document was read");
    };
    line(
        "`from_json` (bad)",
        &input,
        &read,
        &format!(
            "{} violations kept of {} (`max_violations` {}); first: {}; peak {:.2}× the document",
            err.violations().count(),
            thousands(err.total()),
            Limits::default().max_violations(),
            err.violations()
                .next()
                .map(|v| v.to_string())
                .unwrap_or_default(),
            read.peak as f64 / text.len() as f64
        ),
    );
    let reader = measure(|| {
        Meeting::from_json_reader(text.as_bytes(), &Limits::default(), OffsetPolicy::Reject)
    });
    let Err(err_reader) = &reader.out else {
        panic!("the bad document was read");
    };
    line(
        "`from_json_reader` (bad)",
        &input,
        &reader,
        &format!(
            "{} violations kept of {}; peak {:.2}× the document",
            err_reader.violations().count(),
            thousands(err_reader.total()),
            reader.peak as f64 / text.len() as f64
        ),
    );
    drop(reader);
    let message = measure(|| err.to_string());
    line(
        "the error's message (`to_string`)",
        &input,
        &message,
        &format!(
            "{} bytes, ending {:?}",
            thousands(message.out.len()),
            &message.out[message.out.len().saturating_sub(40)..]
        ),
    );
    drop(read);

    let valid = many_references_document();
    let input = format!(
        "{} valid document, 2.5M entry `who` references to 100 participants",
        megabytes(valid.len())
    );
    let read = measure(|| Meeting::from_json(&valid).expect("reads"));
    line(
        "`from_json` (valid)",
        &input,
        &read,
        &format!(
            "peak {:.2}× the document; the meeting read holds {} (a `String` per reference)",
            read.peak as f64 / valid.len() as f64,
            megabytes(read.kept)
        ),
    );
    drop(read);

    let valid = topics(200).to_json().unwrap();
    let input = format!("{} valid document, 100,000 topics", megabytes(valid.len()));
    let read = measure(|| Meeting::from_json(&valid).expect("reads"));
    line(
        "`from_json` (valid)",
        &input,
        &read,
        &format!(
            "peak {:.2}× the document",
            read.peak as f64 / valid.len() as f64
        ),
    );
}

// ---------------------------------------------------------------- slots

fn slots() {
    let countries: Vec<Country> = Country::all().collect();
    let ministers: Vec<Minister> = (0..256)
        .map(|i| {
            let country = countries[i % countries.len()].clone();
            let name = PersonName::builder()
                .given(format!("M{i}"))
                .surname("Doe")
                .build()
                .unwrap();
            Minister::builder(name, country)
                .id(format!("m{i:03}"))
                .post(Post::new(Portfolio::ForeignAffairs, "Minister").unwrap())
                .build()
                .unwrap()
        })
        .collect();
    let from = Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap();
    let to = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let question = |limit: usize| {
        ministers
            .iter()
            .cloned()
            .fold(SlotSearch::builder(), |b, m| b.attendee(Attendee::new(m)))
            .window(from, to)
            .duration(TimeDelta::try_minutes(30).unwrap())
            .step(TimeDelta::try_minutes(1).unwrap())
            .limit(limit)
    };
    let input = "256 participants, 365 days, 30-minute slot, 1-minute step";
    let built = measure(|| question(40_000).build().expect("builds"));
    line(
        "slot search `build`",
        input,
        &built,
        &format!(
            "{} countries (5 twice), each its country's default hours",
            countries.len()
        ),
    );
    for limit in [40_000, 10, 160_000] {
        let search = question(limit).build().expect("builds");
        let found = measure(|| search.search());
        line(
            "slot search `search`",
            &format!("{input}, `limit` {}", thousands(limit)),
            &found,
            &format!(
                "{} slots kept; best {} min outside hours",
                thousands(found.out.slots().len()),
                found
                    .out
                    .best()
                    .map_or(0, |s| s.outside_hours().num_minutes())
            ),
        );
    }
}

// ---------------------------------------------------------------- stdin

fn stdin() {
    let target = std::env::current_exe()
        .ok()
        .and_then(|p| Some(p.parent()?.parent()?.to_path_buf()))
        .expect("the bench's directory");
    let examples = target.join("examples");
    // The bad document of the `bad_json` row, in a file.
    let bad = target.join("cost_table_bad.json");
    std::fs::write(&bad, bad_document()).expect("the bad document is written");
    let refs = target.join("cost_table_refs.json");
    std::fs::write(&refs, many_references_document()).expect("the document is written");
    let zeros = "head -c 1500000000 /dev/zero |";
    let cases = [
        ("check", zeros, "", "1.5 GB of NUL bytes"),
        ("export", zeros, " --format ics -", "1.5 GB of NUL bytes"),
        (
            "check",
            "",
            " < BAD",
            "the 15.8 MB bad document of `bad_json`",
        ),
        (
            "check",
            "",
            " < REFS",
            "the 15.8 MB valid document of 2.5M references of `bad_json`",
        ),
    ];
    for (name, before, args, what) in cases {
        let program = examples.join(name);
        if !program.exists() {
            println!(
                "| `{name}` on standard input | {what} | - | - | {} | not built: `cargo build --release --features json --example check --example export` |",
                load()
            );
            continue;
        }
        let args = args
            .replace("BAD", &bad.display().to_string())
            .replace("REFS", &refs.display().to_string());
        let shell = format!(
            "{before} /usr/bin/time -f 'cost %e %M' {}{args} >/dev/null; echo \"exit status $?\" >&2",
            program.display()
        );
        let out = Command::new("sh")
            .arg("-c")
            .arg(&shell)
            .output()
            .expect("sh runs");
        let err = String::from_utf8_lossy(&out.stderr);
        // `time`'s line: seconds and peak resident KiB.
        let (time, rss) = err
            .lines()
            .find_map(|l| {
                let mut w = l.strip_prefix("cost ")?.split_whitespace();
                let secs: f64 = w.next()?.parse().ok()?;
                let kib: usize = w.next()?.parse().ok()?;
                Some((
                    seconds(Duration::from_secs_f64(secs)),
                    megabytes(kib * 1024),
                ))
            })
            .unwrap_or_else(|| ("?".to_owned(), "?".to_owned()));
        let said: Vec<&str> = err
            .lines()
            .filter(|l| !l.starts_with("cost ") && !l.starts_with("Command exited"))
            .collect();
        let mut notes = if said.len() > 3 {
            format!(
                "{}; ({} lines in all); {}",
                said[0],
                said.len(),
                said[said.len() - 1]
            )
        } else {
            said.join("; ")
        }
        .replace('|', "\\|");
        if notes.len() > 400 {
            let cut = (0..=400)
                .rev()
                .find(|&i| notes.is_char_boundary(i))
                .unwrap_or(0);
            notes.truncate(cut);
            notes.push_str("...");
        }
        let shown = format!(
            "{before} target/release/examples/{name}{}",
            args.replace(&bad.display().to_string(), "bad.json")
                .replace(&refs.display().to_string(), "refs.json")
        );
        println!(
            "| `{name}` on standard input | {what}: `{}` | {time} | {rss} (peak RSS of the process) | {} | {notes} |",
            shown.trim().replace('|', "\\|"),
            load(),
        );
    }
    std::fs::remove_file(&bad).ok();
    std::fs::remove_file(&refs).ok();
}

// ---------------------------------------------------------------- main

const ROWS: [(&str, fn()); 8] = [
    ("summit", summit),
    ("summit_build", summit_build),
    ("ics", ics),
    ("topics", topics_row),
    ("conflicts", conflicts),
    ("bad_json", bad_json),
    ("slots", slots),
    ("stdin", stdin),
];

fn main() {
    // `cargo bench` passes `--bench`; other words name rows.
    let wanted: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    for w in &wanted {
        if !ROWS.iter().any(|(name, _)| name == w) {
            let names: Vec<&str> = ROWS.iter().map(|(n, _)| *n).collect();
            eprintln!("unknown row {w:?}: the rows are {}", names.join(", "));
            std::process::exit(2);
        }
    }
    println!(
        "load average at the start: {}",
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .trim()
    );
    println!();
    println!("| path | input | time | peak heap | load | notes |");
    println!("|---|---|---|---|---|---|");
    for (name, row) in ROWS {
        if wanted.is_empty() || wanted.iter().any(|w| w == name) {
            row();
        }
    }
}
