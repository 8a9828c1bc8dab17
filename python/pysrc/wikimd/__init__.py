"""wikimd: Wikipedia-derived Markdown with YAML front matter, parsed by the Rust crate.

    >>> import wikimd
    >>> doc = wikimd.parse("---\\ntitle: CafÃ©\\n---\\n\\n## History\\n\\nFounded in 1900.\\n")
    >>> doc["title"]
    'Café'
    >>> doc["sections"][1]["paragraphs"]
    ['Founded in 1900.']

`parse` gives exactly what the `wikimd parse` command gives as JSON (see the contract in
the repository's tests/corpus/CONTRACT.md), as Python objects. `parse_files` parses many
files on Rust threads with the interpreter released.
"""

from ._wikimd import (
    ParseError,
    ParseFiles,
    __version__,
    explain,
    parse,
    parse_file,
    parse_files,
    repair,
    sections,
)

__all__ = [
    "ParseError",
    "ParseFiles",
    "__version__",
    "explain",
    "parse",
    "parse_file",
    "parse_files",
    "repair",
    "sections",
]
