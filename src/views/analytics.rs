//! The editors' analytics: what customers searched and found, which documents helped, and how
//! the guided forms deflected, over a period. Every table downloads as CSV; the two charts are
//! SVG drawn on the server ([`bar_chart`]), with the same numbers in the table beside them.

use crate::Locale;
use crate::content::DocKind;
use serde::{Deserialize, Serialize};

/// A search text and how it fared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueryRow {
    /// What was searched.
    pub query: String,
    /// In which language.
    pub locale: Locale,
    /// How many times.
    pub searches: i64,
    /// How many of those found nothing.
    pub without_results: i64,
    /// How many of those led to a document being opened.
    pub opened: i64,
}

/// A document's feedback.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRow {
    /// Article or solved case.
    pub kind: DocKind,
    /// Its slug.
    pub slug: String,
    /// Its title in the viewer's language (else another).
    pub title: String,
    /// Opened from search results.
    pub opened_from_search: i64,
    /// "Yes" votes.
    pub helpful: i64,
    /// "No" votes.
    pub not_helpful: i64,
    /// Votes with a comment.
    pub comments: i64,
}

/// A request type's funnel in one language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FunnelRow {
    /// The request type's name in the viewer's language.
    pub form: String,
    /// The customers' language.
    pub locale: Locale,
    /// Drafts started.
    pub started: i64,
    /// Shown suggestions.
    pub saw_suggestions: i64,
    /// Opened a suggestion.
    pub opened: i64,
    /// Solved by a suggestion.
    pub solved: i64,
    /// Sent as tickets.
    pub tickets: i64,
    /// Solved of those that ended (solved or sent).
    pub deflection: Option<f64>,
}

/// The analytics page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnalyticsData {
    /// The period's first day, `YYYY-MM-DD` (the date field's value).
    pub from: String,
    /// The period's last day, `YYYY-MM-DD`.
    pub to: String,
    /// Searches in the period.
    pub searches: i64,
    /// Of those, with results.
    pub with_results: i64,
    /// Of those, with a document opened.
    pub opened: i64,
    /// The most frequent searches.
    pub top_searches: Vec<QueryRow>,
    /// Searches that found nothing.
    pub without_results: Vec<QueryRow>,
    /// Searches that found something nobody opened.
    pub nothing_opened: Vec<QueryRow>,
    /// Documents opened from search or voted on.
    pub documents: Vec<DocumentRow>,
    /// The guided forms' funnel per request type and language.
    pub funnel: Vec<FunnelRow>,
    /// The answers learned from use (every pair, not only the period's), strongest first.
    pub learned: Vec<LearnedRow>,
}

/// A search and the answer customers confirmed for it ([`crate::search`]'s learning).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LearnedRow {
    /// The search's latest wording.
    pub query: String,
    /// Its language.
    pub locale: Locale,
    /// The answer: article or solved case.
    pub kind: DocKind,
    /// Its slug.
    pub slug: String,
    /// Its title in the viewer's language (else another).
    pub title: String,
    /// Helpful votes after the search, faded with time, in tenths (`35`: 3.5).
    pub evidence_tenths: i64,
    /// True when the evidence reaches the floor: the answer is put first for the search.
    pub promoted: bool,
    /// The day of the last vote, as the viewer reads dates.
    pub confirmed_on: String,
}

/// The tables of the analytics page, as their CSV downloads name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Table {
    /// [`AnalyticsData::top_searches`].
    TopSearches,
    /// [`AnalyticsData::without_results`].
    WithoutResults,
    /// [`AnalyticsData::nothing_opened`].
    NothingOpened,
    /// [`AnalyticsData::documents`].
    Documents,
    /// [`AnalyticsData::funnel`].
    Funnel,
}

impl Table {
    /// Every table.
    pub const ALL: [Table; 5] =
        [Table::TopSearches, Table::WithoutResults, Table::NothingOpened, Table::Documents, Table::Funnel];

    /// Its name in the download's address and file name.
    pub const fn code(self) -> &'static str {
        match self {
            Table::TopSearches => "top-searches",
            Table::WithoutResults => "searches-without-results",
            Table::NothingOpened => "searches-nothing-opened",
            Table::Documents => "documents",
            Table::Funnel => "guided-forms",
        }
    }

    /// The table named `code`.
    pub fn parse(code: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.code() == code)
    }
}

/// One CSV cell: quoted when it holds a comma, quote or line break, and defused when a
/// spreadsheet would read it as a formula (customers type the search texts).
fn cell(text: &str) -> String {
    let defused = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_owned() };
    if defused.contains([',', '"', '\n', '\r']) { format!("\"{}\"", defused.replace('"', "\"\"")) } else { defused }
}

