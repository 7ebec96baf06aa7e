//! Helpers on the message being delivered (its bytes as spooled), shared
//! by the queue (DSNs) and MX delivery (the `TLS-Required` header).

/// The header of a message: everything up to the first empty line,
/// at most `max` bytes (cut after the last complete line).
pub fn header_block(message: &[u8], max: usize) -> &[u8] {
    let end = find(message, b"\r\n\r\n")
        .map(|p| p + 2)
        .or_else(|| find(message, b"\n\n").map(|p| p + 1))
        .unwrap_or(message.len());
    let head = message.get(..end.min(max)).unwrap_or_default();
    if head.len() < end {
        match head.iter().rposition(|b| *b == b'\n') {
            Some(p) => head.get(..=p).unwrap_or_default(),
            None => &[],
        }
    } else {
        head
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}
