//! Word lists the rules share, kept as data so that they can be read, reviewed and extended in
//! one place. Attribution cues serve both quotations and figures: one lexicon, one place.
//!
//! Sources: the reporting verbs are the ones the AP Stylebook and newsroom style guides discuss
//! under "said" and attribution, widened with the verbs of the PARC attribution scheme (Pareti,
//! 2012) and PolNeAR's cue guidelines (Newell et al., 2018); the source phrases are the fixed
//! expressions that wire copy uses to introduce a source.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::words::WordShapes;

/// Reporting verbs, one line per verb with its forms (base, third person, past, participle).
/// Every form counts as a cue; matching is case-insensitive.
pub const REPORTING_VERBS: &[&str] = &[
    "say says said saying",
    "tell tells told telling",
    "add adds added adding",
    "state states stated stating",
    "explain explains explained explaining",
    "write writes wrote written writing",
    "ask asks asked asking",
    "insist insists insisted insisting",
    "warn warns warned warning",
    "tweet tweets tweeted tweeting",
    "post posts posted posting",
    "testify testifies testified testifying",
    "reply replies replied replying",
    "recall recalls recalled recalling",
    "announce announces announced announcing",
    "report reports reported reporting",
    "note notes noted noting",
    "argue argues argued arguing",
    "acknowledge acknowledges acknowledged acknowledging",
    "concede concedes conceded conceding",
    "claim claims claimed claiming",
    "declare declares declared declaring",
    "confirm confirms confirmed confirming",
    "deny denies denied denying",
    "suggest suggests suggested suggesting",
    "remark remarks remarked remarking",
    "respond responds responded responding",
    "emphasize emphasizes emphasized emphasizing",
    "emphasise emphasises emphasised emphasising",
    "stress stresses stressed stressing",
    "admit admits admitted admitting",
    "complain complains complained complaining",
    "predict predicts predicted predicting",
    "promise promises promised promising",
    "vow vows vowed vowing",
    "caution cautions cautioned cautioning",
    "observe observes observed observing",
    "describe describes described describing",
    "inform informs informed informing",
    "reiterate reiterates reiterated reiterating",
    "maintain maintains maintained maintaining",
    "contend contends contended contending",
    "comment comments commented commenting",
    "quip quips quipped quipping",
    "joke jokes joked joking",
    "urge urges urged urging",
    "muse muses mused musing",
    "shout shouts shouted shouting",
    "yell yells yelled yelling",
    "wonder wonders wondered wondering",
    "counter counters countered countering",
    "conclude concludes concluded concluding",
    "disclose discloses disclosed disclosing",
    "reveal reveals revealed revealing",
    "estimate estimates estimated estimating",
    "assert asserts asserted asserting",
    "allege alleges alleged alleging",
    "boast boasts boasted boasting",
    "charge charges charged charging",
    "continue continues continued continuing",
    "cry cries cried crying",
    "exclaim exclaims exclaimed exclaiming",
    "proclaim proclaims proclaimed proclaiming",
    "pledge pledges pledged pledging",
    "plead pleads pleaded pleading",
    "protest protests protested protesting",
    "recount recounts recounted recounting",
    "scoff scoffs scoffed scoffing",
    "snap snaps snapped snapping",
    "speak speaks spoke spoken speaking",
    "whisper whispers whispered whispering",
    "demand demands demanded demanding",
    "question questions questioned questioning",
    "answer answers answered answering",
    "agree agrees agreed agreeing",
    "object objects objected objecting",
    "point points pointed pointing",
    "mention mentions mentioned mentioning",
    "signal signals signaled signalled signaling signalling",
    "indicate indicates indicated indicating",
    "insinuate insinuates insinuated insinuating",
    "lament laments lamented lamenting",
    "thunder thunders thundered thundering",
    "retort retorts retorted retorting",
    "blast blasts blasted blasting",
    "criticize criticizes criticized criticizing",
    "criticise criticises criticised criticising",
    "praise praises praised praising",
    "brag brags bragged bragging",
    "hint hints hinted hinting",
    "advise advises advised advising",
    "concur concurs concurred concurring",
    "affirm affirms affirmed affirming",
    "attest attests attested attesting",
    "elaborate elaborates elaborated elaborating",
    "clarify clarifies clarified clarifying",
    "interject interjects interjected interjecting",
    "quote quotes quoted quoting",
    "publish publishes published publishing",
    "show shows showed shown showing",
    "read reads read reading",
    "call calls called calling",
    "bark barks barked barking",
    "boom booms boomed booming",
    "fume fumes fumed fuming",
    "sneer sneers sneered sneering",
    "chuckle chuckles chuckled chuckling",
    "laugh laughs laughed laughing",
    "sigh sighs sighed sighing",
    "grumble grumbles grumbled grumbling",
    "mutter mutters muttered muttering",
    "murmur murmurs murmured murmuring",
    "gush gushes gushed gushing",
    "rage rages raged raging",
    "rail rails railed railing",
    "mock mocks mocked mocking",
    "taunt taunts taunted taunting",
    "chant chants chanted chanting",
    "tout touts touted touting",
    "trumpet trumpets trumpeted trumpeting",
    "hiss hisses hissed hissing",
    "groan groans groaned groaning",
    "beg begs begged begging",
    "confess confesses confessed confessing",
    "pronounce pronounces pronounced pronouncing",
    "instruct instructs instructed instructing",
    "implore implores implored imploring",
    "exhort exhorts exhorted exhorting",
    "remind reminds reminded reminding",
    "assure assures assured assuring",
    "reassure reassures reassured reassuring",
    "guarantee guarantees guaranteed guaranteeing",
    "threaten threatens threatened threatening",
    "bemoan bemoans bemoaned bemoaning",
    "decry decries decried decrying",
    "deplore deplores deplored deploring",
    "denounce denounces denounced denouncing",
    "condemn condemns condemned condemning",
    "hail hails hailed hailing",
    "laud lauds lauded lauding",
    "applaud applauds applauded applauding",
    "slam slams slammed slamming",
    "accuse accuses accused accusing",
    "dismiss dismisses dismissed dismissing",
    "opine opines opined opining",
    "posit posits posited positing",
    "theorize theorizes theorized theorizing",
    "speculate speculates speculated speculating",
    "surmise surmises surmised surmising",
    "relate relates related relating",
    "narrate narrates narrated narrating",
    "recite recites recited reciting",
    "summarize summarizes summarized summarizing",
    "tease teases teased teasing",
    "crack cracks cracked cracking",
    "remember remembers remembered remembering",
    "snipe snipes sniped sniping",
    "reflect reflects reflected reflecting",
    "gripe gripes griped griping",
    "fret frets fretted fretting",
    "marvel marvels marveled marvelled marveling marvelling",
    "scold scolds scolded scolding",
    "chide chides chided chiding",
    "crow crows crowed crowing",
    "vent vents vented venting",
    "roar roars roared roaring",
    "wail wails wailed wailing",
    "sob sobs sobbed sobbing",
    "reminisce reminisces reminisced reminiscing",
    "propose proposes proposed proposing",
    "advocate advocates advocated advocating",
    "seek seeks sought seeking",
    "want wants wanted wanting",
    "plan plans planned planning",
    "intend intends intended intending",
    "support supports supported supporting",
    "sing sings sang sung singing",
    "think thinks thought thinking",
    "believe believes believed believing",
    "worry worries worried worrying",
    "fear fears feared fearing",
    "hope hopes hoped hoping",
    "expect expects expected expecting",
    "doubt doubts doubted doubting",
    "suspect suspects suspected suspecting",
    "feel feels felt feeling",
    "find finds found finding",
    "forecast forecasts forecasted forecasting",
    "calculate calculates calculated calculating",
];

