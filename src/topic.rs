//! [`Topic`]: what an agenda item is about, from a closed vocabulary.

use std::fmt;

use crate::error::{Collector, Detail, Error, echo};
use crate::limits::{Limits, TextClass};
use crate::named::named_enum;
use crate::text_list::{TextList, TextListBuf};

named_enum! {
    /// The category of a [`Topic`]: a closed vocabulary, so that programs
    /// can count and filter, which may grow in minor releases.
    ///
    /// ```
    /// use diplomeet::TopicCategory;
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let category: TopicCategory = "critical_minerals".parse()?;
    /// assert_eq!(category, TopicCategory::CriticalMinerals);
    /// assert_eq!(category.to_string(), "critical_minerals");
    /// # Ok(())
    /// # }
    /// ```
    pub enum TopicCategory ("topic category", "diplomeet::TopicCategory") {
        /// The relationship as a whole: anniversaries, visits, opening words.
        BilateralRelations = "bilateral_relations",
        /// Economic relations and investment.
        Economy = "economy",
        /// Trade agreements (CPTPP, FTAs), market access, exports such as wine and salmon.
        Trade = "trade",
        /// Energy, including clean energy such as hydrogen and ammonia.
        Energy = "energy",
        /// Critical minerals and resources (copper, lithium).
        CriticalMinerals = "critical_minerals",
        /// Environment, including the sea and discharges into it.
        Environment = "environment",
        /// Climate change.
        Climate = "climate",
        /// Nuclear safety (ALPS treated water, say).
        NuclearSafety = "nuclear_safety",
        /// Security in general, including non-proliferation.
        Security = "security",
        /// Defence cooperation: port calls, defence attachés, exercises.
        Defence = "defence",
        /// Wars and aggression (Russia's aggression against Ukraine).
        ArmedConflict = "armed_conflict",
        /// Regional situations (the Middle East, the Indo-Pacific).
        RegionalAffairs = "regional_affairs",
        /// Humanitarian situations and aid.
        Humanitarian = "humanitarian",
        /// Human rights.
        HumanRights = "human_rights",
        /// Health and pandemics.
        Health = "health",
        /// Science, technology and digital affairs.
        ScienceAndTechnology = "science_and_technology",
        /// Culture, education, tourism and exchanges between peoples.
        PeopleToPeople = "people_to_people",
        /// Migration and refugees.
        Migration = "migration",
        /// The UN and other multilateral bodies, the international order.
        Multilateral = "multilateral",
        /// Consular matters, nationals abroad.
        Consular = "consular",
        /// Anything else.
        Other = "other",
    }
}

/// A topic an agenda item touches: a category, a label, keywords and aliases.
///
/// Aliases are other names for the same thing as sources write them ("ALPS
/// treated water", "treated water"); keywords are narrower terms that fall
/// under it ("copper", "lithium").
///
/// ```
/// use diplomeet::{Topic, TopicCategory};
///
/// # fn main() -> Result<(), diplomeet::Error> {
/// let minerals = Topic::builder(TopicCategory::CriticalMinerals, "Critical minerals")
///     .keyword("copper")
///     .keyword("lithium")
///     .build()?;
/// assert!(minerals.matches("Lithium"));
/// assert!(!minerals.matches("salmon"));
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Topic {
    category: TopicCategory,
    label: String,
    keywords: TextList,
    aliases: TextList,
}

impl Topic {
    /// Starts a builder.
    /// ```
    /// use diplomeet::{Topic, TopicCategory};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let topic = Topic::builder(TopicCategory::Trade, "CPTPP").build()?;
    /// assert_eq!(topic.to_string(), "CPTPP");
    /// # Ok(())
    /// # }
    /// ```
    pub fn builder(category: TopicCategory, label: impl Into<String>) -> TopicBuilder {
        TopicBuilder {
            category,
            label: label.into(),
            keywords: TextListBuf::default(),
            aliases: TextListBuf::default(),
            limits: Limits::default(),
        }
    }

