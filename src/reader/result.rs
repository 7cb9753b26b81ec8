//! The result types: [`Reading`], with the [`ReadMeeting`]s built, the
//! [`Failure`]s that could not be, and the provenance of everything:
//! [`Fact`]s with their spans, [`Basis`] and [`Rule`]; [`Unread`] parts
//! with their [`UnreadReason`]; [`Ignored`] boilerplate; [`Warning`]s.

use std::ops::Range;

use crate::error::Error;
use crate::meeting::Meeting;
use crate::named::named_enum;

named_enum! {
    /// The layout a readout is written in.
    ///
    /// ```
    /// use diplomeet::reader::Style;
    ///
    /// assert_eq!(Style::Mofa.as_str(), "mofa");
    /// assert_eq!("prose".parse::<Style>()?, Style::Prose);
    /// # Ok::<(), diplomeet::Error>(())
    /// ```
    pub enum Style ("readout style", "diplomeet::reader::Style") {
        /// Japan's MOFA overview: a lead sentence with date, time, duration
        /// and participants, then numbered items.
        Mofa = "mofa",
        /// Unnumbered paragraphs (the U.S. Department of State, the UK FCDO
        /// and No 10, Global Affairs Canada, Singapore's MFA, India's MEA
        /// and most others).
        Prose = "prose",
    }
}

named_enum! {
    /// Which part of a meeting a [`Fact`] is about.
    ///
    /// ```
    /// use diplomeet::reader::Field;
    ///
    /// assert_eq!(Field::Start.to_string(), "start");
    /// ```
    pub enum Field ("fact field", "diplomeet::reader::Field") {
        /// The title.
        Title = "title",
        /// Telephone, video, in person or hybrid.
        Mode = "mode",
        /// Meeting, talk, courtesy call, working meal, summit.
        Form = "form",
        /// Held, scheduled, postponed or cancelled.
        Status = "status",
        /// The date.
        Date = "date",
        /// A time of day as stated (one stated time each).
        StatedTime = "stated_time",
        /// The zone the start is in.
        Zone = "zone",
        /// The resolved start.
        Start = "start",
        /// Whether the start is approximate.
        StartApproximate = "start_approximate",
        /// The duration.
        Duration = "duration",
        /// The venue.
        Venue = "venue",
        /// The occasion.
        Occasion = "occasion",
        /// A participant (person, post or group).
        Participant = "participant",
        /// A participant's name.
        Name = "name",
        /// A participant's honorific.
        Honorific = "honorific",
        /// A participant's post.
        Post = "post",
        /// A participant's country or organisation.
        Country = "country",
        /// A participant's role (host, attendee).
        Role = "role",
        /// Where a participant took part from.
        CallingFrom = "calling_from",
        /// An agenda item.
        Item = "item",
        /// An entry of an item: who, with what verb.
        Entry = "entry",
        /// A part (a working dinner after the meeting).
        Part = "part",
        /// The publication date.
        Published = "published",
        /// Whom the page attributes its text to (a spokesperson), kept on
        /// the source.
        Attribution = "attribution",
    }
}

named_enum! {
    /// Whether the text states a fact or the reader inferred it.
    pub enum Basis ("fact basis", "diplomeet::reader::Basis") {
        /// The text states it (the span holds the words).
        Stated = "stated",
        /// The reader inferred it by a [`Rule`] (the span holds what it
        /// rests on).
        Inferred = "inferred",
    }
}

