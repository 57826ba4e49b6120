//! The words the index knows, for splitting compound words the customer typed
//! (`korttimaksu` → `kortti` + `maksu`, `betalningsgräns` → `betalning(s)` + `gräns`,
//! `lapsentili` → `lapsen` + `tili`), and for finding the compounds of the content that a word
//! is part of (`lompakko` → `mobiililompakkoon`), and for correcting a misspelt word to the
//! nearest one it knows (`salsanani` → `salasanani`).
//!
//! Built from the index's own term dictionaries after every commit, so it always matches the
//! content and costs nothing on the query path but hash lookups and the correction's walk.

use super::analysis::{self, terms};
use super::typo::Dictionary;
use crate::Locale;
use std::collections::{HashMap, HashSet};

/// Shortest part a compound the customer typed is split into: shorter "words" are mostly noise.
const MIN_PART: usize = 3;
/// Shortest part of the content's own compounds, and shortest part recognised by its stem
/// (an inflected part): stricter, since no customer asked for these.
const MIN_STRICT_PART: usize = 4;
/// Longest rest of a compound that is corrected to a known word one edit away (longer pieces are
/// not one word, and the edits of a piece grow with its length).
const MAX_CORRECTED_PART: usize = 20;
/// Shortest first part of a compound that stands for the known word it begins: shorter
/// beginnings begin too many words.
const MIN_COMPLETED_PART: usize = 7;
/// Letters a stem shares at least with another of its word's (see [`Vocabulary::stem_family`]).
const FAMILY_SHARED: usize = 4;
/// Letters at the end of either stem of a word that may differ from the other's.
const FAMILY_ENDING: usize = 2;
/// Most other stems a word stands for.
const MAX_FAMILY: usize = 3;
/// Most known compounds one part stands for in a query.
const MAX_COMPOUNDS_PER_PART: usize = 8;

/// Shortest word that is corrected: shorter words have too many neighbours one edit away.
const MIN_CORRECTED: usize = 4;
/// Shortest word corrected with two edits.
const MIN_CORRECTED_TWICE: usize = 8;

/// Whole folded word forms of the indexed text, their stems, and its compounds by part.
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    forms: HashSet<String>,
    /// The forms in order with the number of documents each is in, for typo correction.
    dictionary: Dictionary,
    stems: HashSet<String>,
    /// The same stems in order, for finding a stem's [family](Vocabulary::stem_family).
    ordered_stems: Vec<String>,
    /// Stem of a part → known compound forms with that part.
    compounds: HashMap<String, Vec<String>>,
}

impl Vocabulary {
    /// The vocabulary of these folded forms of `locale`'s text, each with the number of
    /// documents it is in.
    pub fn new(locale: Locale, forms: HashMap<String, u32>) -> Vocabulary {
        let mut stemmer = analysis::stemmer(locale);
        let stems: HashSet<String> = forms.keys().filter_map(|f| terms(&mut stemmer, f).pop()).collect();
        let documents = forms;
        let forms = documents.keys().cloned().collect();
        let mut ordered_stems: Vec<String> = stems.iter().cloned().collect();
        ordered_stems.sort_unstable();
        let mut vocabulary =
            Vocabulary { forms, dictionary: Dictionary::default(), stems, ordered_stems, compounds: HashMap::new() };
        let mut compounds: HashMap<String, Vec<String>> = HashMap::new();
        for form in &vocabulary.forms {
            if form.chars().count() < 2 * MIN_STRICT_PART {
                continue;
            }
            let Some(parts) = vocabulary.cover_with(form, MIN_STRICT_PART, &mut |_| false) else { continue };
            for part in parts {
                if let Some(stem) = terms(&mut stemmer, &part).pop() {
                    compounds.entry(stem).or_default().push(form.clone());
                }
            }
        }
        // A part of many compounds stands for those in most documents (then the first in
        // order), whatever order the forms came in.
        for list in compounds.values_mut() {
            list.sort_by(|a, b| documents[b].cmp(&documents[a]).then_with(|| a.cmp(b)));
            list.dedup();
            list.truncate(MAX_COMPOUNDS_PER_PART);
            list.sort();
        }
        vocabulary.compounds = compounds;
        vocabulary.dictionary = Dictionary::new(documents);
        vocabulary
    }

