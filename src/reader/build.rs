//! From what was read to [`Meeting`]s, through the public builders: every
//! rule of the model is checked, and a meeting that breaks one is a
//! [`Failure`] with the builder's error, not a meeting.

use chrono::{Datelike, NaiveDate, NaiveDateTime, TimeDelta, Timelike};
use chrono_tz::Tz;

use super::Reader;
use super::meetings::{Ctx, Draft, EntryDraft, ItemDraft, Member, Person, PlaceRead};
use super::people::NameRead;
use super::result::{
    Basis, Fact, Failure, Field, ReadMeeting, Rule, UnreadReason, Warning, WarningKind,
};
use super::text::{Sp, key};
use super::timing::{self, ClockRead, Label};
use crate::agenda::{AgendaItem, Entry};
use crate::country::Country;
use crate::error::Error;
use crate::limits::Limits;
use crate::meeting::{
    Attendance, DateBasis, Meeting, MeetingForm, Mode, Occasion, Part, Participant, Place, Role,
    Source, StatedText, TitleBasis, Venue, ZoneBasis,
};
use crate::minister::{Minister, Portfolio, Post};
use crate::name::{NameOrder, PersonName};
use crate::time::{Disambiguation, StatedTime, ZonedDateTime};

/// What building produced.
pub(crate) struct Built {
    pub(crate) meetings: Vec<ReadMeeting>,
    pub(crate) failures: Vec<Failure>,
    pub(crate) warnings: Vec<Warning>,
    pub(crate) unread: Vec<(Sp, UnreadReason)>,
}

fn warn(out: &mut Vec<Warning>, kind: WarningKind, sp: Sp, message: String, error: Option<Error>) {
    out.push(Warning {
        kind,
        span: sp.range(),
        message,
        error,
    });
}

/// Title case for a name printed in capitals ("HAYASHI" → "Hayashi").
fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut start = true;
    for c in word.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = c == '-' || c == '\'' || c == '’';
    }
    out
}

/// The person's name from what was read and how the text referred to them
/// later.
fn person_name(
    name: &NameRead,
    run: Option<(usize, usize)>,
    facts: &mut Vec<Fact>,
) -> Result<PersonName, Error> {
    let words = &name.words;
    let n = words.len();
    let fix = |w: &String| {
        if name.uppercase
            && w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
        {
            title_case(w)
        } else {
            w.clone()
        }
    };
    let join = |a: usize, b: usize| -> Option<String> {
        let s: Vec<String> = words.get(a..b)?.iter().map(fix).collect();
        (!s.is_empty()).then(|| s.join(" "))
    };
    let mut b = PersonName::builder();
    let rule;
    if name.comma || name.uppercase {
        let k = name.surname_len.min(n);
        match name.order {
            NameOrder::SurnameFirst => {
                if let Some(s) = join(0, k) {
                    b = b.surname(s);
                }
                if let Some(g) = join(k, n) {
                    b = b.given(g);
                }
                b = b.order(NameOrder::SurnameFirst);
            }
            _ => {
                if let Some(g) = join(0, n - k) {
                    b = b.given(g);
                }
                if let Some(s) = join(n - k, n) {
                    b = b.surname(s);
                }
            }
        }
        b = b.uppercase_surname(name.uppercase);
        rule = if name.comma {
            Rule::CommaSurname
        } else {
            Rule::CapitalisedSurname
        };
    } else if let Some((wi, len)) = run.filter(|(wi, len)| *len < n && wi + len <= n) {
        rule = Rule::SurnameFromReference;
        if wi == 0 {
            if let Some(s) = join(0, len) {
                b = b.surname(s);
            }
            if let Some(g) = join(len, n) {
                b = b.given(g);
            }
            b = b.order(NameOrder::SurnameFirst);
        } else {
            if let Some(g) = join(0, wi) {
                b = b.given(g);
            }
            if let Some(s) = join(wi, wi + len) {
                b = b.surname(s);
            }
            if let Some(s2) = join(wi + len, n) {
                b = b.second_surname(s2);
            }
        }
    } else {
        rule = Rule::Mention;
        let k = name.surname_len.clamp(1, n.max(1));
        if n == 1 {
            if let Some(s) = join(0, 1) {
                b = b.surname(s);
            }
        } else {
            if let Some(g) = join(0, n - k) {
                b = b.given(g);
            }
            if let Some(s) = join(n - k, n) {
                b = b.surname(s);
            }
        }
    }
    let built = b.build()?;
    facts.push(Fact {
        field: Field::Name,
        span: name.sp.range(),
        basis: if rule == Rule::Mention {
            Basis::Stated
        } else {
            Basis::Inferred
        },
        rule,
        value: built.to_string(),
    });
    Ok(built)
}

