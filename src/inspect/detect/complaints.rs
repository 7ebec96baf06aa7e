//! Complaints described rather than named: patients write "een rare
//! moedervlek die groter wordt", "mijn knie is dik en warm", "a lump in my
//! breast", "burning when I pee" or "hooofdpijn die niet weggaat" — no
//! term of the vocabulary, or only a weak one, yet unmistakably a symptom
//! of someone. A district nurse writes "de wond is verslechterd" and
//! "Temp 38,1".
//!
//! Each pattern needs a body part, a lesion or a bodily function *and* a
//! change, a state or a place on the body; a word alone ("plek", "warm",
//! "knie") is never enough, so a leaflet about knees or a warm summer stays
//! clean. The possessive in the match ("mijn knie", "his leg") says whose
//! when the sentence does not. Pure; returns positions and classes, never
//! text.

use super::attribution::{self, Attribution};
use super::cached_regex as re;
use super::gates::Gate;
use super::lexicon::{self, Hit};
use super::reading::Reading;
use regex::Regex;
use std::sync::OnceLock;

/// Whose body the match itself names, by its possessive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Possessor {
    Writer,
    ThirdPerson,
    Reader,
    Unsaid,
}

/// One described complaint, or a measured temperature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Described {
    pub start: usize,
    pub end: usize,
    pub possessor: Possessor,
    /// A measured body temperature ("Temp 38,1"), weighed like a lab value.
    pub temperature: bool,
}

/// Body parts, Dutch and English (singular and plural), for the patterns.
const BODY: &str = r"(?:linker\s*|rechter\s*|left\s+|right\s+|lower\s+|upper\s+|onder|boven)?(?:knie|knieën|heup|heupen|schouder|schouders|rug|onderrug|nek|enkel|enkels|voet|voeten|hiel|pols|polsen|elleboog|hand|handen|arm|armen|been|benen|onderbeen|bovenbeen|kuit|kuiten|teen|tenen|vinger|vingers|duim|borst|borsten|tepel|oksel|buik|lies|bil|billen|hoofd|hoofdhuid|gezicht|wang|voorhoofd|oog|ogen|ooglid|oor|oren|neus|keel|mond|tong|lip|lippen|kaak|tand|kies|tandvlees|huid|rug|penis|balzak|teelbal|vagina|schaamlip|schaamstreek|anus|knee|knees|hip|hips|shoulder|shoulders|back|neck|ankle|ankles|foot|feet|heel|wrist|elbow|hand|hands|arm|arms|leg|legs|thigh|calf|toe|toes|finger|fingers|thumb|breast|breasts|nipple|armpit|chest|belly|stomach|tummy|groin|buttock|head|scalp|face|cheek|forehead|eye|eyes|eyelid|ear|ears|nose|throat|mouth|tongue|lip|lips|jaw|tooth|teeth|gums|skin|testicle|scrotum)";

/// Lesions and complaints that can grow, change, stay or sit somewhere.
const LESION: &str = r"(?:\p{L}*pijn|\p{L}*vlek|\p{L}*vlekje|plek|plekje|plekken|bult|bultje|bulten|knobbel|knobbeltje|zwelling|wond|wondje|zweer|uitslag|eczeem|jeuk|hoest|blaar|blaasje|wrat|puist|moedervlek|lump|lumps|bump|mole|spot|spots|rash|swelling|wound|sore|ulcer|blister|wart|cyst|ache|pain|cough|itch)";

