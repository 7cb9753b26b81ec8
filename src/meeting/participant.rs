//! [`Participant`]: someone (or a group) at a meeting, with their roles,
//! how they attended and where they called from; [`Group`] and [`Place`].

use chrono_tz::Tz;

use crate::country::Country;
use crate::error::{Collector, Detail, Error, echo};
use crate::limits::{Limits, TextClass};
use crate::minister::{Minister, check_id};

use super::{Attendance, Role};

/// A group taking part as one, of which the source may name only some
/// members ("the G7 foreign ministers"): an id documents refer to, a name,
/// and the countries or organisations it counts (each a party of the
/// meeting). Members the source names are participants of their own.
///
/// ```
/// use diplomeet::{Country, Group};
///
/// # fn main() -> Result<(), diplomeet::Error> {
/// let g7 = Group::new("g7", "the G7 foreign ministers", ["CA", "FR", "DE", "IT", "JP", "GB", "US"]
///     .into_iter().map(Country::from_code).collect::<Result<Vec<_>, _>>()?)?;
/// assert_eq!(g7.members().len(), 7);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Group {
    id: String,
    name: String,
    members: Vec<Country>,
}

impl Group {
    /// A group with an id, a name and its members (possibly none known).
    ///
    /// # Errors
    ///
    /// A malformed id, a blank or over-long name, too many members or the
    /// same member twice ([`Limits::default`]).
    pub fn new(
        id: impl Into<String>,
        name: impl Into<String>,
        members: impl IntoIterator<Item = Country>,
    ) -> Result<Group, Error> {
        Group::checked(
            id.into(),
            name.into(),
            members.into_iter().collect(),
            &Limits::default(),
        )
    }

    pub(crate) fn checked(
        id: String,
        name: String,
        members: Vec<Country>,
        limits: &Limits,
    ) -> Result<Group, Error> {
        let mut out = Collector::for_limits(limits);
        check_id(limits, &mut out, || "id".to_owned(), &id);
        limits.check_text(&mut out, "name", "group name", TextClass::Name, &name);
        limits.check_list(&mut out, "members", "members", members.len());
        let mut seen = std::collections::HashSet::with_capacity(members.len());
        for (i, m) in members.iter().enumerate().take(limits.max_list_len()) {
            if !seen.insert(m.code()) {
                out.push_at(
                    || format!("members[{i}]"),
                    Detail::Duplicate {
                        what: "group member",
                        value: m.code().to_owned(),
                    },
                );
            }
        }
        out.finish_value(Group { id, name, members })
    }

    /// The id entries use for the group.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The name, as the source gives it.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The countries or organisations the group counts.
    pub fn members(&self) -> &[Country] {
        &self.members
    }
}

/// A place someone took part from (a minister calling from Bangkok): a name,
/// and its country and zone when known.
///
/// ```
/// use diplomeet::{Country, Place};
///
/// # fn main() -> Result<(), diplomeet::Error> {
/// let bangkok = Place::new("Bangkok")?.in_country(Country::from_code("TH")?, chrono_tz::Asia::Bangkok)?;
/// assert_eq!(bangkok.zone(), Some(chrono_tz::Asia::Bangkok));
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Place {
    name: String,
    country: Option<Country>,
    zone: Option<Tz>,
}

impl Place {
    /// A place by name.
    ///
    /// # Errors
    ///
    /// A blank or over-long name.
    pub fn new(name: impl Into<String>) -> Result<Place, Error> {
        Place::checked(name.into(), &Limits::default())
    }

    pub(crate) fn checked(name: String, limits: &Limits) -> Result<Place, Error> {
        let mut out = Collector::for_limits(limits);
        limits.check_text(&mut out, "place", "place", TextClass::Name, &name);
        out.finish_value(Place {
            name,
            country: None,
            zone: None,
        })
    }