    /// The category.
    /// ```
    /// use diplomeet::{Topic, TopicCategory};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let topic = Topic::builder(TopicCategory::NuclearSafety, "ALPS treated water").build()?;
    /// assert_eq!(topic.category(), TopicCategory::NuclearSafety);
    /// # Ok(())
    /// # }
    /// ```
    pub fn category(&self) -> TopicCategory {
        self.category
    }

    /// The label ("Critical minerals").
    /// ```
    /// use diplomeet::{Topic, TopicCategory};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let topic = Topic::builder(TopicCategory::CriticalMinerals, "Critical minerals").build()?;
    /// assert_eq!(topic.label(), "Critical minerals");
    /// # Ok(())
    /// # }
    /// ```
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The keywords ("copper", "lithium").
    /// ```
    /// use diplomeet::{Topic, TopicCategory};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let topic = Topic::builder(TopicCategory::CriticalMinerals, "Critical minerals")
    ///     .keyword("copper")
    ///     .keyword("lithium")
    ///     .build()?;
    /// assert_eq!(topic.keywords(), ["copper", "lithium"]);
    /// assert!(topic.aliases().is_empty());
    /// # Ok(())
    /// # }
    /// ```
    pub fn keywords(&self) -> &TextList {
        &self.keywords
    }

    /// Other names for the topic ("treated water").
    /// ```
    /// use diplomeet::{Topic, TopicCategory};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let topic = Topic::builder(TopicCategory::NuclearSafety, "ALPS treated water")
    ///     .alias("treated water")
    ///     .build()?;
    /// assert_eq!(topic.aliases(), ["treated water"]);
    /// assert!(topic.keywords().is_empty());
    /// # Ok(())
    /// # }
    /// ```
    pub fn aliases(&self) -> &TextList {
        &self.aliases
    }

    /// Whether `term` is the label, an alias or a keyword, ignoring case.
    /// ```
    /// use diplomeet::{Topic, TopicCategory};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let topic = Topic::builder(TopicCategory::NuclearSafety, "ALPS treated water")
    ///     .alias("treated water")
    ///     .keyword("discharge")
    ///     .build()?;
    /// assert!(topic.matches("alps treated water"));
    /// assert!(topic.matches(" Treated Water "));
    /// assert!(topic.matches("DISCHARGE"));
    /// // Whole terms only, not parts of them.
    /// assert!(!topic.matches("water"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn matches(&self, term: &str) -> bool {
        let term = term.trim().to_lowercase();
        std::iter::once(self.label.as_str())
            .chain(&self.aliases)
            .chain(&self.keywords)
            .any(|s| s.to_lowercase() == term)
    }
}

impl fmt::Display for Topic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label)
    }
}

/// Builds a [`Topic`]; see there for a full example. Each setter below has
/// its own.
///
/// ```
/// use diplomeet::{Topic, TopicCategory};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let builder = Topic::builder(TopicCategory::Trade, "Trade").keyword("wine").keyword("salmon");
/// let trade = builder.build()?;
/// assert!(trade.matches("salmon"));
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct TopicBuilder {
    category: TopicCategory,
    label: String,
    keywords: TextListBuf,
    aliases: TextListBuf,
    limits: Limits,
}

