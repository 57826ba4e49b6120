//! A small SMTP client (RFC 5321) for the outbox: one connection per delivery round, plain,
//! STARTTLS or implicit TLS, optional `AUTH PLAIN`. It speaks only what a relay needs: `EHLO`,
//! `STARTTLS`, `AUTH`, `MAIL`, `RCPT`, `DATA`, `RSET`, `QUIT`.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// How the connection to the relay is protected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Security {
    /// `smtp://`: no TLS (a relay on the same host or a private network); default port 25.
    Plain,
    /// `smtp+starttls://`: TLS required through `STARTTLS`; default port 587.
    StartTls,
    /// `smtps://`: TLS from the first byte; default port 465.
    Tls,
}

/// `TUKI_SMTP_URL`, checked: `smtp://`, `smtp+starttls://` or `smtps://`, optional
/// percent-encoded `user:password@`, a host and an optional port.
#[derive(Clone, PartialEq, Eq)]
pub struct SmtpUrl {
    /// Connection security.
    pub security: Security,
    /// Host name or IP address (without brackets).
    pub host: String,
    /// TCP port.
    pub port: u16,
    /// User name and password for `AUTH PLAIN`.
    pub credentials: Option<(String, String)>,
}

impl fmt::Debug for SmtpUrl {
    // The password stays out of logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmtpUrl")
            .field("security", &self.security)
            .field("host", &self.host)
            .field("port", &self.port)
            .field("user", &self.credentials.as_ref().map(|(user, _)| user))
            .finish()
    }
}

/// Why a `TUKI_SMTP_URL` cannot be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SmtpUrlError {
    /// The scheme is not one of the three.
    #[error("TUKI_SMTP_URL must start with smtp://, smtp+starttls:// or smtps://")]
    Scheme,
    /// No host.
    #[error("TUKI_SMTP_URL has no host")]
    Host,
    /// The port is not a number from 1 to 65535.
    #[error("TUKI_SMTP_URL has an invalid port")]
    Port,
    /// A path, query or fragment, which mean nothing here.
    #[error("TUKI_SMTP_URL must not have a path or query")]
    Path,
    /// Bad percent-encoding in the user or password.
    #[error("TUKI_SMTP_URL has invalid percent-encoding in the user or password")]
    Encoding,
}

impl FromStr for SmtpUrl {
    type Err = SmtpUrlError;

    fn from_str(url: &str) -> Result<SmtpUrl, SmtpUrlError> {
        let (security, rest, default_port) = if let Some(rest) = url.strip_prefix("smtp://") {
            (Security::Plain, rest, 25)
        } else if let Some(rest) = url.strip_prefix("smtp+starttls://") {
            (Security::StartTls, rest, 587)
        } else if let Some(rest) = url.strip_prefix("smtps://") {
            (Security::Tls, rest, 465)
        } else {
            return Err(SmtpUrlError::Scheme);
        };
        let rest = rest.strip_suffix('/').unwrap_or(rest);
        if rest.contains(['/', '?', '#']) {
            return Err(SmtpUrlError::Path);
        }
        let (credentials, host_port) = match rest.rsplit_once('@') {
            Some((userinfo, host_port)) => {
                let (user, password) = userinfo.split_once(':').unwrap_or((userinfo, ""));
                (Some((percent_decode(user)?, percent_decode(password)?)), host_port)
            }
            None => (None, rest),
        };
        let (host, port) = if let Some(bracketed) = host_port.strip_prefix('[') {
            let (host, after) = bracketed.split_once(']').ok_or(SmtpUrlError::Host)?;
            (host, after.strip_prefix(':'))
        } else {
            match host_port.rsplit_once(':') {
                Some((host, port)) => (host, Some(port)),
                None => (host_port, None),
            }
        };
        if host.is_empty() {
            return Err(SmtpUrlError::Host);
        }
        let port = match port {
            None => default_port,
            Some(port) => port.parse::<u16>().ok().filter(|p| *p > 0).ok_or(SmtpUrlError::Port)?,
        };
        Ok(SmtpUrl { security, host: host.to_owned(), port, credentials })
    }
}

fn percent_decode(text: &str) -> Result<String, SmtpUrlError> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3).ok_or(SmtpUrlError::Encoding)?;
            decoded.push(u8::from_str_radix(hex, 16).map_err(|_| SmtpUrlError::Encoding)?);
            i += 3;
        } else {
            decoded.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(decoded).map_err(|_| SmtpUrlError::Encoding)
}

