//! The desk's service-level settings as `desk.yaml` in the content bundle writes them: named
//! calendars, each team's calendar and notification address, the targets per request kind and
//! priority, and when to warn. [`DeskSettings::new`] checks them once; past it, every team has a
//! calendar and every kind and priority a target.

use super::calendar::{BusinessCalendar, CalendarSpec};
use super::clock::BusinessMinutes;
use crate::content::Slug;
use crate::email::Email;
use crate::forms::{Priority, RequestKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `desk.yaml` as written.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DeskSpec {
    /// Calendars by name.
    #[serde(default)]
    pub calendars: BTreeMap<String, CalendarSpec>,
    /// Per team: its calendar and the address new tickets are announced to.
    #[serde(default)]
    pub teams: BTreeMap<Slug, TeamSpec>,
    /// Targets; a rule without `kind` applies to both kinds.
    #[serde(default)]
    pub targets: Vec<TargetSpec>,
    /// Shares of a target's budget (percent) at which a warning is sent; 75 and 90 unless told.
    #[serde(default = "default_warnings")]
    pub warnings: Vec<u8>,
    /// Reply templates.
    #[serde(default)]
    pub templates: Vec<TemplateSpec>,
}

/// A reply template as written: for one team's replies in one language. Its body may hold
/// `{name}` (the customer's), `{reference}`, `{agent}` and `{portal}` (the front page's address).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateSpec {
    /// The team.
    pub team: Slug,
    /// The reply language.
    pub locale: crate::Locale,
    /// What the agent picks it by.
    pub title: String,
    /// The text.
    pub body: String,
}

fn default_warnings() -> Vec<u8> {
    vec![75, 90]
}

/// A team's desk settings as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TeamSpec {
    /// The name of its calendar in `calendars`.
    pub calendar: String,
    /// Where a new ticket of the team is announced, if anywhere.
    #[serde(default)]
    pub email: Option<Email>,
}

/// One target rule as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TargetSpec {
    /// Incident or service request; both when absent.
    #[serde(default)]
    pub kind: Option<RequestKind>,
    /// The priority it is for.
    pub priority: Priority,
    /// Business time to the desk's first public reply.
    pub first_response: BusinessMinutes,
    /// Business time to the ticket's solution.
    pub resolution: BusinessMinutes,
}

/// The two targets a ticket runs against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Targets {
    /// To the first public reply.
    pub first_response: BusinessMinutes,
    /// To the solution.
    pub resolution: BusinessMinutes,
}

impl Targets {
    /// The budget of `target`.
    pub const fn of(&self, target: super::Target) -> BusinessMinutes {
        match target {
            super::Target::FirstResponse => self.first_response,
            super::Target::Resolution => self.resolution,
        }
    }
}

/// Checked desk settings.
#[derive(Clone, Debug, PartialEq)]
pub struct DeskSettings {
    spec: DeskSpec,
    calendars: BTreeMap<String, BusinessCalendar>,
    default_calendar: BusinessCalendar,
}

impl DeskSettings {
    /// Checks `spec`: calendars valid, every team's calendar defined, a first response no later
    /// than the resolution, warning shares between 1 and 99. The problems, one per line.
    pub fn new(spec: DeskSpec) -> Result<DeskSettings, Vec<String>> {
        let mut problems = Vec::new();
        let mut calendars = BTreeMap::new();
        for (name, calendar) in &spec.calendars {
            match BusinessCalendar::new(calendar) {
                Ok(checked) => {
                    calendars.insert(name.clone(), checked);
                }
                Err(e) => problems.push(format!("calendar {name}: {e}")),
            }
        }
        for (team, settings) in &spec.teams {
            if !spec.calendars.contains_key(&settings.calendar) {
                problems.push(format!("team {team}: no calendar named {:?}", settings.calendar));
            }
        }
        for target in &spec.targets {
            if target.first_response > target.resolution {
                problems.push(format!(
                    "target for {} priority: the first response ({}) is later than the resolution ({})",
                    target.priority.code(),
                    target.first_response,
                    target.resolution
                ));
            }
        }
        for template in &spec.templates {
            if template.title.trim().is_empty() || template.body.trim().is_empty() {
                problems.push(format!("template for team {}: a title and a body are needed", template.team));
            }
        }
        if spec.warnings.iter().any(|share| !(1..=99).contains(share)) {
            problems.push("warnings are shares of the budget between 1 and 99 (percent)".to_owned());
        }
        if problems.is_empty() {
            Ok(DeskSettings { spec, calendars, default_calendar: BusinessCalendar::finnish_office_hours() })
        } else {
            Err(problems)
        }
    }

    /// Reads and checks `desk.yaml`.
    #[cfg(feature = "server")]
    pub fn from_yaml(text: &str) -> Result<DeskSettings, Vec<String>> {
        let spec: DeskSpec = serde_norway::from_str(text).map_err(|e| vec![e.to_string()])?;
        DeskSettings::new(spec)
    }

