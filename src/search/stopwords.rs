//! Function words per locale ("the", "ja", "och"): a query drops them when it has other words.
//!
//! They weigh almost nothing in BM25 (nearly every document has them) but every one of them
//! is a long posting list the search has to walk, so a question typed as a sentence
//! ("my card does not work in the usa") costs several times what its content words do. The
//! index keeps them, so a query made of nothing else still finds what it can.

use crate::Locale;
use std::collections::HashSet;
use std::sync::LazyLock;

static LISTS: LazyLock<[HashSet<&'static str>; 3]> = LazyLock::new(|| {
    Locale::ALL.map(|locale| {
        let text = match locale {
            Locale::Fi => include_str!("stopwords/fi.txt"),
            Locale::Sv => include_str!("stopwords/sv.txt"),
            Locale::En => include_str!("stopwords/en.txt"),
        };
        text.lines().filter(|line| !line.starts_with('#')).flat_map(str::split_whitespace).collect()
    })
});

/// True when the folded `word` is a function word of `locale`.
pub fn is_stop_word(locale: Locale, word: &str) -> bool {
    LISTS[locale as usize].contains(word)
}

/// Which of the folded `words` a query in `locale` should search: all but the function words,
/// or all of them when nothing else is left.
pub fn content_words(locale: Locale, words: &[String]) -> Vec<bool> {
    let keep: Vec<bool> = words.iter().map(|w| !is_stop_word(locale, w)).collect();
    if keep.iter().any(|k| *k) { keep } else { vec![true; words.len()] }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn a_sentence_keeps_only_its_content_words() {
        assert_eq!(
            content_words(Locale::En, &words("my card does not work in the usa")),
            vec![false, true, false, false, true, false, false, true]
        );
        assert_eq!(content_words(Locale::Fi, &words("miten vaihdan salasanan")), vec![false, true, true]);
        assert_eq!(content_words(Locale::Sv, &words("hur byter jag losenord")), vec![false, true, false, true]);
    }

    #[test]
    fn a_query_of_function_words_only_keeps_them_all() {
        assert_eq!(content_words(Locale::En, &words("who are you")), vec![true, true, true]);
    }

    #[test]
    fn lists_are_folded_like_the_query_words() {
        for locale in Locale::ALL {
            for word in LISTS[locale as usize].iter() {
                assert!(word.chars().all(|c| c.is_ascii_lowercase()), "{locale:?} {word}");
            }
        }
    }
}
