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
