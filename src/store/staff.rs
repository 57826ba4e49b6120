//! Staff accounts, their sessions and set-password links, failed sign-ins, the audit log.
//! Secrets are stored only as hashes: passwords as argon2id PHC strings, tokens as SHA-256.

use super::{Store, StoreError, corrupt};
use crate::Locale;
use crate::content::Slug;
use crate::email::Email;
use crate::staff::{Role, StaffId};
use crate::time::Timestamp;
use sqlx::Row;

/// A staff account as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaffAccountRecord {
    /// Its id.
    pub id: StaffId,
    /// Its e-mail address (lowercase).
    pub email: Email,
    /// The name shown to colleagues.
    pub name: String,
    /// The staff pages' language.
    pub locale: Locale,
    /// The argon2id hash of the password; `None` until one is set.
    pub password_hash: Option<String>,
    /// False when disabled.
    pub active: bool,
    /// Its roles.
    pub roles: Vec<Role>,
    /// The desk teams it works in.
    pub teams: Vec<Slug>,
}

/// A new staff account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewStaffAccount {
    /// E-mail address (lowercase).
    pub email: Email,
    /// Display name.
    pub name: String,
    /// The staff pages' language.
    pub locale: Locale,
    /// Roles.
    pub roles: Vec<Role>,
    /// Desk teams.
    pub teams: Vec<Slug>,
}

/// A signed-in session as stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionRecord {
    /// Whose.
    pub account: StaffId,
    /// When it began.
    pub created_at: Timestamp,
    /// When it was last used.
    pub last_seen_at: Timestamp,
}

/// One entry of the audit log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEntry {
    /// Who (`None`: the command line).
    pub account: Option<StaffId>,
    /// What, e.g. `account.create`.
    pub action: String,
    /// To which object, e.g. `staff:maija@bank.fi`.
    pub object: String,
    /// When.
    pub at: Timestamp,
}