fn csv_lines(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut out = header.join(",");
    out.push_str("\r\n");
    for row in rows {
        out.push_str(&row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

impl AnalyticsData {
    /// `table` as CSV (RFC 4180, machine-readable numbers, a header row in English).
    pub fn csv(&self, table: Table) -> String {
        let queries = |rows: &[QueryRow]| {
            csv_lines(
                &["query", "locale", "searches", "without_results", "opened"],
                rows.iter().map(|r| {
                    vec![
                        r.query.clone(),
                        r.locale.code().to_owned(),
                        r.searches.to_string(),
                        r.without_results.to_string(),
                        r.opened.to_string(),
                    ]
                }),
            )
        };
        match table {
            Table::TopSearches => queries(&self.top_searches),
            Table::WithoutResults => queries(&self.without_results),
            Table::NothingOpened => queries(&self.nothing_opened),
            Table::Documents => csv_lines(
                &["kind", "slug", "title", "opened_from_search", "helpful", "not_helpful", "comments"],
                self.documents.iter().map(|d| {
                    vec![
                        d.kind.code().to_owned(),
                        d.slug.clone(),
                        d.title.clone(),
                        d.opened_from_search.to_string(),
                        d.helpful.to_string(),
                        d.not_helpful.to_string(),
                        d.comments.to_string(),
                    ]
                }),
            ),
            Table::Funnel => csv_lines(
                &["request_type", "locale", "started", "saw_suggestions", "opened", "solved", "tickets", "deflection"],
                self.funnel.iter().map(|f| {
                    vec![
                        f.form.clone(),
                        f.locale.code().to_owned(),
                        f.started.to_string(),
                        f.saw_suggestions.to_string(),
                        f.opened.to_string(),
                        f.solved.to_string(),
                        f.tickets.to_string(),
                        f.deflection.map_or_else(String::new, |d| format!("{d:.4}")),
                    ]
                }),
            ),
        }
    }
}

/// A horizontal bar chart as accessible SVG: `role="img"`, labelled by the heading `labelled_by`
/// and described by its own `<title>`; each bar carries its label and value as text. Every text
/// is escaped. `value_text` writes a value for people.
pub fn bar_chart(title: &str, labelled_by: &str, bars: &[(String, f64)], value_text: impl Fn(f64) -> String) -> String {
    use crate::html::escape;
    const WIDTH: f64 = 640.0;
    const LABEL: f64 = 240.0;
    const BAR: f64 = 22.0;
    const GAP: f64 = 8.0;
    let max = bars.iter().map(|(_, v)| *v).fold(0.0_f64, f64::max).max(f64::MIN_POSITIVE);
    let height = (bars.len() as f64) * (BAR + GAP) + GAP;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 {WIDTH} {height}\" \
         aria-labelledby=\"{id} {id}-title\"><title id=\"{id}-title\">{title}</title>",
        id = escape(labelled_by),
        title = escape(title),
    );
    for (i, (label, value)) in bars.iter().enumerate() {
        let y = GAP + (i as f64) * (BAR + GAP);
        let length = ((WIDTH - LABEL - 80.0) * value / max).max(1.0);
        let shown: String = label.chars().take(32).collect();
        svg.push_str(&format!(
            "<g><text x=\"{lx}\" y=\"{ty}\" text-anchor=\"end\" class=\"chart__label\">{label}</text>\
             <rect x=\"{LABEL}\" y=\"{y}\" width=\"{length:.1}\" height=\"{BAR}\" class=\"chart__bar\"/>\
             <text x=\"{vx:.1}\" y=\"{ty}\" class=\"chart__value\">{value}</text></g>",
            lx = LABEL - 8.0,
            ty = y + BAR * 0.72,
            label = escape(&shown),
            vx = LABEL + length + 6.0,
            value = escape(&value_text(*value)),
        ));
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_cell_is_quoted_and_never_read_as_a_formula() {
        assert_eq!(cell("kortti"), "kortti");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("sano \"hei\""), "\"sano \"\"hei\"\"\"");
        assert_eq!(cell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
        assert_eq!(cell("+358"), "'+358");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
    }

    #[test]
    fn a_chart_escapes_its_texts_and_scales_bars_to_the_largest() {
        let bars = vec![("<script>".to_owned(), 10.0), ("kortti".to_owned(), 5.0)];
        let svg = bar_chart("Haut", "h", &bars, |v| format!("{v}"));
        assert!(!svg.contains("<script>") && svg.contains("&lt;script&gt;"));
        assert!(svg.contains("role=\"img\"") && svg.contains("<title id=\"h-title\">Haut</title>"));
        assert!(svg.contains("width=\"320.0\"") && svg.contains("width=\"160.0\""), "{svg}");
    }

    #[test]
    fn every_table_has_a_name_that_reads_back() {
        for table in Table::ALL {
            assert_eq!(Table::parse(table.code()), Some(table));
        }
        assert_eq!(Table::parse("../etc/passwd"), None);
    }
}
