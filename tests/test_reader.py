import pytest

from pipeline.ids import content_id
from pipeline.io.inputs import MAX_BYTES, RejectedInput, decode, find_inputs


def test_utf8_with_bom_and_crlf_is_normalized():
    assert decode("\ufeffHeadline\r\nBody\rEnd".encode("utf-8")) == "Headline\nBody\nEnd"


def test_windows_1252_fallback_keeps_curly_quotes():
    data = "Council \u2018inadequate\u2019 \u201cagain\u201d".encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode(data) == "Council \u2018inadequate\u2019 \u201cagain\u201d"


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"  \n\t\n", "empty"),
    (b"PK\x03\x04\x00\x00binary", "binary"),
    (bytes(range(1, 32)) * 20, "binary"),
    (b"a" * (MAX_BYTES + 1), "oversized"),
    ("caf\u00e9 ".encode() + b"\x81 \x8d\x8f\x90 " * 20, "undecodable"),  # UTF-8 with too many bad bytes
])
def test_bad_inputs_are_rejected_with_a_reason(data, reason):
    with pytest.raises(RejectedInput) as err:
        decode(data)
    assert err.value.reason == reason
    assert str(err.value)


def test_content_id_is_stable_across_encodings():
    text = "Same \u2018article\u2019"
    assert content_id(decode(text.encode("utf-8"))) == content_id(decode(text.encode("cp1252")))


def test_find_inputs_is_recursive_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("x")
    (tmp_path / "one.TXT").write_text("x")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "three.txt").write_text("x")
    articles, others = find_inputs(tmp_path)
    assert [a.relative_path for a in articles] == ["b/two.txt", "one.TXT"]
    assert [o.relative_path for o in others] == ["notes.pdf"]
