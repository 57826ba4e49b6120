//! Switching language: the switcher in the header and the `hreflang` alternates in the head.

use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Link;
use leptos_router::hooks::use_location;
use tuki::Locale;

/// The current page's path and query, moved to `locale`.
fn same_page_in(locale: Locale, path: &str, query: &str) -> String {
    let mut href = locale.localize_path(path);
    let query = query.trim_start_matches('?');
    if !query.is_empty() {
        href.push('?');
        href.push_str(query);
    }
    href
}

/// Links to the current page in each language. A switch is a full page load, so the server
/// remembers the choice in the `lang` cookie.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    view! {
        <nav class="language-switcher" aria-label=move || i18n.t("language-switcher-label")>
            <ul class="language-switcher__list">
                {Locale::ALL
                    .into_iter()
                    .map(|locale| {
                        let href = move || {
                            same_page_in(locale, &location.pathname.get(), &location.search.get())
                        };
                        let current = move || (i18n.locale() == locale).then_some("page");
                        view! {
                            <li>
                                <a
                                    class="language-switcher__link"
                                    href=href
                                    hreflang=locale.code()
                                    lang=locale.code()
                                    rel="external"
                                    aria-current=current
                                >
                                    {locale.native_name()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// The portal's public origin (`https://tuki.example.fi`, from `TUKI_BASE_URL`), which the
/// server puts into every render's context: the head's links to other pages are absolute.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicOrigin(pub String);

/// The origin absolute links start with: the configured one on the server, the page's own in
/// the browser (the same, since browsers reach the portal at its public address).
fn public_origin() -> String {
    #[cfg(feature = "ssr")]
    let origin = use_context::<PublicOrigin>().map(|o| o.0).unwrap_or_default();
    #[cfg(not(feature = "ssr"))]
    let origin = window().location().origin().unwrap_or_default();
    origin
}

/// `<link rel="alternate" hreflang>` for every language version of the page, plus `x-default`,
/// and `<link rel="canonical">` for the address search engines should index instead (none on
/// pages they should not index), all absolute.
#[component]
pub fn LanguageAlternates() -> impl IntoView {
    let location = use_location();
    let origin = public_origin();
    move || {
        let path = location.pathname.get();
        let canonical = tuki::paths::canonical_path(&path)
            .map(|canonical| view! { <Link rel="canonical" href=format!("{origin}{canonical}")/> });
        view! {
            {Locale::ALL
                .into_iter()
                .map(|locale| {
                    let href = format!("{origin}{}", locale.localize_path(&path));
                    view! { <Link rel="alternate" hreflang=locale.code() href=href/> }
                })
                .collect_view()}
            <Link rel="alternate" hreflang="x-default" href=format!("{origin}/")/>
            {canonical}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switching_language_keeps_the_page_and_its_query() {
        assert_eq!(same_page_in(Locale::Sv, "/fi/search", "?q=salasana"), "/sv/search?q=salasana");
        assert_eq!(same_page_in(Locale::Sv, "/fi/search", "q=salasana"), "/sv/search?q=salasana");
        assert_eq!(same_page_in(Locale::En, "/fi/", ""), "/en/");
    }
}
