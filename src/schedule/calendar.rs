//! [`Calendar`]: a collection of meetings, and the busy time they give each
//! minister.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::error::{Detail, Error};
use crate::limits::Limits;
use crate::meeting::{Meeting, Venue};

/// One stretch of time a minister is taken: a meeting's half-open interval
/// `[start, end)` in UTC, and the meeting's index in its calendar. Made by
/// [`Calendar::busy`].
///
/// ```
/// use chrono::TimeDelta;
/// use diplomeet::schedule::Calendar;
/// use diplomeet::{Country, Meeting, Minister, Portfolio, Post, Venue};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let minister = |id: &str, country: &str| -> Result<Minister, diplomeet::Error> {
///     let post = Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?;
///     Minister::by_post(Country::from_code(country)?, post).id(id).build()
/// };
/// let ministers = [minister("jp-kamikawa-yoko", "JP")?, minister("cl-van-klaveren", "CL")?];
/// // Talks in Tokyo between the two, from a civil time, for an hour.
/// let talks = |civil: &str| -> Result<Meeting, Box<dyn std::error::Error>> {
///     Ok(Meeting::builder("Talks")
///         .venue(Venue::new("Tokyo", Country::from_code("JP")?, chrono_tz::Asia::Tokyo)?)
///         .starts_at(civil.parse()?)
///         .duration(TimeDelta::try_hours(1).ok_or("hours")?)
///         .participants(ministers.clone())
///         .build()?)
/// };
/// let calendar: Calendar = [
///     talks("2023-11-14T10:00:00")?,
///     talks("2023-11-14T09:00:00")?, // back to back with the first
///     talks("2023-11-14T10:30:00")?, // overlaps the first
/// ]
/// .into_iter()
/// .collect();
///
/// // Sorted by start: the meeting added second comes first.
/// let busy = calendar.busy("jp-kamikawa-yoko");
/// assert_eq!(busy.iter().map(|b| b.meeting()).collect::<Vec<_>>(), [1, 0, 2]);
/// let [nine, ten, half_past] = busy.as_slice() else { return Err("three".into()) };
/// // 09:00 in Tokyo is midnight UTC.
/// assert_eq!(nine.start().to_rfc3339(), "2023-11-14T00:00:00+00:00");
/// assert_eq!(nine.end().to_rfc3339(), "2023-11-14T01:00:00+00:00");
/// // Back to back is not sharing an instant.
/// assert!(!nine.overlaps(ten));
/// assert!(ten.overlaps(half_past) && half_past.overlaps(ten));
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Busy {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    meeting: usize,
}

impl Busy {
    /// The first instant taken.
    pub fn start(&self) -> DateTime<Utc> {
        self.start
    }

    /// The first instant free again (half-open: a meeting that starts here
    /// does not overlap).
    pub fn end(&self) -> DateTime<Utc> {
        self.end
    }

    /// The meeting's index in [`Calendar::meetings`].
    pub fn meeting(&self) -> usize {
        self.meeting
    }

