//! `sluis policy check`: every broken fixture gives exactly these
//! diagnostics (positions, Dutch and English text, hints) and exit status 1;
//! the shipped policies pass.

use sluis::policy::check_path;
use sluis::policy::cli::check_report;
use std::path::Path;

fn expect(path: &str, expected: &str) {
    let (out, code) = check_report(Path::new(path));
    assert_eq!(out, expected, "\n--- got ---\n{out}");
    assert_eq!(code, 1);
}

#[test]
fn broken_contradictions() {
    expect(
        "tests/fixtures/policy/broken-contradictions.toml",
        r#"tests/fixtures/policy/broken-contradictions.toml:6:18: fout/error: `min_confidence` moet tussen 0 en 1 liggen, niet 1.5 / `min_confidence` must be between 0 and 1, not 1.5
  hint: 0.0 = elke vondst, 1.0 = alleen zekere vondsten; bijvoorbeeld 0.8 / 0.0 = any finding, 1.0 = only certain findings; for example 0.8
tests/fixtures/policy/broken-contradictions.toml:12:12: fout/error: `size_min` (5000) is groter dan `size_max` (100): deze regel past nooit / `size_min` (5000) is larger than `size_max` (100): this rule never matches
  hint: verwissel of verbeter de twee waarden / swap or correct the two values
tests/fixtures/policy/broken-contradictions.toml:19:13: fout/error: gevoelige mail mag niet worden afgeleverd met transport `none` / sensitive mail must not be delivered with transport `none`
  hint: gebruik transport = "dane-or-mta-sts" of "dane", of action = "encrypt" / use transport = "dane-or-mta-sts" or "dane", or action = "encrypt"
tests/fixtures/policy/broken-contradictions.toml:23:13: fout/error: tegenstrijdige voorwaarden: `sensitive = false` met `unscannable = true` / contradictory conditions: `sensitive = false` with `unscannable = true`
  hint: verwijder een van de twee / remove one of the two
4 fout(en), 0 waarschuwing(en); het beleid wordt niet geladen / 4 error(s), 0 warning(s); the policy is not loaded
"#,
    );
}

#[test]
fn broken_dir() {
    expect(
        "tests/fixtures/policy/broken-dir",
        r#"tests/fixtures/policy/broken-dir/20-extra.toml:4:1: fout/error: afzendergroep `artsen` bestaat al (10-basis.toml:4) / sender group `artsen` already defined (10-basis.toml:4)
  hint: voeg de lijsten samen of kies een andere naam / merge the lists or pick another name
tests/fixtures/policy/broken-dir/20-extra.toml:6:1: fout/error: regel `bsn-artsen` wordt nooit bereikt: regel `gevoelig` (10-basis.toml:6) past op alle mail waarop deze regel past / rule `bsn-artsen` is never reached: rule `gevoelig` (10-basis.toml:6) matches all mail this rule matches
  hint: zet regel `bsn-artsen` vóór `gevoelig`, of maak `gevoelig` specifieker / move rule `bsn-artsen` before `gevoelig`, or make `gevoelig` narrower
tests/fixtures/policy/broken-dir/20-extra.toml:12:1: fout/error: tweede [default] voor deze tenant (eerste: 10-basis.toml:12) / second [default] for this tenant (first: 10-basis.toml:12)
  hint: houd één [default] per tenant / keep one [default] per tenant
3 fout(en), 0 waarschuwing(en); het beleid wordt niet geladen / 3 error(s), 0 warning(s); the policy is not loaded
"#,
    );
}

#[test]
fn broken_fallback() {
    expect(
        "tests/fixtures/policy/broken-fallback.toml",
        r#"tests/fixtures/policy/broken-fallback.toml:6:10: fout/error: regel `zonder-fallback`: `encrypt` zonder `fallback` / rule `zonder-fallback`: `encrypt` without `fallback`
  hint: voeg toe wat er gebeurt als de ontvanger geen sleutel heeft: fallback = "pickup" / add what happens when the recipient has no key: fallback = "pickup"
tests/fixtures/policy/broken-fallback.toml:8:1: fout/error: regel `blok-zonder-reden`: `block` zonder reden in het Nederlands en het Engels / rule `blok-zonder-reden`: `block` without a reason in Dutch and English
  hint: voeg reason_nl = "..." en reason_en = "..." toe / add reason_nl = "..." and reason_en = "..."
2 fout(en), 0 waarschuwing(en); het beleid wordt niet geladen / 2 error(s), 0 warning(s); the policy is not loaded
"#,
    );
}

