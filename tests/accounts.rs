//! Staff accounts on every backend: set-password links, sign-in and its throttle, sessions and
//! their expiry, disabling, rights, the audit log, and no secret stored in clear.

use std::net::IpAddr;
use std::sync::Arc;
use tuki::services::accounts::{NewAccount, SESSION_IDLE, SESSION_LONGEST};
use tuki::services::{Caller, ServiceError};
use tuki::staff::Role;
use tuki::store::testing::{backends, fresh_database, store_of};
use tuki::time::{Clock, FixedClock, Timestamp};
use tuki::{Locale, Portal, PortalConfig};

const PASSWORD: &str = "kesäkuun sininen polkupyörä";
const MINUTE: i64 = 60_000;

async fn portal_at(backend: tuki::store::Backend, dir: &std::path::Path, clock: Arc<FixedClock>) -> Portal {
    let url = fresh_database(backend, dir).await.expect("database");
    let config = PortalConfig::new(dir.join("data"), Some(url));
    Portal::open_without_index(config).await.expect("open").with_clock(clock)
}

fn new_account<'a>(email: &'a str, roles: &'a [Role]) -> NewAccount<'a> {
    NewAccount { email, name: "Maija Meikäläinen", locale: Locale::Fi, roles, teams: &[] }
}

fn client() -> IpAddr {
    [192, 0, 2, 7].into()
}

#[tokio::test]
async fn a_new_account_sets_its_password_once_signs_in_and_keeps_no_secret_in_clear() {
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let clock = Arc::new(FixedClock::at(Timestamp::from_millis(1_800_000_000_000)));
        let portal = portal_at(backend, dir.path(), clock.clone()).await;
        let accounts = portal.accounts();
        let (member, link) =
            accounts.add(&Caller::Operator, new_account(" Maija@Bank.FI ", &[Role::Editor])).await.expect("added");
        assert_eq!(member.email.as_str(), "maija@bank.fi", "{backend:?}");
        let again = accounts.add(&Caller::Operator, new_account("maija@bank.fi", &[Role::Agent])).await;
        assert!(matches!(again, Err(ServiceError::Invalid("error-staff-email-taken"))));
        // No password yet: signing in fails like any wrong password.
        assert!(matches!(accounts.sign_in("maija@bank.fi", PASSWORD, client()).await, Err(ServiceError::SignInFailed)));
        // A guessable password is refused and leaves the link usable; a good one uses it up.
        let weak = accounts.set_password_with_link(&link, "maija@bank.fi2026").await;
        assert!(matches!(weak, Err(ServiceError::Invalid("error-password-too-common"))), "{weak:?}");
        accounts.set_password_with_link(&link, PASSWORD).await.expect("password set");
        assert!(matches!(accounts.set_password_with_link(&link, PASSWORD).await, Err(ServiceError::NotFound)));
        let signed_in = accounts.sign_in("MAIJA@bank.fi", PASSWORD, client()).await.expect("signed in");
        let Caller::Staff(me) = accounts.session(&signed_in.token).await.expect("session") else { panic!("not staff") };
        assert_eq!((me.email.as_str(), me.roles.as_slice()), ("maija@bank.fi", &[Role::Editor][..]));
        // Nothing secret is stored in clear: not the password, the link's token or the cookie's.
        let pool = store_of(&portal).pool();
        let shape = store_of(&portal).schema_shape().await.expect("schema");
        for (table, columns) in &shape.tables {
            for column in columns.iter().filter(|c| c.family == "text") {
                let query = format!("SELECT COUNT(*) FROM {table} WHERE {} IN ($1, $2, $3)", column.name);
                let found: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(query))
                    .bind(PASSWORD)
                    .bind(&link)
                    .bind(&signed_in.token)
                    .fetch_one(pool)
                    .await
                    .expect("scan");
                assert_eq!(found, 0, "{backend:?}: {table}.{} holds a secret", column.name);
            }
        }
        // A link expires after a day.
        let late = accounts.password_link_for(&Caller::Operator, "maija@bank.fi").await.expect("link");
        clock.set(clock.now().plus_millis(24 * 60 * MINUTE + 1));
        assert!(matches!(accounts.set_password_with_link(&late, PASSWORD).await, Err(ServiceError::NotFound)));
        portal.close().await;
    }
}

