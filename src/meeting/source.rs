//! [`Source`]: where a record comes from.

use crate::error::{Collector, Detail, Error, echo};
use crate::limits::{Limits, TextClass};

/// Where a readout or record comes from: a URL and, optionally, its publisher.
///
/// ```
/// use diplomeet::Source;
///
/// # fn main() -> Result<(), diplomeet::Error> {
/// let s = Source::new("https://www.mofa.go.jp/", Some("Ministry of Foreign Affairs of Japan"))?;
/// assert_eq!(s.publisher(), Some("Ministry of Foreign Affairs of Japan"));
/// assert!(Source::new("not a url", None::<String>).is_err());
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Source {
    url: String,
    publisher: Option<String>,
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
        out.finish()?;
        Ok(Source { url, publisher })
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
