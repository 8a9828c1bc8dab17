//! One layer of repair: the decisions described in the module documentation.

use super::decode::{
    drops_shown, sequence_at, transcode_by_sequence, transcode_onto, transcode_with_room,
    write_alike, Nbsp, Sequence,
};
use super::explain::Edit;
use super::scan::{candidate, first_candidate, whole_encodings, Candidate, ScanOptions};
use super::score::{cost, kind_of_code_point, Class, Enough, Reached, Script};
use super::tables::{c1_as_1252, tables};
use super::{Encoding, FixKind, RepairOptions};

/// How much a whole text's cost must fall for its decoding to be taken.
const WHOLE_MIN_GAIN: i32 = 3;
/// What a run's reading in an encoding other than the one that explains most of the
/// document's runs loses.
const OTHER_ENCODING_PENALTY: i32 = 3;
/// How much the cost of a run and its neighbours must fall for the run to be decoded on
/// its own evidence.
const RUN_MIN_GAIN: i32 = 4;
/// The margin of a run read in the encoding the document's runs were read in, when it
/// explains nearly all of at least [`TRUSTED_RUNS`] of them: any fall in cost.
const TRUSTED_MIN_GAIN: i32 = 1;
/// How many runs one encoding must have read for the margin to fall to
/// [`TRUSTED_MIN_GAIN`] (and nine in ten of those read).
const TRUSTED_RUNS: usize = 8;
/// What a run of Latin letters gains by decoding into letters of the script the text
/// around it is written in (`Ð’ європейській`, `Î— οξιτανική`): the run's own cost
/// cannot tell such a word from a name with an apostrophe or a dash. A letter of three
/// bytes (CJK, Indic scripts) gains it only where the run shows damage (`27æ—¥`, `日`):
/// three characters of mojibake have room to show it, and three that look like words
/// (`knæ\u{a0}»`, a word before a closing quote, `kn栻` if read) are no evidence.
const OWN_SCRIPT_GAIN: i32 = RUN_MIN_GAIN;

/// Windows-1252 (and Windows-1254, its Turkish twin) made most of the mojibake there is:
/// a reading in it wins a tie. Between the others (Windows-1250 and ISO-8859-2 above all)
/// a tie is a real ambiguity.
fn first_choice(enc: Encoding) -> bool {
    matches!(enc, Encoding::Windows1252 | Encoding::Windows1254)
}

/// Whether `mojibake`, read in `enc`, is Windows-1252's reading mixed with Latin-1's in a
/// way no one reading writes: a C1 control at a byte Windows-1252 has a character for,
/// and one of Windows-1252's own characters of 0x80–0x9F. Windows-1252's reading stands
/// for Latin-1's too, and for the two mixed in one text; but where another encoding reads
/// every character as well, with C1 controls of its own, and reads it otherwise at the
/// same cost, that one is the likelier: `ç\u{94}\u{9f}ç\u{89}Š` is ISO-8859-2's `生物`
/// (0xA9 is its `Š`), where Windows-1252 mixed with Latin-1 reads `生牊` (0x8A).
fn mixed_1252(enc: Encoding, mojibake: &str) -> bool {
    enc == Encoding::Windows1252 && mixes_latin1_and_1252(mojibake)
}

/// Whether an encoding of `encodings` besides the one that read `run` (as `run_by_run`
/// keeps a reading: gain, start, end, reading, encoding) reads the same bytes as it.
fn read_alike_by_another(
    text: &str,
    run: &(i32, usize, usize, String, Encoding),
    encodings: u16,
    options: &RepairOptions,
) -> bool {
    let (_, start, end, decoded, enc) = run;
    options.encodings.iter().any(|&other| {
        other != *enc
            && encodings & other.bit() != 0
            && read_run(
                text,
                *start,
                other,
                local_nbsp(options.restore_nbsp),
                RUN_LOSSY,
            )
            .is_some_and(|(e, d)| e == *end && d == *decoded)
    })
}

/// Whether `text` holds a C1 control at a byte Windows-1252 has a character for, and one
/// of Windows-1252's characters of 0x80–0x9F.
fn mixes_latin1_and_1252(text: &str) -> bool {
    let (mut c1, mut special) = (false, false);
    for c in text.chars().filter(|&c| c >= '\u{80}') {
        c1 |= c1_as_1252(c).is_some();
        special |= super::tables::is_1252_special(c);
        if c1 && special {
            return true;
        }
    }
    false
}

/// Where a space may stand for a lost 0xA0 when the whole text is decoded.
fn whole_nbsp(restore: bool) -> Nbsp {
    if restore {
        Nbsp::Whole
    } else {
        Nbsp::No
    }
}

/// Whether a run decoded on its own evidence may read U+FFFD as a lost byte: no. A lost
/// byte is read where the whole text (or line) is damaged, as ftfy reads it; in a run
/// alone, a letter before a U+FFFD of clean text read as a lead (Greek `Χ�ή` as
/// Windows-1253's `Χ` and a lost byte: `�ή`) lost the letter, and a run mended alone
/// beside a lost byte left the text half read.
const RUN_LOSSY: bool = false;

/// Where a space may stand for a lost 0xA0 when a run is decoded on its own evidence.
fn local_nbsp(restore: bool) -> Nbsp {
    if restore {
        Nbsp::AGrave
    } else {
        Nbsp::No
    }
}

/// What the scans need of the options.
fn scan_options(options: &RepairOptions) -> ScanOptions {
    ScanOptions {
        enabled: options.encodings.iter().fold(0, |m, e| m | e.bit()),
        nbsp: options.restore_nbsp,
        lossy: options.lossy,
        c1: options.fix_c1_controls,
    }
}

/// What a layer found when it changed nothing: whether the text, the result of earlier
/// layers, still reads as mojibake: entirely explained by some encoding and cheaper read
/// that way, though not clearly enough to decode. Repair then gives back its input rather
/// than a different mojibake.
pub(crate) struct Unchanged {
    pub(crate) still_mojibake: bool,
}

/// One layer: the repaired text, and the encoding it was read with where the whole text
/// was read with one; or, when nothing changes, whether the text still reads as mojibake.
/// `undone`: the encoding the layer before read the whole text with, if any. With
/// `edits`, each replaced stretch is recorded.
pub(crate) fn layer(
    text: &str,
    options: &RepairOptions,
    edits: Option<&mut Vec<Edit>>,
    after_layer: bool,
    undone: Option<Encoding>,
) -> Result<(String, Option<Encoding>), Unchanged> {
    let o = scan_options(options);
    let clean = Unchanged {
        still_mojibake: false,
    };
    let Some(first) = first_candidate(text, 0, o) else {
        return Err(clean);
    };
    match whole(text, options, o, after_layer) {
        Whole::Decoded(out, enc) => {
            if let Some(edits) = edits {
                record_whole(text, enc, options, edits);
            }
            Ok((out, Some(enc)))
        }
        // Every run can be read in some encoding, yet no reading was clearly better: the
        // text is either clean or ambiguous, and decoding some runs and not others would
        // only make a third text. After a layer read in one encoding was undone, a reading
        // in the same encoding again that costs no more than the text is another layer as
        // likely as not (`Ð’`, left by undoing one of two layers of Windows-1252 over
        // `В`): the text is taken for mojibake still. (In another encoding, it is a
        // chance: `еі” `, a layer of Windows-1252 undone, reads in Windows-1251 as one Han
        // character.)
        Whole::Declined {
            cheaper,
            rereads_as,
        } => Err(Unchanged {
            still_mojibake: cheaper || undone.is_some() && rereads_as == undone,
        }),
        Whole::Unexplained => layer_by_run(text, first, options, o, edits, after_layer)
            .map(|out| (out, None))
            .ok_or(clean),
    }
}

