//! Server functions of the guided forms: the list of request types, a form's introduction, a
//! step with its suggestions, and the answers to check. Sending answers is a plain form post
//! to the server (`tuki-server`'s `http::help`), so it works the same with and without
//! JavaScript.

// The `#[server]` macro generates argument structs whose fields cannot carry doc comments.
#![allow(missing_docs)]

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use tuki::forms::{Condition, FieldKind};
use tuki::search_types::SearchHit;

/// A request type in the list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormSummary {
    /// Slug, for addresses.
    pub slug: String,
    /// Name in the page's locale.
    pub title: String,
    /// When to choose it.
    pub description: String,
}

/// One field as the step page shows it, in the page's locale.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldView {
    /// Field id: the input's name.
    pub id: String,
    /// Kind of input.
    pub kind: FieldKind,
    /// The question.
    pub label: String,
    /// Help text.
    pub hint: Option<String>,
    /// Must be answered.
    pub required: bool,
    /// Options (value, label) of choice fields.
    pub options: Vec<(String, String)>,
    /// Current values: what was sent last, or the kept answer.
    pub values: Vec<String>,
    /// Longest answer accepted (text fields).
    pub max_chars: usize,
    /// A condition on another field of this step (the browser shows and hides the field).
    pub show_if: Option<Condition>,
    /// What is wrong with the last answer: Fluent message id and numeric argument.
    pub error: Option<(String, Option<f64>)>,
}

/// What a step page needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StepData {
    /// The form's slug.
    pub form: String,
    /// The form's name.
    pub form_title: String,
    /// The draft's id.
    pub draft: String,
    /// The step's id.
    pub step: String,
    /// The step's heading.
    pub title: String,
    /// This step's number among the steps shown (1-based) …
    pub number: usize,
    /// … and how many there are.
    pub total: usize,
    /// The fields.
    pub fields: Vec<FieldView>,
    /// Answers that might solve the problem.
    pub suggestions: Vec<SearchHit>,
    /// Fields of this step whose answers the suggestions are searched with: when one changes,
    /// the page (with JavaScript) asks [`help_live_suggestions`] again.
    pub search_fields: Vec<String>,
    /// The previous step's id, if any.
    pub previous: Option<String>,
    /// True on the contact page, which sends the ticket.
    pub sends: bool,
    /// Problems with the post as a whole, not with one of the fields shown (an answer to a
    /// field the step does not ask): message id and argument, each once.
    pub form_errors: Vec<(String, Option<f64>)>,
}

/// One answer on the check page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnswerRow {
    /// The step to change it on.
    pub step: String,
    /// The field's id (the change link's fragment).
    pub field: String,
    /// The question.
    pub question: String,
    /// The answer as the customer chose it (option labels, not values).
    pub answer: String,
}

/// What the check-your-answers page needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckData {
    /// The form's slug.
    pub form: String,
    /// The form's name.
    pub form_title: String,
    /// The draft's id.
    pub draft: String,
    /// The answers, in order.
    pub rows: Vec<AnswerRow>,
    /// The last step's id (the "back" link).
    pub last_step: String,
}

#[cfg(feature = "ssr")]
mod server {
    use super::*;
    pub(crate) use crate::api::server::{fail, parse_locale, portal};
    use tuki::help_flow::FlowError;

    /// Not found and finished drafts are pages of their own (`Ok(None)`); anything else fails.
    pub fn flow_error<T>(error: FlowError) -> Result<Option<T>, ServerFnError> {
        match error {
            FlowError::NotFound | FlowError::Finished => Ok(None),
            FlowError::Portal(e) => Err(fail("error-unavailable", e)),
        }
    }

