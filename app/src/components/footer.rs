//! The site footer.

use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The footer every page shares.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="site-footer">
            <div class="container site-footer__inner">
                <p class="site-footer__about">{move || i18n.t("footer-about")}</p>
                <p class="site-footer__hours">{move || i18n.t("footer-service-hours")}</p>
            </div>
        </footer>
    }
}
