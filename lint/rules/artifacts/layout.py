"""KZ103, KZ104, KZ109: text that copying got wrong (repeated, glued, broken across lines)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.core.document import Document
from lint.core.findings import Edit, Finding, Fix, Location, Severity
from lint.rules.artifacts.support import (
    ArtifactOptions, block_lines, block_of, compile_or_none, in_link, phrase_alternation, prose_lines, quote,
    remove_lines_fix,
)
from lint.rules.base import DocumentRule


class DuplicateTextOptions(ArtifactOptions):
    min_words: int = 2
    min_words_apart: int = 8
    min_sentence_words: int = 8


class DuplicateText(DocumentRule):
    code = "KZ103"
    name = "duplicate-text"
    severity = Severity.WARNING
    summary = "A line, paragraph or sentence repeated verbatim in the same document."
    message = 'duplicate of line {line}: "{text}"'
    explanation = (
        "Scrapers that read both a page's body and its author box, a teaser and the story, or a "
        "page and its print version paste the same text twice: a byline, a paragraph, a pull "
        "quote. Every copy after the first is reported with the line of the first. A line or "
        "paragraph that directly repeats the one before it fires from `min-words` words (the "
        "byline \"Sergey Kwan\" twice); a copy further away needs `min-words-apart` words, because "
        "short lines such as \"Winners meet in final match\" legitimately recur in fixture lists. "
        "Such copies are removed by --fix. A sentence repeated inside different paragraphs (at least "
        "`min-sentence-words` words) is only reported: which copy to keep is an editor's call."
    )
    bad_example = "Sergey Kwan\n\nSergey Kwan\n\nSergey Kwan has worked for The Times of Central Asia since 1999."
    good_example = "Sergey Kwan\n\nSergey Kwan has worked for The Times of Central Asia since 1999."
    fixable = True
    Options = DuplicateTextOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        first_block: dict[str, int] = {}
        last_seen: dict[str, int] = {}
        repeated_blocks: set[int] = set()
        for position, (index, block) in enumerate(doc.prose_blocks):
            words = doc.prose[block.start:block.end].split()
            if len(words) < self.options.min_words:
                continue
            key = " ".join(words)
            previous = last_seen.get(key)
            last_seen[key] = position
            if previous is None:
                first_block[key] = block.start
                continue
            if previous != position - 1 and len(words) < self.options.min_words_apart:
                continue
            repeated_blocks.add(index)
            original_line, original_column = doc.position(first_block[key])
            start, end = _trimmed(doc, block.start, block.end)
            first, last = block_lines(doc, block)
            yield self.finding(
                doc, start, end, f'duplicate of line {original_line}: "{quote(key)}"',
                fix=remove_lines_fix(doc, first, last, f"drop the repeated text (first at line {original_line})"),
                related=[Location(doc.path, original_line, original_column)],
            )
        if self.options.min_sentence_words <= 0 or not _may_repeat_a_sentence(doc.prose):
            return
        first_sentence: dict[str, int] = {}
        for sentence in doc.sentences:
            words = doc.sentence_text(sentence).split()
            if len(words) < self.options.min_sentence_words:
                continue
            key = " ".join(words)
            if key not in first_sentence:
                first_sentence[key] = sentence.start
                continue
            if sentence.block in repeated_blocks:
                continue
            original_line, original_column = doc.position(first_sentence[key])
            end = sentence.end
            while end < len(doc.text) and doc.text[end] in " \t":
                end += 1
            yield self.finding(
                doc, sentence.start, sentence.end, f'duplicate of line {original_line} (a sentence): "{quote(key)}"',
                fix=Fix((Edit(sentence.start, end, ""),), "drop the repeated sentence", safe=False),
                related=[Location(doc.path, original_line, original_column)],
            )


_SENTENCE_ENDS = ("?", "!", "…", '."', ".”", ".’", '?"', "?”", '!"', "!”", "\n")


def _may_repeat_a_sentence(prose: str) -> bool:
    """A quick necessary condition, so most documents skip sentence splitting: a repeated sentence
    repeats the pieces of text between its full stops (the stops and quotes around it normalised)."""
    for end in _SENTENCE_ENDS:
        if end in prose:
            prose = prose.replace(end, ".")
    seen: set[str] = set()
    for piece in prose.split("."):
        if len(piece) >= 12:
            piece = piece.strip(" \t\"'“”‘’«»()[]")
            if piece in seen:
                return True
            seen.add(piece)
    return False


def _trimmed(doc: Document, start: int, end: int) -> tuple[int, int]:
    text = doc.prose[start:end]
    return start + len(text) - len(text.lstrip()), start + len(text.rstrip())


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
        yield self.finding(
            doc, start, min(end, split + 12), f'missing space {kind} in "{quote(token, 40)}"',
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


class BrokenLineOptions(ArtifactOptions):
    min_words: int = 4
    open_words: list[str] = [
        "a", "an", "the", "of", "from", "to", "in", "on", "at", "by", "for", "with", "and", "or", "but", "that",
        "as", "his", "her", "their", "its", "is", "was", "were", "are",
    ]


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
            yield self.finding(
                doc, break_start - len(last_word), break_end + len(first_word),
                f'line break inside a sentence: "…{quote(last_word, 20)} ⏎ {quote(first_word, 20)}…"',
                fix=Fix((Edit(break_start, break_end, " "),), "join the two lines", safe=False),
            )
