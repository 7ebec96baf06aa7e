//! Whole-message scan: MIME walk, every extractor behind it, detectors.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let cfg = sluis::config::InspectConfig { max_scan_millis: 2_000, ..Default::default() };
    let r = sluis::inspect::scan(data, &cfg);
    // Panics inside parsers are caught by scan; surface them to the fuzzer.
    assert!(!r.unscannable.iter().any(|u| u.contains("parser failure") || u.contains("internal error")));
});
