//! [`AgendaItem`]: one numbered item of a readout, with who said what and
//! what the sides agreed.

use crate::error::{Collector, Detail, Error, echo};
use crate::limits::{Limits, TextClass};
use crate::minister::check_id;
use crate::named::named_enum;
use crate::topic::Topic;

named_enum! {
    /// What one side did in a [`Statement`]: the readout's one-sided verbs.
    ///
    /// ```
    /// use diplomeet::OneSidedVerb;
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let verb = OneSidedVerb::AskedForUnderstanding;
    /// assert_eq!(verb.as_str(), "asked_for_understanding");
    /// assert_eq!(verb.to_string(), "asked_for_understanding");
    /// assert_eq!(verb.phrase(), "asked for understanding");
    /// // Both the text form and the phrase read back.
    /// assert_eq!("asked for understanding".parse::<OneSidedVerb>()?, verb);
    /// assert_eq!("asked_for_understanding".parse::<OneSidedVerb>()?, verb);
    /// # Ok(())
    /// # }
    /// ```
    pub enum OneSidedVerb ("verb", "diplomeet::OneSidedVerb") with phrases {
        /// Stated ("Minister Kamikawa stated that ...").
        Stated = "stated" ["stated"],
        /// Expressed something named in the text (gratitude, condolences, a hope).
        Expressed = "expressed" ["expressed"],
        /// Expressed the desire or intention to do something.
        ExpressedDesire = "expressed_desire" ["expressed the desire"],
        /// Expressed understanding of the other side's position.
        ExpressedUnderstanding = "expressed_understanding" ["expressed understanding"],
        /// Expressed concern.
        ExpressedConcern = "expressed_concern" ["expressed concern"],
        /// Congratulated someone.
        Congratulated = "congratulated" ["congratulated"],
        /// Asked for the other side's understanding.
        AskedForUnderstanding = "asked_for_understanding" ["asked for understanding"],
        /// Explained a position or a policy.
        Explained = "explained" ["explained"],
        /// Welcomed something.
        Welcomed = "welcomed" ["welcomed"],
        /// Thanked someone.
        Thanked = "thanked" ["thanked"],
        /// Emphasized or reiterated a point.
        Emphasized = "emphasized" ["emphasized"],
        /// Requested something.
        Requested = "requested" ["requested"],
        /// Extended an invitation.
        Invited = "invited" ["invited"],
        /// Proposed something.
        Proposed = "proposed" ["proposed"],
        /// Condemned something.
        Condemned = "condemned" ["condemned"],
    }
}

named_enum! {
    /// What the sides did together in an [`Outcome`]: the readout's mutual
    /// verbs.
    ///
    /// ```
    /// use diplomeet::MutualVerb;
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let verb = MutualVerb::SharedView;
    /// assert_eq!(verb.as_str(), "shared_view");
    /// assert_eq!(verb.to_string(), "shared_view");
    /// assert_eq!(verb.phrase(), "shared the view");
    /// assert_eq!("shared the view".parse::<MutualVerb>()?, verb);
    /// // A one-sided verb is not a mutual one.
    /// assert!("stated".parse::<MutualVerb>().is_err());
    /// # Ok(())
    /// # }
    /// ```
    pub enum MutualVerb ("verb", "diplomeet::MutualVerb") with phrases {
        /// Concurred ("The two ministers concurred to ...").
        Concurred = "concurred" ["concurred"],
        /// Confirmed.
        Confirmed = "confirmed" ["confirmed"],
        /// Shared the view.
        SharedView = "shared_view" ["shared the view"],
        /// Shared the recognition.
        SharedRecognition = "shared_recognition" ["shared the recognition"],
        /// Exchanged views.
        ExchangedViews = "exchanged_views" ["exchanged views"],
        /// Agreed.
        Agreed = "agreed" ["agreed"],
        /// Affirmed or reaffirmed.
        Affirmed = "affirmed" ["affirmed"],
        /// Welcomed together.
        Welcomed = "welcomed" ["welcomed"],
    }
}
/// One side's statement: who, with what verb, saying what.
///
/// The speaker is the id of a participant of the meeting
/// ([`Minister::id`](crate::Minister::id)); the meeting's `build()` checks it.
/// Statements are added with [`AgendaItemBuilder::statement`].
///
/// ```
/// use diplomeet::{AgendaItem, OneSidedVerb};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let item = AgendaItem::builder(2)
///     .statement("jp-kamikawa-yoko", OneSidedVerb::Stated, "that Japan will continue to ...")
///     .build()?;
/// let statement = item.statements().first().ok_or("no statement")?;
/// assert_eq!(statement.speaker(), "jp-kamikawa-yoko");
/// assert_eq!(statement.verb(), OneSidedVerb::Stated);
/// assert_eq!(statement.text(), "that Japan will continue to ...");
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Statement {
    speaker: String,
    verb: OneSidedVerb,
    text: String,
}