#[test]
fn broken_misc() {
    expect(
        "tests/fixtures/policy/broken-misc.toml",
        r#"tests/fixtures/policy/broken-misc.toml:1:1: fout/error: `tenant` ontbreekt / `tenant` is missing
  hint: zet bovenaan het bestand: tenant = "default" / put at the top of the file: tenant = "default"
tests/fixtures/policy/broken-misc.toml:2:20: fout/error: `subject_triggers` is een lege lijst / `subject_triggers` is an empty list
  hint: vul de lijst of verwijder `subject_triggers` / fill the list or remove `subject_triggers`
tests/fixtures/policy/broken-misc.toml:6:21: fout/error: `ziekenhuis` is geen domeinnaam / `ziekenhuis` is not a domain name
  hint: schrijf domein.nl, of *.domein.nl voor de subdomeinen / write domain.nl, or *.domain.nl for its subdomains
tests/fixtures/policy/broken-misc.toml:7:10: fout/error: `sender` is een lege lijst / `sender` is an empty list
  hint: vul de lijst of verwijder `sender` / fill the list or remove `sender`
tests/fixtures/policy/broken-misc.toml:9:1: fout/error: `transport` hoort niet bij `pickup` / `transport` does not belong with `pickup`
  hint: verwijder `transport` / remove `transport`
tests/fixtures/policy/broken-misc.toml:15:12: fout/error: `fallback` kan niet zelf `encrypt` zijn / `fallback` cannot itself be `encrypt`
  hint: kies uit: pickup, deliver, block / choose from: pickup, deliver, block
tests/fixtures/policy/broken-misc.toml:19:1: fout/error: `justification` hoort alleen bij `treat_as_clean = true` / `justification` only belongs with `treat_as_clean = true`
  hint: verwijder `justification` / remove `justification`
tests/fixtures/policy/broken-misc.toml:22:13: fout/error: `reason_en` moet één regel tekst zijn van 1 tot 180 tekens / `reason_en` must be one line of 1 to 180 characters
  hint: de reden komt in het SMTP-antwoord aan de afzender; houd hem kort / the reason goes into the SMTP reply to the sender; keep it short
8 fout(en), 0 waarschuwing(en); het beleid wordt niet geladen / 8 error(s), 0 warning(s); the policy is not loaded
"#,
    );
}

#[test]
fn broken_names() {
    expect(
        "tests/fixtures/policy/broken-names.toml",
        r#"tests/fixtures/policy/broken-names.toml:1:1: fout/error: tenant `default` heeft geen [default] / tenant `default` has no [default]
  hint: voeg een blok [default] toe met de actie voor mail waar geen regel op past / add a [default] block with the action for mail no rule matches
tests/fixtures/policy/broken-names.toml:4:38: fout/error: `geen-adres` is geen e-mailadres / `geen-adres` is not an e-mail address
  hint: schrijf naam@domein.nl, of *@domein.nl voor een heel domein / write name@domain.nl, or *@domain.nl for a whole domain
tests/fixtures/policy/broken-names.toml:8:27: fout/error: onbekende afzendergroep `assistenten` / unknown sender group `assistenten`
  hint: definieer hem onder [groups]; bekend: artsen / define it under [groups]; known: artsen
tests/fixtures/policy/broken-names.toml:12:8: fout/error: regelnaam `dubbel` bestaat al (broken-names.toml:6) / rule name `dubbel` already used (broken-names.toml:6)
  hint: geef elke regel een eigen naam / give every rule its own name
tests/fixtures/policy/broken-names.toml:13:26: fout/error: onbekende domeinlijst `partners` / unknown domain list `partners`
  hint: definieer hem onder [domain_lists]; bekend: - / define it under [domain_lists]; known: -
tests/fixtures/policy/broken-names.toml:16:1: fout/error: regel zonder `name` / rule without `name`
  hint: geef de regel een naam, bijvoorbeeld name = "bsn-naar-ziekenhuis" / give the rule a name, for example name = "bsn-to-hospital"
tests/fixtures/policy/broken-names.toml:19:1: fout/error: regel zonder `name` / rule without `name`
  hint: geef de regel een naam, bijvoorbeeld name = "bsn-naar-ziekenhuis" / give the rule a name, for example name = "bsn-to-hospital"
tests/fixtures/policy/broken-names.toml:20:13: fout/error: `sensitive` moet true of false zijn, niet een tekst / `sensitive` must be true or false, not a string
  hint: schrijf bijvoorbeeld sensitive = true / write for example sensitive = true
8 fout(en), 0 waarschuwing(en); het beleid wordt niet geladen / 8 error(s), 0 warning(s); the policy is not loaded
"#,
    );
}

