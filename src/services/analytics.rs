//! The editors' analytics over a period of days: what customers searched (the most frequent,
//! those that found nothing, those whose results nobody opened), which documents were opened
//! from search and voted helpful, and the guided forms' funnel with its deflection rate.

use super::editing::Editing;
use super::{Caller, Right, ServiceError};
use crate::Locale;
use crate::content::DocKind;
use crate::store::QueryList;
use crate::time::{CivilDate, Timestamp};
use crate::views::analytics::{AnalyticsData, DocumentRow, FunnelRow, LearnedRow, QueryRow};

/// Rows in each list of searches.
const LIST_LENGTH: i64 = 25;
/// The default period, in days up to today.
const DEFAULT_DAYS: i64 = 30;
/// The longest period, in days.
const LONGEST_DAYS: i64 = 3 * 366;
const DAY: i64 = 86_400_000;

/// The days `from`–`to` (both included, `YYYY-MM-DD`; default: the last 30 days to `today`)
/// as milliseconds `[start, end)`, and the two dates.
fn period(from: &str, to: &str, today: CivilDate) -> Result<(i64, i64, CivilDate, CivilDate), ServiceError> {
    let invalid = ServiceError::Invalid("error-analytics-period");
    let to = if to.is_empty() { today } else { CivilDate::parse_typed(to).ok_or(invalid)? };
    let end = Timestamp::start_of(to).millis() + DAY;
    let from = if from.is_empty() {
        Timestamp::from_millis(end - DEFAULT_DAYS * DAY).date()
    } else {
        CivilDate::parse_typed(from).ok_or(ServiceError::Invalid("error-analytics-period"))?
    };
    let start = Timestamp::start_of(from).millis();
    if start >= end || end - start > LONGEST_DAYS * DAY {
        return Err(ServiceError::Invalid("error-analytics-period"));
    }
    Ok((start, end, from, to))
}

fn query_rows(counts: Vec<crate::store::QueryCount>) -> Vec<QueryRow> {
    counts
        .into_iter()
        .filter_map(|c| {
            Some(QueryRow {
                locale: c.locale.parse().ok()?,
                query: c.query,
                searches: c.searches,
                without_results: c.without_results,
                opened: c.opened,
            })
        })
        .collect()
}

impl Editing<'_> {
    /// The analytics of the days `from`–`to` (`YYYY-MM-DD`, both included; empty: the last 30
    /// days), with titles and request types' names in `viewer`'s language. A period that is
    /// not a pair of dates in order, or longer than three years, is `error-analytics-period`.
    pub async fn analytics(
        &self,
        caller: &Caller,
        viewer: Locale,
        from: &str,
        to: &str,
    ) -> Result<AnalyticsData, ServiceError> {
        caller.require(Right::EditContent)?;
        let store = self.portal().store();
        let (start, end, from, to) = period(from.trim(), to.trim(), store.now().date())?;
        let (searches, with_results, opened) = store.search_totals(start, end).await?;
        let documents = store.documents().await?;
        let title_of = |kind: &str, slug: &str| {
            documents
                .iter()
                .find(|d| d.kind.code() == kind && d.slug.as_str() == slug)
                .and_then(|d| d.translation_for(viewer))
                .map(|(_, t)| t.title.clone())
        };
        let forms = store.forms().await?;
        let form_name = |slug: &str| {
            forms
                .iter()
                .find(|(_, f)| f.slug.as_str() == slug)
                .and_then(|(_, f)| viewer.pick(&f.title).map(|(_, name)| name.clone()))
                .unwrap_or_else(|| slug.to_owned())
        };
        let funnel = store.deflection_between(start, end).await?;
        let now = store.now().millis();
        let mut learned: Vec<LearnedRow> = Vec::new();
        for pair in store.learned_pairs().await? {
            let Some((kind, slug)) = pair.doc_id.split_once('/') else { continue };
            let Ok(kind) = kind.parse::<DocKind>() else { continue };
            let evidence = crate::search::learned::decayed(pair.evidence, pair.confirmed_at, now);
            learned.push(LearnedRow {
                query: pair.query,
                locale: pair.locale,
                kind,
                title: title_of(kind.code(), slug).unwrap_or_else(|| slug.to_owned()),
                slug: slug.to_owned(),
                evidence_tenths: (evidence * 10.0).round() as i64,
                promoted: evidence >= crate::search::learned::FLOOR,
                confirmed_on: Timestamp::from_millis(pair.confirmed_at).local_date().format_for(viewer),
            });
        }
        learned.sort_by(|a, b| b.evidence_tenths.cmp(&a.evidence_tenths).then_with(|| a.query.cmp(&b.query)));
        learned.truncate(usize::try_from(LIST_LENGTH).unwrap_or(usize::MAX));
        Ok(AnalyticsData {
            from: from.to_string(),
            to: to.to_string(),
            searches,
            with_results,
            opened,
            top_searches: query_rows(store.query_counts(QueryList::Top, start, end, LIST_LENGTH).await?),
            without_results: query_rows(store.query_counts(QueryList::WithoutResults, start, end, LIST_LENGTH).await?),
            nothing_opened: query_rows(store.query_counts(QueryList::NothingOpened, start, end, LIST_LENGTH).await?),
            documents: store
                .document_counts(start, end)
                .await?
                .into_iter()
                .filter_map(|c| {
                    Some(DocumentRow {
                        kind: c.kind.parse::<DocKind>().ok()?,
                        title: title_of(&c.kind, &c.slug).unwrap_or_else(|| c.slug.clone()),
                        slug: c.slug,
                        opened_from_search: c.opened_from_search,
                        helpful: c.helpful,
                        not_helpful: c.not_helpful,
                        comments: c.comments,
                    })
                })
                .collect(),
            funnel: funnel
                .rows
                .iter()
                .filter_map(|((form, locale), row)| {
                    Some(FunnelRow {
                        form: form_name(form),
                        locale: locale.parse().ok()?,
                        started: row.started,
                        saw_suggestions: row.saw_suggestions,
                        opened: row.opened,
                        solved: row.solved,
                        tickets: row.tickets,
                        deflection: row.deflection_rate(),
                    })
                })
                .collect(),
            learned,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_is_whole_days_in_order_and_defaults_to_the_last_thirty() {
        let today = CivilDate { year: 2026, month: 11, day: 29 };
        let (start, end, from, to) = period("", "", today).expect("default");
        assert_eq!((from.to_string().as_str(), to.to_string().as_str()), ("2026-10-31", "2026-11-29"));
        assert_eq!(end - start, 30 * DAY);
        let (start, end, ..) = period("2026-11-01", "2026-11-01", today).expect("one day");
        assert_eq!(end - start, DAY);
        for (from, to) in
            [("2026-11-02", "2026-11-01"), ("2026-02-30", ""), ("yesterday", ""), ("2020-01-01", "2026-01-01")]
        {
            assert!(
                matches!(period(from, to, today), Err(ServiceError::Invalid("error-analytics-period"))),
                "{from} {to}"
            );
        }
    }
}