/// A line that the whole-text step decodes on its own, within a text it does not explain
/// as a whole (a document damaged in some lines and clean in others).
struct DecodedLine {
    /// The line, without its line break.
    span: std::ops::Range<usize>,
    decoded: String,
    enc: Encoding,
    /// The runs of non-ASCII characters it holds: what it counts for as the document's
    /// evidence.
    runs: usize,
}

/// The lines the run-by-run step reads as a whole. A line is what a document is most
/// often damaged by (a field, a paragraph pasted from elsewhere): where a run looks
/// damaged, its line is first given to the whole-text step, as if it stood alone, and
/// a line it decodes is read in one byte-table pass, by the whole line's evidence. The
/// lines are judged in the first pass, and taken as they are by the next.
struct Lines {
    decoded: Vec<DecodedLine>,
    /// Whether lines are still judged (in the first pass).
    judging: bool,
    /// Where the last line judged ends.
    judged_to: usize,
    after_layer: bool,
}

impl Lines {
    /// The line around `at` decoded by the whole-text step, if it is a line of its own
    /// not judged yet, and the whole-text step decodes it.
    fn judge(
        &mut self,
        text: &str,
        at: usize,
        options: &RepairOptions,
        o: ScanOptions,
        words: &mut DocumentWords,
    ) -> Option<DecodedLine> {
        if !self.judging || at < self.judged_to {
            return None;
        }
        let bytes = text.as_bytes();
        let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
        self.judged_to = end;
        if start == 0 && end == bytes.len() {
            // One line: the whole-text step has judged it already.
            return None;
        }
        let line = &text[start..end];
        match whole_with_depth(line, options, o, 3, self.after_layer, Some((text, words))) {
            Whole::Decoded(decoded, enc) => Some(DecodedLine {
                span: start..end,
                decoded,
                enc,
                runs: non_ascii_runs(line).count(),
            }),
            _ => None,
        }
    }
}

/// The stretches of `text` that are not ASCII, found eight bytes or more a step.
fn non_ascii_runs(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut i = super::scan::next_non_ascii(bytes, 0);
    std::iter::from_fn(move || {
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        while i < bytes.len() && bytes[i] >= 0x80 {
            i += 1;
        }
        let run = start..i;
        i = super::scan::next_non_ascii(bytes, i);
        Some(run)
    })
}

/// The run-by-run step of a layer, with the document's evidence.
fn layer_by_run(
    text: &str,
    first: usize,
    options: &RepairOptions,
    o: ScanOptions,
    edits: Option<&mut Vec<Edit>>,
    after_layer: bool,
) -> Option<String> {
    let mut lines = Lines {
        decoded: Vec::new(),
        judging: true,
        judged_to: 0,
        after_layer,
    };
    let mut evidence = Evidence::default();
    let mut out = run_by_run(text, first, &mut lines, options, o, None, &mut evidence)?;
    lines.judging = false;
    // A run read as one letter of a script the text around it does not show costs more
    // (`foreign_script_penalty`); the letters other runs decode into show it too. Were
    // they left out, each repair would mend the runs next to the last one mended, and a
    // second repair would change what the first gave.
    while evidence.penalized & evidence.decoded_scripts & !evidence.known_scripts != 0 {
        evidence.known_scripts |= evidence.decoded_scripts;
        out = run_by_run(text, first, &mut lines, options, o, None, &mut evidence)?;
    }
    // The document's own evidence: when runs were read in several encodings, the
    // one that explains most of them is the text's, and a run read otherwise
    // needs a wider margin.
    let counts = evidence.counts;
    let (top, &n) = counts
        .iter()
        .enumerate()
        .max_by_key(|&(i, &n)| (n, usize::MAX - i))?;
    // One encoding, or several as often each: no preference, the first pass stands.
    evidence.preferred = counts
        .iter()
        .any(|&m| m != 0 && m != n)
        .then(|| Encoding::ALL[top]);
    // Many runs, nearly all read in one encoding: the document was damaged in it, and a
    // run it reads that falls short of the margin (`Ä‘ối` for `đối`: a capital and a
    // quote cost hardly more than the letter) is damage too.
    let all: usize = counts.iter().sum();
    // (Only if the pass left a window that encoding may read: else the next pass would
    // give the same text.)
    let top_bit = Encoding::ALL[top].bit();
    evidence.trusted = (n >= TRUSTED_RUNS && n * 10 >= all * 9 && evidence.short & top_bit != 0)
        .then(|| Encoding::ALL[top]);
    match (evidence.preferred.or(evidence.trusted), edits) {
        (None, None) => Some(out),
        // The same pass again, recording its edits.
        (_, edits) => run_by_run(text, first, &mut lines, options, o, edits, &mut evidence),
    }
}

/// What the run-by-run step learns of a document in one pass, and uses in the next.
#[derive(Default)]
struct Evidence {
    /// Runs read in each encoding.
    counts: [usize; Encoding::ALL.len()],
    /// The encoding that explains most runs, if the runs disagree.
    preferred: Option<Encoding>,
    /// The encoding that read nearly all of many runs (see [`TRUSTED_RUNS`]).
    trusted: Option<Encoding>,
    /// Scripts (bits by `Script as u16`) of the letters decoded runs gave.
    decoded_scripts: u16,
    /// Scripts whose lone letter cost a run's reading `foreign_script_penalty`.
    penalized: u16,
    /// Scripts known from decoded runs anywhere in the text: no penalty for them.
    known_scripts: u16,
    /// Encodings that may read a window left for showing no damage, or whose reading of
    /// one fell short of the margin (one bit each): where a trusted encoding can change
    /// something.
    short: u16,
    /// The document's words searched for in this pass (see [`DocumentWords`]).
    words: DocumentWords,
}

impl Evidence {
    /// How much the run `start..end` of `text`, read in `enc`, must gain to be decoded.
    /// An apostrophe before a letter is writing (`Ç’est`), whatever the document: such a
    /// run needs the whole margin.
    fn min_gain(&self, enc: Encoding, text: &str, start: usize, end: usize) -> i32 {
        let apostrophe = text[start..end].match_indices('’').any(|(i, _)| {
            text[start + i + '’'.len_utf8()..]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic)
        });
        if self.trusted == Some(enc) && !apostrophe {
            TRUSTED_MIN_GAIN
        } else {
            RUN_MIN_GAIN
        }
    }
}

fn script_bit(script: Script) -> u16 {
    1 << script as u16
}

/// The scripts of the letters of `decoded` that are not ASCII, one bit each (ASCII
/// letters are Latin, on which no penalty is ever laid).
fn scripts_of(decoded: &str) -> u16 {
    let mut scripts = 0;
    for run in non_ascii_runs(decoded) {
        for c in decoded[run].chars() {
            let k = kind_of_code_point(c as u32);
            if k.is_letter() {
                scripts |= script_bit(k.script);
            }
        }
    }
    scripts
}

/// What the whole-text step decided.
#[cfg_attr(test, derive(Debug, PartialEq))]
pub(crate) enum Whole {
    /// Decoded with this encoding.
    Decoded(String, Encoding),
    /// Some encoding explains every run, but no reading is clearly better. `cheaper`: the
    /// best reading costs less than the text, by less than the margin or in a tie;
    /// `rereads_as`: its encoding, where it costs no more than the text and reads every
    /// byte (a reading with lost bytes, `Ù` as its lead alone, is not another layer).
    Declined {
        cheaper: bool,
        rereads_as: Option<Encoding>,
    },
    /// No encoding explains every run.
    Unexplained,
}

/// The whole text decoded with the encoding that explains it best, if one does clearly.
pub(crate) fn whole(
    text: &str,
    options: &RepairOptions,
    o: ScanOptions,
    after_layer: bool,
) -> Whole {
    whole_with_depth(text, options, o, 3, after_layer, None)
}