#[test]
fn broken_shadowed() {
    expect(
        "tests/fixtures/policy/broken-shadowed.toml",
        r#"tests/fixtures/policy/broken-shadowed.toml:9:1: fout/error: regel `gevoelig-groot` wordt nooit bereikt: regel `gevoelig` (broken-shadowed.toml:3) past op alle mail waarop deze regel past / rule `gevoelig-groot` is never reached: rule `gevoelig` (broken-shadowed.toml:3) matches all mail this rule matches
  hint: zet regel `gevoelig-groot` vóór `gevoelig`, of maak `gevoelig` specifieker / move rule `gevoelig-groot` before `gevoelig`, or make `gevoelig` narrower
tests/fixtures/policy/broken-shadowed.toml:20:1: fout/error: regel `na-alles` wordt nooit bereikt: regel `alles` (broken-shadowed.toml:15) past al op alle mail / rule `na-alles` is never reached: rule `alles` (broken-shadowed.toml:15) already matches all mail
  hint: zet regel `na-alles` vóór `alles`, of maak `alles` specifieker / move rule `na-alles` before `alles`, or make `alles` narrower
2 fout(en), 0 waarschuwing(en); het beleid wordt niet geladen / 2 error(s), 0 warning(s); the policy is not loaded
"#,
    );
}

#[test]
fn broken_syntax() {
    expect(
        "tests/fixtures/policy/broken-syntax.toml",
        r#"tests/fixtures/policy/broken-syntax.toml:5:18: fout/error: ongeldige TOML: invalid basic string / invalid TOML: invalid basic string
  hint: controleer aanhalingstekens, haakjes en komma's rond deze plek / check quotes, brackets and commas around this place
1 fout(en), 0 waarschuwing(en); het beleid wordt niet geladen / 1 error(s), 0 warning(s); the policy is not loaded
"#,
    );
}

#[test]
fn broken_treat_as_clean() {
    expect(
        "tests/fixtures/policy/broken-treat-as-clean.toml",
        r#"tests/fixtures/policy/broken-treat-as-clean.toml:6:18: fout/error: `treat_as_clean` zonder `sender` of `sender_group` / `treat_as_clean` without `sender` or `sender_group`
  hint: beperk de uitzondering tot vaste afzenders / limit the exception to fixed senders
tests/fixtures/policy/broken-treat-as-clean.toml:12:18: fout/error: `treat_as_clean` zonder `justification` / `treat_as_clean` without `justification`
  hint: leg uit waarom, bijvoorbeeld justification = "ordernummers leverancier" / explain why, for example justification = "supplier order numbers"
tests/fixtures/policy/broken-treat-as-clean.toml:13:1: fout/error: een `treat_as_clean`-regel beslist niet zelf: `action` hoort er niet bij / a `treat_as_clean` rule does not decide: `action` does not belong
  hint: de volgende regels beslissen alsof de mail schoon is; verwijder de actie / the following rules decide as if the mail were clean; remove the action
tests/fixtures/policy/broken-treat-as-clean.toml:19:18: fout/error: `treat_as_clean` kan onleesbare inhoud niet vrijgeven / `treat_as_clean` cannot release unscannable content
  hint: verwijder `unscannable = true` / remove `unscannable = true`
4 fout(en), 0 waarschuwing(en); het beleid wordt niet geladen / 4 error(s), 0 warning(s); the policy is not loaded
"#,
    );
}

#[test]
fn broken_types() {
    expect(
        "tests/fixtures/policy/broken-types.toml",
        r#"tests/fixtures/policy/broken-types.toml:5:12: fout/error: `size_min` moet een geheel getal zijn, niet een tekst / `size_min` must be an integer, not a string
  hint: schrijf bijvoorbeeld size_min = 100000 / write for example size_min = 100000
tests/fixtures/policy/broken-types.toml:6:15: fout/error: `unscannable` moet true of false zijn, niet een tekst / `unscannable` must be true or false, not a string
  hint: schrijf bijvoorbeeld unscannable = true / write for example unscannable = true
tests/fixtures/policy/broken-types.toml:7:14: fout/error: `categories` moet een lijst van teksten zijn, niet een tekst / `categories` must be a list of strings, not a string
  hint: schrijf bijvoorbeeld categories = ["a", "b"] / write for example categories = ["a", "b"]
3 fout(en), 0 waarschuwing(en); het beleid wordt niet geladen / 3 error(s), 0 warning(s); the policy is not loaded
"#,
    );
}

