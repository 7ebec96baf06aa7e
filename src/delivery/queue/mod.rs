//! The delivery queue: scheduling with retries and backoff
//! (`scheduler`), the choice between relay host and MX per recipient
//! (`route_select`), delivery status notifications (`dsn`), and the
//! cancelling of tagged pickup mails whose link was closed (`cancel`).
//!
//! Promises: the queue never owns durability (every outcome goes through
//! the [`crate::delivery::Journal`]); a DSN is generated once per final
//! failure or delay notice. May import: `relay`, `mx`, `tlsrpt` (the
//! result sink), `crate::audit`, `crate::config`, `crate::types`. Nothing
//! below it imports the queue.

mod cancel;
pub mod dsn;
mod handle;
pub mod route_select;
pub mod scheduler;

pub use handle::QueueHandle;
pub use route_select::DefaultRoute;
pub use scheduler::{backoff_secs, Queue};
