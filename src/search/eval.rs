//! `tuki eval`: search quality on the project's labelled query sets, against an SQLite FTS5
//! baseline over the same documents, in the same run.
//!
//! Two corpora are searched together: the demo content and an independent corpus
//! (`eval/corpus`, 42 articles of the same domains written in another voice, never shown in the
//! portal). The queries are split in two parts: the development part (`eval/dev.tsv`), which the
//! search is tuned on and whose misses may be printed, and the test part (`eval/test.tsv`),
//! written before any tuning on the independent corpus and read only as aggregate figures.
//!
//! Metrics per query: P@1 (the first hit is an acceptable answer), recall@3 (an acceptable
//! answer is among the first three), MRR@10 (1 / rank of the first acceptable answer in ten).

use super::{SearchIndex, SearchRequest};
use crate::Locale;
use crate::content::bundle::{Bundle, BundleErrors};
use crate::content::demo::{compiled_files, demo_bundle};
use crate::content::markdown::to_plain_text;
use crate::content::{Document, Status};
use sqlx::{Connection, Row, SqliteConnection};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The development part of the query set: tuned on; its misses may be read.
pub const DEV_SET: &str = include_str!("eval/dev.tsv");

/// The held-out test part: only ever read as aggregate figures.
pub const TEST_SET: &str = include_str!("eval/test.tsv");

static CORPUS: include_dir::Dir<'static> = include_dir::include_dir!("$CARGO_MANIFEST_DIR/src/search/eval/corpus");

/// The independent corpus, checked like any bundle.
pub fn independent_corpus() -> Result<Bundle, BundleErrors> {
    Bundle::parse(&compiled_files(&CORPUS))
}

/// A document as the query set names answers: `kind:slug`.
fn answer_key(kind: impl std::fmt::Display, slug: impl std::fmt::Display) -> String {
    format!("{kind}:{slug}")
}

/// `kind:slug` of the independent corpus's documents, read once.
fn independent_ids() -> Result<&'static std::collections::HashSet<String>, String> {
    static IDS: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    if let Some(ids) = IDS.get() {
        return Ok(ids);
    }
    let documents = independent_corpus().map_err(|e| e.to_string())?.documents;
    Ok(IDS.get_or_init(|| documents.iter().map(|d| answer_key(d.kind, &d.slug)).collect()))
}

/// Every document the evaluation searches: the demo content and the independent corpus, as
/// customers see them (the demo bank's service numbers filled in).
pub fn evaluation_documents() -> Result<Vec<Document>, String> {
    let mut documents = demo_bundle().map_err(|e| e.to_string())?.documents;
    documents.extend(independent_corpus().map_err(|e| e.to_string())?.documents);
    let numbers = crate::content::service_numbers::ServiceNumbers::default();
    Ok(documents.into_iter().map(|d| numbers.fill_document(d)).collect())
}

/// Which part of the query set a report covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Tuned on; misses may be printed.
    Dev,
    /// Held out; aggregates only.
    Test,
}

impl Part {
    /// The part's queries.
    pub fn queries(self) -> Vec<LabelledQuery> {
        let text = match self {
            Part::Dev => DEV_SET,
            Part::Test => TEST_SET,
        };
        parse_queries(text).expect("the compiled-in query sets parse (a unit test checks them)")
    }

    /// The part's short name: `dev` or `test`, as its file is named.
    pub fn short_name(self) -> &'static str {
        match self {
            Part::Dev => "dev",
            Part::Test => "test",
        }
    }

    /// The part's name in reports.
    pub fn name(self) -> &'static str {
        match self {
            Part::Dev => "development part",
            Part::Test => "test part (held out)",
        }
    }
}

/// One labelled query.
#[derive(Clone, Debug)]
pub struct LabelledQuery {
    /// The customer's language.
    pub locale: Locale,
    /// How it is typed: plain, inflected, compound, typo, noaccent, paraphrase, prefix.
    pub kind: String,
    /// What the customer typed.
    pub text: String,
    /// Acceptable answers, as `kind:slug`.
    pub answers: Vec<String>,
}

