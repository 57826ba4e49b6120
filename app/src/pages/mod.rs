//! One module per page.

mod article;
mod category;
mod home;
mod not_found;
mod search;
mod vote;

pub use article::ArticlePage;
pub use category::CategoryPage;
pub use home::HomePage;
pub use not_found::NotFound;
pub use search::SearchPage;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use tuki::Locale;
use tuki::content::DocKind;

/// The `:lang` segment of the current route, when it names a locale.
pub(crate) fn route_locale() -> Memo<Option<Locale>> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("lang").and_then(|lang| lang.parse().ok())))
}

/// The address of a document's page in `locale`.
pub fn document_href(locale: Locale, kind: DocKind, slug: &str) -> String {
    let folder = match kind {
        DocKind::Article => "articles",
        DocKind::Case => "cases",
    };
    format!("/{}/{folder}/{slug}", locale.code())
}
