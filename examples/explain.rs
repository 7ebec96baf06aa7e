//! Development aid: what the detectors made of each message — names and
//! their roles, health terms and whose they are, person signals, findings.
//! Reveals content; never run it on mail you may not read.
fn main() {
    for f in std::env::args().skip(1) {
        let raw = std::fs::read(&f).unwrap_or_default();
        println!(
            "##### {f}\n{}",
            sluis::inspect::explain(&raw, &Default::default())
        );
    }
}
