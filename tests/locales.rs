//! Every locale defines the same messages with the same variables, and every file parses.
//!
//! A missing message would show its id to a customer; a variable renamed in one language
//! would silently drop a value from the text.

use fluent_syntax::ast::{self, Entry, Expression, InlineExpression, Pattern, PatternElement};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const LOCALES: [&str; 3] = ["fi", "sv", "en"];

/// Message (or term) id → the variables it uses, over all `.ftl` files of one locale.
type Catalogue = BTreeMap<String, BTreeSet<String>>;

fn catalogue(locale: &str) -> Catalogue {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").join(locale);
    let mut catalogue = Catalogue::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .ftl files in {}", dir.display());
    for path in files {
        let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let resource = fluent_syntax::parser::parse(source.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{}: syntax errors: {errors:?}", path.display()));
        for entry in resource.body {
            let (id, value, attributes) = match entry {
                Entry::Message(m) => (m.id.name.to_owned(), m.value, m.attributes),
                Entry::Term(t) => (format!("-{}", t.id.name), Some(t.value), t.attributes),
                Entry::Junk { content } => {
                    panic!("{}: unparsable entry: {content}", path.display())
                }
                _ => continue,
            };
            let mut variables = BTreeSet::new();
            if let Some(value) = &value {
                collect_variables(value, &mut variables);
            }
            for attribute in &attributes {
                collect_variables(&attribute.value, &mut variables);
            }
            let previous = catalogue.insert(id.clone(), variables);
            assert!(previous.is_none(), "{}: message {id} is defined twice", path.display());
        }
    }
    catalogue
}

fn collect_variables(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            collect_expression(expression, out);
        }
    }
}

fn collect_expression(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => collect_inline(inline, out),
        Expression::Select { selector, variants } => {
            collect_inline(selector, out);
            for variant in variants {
                collect_variables(&variant.value, out);
            }
        }
    }
}

fn collect_inline(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. } => collect_arguments(arguments, out),
        InlineExpression::TermReference { arguments: Some(arguments), .. } => collect_arguments(arguments, out),
        InlineExpression::Placeable { expression } => collect_expression(expression, out),
        _ => {}
    }
}

fn collect_arguments(arguments: &ast::CallArguments<&str>, out: &mut BTreeSet<String>) {
    for argument in &arguments.positional {
        collect_inline(argument, out);
    }
    for argument in &arguments.named {
        collect_inline(&argument.value, out);
    }
}

#[test]
fn every_locale_defines_the_same_messages_with_the_same_variables() {
    let catalogues: Vec<(&str, Catalogue)> = LOCALES.iter().map(|l| (*l, catalogue(l))).collect();
    let all_ids: BTreeSet<&String> = catalogues.iter().flat_map(|(_, c)| c.keys()).collect();
    let mut problems = Vec::new();
    for id in &all_ids {
        let reference = catalogues.iter().find_map(|(locale, c)| c.get(*id).map(|vars| (*locale, vars)));
        for (locale, catalogue) in &catalogues {
            match (catalogue.get(*id), reference) {
                (None, _) => problems.push(format!("{locale}: missing message {id}")),
                (Some(vars), Some((ref_locale, ref_vars))) if vars != ref_vars => {
                    problems.push(format!("{locale}: {id} uses variables {vars:?}, {ref_locale} uses {ref_vars:?}"))
                }
                _ => {}
            }
        }
    }
    assert!(problems.is_empty(), "locales are not complete:\n{}", problems.join("\n"));
    assert!(all_ids.len() >= 20, "suspiciously few messages: {}", all_ids.len());
}

#[test]
fn the_checker_notices_a_variable_that_differs() {
    let mut a = BTreeSet::new();
    let mut b = BTreeSet::new();
    let parse = |src: &'static str| fluent_syntax::parser::parse(src).expect("valid ftl");
    for entry in parse("m = Hello { $name }\n").body {
        if let Entry::Message(m) = entry {
            collect_variables(m.value.as_ref().expect("value"), &mut a);
        }
    }
    for entry in parse("m = { $count ->\n    [one] One { $user }\n   *[other] Many\n}\n").body {
        if let Entry::Message(m) = entry {
            collect_variables(m.value.as_ref().expect("value"), &mut b);
        }
    }
    assert_eq!(a, BTreeSet::from(["name".to_owned()]));
    assert_eq!(b, BTreeSet::from(["count".to_owned(), "user".to_owned()]));
}

