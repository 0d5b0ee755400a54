//! Fuzzes the analysis of an article's text: passages, named entities and date mentions of any
//! text (the input's first line as its title) are in bounds, on character boundaries and in
//! order, and never a panic or a hang.
#![no_main]

use lede::Article;
use lede::analyze::annotate::{AnnotateOptions, annotate};
use lede::analyze::dates::extract_dates;
use lede::analyze::entities::Recognizer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (title, body) = text.split_once('\n').unwrap_or(("", &text));
    let article = Article {
        id: "fuzz".into(),
        title: title.into(),
        body: body.into(),
        published: "2026-03-02T09:00:00Z".parse().ok(),
        ..Article::default()
    };
    let annotated = annotate(&article, &AnnotateOptions::default());
    let mut end = 0;
    for p in &annotated.passages {
        let p = &p.passage;
        assert!(
            end <= p.start && p.start <= p.end && p.end <= body.len(),
            "passage {p:?}"
        );
        assert!(body.is_char_boundary(p.start) && body.is_char_boundary(p.end));
        end = p.end;
    }
    for e in Recognizer::global().extract(&text) {
        assert!(e.start < e.end && e.end <= text.len(), "entity {e:?}");
        assert_eq!(&text[e.start..e.end], e.text);
    }
    let anchor = "2026-03-02".parse().ok();
    let mut end = 0;
    for d in extract_dates(body, anchor) {
        assert!(
            end <= d.start && d.start < d.end && d.end <= body.len(),
            "date {d:?}"
        );
        assert_eq!(&body[d.start..d.end], d.text);
        end = d.end;
    }
});
