//! Tickets as the customer meets them: the contact page turns a draft into a ticket (once per
//! draft, with a confirmation mail holding the private status link), the status page shows it
//! to whoever holds that link, and the customer adds information or marks it solved there.

use super::guided_form::{DraftWithForm, answer_rows, pending_step};
use super::tokens::{constant_time_eq, new_token, token_hash};
use super::webhooks::{self, TicketEvent};
use super::{Caller, Right, ServiceError};
use crate::Locale;
use crate::Portal;
use crate::content::Slug;
use crate::email::Email;
use crate::forms::contact::{self, contact_step};
use crate::forms::{Answers, FormDefinition, text_in, validate_step};
use crate::store::{Author, DeskTicketRecord, DraftOutcome, NewTicket, TicketRecord};
use crate::ticket::{DraftId, TicketRef, TicketStatus};
use crate::views::ticket::{MessageView, TicketStatusData};

/// The tickets service ([`Portal::tickets`]).
#[derive(Clone, Copy, Debug)]
pub struct Tickets<'a> {
    portal: &'a Portal,
}

/// What sending the contact page did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContactOutcome {
    /// The ticket exists (new, or from an earlier identical submit).
    Submitted {
        /// Its reference.
        reference: TicketRef,
        /// The status link's token, only when the ticket was created just now (it is stored
        /// only as a hash, so this is the one chance to send it).
        token: Option<String>,
    },
    /// The contact details had problems; the contact page again, with them.
    Invalid,
    /// A step of the form has answers missing or no longer valid: back to it.
    Incomplete(String),
}

/// What the customer sends from a ticket's status page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CustomerUpdate<'a> {
    /// More information, as typed (may be empty).
    pub message: &'a str,
    /// "My problem is solved."
    pub solved: bool,
}

impl Portal {
    /// The tickets service.
    pub fn tickets(&self) -> Tickets<'_> {
        Tickets { portal: self }
    }
}

