//! One module per page.

mod home;
mod not_found;

pub use home::HomePage;
pub use not_found::NotFound;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use tuki::Locale;

/// The `:lang` segment of the current route, when it names a locale.
pub(crate) fn route_locale() -> Memo<Option<Locale>> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("lang").and_then(|lang| lang.parse().ok())))
}
