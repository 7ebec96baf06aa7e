//! Connection pool for one destination: at most `concurrency` connections
//! at once, idle ones kept for reuse until `idle_timeout`, each used for at
//! most `max_transactions` messages.
//!
//! Promises: a connection that sat idle for a while is checked with RSET
//! before reuse (a dead one is dropped and replaced, never charged to a
//! message); stale idle connections are closed with QUIT by a reaper that
//! stops when the pool is dropped. How it connects is the caller's closure.

use super::smtp::SmtpClient;
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// A connection idle longer than this gets an RSET before it is reused.
const REUSE_CHECK_AFTER: Duration = Duration::from_secs(1);

struct Idle<T> {
    client: SmtpClient,
    extra: T,
    since: Instant,
}

/// Pool of SMTP connections to one destination. `T` is what the route
/// keeps beside each connection (the address, the TLS level).
pub struct Pool<T> {
    permits: Arc<Semaphore>,
    idle: Mutex<Vec<Idle<T>>>,
    idle_timeout: Duration,
    max_transactions: u32,
}

/// A connection on loan, with its slot; dropping it closes the connection
/// (without QUIT) and frees the slot.
pub struct Lease<T> {
    pub client: SmtpClient,
    pub extra: T,
    _permit: OwnedSemaphorePermit,
}

impl<T: Send + 'static> Pool<T> {
    pub fn new(concurrency: usize, idle_timeout: Duration, max_transactions: u32) -> Arc<Self> {
        let pool = Arc::new(Pool {
            permits: Arc::new(Semaphore::new(concurrency.max(1))),
            idle: Mutex::new(Vec::new()),
            idle_timeout,
            max_transactions: max_transactions.max(1),
        });
        spawn_reaper(Arc::downgrade(&pool), idle_timeout);
        pool
    }

    /// A live connection: a reused idle one, or a new one from `connect`.
    pub async fn get<F, Fut, E>(&self, connect: F) -> Result<Lease<T>, E>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<(SmtpClient, T), E>>,
    {
        // The semaphore is never closed; should it ever be, keep waiting
        // rather than exceed the bound.
        let permit = loop {
            if let Ok(p) = self.permits.clone().acquire_owned().await {
                break p;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        while let Some(idle) = self.take_idle() {
            let age = idle.since.elapsed();
            if age >= self.idle_timeout {
                tokio::spawn(idle.client.quit());
                continue;
            }
            let mut client = idle.client;
            if age >= REUSE_CHECK_AFTER && client.rset().await.is_err() {
                continue;
            }
            return Ok(Lease {
                client,
                extra: idle.extra,
                _permit: permit,
            });
        }
        let (client, extra) = connect().await?;
        Ok(Lease {
            client,
            extra,
            _permit: permit,
        })
    }

    /// Give a healthy connection back (after a completed transaction).
    pub fn put(&self, lease: Lease<T>) {
        let Lease { client, extra, .. } = lease;
        if client.broken {
            return;
        }
        if client.transactions >= self.max_transactions {
            tokio::spawn(client.quit());
            return;
        }
        if let Ok(mut idle) = self.idle.lock() {
            idle.push(Idle {
                client,
                extra,
                since: Instant::now(),
            });
        }
    }

    /// Number of idle connections (for tests and metrics).
    pub fn idle_count(&self) -> usize {
        self.idle.lock().map(|v| v.len()).unwrap_or(0)
    }

    fn take_idle(&self) -> Option<Idle<T>> {
        // Most recently used first: it is the most likely to be alive.
        self.idle.lock().ok().and_then(|mut v| v.pop())
    }

    fn reap(&self) {
        let stale: Vec<Idle<T>> = match self.idle.lock() {
            Ok(mut v) => {
                let (keep, stale) = std::mem::take(&mut *v)
                    .into_iter()
                    .partition(|i| i.since.elapsed() < self.idle_timeout);
                *v = keep;
                stale
            }
            Err(_) => return,
        };
        for i in stale {
            tokio::spawn(i.client.quit());
        }
    }
}

fn spawn_reaper<T: Send + 'static>(pool: Weak<Pool<T>>, idle_timeout: Duration) {
    let tick = (idle_timeout / 2).max(Duration::from_millis(200));
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(tick);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            interval.tick().await;
            match pool.upgrade() {
                Some(p) => p.reap(),
                None => return,
            }
        }
    });
}
