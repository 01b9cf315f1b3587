"""Shared by the artifact rules (KZ1): kebab-case options, phrase lists compiled once,
per-document line views computed once, and line-removal fixes that leave no double blank lines.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate

from lint.core.document import Block, Document
from lint.core.findings import Edit, Fix
from lint.rules.base import KebabOptions


class ArtifactOptions(KebabOptions):
    """The options of an artifact rule (kebab-case keys)."""


def pattern_alternation(patterns: Iterable[str]) -> str:
    """Regexes (Python syntax) as one alternation; each keeps its own groups and scoped flags."""
    return "|".join(f"(?:{p})" for p in patterns if p)


def compile_or_none(source: str, flags: int = 0) -> re.Pattern[str] | None:
    return re.compile(source, flags) if source else None


@dataclass(frozen=True, slots=True)
class ProseLine:
    """One line of a prose block (heading, paragraph, list item): its offsets and its masked text.

    The text is sliced from doc.prose when asked for: the lines a document keeps for the KZ1 rules
    are then no second copy of it (80 MB for 20 MB on one line with an emoji, 4 bytes a character).
    """

    number: int  # 1-based line number
    start: int
    end: int  # offset of the newline (or end of text)
    prose: str  # doc.prose
    block: int  # index into doc.blocks

    @property
    def text(self) -> str:
        """doc.prose[start:end]: markers, link targets and code masked as spaces."""
        return self.prose[self.start:self.end]


_LINES_ATTR = "_kz1_prose_lines"


def prose_lines(doc: Document) -> list[ProseLine]:
    """Every line of every prose block, in order; computed once per document and shared by the KZ1 rules."""
    cached = doc.__dict__.get(_LINES_ATTR)
    if cached is None:
        cached = []
        for index, block in doc.prose_blocks:
            first, last = block_lines(doc, block)
            for number in range(first, last + 1):
                start, end = doc.line_span(number)
                start, end = max(start, block.start), min(end, block.end)
                cached.append(ProseLine(number, start, end, doc.prose, index))
        doc.__dict__[_LINES_ATTR] = cached
    return cached


def block_lines(doc: Document, block: Block) -> tuple[int, int]:
    """First and last 1-based line numbers of a block."""
    return doc.position(block.start)[0], doc.position(max(block.start, block.end - 1))[0]


def block_of(doc: Document, offset: int) -> Block | None:
    """The prose block containing `offset`, if any."""
    starts = _block_starts(doc)
    index = bisect.bisect_right(starts, offset) - 1
    if index >= 0:
        block = doc.blocks[index]
        if block.start <= offset < block.end and block.kind in ("heading", "paragraph", "list_item"):
            return block
    return None


def _block_starts(doc: Document) -> list[int]:
    cached = doc.__dict__.get("_kz1_block_starts")
    if cached is None:
        cached = doc.__dict__["_kz1_block_starts"] = [b.start for b in doc.blocks]
    return cached


def in_link(doc: Document, start: int, end: int) -> bool:
    """Whether [start, end) overlaps a link URL (Markdown target, autolink or bare URL): whether
    a link that starts before `end` reaches past `start` (a bisection, not a scan of the links
    before it: quadratic on a 20 MB line)."""
    starts, reach = _link_reach(doc)
    before = bisect.bisect_left(starts, end)
    return before > 0 and reach[before - 1] > start


def _link_reach(doc: Document) -> tuple[list[int], list[int]]:
    """The links' starts (in order) and the furthest end among the links up to each."""
    cached = doc.__dict__.get("_kz1_link_reach")
    if cached is None:
        starts = [link.start for link in doc.links]
        reach = list(accumulate((link.end for link in doc.links), max))
        cached = doc.__dict__["_kz1_link_reach"] = (starts, reach)
    return cached


def is_blank_line(doc: Document, number: int) -> bool:
    start, end = doc.line_span(number)
    return not doc.text[start:end].strip()


def remove_lines_edit(doc: Document, first: int, last: int) -> Edit:
    """An edit deleting lines first..last (1-based, inclusive) without leaving a double blank line.

    The lines go with their newline. When they stood between blank lines (or at the end of the
    text), the blank lines before them go too, so one blank line still separates what remains.
    Only preceding lines are ever taken, so fixes for neighbouring lines never overlap.
    """
    start = doc.line_starts[first - 1]
    end = doc.line_starts[last] if last < doc.line_count else len(doc.text)
    at_end = last >= doc.line_count or all(is_blank_line(doc, n) for n in range(last + 1, doc.line_count + 1))
    followed_by_blank = at_end or is_blank_line(doc, last + 1)
    if followed_by_blank:
        previous = first - 1
        while previous >= 1 and is_blank_line(doc, previous):
            previous -= 1
        if previous >= 1:  # there is text above: take the blank lines between it and us
            start = doc.line_starts[previous]
            if at_end:  # keep the newline that ends the text above, drop everything after it
                end = len(doc.text)
    return Edit(start, end, "")


def remove_lines_fix(doc: Document, first: int, last: int, description: str, *, safe: bool = True) -> Fix:
    return Fix((remove_lines_edit(doc, first, last),), description, safe)


def quote(text: str, limit: int = 60) -> str:
    """Text for a message: whitespace folded, shortened with an ellipsis."""
    folded = " ".join(text.split())
    return folded if len(folded) <= limit else folded[: limit - 1].rstrip() + "…"
