//! How many of a query's distinct terms each candidate article holds: anywhere in its title or
//! body (its coverage of the query), and in its lead, the first words of its body.
//!
//! Both are read from the postings at the candidates' addresses, a few hundred seeks a query. The
//! lead needs no field of its own: a term is in the lead when the body holds it at a position
//! below the article's `lead_tokens`, the number of body tokens the lead spans.

use super::passage_scores::holds;
use crate::index::schema::Fields;
use tantivy::postings::Postings;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Searcher, Term};

/// For each candidate, how many of the terms it holds.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct TermPresence {
    /// Terms in the lead.
    pub lead: Vec<f32>,
    /// Terms in the title or the body.
    pub coverage: Vec<f32>,
}

/// Counts, for each article at `addresses`, the groups of `terms` (analysed text, as the index
/// holds it, with a weight; a group counts when the article holds any of its terms, as much as
/// the heaviest of them) in its lead and in its title or body.
pub(crate) fn term_presence(
    searcher: &Searcher,
    fields: &Fields,
    terms: &[Vec<(String, f32)>],
    addresses: &[DocAddress],
) -> tantivy::Result<TermPresence> {
    let mut presence = TermPresence {
        lead: vec![0.0; addresses.len()],
        coverage: vec![0.0; addresses.len()],
    };
    if terms.is_empty() {
        return Ok(presence);
    }
    let mut order: Vec<usize> = (0..addresses.len()).collect();
    order.sort_by_key(|&i| addresses[i]);
    let mut positions = Vec::new();
    // How much of the group at hand each candidate holds: in the lead, anywhere.
    let mut in_lead = vec![0f32; addresses.len()];
    let mut anywhere = vec![0f32; addresses.len()];
    for segment in order.chunk_by(|&a, &b| addresses[a].segment_ord == addresses[b].segment_ord) {
        let reader = searcher.segment_reader(addresses[segment[0]].segment_ord);
        let lead_tokens = reader.fast_fields().u64("lead_tokens").ok();
        let body = reader.inverted_index(fields.body)?;
        let title = reader.inverted_index(fields.title)?;
        for group in terms {
            for &i in segment {
                in_lead[i] = 0.0;
                anywhere[i] = 0.0;
            }
            for (text, weight) in group {
                let mut in_body = body.read_postings(
                    &Term::from_field_text(fields.body, text),
                    IndexRecordOption::WithFreqsAndPositions,
                )?;
                let mut in_title = title.read_postings(
                    &Term::from_field_text(fields.title, text),
                    IndexRecordOption::Basic,
                )?;
                for &i in segment {
                    let doc = addresses[i].doc_id;
                    let body_holds = in_body.as_mut().is_some_and(|p| holds(p, doc));
                    if body_holds && in_lead[i] < *weight {
                        let lead_end = lead_tokens
                            .as_ref()
                            .and_then(|column| column.first(doc))
                            .unwrap_or(0);
                        let postings = in_body.as_mut().expect("found in the body");
                        postings.positions(&mut positions);
                        if positions.first().is_some_and(|&p| u64::from(p) < lead_end) {
                            in_lead[i] = *weight;
                        }
                    }
                    if body_holds || in_title.as_mut().is_some_and(|p| holds(p, doc)) {
                        anywhere[i] = anywhere[i].max(*weight);
                    }
                }
            }
            for &i in segment {
                presence.lead[i] += in_lead[i];
                presence.coverage[i] += anywhere[i];
            }
        }
    }
    Ok(presence)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Article, Index, IndexOptions, Indexer};

    fn article(id: &str, title: &str, body: &str) -> Article {
        Article {
            id: id.into(),
            title: title.into(),
            body: body.into(),
            ..Article::default()
        }
    }

    /// The address of an article's document.
    fn address(index: &Index, id: &str) -> DocAddress {
        let searcher = index.reader.searcher();
        index.article_address(&searcher, id).unwrap().unwrap()
    }

    #[test]
    fn terms_count_in_the_lead_only_within_its_first_tokens() {
        let dir = tempfile::tempdir().unwrap();
        let index = Index::create(dir.path()).unwrap();
        let filler = "The ministry said the figures would be published in full later this month \
                      after a review of the data by officials in the capital.";
        let articles = vec![
            // "opec" after the lead, "oil" in it.
            article(
                "late",
                "",
                &format!("Oil prices rose on Monday. {filler} OPEC met."),
            ),
            // Both in the lead; "U.S." is two tokens, which moves nothing.
            article(
                "early",
                "",
                &format!("OPEC and U.S. oil officials met. {filler}"),
            ),
            // Neither in the body; "opec" in the title counts for coverage only.
            article("title", "OPEC", &format!("{filler} {filler}")),
        ];
        Indexer::new(&index, IndexOptions::default())
            .unwrap()
            .add_articles(articles)
            .unwrap();
        let addresses: Vec<DocAddress> = ["late", "early", "title"]
            .iter()
            .map(|id| address(&index, id))
            .collect();
        let groups = |groups: &[&[(&str, f32)]]| -> Vec<Vec<(String, f32)>> {
            groups
                .iter()
                .map(|group| group.iter().map(|&(t, w)| (t.to_string(), w)).collect())
                .collect()
        };
        let terms = groups(&[&[("oil", 1.0)], &[("opec", 1.0)], &[("absent", 1.0)]]);
        let searcher = index.reader.searcher();
        let got = term_presence(&searcher, &index.fields, &terms, &addresses).unwrap();
        assert_eq!(got.lead, [1.0, 2.0, 0.0]);
        assert_eq!(got.coverage, [2.0, 2.0, 1.0]);
        // A group (the terms of a fuzzy word) counts once, as much as the heaviest term there.
        let terms = groups(&[
            &[("oil", 0.5), ("opec", 0.75), ("absent", 1.0)],
            &[("absent", 1.0)],
        ]);
        let got = term_presence(&searcher, &index.fields, &terms, &addresses).unwrap();
        assert_eq!(got.lead, [0.5, 0.75, 0.0]);
        assert_eq!(got.coverage, [0.75, 0.75, 0.75]);
        let none = term_presence(&searcher, &index.fields, &[], &addresses).unwrap();
        assert_eq!(none.lead, [0.0, 0.0, 0.0]);
    }
}
