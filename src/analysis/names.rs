//! The names desk: the people and organisations a draft names, and how it spells them.
//!
//! This is shared knowledge, not a rule. Each segment of a draft is read for its *mentions*:
//! runs of capitalised words outside quotations and headings, with the capitalised titles
//! before them taken off ("President Volodymyr Zelenskyy" is the name "Volodymyr Zelenskyy"
//! with the title "President"). Once every segment is read, [`index`] puts the mentions of the
//! whole draft together into people, each with its first reference, its later references and
//! the spellings the draft gives it. The
//! `name-variant` and `first-reference` rules read that index; the fact-check sheet and the
//! editor's outline show it.
//!
//! Spellings are compared through [`fold`], which keeps one key for a transliteration family:
//! "Zelensky", "Zelenskyy" and "Zelenskiy" fold to the same key, "Zelenska" (a different
//! person, his wife) does not.

use std::collections::HashMap;
use std::ops::Range;

use super::lexicon::is_reporting_verb;
use super::lexicon::NAME_PARTICLES;
use super::words::words;
use super::Context;

/// One capitalised word of a name, as written, without a possessive ending.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameWord {
    pub range: Range<usize>,
    pub text: String,
    /// The word's [`fold`], computed once when the segment is read: the names desk compares
    /// the whole draft's names on every edit and should not fold each again.
    pub key: String,
    /// The word opens a sentence (or a clause after a colon or dash), where any word is
    /// capitalised: "Al-Assad said" there is the same spelling as "al-Assad" elsewhere.
    pub sentence_start: bool,
}

/// A run of capitalised words that names someone or something: "Mykhailo Podolyak",
/// "Podolyak", "Bashar al-Assad", "White House".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// From the first name word to the last, without the title.
    pub range: Range<usize>,
    /// The name words; particles ("al", "van") inside the name are part of the text between
    /// them and not words of their own.
    pub words: Vec<NameWord>,
    /// Capitalised title words written just before the name ("President", "Councillor").
    pub title: Option<String>,
    /// The mention stands in a paragraph of one short sentence: a headline, subhead, caption
    /// or credit line, where surnames alone are the norm.
    pub in_short_paragraph: bool,
    /// The mention stands in the draft's first paragraph with no heading before it: in a
    /// plain draft that is the headline, where surnames alone are the norm. Set for the
    /// segment's first paragraph when it is read; the names desk keeps it only for the draft's.
    pub in_lead_paragraph: bool,
    /// The name as the draft writes it, title left out ("Bashar al-Assad").
    pub name: String,
    /// A bare surname that is the subject of a reporting verb right beside it ("Reyes said",
    /// "said Reyes."), and whether that verb is one only people take. Read from the text around
    /// the name when its segment is read, so that the names desk, which runs over the whole
    /// draft on every edit, never reads the text again.
    pub speaks: Speech,
    /// The text refers back to the name as "it" right after it ("Magna cut its dividend",
    /// "Twitter has positioned itself"): an organisation, whatever its name looks like.
    pub referred_to_as_it: bool,
}

/// Whether a bare surname speaks where it stands (see [`Mention::speaks`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Speech {
    /// Beside any reporting verb ("Reyes said", "Reyes reported").
    pub reporting: bool,
    /// Beside a verb only a person takes ("Reyes said", not "the survey found").
    pub as_person: bool,
}

impl Mention {
    /// The name as written, title left out.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.range.clone()]
    }

    /// The last word: the surname of a person, the head of an organisation's name.
    pub fn surname(&self) -> &NameWord {
        self.words.last().expect("a mention has at least one word")
    }

    /// The first word of a full name ("Mykhailo" in "Mykhailo Podolyak"); `None` for a bare
    /// surname.
    pub fn given(&self) -> Option<&NameWord> {
        (self.words.len() > 1).then(|| &self.words[0])
    }

    pub fn is_full(&self) -> bool {
        self.words.len() > 1
    }
}

