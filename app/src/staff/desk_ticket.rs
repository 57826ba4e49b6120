//! `/{lang}/staff/desk/{reference}`: one ticket on the desk — the customer's answers labelled in
//! the agent's language, contact details, what the customer was shown and opened, the full
//! history with internal notes, the two service-level clocks with why each falls due when it
//! does, and the actions. Every action is a plain form posting to the server (`http::desk`);
//! a reply template is inserted by a GET form (`?template=ID`) and then edited.

use super::api::load_desk_ticket;
use super::desk::{duration, level_label};
use super::{refusal, refusal_alert};
use crate::components::textarea_text;
use crate::i18n::{I18n, use_i18n};
use crate::shared::{loaded, route_locale};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};
use tuki::forms::Priority;
use tuki::paths::{self, ACTION_FIELD, desk_action as act};
use tuki::ticket::TicketStatus;
use tuki::views::desk::{ClockLine, DeskTicketData, HistoryLine};

/// The refusals a desk post answers with.
const REFUSALS: &[&str] = &[
    "error-desk-changed",
    "error-desk-closed",
    "error-desk-status",
    "error-desk-agent",
    "error-desk-team",
    "error-desk-unchanged",
    "error-desk-message-empty",
    "error-desk-message-long",
    "error-desk-merge",
    "error-editor-action",
];

/// The ticket page.
#[component]
pub fn DeskTicketPage() -> impl IntoView {
    let locale = route_locale();
    let params = use_params_map();
    let data = Resource::new(
        move || (locale.get(), params.with(|p| p.get("reference").unwrap_or_default())),
        |(locale, reference)| async move {
            match locale {
                Some(locale) => load_desk_ticket(locale.code().to_owned(), reference).await,
                None => Ok(None),
            }
        },
    );
    view! {
        <Meta name="robots" content="noindex"/>
        {loaded(data, |data| view! { <Ticket data/> })}
    }
}

/// A hidden action field and a submit button, in a form posting to `page`.
fn action_form(page: &str, action: &'static str, label: String, fields: AnyView) -> impl IntoView + use<> {
    view! {
        <form class="desk-action" method="post" action=page.to_owned()>
            <input type="hidden" name=ACTION_FIELD value=action/>
            {fields}
            <button class="button button--secondary" type="submit">{label}</button>
        </form>
    }
}

/// A labelled `<select>` of `(value, label)` pairs with `current` selected.
fn select(
    id: &'static str,
    name: &'static str,
    label: String,
    options: Vec<(String, String)>,
    current: &str,
) -> AnyView {
    let options = options
        .into_iter()
        .map(|(value, text)| {
            let selected = value == current;
            view! { <option value=value selected=selected>{text}</option> }
        })
        .collect_view();
    view! {
        <label class="field__label" for=id>{label}</label>
        <select class="input" id=id name=name>{options}</select>
    }
    .into_any()
}

