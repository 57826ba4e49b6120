//! Parts of the page frame shared by every page.

mod footer;
mod header;
mod language;
mod language_badge;
mod textarea;

pub use footer::SiteFooter;
pub use header::{SiteHeader, SkipLink};
pub use language::{LanguageAlternates, LanguageSwitcher, PublicOrigin};
pub use language_badge::OtherLanguageBadge;
pub use textarea::textarea_text;
