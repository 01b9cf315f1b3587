"""The document model: offsets map to the right line and column for every input kind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.core.document import Document
from lint.core.reading import ReadError, decode, read_bytes

TEXT = "Headline here\n\nFirst para with Zhanaozen.\nSecond line — Алматы.\n\nLast one."


@pytest.mark.parametrize(
    "encoded",
    [
        TEXT.encode("utf-8"),
        TEXT.replace("\n", "\r\n").encode("utf-8"),
        TEXT.replace("\n", "\r").encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
    ],
    ids=["lf", "crlf", "cr", "utf8-bom", "utf16-bom"],
)
def test_offsets_round_trip_for_every_encoding_and_line_ending(encoded):
    decoded = decode(encoded)
    assert decoded.text == TEXT
    doc = Document("a.txt", decoded.text)
    for word, expected in (("Zhanaozen", (3, 17)), ("Алматы", (4, 15)), ("Last", (6, 1))):
        assert doc.position(decoded.text.index(word)) == expected
    assert decoded.encode(decoded.text) == encoded


def test_binary_and_invalid_utf8():
    with pytest.raises(ReadError, match="binary"):
        decode(b"PK\x03\x04\x00\x00binary")
    decoded = decode("Caf\xe9 au lait\nnext".encode("latin-1"))
    assert decoded.replaced == (3,)
    assert Document("x.txt", decoded.text).position(decoded.text.index("next")) == (2, 1)


def test_markdown_masks_code_links_and_front_matter_keeping_offsets():
    text = "---\ntitle: Protests\nsource: https://apnews.com/x\n---\n# Head\n\nSee [AP](https://apnews.com/a) and `undefined`.\n\n```\nundefined\n```\n"
    doc = Document("a.md", text)
    assert doc.front_matter == {"title": "Protests", "source": "https://apnews.com/x"}
    assert len(doc.prose) == len(text)
    assert "undefined" not in doc.prose
    assert "https" not in doc.prose
    assert "AP" in doc.prose
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "code"]
    assert doc.title == "Protests"
    link = doc.links[0]
    assert link.url == "https://apnews.com/a" and text[link.start:link.end] == link.url
    assert doc.position(link.start) == (7, 10)


def test_plain_text_joins_only_continued_lines():
    text = "Security clampdown on Kazakh town\n\nThe channel broadcast a video on Friday when \noil workers stormed the stage.\nA new paragraph starts here.\n"
    doc = Document("a.txt", text)
    kinds = [(b.kind, doc.position(b.start)[0]) for b in doc.blocks]
    assert kinds == [("heading", 1), ("paragraph", 3), ("paragraph", 5)]
    assert doc.title == "Security clampdown on Kazakh town"


WRAPPED = """Farmers block roads around Paris

Hundreds of tractors converged on the ring roads around Paris on Monday
morning, as French farmers resumed protests against the trade agreement
that the European Union is negotiating with the Mercosur countries of
South America.

Related Stories
Seville fails to make final
Thompson: I will be back

