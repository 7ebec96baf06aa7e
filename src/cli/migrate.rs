//! `sluis migrate`: bring the database schema up to this build (every
//! component's steps, in order, each once), or with `--status` only show
//! where each component stands. Exit 1 when the database is ahead of this
//! build in a way it cannot use (see `store::schema`).

use crate::config::Config;
use crate::store::schema::{self, ComponentStatus};
use crate::store::Store;

pub(super) async fn run(config: &Config, status_only: bool) -> anyhow::Result<i32> {
    let store = Store::open(&config.store.url, 2).await?;
    let before = schema::status(store.pool(), crate::server::STORE_COMPONENTS).await?;
    if status_only {
        print(&before);
        return Ok(i32::from(before.iter().any(ComponentStatus::incompatible)));
    }
    if let Err(e) = schema::check(&before) {
        print(&before);
        eprintln!("{e}");
        return Ok(1);
    }
    schema::migrate(
        store.pool(),
        store.backend(),
        crate::server::STORE_COMPONENTS,
    )
    .await?;
    let after = schema::status(store.pool(), crate::server::STORE_COMPONENTS).await?;
    print(&after);
    let steps: i64 = after
        .iter()
        .zip(&before)
        .map(|(a, b)| a.applied - b.applied)
        .sum();
    println!("{steps} stap(pen) uitgevoerd / step(s) applied");
    Ok(0)
}

fn print(status: &[ComponentStatus]) {
    println!(
        "{:<10} {:>9} {:>10} {:>6}  toestand / state",
        "component", "database", "deze/this", "floor"
    );
    for s in status {
        let state = if s.incompatible() {
            "nieuwer, onbruikbaar voor deze versie / newer, unusable by this build"
        } else if s.applied > s.known {
            "nieuwer, additief / newer, additive"
        } else if s.behind() {
            "achter / behind"
        } else {
            "bij / current"
        };
        println!(
            "{:<10} {:>9} {:>10} {:>6}  {state}",
            s.name, s.applied, s.known, s.floor
        );
    }
}
