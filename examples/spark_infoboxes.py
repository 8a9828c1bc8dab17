"""Infobox fields and section texts of a directory of documents, as Parquet, with Spark.

    pip install ./python 'pyspark>=4' pyarrow
    python3 examples/spark_infoboxes.py tests/corpus/mojibake out/
    python3 examples/spark_infoboxes.py --master spark://host:7077 hdfs:///wiki/ hdfs:///out/

Spark reads the files (any file system it knows), each partition is parsed by wikimd on
the executors (repair included), and two Parquet tables are written:

- OUT/infobox_fields: one row per infobox field: path, title, infobox (its index in the
  document), field, text, link_pages (the pages of its internal links);
- OUT/sections: one row per section: path, heading_path (the titles down to the section),
  level, plain_text.

A document that does not parse is left out and counted in OUT/errors (path, message).
Local mode on every core by default (--master local[*]); every executor needs the wikimd
package installed.
"""

import argparse

from pyspark.sql import SparkSession
from pyspark.sql.types import (
    ArrayType,
    IntegerType,
    StringType,
    StructField,
    StructType,
)

FIELDS = StructType(
    [
        StructField("path", StringType(), False),
        StructField("title", StringType(), True),
        StructField("infobox", IntegerType(), False),
        StructField("field", StringType(), False),
        StructField("text", StringType(), True),
        StructField("link_pages", ArrayType(StringType()), False),
    ]
)
SECTIONS = StructType(
    [
        StructField("path", StringType(), False),
        StructField("heading_path", ArrayType(StringType()), False),
        StructField("level", IntegerType(), False),
        StructField("plain_text", StringType(), False),
    ]
)
ERRORS = StructType(
    [StructField("path", StringType(), False), StructField("message", StringType(), False)]
)


def rows_of(files):
    """(kind, row) for every file of a partition: kind is fields, sections or errors."""
    import wikimd

    for path, data in files:
        try:
            doc = wikimd.parse(bytes(data))
            sections = wikimd.sections(bytes(data))
        except (wikimd.ParseError, UnicodeDecodeError) as error:
            yield "errors", (path, str(error))
            continue
        title = doc.get("title")
        for index, infobox in enumerate(doc.get("infoboxes", [])):
            for field, value in infobox.items():
                pages = [link["page"] for link in value.get("links", []) if "page" in link]
                yield "fields", (path, title, index, field, value.get("text"), pages)
        for section in sections:
            yield "sections", (path, section["heading_path"], section["level"], section["plain_text"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="a directory of documents (*.md)")
    parser.add_argument("output", help="where to write the Parquet tables")
    parser.add_argument("--master", default="local[*]", help="Spark master (default local[*])")
    args = parser.parse_args()

    spark = (
        SparkSession.builder.master(args.master)
        .appName("wikimd infoboxes")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    try:
        sc = spark.sparkContext
        files = sc.binaryFiles(args.input.rstrip("/") + "/*.md", sc.defaultParallelism)
        rows = files.mapPartitions(rows_of).cache()
        for kind, schema in [("fields", FIELDS), ("sections", SECTIONS), ("errors", ERRORS)]:
            table = rows.filter(lambda r, k=kind: r[0] == k).map(lambda r: r[1])
            name = "infobox_fields" if kind == "fields" else kind
            spark.createDataFrame(table, schema).write.mode("overwrite").parquet(
                f"{args.output.rstrip('/')}/{name}"
            )
        print(
            f"{files.count()} documents: {rows.filter(lambda r: r[0] == 'fields').count()} "
            f"infobox fields, {rows.filter(lambda r: r[0] == 'sections').count()} sections, "
            f"{rows.filter(lambda r: r[0] == 'errors').count()} errors"
        )
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
