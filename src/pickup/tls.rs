//! HTTPS for the portal: an axum [`Listener`] that accepts TCP and runs
//! each TLS handshake in its own task (with a timeout), so a slow or
//! silent client never holds up the others. ALPN offers only http/1.1.

use axum::extract::connect_info::Connected;
use axum::serve::{IncomingStream, Listener};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio_rustls::server::TlsStream;

/// Most finished handshakes waiting to be served.
const READY_QUEUE: usize = 256;

/// The peer of a portal connection.
#[derive(Clone, Copy, Debug)]
pub struct ClientAddr(pub SocketAddr);

impl Connected<IncomingStream<'_, TlsListener>> for ClientAddr {
    fn connect_info(stream: IncomingStream<'_, TlsListener>) -> Self {
        *stream.remote_addr()
    }
}

pub struct TlsListener {
    tcp: TcpListener,
    acceptor: tokio_rustls::TlsAcceptor,
    handshake_timeout: Duration,
    tx: mpsc::Sender<(TlsStream<TcpStream>, SocketAddr)>,
    rx: mpsc::Receiver<(TlsStream<TcpStream>, SocketAddr)>,
}

impl TlsListener {
    /// Wrap a bound listener; `tls` is the server's certificate config
    /// (ALPN is set to http/1.1 on a copy).
    pub fn new(tcp: TcpListener, tls: &rustls::ServerConfig, handshake_timeout: Duration) -> Self {
        let mut config = tls.clone();
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        let (tx, rx) = mpsc::channel(READY_QUEUE);
        TlsListener {
            tcp,
            acceptor: tokio_rustls::TlsAcceptor::from(Arc::new(config)),
            handshake_timeout,
            tx,
            rx,
        }
    }
}

impl Listener for TlsListener {
    type Io = TlsStream<TcpStream>;
    type Addr = ClientAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            tokio::select! {
                ready = self.rx.recv() => {
                    if let Some((stream, addr)) = ready {
                        return (stream, ClientAddr(addr));
                    }
                }
                accepted = self.tcp.accept() => match accepted {
                    Ok((tcp, addr)) => {
                        let _ = tcp.set_nodelay(true);
                        let acceptor = self.acceptor.clone();
                        let tx = self.tx.clone();
                        let limit = self.handshake_timeout;
                        tokio::spawn(async move {
                            if let Ok(Ok(stream)) =
                                tokio::time::timeout(limit, acceptor.accept(tcp)).await
                            {
                                let _ = tx.send((stream, addr)).await;
                            }
                        });
                    }
                    // Out of file descriptors and the like: back off briefly.
                    Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
                },
            }
        }
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        self.tcp.local_addr().map(ClientAddr)
    }
}
