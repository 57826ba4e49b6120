//! The staff's pages.

use crate::staff::Role;
use serde::{Deserialize, Serialize};

/// What the staff's front page shows the signed-in member.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaffHomeData {
    /// Their name.
    pub name: String,
    /// Their e-mail address.
    pub email: String,
    /// Their roles.
    pub roles: Vec<Role>,
}

/// An account as the admins' list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountRow {
    /// E-mail address.
    pub email: String,
    /// Display name.
    pub name: String,
    /// The staff pages' language.
    pub locale: crate::Locale,
    /// Roles.
    pub roles: Vec<Role>,
    /// Desk teams' names, in the viewer's language.
    pub teams: Vec<String>,
    /// False when disabled.
    pub active: bool,
    /// False until the person has set a password.
    pub has_password: bool,
    /// True for the viewer's own account (which they cannot disable).
    pub is_self: bool,
}

/// A desk team to choose for an agent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamChoice {
    /// Its slug (the form's value).
    pub slug: String,
    /// Its name in the viewer's language.
    pub name: String,
}

/// The admins' accounts page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountsData {
    /// Every account, by e-mail address.
    pub accounts: Vec<AccountRow>,
    /// The teams an agent can belong to.
    pub teams: Vec<TeamChoice>,
}

/// One entry of the audit log, as admins read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRow {
    /// Who: a name and address, or `None` for the command line or the portal itself.
    pub who: Option<String>,
    /// What, e.g. `document.publish`.
    pub action: String,
    /// To which object.
    pub object: String,
    /// When.
    pub at: crate::time::Timestamp,
}