/// What went wrong talking to the relay.
#[derive(Debug, thiserror::Error)]
pub enum SmtpError {
    /// The connection failed or broke.
    #[error("SMTP connection: {0}")]
    Io(#[from] std::io::Error),
    /// The relay did not answer in time.
    #[error("SMTP relay did not answer within {0:?}")]
    Timeout(Duration),
    /// The relay refused a command.
    #[error("SMTP relay answered {code} to {command}: {text}")]
    Refused {
        /// The command that was refused.
        command: &'static str,
        /// The reply code.
        code: u16,
        /// The reply text.
        text: String,
    },
    /// The relay broke the protocol (or STARTTLS was required and not offered).
    #[error("SMTP protocol: {0}")]
    Protocol(String),
    /// The TLS handshake failed.
    #[error("SMTP TLS: {0}")]
    Tls(String),
}

impl SmtpError {
    /// A 5xx reply to the envelope or the message: retrying the same mail will not help.
    pub fn is_permanent(&self) -> bool {
        matches!(self, SmtpError::Refused { command, code: 500..=599, .. } if matches!(*command, "MAIL" | "RCPT" | "DATA" | "message"))
    }
}

/// Connects to one relay with one configuration.
#[derive(Clone)]
pub struct SmtpClient {
    url: SmtpUrl,
    tls: Arc<tokio_rustls::rustls::ClientConfig>,
    helo_name: String,
    timeout: Duration,
}

impl fmt::Debug for SmtpClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmtpClient").field("url", &self.url).field("helo_name", &self.helo_name).finish()
    }
}

/// The byte stream under a session: TCP, or TLS over TCP.
trait Wire: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Wire for T {}

impl SmtpClient {
    /// A client for `url`. TLS trusts the Mozilla root certificates and, when given, the
    /// PEM certificates in `extra_roots_pem` (a private CA).
    pub fn new(url: SmtpUrl, helo_name: &str, extra_roots_pem: Option<&[u8]>) -> anyhow::Result<SmtpClient> {
        use tokio_rustls::rustls::{self, pki_types::CertificateDer, pki_types::pem::PemObject};
        let mut roots = rustls::RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() };
        if let Some(pem) = extra_roots_pem {
            let mut added = 0;
            for certificate in CertificateDer::pem_slice_iter(pem) {
                roots.add(certificate?)?;
                added += 1;
            }
            anyhow::ensure!(added > 0, "the CA file holds no PEM certificate");
        }
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let tls = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()?
            .with_root_certificates(roots)
            .with_no_client_auth();
        Ok(SmtpClient { url, tls: Arc::new(tls), helo_name: helo_name.to_owned(), timeout: Duration::from_secs(30) })
    }

    /// The relay this client talks to.
    pub fn url(&self) -> &SmtpUrl {
        &self.url
    }

    /// Connects, greets, secures and authenticates: a session ready for mail.
    pub async fn connect(&self) -> Result<SmtpSession, SmtpError> {
        let tcp = self.timed(TcpStream::connect((self.url.host.as_str(), self.url.port))).await??;
        tcp.set_nodelay(true)?;
        let wire: Box<dyn Wire> = match self.url.security {
            Security::Tls => Box::new(self.tls_handshake(tcp).await?),
            Security::Plain | Security::StartTls => Box::new(tcp),
        };
        let mut session = SmtpSession { stream: BufReader::new(wire), timeout: self.timeout };
        session.reply("greeting", 220).await?;
        let mut extensions = session.ehlo(&self.helo_name).await?;
        if self.url.security == Security::StartTls {
            if !extensions.iter().any(|e| e.eq_ignore_ascii_case("STARTTLS")) {
                return Err(SmtpError::Protocol("the relay does not offer STARTTLS".into()));
            }
            session.command("STARTTLS", "STARTTLS", 220).await?;
            // Anything the relay sent after its reply would be plaintext smuggled into the
            // TLS session (CVE-2011-0411 and friends).
            if !session.stream.buffer().is_empty() {
                return Err(SmtpError::Protocol("data after the STARTTLS reply".into()));
            }
            let plain = session.stream.into_inner();
            let secured: Box<dyn Wire> = Box::new(self.tls_handshake(plain).await?);
            session = SmtpSession { stream: BufReader::new(secured), timeout: self.timeout };
            extensions = session.ehlo(&self.helo_name).await?;
        }
        if let Some((user, password)) = &self.url.credentials {
            if self.url.security == Security::Plain && !is_loopback(&self.url.host) {
                return Err(SmtpError::Protocol("refusing to send a password without TLS to a remote relay".into()));
            }
            let offers_plain = extensions.iter().any(|e| {
                let mut words = e.split_ascii_whitespace();
                words.next().is_some_and(|w| w.eq_ignore_ascii_case("AUTH"))
                    && words.any(|w| w.eq_ignore_ascii_case("PLAIN"))
            });
            if !offers_plain {
                return Err(SmtpError::Protocol("the relay does not offer AUTH PLAIN".into()));
            }
            session.command("AUTH", &auth_plain(user, password), 235).await?;
        }
        Ok(session)
    }

    async fn tls_handshake<S: AsyncRead + AsyncWrite + Unpin>(
        &self,
        stream: S,
    ) -> Result<tokio_rustls::client::TlsStream<S>, SmtpError> {
        use tokio_rustls::rustls::pki_types::ServerName;
        let name = ServerName::try_from(self.url.host.clone()).map_err(|e| SmtpError::Tls(e.to_string()))?;
        let connector = tokio_rustls::TlsConnector::from(self.tls.clone());
        self.timed(connector.connect(name, stream)).await?.map_err(|e| SmtpError::Tls(e.to_string()))
    }

    async fn timed<F: Future>(&self, future: F) -> Result<F::Output, SmtpError> {
        tokio::time::timeout(self.timeout, future).await.map_err(|_| SmtpError::Timeout(self.timeout))
    }
}

