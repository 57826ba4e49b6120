//! `/{lang}/tickets/{reference}?token=…`: the customer's private view of a ticket, reached from
//! the link in the confirmation mail. A wrong or missing token is a plain 404.

use super::api::ticket_status;
use crate::i18n::use_i18n;
use crate::shared::loaded;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};
use tuki::paths;

/// The status page of one ticket.
#[component]
pub fn TicketStatusPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let reference = move || params.with(|p| p.get("reference").unwrap_or_default());
    let token = move || query.with(|q| q.get(paths::TOKEN_FIELD).unwrap_or_default());
    let data = Resource::new(
        move || (i18n.locale(), reference(), token()),
        |(locale, reference, token)| ticket_status(locale.code().to_owned(), reference, token),
    );
    view! {
        // The address holds the customer's private token: never sent on to other sites.
        <Meta name="referrer" content="no-referrer"/>
        <Meta name="robots" content="noindex"/>
        {loaded(data, move |ticket| {
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
            let messages = ticket
                .messages
                .into_iter()
                .map(|m| {
                    let who = if m.from_customer { i18n.t("ticket-from-you") } else { i18n.t("ticket-from-desk") };
                    let change = m.new_status.map(|s| {
                        let text = i18n.t(&format!("ticket-status-{s}"));
                        view! { <p class="message__status">{i18n.t("ticket-status")}": "{text}</p> }
                    });
                    view! {
                        <li class="message">
                            <p class="message__meta">{who}" · "{m.at}</p>
                            {m.body.map(|b| view! { <p class="message__body">{b}</p> })}
                            {change}
                        </li>
                    }
                })
                .collect_view();
            let action = tuki::paths::ticket_href(i18n.locale(), &ticket.reference);
            let updated = query.with_untracked(|q| q.get("updated").is_some());
            let update_error = query.with_untracked(|q| q.get("update_error").is_some());
            let closed = ticket.status.is_finished();
            view! {
                <Title text=ticket.reference.to_string()/>
                <div class="container narrow">
                    <p class="form-page__caption">{ticket.form_title}</p>
                    <h1>{ticket.reference.to_string()}</h1>
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
                    <section id="conversation" aria-labelledby="conversation-heading">
                        <h2 id="conversation-heading">{i18n.t("ticket-conversation")}</h2>
                        <ol class="messages">{messages}</ol>
                        {updated.then(|| view! { <p class="vote__thanks" role="status">{i18n.t("ticket-updated")}</p> })}
                        {update_error.then(|| view! { <p class="form-error" role="alert">{i18n.t("ticket-update-error")}</p> })}
                        <form method="post" action=action>
                            <input type="hidden" name=paths::TOKEN_FIELD value=token()/>
                            <div class="field">
                                <label class="field__label" for="ticket-message">{i18n.t("ticket-add-label")}</label>
                                <textarea id="ticket-message" name=paths::MESSAGE_FIELD rows="5" maxlength=paths::MAX_MESSAGE_CHARS></textarea>
                            </div>
                            <div class="vote__buttons">
                                <button class="button" type="submit" name=paths::ACTION_FIELD value="send">{i18n.t("ticket-add-send")}</button>
                                {(!closed).then(|| view! {
                                    <button class="button button--secondary" type="submit" name=paths::ACTION_FIELD value=paths::SOLVED>{i18n.t("ticket-mark-solved")}</button>
                                })}
                            </div>
                        </form>
                    </section>
                </div>
            }
            .into_any()
        })}
    }
}
