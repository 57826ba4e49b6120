-- Tickets: what the desk receives when no suggestion solved the problem.
CREATE TABLE tickets (
    reference         TEXT PRIMARY KEY NOT NULL,     -- TK-2026-000123
    draft_id          TEXT NOT NULL UNIQUE,          -- one draft gives at most one ticket
    form_slug         TEXT NOT NULL,
    form_version      BIGINT NOT NULL,
    answers           TEXT NOT NULL,                 -- JSON: field id -> values
    description       TEXT NOT NULL,
    contact_name      TEXT NOT NULL,
    contact_email     TEXT NOT NULL,
    contact_phone     TEXT,
    contact_locale    TEXT NOT NULL,                 -- preferred language for replies
    locale            TEXT NOT NULL,                 -- the language the form was filled in
    team              TEXT NOT NULL,
    kind              TEXT NOT NULL,
    priority          TEXT NOT NULL,
    status            TEXT NOT NULL,                 -- new | open | waiting | resolved | closed
    suggestions_seen  TEXT NOT NULL,                 -- JSON: documents suggested before sending
    status_token_hash TEXT NOT NULL,                 -- SHA-256 of the customer's status link token
    created_at        BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL
);
CREATE INDEX tickets_by_team_status ON tickets (team, status);

-- The last reference number given out per year.
CREATE TABLE ticket_sequences (
    year BIGINT PRIMARY KEY NOT NULL,
    last BIGINT NOT NULL
);

ALTER TABLE form_drafts ADD COLUMN seen TEXT NOT NULL DEFAULT '[]';
