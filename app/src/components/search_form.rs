//! The search box: a plain GET form to `/{lang}/search`, so it works without JavaScript.

use crate::i18n::use_i18n;
use leptos::prelude::*;

/// A search form. `id` must be unique on the page; `landmark_label` is the Fluent id of the
/// search landmark's accessible name, distinct for each form on a page.
#[component]
pub fn SearchForm(
    /// The `id` of the text input (and prefix of the form's other ids).
    id: &'static str,
    /// Fluent id naming the search landmark.
    landmark_label: &'static str,
    /// The small header variant rather than the large one on the home page.
    #[prop(optional)]
    compact: bool,
    /// Text to show in the box (the current query on the results page).
    #[prop(optional, into)]
    value: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let class = if compact { "search-form search-form--compact" } else { "search-form" };
    view! {
        <form
            class=class
            role="search"
            method="get"
            action=move || i18n.href("/search")
            aria-label=move || i18n.t(landmark_label)
        >
            <label class="search-form__label" class:visually-hidden=compact for=id>
                {move || i18n.t("search-label")}
            </label>
            <div class="search-form__row">
                <input
                    id=id
                    class="search-form__input"
                    type="search"
                    name="q"
                    autocomplete="off"
                    maxlength="200"
                    value=value
                    placeholder=move || i18n.t("search-placeholder")
                />
                <button class="button search-form__button" type="submit">
                    {move || i18n.t("search-button")}
                </button>
            </div>
        </form>
    }
}