/// Parses the tab-separated query set; lines starting with `#` are comments.
pub fn parse_queries(text: &str) -> Result<Vec<LabelledQuery>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [locale, kind, query, answers] = cols[..] else {
            return Err(format!("line {}: expected 4 tab-separated columns", n + 1));
        };
        out.push(LabelledQuery {
            locale: locale.parse().map_err(|e| format!("line {}: {e}", n + 1))?,
            kind: kind.to_owned(),
            text: query.to_owned(),
            answers: answers.split('|').map(str::to_owned).collect(),
        });
    }
    Ok(out)
}

/// Summed metrics of a group of queries.
#[derive(Clone, Copy, Debug, Default)]
pub struct Metrics {
    /// Queries.
    pub n: usize,
    p_at_1: f64,
    recall_at_3: f64,
    mrr_at_10: f64,
}

impl Metrics {
    fn add(&mut self, ranked: &[String], answers: &[String]) {
        self.n += 1;
        let rank = ranked.iter().take(10).position(|id| answers.contains(id));
        if rank == Some(0) {
            self.p_at_1 += 1.0;
        }
        if rank.is_some_and(|r| r < 3) {
            self.recall_at_3 += 1.0;
        }
        if let Some(r) = rank {
            self.mrr_at_10 += 1.0 / (r as f64 + 1.0);
        }
    }

    /// Precision at 1.
    pub fn p_at_1(&self) -> f64 {
        self.p_at_1 / self.n.max(1) as f64
    }

    /// Recall at 3.
    pub fn recall_at_3(&self) -> f64 {
        self.recall_at_3 / self.n.max(1) as f64
    }

    /// Mean reciprocal rank at 10.
    pub fn mrr_at_10(&self) -> f64 {
        self.mrr_at_10 / self.n.max(1) as f64
    }
}

/// Metrics overall, per locale and per query type, for one engine.
#[derive(Clone, Debug, Default)]
pub struct EngineReport {
    /// Keyed `all`, `locale:fi`, `type:typo`, …
    pub groups: BTreeMap<String, Metrics>,
    /// Queries whose first hit was not acceptable: (query, rank of the first acceptable answer
    /// in ten, top three).
    pub misses: Vec<(LabelledQuery, Option<usize>, Vec<String>)>,
}

impl EngineReport {
    fn record(&mut self, query: &LabelledQuery, corpus: &str, ranked: Vec<String>) {
        let keys = [
            "all".to_owned(),
            format!("corpus:{corpus}"),
            format!("locale:{}", query.locale),
            format!("type:{}", query.kind),
        ];
        for key in keys {
            self.groups.entry(key).or_default().add(&ranked, &query.answers);
        }
        let rank = ranked.iter().take(10).position(|id| query.answers.contains(id));
        if rank != Some(0) {
            self.misses.push((query.clone(), rank.map(|r| r + 1), ranked.into_iter().take(3).collect()));
        }
    }

    /// The overall metrics.
    pub fn overall(&self) -> Metrics {
        self.groups.get("all").copied().unwrap_or_default()
    }
}

/// Both engines' results on one query set.
#[derive(Clone, Debug)]
pub struct EvalReport {
    /// Tuki's search.
    pub tuki: EngineReport,
    /// SQLite FTS5 with unicode61 (diacritics removed), prefix on the last word, bm25 with the
    /// same field weights.
    pub fts5: EngineReport,
    /// Number of searchable translations.
    pub documents: usize,
}

/// Tuki's first ten hits for a labelled query, as `kind:slug` with their scores.
fn first_ten(index: &SearchIndex, q: &LabelledQuery) -> Result<Vec<(String, f32)>, String> {
    let request =
        SearchRequest { text: q.text.clone(), locale: q.locale, limit: 10, offset: 0, category: None, kind: None };
    let results = index.search(&request).map_err(|e| e.to_string())?;
    Ok(results.hits.iter().map(|h| (answer_key(h.kind, &h.slug), h.score)).collect())
}

