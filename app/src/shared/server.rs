//! The one error layer of the server functions: the portal from the request's context, the
//! caller, and a service's error as the stable code the page translates. Pages show "not
//! found" for what the services call not found ([`found`]); every other error is logged and
//! carried as its code ([`fail`]).

use leptos::prelude::*;
use tuki::Locale;
use tuki::Portal;
use tuki::services::{Caller, ServiceError};

/// The portal the server put into the request's context.
pub fn portal() -> Result<Portal, ServerFnError> {
    use_context::<Portal>().ok_or_else(|| ServerFnError::new("error-unavailable"))
}

/// Who is asking: the member of staff whose session cookie the server found (it put them
/// into the request's extensions), or a customer.
pub fn caller() -> Caller {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Caller>().cloned())
        .unwrap_or(Caller::Customer)
}

/// A service's error as the server function's: logged, then carried as its code.
pub fn fail(error: ServiceError) -> ServerFnError {
    if error.http_status() >= 500 {
        tracing::error!(%error, code = error.code(), "server function failed");
    } else {
        tracing::info!(%error, code = error.code(), "server function refused");
    }
    ServerFnError::new(error.code())
}

/// A service's answer as a page's: `None` for what does not exist (or a draft that ended),
/// which the page shows as its 404; other errors as [`fail`].
pub fn found<T>(result: Result<T, ServiceError>) -> Result<Option<T>, ServerFnError> {
    match result {
        Ok(value) => Ok(Some(value)),
        Err(ServiceError::NotFound | ServiceError::Finished) => Ok(None),
        Err(error) => Err(fail(error)),
    }
}

/// The page's locale from its address segment.
pub fn parse_locale(code: &str) -> Result<Locale, ServerFnError> {
    code.parse().map_err(|_| ServerFnError::new("error-invalid-locale"))
}
