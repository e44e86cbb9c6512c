//! Which names an edit reaches: the keys the names desk compares names by, a fingerprint of
//! them per segment, and the gathering of every name an edit's names reach, so that a keystroke
//! that changes a name makes the desk read those names only (see [`super::names_desk`]).

use std::borrow::Cow;

use super::names_desk::quoted_speakers;
use super::*;
use crate::analysis::names::one_letter_apart;
use crate::analysis::rules::name_variant::MAX_SLIP_GROUP;

/// The most passes over the draft's names to gather the names an edit touches; each pass adds
/// the names that share a key with one gathered before. Two are the usual (a name no one else
/// has, or one with a few namesakes); names that chain further are read as a whole draft.
const MAX_GATHERING_PASSES: usize = 4;

/// The keys through which the names an edit touches reach other names (a handful each, so
/// lists are quicker than hash sets). What the desk finds about a name depends on:
///
/// - every name with its surname's key (its family, bare and titled uses, "it");
/// - full names with the same given name whose surnames are one letter apart (a slip);
/// - for a bare name quoted as a speaker, every name that opens with its key ("Donald" of
///   "Donald Trump", "Anheuser" of "Anheuser-Busch"), since such a word is no surname never
///   introduced; and, the other way, a name opening with a word reaches the bare speakers of
///   that word.
///
/// A name reached is read by the desk, and what it reaches is added, until nothing grows.
#[derive(Default)]
pub(super) struct Keys {
    /// Surname keys: a name with one of these surnames is reached.
    surnames: Vec<String>,
    /// Keys of bare speakers: a name opening with one of these words is reached.
    speakers: Vec<String>,
    /// Opening words of names reached: a bare speaker of one of these words is reached.
    openings: Vec<String>,
    /// (given name, surname) keys of full names reached: a full name with the same given name
    /// and a surname one letter apart is reached.
    slips: Vec<(String, String)>,
}

/// Adds `key` to `list` unless it is there.
fn add_key(list: &mut Vec<String>, key: &str) {
    if !list.iter().any(|known| known == key) {
        list.push(key.to_string());
    }
}

fn has_key(list: &[String], key: &str) -> bool {
    list.iter().any(|known| known == key)
}

impl Keys {
    /// The fingerprint of every key: a segment whose names' print shares no bit with it holds
    /// no name these keys reach.
    pub(super) fn print(&self) -> KeyPrint {
        let mut print = KeyPrint::default();
        for key in self
            .surnames
            .iter()
            .chain(&self.speakers)
            .chain(&self.openings)
        {
            print.add(key);
        }
        for (given, _) in &self.slips {
            print.add(given);
        }
        print
    }

    /// How many keys there are: a pass that adds none has reached every name it will.
    pub(super) fn count(&self) -> usize {
        self.surnames.len() + self.speakers.len() + self.openings.len() + self.slips.len()
    }

    /// Adds what a name reaches; `speaker` is the key of a speaker quoted at it (bare names).
    pub(super) fn add_mention(&mut self, mention: &Mention, speaker: Option<&str>) {
        let surname = &mention.surname().key;
        add_key(&mut self.surnames, surname);
        if let Some(given) = mention.given() {
            add_key(&mut self.openings, &given.key);
            let slip = (given.key.clone(), surname.clone());
            if !self.slips.contains(&slip) {
                self.slips.push(slip);
            }
        }
        if let Some(head) = mention.hyphen_head() {
            add_key(&mut self.openings, &head);
        }
        if let Some(speaker) = speaker {
            self.add_speaker(speaker);
        }
    }

    /// Adds what a bare speaker's key reaches: the names with that surname, and the names that
    /// open with it.
    pub(super) fn add_speaker(&mut self, key: &str) {
        add_key(&mut self.surnames, key);
        add_key(&mut self.speakers, key);
    }

    /// Whether a name is reached; `speaker` as for [`Keys::add_mention`].
    pub(super) fn reaches(&self, mention: &Mention, speaker: Option<&str>) -> bool {
        let surname = &mention.surname().key;
        if has_key(&self.surnames, surname) {
            return true;
        }
        if let Some(given) = mention.given() {
            if has_key(&self.speakers, &given.key)
                || self.slips.iter().any(|(slip_given, slip_surname)| {
                    *slip_given == given.key && one_letter_apart(slip_surname, surname)
                })
            {
                return true;
            }
        }
        speaker.is_some_and(|key| has_key(&self.openings, key) || has_key(&self.surnames, key))
            || mention
                .hyphen_head()
                .is_some_and(|head| has_key(&self.speakers, &head))
    }
}