    /// How many forms are known.
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    /// True when no form is known.
    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    /// True when the index has this folded word form.
    pub fn contains(&self, word: &str) -> bool {
        self.forms.contains(word)
    }

    /// The known form a customer most likely meant by an unknown word of four letters or more:
    /// one edit away (two from eight letters), then the form in most documents. `None` for a
    /// known, short or not alphabetic word, or when no form is that near.
    pub fn correction(&self, word: &str) -> Option<&str> {
        let length = word.chars().count();
        if length < MIN_CORRECTED || self.forms.contains(word) || !word.chars().all(char::is_alphabetic) {
            return None;
        }
        self.dictionary.nearest(word, if length >= MIN_CORRECTED_TWICE { 2 } else { 1 })
    }

    /// The known stems that are most likely other inflections of the word `stem` is the stem
    /// of, where the stemmer does not give them one stem (`talletus` and `talletuks`,
    /// `nyckel` and `nyckl`): those that share all but at most their last two letters with
    /// it, and four letters at least (so not its compounds); the closest first, at most a few.
    pub fn stem_family(&self, stem: &str) -> Vec<&str> {
        let letters: Vec<char> = stem.chars().collect();
        if letters.len() < FAMILY_SHARED {
            return Vec::new();
        }
        let start: String = letters[..FAMILY_SHARED.max(letters.len().saturating_sub(FAMILY_ENDING))].iter().collect();
        let first = self.ordered_stems.partition_point(|s| s.as_str() < start.as_str());
        let mut family: Vec<(usize, &str)> = Vec::new();
        for other in self.ordered_stems[first..].iter().take_while(|s| s.starts_with(&start)) {
            let shared = other.chars().zip(&letters).take_while(|(a, b)| a == *b).count();
            let longer = other.chars().count().max(letters.len());
            if other != stem && shared + FAMILY_ENDING >= longer {
                family.push((longer - shared, other));
            }
        }
        family.sort();
        family.into_iter().take(MAX_FAMILY).map(|(_, other)| other).collect()
    }

    /// The known compounds that have a part with this stem (at most a few).
    pub fn compounds_with(&self, stem: &str) -> &[String] {
        self.compounds.get(stem).map_or(&[], Vec::as_slice)
    }

    /// Splits an unknown word into known words: fewest parts first; a part may be inflected
    /// (known by its stem) and may end in a linking `s` (Swedish) or `n` (a Finnish genitive).
    /// When no split covers the whole word, the longest known beginning or end of it, if it is
    /// half the word or more (a typo or an unknown word in the other part), and the rest beside
    /// it when that is one typo from a known word. `None` when the word itself is known or
    /// nothing of it is.
    pub fn split_compound(&self, word: &str, locale: Locale) -> Option<Vec<String>> {
        if self.forms.contains(word) || word.chars().count() < 2 * MIN_PART {
            return None;
        }
        let mut stemmer = analysis::stemmer(locale);
        // An inflected form of a known word is found by its stem, not by pieces of itself.
        if self.known_by_stem(word, &mut stemmer) {
            return None;
        }
        if let Some(parts) = self.cover_with(word, MIN_PART, &mut |piece| self.known_by_stem(piece, &mut stemmer)) {
            return Some(parts);
        }
        // The longest known beginning and end, leaving at least a short word.
        let chars: Vec<char> = word.chars().collect();
        let n = chars.len();
        let piece = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
        // A known word, or a compound of known words (`pankkitunnus` in `pankkitunnusvarkaus`).
        let mut known = |p: &str| -> Option<Vec<String>> {
            if p.chars().count() < MIN_STRICT_PART {
                return None;
            }
            if self.forms.contains(p) || self.known_by_stem(p, &mut stemmer) {
                return Some(vec![p.to_owned()]);
            }
            self.cover_with(p, MIN_PART, &mut |piece| self.known_by_stem(piece, &mut stemmer))
        };
        let head = (MIN_STRICT_PART..=n - MIN_PART).rev().find_map(|end| Some((end, known(&piece(0, end))?)));
        let tail = (MIN_PART..=n - MIN_STRICT_PART).find_map(|start| Some((start, known(&piece(start, n))?)));
        // Each with the rest beside it when that is one typo from a known word or, before
        // the known end, the beginning of a known word (`maaraaikais` of
        // `maaraaikaistalletus`): (rest found, letters of the known part, parts). The tail
        // first: on a tie the head wins.
        let mut splits: Vec<(bool, usize, Vec<String>)> = Vec::new();
        if let Some((start, parts)) = tail {
            let before = piece(0, start);
            let rest = self.one_typo_from(&before, true).or_else(|| self.completed_from(&before));
            splits.push((rest.is_some(), n - start, rest.into_iter().chain(parts).collect()));
        }
        if let Some((end, parts)) = head {
            let rest = self.one_typo_from(&piece(end, n), false);
            splits.push((rest.is_some(), end, parts.into_iter().chain(rest).collect()));
        }
        // Without a corrected rest, a known part of less than half the word is mostly chance.
        splits
            .into_iter()
            .filter(|(corrected, letters, _)| *corrected || 2 * letters >= n)
            .max_by_key(|(corrected, letters, _)| (*corrected, *letters))
            .map(|(_, _, parts)| parts)
    }

