"""What the Python objects cost: `wikimd.parse` against the Rust crate alone (repair and
parse, no object: `_parse_only`) over the corpus's mojibake documents, alternated round
by round: `python3 python/benches/objects.py [ROUNDS]` from the repository's root, after
`pip install ./python`. Issue #15's goal: at most 2x.

The crate alone is timed two ways: given the same `str` (its conversion to UTF-8, which
`parse` makes too, counted on both sides), and given the text's UTF-8 `bytes` (checked
and copied, no conversion: the crate's own time). `wikimd.parse` is timed given `bytes`
too, and so is CPython's own `json.loads` of the documents' reference JSON (the same
objects, made by CPython's C JSON decoder), and `marshal.loads` of the same objects
(CPython's own binary format, read by C code with next to no parsing: the least that
making these objects costs in CPython).

Each round's documents are freed inside its timed call (the list the round makes is
released before the clock is read), on both sides: `wikimd.parse`'s time counts making
the objects and freeing them, as a loop over files that drops each document would.
`WIKIMD_FROM=DIR` runs a build installed with
`pip install --target DIR ./python`, to compare two builds in the same minutes.
"""

import json
import marshal
import os
import statistics
import sys
import time
from pathlib import Path

if os.environ.get("WIKIMD_FROM"):
    sys.path.insert(0, os.environ["WIKIMD_FROM"])

import wikimd  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "corpus" / "mojibake"
REFERENCE = CORPUS.parent / "reference"


def seconds(work):
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 25
    paths = sorted(CORPUS.glob("*.md"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    raw = [t.encode("utf-8") for t in texts]
    references = [(REFERENCE / f"{p.stem}.json").read_text(encoding="utf-8") for p in paths]
    blobs = [marshal.dumps(json.loads(r)) for r in references]
    only = wikimd._wikimd._parse_only
    try:
        only(raw[0])
    except TypeError:
        raw = None  # a build from before `_parse_only` took bytes
    parse, alone, alone_bytes, parse_bytes, loads, unmarshal = [], [], [], [], [], []
    for _ in range(rounds):
        parse.append(seconds(lambda: [wikimd.parse(t) for t in texts]))
        alone.append(seconds(lambda: [only(t) for t in texts]))
        if raw is not None:
            alone_bytes.append(seconds(lambda: [only(b) for b in raw]))
            parse_bytes.append(seconds(lambda: [wikimd.parse(b) for b in raw]))
        loads.append(seconds(lambda: [json.loads(r) for r in references]))
        unmarshal.append(seconds(lambda: [marshal.loads(b) for b in blobs]))
    p, a = statistics.median(parse), statistics.median(alone)
    line = (
        f"{len(texts)} documents, medians of {rounds} rounds: wikimd.parse {p * 1000:.2f} ms, "
        f"the crate alone from str {a * 1000:.2f} ms: {p / a:.2f}x"
    )
    if alone_bytes:
        b = statistics.median(alone_bytes)
        pb = statistics.median(parse_bytes)
        line += (
            f"; from UTF-8 bytes {b * 1000:.2f} ms: {p / b:.2f}x"
            f" (wikimd.parse given the bytes {pb * 1000:.2f} ms: {pb / b:.2f}x)"
        )
    line += f"; json.loads of the reference JSON {statistics.median(loads) * 1000:.2f} ms"
    line += f"; marshal.loads of the same objects {statistics.median(unmarshal) * 1000:.2f} ms"
    print(line)


if __name__ == "__main__":
    main()
