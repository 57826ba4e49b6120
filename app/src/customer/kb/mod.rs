//! The knowledge base: the home page, a category, an article or solved case with its vote.

pub mod api;
mod article;
mod category;
mod home;
mod vote;

pub use article::ArticlePage;
pub use category::CategoryPage;
pub use home::HomePage;
