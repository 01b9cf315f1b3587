"""KZ103 duplicate-text: A line, paragraph or sentence repeated verbatim in the same document."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from lint.core.document import Block, Document
from lint.core.findings import Edit, Finding, Fix, Location, Severity
from lint.rules.artifacts.support import ArtifactOptions, block_lines, quote, remove_lines_fix
from lint.rules.base import DocumentRule


class DuplicateTextOptions(ArtifactOptions):
    min_words: int = 2
    min_words_apart: int = 8
    min_sentence_words: int = 8
    list_entries: int = 5
    list_opening_words: int = 3


class DuplicateText(DocumentRule):
    code = "KZ103"
    name = "duplicate-text"
    severity = Severity.WARNING
    summary = "A line, paragraph or sentence repeated verbatim in the same document."
    message = 'duplicate of line {line}: "{text}"'
    messages = {
        "sentence": 'duplicate of line {line} (a sentence): "{text}"',
        "run": 'duplicate of {lines} ({count} {units} repeated): "{text}"',
    }
    explanation = (
        "Scrapers that read both a page's body and its author box, a teaser and the story, or a "
        "page and its print version paste the same text twice: a byline, a paragraph, a pull "
        "quote. Every copy after the first is reported with the line of the first. A line or "
        "paragraph that directly repeats the one before it fires from `min-words` words (the "
        "byline \"Sergey Kwan\" twice); a copy further away needs `min-words-apart` words, because "
        "short lines such as \"Winners meet in final match\" legitimately recur in fixture lists. "
        "Such copies are removed by --fix. A sentence repeated inside different paragraphs (at least "
        "`min-sentence-words` words) is only reported: which copy to keep is an editor's call. "
        "Copies that follow each other as their originals do (a forum reply quoting a whole post, "
        "a related-stories box printed twice) are one finding, naming the lines they repeat. "
        "An entry of a list the article builds on purpose is not a copy: a paragraph whose first "
        "`list-opening-words` words open at least `list-entries` paragraphs of about its length (half to "
        "three times its words), none next to another, that do not all read the same (a meal plan's "
        "dish that recurs with other portions, its recurring portion lines). A teaser printed again "
        "and again, the same text each time, is still a copy."
    )
    bad_example = "Sergey Kwan\n\nSergey Kwan\n\nSergey Kwan has worked for The Times of Central Asia since 1999."
    good_example = "Sergey Kwan\n\nSergey Kwan has worked for The Times of Central Asia since 1999."
    fixable = True
    Options = DuplicateTextOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        units = sorted(self._repeats(doc))
        runs: list[list[_Repeat]] = []
        for unit in units:
            if runs and _continues(doc.prose, runs[-1][-1], unit):
                runs[-1].append(unit)
            else:
                runs.append([unit])
        for run in runs:
            yield self._run_finding(doc, run)

    def _repeats(self, doc: Document) -> Iterator[_Repeat]:
        """Every repeated paragraph (with its lines, for the fix) and every sentence repeated in another
        paragraph, with the span of its first copy."""
        first_block: dict[str, Block] = {}
        last_seen: dict[str, int] = {}
        repeated_blocks: set[int] = set()
        entries: _ListEntries | None = None
        for position, (index, block) in enumerate(doc.prose_blocks):
            words = doc.prose[block.start:block.end].split()
            if len(words) < self.options.min_words:
                continue
            key = " ".join(words)
            previous = last_seen.get(key)
            last_seen[key] = position
            if previous is None:
                first_block[key] = block
                continue
            if previous != position - 1:
                if len(words) < self.options.min_words_apart:
                    continue
                if self.options.list_entries > 0:
                    entries = entries or _ListEntries(doc, self.options.list_opening_words, self.options.list_entries)
                    if entries.is_entry(words):
                        repeated_blocks.add(index)  # nor its sentences: the entry is article text
                        continue
            repeated_blocks.add(index)
            first = first_block[key]
            yield _Repeat(*_trimmed(doc, block.start, block.end), *_trimmed(doc, first.start, first.end), key,
                          block_lines(doc, block))
        if self.options.min_sentence_words <= 0 or not _may_repeat_a_sentence(doc.prose):
            return
        first_sentence: dict[str, tuple[int, int]] = {}
        for sentence in doc.sentences:
            words = doc.sentence_text(sentence).split()
            if len(words) < self.options.min_sentence_words:
                continue
            key = " ".join(words)
            if key not in first_sentence:
                first_sentence[key] = (sentence.start, sentence.end)
                continue
            if sentence.block not in repeated_blocks:
                yield _Repeat(sentence.start, sentence.end, *first_sentence[key], key, None)

    def _run_finding(self, doc: Document, run: list[_Repeat]) -> Finding:
        first, last = run[0], run[-1]
        original_line, original_column = doc.position(first.original_start)
        related = [Location(doc.path, original_line, original_column)]
        paragraphs = None not in [unit.lines for unit in run]
        if paragraphs:
            fix = remove_lines_fix(doc, first.lines[0], last.lines[1],
                                   f"drop the repeated text (first at line {original_line})")
        else:
            end = last.end
            while end < len(doc.text) and doc.text[end] in " \t":
                end += 1
            fix = Fix((Edit(first.start, end, ""),), "drop the repeated text", safe=False)
        if len(run) == 1:
            return self.report(doc, first.start, first.end, None if paragraphs else "sentence", line=original_line,
                               text=quote(first.key), fix=fix, related=related)
        original_last = doc.position(max(first.original_start, last.original_end - 1))[0]
        lines = f"line {original_line}" if original_last == original_line else f"lines {original_line}-{original_last}"
        return self.report(doc, first.start, last.end, "run", lines=lines, count=len(run),
                           units="paragraphs" if paragraphs else "sentences", text=quote(first.key), fix=fix,
                           related=related)


class _Repeat(NamedTuple):
    """A repeated paragraph or sentence: its span, its first copy's span, its words, and its first and
    last line when it is a whole paragraph (removable with its lines)."""

    start: int
    end: int
    original_start: int
    original_end: int
    key: str
    lines: tuple[int, int] | None


class _ListEntries:
    """The lists a document builds on purpose, found from the paragraphs' opening words. A paragraph
    is an entry of a list when at least `least` paragraphs of about its length (a third to three
    times its words) open with its first `opening` words, no two of them adjacent, and they do not all read
    the same: entries of a list vary ("Portion Fix Containers: 1 Green, 1 Red" / "…: 1 Purple"),
    while a scraper's copies of a teaser or a byline are one text, or stand together in one box."""

    def __init__(self, doc: Document, opening: int, least: int) -> None:
        self.opening = opening
        self.least = least
        self.groups: dict[tuple[str, ...], list[tuple[int, str, int]]] = {}
        self._verdicts: dict[tuple[tuple[str, ...], int], bool] = {}
        for position, (_index, block) in enumerate(doc.prose_blocks):
            if position == 0 and block.kind == "heading":
                continue  # the headline, which teasers repeat, is no entry
            words = doc.prose[block.start:block.end].split()
            if len(words) > opening:
                self.groups.setdefault(self._opening(words), []).append((position, " ".join(words), len(words)))

    def _opening(self, words: list[str]) -> tuple[str, ...]:
        return tuple(w.casefold() for w in words[:self.opening])

    def is_entry(self, words: list[str]) -> bool:
        """Whether the paragraph (its words) is an entry of a list: decided once per opening and
        length (a file of 20 MB repeats its paragraphs thousands of times, each read its group)."""
        if len(words) <= self.opening:
            return False
        key = (self._opening(words), len(words))
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = self._verdicts[key] = self._is_entry(*key)
        return verdict

    def _is_entry(self, opening: tuple[str, ...], n: int) -> bool:
        members = [(p, text) for p, text, size in self.groups.get(opening, ()) if n <= 3 * size and size <= 3 * n]
        if len(members) < self.least or len({text for _, text in members}) < 2:
            return False
        return all(b[0] - a[0] > 1 for a, b in zip(members, members[1:]))


def _continues(prose: str, previous: _Repeat, unit: _Repeat) -> bool:
    """Whether a repeat continues the run of the one before: the copies follow each other as their
    originals do, the text between them being the text between the originals (nothing but blank
    space, or short sentences repeated with them)."""
    if unit.start < previous.end or unit.original_start < previous.original_end:
        return False
    between = prose[previous.end:unit.start]
    return len(between) <= 300 and _words_are(prose, previous.original_end, unit.original_start, between.split())


_WORD = re.compile(r"\S+")


def _words_are(prose: str, start: int, end: int, words: list[str]) -> bool:
    """Whether prose[start:end].split() == words, reading no further than the first difference: the
    originals of two repeats may stand megabytes apart (a 20 MB line of repeated sentences), and
    slicing that text once per repeat was quadratic."""
    found = _WORD.finditer(prose, start, end)
    for word in words:
        match = next(found, None)
        if match is None or match.group() != word:
            return False
    return next(found, None) is None


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