#[test]
fn broken_unknown_key() {
    expect(
        "tests/fixtures/policy/broken-unknown-key.toml",
        r#"tests/fixtures/policy/broken-unknown-key.toml:6:1: fout/error: onbekende sleutel `acton` / unknown key `acton`
  hint: bedoelde u `action`? / did you mean `action`?
tests/fixtures/policy/broken-unknown-key.toml:8:1: fout/error: onbekende sleutel `kleur` / unknown key `kleur`
  hint: toegestaan: action, categories, fallback, justification, min_confidence, name, reason_en, reason_nl, recipient, recipient_domain, recipient_domain_list, sender, sender_group, sensitive, size_max, size_min, subject_trigger, transport, treat_as_clean, unscannable / allowed: action, categories, fallback, justification, min_confidence, name, reason_en, reason_nl, recipient, recipient_domain, recipient_domain_list, sender, sender_group, sensitive, size_max, size_min, subject_trigger, transport, treat_as_clean, unscannable
2 fout(en), 0 waarschuwing(en); het beleid wordt niet geladen / 2 error(s), 0 warning(s); the policy is not loaded
"#,
    );
}

#[test]
fn broken_unknown_values() {
    expect(
        "tests/fixtures/policy/broken-unknown-values.toml",
        r#"tests/fixtures/policy/broken-unknown-values.toml:5:22: fout/error: onbekende categorie `medisch` / unknown category `medisch`
  hint: kies uit: bsn, health, personal / choose from: bsn, health, personal
tests/fixtures/policy/broken-unknown-values.toml:6:10: fout/error: onbekende actie `verstuur` / unknown action `verstuur`
  hint: kies uit: deliver, encrypt, pickup, block / choose from: deliver, encrypt, pickup, block
tests/fixtures/policy/broken-unknown-values.toml:12:13: fout/error: onbekend transport `starttls` / unknown transport `starttls`
  hint: kies uit: none, tls, dane-or-mta-sts, dane, nta7516 / choose from: none, tls, dane-or-mta-sts, dane, nta7516
3 fout(en), 0 waarschuwing(en); het beleid wordt niet geladen / 3 error(s), 0 warning(s); the policy is not loaded
"#,
    );
}

#[test]
fn shipped_policies_pass_check() {
    for dir in ["policies", "policies/examples"] {
        let diags = check_path(Path::new(dir));
        assert!(diags.iter().all(|d| !d.is_error()), "{dir}: {diags:?}");
        let (out, code) = check_report(Path::new(dir));
        assert_eq!(code, 0, "{out}");
    }
    // The default policy has no warnings at all.
    assert_eq!(check_path(Path::new("policies")), vec![]);
}

#[test]
fn a_missing_folder_is_an_error_not_an_empty_policy() {
    let dir = tempfile::tempdir().unwrap();
    let (out, code) = check_report(dir.path());
    assert_eq!(code, 1);
    assert!(
        out.contains("geen beleidsbestanden (*.toml) gevonden / no policy files (*.toml) found"),
        "{out}"
    );
}

#[test]
fn weak_deliveries_and_an_unused_default_are_warnings_not_errors() {
    let (out, code) = check_report(Path::new(
        "tests/fixtures/policy-warnings/weak-default.toml",
    ));
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out,
        r#"tests/fixtures/policy-warnings/weak-default.toml:3:1: waarschuwing/warning: gevoelige mail kan hier komen; het vangnet verhoogt transport `tls` dan tot `dane-or-mta-sts` / sensitive mail can get here; the safety floor then raises transport `tls` to `dane-or-mta-sts`
  hint: zet eerder een regel met sensitive = true en action = "encrypt" / put a rule with sensitive = true and action = "encrypt" before it
tests/fixtures/policy-warnings/weak-default.toml:9:1: waarschuwing/warning: gevoelige mail kan hier komen; het vangnet verhoogt transport `none` dan tot `dane-or-mta-sts` / sensitive mail can get here; the safety floor then raises transport `none` to `dane-or-mta-sts`
  hint: zet eerder een regel met sensitive = true en action = "encrypt" / put a rule with sensitive = true and action = "encrypt" before it
tests/fixtures/policy-warnings/weak-default.toml:15:1: waarschuwing/warning: [default] wordt nooit gebruikt: regel `alles` (weak-default.toml:9) past al op alle mail / [default] is never used: rule `alles` (weak-default.toml:9) already matches all mail
  hint: verwijder die regel of de [default] / remove that rule or the [default]
beleid in orde: 2 regels, tenant(s) default, 3 waarschuwing(en) / policy OK: 2 rules, tenant(s) default, 3 warning(s)
"#
    );
}
