#!/usr/bin/env python3
"""Repair cases from real text the project does not hold: this machine's translated man pages.

Reads the manual pages under /usr/share/man/LANG/ (every language there but English),
strips the roff requests and escapes, takes up to PER_LANG lines of running text with
non-ASCII characters from each language (12-200 characters; a fixed random choice), and
writes their cases as make_dev_cases.py does for the corpus: each line and up to two of
its non-ASCII words as negatives, and their mojibake through the same readings. A check
on unseen text, not a test: its output is not kept in the repository (the pages differ
from machine to machine). Some pages are mojibake themselves (Debian's Spanish
fakeroot(1) writes `Ã³rdenes`): their "negatives" are repaired, rightly, and count as
wrong. Standard library only.

    python3 tests/repair/make_man_cases.py [PER_LANG] [OUT.jsonl]   (60, /tmp/man-cases.jsonl)

Then, e.g.: cargo run --release --example repair_cases -- /tmp/man-cases.jsonl
"""
import glob, gzip, os, re, sys, random

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from make_other_cases import add_cases, write_cases  # noqa: E402

# Font changes, special characters and the like: `\fB`, `\(aq`, `\*(lq`, `\-`, `\&`.
ESCAPES = re.compile(r"\\f[BIRP]|\\f\(..|\\&|\\-|\\\(..|\\\*\(..|\\\*.|\\s[-+]?\d|\\[ e|^0]|\\c")

rng = random.Random(11)
per_lang = int(sys.argv[1]) if len(sys.argv) > 1 else 60
out_path = sys.argv[2] if len(sys.argv) > 2 else "/tmp/man-cases.jsonl"
cases, seen = [], set()
for d in sorted(glob.glob("/usr/share/man/*")):
    lang = os.path.basename(d)
    if lang.startswith("man"):
        continue
    lines = set()
    for path in glob.glob(f"{d}/man*/*"):
        try:
            raw = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
            text = raw.decode("utf-8")
        except Exception:  # a page that is not UTF-8, or not readable: skipped
            continue
        for line in text.split("\n"):
            # Requests and macros, and lines with escapes this does not strip.
            if line.startswith((".", "'")) or "\\" in ESCAPES.sub("", line):
                continue
            line = ESCAPES.sub("", line).strip()
            if 12 <= len(line) <= 200 and any(ord(c) > 127 for c in line):
                lines.add(line)
    lines = sorted(lines)
    rng.shuffle(lines)
    for text in lines[:per_lang]:
        add_cases(cases, seen, lang, text, 2)
write_cases(cases, out_path)
print(f"wrote {len(cases)} cases from {len({c['lang'] for c in cases})} languages to {out_path}", file=sys.stderr)
