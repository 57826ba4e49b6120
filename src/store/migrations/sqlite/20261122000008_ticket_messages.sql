-- A ticket's conversation and history: every message and every status change, never edited.
CREATE TABLE ticket_messages (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    reference  TEXT NOT NULL REFERENCES tickets (reference),
    author     TEXT NOT NULL,  -- customer | desk
    body       TEXT,           -- the message; NULL for a status change only
    new_status TEXT,           -- the status the ticket moved to, if it did
    created_at BIGINT NOT NULL
);
CREATE INDEX ticket_messages_by_ticket ON ticket_messages (reference, id);