fn is_loopback(host: &str) -> bool {
    host == "localhost" || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// `AUTH PLAIN` with the initial response (RFC 4616).
fn auth_plain(user: &str, password: &str) -> String {
    use base64::Engine;
    let token = base64::engine::general_purpose::STANDARD.encode(format!("\0{user}\0{password}"));
    format!("AUTH PLAIN {token}")
}

/// An open, greeted connection to the relay.
pub struct SmtpSession {
    stream: BufReader<Box<dyn Wire>>,
    timeout: Duration,
}

impl SmtpSession {
    /// Sends one message from `from` to `to` (bare addresses). `message` is the RFC 5322
    /// message with CRLF line ends; it is dot-stuffed here. After a refusal the session is
    /// reset and can send the next message.
    pub async fn send(&mut self, from: &str, to: &str, message: &str) -> Result<(), SmtpError> {
        let result = self.transaction(from, to, message).await;
        if let Err(SmtpError::Refused { .. }) = result {
            // A refused envelope leaves the session usable once reset.
            self.command("RSET", "RSET", 250).await?;
        }
        result
    }

    async fn transaction(&mut self, from: &str, to: &str, message: &str) -> Result<(), SmtpError> {
        for address in [from, to] {
            if address.contains(['<', '>', '\r', '\n']) || address.is_empty() {
                return Err(SmtpError::Protocol(format!("invalid address {address:?}")));
            }
        }
        self.command("MAIL", &format!("MAIL FROM:<{from}>"), 250).await?;
        self.command("RCPT", &format!("RCPT TO:<{to}>"), 250).await?;
        self.command("DATA", "DATA", 354).await?;
        let body = dot_stuff(message);
        self.timed_write(body.as_bytes()).await?;
        self.reply("message", 250).await?;
        Ok(())
    }

    /// Says goodbye; errors are of no interest any more.
    pub async fn quit(mut self) {
        let _ = self.command("QUIT", "QUIT", 221).await;
    }

    async fn ehlo(&mut self, name: &str) -> Result<Vec<String>, SmtpError> {
        self.timed_write(format!("EHLO {name}\r\n").as_bytes()).await?;
        let lines = self.reply("EHLO", 250).await?;
        Ok(lines.into_iter().skip(1).collect())
    }

    async fn command(&mut self, name: &'static str, line: &str, expected: u16) -> Result<Vec<String>, SmtpError> {
        self.timed_write(format!("{line}\r\n").as_bytes()).await?;
        self.reply(name, expected).await
    }

    async fn timed_write(&mut self, bytes: &[u8]) -> Result<(), SmtpError> {
        let stream = self.stream.get_mut();
        tokio::time::timeout(self.timeout, async {
            stream.write_all(bytes).await?;
            stream.flush().await
        })
        .await
        .map_err(|_| SmtpError::Timeout(self.timeout))??;
        Ok(())
    }

    /// Reads one (possibly multi-line) reply and checks its code; returns the text of each line.
    async fn reply(&mut self, command: &'static str, expected: u16) -> Result<Vec<String>, SmtpError> {
        let mut lines = Vec::new();
        loop {
            let mut line = String::new();
            let read = tokio::time::timeout(self.timeout, (&mut self.stream).take(4096).read_line(&mut line))
                .await
                .map_err(|_| SmtpError::Timeout(self.timeout))??;
            if read == 0 {
                return Err(SmtpError::Protocol(format!("connection closed waiting for the reply to {command}")));
            }
            let line = line.trim_end_matches(['\r', '\n']);
            let (code, separator, text) = match (line.get(..3).map(str::parse::<u16>), line.as_bytes().get(3)) {
                (Some(Ok(code)), Some(separator)) => (code, *separator, &line[4..]),
                (Some(Ok(code)), None) => (code, b' ', ""),
                _ => return Err(SmtpError::Protocol(format!("malformed reply {line:?} to {command}"))),
            };
            lines.push(text.to_owned());
            if separator == b'-' {
                continue;
            }
            if code != expected {
                return Err(SmtpError::Refused { command, code, text: lines.join(" ") });
            }
            return Ok(lines);
        }
    }
}

/// The message as `DATA` wants it: lines starting with `.` doubled, bare LFs made CRLF, and
/// the final `.` line.
fn dot_stuff(message: &str) -> String {
    let mut out = String::with_capacity(message.len() + 64);
    for line in message.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.starts_with('.') {
            out.push('.');
        }
        out.push_str(line);
        out.push_str("\r\n");
    }
    // `split` yields an empty last piece when the message ends with a newline.
    if message.ends_with('\n') {
        out.truncate(out.len() - 2);
    }
    out.push_str(".\r\n");
    out
}

