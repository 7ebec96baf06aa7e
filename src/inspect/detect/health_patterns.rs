//! The patterns of the health detector: dosages, lab values, ICPC codes,
//! sick notes, specialist appointments, vaccinations given, pregnancies,
//! medication requests, treatments of a body part, and a condition said of
//! one person. Split from `health.rs` (which scores what they find), as
//! `bsn_around.rs` is from `bsn.rs`.

use crate::inspect::detect::cached_regex as re;
use regex::Regex;
use std::sync::OnceLock;

pub(crate) fn dosage() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)(?-u:\b)\d+(?:[.,/]\d+)*\s*(?:mg|mcg|µg|ug|microgram|milligram|gram|g|ml|ie|e|eh|mmol|%|puffs?|pufjes?|tabletten|tablets?|capsules?|druppels|drops)(?-u:\b)|(?-u:\b)\d\s*(?:dd|x\s*(?:per|daags|a)\s*(?:dag|day)|times (?:a |per )?day|times daily)\s*\d*|(?-u:\b)(?:zo nodig|z\.n\.|as needed|once daily|twice daily|twee keer per dag|een keer per dag|1dd|2dd|3dd|4dd)",
    )
}

pub(crate) fn lab_value() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)^[\s:=(]*(?:was|is|van|of|bedraagt|bedroeg|gemeten|measured|at)?\s*[<>≤≥]?\s*\d+(?:[.,]\d+)?\s*(?:mmol/l|mmol/mol|µmol/l|umol/l|ml/min(?:/1[.,]73\s?m2)?|mg/l|mg/dl|g/l|g/dl|µg/l|ug/l|ng/ml|ng/l|pmol/l|mu/l|mmhg|/min|kg/m2|kg|%|x\s?10\^?9/l|e/l|iu/l|u/l|sec|s)?",
    )
}

pub(crate) fn icpc_code() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r"(?-u:\b)([A-Z]\d{2})(?:\.\d{2})?(?-u:\b)[ \t:-]+\p{L}")
}

/// `icpc_code` anchored at the start of a window.
pub(super) fn icpc_at() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, r"^([A-Z]\d{2})(?:\.\d{2})?(?-u:\b)[ \t:-]+\p{L}")
}

pub(crate) fn sick_note() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)(?-u:\b)(?:is (?:vanaf \w+ )?ziek|ik ben (?:(?:vandaag|vanochtend|vannacht|sinds|gisteren|helaas|al|nog|erg|flink|behoorlijk|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+){0,2}ziek|ik meld (?:me|mij) (?:\w+ )?ziek|i'?m (?:off )?sick|i am (?:off )?sick|i'?m ill|i am ill|ziek gemeld|ziekgemeld|meldt zich ziek|ziekmelding|is off sick|called in sick|on sick leave|sick leave|off sick|won'?t be in|can'?t come in|not coming in|afwezig (?:wegens|vanwege)|uitgevallen (?:wegens|vanwege|door)|kan (?:vandaag |morgen )?niet komen werken|blijf (?:vandaag )?thuis)",
    )
}

/// An appointment with a named medical specialist in one sentence: "your
/// appointment with dr. S. de Graaf, neurologist" (on one line: titles
/// and initials have dots), "afspraak bij de cardioloog". For a named
/// patient that is health data by itself (it says which specialist treats
/// them); a GP appointment is not counted.
pub(crate) fn specialist_appointment() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)(?-u:\b)(?:afspraak|afspraken|appointment|consult|spreekuur|opname|admission|onderzoek|scan|operatie|ingreep|surgery|procedure)(?-u:\b)[^\n]{0,120}?(?-u:\b)(?:\p{L}*(?:loog|logist|chirurg|surgeon|iater|iatrist|therapeut|therapist|ologie|ology)|\p{L}+-arts|polikliniek|outpatient clinic|medisch specialist|medical specialist|internist|longarts|oogarts|kno-arts|kinderarts|revalidatiearts|geriater|verloskundige|ent specialist|paediatrician|pediatrician|ophthalmologist|obstetrician|mri|ct-scan|echo|endoscopie|coloscopie|gastroscopie|röntgen|x-ray)(?-u:\b)",
    )
}

/// A vaccination given to someone: "heeft de BMR-vaccinatie gekregen",
/// "received the hepatitis B vaccine". An invitation ("kan de griepprik
/// krijgen") is not one.
pub(crate) fn vaccination_given() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)(?:vaccinatie|vaccin|inenting|vaccine|vaccination|booster)\S*[^\n.]{0,60}?(?-u:\b)(?:gekregen|ontvangen|toegediend|gegeven|gezet|received|given|administered)(?-u:\b)|(?-u:\b)(?:gekregen|ontvangen|toegediend|kreeg|received|was given|has had)(?-u:\b)[^\n.]{0,40}?(?:vaccinatie|vaccin|inenting|vaccine|vaccination|booster)",
    )
}

