//! The index's fields. One index document per published translation (kind, slug, locale).

use super::analysis::{EXACT, FOLDED, stem_analyzer};
use crate::Locale;
use tantivy::schema::{
    Field, IndexRecordOption, STORED, STRING, Schema, SchemaBuilder, TextFieldIndexing, TextOptions,
};

/// Bumped whenever fields or analyzers change: an index of another version is rebuilt at start.
pub const SCHEMA_VERSION: u32 = 5;

/// How many times the [text](LocaleFields::text) field holds a translation's title and its tags
/// (summary, body and questions once): the field weights of BM25F, applied when indexing.
/// Tuned with `tuki eval`.
pub const TITLE_REPEATS: usize = 3;
/// See [`TITLE_REPEATS`].
pub const TAGS_REPEATS: usize = 2;

/// The fields of one locale.
#[derive(Clone, Copy, Debug)]
pub struct LocaleFields {
    /// The title, stored for display (searched through `text`).
    pub title: Field,
    /// Summary and body as plain text, stored for snippets (searched through `text`).
    pub body: Field,
    /// Title, tags, summary and body, stemmed, in one field, the title and tags repeated
    /// ([`TITLE_REPEATS`], [`TAGS_REPEATS`]): one BM25 score per term over the whole text, its
    /// frequencies weighted by field and saturated together (BM25F), instead of a score per
    /// field added up, where a word that is rare in titles outweighed the rest of the query.
    pub text: Field,
    /// Title and tags, stemmed: where a term that only stands for the customer's words and is
    /// in a large share of the texts is searched instead of the text (see `query::build`).
    pub heading: Field,
    /// The questions the text answers (customers' words), stemmed: a signal of its own.
    pub questions: Field,
    /// Title, tags, summary and body folded but not stemmed: typo and prefix matching.
    pub folded: Field,
    /// Title and tags lowercased only: a word spelt exactly as in a title or tag ranks higher.
    /// (Not the body: a bonus there costs a long posting list per word and changed no ranking
    /// `tuki eval` measures.)
    pub exact: Field,
}

/// Every field of the index.
#[derive(Clone, Debug)]
pub struct Fields {
    /// `kind/slug`: the document, across its translations.
    pub doc_id: Field,
    /// `article` or `case`.
    pub kind: Field,
    /// The document's slug.
    pub slug: Field,
    /// The translation's locale code.
    pub locale: Field,
    /// The category slug.
    pub category: Field,
    /// The summary, stored for display.
    pub summary: Field,
    /// Per-locale analysed fields, in `Locale::ALL` order.
    pub by_locale: [LocaleFields; 3],
}

impl Fields {
    /// The analysed fields of `locale`.
    pub fn of(&self, locale: Locale) -> LocaleFields {
        self.by_locale[locale as usize]
    }

    /// Builds the schema and its field handles.
    pub fn build() -> (Schema, Fields) {
        let mut builder = Schema::builder();
        let doc_id = builder.add_text_field("doc_id", STRING | STORED);
        let kind = builder.add_text_field("kind", STRING | STORED);
        let slug = builder.add_text_field("slug", STRING | STORED);
        let locale = builder.add_text_field("locale", STRING | STORED);
        let category = builder.add_text_field("category", STRING | STORED);
        let summary = builder.add_text_field("summary", STORED);
        let by_locale = Locale::ALL.map(|l| locale_fields(&mut builder, l));
        (builder.build(), Fields { doc_id, kind, slug, locale, category, summary, by_locale })
    }
}

/// Analysed with `analyzer`, not stored; term frequencies but no positions: nothing searches
/// phrases, and snippets re-analyse the stored text.
fn analysed(analyzer: &str) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_tokenizer(analyzer).set_index_option(IndexRecordOption::WithFreqs),
    )
}

fn locale_fields(builder: &mut SchemaBuilder, locale: Locale) -> LocaleFields {
    let code = locale.code();
    let stem = stem_analyzer(locale);
    LocaleFields {
        title: builder.add_text_field(&format!("{code}_title"), STORED),
        body: builder.add_text_field(&format!("{code}_body"), STORED),
        text: builder.add_text_field(&format!("{code}_text"), analysed(stem)),
        heading: builder.add_text_field(&format!("{code}_heading"), analysed(stem)),
        questions: builder.add_text_field(&format!("{code}_questions"), analysed(stem)),
        folded: builder.add_text_field(&format!("{code}_folded"), analysed(FOLDED)),
        exact: builder.add_text_field(&format!("{code}_exact"), analysed(EXACT)),
    }
}
