"""Files to decoded text: find articles, decode them, and say clearly why one is refused.

Reading is kept apart from extraction so that a bad file becomes a `rejected` row, never a crash,
and so that the per-article function receives plain bytes it can decode anywhere (a worker, a
cluster node) the same way.
"""
from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass
from pathlib import Path

#: Files larger than this are refused: a news article is a few tens of kilobytes; anything this big
#: is a dump, a binary or a mistake, and would stall the parser.
MAX_BYTES = 2_000_000

#: A metadata.csv may be larger: one row per article of a big collection.
MAX_TABLE_BYTES = 200_000_000

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

    Sorted by relative path so runs are deterministic whatever the file system's order. A broken or
    self-looping symbolic link named like an article is listed as an article, so that reading it
    fails and it gets its `rejected` row (`unreadable`) instead of vanishing without a word. A file
    name that is not valid UTF-8 is kept with its bad bytes escaped (`caf\\xe9.txt`).
    """
    articles, others = [], []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() or _is_dangling_link(p)):
        rel = display_path(path.relative_to(folder).as_posix())
        if any(part.startswith(".") for part in Path(rel).parts):
            continue  # hidden files and folders (.git, .DS_Store) are not input
        (articles if input_format(path) else others).append(SourceFile(path, rel))
    return articles, others


def _is_dangling_link(path: Path) -> bool:
    try:
        return path.is_symlink() and not path.exists()  # exists() is False for a loop too
    except OSError:
        return True


def display_path(name: str) -> str:
    """A path as text that any table or database can hold: bytes of a file name that are not valid
    UTF-8 (Python keeps them as lone surrogates) become backslash escapes."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", errors="backslashreplace")


