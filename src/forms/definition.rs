//! Reading a request type from the content bundle (`forms/<slug>.yaml`) and checking it.
//!
//! The structure is checked while parsing (an unknown key or field type is an error with its
//! line); then the meaning: every text in fi, sv and en, unique step and field ids, options
//! exactly where choices are, conditions that name an earlier field and values it can have,
//! patterns that compile, suggestions that name existing articles and fields, a known team.
//! Every problem is reported with the line it is on.

use super::{Condition, Field, FieldKind, FormDefinition, Localized, PriorityRules, RequestKind, Step};
use crate::Locale;
use crate::content::Slug;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// A form file as written: the definition without its slug (the file name is the slug).
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct FormFile {
    title: Localized,
    description: Localized,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    urgent: Option<Localized>,
    team: Slug,
    kind: RequestKind,
    priority: PriorityRules,
    steps: Vec<Step>,
}

/// A problem in a form file: the 1-based line and what is wrong.
pub type FormProblem = (usize, String);

/// What a form may refer to elsewhere in the bundle.
#[derive(Clone, Copy, Debug)]
pub struct KnownNames<'a> {
    /// Team slugs (`teams.yaml`).
    pub teams: &'a BTreeSet<&'a str>,
    /// Article slugs.
    pub articles: &'a BTreeSet<&'a str>,
}

/// Parses and checks the form `slug` from the text of its file.
pub fn parse_form(slug: &Slug, text: &str, known: KnownNames<'_>) -> Result<FormDefinition, Vec<FormProblem>> {
    let file: FormFile = serde_norway::from_str(text).map_err(|e| {
        let line = e.location().map_or(1, |l| l.line());
        vec![(line, format!("invalid form: {e}"))]
    })?;
    let form = FormDefinition {
        slug: slug.clone(),
        title: file.title,
        description: file.description,
        urgent: file.urgent,
        team: file.team,
        kind: file.kind,
        priority: file.priority,
        steps: file.steps,
    };
    let problems = check(&form, text, known);
    if problems.is_empty() { Ok(form) } else { Err(problems) }
}

/// The form's file text, in the canonical form (export → import → export gives the same text).
pub fn write_form(form: &FormDefinition) -> Result<String, serde_norway::Error> {
    serde_norway::to_string(&FormFile {
        title: form.title.clone(),
        description: form.description.clone(),
        urgent: form.urgent.clone(),
        team: form.team.clone(),
        kind: form.kind,
        priority: form.priority.clone(),
        steps: form.steps.clone(),
    })
}

/// Lines of the file, for finding where a problem is.
struct Lines<'a>(Vec<&'a str>);

impl Lines<'_> {
    /// The line of the `n`th (0-based) `key: value` entry (a list item's `- key: value` too).
    fn of_entry(&self, key: &str, value: &str, n: usize) -> usize {
        self.0
            .iter()
            .enumerate()
            .filter(|(_, line)| {
                let line = line.trim_start().trim_start_matches("- ").trim_start();
                line.strip_prefix(key).and_then(|rest| rest.strip_prefix(':')).is_some_and(|rest| {
                    let rest = rest.trim();
                    rest == value || rest.trim_matches(|c| c == '"' || c == '\'') == value
                })
            })
            .nth(n)
            .map_or(1, |(i, _)| i + 1)
    }

    /// The line of the first top-level `key:`.
    fn of_top_key(&self, key: &str) -> usize {
        self.0
            .iter()
            .position(|line| line.strip_prefix(key).is_some_and(|rest| rest.starts_with(':')))
            .map_or(1, |i| i + 1)
    }

    /// The first line at or after `from` whose entry has this key.
    fn of_key_after(&self, key: &str, from: usize) -> usize {
        self.0
            .iter()
            .enumerate()
            .skip(from.saturating_sub(1))
            .find(|(_, line)| {
                let line = line.trim_start().trim_start_matches("- ").trim_start();
                line.strip_prefix(key).is_some_and(|rest| rest.starts_with(':'))
            })
            .map_or(from, |(i, _)| i + 1)
    }
}

