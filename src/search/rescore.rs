//! The exact-spelling bonus, added to the best matches after ranking instead of being more terms
//! of the ranked query; and coordination, which then scales each of those matches by the share
//! of the customer's words it matches in some form.
//!
//! Coordination: the ranked query sums the BM25 scores of its terms per field, so one word of a
//! sentence in a title can outweigh a text that matches most of the sentence in its body, which is
//! how a paraphrase ("the phone was changed and the app cannot be activated") ended on the wrong
//! article. Each match's score is multiplied by `((1 + matched) / (1 + words))^c`, where a word
//! counts as matched by any of its forms (stem in any field, spelling, correction, compound parts,
//! completions, synonyms of a phrase it is in). `tuki eval --ablation` measures it.
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
use tantivy::query::{BooleanQuery, EnableScoring, Query, Scorer, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentOrdinal, Term};

/// How many matches beyond those asked for get the bonus and may move up with it.
const WINDOW: usize = 10;

/// Bonus terms with their weights: scored like the ranked terms (BM25, boosted), but only for
/// the documents that ranking found.
#[derive(Debug, Default)]
pub struct Bonus {
    terms: Vec<(Term, Score)>,
    /// The terms of each of the customer's words, and the coordination exponent.
    words: Vec<Vec<Term>>,
    coordination: Score,
}

impl Bonus {
    /// Adds `term` with `weight`.
    pub fn add(&mut self, term: Term, weight: Score) {
        self.terms.push((term, weight));
    }

    /// Multiplies each candidate's score by `((1 + matched) / (1 + words.len()))^coordination`,
    /// where `matched` counts the words one of whose terms it matches. Off for one word or a
    /// `coordination` of 0.
    pub fn coordinate(&mut self, words: Vec<Vec<Term>>, coordination: Score) {
        if words.len() > 1 && coordination > 0.0 {
            self.words = words;
            self.coordination = coordination;
        }
    }

    /// The `top` best matches of `ranked` once the bonus is added to the best `top + WINDOW` of
    /// them, best first (equal scores in index order, as tantivy ranks them).
    pub fn top(
        &self,
        searcher: &Searcher,
        ranked: &dyn Query,
        top: usize,
    ) -> tantivy::Result<Vec<(Score, DocAddress)>> {
        if self.terms.is_empty() && self.words.is_empty() {
            return searcher.search(ranked, &TopDocs::with_limit(top).order_by_score());
        }
        let candidates = searcher.search(ranked, &TopDocs::with_limit(top + WINDOW).order_by_score())?;
        let mut rescored = if self.terms.is_empty() { candidates } else { self.add_to(searcher, candidates)? };
        if !self.words.is_empty() {
            self.coordinate_scores(searcher, &mut rescored)?;
        }
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
        candidates.sort_by_key(|(_, address)| *address);
        let addresses: Vec<DocAddress> = candidates.iter().map(|(_, address)| *address).collect();
        for_each_match(searcher, weight.as_ref(), &addresses, |i, scorer| candidates[i].0 += scorer.score())?;
        Ok(candidates)
    }
}

/// Calls `found(i, scorer)` for each of `addresses` (sorted) that `weight` matches, the scorer
/// on that document. Scorers only move forward: each segment's documents in order.
fn for_each_match(
    searcher: &Searcher,
    weight: &dyn tantivy::query::Weight,
    addresses: &[DocAddress],
    mut found: impl FnMut(usize, &mut dyn Scorer),
) -> tantivy::Result<()> {
    let mut current: Option<(SegmentOrdinal, Box<dyn Scorer>)> = None;
    for (i, address) in addresses.iter().enumerate() {
        let scorer = match &mut current {
            Some((segment, scorer)) if *segment == address.segment_ord => scorer,
            other => {
                let scorer = weight.scorer(searcher.segment_reader(address.segment_ord), 1.0)?;
                &mut other.insert((address.segment_ord, scorer)).1
            }
        };
        if seek(scorer.as_mut(), address.doc_id) == address.doc_id {
            found(i, scorer.as_mut());
        }
    }
    Ok(())
}

