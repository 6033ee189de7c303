"""Every id and hash the tables and the run state use, in one place, so their recipes never drift.

Ids are derived from content, never from counters: the same article or person gets the same id on
every run and every machine, which is what makes incremental runs and joins across outputs work.
"""
from __future__ import annotations

import hashlib
from pathlib import Path


def content_id(text: str) -> str:
    """`documents.doc_id`: a hash of the decoded text, so the same article under two names, or in
    two encodings, is one document."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def person_id(canonical: str) -> str:
    """`people.person_id`: from the canonical name, case and spacing insensitive."""
    key = " ".join(canonical.lower().split())
    return "P" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def org_id(canonical: str) -> str:
    """`organizations.org_id`: from the canonical name, case, spacing, apostrophe and leading "the"
    insensitive ("The Care Quality Commission" and "Care Quality Commission" are one id)."""
    key = " ".join(canonical.replace("’", "'").replace("‘", "'").lower().split())
    if key.startswith("the "):
        key = key[4:]
    return "O" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def mention_id(doc_id: str, label: str, start_char: int, end_char: int) -> str:
    """`mentions.mention_id`: the document, the label's initial and the character offsets."""
    return f"{doc_id}:{label[0]}{start_char}-{end_char}"


def file_sha(data: bytes) -> str:
    """The run state's key for an input's bytes."""
    return hashlib.sha256(data).hexdigest()


def metadata_hash(metadata_json: str | None) -> str:
    """Hash of a sidecar record as JSON (None: no sidecar): a changed sidecar means a changed article."""
    return "" if metadata_json is None else hashlib.sha256(metadata_json.encode()).hexdigest()[:16]


def folder_hash(folder: Path, suffixes: tuple[str, ...] | None = None) -> str:
    """Hash of the names and bytes of the files under `folder` (only `suffixes`, when given)."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and (suffixes is None or path.suffix in suffixes):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:10]
