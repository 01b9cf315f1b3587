"""KZ204: sentences and articles far harder to read than news prose (Flesch–Kincaid).

Scores are textstat 0.7.4's: its English formulas over its syllable counts (pyphen
hyphenation points + 1 per word). textstat itself is not imported: its module imports
pkg_resources, which costs about 0.4 s per run; tests check that the counts agree with it.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from pydantic import Field

from lint.config import Section
from lint.document import Document
from lint.findings import Finding, Severity
from lint.rules.base import DocumentRule, Options

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_PUNCTUATION = re.compile(r"[^\w\s']")
_LOOSE_APOSTROPHE = re.compile(r"'(?![tsd]\b|ve\b|ll\b|re\b)")  # textstat keeps only those of contractions


@dataclass(frozen=True, slots=True)
class SentenceScore:
    start: int
    end: int
    words: int
    syllables: int

    @property
    def grade(self) -> float:
        return flesch_kincaid_grade(self.words, 1, self.syllables)


@dataclass(frozen=True, slots=True)
class DocumentScore:
    sentences: list[SentenceScore]
    words: int
    syllables: int

    @property
    def grade(self) -> float:
        return flesch_kincaid_grade(self.words, len(self.sentences), self.syllables)

    @property
    def reading_ease(self) -> float:
        return flesch_reading_ease(self.words, len(self.sentences), self.syllables)


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float:
    """textstat's flesch_kincaid_grade formula."""
    if not words or not sentences:
        return 0.0
    return round(0.39 * words / sentences + 11.8 * syllables / words - 15.59, 1)


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float:
    """textstat's flesch_reading_ease formula (English constants)."""
    if not words or not sentences:
        return 0.0
    return round(206.835 - 1.015 * words / sentences - 84.6 * syllables / words, 2)


@lru_cache(maxsize=None)
def _hyphenator():
    import pyphen

    return pyphen.Pyphen(lang="en_US")  # what textstat 0.7.4 uses by default


_SYLLABLES: dict[str, int] = {}


def syllables(word: str) -> int:
    """Syllables in one word, as textstat.syllable_count counts them (cached per process)."""
    count = _SYLLABLES.get(word)
    if count is None:
        cleaned = _PUNCTUATION.sub("", _LOOSE_APOSTROPHE.sub('"', word.lower()))
        count = sum(len(_hyphenator().positions(part)) + 1 for part in cleaned.split())
        _SYLLABLES[word] = count
    return count


_SCORES: weakref.WeakKeyDictionary[Document, DocumentScore] = weakref.WeakKeyDictionary()


def score(doc: Document) -> DocumentScore:
    """Words and syllables of every sentence (once per document)."""
    found = _SCORES.get(doc)
    if found is None:
        prose = doc.prose
        sentences = []
        for sentence in doc.sentences:
            words = _WORD.findall(prose, sentence.start, sentence.end)
            if words:
                sentences.append(SentenceScore(sentence.start, sentence.end, len(words), sum(map(syllables, words))))
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
    summary = "A sentence or an article far longer or harder to read than news prose (Flesch–Kincaid)."
    message = "sentence of {words} words (Flesch–Kincaid grade {grade}): split it"
    explanation = (
        "News prose is written to be read once: sentences of 15-30 words and a Flesch–Kincaid grade "
        "around 9-11. A sentence of 70 words, or an article scoring like a legal contract, is usually "
        "two or three sentences run together by a scraper or a translation, or a list pasted as prose. "
        "Thresholds live in rules.yaml; the article's grade is also reported as document metadata "
        "(`readability`) in JSON output."
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
        _hyphenator()  # load the hyphenation dictionary once, before worker processes fork
        return []

    def check(self, doc: Document) -> Iterator[Finding]:
        options = self.options
        scores = score(doc)
        for sentence in scores.sentences:
            grade = sentence.grade
            too_long = sentence.words > options.max_sentence_words
            too_hard = sentence.words >= options.min_words_for_grade and grade > options.max_sentence_grade
            if too_long or too_hard:
                limit = (f"news sentences stay under {options.max_sentence_words} words" if too_long
                         else f"limit {options.max_sentence_grade:g}")
                yield self.finding(doc, sentence.start, sentence.end,
                                   f"sentence of {sentence.words} words (Flesch–Kincaid grade {grade:g}); {limit}: split it",
                                   extra={"words": str(sentence.words), "grade": f"{grade:g}"})
        if scores.words >= options.min_document_words and scores.grade > options.max_document_grade and scores.sentences:
            first = scores.sentences[0]
            yield self.finding(doc, first.start, first.start,
                               f"the article reads at Flesch–Kincaid grade {scores.grade:g} "
                               f"(limit {options.max_document_grade:g}; news prose is about 9-11)",
                               extra={"grade": f"{scores.grade:g}"})

    def document_metadata(self, doc: Document) -> dict:
        scores = score(doc)
        return {"readability": {"flesch_kincaid_grade": scores.grade, "flesch_reading_ease": scores.reading_ease,
                                "words": scores.words, "sentences": len(scores.sentences)}}
