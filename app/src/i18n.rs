//! The current locale, read from the URL, and translated text for components.
//!
//! The locale is derived from the path on both server and client, so both render the
//! same strings (see `tuki::i18n` for where they come from).

use leptos::prelude::*;
use leptos::reactive::graph::Observer;
use leptos_router::hooks::use_location;
use tuki::Locale;
use tuki::i18n::{Value, tr, tr_args};

/// Translations for the locale in the current URL. `Copy`, so closures can capture it.
///
/// Inside a reactive closure (`move || i18n.t("…")`) the text follows the locale when the URL
/// changes; in a component body it is read once, as the page is rendered.
#[derive(Clone, Copy)]
pub struct I18n {
    locale: Memo<Locale>,
    /// The locale when the page was rendered: what a closure that outlives its page's reactive
    /// owner reads (leptos_meta reads `<Title>`'s closure after the body is rendered, and under
    /// load the page's owner can be gone by then; on the server the locale never changes).
    initial: Locale,
}

impl I18n {
    /// The locale of the page being shown (Finnish when the path names none).
    pub fn locale(&self) -> Locale {
        let current = if Observer::get().is_some() { self.locale.try_get() } else { self.locale.try_get_untracked() };
        current.unwrap_or(self.initial)
    }

    /// The message `id` in the current locale.
    pub fn t(&self, id: &str) -> String {
        tr(self.locale(), id)
    }

    /// The message `id` in the current locale with its variables filled in.
    pub fn t_args(&self, id: &str, args: &[(&'static str, Value<'static>)]) -> String {
        tr_args(self.locale(), id, args)
    }

    /// `path` (without locale, starting with `/`) under the current locale: `/search` → `/sv/search`.
    pub fn href(&self, path: &str) -> String {
        tuki::paths::localized(self.locale(), path)
    }
}

/// Derives the locale from the router's location and provides it to every component below.
/// Must be called inside `<Router>`.
pub fn provide_i18n() -> I18n {
    let location = use_location();
    let locale = Memo::new(move |_| {
        location.pathname.with(|path| Locale::split_path(path).map(|(locale, _)| locale).unwrap_or_default())
    });
    let i18n = I18n { locale, initial: locale.get_untracked() };
    provide_context(i18n);
    i18n
}

/// The translations provided by [`provide_i18n`]. Where no router provided them, as in an
/// island (an interactive part of a page, hydrated in the browser on its own, without the page's
/// router or context), the locale is read from the page's address, and provided to the
/// components below.
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| {
        let locale = address_locale();
        let i18n = I18n { locale: Memo::new(move |_| locale), initial: locale };
        provide_context(i18n);
        i18n
    })
}

/// The locale named by the browser's address; Finnish on the server, where every page has a
/// router that provides it.
fn address_locale() -> Locale {
    #[cfg(feature = "hydrate")]
    {
        window()
            .location()
            .pathname()
            .ok()
            .and_then(|path| Locale::split_path(&path).map(|(l, _)| l))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        Locale::default()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    /// The islands, the components they render, and the pages that give them message ids.
    const ISLAND_SOURCES: [&str; 6] = [
        include_str!("customer/search/search_box.rs"),
        include_str!("customer/help/step.rs"),
        include_str!("customer/help/fields.rs"),
        include_str!("components/language_badge.rs"),
        include_str!("components/header.rs"),
        include_str!("customer/kb/home.rs"),
    ];

    /// The message ids defined in `files` of the locale `code`.
    fn ids_in(code: &str, files: &[&str]) -> BTreeSet<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales").join(code);
        let mut ids = BTreeSet::new();
        for file in files {
            let text = std::fs::read_to_string(dir.join(file)).expect("a Fluent file");
            ids.extend(text.lines().filter_map(|line| line.split_once(" =")).map(|(id, _)| id.to_owned()));
        }
        ids.retain(|id| !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
        ids
    }

    /// The string literals of `source`.
    fn literals(source: &str) -> impl Iterator<Item = &str> {
        source.split('"').skip(1).step_by(2)
    }

    #[test]
    fn every_text_an_island_renders_in_the_browser_is_in_the_files_the_bundle_carries() {
        for code in ["fi", "sv", "en"] {
            let every_file: Vec<String> =
                std::fs::read_dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales").join(code))
                    .expect("locale folder")
                    .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
                    .collect();
            let every_file: Vec<&str> = every_file.iter().map(String::as_str).collect();
            let all = ids_in(code, &every_file);
            let browser = ids_in(code, &tuki::i18n::BROWSER_FILES);
            // The ids named in the islands' code, and the field errors a step shows.
            let wanted: BTreeSet<&str> = ISLAND_SOURCES
                .iter()
                .flat_map(|source| literals(source))
                .filter(|literal| all.contains(*literal))
                .chain(all.iter().map(String::as_str).filter(|id| id.starts_with("form-error-")))
                .collect();
            assert!(wanted.len() > 20, "the islands name their texts: {wanted:?}");
            let missing: Vec<&&str> = wanted.iter().filter(|id| !browser.contains(**id)).collect();
            assert!(missing.is_empty(), "{code}: island texts outside {:?}: {missing:?}", tuki::i18n::BROWSER_FILES);
        }
    }
}
