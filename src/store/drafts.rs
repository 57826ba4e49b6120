//! Form drafts (a customer's answers on the way through a form) and the anonymous deflection
//! funnel events they produce.

use super::{Store, StoreError, corrupt, to_json};
use crate::Locale;
use crate::content::{DocRef, Slug};
use crate::forms::Answers;
use crate::ticket::DraftId;
use serde::{Deserialize, Serialize};
use sqlx::Row;

/// How a draft ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DraftOutcome {
    /// Still being filled in.
    Open,
    /// A suggestion solved the problem: no ticket.
    Deflected,
    /// Sent as a ticket.
    Submitted,
}

impl DraftOutcome {
    /// The stored code.
    pub const fn code(self) -> &'static str {
        match self {
            DraftOutcome::Open => "open",
            DraftOutcome::Deflected => "deflected",
            DraftOutcome::Submitted => "submitted",
        }
    }

    fn parse(code: &str) -> Result<DraftOutcome, StoreError> {
        match code {
            "open" => Ok(DraftOutcome::Open),
            "deflected" => Ok(DraftOutcome::Deflected),
            "submitted" => Ok(DraftOutcome::Submitted),
            other => Err(corrupt(format!("unknown draft outcome {other}"))),
        }
    }
}

/// The input of a rejected step, kept so the page shows it again with the errors.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PendingStep {
    /// The step's id.
    pub step: String,
    /// What was sent.
    pub input: Answers,
    /// Field id → (Fluent message id, optional numeric argument).
    pub errors: Vec<(String, String, Option<f64>)>,
}

/// A customer's answers to one form, on the way to a ticket.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    /// Random, unguessable id.
    pub id: DraftId,
    /// The form.
    pub form: Slug,
    /// The form version it is filled against.
    pub form_version: i64,
    /// The customer's language.
    pub locale: Locale,
    /// Validated answers so far.
    pub answers: Answers,
    /// The last rejected step, if any.
    pub pending: Option<PendingStep>,
    /// How it ended, so far.
    pub outcome: DraftOutcome,
    /// Documents suggested so far , in the order first shown.
    pub seen: Vec<DocRef>,
    /// Suggested documents the customer opened , in the order first opened.
    pub opened: Vec<DocRef>,
}

/// A step of the deflection funnel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FunnelEvent {
    /// The customer started the form.
    Started,
    /// A step was shown.
    StepReached,
    /// A step showed suggestions.
    SuggestionsShown,
    /// A suggested article was opened.
    SuggestionOpened,
    /// "This solved my problem."
    Solved,
    /// The ticket was sent.
    TicketSubmitted,
}

impl FunnelEvent {
    /// The stored code.
    pub const fn code(self) -> &'static str {
        match self {
            FunnelEvent::Started => "started",
            FunnelEvent::StepReached => "step-reached",
            FunnelEvent::SuggestionsShown => "suggestions-shown",
            FunnelEvent::SuggestionOpened => "suggestion-opened",
            FunnelEvent::Solved => "solved",
            FunnelEvent::TicketSubmitted => "ticket-submitted",
        }
    }
}

impl Store {
    /// Starts a draft of `form` (at `version`) with the id `id`.
    pub async fn create_draft(
        &self,
        id: &DraftId,
        form: &Slug,
        version: i64,
        locale: Locale,
    ) -> Result<(), StoreError> {
        let now = self.now().millis();
        sqlx::query(
            "INSERT INTO form_drafts (id, form_slug, form_version, locale, answers, outcome, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, '{}', 'open', $5, $5)",
        )
        .bind(id.as_str())
        .bind(form.as_str())
        .bind(version)
        .bind(locale.code())
        .bind(now)
        .execute(self.pool())
        .await?;
        self.record_funnel(id, form, locale, FunnelEvent::Started, None).await
    }

