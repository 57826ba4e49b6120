//! The customer's way through a guided form: choose a request type, answer step by step, be
//! told what might solve it, and either stop there ("this solved my problem") or go on to the
//! contact page, which [`super::tickets`] turns into a ticket.
//!
//! Every step's answers are checked against the form version the draft was started with; a
//! rejected step keeps the customer's input and errors in the draft so the page shows them.

use super::{Caller, Right, ServiceError};
use crate::Locale;
use crate::Portal;
use crate::content::{DocKind, DocRef, Slug};
use crate::forms::contact::contact_step;
use crate::forms::{Answers, FormDefinition, Step, text_in, validate_step};
use crate::search::SearchRequest;
use crate::search_types::SearchHit;
use crate::store::{Draft, DraftOutcome, FunnelEvent, PendingStep};
use crate::ticket::DraftId;
use crate::views::help::{CheckData, FormSummary, StepData};

mod page_views;

pub(crate) use page_views::answer_rows;
use page_views::{field_views, summary, urgent_notice};

/// Most suggestions a step shows.
pub const MAX_SUGGESTIONS: usize = 4;

/// Longest value of a rejected step kept to show again, in characters (the contact page's
/// description, the longest text any field takes by default).
const MAX_KEPT_CHARS: usize = crate::forms::contact::MAX_DESCRIPTION;
/// Most values of one field kept to show again (a checkbox group's choices).
const MAX_KEPT_VALUES: usize = 50;

/// The guided form service ([`Portal::guided_form`]).
#[derive(Clone, Copy, Debug)]
pub struct GuidedForm<'a> {
    portal: &'a Portal,
}

/// A draft with the form version it is filled against.
#[derive(Clone, Debug)]
pub struct DraftWithForm {
    /// The draft.
    pub draft: Draft,
    /// Its form, at the draft's version.
    pub form: FormDefinition,
}

/// How a draft ended, for a "this solved my problem" post (which may lose a race with the
/// contact post of the same draft).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftEnd {
    /// Solved by a suggestion: no ticket.
    Solved,
    /// Sent as a ticket (before, or by a post that won the race).
    TicketSent,
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

/// What a step page's request says beyond its address.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StepPageOptions {
    /// The client has spent its search budget: the page comes without suggestions (nothing
    /// is searched or recorded).
    pub without_suggestions: bool,
}

impl Portal {
    /// The guided form service.
    pub fn guided_form(&self) -> GuidedForm<'_> {
        GuidedForm { portal: self }
    }
}

