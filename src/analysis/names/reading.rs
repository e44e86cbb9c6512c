//! Reading a segment for mentions of names: runs of capitalised words outside quotations and
//! headings, with the titles before them taken off and the words that only open a sentence
//! dropped.

use crate::analysis::words::words_within;
use std::ops::Range;

use super::*;

/// Capitalised titles that stand before a name and are not part of it. The list follows the
/// AP Stylebook's "titles" entry (formal titles capitalised before a name) and the Reuters
/// Handbook's forms of address.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "president", "vice", "prime", "minister", "secretary", "chancellor", "king", "queen",
    "prince", "princess", "pope", "sheikh", "emir", "sultan", "senator", "sen", "representative",
    "rep", "governor", "gov", "mayor", "councillor", "councilman", "councilwoman", "judge",
    "justice", "chief", "general", "gen", "colonel", "col", "lieutenant", "lt", "major", "maj",
    "captain", "capt", "sergeant", "sgt", "admiral", "adm", "commander", "mr", "mrs", "ms",
    "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev", "reverend",
    "father", "sister", "brother", "rabbi", "imam", "bishop", "archbishop", "cardinal",
    "ambassador", "attorney", "speaker", "leader", "deputy", "foreign", "defence", "defense",
    "interior", "finance", "economy", "health", "former", "acting", "state", "federal",
    "presidential", "adviser", "advisor", "spokesman", "spokeswoman", "spokesperson",
    "director", "commissioner", "premier", "chairman", "chairwoman", "chair", "ceo",
    "officer", "sheriff", "coach", "detective", "inspector", "superintendent", "agent",
    "first", "grand", "crown", "supreme", "assistant", "associate", "senior", "junior", "del",
    "delegate",
];

/// Words that open sentences in capitals without naming anyone ("But Podolyak said"). Only a
/// name's first word is dropped for being one of these, and only at a sentence's start.
/// Source: the English articles, conjunctions, prepositions and sentence adverbs (closed classes),
/// written for copydesk.
#[rustfmt::skip]
pub(crate) const SENTENCE_OPENERS: &[&str] = &[
    "the", "a", "an", "but", "and", "or", "so", "yet", "in", "on", "at", "as", "by", "for",
    "from", "with", "without", "to", "of", "after", "before", "when", "while", "if", "since",
    "until", "though", "although", "because", "then", "now", "still", "also", "meanwhile",
    "however", "asked", "according", "unlike", "like", "despite", "during", "under", "over",
    "this", "that", "these", "those", "his", "her", "their", "our", "my", "its", "he", "she",
    "it", "they", "we", "i", "you", "there", "here", "where", "what", "who", "why", "how",
    "some", "many", "most", "all", "both", "each", "every", "no", "not", "even", "only", "just",
    "like", "dear", "thanks", "thank", "yes", "well", "oh", "among", "against", "through",
    "speaking", "writing", "addressing", "citing", "quoting", "later", "earlier", "last",
    "next", "former", "new",
];

/// Particles inside names besides the shared ones ("Michery el Soheil", "Maria dos Santos").
/// Source: the name particles of Arabic, Portuguese, Spanish, Italian, French and Dutch names that
/// stand inside a name in lower case, written for copydesk.
const MORE_PARTICLES: &[&str] = &[
    "el", "ibn", "abu", "du", "dos", "das", "del", "della", "di", "ter", "ten", "y",
];

/// Day and month names: capitalised, never part of a person's name in news copy.
/// Source: the English day and month names with the AP Stylebook's month abbreviations.
#[rustfmt::skip]
const CALENDAR_WORDS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep",
    "oct", "nov", "dec",
];

/// Last words that make a run of capitalised words an organisation or a place rather than a
/// person ("White House", "Supreme Court", "Defence Ministry"). From the AP Stylebook's
/// capitalisation entries for governmental bodies, companies and institutions.
#[rustfmt::skip]
pub const ORGANISATION_HEADS: &[&str] = &[
    "house", "court", "ministry", "department", "office", "council", "committee", "commission",
    "party", "union", "nations", "states", "kingdom", "republic", "federation", "assembly",
    "parliament", "congress", "senate", "agency", "bank", "fund", "company", "corp",
    "corporation", "inc", "ltd", "group", "association", "institute", "university", "college",
    "school", "hospital", "church", "army", "navy", "force", "forces", "police", "service",
    "times", "post", "news", "journal", "press", "street", "avenue", "road", "square", "city",
    "county", "province", "region", "river", "sea", "ocean", "island", "islands", "mountains",
    "airport", "station", "center", "centre", "foundation", "board", "bureau", "authority",
    "administration", "guard", "legion", "coalition", "front", "movement", "network", "media",
    "television", "radio", "reserve", "exchange", "market", "club", "team", "league", "cup",
    "games", "war", "act", "bill", "treaty", "day", "summit", "conference", "forum", "festival",
    "award", "prize", "project", "program", "programme", "plan", "review", "report", "centre",
    "east", "west", "north", "south", "america", "africa", "asia", "europe", "democrats",
    "republicans", "democrat", "republican", "americans", "coast", "valley", "park", "bridge", "port", "harbour", "harbor",
    "affairs",
];