fn described() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        &format!(
            r"(?ix)
            # a lesion that changes or will not go: 'moedervlek die groter wordt', 'a mole that seems to be growing'
            (?-u:\b){LESION}(?-u:\b)[^\n.!?]{{0,40}}?(?-u:\b)(?:die|dat|that|which|wat)\s+(?:(?:seems?\s+to\s+be|is|keeps|steeds|maar|nu|alleen\s+maar|almaar|nog\s+steeds|niet)\s+)*
              (?:groter\s+wordt|groeit|groeien|verandert|veranderd\s+is|bloedt|jeukt|pijn\s+doet|niet\s+(?:weg\s?gaat|overgaat|geneest|dicht\s?gaat|minder\s+wordt)|weggaat|growing|getting\s+(?:bigger|worse)|changing|changed|bleeding|bleeds|itches|itching|spreading|hurts|won'?t\s+go\s+away|doesn'?t\s+go\s+away|not\s+going\s+away|won'?t\s+heal|doesn'?t\s+heal)(?-u:\b)
            # a lesion on someone's body: 'een rode plek op zijn been', 'a lump in my breast'
            | (?-u:\b){LESION}\s+(?:op|aan|in|bij|onder|achter|naast|on|in|under|behind|near)\s+(?:(mijn|m'n|my)|(zijn|z'n|haar|his|her)|(uw|je|jouw|your)|het|de|the)\s+{BODY}(?-u:\b)
            # a body part in a state: 'mijn knie is dik en warm', 'my ankle is swollen'
            | (?-u:\b)(?:(mijn|m'n|my)|(zijn|z'n|haar|his|her)|(uw|je|jouw|your))\s+{BODY}\s+(?:is|zijn|voelt|voelen|wordt|worden|staat|staan|ziet\s+er|are|feels|feel|looks|look|gets|keeps|has\s+been|have\s+been)\s+(?:(?:erg|heel|zo|nog|steeds|helemaal|really|very|so|all|still|now|nu|weer|again|ineens|opeens|flink|best)\s+)*
              (?:dik|gezwollen|opgezet|rood|warm|heet|pijnlijk|stijf|blauw|ontstoken|gevoelloos|doof|koud|wit|geel|swollen|red|hot|sore|painful|stiff|numb|infected|blue|puffy|tender)(?-u:\b)
            # passing water that hurts: 'burning when I pee', 'pijn bij het plassen' (also without 'het')
            | (?-u:\b)(?:burning|burns|stings?|stinging|hurts|pain|pijn|branden|brandt|brandend|prikt|steekt)(?-u:\b)[^\n.!?]{{0,20}}?(?-u:\b)(?:when\s+(?:i|he|she)\s+|bij\s+(?:het\s+)?|tijdens\s+(?:het\s+)?|als\s+(?:ik|hij|zij|ze)\s+|na\s+(?:het\s+)?)(?:pee|pees|peeing|wee|urinate|urinating|pass\s+water|plassen|plas|plast|urineren)(?-u:\b)
            # a wound or pressure sore that got worse: 'de wond aan het onderbeen is verslechterd'
            | (?-u:\b)(?:wond|wonden|wound|wounds|ulcus|decubitus|decubituswond|smetplek)(?-u:\b)[^\n.!?]{{0,50}}?(?-u:\b)(?:verslechterd|verergerd|achteruit\s?gegaan|achteruitgegaan|gaat\s+achteruit|ontstoken|geïnfecteerd|geinfecteerd|infected|worse|worsened|deteriorated|breaks?\s+down|lekt|etter|pus)(?-u:\b)
            # sleep or mood told as behaviour: 'hij slaapt al weken slecht', 'huilt veel', 'sleeps badly'
            | (?-u:\b)(?:slaapt|slaap|sleeps|sleep|sleeping)(?-u:\b)\s+(?:\p{{L}}+\s+){{0,3}}?(?:slecht|nauwelijks|niet\s+meer|amper|onrustig|badly|poorly|hardly)(?-u:\b)
            | (?-u:\b)(?:huilt|huil|cries|crying)(?-u:\b)\s+(?:\p{{L}}+\s+){{0,2}}?(?:veel|vaak|steeds|constant|de\s+hele\s+dag|a\s+lot|all\s+the\s+time)(?-u:\b)
            # a compound complaint said of someone: 'blafhoest', 'zenuwpijn', 'oorontsteking'
            | (?-u:\b)\p{{L}}{{3,}}(?:hoest|pijn|pijnen|ontsteking|infectie)(?-u:\b)
            # drinking every day: 'ik drink elke dag een fles wijn', 'drinks a bottle of wine every day'
            | (?-u:\b)(?:drink|drinkt|drinks|drank)(?-u:\b)[^\n.!?]{{0,50}}?(?-u:\b)(?:fles|flessen|glazen|blikjes|blikken|liter|bottle|bottles|glasses|cans|pints)(?-u:\b)[^\n.!?]{{0,30}}?(?:elke\s+dag|iedere\s+dag|dagelijks|every\s+day|daily|a\s+day|per\s+dag|of\s+meer)
            | (?-u:\b)(?:drink|drinkt|drinks)(?-u:\b)[^\n.!?]{{0,40}}?(?:elke\s+dag|iedere\s+dag|dagelijks|every\s+day|daily)[^\n.!?]{{0,20}}?(?-u:\b)(?:fles|flessen|glazen|blikjes|blikken|liter|bottle|bottles|glasses|cans|pints)(?-u:\b)
            # weight lost or gained: 'van 54 naar 43 kilo', '8 kilo afgevallen', 'lost 10 kg'
            | (?-u:\b)van\s+\d{{2,3}}\s+(?:naar|tot)\s+\d{{2,3}}\s*(?:kilo|kg)(?-u:\b)|(?-u:\b)\d{{1,2}}\s*(?:kilo|kg)\s+(?:afgevallen|aangekomen|kwijt|lichter|zwaarder)(?-u:\b)|(?-u:\b)(?:lost|gained)\s+\d{{1,2}}\s*(?:kilos?|kg|pounds|lbs)(?-u:\b)
            # a lesion at a side of the body or called suspect: 'knobbel li borst', 'pigmentlaesie rug', 'verdachte moedervlek'
            | (?-u:\b)(?:{LESION}|\p{{L}}*laesie)\s+(?:(?:li|re|links|rechts|l|r)\.?\s+)?{BODY}(?-u:\b)
            | (?-u:\b)(?:verdachte|suspicious|suspect)\s+(?:{LESION}|\p{{L}}*laesie)(?-u:\b)
            # wanting to die: 'dat hij er een eind aan wil maken', 'heeft pillen verzameld', 'wants to end his life'
            | (?-u:\b)(?:een\s+eind(?:e)?\s+aan\s+(?:\p{{L}}+\s+){{0,3}}?maken|niet\s+meer\s+(?:verder\s+)?(?:willen\s+|wil\s+)?leven|wil\s+(?:niet\s+meer\s+leven|dood)|dood\s+(?:wil|wilde|willen)|pillen\s+(?:verzameld|gespaard|opgespaard)|zelfmoordgedachten|suïcidale?|suicidale?|suicidal|kill\s+(?:my|him|her)sel(?:f|ves)|end\s+(?:my|his|her|their)\s+(?:own\s+)?life)(?-u:\b)
            # memory or speech failing, told in lay words: 'de weg kwijt', 'in de war', 'can't find his words'
            | (?-u:\b)(?:(?:steeds\s+)?vergeetachtig(?:er)?|(?:is|raakt|was|erg|steeds)\s+in\s+de\s+war|de\s+weg\s+kwijt|weet\s+(?:niet\s+meer|niet)\s+welke\s+dag|herkent\s+(?:mij|me|ons|haar|hem)\s+niet\s+meer|can'?t\s+find\s+(?:his|her|my|the)\s+words|(?:mouth|mondhoek|mond|face|gezicht)\s+(?:\p{{L}}+\s+){{0,2}}?(?:droops?|drooping|hangt|scheef)|slurred\s+speech|praat\s+(?:ineens\s+)?(?:onduidelijk|met\s+dubbele\s+tong))(?-u:\b)
            # a pregnancy or its loss told in lay words: 'in verwachting van haar tweede', 'haar kindje bij 20 weken verloren'
            | (?-u:\b)(?:in\s+verwachting|kindje\s+(?:\p{{L}}+\s+|\d+\s+){{0,4}}?verloren|baby\s+(?:\p{{L}}+\s+|\d+\s+){{0,4}}?verloren|zwangerschap\s+(?:\p{{L}}+\s+){{0,2}}?verloren|lost\s+(?:the|her|our|my|their)\s+baby|expecting\s+(?:a\s+baby|her\s+\p{{L}}+|twins))(?-u:\b)
            # a value of someone told in lay words: 'uw suiker is weer wat hoger', 'my blood pressure was too high'
            | (?-u:\b)(?:(mijn|m'n|my)|(zijn|z'n|haar|his|her)|(uw|je|jouw|your))\s+(?:suiker|suikers|bloedsuiker|bloeddruk|cholesterol|nierfunctie|schildklier|ijzer|hb|blood\s+sugar|sugars?|blood\s+pressure|cholesterol|kidney\s+function|thyroid|iron)\s+(?:is|was|zijn|waren|blijft|bleef|staat|stond|is\s+gestegen|is\s+gedaald|has\s+been|went|seems)\s+(?:\p{{L}}+\s+){{0,4}}?(?:hoog|hoger|te\s+hoog|laag|lager|te\s+laag|gestegen|gedaald|slechter|beter|goed|high|higher|low|lower|up|down|worse|better|raised)(?-u:\b)
            # terminal or palliative: 'terminal lung ca', 'palliatieve sedatie', 'in de terminale fase'
            | (?-u:\b)(?:terminal|terminale?|palliatie(?:f|ve)|palliative)\s+(?:\p{{L}}+\s+){{0,2}}?(?:ca|cancer|kanker|carcinoom|sedatie|sedation|fase|phase|stage|stadium)(?-u:\b)
            # a measured temperature: 'Temp 38,1', 'koorts van 39,2', 'temperature of 38.5'
            | (?-u:\b)((?:temp|temperatuur|temperature|koorts|fever|t)\s*[.:=]?\s*(?:van\s+|of\s+|was\s+|is\s+)?(?:3[7-9]|4[0-2])[,.]\d)(?-u:\b)
            "
        ),
    )
}

