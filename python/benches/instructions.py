"""What the Python objects cost, counted in instructions (Valgrind's callgrind), which a
noisy host does not move: `python3 python/benches/instructions.py` from the repository's
root, after `pip install ./python` (or with `WIKIMD_FROM=DIR` for a build installed with
`pip install --target DIR ./python`).

One pass is `wikimd.parse` of each of the corpus's mojibake documents given as UTF-8
`bytes`, each document dropped as it comes, against the crate alone (`_parse_only`: repair
and parse, no object) over the same bytes. A pass is counted as the instructions of four
passes less those of two, halved: starting the interpreter and importing cancel out
(`PYTHONHASHSEED=0` keeps its dicts alike from run to run). The objects are the
difference.

For comparing builds. Issue #15's goal (`wikimd.parse` within 2x the crate's time) is in
time (`objects.py`): CPython's object code runs fewer instructions per cycle than the
crate's, so the counted ratio (1.93 on 2026-12-05) is lower than the timed one (2.2-2.6
that day). Needs `valgrind`.
"""

import os
import re
import shutil
import subprocess
import sys

ONE_PASS = r"""
import os, sys
if os.environ.get("WIKIMD_FROM"):
    sys.path.insert(0, os.environ["WIKIMD_FROM"])
import wikimd
from pathlib import Path
raw = [p.read_bytes() for p in sorted(Path("tests/corpus/mojibake").glob("*.md"))]
call = wikimd.parse if sys.argv[2] == "parse" else wikimd._wikimd._parse_only
for _ in range(int(sys.argv[1])):
    for text in raw:
        call(text)
"""


def count(passes, way):
    """The instructions of `passes` passes of `way`."""
    run = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            # The interpreter itself, not a launcher script (pyenv's shims are).
            sys.executable,
            "-c",
            ONE_PASS,
            str(passes),
            way,
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
        check=True,
    )
    return int(re.search(r"Collected : (\d+)", run.stderr).group(1))


def per_pass(way):
    return (count(4, way) - count(2, way)) // 2


def main():
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is needed (apt-get install valgrind)")
    parse, alone = per_pass("parse"), per_pass("only")
    print(
        f"a pass over the corpus's mojibake: wikimd.parse {parse:,} instructions, "
        f"the crate alone {alone:,}: {parse / alone:.3f}x; "
        f"the objects {parse - alone:,}"
    )


if __name__ == "__main__":
    main()
