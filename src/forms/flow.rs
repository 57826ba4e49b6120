//! A form's way through its steps for given answers: which steps are shown, which comes next,
//! how a step's answers merge into the draft's, and the search a step's suggestions come from.

use super::{Answers, Field, FormDefinition, Step};
use crate::Locale;

impl FormDefinition {
    /// Every field of every step, in order.
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        self.steps.iter().flat_map(|s| s.fields.iter())
    }

    /// The field with this id.
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields().find(|f| f.id == id)
    }

    /// The step with this id, and its index.
    pub fn step(&self, id: &str) -> Option<(usize, &Step)> {
        self.steps.iter().enumerate().find(|(_, s)| s.id == id)
    }

    /// The answers that count: those of fields that exist and are shown, in field order.
    /// Answers to hidden fields (the customer changed an earlier answer) are dropped.
    pub fn effective_answers(&self, answers: &Answers) -> Answers {
        let mut kept = Answers::new();
        for field in self.fields() {
            if field.is_shown(&kept)
                && let Some(values) = answers.get(&field.id)
            {
                let values: Vec<String> = values.iter().filter(|v| !v.trim().is_empty()).cloned().collect();
                if !values.is_empty() {
                    kept.insert(field.id.clone(), values);
                }
            }
        }
        kept
    }

    /// True when `step` has something to ask given these answers: a field without a
    /// condition, with a condition on a field of the same step (decided as the customer
    /// answers), or whose condition holds.
    pub fn step_is_shown(&self, step: &Step, answers: &Answers) -> bool {
        step.fields.iter().any(|field| match &field.show_if {
            None => true,
            Some(condition) => step.fields.iter().any(|f| f.id == condition.field) || condition.holds(answers),
        })
    }

    /// The steps shown for these answers, in order.
    pub fn shown_steps(&self, answers: &Answers) -> Vec<&Step> {
        self.steps.iter().filter(|s| self.step_is_shown(s, answers)).collect()
    }

    /// The shown step after `step_id`, or `None` when it is the last.
    pub fn next_step(&self, step_id: &str, answers: &Answers) -> Option<&Step> {
        let index = self.steps.iter().position(|s| s.id == step_id)?;
        self.steps[index + 1..].iter().find(|s| self.step_is_shown(s, answers))
    }

    /// The answers with `step`'s replaced by `submitted` (blank values dropped), and answers
    /// to fields that are now hidden dropped.
    pub fn merge_step(&self, step: &Step, answers: &Answers, submitted: &Answers) -> Answers {
        let mut merged = answers.clone();
        for field in &step.fields {
            merged.remove(&field.id);
            if let Some(values) = submitted.get(&field.id) {
                let values: Vec<String> =
                    values.iter().map(|v| v.trim().to_owned()).filter(|v| !v.is_empty()).collect();
                if !values.is_empty() {
                    merged.insert(field.id.clone(), values);
                }
            }
        }
        self.effective_answers(&merged)
    }

    /// The answers that belong to `step`.
    pub fn step_answers(&self, step: &Step, answers: &Answers) -> Answers {
        step.fields.iter().filter_map(|f| answers.get(&f.id).map(|v| (f.id.clone(), v.clone()))).collect()
    }

    /// The search a step suggests from, built from the answers its `search` fields name:
    /// option labels in `locale` for choices, the typed text otherwise.
    pub fn suggestion_query(&self, step: &Step, answers: &Answers, locale: Locale) -> String {
        let mut words = Vec::new();
        for id in &step.suggestions.search {
            let (Some(field), Some(values)) = (self.field(id), answers.get(id)) else { continue };
            for value in values {
                if field.kind.has_options() {
                    words.extend(field.option_label(value, locale).map(str::to_owned));
                } else if field.kind.is_text() {
                    words.push(value.clone());
                }
            }
        }
        words.join(" ")
    }
}