impl Store {
    /// Creates an account with its roles and teams; `None` when the address has one already.
    pub async fn create_staff_account(&self, account: &NewStaffAccount) -> Result<Option<StaffId>, StoreError> {
        let _turn = self.write_turn().await?;
        let now = self.now().millis();
        let mut tx = self.begin_write().await?;
        let taken: Option<(i64,)> = sqlx::query_as("SELECT id FROM staff_accounts WHERE email = $1")
            .bind(account.email.as_str())
            .fetch_optional(&mut *tx)
            .await?;
        if taken.is_some() {
            tx.rollback().await?;
            return Ok(None);
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO staff_accounts (email, display_name, locale, password_hash, active, created_at, updated_at) \
             VALUES ($1, $2, $3, NULL, 1, $4, $4) RETURNING id",
        )
        .bind(account.email.as_str())
        .bind(&account.name)
        .bind(account.locale.code())
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        for role in &account.roles {
            sqlx::query("INSERT INTO staff_roles (account_id, role) VALUES ($1, $2)")
                .bind(id)
                .bind(role.code())
                .execute(&mut *tx)
                .await?;
        }
        for team in &account.teams {
            sqlx::query("INSERT INTO staff_teams (account_id, team_slug) VALUES ($1, $2)")
                .bind(id)
                .bind(team.as_str())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(Some(StaffId(id)))
    }

    /// The account with e-mail address `email` (lowercase), if any.
    pub async fn staff_account_by_email(&self, email: &Email) -> Result<Option<StaffAccountRecord>, StoreError> {
        let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM staff_accounts WHERE email = $1")
            .bind(email.as_str())
            .fetch_optional(self.pool())
            .await?;
        match row {
            Some((id,)) => self.staff_account(StaffId(id)).await,
            None => Ok(None),
        }
    }

    /// The account `id`, if it exists.
    pub async fn staff_account(&self, id: StaffId) -> Result<Option<StaffAccountRecord>, StoreError> {
        let row =
            sqlx::query("SELECT email, display_name, locale, password_hash, active FROM staff_accounts WHERE id = $1")
                .bind(id.0)
                .fetch_optional(self.pool())
                .await?;
        let Some(row) = row else { return Ok(None) };
        let email: String = row.try_get(0)?;
        let locale: String = row.try_get(2)?;
        let active: i64 = row.try_get(4)?;
        let roles: Vec<(String,)> = sqlx::query_as("SELECT role FROM staff_roles WHERE account_id = $1 ORDER BY role")
            .bind(id.0)
            .fetch_all(self.pool())
            .await?;
        let teams: Vec<(String,)> =
            sqlx::query_as("SELECT team_slug FROM staff_teams WHERE account_id = $1 ORDER BY team_slug")
                .bind(id.0)
                .fetch_all(self.pool())
                .await?;
        Ok(Some(StaffAccountRecord {
            id,
            email: Email::parse(&email).ok_or_else(|| corrupt(format!("not an e-mail address: {email}")))?,
            name: row.try_get(1)?,
            locale: locale.parse().map_err(|e: crate::locale::LocaleError| corrupt(e.to_string()))?,
            password_hash: row.try_get(3)?,
            active: active != 0,
            roles: roles.into_iter().map(|(r,)| r.parse().map_err(corrupt)).collect::<Result<_, _>>()?,
            teams: teams
                .into_iter()
                .map(|(t,)| Slug::parse(&t).map_err(|e| corrupt(e.to_string())))
                .collect::<Result<_, _>>()?,
        }))
    }

    /// Every account's id, by e-mail address.
    pub async fn staff_account_ids(&self) -> Result<Vec<StaffId>, StoreError> {
        let rows: Vec<(i64,)> =
            sqlx::query_as("SELECT id FROM staff_accounts ORDER BY email").fetch_all(self.pool()).await?;
        Ok(rows.into_iter().map(|(id,)| StaffId(id)).collect())
    }

    /// Sets the account's password hash.
    pub async fn set_staff_password(&self, id: StaffId, hash: &str) -> Result<(), StoreError> {
        let _turn = self.write_turn().await?;
        sqlx::query("UPDATE staff_accounts SET password_hash = $1, updated_at = $2 WHERE id = $3")
            .bind(hash)
            .bind(self.now().millis())
            .bind(id.0)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Enables or disables the account; disabling ends its sessions too.
    pub async fn set_staff_active(&self, id: StaffId, active: bool) -> Result<(), StoreError> {
        let _turn = self.write_turn().await?;
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE staff_accounts SET active = $1, updated_at = $2 WHERE id = $3")
            .bind(i64::from(active))
            .bind(self.now().millis())
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        if !active {
            sqlx::query("DELETE FROM staff_sessions WHERE account_id = $1").bind(id.0).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Keeps a set-password link's token hash for the account until `expires_at`.
    pub async fn create_password_token(
        &self,
        id: StaffId,
        token_hash: &str,
        expires_at: Timestamp,
    ) -> Result<(), StoreError> {
        let _turn = self.write_turn().await?;
        sqlx::query("INSERT INTO staff_password_tokens (token_hash, account_id, expires_at) VALUES ($1, $2, $3)")
            .bind(token_hash)
            .bind(id.0)
            .bind(expires_at.millis())
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Uses a set-password link: the account it is for, when it exists, is unused and has not
    /// expired; it cannot be used again.
    pub async fn use_password_token(&self, token_hash: &str) -> Result<Option<StaffId>, StoreError> {
        let _turn = self.write_turn().await?;
        let now = self.now().millis();
        let row: Option<(i64,)> = sqlx::query_as(
            "UPDATE staff_password_tokens SET used_at = $1 \
             WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 RETURNING account_id",
        )
        .bind(now)
        .bind(token_hash)
        .fetch_optional(self.pool())
        .await?;
        Ok(row.map(|(id,)| StaffId(id)))
    }

    /// The account a set-password link is for, when it is unused and has not expired.
    pub async fn password_link_owner(&self, token_hash: &str) -> Result<Option<StaffId>, StoreError> {
        let row: Option<(i64,)> = sqlx::query_as(
            "SELECT account_id FROM staff_password_tokens WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
        )
        .bind(token_hash)
        .bind(self.now().millis())
        .fetch_optional(self.pool())
        .await?;
        Ok(row.map(|(id,)| StaffId(id)))
    }

    /// Starts a session for the account under the token's hash.
    pub async fn create_session(&self, token_hash: &str, id: StaffId) -> Result<(), StoreError> {
        let _turn = self.write_turn().await?;
        let now = self.now().millis();
        sqlx::query(
            "INSERT INTO staff_sessions (token_hash, account_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)",
        )
        .bind(token_hash)
        .bind(id.0)
        .bind(now)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// The session under the token's hash, if any.
    pub async fn session(&self, token_hash: &str) -> Result<Option<SessionRecord>, StoreError> {
        let row: Option<(i64, i64, i64)> =
            sqlx::query_as("SELECT account_id, created_at, last_seen_at FROM staff_sessions WHERE token_hash = $1")
                .bind(token_hash)
                .fetch_optional(self.pool())
                .await?;
        Ok(row.map(|(account, created, seen)| SessionRecord {
            account: StaffId(account),
            created_at: Timestamp::from_millis(created),
            last_seen_at: Timestamp::from_millis(seen),
        }))
    }

    /// Records that the session was used now.
    pub async fn touch_session(&self, token_hash: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE staff_sessions SET last_seen_at = $1 WHERE token_hash = $2")
            .bind(self.now().millis())
            .bind(token_hash)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Ends one session.
    pub async fn delete_session(&self, token_hash: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM staff_sessions WHERE token_hash = $1").bind(token_hash).execute(self.pool()).await?;
        Ok(())
    }

    /// Ends every session of the account.
    pub async fn delete_sessions_of(&self, id: StaffId) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM staff_sessions WHERE account_id = $1").bind(id.0).execute(self.pool()).await?;
        Ok(())
    }

    /// Records a failed sign-in for each of `subjects` (the account tried, the client address).
    pub async fn record_login_failure(&self, subjects: &[&str]) -> Result<(), StoreError> {
        let now = self.now().millis();
        for subject in subjects {
            sqlx::query("INSERT INTO login_failures (subject, failed_at) VALUES ($1, $2)")
                .bind(*subject)
                .bind(now)
                .execute(self.pool())
                .await?;
        }
        Ok(())
    }

    /// How many sign-ins failed for `subject` after `since`.
    pub async fn login_failures_since(&self, subject: &str, since: Timestamp) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM login_failures WHERE subject = $1 AND failed_at > $2")
            .bind(subject)
            .bind(since.millis())
            .fetch_one(self.pool())
            .await?)
    }

    /// Forgets the failed sign-ins of `subject` (after a successful one) and every failure
    /// older than `older_than`.
    pub async fn clear_login_failures(&self, subject: &str, older_than: Timestamp) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM login_failures WHERE subject = $1 OR failed_at < $2")
            .bind(subject)
            .bind(older_than.millis())
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Adds an entry to the audit log.
    pub async fn record_audit(&self, account: Option<StaffId>, action: &str, object: &str) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO audit_log (account_id, action, object, created_at) VALUES ($1, $2, $3, $4)")
            .bind(account.map(|a| a.0))
            .bind(action)
            .bind(object)
            .bind(self.now().millis())
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// The newest `limit` entries of the audit log, newest first.
    pub async fn audit_log(&self, limit: i64) -> Result<Vec<AuditEntry>, StoreError> {
        let rows: Vec<(Option<i64>, String, String, i64)> =
            sqlx::query_as("SELECT account_id, action, object, created_at FROM audit_log ORDER BY id DESC LIMIT $1")
                .bind(limit)
                .fetch_all(self.pool())
                .await?;
        Ok(rows
            .into_iter()
            .map(|(account, action, object, at)| AuditEntry {
                account: account.map(StaffId),
                action,
                object,
                at: Timestamp::from_millis(at),
            })
            .collect())
    }
}
