//! # Tuki's user interface
//!
//! Pages and components in Leptos 0.8. Every page is rendered on the server first and works
//! without JavaScript; the wasm bundle (feature `hydrate`) hydrates it for the extras.
//! The locale is the first path segment (`/fi/…`, `/sv/…`, `/en/…`).
//!
//! Organised by area: [`customer`] (knowledge base, search, guided forms, ticket status), each
//! with its pages and the server functions that load them; [`components`] for the page frame;
//! [`shared`] for the one error layer and what every page uses. Every server function calls
//! one of the core's services (`tuki::services`) and nothing else.

pub mod components;
pub mod customer;
pub mod i18n;
pub mod shared;
pub mod staff;

use components::{LanguageAlternates, SiteFooter, SiteHeader, SkipLink};
use customer::help::{CheckPage, DonePage, FormIntroPage, HelpPage, SolvedPage, StepPage};
use customer::kb::{ArticlePage, CategoryPage, HomePage};
use customer::search::SearchPage;
use customer::tickets::TicketStatusPage;
use i18n::provide_i18n;
use leptos::prelude::*;
use leptos_meta::{Html, MetaTags, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};
use shared::NotFound;
use staff::{
    AccountsPage, AnalyticsPage, AuditPage, CategoriesPage, DeskPage, DeskTicketPage, EditorPage, HistoryPage,
    NewDocumentPage, PasswordResetPage, SetPasswordPage, SignInPage, StaffHomePage, WorkspacePage,
};
use tuki::content::DocKind;

/// The name of the CSS, JS and wasm files under `/pkg/`.
pub const OUTPUT_NAME: &str = "tuki";

/// The HTML document around the app, rendered on the server for every page.
/// `lang` is set on `<html>` by the app itself, not here. The stylesheet comes first, before
/// anything else the browser fetches; the bundle is fetched when the browser is idle and
/// hydrates only the page's islands (its interactive parts: the search box, a form step's
/// questions and suggestions, the desk's queue, the editor's preview), so it never delays the
/// first render and every page works without it.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light dark"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <link rel="stylesheet" href=format!("/pkg/{OUTPUT_NAME}.css")/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options islands=true/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The whole portal: router and the page frame.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            <PageFrame/>
        </Router>
    }
}

/// Header, main content and footer around whichever page the URL names.
#[component]
fn PageFrame() -> impl IntoView {
    let i18n = provide_i18n();
    view! {
        <Html {..} lang=move || i18n.locale().code()/>
        <Title formatter=page_title/>
        <LanguageAlternates/>
        <SkipLink/>
        <SiteHeader/>
        <main id="main" class="site-main" tabindex="-1">
            <Routes fallback=NotFound>
                <Route path=path!("/:lang/") view=HomePage ssr=SsrMode::Async/>
                <Route path=path!("/:lang/search") view=SearchPage ssr=SsrMode::Async/>
                <Route path=path!("/:lang/articles/:slug") view=|| view! { <ArticlePage kind=DocKind::Article/> } ssr=SsrMode::Async/>
                <Route path=path!("/:lang/cases/:slug") view=|| view! { <ArticlePage kind=DocKind::Case/> } ssr=SsrMode::Async/>
                <Route path=path!("/:lang/categories/:slug") view=CategoryPage ssr=SsrMode::Async/>
                <Route path=path!("/:lang/help") view=HelpPage ssr=SsrMode::Async/>
                <Route path=path!("/:lang/help/:form") view=FormIntroPage ssr=SsrMode::Async/>
                <Route path=path!("/:lang/help/:form/:draft/check") view=CheckPage ssr=SsrMode::Async/>
                <Route path=path!("/:lang/help/:form/:draft/solved") view=SolvedPage/>
                <Route path=path!("/:lang/help/:form/:draft/done") view=DonePage ssr=SsrMode::Async/>
                <Route path=path!("/:lang/help/:form/:draft/:step") view=StepPage ssr=SsrMode::Async/>
                <Route path=path!("/:lang/tickets/:reference") view=TicketStatusPage ssr=SsrMode::Async/>
                <Route path=path!("/:lang/staff/") view=StaffHomePage ssr=SsrMode::Async/>
                <Route path=path!("/:lang/staff/sign-in") view=SignInPage/>
                <Route path=path!("/:lang/staff/password/:token") view=SetPasswordPage/>
                <Route path=path!("/:lang/staff/password-reset") view=PasswordResetPage/>
                <Route path=path!("/:lang/staff/accounts") view=AccountsPage ssr=SsrMode::Async/>
                <Route path=path!("/:lang/staff/audit") view=AuditPage ssr=SsrMode::Async/>
                <Route path=path!("/:lang/staff/content") view=WorkspacePage ssr=SsrMode::Async/>
                <Route path=path!("/:lang/staff/desk") view=DeskPage ssr=SsrMode::Async/>
                <Route path=path!("/:lang/staff/desk/:reference") view=DeskTicketPage ssr=SsrMode::Async/>
                <Route path=path!("/:lang/staff/content/new") view=NewDocumentPage ssr=SsrMode::Async/>
                <Route path=path!("/:lang/staff/categories") view=CategoriesPage ssr=SsrMode::Async/>
                <Route path=path!("/:lang/staff/analytics") view=AnalyticsPage ssr=SsrMode::Async/>
                <Route path=path!("/:lang/staff/content/:kind/:slug/:text") view=EditorPage ssr=SsrMode::Async/>
                <Route path=path!("/:lang/staff/content/:kind/:slug/:text/history") view=HistoryPage ssr=SsrMode::Async/>
            </Routes>
        </main>
        <SiteFooter/>
    }
}

/// The document title for a page's `text`: "text – Tuki", or "Tuki" alone.
///
/// On the server, leptos_meta 0.8 writes the formatted title into `<title>` as it is, without
/// escaping, so a search query or an imported title could close the element and open a script.
/// The server build therefore escapes it here; the browser sets `document.title`, which is
/// plain text, so it must not (the customer would see `&lt;`).
fn page_title(text: String) -> String {
    let title = if text.is_empty() { "Tuki".to_owned() } else { format!("{text} – Tuki") };
    if cfg!(feature = "ssr") { tuki::html::escape(&title) } else { title }
}

/// Entry point of the wasm bundle, called before the page's islands are hydrated one by one.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    // A signal for end-to-end tests and monitoring that the page is interactive: the islands
    // are hydrated in the promise jobs that follow this call, before any timer runs.
    set_timeout(
        || {
            if let Some(body) = document().body() {
                let _ = body.set_attribute("data-hydrated", "true");
            }
        },
        std::time::Duration::ZERO,
    );
}
