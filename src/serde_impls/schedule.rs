//! `Serialize` and `Deserialize` for the inputs of scheduling: a weekend,
//! working hours, an itinerary, a travel table, a slot search's attendee, a
//! summit's delegations and requests, and an iCalendar expansion window.
//!
//! The JSON document holds none of them, so they follow its conventions:
//! snake_case names, days as `mon` to `sun`, civil times as `parse_civil`
//! reads them (`2024-01-17T19:45:00`), instants in RFC 3339 UTC
//! (`2023-11-13T00:00:00Z`), durations in ISO 8601 (`PT3H`), zones by IANA
//! name. Each reads what it writes, through its builder: the same checks,
//! the same messages, with paths into the value as written.

use chrono::{DateTime, NaiveDateTime, NaiveTime, SecondsFormat, TimeDelta, Utc, Weekday};
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, SerializeStruct, Serializer};

use super::read::Word;
use crate::error::{Detail, Error, echo};
use crate::ical::Window;
use crate::minister::Minister;
use crate::schedule::{Attendee, HoursRange, Itinerary, TravelTable, Weekend, WorkingHours};
use crate::summit::{Delegation, Request};
use crate::time::{format_duration, parse_civil, parse_duration, parse_zone};

/// A crate error as the deserializer's.
fn de<T, E: serde::de::Error>(result: Result<T, Error>) -> Result<T, E> {
    result.map_err(E::custom)
}

/// Monday to Sunday, as written.
const DAYS: [(&str, Weekday); 7] = [
    ("mon", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("sun", Weekday::Sun),
];

fn day_name(day: Weekday) -> &'static str {
    DAYS.iter()
        .find(|(_, d)| *d == day)
        .map_or("mon", |(n, _)| n)
}

fn parse_day(text: &str) -> Result<Weekday, Error> {
    DAYS.iter()
        .find(|(n, _)| *n == text)
        .map(|(_, d)| *d)
        .ok_or_else(|| {
            let names: Vec<&str> = DAYS.iter().map(|(n, _)| *n).collect();
            crate::named::unknown_name("day", text, &names)
        })
}

/// A civil time as [`parse_civil`] reads it: seconds always, a fraction
/// when there is one.
struct Civil(NaiveDateTime);

impl Serialize for Civil {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0.format("%Y-%m-%dT%H:%M:%S%.f"))
    }
}

fn civil(text: &str, path: &str) -> Result<NaiveDateTime, Error> {
    parse_civil(text).map_err(|e| e.within(path))
}

/// An instant in RFC 3339, UTC.
struct Instant(DateTime<Utc>);

impl Serialize for Instant {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.to_rfc3339_opts(SecondsFormat::AutoSi, true))
    }
}

fn instant(text: &str, path: &str) -> Result<DateTime<Utc>, Error> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| {
            Error::new(Detail::InvalidTimestamp {
                input: echo(text),
                reason: format!("expected an RFC 3339 instant (2023-11-13T00:00:00Z): {e}"),
            })
            .within(path)
        })
}

/// A duration in ISO 8601.
struct Duration(TimeDelta);

impl Serialize for Duration {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_duration(self.0))
    }
}

impl Serialize for Weekend {
    /// Its days, Monday first: `["sat", "sun"]`; `[]` for none.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.days().map(day_name))
    }
}

impl<'de> Deserialize<'de> for Weekend {
    /// Reads a list of days (`mon` to `sun`, each at most once, in any
    /// order).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let names: Vec<Word<'de>> = Vec::deserialize(d)?;
        let mut days = Vec::with_capacity(names.len().min(7));
        for (i, name) in names.iter().enumerate() {
            let day = de(parse_day(name).map_err(|e| e.within(&format!("[{i}]"))))?;
            if days.contains(&day) {
                return de(Err(Error::new(Detail::Duplicate {
                    what: "day of the weekend",
                    value: echo(name),
                })
                .within(&format!("[{i}]"))));
            }
            days.push(day);
        }
        Ok(Weekend::from_days(days))
    }
}

