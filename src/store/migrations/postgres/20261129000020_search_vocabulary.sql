-- Customers' words: the editors' synonyms file per locale (`synonyms/<locale>.yaml` of the
-- bundle), kept as written, and the questions a text answers in customers' words (front matter
-- `questions`), searchable like its keywords.
CREATE TABLE search_synonyms (
    locale     TEXT PRIMARY KEY,
    source     TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

ALTER TABLE document_translations ADD COLUMN questions TEXT NOT NULL DEFAULT '[]'; -- JSON array of strings
ALTER TABLE document_revisions ADD COLUMN questions TEXT NOT NULL DEFAULT '[]';   -- JSON array of strings
