//! Development aid: print the text units of a message (reveals content).
fn main() {
    for f in std::env::args().skip(1) {
        let raw = std::fs::read(&f).unwrap_or_default();
        if std::env::var("DUMP_PARTS").is_ok() {
            let r = sluis::inspect::scan(&raw, &Default::default());
            println!("{:#?}", r.parts);
        }
        for (loc, text) in sluis::inspect::debug_units(&raw, &Default::default()) {
            println!(
                "=== {} {:?} p{:?} {:?}\n{}",
                loc.part, loc.filename, loc.page, loc.field, text
            );
        }
    }
}
// parts: set DUMP_PARTS=1
