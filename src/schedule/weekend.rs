//! [`Weekend`]: the days of the week a country does not work, from CLDR.

use std::fmt;

use chrono::Weekday;

use crate::country::Country;

/// The countries whose weekend is not Saturday and Sunday, with their weekend
/// days, from CLDR 48.2.0, `supplemental/weekData.json` (`weekendStart` and
/// `weekendEnd`, npm package `cldr-core` 48.2.0; Unicode License v3, see
/// `tools/LICENSE-CLDR`). Every other territory, the `001` (world) default,
/// has Saturday–Sunday.
///
/// CLDR gives a start and an end day; the weekend is every day from the start
/// to the end, both included. Where `weekendEnd` is absent it is the world's
/// (Sunday): so India and Uganda rest on Sunday alone. Iran's entry is
/// Friday to Friday: Friday alone. The United Arab Emirates moved to
/// Saturday–Sunday in 2022 and CLDR 48 has no entry for them.
const TABLE: &[(&str, &[Weekday])] = &[
    ("AF", &[Weekday::Thu, Weekday::Fri]),
    ("BH", &[Weekday::Fri, Weekday::Sat]),
    ("DZ", &[Weekday::Fri, Weekday::Sat]),
    ("EG", &[Weekday::Fri, Weekday::Sat]),
    ("IL", &[Weekday::Fri, Weekday::Sat]),
    ("IN", &[Weekday::Sun]),
    ("IQ", &[Weekday::Fri, Weekday::Sat]),
    ("IR", &[Weekday::Fri]),
    ("JO", &[Weekday::Fri, Weekday::Sat]),
    ("KW", &[Weekday::Fri, Weekday::Sat]),
    ("LY", &[Weekday::Fri, Weekday::Sat]),
    ("OM", &[Weekday::Fri, Weekday::Sat]),
    ("QA", &[Weekday::Fri, Weekday::Sat]),
    ("SA", &[Weekday::Fri, Weekday::Sat]),
    ("SD", &[Weekday::Fri, Weekday::Sat]),
    ("SY", &[Weekday::Fri, Weekday::Sat]),
    ("UG", &[Weekday::Sun]),
    ("YE", &[Weekday::Fri, Weekday::Sat]),
];

/// A set of days of the week: the days a country does not work.
///
/// [`Weekend::of`] gives a country's weekend from a small table taken from
/// CLDR 48.2.0 (`supplemental/weekData.json`, Unicode License v3): Friday and
/// Saturday in much of the Arab world and in Israel, Thursday and Friday in
/// Afghanistan, Friday alone in Iran, Sunday alone in India and Uganda, and
/// Saturday and Sunday everywhere else, including the EU, Kosovo and custom
/// actors. [`Weekend::default()`] is that world default, Saturday–Sunday;
/// [`Weekend::NONE`] is the empty set, for someone who works every day.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use chrono::Weekday;
/// use diplomeet::Country;
/// use diplomeet::schedule::Weekend;
///
/// let saudi = Weekend::of(&Country::from_code("SA")?);
/// assert!(saudi.contains(Weekday::Fri) && saudi.contains(Weekday::Sat));
/// assert!(!saudi.contains(Weekday::Sun));
/// assert_eq!(saudi.to_string(), "Fri, Sat");
/// assert_eq!(Weekend::of(&Country::from_code("JP")?), Weekend::SATURDAY_SUNDAY);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Weekend {
    /// Bit `n` is the day `n` days after Monday.
    days: u8,
}

const fn bit(day: Weekday) -> u8 {
    1 << day.num_days_from_monday()
}

impl Default for Weekend {
    /// Saturday and Sunday, CLDR's world default (`001`): the same as
    /// [`Weekend::SATURDAY_SUNDAY`], never the empty weekend.
    ///
    /// ```
    /// use chrono::Weekday;
    /// use diplomeet::schedule::Weekend;
    ///
    /// assert_eq!(Weekend::default(), Weekend::SATURDAY_SUNDAY);
    /// assert!(Weekend::default().contains(Weekday::Sat));
    /// ```
    fn default() -> Weekend {
        Weekend::SATURDAY_SUNDAY
    }
}

impl Weekend {
    /// Saturday and Sunday, the weekend of most countries.
    ///
    /// ```
    /// use chrono::Weekday;
    /// use diplomeet::schedule::Weekend;
    ///
    /// assert_eq!(Weekend::SATURDAY_SUNDAY, Weekend::from_days([Weekday::Sun, Weekday::Sat]));
    /// assert_eq!(Weekend::SATURDAY_SUNDAY.to_string(), "Sat, Sun");
    /// ```
    pub const SATURDAY_SUNDAY: Weekend = Weekend {
        days: bit(Weekday::Sat) | bit(Weekday::Sun),
    };

