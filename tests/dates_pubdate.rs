//! Publication dates from Reuters-21578 datelines (`NEW YORK, March 17 -`),
//! checked against the stories' own date field, when `../shared/data` is
//! present (skipped with a message otherwise).

use std::path::Path;

use lede::analyze::dates::{DateSource, publication_date_with_year};

#[test]
fn reuters_datelines_give_the_story_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/reuters21578/reuters21578.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!(
            "skipping reuters_datelines_give_the_story_date: {} is absent",
            path.display()
        );
        return;
    };
    let (mut with_dateline, mut right, mut from_dateline) = (0usize, 0usize, 0usize);
    for line in data.lines() {
        let story: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        let (Some(dateline), Some(body), Some(date)) = (
            story["dateline"].as_str(),
            story["body"].as_str(),
            story["date"].as_str(),
        ) else {
            continue;
        };
        with_dateline += 1;
        // The story as a reader sees it: the dateline opens the body.
        let text = format!("{dateline} {body}");
        // 1987 is the year of the collection, the fallback when the text names none.
        if let Some((found, source)) = publication_date_with_year(&text, None, Some(1987)) {
            from_dateline += usize::from(source == DateSource::Dateline);
            // The dateline is local and the date field GMT: a story from Tokyo on
            // Feb 27 can be stamped Feb 26, so a day either way is right.
            let stamped: jiff::civil::Date = date[..10].parse().expect("an ISO date");
            right += usize::from((found - stamped).get_days().abs() <= 1);
        }
    }
    let share = right as f64 / with_dateline as f64;
    eprintln!(
        "Reuters-21578: {right}/{with_dateline} datelined stories dated right ({share:.4}), {from_dateline} from the dateline"
    );
    assert!(with_dateline > 10_000);
    assert!(
        share > 0.9,
        "only {share:.4} of the datelines gave the story's date"
    );
}
