//! `/{lang}/staff/password-reset`: asking for a password reset link by e-mail.

use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use tuki::paths;

/// The "forgot your password?" page.
#[component]
pub fn PasswordResetPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || i18n.t("staff-reset-title")/>
        <Meta name="robots" content="noindex"/>
        <section class="container narrow" aria-labelledby="reset-heading">
            <h1 id="reset-heading">{move || i18n.t("staff-reset-title")}</h1>
            <p>{move || i18n.t("staff-reset-lead")}</p>
            <form class="form" method="post" action=move || paths::staff_password_reset(i18n.locale())>
                <div class="field">
                    <label class="field__label" for="reset-email">{move || i18n.t("staff-email")}</label>
                    <input class="input" id="reset-email" name=paths::EMAIL_FIELD type="email" autocomplete="username" required/>
                </div>
                <button class="button" type="submit">{move || i18n.t("staff-reset-send")}</button>
            </form>
        </section>
    }
}