/// Builds every draft.
pub(crate) fn build_all(ctx: &mut Ctx<'_>, reader: &Reader) -> Built {
    let mut built = Built {
        meetings: Vec::new(),
        failures: Vec::new(),
        warnings: Vec::new(),
        unread: Vec::new(),
    };
    // Custom actors for organisations the crate does not know.
    let mut next_code = b'A';
    let mut custom: Vec<(usize, Country)> = Vec::new();
    for (i, p) in ctx.persons.iter().enumerate() {
        if p.country.is_some() {
            continue;
        }
        if let Some((org, _)) = &p.read.unknown_org {
            while next_code <= b'Z' && (next_code == b'K') {
                next_code += 1;
            }
            if next_code > b'Z' {
                break;
            }
            let code = format!("X{}", next_code as char);
            next_code += 1;
            let name: String = org.chars().take(Country::MAX_NAME_LEN).collect();
            if let Ok(c) = Country::builder(&code)
                .name(name)
                .capital_zone(Tz::UTC)
                .build()
            {
                custom.push((i, c));
            }
        }
    }
    for (i, c) in custom {
        if let Some(p) = ctx.persons.get_mut(i) {
            let sp = p.read.sp;
            p.country = Some((c, sp, Rule::UndeclaredOrganisation));
        }
    }
    let drafts = std::mem::take(&mut ctx.drafts);
    let several = drafts.len() > 1;
    for mut d in drafts {
        assign_countries(ctx, &mut d);
        match build_one(
            ctx,
            reader,
            &mut d,
            several,
            &mut built.warnings,
            &mut built.unread,
        ) {
            Ok(m) => {
                // Stated times that disagree: reported, not fixed (a start
                // left a date has no time to check them against; the
                // reason was reported when it was left).
                let timed = matches!(m.when(), crate::Start::At(_));
                if let Err(e) = if timed {
                    m.check_stated_times()
                } else {
                    Ok(())
                } {
                    for v in e.violations() {
                        warn(
                            &mut built.warnings,
                            WarningKind::StatedTimesDisagree,
                            d.sp,
                            v.message(),
                            Some(e.clone()),
                        );
                    }
                }
                built.meetings.push(ReadMeeting {
                    meeting: m,
                    facts: d.facts,
                    span: d.sp.range(),
                });
            }
            Err(e) => built.failures.push(Failure {
                error: e,
                facts: d.facts,
                span: d.sp.range(),
            }),
        }
    }
    built
}

/// Gives every member without a country one, where the text supports it:
/// the title's pair ("Japan-Canada"), the place of the meeting for a
/// visitor's counterpart, the publisher's for its own side.
fn assign_countries(ctx: &mut Ctx<'_>, d: &mut Draft) {
    let known: Vec<Country> = d
        .members
        .iter()
        .filter_map(|m| {
            ctx.persons
                .get(m.person)
                .and_then(|p| p.country.as_ref().map(|c| c.0.clone()))
        })
        .collect();
    let missing: Vec<usize> = d
        .members
        .iter()
        .map(|m| m.person)
        .filter(|p| ctx.persons.get(*p).is_some_and(|x| x.country.is_none()))
        .collect();
    if missing.is_empty() {
        return;
    }
    let subject = d.members.first().map(|m| m.person);
    let publisher = ctx.home.country.clone();
    let mut taken = known.clone();
    for p in missing {
        let is_subject = Some(p) == subject;
        let mut choice: Option<(Country, Sp, Rule)> = None;
        if is_subject && !taken.contains(&publisher) {
            choice = Some((publisher.clone(), d.sp, Rule::PublisherCountry));
        }
        if choice.is_none() {
            let from_title: Vec<Country> = ctx
                .title
                .countries
                .iter()
                .filter(|c| !taken.contains(c))
                .cloned()
                .collect();
            if let [one] = from_title.as_slice() {
                choice = Some((
                    one.clone(),
                    ctx.title.countries_sp.unwrap_or(d.sp),
                    Rule::TitleCountries,
                ));
            }
        }
        if choice.is_none() {
            if let Some(v) = d.venue.as_ref().and_then(|v| v.country.clone()) {
                if !taken.contains(&v) && !is_subject {
                    choice = Some((
                        v,
                        d.venue.as_ref().map_or(d.sp, |v| v.sp),
                        Rule::PlaceCountry,
                    ));
                }
            }
        }
        if choice.is_none() && !taken.contains(&publisher) {
            choice = Some((publisher.clone(), d.sp, Rule::PublisherCountry));
        }
        if let Some((c, sp, rule)) = choice {
            taken.push(c.clone());
            d.fact(Field::Country, sp, Basis::Inferred, rule, c.code());
            if let Some(person) = ctx.persons.get_mut(p) {
                person.country = Some((c, sp, rule));
            }
        }
    }
}

