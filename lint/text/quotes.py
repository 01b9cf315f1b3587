"""Quotations and sentences in a document's prose: the spans inside quotation marks, the sentence
an offset falls in, and whether a span is quoted (a quotation is evidence, not the writer's words)."""

from __future__ import annotations

import bisect
import re

from lint.core.document import Document

# -- what a quotation is: one definition, and the named variants rules need ----------------------
# The quotation marks news text uses: curly double, guillemets, German low-high, straight double
# and (as a quotation only when not an apostrophe) curly single quotes.
DOUBLE_QUOTE_MARKS = '"“”«»'
# A quotation closed in its paragraph (a wrapped line may break it: no blank line does): “…”, «…», „…“
# or „…”, "…", and ‘…’ not inside a word, closed on its line (an apostrophe opens none).
QUOTATION = re.compile(r"“(?:[^“”\n]|\n(?!\s*\n))*”|«(?:[^«»\n]|\n(?!\s*\n))*»|„(?:[^„“”\n]|\n(?!\s*\n))*[“”]"
                       r"|\"(?:[^\"\n]|\n(?!\s*\n))*\"|(?<![\w’'])‘[^‘’\n]*’(?!\w)")
# Specialisation for attribution (KZ301), inside one paragraph: curly or straight double quotes,
# an unclosed curly quote running to the paragraph's end (the convention for a quote that goes on
# in the next paragraph).
QUOTATION_IN_PARAGRAPH = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)")
# Text that opens with a quotation mark (after blanks): a quoted paragraph (KZ301).
OPENS_WITH_QUOTE = re.compile(r"\s*[“\"]")
# Any double quotation mark: a line that holds one quotes somebody (KZ102's furniture is never quoted).
QUOTE_MARK = re.compile(f"[{DOUBLE_QUOTE_MARKS}]")
_QUOTE_SPAN = QUOTATION


def quoted_spans(text: str, base: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each quotation in `text` ("…", “…”, «…», „…“, ‘…’), shifted by `base`."""
    return [(base + m.start(), base + m.end()) for m in _QUOTE_SPAN.finditer(text)]


def _sentence_starts(doc: Document) -> list[int]:
    """doc.sentences' start offsets, in order (built once per document, cached on it)."""
    starts = doc.__dict__.get("_kz2_sentence_starts")
    if starts is None:
        starts = doc.__dict__["_kz2_sentence_starts"] = [s.start for s in doc.sentences]
    return starts


def sentence_at(doc: Document, offset: int) -> int:
    """Index in doc.sentences of the sentence holding `offset`, or -1."""
    index = bisect.bisect_right(_sentence_starts(doc), offset) - 1
    if index >= 0 and offset < doc.sentences[index].end:
        return index
    return -1


def _sentence_quotes(doc: Document, index: int) -> tuple[list[int], list[int]]:
    """(starts, ends) of the quotations of sentence `index` (scanned once per sentence, cached on
    the document: rescanning the sentence for every word made long sentences quadratic)."""
    cache = doc.__dict__.setdefault("_kz2_sentence_quotes", {})
    found = cache.get(index)
    if found is None:
        sentence = doc.sentences[index]
        spans = quoted_spans(doc.prose[sentence.start:sentence.end], sentence.start)
        found = cache[index] = ([a for a, _ in spans], [b for _, b in spans])
    return found


def in_quotes(doc: Document, start: int, end: int) -> bool:
    """Whether doc.text[start:end] sits inside a quotation of its sentence."""
    index = sentence_at(doc, start)
    if index < 0:
        return False
    # The quotations of a sentence do not overlap: only the last one opening at or before
    # `start` can hold the span.
    starts, ends = _sentence_quotes(doc, index)
    last = bisect.bisect_right(starts, start) - 1
    return last >= 0 and end <= ends[last]
