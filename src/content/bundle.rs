//! The content bundle: the folder `tuki import` reads and `tuki export` writes.
//!
//! ```text
//! categories.yaml                 # slug: {fi: name, sv: name, en: name}
//! articles/<slug>/<locale>.md     # one file per translation
//! cases/<slug>/<locale>.md        # solved cases, same shape
//! teams.yaml                      # slug: {fi: name, sv: name, en: name}; needed with forms
//! forms/<slug>.yaml               # guided support forms (see `crate::forms::definition`)
//! desk.yaml                       # the desk's service levels and reply templates
//! synonyms/<locale>.yaml          # customers' words for the articles' (see `super::synonyms`)
//! ```
//!
//! Each `.md` starts with YAML front matter between `---` lines — `title` (required),
//! `category` (required), `tags`, `summary`, `questions` (what the text answers, in customers'
//! words; searchable), `status` (`draft`; published when absent) — and the
//! rest is the Markdown body. Reading checks everything and reports every problem as
//! `file:line: reason`; a bundle with any problem is not used at all.

use super::{Category, DocKind, Document, Slug, Status, Translation};
use crate::Locale;
use crate::forms::definition::{KnownNames, parse_form, write_form};
use crate::forms::{FormDefinition, Team};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

/// Everything a bundle holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bundle {
    /// The categories, by slug.
    pub categories: Vec<Category>,
    /// Articles and solved cases.
    pub documents: Vec<Document>,
    /// The desk's teams, which forms send tickets to.
    pub teams: Vec<Team>,
    /// Guided support forms (request types).
    pub forms: Vec<FormDefinition>,
    /// The desk's service-level settings and reply templates (`desk.yaml`), as written.
    pub desk: Option<String>,
    /// The synonyms files (`synonyms/<locale>.yaml`), as written.
    pub synonyms: BTreeMap<Locale, String>,
}

/// One problem in a bundle, at a file and line (1-based) relative to the bundle's folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BundleProblem {
    /// The file, relative to the bundle folder.
    pub file: PathBuf,
    /// The line the problem is on (1 when it concerns the whole file).
    pub line: usize,
    /// What is wrong, for an editor to fix.
    pub reason: String,
}

impl fmt::Display for BundleProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.reason)
    }
}

/// Every problem found in a bundle.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct BundleErrors(pub Vec<BundleProblem>);

impl fmt::Display for BundleErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "the bundle has {} problem(s); nothing was imported:", self.0.len())?;
        for problem in &self.0 {
            writeln!(f, "{problem}")?;
        }
        Ok(())
    }
}

/// The front matter of a translation file, as written.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    category: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    summary: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    questions: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<String>,
}

/// Longest title accepted, in characters.
const MAX_TITLE: usize = 200;
/// Largest Markdown body accepted, in bytes.
const MAX_BODY: usize = 200_000;

/// Collects problems while reading.
#[derive(Default)]
struct Problems(Vec<BundleProblem>);

impl Problems {
    fn add(&mut self, file: &Path, line: usize, reason: impl Into<String>) {
        self.0.push(BundleProblem { file: file.to_path_buf(), line, reason: reason.into() });
    }
}

/// The files of a bundle: path relative to the bundle folder (with `/`) → text, or why the
/// text could not be read. Read from a folder, or from files compiled into the binary.
pub type BundleFiles = BTreeMap<String, Result<String, String>>;

/// A translation file of one document: its name (`fi.md`) and its text.
type TranslationFile<'a> = (&'a str, &'a Result<String, String>);

/// Reads every file under `dir` (hidden files and folders skipped).
pub fn files_in_dir(dir: &Path) -> std::io::Result<BundleFiles> {
    fn walk(root: &Path, dir: &Path, out: &mut BundleFiles) -> std::io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let path = entry.path();
            if entry.file_type()?.is_dir() {
                walk(root, &path, out)?;
            } else {
                let rel = path.strip_prefix(root).unwrap_or(&path);
                let rel = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
                let text = std::fs::read(&path)
                    .map_err(|e| e.to_string())
                    .and_then(|bytes| String::from_utf8(bytes).map_err(|_| "the file is not UTF-8 text".to_owned()));
                out.insert(rel, text);
            }
        }
        Ok(())
    }
    let mut files = BundleFiles::new();
    walk(dir, dir, &mut files)?;
    Ok(files)
}