/// [`whole`] `depth` layers deep. With `cut_short`, the sample may end at a space too, or
/// before a character that leads a sequence in Windows-1252 (for a line in which a run
/// looked damaged: Indic and Armenian text holds no other ASCII, Japanese not even
/// spaces, and its line would be a sample as a whole).
fn whole_with_depth(
    text: &str,
    options: &RepairOptions,
    o: ScanOptions,
    depth: usize,
    after_layer: bool,
    mut line: Option<(&str, &mut DocumentWords)>,
) -> Whole {
    let cut_short = line.is_some();
    // The readings are compared on a sample, the start of the text: which encoding reads
    // the text best mostly shows in its first few dozen characters. When it does not
    // (a tie, or too little evidence), the sample grows, up to the whole text. The rest
    // is checked when it is decoded.
    let mut limit = SAMPLE_NON_ASCII;
    loop {
        let sample = decision_sample(text, limit, cut_short);
        // Text whose non-ASCII characters are far apart (English above all) is judged on
        // the sample without the middles of its long ASCII stretches: nothing there
        // changes a judgement (see `condensed`). The sample's own start decides what the
        // text is decoded with.
        let condensed = if cut_short || sample.len() < condensed_from() {
            None
        } else {
            condensed(sample)
        };
        let judged = condensed.as_deref().unwrap_or(sample);
        match judge_sample(
            text,
            sample,
            judged,
            options,
            o,
            depth,
            after_layer,
            line.as_mut()
                .map(|(document, words)| (*document, &mut **words)),
        ) {
            Whole::Declined { .. } if sample.len() < text.len() => limit *= 8,
            // A sample cut short may end inside a sequence (at a space that stood for a
            // lost 0xA0, or before what leads no sequence in the encoding that reads
            // it): more.
            Whole::Unexplained if cut_short && sample.len() < text.len() => limit *= 8,
            verdict => return verdict,
        }
    }
}

/// The whole-text step, its decision made on `judged`: `sample`, a start of `text`, or
/// the same [`condensed`].
#[allow(clippy::too_many_arguments)]
fn judge_sample(
    text: &str,
    sample: &str,
    judged: &str,
    options: &RepairOptions,
    o: ScanOptions,
    depth: usize,
    after_layer: bool,
    line: Option<(&str, &mut DocumentWords)>,
) -> Whole {
    let mut found = whole_encodings(judged, o);
    if found.encodings == 0 {
        return Whole::Unexplained;
    }
    // Bytes dropped are read only where no encoding reads the text without: a reading of
    // every byte (Mac OS Roman's `ÂÖ¨Âºè`, `公式`) is likelier than one that drops some.
    if found.encodings & !found.cut != 0 {
        found.encodings &= !found.cut;
    }
    // Where the text is read as the sample was, then the rest onto it (below), the
    // sample's readings get room for the whole text: the rest is written where it goes.
    let onto = !found.lossy && sample.len() < text.len() && sample.len() >= text.len() / 4;
    let room = if onto { text.len() } else { 0 };
    let decode = |text: &str, enc: Encoding, lossy: bool| {
        if lossy {
            transcode_by_sequence(text, enc, whole_nbsp(o.nbsp), o.lossy)
        } else {
            transcode_with_room(text, enc, room)
                .or_else(|| transcode_by_sequence(text, enc, Nbsp::No, false))
        }
    };
    // Every reading of the sample, with its cost.
    let mut readings: Vec<(i32, String, Encoding)> = Vec::new();
    // Per reading, the encodings that read the sample that way.
    let mut alike: Vec<u16> = Vec::new();
    for &enc in &options.encodings {
        if found.encodings & enc.bit() == 0 {
            continue;
        }
        // Windows-1252 and -1254 (and others) often read a text alike: once is enough.
        // Without lost bytes, that shows in the bytes they write for its characters (as
        // Windows-1252 does: the scan has gathered which).
        if !found.lossy {
            let alike_to = |r: &(i32, String, Encoding)| {
                if r.2 == Encoding::Windows1252 {
                    found.like_1252 & enc.bit() != 0
                } else {
                    write_alike(judged, r.2, enc)
                }
            };
            if let Some(i) = readings.iter().position(alike_to) {
                alike[i] |= enc.bit();
                continue;
            }
        }
        if let Some(out) = decode(judged, enc, found.lossy) {
            // With lost bytes, by what they read (a space for a lost 0xA0 is restored
            // after the leads of some encodings only).
            match readings.iter().position(|r| r.1 == out) {
                Some(i) => alike[i] |= enc.bit(),
                None => {
                    readings.push((cost(None, &out, None), out, enc));
                    alike.push(enc.bit());
                }
            }
        }
    }
    // One reading clearly cheaper than the text and than every other reading is taken as
    // it is. Otherwise each is judged by what it leads to: a layer of several may look no
    // better until the next one is undone, and a wrong reading leads nowhere.
    let mut plain: Vec<i32> = readings.iter().map(|r| r.0).collect();
    plain.sort_unstable();
    // Fewer characters alone is no evidence: the text must look damaged somewhere, not
    // only be shorter once decoded (a word of plain letters, `жіідё`, may read as Han).
    // After a layer was undone, the text is known to have been mojibake: less damage is
    // enough (`phá»‘`, left by undoing the second of two layers of `phố`).
    let least_damage = if after_layer { 1 } else { 2 };
    // The sample's own cost and damage only count against these margins. Where one
    // reading may be clearly the cheapest, they are worked out only until they clear
    // its margin, which mojibake's first characters mostly do: as lower bounds, they
    // decide below as the full ones would (the reading is clear, the text damaged).
    let may_be_clear = plain.len() == 1 || plain.len() > 1 && plain[1] - plain[0] >= 3;
    let (cost_in, damage) = match plain.first() {
        Some(&least) if may_be_clear => {
            let enough = Enough {
                total: least + WHOLE_MIN_GAIN,
                damage: least_damage,
            };
            match super::score::cost_and_damage_reach(judged, enough) {
                Err(Reached) => (enough.total, enough.damage),
                Ok(full) => full,
            }
        }
        _ => super::score::cost_and_damage(judged),
    };
    let clear = may_be_clear && cost_in - plain[0] >= WHOLE_MIN_GAIN;
    let mut best: Option<(i32, String, Encoding, usize)> = None;
    // Other readings that cost as little as the best and say something else: the text is
    // ambiguous, and a guess would be wrong half the time, unless the letters of one
    // reading are clearly likelier together (`languages`).
    let mut rivals: Vec<(i32, String, Encoding, usize)> = Vec::new();
    for (index, (plain_cost, out, enc)) in readings.into_iter().enumerate() {
        let c = if clear {
            plain_cost
        } else {
            settled_cost(&out, options, o, depth)
        };
        match &best {
            Some(b) if c > b.0 => {}
            Some(b) if c == b.0 => {
                if b.1 != out {
                    rivals.push((c, out, enc, index));
                }
            }
            _ => {
                rivals.clear();
                best = Some((c, out, enc, index));
            }
        }
    }
    let Some(mut best) = best else {
        return Whole::Unexplained;
    };
    let mut tied = false;
    // Windows-1252's reading mixed with Latin-1's ties no more: the other reading wins, or
    // the others settle the tie among them (unless an encoding that reads `judged` alike,
    // as Windows-1250 may, reads it so too).
    if !rivals.is_empty()
        && alike[best.3] == Encoding::Windows1252.bit()
        && mixed_1252(best.2, judged)
    {
        best = rivals.remove(0);
    }
    if !rivals.is_empty() {
        let outs = std::iter::once(best.1.as_str()).chain(rivals.iter().map(|r| r.1.as_str()));
        // A line's readings: the document's own words first (see `DocumentWords`).
        let by_document = line.and_then(|(document, words)| {
            let outs: Vec<&str> = outs.clone().collect();
            words.the_one_written(document, &own_words(&outs))
        });
        let outs = outs.map(|out| ("", out));
        let winner =
            by_document.or_else(|| super::languages::clear_winner(outs, "", first_choice(best.2)));
        match winner {
            Some(0) => {}
            Some(i) => best = rivals.swap_remove(i - 1),
            None => tied = true,
        }
    }
    let (c, out, enc, winner) = best;
    let damaged = damage >= least_damage;
    if tied || !damaged || cost_in - c < WHOLE_MIN_GAIN {
        return Whole::Declined {
            cheaper: damaged && c < cost_in,
            rereads_as: (c <= cost_in && !found.lossy).then_some(enc),
        };
    }
    // What was judged, as the sample reads (a condensed sample's reading is not the
    // sample's).
    let out = if judged.len() == sample.len() {
        Some(out)
    } else if sample.len() == text.len() || onto {
        decode(sample, enc, found.lossy)
    } else {
        None
    };
    if sample.len() == text.len() {
        if let Some(out) = out {
            return Whole::Decoded(out, enc);
        }
    } else if onto {
        // The sample ends before an ASCII character or a lead, where no sequence goes
        // on: the text reads as the sample did, then as the rest does. (Not after a
        // short sample: the rest's reading, copied onto it, would cost more.)
        if let Some(out) = out {
            let rest = &text[sample.len()..];
            match transcode_onto(out, rest, enc) {
                Ok(out) => return Whole::Decoded(out, enc),
                Err(mut out) => {
                    if let Some(rest) = transcode_by_sequence(rest, enc, Nbsp::No, false) {
                        out.push_str(&rest);
                        return Whole::Decoded(out, enc);
                    }
                }
            }
        }
    } else if let Some(out) = decode(text, enc, found.lossy) {
        return Whole::Decoded(out, enc);
    }
    // Past the sample, a lost byte or no-break space, another of the encodings that read
    // the sample alike (Windows-1254 where Windows-1252 was first), or bytes that are not
    // UTF-8 after all: the whole scan says which.
    let all = whole_encodings(text, o);
    let group = alike[winner];
    for &other in &options.encodings {
        if group & all.encodings & other.bit() != 0 {
            if let Some(out) = decode(text, other, all.lossy) {
                return Whole::Decoded(out, other);
            }
        }
    }
    Whole::Unexplained
}

