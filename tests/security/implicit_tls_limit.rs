//! Finding: a connection the limiter refused on the implicit-TLS port
//! (465) still got a TLS handshake of up to 300 s.

use super::*;
use std::io::Read;
use std::net::TcpStream;
use std::time::Instant;

#[test]
fn a_refused_connection_on_the_implicit_tls_port_is_closed_before_any_handshake() {
    let rig = Rig::start("max_connections_per_ip = 1", "", "");
    // One connection holds the only slot for 127.0.0.1 (the start-up
    // probe's session may still hold it for a moment: then this one is
    // refused, and we try again).
    let _held = hold_the_slot(rig.implicit);
    // The next one sends nothing: a server that waits for a ClientHello
    // keeps it open; a refusal closes it at once.
    let mut refused = TcpStream::connect(("127.0.0.1", rig.implicit)).unwrap();
    refused
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let start = Instant::now();
    let mut buf = [0u8; 64];
    let n = refused.read(&mut buf);
    assert!(
        matches!(n, Ok(0))
            || matches!(&n, Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset),
        "still open after {:?}: {n:?}",
        start.elapsed()
    );
    assert!(start.elapsed() < Duration::from_secs(5));
}

/// A connection to `port` that the server keeps open (it waits for our
/// TLS hello): it holds the client's only connection slot.
fn hold_the_slot(port: u16) -> TcpStream {
    let start = Instant::now();
    loop {
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        s.set_read_timeout(Some(Duration::from_millis(500)))
            .unwrap();
        let mut buf = [0u8; 16];
        match s.read(&mut buf) {
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                return s
            }
            _ => {}
        }
        assert!(start.elapsed() < Duration::from_secs(30), "no slot to hold");
        std::thread::sleep(Duration::from_millis(200));
    }
}