    /// The known form one edit (a letter left out, added, changed, or two swapped) from
    /// `piece`, the first in alphabetical order; `None` for a short or long piece or none found.
    /// `first`: the piece begins the word, so it may end in a linking `s` or `n`; otherwise it
    /// may begin with the linking letter of the part before it.
    fn one_typo_from(&self, piece: &str, first: bool) -> Option<String> {
        let linked = if first { piece.strip_suffix(['s', 'n']) } else { piece.strip_prefix(['s', 'n']) };
        let mut best: Option<String> = None;
        for p in [Some(piece), linked].into_iter().flatten() {
            if !(MIN_STRICT_PART..=MAX_CORRECTED_PART).contains(&p.chars().count()) {
                continue;
            }
            for_each_edit(p, &mut |candidate| {
                if candidate.chars().count() >= MIN_STRICT_PART
                    && self.forms.contains(candidate)
                    && best.as_deref().is_none_or(|b| candidate < b)
                {
                    best = Some(candidate.to_owned());
                }
            });
        }
        best
    }

    /// The known form in most documents that begins with `piece` (a compound's first part
    /// the content writes only inside its compounds), when the piece is long enough to
    /// stand for one word.
    fn completed_from(&self, piece: &str) -> Option<String> {
        if piece.chars().count() < MIN_COMPLETED_PART {
            return None;
        }
        self.dictionary.most_common_beginning_with(piece).map(str::to_owned)
    }

    /// The parts of a compound the content writes (`pankkikortti` → `pankki` + `kortti`), when
    /// each is a word it also writes of at least four letters; `None` for other words.
    pub fn parts_of_known(&self, word: &str) -> Option<Vec<String>> {
        if !self.forms.contains(word) || word.chars().count() < 2 * MIN_STRICT_PART {
            return None;
        }
        self.cover_with(word, MIN_STRICT_PART, &mut |_| false)
    }

    /// True when `piece` is an inflected form of a known word: its stem is a known form's.
    /// (The stemmer remembers the stems it made per thread, so a piece seen before costs a
    /// hash lookup.)
    fn known_by_stem(&self, piece: &str, stemmer: &mut tantivy::tokenizer::TextAnalyzer) -> bool {
        piece.chars().count() >= MIN_STRICT_PART
            && terms(stemmer, piece).pop().is_some_and(|stem| self.stems.contains(&stem))
    }

