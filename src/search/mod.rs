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
pub mod pool;
mod query;
mod rescore;
mod schema;
pub mod snippet;
mod stopwords;
mod vocabulary;

pub use crate::search_types::{SearchHit, SearchResults};
pub use query::{Weights, WordHints};
pub use vocabulary::Vocabulary;

use crate::Locale;
use crate::content::markdown::to_plain_text;
use crate::content::{DocKind, Document, Slug, Status};
use schema::{Fields, SCHEMA_VERSION};
use snippet::Highlighter;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, RwLock};
use tantivy::collector::Count;
use tantivy::query::{BooleanQuery, FuzzyTermQuery, Occur, Query, TermQuery};
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

impl SearchIndex {
    /// Opens the index in `dir`, or creates an empty one when it is missing, unreadable or of
    /// another schema version.
    pub fn open(dir: &Path) -> Result<(SearchIndex, IndexState), SearchError> {
        let (schema, fields) = Fields::build();
        match Self::try_open(dir, &schema) {
            Ok(index) => Ok((Self::with_index(index, fields, dir)?, IndexState::Ready)),
            Err(reason) => {
                if dir.exists() {
                    tracing::warn!(dir = %dir.display(), %reason, "rebuilding the search index");
                    std::fs::remove_dir_all(dir)
                        .map_err(|source| SearchError::Directory { path: dir.display().to_string(), source })?;
                }
                std::fs::create_dir_all(dir)
                    .map_err(|source| SearchError::Directory { path: dir.display().to_string(), source })?;
                let index = Index::builder().schema(schema).settings(index_settings()).create_in_dir(dir)?;
                std::fs::write(dir.join(VERSION_FILE), SCHEMA_VERSION.to_string())
                    .map_err(|source| SearchError::Directory { path: dir.display().to_string(), source })?;
                Ok((Self::with_index(index, fields, dir)?, IndexState::Created))
            }
        }
    }

    /// An index in memory only (tests and benchmarks).
    pub fn in_memory() -> Result<SearchIndex, SearchError> {
        let (schema, fields) = Fields::build();
        Self::with_index(
            Index::builder().schema(schema).settings(index_settings()).create_in_ram()?,
            fields,
            Path::new(":memory:"),
        )
    }

    fn try_open(dir: &Path, schema: &Schema) -> Result<Index, String> {
        let version = std::fs::read_to_string(dir.join(VERSION_FILE)).map_err(|e| format!("no version file: {e}"))?;
        if version.trim() != SCHEMA_VERSION.to_string() {
            return Err(format!("schema version {} is not {SCHEMA_VERSION}", version.trim()));
        }
        let index = Index::open_in_dir(dir).map_err(|e| format!("cannot open: {e}"))?;
        if index.schema() != *schema {
            return Err("the schema differs".to_owned());
        }
        // Reading every segment's metadata catches truncated or missing files early.
        index.load_metas().map_err(|e| format!("unreadable metadata: {e}"))?;
        let reader = index.reader().map_err(|e| format!("unreadable segments: {e}"))?;
        for segment in reader.searcher().segment_readers() {
            for (field, entry) in schema.fields() {
                if entry.is_indexed() {
                    segment.inverted_index(field).map_err(|e| format!("unreadable segment: {e}"))?;
                }
            }
        }
        Ok(index)
    }

    fn with_index(index: Index, fields: Fields, dir: &Path) -> Result<SearchIndex, SearchError> {
        analysis::register(&index);
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        // One indexing thread: documents keep the order they are added in, so equal scores rank the
        // same way on every node and backend (and the writer's memory stays bounded).
        let writer = index.writer_with_num_threads(1, WRITER_MEMORY).map_err(|error| match error {
            tantivy::TantivyError::LockFailure(..) => SearchError::Busy { path: dir.display().to_string() },
            other => other.into(),
        })?;
        let search = SearchIndex {
            index,
            reader,
            writer: Mutex::new(writer),
            fields,
            vocabulary: RwLock::new(Default::default()),
            weights: Weights::default(),
            dir: dir.to_path_buf(),
            cache: cache::ResultCache::new(cache::DEFAULT_ENTRIES),
        };
        search.refresh_vocabulary()?;
        Ok(search)
    }

    /// The same index searched with other weights (evaluation of what each signal adds).
    /// Results cached with the old weights are dropped: the cache key does not hold the weights.
    pub fn set_weights(&mut self, weights: Weights) {
        self.weights = weights;
        self.cache.invalidate();
    }

