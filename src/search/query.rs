//! From what a customer typed to a tantivy query, per locale.
//!
//! Every word becomes a disjunction of: its stem in title (×3), tags (×2.5) and body; a bonus
//! for the exact spelling; its typo-tolerant (fuzzy) whole form; and, when the word is a
//! compound the index does not know but whose parts it does, those parts. The last word also
//! matches as a prefix, for search-as-you-type and half-typed words. Words are OR-ed: BM25
//! ranks documents that match more of them higher, and filler words weigh little. A word the
//! index does not know is also replaced by the closest word it does know (by edit distance,
//! then by how common it is), scored like a normal word.

use super::analysis::{self, terms};
use super::schema::{Fields, LocaleFields};
use super::vocabulary::Vocabulary;
use crate::Locale;
use tantivy::Term;
use tantivy::query::{BooleanQuery, BoostQuery, DisjunctionMaxQuery, FuzzyTermQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};

/// Relative weights of the signals; tuned with `tuki eval`.
#[derive(Clone, Copy, Debug)]
pub struct Weights {
    /// Stem match in the title.
    pub title: f32,
    /// Stem match in the tags.
    pub tags: f32,
    /// Stem match in summary or body.
    pub body: f32,
    /// Exact spelling anywhere.
    pub exact: f32,
    /// Whole form within the typo distance.
    pub fuzzy: f32,
    /// Last word as a prefix of a whole form.
    pub prefix: f32,
    /// Parts of a compound word.
    pub compound: f32,
    /// Stem as a prefix of longer stems.
    pub stem_prefix: f32,
    /// The closest known word, for a word the index does not know (a typo).
    pub correction: f32,
}

impl Default for Weights {
    fn default() -> Weights {
        Weights {
            title: 3.0,
            tags: 2.5,
            body: 1.0,
            exact: 0.5,
            // Measured with `tuki eval --ablation`: constant-scored fuzzy matching and stem
            // prefixes added nothing once typo correction existed, and cost latency. Off.
            fuzzy: 0.0,
            prefix: 0.8,
            compound: 0.8,
            stem_prefix: 0.0,
            correction: 0.6,
        }
    }
}

/// The folded words of `text`, as the query sees them.
pub fn words(text: &str) -> Vec<String> {
    terms(&mut analysis::folder(), text)
}

/// The query for `text` against the fields of `locale`; `None` when it has no words.
/// `folded` are its [`words`]; `corrections[i]` is the known word closest to word `i` when
/// the index does not know it.
pub fn build(
    text: &str,
    folded: &[String],
    locale: Locale,
    fields: &Fields,
    vocabulary: &Vocabulary,
    corrections: &[Option<String>],
    weights: &Weights,
) -> Option<Box<dyn Query>> {
    let f = fields.of(locale);
    let mut stem = analysis::stemmer(locale);
    let stems = terms(&mut stem, text);
    let exact = terms(&mut analysis::exact(), text);
    if folded.is_empty() || stems.len() != folded.len() || exact.len() != folded.len() {
        return None;
    }
    // A query ending in a space is complete; otherwise its last word may be half-typed.
    let last_is_partial = !text.ends_with(char::is_whitespace);
    let mut words: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for i in 0..folded.len() {
        let is_last = i + 1 == folded.len();
        let mut disjuncts: Vec<Box<dyn Query>> = vec![
            boosted(term(f.title, &stems[i]), weights.title),
            boosted(term(f.tags, &stems[i]), weights.tags),
            boosted(term(f.body, &stems[i]), weights.body),
        ];
        let chars = folded[i].chars().count();
        let distance = match chars {
            0..=3 => 0,
            4..=7 => 1,
            _ => 2,
        };
        if distance > 0 && weights.fuzzy > 0.0 {
            let fuzzy = FuzzyTermQuery::new(Term::from_field_text(f.folded, &folded[i]), distance, true);
            disjuncts.push(boosted(Box::new(fuzzy), weights.fuzzy));
        }
        // Snowball sometimes cuts one form of a word shorter than the others (Finnish
        // "salasana" → "salas", "salasanan" → "salasan"): a stem also matches as a prefix.
        if stems[i].chars().count() >= 4 && weights.stem_prefix > 0.0 {
            let stem_prefix = FuzzyTermQuery::new_prefix(Term::from_field_text(f.body, &stems[i]), 0, true);
            disjuncts.push(boosted(Box::new(stem_prefix), weights.stem_prefix));
        }
        if is_last && last_is_partial && chars >= 2 && weights.prefix > 0.0 {
            let prefix = FuzzyTermQuery::new_prefix(Term::from_field_text(f.folded, &folded[i]), 0, true);
            disjuncts.push(boosted(Box::new(prefix), weights.prefix));
        }
        if let Some(Some(correction)) = corrections.get(i)
            && let Some(corrected) = terms(&mut stem, correction).into_iter().next()
        {
            disjuncts.push(boosted(stem_match(&f, &corrected, weights), weights.correction));
        }
        if let Some(parts) = vocabulary.split_compound(&folded[i]) {
            disjuncts.push(boosted(compound_query(&parts, locale, &f, weights), weights.compound));
        }
        let word = DisjunctionMaxQuery::with_tie_breaker(disjuncts, 0.1);
        // The exact spelling adds to, rather than competes with, the stem match.
        let with_exact = BooleanQuery::new(vec![
            (Occur::Should, Box::new(word) as Box<dyn Query>),
            (Occur::Should, boosted(term(f.exact, &exact[i]), weights.exact)),
        ]);
        words.push((Occur::Should, Box::new(with_exact)));
    }
    Some(Box::new(BooleanQuery::new(words)))
}

/// A stem in title, tags or body, scored like any other word.
fn stem_match(f: &LocaleFields, stem: &str, weights: &Weights) -> Box<dyn Query> {
    Box::new(DisjunctionMaxQuery::new(vec![
        boosted(term(f.title, stem), weights.title),
        boosted(term(f.tags, stem), weights.tags),
        boosted(term(f.body, stem), weights.body),
    ]))
}

/// All parts of a compound must match (stemmed, in title, tags or body).
fn compound_query(parts: &[String], locale: Locale, f: &LocaleFields, weights: &Weights) -> Box<dyn Query> {
    let mut stem = analysis::stemmer(locale);
    let clauses = parts
        .iter()
        .filter_map(|part| terms(&mut stem, part).into_iter().next())
        .map(|s| (Occur::Must, stem_match(f, &s, weights)))
        .collect();
    Box::new(BooleanQuery::new(clauses))
}

fn term(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::WithFreqs))
}

fn boosted(query: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(query, boost))
}
