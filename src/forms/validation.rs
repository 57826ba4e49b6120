//! Checking a step's answers against its definition, on the server, before anything is kept.
//!
//! Every rule gives a [`FieldProblem`] that the page shows next to the field and in the error
//! summary, translated (see [`FieldProblem::message_id`]); the customer's input is kept.

use super::{Answers, Field, FieldKind, Step};
use crate::Locale;

/// What is wrong with one answer.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldProblem {
    /// A required field is empty.
    Required,
    /// Shorter than the definition allows.
    TooShort {
        /// Fewest characters.
        min: usize,
    },
    /// Longer than the definition (or the default limit) allows.
    TooLong {
        /// Most characters.
        max: usize,
    },
    /// Not a number.
    NotANumber,
    /// Smaller than allowed.
    BelowMinimum {
        /// Smallest value.
        min: f64,
    },
    /// Larger than allowed.
    AboveMaximum {
        /// Largest value.
        max: f64,
    },
    /// Does not match the field's pattern.
    PatternMismatch,
    /// Not an e-mail address.
    InvalidEmail,
    /// Not a telephone number.
    InvalidTel,
    /// Not a date (YYYY-MM-DD).
    InvalidDate,
    /// Not one of the options.
    InvalidOption,
    /// Several values for a field that takes one.
    OneValueOnly,
    /// An answer to a field this step does not have.
    UnknownField,
}

impl FieldProblem {
    /// The Fluent message id of the problem's text (`form-error-…`); its arguments are
    /// [`FieldProblem::message_args`].
    pub const fn message_id(&self) -> &'static str {
        match self {
            FieldProblem::Required => "form-error-required",
            FieldProblem::TooShort { .. } => "form-error-too-short",
            FieldProblem::TooLong { .. } => "form-error-too-long",
            FieldProblem::NotANumber => "form-error-not-a-number",
            FieldProblem::BelowMinimum { .. } => "form-error-below-minimum",
            FieldProblem::AboveMaximum { .. } => "form-error-above-maximum",
            FieldProblem::PatternMismatch => "form-error-pattern",
            FieldProblem::InvalidEmail => "form-error-email",
            FieldProblem::InvalidTel => "form-error-tel",
            FieldProblem::InvalidDate => "form-error-date",
            FieldProblem::InvalidOption => "form-error-option",
            FieldProblem::OneValueOnly => "form-error-one-value",
            FieldProblem::UnknownField => "form-error-unknown-field",
        }
    }

    /// The message's numeric argument, named `limit`, when it has one.
    pub fn message_args(&self) -> Option<f64> {
        match self {
            FieldProblem::TooShort { min } => Some(*min as f64),
            FieldProblem::TooLong { max } => Some(*max as f64),
            FieldProblem::BelowMinimum { min } => Some(*min),
            FieldProblem::AboveMaximum { max } => Some(*max),
            _ => None,
        }
    }
}

/// A problem with the answer to one field.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    /// The field's id (or the unknown name that was sent).
    pub field: String,
    /// What is wrong.
    pub problem: FieldProblem,
}

/// Checks the answers `submitted` on `step`, given the answers of earlier steps in `earlier`
/// (for conditions), numbers and days read as people type them in `locale`. Fields hidden by
/// their condition are not checked. Returns every problem.
pub fn validate_step(step: &Step, submitted: &Answers, earlier: &Answers, locale: Locale) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for name in submitted.keys() {
        if !step.fields.iter().any(|f| &f.id == name) {
            errors.push(FieldError { field: name.clone(), problem: FieldProblem::UnknownField });
        }
    }
    let mut known = earlier.clone();
    for field in &step.fields {
        if !field.is_shown(&known) {
            continue;
        }
        let values: Vec<&str> = submitted
            .get(&field.id)
            .map(|v| v.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect())
            .unwrap_or_default();
        if let Some(problem) = check_field(field, &values, locale) {
            errors.push(FieldError { field: field.id.clone(), problem });
        }
        if !values.is_empty() {
            known.insert(field.id.clone(), values.iter().map(|s| s.to_string()).collect());
        }
    }
    errors
}

