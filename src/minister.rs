//! [`Minister`]: a person, their country and the posts they hold.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use chrono_tz::Tz;

use crate::country::Country;
use crate::error::{Collector, Detail, Error, echo};
use crate::limits::{Limits, TextClass};
use crate::name::PersonName;

/// The area a post covers.
///
/// The post's own wording ("Minister **for** Foreign Affairs", "Secretary of
/// State") is kept beside it in [`Post::title`]; the portfolio is what programs
/// match on.
///
/// ```
/// use diplomeet::Portfolio;
///
/// assert_eq!(Portfolio::ForeignAffairs.to_string(), "foreign affairs");
/// assert_eq!(Portfolio::Other("climate".into()).to_string(), "climate");
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Portfolio {
    /// Foreign affairs (foreign minister, secretary of state).
    ForeignAffairs,
    /// Defence.
    Defence,
    /// Trade.
    Trade,
    /// Economy.
    Economy,
    /// Finance.
    Finance,
    /// Head of state (president, monarch).
    HeadOfState,
    /// Head of government (prime minister, chancellor).
    HeadOfGovernment,
    /// Deputy head of government (deputy prime minister, vice-premier).
    DeputyHeadOfGovernment,
    /// Any other portfolio, named by a short text ("climate", "digital affairs").
    Other(String),
}

impl Portfolio {
    /// The JSON name: `foreign_affairs`, `defence`, ..., `other`.
    /// ```
    /// use diplomeet::Portfolio;
    ///
    /// assert_eq!(Portfolio::ForeignAffairs.as_str(), "foreign_affairs");
    /// assert_eq!(Portfolio::DeputyHeadOfGovernment.as_str(), "deputy_head_of_government");
    /// // The text of an `Other` portfolio travels beside it, not in the name.
    /// assert_eq!(Portfolio::Other("digital affairs".into()).as_str(), "other");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            Portfolio::ForeignAffairs => "foreign_affairs",
            Portfolio::Defence => "defence",
            Portfolio::Trade => "trade",
            Portfolio::Economy => "economy",
            Portfolio::Finance => "finance",
            Portfolio::HeadOfState => "head_of_state",
            Portfolio::HeadOfGovernment => "head_of_government",
            Portfolio::DeputyHeadOfGovernment => "deputy_head_of_government",
            Portfolio::Other(_) => "other",
        }
    }

    /// Reads a JSON name; `other` takes its text from `other`.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn parse(name: &str, other: Option<String>) -> Result<Self, Error> {
        let p = match name {
            "foreign_affairs" => Portfolio::ForeignAffairs,
            "defence" => Portfolio::Defence,
            "trade" => Portfolio::Trade,
            "economy" => Portfolio::Economy,
            "finance" => Portfolio::Finance,
            "head_of_state" => Portfolio::HeadOfState,
            "head_of_government" => Portfolio::HeadOfGovernment,
            "deputy_head_of_government" => Portfolio::DeputyHeadOfGovernment,
            "other" => {
                return match other {
                    Some(text) => Ok(Portfolio::Other(text)),
                    None => Err(Error::new(Detail::Inconsistent(
                        "portfolio \"other\" needs a portfolio_name".into(),
                    ))
                    .within("portfolio_name")),
                };
            }
            unknown => {
                return Err(Error::new(Detail::InvalidValue {
                    what: "portfolio",
                    value: echo(unknown),
                    reason: "expected one of foreign_affairs, defence, trade, economy, finance, \
                             head_of_state, head_of_government, deputy_head_of_government, other"
                        .into(),
                })
                .within("portfolio"));
            }
        };
        if other.is_some() {
            return Err(Error::new(Detail::Inconsistent(
                "portfolio_name is only for portfolio \"other\"".into(),
            ))
            .within("portfolio_name"));
        }
        Ok(p)
    }
}

impl fmt::Display for Portfolio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Portfolio::Other(text) => f.write_str(text),
            p => f.write_str(&p.as_str().replace('_', " ")),
        }
    }
}

/// A term of office: from a start date, to an end date, both inclusive and
/// either open.
///
/// ```
/// use chrono::NaiveDate;
/// use diplomeet::Term;
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let term = Term::new(Some("2023-09-13".parse()?), None)?;
/// assert!(term.contains("2023-11-13".parse::<NaiveDate>()?));
/// assert!(!term.contains("2023-09-12".parse::<NaiveDate>()?));
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Term {
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
}