    /// The fewest-parts split of `word` into known forms of at least `min` letters, a linking
    /// letter allowed after a part, or pieces `also` accepts; `None` unless it has two parts.
    fn cover_with(&self, word: &str, min: usize, also: &mut dyn FnMut(&str) -> bool) -> Option<Vec<String>> {
        self.split_by(word, min, &mut |piece, inner| {
            self.forms.contains(piece)
                || (inner
                    && (piece.ends_with('s') || piece.ends_with('n'))
                    && self.forms.contains(&piece[..piece.len() - 1]))
                || also(piece)
        })
    }

    /// Fewest-parts cover of `word` by pieces of at least `min` letters that `known(piece,
    /// inner)` accepts (`inner`: not the last piece); a linking letter a piece was accepted
    /// with is dropped from it.
    fn split_by(&self, word: &str, min: usize, known: &mut dyn FnMut(&str, bool) -> bool) -> Option<Vec<String>> {
        let chars: Vec<char> = word.chars().collect();
        let n = chars.len();
        if n < 2 * min {
            return None;
        }
        // best[i] = fewest parts covering chars[..i], with the split that achieves it.
        let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
        best[0] = Some((0, 0));
        for end in min..=n {
            for start in 0..=end - min {
                let Some((parts, _)) = best[start] else { continue };
                // The whole word is not a split of itself.
                if (start == 0 && end == n) || best[end].is_some_and(|(p, _)| parts + 1 >= p) {
                    continue;
                }
                let piece: String = chars[start..end].iter().collect();
                if known(&piece, end < n) {
                    best[end] = Some((parts + 1, start));
                }
            }
        }
        let (count, _) = best[n]?;
        if count < 2 {
            return None;
        }
        let mut parts = Vec::with_capacity(count);
        let mut end = n;
        while end > 0 {
            let (_, start) = best[end]?;
            let piece: String = chars[start..end].iter().collect();
            let linked = end < n
                && !self.forms.contains(&piece)
                && (piece.ends_with('s') || piece.ends_with('n'))
                && self.forms.contains(&piece[..piece.len() - 1]);
            parts.push(if linked { piece[..piece.len() - 1].to_owned() } else { piece });
            end = start;
        }
        parts.reverse();
        Some(parts)
    }
}

/// Calls `visit` with every word one edit from `word` (folded: letters a to z), some more than
/// once, in one buffer.
fn for_each_edit(word: &str, visit: &mut dyn FnMut(&str)) {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    let mut edit = String::with_capacity(word.len() + 1);
    let mut emit = |pieces: &[&[char]]| {
        edit.clear();
        edit.extend(pieces.iter().flat_map(|piece| piece.iter()));
        visit(&edit);
    };
    for i in 0..n {
        emit(&[&chars[..i], &chars[i + 1..]]);
        if i + 1 < n && chars[i] != chars[i + 1] {
            emit(&[&chars[..i], &[chars[i + 1], chars[i]], &chars[i + 2..]]);
        }
    }
    for letter in 'a'..='z' {
        for i in 0..=n {
            emit(&[&chars[..i], &[letter], &chars[i..]]);
            if i < n && chars[i] != letter {
                emit(&[&chars[..i], &[letter], &chars[i + 1..]]);
            }
        }
    }
}

