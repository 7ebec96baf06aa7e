//! The values a policy file names, checked one by one: an address
//! pattern, a domain pattern, a detection category. Each reports its own
//! mistake with a bilingual hint and returns `None` for it.

use crate::policy::diag::Pos;
use crate::policy::model::{AddrPattern, DomainPattern};
use crate::policy::walk::Walk;
use crate::types::Category;

const CATEGORIES: &str = "bsn, health, personal";

pub(super) fn addr(w: &mut Walk<'_>, text: &str, pos: Pos) -> Option<AddrPattern> {
    let p = AddrPattern::parse(text);
    if p.is_none() {
        w.error(
            pos,
            (
                format!("`{text}` is geen e-mailadres"),
                format!("`{text}` is not an e-mail address"),
            ),
            (
                "schrijf naam@domein.nl, of *@domein.nl voor een heel domein".into(),
                "write name@domain.nl, or *@domain.nl for a whole domain".into(),
            ),
        );
    }
    p
}

pub(super) fn domain(w: &mut Walk<'_>, text: &str, pos: Pos) -> Option<DomainPattern> {
    let p = DomainPattern::parse(text);
    if p.is_none() {
        w.error(
            pos,
            (
                format!("`{text}` is geen domeinnaam"),
                format!("`{text}` is not a domain name"),
            ),
            (
                "schrijf domein.nl, of *.domein.nl voor de subdomeinen".into(),
                "write domain.nl, or *.domain.nl for its subdomains".into(),
            ),
        );
    }
    p
}

pub(super) fn category(w: &mut Walk<'_>, text: &str, pos: Pos) -> Option<Category> {
    match text {
        "bsn" => Some(Category::Bsn),
        "health" => Some(Category::Health),
        "personal" => Some(Category::Personal),
        _ => {
            w.error(
                pos,
                (
                    format!("onbekende categorie `{text}`"),
                    format!("unknown category `{text}`"),
                ),
                (
                    format!("kies uit: {CATEGORIES}"),
                    format!("choose from: {CATEGORIES}"),
                ),
            );
            None
        }
    }
}