#[component]
fn Ticket(data: DeskTicketData) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let page = paths::staff_desk_ticket(locale, &data.reference);
    let error = refusal(REFUSALS);
    let query = use_query_map();
    let done = move || query.with(|q| q.get("done").is_some());
    let chosen_template = query.with_untracked(|q| q.get(act::TEMPLATE)).and_then(|t| t.parse::<i64>().ok());
    let reply_text = chosen_template
        .and_then(|id| data.templates.iter().find(|t| t.id == id))
        .map(|t| t.body.clone())
        .unwrap_or_default();
    let status_label = |s: TicketStatus| i18n.t(&format!("desk-status-{}", s.code()));
    let title = i18n.t_args("desk-ticket-title", &[("reference", data.reference.to_string().into())]);
    let team_name = data.teams.iter().find(|(slug, _)| *slug == data.team).map(|(_, n)| n.clone()).unwrap_or_default();
    let agent_name = data
        .assignee
        .and_then(|id| data.agents.iter().find(|(a, _)| *a == id))
        .map_or_else(|| i18n.t("desk-nobody"), |(_, n)| n.clone());
    let merged = data.merged_into.clone().map(|r| {
        view! { <p class="notice">{i18n.t_args("desk-merged-into", &[("reference", r.to_string().into())])}</p> }
    });
    let clocks = data.clocks.iter().cloned().map(|clock| clock_view(i18n, clock)).collect_view().into_any();
    let answers = data
        .answers
        .iter()
        .map(|row| {
            view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{row.question.clone()}</dt>
                    <dd class="summary-list__value">{row.answer.clone()}</dd>
                </div>
            }
        })
        .collect_view();
    let shown = if data.shown.is_empty() {
        view! { <p>{i18n.t("desk-shown-none")}</p> }.into_any()
    } else {
        let items = data
            .shown
            .iter()
            .map(|d| {
                let opened = i18n.t(if d.opened { "desk-opened" } else { "desk-not-opened" });
                view! { <li><a href=d.href.clone()>{d.title.clone()}</a>" · "{opened}</li> }
            })
            .collect_view();
        view! { <ul class="plain-list">{items}</ul> }.into_any()
    };
    let history = if data.history.is_empty() {
        view! { <p>{i18n.t("desk-history-empty")}</p> }.into_any()
    } else {
        let items = data.history.iter().cloned().map(|h| history_view(i18n, h)).collect_view();
        view! { <ol class="history">{items}</ol> }.into_any()
    };
    let open = data.status != TicketStatus::Closed;
    let take = (open && !data.mine).then(|| action_form(&page, act::TAKE, i18n.t("desk-take"), ().into_any()));
    let mut agent_options = vec![(String::new(), i18n.t("desk-nobody"))];
    agent_options.extend(data.agents.iter().map(|(id, name)| (id.to_string(), name.clone())));
    let current_agent = data.assignee.map(|a| a.to_string()).unwrap_or_default();
    let assign = action_form(
        &page,
        act::ASSIGN,
        i18n.t("desk-save"),
        select("desk-assignee", act::ASSIGNEE, i18n.t("desk-assign"), agent_options, &current_agent),
    );
    let teams = action_form(
        &page,
        act::TEAM,
        i18n.t("desk-save"),
        select("desk-team", act::TEAM_FIELD, i18n.t("desk-move-team"), data.teams.clone(), &data.team),
    );
    let priorities =
        Priority::ALL.map(|p| (p.code().to_owned(), i18n.t(&format!("desk-priority-{}", p.code())))).to_vec();
    let priority = action_form(
        &page,
        act::PRIORITY,
        i18n.t("desk-save"),
        select("desk-priority", act::PRIORITY_FIELD, i18n.t("desk-set-priority"), priorities, data.priority.code()),
    );
    let next: Vec<(String, String)> =
        data.next_statuses.iter().map(|s| (s.code().to_owned(), status_label(*s))).collect();
    let status = (!next.is_empty()).then(|| {
        action_form(
            &page,
            act::STATUS,
            i18n.t("desk-save"),
            select("desk-status", act::STATUS_FIELD, i18n.t("desk-set-status"), next, ""),
        )
    });
    let mut after_reply = vec![(data.status.code().to_owned(), status_label(data.status))];
    after_reply.extend(
        [TicketStatus::Waiting, TicketStatus::Open, TicketStatus::Resolved]
            .into_iter()
            .filter(|s| data.next_statuses.contains(s))
            .map(|s| (s.code().to_owned(), status_label(s))),
    );
    let default_after =
        if data.next_statuses.contains(&TicketStatus::Waiting) { "waiting" } else { data.status.code() };
    let templates = (!data.templates.is_empty()).then(|| {
        let mut options = vec![(String::new(), i18n.t("desk-no-template"))];
        options.extend(data.templates.iter().map(|t| (t.id.to_string(), t.title.clone())));
        let current = chosen_template.map(|t| t.to_string()).unwrap_or_default();
        view! {
            <form class="desk-action" method="get" action=page.clone()>
                {select("desk-template", act::TEMPLATE, i18n.t("desk-template"), options, &current)}
                <button class="button button--secondary" type="submit">{i18n.t("desk-insert-template")}</button>
            </form>
        }
    });
    let reply = open.then(|| {
        view! {
            <form class="desk-reply" method="post" action=page.clone()>
                <input type="hidden" name=ACTION_FIELD value=act::REPLY/>
                <label class="field__label" for="desk-reply-body">{i18n.t("desk-reply")}</label>
                <p class="field__hint" id="desk-reply-hint">{i18n.t("desk-reply-hint")}</p>
                <textarea class="input" id="desk-reply-body" name=act::BODY rows="8" maxlength="10000" required
                    aria-describedby="desk-reply-hint">{textarea_text(&reply_text)}</textarea>
                {select("desk-reply-then", act::STATUS_FIELD, i18n.t("desk-reply-then"), after_reply, default_after)}
                <button class="button" type="submit">{i18n.t("desk-send-reply")}</button>
            </form>
        }
    });
    let merge = open.then(|| {
        view! {
            <form class="desk-action" method="post" action=page.clone()>
                <input type="hidden" name=ACTION_FIELD value=act::MERGE/>
                <label class="field__label" for="desk-merge-into">{i18n.t("desk-merge-into")}</label>
                <input class="input" id="desk-merge-into" name=act::INTO type="text" maxlength="24" required
                    pattern="TK-[0-9]{4}-[0-9]{6,12}" placeholder="TK-2026-000123"/>
                <button class="button button--secondary" type="submit">{i18n.t("desk-merge-button")}</button>
            </form>
        }
    });
    view! {
        <Title text=title.clone()/>
        <section class="container" aria-labelledby="desk-ticket-heading">
            <p><a href=paths::staff_desk(locale)>{i18n.t("desk-back")}</a></p>
            <h1 id="desk-ticket-heading">{title}</h1>
            {move || done().then(|| view! { <p class="notice" role="status">{i18n.t("desk-done")}</p> })}
            {move || error().map(|code| refusal_alert(i18n, code))}
            {merged}
            <dl class="summary-list">
                <div class="summary-list__row">
                    <dt class="summary-list__key">{i18n.t("desk-col-type")}</dt>
                    <dd class="summary-list__value">{data.request_type.clone()}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">{i18n.t("desk-col-status")}</dt>
                    <dd class="summary-list__value">{status_label(data.status)}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">{i18n.t("desk-col-priority")}</dt>
                    <dd class="summary-list__value">{i18n.t(&format!("desk-priority-{}", data.priority.code()))}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">{i18n.t("desk-team")}</dt>
                    <dd class="summary-list__value">{team_name}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">{i18n.t("desk-assignee")}</dt>
                    <dd class="summary-list__value">{agent_name}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">{i18n.t("desk-sent")}</dt>
                    <dd class="summary-list__value">{data.sent.clone()}</dd>
                </div>
            </dl>
            <section aria-labelledby="desk-clocks-heading">
                <h2 id="desk-clocks-heading">{i18n.t("desk-clocks")}</h2>
                {clocks}
            </section>
            <section aria-labelledby="desk-customer-heading">
                <h2 id="desk-customer-heading">{i18n.t("desk-customer")}</h2>
                <dl class="summary-list">
                    <div class="summary-list__row">
                        <dt class="summary-list__key">{i18n.t("desk-contact-name")}</dt>
                        <dd class="summary-list__value">{data.contact_name.clone()}</dd>
                    </div>
                    <div class="summary-list__row">
                        <dt class="summary-list__key">{i18n.t("desk-contact-email")}</dt>
                        <dd class="summary-list__value">{data.contact_email.clone()}</dd>
                    </div>
                    <div class="summary-list__row">
                        <dt class="summary-list__key">{i18n.t("desk-contact-phone")}</dt>
                        <dd class="summary-list__value">{data.contact_phone.clone().unwrap_or_default()}</dd>
                    </div>
                    <div class="summary-list__row">
                        <dt class="summary-list__key">{i18n.t("desk-reply-language")}</dt>
                        <dd class="summary-list__value">{i18n.t_args("desk-language", &[("locale", data.reply_locale.code().into())])}</dd>
                    </div>
                </dl>
                <h3>{i18n.t("desk-answers")}</h3>
                <dl class="summary-list">{answers}</dl>
                <h3>{i18n.t("desk-description")}</h3>
                <p class="message-body">{data.description.clone()}</p>
                <h3>{i18n.t("desk-shown")}</h3>
                {shown}
            </section>
            <section aria-labelledby="desk-history-heading">
                <h2 id="desk-history-heading">{i18n.t("desk-history")}</h2>
                {history}
            </section>
            <section aria-labelledby="desk-actions-heading">
                <h2 id="desk-actions-heading">{i18n.t("desk-actions")}</h2>
                {take}
                {templates}
                {reply}
                <form class="desk-reply" method="post" action=page.clone()>
                    <input type="hidden" name=ACTION_FIELD value=act::NOTE/>
                    <label class="field__label" for="desk-note-body">{i18n.t("desk-note")}</label>
                    <p class="field__hint" id="desk-note-hint">{i18n.t("desk-note-hint")}</p>
                    <textarea class="input" id="desk-note-body" name=act::BODY rows="4" maxlength="10000" required
                        aria-describedby="desk-note-hint"></textarea>
                    <button class="button button--secondary" type="submit">{i18n.t("desk-add-note")}</button>
                </form>
                {open.then(|| view! { {assign}{teams}{priority}{status} })}
                {merge.map(|m| view! { <h3>{i18n.t("desk-merge")}</h3>{m} })}
            </section>
        </section>
    }
    .into_any()
}

