//! The crate's readout renderer and its reader agree: for generated valid
//! meetings, rendering with `export::Readout` (Japan's MOFA style, reference
//! zone `Asia/Tokyo`) then reading with `reader::Reader` (publisher Japan,
//! published on the meeting's date) gives back the same date, start
//! instant, duration, mode, form, participants (country, name, posts) and
//! item structure (labels, titles, sub-items, entries with their verbs,
//! who and texts).
#![cfg(feature = "reader")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use chrono_tz::Tz;
use diplomeet::export::Readout;
use diplomeet::reader::Reader;
use diplomeet::{
    AgendaItem, Attendance, Country, Disambiguation, Entry, Meeting, MeetingForm, MeetingStatus,
    Minister, Mode, NameOrder, Participant, PersonName, Portfolio, Post, Role, Start, Venue, Verb,
    ZonedDateTime,
};
use proptest::prelude::*;

/// People: country, given names, surname, written surname first in
/// capitals (MOFA's style for Japanese names).
const PEOPLE: &[(&str, &str, &str, bool)] = &[
    ("JP", "Yoko", "Kamikawa", true),
    ("CL", "Alberto Leo", "Gonzalez", false),
    ("US", "Antony", "Mercer", false),
    ("GB", "James", "Holloway", false),
    ("DE", "Annalena", "Brandt", false),
    ("FR", "Catherine", "Lefevre", false),
    ("AU", "Penny", "Marshall", false),
    ("KR", "Jin", "Park", true),
    ("IN", "Subrahmanyam", "Raghavan", false),
    ("SG", "Vivian", "Tan", false),
    ("BR", "Mauro", "Vieira", false),
    ("SK", "Juraj", "Blanar", false),
    ("UN", "Maria", "Santos", false),
];

/// Posts a person may hold: portfolio and title.
const POSTS: &[(Portfolio, &str)] = &[
    (Portfolio::ForeignAffairs, "Minister for Foreign Affairs"),
    (Portfolio::ForeignAffairs, "Minister of Foreign Affairs"),
    (Portfolio::ForeignAffairs, "Foreign Minister"),
    (Portfolio::HeadOfGovernment, "Prime Minister"),
    (Portfolio::HeadOfState, "President"),
    (Portfolio::Defence, "Minister of Defence"),
];

const HONORIFICS: &[Option<&str>] = &[
    None,
    Some("Mr."),
    Some("Ms."),
    Some("H.E. Mr."),
    Some("Dr."),
    Some("the Honourable"),
];

/// Venues the gazetteer knows: place, country, zone.
const VENUES: &[(&str, &str, Tz)] = &[
    ("Tokyo", "JP", Tz::Asia__Tokyo),
    ("San Francisco", "US", Tz::America__Los_Angeles),
    ("Denpasar", "ID", Tz::Asia__Makassar),
    ("Santiago", "CL", Tz::America__Santiago),
    ("London", "GB", Tz::Europe__London),
    ("Geneva", "CH", Tz::Europe__Zurich),
    ("New York City", "US", Tz::America__New_York),
    ("Perth", "AU", Tz::Australia__Perth),
    ("Singapore", "SG", Tz::Asia__Singapore),
];

const TEXTS: &[&str] = &[
    "that the two countries would continue to cooperate closely",
    "on the situation in the region",
    "the importance of the rule of law",
    "to strengthen economic relations further",
    "regarding the upcoming conference in the autumn",
];

const OCCASIONS: &[&str] = &[
    "APEC Ministerial Meeting",
    "G20 Foreign Ministers' Meeting",
    "79th Session of the United Nations General Assembly",
];

const TITLES: &[&str] = &[
    "Bilateral relations",
    "Regional situation",
    "Economic cooperation",
];

#[derive(Debug, Clone)]
struct Person {
    who: usize,
    honorific: usize,
    post: usize,
    dual: bool,
    named: bool,
}

#[derive(Debug, Clone)]
struct EntryIn {
    who: Vec<usize>,
    verb: usize,
    text: usize,
}

#[derive(Debug, Clone)]
struct ItemIn {
    labelled: bool,
    title: Option<usize>,
    entries: Vec<EntryIn>,
    subs: Vec<Vec<EntryIn>>,
}

#[derive(Debug, Clone)]
struct MeetingIn {
    people: Vec<Person>,
    attendee: bool,
    mode: Mode,
    form: MeetingForm,
    venue: Option<usize>,
    remote_zone: Option<usize>,
    start: (u8, i64, u32),
    duration: Option<(i64, bool)>,
    approximate_start: bool,
    status: MeetingStatus,
    occasion: Option<usize>,
    items: Vec<ItemIn>,
}