named_enum! {
    /// How the reader took a fact from the text: the rule that read it (for
    /// a stated fact) or inferred it.
    ///
    /// ```
    /// use diplomeet::reader::Rule;
    ///
    /// assert_eq!(Rule::YearFromPublication.as_str(), "year_from_publication");
    /// ```
    pub enum Rule ("reader rule", "diplomeet::reader::Rule") {
        /// The title line.
        TitleLine = "title_line",
        /// A title written to describe a meeting whose text gives none.
        DescriptiveTitle = "descriptive_title",
        /// The words of the meeting predicate ("held a telephone talk with",
        /// "met", "spoke with").
        MeetingVerb = "meeting_verb",
        /// The title's words ("Telephone Talk", "Working Dinner").
        TitleWords = "title_words",
        /// A meeting in person because nothing says otherwise.
        DefaultInPerson = "default_in_person",
        /// A date written out ("On November 13", "22 July 2008").
        WrittenDate = "written_date",
        /// The year of a date written without one, from the publication
        /// date.
        YearFromPublication = "year_from_publication",
        /// A relative date ("today", "yesterday") resolved against the
        /// publication date.
        RelativeDate = "relative_date",
        /// A date in the title ("PM meeting with ...: 12 June 2021").
        TitleDate = "title_date",
        /// The page's date line.
        DateLine = "date_line",
        /// A line that attributes the text ("The below is attributable to
        /// Spokesperson ...:"), which also stays among the ignored
        /// boilerplate.
        AttributionLine = "attribution_line",
        /// A date the page gives for all the meetings it reports.
        SharedDate = "shared_date",
        /// A time of day as written ("commencing at 4:00 p.m.").
        WrittenTime = "written_time",
        /// A time stated as local time at the venue.
        LocalTime = "local_time",
        /// A time stated on the publisher's clock ("Japan time", "JST").
        HomeTime = "home_time",
        /// A time stated on a city's clock ("Bangkok time").
        CityTime = "city_time",
        /// A time stated with a zone abbreviation or offset.
        ZoneAbbreviation = "zone_abbreviation",
        /// A time with no zone at a venue on the publisher's own clock:
        /// local and home time are one.
        HomeVenueClock = "home_venue_clock",
        /// The venue's zone from the gazetteer (the city's zone).
        Gazetteer = "gazetteer",
        /// The venue's zone: its country has one zone.
        SingleZoneCountry = "single_zone_country",
        /// The venue's zone: the one of its country's zones on the offset
        /// between the stated local and home times.
        ZoneFromOffset = "zone_from_offset",
        /// An approximate start ("around", "shortly after").
        ApproximateStart = "approximate_start",
        /// A duration written out ("for approximately 30 minutes").
        WrittenDuration = "written_duration",
        /// A duration from a start and an end ("from 9:30 to 10:15").
        DurationFromRange = "duration_from_range",
        /// A venue named in the text ("in Washington", "who is visiting San
        /// Francisco").
        NamedPlace = "named_place",
        /// The place of the paragraph ("In Switzerland, ...").
        ParagraphPlace = "paragraph_place",
        /// Where a participant called from ("who is visiting Munster").
        CallingFrom = "calling_from",
        /// The occasion ("to attend the APEC Ministerial Meeting").
        Occasion = "occasion",
        /// A participant as the text names them.
        Mention = "mention",
        /// The publisher's own minister, whose country the text leaves out.
        PublisherCountry = "publisher_country",
        /// A country named after the post ("of the Republic of Chile").
        OfCountry = "of_country",
        /// A country named before the post ("Slovak Foreign Minister",
        /// "Australia’s Minister").
        CountryAdjective = "country_adjective",
        /// An organisation named with the post ("Secretary General of
        /// NATO").
        Organisation = "organisation",
        /// The country from the title's pair ("Japan-Canada ...").
        TitleCountries = "title_countries",
        /// The country of the place the meeting is in ("In Italy, ...").
        PlaceCountry = "place_country",
        /// An organisation the crate does not know, declared with a
        /// user-assigned code.
        UndeclaredOrganisation = "undeclared_organisation",
        /// The surname from how the text refers to the person later
        /// ("Minister Hayashi").
        SurnameFromReference = "surname_from_reference",
        /// A surname printed in capitals ("KAMIKAWA Yoko").
        CapitalisedSurname = "capitalised_surname",
        /// A surname before a comma ("Lavrov, Sergey Viktorovich").
        CommaSurname = "comma_surname",
        /// A post's portfolio from its title.
        Portfolio = "portfolio",
        /// A former, designate, acting or interim post.
        PostStatus = "post_status",
        /// The host: who received or hosted the others.
        Host = "host",
        /// A participant who attended but is not a principal.
        Attendee = "attendee",
        /// A numbered item or sub-item.
        NumberedItem = "numbered_item",
        /// A paragraph that reports what was said.
        ParagraphItem = "paragraph_item",
        /// A reporting verb, mapped to the canonical verb.
        ReportingVerb = "reporting_verb",
        /// The verb from the noun that follows ("expressed his gratitude").
        VerbNoun = "verb_noun",
        /// The subject is every principal ("The two ministers").
        MutualSubject = "mutual_subject",
        /// The subject is a pronoun referring to the last one named.
        Pronoun = "pronoun",
        /// A meeting of its own for each counterpart of a list.
        SeveralMeetings = "several_meetings",
        /// A part that follows the meeting ("This was followed by a working
        /// dinner", "called on and was hosted to lunch by").
        FollowedBy = "followed_by",
        /// The status from the tense ("will hold", "held").
        Tense = "tense",
    }
}

