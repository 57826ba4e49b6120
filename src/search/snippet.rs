//! Snippets: the best passage of a hit's text, with the words the query matched marked.
//!
//! The passages and marks are those of tantivy's `SnippetGenerator` with the stemming analyzer
//! (a test compares the two for every query of the labelled set in every demo text of its
//! language), but made without analysing
//! every word of the text: that took a fifth of a search. A word is analysed (lowercased, folded,
//! stemmed) only when it begins like one of the query's stems, since a stem keeps the first
//! letters of its word ([`analysis::STEM_KEEPS`]); and what a word analyses to is remembered.
//!
//! A passage is at most [`SNIPPET_BYTES`] bytes of whole words. Each word found scores its
//! term's weight (rarer terms weigh more); the best-scoring passage wins, the earliest on a tie.

use super::analysis::{self, STEM_KEEPS};
use crate::Locale;
use crate::html::escape;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::ops::Range;
use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::{Score, Searcher, Term};

/// Longest passage, in bytes (whole words only).
pub const SNIPPET_BYTES: usize = 180;
/// Longer words are not words (tantivy's `RemoveLongFilter` in the analyzers).
const LONGEST_WORD: usize = 60;
/// Words remembered per thread and locale; forgotten all at once when this many are known.
const ANALYSED_LIMIT: usize = 100_000;

thread_local! {
    /// A word as written → its term, per locale.
    static ANALYSED: RefCell<[FxHashMap<String, String>; 3]> = RefCell::new(Default::default());
}

/// Marks one query's terms in the texts of its hits.
#[derive(Debug)]
pub struct Highlighter {
    locale: Locale,
    /// The query's terms in the text's field, each with its weight.
    terms: Vec<(String, Score)>,
    /// The first letters of every term, lowercase ASCII (a term may begin otherwise, and then
    /// only words that do not begin in ASCII are analysed to find it).
    beginnings: Vec<Vec<u8>>,
}

/// A passage being read.
struct Passage {
    start: usize,
    end: usize,
    score: Score,
    marks: Vec<Range<usize>>,
}

impl Passage {
    fn at(start: usize) -> Passage {
        Passage { start, end: start, score: 0.0, marks: Vec::new() }
    }
}

impl Highlighter {
    /// The highlighter of `query`'s terms in `field`, weighted as tantivy weighs them: the
    /// fewer documents have a term, the more a passage with it scores.
    pub fn for_query(
        searcher: &Searcher,
        query: &dyn Query,
        field: Field,
        locale: Locale,
    ) -> tantivy::Result<Highlighter> {
        let mut terms: Vec<Term> = Vec::new();
        query.query_terms(&mut |term, _| {
            if term.field() == field && !terms.contains(term) {
                terms.push(term.clone());
            }
        });
        let mut weighted = Vec::new();
        for term in &terms {
            let Some(text) = term.value().as_str().map(str::to_owned) else { continue };
            let docs = searcher.doc_freq(term)?;
            if docs > 0 {
                weighted.push((text, 1.0 / (1.0 + docs as Score)));
            }
        }
        Ok(Highlighter::new(locale, weighted))
    }

    /// The highlighter of `terms` (analysed as `locale`'s stemming analyzer makes them).
    pub fn new(locale: Locale, mut terms: Vec<(String, Score)>) -> Highlighter {
        terms.sort_by(|a, b| a.0.cmp(&b.0));
        terms.dedup_by(|a, b| a.0 == b.0);
        let mut beginnings: Vec<Vec<u8>> = terms
            .iter()
            .map(|(t, _)| t.chars().take(STEM_KEEPS).collect::<String>().into_bytes())
            .filter(|b| b.is_ascii())
            .collect();
        beginnings.sort();
        beginnings.dedup();
        Highlighter { locale, terms, beginnings }
    }

    /// The best passage of `text` as HTML (escaped, words found in `<mark>`), from its first word
    /// to its last; empty when no word of the text is one of the terms.
    pub fn html(&self, text: &str) -> String {
        let text = text.trim();
        let mut best: Option<Passage> = None;
        let mut passage = Passage::at(0);
        for word in words(text) {
            if word.len() >= LONGEST_WORD {
                continue;
            }
            if word.end - passage.start > SNIPPET_BYTES {
                let done = std::mem::replace(&mut passage, Passage::at(word.start));
                keep_better(&mut best, done);
            }
            passage.end = word.end;
            if let Some(score) = self.score(&text[word.clone()]) {
                passage.score += score;
                passage.marks.push(word);
            }
        }
        keep_better(&mut best, passage);
        best.map(|p| marked_html(text, &p)).unwrap_or_default()
    }

    /// The weight of the term `word` analyses to, if it is one of the terms.
    fn score(&self, word: &str) -> Option<Score> {
        if !self.may_be_a_term(word) {
            return None;
        }
        ANALYSED.with_borrow_mut(|memo| {
            let memo = &mut memo[self.locale as usize];
            let term = match memo.get(word) {
                Some(term) => term,
                None => {
                    let term = analysis::terms(&mut analysis::stemmer(self.locale), word).pop().unwrap_or_default();
                    if memo.len() >= ANALYSED_LIMIT {
                        memo.clear();
                    }
                    memo.entry(word.to_owned()).or_insert(term)
                }
            };
            self.terms.iter().find(|(t, _)| t == term).map(|(_, score)| *score)
        })
    }

