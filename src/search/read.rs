//! The read path: one search, the customer's language first and the others when it finds few;
//! word completions and corrections from the vocabulary; a hit with its snippet.

use super::*;

impl SearchIndex {
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
        let built = self.locale_query(searcher, request, words, locale, vocabulary)?;
        let Some(query::BuiltQuery { ranked: text_query, bonus }) = built else {
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
        let highlighter = Highlighter::for_query(searcher, query.as_ref(), lf.text, locale)?;
        let mut hits = Vec::with_capacity(top_docs.len());
        for (score, address) in top_docs {
            hits.push(self.hit(searcher, address, score, locale, &highlighter)?);
        }
        let total = self.promote_learned(searcher, request, locale, &highlighter, &mut hits, total)?;
        Ok((total, hits))
    }

    /// What a search for `request` in `locale` ranks by; `None` when it has no words.
    fn locale_query(
        &self,
        searcher: &tantivy::Searcher,
        request: &SearchRequest,
        words: &[String],
        locale: Locale,
        vocabulary: &[Vocabulary; 3],
    ) -> Result<Option<query::BuiltQuery>, SearchError> {
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
                Ok(WordHints { correction: known.correction(word).map(str::to_owned), completions })
            })
            .collect::<Result<Vec<_>, SearchError>>()?;
        let synonyms = self.synonyms.read().map_err(|_| SearchError::Poisoned)?;
        let expansions = [
            (&synonyms.rules[locale as usize], self.weights.synonym),
            (&synonyms.thesauri[locale as usize], self.weights.thesaurus),
        ];
        let text = self.fields.of(locale).text;
        let documents = searcher.num_docs();
        let common_in_text = |stem: &str| {
            documents >= COMMON_MIN_DOCS
                && searcher
                    .doc_freq(&Term::from_field_text(text, stem))
                    .is_ok_and(|df| df.saturating_mul(COMMON_SHARE) > documents)
        };
        Ok(query::build(
            &request.text,
            words,
            locale,
            &self.fields,
            known,
            &expansions,
            &hints,
            &self.weights,
            &common_in_text,
        ))
    }

    /// The weighted terms a search for `request` ranks by in its own language, one
    /// `field:term ×weight` a line, and its exact-spelling bonus: what `tuki eval --explain`
    /// prints for tracing a miss.
    pub fn explain(&self, request: &SearchRequest) -> Result<String, SearchError> {
        let searcher = self.reader.searcher();
        let vocabulary = self.vocabulary.read().map_err(|_| SearchError::Poisoned)?;
        let words = query::words(&request.text);
        let Some(built) = self.locale_query(&searcher, request, &words, request.locale, &vocabulary)? else {
            return Ok(String::from("(no terms)\n"));
        };
        let schema = self.index.schema();
        let term = regex::Regex::new(r#"Term\(field=(\d+), type=Str, "([^"]*)"\)"#).expect("pattern");
        let boosted =
            regex::Regex::new(r#"Term\(field=(\d+), type=Str, "([^"]*)"\)\)*, boost=([0-9.eE+-]+)"#).expect("pattern");
        let mut out = String::new();
        for found in boosted.captures_iter(&format!("{:?}", built.ranked)) {
            let field =
                found[1].parse().map_or("?", |id| schema.get_field_name(tantivy::schema::Field::from_field_id(id)));
            out += &format!("{field}:{} ×{}\n", &found[2], &found[3]);
        }
        out += &format!("bonus and coordination: {}\n", term.replace_all(&format!("{:?}", built.bonus), "$2"));
        Ok(out)
    }

    /// Puts the answers learned for this search ([`learned`]) first, strongest first, when
    /// they are in `locale` and pass the request's filters; returns the total with those that
    /// the words alone did not find.
    fn promote_learned(
        &self,
        searcher: &tantivy::Searcher,
        request: &SearchRequest,
        locale: Locale,
        highlighter: &Highlighter,
        hits: &mut Vec<SearchHit>,
        mut total: usize,
    ) -> Result<usize, SearchError> {
        let learned = self.learned.read().map_err(|_| SearchError::Poisoned)?;
        let answers = learned.for_query(locale, &request.text);
        if answers.is_empty() {
            return Ok(total);
        }
        let top = hits.first().map_or(0.0, |h| h.score);
        let mut promoted = Vec::new();
        for (doc_id, evidence) in answers {
            // Among the hits, it passed the filters already; else it is looked up.
            let mut hit = match hits.iter().position(|h| doc_id == &index::doc_id(h.kind, &h.slug)) {
                Some(i) => hits.remove(i),
                None => {
                    let filter = BooleanQuery::new(vec![
                        (Occur::Must, self.exact_term(self.fields.doc_id, doc_id)),
                        (Occur::Must, self.exact_term(self.fields.locale, locale.code())),
                    ]);
                    let found =
                        searcher.search(&filter, &tantivy::collector::TopDocs::with_limit(1).order_by_score())?;
                    let Some((_, address)) = found.first() else { continue };
                    let hit = self.hit(searcher, *address, 0.0, locale, highlighter)?;
                    let passes = request.category.as_ref().is_none_or(|c| c.as_str() == hit.category)
                        && request.kind.is_none_or(|k| k == hit.kind);
                    if !passes {
                        continue;
                    }
                    total += 1;
                    hit
                }
            };
            hit.score = top + *evidence as f32;
            promoted.push(hit);
        }
        promoted.sort_by(|a, b| b.score.total_cmp(&a.score));
        hits.splice(0..0, promoted);
        Ok(total)
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

fn truncate(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}
