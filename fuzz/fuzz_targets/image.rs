//! image extractor on arbitrary bytes (magic prefixed so the sniffer picks it).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut input = b"\x89PNG\r\n\x1a\n".to_vec();
    input.extend_from_slice(data);
    let cfg = sluis::config::InspectConfig { max_scan_millis: 2_000, ..Default::default() };
    let r = sluis::inspect::scan_attachment(&input, "image/png", Some("f.png"), &cfg);
    assert!(!r.unscannable.iter().any(|u| u.contains("parser failure") || u.contains("internal error")));
});
