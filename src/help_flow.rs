//! The customer's way through a guided form: start, answer step by step, be told what might
//! solve it, and either stop there ("this solved my problem") or go on to the ticket.
//!
//! Every step's answers are checked against the form version the draft was started with; a
//! rejected step keeps the customer's input and errors in the draft so the page shows them.

use crate::Locale;
use crate::content::{DocKind, Slug};
use crate::forms::{Answers, FormDefinition, Step, validate_step};
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

/// What sending the contact page did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContactOutcome {
    /// The ticket exists (new, or from an earlier identical submit).
    Submitted {
        /// Its reference.
        reference: String,
        /// The status link's token, only when the ticket was created just now (it is stored
        /// only as a hash, so this is the one chance to send it).
        token: Option<String>,
    },
    /// The contact details had problems; the contact page again, with them.
    Invalid,
    /// A step of the form has answers missing or no longer valid: back to it.
    Incomplete(String),
}

/// Longest value of a rejected step kept to show again, in characters (the contact page's
/// description, the longest text any field takes by default).
const MAX_KEPT_CHARS: usize = crate::forms::contact::MAX_DESCRIPTION;
/// Most values of one field kept to show again (a checkbox group's choices).
const MAX_KEPT_VALUES: usize = 50;

/// A rejected step as the draft keeps it: the input to the step's own fields (each value cut
/// to a length a field can take: a stranger's 256 kB post is not stored), and each error's
/// message id and argument.
fn pending_step(step: &Step, submitted: &Answers, errors: &[crate::forms::FieldError]) -> PendingStep {
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

/// Compares without stopping at the first difference (no timing hints about the hash).
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// SHA-256 of a status token, as stored.
pub fn token_hash(token: &str) -> String {
    use sha2::{Digest, Sha256};
    format!("{:x}", Sha256::digest(token.as_bytes()))
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
            self.store().save_draft_pending(id, &pending_step(step, submitted, &errors)).await?;
            return Ok(StepOutcome::Invalid);
        }
        let merged = definition.merge_step(step, &draft.answers, submitted);
        self.store().save_draft_answers(id, &merged).await?;
        Ok(match definition.next_step(step_id, &merged) {
            Some(next) => StepOutcome::Next(next.id.clone()),
            None => StepOutcome::Check,
        })
    }

    /// Ends the draft as solved by a suggestion: no ticket. Idempotent. A draft already sent
    /// as a ticket stays one, and says so.
    pub async fn mark_solved(&self, form: &Slug, id: &str, step: Option<&str>) -> Result<DraftEnd, FlowError> {
        let DraftWithForm { draft, .. } = self.draft_with_form(form, id).await?;
        match draft.outcome {
            DraftOutcome::Deflected => Ok(DraftEnd::Solved),
            DraftOutcome::Submitted => Ok(DraftEnd::TicketSent),
            DraftOutcome::Open => {
                if self.store().end_draft(id, DraftOutcome::Deflected).await? {
                    self.store().record_funnel(id, form, draft.locale, FunnelEvent::Solved, step).await?;
                    return Ok(DraftEnd::Solved);
                }
                // Another post ended the draft meanwhile: solved too, or sent as a ticket.
                Ok(match self.store().ticket_reference_of_draft(id).await? {
                    Some(_) => DraftEnd::TicketSent,
                    None => DraftEnd::Solved,
                })
            }
        }
    }

    /// Records that the customer of draft `id` opened `document` (`article/slug`), a suggestion
    /// the draft was shown: kept with the draft (and later the ticket) and counted in the
    /// funnel, once per document. Anything the draft was not shown is ignored.
    pub async fn open_suggestion(
        &self,
        form: &Slug,
        id: &str,
        document: &str,
        step: Option<&str>,
    ) -> Result<(), FlowError> {
        let DraftWithForm { draft, form: definition } = self.draft_with_form(form, id).await?;
        if draft.outcome != DraftOutcome::Open || !draft.seen.iter().any(|d| d == document) {
            return Ok(());
        }
        let step = step.filter(|s| definition.step(s).is_some());
        if self.store().add_draft_opened(&draft, document).await? {
            self.store().record_funnel(id, form, draft.locale, FunnelEvent::SuggestionOpened, step).await?;
        }
        Ok(())
    }

    /// Checks the contact page and, when it and every step of the form are in order, turns the
    /// draft into a ticket. A repeated submit of the same draft gives the same ticket.
    /// `base_url` is the portal's public address, for the status link in the confirmation mail.
    pub async fn submit_contact(
        &self,
        form: &Slug,
        id: &str,
        submitted: &Answers,
        base_url: &str,
    ) -> Result<ContactOutcome, FlowError> {
        use crate::forms::contact::{self, contact_step};
        let DraftWithForm { draft, form: definition } = self.draft_with_form(form, id).await?;
        match draft.outcome {
            DraftOutcome::Deflected => return Err(FlowError::Finished),
            DraftOutcome::Submitted => {
                let reference = self.store().ticket_reference_of_draft(id).await?.ok_or(FlowError::NotFound)?;
                return Ok(ContactOutcome::Submitted { reference, token: None });
            }
            DraftOutcome::Open => {}
        }
        let answers = definition.effective_answers(&draft.answers);
        for step in definition.shown_steps(&answers) {
            if !validate_step(step, &definition.step_answers(step, &answers), &answers).is_empty() {
                return Ok(ContactOutcome::Incomplete(step.id.clone()));
            }
        }
        let step = contact_step();
        let errors = validate_step(&step, submitted, &Answers::new());
        if !errors.is_empty() {
            self.store().save_draft_pending(id, &pending_step(&step, submitted, &errors)).await?;
            return Ok(ContactOutcome::Invalid);
        }
        let one = |field: &str| submitted.get(field).and_then(|v| v.first()).map(|v| v.trim().to_owned());
        let token = format!("{}{}", uuid::Uuid::new_v4().simple(), uuid::Uuid::new_v4().simple());
        let ticket = crate::store::NewTicket {
            draft_id: id.to_owned(),
            form_slug: definition.slug.to_string(),
            form_version: draft.form_version,
            answers: answers.clone(),
            description: one(contact::DESCRIPTION).unwrap_or_default(),
            contact_name: one(contact::NAME).unwrap_or_default(),
            contact_email: one(contact::EMAIL).unwrap_or_default(),
            contact_phone: one(contact::PHONE).filter(|p| !p.is_empty()),
            contact_locale: one(contact::REPLY_LANGUAGE).and_then(|l| l.parse().ok()).unwrap_or(draft.locale),
            locale: draft.locale,
            team: definition.team.to_string(),
            kind: definition.kind.code().to_owned(),
            priority: definition.priority.priority_for(&answers).code().to_owned(),
            suggestions_seen: draft.seen.clone(),
            suggestions_opened: draft.opened.clone(),
            status_token_hash: token_hash(&token),
        };
        let confirmation = |reference: &str| {
            let link = crate::mail::status_link(base_url, ticket.contact_locale, reference, &token);
            crate::mail::ticket_confirmation(&ticket.contact_email, ticket.contact_locale, reference, &link)
        };
        // Racing a "this solved my problem" post on the same draft, the first one ends it.
        let submitted = self.store().submit_ticket(&ticket, confirmation).await?.ok_or(FlowError::Finished)?;
        Ok(ContactOutcome::Submitted { token: submitted.created.then_some(token), reference: submitted.reference })
    }

    /// The ticket `reference` with its form, for whoever holds its status link's `token`.
    /// A wrong token is the same as no ticket: nothing tells the two apart.
    pub async fn ticket_for_customer(
        &self,
        reference: &str,
        token: &str,
    ) -> Result<(crate::store::TicketRecord, FormDefinition), FlowError> {
        let ticket = self.store().ticket(reference).await?.ok_or(FlowError::NotFound)?;
        if !constant_time_eq(token_hash(token).as_bytes(), ticket.status_token_hash.as_bytes()) {
            return Err(FlowError::NotFound);
        }
        let slug = Slug::parse(&ticket.form_slug).map_err(|_| FlowError::NotFound)?;
        let form = self.store().form_version(&slug, ticket.form_version).await?.ok_or(FlowError::NotFound)?;
        Ok((ticket, form))
    }

    /// The customer adds information to their ticket (`message`) and/or marks it solved.
    /// Returns false when there was nothing to store or the message was too long.
    pub async fn customer_update(
        &self,
        reference: &str,
        token: &str,
        message: &str,
        solved: bool,
    ) -> Result<bool, FlowError> {
        let (ticket, _) = self.ticket_for_customer(reference, token).await?;
        let message = message.trim();
        if message.chars().count() > crate::forms::contact::MAX_DESCRIPTION || (message.is_empty() && !solved) {
            return Ok(false);
        }
        let new_status = if solved {
            Some("resolved")
        } else if ticket.status == "waiting" || ticket.status == "resolved" {
            // Information from the customer puts the ticket back on the desk's list.
            Some("open")
        } else {
            None
        };
        let body = (!message.is_empty()).then_some(message);
        self.store().add_customer_message(reference, body, new_status).await?;
        Ok(true)
    }

    /// The reference of the ticket sent from draft `id` of `form`.
    pub async fn ticket_of_draft(&self, form: &Slug, id: &str) -> Result<String, FlowError> {
        let DraftWithForm { draft, .. } = self.draft_with_form(form, id).await?;
        if draft.outcome != DraftOutcome::Submitted {
            return Err(FlowError::NotFound);
        }
        self.store().ticket_reference_of_draft(id).await?.ok_or(FlowError::NotFound)
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
        let suggestions = self.suggestions_for(form, step, &draft.answers, locale).await?;
        self.store().record_funnel(&draft.id, &draft.form, locale, FunnelEvent::StepReached, Some(step_id)).await?;
        self.record_shown(draft, step_id, &suggestions, locale).await?;
        Ok(suggestions)
    }

    /// Suggestions while the customer types: the step's suggestions for the draft's answers
    /// with `input` (this step's fields as they are on the page, not checked or saved) in
    /// place of this step's answers. Text is cut at the field's length limit.
    pub async fn live_suggestions(
        &self,
        with_form: &DraftWithForm,
        step_id: &str,
        input: &Answers,
        locale: Locale,
    ) -> Result<Vec<Suggestion>, FlowError> {
        let DraftWithForm { draft, form } = with_form;
        if draft.outcome != DraftOutcome::Open {
            return Err(FlowError::Finished);
        }
        let (_, step) = form.step(step_id).ok_or(FlowError::NotFound)?;
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
        let suggestions = self.suggestions_for(form, step, &answers, locale).await?;
        self.record_shown(draft, step_id, &suggestions, locale).await?;
        Ok(suggestions)
    }

    /// Pinned articles first, then search hits in `locale` for the step's search fields.
    async fn suggestions_for(
        &self,
        form: &FormDefinition,
        step: &Step,
        answers: &Answers,
        locale: Locale,
    ) -> Result<Vec<Suggestion>, FlowError> {
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
            for hit in self.search(request).await?.hits {
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
        suggestions: &[Suggestion],
        locale: Locale,
    ) -> Result<(), FlowError> {
        if suggestions.is_empty() {
            return Ok(());
        }
        let store = self.store();
        let shown: Vec<String> = suggestions.iter().map(|s| format!("{}/{}", s.kind.code(), s.slug)).collect();
        store.add_draft_seen(draft, &shown).await?;
        store.record_funnel(&draft.id, &draft.form, locale, FunnelEvent::SuggestionsShown, Some(step_id)).await?;
        Ok(())
    }
}
