//! The search box: a plain GET form to `/{lang}/search`, so it works without JavaScript.
//!
//! Once hydrated it becomes a WAI-ARIA combobox: as the customer types (debounced), the top
//! five answers are listed; Arrow keys move through them, Enter opens the highlighted one (or
//! submits the form when none is), Escape closes the list. The server renders the plain search
//! box, and the combobox attributes are switched on only after hydration, so both renders match.

use super::api::suggest;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use tuki::paths::document_href;
use tuki::search_types::SearchHit;

/// Wait after the last keystroke before asking for suggestions.
const DEBOUNCE_MS: u64 = 200;

/// A search form. `id` must be unique on the page; `landmark_label` is the Fluent id of the
/// search landmark's accessible name, distinct for each form on a page.
///
/// An island: the one part of the header (and of the home and results pages) that the browser
/// hydrates; its props travel in the page as JSON.
#[island]
pub fn SearchForm(
    /// The `id` of the text input (and prefix of the form's other ids).
    #[prop(into)]
    id: String,
    /// Fluent id naming the search landmark.
    #[prop(into)]
    landmark_label: String,
    /// The small header variant rather than the large one on the home page.
    compact: bool,
    /// Text to show in the box (the current query on the results page).
    #[prop(into)]
    value: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let class = if compact { "search-form search-form--compact" } else { "search-form" };
    let listbox_id = format!("{id}-suggestions");
    let enhanced = RwSignal::new(false);
    // Effects run only in the browser, after hydration.
    Effect::new(move |_| enhanced.set(true));
    let suggestions = RwSignal::new(Vec::<SearchHit>::new());
    let active = RwSignal::new(None::<usize>);
    let open = RwSignal::new(false);
    let pending = StoredValue::new(None::<leptos::leptos_dom::helpers::TimeoutHandle>);
    let generation = StoredValue::new(0u64);

    let request_suggestions = move |text: String| {
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let locale = i18n.locale();
        let handle = set_timeout_with_handle(
            move || {
                generation.update_value(|g| *g += 1);
                let mine = generation.get_value();
                leptos::task::spawn_local(async move {
                    let hits = suggest(locale.code().to_owned(), text).await.unwrap_or_default();
                    // A slower answer to an older keystroke must not replace a newer one.
                    if generation.get_value() == mine {
                        open.set(!hits.is_empty());
                        active.set(None);
                        suggestions.set(hits);
                    }
                });
            },
            std::time::Duration::from_millis(DEBOUNCE_MS),
        )
        .ok();
        pending.set_value(handle);
    };

    let close = move || {
        open.set(false);
        active.set(None);
    };

    let on_keydown = {
        move |ev: leptos::ev::KeyboardEvent| {
            let count = suggestions.with(Vec::len);
            match ev.key().as_str() {
                "ArrowDown" if count > 0 => {
                    ev.prevent_default();
                    open.set(true);
                    active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % count)));
                }
                "ArrowUp" if count > 0 => {
                    ev.prevent_default();
                    open.set(true);
                    active.update(|a| *a = Some(a.map_or(count - 1, |i| (i + count - 1) % count)));
                }
                "Escape" => {
                    if open.get_untracked() {
                        ev.prevent_default();
                    }
                    close();
                }
                "Enter" => {
                    if let (true, Some(i)) = (open.get_untracked(), active.get_untracked())
                        && let Some(hit) = suggestions.with_untracked(|s| s.get(i).cloned())
                    {
                        ev.prevent_default();
                        close();
                        open_page(&document_href(hit.locale, hit.kind, &hit.slug));
                    }
                }
                _ => {}
            }
        }
    };

    let option_id = {
        let id = id.clone();
        move |i: usize| format!("{id}-suggestion-{i}")
    };
    let listbox_for_aria = listbox_id.clone();
    let input_id = id.clone();
    view! {
        <form
            class=class
            role="search"
            method="get"
            action=move || i18n.href("/search")
            aria-label=move || i18n.t(&landmark_label)
        >
            <label class="search-form__label" class:visually-hidden=compact for=id>
                {move || i18n.t("search-label")}
            </label>
            <div class="search-form__row">
                <div class="search-form__field">
                    <input
                        id=input_id
                        class="search-form__input"
                        type="search"
                        name="q"
                        autocomplete="off"
                        maxlength=tuki::search_types::MAX_QUERY_CHARS
                        value=value
                        placeholder=move || i18n.t("search-placeholder")
                        role=move || enhanced.get().then_some("combobox")
                        aria-autocomplete=move || enhanced.get().then_some("list")
                        aria-controls=move || enhanced.get().then(|| listbox_for_aria.clone())
                        aria-expanded=move || enhanced.get().then(|| if open.get() { "true" } else { "false" })
                        aria-activedescendant={
                            let option_id = option_id.clone();
                            move || active.get().filter(|_| open.get()).map(&option_id)
                        }
                        on:input=move |ev| request_suggestions(event_target_value(&ev))
                        on:keydown=on_keydown
                        on:blur=move |_| close()
                    />
                    <ul
                        id=listbox_id
                        class="suggestions"
                        role="listbox"
                        aria-label=move || i18n.t("suggestions-label")
                        hidden=move || !(open.get() && enhanced.get())
                    >
                        <For
                            each=move || suggestions.get().into_iter().enumerate()
                            key=|(i, hit)| (*i, hit.kind, hit.slug.clone(), hit.locale)
                            let((i, hit))
                        >
                            {
                                let href = document_href(hit.locale, hit.kind, &hit.slug);
                                view! {
                                    <li
                                        id=option_id(i)
                                        class="suggestions__option"
                                        role="option"
                                        lang=hit.locale.code()
                                        aria-selected=move || if active.get() == Some(i) { "true" } else { "false" }
                                        // mousedown, not click: it comes before the input's blur closes the list.
                                        on:mousedown=move |ev| {
                                            ev.prevent_default();
                                            close();
                                            open_page(&href);
                                        }
                                    >
                                        {hit.title.clone()}
                                    </li>
                                }
                            }
                        </For>
                    </ul>
                </div>
                <button class="button search-form__button" type="submit">
                    {move || i18n.t("search-button")}
                </button>
            </div>
        </form>
    }
    // Erasing the (deep) view type keeps the pages that embed this form compilable.
    .into_any()
}

/// Opens `href` as a new page load (the portal's pages are rendered by the server).
fn open_page(href: &str) {
    let _ = window().location().set_href(href);
}
