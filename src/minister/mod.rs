//! [`Minister`]: a person (or a post whose holder the source does not name),
//! their country or organisation and the posts they hold.

mod post;

use std::fmt;

use chrono::NaiveDate;
use chrono_tz::Tz;

use crate::country::Country;
use crate::error::{Collector, Detail, Error, echo};
use crate::limits::{Limits, TextClass};
use crate::name::PersonName;

pub use post::{Portfolio, Post, PostStatus, Term};

/// A minister, head of state or government, or head of an international
/// organisation: a person, their country (or organisation) and the posts
/// they hold.
///
/// The post is separate from the person, as in Popolo's `Post` and
/// Wikidata's P39: a Deputy Prime Minister who is also Minister of Foreign
/// Affairs holds two, and readouts show both. A participant known only by
/// their post ("the Foreign Minister of Slovakia") has no name:
/// [`Minister::by_post`]. The home zone defaults to the country's capital
/// zone (an organisation's headquarters).
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
/// assert_eq!(
///     kamikawa.to_string(),
///     "Ms. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan"
/// );
///
/// let unnamed = Minister::by_post(
///     Country::from_code("SK")?,
///     Post::new(Portfolio::ForeignAffairs, "Foreign Minister")?,
/// )
/// .build()?;
/// assert!(unnamed.name().is_none());
/// assert_eq!(unnamed.id(), "sk-foreign-minister");
/// assert_eq!(unnamed.to_string(), "the Foreign Minister of the Slovak Republic");
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Minister {
    id: String,
    name: Option<PersonName>,
    honorific: Option<String>,
    country: Country,
    posts: Vec<Post>,
    home_zone: Tz,
}

impl Minister {
    /// Starts a builder for a named person of a country or organisation.
    pub fn builder(name: PersonName, country: Country) -> MinisterBuilder {
        MinisterBuilder {
            id: None,
            name: Some(name),
            honorific: None,
            country,
            posts: Vec::new(),
            home_zone: None,
            limits: Limits::default(),
            posts_unread: false,
        }
    }

    /// Starts a builder for someone the source names only by their post
    /// ("the Foreign Minister of Slovakia").
    pub fn by_post(country: Country, post: Post) -> MinisterBuilder {
        MinisterBuilder {
            id: None,
            name: None,
            honorific: None,
            country,
            posts: vec![post],
            home_zone: None,
            limits: Limits::default(),
            posts_unread: false,
        }
    }

    /// The id documents use to refer to this person: given, or derived from
    /// the country and the name (`jp-kamikawa-yoko`) or, without a name, the
    /// first post's title (`sk-foreign-minister`). Always ASCII when
    /// derived.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The name, if the source gives one.
    pub fn name(&self) -> Option<&PersonName> {
        self.name.as_ref()
    }

    /// The honorific ("H.E. Mr.", "Ms.", "Dr."), if given.
    pub fn honorific(&self) -> Option<&str> {
        self.honorific.as_deref()
    }

    /// The country or organisation.
    pub fn country(&self) -> &Country {
        &self.country
    }

    /// The posts, in the order given (a dual post shows both).
    pub fn posts(&self) -> &[Post] {
        &self.posts
    }

    /// The first post's title ("" when the posts could not be read).
    pub fn title(&self) -> &str {
        self.posts.first().map_or("", Post::title)
    }