    /// The content generation the index reflects (the commit payload), if any.
    pub fn generation(&self) -> Option<String> {
        self.index.load_metas().ok().and_then(|m| m.payload)
    }

    /// Replaces the whole index with `documents` and records `generation`.
    /// The documents may be produced one at a time (a large corpus need not be held in memory).
    pub fn rebuild<D: std::borrow::Borrow<Document>>(
        &self,
        documents: impl IntoIterator<Item = D>,
        generation: &str,
    ) -> Result<(), SearchError> {
        let mut writer = self.writer.lock().map_err(|_| SearchError::Poisoned)?;
        writer.delete_all_documents()?;
        for doc in documents {
            self.add(&writer, doc.borrow())?;
        }
        self.commit(&mut writer, generation)?;
        // A rebuilt index is merged into one segment: a search then walks each posting list
        // once, and top-k pruning keeps its threshold across the whole index.
        let segments = self.index.searchable_segment_ids()?;
        if segments.len() > 1 {
            writer.merge(&segments).wait()?;
            self.reader.reload()?;
        }
        Ok(())
    }

    /// Replaces the given documents (all their translations) and records `generation`.
    pub fn update(&self, documents: &[Document], generation: &str) -> Result<(), SearchError> {
        let mut writer = self.writer.lock().map_err(|_| SearchError::Poisoned)?;
        for doc in documents {
            writer.delete_term(Term::from_field_text(self.fields.doc_id, &doc_id(doc.kind, doc.slug.as_str())));
            self.add(&writer, doc)?;
        }
        self.commit(&mut writer, generation)
    }

    fn commit(&self, writer: &mut IndexWriter, generation: &str) -> Result<(), SearchError> {
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(generation);
        prepared.commit()?;
        self.reader.reload()?;
        self.refresh_vocabulary()?;
        self.cache.invalidate();
        Ok(())
    }

    fn add(&self, writer: &IndexWriter, doc: &Document) -> Result<(), SearchError> {
        if doc.status != Status::Published {
            return Ok(());
        }
        let f = &self.fields;
        for (locale, t) in &doc.translations {
            let lf = f.of(*locale);
            let body = to_plain_text(&t.body);
            let summary = t.summary.clone().unwrap_or_default();
            let tags = t.tags.join(" ");
            let mut d = TantivyDocument::new();
            d.add_text(f.doc_id, doc_id(doc.kind, doc.slug.as_str()));
            d.add_text(f.kind, doc.kind.code());
            d.add_text(f.slug, doc.slug.as_str());
            d.add_text(f.locale, locale.code());
            d.add_text(f.category, doc.category.as_str());
            d.add_text(f.summary, &summary);
            d.add_text(lf.title, &t.title);
            d.add_text(lf.tags, &tags);
            d.add_text(lf.body, format!("{summary}\n{body}"));
            let all = format!("{}\n{tags}\n{summary}\n{body}", t.title);
            d.add_text(lf.folded, &all);
            d.add_text(lf.exact, format!("{}\n{tags}", t.title));
            writer.add_document(d)?;
        }
        Ok(())
    }

    fn refresh_vocabulary(&self) -> Result<(), SearchError> {
        let searcher = self.reader.searcher();
        let mut vocabularies: [HashSet<String>; 3] = Default::default();
        for (i, locale) in Locale::ALL.into_iter().enumerate() {
            let field = self.fields.of(locale).folded;
            for segment in searcher.segment_readers() {
                let inverted = segment.inverted_index(field)?;
                let mut stream = inverted.terms().stream().map_err(tantivy::TantivyError::from)?;
                while stream.advance() {
                    if let Ok(word) = std::str::from_utf8(stream.key())
                        && word.len() >= 3
                        && word.chars().all(char::is_alphabetic)
                    {
                        vocabularies[i].insert(word.to_owned());
                    }
                }
            }
        }
        let mut guard = self.vocabulary.write().map_err(|_| SearchError::Poisoned)?;
        *guard = vocabularies.map(Vocabulary::new);
        Ok(())
    }

    /// How many translations are searchable.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// How many segments the searchable index has (fewer search faster).
    pub fn num_segments(&self) -> usize {
        self.reader.searcher().segment_readers().len()
    }