/// Whether `word` ends the names of organisations and places ("House", "Ministry").
pub fn is_organisation_head(word: &str) -> bool {
    is_any(word, ORGANISATION_HEADS)
}

pub(super) fn is_any(word: &str, list: &[&str]) -> bool {
    let lower = word.to_lowercase();
    list.contains(&lower.as_str())
}

/// The mentions of names in one segment's prose, outside quotations and headings.
pub fn mentions(context: &Context) -> Vec<Mention> {
    let text = context.masked;
    let mut found = Vec::new();
    for (index, paragraph) in context.paragraphs.iter().enumerate() {
        if paragraph.is_heading {
            continue;
        }
        let interiors = context.interiors(paragraph);
        // The paragraph's words are split once for every rule (Context::paragraph_words), and
        // each sentence's are taken from them.
        let paragraph_words = context.paragraph_words(index);
        let short =
            paragraph.sentences.len() <= 1 && paragraph_words.len() <= SHORT_PARAGRAPH_WORDS;
        let first_new = found.len();
        // Words come in order, so the quotations that opened before a word are found by
        // walking the interiors once: a word lies inside one when it ends before the furthest
        // end of those (a linear walk; a long paragraph of quotations stays linear).
        let mut next_interior = 0;
        let mut covered_until = 0;
        for sentence in &paragraph.sentences {
            let read_alone;
            let sentence_words = match words_within(paragraph_words, sentence) {
                Some(within) => within,
                None => {
                    read_alone = words(text, sentence.clone());
                    &read_alone
                }
            };
            let mut run: Vec<NameWord> = Vec::new();
            let mut run_end = 0;
            for word in sentence_words {
                while next_interior < interiors.len()
                    && interiors[next_interior].start <= word.range.start
                {
                    covered_until = covered_until.max(interiors[next_interior].end);
                    next_interior += 1;
                }
                let inside = word.range.end <= covered_until;
                let joined = !run.is_empty() && joins(text, run_end, word.range.start, &run);
                if !joined && !run.is_empty() {
                    finish(text, std::mem::take(&mut run), &mut found);
                }
                if inside {
                    continue;
                }
                let sentence_start = opens_clause(text, sentence.start, word.range.start);
                if let Some(name_word) = name_word(word.text, word.range.clone(), sentence_start) {
                    run_end = word.range.end;
                    let possessive = name_word.range.end < word.range.end;
                    run.push(name_word);
                    // A possessive ends a name: "Syria's Bashar al-Assad" names two things.
                    if possessive {
                        finish(text, std::mem::take(&mut run), &mut found);
                    }
                } else if !run.is_empty()
                    && (is_any(word.text, NAME_PARTICLES) || is_any(word.text, MORE_PARTICLES))
                    && word.text != "of"
                {
                    // "Bashar al Assad", "Ursula von der Leyen": the particle stays inside the
                    // run's text and the run goes on.
                    run_end = word.range.end;
                } else if !run.is_empty() {
                    finish(text, std::mem::take(&mut run), &mut found);
                }
            }
            if !run.is_empty() {
                finish(text, run, &mut found);
            }
        }
        let lead = index == 0;
        for mention in &mut found[first_new..] {
            mention.in_short_paragraph = short;
            mention.in_lead_paragraph = lead;
        }
    }
    // What the names desk reads of the text around each name, read once here. The segment
    // starts a line, so nothing before it or after its last line changes what is read.
    for mention in &mut found {
        mention.name = context.text[mention.range.clone()].to_string();
        if !mention.is_full() {
            mention.speaks = Speech {
                reporting: speaks(context.text, &mention.range, false),
                as_person: speaks(context.text, &mention.range, true),
            };
            mention.referred_to_as_it = followed_by_its(context.text, mention.range.end);
        }
    }
    found
}

/// Whether the clause after a name refers back to it as "its" or "itself" within its first
/// few words, with at least a verb between ("Peabody kept its mines", "Twitter has positioned
/// itself"): a person would be "his", "her" or "their".
fn followed_by_its(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let clause = rest
        .find(['.', ';', ':', '!', '?', '\n', '\r', ',', '"', '“', '”'])
        .map_or(rest, |at| &rest[..at]);
    clause
        .split_whitespace()
        .take(4)
        .skip(1)
        .any(|word| word == "its" || word == "itself")
}

/// A paragraph of one sentence of at most this many words reads as a headline, subhead or
/// caption rather than as a sentence of the story.
const SHORT_PARAGRAPH_WORDS: usize = 16;