fn minister(
    ctx: &Ctx<'_>,
    person: &Person,
    limits: &Limits,
    facts: &mut Vec<Fact>,
) -> Result<Minister, Error> {
    let Some((country, csp, crule)) = &person.country else {
        return Err(Error::new(crate::error::Detail::Inconsistent(format!(
            "no country or organisation for {:?}",
            super::text::clean(ctx.text, person.read.sp)
        ))));
    };
    facts.push(Fact {
        field: Field::Country,
        span: csp.range(),
        basis: if matches!(
            crule,
            Rule::OfCountry | Rule::CountryAdjective | Rule::Organisation
        ) {
            Basis::Stated
        } else {
            Basis::Inferred
        },
        rule: *crule,
        value: country.code().to_owned(),
    });
    let mut posts = Vec::new();
    for p in &person.read.posts {
        // The portfolio again, now that the country is known ("Secretary"
        // of the United States is its foreign minister).
        let portfolio = if p.portfolio == Portfolio::Other {
            super::people::portfolio(&p.title, Some(country))
        } else {
            p.portfolio
        };
        let mut post = Post::new(portfolio, p.title.clone())?.with_status(p.status);
        if p.portfolio == Portfolio::Other && key(&p.title).contains("ambassador") {
            post = post.with_portfolio_name("diplomatic mission")?;
        }
        facts.push(Fact {
            field: Field::Post,
            span: p.sp.range(),
            basis: Basis::Stated,
            rule: Rule::Mention,
            value: p.title.clone(),
        });
        posts.push(post);
    }
    let b = match &person.read.name {
        Some(n) => {
            let run = person.surname_run.map(|(a, b, _)| (a, b));
            let name = person_name(n, run, facts)?;
            let mut b = Minister::builder(name, country.clone());
            if posts.is_empty() {
                // A person named without a post: the reader says so.
                b = b.post(Post::new(Portfolio::Other, "post not stated")?);
            }
            for p in posts {
                b = b.post(p);
            }
            b
        }
        None => {
            let mut it = posts.into_iter();
            let first = match it.next() {
                Some(p) => p,
                None => Post::new(Portfolio::Other, "representative")?,
            };
            let mut b = Minister::by_post(country.clone(), first);
            for p in it {
                b = b.post(p);
            }
            b
        }
    };
    let b = match &person.read.honorific {
        Some((h, sp)) => {
            facts.push(Fact {
                field: Field::Honorific,
                span: sp.range(),
                basis: Basis::Stated,
                rule: Rule::Mention,
                value: h.clone(),
            });
            b.honorific(h.clone())
        }
        None => b,
    };
    b.limits(*limits).build()
}

/// The meeting's date, with its basis.
fn meeting_date(
    ctx: &Ctx<'_>,
    d: &mut Draft,
    several: bool,
    warnings: &mut Vec<Warning>,
) -> Option<(NaiveDate, DateBasis)> {
    let published = ctx.published;
    let title_date = ctx
        .title
        .date
        .and_then(|(wd, sp)| wd.resolve(published).map(|(date, _)| (date, sp)));
    if let Some((wd, sp)) = d.clause.date {
        if let Some((date, inferred)) = wd.resolve(published) {
            let basis = match (inferred, published) {
                (true, Some(p)) => {
                    d.fact(
                        Field::Date,
                        sp,
                        Basis::Inferred,
                        Rule::YearFromPublication,
                        date.to_string(),
                    );
                    DateBasis::YearInferred { published: p }
                }
                _ => {
                    d.fact(
                        Field::Date,
                        sp,
                        Basis::Stated,
                        Rule::WrittenDate,
                        date.to_string(),
                    );
                    DateBasis::Stated
                }
            };
            return Some((date, basis));
        }
    }
    let relative = d.clause.relative.clone().or_else(|| {
        if several {
            ctx.page_relative.clone()
        } else {
            None
        }
    });
    let rel_date = relative.as_ref().and_then(|(r, sp, phrase)| {
        let p = published?;
        let date = p.checked_sub_signed(TimeDelta::try_days(r.days_before)?)?;
        Some((date, *sp, phrase.clone(), p))
    });
    if let Some((td, tsp)) = title_date {
        if let Some((rd, rsp, phrase, _)) = &rel_date {
            if *rd != td {
                warn(
                    warnings,
                    WarningKind::DatesDisagree,
                    *rsp,
                    format!(
                        "{phrase:?} is {rd} by the publication date, the title says {td}: the title's date is kept"
                    ),
                    None,
                );
            }
        }
        d.fact(
            Field::Date,
            tsp,
            Basis::Stated,
            Rule::TitleDate,
            td.to_string(),
        );
        return Some((td, DateBasis::Stated));
    }
    if let Some((date, sp, phrase, p)) = rel_date {
        d.fact(
            Field::Date,
            sp,
            Basis::Inferred,
            Rule::RelativeDate,
            date.to_string(),
        );
        return Some((
            date,
            DateBasis::Relative {
                phrase,
                published: p,
            },
        ));
    }
    None
}

/// The resolved start: civil time, zone, basis.
struct StartRead {
    civil: NaiveDateTime,
    zone: Tz,
    basis: ZoneBasis,
    approximate: bool,
}

