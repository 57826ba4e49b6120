//! Search quality on the project's labelled query set: the targets of the search issue.
//! (`tuki eval --misses` prints the full table and every miss.)

use tuki::content::demo::demo_bundle;
use tuki::search::SearchIndex;
use tuki::search::eval::{DEV_SET, evaluate, parse_queries};

#[tokio::test]
async fn tuki_meets_the_quality_targets_and_beats_the_fts5_baseline() {
    let bundle = demo_bundle().expect("demo bundle");
    let index = SearchIndex::in_memory().expect("index");
    index.rebuild(&bundle.documents, "eval").expect("indexed");
    let queries = parse_queries(DEV_SET).expect("query set");
    assert!(queries.len() >= 150, "{} queries", queries.len());
    let report = evaluate(&index, &bundle.documents, &queries).await.expect("evaluation");
    let table = report.render(true);
    eprintln!("{table}");
    let tuki = report.tuki.overall();
    assert!(tuki.p_at_1() >= 0.90, "P@1 {:.3}\n{table}", tuki.p_at_1());
    assert!(tuki.recall_at_3() >= 0.97, "recall@3 {:.3}\n{table}", tuki.recall_at_3());
    for (group, metrics) in report.tuki.groups.iter().filter(|(k, _)| k.starts_with("type:")) {
        assert!(metrics.recall_at_3() >= 0.85, "{group} recall@3 {:.3}\n{table}", metrics.recall_at_3());
    }
    assert!(tuki.mrr_at_10() > report.fts5.overall().mrr_at_10(), "{table}");
}

#[test]
fn the_total_counts_every_match_whether_or_not_the_page_holds_them_all() {
    use tuki::Locale;
    use tuki::search::SearchRequest;
    let bundle = demo_bundle().expect("demo bundle");
    let index = SearchIndex::in_memory().expect("index");
    index.rebuild(&bundle.documents, "eval").expect("indexed");
    let request = |limit| SearchRequest {
        text: "kortti".to_owned(),
        locale: Locale::Fi,
        limit,
        offset: 0,
        category: None,
        kind: None,
    };
    let all = index.search_uncached(&request(50)).expect("search");
    assert!(all.hits.len() > 2 && all.hits.len() < 50, "{} hits", all.hits.len());
    assert_eq!(all.total, all.hits.len(), "a page with room for every match");
    let first = index.search_uncached(&request(2)).expect("search");
    assert_eq!((first.hits.len(), first.total), (2, all.total), "a page of two, counted in full");
}

#[test]
fn results_searched_with_other_weights_are_not_answered_from_the_cache() {
    use tuki::Locale;
    use tuki::search::{SearchRequest, Weights};
    let bundle = demo_bundle().expect("demo bundle");
    let mut index = SearchIndex::in_memory().expect("index");
    index.rebuild(&bundle.documents, "eval").expect("indexed");
    let request = SearchRequest {
        text: "kortti".to_owned(),
        locale: Locale::Fi,
        limit: 5,
        offset: 0,
        category: None,
        kind: None,
    };
    let before = index.search(&request).expect("search");
    index.set_weights(Weights { title: 0.0, tags: 0.0, ..Weights::default() });
    let after = index.search(&request).expect("search");
    let scores = |r: &tuki::search::SearchResults| r.hits.iter().map(|h| h.score).collect::<Vec<_>>();
    assert_ne!(scores(&before), scores(&after), "the body-only ranking was computed, not the cached one");
    assert_eq!(scores(&after), scores(&index.search_uncached(&request).expect("search")));
}
