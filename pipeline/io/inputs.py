"""Files to decoded text: find articles, decode them, and say clearly why one is refused.

Reading is kept apart from extraction so that a bad file becomes a `rejected` row, never a crash,
and so that the per-article function receives plain bytes it can decode anywhere (a worker, a
cluster node) the same way.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: Files larger than this are refused: a news article is a few tens of kilobytes; anything this big
#: is a dump, a binary or a mistake, and would stall the parser.
MAX_BYTES = 2_000_000

#: The files read as articles, and how each is read: "text" (a page saved as text: the structure is
#: found in its lines) or "html" (a saved web page: pipeline/structure/html.py).
ARTICLE_FORMATS = {".txt": "text", ".html": "html", ".htm": "html"}
ARTICLE_SUFFIX = ".txt"  # the plain-text form; kept for callers that name it


def input_format(path: str | Path) -> str | None:
    """"text", "html", or None for a file that is not an article."""
    return ARTICLE_FORMATS.get(Path(path).suffix.lower())


class RejectedInput(Exception):
    """An input that cannot be processed; `reason` is a short code, the message says why."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class SourceFile:
    """One file found under the input folder."""

    path: Path
    relative_path: str


def find_inputs(folder: Path) -> tuple[list[SourceFile], list[SourceFile]]:
    """Every file under `folder`, recursively, split into articles (*.txt, *.html, *.htm) and other files.

    Sorted by relative path so runs are deterministic whatever the file system's order.
    """
    articles, others = [], []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(folder).as_posix()
        if any(part.startswith(".") for part in Path(rel).parts):
            continue  # hidden files and folders (.git, .DS_Store) are not input
        (articles if input_format(path) else others).append(SourceFile(path, rel))
    return articles, others


def normalize_newlines(text: str) -> str:
    """Windows and old-Mac line ends become \\n, so offsets mean the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (BOM allowed), else Windows-1252; refuse empty and binary content.

    Windows-1252 is the usual encoding of scraped pages that are not UTF-8 (curly quotes as bytes
    0x91-0x94); Latin-1 would decode anything and hide real garbage, so it is not tried.
    """
    if len(data) > MAX_BYTES:
        raise RejectedInput("oversized", f"{len(data)} bytes is over the {MAX_BYTES}-byte limit")
    if not data.strip():
        raise RejectedInput("empty", "the file is empty or holds only whitespace")
    if b"\x00" in data:
        raise RejectedInput("binary", "the file contains NUL bytes: not a text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise RejectedInput("undecodable", f"neither UTF-8 nor Windows-1252: {exc}") from None
    text = normalize_newlines(text)
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\t\f\v")
    if control > max(8, len(text) // 100):
        raise RejectedInput("binary", f"{control} control characters: not a text file")
    if not text.strip():
        raise RejectedInput("empty", "the file holds no visible text")
    return text
