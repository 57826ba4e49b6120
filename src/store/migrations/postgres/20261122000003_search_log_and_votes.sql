-- Anonymous search log: no IP, no user, no session.
CREATE TABLE search_log (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    query         TEXT NOT NULL,
    locale        TEXT NOT NULL,
    result_count  BIGINT NOT NULL,
    clicked_kind  TEXT,
    clicked_slug  TEXT,
    created_at    BIGINT NOT NULL
);
CREATE INDEX search_log_by_time ON search_log (created_at);

-- "Was this helpful?" votes, anonymous, with an optional comment.
CREATE TABLE helpful_votes (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind       TEXT NOT NULL,
    slug       TEXT NOT NULL,
    locale     TEXT NOT NULL,
    helpful    BIGINT NOT NULL,
    comment    TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX helpful_votes_by_document ON helpful_votes (kind, slug);
