//! Health told in a language the main lexicon does not hold.
//!
//! Patients write to their practice in their own language: a Polish
//! mother about her fever, a Turkish woman about a positive pregnancy
//! test, a Ukrainian about nausea in week nine. The main detectors read
//! Dutch, English and some German; for the languages a Dutch practice
//! most often receives, this module holds a small vocabulary of two kinds:
//! health words (complaints, conditions, pregnancy, medication, tests) and
//! words by which a writer speaks of themselves or their family ("mam",
//! "benim", "عندي", "моя донька"). A passage with both is health data about
//! a person. A passage with health words but no person ("our association
//! organises an evening about diabetes and fasting") is generic, and one
//! without health words (a question about registration) is clean.
//!
//! A language this module has no vocabulary for is not read at all: the
//! inspect stage reports it unscannable, so policy protects it.

/// What a passage in a foreign language says, as far as this module reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// No vocabulary for this language: the text was not read.
    NoVocabulary,
    /// Health words about the writer or their family.
    HealthOfAPerson,
    /// Nothing this module recognises as health data about a person.
    Nothing,
}

/// One language's vocabulary. Health words match as word prefixes
/// (stems), person words as whole words; `person_endings` are verb
/// endings of the first person singular ("wymiotowałam", "yaptım").
/// Scripts without spaces before their prefixes (Arabic "والدواء") match
/// health words anywhere in a word.
struct Vocabulary {
    health: &'static [&'static str],
    person: &'static [&'static str],
    person_endings: &'static [&'static str],
    health_inside_words: bool,
}

#[rustfmt::skip]
const POLISH: Vocabulary = Vocabulary {
    health: &[
        "ból", "boli", "bolą", "bolał", "gorączk", "kaszel", "kaszl", "katar", "ciąż", "krwaw",
        "wymiot", "biegunk", "mdłoś", "nudnoś", "zawrot", "duszno", "duszn", "wysypk", "swędz",
        "lekarstw", "leki", "leków", "lekami", "tabletk", "recept", "antybiotyk", "ciśnieni",
        "cukrzyc", "insulin", "astm", "depresj", "bezsenn", "zapaleni", "infekcj", "grypa",
        "grypy", "przeziębi", "złaman", "opuchl", "obrzęk", "guz", "nowotw", "poronieni",
        "miesiączk", "chory", "chora", "chorob", "choroba", "szpital", "operacj", "wynik",
        "krwi", "cholesterol",
    ],
    person: &[
        "mam", "mnie", "mi", "mój", "moja", "moje", "mojego", "mojej", "moim", "moją", "jestem",
        "czuję", "córka", "córki", "córkę", "syn", "syna", "synek", "mąż", "męża", "żona",
        "żony", "mama", "mamy", "matka", "tata", "ojciec", "dziecko", "dziecka", "pan", "pani",
        "panie", "pana", "panią", "proszę",
    ],
    person_endings: &["łam", "łem"],
    health_inside_words: false,
};

#[rustfmt::skip]
const TURKISH: Vocabulary = Vocabulary {
    health: &[
        "ağrı", "ateş", "öksür", "gebe", "hamile", "kanama", "kanıyor", "ilaç", "ilac",
        "reçete", "tansiyon", "diyabet", "bulantı", "kusm", "kustu", "ishal", "tahlil",
        "hastayım", "hastalı", "grip", "nezle", "astım", "depresyon", "uykusuz", "ameliyat",
        "kırık", "yaram", "şişlik", "kaşıntı", "döküntü", "adet", "düşük", "enfeksiyon",
        "iltihap", "kolesterol", "insülin", "baş dön", "migren", "kan tahlil", "kan değer",
        "demir", "ferritin", "tablet",
    ],
    person: &[
        "ben", "benim", "bende", "bana", "beni", "annem", "annemin", "babam", "babamın", "eşim",
        "eşimin", "oğlum", "oğlumun", "kızım", "kızımın", "çocuğum", "kardeşim", "ettim",
        "gittim", "geldim", "aldım", "yedim", "içtim", "oldum", "sayın", "siz", "sizin", "size",
    ],
    // Not "-dim"/"-tim": "eğitim", "iletişim" are no first person.
    person_endings: &[
        "yorum", "dım", "tım", "dum", "düm", "tum", "yım", "yim", "ım var", "iniz", "ınız",
        "unuz", "ünüz", "inizin", "ınızın",
    ],
    health_inside_words: false,
};

