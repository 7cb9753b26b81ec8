//! [`Post`]: a portfolio with its official title, its status and term of
//! office; [`Portfolio`], [`PostStatus`] and [`Term`].

use std::fmt;

use chrono::{Datelike, NaiveDate};

use crate::error::{Collector, Detail, Error};
use crate::limits::{Limits, TextClass};
use crate::named::named_enum;

named_enum! {
    /// The area a post covers: what programs match on. The post's own wording
    /// ("Minister **for** Foreign Affairs", "Secretary of State") is kept beside
    /// it in [`Post::title`]; an `Other` portfolio may name itself in
    /// [`Post::portfolio_name`] ("climate").
    ///
    /// ```
    /// use diplomeet::Portfolio;
    ///
    /// assert_eq!(Portfolio::ForeignAffairs.to_string(), "foreign_affairs");
    /// assert_eq!("head_of_organisation".parse::<Portfolio>()?, Portfolio::HeadOfOrganisation);
    /// # Ok::<(), diplomeet::Error>(())
    /// ```
    pub enum Portfolio ("portfolio", "diplomeet::Portfolio") {
        /// Foreign affairs (foreign minister, secretary of state, their
        /// deputies and state ministers).
        ForeignAffairs = "foreign_affairs",
        /// Defence.
        Defence = "defence",
        /// Trade.
        Trade = "trade",
        /// Economy.
        Economy = "economy",
        /// Finance.
        Finance = "finance",
        /// Head of state (president, monarch).
        HeadOfState = "head_of_state",
        /// Head of government (prime minister, chancellor).
        HeadOfGovernment = "head_of_government",
        /// Deputy head of government (deputy prime minister, vice-premier).
        DeputyHeadOfGovernment = "deputy_head_of_government",
        /// Head of an international organisation (the UN Secretary-General,
        /// the NATO Secretary General, the IAEA Director General).
        HeadOfOrganisation = "head_of_organisation",
        /// A diplomatic mission: an ambassador, an envoy, a permanent
        /// representative.
        DiplomaticMission = "diplomatic_mission",
        /// A post in a political party.
        Party = "party",
        /// A civil servant's post (a foreign secretary, a director general
        /// of a ministry).
        Official = "official",
        /// Any other portfolio; its name, if given, is
        /// [`Post::portfolio_name`].
        Other = "other",
    }
}

named_enum! {
    /// Whether the post is held at the time of the meeting, as the readout
    /// says: readouts meet former ministers (a telephone talk with a former
    /// foreign minister) and ministers-designate, and acting or interim ones.
    ///
    /// ```
    /// use diplomeet::PostStatus;
    ///
    /// assert_eq!(PostStatus::default(), PostStatus::Current);
    /// assert_eq!(PostStatus::Designate.to_string(), "designate");
    /// ```
    #[derive(Default)]
    pub enum PostStatus ("post status", "diplomeet::PostStatus") {
        /// Held at the time (the default).
        #[default]
        Current = "current",
        /// Held before: the term, if known, has started by the meeting's date
        /// and may have ended.
        Former = "former",
        /// To be held: the term, if known, has not ended by the meeting's date
        /// and may not have begun.
        Designate = "designate",
        /// Held in an acting capacity.
        Acting = "acting",
        /// Held in the interim.
        Interim = "interim",
    }
}

/// A term of office: from a start date, to an end date, both inclusive and
/// either open.
///
/// ```
/// use chrono::NaiveDate;
/// use diplomeet::{ErrorKind, Term};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let term = Term::new(Some("2023-09-13".parse()?), None)?;
/// assert!(term.contains("2023-11-13".parse::<NaiveDate>()?));
/// assert!(!term.contains("2023-09-12".parse::<NaiveDate>()?));
/// assert_eq!(term.to_string(), "in office from 2023-09-13");
///
/// let backwards = Term::new(Some("2024-01-01".parse()?), Some("2022-03-11".parse()?));
/// assert_eq!(backwards.unwrap_err().kind(), ErrorKind::Inconsistent);
/// let far = NaiveDate::from_ymd_opt(10_000, 1, 1).ok_or("date")?;
/// let err = Term::new(None, Some(far)).unwrap_err();
/// assert_eq!((err.kind(), err.path()), (ErrorKind::OutOfRange, "end"));
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
    /// outside 0000 to 9999 (what the builder accepts, the JSON reader reads
    /// back).
    pub fn new(start: Option<NaiveDate>, end: Option<NaiveDate>) -> Result<Term, Error> {
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
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                out.push(
                    "",
                    Detail::Inconsistent(format!(
                        "term of office ends on {e}, before it starts on {s}"
                    )),
                );
            }
        }
        out.finish_value(Term { start, end })
    }

    /// The first day in office, if known.
    pub fn start(&self) -> Option<NaiveDate> {
        self.start
    }

    /// The last day in office, if the term has ended.
    pub fn end(&self) -> Option<NaiveDate> {
        self.end
    }

    /// Whether `date` falls within the term (both ends inclusive; an open
    /// end covers every date on that side).
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

