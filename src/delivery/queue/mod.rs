//! The delivery queue: scheduling (`scheduler`: ready and waiting
//! messages, parallelism), one delivery attempt and its per-recipient
//! sorting (`attempt`: delivered, fallback, bounced, deferred), what each
//! outcome writes (`outcome`: journal, audit, DSN, retries with backoff),
//! the choice between relay host and MX per recipient (`route_select`),
//! delivery status notifications (`dsn`), and the cancelling of tagged
//! pickup mails whose link was closed (`cancel`). Audit: `delivered`
//! (remote, TLS version, cipher, authentication), `deferred` (reason),
//! `bounced` (reason, status), and for a tagged mail of a closed pickup
//! link `notification-cancelled` / `code-cancelled`.
//!
//! Promises: the queue never owns durability (every outcome goes through
//! the [`crate::delivery::Journal`]); a DSN is generated once per final
//! failure or delay notice. May import: `relay`, `mx`, `tlsrpt` (the
//! result sink), `crate::audit`, `crate::config`, `crate::types`. Nothing
//! below it imports the queue.

mod attempt;
mod cancel;
pub mod dsn;
mod handle;
mod outcome;
pub mod route_select;
pub mod scheduler;

pub use handle::QueueHandle;
pub use outcome::backoff_secs;
pub use route_select::DefaultRoute;
pub use scheduler::Queue;

use crate::audit::Audit;
use crate::config::Config;
use crate::delivery::QueueItem;
use std::sync::Arc;
use tokio::sync::mpsc;

/// What the scheduler and every attempt share.
struct Ctx<J, R> {
    config: Arc<Config>,
    journal: Arc<J>,
    audit: Audit,
    route: Arc<R>,
    /// An attempt ends with the message back (deferred recipients) or None.
    done_tx: mpsc::UnboundedSender<Option<QueueItem>>,
}