/// Resolves the start from the clocks (see the module docs of
/// [`timing`]), and collects the stated times.
#[allow(clippy::too_many_arguments)]
fn resolve_start(
    ctx: &Ctx<'_>,
    d: &mut Draft,
    date: NaiveDate,
    in_person: bool,
    venue: &mut Option<PlaceRead>,
    calling: Option<&PlaceRead>,
    candidates: &[Tz],
    warnings: &mut Vec<Warning>,
) -> (Option<StartRead>, Vec<StatedText>, Option<TimeDelta>) {
    let clocks: Vec<ClockRead> = d.clause.clocks.clone();
    let mut stated = Vec::new();
    let Some(first) = clocks.iter().find(|c| !c.end) else {
        return (None, stated, None);
    };
    let home = &ctx.home;
    let civil_of = |c: &ClockRead| -> NaiveDateTime {
        let day = c
            .date
            .and_then(|wd| wd.resolve(Some(date)).map(|(x, _)| x))
            .unwrap_or(date);
        day.and_time(c.clock.time)
    };
    let place = if in_person {
        venue.clone()
    } else {
        calling.cloned()
    };
    let local_zone = place.as_ref().and_then(|p| p.zone);
    let local_country = place.as_ref().and_then(|p| p.country.clone());
    let mut cands: Vec<Tz> = candidates.to_vec();
    if let Some(z) = local_zone {
        cands.insert(0, z);
    }
    let first_civil = civil_of(first);
    for c in &clocks {
        d.fact(
            Field::StatedTime,
            c.sp,
            Basis::Stated,
            match c.label {
                Label::Local => Rule::LocalTime,
                Label::Home => Rule::HomeTime,
                Label::City(_) => Rule::CityTime,
                Label::Abbrev(_) | Label::Offset(_) => Rule::ZoneAbbreviation,
                Label::None => Rule::WrittenTime,
            },
            super::meetings::clock_value(c),
        );
    }
    // The start's zone and instant.
    let mut out: Option<StartRead> = None;
    let approximate = first.clock.approximate;
    match &first.label {
        Label::Local => {
            if let Some(z) = local_zone {
                out = Some(StartRead {
                    civil: first_civil,
                    zone: z,
                    basis: ZoneBasis::StatedLocal,
                    approximate,
                });
            } else {
                // The venue's zone from the offset to another stated clock.
                let other = clocks.iter().skip(1).filter(|c| !c.end).find_map(|c| {
                    timing::clock_instant(c, civil_of(c).date(), home, &cands).map(|(i, _)| i)
                });
                if let (Some(instant), Some(country)) = (other, local_country.as_ref()) {
                    let offset = (first_civil - instant.naive_utc()).num_seconds();
                    if let Some(z) = i32::try_from(offset)
                        .ok()
                        .and_then(|o| timing::zone_on_offset(country, instant, o))
                    {
                        if let Some(v) = venue.as_mut().filter(|_| in_person) {
                            v.zone = Some(z);
                            v.rule = Rule::ZoneFromOffset;
                        }
                        d.fact(
                            Field::Zone,
                            first.sp,
                            Basis::Inferred,
                            Rule::ZoneFromOffset,
                            z.name(),
                        );
                        out = Some(StartRead {
                            civil: first_civil,
                            zone: z,
                            basis: ZoneBasis::StatedLocal,
                            approximate,
                        });
                    }
                }
                if out.is_none() {
                    warn(warnings, WarningKind::ZoneUnknown, first.sp, "a local time is stated but the place's zone is unknown: the start is left a date".into(), None);
                }
            }
        }
        Label::None => {
            let venue_zone = venue.as_ref().and_then(|v| v.zone).filter(|_| in_person);
            match venue_zone {
                Some(z) if z == home.zone || same_offset_all_year(z, home.zone, date) => {
                    d.fact(
                        Field::Zone,
                        first.sp,
                        Basis::Inferred,
                        Rule::HomeVenueClock,
                        z.name(),
                    );
                    out = Some(StartRead {
                        civil: first_civil,
                        zone: z,
                        basis: ZoneBasis::NotStated,
                        approximate,
                    });
                }
                _ => warn(
                    warnings,
                    WarningKind::ZoneUnknown,
                    first.sp,
                    "a time is stated with no zone: the start is left a date".into(),
                    None,
                ),
            }
        }
        _ => {
            if let Some((instant, zone)) =
                timing::clock_instant(first, first_civil.date(), home, &cands)
            {
                let basis = if zone == Some(home.zone) {
                    ZoneBasis::StatedHome
                } else {
                    ZoneBasis::StatedLocal
                };
                let target = if in_person {
                    venue.as_ref().and_then(|v| v.zone)
                } else {
                    None
                };
                let z = target.or(zone).or_else(|| {
                    // An offset alone: a zone of the meeting on that offset.
                    cands.iter().copied().find(|z| {
                        ZonedDateTime::from_instant(instant, *z)
                            .offset()
                            .local_minus_utc()
                            == match &first.label {
                                Label::Offset(o) => o.local_minus_utc(),
                                _ => i32::MIN,
                            }
                    })
                });
                if let Some(z) = z {
                    let local = ZonedDateTime::from_instant(instant, z);
                    out = Some(StartRead {
                        civil: local.civil(),
                        zone: z,
                        basis,
                        approximate,
                    });
                }
            }
            if out.is_none() {
                warn(
                    warnings,
                    WarningKind::ZoneUnknown,
                    first.sp,
                    "the zone of the stated time is unknown: the start is left a date".into(),
                    None,
                );
            }
        }
    }
    // Stated clocks more than an hour apart from the start: not a writer
    // who assumed summer time (reported below, when the meeting is
    // checked) but a start the reader cannot stand behind: it stays a
    // date.
    if let Some(o) = &out {
        let start = ZonedDateTime::resolve(o.civil, o.zone, Disambiguation::Earlier).ok();
        let far = clocks.iter().skip(1).filter(|c| !c.end).find_map(|c| {
            let (other, _) = timing::clock_instant(c, civil_of(c).date(), home, &cands)?;
            let gap = (other - start.as_ref()?.instant()).num_minutes().abs();
            // "12 a.m." written for noon (or "12 p.m." for midnight): a
            // known slip, twelve hours off; reported, not a reason to doubt
            // the local time.
            let twelve = gap == 12 * 60 && matches!(c.clock.time.hour(), 0 | 12);
            (gap > 60 && !twelve).then_some((c.sp, gap))
        });
        if let Some((sp, gap)) = far {
            warn(
                warnings,
                WarningKind::StatedTimesDisagree,
                sp,
                format!(
                    "the stated times are {} hours and {} minutes apart: the start is left a date",
                    gap / 60,
                    gap % 60
                ),
                None,
            );
            out = None;
        }
    }
    // Stated times: each clock whose zone can be named.
    for c in clocks.iter().filter(|c| !c.end) {
        let civil = civil_of(c);
        let zone = match &c.label {
            Label::Local => out.as_ref().map(|o| o.zone).or(local_zone),
            Label::Home => Some(home.zone),
            Label::City(z) => Some(*z),
            Label::Abbrev(a) => {
                let mut all = vec![home.zone];
                all.extend(cands.iter().copied());
                timing::abbreviation_zone(a, civil, &all)
            }
            Label::Offset(_) => None,
            Label::None => continue,
        };
        if matches!(c.label, Label::Local) && zone.is_none() {
            continue;
        }
        // An abbreviation the reader resolved is kept as its zone's name
        // (the words keep the abbreviation): the check then needs no
        // participant on that clock.
        let label = match (&c.label, zone) {
            (Label::Abbrev(_), Some(z)) => Label::City(z),
            (l, _) => l.clone(),
        };
        if let Some(text) = timing::stated_text(civil, &label, zone) {
            if let Ok(t) = text.parse::<StatedTime>() {
                let words = super::text::clean(ctx.text, c.sp);
                let st = StatedText::new(t);
                stated.push(if words.is_empty() {
                    st
                } else {
                    st.with_text(words)
                });
            }
        }
    }
    // A range: "from 9:30 p.m. to 10:15 p.m.".
    let mut range = None;
    if let (Some(end), Some(o)) = (clocks.iter().find(|c| c.end), out.as_ref()) {
        let mut e = civil_of(end);
        if e <= first_civil {
            e = e
                .checked_add_signed(TimeDelta::try_days(1).unwrap_or_default())
                .unwrap_or(e);
        }
        let _ = o;
        range = Some(e - first_civil);
    }
    (out, stated, range)
}