    /// The titles of every post, joined as readouts join them: "Deputy
    /// Prime Minister and Minister of Foreign Affairs".
    pub fn titles(&self) -> String {
        let titles: Vec<&str> = self.posts.iter().map(Post::title).collect();
        match titles.split_last() {
            None => String::new(),
            Some((last, [])) => (*last).to_owned(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        }
    }

    /// The zone of the person's home clock.
    pub fn home_zone(&self) -> Tz {
        self.home_zone
    }

    /// A short name for sentences: the surname (or the given name), or the
    /// post's title for someone named only by it.
    pub fn short_name(&self) -> &str {
        match &self.name {
            Some(n) => n.short(),
            None => self.title(),
        }
    }

    /// The posts whose term does not fit a meeting on `date`, given their
    /// status (see [`Post::held_on`]), with their indices.
    pub fn posts_not_held_on(&self, date: NaiveDate) -> impl Iterator<Item = (usize, &Post)> {
        self.posts
            .iter()
            .enumerate()
            .filter(move |(_, p)| !p.held_on(date))
    }
}

impl fmt::Display for Minister {
    /// "Ms. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan" (every
    /// post, joined), or for someone named only by their post "the Foreign
    /// Minister of the Slovak Republic".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let titles = self.titles();
        // A title that names its country or organisation already ("Member
        // of the Politburo of the Communist Party of China", "Secretary-
        // General of the United Nations") is not followed by it again.
        let of = if names_country(&titles, &self.country) {
            String::new()
        } else {
            format!(" of {}", self.country.formal_name_in_sentence())
        };
        let Some(name) = &self.name else {
            return write!(f, "the {titles}{of}");
        };
        if let Some(h) = &self.honorific {
            write!(f, "{h} ")?;
        }
        write!(f, "{name}")?;
        if !self.posts.is_empty() {
            write!(f, ", {titles}{of}")?;
        }
        Ok(())
    }
}

/// Whether a title names the country or organisation already: its short
/// name or formal name, or "of China" for the People's Republic of China.
fn names_country(title: &str, country: &Country) -> bool {
    let short = country.name();
    title.contains(country.formal_name()) || (short.len() > 3 && title.contains(short))
}

/// Builds a [`Minister`]; see there for an example.
#[derive(Debug, Clone)]
#[must_use]
pub struct MinisterBuilder {
    id: Option<String>,
    name: Option<PersonName>,
    honorific: Option<String>,
    country: Country,
    posts: Vec<Post>,
    home_zone: Option<Tz>,
    limits: Limits,
    posts_unread: bool,
}

impl MinisterBuilder {
    /// Sets the id (default: derived, see [`Minister::id`]).
    pub fn id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// Sets the honorific ("H.E. Mr.", "Ms.", "the Honourable", "Dr.").
    pub fn honorific(mut self, honorific: impl Into<String>) -> Self {
        self.honorific = Some(honorific.into());
        self
    }

    /// Adds a post.
    pub fn post(mut self, post: Post) -> Self {
        self.posts.push(post);
        self
    }

    /// Sets the home zone (default: the country's capital zone).
    pub fn home_zone(mut self, zone: Tz) -> Self {
        self.home_zone = Some(zone);
        self
    }

    /// The limits to check against (default: [`Limits::default`]).
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Set by the JSON reader when some posts failed to read (and were
    /// reported): the "at least one post" rule is not reported again.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn posts_unread(mut self, unread: bool) -> Self {
        self.posts_unread = unread;
        self
    }

