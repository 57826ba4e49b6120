//! Staff accounts: created by an admin (or `tuki user add`) without a password, which the
//! person sets through a single-use link; sign-in with throttling; server-side sessions with
//! idle and absolute expiry; sign-out here or everywhere; the audit log of staff actions.
//!
//! Secrets never reach the database or the logs in clear: passwords as argon2id hashes
//! ([`password`]), session and link tokens as SHA-256.

pub mod password;

use super::tokens::{new_token, token_hash};
use super::{Caller, Right, ServiceError};
use crate::Locale;
use crate::Portal;
use crate::content::Slug;
use crate::email::Email;
use crate::staff::{Role, StaffId};
use crate::store::{AuditEntry, NewStaffAccount, StaffAccountRecord};
use crate::time::Timestamp;
use std::net::IpAddr;

/// A session ends after this long without use (milliseconds): 2 hours.
pub const SESSION_IDLE: i64 = 2 * 3600 * 1000;
/// A session ends this long after sign-in, used or not (milliseconds): 12 hours.
pub const SESSION_LONGEST: i64 = 12 * 3600 * 1000;
/// A set-password link works this long (milliseconds): 24 hours.
pub const PASSWORD_LINK_VALID: i64 = 24 * 3600 * 1000;
/// A password reset link asked for by e-mail works this long (milliseconds): 1 hour.
pub const RESET_LINK_VALID: i64 = 3600 * 1000;
/// The window failed sign-ins are counted in (milliseconds): 15 minutes.
pub const FAILURE_WINDOW: i64 = 15 * 60 * 1000;
/// Failed sign-ins for one account in the window after which it cannot sign in until the
/// oldest of them leaves the window.
pub const FAILURES_PER_ACCOUNT: i64 = 10;
/// Failed sign-ins from one client address in the window after which it cannot sign in.
pub const FAILURES_PER_ADDRESS: i64 = 50;
/// Longest display name, in characters.
const MAX_NAME_CHARS: usize = 100;

/// A member of staff, as the services see them once signed in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaffMember {
    /// Their account.
    pub id: StaffId,
    /// Their e-mail address.
    pub email: Email,
    /// Their name.
    pub name: String,
    /// The language of their staff pages.
    pub locale: Locale,
    /// Their roles.
    pub roles: Vec<Role>,
    /// The desk teams they work in.
    pub teams: Vec<Slug>,
}

impl StaffMember {
    /// True when they have `role`.
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

impl From<StaffAccountRecord> for StaffMember {
    fn from(record: StaffAccountRecord) -> StaffMember {
        StaffMember {
            id: record.id,
            email: record.email,
            name: record.name,
            locale: record.locale,
            roles: record.roles,
            teams: record.teams,
        }
    }
}

/// An account as the list of accounts shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountView {
    /// The member.
    pub member: StaffMember,
    /// False when disabled.
    pub active: bool,
    /// False until a password has been set.
    pub has_password: bool,
}

/// A new account, as typed.
#[derive(Clone, Copy, Debug)]
pub struct NewAccount<'a> {
    /// E-mail address (any case).
    pub email: &'a str,
    /// Display name.
    pub name: &'a str,
    /// The staff pages' language.
    pub locale: Locale,
    /// At least one role.
    pub roles: &'a [Role],
    /// Desk teams (for agents).
    pub teams: &'a [Slug],
}

/// A signed-in session: the member and the secret for their cookie.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedIn {
    /// Who.
    pub member: StaffMember,
    /// The session's token: the cookie's value. Stored only as its hash.
    pub token: String,
}

/// The accounts service ([`Portal::accounts`]).
#[derive(Clone, Copy, Debug)]
pub struct Accounts<'a> {
    portal: &'a Portal,
}

impl Portal {
    /// The accounts service.
    pub fn accounts(&self) -> Accounts<'_> {
        Accounts { portal: self }
    }
}

/// An address typed by a person, lowercase: one account per person however it is typed.
fn account_email(typed: &str) -> Option<Email> {
    Email::parse(&typed.trim().to_lowercase())
}

