//! `/{lang}/help`: the request types, and `/{lang}/help/{form}`: one request type's
//! introduction with the button that starts it (a plain form post: works without JavaScript).

use super::api::{help_form, help_forms};
use super::urgent::UrgentNoticeBox;
use crate::i18n::use_i18n;
use crate::shared::{loaded, route_locale};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;
use tuki::paths::help_href;

/// The list of request types.
#[component]
pub fn HelpPage() -> impl IntoView {
    let i18n = use_i18n();
    let locale = route_locale();
    let data = Resource::new(
        move || locale.get(),
        |locale| async move {
            match locale {
                Some(locale) => help_forms(locale.code().to_owned()).await.map(Some),
                None => Ok(None),
            }
        },
    );
    view! {
        {loaded(data, move |forms| {
            let page_locale = i18n.locale();
            let items = forms
                .into_iter()
                .map(|f| {
                    let href = help_href(page_locale, &f.slug, &[]);
                    view! {
                        <li class="form-card">
                            <h2 class="form-card__title"><a href=href>{f.title}</a></h2>
                            <p>{f.description}</p>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <Title text=i18n.t("help-title")/>
                <Meta name="description" content=i18n.t("help-description")/>
                <div class="container">
                    <nav class="breadcrumbs" aria-label=i18n.t("breadcrumbs-label")>
                        <ol>
                            <li><a href=i18n.href("/")>{i18n.t("breadcrumbs-home")}</a></li>
                            <li aria-current="page">{i18n.t("help-title")}</li>
                        </ol>
                    </nav>
                    <h1>{i18n.t("help-title")}</h1>
                    <p class="lead">{i18n.t("help-lead")}</p>
                    <ul class="form-list">{items}</ul>
                </div>
            }
            .into_any()
        })}
    }
}

/// One request type: what it is for, and "Start".
#[component]
pub fn FormIntroPage() -> impl IntoView {
    let i18n = use_i18n();
    let locale = route_locale();
    let params = use_params_map();
    let form = move || params.with(|p| p.get("form").unwrap_or_default());
    let data = Resource::new(
        move || (locale.get(), form()),
        |(locale, form)| async move {
            match locale {
                Some(locale) => help_form(locale.code().to_owned(), form).await,
                None => Ok(None),
            }
        },
    );
    view! {
        {loaded(data, move |form| {
            let action = help_href(i18n.locale(), &form.slug, &[]);
            view! {
                <Title text=form.title.clone()/>
                <Meta name="description" content=form.description.clone()/>
                <div class="container narrow">
                    <nav class="breadcrumbs" aria-label=i18n.t("breadcrumbs-label")>
                        <ol>
                            <li><a href=i18n.href("/")>{i18n.t("breadcrumbs-home")}</a></li>
                            <li><a href=i18n.href("/help")>{i18n.t("help-title")}</a></li>
                            <li aria-current="page">{form.title.clone()}</li>
                        </ol>
                    </nav>
                    <h1>{form.title.clone()}</h1>
                    <UrgentNoticeBox notice=form.urgent.clone()/>
                    <p class="lead">{form.description.clone()}</p>
                    <p>{i18n.t("help-intro-how")}</p>
                    <form method="post" action=action>
                        <button class="button" type="submit">{i18n.t("help-start")}</button>
                    </form>
                </div>
            }
            .into_any()
        })}
    }
}
