use crate::analysis::rules::tests::{findings_of, settings};
use crate::analysis::{analyze, Format, RuleCode};

const RULE: RuleCode = RuleCode::UnsourcedFigure;

/// The source a hover shows for the figure `marker` in `text`.
fn source_of(text: &str, marker: &str) -> Option<String> {
    let analysis = analyze(text, Format::PlainText, &settings());
    let at = text.find(marker).expect("marker in text");
    analysis
        .figures
        .iter()
        .find(|figure| figure.span.contains(&at))
        .unwrap_or_else(|| panic!("no figure at {marker:?} in {text:?}"))
        .source
        .clone()
}

/// Each numbered case of the issue as twins: the same figure once with no source (flagged)
/// and once with the source a copy editor accepts (not flagged).
#[test]
fn flagged_and_sourced_twins() {
    for (flagged, sourced, figure) in [
        // 1. The source is in the sentence before or earlier in the paragraph.
        (
            "Reyes spoke in Albany on Monday. She leads among women by 12 percent.",
            "A Marist poll released Monday found Reyes ahead. She leads among women by 12 percent.",
            "12 percent",
        ),
        (
            "Reyes toured the valley.\n\nShe won 48 percent in the county.",
            "According to the county's results, Reyes won the valley.\n\nShe won 48 percent in the county.",
            "48 percent",
        ),
        // 2. The subject is the source: its own release, a poll's methodology, a bill.
        (
            "Soros contributed $1 million to the fund.",
            "The agency has released 1,250 pages of emails.",
            "",
        ),
        (
            "The crowd of 1,003 adults cheered for an hour.",
            "The poll of 1,003 adults has a margin of error of 3.1 points.",
            "1,003",
        ),
        (
            "The city would spend $275 billion.",
            "The bill would spend $275 billion.",
            "$275 billion",
        ),
        // 3. Source words: lists, puts ... at, a count, coordinated "and says".
        (
            "The town had 21,090 residents that year.",
            "The agency lists the town's population that year as 21,090.",
            "21,090",
        ),
        (
            "The department withheld about 1,500 pages as personal.",
            "The department has deemed about 1,500 pages personal and says it will not release them.",
            "1,500",
        ),
        (
            "Sales rose 4 percent, and exports fell.",
            "Sales rose 4 percent, and exports fell, according to the ministry.",
            "4 percent",
        ),
        // 4. A cue in a relative or coordinated clause about something else is no source.
        (
            "The city has spent $4 million on the stadium, which the mayor promised to finish next year.",
            "The city has spent $4 million on the stadium, the mayor said.",
            "$4 million",
        ),
        (
            "The plant employs 1,200 people, and the governor said she hoped to visit it.",
            "The plant employs 1,200 people, the governor said.",
            "1,200",
        ),
        (
            "Economy adds 200,000 jobs.",
            "The Labor Department said the economy added 200,000 jobs.",
            "200,000",
        ),
        (
            "The crowd numbered an estimated 30,000.",
            "Police estimated the crowd at 30,000.",
            "30,000",
        ),
    ] {
        if !figure.is_empty() {
            assert_eq!(findings_of(RULE, flagged), vec![figure.to_string()], "{flagged}");
        } else {
            assert_eq!(findings_of(RULE, flagged).len(), 1, "{flagged}");
        }
        assert_eq!(findings_of(RULE, sourced), Vec::<String>::new(), "{sourced}");
    }
}

