//! `/{lang}/staff/desk`: the agents' queues (one per team of theirs, and "assigned to me"), the
//! most urgent first, filtered by a plain GET form (works without JavaScript); with JavaScript
//! the list refreshes itself every minute.

use super::api::load_desk;
use crate::i18n::{I18n, use_i18n};
use crate::shared::ErrorMessage;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;
use std::time::Duration;
use tuki::Locale;
use tuki::forms::Priority;
use tuki::numbers;
use tuki::paths;
use tuki::ticket::TicketStatus;
use tuki::views::desk::MINE;
use tuki::views::desk::{DeskQueueData, DueCell, DueLevel, QueueLine};

/// The filter form's field names (also the query's).
const QUEUE: &str = "queue";
const STATUS: &str = "status";
const PRIORITY: &str = "priority";
const LOCALE: &str = "locale";
const PAGE: &str = "page";

/// The queue page.
#[component]
pub fn DeskPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filters =
        move || query.with(|q| [QUEUE, STATUS, PRIORITY, LOCALE, PAGE].map(|name| q.get(name).unwrap_or_default()));
    let data = Resource::new(
        move || (i18n.locale(), filters()),
        |(locale, [queue, status, priority, reply_locale, page])| {
            load_desk(locale.code().to_owned(), queue, status, priority, reply_locale, Some(page))
        },
    );
    view! {
        <Title text=move || i18n.t("desk-title")/>
        <Meta name="robots" content="noindex"/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(data) => view! { <LiveQueue><Queue data/></LiveQueue> }.into_any(),
                    Err(error) => view! { <ErrorMessage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The id of the element around the queue, in the page and in the page fetched again.
const LIVE_QUEUE_ID: &str = "desk-queue";

/// The queue, rendered by the server. An island: with JavaScript, the page is fetched again
/// every minute and the queue taken from it, so the list follows the desk without a reload;
/// a refresh that fails (signed out, offline) leaves the list as it was.
#[island]
fn LiveQueue(children: Children) -> impl IntoView {
    // Effects run in the browser only.
    Effect::new(move |_| {
        let handle = set_interval_with_handle(
            || {
                leptos::task::spawn_local(async {
                    refresh_queue().await;
                })
            },
            Duration::from_secs(60),
        );
        on_cleanup(move || {
            if let Ok(handle) = handle {
                handle.clear();
            }
        });
    });
    view! { <div id=LIVE_QUEUE_ID>{children()}</div> }
}

/// Fetches this page again and puts its queue in place of the one shown.
#[cfg(feature = "hydrate")]
async fn refresh_queue() -> Option<()> {
    use leptos::wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let address = window().location().href().ok()?;
    let response: web_sys::Response = JsFuture::from(window().fetch_with_str(&address)).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?).await.ok()?.as_string()?;
    let fresh = web_sys::DomParser::new().ok()?.parse_from_string(&text, web_sys::SupportedType::TextHtml).ok()?;
    let queue = fresh.get_element_by_id(LIVE_QUEUE_ID)?.inner_html();
    document().get_element_by_id(LIVE_QUEUE_ID)?.set_inner_html(&queue);
    Some(())
}

/// On the server the queue is rendered with the page.
#[cfg(not(feature = "hydrate"))]
async fn refresh_queue() -> Option<()> {
    None
}

/// One `<option>`, selected when it is the current value.
fn option(value: String, label: String, current: &str) -> impl IntoView + use<> {
    let selected = value == current;
    view! { <option value=value selected=selected>{label}</option> }
}

/// "1 234 requests": the plural chosen by the number, the number in the local format.
fn queue_count(i18n: I18n, count: i64) -> String {
    let shown = numbers::integer(i18n.locale(), count);
    i18n.t_args("desk-queue-count", &[("count", count.into()), ("shown", shown.into())])
}

/// Business minutes as hours and minutes.
pub(super) fn duration(i18n: I18n, minutes: i64) -> String {
    let minutes = minutes.abs();
    i18n.t_args("desk-minutes", &[("hours", (minutes / 60).into()), ("minutes", (minutes % 60).into())])
}

/// The class and label of a level.
pub(super) fn level_label(i18n: I18n, level: DueLevel) -> (&'static str, Option<String>) {
    match level {
        DueLevel::Calm => ("due", None),
        DueLevel::Warning => ("due due--warning", Some(i18n.t("desk-level-warning"))),
        DueLevel::Urgent => ("due due--urgent", Some(i18n.t("desk-level-urgent"))),
        DueLevel::Overdue => ("due due--overdue", Some(i18n.t("desk-level-overdue"))),
    }
}

#[component]
fn Queue(data: DeskQueueData) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let current = data.tabs.iter().find(|t| t.selected).map(|t| t.key.clone()).unwrap_or_default();
    let status = data.query.status.map(|s| s.code().to_owned()).unwrap_or_default();
    let priority = data.query.priority.map(|p| p.code().to_owned()).unwrap_or_default();
    let reply_locale = data.query.locale.map(|l| l.code().to_owned()).unwrap_or_default();
    let page_href = {
        let query = [(QUEUE, &current), (STATUS, &status), (PRIORITY, &priority), (LOCALE, &reply_locale)]
            .iter()
            .filter(|(_, value)| !value.is_empty())
            .map(|(name, value)| format!("{name}={}&", paths::encode_query_value(value)))
            .collect::<String>();
        let base = paths::staff_desk(locale);
        move |page: usize| format!("{base}?{query}{PAGE}={page}")
    };
    let tabs = data
        .tabs
        .iter()
        .map(|tab| {
            let name = if tab.key == MINE { i18n.t("desk-mine") } else { tab.name.clone() };
            let href = format!("{}?{QUEUE}={}", paths::staff_desk(locale), paths::encode_query_value(&tab.key));
            let count = queue_count(i18n, tab.count);
            view! {
                <li>
                    <a href=href aria-current=tab.selected.then_some("page")>{name}" "<span class="table__meta">"("{count}")"</span></a>
                </li>
            }
        })
        .collect_view();
    let statuses = [TicketStatus::New, TicketStatus::Open, TicketStatus::Waiting]
        .map(|s| option(s.code().to_owned(), i18n.t(&format!("desk-status-{}", s.code())), &status))
        .into_iter()
        .collect_view();
    let priorities = Priority::ALL
        .map(|p| option(p.code().to_owned(), i18n.t(&format!("desk-priority-{}", p.code())), &priority))
        .into_iter()
        .collect_view();
    let locales = Locale::ALL
        .map(|l| {
            option(l.code().to_owned(), i18n.t_args("desk-language", &[("locale", l.code().into())]), &reply_locale)
        })
        .into_iter()
        .collect_view();
    let previous = (data.query.page > 1)
        .then(|| view! { <a href=page_href(data.query.page - 1) rel="prev">{i18n.t("desk-previous")}</a> });
    let next =
        data.has_next.then(|| view! { <a href=page_href(data.query.page + 1) rel="next">{i18n.t("desk-next")}</a> });
    let total = queue_count(i18n, data.total);
    let empty = data.lines.is_empty().then(|| view! { <p>{i18n.t("desk-empty")}</p> });
    let rows = data.lines.into_iter().map(|line| view! { <Line line/> }).collect_view().into_any();
    view! {
        <section class="container" aria-labelledby="desk-heading">
            <h1 id="desk-heading">{i18n.t("desk-title")}</h1>
            <nav aria-label=i18n.t("desk-queues")>
                <ul class="tabs">{tabs}</ul>
            </nav>
            <form class="filters" method="get" action=paths::staff_desk(locale)>
                <input type="hidden" name=QUEUE value=current/>
                <div class="field">
                    <label class="field__label" for="desk-status">{i18n.t("desk-col-status")}</label>
                    <select class="input" id="desk-status" name=STATUS>
                        <option value="">{i18n.t("desk-filter-all")}</option>
                        {statuses}
                    </select>
                </div>
                <div class="field">
                    <label class="field__label" for="desk-priority">{i18n.t("desk-col-priority")}</label>
                    <select class="input" id="desk-priority" name=PRIORITY>
                        <option value="">{i18n.t("desk-filter-all")}</option>
                        {priorities}
                    </select>
                </div>
                <div class="field">
                    <label class="field__label" for="desk-locale">{i18n.t("desk-col-language")}</label>
                    <select class="input" id="desk-locale" name=LOCALE>
                        <option value="">{i18n.t("desk-filter-all")}</option>
                        {locales}
                    </select>
                </div>
                <button class="button" type="submit">{i18n.t("desk-filter-apply")}</button>
            </form>
            <p role="status">{total}" · "{i18n.t("desk-refreshes")}</p>
            {empty}
            <div class="table-scroll">
                <table class="table">
                    <caption class="visually-hidden">{i18n.t("desk-title")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t("desk-col-reference")}</th>
                            <th scope="col">{i18n.t("desk-col-subject")}</th>
                            <th scope="col">{i18n.t("desk-col-type")}</th>
                            <th scope="col">{i18n.t("desk-col-priority")}</th>
                            <th scope="col">{i18n.t("desk-col-status")}</th>
                            <th scope="col">{i18n.t("desk-col-language")}</th>
                            <th scope="col">{i18n.t("desk-col-age")}</th>
                            <th scope="col">{i18n.t("desk-col-due")}</th>
                            <th scope="col">{i18n.t("desk-col-assignee")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {(previous.is_some() || next.is_some()).then(|| view! { <nav class="pager" aria-label=i18n.t("desk-pages")>{previous}{next}</nav> })}
        </section>
    }
}

#[component]
fn Line(line: QueueLine) -> impl IntoView {
    let i18n = use_i18n();
    let href = paths::staff_desk_ticket(i18n.locale(), &line.reference);
    let age = i18n
        .t_args("desk-age", &[("days", (line.age_minutes / 1440).into()), ("hours", (line.age_minutes / 60).into())]);
    let due = match line.due {
        DueCell::Paused => view! { <span class="due">{i18n.t("desk-due-paused")}</span> }.into_any(),
        DueCell::Running { due, left_minutes, level } => {
            let (class, label) = level_label(i18n, level);
            let time = duration(i18n, left_minutes);
            let left = if left_minutes >= 0 {
                i18n.t_args("desk-due-left", &[("time", time.into())])
            } else {
                i18n.t_args("desk-due-over", &[("time", time.into())])
            };
            view! {
                <span class=class>
                    {label.map(|l| view! { <strong>{l}": "</strong> })}
                    {left}
                </span>
                <span class="table__meta">{due}</span>
            }
            .into_any()
        }
    };
    view! {
        <tr>
            <th scope="row"><a href=href>{line.reference.to_string()}</a></th>
            <td>{line.subject}</td>
            <td>{line.request_type}</td>
            <td>{i18n.t(&format!("desk-priority-{}", line.priority.code()))}</td>
            <td>{i18n.t(&format!("desk-status-{}", line.status.code()))}</td>
            <td>{i18n.t_args("desk-language", &[("locale", line.locale.code().into())])}</td>
            <td>{age}</td>
            <td>{due}</td>
            <td>{line.assignee.unwrap_or_default()}</td>
        </tr>
    }
}
