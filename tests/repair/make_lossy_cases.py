#!/usr/bin/env python3
"""Repair cases of lossy mojibake: lines of the clean corpus documents (whole lines, their
punctuation kept) read in each legacy encoding, then damaged once more the way tools
damage such text on its way:

- `nbsp-space`: each no-break space turned into a space (HTML whitespace, editors): the
  0xA0 byte of `à` (`Ã\\xa0`), of Cyrillic `Р` (`Ð\\xa0`), of Greek `Π`, is lost to a space;
- `nbsp-merged`: as `nbsp-space`, and a no-break space before a space merged with it (two
  spaces collapsed into one);
- `replaced`: each byte the encoding does not define turned into U+FFFD (a strict decoder
  with replacement, Python's `errors="replace"`) instead of its C1 control;
- `dropped`: each such byte dropped (`errors="ignore"`);
- `question`: each such byte turned into `?` (.NET's and Java's default replacement).

The expected text is the clean line, where a no-break space was lost; where a byte was
lost, the clean line with each character that lost one as U+FFFD (which character it
was, nothing tells). A check, not a test. Standard library only.

    python3 tests/repair/make_lossy_cases.py [LINES] [OUT.jsonl]   (4, /tmp/lossy-cases.jsonl)

Then: cargo run --release --example repair_cases -- /tmp/lossy-cases.jsonl [--misses]
"""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from make_dev_cases import CLEAN, ENCODINGS, sloppy  # noqa: E402
from make_other_cases import document_fix, write_cases  # noqa: E402

C1 = "".join(chr(c) for c in range(0x80, 0xA0))


def undefined(enc: str) -> set:
    """The bytes `enc` leaves undefined (which `sloppy` reads as C1 controls)."""
    lost = set()
    for b in range(0x80, 0xA0):
        try:
            bytes([b]).decode(enc)
        except UnicodeDecodeError:
            lost.add(b)
    return lost


def lossy_expected(clean: str, lost: set) -> str:
    """`clean` with each character whose UTF-8 holds a lost byte as U+FFFD."""
    return "".join("\ufffd" if lost & set(c.encode("utf-8")) else c for c in clean)


def variants(clean: str, enc: str):
    """(kind, input, expected) of each lossy damage that changes `clean`'s mojibake."""
    damaged = sloppy(clean.encode("utf-8"), enc)
    if "\xa0" in damaged and "\xa0" not in clean:
        spaced = damaged.replace("\xa0", " ")
        yield "nbsp-space", spaced, clean
        merged = damaged.replace("\xa0 ", " ").replace("\xa0", " ")
        if merged != spaced:
            yield "nbsp-merged", merged, clean
    lost = undefined(enc)
    if lost and any(ord(c) in lost for c in damaged) and not any(c in C1 for c in clean):
        expected = lossy_expected(clean, lost)
        for kind, by in (("replaced", "\ufffd"), ("dropped", ""), ("question", "?")):
            text = "".join(by if ord(c) in lost else c for c in damaged)
            yield kind, text, expected


def main(per_document: int, out_path: str) -> None:
    rng = random.Random(11)
    cases = []
    for name in sorted(os.listdir(CLEAN)):
        with open(os.path.join(CLEAN, name), encoding="utf-8") as f:
            lines = [line for line in f.read().split("\n") if not line.isascii()]
        if not lines:
            continue
        for enc in ENCODINGS:
            for i in sorted(rng.sample(range(len(lines)), min(per_document, len(lines)))):
                for kind, text, expected in variants(lines[i], enc):
                    cases.append(document_fix(f"{name[:-3]}-{i}-{enc}-{kind}", name,
                                              f"{enc}/{kind}", text, expected))
    write_cases(cases, out_path)
    print(f"wrote {len(cases)} cases", file=sys.stderr)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 4,
         sys.argv[2] if len(sys.argv) > 2 else "/tmp/lossy-cases.jsonl")
