//! Answers learned from use: when customers who searched for something opened an article from
//! the results and said it helped, that article is put first for the same search and for
//! others with the same words in another order or inflection.
//!
//! Safely: only a helpful vote sent from the article opened from that very search counts, each
//! search once; a pair needs three such votes ([`FLOOR`]) before it changes anything, and its evidence
//! halves every [`HALF_LIFE_DAYS`] days, so an answer nobody confirms any more fades. Only the
//! words of the search are kept (as the anonymous search log already keeps them), never who
//! searched, and searches that look personal (long numbers, e-mail addresses, long texts) are
//! never learned from. Editors see every pair on the analytics page.

use super::analysis::{self, terms};
use super::stopwords;
use crate::Locale;
use std::collections::HashMap;

/// Evidence a pair needs before it promotes its answer: three recent votes (each counts a
/// little less than one as soon as it is given; two never reach it).
pub const FLOOR: f64 = 2.5;
/// Days after which a vote counts half.
pub const HALF_LIFE_DAYS: f64 = 90.0;
/// How long after the search a vote may come and still count, in milliseconds (an hour).
pub const VOTE_WINDOW_MS: i64 = 60 * 60 * 1000;
/// Most words of a search that is learned from.
const MAX_WORDS: usize = 8;
/// Most answers promoted for one search.
const MAX_PROMOTED: usize = 2;

/// What similar searches share: the stems of their content words, sorted, each once.
/// `None` for a search without words.
pub fn query_key(locale: Locale, text: &str) -> Option<String> {
    let folded = terms(&mut analysis::folder(), text);
    let stems = terms(&mut analysis::stemmer(locale), text);
    if folded.is_empty() || folded.len() != stems.len() {
        return None;
    }
    let keep = stopwords::content_words(locale, &folded);
    let mut key: Vec<String> = stems.into_iter().zip(keep).filter(|(_, k)| *k).map(|(s, _)| s).collect();
    key.sort();
    key.dedup();
    (!key.is_empty()).then(|| key.join(" "))
}

/// True when a search may hold something about a person: a run of four digits or more (an
/// account, card or phone number), an `@`, or more words than a search usually has.
pub fn looks_personal(query: &str) -> bool {
    let mut digits = 0;
    for c in query.chars() {
        digits = if c.is_ascii_digit() { digits + 1 } else { 0 };
        if digits >= 4 {
            return true;
        }
    }
    query.contains('@') || query.split_whitespace().count() > MAX_WORDS
}

/// `evidence` recorded at `since_ms`, as it counts at `now_ms`.
pub fn decayed(evidence: f64, since_ms: i64, now_ms: i64) -> f64 {
    let days = (now_ms - since_ms).max(0) as f64 / 86_400_000.0;
    evidence * 0.5_f64.powf(days / HALF_LIFE_DAYS)
}

/// One learned pair, as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct LearnedPair {
    /// The search's language.
    pub locale: Locale,
    /// [`query_key`] of the search.
    pub key: String,
    /// The latest wording of the search (for editors).
    pub query: String,
    /// `kind/slug` of the answer.
    pub doc_id: String,
    /// Helpful votes, decayed to `confirmed_at`.
    pub evidence: f64,
    /// When the last vote came, in milliseconds since the epoch.
    pub confirmed_at: i64,
}

/// The pairs that promote their answer now: by locale and key, strongest first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LearnedAnswers {
    /// Per locale, in `Locale::ALL` order: key → answers.
    by_key: [HashMap<String, Vec<(String, f64)>>; 3],
}

impl LearnedAnswers {
    /// The pairs whose decayed evidence reaches [`FLOOR`] at `now_ms`.
    pub fn new(pairs: &[LearnedPair], now_ms: i64) -> LearnedAnswers {
        let mut by_key: [HashMap<String, Vec<(String, f64)>>; 3] = Default::default();
        for pair in pairs {
            let evidence = decayed(pair.evidence, pair.confirmed_at, now_ms);
            if evidence >= FLOOR {
                let answers = by_key[pair.locale as usize].entry(pair.key.clone()).or_default();
                answers.push((pair.doc_id.clone(), evidence));
            }
        }
        for answers in by_key.iter_mut().flat_map(HashMap::values_mut) {
            answers.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            answers.truncate(MAX_PROMOTED);
        }
        LearnedAnswers { by_key }
    }

    /// True when nothing is learned.
    pub fn is_empty(&self) -> bool {
        self.by_key.iter().all(HashMap::is_empty)
    }

    /// The answers to put first for `text` in `locale`: `kind/slug` and evidence.
    pub fn for_query(&self, locale: Locale, text: &str) -> &[(String, f64)] {
        // Most searches are in a language nothing was learned in: no words are analysed then.
        let learned = &self.by_key[locale as usize];
        if learned.is_empty() {
            return &[];
        }
        query_key(locale, text).and_then(|key| learned.get(&key)).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400_000;

    fn pair(query: &str, evidence: f64, confirmed_at: i64) -> LearnedPair {
        LearnedPair {
            locale: Locale::Fi,
            key: query_key(Locale::Fi, query).expect("words"),
            query: query.to_owned(),
            doc_id: "article/card-lost-or-stolen".to_owned(),
            evidence,
            confirmed_at,
        }
    }

    #[test]
    fn searches_with_the_same_words_in_another_order_or_form_share_a_key() {
        assert_eq!(query_key(Locale::Fi, "lompakko hukassa"), query_key(Locale::Fi, "Hukassa lompakkoni"));
        assert_eq!(query_key(Locale::En, "the lost cards"), query_key(Locale::En, "card lost"));
        assert_ne!(query_key(Locale::En, "card lost"), query_key(Locale::En, "card found"));
        assert_eq!(query_key(Locale::Sv, "  "), None);
    }

    #[test]
    fn numbers_addresses_and_long_texts_look_personal() {
        assert!(looks_personal("kortti 4321 kadonnut"));
        assert!(looks_personal("matti.meikalainen@example.fi"));
        assert!(looks_personal("one two three four five six seven eight nine"));
        assert!(!looks_personal("kortti kadonnut 24 h"));
    }

    #[test]
    fn a_pair_promotes_its_answer_only_from_the_floor_and_fades_with_time() {
        let now = 1_000 * DAY;
        assert!(LearnedAnswers::new(&[pair("lompakko hukassa", 2.0, now)], now).is_empty());
        let learned = LearnedAnswers::new(&[pair("lompakko hukassa", 3.0, now - DAY)], now);
        assert_eq!(learned.for_query(Locale::Fi, "hukassa lompakko")[0].0, "article/card-lost-or-stolen");
        assert!(learned.for_query(Locale::Sv, "hukassa lompakko").is_empty(), "learned per language");
        assert!(learned.for_query(Locale::Fi, "lompakko").is_empty(), "the same words, not some of them");
        // Five votes ninety days ago count as two and a half today, and as less tomorrow.
        assert!(!LearnedAnswers::new(&[pair("lompakko hukassa", 5.0, now - 90 * DAY)], now).is_empty());
        assert!(LearnedAnswers::new(&[pair("lompakko hukassa", 5.0, now - 91 * DAY)], now).is_empty());
        assert!((decayed(4.0, 0, 180 * DAY) - 1.0).abs() < 1e-9);
    }
}
