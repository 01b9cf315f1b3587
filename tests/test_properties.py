"""Property tests (hypothesis): for any bytes or text, kzlint's per-document work never raises,
every finding lies inside the document, line endings and BOMs do not move findings, and --fix
leaves nothing fixable behind and is idempotent.

Every rule runs (ALL selected) except KZ201, which would ask a LanguageTool server: tests stay
offline. A custom substitution rule (KZ990) makes sure a fixable rule exists whatever the state
of the other families. Texts are drawn from an alphabet of Markdown and news-prose fragments,
so that parsers and rules meet their awkward cases, plus arbitrary Unicode.
"""

from __future__ import annotations

import codecs
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.config import load
from lint.core.document import Document
from lint.core.findings import from_record
from lint.core.reading import ReadError, decode
from lint.engine.document import process_text
from lint.engine.fixes import fix_text, linter
from lint.engine.selection import build_rules

CONFIG_TEXT = """\
custom-rules:
  - code: KZ990
    name: house-capital
    message: "write Astana, not {text}"
    swap: {"Nur-Sultan": "Astana", "Astana city": "Astana"}
"""

FRAGMENTS = [
    "The mayor said on Monday", " that ", "police ", "killed ", "at least 10 people", "Nur-Sultan", "Astana city",
    ". ", "! ", "? ", ", ", "\"", "“", "”", "'", "’", "(", ")", "[", "]", "](http://example.com/a)", "](/x.md)",
    "http://bbc.co.uk/news/1", "<https://t.co/x>", "`", "```\n", "~~~\n", "<!--", "-->", "<div>", "</div>",
    "\n", "\n\n", "  \n", "\t", "# ", "## ", "### ", "> ", ">", "- ", "* ", "1. ", "2) ", "    ",
    "---\n", "...\n", "title: x\n", "date: 2021-13-45\n", "&a ", "*a ", "!!python/object ",
    "<!-- kzlint-disable-next-line KZ102 -->\n", "kzlint: disable-next-line\n", "<!-- kzlint-disable -->",
    "<!-- kzlint-enable -->", "Read more: ", "Advertisement\n", "Share this article\n", "undefined\n",
    "According to sources, ", "officials said", "Reuters reported", "25%", "1,000", "$5m", "3.5 million",
    "Mr. ", "U.S. ", "e.g. ", "…", "—", "\u00a0", "\u200b", "\ufeff", "\ufffd", "\u2028", "\x0c", "\x00",
    "é", "Қазақстан", "Алматы", "中文", "🙂", "A", "a", "0", " ",
]
texts = st.one_of(
    st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join),
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=40).map("".join),
)
paths = st.sampled_from(["article.md", "article.txt", "notes.markdown"])
# KZLINT_EXAMPLES=5000 searches harder (minutes); the default keeps the suite quick.
SETTINGS = settings(max_examples=int(os.environ.get("KZLINT_EXAMPLES", "150")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def rules(tmp_path_factory):
    config_file = tmp_path_factory.mktemp("properties") / "rules.yaml"
    config_file.write_text(CONFIG_TEXT, encoding="utf-8")
    config = load(config_file)
    chosen = build_rules(config, select=["ALL"], ignore=["KZ201"])
    for rule in chosen:
        rule.prepare()
    return config, chosen


def normalised(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def assert_inside(text: str, findings) -> None:
    lines = text.split("\n")
    for finding in findings:
        assert finding.code != "KZ000", finding.message  # a rule crashed on this text
        assert 1 <= finding.line <= len(lines), (finding, len(lines))
        assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1, (finding, lines[finding.line - 1])
        assert 1 <= finding.end_line <= len(lines), finding
        assert 1 <= finding.end_column <= len(lines[finding.end_line - 1]) + 1, finding
        assert (finding.line, finding.column) <= (finding.end_line, finding.end_column), finding


@SETTINGS
@given(data=st.binary(max_size=400))
def test_decoding_any_bytes_either_succeeds_or_says_why(data):
    try:
        decoded = decode(data)
    except ReadError as exc:
        assert str(exc)
        return
    assert "\r" not in decoded.text
    if not decoded.replaced and decoded.newline is not None:
        assert decoded.encode(decoded.text) == data  # what --fix relies on: an exact round trip


@SETTINGS
@given(text=texts, path=paths)
def test_processing_any_text_never_raises_and_findings_lie_inside(rules, text, path):
    _, chosen = rules
    text = normalised(text)
    record = process_text(text, path, chosen)
    assert_inside(text, [from_record(r) for r in record["findings"]])


@SETTINGS
@given(text=texts, path=paths)
def test_document_model_invariants(text, path):
    text = normalised(text)
    doc = Document(path, text)
    assert len(doc.prose) == len(doc.text) == len(text)
    assert [i for i, c in enumerate(doc.prose) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= len(text)
    for sentence in doc.sentences:
        block = doc.blocks[sentence.block]
        assert block.start <= sentence.start < sentence.end <= block.end
    for link in doc.links:
        assert 0 <= link.start <= link.end <= len(text)


@SETTINGS
@given(text=st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join),
       style=st.sampled_from(["crlf", "cr", "bom", "utf-16"]))
def test_line_endings_and_boms_do_not_move_findings(rules, text, style):
    _, chosen = rules
    text = normalised(text).replace("\x00", "").lstrip("\ufeff")
    plain = decode(text.encode("utf-8")) if "\x00" not in text else None
    encoded = {
        "crlf": text.replace("\n", "\r\n").encode("utf-8"),
        "cr": text.replace("\n", "\r").encode("utf-8"),
        "bom": codecs.BOM_UTF8 + text.encode("utf-8"),
        "utf-16": codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    }[style]
    other = decode(encoded)
    assert plain is not None and other.text == plain.text
    first = process_text(plain.text, "a.txt", chosen)["findings"]
    second = process_text(other.text, "a.txt", chosen)["findings"]
    assert first == second


@SETTINGS
@given(text=texts, path=paths)
def test_fix_leaves_nothing_fixable_and_is_idempotent(rules, text, path):
    config, chosen = rules
    lint = linter(config, chosen)
    text = normalised(text)
    after, _fixed, converged = fix_text(text, path, lint)
    if converged:
        assert not [f for f in lint(after, path) if f.fix is not None and f.fix.safe]
        assert fix_text(after, path, lint)[0] == after
    assert_inside(after, lint(after, path))
