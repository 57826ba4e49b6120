//! `/{lang}/tickets/{reference}?token=…`: the customer's private view of a ticket, reached from
//! the link in the confirmation mail. A wrong or missing token is a plain 404.

use super::NotFound;
use crate::help_api::ticket_status;
use crate::i18n::use_i18n;
use crate::pages::search::ErrorMessage;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

/// The status page of one ticket.
#[component]
pub fn TicketStatusPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let reference = move || params.with(|p| p.get("reference").unwrap_or_default());
    let token = move || query.with(|q| q.get("token").unwrap_or_default());
    let data = Resource::new(
        move || (i18n.locale(), reference(), token()),
        |(locale, reference, token)| ticket_status(locale.code().to_owned(), reference, token),
    );
    view! {
        // The address holds the customer's private token: never sent on to other sites.
        <Meta name="referrer" content="no-referrer"/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(Some(ticket)) => {
                        let rows = ticket
                            .rows
                            .into_iter()
                            .map(|row| view! {
                                <div class="summary-list__row">
                                    <dt class="summary-list__key">{row.question}</dt>
                                    <dd class="summary-list__value">{row.answer}</dd>
                                </div>
                            })
                            .collect_view();
                        let status = i18n.t(&format!("ticket-status-{}", ticket.status));
                        view! {
                            <Title text=ticket.reference.clone()/>
                            <div class="container narrow">
                                <p class="form-page__caption">{ticket.form_title}</p>
                                <h1>{ticket.reference.clone()}</h1>
                                <dl class="summary-list">
                                    <div class="summary-list__row">
                                        <dt class="summary-list__key">{i18n.t("ticket-status")}</dt>
                                        <dd class="summary-list__value"><strong class="tag">{status}</strong></dd>
                                    </div>
                                    <div class="summary-list__row">
                                        <dt class="summary-list__key">{i18n.t("ticket-sent-on")}</dt>
                                        <dd class="summary-list__value">{ticket.sent_on}</dd>
                                    </div>
                                    {rows}
                                    <div class="summary-list__row">
                                        <dt class="summary-list__key">{i18n.t("contact-description")}</dt>
                                        <dd class="summary-list__value">{ticket.description}</dd>
                                    </div>
                                </dl>
                            </div>
                        }
                        .into_any()
                    }
                    Ok(None) => view! { <NotFound/> }.into_any(),
                    Err(error) => view! { <ErrorMessage error=error.to_string()/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