    /// False when `word` begins in ASCII unlike every term: its term cannot be one of them.
    fn may_be_a_term(&self, word: &str) -> bool {
        let head = &word.as_bytes()[..word.len().min(STEM_KEEPS)];
        if !head.is_ascii() {
            return true;
        }
        let head = head.to_ascii_lowercase();
        self.beginnings.iter().any(|b| head.starts_with(b))
    }
}

/// `candidate` becomes the best passage when it found something and scores higher (an earlier
/// passage wins a tie).
fn keep_better(best: &mut Option<Passage>, candidate: Passage) {
    if candidate.score > 0.0 && best.as_ref().is_none_or(|b| candidate.score > b.score) {
        *best = Some(candidate);
    }
}

/// The byte ranges of `text`'s words: runs of letters and digits (as tantivy's `SimpleTokenizer`).
fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices();
    std::iter::from_fn(move || {
        let (start, _) = chars.find(|(_, c)| c.is_alphanumeric())?;
        let mut end = text.len();
        for (at, c) in chars.by_ref() {
            if !c.is_alphanumeric() {
                end = at;
                break;
            }
        }
        Some(start..end)
    })
}

/// The passage of `text`, escaped, with its marks in `<mark>`.
fn marked_html(text: &str, passage: &Passage) -> String {
    let mut html = String::with_capacity(passage.end - passage.start + 32);
    let mut from = passage.start;
    for mark in &passage.marks {
        html.push_str(&escape(&text[from..mark.start]));
        html.push_str("<mark>");
        html.push_str(&escape(&text[mark.clone()]));
        html.push_str("</mark>");
        from = mark.end;
    }
    html.push_str(&escape(&text[from..passage.end]));
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    fn highlighter(locale: Locale, query: &str) -> Highlighter {
        let stems = analysis::terms(&mut analysis::stemmer(locale), query);
        Highlighter::new(locale, stems.into_iter().map(|s| (s, 1.0)).collect())
    }

    #[test]
    fn inflected_and_unaccented_forms_are_marked_in_the_text_as_written() {
        let html = highlighter(Locale::Fi, "salasanan vaihto").html("Näin vaihdat SALASANAN: salasanat vanhenevat.");
        assert_eq!(html, "Näin vaihdat <mark>SALASANAN</mark>: <mark>salasanat</mark> vanhenevat");
        let html = highlighter(Locale::Sv, "losenordet").html("Byt lösenordet här.");
        assert_eq!(html, "Byt <mark>lösenordet</mark> här");
    }

    #[test]
    fn the_passage_with_the_most_and_rarest_words_is_chosen() {
        let filler = "muuta tekstiä ".repeat(20);
        let text = format!("kortti alussa. {filler} kortti ja tunnus yhdessä. {filler}");
        let html = Highlighter::new(Locale::Fi, vec![("kort".into(), 0.2), ("tunnus".into(), 0.5)]).html(&text);
        assert!(html.contains("<mark>kortti</mark> ja <mark>tunnus</mark>") && !html.contains("alussa"), "{html}");
        assert!(html.len() <= SNIPPET_BYTES + 2 * "<mark></mark>".len());
    }

    #[test]
    fn passages_and_marks_are_those_of_tantivys_snippet_generator() -> Result<(), String> {
        let bundle = crate::content::demo::demo_bundle().map_err(|e| e.to_string())?;
        let queries = crate::search::eval::parse_queries(crate::search::eval::DEV_SET)?;
        let (mut compared, mut marked) = (0, 0);
        for query in &queries {
            let stems = analysis::terms(&mut analysis::stemmer(query.locale), &query.text);
            // Weights that differ by term, as document frequencies make them.
            let weighted: Vec<(String, Score)> =
                stems.iter().map(|s| (s.clone(), 1.0 / (1.0 + s.len() as Score))).collect();
            let ours = Highlighter::new(query.locale, weighted.clone());
            let theirs = tantivy::snippet::SnippetGenerator::new(
                weighted.into_iter().collect(),
                analysis::stemmer(query.locale),
                Field::from_field_id(0),
                SNIPPET_BYTES,
            );
            for doc in &bundle.documents {
                let Some(t) = doc.translations.get(&query.locale) else { continue };
                let body = crate::content::markdown::to_plain_text(&t.body);
                let text = format!("{}\n{body}", t.summary.clone().unwrap_or_default());
                let mut expected = theirs.snippet(text.trim());
                expected.set_snippet_prefix_postfix("<mark>", "</mark>");
                let expected = expected.to_html();
                assert_eq!(ours.html(&text), expected, "{:?} in {}", query.text, doc.slug.as_str());
                compared += 1;
                marked += usize::from(!expected.is_empty());
            }
        }
        assert!(compared > 5_000 && marked > 1_000, "{compared} texts, {marked} with marks");
        Ok(())
    }

    #[test]
    fn text_is_escaped_and_nothing_is_marked_when_no_word_matches() {
        let h = highlighter(Locale::En, "card");
        assert_eq!(h.html("<b>card</b> & 'pin'"), "&lt;b&gt;<mark>card</mark>&lt;/b&gt; &amp; &#x27;pin");
        assert_eq!(h.html("nothing here"), "");
    }
}
