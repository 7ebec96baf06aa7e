//! The delivery queue's scheduler: ready messages go out at once (at most
//! `max_parallel_deliveries` in flight), deferred ones wait in a heap
//! ordered by their next attempt; a closed pickup link's tagged mails are
//! taken out of both and cancelled (see `cancel`). One attempt is
//! `attempt.rs`, what it writes per outcome `outcome.rs`.
//!
//! Promises: every outcome is written through the [`Journal`] before the
//! queue forgets it (so a restart resumes exactly); a deferred message's
//! body is dropped from memory until its next attempt; nothing here
//! panics. The loop ends when every [`QueueHandle`] is dropped.

use super::attempt::attempt;
use super::cancel::{cancel_item, is_for, Cancelled};
use super::handle::{Msg, QueueHandle};
use super::route_select::SelectingRoute;
use super::Ctx;
use crate::audit::Audit;
use crate::config::Config;
use crate::delivery::mx::deliver::MxRoute;
use crate::delivery::relay::RelayRoute;
use crate::delivery::tls_policy::mta_sts::PolicyCache;
use crate::delivery::tlsrpt::result::TlsRptSink;
use crate::delivery::{Journal, QueueItem, Route};
use std::cmp::Ordering;
use std::collections::{BinaryHeap, VecDeque};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};

pub struct Queue;

impl Queue {
    /// Start the queue on the current tokio runtime with the routes the
    /// configuration gives: per recipient, the relay host when it can meet
    /// the transport requirement, MX delivery otherwise (when
    /// `delivery.mx_enabled`), else deferred (see `route_select`).
    pub fn start<J: Journal>(config: Arc<Config>, journal: Arc<J>, audit: Audit) -> QueueHandle {
        Self::start_with_tlsrpt(config, journal, audit, None, None)
    }

    /// [`Queue::start`], with MX delivery's TLS-RPT results also sent to
    /// `tlsrpt` (the store writer, `tlsrpt::store::run_tlsrpt_writer`).
    pub fn start_with_tlsrpt<J: Journal>(
        config: Arc<Config>,
        journal: Arc<J>,
        audit: Audit,
        tlsrpt: Option<TlsRptSink>,
        sts_cache: Option<Arc<PolicyCache>>,
    ) -> QueueHandle {
        let relay = config.delivery.relay.as_ref().map(|relay| {
            RelayRoute::new(&config, relay).inspect_err(|e| {
                tracing::error!("relay host unusable, mail is deferred: {e}");
            })
        });
        let mx = config
            .delivery
            .mx_enabled
            .then(|| MxRoute::new(&config, audit.clone()))
            .map(|mx| match sts_cache {
                Some(c) => mx.with_sts_cache(c),
                None => mx,
            });
        if let (Some(mx), Some(sink)) = (&mx, tlsrpt) {
            mx.tlsrpt().set_sink(sink);
        }
        let route = SelectingRoute {
            relay_host: config.delivery.relay.clone(),
            relay,
            mx,
            unrouted: "geen route: MX-aflevering uitgeschakeld en geen geschikte relay / no route: MX delivery disabled and no suitable relay host".into(),
        };
        Self::start_with_route(config, journal, audit, Arc::new(route))
    }

    /// Start the queue with any route (MX delivery, a test double).
    pub fn start_with_route<J: Journal, R: Route>(
        config: Arc<Config>,
        journal: Arc<J>,
        audit: Audit,
        route: Arc<R>,
    ) -> QueueHandle {
        let (tx, rx) = mpsc::unbounded_channel();
        let (done_tx, done_rx) = mpsc::unbounded_channel();
        let ctx = Arc::new(Ctx {
            config,
            journal,
            audit,
            route,
            done_tx,
        });
        tokio::spawn(schedule(ctx, rx, done_rx));
        QueueHandle::new(tx)
    }
}

