//! The reference meeting: the Japan-Chile Foreign Ministers' Meeting of
//! 13 November 2023 in San Francisco, on the sidelines of the APEC
//! Ministerial Meeting, built from its readout with every statement and
//! outcome. Shared by the `japan_chile_2023` example, the tests and the
//! benches.

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use diplomeet::{
    AgendaItem, Country, Meeting, MeetingStatus, Minister, NameOrder, PersonName, Portfolio, Post,
    Source, Term, Topic, TopicCategory, Venue, Verb,
};

/// Kamikawa's participant id.
pub const KAMIKAWA: &str = "jp-kamikawa-yoko";
/// Van Klaveren's participant id.
pub const VAN_KLAVEREN: &str = "cl-alberto-leo-van-klaveren-stork";

/// What the seed's builders return: the crate's errors, or a date that
/// chrono refuses.
pub type SeedResult<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

fn date(y: i32, m: u32, d: u32) -> SeedResult<NaiveDate> {
    Ok(NaiveDate::from_ymd_opt(y, m, d).ok_or("invalid date")?)
}

fn topic(
    category: TopicCategory,
    label: &str,
    keywords: &[&str],
    aliases: &[&str],
) -> SeedResult<Topic> {
    let mut b = Topic::builder(category, label);
    for k in keywords {
        b = b.keyword(*k);
    }
    for a in aliases {
        b = b.alias(*a);
    }
    Ok(b.build()?)
}

/// Ms. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan.
pub fn kamikawa() -> SeedResult<Minister> {
    let name = PersonName::builder()
        .surname("Kamikawa")
        .given("Yoko")
        .order(NameOrder::SurnameFirst)
        .uppercase_surname(true)
        .native("上川陽子")
        .build()?;
    let term = Term::new(Some(date(2023, 9, 13)?), Some(date(2024, 10, 1)?))?;
    Ok(Minister::builder(name, Country::from_code("JP")?)
        .honorific("Ms.")
        .post(Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?.with_term(term))
        .build()?)
}

/// H.E. Mr. Alberto Leo van Klaveren Stork, Minister of Foreign Affairs of
/// the Republic of Chile.
pub fn van_klaveren() -> SeedResult<Minister> {
    let name = PersonName::builder()
        .given("Alberto Leo")
        .surname("van Klaveren")
        .second_surname("Stork")
        .build()?;
    let term = Term::new(Some(date(2023, 3, 10)?), None)?;
    Ok(Minister::builder(name, Country::from_code("CL")?)
        .honorific("H.E. Mr.")
        .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?.with_term(term))
        .build()?)
}