/// A fingerprint of a set of spelling keys: one bit of 256 per key, set by a hash of it. Two
/// prints that share no bit share no key; two that share one may (and are then compared key by
/// key).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct KeyPrint([u64; 4]);

impl KeyPrint {
    fn add(&mut self, key: &str) {
        // FNV-1a: a few instructions per byte, and keys are short.
        let hash = key.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        });
        let bit = (hash >> 56) as usize;
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    fn meets(&self, other: &KeyPrint) -> bool {
        self.0
            .iter()
            .zip(&other.0)
            .any(|(left, right)| left & right != 0)
    }
}

/// The fingerprint of every key through which the names of a segment's analysis can be reached
/// (see [`Keys::reaches`]): their surnames, first words and hyphen heads, and the keys of the
/// speakers quoted at them.
pub(super) fn name_print(result: &SegmentResult) -> KeyPrint {
    let mut print = KeyPrint::default();
    for mention in &result.names {
        print.add(&mention.surname().key);
        print.add(&mention.words[0].key);
        if let Some(head) = mention.hyphen_head() {
            print.add(&head);
        }
    }
    if !result.names.is_empty() {
        for (_, key) in speaker_keys(result) {
            print.add(&key);
        }
    }
    print
}

/// Adds a quoted speaker's name as a bare speaker's key, unless it is a pronoun.
pub(super) fn add_speaker_name(keys: &mut Keys, name: &str) {
    let name = name.trim();
    if !names::is_pronoun_speaker(name) {
        keys.add_speaker(&names::fold(name));
    }
}

/// The speakers of a segment's analysis quoted at its bare names, as (name index, the key the
/// names desk gives the speaker): the surname's key, or the speaker's own when it is written
/// otherwise ("Osei’s" quoted as "Osei").
pub(super) fn speaker_keys(result: &SegmentResult) -> Vec<(usize, Cow<'_, str>)> {
    quoted_speakers(result)
        .filter_map(|(range, name)| {
            let name = name.trim();
            if names::is_pronoun_speaker(name) {
                return None;
            }
            let at = bare_name_at(result, range.start)?;
            let surname = result.names[at].surname();
            Some((at, names::speaker_key(surname, name)))
        })
        .collect()
}

/// The mentions, as (part, mention) in draft order, that `keys` reach, with `keys` grown by
/// what each reaches until no mention adds a key. `None` when that takes more than
/// [`MAX_GATHERING_PASSES`], gathers a fair share of the draft's names, or reaches a given
/// name so common that the desk would not compare its surnames for slips (`changed_names`
/// more or fewer could tip it over that limit).
pub(super) fn gather(
    parts: &[Part],
    keys: &mut Keys,
    changed_names: usize,
) -> Option<Vec<(usize, usize)>> {
    for _ in 0..MAX_GATHERING_PASSES {
        let known = keys.count();
        let mut gathered: Vec<(usize, usize)> = Vec::new();
        let mut all = 0;
        let mut with_given = vec![0usize; keys.slips.len()];
        let print = keys.print();
        for (index, part) in parts.iter().enumerate() {
            all += part.name_count;
            if !part.name_print.meets(&print) {
                continue;
            }
            let result = &part.result;
            let spoken = speaker_keys(result);
            for (at, mention) in result.names.iter().enumerate() {
                let speaker = spoken
                    .iter()
                    .find(|(spoken_at, _)| *spoken_at == at)
                    .map(|(_, key)| key.as_ref());
                if keys.reaches(mention, speaker) {
                    gathered.push((index, at));
                    keys.add_mention(mention, speaker);
                }
                if let Some(given) = mention.given() {
                    for (count, (slip_given, _)) in with_given.iter_mut().zip(&keys.slips) {
                        if *slip_given == given.key {
                            *count += 1;
                        }
                    }
                }
            }
        }
        if gathered.len() * 4 > all.max(64)
            || with_given
                .iter()
                .any(|&count| count + changed_names > MAX_SLIP_GROUP)
        {
            return None;
        }
        if keys.count() == known {
            return Some(gathered);
        }
    }
    None
}

/// The bare (one-word) name of a segment's analysis that starts at `offset`, as the names desk
/// pairs a quoted speaker with a name.
pub(super) fn bare_name_at(result: &SegmentResult, offset: usize) -> Option<usize> {
    let at = result
        .names
        .partition_point(|mention| mention.range.start < offset);
    result
        .names
        .get(at)
        .filter(|mention| mention.range.start == offset && !mention.is_full())
        .map(|_| at)
}
