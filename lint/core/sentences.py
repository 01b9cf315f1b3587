"""Sentence splitting with offsets, tuned for news prose (abbreviations, initials, quotes)."""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st gen sen rep gov lt col capt sgt maj cmdr adm rev jr sr inc ltd co corp
    vs etc e.g i.e fig jan feb mar apr jun jul aug sep sept oct nov dec mt ft approx est dept
    univ assn bros ave blvd u.s u.k u.n e.u a.m p.m""".split()
)

# A sentence ends at . ! ? or … (possibly followed by closing quotes/brackets), then whitespace,
# then something that can start a sentence. Matches start only at the first mark of a run and
# never backtrack into it: 30,000 dots in a row would otherwise take quadratic time (16 s per 20 KB).
# The mark comes before the lookbehind, so that `re` looks for it with a fast character-set scan.
_BOUNDARY = re.compile(r"""[.!?…](?<![.!?…].)[.!?…]*+["'”’»)\]]*+(?=\s+["'“‘«(\[]?[A-Z0-9\u0400-\u04FF])""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def split_sentences(text: str, base: int = 0) -> list[tuple[int, int]]:
    """Return (start, end) offsets (shifted by `base`) of the sentences in `text`.

    Leading and trailing whitespace is excluded from each span; empty spans are dropped.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if _is_abbreviation(text, match.start()):
            continue
        _append(spans, text, start, match.end(), base)
        start = match.end()
    _append(spans, text, start, len(text), base)
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    before = text[word.start() - 1] if word.start() else " "
    if len(token) == 1:  # an initial ("J. Smith"), not the end of "$375m." or "Parker's."
        return word.group(1).isupper() and (before.isspace() or before in "(“\"'‘")
    if token in ("no", "nos"):  # "No. 10", but not "He said no."
        return text[dot + 1 : dot + 3].strip()[:1].isdigit()
    return token in _ABBREVIATIONS


# A "sentence" longer than this is not prose (a figure list or a scrape without full stops, 20 MB on
# one line): it is cut at the last space before the limit, so that work rules do per figure, name
# or clause of a sentence stays bounded. Real sentences stay far below it (the longest of 100,000
# in the benchmark and scraped corpora has 1,138 characters).
MAX_SENTENCE = 5000


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int, base: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = max(text.rfind(" ", start + 1, start + MAX_SENTENCE), text.rfind("\n", start + 1, start + MAX_SENTENCE))
        if cut <= start:
            cut = start + MAX_SENTENCE  # no space to cut at: one run of letters
        _append(spans, text, start, cut, base)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((base + start, base + end))
