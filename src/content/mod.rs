//! The knowledge base's content: categories, articles and solved cases, each with a text per
//! locale. Pure types, compiled everywhere (the UI receives them from server functions).
//!
//! Natively (feature `server`), [`bundle`] reads and writes the content bundle, the folder of
//! Markdown files that `tuki import` and `tuki export` exchange.

#[cfg(feature = "server")]
pub mod bundle;
#[cfg(feature = "server")]
pub mod demo;
#[cfg(feature = "server")]
pub mod markdown;
mod revision;
#[cfg(feature = "server")]
pub mod service_numbers;
mod slug;
#[cfg(feature = "server")]
pub mod synonyms;

pub use revision::{ChangeSize, RevisionId, TranslationState};
pub use slug::{Slug, SlugError};

use crate::Locale;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// The two kinds of searchable document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    /// A help article written by an editor.
    Article,
    /// A past resolved ticket, turned into a public question and its solution.
    Case,
}

impl DocKind {
    /// Both kinds.
    pub const ALL: [DocKind; 2] = [DocKind::Article, DocKind::Case];

    /// The code used in the database, the API and URLs: `article` or `case`.
    pub const fn code(self) -> &'static str {
        match self {
            DocKind::Article => "article",
            DocKind::Case => "case",
        }
    }

    /// The bundle's folder of this kind: `articles` or `cases`.
    pub const fn bundle_dir(self) -> &'static str {
        match self {
            DocKind::Article => "articles",
            DocKind::Case => "cases",
        }
    }
}

impl FromStr for DocKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "article" => Ok(DocKind::Article),
            "case" => Ok(DocKind::Case),
            other => Err(format!("unknown kind {other:?}: expected article or case")),
        }
    }
}

impl fmt::Display for DocKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Whether customers can see a document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Work in progress: not shown, not searchable.
    Draft,
    /// Visible and searchable.
    #[default]
    Published,
}

impl Status {
    /// `draft` or `published`.
    pub const fn code(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Published => "published",
        }
    }
}

impl FromStr for Status {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "draft" => Ok(Status::Draft),
            "published" => Ok(Status::Published),
            other => Err(format!("unknown status {other:?}: expected draft or published")),
        }
    }
}

/// A topic that groups documents, with a name per locale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    /// Identifier in URLs and in documents' `category`.
    pub slug: Slug,
    /// The category's name in each locale.
    pub names: BTreeMap<Locale, String>,
}

impl Category {
    /// The name in `locale`, else in Finnish, else any.
    pub fn name(&self, locale: Locale) -> &str {
        locale.pick(&self.names).map_or(self.slug.as_str(), |(_, name)| name.as_str())
    }
}

/// One language version of a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translation {
    /// The title.
    pub title: String,
    /// An optional one-paragraph summary.
    pub summary: Option<String>,
    /// The body, in Markdown.
    pub body: String,
    /// Keywords customers might search for.
    pub tags: Vec<String>,
    /// Questions the text answers, in customers' words: searchable, not shown.
    #[serde(default)]
    pub questions: Vec<String>,
}

/// Most questions one text answers.
pub const MAX_QUESTIONS: usize = 20;
/// Longest question, in characters.
pub const MAX_QUESTION_CHARS: usize = 200;

/// The questions of a text, trimmed, blank ones left out and each once; why not, when there are
/// too many or one is too long.
pub fn checked_questions(raw: Vec<String>) -> Result<Vec<String>, String> {
    let mut questions: Vec<String> = Vec::new();
    for question in raw {
        let question = question.split_whitespace().collect::<Vec<_>>().join(" ");
        if question.chars().count() > MAX_QUESTION_CHARS {
            return Err(format!("a question of more than {MAX_QUESTION_CHARS} characters"));
        }
        if !question.is_empty() && !questions.contains(&question) {
            questions.push(question);
        }
    }
    if questions.len() > MAX_QUESTIONS {
        return Err(format!("{} questions: at most {MAX_QUESTIONS}", questions.len()));
    }
    Ok(questions)
}

/// An article or a solved case, in the locales it has been written in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Article or solved case.
    pub kind: DocKind,
    /// Identifier, unique within the kind.
    pub slug: Slug,
    /// The category's slug.
    pub category: Slug,
    /// Draft or published.
    pub status: Status,
    /// The text in each locale it exists in (at least one).
    pub translations: BTreeMap<Locale, Translation>,
}

impl Document {
    /// The text to show a reader of `locale` ([`Locale::pick`]), with its language.
    pub fn translation_for(&self, locale: Locale) -> Option<(Locale, &Translation)> {
        locale.pick(&self.translations)
    }

    /// The reference to this document.
    pub fn reference(&self) -> DocRef {
        DocRef { kind: self.kind, slug: self.slug.clone() }
    }
}

/// A reference to a document: its kind and slug, written `article/slug` where it is stored
/// (what a draft was shown and opened) and in links from a guided form.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DocRef {
    /// Article or solved case.
    pub kind: DocKind,
    /// Its slug.
    pub slug: Slug,
}

impl DocRef {
    /// A reference to the document of `kind` and `slug`.
    pub fn new(kind: DocKind, slug: Slug) -> DocRef {
        DocRef { kind, slug }
    }

    /// Reads `article/slug` or `case/slug`.
    pub fn parse(text: &str) -> Option<DocRef> {
        let (kind, slug) = text.split_once('/')?;
        Some(DocRef { kind: kind.parse().ok()?, slug: Slug::parse(slug).ok()? })
    }
}

impl fmt::Display for DocRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.kind.code(), self.slug.as_str())
    }
}

impl TryFrom<String> for DocRef {
    type Error = String;

    fn try_from(text: String) -> Result<DocRef, String> {
        DocRef::parse(&text).ok_or_else(|| format!("not a document reference: {text:?}"))
    }
}

impl From<DocRef> for String {
    fn from(reference: DocRef) -> String {
        reference.to_string()
    }
}
