"""KZ204: sentences and articles far harder to read than news prose (Flesch–Kincaid).

Scores are textstat 0.7.4's: its English formulas (with its rounding) over its syllable
counts (pyphen's hyphenation points + 1 per word). textstat itself is not imported (its module
imports pkg_resources: 0.4 s per run) and the hyphenation points are computed from pyphen's
patterns three times faster than pyphen does; tests check both against textstat word by word.
"""

from __future__ import annotations

import math
import re
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import filterfalse
from typing import NamedTuple

from pydantic import Field

from lint.config import Section
from lint.core.document import Document
from lint.core.findings import Finding, Severity
from lint.rules.base import DocumentRule, Options

_PUNCTUATION = re.compile(r"[^\w\s]")  # textstat removes all of it, apostrophes included
_SEPARATOR = "\x1e"  # between sentences while cleaning them together (whitespace to the pattern)


class SentenceScore(NamedTuple):
    start: int
    end: int
    words: int
    syllables: int


@dataclass(frozen=True, slots=True)
class DocumentScore:
    sentences: list[SentenceScore]
    words: int
    syllables: int

    def sentence_grade(self, sentence: SentenceScore) -> float:
        return flesch_kincaid_grade(sentence.words, 1, sentence.syllables)

    @property
    def grade(self) -> float:
        return flesch_kincaid_grade(self.words, len(self.sentences), self.syllables)

    @property
    def reading_ease(self) -> float:
        return flesch_reading_ease(self.words, len(self.sentences), self.syllables)


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float:
    """textstat's flesch_kincaid_grade, with its rounding of the averages to one decimal."""
    if not words or not sentences:
        return 0.0
    return _round(0.39 * _round(words / sentences, 1) + 11.8 * _round(syllables / words, 1) - 15.59, 1)


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float:
    """textstat's flesch_reading_ease (English constants), with its rounding."""
    if not words or not sentences:
        return 0.0
    return _round(206.835 - 1.015 * _round(words / sentences, 1) - 84.6 * _round(syllables / words, 1), 2)


def _round(number: float, points: int) -> float:
    """textstat's _legacy_round: halves away from zero."""
    scale = 10 ** points
    return math.floor(number * scale + math.copysign(0.5, number)) / scale


PYPHEN_MISSING = "KZ204 readability skipped: it counts syllables with pyphen: pip install 'kzlint[readability]'"


@lru_cache(maxsize=1)
def pyphen_available() -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec("pyphen") is not None
    except (ImportError, ValueError):  # blocked or broken: as good as absent
        return False


@lru_cache(maxsize=None)
def _patterns() -> dict[str, tuple | bool]:
    """pyphen's en_US hyphenation patterns (what textstat 0.7.4 uses), plus every prefix of one
    mapped to False, so that the scan below stops as soon as no pattern can match."""
    import pyphen

    patterns = pyphen.Pyphen(lang="en_US").hd.patterns
    table: dict[str, tuple | bool] = {key[:n]: False for key in patterns for n in range(1, len(key))}
    table.update(patterns)
    return table


_SYLLABLES: dict[str, int] = {}


def syllables(word: str) -> int:
    """Syllables in one word exactly as textstat.syllable_count counts them: pyphen's hyphenation
    points (Liang's algorithm; at least 2 letters before and after each) plus one. Computed here,
    three times faster than pyphen, and cached per process."""
    count = _SYLLABLES.get(word)
    if count is None:
        cleaned = _PUNCTUATION.sub("", word.lower())
        count = _SYLLABLES[word] = sum(_hyphenation_points(part) + 1 for part in cleaned.split())
    return count


def _hyphenation_points(word: str, left: int = 2, right: int = 2) -> int:
    if len(word) < left + right:
        return 0
    table = _patterns()
    pointed = "." + word + "."
    size = len(pointed)
    values = [0] * (size + 1)
    for i in range(size - 1):
        j = i + 1
        while j <= size:
            entry = table.get(pointed[i:j])
            if entry is None:
                break
            if entry:
                k = i + entry[0]
                for value in entry[1]:
                    if value > values[k]:
                        values[k] = value
                    k += 1
            j += 1
    return sum(values[p + 1] & 1 for p in range(left, len(word) - right + 1))


_SCORES: weakref.WeakKeyDictionary[Document, DocumentScore] = weakref.WeakKeyDictionary()


