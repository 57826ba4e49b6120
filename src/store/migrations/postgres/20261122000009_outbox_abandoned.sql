-- A mail the relay refused for good, or that stayed undeliverable too long, is abandoned:
-- kept (with its last error) for the desk to see, and no longer retried.
ALTER TABLE outbox ADD COLUMN abandoned_at BIGINT;
