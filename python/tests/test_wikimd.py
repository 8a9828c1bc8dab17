"""The Python package against the Rust crate's own fixtures: the same results, the same
errors, and parse_files on every core."""

import gc
import json
import os
import sys
import threading
import time
import weakref
from pathlib import Path

import pytest

import wikimd

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "corpus"
NAMES = sorted(p.stem for p in (CORPUS / "reference").glob("*.json"))


def reference(name):
    return json.loads((CORPUS / "reference" / f"{name}.json").read_text(encoding="utf-8"))


def test_the_corpus_is_there():
    assert len(NAMES) >= 90


@pytest.mark.parametrize("kind", ["mojibake", "clean"])
def test_every_corpus_document_gives_its_reference_json(kind):
    for name in NAMES:
        text = (CORPUS / kind / f"{name}.md").read_text(encoding="utf-8")
        assert wikimd.parse(text) == reference(name), f"{kind}/{name}"


def test_the_sample_gives_its_reference_json():
    expected = json.loads((CORPUS / "sample" / "operation-serval.reference.json").read_text())
    for kind in ["mojibake", "clean"]:
        path = CORPUS / "sample" / f"operation-serval.{kind}.md"
        assert wikimd.parse(path.read_text(encoding="utf-8")) == expected
        assert wikimd.parse_file(path) == expected
        assert wikimd.parse(path.read_bytes()) == expected


def test_repair_is_byte_exact_and_leaves_clean_text_alone():
    for name in NAMES:
        bad = (CORPUS / "mojibake" / f"{name}.md").read_text(encoding="utf-8")
        good = (CORPUS / "clean" / f"{name}.md").read_text(encoding="utf-8")
        assert wikimd.repair(bad) == good, name
        assert wikimd.repair(good) is good, f"{name}: clean text is given back as it is"


def test_explain_gives_each_fix_with_str_indices():
    text = "Ünïcödé: cafÃ© – ðŸ‡«ðŸ‡· and ÃƒÂ©tÃƒÂ©"
    fixes = wikimd.explain(text)
    assert [f["after"] for f in fixes] == ["é", "🇫🇷", "é", "é"]
    for fix in fixes:
        start, end = fix["span"]
        assert text[start:end] == fix["before"]
    assert fixes[0]["encoding"] == "windows-1252"
    assert fixes[2]["layers"] == ["windows-1252", "windows-1252"]
    repaired = text
    for fix in reversed(fixes):
        start, end = fix["span"]
        repaired = repaired[:start] + fix["after"] + repaired[end:]
    assert repaired == wikimd.repair(text)


def test_parse_errors_carry_their_position_in_the_text_as_given():
    with pytest.raises(wikimd.ParseError) as caught:
        wikimd.parse("---\ninfoboxes: 5\n---\n")
    err = caught.value
    assert (err.line, err.column, err.offset) == (2, 12, 15)
    assert err.message == "`infoboxes`: expected a list of infoboxes, found a number"
    assert err.path is None
    assert isinstance(err, ValueError)
    # Mojibake before the error: the position is in the text given, not the repaired one.
    text = "---\ntitle: CafÃ© Ã© Ã©\ninfoboxes: 5\n---\n"
    with pytest.raises(wikimd.ParseError) as caught:
        wikimd.parse(text)
    err = caught.value
    assert (err.line, err.column) == (3, 12)
    assert text.encode()[err.offset : err.offset + 1] == b"5"


def test_bytes_that_are_not_utf8_are_a_unicode_decode_error_at_the_byte():
    with pytest.raises(UnicodeDecodeError) as caught:
        wikimd.parse(b"---\ntitle: caf\xe9\n---\n")
    assert (caught.value.start, caught.value.encoding) == (14, "utf-8")


def test_text_that_is_neither_str_nor_bytes_is_a_type_error_saying_so():
    for call in (wikimd.parse, wikimd.repair, wikimd.explain, wikimd.sections):
        for wrong in (None, 5, bytearray(b"text"), ["text"]):
            with pytest.raises(TypeError) as caught:
                call(wrong)
            assert str(caught.value) == f"expected str or bytes, not {type(wrong).__name__}"