/// Whether the word starting at `next` continues the run that ends at `end`: only spaces
/// between them, or the full stop of a middle initial ("John F. Kennedy").
fn joins(text: &str, end: usize, next: usize, run: &[NameWord]) -> bool {
    let between = &text[end..next];
    if between.chars().all(|character| character == ' ') && !between.is_empty() {
        return true;
    }
    let initial = run
        .last()
        .is_some_and(|word| word.text.chars().count() == 1 && word.range.end == end);
    initial && between == ". "
}

/// Whether a word at `offset` opens its sentence or a clause in which any word is capitalised
/// (after a colon or a dash).
fn opens_clause(text: &str, sentence_start: usize, offset: usize) -> bool {
    let before = text[sentence_start..offset].trim_end_matches([' ', '\n', '\r', '\t']);
    // A straight mark after a word or a comma closes a quotation: `"...," Reyes said`.
    if let Some(mark) = before.strip_suffix('"') {
        return mark
            .chars()
            .last()
            .is_none_or(|character| character.is_whitespace() || "([—–".contains(character));
    }
    match before.chars().last() {
        None => true,
        Some(character) => matches!(
            character,
            ':' | '—' | '–' | '"' | '“' | '‘' | '(' | '[' | '*' | '_' | '#' | '>' | '-'
        ),
    }
}

/// Reads `word` as a word of a name: capitalised, not in capitals throughout (an acronym or a
/// headline), no digits, not a contraction ("We'll"). A possessive ending is left out.
fn name_word(word: &str, range: Range<usize>, sentence_start: bool) -> Option<NameWord> {
    let mut stem = word;
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(shorter) = stem.strip_suffix(suffix) {
            stem = shorter;
            break;
        }
    }
    let first = stem.chars().next()?;
    let particle_prefix = particle_prefixed(stem);
    if !first.is_uppercase() && !particle_prefix {
        return None;
    }
    let letters = stem.chars().filter(|character| character.is_alphabetic());
    let count = stem
        .chars()
        .filter(|character| character.is_alphabetic())
        .count();
    if stem.chars().any(|character| character.is_numeric()) {
        return None;
    }
    if count > 1 && letters.clone().all(char::is_uppercase) {
        return None;
    }
    // An apostrophe followed by a small letter is a contraction ("We'll", "It's").
    let characters: Vec<char> = stem.chars().collect();
    for pair in characters.windows(2) {
        if matches!(pair[0], '\'' | '’') && pair[1].is_lowercase() {
            return None;
        }
    }
    // A hyphenated part of one letter is a code, not a name ("Integra-A").
    if stem.contains('-') && stem.split('-').any(|part| part.chars().count() == 1) {
        return None;
    }
    Some(NameWord {
        range: range.start..range.start + stem.len(),
        text: stem.to_string(),
        key: fold(stem),
        sentence_start,
    })
}

/// "al-Assad", "el-Sisi", "bin-Laden", "d'Estaing": a small particle joined to a capitalised
/// name.
fn particle_prefixed(word: &str) -> bool {
    let Some(split) = word.find(['-', '\'', '’']) else {
        return false;
    };
    let (prefix, rest) = word.split_at(split);
    let rest = rest.trim_start_matches(['-', '\'', '’']);
    (1..=3).contains(&prefix.len())
        && prefix
            .chars()
            .all(|character| character.is_ascii_lowercase())
        && rest.chars().next().is_some_and(char::is_uppercase)
}

/// Turns a run of name words into a mention: leading sentence openers and titles come off,
/// calendar words at either end come off, and what is left is the name.
fn finish(text: &str, mut run: Vec<NameWord>, found: &mut Vec<Mention>) {
    if run
        .first()
        .is_some_and(|word| word.sentence_start && is_any(&word.text, SENTENCE_OPENERS))
    {
        run.remove(0);
    }
    let mut title_words = Vec::new();
    while run.len() > 1 && is_any(&run[0].text, TITLES) {
        title_words.push(run.remove(0));
    }
    while run
        .last()
        .is_some_and(|word| is_any(&word.text, CALENDAR_WORDS) || is_any(&word.text, &["jr", "sr"]))
    {
        run.pop();
    }
    while run
        .first()
        .is_some_and(|word| is_any(&word.text, CALENDAR_WORDS))
    {
        run.remove(0);
    }
    // A lone initial is not a name.
    run.retain(|word| word.text.chars().count() > 1 || word.text.chars().all(char::is_uppercase));
    if run.is_empty() || run.iter().all(|word| word.text.chars().count() == 1) {
        return;
    }
    let title = match (title_words.first(), title_words.last()) {
        (Some(first), Some(last)) => Some(text[first.range.start..last.range.end].to_string()),
        _ => None,
    };
    let range = run[0].range.start..run[run.len() - 1].range.end;
    if run.len() == 1 && is_any(&run[0].text, TITLES) {
        return;
    }
    found.push(Mention {
        range,
        words: run,
        title,
        in_short_paragraph: false,
        in_lead_paragraph: false,
        name: String::new(),
        speaks: Speech::default(),
        referred_to_as_it: false,
    });
}
