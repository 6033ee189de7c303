"""The benchmark's synthetic corpus: real page furniture, recombined bodies, no two alike."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import bench  # noqa: E402


def test_synthetic_corpus_is_varied_and_keeps_page_furniture(tmp_path):
    bodies = bench.build_corpus(tmp_path, 12)
    files = sorted(tmp_path.glob("*.txt"))
    assert len(files) == len(bodies) == 12
    assert len({f.read_text(encoding="utf-8") for f in files}) == 12  # strings vary
    assert all(len(b.split()) > 100 for b in bodies)
    raw_headers = {bench.split_page(p)[0] for p in (ROOT / "corpus" / "raw").glob("*.txt")}
    assert {bench.split_page(f)[0] for f in files} <= raw_headers
