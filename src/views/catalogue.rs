//! The knowledge base's pages: the home page, a category, an article or solved case.

use crate::Locale;
use crate::content::DocKind;
use serde::{Deserialize, Serialize};

/// A category as a page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CategoryView {
    /// Slug, for URLs and filters.
    pub slug: String,
    /// Name in the page's locale.
    pub name: String,
    /// Published documents in it.
    pub documents: usize,
}

/// A link to a document in a list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentLink {
    /// Article or solved case.
    pub kind: DocKind,
    /// Slug.
    pub slug: String,
    /// Title in `locale`.
    pub title: String,
    /// The language of the title: the page's, or another when no translation exists.
    pub locale: Locale,
    /// Summary, if any.
    pub summary: Option<String>,
}

/// What the article (or solved case) page needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleData {
    /// Article or solved case.
    pub kind: DocKind,
    /// Slug.
    pub slug: String,
    /// The language of the text shown (the page's, or another when there is no translation).
    pub locale: Locale,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: Option<String>,
    /// The body as sanitised HTML.
    pub html: String,
    /// Tags.
    pub tags: Vec<String>,
    /// The category.
    pub category: CategoryView,
    /// Every locale the document is written in.
    pub locales: Vec<Locale>,
    /// When the shown text is a translation that is out of date: the language of the original
    /// it no longer follows (the page links to it).
    pub outdated_against: Option<Locale>,
    /// Other documents of the same category.
    pub related: Vec<DocumentLink>,
}

/// What the home page and category pages need.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CatalogueData {
    /// Every category.
    pub categories: Vec<CategoryView>,
    /// The listed documents: the most helpful articles, or a category's documents.
    pub documents: Vec<DocumentLink>,
}

/// A page search engines may index, in every language it is written in (`tuki::paths` builds
/// its address in each).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum IndexablePage {
    /// The front page (in every language).
    Home,
    /// A category's page (in every language).
    Category(String),
    /// A published article or solved case, in the languages it has a translation in.
    Document {
        /// Article or solved case.
        kind: DocKind,
        /// Slug.
        slug: String,
        /// The languages it is written in.
        locales: Vec<Locale>,
    },
}

impl IndexablePage {
    /// The languages the page is written in.
    pub fn locales(&self) -> Vec<Locale> {
        match self {
            IndexablePage::Document { locales, .. } => locales.clone(),
            _ => Locale::ALL.to_vec(),
        }
    }

    /// Its address in `locale` (without the portal's origin).
    pub fn href(&self, locale: Locale) -> String {
        match self {
            IndexablePage::Home => crate::paths::home(locale),
            IndexablePage::Category(slug) => crate::paths::category_href(locale, slug),
            IndexablePage::Document { kind, slug, .. } => crate::paths::document_href(locale, *kind, slug),
        }
    }
}
