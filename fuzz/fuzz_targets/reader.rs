//! Bytes → `reader::Reader::read_bytes`. The first byte picks the publisher
//! (Japan, the United States, the United Kingdom, Canada, Singapore, India,
//! the UN) and whether a publication date is given; the rest is the
//! readout. Property: no panic; an error is `Empty`, `TooMany` or
//! `InvalidValue` (not UTF-8); every span of a reading lies in the text on
//! character boundaries; every meeting read is valid (it was built through
//! the builders), computes its derived values, and renders as a readout.
#![no_main]

use chrono::NaiveDate;
use diplomeet::export::Readout;
use diplomeet::reader::Reader;
use diplomeet::{Country, ErrorKind, Limits};
use libfuzzer_sys::fuzz_target;

const PUBLISHERS: &[&str] = &["JP", "US", "GB", "CA", "SG", "IN", "UN"];

fn check_span(text: &str, s: std::ops::Range<usize>, what: &str) {
    assert!(
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end),
        "{what} span {s:?} outside the text of {} bytes",
        text.len()
    );
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let code = PUBLISHERS[usize::from(selector & 0x7f) % PUBLISHERS.len()];
    let mut reader = Reader::new(Country::from_code(code).expect("publisher"))
        // Small enough that libFuzzer's longer inputs reach the limit too.
        .limits(Limits::default().with_max_readout_bytes(16 * 1024));
    if selector & 0x80 != 0 {
        reader = reader.published(NaiveDate::from_ymd_opt(2023, 11, 14).expect("date"));
    }
    let reading = match reader.read_bytes(rest) {
        Ok(r) => r,
        Err(e) => {
            assert!(
                matches!(
                    e.kind(),
                    ErrorKind::Empty | ErrorKind::TooMany | ErrorKind::InvalidValue
                ),
                "unexpected error {e}"
            );
            return;
        }
    };
    let text = std::str::from_utf8(rest).expect("accepted text is UTF-8");
    for m in reading.meetings() {
        check_span(text, m.span(), "meeting");
        for f in m.facts() {
            check_span(text, f.span(), "fact");
        }
        let meeting = m.meeting();
        let _ = meeting.start();
        let _ = meeting.end();
        let _ = meeting.date();
        let _ = meeting.check_stated_times();
        let _ = Readout::new(chrono_tz::Asia::Tokyo).render(meeting);
    }
    for f in reading.failures() {
        check_span(text, f.span(), "failure");
    }
    for u in reading.unread() {
        check_span(text, u.span(), "unread");
    }
    for i in reading.ignored() {
        check_span(text, i.span(), "ignored");
    }
    for w in reading.warnings() {
        check_span(text, w.span(), "warning");
    }
});