impl Tickets<'_> {
    /// Checks the contact page and, when it and every step of the form are in order, turns the
    /// draft into a ticket. A repeated submit of the same draft gives the same ticket; a draft
    /// that a "this solved my problem" post ended first is [`ServiceError::Finished`].
    /// `base_url` is the portal's public address, for the status link in the confirmation mail.
    pub async fn submit_contact(
        &self,
        caller: &Caller,
        form: &Slug,
        id: &DraftId,
        submitted: &Answers,
        base_url: &str,
    ) -> Result<ContactOutcome, ServiceError> {
        let DraftWithForm { draft, form: definition } = self.portal.guided_form().draft(caller, form, id).await?;
        let store = self.portal.store();
        match draft.outcome {
            DraftOutcome::Deflected => return Err(ServiceError::Finished),
            DraftOutcome::Submitted => {
                let reference = store.ticket_reference_of_draft(id).await?.ok_or(ServiceError::NotFound)?;
                return Ok(ContactOutcome::Submitted { reference, token: None });
            }
            DraftOutcome::Open => {}
        }
        let answers = definition.effective_answers(&draft.answers);
        for step in definition.shown_steps(&answers) {
            if !validate_step(step, &definition.step_answers(step, &answers), &answers, draft.locale).is_empty() {
                return Ok(ContactOutcome::Incomplete(step.id.clone()));
            }
        }
        let step = contact_step();
        let errors = validate_step(&step, submitted, &Answers::new(), draft.locale);
        let one = |field: &str| submitted.get(field).and_then(|v| v.first()).map(|v| v.trim().to_owned());
        let email = one(contact::EMAIL).as_deref().and_then(Email::parse);
        let Some(contact_email) = email.filter(|_| errors.is_empty()) else {
            store.save_draft_pending(id, &pending_step(&step, submitted, &errors)).await?;
            return Ok(ContactOutcome::Invalid);
        };
        let token = new_token();
        let ticket = NewTicket {
            draft_id: id.clone(),
            form_slug: definition.slug.clone(),
            form_version: draft.form_version,
            answers: answers.clone(),
            description: one(contact::DESCRIPTION).unwrap_or_default(),
            contact_name: one(contact::NAME).unwrap_or_default(),
            contact_email,
            contact_phone: one(contact::PHONE).filter(|p| !p.is_empty()),
            contact_locale: one(contact::REPLY_LANGUAGE).and_then(|l| l.parse().ok()).unwrap_or(draft.locale),
            locale: draft.locale,
            team: definition.team.clone(),
            kind: definition.kind,
            priority: definition.priority.priority_for(&answers),
            suggestions_seen: draft.seen.clone(),
            suggestions_opened: draft.opened.clone(),
            status_token_hash: token_hash(&token),
        };
        let confirmation = |reference: &TicketRef| {
            let link = crate::paths::ticket_status_link(base_url, ticket.contact_locale, reference, &token);
            crate::mail::ticket_confirmation(&ticket.contact_email, ticket.contact_locale, reference, &link)
        };
        let wanted = self.portal.webhooks().wanted().await?;
        let webhook = |reference: &TicketRef, now| {
            let record = webhooks::new_ticket_record(&ticket, reference, now);
            wanted.then(|| webhooks::event_of(&TicketEvent::Created, &record, now, base_url))
        };
        // Racing a "this solved my problem" post on the same draft, the first one ends it.
        let submitted = store.submit_ticket(&ticket, confirmation, webhook).await?.ok_or(ServiceError::Finished)?;
        if submitted.created {
            self.announce_to_team(&submitted.reference, &ticket, &definition, base_url).await?;
        }
        Ok(ContactOutcome::Submitted { token: submitted.created.then_some(token), reference: submitted.reference })
    }

    /// The reference of the ticket sent from draft `id` of `form`.
    pub async fn ticket_of_draft(&self, caller: &Caller, form: &Slug, id: &DraftId) -> Result<TicketRef, ServiceError> {
        let DraftWithForm { draft, .. } = self.portal.guided_form().draft(caller, form, id).await?;
        if draft.outcome != DraftOutcome::Submitted {
            return Err(ServiceError::NotFound);
        }
        self.portal.store().ticket_reference_of_draft(id).await?.ok_or(ServiceError::NotFound)
    }

    /// The ticket `reference` as its status page shows it in `locale`, for whoever holds its
    /// status link's `token`. A wrong token is the same as no ticket: nothing tells the two apart.
    pub async fn status_page(
        &self,
        caller: &Caller,
        locale: Locale,
        reference: &TicketRef,
        token: &str,
    ) -> Result<TicketStatusData, ServiceError> {
        let (ticket, form) = self.for_customer(caller, reference, token).await?;
        let messages = self
            .portal
            .store()
            .ticket_messages(&ticket.reference)
            .await?
            .into_iter()
            .map(|m| MessageView {
                from_customer: m.author == Author::Customer,
                body: m.body,
                new_status: m.new_status,
                at: m.created_at.format_for(locale),
            })
            .collect();
        Ok(TicketStatusData {
            form_title: text_in(&form.title, locale).to_owned(),
            status: ticket.status,
            sent_on: ticket.created_at.local_date().format_for(locale),
            rows: answer_rows(&form, &ticket.answers, locale),
            description: ticket.description,
            messages,
            reference: ticket.reference,
        })
    }

    /// The customer adds information to their ticket and/or marks it solved (the agent who has
    /// it gets mail; `base_url` is for its link). Returns false when there was nothing to store
    /// or the message was too long.
    pub async fn customer_update(
        &self,
        caller: &Caller,
        reference: &TicketRef,
        token: &str,
        update: CustomerUpdate<'_>,
        base_url: &str,
    ) -> Result<bool, ServiceError> {
        let (ticket, _) = self.for_customer(caller, reference, token).await?;
        let message = update.message.trim();
        if message.chars().count() > contact::MAX_DESCRIPTION || (message.is_empty() && !update.solved) {
            return Ok(false);
        }
        let new_status =
            if update.solved { Some(TicketStatus::Resolved) } else { ticket.status.after_customer_message() };
        let body = (!message.is_empty()).then_some(message);
        let store = self.portal.store();
        let mut record = store.desk_ticket(reference).await?.ok_or(ServiceError::NotFound)?;
        record.status = new_status.unwrap_or(record.status);
        let webhook = self
            .portal
            .webhooks()
            .wanted()
            .await?
            .then(|| webhooks::event_of(&TicketEvent::CustomerMessage(body), &record, store.now(), base_url));
        store.add_customer_message(reference, body, new_status, webhook.as_ref()).await?;
        self.portal.desk().refresh_clocks(reference).await?;
        if body.is_some() {
            self.tell_the_agent(&record, base_url).await?;
        }
        Ok(true)
    }

    /// A new ticket starts its clocks, and its team's address (if the desk's settings name
    /// one) hears of it in Finnish, the desk's working language.
    async fn announce_to_team(
        &self,
        reference: &TicketRef,
        ticket: &NewTicket,
        form: &FormDefinition,
        base_url: &str,
    ) -> Result<(), ServiceError> {
        let desk = self.portal.desk();
        desk.refresh_clocks(reference).await?;
        if let Some(address) = desk.settings().await?.team_email(&ticket.team) {
            let locale = Locale::Fi;
            let link = crate::paths::staff_desk_ticket_link(base_url, locale, reference);
            let mail = crate::mail::team_new_ticket(address, locale, reference, text_in(&form.title, locale), &link);
            self.portal.store().queue_mail(&mail).await?;
        }
        Ok(())
    }

    /// The customer answered: the agent who has the ticket hears of it, in their language.
    async fn tell_the_agent(&self, ticket: &DeskTicketRecord, base_url: &str) -> Result<(), ServiceError> {
        let store = self.portal.store();
        let reference = &ticket.reference;
        let Some(agent) = ticket.assignee else { return Ok(()) };
        let Some(account) = store.staff_account(agent).await?.filter(|a| a.active) else { return Ok(()) };
        let link = crate::paths::staff_desk_ticket_link(base_url, account.locale, reference);
        store.queue_mail(&crate::mail::customer_answered(&account.email, account.locale, reference, &link)).await?;
        Ok(())
    }

    /// The ticket `reference` with its form, for whoever holds its status link's `token`.
    async fn for_customer(
        &self,
        caller: &Caller,
        reference: &TicketRef,
        token: &str,
    ) -> Result<(TicketRecord, FormDefinition), ServiceError> {
        caller.require(Right::UseGuidedForms)?;
        let store = self.portal.store();
        let ticket = store.ticket(reference).await?.ok_or(ServiceError::NotFound)?;
        let hash = token_hash(token);
        if !constant_time_eq(hash.as_bytes(), ticket.status_token_hash.as_bytes())
            && !store.is_status_token(reference, &hash).await?
        {
            return Err(ServiceError::NotFound);
        }
        let form = store.form_version(&ticket.form_slug, ticket.form_version).await?.ok_or(ServiceError::NotFound)?;
        Ok((ticket, form))
    }
}
