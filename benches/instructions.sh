#!/usr/bin/env bash
# Issue #13's body work counted in instructions, which a shared, noisy host does not move:
# for each language group of the corpus (and all of it), the instructions one pass over
# its documents executes (Valgrind's callgrind), built as a dependency is built (cargo's
# default release profile: `--profile dependency`).
#
#   bash benches/instructions.sh [LANG ...]   (default: every language, then all)
#
# Ways (`examples/profile_body_lang.rs`): `parse` of the clean documents, `repair_parse`
# (the mojibake repaired, then parsed), `pulldown` (pulldown-cmark's bare event iteration
# over the clean bodies: the issue's baseline), `front_matter` (the front matters alone).
# A pass is counted as the instructions of four passes less those of two, halved: what
# the process does once (start, reading the corpus) cancels out.
#
# What it is for: telling whether a change made the work smaller, to well under 1 %,
# where the time of one binary moves by 5 % from run to run on this host. What it is not
# for: the goals, which are in time (`cargo bench --profile dependency`,
# `examples/paired_body_lang.rs`). The ratios to pulldown-cmark are printed, but code of
# another kind runs at another speed per instruction: the repair's vector steps (AVX2)
# do in one instruction what pulldown-cmark's byte loops do in many, so `repair_parse`
# ÷ `pulldown` counted is 1.3–2.1 in Bulgarian, Bengali, Greek, Armenian and Ukrainian
# where it was 0.7–1.2 timed (BENCHMARKS.md, 2026-12-05); the other way, Latgalian's
# `parse` ÷ `pulldown` is 0.85 counted and 0.9 timed.
# Needs `valgrind`.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v valgrind > /dev/null; then
    echo "valgrind is needed (apt-get install valgrind)" >&2
    exit 2
fi
cargo build --profile dependency --example profile_body_lang --quiet
bin=target/dependency/examples/profile_body_lang
if [ $# -eq 0 ]; then
    set -- $(ls tests/corpus/clean | cut -d_ -f2 | sort -u) all
fi

# Instructions of `passes` passes of `way` over `lang`'s documents.
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$2" "$3" 2>&1 |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
# Instructions of one pass.
per_pass() {
    local two four
    two=$(count "$1" "$2" 2)
    four=$(count "$1" "$2" 4)
    echo $(((four - two) / 2))
}

printf '%-5s %12s %12s %12s %12s %8s %8s\n' lang parse repair_parse pulldown front_matter \
    'p÷pd' 'rp÷pd'
for lang in "$@"; do
    parse=$(per_pass "$lang" parse)
    repair_parse=$(per_pass "$lang" repair_parse)
    pulldown=$(per_pass "$lang" pulldown)
    front_matter=$(per_pass "$lang" front_matter)
    printf '%-5s %12d %12d %12d %12d %8s %8s\n' "$lang" "$parse" "$repair_parse" "$pulldown" \
        "$front_matter" \
        "$(awk -v a="$parse" -v b="$pulldown" 'BEGIN { printf "%.3f", a / b }')" \
        "$(awk -v a="$repair_parse" -v b="$pulldown" 'BEGIN { printf "%.3f", a / b }')"
done
