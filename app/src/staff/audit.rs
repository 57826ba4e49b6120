//! `/{lang}/staff/audit`: the audit log for admins, newest first: who did what to which object,
//! and when.

use super::api::load_audit;
use crate::i18n::use_i18n;
use crate::shared::ErrorMessage;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use tuki::paths;
use tuki::views::staff::AuditRow;

/// The audit log page.
#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = Resource::new(|| (), |()| load_audit());
    view! {
        <Title text=move || i18n.t("audit-title")/>
        <Meta name="robots" content="noindex"/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(entries) => view! { <Audit entries/> }.into_any(),
                    Err(error) => view! { <ErrorMessage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Audit(entries: Vec<AuditRow>) -> impl IntoView {
    let i18n = use_i18n();
    let page = i18n.locale();
    let rows = entries
        .into_iter()
        .map(|entry| {
            view! {
                <tr>
                    <td>{entry.at.format_for(page)}</td>
                    <td>{entry.who.unwrap_or_else(|| i18n.t("audit-command-line"))}</td>
                    <td><code>{entry.action}</code></td>
                    <td><code>{entry.object}</code></td>
                </tr>
            }
        })
        .collect_view()
        .into_any();
    view! {
        <div class="container">
            <nav class="breadcrumbs" aria-label=i18n.t("breadcrumbs-label")>
                <ol>
                    <li><a href=paths::staff_home(page)>{i18n.t("staff-home-title")}</a></li>
                    <li><a href=paths::staff_accounts(page)>{i18n.t("accounts-title")}</a></li>
                    <li aria-current="page">{i18n.t("audit-title")}</li>
                </ol>
            </nav>
            <h1>{i18n.t("audit-title")}</h1>
            <p>{i18n.t("audit-lead")}</p>
            <div class="table-scroll">
                <table class="table">
                    <caption class="visually-hidden">{i18n.t("audit-title")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t("audit-when")}</th>
                            <th scope="col">{i18n.t("audit-who")}</th>
                            <th scope="col">{i18n.t("audit-what")}</th>
                            <th scope="col">{i18n.t("audit-object")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </div>
    }
}