    /// Whether two intervals share an instant (back to back is not sharing).
    pub fn overlaps(&self, other: &Busy) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// A collection of meetings, in the order they were added.
///
/// Meetings are placed on the time line by their instants; a meeting with a
/// date but no time of day, or with no duration, has no interval and takes
/// no busy time (see [`Calendar::unplaced`]): the calendar never invents one.
///
/// ```
/// use chrono::TimeDelta;
/// use diplomeet::schedule::Calendar;
/// use diplomeet::{Country, ErrorKind, Limits, Meeting, MeetingBuilder, Minister, Portfolio, Post, Venue};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let minister = |id: &str, country: &str| -> Result<Minister, diplomeet::Error> {
///     let post = Post::new(Portfolio::ForeignAffairs, "Minister of Foreign Affairs")?;
///     Minister::by_post(Country::from_code(country)?, post).id(id).build()
/// };
/// let ministers = [minister("jp-kamikawa-yoko", "JP")?, minister("cl-van-klaveren", "CL")?];
/// // Talks in Tokyo between the two; the start is set below.
/// let talks = || -> Result<MeetingBuilder, diplomeet::Error> {
///     Ok(Meeting::builder("Talks")
///         .venue(Venue::new("Tokyo", Country::from_code("JP")?, chrono_tz::Asia::Tokyo)?)
///         .participants(ministers.clone()))
/// };
/// let hour = TimeDelta::try_hours(1).ok_or("hours")?;
///
/// let mut calendar = Calendar::new();
/// assert!(calendar.is_empty());
/// calendar.push(talks()?.starts_at("2023-11-14T11:00:00".parse()?).duration(hour).build()?);
/// calendar.push(talks()?.starts_on("2023-11-15".parse()?).build()?); // a date alone
/// calendar.push(talks()?.starts_at("2023-11-14T09:00:00".parse()?).duration(hour).build()?);
/// assert_eq!(calendar.len(), 3); // placed or not
///
/// // In the order added, not in time order.
/// let starts: Vec<String> = calendar.meetings().iter().map(|m| m.when().to_string()).collect();
/// assert_eq!(
///     starts,
///     ["2023-11-14T11:00:00+09:00[Asia/Tokyo]", "2023-11-15", "2023-11-14T09:00:00+09:00[Asia/Tokyo]"]
/// );
///
/// // The date alone has no interval, and takes no busy time.
/// let (start, end) = calendar.span(0).ok_or("no span")?;
/// assert_eq!(end - start, hour);
/// assert_eq!(calendar.span(1), None);
/// assert_eq!(calendar.span(3), None); // no such meeting
/// assert_eq!(calendar.unplaced().collect::<Vec<_>>(), [1]);
///
/// // Each minister's busy time, sorted by start.
/// let busy = calendar.busy("cl-van-klaveren");
/// assert_eq!(busy.iter().map(|b| b.meeting()).collect::<Vec<_>>(), [2, 0]);
/// assert!(calendar.busy("us-nobody").is_empty());
///
/// // Meetings from outside go into a calendar held to a limit.
/// let mut inbox = Calendar::with_limits(Limits::default().with_max_calendar_meetings(2));
/// for meeting in calendar.meetings().iter().take(2) {
///     inbox.try_push(meeting.clone())?;
/// }
/// let err = inbox.try_push(calendar.meetings()[2].clone()).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::TooMany);
/// assert_eq!(
///     err.to_string(),
///     "3 meetings in the calendar is over the limit of 2 (limit max_calendar_meetings)"
/// );
/// assert_eq!(inbox.len(), 2);
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Default)]
pub struct Calendar {
    meetings: Vec<Meeting>,
    /// Checked by [`Calendar::try_push`] only (`max_calendar_meetings`);
    /// configuration, not content: left out of equality.
    limits: Limits,
    /// `[start, end)` of each meeting, `None` when it has no interval.
    spans: Vec<Option<(DateTime<Utc>, DateTime<Utc>)>>,
    /// Per-minister data kept up to date by `push`, so that conflict search
    /// and busy time need neither string comparisons nor a scan of every
    /// meeting. A function of `meetings` (in order), so the derived
    /// equality is unaffected.
    pub(crate) index: Index,
}

/// Two calendars are equal when they hold equal meetings in the same order
/// (the spans and the index are functions of the meetings; the limits are
/// configuration).
impl PartialEq for Calendar {
    fn eq(&self, other: &Calendar) -> bool {
        self.meetings == other.meetings
    }
}

impl Eq for Calendar {}

impl fmt::Debug for Calendar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Calendar")
            .field("meetings", &self.meetings)
            .finish_non_exhaustive()
    }
}

/// An instant as a sort key: seconds since the epoch and nanoseconds.
pub(crate) type Key = (i64, u32);

pub(crate) fn key(t: DateTime<Utc>) -> Key {
    (t.timestamp(), t.timestamp_subsec_nanos())
}

/// Marks a meeting without a venue in [`Entry::venue`].
pub(crate) const NO_VENUE: u32 = u32::MAX;