/// Runs every query against `index` and against an FTS5 baseline built from `documents`.
pub async fn evaluate(
    index: &SearchIndex,
    documents: &[Document],
    queries: &[LabelledQuery],
) -> Result<EvalReport, String> {
    // Which corpus a query asks about: the one its first acceptable answer is in.
    let independent = independent_ids()?;
    let corpus_of = |q: &LabelledQuery| {
        if q.answers.first().is_some_and(|a| independent.contains(a)) { "independent" } else { "demo" }
    };
    let mut tuki = EngineReport::default();
    for q in queries {
        let hits = first_ten(index, q)?;
        tuki.record(q, corpus_of(q), hits.into_iter().map(|(key, _)| key).collect());
    }
    let mut baseline = Fts5Baseline::build(documents).await?;
    let mut fts5 = EngineReport::default();
    for q in queries {
        fts5.record(q, corpus_of(q), baseline.search(q.locale, &q.text).await?);
    }
    Ok(EvalReport { tuki, fts5, documents: baseline.documents })
}

/// The documents the evaluation searches, one JSON object a line (`key` as `kind:slug`,
/// `locale`, and `text`: title, tags, summary, questions and body as plain text), for
/// measuring other rankers against the same documents (`.ci/embedding-eval`).
pub fn documents_jsonl(documents: &[Document]) -> String {
    let mut out = String::new();
    for document in documents.iter().filter(|d| d.status == Status::Published) {
        for (locale, t) in &document.translations {
            let text =
                [t.title.as_str(), &t.tags.join(", "), t.summary.as_deref().unwrap_or(""), &t.questions.join(" ")]
                    .into_iter()
                    .chain([to_plain_text(&t.body).as_str()])
                    .filter(|part| !part.is_empty())
                    .collect::<Vec<_>>()
                    .join(". ");
            let line = serde_json::json!({"key": answer_key(document.kind, &document.slug), "locale": locale.code(), "text": text});
            let _ = writeln!(out, "{line}");
        }
    }
    out
}

/// Tuki's first ten hits with their scores for every query of a part, one JSON object a line
/// (`locale`, `type`, `text`, `answers`, `hits`: `[key, score]`), in the part's order, for fusing
/// another ranker with Tuki's (`.ci/embedding-eval`, which reads the test part's only as
/// aggregates).
pub fn rankings_jsonl(index: &SearchIndex, queries: &[LabelledQuery]) -> Result<String, String> {
    let mut out = String::new();
    for q in queries {
        let hits = first_ten(index, q)?;
        let line = serde_json::json!({"locale": q.locale.code(), "type": q.kind, "text": q.text, "answers": q.answers, "hits": hits});
        let _ = writeln!(out, "{line}");
    }
    Ok(out)
}

impl EvalReport {
    /// The report as a table, with the misses of Tuki's search when `misses` is set and the
    /// part is the development part (the test part's queries are never printed).
    pub fn render(&self, part: Part, misses: bool) -> String {
        let mut out = String::new();
        let n = self.tuki.overall().n;
        let _ = writeln!(
            out,
            "Search evaluation, {}: {n} queries over {} searchable translations\n",
            part.name(),
            self.documents
        );
        let _ = writeln!(out, "{:<18} {:>4}   {:>24}   {:>24}", "", "", "tuki", "fts5 baseline");
        let _ = writeln!(
            out,
            "{:<18} {:>4}   {:>6} {:>6} {:>8}   {:>6} {:>6} {:>8}",
            "group", "n", "P@1", "R@3", "MRR@10", "P@1", "R@3", "MRR@10"
        );
        let mut keys: Vec<&String> = self.tuki.groups.keys().collect();
        keys.sort_by_key(|k| (k.as_str() != "all", !k.starts_with("corpus"), !k.starts_with("locale"), k.to_string()));
        for key in keys {
            let t = self.tuki.groups[key];
            let b = self.fts5.groups.get(key).copied().unwrap_or_default();
            let _ = writeln!(
                out,
                "{key:<18} {:>4}   {:>6.3} {:>6.3} {:>8.3}   {:>6.3} {:>6.3} {:>8.3}",
                t.n,
                t.p_at_1(),
                t.recall_at_3(),
                t.mrr_at_10(),
                b.p_at_1(),
                b.recall_at_3(),
                b.mrr_at_10()
            );
        }
        if misses && part == Part::Dev {
            let _ = writeln!(out, "\nTuki misses (first hit not acceptable; rank of the first acceptable one in ten):");
            for (q, rank, top) in &self.tuki.misses {
                let rank = rank.map_or("-".to_owned(), |r| r.to_string());
                let _ = writeln!(
                    out,
                    "  [{} {}] at {rank}: {:?} wants {} got {}",
                    q.locale,
                    q.kind,
                    q.text,
                    q.answers.join("|"),
                    top.join(", ")
                );
            }
        }
        out
    }
}