/// More verbs of speech and reaction, kept apart from [`REPORTING_VERBS`] so the two tables can
/// grow independently. Each was checked against dev-derived recall (a new cue can also
/// attribute a quotation to the wrong speaker). Sources: PARC 3.0 attribution cue list
/// (Pareti, 2016: "press", "react", "recommend", "welcome", "blame", "thank"); PolNeAR cue
/// guidelines (Newell et al., 2018: "email", "ponder" as verbs of communication and thought).
#[rustfmt::skip]
pub const MORE_REPORTING_VERBS: &[&str] = &[
    // "presses", "thanks" and "emails" are left out: nearly always the nouns ("thanks to").
    "press pressed pressing",
    // "reacting" is left out: mostly an adjunct ("reacting to the policy"), which quotes nobody.
    "react reacts reacted",
    "recommend recommends recommended recommending",
    "thank thanked thanking",
    "welcome welcomes welcomed welcoming",
    "blame blames blamed blaming",
    "email emailed emailing",
    "ponder ponders pondered pondering",
];

/// More fixed phrases of attribution, kept apart from [`SOURCE_PHRASES`]. Source: PolNeAR cue
/// guidelines (Newell et al., 2018), which count such multi-word cues ("made the point",
/// "wanted to know") as one cue.
pub const MORE_SOURCE_PHRASES: &[&str] = &[
    "made the point",
    "makes the point",
    "wanted to know",
    "wants to know",
    "in his view",
    "in her view",
    "in their view",
    "as he puts it",
    "as she puts it",
];

