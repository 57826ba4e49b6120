//! Service levels: business calendars with Finnish and Swedish public holidays, and the pure
//! arithmetic of due times in business time that the desk's clocks, warnings and reports use.
//! Wasm-safe, with no I/O: everything is a function of a calendar, instants and pauses.

pub mod calendar;
pub mod clock;
pub mod desk;
pub mod holidays;
pub mod report;
pub mod targets;

pub use calendar::{BusinessCalendar, CalendarError, CalendarSpec, DayKind, WeekHours, date_text};
pub use clock::{BusinessMinutes, DueExplanation, Pause, business_time_between, due_at, explain_due};
pub use desk::{DeskSettings, DeskSpec, TargetSpec, Targets, TeamSpec, TemplateSpec};
pub use holidays::{Holiday, HolidayRules, easter_sunday};
pub use report::{SlaReport, TargetCounts};
pub use targets::{Alert, AlertKind, Target, TargetState, TicketClocks, pauses_of, pending_alerts, ticket_clocks};