/// Every described complaint in the unit, on the lines the gate opens.
pub fn find(r: &Reading) -> Vec<Described> {
    let regex = described();
    let mut out = Vec::new();
    for at in super::gated_matches(r, Gate::Complaint, regex) {
        let line = super::reading::line_range(r.text, at);
        let Some(rest) = r.text.get(at..line.end) else {
            continue;
        };
        let Some(caps) = regex.captures(rest) else {
            continue;
        };
        let Some(whole) = caps.get(0) else { continue };
        let possessor = if [1, 4, 7].iter().any(|&g| caps.get(g).is_some()) {
            Possessor::Writer
        } else if [2, 5, 8].iter().any(|&g| caps.get(g).is_some()) {
            Possessor::ThirdPerson
        } else if [3, 6, 9].iter().any(|&g| caps.get(g).is_some()) {
            Possessor::Reader
        } else {
            // "een rode plek op zijn been die groter wordt": the change
            // matched first; a possessive inside the match still says whose.
            possessive_in(whole.as_str())
        };
        out.push(Described {
            start: at + whole.start(),
            end: at + whole.end(),
            possessor,
            temperature: caps.get(10).is_some(),
        });
        if out.len() >= 20 {
            break;
        }
    }
    out
}

/// The first possessive word in `text`, if any.
fn possessive_in(text: &str) -> Possessor {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .find_map(|word| match word.to_lowercase().as_str() {
            "mijn" | "m'n" | "my" => Some(Possessor::Writer),
            "zijn" | "z'n" | "haar" | "his" | "her" => Some(Possessor::ThirdPerson),
            "uw" | "je" | "jouw" | "your" => Some(Possessor::Reader),
            _ => None,
        })
        .unwrap_or(Possessor::Unsaid)
}

