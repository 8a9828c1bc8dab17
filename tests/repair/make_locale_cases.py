#!/usr/bin/env python3
"""Repair cases from real text the project does not hold: this machine's translation catalogs.

Reads the gettext catalogs (.mo) of GLib, GTK, Linux-PAM, PackageKit and a few more under
/usr/share/locale, takes up to PER_LANG translated strings with non-ASCII characters from
each locale (12-160 characters, one line; a fixed random choice), and writes their cases as
make_dev_cases.py does for the corpus: each string and up to two of its non-ASCII words as
negatives, and their mojibake through the same readings. A check on unseen text, not a
test: its output is not kept in the repository (the catalogs differ from machine to
machine). Standard library only.

    python3 tests/repair/make_locale_cases.py [PER_LANG] [OUT.jsonl]   (25, /tmp/locale-cases.jsonl)

Then, e.g.: cargo run --release --example repair_cases -- /tmp/locale-cases.jsonl
"""
import gettext, glob, os, sys, random

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from make_other_cases import add_cases, write_cases  # noqa: E402

DOMAINS = ["glib20", "gtk20", "Linux-PAM", "PackageKit", "shared-mime-info", "gdk-pixbuf", "at-spi2-core", "software-properties"]
rng = random.Random(7)
cases, seen = [], set()
per_lang = int(sys.argv[1]) if len(sys.argv) > 1 else 25
out_path = sys.argv[2] if len(sys.argv) > 2 else "/tmp/locale-cases.jsonl"
for d in sorted(glob.glob("/usr/share/locale/*")):
    lang = os.path.basename(d)
    if lang.startswith("en"):
        continue
    strings = []
    for dom in DOMAINS:
        p = f"{d}/LC_MESSAGES/{dom}.mo"
        if not os.path.exists(p):
            continue
        try:
            with open(p, "rb") as catalog:
                t = gettext.GNUTranslations(catalog)
        except Exception:  # a catalog gettext cannot read (malformed headers): skipped
            continue
        for v in t._catalog.values():
            if isinstance(v, str) and 12 <= len(v) <= 160 and any(ord(c) > 127 for c in v) and "\n" not in v:
                strings.append(v)
    strings = sorted(set(strings))
    if len(strings) < 5:
        continue
    rng.shuffle(strings)
    for text in strings[:per_lang]:
        add_cases(cases, seen, lang, text, 2)
write_cases(cases, out_path)
print(f"wrote {len(cases)} cases from {len({c['lang'] for c in cases})} locales to {out_path}", file=sys.stderr)
