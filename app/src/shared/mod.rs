//! What every area of the app shares: the one error layer of the server functions
//! ([`server`]), the translated error and 404 pages, the response status, the route's locale.

mod error;
mod loaded;
mod not_found;
#[cfg(feature = "ssr")]
pub(crate) mod server;
pub(crate) mod status;

pub use error::{ErrorMessage, error_code};
pub use loaded::loaded;
pub use not_found::NotFound;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use tuki::Locale;

/// The `:lang` segment of the current route, when it names a locale.
pub(crate) fn route_locale() -> Memo<Option<Locale>> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("lang").and_then(|lang| lang.parse().ok())))
}