/// A segment's mention as the whole draft sees it: the mention, borrowed from its segment's
/// analysis, and where that segment starts. The names desk reads every mention of a long draft
/// on every edit, so it moves offsets as it reads them instead of copying the mentions.
#[derive(Clone, Copy, Debug)]
pub struct Placed<'a> {
    pub mention: &'a Mention,
    /// Where the mention's segment starts in the draft.
    pub base: usize,
    /// The mention stands in the draft's first paragraph with no heading before it (see
    /// [`Mention::in_lead_paragraph`]), decided for the whole draft.
    pub in_lead_paragraph: bool,
}

impl<'a> Placed<'a> {
    /// Where the name stands in the draft, title left out.
    pub fn range(&self) -> Range<usize> {
        self.mention.range.start + self.base..self.mention.range.end + self.base
    }

    pub fn start(&self) -> usize {
        self.mention.range.start + self.base
    }

    /// Where one of the mention's words stands in the draft.
    pub fn word_range(&self, word: &NameWord) -> Range<usize> {
        word.range.start + self.base..word.range.end + self.base
    }

    pub fn surname(&self) -> &'a NameWord {
        self.mention.surname()
    }

    pub fn given(&self) -> Option<&'a NameWord> {
        self.mention.given()
    }

    pub fn is_full(&self) -> bool {
        self.mention.is_full()
    }
}

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

fn is_any(word: &str, list: &[&str]) -> bool {
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
        let short = paragraph.sentences.len() <= 1
            && words(text, paragraph.range.clone()).len() <= SHORT_PARAGRAPH_WORDS;
        let first_new = found.len();
        // Words come in order, so the quotations that opened before a word are found by
        // walking the interiors once: a word lies inside one when it ends before the furthest
        // end of those (a linear walk; a long paragraph of quotations stays linear).
        let mut next_interior = 0;
        let mut covered_until = 0;
        for sentence in &paragraph.sentences {
            let sentence_words = words(text, sentence.clone());
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

/// The key under which spellings of one name meet: the word in small letters without accents,
/// apostrophes or hyphens, with the letters that transliterations of one name disagree on made
/// the same: "y", "iy" and "yy" at the end and "y" beside a vowel become "i", "ks" becomes
/// "x", and double letters single. "Zelenskyy", "Zelenskiy", "Zelensky" all give "zelenski";
/// "Podolyak" and "Podoliak" give "podoliak"; "Smyth" stays apart from "Smith".
pub fn fold(word: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut plain = String::with_capacity(word.len());
    for character in word.nfkd() {
        if unicode_normalization::char::is_combining_mark(character) {
            continue;
        }
        match character {
            '\'' | '’' | '‘' | '-' | '‐' | '‑' | ' ' | '`' | 'ʼ' => {}
            'ø' | 'Ø' => plain.push('o'),
            'ł' | 'Ł' => plain.push('l'),
            'đ' | 'Đ' => plain.push('d'),
            'ß' => plain.push_str("ss"),
            'æ' | 'Æ' => plain.push_str("ae"),
            'œ' | 'Œ' => plain.push_str("oe"),
            _ => plain.extend(character.to_lowercase()),
        }
    }
    let plain = plain.replace("ks", "x");
    let characters: Vec<char> = plain.chars().collect();
    let is_vowel = |character: char| matches!(character, 'a' | 'e' | 'i' | 'o' | 'u');
    let mut folded = String::with_capacity(plain.len());
    let mut index = 0;
    while index < characters.len() {
        let character = characters[index];
        let next = characters.get(index + 1).copied();
        let at_end = index + 1 == characters.len();
        if character == 'i' && next == Some('y') && index + 2 == characters.len() {
            folded.push('i');
            index += 2;
            continue;
        }
        if character == 'y' {
            let previous = index.checked_sub(1).map(|at| characters[at]);
            if at_end
                || next.is_some_and(is_vowel)
                || previous.is_some_and(is_vowel)
                || next == Some('y')
            {
                folded.push('i');
                index += 1;
                continue;
            }
        }
        folded.push(character);
        index += 1;
    }
    let mut single = String::with_capacity(folded.len());
    for character in folded.chars() {
        if !single.ends_with(character) {
            single.push(character);
        }
    }
    single
}

/// Whether two folded keys are one letter apart (an insertion, deletion, substitution or
/// swap) in a way that keeps their first and last letters: "kiev" and "kiv" ("Kiev", "Kyiv")
/// are, "zelenska" and "zelenski" are not, because Slavic surnames change their ending with
/// the bearer's gender, so a different ending is a different person.
pub fn one_letter_apart(left: &str, right: &str) -> bool {
    let (left_len, right_len) = (left.chars().count(), right.chars().count());
    if left_len.min(right_len) < 3 || left_len.max(right_len) < 4 {
        return false;
    }
    if left.chars().next() != right.chars().next() || left.chars().last() != right.chars().last() {
        return false;
    }
    strsim::damerau_levenshtein(left, right) == 1
}

/// Whether two spellings of a word are the same as written in print: identical, or different
/// only in the capital of a word that opens a sentence ("Al-Assad said" and "al-Assad"), or
/// in the shape of the apostrophe ("O'Neill" and "O’Neill").
pub fn same_spelling(left: &NameWord, right: &NameWord) -> bool {
    // Compared character by character, without copies: the names desk compares every
    // mention of a long draft on every edit.
    let normal = |character: char| if character == '’' { '\'' } else { character };
    let (mut a, mut b) = (
        left.text.chars().map(normal),
        right.text.chars().map(normal),
    );
    if a.clone().eq(b.clone()) {
        return true;
    }
    if !(left.sentence_start || right.sentence_start) {
        return false;
    }
    match (a.next(), b.next()) {
        (Some(first), Some(other)) => first
            .to_lowercase()
            .chain(a)
            .eq(other.to_lowercase().chain(b)),
        (first, other) => first.is_none() && other.is_none(),
    }
}

/// What kind of name a mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    Person,
    Organisation,
}

impl NameKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NameKind::Person => "person",
            NameKind::Organisation => "organisation",
        }
    }
}