impl Statement {
    /// The speaker's participant id.
    /// ```
    /// use diplomeet::{AgendaItem, OneSidedVerb};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let item = AgendaItem::builder(1)
    ///     .statement("jp-kamikawa-yoko", OneSidedVerb::Thanked, "Chile for its warm welcome")
    ///     .build()?;
    /// let statement = item.statements().first().ok_or("no statement")?;
    /// assert_eq!(statement.speaker(), "jp-kamikawa-yoko");
    /// # Ok(())
    /// # }
    /// ```
    pub fn speaker(&self) -> &str {
        &self.speaker
    }

    /// The verb.
    /// ```
    /// use diplomeet::{AgendaItem, OneSidedVerb};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let item = AgendaItem::builder(1)
    ///     .statement(
    ///         "jp-kamikawa-yoko",
    ///         OneSidedVerb::ExpressedConcern,
    ///         "about the situation in the Middle East",
    ///     )
    ///     .build()?;
    /// let statement = item.statements().first().ok_or("no statement")?;
    /// assert_eq!(statement.verb(), OneSidedVerb::ExpressedConcern);
    /// assert_eq!(statement.verb().phrase(), "expressed concern");
    /// # Ok(())
    /// # }
    /// ```
    pub fn verb(&self) -> OneSidedVerb {
        self.verb
    }

    /// What was said, as the readout words it after the verb.
    /// ```
    /// use diplomeet::{AgendaItem, OneSidedVerb};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let item = AgendaItem::builder(1)
    ///     .statement(
    ///         "jp-kamikawa-yoko",
    ///         OneSidedVerb::Welcomed,
    ///         "the 126th anniversary of diplomatic relations",
    ///     )
    ///     .build()?;
    /// let statement = item.statements().first().ok_or("no statement")?;
    /// let sentence = format!("Minister Kamikawa {} {}.", statement.verb().phrase(), statement.text());
    /// assert_eq!(
    ///     sentence,
    ///     "Minister Kamikawa welcomed the 126th anniversary of diplomatic relations."
    /// );
    /// # Ok(())
    /// # }
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// What two or more sides did together: the verb, the parties and the text.
/// Outcomes are added with [`AgendaItemBuilder::outcome`].
///
/// ```
/// use diplomeet::{AgendaItem, MutualVerb};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let item = AgendaItem::builder(3)
///     .outcome(
///         MutualVerb::Concurred,
///         ["jp-kamikawa-yoko", "cl-alberto-leo-van-klaveren-stork"],
///         "to strengthen cooperation on critical minerals",
///     )
///     .build()?;
/// let outcome = item.outcomes().first().ok_or("no outcome")?;
/// assert_eq!(outcome.verb(), MutualVerb::Concurred);
/// assert_eq!(outcome.parties().len(), 2);
/// assert_eq!(outcome.text(), "to strengthen cooperation on critical minerals");
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Outcome {
    verb: MutualVerb,
    parties: Vec<String>,
    text: String,
}

impl Outcome {
    /// The verb.
    /// ```
    /// use diplomeet::{AgendaItem, MutualVerb};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let item = AgendaItem::builder(1)
    ///     .outcome(
    ///         MutualVerb::SharedView,
    ///         ["jp-kamikawa-yoko", "cl-alberto-leo-van-klaveren-stork"],
    ///         "that the rule of law matters",
    ///     )
    ///     .build()?;
    /// let outcome = item.outcomes().first().ok_or("no outcome")?;
    /// assert_eq!(outcome.verb(), MutualVerb::SharedView);
    /// # Ok(())
    /// # }
    /// ```
    pub fn verb(&self) -> MutualVerb {
        self.verb
    }