/// How many non-ASCII bytes the decisions of the whole-text step look at first.
const SAMPLE_NON_ASCII: usize = 64;

/// How much of the end of a stretch of ASCII a judgement reads: the cost looks at its
/// last 32 bytes for a letter ([`score::cost`](super::score::cost)), and at its last two
/// as the context of the character after it.
const ASCII_TAIL: usize = 32;

/// The shortest sample worth condensing: below it, judging the sample costs less than
/// condensing it and then reading the text's start again (German and Latgalian articles'
/// samples, a kilobyte or two, took 15 % more instructions condensed).
const LEAST_CONDENSED: usize = 2048;

#[cfg(test)]
thread_local! {
    /// The tests' [`LEAST_CONDENSED`]: lower, to condense short texts too, or
    /// `usize::MAX`, to judge every sample as it is (the reference).
    static CONDENSED_FROM: std::cell::Cell<usize> = const { std::cell::Cell::new(LEAST_CONDENSED) };
}

/// The shortest sample that is [`condensed`].
#[cfg(test)]
fn condensed_from() -> usize {
    CONDENSED_FROM.with(std::cell::Cell::get)
}

#[cfg(not(test))]
fn condensed_from() -> usize {
    LEAST_CONDENSED
}

/// `sample` with the middle of each long stretch of ASCII left out, if that shortens it
/// by half or more; `None` otherwise.
///
/// Of a stretch of ASCII between two non-ASCII characters, the whole-text step reads only
/// its first bytes (a space or a question mark that may stand for a lost byte, the
/// character after the last non-ASCII one, the first byte that may end a sample) and its
/// last [`ASCII_TAIL`] bytes (the letter that sets the script the next character is
/// compared with, and its context): the scans ask nothing of ASCII but whether it is a
/// space or a question mark, the cost nothing of two ASCII characters side by side, and
/// every reading copies ASCII as it is. So a stretch kept as its head, up to and
/// including its first byte that is neither, and at least two bytes, and its tail is
/// judged as the whole stretch would be: the readings, their costs and the verdict are
/// those of `sample` (tests hold the two to the same verdicts). In English text, whose
/// sample of 64 non-ASCII bytes spans kilobytes, this is most of the judgement's work.
fn condensed(sample: &str) -> Option<String> {
    let bytes = sample.as_bytes();
    // Not worth a copy: a stretch must lose this much.
    const LEAST_CUT: usize = 64;
    let mut out: Vec<u8> = Vec::new();
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let end = super::scan::next_non_ascii(bytes, i);
        if end - i > ASCII_TAIL + LEAST_CUT {
            let stretch = &bytes[i..end];
            if let Some(stop) = stretch.iter().position(|&b| b != b' ' && b != b'?') {
                let head = (stop + 1).max(2);
                if stretch.len() >= head + ASCII_TAIL + LEAST_CUT {
                    out.extend_from_slice(&bytes[copied..i + head]);
                    copied = end - ASCII_TAIL;
                }
            }
        }
        i = end;
        while i < bytes.len() && bytes[i] >= 0x80 {
            i += 1;
        }
    }
    if copied == 0 || out.len() + (bytes.len() - copied) > bytes.len() / 2 {
        return None;
    }
    out.extend_from_slice(&bytes[copied..]);
    Some(String::from_utf8(out).expect("cut between ASCII bytes"))
}

/// The start of `text` that holds `limit` non-ASCII bytes, up to the next ASCII byte that
/// no sequence can hold (any but a space, which may stand for a lost 0xA0, and a
/// question mark, which may stand for a lost byte; with `cut_short`, a space too, and a
/// character that leads a sequence in Windows-1252, U+00C2–U+00F4: `Ã`, `æ`); the whole
/// text if it is shorter.
fn decision_sample(text: &str, limit: usize, cut_short: bool) -> &str {
    let bytes = text.as_bytes();
    let mut seen = 0;
    let mut i = super::scan::next_non_ascii(bytes, 0);
    while i < bytes.len() {
        seen += 1;
        if seen >= limit {
            let stop = |k: usize| {
                let b = bytes[k];
                b < 0x80 && (cut_short || b != b' ') && b != b'?'
                    || cut_short
                        && b == 0xC3
                        && bytes.get(k + 1).is_some_and(|n| (0x82..=0xB4).contains(n))
            };
            let end = (i..bytes.len()).find(|&k| stop(k)).unwrap_or(bytes.len());
            return &text[..end];
        }
        i += 1;
        if i < bytes.len() && bytes[i] < 0x80 {
            i = super::scan::next_non_ascii(bytes, i);
        }
    }
    text
}

/// The cost of `text` once the whole-text step has undone what it can, up to `depth` more
/// layers.
fn settled_cost(text: &str, options: &RepairOptions, o: ScanOptions, depth: usize) -> i32 {
    if depth > 0 && first_candidate(text, 0, o).is_some() {
        if let Whole::Decoded(next, _) = whole_with_depth(text, options, o, depth - 1, false, None)
        {
            return cost(None, &next, None);
        }
    }
    cost(None, text, None)
}

