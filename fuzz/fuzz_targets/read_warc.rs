//! Fuzzes the web archive reader (.warc, .warc.gz): any bytes give articles and problems, never a panic or a hang.
#![no_main]

use lede::ingest::{Format, read_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let read = read_bytes(data, "fuzz.warc.gz", Format::Warc);
    for article in &read.articles {
        assert!(
            !article.body.trim().is_empty(),
            "an article without a body was kept"
        );
    }
});