    /// No day at all: every day is a working day.
    ///
    /// ```
    /// use chrono::Weekday;
    /// use diplomeet::schedule::Weekend;
    ///
    /// assert_eq!(Weekend::NONE.len(), 0);
    /// assert!(!Weekend::NONE.contains(Weekday::Sun));
    /// assert_eq!(Weekend::NONE.to_string(), "none");
    /// ```
    pub const NONE: Weekend = Weekend { days: 0 };

    /// A weekend of the given days (repeats are harmless).
    ///
    /// ```
    /// use chrono::Weekday;
    /// use diplomeet::schedule::Weekend;
    ///
    /// let w = Weekend::from_days([Weekday::Thu, Weekday::Fri]);
    /// assert_eq!(w.len(), 2);
    /// assert!(w.contains(Weekday::Thu));
    /// ```
    pub fn from_days(days: impl IntoIterator<Item = Weekday>) -> Weekend {
        Weekend {
            days: days.into_iter().fold(0, |acc, d| acc | bit(d)),
        }
    }

    /// The weekend of a country, per CLDR 48.2.0 (see the type's docs):
    /// Saturday–Sunday for every built-in country not in the table, the EU
    /// and custom actors.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::Weekday;
    /// use diplomeet::Country;
    /// use diplomeet::schedule::Weekend;
    ///
    /// let india = Weekend::of(&Country::from_code("IN")?);
    /// assert_eq!(india, Weekend::from_days([Weekday::Sun]));
    /// let afghanistan = Weekend::of(&Country::from_code("AF")?);
    /// assert_eq!(afghanistan, Weekend::from_days([Weekday::Thu, Weekday::Fri]));
    /// # Ok(()) }
    /// ```
    pub fn of(country: &Country) -> Weekend {
        if !country.is_builtin() {
            return Weekend::SATURDAY_SUNDAY;
        }
        let code = country.alpha2();
        TABLE
            .iter()
            .find(|(c, _)| *c == code)
            .map_or(Weekend::SATURDAY_SUNDAY, |(_, days)| {
                Weekend::from_days(days.iter().copied())
            })
    }

    /// Whether `day` is part of the weekend.
    ///
    /// ```
    /// use chrono::Weekday;
    /// use diplomeet::schedule::Weekend;
    ///
    /// assert!(Weekend::SATURDAY_SUNDAY.contains(Weekday::Sun));
    /// assert!(!Weekend::SATURDAY_SUNDAY.contains(Weekday::Fri));
    /// ```
    pub fn contains(self, day: Weekday) -> bool {
        self.days & bit(day) != 0
    }

    /// The days of the weekend, from Monday to Sunday.
    ///
    /// ```
    /// use chrono::Weekday;
    /// use diplomeet::schedule::Weekend;
    ///
    /// let days: Vec<Weekday> = Weekend::SATURDAY_SUNDAY.days().collect();
    /// assert_eq!(days, [Weekday::Sat, Weekday::Sun]);
    /// ```
    pub fn days(self) -> impl Iterator<Item = Weekday> {
        WEEK.into_iter().filter(move |d| self.contains(*d))
    }

    /// The number of days in the weekend.
    ///
    /// ```
    /// use diplomeet::schedule::Weekend;
    ///
    /// assert_eq!(Weekend::SATURDAY_SUNDAY.len(), 2);
    /// ```
    pub fn len(self) -> usize {
        self.days.count_ones() as usize
    }

    /// Whether the weekend has no day.
    ///
    /// ```
    /// use diplomeet::schedule::Weekend;
    ///
    /// assert!(Weekend::NONE.is_empty());
    /// ```
    pub fn is_empty(self) -> bool {
        self.days == 0
    }
}

/// Monday to Sunday.
pub(crate) const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

impl fmt::Display for Weekend {
    /// The days, abbreviated and separated by commas (`Fri, Sat`); `none`
    /// for an empty weekend.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return f.write_str("none");
        }
        let mut first = true;
        for d in self.days() {
            if !first {
                f.write_str(", ")?;
            }
            first = false;
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_every_code_is_builtin() {
        for pair in TABLE.windows(2) {
            if let [a, b] = pair {
                assert!(a.0 < b.0, "{} before {}", a.0, b.0);
            }
        }
        for (code, _) in TABLE {
            let c = Country::from_code(code);
            assert!(c.is_ok_and(|c| c.is_builtin()), "{code}");
        }
    }
}
