"""English words for the language rules (KZ202-KZ204): wordfreq's list and small word classes.

The list is loaded once per process (about 0.2 s); `warm_up()` in a rule's prepare() loads it
in the main process so that forked workers share it. Rules scan prose with the compiled
patterns here (C speed) and only look closer at the few places they match.
"""

from __future__ import annotations

import bisect
import re
import weakref
from functools import lru_cache
from itertools import compress

from lint.document import Document

# A lowercase ASCII word standing alone: not part of "Kazakhstan’s", "co-operate", "maßnahmen" or "K2".
LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")
_QUOTE_SPAN = re.compile(r"“[^“”\n]*”|«[^«»\n]*»|„[^„“”\n]*[“”]|\"[^\"\n]*\"|(?<![\w’'])‘[^‘’\n]*’(?!\w)")

DETERMINERS = frozenset("the a an this these those its their his our your my".split())
PREPOSITIONS = frozenset("of to in on at by for from with into onto about over under between against "
                         "through during without within among towards upon".split())
CONJUNCTIONS = frozenset("and or but nor because although though while whereas if unless than as when "
                         "whether that which who whom whose where".split())
AUXILIARIES = frozenset("is are was were be been being am has have had do does did will would shall "
                        "should can could may might must".split())
# Words that only ever join other words: a sentence cannot end on one.
FUNCTION_WORDS = DETERMINERS | PREPOSITIONS | CONJUNCTIONS | AUXILIARIES

def warm_up() -> None:
    """Load wordfreq's English list now, once per process (about 0.1 s of CPU)."""
    for min_zipf in (0.0, 2.0, 3.0):
        known_words(min_zipf)


@lru_cache(maxsize=None)
def _buckets() -> tuple[tuple[str, ...], ...]:
    """wordfreq's English words by frequency: bucket i holds words of Zipf 9 - i/100.

    wordfreq ships its lists inside the package: nothing is downloaded.
    """
    import wordfreq

    return tuple(tuple(bucket) for bucket in wordfreq.get_frequency_list("en"))


@lru_cache(maxsize=None)
def known_words(min_zipf: float = 0.0) -> frozenset[str]:
    """English words at least this frequent (Zipf: 7 = 'the', 3 = 'peacekeepers', 1 = very rare; 0 = all)."""
    buckets = _buckets()
    stop = len(buckets) if min_zipf <= 0 else int(round((9.0 - min_zipf) * 100)) + 1
    return frozenset().union(*buckets[:stop])


def is_known(word: str, min_zipf: float = 0.0) -> bool:
    return word in known_words(min_zipf)


# Punctuation that separates words (apostrophes and hyphens stay inside them; ’ becomes ').
_SEPARATOR_CHARS = "!\"#$%&()*+,./:;<=>?@[\\]^_`{|}~“”‘«»„‟…–—•·¡¿£€¥"
_SEPARATORS = str.maketrans({**{c: " " for c in _SEPARATOR_CHARS}, "’": "'"})
_TOKEN = re.compile(f"[^\\s{re.escape(_SEPARATOR_CHARS)}]+")
_TOKENS: weakref.WeakKeyDictionary[Document, list[str]] = weakref.WeakKeyDictionary()


def tokens(doc: Document) -> list[str]:
    """doc.prose split into words, in order, case kept (once per document, shared by the rules).

    Cheap (a translate and a split in C); adjacency in this list is adjacency in the text up
    to punctuation, so rules use it to find candidates and confirm them in doc.prose.
    """
    found = _TOKENS.get(doc)
    if found is None:
        prose = doc.prose
        if prose.isascii():
            found = prose.translate(_SEPARATORS).split()
        else:  # translate is ten times slower on non-ASCII text; the pattern is not
            found = _TOKEN.findall(prose.replace("’", "'"))
        _TOKENS[doc] = found
    return found


_LOWERCASE: weakref.WeakKeyDictionary[Document, list[str]] = weakref.WeakKeyDictionary()


def lowercase_tokens(doc: Document) -> list[str]:
    """The tokens that start in lowercase (not names), in order (once per document)."""
    found = _LOWERCASE.get(doc)
    if found is None:
        words = tokens(doc)
        found = _LOWERCASE[doc] = list(compress(words, map(str.islower, words)))
    return found


def unknown_words(doc: Document) -> set[str]:
    """Lowercase words of the document that English does not have (two set differences in C:
    the small common list first, then the whole list)."""
    return set(lowercase_tokens(doc)) - known_words(3.0) - known_words()


def quoted_spans(text: str, base: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each quotation in `text` ("…", “…”, «…», „…“, ‘…’), shifted by `base`."""
    return [(base + m.start(), base + m.end()) for m in _QUOTE_SPAN.finditer(text)]


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def sentence_at(doc: Document, offset: int) -> int:
    """Index in doc.sentences of the sentence holding `offset`, or -1."""
    starts = [s.start for s in doc.sentences]
    index = bisect.bisect_right(starts, offset) - 1
    if index >= 0 and offset < doc.sentences[index].end:
        return index
    return -1


def in_quotes(doc: Document, start: int, end: int) -> bool:
    """Whether doc.text[start:end] sits inside a quotation of its sentence."""
    index = sentence_at(doc, start)
    if index < 0:
        return False
    sentence = doc.sentences[index]
    return inside(quoted_spans(doc.prose[sentence.start:sentence.end], sentence.start), start, end)
