"""KZ107 filler: Lines of dots, dashes or underscores, and text cut off before its end."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.core.document import Document
from lint.core.findings import Finding, Severity
from lint.rules.artifacts.support import ArtifactOptions, compile_or_none, prose_lines, quote, remove_lines_fix
from lint.rules.base import DocumentRule


class FillerOptions(ArtifactOptions):
    characters: str = ".…·•_-‐‑‒–—―=~"
    min_length: int = 3
    cut_off: bool = True
    open_words: list[str] = [
        "a", "an", "the", "of", "to", "and", "or", "but", "with", "for", "from", "in", "on", "at", "by",
    ]


class Filler(DocumentRule):
    code = "KZ107"
    name = "filler"
    severity = Severity.WARNING
    summary = "Lines of dots, dashes or underscores, and text cut off before its end."
    message = 'filler line "{line}" ({length} characters)'
    messages = {
        "excerpt": 'the text ends with "[…]": an excerpt, not the full text',
        "cut-off": 'the text stops mid-sentence ("…{tail}"): cut off',
    }
    explanation = (
        "Separators typed into a CMS (a row of dots, dashes or underscores) and placeholder "
        "ellipses survive as a paragraph of their own; an excerpt or a truncated scrape stops in "
        "the middle of a sentence or ends with \"[…]\". Neither is part of the article. A line "
        "fires when it holds nothing but `characters` (at least `min-length` of them). With "
        "`cut-off`, a paragraph ending in \"[…]\" fires, and so does the last paragraph of a "
        "document when it visibly stops mid-sentence: on a comma, a dash, a word such as \"the\" "
        "(`open-words`). A last sentence that merely lacks its full stop, or ends on a rhetorical "
        "\"…\", is left alone. Markdown thematic breaks (`---`, `***`) are structure, not prose, and "
        "never fire. Removing a filler line is offered, not applied automatically."
    )
    bad_example = "President Tokayev demanded help from Russia.\n………………………………………………"
    good_example = "President Tokayev demanded help from Russia… and got it."
    Options = FillerOptions

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        chars = re.escape(self.options.characters)
        self._line = compile_or_none(
            rf"[ \t]*(?:[{chars}][ \t]*){{{max(1, self.options.min_length)},}}$" if chars else ""
        )
        self._first = frozenset(self.options.characters)
        self._open_words = frozenset(w.lower() for w in self.options.open_words)

    def check(self, doc: Document) -> Iterator[Finding]:
        if self._line is not None:
            for line in prose_lines(doc):
                if line.text.lstrip()[:1] in self._first and self._line.match(line.text):
                    body = line.text.strip()
                    start = line.start + line.text.index(body)
                    yield self.report(
                        doc, start, start + len(body), line=quote(body, 20), length=len(body),
                        fix=remove_lines_fix(doc, line.number, line.number, "remove the filler line", safe=False),
                    )
        if self.options.cut_off:
            yield from self._cut_off(doc)

    def _cut_off(self, doc: Document) -> Iterator[Finding]:
        blocks = doc.prose_blocks
        for _index, block in blocks:
            text = doc.prose[block.start:block.end].rstrip()
            end = block.start + len(text)
            if text.endswith(("[…]", "[...]")):
                yield self.report(doc, end - len(text.split()[-1]), end, "excerpt")
            elif block is blocks[-1][1] and block.kind == "paragraph" and self._stops_mid_sentence(text):
                words = text.split()
                yield self.report(doc, end - len(words[-1]), end, "cut-off", tail=quote(" ".join(words[-4:]), 40))

    def _stops_mid_sentence(self, text: str) -> bool:
        """Visibly unfinished: it ends on a comma, a dash or a word such as "the"."""
        words = text.split()
        if len(words) < 8:
            return False
        return text[-1] in ",;-–—(" or words[-1].lower() in self._open_words
