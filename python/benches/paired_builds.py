"""Two builds of the package timed against each other in one process, round by round:
`python3 python/benches/paired_builds.py DIR_A DIR_B [ROUNDS]` from the repository's root,
each DIR a build installed with `pip install --target DIR ./python`.

Each round times `parse` of every mojibake document of the corpus (given as `str`) once
with each build, in turns (A then B, then B then A), and the ratio B ÷ A of the round is
kept: printed are the medians of each build's times and of the ratios, with the ratios'
quartiles. Two processes run minutes apart on this shared host differ by more than the
few per cent a change to the objects makes; rounds paired in one process do not (the same
build against itself: medians 1.00, quartiles within 0.98-1.02). A build's module is loaded under a name
of its own (`a._wikimd`, `b._wikimd`), so the two do not meet.
"""

import importlib.machinery
import importlib.util
import statistics
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "corpus" / "mojibake"


def load(tag, directory):
    """The compiled module of the build installed in `directory`, as `{tag}._wikimd`."""
    (path,) = Path(directory, "wikimd").glob("_wikimd*.so")
    name = f"{tag}._wikimd"
    loader = importlib.machinery.ExtensionFileLoader(name, str(path))
    spec = importlib.util.spec_from_file_location(name, path, loader=loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def seconds(module, texts):
    start = time.perf_counter()
    made = [module.parse(t) for t in texts]
    del made
    return time.perf_counter() - start


def main():
    a, b = load("a", sys.argv[1]), load("b", sys.argv[2])
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 60
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.md"))]
    if [a.parse(t) for t in texts] != [b.parse(t) for t in texts]:
        sys.exit("the two builds do not give the same objects")
    times_a, times_b = [], []
    for round_ in range(rounds):
        order = [(a, times_a), (b, times_b)]
        for module, times in order if round_ % 2 == 0 else reversed(order):
            times.append(seconds(module, texts))
    ratios = [tb / ta for ta, tb in zip(times_a, times_b)]
    low, _, high = statistics.quantiles(ratios, n=4)
    print(
        f"{len(texts)} documents, {rounds} rounds: A {statistics.median(times_a) * 1000:.3f} ms, "
        f"B {statistics.median(times_b) * 1000:.3f} ms, B / A {statistics.median(ratios):.4f} "
        f"[{low:.4f}, {high:.4f}]"
    )


if __name__ == "__main__":
    main()
