//! The agents' desk: queues per team and "assigned to me", a ticket with everything the desk
//! knows of it, and what agents do to tickets (take, assign, move, reprioritise, change status,
//! reply, note, merge). Each ticket's two service-level clocks are derived data, like the search
//! index: recomputed from its history and the desk's settings after every change
//! ([`Desk::refresh_clocks`]).

use super::guided_form::answer_rows;
use super::tokens::{new_token, token_hash};
use super::webhooks::{self, TicketEvent};
use super::{Caller, Right, ServiceError};
use crate::Locale;
use crate::Portal;
use crate::content::{DocRef, Slug};
use crate::forms::{Priority, text_in};
use crate::sla::{
    AlertKind, BusinessCalendar, BusinessMinutes, DayKind, DeskSettings, SlaReport, Target, TargetState,
    business_time_between, date_text, explain_due, pauses_of, pending_alerts, ticket_clocks,
};
use crate::staff::StaffId;
use crate::store::{ClockColumns, DeskChange, DeskField, DeskTicketRecord, Queue, QueueFilter, WebhookEvent};
use crate::ticket::{TicketRef, TicketStatus};
use crate::time::Timestamp;
use crate::views::desk::{
    ClockLine, DeskQueueData, DeskTicketData, DueCell, DueLevel, DueWhy, HistoryLine, QueueLine, QueueQuery, QueueTab,
    ShownDocument, TemplateChoice,
};

/// Lines per page of a queue.
pub const QUEUE_PAGE: usize = 50;
/// Longest reply or note, in characters.
pub const MAX_MESSAGE_CHARS: usize = 10_000;
pub use crate::views::desk::MINE;

/// The desk service ([`Portal::desk`]).
#[derive(Clone, Copy, Debug)]
pub struct Desk<'a> {
    portal: &'a Portal,
}

/// What an agent does to a ticket.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeskAction {
    /// Take it.
    Take,
    /// Give it to an agent of its team (`None`: nobody).
    Assign(Option<StaffId>),
    /// Move it to another team.
    Team(Slug),
    /// Change its priority.
    Priority(Priority),
    /// Move it to a status.
    Status(TicketStatus),
    /// Reply to the customer (mail and status page), then move it to `then`.
    Reply {
        /// The reply.
        body: String,
        /// The status after it (waiting on the customer, as a rule).
        then: TicketStatus,
    },
    /// An internal note, for staff only.
    Note(String),
    /// It duplicates another ticket: close it, pointing there.
    Merge(TicketRef),
}

impl Portal {
    /// The desk service.
    pub fn desk(&self) -> Desk<'_> {
        Desk { portal: self }
    }
}