impl Term {
    /// A term from `start` to `end` (inclusive; `None` for open).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Inconsistent`](crate::ErrorKind::Inconsistent) when the
    /// end is before the start,
    /// [`ErrorKind::OutOfRange`](crate::ErrorKind::OutOfRange) for a year
    /// outside 0000 to 9999.
    /// ```
    /// use diplomeet::{ErrorKind, Term};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let term = Term::new(Some("2022-03-11".parse()?), Some("2024-01-01".parse()?))?;
    /// assert_eq!(term.to_string(), "in office from 2022-03-11 to 2024-01-01");
    ///
    /// let backwards = Term::new(Some("2024-01-01".parse()?), Some("2022-03-11".parse()?));
    /// assert_eq!(backwards.unwrap_err().kind(), ErrorKind::Inconsistent);
    ///
    /// let far = chrono::NaiveDate::from_ymd_opt(10_000, 1, 1).ok_or("date")?;
    /// let err = Term::new(None, Some(far)).unwrap_err();
    /// assert_eq!((err.kind(), err.path()), (ErrorKind::OutOfRange, "end"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn new(start: Option<NaiveDate>, end: Option<NaiveDate>) -> Result<Term, Error> {
        // What the builder accepts, the JSON reader reads back: dates are
        // written with four-digit years.
        let mut out = Collector::new();
        for (what, date) in [("start", start), ("end", end)] {
            if let Some(d) = date.filter(|d| !(0..=9999).contains(&d.year())) {
                out.push(
                    what,
                    Detail::OutOfRange {
                        what: "year".to_owned(),
                        value: format!("{} (years run 0000 to 9999)", d.year()),
                    },
                );
            }
        }
        out.finish()?;
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                return Err(Error::new(Detail::Inconsistent(format!(
                    "term of office ends on {e}, before it starts on {s}"
                ))));
            }
        }
        Ok(Term { start, end })
    }

    /// The first day in office, if known.
    /// ```
    /// use chrono::NaiveDate;
    /// use diplomeet::Term;
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let term = Term::new(Some("2023-09-13".parse()?), None)?;
    /// assert_eq!(term.start(), Some(NaiveDate::from_ymd_opt(2023, 9, 13).ok_or("bad date")?));
    /// assert_eq!(Term::new(None, None)?.start(), None);
    /// # Ok(())
    /// # }
    /// ```
    pub fn start(&self) -> Option<NaiveDate> {
        self.start
    }

    /// The last day in office, if the term has ended.
    /// ```
    /// use chrono::NaiveDate;
    /// use diplomeet::Term;
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let ended = Term::new(Some("2022-03-11".parse()?), Some("2024-01-01".parse()?))?;
    /// assert_eq!(ended.end(), Some(NaiveDate::from_ymd_opt(2024, 1, 1).ok_or("bad date")?));
    ///
    /// let current = Term::new(Some("2023-09-13".parse()?), None)?;
    /// assert_eq!(current.end(), None);
    /// # Ok(())
    /// # }
    /// ```
    pub fn end(&self) -> Option<NaiveDate> {
        self.end
    }

    /// Whether `date` falls within the term.
    /// ```
    /// use chrono::NaiveDate;
    /// use diplomeet::Term;
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let term = Term::new(Some("2022-03-11".parse()?), Some("2024-01-01".parse()?))?;
    /// // Both ends are inclusive.
    /// assert!(term.contains("2022-03-11".parse::<NaiveDate>()?));
    /// assert!(term.contains("2024-01-01".parse::<NaiveDate>()?));
    /// assert!(!term.contains("2024-01-02".parse::<NaiveDate>()?));
    /// // An open term covers every date.
    /// assert!(Term::new(None, None)?.contains("1900-01-01".parse::<NaiveDate>()?));
    /// # Ok(())
    /// # }
    /// ```
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start.is_none_or(|s| s <= date) && self.end.is_none_or(|e| date <= e)
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.start, self.end) {
            (Some(s), Some(e)) => write!(f, "in office from {s} to {e}"),
            (Some(s), None) => write!(f, "in office from {s}"),
            (None, Some(e)) => write!(f, "in office until {e}"),
            (None, None) => f.write_str("in office, dates unknown"),
        }
    }
}

