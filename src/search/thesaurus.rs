//! General-language thesauri in the MyThes format that LibreOffice uses (Debian `mythes-sv`,
//! `mythes-en-us`; the English one is WordNet's synsets), read as one-way synonym rules: a
//! headword also finds its synonyms, weighed below the editors' own rules.
//!
//! Optional: `tuki eval` measures them where the packages are installed; nothing needs them.

use crate::Locale;
use crate::content::synonyms::{MAX_TERM_WORDS, SynonymList, SynonymRule};
use std::path::{Path, PathBuf};

/// Where Debian installs the thesaurus of `locale` (none is packaged for Finnish).
pub fn debian_path(locale: Locale) -> Option<PathBuf> {
    let file = match locale {
        Locale::Fi => return None,
        Locale::Sv => "th_sv_SE_v2.dat",
        Locale::En => "th_en_US_v2.dat",
    };
    Some(Path::new("/usr/share/mythes").join(file))
}

/// The rules of a MyThes data file: its first line names the encoding (UTF-8 or ISO-8859-1);
/// then `headword|meanings`, each meaning a line `(part of speech)|synonym|synonym…`.
/// Synonyms marked as broader or related terms ("(generic term)") are left out.
pub fn read_mythes(bytes: &[u8]) -> SynonymList {
    let mut lines = bytes.split(|b| *b == b'\n');
    let latin1 = lines.next().is_some_and(|first| !String::from_utf8_lossy(first).trim().eq_ignore_ascii_case("UTF-8"));
    let decode = |line: &[u8]| -> String {
        if latin1 { line.iter().map(|b| char::from(*b)).collect() } else { String::from_utf8_lossy(line).into_owned() }
    };
    let mut rules: Vec<SynonymRule> = Vec::new();
    for line in lines {
        let line = decode(line);
        let line = line.trim_end();
        if line.is_empty() {
            continue;
        }
        // A meaning: its part of speech (empty in some files), then the synonyms.
        if line.starts_with('(') || line.starts_with('|') {
            let Some(rule) = rules.last_mut() else { continue };
            for synonym in line.split('|').skip(1) {
                let synonym = synonym.trim().to_lowercase();
                if synonym.is_empty()
                    || synonym.contains('(')
                    || synonym.split_whitespace().count() > MAX_TERM_WORDS
                    || rule.from.contains(&synonym)
                    || rule.to.contains(&synonym)
                {
                    continue;
                }
                rule.to.push(synonym);
            }
        } else if let Some((headword, _)) = line.split_once('|') {
            if rules.last().is_some_and(|r| r.to.is_empty()) {
                rules.pop();
            }
            let headword = headword.trim().to_lowercase();
            if headword.split_whitespace().count() <= MAX_TERM_WORDS {
                rules.push(SynonymRule { from: vec![headword], to: Vec::new() });
            }
        }
    }
    if rules.last().is_some_and(|r| r.to.is_empty()) {
        rules.pop();
    }
    SynonymList { rules }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headwords_find_their_synonyms_but_not_broader_terms() {
        let text = "UTF-8\nwallet|1\n(noun)|billfold|notecase|case (generic term)\nempty|1\n(adj)|\n";
        let list = read_mythes(text.as_bytes());
        assert_eq!(
            list.rules,
            vec![SynonymRule { from: vec!["wallet".into()], to: vec!["billfold".into(), "notecase".into()] }]
        );
    }

    #[test]
    fn a_latin1_file_is_decoded() {
        let bytes = b"ISO8859-1\npl\xe5nbok|1\n|b\xf6rs\n";
        let list = read_mythes(bytes);
        assert_eq!(list.rules, vec![SynonymRule { from: vec!["plånbok".into()], to: vec!["börs".into()] }]);
    }
}
