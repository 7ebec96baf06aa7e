//! Legacy Office compound files (.doc piece table, other OLE files) on
//! arbitrary bytes; seeded with a real Word 97 document and an .xls.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let cfg = sluis::config::InspectConfig { max_scan_millis: 2_000, ..Default::default() };
    let r = sluis::inspect::scan_attachment(data, "application/msword", Some("brief.doc"), &cfg);
    assert!(!r.unscannable.iter().any(|u| u.contains("parser failure") || u.contains("internal error")));
});
