//! `Meeting::check_stated`: arbitrary stated-time text against the seed-like
//! Japan–Chile meeting (San Francisco, 2023-11-13 16:00), and structured
//! stated times against arbitrary meetings. Property: no panic; an accepted
//! stated time names the meeting's own instant.
#![no_main]

use std::sync::OnceLock;

use arbitrary::Arbitrary;
use chrono::TimeDelta;
use diplomeet::schedule::StatedTime;
use diplomeet::time::parse_civil;
use diplomeet::{Country, Meeting, Minister, PersonName, Portfolio, Post, Start, Venue};
use diplomeet_fuzz::{CivilIn, MeetingIn, zone};
use libfuzzer_sys::fuzz_target;

fn minister(given: &str, surname: &str, code: &str) -> Minister {
    let name = PersonName::builder()
        .given(given)
        .surname(surname)
        .build()
        .expect("name");
    Minister::builder(name, Country::from_code(code).expect("country"))
        .post(Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs").expect("post"))
        .build()
        .expect("minister")
}

/// The reference meeting's time facts (examples/support/seed.rs), without
/// its agenda, which check_stated does not read.
fn seed() -> &'static Meeting {
    static SEED: OnceLock<Meeting> = OnceLock::new();
    SEED.get_or_init(|| {
        Meeting::builder("Japan-Chile Foreign Ministers' Meeting")
            .venue(
                Venue::new(
                    "San Francisco",
                    Country::from_code("US").expect("US"),
                    chrono_tz::America::Los_Angeles,
                )
                .expect("venue"),
            )
            .starts_at(parse_civil("2023-11-13T16:00:00").expect("civil"))
            .duration(TimeDelta::try_minutes(30).expect("30 min"))
            .approximate(true)
            .participant(minister("Yoko", "Kamikawa", "JP"))
            .participant(minister("Alberto Leo", "van Klaveren", "CL"))
            .build()
            .expect("seed meeting")
    })
}

/// A stated time as text pieces, so the structured half of the input
/// reaches the checker's logic instead of the parser's refusals.
#[derive(Arbitrary, Debug)]
enum StatedIn {
    Text(String),
    Parts {
        civil: CivilIn,
        seconds: bool,
        zone: ZoneIn,
    },
}

#[derive(Arbitrary, Debug)]
enum ZoneIn {
    Iana(u16),
    Abbreviation(u8),
    Numeric(i8, u8),
    Raw(String),
}

const ABBREVIATIONS: &[&str] = &[
    "JST", "PST", "PDT", "EST", "EDT", "CET", "CEST", "GMT", "UTC", "Z", "CLT", "CLST", "BST",
    "IST", "AEST", "AEDT", "LMT", "HST", "MSK", "WIB", "KST", "NZDT", "ChST", "XYZ",
];

impl StatedIn {
    fn text(&self) -> Option<String> {
        match self {
            StatedIn::Text(t) => Some(t.clone()),
            StatedIn::Parts {
                civil,
                seconds,
                zone: z,
            } => {
                let c = civil.get()?;
                let civil = if *seconds {
                    c.format("%Y-%m-%dT%H:%M:%S").to_string()
                } else {
                    c.format("%Y-%m-%dT%H:%M").to_string()
                };
                let z = match z {
                    ZoneIn::Iana(i) => zone(*i).name().to_owned(),
                    ZoneIn::Abbreviation(i) => {
                        ABBREVIATIONS[usize::from(*i) % ABBREVIATIONS.len()].to_owned()
                    }
                    ZoneIn::Numeric(h, m) => format!("{:+03}{:02}", h % 25, m % 60),
                    ZoneIn::Raw(s) => s.clone(),
                };
                Some(format!("{civil} {z}"))
            }
        }
    }
}

#[derive(Arbitrary, Debug)]
struct Input {
    stated: Vec<StatedIn>,
    meeting: Option<MeetingIn>,
}

fn check(meeting: &Meeting, text: &str) {
    let Ok(stated) = text.parse::<StatedTime>() else {
        return;
    };
    if let Ok(z) = meeting.check_stated(&stated) {
        let Start::At(start) = meeting.when() else {
            panic!("{text:?} accepted for a meeting without a time of day");
        };
        assert_eq!(
            z.instant(),
            start.instant(),
            "{text:?} accepted at another instant"
        );
    }
}

fuzz_target!(|input: Input| {
    let built = input
        .meeting
        .as_ref()
        .and_then(MeetingIn::build)
        .and_then(Result::ok);
    for s in input.stated.iter().take(8) {
        let Some(text) = s.text() else { continue };
        check(seed(), &text);
        if let Some(m) = &built {
            check(m, &text);
        }
    }
});
