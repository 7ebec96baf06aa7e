//! Development helper until the CLI is wired:
//! `dane_check DOMAIN [--resolver A:P] [--trust-anchor F] [--trust-ad] [--ca F] [--smtp-port N] [--https-port N] [--json]`
use sluis::delivery::check::{run_check, CheckOptions};

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let mut o = CheckOptions::default();
    let mut domain = String::new();
    while let Some(a) = args.next() {
        let mut val = || args.next().unwrap_or_default();
        match a.as_str() {
            "--resolver" => o.resolver = val().parse().ok(),
            "--trust-anchor" => o.trust_anchor = Some(val().into()),
            "--trust-ad" => o.trust_ad = true,
            "--ca" => o.ca = Some(val().into()),
            "--smtp-port" => o.smtp_port = val().parse().ok(),
            "--https-port" => o.https_port = val().parse().ok(),
            "--json" => o.json = true,
            d => domain = d.to_string(),
        }
    }
    std::process::exit(run_check(&domain, o).await);
}
