-- An editor asks another to review a text's draft before it is published. Answered when the
-- text is published, sent back with a comment, or asked about again.
CREATE TABLE review_requests (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    revision_id  BIGINT NOT NULL REFERENCES document_revisions (id),
    kind         TEXT NOT NULL,
    slug         TEXT NOT NULL,
    locale       TEXT NOT NULL,
    requested_by BIGINT NOT NULL REFERENCES staff_accounts (id),
    reviewer     BIGINT NOT NULL REFERENCES staff_accounts (id),
    requested_at BIGINT NOT NULL,
    answered_at  BIGINT,
    outcome      TEXT,                      -- published | returned | replaced
    comment      TEXT NOT NULL
);
CREATE INDEX review_requests_by_text ON review_requests (kind, slug, locale, answered_at);
CREATE INDEX review_requests_by_reviewer ON review_requests (reviewer, answered_at);
