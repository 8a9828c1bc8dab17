#!/usr/bin/env python3
"""Repair cases of documents damaged in one line: each clean corpus document with one of
its lines that are not ASCII (drawn at random, seeded) read in each legacy encoding, the
rest of the document clean. The line-by-line and run-by-run steps of repair, on whole
documents, where the case files' phrases test them one line at a time: a damaged line
must be mended whole (its one-letter words too), the clean lines around it left alone.
A check, not a test (its cases are whole documents: 950 a draw). Standard library only.

    python3 tests/repair/make_line_cases.py [DRAWS] [OUT.jsonl]   (9, /tmp/line-cases.jsonl)

Then: cargo run --release --example repair_cases -- /tmp/line-cases.jsonl [--misses]
(a miss prints the whole document).
"""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from make_dev_cases import CLEAN, ENCODINGS, mojibake  # noqa: E402
from make_other_cases import document_fix, write_cases  # noqa: E402


def main(draws: int, out_path: str) -> None:
    cases = []
    for draw in range(1, draws + 1):
        rng = random.Random(draw)
        for name in sorted(os.listdir(CLEAN)):
            with open(os.path.join(CLEAN, name), encoding="utf-8") as f:
                text = f.read()
            lines = text.split("\n")
            damageable = [i for i, line in enumerate(lines) if not line.isascii()]
            if not damageable:
                continue
            for enc in ENCODINGS:
                i = rng.choice(damageable)
                damaged = mojibake(lines[i], enc)
                if damaged == lines[i]:
                    continue
                damaged_text = "\n".join(lines[:i] + [damaged] + lines[i + 1:])
                cases.append(document_fix(f"{name[:-3]}-{draw}-{i}-{enc}", name, enc,
                                          damaged_text, text))
    write_cases(cases, out_path)
    print(f"wrote {len(cases)} cases", file=sys.stderr)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 9,
         sys.argv[2] if len(sys.argv) > 2 else "/tmp/line-cases.jsonl")