/// Whether two zones keep the same offset through the date's year (an
/// unzoned time at the venue is then the home time too).
fn same_offset_all_year(a: Tz, b: Tz, date: NaiveDate) -> bool {
    use chrono::{Offset, TimeZone};
    (1..=12).all(|m| {
        NaiveDate::from_ymd_opt(date.year(), m, 1)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .is_some_and(|t| {
                a.offset_from_utc_datetime(&t).fix() == b.offset_from_utc_datetime(&t).fix()
            })
    })
}

#[allow(clippy::too_many_arguments)]
fn build_one(
    ctx: &Ctx<'_>,
    reader: &Reader,
    d: &mut Draft,
    several: bool,
    warnings: &mut Vec<Warning>,
    unread: &mut Vec<(Sp, UnreadReason)>,
) -> Result<Meeting, Error> {
    let limits = reader.limits;
    // Mode and form.
    let (mode, form) = mode_form(d);
    let in_person = mode.has_venue();
    // Title.
    let (title, title_basis) = title(ctx, d, several, mode, form);
    let mut b = Meeting::builder(title.clone())
        .title_basis(title_basis)
        .limits(limits);
    b = b.mode(mode).form(form).status(d.status);
    d.fact(
        Field::Mode,
        d.mode.map_or(d.sp, |m| m.1),
        if d.mode.is_some() {
            Basis::Stated
        } else {
            Basis::Inferred
        },
        d.mode.map_or(Rule::DefaultInPerson, |m| m.2),
        mode.as_str(),
    );
    d.fact(
        Field::Form,
        d.form.map_or(d.sp, |f| f.1),
        if d.form.is_some() {
            Basis::Stated
        } else {
            Basis::Inferred
        },
        d.form.map_or(Rule::DefaultInPerson, |f| f.2),
        form.as_str(),
    );
    // Participants.
    let mut ids: Vec<(usize, String)> = Vec::new();
    let mut facts = Vec::new();
    let mut participants = Vec::new();
    let max = limits.max_participants();
    for m in &d.members {
        if participants.len() >= max {
            if let Some(p) = ctx.persons.get(m.person) {
                unread.push((p.read.sp, UnreadReason::OverLimit));
            }
            continue;
        }
        let Some(person) = ctx.persons.get(m.person) else {
            continue;
        };
        let minister = match minister(ctx, person, &limits, &mut facts) {
            Ok(x) => x,
            Err(e) => {
                warn(
                    warnings,
                    WarningKind::Dropped,
                    person.read.sp,
                    format!("participant not read: {e}"),
                    Some(e),
                );
                unread.push((person.read.sp, UnreadReason::UnknownParty));
                continue;
            }
        };
        facts.push(Fact {
            field: Field::Participant,
            span: person.read.sp.range(),
            basis: Basis::Stated,
            rule: Rule::Mention,
            value: minister.id().to_owned(),
        });
        if ids.iter().any(|(_, id)| id == minister.id()) {
            continue;
        }
        ids.push((m.person, minister.id().to_owned()));
        participants.push((m.clone(), minister));
    }
    d.facts.append(&mut facts);
    // Date and venue.
    let date = meeting_date(ctx, d, several, warnings);
    if in_person && d.venue.is_none() {
        d.venue = venue_from_occasion(d);
    }
    let mut venue = d.venue.clone().filter(|_| in_person);
    let calling = d.members.first().and_then(|m| m.calling_from.clone());
    let candidates: Vec<Tz> = participants
        .iter()
        .map(|(_, m)| m.home_zone())
        .chain(venue.as_ref().and_then(|v| v.zone))
        .chain(calling.as_ref().and_then(|c| c.zone))
        .collect();
    let mut start: Option<StartRead> = None;
    let mut stated = Vec::new();
    let mut range = None;
    if let Some((date, basis)) = &date {
        let (s, st, r) = resolve_start(
            ctx,
            d,
            *date,
            in_person,
            &mut venue,
            calling.as_ref(),
            &candidates,
            warnings,
        );
        start = s;
        stated = st;
        range = r;
        b = b.date_basis(basis.clone());
    }
    // Venue.
    let mut venue_zone = None;
    if let Some(v) = &venue {
        match (&v.country, v.zone) {
            (Some(c), Some(z)) => match Venue::new(v.name.clone(), c.clone(), z) {
                Ok(x) => {
                    b = b.venue(x.with_basis(v.basis));
                    venue_zone = Some(z);
                    d.fact(
                        Field::Venue,
                        v.sp,
                        Basis::Stated,
                        Rule::NamedPlace,
                        v.name.clone(),
                    );
                    d.fact(Field::Zone, v.sp, Basis::Inferred, v.rule, z.name());
                }
                Err(e) => warn(
                    warnings,
                    WarningKind::Dropped,
                    v.sp,
                    format!("venue not used: {e}"),
                    Some(e),
                ),
            },
            _ => warn(
                warnings,
                WarningKind::PlaceUnknown,
                v.sp,
                format!("the zone of {:?} is not known: no venue", v.name),
                None,
            ),
        }
    }
    // Start.
    let mut start_zone = None;
    match (&start, &date) {
        (Some(s), _) if venue_zone.is_none_or(|vz| vz == s.zone) => {
            b = b
                .starts_at(s.civil)
                .start_approximate(s.approximate)
                .zone_basis(s.basis);
            if venue_zone.is_none() {
                b = b.zone(s.zone);
            }
            start_zone = Some(s.zone);
            let value = format!("{} {}", s.civil.format("%Y-%m-%dT%H:%M"), s.zone.name());
            d.fact(
                Field::Start,
                d.clause.clocks.first().map_or(d.sp, |c| c.sp),
                Basis::Stated,
                Rule::WrittenTime,
                value,
            );
            if s.approximate {
                d.fact(
                    Field::StartApproximate,
                    d.clause.clocks.first().map_or(d.sp, |c| c.sp),
                    Basis::Stated,
                    Rule::ApproximateStart,
                    "true",
                );
            }
        }
        (_, Some((date, _))) => {
            b = b.starts_on(*date);
            if venue_zone.is_none() && !in_person {
                b = b.zone(ctx.home.zone).zone_basis(ZoneBasis::Publisher);
                start_zone = Some(ctx.home.zone);
            }
        }
        _ => {}
    }
    for st in stated.into_iter().take(limits.max_list_len()) {
        b = b.stated_time_text(st);
    }
    // Duration.
    let duration = d.clause.duration.map(|(l, sp)| {
        (
            TimeDelta::try_seconds(l.seconds),
            l.approximate,
            sp,
            Rule::WrittenDuration,
        )
    });
    let duration =
        duration.or_else(|| range.map(|r| (Some(r), false, d.sp, Rule::DurationFromRange)));
    if let Some((Some(dur), approx, sp, rule)) = duration {
        if dur > TimeDelta::zero() && dur <= TimeDelta::try_hours(24).unwrap_or(dur) {
            b = b.duration(dur).approximate(approx);
            d.fact(
                Field::Duration,
                sp,
                if rule == Rule::WrittenDuration {
                    Basis::Stated
                } else {
                    Basis::Inferred
                },
                rule,
                crate::time::format_duration(dur),
            );
        }
    }
    // Occasion.
    if let Some((name, rel, sp)) = &d.occasion {
        if let Ok(o) = Occasion::new(name.clone(), *rel) {
            b = b.occasion_with(o);
            d.fact(
                Field::Occasion,
                *sp,
                Basis::Stated,
                Rule::Occasion,
                name.clone(),
            );
        }
    }
    // Participants into the builder.
    let hybrid = mode == Mode::Hybrid;
    for (m, minister) in participants {
        let mut pb = Participant::person(minister);
        if m.host {
            pb = pb.role(Role::Host);
        }
        if m.attendee {
            pb = pb.role(Role::Attendee);
        }
        if hybrid {
            pb = pb.attendance(if m.remote {
                Attendance::Remote
            } else {
                Attendance::InRoom
            });
        }
        if let Some(c) = &m.calling_from {
            if let Ok(mut place) = Place::new(c.name.clone()) {
                if let (Some(country), Some(z)) = (&c.country, c.zone) {
                    if let Ok(p2) = place.clone().in_country(country.clone(), z) {
                        place = p2;
                    }
                }
                pb = pb.calling_from(place);
                d.fact(
                    Field::CallingFrom,
                    c.sp,
                    Basis::Stated,
                    Rule::CallingFrom,
                    c.name.clone(),
                );
            }
        }
        b = b.with_participant(pb.build()?);
    }
    // Items.
    let id_of = |p: usize| ids.iter().find(|(q, _)| *q == p).map(|(_, id)| id.clone());
    let mut n_items = 0;
    for item in &d.items {
        if n_items >= limits.max_agenda_items() {
            unread.push((item.sp, UnreadReason::OverLimit));
            continue;
        }
        match build_item(item, &id_of, &limits, ctx.source_index(), unread) {
            // `max_agenda_items` counts sub-items too: an item that would
            // take the agenda over it is unread, whole.
            Some(built) if n_items + items_in(&built) <= limits.max_agenda_items() => {
                n_items += items_in(&built);
                b = b.agenda_item(built);
            }
            Some(_) | None => unread.push((item.sp, UnreadReason::OverLimit)),
        }
    }
    // Parts.
    for p in d.parts.iter().take(limits.max_parts()) {
        let mut pb = Part::builder(p.form).limits(limits);
        if let Some(t) = &p.title {
            pb = pb.title(t.clone());
        }
        if let Some(cl) = &p.clause {
            if let (Some(c), Some(z), Some((date, _))) = (cl.clocks.first(), start_zone, &date) {
                let day = c
                    .date
                    .and_then(|wd| wd.resolve(Some(*date)).map(|(x, _)| x))
                    .unwrap_or(*date);
                if start.is_some() {
                    pb = pb.starts_at(day.and_time(c.clock.time));
                } else {
                    pb = pb.starts_on(day);
                }
                let _ = z;
            }
            if let Some((l, _)) = cl.duration {
                if let Some(dur) = TimeDelta::try_seconds(l.seconds) {
                    pb = pb.duration(dur).approximate(l.approximate);
                }
            }
        }
        match pb.build() {
            Ok(part) => b = b.part(part),
            Err(e) => warn(
                warnings,
                WarningKind::Dropped,
                p.sp,
                format!("part not read: {e}"),
                Some(e),
            ),
        }
    }
    // Source.
    if let Some(url) = &reader.url {
        if let Ok(mut s) = Source::new(url.clone(), reader.publisher_name.clone()) {
            s = s.by(ctx.home.country.clone());
            if let Some(p) = ctx.published {
                s = s.published(p);
            }
            // "The below is attributable to Spokesperson ...:"
            let attribution = ctx.ignored.iter().find_map(|(sp, kind)| {
                (*kind == super::result::IgnoredKind::Attribution)
                    .then(|| ctx.text.get(sp.range()))
                    .flatten()
                    .and_then(super::styles::attribution_words)
                    .map(|w| (*sp, w))
            });
            if let Some((sp, words)) = attribution {
                if let Ok(with) = s.clone().attributed_to(words) {
                    s = with;
                    d.fact(
                        Field::Attribution,
                        sp,
                        Basis::Stated,
                        Rule::AttributionLine,
                        words,
                    );
                }
            }
            b = b.source(s);
        }
    }
    let retry = b.clone();
    match b.build() {
        Ok(m) => Ok(m),
        Err(e) if e.violations().any(|v| v.path().starts_with("start")) => {
            // A civil time the zone skips or repeats: keep the date, report.
            warn(
                warnings,
                WarningKind::Dropped,
                d.sp,
                format!("start not used: {e}"),
                Some(e),
            );
            let mut r = retry.disambiguation(Disambiguation::Reject);
            if let Some((date, _)) = &date {
                r = r.starts_on(*date).start_approximate(false);
            }
            r.build()
        }
        Err(e) => Err(e),
    }
}

