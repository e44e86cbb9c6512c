//! The seed article's one-edit test, shared by the engine (`tests/it/constructions.rs`), the
//! command line (`tests/it/cli.rs`) and the language server (`tests/it/lsp.rs`) so that all three
//! check the same edits: each of the four speech quotations of our own seed-style article
//! (`tests/fixtures/legion.txt`) with its attribution cut, and the neighbouring cues reworded so
//! that nobody is named as saying it. Each edit must bring exactly that quotation's finding.

/// For each quotation (by its opening words), the edits that strip its attribution.
#[rustfmt::skip]
pub const ONE_EDITS: &[(&str, &[(&str, &str)])] = &[
    ("\"We have already received", &[
        ("Valdoria announced on Monday that it has received", "Valdoria opened a register on Monday and has received"),
        ("which Prime Minister Ilse Varga revealed she plans", "which Prime Minister Ilse Varga plans"),
        ("Deputy Interior Minister Tomas Reyn stated on Facebook, \"We", "\"We"),
        ("flood,\" according to the national news agency.", "flood.\""),
    ]),
    ("\"This will be the clearest", &[
        ("Prime Minister Varga stated on Sunday", "Prime Minister Varga decided on Sunday"),
        ("Varga added in a statement, \"This", "\"This"),
        ("valleys,\" as reported by the Meridian news service.", "valleys.\""),
    ]),
    ("\"The main aim", &[
        ("Earlier, the government stated that its delegation had reached", "Earlier, the government's delegation reached"),
        ("The office of the prime minister reported that \"the main", "\"The main"),
    ]),
    ("\"The longer the dispute", &[
        ("follow remarks from the operator's chief executive, Marek Lund, who stated that the company wants", "follow a television appearance by the operator's chief executive, Marek Lund, whose company wants"),
        ("Lund explained on television, \"The", "\"The"),
    ]),
];

/// The article with one quotation's attribution cut. Every edit must apply, so that a changed
/// fixture cannot turn the test into one that checks nothing.
pub fn stripped(original: &str, edits: &[(&str, &str)]) -> String {
    let mut text = original.to_string();
    for (before, after) in edits {
        assert!(text.contains(before), "the fixture holds {before:?}");
        text = text.replacen(before, after, 1);
    }
    text
}