    /// The participant ids of the parties (two or more).
    /// ```
    /// use diplomeet::{AgendaItem, MutualVerb};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let item = AgendaItem::builder(1)
    ///     .outcome(
    ///         MutualVerb::Agreed,
    ///         ["jp-kamikawa-yoko", "cl-alberto-leo-van-klaveren-stork"],
    ///         "to meet again",
    ///     )
    ///     .build()?;
    /// let outcome = item.outcomes().first().ok_or("no outcome")?;
    /// assert_eq!(outcome.parties(), ["jp-kamikawa-yoko", "cl-alberto-leo-van-klaveren-stork"]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn parties(&self) -> &[String] {
        &self.parties
    }

    /// What they concurred in, confirmed or shared.
    /// ```
    /// use diplomeet::{AgendaItem, MutualVerb};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let item = AgendaItem::builder(1)
    ///     .outcome(
    ///         MutualVerb::Confirmed,
    ///         ["jp-kamikawa-yoko", "cl-alberto-leo-van-klaveren-stork"],
    ///         "that they would work closely together",
    ///     )
    ///     .build()?;
    /// let outcome = item.outcomes().first().ok_or("no outcome")?;
    /// let sentence = format!("The two ministers {} {}.", outcome.verb().phrase(), outcome.text());
    /// assert_eq!(sentence, "The two ministers confirmed that they would work closely together.");
    /// # Ok(())
    /// # }
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// One numbered item of an agenda or readout: a number, an optional title,
/// topics, statements and outcomes.
///
/// ```
/// use diplomeet::{AgendaItem, MutualVerb, OneSidedVerb, Topic, TopicCategory};
///
/// # fn main() -> Result<(), diplomeet::Error> {
/// let item = AgendaItem::builder(4)
///     .topic(Topic::builder(TopicCategory::ArmedConflict, "Russia's aggression against Ukraine").build()?)
///     .statement("jp-kamikawa-yoko", OneSidedVerb::Stated, "that Japan will continue to ...")
///     .outcome(
///         MutualVerb::Confirmed,
///         ["jp-kamikawa-yoko", "cl-alberto-leo-van-klaveren-stork"],
///         "that they would continue to work closely together",
///     )
///     .build()?;
/// assert_eq!(item.number(), 4);
/// assert_eq!(item.outcomes()[0].parties().len(), 2);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AgendaItem {
    number: u32,
    title: Option<String>,
    topics: Vec<Topic>,
    statements: Vec<Statement>,
    outcomes: Vec<Outcome>,
}

impl AgendaItem {
    /// Starts a builder for item `number` (numbers start at 1).
    /// ```
    /// use diplomeet::{AgendaItem, ErrorKind};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let item = AgendaItem::builder(1).title("Opening remarks").build()?;
    /// assert_eq!(item.number(), 1);
    ///
    /// // Numbering starts at 1.
    /// assert_eq!(AgendaItem::builder(0).build().unwrap_err().kind(), ErrorKind::InvalidValue);
    /// # Ok(())
    /// # }
    /// ```
    pub fn builder(number: u32) -> AgendaItemBuilder {
        AgendaItemBuilder {
            number,
            title: None,
            topics: Vec::new(),
            statements: Vec::new(),
            outcomes: Vec::new(),
            limits: Limits::default(),
        }
    }

