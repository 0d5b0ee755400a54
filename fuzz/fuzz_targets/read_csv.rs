//! Fuzzes the table reader (.csv): any bytes give articles and problems, never a panic or a hang.
#![no_main]

use lede::ingest::{Format, read_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let read = read_bytes(data, "fuzz.csv", Format::Csv);
    for article in &read.articles {
        assert!(
            !article.body.trim().is_empty(),
            "an article without a body was kept"
        );
    }
});