def test_every_kind_of_str_reads_as_its_utf8_bytes():
    # CPython keeps a str as one, two or four bytes a character (ASCII and Latin-1, the
    # rest of the first plane, emoji); each is copied out its own way, sixteen or eight
    # characters a step where the processor can: the text read must be the one the bytes
    # give.
    texts = ["plain ASCII " * 9, "Café, Zürich. " * 7, "Київ — Ἀθῆναι, 東京. " * 5]
    texts += ["🇫🇷 Paris, " * 6, "a" * 31 + "é", "ж" * 15 + "🇫" + "ж" * 17, ""]
    for text in texts:
        assert wikimd.repair(text) == text
        page = f"---\ntitle: {text!r}\n---\n\n{text}\n\n * {text}\n"
        assert wikimd.parse(page) == wikimd.parse(page.encode("utf-8")), text

    class Misleading(str):
        # What CPython reports is read, not what a subclass says.
        def __len__(self):
            return 10**6

        def isascii(self):
            return False

    assert wikimd.repair(Misleading("Київ, " * 20)) == "Київ, " * 20
    assert wikimd.repair(Misleading("ASCII " * 20)) == "ASCII " * 20
    for name in NAMES:
        path = CORPUS / "mojibake" / f"{name}.md"
        assert wikimd.repair(path.read_text(encoding="utf-8")).encode("utf-8") == (
            CORPUS / "clean" / f"{name}.md"
        ).read_bytes(), name


def test_every_kind_of_string_made_holds_its_text():
    # A string that is not ASCII is made from its UTF-16 where the processor has AVX-512
    # (thirty-two bytes a step): each kind of character, at the places a step starts and
    # ends, and a first character U+FEFF, which is a character there, not a byte-order
    # mark to drop.
    kinds = ["é", "ж", "—", "দ", "東", "🇫", "\ufeff"]
    texts = ["\ufeffKyiv", "\ufeff", "Київ 🇫🇷 — Ἀθῆναι, 東京", "🇫🇷" * 40]
    # Strings under 32 bytes are checked for ASCII apart: either side of that length,
    # ASCII and not.
    for n in (1, 7, 8, 29, 30, 31, 32, 33):
        texts += ["k" * n, "k" * (n - 1) + "é", "é" + "k" * n]
    for kind in kinds:
        for at in [0, 1, 15, 16, 31, 32, 33, 63, 64, 65]:
            texts.append("a" * at + kind + "b" * (70 - at))
            texts.append("ж" * at + kind)
    for text in texts:
        page = f"---\ntitle: {json.dumps(text, ensure_ascii=False)}\n---\n\nx {text}\n"
        doc = wikimd.parse(page, repair=False)
        assert doc["title"] == text
        assert doc["sections"][0]["paragraphs"] == [f"x {text}"]


def test_a_str_with_a_lone_surrogate_is_a_unicode_encode_error():
    for text in ["a\ud800b", "Київ \udfff" * 20, "x" * 40 + "\udc00"]:
        for call in (wikimd.repair, wikimd.parse):
            with pytest.raises(UnicodeEncodeError) as caught:
                call(text)
            assert caught.value.reason == "surrogates not allowed"


