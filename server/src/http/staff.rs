//! The staff's sign-in, sign-out and set-password posts, and the session cookie. Like every
//! post, plain HTML forms answered with 303 redirects (the pages are the app's `staff` area);
//! the cross-site guard (`same_origin`) refuses them from other sites.
//!
//! | POST | does | then |
//! |---|---|---|
//! | `/{lang}/staff/sign-in` | signs in (`email`, `password`) | the staff's front page with a new session cookie, or the sign-in page with `?error=CODE` |
//! | `/{lang}/staff/sign-out` | ends this session (`_action=everywhere`: every session of the account) | the sign-in page, `?signed_out=1` |
//! | `/{lang}/staff/password/{token}` | sets the password with a single-use link | the sign-in page, `?password_set=1`, or back with `?error=CODE` |
//! | `/{lang}/staff/password-reset` | mails a reset link to an active account's address (`email`) | the sign-in page, `?reset_sent=1`, whether or not the address has an account |
//!
//! The cookie: `tuki_session`, `HttpOnly; SameSite=Lax; Path=/`, `Secure` when the portal's
//! address is https, no `Max-Age` (the server ends the session after 2 hours idle or 12 in all).

use super::client_ip::ClientIp;
use super::error_page::for_service_error;
use super::rate_limit::too_many;
use super::{AppState, Limited};
use axum::Form;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use tuki::Locale;
use tuki::paths::{
    ACTION_FIELD, EMAIL_FIELD, EVERYWHERE, PASSWORD_AGAIN_FIELD, PASSWORD_FIELD, SESSION_COOKIE, encode_query_value,
    staff_home, staff_password_href, staff_sign_in,
};
use tuki::services::{Caller, ServiceError};

/// The form's fields, in the order sent.
type Fields = Form<Vec<(String, String)>>;

/// The session token in the request's cookie, if any.
fn session_token(headers: &HeaderMap) -> Option<String> {
    super::negotiate::cookie_value(headers, SESSION_COOKIE).filter(|value| !value.is_empty() && value.len() <= 128)
}

/// Middleware: a request with a valid session cookie carries its [`Caller`] (a member of
/// staff) in its extensions, where the staff pages' server functions find it. Any other
/// request is a customer's.
pub async fn attach_caller(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    // A file (`/pkg/tuki.css`, `/favicon.svg`) needs no caller: no session lookup for it.
    let is_file = request.uri().path().rsplit('/').next().is_some_and(|last| last.contains('.'));
    if let Some(token) = session_token(request.headers()).filter(|_| !is_file) {
        match state.portal.accounts().session(&token).await {
            Ok(caller) => {
                request.extensions_mut().insert(caller);
            }
            Err(ServiceError::NotSignedIn) => {}
            Err(error) => tracing::warn!(%error, "cannot read a staff session; treated as signed out"),
        }
    }
    next.run(request).await
}

/// The cookie that keeps `token` (or, with `None`, the one that removes it).
fn session_cookie(state: &AppState, token: Option<&str>) -> HeaderValue {
    let secure = if state.base_url.starts_with("https://") { "; Secure" } else { "" };
    let text = match token {
        Some(token) => format!("{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax{secure}"),
        None => format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}"),
    };
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static("tuki_session=; Max-Age=0"))
}

/// The value of the form's field `name` (empty when absent).
pub(super) fn field<'a>(fields: &'a [(String, String)], name: &str) -> &'a str {
    fields.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
}

/// Why a post is not taken before it is read.
pub(super) enum Refused {
    /// Its address names no locale: to the front page.
    NoLocale,
    /// The client's form-post budget is spent: the translated 429 page.
    TooMany(Locale),
}

impl IntoResponse for Refused {
    fn into_response(self) -> Response {
        match self {
            Refused::NoLocale => Redirect::to("/").into_response(),
            Refused::TooMany(locale) => too_many(locale),
        }
    }
}

/// The locale of a post's address, once the client's form-post budget allows it.
pub(super) fn post_locale(state: &AppState, client: std::net::IpAddr, lang: &str) -> Result<Locale, Refused> {
    let locale = lang.parse::<Locale>().map_err(|_| Refused::NoLocale)?;
    if !state.limiter.allow(client, Limited::Submit) {
        return Err(Refused::TooMany(locale));
    }
    Ok(locale)
}

/// Who posts: the member of staff the session middleware ([`attach_caller`]) found, or a
/// customer.
pub(super) struct StaffCaller(pub Caller);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for StaffCaller {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(StaffCaller(parts.extensions.get::<Caller>().cloned().unwrap_or(Caller::Customer)))
    }
}