fn check_field(field: &Field, values: &[&str], locale: Locale) -> Option<FieldProblem> {
    if values.is_empty() {
        return field.required.then_some(FieldProblem::Required);
    }
    if field.kind != FieldKind::Checkboxes && values.len() > 1 {
        return Some(FieldProblem::OneValueOnly);
    }
    if field.kind.has_options() || field.kind == FieldKind::YesNo {
        let valid = |v: &str| match field.kind {
            FieldKind::YesNo => v == "yes" || v == "no",
            _ => field.options.iter().any(|o| o.value == v),
        };
        return (!values.iter().all(|v| valid(v))).then_some(FieldProblem::InvalidOption);
    }
    let value = values[0];
    let length = value.chars().count();
    if length > field.max_chars() {
        return Some(FieldProblem::TooLong { max: field.max_chars() });
    }
    if let Some(min) = field.min_length
        && length < min
    {
        return Some(FieldProblem::TooShort { min });
    }
    match field.kind {
        FieldKind::Email if !is_email(value) => return Some(FieldProblem::InvalidEmail),
        FieldKind::Tel if !is_tel(value) => return Some(FieldProblem::InvalidTel),
        FieldKind::Date if typed_date(value).is_none() => return Some(FieldProblem::InvalidDate),
        FieldKind::Number => {
            let Some(number) = crate::numbers::parse_decimal(locale, value) else {
                return Some(FieldProblem::NotANumber);
            };
            if let Some(min) = field.min
                && number < min
            {
                return Some(FieldProblem::BelowMinimum { min });
            }
            if let Some(max) = field.max
                && number > max
            {
                return Some(FieldProblem::AboveMaximum { max });
            }
        }
        _ => {}
    }
    if let Some(pattern) = &field.pattern
        && !matches_whole(pattern, value)
    {
        return Some(FieldProblem::PatternMismatch);
    }
    None
}

/// True when `pattern` matches all of `value`. A definition's pattern is checked at import,
/// so an invalid one here only means "no match".
fn matches_whole(pattern: &str, value: &str) -> bool {
    regex::Regex::new(&format!("^(?:{pattern})$")).is_ok_and(|re| re.is_match(value))
}

pub use crate::email::is_email;

/// A telephone number: digits with optional `+`, spaces, dashes and brackets; 5–15 digits.
pub fn is_tel(value: &str) -> bool {
    let digits = value.chars().filter(char::is_ascii_digit).count();
    (5..=15).contains(&digits)
        && value.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '+'))
        && value.rfind('+').is_none_or(|i| i == 0)
}

/// A calendar date `YYYY-MM-DD` (years 1900–2999).
pub fn is_date(value: &str) -> bool {
    crate::time::CivilDate::parse_iso(value).is_some_and(|date| (1900..=2999).contains(&date.year))
}

