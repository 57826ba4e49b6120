//! The staff pages' server functions.

// The `#[server]` macro generates argument structs whose fields cannot carry doc comments.
#![allow(missing_docs)]

use leptos::prelude::*;
use tuki::views::staff::StaffHomeData;

/// The signed-in member's front page; `None` when the caller is not signed in.
#[server]
pub async fn staff_home() -> Result<Option<StaffHomeData>, ServerFnError> {
    use crate::shared::server::*;
    match portal()?.accounts().home(&caller()) {
        Ok(data) => Ok(Some(data)),
        Err(tuki::services::ServiceError::NotSignedIn) => Ok(None),
        Err(error) => Err(fail(error)),
    }
}
