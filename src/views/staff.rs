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
