//! Synonym rules of each locale, stemmed for the query builder: a customer's words also find
//! what a rule says they stand for, weighed below the words themselves.
//!
//! Until the editors import a synonyms file for a locale, Tuki's default customer vocabulary of
//! that locale applies (`default_synonyms/<locale>.yaml`: everyday words of bank and IT service
//! desk customers for what support articles call otherwise); their file replaces it.

use super::analysis::{self, terms};
use crate::Locale;
use crate::content::synonyms::SynonymList;
use std::collections::HashMap;

/// A term as the stems of its words.
type Phrase = Vec<String>;

/// The rules of one locale, found by the first stem of each term that triggers them.
#[derive(Clone, Debug, Default)]
pub struct Synonyms {
    /// First stem → (the whole triggering phrase, the phrases it stands for).
    by_first_stem: HashMap<String, Vec<(Phrase, Vec<Phrase>)>>,
}

/// The rules a search index uses, and the editors' files they came from: one lock for a
/// search to read.
#[derive(Clone, Debug)]
pub struct LoadedSynonyms {
    /// The editors' files by locale; `None` until they are first loaded.
    pub files: Option<std::collections::BTreeMap<Locale, String>>,
    /// The rules of each locale, in `Locale::ALL` order.
    pub rules: [Synonyms; 3],
    /// General-language thesauri per locale (optional; see [`super::thesaurus`]).
    pub thesauri: [Synonyms; 3],
}

impl Default for LoadedSynonyms {
    /// The default vocabulary of every locale, before the editors' files are loaded.
    fn default() -> LoadedSynonyms {
        LoadedSynonyms { files: None, rules: Locale::ALL.map(|l| effective(l, None)), thesauri: Default::default() }
    }
}

/// Tuki's default customer vocabulary of `locale`, as a synonyms file.
pub fn default_source(locale: Locale) -> &'static str {
    match locale {
        Locale::Fi => include_str!("default_synonyms/fi.yaml"),
        Locale::Sv => include_str!("default_synonyms/sv.yaml"),
        Locale::En => include_str!("default_synonyms/en.yaml"),
    }
}

/// The rules that apply to `locale`: the editors' file when there is one, else the default.
pub fn effective(locale: Locale, editors: Option<&str>) -> Synonyms {
    Synonyms::from_source(locale, editors.unwrap_or_else(|| default_source(locale)))
}

impl Synonyms {
    /// The rules of a synonyms file of `locale`; a file that does not read gives none (files are
    /// checked when imported).
    pub fn from_source(locale: Locale, source: &str) -> Synonyms {
        SynonymList::parse(source).map(|list| Synonyms::new(locale, &list)).unwrap_or_default()
    }

    /// The rules of `list`, stemmed with `locale`'s stemmer.
    pub fn new(locale: Locale, list: &SynonymList) -> Synonyms {
        let mut stemmer = analysis::stemmer(locale);
        let mut stem = |term: &str| terms(&mut stemmer, term);
        let mut by_first_stem: HashMap<String, Vec<(Phrase, Vec<Phrase>)>> = HashMap::new();
        for rule in &list.rules {
            let to: Vec<Phrase> = rule.to.iter().map(|t| stem(t)).filter(|p| !p.is_empty()).collect();
            for from in &rule.from {
                let phrase = stem(from);
                let Some(first) = phrase.first().cloned() else { continue };
                let others: Vec<Phrase> = to.iter().filter(|p| **p != phrase).cloned().collect();
                if !others.is_empty() {
                    by_first_stem.entry(first).or_default().push((phrase, others));
                }
            }
        }
        Synonyms { by_first_stem }
    }

    /// True when there are no rules.
    pub fn is_empty(&self) -> bool {
        self.by_first_stem.is_empty()
    }

    /// The stems that the query's `stems` also stand for, each once, none of the query's own.
    pub fn expand(&self, stems: &[String]) -> Vec<String> {
        distinct_expansions(&self.expand_by_word(stems), stems)
    }

    /// For each of the query's `stems`, the stems that a phrase covering it stands for: what
    /// may match in that word's place.
    pub fn expand_by_word(&self, stems: &[String]) -> Vec<Vec<String>> {
        let mut out: Vec<Vec<String>> = vec![Vec::new(); stems.len()];
        for start in 0..stems.len() {
            let Some(rules) = self.by_first_stem.get(&stems[start]) else { continue };
            for (phrase, others) in rules {
                if !stems[start..].starts_with(phrase) {
                    continue;
                }
                for covered in &mut out[start..start + phrase.len()] {
                    for stem in others.iter().flatten() {
                        if !covered.contains(stem) {
                            covered.push(stem.clone());
                        }
                    }
                }
            }
        }
        out
    }
}

/// The stems of `by_word` (an [`expand_by_word`](Synonyms::expand_by_word) of `stems`), each
/// once, none of the query's own.
pub fn distinct_expansions(by_word: &[Vec<String>], stems: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for stem in by_word.iter().flatten() {
        if !stems.contains(stem) && !out.contains(stem) {
            out.push(stem.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(locale: Locale, text: &str) -> Vec<String> {
        terms(&mut analysis::stemmer(locale), text)
    }

    #[test]
    fn a_word_of_an_equivalence_finds_the_others_in_any_inflection() {
        let synonyms = Synonyms::from_source(Locale::Fi, "- läppäri, kannettava\n");
        assert_eq!(synonyms.expand(&stems(Locale::Fi, "läppärini on hidas")), stems(Locale::Fi, "kannettava"));
        assert_eq!(synonyms.expand(&stems(Locale::Fi, "kannettavan näyttö")), stems(Locale::Fi, "läppäri"));
    }

    #[test]
    fn a_one_way_rule_and_a_phrase_rule_apply_only_forwards_and_only_to_the_whole_phrase() {
        let synonyms = Synonyms::from_source(Locale::En, "- wallet => card\n- can't remember, forgot => forgotten\n");
        assert_eq!(synonyms.expand(&stems(Locale::En, "my wallet was stolen")), stems(Locale::En, "card"));
        assert!(synonyms.expand(&stems(Locale::En, "card stolen")).is_empty());
        assert_eq!(synonyms.expand(&stems(Locale::En, "i can't remember my pin")), stems(Locale::En, "forgotten"));
        assert!(synonyms.expand(&stems(Locale::En, "can't log in")).is_empty());
    }

    #[test]
    fn the_default_vocabulary_of_every_locale_reads_and_the_editors_file_replaces_it() {
        for locale in Locale::ALL {
            let list = SynonymList::parse(default_source(locale)).expect("the default vocabulary reads");
            assert!(list.rules.len() >= 15, "{locale:?}");
        }
        let wallet = stems(Locale::En, "wallet stolen");
        assert!(effective(Locale::En, None).expand(&wallet).contains(&stems(Locale::En, "card")[0]));
        assert!(effective(Locale::En, Some("- purse => bag\n")).expand(&wallet).is_empty());
    }

    #[test]
    fn a_file_that_does_not_read_has_no_rules() {
        assert!(Synonyms::from_source(Locale::Sv, "not: [a list").is_empty());
    }
}
