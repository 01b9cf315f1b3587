"""Common words of languages other than English (wordfreq's small lists), for telling an English
sentence from a German, French or Spanish one before lingua is asked (KZ202, KZ203).

wordfreq ships its lists inside the package; they are read directly (the "cBpack" format that
`wordfreq.read_cBpack` documents), as lint/reference/wordlists.py reads the English one, and
only when a sentence needs them: an English article never loads one. Nothing is downloaded.
Without wordfreq (the core install: it is the `lang` extra), each language's 150 commonest
words that kzlint ships anyway (jusText's stop lists, lint/data/stopwords.txt) stand in for its
list: a German or Indonesian sentence is mostly such words, so it still reads as German or
Indonesian, not as English full of unknown words (KZ203 reported a German article as 69
garbled sentences).
"""

from __future__ import annotations

import gzip
import importlib.util
import math
import re
from functools import cache
from pathlib import Path

import msgpack

from lint.reference import wordlists
from lint.reference.furniture import stop_lists

# wordfreq's codes for the languages KZ202 knows by lingua's names.
WORDFREQ_CODES = {"german": "de", "french": "fr", "spanish": "es", "turkish": "tr", "italian": "it",
                  "portuguese": "pt", "dutch": "nl", "polish": "pl", "swedish": "sv", "czech": "cs",
                  "romanian": "ro", "hungarian": "hu", "finnish": "fi", "danish": "da", "indonesian": "id",
                  "catalan": "ca", "norwegian": "nb", "english": "en"}


@cache
def common_words(language: str, min_zipf: float = 3.0) -> dict[str, float]:
    """{word: Zipf frequency} of the words of `language` (lingua's name or wordfreq's code) at
    least this common: wordfreq's list; without wordfreq, the shipped stop words (_stop_words);
    empty when the one in use has no list for it."""
    code = WORDFREQ_CODES.get(language.lower(), language.lower())
    buckets = _buckets(code)
    if not buckets and importlib.util.find_spec("wordfreq") is None:
        return {word: zipf for word, zipf in _stop_words(code).items() if zipf >= min_zipf}
    words: dict[str, float] = {}
    stop = min(len(buckets), int(round((9.0 - min_zipf) * 100)) + 1)
    for index in range(stop):
        words.update(dict.fromkeys(buckets[index], round(9 - index / 100, 2)))
    return words


# jusText's names (lint/data/stopwords.txt) of the languages whose name is not just wordfreq's code's
_STOP_LIST_NAMES = {"nb": "Norwegian_Bokmal"}


@cache
def _stop_words(code: str) -> dict[str, float]:
    """{word: estimated Zipf frequency} of the shipped stop list of a language (wordfreq's code or
    lingua's name). The list is in order of frequency, and a language's n-th commonest word has
    a Zipf frequency of about 7.7 - log10(n) (Zipf's law; wordfreq's English, German, Italian
    and Indonesian lists agree to within 0.15 on average over their first 150 words)."""
    code = WORDFREQ_CODES.get(code, code)
    name = {value: key for key, value in WORDFREQ_CODES.items()}.get(code, code)
    wanted = _STOP_LIST_NAMES.get(code, name).lower()
    for listed, words in stop_lists():
        if listed.lower() == wanted:
            ranks: dict[str, float] = {}
            for rank, word in enumerate(words, 1):
                ranks.setdefault(word, round(7.7 - math.log10(rank), 2))
            return ranks
    return {}


# A code wordfreq's own lookup may match to one of its lists ("pt-BR", "por"): 2-3 letters, then a subtag.
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_]\w+)*\Z")


@cache
def _buckets(code: str) -> list[list[str]]:
    spec = importlib.util.find_spec("wordfreq")
    try:
        folder = Path(spec.submodule_search_locations[0])  # type: ignore[union-attr, index]
        with gzip.open(folder / "data" / f"small_{code}.msgpack.gz", "rb") as packed:
            data = msgpack.unpack(packed, raw=False)
        header = data[0]
        if isinstance(header, dict) and header.get("format") == "cB" and header.get("version") == 1:
            return data[1:]
    except (AttributeError, TypeError, IndexError, OSError, ValueError, msgpack.UnpackException):
        pass
    if not _LANGUAGE_TAG.match(code):  # a name wordfreq has no list under ("russian"): its import
        return []  # (langcodes, 0.4 s per process) would only refuse it
    try:
        import wordfreq

        return wordfreq.get_frequency_list(code, wordlist="small")
    except (ImportError, LookupError, ValueError):
        return []