impl Bundle {
    /// Reads and checks the bundle in the folder `dir`.
    pub fn read(dir: &Path) -> Result<Bundle, BundleErrors> {
        let files = files_in_dir(dir).map_err(|e| {
            BundleErrors(vec![BundleProblem {
                file: dir.to_path_buf(),
                line: 1,
                reason: format!("cannot read the bundle folder: {e}"),
            }])
        })?;
        Bundle::parse(&files)
    }

    /// Checks a bundle's files. Either the whole bundle, or every problem in it.
    pub fn parse(files: &BundleFiles) -> Result<Bundle, BundleErrors> {
        let mut problems = Problems::default();
        let categories = match files.get("categories.yaml") {
            Some(Ok(text)) => parse_named("categories.yaml", "category", text, &mut problems)
                .into_iter()
                .map(|(slug, names)| Category { slug, names })
                .collect(),
            Some(Err(e)) => {
                problems.add(Path::new("categories.yaml"), 1, format!("cannot read the category list: {e}"));
                Vec::new()
            }
            None => {
                problems.add(Path::new("categories.yaml"), 1, "missing: the bundle must list its categories");
                Vec::new()
            }
        };
        let known: BTreeMap<&str, ()> = categories.iter().map(|c| (c.slug.as_str(), ())).collect();
        // (kind, slug) → its translation files
        let mut grouped: BTreeMap<(DocKind, String), Vec<TranslationFile<'_>>> = BTreeMap::new();
        let teams: Vec<Team> = match files.get("teams.yaml") {
            Some(Ok(text)) => parse_named("teams.yaml", "team", text, &mut problems)
                .into_iter()
                .map(|(slug, names)| Team { slug, names })
                .collect(),
            Some(Err(e)) => {
                problems.add(Path::new("teams.yaml"), 1, format!("cannot read the team list: {e}"));
                Vec::new()
            }
            None => Vec::new(),
        };
        let desk = match files.get("desk.yaml") {
            Some(Ok(text)) => {
                check_desk(text, &teams, &mut problems);
                Some((*text).to_owned())
            }
            Some(Err(e)) => {
                problems.add(Path::new("desk.yaml"), 1, format!("cannot read the desk settings: {e}"));
                None
            }
            None => None,
        };
        let mut form_files = Vec::new();
        let mut synonyms = BTreeMap::new();
        for (path, text) in files {
            if path == "categories.yaml" || path == "teams.yaml" || path == "desk.yaml" {
                continue;
            }
            if let Some(name) = path.strip_prefix("synonyms/") {
                if let Some((locale, text)) = check_synonyms(path, name, text, &mut problems) {
                    synonyms.insert(locale, text);
                }
                continue;
            }
            if let Some(name) = path.strip_prefix("forms/") {
                form_files.push((path, name, text));
                continue;
            }
            let parts: Vec<&str> = path.split('/').collect();
            let kind = DocKind::ALL.into_iter().find(|k| k.bundle_dir() == parts[0]);
            match (kind, parts.len()) {
                (Some(kind), 3) => grouped.entry((kind, parts[1].to_owned())).or_default().push((parts[2], text)),
                (Some(_), _) => {
                    problems.add(Path::new(path), 1, "unexpected file: translations go in <kind>/<slug>/<locale>.md")
                }
                (None, _) => problems.add(
                    Path::new(path),
                    1,
                    "unexpected file: a bundle holds categories.yaml, teams.yaml, desk.yaml, articles/, cases/, forms/ \
                     and synonyms/",
                ),
            }
        }
        let mut documents = Vec::new();
        for ((kind, slug_name), translation_files) in grouped {
            let rel_dir = Path::new(kind.bundle_dir()).join(&slug_name);
            let slug = match Slug::parse(&slug_name) {
                Ok(slug) => slug,
                Err(e) => {
                    problems.add(&rel_dir, 1, e.to_string());
                    continue;
                }
            };
            if let Some(doc) = parse_document(kind, slug, &rel_dir, &translation_files, &known, &mut problems) {
                documents.push(doc);
            }
        }
        let forms = parse_forms(&form_files, &teams, &documents, &mut problems);
        if problems.0.is_empty() {
            Ok(Bundle { categories, documents, teams, forms, desk, synonyms })
        } else {
            Err(BundleErrors(problems.0))
        }
    }

