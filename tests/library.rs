//! The library API as an embedding program uses it: create an index, add articles from an
//! iterator, search, read an article back; and the typed errors a caller can match on.

use lede::search::{SearchRequest, SearchResults, SortOrder};
use lede::{Article, Error, Index, IndexOptions, Indexer};

fn article(id: &str, title: &str, body: &str, date: Option<&str>) -> Article {
    Article {
        id: id.into(),
        title: title.into(),
        body: body.into(),
        published: date.map(|d| d.parse().unwrap()),
        source: Some("Test Wire".into()),
        ..Article::default()
    }
}

#[test]
fn an_article_whose_id_is_too_long_is_skipped_and_the_others_indexed() {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::create(dir.path()).unwrap();
    let long_id = "x".repeat(lede::article::MAX_ID_BYTES + 1);
    let articles = vec![
        article(&long_id, "Too long", "Wheat prices rose in Chicago.", None),
        article("wheat", "Wheat", "Wheat prices fell in Kansas City.", None),
    ];
    let summary = Indexer::new(&index, IndexOptions::default())
        .unwrap()
        .add_articles(articles)
        .unwrap();
    assert_eq!(summary.added, 1);
    let problems: Vec<_> = summary
        .problems
        .iter()
        .filter(|p| p.kind == lede::ingest::ProblemKind::InvalidId)
        .collect();
    assert_eq!(problems.len(), 1, "{:?}", summary.problems);
    assert!(
        problems[0].message.contains("4097 bytes long"),
        "{problems:?}"
    );
    let results = index.search(&SearchRequest::new("wheat")).unwrap();
    assert_eq!(results.total_hits, 1);
    assert_eq!(results.hits[0].article_id, "wheat");
    // Articles handed in directly come from no file.
    index.reload().unwrap();
    let corpus = index.stats().unwrap().corpus;
    assert_eq!(corpus.files, 0);
    assert_eq!(
        (corpus.kinds[0].kind.as_str(), corpus.kinds[0].articles),
        ("added", 1)
    );
    assert_eq!(corpus.undated, 1);
}

#[test]
fn a_publication_date_the_index_cannot_hold_is_dropped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::create(dir.path()).unwrap();
    let articles = vec![article(
        "armada",
        "Armada",
        "The fleet sailed from Lisbon.",
        Some("1588-05-28T00:00:00Z"),
    )];
    let summary = Indexer::new(&index, IndexOptions::default())
        .unwrap()
        .add_articles(articles)
        .unwrap();
    assert_eq!(summary.added, 1);
    assert_eq!(summary.problems.len(), 1, "{:?}", summary.problems);
    assert_eq!(summary.problems[0].kind, lede::ingest::ProblemKind::BadDate);
    assert!(summary.problems[0].message.contains("1588-05-28"));
    let results = index.search(&SearchRequest::new("fleet")).unwrap();
    assert_eq!(results.hits[0].published, None);
}

#[test]
fn index_articles_from_an_iterator_and_search_them() {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::create(dir.path()).unwrap();
    let articles = vec![
        article(
            "gold",
            "Gold hits record",
            "Gold prices hit a record high on Tuesday as the dollar fell. Traders bought bullion.",
            Some("2026-03-03T09:00:00Z"),
        ),
        article(
            "oil",
            "Oil slips",
            "Oil prices slipped as supply rose. Gold was steady.",
            Some("2026-03-04T09:00:00Z"),
        ),
        article(
            "tea",
            "Tea harvest",
            "The tea harvest in Assam was early this year.",
            None,
        ),
    ];
    let summary = Indexer::new(&index, IndexOptions::default())
        .unwrap()
        .add_articles(articles.clone())
        .unwrap();
    assert_eq!(
        (summary.added, summary.updated, summary.unchanged),
        (3, 0, 0)
    );
    assert_eq!(summary.passages, 3);

    let results = index.search(&SearchRequest::new("gold record")).unwrap();
    assert_eq!(results.total_hits, 2);
    assert_eq!(results.hits[0].article_id, "gold");
    assert_eq!(results.hits[0].source.as_deref(), Some("Test Wire"));
    let passage = &results.hits[0].passages[0];
    let marked: Vec<&str> = passage
        .highlights
        .iter()
        .map(|[s, e]| &passage.text[*s..*e])
        .collect();
    assert_eq!(marked, ["Gold", "record"]);

    let mut by_date = SearchRequest::new("");
    by_date.sort = SortOrder::Date;
    let ids: Vec<String> = index
        .search(&by_date)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.article_id)
        .collect();
    assert_eq!(ids, ["oil", "gold", "tea"]);

    // The same articles again change nothing; an edited one is replaced.
    let mut edited = articles.clone();
    edited[2].body.push_str(" Prices fell.");
    let summary = Indexer::new(&index, IndexOptions::default())
        .unwrap()
        .add_articles(edited)
        .unwrap();
    assert_eq!(
        (summary.added, summary.updated, summary.unchanged),
        (0, 1, 2)
    );
    let stored = index.article("tea").unwrap().unwrap();
    assert!(stored.article.body.ends_with("Prices fell."));
    assert_eq!(stored.passages.len(), 1);
    let stats = index.stats().unwrap();
    // The replaced version's passages no longer count.
    assert_eq!((stats.articles, stats.passages), (3, 3));
}