    /// The item's number.
    /// ```
    /// use diplomeet::AgendaItem;
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let item = AgendaItem::builder(7).build()?;
    /// assert_eq!(item.number(), 7);
    /// # Ok(())
    /// # }
    /// ```
    pub fn number(&self) -> u32 {
        self.number
    }

    /// The title, if the source gives one.
    /// ```
    /// use diplomeet::AgendaItem;
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let item = AgendaItem::builder(1).title("Bilateral relations").build()?;
    /// assert_eq!(item.title(), Some("Bilateral relations"));
    /// assert_eq!(AgendaItem::builder(2).build()?.title(), None);
    /// # Ok(())
    /// # }
    /// ```
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The topics.
    /// ```
    /// use diplomeet::{AgendaItem, Topic, TopicCategory};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let item = AgendaItem::builder(3)
    ///     .topic(Topic::builder(TopicCategory::CriticalMinerals, "Critical minerals").build()?)
    ///     .topic(Topic::builder(TopicCategory::Energy, "Hydrogen").build()?)
    ///     .build()?;
    /// let labels: Vec<&str> = item.topics().iter().map(Topic::label).collect();
    /// assert_eq!(labels, ["Critical minerals", "Hydrogen"]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }

    /// The statements, in the readout's order.
    /// ```
    /// use diplomeet::{AgendaItem, OneSidedVerb};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let item = AgendaItem::builder(1)
    ///     .statement("jp-kamikawa-yoko", OneSidedVerb::Stated, "that ...")
    ///     .statement(
    ///         "cl-alberto-leo-van-klaveren-stork",
    ///         OneSidedVerb::Explained,
    ///         "Chile's position",
    ///     )
    ///     .build()?;
    /// let speakers: Vec<&str> = item.statements().iter().map(|s| s.speaker()).collect();
    /// assert_eq!(speakers, ["jp-kamikawa-yoko", "cl-alberto-leo-van-klaveren-stork"]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn statements(&self) -> &[Statement] {
        &self.statements
    }

    /// The outcomes, in the readout's order.
    /// ```
    /// use diplomeet::{AgendaItem, MutualVerb};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let item = AgendaItem::builder(1)
    ///     .outcome(
    ///         MutualVerb::ExchangedViews,
    ///         ["jp-kamikawa-yoko", "cl-alberto-leo-van-klaveren-stork"],
    ///         "on regional affairs",
    ///     )
    ///     .outcome(
    ///         MutualVerb::Agreed,
    ///         ["jp-kamikawa-yoko", "cl-alberto-leo-van-klaveren-stork"],
    ///         "to stay in close contact",
    ///     )
    ///     .build()?;
    /// let verbs: Vec<MutualVerb> = item.outcomes().iter().map(|o| o.verb()).collect();
    /// assert_eq!(verbs, [MutualVerb::ExchangedViews, MutualVerb::Agreed]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn outcomes(&self) -> &[Outcome] {
        &self.outcomes
    }

    /// Every participant id the item refers to, with where it sits: a
    /// statement's speaker `(i, None)` or an outcome's party `(i, Some(j))`.
    pub(crate) fn references(&self) -> impl Iterator<Item = (Reference, &str)> {
        let speakers = self
            .statements
            .iter()
            .enumerate()
            .map(|(i, s)| (Reference::Speaker(i), s.speaker.as_str()));
        let parties = self.outcomes.iter().enumerate().flat_map(|(i, o)| {
            o.parties
                .iter()
                .enumerate()
                .map(move |(j, p)| (Reference::Party(i, j), p.as_str()))
        });
        speakers.chain(parties)
    }
}

/// Where an agenda item refers to a participant.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Reference {
    /// `statements[i].speaker`
    Speaker(usize),
    /// `outcomes[i].parties[j]`
    Party(usize, usize),
}

