"""KZ107 filler: Lines of dots, dashes or underscores, and text cut off before its end."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.core.document import Document
from lint.core.findings import Finding, Severity
from lint.reference.wordlists import zipf_frequency
from lint.rules.artifacts.support import (
    ArtifactOptions,
    block_of,
    compile_or_none,
    prose_lines,
    quote,
    remove_lines_fix,
)
from lint.rules.base import DocumentRule
from lint.text.words import FUNCTION_WORDS, OPEN_WORDS


class FillerOptions(ArtifactOptions):
    characters: str = ".…·•_-‐‑‒–—―=~"
    min_length: int = 3
    cut_off: bool = True
    open_words: list[str] = list(OPEN_WORDS)  # a paragraph ending on one stopped mid-clause (lint/text/words.py)


class Filler(DocumentRule):
    code = "KZ107"
    name = "filler"
    severity = Severity.WARNING
    summary = "Lines of dots, dashes or underscores, and text cut off before its end."
    message = 'filler line "{line}" ({length} characters)'
    messages = {
        "excerpt": 'the text ends with "[…]": an excerpt, not the full text',
        "cut-off": 'the text stops mid-sentence ("…{tail}"): cut off',
        "teaser": 'the text is cut off ("…{tail}"): an excerpt, not the full text',
        "counted": 'the text is cut off where a news feed counts what it left out ("{counter}"): an excerpt, '
                   'not the full text',
        "rule": 'filler line "{line}" ({length} characters; Markdown reads it as a rule, which an article '
                'has no use for)',
    }
    explanation = (
        "Separators typed into a CMS (a row of dots, dashes or underscores) and placeholder "
        "ellipses survive as a paragraph of their own; an excerpt or a truncated scrape stops in "
        "the middle of a sentence or ends with \"[…]\". Neither is part of the article. A line "
        "fires when it holds nothing but `characters` (at least `min-length` of them; an ellipsis "
        "character counts as three dots, so a lone \"…\" fires). With `cut-off`, a paragraph ending "
        "in \"[…]\" or in a news feed's count of what it cut (\"… [+2317 chars]\") fires; so does any "
        "paragraph that ends with an ellipsis glued to a word cut in "
        "two (\"would reduc…\", a word English does not know) or to a joining word (\"and…\", `open-words` "
        "and other function words) when it has no other ellipsis (a writer who trails off all along "
        "is left alone); and so does the last paragraph of a document when it visibly stops "
        "mid-sentence: on a comma, a dash or a word such as \"the\". A last sentence that merely "
        "lacks its full stop, or ends on a rhetorical \"…\", is left alone. Markdown thematic breaks "
        "(`---`, `***`) are structure, not prose, and never fire, and neither does a section break of three "
        "marks (`___`, `* * *`: the wire services' divider before a contributor line); a longer line of "
        "underscores is a thematic break to Markdown too, but it is what scraped separators look like, so "
        "it fires. Removing a filler "
        "line is offered, not applied automatically."
    )
    bad_example = "President Tokayev demanded help from Russia.\n………………………………………………"
    good_example = "President Tokayev demanded help from Russia… and got it."
    Options = FillerOptions

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        chars = re.escape(self.options.characters)
        self._line = compile_or_none(rf"[ \t]*(?:[{chars}][ \t]*)+$" if chars else "")
        self._first = frozenset(self.options.characters)
        self._open_words = frozenset(w.lower() for w in self.options.open_words)

    def check(self, doc: Document) -> Iterator[Finding]:
        if self._line is not None:
            for line in prose_lines(doc):
                if line.text.lstrip()[:1] in self._first and self._line.match(line.text):
                    body = line.text.strip()
                    if len(body.replace(" ", "").replace("\t", "")) + 2 * body.count("…") < self.options.min_length \
                            or _SECTION_BREAK.match(body):
                        continue
                    start = line.start + line.text.index(body)
                    yield self.report(
                        doc, start, start + len(body), line=quote(body, 20), length=len(body),
                        fix=remove_lines_fix(doc, line.number, line.number, "remove the filler line", safe=False),
                    )
        if doc.is_markdown and "___" in doc.text and "_" in self._first:
            yield from self._underscore_rules(doc)
        if self.options.cut_off:
            yield from self._cut_off(doc)

    def _underscore_rules(self, doc: Document) -> Iterator[Finding]:
        """Lines of underscores in Markdown: thematic breaks to Markdown (so no prose block holds
        them), separators in a scraped article."""
        skipped = [(b.start, b.end) for b in doc.blocks if b.kind in ("code", "html")]
        for match in _UNDERSCORES.finditer(doc.text):
            start = match.start()
            if start < doc.front_matter_end or block_of(doc, start) is not None:
                continue
            body = match.group().strip()
            if any(a <= start < b for a, b in skipped) or len(body) < self.options.min_length \
                    or _SECTION_BREAK.match(body):
                continue
            start += match.group().index(body)
            number = doc.position(start)[0]
            yield self.report(doc, start, start + len(body), "rule", line=quote(body, 20), length=len(body),
                              fix=remove_lines_fix(doc, number, number, "remove the filler line", safe=False))

    def _cut_off(self, doc: Document) -> Iterator[Finding]:
        blocks = doc.prose_blocks
        for _index, block in blocks:
            text = doc.prose[block.start:block.end].rstrip()
            end = block.start + len(text)
            if text.endswith(("[…]", "[...]")):
                yield self.report(doc, end - len(text.split()[-1]), end, "excerpt")
            elif text.endswith("]") and (counter := _MORE_CHARACTERS.search(text)):
                yield self.report(doc, block.start + counter.start(), end, "counted", counter=counter.group().strip())
            elif block.kind == "paragraph" and self._teaser(text):
                yield self.report(doc, end - len(text.split()[-1]), end, "teaser",
                                  tail=quote(" ".join(text.split()[-4:]), 40))
            elif block is blocks[-1][1] and self._stops_mid_sentence(text, block.kind):
                words = text.split()
                yield self.report(doc, end - len(words[-1]), end, "cut-off", tail=quote(" ".join(words[-4:]), 40))

    def _teaser(self, text: str) -> bool:
        """Cut off by a CMS or a scraper: "…the plan would reduc…", "…local producers and…"."""
        if not text.endswith(("…", "...")):
            return False
        match = _CUT_WORD.search(text)
        if match is None or len(text.split()) < 6:
            return False
        if "…" in text[:match.start()] or "..." in text[:match.start()]:
            return False  # a writer who trails off with dots all along ("not a wind up... but ...")
        word = match.group(1).lower()
        if word in self._open_words or word in FUNCTION_WORDS:
            return True
        return match.group(1).islower() and zipf_frequency(word) < _FRAGMENT_ZIPF

    def _stops_mid_sentence(self, text: str, kind: str) -> bool:
        """Visibly unfinished: it ends on a comma, a dash or a word such as "the". Plain text reads a
        last line without a full stop as a heading: one as long as a sentence is its cut paragraph."""
        words = text.split()
        if len(words) < (8 if kind == "paragraph" else _SENTENCE_LONG if kind == "heading" else len(words) + 1):
            return False
        return text[-1] in ",;-–—(" or words[-1].lower() in self._open_words


# A section break as wire copy and features write it ("___" before the AP's contributor line, "* * *"):
# three of one mark, structure rather than filler.
_SECTION_BREAK = re.compile(r"([_*=~\-])[ \t]*\1[ \t]*\1$")
# A line of underscores (Markdown's thematic break, so in no prose block).
_UNDERSCORES = re.compile(r"^[ \t]{0,3}(?:_[ \t]*){3,}$", re.M)
# A news API's count of the characters it cut ("… [+2317 chars]", NewsAPI's content field).
_MORE_CHARACTERS = re.compile(r"…?\s*\[\+\s?\d[\d,]*\s*(?:chars?|characters|words)\]$", re.IGNORECASE)
# The word an ellipsis is glued to at the end of a paragraph.
_CUT_WORD = re.compile(r"(?<![\w'’-])([A-Za-z]+)(?:…|\.\.\.)$")
# A heading this long is a sentence (headlines run to about ten words)
_SENTENCE_LONG = 14
# Rarer than this in English (wordfreq Zipf), a lowercase word before the ellipsis is a cut fragment
# ("reduc" 1.8, "suppor" 1.5; "required" 4.6).
_FRAGMENT_ZIPF = 2.5
