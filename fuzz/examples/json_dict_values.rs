//! Prints, one per line, every value the diplomeet JSON document spells as a
//! name: the text forms of the named enums it uses (read from their `NAMES`
//! constants), each verb's phrase (also read), the built-in organisations'
//! codes and the format name. `dict/gen_json_dict.sh` turns the list into
//! libFuzzer dictionary entries, next to the field names it reads from the
//! document reader's source.
//!
//! Run: `cargo run --example json_dict_values` (in `fuzz/`).

use diplomeet::{
    Attendance, Country, Meeting, MeetingForm, MeetingStatus, Mode, NameOrder, OccasionRelation,
    PlaceBasis, Portfolio, PostStatus, Role, TitleBasis, TopicCategory, Verb, ZoneBasis,
};

fn main() {
    let mut out: Vec<String> = Vec::new();
    let lists: [&[&str]; 14] = [
        Mode::NAMES,
        MeetingForm::NAMES,
        MeetingStatus::NAMES,
        Role::NAMES,
        Attendance::NAMES,
        OccasionRelation::NAMES,
        TitleBasis::NAMES,
        PlaceBasis::NAMES,
        ZoneBasis::NAMES,
        Portfolio::NAMES,
        PostStatus::NAMES,
        NameOrder::NAMES,
        TopicCategory::NAMES,
        Verb::NAMES,
    ];
    for list in lists {
        out.extend(list.iter().map(|s| (*s).to_owned()));
    }
    out.extend(Verb::ALL.iter().map(|v| v.phrase().to_owned()));
    out.extend(Country::organisations().map(|c| c.code().to_owned()));
    out.push(Meeting::JSON_FORMAT.to_owned());
    out.push("diplomeet/1".to_owned());
    let mut seen = std::collections::HashSet::new();
    for v in out {
        if seen.insert(v.clone()) {
            println!("{v}");
        }
    }
}