/// Fixed phrases that attribute what follows or precedes them, lower case, matched word by word.
pub const SOURCE_PHRASES: &[&str] = &[
    "according to",
    "in a statement",
    "in an interview",
    "in an email",
    "in a letter",
    "in a speech",
    "in a post",
    "in a tweet",
    "in a press release",
    "in a news release",
    "in a report",
    "in remarks",
    "in testimony",
    "as reported by",
    "quoted as saying",
    "a spokesperson for",
    "a spokesman for",
    "a spokeswoman for",
    "data from",
    "figures from",
    "figures released by",
    "data released by",
    "a report by",
    "a report from",
    "a survey by",
    "a study by",
    "a poll by",
    "statistics from",
    "estimates from",
    "the census",
    "census data",
    "per the",
    "citing",
    "cited",
    "sources said",
    "went on",
    "goes on",
    "chimed in",
    "weighed in",
    "shot back",
    "fired back",
    "spoke up",
    "pointed out",
    "points out",
    "point out",
    "in a video",
    "in an op-ed",
    "in an essay",
    "in a column",
    "in an editorial",
    "in a memo",
    "in a filing",
    "in court documents",
    "in a lawsuit",
    "at a news conference",
    "at a press conference",
    "in a news conference",
    "at a rally",
    "in a briefing",
    "at a briefing",
    "in a conference call",
    "on a conference call",
    "in a radio interview",
    "in a television interview",
    "put it",
    "puts the number at",
    "put the number at",
    "puts the figure at",
    "put the figure at",
    "puts the toll at",
    "put the toll at",
    "puts the cost at",
    "put the cost at",
    "puts it at",
    "in the words of",
    "in his words",
    "in her words",
    "in their words",
];

/// Reporting verbs whose base and third-person forms are also everyday nouns ("the claims",
/// "reports of"): those forms count as a cue only where a noun cannot stand.
pub const NOUN_LIKE_VERBS: &[&str] = &[
    "claim",
    "report",
    "note",
    "post",
    "comment",
    "estimate",
    "promise",
    "protest",
    "demand",
    "question",
    "answer",
    "point",
    "signal",
    "show",
    "find",
    "project",
    "charge",
    "counter",
    "quote",
    "tweet",
    "joke",
    "remark",
    "reply",
    "vow",
    "boast",
    "pledge",
    "hint",
    "praise",
    "blast",
    "call",
    "read",
    "state",
    "rail",
    "rage",
    "cry",
    "forecast",
    "volunteer",
    "guarantee",
    "hail",
    "slam",
    "laugh",
    "sigh",
    "murmur",
    "trumpet",
    "chant",
    "taunt",
    "mock",
    "tease",
    "relate",
    "add",
    "plead",
    "object",
    "assert",
    "counsel",
    "snap",
    "boom",
    "crack",
    "fear",
    "hope",
    "doubt",
    "worry",
    "suspect",
    "feel",
    "plan",
    "want",
    "support",
    "advocate",
];