fn clock_view(i18n: I18n, clock: ClockLine) -> impl IntoView + use<> {
    let state = match clock.state.as_str() {
        "running" => i18n.t_args("desk-clock-running", &[("due", clock.due.clone().unwrap_or_default().into())]),
        "met" => i18n.t_args("desk-clock-met", &[("at", clock.reached.clone().unwrap_or_default().into())]),
        "missed" => i18n.t_args(
            "desk-clock-missed",
            &[
                ("due", clock.due.clone().unwrap_or_default().into()),
                ("at", clock.reached.clone().unwrap_or_default().into()),
            ],
        ),
        _ => i18n.t("desk-clock-paused"),
    };
    let (class, level) = clock.level.map_or(("due", None), |l| level_label(i18n, l));
    let why = clock.why;
    let mut reasons = vec![
        i18n.t_args("desk-why-start", &[("start", why.start.into())]),
        i18n.t_args(
            "desk-why-budget",
            &[("time", duration(i18n, i64::from(why.budget_minutes)).into()), ("zone", why.zone.into())],
        ),
    ];
    for (from, until) in why.pauses {
        reasons.push(match until {
            Some(until) => i18n.t_args("desk-why-pause", &[("from", from.into()), ("until", until.into())]),
            None => i18n.t_args("desk-why-pause-open", &[("from", from.into())]),
        });
    }
    for (date, holiday) in why.holidays {
        let name = i18n.t(&format!("sla-holiday-{}", holiday.code()));
        reasons.push(i18n.t_args("desk-why-holiday", &[("date", date.into()), ("holiday", name.into())]));
    }
    for date in why.closed {
        reasons.push(i18n.t_args("desk-why-closed", &[("date", date.into())]));
    }
    if why.days_without_hours > 0 {
        reasons.push(i18n.t_args("desk-why-days-off", &[("days", i64::from(why.days_without_hours).into())]));
    }
    let reasons = reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view();
    view! {
        <div class="clock">
            <h3>{i18n.t(&format!("desk-target-{}", clock.target))}</h3>
            <p class=class>{level.map(|l| view! { <strong>{l}": "</strong> })}{state}</p>
            <details>
                <summary>{i18n.t("desk-why")}</summary>
                <ul>{reasons}</ul>
            </details>
        </div>
    }
}

