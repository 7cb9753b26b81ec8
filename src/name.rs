//! A person's name kept in parts: [`PersonName`] and its builder.

use std::fmt;

use crate::error::{Collector, Detail, Error};
use crate::limits::{Limits, TextClass};
use crate::named::named_enum;

named_enum! {
    /// The order in which a name's parts are written.
    ///
    /// Japanese, Chinese, Korean and Hungarian names, among others, put the surname
    /// first ("KAMIKAWA Yoko"); most Western names put the given names first
    /// ("Alberto Leo van Klaveren Stork").
    ///
    /// ```
    /// use diplomeet::NameOrder;
    ///
    /// assert_eq!(NameOrder::default(), NameOrder::GivenFirst);
    /// assert_eq!(NameOrder::SurnameFirst.to_string(), "surname_first");
    /// ```
    #[derive(Default)]
    pub enum NameOrder ("name order", "diplomeet::NameOrder") {
        /// Given names, then surname(s).
        #[default]
        GivenFirst = "given_first",
        /// Surname(s), then given names.
        SurnameFirst = "surname_first",
    }
}

/// A person's name in parts, after CLDR's person-name fields.
///
/// A name has a surname, given names, or both; optionally a second surname
/// (Spanish naming: "van Klaveren" + "Stork"), the order it is written in,
/// whether the source capitalises the surname ("KAMIKAWA Yoko"), and the name
/// in its own script (上川陽子). Every value is valid: build one with
/// [`PersonName::builder`].
///
/// ```
/// use diplomeet::{NameOrder, PersonName};
///
/// # fn main() -> Result<(), diplomeet::Error> {
/// let kamikawa = PersonName::builder()
///     .surname("Kamikawa")
///     .given("Yoko")
///     .order(NameOrder::SurnameFirst)
///     .uppercase_surname(true)
///     .native("上川陽子")
///     .build()?;
/// assert_eq!(kamikawa.to_string(), "KAMIKAWA Yoko");
/// assert_eq!(kamikawa.order(), NameOrder::SurnameFirst);
/// // The stored surname keeps its case; only the display capitalises it.
/// assert!(kamikawa.uppercase_surname());
/// assert_eq!(kamikawa.surname(), Some("Kamikawa"));
/// // The name in its own script is kept, not displayed.
/// assert_eq!(kamikawa.native(), Some("上川陽子"));
/// assert_eq!(kamikawa.family_name(), Some("Kamikawa".to_owned()));
///
/// let van_klaveren = PersonName::builder()
///     .given("Alberto Leo")
///     .surname("van Klaveren")
///     .second_surname("Stork")
///     .build()?;
/// assert_eq!(van_klaveren.to_string(), "Alberto Leo van Klaveren Stork");
/// assert_eq!(van_klaveren.order(), NameOrder::GivenFirst); // the default
/// assert_eq!(van_klaveren.given(), Some("Alberto Leo"));
/// assert_eq!(van_klaveren.second_surname(), Some("Stork"));
/// assert_eq!(van_klaveren.family_name().as_deref(), Some("van Klaveren Stork"));
/// assert_eq!(format!("Minister {}", van_klaveren.short()), "Minister van Klaveren");
///
/// // A single name: no surname, and the given name is the short form.
/// let sukarno = PersonName::builder().given("Sukarno").build()?;
/// assert_eq!((sukarno.surname(), sukarno.second_surname()), (None, None));
/// assert_eq!(sukarno.family_name(), None);
/// assert_eq!(sukarno.short(), "Sukarno");
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PersonName {
    given: Option<String>,
    surname: Option<String>,
    second_surname: Option<String>,
    order: NameOrder,
    uppercase_surname: bool,
    native: Option<String>,
}

impl PersonName {
    /// Starts a builder.
    /// ```
    /// use diplomeet::PersonName;
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let name = PersonName::builder().given("Sukarno").build()?;
    /// assert_eq!(name.to_string(), "Sukarno");
    /// # Ok(())
    /// # }
    /// ```
    pub fn builder() -> PersonNameBuilder {
        PersonNameBuilder::default()
    }

    /// The given names ("Alberto Leo"), if any.
    pub fn given(&self) -> Option<&str> {
        self.given.as_deref()
    }

    /// The (first) surname ("van Klaveren"), if any.
    pub fn surname(&self) -> Option<&str> {
        self.surname.as_deref()
    }

    /// The second surname ("Stork"), if any.
    pub fn second_surname(&self) -> Option<&str> {
        self.second_surname.as_deref()
    }

    /// The order the name is written in.
    pub fn order(&self) -> NameOrder {
        self.order
    }

    /// Whether the surname is written in capitals, as in "KAMIKAWA Yoko".
    pub fn uppercase_surname(&self) -> bool {
        self.uppercase_surname
    }

    /// The name in its own script (上川陽子), if given.
    pub fn native(&self) -> Option<&str> {
        self.native.as_deref()
    }

