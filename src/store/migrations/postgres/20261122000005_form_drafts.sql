-- A customer's way through a form, before it becomes a ticket (or is solved by a suggestion).
-- Addressed by an unguessable random id; holds only what the customer answered.
CREATE TABLE form_drafts (
    id           TEXT PRIMARY KEY NOT NULL,
    form_slug    TEXT NOT NULL REFERENCES forms (slug),
    form_version BIGINT NOT NULL,
    locale       TEXT NOT NULL,
    answers      TEXT NOT NULL,               -- JSON: field id -> values (validated)
    pending      TEXT,                        -- JSON: the last rejected step (input and errors)
    outcome      TEXT NOT NULL DEFAULT 'open', -- open | deflected | submitted
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);

-- The deflection funnel, anonymously: which step of which form a draft reached, what it was
-- shown and opened, and how it ended. No person, no address, no answers.
CREATE TABLE funnel_events (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    draft_id   TEXT NOT NULL,
    form_slug  TEXT NOT NULL,
    locale     TEXT NOT NULL,
    event      TEXT NOT NULL,
    step       TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX funnel_events_by_time ON funnel_events (created_at);
CREATE INDEX funnel_events_by_draft ON funnel_events (draft_id, event);
