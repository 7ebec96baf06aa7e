//! zip extractor on arbitrary bytes (magic prefixed so the sniffer picks it).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut input = b"PK\x03\x04".to_vec();
    input.extend_from_slice(data);
    let cfg = sluis::config::InspectConfig { max_scan_millis: 2_000, ..Default::default() };
    let r = sluis::inspect::scan_attachment(&input, "application/zip", Some("f.zip"), &cfg);
    assert!(!r.unscannable.iter().any(|u| u.contains("parser failure") || u.contains("internal error")));
    let _ = sluis::inspect::fuzzing::zip_local_entries(data);
});