/// The edits of a whole-text decoding: one per run of sequences.
fn record_whole(text: &str, enc: Encoding, options: &RepairOptions, edits: &mut Vec<Edit>) {
    let bytes = text.as_bytes();
    let shown = drops_shown(text, enc, whole_nbsp(options.restore_nbsp), options.lossy);
    let mut i = super::scan::next_non_ascii(bytes, 0);
    let mut out_len = 0;
    let mut copied = 0;
    let mut read_before = false;
    while i < bytes.len() {
        let start = i;
        let mut decoded = String::new();
        while i < bytes.len() && bytes[i] >= 0x80 {
            if options.lossy && text[i..].starts_with('\u{FFFD}') && decoded.is_empty() {
                break;
            }
            match sequence_at(
                text,
                i,
                enc,
                whole_nbsp(options.restore_nbsp),
                options.lossy,
                read_before,
                shown,
            ) {
                Some(seq) => {
                    read_before |= !seq.lost;
                    decoded.push(seq.decoded);
                    i = seq.end;
                    if seq.kept_space {
                        break;
                    }
                }
                None => break,
            }
        }
        if decoded.is_empty() {
            // Nothing read here (a replacement character on its own): on past the whole
            // character.
            let len = text[i..].chars().next().map_or(1, char::len_utf8);
            i = super::scan::next_non_ascii(bytes, i + len);
            continue;
        }
        out_len += start - copied;
        edits.push(Edit {
            input: start..i,
            output: out_len..out_len + decoded.len(),
            kinds: vec![FixKind::Mojibake(enc)],
        });
        out_len += decoded.len();
        copied = i;
        i = super::scan::next_non_ascii(bytes, i);
    }
}

/// The sequences of `enc` from `at` on, as long as they last, and the decoded text. `None`
/// if there is none, or if a continuation byte follows the run (the bytes were never
/// UTF-8 there).
fn read_run(
    text: &str,
    at: usize,
    enc: Encoding,
    nbsp: Nbsp,
    lossy: bool,
) -> Option<(usize, String)> {
    let bytes = text.as_bytes();
    let mut end = at;
    let mut decoded = String::new();
    while end < bytes.len() && bytes[end] >= 0x80 {
        match sequence_at(text, end, enc, nbsp, lossy, false, false) {
            Some(Sequence {
                end: e,
                decoded: d,
                kept_space,
                ..
            }) => {
                decoded.push(d);
                end = e;
                if kept_space {
                    break;
                }
            }
            None => break,
        }
    }
    if decoded.is_empty() {
        return None;
    }
    if let Some(next) = text[end..].chars().next() {
        // Punctuation and C1 controls after a run are often clean text, or damage of
        // their own; a letter or symbol that continues is not.
        let t = tables();
        let stray = !next.is_ascii()
            && t.byte(enc, next as u32).is_some_and(|b| b < 0xC0)
            && !matches!(
                kind_of_code_point(next as u32).class,
                Class::Punct | Class::C1 | Class::Space
            );
        if stray {
            return None;
        }
    }
    Some((end, decoded))
}

/// Up to two characters before `at`: the context a run is judged in.
fn context_before(text: &str, at: usize) -> &str {
    let mut start = at;
    for c in text[..at].chars().rev().take(2) {
        // A mark or tag cut from what it follows would cost as if it stood alone.
        if matches!(kind_of_code_point(c as u32).class, Class::Mark | Class::Tag) {
            break;
        }
        start -= c.len_utf8();
    }
    &text[start..at]
}

/// Up to two characters from `at` on.
fn context_after(text: &str, at: usize) -> &str {
    let end = text[at..]
        .char_indices()
        .nth(2)
        .map_or(text.len(), |(i, _)| at + i);
    &text[at..end]
}

/// The costs of the windows of one start that [`best_reading`] judged, as written (by
/// where the run ends) and as decoded (by where it ends and what it decoded to).
#[derive(Default)]
struct WindowCosts {
    written: Vec<(usize, i32)>,
    decoded: Vec<(usize, String, i32)>,
}

impl WindowCosts {
    /// The cost of the window from `from` (where `before` starts) to two characters past
    /// `end`, as written, and with `before`, `decoded` and those two characters.
    fn of(
        &mut self,
        text: &str,
        from: usize,
        before: &str,
        end: usize,
        decoded: &str,
    ) -> (i32, i32) {
        let after = context_after(text, end);
        let as_written = match self.written.iter().find(|w| w.0 == end) {
            Some(w) => w.1,
            None => {
                let cost = super::score::window_cost(&text[from..end + after.len()]);
                self.written.push((end, cost));
                cost
            }
        };
        let as_decoded = match self.decoded.iter().find(|d| d.0 == end && d.1 == decoded) {
            Some(d) => d.2,
            None => {
                let cost = window_cost(before, decoded, after);
                self.decoded.push((end, decoded.to_owned(), cost));
                cost
            }
        };
        // What was kept is what would be costed again (checked in every test run).
        debug_assert_eq!(
            as_written,
            super::score::window_cost(&text[from..end + after.len()])
        );
        debug_assert_eq!(as_decoded, window_cost(before, decoded, after));
        (as_written, as_decoded)
    }
}

/// The cost of `run` between its contexts.
fn window_cost(before: &str, run: &str, after: &str) -> i32 {
    let mut window = String::with_capacity(before.len() + run.len() + after.len());
    window.push_str(before);
    window.push_str(run);
    window.push_str(after);
    super::score::window_cost(&window)
}

/// What a run decoded into a letter of a script the text around it does not use costs,
/// when the run holds only one such letter: a lone Han character or Cyrillic letter in a
/// Latin text is rarely what was written, a whole word of them often is.
fn foreign_script_penalty(
    text: &str,
    start: usize,
    end: usize,
    decoded: &str,
    evidence: &mut Evidence,
) -> i32 {
    let mut foreign = None;
    let mut count = 0;
    for c in decoded.chars() {
        let k = kind_of_code_point(c as u32);
        if k.is_letter() && !matches!(k.script, Script::None | Script::Latin) {
            foreign = Some(k.script);
            count += 1;
        }
    }
    let Some(script) = foreign else { return 0 };
    if count >= 2 || evidence.known_scripts & script_bit(script) != 0 {
        return 0;
    }
    let known = near(text, start, end)
        .map(|c| kind_of_code_point(c as u32))
        .any(|k| k.is_letter() && k.script == script);
    if known {
        0
    } else {
        evidence.penalized |= script_bit(script);
        6
    }
}

/// The characters within 64 bytes before `start` and after `end`: the text around a
/// run.
fn near(text: &str, start: usize, end: usize) -> impl Iterator<Item = char> + '_ {
    let mut from = start.saturating_sub(64);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + 64).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    text[from..start].chars().chain(text[end..to].chars())
}

/// Whether `run` holds a Latin letter (what mojibake's characters mostly are).
fn has_latin_letter(run: &str) -> bool {
    run.chars().any(|c| {
        let k = kind_of_code_point(c as u32);
        k.is_letter() && k.script == Script::Latin
    })
}

/// The script of `decoded`'s letters, when it has some and they are all of one script
/// other than Latin.
fn letters_of(decoded: &str) -> Option<Script> {
    let mut script = None;
    for c in decoded.chars() {
        let k = kind_of_code_point(c as u32);
        if !k.is_letter() {
            continue;
        }
        if k.script == Script::Latin
            || k.script == Script::None
            || script.is_some_and(|s| s != k.script)
        {
            return None;
        }
        script = Some(k.script);
    }
    script
}

/// The script other than Latin that the text within 64 bytes of `start..end` is written
/// in, if its letters are mostly of one (at least four, and more than its Latin ones,
/// ASCII included).
fn script_around(text: &str, start: usize, end: usize) -> Option<Script> {
    // Letters by script, in the order of `Script`'s variants (sixteen at most, as
    // `script_bit` has it).
    let mut letters = [0usize; 16];
    for c in near(text, start, end) {
        let k = kind_of_code_point(c as u32);
        if k.is_letter() {
            letters[k.script as usize % 16] += 1;
        }
    }
    let latin = letters[Script::Latin as usize];
    [
        Script::Greek,
        Script::Cyrillic,
        Script::Armenian,
        Script::Hebrew,
        Script::Arabic,
        Script::Cjk,
        Script::Other,
    ]
    .into_iter()
    .max_by_key(|&s| letters[s as usize])
    .filter(|&s| letters[s as usize] >= 4 && letters[s as usize] > latin)
}

