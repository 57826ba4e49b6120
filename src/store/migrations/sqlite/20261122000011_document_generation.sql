-- The content generation in which each document last changed: a search index that knows its
-- own generation catches up by re-indexing only the documents changed after it. Documents that
-- exist already are marked with the current generation, so an index behind it re-reads them all.
ALTER TABLE documents ADD COLUMN generation BIGINT NOT NULL DEFAULT 0;
UPDATE documents SET generation = COALESCE(
    (SELECT CAST(value AS BIGINT) FROM portal_meta WHERE key = 'content_generation'), 0);
CREATE INDEX documents_by_generation ON documents (generation);
