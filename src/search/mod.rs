//! Search: a tantivy index derived from the database.
//!
//! One writer (behind a mutex) and one long-lived reader; every search takes a fresh searcher
//! and never touches the database. The index is disposable: missing, corrupt or of another
//! schema version, it is rebuilt from the database. Each commit records the database's content
//! generation it reflects, so an index that falls behind re-indexes the documents changed since
//! (see `Portal::catch_up_index`). Recent results are kept per index state ([`cache`]).

pub mod analysis;
pub mod cache;
pub mod eval;
mod index;
pub mod learned;
pub mod pool;
mod query;
mod read;
mod rescore;
mod schema;
pub mod snippet;
mod stopwords;
pub mod synonyms;
pub mod thesaurus;
mod typo;
mod vocabulary;

pub use crate::search_types::{SearchHit, SearchResults};
pub use query::{Weights, WordHints};
pub use vocabulary::Vocabulary;

use crate::Locale;
use crate::content::markdown::to_plain_text;
use crate::content::{DocKind, Document, Slug, Status};
use schema::{Fields, SCHEMA_VERSION};
use snippet::Highlighter;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, RwLock};
use tantivy::collector::Count;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Schema, Value};
use tantivy::{DocAddress, Index, IndexReader, IndexSettings, IndexWriter, ReloadPolicy, TantivyDocument, Term};

/// Memory the index writer may use before flushing a segment.
const WRITER_MEMORY: usize = 64 * 1024 * 1024;
/// File in the index directory naming the schema version it was built with.
const VERSION_FILE: &str = "tuki-schema-version";
/// Fewer hits than this in the customer's own language, and other languages are searched too.
const FEW_HITS: usize = 3;
/// Longest summary shown when no word of a hit's text is marked, in characters.
const FALLBACK_CHARS: usize = 180;
/// A term standing for the customer's words that is in more than one in this many documents'
/// texts is searched only in titles and tags (see `query::build`)…
const COMMON_SHARE: u64 = 20;
/// …once the index holds this many translations (a small one has no long posting lists).
const COMMON_MIN_DOCS: u64 = 5_000;
/// How many known words a half-typed last word may stand for (the most common ones).
const COMPLETIONS: usize = 5;

/// What can go wrong with the index.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// tantivy failed.
    #[error("search index error: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// The index directory could not be prepared.
    #[error("search index directory {path}: {source}")]
    Directory {
        /// The directory.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// Another process (a running server) is the index's writer.
    #[error(
        "the search index {path} is in use by another tuki process; a running server keeps it up to date \
         itself (stop it to rebuild the index)"
    )]
    Busy {
        /// The index directory.
        path: String,
    },
    /// A lock was poisoned by a panic in another thread.
    #[error("search index lock poisoned")]
    Poisoned,
}

/// A search as the customer asked it.
#[derive(Clone, Debug)]
pub struct SearchRequest {
    /// What the customer typed.
    pub text: String,
    /// The customer's language: searched first.
    pub locale: Locale,
    /// How many hits to return (1–50).
    pub limit: usize,
    /// How many hits to skip (pagination).
    pub offset: usize,
    /// Only this category.
    pub category: Option<Slug>,
    /// Only this kind.
    pub kind: Option<DocKind>,
}

/// The search index service.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    fields: Fields,
    vocabulary: RwLock<[Vocabulary; 3]>,
    /// The editors' synonyms files as loaded, and the rules per locale.
    synonyms: RwLock<synonyms::LoadedSynonyms>,
    /// Answers learned from use ([`learned`]).
    learned: RwLock<learned::LearnedAnswers>,
    weights: Weights,
    dir: PathBuf,
    cache: cache::ResultCache,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").field("dir", &self.dir).finish_non_exhaustive()
    }
}

/// How the index was found at start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IndexState {
    /// Opened and usable; its content generation is known.
    Ready,
    /// Created empty (missing, corrupt or of another schema): must be filled from the database.
    Created,
}