    /// Checks and builds the minister.
    ///
    /// # Errors
    ///
    /// Every violation at once: no post, too many posts, a post's title or
    /// portfolio name blank or too long, a blank honorific, a malformed id.
    ///
    /// ```
    /// use diplomeet::{Country, ErrorKind, Minister, PersonName};
    ///
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let name = PersonName::builder().surname("Joly").build()?;
    /// let err = Minister::builder(name, Country::from_code("CA")?).honorific(" ").build().unwrap_err();
    /// let found: Vec<_> = err.violations().map(|v| (v.kind(), v.path())).collect();
    /// assert_eq!(found, [(ErrorKind::Empty, "honorific"), (ErrorKind::TooFew, "posts")]);
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
        for (i, post) in self.posts.iter().take(l.max_list_len()).enumerate() {
            let mut inner = Collector::for_limits(l);
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
            None => derive_id(
                &self.country,
                self.name.as_ref(),
                self.posts.first(),
                l.max_name_len(),
            ),
        };
        let home_zone = self
            .home_zone
            .unwrap_or_else(|| self.country.capital_zone());
        out.finish_value(Minister {
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

/// `jp-kamikawa-yoko`: the country code and the name in its own order (or,
/// without a name, the first post's title), folded to lowercase ASCII
/// (`ca-melanie-joly`), runs of anything else turned into one `-`, cut to at
/// most `max_chars` characters (so that it always passes the id checks the
/// JSON reader runs). Text with no Latin letter or digit (上川陽子 alone)
/// gives the country code and a short stable hash (`jp-3f2a9c41`).
fn derive_id(
    country: &Country,
    name: Option<&PersonName>,
    post: Option<&Post>,
    max_chars: usize,
) -> String {
    let full = match (name, post) {
        (Some(n), _) => n.to_string(),
        (None, Some(p)) => p.title().to_owned(),
        (None, None) => String::new(),
    };
    let mut slug = crate::ascii_fold::slug(&full);
    if slug.is_empty() {
        slug = crate::ascii_fold::short_hash(&full);
    }
    let mut id = format!("{}-{slug}", country.code().to_ascii_lowercase());
    // ASCII: bytes are characters.
    if id.len() > max_chars {
        id.truncate(max_chars.max(1));
        while id.ends_with('-') && id.len() > 1 {
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
    fn derived_ids_are_ascii() {
        let jp = Country::from_code("JP").unwrap();
        let n = PersonName::builder()
            .surname("Kamikawa")
            .given("Yoko")
            .order(NameOrder::SurnameFirst)
            .uppercase_surname(true)
            .build()
            .unwrap();
        assert_eq!(derive_id(&jp, Some(&n), None, 200), "jp-kamikawa-yoko");
        // No Latin letter: the country and a stable hash, still ASCII.
        let n = PersonName::builder().given("上川 陽子").build().unwrap();
        let id = derive_id(&jp, Some(&n), None, 200);
        assert_eq!(
            id,
            format!("jp-{}", crate::ascii_fold::short_hash("上川 陽子"))
        );
        assert!(id.is_ascii() && id.len() == 11, "{id}");
        // Accents fold, as in `ca-melanie-joly`.
        let n = PersonName::builder()
            .given("Mélanie")
            .surname("Joly")
            .build()
            .unwrap();
        let ca = Country::from_code("CA").unwrap();
        assert_eq!(derive_id(&ca, Some(&n), None, 200), "ca-melanie-joly");
        // Cut to the limit, never ending in a dash.
        let n = PersonName::builder()
            .given("a b")
            .surname("c")
            .build()
            .unwrap();
        assert_eq!(derive_id(&jp, Some(&n), None, 5), "jp-a");
        // No name: the post.
        let post = Post::new(Portfolio::ForeignAffairs, "Foreign Minister").unwrap();
        assert_eq!(
            derive_id(&jp, None, Some(&post), 200),
            "jp-foreign-minister"
        );
    }

    #[test]
    fn violations_name_their_paths() {
        let e = Minister::builder(name(), Country::from_code("CL").unwrap())
            .id("has space")
            .honorific("")
            .post(Post::new(Portfolio::ForeignAffairs, "x").unwrap())
            .build()
            .unwrap_err();
        let got: Vec<_> = e.violations().map(|v| (v.kind(), v.path())).collect();
        assert_eq!(
            got,
            vec![
                (ErrorKind::Empty, "honorific"),
                (ErrorKind::InvalidValue, "id"),
            ]
        );
    }

    #[test]
    fn dual_posts_show_both() {
        let m = Minister::builder(name(), Country::from_code("CL").unwrap())
            .post(Post::new(Portfolio::DeputyHeadOfGovernment, "Deputy Prime Minister").unwrap())
            .post(Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs").unwrap())
            .build()
            .unwrap();
        assert_eq!(
            m.titles(),
            "Deputy Prime Minister and Minister of Foreign Affairs"
        );
        assert!(m.to_string().ends_with(
            "Deputy Prime Minister and Minister of Foreign Affairs of the Republic of Chile"
        ));
    }

    #[test]
    fn statuses_decide_the_term_check() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let term = Term::new(Some(d("2021-10-04")), Some(d("2023-09-13"))).unwrap();
        let post = Post::new(Portfolio::ForeignAffairs, "Minister")
            .unwrap()
            .with_term(term);
        assert!(!post.held_on(d("2024-05-01")));
        let former = post.clone().with_status(PostStatus::Former);
        assert!(former.held_on(d("2024-05-01")));
        assert!(!former.held_on(d("2020-01-01")));
        let next = Term::new(Some(d("2024-06-01")), None).unwrap();
        let designate = Post::new(Portfolio::ForeignAffairs, "Minister-designate")
            .unwrap()
            .with_term(next)
            .with_status(PostStatus::Designate);
        assert!(designate.held_on(d("2024-05-01")));
        let acting = designate.clone().with_status(PostStatus::Acting);
        assert!(!acting.held_on(d("2024-05-01")));
    }
}