/// One post a minister holds: a portfolio, its official title and an
/// optional term of office.
///
/// ```
/// use diplomeet::{Portfolio, Post};
///
/// # fn main() -> Result<(), diplomeet::Error> {
/// let post = Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?;
/// assert_eq!(post.title(), "Minister for Foreign Affairs");
/// assert_eq!(post.portfolio(), &Portfolio::ForeignAffairs);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Post {
    portfolio: Portfolio,
    title: String,
    term: Option<Term>,
}

impl Post {
    /// A post with its official title, as the source words it.
    ///
    /// # Errors
    ///
    /// A blank or over-long title, or an `Other` portfolio with a blank text.
    /// ```
    /// use diplomeet::{ErrorKind, Portfolio, Post};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let post = Post::new(Portfolio::Other("climate".into()), "Minister for Climate")?;
    /// assert_eq!(post.title(), "Minister for Climate");
    ///
    /// assert_eq!(Post::new(Portfolio::Trade, " ").unwrap_err().kind(), ErrorKind::Empty);
    /// let err = Post::new(Portfolio::Other("".into()), "Minister of State").unwrap_err();
    /// assert_eq!(err.path(), "portfolio_name");
    /// # Ok(())
    /// # }
    /// ```
    pub fn new(portfolio: Portfolio, title: impl Into<String>) -> Result<Post, Error> {
        Post::checked(portfolio, title.into(), &Limits::default())
    }

    /// [`Post::new`] against the given limits.
    pub(crate) fn checked(
        portfolio: Portfolio,
        title: String,
        limits: &Limits,
    ) -> Result<Post, Error> {
        let post = Post {
            portfolio,
            title,
            term: None,
        };
        let mut out = Collector::new();
        post.check(limits, &mut out);
        out.finish()?;
        Ok(post)
    }

    pub(crate) fn check(&self, limits: &Limits, out: &mut Collector) {
        limits.check_text(out, "title", "post title", TextClass::Name, &self.title);
        if let Portfolio::Other(text) = &self.portfolio {
            limits.check_text(
                out,
                "portfolio_name",
                "portfolio name",
                TextClass::Name,
                text,
            );
        }
    }

    /// The same post with a term of office.
    /// ```
    /// use diplomeet::{Portfolio, Post, Term};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let term = Term::new(Some("2023-09-13".parse()?), None)?;
    /// let post =
    ///     Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?.with_term(term);
    /// assert_eq!(post.term(), Some(term));
    /// # Ok(())
    /// # }
    /// ```
    #[must_use]
    pub fn with_term(mut self, term: Term) -> Post {
        self.term = Some(term);
        self
    }

    /// The portfolio.
    /// ```
    /// use diplomeet::{Portfolio, Post};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let post = Post::new(Portfolio::HeadOfGovernment, "Prime Minister")?;
    /// assert_eq!(post.portfolio(), &Portfolio::HeadOfGovernment);
    /// # Ok(())
    /// # }
    /// ```
    pub fn portfolio(&self) -> &Portfolio {
        &self.portfolio
    }

    /// The official title ("Minister for Foreign Affairs").
    /// ```
    /// use diplomeet::{Portfolio, Post};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let post = Post::new(Portfolio::ForeignAffairs, "Secretary of State")?;
    /// assert_eq!(post.title(), "Secretary of State");
    /// # Ok(())
    /// # }
    /// ```
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The term of office, if known.
    /// ```
    /// use diplomeet::{Portfolio, Post, Term};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let post = Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?;
    /// assert_eq!(post.term(), None);
    ///
    /// let term = Term::new(Some("2023-09-13".parse()?), None)?;
    /// assert_eq!(post.with_term(term).term(), Some(term));
    /// # Ok(())
    /// # }
    /// ```
    pub fn term(&self) -> Option<Term> {
        self.term
    }
}

/// A minister (or head of state or government): a person, their country and
/// the posts they hold.
///
/// The post is separate from the person, as in Popolo's `Post` and Wikidata's
/// P39: a Deputy Prime Minister who is also Minister of Foreign Affairs holds
/// two. The home zone defaults to the country's capital zone.
///
/// ```
/// use diplomeet::{Country, Minister, NameOrder, PersonName, Portfolio, Post};
///
/// # fn main() -> Result<(), diplomeet::Error> {
/// let name = PersonName::builder()
///     .surname("Kamikawa")
///     .given("Yoko")
///     .order(NameOrder::SurnameFirst)
///     .uppercase_surname(true)
///     .build()?;
/// let kamikawa = Minister::builder(name, Country::from_code("JP")?)
///     .honorific("Ms.")
///     .post(Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?)
///     .build()?;
/// assert_eq!(kamikawa.id(), "jp-kamikawa-yoko");
/// assert_eq!(kamikawa.home_zone(), chrono_tz::Asia::Tokyo);
/// assert_eq!(kamikawa.title(), "Minister for Foreign Affairs");
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Minister {
    id: String,
    name: PersonName,
    honorific: Option<String>,
    country: Country,
    posts: Vec<Post>,
    home_zone: Tz,
}