The restrictions had limited water use and cut water for agriculture by
80%. For almost three years, the region of nearly 6 million people had
lived with what the Catalan Water Agency described as "the worst drought
since records began." The agency lifted the last of them in the spring.
Original article: https://www.lemonde.fr/article/2026/11/18/a.html
"""


def test_hard_wrapped_plain_text_is_read_a_paragraph_at_a_time():
    """Text wrapped at one width (pandoc's plain output, written for this test): a line broken because
    the next word did not fit continues into that word, capitalised or not; a stack of short lines (a
    list of teasers) is no wrap and stays line by line."""
    doc = Document("a.txt", WRAPPED)
    starts = [doc.position(b.start)[0] for b in doc.blocks]
    assert starts == [1, 3, 8, 9, 10, 12, 16]  # a line after a sentence's end may open a paragraph
    assert " ".join(doc.prose[doc.blocks[1].start:doc.blocks[1].end].split()).endswith("of South America.")


def test_sentences_respect_abbreviations_and_map_back():
    text = "Mr. Tokayev spoke in Almaty. He said 12 people died! Police left at 5 p.m. on Friday."
    doc = Document("a.txt", text)
    sentences = [doc.sentence_text(s) for s in doc.sentences]
    assert sentences == ["Mr. Tokayev spoke in Almaty.", "He said 12 people died!", "Police left at 5 p.m. on Friday."]


def test_txt_with_markdown_hints_is_parsed_as_markdown():
    doc = Document("a.txt", "### Source:\n\n1. [The Telegraph](http://www.telegraph.co.uk/news/1.html)\n")
    assert doc.is_markdown
    assert [b.kind for b in doc.blocks] == ["heading", "list_item"]
    assert doc.blocks[1].section == "Source:"


def test_empty_and_whitespace_documents():
    for text in ("", "   \n\n\t\n"):
        doc = Document("e.txt", text)
        assert doc.blocks == [] and doc.sentences == [] and doc.position(0) == (1, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It cost $375m. As a result shares fell.", ["It cost $375m.", "As a result shares fell."]),
        ("They went to Parker's. The end came.", ["They went to Parker's.", "The end came."]),
        ("Then A. B. Jones spoke. He left.", ["Then A. B. Jones spoke.", "He left."]),
        ("He lives at No. 10 Downing Street. He said no. Then he left.",
         ["He lives at No. 10 Downing Street.", "He said no.", "Then he left."]),
    ],
)
def test_sentence_boundaries_after_units_possessives_and_initials(text, expected):
    doc = Document("a.txt", text)
    assert [doc.sentence_text(s) for s in doc.sentences] == expected


# -- Markdown of headings and paragraphs only: read without markdown-it --------------------------

_LINES = ["# A headline", "## Crosshead ##", "###### six", "####### seven is text", "#hashtag is text", "#", "##  ",
          "Police said 12 people were killed.", "It is a [link](http://example.com/a) and `code`.", "2011 was a year",
          "1999. A year, not a list", "3) item", "- item", "* item", "+ item", "> quoted", "    indented", "\tTab",
          "---", "===", "***", "___", "<div>", "```", "~~~", "| a | b |", ":--", "[1]: http://example.com", "[Read](x)",
          "“Quoted,” he said.", "élan vital", "\u00a0", " ", "", "", ""]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_LINES), max_size=14), st.booleans())
def test_headings_and_paragraphs_read_without_markdown_it_as_markdown_it_reads_them(lines, front_matter):
    """The fast path (Document._parse_headings_and_paragraphs) gives the blocks and prose that
    markdown-it's parse gives, on any mix of the lines it takes and the lines it leaves to it."""
    text = ("---\ntitle: x\n---\n" if front_matter else "") + "\n".join(lines) + "\n"
    fast = Document("a.md", text)
    slow = Document.__new__(Document)
    original = Document._parse_headings_and_paragraphs
    try:
        Document._parse_headings_and_paragraphs = lambda self: False
        slow.__init__("a.md", text)
    finally:
        Document._parse_headings_and_paragraphs = original
    assert (fast.blocks, fast.prose) == (slow.blocks, slow.prose)


def test_an_article_of_headings_and_paragraphs_never_imports_markdown_it():
    import subprocess
    import sys

    code = ("import sys\nfrom lint.core.document import Document\n"
            "doc = Document('a.md', '---\\ntitle: x\\n---\\n# Headline\\n\\nPolice said [this](http://x.org).\\n"
            "Another line.\\n## Crosshead\\nMore text.\\n')\n"
            "print([(b.kind, b.level) for b in doc.blocks], 'markdown_it' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parents[1])
    assert done.stdout.strip() == "[('heading', 1), ('paragraph', 0), ('heading', 2), ('paragraph', 0)] False"


@pytest.mark.parametrize("size", [0, 1, 99, 100])
def test_a_file_up_to_the_size_limit_is_read_whole(tmp_path, size):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * size)
    assert read_bytes(path, limit=100) == b"x" * size


def test_a_file_over_the_size_limit_is_refused_with_its_size(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 101)
    with pytest.raises(ReadError, match="file too large \\(101 bytes; the limit is 100"):
        read_bytes(path, limit=100)


@pytest.mark.parametrize(("stated", "written", "refused"), [(10, 50, False), (10, 100, False), (10, 101, True),
                                                             (0, 7, False)])
def test_a_file_that_grew_after_its_size_was_read_is_read_to_the_limit(tmp_path, monkeypatch, stated, written,
                                                                       refused):
    """The read is sized by fstat's answer; bytes written after it are still read (or refused past the limit)."""
    path = tmp_path / "a.txt"
    path.write_bytes(b"y" * written)
    real_fstat = os.fstat

    def stale_fstat(fd):
        info = real_fstat(fd)
        return os.stat_result((info.st_mode, *info[1:6], stated, *info[7:]))

    monkeypatch.setattr(os, "fstat", stale_fstat)
    if refused:
        with pytest.raises(ReadError, match="over 100 bytes"):
            read_bytes(path, limit=100)
    else:
        assert read_bytes(path, limit=100) == b"y" * written
