//! The customer's way through a guided form: start, answer step by step, be told what might
//! solve it, and either stop there ("this solved my problem") or go on to the ticket.
//!
//! Every step's answers are checked against the form version the draft was started with; a
//! rejected step keeps the customer's input and errors in the draft so the page shows them.

use crate::Locale;
use crate::content::{DocKind, Slug};
use crate::forms::{Answers, FormDefinition, validate_step};
use crate::portal::{Portal, PortalError};
use crate::search::SearchRequest;
use crate::search_types::SearchHit;
use crate::store::{Draft, DraftOutcome, FunnelEvent, PendingStep};

/// Most suggestions a step shows.
pub const MAX_SUGGESTIONS: usize = 4;

/// What can go wrong on the way through a form.
#[derive(Debug, thiserror::Error)]
pub enum FlowError {
    /// No such form, draft or step (or the draft belongs to another form).
    #[error("not found")]
    NotFound,
    /// The draft was already sent or solved.
    #[error("this form was already finished")]
    Finished,
    /// A service failed.
    #[error(transparent)]
    Portal(#[from] PortalError),
}

impl From<crate::store::StoreError> for FlowError {
    fn from(error: crate::store::StoreError) -> FlowError {
        FlowError::Portal(PortalError::Store(error))
    }
}

/// Where the customer goes after sending a step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepOutcome {
    /// The answers were kept; on to this step.
    Next(String),
    /// The answers were kept and it was the last step: on to checking the answers.
    Check,
    /// The answers had problems; the same step again, with them.
    Invalid,
}

/// A draft with the form version it is filled against.
#[derive(Clone, Debug)]
pub struct DraftWithForm {
    /// The draft.
    pub draft: Draft,
    /// Its form, at the draft's version.
    pub form: FormDefinition,
}

/// A suggestion on a step: an article or solved case that may solve the problem.
pub type Suggestion = SearchHit;

impl Portal {
    /// Starts a draft of the current version of `form`; returns its id and first step.
    pub async fn start_form(&self, form: &Slug, locale: Locale) -> Result<(String, String), FlowError> {
        let (version, definition) = self.store().form(form).await?.ok_or(FlowError::NotFound)?;
        let first = definition.shown_steps(&Answers::new()).first().map(|s| s.id.clone()).ok_or(FlowError::NotFound)?;
        let id = uuid::Uuid::new_v4().simple().to_string();
        self.store().create_draft(&id, form, version, locale).await?;
        Ok((id, first))
    }

    /// The draft `id` of `form` with its form version.
    pub async fn draft_with_form(&self, form: &Slug, id: &str) -> Result<DraftWithForm, FlowError> {
        if id.len() != 32 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(FlowError::NotFound);
        }
        let draft = self.store().draft(form, id).await?.ok_or(FlowError::NotFound)?;
        let definition = self.store().form_version(form, draft.form_version).await?.ok_or(FlowError::NotFound)?;
        Ok(DraftWithForm { draft, form: definition })
    }

    /// Checks and keeps the answers to `step`.
    pub async fn submit_step(
        &self,
        form: &Slug,
        id: &str,
        step_id: &str,
        submitted: &Answers,
    ) -> Result<StepOutcome, FlowError> {
        let DraftWithForm { draft, form: definition } = self.draft_with_form(form, id).await?;
        if draft.outcome != DraftOutcome::Open {
            return Err(FlowError::Finished);
        }
        let (_, step) = definition.step(step_id).ok_or(FlowError::NotFound)?;
        let earlier = definition.effective_answers(&draft.answers);
        let errors = validate_step(step, submitted, &earlier);
        if !errors.is_empty() {
            let pending = PendingStep {
                step: step_id.to_owned(),
                input: submitted.clone(),
                errors: errors
                    .iter()
                    .map(|e| (e.field.clone(), e.problem.message_id().to_owned(), e.problem.message_args()))
                    .collect(),
            };
            self.store().save_draft_pending(id, &pending).await?;
            return Ok(StepOutcome::Invalid);
        }
        let merged = definition.merge_step(step, &draft.answers, submitted);
        self.store().save_draft_answers(id, &merged).await?;
        Ok(match definition.next_step(step_id, &merged) {
            Some(next) => StepOutcome::Next(next.id.clone()),
            None => StepOutcome::Check,
        })
    }

    /// Ends the draft as solved by a suggestion: no ticket. Idempotent.
    pub async fn mark_solved(&self, form: &Slug, id: &str, step: Option<&str>) -> Result<(), FlowError> {
        let DraftWithForm { draft, .. } = self.draft_with_form(form, id).await?;
        match draft.outcome {
            DraftOutcome::Deflected => Ok(()),
            DraftOutcome::Submitted => Err(FlowError::Finished),
            DraftOutcome::Open => {
                if self.store().end_draft(id, DraftOutcome::Deflected).await? {
                    self.store().record_funnel(id, form, draft.locale, FunnelEvent::Solved, step).await?;
                }
                Ok(())
            }
        }
    }

    /// What a step suggests: its pinned articles, then the best hits of a search built from
    /// the answers so far (at most [`MAX_SUGGESTIONS`], no duplicates). Records that the step
    /// was reached and, when it suggests anything, that suggestions were shown.
    pub async fn step_suggestions(
        &self,
        with_form: &DraftWithForm,
        step_id: &str,
        locale: Locale,
    ) -> Result<Vec<Suggestion>, FlowError> {
        let DraftWithForm { draft, form } = with_form;
        let (_, step) = form.step(step_id).ok_or(FlowError::NotFound)?;
        let mut suggestions: Vec<Suggestion> = Vec::new();
        for slug in &step.suggestions.articles {
            let Some(doc) = self.store().document(DocKind::Article, slug).await? else { continue };
            let Some((shown, t)) = doc.translations.get_key_value(&locale).or_else(|| doc.translations.iter().next())
            else {
                continue;
            };
            suggestions.push(SearchHit {
                kind: DocKind::Article,
                slug: slug.to_string(),
                locale: *shown,
                title: t.title.clone(),
                snippet: String::new(),
                category: doc.category.to_string(),
                score: 0.0,
            });
        }
        let query = form.suggestion_query(step, &draft.answers, locale);
        if !query.trim().is_empty() && suggestions.len() < MAX_SUGGESTIONS {
            let request = SearchRequest {
                text: query,
                locale,
                limit: MAX_SUGGESTIONS * 2,
                offset: 0,
                category: None,
                kind: None,
            };
            for hit in self.search(request).await?.hits {
                if hit.locale == locale && !suggestions.iter().any(|s| s.kind == hit.kind && s.slug == hit.slug) {
                    suggestions.push(hit);
                }
            }
        }
        suggestions.truncate(MAX_SUGGESTIONS);
        let store = self.store();
        store.record_funnel(&draft.id, &draft.form, locale, FunnelEvent::StepReached, Some(step_id)).await?;
        if !suggestions.is_empty() {
            store.record_funnel(&draft.id, &draft.form, locale, FunnelEvent::SuggestionsShown, Some(step_id)).await?;
        }
        Ok(suggestions)
    }
}
