//! The words the index knows, for splitting compound words the customer typed
//! (`korttimaksu` → `kortti` + `maksu`, `betalningsgräns` → `betalning(s)` + `gräns`).
//!
//! Built from the index's own term dictionaries after every commit, so it always matches the
//! content and costs nothing on the query path but a hash lookup per candidate split.

use std::collections::HashSet;

/// Shortest part a compound is split into: shorter "words" are mostly noise.
const MIN_PART: usize = 3;

/// Whole folded word forms of the indexed text.
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    forms: HashSet<String>,
}

impl Vocabulary {
    /// A vocabulary of these forms.
    pub fn new(forms: HashSet<String>) -> Vocabulary {
        Vocabulary { forms }
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

    /// Splits an unknown word into known forms (fewest parts first; a Swedish linking `s`
    /// between parts is allowed). `None` when the word itself is known or cannot be split.
    pub fn split_compound(&self, word: &str) -> Option<Vec<String>> {
        if self.forms.contains(word) || word.chars().count() < 2 * MIN_PART {
            return None;
        }
        let chars: Vec<char> = word.chars().collect();
        // best[i] = fewest parts covering chars[..i], with the split that achieves it.
        let n = chars.len();
        let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1]; // (parts, previous index)
        best[0] = Some((0, 0));
        for end in MIN_PART..=n {
            for start in 0..=end - MIN_PART {
                let Some((parts, _)) = best[start] else { continue };
                let piece: String = chars[start..end].iter().collect();
                let known = self.forms.contains(&piece)
                    || (piece.ends_with('s') && self.forms.contains(&piece[..piece.len() - 1]) && end < n);
                if known && best[end].is_none_or(|(p, _)| parts + 1 < p) {
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
            let piece = if !self.forms.contains(&piece) && piece.ends_with('s') {
                piece[..piece.len() - 1].to_owned()
            } else {
                piece
            };
            parts.push(piece);
            end = start;
        }
        parts.reverse();
        Some(parts)
    }
}

/// Damerau–Levenshtein distance (optimal string alignment) between two words.
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
        Vocabulary::new(words.iter().map(|w| (*w).to_owned()).collect())
    }

    #[test]
    fn an_unknown_compound_splits_into_known_words() {
        let v = vocabulary(&["kortti", "maksu", "verkko", "pankki", "tunnus"]);
        assert_eq!(v.split_compound("korttimaksu"), Some(vec!["kortti".into(), "maksu".into()]));
        assert_eq!(
            v.split_compound("verkkopankkitunnus"),
            Some(vec!["verkko".into(), "pankki".into(), "tunnus".into()])
        );
    }

    #[test]
    fn a_swedish_linking_s_is_allowed_between_parts() {
        let v = vocabulary(&["betalning", "grans"]);
        assert_eq!(v.split_compound("betalningsgrans"), Some(vec!["betalning".into(), "grans".into()]));
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
        let v = vocabulary(&["salasana", "sala", "sana"]);
        assert_eq!(v.split_compound("salasana"), None);
        assert_eq!(v.split_compound("xyzzyplugh"), None);
    }
}
