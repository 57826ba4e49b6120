//! Parts of the page frame shared by every page.

mod footer;
mod header;
mod language;
mod search_form;

pub use footer::SiteFooter;
pub use header::{SiteHeader, SkipLink};
pub use language::{LanguageAlternates, LanguageSwitcher};
pub use search_form::SearchForm;
