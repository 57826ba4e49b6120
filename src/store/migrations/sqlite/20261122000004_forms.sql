-- Guided support forms: the desk's teams, and each request type's definition, versioned. A
-- definition is never changed in place: an import that changes it adds the next version, and a
-- ticket keeps the version it was filled against.
CREATE TABLE teams (
    slug       TEXT PRIMARY KEY NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE team_names (
    team_slug TEXT NOT NULL REFERENCES teams (slug) ON DELETE CASCADE,
    locale    TEXT NOT NULL,
    name      TEXT NOT NULL,
    PRIMARY KEY (team_slug, locale)
);

CREATE TABLE forms (
    slug            TEXT PRIMARY KEY NOT NULL,
    current_version BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);

CREATE TABLE form_versions (
    form_slug  TEXT NOT NULL REFERENCES forms (slug),
    version    BIGINT NOT NULL,
    definition TEXT NOT NULL, -- JSON of crate::forms::FormDefinition
    created_at BIGINT NOT NULL,
    PRIMARY KEY (form_slug, version)
);
