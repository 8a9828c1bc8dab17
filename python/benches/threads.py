"""parse_files on eight threads against one, the way issue #15's goal is measured:
`python3 python/benches/threads.py [ROUNDS] [THREADS]` from the repository's root, after
`pip install ./python`.

Each round runs parse_files over the corpus's mojibake documents thirty times over
(2,940 files) on one thread, then on THREADS (default 8), each document dropped as it
comes; the medians of ROUNDS rounds (default 7) and their ratio are printed, with the CPU
time the process used and how many cores that kept busy on average.

To compare two builds in the same minutes, install each in its own folder
(`pip install --target DIR ./python`) and run this script alternately with
`WIKIMD_FROM=DIR`: the machine's load changes from one minute to the next.
"""

import os
import resource
import statistics
import sys
import time
from pathlib import Path

if os.environ.get("WIKIMD_FROM"):
    sys.path.insert(0, os.environ["WIKIMD_FROM"])

import wikimd  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "corpus" / "mojibake"


def run(paths, threads):
    """Wall-clock and CPU seconds of one pass."""
    before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    for _ in wikimd.parse_files(paths, threads=threads):
        pass
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    threads = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    paths = sorted(CORPUS.glob("*.md")) * 30
    ones, manys = [], []
    for _ in range(rounds):
        ones.append(run(paths, 1))
        manys.append(run(paths, threads))
    one = statistics.median(w for w, _ in ones)
    many = statistics.median(w for w, _ in manys)
    cpu_one = statistics.median(c for _, c in ones)
    cpu_many = statistics.median(c for _, c in manys)
    busy = statistics.median(c / w for w, c in manys)
    print(
        f"{len(paths)} files, medians of {rounds}: 1 thread {one:.3f} s ({cpu_one:.3f} s CPU), "
        f"{threads} threads {many:.3f} s ({cpu_many:.3f} s CPU, {busy:.2f} cores busy): "
        f"{one / many:.2f}x"
    )


if __name__ == "__main__":
    main()
