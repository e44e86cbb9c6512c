//! The finding: the one piece of plain data that every output renders.
//!
//! Diagnostics, hovers, code actions and the command line's text and JSON all read the same
//! `Finding`; none of them re-runs a rule to learn more about it. That is why a finding carries
//! its structured details (what was understood, how a date was resolved, which attribution was
//! searched for) and its fixes as ready-made byte edits.

use std::fmt;
use std::ops::Range;

pub use super::rules::RuleCode;

impl RuleCode {
    /// The two rules about suppression comments themselves, which no comment can suppress.
    pub fn is_about_suppressions(self) -> bool {
        matches!(
            super::rules::rule(self).check,
            super::rules::Check::Suppression(_)
        )
    }

    pub fn from_code(code: &str) -> Option<RuleCode> {
        RuleCode::ALL.into_iter().find(|rule| rule.as_str() == code)
    }
}

impl fmt::Display for RuleCode {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.as_str())
    }
}

/// How loudly a finding is shown. Ordered from quietest to loudest so that thresholds can be
/// compared with `>=`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Hint,
    Information,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Information => "information",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Parses the names users write in settings; "info" is accepted because editors use it.
    pub fn from_name(name: &str) -> Option<Severity> {
        match name.to_ascii_lowercase().as_str() {
            "hint" => Some(Severity::Hint),
            "information" | "info" => Some(Severity::Information),
            "warning" | "warn" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// One replacement of a byte range of the analysed text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub replacement: String,
}

impl Edit {
    pub fn replace(range: Range<usize>, replacement: impl Into<String>) -> Edit {
        Edit {
            range,
            replacement: replacement.into(),
        }
    }

    pub fn insert(at: usize, text: impl Into<String>) -> Edit {
        Edit::replace(at..at, text)
    }
}

/// A quick fix: a title the user picks from a menu and the edits it makes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
}

/// Where the publication date that relative dates are resolved against came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReferenceSource {
    /// The draft's own front matter (`date:`, `published:`, `publishDate:`, `pubDate:`).
    FrontMatter,
    /// The dateline at the top of the story (`KYIV, Feb. 28 (Reuters) -`).
    Dateline,
    /// A configured reference date: where it was configured is named, so that a user who
    /// wants another date knows what to change.
    Setting(SettingOrigin),
    /// Nothing said when the draft is published, so today's date is assumed.
    AssumedToday,
}

/// Where a configured reference date was set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SettingOrigin {
    /// The editor's `copydesk.referenceDate` setting (or the server's initialization options).
    #[default]
    EditorSetting,
    /// The command line's `--reference-date`.
    CommandLine,
    /// `referenceDate` in a house rules file, with the file's path as the user gave or found
    /// it. Paths are interned (see [`SettingOrigin::house_rules`]) so that a reference date
    /// stays a small value copied into every date finding.
    HouseRules(&'static str),
}

impl SettingOrigin {
    /// The origin of a reference date read from the house rules file at `path`.
    ///
    /// Each distinct path is stored once for the life of the process: a session sees a
    /// handful of house rules files, so this holds a few short strings, never a growing pile.
    pub fn house_rules(path: &str) -> SettingOrigin {
        use std::collections::BTreeSet;
        use std::sync::Mutex;
        static PATHS: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());
        let mut paths = PATHS
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let interned = match paths.get(path) {
            Some(&interned) => interned,
            None => {
                let interned: &'static str = Box::leak(path.to_string().into_boxed_str());
                paths.insert(interned);
                interned
            }
        };
        SettingOrigin::HouseRules(interned)
    }
}

impl ReferenceSource {
    pub fn describe(self) -> String {
        match self {
            ReferenceSource::FrontMatter => "from the front matter".to_string(),
            ReferenceSource::Dateline => "from the dateline".to_string(),
            ReferenceSource::Setting(SettingOrigin::EditorSetting) => {
                "from the copydesk.referenceDate setting".to_string()
            }
            ReferenceSource::Setting(SettingOrigin::CommandLine) => {
                "from --reference-date on the command line".to_string()
            }
            ReferenceSource::Setting(SettingOrigin::HouseRules(path)) => {
                format!("from referenceDate in the house rules file {path}")
            }
            ReferenceSource::AssumedToday => {
                "assumed: today's date, the draft has no date".to_string()
            }
        }
    }
}

/// The publication date in use for a document, and where it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReferenceDate {
    pub date: jiff::civil::Date,
    pub source: ReferenceSource,
    /// The date's year was not written (a dateline's "Feb. 28") and was inferred: the latest
    /// such date not after today, since a story is not filed from the future.
    pub year_inferred: bool,
}