impl Bonus {
    /// Scales each candidate's score by the share of the customer's words it matches.
    fn coordinate_scores(&self, searcher: &Searcher, candidates: &mut [(Score, DocAddress)]) -> tantivy::Result<()> {
        candidates.sort_by_key(|(_, address)| *address);
        let addresses: Vec<DocAddress> = candidates.iter().map(|(_, address)| *address).collect();
        // matched[candidate][word]. Each term on its own: a term's postings seek straight to
        // the candidates with their skip lists, where a union of a word's terms would read
        // ahead through every document of its frequent ones.
        let mut matched = vec![vec![false; self.words.len()]; candidates.len()];
        let scoring = EnableScoring::disabled_from_searcher(searcher);
        for (word, terms) in self.words.iter().enumerate() {
            for term in terms {
                if matched.iter().all(|words| words[word]) {
                    break;
                }
                let weight = TermQuery::new(term.clone(), IndexRecordOption::Basic).weight(scoring)?;
                for_each_match(searcher, weight.as_ref(), &addresses, |i, _| matched[i][word] = true)?;
            }
        }
        let words = self.words.len() as Score;
        for ((score, _), words_matched) in candidates.iter_mut().zip(matched) {
            let count = words_matched.iter().filter(|m| **m).count() as Score;
            *score *= ((1.0 + count) / (1.0 + words)).powf(self.coordination);
        }
        Ok(())
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
    fn coordination_puts_the_text_matching_more_of_the_words_above_one_full_of_a_single_word() {
        use crate::Locale;
        use crate::content::{DocKind, Document, Slug, Status, Translation};
        let doc = |slug: &str, title: &str, body: &str| Document {
            kind: DocKind::Article,
            slug: Slug::parse(slug).expect("slug"),
            category: Slug::parse("cards").expect("slug"),
            status: Status::Published,
            translations: [(
                Locale::En,
                Translation {
                    title: title.into(),
                    summary: None,
                    body: body.into(),
                    tags: vec![title.into()],
                    questions: vec![],
                },
            )]
            .into(),
        };
        let documents = vec![
            doc("statement", "Mortgage", "A mortgage statement for your taxes: download the mortgage statement."),
            doc(
                "interest",
                "Loan rates",
                "When the reference rate rises, the interest on your loan goes up at the next review date.",
            ),
            doc(
                "printers",
                "Printers",
                "Interest in the new printers goes up every year, and the printers on every floor of the \
                 office print on both sides of the paper, in colour or in black and white, as you choose.",
            ),
        ];
        let mut index = SearchIndex::in_memory().expect("index");
        index.rebuild(&documents, "test").expect("indexed");
        let first = |index: &SearchIndex| {
            let request = crate::search::SearchRequest {
                text: "mortgage interest goes up".into(),
                locale: Locale::En,
                limit: 3,
                offset: 0,
                category: None,
                kind: None,
            };
            index.search(&request).expect("search").hits.first().map(|h| h.slug.clone())
        };
        index.set_weights(Weights { coordination: 0.0, ..Weights::default() });
        assert_eq!(first(&index).as_deref(), Some("statement"), "without coordination the text full of one word wins");
        index.set_weights(Weights::default());
        assert_eq!(first(&index).as_deref(), Some("interest"));
    }

    #[test]
    fn the_bonus_added_after_ranking_ranks_the_query_set_as_the_full_query_does() -> tantivy::Result<()> {
        let bundle = demo_bundle().expect("demo bundle");
        let index = SearchIndex::in_memory().expect("index");
        index.rebuild(&bundle.documents, "test").expect("indexed");
        let searcher = index.reader.searcher();
        let vocabulary = index.vocabulary.read().expect("vocabulary");
        let mut reordered = 0;
        // Coordination scales scores after ranking too; this test is about the bonus alone.
        let without_coordination = Weights { coordination: 0.0, ..Weights::default() };
        for q in parse_queries(DEV_SET).expect("query set") {
            let words = query::words(&q.text);
            let known = &vocabulary[q.locale as usize];
            let Some(built) =
                query::build(&q.text, &words, q.locale, &index.fields, known, &[], &[], &without_coordination, &|_| {
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
