-- Hand-off to a desk the organisation already runs: endpoints that receive ticket events as
-- signed JSON, and the persistent outbox they are delivered from (retried with back-off).
CREATE TABLE webhook_endpoints (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    url        TEXT NOT NULL,
    secret     TEXT NOT NULL,           -- the HMAC-SHA256 key; shown once when the endpoint is added
    active     BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE webhook_outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    endpoint_id     BIGINT NOT NULL REFERENCES webhook_endpoints (id),
    event           TEXT NOT NULL,      -- ticket.created, ticket.status-changed, …
    payload         TEXT NOT NULL,      -- the JSON body, exactly as signed and sent
    created_at      BIGINT NOT NULL,
    attempts        BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    delivered_at    BIGINT,
    abandoned_at    BIGINT,
    last_error      TEXT
);
CREATE INDEX webhook_outbox_due ON webhook_outbox (delivered_at, abandoned_at, next_attempt_at);
