//! Word lists the rules share, kept as data so that they can be read, reviewed and extended in
//! one place. Attribution cues serve both quotations and figures: one lexicon, one place.
//!
//! Sources: the reporting verbs are the ones the AP Stylebook and newsroom style guides discuss
//! under "said" and attribution, widened with the verbs of the PARC attribution scheme (Pareti,
//! 2012) and PolNeAR's cue guidelines (Newell et al., 2018); the source phrases are the fixed
//! expressions that wire copy uses to introduce a source.

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
    "emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising",
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
    "criticize criticizes criticized criticizing criticise criticises criticised criticising",
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
    "find finds found finding",
    "forecast forecasts forecasted forecasting",
    "calculate calculates calculated calculating",
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
];

/// Words that introduce a quotation as a name or term rather than as speech.
pub const TERM_INTRODUCERS: &[&str] = &[
    "so-called",
    "dubbed",
    "termed",
    "called",
    "titled",
    "entitled",
    "named",
    "nicknamed",
    "branded",
    "labeled",
    "labelled",
    "coined",
    "headlined",
    "known",
];

/// Words that stand for a speaker already named.
pub const PRONOUN_SPEAKERS: &[&str] = &["he", "she", "they", "we", "i", "it", "you"];

/// Titles and short words that may stand inside a capitalised name without ending it.
pub const NAME_PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "da", "al", "bin", "la", "le", "of",
];

/// Whether `word` (any case) is a form of a reporting verb.
pub fn is_reporting_verb(word: &str) -> bool {
    reporting_verb_forms().contains(word.to_ascii_lowercase().as_str())
}

fn reporting_verb_forms() -> &'static std::collections::HashSet<&'static str> {
    static FORMS: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    FORMS.get_or_init(|| {
        REPORTING_VERBS
            .iter()
            .flat_map(|line| line.split_whitespace())
            .collect()
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
