//! Near-duplicates among ranked articles: the versions of one story that an archive holds (a
//! wire story and its corrected repeat, two agencies' copies, a story and its update), told by
//! the word sequences they share, so that a page of results shows each story once.
//!
//! An article's text is its set of 4-word shingles (each run of four consecutive words, lower
//! case, hashed); two articles are versions of one story when the Jaccard similarity of their sets
//! (shared over all) is at least [`NEAR_DUPLICATE_SIMILARITY`]. On Reuters-21578 that threshold
//! pairs retellings and repeats ("IRAQ SAYS FIERCE FIGHTING TO DISLODGE IRANIANS" and "IRAQ
//! REPORTS FIERCE FIGHTING TO REMOVE IRANIANS", 0.76) but not the daily reports of one template
//! ("FED ADDS RESERVES VIA CUSTOMER REPURCHASES", 0.65–0.71 from day to day) nor two companies'
//! dividend notices (0.69).

use std::hash::{Hash, Hasher};

/// The least Jaccard similarity of two articles' shingle sets for them to be versions of one
/// story.
pub const NEAR_DUPLICATE_SIMILARITY: f64 = 0.75;

/// Words a shingle holds.
const SHINGLE_WORDS: usize = 4;

/// A text's shingles: the hashes of its runs of [`SHINGLE_WORDS`] consecutive words (letters and
/// digits, lower case), sorted, each once; a text of fewer words is one shingle of them all, and
/// one of no words has none.
pub(crate) fn shingles(text: &str) -> Vec<u64> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect();
    let width = SHINGLE_WORDS.min(words.len());
    if width == 0 {
        return Vec::new();
    }
    let mut hashes: Vec<u64> = words
        .windows(width)
        .map(|window| {
            // SipHash with fixed keys: the same hashes in every process.
            let mut hasher = std::hash::DefaultHasher::new();
            window.hash(&mut hasher);
            hasher.finish()
        })
        .collect();
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

/// The Jaccard similarity of two sorted sets of shingles: shared over all (0 when both are empty).
pub(crate) fn similarity(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f64 / (a.len() + b.len() - shared) as f64
}

/// Whether two shingle sets are versions of one story. Sets whose sizes alone rule it out (the
/// smaller under the threshold's share of the larger) are not compared.
pub(crate) fn near_duplicates(a: &[u64], b: &[u64]) -> bool {
    let (small, large) = (a.len().min(b.len()), a.len().max(b.len()));
    (small as f64) >= NEAR_DUPLICATE_SIMILARITY * large as f64
        && similarity(a, b) >= NEAR_DUPLICATE_SIMILARITY
}

/// Folds ranked texts into the best-ranked version of each story: takes the texts' shingle sets in
/// rank order and keeps each that is no near-duplicate of one kept before it, until `keep` are
/// kept (the rest are not read). Returns each kept text's rank with the ranks of the texts folded
/// into it.
pub(crate) fn fold(
    ranked: impl IntoIterator<Item = Vec<u64>>,
    keep: usize,
) -> Vec<(usize, Vec<usize>)> {
    let mut kept: Vec<(usize, Vec<u64>, Vec<usize>)> = Vec::new();
    for (rank, set) in ranked.into_iter().enumerate() {
        let version = kept
            .iter()
            .position(|(_, version, _)| near_duplicates(version, &set));
        match version {
            Some(at) => kept[at].2.push(rank),
            None if kept.len() == keep => break,
            None => kept.push((rank, set, Vec::new())),
        }
    }
    kept.into_iter()
        .map(|(rank, _, folded)| (rank, folded))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Iraq said its forces fought fierce battles on Sunday to dislodge Iranian \
                         troops from positions they had taken east of Basra, and that hundreds \
                         of Iranians were killed in the fighting.";

    #[test]
    fn a_story_and_its_lightly_edited_repeat_are_versions_of_one() {
        // A word changed: the four shingles that held it differ.
        let repeat = STORY.replace("dislodge", "remove");
        let (a, b) = (shingles(STORY), shingles(&repeat));
        let jaccard = similarity(&a, &b);
        assert!((0.75..1.0).contains(&jaccard), "{jaccard}");
        assert!(near_duplicates(&a, &b));
        // Case and punctuation do not tell versions apart.
        let shouted = STORY.to_uppercase().replace(',', " ,");
        assert_eq!(similarity(&a, &shingles(&shouted)), 1.0);
    }

    #[test]
    fn one_template_filled_with_other_facts_is_not_a_version() {
        let a = shingles(
            "The Federal Reserve entered the government securities market to arrange 1.5 billion dlrs of customer repurchase agreements, a Fed spokesman said. Dealers said federal funds were trading at 6-1/8 pct when the Fed began its temporary and indirect supply of reserves to the banking system.",
        );
        let b = shingles(
            "The Federal Reserve entered the government securities market to arrange 2.0 billion dlrs of customer repurchase agreements, a Fed spokesman said. Dealers said federal funds were trading at 6-3/16 pct when the Fed began its temporary and indirect supply of reserves to the banking system.",
        );
        let jaccard = similarity(&a, &b);
        assert!(jaccard < NEAR_DUPLICATE_SIMILARITY, "{jaccard}");
        assert!(!near_duplicates(&a, &b));
        // A story within a much longer one is not a version of it either.
        let more: String = (0..20).map(|n| format!("Report {n} followed. ")).collect();
        let long = format!("{STORY} {more}");
        assert!(!near_duplicates(&shingles(STORY), &shingles(&long)));
    }

    #[test]
    fn short_and_empty_texts() {
        assert!(shingles("").is_empty());
        assert!(shingles(" -- ").is_empty());
        assert_eq!(shingles("Oil rose").len(), 1);
        assert_eq!(shingles("oil ROSE"), shingles("Oil rose"));
        assert_ne!(shingles("Oil rose"), shingles("Oil fell"));
        assert_eq!(similarity(&[], &[]), 0.0);
        assert!(!near_duplicates(&[], &[]));
    }

    #[test]
    fn folding_keeps_the_best_ranked_version_and_stops_when_enough_are_kept() {
        let other = "Brazil's trade surplus rose to 1.2 billion dlrs in February from 129 mln \
                     in January, the central bank said, as coffee exports recovered.";
        let repeat = format!("{STORY} Iraq gave no figures for its own losses.");
        let texts = [STORY, other, repeat.as_str(), STORY, "Gold fell in London."];
        let sets = || texts.iter().map(|t| shingles(t));
        assert_eq!(
            fold(sets(), 10),
            [(0, vec![2, 3]), (1, vec![]), (4, vec![])]
        );
        // Two kept: the third story is not read, nor are versions after it.
        assert_eq!(fold(sets(), 2), [(0, vec![2, 3]), (1, vec![])]);
        assert_eq!(fold(sets(), 1), [(0, vec![])]);
        assert!(fold(sets(), 0).is_empty());
    }
}
