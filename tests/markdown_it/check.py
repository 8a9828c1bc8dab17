"""wikimd's body against markdown-it's, the parser the reference JSON was made with.

    pip install ./python                         # or WIKIMD_FROM=DIR, as the benches
    python3 tests/markdown_it/check.py [CASES]

Needs Node.js; markdown-it 14.1.0 is installed with npm into a temporary folder unless
`MARKDOWN_IT` names one (`.../node_modules/markdown-it`). `reader.js` gives markdown-it's
headings, paragraphs and tables in the contract's terms (no list rule, no figures: the
generated bodies have neither). The sets:

1. the corpus's bodies, their tables: markdown-it, wikimd and the reference JSON agree;
2. CASES (default 3,000) bodies with a table in the format's own shape (wtf_wikipedia's
   `| ` + cells padded to 14 and joined with ` | ` + ` |`, a `---` row, blank lines
   around), cells of text, links, emphasis, code, entities and escaped pipes;
3. CASES bodies of headings and paragraphs of inline syntax, every construct jumbled
   (emphasis runs, links, images, autolinks, entities, escapes, tag-like text, breaks),
   without code spans;
4. the same with code spans, and then the differences below, printed and counted only.

Sets 1 to 3 must agree (exit 1 otherwise). Where markdown-it and wikimd are known to
part (`KNOWN`), wikimd reads as pulldown-cmark and the CommonMark specification do, and
the format writes none of them; each is printed with both readings.
"""

import json
import os
import random
import re
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

KNOWN = {
    # Tables (GFM, outside the CommonMark specification).
    "a table row that is only a pipe": "| a |\n|---|\n|\n| b |\n",
    "a table row that is a space and a pipe": "| a |\n|---|\n |\n",
    "a line indented four spaces after a table": "| a |\n|---|\n| b |\n    c\n",
    "a table row after a tab": "| a |\n|---|\n\t| b |\n",
    "a delimiter row that starts with `- `": "| a | b |\n- | -\n| 1 | 2 |\n",
    "a delimiter cell with a space inside": "| a | b |\n|- -|---|\n| 1 | 2 |\n",
    "a table without a leading pipe right after a paragraph": "text\na | b\n---|---\n1 | 2\n",
    # Line ends: markdown-it takes only spaces off a line's end (the specification says
    # spaces too; pulldown-cmark takes tabs as well), and reads `\` and a space as one
    # escape-like token, so that two spaces after it make no hard break.
    "a tab before a line's end": "a \t \nb\n",
    "a backslash and two spaces before a line's end": "a \\  \nb\n",
    # Code spans: markdown-it takes a space off both ends of a code span of spaces only
    # (the specification keeps them).
    "a code span of three spaces": "a `   ` b\n",
    # ... and reads no code span after an unclosed `[` when a lone backtick follows it
    # (its look-ahead for a link's text remembers the backticks it has passed over);
    # the other code-span differences of set 4 are of this kind.
    "a code span after an unclosed `[`, a lone backtick after it": "[ `c` `\n",
    # Raw HTML: markdown-it (HTML off) reads a processing instruction as text with its
    # emphasis; wikimd hides one from pulldown-cmark only where its `?>` is on the line
    # of its `<?` (the general path reads a body in parts that end between lines), and
    # one over several lines stays raw HTML, its text as written.
    "a processing instruction over two lines": "a <?x *e*\nb ?>\n",
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


def theirs(bodies, package):
    """markdown-it's sections of each body."""
    lines = "".join(json.dumps({"id": i, "body": b}) + "\n" for i, b in enumerate(bodies))
    out = subprocess.run(
        ["node", str(HERE / "reader.js")],
        input=lines,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "MARKDOWN_IT": package},
    ).stdout
    read = {}
    for line in out.splitlines():
        row = json.loads(line)
        read[row["id"]] = row["sections"]
    return [read[i] for i in range(len(bodies))]


def ours(body):
    """wikimd's sections of a body, with the keys `reader.js` gives."""
    keys = ("level", "title", "paragraphs", "tables")
    document = wikimd.parse(body, repair=False)
    return [{k: section[k] for k in keys} for section in document["sections"]]