/// Words that make a following base form a plain infinitive or a negated or modal verb ("would
/// add", "declined to comment", "did not say"), which attributes nothing.
pub const BEFORE_NON_REPORTING_BASE: &[&str] = &[
    "will", "would", "could", "can", "may", "might", "should", "must", "shall", "to", "did",
    "does", "do", "not", "didn't", "doesn't", "don't", "won't", "wouldn't", "cannot", "can't",
    "never",
];

/// Words before a verb form that make it a noun ("the report", "its claims").
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "your", "my", "this", "that", "these",
    "those", "such", "any", "no", "new", "some", "many", "several", "every", "each", "other",
    "more", "most", "first", "public", "official", "false", "recent", "latest", "annual",
];

/// Words after a third-person form that make it a plural noun ("claims could rise", "reports
/// of").
pub const AFTER_PLURAL_NOUN: &[&str] = &[
    "could", "would", "will", "may", "might", "can", "should", "must", "are", "were", "have",
    "had", "of", "about", "from", "against", "for", "on", "by", "at", "and", "or", "in", "were",
];

/// How a reporting verb form is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerbForm {
    /// "say", "claim": present plural or infinitive.
    Base,
    /// "says", "claims".
    ThirdPerson,
    /// "said", "claimed", "written".
    Past,
    /// "saying".
    Progressive,
}

/// The reporting verb that `word` is a form of, and which form; `None` for other words.
pub fn reporting_verb(word: &str) -> Option<(&'static str, VerbForm)> {
    // Every word of every sentence searched for a cue is looked up here: most are ruled out by
    // their first letter and length, and the others are lowered on the stack, not in a new
    // string each time.
    let (forms, shapes) = reporting_verb_forms_and_shapes();
    if !shapes.may_hold(word) {
        return None;
    }
    let mut buffer = [0u8; 32];
    match buffer.get_mut(..word.len()) {
        Some(lower) => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            forms.get(std::str::from_utf8(lower).ok()?).copied()
        }
        None => forms.get(word.to_ascii_lowercase().as_str()).copied(),
    }
}

/// Reporting verbs that state an intention: they source a figure ("Sanders proposes $15
/// trillion in new taxes") but attribute no quotation.
pub const INTENTION_VERBS: &[&str] = &[
    "propose", "advocate", "seek", "want", "plan", "intend", "support",
];

/// Words that introduce a quotation as a name or term rather than as speech.
#[rustfmt::skip]
pub const TERM_INTRODUCERS: &[&str] = &[
    "so-called", "dubbed", "termed", "called", "titled", "entitled", "named", "nicknamed",
    "branded", "labeled", "labelled", "coined", "headlined", "known", "line", "headline",
    "headlines", "slogan", "slogans", "motto", "caption", "banner", "chant", "chants", "hashtag",
    "phrase", "sign", "signs", "subject", "label", "nickname",
];

/// Nouns that name what someone said or wrote. With an owner ("her remark that", "comments
/// from the senator that", "issued a statement,") they attribute the quotation they introduce.
/// Source: the noun cues of the PARC attribution scheme (Pareti, 2012, section on nominal
/// cues) and PolNeAR's cue guidelines (Newell et al., 2018), which annotate such nouns as cues.
#[rustfmt::skip]
pub const SPEECH_NOUNS: &[&str] = &[
    "remark", "remarks", "comment", "comments", "statement", "statements", "answer", "reply",
    "response", "warning", "message", "tweet", "post", "dictum", "quote", "pledge", "promise",
    "claim", "prediction", "assertion", "argument", "question", "plea", "vow", "testimony",
    "letter", "email", "declaration", "announcement", "explanation", "insistence", "retort",
    "advice", "words", "speech", "description", "verdict", "conclusion", "complaint",
];