/// `HH:MM`, or `HH:MM:SS`; `24:00` for the midnight that ends the day.
fn clock(text: &str, whole: &str) -> Result<NaiveTime, Error> {
    if matches!(text, "24:00" | "24:00:00") {
        return Ok(NaiveTime::MIN);
    }
    let shape = |t: &str| {
        let b = t.as_bytes();
        (b.len() == 5 || (b.len() == 8 && b.get(5) == Some(&b':')))
            && b.get(2) == Some(&b':')
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 2 || i == 5 || c.is_ascii_digit())
    };
    let format = if text.len() == 5 { "%H:%M" } else { "%H:%M:%S" };
    match NaiveTime::parse_from_str(text, format) {
        Ok(t) if shape(text) => Ok(t),
        _ => Err(malformed_range(whole)),
    }
}

/// The start and end of a range as written: `09:00–18:00`.
fn range_times(text: &str) -> Result<(NaiveTime, NaiveTime), Error> {
    match text.split_once(['–', '-']) {
        Some((start, end)) => Error::both(clock(start, text), clock(end, text)),
        None => Err(malformed_range(text)),
    }
}

fn malformed_range(text: &str) -> Error {
    Error::new(Detail::InvalidValue {
        what: "working hours",
        value: echo(text),
        reason: "expected HH:MM–HH:MM (or HH:MM:SS, a hyphen for the dash, 24:00 for the end \
                 of the day)"
            .to_owned(),
    })
}

impl Serialize for HoursRange {
    /// Its text, as [`Display`](std::fmt::Display) writes it:
    /// `09:00–18:00`, seconds when not zero, `24:00` for the end of the day.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for HoursRange {
    /// Reads `HH:MM–HH:MM` (a hyphen will do for the dash), checked as
    /// [`WorkingHoursBuilder::build`](crate::schedule::WorkingHoursBuilder::build)
    /// checks a range.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = Word::deserialize(d)?;
        let range = range_times(&text).and_then(|(start, end)| {
            let hours = WorkingHours::builder()
                .range(Weekday::Mon, start, end)
                .build()
                .map_err(|e| e.map_paths(|_| Some(String::new())))?;
            hours.ranges(Weekday::Mon).first().copied().ok_or_else(|| {
                Error::new(Detail::Empty {
                    what: "working hours",
                })
            })
        });
        de(range)
    }
}

impl Serialize for WorkingHours {
    /// The ranges of each day that has some, by day, Monday first:
    /// `{"mon": ["09:00–18:00"], ...}`; `{}` for no working hours.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let days = DAYS.iter().filter(|(_, d)| !self.ranges(*d).is_empty());
        let mut map = s.serialize_map(Some(days.clone().count()))?;
        for (name, day) in days {
            map.serialize_entry(name, self.ranges(*day))?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for WorkingHours {
    /// Reads what `Serialize` writes (a day left out has no working hours),
    /// checked by the builder: violations name the range as written
    /// (`mon[1]`).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct HoursVisitor;

        impl<'de> Visitor<'de> for HoursVisitor {
            type Value = WorkingHours;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("working hours by day, as {\"mon\": [\"09:00–18:00\"]}")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<WorkingHours, A::Error> {
                let mut b = WorkingHours::builder();
                // The path, as written, of each range given to the builder.
                let mut paths = Vec::new();
                let mut seen = Vec::new();
                while let Some(key) = map.next_key::<Word<'de>>()? {
                    let day = de(parse_day(&key))?;
                    if seen.contains(&day) {
                        return de(Err(Error::new(Detail::Duplicate {
                            what: "day",
                            value: echo(&key),
                        })
                        .within(&key)));
                    }
                    seen.push(day);
                    let ranges: Vec<Word<'de>> = map.next_value()?;
                    if ranges.len() > WorkingHours::MAX_RANGES_PER_DAY {
                        return de(Err(Error::new(Detail::TooMany {
                            what: "working-hour ranges on one day",
                            count: ranges.len(),
                            limit: WorkingHours::MAX_RANGES_PER_DAY,
                            limit_name: "WorkingHours::MAX_RANGES_PER_DAY",
                        })
                        .within(&key)));
                    }
                    for (k, text) in ranges.iter().enumerate() {
                        let path = format!("{}[{k}]", &*key);
                        let (start, end) = de(range_times(text).map_err(|e| e.within(&path)))?;
                        b = b.range(day, start, end);
                        paths.push(path);
                    }
                }
                let built = b.build().map_err(|e| {
                    e.map_paths(|p| {
                        let i: usize =
                            p.strip_prefix("ranges[")?.strip_suffix(']')?.parse().ok()?;
                        paths.get(i).cloned()
                    })
                });
                de(built)
            }
        }

        d.deserialize_map(HoursVisitor)
    }
}

