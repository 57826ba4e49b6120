//! A form's urgent notice: what to do at once, before any ticket (block the card), with its
//! service numbers as links a phone can call.

use crate::i18n::use_i18n;
use leptos::prelude::*;
use tuki::views::help::{NoticePart, UrgentNotice};

/// The notice under the page's heading, or nothing when the form has none.
#[component]
pub fn UrgentNoticeBox(notice: Option<UrgentNotice>) -> impl IntoView {
    let i18n = use_i18n();
    notice.map(|parts| {
        let parts = parts
            .into_iter()
            .map(|part| match part {
                NoticePart::Text(text) => text.into_any(),
                NoticePart::Phone { shown, tel } => {
                    view! { <a class="phone" href=tel><strong>{shown}</strong></a> }.into_any()
                }
            })
            .collect_view();
        view! {
            <section class="notice notice--urgent" aria-labelledby="urgent-heading">
                <h2 id="urgent-heading" class="notice__title">{i18n.t("form-urgent-heading")}</h2>
                <p>{parts}</p>
            </section>
        }
    })
}
