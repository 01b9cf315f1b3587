"""wordfreq's English word list, shipped with kzlint as data (KZ202-KZ204, KZ502): no wordfreq install.

The list's hash tables cost about 0.1 s of CPU per process: `warm_up()` in a rule's prepare()
has them built in the main process right before it forks workers, which share them. A run that
does not fork (a pre-commit run checks a file or two) looks its few words up by bisection in
wordfreq's sorted lists instead, until enough lookups make the tables pay.
"""

from __future__ import annotations

import bisect
import gzip
import math
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from itertools import filterfalse

import msgpack

from lint.core.forking import before_fork


def warm_up() -> None:
    """Have the word tables built in this process right before it forks (workers then share them,
    instead of building them once each); a process that never forks builds only what it uses."""
    before_fork(_build_tables)


def _build_tables() -> None:
    for min_zipf in (3.0, 2.0, 0.0):
        known_words(min_zipf)
    # The 800 bucket lists would be walked by the garbage collector in every worker process.
    _english_buckets.cache_clear()
    _filled_buckets_last_first.cache_clear()


DATA = ("lint", "data/wordfreq/large_en.msgpack.gz")  # shipped: lint/data/wordfreq/README.md (licence)


class WordListError(Exception):
    """The shipped list is missing or not a cBpack file (a broken install)."""


@lru_cache(maxsize=1)
def _english_buckets() -> list[list[str]]:
    """wordfreq's English list, bucket i holding the words of Zipf 9 - i/100, shipped with kzlint
    (lint/data/wordfreq/, CC BY-SA 4.0): wordfreq itself is 58 MB of 40 languages, of which
    kzlint reads this one 1.5 MB file. The "cBpack" format (`wordfreq.read_cBpack` documents it)
    is a msgpack list: the header {"format": "cB", "version": 1}, then the buckets, each sorted."""
    package, name = DATA
    try:
        with resources.files(package).joinpath(name).open("rb") as raw, gzip.open(raw, "rb") as packed:
            data = msgpack.unpack(packed, raw=False)
    except (OSError, ValueError, msgpack.UnpackException) as exc:
        raise WordListError(f"kzlint's English word list ({name}) cannot be read: {exc}; reinstall kzlint") from None
    header = data[0] if data else None
    if not (isinstance(header, dict) and header.get("format") == "cB" and header.get("version") == 1):
        raise WordListError(f"kzlint's English word list ({name}) is not a cBpack file; reinstall kzlint")
    return data[1:]


_TABLES: dict[float, dict[str, float]] = {}
# A bisection costs some 0.1 ms, a table 5-90 ms: after this many bisections (a pre-commit run
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
        buckets = _english_buckets()
        stop = _stop(min_zipf, buckets)
        # A table extends the largest one already built for a higher threshold (a prefix of the
        # same buckets): the words are hashed and inserted once, not once per threshold.
        start, words = max(((_stop(z, buckets), table) for z, table in _TABLES.items() if _stop(z, buckets) <= stop),
                           key=lambda built: built[0], default=(0, {}))
        words = words.copy()
        for index in range(start, stop):  # a word in two buckets: the last wins, as in wordfreq
            words.update(dict.fromkeys(buckets[index], _zipf_of(index)))
        _TABLES[min_zipf] = words
    return words


def _stop(min_zipf: float, buckets: list[list[str]]) -> int:
    """How many of the buckets (most frequent first) hold the words at least this frequent."""
    return len(buckets) if min_zipf <= 0 else min(len(buckets), int(round((9.0 - min_zipf) * 100)) + 1)


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
    """The Zipf frequency of the last bucket holding `word`: each bucket of a cBpack list is
    sorted (`wordfreq.read_cBpack` documents it; tests/test_prose_words.py checks it)."""
    stop = _stop(min_zipf, _english_buckets())
    for index, bucket in _filled_buckets_last_first():
        if index < stop:
            at = bisect.bisect_left(bucket, word)
            if at < len(bucket) and bucket[at] == word:
                return _zipf_of(index)
    return None


@lru_cache(maxsize=1)
def _filled_buckets_last_first() -> list[tuple[int, list[str]]]:
    """(index, bucket) of the buckets holding words (560 of 800), rarest first."""
    return [(index, bucket) for index, bucket in reversed(list(enumerate(_english_buckets()))) if bucket]


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


# Punctuation that separates words (apostrophes and hyphens stay inside them; ’ becomes ').


def unknown(words: Iterable[str]) -> set[str]:
    """The words English does not have (looked up in C, in the small list of common words first:
    it stays in the CPU cache and takes out most of them)."""
    uncommon = filterfalse(known_words(3.0).__contains__, words)
    everything = _TABLES.get(0.0)
    if everything is None:
        return {word for word in uncommon if not is_known(word)}
    return set(filterfalse(everything.__contains__, uncommon))
