-- Customers' words: the editors' synonyms file per locale (`synonyms/<locale>.yaml` of the
-- bundle), kept as written; the questions a text answers in customers' words (front matter
-- `questions`), searchable like its keywords; and the answers learned from use (helpful votes
-- sent from an article opened from a search; see `search::learned`).
CREATE TABLE search_synonyms (
    locale     TEXT PRIMARY KEY,
    source     TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

ALTER TABLE document_translations ADD COLUMN questions TEXT NOT NULL DEFAULT '[]'; -- JSON array of strings
ALTER TABLE document_revisions ADD COLUMN questions TEXT NOT NULL DEFAULT '[]';   -- JSON array of strings

-- Set once a helpful vote has come from the article opened from this search: it counts once.
ALTER TABLE search_log ADD COLUMN voted_at BIGINT;

CREATE TABLE learned_answers (
    locale       TEXT NOT NULL,
    query_key    TEXT NOT NULL,             -- the search's content-word stems, sorted
    query        TEXT NOT NULL,             -- its latest wording, for editors
    kind         TEXT NOT NULL,
    slug         TEXT NOT NULL,
    evidence     DOUBLE PRECISION NOT NULL, -- helpful votes, halved every 90 days, as of confirmed_at
    confirmed_at BIGINT NOT NULL,
    PRIMARY KEY (locale, query_key, kind, slug)
);