#[rustfmt::skip]
const FRENCH: Vocabulary = Vocabulary {
    health: &[
        "douleur", "fièvre", "toux", "enceinte", "grossesse", "saign", "médicament",
        "ordonnance", "tension", "diabète", "analyse", "vomi", "diarrhée", "vertige", "malade",
        "maladie", "traitement", "nausée", "infection", "brûlure", "éruption", "déprim",
        "angoiss", "insomnie", "opération", "cancer", "tumeur", "grippe", "rhume", "mal au",
        "mal à", "mal aux", "insulin", "cholestérol", "prise de sang",
    ],
    person: &[
        "je", "j", "moi", "mon", "ma", "mes", "mari", "femme", "fils", "fille", "mère", "père",
        "enfant", "bébé", "votre", "vos", "vous",
    ],
    person_endings: &[],
    health_inside_words: false,
};

#[rustfmt::skip]
const SPANISH: Vocabulary = Vocabulary {
    health: &[
        "dolor", "fiebre", "tos", "embarazad", "embarazo", "sangr", "medicament", "receta",
        "presión", "diabetes", "análisis", "vómit", "vomit", "diarrea", "mareo", "enferm",
        "tratamiento", "náusea", "infección", "gripe",
    ],
    person: &[
        "yo", "mi", "mis", "me", "tengo", "estoy", "marido", "esposa", "esposo", "hijo", "hija",
        "madre", "padre", "usted", "su", "sus",
    ],
    person_endings: &[],
    health_inside_words: false,
};

#[rustfmt::skip]
const PORTUGUESE: Vocabulary = Vocabulary {
    health: &[
        "dor", "febre", "tosse", "grávida", "gravidez", "sangr", "remédio", "medicament",
        "receita", "pressão", "diabetes", "exame", "vômit", "vomit", "diarreia", "tontura",
        "doente", "doença", "tratamento", "enjoo", "náusea", "infecção", "gripe",
    ],
    person: &[
        "eu", "meu", "minha", "meus", "minhas", "tenho", "estou", "marido", "esposa", "filho",
        "filha", "mãe", "pai", "você", "seu", "sua",
    ],
    person_endings: &[],
    health_inside_words: false,
};

#[rustfmt::skip]
const ITALIAN: Vocabulary = Vocabulary {
    health: &[
        "dolor", "febbre", "tosse", "incinta", "gravidanza", "sangu", "medicin", "farmac",
        "ricetta", "pressione", "diabete", "analisi", "vomit", "diarrea", "vertigin", "malat",
        "terapia", "nausea", "infezione", "influenza",
    ],
    person: &[
        "io", "mio", "mia", "miei", "mie", "ho", "sono", "marito", "moglie", "figlio", "figlia",
        "madre", "padre", "suo", "sua", "lei",
    ],
    person_endings: &[],
    health_inside_words: false,
};

/// Ukrainian and Russian together: one script, many shared stems.
#[rustfmt::skip]
const CYRILLIC: Vocabulary = Vocabulary {
    health: &[
        "біль", "болить", "болит", "боль", "болезн", "болію", "температур", "вагітн", "беремен",
        "нудот", "тошнот", "блюю", "блюв", "рвот", "кашл", "кашель", "ліки", "ліків", "лікам",
        "лекарств", "таблет", "тиск", "давлени", "діабет", "диабет", "аналіз", "анализ", "кров",
        "рецепт", "хвор", "запамороч", "головокруж", "висип", "сып", "депрес", "безсон",
        "бессон", "інфекц", "инфекц", "грип", "застуд", "простуд", "операц", "лікарн",
        "больниц", "пронос", "діаре", "диаре", "виклид", "выкидыш",
    ],
    person: &[
        "я", "мені", "мене", "мне", "меня", "мій", "моя", "моє", "мої", "мой", "моё", "мои",
        "моего", "моєї", "моей", "моя", "син", "сина", "сын", "сына", "донька", "доньки",
        "дочка", "дочь", "дочери", "чоловік", "чоловіка", "муж", "мужа", "дружина", "жена",
        "мама", "мати", "мать", "тато", "отец", "батько", "дитина", "ребенок", "ваш", "ваша",
        "ваше", "ваші", "вам", "вас", "ви", "вы", "ваши",
    ],
    person_endings: &[],
    health_inside_words: false,
};