    /// The draft `id` of `form`, if it exists.
    pub async fn draft(&self, form: &Slug, id: &DraftId) -> Result<Option<Draft>, StoreError> {
        let row = sqlx::query(
            "SELECT form_version, locale, answers, pending, outcome, seen, opened FROM form_drafts WHERE id = $1 AND form_slug = $2",
        )
        .bind(id.as_str())
        .bind(form.as_str())
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else { return Ok(None) };
        let locale: String = row.try_get(1)?;
        let answers: String = row.try_get(2)?;
        let pending: Option<String> = row.try_get(3)?;
        let outcome: String = row.try_get(4)?;
        let seen: String = row.try_get(5)?;
        let opened: String = row.try_get(6)?;
        Ok(Some(Draft {
            id: id.clone(),
            form: form.clone(),
            form_version: row.try_get(0)?,
            locale: locale.parse().map_err(|e: crate::locale::LocaleError| corrupt(e.to_string()))?,
            answers: serde_json::from_str(&answers).map_err(|e| corrupt(e.to_string()))?,
            pending: pending.map(|p| serde_json::from_str(&p)).transpose().map_err(|e| corrupt(e.to_string()))?,
            outcome: DraftOutcome::parse(&outcome)?,
            seen: serde_json::from_str(&seen).map_err(|e| corrupt(e.to_string()))?,
            opened: serde_json::from_str(&opened).map_err(|e| corrupt(e.to_string()))?,
        }))
    }

    /// Stores validated answers and clears any pending step.
    pub async fn save_draft_answers(&self, id: &DraftId, answers: &Answers) -> Result<(), StoreError> {
        sqlx::query("UPDATE form_drafts SET answers = $1, pending = NULL, updated_at = $2 WHERE id = $3")
            .bind(to_json(answers)?)
            .bind(self.now().millis())
            .bind(id.as_str())
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Adds documents to those the draft was shown (each once).
    pub async fn add_draft_seen(&self, draft: &Draft, shown: &[DocRef]) -> Result<(), StoreError> {
        let mut seen = draft.seen.clone();
        for item in shown {
            if !seen.contains(item) {
                seen.push(item.clone());
            }
        }
        if seen.len() == draft.seen.len() {
            return Ok(());
        }
        sqlx::query("UPDATE form_drafts SET seen = $1 WHERE id = $2")
            .bind(to_json(&seen)?)
            .bind(draft.id.as_str())
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Adds `document`  to the suggestions the draft's customer opened; false
    /// when it was opened before.
    pub async fn add_draft_opened(&self, draft: &Draft, document: &DocRef) -> Result<bool, StoreError> {
        if draft.opened.contains(document) {
            return Ok(false);
        }
        let mut opened = draft.opened.clone();
        opened.push(document.clone());
        sqlx::query("UPDATE form_drafts SET opened = $1 WHERE id = $2")
            .bind(to_json(&opened)?)
            .bind(draft.id.as_str())
            .execute(self.pool())
            .await?;
        Ok(true)
    }

    /// Keeps a rejected step's input and errors for the page to show.
    pub async fn save_draft_pending(&self, id: &DraftId, pending: &PendingStep) -> Result<(), StoreError> {
        sqlx::query("UPDATE form_drafts SET pending = $1, updated_at = $2 WHERE id = $3")
            .bind(to_json(pending)?)
            .bind(self.now().millis())
            .bind(id.as_str())
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Ends an open draft with `outcome`; false when it had already ended.
    pub async fn end_draft(&self, id: &DraftId, outcome: DraftOutcome) -> Result<bool, StoreError> {
        let done =
            sqlx::query("UPDATE form_drafts SET outcome = $1, updated_at = $2 WHERE id = $3 AND outcome = 'open'")
                .bind(outcome.code())
                .bind(self.now().millis())
                .bind(id.as_str())
                .execute(self.pool())
                .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Records a funnel event of a draft (anonymous: the draft id, the form, the locale).
    pub async fn record_funnel(
        &self,
        draft: &DraftId,
        form: &Slug,
        locale: Locale,
        event: FunnelEvent,
        step: Option<&str>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO funnel_events (draft_id, form_slug, locale, event, step, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(draft.as_str())
        .bind(form.as_str())
        .bind(locale.code())
        .bind(event.code())
        .bind(step)
        .bind(self.now().millis())
        .execute(self.pool())
        .await?;
        Ok(())
    }
}
