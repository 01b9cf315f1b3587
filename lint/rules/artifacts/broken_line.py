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
    open_words: list[str] = list(LINE_OPEN_WORDS)  # function words a line cannot end on (lint/text/words.py)


class BrokenLine(DocumentRule):
    code = "KZ109"
    name = "broken-line"
    severity = Severity.INFO
    summary = "A hard line break inside a sentence in plain-text prose."
    message = 'line break inside a sentence: "…{before} ⏎ {after}…"'
    explanation = (
        "Plain-text articles keep one paragraph per line. Text copied from a PDF, an e-mail or a "
        "narrow page keeps its visual line breaks, so a sentence is split across lines: search, "
        "diff and sentence-based checks then see two fragments. A break fires when the line before "
        "it has at least `min-words` words and no closing punctuation, and the next line continues "
        "the sentence (starts in lower case, or the line before ends with a comma or a word such "
        "as \"the\" or \"of\" from `open-words`). Markdown is not checked: there, a single line "
        "break inside a paragraph is normal. Joining the lines is offered, not applied."
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
            yield self.report(
                doc, break_start - len(last_word), break_end + len(first_word),
                before=quote(last_word, 20), after=quote(first_word, 20),
                fix=Fix((Edit(break_start, break_end, " "),), "join the two lines", safe=False),
            )