fn history_view(i18n: I18n, entry: HistoryLine) -> impl IntoView + use<> {
    let who = entry.staff.clone().unwrap_or_else(|| i18n.t("desk-by-customer"));
    let event = entry.event.map(|(event, value)| match event.as_str() {
        "assigned" if value.is_empty() => i18n.t("desk-event-unassigned"),
        "priority" => {
            let name = i18n.t(&format!("desk-priority-{value}"));
            i18n.t_args("desk-event-priority", &[("value", name.into())])
        }
        "sla" => {
            let (target, kind) = value.split_once(':').unwrap_or_default();
            let target = i18n.t(&format!("sla-target-{target}"));
            match kind.strip_prefix("warning-").and_then(|p| p.parse::<i64>().ok()) {
                Some(percent) => {
                    i18n.t_args("desk-event-sla-warning", &[("target", target.into()), ("percent", percent.into())])
                }
                None => i18n.t_args("desk-event-sla-breach", &[("target", target.into())]),
            }
        }
        other => i18n.t_args(&format!("desk-event-{other}"), &[("value", value.into())]),
    });
    let status = entry
        .new_status
        .map(|s| i18n.t_args("desk-event-status", &[("status", i18n.t(&format!("desk-status-{}", s.code())).into())]));
    let class = if entry.internal { "history__entry history__entry--internal" } else { "history__entry" };
    view! {
        <li class=class>
            <p class="table__meta">
                {who}" · "{entry.at}
                {entry.internal.then(|| view! { " · "<strong>{i18n.t("desk-internal")}</strong> })}
            </p>
            {event.map(|e| view! { <p>{e}</p> })}
            {status.map(|s| view! { <p>{s}</p> })}
            {entry.body.map(|b| view! { <p class="message-body">{b}</p> })}
        </li>
    }
}
