//! Mail through a real SMTP server on loopback: aiosmtpd (Python), storing what it receives in
//! a maildir. `.ci/test` installs it and sets `TUKI_TEST_SMTP_PYTHON` to a Python that has it.

use crate::app::{TestApp, spawn_app_with_mail};
use crate::help::{CONTACT, mail_text, wait_for_mail};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use tuki::store::Backend;
use tuki::store::testing::backends;
use tuki_server::mailer::{Delivery, MailConfig, deliver_due};
use tuki_server::smtp::SmtpClient;

/// An aiosmtpd process on a free loopback port, killed when dropped.
struct SmtpServer {
    process: Child,
    port: u16,
    maildir: PathBuf,
    _dir: tempfile::TempDir,
}

impl SmtpServer {
    /// Starts the server; with `tls` (certificate chain and key PEM) it offers and requires STARTTLS.
    fn start(tls: Option<(&str, &str)>) -> SmtpServer {
        Self::spawn(|command, dir, port| {
            command.args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")]);
            if let Some((certificate, key)) = tls {
                let (cert_path, key_path) = (dir.join("cert.pem"), dir.join("key.pem"));
                std::fs::write(&cert_path, certificate).expect("certificate");
                std::fs::write(&key_path, key).expect("key");
                command.arg("--tlscert").arg(cert_path).arg("--tlskey").arg(key_path);
            }
            command.args(["-c", "aiosmtpd.handlers.Mailbox"]).arg(dir.join("maildir"));
        })
    }

    /// Starts a server that answers every recipient `550` (no such mailbox), as a relay does
    /// for an address that does not exist.
    fn start_refusing_recipients() -> SmtpServer {
        Self::spawn(|command, dir, port| {
            command.args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")]);
            let handler = "class RefusingRecipients:\n    def __init__(self, *args):\n        pass\n\n    \
                           async def handle_RCPT(self, server, session, envelope, address, options):\n        \
                           return '550 5.1.1 No such mailbox here'\n";
            std::fs::write(dir.join("refusing.py"), handler).expect("handler");
            command.env("PYTHONPATH", dir).args(["-c", "refusing.RefusingRecipients"]);
        })
    }

    /// Starts a server that requires `AUTH` as user `desk` with password `p:ss w0rd` (on
    /// loopback without TLS, which the client allows only there).
    fn start_requiring_login() -> SmtpServer {
        Self::spawn(|command, dir, port| {
            let script = "import sys, time\n\
                from aiosmtpd.controller import Controller\n\
                from aiosmtpd.handlers import Mailbox\n\
                from aiosmtpd.smtp import AuthResult, LoginPassword\n\
                def check(server, session, envelope, mechanism, data):\n    \
                    ok = isinstance(data, LoginPassword) and data.login == b'desk' and data.password == b'p:ss w0rd'\n    \
                    return AuthResult(success=ok, handled=False)\n\
                Controller(Mailbox(sys.argv[2]), hostname='127.0.0.1', port=int(sys.argv[1]), authenticator=check,\n    \
                    auth_required=True, auth_require_tls=False).start()\n\
                while True:\n    time.sleep(3600)\n";
            std::fs::write(dir.join("login.py"), script).expect("script");
            command.arg(dir.join("login.py")).arg(port.to_string()).arg(dir.join("maildir"));
        })
    }