/// A venue from the occasion's name when it names a well-known city ("the
/// Rome Mediterranean Dialogues"): inferred, not stated.
fn venue_from_occasion(d: &Draft) -> Option<PlaceRead> {
    let (name, _, sp) = d.occasion.as_ref()?;
    let toks = super::text::tokenize(name, 0);
    for t in toks.iter().filter(|t| t.is_word() && t.is_capitalized()) {
        if super::places::country_named(t.text).is_some() || super::people::is_post_word(t.text) {
            continue;
        }
        let mut all = crate::gazetteer::lookup(t.text);
        let Some(best) = all.next() else { continue };
        let big = best.is_capital() || best.population().is_some_and(|p| p >= 500_000);
        if !big
            || all.any(|p| {
                p.zone() != best.zone()
                    && p.population().unwrap_or(0) >= best.population().unwrap_or(0) / 3
            })
        {
            continue;
        }
        return Some(PlaceRead {
            name: best.name().to_owned(),
            sp: *sp,
            country: Some(best.country().clone()),
            zone: Some(best.zone()),
            rule: Rule::Occasion,
            basis: crate::meeting::PlaceBasis::InferredFromOccasion,
        });
    }
    None
}

fn build_item(
    item: &ItemDraft,
    id_of: &dyn Fn(usize) -> Option<String>,
    limits: &Limits,
    source: Option<usize>,
    unread: &mut Vec<(Sp, UnreadReason)>,
) -> Option<AgendaItem> {
    let mut b = AgendaItem::builder().limits(*limits);
    if let Some((l, _)) = &item.label {
        b = b.label(l.clone());
    }
    if let Some((h, _)) = &item.heading {
        b = b.title(h.clone());
    }
    for (i, e) in item.entries.iter().enumerate() {
        if i >= limits.max_entries() {
            unread.push((e.sp, UnreadReason::OverLimit));
            continue;
        }
        if let Some(entry) = entry(e, id_of, limits, source) {
            b = b.entry(entry);
        } else {
            unread.push((e.sp, UnreadReason::OverLimit));
        }
    }
    for sub in &item.subs {
        if let Some(s) = build_item(sub, id_of, limits, source, unread) {
            b = b.item(s);
        }
    }
    b.build().ok()
}

