"""KZ103 duplicate-text: A line, paragraph or sentence repeated verbatim in the same document."""

from __future__ import annotations

from collections.abc import Iterator

from lint.core.document import Document
from lint.core.findings import Edit, Finding, Fix, Location, Severity
from lint.rules.artifacts.support import ArtifactOptions, block_lines, quote, remove_lines_fix
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
    messages = {"sentence": 'duplicate of line {line} (a sentence): "{text}"'}
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
            yield self.report(
                doc, start, end, line=original_line, text=quote(key),
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
            yield self.report(
                doc, sentence.start, sentence.end, "sentence", line=original_line, text=quote(key),
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
