//! The visible label on a text shown in another language than the page's.

use crate::i18n::use_i18n;
use leptos::prelude::*;
use tuki::Locale;
use tuki::i18n::Value;

/// "In Swedish" when `text` differs from the page's locale; nothing otherwise. Never silent.
#[component]
pub fn OtherLanguageBadge(
    /// The language of the text the badge stands next to.
    text: Locale,
) -> impl IntoView {
    let i18n = use_i18n();
    let page = i18n.locale();
    (text != page).then(|| {
        view! {
            <span class="badge" lang=page.code()>
                {i18n.t_args("in-other-language", &[("language", Value::from(text.code()))])}
            </span>
        }
    })
}