def read_input(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of an input file, refusing one over `limit` bytes from its size, before reading it
    (a file that grows meanwhile is still read no further than the limit)."""
    size = path.stat().st_size
    if size > limit:
        raise RejectedInput("oversized", f"{size} bytes is over the {limit}-byte limit (not read)")
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise RejectedInput("oversized", f"over the {limit}-byte limit (not read)")
    return data


def normalize_newlines(text: str) -> str:
    """Windows and old-Mac line ends become \\n, so offsets mean the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


#: Byte-order marks, longest first (the UTF-32-LE mark begins with the UTF-16-LE one).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))

#: A UTF-8 file with at most this many invalid bytes (or this share of its bytes) is read with each
#: bad byte replaced by U+FFFD and the count in `documents.warnings`; more, and it is refused.
MAX_INVALID_BYTES = 16
MAX_INVALID_SHARE = 0.01
#: Over this share of invalid bytes the file is not text at all (`binary`), not a mix of encodings.
BINARY_INVALID_SHARE = 0.10
#: Text with this many letters and digits or more must have whitespace between them, at least this
#: share of letters, digits and whitespace together (words are separated), unless it is mostly in
#: a script written without spaces (Chinese, Japanese, Korean, Thai).
MIN_WORDS_CHARS = 200
MIN_WHITESPACE_SHARE = 0.02

_INVISIBLE = re.compile(r"[\s\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_UNSPACED_SCRIPTS = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


@dataclass(frozen=True)
class Decoded:
    """A decoded file: its text, the encoding it was read in, and what the reader had to guess or
    repair (one sentence each; empty when the file was clean UTF-8)."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode(data: bytes, prose: bool = True, limit: int = MAX_BYTES) -> str:
    """Bytes to text (see `decode_file`); refuses empty and binary content."""
    return decode_file(data, prose, limit).text


def decode_file(data: bytes, prose: bool = True, limit: int = MAX_BYTES) -> Decoded:
    """Bytes to text as a careful reader does it, or `RejectedInput` with the reason:

    1. a byte-order mark decides (UTF-8, UTF-16, UTF-32);
    2. else UTF-8 if the bytes are valid UTF-8;
    3. else UTF-8 with a few bad bytes (at most MAX_INVALID_BYTES, or MAX_INVALID_SHARE of the
       file) replaced by U+FFFD, counted in the warnings; a file that shows no UTF-8 at all goes to
    4. charset-normalizer, which picks the legacy encoding (Windows-1252 and the like) whose text
       is least garbled; Windows-1252 wins ties, being the usual one of scraped English pages.
    Then the text must look like text: few control characters, words separated by whitespace, and
    something visible (a file of zero-width characters is `empty`). `prose=False` (a CSV or JSON
    sidecar) skips the words test.
    """
    if len(data) > limit:
        raise RejectedInput("oversized", f"{len(data)} bytes is over the {limit}-byte limit")
    warnings: list[str] = []
    bom = next(((mark, codec) for mark, codec in _BOMS if data.startswith(mark)), None)
    if bom is not None:
        mark, encoding = bom
        text = data[len(mark):].decode(encoding, errors="replace")
        bad = text.count("\ufffd") - (0 if encoding != "utf-8" else data.count(b"\xef\xbf\xbd"))
        if bad > 0:
            warnings.append(f"{bad} invalid {encoding.upper()} sequences replaced by U+FFFD")
    elif not data.strip():
        raise RejectedInput("empty", "the file is empty or holds only whitespace")
    else:
        text, encoding = _decode_unmarked(data, warnings)
    text = normalize_newlines(text)
    if not _INVISIBLE.sub("", text):
        raise RejectedInput("empty", "the file holds no visible text")
    _check_text_like(text, prose)
    return Decoded(text, encoding, tuple(warnings))


def _decode_unmarked(data: bytes, warnings: list[str]) -> tuple[str, str]:
    if b"\x00" in data:
        # UTF-16/32 without a byte-order mark is the only text with NUL bytes
        wide = _wide_without_bom(data)
        if wide is None:
            raise RejectedInput("binary", "the file contains NUL bytes: not a text file")
        warnings.append(f"no byte-order mark: read as {wide[1]} from its pattern of NUL bytes")
        return wide
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if _UTF8_MULTIBYTE.search(data):  # UTF-8 with bad bytes, not another encoding
        if bad <= max(MAX_INVALID_BYTES, MAX_INVALID_SHARE * len(data)):
            warnings.append(f"{bad} byte{'' if bad == 1 else 's'} not valid UTF-8 replaced by U+FFFD")
            return text, "utf-8"
        if bad > BINARY_INVALID_SHARE * len(data) and _detect(data) is None:
            raise RejectedInput("binary", f"{bad} of {len(data)} bytes are not valid UTF-8 and no other "
                                          "encoding reads them as text: not a text file")
        raise RejectedInput("undecodable", f"{bad} of {len(data)} bytes are not valid UTF-8 (over the "
                                           f"{MAX_INVALID_SHARE:.0%} limit): a mix of encodings?")
    match = _detect(data)
    if match is None:
        raise RejectedInput("binary" if bad > BINARY_INVALID_SHARE * len(data) else "undecodable",
                            "not UTF-8, and charset-normalizer finds no encoding that reads it as text")
    warnings.append(f"not UTF-8: decoded as {match[1]} (detected by charset-normalizer)")
    return match


def _wide_without_bom(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) of UTF-32 or UTF-16 text without a byte-order mark, recognized as Latin-script
    text is in them: a NUL in (nearly) every high byte, none in the low ones; else None."""
    for width, codecs_ in ((4, ("utf-32-le", "utf-32-be")), (2, ("utf-16-le", "utf-16-be"))):
        if len(data) % width:
            continue
        for codec in codecs_:
            low = data[0::width] if codec.endswith("le") else data[width - 1::width]
            high = b"".join(data[(k if codec.endswith("le") else k - 1)::width] for k in range(1, width))
            if low.count(0) == 0 and high.count(0) >= 0.9 * len(high):
                try:
                    return data.decode(codec), codec
                except UnicodeDecodeError:
                    return None
    return None


def _detect(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) of charset-normalizer's best reading, Windows-1252 on a tie; None if none.
    Never UTF-16/32 (their text of Latin letters holds NUL bytes, which this text has none of)."""
    from charset_normalizer import from_bytes

    best = None
    for match in from_bytes(data):
        if match.encoding.startswith(("utf_16", "utf_32")):
            continue
        if best is None:
            best = match
        if match.chaos > best.chaos:
            break
        if "cp1252" in match.could_be_from_charset:
            return data.decode("cp1252"), "cp1252"
    return None if best is None else (str(best), best.encoding)


def _check_text_like(text: str, prose: bool = True) -> None:
    control = len(_CONTROL.findall(text))
    if control > max(8, len(text) // 100):
        raise RejectedInput("binary", f"{control} control characters: not a text file")
    bad = text.count("\ufffd")
    if bad > max(MAX_INVALID_BYTES, MAX_INVALID_SHARE * len(text)):
        raise RejectedInput("undecodable", f"{bad} characters could not be decoded")
    if not prose:
        return
    letters = sum(map(str.isalnum, text))
    if not letters:
        raise RejectedInput("empty", "the file holds no letters or digits")
    if letters >= MIN_WORDS_CHARS:
        spaces = sum(map(str.isspace, text))
        if spaces < MIN_WHITESPACE_SHARE * (letters + spaces) and len(_UNSPACED_SCRIPTS.findall(text)) < letters // 3:
            raise RejectedInput("binary", f"{letters} letters and digits with {spaces} spaces between them: "
                                          "not words, not a text file")
