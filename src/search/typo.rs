//! Typo correction: the word of the index nearest to one the customer typed, within a few
//! typing mistakes (restricted Damerau–Levenshtein distance: a missing, extra or wrong letter, or
//! two neighbours swapped, each count one).
//!
//! Tantivy's `FuzzyTermQuery` answers this with a Levenshtein DFA walked over a segment's term
//! dictionary. Building that DFA takes 7–45 µs a word, and walking the dictionary's FST about
//! 30 ns a node, about a thousand nodes a word at distance 2: together about a seventh of a
//! search. Here the dictionary is the vocabulary's sorted words in memory, walked as the trie
//! their order is, and the state of the walk is the band of the distance table that can still
//! be within reach: nothing is built per word, and a prefix is abandoned, with every word under
//! it, as soon as no continuation of it can come within reach.

/// Longest word (in letters) that is corrected.
pub const MAX_WORD: usize = 64;
/// Largest distance a correction may be.
pub const MAX_DISTANCE: u8 = 2;
/// Cells of the distance table's row that can be within reach: `distance` either side of the
/// diagonal, since two texts differ by at least their difference in length.
const BAND: usize = 2 * MAX_DISTANCE as usize + 1;

/// The distance table of one word against growing prefixes of dictionary words.
#[derive(Clone, Debug)]
struct WithinEdits {
    word: Vec<char>,
    distance: u8,
}

/// The distance table's band for one prefix, and what the next row needs of the one before.
///
/// Cell `k` of a row for a prefix of `i` letters is the distance to the word's first
/// `i - distance + k` letters, capped at `distance + 1` (anything beyond reach is the same).
#[derive(Clone, Copy, Debug)]
struct Row {
    cells: [u8; BAND],
    /// The row before it, aligned so that its cell `k` is the one a swap of neighbours reads.
    previous: [u8; BAND],
    /// The smallest cell: no longer prefix can come closer. (A swap reads two rows back, but
    /// only from a cell that already made this row's smallest cell smaller than the swap's
    /// result, so this row alone decides.)
    nearest: u8,
    /// Letters of the prefix.
    letters: usize,
    /// The prefix's last letter (for swapped neighbours).
    last: char,
}

impl WithinEdits {
    /// The table for `word`, or `None` when the word is longer than [`MAX_WORD`] letters or
    /// the distance larger than [`MAX_DISTANCE`].
    fn new(word: &str, distance: u8) -> Option<WithinEdits> {
        let word: Vec<char> = word.chars().collect();
        (word.len() <= MAX_WORD && distance <= MAX_DISTANCE).then_some(WithinEdits { word, distance })
    }

    /// The row of the empty prefix: `j` edits from the word's first `j` letters.
    fn start(&self) -> Row {
        let beyond = self.distance + 1;
        let reach = usize::from(self.distance);
        let mut cells = [beyond; BAND];
        for (k, cell) in cells.iter_mut().enumerate().skip(reach) {
            if k - reach <= self.word.len() {
                *cell = ((k - reach) as u8).min(beyond);
            }
        }
        Row { cells, previous: [beyond; BAND], nearest: 0, letters: 0, last: '\0' }
    }

    /// The prefix's distance from the whole word, when it is within reach.
    fn distance(&self, row: &Row) -> Option<u8> {
        let k = (self.word.len() + usize::from(self.distance)).checked_sub(row.letters)?;
        row.cells.get(k).copied().filter(|d| *d <= self.distance)
    }

    /// The next row once the prefix grows by `letter`.
    fn step(&self, row: &Row, letter: char) -> Row {
        let beyond = self.distance + 1;
        let reach = usize::from(self.distance);
        let i = row.letters + 1;
        let mut cells = [beyond; BAND];
        let mut nearest = beyond;
        for k in 0..=2 * reach {
            // Cell k stands for the word's first j letters.
            let Some(j) = (i + k).checked_sub(reach) else { continue };
            if j > self.word.len() {
                break;
            }
            let cell = if j == 0 {
                u8::try_from(i).unwrap_or(beyond).min(beyond)
            } else {
                let substitution = row.cells[k] + u8::from(self.word[j - 1] != letter);
                let deletion = row.cells.get(k + 1).map_or(beyond, |d| d + 1);
                let insertion = k.checked_sub(1).map_or(beyond, |k| cells[k] + 1);
                let mut best = substitution.min(deletion).min(insertion);
                if j > 1 && row.letters > 0 && row.last == self.word[j - 1] && letter == self.word[j - 2] {
                    best = best.min(row.previous[k] + 1);
                }
                best.min(beyond)
            };
            cells[k] = cell;
            nearest = nearest.min(cell);
        }
        Row { cells, previous: row.cells, nearest, letters: i, last: letter }
    }
}

