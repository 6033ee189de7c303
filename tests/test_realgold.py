"""The real-text gold scorer on tiny made-up gold, with a fake per-article function (no datasets, no model)."""
import json

from pipeline.eval.external import ADAPTERS, realgold

TEXT = "Mayor Jane Roe met Acme Ltd.\nJohn Doe, chief executive of Acme Ltd, spoke. The GOP said no."


def _sha(text):
    return realgold.text_digest(text)


def _span(text, s, n=0, **extra):
    start = -1
    for _ in range(n + 1):
        start = text.index(s, start + 1)
    return {"start": start, "end": start + len(s), "text": s, **extra}


def _gold(tmp_path, text=TEXT):
    record = {
        "dataset": "polnear", "doc": "a.txt", "text_sha256_b64": _sha(text), "text_source": "data/train/text/a.txt",
        "people": [_span(text, "Jane Roe", canonical="Jane Roe"), _span(text, "John Doe", canonical="John Doe")],
        "roles": [{**_span(text, "Mayor"), "normalized": "mayor", "person": "Jane Roe"},
                  {**_span(text, "chief executive of Acme Ltd"), "normalized": "chief executive of acme ltd",
                   "person": "John Doe"}],
        "orgs": [_span(text, "Acme Ltd", canonical="Acme Ltd", kind="company"),
                 _span(text, "GOP", canonical="GOP", kind="party")],
    }
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    root = tmp_path / "polnear"
    (root / "data/train/text").mkdir(parents=True)
    (root / "data/train/text/a.txt").write_text(text, encoding="utf-8")
    return gold, root


def _fake(body_start=0, person_spans=("Jane Roe", "Doe"), pairs=(("Jane Roe", "mayor"), ("John Doe", "chief executive"))):
    def process(name, data, meta):
        text = data.decode("utf-8")
        mentions = []
        for s in person_spans:
            m = _span(text, s)
            mentions.append({"start_char": m["start"], "end_char": m["end"], "text": s, "label": "PERSON"})
        m = _span(text, "Acme", 1)  # only the second Acme, and partly
        mentions.append({"start_char": m["start"], "end_char": m["end"], "text": "Acme", "label": "ORG"})
        return {"documents": [{"text": text, "body_start": body_start, "body_end": len(text)}], "mentions": mentions,
                "roles": [{"person": p, "role": r} for p, r in pairs], "rejected": []}
    return process


def test_registry_has_the_adapter():
    from pipeline.eval.external import adapter
    assert "realgold" in ADAPTERS and adapter("realgold") is realgold


def test_scores_exact_overlap_pairs_and_orgs(tmp_path):
    gold, root = _gold(tmp_path)
    result = realgold.evaluate(polnear=root, gold={"polnear": gold}, process=_fake())
    s = result["datasets"]["polnear"]["scores"]
    assert result["errors"] == []
    assert (s["PERSON exact"]["tp"], s["PERSON exact"]["fp"], s["PERSON exact"]["fn"]) == (1, 1, 1)
    assert s["PERSON overlap"]["f1"] == 1.0
    assert (s["PAIR exact"]["tp"], s["PAIR exact"]["fn"]) == (1, 1)   # "chief executive" is not the full role
    assert s["PAIR lenient"]["tp"] == 2
    # the party is not an ORG (D33): one gold org, the second "Acme" is a false hit
    assert (s["ORG overlap"]["tp"], s["ORG overlap"]["fp"], s["ORG overlap"]["fn"]) == (0, 1, 1)
    assert result["overall"]["scores"]["PERSON overlap"]["tp"] == 2
    assert result["datasets"]["polnear"]["body_coverage"] == 1.0


def test_parties_count_when_asked(tmp_path):
    gold, root = _gold(tmp_path)
    result = realgold.evaluate(polnear=root, gold={"polnear": gold}, process=_fake(), include_parties=True)
    assert result["datasets"]["polnear"]["scores"]["ORG overlap"]["fn"] == 2


def test_gold_outside_the_body_is_missed_and_reported(tmp_path):
    gold, root = _gold(tmp_path)
    body_start = TEXT.index("John")
    result = realgold.evaluate(polnear=root, gold={"polnear": gold}, process=_fake(body_start, ("Doe",)))
    ds = result["datasets"]["polnear"]
    assert ds["scores"]["PERSON overlap"]["fn"] == 1
    assert ds["body_coverage"] < 1.0
    assert any("outside the predicted body" in m for m in result["documents"][0]["misses"])


def test_changed_text_is_a_clear_error_not_a_score(tmp_path):
    gold, root = _gold(tmp_path)
    (root / "data/train/text/a.txt").write_text(TEXT + " Extra.", encoding="utf-8")
    result = realgold.evaluate(polnear=root, gold={"polnear": gold}, process=_fake())
    assert result["datasets"]["polnear"]["documents"] == 0
    assert "digest" in result["errors"][0] and "a.txt" in result["errors"][0]


def test_missing_file_is_a_clear_error(tmp_path):
    gold, root = _gold(tmp_path)
    (root / "data/train/text/a.txt").unlink()
    result = realgold.evaluate(polnear=root, gold={"polnear": gold}, process=_fake())
    assert "not found" in result["errors"][0]


def test_committed_gold_is_consistent():
    """Every committed span has its string, a canonical or normalized value; pairs name a gold person."""
    kinds = {"council", "school", "trust", "hospital", "care home", "police force", "inspectorate",
             "government department", "regulator", "charity", "company", "party", "media", "other"}
    n = 0
    for dataset, path in realgold.GOLD_FILES.items():
        for rec in realgold.load_gold(path):
            n += 1
            assert rec["dataset"] == dataset and len(rec["text_sha256_b64"]) == 43
            assert all(p["end"] - p["start"] == len(p["text"]) and p["canonical"] for p in rec["people"])
            canon = {p["canonical"] for p in rec["people"]}
            assert all(r["person"] is None or r["person"] in canon for r in rec["roles"])
            assert all(r["normalized"] == r["normalized"].lower() for r in rec["roles"])
            assert all(o["kind"] in kinds and o["end"] - o["start"] == len(o["text"]) for o in rec["orgs"])
            if dataset == "aeb":
                assert rec["doc"][0] in "01234567"   # dev pages only
            else:
                assert rec["text_source"].startswith("data/train/")   # PolNeAR train only
    assert n >= 30


def test_missing_dataset_folder_is_one_clear_error(tmp_path):
    import pytest
    gold, _ = _gold(tmp_path)
    with pytest.raises(FileNotFoundError, match="polnear dataset"):
        realgold.evaluate(polnear=tmp_path / "nowhere", gold={"polnear": gold}, process=_fake())


def test_two_wordings_of_one_post_are_one_pair():
    # D56: "Judge" and "U.S. District Judge" for one person are one post; finding either finds it,
    # and neither wording predicted is a false hit. Different posts of one person stay apart.
    gold = {("emma roe", "district judge"), ("emma roe", "judge"), ("emma roe", "senator"), ("al doe", "mayor")}
    assert len(realgold.posts(gold)) == 3
    c = realgold.match_pairs(gold, {("emma roe", "judge"), ("emma roe", "district judge"), ("al doe", "governor")},
                             lenient=False)
    assert (c.tp, c.fp, c.fn) == (1, 1, 2)
    c = realgold.match_pairs(gold, {("emma roe", "us district judge"), ("al doe", "mayor")}, lenient=True)
    assert (c.tp, c.fp, c.fn) == (2, 0, 1)
    assert realgold.match_pairs(gold, set(), lenient=True).fn == 3
