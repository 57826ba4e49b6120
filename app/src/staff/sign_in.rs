//! `/{lang}/staff/sign-in`: the staff's sign-in form.

use super::{refusal, refusal_alert};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;
use tuki::paths;

/// The sign-in page.
#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let error = refusal(&["error-sign-in-failed", "error-sign-in-locked"]);
    let notice = move || {
        query.with(|q| {
            if q.get("password_set").is_some() {
                Some("staff-password-set")
            } else if q.get("reset_sent").is_some() {
                Some("staff-reset-sent")
            } else if q.get("signed_out").is_some() {
                Some("staff-signed-out")
            } else {
                None
            }
        })
    };
    view! {
        <Title text=move || i18n.t("staff-sign-in-title")/>
        <Meta name="robots" content="noindex"/>
        <section class="container narrow" aria-labelledby="sign-in-heading">
            <h1 id="sign-in-heading">{move || i18n.t("staff-sign-in-title")}</h1>
            {move || notice().map(|id| view! { <p class="notice" role="status">{i18n.t(id)}</p> })}
            {move || error().map(|code| refusal_alert(i18n, code))}
            <form class="form" method="post" action=move || paths::staff_sign_in(i18n.locale())>
                <div class="field">
                    <label class="field__label" for="staff-email">{move || i18n.t("staff-email")}</label>
                    <input class="input" id="staff-email" name=paths::EMAIL_FIELD type="email" autocomplete="username" required/>
                </div>
                <div class="field">
                    <label class="field__label" for="staff-password">{move || i18n.t("staff-password")}</label>
                    <input class="input" id="staff-password" name=paths::PASSWORD_FIELD type="password" autocomplete="current-password" required/>
                </div>
                <button class="button" type="submit">{move || i18n.t("staff-sign-in")}</button>
            </form>
            <p><a href=move || paths::staff_password_reset(i18n.locale())>{move || i18n.t("staff-forgot-password")}</a></p>
        </section>
    }
}
