//! Search: the header's search box with suggestions as you type, and the results page.

pub mod api;
mod page;
mod search_box;

pub use page::SearchPage;
pub use search_box::SearchForm;