/// Who did it, for the audit log: the account, or `None` for the command line.
fn actor(caller: &Caller) -> Option<StaffId> {
    match caller {
        Caller::Staff(member) => Some(member.id),
        _ => None,
    }
}

impl Accounts<'_> {
    /// Creates an account without a password; returns it and the token of its single-use
    /// set-password link (valid [`PASSWORD_LINK_VALID`]).
    pub async fn add(&self, caller: &Caller, new: NewAccount<'_>) -> Result<(StaffMember, String), ServiceError> {
        caller.require(Right::ManageAccounts)?;
        let email = account_email(new.email).ok_or(ServiceError::Invalid("error-staff-email"))?;
        let name = new.name.trim();
        if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
            return Err(ServiceError::Invalid("error-staff-name"));
        }
        if new.roles.is_empty() {
            return Err(ServiceError::Invalid("error-staff-roles"));
        }
        let store = self.portal.store();
        let teams = store.teams().await?;
        if new.teams.iter().any(|wanted| !teams.iter().any(|team| &team.slug == wanted)) {
            return Err(ServiceError::Invalid("error-staff-team"));
        }
        let mut roles = new.roles.to_vec();
        roles.sort();
        roles.dedup();
        let account = NewStaffAccount {
            email: email.clone(),
            name: name.to_owned(),
            locale: new.locale,
            roles,
            teams: new.teams.to_vec(),
        };
        let id = store.create_staff_account(&account).await?.ok_or(ServiceError::Invalid("error-staff-email-taken"))?;
        store.record_audit(actor(caller), "account.create", &format!("staff:{email}")).await?;
        let token = self.password_link(id, PASSWORD_LINK_VALID).await?;
        let member = store.staff_account(id).await?.ok_or(ServiceError::NotFound)?.into();
        Ok((member, token))
    }

    /// A new single-use set-password link's token for the account at `email` (a reset).
    pub async fn password_link_for(&self, caller: &Caller, email: &str) -> Result<String, ServiceError> {
        caller.require(Right::ManageAccounts)?;
        let account = self.account(email).await?;
        self.portal
            .store()
            .record_audit(actor(caller), "account.password-link", &format!("staff:{}", account.email))
            .await?;
        self.password_link(account.id, PASSWORD_LINK_VALID).await
    }

    /// Someone asked for a password reset link for `typed_email`: when it is an active
    /// account's, a single-use link valid [`RESET_LINK_VALID`] goes to that address in the
    /// account's language (within the address's hourly share of mail). Nothing tells whether
    /// the address has an account: the answer is the same either way. `base_url` is the
    /// portal's public address, for the link.
    pub async fn request_password_reset(&self, typed_email: &str, base_url: &str) -> Result<(), ServiceError> {
        let Some(email) = account_email(typed_email) else { return Ok(()) };
        let store = self.portal.store();
        let Some(account) = store.staff_account_by_email(&email).await?.filter(|a| a.active) else { return Ok(()) };
        let token = self.password_link(account.id, RESET_LINK_VALID).await?;
        let link = crate::paths::staff_password_link(base_url, account.locale, &token);
        let queued = store.queue_mail(&crate::mail::password_reset(&account.email, account.locale, &link)).await?;
        let action = if queued { "account.password-reset-sent" } else { "account.password-reset-capped" };
        store.record_audit(Some(account.id), action, &format!("staff:{}", account.email)).await?;
        Ok(())
    }

    /// Sets a password through a set-password link: anyone holding the link may. The password
    /// is checked first, so a refused one leaves the link usable; a used or expired link is
    /// [`ServiceError::NotFound`]. Every session of the account ends.
    pub async fn set_password_with_link(&self, token: &str, password: &str) -> Result<(), ServiceError> {
        let store = self.portal.store();
        let hash = token_hash(token);
        // The policy needs the account's address and name; the link is used only afterwards.
        let Some(id) = self.link_owner(&hash).await? else { return Err(ServiceError::NotFound) };
        let account = store.staff_account(id).await?.ok_or(ServiceError::NotFound)?;
        password::check_policy(password, &[account.email.as_str(), &account.name])?;
        let id = store.use_password_token(&hash).await?.ok_or(ServiceError::NotFound)?;
        self.store_password(id, password).await?;
        store.record_audit(Some(id), "account.password", &format!("staff:{}", account.email)).await?;
        Ok(())
    }

    /// Sets the password of the account at `email` (`tuki user passwd`). Every session of the
    /// account ends.
    pub async fn set_password(&self, caller: &Caller, email: &str, password: &str) -> Result<(), ServiceError> {
        caller.require(Right::ManageAccounts)?;
        let account = self.account(email).await?;
        password::check_policy(password, &[account.email.as_str(), &account.name])?;
        self.store_password(account.id, password).await?;
        self.portal
            .store()
            .record_audit(actor(caller), "account.password", &format!("staff:{}", account.email))
            .await?;
        Ok(())
    }

    /// Creates an account (as [`Accounts::add`]) and mails its person the single-use link that
    /// sets the password, in the account's language: an admin in the browser never sees it.
    /// `base_url` is the portal's public address, for the link.
    pub async fn invite(
        &self,
        caller: &Caller,
        new: NewAccount<'_>,
        base_url: &str,
    ) -> Result<StaffMember, ServiceError> {
        let (member, token) = self.add(caller, new).await?;
        self.mail_link(caller, &member, &token, base_url, "account.invitation-sent").await?;
        Ok(member)
    }

    /// Mails a new single-use set-password link (24 hours) to the account at `email`.
    pub async fn send_password_link(&self, caller: &Caller, email: &str, base_url: &str) -> Result<(), ServiceError> {
        let token = self.password_link_for(caller, email).await?;
        let member: StaffMember = self.account(email).await?.into();
        self.mail_link(caller, &member, &token, base_url, "account.password-link-sent").await
    }

    async fn mail_link(
        &self,
        caller: &Caller,
        member: &StaffMember,
        token: &str,
        base_url: &str,
        action: &str,
    ) -> Result<(), ServiceError> {
        let link = crate::paths::staff_password_link(base_url, member.locale, token);
        let store = self.portal.store();
        let mail = crate::mail::account_invitation(&member.email, member.locale, &link);
        let action = if store.queue_mail(&mail).await? { action } else { "account.mail-capped" };
        store.record_audit(actor(caller), action, &format!("staff:{}", member.email)).await?;
        Ok(())
    }

    /// The admins' page of accounts, team names in `viewer`'s language.
    pub async fn accounts_page(
        &self,
        caller: &Caller,
        viewer: Locale,
    ) -> Result<crate::views::staff::AccountsData, ServiceError> {
        let accounts = self.list(caller).await?;
        let teams = self.portal.store().teams().await?;
        let team_name = |slug: &Slug| {
            teams
                .iter()
                .find(|t| &t.slug == slug)
                .and_then(|t| viewer.pick(&t.names).map(|(_, name)| name.clone()))
                .unwrap_or_else(|| slug.to_string())
        };
        let me = actor(caller);
        Ok(crate::views::staff::AccountsData {
            accounts: accounts
                .iter()
                .map(|a| crate::views::staff::AccountRow {
                    email: a.member.email.to_string(),
                    name: a.member.name.clone(),
                    locale: a.member.locale,
                    roles: a.member.roles.clone(),
                    teams: a.member.teams.iter().map(team_name).collect(),
                    active: a.active,
                    has_password: a.has_password,
                    is_self: me == Some(a.member.id),
                })
                .collect(),
            teams: teams
                .iter()
                .map(|t| crate::views::staff::TeamChoice { slug: t.slug.to_string(), name: team_name(&t.slug) })
                .collect(),
        })
    }

    /// The newest `limit` entries of the audit log with the names of who did them.
    pub async fn audit_page(
        &self,
        caller: &Caller,
        limit: i64,
    ) -> Result<Vec<crate::views::staff::AuditRow>, ServiceError> {
        let entries = self.audit_log(caller, limit).await?;
        let accounts = self.list(caller).await?;
        Ok(entries
            .into_iter()
            .map(|entry| crate::views::staff::AuditRow {
                who: entry.account.map(|id| {
                    accounts
                        .iter()
                        .find(|a| a.member.id == id)
                        .map_or_else(|| format!("#{id}"), |a| format!("{} <{}>", a.member.name, a.member.email))
                }),
                action: entry.action,
                object: entry.object,
                at: entry.at,
            })
            .collect())
    }

    /// Disables (or enables again) the account at `email`; disabling ends its sessions. An admin
    /// cannot disable their own account (`error-staff-disable-self`): someone must stay able to
    /// manage accounts.
    pub async fn set_active(&self, caller: &Caller, email: &str, active: bool) -> Result<(), ServiceError> {
        caller.require(Right::ManageAccounts)?;
        let account = self.account(email).await?;
        if !active && actor(caller) == Some(account.id) {
            return Err(ServiceError::Invalid("error-staff-disable-self"));
        }
        let store = self.portal.store();
        store.set_staff_active(account.id, active).await?;
        let action = if active { "account.enable" } else { "account.disable" };
        store.record_audit(actor(caller), action, &format!("staff:{}", account.email)).await?;
        Ok(())
    }

    /// Every account, by e-mail address.
    pub async fn list(&self, caller: &Caller) -> Result<Vec<AccountView>, ServiceError> {
        caller.require(Right::ManageAccounts)?;
        let store = self.portal.store();
        let mut accounts = Vec::new();
        for id in store.staff_account_ids().await? {
            if let Some(record) = store.staff_account(id).await? {
                let (active, has_password) = (record.active, record.password_hash.is_some());
                accounts.push(AccountView { member: record.into(), active, has_password });
            }
        }
        Ok(accounts)
    }

    /// Signs in with an e-mail address and password from `client`. An unknown address, a wrong
    /// password, a disabled account and one without a password all answer
    /// [`ServiceError::SignInFailed`] after the same work (a password hash is always checked).
    /// After [`FAILURES_PER_ACCOUNT`] failures for the typed address, or
    /// [`FAILURES_PER_ADDRESS`] from the client, within [`FAILURE_WINDOW`]:
    /// [`ServiceError::SignInLocked`]. A successful sign-in starts a new session.
    pub async fn sign_in(&self, typed_email: &str, password: &str, client: IpAddr) -> Result<SignedIn, ServiceError> {
        let store = self.portal.store();
        let typed = typed_email.trim().to_lowercase();
        let account_subject = format!("account:{}", typed.chars().take(254).collect::<String>());
        let address_subject = format!("address:{client}");
        let since = store.now().plus_millis(-FAILURE_WINDOW);
        if store.login_failures_since(&account_subject, since).await? >= FAILURES_PER_ACCOUNT
            || store.login_failures_since(&address_subject, since).await? >= FAILURES_PER_ADDRESS
        {
            return Err(ServiceError::SignInLocked);
        }
        let account = match account_email(&typed) {
            Some(email) => store.staff_account_by_email(&email).await?,
            None => None,
        };
        let stored = account.as_ref().and_then(|a| a.password_hash.clone());
        let candidate = password.chars().take(password::MAX_PASSWORD_CHARS).collect::<String>();
        let matches = tokio::task::spawn_blocking(move || {
            password::verify(&candidate, stored.as_deref().unwrap_or_else(|| password::stand_in_hash()))
                && stored.is_some()
        })
        .await
        .map_err(|e| ServiceError::Internal(format!("password check failed: {e}")))?;
        let Some(account) = account.filter(|a| matches && a.active) else {
            store.record_login_failure(&[&account_subject, &address_subject]).await?;
            return Err(ServiceError::SignInFailed);
        };
        store.clear_login_failures(&account_subject, since).await?;
        let token = new_token();
        store.create_session(&token_hash(&token), account.id).await?;
        store.record_audit(Some(account.id), "session.start", &format!("staff:{}", account.email)).await?;
        Ok(SignedIn { member: account.into(), token })
    }

    /// The caller behind a session cookie's token: [`ServiceError::NotSignedIn`] when there is
    /// no such session, it was idle longer than [`SESSION_IDLE`] or began longer than
    /// [`SESSION_LONGEST`] ago, or the account was disabled meanwhile.
    pub async fn session(&self, token: &str) -> Result<Caller, ServiceError> {
        let store = self.portal.store();
        let hash = token_hash(token);
        let session = store.session(&hash).await?.ok_or(ServiceError::NotSignedIn)?;
        let now = store.now();
        if now.millis() - session.last_seen_at.millis() > SESSION_IDLE
            || now.millis() - session.created_at.millis() > SESSION_LONGEST
        {
            store.delete_session(&hash).await?;
            return Err(ServiceError::NotSignedIn);
        }
        let account = store.staff_account(session.account).await?.filter(|a| a.active);
        let account = account.ok_or(ServiceError::NotSignedIn)?;
        // Written at most once a minute per session: a page of many requests writes once.
        if now.millis() - session.last_seen_at.millis() > 60_000 {
            store.touch_session(&hash).await?;
        }
        Ok(Caller::Staff(account.into()))
    }

    /// Ends the session of this token (signing out here).
    pub async fn sign_out(&self, token: &str) -> Result<(), ServiceError> {
        Ok(self.portal.store().delete_session(&token_hash(token)).await?)
    }

    /// Ends every session of the signed-in caller (signing out everywhere).
    pub async fn sign_out_everywhere(&self, caller: &Caller) -> Result<(), ServiceError> {
        let Caller::Staff(member) = caller else { return Err(ServiceError::NotSignedIn) };
        let store = self.portal.store();
        store.delete_sessions_of(member.id).await?;
        store.record_audit(Some(member.id), "session.end-everywhere", &format!("staff:{}", member.email)).await?;
        Ok(())
    }

    /// What the staff's front page shows the signed-in caller.
    pub fn home(&self, caller: &Caller) -> Result<crate::views::staff::StaffHomeData, ServiceError> {
        let Caller::Staff(member) = caller else { return Err(ServiceError::NotSignedIn) };
        Ok(crate::views::staff::StaffHomeData {
            name: member.name.clone(),
            email: member.email.to_string(),
            roles: member.roles.clone(),
        })
    }

    /// The newest `limit` entries of the audit log.
    pub async fn audit_log(&self, caller: &Caller, limit: i64) -> Result<Vec<AuditEntry>, ServiceError> {
        caller.require(Right::ManageAccounts)?;
        Ok(self.portal.store().audit_log(limit.clamp(1, 1000)).await?)
    }

    /// The account at `email`, typed in any case.
    async fn account(&self, email: &str) -> Result<StaffAccountRecord, ServiceError> {
        let email = account_email(email).ok_or(ServiceError::NotFound)?;
        self.portal.store().staff_account_by_email(&email).await?.ok_or(ServiceError::NotFound)
    }

    /// A new set-password link's token for account `id`, valid for `valid` milliseconds.
    async fn password_link(&self, id: StaffId, valid: i64) -> Result<String, ServiceError> {
        let store = self.portal.store();
        let token = new_token();
        let expires: Timestamp = store.now().plus_millis(valid);
        store.create_password_token(id, &token_hash(&token), expires).await?;
        Ok(token)
    }

    /// The account a still usable set-password link is for, without using it.
    async fn link_owner(&self, hash: &str) -> Result<Option<StaffId>, ServiceError> {
        Ok(self.portal.store().password_link_owner(hash).await?)
    }

    /// Hashes `password` off the async threads, stores it and ends the account's sessions.
    async fn store_password(&self, id: StaffId, password: &str) -> Result<(), ServiceError> {
        let candidate = password.to_owned();
        let hash = tokio::task::spawn_blocking(move || password::hash(&candidate))
            .await
            .map_err(|e| ServiceError::Internal(format!("password hashing failed: {e}")))??;
        let store = self.portal.store();
        store.set_staff_password(id, &hash).await?;
        store.delete_sessions_of(id).await?;
        Ok(())
    }
}