impl Reference {
    pub(crate) fn what(self) -> &'static str {
        match self {
            Reference::Speaker(_) => "speaker",
            Reference::Party(..) => "party",
        }
    }

    pub(crate) fn path(self) -> String {
        match self {
            Reference::Speaker(i) => format!("statements[{i}].speaker"),
            Reference::Party(i, j) => format!("outcomes[{i}].parties[{j}]"),
        }
    }
}

/// Builds an [`AgendaItem`]; see there for a full example. Each setter
/// below has its own.
///
/// ```
/// use diplomeet::AgendaItem;
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// // An item with a number alone is valid: the readout may say no more.
/// let item = AgendaItem::builder(1).build()?;
/// assert!(item.topics().is_empty() && item.statements().is_empty() && item.outcomes().is_empty());
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct AgendaItemBuilder {
    number: u32,
    title: Option<String>,
    topics: Vec<Topic>,
    statements: Vec<Statement>,
    outcomes: Vec<Outcome>,
    limits: Limits,
}

impl AgendaItemBuilder {
    /// Sets the title.
    /// ```
    /// use diplomeet::{AgendaItem, ErrorKind};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let item = AgendaItem::builder(1).title("Economic relations").build()?;
    /// assert_eq!(item.title(), Some("Economic relations"));
    ///
    /// let err = AgendaItem::builder(1).title("  ").build().unwrap_err();
    /// assert_eq!((err.kind(), err.path()), (ErrorKind::Empty, "title"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Adds a topic.
    /// ```
    /// use diplomeet::{AgendaItem, Topic, TopicCategory};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let item = AgendaItem::builder(1)
    ///     .topic(Topic::builder(TopicCategory::Trade, "CPTPP").build()?)
    ///     .build()?;
    /// assert_eq!(item.topics().len(), 1);
    /// assert!(item.topics().iter().any(|t| t.matches("cptpp")));
    /// # Ok(())
    /// # }
    /// ```
    pub fn topic(mut self, topic: Topic) -> Self {
        self.topics.push(topic);
        self
    }

