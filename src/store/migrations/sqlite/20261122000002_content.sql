-- The knowledge base: categories, and articles and solved cases with a text per locale.
CREATE TABLE categories (
    slug       TEXT PRIMARY KEY NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE category_names (
    category_slug TEXT NOT NULL REFERENCES categories (slug) ON DELETE CASCADE,
    locale        TEXT NOT NULL,
    name          TEXT NOT NULL,
    PRIMARY KEY (category_slug, locale)
);

CREATE TABLE documents (
    kind          TEXT NOT NULL,
    slug          TEXT NOT NULL,
    category_slug TEXT NOT NULL REFERENCES categories (slug),
    status        TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    PRIMARY KEY (kind, slug)
);

CREATE TABLE document_translations (
    kind       TEXT NOT NULL,
    slug       TEXT NOT NULL,
    locale     TEXT NOT NULL,
    title      TEXT NOT NULL,
    summary    TEXT,
    body       TEXT NOT NULL,
    tags       TEXT NOT NULL, -- JSON array of strings
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (kind, slug, locale),
    FOREIGN KEY (kind, slug) REFERENCES documents (kind, slug) ON DELETE CASCADE
);

CREATE INDEX documents_by_category ON documents (category_slug, kind);
