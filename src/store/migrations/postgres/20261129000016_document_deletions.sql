-- Documents deleted in the editors' workspace. A search index that has not seen a deletion
-- removes the document when it catches up with the content generation. Their revisions stay.
CREATE TABLE document_deletions (
    kind          TEXT NOT NULL,
    slug          TEXT NOT NULL,
    category_slug TEXT NOT NULL,
    generation    BIGINT NOT NULL,
    deleted_at    BIGINT NOT NULL
);
CREATE INDEX document_deletions_by_generation ON document_deletions (generation);
