//! Revisions of a document's text: what the editors' workspace keeps of every save, and the
//! words that describe how big a change was (which decides whether translations fall out of
//! date).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A saved version of one document's text in one locale. Ids grow with time, across all
/// documents: a larger id is a later save.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RevisionId(pub i64);

impl fmt::Display for RevisionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl FromStr for RevisionId {
    type Err = String;

    fn from_str(text: &str) -> Result<RevisionId, String> {
        text.parse::<i64>().ok().filter(|id| *id > 0).map(RevisionId).ok_or_else(|| format!("not a revision: {text:?}"))
    }
}

/// How much an edit changed, as the editor says: only a major change of the source text puts
/// its translations out of date.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeSize {
    /// A typo or formatting: the meaning is the same.
    Typo,
    /// A small change translations can do without for a while.
    #[default]
    Minor,
    /// The meaning changed: every translation should follow.
    Major,
}

impl ChangeSize {
    /// All three, smallest first.
    pub const ALL: [ChangeSize; 3] = [ChangeSize::Typo, ChangeSize::Minor, ChangeSize::Major];

    /// `typo`, `minor` or `major`: stored, posted and the last part of its Fluent id.
    pub const fn code(self) -> &'static str {
        match self {
            ChangeSize::Typo => "typo",
            ChangeSize::Minor => "minor",
            ChangeSize::Major => "major",
        }
    }
}

impl FromStr for ChangeSize {
    type Err = String;

    fn from_str(code: &str) -> Result<ChangeSize, String> {
        ChangeSize::ALL
            .into_iter()
            .find(|size| size.code() == code)
            .ok_or_else(|| format!("unknown change size {code:?}: expected typo, minor or major"))
    }
}

/// Where a translation stands against the text it was translated from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TranslationState {
    /// The source text itself.
    Source,
    /// Made from the source text's latest major revision, or later.
    UpToDate,
    /// The source text changed in a major way since this translation was made.
    OutOfDate,
    /// Not written in this locale.
    Missing,
}

impl TranslationState {
    /// `source`, `up-to-date`, `out-of-date` or `missing`: the filter's value and the last part
    /// of its Fluent id.
    pub const fn code(self) -> &'static str {
        match self {
            TranslationState::Source => "source",
            TranslationState::UpToDate => "up-to-date",
            TranslationState::OutOfDate => "out-of-date",
            TranslationState::Missing => "missing",
        }
    }

    /// The state of a published translation that follows revision `based_on` of its source,
    /// whose latest published major revision is `major`.
    pub fn of(is_source: bool, based_on: Option<RevisionId>, major: Option<RevisionId>) -> TranslationState {
        match (is_source, based_on, major) {
            (true, _, _) => TranslationState::Source,
            (false, Some(based_on), Some(major)) if based_on < major => TranslationState::OutOfDate,
            _ => TranslationState::UpToDate,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_translation_is_out_of_date_only_when_older_than_the_last_major_change() {
        let r = RevisionId;
        assert_eq!(TranslationState::of(false, Some(r(3)), Some(r(5))), TranslationState::OutOfDate);
        assert_eq!(TranslationState::of(false, Some(r(5)), Some(r(5))), TranslationState::UpToDate);
        assert_eq!(TranslationState::of(false, Some(r(7)), Some(r(5))), TranslationState::UpToDate);
        assert_eq!(TranslationState::of(false, None, Some(r(5))), TranslationState::UpToDate);
        assert_eq!(TranslationState::of(true, Some(r(1)), Some(r(5))), TranslationState::Source);
    }

    #[test]
    fn change_sizes_and_revision_ids_read_back_what_they_write() {
        for size in ChangeSize::ALL {
            assert_eq!(size.code().parse::<ChangeSize>(), Ok(size));
        }
        assert!("huge".parse::<ChangeSize>().is_err());
        assert_eq!("12".parse::<RevisionId>(), Ok(RevisionId(12)));
        assert!("0".parse::<RevisionId>().is_err());
        assert!("-3".parse::<RevisionId>().is_err());
        assert!("x".parse::<RevisionId>().is_err());
    }
}
