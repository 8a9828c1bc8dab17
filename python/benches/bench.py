"""wikimd from Python against the hand-written Python pipeline, in one run.

    python3 python/benches/bench.py [RUNS]

Over the corpus's mojibake documents (tests/corpus/mojibake), one core unless said:

- the hand-written pipeline: ftfy's fix_encoding, PyYAML's C loader for the front matter,
  markdown-it-py for the body (what users write today);
- wikimd.parse (repair + parse + the document as Python objects);
- the Rust crate's own work (repair + parse, no Python object: wikimd._wikimd._parse_only);
- parse_files on one thread and on eight.

Medians of RUNS runs (default 5). Needs: pip install pyyaml markdown-it-py ftfy.
"""

import statistics
import sys
import time
from pathlib import Path

import wikimd

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "corpus" / "mojibake"


def hand_written(text):
    import ftfy
    import yaml
    from markdown_it import MarkdownIt

    md = hand_written.md = getattr(hand_written, "md", None) or MarkdownIt("commonmark").enable("table")
    text = ftfy.fix_encoding(text)
    front, body = {}, text
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            front = yaml.load(text[4:end], Loader=yaml.CSafeLoader)
            body = text[end + 5 :]
    return front, md.parse(body)


def median_seconds(work, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    paths = sorted(CORPUS.glob("*.md"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    size = sum(len(t.encode()) for t in texts)
    mb = size / 1e6
    rows = []

    def row(name, seconds, base=None):
        rate = mb / seconds
        ratio = "" if base is None else f"{base / seconds:.1f}x"
        rows.append((name, f"{seconds * 1000:.1f} ms", f"{rate:.1f} MB/s", ratio))

    python = median_seconds(lambda: [hand_written(t) for t in texts], max(1, runs // 2))
    parse = median_seconds(lambda: [wikimd.parse(t) for t in texts], runs)
    rust = median_seconds(lambda: [wikimd._wikimd._parse_only(t) for t in texts], runs)
    row("hand-written Python pipeline", python)
    row("wikimd.parse", parse, python)
    row("Rust crate alone (no Python objects)", rust, python)
    many = paths * 10
    one = median_seconds(lambda: list(wikimd.parse_files(many, threads=1)), runs)
    eight = median_seconds(lambda: list(wikimd.parse_files(many, threads=8)), runs)
    print(f"{len(paths)} documents, {mb:.2f} MB; medians of {runs} runs\n")
    print("| pipeline | time | throughput | vs hand-written |")
    print("|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    print(f"\nwikimd.parse / Rust alone: {parse / rust:.2f}x the time per document")
    print(
        f"parse_files over {len(many)} files: 1 thread {one * 1000:.0f} ms, "
        f"8 threads {eight * 1000:.0f} ms: {one / eight:.2f}x"
    )


if __name__ == "__main__":
    main()