    /// Writes the bundle to `dir` (created when missing) in the canonical form, so that
    /// export → import → export gives identical files.
    pub fn write(&self, dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        let categories: BTreeMap<&str, BTreeMap<&str, &str>> = self
            .categories
            .iter()
            .map(|c| (c.slug.as_str(), c.names.iter().map(|(l, n)| (l.code(), n.as_str())).collect()))
            .collect();
        std::fs::write(dir.join("categories.yaml"), to_yaml(&categories)?)?;
        if !self.teams.is_empty() {
            let teams: BTreeMap<&str, BTreeMap<&str, &str>> = self
                .teams
                .iter()
                .map(|t| (t.slug.as_str(), t.names.iter().map(|(l, n)| (l.code(), n.as_str())).collect()))
                .collect();
            std::fs::write(dir.join("teams.yaml"), to_yaml(&teams)?)?;
        }
        if let Some(desk) = &self.desk {
            std::fs::write(dir.join("desk.yaml"), desk)?;
        }
        if !self.synonyms.is_empty() {
            std::fs::create_dir_all(dir.join("synonyms"))?;
        }
        for (locale, text) in &self.synonyms {
            std::fs::write(dir.join("synonyms").join(format!("{}.yaml", locale.code())), text)?;
        }
        if !self.forms.is_empty() {
            std::fs::create_dir_all(dir.join("forms"))?;
        }
        for form in &self.forms {
            let text = write_form(form).map_err(std::io::Error::other)?;
            std::fs::write(dir.join("forms").join(format!("{}.yaml", form.slug)), text)?;
        }
        for doc in &self.documents {
            let doc_dir = dir.join(doc.kind.bundle_dir()).join(doc.slug.as_str());
            std::fs::create_dir_all(&doc_dir)?;
            for (locale, translation) in &doc.translations {
                let front = FrontMatter {
                    title: Some(translation.title.clone()),
                    category: Some(doc.category.to_string()),
                    tags: translation.tags.clone(),
                    summary: translation.summary.clone(),
                    questions: translation.questions.clone(),
                    status: (doc.status == Status::Draft).then(|| Status::Draft.code().to_owned()),
                };
                let text = format!("---\n{}---\n{}", to_yaml(&front)?, translation.body);
                std::fs::write(doc_dir.join(format!("{}.md", locale.code())), text)?;
            }
        }
        Ok(())
    }
}

fn to_yaml<T: Serialize>(value: &T) -> std::io::Result<String> {
    serde_norway::to_string(value).map_err(std::io::Error::other)
}

/// The 1-based line of the first line in `text` that starts with `key:` (for error positions).
fn line_of_key(text: &str, key: &str, first_line: usize) -> usize {
    text.lines()
        .position(|line| line.trim_start().strip_prefix(key).is_some_and(|rest| rest.starts_with(':')))
        .map_or(first_line, |i| first_line + i)
}

/// Checks `synonyms/<name>`: a locale's file whose rules read; its locale and text when it does.
fn check_synonyms(
    path: &str,
    name: &str,
    text: &Result<String, String>,
    problems: &mut Problems,
) -> Option<(Locale, String)> {
    let rel = Path::new(path);
    let Some(locale) = name.strip_suffix(".yaml").and_then(|code| code.parse::<Locale>().ok()) else {
        problems.add(rel, 1, "unexpected file: synonyms go in synonyms/<locale>.yaml (fi, sv or en)");
        return None;
    };
    let text = match text {
        Ok(text) => text,
        Err(e) => {
            problems.add(rel, 1, format!("cannot read the synonyms: {e}"));
            return None;
        }
    };
    match super::synonyms::SynonymList::parse(text) {
        Ok(_) => Some((locale, text.clone())),
        Err(found) => {
            for (line, reason) in found {
                problems.add(rel, line, reason);
            }
            None
        }
    }
}

/// Checks `desk.yaml`: its settings, and that every team it names is in `teams.yaml`.
fn check_desk(text: &str, teams: &[Team], problems: &mut Problems) {
    match crate::sla::DeskSettings::from_yaml(text) {
        Ok(desk) => {
            let known = |slug: &Slug| teams.iter().any(|t| &t.slug == slug);
            let named = desk.spec().teams.keys().chain(desk.spec().templates.iter().map(|t| &t.team));
            for team in named.filter(|t| !known(t)) {
                problems.add(
                    Path::new("desk.yaml"),
                    1,
                    format!("unknown team {team} (teams are listed in teams.yaml)"),
                );
            }
        }
        Err(reasons) => {
            for reason in reasons {
                problems.add(Path::new("desk.yaml"), 1, reason);
            }
        }
    }
}

