//! [`Verb`]: what a readout says someone did, as one canonical vocabulary.

use crate::named::named_enum;

named_enum! {
    /// What a participant (or several together) did in an [`Entry`](crate::Entry):
    /// the canonical reporting verbs of readouts.
    ///
    /// One vocabulary serves one side and both: "Minister Kamikawa
    /// *stated*", "the two ministers *stated*". The readout's own word, when
    /// it differs ("reiterated", "underscored", "highlighted"), is kept beside
    /// the canonical verb as the entry's [`wording`](crate::Entry::wording),
    /// so mapping to the vocabulary loses nothing. The text form is
    /// snake_case (`shared_view`); [`phrase`](Verb::phrase) gives the words a
    /// readout uses ("shared the view"), which `FromStr` also reads.
    ///
    /// ```
    /// use diplomeet::Verb;
    ///
    /// let verb: Verb = "shared the view".parse()?;
    /// assert_eq!(verb, Verb::SharedView);
    /// assert_eq!(verb.to_string(), "shared_view");
    /// assert_eq!(Verb::LookedForwardTo.phrase(), "looked forward to");
    /// # Ok::<(), diplomeet::Error>(())
    /// ```
    pub enum Verb ("verb", "diplomeet::Verb") with phrases {
        /// Stated, said, mentioned, noted that.
        Stated = "stated" ["stated"],
        /// Expressed something the text names.
        Expressed = "expressed" ["expressed"],
        /// Expressed the desire or intention to do something.
        ExpressedDesire = "expressed_desire" ["expressed the desire"],
        /// Expressed understanding of the other side's position.
        ExpressedUnderstanding = "expressed_understanding" ["expressed understanding"],
        /// Expressed concern.
        ExpressedConcern = "expressed_concern" ["expressed concern"],
        /// Expressed condolences or sympathy.
        ExpressedCondolences = "expressed_condolences" ["expressed condolences"],
        /// Expressed hope.
        ExpressedHope = "expressed_hope" ["expressed hope"],
        /// Expressed gratitude or appreciation ("appreciated").
        ExpressedGratitude = "expressed_gratitude" ["expressed gratitude"],
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
        /// Emphasized, stressed, underscored, reiterated, highlighted.
        Emphasized = "emphasized" ["emphasized"],
        /// Requested or asked for something.
        Requested = "requested" ["requested"],
        /// Extended an invitation.
        Invited = "invited" ["invited"],
        /// Proposed something.
        Proposed = "proposed" ["proposed"],
        /// Condemned something.
        Condemned = "condemned" ["condemned"],
        /// Raised an issue.
        Raised = "raised" ["raised"],
        /// Introduced an initiative or a policy.
        Introduced = "introduced" ["introduced"],
        /// Announced something.
        Announced = "announced" ["announced"],
        /// Committed to something.
        Committed = "committed" ["committed"],
        /// Planned or intended something.
        Planned = "planned" ["planned"],
        /// Hailed or praised something.
        Hailed = "hailed" ["hailed"],
        /// Looked forward to something.
        LookedForwardTo = "looked_forward_to" ["looked forward to"],
        /// Supported something or someone.
        Supported = "supported" ["supported"],
        /// Gained (received) the other side's support.
        GainedSupport = "gained_support" ["gained support"],
        /// Reaffirmed a commitment or a position.
        Reaffirmed = "reaffirmed" ["reaffirmed"],
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
        /// Affirmed.
        Affirmed = "affirmed" ["affirmed"],
        /// Discussed, spoke about, talked about.
        Discussed = "discussed" ["discussed"],
        /// Noted or took note of.
        Noted = "noted" ["noted"],
        /// Urged or called on someone.
        Urged = "urged" ["urged"],
        /// Briefed the other side.
        Briefed = "briefed" ["briefed"],
        /// Accepted an invitation or a proposal.
        Accepted = "accepted" ["accepted"],
        /// Reviewed progress or relations.
        Reviewed = "reviewed" ["reviewed"],
        /// Regretted something.
        Regretted = "regretted" ["regretted"],
        /// Warned of or against something.
        Warned = "warned" ["warned"],
        /// Recalled something past.
        Recalled = "recalled" ["recalled"],
        /// Reassured the other side.
        Reassured = "reassured" ["reassured"],
        /// Acknowledged something.
        Acknowledged = "acknowledged" ["acknowledged"],
    }
}

impl Verb {
    /// The canonical verb for a readout's own word, when this crate knows
    /// it: the verbs' phrases and text forms, and the usual synonyms
    /// ("reiterated" and "underscored" are [`Emphasized`](Verb::Emphasized),
    /// "appreciated" is [`ExpressedGratitude`](Verb::ExpressedGratitude),
    /// "spoke about" is [`Discussed`](Verb::Discussed)). Case does not
    /// matter. `None` for a word it does not know.
    ///
    /// ```
    /// use diplomeet::Verb;
    ///
    /// assert_eq!(Verb::for_wording("reiterated"), Some(Verb::Emphasized));
    /// assert_eq!(Verb::for_wording("Shared the view"), Some(Verb::SharedView));
    /// assert_eq!(Verb::for_wording("sang"), None);
    /// ```
    pub fn for_wording(wording: &str) -> Option<Verb> {
        let w = wording.trim().to_ascii_lowercase();
        if let Ok(v) = Verb::parse(&w) {
            return Some(v);
        }
        let v = match w.as_str() {
            "said" | "mentioned" | "told" | "remarked" | "pointed out" | "conveyed"
            | "observed" | "added" | "replied" | "responded" => Verb::Stated,
            "reiterated"
            | "underscored"
            | "underlined"
            | "stressed"
            | "highlighted"
            | "emphasised"
            | "reaffirmed the importance" => Verb::Emphasized,
            "appreciated"
            | "expressed appreciation"
            | "expressed his appreciation"
            | "expressed her appreciation"
            | "expressed gratitude"
            | "expressed thanks" => Verb::ExpressedGratitude,
            "expressed condolences" | "offered condolences" | "expressed sympathy" => {
                Verb::ExpressedCondolences
            }
            "expressed hope" | "hoped" => Verb::ExpressedHope,
            "expressed concern" | "expressed serious concern" | "expressed grave concern" => {
                Verb::ExpressedConcern
            }
            "spoke about" | "talked about" | "spoke" | "talked" | "held discussions"
            | "had discussions" | "covered" | "touched on" | "touched upon" => Verb::Discussed,
            "asked" | "sought" | "called for" | "requested" => Verb::Requested,
            "called on" | "called upon" | "pressed" | "encouraged" => Verb::Urged,
            "praised" | "commended" | "lauded" => Verb::Hailed,
            "looked forward" | "look forward to" => Verb::LookedForwardTo,
            "agreed" | "decided" => Verb::Agreed,
            "expressed support" | "backed" => Verb::Supported,
            "took note" | "took note of" => Verb::Noted,
            "explained" | "outlined" | "described" | "presented" => Verb::Explained,
            "intends" | "intended" | "will" => Verb::Planned,
            "pledged" | "vowed" | "undertook" => Verb::Committed,
            "exchanged opinions" | "exchanged views" => Verb::ExchangedViews,
            "welcomed" | "appreciated the progress" => Verb::Welcomed,
            _ => return None,
        };
        Some(v)
    }
}
