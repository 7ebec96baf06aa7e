//! TNEF (winmail.dat) reader on arbitrary bytes (magic prefixed so the
//! sniffer picks it).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut input = vec![0x78, 0x9f, 0x3e, 0x22];
    input.extend_from_slice(data);
    let cfg = sluis::config::InspectConfig { max_scan_millis: 2_000, ..Default::default() };
    let r = sluis::inspect::scan_attachment(&input, "application/ms-tnef", Some("winmail.dat"), &cfg);
    assert!(!r.unscannable.iter().any(|u| u.contains("parser failure") || u.contains("internal error")));
});