/// A list of slugs with a name per locale (`categories.yaml`, `teams.yaml`).
fn parse_named(file: &str, noun: &str, text: &str, problems: &mut Problems) -> Vec<(Slug, BTreeMap<Locale, String>)> {
    let rel = Path::new(file);
    let raw: BTreeMap<String, BTreeMap<String, String>> = match serde_norway::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let line = e.location().map_or(1, |l| l.line());
            problems.add(rel, line, format!("invalid YAML: {e}"));
            return Vec::new();
        }
    };
    let mut items = Vec::new();
    for (slug, names) in raw {
        let line = line_of_key(text, &slug, 1);
        let slug = match Slug::parse(&slug) {
            Ok(slug) => slug,
            Err(e) => {
                problems.add(rel, line, e.to_string());
                continue;
            }
        };
        let mut parsed = BTreeMap::new();
        for (code, name) in names {
            match code.parse::<Locale>() {
                Ok(_) if name.trim().is_empty() => {
                    problems.add(rel, line, format!("{noun} {slug}: the {code} name is empty"));
                }
                Ok(locale) => {
                    parsed.insert(locale, name.trim().to_owned());
                }
                Err(e) => problems.add(rel, line, format!("{noun} {slug}: {e}")),
            }
        }
        for locale in Locale::ALL {
            if !parsed.contains_key(&locale) {
                problems.add(rel, line, format!("{noun} {slug}: no name in {locale}"));
            }
        }
        items.push((slug, parsed));
    }
    items
}

/// The forms (`forms/<slug>.yaml`), checked against the bundle's teams and articles.
fn parse_forms(
    files: &[(&String, &str, &Result<String, String>)],
    teams: &[Team],
    documents: &[Document],
    problems: &mut Problems,
) -> Vec<FormDefinition> {
    let team_slugs: BTreeSet<&str> = teams.iter().map(|t| t.slug.as_str()).collect();
    let article_slugs: BTreeSet<&str> =
        documents.iter().filter(|d| d.kind == DocKind::Article).map(|d| d.slug.as_str()).collect();
    let known = KnownNames { teams: &team_slugs, articles: &article_slugs };
    let mut forms = Vec::new();
    for (path, name, text) in files {
        let rel = Path::new(path.as_str());
        let Some(slug) = name.strip_suffix(".yaml").filter(|n| !n.contains('/')) else {
            problems.add(rel, 1, "unexpected file: forms are forms/<slug>.yaml");
            continue;
        };
        let slug = match Slug::parse(slug) {
            Ok(slug) => slug,
            Err(e) => {
                problems.add(rel, 1, e.to_string());
                continue;
            }
        };
        let text = match text {
            Ok(text) => text,
            Err(e) => {
                problems.add(rel, 1, format!("cannot read: {e}"));
                continue;
            }
        };
        match parse_form(&slug, text, known) {
            Ok(form) => forms.push(form),
            Err(found) => {
                for (line, reason) in found {
                    problems.add(rel, line, reason);
                }
            }
        }
    }
    forms
}

