#!/usr/bin/env bash
# Measures `wikimd parse DIR` on a generated corpus of a few hundred MB: throughput on one
# core against all cores, and peak memory (`/usr/bin/time -v`).
#
#   bash benches/cli_scaling.sh [MEGABYTES]   (default 300)
#
# The corpus is built in a temporary directory from copies of tests/corpus/mojibake and
# removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes=${1:-300}
cargo build --release --quiet
bin=target/release/wikimd
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
src_bytes=$(cat tests/corpus/mojibake/*.md | wc -c)
copies=$(( megabytes * 1000000 / src_bytes + 1 ))
for i in $(seq 1 "$copies"); do
    mkdir -p "$dir/$i"
    cp tests/corpus/mojibake/*.md "$dir/$i/"
done
total=$(du -sb "$dir" | cut -f1)
files=$(find "$dir" -name '*.md' | wc -l)
echo "corpus: $files files, $((total / 1000000)) MB"
cat "$dir"/*/*.md > /dev/null # warm the page cache

# One core: pinned with taskset (the writer thread would otherwise use a second one).
run() {
    local threads=$1
    local cpus
    cpus=$(seq -s, 0 $((threads - 1)))
    local start end
    start=$(date +%s.%N)
    RAYON_NUM_THREADS=$threads /usr/bin/time -v taskset -c "$cpus" "$bin" parse "$dir" 2> "$dir/time.$threads" > /dev/null
    end=$(date +%s.%N)
    local secs
    secs=$(echo "$end - $start" | bc -l)
    local rss
    rss=$(grep "Maximum resident set size" "$dir/time.$threads" | awk '{print $NF}')
    printf '%s thread(s): %6.2f s, %7.1f MB/s, peak RSS %s MB\n' "$threads" "$secs" \
        "$(echo "$total / $secs / 1000000" | bc -l)" "$((rss / 1024))"
    echo "$secs" > "$dir/secs.$threads"
}
run 1
run "$(nproc)"
echo "speed-up: $(echo "$(cat "$dir/secs.1") / $(cat "$dir/secs.$(nproc)")" | bc -l | cut -c1-4)x on $(nproc) cores"

# One large file: the corpus one document after another, about a third of the corpus size.
# Peak memory must stay under twice the file's size.
big="$dir/big.md"
for i in $(seq 1 $(( copies / 3 + 1 ))); do cat tests/corpus/mojibake/*.md; done > "$big"
for kind in mojibake clean; do
    if [ "$kind" = clean ]; then "$bin" repair "$big" > "$big.clean" && mv "$big.clean" "$big"; fi
    size=$(stat -c %s "$big")
    /usr/bin/time -v "$bin" parse "$big" 2> "$dir/time.big" > /dev/null
    rss=$(grep "Maximum resident set size" "$dir/time.big" | awk '{print $NF}')
    printf 'one %s file of %s MB: peak RSS %s MB, %s times its size\n' "$kind" \
        "$((size / 1000000))" "$((rss / 1024))" "$(echo "$rss * 1024 / $size" | bc -l | cut -c1-4)"
done