/// Each signal switched off in turn, and all but plain stemming switched off: what each adds.
pub fn ablations() -> Vec<(&'static str, super::Weights)> {
    let full = super::Weights::default();
    vec![
        ("all signals", full),
        ("without typo correction", super::Weights { correction: 0.0, ..full }),
        ("without compound splitting", super::Weights { compound: 0.0, ..full }),
        ("without compounds found by a part", super::Weights { part_of: 0.0, ..full }),
        ("without the parts of known compounds", super::Weights { known_parts: 0.0, ..full }),
        ("without other stems of a word", super::Weights { family: 0.0, ..full }),
        ("family 0.4", super::Weights { family: 0.4, ..full }),
        ("family 0.8", super::Weights { family: 0.8, ..full }),
        ("without synonyms", super::Weights { synonym: 0.0, ..full }),
        ("without the questions texts answer", super::Weights { questions: 0.0, ..full }),
        ("without last-word completion", super::Weights { prefix: 0.0, ..full }),
        ("without exact-spelling bonus", super::Weights { exact: 0.0, ..full }),
        ("without coordination", super::Weights { coordination: 0.0, ..full }),
        (
            "stemming only",
            super::Weights {
                correction: 0.0,
                compound: 0.0,
                prefix: 0.0,
                exact: 0.0,
                part_of: 0.0,
                known_parts: 0.0,
                family: 0.0,
                synonym: 0.0,
                coordination: 0.0,
                ..full
            },
        ),
    ]
}

/// The baseline: one FTS5 table over the same translations.
struct Fts5Baseline {
    conn: SqliteConnection,
    documents: usize,
}

impl Fts5Baseline {
    async fn build(documents: &[Document]) -> Result<Fts5Baseline, String> {
        let err = |e: sqlx::Error| e.to_string();
        let mut conn = SqliteConnection::connect("sqlite::memory:").await.map_err(err)?;
        sqlx::query(
            "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, locale UNINDEXED, title, tags, body, \
             tokenize = 'unicode61 remove_diacritics 2')",
        )
        .execute(&mut conn)
        .await
        .map_err(err)?;
        let mut count = 0;
        for doc in documents.iter().filter(|d| d.status == Status::Published) {
            for (locale, t) in &doc.translations {
                let body = format!("{}\n{}", t.summary.clone().unwrap_or_default(), to_plain_text(&t.body));
                sqlx::query("INSERT INTO docs (id, locale, title, tags, body) VALUES ($1, $2, $3, $4, $5)")
                    .bind(answer_key(doc.kind, &doc.slug))
                    .bind(locale.code())
                    .bind(&t.title)
                    .bind(t.tags.join(" "))
                    .bind(body)
                    .execute(&mut conn)
                    .await
                    .map_err(err)?;
                count += 1;
            }
        }
        Ok(Fts5Baseline { conn, documents: count })
    }