fn person() -> impl Strategy<Value = Person> {
    (
        0..PEOPLE.len(),
        0..HONORIFICS.len(),
        0..POSTS.len(),
        any::<bool>(),
        prop::bool::weighted(0.9),
    )
        .prop_map(|(who, honorific, post, dual, named)| Person {
            who,
            honorific,
            post,
            dual: dual && post < 3 && PEOPLE[who].0 != "UN",
            named,
        })
}

fn entry(n: usize) -> impl Strategy<Value = EntryIn> {
    (
        prop::collection::vec(0..n, 1..=n),
        0..Verb::ALL.len(),
        0..TEXTS.len(),
        any::<bool>(),
    )
        .prop_map(move |(who, verb, text, all)| {
            let mut w: Vec<usize> = Vec::new();
            for x in who {
                if !w.contains(&x) {
                    w.push(x);
                }
            }
            if all && n >= 2 {
                w = (0..n).collect();
            }
            EntryIn { who: w, verb, text }
        })
}

fn item(n: usize) -> impl Strategy<Value = ItemIn> {
    (
        any::<bool>(),
        prop::option::of(0..TITLES.len()),
        prop::collection::vec(entry(n), 1..=3),
        prop::collection::vec(prop::collection::vec(entry(n), 1..=2), 0..=2),
    )
        .prop_map(|(labelled, title, entries, subs)| ItemIn {
            labelled,
            title: title.filter(|_| labelled),
            entries,
            subs: if labelled { subs } else { Vec::new() },
        })
}

fn meeting_in() -> impl Strategy<Value = MeetingIn> {
    prop::collection::vec(person(), 2..=4)
        .prop_flat_map(|people| {
            let n = people.len();
            (
                Just(people),
                any::<bool>(),
                prop_oneof![
                    Just(Mode::InPerson),
                    Just(Mode::Telephone),
                    Just(Mode::Video),
                    Just(Mode::Hybrid)
                ],
                prop::sample::select(MeetingForm::ALL.to_vec()),
                prop::option::of(0..VENUES.len()),
                prop::option::of(0..4usize),
                (0u8..4, 0i64..10_000, 0u32..288),
                prop::option::of((1i64..=24 * 12, any::<bool>())),
                any::<bool>(),
                prop::sample::select(vec![
                    MeetingStatus::Held,
                    MeetingStatus::Held,
                    MeetingStatus::Scheduled,
                    MeetingStatus::Postponed,
                    MeetingStatus::Cancelled,
                ]),
                prop::option::of(0..OCCASIONS.len()),
                prop::collection::vec(item(n), 0..=3),
            )
        })
        .prop_map(
            |(
                people,
                attendee,
                mode,
                form,
                venue,
                remote_zone,
                start,
                duration,
                approximate_start,
                status,
                occasion,
                items,
            )| {
                MeetingIn {
                    people,
                    attendee,
                    mode,
                    form,
                    venue,
                    remote_zone,
                    start,
                    duration,
                    approximate_start,
                    status,
                    occasion,
                    items,
                }
            },
        )
}

/// The minister of a generated person, unique per meeting: `None` when
/// the country repeats.
fn minister(p: &Person) -> Minister {
    let (code, given, surname, caps) = PEOPLE[p.who];
    let country = Country::from_code(code).unwrap();
    let (portfolio, title) = if code == "UN" {
        (Portfolio::HeadOfOrganisation, "Secretary-General")
    } else if code == "US" && p.post < 3 {
        (Portfolio::ForeignAffairs, "Secretary of State")
    } else {
        POSTS[p.post]
    };
    let post = Post::new(portfolio, title).unwrap();
    let mut b = if p.named {
        let mut name = PersonName::builder().given(given).surname(surname);
        if caps {
            name = name.order(NameOrder::SurnameFirst).uppercase_surname(true);
        }
        let mut b = Minister::builder(name.build().unwrap(), country);
        if p.dual {
            b = b.post(
                Post::new(Portfolio::DeputyHeadOfGovernment, "Deputy Prime Minister").unwrap(),
            );
        }
        b.post(post)
    } else {
        Minister::by_post(country, post)
    };
    if let Some(h) = HONORIFICS[p.honorific].filter(|_| p.named) {
        b = b.honorific(h);
    }
    b.build().unwrap()
}