/// The day an answer to a date field names, typed (`31.3.2026`) or picked (`2026-03-31`);
/// years 1900–2999.
pub fn typed_date(value: &str) -> Option<crate::time::CivilDate> {
    crate::time::CivilDate::parse_typed(value).filter(|date| (1900..=2999).contains(&date.year))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::{ChoiceOption, Condition, Localized};

    fn field(id: &str, kind: FieldKind) -> Field {
        Field::new(id, kind, Localized::new())
    }

    fn step(fields: Vec<Field>) -> Step {
        Step { id: "s".into(), title: Localized::new(), fields, suggestions: Default::default() }
    }

    fn answers(pairs: &[(&str, &[&str])]) -> Answers {
        pairs.iter().map(|(k, v)| (k.to_string(), v.iter().map(|s| s.to_string()).collect())).collect()
    }

    fn problems(step: &Step, submitted: &[(&str, &[&str])]) -> Vec<(String, FieldProblem)> {
        validate_step(step, &answers(submitted), &Answers::new(), Locale::Fi)
            .into_iter()
            .map(|e| (e.field, e.problem))
            .collect()
    }

    fn option(value: &str) -> ChoiceOption {
        ChoiceOption { value: value.into(), label: Localized::new() }
    }

    #[test]
    fn a_required_field_left_empty_or_blank_is_reported() {
        let s = step(vec![Field { required: true, ..field("name", FieldKind::Text) }]);
        assert_eq!(problems(&s, &[]), vec![("name".into(), FieldProblem::Required)]);
        assert_eq!(problems(&s, &[("name", &["   "])]), vec![("name".into(), FieldProblem::Required)]);
        assert_eq!(problems(&s, &[("name", &["Maija"])]), vec![]);
    }

    #[test]
    fn text_length_limits_hold_and_every_text_has_a_default_limit() {
        let s = step(vec![
            Field { min_length: Some(3), max_length: Some(5), ..field("code", FieldKind::Text) },
            field("story", FieldKind::Textarea),
        ]);
        assert_eq!(problems(&s, &[("code", &["ab"])]), vec![("code".into(), FieldProblem::TooShort { min: 3 })]);
        assert_eq!(problems(&s, &[("code", &["abcdef"])]), vec![("code".into(), FieldProblem::TooLong { max: 5 })]);
        // Characters, not bytes: five letters with diacritics fit.
        assert_eq!(problems(&s, &[("code", &["äöåäö"])]), vec![]);
        let long = "x".repeat(crate::forms::DEFAULT_MAX_TEXTAREA + 1);
        assert_eq!(
            problems(&s, &[("story", &[long.as_str()])]),
            vec![("story".into(), FieldProblem::TooLong { max: crate::forms::DEFAULT_MAX_TEXTAREA })]
        );
    }

    #[test]
    fn numbers_are_parsed_with_a_comma_or_a_point_and_kept_in_range() {
        let s = step(vec![Field { min: Some(1.0), max: Some(10.0), ..field("n", FieldKind::Number) }]);
        assert_eq!(problems(&s, &[("n", &["2,5"])]), vec![]);
        assert_eq!(problems(&s, &[("n", &["many"])]), vec![("n".into(), FieldProblem::NotANumber)]);
        assert_eq!(problems(&s, &[("n", &["0"])]), vec![("n".into(), FieldProblem::BelowMinimum { min: 1.0 })]);
        assert_eq!(problems(&s, &[("n", &["11"])]), vec![("n".into(), FieldProblem::AboveMaximum { max: 10.0 })]);
        assert_eq!(problems(&s, &[("n", &["NaN"])]), vec![("n".into(), FieldProblem::NotANumber)]);
    }

    #[test]
    fn amounts_are_read_as_the_customer_s_language_writes_them() {
        let s = step(vec![Field { min: Some(0.01), max: Some(10_000_000.0), ..field("sum", FieldKind::Number) }]);
        let check = |locale, typed: &str| {
            validate_step(&s, &answers(&[("sum", &[typed])]), &Answers::new(), locale)
                .into_iter()
                .map(|e| e.problem)
                .collect::<Vec<_>>()
        };
        for locale in [Locale::Fi, Locale::Sv] {
            assert_eq!(check(locale, "1 000,50"), vec![]);
            assert_eq!(check(locale, "12,50"), vec![]);
            assert_eq!(check(locale, "10\u{a0}000\u{a0}001"), vec![FieldProblem::AboveMaximum { max: 10_000_000.0 }]);
        }
        assert_eq!(check(Locale::En, "1,000.50"), vec![]);
        assert_eq!(check(Locale::En, "1 000,50"), vec![FieldProblem::NotANumber]);
        assert_eq!(check(Locale::Fi, "0,001"), vec![FieldProblem::BelowMinimum { min: 0.01 }]);
    }

    #[test]
    fn e_mail_telephone_and_date_formats_are_checked() {
        let s = step(vec![field("e", FieldKind::Email), field("t", FieldKind::Tel), field("d", FieldKind::Date)]);
        assert_eq!(
            problems(&s, &[("e", &["maija@example.fi"]), ("t", &["+358 40 123 4567"]), ("d", &["2026-02-28"])]),
            vec![]
        );
        assert_eq!(problems(&s, &[("e", &["maija@example"])]), vec![("e".into(), FieldProblem::InvalidEmail)]);
        assert_eq!(problems(&s, &[("e", &["maija example.fi"])]), vec![("e".into(), FieldProblem::InvalidEmail)]);
        assert_eq!(problems(&s, &[("t", &["call me"])]), vec![("t".into(), FieldProblem::InvalidTel)]);
        assert_eq!(problems(&s, &[("t", &["12+34567"])]), vec![("t".into(), FieldProblem::InvalidTel)]);
        assert_eq!(problems(&s, &[("d", &["2026-02-29"])]), vec![("d".into(), FieldProblem::InvalidDate)]);
        assert_eq!(problems(&s, &[("d", &["30.2.2028"])]), vec![("d".into(), FieldProblem::InvalidDate)]);
        assert_eq!(problems(&s, &[("d", &["29.2.2028"])]), vec![], "a day typed the Finnish way");
        assert_eq!(problems(&s, &[("d", &["1.1.1899"])]), vec![("d".into(), FieldProblem::InvalidDate)]);
        assert!(is_date("2028-02-29"));
    }

    #[test]
    fn a_pattern_must_match_the_whole_answer() {
        let s = step(vec![Field { pattern: Some("[0-9]{4}".into()), ..field("pin", FieldKind::Text) }]);
        assert_eq!(problems(&s, &[("pin", &["1234"])]), vec![]);
        assert_eq!(problems(&s, &[("pin", &["12345"])]), vec![("pin".into(), FieldProblem::PatternMismatch)]);
    }

    #[test]
    fn choices_must_be_listed_options_and_only_checkboxes_take_several() {
        let s = step(vec![
            Field { options: vec![option("a"), option("b")], ..field("one", FieldKind::Radio) },
            Field { options: vec![option("a"), option("b")], ..field("many", FieldKind::Checkboxes) },
            field("yn", FieldKind::YesNo),
        ]);
        assert_eq!(problems(&s, &[("one", &["a"]), ("many", &["a", "b"]), ("yn", &["no"])]), vec![]);
        assert_eq!(problems(&s, &[("one", &["c"])]), vec![("one".into(), FieldProblem::InvalidOption)]);
        assert_eq!(problems(&s, &[("one", &["a", "b"])]), vec![("one".into(), FieldProblem::OneValueOnly)]);
        assert_eq!(problems(&s, &[("many", &["a", "x"])]), vec![("many".into(), FieldProblem::InvalidOption)]);
        assert_eq!(problems(&s, &[("yn", &["maybe"])]), vec![("yn".into(), FieldProblem::InvalidOption)]);
    }

    #[test]
    fn answers_to_fields_the_step_does_not_have_are_rejected() {
        let s = step(vec![field("a", FieldKind::Text)]);
        assert_eq!(problems(&s, &[("injected", &["x"])]), vec![("injected".into(), FieldProblem::UnknownField)]);
    }

    #[test]
    fn a_hidden_field_is_not_checked_and_a_shown_one_is() {
        let s = step(vec![
            Field { options: vec![option("many"), option("me")], ..field("who", FieldKind::Radio) },
            Field {
                required: true,
                show_if: Some(Condition { field: "who".into(), equals: Some("many".into()), one_of: None, not: None }),
                ..field("how-many", FieldKind::Number)
            },
        ]);
        assert_eq!(problems(&s, &[("who", &["me"])]), vec![]);
        assert_eq!(problems(&s, &[("who", &["many"])]), vec![("how-many".into(), FieldProblem::Required)]);
    }
}
