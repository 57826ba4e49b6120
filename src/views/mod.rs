//! What each customer page shows, as the services compose it and the pages render it: plain
//! serialisable data in the page's language, compiled everywhere (the browser receives it from
//! server functions). One module per area, like the app's.

pub mod analytics;
pub mod catalogue;
pub mod desk;
pub mod editing;
pub mod help;
pub mod search;
pub mod staff;
pub mod ticket;
