//! TREC's topic files as a batch of queries (`lede search --batch topics.301-350 --trec`), as
//! the ad hoc tracks give them: `<top>` blocks of fields each opened by its tag and running to
//! the next (`<num> Number: 301`, `<title> International Organized Crime`, `<desc>
//! Description: …`, `<narr> Narrative: …`), with or without end tags (`</title>`). A topic's
//! query is its title, its description, or both (`--topic-text`).

use clap::ValueEnum;

/// Which of a topic's fields make its query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub(crate) enum TopicText {
    /// The title (a "title-only run").
    #[default]
    Title,
    /// The description.
    Desc,
    /// The title and the description.
    TitleDesc,
}

/// One topic: where it opens, its number and its query's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Topic {
    /// The line of its `<top>`, from 1.
    pub(crate) line: usize,
    /// Its number, without leading zeros (`051` is `51`, as qrels write it).
    pub(crate) qid: String,
    /// The query: the fields `TopicText` names, one space between their words.
    pub(crate) query: String,
}

/// Whether a batch file's first bytes open a topic (`<top>`, after white space).
pub(crate) fn is_topics(head: &[u8]) -> bool {
    let start = head.iter().position(|b| !b.is_ascii_whitespace());
    start.is_some_and(|at| {
        head[at..]
            .get(..5)
            .is_some_and(|tag| tag.eq_ignore_ascii_case(b"<top>"))
    })
}

/// The topics of a file, each with its query, or the line and reason of one that has none.
pub(crate) fn parse(text: &str, wanted: TopicText) -> Vec<Result<Topic, (usize, String)>> {
    let lower = text.to_ascii_lowercase();
    let starts: Vec<usize> = lower.match_indices("<top>").map(|(at, _)| at).collect();
    starts
        .iter()
        .enumerate()
        .map(|(i, &start)| {
            let end = starts.get(i + 1).copied().unwrap_or(text.len());
            let line = 1 + text[..start].bytes().filter(|&b| b == b'\n').count();
            let block = &text[start + "<top>".len()..end];
            topic(block, wanted)
                .map_err(|reason| (line, reason))
                .map(|(qid, query)| Topic { line, qid, query })
        })
        .collect()
}

/// A topic's number and query from the text after its `<top>`.
fn topic(block: &str, wanted: TopicText) -> Result<(String, String), String> {
    let num = field(block, "num").ok_or("a topic without a <num>")?;
    let qid = num.split_whitespace().next().unwrap_or_default();
    let qid = match qid.trim_start_matches('0') {
        "" if !qid.is_empty() => "0",
        trimmed if qid.bytes().all(|b| b.is_ascii_digit()) => trimmed,
        _ => qid,
    };
    if qid.is_empty() {
        return Err("a topic whose <num> has no number".to_string());
    }
    let title = field(block, "title").unwrap_or_default();
    let desc = field(block, "desc").unwrap_or_default();
    let query = match wanted {
        TopicText::Title => title,
        TopicText::Desc => desc,
        TopicText::TitleDesc => format!("{title} {desc}").trim().to_string(),
    };
    if query.is_empty() {
        let which = match wanted {
            TopicText::Title => "<title>",
            TopicText::Desc => "<desc>",
            TopicText::TitleDesc => "<title> or <desc>",
        };
        return Err(format!("topic {qid} has no {which} text"));
    }
    Ok((qid.to_string(), query))
}

/// The text of the field a tag opens, up to the next tag, without its label (`Number:`,
/// `Topic:`, `Description:`), whitespace runs as one space; `None` when the block has no such tag.
fn field(block: &str, name: &str) -> Option<String> {
    let lower = block.to_ascii_lowercase();
    let tag = format!("<{name}>");
    let at = lower.find(&tag)? + tag.len();
    let end = block[at..].find('<').map_or(block.len(), |next| at + next);
    let text = block[at..end].trim_start();
    let text = match text.split_once(':') {
        Some((label, rest)) if is_label(label) => rest,
        _ => text,
    };
    Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Whether text before a colon is a field's label (`Number`, `Topic`, `Description`).
fn is_label(text: &str) -> bool {
    ["number", "topic", "description", "narrative"]
        .iter()
        .any(|label| text.trim().eq_ignore_ascii_case(label))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOPICS: &str = "
<top>
<head> Tipster Topic Description
<num> Number: 051
<dom> Domain: International Economics
<title> Topic: Airbus Subsidies

<desc> Description:
Document will discuss government assistance to Airbus Industrie.

<narr> Narrative:
A relevant document will cite or discuss assistance.
</top>

<top>

<num> Number: 301
<title> International Organized Crime

<desc> Description:
Identify organizations that participate in international criminal
activity.
</top>

<top>
<num> Number: 302
</top>
<top>
<title>No number</title>
</top>
";

    #[test]
    fn each_kind_of_topic_gives_its_number_and_query() {
        let titles = parse(TOPICS, TopicText::Title);
        assert_eq!(
            titles,
            [
                Ok(Topic {
                    line: 2,
                    qid: "51".into(),
                    query: "Airbus Subsidies".into()
                }),
                Ok(Topic {
                    line: 15,
                    qid: "301".into(),
                    query: "International Organized Crime".into()
                }),
                Err((25, "topic 302 has no <title> text".into())),
                Err((28, "a topic without a <num>".into())),
            ]
        );
        let both = parse(TOPICS, TopicText::TitleDesc);
        assert_eq!(
            both[1].as_ref().unwrap().query,
            "International Organized Crime Identify organizations that participate in \
             international criminal activity."
        );
        let desc = parse(TOPICS, TopicText::Desc);
        assert_eq!(
            desc[0].as_ref().unwrap().query,
            "Document will discuss government assistance to Airbus Industrie."
        );
        assert!(is_topics(b"\n\n<TOP>\n<num>"));
        assert!(!is_topics(b"q1\tairbus subsidies\n"));
    }
}