impl TopicBuilder {
    /// Adds a keyword.
    /// ```
    /// use diplomeet::{Topic, TopicCategory};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let topic = Topic::builder(TopicCategory::Trade, "Trade").keyword("wine").build()?;
    /// assert_eq!(topic.keywords(), ["wine"]);
    /// assert!(topic.matches("Wine"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn keyword(mut self, keyword: impl AsRef<str>) -> Self {
        self.keywords.push(keyword.as_ref());
        self
    }

    /// Adds an alias.
    /// ```
    /// use diplomeet::{Topic, TopicCategory};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let cptpp = "Comprehensive and Progressive Agreement for Trans-Pacific Partnership";
    /// let topic = Topic::builder(TopicCategory::Trade, cptpp)
    ///     .alias("CPTPP")
    ///     .build()?;
    /// assert_eq!(topic.aliases(), ["CPTPP"]);
    /// assert!(topic.matches("cptpp"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn alias(mut self, alias: impl AsRef<str>) -> Self {
        self.aliases.push(alias.as_ref());
        self
    }

    /// The limits to check against (default: [`Limits::default`]).
    /// ```
    /// use diplomeet::{ErrorKind, Limits, Topic, TopicCategory};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let err = Topic::builder(TopicCategory::Trade, "Trade")
    ///     .keyword("wine")
    ///     .keyword("salmon")
    ///     .limits(Limits::default().with_max_list_len(1))
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!((err.kind(), err.path()), (ErrorKind::TooMany, "keywords"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Checks and builds the topic.
    ///
    /// # Errors
    ///
    /// Every violation at once: a blank or over-long label, keyword or
    /// alias; too many keywords or aliases; the same keyword or alias twice.
    /// ```
    /// use diplomeet::{ErrorKind, Topic, TopicCategory};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let err = Topic::builder(TopicCategory::Trade, "")
    ///     .keyword("wine")
    ///     .keyword("wine")
    ///     .alias(" ")
    ///     .build()
    ///     .unwrap_err();
    /// let found: Vec<_> = err.violations().map(|v| (v.kind(), v.path())).collect();
    /// assert_eq!(
    ///     found,
    ///     [
    ///         (ErrorKind::Empty, "label"),
    ///         (ErrorKind::Duplicate, "keywords[1]"),
    ///         (ErrorKind::Empty, "aliases[0]"),
    ///     ]
    /// );
    /// # Ok(())
    /// # }
    /// ```
    pub fn build(self) -> Result<Topic, Error> {
        Topic::checked(
            self.category,
            self.label,
            self.keywords.finish(),
            self.aliases.finish(),
            &self.limits,
        )
    }
}

impl Topic {
    /// Checks and builds a topic from its parts (the builder's and the JSON
    /// reader's way).
    pub(crate) fn checked(
        category: TopicCategory,
        label: String,
        keywords: TextList,
        aliases: TextList,
        l: &Limits,
    ) -> Result<Topic, Error> {
        let mut out = Collector::for_limits(l);
        l.check_text(&mut out, "label", "topic label", TextClass::Title, &label);
        for (field, what, list) in [
            ("keywords", "keyword", &keywords),
            ("aliases", "alias", &aliases),
        ] {
            if list.is_empty() {
                continue;
            }
            let n = list.len();
            if n > l.max_list_len() {
                // Report the count alone: checking each of a hostile number of
                // entries (and pairs of them) is the cost the limit prevents.
                l.check_list(&mut out, field, field, n);
                continue;
            }
            let mut repeats = list.repeats().into_iter().peekable();
            for (i, s) in list.iter().enumerate() {
                let path = || format!("{field}[{i}]");
                l.check_text_at(&mut out, path, what, TextClass::Name, s);
                if repeats.next_if(|(r, _)| *r == i).is_some() {
                    out.push_at(
                        path,
                        Detail::Duplicate {
                            what,
                            value: echo(s),
                        },
                    );
                }
            }
        }
        out.finish()?;
        Ok(Topic {
            category,
            label,
            keywords,
            aliases,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn categories_round_trip_by_name() {
        for c in TopicCategory::ALL {
            assert_eq!(TopicCategory::parse(c.as_str()).unwrap(), *c);
        }
        let e = TopicCategory::parse("weather").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidValue);
        assert!(e.to_string().contains("\"weather\""));
    }

    #[test]
    fn aliases_match_ignoring_case() {
        let t = Topic::builder(TopicCategory::NuclearSafety, "ALPS treated water")
            .alias("treated water")
            .build()
            .unwrap();
        assert!(t.matches("Treated Water"));
        assert!(t.matches(" ALPS treated water "));
    }

    #[test]
    fn duplicates_and_blanks_are_reported_with_paths() {
        let e = Topic::builder(TopicCategory::Trade, "")
            .keyword("wine")
            .keyword("wine")
            .alias(" ")
            .build()
            .unwrap_err();
        let got: Vec<_> = e.violations().map(|v| (v.kind(), v.path())).collect();
        assert_eq!(
            got,
            vec![
                (ErrorKind::Empty, "label"),
                (ErrorKind::Duplicate, "keywords[1]"),
                (ErrorKind::Empty, "aliases[0]"),
            ]
        );
    }
}
