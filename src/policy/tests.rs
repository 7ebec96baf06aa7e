//! Evaluation tests on policies written to temporary folders.

use super::*;
use crate::types::{Category, Finding, Location};

fn policy(text: &str) -> PolicySet {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("p.toml"), text).unwrap();
    match PolicySet::load(dir.path()) {
        Ok(set) => set,
        Err(diags) => panic!(
            "{}",
            diags
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

fn finding(category: Category, confidence: f32) -> Finding {
    Finding {
        category,
        detector: category.as_str().into(),
        location: Location::default(),
        evidence: "*****6782".into(),
        confidence,
    }
}

fn report(findings: Vec<Finding>, unscannable: bool) -> ScanReport {
    ScanReport {
        size: 1000,
        findings,
        unscannable: if unscannable {
            vec!["encrypted zip".into()]
        } else {
            vec![]
        },
        ..ScanReport::default()
    }
}

fn ctx(from: &str, to: &[&str]) -> MessageContext {
    MessageContext {
        tenant: "default".into(),
        mail_from: from.into(),
        recipients: to.iter().map(|s| s.to_string()).collect(),
        size: 1000,
        ..MessageContext::default()
    }
}

fn deliver(t: TransportRequirement) -> Action {
    Action::Deliver {
        transport: t,
        fallback: None,
    }
}

const HEAD: &str = "tenant = \"default\"\nsubject_triggers = [\"[beveiligd]\", \"[secure]\"]\n";
const DEFAULT: &str = "[default]\naction = \"deliver\"\ntransport = \"none\"\n";

#[test]
fn mixed_recipients_get_their_own_decision_in_envelope_order() {
    let set = policy(&format!(
        "{HEAD}[domain_lists]\npartners = [\"ziekenhuis.test\", \"*.ggz.test\"]\n\
         [[rule]]\nname = \"partners\"\nrecipient_domain_list = [\"partners\"]\nsensitive = true\naction = \"deliver\"\ntransport = \"dane\"\n\
         [[rule]]\nname = \"blok\"\nrecipient_domain = [\"gmail.example\"]\nsensitive = true\naction = \"block\"\nreason_nl = \"Niet naar gratis mail\"\nreason_en = \"Not to free mail\"\n\
         [[rule]]\nname = \"gevoelig\"\nsensitive = true\naction = \"encrypt\"\nfallback = \"pickup\"\n{DEFAULT}"
    ));
    let r = report(vec![finding(Category::Bsn, 0.99)], false);
    let d = set.decide(
        &ctx(
            "a@praktijk.nl",
            &[
                "x@Ziekenhuis.TEST",
                "y@afd.ggz.test",
                "z@gmail.example",
                "p@patient.example",
            ],
        ),
        &r,
    );
    assert_eq!(d.len(), 4);
    assert_eq!(d[0].action, deliver(TransportRequirement::Dane));
    assert_eq!(d[0].rule, "p.toml:partners");
    assert_eq!(d[1].action, deliver(TransportRequirement::Dane));
    assert!(matches!(d[2].action, Action::Block { .. }));
    assert_eq!(
        d[3].action,
        Action::Encrypt {
            fallback: Box::new(Action::Pickup)
        }
    );
    assert_eq!(d[3].recipient, "p@patient.example");
    assert_eq!(d[3].categories, vec![Category::Bsn]);
    // Clean mail: every recipient falls through to the default.
    let clean = set.decide(
        &ctx("a@praktijk.nl", &["x@ziekenhuis.test"]),
        &report(vec![], false),
    );
    assert_eq!(clean[0].action, deliver(TransportRequirement::None));
    assert_eq!(clean[0].rule, "p.toml:default");
}

#[test]
fn the_floor_raises_a_weak_default_for_sensitive_and_unscannable_mail() {
    let set = policy(&format!("{HEAD}{DEFAULT}"));
    for r in [
        report(vec![finding(Category::Health, 0.4)], false),
        report(vec![], true),
    ] {
        let ev = set.evaluate(&ctx("a@p.nl", &["b@c.nl"]), &r);
        assert_eq!(
            ev.outcomes[0].decision.action,
            deliver(TransportRequirement::DaneOrMtaSts)
        );
        assert!(ev.outcomes[0].floor_raised);
    }
    let ev = set.evaluate(&ctx("a@p.nl", &["b@c.nl"]), &report(vec![], false));
    assert_eq!(
        ev.outcomes[0].decision.action,
        deliver(TransportRequirement::None)
    );
    assert!(!ev.outcomes[0].floor_raised);
}

#[test]
fn a_portal_reply_is_sensitive_with_a_clean_scan() {
    // A clean scan that would be delivered with `none` ...
    let set = policy(&format!(
        "{HEAD}[[rule]]\nname = \"gevoelig-praktijk\"\nsensitive = true\n\
         recipient_domain = [\"p.nl\"]\naction = \"deliver\"\ntransport = \"dane\"\n\n{DEFAULT}"
    ));
    let reply = MessageContext {
        always_sensitive: true,
        ..ctx("no-reply@p.nl", &["dokter@p.nl", "x@c.nl"])
    };
    let ev = set.evaluate(&reply, &report(vec![], false));
    // ... takes the practice's rule for sensitive mail to its address,
    assert_eq!(
        ev.outcomes[0].decision.action,
        deliver(TransportRequirement::Dane)
    );
    assert_eq!(ev.outcomes[0].decision.rule, "p.toml:gevoelig-praktijk");
    // and elsewhere never goes below the floor.
    assert_eq!(
        ev.outcomes[1].decision.action,
        deliver(TransportRequirement::DaneOrMtaSts)
    );
    assert!(ev.outcomes[1].floor_raised);
    // A stricter floor the config names (`pickup.reply_transport`) raises
    // the practice's rule and the floor elsewhere; it never lowers.
    let strict = MessageContext {
        min_transport: Some(TransportRequirement::Nta7516),
        ..reply.clone()
    };
    let ev = set.evaluate(&strict, &report(vec![], false));
    assert_eq!(
        ev.outcomes[0].decision.action,
        deliver(TransportRequirement::Nta7516)
    );
    assert_eq!(
        ev.outcomes[1].decision.action,
        deliver(TransportRequirement::Nta7516)
    );
    let weak = MessageContext {
        min_transport: Some(TransportRequirement::Tls),
        ..reply.clone()
    };
    let ev = set.evaluate(&weak, &report(vec![], false));
    assert_eq!(
        ev.outcomes[0].decision.action,
        deliver(TransportRequirement::Dane)
    );
    assert_eq!(
        ev.outcomes[1].decision.action,
        deliver(TransportRequirement::DaneOrMtaSts)
    );
    let plain = set.evaluate(
        &ctx("no-reply@p.nl", &["dokter@p.nl"]),
        &report(vec![], false),
    );
    assert_eq!(
        plain.outcomes[0].decision.action,
        deliver(TransportRequirement::None)
    );
}

#[test]
fn the_floor_also_covers_an_encrypt_fallback() {
    let set = policy(&format!(
        "{HEAD}[[rule]]\nname = \"groot\"\nsize_min = 500\naction = \"encrypt\"\nfallback = \"deliver\"\ntransport = \"tls\"\n{DEFAULT}"
    ));
    let d = set.decide(
        &ctx("a@p.nl", &["b@c.nl"]),
        &report(vec![finding(Category::Personal, 0.9)], false),
    );
    assert_eq!(
        d[0].action,
        Action::Encrypt {
            fallback: Box::new(deliver(TransportRequirement::DaneOrMtaSts))
        }
    );
}

#[test]
fn subject_trigger_forces_secure_handling_and_is_stripped() {
    let set = policy(&format!(
        "{HEAD}[[rule]]\nname = \"trigger\"\nsubject_trigger = true\naction = \"encrypt\"\nfallback = \"pickup\"\n{DEFAULT}"
    ));
    let mut c = ctx("a@p.nl", &["b@c.nl"]);
    c.subject = Some("[SECURE] Uitslag".into());
    let ev = set.evaluate(&c, &report(vec![], false));
    assert_eq!(ev.subject_rewrite.as_deref(), Some("Uitslag"));
    assert_eq!(ev.outcomes[0].decision.rule, "p.toml:trigger");
    // Without the rule the trigger still counts as sensitive: the floor holds.
    let bare = policy(&format!("{HEAD}{DEFAULT}"));
    let ev = bare.evaluate(&c, &report(vec![], false));
    assert_eq!(
        ev.outcomes[0].decision.action,
        deliver(TransportRequirement::DaneOrMtaSts)
    );
    c.subject = Some("Uitslag".into());
    assert_eq!(
        set.evaluate(&c, &report(vec![], false)).subject_rewrite,
        None
    );
}

#[test]
fn sender_groups_match_envelope_sender_or_account() {
    let set = policy(&format!(
        "{HEAD}[groups]\nartsen = [\"dokter@p.nl\", \"*@artsen.p.nl\"]\n\
         [[rule]]\nname = \"artsen\"\nsender_group = [\"artsen\"]\naction = \"pickup\"\n{DEFAULT}"
    ));
    let r = report(vec![], false);
    assert_eq!(
        set.decide(&ctx("Dokter@P.nl", &["b@c.nl"]), &r)[0].action,
        Action::Pickup
    );
    assert_eq!(
        set.decide(&ctx("x@artsen.p.nl", &["b@c.nl"]), &r)[0].action,
        Action::Pickup
    );
    assert_ne!(
        set.decide(&ctx("balie@p.nl", &["b@c.nl"]), &r)[0].action,
        Action::Pickup
    );
    let mut c = ctx("noreply@p.nl", &["b@c.nl"]);
    c.sender_account = Some("dokter@p.nl".into());
    assert_eq!(set.decide(&c, &r)[0].action, Action::Pickup);
}

#[test]
fn size_and_confidence_bounds_are_inclusive() {
    let set = policy(&format!(
        "{HEAD}[[rule]]\nname = \"groot\"\ncategories = [\"bsn\"]\nmin_confidence = 0.8\nsize_min = 1000\nsize_max = 2000\naction = \"pickup\"\n{DEFAULT}"
    ));
    let hit = |size: u64, conf: f32| {
        let mut c = ctx("a@p.nl", &["b@c.nl"]);
        c.size = size;
        let mut r = report(vec![finding(Category::Bsn, conf)], false);
        r.size = size;
        set.decide(&c, &r)[0].action == Action::Pickup
    };
    assert!(hit(1000, 0.8));
    assert!(hit(2000, 0.99));
    assert!(!hit(999, 0.9));
    assert!(!hit(2001, 0.9));
    assert!(!hit(1500, 0.79));
}

#[test]
fn unscannable_condition_and_block_reasons() {
    let set = policy(&format!(
        "{HEAD}[[rule]]\nname = \"onleesbaar\"\nunscannable = true\naction = \"block\"\nreason_nl = \"Versleutelde bijlage\"\nreason_en = \"Encrypted attachment\"\n{DEFAULT}"
    ));
    let d = set.decide(&ctx("a@p.nl", &["b@c.nl", "d@e.nl"]), &report(vec![], true));
    assert!(d.iter().all(|d| d.unscannable));
    let reply = all_blocked_reply(&d).unwrap();
    assert_eq!(
        (reply.code, reply.enhanced),
        (550, Some(crate::types::EnhancedCode::new(5, 7, 1)))
    );
    assert_eq!(
        reply.text.one_line(),
        "Versleutelde bijlage / Encrypted attachment"
    );
    let clean = set.decide(&ctx("a@p.nl", &["b@c.nl"]), &report(vec![], false));
    assert!(all_blocked_reply(&clean).is_none());
}

#[test]
fn all_blocked_reply_needs_every_recipient_blocked_and_stays_short() {
    let block = |nl: &str| Decision {
        recipient: "a@b.nl".into(),
        action: Action::Block {
            reason: Bilingual::new(nl, "en\r\nglish"),
        },
        rule: "r".into(),
        categories: vec![],
        unscannable: false,
    };
    let long = "x".repeat(500);
    let reply = all_blocked_reply(&[block(&long), block("kort")]).unwrap();
    let line = reply.text.one_line();
    assert!(
        line.chars().count() <= MAX_BLOCK_REPLY_CHARS,
        "{}",
        line.len()
    );
    assert!(!line.contains(['\r', '\n']));
    let mut mixed = vec![block("a")];
    mixed.push(Decision {
        action: Action::Pickup,
        ..block("b")
    });
    assert!(all_blocked_reply(&mixed).is_none());
    assert!(all_blocked_reply(&[]).is_none());
}

#[test]
fn treat_as_clean_hides_findings_but_never_lowers_the_floor_or_frees_unscannable() {
    let set = policy(&format!(
        "{HEAD}[[rule]]\nname = \"leverancier\"\nsender = [\"facturen@p.nl\"]\ncategories = [\"bsn\"]\ntreat_as_clean = true\njustification = \"ordernummers\"\n\
         [[rule]]\nname = \"gevoelig\"\nsensitive = true\naction = \"encrypt\"\nfallback = \"pickup\"\n{DEFAULT}"
    ));
    let r = report(vec![finding(Category::Bsn, 0.9)], false);
    let ev = set.evaluate(&ctx("facturen@p.nl", &["b@c.nl"]), &r);
    let o = &ev.outcomes[0];
    assert_eq!(
        o.decision.rule,
        "p.toml:default [treat_as_clean: p.toml:leverancier]"
    );
    assert_eq!(
        o.decision.action,
        deliver(TransportRequirement::DaneOrMtaSts)
    );
    assert_eq!(
        o.exception,
        Some(("p.toml:leverancier".into(), "ordernummers".into()))
    );
    // Another sender: no exception.
    let ev = set.evaluate(&ctx("balie@p.nl", &["b@c.nl"]), &r);
    assert_eq!(ev.outcomes[0].decision.rule, "p.toml:gevoelig");
    // Unscannable content is never released.
    let mut r2 = r.clone();
    r2.unscannable.push("encrypted zip".into());
    let ev = set.evaluate(&ctx("facturen@p.nl", &["b@c.nl"]), &r2);
    assert_eq!(ev.outcomes[0].decision.rule, "p.toml:gevoelig");
    assert_eq!(ev.outcomes[0].exception, None);
}

#[test]
fn tenants_are_kept_apart_and_an_unknown_tenant_gets_the_safe_builtin() {
    let set = policy(&format!("{HEAD}{DEFAULT}"));
    let mut c = ctx("a@p.nl", &["b@c.nl"]);
    c.tenant = "andere-praktijk".into();
    let d = set.decide(&c, &report(vec![finding(Category::Bsn, 1.0)], false));
    assert_eq!(
        d[0].action,
        Action::Encrypt {
            fallback: Box::new(Action::Pickup)
        }
    );
    assert_eq!(d[0].rule, "builtin:sensitive");
}

#[test]
fn decided_audit_events_carry_rule_action_and_categories_only() {
    let set = policy(&format!(
        "{HEAD}[[rule]]\nname = \"gevoelig\"\nsensitive = true\naction = \"encrypt\"\nfallback = \"pickup\"\n{DEFAULT}"
    ));
    let mut c = ctx("a@p.nl", &["b@c.nl", "d@e.nl"]);
    c.subject = Some("Uitslag van mevrouw Jansen".into());
    let ev = set.evaluate(&c, &report(vec![finding(Category::Bsn, 1.0)], false));
    let (audit, mut rx) = Audit::channel();
    audit_evaluation(&audit, "00000000000000ab", &ev);
    let mut events = Vec::new();
    while let Ok(e) = rx.try_recv() {
        events.push(e);
    }
    assert_eq!(events.len(), 2);
    assert_eq!(events[1].recipient.as_deref(), Some("d@e.nl"));
    assert_eq!(events[0].kind, "decided");
    assert_eq!(events[0].detail["rule"], "p.toml:gevoelig");
    assert_eq!(events[0].detail["action"], "encrypt");
    assert_eq!(events[0].detail["fallback"], "pickup");
    assert_eq!(events[0].detail["categories"], serde_json::json!(["bsn"]));
    let all = serde_json::to_string(&events).unwrap();
    assert!(!all.contains("Jansen") && !all.contains("6782"), "{all}");
}

fn errors_of(text: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("p.toml"), text).unwrap();
    match PolicySet::load(dir.path()) {
        Ok(_) => vec![],
        Err(diags) => diags.iter().map(|d| d.to_string()).collect(),
    }
}

#[test]
fn a_chain_parses_in_table_and_inline_form() {
    let chain = Action::Encrypt {
        fallback: Box::new(Action::Deliver {
            transport: TransportRequirement::Nta7516,
            fallback: Some(Box::new(Action::Deliver {
                transport: TransportRequirement::Dane,
                fallback: Some(Box::new(Action::Pickup)),
            })),
        }),
    };
    let tables = policy(&format!(
        "{HEAD}[[rule]]\nname = \"zorgpartners\"\nsensitive = true\naction = \"encrypt\"\n\
         [rule.fallback]\naction = \"deliver\"\ntransport = \"nta7516\"\n\
         [rule.fallback.fallback]\naction = \"deliver\"\ntransport = \"dane\"\nfallback = \"pickup\"\n\
         [default]\naction = \"deliver\"\ntransport = \"none\"\n"
    ));
    let inline = policy(&format!(
        "{HEAD}[[rule]]\nname = \"zorgpartners\"\nsensitive = true\naction = \"encrypt\"\n\
         fallback = {{ action = \"deliver\", transport = \"nta7516\", fallback = {{ action = \"deliver\", transport = \"dane\", fallback = \"pickup\" }} }}\n{DEFAULT}"
    ));
    let sensitive = report(vec![finding(Category::Health, 0.9)], false);
    for set in [tables, inline] {
        let d = set.decide(&ctx("a@p.nl", &["b@c.nl"]), &sensitive);
        assert_eq!(d[0].action, chain);
    }
}

#[test]
fn deliver_with_a_block_fallback_keeps_its_reason_beside_it() {
    let set = policy(&format!(
        "{HEAD}[[rule]]\nname = \"dane-of-niet\"\nsensitive = true\naction = \"deliver\"\ntransport = \"dane\"\n\
         fallback = \"block\"\nreason_nl = \"Geen DANE\"\nreason_en = \"No DANE\"\n{DEFAULT}"
    ));
    let d = set.decide(
        &ctx("a@p.nl", &["b@c.nl"]),
        &report(vec![finding(Category::Bsn, 0.99)], false),
    );
    assert_eq!(
        d[0].action,
        Action::Deliver {
            transport: TransportRequirement::Dane,
            fallback: Some(Box::new(Action::Block {
                reason: Bilingual::new("Geen DANE", "No DANE")
            })),
        }
    );
}

#[test]
fn broken_chains_are_explained() {
    let e = errors_of(&format!(
        "{HEAD}[[rule]]\nname = \"a\"\naction = \"deliver\"\ntransport = \"dane\"\nfallback = \"deliver\"\n{DEFAULT}"
    ));
    assert!(
        e.iter()
            .any(|d| d.contains("eigen tabel") && d.contains("table of its own")),
        "{e:?}"
    );
    let e = errors_of(&format!(
        "{HEAD}[[rule]]\nname = \"a\"\naction = \"deliver\"\ntransport = \"dane\"\nfallback = {{ action = \"encrypt\", fallback = \"pickup\" }}\n{DEFAULT}"
    ));
    assert!(
        e.iter().any(|d| d.contains("cannot itself be `encrypt`")),
        "{e:?}"
    );
    let e = errors_of(&format!(
        "{HEAD}[[rule]]\nname = \"a\"\naction = \"deliver\"\ntransport = \"dane\"\nfallback = {{ action = \"deliver\", transprot = \"tls\" }}\n{DEFAULT}"
    ));
    assert!(e.iter().any(|d| d.contains("`transprot`")), "{e:?}");
    // Sensitive mail: a fallback below the floor is an error too.
    let e = errors_of(&format!(
        "{HEAD}[[rule]]\nname = \"a\"\nsensitive = true\naction = \"deliver\"\ntransport = \"dane\"\nfallback = {{ action = \"deliver\", transport = \"tls\" }}\n{DEFAULT}"
    ));
    assert!(e.iter().any(|d| d.contains("transport `tls`")), "{e:?}");
    let deep = "fallback = { action = \"deliver\", transport = \"dane\", ".repeat(4)
        + "fallback = \"pickup\""
        + &" }".repeat(4);
    let e = errors_of(&format!(
        "{HEAD}[[rule]]\nname = \"a\"\naction = \"deliver\"\ntransport = \"dane\"\n{deep}\n{DEFAULT}"
    ));
    assert!(e.iter().any(|d| d.contains("too many fallbacks")), "{e:?}");
    // A transport beside `encrypt` whose fallback is a table is a mistake.
    let e = errors_of(&format!(
        "{HEAD}[[rule]]\nname = \"a\"\naction = \"encrypt\"\ntransport = \"dane\"\nfallback = {{ action = \"pickup\" }}\n{DEFAULT}"
    ));
    assert!(
        e.iter()
            .any(|d| d.contains("`transport` does not belong with `fallback = { ... }`")),
        "{e:?}"
    );
}

#[test]
fn check_and_test_spell_out_a_chain_dutch_first() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("p.toml"),
        format!(
            "{HEAD}[[rule]]\nname = \"gevoelig\"\nsensitive = true\naction = \"encrypt\"\n\
             fallback = {{ action = \"deliver\", transport = \"nta7516\", fallback = \"pickup\" }}\n{DEFAULT}"
        ),
    )
    .unwrap();
    let (out, code) = cli::check_report(dir.path());
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains(
            "keten/chain p.toml:gevoelig: encrypt, fallback deliver, transport nta7516; \
             lukt dat niet / if that cannot be met: pickup"
        ),
        "{out}"
    );
}

#[test]
fn the_decided_event_names_the_chain() {
    let d = Decision {
        recipient: "b@c.nl".into(),
        action: Action::Encrypt {
            fallback: Box::new(Action::Deliver {
                transport: TransportRequirement::Nta7516,
                fallback: Some(Box::new(Action::Pickup)),
            }),
        },
        rule: "p.toml:gevoelig".into(),
        categories: vec![Category::Health],
        unscannable: false,
    };
    let e = decided_event("default", "m1", &d);
    assert_eq!(e.detail["chain"], "encrypt > deliver:nta7516 > pickup");
    assert_eq!(e.detail["transport"], "nta7516");
}

#[test]
fn nta7516_without_a_fallback_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("p.toml"),
        format!(
            "{HEAD}[[rule]]\nname = \"nta\"\nsensitive = true\naction = \"deliver\"\ntransport = \"nta7516\"\n{DEFAULT}"
        ),
    )
    .unwrap();
    let (out, code) = cli::check_report(dir.path());
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("waarschuwing/warning: `nta7516` zonder `fallback`"),
        "{out}"
    );
    assert!(
        out.contains("hint: voeg toe: fallback = \"pickup\""),
        "{out}"
    );
}