    /// Adds a statement by the participant with id `speaker`.
    /// ```
    /// use diplomeet::{AgendaItem, ErrorKind, OneSidedVerb};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let item = AgendaItem::builder(1)
    ///     .statement(
    ///         "cl-alberto-leo-van-klaveren-stork",
    ///         OneSidedVerb::Invited,
    ///         "Minister Kamikawa to visit Chile",
    ///     )
    ///     .build()?;
    /// let statement = item.statements().first().ok_or("no statement")?;
    /// assert_eq!(statement.speaker(), "cl-alberto-leo-van-klaveren-stork");
    /// assert_eq!(statement.verb(), OneSidedVerb::Invited);
    ///
    /// // Speaker ids have no white space.
    /// let err = AgendaItem::builder(1)
    ///     .statement("Minister Kamikawa", OneSidedVerb::Stated, "that ...")
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!((err.kind(), err.path()), (ErrorKind::InvalidValue, "statements[0].speaker"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn statement(
        mut self,
        speaker: impl Into<String>,
        verb: OneSidedVerb,
        text: impl Into<String>,
    ) -> Self {
        self.statements.push(Statement {
            speaker: speaker.into(),
            verb,
            text: text.into(),
        });
        self
    }

    /// Adds an outcome shared by the participants with ids `parties`.
    /// ```
    /// use diplomeet::{AgendaItem, ErrorKind, MutualVerb};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let item = AgendaItem::builder(1)
    ///     .outcome(
    ///         MutualVerb::Affirmed,
    ///         vec!["jp-kamikawa-yoko".to_owned(), "cl-alberto-leo-van-klaveren-stork".to_owned()],
    ///         "their partnership",
    ///     )
    ///     .build()?;
    /// assert_eq!(item.outcomes().first().map(|o| o.parties().len()), Some(2));
    ///
    /// // A mutual outcome needs two distinct parties.
    /// let err = AgendaItem::builder(1)
    ///     .outcome(MutualVerb::Agreed, ["jp-kamikawa-yoko"], "to meet again")
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!((err.kind(), err.path()), (ErrorKind::TooFew, "outcomes[0].parties"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn outcome<I, S>(mut self, verb: MutualVerb, parties: I, text: impl Into<String>) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.outcomes.push(Outcome {
            verb,
            parties: parties.into_iter().map(Into::into).collect(),
            text: text.into(),
        });
        self
    }

    /// The limits to check against (default: [`Limits::default`]).
    /// ```
    /// use diplomeet::{AgendaItem, ErrorKind, Limits, Topic, TopicCategory};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let err = AgendaItem::builder(1)
    ///     .limits(Limits::default().with_max_entries(1))
    ///     .topic(Topic::builder(TopicCategory::Trade, "Wine").build()?)
    ///     .topic(Topic::builder(TopicCategory::Trade, "Salmon").build()?)
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!((err.kind(), err.path()), (ErrorKind::TooMany, "topics"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Adds a statement in place (the JSON reader's loop, without moving the
    /// builder for each entry).
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn push_statement(&mut self, speaker: String, verb: OneSidedVerb, text: String) {
        self.statements.push(Statement {
            speaker,
            verb,
            text,
        });
    }

    /// Adds an outcome in place.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn push_outcome(&mut self, verb: MutualVerb, parties: Vec<String>, text: String) {
        self.outcomes.push(Outcome {
            verb,
            parties,
            text,
        });
    }

    /// Adds a topic in place.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn push_topic(&mut self, topic: Topic) {
        self.topics.push(topic);
    }

    /// Reserves room for entries the caller is about to add.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn reserve(mut self, topics: usize, statements: usize, outcomes: usize) -> Self {
        self.topics.reserve(topics);
        self.statements.reserve(statements);
        self.outcomes.reserve(outcomes);
        self
    }

    /// Checks and builds the item. Whether speakers and parties are
    /// participants is checked by the meeting's `build()`.
    ///
    /// # Errors
    ///
    /// Every violation at once: number 0; a blank or over-long title or
    /// text; a malformed speaker or party id; an outcome with fewer than two
    /// distinct parties or the same party twice; too many topics,
    /// statements, outcomes or parties.
    /// ```
    /// use diplomeet::{AgendaItem, ErrorKind, MutualVerb, OneSidedVerb};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let err = AgendaItem::builder(0)
    ///     .statement("a", OneSidedVerb::Stated, "")
    ///     .outcome(MutualVerb::Concurred, ["a", "a"], "to ...")
    ///     .build()
    ///     .unwrap_err();
    /// let found: Vec<_> = err.violations().map(|v| (v.kind(), v.path())).collect();
    /// assert_eq!(
    ///     found,
    ///     [
    ///         (ErrorKind::InvalidValue, "number"),
    ///         (ErrorKind::Empty, "statements[0].text"),
    ///         (ErrorKind::Duplicate, "outcomes[0].parties[1]"),
    ///         (ErrorKind::TooFew, "outcomes[0].parties"),
    ///     ]
    /// );
    /// # Ok(())
    /// # }
    /// ```
    pub fn build(self) -> Result<AgendaItem, Error> {
        let l = &self.limits;
        let mut out = Collector::for_limits(l);
        if self.number == 0 {
            out.push(
                "number",
                Detail::InvalidValue {
                    what: "agenda number",
                    value: "0".into(),
                    reason: "numbers start at 1".into(),
                },
            );
        }
        if let Some(t) = &self.title {
            l.check_text(&mut out, "title", "agenda item title", TextClass::Title, t);
        }
        let max = l.max_entries();
        let mut counts_ok = true;
        for (field, n) in [
            ("topics", self.topics.len()),
            ("statements", self.statements.len()),
            ("outcomes", self.outcomes.len()),
        ] {
            counts_ok &= n <= max;
            l.check_count(&mut out, field, field, n, max, "max_entries");
        }
        // Past a count limit, report the count alone: checking each of a
        // hostile number of entries is the cost the limit prevents.
        if counts_ok {
            self.check_entries(&mut out);
        }
        out.finish()?;
        Ok(AgendaItem {
            number: self.number,
            title: self.title,
            topics: self.topics,
            statements: self.statements,
            outcomes: self.outcomes,
        })
    }

    fn check_entries(&self, out: &mut Collector) {
        let l = &self.limits;
        for (i, s) in self.statements.iter().enumerate() {
            check_id(l, out, || format!("statements[{i}].speaker"), &s.speaker);
            l.check_text_at(
                out,
                || format!("statements[{i}].text"),
                "statement text",
                TextClass::Text,
                &s.text,
            );
        }
        for (i, o) in self.outcomes.iter().enumerate() {
            let parties = || format!("outcomes[{i}].parties");
            if o.parties.len() > l.max_list_len() {
                l.check_list(out, &parties(), "parties", o.parties.len());
            } else {
                // Parties are few (at most `max_list_len`, usually two): a
                // scan of the earlier ones is cheaper than a hash set.
                let mut distinct = 0;
                for (j, p) in o.parties.iter().enumerate() {
                    let path = || format!("outcomes[{i}].parties[{j}]");
                    check_id(l, out, path, p);
                    let earlier = o.parties.get(..j).unwrap_or_default();
                    if earlier.contains(p) {
                        out.push_at(
                            path,
                            Detail::Duplicate {
                                what: "party",
                                value: echo(p),
                            },
                        );
                    } else {
                        distinct += 1;
                    }
                }
                if distinct < 2 {
                    out.push_at(
                        parties,
                        Detail::TooFew {
                            what: "distinct parties to a mutual outcome",
                            found: distinct,
                            needed: 2,
                        },
                    );
                }
            }
            l.check_text_at(
                out,
                || format!("outcomes[{i}].text"),
                "outcome text",
                TextClass::Text,
                &o.text,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn verbs_round_trip_by_name() {
        for v in OneSidedVerb::ALL {
            assert_eq!(OneSidedVerb::parse(v.as_str()).unwrap(), *v);
        }
        for v in MutualVerb::ALL {
            assert_eq!(MutualVerb::parse(v.as_str()).unwrap(), *v);
        }
        assert_eq!(MutualVerb::SharedView.phrase(), "shared the view");
        assert_eq!(
            OneSidedVerb::AskedForUnderstanding.phrase(),
            "asked for understanding"
        );
        assert!(MutualVerb::parse("stated").is_err());
    }

    #[test]
    fn mutual_outcomes_need_two_distinct_parties() {
        let e = AgendaItem::builder(0)
            .outcome(MutualVerb::Concurred, ["a", "a"], "x")
            .outcome(MutualVerb::Concurred, ["a"], "")
            .statement("has space", OneSidedVerb::Stated, "y")
            .build()
            .unwrap_err();
        let got: Vec<_> = e.violations().map(|v| (v.kind(), v.path())).collect();
        assert_eq!(
            got,
            vec![
                (ErrorKind::InvalidValue, "number"),
                (ErrorKind::InvalidValue, "statements[0].speaker"),
                (ErrorKind::Duplicate, "outcomes[0].parties[1]"),
                (ErrorKind::TooFew, "outcomes[0].parties"),
                (ErrorKind::TooFew, "outcomes[1].parties"),
                (ErrorKind::Empty, "outcomes[1].text"),
            ]
        );
    }

    #[test]
    fn counts_are_limited() {
        let mut b = AgendaItem::builder(1).limits(Limits::default().with_max_entries(2));
        for _ in 0..3 {
            b = b.statement("a", OneSidedVerb::Stated, "x");
        }
        let e = b.build().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::TooMany);
        assert_eq!(e.path(), "statements");
    }
}
