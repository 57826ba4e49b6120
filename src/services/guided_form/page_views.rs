//! A guided form's parts as its pages show them, in the page's language: a request type's
//! summary, a step's fields with the last input and errors, the answers to check.

use crate::Locale;
use crate::content::service_numbers::ServiceNumbers;
use crate::forms::{Answers, FieldKind, FormDefinition, Step, text_in};
use crate::store::PendingStep;
use crate::views::help::{AnswerRow, FieldView, FormSummary, UrgentNotice};

/// A request type's name, description and urgent notice in `locale`.
pub(super) fn summary(form: &FormDefinition, locale: Locale, numbers: &ServiceNumbers) -> FormSummary {
    FormSummary {
        slug: form.slug.to_string(),
        title: text_in(&form.title, locale).to_owned(),
        description: text_in(&form.description, locale).to_owned(),
        urgent: urgent_notice(form, locale, numbers),
    }
}

/// The form's urgent notice in `locale`, its service numbers filled in.
pub(super) fn urgent_notice(form: &FormDefinition, locale: Locale, numbers: &ServiceNumbers) -> Option<UrgentNotice> {
    form.urgent.as_ref().map(|text| numbers.notice(text_in(text, locale)))
}

/// The fields of `step` as its page shows them: conditions on earlier steps decided here,
/// those on this step left to the browser; the values last sent (`pending`) or kept.
pub(super) fn field_views(
    step: &Step,
    answers: &Answers,
    pending: Option<&PendingStep>,
    locale: Locale,
) -> Vec<FieldView> {
    let on_this_step = |field: &str| step.fields.iter().any(|g| g.id == field);
    step.fields
        .iter()
        .filter(|f| match &f.show_if {
            Some(c) if !on_this_step(&c.field) => c.holds(answers),
            _ => true,
        })
        .map(|f| FieldView {
            id: f.id.clone(),
            kind: f.kind,
            label: text_in(&f.label, locale).to_owned(),
            hint: f.hint.as_ref().map(|h| text_in(h, locale).to_owned()),
            required: f.required,
            options: f.options.iter().map(|o| (o.value.clone(), text_in(&o.label, locale).to_owned())).collect(),
            values: match pending {
                Some(p) => p.input.get(&f.id).cloned().unwrap_or_default(),
                None => answers.get(&f.id).cloned().unwrap_or_default(),
            },
            max_chars: f.max_chars(),
            show_if: f.show_if.clone().filter(|c| on_this_step(&c.field)),
            error: pending
                .and_then(|p| p.errors.iter().find(|(field, _, _)| field == &f.id))
                .map(|(_, id, arg)| (id.clone(), *arg)),
        })
        .collect()
}

/// The answers as the customer gave them: option labels, not values; in the form's order.
pub(crate) fn answer_rows(definition: &FormDefinition, answers: &Answers, locale: Locale) -> Vec<AnswerRow> {
    let mut rows = Vec::new();
    for step in definition.shown_steps(answers) {
        for field in step.fields.iter().filter(|f| f.is_shown(answers)) {
            let values = answers.get(&field.id).cloned().unwrap_or_default();
            let shown_values: Vec<String> = values
                .iter()
                .map(|v| match field.kind {
                    FieldKind::YesNo if v == "yes" => crate::i18n::tr(locale, "form-yes"),
                    FieldKind::YesNo => crate::i18n::tr(locale, "form-no"),
                    k if k.has_options() => field.option_label(v, locale).unwrap_or(v).to_owned(),
                    FieldKind::Date => {
                        crate::forms::validation::typed_date(v).map_or_else(|| v.clone(), |d| d.format_for(locale))
                    }
                    _ => v.clone(),
                })
                .collect();
            rows.push(AnswerRow {
                step: step.id.clone(),
                field: field.id.clone(),
                question: text_in(&field.label, locale).to_owned(),
                answer: shown_values.join(", "),
            });
        }
    }
    rows
}