fn check(form: &FormDefinition, text: &str, known: KnownNames<'_>) -> Vec<FormProblem> {
    let lines = Lines(text.lines().collect());
    let mut problems = Vec::new();
    complete(&form.title, "title", lines.of_top_key("title"), &mut problems);
    complete(&form.description, "description", lines.of_top_key("description"), &mut problems);
    if let Some(urgent) = &form.urgent {
        let line = lines.of_top_key("urgent");
        complete(urgent, "urgent", line, &mut problems);
        for (locale, text) in urgent {
            for name in crate::content::service_numbers::unknown_placeholders(text) {
                problems.push((
                    line,
                    format!("urgent ({locale}): unknown placeholder {{{name}}} (known: {{card-blocking-phone}})"),
                ));
            }
        }
    }
    if !known.teams.contains(form.team.as_str()) {
        problems
            .push((lines.of_top_key("team"), format!("unknown team {} (teams are listed in teams.yaml)", form.team)));
    }
    if form.steps.is_empty() {
        problems.push((lines.of_top_key("steps"), "a form needs at least one step".to_owned()));
    }
    // Field ids seen so far, in order: conditions may only name these.
    let mut earlier: BTreeMap<&str, &Field> = BTreeMap::new();
    let mut step_ids: BTreeMap<&str, usize> = BTreeMap::new();
    let mut field_seen: BTreeMap<&str, usize> = BTreeMap::new();
    for step in &form.steps {
        let seen = step_ids.entry(step.id.as_str()).or_default();
        let step_line = lines.of_entry("id", &step.id, *seen + field_seen.get(step.id.as_str()).copied().unwrap_or(0));
        *seen += 1;
        if *seen > 1 {
            problems.push((step_line, format!("duplicate step id {}", step.id)));
        }
        check_id(&step.id, "step", step_line, &mut problems);
        if super::RESERVED_STEP_IDS.contains(&step.id.as_str()) {
            problems.push((step_line, format!("step id {} is reserved for the flow's own pages", step.id)));
        }
        complete(&step.title, &format!("step {}: title", step.id), step_line, &mut problems);
        if step.fields.is_empty() {
            problems.push((step_line, format!("step {}: a step needs at least one field", step.id)));
        }
        for field in &step.fields {
            let n = field_seen.entry(field.id.as_str()).or_default();
            let line = lines.of_entry("id", &field.id, *n + step_ids.get(field.id.as_str()).copied().unwrap_or(0));
            *n += 1;
            if *n > 1 {
                problems.push((line, format!("duplicate field id {}", field.id)));
            }
            check_id(&field.id, "field", line, &mut problems);
            check_field(field, line, &lines, &earlier, &mut problems);
            earlier.insert(field.id.as_str(), field);
        }
        let line = lines.of_key_after("suggestions", step_line);
        for article in &step.suggestions.articles {
            if !known.articles.contains(article.as_str()) {
                problems.push((line, format!("step {}: suggests unknown article {article}", step.id)));
            }
        }
        for id in &step.suggestions.search {
            if !earlier.contains_key(id.as_str()) {
                problems.push((
                    line,
                    format!("step {}: searches with {id}, which is not this or an earlier field", step.id),
                ));
            }
        }
    }
    for rule in &form.priority.rules {
        let line = lines.of_entry("field", &rule.when.field, 0).max(lines.of_top_key("priority"));
        check_condition(&rule.when, "priority rule", line, &earlier, &mut problems);
    }
    problems.sort_by_key(|(line, _)| *line);
    problems
}

fn complete(text: &Localized, what: &str, line: usize, problems: &mut Vec<FormProblem>) {
    for locale in Locale::ALL {
        if text.get(&locale).is_none_or(|t| t.trim().is_empty()) {
            problems.push((line, format!("{what}: missing the {locale} translation")));
        }
    }
}

fn check_id(id: &str, what: &str, line: usize, problems: &mut Vec<FormProblem>) {
    if Slug::parse(id).is_err() {
        problems.push((line, format!("{what} id {id:?}: use lowercase letters, digits and dashes")));
    }
}