/// The cases found after the first pass, as twins: respondents' answers, questions, a
/// relative clause on a speaker, figures once missed, non-figures and spurious sources.
#[test]
fn second_pass_twins() {
    for (flagged, sourced, figure) in [
        // The verb of a share of respondents is their answer, not the figure's source.
        (
            "Reyes toured the valley. Just 28 percent of voters said they liked the plan.",
            "A Gallup poll released Monday asked about the plan. Just 28 percent of voters said they liked it.",
            "28 percent",
        ),
        (
            "Reyes toured the valley. She trails 40 percent to 46 percent, with 14 percent saying they are unsure.",
            "A Gallup poll released Monday asked about her. She trails 40 percent to 46 percent, with 14 percent saying they are unsure.",
            "",
        ),
        // "Asked if" opens a question, not a condition.
        (
            "Asked if the plan was legal, 46 percent of voters said yes.",
            "The Marist poll asked about the plan. Asked if it was legal, 46 percent of voters said yes.",
            "46 percent",
        ),
        // A relative clause on the subject of a reporting verb belongs to its statement.
        (
            "Acme Foods, which offered $40 million for the plant, closed on Monday.",
            "Acme Foods, which offered $40 million for the plant, said on Monday it would wait.",
            "$40 million",
        ),
        (
            "Acme Foods, which offered $40 million for the plant, wants to wait.",
            "Acme Foods, which offered $40 million for the plant, told investors it would wait.",
            "$40 million",
        ),
        // 7. Figures once missed: a six-figure sum, a share of a polled group, an average.
        (
            "She earns a six-figure salary.",
            "She earns a six-figure salary, according to her tax filing.",
            "six-figure",
        ),
        (
            "Most voters backed the plan.",
            "Most voters backed the plan, a Quinnipiac poll found.",
            "Most voters",
        ),
        (
            "The average age of the members is 67.",
            "The average age of the members is 67, the club said.",
            "67",
        ),
        // 4. Spurious sources: a pledge and a programme are no source.
        (
            "The group pledged $2 million to the fund.",
            "The group said it gave $2 million to the fund.",
            "$2 million",
        ),
        (
            "The group pledged $2 million to the fund.",
            "The group pledged that it would raise $2 million for the fund.",
            "$2 million",
        ),
        (
            "The broadcast showed 84 million viewers.",
            "Nielsen data showed 84 million viewers.",
            "84 million",
        ),
        (
            "An estimated 30,000 people attended.",
            "Police estimated that 30,000 people attended.",
            "30,000",
        ),
    ] {
        if figure.is_empty() {
            assert!(!findings_of(RULE, flagged).is_empty(), "{flagged}");
        } else {
            assert_eq!(findings_of(RULE, flagged), vec![figure.to_string()], "{flagged}");
        }
        assert_eq!(findings_of(RULE, sourced), Vec::<String>::new(), "{sourced}");
    }
    // "Most" that measures nothing, and the sentences that do not make it a share.
    for silent in [
        "It was the most dangerous city in the state.",
        "Most people imagined a quieter race.",
        "At most voters could wait an hour.",
        "In the eyes of most voters, the race is over.",
    ] {
        assert_eq!(findings_of(RULE, silent), Vec::<String>::new(), "{silent}");
    }
}

/// Case 5 again: fixed allotments, campaign names, audiences and markup are no figures;
/// their twins are.
#[test]
fn second_pass_not_figures_and_their_twins() {
    for (not_a_figure, figure_twin, figure) in [
        (
            "Trump will win the state's 99 delegates.",
            "Trump has won 99 delegates so far.",
            "99",
        ),
        (
            "Workers joined the Fight for $15 campaign.",
            "Workers joined the fight for $15 million in back pay.",
            "$15 million",
        ),
        (
            "The debate drew millions of viewers.",
            "The debate cost millions of dollars.",
            "millions",
        ),
        (
            "<span style=\"width: 300px\">The page</span>",
            "The page sold 300 copies.",
            "300",
        ),
    ] {
        assert_eq!(
            findings_of(RULE, not_a_figure),
            Vec::<String>::new(),
            "{not_a_figure}"
        );
        assert_eq!(
            findings_of(RULE, figure_twin),
            vec![figure.to_string()],
            "{figure_twin}"
        );
    }
}

/// 5. Numbers that are no figure claim are not flagged; their twins that are, are.
#[test]
fn not_figures_and_their_twins() {
    for (not_a_figure, figure_twin, figure) in [
        (
            "They need 2,383 delegates needed to win the nomination.",
            "They won 2,383 delegates in March.",
            "2,383",
        ),
        (
            "Workers marched for a $15 minimum wage.",
            "Workers lost $15 million.",
            "$15 million",
        ),
        (
            "The S&P 500 closed higher.",
            "The firm laid off 500 workers.",
            "500",
        ),
        (
            "It has been 200 days since the vote.",
            "It has been 200 ballots since the vote.",
            "200",
        ),
        (
            "His millions of followers cheered.",
            "Millions of commuters cheered.",
            "Millions",
        ),
        (
            "A photo is worth a thousand words.",
            "A thousand people came.",
            "A thousand",
        ),
        (
            "If they gather 100,000 signatures, a vote follows.",
            "They gathered 100,000 signatures.",
            "100,000",
        ),
        (
            "For every $10,000 you borrow, you repay a share.",
            "Fees are $10,000 a year.",
            "$10,000",
        ),
        (
            "The stock rose 12 cents to $18.40.",
            "The company paid $18.40 million.",
            "$18.40 million",
        ),
        (
            "He said: I'm the worst thing that ever happened to them.",
            "Turnout was the worst ever.",
            "the worst",
        ),
    ] {
        assert_eq!(
            findings_of(RULE, not_a_figure),
            Vec::<String>::new(),
            "{not_a_figure}"
        );
        assert_eq!(
            findings_of(RULE, figure_twin),
            vec![figure.to_string()],
            "{figure_twin}"
        );
    }
}

