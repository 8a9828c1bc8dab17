#!/usr/bin/env bash
# The two hostile inputs that build the most model (500,000 headings, a 30 MB line), at
# their size and a tenth of it, each parsed by a fresh `wikimd parse` process: memory comes
# new from the kernel for both sizes, where the criterion group `hostile` reuses the small
# input's memory from one iteration to the next but not the large one's (see
# BENCHMARKS.md). The other hostile inputs take a few milliseconds, too little to time
# through a process; the criterion group measures them.
#
#   bash benches/hostile_cold.sh [RUNS]   (default 21; the median is printed)
#
# Times are net of the process's own start (the median time to parse an empty file).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-21}
cargo build --release --quiet
bin=target/release/wikimd
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

python3 - "$dir" <<'EOF'
import sys
d = sys.argv[1]
inputs = {
    "headings": (lambda n: "## heading\n" * n, 500_000),
    "single_line": (lambda n: "word " * (n // 5), 30_000_000),
}
for name, (make, n) in inputs.items():
    for size in (n // 10, n):
        with open(f"{d}/{name}.{size}.md", "w") as f:
            f.write(make(size))
EOF

# Median wall time of `runs` runs, in milliseconds.
median_ms() {
    local file=$1 times=()
    for _ in $(seq 1 "$runs"); do
        local start end
        start=$(date +%s%N)
        "$bin" parse "$file" > /dev/null 2>&1 || true # a limit error is a result too
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]/1000}'
}

touch "$dir/empty.md"
start=$(median_ms "$dir/empty.md")
echo "process start: $start ms (subtracted)"
printf '%-16s %12s %12s %8s\n' input "n/10 (ms)" "n (ms)" growth
for name in headings single_line; do
    small=$(ls "$dir"/$name.*.md | sort -t. -k2 -n | head -1)
    large=$(ls "$dir"/$name.*.md | sort -t. -k2 -n | tail -1)
    a=$(echo "$(median_ms "$small") - $start" | bc -l)
    b=$(echo "$(median_ms "$large") - $start" | bc -l)
    printf '%-16s %12.2f %12.2f %7.1fx\n' "$name" "$a" "$b" "$(echo "$b / $a" | bc -l)"
done