    async fn search(&mut self, locale: Locale, text: &str) -> Result<Vec<String>, String> {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| format!("\"{}\"", w.to_lowercase()))
            .collect();
        let Some((last, rest)) = words.split_last() else { return Ok(Vec::new()) };
        let mut terms: Vec<String> = rest.to_vec();
        terms.push(format!("{last}*"));
        let rows = sqlx::query(
            "SELECT id FROM docs WHERE docs MATCH $1 AND locale = $2 ORDER BY bm25(docs, 0, 0, 3.0, 2.5, 1.0) LIMIT 10",
        )
        .bind(terms.join(" OR "))
        .bind(locale.code())
        .fetch_all(&mut self.conn)
        .await
        .map_err(|e| e.to_string())?;
        rows.iter().map(|r| r.try_get::<String, _>(0).map_err(|e| e.to_string())).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_parts_parse_and_every_answer_names_a_published_document() {
        let documents = evaluation_documents().expect("both corpora");
        let ids: std::collections::BTreeSet<String> = documents.iter().map(|d| answer_key(d.kind, &d.slug)).collect();
        for part in [Part::Dev, Part::Test] {
            for q in part.queries() {
                for answer in &q.answers {
                    assert!(ids.contains(answer), "{:?} in the {} names {answer}", q.text, part.name());
                }
            }
        }
    }

    #[test]
    fn the_rankings_list_every_query_in_order_with_its_hits_and_the_documents_every_published_translation() {
        let documents = evaluation_documents().expect("both corpora");
        let index = SearchIndex::in_memory().expect("index");
        index.rebuild(&documents, "eval").expect("indexed");
        let queries = parse_queries(
            "fi\tplain\tunohtunut salasana\tarticle:reset-forgotten-password\nen\ttypo\tzzqx\tarticle:x\n",
        )
        .expect("queries");
        let rankings = rankings_jsonl(&index, &queries).expect("rankings");
        let lines: Vec<serde_json::Value> = rankings.lines().map(|l| serde_json::from_str(l).expect("json")).collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["text"], "unohtunut salasana");
        assert_eq!(lines[0]["hits"][0][0], "article:reset-forgotten-password");
        assert!(lines[0]["hits"][0][1].as_f64().expect("score") > 0.0);
        assert_eq!(lines[1]["hits"], serde_json::json!([]), "a query nothing matches has no hits");

        let published: usize =
            documents.iter().filter(|d| d.status == Status::Published).map(|d| d.translations.len()).sum();
        let listed: Vec<serde_json::Value> =
            documents_jsonl(&documents).lines().map(|l| serde_json::from_str(l).expect("json")).collect();
        assert_eq!(listed.len(), published);
        let reset = listed
            .iter()
            .find(|d| d["key"] == "article:reset-forgotten-password" && d["locale"] == "fi")
            .expect("the Finnish translation");
        assert!(reset["text"].as_str().expect("text").to_lowercase().contains("salasana"));
        assert!(!reset["text"].as_str().expect("text").contains("**"), "plain text, not Markdown");
    }

    #[test]
    fn the_set_has_four_hundred_queries_a_quarter_of_them_paraphrases_and_no_query_in_both_parts() {
        let (dev, test) = (Part::Dev.queries(), Part::Test.queries());
        let all: Vec<&LabelledQuery> = dev.iter().chain(&test).collect();
        assert!(all.len() >= 400, "{} queries", all.len());
        let paraphrases = all.iter().filter(|q| q.kind == "paraphrase").count();
        assert!(paraphrases * 4 >= all.len(), "{paraphrases} paraphrases of {}", all.len());
        let key = |q: &LabelledQuery| (q.locale, q.text.to_lowercase());
        let dev_keys: std::collections::BTreeSet<_> = dev.iter().map(key).collect();
        assert!(test.iter().all(|q| !dev_keys.contains(&key(q))), "a test query is also in the development part");
        let independent = independent_corpus().expect("corpus").documents.len();
        assert!(independent >= 40, "{independent} independent articles");
    }
}