    /// The same place in a country, on a zone that must be the country's.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::ZoneNotInCountry`](crate::ErrorKind::ZoneNotInCountry).
    pub fn in_country(mut self, country: Country, zone: Tz) -> Result<Place, Error> {
        if !country.has_zone(zone) {
            return Err(Error::new(Detail::ZoneNotInCountry {
                zone: zone.name().to_owned(),
                country: format!("{} ({})", country.name(), country.code()),
            })
            .within("zone"));
        }
        self.country = Some(country);
        self.zone = Some(zone);
        Ok(self)
    }

    /// The name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The country, when known.
    pub fn country(&self) -> Option<&Country> {
        self.country.as_ref()
    }

    /// The zone, when known.
    pub fn zone(&self) -> Option<Tz> {
        self.zone
    }
}

/// Who a participant is: a person (or a post whose holder is not named), or
/// a group.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Who {
    /// A person: a minister, a head of state or government, a head of an
    /// organisation, an official.
    Person(Minister),
    /// A group taking part as one.
    Group(Group),
}

/// Someone at a meeting: a person or a group, their roles (principal by
/// default; host, chair, attendee), how they attended a hybrid meeting, and
/// where they called from.
///
/// ```
/// use diplomeet::{Attendance, Country, Minister, Participant, PersonName, Place, Portfolio, Post, Role};
///
/// # fn main() -> Result<(), diplomeet::Error> {
/// let name = PersonName::builder().given("Vivian").surname("Balakrishnan").build()?;
/// let minister = Minister::builder(name, Country::from_code("SG")?)
///     .post(Post::new(Portfolio::ForeignAffairs, "Minister for Foreign Affairs")?)
///     .build()?;
/// let p = Participant::person(minister)
///     .role(Role::Host)
///     .attendance(Attendance::Remote)
///     .calling_from(Place::new("Bangkok")?)
///     .build()?;
/// assert!(p.has_role(Role::Principal) && p.has_role(Role::Host));
/// assert_eq!(p.attendance(), Some(Attendance::Remote));
/// assert_eq!(p.calling_from().map(|c| c.name()), Some("Bangkok"));
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Participant {
    who: Who,
    roles: Vec<Role>,
    attendance: Option<Attendance>,
    calling_from: Option<Place>,
}

impl Participant {
    /// Starts a builder for a person; principal unless another role is set
    /// ([`Role::Attendee`] alone makes a non-principal).
    pub fn person(minister: Minister) -> ParticipantBuilder {
        ParticipantBuilder::new(Who::Person(minister))
    }

    /// Starts a builder for a group.
    pub fn group(group: Group) -> ParticipantBuilder {
        ParticipantBuilder::new(Who::Group(group))
    }

    /// A principal, with nothing else said: what
    /// [`MeetingBuilder::participant`](crate::MeetingBuilder::participant)
    /// adds.
    pub fn principal(minister: Minister) -> Participant {
        Participant {
            who: Who::Person(minister),
            roles: vec![Role::Principal],
            attendance: None,
            calling_from: None,
        }
    }

    /// A group as a principal party, with nothing else said.
    pub(crate) fn of_group(group: Group) -> Participant {
        Participant {
            who: Who::Group(group),
            roles: vec![Role::Principal],
            attendance: None,
            calling_from: None,
        }
    }

    /// Who it is.
    pub fn who(&self) -> &Who {
        &self.who
    }

    /// The id entries use: the person's or the group's.
    pub fn id(&self) -> &str {
        match &self.who {
            Who::Person(m) => m.id(),
            Who::Group(g) => g.id(),
        }
    }

    /// The person, if it is one.
    pub fn minister(&self) -> Option<&Minister> {
        match &self.who {
            Who::Person(m) => Some(m),
            Who::Group(_) => None,
        }
    }

    /// The group, if it is one.
    pub fn group_info(&self) -> Option<&Group> {
        match &self.who {
            Who::Group(g) => Some(g),
            Who::Person(_) => None,
        }
    }

    /// The parties this participant counts: a person's country or
    /// organisation, or a group's members.
    pub fn parties(&self) -> &[Country] {
        match &self.who {
            Who::Person(m) => std::slice::from_ref(m.country()),
            Who::Group(g) => g.members(),
        }
    }