/// One fact the reader took from the text: which field, the byte span of the
/// words it rests on, whether stated or inferred, by which rule, and the
/// value taken (as text).
///
/// ```
/// use diplomeet::Country;
/// use diplomeet::reader::{Basis, Field, Reader, Rule};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let text = "Call\n\nOn May 2, 2024, Mr. Taro Sato, Minister for Foreign Affairs, held a \
///             telephone talk with Mr. John Smith, Minister for Foreign Affairs of Australia.\n";
/// let reading = Reader::new(Country::from_code("JP")?).read(text)?;
/// let read = reading.meetings().first().ok_or("no meeting")?;
/// let date = read.facts().iter().find(|f| f.field() == Field::Date).ok_or("no date")?;
/// assert_eq!(date.basis(), Basis::Stated);
/// assert_eq!(date.rule(), Rule::WrittenDate);
/// assert_eq!(&text[date.span()], "May 2, 2024");
/// assert_eq!(date.value(), "2024-05-02");
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Fact {
    pub(crate) field: Field,
    pub(crate) span: Range<usize>,
    pub(crate) basis: Basis,
    pub(crate) rule: Rule,
    pub(crate) value: String,
}

impl Fact {
    /// Which field.
    pub fn field(&self) -> Field {
        self.field
    }

    /// The byte span of the words it rests on, in the text given to the
    /// reader.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// Stated or inferred.
    pub fn basis(&self) -> Basis {
        self.basis
    }

    /// The rule that read or inferred it.
    pub fn rule(&self) -> Rule {
        self.rule
    }

    /// The value taken, as text ("2023-11-13", "telephone", "JP").
    pub fn value(&self) -> &str {
        &self.value
    }
}

named_enum! {
    /// Why a part of the text was not read into any meeting.
    pub enum UnreadReason ("unread reason", "diplomeet::reader::UnreadReason") {
        /// No reporting verb the reader knows.
        NoVerb = "no_verb",
        /// A reporting verb, but no participant the reader could tie it to.
        NoSubject = "no_subject",
        /// A meeting sentence whose other side could not be identified.
        NoCounterpart = "no_counterpart",
        /// A party the crate cannot represent (a committee, a company).
        UnknownParty = "unknown_party",
        /// A future meeting or plan, not a meeting held.
        FutureEvent = "future_event",
        /// Text in a language the reader does not read.
        Language = "language",
        /// Text before any meeting is named.
        BeforeMeeting = "before_meeting",
        /// A date line with no date in it.
        NoDate = "no_date",
        /// Over one of the [`Limits`](crate::Limits) (too many items,
        /// entries or participants, or a text too long).
        OverLimit = "over_limit",
    }
}

/// A sentence or paragraph the reader could not map to any meeting, with the
/// reason. Nothing is dropped silently.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Unread {
    pub(crate) span: Range<usize>,
    pub(crate) reason: UnreadReason,
}

impl Unread {
    /// The byte span in the text.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// Why it was not read.
    pub fn reason(&self) -> UnreadReason {
        self.reason
    }
}

named_enum! {
    /// Boilerplate the reader recognises and deliberately leaves out.
    pub enum IgnoredKind ("ignored kind", "diplomeet::reader::IgnoredKind") {
        /// "The below is attributable to Spokesperson ...", "A Foreign
        /// Office spokesperson said:".
        Attribution = "attribution",
        /// "Office of the Spokesperson", "Washington, DC", a place of issue.
        Dateline = "dateline",
        /// "Readout", "News story", "[Provisional translation]".
        Label = "label",
        /// "The overview of the meeting is as follows."
        Overview = "overview",
        /// "(* The foregoing is a provisional translation ...)", revision
        /// notes.
        Note = "note",
        /// "(END)", ". . . . ." and the ministry's name at the foot.
        Closing = "closing",
        /// A date at the foot of the page.
        FootDate = "foot_date",
        /// A sentence of context that reports nothing said (who someone
        /// is, where they travel next).
        Context = "context",
    }
}

/// A part of the text the reader recognised as boilerplate.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Ignored {
    pub(crate) span: Range<usize>,
    pub(crate) kind: IgnoredKind,
}