/// One person or organisation of the draft, with everything the sheet and the outline show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// The name in full as first written ("Mykhailo Podolyak"), or the one form the draft uses.
    pub name: String,
    pub kind: NameKind,
    /// The title written before the full name the first time ("President").
    pub title: Option<String>,
    /// Where the name first appears in full; `None` when the draft never gives it in full.
    pub first_full: Option<Range<usize>>,
    /// Every mention, in draft order, the first one first.
    pub mentions: Vec<Range<usize>>,
    /// Spellings the draft also uses for this name, apart from the first.
    pub variants: Vec<String>,
    /// How many quotations are attributed to this name.
    pub quotations: usize,
}

/// A quotation's named speaker, as the names desk needs it (draft offsets; the name borrowed
/// from the quotation's attribution).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuotedSpeaker<'a> {
    pub range: Range<usize>,
    pub name: &'a str,
}

/// Puts the mentions of a whole draft (in draft order, draft offsets) into people. A bare
/// surname belongs to the person of that surname named in full most recently before it (or
/// first after it, when none was); a full name is a new person when its given name is new for
/// its surname ("Bill Clinton" after "Hillary Clinton").
pub fn index(mentions: &[Placed], speakers: &[QuotedSpeaker]) -> Vec<Person> {
    let mut people: Vec<Person> = Vec::new();
    // Full names by folded surname: (given name's key, person index).
    let mut by_surname: HashMap<String, Vec<(String, usize)>> = HashMap::new();
    for mention in mentions.iter().filter(|mention| mention.is_full()) {
        let surname = mention.surname().key.clone();
        let given = mention
            .given()
            .expect("a full name has a given name")
            .key
            .clone();
        let entry = by_surname.entry(surname).or_default();
        let found = entry
            .iter()
            .find(|(known, _)| *known == given || one_letter_apart(known, &given))
            .map(|(_, at)| *at);
        if found.is_none() {
            let kind = if is_any(&mention.surname().text, ORGANISATION_HEADS)
                || mention.mention.name.contains(" of ")
            {
                NameKind::Organisation
            } else {
                NameKind::Person
            };
            entry.push((given, people.len()));
            people.push(Person {
                name: mention.mention.name.clone(),
                kind,
                title: mention.mention.title.clone(),
                first_full: Some(mention.range()),
                mentions: Vec::new(),
                variants: Vec::new(),
                quotations: 0,
            });
        }
    }
    // Every mention, in order, joins its person.
    let mut last_of_surname: HashMap<String, usize> = HashMap::new();
    let mut singles: HashMap<String, usize> = HashMap::new();
    for mention in mentions {
        let surname = mention.surname().key.clone();
        let person = if mention.is_full() {
            let given = mention
                .given()
                .expect("a full name has a given name")
                .key
                .clone();
            by_surname.get(&surname).and_then(|entries| {
                entries
                    .iter()
                    .find(|(known, _)| *known == given || one_letter_apart(known, &given))
                    .map(|(_, at)| *at)
            })
        } else {
            last_of_surname.get(&surname).copied().or_else(|| {
                by_surname
                    .get(&surname)
                    .and_then(|entries| entries.first().map(|(_, at)| *at))
            })
        };
        let Some(person) = person else {
            // A single word no full name explains is listed only when it is quoted (below).
            singles.entry(surname).or_insert(usize::MAX);
            continue;
        };
        last_of_surname.insert(surname, person);
        people[person].mentions.push(mention.range());
        let written = mention.surname();
        // The person's name is the text of their first full mention.
        let first_written = people[person].first_full.as_ref().map(|range| NameWord {
            range: range.clone(),
            text: people[person]
                .name
                .rsplit(' ')
                .next()
                .unwrap_or("")
                .to_string(),
            key: String::new(),
            sentence_start: false,
        });
        let shown = written.text.replace('’', "'");
        if first_written
            .as_ref()
            .is_some_and(|first| !same_spelling(written, first))
            && !people[person].variants.contains(&shown)
        {
            people[person].variants.push(shown);
        }
    }
    // Quoted speakers: a name the index knows counts the quotation; a name it does not know
    // (an agency, a surname never introduced) becomes an entry of its own.
    let mut quoted_only: HashMap<String, usize> = HashMap::new();
    for speaker in speakers {
        let Some(last) = speaker.name.split_whitespace().last() else {
            continue;
        };
        if !last.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let key = fold(last);
        let known = last_of_surname
            .get(&key)
            .copied()
            .or_else(|| quoted_only.get(&fold(speaker.name)).copied());
        match known {
            Some(at) => {
                people[at].quotations += 1;
                if people[at].first_full.is_none() {
                    people[at].mentions.push(speaker.range.clone());
                }
            }
            None => {
                quoted_only.insert(fold(speaker.name), people.len());
                people.push(Person {
                    name: speaker.name.to_string(),
                    kind: if speaker.name.contains(' ') && is_any(last, ORGANISATION_HEADS) {
                        NameKind::Organisation
                    } else {
                        NameKind::Person
                    },
                    title: None,
                    first_full: None,
                    mentions: vec![speaker.range.clone()],
                    variants: Vec::new(),
                    quotations: 1,
                });
            }
        }
    }
    for person in &mut people {
        person.mentions.sort_by_key(|range| range.start);
        person.mentions.dedup();
    }
    people.sort_by_key(|person| {
        person
            .mentions
            .first()
            .map_or(usize::MAX, |range| range.start)
    });
    people.retain(|person| !person.mentions.is_empty());
    people
}