/// One placed meeting (with an interval). The derived order is by start,
/// then end, then meeting index (the order of [`Busy`]). The instants are
/// kept as flat fields rather than two [`Key`]s: 40 bytes, not 48.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Entry {
    pub(crate) start_secs: i64,
    pub(crate) start_nanos: u32,
    pub(crate) end_secs: i64,
    pub(crate) end_nanos: u32,
    pub(crate) meeting: usize,
    /// Index into [`Index::venues`], or [`NO_VENUE`].
    pub(crate) venue: u32,
}

impl Entry {
    pub(crate) fn start(&self) -> Key {
        (self.start_secs, self.start_nanos)
    }

    pub(crate) fn end(&self) -> Key {
        (self.end_secs, self.end_nanos)
    }
}

/// Interned ministers and venues, and each minister's placed meetings:
/// what conflict search and busy time need, without string comparisons or
/// a scan of every meeting.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Index {
    /// Minister ids, numbered in order of first appearance.
    pub(crate) ministers: Vec<Arc<str>>,
    minister_ids: HashMap<Arc<str>, usize>,
    /// Per minister (same numbers), their placed meetings in push order.
    pub(crate) entries: Vec<Vec<Entry>>,
    /// Distinct venues (equal as a whole: place, country and zone), in
    /// order of first appearance.
    pub(crate) venues: Vec<Venue>,
    venue_ids: HashMap<Venue, u32>,
}

impl Index {
    fn add(&mut self, meeting: &Meeting, index: usize, span: (DateTime<Utc>, DateTime<Utc>)) {
        let venue = match meeting.venue() {
            Some(v) => self.venue_id(v),
            None => NO_VENUE,
        };
        let ((start_secs, start_nanos), (end_secs, end_nanos)) = (key(span.0), key(span.1));
        let entry = Entry {
            start_secs,
            start_nanos,
            end_secs,
            end_nanos,
            meeting: index,
            venue,
        };
        for m in meeting.participants() {
            let number = self.minister_number(m.id());
            if let Some(list) = self.entries.get_mut(number) {
                list.push(entry);
            }
        }
    }

    fn minister_number(&mut self, id: &str) -> usize {
        if let Some(&i) = self.minister_ids.get(id) {
            return i;
        }
        let i = self.ministers.len();
        let id: Arc<str> = Arc::from(id);
        self.minister_ids.insert(Arc::clone(&id), i);
        self.ministers.push(id);
        self.entries.push(Vec::new());
        i
    }

    fn venue_id(&mut self, venue: &Venue) -> u32 {
        if let Some(&i) = self.venue_ids.get(venue) {
            return i;
        }
        // Over four billion distinct venues cannot be in memory; the
        // guard keeps the marker unambiguous.
        let Ok(i) = u32::try_from(self.venues.len()) else {
            return NO_VENUE;
        };
        if i == NO_VENUE {
            return NO_VENUE;
        }
        self.venue_ids.insert(venue.clone(), i);
        self.venues.push(venue.clone());
        i
    }

    /// The number of the minister with this id.
    pub(crate) fn minister(&self, id: &str) -> Option<usize> {
        self.minister_ids.get(id).copied()
    }
}

impl Calendar {
    /// An empty calendar.
    pub fn new() -> Calendar {
        Calendar::default()
    }

    /// Adds a meeting; its index is the number of meetings before it.
    ///
    /// `push` never refuses: it does not check `max_calendar_meetings`
    /// (nor do `collect()` and `extend`), for calendars a program fills with
    /// its own meetings. Use [`try_push`](Calendar::try_push) for meetings
    /// from outside.
    ///
    /// Cost: O(participants) amortised (ids and the venue are looked up in hash
    /// maps, the interval computed once).
    pub fn push(&mut self, meeting: Meeting) {
        let span = match (meeting.start(), meeting.end()) {
            (Ok(s), Ok(e)) => Some((s.instant(), e.instant())),
            _ => None,
        };
        if let Some(span) = span {
            self.index.add(&meeting, self.meetings.len(), span);
        }
        self.meetings.push(meeting);
        self.spans.push(span);
    }

