//! [`Occasion`]: what a meeting was held on the occasion of, and how.

use crate::error::{Collector, Error};
use crate::limits::{Limits, TextClass};

use super::OccasionRelation;

/// What a meeting was held on the occasion of ("the APEC Ministerial
/// Meeting", "the visit to Japan by Foreign Minister X") and how it relates
/// to it: on the sidelines (the default), during a visit by one side (whose
/// participant id is the visitor), before, after or during an event.
///
/// ```
/// use diplomeet::{Occasion, OccasionRelation};
///
/// # fn main() -> Result<(), diplomeet::Error> {
/// let visit = Occasion::new("visit to Japan", OccasionRelation::Visit)?.with_visitor("cl-van-klaveren");
/// assert_eq!(visit.relation(), OccasionRelation::Visit);
/// assert_eq!(visit.visitor(), Some("cl-van-klaveren"));
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Occasion {
    name: String,
    relation: OccasionRelation,
    visitor: Option<String>,
}

impl Occasion {
    /// An occasion and the meeting's relation to it.
    ///
    /// # Errors
    ///
    /// A blank or over-long name ([`Limits::default`]).
    pub fn new(name: impl Into<String>, relation: OccasionRelation) -> Result<Occasion, Error> {
        let o = Occasion {
            name: name.into(),
            relation,
            visitor: None,
        };
        let mut out = Collector::new();
        o.check(&Limits::default(), &mut out);
        out.finish_value(o)
    }

    /// An occasion whose fields are checked later (by the meeting's build).
    pub(crate) fn unchecked(
        name: String,
        relation: OccasionRelation,
        visitor: Option<String>,
    ) -> Occasion {
        Occasion {
            name,
            relation,
            visitor,
        }
    }

    /// The same occasion, a visit by the participant with this id.
    #[must_use]
    pub fn with_visitor(mut self, participant_id: impl Into<String>) -> Occasion {
        self.visitor = Some(participant_id.into());
        self
    }

    pub(crate) fn check(&self, l: &Limits, out: &mut Collector) {
        l.check_text(out, "name", "occasion", TextClass::Title, &self.name);
    }

    /// The name ("APEC Ministerial Meeting").
    pub fn name(&self) -> &str {
        &self.name
    }

    /// How the meeting relates to it.
    pub fn relation(&self) -> OccasionRelation {
        self.relation
    }

    /// The participant id of the visiting side, for a visit.
    pub fn visitor(&self) -> Option<&str> {
        self.visitor.as_deref()
    }
}