/// 6. One figure, one finding; 7. figures that were missed.
#[test]
fn one_finding_per_figure_and_figures_once_missed() {
    for (text, expected) in [
        (
            "The government poured hundreds of millions of dollars into research.",
            vec!["hundreds of millions"],
        ),
        (
            "Dozens more like it snake around town.",
            vec!["Dozens more"],
        ),
        ("Agents seized tons of marijuana.", vec!["tons"]),
        (
            "About one of every nine voters is Latino.",
            vec!["one of every nine"],
        ),
        (
            "He became only the fourth councillor since 1848 to lose.",
            vec!["the fourth"],
        ),
        ("Rubio finished 22 points behind Trump.", vec!["22 points"]),
        (
            "Three cantons had a turnout of 72-75 percent.",
            vec!["72-75 percent"],
        ),
        (
            "Clinton leads 516 to 39 among superdelegates.",
            vec!["516", "39"],
        ),
    ] {
        assert_eq!(findings_of(RULE, text), expected, "{text}");
    }
}

#[test]
fn hovers_say_where_the_source_was_found() {
    let text = "A Marist poll released Monday found Reyes ahead. She leads among women by 12 percent. In Erie she has 54 percent.";
    assert_eq!(
        source_of(text, "12 percent").as_deref(),
        Some("Marist poll, the sentence before")
    );
    assert_eq!(
        source_of(text, "54 percent").as_deref(),
        Some("Marist poll, earlier in the paragraph")
    );
    // A sentence about something else ends the source's reach.
    let interrupted =
        "A Marist poll found Reyes ahead. The hall was quiet. She leads by 12 percent.";
    assert_eq!(source_of(interrupted, "12 percent"), None);
    assert_eq!(
        source_of("The bill would spend $275 billion.", "$275").as_deref(),
        Some("the bill itself, in the same clause")
    );
}

/// A poll story: a poll named in its lead, and a paragraph about something else before the
/// figures the tests put after it.
const POLL_STORY: &str = "Reyes leads Lund, according to a new Harbor Institute poll.\n\n\
    The candidates toured the valley on Monday.\n\n";

