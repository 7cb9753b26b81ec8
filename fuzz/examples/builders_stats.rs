//! How much of a `builders` corpus reaches valid meetings, and with which
//! parts of the diplomeet/2 model: decodes each input as the target does
//! and counts the meetings built, and among them those with each feature.
//! A generator that never builds a valid meeting with, say, parts would fuzz
//! only the parts' errors.
//!
//! Run: `cargo run --release --example builders_stats -- corpus/builders` (in `fuzz/`);
//! `-- corpus/builders 6` also lists 6 inputs that between them build
//! meetings with the most features (greedily), to keep as seeds.

use std::collections::BTreeMap;

use arbitrary::{Arbitrary, Unstructured};
use diplomeet::{DateBasis, Meeting, Start, Who};
use diplomeet_fuzz::BuildersInput;

fn features(m: &Meeting) -> Vec<&'static str> {
    let mut f = Vec::new();
    let mut add = |yes: bool, name: &'static str| {
        if yes {
            f.push(name);
        }
    };
    let ps = m.participants();
    add(ps.iter().any(|p| matches!(p.who(), Who::Group(_))), "group");
    add(
        ps.iter()
            .any(|p| p.minister().is_some_and(|x| x.name().is_none())),
        "person by post alone",
    );
    add(ps.iter().any(|p| !p.is_principal()), "attendee");
    add(ps.iter().any(|p| p.roles().len() > 1), "host or chair");
    add(ps.iter().any(|p| p.attendance().is_some()), "attendance");
    add(
        ps.iter().any(|p| p.calling_from().is_some()),
        "calling_from",
    );
    add(
        ps.iter()
            .any(|p| p.parties().iter().any(|c| c.is_organisation())),
        "organisation",
    );
    add(
        m.ministers().any(|x| {
            x.posts()
                .iter()
                .any(|p| p.status() != diplomeet::PostStatus::Current)
        }),
        "post status",
    );
    add(m.ministers().any(|x| x.posts().len() > 1), "two posts");
    add(
        m.agenda().iter().any(|i| !i.items().is_empty()),
        "sub-items",
    );
    add(m.entries().any(|e| e.wording().is_some()), "wording");
    add(m.entries().any(|e| e.source().is_some()), "entry source");
    add(m.entries().any(|e| e.is_mutual()), "mutual entry");
    add(!m.parts().is_empty(), "parts");
    add(
        m.parts().iter().any(|p| matches!(p.start(), Start::At(_))),
        "timed part",
    );
    add(m.occasion().is_some(), "occasion");
    add(m.occasion().and_then(|o| o.visitor()).is_some(), "visitor");
    add(!m.sources().is_empty(), "source");
    add(
        m.sources().iter().any(|s| s.original_url().is_some()),
        "republished source",
    );
    add(*m.date_basis() != DateBasis::Stated, "date basis");
    add(!m.stated_times().is_empty(), "stated times");
    add(m.venue().is_some(), "venue");
    add(
        m.venue().is_some_and(|v| v.premises_of().is_some()),
        "venue on a party's premises",
    );
    add(m.venue().is_none(), "no venue");
    add(
        m.venue().is_none() && m.zone().is_none(),
        "no venue, no zone",
    );
    add(matches!(m.when(), Start::At(_)), "start at");
    add(matches!(m.when(), Start::On(_)), "start on");
    add(matches!(m.when(), Start::InMonth { .. }), "start in month");
    add(matches!(m.when(), Start::Unknown), "start unknown");
    f
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "corpus/builders".into());
    let keep: usize = std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let mut found: Vec<(std::path::PathBuf, usize, Vec<&'static str>)> = Vec::new();
    let mut inputs = 0usize;
    let mut built = 0usize;
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        inputs += 1;
        let Ok(input) = BuildersInput::arbitrary_take_rest(Unstructured::new(&bytes)) else {
            continue;
        };
        let Some(Ok(m)) = input.meeting.build() else {
            continue;
        };
        built += 1;
        let f = features(&m);
        for name in &f {
            *counts.entry(name).or_default() += 1;
        }
        found.push((path, bytes.len(), f));
    }
    println!("{built} of {inputs} inputs build a valid meeting; of those, with:");
    for (f, n) in counts {
        println!("  {n:6}  {f}");
    }
    let mut covered: std::collections::HashSet<&'static str> = std::collections::HashSet::new();
    for _ in 0..keep {
        let best = found
            .iter()
            .map(|(p, len, f)| {
                (
                    f.iter().filter(|x| !covered.contains(*x)).count(),
                    *len,
                    p,
                    f,
                )
            })
            .filter(|(gain, ..)| *gain > 0)
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let Some((gain, len, path, f)) = best else {
            break;
        };
        println!("{} ({len} bytes, {gain} new features)", path.display());
        covered.extend(f.iter().copied());
    }
}
