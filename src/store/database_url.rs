//! The `TUKI_DATABASE_URL` newtype: a SQLite or PostgreSQL URL, checked once at the edge.

use std::path::{Path, PathBuf};

/// The two database backends Tuki runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// An embedded SQLite file (the default).
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

/// A database URL Tuki can use: `sqlite://path`, `sqlite::memory:` or `postgres://…`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatabaseUrl {
    url: String,
    backend: Backend,
}

/// A database URL Tuki cannot use.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unsupported database URL {0:?}: expected sqlite://PATH or postgres://…")]
pub struct DatabaseUrlError(pub String);

impl DatabaseUrl {
    /// Checks the scheme; a SQLite URL gets `mode=rwc` so the file is created when missing.
    pub fn parse(url: &str) -> Result<DatabaseUrl, DatabaseUrlError> {
        let url = url.trim();
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(DatabaseUrl { url: url.to_owned(), backend: Backend::Postgres });
        }
        if let Some(rest) = url.strip_prefix("sqlite:") {
            let path = rest.trim_start_matches("//");
            if path.is_empty() {
                return Err(DatabaseUrlError(url.to_owned()));
            }
            let url = if url.contains("mode=") {
                url.to_owned()
            } else if url.contains('?') {
                format!("{url}&mode=rwc")
            } else {
                format!("{url}?mode=rwc")
            };
            return Ok(DatabaseUrl { url, backend: Backend::Sqlite });
        }
        Err(DatabaseUrlError(url.to_owned()))
    }

    /// The default: the SQLite file `tuki.db` in the data directory.
    pub fn sqlite_file(path: &Path) -> DatabaseUrl {
        DatabaseUrl { url: format!("sqlite://{}?mode=rwc", path.display()), backend: Backend::Sqlite }
    }

    /// The URL as sqlx takes it.
    pub fn as_str(&self) -> &str {
        &self.url
    }

    /// Which backend the URL names.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The directory a SQLite file lives in, to create before connecting.
    pub(crate) fn sqlite_dir(&self) -> Option<PathBuf> {
        if self.backend != Backend::Sqlite || self.url.contains(":memory:") {
            return None;
        }
        let path = self.url.strip_prefix("sqlite:")?.trim_start_matches("//");
        let path = path.split('?').next()?;
        Path::new(path).parent().filter(|p| !p.as_os_str().is_empty()).map(Path::to_path_buf)
    }

    /// The URL without a password, for logs.
    pub fn redacted(&self) -> String {
        match (self.url.find("://"), self.url.rfind('@')) {
            (Some(scheme_end), Some(at)) if at > scheme_end => {
                let credentials = &self.url[scheme_end + 3..at];
                let user = credentials.split(':').next().unwrap_or("");
                format!("{}{}:***{}", &self.url[..scheme_end + 3], user, &self.url[at..])
            }
            _ => self.url.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_and_postgres_urls_are_accepted_and_others_refused() {
        assert_eq!(DatabaseUrl::parse("sqlite://data/tuki.db").map(|u| u.backend()), Ok(Backend::Sqlite));
        assert_eq!(DatabaseUrl::parse("postgres://u@h/db").map(|u| u.backend()), Ok(Backend::Postgres));
        assert_eq!(DatabaseUrl::parse("postgresql://h/db").map(|u| u.backend()), Ok(Backend::Postgres));
        assert!(DatabaseUrl::parse("mysql://h/db").is_err());
        assert!(DatabaseUrl::parse("sqlite://").is_err());
        assert!(DatabaseUrl::parse("").is_err());
    }

    #[test]
    fn a_sqlite_url_creates_its_file_and_knows_its_directory() {
        let url = DatabaseUrl::parse("sqlite://data/sub/tuki.db").expect("valid");
        assert_eq!(url.as_str(), "sqlite://data/sub/tuki.db?mode=rwc");
        assert_eq!(url.sqlite_dir(), Some(PathBuf::from("data/sub")));
    }

    #[test]
    fn passwords_never_reach_the_logs() {
        let url = DatabaseUrl::parse("postgres://tuki:s3cret@db:5432/tuki").expect("valid");
        assert_eq!(url.redacted(), "postgres://tuki:***@db:5432/tuki");
        assert!(!url.redacted().contains("s3cret"));
    }
}
