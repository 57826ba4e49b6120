//! Search quality on the project's labelled query set: the targets of the search issues.
//! (`tuki eval --misses` prints the full tables and every miss of the development part.)

use tuki::Locale;
use tuki::content::demo::demo_bundle;
use tuki::search::eval::{Part, evaluate, evaluation_documents};
use tuki::search::{SearchIndex, SearchRequest};

fn evaluation_index() -> (SearchIndex, Vec<tuki::content::Document>) {
    let documents = evaluation_documents().expect("both corpora");
    let index = SearchIndex::in_memory().expect("index");
    index.rebuild(&documents, "eval").expect("indexed");
    (index, documents)
}

fn request(text: &str, locale: Locale) -> SearchRequest {
    SearchRequest { text: text.to_owned(), locale, limit: 10, offset: 0, category: None, kind: None }
}

#[tokio::test]
async fn tuki_holds_its_quality_on_the_held_out_part_and_beats_the_fts5_baseline_on_both() {
    let (index, documents) = evaluation_index();
    for part in [Part::Dev, Part::Test] {
        let report = evaluate(&index, &documents, &part.queries()).await.expect("evaluation");
        // Only the development part's misses are ever printed.
        let table = report.render(part, part == Part::Dev);
        eprintln!("{table}");
        let tuki = report.tuki.overall();
        let fts5 = report.fts5.overall();
        assert!(tuki.mrr_at_10() > fts5.mrr_at_10() + 0.05, "{table}");
        assert!(tuki.recall_at_3() > fts5.recall_at_3() + 0.05, "{table}");
        // Floors under what this build measures. Issue 15's targets on the test part are
        // P@1 0.92, R@3 0.97, MRR@10 0.94 (not reached yet: measured 0.859 / 0.944 / 0.908)
        // and R@3 0.90 for every type, which holds (the lowest, paraphrase, at 0.908).
        let (p1, r3, mrr, per_type) = match part {
            Part::Dev => (0.94, 0.99, 0.97, 0.95),
            Part::Test => (0.84, 0.93, 0.89, 0.90),
        };
        assert!(tuki.p_at_1() >= p1, "P@1 {:.3}\n{table}", tuki.p_at_1());
        assert!(tuki.recall_at_3() >= r3, "R@3 {:.3}\n{table}", tuki.recall_at_3());
        assert!(tuki.mrr_at_10() >= mrr, "MRR@10 {:.3}\n{table}", tuki.mrr_at_10());
        for (group, metrics) in report.tuki.groups.iter().filter(|(k, _)| k.starts_with("type:")) {
            assert!(metrics.recall_at_3() >= per_type, "{group} R@3 {:.3}\n{table}", metrics.recall_at_3());
        }
    }
}

#[test]
fn a_compound_made_of_words_the_content_knows_always_finds_something() {
    let (index, documents) = evaluation_index();
    let mut folder = tuki::search::analysis::folder();
    let mut tried = 0;
    for locale in Locale::ALL {
        // Words of the titles and tags, in document order: parts customers join.
        let mut words: Vec<String> = Vec::new();
        for doc in &documents {
            let Some(t) = doc.translations.get(&locale) else { continue };
            let text = format!("{} {}", t.title, t.tags.join(" "));
            for word in tuki::search::analysis::terms(&mut folder, &text) {
                if word.chars().count() >= 4 && word.chars().all(char::is_alphabetic) && !words.contains(&word) {
                    words.push(word);
                }
            }
        }
        let linking = match locale {
            Locale::Fi => "n",
            Locale::Sv => "s",
            Locale::En => "",
        };
        // Pairs from far apart in the list: mostly from different documents.
        let step = words.len() / 2;
        for (i, first) in words.iter().enumerate().take(step) {
            let second = &words[i + step];
            // Also with a word the content never writes after them (`pankkitunnusvarkaus`),
            // and with the first cut short where the content writes it only whole or inside
            // compounds (`määräaikais` + `tili`).
            let beginning: String = first.chars().take(first.chars().count().saturating_sub(2)).collect();
            let cut_short = (beginning.chars().count() >= 7).then(|| format!("{beginning}{second}"));
            for joined in
                [format!("{first}{second}"), format!("{first}{linking}{second}"), format!("{first}{second}qxjw")]
                    .into_iter()
                    .chain(cut_short)
            {
                let found = index.search_uncached(&request(&joined, locale)).expect("search");
                assert!(found.total > 0, "{locale:?}: {joined:?} ({first} + {second}) found nothing");
                tried += 1;
            }
        }
    }
    assert!(tried > 800, "{tried} compounds tried");
}

