//! `/{lang}/staff/content/{kind}/{slug}/{locale}/history`: every revision of a text (who, when,
//! how big a change, the note), the difference between any two (a plain GET form), and
//! restoring an old revision as a new draft (a post to the editor).

use super::api::load_history;
use crate::i18n::use_i18n;
use crate::shared::{loaded, route_locale};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};
use tuki::paths::{self, ACTION_FIELD, editor};
use tuki::views::editing::{DiffView, HistoryData, LineChange, RevisionRow};

/// The history page.
#[component]
pub fn HistoryPage() -> impl IntoView {
    let locale = route_locale();
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            let (kind, slug, text) = params.with(|p| {
                (
                    p.get("kind").unwrap_or_default(),
                    p.get("slug").unwrap_or_default(),
                    p.get("text").unwrap_or_default(),
                )
            });
            (locale.get(), kind, slug, text, query.with(|q| (q.get("from"), q.get("to"))))
        },
        |(locale, kind, slug, text, (from, to))| async move {
            match locale {
                Some(_) => load_history(kind, slug, text, from, to).await,
                None => Ok(None),
            }
        },
    );
    view! {
        <Meta name="robots" content="noindex"/>
        {loaded(data, |data| view! { <History data/> })}
    }
}

/// A diff, line by line: removed lines struck through and added ones marked, each also said in
/// words for screen readers.
#[component]
pub fn DiffLines(diff: DiffView) -> impl IntoView {
    let i18n = use_i18n();
    let lines = diff
        .lines
        .into_iter()
        .map(|(change, text)| match change {
            LineChange::Same => view! { <li class="diff__line">{text}</li> }.into_any(),
            LineChange::Added => view! {
                <li class="diff__line diff__line--added">
                    <ins><span class="visually-hidden">{i18n.t("diff-added")}" "</span>{text}</ins>
                </li>
            }
            .into_any(),
            LineChange::Removed => view! {
                <li class="diff__line diff__line--removed">
                    <del><span class="visually-hidden">{i18n.t("diff-removed")}" "</span>{text}</del>
                </li>
            }
            .into_any(),
        })
        .collect_view()
        .into_any();
    let caption = i18n.t_args("diff-caption", &[("from", diff.from.0.into()), ("to", diff.to.0.into())]);
    view! {
        <p class="diff__caption">{caption}</p>
        <ol class="diff">{lines}</ol>
    }
}

#[component]
fn History(data: HistoryData) -> impl IntoView {
    let i18n = use_i18n();
    let page = i18n.locale();
    let editor_href = paths::staff_editor_href(page, data.kind, &data.slug, data.locale);
    let history_href = paths::staff_history_href(page, data.kind, &data.slug, data.locale);
    let latest = data.revisions.first().map(|r| r.id);
    let (from, to) = data.diff.as_ref().map(|d| (d.from, d.to)).unzip();
    let choices = |current: Option<tuki::content::RevisionId>| {
        data.revisions
            .iter()
            .map(|r| {
                let selected = Some(r.id) == current;
                view! { <option value=r.id.0.to_string() selected=selected>{r.id.0}</option> }
            })
            .collect_view()
    };
    let (from_choices, to_choices) = (choices(from), choices(to));
    let rows = data
        .revisions
        .iter()
        .map(|r| revision_row(r, Some(r.id) == latest, &editor_href, &history_href))
        .collect_view();
    let title = format!("{} – {}", i18n.t("history-title"), data.title);
    let table = view! {
        <div class="table-scroll">
            <table class="table">
                <caption class="visually-hidden">{i18n.t("history-title")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("history-revision")}</th>
                        <th scope="col">{i18n.t("history-when")}</th>
                        <th scope="col">{i18n.t("history-who")}</th>
                        <th scope="col">{i18n.t("history-change")}</th>
                        <th scope="col">{i18n.t("history-note")}</th>
                        <th scope="col">{i18n.t("history-actions")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any();
    view! {
        <Title text=title/>
        <div class="container">
            <nav class="breadcrumbs" aria-label=i18n.t("breadcrumbs-label")>
                <ol>
                    <li><a href=paths::staff_content(page)>{i18n.t("workspace-title")}</a></li>
                    <li><a href=editor_href.clone()>{data.title.clone()}</a></li>
                    <li aria-current="page">{i18n.t("history-title")}</li>
                </ol>
            </nav>
            <h1>{i18n.t("history-title")}": "{data.title.clone()}" "
                <span class="editor__language" lang=data.locale.code()>"("{data.locale.native_name()}")"</span></h1>
            {table}
            <section aria-labelledby="diff-heading">
                <h2 id="diff-heading">{i18n.t("history-compare")}</h2>
                <form class="filters" method="get" action=history_href.clone()>
                    <div class="field">
                        <label class="field__label" for="diff-from">{i18n.t("history-from")}</label>
                        <select class="input" id="diff-from" name="from">{from_choices}</select>
                    </div>
                    <div class="field">
                        <label class="field__label" for="diff-to">{i18n.t("history-to")}</label>
                        <select class="input" id="diff-to" name="to">{to_choices}</select>
                    </div>
                    <button class="button button--secondary" type="submit">{i18n.t("history-show")}</button>
                </form>
                {match data.diff {
                    Some(diff) => view! { <DiffLines diff/> }.into_any(),
                    None => view! { <p>{i18n.t("history-only-one")}</p> }.into_any(),
                }}
            </section>
        </div>
    }
}

fn revision_row(r: &RevisionRow, is_latest: bool, editor_href: &str, history_href: &str) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let author = r.author.clone().unwrap_or_else(|| i18n.t("history-import"));
    let mut marks = Vec::new();
    if r.published {
        marks.push(i18n.t("history-published"));
    }
    if is_latest && !r.published {
        marks.push(i18n.t("workspace-has-draft"));
    }
    let diff_href = format!("{history_href}?to={}", r.id.0);
    let restore = (!is_latest).then(|| {
        let label = i18n.t_args("history-restore", &[("revision", r.id.0.into())]);
        view! {
            <form method="post" action=editor_href.to_owned()>
                <input type="hidden" name=editor::REVISION value=r.id.0.to_string()/>
                <button class="button button--small button--secondary" type="submit" name=ACTION_FIELD value=editor::RESTORE>{label}</button>
            </form>
        }
    });
    view! {
        <tr>
            <th scope="row">{r.id.0}{(!marks.is_empty()).then(|| view! { <span class="table__meta">{marks.join(" · ")}</span> })}</th>
            <td>{r.at.format_for(i18n.locale())}</td>
            <td>{author}</td>
            <td>{i18n.t(&format!("editor-change-{}-short", r.change.code()))}</td>
            <td>{r.note.clone()}</td>
            <td>
                <a href=diff_href>{i18n.t_args("history-diff-link", &[("revision", r.id.0.into())])}</a>
                {restore.map(IntoAny::into_any)}
            </td>
        </tr>
    }
}
