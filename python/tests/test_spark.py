"""examples/spark_infoboxes.py on the corpus in local mode (two cores): its Parquet
against the reference JSON. Skipped, with the reason, where Java or pyspark is missing."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import wikimd

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    if shutil.which("java") is None:
        pytest.skip("no Java here: Spark needs a Java runtime (17 or later)")
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install pyspark)")
    pytest.importorskip("pyarrow", reason="pyarrow is not installed (pip install pyarrow)")
    out = tmp_path_factory.mktemp("spark")
    run = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "spark_infoboxes.py"), "--master", "local[2]",
         str(CORPUS / "mojibake"), str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return out


def table(out, name):
    import pyarrow.parquet as pq

    return pq.read_table(out / name).to_pylist()


def references():
    return {
        p.stem: json.loads(p.read_text(encoding="utf-8"))
        for p in sorted((CORPUS / "reference").glob("*.json"))
    }


def name_of(path):
    return Path(path.replace("file:", "")).stem


def test_one_row_per_infobox_field_with_its_text_and_links(output):
    rows = table(output, "infobox_fields")
    refs = references()
    expected = sum(len(ib) for doc in refs.values() for ib in doc.get("infoboxes", []))
    assert len(rows) == expected
    by_key = {(name_of(r["path"]), r["infobox"], r["field"]): r for r in rows}
    assert len(by_key) == len(rows)
    for name, doc in refs.items():
        for index, infobox in enumerate(doc.get("infoboxes", [])):
            for field, value in infobox.items():
                row = by_key[(name, index, field)]
                assert row["text"] == value.get("text"), (name, field)
                pages = [link["page"] for link in value.get("links", []) if "page" in link]
                assert row["link_pages"] == pages, (name, field)
                assert row["title"] == doc.get("title")


def test_one_row_per_section_with_its_heading_path_and_plain_text(output):
    rows = table(output, "sections")
    refs = references()
    assert len(rows) == sum(len(doc["sections"]) for doc in refs.values())
    for name in list(refs)[::10]:  # a sample of documents, against the package itself
        text = (CORPUS / "clean" / f"{name}.md").read_text(encoding="utf-8")
        mine = [r for r in rows if name_of(r["path"]) == name]
        expected = wikimd.sections(text)
        assert [(r["heading_path"], r["level"], r["plain_text"]) for r in mine] == [
            (s["heading_path"], s["level"], s["plain_text"]) for s in expected
        ]
        titles = [s["title"] for s in refs[name]["sections"]]
        assert [r["heading_path"][-1] if r["heading_path"] else "" for r in mine] == titles
    assert table(output, "errors") == []
