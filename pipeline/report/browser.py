"""Headless Chromium for looking at reports as a person would: the rendered DOM and a screenshot.

Used by the report tests and by `news-extract report --screenshot`. Chromium is Debian's package
(`/usr/bin/chromium`); the flags keep it off the network (this tool's machines have none) and out
of the user's profile.
"""
from __future__ import annotations

import shutil
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars"]


class NoBrowser(RuntimeError):
    pass


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise NoBrowser("no Chromium found: install Debian's `chromium` package (make test does)")


def _run(args: list[str], timeout: float) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        return subprocess.run([chromium(), *FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=timeout, check=False)


def rendered_dom(page: Path, timeout: float = 60) -> str:
    """The DOM after Chromium has loaded and laid out the page."""
    done = _run(["--dump-dom", Path(page).resolve().as_uri()], timeout)
    if not done.stdout.strip():
        raise RuntimeError(f"Chromium rendered nothing for {page}: {done.stderr.strip()[-300:]}")
    return done.stdout


def screenshot(page: Path, png: Path, width: int = 1280, height: int = 1400, timeout: float = 60) -> Path:
    png = Path(png).resolve()
    png.unlink(missing_ok=True)
    _run([f"--screenshot={png}", f"--window-size={width},{height}", Path(page).resolve().as_uri()], timeout)
    if not png.exists():
        raise RuntimeError(f"Chromium wrote no screenshot of {page}")
    return png


def ink(png: Path) -> float:
    """Share of the image's bytes that differ from its most common byte: 0 for a blank page."""
    data = Path(png).read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{png} is not a PNG")
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    pixels = zlib.decompress(idat)
    counts = [0] * 256
    for byte in pixels[::7]:  # a sample is plenty to tell a blank page from a report
        counts[byte] += 1
    total = sum(counts)
    return 1 - max(counts) / total if total else 0.0
