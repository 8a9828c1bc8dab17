"""wikimd's calls beside another Python thread that keeps running (a spinning counter),
against the same calls alone: `python3 python/benches/beside_a_thread.py [TIMES]` from the
repository's root, after `pip install ./python`.

Taking the interpreter back after releasing it waits for a switch interval (5 ms) whenever
another thread runs: a call that released it for a short piece of work paid that each time.
"""

import sys
import threading
import time
from pathlib import Path

import wikimd

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "corpus" / "mojibake"


def main():
    times = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    paths = sorted(CORPUS.glob("*.md")) * times
    texts = [p.read_text() for p in sorted(CORPUS.glob("*.md"))] * 3
    works = {
        f"parse_files(threads=1), {len(paths)} files": lambda: sum(
            1 for _ in wikimd.parse_files(paths, threads=1)
        ),
        f"parse_files(threads=8), {len(paths)} files": lambda: sum(
            1 for _ in wikimd.parse_files(paths, threads=8)
        ),
        f"parse, {len(texts)} texts": lambda: [wikimd.parse(t) for t in texts],
        f"repair, {len(texts)} texts": lambda: [wikimd.repair(t) for t in texts],
    }
    stop = threading.Event()

    def spin():
        count = 0
        while not stop.is_set():
            count += 1

    for beside in (False, True):
        thread = threading.Thread(target=spin)
        if beside:
            thread.start()
        for name, work in works.items():
            start = time.perf_counter()
            work()
            took = time.perf_counter() - start
            print(f"{'beside a thread' if beside else 'alone':16} {name}: {took:.3f} s")
        if beside:
            stop.set()
            thread.join()


if __name__ == "__main__":
    main()