#[test]
fn a_part_of_a_compound_the_content_uses_finds_the_compound() {
    let (index, _) = evaluation_index();
    // "lompakko" appears only inside "mobiililompakkoon" and "lompakkoon"; "säästäminen" inside
    // "rahastosäästäminen"; "stationen" only in "dockningsstationen"-like compounds.
    for (text, locale, slug) in [
        ("lompakko", Locale::Fi, "mobile-wallet-card"),
        ("mobiililompakko", Locale::Fi, "mobile-wallet-card"),
        ("kalenterinjakaminen", Locale::Fi, "share-outlook-calendar"),
        ("kalenderdelning", Locale::Sv, "share-outlook-calendar"),
        ("betalningsgräns", Locale::Sv, "change-daily-limits"),
    ] {
        let found = index.search_uncached(&request(text, locale)).expect("search");
        let slugs: Vec<&str> = found.hits.iter().take(3).map(|h| h.slug.as_str()).collect();
        assert!(slugs.contains(&slug), "{text:?}: {slugs:?}");
    }
}

#[test]
fn the_total_counts_every_match_whether_or_not_the_page_holds_them_all() {
    let bundle = demo_bundle().expect("demo bundle");
    let index = SearchIndex::in_memory().expect("index");
    index.rebuild(&bundle.documents, "eval").expect("indexed");
    let request = |limit| SearchRequest { limit, ..request("kortti", Locale::Fi) };
    let all = index.search_uncached(&request(50)).expect("search");
    assert!(all.hits.len() > 2 && all.hits.len() < 50, "{} hits", all.hits.len());
    assert_eq!(all.total, all.hits.len(), "a page with room for every match");
    let first = index.search_uncached(&request(2)).expect("search");
    assert_eq!((first.hits.len(), first.total), (2, all.total), "a page of two, counted in full");
}

#[test]
fn results_searched_with_other_weights_are_not_answered_from_the_cache() {
    use tuki::search::Weights;
    let bundle = demo_bundle().expect("demo bundle");
    let mut index = SearchIndex::in_memory().expect("index");
    index.rebuild(&bundle.documents, "eval").expect("indexed");
    let request = SearchRequest { limit: 5, ..request("kortti", Locale::Fi) };
    let before = index.search(&request).expect("search");
    index.set_weights(Weights { exact: 0.0, coordination: 0.0, ..Weights::default() });
    let after = index.search(&request).expect("search");
    let scores = |r: &tuki::search::SearchResults| r.hits.iter().map(|h| h.score).collect::<Vec<_>>();
    assert_ne!(
        scores(&before),
        scores(&after),
        "the ranking without bonus and coordination was computed, not the cached one"
    );
    assert_eq!(scores(&after), scores(&index.search_uncached(&request).expect("search")));
}

#[test]
fn the_editors_synonyms_replace_the_default_vocabulary_and_change_the_results_at_once() {
    let bundle = demo_bundle().expect("demo bundle");
    let index = SearchIndex::in_memory().expect("index");
    index.rebuild(&bundle.documents, "eval").expect("indexed");
    let wallet = request("wallet", Locale::En);
    let first = |index: &SearchIndex| index.search(&wallet).expect("search").hits.first().map(|h| h.slug.clone());
    assert_eq!(first(&index).as_deref(), Some("card-lost-or-stolen"), "the default vocabulary: wallet => card");
    let editors = [(Locale::En, "- wallet => printer\n".to_owned())].into_iter().collect();
    assert!(index.set_synonyms(&editors).expect("loaded"));
    assert_eq!(first(&index).as_deref(), Some("printer-not-working"), "the editors' rule, not a cached result");
    assert!(!index.set_synonyms(&editors).expect("same"), "the same files are not loaded twice");
}

#[test]
fn explain_lists_the_weighted_terms_a_query_is_searched_with() {
    let (index, _) = evaluation_index();
    // A compound the content does not write: its own stem at full weight, its parts at the
    // compound weight, and the exact spelling as the bonus.
    let explained = index.explain(&request("korttisalasana", Locale::Fi)).expect("explain");
    let lines: Vec<&str> = explained.lines().collect();
    assert!(lines.contains(&"fi_text:kortisalas ×1"), "{explained}");
    assert!(lines.contains(&"fi_text:kort ×0.8") && lines.contains(&"fi_text:salas ×0.8"), "{explained}");
    assert!(lines.iter().any(|l| l.starts_with("bonus") && l.contains("(korttisalasana, 0.5)")), "{explained}");
    // A compound it writes: also its parts written apart, at the known parts' weight.
    let explained = index.explain(&request("korttimaksu", Locale::Fi)).expect("explain");
    assert!(explained.lines().any(|l| l == "fi_text:maksu ×0.4"), "{explained}");
    for hostile in ["", "   ", "\"\u{0}<script>", "ääää:öö ×9"] {
        index.explain(&request(hostile, Locale::Sv)).expect("any text is explained");
    }
}
