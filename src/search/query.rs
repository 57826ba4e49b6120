//! From what a customer typed to a tantivy query, per locale.
//!
//! Function words are left out when the query has other words (see [`stopwords`]), though a
//! half-typed last word still completes ("in" may become "invoice").
//! Every word becomes weighted terms: its stem in the text (title, tags, summary and body in one
//! field, the title and tags repeated: BM25F, see [`LocaleFields::text`]) and in the questions
//! the text answers; a bonus for the exact spelling; when the index does not know the word, the
//! closest word it does know (a typo) and, for a compound whose parts it knows, those parts; and
//! for the last, half-typed word, the most common words it begins. All terms are OR-ed in one flat
//! disjunction whose scores add up (BM25 per term): documents that match more of the words,
//! in better fields, rank higher, and filler words weigh little. A flat disjunction of plain
//! terms is what lets tantivy skip documents that cannot reach the top (block-max WAND), which
//! keeps a search fast however common its words are. The exact-spelling bonus is kept out of
//! it and added to the best matches afterwards ([`rescore`](super::rescore)).

use super::analysis::{self, terms};
use super::rescore::Bonus;
use super::schema::{Fields, LocaleFields};
use super::stopwords;
use super::synonyms::{Synonyms, distinct_expansions};
use super::vocabulary::Vocabulary;
use crate::Locale;
use std::collections::BTreeMap;
use tantivy::Term;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};

/// Relative weights of the signals, a stem match in the text weighing 1; tuned with `tuki eval`.
/// (How title, tags and body weigh against each other is set when indexing:
/// `schema::TITLE_REPEATS`.)
#[derive(Clone, Copy, Debug)]
pub struct Weights {
    /// Stem match in the questions the text answers.
    pub questions: f32,
    /// Exact spelling anywhere.
    pub exact: f32,
    /// A word the last, half-typed word begins.
    pub prefix: f32,
    /// Parts of a compound word.
    pub compound: f32,
    /// The closest known word, for a word the index does not know (a typo).
    pub correction: f32,
    /// A known compound of the content that the word is a part of.
    pub part_of: f32,
    /// The parts of a compound the content writes, for that compound (`pankkikortti` also
    /// finds a text about a `kortti` of a `pankki`).
    pub known_parts: f32,
    /// Other stems of the same word, where the stemmer gives its inflections different ones.
    pub family: f32,
    /// What the editors' synonym rules say the customer's words stand for.
    pub synonym: f32,
    /// A general-language thesaurus's synonyms of the customer's words.
    pub thesaurus: f32,
    /// How much a match loses for each of the customer's words it does not match in any form
    /// (the score is multiplied by `((1 + matched) / (1 + words))^coordination`); 0 is off.
    pub coordination: f32,
}

impl Default for Weights {
    fn default() -> Weights {
        Weights {
            questions: 0.25,
            exact: 0.5,
            prefix: 0.3,
            compound: 0.8,
            correction: 0.8,
            part_of: 0.4,
            known_parts: 0.4,
            family: 0.6,
            synonym: 0.5,
            thesaurus: 0.0,
            coordination: 1.5,
        }
    }
}

/// What the index knows about one word of the query, looked up before the query is built.
#[derive(Clone, Debug, Default)]
pub struct WordHints {
    /// The closest known word, when the index does not know this one.
    pub correction: Option<String>,
    /// Known words this one begins (only for the last word while it is being typed).
    pub completions: Vec<String>,
}

/// The folded words of `text`, as the query sees them.
pub fn words(text: &str) -> Vec<String> {
    terms(&mut analysis::folder(), text)
}

/// True when the last word of `text` may be half-typed (the text does not end in a space).
pub fn last_is_partial(text: &str) -> bool {
    !text.ends_with(char::is_whitespace)
}

/// Weighted terms, merged: the same term reached twice counts with the sum of its weights.
#[derive(Default)]
struct WeightedTerms(BTreeMap<(Field, String), f32>);

impl WeightedTerms {
    fn add(&mut self, field: Field, text: &str, weight: f32) {
        if weight > 0.0 && !text.is_empty() {
            *self.0.entry((field, text.to_owned())).or_default() += weight;
        }
    }

    /// The stem in the text and the questions.
    fn add_stem(&mut self, f: &LocaleFields, stem: &str, weights: &Weights, factor: f32) {
        self.add(f.text, stem, factor);
        self.add(f.questions, stem, weights.questions * factor);
    }

