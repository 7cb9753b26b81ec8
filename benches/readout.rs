//! Reading a readout's text against reading the same meeting's JSON.
//!
//! Two benches in the group `readout`, driven by outside tools under these
//! exact ids:
//!
//! - `readout/parse`: the reference meeting's readout text, as the crate's
//!   renderer writes it (`Readout::new(Asia/Tokyo)` on
//!   `examples/support/seed.rs`), read with [`Reader::read`] into a
//!   validated meeting;
//! - `readout/decode_json`: the same meeting's diplomeet/2 document, decoded
//!   and validated with [`Meeting::from_json_slice`].
//!
//! The target is `parse` at most 10 times `decode_json`: reading text should
//! cost little more than reading data. The setup checks that the text reads
//! back to the seed's date, start, duration, participants and items.
//!
//! ```text
//! cargo bench --bench readout -- --warm-up-time 1 --measurement-time 5
//! ```

use std::hint::black_box;

use criterion::{Criterion, criterion_main};
use diplomeet::export::Readout;
use diplomeet::reader::Reader;
use diplomeet::{Country, Meeting};

#[path = "../examples/support/seed.rs"]
#[allow(dead_code)]
mod seed;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

struct Fixture {
    text: String,
    json: Vec<u8>,
    reader: Reader,
}

fn fixture() -> Result<Fixture, BoxError> {
    let meeting = seed::meeting()?;
    let text = Readout::new(chrono_tz::Asia::Tokyo).render(&meeting)?;
    let json = meeting.to_json_compact()?.into_bytes();
    let reader = Reader::new(Country::from_code("JP")?).published("2023-11-14".parse()?);
    let read = reader.read(&text)?;
    let back = read
        .meetings()
        .first()
        .ok_or("the seed's readout reads as no meeting")?
        .meeting();
    if back.start()? != meeting.start()?
        || back.duration() != meeting.duration()
        || back.participants().len() != meeting.participants().len()
        || back.agenda().len() != meeting.agenda().len()
    {
        return Err(format!("the seed's readout does not read back:\n{back}").into());
    }
    Meeting::from_json_slice(&json)?;
    Ok(Fixture { text, json, reader })
}

fn readout(c: &mut Criterion, f: &Fixture) {
    let mut g = c.benchmark_group("readout");
    g.bench_function("parse", |b| {
        b.iter(|| f.reader.read(black_box(&f.text)));
    });
    g.bench_function("decode_json", |b| {
        b.iter(|| Meeting::from_json_slice(black_box(&f.json)));
    });
    g.finish();
}

fn benches(c: &mut Criterion) -> Result<(), BoxError> {
    let f = fixture()?;
    readout(c, &f);
    Ok(())
}

/// The criterion group, in a private module: the macro makes a `pub fn`.
mod harness {
    criterion::criterion_group!(group, super::run);
}

fn run(c: &mut Criterion) {
    if let Err(e) = benches(c) {
        // Benches may fail loudly: a fixture that does not build is a bug.
        eprintln!("error: the readout bench fixture does not build: {e}");
        std::process::exit(1);
    }
}

criterion_main!(harness::group);