/// The words of a vocabulary in order, each with the number of documents it is in, ready to
/// be walked as the trie their order is.
#[derive(Clone, Debug, Default)]
pub struct Dictionary {
    words: Vec<Box<str>>,
    documents: Vec<u32>,
    /// Letters and bytes each word shares with the word before it.
    shared: Vec<(u16, u16)>,
}

impl Dictionary {
    /// The dictionary of these distinct words and their document counts.
    pub fn new(words: impl IntoIterator<Item = (String, u32)>) -> Dictionary {
        let mut words: Vec<(String, u32)> = words.into_iter().collect();
        words.sort_unstable();
        let mut dictionary = Dictionary::default();
        let mut previous = "";
        for (word, documents) in &words {
            let (letters, bytes) = word
                .char_indices()
                .zip(previous.chars())
                .take_while(|((_, a), b)| a == b)
                .fold((0, 0), |(n, _), ((at, letter), _)| (n + 1, at + letter.len_utf8()));
            dictionary.shared.push((u16::try_from(letters).unwrap_or(0), u16::try_from(bytes).unwrap_or(0)));
            dictionary.words.push(word.as_str().into());
            dictionary.documents.push(*documents);
            previous = word;
        }
        dictionary
    }

    /// The word in most documents (then the shortest, most often the base form; then the
    /// first in order) that begins with `prefix` and is longer than it; `None` when there is
    /// none.
    pub fn most_common_beginning_with(&self, prefix: &str) -> Option<&str> {
        let first = self.words.partition_point(|w| &**w <= prefix);
        let last = first + self.words[first..].partition_point(|w| w.starts_with(prefix));
        (first..last)
            .min_by_key(|&i| (std::cmp::Reverse(self.documents[i]), self.words[i].len()))
            .map(|i| &*self.words[i])
    }

