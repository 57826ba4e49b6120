//! The agents' desk: queues, a ticket with everything the desk knows of it, its history with
//! staff messages and internal notes, the changes agents make (each in one transaction with its
//! history entry and any mail), the clocks derived from them, reply templates and the desk's
//! settings.

use super::tickets::read_reference;
use super::{Store, StoreError, corrupt};
use crate::Locale;
use crate::content::{DocRef, Slug};
use crate::email::Email;
use crate::forms::{Answers, Priority, RequestKind};
use crate::mail::OutgoingMail;
use crate::sla::Target;
use crate::staff::StaffId;
use crate::ticket::{TicketRef, TicketStatus};
use crate::time::Timestamp;
use sqlx::Row;
use sqlx::any::AnyRow;

/// The rank of an active ticket whose clocks stand still: after every running one.
pub const PAUSED_RANK: i64 = i64::MAX;

/// Which tickets a queue holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Queue {
    /// A team's active tickets.
    Team(Slug),
    /// The active tickets assigned to an agent.
    Assignee(StaffId),
}

/// A queue with its filters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueueFilter {
    /// The queue.
    pub queue: Queue,
    /// Only this status (one of the active ones).
    pub status: Option<TicketStatus>,
    /// Only this priority.
    pub priority: Option<Priority>,
    /// Only tickets whose replies go in this language.
    pub locale: Option<Locale>,
    /// Only this request type.
    pub form: Option<Slug>,
}

/// A line of a queue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueueRow {
    /// The reference.
    pub reference: TicketRef,
    /// The request type.
    pub form_slug: Slug,
    /// Its version.
    pub form_version: i64,
    /// The first words of the description.
    pub description: String,
    /// Incident or service request.
    pub kind: RequestKind,
    /// How urgent.
    pub priority: Priority,
    /// Where it is.
    pub status: TicketStatus,
    /// The customer's language for replies.
    pub contact_locale: Locale,
    /// When it was sent.
    pub created_at: Timestamp,
    /// The next due time of a running clock; `None` while the clocks stand still.
    pub next_due: Option<Timestamp>,
    /// Who has it.
    pub assignee: Option<String>,
    /// Its team.
    pub team: Slug,
    /// The running first-response clock's due time.
    pub response_due: Option<Timestamp>,
}

/// A ticket as the desk sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct DeskTicketRecord {
    /// The reference.
    pub reference: TicketRef,
    /// The request type and its version.
    pub form: (Slug, i64),
    /// The answers that count.
    pub answers: Answers,
    /// The problem in the customer's words.
    pub description: String,
    /// The customer's name.
    pub contact_name: String,
    /// The customer's address.
    pub contact_email: Email,
    /// The customer's telephone number.
    pub contact_phone: Option<String>,
    /// The language replies go in.
    pub contact_locale: Locale,
    /// The language the form was filled in.
    pub locale: Locale,
    /// The team.
    pub team: Slug,
    /// Incident or service request.
    pub kind: RequestKind,
    /// How urgent.
    pub priority: Priority,
    /// Where it is.
    pub status: TicketStatus,
    /// Who has it.
    pub assignee: Option<StaffId>,
    /// Suggested to the customer before sending.
    pub suggestions_seen: Vec<DocRef>,
    /// Of those, opened.
    pub suggestions_opened: Vec<DocRef>,
    /// When it was sent.
    pub created_at: Timestamp,
    /// The desk's first public reply.
    pub first_reply_at: Option<Timestamp>,
    /// The ticket this one was merged into, if it was a duplicate.
    pub merged_into: Option<TicketRef>,
}

/// An entry of a ticket's history as the desk sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryEntry {
    /// The staff member who wrote or did it; `None`: the customer (or the portal).
    pub staff: Option<String>,
    /// The message or note.
    pub body: Option<String>,
    /// True for an internal note.
    pub internal: bool,
    /// The status the ticket moved to.
    pub new_status: Option<TicketStatus>,
    /// Another change (`assigned`, `team`, `priority`, `merged`) and its new value.
    pub event: Option<(String, String)>,
    /// When.
    pub created_at: Timestamp,
}

