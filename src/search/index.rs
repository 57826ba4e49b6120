//! The index's lifecycle: opening (or creating, when missing, unreadable or of another
//! schema version), rebuilding from every document, updating the changed ones, and the
//! vocabulary the query builder corrects and completes words from.

use super::*;
use schema::{TAGS_REPEATS, TITLE_REPEATS};

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
            synonyms: RwLock::new(Default::default()),
            learned: RwLock::new(Default::default()),
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
            let summary_and_body = format!("{summary}\n{body}");
            for _ in 0..TITLE_REPEATS {
                d.add_text(lf.text, &t.title);
            }
            for _ in 0..TAGS_REPEATS {
                d.add_text(lf.text, &tags);
            }
            d.add_text(lf.text, &summary_and_body);
            let heading = format!("{}\n{tags}", t.title);
            d.add_text(lf.heading, &heading);
            let questions = t.questions.join("\n");
            d.add_text(lf.questions, &questions);
            let all = format!("{heading}\n{questions}\n{summary_and_body}");
            d.add_text(lf.body, summary_and_body);
            d.add_text(lf.folded, &all);
            d.add_text(lf.exact, heading);
            writer.add_document(d)?;
        }
        Ok(())
    }

    fn refresh_vocabulary(&self) -> Result<(), SearchError> {
        let searcher = self.reader.searcher();
        let mut vocabularies: [HashMap<String, u32>; 3] = Default::default();
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
                        let documents = vocabularies[i].entry(word.to_owned()).or_default();
                        *documents = documents.saturating_add(stream.value().doc_freq);
                    }
                }
            }
        }
        let mut guard = self.vocabulary.write().map_err(|_| SearchError::Poisoned)?;
        let [fi, sv, en] = vocabularies;
        *guard = [Vocabulary::new(Locale::Fi, fi), Vocabulary::new(Locale::Sv, sv), Vocabulary::new(Locale::En, en)];
        Ok(())
    }

    /// Loads the editors' synonyms files (by locale; a locale without one keeps the default
    /// vocabulary) unless they are the ones loaded; true when they were not. Recent results are
    /// forgotten when they change.
    pub fn set_synonyms(&self, sources: &std::collections::BTreeMap<Locale, String>) -> Result<bool, SearchError> {
        let mut guard = self.synonyms.write().map_err(|_| SearchError::Poisoned)?;
        if guard.files.as_ref() == Some(sources) {
            return Ok(false);
        }
        let rules = Locale::ALL.map(|l| synonyms::effective(l, sources.get(&l).map(String::as_str)));
        guard.files = Some(sources.clone());
        guard.rules = rules;
        drop(guard);
        self.cache.invalidate();
        Ok(true)
    }

    /// Uses a general-language thesaurus for `locale` (weighed by [`Weights::thesaurus`]).
    pub fn set_thesaurus(
        &self,
        locale: Locale,
        list: &crate::content::synonyms::SynonymList,
    ) -> Result<(), SearchError> {
        let rules = synonyms::Synonyms::new(locale, list);
        self.synonyms.write().map_err(|_| SearchError::Poisoned)?.thesauri[locale as usize] = rules;
        self.cache.invalidate();
        Ok(())
    }

    /// Uses these learned answers unless they are the ones in use; true when they were not.
    /// Recent results are forgotten when they change.
    pub fn set_learned(&self, answers: learned::LearnedAnswers) -> Result<bool, SearchError> {
        let mut guard = self.learned.write().map_err(|_| SearchError::Poisoned)?;
        if *guard == answers {
            return Ok(false);
        }
        *guard = answers;
        drop(guard);
        self.cache.invalidate();
        Ok(true)
    }

    /// True once synonyms files were loaded (even none).
    pub fn synonyms_loaded(&self) -> bool {
        self.synonyms.read().is_ok_and(|guard| guard.files.is_some())
    }

    /// How many translations are searchable.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// How many segments the searchable index has (fewer search faster).
    pub fn num_segments(&self) -> usize {
        self.reader.searcher().segment_readers().len()
    }
}

/// Small document-store blocks: a hit's stored fields are read by decompressing its block, and
/// a search reads about ten hits from anywhere in the index.
pub(super) fn index_settings() -> IndexSettings {
    IndexSettings { docstore_blocksize: 4096, ..IndexSettings::default() }
}

pub(super) fn doc_id(kind: DocKind, slug: &str) -> String {
    format!("{}/{slug}", kind.code())
}