def tables(sections):
    return [table for section in sections for table in section["tables"]]


def pad(text, width=14):
    if len(text) >= width:
        return text
    left = (width - len(text)) // 2
    return " " * left + text + " " * (width - len(text) - left)


def table_body(rng):
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


ATOMS = ["word", "Ελλάδα", "é", "*", "**", "_", "__", "***", "[", "]", "(", ")", "](u)"]
ATOMS += ["[a](b)", "[a]", "[a][]", "![i](u)", "<", ">", "<b>", "</b>", "<!-- c -->", "<?x?>"]
ATOMS += ["<http://x.y>", "<a@b.c>", "&amp;", "&nbsp;", "&#123;", "&bogus;", "\\*", "\\"]
ATOMS += ["\\\\", "!", '"', "'", "~", "|", ":", "#", "=", "-", "+", "1.", "a_b_c", "x*y*z"]
ATOMS += [" ", "  ", "<![i](u)", "</_b_", "<!_c_"]


def inline_body(rng, code):
    """Headings and paragraphs of jumbled inline syntax (each line starts with a word:
    no list, quote or other block starts there)."""
    atoms = ATOMS + (["`", "``", "`c`", "`` a`b ``"] if code else [])

    def line():
        text = "".join(rng.choice(atoms) + rng.choice(["", " "]) for _ in range(rng.randint(1, 10)))
        return "w " + text

    def block():
        if rng.random() < 0.15:
            hashes = "#" * rng.randint(1, 6)
            closing = " " + "#" * rng.randint(1, 3) if rng.random() < 0.2 else ""
            return f"{hashes} {line()}{closing}"
        ends = ["", "", "  ", "\\"]
        return "\n".join(line() + rng.choice(ends) for _ in range(rng.randint(1, 3)))

    body = "\n\n".join(block() for _ in range(rng.randint(1, 4))) + "\n"
    # What `KNOWN` lists is left out: a backslash and spaces before a line's end.
    return re.sub(r"\\ +\n", "\\\n", body)


def compare(name, bodies, package, keep=lambda sections: sections, must=True):
    """Compares each body's reading; prints the first differences; whether all agree."""
    apart = []
    for body, their in zip(bodies, theirs(bodies, package)):
        our = ours(body)
        if keep(our) != keep(their):
            apart.append((body, their, our))
    for body, their, our in apart[:5]:
        print(f"  {body!r}\n    markdown-it {keep(their)}\n    wikimd      {keep(our)}")
    verdict = "" if must or not apart else " (markdown-it's code-span quirks)"
    print(f"{name}: {len(bodies) - len(apart)} of {len(bodies)} agree{verdict}")
    return not apart


def main():
    cases = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    package = markdown_it()
    ok = True

    names = sorted(p.stem for p in (CORPUS / "clean").glob("*.md"))
    bodies = []
    for name in names:
        text = (CORPUS / "clean" / f"{name}.md").read_text(encoding="utf-8")
        bodies.append(text[text.index("\n---\n", 4) + 5 :])
    agree = 0
    for name, body, their in zip(names, bodies, theirs(bodies, package)):
        reference = json.loads((CORPUS / "reference" / f"{name}.json").read_text("utf-8"))
        if tables(their) == tables(reference["sections"]) == tables(ours(body)):
            agree += 1
        else:
            ok = False
            print(f"  corpus {name}: the tables of markdown-it, wikimd and the reference differ")
    print(f"1. the corpus's tables: {agree} of {len(names)} documents agree")

    rng = random.Random(1)
    ok &= compare("2. tables in the format's shape", [table_body(rng) for _ in range(cases)], package, tables)
    ok &= compare("3. inline syntax", [inline_body(rng, False) for _ in range(cases)], package)
    compare("4. inline syntax with code spans", [inline_body(rng, True) for _ in range(cases)], package, must=False)

    for (what, body), their in zip(KNOWN.items(), theirs(list(KNOWN.values()), package)):
        our = ours(body)
        if our == their:
            print(f"known: {what}: now alike")
            continue
        print(f"known: {what}: {body!r}\n  markdown-it {their}\n  wikimd      {our}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
