-- Staff accounts: administrators, editors and agents. E-mail addresses are kept lowercase, so
-- one person has one account however the address is typed.
CREATE TABLE staff_accounts (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    email         TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    locale        TEXT NOT NULL,            -- fi | sv | en: the staff pages' language
    password_hash TEXT,                     -- argon2id PHC string; NULL until a password is set
    active        BIGINT NOT NULL,          -- 1, or 0 when disabled
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);

-- An account's roles: admin | editor | agent.
CREATE TABLE staff_roles (
    account_id BIGINT NOT NULL REFERENCES staff_accounts (id),
    role       TEXT NOT NULL,
    PRIMARY KEY (account_id, role)
);

-- The desk teams an agent works in.
CREATE TABLE staff_teams (
    account_id BIGINT NOT NULL REFERENCES staff_accounts (id),
    team_slug  TEXT NOT NULL,
    PRIMARY KEY (account_id, team_slug)
);

-- Signed-in sessions, by the SHA-256 of the cookie's token (the token itself is never stored).
CREATE TABLE staff_sessions (
    token_hash   TEXT PRIMARY KEY NOT NULL,
    account_id   BIGINT NOT NULL REFERENCES staff_accounts (id),
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL
);
CREATE INDEX staff_sessions_by_account ON staff_sessions (account_id);

-- Single-use links that set a password (a new account's, or a reset), by the SHA-256 of the token.
CREATE TABLE staff_password_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    account_id BIGINT NOT NULL REFERENCES staff_accounts (id),
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);

-- Failed sign-ins, per account (the typed e-mail, lowercase) and per client address: what the
-- login throttle counts. Old rows are purged.
CREATE TABLE login_failures (
    subject   TEXT NOT NULL,                -- account:EMAIL or address:IP
    failed_at BIGINT NOT NULL
);
CREATE INDEX login_failures_by_subject ON login_failures (subject, failed_at);

-- What staff did: who, what, when, to which object. Never edited.
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT REFERENCES staff_accounts (id),  -- NULL: the command line
    action     TEXT NOT NULL,
    object     TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX audit_log_by_time ON audit_log (created_at);
