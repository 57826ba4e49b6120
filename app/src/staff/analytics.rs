//! `/{lang}/staff/analytics`: what customers searched and found, which documents helped, and
//! how the guided forms deflected, over a chosen period. Charts are SVG drawn on the server with
//! the numbers in a table beside them; every table downloads as CSV. Works without JavaScript.

use super::api::load_analytics;
use super::refusal_alert;
use crate::i18n::{I18n, use_i18n};
use crate::shared::ErrorMessage;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;
use tuki::numbers;
use tuki::paths;
use tuki::views::analytics::{AnalyticsData, QueryRow, Table, bar_chart};

/// The analytics page.
#[component]
pub fn AnalyticsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let data = Resource::new(
        move || (i18n.locale(), query.with(|q| (q.get("from").unwrap_or_default(), q.get("to").unwrap_or_default()))),
        |(locale, (from, to))| load_analytics(locale.code().to_owned(), from, to),
    );
    view! {
        <Title text=move || i18n.t("analytics-title")/>
        <Meta name="robots" content="noindex"/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(data) => view! { <Analytics data/> }.into_any(),
                    Err(e) if crate::shared::error_code(&e) == "error-analytics-period" => {
                        crate::shared::status::set_status(400);
                        view! {
                        <div class="container">
                            <h1>{i18n.t("analytics-title")}</h1>
                            {refusal_alert(i18n, "error-analytics-period".to_owned())}
                            <p><a href=paths::staff_analytics(i18n.locale())>{i18n.t("analytics-default-period")}</a></p>
                        </div>
                        }
                        .into_any()
                    }
                    Err(error) => view! { <ErrorMessage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The answers learned from use: which search, which answer, how strongly confirmed.
fn learned_table(i18n: I18n, rows: &[tuki::views::analytics::LearnedRow]) -> AnyView {
    let page = i18n.locale();
    if rows.is_empty() {
        return view! { <p>{i18n.t("analytics-none")}</p> }.into_any();
    }
    let body = rows
        .iter()
        .map(|r| {
            let href = paths::document_href(page, r.kind, &r.slug);
            let state = if r.promoted { "analytics-learned-promoted" } else { "analytics-learned-gathering" };
            view! {
                <tr>
                    <th scope="row" lang=r.locale.code()>{r.query.clone()}</th>
                    <td>{r.locale.code().to_uppercase()}</td>
                    <td><a href=href>{r.title.clone()}</a></td>
                    <td class="number">{numbers::tenths(page, r.evidence_tenths)}</td>
                    <td>{i18n.t(state)}</td>
                    <td>{r.confirmed_on.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="table">
                <caption class="visually-hidden">{i18n.t("analytics-learned")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("analytics-query")}</th>
                        <th scope="col">{i18n.t("workspace-language")}</th>
                        <th scope="col">{i18n.t("analytics-learned-answer")}</th>
                        <th scope="col" class="number">{i18n.t("analytics-learned-evidence")}</th>
                        <th scope="col">{i18n.t("analytics-learned-state")}</th>
                        <th scope="col">{i18n.t("analytics-learned-confirmed")}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// A section's heading, its CSV link and its content.
fn section(i18n: I18n, id: &'static str, table: Table, data: &AnalyticsData, body: AnyView) -> AnyView {
    let csv = paths::staff_analytics_csv(i18n.locale(), table.code(), &data.from, &data.to);
    let heading = format!("{id}-heading");
    view! {
        <section class="analytics__section" aria-labelledby=heading.clone()>
            <h2 id=heading.clone()>{i18n.t(id)}</h2>
            {body}
            <p><a href=csv download="">{i18n.t("analytics-csv")}<span class="visually-hidden">": "{i18n.t(id)}</span></a></p>
        </section>
    }
    .into_any()
}

fn query_table(i18n: I18n, rows: &[QueryRow], caption: &'static str, write_link: bool) -> AnyView {
    let page = i18n.locale();
    if rows.is_empty() {
        return view! { <p>{i18n.t("analytics-none")}</p> }.into_any();
    }
    let body = rows
        .iter()
        .map(|r| {
            let write = write_link.then(|| {
                let href = format!("{}?title={}", paths::staff_new_document(page), paths::encode_query_value(&r.query));
                view! { <a href=href>{i18n.t("analytics-write-article")}<span class="visually-hidden">": "{r.query.clone()}</span></a> }
            });
            view! {
                <tr>
                    <th scope="row" lang=r.locale.code()>{r.query.clone()}</th>
                    <td>{r.locale.code().to_uppercase()}</td>
                    <td class="number">{numbers::integer(page, r.searches)}</td>
                    <td class="number">{numbers::integer(page, r.opened)}</td>
                    <td>{write}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="table">
                <caption class="visually-hidden">{i18n.t(caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("analytics-query")}</th>
                        <th scope="col">{i18n.t("workspace-language")}</th>
                        <th scope="col" class="number">{i18n.t("analytics-searches")}</th>
                        <th scope="col" class="number">{i18n.t("analytics-opened")}</th>
                        <th scope="col"><span class="visually-hidden">{i18n.t("history-actions")}</span></th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn Analytics(data: AnalyticsData) -> impl IntoView {
    let i18n = use_i18n();
    let page = i18n.locale();
    let share = |part: i64| {
        if data.searches > 0 { numbers::percent(page, part as f64 / data.searches as f64) } else { "–".to_owned() }
    };
    let summary = i18n.t_args(
        "analytics-summary",
        &[
            ("searches", data.searches.into()),
            ("found", share(data.with_results).into()),
            ("opened", share(data.opened).into()),
        ],
    );
    let top_bars: Vec<(String, f64)> =
        data.top_searches.iter().take(10).map(|r| (r.query.clone(), r.searches as f64)).collect();
    let top_chart = (!top_bars.is_empty()).then(|| {
        let svg = bar_chart(&i18n.t("analytics-top-chart"), "analytics-top-searches-heading", &top_bars, |v| {
            numbers::integer(page, v as i64)
        });
        view! { <div class="chart-box" inner_html=svg></div> }
    });
    let top = view! {
        {top_chart}
        {query_table(i18n, &data.top_searches, "analytics-top-searches", false)}
    }
    .into_any();
    let documents = if data.documents.is_empty() {
        view! { <p>{i18n.t("analytics-none")}</p> }.into_any()
    } else {
        let rows = data
            .documents
            .iter()
            .map(|d| {
                let href = paths::document_href(page, d.kind, &d.slug);
                view! {
                    <tr>
                        <th scope="row"><a href=href>{d.title.clone()}</a></th>
                        <td class="number">{numbers::integer(page, d.opened_from_search)}</td>
                        <td class="number">{numbers::integer(page, d.helpful)}</td>
                        <td class="number">{numbers::integer(page, d.not_helpful)}</td>
                        <td class="number">{numbers::integer(page, d.comments)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-scroll">
                <table class="table">
                    <caption class="visually-hidden">{i18n.t("analytics-documents")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t("workspace-document")}</th>
                            <th scope="col" class="number">{i18n.t("analytics-opened-from-search")}</th>
                            <th scope="col" class="number">{i18n.t("analytics-helpful")}</th>
                            <th scope="col" class="number">{i18n.t("analytics-not-helpful")}</th>
                            <th scope="col" class="number">{i18n.t("analytics-comments")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let learned = learned_table(i18n, &data.learned);
    let funnel = if data.funnel.is_empty() {
        view! { <p>{i18n.t("analytics-none")}</p> }.into_any()
    } else {
        let bars: Vec<(String, f64)> = data
            .funnel
            .iter()
            .filter_map(|f| Some((format!("{} ({})", f.form, f.locale.code()), f.deflection?)))
            .collect();
        let svg = bar_chart(&i18n.t("analytics-deflection-chart"), "analytics-guided-forms-heading", &bars, |v| {
            numbers::percent(page, v)
        });
        let rows = data
            .funnel
            .iter()
            .map(|f| {
                view! {
                    <tr>
                        <th scope="row">{f.form.clone()}</th>
                        <td>{f.locale.code().to_uppercase()}</td>
                        <td class="number">{numbers::integer(page, f.started)}</td>
                        <td class="number">{numbers::integer(page, f.saw_suggestions)}</td>
                        <td class="number">{numbers::integer(page, f.opened)}</td>
                        <td class="number">{numbers::integer(page, f.solved)}</td>
                        <td class="number">{numbers::integer(page, f.tickets)}</td>
                        <td class="number">{f.deflection.map_or_else(|| "–".to_owned(), |d| numbers::percent(page, d))}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="chart-box" inner_html=svg></div>
            <div class="table-scroll">
                <table class="table">
                    <caption class="visually-hidden">{i18n.t("analytics-guided-forms")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t("analytics-request-type")}</th>
                            <th scope="col">{i18n.t("workspace-language")}</th>
                            <th scope="col" class="number">{i18n.t("analytics-started")}</th>
                            <th scope="col" class="number">{i18n.t("analytics-saw-suggestions")}</th>
                            <th scope="col" class="number">{i18n.t("analytics-opened-suggestion")}</th>
                            <th scope="col" class="number">{i18n.t("analytics-solved")}</th>
                            <th scope="col" class="number">{i18n.t("analytics-tickets")}</th>
                            <th scope="col" class="number">{i18n.t("analytics-deflection")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let sections = [
        section(i18n, "analytics-top-searches", Table::TopSearches, &data, top),
        section(
            i18n,
            "analytics-without-results",
            Table::WithoutResults,
            &data,
            query_table(i18n, &data.without_results, "analytics-without-results", true),
        ),
        section(
            i18n,
            "analytics-nothing-opened",
            Table::NothingOpened,
            &data,
            query_table(i18n, &data.nothing_opened, "analytics-nothing-opened", true),
        ),
        section(i18n, "analytics-documents", Table::Documents, &data, documents),
        section(i18n, "analytics-guided-forms", Table::Funnel, &data, funnel),
        view! {
            <section class="analytics__section" aria-labelledby="analytics-learned-heading">
                <h2 id="analytics-learned-heading">{i18n.t("analytics-learned")}</h2>
                <p>{i18n.t("analytics-learned-intro")}</p>
                {learned}
            </section>
        }
        .into_any(),
    ];
    view! {
        <div class="container">
            <nav class="breadcrumbs" aria-label=i18n.t("breadcrumbs-label")>
                <ol>
                    <li><a href=paths::staff_content(page)>{i18n.t("workspace-title")}</a></li>
                    <li aria-current="page">{i18n.t("analytics-title")}</li>
                </ol>
            </nav>
            <h1>{i18n.t("analytics-title")}</h1>
            <form class="filters" method="get" action=paths::staff_analytics(page)>
                <div class="field">
                    <label class="field__label" for="analytics-from">{i18n.t("analytics-from")}</label>
                    <input class="input" type="date" id="analytics-from" name="from" value=data.from.clone() required/>
                </div>
                <div class="field">
                    <label class="field__label" for="analytics-to">{i18n.t("analytics-to")}</label>
                    <input class="input" type="date" id="analytics-to" name="to" value=data.to.clone() required/>
                </div>
                <button class="button" type="submit">{i18n.t("analytics-show")}</button>
            </form>
            <p class="analytics__summary">{summary}</p>
            {sections.into_iter().collect_view()}
        </div>
    }
}