/// A poll story goes on reporting its poll's answers in later paragraphs, and a speaker's
/// statement about figures sources the figures that follow it in its paragraph: twins.
#[test]
fn story_polls_and_statements_about_figures() {
    let poll_story = POLL_STORY;
    for (flagged, sourced, figure) in [
        (
            "Reyes toured the valley.\n\nJust 30 percent of voters consider Lund honest.".to_string(),
            format!("{poll_story}Just 30 percent of voters consider Lund honest."),
            "30 percent",
        ),
        (
            "Reyes toured the valley.\n\nNearly eight of 10 voters say they will watch.".to_string(),
            format!("{poll_story}Nearly eight of 10 voters say they will watch."),
            "10",
        ),
        // A share that is nobody's answer is not the poll's: the city's budget is a query.
        (
            format!("{poll_story}The city spent 40 percent of its budget on roads."),
            format!("{poll_story}The city spent 40 percent of its budget on roads, the mayor said."),
            "40 percent",
        ),
        (
            "In Erie, turnout was the second highest in a decade. It was about 41%.".to_string(),
            "In Erie, turnout was the second highest in a decade, election officials said. It was about 41%.".to_string(),
            "41%",
        ),
        // A statement stays with its paragraph; a named report reaches the next one.
        (
            "Turnout was the highest in a decade, election officials said.\n\nIt was about 41%.".to_string(),
            "Turnout was the highest in a decade, the county's report found.\n\nIt was about 41%.".to_string(),
            "41%",
        ),
        (
            "The turnout was the second highest in years. It was about 35%.".to_string(),
            "Officials also said the turnout was the second highest in years. It was about 35%.".to_string(),
            "35%",
        ),
        // A statement reaches a sentence that goes on with its subject, not one that turns to
        // something else.
        (
            "The board said the boats would cost $48 million. Ridership fell to 41,300 a month.".to_string(),
            "The board said ridership would cost $48 million. Ridership fell to 41,300 a month.".to_string(),
            "41,300",
        ),
        // Urging a figure is no statement of one.
        (
            "Judge Ames had urged the agency to process 15 percent of the pages. The agency had processed about 12 percent.".to_string(),
            "Judge Ames said the agency had processed 15 percent of the pages. The agency had processed about 12 percent.".to_string(),
            "12 percent",
        ),
    ] {
        assert_eq!(findings_of(RULE, &flagged), vec![figure.to_string()], "{flagged}");
        assert_eq!(findings_of(RULE, &sourced), Vec::<String>::new(), "{sourced}");
    }
    assert_eq!(
        source_of(
            &format!("{poll_story}Just 30 percent of voters consider Lund honest."),
            "30 percent"
        )
        .as_deref(),
        Some("a new Harbor Institute poll, named earlier in the story")
    );
    // A reporting verb in a clause about something else states nothing about the figures.
    assert_eq!(
        findings_of(
            RULE,
            "Lund said the firm billed the campaign $3.7 million since he announced his bid. It costs thousands of dollars an hour."
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        findings_of(
            RULE,
            "The firm charged the campaign $3.7 million since he announced his bid. It costs thousands of dollars an hour."
        ),
        vec!["thousands".to_string()]
    );
    assert_eq!(
        source_of(
            "Turnout was the second highest in years, election officials said. It was about 41%.",
            "41%"
        )
        .as_deref(),
        Some("“election officials said”, the sentence before")
    );
}

/// What copy editors reading the flags on real articles called no query, as twins: a plan's
/// or a rule's own amount, a model's name, the whole of a known group, a rater counting its
/// own verdicts and experts who state the figure before them; each twin is a query.
#[test]
fn flags_a_copy_editor_would_not_act_on_and_their_twins() {
    for (not_a_query, query, figure) in [
        (
            "Lund attacked the senator's plan to deport 11 million people.",
            "Agents deported 11 million people last year.",
            "11 million",
        ),
        (
            "Few members spend the alliance's recommended 2 percent of output on defense.",
            "Few members spend more than 2 percent of output on defense.",
            "2 percent",
        ),
        (
            "The party set a goal of $1 billion for the fall.",
            "The party raised $1 billion for the fall.",
            "$1 billion",
        ),
        (
            "The 757 can often be seen parked on the runway.",
            "The 757 passengers were seen on the runway.",
            "757",
        ),
        (
            "He would bar all 1.6 billion members of the faith from entering.",
            "He would bar 1.6 billion members of the faith from entering.",
            "1.6 billion",
        ),
        (
            "Lund won all 99 delegates on Tuesday.",
            "In all, 99 delegates were won on Tuesday.",
            "99",
        ),
        (
            "It is a fraction of the $20 million experts say a race costs.",
            "It is a fraction of the $20 million the race costs.",
            "$20 million",
        ),
    ] {
        assert_eq!(
            findings_of(RULE, not_a_query),
            Vec::<String>::new(),
            "{not_a_query}"
        );
        if !figure.is_empty() {
            assert_eq!(
                findings_of(RULE, query),
                vec![figure.to_string()],
                "{query}"
            );
        }
    }
    // A rater counting its own verdicts is its own source; a plain action is not.
    assert_eq!(
        findings_of(RULE, "The site has rated 32 percent of his claims false."),
        Vec::<String>::new()
    );
    assert_eq!(
        findings_of(RULE, "The site has ignored 32 percent of his claims."),
        vec!["32 percent".to_string()]
    );
}

/// What a copy editor called no query in a second sample of real articles (seed 2026), as
/// twins: a market quote, an earnings story's results, a rule of procedure and delegates at
/// stake; and figures once missed or wrongly sourced.
#[test]
fn market_quotes_results_and_rules_and_their_twins() {
    for (not_a_query, query, figure) in [
        // A share price is the exchange's record.
        (
            "In composite trading on the New York Stock Exchange, Acme shares closed at $43.875, down 25 cents.",
            "Acme paid $43.875 for each of the tools.",
            "$43.875",
        ),
        (
            "Acme shares rose five pence to 913 pence in London.",
            "Acme sold 913 tools in London.",
            "913",
        ),
        // The Securities and Exchange Commission is no stock exchange.
        (
            "Acme told the Securities and Exchange Commission that it sold 4 million shares.",
            "Acme filed with the Securities and Exchange Commission to sell 4 million shares.",
            "4 million",
        ),
        // What a rule demands to win, and the delegates at stake, are procedure.
        (
            "It takes 2,383 delegates to win the nomination.",
            "She has won 2,383 delegates so far.",
            "2,383",
        ),
        (
            "In all, 865 delegates are at stake on Tuesday.",
            "In all, 865 delegates were won on Tuesday.",
            "865",
        ),
        (
            "With 38 delegates up for grabs, the race is close.",
            "With 38 delegates won, the race is close.",
            "38",
        ),
        // A score written out is one figure.
        (
            "Romney's 73-to-25 percent victory marked a record, according to the county's results.",
            "Romney's 73-to-25 percent victory marked a record.",
            "73-to-25 percent",
        ),
    ] {
        assert_eq!(
            findings_of(RULE, not_a_query),
            Vec::<String>::new(),
            "{not_a_query}"
        );
        assert_eq!(
            findings_of(RULE, query),
            vec![figure.to_string()],
            "{query}"
        );
    }
    // An earnings story's results come from the company's report named in its lead, as a
    // poll story's answers come from its poll; a figure that is no result is still a query.
    let lead = "Acme Corp. reported a sharp decline in net income for its third quarter.\n\n";
    let results = "Net income fell 37% to $32.9 million. Revenue rose 15% to $534.3 million.";
    assert_eq!(
        findings_of(RULE, &format!("{lead}{results}")),
        Vec::<String>::new()
    );
    assert_eq!(
        source_of(&format!("{lead}{results}"), "$534.3").as_deref(),
        Some("the company's report of its results, named earlier in the story")
    );
    assert_eq!(
        findings_of(
            RULE,
            &format!("Acme Corp. said it hired three bankers.\n\n{results}")
        ),
        vec!["37%", "$32.9 million", "15%", "$534.3 million"]
    );
    assert_eq!(
        findings_of(RULE, &format!("{lead}The plant employs 1,200 people.")),
        vec!["1,200"]
    );
    // A share of respondents given as a fraction is a poll's answer too.
    let poll_story = POLL_STORY;
    let half = "In Erie, about half of Democratic primary voters said they want a change.";
    assert_eq!(
        findings_of(RULE, &format!("{poll_story}{half}")),
        Vec::<String>::new()
    );
    assert_eq!(
        findings_of(RULE, &format!("Reyes toured the valley.\n\n{half}")),
        vec!["half of"]
    );
    // A number that ends a sentence names nothing with the capitalised word after it.
    assert_eq!(
        findings_of(
            RULE,
            "Her lead is bigger, 1,630 to Lund’s 870. It grew on Tuesday."
        ),
        vec!["1,630", "870"]
    );
    // A pronoun goes on with the sentence just before it: two sentences after a word on jobs,
    // "That follows news that output grew 1.2%" is about other figures.
    let jobs = "The agency said the economy added 255,000 jobs in July. That number follows 292,000 in June.";
    assert_eq!(findings_of(RULE, jobs), Vec::<String>::new());
    assert_eq!(
        findings_of(
            RULE,
            &format!("{jobs} That follows news that output grew just 1.2% in the spring.")
        ),
        vec!["1.2%"]
    );
}

/// The rest of the seed-1515 and seed-2026 samples' "no query" flags, as twins: a body's
/// membership, a state's allotment, a poll's sampled population, results per share and a
/// share that is an adjective.
#[test]
fn memberships_allotments_samples_and_results_per_share_and_their_twins() {
    for (not_a_query, query, figure) in [
        (
            "Security was a rare spot of unity for a summit of 27 leaders on Friday.",
            "Security was a rare spot of unity for a crowd of 27 protesters on Friday.",
            "27",
        ),
        (
            "She needs a win in June. California has 475 delegates.",
            "She needs a win in June. Lund has 475 delegates.",
            "475",
        ),
        (
            "The firm, which is 61%-owned by Acme, sold the plant.",
            "The firm, which Acme owns, sold 61% of the plant.",
            "61%",
        ),
        (
            "In the third quarter, the company had a net loss of $46.9 million, or 91 cents a share.",
            "In the third quarter, the company had a net loss of $46.9 million.",
            "$46.9 million",
        ),
    ] {
        assert_eq!(
            findings_of(RULE, not_a_query),
            Vec::<String>::new(),
            "{not_a_query}"
        );
        assert_eq!(
            findings_of(RULE, query),
            vec![figure.to_string()],
            "{query}"
        );
    }
    // "a share amount" is no result per share.
    assert_eq!(
        findings_of(
            RULE,
            "The plan did not specify a share amount, and the firm bought 481,000 shares by May."
        ),
        vec!["481,000"]
    );
    // A poll story's sampled population makes a lead in the sentence the poll's finding; the
    // same lead in a story that named no poll is a query.
    let poll_story = POLL_STORY;
    let lead = "Among likely voters, her advantage is the same: she leads Lund by 49 percent to 47 percent.";
    assert_eq!(
        findings_of(RULE, &format!("{poll_story}{lead}")),
        Vec::<String>::new()
    );
    assert_eq!(
        findings_of(RULE, &format!("Reyes toured the valley.\n\n{lead}")),
        vec!["49 percent", "47 percent"]
    );
}

/// The fresh seed-2026 sample's "no query" flags, as twins: an amount restated with ", or"
/// inside a relative clause on a speaker, the terms an agreement sets out, and a forecast by
/// those who expect it.
#[test]
fn restated_amounts_terms_and_forecasts_and_their_twins() {
    for (not_a_query, query, figure) in [
        (
            "Acme, which offered $40 million, or $37 a share for the plant, said it would extend its bid.",
            "Acme, which offered $40 million, or $37 a share for the plant, would extend its bid.",
            "",
        ),
        (
            "Under the offer, shareholders will receive one right for each 105 shares owned.",
            "In the end, shareholders received one right for each 105 shares owned.",
            "105",
        ),
        (
            "Under the agreement, the minimum wage, now $10 an hour, would climb.",
            "After the agreement, the minimum wage, now $10 an hour, would climb.",
            "$10",
        ),
        (
            "Officials expect the bank to raise rates by roughly one percentage point.",
            "The bank will raise rates by roughly one percentage point.",
            "one percentage point",
        ),
        (
            "The board expects that tens of thousands of workers will leave.",
            "The board hopes that tens of thousands of workers will leave.",
            "tens of thousands",
        ),
        // A condition of an offer is no count; polls "in recent national polls" are a source.
        (
            "The offer is conditional on 50.1% of the shares being tendered.",
            "The offer was accepted by holders of 50.1% of the shares.",
            "50.1%",
        ),
        (
            "Neither will debate after registering below 1 percent in recent national polls.",
            "Neither will debate after registering below 1 percent in the state.",
            "1 percent",
        ),
        // A document setting out its terms sources them, and they carry to the next sentence.
        (
            "The plan provides for one right for each share held. Each right entitles holders to buy stock for $30.",
            "Each right entitles holders to buy stock for $30.",
            "$30",
        ),
        // A vague quantity in an open question is no claim.
        (
            "It remains unclear whether meeting thousands of voters will matter.",
            "The candidates met thousands of voters on Monday.",
            "thousands",
        ),
        // A comparison with what analysts expected, set off by commas, forecasts nothing.
        (
            "Acme expects its share of the market to reach 12%.",
            "The sale, at a higher price than analysts had expected, boosts its share of the market to 12%.",
            "12%",
        ),
    ] {
        assert_eq!(
            findings_of(RULE, not_a_query),
            Vec::<String>::new(),
            "{not_a_query}"
        );
        if figure.is_empty() {
            assert!(!findings_of(RULE, query).is_empty(), "{query}");
        } else {
            assert_eq!(
                findings_of(RULE, query),
                vec![figure.to_string()],
                "{query}"
            );
        }
    }
}
