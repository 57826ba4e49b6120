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
