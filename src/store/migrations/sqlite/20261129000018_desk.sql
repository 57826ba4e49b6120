-- The agents' desk: who works on a ticket, its service-level clocks (derived from its history
-- and the desk's settings, recomputed after every change), staff messages and internal notes,
-- reply templates, and the desk's settings (desk.yaml of the content bundle).
ALTER TABLE tickets ADD COLUMN assignee_id BIGINT REFERENCES staff_accounts (id);
ALTER TABLE tickets ADD COLUMN first_reply_at BIGINT;           -- the desk's first public reply
ALTER TABLE tickets ADD COLUMN response_due_at BIGINT;          -- running first-response clock's due time
ALTER TABLE tickets ADD COLUMN resolution_due_at BIGINT;        -- running resolution clock's due time
ALTER TABLE tickets ADD COLUMN active BIGINT NOT NULL DEFAULT 1; -- 1 while new, open or waiting
ALTER TABLE tickets ADD COLUMN queue_rank BIGINT NOT NULL DEFAULT 0; -- the next due time; paused last
ALTER TABLE tickets ADD COLUMN merged_into TEXT;                -- the ticket this duplicate was merged into
ALTER TABLE tickets ADD COLUMN next_alert_at BIGINT;            -- the next service-level warning or breach not yet sent
UPDATE tickets SET active = 0 WHERE status IN ('resolved', 'closed');
UPDATE tickets SET queue_rank = created_at;
-- Due for the alert job at once, which computes their clocks (and alerts) on its first run.
UPDATE tickets SET next_alert_at = created_at WHERE active = 1;
-- The filters are in the queue indexes, so a filtered count never reads the table.
CREATE INDEX tickets_team_queue ON tickets (team, active, queue_rank, status, priority, contact_locale);
CREATE INDEX tickets_assignee_queue ON tickets (assignee_id, active, queue_rank, status, priority, contact_locale);
CREATE INDEX tickets_alerts ON tickets (next_alert_at);

ALTER TABLE ticket_messages ADD COLUMN staff_id BIGINT REFERENCES staff_accounts (id);
ALTER TABLE ticket_messages ADD COLUMN internal BIGINT NOT NULL DEFAULT 0; -- 1: an internal note
ALTER TABLE ticket_messages ADD COLUMN event TEXT;   -- assigned | team | priority | merged | sla
ALTER TABLE ticket_messages ADD COLUMN detail TEXT;  -- the event's new value

CREATE TABLE desk_settings (
    id         BIGINT PRIMARY KEY NOT NULL,  -- always 1
    spec       TEXT NOT NULL,                -- desk.yaml as imported
    updated_at BIGINT NOT NULL
);

CREATE TABLE reply_templates (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    team_slug  TEXT NOT NULL,
    locale     TEXT NOT NULL,
    title      TEXT NOT NULL,
    body       TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX reply_templates_by_team ON reply_templates (team_slug, locale);

-- Service-level events, each at most once per ticket: warnings at a share of a budget, breaches.
CREATE TABLE sla_events (
    reference  TEXT NOT NULL REFERENCES tickets (reference),
    target     TEXT NOT NULL,   -- first-response | resolution
    event      TEXT NOT NULL,   -- warning-75 | warning-90 | breach
    created_at BIGINT NOT NULL,
    PRIMARY KEY (reference, target, event)
);

-- Further status links, one per reply mail (the customer follows the latest mail's link); by
-- the SHA-256 of the token, like the first one in tickets.status_token_hash.
CREATE TABLE ticket_status_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    reference  TEXT NOT NULL REFERENCES tickets (reference),
    created_at BIGINT NOT NULL
);