/// Verbs only people take, for a name the draft never introduces: an agency "reports" and a
/// survey "finds", but a person "said".
/// Source: written for copydesk from the reporting verbs of [`crate::analysis::lexicon`] that take
/// only a human subject in news copy.
const PERSON_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "recalled",
    "recalls",
    "explained",
    "insisted",
    "replied",
    "continued",
    "stated",
    "asked",
    "tweeted",
    "wrote",
];

/// Words before a capitalised word that make it a place, a group or a description ("the
/// ambassador to Greece said", "the Republican said", "Mr. Obama said").
/// Source: written for copydesk from the prepositions, articles and courtesy titles that stand
/// before a place, group or description (examples above).
const NOT_A_BARE_NAME_AFTER: &[&str] = &[
    "in", "of", "from", "to", "at", "for", "the", "a", "an", "mr", "mrs", "ms", "dr", "by",
    "senior", "one", "another", "top",
];

/// Whether the name at `range` is the subject of a reporting verb right beside it: "Reyes
/// said", "said Reyes." A capitalised word in any other place may be a place, an adjective
/// ("a religious Catholic") or part of a longer name, and is left alone. With `person_verbs`,
/// only verbs a person takes count.
fn speaks(text: &str, range: &Range<usize>, person_verbs: bool) -> bool {
    let is_verb = |word: &str| {
        if person_verbs {
            PERSON_VERBS.contains(&word.to_lowercase().as_str())
        } else {
            is_reporting_verb(word)
        }
    };
    let before = &text[..range.start];
    let previous_word = before.strip_suffix(' ').and_then(|rest| {
        rest.trim_end_matches('.')
            .rsplit(|character: char| !character.is_alphabetic())
            .next()
    });
    if previous_word
        .is_some_and(|word| NOT_A_BARE_NAME_AFTER.contains(&word.to_lowercase().as_str()))
    {
        return false;
    }
    let after = &text[range.end..];
    let after = after
        .strip_prefix("'s")
        .or_else(|| after.strip_prefix("’s"))
        .unwrap_or(after);
    let next_word = after.strip_prefix(' ').and_then(|rest| {
        rest.split(|character: char| !character.is_alphabetic())
            .next()
    });
    if next_word.is_some_and(is_verb) {
        return true;
    }
    let ends_clause = after.chars().next().is_none_or(|character| {
        matches!(character, '.' | ',' | ';' | ':' | '\n' | '\r' | '!' | '?')
    });
    previous_word.is_some_and(is_verb) && ends_clause
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterations_of_one_name_fold_to_one_key() {
        for family in [
            &["Zelensky", "Zelenskyy", "Zelenskiy"][..],
            &["Podolyak", "Podoliak"],
            &["al-Assad", "Al-Assad", "alAssad"],
            &["Aleksandr", "Alexandr"],
            &["Gauck", "Gaück"],
            &["Hillary", "Hilary"],
        ] {
            let keys: Vec<String> = family.iter().map(|word| fold(word)).collect();
            assert!(
                keys.windows(2).all(|pair| pair[0] == pair[1]),
                "{family:?}: {keys:?}"
            );
        }
    }

    #[test]
    fn different_names_keep_different_keys() {
        for (left, right) in [
            ("Zelensky", "Zelenska"),
            ("Smith", "Smyth"),
            ("Iran", "Iraq"),
            ("Clinton", "Clintons"),
            ("Kiev", "Kyiv"),
        ] {
            assert_ne!(fold(left), fold(right), "{left} / {right}");
        }
    }

    #[test]
    fn one_letter_apart_keeps_first_and_last_letters() {
        assert!(one_letter_apart(&fold("Kiev"), &fold("Kyiv")));
        assert!(one_letter_apart(&fold("Thomas"), &fold("Tomas")));
        assert!(!one_letter_apart(&fold("Zelenska"), &fold("Zelensky")));
        assert!(!one_letter_apart(&fold("Iran"), &fold("Iraq")));
        assert!(!one_letter_apart(&fold("Conn"), &fold("Coon")));
    }
}