/// A stay as given to [`ItineraryBuilder::stay`](crate::schedule::ItineraryBuilder::stay).
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStay<'a> {
    place: String,
    #[serde(borrow)]
    zone: Word<'a>,
    #[serde(borrow)]
    first: Word<'a>,
    #[serde(borrow)]
    last: Word<'a>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItinerary<'a> {
    #[serde(borrow)]
    stays: Vec<RawStay<'a>>,
}

/// A date `YYYY-MM-DD`.
fn date(text: &str, path: &str) -> Result<chrono::NaiveDate, Error> {
    text.parse::<chrono::NaiveDate>().map_err(|e| {
        Error::new(Detail::InvalidTimestamp {
            input: echo(text),
            reason: format!("expected a date YYYY-MM-DD: {e}"),
        })
        .within(path)
    })
}

impl Serialize for Itinerary {
    /// `{"stays": [{"place", "zone", "first", "last"}, ...]}`, in order.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Stays<'a>(&'a Itinerary);

        impl Serialize for Stays<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut seq = s.serialize_seq(Some(self.0.stays().len()))?;
                for stay in self.0.stays() {
                    seq.serialize_element(&Stay(stay))?;
                }
                seq.end()
            }
        }

        struct Stay<'a>(&'a crate::schedule::Stay);

        impl Serialize for Stay<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut st = s.serialize_struct("Stay", 4)?;
                st.serialize_field("place", self.0.place())?;
                st.serialize_field("zone", self.0.zone().name())?;
                st.serialize_field("first", &self.0.first().to_string())?;
                st.serialize_field("last", &self.0.last().to_string())?;
                st.end()
            }
        }

        let mut st = s.serialize_struct("Itinerary", 1)?;
        st.serialize_field("stays", &Stays(self))?;
        st.end()
    }
}

impl<'de> Deserialize<'de> for Itinerary {
    /// Reads what `Serialize` writes, the stays in any order, checked by
    /// [`ItineraryBuilder::build`](crate::schedule::ItineraryBuilder::build)
    /// with the default limits.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = RawItinerary::deserialize(d)?;
        let mut b = Itinerary::builder();
        let mut errors: Option<Error> = None;
        for (i, stay) in raw.stays.into_iter().enumerate() {
            let path = format!("stays[{i}]");
            let fields = Error::both(
                parse_zone(&stay.zone).map_err(|e| e.within("zone")),
                Error::both(date(&stay.first, "first"), date(&stay.last, "last")),
            );
            match fields {
                Ok((zone, (first, last))) => b = b.stay(stay.place, zone, first, last),
                Err(e) => {
                    let e = e.within(&path);
                    errors = Some(match errors {
                        Some(all) => all.append(e),
                        None => e,
                    });
                }
            }
        }
        if let Some(e) = errors {
            return de(Err(e));
        }
        de(b.build())
    }
}

impl Serialize for TravelTable {
    /// `{"default": "PT12H", "routes": [{"from", "to", "time"}, ...]}`:
    /// every listed time one way, sorted by place (a route set both ways is
    /// two entries).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Routes(Vec<(String, String, TimeDelta)>);

