"""Names across transliterations: a spelling-blind key and a fuzzy check.

Kazakh and Russian names reach English news through several romanisations (Kassym-Jomart /
Kasym-Zhomart, Mangystau / Mangistau / Manghystau). `skeleton` maps such spellings to one
key (consonants only, after folding the usual transliteration pairs), so variants meet in one
dictionary bucket (a group-by, never all-pairs); `same_name` then confirms a pair with
rapidfuzz, token by token, so that Iran/Iraq, Dan/Don Brown or Tony/Cherie Blair never meet.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CYRILLIC = dict(zip(
    "абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяә",
    "a b v g g d e e zh z i i k k l m n n o o p r s t u u u f kh h ts ch sh shch _ y i _ e yu ya a".split(),
))
_CYRILLIC = {key: ("" if value == "_" else value) for key, value in _CYRILLIC.items()}
# Ordered: longer spellings first. Each pair is a common romanisation difference.
_FOLDS = (("dzh", "j"), ("zh", "j"), ("dj", "j"), ("kh", "h"), ("gh", "g"), ("ph", "f"), ("ck", "k"),
          ("q", "k"), ("w", "v"), ("x", "ks"), ("y", "i"))
_DOUBLE = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aeiou]")
_SEPARATORS = re.compile(r"[\s\-‐‑–]+")
_NOT_LETTER = re.compile(r"[^a-z]")


def fold(text: str) -> str:
    """Lower case Latin letters only: Cyrillic romanised, accents and apostrophes dropped."""
    if text.isascii():  # nothing to romanise or decompose
        return _NOT_LETTER.sub("", text.lower())
    text = "".join(_CYRILLIC.get(ch, ch) for ch in text.lower())
    text = unicodedata.normalize("NFKD", text)
    return _NOT_LETTER.sub("", "".join(ch for ch in text if not unicodedata.combining(ch)))


@lru_cache(maxsize=1 << 16)
def normalize_token(token: str) -> str:
    """One word with romanisation differences folded away: 'Kassym' and 'Kasym' -> 'kasim'."""
    text = fold(token)
    for before, after in _FOLDS:
        text = text.replace(before, after)
    return _DOUBLE.sub(r"\1", text)


def tokens(name: str) -> list[str]:
    """A name's words; hyphens separate words too ('Nur-Sultan' ~ 'Nur Sultan')."""
    return [t for t in _SEPARATORS.split(name.strip()) if t]


@lru_cache(maxsize=1 << 16)
def skeleton(name: str) -> str:
    """The bucket key: each word's consonants after folding, its first letter kept.

    'Saltanat Azirbek' and 'Sultanat Azirbek' -> 'sltnt azrbk'; 'Iran' -> 'irn', 'Iraq' -> 'irk'.
    """
    parts = []
    for token in tokens(name):
        normal = normalize_token(token)
        if normal:
            parts.append(normal[0] + _VOWELS.sub("", normal[1:]))
    return " ".join(parts)


def spelling(name: str) -> str:
    """How a name is written, ignoring only case and the shape of apostrophes and spaces."""
    return " ".join(name.replace("’", "'").split()).casefold()


def same_name(first: str, second: str, *, min_ratio: float = 80.0, min_length: int = 5) -> bool:
    """Are two spellings with the same skeleton one name? Every word must agree: equal once
    romanisation is folded, or (for words of at least `min_length` letters, in names of two words
    or more) differ by one letter with a rapidfuzz ratio of at least `min_ratio`
    ('Saltanat'/'Sultanat', not 'Dan'/'Don', not 'China'/'Chino'). Single letters never match."""
    from rapidfuzz.distance import Levenshtein
    from rapidfuzz.fuzz import ratio

    words_a, words_b = tokens(first), tokens(second)
    if len(words_a) != len(words_b) or min(len(fold(w)) for w in words_a + words_b) < 2:
        return False
    if len(words_a) == 1:  # one word carries no second word to confirm it: it must fold to the same
        return normalize_token(words_a[0]) == normalize_token(words_b[0])
    for a, b in zip(words_a, words_b):
        a, b = normalize_token(a), normalize_token(b)
        if a == b:
            continue
        if min(len(a), len(b)) < min_length or Levenshtein.distance(a, b) > 1 or ratio(a, b) < min_ratio:
            return False
    return True


def differing_words(first: str, second: str) -> list[tuple[str, str]]:
    """The word pairs (folded to lower-case letters) in which two same-length names differ."""
    return [(fold(a), fold(b)) for a, b in zip(tokens(first), tokens(second)) if fold(a) != fold(b)]
