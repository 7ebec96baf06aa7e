//! The `TrustAd` backend: a minimal stub client (UDP with EDNS DO, TCP when
//! truncated); the AD bit of the reply is the answer's security.
//!
//! Promises: replies are matched on id and question; a SERVFAIL, REFUSED or
//! malformed reply is a temporary failure, never "no records".

use super::types::{temp, DnsError, Negative, Raw, Security};
use hickory_resolver::proto::op::{Edns, Message, MessageType, OpCode, Query, ResponseCode};
use hickory_resolver::proto::rr::{Name, RecordType};
use std::net::SocketAddr;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpStream, UdpSocket};

/// Largest DNS message accepted over TCP.
const MAX_TCP_MESSAGE: usize = 65_535;

pub(crate) struct AdClient {
    server: SocketAddr,
    timeout: Duration,
    attempts: usize,
}

impl AdClient {
    pub(crate) fn new(server: SocketAddr, timeout: Duration, attempts: usize) -> Self {
        AdClient {
            server,
            timeout,
            attempts: attempts.max(1),
        }
    }

    pub(crate) async fn query(&self, name: &Name, rtype: RecordType) -> Result<Raw, DnsError> {
        let mut last = temp(name, rtype, "no attempt made");
        for _ in 0..self.attempts {
            match tokio::time::timeout(self.timeout, self.once(name, rtype)).await {
                Ok(Ok(raw)) => return Ok(raw),
                Ok(Err(e)) => last = e,
                Err(_) => last = temp(name, rtype, "timeout"),
            }
        }
        Err(last)
    }

    async fn once(&self, name: &Name, rtype: RecordType) -> Result<Raw, DnsError> {
        let id: u16 = rand::random();
        let mut msg = Message::new();
        msg.set_id(id)
            .set_message_type(MessageType::Query)
            .set_op_code(OpCode::Query)
            .set_recursion_desired(true)
            .set_authentic_data(true)
            .add_query(Query::query(name.clone(), rtype));
        let mut edns = Edns::new();
        edns.set_max_payload(1232);
        edns.set_dnssec_ok(true);
        msg.set_edns(edns);
        let wire = msg
            .to_vec()
            .map_err(|e| temp(name, rtype, &e.to_string()))?;
        let io = |e: std::io::Error| temp(name, rtype, &e.to_string());

        let bind: SocketAddr = if self.server.is_ipv4() {
            "0.0.0.0:0".parse().map_err(|_| temp(name, rtype, "bind"))?
        } else {
            "[::]:0".parse().map_err(|_| temp(name, rtype, "bind"))?
        };
        let sock = UdpSocket::bind(bind).await.map_err(io)?;
        sock.connect(self.server).await.map_err(io)?;
        sock.send(&wire).await.map_err(io)?;
        let mut buf = vec![0u8; 4096];
        let reply = loop {
            let n = sock.recv(&mut buf).await.map_err(io)?;
            let Ok(reply) = Message::from_vec(buf.get(..n).unwrap_or(&[])) else {
                continue;
            };
            if reply.id() == id && reply.queries().first().map(|q| q.name()) == Some(name) {
                break reply;
            }
        };
        let reply = if reply.truncated() {
            self.tcp(&wire, id, name, rtype).await?
        } else {
            reply
        };
        classify(reply, name, rtype)
    }

    async fn tcp(
        &self,
        wire: &[u8],
        id: u16,
        name: &Name,
        rtype: RecordType,
    ) -> Result<Message, DnsError> {
        let io = |e: std::io::Error| temp(name, rtype, &e.to_string());
        let mut s = TcpStream::connect(self.server).await.map_err(io)?;
        let len = u16::try_from(wire.len()).map_err(|_| temp(name, rtype, "query too long"))?;
        let mut out = len.to_be_bytes().to_vec();
        out.extend_from_slice(wire);
        s.write_all(&out).await.map_err(io)?;
        let len = s.read_u16().await.map_err(io)? as usize;
        if len > MAX_TCP_MESSAGE {
            return Err(temp(name, rtype, "reply too long"));
        }
        let mut buf = vec![0u8; len];
        s.read_exact(&mut buf).await.map_err(io)?;
        let m = Message::from_vec(&buf).map_err(|e| temp(name, rtype, &e.to_string()))?;
        if m.id() != id {
            return Err(temp(name, rtype, "reply id mismatch"));
        }
        Ok(m)
    }
}

/// Turn a reply into [`Raw`]: AD decides the security of everything in it.
fn classify(mut reply: Message, name: &Name, rtype: RecordType) -> Result<Raw, DnsError> {
    let security = if reply.authentic_data() {
        Security::Secure
    } else {
        Security::Insecure
    };
    let negative = match reply.response_code() {
        ResponseCode::NoError if reply.answers().is_empty() => Some(Negative::NoData),
        ResponseCode::NoError => None,
        ResponseCode::NXDomain => Some(Negative::NxDomain),
        other => return Err(temp(name, rtype, &format!("response code {other}"))),
    };
    Ok(Raw {
        records: reply.take_answers(),
        negative,
        security,
        whole_message: true,
    })
}