/// Articles dated by the day, as many archives are: the same publication time for most.
fn same_day_articles() -> Vec<Article> {
    let day = Some("2026-03-03T00:00:00Z");
    let copy = "Quarry workers walked out over pay. The quarry owners met the union.";
    vec![
        article(
            "later",
            "",
            "The quarry reopened.",
            Some("2026-03-04T00:00:00Z"),
        ),
        article(
            "weak",
            "",
            "A report on farming mentions a quarry once among many other words about crops.",
            day,
        ),
        article(
            "strong",
            "",
            "Quarry strike: the quarry and a second quarry closed as quarry workers struck.",
            day,
        ),
        article("copy-b", "", copy, day),
        article("copy-a", "", copy, day),
        article("copy-c", "", copy, day),
        article("undated", "", "An old quarry.", None),
    ]
}

/// Every page of `request`'s search, `limit` hits a page, up to and with the first empty one.
fn every_page(index: &Index, request: &SearchRequest, limit: usize) -> Vec<SearchResults> {
    let mut pages = Vec::new();
    for offset in (0..).step_by(limit) {
        let mut request = request.clone();
        (request.offset, request.limit) = (offset, limit);
        let results = index.search(&request).unwrap();
        let empty = results.hits.is_empty();
        pages.push(results);
        if empty {
            return pages;
        }
    }
    unreachable!()
}

/// `--sort date` order of `query` on an index of `articles` added one commit each (one segment
/// an article), with `limit` hits a page.
fn newest_first(articles: Vec<Article>, query: &str, limit: usize) -> Vec<String> {
    in_date_order(articles, query, limit, SortOrder::Date)
}

/// `sort` (a date order) of `query` on an index of `articles` added one commit each, with
/// `limit` hits a page.
fn in_date_order(
    articles: Vec<Article>,
    query: &str,
    limit: usize,
    sort: SortOrder,
) -> Vec<String> {
    let (_dir, index) = built(&articles, 1);
    let mut request = SearchRequest::new(query);
    request.sort = sort;
    every_page(&index, &request, limit)
        .into_iter()
        .flat_map(|page| page.hits)
        .map(|hit| hit.article_id)
        .collect()
}

#[test]
fn sorted_by_date_the_same_day_goes_by_score_then_id_however_the_index_was_built() {
    let expected = [
        "later", "strong", "copy-a", "copy-b", "copy-c", "weak", "undated",
    ];
    let mut articles = same_day_articles();
    for limit in [10, 2, 1] {
        assert_eq!(newest_first(articles.clone(), "quarry", limit), expected);
        // Added in the opposite order, the articles get other addresses (segments).
        articles.reverse();
        assert_eq!(newest_first(articles.clone(), "quarry", limit), expected);
    }
    // Every article matches `*` equally: the same day goes by id.
    assert_eq!(
        newest_first(same_day_articles(), "*", 3),
        [
            "later", "copy-a", "copy-b", "copy-c", "strong", "weak", "undated"
        ]
    );
    // Oldest first: the same day first, in the same order within it; undated still last.
    let oldest = [
        "strong", "copy-a", "copy-b", "copy-c", "weak", "later", "undated",
    ];
    let mut articles = same_day_articles();
    for limit in [10, 2, 1] {
        let got = in_date_order(articles.clone(), "quarry", limit, SortOrder::Oldest);
        assert_eq!(got, oldest);
        articles.reverse();
    }
}