impl GuidedForm<'_> {
    /// Every request type, by name in `locale`.
    pub async fn forms(&self, caller: &Caller, locale: Locale) -> Result<Vec<FormSummary>, ServiceError> {
        caller.require(Right::UseGuidedForms)?;
        let forms = self.portal.store().forms().await?;
        let numbers = &self.portal.config().service_numbers;
        let mut list: Vec<FormSummary> = forms.into_iter().map(|(_, f)| summary(&f, locale, numbers)).collect();
        list.sort_by(|a, b| a.title.cmp(&b.title));
        Ok(list)
    }

    /// One request type's introduction.
    pub async fn form(&self, caller: &Caller, locale: Locale, form: &Slug) -> Result<FormSummary, ServiceError> {
        caller.require(Right::UseGuidedForms)?;
        let (_, definition) = self.portal.store().form(form).await?.ok_or(ServiceError::NotFound)?;
        Ok(summary(&definition, locale, &self.portal.config().service_numbers))
    }

    /// Starts a draft of the current version of `form`; returns its id and first step.
    pub async fn start(&self, caller: &Caller, form: &Slug, locale: Locale) -> Result<(DraftId, String), ServiceError> {
        caller.require(Right::UseGuidedForms)?;
        let store = self.portal.store();
        let (version, definition) = store.form(form).await?.ok_or(ServiceError::NotFound)?;
        let first = definition.shown_steps(&Answers::new()).first().map(|s| s.id.clone());
        let first = first.ok_or(ServiceError::NotFound)?;
        let id = DraftId::random();
        store.create_draft(&id, form, version, locale).await?;
        Ok((id, first))
    }

    /// The draft `id` of `form` with its form version, however it ended.
    pub async fn draft(&self, caller: &Caller, form: &Slug, id: &DraftId) -> Result<DraftWithForm, ServiceError> {
        caller.require(Right::UseGuidedForms)?;
        self.portal.draft_with_form(form, id).await
    }

    /// Checks and keeps the answers to `step`.
    pub async fn submit_step(
        &self,
        caller: &Caller,
        form: &Slug,
        id: &DraftId,
        step_id: &str,
        submitted: &Answers,
    ) -> Result<StepOutcome, ServiceError> {
        let DraftWithForm { draft, form: definition } = self.open_draft(caller, form, id).await?;
        let (_, step) = definition.step(step_id).ok_or(ServiceError::NotFound)?;
        let earlier = definition.effective_answers(&draft.answers);
        let errors = validate_step(step, submitted, &earlier, draft.locale);
        let store = self.portal.store();
        if !errors.is_empty() {
            store.save_draft_pending(id, &pending_step(step, submitted, &errors)).await?;
            return Ok(StepOutcome::Invalid);
        }
        let merged = definition.merge_step(step, &draft.answers, submitted);
        store.save_draft_answers(id, &merged).await?;
        Ok(match definition.next_step(step_id, &merged) {
            Some(next) => StepOutcome::Next(next.id.clone()),
            None => StepOutcome::Check,
        })
    }

    /// Ends the draft as solved by a suggestion: no ticket. Idempotent. A draft already sent
    /// as a ticket stays one, and says so.
    pub async fn mark_solved(
        &self,
        caller: &Caller,
        form: &Slug,
        id: &DraftId,
        step: Option<&str>,
    ) -> Result<DraftEnd, ServiceError> {
        let DraftWithForm { draft, .. } = self.draft(caller, form, id).await?;
        let store = self.portal.store();
        match draft.outcome {
            DraftOutcome::Deflected => Ok(DraftEnd::Solved),
            DraftOutcome::Submitted => Ok(DraftEnd::TicketSent),
            DraftOutcome::Open => {
                if store.end_draft(id, DraftOutcome::Deflected).await? {
                    store.record_funnel(id, form, draft.locale, FunnelEvent::Solved, step).await?;
                    return Ok(DraftEnd::Solved);
                }
                // Another post ended the draft meanwhile: solved too, or sent as a ticket.
                Ok(match store.ticket_reference_of_draft(id).await? {
                    Some(_) => DraftEnd::TicketSent,
                    None => DraftEnd::Solved,
                })
            }
        }
    }

    /// Records that the customer opened `document` from a suggestion of a guided form: `via`
    /// is `form/draft/step` (or `form/draft`) as the suggestion's link carries it. Kept with
    /// the draft (and later the ticket) and counted in the funnel, once per document. Anything
    /// the draft was not shown, and any link that does not name an open draft, is ignored.
    pub async fn open_suggestion_via(&self, caller: &Caller, via: &str, document: &DocRef) -> Result<(), ServiceError> {
        let Some((form, rest)) = via.split_once('/') else { return Ok(()) };
        let (draft, step) = rest.split_once('/').map_or((rest, None), |(d, s)| (d, Some(s)));
        let (Ok(form), Some(draft)) = (Slug::parse(form), DraftId::parse(draft)) else { return Ok(()) };
        let DraftWithForm { draft, form: definition } = self.draft(caller, &form, &draft).await?;
        if draft.outcome != DraftOutcome::Open || !draft.seen.contains(document) {
            return Ok(());
        }
        let step = step.filter(|s| definition.step(s).is_some());
        let store = self.portal.store();
        if store.add_draft_opened(&draft, document).await? {
            store.record_funnel(&draft.id, &form, draft.locale, FunnelEvent::SuggestionOpened, step).await?;
        }
        Ok(())
    }

    /// A step page of an open draft in `locale`: its fields with the last rejected input and
    /// errors, and (unless `options` says not to) its suggestions, which are recorded as
    /// shown. The contact step is the form's last page.
    pub async fn step_page(
        &self,
        caller: &Caller,
        locale: Locale,
        form: &Slug,
        id: &DraftId,
        step: &str,
        options: StepPageOptions,
    ) -> Result<StepData, ServiceError> {
        let with_form = self.open_draft(caller, form, id).await?;
        let definition = &with_form.form;
        let answers = definition.effective_answers(&with_form.draft.answers);
        let shown = definition.shown_steps(&answers);
        let contact = contact_step();
        let sends = step == contact.id;
        let (index, current) = match shown.iter().position(|s| s.id == step) {
            Some(index) => (index, shown[index]),
            None if sends => (shown.len(), &contact),
            None => return Err(ServiceError::NotFound),
        };
        let pending = with_form.draft.pending.as_ref().filter(|p| p.step == step);
        let fields = field_views(current, &answers, pending, locale);
        let mut form_errors: Vec<(String, Option<f64>)> = Vec::new();
        for (field, message, arg) in pending.iter().flat_map(|p| &p.errors) {
            if !fields.iter().any(|f| &f.id == field) && !form_errors.iter().any(|(known, _)| known == message) {
                form_errors.push((message.clone(), *arg));
            }
        }
        let suggestions = if sends || options.without_suggestions {
            Vec::new()
        } else {
            let (_, at) = definition.step(step).ok_or(ServiceError::NotFound)?;
            let found = self.suggestions_for(definition, at, &with_form.draft.answers, locale).await?;
            let store = self.portal.store();
            let draft = &with_form.draft;
            store.record_funnel(&draft.id, &draft.form, locale, FunnelEvent::StepReached, Some(step)).await?;
            self.record_shown(draft, step, &found, locale).await?;
            found
        };
        Ok(StepData {
            form: form.to_string(),
            form_title: text_in(&definition.title, locale).to_owned(),
            draft: id.clone(),
            step: step.to_owned(),
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
            previous: if sends {
                Some(crate::paths::CHECK.to_owned())
            } else {
                index.checked_sub(1).map(|i| shown[i].id.clone())
            },
            sends,
            form_errors,
            urgent: urgent_notice(definition, locale, &self.portal.config().service_numbers),
        })
    }

    /// Suggestions while the customer types: the step's suggestions for the draft's answers
    /// with `input` (this step's fields as they are on the page, not checked or saved) in
    /// place of this step's answers. Text is cut at the field's length limit.
    pub async fn live_suggestions(
        &self,
        caller: &Caller,
        locale: Locale,
        form: &Slug,
        id: &DraftId,
        step_id: &str,
        input: &Answers,
    ) -> Result<Vec<SearchHit>, ServiceError> {
        let DraftWithForm { draft, form: definition } = self.open_draft(caller, form, id).await?;
        let (_, step) = definition.step(step_id).ok_or(ServiceError::NotFound)?;
        let mut answers = draft.answers.clone();
        for field in &step.fields {
            let values = input.get(&field.id).map(|values| {
                values.iter().take(field.options.len().max(1)).map(|v| v.chars().take(field.max_chars()).collect())
            });
            match values {
                Some(values) => answers.insert(field.id.clone(), values.collect()),
                None => answers.remove(&field.id),
            };
        }
        let suggestions = self.suggestions_for(&definition, step, &answers, locale).await?;
        self.record_shown(&draft, step_id, &suggestions, locale).await?;
        Ok(suggestions)
    }

    /// The answers of an open draft, as the customer gave them, to check before sending.
    pub async fn check_page(
        &self,
        caller: &Caller,
        locale: Locale,
        form: &Slug,
        id: &DraftId,
    ) -> Result<CheckData, ServiceError> {
        let with_form = self.open_draft(caller, form, id).await?;
        let definition = &with_form.form;
        let answers = definition.effective_answers(&with_form.draft.answers);
        let shown = definition.shown_steps(&answers);
        let last = shown.last().ok_or(ServiceError::NotFound)?;
        Ok(CheckData {
            form: form.to_string(),
            form_title: text_in(&definition.title, locale).to_owned(),
            draft: id.clone(),
            rows: answer_rows(definition, &answers, locale),
            last_step: last.id.clone(),
            urgent: urgent_notice(definition, locale, &self.portal.config().service_numbers),
        })
    }

    /// The draft `id` of `form`, still open: [`ServiceError::Finished`] when it ended.
    pub(crate) async fn open_draft(
        &self,
        caller: &Caller,
        form: &Slug,
        id: &DraftId,
    ) -> Result<DraftWithForm, ServiceError> {
        let found = self.draft(caller, form, id).await?;
        if found.draft.outcome != DraftOutcome::Open {
            return Err(ServiceError::Finished);
        }
        Ok(found)
    }

    /// Pinned articles first, then search hits in `locale` for the step's search fields.
    async fn suggestions_for(
        &self,
        form: &FormDefinition,
        step: &Step,
        answers: &Answers,
        locale: Locale,
    ) -> Result<Vec<SearchHit>, ServiceError> {
        let mut suggestions: Vec<SearchHit> = Vec::new();
        for slug in &step.suggestions.articles {
            let Some(doc) = self.portal.store().document(DocKind::Article, slug).await? else { continue };
            let Some((shown, t)) = doc.translation_for(locale) else { continue };
            suggestions.push(SearchHit {
                kind: DocKind::Article,
                slug: slug.to_string(),
                locale: shown,
                title: t.title.clone(),
                snippet: String::new(),
                category: doc.category.to_string(),
                score: 0.0,
            });
        }
        let query = form.suggestion_query(step, answers, locale);
        if !query.trim().is_empty() && suggestions.len() < MAX_SUGGESTIONS {
            let request = SearchRequest {
                text: query,
                locale,
                limit: MAX_SUGGESTIONS * 2,
                offset: 0,
                category: None,
                kind: None,
            };
            for hit in self.portal.search(request).await.map_err(ServiceError::Search)?.hits {
                if hit.locale == locale && !suggestions.iter().any(|s| s.kind == hit.kind && s.slug == hit.slug) {
                    suggestions.push(hit);
                }
            }
        }
        suggestions.truncate(MAX_SUGGESTIONS);
        Ok(suggestions)
    }

    /// Keeps what the draft was shown (for the ticket) and counts it in the funnel.
    async fn record_shown(
        &self,
        draft: &Draft,
        step_id: &str,
        suggestions: &[SearchHit],
        locale: Locale,
    ) -> Result<(), ServiceError> {
        if suggestions.is_empty() {
            return Ok(());
        }
        let store = self.portal.store();
        let shown: Vec<DocRef> =
            suggestions.iter().filter_map(|s| Some(DocRef::new(s.kind, Slug::parse(&s.slug).ok()?))).collect();
        store.add_draft_seen(draft, &shown).await?;
        store.record_funnel(&draft.id, &draft.form, locale, FunnelEvent::SuggestionsShown, Some(step_id)).await?;
        Ok(())
    }
}

