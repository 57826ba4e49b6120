-- The editors' synonyms file per locale (`synonyms/<locale>.yaml` of the bundle), kept as
-- written: the search expands a customer's words with its rules.
CREATE TABLE search_synonyms (
    locale     TEXT PRIMARY KEY,
    source     TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