/// What an agent changes on a ticket besides its status and conversation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeskField {
    /// Who has it (`None`: nobody).
    Assignee(Option<StaffId>),
    /// The team.
    Team(Slug),
    /// The priority.
    Priority(Priority),
    /// This ticket is a duplicate of another.
    MergedInto(TicketRef),
    /// Another ticket was merged into this one (its history says so; nothing else changes).
    MergedFrom(TicketRef),
}

/// One change by an agent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeskChange {
    /// Who.
    pub staff: StaffId,
    /// A public reply or an internal note.
    pub body: Option<String>,
    /// True when `body` is an internal note.
    pub internal: bool,
    /// The status it moves to, from `expected_status` (the change fails if another agent moved it meanwhile).
    pub new_status: Option<TicketStatus>,
    /// The status the agent saw.
    pub expected_status: TicketStatus,
    /// Another field.
    pub field: Option<DeskField>,
    /// Mail to send with it (the reply to the customer).
    pub mail: Option<OutgoingMail>,
    /// The SHA-256 of the status link's token in that mail.
    pub status_token_hash: Option<String>,
    /// The event for another desk.
    pub webhook: Option<super::WebhookEvent>,
}

impl DeskChange {
    /// A change by `staff` to a ticket they saw in `expected_status`, with nothing in it yet.
    pub fn by(staff: StaffId, expected_status: TicketStatus) -> DeskChange {
        DeskChange {
            staff,
            body: None,
            internal: false,
            new_status: None,
            expected_status,
            field: None,
            mail: None,
            status_token_hash: None,
            webhook: None,
        }
    }
}

/// The derived clock columns of a ticket.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClockColumns {
    /// The running first-response clock's due time.
    pub response_due: Option<Timestamp>,
    /// The running resolution clock's due time.
    pub resolution_due: Option<Timestamp>,
    /// New, open or waiting.
    pub active: bool,
    /// When the next service-level alert not yet sent falls due.
    pub next_alert: Option<Timestamp>,
}

/// A ticket as the service-level report counts it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SlaTicket {
    /// The team.
    pub team: Slug,
    /// Incident or service request.
    pub kind: RequestKind,
    /// How urgent.
    pub priority: Priority,
    /// When it was sent.
    pub created_at: Timestamp,
    /// The desk's first public reply.
    pub first_reply_at: Option<Timestamp>,
    /// Its status changes, oldest first.
    pub history: Vec<(Timestamp, TicketStatus)>,
}

/// A synthetic ticket for benchmarks (`tuki bench-desk`), with its clock columns computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntheticTicket {
    /// Its reference.
    pub reference: TicketRef,
    /// The request type and its version.
    pub form: (Slug, i64),
    /// The team.
    pub team: Slug,
    /// Incident or service request.
    pub kind: RequestKind,
    /// How urgent.
    pub priority: Priority,
    /// Where it is.
    pub status: TicketStatus,
    /// The customer's language.
    pub locale: Locale,
    /// When it was sent.
    pub created_at: Timestamp,
    /// Its clocks.
    pub clocks: ClockColumns,
}

/// A reply template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplyTemplate {
    /// Its id.
    pub id: i64,
    /// The team it belongs to.
    pub team: Slug,
    /// Its language.
    pub locale: Locale,
    /// What the agent picks it by.
    pub title: String,
    /// The text, with `{name}`, `{reference}` and `{link}` placeholders.
    pub body: String,
}

const QUEUE_COLUMNS: &str = "t.reference, t.form_slug, t.form_version, t.description, t.kind, t.priority, t.status, \
     t.contact_locale, t.created_at, t.queue_rank, a.display_name, t.team, t.response_due_at";