    /// Both surnames joined ("van Klaveren Stork"), as schema.org's
    /// `familyName`; `None` for a name with no surname.
    pub fn family_name(&self) -> Option<String> {
        match (&self.surname, &self.second_surname) {
            (Some(s), Some(s2)) => Some(format!("{s} {s2}")),
            (Some(s), None) => Some(s.clone()),
            (None, Some(s2)) => Some(s2.clone()),
            (None, None) => None,
        }
    }

    /// The name a readout uses after first mention: "Minister Kamikawa",
    /// "Minister van Klaveren". The first surname, else the given names.
    pub fn short(&self) -> &str {
        self.surname
            .as_deref()
            .or(self.given.as_deref())
            .unwrap_or_default()
    }
}

impl fmt::Display for PersonName {
    /// The full name in its own order, surname capitalised where the source
    /// does so.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let surname = |f: &mut fmt::Formatter<'_>, s: &str| {
            if self.uppercase_surname {
                f.write_str(&s.to_uppercase())
            } else {
                f.write_str(s)
            }
        };
        let mut parts_written = 0;
        let mut sep = |f: &mut fmt::Formatter<'_>| {
            parts_written += 1;
            if parts_written > 1 {
                f.write_str(" ")
            } else {
                Ok(())
            }
        };
        let surnames = |f: &mut fmt::Formatter<'_>,
                        sep: &mut dyn FnMut(&mut fmt::Formatter<'_>) -> fmt::Result|
         -> fmt::Result {
            if let Some(s) = &self.surname {
                sep(f)?;
                surname(f, s)?;
            }
            if let Some(s) = &self.second_surname {
                sep(f)?;
                surname(f, s)?;
            }
            Ok(())
        };
        match self.order {
            NameOrder::GivenFirst => {
                if let Some(g) = &self.given {
                    sep(f)?;
                    f.write_str(g)?;
                }
                surnames(f, &mut sep)
            }
            NameOrder::SurnameFirst => {
                surnames(f, &mut sep)?;
                if let Some(g) = &self.given {
                    sep(f)?;
                    f.write_str(g)?;
                }
                Ok(())
            }
        }
    }
}

/// Builds a [`PersonName`]; see there for a full example. Each setter
/// below has its own.
///
/// ```
/// use diplomeet::PersonNameBuilder;
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// // `PersonName::builder()` is the same as the default builder.
/// let name = PersonNameBuilder::default().surname("Kamikawa").build()?;
/// assert_eq!(name.to_string(), "Kamikawa");
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct PersonNameBuilder {
    given: Option<String>,
    surname: Option<String>,
    second_surname: Option<String>,
    order: NameOrder,
    uppercase_surname: bool,
    native: Option<String>,
    limits: Limits,
}

impl PersonNameBuilder {
    /// The given names, as the source writes them ("Alberto Leo").
    /// ```
    /// use diplomeet::PersonName;
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let name = PersonName::builder().given("Alberto Leo").build()?;
    /// assert_eq!(name.given(), Some("Alberto Leo"));
    /// assert_eq!(name.to_string(), "Alberto Leo");
    /// # Ok(())
    /// # }
    /// ```
    pub fn given(mut self, given: impl Into<String>) -> Self {
        self.given = Some(given.into());
        self
    }

    /// The (first) surname ("Kamikawa", "van Klaveren").
    /// ```
    /// use diplomeet::PersonName;
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let name = PersonName::builder().given("Yoko").surname("Kamikawa").build()?;
    /// assert_eq!(name.surname(), Some("Kamikawa"));
    /// assert_eq!(name.to_string(), "Yoko Kamikawa");
    /// # Ok(())
    /// # }
    /// ```
    pub fn surname(mut self, surname: impl Into<String>) -> Self {
        self.surname = Some(surname.into());
        self
    }

