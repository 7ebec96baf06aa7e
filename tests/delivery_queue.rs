//! The queue's scheduling with a scripted route (no network): backoff
//! between attempts, recovered messages waiting for their time, and a
//! route that forgets recipients.

mod delivery_support;

use delivery_support::*;
use sluis::audit::Audit;
use sluis::config::Config;
use sluis::delivery::queue::Queue;
use sluis::delivery::{QueuedRcpt, Route};
use sluis::types::{
    Answer, DeliveryReport, EnhancedCode, Envelope, RcptStatus, SmtpStatus,
    TransportRequirement as T,
};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Fails temporarily, remembering when it was called; or reports nothing.
struct Scripted {
    calls: Mutex<Vec<i64>>,
    silent: bool,
}

impl Route for Scripted {
    async fn deliver(&self, _e: &Envelope, rcpts: &[QueuedRcpt], _b: &[u8]) -> Vec<DeliveryReport> {
        self.calls.lock().unwrap().push(sluis::now_ms());
        if self.silent {
            return vec![];
        }
        rcpts
            .iter()
            .map(|r| DeliveryReport {
                recipient: r.address.clone(),
                status: RcptStatus::TemporaryFailure {
                    reason: "451 later".into(),
                },
                remote: "test".into(),
                tls: Default::default(),
                answer: Some(Answer::NextHop(SmtpStatus::from_peer(451, None, "later"))),
                unmet: None,
            })
            .collect()
    }
}

fn config() -> Arc<Config> {
    let mut c = Config::default();
    c.delivery.retry_initial_secs = 1;
    c.delivery.retry_max_secs = 2;
    Arc::new(c)
}

#[tokio::test]
async fn retries_follow_the_backoff_schedule() {
    let journal = Arc::new(MemJournal::default());
    let route = Arc::new(Scripted {
        calls: Mutex::new(vec![]),
        silent: false,
    });
    let q = Queue::start_with_route(config(), journal.clone(), Audit::disabled(), route.clone());
    q.enqueue(item(&journal, "a@p.nl", &[("x@y.nl", T::None)], b"x\r\n"));
    assert!(
        wait_until(Duration::from_secs(8), || route.calls.lock().unwrap().len()
            >= 4)
        .await
    );
    let calls = route.calls.lock().unwrap().clone();
    let gaps: Vec<i64> = calls.windows(2).map(|w| w[1] - w[0]).collect();
    // 1 s, then 2 s, then capped at 2 s.
    assert!((950..1500).contains(&gaps[0]), "{gaps:?}");
    assert!((1950..2500).contains(&gaps[1]), "{gaps:?}");
    assert!((1950..2500).contains(&gaps[2]), "{gaps:?}");
    let recs = journal.records();
    assert_eq!(
        recs.iter().map(|r| r.attempts).take(3).collect::<Vec<_>>(),
        vec![1, 2, 3]
    );
    assert!(recs.iter().all(|r| r.next_attempt_ms > 0));
    // The body was dropped after the first deferral and read back each time.
    assert!(journal.loads.load(std::sync::atomic::Ordering::SeqCst) >= 3);
}

#[tokio::test]
async fn a_recovered_message_waits_for_its_next_attempt() {
    let journal = Arc::new(MemJournal::default());
    let route = Arc::new(Scripted {
        calls: Mutex::new(vec![]),
        silent: false,
    });
    let q = Queue::start_with_route(config(), journal.clone(), Audit::disabled(), route.clone());
    let mut it = item(&journal, "a@p.nl", &[("x@y.nl", T::None)], b"x\r\n");
    it.attempts = 7;
    it.body = None;
    let at = sluis::now_ms() + 1500;
    it.next_attempt_ms = at;
    q.enqueue(it);
    tokio::time::sleep(Duration::from_millis(1000)).await;
    assert!(
        route.calls.lock().unwrap().is_empty(),
        "attempted too early"
    );
    assert!(
        wait_until(Duration::from_secs(3), || !route
            .calls
            .lock()
            .unwrap()
            .is_empty())
        .await
    );
    assert!(route.calls.lock().unwrap()[0] >= at);
    assert!(wait_until(Duration::from_secs(2), || !journal.records().is_empty()).await);
    assert_eq!(journal.records()[0].attempts, 8);
}