    /// The settings as written.
    pub fn spec(&self) -> &DeskSpec {
        &self.spec
    }

    /// The calendar `team` works by: its own, else Helsinki office hours with Finland's holidays.
    pub fn calendar_of(&self, team: &Slug) -> &BusinessCalendar {
        self.spec.teams.get(team).and_then(|t| self.calendars.get(&t.calendar)).unwrap_or(&self.default_calendar)
    }

    /// Where `team`'s new tickets are announced.
    pub fn team_email(&self, team: &Slug) -> Option<&Email> {
        self.spec.teams.get(team).and_then(|t| t.email.as_ref())
    }

    /// The targets for a ticket of `kind` and `priority`: the rule for that kind, else the one
    /// for both kinds, else the defaults (critical 1 h / 4 h, high 2 h / 8 h, normal 8 h / 24 h,
    /// low 16 h / 40 h of business time).
    pub fn targets(&self, kind: RequestKind, priority: Priority) -> Targets {
        let rule = |exact: bool| {
            self.spec
                .targets
                .iter()
                .find(|t| t.priority == priority && if exact { t.kind == Some(kind) } else { t.kind.is_none() })
        };
        match rule(true).or_else(|| rule(false)) {
            Some(t) => Targets { first_response: t.first_response, resolution: t.resolution },
            None => {
                let (first, resolution) = match priority {
                    Priority::Critical => (1, 4),
                    Priority::High => (2, 8),
                    Priority::Normal => (8, 24),
                    Priority::Low => (16, 40),
                };
                Targets {
                    first_response: BusinessMinutes::hours(first),
                    resolution: BusinessMinutes::hours(resolution),
                }
            }
        }
    }

    /// The warning shares, lowest first.
    pub fn warnings(&self) -> Vec<u8> {
        let mut shares = self.spec.warnings.clone();
        shares.sort_unstable();
        shares.dedup();
        shares
    }
}

impl Default for DeskSettings {
    fn default() -> DeskSettings {
        DeskSettings {
            spec: DeskSpec { warnings: default_warnings(), ..DeskSpec::default() },
            calendars: BTreeMap::new(),
            default_calendar: BusinessCalendar::finnish_office_hours(),
        }
    }
}

#[cfg(all(test, feature = "server"))]
mod tests {
    use super::*;

    const DESK: &str = "\
calendars:
  helsinki:
    holidays: finland
    hours:
      monday: [08:00-16:00]
      friday: [08:00-12:00, 13:00-15:00]
  stockholm:
    time-zone: Europe/Stockholm
    holidays: sweden
    hours:
      monday: [09:00-17:00]
teams:
  technical-support: {calendar: helsinki, email: tekninen.tuki@example.fi}
  payments: {calendar: stockholm}
targets:
  - {priority: critical, first-response: 30min, resolution: 4h}
  - {kind: incident, priority: high, first-response: 1h, resolution: 6h}
  - {priority: high, first-response: 2h, resolution: 1h 30min}
";

    fn slug(text: &str) -> Slug {
        Slug::parse(text).expect("slug")
    }

    #[test]
    fn desk_settings_name_every_problem_at_once() {
        let problems =
            DeskSettings::from_yaml(&DESK.replace("calendar: stockholm", "calendar: oslo")).expect_err("bad");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("team payments: no calendar named \"oslo\""), "{problems:?}");
        assert!(problems[1].contains("first response (2h) is later than the resolution (1h 30min)"), "{problems:?}");
        assert!(DeskSettings::from_yaml("warnings: [0, 100]").is_err());
        assert!(DeskSettings::from_yaml("teams: {x: {calendar: a, colour: red}}").is_err(), "unknown keys");
    }

    #[test]
    fn targets_prefer_the_rule_for_the_kind_then_both_kinds_then_the_defaults() {
        let desk = DeskSettings::from_yaml(&DESK.replace("resolution: 1h 30min", "resolution: 8h")).expect("desk");
        let t = desk.targets(RequestKind::Incident, Priority::High);
        assert_eq!((t.first_response, t.resolution), (BusinessMinutes::hours(1), BusinessMinutes::hours(6)));
        let t = desk.targets(RequestKind::ServiceRequest, Priority::High);
        assert_eq!((t.first_response, t.resolution), (BusinessMinutes::hours(2), BusinessMinutes::hours(8)));
        let t = desk.targets(RequestKind::ServiceRequest, Priority::Low);
        assert_eq!((t.first_response, t.resolution), (BusinessMinutes::hours(16), BusinessMinutes::hours(40)));
        assert_eq!(desk.warnings(), vec![75, 90]);
        assert_eq!(desk.team_email(&slug("technical-support")).map(Email::as_str), Some("tekninen.tuki@example.fi"));
        assert_eq!(desk.calendar_of(&slug("payments")).zone(), chrono_tz::Europe::Stockholm);
        assert_eq!(desk.calendar_of(&slug("nobody")).zone(), chrono_tz::Europe::Helsinki);
    }
}
