-- Facts about this installation (created at, content loaded), as key/value text.
CREATE TABLE portal_meta (
    key        TEXT PRIMARY KEY NOT NULL,
    value      TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