impl Desk<'_> {
    /// The desk's settings: the imported `desk.yaml`, or the defaults.
    pub async fn settings(&self) -> Result<DeskSettings, ServiceError> {
        match self.portal.store().desk_settings_text().await? {
            None => Ok(DeskSettings::default()),
            Some(text) => DeskSettings::from_yaml(&text).map_err(|problems| {
                ServiceError::Internal(format!("stored desk settings do not read: {}", problems.join("; ")))
            }),
        }
    }

    /// The queue page for `caller` in `locale`.
    pub async fn queue(
        &self,
        caller: &Caller,
        locale: Locale,
        query: QueueQuery,
    ) -> Result<DeskQueueData, ServiceError> {
        let member = agent(caller)?;
        let store = self.portal.store();
        let team_names = store.teams().await?;
        let name_of = |slug: &Slug| {
            team_names
                .iter()
                .find(|t| &t.slug == slug)
                .map_or_else(|| slug.to_string(), |t| text_in(&t.names, locale).to_owned())
        };
        let selected = match query.queue.as_deref() {
            Some(MINE) => Queue::Assignee(member.0),
            Some(key) => {
                let team = Slug::parse(key).map_err(|_| ServiceError::NotFound)?;
                if !member.1.contains(&team) {
                    return Err(ServiceError::Forbidden);
                }
                Queue::Team(team)
            }
            None => member.1.first().cloned().map_or(Queue::Assignee(member.0), Queue::Team),
        };
        let mut tabs = Vec::new();
        for team in &member.1 {
            let filter = QueueFilter {
                queue: Queue::Team(team.clone()),
                status: None,
                priority: None,
                locale: None,
                form: None,
            };
            tabs.push(QueueTab {
                key: team.to_string(),
                name: name_of(team),
                count: store.queue_count(&filter).await?,
                selected: selected == Queue::Team(team.clone()),
            });
        }
        let mine =
            QueueFilter { queue: Queue::Assignee(member.0), status: None, priority: None, locale: None, form: None };
        tabs.push(QueueTab {
            key: MINE.to_owned(),
            name: String::new(),
            count: store.queue_count(&mine).await?,
            selected: selected == Queue::Assignee(member.0),
        });
        let filter = QueueFilter {
            queue: selected,
            status: query.status.filter(|s| !s.is_finished()),
            priority: query.priority,
            locale: query.locale,
            form: None,
        };
        let page = query.page.max(1);
        let offset = i64::try_from((page - 1) * QUEUE_PAGE).unwrap_or(i64::MAX);
        let rows = store.queue_page(&filter, offset, i64::try_from(QUEUE_PAGE + 1).unwrap_or(51)).await?;
        let unfiltered = filter.status.is_none() && filter.priority.is_none() && filter.locale.is_none();
        let total = match tabs.iter().find(|t| t.selected) {
            Some(tab) if unfiltered => tab.count,
            _ => store.queue_count(&filter).await?,
        };
        let settings = self.settings().await?;
        let now = store.now();
        let mut forms = std::collections::BTreeMap::new();
        let mut lines = Vec::new();
        for row in rows.iter().take(QUEUE_PAGE) {
            let key = (row.form_slug.clone(), row.form_version);
            if !forms.contains_key(&key) {
                let title = store
                    .form_version(&row.form_slug, row.form_version)
                    .await?
                    .map_or_else(|| row.form_slug.to_string(), |f| text_in(&f.title, locale).to_owned());
                forms.insert(key.clone(), title);
            }
            let calendar = settings.calendar_of(&row.team);
            let targets = settings.targets(row.kind, row.priority);
            let budget = if row.response_due.is_some() && row.response_due == row.next_due {
                targets.first_response
            } else {
                targets.resolution
            };
            lines.push(QueueLine {
                reference: row.reference.clone(),
                request_type: forms.get(&key).cloned().unwrap_or_default(),
                subject: row.description.clone(),
                kind: row.kind,
                priority: row.priority,
                status: row.status,
                locale: row.contact_locale,
                age_minutes: (now.millis() - row.created_at.millis()) / 60_000,
                due: match row.next_due {
                    None => DueCell::Paused,
                    Some(due) => due_cell(calendar, &settings, budget, due, now, locale),
                },
                assignee: row.assignee.clone(),
            });
        }
        Ok(DeskQueueData { tabs, has_next: rows.len() > QUEUE_PAGE, lines, total, query: QueueQuery { page, ..query } })
    }

    /// Ticket `reference` as the desk's page shows it to `caller` in `locale`.
    pub async fn ticket(
        &self,
        caller: &Caller,
        locale: Locale,
        reference: &TicketRef,
    ) -> Result<DeskTicketData, ServiceError> {
        let member = agent(caller)?;
        let store = self.portal.store();
        let ticket = self.ticket_for(&member, reference).await?;
        let form = store.form_version(&ticket.form.0, ticket.form.1).await?.ok_or(ServiceError::NotFound)?;
        let settings = self.settings().await?;
        let calendar = settings.calendar_of(&ticket.team);
        let at = |t: Timestamp| calendar.local_text(t, locale);
        let agents = store.agents_of_team(&ticket.team).await?;
        let teams = store.teams().await?;
        let history = store.desk_history(reference).await?;
        let name_of_agent = |id: &str| {
            id.parse::<i64>().ok().and_then(|id| agents.iter().find(|(a, _)| a.0 == id)).map(|(_, n)| n.clone())
        };
        let history = history
            .into_iter()
            .map(|h| HistoryLine {
                event: h.event.map(|(event, detail)| {
                    let shown = match event.as_str() {
                        "assigned" => name_of_agent(&detail).unwrap_or(detail),
                        "team" => teams
                            .iter()
                            .find(|t| t.slug.as_str() == detail)
                            .map_or(detail, |t| text_in(&t.names, locale).to_owned()),
                        _ => detail,
                    };
                    (event, shown)
                }),
                staff: h.staff,
                body: h.body,
                internal: h.internal,
                new_status: h.new_status,
                at: at(h.created_at),
            })
            .collect();
        let statuses = store.status_history(reference).await?;
        let targets = settings.targets(ticket.kind, ticket.priority);
        let clocks = ticket_clocks(calendar, targets, ticket.created_at, &statuses, ticket.first_reply_at);
        let pauses = pauses_of(&statuses);
        let now = store.now();
        let clock_line = |target: &str, state: TargetState, budget| {
            let why = explain_due(calendar, ticket.created_at, budget, &pauses);
            let (state_code, due, reached, level) = match state {
                TargetState::Running { due } => {
                    ("running", Some(at(due)), None, Some(level_of(calendar, &settings, budget, due, now)))
                }
                TargetState::Paused => ("paused", None, None, None),
                TargetState::Met { at: reached } => ("met", why.due.map(at), Some(at(reached)), None),
                TargetState::Missed { at: reached, due } => ("missed", Some(at(due)), Some(at(reached)), None),
            };
            ClockLine {
                target: target.to_owned(),
                state: state_code.to_owned(),
                due,
                reached,
                level,
                why: DueWhy {
                    start: at(why.start),
                    budget_minutes: why.budget.minutes(),
                    zone: calendar.zone().name().to_owned(),
                    pauses: why.pauses.iter().map(|p| (at(p.from), p.until.map(at))).collect(),
                    holidays: why
                        .closed_days
                        .iter()
                        .filter_map(|(d, k)| match k {
                            DayKind::Holiday(h) => Some((date_text(*d, locale), *h)),
                            _ => None,
                        })
                        .collect(),
                    closed: why
                        .closed_days
                        .iter()
                        .filter(|(_, k)| *k == DayKind::Closed)
                        .map(|(d, _)| date_text(*d, locale))
                        .collect(),
                    days_without_hours: why.days_without_hours,
                },
            }
        };
        let clocks = vec![
            clock_line("first-response", clocks.first_response, targets.first_response),
            clock_line("resolution", clocks.resolution, targets.resolution),
        ];
        let mut shown = Vec::new();
        for doc in &ticket.suggestions_seen {
            shown.push(self.shown_document(doc, ticket.contact_locale, ticket.suggestions_opened.contains(doc)).await?);
        }
        for doc in ticket.suggestions_opened.iter().filter(|d| !ticket.suggestions_seen.contains(d)) {
            shown.push(self.shown_document(doc, ticket.contact_locale, true).await?);
        }
        let templates = store
            .reply_templates(&ticket.team, ticket.contact_locale)
            .await?
            .into_iter()
            .map(|t| TemplateChoice { id: t.id, title: t.title, body: fill_template(&t.body, &ticket, &member.2) })
            .collect();
        Ok(DeskTicketData {
            reference: ticket.reference.clone(),
            request_type: text_in(&form.title, locale).to_owned(),
            kind: ticket.kind,
            priority: ticket.priority,
            status: ticket.status,
            next_statuses: TicketStatus::ALL.into_iter().filter(|s| ticket.status.may_move_to(*s)).collect(),
            team: ticket.team.to_string(),
            teams: teams.iter().map(|t| (t.slug.to_string(), text_in(&t.names, locale).to_owned())).collect(),
            agents: agents.iter().map(|(id, name)| (id.0, name.clone())).collect(),
            assignee: ticket.assignee.map(|a| a.0),
            mine: ticket.assignee == Some(member.0),
            answers: answer_rows(&form, &ticket.answers, locale),
            description: ticket.description.clone(),
            contact_name: ticket.contact_name.clone(),
            contact_email: ticket.contact_email.to_string(),
            contact_phone: ticket.contact_phone.clone(),
            reply_locale: ticket.contact_locale,
            sent: at(ticket.created_at),
            shown,
            history,
            clocks,
            templates,
            merged_into: ticket.merged_into.clone(),
        })
    }

    /// Does `action` to ticket `reference` for `caller`. `base_url` is the portal's public
    /// address, for the links in mail. A ticket another agent changed meanwhile is
    /// [`ServiceError::Invalid`] with `error-desk-changed`: the agent sees it again and decides.
    pub async fn act(
        &self,
        caller: &Caller,
        reference: &TicketRef,
        action: DeskAction,
        base_url: &str,
    ) -> Result<(), ServiceError> {
        let member = agent(caller)?;
        let store = self.portal.store();
        let ticket = self.ticket_for(&member, reference).await?;
        if ticket.status == TicketStatus::Closed && !matches!(action, DeskAction::Note(_)) {
            return Err(ServiceError::Invalid("error-desk-closed"));
        }
        let mut change = DeskChange::by(member.0, ticket.status);
        // What the other desk hears of it (internal notes stay here).
        let reply_text = match &action {
            DeskAction::Reply { body, .. } => Some(body.trim().to_owned()),
            _ => None,
        };
        let hands_off = !matches!(action, DeskAction::Note(_));
        let moving = |to: TicketStatus| {
            if ticket.status.may_move_to(to) { Ok(Some(to)) } else { Err(ServiceError::Invalid("error-desk-status")) }
        };
        match action {
            DeskAction::Take => {
                change.field = Some(DeskField::Assignee(Some(member.0)));
                if ticket.status == TicketStatus::New {
                    change.new_status = Some(TicketStatus::Open);
                }
            }
            DeskAction::Assign(who) => {
                if let Some(id) = who
                    && !store.agents_of_team(&ticket.team).await?.iter().any(|(a, _)| *a == id)
                {
                    return Err(ServiceError::Invalid("error-desk-agent"));
                }
                change.field = Some(DeskField::Assignee(who));
            }
            DeskAction::Team(team) => {
                if team == ticket.team || !store.teams().await?.iter().any(|t| t.slug == team) {
                    return Err(ServiceError::Invalid("error-desk-team"));
                }
                change.field = Some(DeskField::Team(team));
            }
            DeskAction::Priority(priority) => {
                if priority == ticket.priority {
                    return Err(ServiceError::Invalid("error-desk-unchanged"));
                }
                change.field = Some(DeskField::Priority(priority));
            }
            DeskAction::Status(status) => change.new_status = moving(status)?,
            DeskAction::Reply { body, then } => {
                let body = message(&body)?;
                change.new_status = if then == ticket.status { None } else { moving(then)? };
                let token = new_token();
                let link = crate::paths::ticket_status_link(base_url, ticket.contact_locale, reference, &token);
                change.mail = Some(crate::mail::desk_reply(
                    &ticket.contact_email,
                    ticket.contact_locale,
                    reference,
                    &body,
                    &link,
                ));
                change.status_token_hash = Some(token_hash(&token));
                change.body = Some(body);
            }
            DeskAction::Note(body) => {
                change.body = Some(message(&body)?);
                change.internal = true;
            }
            DeskAction::Merge(into) => {
                if &into == reference {
                    return Err(ServiceError::Invalid("error-desk-merge"));
                }
                let target = store.desk_ticket(&into).await?.ok_or(ServiceError::Invalid("error-desk-merge"))?;
                if target.merged_into.is_some() || target.status == TicketStatus::Closed {
                    return Err(ServiceError::Invalid("error-desk-merge"));
                }
                change.new_status = moving(TicketStatus::Closed)?;
                change.field = Some(DeskField::MergedInto(into.clone()));
                let merged_here = DeskChange {
                    internal: true,
                    field: Some(DeskField::MergedFrom(reference.clone())),
                    ..DeskChange::by(member.0, target.status)
                };
                // The duplicate's history names where it went; the kept ticket's names what came.
                change.webhook = self.webhook_of(&ticket, &change, TicketEvent::Updated, base_url).await?;
                if !store.apply_desk_change(reference, &change).await? {
                    return Err(ServiceError::Invalid("error-desk-changed"));
                }
                store.apply_desk_change(&into, &merged_here).await?;
                return self.refresh_clocks(reference).await;
            }
        }
        if hands_off {
            let event = reply_text.as_deref().map_or(TicketEvent::Updated, TicketEvent::Replied);
            change.webhook = self.webhook_of(&ticket, &change, event, base_url).await?;
        }
        if !store.apply_desk_change(reference, &change).await? {
            return Err(ServiceError::Invalid("error-desk-changed"));
        }
        self.refresh_clocks(reference).await
    }

    /// The event for another desk of `change` to `ticket`, as the ticket will stand after it;
    /// `None` when no endpoint listens.
    async fn webhook_of(
        &self,
        ticket: &DeskTicketRecord,
        change: &DeskChange,
        event: TicketEvent<'_>,
        base_url: &str,
    ) -> Result<Option<WebhookEvent>, ServiceError> {
        if !self.portal.webhooks().wanted().await? {
            return Ok(None);
        }
        let mut after = ticket.clone();
        after.status = change.new_status.unwrap_or(after.status);
        match &change.field {
            Some(DeskField::Assignee(who)) => after.assignee = *who,
            Some(DeskField::Team(team)) => after.team = team.clone(),
            Some(DeskField::Priority(priority)) => after.priority = *priority,
            Some(DeskField::MergedInto(into)) => after.merged_into = Some(into.clone()),
            Some(DeskField::MergedFrom(_)) | None => {}
        }
        Ok(Some(webhooks::event_of(&event, &after, self.portal.store().now(), base_url)))
    }

    /// Recomputes ticket `reference`'s clocks from its history and the desk's settings, and when
    /// its next service-level alert falls (moved to the team's next opening when the desk is
    /// closed then: nobody is warned at 3 a.m.).
    pub async fn refresh_clocks(&self, reference: &TicketRef) -> Result<(), ServiceError> {
        self.refresh_with(&self.settings().await?, reference).await
    }

    /// [`Desk::refresh_clocks`] with the settings already read (a job refreshing many tickets
    /// reads them once).
    async fn refresh_with(&self, settings: &DeskSettings, reference: &TicketRef) -> Result<(), ServiceError> {
        let store = self.portal.store();
        let Some(ticket) = store.desk_ticket(reference).await? else { return Ok(()) };
        let state = ClockState::of(store, settings, &ticket).await?;
        let alerts = state.pending(settings, &ticket);
        let columns = ClockColumns {
            response_due: state.clocks.first_response.running_due(),
            resolution_due: state.clocks.resolution.running_due(),
            active: !ticket.status.is_finished(),
            next_alert: alerts.first().and_then(|a| state.calendar.next_opening(a.at)),
        };
        store.set_ticket_clocks(reference, columns).await?;
        Ok(())
    }

    /// Sends the service-level alerts that have fallen due: to the agent who has the ticket, or
    /// else to the team's address. Of several alerts of one target due at once (the server was
    /// down), only the latest is mailed; all are recorded. Each alert goes once, even with
    /// several nodes running this. The number of alerts mailed or recorded. Tickets sent before
    /// the desk existed get their clocks here too: the migration makes them due at once.
    pub async fn send_due_alerts(&self, caller: &Caller, base_url: &str) -> Result<usize, ServiceError> {
        caller.require(Right::DeliverMail)?;
        let store = self.portal.store();
        let settings = self.settings().await?;
        let now = store.now();
        let mut sent = 0;
        for reference in store.tickets_with_alerts_due(now, 200).await? {
            let Some(ticket) = store.desk_ticket(&reference).await? else { continue };
            let state = ClockState::of(store, &settings, &ticket).await?;
            if state.calendar.is_open(now) {
                let alerts = state.pending(&settings, &ticket);
                for target in [Target::FirstResponse, Target::Resolution] {
                    let due: Vec<_> = alerts.iter().filter(|a| a.target == target && a.at <= now).collect();
                    let Some(latest) = due.last() else { continue };
                    let Some(due_at) = state.clocks.of(target).running_due() else { continue };
                    let codes: Vec<String> = due.iter().map(|a| a.kind.code()).collect();
                    let mail = self.alert_mail(&settings, &ticket, target, latest.kind, due_at, base_url).await?;
                    let shown = format!("{}:{}", target.code(), latest.kind.code());
                    let breached = latest.kind == AlertKind::Breach && self.portal.webhooks().wanted().await?;
                    let webhook = breached
                        .then(|| webhooks::event_of(&TicketEvent::SlaBreached(target.code()), &ticket, now, base_url));
                    if store
                        .record_sla_alerts(&reference, target, &codes, &shown, mail.as_ref(), webhook.as_ref())
                        .await?
                    {
                        sent += 1;
                    }
                }
            }
            self.refresh_with(&settings, &reference).await?;
        }
        Ok(sent)
    }

    /// The alert's mail: to the agent who has the ticket (in their language), else to the
    /// team's address (in Finnish), else none.
    async fn alert_mail(
        &self,
        settings: &DeskSettings,
        ticket: &DeskTicketRecord,
        target: Target,
        kind: AlertKind,
        due: Timestamp,
        base_url: &str,
    ) -> Result<Option<crate::mail::OutgoingMail>, ServiceError> {
        let agent = match ticket.assignee {
            Some(id) => self.portal.store().staff_account(id).await?.filter(|a| a.active),
            None => None,
        };
        let (to, locale) = match (&agent, settings.team_email(&ticket.team)) {
            (Some(agent), _) => (agent.email.clone(), agent.locale),
            (None, Some(team)) => (team.clone(), Locale::Fi),
            (None, None) => return Ok(None),
        };
        let calendar = settings.calendar_of(&ticket.team);
        let link = crate::paths::staff_desk_ticket_link(base_url, locale, &ticket.reference);
        let alert = crate::mail::SlaAlert {
            reference: &ticket.reference,
            target,
            kind,
            due: &calendar.local_text(due, locale),
        };
        Ok(Some(crate::mail::sla_alert(&to, locale, &alert, &link)))
    }

    /// The service-level report of the tickets sent in month `month` (`YYYY-MM`, UTC), per
    /// team and priority, as things stand now (`tuki report sla`).
    pub async fn sla_report(&self, caller: &Caller, month: &str) -> Result<SlaReport, ServiceError> {
        caller.require(Right::WorkTickets)?;
        let (from, to) = month_bounds(month).ok_or(ServiceError::Invalid("error-desk-month"))?;
        let store = self.portal.store();
        let settings = self.settings().await?;
        let now = store.now();
        let mut report = SlaReport::default();
        for ticket in store.tickets_for_sla_report(from, to).await? {
            let calendar = settings.calendar_of(&ticket.team);
            let targets = settings.targets(ticket.kind, ticket.priority);
            let clocks = ticket_clocks(calendar, targets, ticket.created_at, &ticket.history, ticket.first_reply_at);
            report.add(ticket.team.as_str(), ticket.priority, clocks, now);
        }
        Ok(report)
    }

    /// Adds `count` synthetic tickets spread over the last 30 days across the teams, request
    /// types, priorities and statuses, with their clocks computed: for `tuki bench-desk` only
    /// (the operator's command line).
    pub async fn add_synthetic_tickets(&self, caller: &Caller, count: usize) -> Result<(), ServiceError> {
        if *caller != Caller::Operator {
            return Err(ServiceError::Forbidden);
        }
        let store = self.portal.store();
        let settings = self.settings().await?;
        let forms = store.forms().await?;
        if forms.is_empty() {
            return Err(ServiceError::NotFound);
        }
        let now = store.now();
        let statuses =
            [TicketStatus::New, TicketStatus::Open, TicketStatus::Open, TicketStatus::Waiting, TicketStatus::Resolved];
        let mut batch = Vec::with_capacity(1_000);
        for n in 0..count {
            let (version, form) = &forms[n % forms.len()];
            // A fixed spread (no randomness): every 7th ticket is an hour older, up to 30 days.
            let created = now.plus_millis(-((n as i64 * 7 * 60_000) % (30 * 86_400_000)) - 60_000);
            let priority = Priority::ALL[(n / 3) % Priority::ALL.len()];
            let status = statuses[n % statuses.len()];
            let calendar = settings.calendar_of(&form.team);
            let targets = settings.targets(form.kind, priority);
            let history: Vec<(Timestamp, TicketStatus)> =
                if status == TicketStatus::New { vec![] } else { vec![(created.plus_millis(60_000), status)] };
            let clocks = ticket_clocks(calendar, targets, created, &history, None);
            batch.push(crate::store::SyntheticTicket {
                reference: TicketRef::new(2000, i64::try_from(n).unwrap_or(i64::MAX) + 1),
                form: (form.slug.clone(), *version),
                team: form.team.clone(),
                kind: form.kind,
                priority,
                status,
                locale: crate::Locale::ALL[n % 3],
                created_at: created,
                clocks: ClockColumns {
                    response_due: clocks.first_response.running_due(),
                    resolution_due: clocks.resolution.running_due(),
                    active: !status.is_finished(),
                    next_alert: None,
                },
            });
            if batch.len() == 1_000 {
                store.insert_synthetic_tickets(&batch).await?;
                batch.clear();
            }
        }
        store.insert_synthetic_tickets(&batch).await?;
        Ok(())
    }

    /// The ticket, when `member` may work on it: one of their teams' tickets, or theirs.
    async fn ticket_for(&self, member: &Agent, reference: &TicketRef) -> Result<DeskTicketRecord, ServiceError> {
        let ticket = self.portal.store().desk_ticket(reference).await?.ok_or(ServiceError::NotFound)?;
        if member.1.contains(&ticket.team) || ticket.assignee == Some(member.0) {
            Ok(ticket)
        } else {
            Err(ServiceError::Forbidden)
        }
    }

    async fn shown_document(&self, doc: &DocRef, locale: Locale, opened: bool) -> Result<ShownDocument, ServiceError> {
        let document = self.portal.store().document(doc.kind, &doc.slug).await?;
        let (locale, title) = document
            .as_ref()
            .and_then(|d| d.translation_for(locale).map(|(l, t)| (l, t.title.clone())))
            .unwrap_or((locale, doc.slug.to_string()));
        Ok(ShownDocument { title, href: crate::paths::document_href(locale, doc.kind, doc.slug.as_str()), opened })
    }
}