/// The health evidence of the unit's described complaints: the kind, its
/// weight in points (a complaint counts as a strong term, a temperature as
/// a lab value) and whose it is. The sentence says whose first ("Bij mevr.
/// Şahin is de wond ... verslechterd"), else the match's own possessive.
pub fn evidence(r: &Reading) -> Vec<(&'static str, f32, Attribution)> {
    let mut out = Vec::new();
    for d in find(r) {
        let as_term = Hit {
            start: d.start,
            end: d.end,
            classes: lexicon::HEALTH | lexicon::SYMPTOM,
            entry: u32::MAX,
        };
        let how = match attribution::of(r, r.sentence_of(d.start), &as_term) {
            Attribution::Generic => continue,
            Attribution::Nobody => match d.possessor {
                Possessor::Writer => Attribution::Writer,
                Possessor::ThirdPerson => Attribution::Pronoun,
                Possessor::Reader => Attribution::Reader,
                Possessor::Unsaid => Attribution::Nobody,
            },
            said => said,
        };
        if d.temperature {
            out.push(("temperature-value", 2.0, how));
        } else {
            out.push(("described-complaint", 1.0, how));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inspect::TextUnit;
    use crate::types::Location;

    fn found(text: &str) -> Vec<Described> {
        let unit = TextUnit {
            text: text.to_string(),
            loc: Location::default(),
        };
        let reading = Reading::new(&unit);
        find(&reading)
    }

    #[test]
    fn described_complaints_are_found_with_whose_they_are() {
        for (text, whose) in [
            (
                "ik heb een rare moedervlek die groter wordt.",
                Possessor::Unsaid,
            ),
            (
                "hello, i've got a mole that seems to be growing",
                Possessor::Unsaid,
            ),
            (
                "hello, i've got a lump in my breast, ok?",
                Possessor::Writer,
            ),
            (
                "heeft een rode plek op zijn been die groter wordt",
                Possessor::ThirdPerson,
            ),
            ("ik heb mijn knie is dik en warm.", Possessor::Writer),
            ("My left ankle is still swollen", Possessor::Writer),
            ("I have had burning when I pee.", Possessor::Unsaid),
            ("het brandt bij plassen", Possessor::Unsaid),
            (
                "ik heb sinds kort hooofdpijn die niet weggaat",
                Possessor::Unsaid,
            ),
            (
                "is de wond aan het onderbeen verslechterd: rood",
                Possessor::Unsaid,
            ),
            ("Uw huid is rood en warm", Possessor::Reader),
            ("hij slaapt al weken slecht", Possessor::Unsaid),
            ("en huilt veel.", Possessor::Unsaid),
            ("Noah heeft sinds gisteren blafhoest", Possessor::Unsaid),
            ("ik drink elke dag een fles wijn of meer", Possessor::Unsaid),
            ("ze is van 54 naar 43 kilo gegaan", Possessor::Unsaid),
            (
                "mw. Verbruggen - knobbel li borst, graag snel",
                Possessor::Unsaid,
            ),
            ("Teleconsult - verdachte moedervlek", Possessor::Unsaid),
            ("belt dat hij er een eind aan wil maken", Possessor::Unsaid),
            ("dat uw man 's nachts de weg kwijt is", Possessor::Unsaid),
            (
                "He can't find his words since Sunday",
                Possessor::ThirdPerson,
            ),
            ("Lisa is in verwachting van haar tweede", Possessor::Unsaid),
            ("heeft haar kindje bij 20 weken verloren", Possessor::Unsaid),
            ("Uw suiker is helaas weer wat hoger", Possessor::Reader),
            ("Mr Carter, terminal lung ca, may call", Possessor::Unsaid),
        ] {
            let got = found(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].possessor, whose, "{text}");
            assert!(!got[0].temperature, "{text}");
        }
    }

    #[test]
    fn a_measured_temperature_is_one() {
        for text in [
            "Temp 38,1. Wil je komen?",
            "koorts van 39,2 gemeten",
            "T: 38.4",
        ] {
            let got = found(text);
            assert!(got.iter().any(|d| d.temperature), "{text}: {got:?}");
        }
    }

    #[test]
    fn words_alone_or_in_general_talk_are_not_complaints() {
        for text in [
            "De knie is het grootste gewricht van het lichaam.",
            "Een warme zomer: drink voldoende water.",
            "Een moedervlek is meestal onschuldig.",
            "Wondzorg: spreekuur op dinsdag.",
            "De plek van de vergadering is gewijzigd.",
            "Temperature in the fridge: 4.5 degrees.",
            "Bestel nu: 38,5 euro per doos.",
            "Slaap lekker en tot morgen!",
            "Nascholing palliatieve zorg in de regio.",
            "Wij zien uit naar de levering; de verloren voorwerpen liggen bij de balie.",
            "Het contract loopt ten einde; wij verwachten uw reactie.",
            "Suiker en zout: tips voor gezond eten.",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