/// Articles of several passages each: some copies of one another (their passages tie), some
/// the same day, one undated; `quarry` in some passages, more often in some than others.
fn passage_articles() -> Vec<Article> {
    let days = [
        Some("2026-03-02T00:00:00Z"),
        Some("2026-03-03T00:00:00Z"),
        Some("2026-03-03T00:00:00Z"),
        None,
    ];
    (0..24)
        .map(|k| {
            let at = if k % 5 == 0 { 0 } else { k % 3 };
            let word = if k % 4 == 0 {
                "quarry quarry"
            } else {
                "quarry"
            };
            // Articles k and k + 12 have the same text: their passages score alike.
            let body = three_passages(word, at % 3) + &"\n\nA quarry closed.".repeat(k % 12 / 6);
            article(&format!("p{k:02}"), "", &body, days[k % 12 % 4])
        })
        .collect()
}

/// An index of `articles` added `per_commit` at a time (a segment a commit).
fn built(articles: &[Article], per_commit: usize) -> (tempfile::TempDir, Index) {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::create(dir.path()).unwrap();
    for chunk in articles.chunks(per_commit) {
        Indexer::new(&index, IndexOptions::default())
            .unwrap()
            .add_articles(chunk.to_vec())
            .unwrap();
    }
    (dir, index)
}

/// Every page of a `--passages` search of `query` in `sort` order, `limit` hits a page, as
/// (article id, passage index, score), and the total each page reported.
fn passage_pages(
    index: &Index,
    query: &str,
    sort: SortOrder,
    limit: usize,
) -> (Vec<(String, usize, f32)>, Vec<usize>) {
    let mut request = SearchRequest::new(query);
    (request.passages, request.sort) = (true, sort);
    let pages = every_page(index, &request, limit);
    let totals = pages.iter().map(|page| page.total_hits).collect();
    let passages = pages
        .into_iter()
        .flat_map(|page| page.hits)
        .map(|hit| (hit.article_id, hit.passages[0].index, hit.score))
        .collect();
    (passages, totals)
}

#[test]
fn passage_pages_are_slices_of_one_order_however_the_index_was_built() {
    let articles = passage_articles();
    let mut reversed = articles.clone();
    reversed.reverse();
    let dates: std::collections::HashMap<String, Option<jiff::Timestamp>> = articles
        .iter()
        .map(|a| (a.id.clone(), a.published))
        .collect();
    // One segment, and several in two orders (other addresses for the same articles).
    let one = built(&articles, articles.len());
    let others = [
        built(&articles, 5),
        built(&reversed, 5),
        built(&reversed, 1),
    ];
    for query in ["quarry", "*"] {
        for sort in [SortOrder::Relevance, SortOrder::Date, SortOrder::Oldest] {
            // Everything on one page: the order every other build and page size must give.
            let (whole, totals) = passage_pages(&one.1, query, sort, 1000);
            assert_eq!(totals[0], whole.len(), "{query} {sort:?}");
            assert!(
                whole.len() > 24,
                "{query}: every article has a matching passage"
            );
            // Newest (or oldest) first when sorted by date (undated last), then best, then id
            // and passage.
            for pair in whole.windows(2) {
                let ((a, ai, a_score), (b, bi, b_score)) = (&pair[0], &pair[1]);
                let by_date = match sort {
                    SortOrder::Date => dates[b].cmp(&dates[a]),
                    SortOrder::Oldest => match (dates[a], dates[b]) {
                        (Some(x), Some(y)) => x.cmp(&y),
                        (x, y) => y.is_some().cmp(&x.is_some()),
                    },
                    SortOrder::Relevance => std::cmp::Ordering::Equal,
                };
                let order = by_date
                    .then(b_score.total_cmp(a_score))
                    .then(a.cmp(b))
                    .then(ai.cmp(bi));
                assert!(order.is_lt(), "{query} {sort:?}: {a}#{ai} before {b}#{bi}");
            }
            for (_dir, index) in &others {
                for limit in [1, 2, 3, 7] {
                    let (pages, totals) = passage_pages(index, query, sort, limit);
                    assert_eq!(pages, whole, "{query} {sort:?}, {limit} a page");
                    assert!(totals.iter().all(|&t| t == whole.len()));
                }
            }
        }
    }
}