#[tokio::test]
async fn recipients_a_route_forgets_stay_deferred() {
    let journal = Arc::new(MemJournal::default());
    let route = Arc::new(Scripted {
        calls: Mutex::new(vec![]),
        silent: true,
    });
    let q = Queue::start_with_route(config(), journal.clone(), Audit::disabled(), route);
    let it = item(
        &journal,
        "a@p.nl",
        &[("x@y.nl", T::None), ("z@y.nl", T::None)],
        b"x\r\n",
    );
    q.enqueue(it);
    assert!(wait_until(Duration::from_secs(3), || journal.records().len() >= 2).await);
    for r in journal.records().iter().take(2) {
        assert!(
            matches!(&r.status, RcptStatus::TemporaryFailure { reason } if reason.contains("no result from route")),
            "{r:?}"
        );
    }
}

/// Answers with a fixed next-hop reply per recipient address.
struct Replies(Vec<(&'static str, SmtpStatus)>);

impl Route for Replies {
    async fn deliver(&self, _e: &Envelope, rcpts: &[QueuedRcpt], _b: &[u8]) -> Vec<DeliveryReport> {
        rcpts
            .iter()
            .filter_map(|r| {
                let (_, s) = self.0.iter().find(|(a, _)| *a == r.address)?;
                let answer = Answer::NextHop(s.clone());
                Some(DeliveryReport {
                    recipient: r.address.clone(),
                    status: answer.rcpt_status(),
                    remote: "mx.y.nl[192.0.2.7]:25".into(),
                    tls: Default::default(),
                    answer: Some(answer),
                    unmet: None,
                })
            })
            .collect()
    }
}

/// The typed status of a next hop's reply reaches the journal and the DSN
/// as it came: a 5xx bounces with its own enhanced code, a 4xx is
/// deferred with its reply, and its code is the diagnostic of the DSN
/// once the lifetime is over.
#[tokio::test]
async fn a_next_hop_reply_reaches_the_dsn_with_its_own_code() {
    let mut c = Config::default();
    c.delivery.retry_initial_secs = 1;
    c.delivery.retry_max_secs = 1;
    c.delivery.max_lifetime_secs = 1;
    let journal = Arc::new(MemJournal::default());
    let route = Arc::new(Replies(vec![
        (
            "gone@y.nl",
            SmtpStatus::from_peer(550, Some(EnhancedCode::new(5, 1, 1)), "no such user"),
        ),
        (
            "busy@y.nl",
            SmtpStatus::from_peer(451, Some(EnhancedCode::new(4, 2, 1)), "mailbox busy"),
        ),
    ]));
    let q = Queue::start_with_route(Arc::new(c), journal.clone(), Audit::disabled(), route);
    let it = item(
        &journal,
        "a@p.nl",
        &[("gone@y.nl", T::None), ("busy@y.nl", T::None)],
        b"Subject: x\r\n\r\nx\r\n",
    );
    let id = it.envelope.id.0.clone();
    q.enqueue(it);
    assert!(wait_until(Duration::from_secs(6), || journal.injected().len() >= 2).await);
    let first = journal.records();
    let busy = first.iter().find(|r| r.id == id && r.index == 1).unwrap();
    assert_eq!(
        busy.status,
        RcptStatus::TemporaryFailure {
            reason: "451 4.2.1 mailbox busy".into()
        }
    );
    let dsns: Vec<String> = journal
        .injected()
        .iter()
        .map(|(_, to, m)| {
            assert_eq!(to, &vec!["a@p.nl".to_string()]);
            String::from_utf8_lossy(m).into_owned()
        })
        .collect();
    let bounce = &dsns[0];
    assert!(bounce.contains("Status: 5.1.1\r\n"), "{bounce}");
    assert!(bounce.contains("Remote-MTA: dns; mx.y.nl\r\n"), "{bounce}");
    assert!(bounce.contains("Diagnostic-Code: smtp; 550 5.1.1 no such user\r\n"));
    let expired = &dsns[1];
    assert!(
        expired.contains("Final-Recipient: rfc822; busy@y.nl"),
        "{expired}"
    );
    assert!(expired.contains("Status: 5.4.7\r\n"), "{expired}");
    assert!(expired.contains("Diagnostic-Code: smtp; 451 4.2.1 mailbox busy\r\n"));
}
