//! The identifier a meeting derives when none is given.

use super::{Meeting, Participant, Start};

/// `2023-11-13-japan-chile-foreign-ministers-meeting-1a2b3c4d`: the date
/// (or month, or `undated`), the title's slug (at most 48 characters) and
/// eight hexadecimal digits of a hash over what tells meetings apart: the
/// start (time and zone), the title, the mode, the venue, the participants'
/// ids (in order) and the parts' forms and starts. Two sessions on one day
/// with the same title differ in their times or participants, so in their
/// ids. At most `max_chars` characters, ASCII.
pub(super) fn derive(m: &Meeting, max_chars: usize) -> String {
    let date = match m.when() {
        Start::At(z) => z.date().to_string(),
        Start::On(d) => d.to_string(),
        Start::InMonth { year, month } => format!("{year:04}-{month:02}"),
        Start::Unknown => "undated".to_owned(),
    };
    let mut key = String::new();
    key.push_str(&m.when().to_string());
    key.push('\u{1f}');
    key.push_str(m.title());
    key.push('\u{1f}');
    key.push_str(m.mode().as_str());
    if let Some(v) = m.venue() {
        key.push('\u{1f}');
        key.push_str(v.place());
        key.push('\u{1f}');
        key.push_str(v.country().code());
    }
    for p in m.participants().iter().map(Participant::id) {
        key.push('\u{1f}');
        key.push_str(p);
    }
    for part in m.parts() {
        key.push('\u{1f}');
        key.push_str(part.form().as_str());
        key.push_str(&part.start().to_string());
    }
    let mut slug = crate::ascii_fold::slug(m.title());
    if slug.len() > 48 {
        slug.truncate(48);
        while slug.ends_with('-') {
            slug.pop();
        }
    }
    let hash = crate::ascii_fold::short_hash(&key);
    let mut id = if slug.is_empty() {
        format!("{date}-{hash}")
    } else {
        format!("{date}-{slug}-{hash}")
    };
    if id.len() > max_chars {
        // Keep the hash: cut the slug.
        let keep = max_chars.saturating_sub(hash.len() + 1);
        let mut head: String = id.chars().take(keep).collect();
        while head.ends_with('-') {
            head.pop();
        }
        id = if head.is_empty() {
            hash
        } else {
            format!("{head}-{hash}")
        };
    }
    id
}