    /// An empty calendar whose [`try_push`](Calendar::try_push) holds it to
    /// `limits.max_calendar_meetings()` meetings (1 000 000 by default; see
    /// [`Limits`]). See the type's example.
    pub fn with_limits(limits: Limits) -> Calendar {
        Calendar {
            limits,
            ..Calendar::default()
        }
    }

    /// The limits [`try_push`](Calendar::try_push) applies: those given to
    /// [`with_limits`](Calendar::with_limits), else the defaults.
    ///
    /// ```
    /// use diplomeet::Limits;
    /// use diplomeet::schedule::Calendar;
    ///
    /// assert_eq!(Calendar::new().limits().max_calendar_meetings(), 1_000_000);
    /// let small = Calendar::with_limits(Limits::default().with_max_calendar_meetings(10));
    /// assert_eq!(small.limits().max_calendar_meetings(), 10);
    /// ```
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Adds a meeting unless the calendar already holds
    /// `max_calendar_meetings` of them: for meetings that come from outside
    /// (documents, user input), where [`push`](Calendar::push), which never
    /// refuses, would let a hostile source grow the calendar without bound.
    ///
    /// Cost: as [`push`](Calendar::push).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::TooMany`](crate::ErrorKind::TooMany) naming
    /// `max_calendar_meetings`; the calendar is then unchanged.
    pub fn try_push(&mut self, meeting: Meeting) -> Result<(), Error> {
        let limit = self.limits.max_calendar_meetings();
        if self.meetings.len() >= limit {
            return Err(Error::new(Detail::TooMany {
                what: "meetings in the calendar",
                count: self.meetings.len().saturating_add(1),
                limit,
                limit_name: "max_calendar_meetings",
            }));
        }
        self.push(meeting);
        Ok(())
    }

    /// The meetings, in the order added.
    pub fn meetings(&self) -> &[Meeting] {
        &self.meetings
    }

    /// The number of meetings.
    pub fn len(&self) -> usize {
        self.meetings.len()
    }

    /// Whether there are no meetings.
    pub fn is_empty(&self) -> bool {
        self.meetings.is_empty()
    }

    /// The `[start, end)` interval of meeting `index`, in UTC; `None` when
    /// it has only a date, no duration, or there is no such meeting.
    ///
    /// Cost: O(1).
    pub fn span(&self, index: usize) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        self.spans.get(index).copied().flatten()
    }

    /// Indices of the meetings that have no interval (a date alone, or no
    /// duration), which take no busy time.
    ///
    /// Cost: O(meetings) to go through.
    pub fn unplaced(&self) -> impl Iterator<Item = usize> + '_ {
        self.spans
            .iter()
            .enumerate()
            .filter(|(_, s)| s.is_none())
            .map(|(i, _)| i)
    }

    /// The busy time of the minister with this id, sorted by start (then
    /// end, then meeting index).
    ///
    /// Cost: O(m log m) for the minister's m meetings (found by a hash lookup,
    /// then sorted); memory O(m).
    pub fn busy(&self, minister_id: &str) -> Vec<Busy> {
        let entries = self
            .index
            .minister(minister_id)
            .and_then(|i| self.index.entries.get(i))
            .map_or(&[][..], Vec::as_slice);
        let mut out: Vec<Busy> = entries
            .iter()
            .filter_map(|e| {
                let (start, end) = self.span(e.meeting)?;
                Some(Busy {
                    start,
                    end,
                    meeting: e.meeting,
                })
            })
            .collect();
        out.sort_unstable();
        out
    }
}

impl FromIterator<Meeting> for Calendar {
    fn from_iter<I: IntoIterator<Item = Meeting>>(iter: I) -> Calendar {
        let mut c = Calendar::new();
        c.extend(iter);
        c
    }
}

impl Extend<Meeting> for Calendar {
    fn extend<I: IntoIterator<Item = Meeting>>(&mut self, iter: I) {
        for m in iter {
            self.push(m);
        }
    }
}
