//! `GET /{lang}/staff/analytics/csv/{table}?from=…&to=…`: one table of the editors' analytics
//! as a CSV file (UTF-8 with a byte-order mark, so spreadsheets read å, ä and ö). The service
//! checks the caller may edit content; a bad period or table answers the translated 400 page.

use super::AppState;
use super::error_page::{for_service_error, not_found};
use super::staff::StaffCaller;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use tuki::Locale;
use tuki::views::analytics::Table;

/// `GET /{lang}/staff/analytics/csv/{table}`.
pub async fn csv(
    State(state): State<AppState>,
    StaffCaller(caller): StaffCaller,
    Path((lang, table)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let locale = lang.parse::<Locale>().unwrap_or_default();
    let Some(table) = Table::parse(&table) else { return not_found(locale) };
    let from = query.get("from").map_or("", String::as_str);
    let to = query.get("to").map_or("", String::as_str);
    match state.portal.editing().analytics(&caller, locale, from, to).await {
        Ok(data) => {
            let body = format!("\u{feff}{}", data.csv(table));
            let mut response = body.into_response();
            let headers = response.headers_mut();
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
            // The name holds only the table's code and two checked dates.
            let name = format!("attachment; filename=\"tuki-{}-{}-{}.csv\"", table.code(), data.from, data.to);
            if let Ok(value) = HeaderValue::from_str(&name) {
                headers.insert(header::CONTENT_DISPOSITION, value);
            }
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        Err(error) => for_service_error(locale, &error),
    }
}
