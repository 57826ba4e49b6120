//! `/{lang}/staff/accounts`: the admins' page of staff accounts. Creating an account mails its
//! person a single-use link to set the password; an account can be disabled (ending its
//! sessions), enabled again, or sent a new link. Plain forms (`http::accounts`), without
//! JavaScript too.

use super::api::load_accounts;
use super::{refusal, refusal_alert};
use crate::i18n::use_i18n;
use crate::shared::ErrorMessage;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;
use tuki::Locale;
use tuki::paths::{self, ACTION_FIELD, EMAIL_FIELD, accounts};
use tuki::staff::Role;
use tuki::views::staff::{AccountRow, AccountsData};

const REFUSALS: &[&str] = &[
    "error-staff-email",
    "error-staff-name",
    "error-staff-roles",
    "error-staff-email-taken",
    "error-staff-team",
    "error-staff-locale",
    "error-staff-action",
    "error-staff-unknown",
    "error-staff-disable-self",
];

/// The accounts page.
#[component]
pub fn AccountsPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = Resource::new(move || i18n.locale(), |locale| load_accounts(locale.code().to_owned()));
    view! {
        <Title text=move || i18n.t("accounts-title")/>
        <Meta name="robots" content="noindex"/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(data) => view! { <Accounts data/> }.into_any(),
                    Err(error) => view! { <ErrorMessage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn done_notice() -> impl Fn() -> Option<&'static str> + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || {
        query.with(|q| {
            [
                ("created", "accounts-created"),
                ("disabled", "accounts-disabled"),
                ("enabled", "accounts-enabled"),
                ("link_sent", "accounts-link-sent"),
            ]
            .into_iter()
            .find(|(key, _)| q.get(key).is_some())
            .map(|(_, id)| id)
        })
    }
}

#[component]
fn Accounts(data: AccountsData) -> impl IntoView {
    let i18n = use_i18n();
    let page = i18n.locale();
    let action = paths::staff_accounts(page);
    let error = refusal(REFUSALS);
    let notice = done_notice();
    let rows = data.accounts.into_iter().map(|account| view! { <Row account/> }).collect_view().into_any();
    let roles = Role::ALL
        .map(|role| {
            let id = format!("role-{}", role.code());
            view! {
                <div class="choice">
                    <input type="checkbox" id=id.clone() name=accounts::ROLE value=role.code()/>
                    <label for=id>{i18n.t(&format!("staff-role-{}", role.code()))}</label>
                </div>
            }
        })
        .into_iter()
        .collect_view();
    let teams = data
        .teams
        .into_iter()
        .map(|team| {
            let id = format!("team-{}", team.slug);
            view! {
                <div class="choice">
                    <input type="checkbox" id=id.clone() name=accounts::TEAM value=team.slug/>
                    <label for=id>{team.name}</label>
                </div>
            }
        })
        .collect_view();
    let languages = Locale::ALL
        .map(|l| view! { <option value=l.code() selected=l == page lang=l.code()>{l.native_name()}</option> })
        .into_iter()
        .collect_view();
    view! {
        <div class="container">
            <nav class="breadcrumbs" aria-label=i18n.t("breadcrumbs-label")>
                <ol>
                    <li><a href=paths::staff_home(page)>{i18n.t("staff-home-title")}</a></li>
                    <li aria-current="page">{i18n.t("accounts-title")}</li>
                </ol>
            </nav>
            <h1>{i18n.t("accounts-title")}</h1>
            {move || notice().map(|id| view! { <p class="notice" role="status">{i18n.t(id)}</p> })}
            {move || error().map(|code| refusal_alert(i18n, code))}
            <div class="table-scroll">
                <table class="table">
                    <caption class="visually-hidden">{i18n.t("accounts-title")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t("staff-name")}</th>
                            <th scope="col">{i18n.t("staff-roles")}</th>
                            <th scope="col">{i18n.t("accounts-teams")}</th>
                            <th scope="col">{i18n.t("accounts-state")}</th>
                            <th scope="col">{i18n.t("history-actions")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <section aria-labelledby="new-account-heading" class="narrow">
                <h2 id="new-account-heading">{i18n.t("accounts-new")}</h2>
                <p>{i18n.t("accounts-new-lead")}</p>
                <form class="form" method="post" action=action>
                    <input type="hidden" name=ACTION_FIELD value=accounts::CREATE/>
                    <div class="field">
                        <label class="field__label" for="account-email">{i18n.t("staff-email")}</label>
                        <input class="input" id="account-email" type="email" name=EMAIL_FIELD required maxlength="254" autocomplete="off"/>
                    </div>
                    <div class="field">
                        <label class="field__label" for="account-name">{i18n.t("staff-name")}</label>
                        <input class="input" id="account-name" type="text" name=accounts::NAME required maxlength="100" autocomplete="off"/>
                    </div>
                    <div class="field">
                        <label class="field__label" for="account-locale">{i18n.t("accounts-language")}</label>
                        <select class="input" id="account-locale" name=accounts::LOCALE>{languages}</select>
                    </div>
                    <fieldset class="field">
                        <legend class="field__label">{i18n.t("staff-roles")}</legend>
                        <div class="choices">{roles}</div>
                    </fieldset>
                    <fieldset class="field">
                        <legend class="field__label">{i18n.t("accounts-teams")}</legend>
                        <p class="field__hint">{i18n.t("accounts-teams-hint")}</p>
                        <div class="choices">{teams}</div>
                    </fieldset>
                    <button class="button" type="submit">{i18n.t("accounts-create")}</button>
                </form>
            </section>
            <p><a href=paths::staff_audit(page)>{i18n.t("audit-title")}</a></p>
        </div>
    }
}

#[component]
fn Row(account: AccountRow) -> impl IntoView {
    let i18n = use_i18n();
    let action = paths::staff_accounts(i18n.locale());
    let roles =
        account.roles.iter().map(|r| i18n.t(&format!("staff-role-{}", r.code()))).collect::<Vec<_>>().join(", ");
    let state = match (account.active, account.has_password) {
        (false, _) => i18n.t("accounts-state-disabled"),
        (true, false) => i18n.t("accounts-state-invited"),
        (true, true) => i18n.t("accounts-state-active"),
    };
    let (toggle, toggle_label) = if account.active {
        (accounts::DISABLE, i18n.t("accounts-disable"))
    } else {
        (accounts::ENABLE, i18n.t("accounts-enable"))
    };
    let email = account.email.clone();
    let toggle_form = (!account.is_self).then(|| {
        view! {
            <form method="post" action=action.clone()>
                <input type="hidden" name=EMAIL_FIELD value=email.clone()/>
                <button class="button button--small button--secondary" type="submit" name=ACTION_FIELD value=toggle>
                    {toggle_label}<span class="visually-hidden">": "{account.name.clone()}</span>
                </button>
            </form>
        }
    });
    view! {
        <tr>
            <th scope="row">{account.name.clone()}<span class="table__meta">{account.email.clone()}</span></th>
            <td>{roles}</td>
            <td>{account.teams.join(", ")}</td>
            <td>{state}</td>
            <td>
                {toggle_form}
                <form method="post" action=action.clone()>
                    <input type="hidden" name=EMAIL_FIELD value=account.email.clone()/>
                    <button class="button button--small button--secondary" type="submit" name=ACTION_FIELD value=accounts::SEND_LINK>
                        {i18n.t("accounts-send-link")}<span class="visually-hidden">": "{account.name.clone()}</span>
                    </button>
                </form>
            </td>
        </tr>
    }
}