fn entry(
    e: &EntryDraft,
    id_of: &dyn Fn(usize) -> Option<String>,
    limits: &Limits,
    source: Option<usize>,
) -> Option<Entry> {
    let mut who: Vec<String> = Vec::new();
    for p in &e.who {
        let id = id_of(*p)?;
        if !who.contains(&id) {
            who.push(id);
        }
    }
    if who.is_empty() || e.text.chars().count() > limits.max_text_len() || e.text.trim().is_empty()
    {
        return None;
    }
    let mut entry = Entry::by(who, e.verb, e.text.clone());
    if key(&e.wording) != key(e.verb.phrase())
        && !e.wording.is_empty()
        && e.wording.chars().count() <= limits.max_name_len()
    {
        entry = entry.with_wording(e.wording.clone());
    }
    if let Some(s) = source {
        entry = entry.with_source(s);
    }
    Some(entry)
}

/// The mode and form: as read, else in person; a telephone or video
/// meeting named only "meeting" is a talk when its words say so.
fn mode_form(d: &Draft) -> (Mode, MeetingForm) {
    let mode = d.mode.map_or(Mode::InPerson, |m| m.0);
    let form = d.form.map_or(MeetingForm::Meeting, |f| f.0);
    (mode, form)
}

fn title(
    ctx: &Ctx<'_>,
    d: &mut Draft,
    several: bool,
    mode: Mode,
    form: MeetingForm,
) -> (String, TitleBasis) {
    if let Some((t, sp, given)) = d.title.clone() {
        d.fact(
            Field::Title,
            sp,
            if given {
                Basis::Stated
            } else {
                Basis::Inferred
            },
            Rule::TitleLine,
            t.clone(),
        );
        return (
            t,
            if given {
                TitleBasis::Given
            } else {
                TitleBasis::Descriptive
            },
        );
    }
    if !several
        && !ctx.title.category
        && !ctx.title.text.is_empty()
        && ctx.title.text.chars().count() <= 500
    {
        if let Some(sp) = ctx.title.sp {
            d.fact(
                Field::Title,
                sp,
                Basis::Stated,
                Rule::TitleLine,
                ctx.title.text.clone(),
            );
        }
        return (ctx.title.text.clone(), TitleBasis::Given);
    }
    // Descriptive: "Meeting with X", "Telephone talk with X".
    let what = match (mode, form) {
        (Mode::Telephone, _) => "Telephone talk",
        (Mode::Video, _) => "Video conference",
        (_, MeetingForm::CourtesyCall) => "Courtesy call",
        (_, MeetingForm::WorkingMeal) => "Working meal",
        (_, MeetingForm::Summit) => "Summit meeting",
        (_, MeetingForm::Talk) => "Talks",
        _ => "Meeting",
    };
    let other = d
        .members
        .get(1)
        .and_then(|m| ctx.persons.get(m.person))
        .map(|p| match (&p.read.name, p.read.posts.first()) {
            (Some(n), _) => n.display(),
            (None, Some(post)) => match &p.country {
                Some((c, _, _)) => format!("the {} of {}", post.title, c.formal_name_in_sentence()),
                None => format!("the {}", post.title),
            },
            _ => "counterpart".to_owned(),
        })
        .unwrap_or_else(|| "counterpart".to_owned());
    let t: String = format!("{what} with {other}").chars().take(500).collect();
    d.fact(
        Field::Title,
        d.sp,
        Basis::Inferred,
        Rule::DescriptiveTitle,
        t.clone(),
    );
    (t, TitleBasis::Descriptive)
}

impl Ctx<'_> {
    /// The index of the reader's source, when it has one.
    pub(crate) fn source_index(&self) -> Option<usize> {
        self.has_source.then_some(0)
    }
}

#[allow(dead_code)]
fn unused(_: &Member) {}

/// An item and its sub-items at every level (as `max_agenda_items` counts
/// them; the depth is bounded by `max_agenda_depth`).
fn items_in(item: &AgendaItem) -> usize {
    1 + item.items().iter().map(items_in).sum::<usize>()
}
