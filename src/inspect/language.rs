//! Text in a Latin-script language the detectors have no vocabulary for.
//!
//! The detectors read Dutch, English and some German. A Polish or Turkish
//! patient who writes in their own language ("od tygodnia boli mnie
//! gardło", "üç gündür ateşim var") uses none of their words, so the text
//! would be read as "nothing found" and leave in clear. `script.rs` covers
//! other scripts; this covers languages written in Latin letters.
//!
//! How: the function words of a language (articles, pronouns,
//! prepositions, auxiliaries) are a fingerprint that no sentence can avoid.
//! The text is read in overlapping windows of words; a window where the
//! function words of one unread language clearly outnumber those of every
//! read language is a passage we cannot read, and the text is reported
//! unscannable (fail closed). A Dutch letter with a Polish name, a Turkish
//! street or a French greeting stays readable: the window needs several
//! foreign function words and a clear majority.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Words per window, and how far the window moves.
const WINDOW: usize = 40;
const STEP: usize = 20;
/// A window must hold at least this many function words of the unread
/// language, and they must make up this share of its words (in percent),
/// and outnumber the best read language by this factor.
const MIN_HITS: usize = 6;
const MIN_SHARE_PCT: usize = 20;
const MAJORITY: usize = 2;
/// Shorter texts (a subject, a name, a greeting) are never judged.
const MIN_WORDS: usize = 12;

/// Languages the detectors read, with their most frequent function words.
const READ: &[(&str, &str)] = &[
    (
        "Dutch",
        "de het een en van ik is dat niet op te met voor zijn je die er maar om ook als bij \
         of nog wel naar heb hij ze mijn u uw we wij dit kan al geen was wordt heeft hebben \
         over dan worden graag even dank groet beste hoi uit door zou zijn haar hem onze ons \
         deze wat hoe waar wanneer omdat want sinds tot na moet kunt gaat ben bent",
    ),
    (
        "English",
        "the and to of a i is in that it for you my have with on be this not are was but at \
         me from your we can will as so if do had would been has an or by there they please \
         dear thank thanks regards since about what when how our her his him she he",
    ),
    (
        "German",
        "der die das und ist ich nicht mit sie es ein eine zu den von auf für sich dem auch \
         mein meine wir haben habe bin sind war aber wie bei nach noch schon sehr seit ihr \
         können kann wird mir mich uns einen einer guten tag vielen grüße ihre ihnen",
    ),
];

/// Latin-script languages the detectors do not read. Words that are also
/// function words of a read language are ignored (see `table`).
const UNREAD: &[(&str, &str)] = &[
    (
        "Polish",
        "nie się jest że na w z jak mam mnie bardzo ale czy od już jestem może tak ja co po \
         przez dla tego jej jego moja mój mojej mi tylko też dzień dobry pan pani pana panie \
         mnie miał miała mam ma są było było będzie jestem go ją ze we wczoraj dzisiaj \
         tydzień tygodnia dni proszę dziękuję pozdrawiam kiedy gdzie bo bardzo jeszcze",
    ),
    (
        "Turkish",
        "ve bir bu için çok ama ben değil var yok ile mi mı ne gibi daha sonra benim bana \
         beni şey olarak kadar gün merhaba hocam teşekkür ederim oldu oluyor diye şu her hiç \
         annem babam eşim oğlum kızım ki siz sizin size biz bizim hafta gündür beri istiyorum \
         lütfen saygılarımla iyi günler acaba nasıl biraz evde teşekkürler miyim musunuz \
         misiniz lazım şimdi önce yarın bugün dün",
    ),
    (
        "French",
        "le la les des du est et je vous nous pas que qui pour avec dans sur mais mon ma mes \
         suis très depuis aussi ai une un au aux ce cette il elle ils sont avez bonjour merci \
         cordialement madame monsieur docteur votre vos notre",
    ),
    (
        "Spanish",
        "el los las y es que por con para una pero muy estoy tengo desde hace mi mis su sus \
         lo le se del al como está están hola gracias señor señora usted también",
    ),
    (
        "Portuguese",
        "o os não com uma para muito estou tenho eu você do da dos das em no na que se mas \
         obrigado obrigada olá senhor senhora também",
    ),
    (
        "Italian",
        "il gli che non sono per con una della molto ho mi ma sto buongiorno grazie anche \
         perché questo questa signora signor dottore",
    ),
    (
        "Papiamento",
        "ta ku pa den tin ami abo nan tambe hopi awor kaba bon dia mi bo e di un danki \
         mashá sinta tin ku bai",
    ),
    (
        "Frisian",
        "it fan net hie wie mei foar oer sa ek jo hja sy wurdt hawwe wêze myn dyn sjoch kin \
         moat hjir dêr doe hy ús jimme goeie groetnis tige",
    ),
];

/// Bit `i` set: the word is a function word of `READ[i]`, or, shifted by
/// `READ.len()`, of `UNREAD[i]`. A word of a read language is never counted
/// for an unread one.
fn table() -> &'static HashMap<&'static str, u32> {
    static TABLE: OnceLock<HashMap<&'static str, u32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map: HashMap<&'static str, u32> = HashMap::new();
        for (i, (_, words)) in READ.iter().enumerate() {
            for w in words.split_whitespace() {
                *map.entry(w).or_default() |= 1 << i;
            }
        }
        let read_mask = (1u32 << READ.len()) - 1;
        for (i, (_, words)) in UNREAD.iter().enumerate() {
            for w in words.split_whitespace() {
                let bits = map.entry(w).or_default();
                if *bits & read_mask == 0 {
                    *bits |= 1 << (READ.len() + i);
                }
            }
        }
        map
    })
}