/// The first instant of month `month` and of the next (UTC); the month as `YYYY-MM` (what a
/// month picker sends) or as people write it, `11/2026` or `11.2026`.
fn month_bounds(month: &str) -> Option<(Timestamp, Timestamp)> {
    let month = month.trim();
    let (year, number) = match month.split_once('-') {
        Some((year, number)) if number.len() == 2 => (year, number),
        Some(_) => return None,
        None => month
            .split_once(['/', '.'])
            .map(|(number, year)| (year, number))
            .filter(|(_, n)| (1..=2).contains(&n.len()))?,
    };
    if year.len() != 4 || !year.bytes().chain(number.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (year, number): (i64, i64) = (year.parse().ok()?, number.parse().ok()?);
    if !(1..=12).contains(&number) {
        return None;
    }
    let first = crate::time::CivilDate { year, month: number, day: 1 };
    let next = if number == 12 {
        crate::time::CivilDate { year: year + 1, month: 1, day: 1 }
    } else {
        crate::time::CivilDate { year, month: number + 1, day: 1 }
    };
    Some((Timestamp::start_of(first), Timestamp::start_of(next)))
}

/// What a ticket's clocks and alerts are computed from, read once: its calendar, targets,
/// status history, the alerts already recorded, and the clocks themselves.
struct ClockState<'s> {
    calendar: &'s BusinessCalendar,
    targets: crate::sla::Targets,
    history: Vec<(Timestamp, TicketStatus)>,
    recorded: Vec<(Target, String)>,
    clocks: crate::sla::TicketClocks,
}