#[tokio::test]
async fn ten_wrong_passwords_lock_the_account_for_a_while_and_an_unknown_address_answers_the_same() {
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let clock = Arc::new(FixedClock::at(Timestamp::from_millis(1_800_000_000_000)));
        let portal = portal_at(backend, dir.path(), clock.clone()).await;
        let accounts = portal.accounts();
        accounts.add(&Caller::Operator, new_account("agent@bank.fi", &[Role::Agent])).await.expect("added");
        accounts.set_password(&Caller::Operator, "agent@bank.fi", PASSWORD).await.expect("password");
        let unknown = accounts.sign_in("nobody@bank.fi", PASSWORD, client()).await;
        assert!(matches!(unknown, Err(ServiceError::SignInFailed)), "{backend:?}");
        for _ in 0..10 {
            let wrong = accounts.sign_in("agent@bank.fi", "not the password at all", client()).await;
            assert!(matches!(wrong, Err(ServiceError::SignInFailed)));
        }
        let locked = accounts.sign_in("agent@bank.fi", PASSWORD, client()).await;
        assert!(matches!(locked, Err(ServiceError::SignInLocked)), "{backend:?}: {locked:?}");
        assert_eq!(ServiceError::SignInLocked.http_status(), 429);
        clock.set(clock.now().plus_millis(16 * MINUTE));
        accounts.sign_in("agent@bank.fi", PASSWORD, client()).await.expect("unlocked after the window");
        portal.close().await;
    }
}

#[tokio::test]
async fn sessions_end_when_idle_too_long_at_the_latest_after_twelve_hours_and_everywhere_on_request() {
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let start = Timestamp::from_millis(1_800_000_000_000);
        let clock = Arc::new(FixedClock::at(start));
        let portal = portal_at(backend, dir.path(), clock.clone()).await;
        let accounts = portal.accounts();
        accounts.add(&Caller::Operator, new_account("admin@bank.fi", &[Role::Admin])).await.expect("added");
        accounts.set_password(&Caller::Operator, "admin@bank.fi", PASSWORD).await.expect("password");
        let idle = accounts.sign_in("admin@bank.fi", PASSWORD, client()).await.expect("signed in");
        let busy = accounts.sign_in("admin@bank.fi", PASSWORD, client()).await.expect("signed in");
        assert_ne!(idle.token, busy.token, "a new session id at every sign-in");
        // Used every hour, the busy session lives until the absolute limit; the idle one ends.
        let mut at = start;
        while at.millis() - start.millis() + 60 * MINUTE <= SESSION_LONGEST {
            at = at.plus_millis(60 * MINUTE);
            clock.set(at);
            accounts.session(&busy.token).await.expect("still signed in");
        }
        assert!(at.millis() - start.millis() > SESSION_IDLE);
        assert!(matches!(accounts.session(&idle.token).await, Err(ServiceError::NotSignedIn)), "{backend:?}");
        clock.set(start.plus_millis(SESSION_LONGEST + MINUTE));
        assert!(matches!(accounts.session(&busy.token).await, Err(ServiceError::NotSignedIn)));
        // Signing out everywhere ends every session of the account.
        let here = accounts.sign_in("admin@bank.fi", PASSWORD, client()).await.expect("signed in");
        let there = accounts.sign_in("admin@bank.fi", PASSWORD, client()).await.expect("signed in");
        let me = accounts.session(&here.token).await.expect("session");
        accounts.sign_out_everywhere(&me).await.expect("signed out");
        assert!(matches!(accounts.session(&there.token).await, Err(ServiceError::NotSignedIn)));
        portal.close().await;
    }
}