    /// Searches the customer's language first; when it finds fewer than a few hits, the other
    /// languages' hits follow. Recent results are answered from the cache.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults, SearchError> {
        let request = SearchRequest { text: cache::normalise(&request.text), ..request.clone() };
        if let Some(found) = self.cache.get(&request) {
            return Ok(found);
        }
        let epoch = self.cache.epoch();
        let results = self.run(&request)?;
        self.cache.put(&request, epoch, &results);
        Ok(results)
    }

    /// [`SearchIndex::search`] without the cache: what a search costs (benchmarks).
    pub fn search_uncached(&self, request: &SearchRequest) -> Result<SearchResults, SearchError> {
        self.run(&SearchRequest { text: cache::normalise(&request.text), ..request.clone() })
    }

    /// Sets how many recent results are kept (0: none).
    pub fn set_cache_capacity(&self, entries: usize) {
        self.cache.set_capacity(entries);
    }

    /// The result cache's hits and misses so far.
    pub fn cache_stats(&self) -> cache::CacheStats {
        self.cache.stats()
    }

    fn run(&self, request: &SearchRequest) -> Result<SearchResults, SearchError> {
        let searcher = self.reader.searcher();
        let vocabulary = self.vocabulary.read().map_err(|_| SearchError::Poisoned)?;
        let limit = request.limit.clamp(1, 50);
        // Folding does not depend on the locale: the words are taken once for every locale searched.
        let words = query::words(&request.text);
        let mut hits = Vec::new();
        let (total, primary) =
            self.search_locale(&searcher, request, &words, request.locale, &vocabulary, limit + request.offset)?;
        hits.extend(primary);
        let mut total = total;
        if total < FEW_HITS {
            for other in Locale::ALL.into_iter().filter(|l| *l != request.locale) {
                let (n, more) =
                    self.search_locale(&searcher, request, &words, other, &vocabulary, limit + request.offset)?;
                total += n;
                hits.extend(more);
            }
            // Others' hits keep their own order after the customer's language, best first.
            let (own, mut others): (Vec<_>, Vec<_>) = hits.into_iter().partition(|h| h.locale == request.locale);
            others.sort_by(|a, b| b.score.total_cmp(&a.score));
            hits = own;
            hits.extend(others);
        }
        let hits = hits.into_iter().skip(request.offset).take(limit).collect();
        Ok(SearchResults { total, hits })
    }

    fn search_locale(
        &self,
        searcher: &tantivy::Searcher,
        request: &SearchRequest,
        words: &[String],
        locale: Locale,
        vocabulary: &[Vocabulary; 3],
        top: usize,
    ) -> Result<(usize, Vec<SearchHit>), SearchError> {
        let known = &vocabulary[locale as usize];
        let partial = query::last_is_partial(&request.text);
        let hints = words
            .iter()
            .enumerate()
            .map(|(i, word)| {
                // A half-typed last word is one the index does not know as it stands.
                let completions = if partial && i + 1 == words.len() && !known.contains(word) {
                    self.completions(searcher, locale, word)?
                } else {
                    Vec::new()
                };
                Ok(WordHints { correction: self.correction(searcher, locale, known, word)?, completions })
            })
            .collect::<Result<Vec<_>, SearchError>>()?;
        let Some(query::BuiltQuery { ranked: text_query, bonus }) =
            query::build(&request.text, words, locale, &self.fields, known, &hints, &self.weights)
        else {
            return Ok((0, Vec::new()));
        };
        // The text query only reaches this locale's fields, so it needs no locale filter; without
        // filters it stays one flat disjunction that tantivy can prune.
        let mut filters: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if let Some(category) = &request.category {
            filters.push((Occur::Must, self.exact_term(self.fields.category, category.as_str())));
        }
        if let Some(kind) = request.kind {
            filters.push((Occur::Must, self.exact_term(self.fields.kind, kind.code())));
        }
        let query: Box<dyn Query> = if filters.is_empty() {
            text_query
        } else {
            filters.push((Occur::Must, text_query));
            Box::new(BooleanQuery::new(filters))
        };
        // Counting every match apart from ranking the best ones: the count needs no scores, and
        // the ranking may then skip documents that cannot reach the top.
        let top_docs = bonus.top(searcher, query.as_ref(), top.max(1))?;
        // Fewer than asked for: those are all the matches, and counting would find no more.
        let total = if top_docs.len() < top.max(1) { top_docs.len() } else { searcher.search(&query, &Count)? };
        if top_docs.is_empty() {
            return Ok((0, Vec::new()));
        }
        let lf = self.fields.of(locale);
        let highlighter = Highlighter::for_query(searcher, query.as_ref(), lf.body, locale)?;
        let mut hits = Vec::with_capacity(top_docs.len());
        for (score, address) in top_docs {
            hits.push(self.hit(searcher, address, score, locale, &highlighter)?);
        }
        Ok((total, hits))
    }

    /// The most common known words (by documents) that `prefix` begins, other than itself.
    fn completions(
        &self,
        searcher: &tantivy::Searcher,
        locale: Locale,
        prefix: &str,
    ) -> Result<Vec<String>, SearchError> {
        if prefix.chars().count() < 2 {
            return Ok(Vec::new());
        }
        let field = self.fields.of(locale).folded;
        let mut found: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(field)?;
            let mut stream =
                inverted.terms().range().gt(prefix.as_bytes()).into_stream().map_err(tantivy::TantivyError::from)?;
            while stream.advance() {
                if !stream.key().starts_with(prefix.as_bytes()) {
                    break;
                }
                if let Ok(word) = std::str::from_utf8(stream.key()) {
                    *found.entry(word.to_owned()).or_default() += stream.value().doc_freq;
                }
            }
        }
        let mut found: Vec<(String, u32)> = found.into_iter().collect();
        found.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Ok(found.into_iter().take(COMPLETIONS).map(|(word, _)| word).collect())
    }

    /// For a word the index does not know, the closest word it does: the smallest edit
    /// distance (1 for words of 4–7 letters, 2 for longer), then the most documents.
    fn correction(
        &self,
        searcher: &tantivy::Searcher,
        locale: Locale,
        known: &Vocabulary,
        word: &str,
    ) -> Result<Option<String>, SearchError> {
        let length = word.chars().count();
        if length < 4 || known.contains(word) || !word.chars().all(char::is_alphabetic) {
            return Ok(None);
        }
        let distance = if length >= 8 { 2 } else { 1 };
        let field = self.fields.of(locale).folded;
        let fuzzy = FuzzyTermQuery::new(Term::from_field_text(field, word), distance, true);
        let mut best: Option<(usize, u32, String)> = None;
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(field)?;
            let mut stream =
                inverted.terms().search(fuzzy.automaton()?).into_stream().map_err(tantivy::TantivyError::from)?;
            while stream.advance() {
                let Ok(candidate) = std::str::from_utf8(stream.key()) else { continue };
                let d = vocabulary::edit_distance(word, candidate);
                let docs = stream.value().doc_freq;
                let better = match &best {
                    None => true,
                    Some((bd, bdocs, _)) => d < *bd || (d == *bd && docs > *bdocs),
                };
                if better {
                    best = Some((d, docs, candidate.to_owned()));
                }
            }
        }
        Ok(best.map(|(_, _, word)| word))
    }

    fn hit(
        &self,
        searcher: &tantivy::Searcher,
        address: DocAddress,
        score: f32,
        locale: Locale,
        highlighter: &Highlighter,
    ) -> Result<SearchHit, SearchError> {
        let doc: TantivyDocument = searcher.doc(address)?;
        let text = |field| doc.get_first(field).and_then(|v| v.as_str()).unwrap_or_default().to_owned();
        let lf = self.fields.of(locale);
        let mut snippet_html = highlighter.html(doc.get_first(lf.body).and_then(|v| v.as_str()).unwrap_or_default());
        if snippet_html.trim().is_empty() {
            let summary = text(self.fields.summary);
            let fallback = if summary.is_empty() { text(lf.body) } else { summary };
            snippet_html = crate::html::escape(&truncate(&fallback, FALLBACK_CHARS));
        }
        Ok(SearchHit {
            kind: text(self.fields.kind).parse().unwrap_or(DocKind::Article),
            slug: text(self.fields.slug),
            locale,
            title: text(lf.title),
            snippet: snippet_html,
            category: text(self.fields.category),
            score,
        })
    }

    fn exact_term(&self, field: tantivy::schema::Field, value: &str) -> Box<dyn Query> {
        Box::new(TermQuery::new(Term::from_field_text(field, value), IndexRecordOption::Basic))
    }
}

/// Small document-store blocks: a hit's stored fields are read by decompressing its block, and
/// a search reads about ten hits from anywhere in the index.
fn index_settings() -> IndexSettings {
    IndexSettings { docstore_blocksize: 4096, ..IndexSettings::default() }
}

fn doc_id(kind: DocKind, slug: &str) -> String {
    format!("{}/{slug}", kind.code())
}

fn truncate(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}