impl<'s> ClockState<'s> {
    async fn of(
        store: &crate::store::Store,
        settings: &'s DeskSettings,
        ticket: &DeskTicketRecord,
    ) -> Result<ClockState<'s>, ServiceError> {
        let calendar = settings.calendar_of(&ticket.team);
        let targets = settings.targets(ticket.kind, ticket.priority);
        let history = store.status_history(&ticket.reference).await?;
        let recorded = store.sla_events(&ticket.reference).await?;
        let clocks = ticket_clocks(calendar, targets, ticket.created_at, &history, ticket.first_reply_at);
        Ok(ClockState { calendar, targets, history, recorded, clocks })
    }

    /// The alerts not yet recorded, in time order.
    fn pending(&self, settings: &DeskSettings, ticket: &DeskTicketRecord) -> Vec<crate::sla::Alert> {
        let shares = settings.warnings();
        pending_alerts(
            self.calendar,
            self.targets,
            ticket.created_at,
            &self.history,
            &self.clocks,
            &shares,
            &self.recorded,
        )
    }
}

/// An agent: their id, teams and name.
type Agent = (StaffId, Vec<Slug>, String);

/// The caller as an agent, or why not.
fn agent(caller: &Caller) -> Result<Agent, ServiceError> {
    caller.require(Right::WorkTickets)?;
    match caller {
        Caller::Staff(member) => Ok((member.id, member.teams.clone(), member.name.clone())),
        _ => Err(ServiceError::Forbidden),
    }
}