/// The five numbered items of the readout.
pub fn agenda() -> SeedResult<Vec<AgendaItem>> {
    let both = [KAMIKAWA, VAN_KLAVEREN];
    Ok(vec![
        AgendaItem::builder().number(1)
            .title("Opening remarks")
            .topic(topic(TopicCategory::BilateralRelations, "Japan-Chile relations", &[], &["strategic partnership"])?)
            .statement(
                KAMIKAWA,
                Verb::Stated,
                "that she was pleased to hold her first meeting with Minister van Klaveren, and that Japan and Chile, \
                 strategic partners sharing fundamental values and principles, would like to further strengthen \
                 their relations, which will mark the 130th anniversary of diplomatic relations in 2027",
            )
            .statement(
                VAN_KLAVEREN,
                Verb::Congratulated,
                "Minister Kamikawa on her assumption of office",
            )
            .statement(
                VAN_KLAVEREN,
                Verb::Stated,
                "that Japan is an important partner for Chile in the Asia-Pacific, and that he would like to further \
                 develop the bilateral relationship",
            )
            .build()?,
        AgendaItem::builder().number(2)
            .title("Economic relations")
            .topic(topic(TopicCategory::CriticalMinerals, "Critical minerals", &["copper", "lithium"], &[])?)
            .topic(topic(TopicCategory::Energy, "Clean energy", &["hydrogen", "ammonia"], &[])?)
            .topic(topic(TopicCategory::Trade, "CPTPP", &["high standards"], &["Comprehensive and Progressive Agreement for Trans-Pacific Partnership"])?)
            .topic(topic(TopicCategory::NuclearSafety, "ALPS treated water", &["discharge into the sea"], &["treated water"])?)
            .statement(
                KAMIKAWA,
                Verb::ExpressedDesire,
                "to strengthen cooperation in the economic field, including critical minerals such as copper and \
                 lithium, and clean energy such as hydrogen and ammonia",
            )
            .statement(
                KAMIKAWA,
                Verb::AskedForUnderstanding,
                "regarding the discharge of ALPS treated water into the sea, explaining Japan's efforts based on \
                 scientific evidence and with transparency",
            )
            .statement(
                VAN_KLAVEREN,
                Verb::ExpressedUnderstanding,
                "of Japan's explanation on the discharge of ALPS treated water",
            )
            .outcome(
                Verb::Concurred,
                both,
                "to further strengthen economic cooperation, including in critical minerals and clean energy",
            )
            .outcome(
                Verb::Confirmed,
                both,
                "that they would continue to cooperate to maintain the high standards of the CPTPP",
            )
            .build()?,
        AgendaItem::builder().number(3)
            .title("The situation in Israel and Palestine")
            .topic(topic(TopicCategory::RegionalAffairs, "Israeli-Palestinian situation", &["Gaza"], &["Middle East"])?)
            .topic(topic(TopicCategory::Humanitarian, "Humanitarian situation in Gaza", &["humanitarian pauses"], &[])?)
            .statement(
                KAMIKAWA,
                Verb::Explained,
                "Japan's position and efforts on the situation in Israel and Palestine, including humanitarian \
                 assistance to the Gaza Strip",
            )
            .outcome(
                Verb::ExchangedViews,
                both,
                "on the situation in Israel and Palestine",
            )
            .outcome(
                Verb::SharedView,
                both,
                "on the importance of improving the humanitarian situation in Gaza",
            )
            .build()?,
        AgendaItem::builder().number(4)
            .title("Russia's aggression against Ukraine")
            .topic(topic(TopicCategory::ArmedConflict, "Russia's aggression against Ukraine", &["Ukraine", "Russia"], &[])?)
            .topic(topic(TopicCategory::Multilateral, "Rule of law in the international community", &[], &["free and open international order based on the rule of law"])?)
            .statement(
                KAMIKAWA,
                Verb::Stated,
                "that Russia's aggression against Ukraine is a clear violation of international law",
            )
            .outcome(
                Verb::SharedRecognition,
                both,
                "that a unilateral change of the status quo by force is unacceptable anywhere in the world",
            )
            .outcome(
                Verb::Confirmed,
                both,
                "that they would continue to work closely together to maintain and strengthen the free and open \
                 international order based on the rule of law",
            )
            .build()?,
        AgendaItem::builder().number(5)
            .title("Defence cooperation and people-to-people ties")
            .topic(topic(TopicCategory::Defence, "Defence cooperation", &["JMSDF training squadron", "port call", "defence attachés"], &[])?)
            .topic(topic(TopicCategory::Trade, "Chilean products in Japan", &["wine", "salmon"], &["Chilean wine and salmon"])?)
            .statement(
                KAMIKAWA,
                Verb::Expressed,
                "gratitude for Chile's cooperation in the port call of the Japan Maritime Self-Defense Force \
                 training squadron at Valparaíso",
            )
            .statement(
                KAMIKAWA,
                Verb::Welcomed,
                "the progress in defence exchanges, including through the defence attachés of both countries",
            )
            .statement(
                VAN_KLAVEREN,
                Verb::Stated,
                "that Chilean wine and salmon are popular in Japan and that he hoped to expand trade further",
            )
            .outcome(
                Verb::Concurred,
                both,
                "to further promote security and defence cooperation and people-to-people exchanges",
            )
            .build()?,
    ])
}

/// The whole meeting.
pub fn meeting() -> SeedResult<Meeting> {
    let start: NaiveDateTime = diplomeet::time::parse_civil("2023-11-13T16:00:00")?;
    let thirty = TimeDelta::try_minutes(30).ok_or("30 minutes out of range")?;
    let mut b = Meeting::builder("Japan-Chile Foreign Ministers' Meeting")
        .venue(Venue::new(
            "San Francisco",
            Country::from_code("US")?,
            chrono_tz::America::Los_Angeles,
        )?)
        .occasion("APEC Ministerial Meeting")
        .starts_at(start)
        .duration(thirty)
        .approximate(true)
        .participant(kamikawa()?)
        .participant(van_klaveren()?)
        .status(MeetingStatus::Held)
        .source(Source::new(
            "https://www.mofa.go.jp/la_c/sa/cl/",
            Some("Ministry of Foreign Affairs of Japan"),
        )?);
    for item in agenda()? {
        b = b.agenda_item(item);
    }
    Ok(b.build()?)
}
