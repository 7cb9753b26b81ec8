//! STUB, replaced by the time helper's module.
#![allow(missing_docs, dead_code, clippy::unwrap_used)]
use crate::error::{Detail, Error};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, Offset, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Disambiguation { #[default] Reject, Earlier, Later, Compatible }
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum OffsetPolicy { #[default] Reject, KeepCivil, KeepInstant }
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ZonedDateTime { civil: NaiveDateTime, zone: Tz, offset: FixedOffset }
impl ZonedDateTime {
  pub fn resolve(civil: NaiveDateTime, zone: Tz, _p: Disambiguation) -> Result<Self, Error> { let dt = zone.from_local_datetime(&civil).single().ok_or_else(|| Error::new(Detail::Gap{zone: zone.name().into(), civil: civil.to_string(), before: String::new(), after: String::new()}))?; Ok(Self::from_datetime(&dt)) }
  pub fn from_datetime(dt: &DateTime<Tz>) -> Self { ZonedDateTime { civil: dt.naive_local(), zone: dt.timezone(), offset: dt.offset().fix() } }
  pub fn from_instant(i: DateTime<Utc>, zone: Tz) -> Self { Self::from_datetime(&i.with_timezone(&zone)) }
  pub fn parse(text: &str, _p: OffsetPolicy) -> Result<Self, Error> { let (a, b) = text.split_once('[').ok_or_else(|| Error::new(Detail::InvalidTimestamp{input: text.into(), reason: "x".into()}))?; let zone = parse_zone(b.trim_end_matches(']'))?; let dt = DateTime::parse_from_rfc3339(a).map_err(|e| Error::new(Detail::InvalidTimestamp{input: text.into(), reason: e.to_string()}))?; Ok(Self::from_instant(dt.to_utc(), zone)) }
  pub fn civil(&self) -> NaiveDateTime { self.civil }
  pub fn date(&self) -> NaiveDate { self.civil.date() }
  pub fn zone(&self) -> Tz { self.zone }
  pub fn offset(&self) -> FixedOffset { self.offset }
  pub fn to_datetime(&self) -> DateTime<Tz> { self.instant().with_timezone(&self.zone) }
  pub fn instant(&self) -> DateTime<Utc> { (self.civil - self.offset).and_utc() }
  pub fn in_zone(&self, zone: Tz) -> Self { Self::from_instant(self.instant(), zone) }
  pub fn checked_add(&self, d: TimeDelta) -> Result<Self, Error> { Ok(Self::from_instant(self.instant() + d, self.zone)) }
}
impl std::fmt::Display for ZonedDateTime { fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { write!(f, "{}{}[{}]", self.civil.format("%Y-%m-%dT%H:%M:%S"), self.offset, self.zone.name()) } }
impl std::str::FromStr for ZonedDateTime { type Err = Error; fn from_str(s: &str) -> Result<Self, Error> { Self::parse(s, OffsetPolicy::Reject) } }
pub fn parse_zone(name: &str) -> Result<Tz, Error> { name.parse::<Tz>().map_err(|_| Error::new(Detail::UnknownZone(name.into()))) }
pub fn parse_civil(text: &str) -> Result<NaiveDateTime, Error> { NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S").map_err(|e| Error::new(Detail::InvalidTimestamp{input: text.into(), reason: e.to_string()})) }
pub fn parse_duration(text: &str) -> Result<TimeDelta, Error> { let m: i64 = text.trim_start_matches("PT").trim_end_matches('M').parse().map_err(|_| Error::new(Detail::InvalidDuration{input: text.into(), reason: "x".into()}))?; Ok(TimeDelta::minutes(m)) }
pub fn format_duration(d: TimeDelta) -> String { format!("PT{}M", d.num_minutes()) }