/// Damerau–Levenshtein distance (optimal string alignment) between two words, by the whole
/// table: what the typo correction's walk is tested against.
#[cfg(test)]
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1).min(rows[i][j - 1] + 1).min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary(words: &[&str]) -> Vocabulary {
        Vocabulary::new(Locale::Fi, words.iter().map(|w| ((*w).to_owned(), 1)).collect())
    }

    #[test]
    fn an_unknown_compound_splits_into_known_words() {
        let v = vocabulary(&["kortti", "maksu", "verkko", "pankki", "tunnus"]);
        assert_eq!(v.split_compound("korttimaksu", Locale::Fi), Some(vec!["kortti".into(), "maksu".into()]));
        assert_eq!(
            v.split_compound("verkkopankkitunnus", Locale::Fi),
            Some(vec!["verkko".into(), "pankki".into(), "tunnus".into()])
        );
    }

    #[test]
    fn a_swedish_linking_s_is_allowed_between_parts() {
        let v = vocabulary(&["betalning", "grans"]);
        assert_eq!(v.split_compound("betalningsgrans", Locale::Sv), Some(vec!["betalning".into(), "grans".into()]));
    }

    #[test]
    fn a_finnish_genitive_first_part_and_an_inflected_last_part_are_recognised() {
        let v = vocabulary(&["palkkatili", "vaihto", "mobiili", "lompakkoon"]);
        assert_eq!(v.split_compound("palkkatilinvaihto", Locale::Fi), Some(vec!["palkkatili".into(), "vaihto".into()]));
        // "lompakko" is known only inflected, by its stem.
        assert_eq!(v.split_compound("mobiililompakko", Locale::Fi), Some(vec!["mobiili".into(), "lompakko".into()]));
    }

    #[test]
    fn a_word_with_one_unknown_part_keeps_its_known_part() {
        let v = vocabulary(&["kalender", "dela"]);
        assert_eq!(v.split_compound("kalenderdelning", Locale::Sv), Some(vec!["kalender".into()]));
    }

    #[test]
    fn a_typo_in_one_part_is_corrected_when_the_other_part_is_known() {
        let v = vocabulary(&["tunnusluku", "sovellus", "betalning", "grans"]);
        assert_eq!(
            v.split_compound("tunnuslukusovelus", Locale::Fi),
            Some(vec!["tunnusluku".into(), "sovellus".into()])
        );
        assert_eq!(
            v.split_compound("tunuslukusovellus", Locale::Fi),
            Some(vec!["tunnusluku".into(), "sovellus".into()])
        );
        // The first part known by its stem, with its linking s.
        assert_eq!(v.split_compound("betalningsgrnas", Locale::Sv), Some(vec!["betalnings".into(), "grans".into()]));
        // A rest too long to be one word is not corrected, though a known word is one edit away.
        let long_word = "x".repeat(MAX_CORRECTED_PART + 2);
        let v = vocabulary(&["tunnusluku", &long_word]);
        let long = format!("tunnusluku{}", "x".repeat(MAX_CORRECTED_PART + 1));
        assert_eq!(v.split_compound(&long, Locale::Fi), None, "the known part is less than half the word");
    }

    #[test]
    fn a_known_beginning_that_is_itself_a_compound_keeps_its_parts_beside_an_unknown_word() {
        let v = vocabulary(&["pankki", "tunnus", "kortti"]);
        assert_eq!(v.split_compound("pankkitunnusvarkaus", Locale::Fi), Some(vec!["pankki".into(), "tunnus".into()]));
        // Less than half the word known is still too little.
        assert_eq!(v.split_compound("pankkiqxjwzvyqxjw", Locale::Fi), None);
    }

    #[test]
    fn a_first_part_written_only_inside_a_compound_stands_for_that_compound() {
        let forms = [("maaraaikaistalletus", 3), ("maaraaikaistalletuksessa", 3), ("maaraaikaistalletuksen", 1)];
        let mut forms: HashMap<String, u32> = forms.iter().map(|(f, n)| ((*f).to_owned(), *n)).collect();
        forms.insert("tili".to_owned(), 5);
        let v = Vocabulary::new(Locale::Fi, forms);
        // The base form, of the two in most documents.
        assert_eq!(
            v.split_compound("maaraaikaistili", Locale::Fi),
            Some(vec!["maaraaikaistalletus".into(), "tili".into()])
        );
        // A beginning of fewer than seven letters begins too many words to stand for one.
        assert_eq!(v.split_compound("maaraatili", Locale::Fi), None);
    }

    #[test]
    fn the_stems_the_stemmer_gives_one_words_inflections_are_one_family() {
        let v = vocabulary(&["talletus", "talletuksen", "talletustili", "tali", "tunnus"]);
        let stem = |word: &str| terms(&mut analysis::stemmer(Locale::Fi), word).pop().expect("stem");
        assert_ne!(stem("talletus"), stem("talletuksen"), "the stemmer tells them apart");
        assert_eq!(v.stem_family(&stem("talletuksen")), [stem("talletus")]);
        assert_eq!(v.stem_family(&stem("talletus")), [stem("talletuksen")]);
        // A compound of the word is longer than an inflection; a short stem has no family.
        assert!(!v.stem_family(&stem("talletus")).contains(&stem("talletustili").as_str()));
        assert!(v.stem_family(&stem("tali")).is_empty());
        assert!(v.stem_family(&stem("tunnus")).is_empty());
    }

    #[test]
    fn every_word_one_edit_away_is_among_the_edits() {
        let mut edits = Vec::new();
        for_each_edit("kortti", &mut |edit| edits.push(edit.to_owned()));
        for word in ["korti", "kotrti", "korttii", "kortte", "akortti"] {
            assert!(edits.contains(&word.to_owned()), "{word}");
        }
        assert!(!edits.contains(&"kortti".to_owned()), "no edit leaves the word as it is");
        assert!(edits.iter().all(|e| edit_distance(e, "kortti") == 1));
    }

    #[test]
    fn a_compound_the_content_writes_is_also_its_parts() {
        let v = vocabulary(&["pankkikortti", "pankki", "kortti", "salasana", "sala"]);
        assert_eq!(v.parts_of_known("pankkikortti"), Some(vec!["pankki".into(), "kortti".into()]));
        assert_eq!(v.parts_of_known("salasana"), None, "sana is not a word the content writes");
        assert_eq!(v.parts_of_known("pankkitili"), None, "not a word the content writes");
    }

    #[test]
    fn the_compounds_of_the_content_are_found_by_their_parts() {
        let v = vocabulary(&["mobiililompakko", "mobiili", "lompakko", "kortti"]);
        let stem = terms(&mut analysis::stemmer(Locale::Fi), "lompakko").pop().expect("stem");
        assert_eq!(v.compounds_with(&stem), ["mobiililompakko".to_owned()]);
        let kortti = terms(&mut analysis::stemmer(Locale::Fi), "kortti").pop().expect("stem");
        assert!(v.compounds_with(&kortti).is_empty());
    }

    #[test]
    fn a_part_of_many_compounds_stands_for_those_in_most_documents() {
        let firsts = ["kulta", "hopea", "pankki", "luotto", "debit", "lahja", "matka", "yritys", "opiskelija", "lapsi"];
        let mut forms: HashMap<String, u32> =
            firsts.iter().enumerate().map(|(i, first)| (format!("{first}kortti"), i as u32 + 1)).collect();
        forms.extend(firsts.iter().map(|first| ((*first).to_owned(), 1)));
        forms.insert("kortti".to_owned(), 1);
        let stem = terms(&mut analysis::stemmer(Locale::Fi), "kortti").pop().expect("stem");
        let mut expected: Vec<String> = firsts[2..].iter().map(|first| format!("{first}kortti")).collect();
        expected.sort();
        // The same forms, met in whatever order their set gives, keep the same compounds.
        for _ in 0..5 {
            let v = Vocabulary::new(Locale::Fi, forms.clone().into_iter().collect());
            assert_eq!(v.compounds_with(&stem), expected);
        }
    }

    #[test]
    fn a_swapped_pair_of_letters_is_one_edit() {
        assert_eq!(edit_distance("losenrod", "losenord"), 1);
        assert_eq!(edit_distance("salsana", "salasana"), 1);
        assert_eq!(edit_distance("crad", "card"), 1);
        assert_eq!(edit_distance("kortti", "kortti"), 0);
        assert_eq!(edit_distance("abc", "xyz"), 3);
    }

    #[test]
    fn known_words_and_unsplittable_words_are_left_alone() {
        let v = vocabulary(&["salasana", "sala", "sana", "kone", "koneella"]);
        assert_eq!(v.split_compound("salasana", Locale::Fi), None);
        // Another inflection of a known word is not split into pieces of itself.
        assert_eq!(v.split_compound("koneelta", Locale::Fi), None);
        assert_eq!(v.split_compound("xyzzyplugh", Locale::Fi), None);
    }
}
