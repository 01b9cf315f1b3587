"""A document's lines as the furniture model sees them, and the lines it calls furniture from the
document alone, for the prose rules that should skip them (attribution, readability, grammar).

KZ102 (lint/rules/artifacts/boilerplate.py) decides with the whole corpus (repetition across
documents); a document rule sees one document, so `furniture_lines` uses the model's local one,
fitted without repetition: the lines whose shape and context alone make them furniture (menus,
share bars, teaser runs around the article). It is computed once per document and cached on it.
"""

from __future__ import annotations

import re

from lint.core.document import Document
from lint.text import boilerplate as model

_SOURCE_LINE = re.compile(r"^\W*(?:sources?|via|fonte|quelle|источник)\s*:", re.IGNORECASE)
_CACHE_ATTR = "_kz_furniture_lines"
_INPUT_ATTR = "_kz_furniture_input"


def units(doc: Document) -> list[tuple[int, int]]:
    """(start, end) of the lines the model classifies (doc.text[start:end], stripped): each prose
    block, or each of its lines when the block is a stack of short lines (a menu written without
    blank lines)."""
    out = []
    for _index, block in doc.prose_blocks:
        raw = doc.text[block.start:block.end]
        lines = raw.split("\n")
        if len(lines) > 1 and sorted(len(line.split()) for line in lines)[len(lines) // 2] <= 8:
            offset = block.start
            for line in lines:
                if line.strip():
                    lead = len(line) - len(line.lstrip())
                    out.append((offset + lead, offset + len(line.rstrip())))
                offset += len(line) + 1
        elif raw.strip():
            lead = len(raw) - len(raw.lstrip())
            out.append((block.start + lead, block.start + len(raw.rstrip())))
    return out


def unit_texts(doc: Document, found: list[tuple[int, int]]) -> list[str]:
    return [doc.text[start:end] for start, end in found]


def protected(texts: list[str]) -> list[bool]:
    """The title (the first line, a level-1 Markdown heading) and `Source:` lines are never furniture."""
    return [i == 0 or text.startswith("# ") or bool(_SOURCE_LINE.match(text)) for i, text in enumerate(texts)]


def model_input(doc: Document) -> tuple[list[tuple[int, int]], list[model.LineFact], list[bool]]:
    """The document's units, their per-document line facts and which are protected: computed once
    per document and shared by KZ102's `extract` and `furniture_lines` (whichever runs first pays).
    The units' texts are not kept: they are the document again (unit_texts slices them anew)."""
    cached = doc.__dict__.get(_INPUT_ATTR)
    if cached is None:
        found = units(doc)
        texts = unit_texts(doc, found)
        cached = (found, model.line_facts(texts), protected(texts))
        doc.__dict__[_INPUT_ATTR] = cached
    return cached


def furniture_lines(doc: Document) -> frozenset[int]:
    """1-based numbers of the lines the model calls furniture from this document alone."""
    cached = doc.__dict__.get(_CACHE_ATTR)
    if cached is None:
        found, facts, keep = model_input(doc)
        lines: set[int] = set()
        if model.can_have_furniture([line.n for line in facts], model.load_model()):  # most articles cannot
            verdicts = model.classify_facts(facts, [0] * len(found), model.load_model().for_corpus(1),
                                            protect=[i for i, k in enumerate(keep) if k])
            for (start, end), verdict in zip(found, verdicts):
                if verdict.furniture:
                    first, _ = doc.position(start)
                    last, _ = doc.position(end)
                    lines.update(range(first, last + 1))
        cached = frozenset(lines)
        doc.__dict__[_CACHE_ATTR] = cached
    return cached


def on_furniture(doc: Document, offset: int) -> bool:
    """Whether the character at `offset` stands on a furniture line (a teaser, a menu): the prose
    rules (KZ201-KZ203, KZ301, the claims of KZ5) skip what is found there."""
    lines = furniture_lines(doc)
    return bool(lines) and doc.position(offset)[0] in lines