def leaning(words: list[str], others: tuple[str, ...]) -> tuple[int, int]:
    """(words that read as English, words that read as one of `others`) among `words`.

    A lowercase word reads as English when it is common in English (Zipf >= 3) and at least as
    common there as in every other language (less 0.5); as another language's when it is common
    there and clearly rarer in English ("hat", "der", "festgenommen" in a German sentence;
    "police", "de", "la" vote neither way). A capitalised word votes only for another language,
    when English does not know it and that language does (German nouns: "Polizei", "Menschen"),
    so names, unknown to every list, never vote.
    """
    votes = _votes(others)
    if len(votes) > 100_000:  # the words seen so far: bounded over a long run
        votes.clear()
    tally = [0, 0, 0]  # neither, English, another language
    for word in words:
        vote = votes.get(word)
        if vote is None:
            vote = votes[word] = _vote(word, others)
        tally[vote] += 1
    return tally[1], tally[2]


@cache
def _votes(others: tuple[str, ...]) -> dict[str, int]:
    """Each word's vote once decided (`_vote`): a long article asks about the same words again and
    again (28,000 sentences of 5 MB of news, each checked word by word)."""
    return {}


def _vote(word: str, others: tuple[str, ...]) -> int:
    """0: no vote, 1: English, 2: another language (see `leaning`)."""
    lower = word.lower()
    en = wordlists.frequency(lower)  # the English list kzlint reads anyway (large, shipped)
    other = max((common_words(language, 0.0).get(lower, 0.0) for language in others), default=0.0)
    if word[:1].isupper():
        return 2 if other >= 3.0 and en < 2.0 else 0
    if en >= 3.0 and en + 0.5 >= other:
        return 1
    return 2 if other >= 3.0 and other > en + 1.0 else 0


# Latin-script languages wordfreq has lists for, which untranslated text in English news comes in.
LATIN_LANGUAGES = ("german", "french", "spanish", "italian", "portuguese", "dutch", "turkish", "indonesian")
_WORD = re.compile(r"(?<![\w'’-])[^\W\d_]+(?:['’-][^\W\d_]+)*")
# The characters of a text whose words are read: some 8,000 words tell a language as well as all of
# them, and a line of 20 MB is not copied into millions of words (memory per input byte, issue 17).
SAMPLE = 50_000


def reads_as_other_language(text: str, others: tuple[str, ...] = LATIN_LANGUAGES) -> bool:
    """Whether a sentence reads as German, Portuguese ... rather than English: at least three words
    lean to another language and more lean that way than to English. Such a sentence is
    untranslated text (KZ202's), not garbled English (KZ203) nor English with typos (KZ201)."""
    words = _WORD.findall(text[:SAMPLE])
    if len(_ENGLISH_ONLY.intersection(w.lower() for w in words)) >= 2:
        return False  # "the", "and", "was" ...: English, without loading any other language's list
    return _leans_other(words, others)


def article_words(text: str) -> list[str]:
    """The words of a text, as the functions here read them."""
    return _WORD.findall(text)


def mostly_other_language(text: str, others: tuple[str, ...] = LATIN_LANGUAGES) -> bool:
    """Whether a long text (an article) reads as another language as a whole. An Italian article
    quotes an English "the" and "and" somewhere, so its shortcut is a share: words only English
    uses are 6-30% of an English article's words (5.7% at the least in the 1,689 dev-corpus
    articles) and at most 1.1% of the foreign articles of dev-scraped's clean set. Above
    ENGLISH_SHARE no other language's list is loaded (eight of wordfreq's lists: 60 MB). Most
    articles are settled before any word is read: " the " and " and " alone reach that share."""
    sample = text[:SAMPLE]
    lowered = sample.lower()
    if lowered.count(" the ") + lowered.count(" and ") >= ENGLISH_SHARE * (lowered.count(" ") + 1):
        return False  # a tenth of the time of reading the words (11 against 105 us an article)
    words = _WORD.findall(sample)
    if sum(map(_ENGLISH_ONLY.__contains__, map(str.lower, words))) >= ENGLISH_SHARE * len(words):
        return False
    return _leans_other(words, others)


ENGLISH_SHARE = 0.03


def likeliest_language(words: list[str], others: tuple[str, ...]) -> tuple[str, list[str]] | None:
    """(language, its words) when a sentence's words (all of them, names included) read as one of
    `others`: at least three lean to it and more than lean to English (see leaning); the first of
    `others` wins a tie. The words are those that lean to it, each once, in order: what a message
    can show as the reason."""
    best: tuple[int, str] | None = None
    for language in others:
        english, other = leaning(words, (language,))
        if other >= 3 and other > english and (best is None or other > best[0]):
            best = (other, language)
    if best is None:
        return None
    votes = _votes((best[1],))
    return best[1], list(dict.fromkeys(word for word in words if votes.get(word) == 2))


def _leans_other(words: list[str], others: tuple[str, ...]) -> bool:
    english, other = leaning(words, others)
    return other >= 3 and other > english


# Words only English uses among the languages above: two of them settle a sentence cheaply.
# ("is", "was", "of", "will", "has" are also Dutch, German or Spanish words: not here.)
_ENGLISH_ONLY = frozenset("the and were are that with for this which would said have had it its they their "
                          "from been but not".split())