    /// A second surname ("Stork"); needs a first surname.
    /// ```
    /// use diplomeet::{ErrorKind, PersonName};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let name = PersonName::builder()
    ///     .surname("van Klaveren")
    ///     .second_surname("Stork")
    ///     .build()?;
    /// assert_eq!(name.to_string(), "van Klaveren Stork");
    ///
    /// // Without a first surname, build() refuses it.
    /// let err = PersonName::builder()
    ///     .given("Alberto Leo")
    ///     .second_surname("Stork")
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::Inconsistent);
    /// assert_eq!(err.path(), "second_surname");
    /// # Ok(())
    /// # }
    /// ```
    pub fn second_surname(mut self, surname: impl Into<String>) -> Self {
        self.second_surname = Some(surname.into());
        self
    }

    /// The order the parts are written in (default: given names first).
    /// ```
    /// use diplomeet::{NameOrder, PersonName};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let name = PersonName::builder()
    ///     .given("Yoko")
    ///     .surname("Kamikawa")
    ///     .order(NameOrder::SurnameFirst)
    ///     .build()?;
    /// assert_eq!(name.to_string(), "Kamikawa Yoko");
    /// # Ok(())
    /// # }
    /// ```
    pub fn order(mut self, order: NameOrder) -> Self {
        self.order = order;
        self
    }

    /// Whether the surname is written in capitals (default: no).
    /// ```
    /// use diplomeet::PersonName;
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let name = PersonName::builder()
    ///     .given("Yoko")
    ///     .surname("Kamikawa")
    ///     .uppercase_surname(true)
    ///     .build()?;
    /// assert_eq!(name.to_string(), "Yoko KAMIKAWA");
    /// # Ok(())
    /// # }
    /// ```
    pub fn uppercase_surname(mut self, yes: bool) -> Self {
        self.uppercase_surname = yes;
        self
    }

    /// The name in its own script (上川陽子).
    /// ```
    /// use diplomeet::PersonName;
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let name = PersonName::builder().surname("Kamikawa").native("上川陽子").build()?;
    /// assert_eq!(name.native(), Some("上川陽子"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn native(mut self, native: impl Into<String>) -> Self {
        self.native = Some(native.into());
        self
    }

    /// The limits to check the parts against (default: [`Limits::default`]).
    /// ```
    /// use diplomeet::{ErrorKind, Limits, PersonName};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let strict = Limits::default().with_max_name_len(5);
    /// let err = PersonName::builder().given("Alberto Leo").limits(strict).build().unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::TooLong);
    /// assert_eq!(err.path(), "given");
    ///
    /// assert!(PersonName::builder().given("Alberto Leo").build().is_ok());
    /// # Ok(())
    /// # }
    /// ```
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Checks the parts and builds the name.
    ///
    /// # Errors
    ///
    /// Every violation at once: no surname and no given name; a blank or
    /// over-long part; a second surname without a first.
    /// ```
    /// use diplomeet::{ErrorKind, PersonName};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let err = PersonName::builder()
    ///     .given(" ")
    ///     .second_surname("Stork")
    ///     .build()
    ///     .unwrap_err();
    /// let found: Vec<_> = err.violations().map(|v| (v.kind(), v.path())).collect();
    /// assert_eq!(
    ///     found,
    ///     [
    ///         (ErrorKind::Empty, "given"),
    ///         (ErrorKind::Inconsistent, "second_surname"),
    ///     ]
    /// );
    ///
    /// // No surname and no given name: nothing to call the person.
    /// assert_eq!(PersonName::builder().build().unwrap_err().kind(), ErrorKind::Inconsistent);
    /// # Ok(())
    /// # }
    /// ```
    pub fn build(self) -> Result<PersonName, Error> {
        let l = &self.limits;
        let mut out = Collector::for_limits(l);
        for (path, what, value) in [
            ("given", "given name", &self.given),
            ("surname", "surname", &self.surname),
            ("second_surname", "second surname", &self.second_surname),
            ("native", "native-script name", &self.native),
        ] {
            if let Some(v) = value {
                l.check_text(&mut out, path, what, TextClass::Name, v);
            }
        }
        if self.given.is_none() && self.surname.is_none() {
            out.push(
                "",
                Detail::Inconsistent("a name needs a surname or a given name".into()),
            );
        }
        if self.second_surname.is_some() && self.surname.is_none() {
            out.push(
                "second_surname",
                Detail::Inconsistent("a second surname needs a first surname".into()),
            );
        }
        out.finish()?;
        Ok(PersonName {
            given: self.given,
            surname: self.surname,
            second_surname: self.second_surname,
            order: self.order,
            uppercase_surname: self.uppercase_surname,
            native: self.native,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn surname_first_with_capitals() {
        let n = PersonName::builder()
            .surname("Kamikawa")
            .given("Yoko")
            .order(NameOrder::SurnameFirst)
            .uppercase_surname(true)
            .build()
            .unwrap();
        assert_eq!(n.to_string(), "KAMIKAWA Yoko");
        assert_eq!(n.short(), "Kamikawa");
    }

    #[test]
    fn second_surname_and_mononym() {
        let n = PersonName::builder()
            .given("Alberto Leo")
            .surname("van Klaveren")
            .second_surname("Stork")
            .build()
            .unwrap();
        assert_eq!(n.to_string(), "Alberto Leo van Klaveren Stork");
        assert_eq!(n.family_name().as_deref(), Some("van Klaveren Stork"));
        let mono = PersonName::builder().given("Sukarno").build().unwrap();
        assert_eq!(mono.to_string(), "Sukarno");
        assert_eq!(mono.short(), "Sukarno");
        assert_eq!(mono.family_name(), None);
    }

    #[test]
    fn every_violation_is_reported() {
        let e = PersonName::builder()
            .given(" ")
            .second_surname("x".repeat(201))
            .build()
            .unwrap_err();
        let kinds: Vec<_> = e.violations().map(|v| (v.kind(), v.path())).collect();
        assert_eq!(
            kinds,
            vec![
                (ErrorKind::Empty, "given"),
                (ErrorKind::TooLong, "second_surname"),
                (ErrorKind::Inconsistent, "second_surname"),
            ]
        );
        let e = PersonName::builder().build().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Inconsistent);
    }
}
