#!/usr/bin/env python3
"""Repair cases from the names this machine's locale data writes in every language.

Two sources of real text no test holds, each read as the locale's own words: glibc's
locale sources (/usr/share/i18n/locales: the names of the months and the days, 209
locales with names that are not ASCII), and, where Node.js is installed, Unicode's CLDR
through its `Intl` (the months, the days, and the names of twelve languages and twelve
countries, in 151 locales: Hausa, Fula, Kabyle, Akan, Wolof and Cherokee among them). For
each locale: its names in one line, its first name, and an English sentence around two
of them, as negatives and through every reading, as make_dev_cases.py writes them. A
check on unseen text, not a test: its output is not kept (the locale data differs from
machine to machine). Standard library only.

    python3 tests/repair/make_name_cases.py [OUT.jsonl]   (/tmp/name-cases.jsonl)

Then: cargo run --release --example repair_cases -- /tmp/name-cases.jsonl [--misses]
"""
import json, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from make_other_cases import write_cases  # noqa: E402
from make_dev_cases import ENCODINGS, mojibake, printable  # noqa: E402

GLIBC = "/usr/share/i18n/locales"
CLDR_LOCALES = (
    "af ak am ar as az be bg bm bn bo br bs ca ce cs cy da de dz ee el eo es et eu fa ff fi "
    "fo fr fy ga gd gl gu gv ha he hi hr hu hy ia id ig is it ja jv ka ki kk kl km kn ko ks "
    "ku kw ky lb lg ln lo lt lu lv mg mi mk ml mn mr ms mt my nb nd ne nl nn no om or os pa "
    "pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sn so sq sr sr-Latn su sv sw ta te "
    "tg th ti tk to tr tt ug uk ur uz uz-Cyrl vi wo xh yi yo zh zh-Hant zu ast ckb dsb hsb "
    "fur kab ksh lkt mzn nds sah smn vo yue ceb haw chr"
).split()
CLDR_SCRIPT = """
const out = {};
for (const l of process.argv.slice(1)) {
  try {
    const words = [];
    for (let m = 0; m < 12; m++)
      words.push(new Intl.DateTimeFormat(l, {month: "long"}).format(new Date(2020, m, 15)));
    for (let d = 0; d < 7; d++)
      words.push(new Intl.DateTimeFormat(l, {weekday: "long"}).format(new Date(2020, 5, 1 + d)));
    const languages = new Intl.DisplayNames([l], {type: "language"});
    for (const c of ["en","fr","de","es","ru","zh","ar","ja","pt","it","sw","hi"]) words.push(languages.of(c));
    const regions = new Intl.DisplayNames([l], {type: "region"});
    for (const c of ["US","FR","DE","CN","BR","IN","NG","RU","EG","JP","TR","IS"]) words.push(regions.of(c));
    out[l] = words;
  } catch (e) {}
}
console.log(JSON.stringify(out));
"""


def glibc_names() -> dict:
    """Each glibc locale's month and day names (long and short) that are not all ASCII."""
    def decode(s: str) -> str:
        return re.sub(r"<U([0-9A-Fa-f]{4,6})>", lambda m: chr(int(m.group(1), 16)), s)

    names = {}
    if not os.path.isdir(GLIBC):
        return names
    for name in sorted(os.listdir(GLIBC)):
        try:
            with open(os.path.join(GLIBC, name), encoding="utf-8", errors="replace") as f:
                src = f.read()
        except OSError:
            continue
        words = []
        for key in ("mon", "day", "abday", "abmon"):
            m = re.search(r"^%s\s+(.*?)(?:\n(?!\s)|\Z)" % key, src, re.M | re.S)
            if m and "<U" in m.group(1):
                words += [decode(w) for w in re.findall(r'"([^"]*)"', m.group(1))]
        words = [w for w in words if w and any(ord(c) > 127 for c in w)]
        if len(words) >= 4:
            names["glibc:" + name] = words
    return names


def cldr_names() -> dict:
    """Each CLDR locale's names, through Node.js's `Intl` (none without Node.js)."""
    try:
        run = subprocess.run(["node", "-e", CLDR_SCRIPT, *CLDR_LOCALES], capture_output=True,
                             text=True, timeout=120, check=True)
    except (OSError, subprocess.SubprocessError):
        print("no Node.js: CLDR's names skipped", file=sys.stderr)
        return {}
    return {"cldr:" + k: [w for w in v if any(ord(c) > 127 for c in w)]
            for k, v in json.loads(run.stdout).items()}


def main(out_path: str) -> None:
    cases, seen = [], set()
    for lang, words in {**glibc_names(), **cldr_names()}.items():
        if len(words) < 3:
            continue
        for text in [" ".join(words[:12]), words[0], f"In {words[1]}, they speak {words[-1]}."]:
            if text in seen or not printable(text):
                continue
            seen.add(text)
            cases.append({"lang": lang, "kind": "negative", "encoding": "", "input": text,
                          "expected": text})
            variants = [(enc, mojibake(text, enc)) for enc in ENCODINGS]
            variants.append(("cp1252x2", mojibake(text, "cp1252", 2)))
            for enc, bad in variants:
                if bad != text and printable(bad, c1_ok=True):
                    cases.append({"lang": lang, "kind": "fix", "encoding": enc, "input": bad,
                                  "expected": text})
    write_cases(cases, out_path)
    print(f"wrote {len(cases)} cases from {len({c['lang'] for c in cases})} locales to {out_path}",
          file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/name-cases.jsonl")
