//! The byte stream under a session: plain, or TLS after STARTTLS / on an
//! implicit-TLS port, plus the session's input buffer.
//!
//! Promises: one input buffer per session, reused for every line, so the
//! hot path allocates nothing per line; a line longer than the configured
//! limit is reported, never buffered without bound. Fails with `io::Error`
//! from the socket or TLS layer.

use memchr::memchr;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, ReadBuf};
use tokio_rustls::server::TlsStream;

/// A stream that may have been upgraded to TLS.
pub enum Conn<S> {
    Plain(S),
    Tls(Box<TlsStream<S>>),
    /// Only while a STARTTLS handshake owns the stream, or after it failed.
    Gone,
}

impl<S> Conn<S> {
    pub fn is_tls(&self) -> bool {
        matches!(self, Conn::Tls(_))
    }

    /// `TLSv1.3` / `TLSv1.2` once TLS is up.
    pub fn tls_version(&self) -> Option<String> {
        let Conn::Tls(tls) = self else { return None };
        let version = tls.get_ref().1.protocol_version()?;
        Some(match version {
            rustls::ProtocolVersion::TLSv1_3 => "TLSv1.3".to_string(),
            rustls::ProtocolVersion::TLSv1_2 => "TLSv1.2".to_string(),
            other => format!("{other:?}"),
        })
    }

    pub fn tls_cipher(&self) -> Option<String> {
        let Conn::Tls(tls) = self else { return None };
        let suite = tls.get_ref().1.negotiated_cipher_suite()?;
        Some(format!("{:?}", suite.suite()))
    }
}

fn gone() -> io::Error {
    io::Error::new(io::ErrorKind::NotConnected, "stream taken by TLS handshake")
}

impl<S: AsyncRead + AsyncWrite + Unpin> AsyncRead for Conn<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Conn::Plain(s) => Pin::new(s).poll_read(cx, buf),
            Conn::Tls(s) => Pin::new(s.as_mut()).poll_read(cx, buf),
            Conn::Gone => Poll::Ready(Err(gone())),
        }
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> AsyncWrite for Conn<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        match self.get_mut() {
            Conn::Plain(s) => Pin::new(s).poll_write(cx, buf),
            Conn::Tls(s) => Pin::new(s.as_mut()).poll_write(cx, buf),
            Conn::Gone => Poll::Ready(Err(gone())),
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Conn::Plain(s) => Pin::new(s).poll_flush(cx),
            Conn::Tls(s) => Pin::new(s.as_mut()).poll_flush(cx),
            Conn::Gone => Poll::Ready(Err(gone())),
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Conn::Plain(s) => Pin::new(s).poll_shutdown(cx),
            Conn::Tls(s) => Pin::new(s.as_mut()).poll_shutdown(cx),
            Conn::Gone => Poll::Ready(Ok(())),
        }
    }
}

/// What the input buffer holds at its front.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// A complete line (through its LF) at `start..end` of the buffer.
    Complete(usize, usize),
    /// No LF within the line limit: the first `n` bytes are an over-long
    /// line's head; the caller drops them and skips to the next LF.
    TooLong(usize),
    /// Need more bytes.
    Partial,
}

/// Input buffer: bytes at `start..end` are received but not yet used.
pub struct InBuf {
    buf: Vec<u8>,
    start: usize,
    end: usize,
    max_line: usize,
}

impl InBuf {
    pub fn new(max_line: usize) -> InBuf {
        let size = (max_line + 2).max(64 * 1024);
        InBuf {
            buf: vec![0; size],
            start: 0,
            end: 0,
            max_line,
        }
    }

    /// Buffered bytes not used yet.
    pub fn pending(&self) -> &[u8] {
        self.buf.get(self.start..self.end).unwrap_or(&[])
    }

    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// Forget everything buffered (pipelined input before a TLS upgrade).
    pub fn clear(&mut self) {
        self.start = 0;
        self.end = 0;
    }

    pub fn consume(&mut self, n: usize) {
        self.start = (self.start + n).min(self.end);
        if self.start == self.end {
            self.start = 0;
            self.end = 0;
        }
    }

    pub fn slice(&self, from: usize, to: usize) -> &[u8] {
        self.buf.get(from..to).unwrap_or(&[])
    }

    /// Find the next line; `max_line` counts the LF.
    pub fn next_line(&self) -> Line {
        let pending = self.pending();
        let window = &pending[..pending.len().min(self.max_line)];
        match memchr(b'\n', window) {
            Some(pos) => Line::Complete(self.start, self.start + pos + 1),
            None if pending.len() >= self.max_line => Line::TooLong(window.len()),
            None => Line::Partial,
        }
    }

    /// Read more bytes from `stream`; `Ok(0)` is end of stream.
    pub async fn fill<R: AsyncRead + Unpin>(&mut self, stream: &mut R) -> io::Result<usize> {
        if self.start == self.end {
            self.start = 0;
            self.end = 0;
        } else if self.end == self.buf.len() {
            self.buf.copy_within(self.start..self.end, 0);
            self.end -= self.start;
            self.start = 0;
        }
        let free = self.buf.get_mut(self.end..).unwrap_or(&mut []);
        if free.is_empty() {
            // Cannot happen: the buffer is larger than the line limit and
            // next_line reports TooLong before it is full.
            return Err(io::Error::other("input buffer full"));
        }
        let n = stream.read(free).await?;
        self.end += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn lines_are_framed_and_long_lines_reported() {
        let mut buf = InBuf::new(512);
        let mut input: &[u8] = b"EHLO a\r\nNOOP";
        buf.fill(&mut input).await.unwrap();
        assert_eq!(buf.next_line(), Line::Complete(0, 8));
        buf.consume(8);
        assert_eq!(buf.next_line(), Line::Partial);
        let long = vec![b'x'; 600];
        let mut input: &[u8] = &long;
        buf.fill(&mut input).await.unwrap();
        assert!(matches!(buf.next_line(), Line::TooLong(n) if n >= 512));
    }
}
