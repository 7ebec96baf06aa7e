//! The delivery queue: scheduling with retries and backoff
//! (`scheduler`), the choice between relay host and MX per recipient
//! (`route_select`), and delivery status notifications (`dsn`).
//!
//! Promises: the queue never owns durability (every outcome goes through
//! the [`crate::delivery::Journal`]); a DSN is generated once per final
//! failure or delay notice. May import: `relay`, `mx`, `tlsrpt` (the
//! result sink), `crate::audit`, `crate::config`, `crate::types`. Nothing
//! below it imports the queue.

pub mod dsn;
pub mod route_select;
pub mod scheduler;

pub use scheduler::{backoff_secs, DefaultRoute, Queue, QueueHandle};