    fn spawn(configure: impl FnOnce(&mut Command, &std::path::Path, u16)) -> SmtpServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let maildir = dir.path().join("maildir");
        let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("free port").port();
        let python = std::env::var("TUKI_TEST_SMTP_PYTHON").unwrap_or_else(|_| "python3".to_owned());
        let mut command = Command::new(&python);
        configure(&mut command, dir.path(), port);
        let process = command
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {python} -m aiosmtpd ({e}); run .ci/test, which installs it"));
        let mut server = SmtpServer { process, port, maildir, _dir: dir };
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return server;
            }
            if let Ok(Some(status)) = server.process.try_wait() {
                panic!("aiosmtpd exited with {status}: is it installed for {python}? (.ci/test installs it)");
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        panic!("aiosmtpd did not listen on port {port}");
    }

    fn url(&self, scheme: &str) -> String {
        format!("{scheme}://127.0.0.1:{}", self.port)
    }

    /// The next message the server stored (waits up to 10 s).
    async fn first_message(&self) -> String {
        wait_for_mail(&self.maildir.join("new"), |_| true).await
    }

    fn received(&self) -> usize {
        std::fs::read_dir(self.maildir.join("new")).map_or(0, |entries| entries.count())
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// The mail still due in the portal's outbox, once the mailer has had up to 10 s to mark what
/// it delivered.
async fn outbox_after_delivery(app: &TestApp) -> Vec<tuki::mail::QueuedMail> {
    let store = tuki::store::testing::store_of(&app.state.portal);
    for _ in 0..100 {
        let pending = store.due_mail(i64::MAX, 10).await.expect("outbox");
        if pending.is_empty() {
            return pending;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    store.due_mail(i64::MAX, 10).await.expect("outbox")
}

fn smtp_mail(url: &str, ca_pem: Option<&str>) -> MailConfig {
    let client =
        SmtpClient::new(url.parse().expect("SMTP URL"), "tuki.test", ca_pem.map(str::as_bytes)).expect("SMTP client");
    MailConfig { from: "Tuki <tuki@bank.test>".to_owned(), delivery: Delivery::Smtp(client) }
}

/// A CA, and a certificate for `localhost` and 127.0.0.1 that it signed (chain and key PEM).
fn private_ca() -> (String, String, String) {
    use rcgen::{BasicConstraints, CertificateParams, IsCa, Issuer, KeyPair};
    let ca_key = KeyPair::generate().expect("CA key");
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).expect("CA params");
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca_certificate = ca_params.self_signed(&ca_key).expect("CA certificate");
    let issuer = Issuer::new(ca_params, ca_key);
    let key = KeyPair::generate().expect("key");
    let params = CertificateParams::new(vec!["localhost".to_owned(), "127.0.0.1".to_owned()]).expect("params");
    let certificate = params.signed_by(&key, &issuer).expect("certificate");
    (ca_certificate.pem(), certificate.pem(), key.serialize_pem())
}

/// Walks the e-invoice form to a ticket whose customer wants replies in Swedish.
async fn submit_ticket(app: &TestApp) {
    let step = app.start_form("fi", "e-invoice").await;
    let (_, check) = app.post_form(&step, &[("topic", "start"), ("biller", "Sähkö Oy")]).await;
    let (_, done) = app.post_form(&check.replace("/check", "/contact"), &CONTACT).await;
    assert!(done.ends_with("/done"), "{done}");
}

#[tokio::test]
async fn the_confirmation_mail_arrives_at_the_smtp_server_in_the_reply_language_with_a_working_link() {
    for backend in backends() {
        let smtp = SmtpServer::start(None);
        let app = spawn_app_with_mail(backend, smtp_mail(&smtp.url("smtp"), None)).await;
        submit_ticket(&app).await;
        let message = smtp.first_message().await;
        assert!(message.contains("X-MailFrom: tuki@bank.test"), "envelope sender: {message}");
        assert!(message.contains("X-RcptTo: maija@example.fi"), "envelope recipient: {message}");
        assert!(message.contains("From: Tuki <tuki@bank.test>"), "{message}");
        let text = mail_text(&message);
        assert!(text.starts_with("Hej,\n") && !text.contains("Maija"), "{text}");
        let link = text.lines().find(|l| l.contains("/tickets/")).expect("status link").trim().to_owned();
        let path = link.strip_prefix(&app.address).expect("the link points to this portal");
        let (status, body) = app.page(path).await;
        assert_eq!(status, 200, "{backend:?}");
        assert!(body.contains("Sähkö Oy") && body.contains("Mottaget"), "status page");
        // Sent once: the outbox row is marked (the mailer does so after the server's answer to
        // the message, which can come after the message is in the maildir), nothing is written to
        // the folder instead.
        let pending = outbox_after_delivery(&app).await;
        assert!(pending.is_empty(), "{pending:?}");
        assert_eq!(smtp.received(), 1);
        assert!(!app.state.portal.config().data_dir.join("outbox").exists());
        app.stop().await;
    }
}

#[tokio::test]
async fn starttls_delivers_to_a_relay_whose_certificate_a_trusted_ca_signed() {
    let (ca, certificate, key) = private_ca();
    let smtp = SmtpServer::start(Some((&certificate, &key)));
    let app = spawn_app_with_mail(Backend::Sqlite, smtp_mail(&smtp.url("smtp+starttls"), Some(&ca))).await;
    submit_ticket(&app).await;
    let text = mail_text(&smtp.first_message().await);
    assert!(text.starts_with("Hej,\n") && !text.contains("Maija"), "{text}");
    app.stop().await;
}

/// The outbox row once its first delivery attempt failed: attempts, sent_at, last error.
async fn after_first_failure(app: &TestApp) -> (i64, Option<i64>, String) {
    let pool = tuki::store::testing::store_of(&app.state.portal).pool();
    for _ in 0..100 {
        let row: Option<(i64, Option<i64>, Option<String>)> =
            sqlx::query_as("SELECT attempts, sent_at, last_error FROM outbox").fetch_optional(pool).await.expect("row");
        if let Some((attempts @ 1.., sent_at, error)) = row {
            return (attempts, sent_at, error.unwrap_or_default());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("no failed delivery recorded");
}

#[tokio::test]
async fn mail_stays_in_the_outbox_when_the_relays_certificate_is_not_trusted() {
    let (_, certificate, key) = private_ca();
    let smtp = SmtpServer::start(Some((&certificate, &key)));
    // No CA file: the relay's certificate is signed by nobody the client trusts.
    let app = spawn_app_with_mail(Backend::Sqlite, smtp_mail(&smtp.url("smtp+starttls"), None)).await;
    submit_ticket(&app).await;
    let (_, sent_at, error) = after_first_failure(&app).await;
    assert!(sent_at.is_none() && error.contains("TLS"), "{error}");
    assert_eq!(smtp.received(), 0);
    app.stop().await;
}

#[tokio::test]
async fn mail_stays_in_the_outbox_while_the_relay_cannot_be_reached_and_goes_once_it_can() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("port").port();
    let app = spawn_app_with_mail(Backend::Sqlite, smtp_mail(&format!("smtp://127.0.0.1:{closed}"), None)).await;
    submit_ticket(&app).await;
    let (_, sent_at, error) = after_first_failure(&app).await;
    assert!(sent_at.is_none() && error.contains("SMTP connection"), "{error}");
    // The relay is back: the retry delivers it.
    let smtp = SmtpServer::start(None);
    let portal = &app.state.portal;
    sqlx::query("UPDATE outbox SET next_attempt_at = 0")
        .execute(tuki::store::testing::store_of(portal).pool())
        .await
        .expect("due now");
    deliver_due(portal, &smtp_mail(&smtp.url("smtp"), None)).await.expect("outbox readable");
    let text = mail_text(&smtp.first_message().await);
    assert!(text.starts_with("Hej,\n") && !text.contains("Maija"), "{text}");
    app.stop().await;
}

#[tokio::test]
async fn a_mail_the_relay_refuses_for_good_is_abandoned_with_the_reason_and_not_retried() {
    let smtp = SmtpServer::start_refusing_recipients();
    let app = spawn_app_with_mail(Backend::Sqlite, smtp_mail(&smtp.url("smtp"), None)).await;
    submit_ticket(&app).await;
    let pool = tuki::store::testing::store_of(&app.state.portal).pool();
    let mut row: (Option<i64>, i64, Option<String>) = (None, 0, None);
    for _ in 0..100 {
        row =
            sqlx::query_as("SELECT abandoned_at, attempts, last_error FROM outbox").fetch_one(pool).await.expect("row");
        if row.0.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let (abandoned_at, attempts, error) = row;
    assert!(abandoned_at.is_some(), "abandoned");
    assert_eq!(attempts, 1, "tried once");
    assert!(error.is_some_and(|e| e.contains("550")), "the relay's answer is kept");
    assert!(
        tuki::store::testing::store_of(&app.state.portal).due_mail(i64::MAX, 10).await.expect("outbox").is_empty(),
        "never due again"
    );
    // The ticket itself is there: a mail that cannot go never takes the ticket with it.
    assert_eq!(tuki::store::testing::store_of(&app.state.portal).ticket_count().await.expect("count"), 1);
    app.stop().await;
}

#[tokio::test]
async fn the_portal_logs_in_to_a_relay_that_requires_it_and_a_wrong_password_keeps_the_mail_queued() {
    let smtp = SmtpServer::start_requiring_login();
    let url = |password: &str| format!("smtp://desk:{password}@127.0.0.1:{}", smtp.port);
    // The wrong password first: refused (535), kept, retried later.
    let app = spawn_app_with_mail(Backend::Sqlite, smtp_mail(&url("wrong"), None)).await;
    submit_ticket(&app).await;
    let (_, sent_at, error) = after_first_failure(&app).await;
    assert!(sent_at.is_none() && error.contains("535"), "{error}");
    assert_eq!(smtp.received(), 0);
    // The right one (percent-encoded in the URL) delivers it.
    let portal = &app.state.portal;
    sqlx::query("UPDATE outbox SET next_attempt_at = 0")
        .execute(tuki::store::testing::store_of(portal).pool())
        .await
        .expect("due now");
    deliver_due(portal, &smtp_mail(&url("p%3Ass%20w0rd"), None)).await.expect("outbox readable");
    let text = mail_text(&smtp.first_message().await);
    assert!(text.starts_with("Hej,\n") && !text.contains("Maija"), "{text}");
    app.stop().await;
}

#[test]
fn unusable_mail_settings_stop_the_server_from_starting_with_the_reason() {
    use clap::Parser;
    use tuki_server::cli::{Cli, Command};
    let cases = [
        (vec!["--mail-from", "Tuki <nobody>"], "TUKI_MAIL_FROM"),
        (vec!["--smtp-url", "mail.bank.fi:25"], "smtp://"),
        (vec!["--smtp-url", "smtps://mail.bank.fi:0"], "port"),
        (vec!["--smtp-url", "smtps://mail", "--smtp-ca-file", "/nonexistent.pem"], "TUKI_SMTP_CA_FILE"),
    ];
    for (args, reason) in cases {
        let cli = Cli::try_parse_from(["tuki", "serve"].into_iter().chain(args.iter().copied())).expect("parses");
        let Command::Serve(serve) = &cli.command else { panic!("serve") };
        let error = tuki_server::ServeConfig::from_cli(&cli.global, serve).expect_err("refused").to_string();
        assert!(error.contains(reason), "{args:?}: {error}");
    }
}
