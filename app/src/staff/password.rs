//! `/{lang}/staff/password/{token}`: setting a password with a single-use link.

use super::{refusal, refusal_alert};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;
use tuki::paths;

/// The set-password page.
#[component]
pub fn SetPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = move || params.with(|p| p.get("token").unwrap_or_default());
    let error = refusal(&[
        "error-password-too-short",
        "error-password-too-long",
        "error-password-too-common",
        "error-password-mismatch",
        "error-password-link",
    ]);
    view! {
        <Title text=move || i18n.t("staff-password-title")/>
        <Meta name="robots" content="noindex"/>
        // The address holds the link's secret: never sent on to other sites.
        <Meta name="referrer" content="no-referrer"/>
        <section class="container narrow" aria-labelledby="password-heading">
            <h1 id="password-heading">{move || i18n.t("staff-password-title")}</h1>
            <p id="password-hint">{move || i18n.t("staff-password-hint")}</p>
            {move || error().map(|code| refusal_alert(i18n, code))}
            <form class="form" method="post" action=move || paths::staff_password_href(i18n.locale(), &token())>
                <div class="field">
                    <label class="field__label" for="new-password">{move || i18n.t("staff-new-password")}</label>
                    <input class="input" id="new-password" name=paths::PASSWORD_FIELD type="password" autocomplete="new-password"
                        minlength="12" maxlength="128" aria-describedby="password-hint" required/>
                </div>
                <div class="field">
                    <label class="field__label" for="new-password-again">{move || i18n.t("staff-new-password-again")}</label>
                    <input class="input" id="new-password-again" name=paths::PASSWORD_AGAIN_FIELD type="password" autocomplete="new-password"
                        minlength="12" maxlength="128" required/>
                </div>
                <button class="button" type="submit">{move || i18n.t("staff-password-save")}</button>
            </form>
        </section>
    }
}