    /// The answers as the customer gave them: option labels, not values; in the form's order.
    pub fn answer_rows(
        definition: &tuki::forms::FormDefinition,
        answers: &tuki::forms::Answers,
        locale: tuki::Locale,
    ) -> Vec<AnswerRow> {
        use tuki::forms::{FieldKind, text_in};
        let mut rows = Vec::new();
        for step in definition.shown_steps(answers) {
            for field in step.fields.iter().filter(|f| f.is_shown(answers)) {
                let values = answers.get(&field.id).cloned().unwrap_or_default();
                let shown_values: Vec<String> = values
                    .iter()
                    .map(|v| match field.kind {
                        FieldKind::YesNo if v == "yes" => tuki::i18n::tr(locale, "form-yes"),
                        FieldKind::YesNo => tuki::i18n::tr(locale, "form-no"),
                        k if k.has_options() => field.option_label(v, locale).unwrap_or(v).to_owned(),
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

    /// The open draft `draft` of `form`; `None` when there is none (or it is finished).
    pub async fn open_draft(
        portal: &tuki::Portal,
        form: &str,
        draft: &str,
    ) -> Result<Option<tuki::help_flow::DraftWithForm>, ServerFnError> {
        let Some(slug) = form_slug(form) else { return Ok(None) };
        match portal.draft_with_form(&slug, draft).await {
            Ok(found) if found.draft.outcome == tuki::store::DraftOutcome::Open => Ok(Some(found)),
            Ok(_) => Ok(None),
            Err(e) => flow_error(e),
        }
    }

    pub fn form_slug(text: &str) -> Option<tuki::content::Slug> {
        tuki::content::Slug::parse(text).ok()
    }
}

/// Every request type, by name in `locale`.
#[server]
pub async fn help_forms(locale: String) -> Result<Vec<FormSummary>, ServerFnError> {
    use server::*;
    use tuki::forms::text_in;
    let locale = parse_locale(&locale)?;
    let forms = portal()?.store().forms().await.map_err(|e| fail("error-unavailable", e))?;
    let mut list: Vec<FormSummary> = forms
        .into_iter()
        .map(|(_, f)| FormSummary {
            slug: f.slug.to_string(),
            title: text_in(&f.title, locale).to_owned(),
            description: text_in(&f.description, locale).to_owned(),
        })
        .collect();
    list.sort_by(|a, b| a.title.cmp(&b.title));
    Ok(list)
}

/// One request type's introduction; `None` when there is no such form.
#[server]
pub async fn help_form(locale: String, form: String) -> Result<Option<FormSummary>, ServerFnError> {
    use server::*;
    use tuki::forms::text_in;
    let locale = parse_locale(&locale)?;
    let Some(slug) = form_slug(&form) else { return Ok(None) };
    let found = portal()?.store().form(&slug).await.map_err(|e| fail("error-unavailable", e))?;
    Ok(found.map(|(_, f)| FormSummary {
        slug: f.slug.to_string(),
        title: text_in(&f.title, locale).to_owned(),
        description: text_in(&f.description, locale).to_owned(),
    }))
}

/// A step of a draft, with the last rejected input and its errors, and its suggestions.
/// `None` when the form, draft or step does not exist or the draft is finished.
#[server]
pub async fn help_step(
    locale: String,
    form: String,
    draft: String,
    step: String,
) -> Result<Option<StepData>, ServerFnError> {
    use server::*;
    use tuki::forms::text_in;
    let locale = parse_locale(&locale)?;
    let portal = portal()?;
    let Some(with_form) = open_draft(&portal, &form, &draft).await? else { return Ok(None) };
    let definition = &with_form.form;
    let answers = definition.effective_answers(&with_form.draft.answers);
    let shown = definition.shown_steps(&answers);
    let contact = tuki::forms::contact::contact_step();
    let sends = step == contact.id;
    let (index, current) = match shown.iter().position(|s| s.id == step) {
        Some(index) => (index, shown[index]),
        None if sends => (shown.len(), &contact),
        None => return Ok(None),
    };
    let pending = with_form.draft.pending.as_ref().filter(|p| p.step == step);
    let fields = current
        .fields
        .iter()
        .filter(|f| match &f.show_if {
            // Conditions on earlier steps are decided here; those on this step in the browser.
            Some(c) if !current.fields.iter().any(|g| g.id == c.field) => c.holds(&answers),
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
            show_if: f.show_if.clone().filter(|c| current.fields.iter().any(|g| g.id == c.field)),
            error: pending
                .and_then(|p| p.errors.iter().find(|(field, _, _)| field == &f.id))
                .map(|(_, id, arg)| (id.clone(), *arg)),
        })
        .collect::<Vec<FieldView>>();
    let mut form_errors: Vec<(String, Option<f64>)> = Vec::new();
    for (field, id, arg) in pending.iter().flat_map(|p| &p.errors) {
        if !fields.iter().any(|f| &f.id == field) && !form_errors.iter().any(|(known, _)| known == id) {
            form_errors.push((id.clone(), *arg));
        }
    }
    let budget_spent = use_context::<http::request::Parts>()
        .is_some_and(|parts| parts.extensions.get::<SearchBudgetSpent>().is_some());
    let suggestions = if sends || budget_spent {
        Vec::new()
    } else {
        match portal.step_suggestions(&with_form, &step, locale).await {
            Ok(found) => found,
            Err(e) => return flow_error(e),
        }
    };
    Ok(Some(StepData {
        form: form.clone(),
        form_title: text_in(&definition.title, locale).to_owned(),
        draft: draft.clone(),
        step: step.clone(),
        title: text_in(&current.title, locale).to_owned(),
        number: index + 1,
        total: shown.len() + 1,
        fields,
        suggestions,
        search_fields: current
            .suggestions
            .search
            .iter()
            .filter(|id| current.fields.iter().any(|f| &f.id == *id))
            .cloned()
            .collect(),
        previous: if sends { Some("check".to_owned()) } else { index.checked_sub(1).map(|i| shown[i].id.clone()) },
        sends,
        form_errors,
    }))
}

/// Put into a request's extensions by the server when the client has spent its search budget:
/// the step page is then rendered without searching for suggestions or recording them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SearchBudgetSpent;

/// Suggestions for a step while the customer is still answering it: `input` is a JSON object
/// of this step's fields and their values as they are on the page (neither checked nor
/// saved). `None` when the draft is unknown or finished.
#[server]
pub async fn help_live_suggestions(
    locale: String,
    form: String,
    draft: String,
    step: String,
    input: String,
) -> Result<Option<Vec<SearchHit>>, ServerFnError> {
    use server::*;
    let locale = parse_locale(&locale)?;
    let Ok(input) = serde_json::from_str::<tuki::forms::Answers>(&input) else { return Ok(None) };
    let portal = portal()?;
    let Some(with_form) = open_draft(&portal, &form, &draft).await? else { return Ok(None) };
    match portal.live_suggestions(&with_form, &step, &input, locale).await {
        Ok(found) => Ok(Some(found)),
        Err(e) => flow_error(e),
    }
}

/// The answers of a draft, as the customer gave them, to check before sending.
#[server]
pub async fn help_check(locale: String, form: String, draft: String) -> Result<Option<CheckData>, ServerFnError> {
    use server::*;
    use tuki::forms::text_in;
    let locale = parse_locale(&locale)?;
    let portal = portal()?;
    let Some(with_form) = open_draft(&portal, &form, &draft).await? else { return Ok(None) };
    let definition = &with_form.form;
    let answers = definition.effective_answers(&with_form.draft.answers);
    let shown = definition.shown_steps(&answers);
    let rows = answer_rows(definition, &answers, locale);
    let Some(last) = shown.last() else { return Ok(None) };
    Ok(Some(CheckData {
        form: form.clone(),
        form_title: text_in(&definition.title, locale).to_owned(),
        draft: draft.clone(),
        rows,
        last_step: last.id.clone(),
    }))
}

/// The reference of the ticket a draft became; `None` when it did not become one.
#[server]
pub async fn help_done(form: String, draft: String) -> Result<Option<String>, ServerFnError> {
    use server::*;
    let Some(slug) = form_slug(&form) else { return Ok(None) };
    match portal()?.ticket_of_draft(&slug, &draft).await {
        Ok(reference) => Ok(Some(reference)),
        Err(e) => flow_error(e),
    }
}

/// What the customer's status page of a ticket shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TicketStatusData {
    /// `TK-2026-000123`.
    pub reference: String,
    /// The request type's name.
    pub form_title: String,
    /// `new`, `open`, `waiting`, `resolved` or `closed`.
    pub status: String,
    /// When it was sent, as YYYY-MM-DD (UTC).
    pub sent_on: String,
    /// The answers.
    pub rows: Vec<AnswerRow>,
    /// The problem in the customer's words.
    pub description: String,
    /// The conversation after sending, oldest first.
    pub messages: Vec<MessageView>,
}

/// One entry of a ticket's conversation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MessageView {
    /// True when the customer wrote it (else the desk).
    pub from_customer: bool,
    /// The text, if any.
    pub body: Option<String>,
    /// The status the ticket moved to, if it did.
    pub new_status: Option<String>,
    /// When, as YYYY-MM-DD HH:MM (UTC).
    pub at: String,
}

/// A ticket for whoever holds its status link; `None` for an unknown ticket or a wrong token.
#[server]
pub async fn ticket_status(
    locale: String,
    reference: String,
    token: String,
) -> Result<Option<TicketStatusData>, ServerFnError> {
    use server::*;
    let locale = parse_locale(&locale)?;
    let (ticket, form) = match portal()?.ticket_for_customer(&reference, &token).await {
        Ok(found) => found,
        Err(e) => return flow_error(e),
    };
    let (y, m, d) = tuki::mail::civil_from_days(ticket.created_at.div_euclid(86_400_000));
    let messages = portal()?
        .store()
        .ticket_messages(&ticket.reference)
        .await
        .map_err(|e| fail("error-unavailable", e))?
        .into_iter()
        .map(|m| {
            let (y, mo, d) = tuki::mail::civil_from_days(m.created_at.div_euclid(86_400_000));
            let minutes = m.created_at.rem_euclid(86_400_000) / 60_000;
            MessageView {
                from_customer: m.author == "customer",
                body: m.body,
                new_status: m.new_status,
                at: format!("{y:04}-{mo:02}-{d:02} {:02}:{:02}", minutes / 60, minutes % 60),
            }
        })
        .collect();
    Ok(Some(TicketStatusData {
        reference: ticket.reference,
        form_title: tuki::forms::text_in(&form.title, locale).to_owned(),
        status: ticket.status,
        sent_on: format!("{y:04}-{m:02}-{d:02}"),
        rows: answer_rows(&form, &ticket.answers, locale),
        description: ticket.description,
        messages,
    }))
}