fn check_field(
    field: &Field,
    line: usize,
    lines: &Lines<'_>,
    earlier: &BTreeMap<&str, &Field>,
    problems: &mut Vec<FormProblem>,
) {
    let id = &field.id;
    complete(&field.label, &format!("field {id}: label"), line, problems);
    if let Some(hint) = &field.hint {
        complete(hint, &format!("field {id}: hint"), line, problems);
    }
    if field.kind.has_options() {
        if field.options.is_empty() {
            problems.push((line, format!("field {id}: a {:?} field needs options", field.kind)));
        }
        let mut values = BTreeSet::new();
        for option in &field.options {
            let option_line = lines.of_entry("value", &option.value, 0).max(line);
            if option.value.trim().is_empty() || !values.insert(option.value.as_str()) {
                problems.push((option_line, format!("field {id}: option values must be unique and not empty")));
            }
            complete(&option.label, &format!("field {id}: option {}", option.value), option_line, problems);
        }
    } else if !field.options.is_empty() {
        problems.push((line, format!("field {id}: only radio, select and checkboxes fields have options")));
    }
    if (field.min.is_some() || field.max.is_some()) && field.kind != FieldKind::Number {
        problems.push((line, format!("field {id}: min and max are for number fields")));
    }
    if let (Some(min), Some(max)) = (field.min, field.max)
        && min > max
    {
        problems.push((line, format!("field {id}: min is larger than max")));
    }
    if (field.min_length.is_some() || field.max_length.is_some()) && !field.kind.is_text() {
        problems.push((line, format!("field {id}: min_length and max_length are for text fields")));
    }
    if let (Some(min), Some(max)) = (field.min_length, field.max_length)
        && min > max
    {
        problems.push((line, format!("field {id}: min_length is larger than max_length")));
    }
    if let Some(pattern) = &field.pattern {
        if !matches!(field.kind, FieldKind::Text | FieldKind::Tel) {
            problems.push((line, format!("field {id}: a pattern is for text and tel fields")));
        } else if let Err(e) = regex::Regex::new(pattern) {
            problems.push((line, format!("field {id}: the pattern is not a regular expression: {e}")));
        }
    }
    if let Some(condition) = &field.show_if {
        let condition_line = lines.of_key_after("show_if", line);
        check_condition(condition, &format!("field {id}: show_if"), condition_line, earlier, problems);
    }
}