#[tokio::test]
async fn only_admins_manage_accounts_and_a_disabled_account_is_signed_out_and_recorded() {
    for backend in backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let clock = Arc::new(FixedClock::at(Timestamp::from_millis(1_800_000_000_000)));
        let portal = portal_at(backend, dir.path(), clock).await;
        let accounts = portal.accounts();
        for (email, role) in [("admin@bank.fi", Role::Admin), ("editor@bank.fi", Role::Editor)] {
            accounts.add(&Caller::Operator, new_account(email, &[role])).await.expect("added");
            accounts.set_password(&Caller::Operator, email, PASSWORD).await.expect("password");
        }
        let admin = accounts.sign_in("admin@bank.fi", PASSWORD, client()).await.expect("admin");
        let admin = accounts.session(&admin.token).await.expect("session");
        let editor_session = accounts.sign_in("editor@bank.fi", PASSWORD, client()).await.expect("editor");
        let editor = accounts.session(&editor_session.token).await.expect("session");
        // A customer is told to sign in; staff without the role are refused.
        for (caller, code) in [
            (&Caller::Customer, "error-not-signed-in"),
            (&editor, "error-forbidden"),
            (&Caller::System, "error-forbidden"),
        ] {
            let refused = accounts.add(caller, new_account("x@bank.fi", &[Role::Agent])).await;
            assert_eq!(refused.err().map(|e| e.code()), Some(code), "{backend:?} {caller:?}");
            assert_eq!(accounts.list(caller).await.err().map(|e| e.code()), Some(code));
            assert_eq!(accounts.set_active(caller, "admin@bank.fi", false).await.err().map(|e| e.code()), Some(code));
        }
        accounts.set_active(&admin, "editor@bank.fi", false).await.expect("disabled");
        assert!(matches!(accounts.session(&editor_session.token).await, Err(ServiceError::NotSignedIn)));
        let again = accounts.sign_in("editor@bank.fi", PASSWORD, client()).await;
        assert!(matches!(again, Err(ServiceError::SignInFailed)), "a disabled account answers like a wrong password");
        let log = accounts.audit_log(&admin, 50).await.expect("audit log");
        let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(actions.first(), Some(&"account.disable"), "{actions:?}");
        assert!(
            log.iter()
                .any(|e| e.action == "account.create" && e.object == "staff:editor@bank.fi" && e.account.is_none())
        );
        assert!(actions.contains(&"session.start") && actions.contains(&"account.password"));
        assert!(matches!(accounts.audit_log(&editor, 50).await, Err(ServiceError::Forbidden)));
        portal.close().await;
    }
}

#[tokio::test]
async fn an_agent_works_in_existing_teams_only_and_every_refusal_is_translated() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = PortalConfig::new(dir.path().join("data"), None);
    let portal = Portal::open_without_index(config).await.expect("open");
    portal.load_demo_content_if_empty().await.expect("demo");
    let accounts = portal.accounts();
    let team = |slug: &str| tuki::content::Slug::parse(slug).expect("slug");
    let unknown = [team("no-such-team")];
    let refused = accounts
        .add(&Caller::Operator, NewAccount { teams: &unknown, ..new_account("agent@bank.fi", &[Role::Agent]) })
        .await;
    assert!(matches!(refused, Err(ServiceError::Invalid("error-staff-team"))), "{refused:?}");
    let known = [team("technical-support")];
    let (agent, _) = accounts
        .add(&Caller::Operator, NewAccount { teams: &known, ..new_account("agent@bank.fi", &[Role::Agent]) })
        .await
        .expect("added");
    assert_eq!(agent.teams, known);
    for bad in [new_account("not an address", &[Role::Agent]), new_account("a@bank.fi", &[])] {
        let error = accounts.add(&Caller::Operator, bad).await.expect_err("refused");
        for locale in Locale::ALL {
            assert_ne!(tuki::i18n::tr(locale, error.code()), error.code(), "{error:?} in {locale:?}");
        }
    }
    portal.close().await;
}
