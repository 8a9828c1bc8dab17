//! What [`explain`](super::explain()) reports: the edits of each layer, composed into
//! edits of the input.

use std::ops::Range;

use super::FixKind;

/// One replacement of a layer: `input` (in the layer's input) became `output` (in its
/// output).
#[derive(Debug, Clone)]
pub(crate) struct Edit {
    pub(crate) input: Range<usize>,
    pub(crate) output: Range<usize>,
    pub(crate) kinds: Vec<FixKind>,
}

/// Composes the edits of two layers into edits from the first input to the last output.
pub(crate) fn compose(first: &[Edit], second: &[Edit]) -> Vec<Edit> {
    // Walk both lists in middle-text order, merging edits that overlap there.
    let mut out: Vec<Edit> = Vec::new();
    let (mut i, mut j) = (0, 0);
    // Offsets: input = middle - d1 outside first's edits; output = middle + d2 outside
    // second's edits.
    let (mut d1, mut d2) = (0isize, 0isize);
    while i < first.len() || j < second.len() {
        let take_first = match (first.get(i), second.get(j)) {
            (Some(a), Some(b)) => a.output.start <= b.input.start,
            (Some(_), None) => true,
            _ => false,
        };
        // Start a cluster with the earlier edit, then absorb everything overlapping it.
        let (mut start, mut end) = if take_first {
            (first[i].output.start, first[i].output.end)
        } else {
            (second[j].input.start, second[j].input.end)
        };
        let (i0, j0) = (i, j);
        let (d1_before, d2_before) = (d1, d2);
        loop {
            let mut grew = false;
            while let Some(a) = first.get(i) {
                if a.output.start < end || (a.output.start == start && a.output.start == end) {
                    start = start.min(a.output.start);
                    end = end.max(a.output.end);
                    d1 += a.output.len() as isize - a.input.len() as isize;
                    i += 1;
                    grew = true;
                } else {
                    break;
                }
            }
            while let Some(b) = second.get(j) {
                if b.input.start < end || (b.input.start == start && b.input.start == end) {
                    start = start.min(b.input.start);
                    end = end.max(b.input.end);
                    d2 += b.output.len() as isize - b.input.len() as isize;
                    j += 1;
                    grew = true;
                } else {
                    break;
                }
            }
            if !grew {
                break;
            }
        }
        // Outermost layer first: what the first layer undid, then the second.
        let mut kinds: Vec<FixKind> = Vec::new();
        for layer in [&first[i0..i], &second[j0..j]] {
            let start = kinds.len();
            for k in layer.iter().flat_map(|e| &e.kinds) {
                if !kinds[start..].contains(k) {
                    kinds.push(*k);
                }
            }
        }
        let input = (start as isize - d1_before) as usize..(end as isize - d1) as usize;
        let output = (start as isize + d2_before) as usize..(end as isize + d2) as usize;
        out.push(Edit {
            input,
            output,
            kinds,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn compose_maps_two_layers_back_to_the_input() {
        // The first layer decodes the whole text; the second, the word still damaged.
        let report = super::super::explain("x ÃƒÂ©tÃƒÂ© y Ã©tÃ© z");
        assert_eq!(report.text, "x été y été z");
        let fixes: Vec<(&str, &str, usize)> = report
            .fixes
            .iter()
            .map(|f| (f.before.as_str(), f.after.as_str(), f.kinds.len()))
            .collect();
        assert_eq!(
            fixes,
            [
                ("ÃƒÂ©", "é", 2),
                ("ÃƒÂ©", "é", 2),
                ("Ã©", "é", 1),
                ("Ã©", "é", 1)
            ]
        );
        assert_eq!(report.fixes[0].span, 2..10);
    }
}
