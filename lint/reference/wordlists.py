"""wordfreq's English word list, shipped with kzlint as data (KZ202-KZ204, KZ502): no wordfreq install.

The list's hash tables cost about 0.1 s of CPU per process: `warm_up()` in a rule's prepare()
has them built in the main process right before it forks workers, which share them. A run that
does not fork (a pre-commit run checks a file or two) looks its few words up by bisection in
the shipped index instead (lint/data/wordfreq/large_en.index), until enough lookups make the
tables pay.
"""

from __future__ import annotations

import bisect
import math
import re
import struct
import sys
from array import array
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from itertools import filterfalse
from typing import NamedTuple

from lint.core.forking import before_fork


def warm_up() -> None:
    """Have the word tables built in this process right before it forks (workers then share them,
    instead of building them once each); a process that never forks builds only what it uses."""
    before_fork(_build_tables)


def _build_tables() -> None:
    for min_zipf in (3.0, 2.0, 0.0):
        known_words(min_zipf)


DATA = ("lint", "data/wordfreq/large_en.index")  # shipped: lint/data/wordfreq/README.md (licence)
_MAGIC = b"KZWORDS1"


class WordListError(Exception):
    """The shipped list is missing or not the index tools/build_word_index.py writes (a broken install)."""


class _WordIndex(NamedTuple):
    """wordfreq's English list as tools/build_word_index.py lays it out: the words of bucket i
    (Zipf 9 - i/100) are numbers starts[i] to starts[i + 1] - 1; word n is text[end of word
    n - 1 + 1 : ends[n]]; `order` numbers the words in the order of their bytes."""

    text: bytes
    starts: memoryview
    ends: memoryview
    order: memoryview

    def word(self, number: int) -> bytes:
        return self.text[self.ends[number - 1] + 1 if number else 0:self.ends[number]]

    def bucket_words(self, bucket: int) -> list[str]:
        first, stop = self.starts[bucket], self.starts[bucket + 1]
        if first == stop:
            return []
        return self.text[self.ends[first - 1] + 1 if first else 0:self.ends[stop - 1]].decode().split("\n")


@lru_cache(maxsize=1)
def _index() -> _WordIndex:
    """wordfreq's English list (lint/data/wordfreq/, CC BY-SA 4.0), read whole as bytes and
    looked into where needed: decoding its 321,000 words took a pre-commit run 50 ms for the
    few it looks up (wordfreq itself is 58 MB of 40 languages; kzlint ships this one)."""
    package, name = DATA
    try:
        data = resources.files(package).joinpath(name).read_bytes()
        words, buckets = struct.unpack_from("<II", data, len(_MAGIC))
        sizes = (buckets + 1, words, words)
        parts, at = [], len(_MAGIC) + 8
        for size in sizes:
            part = array("I", data[at:at + 4 * size])
            if sys.byteorder != "little":
                part.byteswap()
            parts.append(memoryview(part))
            at += 4 * size
    except (OSError, struct.error, ValueError) as exc:
        raise WordListError(f"kzlint's English word list ({name}) cannot be read: {exc}; reinstall kzlint") from None
    index = _WordIndex(data[at:], *parts)
    if not data.startswith(_MAGIC) or index.starts[-1] != words or index.ends[-1] + 1 != len(index.text):
        raise WordListError(f"kzlint's English word list ({name}) is not kzlint's word index; reinstall kzlint")
    return index


_TABLES: dict[float, dict[str, float]] = {}
# A bisection costs some 5 us, a table 5-90 ms: after this many bisections (a pre-commit run
# makes about 60), every table is built when first asked for.
_BISECTIONS_BEFORE_TABLES = 150
_bisections = 0


def known_words(min_zipf: float = 0.0) -> dict[str, float]:
    """English words at least this frequent (Zipf: 7 = 'the', 3 = 'peacekeepers', 1 = very rare;
    0 = all), each with its Zipf frequency (built once per threshold).

    A dict holding only strings and floats is not tracked by the garbage collector, which would
    otherwise walk its 320,000 entries again and again in each worker.
    """
    words = _TABLES.get(min_zipf)
    if words is None:
        index = _index()
        stop = _stop(min_zipf, len(index.starts) - 1)
        # A table extends the largest one already built for a higher threshold (a prefix of the
        # same buckets): the words are hashed and inserted once, not once per threshold.
        start, words = max(((_stop(z, len(index.starts) - 1), table) for z, table in _TABLES.items()
                            if _stop(z, len(index.starts) - 1) <= stop), key=lambda built: built[0], default=(0, {}))
        words = words.copy()
        for bucket in range(start, stop):
            words.update(dict.fromkeys(index.bucket_words(bucket), _zipf_of(bucket)))
        _TABLES[min_zipf] = words
    return words


