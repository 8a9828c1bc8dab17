#!/usr/bin/env python3
"""Repair cases from phrases of languages the corpus does not have.

Reads other-languages.tsv (a language code, a tab, a phrase or paragraph written for
this check: 235 of them in 101 languages, 13 with pronunciations in the IPA) and writes other-language-cases.jsonl as
make_dev_cases.py does for the corpus: each phrase and up to three of its non-ASCII
words as a negative, and their mojibake through the same readings as cases to repair.
Standard library only, deterministic. Usage: make_other_cases.py [OUT.jsonl]
"""
import json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from make_dev_cases import ENCODINGS, mojibake, printable  # noqa: E402


def add_cases(cases: list, seen: set, lang: str, text: str, words: int) -> None:
    """Appends to `cases` the cases of `text` and of up to `words` of its non-ASCII words
    (each once, by `seen`): each as a negative, and its mojibake through every reading."""
    picked = [w for w in text.split() if any(ord(c) > 127 for c in w)][:words]
    for t in [text] + picked:
        if t in seen:
            continue
        seen.add(t)
        cases.append({"lang": lang, "kind": "negative", "encoding": "", "input": t, "expected": t})
        variants = [(enc, mojibake(t, enc)) for enc in ENCODINGS]
        variants += [("cp1252x2", mojibake(t, "cp1252", 2)), ("cp1252x3", mojibake(t, "cp1252", 3))]
        for enc, bad in variants:
            if bad != t and printable(bad, c1_ok=True):
                cases.append({"lang": lang, "kind": "fix", "encoding": enc, "input": bad, "expected": t})


def document_fix(case_id: str, document: str, encoding: str, text: str, expected: str) -> dict:
    """A case of a corpus document (`NNN_LANG_HASH.md`): `text` is to repair to `expected`."""
    return {"id": case_id, "lang": document.split("_")[1], "kind": "fix",
            "encoding": encoding, "input": text, "expected": expected}


def write_cases(cases: list, out_path: str) -> None:
    with open(out_path, "w", encoding="utf-8") as f:
        for c in cases:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")


def main(out_path: str) -> None:
    cases, seen = [], set()
    for line in open(os.path.join(HERE, "other-languages.tsv"), encoding="utf-8"):
        lang, text = line.rstrip("\n").split("\t")
        add_cases(cases, seen, lang, text, 3)
    write_cases(cases, out_path)
    print(f"wrote {len(cases)} cases", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "other-language-cases.jsonl"))
