//! The parsers issue 13 added, on arbitrary bytes: MAPI property lists,
//! compressed RTF (LZFu), OLE package native data, and the member
//! classification of Office packages (the input read as a path), EMF text
//! records and RTF pictures and objects.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = sluis::inspect::fuzzing::containers(data);
});
