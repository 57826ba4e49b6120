//! The translated message shown when a server function fails.

use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The stable code a failed server function carries ([`super::server::fail`]), which is also
/// the Fluent id of its message; `error-unavailable` for anything else (the network failed).
pub fn error_code(error: &ServerFnError) -> String {
    match error {
        ServerFnError::ServerError(code) if code.starts_with("error-") => code.clone(),
        _ => "error-unavailable".to_owned(),
    }
}

/// A translated error message for a failed server function: 401 with a link to sign in when
/// a staff page was asked for without a session, 403 when the member's roles do not allow it,
/// else 503 (every other error a page's server function reports is the service's).
#[component]
pub fn ErrorMessage(error: ServerFnError) -> impl IntoView {
    let i18n = use_i18n();
    let code = error_code(&error);
    let status = match code.as_str() {
        "error-not-signed-in" => 401,
        "error-forbidden" => 403,
        _ => 503,
    };
    super::status::set_status(status);
    let sign_in = (status == 401).then(|| {
        view! {
            <p><a class="button" href=tuki::paths::staff_sign_in(i18n.locale())>{i18n.t("staff-sign-in")}</a></p>
        }
    });
    view! {
        <section class="container page-message" role="alert">
            <h1>{move || i18n.t("error-title")}</h1>
            <p>{move || i18n.t(&code)}</p>
            {sign_in}
        </section>
    }
}