impl ReferenceDate {
    /// Where the date came from, in words, including whether its year was inferred.
    pub fn describe(&self) -> String {
        let source = self.source.describe();
        if self.year_inferred {
            format!(
                "{source}; its year is not written, so it is taken as the latest such date not after today"
            )
        } else {
            source
        }
    }
}

/// What a rule understood, kept structured so that hovers and JSON output can show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Details {
    Quote(QuoteDetails),
    RelativeDate(DateDetails),
    Figure(FigureDetails),
    WeekdayMismatch(MismatchDetails),
    /// Rules whose details are a few sentences of explanation.
    Notes(Vec<String>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MismatchDetails {
    /// The weekday and date as written.
    pub written: String,
    /// The date with its real weekday, e.g. "Tuesday, March 4, 2025".
    pub actual: String,
    /// The nearest date with the written weekday, e.g. "Monday, March 3, 2025".
    pub nearest: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteDetails {
    /// The quotation's kind as classified (only speech can be unattributed).
    pub kind: &'static str,
    pub words: usize,
    /// What was looked for and where, in words a copy editor understands.
    pub searched: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateDetails {
    /// The expression as written, e.g. "last Thursday".
    pub expression: String,
    /// The TimeML value: `YYYY-MM-DD`, `YYYY-Www`, `YYYY-MM`, `YYYY`, `YYYY-Qn`, `YYYY-SU`, ...
    pub resolved: String,
    /// The resolved date in words, e.g. "Thursday, Feb. 24, 2022" or "the week of Feb. 21, 2022".
    pub meaning: String,
    /// How the value was derived, e.g. "past tense: the Thursday before the publication date".
    pub reasoning: String,
    pub reference: ReferenceDate,
    /// True when the expression sits inside a speech quotation, which is never rewritten.
    pub in_quotation: bool,
    /// The absolute date in house style, for inlay hints ("Feb. 24", "the week of Feb. 21").
    pub short: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureDetails {
    /// The figure as written, e.g. "$1.2 billion".
    pub text: String,
    /// What was understood, e.g. "money: 1.2 billion US dollars".
    pub understood: String,
    pub searched: String,
}

/// One thing a rule found in a draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: RuleCode,
    /// Byte range in the analysed text.
    pub span: Range<usize>,
    pub severity: Severity,
    pub message: String,
    pub details: Details,
    pub fixes: Vec<Fix>,
    /// Other places the finding refers to, such as the speaker of a quotation.
    pub related: Vec<Related>,
}

/// A place in the text that explains a finding, e.g. where its speaker was named.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub span: Range<usize>,
    pub message: String,
    /// While a draft is analysed segment by segment (see `incremental`): how many segments
    /// before the finding's own the place stands in, its span counting from that segment's
    /// start. A speaker named in an earlier segment is then described without the length of
    /// the text in between, so typing there changes nothing after it. 0 in a whole draft's
    /// analysis, whose spans count from the draft's start.
    pub segments_back: usize,
}

impl Finding {
    /// The details as short lines of Markdown-safe prose, shared by hovers and the CLI's notes.
    pub fn explanation(&self) -> Vec<String> {
        match &self.details {
            Details::Quote(quote) => vec![
                format!("Kind: {} quotation of {} words.", quote.kind, quote.words),
                format!("Looked for: {}.", quote.searched),
            ],
            Details::RelativeDate(date) => {
                let mut lines = vec![
                    format!("“{}” = {}.", date.expression, date.meaning),
                    format!("How: {}.", date.reasoning),
                    format!(
                        "Publication date: {} ({}).",
                        crate::analysis::calendar::weekday_date(date.reference.date),
                        date.reference.describe()
                    ),
                ];
                if date.in_quotation {
                    lines.push(
                        "Inside a quotation: the quote is never rewritten; the fix adds the date in brackets."
                            .to_string(),
                    );
                }
                lines
            }
            Details::WeekdayMismatch(mismatch) => vec![
                format!("Written: {}.", mismatch.written),
                format!("The date is {}.", mismatch.actual),
                format!(
                    "The nearest {} is {}.",
                    mismatch.nearest.split(',').next().unwrap_or(""),
                    mismatch.nearest
                ),
            ],
            Details::Notes(notes) => notes.clone(),
            Details::Figure(figure) => vec![
                format!("Figure: {} ({}).", figure.text, figure.understood),
                format!(
                    "Source: none in this sentence. Looked for: {}.",
                    figure.searched
                ),
            ],
        }
    }

    /// The TimeML value of a relative date, which the LSP layer passes on as `data.resolved`.
    pub fn resolved_date(&self) -> Option<&str> {
        match &self.details {
            Details::RelativeDate(date) => Some(&date.resolved),
            _ => None,
        }
    }
}
