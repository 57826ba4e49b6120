//! The agents' desk's post: every action on a ticket is one form, answered with a 303 redirect
//! like every post (the pages are the app's `staff::desk` area). The session's caller must be
//! an agent of the ticket's team, checked by the service; the cross-site guard (`same_origin`)
//! refuses posts from other sites.
//!
//! `POST /{lang}/staff/desk/{reference}` with `_action`:
//!
//! | `_action` | fields | does |
//! |---|---|---|
//! | `take` | — | assigns the ticket to the caller (a new one becomes open) |
//! | `assign` | `assignee` (an agent's id; empty: nobody) | assigns it |
//! | `team` | `team` | moves it to another team |
//! | `priority` | `priority` | changes its priority |
//! | `status` | `status` | moves it to a status the ticket's status allows |
//! | `reply` | `body`, `status` | mails the reply to the customer, shows it on the status page, then sets the status |
//! | `note` | `body` | adds an internal note |
//! | `merge` | `into` | closes it as a duplicate of ticket `into` |
//!
//! Done: the ticket's page with `?done=1`. Refused: the page with `?error=CODE`, nothing changed.

use super::AppState;
use super::client_ip::ClientIp;
use super::error_page::not_found;
use super::staff::{StaffCaller, answer, field, post_locale};
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use tuki::content::Slug;
use tuki::forms::Priority;
use tuki::paths::{ACTION_FIELD, desk_action as act, staff_desk_ticket};
use tuki::services::ServiceError;
use tuki::services::desk::DeskAction;
use tuki::staff::StaffId;
use tuki::ticket::{TicketRef, TicketStatus};

/// `POST /{lang}/staff/desk/{reference}`.
pub async fn act(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    StaffCaller(caller): StaffCaller,
    Path((lang, reference)): Path<(String, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let locale = match post_locale(&state, client, &lang) {
        Ok(locale) => locale,
        Err(refused) => return refused.into_response(),
    };
    let Some(reference) = TicketRef::parse(&reference) else { return not_found(locale) };
    let page = staff_desk_ticket(locale, &reference);
    let field = |name| field(&fields, name);
    let status =
        || field(act::STATUS_FIELD).parse::<TicketStatus>().map_err(|_| ServiceError::Invalid("error-desk-status"));
    let action = match field(ACTION_FIELD) {
        act::TAKE => Ok(DeskAction::Take),
        act::ASSIGN => match field(act::ASSIGNEE) {
            "" => Ok(DeskAction::Assign(None)),
            id => id
                .parse()
                .map(|id| DeskAction::Assign(Some(StaffId(id))))
                .map_err(|_| ServiceError::Invalid("error-desk-agent")),
        },
        act::TEAM => Slug::parse(field(act::TEAM_FIELD))
            .map(DeskAction::Team)
            .map_err(|_| ServiceError::Invalid("error-desk-team")),
        act::PRIORITY => Priority::from_code(field(act::PRIORITY_FIELD))
            .map(DeskAction::Priority)
            .ok_or(ServiceError::Invalid("error-desk-unchanged")),
        act::STATUS => status().map(DeskAction::Status),
        act::REPLY => status().map(|then| DeskAction::Reply { body: field(act::BODY).to_owned(), then }),
        act::NOTE => Ok(DeskAction::Note(field(act::BODY).to_owned())),
        act::MERGE => TicketRef::parse(field(act::INTO).trim())
            .map(DeskAction::Merge)
            .ok_or(ServiceError::Invalid("error-desk-merge")),
        _ => Err(ServiceError::Invalid("error-editor-action")),
    };
    let done = match action {
        Ok(action) => state.portal.desk().act(&caller, &reference, action, &state.base_url).await,
        Err(refused) => Err(refused),
    };
    answer(locale, &page, done.map(|()| format!("{page}?done=1")))
}