/// One post a person holds: a portfolio, its official title, its status and
/// an optional term of office.
///
/// ```
/// use diplomeet::{Portfolio, Post, PostStatus, Term};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let post = Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?;
/// assert_eq!(post.title(), "Minister for Foreign Affairs");
/// assert_eq!(post.status(), PostStatus::Current);
///
/// // A former minister: the term has ended, and that is what the readout says.
/// let former = Post::new(Portfolio::ForeignAffairs, "former Minister of Foreign Affairs")?
///     .with_status(PostStatus::Former)
///     .with_term(Term::new(Some("2021-10-04".parse()?), Some("2023-09-13".parse()?))?);
/// assert!(former.held_on("2024-05-01".parse()?));
///
/// let climate = Post::new(Portfolio::Other, "Minister for Climate")?.with_portfolio_name("climate")?;
/// assert_eq!(climate.portfolio_name(), Some("climate"));
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Post {
    portfolio: Portfolio,
    portfolio_name: Option<String>,
    title: String,
    term: Option<Term>,
    status: PostStatus,
}

impl Post {
    /// A post with its official title, as the source words it.
    ///
    /// # Errors
    ///
    /// A blank or over-long title ([`Limits::default`]).
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
            portfolio_name: None,
            title,
            term: None,
            status: PostStatus::Current,
        };
        let mut out = Collector::for_limits(limits);
        post.check(limits, &mut out);
        out.finish_value(post)
    }

    pub(crate) fn check(&self, limits: &Limits, out: &mut Collector) {
        limits.check_text(out, "title", "post title", TextClass::Name, &self.title);
        if let Some(name) = &self.portfolio_name {
            limits.check_text(
                out,
                "portfolio_name",
                "portfolio name",
                TextClass::Name,
                name,
            );
            if self.portfolio != Portfolio::Other {
                out.push(
                    "portfolio_name",
                    Detail::Inconsistent(format!(
                        "a portfolio name is only for portfolio \"other\", not {:?}",
                        self.portfolio.as_str()
                    )),
                );
            }
        }
    }

    /// The same post with a term of office.
    #[must_use]
    pub fn with_term(mut self, term: Term) -> Post {
        self.term = Some(term);
        self
    }

    /// The same post with a status (former, designate, acting, interim).
    #[must_use]
    pub fn with_status(mut self, status: PostStatus) -> Post {
        self.status = status;
        self
    }

    /// The same post with the name of its `Other` portfolio ("climate").
    ///
    /// # Errors
    ///
    /// A blank or over-long name, or a portfolio other than
    /// [`Portfolio::Other`].
    pub fn with_portfolio_name(mut self, name: impl Into<String>) -> Result<Post, Error> {
        self.portfolio_name = Some(name.into());
        let mut out = Collector::new();
        self.check(&Limits::default(), &mut out);
        out.finish_value(self)
    }

    /// Sets the portfolio name without checking (the JSON reader checks it
    /// with its limits).
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn set_portfolio_name(&mut self, name: String) {
        self.portfolio_name = Some(name);
    }

    /// The portfolio.
    pub fn portfolio(&self) -> Portfolio {
        self.portfolio
    }

    /// The name of an `Other` portfolio, if given.
    pub fn portfolio_name(&self) -> Option<&str> {
        self.portfolio_name.as_deref()
    }

    /// The official title ("Minister for Foreign Affairs").
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The term of office, if known.
    pub fn term(&self) -> Option<Term> {
        self.term
    }

    /// Whether the post is current, former, designate, acting or interim.
    pub fn status(&self) -> PostStatus {
        self.status
    }

    /// Whether a meeting on `date` fits the post's term for its status: a
    /// current, acting or interim post's term contains the date; a former
    /// post's term started by then; a designate's has not ended by then. A
    /// post with no term fits every date.
    pub fn held_on(&self, date: NaiveDate) -> bool {
        let Some(t) = self.term else {
            return true;
        };
        match self.status {
            PostStatus::Former => t.start().is_none_or(|s| s <= date),
            PostStatus::Designate => t.end().is_none_or(|e| date <= e),
            PostStatus::Current | PostStatus::Acting | PostStatus::Interim => t.contains(date),
        }
    }
}
