//! Text analysis per locale, registered once under stable names.
//!
//! | analyzer   | chain                                          | used for |
//! |------------|------------------------------------------------|----------|
//! | `fi_stem`… | words → lowercase → fold ä/ö/å → Snowball stem | matching inflected forms |
//! | `folded`   | words → lowercase → fold                        | typo (fuzzy) and prefix matching of whole forms |
//! | `exact`    | words → lowercase                               | ranking the exact spelling (with diacritics) higher |
//!
//! Folding before stemming makes `lösenord` and `losenord` the same term, so a customer
//! typing without ä/ö/å still matches; the `exact` field gives the properly spelt form a bonus.

use crate::Locale;
use tantivy::Index;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer, TokenStream,
};

/// Name of the stemming analyzer of `locale`.
pub fn stem_analyzer(locale: Locale) -> &'static str {
    match locale {
        Locale::Fi => "fi_stem",
        Locale::Sv => "sv_stem",
        Locale::En => "en_stem",
    }
}

/// Name of the lowercase + folding analyzer (no stemming).
pub const FOLDED: &str = "folded";
/// Name of the lowercase-only analyzer.
pub const EXACT: &str = "exact";

fn language(locale: Locale) -> Language {
    match locale {
        Locale::Fi => Language::Finnish,
        Locale::Sv => Language::Swedish,
        Locale::En => Language::English,
    }
}

/// The stemming analyzer of `locale`.
pub fn stemmer(locale: Locale) -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(60))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(language(locale)))
        .build()
}

/// The folding analyzer.
pub fn folder() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(60))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// The lowercase-only analyzer.
pub fn exact() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default()).filter(RemoveLongFilter::limit(60)).filter(LowerCaser).build()
}

/// Registers every analyzer on `index`. Call on every index opened or created.
pub fn register(index: &Index) {
    let tokenizers = index.tokenizers();
    for locale in Locale::ALL {
        tokenizers.register(stem_analyzer(locale), stemmer(locale));
    }
    tokenizers.register(FOLDED, folder());
    tokenizers.register(EXACT, exact());
}

/// The terms `analyzer` makes of `text`, in order.
pub fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_finnish_forms_share_a_stem_or_its_prefix() {
        let mut fi = stemmer(Locale::Fi);
        let forms = terms(&mut fi, "salasanan salasanaa salasanat");
        assert!(forms.windows(2).all(|w| w[0] == w[1]), "{forms:?}");
        // Snowball cuts the nominative shorter ("salas"): the query adds a stem-prefix match
        // for exactly this (see `query`).
        let nominative = terms(&mut fi, "salasana");
        assert!(forms[0].starts_with(&nominative[0]), "{nominative:?} {forms:?}");
    }

    #[test]
    fn swedish_without_diacritics_matches_swedish_with_them() {
        let mut sv = stemmer(Locale::Sv);
        assert_eq!(terms(&mut sv, "lösenordet"), terms(&mut sv, "losenordet"));
    }

    #[test]
    fn english_plurals_and_verb_forms_are_stemmed() {
        let mut en = stemmer(Locale::En);
        assert_eq!(terms(&mut en, "payments"), terms(&mut en, "payment"));
        assert_eq!(terms(&mut en, "blocked"), terms(&mut en, "blocking"));
    }

    #[test]
    fn the_exact_analyzer_keeps_diacritics_and_the_folder_removes_them() {
        assert_eq!(terms(&mut exact(), "Lösenord"), vec!["lösenord"]);
        assert_eq!(terms(&mut folder(), "Lösenord"), vec!["losenord"]);
    }
}