fn check_condition(
    condition: &Condition,
    what: &str,
    line: usize,
    earlier: &BTreeMap<&str, &Field>,
    problems: &mut Vec<FormProblem>,
) {
    if condition.tests_given() != 1 {
        problems.push((line, format!("{what}: give exactly one of equals, one_of and not")));
    }
    let Some(target) = earlier.get(condition.field.as_str()) else {
        problems.push((line, format!("{what}: {} is not an earlier field", condition.field)));
        return;
    };
    let allowed: Option<Vec<&str>> = match target.kind {
        FieldKind::YesNo => Some(vec!["yes", "no"]),
        kind if kind.has_options() => Some(target.options.iter().map(|o| o.value.as_str()).collect()),
        _ => None,
    };
    if let Some(allowed) = allowed {
        for value in condition.values() {
            if !allowed.contains(&value) {
                problems.push((line, format!("{what}: {} has no option {value}", condition.field)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "\
title: {fi: Salasana unohtui, sv: Glömt lösenord, en: Forgotten password}
description: {fi: Kuvaus, sv: Beskrivning, en: Description}
team: technical-support
kind: incident
priority:
  default: normal
  rules:
    - when: {field: affected, equals: many}
      priority: high
steps:
  - id: service
    title: {fi: Palvelu, sv: Tjänst, en: Service}
    fields:
      - id: affected
        type: radio
        label: {fi: Ketä, sv: Vem, en: Who}
        required: true
        options:
          - value: me
            label: {fi: Minua, sv: Mig, en: Me}
          - value: many
            label: {fi: Monia, sv: Många, en: Many}
      - id: how-many
        type: number
        label: {fi: Montako, sv: Hur många, en: How many}
        min: 2
        show_if: {field: affected, equals: many}
    suggestions:
      articles: [forgot-password]
      search: [affected]
";

    fn parse(text: &str) -> Result<FormDefinition, Vec<FormProblem>> {
        let teams = BTreeSet::from(["technical-support"]);
        let articles = BTreeSet::from(["forgot-password"]);
        parse_form(&Slug::parse("password").expect("slug"), text, KnownNames { teams: &teams, articles: &articles })
    }

    fn problems(text: &str) -> Vec<FormProblem> {
        parse(text).expect_err("should be rejected")
    }

    #[test]
    fn a_complete_form_parses_and_writes_back_to_the_same_definition() {
        let form = parse(GOOD).expect("valid");
        assert_eq!(form.steps[0].fields.len(), 2);
        let written = write_form(&form).expect("written");
        assert_eq!(parse(&written).expect("valid again"), form);
        assert_eq!(write_form(&parse(&written).expect("valid")).expect("written"), written);
    }

    #[test]
    fn an_urgent_notice_is_kept_through_export_and_must_be_complete_with_known_placeholders() {
        let urgent = "description: {fi: Kuvaus, sv: Beskrivning, en: Description}\n\
            urgent: {fi: 'Soita {card-blocking-phone}', sv: 'Ring {card-blocking-phone}', en: 'Call {card-blocking-phone}'}";
        let with_notice = GOOD.replace("description: {fi: Kuvaus, sv: Beskrivning, en: Description}", urgent);
        let form = parse(&with_notice).expect("valid");
        assert_eq!(
            form.urgent.as_ref().and_then(|u| u.get(&Locale::Sv)).map(String::as_str),
            Some("Ring {card-blocking-phone}")
        );
        assert_eq!(parse(&write_form(&form).expect("written")).expect("valid again"), form);

        let missing = with_notice.replace(", en: 'Call {card-blocking-phone}'", "");
        assert_eq!(problems(&missing), vec![(3, "urgent: missing the en translation".to_owned())]);
        let mistyped = with_notice.replace("'Ring {card-blocking-phone}'", "'Ring {card-blocking-fone}'");
        assert_eq!(
            problems(&mistyped),
            vec![(
                3,
                "urgent (sv): unknown placeholder {card-blocking-fone} (known: {card-blocking-phone})".to_owned()
            )]
        );
    }

    #[test]
    fn an_unknown_field_type_is_reported_on_its_line() {
        let p = problems(&GOOD.replace("type: number", "type: slider"));
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].0, 24, "{p:?}");
        assert!(p[0].1.contains("slider"), "{p:?}");
    }

    #[test]
    fn a_condition_naming_a_later_or_unknown_field_is_reported() {
        let later = GOOD.replace(
            "        required: true\n",
            "        required: true\n        show_if: {field: how-many, not: x}\n",
        );
        let p = problems(&later);
        assert_eq!(p, vec![(18, "field affected: show_if: how-many is not an earlier field".to_owned())]);
        let unknown =
            GOOD.replace("show_if: {field: affected, equals: many}", "show_if: {field: nobody, equals: many}");
        let p = problems(&unknown);
        assert_eq!(p, vec![(27, "field how-many: show_if: nobody is not an earlier field".to_owned())]);
    }

    #[test]
    fn a_condition_on_a_value_the_field_cannot_have_is_reported() {
        let p = problems(&GOOD.replace("equals: many}\n    suggestions", "equals: everyone}\n    suggestions"));
        assert_eq!(p, vec![(27, "field how-many: show_if: affected has no option everyone".to_owned())]);
    }

    #[test]
    fn a_missing_translation_is_reported_for_each_text() {
        let p = problems(&GOOD.replace(", en: How many}", "}").replace(", en: Forgotten password}", "}"));
        assert_eq!(
            p,
            vec![
                (1, "title: missing the en translation".to_owned()),
                (23, "field how-many: label: missing the en translation".to_owned())
            ]
        );
    }

    #[test]
    fn duplicate_ids_are_reported_on_the_second_one() {
        let p = problems(&GOOD.replace("- id: how-many", "- id: affected"));
        assert!(p.iter().any(|(line, r)| *line == 23 && r == "duplicate field id affected"), "{p:?}");
    }

    #[test]
    fn unknown_teams_articles_and_search_fields_are_reported() {
        let p = problems(
            &GOOD
                .replace("team: technical-support", "team: nobody")
                .replace("[forgot-password]", "[no-such-article]")
                .replace("search: [affected]", "search: [later]"),
        );
        let reasons: Vec<&str> = p.iter().map(|(_, r)| r.as_str()).collect();
        assert!(reasons.contains(&"unknown team nobody (teams are listed in teams.yaml)"), "{p:?}");
        assert!(reasons.contains(&"step service: suggests unknown article no-such-article"), "{p:?}");
        assert!(reasons.iter().any(|r| r.contains("searches with later")), "{p:?}");
    }

    #[test]
    fn options_limits_and_patterns_must_fit_the_field_type() {
        let p = problems(&GOOD.replace("        min: 2\n", "        min: 2\n        pattern: '[0-9'\n        options:\n          - value: x\n            label: {fi: x, sv: x, en: x}\n"));
        let reasons: Vec<&str> = p.iter().map(|(_, r)| r.as_str()).collect();
        assert!(reasons.iter().any(|r| r.contains("only radio, select and checkboxes")), "{p:?}");
        assert!(reasons.iter().any(|r| r.contains("pattern is for text and tel")), "{p:?}");
        let p = problems(&GOOD.replace("type: radio", "type: text"));
        assert!(p.iter().any(|(_, r)| r.contains("only radio")), "{p:?}");
    }
}