def score(doc: Document) -> DocumentScore:
    """Words and syllables of every sentence (once per document).

    All sentences are cleaned in one pass: joined by a separator that is whitespace to the
    punctuation pattern (so it survives), then split apart again.
    """
    found = _SCORES.get(doc)
    if found is None:
        prose = doc.prose
        texts = [prose[s.start:s.end].replace(_SEPARATOR, " ") for s in doc.sentences]
        cleaned = _PUNCTUATION.sub("", _SEPARATOR.join(texts).lower())
        for word in filterfalse(_SYLLABLES.__contains__, set(cleaned.split())):
            syllables(word)
        count = _SYLLABLES.__getitem__
        sentences = []
        for sentence, part in zip(doc.sentences, cleaned.split(_SEPARATOR)):
            words = part.split()
            if words:
                sentences.append(SentenceScore(sentence.start, sentence.end, len(words), sum(map(count, words))))
        found = _SCORES[doc] = DocumentScore(sentences, sum(s.words for s in sentences),
                                             sum(s.syllables for s in sentences))
    return found


class ReadabilityOptions(Options):
    model_config = Section.model_config  # kebab-case keys in rules.yaml

    max_sentence_words: int = Field(65, ge=10)  # 99.9% of BBC news sentences have at most 58
    max_sentence_grade: float = Field(30.0, ge=5)  # Flesch–Kincaid grade of one sentence
    min_words_for_grade: int = Field(12, ge=1)  # shorter sentences are too short for a grade to mean much
    max_document_grade: float = Field(16.0, ge=5)  # BBC articles score 9 (median) to 14 (hardest)
    min_document_words: int = Field(100, ge=1)


class Readability(DocumentRule):
    code = "KZ204"
    name = "readability"
    severity = Severity.INFO
    default_enabled = False  # opt-in: exact textstat syllables cost about 0.6 ms per article (see README)
    summary = "A sentence or an article far longer or harder to read than news prose (Flesch–Kincaid)."
    message = "sentence of {words} words (Flesch–Kincaid grade {grade}); {limit}: split it"
    messages = {"document": "the article reads at Flesch–Kincaid grade {grade} (limit {limit}; news prose is about 9-11)"}
    explanation = (
        "News prose is written to be read once: sentences of 15-30 words and a Flesch–Kincaid grade "
        "around 9-11. A sentence of 70 words, or an article scoring like a legal contract, is usually "
        "two or three sentences run together by a scraper or a translation, or a list pasted as prose. "
        "Thresholds live in rules.yaml; the article's grade is also reported as document metadata "
        "(`readability`). Off by default (`extend-select: [KZ204]` turns it on): counting syllables "
        "exactly as textstat does costs about 0.6 ms per article, more than the other language rules."
    )
    bad_example = (
        "The latest layoffs, which were announced on Tuesday by the company's chief executive, who said that "
        "the firm, which has been struggling for several years because of falling demand for its products, "
        "rising costs of raw materials and energy, and increasingly aggressive competition from manufacturers "
        "based in Asia, had no choice, will take the total number of jobs cut since 2001 to more than 5,500 "
        "and are expected to be followed by further cuts later in the year."
    )
    good_example = "The firm announced 700 more job cuts on Tuesday. It blamed falling demand and rising costs."
    Options = ReadabilityOptions

    def prepare(self) -> list[str]:
        if not pyphen_available():
            return [PYPHEN_MISSING]
        _patterns()  # load the hyphenation patterns once, before worker processes fork
        return []

    def cache_token(self) -> str:
        return "" if pyphen_available() else "no-pyphen"

    def check(self, doc: Document) -> Iterator[Finding]:
        if not pyphen_available():  # syllables come from pyphen's patterns (`kzlint[readability]`)
            return
        options = self.options
        scores = score(doc)
        for sentence in scores.sentences:
            if sentence.words < options.min_words_for_grade:
                continue
            too_long = sentence.words > options.max_sentence_words
            rough = 0.39 * sentence.words + 11.8 * sentence.syllables / sentence.words - 15.59  # before rounding
            if not too_long and rough < options.max_sentence_grade - 1:
                continue
            grade = scores.sentence_grade(sentence)
            too_hard = grade > options.max_sentence_grade
            if too_long or too_hard:
                limit = (f"news sentences stay under {options.max_sentence_words} words" if too_long
                         else f"limit {options.max_sentence_grade:g}")
                yield self.report(doc, sentence.start, sentence.end, words=sentence.words, grade=f"{grade:g}",
                                  limit=limit, extra={"words": str(sentence.words), "grade": f"{grade:g}"})
        if scores.words >= options.min_document_words and scores.grade > options.max_document_grade and scores.sentences:
            yield self.report(doc, 0, 0, "document", grade=f"{scores.grade:g}",
                              limit=f"{options.max_document_grade:g}", extra={"grade": f"{scores.grade:g}"})

    def document_metadata(self, doc: Document) -> dict:
        if not pyphen_available():
            return {}
        scores = score(doc)
        return {"readability": {"flesch_kincaid_grade": scores.grade, "flesch_reading_ease": scores.reading_ease,
                                "words": scores.words, "sentences": len(scores.sentences)}}
