//! Development helper: print MX/A/TLSA lookups with their DNSSEC status.
use sluis::delivery::dns::*;
#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let up: std::net::SocketAddr = args[1].parse().unwrap();
    let validation = if args[2] == "ad" {
        Validation::TrustAd
    } else {
        Validation::SelfValidate(TrustAnchorSource::File(args[2].clone().into()))
    };
    let dns = match Dns::new(DnsOptions {
        upstream: Some(up),
        validation,
        ..Default::default()
    })
    .await
    {
        Ok(d) => d,
        Err(e) => {
            println!("init: {e}");
            return;
        }
    };
    for d in &args[3..] {
        println!("== {d}");
        match dns.mx(d).await {
            Ok(MxAnswer::Hosts(rs)) => {
                println!("MX {:?} {:?}", rs.security, rs.records);
                for mx in rs.records {
                    println!(
                        "  A {:?}",
                        dns.addrs(&mx.host)
                            .await
                            .map(|r| (r.security, r.records, r.canonical))
                    );
                    println!(
                        "  TLSA {:?}",
                        dns.tlsa(25, &mx.host).await.map(|r| (
                            r.security,
                            r.negative,
                            r.records.iter().map(|t| t.to_string()).collect::<Vec<_>>()
                        ))
                    );
                }
            }
            other => println!("MX {other:?}"),
        }
        println!(
            "  TXT {:?}",
            dns.txt(&format!("_mta-sts.{d}"))
                .await
                .map(|r| (r.security, r.negative, r.records))
        );
    }
}
