//! The exact-spelling bonus, added to the best matches after ranking instead of being more terms
//! of the ranked query.
//!
//! A word spelt as in a title or tag (diacritics and ending included) earns a small bonus on top
//! of its stem's score. As terms of the ranked disjunction those bonuses cost a posting list per
//! word that block-max WAND must keep in step with the others: about a sixth of a search's time
//! (measured with `./.ci/bench`). Every document such a term matches also matches the word's stem
//! in the title or tags, so leaving the bonus out of the ranked query changes no match and no
//! count, only scores. So the ranked query fetches a window of matches beyond those asked for,
//! the bonus is added to those, and they are ranked again (as Elasticsearch's rescore window
//! does). The bonus (half a body match) reorders close matches; a match outside the window would
//! need more than the bonus to reach the top. On the labelled query set the ranking is that of
//! the full query (a test checks it).

use super::query::weighted_clause;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, EnableScoring, Query, Scorer};
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentOrdinal, Term};

/// How many matches beyond those asked for get the bonus and may move up with it.
const WINDOW: usize = 10;

/// Bonus terms with their weights: scored like the ranked terms (BM25, boosted), but only for
/// the documents that ranking found.
#[derive(Debug, Default)]
pub struct Bonus {
    terms: Vec<(Term, Score)>,
}

impl Bonus {
    /// Adds `term` with `weight`.
    pub fn add(&mut self, term: Term, weight: Score) {
        self.terms.push((term, weight));
    }

    /// The `top` best matches of `ranked` once the bonus is added to the best `top + WINDOW` of
    /// them, best first (equal scores in index order, as tantivy ranks them).
    pub fn top(
        &self,
        searcher: &Searcher,
        ranked: &dyn Query,
        top: usize,
    ) -> tantivy::Result<Vec<(Score, DocAddress)>> {
        if self.terms.is_empty() {
            return searcher.search(ranked, &TopDocs::with_limit(top).order_by_score());
        }
        let candidates = searcher.search(ranked, &TopDocs::with_limit(top + WINDOW).order_by_score())?;
        let mut rescored = self.add_to(searcher, candidates)?;
        rescored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        rescored.truncate(top);
        Ok(rescored)
    }

    /// The bonus terms OR-ed, each boosted by its weight.
    fn query(&self) -> BooleanQuery {
        BooleanQuery::new(self.terms.iter().map(|(term, weight)| weighted_clause(term.clone(), *weight)).collect())
    }

    /// `candidates` with each one's bonus added to its score.
    fn add_to(
        &self,
        searcher: &Searcher,
        mut candidates: Vec<(Score, DocAddress)>,
    ) -> tantivy::Result<Vec<(Score, DocAddress)>> {
        let weight = self.query().weight(EnableScoring::enabled_from_searcher(searcher))?;
        // Scorers only move forward: each segment's candidates in document order.
        candidates.sort_by_key(|(_, address)| *address);
        let mut current: Option<(SegmentOrdinal, Box<dyn Scorer>)> = None;
        for (score, address) in &mut candidates {
            let scorer = match &mut current {
                Some((segment, scorer)) if *segment == address.segment_ord => scorer,
                other => {
                    let scorer = weight.scorer(searcher.segment_reader(address.segment_ord), 1.0)?;
                    &mut other.insert((address.segment_ord, scorer)).1
                }
            };
            if seek(scorer.as_mut(), address.doc_id) == address.doc_id {
                *score += scorer.score();
            }
        }
        Ok(candidates)
    }
}

/// Moves `docs` to `target` or the first document after it; never backwards.
fn seek(docs: &mut dyn Scorer, target: DocId) -> DocId {
    if docs.doc() >= target { docs.doc() } else { docs.seek(target) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::demo::demo_bundle;
    use crate::search::eval::{DEV_SET, parse_queries};
    use crate::search::{SearchIndex, Weights, query};
    use tantivy::query::Occur;

    #[test]
    fn the_bonus_added_after_ranking_ranks_the_query_set_as_the_full_query_does() -> tantivy::Result<()> {
        let bundle = demo_bundle().expect("demo bundle");
        let index = SearchIndex::in_memory().expect("index");
        index.rebuild(&bundle.documents, "test").expect("indexed");
        let searcher = index.reader.searcher();
        let vocabulary = index.vocabulary.read().expect("vocabulary");
        let mut reordered = 0;
        for q in parse_queries(DEV_SET).expect("query set") {
            let words = query::words(&q.text);
            let known = &vocabulary[q.locale as usize];
            let Some(built) =
                query::build(&q.text, &words, q.locale, &index.fields, known, &[], &[], &Weights::default(), &|_| {
                    false
                })
            else {
                continue;
            };
            let found = built.bonus.top(&searcher, built.ranked.as_ref(), 10)?;
            let unranked = searcher.search(built.ranked.as_ref(), &TopDocs::with_limit(10).order_by_score())?;
            let full = BooleanQuery::new(vec![
                (Occur::Should, built.ranked.box_clone()),
                (Occur::Should, Box::new(built.bonus.query())),
            ]);
            let expected = searcher.search(&full, &TopDocs::with_limit(10).order_by_score())?;
            let addresses = |hits: &[(Score, DocAddress)]| hits.iter().map(|(_, a)| *a).collect::<Vec<_>>();
            assert_eq!(addresses(&found), addresses(&expected), "{:?}", q.text);
            for ((score, _), (full_score, _)) in found.iter().zip(&expected) {
                assert!((score - full_score).abs() < 1e-4, "{:?}: {score} vs {full_score}", q.text);
            }
            reordered += usize::from(addresses(&found) != addresses(&unranked));
        }
        assert!(reordered > 10, "the bonus changed the order of only {reordered} queries' results");
        Ok(())
    }
}
