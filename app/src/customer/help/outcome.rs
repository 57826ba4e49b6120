//! The end of a guided form's way: the answers to check (`…/check`), the page after a
//! suggestion solved the problem (`…/solved`) and the one after the ticket was sent (`…/done`).

use super::api::{help_check, help_done};
use super::param;
use super::urgent::UrgentNoticeBox;
use crate::i18n::{I18n, use_i18n};
use crate::shared::{loaded, route_locale};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use tuki::paths::help_href;
use tuki::views::help::CheckData;

/// Check your answers: each answer with a link to change it.
#[component]
pub fn CheckPage() -> impl IntoView {
    let i18n = use_i18n();
    let locale = route_locale();
    let (form, draft) = (param("form"), param("draft"));
    let data = Resource::new(
        move || (locale.get(), form(), draft()),
        |(locale, form, draft)| async move {
            match locale {
                Some(locale) => help_check(locale.code().to_owned(), form, draft).await,
                None => Ok(None),
            }
        },
    );
    view! {
        {loaded(data, move |data| view! { <Check data i18n/> }.into_any())}
    }
}

#[component]
fn Check(data: CheckData, i18n: I18n) -> impl IntoView {
    let locale = i18n.locale();
    let back = help_href(locale, &data.form, &[data.draft.as_str(), &data.last_step]);
    let rows = data
        .rows
        .into_iter()
        .map(|row| {
            let href =
                format!("{}#field-{}", help_href(locale, &data.form, &[data.draft.as_str(), &row.step]), row.field);
            let change = i18n.t("form-change");
            view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{row.question.clone()}</dt>
                    <dd class="summary-list__value">{row.answer}</dd>
                    <dd class="summary-list__actions">
                        <a href=href>{change}<span class="visually-hidden">{format!(" – {}", row.question)}</span></a>
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <Title text=i18n.t("form-check-title")/>
        // One customer's answers or request: not for search engines.
        <Meta name="robots" content="noindex"/>
        <div class="container narrow form-page">
            <a class="back-link" href=back>{i18n.t("form-back")}</a>
            <p class="form-page__caption">{data.form_title}</p>
            <h1>{i18n.t("form-check-title")}</h1>
            <UrgentNoticeBox notice=data.urgent/>
            <dl class="summary-list">{rows}</dl>
            <p>{i18n.t("form-check-next")}</p>
            <p><a class="button" href=help_href(locale, &data.form, &[data.draft.as_str(), tuki::paths::CONTACT])>{i18n.t("form-continue")}</a></p>
        </div>
    }
}

/// The end of a flow a suggestion solved.
#[component]
pub fn SolvedPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("form-solved-title")/>
        // One customer's answers or request: not for search engines.
        <Meta name="robots" content="noindex"/>
        <section class="container narrow page-message" aria-labelledby="solved-heading">
            <h1 id="solved-heading">{move || i18n.t("form-solved-title")}</h1>
            <p>{move || i18n.t("form-solved-body")}</p>
            <p><a class="button" href=move || i18n.href("/")>{move || i18n.t("back-to-home")}</a></p>
        </section>
    }
}

/// The confirmation: the ticket's reference.
#[component]
pub fn DonePage() -> impl IntoView {
    let i18n = use_i18n();
    let (form, draft) = (param("form"), param("draft"));
    let data = Resource::new(move || (form(), draft()), |(form, draft)| help_done(form, draft));
    view! {
        {loaded(data, move |reference| view! {
                        <Title text=i18n.t("form-done-title")/>
                        // One customer's answers or request: not for search engines.
                        <Meta name="robots" content="noindex"/>
                        <section class="container narrow page-message" aria-labelledby="done-heading">
                            <div class="panel-confirmation">
                                <h1 id="done-heading">{i18n.t("form-done-title")}</h1>
                                <p>
                                    {i18n.t("form-done-reference")}<br/>
                                    <strong class="panel-confirmation__reference">{reference.to_string()}</strong>
                                </p>
                            </div>
                            <p>{i18n.t("form-done-body")}</p>
                            <p><a href=i18n.href("/")>{i18n.t("back-to-home")}</a></p>
                        </section>
                    }
                    .into_any())}
    }
}
