//! The outbox's SMTP relay: `TUKI_SMTP_URL` parsed and checked here, the protocol spoken by
//! lettre (plain, STARTTLS or implicit TLS on rustls, optional `AUTH PLAIN`), and lettre's
//! errors sorted into what retrying can and cannot fix.

use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{Certificate, CertificateStore, Tls, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::fmt;
use std::str::FromStr;
use std::time::Duration;

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
    /// The relay could not be reached, or the connection broke.
    #[error("SMTP connection: {0}")]
    Connection(String),
    /// The TLS handshake failed (e.g. a certificate nobody trusted signed).
    #[error("SMTP TLS: {0}")]
    Tls(String),
    /// The relay answered a command with an error.
    #[error("SMTP relay answered {code}: {text}")]
    Refused {
        /// The reply code.
        code: u16,
        /// The reply text.
        text: String,
    },
    /// The mail cannot be put into a message (an address the relay could never take).
    #[error("SMTP message: {0}")]
    Message(String),
}

impl SmtpError {
    /// Retrying the same mail will not help: the relay refused it for good (5xx), or it
    /// cannot be made into a message. A refused login (530/534/535) is not the mail's fault:
    /// it waits for the right password.
    pub fn is_permanent(&self) -> bool {
        match self {
            SmtpError::Refused { code, .. } => (500..600).contains(code) && !matches!(code, 530 | 534 | 535),
            SmtpError::Message(_) => true,
            SmtpError::Connection(_) | SmtpError::Tls(_) => false,
        }
    }
}

impl From<lettre::transport::smtp::Error> for SmtpError {
    fn from(error: lettre::transport::smtp::Error) -> SmtpError {
        let text = error.to_string();
        match error.status() {
            Some(code) => SmtpError::Refused { code: code.to_string().parse().unwrap_or(0), text },
            None if error.is_tls() || caused_by_tls(&error) => SmtpError::Tls(text),
            None => SmtpError::Connection(text),
        }
    }
}

/// True when a rustls error (an untrusted certificate, a failed handshake) is among the
/// causes of `error`: lettre reports those as connection errors.
fn caused_by_tls(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut cause = Some(error);
    while let Some(current) = cause {
        let io_inner = current.downcast_ref::<std::io::Error>().and_then(|io| io.get_ref());
        if current.is::<rustls::Error>() || io_inner.is_some_and(|inner| inner.is::<rustls::Error>()) {
            return true;
        }
        cause = current.source();
    }
    false
}

/// Sends mail to one relay with one configuration, a connection per mail (lettre without its
/// pool, which would need a runtime to exist when the configuration is read).
#[derive(Clone)]
pub struct SmtpClient {
    url: SmtpUrl,
    transport: std::sync::Arc<AsyncSmtpTransport<Tokio1Executor>>,
}

impl fmt::Debug for SmtpClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmtpClient").field("url", &self.url).finish()
    }
}

/// How long the relay gets to answer each command.
const TIMEOUT: Duration = Duration::from_secs(30);

impl SmtpClient {
    /// A client for `url`, greeting the relay as `helo_name`. TLS trusts the Mozilla root
    /// certificates and, when given, the PEM certificates in `extra_roots_pem` (a private
    /// CA). A password is never sent without TLS to a relay that is not on this host.
    pub fn new(url: SmtpUrl, helo_name: &str, extra_roots_pem: Option<&[u8]>) -> anyhow::Result<SmtpClient> {
        use rustls_pki_types::CertificateDer;
        use rustls_pki_types::pem::PemObject;
        anyhow::ensure!(
            url.credentials.is_none() || url.security != Security::Plain || is_loopback(&url.host),
            "refusing to send the SMTP password without TLS to the remote relay {}",
            url.host
        );
        let mut tls = TlsParameters::builder(url.host.clone()).certificate_store(CertificateStore::WebpkiRoots);
        if let Some(pem) = extra_roots_pem {
            let mut added = 0;
            for certificate in CertificateDer::pem_slice_iter(pem) {
                tls = tls.add_root_certificate(Certificate::from_der(certificate?.to_vec())?);
                added += 1;
            }
            anyhow::ensure!(added > 0, "the CA file holds no PEM certificate");
        }
        let tls = tls.build_rustls()?;
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(url.host.as_str())
            .port(url.port)
            .hello_name(ClientId::Domain(helo_name.to_owned()))
            .timeout(Some(TIMEOUT))
            .tls(match url.security {
                Security::Plain => Tls::None,
                Security::StartTls => Tls::Required(tls),
                Security::Tls => Tls::Wrapper(tls),
            });
        if let Some((user, password)) = &url.credentials {
            builder = builder
                .credentials(Credentials::new(user.clone(), password.clone()))
                .authentication(vec![Mechanism::Plain]);
        }
        Ok(SmtpClient { transport: std::sync::Arc::new(builder.build()), url })
    }

    /// The relay this client talks to.
    pub fn url(&self) -> &SmtpUrl {
        &self.url
    }

    /// Sends `message` to the recipients its headers name.
    pub async fn send(&self, message: Message) -> Result<(), SmtpError> {
        self.transport.send(message).await?;
        Ok(())
    }
}

/// True for a relay on this host, where a password without TLS never leaves the machine.
fn is_loopback(host: &str) -> bool {
    host == "localhost" || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
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
    fn only_a_5xx_refusal_of_the_mail_is_permanent_and_a_refused_login_is_not() {
        let refused = |code| SmtpError::Refused { code, text: String::new() };
        assert!(refused(550).is_permanent());
        assert!(!refused(451).is_permanent());
        assert!(!refused(535).is_permanent(), "the right password may come");
        assert!(!SmtpError::Connection("refused".into()).is_permanent());
    }

    #[test]
    fn a_password_is_never_sent_in_plain_text_to_a_remote_relay() -> anyhow::Result<()> {
        assert!(SmtpClient::new("smtp://u:p@mail.bank.fi".parse()?, "tuki", None).is_err());
        assert!(SmtpClient::new("smtp://u:p@127.0.0.1:2525".parse()?, "tuki", None).is_ok());
        assert!(SmtpClient::new("smtp+starttls://u:p@mail.bank.fi".parse()?, "tuki", None).is_ok());
        Ok(())
    }

    #[test]
    fn the_bare_address_is_taken_from_between_angle_brackets() {
        assert_eq!(bare_address("Tuki <no-reply@tuki.invalid>"), "no-reply@tuki.invalid");
        assert_eq!(bare_address(" desk@bank.fi "), "desk@bank.fi");
    }
}