struct Waiting {
    at_ms: i64,
    seq: u64,
    item: QueueItem,
}
impl PartialEq for Waiting {
    fn eq(&self, o: &Self) -> bool {
        (self.at_ms, self.seq) == (o.at_ms, o.seq)
    }
}
impl Eq for Waiting {}
impl PartialOrd for Waiting {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Waiting {
    // Reversed: BinaryHeap is a max-heap, we want the earliest first.
    fn cmp(&self, o: &Self) -> Ordering {
        (o.at_ms, o.seq).cmp(&(self.at_ms, self.seq))
    }
}

async fn schedule<J: Journal, R: Route>(
    ctx: Arc<Ctx<J, R>>,
    mut rx: mpsc::UnboundedReceiver<Msg>,
    mut done_rx: mpsc::UnboundedReceiver<Option<QueueItem>>,
) {
    let max_in_flight = ctx.config.delivery.max_parallel_deliveries.max(1);
    let mut ready: VecDeque<QueueItem> = VecDeque::new();
    let mut waiting: BinaryHeap<Waiting> = BinaryHeap::new();
    let mut seq: u64 = 0;
    let mut in_flight = 0usize;
    let mut cancelled = Cancelled::default();
    let keep_ms = (ctx.config.delivery.max_lifetime_secs as i64).saturating_mul(1000);
    let mut place =
        |item: QueueItem, ready: &mut VecDeque<QueueItem>, waiting: &mut BinaryHeap<Waiting>| {
            if item.next_attempt_ms <= crate::now_ms() {
                ready.push_back(item);
            } else {
                seq += 1;
                waiting.push(Waiting {
                    at_ms: item.next_attempt_ms,
                    seq,
                    item,
                });
            }
        };
    loop {
        while in_flight < max_in_flight {
            let Some(item) = ready.pop_front() else { break };
            in_flight += 1;
            let ctx = ctx.clone();
            tokio::spawn(async move {
                let back = attempt(&ctx, item).await;
                let _ = ctx.done_tx.send(back);
            });
        }
        let wake = waiting.peek().map(|w| w.at_ms);
        let sleep_for = wake
            .map(|at| Duration::from_millis(at.saturating_sub(crate::now_ms()).max(0) as u64))
            .unwrap_or(Duration::from_secs(3600));
        tokio::select! {
            done = done_rx.recv() => {
                in_flight = in_flight.saturating_sub(1);
                if let Some(Some(item)) = done {
                    match cancelled.reason(&item) {
                        Some(reason) => spawn_cancel(&ctx, vec![item], reason, None),
                        None => place(item, &mut ready, &mut waiting),
                    }
                }
            }
            msg = rx.recv() => match msg {
                Some(Msg::Item(item)) => match cancelled.reason(&item) {
                    Some(reason) => spawn_cancel(&ctx, vec![item], reason, None),
                    None => place(item, &mut ready, &mut waiting),
                },
                Some(Msg::Cancel { pickup, reason, done }) => {
                    let mut gone = vec![];
                    let (out, keep): (Vec<QueueItem>, _) =
                        std::mem::take(&mut ready).into_iter().partition(|i| is_for(i, &pickup));
                    ready = keep.into();
                    gone.extend(out);
                    let (out, keep): (Vec<Waiting>, Vec<Waiting>) = std::mem::take(&mut waiting)
                        .into_vec()
                        .into_iter()
                        .partition(|w| is_for(&w.item, &pickup));
                    waiting = keep.into();
                    gone.extend(out.into_iter().map(|w| w.item));
                    cancelled.insert(pickup, reason.clone(), crate::now_ms(), keep_ms);
                    spawn_cancel(&ctx, gone, reason, Some(done));
                }
                Some(Msg::Held(tx)) => {
                    let held = ready
                        .iter()
                        .chain(waiting.iter().map(|w| &w.item))
                        .map(|i| (i.envelope.id.clone(), i.tag.clone()))
                        .collect();
                    let _ = tx.send(held);
                }
                None => return, // every handle dropped: shutting down
            },
            _ = tokio::time::sleep(sleep_for) => {
                let now = crate::now_ms();
                while waiting.peek().is_some_and(|w| w.at_ms <= now) {
                    if let Some(w) = waiting.pop() {
                        ready.push_back(w.item);
                    }
                }
            }
        }
    }
}

/// Record `items` as cancelled off the scheduler's loop; then answer `done`.
fn spawn_cancel<J: Journal, R: Route>(
    ctx: &Arc<Ctx<J, R>>,
    items: Vec<QueueItem>,
    reason: String,
    done: Option<oneshot::Sender<usize>>,
) {
    let ctx = ctx.clone();
    tokio::spawn(async move {
        for item in &items {
            cancel_item(&*ctx.journal, &ctx.audit, item, &reason).await;
        }
        if let Some(done) = done {
            let _ = done.send(items.len());
        }
    });
}