        impl Serialize for Routes {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut seq = s.serialize_seq(Some(self.0.len()))?;
                for (from, to, time) in &self.0 {
                    seq.serialize_element(&Route(from, to, *time))?;
                }
                seq.end()
            }
        }

        struct Route<'a>(&'a str, &'a str, TimeDelta);

        impl Serialize for Route<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut st = s.serialize_struct("Route", 3)?;
                st.serialize_field("from", self.0)?;
                st.serialize_field("to", self.1)?;
                st.serialize_field("time", &Duration(self.2))?;
                st.end()
            }
        }

        let mut routes: Vec<(String, String, TimeDelta)> = self
            .routes()
            .map(|(f, t, d)| (f.to_owned(), t.to_owned(), d))
            .collect();
        routes.sort_unstable();
        let mut st = s.serialize_struct("TravelTable", 2)?;
        st.serialize_field("default", &Duration(self.default_time()))?;
        if !routes.is_empty() {
            st.serialize_field("routes", &Routes(routes))?;
        }
        st.end()
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRoute<'a> {
    from: String,
    to: String,
    #[serde(borrow)]
    time: Word<'a>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTravelTable<'a> {
    #[serde(borrow)]
    default: Word<'a>,
    #[serde(default, borrow)]
    routes: Vec<RawRoute<'a>>,
}

impl<'de> Deserialize<'de> for TravelTable {
    /// Reads what `Serialize` writes, each route one way, checked by
    /// [`TravelTableBuilder::build`](crate::schedule::TravelTableBuilder::build).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = RawTravelTable::deserialize(d)?;
        let mut errors: Option<Error> = None;
        let mut keep = |e: Error| {
            errors = Some(match errors.take() {
                Some(all) => all.append(e),
                None => e,
            });
        };
        let default = parse_duration(&raw.default)
            .map_err(|e| e.within("default"))
            .unwrap_or_else(|e| {
                keep(e);
                TimeDelta::zero()
            });
        let mut b = TravelTable::builder(default);
        for (i, r) in raw.routes.into_iter().enumerate() {
            match parse_duration(&r.time) {
                Ok(t) => b = b.one_way(r.from, r.to, t),
                Err(e) => keep(e.within(&format!("routes[{i}].time"))),
            }
        }
        if let Some(e) = errors {
            return de(Err(e));
        }
        de(b.build())
    }
}

impl Serialize for Window {
    /// `{"start", "end", "floating_zone"?}`: instants in RFC 3339 UTC, the
    /// zone for floating times when it is not UTC.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Window", 3)?;
        st.serialize_field("start", &Instant(self.start()))?;
        st.serialize_field("end", &Instant(self.end()))?;
        if self.floating_zone() != chrono_tz::UTC {
            st.serialize_field("floating_zone", self.floating_zone().name())?;
        }
        st.end()
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWindow<'a> {
    #[serde(borrow)]
    start: Word<'a>,
    #[serde(borrow)]
    end: Word<'a>,
    #[serde(default, borrow)]
    floating_zone: Option<Word<'a>>,
}

impl<'de> Deserialize<'de> for Window {
    /// Reads what `Serialize` writes, checked by [`Window::new`].
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = RawWindow::deserialize(d)?;
        let zone = match raw.floating_zone.as_deref() {
            None => Ok(chrono_tz::UTC),
            Some(z) => parse_zone(z).map_err(|e| e.within("floating_zone")),
        };
        let window = Error::both(
            Error::both(instant(&raw.start, "start"), instant(&raw.end, "end")),
            zone,
        )
        .and_then(|((from, to), zone)| Window::new(from, to).map(|w| w.with_floating_zone(zone)));
        de(window)
    }
}

impl Serialize for Attendee {
    /// `{"minister", "hours"?, "itinerary"?}`: hours when given (else the
    /// country's default applies), the itinerary when it has stays.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Attendee", 3)?;
        st.serialize_field("minister", self.minister())?;
        if let Some(h) = self.hours_given() {
            st.serialize_field("hours", h)?;
        }
        if !self.itinerary_given().stays().is_empty() {
            st.serialize_field("itinerary", self.itinerary_given())?;
        }
        st.end()
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAttendee {
    minister: Minister,
    #[serde(default)]
    hours: Option<WorkingHours>,
    #[serde(default)]
    itinerary: Option<Itinerary>,
}

impl<'de> Deserialize<'de> for Attendee {
    /// Reads what `Serialize` writes; the minister as a [`Minister`] alone
    /// is read (a built-in country).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = RawAttendee::deserialize(d)?;
        let mut a = Attendee::new(raw.minister);
        if let Some(h) = raw.hours {
            a = a.hours(h);
        }
        if let Some(i) = raw.itinerary {
            a = a.itinerary(i);
        }
        Ok(a)
    }
}