#[test]
fn a_page_as_deep_as_can_be_asked_holds_what_there_is() {
    let (_dir, index) = built(&passage_articles(), 5);
    for passages in [false, true] {
        for sort in [SortOrder::Relevance, SortOrder::Date, SortOrder::Oldest] {
            let mut request = SearchRequest::new("quarry");
            (request.passages, request.sort) = (passages, sort);
            (request.offset, request.limit) = (1, usize::MAX);
            let results = index.search(&request).unwrap();
            assert!(results.total_hits > 1);
            assert_eq!(
                results.hits.len(),
                results.total_hits - 1,
                "{passages} {sort:?}"
            );
            request.offset = usize::MAX;
            assert!(index.search(&request).unwrap().hits.is_empty());
        }
    }
}

/// A body of three paragraphs long enough to make three passages, with `word` in paragraph
/// `at` (0, 1 or 2).
fn three_passages(word: &str, at: usize) -> String {
    (0..3)
        .map(|p| {
            let filler = "The committee met again on Thursday to review the figures and agreed \
                          to publish a fuller account of its findings later in the month. ";
            let mut paragraph = filler.repeat(3);
            if p == at {
                paragraph.push_str(&format!("Officials named the plan {word} in a statement."));
            }
            paragraph
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[test]
fn each_hit_shows_its_own_matching_passage_after_updates() {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::create(dir.path()).unwrap();
    let first: Vec<Article> = (0..40)
        .map(|k| {
            article(
                &format!("a{k}"),
                "",
                &three_passages(&format!("zeta{k}"), 1),
                None,
            )
        })
        .collect();
    Indexer::new(&index, IndexOptions::default())
        .unwrap()
        .add_articles(first)
        .unwrap();
    // Move the word to another passage in every third article, in a second run.
    let second: Vec<Article> = (0..40)
        .step_by(3)
        .map(|k| {
            article(
                &format!("a{k}"),
                "",
                &three_passages(&format!("zeta{k}"), 2),
                None,
            )
        })
        .collect();
    let summary = Indexer::new(&index, IndexOptions::default())
        .unwrap()
        .add_articles(second)
        .unwrap();
    assert_eq!(summary.updated, 14);
    let stats = index.stats().unwrap();
    assert_eq!((stats.articles, stats.passages), (40, 120));
    for k in 0..40 {
        let word = format!("zeta{k}");
        let results = index.search(&SearchRequest::new(&word)).unwrap();
        assert_eq!(results.total_hits, 1, "{word}");
        let hit = &results.hits[0];
        assert_eq!(hit.article_id, format!("a{k}"));
        let expected = if k % 3 == 0 { 2 } else { 1 };
        let shown: Vec<usize> = hit.passages.iter().map(|p| p.index).collect();
        assert_eq!(shown, [expected], "{word}");
        assert!(hit.passages[0].text.contains(&word), "{word}");
    }
}

/// A body of paragraphs long enough to be a passage each, the `i`th ending with `sentences[i]`.
fn paragraphs(sentences: &[&str]) -> String {
    let filler = "The committee met again on Thursday to review the figures and agreed to publish \
                  a fuller account of its findings later in the month. ";
    sentences
        .iter()
        .map(|sentence| format!("{}{sentence}", filler.repeat(3)))
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[test]
fn passages_rank_on_their_own_from_the_body_positions() {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::create(dir.path()).unwrap();
    let articles = vec![
        article(
            "twice",
            "",
            &paragraphs(&[
                "The quartz plan was named.",
                "",
                "Quartz quartz quartz again.",
            ]),
            Some("2026-03-01T09:00:00Z"),
        ),
        article(
            "reversed",
            "",
            &paragraphs(&["", "They named a plan quartz, not the quartz plan."]),
            Some("2026-03-03T09:00:00Z"),
        ),
        article(
            "order",
            "",
            &paragraphs(&["Plan first, quartz after.", ""]),
            None,
        ),
    ];
    Indexer::new(&index, IndexOptions::default())
        .unwrap()
        .add_articles(articles)
        .unwrap();
    let passages = |query: &str, sort: SortOrder| {
        let mut request = SearchRequest::new(query);
        request.passages = true;
        request.sort = sort;
        let results = index.search(&request).unwrap();
        let hits: Vec<(String, usize, f32)> = results
            .hits
            .iter()
            .map(|h| (h.article_id.clone(), h.passages[0].index, h.score))
            .collect();
        for hit in &results.hits {
            assert!(
                hit.passages[0].text.to_lowercase().contains("quartz"),
                "{query}"
            );
        }
        (results.total_hits, hits)
    };
    // Every passage holding the word, each with its own score: three occurrences beat one.
    let (total, hits) = passages("quartz", SortOrder::Relevance);
    assert_eq!(total, 4);
    assert_eq!((hits[0].0.as_str(), hits[0].1), ("twice", 2));
    assert_eq!(
        (hits[1].0.as_str(), hits[1].1),
        ("reversed", 1),
        "two occurrences"
    );
    assert!(hits.windows(2).all(|w| w[0].2 >= w[1].2), "{hits:?}");
    // A phrase needs its words in order: "plan first, quartz" is not "quartz plan".
    let (total, hits) = passages("\"quartz plan\"", SortOrder::Relevance);
    let found: Vec<(&str, usize)> = hits.iter().map(|h| (h.0.as_str(), h.1)).collect();
    assert_eq!(total, 2);
    assert!(
        found.contains(&("twice", 0)) && found.contains(&("reversed", 1)),
        "{found:?}"
    );
    // Newest first, the undated last.
    let (_, hits) = passages("quartz", SortOrder::Date);
    let order: Vec<&str> = hits.iter().map(|h| h.0.as_str()).collect();
    assert_eq!(order, ["reversed", "twice", "twice", "order"]);
}

#[test]
fn plain_words_rank_as_the_parsed_query_does() {
    // Plain words run as one flat disjunction of terms (pruned with block-max WAND); with a
    // filter they go through the query parser. Both must give the same scores.
    let dir = tempfile::tempdir().unwrap();
    let index = Index::create(dir.path()).unwrap();
    let seed = include_str!("../corpus/000_feb3187bc183f0b1.txt");
    let articles: Vec<Article> = seed
        .lines()
        .filter(|p| p.split_whitespace().count() > 5)
        .enumerate()
        .map(|(i, p)| article(&format!("p{i}"), "", p, Some("2026-03-02T12:00:00Z")))
        .collect();
    assert!(articles.len() > 10);
    Indexer::new(&index, IndexOptions::default())
        .unwrap()
        .add_articles(articles)
        .unwrap();
    for words in [
        "Anthropic supply chain risk",
        "anthropic ANTHROPIC anthropic pentagon",
        "designate designated designation",
        "OpenAI Codex ChatGPT users contract",
        "nothing matches zzzz",
    ] {
        let mut plain = SearchRequest::new(words);
        plain.syntax = lede::search::QuerySyntax::Plain;
        plain.limit = 1000;
        let mut parsed = plain.clone();
        parsed.since = Some("1990-01-01T00:00:00Z".parse().unwrap());
        let flat = index.rank(&plain).unwrap();
        let via_parser = index.rank(&parsed).unwrap();
        assert_eq!(flat.len(), via_parser.len(), "{words}");
        let mut a: Vec<_> = flat.iter().map(|r| (&r.article_id, r.score)).collect();
        let mut b: Vec<_> = via_parser
            .iter()
            .map(|r| (&r.article_id, r.score))
            .collect();
        a.sort_by(|x, y| x.0.cmp(y.0));
        b.sort_by(|x, y| x.0.cmp(y.0));
        for ((id_a, score_a), (id_b, score_b)) in a.iter().zip(&b) {
            assert_eq!(id_a, id_b, "{words}");
            assert!(
                (score_a - score_b).abs() < 1e-4,
                "{words}: {id_a} {score_a} {score_b}"
            );
        }
        // Passages ranked on their own: the same passages, scores and count.
        let (mut plain, mut parsed) = (plain, parsed);
        plain.passages = true;
        parsed.passages = true;
        let passages = |request: &SearchRequest| {
            let results = index.search(request).unwrap();
            let mut hits: Vec<(String, usize, i64)> = results
                .hits
                .iter()
                .map(|h| {
                    let score = (h.score * 1e4).round() as i64;
                    (h.article_id.clone(), h.passages[0].index, score)
                })
                .collect();
            hits.sort();
            (results.total_hits, hits)
        };
        assert_eq!(passages(&plain), passages(&parsed), "{words}");
    }
}

#[test]
fn a_second_writer_gets_a_clear_lock_error() {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::create(dir.path()).unwrap();
    let _first = Indexer::new(&index, IndexOptions::default()).unwrap();
    let other = Index::open(dir.path()).unwrap();
    match Indexer::new(&other, IndexOptions::default()) {
        Err(Error::Locked(path)) => assert_eq!(path, dir.path()),
        Err(other) => panic!("expected Locked, got {other}"),
        Ok(_) => panic!("expected Locked, got a second writer"),
    }
}

#[test]
fn opening_a_missing_index_says_so() {
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(
        Index::open(dir.path().join("none")),
        Err(Error::NoIndex(_))
    ));
}

#[test]
fn uncommitted_work_is_invisible_and_dropped_with_the_indexer() {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::create(dir.path()).unwrap();
    {
        let _indexer = Indexer::new(&index, IndexOptions::default()).unwrap();
        // Dropped without indexing or committing.
    }
    assert_eq!(index.stats().unwrap().articles, 0);
    Indexer::new(&index, IndexOptions::default()).unwrap();
}

#[test]
fn a_quorum_of_words_and_excluded_ids_narrow_a_search() {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::create(dir.path()).unwrap();
    let articles = vec![
        article("one", "Wheat", "Wheat prices rose in Chicago.", None),
        article(
            "two",
            "Wheat and corn",
            "Wheat and corn rose in Chicago.",
            None,
        ),
        article("three", "Corn", "Corn and soybeans fell in Chicago.", None),
        article("four", "Soybeans", "Soybeans fell.", None),
    ];
    Indexer::new(&index, IndexOptions::default())
        .unwrap()
        .add_articles(articles)
        .unwrap();
    index.reload().unwrap();
    let ids = |request: &SearchRequest| {
        let mut ids: Vec<String> = index
            .search(request)
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.article_id)
            .collect();
        ids.sort();
        ids
    };
    let mut request = SearchRequest::new("wheat corn soybeans");
    assert_eq!(ids(&request), ["four", "one", "three", "two"]);
    request.minimum_should_match = 2;
    assert_eq!(ids(&request), ["three", "two"]);
    request.minimum_should_match = 3;
    assert!(ids(&request).is_empty());
    // More than there are words: all of them.
    request.query = "corn soybeans".into();
    request.minimum_should_match = 5;
    assert_eq!(ids(&request), ["three"]);
    // With filters too, and ids left out.
    request.minimum_should_match = 1;
    request.exclude_ids = vec!["three".into()];
    assert_eq!(ids(&request), ["four", "two"]);
    request.minimum_should_match = 2;
    assert!(ids(&request).is_empty());
    request.sort = SortOrder::Date;
    request.exclude_ids.clear();
    assert_eq!(ids(&request), ["three"]);
    // A quorum of no words: nothing.
    request.query = String::new();
    request.minimum_should_match = 1;
    assert!(ids(&request).is_empty());
    request.minimum_should_match = 0;
    assert_eq!(ids(&request).len(), 4);
    // Articles like one: its words, without it.
    let mut like = SearchRequest::new("");
    like.like = Some("two".into());
    let results = index.search(&like).unwrap();
    assert!(results.query.contains("wheat"), "{}", results.query);
    assert!(!results.hits.iter().any(|h| h.article_id == "two"));
    assert_eq!(results.hits[0].article_id, "one");
}

#[test]
fn a_collapsed_page_past_the_rescore_window_still_shows_each_hit_its_best_passage() {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::create(dir.path()).unwrap();
    // Six different stories whose first passage does not hold the query's word.
    let articles: Vec<Article> = (0..6)
        .map(|n| {
            let first: Vec<String> = (0..45).map(|w| format!("w{n}x{w}")).collect();
            let second: Vec<String> = (0..45)
                .map(|w| match w {
                    10 => "harbour".to_string(),
                    _ => format!("v{n}y{w}"),
                })
                .collect();
            let body = format!("{}.\n\n{}.", first.join(" "), second.join(" "));
            article(&format!("s{n}"), &format!("Story {n}"), &body, None)
        })
        .collect();
    Indexer::new(&index, IndexOptions::default())
        .unwrap()
        .add_articles(articles)
        .unwrap();
    index.reload().unwrap();
    let mut request = SearchRequest::new("harbour");
    request.rescore_window = 1;
    request.limit = 6;
    request.collapse = true;
    let results = index.search(&request).unwrap();
    assert_eq!(results.hits.len(), 6);
    for hit in &results.hits {
        let best = &hit.passages[0];
        assert_eq!(best.index, 1, "{}", hit.article_id);
        assert!(!best.highlights.is_empty(), "{}", hit.article_id);
        assert!(hit.duplicates.is_empty());
    }
    let plain = index
        .search(&SearchRequest {
            collapse: false,
            ..request
        })
        .unwrap();
    assert_eq!(plain.hits, results.hits);
}