/// A staff post's answer: to `done`'s address when it worked; back to `page` with the
/// refusal's code when the input was refused (nothing changed); else the translated error page.
pub(super) fn answer(locale: Locale, page: &str, done: Result<String, ServiceError>) -> Response {
    match done {
        Ok(target) => Redirect::to(&target).into_response(),
        Err(error @ ServiceError::Invalid(_)) => back_with(page, &error),
        Err(error) => for_service_error(locale, &error),
    }
}

/// Back to `page` with the refusal's code for the page to translate.
pub(super) fn back_with(page: &str, error: &ServiceError) -> Response {
    Redirect::to(&format!("{page}?error={}", encode_query_value(error.code()))).into_response()
}

/// `POST /{lang}/staff/sign-in`.
pub async fn sign_in(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    Path(lang): Path<String>,
    Form(fields): Fields,
) -> Response {
    let locale = match post_locale(&state, client, &lang) {
        Ok(locale) => locale,
        Err(refused) => return refused.into_response(),
    };
    let accounts = state.portal.accounts();
    match accounts.sign_in(field(&fields, EMAIL_FIELD), field(&fields, PASSWORD_FIELD), client).await {
        Ok(signed_in) => {
            let mut response = Redirect::to(&staff_home(locale)).into_response();
            response.headers_mut().insert(header::SET_COOKIE, session_cookie(&state, Some(&signed_in.token)));
            response
        }
        Err(error @ (ServiceError::SignInFailed | ServiceError::SignInLocked)) => {
            back_with(&staff_sign_in(locale), &error)
        }
        Err(error) => for_service_error(locale, &error),
    }
}

/// `POST /{lang}/staff/sign-out`.
pub async fn sign_out(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    headers: HeaderMap,
    Form(fields): Fields,
) -> Response {
    let locale = lang.parse::<Locale>().unwrap_or_default();
    if let Some(token) = session_token(&headers) {
        let accounts = state.portal.accounts();
        let ended = if field(&fields, ACTION_FIELD) == EVERYWHERE {
            match accounts.session(&token).await {
                Ok(caller) => accounts.sign_out_everywhere(&caller).await,
                Err(_) => Ok(()),
            }
        } else {
            accounts.sign_out(&token).await
        };
        if let Err(error) = ended {
            return for_service_error(locale, &error);
        }
    }
    let mut response = Redirect::to(&format!("{}?signed_out=1", staff_sign_in(locale))).into_response();
    response.headers_mut().insert(header::SET_COOKIE, session_cookie(&state, None));
    response
}

/// `POST /{lang}/staff/password-reset`.
pub async fn request_reset(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    Path(lang): Path<String>,
    Form(fields): Fields,
) -> Response {
    let locale = match post_locale(&state, client, &lang) {
        Ok(locale) => locale,
        Err(refused) => return refused.into_response(),
    };
    match state.portal.accounts().request_password_reset(field(&fields, EMAIL_FIELD), &state.base_url).await {
        Ok(()) => Redirect::to(&format!("{}?reset_sent=1", staff_sign_in(locale))).into_response(),
        Err(error) => for_service_error(locale, &error),
    }
}

/// `POST /{lang}/staff/password/{token}`.
pub async fn set_password(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    Path((lang, token)): Path<(String, String)>,
    Form(fields): Fields,
) -> Response {
    let locale = match post_locale(&state, client, &lang) {
        Ok(locale) => locale,
        Err(refused) => return refused.into_response(),
    };
    let page = staff_password_href(locale, &token);
    let password = field(&fields, PASSWORD_FIELD);
    if password != field(&fields, PASSWORD_AGAIN_FIELD) {
        return back_with(&page, &ServiceError::Invalid("error-password-mismatch"));
    }
    match state.portal.accounts().set_password_with_link(&token, password).await {
        Ok(()) => Redirect::to(&format!("{}?password_set=1", staff_sign_in(locale))).into_response(),
        Err(ServiceError::NotFound) => back_with(&page, &ServiceError::Invalid("error-password-link")),
        Err(error @ ServiceError::Invalid(_)) => back_with(&page, &error),
        Err(error) => for_service_error(locale, &error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_session_token_is_read_from_its_cookie_only() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_static("lang=fi; tuki_session=abc123; other=x"));
        assert_eq!(session_token(&headers).as_deref(), Some("abc123"));
        headers.insert(header::COOKIE, HeaderValue::from_static("lang=fi; tuki_sessionx=abc"));
        assert_eq!(session_token(&headers), None);
        headers.insert(header::COOKIE, HeaderValue::from_static("tuki_session="));
        assert_eq!(session_token(&headers), None);
    }
}