/// A run's best reading: (gain, start, end, decoded, encoding).
type Reading = (i32, usize, usize, String, Encoding);

/// The best reading of a run starting in the window of up to four characters at `start`.
/// With `first_damaged`, a first window that shows damage stops the search there, with
/// `true` said: the caller judges the line first.
fn best_reading(
    text: &str,
    start: usize,
    found: Candidate,
    options: &RepairOptions,
    evidence: &mut Evidence,
    doubtful: &mut bool,
    mut first_damaged: Option<&mut bool>,
) -> Option<Reading> {
    let bytes = text.as_bytes();
    let mut s = start;
    // The end of the character that made the window a candidate.
    let at_end = found.at + text[found.at..].chars().next().map_or(1, char::len_utf8);
    let after_at = context_after(text, at_end);
    // The script of the text around the candidate, once needed (see `script_around`).
    let mut around: Option<Option<Script>> = None;
    for _ in 0..4 {
        if s >= bytes.len() || bytes[s] < 0x80 || s > found.at {
            break;
        }
        let before = context_before(text, s);
        // A window that costs no more than its characters (plain words: `Він`, `Мі`,
        // `жіідё`) shows no damage: fewer characters once decoded is no evidence. Such
        // windows stop here, before any decoding. (The window is a stretch of the text
        // itself: no copy.)
        let window = &text[s - before.len()..at_end + after_at.len()];
        let plain = super::score::plain_letters(window) || super::score::plain_words(window);
        // The quicker answer never says plain where the cost says damaged.
        debug_assert!(
            !plain || super::score::window_damage(window) < 2,
            "{window:?}"
        );
        if plain {
            // So do the later ones: each is the end of this one (its context starts a
            // character later, at most; it ends where this one does), and the end of a
            // plain window is plain too (`plain_letters` and `plain_words` look for
            // something wrong, which no end of a window holds that the window lacks).
            break;
        }
        let (cost, damage) = super::score::window_cost_and_damage(window);
        if let Some(flag) = first_damaged.take() {
            if damage >= 2 {
                *flag = true;
                return None;
            }
        }
        // A window that shows no damage is left, unless the document's runs were read in
        // an encoding it may be read in, or its Latin letters stand in a text of another
        // script (which its cost does not see: it is cut from the text).
        let trusted = evidence
            .trusted
            .is_some_and(|t| found.encodings & t.bit() != 0);
        if damage < 2
            && !trusted
            && (!has_latin_letter(&text[s..at_end])
                || around
                    .get_or_insert_with(|| script_around(text, start, at_end))
                    .is_none())
        {
            evidence.short |= found.encodings;
            s += text[s..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let mut best: Option<Reading> = None;
        let mut rivals: Vec<Reading> = Vec::new();
        // The windows' costs so far, as written and decoded: readings often agree
        // (Windows-1252, Latin-1 and Windows-1254 read most of Latin-1's mojibake alike),
        // and a window is costed once. This one is the window as written of a run that
        // ends where the candidate's character does.
        let mut costed = WindowCosts {
            written: vec![(at_end, cost)],
            decoded: Vec::new(),
        };
        for &enc in &options.encodings {
            if found.encodings & enc.bit() == 0 {
                continue;
            }
            let Some((end, decoded)) =
                read_run(text, s, enc, local_nbsp(options.restore_nbsp), RUN_LOSSY)
            else {
                continue;
            };
            let other = evidence.preferred.is_some_and(|p| p != enc);
            let (as_written, as_decoded) = costed.of(text, s - before.len(), before, end, &decoded);
            let own_script = has_latin_letter(&text[s..end])
                && (damage >= 2 || decoded.chars().all(|c| c < '\u{800}'))
                && letters_of(&decoded).is_some_and(|script| {
                    *around.get_or_insert_with(|| script_around(text, start, at_end))
                        == Some(script)
                });
            let gain = as_written - as_decoded + if own_script { OWN_SCRIPT_GAIN } else { 0 }
                - foreign_script_penalty(text, s, end, &decoded, evidence)
                - if other { OTHER_ENCODING_PENALTY } else { 0 };
            match &best {
                Some(b) if gain < b.0 || gain == b.0 && end < b.2 => {}
                Some(b) if gain == b.0 && end == b.2 => {
                    // Each other reading once (several encodings may read a run alike).
                    if b.3 != decoded && rivals.iter().all(|r| r.3 != decoded) {
                        rivals.push((gain, s, end, decoded, enc));
                    }
                }
                _ => {
                    rivals.clear();
                    best = Some((gain, s, end, decoded, enc));
                }
            }
        }
        let mut tied = false;
        // Windows-1252's reading mixed with Latin-1's ties no more (see `judge_sample`).
        if let Some(b) = best.as_mut().filter(|b| {
            !rivals.is_empty()
                && mixed_1252(b.4, &text[b.1..b.2])
                && !read_alike_by_another(text, b, found.encodings, options)
        }) {
            *b = rivals.remove(0);
        }
        if let Some(b) = best.as_mut().filter(|_| !rivals.is_empty()) {
            let before = |start: usize| &text[..start];
            let outs = std::iter::once((before(b.1), b.3.as_str()))
                .chain(rivals.iter().map(|r| (before(r.1), r.3.as_str())));
            // The document's own words first (see `DocumentWords`): each reading's word,
            // the run read so with the letters that touch it.
            let words: Vec<Vec<String>> = std::iter::once((b.1, b.2, b.3.as_str()))
                .chain(rivals.iter().map(|r| (r.1, r.2, r.3.as_str())))
                .map(|(start, end, reading)| {
                    word_around(text, start, end, reading).into_iter().collect()
                })
                .collect();
            let winner = evidence
                .words
                .the_one_written(text, &words)
                .or_else(|| super::languages::clear_winner(outs, &text[b.2..], first_choice(b.4)));
            match winner {
                Some(0) => {}
                Some(i) => *b = rivals.swap_remove(i - 1),
                None => tied = true,
            }
        }
        if let Some(b) = &best {
            // Some reading is cheaper, not by enough: the window looks damaged.
            *doubtful |= b.0 >= 2 && (b.0 < evidence.min_gain(b.4, text, b.1, b.2) || tied);
            if b.0 >= TRUSTED_MIN_GAIN && b.0 < RUN_MIN_GAIN {
                evidence.short |= b.4.bit();
            }
        }
        if let Some(b) = best.filter(|b| b.0 >= evidence.min_gain(b.4, text, b.1, b.2)) {
            // Two readings as good as each other that say different things: leave it.
            return (!tied).then_some(b);
        }
        s += text[s..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// The most letters of a word [`word_around`] makes.
const LONGEST_DOCUMENT_WORD: usize = 48;

/// The words of the document itself, where a tie between readings may be settled: a
/// document damaged in places writes its words clean in others (its front matter's
/// description repeats its first paragraph). `ÄŤtaka` is `ītaka` (ISO-8859-2) or
/// `čtaka` (Windows-1250), and a Latgalian article that writes `ītaka` in a clean line
/// settles it, before what the letters say (`č` is the commoner letter). Each word is
/// looked for once a pass (a repeated name, once); a pass's searches stop at four times
/// the text's length (and 64 kB), so that a text of nothing but ties stays linear. Kept
/// for one pass: a pass repeated (as `explain` repeats one) decides as it did.
#[derive(Default)]
struct DocumentWords {
    /// Bytes searched in this pass.
    searched: usize,
    /// The words looked for in this pass, and whether the text writes them.
    written: std::collections::HashMap<String, bool>,
}

impl DocumentWords {
    /// Whether `text` writes `word` as a word; `None` once the pass has searched enough.
    fn written(&mut self, text: &str, word: &str) -> Option<bool> {
        if let Some(&written) = self.written.get(word) {
            return Some(written);
        }
        if self.searched + text.len() > 4 * text.len() + (1 << 16) {
            return None;
        }
        self.searched += text.len();
        let written = written_as_a_word(text, word);
        self.written.insert(word.to_owned(), written);
        Some(written)
    }

    /// Of the readings, each given by the words that tell it from the others, the one
    /// some of whose words `text` writes, if no other's are written.
    fn the_one_written<W: AsRef<str>>(&mut self, text: &str, readings: &[Vec<W>]) -> Option<usize> {
        let mut winner = None;
        for (index, words) in readings.iter().enumerate() {
            for word in words {
                if self.written(text, word.as_ref())? {
                    if winner.is_some() {
                        return None;
                    }
                    winner = Some(index);
                    break;
                }
            }
        }
        winner
    }
}

/// The word a run of `text` (`start..end`) read as `reading` makes with the letters (and
/// digits) of the text that touch it on either side: none if longer than
/// [`LONGEST_DOCUMENT_WORD`] letters on a side.
fn word_around(text: &str, start: usize, end: usize, reading: &str) -> Option<String> {
    let touching = |chars: &mut dyn Iterator<Item = char>| {
        let mut len = 0;
        for (n, c) in chars.take_while(|c| c.is_alphanumeric()).enumerate() {
            if n == LONGEST_DOCUMENT_WORD {
                return None;
            }
            len += c.len_utf8();
        }
        Some(len)
    };
    let head = touching(&mut text[..start].chars().rev())?;
    let tail = touching(&mut text[end..].chars())?;
    let mut word = String::with_capacity(head + reading.len() + tail);
    word.push_str(&text[start - head..start]);
    word.push_str(reading);
    word.push_str(&text[end..end + tail]);
    Some(word)
}

/// For each of `readings`, its words (letters and digits) that no other writes, in
/// order (once each).
fn own_words<'a>(readings: &[&'a str]) -> Vec<Vec<&'a str>> {
    let words = |r: &'a str| {
        r.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
    };
    // Which readings write each word (a bit each; past 64 readings, none is told).
    let mut by: std::collections::HashMap<&str, u64> = std::collections::HashMap::new();
    for (i, r) in readings.iter().enumerate().take(64) {
        for w in words(r) {
            *by.entry(w).or_default() |= 1 << i;
        }
    }
    (0..readings.len())
        .map(|i| {
            let mut own = Vec::new();
            for w in words(readings[i]) {
                if i < 64 && by.get(w).is_some_and(|&m| m == 1 << i) {
                    own.push(w);
                    // Once each.
                    by.remove(w);
                }
            }
            own
        })
        .collect()
}

/// Whether `text` writes `word` with no letter or digit touching it on either side.
fn written_as_a_word(text: &str, word: &str) -> bool {
    memchr::memmem::find_iter(text.as_bytes(), word.as_bytes()).any(|at| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Repairs each run that is mojibake on its own evidence, and C1 controls; lines that the
/// whole-text step decodes are taken as decoded (see [`Lines`]).
fn run_by_run(
    text: &str,
    first: usize,
    lines: &mut Lines,
    options: &RepairOptions,
    o: ScanOptions,
    mut edits: Option<&mut Vec<Edit>>,
    evidence: &mut Evidence,
) -> Option<String> {
    evidence.counts = [0; Encoding::ALL.len()];
    evidence.short = 0;
    // Each pass searches afresh: the pass that records the edits for `explain` decides as
    // the pass it repeats did.
    evidence.words = DocumentWords::default();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut next = candidate(text, first, o);
    // Windows decoded, and windows that looked damaged but were left: text with more of
    // the second is past mending here, and is left whole.
    let (mut decoded, mut doubts) = (0usize, 0usize);
    // The next of the lines decoded whole.
    let mut line_index = 0;
    loop {
        // A decoded line before the next candidate (a line has one: it was decoded).
        let line = lines
            .decoded
            .get(line_index)
            .filter(|l| next.is_none_or(|f| l.span.start <= f.at));
        if let Some(line) = line {
            line_index += 1;
            decoded += line.runs;
            evidence.counts[line.enc.index()] += line.runs;
            let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
            out.push_str(&text[copied..line.span.start]);
            if let Some(edits) = edits.as_deref_mut() {
                let mut own = Vec::new();
                record_whole(&text[line.span.clone()], line.enc, options, &mut own);
                edits.extend(own.into_iter().map(|e| Edit {
                    input: e.input.start + line.span.start..e.input.end + line.span.start,
                    output: e.output.start + out.len()..e.output.end + out.len(),
                    kinds: e.kinds,
                }));
            }
            out.push_str(&line.decoded);
            copied = line.span.end;
            next = candidate(text, copied, o);
            continue;
        }
        let Some(found) = next else { break };
        let at = found.start.max(copied);
        let c = text[at..].chars().next()?;
        let mut doubtful = false;
        let probe = lines.judging && at >= lines.judged_to;
        let mut first_damaged = false;
        let mut reading = best_reading(
            text,
            at,
            found,
            options,
            evidence,
            &mut doubtful,
            probe.then_some(&mut first_damaged),
        );
        // A run that looks damaged, or one about to be mended, in a line not judged yet:
        // the line may be damaged as a whole (unless something before in it was mended
        // already). A run that reads as letters of the document's own script (`–ø–æ` in
        // a Bulgarian text) may show no damage in its first window: its line is judged
        // before it is mended all the same, else the line's one-letter words (`–µ`),
        // too short to judge alone, were left as they were.
        if first_damaged || probe && reading.is_some() {
            if let Some(line) = lines
                .judge(text, at, options, o, &mut evidence.words)
                .filter(|l| l.span.start >= copied)
            {
                evidence.decoded_scripts |= scripts_of(&line.decoded);
                lines.decoded.push(line);
                continue;
            }
            if first_damaged {
                reading = best_reading(text, at, found, options, evidence, &mut doubtful, None);
            }
        }
        match &reading {
            Some(r) => {
                decoded += 1;
                evidence.counts[r.4.index()] += 1;
                evidence.decoded_scripts |= scripts_of(&r.3);
            }
            None => doubts += usize::from(doubtful),
        }
        let fixed = match reading {
            Some((gain, s, end, decoded, enc)) if gain >= evidence.min_gain(enc, text, s, end) => {
                Some((s, end, decoded, FixKind::Mojibake(enc)))
            }
            _ => match c1_as_1252(c) {
                Some(w) if o.c1 => Some((at, at + c.len_utf8(), w.to_string(), FixKind::C1Control)),
                _ => None,
            },
        };
        match fixed {
            Some((s, end, replacement, kind)) => {
                let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
                out.push_str(&text[copied..s]);
                let start = out.len();
                out.push_str(&replacement);
                if let Some(edits) = edits.as_deref_mut() {
                    edits.push(Edit {
                        input: s..end,
                        output: start..out.len(),
                        kinds: vec![kind],
                    });
                }
                copied = end;
                next = candidate(text, end, o);
            }
            // Nothing to repair in this window: on from the character that made it one.
            None => next = candidate(text, found.at.max(at + c.len_utf8()), o),
        }
    }
    if doubts > decoded {
        return None;
    }
    let mut out = out?;
    out.push_str(&text[copied..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::super::decode::tests::mojibake;
    use super::*;
    use proptest::prelude::*;

    /// `f` run with samples from `least` bytes condensed (`usize::MAX`: none).
    fn condensing_from<T>(least: usize, f: impl FnOnce() -> T) -> T {
        CONDENSED_FROM.with(|c| c.set(least));
        let value = f();
        CONDENSED_FROM.with(|c| c.set(LEAST_CONDENSED));
        value
    }

    /// Whether judging `text` as a whole condenses its first sample, from `least` bytes.
    fn condenses(text: &str, least: usize) -> bool {
        let sample = decision_sample(text, SAMPLE_NON_ASCII, false);
        sample.len() >= least && condensed(sample).is_some()
    }

    /// `text`'s whole-text verdicts and repair are the same with samples from `least`
    /// bytes condensed as with none.
    fn same_either_way(text: &str, least: usize) -> Result<(), TestCaseError> {
        let options = RepairOptions::default();
        let o = scan_options(&options);
        for after_layer in [false, true] {
            let condensed = condensing_from(least, || whole(text, &options, o, after_layer));
            let plain = condensing_from(usize::MAX, || whole(text, &options, o, after_layer));
            prop_assert_eq!(condensed, plain, "whole, after a layer: {}", after_layer);
        }
        let repaired = condensing_from(least, || super::super::repair_with(text, &options));
        let plain = condensing_from(usize::MAX, || super::super::repair_with(text, &options));
        prop_assert_eq!(repaired, plain);
        Ok(())
    }

    #[test]
    fn a_condensed_sample_keeps_each_stretchs_head_and_tail() {
        let gap = "x".repeat(200);
        let sample = format!("caf\u{c3}\u{a9} {gap} na\u{c3}\u{af}ve");
        let short = condensed(&sample).expect("condensed");
        let kept = "x".repeat(ASCII_TAIL - " na".len());
        assert_eq!(short, format!("caf\u{c3}\u{a9} x{kept} na\u{c3}\u{af}ve"));
        // The head runs to the first byte that is neither a space nor a question mark.
        let spaced = format!("\u{c3}\u{a9}  ? {gap}\u{c3}\u{af}");
        assert!(condensed(&spaced)
            .expect("condensed")
            .starts_with("\u{c3}\u{a9}  ? x"));
        // Short stretches, or too little left out: as it is.
        assert_eq!(condensed("caf\u{c3}\u{a9} and na\u{c3}\u{af}ve"), None);
        assert_eq!(
            condensed(&format!("{gap}\u{c3}\u{a9}{}", "\u{c3}\u{a9}".repeat(60))),
            None
        );
    }

    /// Every corpus document, clean and mojibake and damaged in every other paragraph, is
    /// judged and repaired the same with its samples condensed as without.
    #[test]
    fn condensed_samples_judge_the_corpus_as_plain_ones_do() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
        let mut names: Vec<_> = std::fs::read_dir(root.join("clean"))
            .expect("corpus")
            .map(|e| e.expect("entry").file_name())
            .collect();
        names.sort();
        let mut condensing = 0;
        for name in &names {
            let clean = std::fs::read_to_string(root.join("clean").join(name)).unwrap();
            let bad = std::fs::read_to_string(root.join("mojibake").join(name)).unwrap();
            let bad_paragraphs: Vec<&str> = bad.split("\n\n").collect();
            let half: Vec<&str> = clean
                .split("\n\n")
                .enumerate()
                .map(|(i, c)| {
                    if i % 2 == 1 {
                        bad_paragraphs.get(i).copied().unwrap_or(c)
                    } else {
                        c
                    }
                })
                .collect();
            let half = half.join("\n\n");
            for text in [&clean, &bad, &half] {
                condensing += usize::from(condenses(text, LEAST_CONDENSED));
                for least in [0, LEAST_CONDENSED] {
                    same_either_way(text, least).unwrap_or_else(|e| panic!("{name:?}: {e}"));
                }
            }
        }
        // Not a test that cannot fail: most English documents are condensed.
        assert!(condensing > 40, "{condensing} condensed");
    }

    /// A C1 control where Windows-1252 has a character, beside one of its own characters
    /// of 0x80–0x9F: the mix no one reading writes. Not a C1 control of the five bytes
    /// Windows-1252 leaves undefined (its own sloppy reading writes those), nor either
    /// kind alone, nor another encoding's reading.
    #[test]
    fn the_mix_of_latin1_and_windows1252_is_told() {
        assert!(mixed_1252(Encoding::Windows1252, "ç\u{89}Š"));
        assert!(mixed_1252(Encoding::Windows1252, "Š, then \u{94}"));
        assert!(!mixed_1252(Encoding::Windows1252, "Å\u{81}Ã³dÅº"));
        assert!(!mixed_1252(Encoding::Windows1252, "ç\u{89}©"));
        assert!(!mixed_1252(Encoding::Windows1252, "â€™"));
        assert!(!mixed_1252(Encoding::Iso8859_2, "ç\u{89}Š"));
    }

    /// The words that tell readings apart, once each; the word a run makes with the
    /// letters that touch it.
    #[test]
    fn the_words_of_a_tie() {
        let readings = ["tān ītak Meirānu, ītak", "tān čtak Meirānu, čtak", "tān"];
        assert_eq!(own_words(&readings), [vec!["ītak"], vec!["čtak"], vec![]]);
        let text = "upe ÄŤtak, ÄŤ";
        assert_eq!(word_around(text, 4, 8, "ī").as_deref(), Some("ītak"));
        assert_eq!(word_around(text, 13, 17, "ī").as_deref(), Some("ī"));
        for (letters, some) in [
            (LONGEST_DOCUMENT_WORD, true),
            (LONGEST_DOCUMENT_WORD + 1, false),
        ] {
            let long = format!("{}ÄŤ", "a".repeat(letters));
            assert_eq!(word_around(&long, letters, long.len(), "ī").is_some(), some);
        }
    }

    /// The reading whose words the text writes (as a word: not inside another), if no
    /// other's; each word searched for once, and no search past four times the text.
    #[test]
    fn a_tie_goes_to_the_words_the_document_writes() {
        let readings = [vec!["ītak"], vec!["čtak"]];
        let one = |text| DocumentWords::default().the_one_written(text, &readings);
        assert_eq!(one("upe ītak."), Some(0));
        assert_eq!(one("(čtak)"), Some(1));
        assert_eq!(one("ītaka čtakys"), None);
        assert_eq!(one("ītak čtak"), None);
        let text = "ītak ".repeat(100_000);
        let mut words = DocumentWords::default();
        // The same words again: searched for once, then known.
        for _ in 0..10 {
            assert_eq!(words.the_one_written(&text, &readings), Some(0));
        }
        assert_eq!(words.searched, 2 * text.len());
        // Two more words searched for, then no more.
        for i in 0..10 {
            let other = [vec![format!("a{i}")], vec![format!("b{i}")]];
            assert_eq!(words.the_one_written(&text, &other), None);
        }
        assert_eq!(words.searched, 4 * text.len());
    }

    /// A piece of generated text: a stretch of ASCII (spaces and question marks among
    /// it), or a word that is not ASCII, damaged or not.
    fn piece() -> impl Strategy<Value = (String, usize, u8)> {
        (
            prop_oneof![
                "[a-zA-Z0-9 ?.,'\n-]{0,160}",
                "[ ?]{0,4}[a-z]{0,3}[ ?]{0,120}",
                "[a-z \u{e9}\u{e0}\u{fc}\u{df}\u{f1}\u{416}\u{456}\u{3b1}\u{1ec7}\u{103}\u{161}\u{2013}\u{2019}\u{20ac}\u{a0}\u{1f600}\u{3042}]{1,8}",
            ],
            0..Encoding::ALL.len(),
            0u8..3,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// Texts whose non-ASCII words are far apart, damaged in one encoding or in
        /// several, up to two layers, or clean: condensed samples judge them as plain
        /// ones do.
        #[test]
        fn condensed_samples_judge_as_plain_ones_do(
            pieces in prop::collection::vec(piece(), 1..40),
            one_encoding in any::<bool>(),
        ) {
            let first = pieces[0].1;
            let text: String = pieces
                .iter()
                .map(|(piece, enc, layers)| {
                    let enc = Encoding::ALL[if one_encoding { first } else { *enc }];
                    let mut piece = piece.clone();
                    for _ in 0..*layers {
                        piece = mojibake(&piece, enc);
                    }
                    piece
                })
                .collect();
            same_either_way(&text, 0)?;
        }
    }
}