    /// `text` in `field` for one of the customer's words: ranked with `weight`, and counted for
    /// the word's [coordination](Weights::coordination).
    fn add_for(&mut self, word: &mut WordTerms, field: Field, text: &str, weight: f32) {
        self.add(field, text, weight);
        word.add(field, text);
    }

    /// `stem` for one of the customer's words: [`add_stem`](Self::add_stem), and counted for
    /// the word's coordination.
    fn add_stem_for(&mut self, word: &mut WordTerms, f: &LocaleFields, stem: &str, weights: &Weights, factor: f32) {
        self.add_stem(f, stem, weights, factor);
        word.add_stem(f, stem);
    }

    /// Moves the terms of `from` that weigh less than a word's own stem and that `common` says
    /// are common to `to`, with their weights.
    fn move_common_stand_ins(&mut self, from: Field, to: Field, common: &dyn Fn(&str) -> bool) {
        for ((field, text), weight) in std::mem::take(&mut self.0) {
            let field = if field == from && weight < 1.0 && common(&text) { to } else { field };
            *self.0.entry((field, text)).or_default() += weight;
        }
    }

    /// The ranked disjunction, and the terms of `bonus_field` apart as a [`Bonus`] (see
    /// [`rescore`](super::rescore)); `None` when there are no terms to rank.
    fn into_query(self, bonus_field: Field, words: Vec<WordTerms>, coordination: f32) -> Option<BuiltQuery> {
        let mut bonus = Bonus::default();
        bonus.coordinate(words.into_iter().map(|w| w.0).collect(), coordination);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for ((field, text), weight) in self.0 {
            let term = Term::from_field_text(field, &text);
            if field == bonus_field {
                bonus.add(term, weight);
            } else {
                clauses.push(weighted_clause(term, weight));
            }
        }
        if clauses.is_empty() {
            return None;
        }
        Some(BuiltQuery { ranked: Box::new(BooleanQuery::new(clauses)), bonus })
    }
}

/// The terms that match one of the customer's words in some form (its stem, spelling,
/// correction, parts, completions or synonyms), for [coordination](Weights::coordination).
#[derive(Default)]
struct WordTerms(Vec<Term>);

impl WordTerms {
    fn add(&mut self, field: Field, text: &str) {
        if !text.is_empty() {
            self.0.push(Term::from_field_text(field, text));
        }
    }

    /// The stem in the text (not the questions: they repeat what the text says, and each field
    /// checked costs a posting list per candidate search).
    fn add_stem(&mut self, f: &LocaleFields, stem: &str) {
        self.add(f.text, stem);
    }
}

/// `term` as an optional clause whose BM25 score is multiplied by `weight`.
pub(super) fn weighted_clause(term: Term, weight: f32) -> (Occur, Box<dyn Query>) {
    let term = TermQuery::new(term, IndexRecordOption::WithFreqs);
    (Occur::Should, Box::new(BoostQuery::new(Box::new(term), weight)))
}

/// A search's query: what ranks the matches, and the bonus added to the best of them.
pub struct BuiltQuery {
    /// Every term but the bonus ones, OR-ed: finds and ranks the matches.
    pub ranked: Box<dyn Query>,
    /// The exact-spelling terms, scored only for the best matches.
    pub bonus: Bonus,
}