    /// The roles, each once, in the order given.
    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    /// Whether the participant has `role`.
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// Whether the participant is a principal.
    pub fn is_principal(&self) -> bool {
        self.has_role(Role::Principal)
    }

    /// How they attended a hybrid meeting, if said.
    pub fn attendance(&self) -> Option<Attendance> {
        self.attendance
    }

    /// Where they took part from, if said.
    pub fn calling_from(&self) -> Option<&Place> {
        self.calling_from.as_ref()
    }

    /// The participant's own clock: the place they called from, else a
    /// person's home zone; `None` for a group.
    pub fn clock_zone(&self) -> Option<Tz> {
        self.calling_from
            .as_ref()
            .and_then(Place::zone)
            .or_else(|| self.minister().map(Minister::home_zone))
    }
}

/// Builds a [`Participant`]; see there for an example.
#[derive(Debug, Clone)]
#[must_use]
pub struct ParticipantBuilder {
    who: Who,
    roles: Vec<Role>,
    attendance: Option<Attendance>,
    calling_from: Option<Place>,
}

impl ParticipantBuilder {
    fn new(who: Who) -> Self {
        ParticipantBuilder {
            who,
            roles: Vec::new(),
            attendance: None,
            calling_from: None,
        }
    }

    /// Adds a role.
    pub fn role(mut self, role: Role) -> Self {
        self.roles.push(role);
        self
    }

    /// Sets how they attended a hybrid meeting.
    pub fn attendance(mut self, attendance: Attendance) -> Self {
        self.attendance = Some(attendance);
        self
    }

    /// Sets where they took part from.
    pub fn calling_from(mut self, place: Place) -> Self {
        self.calling_from = Some(place);
        self
    }

    /// Builds the participant: principal when no role other than host or
    /// chair is given (a host or chair is a principal too); roles each once.
    ///
    /// # Errors
    ///
    /// A role given twice, or both principal and attendee; an attendance or
    /// a place called from for a group (its members are participants of
    /// their own, as the JSON document has it).
    ///
    /// ```
    /// use diplomeet::{Country, ErrorKind, Group, Participant, Place};
    ///
    /// # fn main() -> Result<(), diplomeet::Error> {
    /// let g7 = Group::new("g7", "the G7 foreign ministers", [Country::from_code("JP")?])?;
    /// let err = Participant::group(g7)
    ///     .calling_from(Place::new("Bangkok")?)
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!((err.kind(), err.path()), (ErrorKind::Inconsistent, "calling_from"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn build(self) -> Result<Participant, Error> {
        let mut out = Collector::new();
        if matches!(self.who, Who::Group(_)) {
            for (field, present) in [
                ("calling_from", self.calling_from.is_some()),
                ("attendance", self.attendance.is_some()),
            ] {
                if present {
                    out.push(
                        field,
                        Detail::Inconsistent(format!(
                            "a group participant has no {field}: its members are participants \
                             of their own"
                        )),
                    );
                }
            }
        }
        let mut roles: Vec<Role> = Vec::with_capacity(self.roles.len() + 1);
        for (i, r) in self.roles.iter().enumerate() {
            if roles.contains(r) {
                out.push_at(
                    || format!("roles[{i}]"),
                    Detail::Duplicate {
                        what: "role",
                        value: echo(r.as_str()),
                    },
                );
            } else {
                roles.push(*r);
            }
        }
        if roles.contains(&Role::Principal) && roles.contains(&Role::Attendee) {
            out.push(
                "roles",
                Detail::Inconsistent(
                    "a participant is a principal or an attendee, not both".into(),
                ),
            );
        }
        if !roles.contains(&Role::Attendee) && !roles.contains(&Role::Principal) {
            roles.insert(0, Role::Principal);
        }
        out.finish_value(Participant {
            who: self.who,
            roles,
            attendance: self.attendance,
            calling_from: self.calling_from,
        })
    }
}
