//! The synonyms file of a locale (`synonyms/<locale>.yaml` in the bundle): the words customers
//! use for what the articles call otherwise, kept by the editors.
//!
//! A YAML list of rules, one string each, in the notation search engines share:
//!
//! ```yaml
//! # Words that mean the same: any of them finds what the others do.
//! - läppäri, kannettava, tietokone
//! # What a customer's words stand for (one way): "lompakko" also finds "kortti", not back.
//! - lompakko => kortti
//! - en muista => unohtunut
//! ```
//!
//! A term may be a few words. The file is kept as written (comments too); this module checks
//! it and reads its rules.

/// Most rules in one file.
pub const MAX_RULES: usize = 5_000;
/// Longest term, in characters.
pub const MAX_TERM_CHARS: usize = 60;
/// Most words in one term.
pub const MAX_TERM_WORDS: usize = 4;

/// One rule of a synonyms file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SynonymRule {
    /// The terms that trigger the rule (all of them for an equivalence).
    pub from: Vec<String>,
    /// The terms they also find (all of them for an equivalence).
    pub to: Vec<String>,
}

/// The rules of one synonyms file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SynonymList {
    /// In file order.
    pub rules: Vec<SynonymRule>,
}

/// A problem in a synonyms file: the 1-based line and what is wrong.
pub type SynonymProblem = (usize, String);

impl SynonymList {
    /// Reads and checks a synonyms file; every problem, with its line, when any.
    pub fn parse(text: &str) -> Result<SynonymList, Vec<SynonymProblem>> {
        let entries: Vec<serde_norway::Value> = match serde_norway::from_str::<Option<Vec<_>>>(text) {
            Ok(entries) => entries.unwrap_or_default(),
            Err(e) => {
                let line = e.location().map_or(1, |l| l.line());
                return Err(vec![(line, format!("not a list of rules: {e}"))]);
            }
        };
        if entries.len() > MAX_RULES {
            return Err(vec![(1, format!("{} rules: at most {MAX_RULES}", entries.len()))]);
        }
        let mut problems = Vec::new();
        let mut rules = Vec::new();
        let mut search_from = 0;
        for entry in entries {
            let Some(rule) = entry.as_str() else {
                problems.push((line_of(text, "", &mut search_from), "a rule is one line of text".to_owned()));
                continue;
            };
            let line = line_of(text, rule, &mut search_from);
            match parse_rule(rule) {
                Ok(rule) => rules.push(rule),
                Err(reason) => problems.push((line, reason)),
            }
        }
        if problems.is_empty() { Ok(SynonymList { rules }) } else { Err(problems) }
    }
}

/// One rule: `a, b, c` or `a, b => c, d`.
fn parse_rule(rule: &str) -> Result<SynonymRule, String> {
    let sides: Vec<&str> = rule.split("=>").collect();
    match sides[..] {
        [all] => {
            let terms = terms(all)?;
            if terms.len() < 2 {
                return Err(format!("{rule:?}: list two words or more that mean the same, or write a => b"));
            }
            Ok(SynonymRule { from: terms.clone(), to: terms })
        }
        [from, to] => Ok(SynonymRule { from: terms(from)?, to: terms(to)? }),
        _ => Err(format!("{rule:?}: one => at most")),
    }
}

/// The comma-separated terms of one side of a rule, lowercased.
fn terms(side: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for term in side.split(',') {
        let term = term.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        if term.is_empty() {
            return Err(format!("{side:?}: an empty term"));
        }
        if term.chars().count() > MAX_TERM_CHARS {
            return Err(format!("{term:?}: at most {MAX_TERM_CHARS} characters"));
        }
        if term.split(' ').count() > MAX_TERM_WORDS {
            return Err(format!("{term:?}: at most {MAX_TERM_WORDS} words"));
        }
        if !term.chars().any(char::is_alphanumeric) {
            return Err(format!("{term:?}: no letters"));
        }
        if !out.contains(&term) {
            out.push(term);
        }
    }
    Ok(out)
}

/// The 1-based line where `needle` next occurs at or after line `*from`; advances `*from`.
fn line_of(text: &str, needle: &str, from: &mut usize) -> usize {
    let found = text.lines().enumerate().skip(*from).find(|(_, line)| {
        let line = line.trim_start();
        line.starts_with('-') && (needle.is_empty() || line.contains(needle))
    });
    match found {
        Some((i, _)) => {
            *from = i + 1;
            i + 1
        }
        None => (*from).max(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equivalences_and_one_way_rules_are_read_with_comments_ignored() {
        let list =
            SynonymList::parse("# customers' words\n- Läppäri, kannettava,  tietokone\n- en muista => unohtunut\n")
                .expect("valid");
        assert_eq!(
            list.rules,
            vec![
                SynonymRule {
                    from: vec!["läppäri".into(), "kannettava".into(), "tietokone".into()],
                    to: vec!["läppäri".into(), "kannettava".into(), "tietokone".into()],
                },
                SynonymRule { from: vec!["en muista".into()], to: vec!["unohtunut".into()] },
            ]
        );
    }

    #[test]
    fn an_empty_file_has_no_rules() {
        assert_eq!(SynonymList::parse("# nothing yet\n"), Ok(SynonymList::default()));
    }

    #[test]
    fn every_bad_rule_is_reported_at_its_line() {
        let problems =
            SynonymList::parse("- ok, fine\n- lonely\n- a => b => c\n- x, , y\n- {key: value}\n").expect_err("invalid");
        let lines: Vec<usize> = problems.iter().map(|(line, _)| *line).collect();
        assert_eq!(lines, vec![2, 3, 4, 5], "{problems:?}");
    }

    #[test]
    fn a_file_that_is_not_a_list_or_is_too_long_is_refused() {
        assert!(SynonymList::parse("key: value\n").is_err());
        assert!(SynonymList::parse("- <script>alert(1)</script>, x\n").is_ok(), "markup is only text here");
        let long = format!("- {}, b\n", "a".repeat(MAX_TERM_CHARS + 1));
        assert!(SynonymList::parse(&long).is_err());
        let many = "- a, b\n".repeat(MAX_RULES + 1);
        assert!(SynonymList::parse(&many).is_err());
    }
}
