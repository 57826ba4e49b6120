//! Which address a request comes from, for the per-client rate limits and vote counting.
//!
//! Without trusted proxies, it is the TCP peer. Behind a reverse proxy or load balancer every
//! request's peer is the proxy, so every customer would share one bucket: the proxies listed in
//! `TUKI_TRUSTED_PROXIES` are believed about the client in `X-Forwarded-For` (or, without it,
//! the `for=` of `Forwarded`). The chain is read from the right, skipping trusted hops, so a
//! client cannot choose its own address by sending the header itself: the first untrusted
//! hop is the one a trusted proxy saw.

use super::AppState;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use ipnet::IpNet;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::str::FromStr;

/// The networks whose forwarding headers are believed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

/// A `TUKI_TRUSTED_PROXIES` entry that is neither an address nor a network.
#[derive(Debug, thiserror::Error)]
#[error("TUKI_TRUSTED_PROXIES: {0:?} is not an IP address or a network like 10.0.0.0/8")]
pub struct TrustedProxiesError(String);

impl FromStr for TrustedProxies {
    type Err = TrustedProxiesError;

    /// Comma- or space-separated addresses and CIDR networks (`10.0.0.0/8, ::1`).
    fn from_str(list: &str) -> Result<TrustedProxies, TrustedProxiesError> {
        let mut networks = Vec::new();
        for item in list.split([',', ' ']).map(str::trim).filter(|i| !i.is_empty()) {
            let network = match item.parse::<IpNet>() {
                Ok(network) => network,
                Err(_) => item.parse::<IpAddr>().map(IpNet::from).map_err(|_| TrustedProxiesError(item.to_owned()))?,
            };
            networks.push(network);
        }
        Ok(TrustedProxies(networks))
    }
}

impl TrustedProxies {
    fn trusts(&self, address: IpAddr) -> bool {
        let address = canonical(address);
        self.0.iter().any(|network| network.contains(&address))
    }

    /// The client behind `peer`, given the request's headers.
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        if !self.trusts(peer) {
            return canonical(peer);
        }
        let chain = forwarded_chain(headers);
        let mut client = canonical(peer);
        for hop in chain.iter().rev() {
            match hop {
                Some(address) if self.trusts(*address) => client = canonical(*address),
                Some(address) => return canonical(*address),
                // A hop a trusted proxy wrote but that is no address: stop believing the chain.
                None => return client,
            }
        }
        client
    }
}

/// IPv4 addresses seen as IPv6 (`::ffff:10.0.0.1`) as plain IPv4.
fn canonical(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(address, IpAddr::V4),
        v4 => v4,
    }
}

/// The forwarded-for chain, oldest hop first: `X-Forwarded-For`, else `Forwarded: for=`.
fn forwarded_chain(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    let values = |name: &str| -> Vec<String> {
        headers.get_all(name).iter().filter_map(|v| v.to_str().ok()).map(str::to_owned).collect()
    };
    let xff = values("x-forwarded-for");
    if !xff.is_empty() {
        return xff.iter().flat_map(|v| v.split(',')).map(|hop| hop.trim().parse().ok()).collect();
    }
    values("forwarded")
        .iter()
        .flat_map(|v| v.split(','))
        .filter_map(|element| {
            element.split(';').find_map(|pair| {
                let (key, value) = pair.trim().split_once('=')?;
                key.trim().eq_ignore_ascii_case("for").then(|| parse_forwarded_node(value.trim()))
            })
        })
        .collect()
}

/// A `for=` node of RFC 7239: `192.0.2.1`, `"192.0.2.1:4711"`, `"[2001:db8::1]:4711"`.
fn parse_forwarded_node(node: &str) -> Option<IpAddr> {
    let node = node.trim_matches('"');
    if let Some(rest) = node.strip_prefix('[') {
        return rest.split(']').next()?.parse().ok();
    }
    node.parse().ok().or_else(|| node.rsplit_once(':')?.0.parse().ok())
}

/// The client's address as [`TrustedProxies::client`] sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<ClientIp, Infallible> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::from([127, 0, 0, 1]), |ConnectInfo(address)| address.ip());
        Ok(ClientIp(state.trusted_proxies.client(peer, &parts.headers)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_static(value));
        }
        map
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("address")
    }

    #[test]
    fn without_trusted_proxies_the_peer_is_the_client_whatever_the_headers_say() {
        let none = TrustedProxies::default();
        assert_eq!(none.client(ip("203.0.113.9"), &headers(&[("x-forwarded-for", "1.2.3.4")])), ip("203.0.113.9"));
    }

    #[test]
    fn behind_a_trusted_proxy_the_first_untrusted_hop_from_the_right_is_the_client() {
        let proxies: TrustedProxies = "10.0.0.0/8, 192.168.1.1".parse().expect("list");
        let forwarded = headers(&[("x-forwarded-for", "6.6.6.6, 198.51.100.7, 10.1.2.3")]);
        assert_eq!(proxies.client(ip("192.168.1.1"), &forwarded), ip("198.51.100.7"), "the spoofed 6.6.6.6 is ignored");
        assert_eq!(
            proxies.client(ip("::ffff:10.0.0.5"), &headers(&[("x-forwarded-for", "198.51.100.8")])),
            ip("198.51.100.8")
        );
        assert_eq!(proxies.client(ip("10.0.0.5"), &headers(&[])), ip("10.0.0.5"), "no header: the proxy itself");
        assert_eq!(proxies.client(ip("10.0.0.5"), &headers(&[("x-forwarded-for", "garbage")])), ip("10.0.0.5"));
        let rfc = headers(&[("forwarded", "for=\"[2001:db8::7]:4711\";proto=https, for=10.0.0.9")]);
        assert_eq!(proxies.client(ip("10.0.0.5"), &rfc), ip("2001:db8::7"));
        assert_eq!(
            proxies.client(ip("10.0.0.5"), &headers(&[("forwarded", "for=198.51.100.1:80")])),
            ip("198.51.100.1")
        );
    }

    #[test]
    fn a_list_with_something_that_is_no_network_is_refused() {
        assert!("10.0.0.0/8, proxy.local".parse::<TrustedProxies>().is_err());
        assert_eq!("".parse::<TrustedProxies>().expect("empty"), TrustedProxies::default());
    }
}