def test_parse_file_errors_name_the_file(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text("---\ninfoboxes: 5\n---\n")
    with pytest.raises(wikimd.ParseError) as caught:
        wikimd.parse_file(bad)
    assert caught.value.path == str(bad)
    assert str(caught.value).startswith(f"{bad}:2:12: ")
    latin1 = tmp_path / "latin1.md"
    latin1.write_bytes(b"caf\xe9")
    with pytest.raises(UnicodeDecodeError) as caught:
        wikimd.parse_file(latin1)
    assert caught.value.start == 3
    with pytest.raises(FileNotFoundError):
        wikimd.parse_file(tmp_path / "missing.md")


def test_options_are_those_of_the_command():
    text = "---\ntitle: CafÃ©\n---\n\n * a\nlazy\n"
    assert wikimd.parse(text)["title"] == "Café"
    assert wikimd.parse(text, repair=False)["title"] == "CafÃ©"
    assert wikimd.parse(text)["sections"][0]["lists"] == [["a"]]
    assert wikimd.parse(text, strict_commonmark=True)["sections"][0]["lists"] == [["a lazy"]]


def test_parse_files_gives_every_file_in_order_with_errors_as_objects(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text("---\ninfoboxes: 5\n---\n")
    paths = [CORPUS / "mojibake" / f"{name}.md" for name in NAMES]
    paths.insert(3, bad)
    paths.insert(7, tmp_path / "missing.md")
    for threads in [1, 3, None]:
        results = list(wikimd.parse_files(paths, threads=threads))
        assert [p for p, _ in results] == [str(p) for p in paths]
        assert isinstance(results[3][1], wikimd.ParseError)
        assert (results[3][1].line, results[3][1].path) == (2, str(bad))
        assert isinstance(results[7][1], FileNotFoundError)
        documents = [r for i, (_, r) in enumerate(results) if i not in (3, 7)]
        assert documents == [reference(name) for name in NAMES]


def test_an_abandoned_parse_files_stops_its_threads():
    paths = [CORPUS / "clean" / f"{name}.md" for name in NAMES] * 50
    before = threading.active_count()
    for _ in range(20):
        it = wikimd.parse_files(paths, threads=4)
        next(it)
        del it
    assert threading.active_count() == before


def test_parse_files_on_one_thread_reads_ahead_for_a_switch_interval(tmp_path):
    # Taking the interpreter back after a file waits for a switch interval whenever another
    # Python thread runs (5 ms a file, 240 times the parse over the corpus): on one thread,
    # parse_files reads on, released, until a switch interval has passed (or 64 files).
    paths = [tmp_path / f"{n}.md" for n in range(5)]

    def titles(interval):
        for path in paths:
            path.write_text("---\ntitle: before\n---\n")
        old = sys.getswitchinterval()
        sys.setswitchinterval(interval)
        try:
            it = wikimd.parse_files(paths, threads=1)
            first = next(it)[1]["title"]
            for path in paths:
                path.write_text("---\ntitle: after\n---\n")
            return [first] + [doc["title"] for _, doc in it]
        finally:
            sys.setswitchinterval(old)

    assert titles(60.0) == ["before"] * 5
    assert titles(1e-6) == ["before"] + ["after"] * 4


def counting_during(work):
    """How long (in seconds of its own full speed) a Python thread counts while `work`
    runs on this thread, and how long `work` took."""
    count = [0]
    stop = threading.Event()
    started = threading.Event()

    def spin():
        started.set()
        while not stop.is_set():
            count[0] += 1

    thread = threading.Thread(target=spin)
    thread.start()
    started.wait()
    # The counter's full speed, this thread asleep.
    before = count[0]
    time.sleep(0.1)
    rate = (count[0] - before) / 0.1
    before, start = count[0], time.perf_counter()
    work()
    took = time.perf_counter() - start
    counted = count[0] - before
    stop.set()
    thread.join()
    return counted / rate, took


def repeated_for(call, seconds):
    """`call` repeated until `seconds` have passed: the same work takes a tenth of a second
    on one machine and half a second on another, and a count of calls fixed from one timed
    call comes out short when that call was slow (cold caches, a busy machine)."""

    def work():
        start = time.perf_counter()
        while time.perf_counter() - start < seconds:
            call()

    return work


def test_the_interpreter_is_released_while_rust_works():
    # A call that kept the interpreter for its whole length would let the other thread
    # count only in the switch intervals around it (5 ms each). Released, the other thread
    # counts on through the call: on the other core, or in time slices of a shared one.
    # Each call takes tens of milliseconds (the corpus at once), so that the switch
    # intervals between calls are a small part of the whole; the calls are repeated for
    # about 0.3 s, enough to tell.
    big = "".join((CORPUS / "mojibake" / f"{name}.md").read_text() for name in NAMES)
    paths = [CORPUS / "mojibake" / f"{name}.md" for name in NAMES]
    works = {
        "parse": repeated_for(lambda: wikimd._wikimd._parse_only(big * 3), 0.3),
        "repair": repeated_for(lambda: wikimd.repair(big), 0.3),
        "parse_files": repeated_for(lambda: list(wikimd.parse_files(paths * 3, threads=1)), 0.3),
    }
    for name, work in works.items():
        counted, took = counting_during(work)
        assert counted > 0.3 * took, f"{name}: counted {counted:.3f} s in {took:.3f} s"


def test_a_short_text_keeps_the_interpreter_and_a_long_one_releases_it():
    # Releasing the interpreter for a short text would cost a switch interval each call
    # whenever another thread runs (a 20 kB article 50 times its parse): a text under
    # 256 kB is worked on holding it, a longer one with it released. Another thread,
    # spinning, counts only while it has the interpreter: never during short calls that end
    # well before a switch interval (here 0.5 s) forces a switch.
    short = (CORPUS / "mojibake" / f"{NAMES[0]}.md").read_text()
    long = "".join((CORPUS / "mojibake" / f"{name}.md").read_text() for name in NAMES)
    assert len(short.encode()) < 256 * 1024 <= len(long.encode())
    count = [0]
    stop = threading.Event()

    def spin():
        while not stop.is_set():
            count[0] += 1

    old = sys.getswitchinterval()
    sys.setswitchinterval(0.5)
    thread = threading.Thread(target=spin)
    thread.start()
    try:
        counted = {}
        for name, call, text in [
            ("parse", wikimd.parse, short),
            ("repair", wikimd.repair, short),
            ("sections", wikimd.sections, short),
            ("explain", wikimd.explain, short),
            ("parse, long", wikimd.parse, long),
        ]:
            call(text)  # the interpreter taken back from the other thread first
            before = count[0]
            call(text)
            counted[name] = count[0] - before
    finally:
        stop.set()
        thread.join()
        sys.setswitchinterval(old)
    long_count = counted.pop("parse, long")
    assert counted == {"parse": 0, "repair": 0, "sections": 0, "explain": 0}
    assert long_count > 0


def best_time(paths, threads, runs=3):
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        for _ in wikimd.parse_files(paths, threads=threads):
            pass
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: nothing to run in parallel")
@pytest.mark.skipif(
    os.environ.get("WIKIMD_TIMING") != "1",
    reason="a timing, run with WIKIMD_TIMING=1 on a quiet machine (python/benches/bench.py)",
)
def test_parse_files_releases_the_interpreter_and_uses_two_cores():
    # Issue #15: eight threads at least 1.8x as fast as one on two cores. Best of three
    # runs each, on the mojibake corpus (repair and parse) thirty times over.
    paths = [CORPUS / "mojibake" / f"{name}.md" for name in NAMES] * 30
    one = best_time(paths, 1)
    eight = best_time(paths, 8)
    print(f"parse_files: 1 thread {one:.3f} s, 8 threads {eight:.3f} s, {one / eight:.2f}x")
    assert one / eight >= 1.8, f"{one:.3f} s on one thread, {eight:.3f} s on eight"


def test_front_matter_values_of_every_type_become_their_python_objects(tmp_path):
    # What `wikimd parse` writes as JSON, as Python objects: numbers stay numbers, keys
    # that are not strings become their text, as in JSON. `parse` makes the objects at
    # once, `parse_files` from a tape written on its threads: the same objects.
    text = (
        "---\ntitle: T\ncount: 3\nratio: 1.5\nflag: true\nnothing: null\nneg: -7\n"
        "huge: 18446744073709551615\nnested:\n  a: [1, \"x\", {b: null}]\n  1: one\n"
        "  true: yes\nempty: []\n---\nText.\n"
    )
    doc = wikimd.parse(text)
    assert {k: v for k, v in doc.items() if k != "sections"} == {
        "title": "T",
        "count": 3,
        "ratio": 1.5,
        "flag": True,
        "nothing": None,
        "neg": -7,
        "huge": 1.8446744073709552e19,
        "nested": {"a": [1, "x", {"b": None}], "1": "one", "true": "yes"},
        "empty": [],
    }
    assert type(doc["count"]) is int and type(doc["huge"]) is float
    assert doc["sections"] == [
        {"level": 0, "title": "", "paragraphs": ["Text."], "lists": [], "tables": [],
         "figures": []}
    ]
    path = tmp_path / "types.md"
    path.write_text(text, encoding="utf-8")
    assert wikimd.parse_file(path) == doc
    for threads in (1, 2):
        [(_, from_tape)] = list(wikimd.parse_files([path], threads=threads))
        assert from_tape == doc
        assert type(from_tape["count"]) is int and type(from_tape["huge"]) is float


def test_the_cycle_collector_is_left_as_it_was_found():
    # The collector is held off while a document's objects are made, then set back:
    # on if it was on, off if the caller had turned it off.
    path = CORPUS / "sample" / "operation-serval.mojibake.md"
    text = path.read_text(encoding="utf-8")
    assert gc.isenabled()
    try:
        wikimd.parse(text)
        wikimd.parse_file(path)
        list(wikimd.parse_files([path] * 3, threads=2))
        assert gc.isenabled()
        gc.disable()
        wikimd.parse(text)
        list(wikimd.parse_files([path] * 3, threads=1))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_cycle_collector_still_runs_between_documents():
    # Held off inside each call, the collector still counts what the calls leave behind
    # and runs between them: garbage in cycles made alongside a loop of parses is
    # collected during the loop, as it would be without them.
    class Node:
        pass

    text = (CORPUS / "sample" / "operation-serval.clean.md").read_text(encoding="utf-8")
    gc.collect()
    first = None
    for _ in range(1000):
        wikimd.parse(text)
        node = Node()
        node.ring = [node]
        if first is None:
            first = weakref.ref(node)
        del node
    assert first() is None


def test_sections_give_heading_paths_and_plain_text():
    text = "---\ntitle: T\n---\nLead Ã©.\n\n## A\n\n * x\n * y\n\n### B\n\nText.\n\n## C\n"
    rows = wikimd.sections(text)
    assert [r["heading_path"] for r in rows] == [[], ["A"], ["A", "B"], ["C"]]
    assert [r["level"] for r in rows] == [0, 2, 3, 2]
    assert [r["title"] for r in rows] == ["", "A", "B", "C"]
    assert rows[0]["plain_text"] == "Lead é."
    assert rows[1]["plain_text"] == "x\ny"
    assert wikimd.sections(text, repair=False)[0]["plain_text"] == "Lead Ã©."
    with pytest.raises(wikimd.ParseError):
        wikimd.sections("---\ninfoboxes: 5\n---\n")