impl Minister {
    /// Starts a builder for a person of a country.
    /// ```
    /// use diplomeet::{Country, Minister, PersonName, Portfolio, Post};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let name = PersonName::builder().given("Alberto Leo").surname("van Klaveren").build()?;
    /// let minister = Minister::builder(name, Country::from_code("CL")?)
    ///     .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?)
    ///     .build()?;
    /// assert_eq!(minister.country().alpha2(), "CL");
    /// # Ok(())
    /// # }
    /// ```
    pub fn builder(name: PersonName, country: Country) -> MinisterBuilder {
        MinisterBuilder {
            id: None,
            name,
            honorific: None,
            country,
            posts: Vec::new(),
            home_zone: None,
            limits: Limits::default(),
            posts_unread: false,
        }
    }

    /// The stable id that statements and outcomes refer to: given, or derived
    /// from the country and the name (`jp-kamikawa-yoko`).
    /// ```
    /// use diplomeet::{Country, Minister, NameOrder, PersonName, Portfolio, Post};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let name = PersonName::builder()
    ///     .surname("Kamikawa")
    ///     .given("Yoko")
    ///     .order(NameOrder::SurnameFirst)
    ///     .build()?;
    /// let kamikawa = Minister::builder(name, Country::from_code("JP")?)
    ///     .post(Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?)
    ///     .build()?;
    ///
    /// assert_eq!(kamikawa.id(), "jp-kamikawa-yoko");
    /// # Ok(())
    /// # }
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The person's name.
    /// ```
    /// use diplomeet::{Country, Minister, NameOrder, PersonName, Portfolio, Post};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let name = PersonName::builder()
    ///     .surname("Kamikawa")
    ///     .given("Yoko")
    ///     .order(NameOrder::SurnameFirst)
    ///     .build()?;
    /// let kamikawa = Minister::builder(name, Country::from_code("JP")?)
    ///     .post(Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?)
    ///     .build()?;
    ///
    /// assert_eq!(kamikawa.name().short(), "Kamikawa");
    /// # Ok(())
    /// # }
    /// ```
    pub fn name(&self) -> &PersonName {
        &self.name
    }

