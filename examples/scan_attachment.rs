//! Development/benchmark aid: scan single attachment files (no MIME) and
//! print `file<TAB>elapsed_us<TAB>categories<TAB>unscannable` per file.
use sluis::config::InspectConfig;

fn main() {
    let cfg = InspectConfig::default();
    let extract_only = std::env::args().any(|a| a == "--extract-only");
    for f in std::env::args().skip(1).filter(|a| a != "--extract-only") {
        let Ok(data) = std::fs::read(&f) else {
            println!("{f}\terror");
            continue;
        };
        let name = std::path::Path::new(&f)
            .file_name()
            .and_then(|n| n.to_str())
            .map(str::to_string);
        if extract_only {
            let t = std::time::Instant::now();
            let (bytes, unscannable) = sluis::inspect::extract_only(&data, name.as_deref(), &cfg);
            println!("{f}\t{}\t{bytes}\t{unscannable}", t.elapsed().as_micros());
            continue;
        }
        let r = sluis::inspect::scan_attachment(&data, "", name.as_deref(), &cfg);
        let cats: Vec<&str> = r.categories().iter().map(|c| c.as_str()).collect();
        println!(
            "{f}\t{}\t{}\t{}",
            r.elapsed_us,
            cats.join(","),
            r.is_unscannable()
        );
    }
}