/// A span of civil time, `{"from", "to"}`.
struct CivilSpan(NaiveDateTime, NaiveDateTime);

impl Serialize for CivilSpan {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Span", 2)?;
        st.serialize_field("from", &Civil(self.0))?;
        st.serialize_field("to", &Civil(self.1))?;
        st.end()
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpan<'a> {
    #[serde(borrow)]
    from: Word<'a>,
    #[serde(borrow)]
    to: Word<'a>,
}

impl RawSpan<'_> {
    fn read(&self, path: &str) -> Result<(NaiveDateTime, NaiveDateTime), Error> {
        Error::both(civil(&self.from, "from"), civil(&self.to, "to")).map_err(|e| e.within(path))
    }
}

impl Serialize for Delegation {
    /// `{"minister", "arrival"?, "departure"?, "busy"?: [{"from", "to"}]}`,
    /// civil times at the summit.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Delegation", 4)?;
        st.serialize_field("minister", self.minister())?;
        if let Some(a) = self.arrival() {
            st.serialize_field("arrival", &Civil(a))?;
        }
        if let Some(d) = self.departure() {
            st.serialize_field("departure", &Civil(d))?;
        }
        if !self.busy_blocks().is_empty() {
            let busy: Vec<CivilSpan> = self
                .busy_blocks()
                .iter()
                .map(|(a, b)| CivilSpan(*a, *b))
                .collect();
            st.serialize_field("busy", &busy)?;
        }
        st.end()
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDelegation<'a> {
    minister: Minister,
    #[serde(default, borrow)]
    arrival: Option<Word<'a>>,
    #[serde(default, borrow)]
    departure: Option<Word<'a>>,
    #[serde(default, borrow)]
    busy: Vec<RawSpan<'a>>,
}

impl<'de> Deserialize<'de> for Delegation {
    /// Reads what `Serialize` writes; the summit's build checks the times
    /// against its days.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = RawDelegation::deserialize(d)?;
        let mut out = Delegation::new(raw.minister);
        if let Some(a) = &raw.arrival {
            out = out.arrives(de(civil(a, "arrival"))?);
        }
        if let Some(t) = &raw.departure {
            out = out.departs(de(civil(t, "departure"))?);
        }
        for (i, span) in raw.busy.iter().enumerate() {
            let (from, to) = de(span.read(&format!("busy[{i}]")))?;
            out = out.busy(from, to);
        }
        Ok(out)
    }
}

impl Serialize for Request {
    /// `{"first", "second", "priority", "slots"?, "window"?: {"from",
    /// "to"}}`: participant ids, the number of slots when more than one,
    /// civil times at the summit.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Request", 5)?;
        st.serialize_field("first", self.first())?;
        st.serialize_field("second", self.second())?;
        st.serialize_field("priority", &self.priority())?;
        if self.length() != 1 {
            st.serialize_field("slots", &self.length())?;
        }
        if let Some((from, to)) = self.time_window() {
            st.serialize_field("window", &CivilSpan(from, to))?;
        }
        st.end()
    }
}

fn one() -> u32 {
    1
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRequest<'a> {
    first: String,
    second: String,
    priority: u32,
    #[serde(default = "one")]
    slots: u32,
    #[serde(default, borrow)]
    window: Option<RawSpan<'a>>,
}

impl<'de> Deserialize<'de> for Request {
    /// Reads what `Serialize` writes; the summit's build checks the ids,
    /// the length and the window.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = RawRequest::deserialize(d)?;
        let mut r = Request::new(raw.first, raw.second, raw.priority).slots(raw.slots);
        if let Some(w) = &raw.window {
            let (from, to) = de(w.read("window"))?;
            r = r.window(from, to);
        }
        Ok(r)
    }
}
