"""Which way round an article writes numeric dates: day first ("dmy", the default: UK news) or
month first ("mdy": American sources). Said by a sidecar (`date_order`, or `locale`), by the
`--date-order` option of `extract`, or by the page's language (`<html lang="en-US">`, `og:locale`)."""
from __future__ import annotations

import re

from ..lexicon import word_set

DATE_ORDERS = ("dmy", "mdy")


class BadDateOrder(ValueError):
    pass


def parse_date_order(value: str | None) -> str | None:
    """ "dmy"/"mdy" (also "day-first", "month-first", "DMY", "US"), or a locale ("en-US", "en_GB",
    "en-us") → "dmy" or "mdy"; None for nothing; BadDateOrder for something else."""
    if value is None or not str(value).strip():
        return None
    t = str(value).strip().lower().replace("_", "-")
    if t in DATE_ORDERS:
        return t
    if t in ("day-first", "dayfirst", "day first"):
        return "dmy"
    if t in ("month-first", "monthfirst", "month first"):
        return "mdy"
    order = date_order_of_locale(t)
    if order is None:
        raise BadDateOrder(f"date order {value!r} is neither dmy, mdy nor a locale such as en-US or en-GB")
    return order


def date_order_of_locale(locale: str | None) -> str | None:
    """ "en-US" → "mdy", "en-GB" → "dmy", "en" → None (a language alone says nothing): the
    month-first regions are listed in patterns/lexicon/month_first_regions.json."""
    if not locale:
        return None
    m = re.match(r"^([a-z]{2,3})(?:[-_]([a-z]{2}|\d{3}))?\b", locale.strip().lower())
    if not m:
        return None
    if not m.group(2):
        return None if m.group(1) != "us" else "mdy"
    return "mdy" if m.group(2) in word_set("month_first_regions") else "dmy"