#[rustfmt::skip]
const ARABIC: Vocabulary = Vocabulary {
    health: &[
        "دواء", "أدوية", "ادوية", "ألم", "وجع", "صداع", "ضغط الدم", "حامل", "الحمل", "مرض",
        "السكري", "سكري", "حمى", "حرارة", "سعال", "كحة", "نزيف", "وصفة", "تحليل", "تحاليل",
        "قيء", "استفراغ", "إسهال", "اسهال", "دوخة", "دوار", "غثيان", "التهاب", "عدوى", "اكتئاب",
        "سرطان", "ورم", "كسر", "جرح", "طفح", "حكة", "إجهاض", "اجهاض",
    ],
    person: &[
        "أنا", "انا", "عندي", "لدي", "زوجتي", "زوجي", "ابني", "ابنتي", "بنتي", "أمي", "امي",
        "أبي", "ابي", "والدتي", "والدي", "طفلي", "أعاني", "اعاني", "أحتاج", "احتاج", "أشعر",
        "اشعر",
    ],
    person_endings: &[],
    health_inside_words: true,
};

fn vocabulary(language: &str) -> Option<&'static Vocabulary> {
    Some(match language {
        "Polish" => &POLISH,
        "Turkish" => &TURKISH,
        "French" => &FRENCH,
        "Spanish" => &SPANISH,
        "Portuguese" => &PORTUGUESE,
        "Italian" => &ITALIAN,
        "Cyrillic" => &CYRILLIC,
        "Arabic" => &ARABIC,
        _ => return None,
    })
}

/// Read `text`, written (at least in part) in `language`.
pub fn read(language: &str, text: &str) -> Reading {
    let Some(vocabulary) = vocabulary(language) else {
        return Reading::NoVocabulary;
    };
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let health = if vocabulary.health_inside_words {
        vocabulary.health.iter().any(|h| lower.contains(h))
    } else {
        // A stem of two words ("baş dön") is looked for in the text.
        vocabulary.health.iter().any(|h| {
            if h.contains(' ') {
                lower.contains(h)
            } else {
                words.iter().any(|w| w.starts_with(h))
            }
        })
    };
    if !health {
        return Reading::Nothing;
    }
    // An ending needs a stem of three letters or more before it.
    let first_person_verb =
        |w: &str, e: &str| w.ends_with(e) && w.chars().count() > e.chars().count() + 2;
    let person = words.iter().any(|w| {
        vocabulary.person.contains(w)
            || vocabulary
                .person_endings
                .iter()
                .any(|e| !e.contains(' ') && first_person_verb(w, e))
    }) || vocabulary
        .person_endings
        .iter()
        .any(|e| e.contains(' ') && lower.contains(e));
    if person {
        Reading::HealthOfAPerson
    } else {
        Reading::Nothing
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_patient_about_their_own_health_is_health_data() {
        let polish = "Dzień dobry, od wczoraj mam wysoką gorączkę i wymiotowałam dwa razy.";
        assert_eq!(read("Polish", polish), Reading::HealthOfAPerson);
        let turkish = "Merhaba, evde gebelik testi yaptım, pozitif çıktı. Biraz kanama var.";
        assert_eq!(read("Turkish", turkish), Reading::HealthOfAPerson);
        let arabic = "مرحبا، عندي صداع قوي منذ أسبوع وانتهى الدواء.";
        assert_eq!(read("Arabic", arabic), Reading::HealthOfAPerson);
        let ukrainian = "Добрий день! Моя донька має температуру і кашель вже три дні.";
        assert_eq!(read("Cyrillic", ukrainian), Reading::HealthOfAPerson);
        let french = "Bonjour docteur, j'ai de la fièvre depuis trois jours.";
        assert_eq!(read("French", french), Reading::HealthOfAPerson);
    }

    #[test]
    fn generic_health_or_a_practical_question_is_not() {
        let turkish = "Cami derneği olarak Ramazan öncesi bir bilgilendirme akşamı \
                       düzenliyoruz: oruç ve ilaç kullanımı, şeker hastalığı. Saygılarımla";
        assert_eq!(read("Turkish", turkish), Reading::Nothing);
        let polish = "Dzień dobry, przeprowadziłem się do Deventer. Czy przyjmujecie nowych \
                      pacjentów? Jakie dokumenty są potrzebne?";
        assert_eq!(read("Polish", polish), Reading::Nothing);
        let arabic = "ندعو طبيب العيادة لإلقاء محاضرة عامة عن مرض السكري والصيام في مركزنا.";
        assert_eq!(read("Arabic", arabic), Reading::Nothing);
    }

    #[test]
    fn a_language_without_vocabulary_is_not_read() {
        assert_eq!(read("Papiamento", "Bon dia dokter"), Reading::NoVocabulary);
        assert_eq!(read("Ethiopic", "ሰላም"), Reading::NoVocabulary);
    }
}