impl Store {
    /// A page of `filter`'s queue, the most urgent first (paused tickets last).
    pub async fn queue_page(&self, filter: &QueueFilter, offset: i64, limit: i64) -> Result<Vec<QueueRow>, StoreError> {
        let (condition, binds) = queue_condition(filter);
        let sql = format!(
            "SELECT {QUEUE_COLUMNS} FROM tickets t LEFT JOIN staff_accounts a ON a.id = t.assignee_id \
             WHERE {condition} ORDER BY t.queue_rank, t.created_at LIMIT {limit} OFFSET {offset}",
            limit = limit.clamp(1, 500),
            offset = offset.max(0)
        );
        // Audited: the condition holds fixed column names and `$n` placeholders only.
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for bind in &binds {
            query = query.bind(bind.as_str());
        }
        query.fetch_all(self.pool()).await?.iter().map(queue_row).collect()
    }

    /// How many tickets `filter`'s queue holds.
    pub async fn queue_count(&self, filter: &QueueFilter) -> Result<i64, StoreError> {
        let (condition, binds) = queue_condition(filter);
        let sql = format!("SELECT COUNT(*) FROM tickets t WHERE {condition}");
        // Audited: the condition holds fixed column names and `$n` placeholders only.
        let mut query = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql));
        for bind in &binds {
            query = query.bind(bind.as_str());
        }
        Ok(query.fetch_one(self.pool()).await?)
    }

    /// The ticket `reference` with everything the desk knows of it.
    pub async fn desk_ticket(&self, reference: &TicketRef) -> Result<Option<DeskTicketRecord>, StoreError> {
        let row = sqlx::query(
            "SELECT form_slug, form_version, answers, description, contact_name, contact_email, contact_phone, \
             contact_locale, locale, team, kind, priority, status, assignee_id, suggestions_seen, suggestions_opened, \
             created_at, first_reply_at, merged_into FROM tickets WHERE reference = $1",
        )
        .bind(reference.as_str())
        .fetch_optional(self.pool())
        .await?;
        let Some(r) = row else { return Ok(None) };
        let text = |i: usize| r.try_get::<String, _>(i).map_err(StoreError::from);
        let json = |i: usize| -> Result<serde_json::Value, StoreError> {
            serde_json::from_str(&text(i)?).map_err(|e| corrupt(e.to_string()))
        };
        let docs = |i: usize| -> Result<Vec<DocRef>, StoreError> {
            serde_json::from_value(json(i)?).map_err(|e| corrupt(e.to_string()))
        };
        let merged: Option<String> = r.try_get(18)?;
        Ok(Some(DeskTicketRecord {
            reference: reference.clone(),
            form: (slug(&text(0)?)?, r.try_get(1)?),
            answers: serde_json::from_value(json(2)?).map_err(|e| corrupt(e.to_string()))?,
            description: text(3)?,
            contact_name: text(4)?,
            contact_email: Email::parse(&text(5)?).ok_or_else(|| corrupt("contact e-mail".into()))?,
            contact_phone: r.try_get(6)?,
            contact_locale: locale(&text(7)?)?,
            locale: locale(&text(8)?)?,
            team: slug(&text(9)?)?,
            kind: RequestKind::from_code(&text(10)?).ok_or_else(|| corrupt("ticket kind".into()))?,
            priority: Priority::from_code(&text(11)?).ok_or_else(|| corrupt("ticket priority".into()))?,
            status: text(12)?.parse().map_err(corrupt)?,
            assignee: r.try_get::<Option<i64>, _>(13)?.map(StaffId),
            suggestions_seen: docs(14)?,
            suggestions_opened: docs(15)?,
            created_at: Timestamp::from_millis(r.try_get(16)?),
            first_reply_at: r.try_get::<Option<i64>, _>(17)?.map(Timestamp::from_millis),
            merged_into: merged.as_deref().map(read_reference).transpose()?,
        }))
    }

    /// The full history of ticket `reference`, oldest first, internal notes included.
    pub async fn desk_history(&self, reference: &TicketRef) -> Result<Vec<HistoryEntry>, StoreError> {
        let rows = sqlx::query(
            "SELECT a.display_name, m.body, m.internal, m.new_status, m.event, m.detail, m.created_at \
             FROM ticket_messages m LEFT JOIN staff_accounts a ON a.id = m.staff_id WHERE m.reference = $1 ORDER BY m.id",
        )
        .bind(reference.as_str())
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                let status: Option<String> = r.try_get(3)?;
                let event: Option<String> = r.try_get(4)?;
                let detail: Option<String> = r.try_get(5)?;
                Ok(HistoryEntry {
                    staff: r.try_get(0)?,
                    body: r.try_get(1)?,
                    internal: r.try_get::<i64, _>(2)? != 0,
                    new_status: status.map(|s| s.parse()).transpose().map_err(corrupt)?,
                    event: event.map(|e| (e, detail.unwrap_or_default())),
                    created_at: Timestamp::from_millis(r.try_get(6)?),
                })
            })
            .collect()
    }

    /// The status changes of ticket `reference`, oldest first: what its clocks derive from.
    pub async fn status_history(&self, reference: &TicketRef) -> Result<Vec<(Timestamp, TicketStatus)>, StoreError> {
        let rows: Vec<(i64, String)> = sqlx::query_as(
            "SELECT created_at, new_status FROM ticket_messages WHERE reference = $1 AND new_status IS NOT NULL ORDER BY id",
        )
        .bind(reference.as_str())
        .fetch_all(self.pool())
        .await?;
        rows.into_iter().map(|(at, s)| Ok((Timestamp::from_millis(at), s.parse().map_err(corrupt)?))).collect()
    }

    /// Applies an agent's change to ticket `reference` in one transaction with its history
    /// entry and mail. False when the ticket's status is no longer `expected_status`.
    pub async fn apply_desk_change(&self, reference: &TicketRef, change: &DeskChange) -> Result<bool, StoreError> {
        let _turn = self.write_turn().await?;
        let now = self.now().millis();
        let mut tx = self.begin_write().await?;
        let new_status = change.new_status.unwrap_or(change.expected_status);
        let public_reply = change.body.is_some() && !change.internal;
        let updated = sqlx::query(
            "UPDATE tickets SET status = $1, updated_at = $2, \
             first_reply_at = CASE WHEN $3 = 1 AND first_reply_at IS NULL THEN $2 ELSE first_reply_at END \
             WHERE reference = $4 AND status = $5",
        )
        .bind(new_status.code())
        .bind(now)
        .bind(i64::from(public_reply))
        .bind(reference.as_str())
        .bind(change.expected_status.code())
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        let (event, detail) = match &change.field {
            None => (None, None),
            Some(field) => {
                let (sql, value, event): (Option<&str>, Option<String>, &str) = match field {
                    DeskField::Assignee(id) => {
                        sqlx::query("UPDATE tickets SET assignee_id = $1 WHERE reference = $2")
                            .bind(id.map(|i| i.0))
                            .bind(reference.as_str())
                            .execute(&mut *tx)
                            .await?;
                        (None, id.map(|i| i.0.to_string()), "assigned")
                    }
                    DeskField::Team(team) => {
                        (Some("UPDATE tickets SET team = $1 WHERE reference = $2"), Some(team.to_string()), "team")
                    }
                    DeskField::Priority(p) => (
                        Some("UPDATE tickets SET priority = $1 WHERE reference = $2"),
                        Some(p.code().to_owned()),
                        "priority",
                    ),
                    DeskField::MergedFrom(other) => (None, Some(other.to_string()), "merged-from"),
                    DeskField::MergedInto(other) => (
                        Some("UPDATE tickets SET merged_into = $1 WHERE reference = $2"),
                        Some(other.to_string()),
                        "merged",
                    ),
                };
                if let Some(sql) = sql {
                    sqlx::query(sql).bind(value.clone()).bind(reference.as_str()).execute(&mut *tx).await?;
                }
                let detail = value.unwrap_or_default();
                (Some(event), Some(detail))
            }
        };
        sqlx::query(
            "INSERT INTO ticket_messages (reference, author, body, new_status, created_at, staff_id, internal, event, detail) \
             VALUES ($1, 'desk', $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(reference.as_str())
        .bind(change.body.as_deref())
        .bind(change.new_status.map(TicketStatus::code))
        .bind(now)
        .bind(change.staff.0)
        .bind(i64::from(change.internal))
        .bind(event)
        .bind(detail)
        .execute(&mut *tx)
        .await?;
        if let Some(mail) = &change.mail {
            super::outbox::queue_mail(&mut tx, mail, now).await?;
        }
        if let Some(event) = &change.webhook {
            super::webhooks::queue_webhook_in(&mut tx, event, now).await?;
        }
        if let Some(hash) = &change.status_token_hash {
            sqlx::query("INSERT INTO ticket_status_tokens (token_hash, reference, created_at) VALUES ($1, $2, $3)")
                .bind(hash)
                .bind(reference.as_str())
                .bind(now)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// True when `token_hash` is one of the further status links of ticket `reference`.
    pub async fn is_status_token(&self, reference: &TicketRef, token_hash: &str) -> Result<bool, StoreError> {
        let found: Option<i64> =
            sqlx::query_scalar("SELECT 1 FROM ticket_status_tokens WHERE token_hash = $1 AND reference = $2")
                .bind(token_hash)
                .bind(reference.as_str())
                .fetch_optional(self.pool())
                .await?;
        Ok(found.is_some())
    }

    /// Writes ticket `reference`'s derived clock columns.
    pub async fn set_ticket_clocks(&self, reference: &TicketRef, clocks: ClockColumns) -> Result<(), StoreError> {
        let _turn = self.write_turn().await?;
        let next = match (clocks.response_due, clocks.resolution_due) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        sqlx::query(
            "UPDATE tickets SET response_due_at = $1, resolution_due_at = $2, active = $3, queue_rank = $4, \
             next_alert_at = $6 WHERE reference = $5",
        )
        .bind(clocks.response_due.map(Timestamp::millis))
        .bind(clocks.resolution_due.map(Timestamp::millis))
        .bind(i64::from(clocks.active))
        .bind(next.map_or(PAUSED_RANK, Timestamp::millis))
        .bind(reference.as_str())
        .bind(clocks.next_alert.map(Timestamp::millis))
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// The tickets whose next service-level alert is due at `now`, the earliest first.
    pub async fn tickets_with_alerts_due(&self, now: Timestamp, limit: i64) -> Result<Vec<TicketRef>, StoreError> {
        let rows: Vec<(String,)> =
            sqlx::query_as("SELECT reference FROM tickets WHERE next_alert_at <= $1 ORDER BY next_alert_at LIMIT $2")
                .bind(now.millis())
                .bind(limit)
                .fetch_all(self.pool())
                .await?;
        rows.iter().map(|(r,)| read_reference(r)).collect()
    }

    /// The service-level alerts recorded for ticket `reference`: target and kind codes.
    pub async fn sla_events(&self, reference: &TicketRef) -> Result<Vec<(Target, String)>, StoreError> {
        let rows: Vec<(String, String)> =
            sqlx::query_as("SELECT target, event FROM sla_events WHERE reference = $1 ORDER BY created_at")
                .bind(reference.as_str())
                .fetch_all(self.pool())
                .await?;
        rows.into_iter()
            .map(|(target, event)| {
                Target::from_code(&target)
                    .map(|t| (t, event))
                    .ok_or_else(|| corrupt(format!("unknown target {target}")))
            })
            .collect()
    }

    /// Records the alerts `codes` of `target` on ticket `reference` once (a history entry names
    /// `shown`), with `mail`, in one transaction. False when another node recorded the first
    /// one already: nothing is sent twice.
    pub async fn record_sla_alerts(
        &self,
        reference: &TicketRef,
        target: Target,
        codes: &[String],
        shown: &str,
        mail: Option<&OutgoingMail>,
        webhook: Option<&super::WebhookEvent>,
    ) -> Result<bool, StoreError> {
        let _turn = self.write_turn().await?;
        let now = self.now().millis();
        let mut tx = self.begin_write().await?;
        for (i, code) in codes.iter().enumerate() {
            let done = sqlx::query(
                "INSERT INTO sla_events (reference, target, event, created_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (reference, target, event) DO NOTHING",
            )
            .bind(reference.as_str())
            .bind(target.code())
            .bind(code)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            if i == 0 && done.rows_affected() == 0 {
                tx.rollback().await?;
                return Ok(false);
            }
        }
        sqlx::query(
            "INSERT INTO ticket_messages (reference, author, body, new_status, created_at, internal, event, detail) \
             VALUES ($1, 'desk', NULL, NULL, $2, 1, 'sla', $3)",
        )
        .bind(reference.as_str())
        .bind(now)
        .bind(shown)
        .execute(&mut *tx)
        .await?;
        if let Some(mail) = mail {
            super::outbox::queue_mail(&mut tx, mail, now).await?;
        }
        if let Some(event) = webhook {
            super::webhooks::queue_webhook_in(&mut tx, event, now).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// The tickets sent in `[from, to)` with what their clocks need: reference, team, kind,
    /// priority, when sent, the first reply, and the status history (oldest first).
    pub async fn tickets_for_sla_report(&self, from: Timestamp, to: Timestamp) -> Result<Vec<SlaTicket>, StoreError> {
        let rows = sqlx::query(
            "SELECT reference, team, kind, priority, created_at, first_reply_at FROM tickets \
             WHERE created_at >= $1 AND created_at < $2 ORDER BY reference",
        )
        .bind(from.millis())
        .bind(to.millis())
        .fetch_all(self.pool())
        .await?;
        let histories: Vec<(String, i64, String)> = sqlx::query_as(
            "SELECT m.reference, m.created_at, m.new_status FROM ticket_messages m JOIN tickets t ON t.reference = m.reference \
             WHERE t.created_at >= $1 AND t.created_at < $2 AND m.new_status IS NOT NULL ORDER BY m.id",
        )
        .bind(from.millis())
        .bind(to.millis())
        .fetch_all(self.pool())
        .await?;
        let mut by_ticket: std::collections::HashMap<String, Vec<(Timestamp, TicketStatus)>> = Default::default();
        for (reference, at, status) in histories {
            by_ticket
                .entry(reference)
                .or_default()
                .push((Timestamp::from_millis(at), status.parse().map_err(corrupt)?));
        }
        rows.iter()
            .map(|r| {
                let reference: String = r.try_get(0)?;
                let text = |i: usize| r.try_get::<String, _>(i).map_err(StoreError::from);
                Ok(SlaTicket {
                    team: slug(&text(1)?)?,
                    kind: RequestKind::from_code(&text(2)?).ok_or_else(|| corrupt("ticket kind".into()))?,
                    priority: Priority::from_code(&text(3)?).ok_or_else(|| corrupt("ticket priority".into()))?,
                    created_at: Timestamp::from_millis(r.try_get(4)?),
                    first_reply_at: r.try_get::<Option<i64>, _>(5)?.map(Timestamp::from_millis),
                    history: by_ticket.remove(&reference).unwrap_or_default(),
                })
            })
            .collect()
    }

    /// Inserts synthetic tickets (benchmarks only), 400 a statement.
    pub async fn insert_synthetic_tickets(&self, tickets: &[SyntheticTicket]) -> Result<(), StoreError> {
        const COLUMNS: usize = 22;
        for chunk in tickets.chunks(400) {
            let rows: Vec<String> = (0..chunk.len())
                .map(|r| {
                    let list: Vec<String> = (1..=COLUMNS).map(|c| format!("${}", r * COLUMNS + c)).collect();
                    format!("({})", list.join(", "))
                })
                .collect();
            let sql = format!(
                "INSERT INTO tickets (reference, draft_id, form_slug, form_version, answers, description, contact_name, \
                 contact_email, contact_phone, contact_locale, locale, team, kind, priority, status, suggestions_seen, \
                 suggestions_opened, status_token_hash, created_at, updated_at, queue_rank, active) VALUES {}",
                rows.join(", ")
            );
            let _turn = self.write_turn().await?;
            // Audited: only `$n` placeholders are written into the text.
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
            for ticket in chunk {
                let next = match (ticket.clocks.response_due, ticket.clocks.resolution_due) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
                query = query
                    .bind(ticket.reference.to_string())
                    .bind(uuid::Uuid::new_v4().simple().to_string())
                    .bind(ticket.form.0.to_string())
                    .bind(ticket.form.1)
                    .bind("{}")
                    .bind(format!("Synteettinen tukipyyntö {}", ticket.reference))
                    .bind("Bench Asiakas")
                    .bind("bench@example.fi")
                    .bind(None::<String>)
                    .bind(ticket.locale.code())
                    .bind(ticket.locale.code())
                    .bind(ticket.team.to_string())
                    .bind(ticket.kind.code())
                    .bind(ticket.priority.code())
                    .bind(ticket.status.code())
                    .bind("[]")
                    .bind("[]")
                    .bind("-")
                    .bind(ticket.created_at.millis())
                    .bind(ticket.created_at.millis())
                    .bind(next.map_or(PAUSED_RANK, Timestamp::millis))
                    .bind(i64::from(ticket.clocks.active));
            }
            query.execute(self.pool()).await?;
        }
        // What autovacuum does to a production database in time: statistics for the planner and
        // the visibility map that lets counts read the index alone.
        if self.backend() == super::Backend::Postgres {
            sqlx::query("VACUUM ANALYZE tickets").execute(self.pool()).await?;
        }
        Ok(())
    }

    /// The agents of `team` (active accounts with the agent role), by name.
    pub async fn agents_of_team(&self, team: &Slug) -> Result<Vec<(StaffId, String)>, StoreError> {
        let rows: Vec<(i64, String)> = sqlx::query_as(
            "SELECT a.id, a.display_name FROM staff_accounts a \
             JOIN staff_teams t ON t.account_id = a.id AND t.team_slug = $1 \
             JOIN staff_roles r ON r.account_id = a.id AND r.role = 'agent' \
             WHERE a.active = 1 ORDER BY a.display_name, a.id",
        )
        .bind(team.as_str())
        .fetch_all(self.pool())
        .await?;
        Ok(rows.into_iter().map(|(id, name)| (StaffId(id), name)).collect())
    }

    /// The desk's settings as imported (`desk.yaml`), if any.
    pub async fn desk_settings_text(&self) -> Result<Option<String>, StoreError> {
        Ok(sqlx::query_scalar("SELECT spec FROM desk_settings WHERE id = 1").fetch_optional(self.pool()).await?)
    }

    /// Replaces the desk's settings (`desk.yaml`, already checked) and reply templates, as an
    /// import does.
    pub async fn save_desk_settings(&self, spec: &str) -> Result<(), StoreError> {
        let _turn = self.write_turn().await?;
        let mut tx = self.begin_write().await?;
        import_desk(&mut tx, spec, self.now().millis()).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The reply templates of `team` in `locale`, by title.
    pub async fn reply_templates(&self, team: &Slug, locale: Locale) -> Result<Vec<ReplyTemplate>, StoreError> {
        let rows: Vec<(i64, String, String)> = sqlx::query_as(
            "SELECT id, title, body FROM reply_templates WHERE team_slug = $1 AND locale = $2 ORDER BY title, id",
        )
        .bind(team.as_str())
        .bind(locale.code())
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, title, body)| ReplyTemplate { id, team: team.clone(), locale, title, body })
            .collect())
    }
}

/// Stores `desk.yaml` (already checked) and replaces the reply templates with its own, inside
/// the import's transaction.
pub(super) async fn import_desk(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    text: &str,
    now: i64,
) -> Result<(), StoreError> {
    let spec: crate::sla::DeskSpec = serde_norway::from_str(text).map_err(|e| corrupt(e.to_string()))?;
    sqlx::query(
        "INSERT INTO desk_settings (id, spec, updated_at) VALUES (1, $1, $2) \
         ON CONFLICT (id) DO UPDATE SET spec = excluded.spec, updated_at = excluded.updated_at",
    )
    .bind(text)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    sqlx::query("DELETE FROM reply_templates").execute(&mut **tx).await?;
    for template in &spec.templates {
        sqlx::query(
            "INSERT INTO reply_templates (team_slug, locale, title, body, updated_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(template.team.as_str())
        .bind(template.locale.code())
        .bind(template.title.trim())
        .bind(template.body.trim())
        .bind(now)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// The WHERE clause of a queue and its text binds, in order (`$1`, `$2`, …).
fn queue_condition(filter: &QueueFilter) -> (String, Vec<String>) {
    let mut binds = Vec::new();
    let mut parts = vec!["t.active = 1".to_owned()];
    let bind = |column: &str, value: String, binds: &mut Vec<String>| {
        binds.push(value);
        format!("{column} = ${}", binds.len())
    };
    parts.push(match &filter.queue {
        Queue::Team(team) => bind("t.team", team.to_string(), &mut binds),
        // Staff ids are numbers from the session, never typed text: safe to write inline.
        Queue::Assignee(id) => format!("t.assignee_id = {}", id.0),
    });
    if let Some(status) = filter.status {
        parts.push(bind("t.status", status.code().to_owned(), &mut binds));
    }
    if let Some(priority) = filter.priority {
        parts.push(bind("t.priority", priority.code().to_owned(), &mut binds));
    }
    if let Some(locale) = filter.locale {
        parts.push(bind("t.contact_locale", locale.code().to_owned(), &mut binds));
    }
    if let Some(form) = &filter.form {
        parts.push(bind("t.form_slug", form.to_string(), &mut binds));
    }
    (parts.join(" AND "), binds)
}

fn queue_row(r: &AnyRow) -> Result<QueueRow, StoreError> {
    let text = |i: usize| r.try_get::<String, _>(i).map_err(StoreError::from);
    let rank: i64 = r.try_get(9)?;
    let mut description = text(3)?;
    if let Some((cut, _)) = description.char_indices().nth(120) {
        description.truncate(cut);
        description.push('…');
    }
    Ok(QueueRow {
        reference: read_reference(&text(0)?)?,
        form_slug: slug(&text(1)?)?,
        form_version: r.try_get(2)?,
        description,
        kind: RequestKind::from_code(&text(4)?).ok_or_else(|| corrupt("ticket kind".into()))?,
        priority: Priority::from_code(&text(5)?).ok_or_else(|| corrupt("ticket priority".into()))?,
        status: text(6)?.parse().map_err(corrupt)?,
        contact_locale: locale(&text(7)?)?,
        created_at: Timestamp::from_millis(r.try_get(8)?),
        next_due: (rank != PAUSED_RANK).then(|| Timestamp::from_millis(rank)),
        assignee: r.try_get(10)?,
        team: slug(&text(11)?)?,
        response_due: r.try_get::<Option<i64>, _>(12)?.map(Timestamp::from_millis),
    })
}

fn slug(text: &str) -> Result<Slug, StoreError> {
    Slug::parse(text).map_err(|e| corrupt(e.to_string()))
}

fn locale(text: &str) -> Result<Locale, StoreError> {
    text.parse().map_err(|_| corrupt(format!("unknown locale {text}")))
}