/// A reply or note within bounds, trimmed.
fn message(body: &str) -> Result<String, ServiceError> {
    let body = body.trim();
    if body.is_empty() {
        return Err(ServiceError::Invalid("error-desk-message-empty"));
    }
    if body.chars().count() > MAX_MESSAGE_CHARS {
        return Err(ServiceError::Invalid("error-desk-message-long"));
    }
    Ok(body.to_owned())
}

/// A template's text for this ticket: `{name}` the customer's name, `{reference}` the ticket's,
/// `{agent}` the agent's, `{portal}` the portal's front page in the reply language.
fn fill_template(body: &str, ticket: &DeskTicketRecord, agent: &str) -> String {
    body.replace("{name}", &ticket.contact_name)
        .replace("{reference}", ticket.reference.as_str())
        .replace("{agent}", agent)
        .replace("{portal}", &crate::paths::home(ticket.contact_locale))
}

/// The queue's cell for a running target due at `due`, `budget` long.
fn due_cell(
    calendar: &BusinessCalendar,
    settings: &DeskSettings,
    budget: BusinessMinutes,
    due: Timestamp,
    now: Timestamp,
    locale: Locale,
) -> DueCell {
    let left_minutes = if due > now {
        i64::from(business_time_between(calendar, now, due, &[]).minutes())
    } else {
        -((now.millis() - due.millis()) / 60_000)
    };
    DueCell::Running {
        due: calendar.local_text(due, locale),
        left_minutes,
        level: level_of(calendar, settings, budget, due, now),
    }
}

