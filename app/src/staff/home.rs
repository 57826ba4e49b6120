//! `/{lang}/staff/`: the signed-in member's front page, with signing out here or everywhere.

use super::api::staff_home;
use crate::i18n::use_i18n;
use crate::shared::{ErrorMessage, status::set_status};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use tuki::paths;
use tuki::views::staff::StaffHomeData;

/// The staff's front page; without a session, a prompt to sign in (401).
#[component]
pub fn StaffHomePage() -> impl IntoView {
    let i18n = use_i18n();
    let data = Resource::new(|| (), |()| staff_home());
    view! {
        <Title text=move || i18n.t("staff-home-title")/>
        <Meta name="robots" content="noindex"/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(Some(member)) => view! { <Home member/> }.into_any(),
                    Ok(None) => {
                        set_status(401);
                        view! {
                            <section class="container narrow page-message" aria-labelledby="page-message-heading">
                                <h1 id="page-message-heading">{i18n.t("staff-home-title")}</h1>
                                <p>{i18n.t("error-not-signed-in")}</p>
                                <p><a class="button" href=paths::staff_sign_in(i18n.locale())>{i18n.t("staff-sign-in")}</a></p>
                            </section>
                        }
                        .into_any()
                    }
                    Err(error) => view! { <ErrorMessage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Home(member: StaffHomeData) -> impl IntoView {
    let i18n = use_i18n();
    let roles = member.roles.iter().map(|r| i18n.t(&format!("staff-role-{}", r.code()))).collect::<Vec<_>>().join(", ");
    let sign_out = paths::staff_sign_out(i18n.locale());
    let edits = member.roles.iter().any(|r| matches!(r, tuki::staff::Role::Editor | tuki::staff::Role::Admin));
    let workspace = edits.then(|| {
        view! { <p><a class="button" href=paths::staff_content(i18n.locale())>{i18n.t("workspace-open")}</a></p> }
    });
    let desk = member.roles.contains(&tuki::staff::Role::Agent).then(|| {
        view! { <p><a class="button" href=paths::staff_desk(i18n.locale())>{i18n.t("desk-title")}</a></p> }
    });
    let administers = member.roles.contains(&tuki::staff::Role::Admin);
    let admin = administers.then(|| {
        view! {
            <p>
                <a href=paths::staff_accounts(i18n.locale())>{i18n.t("accounts-title")}</a>
                " · "
                <a href=paths::staff_audit(i18n.locale())>{i18n.t("audit-title")}</a>
            </p>
        }
    });
    view! {
        <section class="container narrow" aria-labelledby="staff-heading">
            <h1 id="staff-heading">{i18n.t("staff-home-title")}</h1>
            <dl class="summary-list">
                <div class="summary-list__row">
                    <dt class="summary-list__key">{i18n.t("staff-name")}</dt>
                    <dd class="summary-list__value">{member.name}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">{i18n.t("staff-email")}</dt>
                    <dd class="summary-list__value">{member.email}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">{i18n.t("staff-roles")}</dt>
                    <dd class="summary-list__value">{roles}</dd>
                </div>
            </dl>
            {desk}
            {workspace}
            {admin}
            <form method="post" action=sign_out.clone()>
                <button class="button" type="submit">{i18n.t("staff-sign-out")}</button>
            </form>
            <form method="post" action=sign_out>
                <input type="hidden" name=paths::ACTION_FIELD value=paths::EVERYWHERE/>
                <button class="button button--secondary" type="submit">{i18n.t("staff-sign-out-everywhere")}</button>
            </form>
        </section>
    }
}
