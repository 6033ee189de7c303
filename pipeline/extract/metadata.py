"""What a sidecar says about an article, as the per-article function receives it."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class ArticleMetadata:
    """What a sidecar (metadata.csv or <file>.meta.json) says; it overrides the page."""

    published: dt.date | None = None
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    #: "dmy" (day first, the default) or "mdy" (month first, American sources): how "10/12/98" reads.
    date_order: str | None = None
    author: str | None = None
    #: the article's language as a BCP 47 tag ("en-GB"); the date grammar may use it (day/month order)
    language: str | None = None
    extra: dict = field(default_factory=dict)
