//! Setting the HTTP status of a server-rendered page (404, 500) from inside a component.

/// Sets the response status when rendering on the server; does nothing in the browser,
/// where the page has already arrived.
pub(crate) fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(response), Ok(status)) =
        (leptos::prelude::use_context::<leptos_axum::ResponseOptions>(), http::StatusCode::from_u16(code))
    {
        response.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}
