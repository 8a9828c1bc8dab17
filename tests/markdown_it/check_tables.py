"""wikimd's tables against markdown-it's, the parser the reference JSON was made with.

    pip install ./python                         # or WIKIMD_FROM=DIR, as the benches
    python3 tests/markdown_it/check_tables.py [CASES]

Needs Node.js; markdown-it 14.1.0 is installed with npm into a temporary folder unless
`MARKDOWN_IT` names one (`.../node_modules/markdown-it`). Three sets, each table's header
and rows compared as plain text (`tables.js`):

1. the corpus's bodies: markdown-it, wikimd and the reference JSON must all agree;
2. CASES (default 3,000) generated bodies in the format's own shape: wtf_wikipedia's
   tables (`| ` + cells padded to 14 and joined with ` | ` + ` |`, a `---` row, a blank
   line around), cells of text, links, emphasis, code, entities and escaped pipes;
3. the shapes where markdown-it and pulldown-cmark are known to read a table apart, none
   of which the format writes: each is printed with both readings.

Exits 1 when set 1 or 2 disagrees anywhere.
"""

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

if os.environ.get("WIKIMD_FROM"):
    sys.path.insert(0, os.environ["WIKIMD_FROM"])

import wikimd  # noqa: E402

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "corpus"

# Where the two parsers part (found by generating tables of every shape); wikimd reads
# these as pulldown-cmark does.
KNOWN = {
    "a row that is only a pipe": "| a |\n|---|\n|\n| b |\n",
    "a row that is a space and a pipe": "| a |\n|---|\n |\n",
    "a line indented four spaces after a table": "| a |\n|---|\n| b |\n    c\n",
    "a row after a tab": "| a |\n|---|\n\t| b |\n",
    "a delimiter row that starts with `- `": "| a | b |\n- | -\n| 1 | 2 |\n",
    "a delimiter cell with a space inside": "| a | b |\n|- -|---|\n| 1 | 2 |\n",
    "a table without a leading pipe right after a paragraph": "text\na | b\n---|---\n1 | 2\n",
}


def markdown_it():
    """The path of markdown-it's package, installed with npm if need be."""
    if os.environ.get("MARKDOWN_IT"):
        return os.environ["MARKDOWN_IT"]
    if shutil.which("node") is None or shutil.which("npm") is None:
        sys.exit("Node.js and npm are needed")
    folder = tempfile.mkdtemp(prefix="markdown-it-")
    subprocess.run(
        ["npm", "install", "--silent", "--prefix", folder, "markdown-it@14.1.0"], check=True
    )
    return os.path.join(folder, "node_modules", "markdown-it")


def their_tables(bodies, package):
    """markdown-it's tables of each body."""
    lines = "".join(json.dumps({"id": i, "body": b}) + "\n" for i, b in enumerate(bodies))
    out = subprocess.run(
        ["node", str(HERE / "tables.js")],
        input=lines,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "MARKDOWN_IT": package},
    ).stdout
    read = {}
    for line in out.splitlines():
        row = json.loads(line)
        read[row["id"]] = row["tables"]
    return [read[i] for i in range(len(bodies))]


def our_tables(body):
    document = wikimd.parse(body, repair=False)
    return [table for section in document["sections"] for table in section["tables"]]


def pad(text, width=14):
    if len(text) >= width:
        return text
    left = (width - len(text)) // 2
    return " " * left + text + " " * (width - len(text) - left)


def wtf_body(rng):
    """A body with a table as wtf_wikipedia writes one."""
    words = ["Paris", "[Mali](https://wikipedia.org/wiki/Mali)", "**bold**", "*it*", "1,234"]
    words += ["—", "a | b", "x*y", "`c`", "&amp;", "\\|", "![map](https://x.org/m.png)", ""]
    width = rng.randint(1, 5)

    def row(cells):
        return "| " + " | ".join(pad(c) for c in cells) + " |"

    header = [rng.choice(["", "Name", "Year", "Ελλάδα"]) for _ in range(width)]
    lines = [row(header), row(["---"] * width)]
    for _ in range(rng.randint(1, 5)):
        cells = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 3))) for _ in range(width)]
        lines.append(row([c.strip() for c in cells]))
    return "Intro.\n\n" + "\n".join(lines) + "\n\nAfter.\n"


def main():
    cases = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    package = markdown_it()
    failed = False

    names = sorted(p.stem for p in (CORPUS / "clean").glob("*.md"))
    bodies = []
    for name in names:
        text = (CORPUS / "clean" / f"{name}.md").read_text(encoding="utf-8")
        bodies.append(text[text.index("\n---\n", 4) + 5 :])
    theirs = their_tables(bodies, package)
    agree = 0
    for name, body, their in zip(names, bodies, theirs):
        reference = json.loads((CORPUS / "reference" / f"{name}.json").read_text("utf-8"))
        expected = [t for s in reference["sections"] for t in s["tables"]]
        if their == expected == our_tables(body):
            agree += 1
        else:
            failed = True
            print(f"corpus {name}: markdown-it, wikimd and the reference disagree")
    print(f"corpus: {agree} of {len(names)} documents agree ({sum(map(len, theirs))} tables)")

    rng = random.Random(1)
    bodies = [wtf_body(rng) for _ in range(cases)]
    theirs = their_tables(bodies, package)
    apart = [(b, t) for b, t in zip(bodies, theirs) if our_tables(b) != t]
    for body, their in apart[:5]:
        failed = True
        print(f"format's shape: {body!r}\n  markdown-it {their}\n  wikimd      {our_tables(body)}")
    print(f"the format's shape: {cases - len(apart)} of {cases} bodies agree")

    theirs = their_tables(list(KNOWN.values()), package)
    for (what, body), their in zip(KNOWN.items(), theirs):
        ours = our_tables(body)
        verdict = "still apart" if ours != their else "now alike"
        print(f"known: {what}: {verdict}\n  markdown-it {their}\n  wikimd      {ours}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
