//! Text analysis per locale, registered once under stable names.
//!
//! | analyzer   | chain                                          | used for |
//! |------------|------------------------------------------------|----------|
//! | `fi_stem`… | words → lowercase → fold ä/ö/å → Snowball stem (fi: `kk` → `k`…) | matching inflected forms |
//! | `folded`   | words → lowercase → fold                        | typo (fuzzy) and prefix matching of whole forms |
//! | `exact`    | words → lowercase                               | ranking the exact spelling (with diacritics) higher |
//!
//! Folding before stemming makes `lösenord` and `losenord` the same term, so a customer
//! typing without ä/ö/å still matches; the `exact` field gives the properly spelt form a bonus.

use crate::Locale;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use tantivy::Index;
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, Token, TokenFilter, TokenStream,
    Tokenizer,
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

fn algorithm(locale: Locale) -> frostem::Algorithm {
    match locale {
        Locale::Fi => frostem::Algorithm::Finnish,
        Locale::Sv => frostem::Algorithm::Swedish,
        Locale::En => frostem::Algorithm::English,
    }
}

/// Stems remembered per thread and locale; cleared when this many are known.
const STEM_CACHE_LIMIT: usize = 100_000;

thread_local! {
    /// Word → stem, per locale. Words repeat (Zipf), so after a little text nearly every
    /// lookup hits: indexing and the snippets of every search re-stem the same few
    /// thousand words, and a lookup costs a fraction of running Snowball.
    static STEMS: RefCell<[FxHashMap<String, String>; 3]> = RefCell::new(Default::default());
}

/// Snowball stemming of `locale`, memoised per thread (the output of tantivy's `Stemmer`, and for
/// Finnish `single_stops` of it).
#[derive(Clone, Debug)]
pub struct CachedStemmer {
    locale: Locale,
}

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter { stemmer: self, inner: tokenizer }
    }
}

/// The tokenizer [`CachedStemmer`] wraps around another.
#[derive(Clone)]
pub struct CachedStemmerFilter<T> {
    stemmer: CachedStemmer,
    inner: T,
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            locale: self.stemmer.locale,
            stemmer: frostem::Stemmer::new(algorithm(self.stemmer.locale)),
        }
    }
}

/// The token stream of [`CachedStemmerFilter`].
pub struct CachedStemmerStream<T> {
    tail: T,
    locale: Locale,
    stemmer: frostem::Stemmer,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        STEMS.with_borrow_mut(|caches| {
            let cache = &mut caches[self.locale as usize];
            if let Some(stem) = cache.get(token.text.as_str()) {
                token.text.clear();
                token.text.push_str(stem);
                return;
            }
            let mut stem = self.stemmer.stem(&token.text).into_owned();
            if self.locale == Locale::Fi {
                stem = single_stops(stem);
            }
            if cache.len() >= STEM_CACHE_LIMIT {
                cache.clear();
            }
            cache.insert(std::mem::replace(&mut token.text, stem.clone()), stem);
        });
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// Finnish consonant gradation in its most common kind: a stop doubled in one form of a word is
/// single in another (`lukko` / `lukossa`, `tyttö` / `tytöllä`, `kortti` / `kortilla`), which Snowball
/// leaves apart. Finnish stems have every `kk`, `pp` and `tt` made single, so those forms meet.
fn single_stops(stem: String) -> String {
    if !["kk", "pp", "tt"].iter().any(|double| stem.contains(double)) {
        return stem;
    }
    let mut single = String::with_capacity(stem.len());
    for c in stem.chars() {
        if !(matches!(c, 'k' | 'p' | 't') && single.ends_with(c)) {
            single.push(c);
        }
    }
    single
}

/// How many leading letters a Snowball stem of fi, sv or en keeps from its (folded) word: the
/// stemmers only change endings (a test checks this over the demo content).
pub const STEM_KEEPS: usize = 2;

/// Words → lowercase → fold → `stemmer`.
fn stemming(stemmer: CachedStemmer) -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(60))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(stemmer)
        .build()
}

/// The stemming analyzer of `locale`.
pub fn stemmer(locale: Locale) -> TextAnalyzer {
    stemming(CachedStemmer { locale })
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
        // Snowball cuts the nominative shorter ("salas"): the folded form and typo correction
        // still reach it (see `query`).
        let nominative = terms(&mut fi, "salasana");
        assert!(forms[0].starts_with(&nominative[0]), "{nominative:?} {forms:?}");
    }

    #[test]
    fn finnish_forms_with_a_double_stop_and_a_single_one_share_a_stem() {
        let mut fi = stemmer(Locale::Fi);
        for pair in ["lukko lukossa", "tyttö tytöllä", "pankki pankissa", "kortti kortilla"] {
            let stems = terms(&mut fi, pair);
            assert_eq!(stems[0], stems[1], "{pair}");
        }
        let mut sv = stemmer(Locale::Sv);
        assert_eq!(terms(&mut sv, "kattor"), ["katt"], "only Finnish");
    }

    #[test]
    fn the_memoised_stemmer_stems_like_tantivys_own_with_finnish_double_stops_made_single() {
        let plain = |language| {
            TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(LowerCaser)
                .filter(AsciiFoldingFilter)
                .filter(tantivy::tokenizer::Stemmer::new(language))
                .build()
        };
        let text =
            "Salasanan vaihtaminen ja lösenordet byts, payments blocked pankkikortti blocking payments salasanan";
        for (locale, language) in [
            (Locale::Fi, tantivy::tokenizer::Language::Finnish),
            (Locale::Sv, tantivy::tokenizer::Language::Swedish),
            (Locale::En, tantivy::tokenizer::Language::English),
        ] {
            // Twice: the second pass is answered from the cache.
            for _ in 0..2 {
                let mut expected = terms(&mut plain(language), text);
                if locale == Locale::Fi {
                    expected = expected.into_iter().map(single_stops).collect();
                }
                assert_eq!(terms(&mut stemmer(locale), text), expected);
            }
        }
    }

    #[test]
    fn snowball_stems_keep_the_first_letters_of_every_word_of_the_demo_content() -> Result<(), String> {
        let bundle = crate::content::demo::demo_bundle().map_err(|e| e.to_string())?;
        for doc in &bundle.documents {
            for (locale, t) in &doc.translations {
                let text = format!("{} {} {}", t.title, t.tags.join(" "), t.body);
                let words = terms(&mut folder(), &text);
                let stems = terms(&mut stemmer(*locale), &text);
                for (word, stem) in words.iter().zip(&stems) {
                    let keep = |s: &str| s.chars().take(STEM_KEEPS).collect::<String>();
                    if keep(word) != keep(stem) {
                        return Err(format!("{locale:?}: {word} -> {stem}"));
                    }
                }
            }
        }
        Ok(())
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
