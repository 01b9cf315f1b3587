"""KZ109 broken-line: A hard line break inside a sentence in plain-text prose."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.core.document import Document
from lint.core.findings import Edit, Finding, Fix, Severity
from lint.rules.artifacts.support import ArtifactOptions, compile_or_none, prose_lines, quote
from lint.rules.base import DocumentRule
from lint.text.phrases import phrase_alternation
from lint.text.words import LINE_OPEN_WORDS


class BrokenLineOptions(ArtifactOptions):
    min_words: int = 4
    wrapped_min: int = 5  # breaks that, with most prose lines of about one length, make a wrapped document
    open_words: list[str] = list(LINE_OPEN_WORDS)  # function words a line cannot end on (lint/text/words.py)


class BrokenLine(DocumentRule):
    code = "KZ109"
    name = "broken-line"
    severity = Severity.INFO
    summary = "A hard line break inside a sentence in plain-text prose."
    message = 'line break inside a sentence: "…{before} ⏎ {after}…"'
    messages = {"wrapped": 'text hard-wrapped at about {width} characters: {count} sentences break across lines, '
                           'the first "…{before} ⏎ {after}…"'}
    explanation = (
        "Plain-text articles keep one paragraph per line. Text copied from a PDF, an e-mail or a "
        "narrow page keeps its visual line breaks, so a sentence is split across lines: search, "
        "diff and sentence-based checks then see two fragments. A break fires when the line before "
        "it has at least `min-words` words and no closing punctuation, and the next line continues "
        "the sentence (starts in lower case, or the line before ends with a comma or a word such "
        "as \"the\" or \"of\" from `open-words`). Markdown is not checked: there, a single line "
        "break inside a paragraph is normal. A document whose prose is wrapped at one width throughout "
        "(a text-mode browser's dump, an e-mail: `wrapped-min` breaks or more, most of its lines this long) "
        "is reported once, at its first break, with all of them. In a document whose paragraphs stand on one line "
        "each, or are wrapped wider, two short lines (under 50 characters each: verse, lyrics, an address) are "
        "set out line by line on purpose. Joining the lines is offered, not applied."
    )
    bad_example = ("The opposition K-Plus channel broadcast a video of the clashes on Friday when \n"
                   "oil workers stormed the stage.")
    good_example = ("The opposition K-Plus channel broadcast a video of the clashes on Friday when oil workers "
                    "stormed the stage.")
    Options = BrokenLineOptions

    _CLOSING = tuple(".!?…:;\"”’»)]")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        words = phrase_alternation(self.options.open_words)
        self._open_end = compile_or_none(rf"(?:,|(?<!\w)(?:{words}))$" if words else ",$", re.I)

    def check(self, doc: Document) -> Iterator[Finding]:
        if doc.is_markdown:
            return
        breaks = list(self._breaks(doc))
        lines = prose_lines(doc)
        width = _wrap_width(lines) if len(breaks) >= self.options.wrapped_min else None
        # short lines are no wrap of a document that keeps its paragraphs on one line each, or wraps them wider
        if breaks and (width is not None and width >= LINEATED_WIDTH + 10
                       or width is None and any(len(line.text) >= 2 * LINEATED_WIDTH for line in lines)):
            breaks = [b for b in breaks if not b[-1]]
        if width is None:
            for start, end, before, after, edit, _ in breaks:
                yield self.report(doc, start, end, before=before, after=after,
                                  fix=Fix((edit,), "join the two lines", safe=False))
            return
        if not breaks:
            return
        start, end, before, after, _, _ = breaks[0]
        yield self.report(doc, start, end, "wrapped", width=width, count=len(breaks), before=before, after=after,
                          fix=Fix(tuple(edit for *_, edit, _ in breaks), "join the broken lines", safe=False))

    def _breaks(self, doc: Document) -> Iterator[tuple[int, int, str, str, Edit, bool]]:
        """(start, end, word before, word after, the edit that joins them, whether both lines are
        short: LINEATED_WIDTH) of each break in a sentence."""
        lines = prose_lines(doc)
        for before, after in zip(lines, lines[1:]):
            if after.number != before.number + 1:
                continue
            head, tail = before.text.rstrip(), after.text.lstrip()
            if not head or not tail or head.endswith(self._CLOSING) or len(head.split()) < self.options.min_words:
                continue
            if "://" in head.split()[-1]:
                continue
            if not (tail[0].islower() or (tail[0].isalnum() and self._open_end.search(head))):
                continue
            break_start = before.start + len(head)
            break_end = after.start + len(after.text) - len(tail)
            last_word, first_word = head.split()[-1], tail.split()[0]
            yield (break_start - len(last_word), break_end + len(first_word), quote(last_word, 20),
                   quote(first_word, 20), Edit(break_start, break_end, " "),
                   len(head) < LINEATED_WIDTH and len(tail) < LINEATED_WIDTH)


# Lines this short on both sides of a break, in a document whose paragraphs stand on one line each
# (or are wrapped wider), are set out line by line on purpose: verse, lyrics, an address ("The Star,
# Lion Place, Waiyaki Way," / "Nairobi"); in a document of narrow columns (an e-paper) they are its wrap.
LINEATED_WIDTH = 50


def _wrap_width(lines) -> int | None:
    """The width a document's prose is wrapped at: the length of its longest line of prose (four
    words or more), when at least half of them are within ten characters of it and it is at most 120;
    None when the lines are of all lengths (paragraphs on one line each, a few of them broken)."""
    lengths = [len(line.text.rstrip()) for line in lines if len(line.text.split()) >= 4]
    if not lengths:
        return None
    longest = max(lengths)
    near = [n for n in lengths if longest - 10 <= n <= longest]
    return longest if 2 * len(near) >= len(lengths) and longest <= 120 else None