/// How much of a running target's `budget` is used at `now` (the budget less what is left
/// until `due`, which the pauses already moved), against the warning shares.
fn level_of(
    calendar: &BusinessCalendar,
    settings: &DeskSettings,
    budget: BusinessMinutes,
    due: Timestamp,
    now: Timestamp,
) -> DueLevel {
    if now >= due {
        return DueLevel::Overdue;
    }
    let left = business_time_between(calendar, now, due, &[]).minutes();
    let used = budget.minutes().saturating_sub(left);
    let shares = settings.warnings();
    let passed = shares.iter().filter(|share| used >= budget.share(**share).minutes()).count();
    match passed {
        0 => DueLevel::Calm,
        n if n >= shares.len() => DueLevel::Urgent,
        _ => DueLevel::Warning,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_is_read_as_picked_or_as_people_write_it() {
        let november = month_bounds("2026-11").expect("picked");
        assert_eq!(month_bounds("11/2026"), Some(november));
        assert_eq!(month_bounds("11.2026"), Some(november));
        assert_eq!(month_bounds(" 11/2026 "), Some(november));
        let (first, next) = november;
        assert_eq!((first.date().month, next.date().month, next.date().year), (11, 12, 2026));
        assert_eq!(month_bounds("12/2026").map(|(_, next)| next.date().year), Some(2027));
        for wrong in ["", "2026", "2026-1", "13/2026", "0/2026", "11/26", "2026-13", "x/2026", "11/2026/1", "-1/2026"] {
            assert_eq!(month_bounds(wrong), None, "{wrong:?}");
        }
    }
}