/// Variables that carry a language's code (`fi`, `sv`, `en`).
fn names_a_language(variable: &str) -> bool {
    ["language", "locale", "lang"].iter().any(|name| variable == *name || variable.ends_with(&format!("-{name}")))
}

/// The language variables `pattern` inserts as text rather than selects on.
fn inserted_language_variables(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            match expression {
                Expression::Inline(InlineExpression::VariableReference { id }) if names_a_language(id.name) => {
                    out.insert(id.name.to_owned());
                }
                Expression::Inline(_) => {}
                Expression::Select { variants, .. } => {
                    for variant in variants {
                        inserted_language_variables(&variant.value, out);
                    }
                }
            }
        }
    }
}

/// Every message of `locale`'s files: id → (value, attributes).
fn language_insertions(source: &str) -> Vec<(String, String)> {
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(resource, _)| resource);
    let mut found = Vec::new();
    for entry in resource.body {
        if let Entry::Message(m) = entry {
            let mut variables = BTreeSet::new();
            if let Some(value) = &m.value {
                inserted_language_variables(value, &mut variables);
            }
            for attribute in &m.attributes {
                inserted_language_variables(&attribute.value, &mut variables);
            }
            found.extend(variables.into_iter().map(|v| (m.id.name.to_owned(), v)));
        }
    }
    found
}

fn ftl_sources() -> Vec<(String, String)> {
    let mut sources = Vec::new();
    for locale in LOCALES {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").join(locale);
        for entry in std::fs::read_dir(&dir).expect("locale directory").filter_map(Result::ok) {
            let path = entry.path();
            if path.extension().is_some_and(|ext| ext == "ftl") {
                let source = std::fs::read_to_string(&path).expect("readable ftl");
                sources.push((format!("{locale}/{}", path.file_name().unwrap_or_default().to_string_lossy()), source));
            }
        }
    }
    sources
}

