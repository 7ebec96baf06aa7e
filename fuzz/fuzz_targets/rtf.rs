//! rtf extractor on arbitrary bytes, and the BSN candidate finder on its output.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = sluis::inspect::fuzzing::rtf(data);
    let _ = sluis::inspect::fuzzing::bsn_candidates(&text);
});
