"""Long blocks are cut (lint.core.document.MAX_BLOCK): a paragraph of 300 KB on one line becomes
blocks of at most 100,000 characters, cut between two sentences, after a space and clear of links,
so that the sentences and links are those of the paragraph read whole."""

from __future__ import annotations

import pytest

from lint.core import document
from lint.core.document import MAX_BLOCK, Document
from lint.core.sentences import split_sentences

SENTENCES = ["At least {i} people were killed in Almaty on Monday, the Interior Ministry said.",
             "Mr. Nazarbayev met the [delegation](https://example.org/{i}) in Astana.",
             "The crowd — some 2,000 strong — moved on; police said “{i} were detained.”"]


def one_line(size: int) -> str:
    parts, total, i = [], 0, 0
    while total < size:
        parts.append(SENTENCES[i % 3].format(i=i))
        total += len(parts[-1]) + 1
        i += 1
    return " ".join(parts) + "\n"


def uncut(path: str, text: str, monkeypatch) -> Document:
    with monkeypatch.context() as patch:
        patch.setattr(document, "MAX_BLOCK", len(text) + 1)
        return Document(path, text)


@pytest.mark.parametrize("path", ["a.txt", "a.md"])
def test_a_long_paragraph_is_cut_between_sentences_with_the_same_sentences_and_links(path, monkeypatch):
    text = one_line(300_000)
    doc, whole = Document(path, text), uncut(path, text, monkeypatch)
    assert len(whole.blocks) == 1 and len(doc.blocks) >= 3
    assert all(b.end - b.start <= MAX_BLOCK for b in doc.blocks)
    kind = [(b.kind, b.level, b.section) for b in whole.blocks]
    assert [(b.kind, b.level, b.section) for b in doc.blocks] == kind * len(doc.blocks)
    assert doc.blocks[0].start == whole.blocks[0].start and doc.blocks[-1].end == whole.blocks[0].end
    for before, after in zip(doc.blocks, doc.blocks[1:]):
        assert after.start == before.end and text[after.start - 1] == " " and text[after.start].isupper()
    spans = [(s.start, s.end) for s in doc.sentences]
    assert spans == [(s.start, s.end) for s in whole.sentences] == split_sentences(whole.prose)
    assert [(link.url, link.start, link.end) for link in doc.links] == \
        [(link.url, link.start, link.end) for link in whole.links]
    assert all(doc.blocks[s.block].start <= s.start < s.end <= doc.blocks[s.block].end for s in doc.sentences)


def test_a_word_too_long_to_cut_stays_one_block():
    doc = Document("a.txt", "Headline\n\n" + "a" * 250_000 + "!\n")
    assert [(b.kind, b.end - b.start) for b in doc.blocks] == [("heading", 8), ("paragraph", 250_001)]


def test_a_long_heading_is_labelled_by_its_first_block():
    doc = Document("a.md", "# " + one_line(250_000))
    assert {b.kind for b in doc.blocks} == {"heading"} and len(doc.blocks) >= 3
    assert len({b.section for b in doc.blocks}) == 1 and len(doc.blocks[0].section) <= MAX_BLOCK
    assert doc.title == " ".join(doc.prose[doc.blocks[0].start:doc.blocks[0].end].split())