impl Portal {
    /// The draft `id` of `form` with its form version.
    pub(crate) async fn draft_with_form(&self, form: &Slug, id: &DraftId) -> Result<DraftWithForm, ServiceError> {
        let draft = self.store().draft(form, id).await?.ok_or(ServiceError::NotFound)?;
        let definition = self.store().form_version(form, draft.form_version).await?.ok_or(ServiceError::NotFound)?;
        Ok(DraftWithForm { draft, form: definition })
    }
}

/// A rejected step as the draft keeps it: the input to the step's own fields (each value cut
/// to a length a field can take: a stranger's 256 kB post is not stored), and each error's
/// message id and argument.
pub(crate) fn pending_step(step: &Step, submitted: &Answers, errors: &[crate::forms::FieldError]) -> PendingStep {
    let input = submitted
        .iter()
        .filter(|(name, _)| step.fields.iter().any(|f| &f.id == *name))
        .map(|(name, values)| {
            let kept = values.iter().take(MAX_KEPT_VALUES).map(|v| v.chars().take(MAX_KEPT_CHARS).collect()).collect();
            (name.clone(), kept)
        })
        .collect();
    PendingStep {
        step: step.id.clone(),
        input,
        errors: errors
            .iter()
            .map(|e| (e.field.clone(), e.problem.message_id().to_owned(), e.problem.message_args()))
            .collect(),
    }
}