/// A pregnancy stated of someone: "is 20 weken zwanger", "is pregnant",
/// "ik ben zwanger", "I'm 12 weeks pregnant", "AD 38+3".
/// Generic text says "als u zwanger bent" or "wie zwanger is".
pub(crate) fn pregnancy_of_person() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)(?-u:\b)(?:is|was|ben|am|i'm|she's|ze is|zij is)\s+(?:(?:ruim|bijna|nu|inmiddels|about|now|currently)\s+)?(?:\d+(?:[+,]\d+)?\s*(?:weken|wk|weeks)\s+)?(?:zwanger|pregnant)(?-u:\b)|(?-u:\b)(?:AD|amenorroeduur|zwangerschapsduur|gestational age)\s*:?\s*\d{1,2}\s*\+\s*\d(?-u:\b)|(?-u:\b)(?:bevallen van|gave birth to|miskraam gehad|had a miscarriage|a miscarriage)",
    )
}

/// A request for someone's medication: "graag een herhaalrecept voor",
/// "kunt u mijn recept klaarzetten", "ik ben door mijn sertraline heen",
/// "could I have a refill". A medication named in such a mail is the
/// asker's (or their patient's), also on a line of its own ("- salbutamol").
/// "receptie" is no request; a practice's order of stock says "bestelling",
/// not "bestel ik".
pub(crate) fn medication_request() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)(?-u:\b)(?:herhaal(?:recept(?:en)?|medicatie|verzoek|voorschrift)|herhalingsrecept|herhaling|recept(?:en|je)?|refill|repeat prescription|bijna op|(?:ben|is|zijn) (?:bijna )?door (?:mijn|m'n|haar|zijn|de) [^\n.]{1,40}? heen|klaar ?(?:te )?zetten|klaarzet\w*|klaargezet|bestel ik|ik bestel|graag bestellen|wil ik bestellen)(?-u:\b)",
    )
}

/// A treatment of someone's body part: "uw behandelingen aan uw knie",
/// "therapie voor haar linker schouder", "treatment for his lower back".
/// The possessive says whose (group 1).
pub(crate) fn treatment_of_person() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)(?-u:\b)(?:behandeling(?:en)?|behandeld|behandelen|fysiotherapie|oefentherapie|therapie|sessies?|oefeningen|revalidatie|treatments?|treated|therapy|physiotherapy|physio|sessions?|rehabilitation)(?-u:\b)[^\n.]{0,30}?(?-u:\b)(?:aan|voor|van|op|for|of|on|to)\s+(uw|je|jouw|zijn|haar|mijn|m'n|your|his|her|my)\s+(?:(?:linker|rechter|left|right|lage|lower|onder)\s*)?(?:knie|knieën|heup|heupen|schouder|schouders|rug|onderrug|nek|enkel|voet|voeten|pols|elleboog|hand|arm|been|benen|bekken|bekkenbodem|kaak|hamstring|achillespees|kuit|lies|duim|knee|knees|hip|shoulder|back|neck|ankle|foot|feet|wrist|elbow|leg|legs|pelvis|pelvic floor|jaw|calf|groin|thumb)(?-u:\b)",
    )
}

/// A diagnosis someone was given, right before the condition: "sinds de
/// diagnose vasculaire dementie", "haar diagnose", "the diagnosis of". A
/// leaflet says "een diagnose" or "bij de diagnose van ..." for anyone; it
/// still needs a named or identified person to become a finding.
pub(super) fn diagnosis_made() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?-u:\b)(?:sinds|na|met|since|after|with)\s+(?:de|haar|zijn|the|her|his)\s+(?:diagnose|diagnosis)\s+(?:van\s+|of\s+)?(?:\p{L}+\s+)?$|(?-u:\b)(?:haar|zijn|her|his)\s+(?:diagnose|diagnosis)\s+(?:van\s+|of\s+|is\s+|was\s+)?(?:\p{L}+\s+)?$|(?-u:\b)(?:stelde|stelden|constateerde|heeft|hebben)\s+(?:\p{L}+\s+){0,3}(?:de\s+)?diagnose\s+(?:\p{L}+\s+)?$",
    )
}

/// A condition said of one person in the sentence before it: "zij heeft
/// suïcidale gedachten", "deze patiënt is bekend met COPD", "he was
/// diagnosed with", "u heeft", "uw diabetes", "haar hartfalen". A generic
/// "als u diabetes heeft" or "iedere patiënt heeft recht op" is not.
pub(super) fn attributed_to_person() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)(?-u:\b)(?:(?:hij|zij|ze|he|she|u|you|mevrouw|meneer|(?:de|deze|onze|uw|mijn|the|this|our|your|my)\s+(?:patiënte?|patient|cliënte?|client|dochter|zoon|daughter|son|vader|moeder|father|mother))\s+(?:heeft|had|has|have|bent bekend met|lijdt aan|leed aan|kampt met|is bekend met|is known with|suffers from|was diagnosed with|were diagnosed with|is gediagnosticeerd met|werd gediagnosticeerd met)(?-u:\b)[^.!?\n]{0,60}|(?:uw|your|zijn|haar|his|her)\s+)$",
    )
}