/// Letters that only Turkish (ı, ğ, ş) or Polish (ł, ą, ę, ś, ź, ż, ć, ń)
/// among these languages write: a word holding one counts as a word of
/// that language, which matters for Turkish, whose grammar is in suffixes
/// rather than in separate function words.
fn letter_mark(word: &str) -> u32 {
    let bit = |name: &str| {
        UNREAD
            .iter()
            .position(|(n, _)| *n == name)
            .map_or(0, |i| 1u32 << (READ.len() + i))
    };
    if word.contains(['ı', 'ğ', 'ş']) {
        bit("Turkish")
    } else if word.contains(['ł', 'ą', 'ę', 'ś', 'ź', 'ż', 'ć', 'ń']) {
        bit("Polish")
    } else {
        0
    }
}

/// The unread Latin-script language of some passage of `text`, if one
/// clearly dominates a window of it.
pub fn latin_unread(text: &str) -> Option<&'static str> {
    let table = table();
    // Per word: the bitmask of languages it is a function word of (0 for
    // any other word). Quote markers and punctuation are not words.
    let mut marks: Vec<u32> = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, marks: &mut Vec<u32>| {
        if !word.is_empty() {
            let mark = match table.get(word.as_str()) {
                Some(&bits) => bits,
                None => letter_mark(word),
            };
            marks.push(mark);
            word.clear();
        }
    };
    for c in text.chars() {
        // Anything else ends a word; "j'ai" gives "j" and "ai".
        if c.is_alphabetic() {
            word.extend(c.to_lowercase());
        } else {
            flush(&mut word, &mut marks);
        }
    }
    flush(&mut word, &mut marks);
    if marks.len() < MIN_WORDS {
        return None;
    }
    let mut start = 0;
    loop {
        let end = (start + WINDOW).min(marks.len());
        if let Some(lang) = judge(&marks[start..end]) {
            return Some(lang);
        }
        if end == marks.len() {
            return None;
        }
        start += STEP;
    }
}

/// The language or script of `text` when the detectors' own vocabulary
/// (Dutch, English, German) cannot read it: a script other than Latin
/// ("Arabic", "Cyrillic", ...) or a Latin-script language ("Polish", ...).
pub fn foreign(text: &str) -> Option<&'static str> {
    super::script::unread(text).or_else(|| latin_unread(text))
}

/// The unread language that clearly dominates one window, if any.
fn judge(window: &[u32]) -> Option<&'static str> {
    let languages = READ.len() + UNREAD.len();
    let mut hits = [0usize; 32];
    for bits in window {
        for (i, hit) in hits.iter_mut().enumerate().take(languages) {
            if bits & (1 << i) != 0 {
                *hit += 1;
            }
        }
    }
    let best_read = hits[..READ.len()].iter().copied().max().unwrap_or(0);
    let (best, &count) = hits[READ.len()..languages]
        .iter()
        .enumerate()
        .max_by_key(|(_, &h)| h)?;
    let clear = count >= MIN_HITS
        && count * 100 >= window.len() * MIN_SHARE_PCT
        && count > best_read * MAJORITY;
    clear.then(|| UNREAD[best].0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_patient_writing_in_polish_or_turkish_is_not_read() {
        let polish = "Dzień dobry pani doktor, od tygodnia boli mnie gardło i mam gorączkę. \
                      Czy mogę przyjść jutro? Moja córka też jest chora od wczoraj. Pozdrawiam";
        assert_eq!(latin_unread(polish), Some("Polish"));
        let turkish = "Merhaba hocam, üç gündür ateşim var ve boğazım çok ağrıyor. Eşim de \
                       hasta, ilaç için reçete istiyorum. Teşekkür ederim, iyi günler";
        assert_eq!(latin_unread(turkish), Some("Turkish"));
    }

    #[test]
    fn a_foreign_passage_inside_a_dutch_forward_is_found() {
        let text = format!(
            "Hoi collega, zie hieronder de mail van mevrouw Nowak, kun jij haar even \
             terugbellen? Ze spreekt weinig Nederlands. Groet, Anouk\n\n> {}",
            "Dzień dobry, mam bardzo silny ból brzucha od trzech dni i nie mogę spać. \
             Czy pan doktor może mnie przyjąć? Jestem w ciąży, to jest już piąty miesiąc."
        );
        assert_eq!(latin_unread(&text), Some("Polish"));
    }

    #[test]
    fn dutch_english_and_german_are_read_even_with_foreign_names() {
        let dutch = "Beste collega, mevrouw Kowalczyk uit de Çiçekstraat komt dinsdag om tien \
                     uur voor de controle van haar bloeddruk. Zij spreekt Pools, haar dochter \
                     komt mee om te tolken. Met vriendelijke groet, de assistente";
        assert_eq!(latin_unread(dutch), None);
        let english = "Dear doctor, thank you for seeing my mother last week. She is doing \
                       much better since the new tablets and sleeps well again. Kind regards";
        assert_eq!(latin_unread(english), None);
        let german = "Sehr geehrte Frau Doktor, meine Mutter hat seit einer Woche starke \
                      Schmerzen im Rücken und kann nicht mehr gut laufen. Mit freundlichen Grüßen";
        assert_eq!(latin_unread(german), None);
        assert_eq!(latin_unread("Bonjour, merci!"), None);
    }

    #[test]
    fn a_dutch_letter_quoting_a_short_foreign_phrase_is_read() {
        let text = "Goedemiddag, de patiënt zei bij binnenkomst 'dzień dobry, dziękuję' en \
                    verder sprak zij goed Nederlands. Wij hebben de afspraak verzet naar \
                    donderdag en de huisarts belt haar morgen terug over de uitslag.";
        assert_eq!(latin_unread(text), None);
    }
}