    /// The honorific as the source writes it ("H.E. Mr.", "Ms."), if any.
    /// ```
    /// use diplomeet::{Country, Minister, NameOrder, PersonName, Portfolio, Post};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let name = PersonName::builder()
    ///     .surname("Kamikawa")
    ///     .given("Yoko")
    ///     .order(NameOrder::SurnameFirst)
    ///     .build()?;
    /// let kamikawa = Minister::builder(name, Country::from_code("JP")?)
    ///     .honorific("Ms.")
    ///     .post(Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?)
    ///     .build()?;
    /// assert_eq!(kamikawa.honorific(), Some("Ms."));
    /// assert!(kamikawa.to_string().starts_with("Ms. Kamikawa Yoko"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn honorific(&self) -> Option<&str> {
        self.honorific.as_deref()
    }

    /// The country the minister serves.
    /// ```
    /// use diplomeet::{Country, Minister, NameOrder, PersonName, Portfolio, Post};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let name = PersonName::builder()
    ///     .surname("Kamikawa")
    ///     .given("Yoko")
    ///     .order(NameOrder::SurnameFirst)
    ///     .build()?;
    /// let kamikawa = Minister::builder(name, Country::from_code("JP")?)
    ///     .post(Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?)
    ///     .build()?;
    ///
    /// assert_eq!(kamikawa.country(), &Country::from_code("JPN")?);
    /// assert_eq!(kamikawa.country().name(), "Japan");
    /// # Ok(())
    /// # }
    /// ```
    pub fn country(&self) -> &Country {
        &self.country
    }

    /// Every post held, the principal one first.
    /// ```
    /// use diplomeet::{Country, Minister, PersonName, Portfolio, Post};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let name = PersonName::builder()
    ///     .given("Alberto Leo")
    ///     .surname("van Klaveren")
    ///     .second_surname("Stork")
    ///     .build()?;
    /// let minister = Minister::builder(name, Country::from_code("CL")?)
    ///     .post(Post::new(Portfolio::DeputyHeadOfGovernment, "Deputy Prime Minister")?)
    ///     .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?)
    ///     .build()?;
    /// let portfolios: Vec<_> = minister.posts().iter().map(Post::portfolio).collect();
    /// assert_eq!(
    ///     portfolios,
    ///     [&Portfolio::DeputyHeadOfGovernment, &Portfolio::ForeignAffairs]
    /// );
    /// # Ok(())
    /// # }
    /// ```
    pub fn posts(&self) -> &[Post] {
        &self.posts
    }

    /// The principal post's title ("Minister for Foreign Affairs").
    /// ```
    /// use diplomeet::{Country, Minister, NameOrder, PersonName, Portfolio, Post};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let name = PersonName::builder()
    ///     .surname("Kamikawa")
    ///     .given("Yoko")
    ///     .order(NameOrder::SurnameFirst)
    ///     .build()?;
    /// let kamikawa = Minister::builder(name, Country::from_code("JP")?)
    ///     .post(Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?)
    ///     .build()?;
    ///
    /// assert_eq!(kamikawa.title(), "Minister for Foreign Affairs");
    /// assert_eq!(
    ///     kamikawa.to_string(),
    ///     "Kamikawa Yoko, Minister for Foreign Affairs of Japan"
    /// );
    /// # Ok(())
    /// # }
    /// ```
    pub fn title(&self) -> &str {
        self.posts.first().map_or("", |p| p.title.as_str())
    }

    /// The zone the minister's clock runs on at home.
    /// ```
    /// use diplomeet::{Country, Minister, NameOrder, PersonName, Portfolio, Post};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let name = PersonName::builder()
    ///     .surname("Kamikawa")
    ///     .given("Yoko")
    ///     .order(NameOrder::SurnameFirst)
    ///     .build()?;
    /// let kamikawa = Minister::builder(name, Country::from_code("JP")?)
    ///     .post(Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?)
    ///     .build()?;
    ///
    /// // Not set on the builder: the capital's zone.
    /// assert_eq!(kamikawa.home_zone(), chrono_tz::Asia::Tokyo);
    /// # Ok(())
    /// # }
    /// ```
    pub fn home_zone(&self) -> Tz {
        self.home_zone
    }

    /// The posts whose term of office does not cover `date`.
    /// ```
    /// use diplomeet::{Country, Minister, NameOrder, PersonName, Portfolio, Post, Term};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let name = PersonName::builder()
    ///     .surname("Kamikawa")
    ///     .given("Yoko")
    ///     .order(NameOrder::SurnameFirst)
    ///     .build()?;
    /// let term = Term::new(Some("2023-09-13".parse()?), Some("2024-10-01".parse()?))?;
    /// let post = Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?;
    /// let kamikawa = Minister::builder(name, Country::from_code("JP")?)
    ///     .post(post.with_term(term))
    ///     .build()?;
    /// let not_held = |date: &str| -> Result<Vec<usize>, chrono::ParseError> {
    ///     Ok(kamikawa.posts_not_held_on(date.parse()?).map(|(i, _)| i).collect())
    /// };
    /// assert_eq!(not_held("2023-11-13")?, Vec::<usize>::new());
    /// assert_eq!(not_held("2025-01-01")?, [0]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn posts_not_held_on(&self, date: NaiveDate) -> impl Iterator<Item = (usize, &Post)> {
        self.posts
            .iter()
            .enumerate()
            .filter(move |(_, p)| p.term.is_some_and(|t| !t.contains(date)))
    }
}

impl fmt::Display for Minister {
    /// "Ms. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan", "H.E. Mr.
    /// Alberto Leo van Klaveren Stork, Minister of Foreign Affairs of the
    /// Republic of Chile".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(h) = &self.honorific {
            write!(f, "{h} ")?;
        }
        write!(f, "{}", self.name)?;
        if !self.title().is_empty() {
            write!(
                f,
                ", {} of {}",
                self.title(),
                self.country.formal_name_in_sentence()
            )?;
        }
        Ok(())
    }
}

