//! The admins' accounts form: `POST /{lang}/staff/accounts`, answered with 303 redirects like
//! every post (the page is the app's `staff::accounts`). The service checks the caller is an
//! admin; the cross-site guard (`same_origin`) refuses posts from other sites.
//!
//! | `_action` | does | then |
//! |---|---|---|
//! | `create` | creates an account (`email`, `name`, `locale`, `role`…, `team`…) and mails its set-password link | `?created=1` |
//! | `disable` / `enable` | disables (ending its sessions) or enables the account at `email` | `?disabled=1` / `?enabled=1` |
//! | `send-link` | mails a new set-password link to the account at `email` | `?link_sent=1` |
//!
//! A refused form goes back with `?error=CODE`, having changed nothing.

use super::AppState;
use super::client_ip::ClientIp;
use super::staff::{StaffCaller, answer, field, post_locale};
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use tuki::Locale;
use tuki::content::Slug;
use tuki::paths::{ACTION_FIELD, EMAIL_FIELD, accounts, staff_accounts};
use tuki::services::ServiceError;
use tuki::services::accounts::NewAccount;
use tuki::staff::Role;

/// Every value of the repeated field `name`.
fn all<'a>(fields: &'a [(String, String)], name: &'a str) -> impl Iterator<Item = &'a str> {
    fields.iter().filter(move |(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// `POST /{lang}/staff/accounts`.
pub async fn manage(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    StaffCaller(caller): StaffCaller,
    Path(lang): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let locale = match post_locale(&state, client, &lang) {
        Ok(locale) => locale,
        Err(refused) => return refused.into_response(),
    };
    let page = staff_accounts(locale);
    let service = state.portal.accounts();
    let email = field(&fields, EMAIL_FIELD);
    let done = match field(&fields, ACTION_FIELD) {
        accounts::CREATE => {
            let roles: Result<Vec<Role>, _> = all(&fields, accounts::ROLE).map(str::parse).collect();
            let teams: Result<Vec<Slug>, _> = all(&fields, accounts::TEAM).map(Slug::parse).collect();
            let language = field(&fields, accounts::LOCALE).parse::<Locale>();
            match (roles, teams, language) {
                (Err(_), _, _) => Err(ServiceError::Invalid("error-staff-roles")),
                (_, Err(_), _) => Err(ServiceError::Invalid("error-staff-team")),
                (_, _, Err(_)) => Err(ServiceError::Invalid("error-staff-locale")),
                (Ok(roles), Ok(teams), Ok(language)) => {
                    let new = NewAccount {
                        email,
                        name: field(&fields, accounts::NAME),
                        locale: language,
                        roles: &roles,
                        teams: &teams,
                    };
                    service.invite(&caller, new, &state.base_url).await.map(|_| "?created=1")
                }
            }
        }
        accounts::DISABLE => service.set_active(&caller, email, false).await.map(|()| "?disabled=1"),
        accounts::ENABLE => service.set_active(&caller, email, true).await.map(|()| "?enabled=1"),
        accounts::SEND_LINK => {
            service.send_password_link(&caller, email, &state.base_url).await.map(|()| "?link_sent=1")
        }
        _ => Err(ServiceError::Invalid("error-staff-action")),
    };
    let done = match done {
        Err(ServiceError::NotFound) => Err(ServiceError::Invalid("error-staff-unknown")),
        done => done.map(|query| format!("{page}{query}")),
    };
    answer(locale, &page, done)
}
