//! [`Source`]: where a record comes from.

use chrono::NaiveDate;

use crate::country::Country;
use crate::error::{Collector, Detail, Error, echo};
use crate::limits::{Limits, TextClass};

/// Where a record comes from: a readout's URL and, optionally, its
/// publisher (which ministry or office), the publishing government, the
/// publication date, whom the text is attributed to (a spokesperson, an
/// official on background), and the date this source gives the meeting when
/// it differs from the record's (two ministries' readouts of one call a day
/// apart across the date line). Entries name the source that reported them
/// by its index.
///
/// ```
/// use diplomeet::{Country, Source};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let s = Source::new("https://www.mofa.go.jp/", Some("Ministry of Foreign Affairs of Japan"))?
///     .by(Country::from_code("JP")?)
///     .published("2024-01-06".parse()?);
/// assert_eq!(s.publisher(), Some("Ministry of Foreign Affairs of Japan"));
/// assert_eq!(s.publisher_country().map(|c| c.code()), Some("JP"));
/// assert!(Source::new("not a url", None::<String>).is_err());
///
/// // "The below is attributable to Spokesperson Ned Price:"
/// let s = Source::new("https://www.state.gov/", Some("U.S. Department of State"))?
///     .attributed_to("Spokesperson Ned Price")?;
/// assert_eq!(s.attribution(), Some("Spokesperson Ned Price"));
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Source {
    url: String,
    publisher: Option<String>,
    publisher_country: Option<Country>,
    published: Option<NaiveDate>,
    published_inferred: bool,
    via: Option<String>,
    original_url: Option<String>,
    attributed_to: Option<String>,
    reported_date: Option<NaiveDate>,
}

impl Source {
    /// A source. The URL must be `http://` or `https://` with a host and no
    /// white space.
    ///
    /// # Errors
    ///
    /// A malformed or over-long URL, or a blank or over-long publisher
    /// ([`Limits::default`]).
    pub fn new(
        url: impl Into<String>,
        publisher: Option<impl Into<String>>,
    ) -> Result<Source, Error> {
        Source::checked(url.into(), publisher.map(Into::into), &Limits::default())
    }

    pub(crate) fn checked(
        url: String,
        publisher: Option<String>,
        limits: &Limits,
    ) -> Result<Source, Error> {
        let mut out = Collector::new();
        limits.check_text(&mut out, "url", "url", TextClass::Url, &url);
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"));
        let host_ok = rest.is_some_and(|r| {
            r.split(['/', '?', '#'])
                .next()
                .is_some_and(|h| !h.is_empty())
        });
        if !url.trim().is_empty()
            && (!host_ok || url.chars().any(|c| c.is_whitespace() || c.is_control()))
        {
            out.push(
                "url",
                Detail::InvalidValue {
                    what: "url",
                    value: echo(&url),
                    reason: "expected an http:// or https:// URL with a host and no white space"
                        .into(),
                },
            );
        }
        if let Some(p) = &publisher {
            limits.check_text(&mut out, "publisher", "publisher", TextClass::Name, p);
        }
        out.finish_value(Source {
            url,
            publisher,
            publisher_country: None,
            published: None,
            published_inferred: false,
            via: None,
            original_url: None,
            attributed_to: None,
            reported_date: None,
        })
    }

    /// The same source, published by this government or organisation.
    #[must_use]
    pub fn by(mut self, publisher_country: Country) -> Source {
        self.publisher_country = Some(publisher_country);
        self
    }

    /// The same source, published on this date.
    #[must_use]
    pub fn published(mut self, date: NaiveDate) -> Source {
        self.published = Some(date);
        self
    }

    /// The same source, whose publication date is not printed on the page
    /// but inferred (from its address, its title, a republisher's date).
    #[must_use]
    pub fn published_inferred(mut self, inferred: bool) -> Source {
        self.published_inferred = inferred;
        self
    }

    /// The same source, read from a copy another site republished (a news
    /// wire, an embassy's site): the republisher's name. The URL is the
    /// copy's.
    ///
    /// # Errors
    ///
    /// A blank or over-long name.
    pub fn via(mut self, republisher: impl Into<String>) -> Result<Source, Error> {
        let name = republisher.into();
        let mut out = Collector::new();
        Limits::default().check_text(&mut out, "via", "republisher", TextClass::Name, &name);
        self.via = Some(name);
        out.finish_value(self)
    }

    /// The same source, naming the address of the original page a
    /// republished copy was taken from.
    ///
    /// # Errors
    ///
    /// A malformed or over-long URL, as for [`Source::new`].
    pub fn original(mut self, url: impl Into<String>) -> Result<Source, Error> {
        let url = url.into();
        Source::checked(url.clone(), None, &Limits::default())
            .map_err(|e| e.within("original_url"))?;
        self.original_url = Some(url);
        Ok(self)
    }

    /// The original page's address, when the copy read was republished and
    /// the original is known.
    pub fn original_url(&self) -> Option<&str> {
        self.original_url.as_deref()
    }

    /// The same source, whose text is attributed to someone, in the page's
    /// words without the lead-in: `"Spokesperson Ned Price"` for "The below
    /// is attributable to Spokesperson Ned Price:", `"a Senior State
    /// Department official"` for a briefing on background.
    ///
    /// # Errors
    ///
    /// A blank or over-long text, or one with control characters.
    pub fn attributed_to(mut self, words: impl Into<String>) -> Result<Source, Error> {
        let words = words.into();
        let mut out = Collector::new();
        Limits::default().check_text(
            &mut out,
            "attributed_to",
            "attribution",
            TextClass::Name,
            &words,
        );
        self.attributed_to = Some(words);
        out.finish_value(self)
    }

    /// Whom the text is attributed to, in the page's words, if it says.
    pub fn attribution(&self) -> Option<&str> {
        self.attributed_to.as_deref()
    }

    /// Whether the publication date is inferred rather than printed.
    pub fn is_published_inferred(&self) -> bool {
        self.published_inferred
    }

    /// The republisher of the copy read, if it was a copy.
    pub fn republisher(&self) -> Option<&str> {
        self.via.as_deref()
    }

    /// The same source, giving the meeting this date (kept when it differs
    /// from the record's: it is not overwritten).
    #[must_use]
    pub fn reporting_date(mut self, date: NaiveDate) -> Source {
        self.reported_date = Some(date);
        self
    }

    /// The publishing government or organisation, if known.
    pub fn publisher_country(&self) -> Option<&Country> {
        self.publisher_country.as_ref()
    }

    /// The publication date, if known.
    pub fn publication_date(&self) -> Option<NaiveDate> {
        self.published
    }

    /// The date this source gives the meeting, when recorded.
    pub fn reported_date(&self) -> Option<NaiveDate> {
        self.reported_date
    }

    /// The URL.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The publisher, if known.
    pub fn publisher(&self) -> Option<&str> {
        self.publisher.as_deref()
    }
}
