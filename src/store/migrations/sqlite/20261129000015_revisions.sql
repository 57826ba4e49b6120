-- Every saved version of a document's text in one locale: the editors' workspace never
-- overwrites, it adds a revision. The text customers read (document_translations) is the
-- revision last published; a later revision of the same text is a draft.
CREATE TABLE document_revisions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT NOT NULL,
    slug        TEXT NOT NULL,
    locale      TEXT NOT NULL,
    title       TEXT NOT NULL,
    summary     TEXT,
    body        TEXT NOT NULL,
    tags        TEXT NOT NULL,              -- JSON array of strings
    change_size TEXT NOT NULL,              -- typo | minor | major: what the editor said
    note        TEXT NOT NULL,
    based_on    BIGINT,                     -- a translation: the source text's revision it follows
    author_id   BIGINT REFERENCES staff_accounts (id),  -- NULL: an import
    created_at  BIGINT NOT NULL
);
CREATE INDEX document_revisions_by_text ON document_revisions (kind, slug, locale, id);

-- The published text's revision, and which revision of the source text it follows.
ALTER TABLE document_translations ADD COLUMN revision_id BIGINT;
ALTER TABLE document_translations ADD COLUMN based_on BIGINT;
-- The language a document is written in first, and its last published major change: a
-- translation based on an older revision of the source text is out of date.
ALTER TABLE documents ADD COLUMN source_locale TEXT NOT NULL DEFAULT 'fi';
ALTER TABLE documents ADD COLUMN major_revision BIGINT;

-- The content there is becomes each text's first revision, all translations up to date.
INSERT INTO document_revisions (kind, slug, locale, title, summary, body, tags, change_size, note, based_on, author_id, created_at)
    SELECT kind, slug, locale, title, summary, body, tags, 'major', '', NULL, NULL, updated_at
    FROM document_translations ORDER BY kind, slug, locale;
UPDATE document_translations SET revision_id = (
    SELECT MAX(r.id) FROM document_revisions r
    WHERE r.kind = document_translations.kind AND r.slug = document_translations.slug
      AND r.locale = document_translations.locale);
UPDATE documents SET source_locale = COALESCE(
    (SELECT t.locale FROM document_translations t
     WHERE t.kind = documents.kind AND t.slug = documents.slug AND t.locale = 'fi'),
    (SELECT MIN(t.locale) FROM document_translations t
     WHERE t.kind = documents.kind AND t.slug = documents.slug),
    'fi');
UPDATE documents SET major_revision = (
    SELECT t.revision_id FROM document_translations t
    WHERE t.kind = documents.kind AND t.slug = documents.slug AND t.locale = documents.source_locale);
UPDATE document_translations SET based_on = (
    SELECT d.major_revision FROM documents d
    WHERE d.kind = document_translations.kind AND d.slug = document_translations.slug);
