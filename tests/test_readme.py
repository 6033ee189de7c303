"""The README's analyst questions run, as written, on the corpus's output and answer something."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent


def analyst_code() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## For analysts", 1)[1].split("\n## ", 1)[0]
    [code] = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    return code


@pytest.mark.model
@pytest.mark.corpus
def test_the_readme_answers_the_analyst_questions_on_the_corpus(raw_output):
    out, _ = raw_output
    code = analyst_code().replace('load("output")', f'load({str(out)!r})')
    scope: dict = {}
    exec(compile(code, "README.md", "exec"), scope)
    inadequate, offices, said, timeline = (scope[n] for n in ("inadequate", "offices", "said", "timeline"))
    assert len(inadequate) > 0 and set(inadequate["rank"]) == {4} and inadequate.organisation.notna().all()
    assert inadequate.when.is_monotonic_decreasing and pd.api.types.is_datetime64_any_dtype(inadequate.when)
    assert len(offices) > 0 and offices.person.notna().all()
    assert len(said) > 0 and (said.speaker == said.speaker.iloc[0]).all()
    assert len(timeline) > 0 and timeline.when.is_monotonic_increasing
