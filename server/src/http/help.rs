//! The form posts of the guided forms. Each answers with a redirect (303 See Other) to the page
//! to show next, so the browser's back and refresh buttons never re-send a step:
//!
//! | POST                                   | does                                  | then                       |
//! |----------------------------------------|---------------------------------------|----------------------------|
//! | `/{lang}/help/{form}`                  | starts a draft                        | its first step             |
//! | `/{lang}/help/{form}/{draft}/{step}`   | checks and keeps the step's answers   | next step, check page, or the same step with its errors |
//! | … with `_action=solved`                | ends the draft as solved (no ticket)  | `…/solved`                 |
//! | `/{lang}/help/{form}/{draft}/contact`  | checks contact details, sends the ticket (once per draft) | `…/done`, or the contact page with its errors |
//!
//! A form, draft or step that does not exist (or a finished draft) leads to its address, which
//! answers with the translated 404 page. The addresses and the posted words are
//! `tuki::paths`'s; what each post does is the core's guided form and tickets services.

use super::client_ip::ClientIp;
use super::error_page;
use super::rate_limit::too_many;
use super::{AppState, Limited};
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use tuki::Locale;
use tuki::content::Slug;
use tuki::forms::Answers;
use tuki::forms::contact::CONTACT_STEP;
use tuki::paths::{ACTION_FIELD, CHECK, DONE, HONEYPOT_FIELD, MESSAGE_FIELD, SOLVED, TOKEN_FIELD, help_href};
use tuki::services::guided_form::{DraftEnd, StepOutcome};
use tuki::services::tickets::{ContactOutcome, CustomerUpdate};
use tuki::services::{Caller, ServiceError};
use tuki::ticket::{DraftId, TicketRef};

/// A service's error as a form post's answer: what does not exist (or ended) leads to its
/// address, which answers with the translated 404 page; anything else is an error page.
fn failed(locale: Locale, error: ServiceError, not_found: String) -> Response {
    match error {
        ServiceError::NotFound | ServiceError::Finished => Redirect::to(&not_found).into_response(),
        error => error_page::for_service_error(locale, &error),
    }
}

/// `POST /{lang}/help/{form}`: starts the form.
pub async fn start(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    Path((lang, form)): Path<(String, String)>,
) -> Response {
    let Ok(locale) = lang.parse::<Locale>() else { return Redirect::to("/").into_response() };
    if !state.limiter.allow(client, Limited::Submit) {
        return too_many(locale);
    }
    let here = help_href(locale, &form, &[]);
    let Ok(slug) = Slug::parse(&form) else { return Redirect::to(&here).into_response() };
    match state.portal.guided_form().start(&Caller::Customer, &slug, locale).await {
        Ok((draft, first)) => Redirect::to(&help_href(locale, &form, &[draft.as_str(), &first])).into_response(),
        Err(error) => failed(locale, error, here),
    }
}

/// `POST /{lang}/help/{form}/{draft}/{step}`: a step's answers, or "this solved my problem".
pub async fn step(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    Path((lang, form, draft, step)): Path<(String, String, String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let Ok(locale) = lang.parse::<Locale>() else { return Redirect::to("/").into_response() };
    if !state.limiter.allow(client, Limited::Submit) {
        return too_many(locale);
    }
    let here = help_href(locale, &form, &[&draft, &step]);
    let (Ok(slug), Some(id)) = (Slug::parse(&form), DraftId::parse(&draft)) else {
        return Redirect::to(&here).into_response();
    };
    let caller = Caller::Customer;
    let action = pairs.iter().find(|(k, _)| k == ACTION_FIELD).map_or("continue", |(_, v)| v.as_str());
    if action == SOLVED {
        return match state.portal.guided_form().mark_solved(&caller, &slug, &id, Some(&step)).await {
            Ok(DraftEnd::Solved) => Redirect::to(&help_href(locale, &form, &[&draft, SOLVED])).into_response(),
            // A ticket was sent from this draft (perhaps by a contact post that won the race).
            Ok(DraftEnd::TicketSent) => Redirect::to(&help_href(locale, &form, &[&draft, DONE])).into_response(),
            Err(error) => failed(locale, error, here),
        };
    }
    let honeypot = pairs.iter().any(|(k, v)| k == HONEYPOT_FIELD && !v.trim().is_empty());
    let mut answers = Answers::new();
    for (name, value) in pairs {
        if !name.starts_with('_') {
            answers.entry(name).or_default().push(value);
        }
    }
    if step == CONTACT_STEP {
        if honeypot {
            tracing::warn!(form = %form, "honeypot field filled: nothing sent");
            return Redirect::to(&here).into_response();
        }
        return match state.portal.tickets().submit_contact(&caller, &slug, &id, &answers, &state.base_url).await {
            Ok(ContactOutcome::Submitted { .. }) => {
                Redirect::to(&help_href(locale, &form, &[&draft, DONE])).into_response()
            }
            Ok(ContactOutcome::Invalid) => Redirect::to(&format!("{here}#error-summary")).into_response(),
            Ok(ContactOutcome::Incomplete(step)) => {
                Redirect::to(&help_href(locale, &form, &[&draft, &step])).into_response()
            }
            // "This solved my problem" ended the draft first: no ticket, say so.
            Err(ServiceError::Finished) => Redirect::to(&help_href(locale, &form, &[&draft, SOLVED])).into_response(),
            Err(error) => failed(locale, error, here),
        };
    }
    match state.portal.guided_form().submit_step(&caller, &slug, &id, &step, &answers).await {
        Ok(StepOutcome::Next(next)) => Redirect::to(&help_href(locale, &form, &[&draft, &next])).into_response(),
        Ok(StepOutcome::Check) => Redirect::to(&help_href(locale, &form, &[&draft, CHECK])).into_response(),
        Ok(StepOutcome::Invalid) => Redirect::to(&format!("{here}#error-summary")).into_response(),
        Err(error) => failed(locale, error, here),
    }
}

/// `POST /{lang}/tickets/{reference}`: the customer adds information (`message`) or, with
/// `_action=solved`, marks the ticket solved. Back to the status page either way.
pub async fn ticket_update(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    Path((lang, reference)): Path<(String, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let Ok(locale) = lang.parse::<Locale>() else { return Redirect::to("/").into_response() };
    if !state.limiter.allow(client, Limited::Submit) {
        return too_many(locale);
    }
    let field = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).unwrap_or("");
    let token = field(TOKEN_FIELD);
    // No ticket has an address that is not a reference: the translated 404 page, nothing stored.
    let Some(reference) = TicketRef::parse(&reference) else { return error_page::not_found(locale) };
    let page = tuki::paths::ticket_status_href(locale, &reference, token);
    let update = CustomerUpdate { message: field(MESSAGE_FIELD), solved: field(ACTION_FIELD) == SOLVED };
    match state.portal.tickets().customer_update(&Caller::Customer, &reference, token, update, &state.base_url).await {
        Ok(true) => Redirect::to(&format!("{page}&updated=1#conversation")).into_response(),
        Ok(false) => Redirect::to(&format!("{page}&update_error=1#conversation")).into_response(),
        Err(error) => failed(locale, error, page),
    }
}