/// Builds the meeting, or `None` when the generated facts do not make a
/// valid, renderable one (a time the zone skips or repeats, a country
/// twice).
fn build(m: &MeetingIn) -> Option<Meeting> {
    let mut seen = Vec::new();
    let mut ministers = Vec::new();
    for p in &m.people {
        let code = PEOPLE[p.who].0;
        if seen.contains(&code) {
            return None;
        }
        seen.push(code);
        ministers.push(minister(p));
    }
    let ids: Vec<String> = ministers.iter().map(|x| x.id().to_owned()).collect();
    let mut b = Meeting::builder("Foreign Ministers' Meeting")
        .mode(m.mode)
        .form(m.form)
        .status(m.status);
    if let Some(o) = m.occasion {
        b = b.occasion(OCCASIONS[o]);
    }
    let mut zone = None;
    if m.mode.has_venue() {
        if let Some(v) = m.venue {
            let (place, code, tz) = VENUES[v];
            b = b.venue(Venue::new(place, Country::from_code(code).unwrap(), tz).unwrap());
            zone = Some(tz);
        }
    }
    if zone.is_none() {
        let z = match m.remote_zone {
            Some(0) | None => Tz::Asia__Tokyo,
            Some(k) => ministers[k % ministers.len()].home_zone(),
        };
        if m.remote_zone.is_some() || !m.mode.has_venue() {
            b = b.zone(z);
            zone = Some(z);
        }
    }
    let (kind, days, slot) = m.start;
    let date =
        NaiveDate::from_ymd_opt(2001, 1, 1)?.checked_add_signed(TimeDelta::try_days(days)?)?;
    let time = NaiveTime::from_hms_opt(slot / 12, (slot % 12) * 5, 0)?;
    let civil = NaiveDateTime::new(date, time);
    let mut timed = false;
    match kind {
        0 | 1 if zone.is_some() => {
            // Only a civil time that exists once in the zone.
            ZonedDateTime::resolve(civil, zone?, Disambiguation::Reject).ok()?;
            b = b.starts_at(civil).start_approximate(m.approximate_start);
            timed = true;
        }
        2 => b = b.starts_on(date),
        _ => {}
    }
    let _ = timed;
    if let Some((fives, approx)) = m.duration {
        b = b
            .duration(TimeDelta::try_minutes(fives * 5)?)
            .approximate(approx);
    }
    let hybrid = m.mode == Mode::Hybrid;
    for (i, x) in ministers.into_iter().enumerate() {
        let mut p = Participant::person(x);
        if hybrid {
            // The subject in the room, one counterpart too.
            p = p.attendance(if i >= 2 {
                Attendance::Remote
            } else {
                Attendance::InRoom
            });
        }
        if m.attendee && i == m.people.len() - 1 && i >= 2 {
            p = p.role(Role::Attendee);
        }
        b = b.with_participant(p.build().unwrap());
    }
    let principals: Vec<usize> = (0..m.people.len())
        .filter(|i| !(m.attendee && *i == m.people.len() - 1 && *i >= 2))
        .collect();
    let entry = |e: &EntryIn| {
        let who: Vec<String> = e
            .who
            .iter()
            .filter(|w| principals.contains(w))
            .map(|w| ids[*w].clone())
            .collect();
        let who = if who.is_empty() {
            vec![ids[0].clone()]
        } else {
            who
        };
        Entry::by(who, Verb::ALL[e.verb], TEXTS[e.text])
    };
    let mut number = 0;
    for it in &m.items {
        let mut ib = AgendaItem::builder();
        if it.labelled {
            number += 1;
            ib = ib.number(number);
        }
        if let Some(t) = it.title {
            ib = ib.title(TITLES[t]);
        }
        for e in &it.entries {
            ib = ib.entry(entry(e));
        }
        for (k, sub) in it.subs.iter().enumerate() {
            let mut sb = AgendaItem::builder().label(format!("({})", k + 1));
            for e in sub {
                sb = sb.entry(entry(e));
            }
            ib = ib.item(sb.build().unwrap());
        }
        b = b.agenda_item(ib.build().unwrap());
    }
    b.build().ok()
}

fn strip_stop(s: &str) -> &str {
    s.trim().trim_end_matches('.')
}

/// What must survive the round trip, as comparable text.
fn summary(m: &Meeting) -> Vec<String> {
    let mut out = vec![
        format!("date {:?}", m.date()),
        format!("start {:?}", m.start().ok().map(|z| z.instant())),
        format!(
            "duration {:?} {}",
            m.duration(),
            m.duration_is_approximate()
        ),
        format!("mode {} form {}", m.mode(), m.form()),
        format!("occasion {:?}", m.occasion().map(|o| o.name())),
    ];
    let mut people: Vec<String> = m
        .ministers()
        .map(|x| {
            let posts: Vec<String> = x
                .posts()
                .iter()
                .map(|p| format!("{}={}", p.portfolio(), p.title()))
                .collect();
            format!(
                "person {} {} {}",
                x.country().code(),
                x.name().map_or("(post)".to_owned(), |n| n.to_string()),
                posts.join(" + ")
            )
        })
        .collect();
    people.sort();
    out.extend(people);
    let country_of = |id: &str| {
        m.participant(id)
            .and_then(|p| p.minister())
            .map_or(id.to_owned(), |x| x.country().code().to_owned())
    };
    fn items(
        list: &[AgendaItem],
        depth: usize,
        out: &mut Vec<String>,
        country_of: &dyn Fn(&str) -> String,
    ) {
        for it in list {
            out.push(format!("{depth} item {:?} {:?}", it.label(), it.title()));
            for e in it.entries() {
                let mut who: Vec<String> = e.who().iter().map(country_of).collect();
                who.sort();
                out.push(format!(
                    "{depth} entry {} {} {}",
                    who.join("+"),
                    e.verb(),
                    strip_stop(e.text())
                ));
            }
            items(it.items(), depth + 1, out, country_of);
        }
    }
    items(m.agenda(), 0, &mut out, &country_of);
    out
}