/// Builds a [`Minister`]; see there for a full example. Each setter below
/// has its own.
///
/// ```
/// use diplomeet::{Country, Minister, PersonName, Portfolio, Post};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let name = PersonName::builder().given("Antony").surname("Blinken").build()?;
/// let builder = Minister::builder(name, Country::from_code("US")?)
///     .honorific("Mr.")
///     .post(Post::new(Portfolio::ForeignAffairs, "Secretary of State")?);
/// let blinken = builder.build()?;
/// assert_eq!(
///     blinken.to_string(),
///     "Mr. Antony Blinken, Secretary of State of the United States of America"
/// );
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct MinisterBuilder {
    id: Option<String>,
    name: PersonName,
    honorific: Option<String>,
    country: Country,
    posts: Vec<Post>,
    home_zone: Option<Tz>,
    limits: Limits,
    /// Set by the JSON reader when posts failed to read (and were reported):
    /// no post left is then not a violation of its own.
    posts_unread: bool,
}

impl MinisterBuilder {
    /// Sets the stable id (default: derived from the country and the name).
    /// Ids are 1 to `max_name_len` characters with no white space or control
    /// characters.
    /// ```
    /// use diplomeet::{Country, ErrorKind, Minister, NameOrder, PersonName, Portfolio, Post};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let name = PersonName::builder()
    ///     .surname("Kamikawa")
    ///     .given("Yoko")
    ///     .order(NameOrder::SurnameFirst)
    ///     .build()?;
    /// let kamikawa = Minister::builder(name.clone(), Country::from_code("JP")?)
    ///     .id("kamikawa")
    ///     .post(Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?)
    ///     .build()?;
    /// assert_eq!(kamikawa.id(), "kamikawa");
    ///
    /// let err = Minister::builder(name, Country::from_code("JP")?)
    ///     .id("Kamikawa Yoko")
    ///     .post(Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?)
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!((err.kind(), err.path()), (ErrorKind::InvalidValue, "id"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// Sets the honorific ("H.E. Mr.", "Ms.").
    /// ```
    /// use diplomeet::{Country, Minister, PersonName, Portfolio, Post};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let name = PersonName::builder()
    ///     .given("Alberto Leo")
    ///     .surname("van Klaveren")
    ///     .second_surname("Stork")
    ///     .build()?;
    /// let minister = Minister::builder(name, Country::from_code("CL")?)
    ///     .honorific("H.E. Mr.")
    ///     .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?)
    ///     .build()?;
    /// assert_eq!(
    ///     minister.to_string(),
    ///     "H.E. Mr. Alberto Leo van Klaveren Stork, \
    ///      Minister of Foreign Affairs of the Republic of Chile"
    /// );
    /// # Ok(())
    /// # }
    /// ```
    pub fn honorific(mut self, honorific: impl Into<String>) -> Self {
        self.honorific = Some(honorific.into());
        self
    }

    /// Adds a post; the first one added is the principal post.
    /// ```
    /// use diplomeet::{Country, Minister, PersonName, Portfolio, Post};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let name = PersonName::builder().given("Alberto Leo").surname("van Klaveren").build()?;
    /// let minister = Minister::builder(name, Country::from_code("CL")?)
    ///     .post(Post::new(Portfolio::DeputyHeadOfGovernment, "Deputy Prime Minister")?)
    ///     .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?)
    ///     .build()?;
    /// assert_eq!(minister.posts().len(), 2);
    /// assert_eq!(minister.title(), "Deputy Prime Minister");
    /// # Ok(())
    /// # }
    /// ```
    pub fn post(mut self, post: Post) -> Self {
        self.posts.push(post);
        self
    }

    /// Sets the home zone (default: the country's capital zone).
    /// ```
    /// use chrono_tz::Tz;
    /// use diplomeet::{Country, Minister, PersonName, Portfolio, Post};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let name = PersonName::builder().given("Pedro").surname("Pakarati").build()?;
    /// let minister = Minister::builder(name, Country::from_code("CL")?)
    ///     .post(Post::new(
    ///         Portfolio::Other("Easter Island".into()),
    ///         "Delegate for Easter Island",
    ///     )?)
    ///     .home_zone(Tz::Pacific__Easter)
    ///     .build()?;
    /// assert_eq!(minister.home_zone(), Tz::Pacific__Easter);
    /// assert_ne!(minister.home_zone(), minister.country().capital_zone());
    /// # Ok(())
    /// # }
    /// ```
    pub fn home_zone(mut self, zone: Tz) -> Self {
        self.home_zone = Some(zone);
        self
    }

    /// The limits to check against (default: [`Limits::default`]).
    /// ```
    /// use diplomeet::{
    ///     Country, ErrorKind, Limits, Minister, NameOrder, PersonName, Portfolio, Post,
    /// };
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let name = PersonName::builder()
    ///     .surname("Kamikawa")
    ///     .given("Yoko")
    ///     .order(NameOrder::SurnameFirst)
    ///     .build()?;
    /// let err = Minister::builder(name, Country::from_code("JP")?)
    ///     .limits(Limits::default().with_max_list_len(1))
    ///     .post(Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?)
    ///     .post(Post::new(Portfolio::Other("women's empowerment".into()), "Minister for Women")?)
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!((err.kind(), err.path()), (ErrorKind::TooMany, "posts"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn posts_unread(mut self, unread: bool) -> Self {
        self.posts_unread = unread;
        self
    }

    /// Checks every field and builds the minister.
    ///
    /// # Errors
    ///
    /// Every violation at once: no post, too many posts, a blank or
    /// over-long honorific, post title or id, an id with white space.
    /// ```
    /// use diplomeet::{Country, ErrorKind, Minister, NameOrder, PersonName};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let name = PersonName::builder()
    ///     .surname("Kamikawa")
    ///     .given("Yoko")
    ///     .order(NameOrder::SurnameFirst)
    ///     .build()?;
    /// let err = Minister::builder(name, Country::from_code("JP")?)
    ///     .honorific("")
    ///     .build()
    ///     .unwrap_err();
    /// let found: Vec<_> = err.violations().map(|v| (v.kind(), v.path())).collect();
    /// assert_eq!(
    ///     found,
    ///     [(ErrorKind::Empty, "honorific"), (ErrorKind::TooFew, "posts")]
    /// );
    /// # Ok(())
    /// # }
    /// ```
    pub fn build(self) -> Result<Minister, Error> {
        let l = &self.limits;
        let mut out = Collector::for_limits(l);
        if let Some(h) = &self.honorific {
            l.check_text(&mut out, "honorific", "honorific", TextClass::Name, h);
        }
        if self.posts.is_empty() && !self.posts_unread {
            out.push(
                "posts",
                Detail::TooFew {
                    what: "posts",
                    found: 0,
                    needed: 1,
                },
            );
        }
        l.check_list(&mut out, "posts", "posts", self.posts.len());
        for (i, post) in self.posts.iter().enumerate() {
            let mut inner = Collector::new();
            post.check(l, &mut inner);
            if let Err(e) = inner.finish() {
                out.absorb(&format!("posts[{i}]"), e);
            }
        }
        let id = match self.id {
            Some(id) => {
                check_id(l, &mut out, || "id".to_owned(), &id);
                id
            }
            None => derive_id(&self.country, &self.name, l.max_name_len()),
        };
        if id.is_empty() && out.is_empty() {
            out.push(
                "id",
                Detail::Inconsistent(
                    "no id can be derived from this name: give one with .id()".into(),
                ),
            );
        }
        out.finish()?;
        let home_zone = self
            .home_zone
            .unwrap_or_else(|| self.country.capital_zone());
        Ok(Minister {
            id,
            name: self.name,
            honorific: self.honorific,
            country: self.country,
            posts: self.posts,
            home_zone,
        })
    }
}

/// Checks a participant id: not blank, within `max_name_len`, no white space
/// or control characters.
pub(crate) fn check_id(limits: &Limits, out: &mut Collector, path: impl Fn() -> String, id: &str) {
    // The usual id (`jp-kamikawa-yoko`) is short visible ASCII: one pass
    // proves it valid. Anything else takes the full checks below.
    if !id.is_empty()
        && id.len() <= limits.max_name_len()
        && id.bytes().all(|b| b.is_ascii_graphic())
    {
        return;
    }
    limits.check_text_at(out, &path, "id", TextClass::Name, id);
    let bad = if id.is_ascii() {
        // The usual case, without decoding: ASCII white space and control
        // characters are all at or below the space, or DEL.
        id.bytes().any(|b| b <= b' ' || b == 0x7f)
    } else {
        id.chars().any(|c| c.is_whitespace() || c.is_control())
    };
    if bad {
        out.push_at(
            path,
            Detail::InvalidValue {
                what: "id",
                value: echo(id),
                reason: "ids have no white space or control characters".into(),
            },
        );
    }
}

/// `jp-kamikawa-yoko`: the country code and the name in its own order,
/// folded to lowercase ASCII (`ca-melanie-joly`), runs of anything else
/// turned into one `-`, cut to at most `max_chars` characters (so that it
/// always passes the id checks the JSON reader runs). A name with no Latin
/// letter or digit (上川陽子 alone) gets the country code and a short stable
/// hash of the name (`jp-3f2a9c41`).
fn derive_id(country: &Country, name: &PersonName, max_chars: usize) -> String {
    let full = name.to_string();
    let mut slug = crate::ascii_fold::slug(&full);
    if slug.is_empty() {
        slug = crate::ascii_fold::short_hash(&full);
    }
    let mut id = format!("{}-{slug}", country.alpha2().to_ascii_lowercase());
    // ASCII: bytes are characters.
    if id.len() > max_chars {
        id.truncate(max_chars);
        while id.ends_with('-') {
            id.pop();
        }
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ErrorKind, NameOrder};

    fn name() -> PersonName {
        PersonName::builder()
            .given("Alberto Leo")
            .surname("van Klaveren")
            .second_surname("Stork")
            .build()
            .unwrap()
    }

    #[test]
    fn two_posts_and_default_zone() {
        let m = Minister::builder(name(), Country::from_code("CL").unwrap())
            .honorific("H.E. Mr.")
            .post(Post::new(Portfolio::DeputyHeadOfGovernment, "Deputy Prime Minister").unwrap())
            .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs").unwrap())
            .build()
            .unwrap();
        assert_eq!(m.id(), "cl-alberto-leo-van-klaveren-stork");
        assert_eq!(m.posts().len(), 2);
        assert_eq!(m.home_zone(), chrono_tz::America::Santiago);
        assert_eq!(
            m.to_string(),
            "H.E. Mr. Alberto Leo van Klaveren Stork, Deputy Prime Minister of the Republic of Chile"
        );
    }

    #[test]
    fn derived_id_handles_unicode_and_capitals() {
        let n = PersonName::builder()
            .surname("Kamikawa")
            .given("Yoko")
            .order(NameOrder::SurnameFirst)
            .uppercase_surname(true)
            .build()
            .unwrap();
        assert_eq!(
            derive_id(&Country::from_code("JP").unwrap(), &n, 200),
            "jp-kamikawa-yoko"
        );
        // No Latin letter: the country and a stable hash, still ASCII.
        let n = PersonName::builder().given("上川 陽子").build().unwrap();
        let id = derive_id(&Country::from_code("JP").unwrap(), &n, 200);
        assert_eq!(
            id,
            format!("jp-{}", crate::ascii_fold::short_hash("上川 陽子"))
        );
        assert!(id.is_ascii() && id.len() == 11, "{id}");
        let n = PersonName::builder().given("—").build().unwrap();
        assert!(derive_id(&Country::from_code("JP").unwrap(), &n, 200).starts_with("jp-"));
        // Accents fold, as in `ca-melanie-joly`.
        let n = PersonName::builder()
            .given("Mélanie")
            .surname("Joly")
            .build()
            .unwrap();
        assert_eq!(
            derive_id(&Country::from_code("CA").unwrap(), &n, 200),
            "ca-melanie-joly"
        );
        let n = PersonName::builder()
            .given("a b")
            .surname("c")
            .build()
            .unwrap();
        assert_eq!(derive_id(&Country::from_code("JP").unwrap(), &n, 5), "jp-a");
    }

    #[test]
    fn violations_name_their_paths() {
        let e = Minister::builder(name(), Country::from_code("CL").unwrap())
            .id("has space")
            .honorific("")
            .build()
            .unwrap_err();
        let got: Vec<_> = e.violations().map(|v| (v.kind(), v.path())).collect();
        assert_eq!(
            got,
            vec![
                (ErrorKind::Empty, "honorific"),
                (ErrorKind::TooFew, "posts"),
                (ErrorKind::InvalidValue, "id"),
            ]
        );
        assert!(Post::new(Portfolio::Other(" ".into()), "Minister of X").is_err());
    }

    #[test]
    fn terms() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert!(Term::new(Some(d(2024, 1, 1)), Some(d(2023, 1, 1))).is_err());
        let t = Term::new(Some(d(2022, 3, 11)), Some(d(2024, 1, 1))).unwrap();
        assert!(t.contains(d(2024, 1, 1)));
        assert!(!t.contains(d(2024, 1, 2)));
        assert!(Term::new(None, None).unwrap().contains(d(1900, 1, 1)));
    }
}
