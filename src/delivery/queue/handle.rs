//! The handle to a running queue: hand it messages, cancel the mails of a
//! closed pickup link (`cancel`), look at what waits.

use crate::delivery::QueueItem;
use crate::types::{MailTag, MessageId};
use tokio::sync::{mpsc, oneshot};

/// Cheap, cloneable handle to a running queue.
#[derive(Clone, Debug)]
pub struct QueueHandle {
    tx: mpsc::UnboundedSender<Msg>,
}

/// What the handle tells the scheduler.
#[derive(Debug)]
pub(super) enum Msg {
    Item(QueueItem),
    /// Cancel the pickup's mails; answers how many waiting messages went.
    Cancel {
        pickup: String,
        reason: String,
        done: oneshot::Sender<usize>,
    },
    /// The messages waiting (not in an attempt): id and tag.
    Held(oneshot::Sender<Vec<(MessageId, Option<MailTag>)>>),
}

impl QueueHandle {
    pub(super) fn new(tx: mpsc::UnboundedSender<Msg>) -> QueueHandle {
        QueueHandle { tx }
    }

    /// Hand a spooled message to the queue. Never blocks. `next_attempt_ms`
    /// in the future (a recovered, deferred message) waits until then.
    pub fn enqueue(&self, item: QueueItem) {
        if item.recipients.is_empty() {
            return;
        }
        if self.tx.send(Msg::Item(item)).is_err() {
            tracing::warn!("delivery queue stopped; message stays in the spool");
        }
    }

    /// Cancel every queued mail tagged for `pickup_id` (its notification,
    /// its code mails): recorded final without a DSN and audited. Returns
    /// how many waiting messages were taken out, once that is recorded. A
    /// message in an attempt right now is cancelled when the attempt gives
    /// it back deferred; one the next hop accepted meanwhile is delivered.
    pub async fn cancel(&self, pickup_id: &str, reason: &str) -> usize {
        let (done, rx) = oneshot::channel();
        let msg = Msg::Cancel {
            pickup: pickup_id.to_string(),
            reason: reason.to_string(),
            done,
        };
        if self.tx.send(msg).is_err() {
            return 0;
        }
        rx.await.unwrap_or(0)
    }

    /// The messages waiting for an attempt (not those in one), with their
    /// tags: for tests and tools.
    pub async fn held(&self) -> Vec<(MessageId, Option<MailTag>)> {
        let (tx, rx) = oneshot::channel();
        if self.tx.send(Msg::Held(tx)).is_err() {
            return vec![];
        }
        rx.await.unwrap_or_default()
    }
}
