"""Type stubs of the wikimd package (its compiled part is wikimd._wikimd)."""

import os
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple, Union

__version__: str

Document = Dict[str, Any]
"""A document in the shape of the `wikimd parse` JSON: front-matter keys plus `sections`."""

class ParseError(ValueError):
    """A document that does not parse."""

    line: int
    """1-based line of the error."""
    column: int
    """1-based column, in characters."""
    offset: int
    """Byte offset in the UTF-8 text."""
    message: str
    """What went wrong, without the position."""
    path: Optional[str]
    """The file, for parse_file and parse_files; None for parse."""

def repair(text: Union[str, bytes]) -> str:
    """The text with its mojibake repaired; clean text comes back unchanged."""

def explain(text: Union[str, bytes]) -> List[Dict[str, Any]]:
    """Each fix repair makes: span (str indices), encoding, layers, before, after."""

def parse(
    text: Union[str, bytes], *, repair: bool = True, strict_commonmark: bool = False
) -> Document:
    """The document as Python objects. Raises ParseError or UnicodeDecodeError."""

def sections(
    text: Union[str, bytes], *, repair: bool = True, strict_commonmark: bool = False
) -> List[Dict[str, Any]]:
    """Each section as plain text: heading_path, level, title, plain_text."""

def parse_file(
    path: Union[str, "os.PathLike[str]"],
    *,
    repair: bool = True,
    strict_commonmark: bool = False,
) -> Document:
    """parse of a file. Raises OSError, UnicodeDecodeError or ParseError."""

class ParseFiles(Iterator[Tuple[str, Union[Document, Exception]]]):
    """The iterator parse_files returns."""

    def __iter__(self) -> "ParseFiles": ...
    def __next__(self) -> Tuple[str, Union[Document, Exception]]: ...

def parse_files(
    paths: Iterable[Union[str, "os.PathLike[str]"]],
    threads: Optional[int] = None,
    *,
    repair: bool = True,
    strict_commonmark: bool = False,
) -> ParseFiles:
    """(path, document or exception) per file, in order, parsed on Rust threads."""