def _stop(min_zipf: float, buckets: int) -> int:
    """How many of the buckets (most frequent first) hold the words at least this frequent."""
    return buckets if min_zipf <= 0 else min(buckets, int(round((9.0 - min_zipf) * 100)) + 1)


def _zipf_of(index: int) -> float:
    return round(9 - index / 100, 2)


def _zipf_or_none(word: str, min_zipf: float) -> float | None:
    """`known_words(min_zipf).get(word)`, by bisection while few words have been looked up."""
    global _bisections
    words = _TABLES.get(min_zipf)
    if words is None:
        _bisections += 1
        if _bisections <= _BISECTIONS_BEFORE_TABLES:
            return _bisect(word, min_zipf)
        words = known_words(min_zipf)
    return words.get(word)


def _bisect(word: str, min_zipf: float) -> float | None:
    """The Zipf frequency of `word`, found by bisection in the words in the order of their bytes
    (which is the order of the strings: UTF-8 keeps code-point order); each word is in one bucket."""
    index = _index()
    wanted = word.encode("utf-8", "surrogatepass")
    low, high = 0, len(index.order)
    while low < high:
        middle = (low + high) // 2
        if index.word(index.order[middle]) < wanted:
            low = middle + 1
        else:
            high = middle
    if low == len(index.order) or index.word(index.order[low]) != wanted:
        return None
    bucket = bisect.bisect_right(index.starts, index.order[low]) - 1
    return _zipf_of(bucket) if bucket < _stop(min_zipf, len(index.starts) - 1) else None


def zipf_frequency(word: str) -> float:
    """wordfreq's `zipf_frequency(word, "en")`: a table lookup for a plain lowercase word; other
    text is split into words whose frequencies combine as wordfreq combines them."""
    if word.isascii() and word.isalpha() and word.islower():
        found = _zipf_or_none(word, 0.0)
        return 0.0 if found is None else found
    return _combined_zipf(word)


# wordfreq's tokens for English text, simplified: runs of letters with inner apostrophes
# ("don't"). Numbers, emoji and abbreviations with dots ("k.c") are not what kzlint looks up:
# wordfreq estimates digits and keeps such tokens whole; here they count as unknown or split.
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")


def _combined_zipf(text: str) -> float:
    """The text case-folded and split into words, whose frequencies combine as wordfreq combines
    them (1/f = 1/f1 + 1/f2 + ..., three significant digits); a word the list lacks, or no word
    at all, gives 0."""
    words = _TOKEN.findall(text.casefold().replace("’", "'"))
    if not words:
        return 0.0
    inverse = 0.0
    for part in words:
        zipf = _zipf_or_none(part, 0.0)
        if zipf is None:
            return 0.0
        inverse += 1.0 / (10 ** (zipf - 9))
    frequency = 1.0 / inverse
    frequency = round(frequency, -int(math.floor(math.log10(frequency))) + 2)
    return max(round(math.log10(frequency) + 9, 2), 0.0)


def is_known(word: str, min_zipf: float = 0.0) -> bool:
    return _zipf_or_none(word, min_zipf) is not None


def frequency(word: str) -> float:
    """`known_words(0.0).get(word, 0.0)`, without building the table of 320,000 words (0.1 s) for
    the few words a run asks about."""
    return _zipf_or_none(word, 0.0) or 0.0


# Punctuation that separates words (apostrophes and hyphens stay inside them; ’ becomes ').


def unknown(words: Iterable[str]) -> set[str]:
    """The words English does not have (looked up in C, in the small list of common words first:
    it stays in the CPU cache and takes out most of them)."""
    uncommon = filterfalse(known_words(3.0).__contains__, words)
    everything = _TABLES.get(0.0)
    if everything is None:
        return {word for word in uncommon if not is_known(word)}
    return set(filterfalse(everything.__contains__, uncommon))