/// The bare address of a `Name <address>` mailbox (or the text itself when it has no `<…>`).
pub fn bare_address(mailbox: &str) -> &str {
    match (mailbox.rfind('<'), mailbox.rfind('>')) {
        (Some(start), Some(end)) if start < end => &mailbox[start + 1..end],
        _ => mailbox.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smtp_urls_give_security_host_port_and_decoded_credentials() -> Result<(), SmtpUrlError> {
        let url: SmtpUrl = "smtp+starttls://desk%40bank.fi:p%3Ass@mail.bank.fi".parse()?;
        assert_eq!(url.security, Security::StartTls);
        assert_eq!((url.host.as_str(), url.port), ("mail.bank.fi", 587));
        assert_eq!(url.credentials, Some(("desk@bank.fi".to_owned(), "p:ss".to_owned())));
        let url: SmtpUrl = "smtps://[::1]:2465/".parse()?;
        assert_eq!((url.security, url.host.as_str(), url.port), (Security::Tls, "::1", 2465));
        let url: SmtpUrl = "smtp://127.0.0.1".parse()?;
        assert_eq!((url.security, url.port, url.credentials), (Security::Plain, 25, None));
        Ok(())
    }

    #[test]
    fn bad_smtp_urls_are_refused_with_the_reason() {
        let cases = [
            ("http://mail", SmtpUrlError::Scheme),
            ("smtp://", SmtpUrlError::Host),
            ("smtp://mail:0", SmtpUrlError::Port),
            ("smtp://mail:99999", SmtpUrlError::Port),
            ("smtp://mail/inbox", SmtpUrlError::Path),
            ("smtp://a%zz:b@mail", SmtpUrlError::Encoding),
        ];
        for (url, expected) in cases {
            assert_eq!(url.parse::<SmtpUrl>(), Err(expected), "{url}");
        }
    }

    #[test]
    fn the_password_never_appears_in_debug_output() -> Result<(), SmtpUrlError> {
        let url: SmtpUrl = "smtps://user:secret@mail".parse()?;
        assert!(!format!("{url:?}").contains("secret"));
        Ok(())
    }

    #[test]
    fn lines_starting_with_a_dot_are_doubled_and_the_message_ends_with_a_dot_line() {
        assert_eq!(dot_stuff("a\r\n.b\r\n"), "a\r\n..b\r\n.\r\n");
        assert_eq!(dot_stuff("a\n."), "a\r\n..\r\n.\r\n");
    }

    #[test]
    fn auth_plain_sends_user_and_password_after_nul_bytes() {
        assert_eq!(auth_plain("tim", "tanstaaftanstaaf"), "AUTH PLAIN AHRpbQB0YW5zdGFhZnRhbnN0YWFm");
    }

    #[test]
    fn only_5xx_replies_to_a_mail_are_permanent() {
        let refused = |command, code| SmtpError::Refused { command, code, text: String::new() };
        assert!(refused("RCPT", 550).is_permanent());
        assert!(!refused("RCPT", 451).is_permanent());
        assert!(!refused("EHLO", 554).is_permanent());
    }

    #[test]
    fn the_bare_address_is_taken_from_between_angle_brackets() {
        assert_eq!(bare_address("Tuki <no-reply@tuki.invalid>"), "no-reply@tuki.invalid");
        assert_eq!(bare_address(" desk@bank.fi "), "desk@bank.fi");
    }
}
