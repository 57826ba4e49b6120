//! The guided forms' server functions: the list of request types, a form's introduction, a
//! step with its suggestions, the live suggestions, and the answers to check. Sending answers
//! is a plain form post to the server (`tuki-server`'s `http::help`), so it works the same
//! with and without JavaScript.

// The `#[server]` macro generates argument structs whose fields cannot carry doc comments.
#![allow(missing_docs)]

use leptos::prelude::*;
use tuki::search_types::SearchHit;
use tuki::ticket::TicketRef;
use tuki::views::help::{CheckData, FormSummary, StepData};

/// Put into a request's extensions by the server when the client has spent its search budget:
/// the step page is then rendered without searching for suggestions or recording them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SearchBudgetSpent;

/// The form and draft a page's address names; `None` when either cannot be one.
#[cfg(feature = "ssr")]
fn form_and_draft(form: &str, draft: &str) -> Option<(tuki::content::Slug, tuki::ticket::DraftId)> {
    Some((tuki::content::Slug::parse(form).ok()?, tuki::ticket::DraftId::parse(draft)?))
}

/// Every request type, by name in `locale`.
#[server]
pub async fn help_forms(locale: String) -> Result<Vec<FormSummary>, ServerFnError> {
    use crate::shared::server::*;
    let locale = parse_locale(&locale)?;
    portal()?.guided_form().forms(&caller(), locale).await.map_err(fail)
}

/// One request type's introduction; `None` when there is no such form.
#[server]
pub async fn help_form(locale: String, form: String) -> Result<Option<FormSummary>, ServerFnError> {
    use crate::shared::server::*;
    let locale = parse_locale(&locale)?;
    let Ok(form) = tuki::content::Slug::parse(&form) else { return Ok(None) };
    found(portal()?.guided_form().form(&caller(), locale, &form).await)
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
    use crate::shared::server::*;
    use tuki::services::guided_form::StepPageOptions;
    let locale = parse_locale(&locale)?;
    let Some((form, draft)) = form_and_draft(&form, &draft) else { return Ok(None) };
    let without_suggestions = use_context::<http::request::Parts>()
        .is_some_and(|parts| parts.extensions.get::<SearchBudgetSpent>().is_some());
    let options = StepPageOptions { without_suggestions };
    found(portal()?.guided_form().step_page(&caller(), locale, &form, &draft, &step, options).await)
}

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
    use crate::shared::server::*;
    let locale = parse_locale(&locale)?;
    let Ok(input) = serde_json::from_str::<tuki::forms::Answers>(&input) else { return Ok(None) };
    let Some((form, draft)) = form_and_draft(&form, &draft) else { return Ok(None) };
    found(portal()?.guided_form().live_suggestions(&caller(), locale, &form, &draft, &step, &input).await)
}

/// The answers of a draft, as the customer gave them, to check before sending.
#[server]
pub async fn help_check(locale: String, form: String, draft: String) -> Result<Option<CheckData>, ServerFnError> {
    use crate::shared::server::*;
    let locale = parse_locale(&locale)?;
    let Some((form, draft)) = form_and_draft(&form, &draft) else { return Ok(None) };
    found(portal()?.guided_form().check_page(&caller(), locale, &form, &draft).await)
}

/// The reference of the ticket a draft became; `None` when it did not become one.
#[server]
pub async fn help_done(form: String, draft: String) -> Result<Option<TicketRef>, ServerFnError> {
    use crate::shared::server::*;
    let Some((form, draft)) = form_and_draft(&form, &draft) else { return Ok(None) };
    found(portal()?.tickets().ticket_of_draft(&caller(), &form, &draft).await)
}

/// This module's server functions that search: the server counts each call against the
/// client's search budget ([`crate::customer::search_cost`]).
#[cfg(feature = "ssr")]
pub const SEARCHING: [&str; 1] = [<HelpLiveSuggestions as leptos::server_fn::ServerFn>::PATH];

/// The server function that loads a step page: it searches for the step's suggestions, so the
/// server gives it the step page's budget rule (shown without suggestions when spent).
#[cfg(feature = "ssr")]
pub const STEP_PAGE: &str = <HelpStep as leptos::server_fn::ServerFn>::PATH;