fn parse_document(
    kind: DocKind,
    slug: Slug,
    rel_dir: &Path,
    files: &[TranslationFile<'_>],
    categories: &BTreeMap<&str, ()>,
    problems: &mut Problems,
) -> Option<Document> {
    let before = problems.0.len();
    let mut translations = BTreeMap::new();
    // (category, status) of the first translation, which the others must agree with.
    let mut shared: Option<(Slug, Status, PathBuf)> = None;
    for (name, text) in files {
        let rel = rel_dir.join(name);
        let Some(code) = name.strip_suffix(".md") else {
            problems.add(&rel, 1, "unexpected file: translations are named fi.md, sv.md or en.md");
            continue;
        };
        let locale = match code.parse::<Locale>() {
            Ok(locale) => locale,
            Err(e) => {
                problems.add(&rel, 1, e.to_string());
                continue;
            }
        };
        let text = match text {
            Ok(text) => text.as_str(),
            Err(e) => {
                problems.add(&rel, 1, format!("cannot read the file: {e}"));
                continue;
            }
        };
        let Some((category, status, translation)) = parse_translation(text, &rel, categories, problems) else {
            continue;
        };
        match &shared {
            None => shared = Some((category, status, rel.clone())),
            Some((first_category, first_status, first)) => {
                if *first_category != category {
                    problems.add(
                        &rel,
                        line_of_key(text, "category", 1),
                        format!("category {category} differs from {first_category} in {}", first.display()),
                    );
                }
                if *first_status != status {
                    problems.add(&rel, 1, format!("status differs from {}", first.display()));
                }
            }
        }
        translations.insert(locale, translation);
    }
    let (category, status, _) = shared?;
    (problems.0.len() == before).then_some(Document { kind, slug, category, status, translations })
}

fn parse_translation(
    text: &str,
    rel: &Path,
    categories: &BTreeMap<&str, ()>,
    problems: &mut Problems,
) -> Option<(Slug, Status, Translation)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(after_open) = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n")) else {
        problems.add(rel, 1, "the file must start with front matter between two --- lines");
        return None;
    };
    let Some((yaml, body)) = split_front_matter(after_open) else {
        problems.add(rel, 1, "the front matter is not closed by a --- line");
        return None;
    };
    if body.len() > MAX_BODY {
        problems.add(rel, 1, format!("the body is longer than {MAX_BODY} bytes"));
        return None;
    }
    // Line 1 is the opening ---, so YAML line n is file line n + 1.
    let front: FrontMatter = match serde_norway::from_str::<Option<FrontMatter>>(yaml) {
        Ok(front) => front.unwrap_or_default(),
        Err(e) => {
            let line = e.location().map_or(1, |l| l.line() + 1);
            problems.add(rel, line, format!("invalid front matter: {e}"));
            return None;
        }
    };
    let before = problems.0.len();
    let title = front.title.as_deref().map(str::trim).unwrap_or_default().to_owned();
    if title.is_empty() {
        problems.add(rel, line_of_key(yaml, "title", 2).min(1 + yaml.lines().count()), "missing title");
    } else if title.chars().count() > MAX_TITLE {
        problems.add(rel, line_of_key(yaml, "title", 2), format!("the title is longer than {MAX_TITLE} characters"));
    }
    let category = match front.category.as_deref().map(str::trim) {
        None | Some("") => {
            problems.add(rel, 1, "missing category");
            None
        }
        Some(name) if !categories.contains_key(name) => {
            problems.add(
                rel,
                line_of_key(yaml, "category", 2),
                format!("unknown category {name:?}: not in categories.yaml"),
            );
            None
        }
        Some(name) => Slug::parse(name).ok(),
    };
    let status = match front.status.as_deref().map(str::trim) {
        None => Status::Published,
        Some(s) => match s.parse() {
            Ok(status) => status,
            Err(e) => {
                problems.add(rel, line_of_key(yaml, "status", 2), e);
                Status::Published
            }
        },
    };
    let mut tags = Vec::new();
    for tag in front.tags {
        let tag = tag.trim().to_owned();
        if tag.is_empty() {
            problems.add(rel, line_of_key(yaml, "tags", 2), "empty tag");
        } else if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    let summary = front.summary.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    let questions = match crate::content::checked_questions(front.questions) {
        Ok(questions) => questions,
        Err(reason) => {
            problems.add(rel, line_of_key(yaml, "questions", 2), reason);
            Vec::new()
        }
    };
    // A mistyped service number placeholder would reach customers as `{card-blocking-fone}`.
    // Placeholders have hyphenated names; other braces (`{username}` in an IT example) are text.
    let body_first_line = yaml.lines().count() + 3;
    for (n, line) in body.lines().enumerate() {
        for name in crate::content::service_numbers::unknown_placeholders(line) {
            if name.contains('-') {
                problems.add(
                    rel,
                    body_first_line + n,
                    format!("unknown placeholder {{{name}}} (known: {{card-blocking-phone}})"),
                );
            }
        }
    }
    let category = category?;
    (problems.0.len() == before)
        .then(|| (category, status, Translation { title, summary, body: body.to_owned(), tags, questions }))
}

/// Splits the text after the opening `---` line into the YAML and the body after the closing
/// `---` line.
fn split_front_matter(text: &str) -> Option<(&str, &str)> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_end_matches(['\n', '\r']) == "---" {
            return Some((&text[..offset], &text[offset + line.len()..]));
        }
        offset += line.len();
    }
    None
}
