//! The compiled policy: rules with typed conditions and actions, as the
//! evaluator uses them. Built only by the loader from checked files, so
//! every rule here is well formed (encrypt has a fallback, block a reason,
//! lists are non-empty).
//!
//! Also the pure set reasoning the checker needs: "does every message that
//! matches rule B also match rule A?" (`Conditions::covers`). It is
//! conservative: `true` only when provable field by field.

use crate::types::{Action, Category};
use std::collections::BTreeSet;

/// An address pattern: `naam@domein.nl`, or `*@domein.nl` for a whole domain.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum AddrPattern {
    Exact(String),
    AnyAt(String),
}

impl AddrPattern {
    /// Lower-cases; `None` when the text is no address pattern.
    pub fn parse(text: &str) -> Option<AddrPattern> {
        let t = text.trim().to_lowercase();
        let (local, domain) = t.rsplit_once('@')?;
        if !valid_domain(domain) || local.is_empty() || local.contains(char::is_whitespace) {
            return None;
        }
        if local == "*" {
            Some(AddrPattern::AnyAt(domain.to_string()))
        } else if local.contains('*') {
            None
        } else {
            Some(AddrPattern::Exact(t))
        }
    }

    /// `address` must already be lower-cased.
    pub fn matches(&self, address: &str) -> bool {
        match self {
            AddrPattern::Exact(a) => a == address,
            AddrPattern::AnyAt(d) => address.rsplit_once('@').is_some_and(|(_, ad)| ad == d),
        }
    }

    fn covers(&self, other: &AddrPattern) -> bool {
        match (self, other) {
            (AddrPattern::AnyAt(d), AddrPattern::Exact(a)) => {
                AddrPattern::AnyAt(d.clone()).matches(a)
            }
            (a, b) => a == b,
        }
    }
}

/// A domain pattern: `domein.nl` exactly, or `*.domein.nl` for its subdomains.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum DomainPattern {
    Exact(String),
    Subdomains(String),
}

impl DomainPattern {
    pub fn parse(text: &str) -> Option<DomainPattern> {
        let t = text.trim().to_lowercase();
        match t.strip_prefix("*.") {
            Some(rest) if valid_domain(rest) => Some(DomainPattern::Subdomains(rest.to_string())),
            Some(_) => None,
            None if valid_domain(&t) => Some(DomainPattern::Exact(t)),
            None => None,
        }
    }

    /// `domain` must already be lower-cased.
    pub fn matches(&self, domain: &str) -> bool {
        match self {
            DomainPattern::Exact(d) => d == domain,
            DomainPattern::Subdomains(d) => domain
                .strip_suffix(d.as_str())
                .is_some_and(|head| head.len() > 1 && head.ends_with('.')),
        }
    }

    fn covers(&self, other: &DomainPattern) -> bool {
        match (self, other) {
            (DomainPattern::Subdomains(_), DomainPattern::Exact(d)) => self.matches(d),
            (DomainPattern::Subdomains(_), DomainPattern::Subdomains(d)) => {
                self == other || self.matches(d)
            }
            (a, b) => a == b,
        }
    }
}

fn valid_domain(d: &str) -> bool {
    !d.is_empty()
        && d.contains('.')
        && !d.starts_with('.')
        && !d.ends_with('.')
        && !d.contains("..")
        && d.chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
}

/// "Any of these categories with at least this confidence".
#[derive(Clone, Debug, PartialEq)]
pub struct CategoryCond {
    pub any_of: BTreeSet<Category>,
    pub min_confidence: f32,
}

/// All conditions of a rule; `None` means "no condition on this".
/// Every present condition must hold (AND); inside a list any entry may match (OR).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Conditions {
    pub sender: Option<Vec<AddrPattern>>,
    /// Members of the named sender groups, flattened.
    pub sender_group: Option<Vec<AddrPattern>>,
    pub recipient: Option<Vec<AddrPattern>>,
    pub recipient_domain: Option<Vec<DomainPattern>>,
    /// Domains of the named domain lists, flattened.
    pub recipient_domain_list: Option<Vec<DomainPattern>>,
    pub categories: Option<CategoryCond>,
    pub unscannable: Option<bool>,
    /// Any finding, unscannable content or a subject trigger.
    pub sensitive: Option<bool>,
    pub subject_trigger: Option<bool>,
    pub size_min: Option<u64>,
    pub size_max: Option<u64>,
}

/// What the evaluator knows about one message and one recipient.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    /// Lower-cased envelope sender and authenticated account.
    pub senders: Vec<String>,
    /// Lower-cased recipient address and its domain.
    pub recipient: String,
    pub recipient_domain: String,
    /// Highest confidence per category present.
    pub confidence: Vec<(Category, f32)>,
    pub unscannable: bool,
    pub subject_trigger: bool,
    /// The message is sensitive by what it is (a patient's portal reply).
    pub always_sensitive: bool,
    /// A floor for sensitive mail stricter than the built-in one.
    pub min_transport: Option<crate::types::TransportRequirement>,
    pub size: u64,
}

impl Facts {
    pub fn sensitive(&self) -> bool {
        !self.confidence.is_empty()
            || self.unscannable
            || self.subject_trigger
            || self.always_sensitive
    }
}

fn any_addr(patterns: &[AddrPattern], addrs: &[String]) -> bool {
    addrs.iter().any(|a| patterns.iter().any(|p| p.matches(a)))
}

fn list_covers<T>(a: &Option<Vec<T>>, b: &Option<Vec<T>>, covers: impl Fn(&T, &T) -> bool) -> bool {
    match (a, b) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(a), Some(b)) => b.iter().all(|q| a.iter().any(|p| covers(p, q))),
    }
}