/// Words that stand for a speaker already named.
pub const PRONOUN_SPEAKERS: &[&str] = &["he", "she", "they", "we", "i", "it", "you"];

/// Titles and short words that may stand inside a capitalised name without ending it.
pub const NAME_PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "da", "al", "bin", "la", "le", "of",
];

/// Spelled whole numbers with their values, lower case, shared by the figure reader ("three
/// million") and the date reader ("five days ago"). Source: written for copydesk from the English
/// cardinal numbers that news copy spells out as amounts (the AP Stylebook spells out one to nine;
/// twelve, fifteen and the round tens are the others wire copy writes in words), one table where
/// the two readers each kept a copy. Each reader takes the part it was written for: see
/// `figures::spelled` and `dates::expressions`.
pub const NUMBER_WORDS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("fifteen", 15),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
];

/// The value of a word of [`NUMBER_WORDS`] (any case); `None` for other words.
pub fn number_word_value(word: &str) -> Option<u32> {
    // Every word of every paragraph is looked up here: most are ruled out by their first
    // letter and length before any entry is compared.
    static SHAPES: WordShapes = WordShapes::of_pairs(NUMBER_WORDS);
    if !SHAPES.may_hold(word) {
        return None;
    }
    NUMBER_WORDS
        .iter()
        .find(|(name, _)| word.len() == name.len() && word.eq_ignore_ascii_case(name))
        .map(|(_, value)| *value)
}

/// Whether `word` (any case) is a form of a reporting verb.
pub fn is_reporting_verb(word: &str) -> bool {
    reporting_verb(word).is_some()
}

/// The forms of the reporting verbs, and their shapes (see [`WordShapes`]).
fn reporting_verb_forms_and_shapes() -> (
    &'static HashMap<&'static str, (&'static str, VerbForm)>,
    &'static WordShapes,
) {
    static SHAPES: OnceLock<WordShapes> = OnceLock::new();
    let forms = reporting_verb_forms();
    let shapes = SHAPES.get_or_init(|| {
        let mut shapes = WordShapes::of(&[]);
        for form in forms.keys() {
            shapes.add(form);
        }
        shapes
    });
    (forms, shapes)
}

fn reporting_verb_forms() -> &'static HashMap<&'static str, (&'static str, VerbForm)> {
    static FORMS: OnceLock<HashMap<&'static str, (&'static str, VerbForm)>> = OnceLock::new();
    FORMS.get_or_init(|| {
        let mut forms = HashMap::new();
        for line in REPORTING_VERBS.iter().chain(MORE_REPORTING_VERBS) {
            let mut parts = line.split_whitespace();
            let Some(base) = parts.next() else { continue };
            // A past tense spelled like its base ("read") is taken as the past tense, the
            // reading that attributes ("the sign read").
            let past_like_base = line.split_whitespace().filter(|form| *form == base).count() > 1;
            let base_form = if past_like_base {
                VerbForm::Past
            } else {
                VerbForm::Base
            };
            forms.insert(base, (base, base_form));
            for form in parts {
                let kind = if form.ends_with("ing") {
                    VerbForm::Progressive
                } else if form == format!("{base}s")
                    || form == format!("{base}es")
                    || (base.ends_with('y') && form.ends_with("ies"))
                {
                    VerbForm::ThirdPerson
                } else {
                    VerbForm::Past
                };
                forms.entry(form).or_insert((base, kind));
            }
        }
        forms
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_verb_table_is_large_enough_and_case_insensitive() {
        assert!(reporting_verb_forms().len() >= 150);
        for form in ["said", "Says", "TOLD", "tweeted", "testified", "wrote"] {
            assert!(is_reporting_verb(form), "{form}");
        }
        for word in ["sad", "table", "Monday"] {
            assert!(!is_reporting_verb(word), "{word}");
        }
    }
}