#[test]
fn no_message_inserts_a_language_s_name_into_a_sentence() {
    let mut problems = Vec::new();
    for (file, source) in ftl_sources() {
        for (id, variable) in language_insertions(&source) {
            problems.push(format!("{file}: {id} inserts ${variable}; select on the code instead"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Every message that takes a language selects a text of its own for each code: the code
    // itself never shows, nor a language's name in its own language ("Kielellä Svenska").
    for (locale, catalogue) in LOCALES.iter().zip(LOCALES.map(catalogue)) {
        let locale = locale.parse::<tuki::Locale>().expect("known locale");
        for (id, variables) in catalogue.iter().filter(|(id, _)| !id.starts_with('-')) {
            for variable in variables.iter().filter(|v| names_a_language(v)) {
                for code in LOCALES {
                    let name: &'static str = Box::leak(variable.clone().into_boxed_str());
                    let text = tuki::i18n::tr_args(locale, id, &[(name, tuki::i18n::Value::from(code))]);
                    let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
                    assert!(!words.contains(&code), "{locale:?} {id} with {code}: the code shows in {text:?}");
                    for native in tuki::Locale::ALL.map(tuki::Locale::native_name) {
                        let own = locale == tuki::Locale::En && native == "English";
                        assert!(own || !text.contains(native), "{locale:?} {id}: a language's own name in {text:?}");
                    }
                }
            }
        }
    }
}

#[test]
fn the_language_checker_notices_a_name_pasted_into_a_sentence() {
    assert_eq!(
        language_insertions("in-other = Kielellä { $language }\n"),
        vec![("in-other".to_owned(), "language".to_owned())]
    );
    assert!(language_insertions("in-other = { $language ->\n    [sv] Ruotsiksi\n   *[fi] Suomeksi\n}\n").is_empty());
}

/// Whether `text` shows a day or a month the ISO way (`2026-03-05`, `2026-03`) or asks for one
/// with a pattern (`VVVV-KK-PP`).
fn shows_an_iso_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    let iso = (0..bytes.len()).any(|i| {
        let digits =
            |from: usize, n: usize| bytes.get(from..from + n).is_some_and(|b| b.iter().all(u8::is_ascii_digit));
        digits(i, 4)
            && bytes.get(i + 4) == Some(&b'-')
            && digits(i + 5, 2)
            && (i == 0 || !bytes[i - 1].is_ascii_digit())
    });
    iso || ["VVVV", "ÅÅÅÅ", "YYYY"].iter().any(|pattern| text.contains(pattern))
}

#[test]
fn the_demo_content_shows_no_iso_date_and_asks_for_none() {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/content/demo");
    let mut problems = Vec::new();
    for (path, text) in tuki::content::bundle::files_in_dir(&demo).expect("the demo content") {
        let Ok(text) = text else { continue };
        for (n, line) in text.lines().enumerate() {
            if shows_an_iso_date(line) {
                problems.push(format!("{path}:{}: {line}", n + 1));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// How a number appears when a locale's format was not followed: Rust's own (`1234567.25`), or
/// another language's marks.
fn foreign_number(locale: tuki::Locale, text: &str) -> bool {
    let foreign = match locale {
        tuki::Locale::Fi | tuki::Locale::Sv => ["1,234,567", "567.25"],
        tuki::Locale::En => ["1\u{a0}234", "567,25"],
    };
    text.contains("1234567") || foreign.iter().any(|f| text.contains(f))
}

#[test]
fn every_message_shows_numbers_and_days_in_its_language_s_format() {
    let mut problems = Vec::new();
    let mut numbers_seen = 0;
    for (code, catalogue) in LOCALES.iter().zip(LOCALES.map(catalogue)) {
        let locale = code.parse::<tuki::Locale>().expect("known locale");
        let day = tuki::time::CivilDate { year: 2026, month: 3, day: 5 }.format_for(locale);
        for (id, variables) in catalogue.iter().filter(|(id, _)| !id.starts_with('-')) {
            let plain = tuki::i18n::tr(locale, id);
            if shows_an_iso_date(&plain) {
                problems.push(format!("{code} {id}: an ISO date or a date pattern shown to people: {plain:?}"));
            }
            if variables.is_empty() || variables.iter().any(|v| names_a_language(v)) {
                continue;
            }
            let names: Vec<&'static str> = variables.iter().map(|v| &*Box::leak(v.clone().into_boxed_str())).collect();
            let with_number: Vec<_> = names.iter().map(|n| (*n, tuki::i18n::Value::from(1_234_567.25))).collect();
            let text = tuki::i18n::tr_args(locale, id, &with_number);
            numbers_seen += usize::from(text.contains(local_number(locale)));
            if foreign_number(locale, &text) {
                problems.push(format!("{code} {id}: a number not in the local format: {text:?}"));
            }
            let with_day: Vec<_> = names.iter().map(|n| (*n, tuki::i18n::Value::from(day.clone()))).collect();
            let text = tuki::i18n::tr_args(locale, id, &with_day);
            if shows_an_iso_date(&text) {
                problems.push(format!("{code} {id}: an ISO date: {text:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(numbers_seen >= 30, "only {numbers_seen} messages showed the number at all");
}

/// A number with thousands and decimals, as a locale writes it (no-break spaces in fi and sv).
fn local_number(locale: tuki::Locale) -> &'static str {
    match locale {
        tuki::Locale::Fi | tuki::Locale::Sv => "1\u{a0}234\u{a0}567,25",
        tuki::Locale::En => "1,234,567.25",
    }
}

#[test]
fn the_format_checkers_notice_iso_dates_and_raw_numbers() {
    assert!(shows_an_iso_date("Anna päivä muodossa 2026-03-31."));
    assert!(shows_an_iso_date("Anna kuukausi muodossa VVVV-KK."));
    assert!(!shows_an_iso_date("Anna päivä, esimerkiksi 31.3.2026, tai numero 12026-0331."));
    assert!(foreign_number(tuki::Locale::Fi, "enintään 1234567.25"));
    assert!(foreign_number(tuki::Locale::Sv, "högst 1,234,567.25"));
    assert!(!foreign_number(tuki::Locale::Fi, "enintään 1\u{a0}234\u{a0}567,25"));
}