impl Ignored {
    /// The byte span in the text.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// What it is.
    pub fn kind(&self) -> IgnoredKind {
        self.kind
    }
}

named_enum! {
    /// What a [`Warning`] is about.
    pub enum WarningKind ("warning kind", "diplomeet::reader::WarningKind") {
        /// Two stated times disagree (a writer who assumed summer time):
        /// reported, not fixed.
        StatedTimesDisagree = "stated_times_disagree",
        /// Two dates for one meeting disagree (a title's date and a
        /// relative "today").
        DatesDisagree = "dates_disagree",
        /// A time of day was stated but its zone is unknown: the start is
        /// left a date.
        ZoneUnknown = "zone_unknown",
        /// A place the gazetteer knows in several zones, or not at all.
        PlaceUnknown = "place_unknown",
        /// A fact could not be used (a post too long, a time the zone
        /// skips).
        Dropped = "dropped",
    }
}

/// Something the reader noticed and reports rather than fixes.
#[derive(Debug, Clone)]
pub struct Warning {
    pub(crate) kind: WarningKind,
    pub(crate) span: Range<usize>,
    pub(crate) message: String,
    pub(crate) error: Option<Error>,
}

impl Warning {
    /// What it is about.
    pub fn kind(&self) -> WarningKind {
        self.kind
    }

    /// The byte span in the text.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// A message, lowercase.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The crate's error behind it, when there is one (the stated-time
    /// check's).
    pub fn error(&self) -> Option<&Error> {
        self.error.as_ref()
    }
}

/// A meeting read from the text, with the facts it was built from.
#[derive(Debug, Clone)]
pub struct ReadMeeting {
    pub(crate) meeting: Meeting,
    pub(crate) facts: Vec<Fact>,
    pub(crate) span: Range<usize>,
}

impl ReadMeeting {
    /// The meeting, built through the public builders (every rule checked).
    pub fn meeting(&self) -> &Meeting {
        &self.meeting
    }

    /// The meeting, by value.
    pub fn into_meeting(self) -> Meeting {
        self.meeting
    }

    /// Every fact taken from the text, in the order read.
    pub fn facts(&self) -> &[Fact] {
        &self.facts
    }

    /// The facts about one field.
    pub fn facts_of(&self, field: Field) -> impl Iterator<Item = &Fact> {
        self.facts.iter().filter(move |f| f.field == field)
    }

    /// The byte span of the text the meeting was read from.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }
}

/// A meeting the text reports that could not be built: the builder's error
/// (every violation, with paths) and the facts read for it.
#[derive(Debug, Clone)]
pub struct Failure {
    pub(crate) error: Error,
    pub(crate) facts: Vec<Fact>,
    pub(crate) span: Range<usize>,
}

impl Failure {
    /// Why it could not be built.
    pub fn error(&self) -> &Error {
        &self.error
    }

    /// The facts read for it.
    pub fn facts(&self) -> &[Fact] {
        &self.facts
    }

    /// The byte span of the text it was read from.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }
}

/// What the reader made of one readout: the meetings, those that could not
/// be built, the unread and ignored parts, and warnings.
#[derive(Debug, Clone)]
pub struct Reading {
    pub(crate) style: Style,
    pub(crate) meetings: Vec<ReadMeeting>,
    pub(crate) failures: Vec<Failure>,
    pub(crate) unread: Vec<Unread>,
    pub(crate) ignored: Vec<Ignored>,
    pub(crate) warnings: Vec<Warning>,
}

impl Reading {
    /// The layout the readout was read as.
    pub fn style(&self) -> Style {
        self.style
    }

    /// The meetings built, in the order the text reports them.
    pub fn meetings(&self) -> &[ReadMeeting] {
        &self.meetings
    }

    /// The meetings, by value.
    pub fn into_meetings(self) -> Vec<Meeting> {
        self.meetings.into_iter().map(|m| m.meeting).collect()
    }

    /// Meetings the text reports that could not be built.
    pub fn failures(&self) -> &[Failure] {
        &self.failures
    }

    /// Sentences and paragraphs not read into any meeting, in text order.
    pub fn unread(&self) -> &[Unread] {
        &self.unread
    }

    /// Boilerplate recognised and left out, in text order.
    pub fn ignored(&self) -> &[Ignored] {
        &self.ignored
    }

    /// Warnings, in text order.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }
}