fn flag_covers(a: Option<bool>, b: Option<bool>) -> bool {
    a.is_none() || a == b
}

impl Conditions {
    pub fn is_catch_all(&self) -> bool {
        *self == Conditions::default()
    }

    pub fn matches(&self, f: &Facts) -> bool {
        let rcpt = std::slice::from_ref(&f.recipient);
        self.sender.as_ref().is_none_or(|p| any_addr(p, &f.senders))
            && self
                .sender_group
                .as_ref()
                .is_none_or(|p| any_addr(p, &f.senders))
            && self.recipient.as_ref().is_none_or(|p| any_addr(p, rcpt))
            && self
                .recipient_domain
                .as_ref()
                .is_none_or(|p| p.iter().any(|d| d.matches(&f.recipient_domain)))
            && self
                .recipient_domain_list
                .as_ref()
                .is_none_or(|p| p.iter().any(|d| d.matches(&f.recipient_domain)))
            && self.categories.as_ref().is_none_or(|c| {
                f.confidence
                    .iter()
                    .any(|(cat, conf)| c.any_of.contains(cat) && *conf >= c.min_confidence)
            })
            && self.unscannable.is_none_or(|u| u == f.unscannable)
            && self.sensitive.is_none_or(|s| s == f.sensitive())
            && self.subject_trigger.is_none_or(|t| t == f.subject_trigger)
            && self.size_min.is_none_or(|m| f.size >= m)
            && self.size_max.is_none_or(|m| f.size <= m)
    }

    /// Only mail with findings, unscannable content or a trigger can match.
    pub fn implies_sensitive(&self) -> bool {
        self.categories.is_some()
            || self.sensitive == Some(true)
            || self.unscannable == Some(true)
            || self.subject_trigger == Some(true)
    }

    /// `sensitive`, also when only implied by other conditions.
    fn effective_sensitive(&self) -> Option<bool> {
        if self.implies_sensitive() {
            Some(true)
        } else {
            self.sensitive
        }
    }

    /// True when every message matching `other` also matches `self`.
    pub fn covers(&self, other: &Conditions) -> bool {
        list_covers(&self.sender, &other.sender, AddrPattern::covers)
            && list_covers(&self.sender_group, &other.sender_group, AddrPattern::covers)
            && list_covers(&self.recipient, &other.recipient, AddrPattern::covers)
            && list_covers(
                &self.recipient_domain,
                &other.recipient_domain,
                DomainPattern::covers,
            )
            && list_covers(
                &self.recipient_domain_list,
                &other.recipient_domain_list,
                DomainPattern::covers,
            )
            && match (&self.categories, &other.categories) {
                (None, _) => true,
                (Some(_), None) => false,
                (Some(a), Some(b)) => {
                    b.any_of.is_subset(&a.any_of) && a.min_confidence <= b.min_confidence
                }
            }
            && flag_covers(self.unscannable, other.unscannable)
            && flag_covers(self.sensitive, other.effective_sensitive())
            && flag_covers(self.subject_trigger, other.subject_trigger)
            && self.size_min.unwrap_or(0) <= other.size_min.unwrap_or(0)
            && self.size_max.unwrap_or(u64::MAX) >= other.size_max.unwrap_or(u64::MAX)
    }
}

/// One rule, ready to evaluate.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// `file.toml:name`, as shown in audit and `policy test`.
    pub id: String,
    pub conditions: Conditions,
    pub kind: RuleKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum RuleKind {
    /// Decides: first matching rule wins.
    Decide(Action),
    /// Explicit, audited override: the findings are treated as known false
    /// positives and evaluation continues with the next rules as if the mail
    /// were clean. Never lowers the floor; never applies to unscannable mail.
    TreatAsClean { justification: String },
}

/// The policy of one tenant (practice), from all its files in name order.
#[derive(Clone, Debug, PartialEq)]
pub struct TenantPolicy {
    pub tenant: String,
    pub rules: Vec<Rule>,
    pub default_id: String,
    pub default: Action,
    /// Subject tags that force secure handling (`[beveiligd]`), lower-cased.
    pub subject_triggers: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn address_patterns_parse_and_match_case_insensitively() {
        let p = AddrPattern::parse("Dokter@Praktijk.NL").unwrap();
        assert!(p.matches("dokter@praktijk.nl"));
        let any = AddrPattern::parse("*@praktijk.nl").unwrap();
        assert!(any.matches("x@praktijk.nl"));
        assert!(!any.matches("x@sub.praktijk.nl"));
        assert!(any.covers(&p));
        assert!(!p.covers(&any));
        for bad in ["geen-adres", "a@b", "a*b@c.nl", "@c.nl", "a@.nl"] {
            assert!(AddrPattern::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn subdomain_patterns_do_not_match_the_domain_itself() {
        let p = DomainPattern::parse("*.zorg.nl").unwrap();
        assert!(p.matches("a.zorg.nl"));
        assert!(!p.matches("zorg.nl"));
        assert!(!p.matches("nietzorg.nl"));
        assert!(p.covers(&DomainPattern::parse("x.zorg.nl").unwrap()));
        assert!(p.covers(&DomainPattern::parse("*.x.zorg.nl").unwrap()));
        assert!(!p.covers(&DomainPattern::parse("zorg.nl").unwrap()));
    }

    #[test]
    fn covers_is_field_wise_inclusion() {
        let general = Conditions {
            sensitive: Some(true),
            ..Conditions::default()
        };
        let narrow = Conditions {
            sensitive: Some(true),
            size_min: Some(10),
            ..Conditions::default()
        };
        assert!(general.covers(&narrow));
        assert!(!narrow.covers(&general));
        assert!(Conditions::default().covers(&narrow));
    }
}
