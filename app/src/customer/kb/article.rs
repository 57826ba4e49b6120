//! `/{lang}/articles/{slug}` and `/{lang}/cases/{slug}`: one document, with breadcrumbs,
//! the other language versions, related documents and "Was this helpful?".

use super::api::article_page;
use super::vote::Vote;
use crate::components::OtherLanguageBadge;
use crate::i18n::use_i18n;
use crate::shared::{loaded, route_locale};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};
use tuki::content::DocKind;
use tuki::i18n::Value;
use tuki::paths::{category_href, document_href};
use tuki::views::catalogue::ArticleData;

/// The page of one article or solved case.
#[component]
pub fn ArticlePage(
    /// Which kind of document the route shows.
    kind: DocKind,
) -> impl IntoView {
    let locale = route_locale();
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            let (from, via) = query.with(|q| (q.get("from"), q.get("via")));
            (locale.get(), params.with(|p| p.get("slug").unwrap_or_default()), from, via)
        },
        move |(locale, slug, from, via)| async move {
            match locale {
                Some(locale) => {
                    let from = from.and_then(|f| f.parse().ok());
                    article_page(locale.code().to_owned(), kind.code().to_owned(), slug, from, via).await
                }
                None => Ok(None),
            }
        },
    );
    view! {
        {loaded(data, move |article| view! { <Article article/> }.into_any())}
    }
}

#[component]
fn Article(article: ArticleData) -> impl IntoView {
    let i18n = use_i18n();
    let page_locale = i18n.locale();
    let shown = article.locale;
    let other_language = (shown != page_locale).then(|| {
        view! {
            <p class="notice" role="note">
                {i18n.t_args("article-only-in-language", &[("language", Value::from(shown.code()))])}
            </p>
        }
    });
    let outdated = article.outdated_against.map(|original| {
        let href = document_href(original, article.kind, &article.slug);
        view! {
            <p class="notice notice--warning" role="note">
                {i18n.t("article-outdated")}" "
                <a href=href hreflang=original.code()>
                    {i18n.t_args("article-outdated-link", &[("language", Value::from(original.code()))])}
                </a>
            </p>
        }
    });
    let versions = article
        .locales
        .iter()
        .filter(|l| **l != page_locale)
        .map(|l| {
            let href = document_href(*l, article.kind, &article.slug);
            view! { <li><a href=href hreflang=l.code() lang=l.code() rel="external">{l.native_name()}</a></li> }
        })
        .collect_view();
    let related = article
        .related
        .iter()
        .map(|d| {
            let href = document_href(page_locale, d.kind, &d.slug);
            view! {
                <li>
                    <a href=href><span lang=d.locale.code()>{d.title.clone()}</span></a>
                    " "
                    <OtherLanguageBadge text=d.locale/>
                </li>
            }
        })
        .collect_view();
    let kind_label = i18n.t(match article.kind {
        DocKind::Article => "kind-article",
        DocKind::Case => "kind-case",
    });
    let category_href = category_href(page_locale, &article.category.slug);
    let description = article.summary.clone().unwrap_or_else(|| {
        let args = [("kind", Value::from(article.kind.code())), ("title", Value::from(article.title.clone()))];
        i18n.t_args("document-description", &args)
    });
    view! {
        <Title text=article.title.clone()/>
        <Meta name="description" content=description/>
        <div class="container article-layout">
            <nav class="breadcrumbs" aria-label=i18n.t("breadcrumbs-label")>
                <ol>
                    <li><a href=i18n.href("/")>{i18n.t("breadcrumbs-home")}</a></li>
                    <li><a href=category_href>{article.category.name.clone()}</a></li>
                    <li aria-current="page">{article.title.clone()}</li>
                </ol>
            </nav>
            <article class="article" lang=shown.code()>
                <p class="article__kind">{kind_label}</p>
                <h1>{article.title.clone()}</h1>
                {other_language}
                {outdated}
                {article.summary.clone().map(|s| view! { <p class="article__summary">{s}</p> })}
                <div class="article__body" inner_html=article.html.clone()></div>
            </article>
            <Vote article=article.clone()/>
            <aside class="article-aside">
                {(!article.locales.iter().all(|l| *l == page_locale)).then(|| view! {
                    <section aria-labelledby="versions-heading">
                        <h2 id="versions-heading">{i18n.t("article-other-languages")}</h2>
                        <ul class="plain-list">{versions}</ul>
                    </section>
                })}
                {(!article.related.is_empty()).then(|| view! {
                    <section aria-labelledby="related-heading">
                        <h2 id="related-heading">{i18n.t("article-related")}</h2>
                        <ul class="plain-list">{related}</ul>
                    </section>
                })}
            </aside>
        </div>
    }
}