    /// The word nearest to `word` within `distance` edits: the fewest edits, then the most
    /// documents, then the first in order.
    ///
    /// A word shares the rows of its common prefix with the word before it, and every word
    /// under a prefix already beyond reach is skipped at once.
    pub fn nearest(&self, word: &str, distance: u8) -> Option<&str> {
        let table = WithinEdits::new(word, distance)?;
        let start = table.start();
        let mut rows = vec![start];
        let mut best: Option<(u8, u32, usize)> = None;
        let mut i = 0;
        while let Some(candidate) = self.words.get(i) {
            let (letters, bytes) = self.shared[i];
            rows.truncate(usize::from(letters) + 1);
            let mut dead = false;
            for letter in candidate[usize::from(bytes)..].chars() {
                let next = table.step(rows.last().unwrap_or(&start), letter);
                rows.push(next);
                if next.nearest > distance {
                    dead = true;
                    break;
                }
            }
            if dead {
                // The words after it that share the prefix beyond reach are beyond reach too.
                let prefix = rows.len() - 1;
                i += 1;
                while self.shared.get(i).is_some_and(|(letters, _)| usize::from(*letters) >= prefix) {
                    i += 1;
                }
                continue;
            }
            let documents = self.documents[i];
            if let Some(d) = table.distance(rows.last().unwrap_or(&start))
                && best.is_none_or(|(bd, bdocs, _)| d < bd || (d == bd && documents > bdocs))
            {
                best = Some((d, documents, i));
            }
            i += 1;
        }
        best.map(|(_, _, i)| &*self.words[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::vocabulary::edit_distance;
    use proptest::prelude::*;

    fn dictionary(words: &[(&str, u32)]) -> Dictionary {
        Dictionary::new(words.iter().map(|(w, n)| ((*w).to_owned(), *n)))
    }

    fn distance(word: &str, candidate: &str, distance: u8) -> Option<u8> {
        let table = WithinEdits::new(word, distance).expect("a short word and a small distance");
        let row = candidate.chars().fold(table.start(), |row, letter| table.step(&row, letter));
        table.distance(&row)
    }

    #[test]
    fn the_word_a_beginning_stands_for_is_the_one_in_most_documents_then_the_shortest() {
        let d = dictionary(&[("talletus", 2), ("talletuksen", 2), ("talletuksessa", 1), ("tili", 9), ("tal", 9)]);
        assert_eq!(d.most_common_beginning_with("tallet"), Some("talletus"));
        assert_eq!(d.most_common_beginning_with("talletuksen"), None, "only longer words count");
        assert_eq!(d.most_common_beginning_with("x"), None);
    }

    #[test]
    fn a_swapped_pair_of_letters_is_one_edit_and_two_swaps_are_two() {
        assert_eq!(distance("salasana", "slaasana", 2), Some(1));
        assert_eq!(distance("salasana", "slaasnaa", 2), Some(2));
        assert_eq!(distance("salasana", "salasana", 2), Some(0));
        assert_eq!(distance("salasana", "sala", 2), None);
    }

    #[test]
    fn letters_beyond_ascii_count_as_one_letter_each() {
        assert_eq!(distance("lösenord", "losenord", 1), Some(1));
        assert_eq!(distance("lösenord", "løsenørd", 1), None);
    }

    #[test]
    fn the_nearest_word_has_the_fewest_edits_then_the_most_documents() {
        let words = dictionary(&[("kortti", 5), ("kortit", 9), ("kartta", 50), ("portti", 7), ("korttia", 2)]);
        assert_eq!(words.nearest("kortti", 2), Some("kortti"));
        assert_eq!(words.nearest("korrti", 1), Some("kortti"));
        // Two words one edit away: the one in more documents.
        assert_eq!(words.nearest("kortt", 1), Some("kortit"));
        assert_eq!(words.nearest("xortti", 1), Some("portti"));
        assert_eq!(words.nearest("qqqqqq", 2), None);
    }

    #[test]
    fn words_longer_than_the_table_holds_and_distances_above_two_are_not_corrected() {
        let words = dictionary(&[("a", 1)]);
        assert_eq!(words.nearest(&"a".repeat(MAX_WORD + 1), 2), None);
        assert_eq!(words.nearest("ab", 3), None);
        assert!(WithinEdits::new(&"a".repeat(MAX_WORD), 2).is_some());
    }

    proptest! {
        /// The table agrees with the distance of whole words for every pair.
        #[test]
        fn the_table_finds_exactly_the_words_within_the_distance(
            word in "[abcä]{0,9}",
            candidate in "[abcä]{0,11}",
            reach in 0u8..=2,
        ) {
            let expected = edit_distance(&word, &candidate);
            let found = distance(&word, &candidate, reach);
            prop_assert_eq!(found, (expected <= usize::from(reach)).then_some(expected as u8));
        }

        /// The walk returns what comparing the word with every dictionary word returns.
        #[test]
        fn the_walk_finds_what_comparing_with_every_word_finds(
            word in "[abcä]{1,8}",
            words in proptest::collection::btree_map("[abcä]{1,9}", 1u32..4, 0..40),
            reach in 0u8..=2,
        ) {
            let dictionary = Dictionary::new(words.iter().map(|(w, n)| (w.clone(), *n)));
            let mut expected: Option<(usize, u32, &str)> = None;
            for (candidate, documents) in &words {
                let d = edit_distance(&word, candidate);
                if d <= usize::from(reach)
                    && expected.is_none_or(|(bd, bn, _)| d < bd || (d == bd && *documents > bn))
                {
                    expected = Some((d, *documents, candidate));
                }
            }
            prop_assert_eq!(dictionary.nearest(&word, reach), expected.map(|(_, _, w)| w));
        }
    }
}
