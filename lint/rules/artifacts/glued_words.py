"""KZ104 glued-words: A missing space between words (fromSergey, killed.Police) or before a URL (countryhttps://)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.core.document import Document
from lint.core.findings import Edit, Finding, Fix, Severity
from lint.rules.artifacts.support import ArtifactOptions, block_of, compile_or_none, in_link, quote
from lint.rules.base import DocumentRule
from lint.text.phrases import phrase_alternation


class GluedWordsOptions(ArtifactOptions):
    joiners: list[str] = [
        "a", "an", "the", "of", "from", "to", "in", "on", "at", "by", "for", "with", "and", "or", "but", "into",
        "onto", "than", "as", "via", "about", "after", "before", "over", "under", "between", "against", "during",
        "without", "within", "said", "says", "told", "that", "this", "his", "her", "their", "its", "is", "was",
        "were", "are", "has", "have", "had", "be", "been", "not", "also", "when", "where", "who", "which",
    ]
    allow: list[str] = ["toString", "inDesign", "onClick", "onLoad", "isNaN"]


class GluedWords(DocumentRule):
    code = "KZ104"
    name = "glued-words"
    severity = Severity.WARNING
    summary = "A missing space between words (fromSergey, killed.Police) or before a URL (countryhttps://)."
    message = 'missing space {where} in "{token}"'
    explanation = (
        "When a scraper drops the markup between two pieces of text it often drops the space "
        "too: a link's label glues onto the word before it (\"articles fromSergey\"), a URL onto "
        "the end of a sentence (\"countryhttps://t.co/…\"), a sentence onto the one before it "
        "(\"dangerous.The\"). Brand names in CamelCase (YouTube, iPhone, UzenMunaiGas, McDonald) are "
        "not glued words: only a common lowercase word (`joiners`: from, of, at, the, …) followed by "
        "a capitalised word fires, and names listed in `allow` never do. Hashtags, @handles, e-mail "
        "addresses and URLs themselves are skipped. --fix inserts the space."
    )
    bad_example = "View more articles fromSergey Kwan"
    good_example = "Omirbek Isabayev, one of the striking oil workers from UzenMunaiGas, spoke on YouTube."
    fixable = True
    Options = GluedWordsOptions

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        joiners = phrase_alternation(self.options.joiners)
        self._camel = compile_or_none(rf"(?:{joiners})(?=[A-Z][a-z]+(?![\w(]))" if joiners else "")
        self._allowed = frozenset(self.options.allow)

    # Cheap scans first (a lower-case letter meeting a capital, a URL scheme); the exact shape is
    # then checked at the few places they find. The capital comes first in the pattern, so that `re`
    # looks for it with a fast character-set scan (lower-case letters are everywhere).
    _CASE_CHANGE = re.compile(r"[A-Z](?:(?<=[a-z][A-Z])|(?<=[a-z][.!?][A-Z]))")
    _URL_START = re.compile(r"https?://|www\.|pic\.twitter\.com/")
    _SENTENCE = re.compile(r"[a-z]{2,}[.!?](?=[A-Z][a-z]+(?![\w.@/(]))")
    _WORD_BEFORE = frozenset("#@/.&'’-_")

    def check(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        for match in self._CASE_CHANGE.finditer(prose):
            capital = match.start()
            after_stop = not "a" <= prose[capital - 1] <= "z"  # "killed.Police"
            left = capital - 2 if after_stop else capital - 1
            while left > 0 and prose[left - 1].isalpha() and prose[left - 1].islower():
                left -= 1
            if left > 0 and (prose[left - 1].isalnum() or prose[left - 1] in self._WORD_BEFORE):
                continue  # CamelCase (UzenMunaiGas, McDonald), a hashtag, a handle, a path
            if after_stop:
                glued = self._SENTENCE.match(prose, left)
                kind = "after the end of a sentence"
            else:
                glued = self._camel.match(prose, left) if self._camel else None
                kind = "between words"
            if glued is None or glued.end() != capital:
                continue
            yield from self._report(doc, left, glued.end(), kind)
        if "http" in prose or "www." in prose or "pic.twitter.com" in prose:
            for match in self._URL_START.finditer(prose):
                if match.start() > 0 and prose[match.start() - 1].isalpha():
                    start = match.start() - 1
                    while start > 0 and not prose[start - 1].isspace():
                        start -= 1
                    yield from self._report(doc, start, match.start(), "before a URL")

    def _report(self, doc: Document, start: int, split: int, kind: str) -> Iterator[Finding]:
        prose = doc.prose
        _, end = _token(prose, split, split)
        token = prose[start:end]
        if token.strip("\"'“”‘’()[],;:") in self._allowed or "@" in token:
            return
        if in_link(doc, start, split) or block_of(doc, start) is None:
            return
        yield self.report(
            doc, start, min(end, split + 12), where=kind, token=quote(token, 40),
            fix=Fix((Edit(split, split, " "),), f'insert a space: "{quote(prose[start:split], 30)} '
                                               f'{quote(prose[split:end], 30)}"'),
        )


def _token(text: str, start: int, end: int) -> tuple[int, int]:
    """The whitespace-delimited token around text[start:end]."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end