proptest! {
    // 256 cases; PROPTEST_CASES=N for a deeper run.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256),
        ..ProptestConfig::default()
    })]

    #[test]
    fn render_then_read_gives_the_meeting_back(m in meeting_in()) {
        let Some(meeting) = build(&m) else { return Ok(()) };
        let text = Readout::new(Tz::Asia__Tokyo).render(&meeting).unwrap();
        let published = meeting.date().unwrap_or(NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
        let reading = Reader::new(Country::from_code("JP").unwrap())
            .published(published)
            .read(&text)
            .unwrap();
        let failures: Vec<String> = reading.failures().iter().map(|f| f.error().to_string()).collect();
        prop_assert_eq!(reading.meetings().len(), 1, "{}\n{:?}\n{:?}", text, failures, reading.unread());
        let back = reading.meetings()[0].meeting();
        let want = summary(&meeting);
        let got = summary(back);
        prop_assert_eq!(&want, &got, "\n{}\n{}", text, back);
        // Times agree with themselves: no warning about stated times.
        let disagree: Vec<String> = reading
            .warnings()
            .iter()
            .filter(|w| w.kind() == diplomeet::reader::WarningKind::StatedTimesDisagree)
            .map(|w| w.message().to_owned())
            .collect();
        prop_assert!(disagree.is_empty(), "{}\n{:?}\n{}", text, disagree, back);
    }
}

#[test]
fn the_seed_reads_back() {
    // The reference meeting, as the renderer writes it.
    let japan = Country::from_code("JP").unwrap();
    let chile = Country::from_code("CL").unwrap();
    let kamikawa = Minister::builder(
        PersonName::builder()
            .surname("Kamikawa")
            .given("Yoko")
            .order(NameOrder::SurnameFirst)
            .uppercase_surname(true)
            .build()
            .unwrap(),
        japan,
    )
    .honorific("Ms.")
    .post(Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs").unwrap())
    .build()
    .unwrap();
    let vk = Minister::builder(
        PersonName::builder()
            .given("Alberto Leo")
            .surname("van Klaveren")
            .second_surname("Stork")
            .build()
            .unwrap(),
        chile,
    )
    .honorific("H.E. Mr.")
    .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs").unwrap())
    .build()
    .unwrap();
    let both = [kamikawa.id().to_owned(), vk.id().to_owned()];
    let meeting = Meeting::builder("Japan-Chile Foreign Ministers' Meeting")
        .venue(
            Venue::new(
                "San Francisco",
                Country::from_code("US").unwrap(),
                Tz::America__Los_Angeles,
            )
            .unwrap(),
        )
        .occasion("APEC Ministerial Meeting")
        .starts_at("2023-11-13T16:00:00".parse().unwrap())
        .duration(TimeDelta::try_minutes(30).unwrap())
        .approximate(true)
        .status(MeetingStatus::Held)
        .participant(kamikawa.clone())
        .participant(vk)
        .agenda_item(
            AgendaItem::builder()
                .number(1)
                .title("Opening remarks")
                .statement(kamikawa.id(), Verb::Stated, "that she was pleased to meet")
                .outcome(Verb::Concurred, both.clone(), "to strengthen relations")
                .build()
                .unwrap(),
        )
        .build()
        .unwrap();
    let text = Readout::new(Tz::Asia__Tokyo).render(&meeting).unwrap();
    let reading = Reader::new(Country::from_code("JP").unwrap())
        .published("2023-11-14".parse().unwrap())
        .read(&text)
        .unwrap();
    let back = reading.meetings()[0].meeting();
    assert_eq!(summary(&meeting), summary(back), "\n{text}\n{back}");
    assert_eq!(
        back.start_in(Tz::Asia__Tokyo).unwrap().to_rfc3339(),
        "2023-11-14T09:00:00+09:00"
    );
    assert!(matches!(back.when(), Start::At(_)));
    assert!(reading.warnings().is_empty(), "{:?}", reading.warnings());
}
