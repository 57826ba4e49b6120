//! The block every data page repeats: wait for the page's data, then show it, the translated
//! 404 page, or the translated error message.

use super::{ErrorMessage, NotFound};
use leptos::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Waits for `data` (rendered on the server before the page is sent, so it works without
/// JavaScript) and shows it with `render`; `Ok(None)` is the translated "not found" page (404),
/// an error the translated error message (503).
pub fn loaded<T, V>(
    data: Resource<Result<Option<T>, ServerFnError>>,
    render: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(Some(value)) => render(value).into_any(),
                        Ok(None) => view! { <NotFound/> }.into_any(),
                        Err(error) => view! { <ErrorMessage error/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