/// The query for `text` against the fields of `locale`; `None` when it has no words.
/// `folded` are its [`words`]; `hints[i]` is what the index knows about word `i`;
/// `expansions` are synonym rules with the weight of what they add; `common_in_text` says
/// whether a stem is in so many documents' texts that a term only standing for the customer's
/// words is searched in titles and tags instead.
#[allow(clippy::too_many_arguments)]
pub fn build(
    text: &str,
    folded: &[String],
    locale: Locale,
    fields: &Fields,
    vocabulary: &Vocabulary,
    expansions: &[(&Synonyms, f32)],
    hints: &[WordHints],
    weights: &Weights,
    common_in_text: &dyn Fn(&str) -> bool,
) -> Option<BuiltQuery> {
    let f = fields.of(locale);
    let mut stem = analysis::stemmer(locale);
    let stems = terms(&mut stem, text);
    let exact = terms(&mut analysis::exact(), text);
    if folded.is_empty() || stems.len() != folded.len() || exact.len() != folded.len() {
        return None;
    }
    let keep = stopwords::content_words(locale, folded);
    let mut weighted = WeightedTerms::default();
    let mut words: Vec<WordTerms> = Vec::new();
    // What each word's phrases stand for, with the weight of what they add.
    let expanded: Vec<(Vec<Vec<String>>, f32)> = expansions
        .iter()
        .filter(|(_, weight)| *weight > 0.0)
        .map(|(rules, weight)| (rules.expand_by_word(&stems), *weight))
        .collect();
    let no_hints = WordHints::default();
    for i in 0..folded.len() {
        let hint = hints.get(i).unwrap_or(&no_hints);
        let mut word = WordTerms::default();
        for completion in &hint.completions {
            weighted.add_for(&mut word, f.folded, completion, weights.prefix);
        }
        if !keep[i] {
            continue;
        }
        weighted.add_stem_for(&mut word, &f, &stems[i], weights, 1.0);
        weighted.add(f.exact, &exact[i], weights.exact);
        if weights.family > 0.0 {
            for other in vocabulary.stem_family(&stems[i]) {
                weighted.add_for(&mut word, f.text, other, weights.family);
            }
        }
        let mut stem_of = |form: &str| terms(&mut stem, form).into_iter().next();
        if let Some(corrected) = hint.correction.as_deref().and_then(&mut stem_of) {
            weighted.add_stem_for(&mut word, &f, &corrected, weights, weights.correction);
        }
        // A compound the content writes also finds the texts that write its parts apart.
        let known_parts = if weights.known_parts > 0.0 { vocabulary.parts_of_known(&folded[i]) } else { None };
        for part_stem in known_parts.iter().flatten().filter_map(|part| stem_of(part)) {
            weighted.add_stem_for(&mut word, &f, &part_stem, weights, weights.known_parts);
        }
        for part in vocabulary.split_compound(&folded[i], locale).unwrap_or_default() {
            let Some(part_stem) = stem_of(&part) else { continue };
            weighted.add_stem_for(&mut word, &f, &part_stem, weights, weights.compound);
            for other in vocabulary.stem_family(&part_stem) {
                weighted.add_for(&mut word, f.text, other, weights.family * weights.compound);
            }
            // A part the content never writes alone: the compounds it is written in.
            if !vocabulary.contains(&part) {
                for compound in vocabulary.compounds_with(&part_stem) {
                    weighted.add_for(&mut word, f.folded, compound, weights.part_of * weights.compound);
                }
            }
        }
        // A word the content never writes alone: the compounds it is written in.
        if !vocabulary.contains(&folded[i]) {
            for compound in vocabulary.compounds_with(&stems[i]) {
                weighted.add_for(&mut word, f.folded, compound, weights.part_of);
            }
        }
        for stem in expanded.iter().flat_map(|(by_word, _)| &by_word[i]) {
            word.add_stem(&f, stem);
        }
        words.push(word);
    }
    for (by_word, weight) in &expanded {
        for stem in distinct_expansions(by_word, &stems) {
            weighted.add_stem(&f, &stem, weights, *weight);
        }
    }
    // A term that only stands for the customer's words (a correction, a part, a synonym: less
    // than a word's own weight) and is in a large share of the texts ranks little and costs a
    // long posting list: searched in titles and tags only.
    weighted.move_common_stand_ins(f.text, f.heading, common_in_text);
    // An exact spelling in the title or tags is also a stem match in the text (and the
    // heading), so the ranked terms match whatever a bonus term does.
    weighted.into_query(f.exact, words, weights.coordination)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::schema::Fields;

    /// The (field, text) of every term of the ranked query.
    fn ranked_terms(query: &BuiltQuery) -> Vec<(Field, String)> {
        let mut found = Vec::new();
        query.ranked.query_terms(&mut |term, _| {
            found.push((term.field(), term.value().as_str().unwrap_or_default().to_owned()));
        });
        found
    }

    #[test]
    fn a_common_term_standing_for_the_customers_word_is_searched_in_titles_and_tags_only() {
        let (_, fields) = Fields::build();
        let f = fields.of(Locale::En);
        let rules = Synonyms::from_source(Locale::En, "- wallet => card\n");
        let vocabulary = Vocabulary::default();
        let query = |common: &dyn Fn(&str) -> bool| {
            let text = "wallet ";
            build(
                text,
                &words(text),
                Locale::En,
                &fields,
                &vocabulary,
                &[(&rules, 0.5)],
                &[],
                &Weights::default(),
                common,
            )
            .expect("a query")
        };
        let rare = ranked_terms(&query(&|_| false));
        assert!(rare.contains(&(f.text, "card".into())), "{rare:?}");
        let common = ranked_terms(&query(&|stem| stem == "card"));
        assert!(!common.contains(&(f.text, "card".into())), "{common:?}");
        assert!(common.contains(&(f.heading, "card".into())), "{common:?}");
        assert!(common.contains(&(f.text, "wallet".into())), "the customer's own word stays in the text: {common:?}");
    }
}
