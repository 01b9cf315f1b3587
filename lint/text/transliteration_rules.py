"""Spelling variants of one name, across romanisations and typing slips (for KZ502).

Names reach English news from Arabic, Urdu, Persian, Russian, Kazakh, Korean and Chinese
through several romanisations. The differences follow a few regular patterns:

- vowels the source script does not write, or writes differently: Mohammed / Muhammad,
  Hussein / Hussain, Osama / Usama, Qaeda / Qaida, Pervez / Parvez;
- consonants with several Latin spellings: Gaddafi / Qadhafi / Kadafi (q, g, k; dh, dd),
  Zhanaozen / Janaozen (zh, j, dzh), Khan / Han (kh), Parvez / Parwez (v, w);
- doubled letters: Musharraf / Musharaf;
- Russian endings and soft vowels: Zelensky / Zelenskiy / Zelenskyy, Yeltsin / Eltsin,
  Gorbachev / Gorbachov, Dostoyevsky / Dostoevsky;
- where a syllable ends: Kim Jong-un / Kim Jong Un, Xi Jin-ping / Xi Jinping (Korean and
  Chinese given names; only hyphens and spaces differ);
- the Arabic article: el-Sisi / al-Sisi, Zia ul-Haq / al-Haq, or left out: Bashar al-Assad / Bashar Assad;
- a word-final h that writes a vowel: Haniyeh / Haniya, Fatimah / Fatima.

`bucket_key` puts every such spelling of a name in one group (a group-by key: consonants
only, separators ignored); `compare` then says what kind of difference two spellings of a
group show, or None when they are different names (Mahmoud is not Muhammad, Iran is not
Iraq, Dan Brown is not Don Brown). `recommend` picks the spelling to advise from evidence:
a spelling that English text has never seen (wordfreq) and is no gazetteer name loses to one
it knows, even when it is the corpus majority ("Priya Sharrma" twice, "Sharma" once).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

_CYRILLIC = dict(zip(
    "абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяә",
    ["a", "b", "v", "g", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "k", "l", "m", "n", "n", "o", "o", "p", "r", "s", "t", "u", "u", "u", "f", "kh", "h", "ts", "ch", "sh", "shch", "_", "y", "i", "_", "e", "yu", "ya", "a"],
))
_CYRILLIC = {key: ("" if value == "_" else value) for key, value in _CYRILLIC.items()}
_SEPARATORS = re.compile(r"[\s\-‐‑–—]+")
_NOT_LETTER = re.compile(r"[^a-z]")
_DOUBLE = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aeiou]")

# Consonant spellings of one sound (ordered: longer first). Applied in both keys.
_CONSONANTS = (("tch", "ch"), ("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"), ("dh", "d"),
               ("ph", "f"), ("ck", "k"), ("q", "k"), ("w", "v"), ("x", "ks"))
# Vowel spellings of one sound in romanised Arabic, Urdu, Persian and Russian (Cyrillic е/ё after
# ч/ш/ж, и/й/ы endings). Applied only in the vowel-aware form, after the consonants.
_VOWEL_RULES = (
    (re.compile(r"^ye"), "e"),                      # Yeltsin / Eltsin (Cyrillic Е at a word start)
    (re.compile(r"([aeiou])ye"), r"\1e"),           # Dostoyevsky / Dostoevsky
    (re.compile(r"(ch|sh|j)o(v|va)$"), r"\1e\2"),   # Gorbachov / Gorbachev
    (re.compile(r"y"), "i"),                        # Zelensky / Zelenskiy / Zelenskyy; Sergey / Sergei
    (re.compile(r"(ou|oo)"), "u"),                  # Mahmoud / Mahmud
    (re.compile(r"ee"), "i"),                       # Shareef / Sharif
    (re.compile(r"e"), "a"),                        # Mohammed / Muhammad, Ahmed / Ahmad, Pervez / Parvez
    (re.compile(r"ai(?=[^aeiou]|$)"), "a"),         # Hussein / Hussain / Husayn, Qaeda / Qaida
    (re.compile(r"o"), "u"),                        # Osama / Usama, Mohammed / Muhammad
    (re.compile(r"(?<=[a-z]{3})ah$"), "a"),         # Fatimah / Fatima
)


# The Arabic definite article as romanisations write it: Abdel Fattah el-Sisi / al-Sisi, Zia ul-Haq /
# Zia al-Haq. Short and common in English, so the vowel rules alone never call them one word.
_ARTICLES = frozenset(("al", "el", "ul", "il"))


def fold(text: str) -> str:
    """Lower-case Latin letters only: Cyrillic romanised, accents and apostrophes dropped."""
    text = text.lower()
    if not text.isascii():
        text = "".join(_CYRILLIC.get(ch, ch) for ch in text)
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return _NOT_LETTER.sub("", text)


def words(name: str) -> list[str]:
    """A name's words; hyphens separate words too ('Jong-un' -> 'Jong', 'un')."""
    return [w for w in _SEPARATORS.split(name.strip()) if w]


def is_latin(name: str) -> bool:
    """Every letter Latin (accents allowed): names in Cyrillic, Arabic or CJK script decline or
    are written in another language; KZ502 compares romanised English-text spellings only."""
    if name.isascii():
        return True
    for ch in name:
        if ch.isalpha() and not ch.isascii() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


@lru_cache(maxsize=1 << 16)
def _consonants(word: str) -> str:
    text = fold(word)
    for before, after in _CONSONANTS:
        text = text.replace(before, after)
    if text.endswith("kue"):  # a French-style 'que' for a final q: Rafique / Rafiq, Siddique / Siddiq
        text = text[:-2]
    return text


@lru_cache(maxsize=1 << 16)
def form(word: str) -> str:
    """A word with romanisation differences folded away: 'Muhammad', 'Mohammed' -> 'muhamad';
    'Gaddafi', 'Qadhafi', 'Kadafi' -> 'kadafi' (g before a vowel at a word start reads as q/k)."""
    text = _consonants(word)
    if text.startswith("g") and len(text) > 1 and text[1] in "aeiou":
        text = "k" + text[1:]
    for pattern, replacement in _VOWEL_RULES:
        text = pattern.sub(replacement, text)
    return _DOUBLE.sub(r"\1", text)


# a word-final 'h' after a vowel writes the vowel, not a consonant (Arabic and Persian ta marbuta):
# Haniyeh / Haniya, Fatimah / Fatima
_FINAL_H = re.compile(r"(?<=[a-z]{3}[aeiou])h$")


# a final 'h' after the vowel of a syllable after a hyphen, as Wade-Giles writes it: Ching-teh / Ching-te
_SYLLABLE_H = re.compile(r"(?<=[aeiou])h$")
_HYPHENATED_SYLLABLE_H = re.compile(r"([-‐‑][A-Za-z]{0,3}[aeiou])h\b")


@lru_cache(maxsize=1 << 16)
def bucket_key(name: str) -> str:
    """The group of a name: its consonants after folding the consonant spellings, separators and
    vowels ignored ('Kim Jong-un' = 'Kim Jong Un' -> 'kmjngn'; 'Gaddafi' = 'Qadhafi' -> 'kdf';
    'Osama' = 'Usama' -> 'sm'; 'Haniyeh' = 'Haniya' -> 'hn'). A group-by key only: `compare` decides."""
    parts = []
    named = words(_HYPHENATED_SYLLABLE_H.sub(r"\1", name) if "h" in name else name)
    if sum(fold(word) not in _ARTICLES for word in named) >= 2:  # Bashar al-Assad = Bashar Assad
        named = named[:1] + [word for word in named[1:] if fold(word) not in _ARTICLES]  # not Al Gore's
    for word in named:
        text = _FINAL_H.sub("", consonant_form(word))
        if text.startswith("g") and len(text) > 1 and text[1] in "aeiou":
            text = "k" + text[1:]
        parts.append(text)
    return _VOWELS.sub("", "".join(parts).replace("y", "i"))


# The letters a bucket key holds (consonants after folding; see bucket_key).
_KEY_LETTERS = "bcdfghjklmnprstvz"
MIN_SLIP_KEY = 5  # shorter keys ("Xi Li") would meet too many other names by one letter


def slip_keys(key: str) -> set[str]:
    """The bucket keys one typing slip away: a consonant dropped, added or swapped with the next
    ('ksjnpng' for Xi Jinping; 'ksjngpng', Xi Jingping, is one of them).
    A partial run looks these up too; find_variants joins buckets by deletions only (both sides)."""
    if len(key) < MIN_SLIP_KEY:
        return set()
    found = {key[:i] + key[i + 1:] for i in range(len(key))}
    found.update(key[:i] + key[i + 1] + key[i] + key[i + 2:] for i in range(len(key) - 1))
    found.update(key[:i] + letter + key[i:] for i in range(len(key) + 1) for letter in _KEY_LETTERS)
    # never a partner: a key too short to be joined ('Martin' for 'Wei Martin'), or a plural's
    found.difference_update((key, key + "s", key[:-1] if key.endswith("s") else key))
    return {k for k in found if len(k) >= MIN_SLIP_KEY}


def slipped(first: str, second: str, min_length: int = 5) -> bool:
    """Two spellings of as many words, equal but for one word of `min_length` letters or more in
    which a letter was added, dropped, or swapped with its neighbour, or changed for one that sounds
    alike (Doumbia / Dounbia, Nsanzimana / Nzanzimana); not another change: 'Clair' and 'Blair' are
    two names as often as a slip."""
    words_a, words_b = words(first), words(second)
    if len(words_a) != len(words_b) or len(words_a) < 2:
        return False
    differing = [(fold(a), fold(b)) for a, b in zip(words_a, words_b) if fold(a) != fold(b)]
    if len(differing) != 1:
        return False
    from rapidfuzz.distance import OSA

    a, b = differing[0]
    if min(len(a), len(b)) < min_length or a + "s" == b or b + "s" == a:  # a plural: "Subaru Imprezas"
        return False
    # one edit of OSA's (a letter added, dropped, changed, or two swapped), a changed one only to its like
    return OSA.distance(a, b) == 1 and (len(a) != len(b) or sorted(a) == sorted(b)
                                        or {x + y for x, y in zip(a, b, strict=True) if x != y} <= _ALIKE)


# consonants romanisations and ears confuse: a nasal before a labial (Doumbia / Dounbia), s and z
_ALIKE = frozenset(("mn", "nm", "sz", "zs"))


def spelling(name: str) -> str:
    """How a name is written, ignoring only case and the shape of apostrophes and spaces."""
    return " ".join(name.replace("’", "'").split()).casefold()


# -- comparing two spellings ----------------------------------------------------------------------

SEPARATOR = "separator"          # only hyphens, spaces, apostrophes, accents or case differ: Kim Jong-un / Kim Jong Un
TRANSLITERATION = "transliteration"  # a romanisation rule explains every difference: Mohammed / Muhammad
TYPO = "typo"                    # one letter in a long word of a longer name: Barbara Follet / Follett
ARTICLE = "article"              # the Arabic article written in one only: Bashar al-Assad / Bashar Assad


@dataclass(frozen=True, slots=True)
class Difference:
    kind: str
    words: tuple[tuple[str, str], ...]  # the differing words (folded), in order


def compare(first: str, second: str, *, zipf: Callable[[str], float] = lambda word: 0.0,
            established: float = 2.8, min_length: int = 5, min_ratio: float = 80.0) -> Difference | None:
    """What kind of variant `second` is of `first`, or None when they are two names.

    Every word must agree: equal, or equal once romanisation is folded (`form`), or (in a name
    of two words or more, for words of `min_length` letters or more) one letter apart with a
    rapidfuzz ratio of at least `min_ratio`. Two differing words that are both established in
    English (wordfreq Zipf >= `established`: Davis/Davies, Miller/Muller, Phillips/Philips) are
    two names, unless a vowel or consonant rule of romanisation (not only a doubled letter)
    explains the difference in a long word and the name's other words are the same
    (Mohammed Atta / Muhammad Atta), or one vowel inside a given name that English does not write
    every day differs before a shared rare surname (Khalid / Khaled Zadran; not Dan / Don Brown), or
    only a doubled letter differs beside names English does not write every day (Samia Suluhu
    Hassan / Hasan, Mohammed / Mohamed Salah; not Mark Phillips / Philips), or a romanisation beside
    two such names (Yoon / Yun Suk Yeol).
    """
    if first == second:
        return None
    folded_a, folded_b = words(first), words(second)
    joined_a, joined_b = fold("".join(folded_a)), fold("".join(folded_b))
    if joined_a == joined_b:
        return Difference(SEPARATOR, ())
    if len(folded_a) != len(folded_b):
        # a syllable boundary moved ('Xi Jin-ping' / 'Xi Jinping'): compare the words of each side
        # that are not shared, joined
        return _uneven(folded_a, folded_b)
    differing: list[tuple[str, str]] = []
    kinds: list[str] = []
    given_vowel = False  # two established given names one vowel apart (see the end)
    for position, (a, b) in enumerate(zip(folded_a, folded_b, strict=True)):
        fa, fb = fold(a), fold(b)
        if fa == fb:
            continue
        if min(len(fa), len(fb)) < 2:
            return None
        differing.append((fa, fb))
        if (fa in _ARTICLES and fb in _ARTICLES) or (
                _SYLLABLE_H.sub("", fa) == _SYLLABLE_H.sub("", fb) and _syllables(a, first, b, second)):
            kinds.append(TRANSLITERATION)  # al / el; a syllable's silent final h (Lai Ching-te / Ching-teh)
            continue
        kind = _word_difference(fa, fb, several=len(folded_a) > 1, min_length=min_length, min_ratio=min_ratio)
        if kind is None:
            return None
        if min(zipf(fa), zipf(fb)) >= established and not (kind == TRANSLITERATION and _syllables(a, first, b, second)):
            ruled = kind == TRANSLITERATION and _DOUBLE.sub(r"\1", fa) != _DOUBLE.sub(r"\1", fb)
            if not (ruled and min(len(fa), len(fb)) >= min_length and len(folded_a) > 1):
                if _romanised_beside_rare(fa, fb, folded_a, position, zipf, min_length):
                    kinds.append(kind)
                    continue
                if not (position < len(folded_a) - 1 and len(fa) >= min_length and _vowel_swapped(fa, fb)
                        and max(zipf(fa), zipf(fb)) < EVERYDAY_NAME):
                    return None
                given_vowel = True
        kinds.append(kind)
    if not differing:
        return None
    if given_vowel and (len(differing) > 1 or zipf(fold(folded_a[-1])) >= established):
        return None  # Khalid / Khaled Zadran: one vowel of a given name, a rare surname shared; not Dan / Don Brown
    if len(folded_a) > 1 and len(differing) == len(folded_a) and TYPO in kinds:
        return None  # every word differs, not all by romanisation: too little to go on
    return Difference(TYPO if TYPO in kinds else TRANSLITERATION, tuple(differing))


# a given name English writes every day (Francis, Zipf 4.4; Frances 3.7): its one-vowel neighbour is
# another English name (Francis and Frances Okafor may be brother and sister), not a romanisation slip
EVERYDAY_NAME = 4.0


def _romanised_beside_rare(a: str, b: str, name: list[str], position: int, zipf: Callable[[str], float],
                        min_length: int) -> bool:
    """Two long words that differ only by a doubled letter (Hassan / Hasan), or any two words one
    romanisation (Yoon / Yun) beside two other words, in a name whose other words English does not
    write every day: a romanisation, not two families' names."""
    others = [fold(word) for i, word in enumerate(name) if i != position]
    if not others or any(zipf(word) >= EVERYDAY_NAME for word in others):
        return False
    if min(len(a), len(b)) >= min_length and _DOUBLE.sub(r"\1", a) == _DOUBLE.sub(r"\1", b):
        return True
    # a Korean family name romanised two ways (Yoon / Yun Suk Yeol) beside two given syllables of its own
    return len(others) >= 2 and form(a) == form(b)


def _vowel_swapped(a: str, b: str) -> bool:
    """One vowel inside the word written as another (Khalid / Khaled, Mohamed / Mohamad), the last
    letter kept: romanisation's commonest slip, where Maria / Mario or Louis / Louise are two names."""
    if len(a) != len(b) or a[-1] != b[-1]:
        return False
    changed = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(changed) == 1 and all(_VOWELS.fullmatch(letter) for letter in changed[0])


def _syllables(a: str, first: str, b: str, second: str) -> bool:
    """Both words are syllables of a hyphenated given name (Oh Se-hoon / Oh Se-hun): that English
    writes 'hoon' and 'hun' as words says nothing of two Korean names."""
    return all(re.search(rf"[-‐‑]{re.escape(word)}\b|\b{re.escape(word)}[-‐‑]", name)
               for word, name in ((a, first), (b, second)))


@lru_cache(maxsize=1 << 16)
def consonant_form(word: str) -> str:
    """`form` without the vowel rules (consonant spellings, y/i, doubled letters only): what a
    single-word name must share to be a variant ('Mangistau' / 'Mangystau', not 'Rise' / 'Riise')."""
    return _DOUBLE.sub(r"\1", _consonants(word).replace("y", "i"))


def _word_difference(a: str, b: str, *, several: bool, min_length: int, min_ratio: float) -> str | None:
    from rapidfuzz.distance import OSA, Levenshtein
    from rapidfuzz.fuzz import ratio

    if not several:  # a one-word name has no other word to confirm it: consonant spellings only
        return TRANSLITERATION if consonant_form(a) == consonant_form(b) else None
    if form(a) == form(b):
        # each rule changes a letter or two; more changes than that is another name that happens to
        # fold the same way (Gavyn / Kevin)
        if Levenshtein.distance(_DOUBLE.sub(r"\1", a), _DOUBLE.sub(r"\1", b)) <= (3 if min(len(a), len(b)) >= 8 else 2):
            return TRANSLITERATION
        return None
    if min(len(a), len(b)) < min_length:
        return None

    x, y = form(a), form(b)
    # the letters counted once consonant spellings are folded: 'x' and 'ks' are one sound
    # (Alexander / Aleksandr, a vowel dropped besides)
    if OSA.distance(x, y) <= 1 and ratio(x, y) >= min_ratio and Levenshtein.distance(consonant_form(a), consonant_form(b)) <= 2:
        return TYPO  # a letter added, dropped, changed, or two swapped ("Zelenksy")
    return None


def _uneven(words_a: list[str], words_b: list[str]) -> Difference | None:
    a = [fold(w) for w in words_a]
    b = [fold(w) for w in words_b]
    inside = False  # a shared first word: what differs is not a first name ('Al Aynsley-Green')
    while a and b and a[0] == b[0]:
        a, b, inside = a[1:], b[1:], True
    while a and b and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    if not a or not b:
        extra = a or b
        if inside and all(word in _ARTICLES for word in extra):
            return Difference(ARTICLE, tuple((word, "") for word in extra))  # house styles: AP drops 'al-'
        return None  # one name has a word more: 'George Bush' / 'George W Bush' are not variants
    if "".join(a) == "".join(b):
        return Difference(SEPARATOR, ())
    if form("".join(a)) == form("".join(b)):
        return Difference(TRANSLITERATION, (("".join(a), "".join(b)),))
    bare_a, bare_b = [w for w in a if w not in _ARTICLES], [w for w in b if w not in _ARTICLES]
    if inside and bare_a and bare_b and (bare_a, bare_b) != (a, b) and form("".join(bare_a)) == form("".join(bare_b)):
        return Difference(TRANSLITERATION, (("".join(a), "".join(b)),))  # Muammar al-Qaddafi / Gaddafi
    return None


# -- which spelling to recommend ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Spelling:
    text: str        # as first written
    mentions: int    # in the corpus
    documents: int   # documents that use it


@dataclass(frozen=True, slots=True)
class Recommendation:
    spelling: str    # the key of `spellings` to write
    reason: str      # why, in words, for the message
    tie: bool = False  # no evidence either way: every spelling is reported, naming another
    settled: bool = True  # False: only a leaning (the corpus's house style, or its weak majority
    #                       between two established spellings), which the finding must not present as the right one


def known(word: str, zipf: Callable[[str], float], is_place: Callable[[str], bool]) -> bool:
    """Has English text seen this word (wordfreq), or is it a place name (gazetteer)?"""
    return zipf(word) >= 1.0 or is_place(word)


CLEAR_MAJORITY = (3, 2)  # a corpus majority settles a spelling from 3 documents and twice the other's
FAMILIAR_MARGIN = 0.3  # Zipf units: one spelling at least twice as common in English (log10 2)


def recommend(spellings: Mapping[str, Spelling], *, zipf: Callable[[str], float] = lambda word: 0.0,
              is_place: Callable[[str], bool] = lambda word: False, configured: str | None = None,
              max_majority: int = 3) -> Recommendation:
    """The spelling to advise among the variants of one name.

    1. The spelling the config lists (names: preferred, aliases, places).
    2. Evidence from the world: a spelling all of whose words English text knows (wordfreq) or
       the gazetteer names, against one with a word nobody writes ('Sharrma'), unless the
       unknown spelling is the corpus's clear house style (in `max_majority` times as many
       documents as the known one, and at least 3).
    3. Spellings that differ only by hyphens, spaces or case are a house style, not a misspelling
       (Delta Air Lines / Delta Airlines, Hewlett-Packard / Hewlett Packard): the majority, else the
       most joined form, is only a leaning (`settled` false), never "the right one".
    4. A clear corpus majority (`CLEAR_MAJORITY`: from 3 documents and twice the other's): documents
       first (one article repeating a slip is one choice), then mentions.
    5. Otherwise the spelling English text knows at least twice as well (`FAMILIAR_MARGIN`: summed
       Zipf frequency), when the corpus does not lean the other way (Barbara Follett / Follet).
    6. Otherwise, between two established spellings (Damien / Damian, Launderette / Laundrette) a
       weak majority or a small difference in frequency is only a leaning (`settled` false): a
       majority can be a repeated slip, and a name need not use the commoner word.
    7. Nothing at all tells them apart: a tie (`tie`), each reported naming another.
    """
    keys = sorted(spellings)
    if configured is not None and configured in spellings:
        return Recommendation(configured, "the spelling listed in the config's names:")

    def unknown_words(key: str) -> int:
        others = [k for k in keys if k != key]
        own = set(map(fold, words(key)))
        shared = set.intersection(*(set(map(fold, words(k))) for k in others)) if others else set()
        return sum(1 for w in own - shared if not known(w, zipf, is_place))

    unknown = {k: unknown_words(k) for k in keys}
    clean = [k for k in keys if unknown[k] == 0]
    if clean and len(clean) < len(keys):
        best_clean = max(clean, key=lambda k: (spellings[k].documents, spellings[k].mentions, _familiarity(k, zipf)))
        dirty = [k for k in keys if unknown[k]]
        style = max(dirty, key=lambda k: spellings[k].documents)
        if not (spellings[style].documents >= 3
                and spellings[style].documents >= max_majority * spellings[best_clean].documents):
            words_unknown = sorted({w for k in dirty for w in map(fold, words(k)) if not known(w, zipf, is_place)})
            return Recommendation(best_clean, "'" + "', '".join(words_unknown[:3]) + "' is not an English word "
                                  "or known place name")

    def weight(key: str) -> tuple[int, int]:
        return spellings[key].documents, spellings[key].mentions

    separators_only = all((d := compare(keys[0], k)) is not None and d.kind == SEPARATOR for k in keys[1:])
    ranked = sorted(keys, key=lambda k: (weight(k), k), reverse=True)
    top, runner_up = weight(ranked[0]), weight(ranked[1])
    if top > runner_up:
        winner = ranked[0]
        counts = (f"in {top[0]} documents against {runner_up[0]}" if top[0] > runner_up[0]
                  else f"{top[1]} mentions in the corpus against {runner_up[1]}")
        if separators_only:
            return Recommendation(winner, counts, settled=False)
        if top[0] >= CLEAR_MAJORITY[0] and top[0] >= CLEAR_MAJORITY[1] * runner_up[0]:
            return Recommendation(winner, counts)
        familiar = max(keys, key=lambda k: (_familiarity(k, zipf), k))
        margin = _familiarity(familiar, zipf) - max(_familiarity(k, zipf) for k in keys if k != familiar)
        if familiar == winner and margin >= FAMILIAR_MARGIN:
            return Recommendation(winner, counts + ", and the more common spelling in English")
        return Recommendation(winner, counts, settled=False)
    leaders = [k for k in keys if weight(k) == top]
    if separators_only:
        joined = min(leaders, key=lambda k: (k.count(" ") + k.count("-"), k.count(" "), k))
        return Recommendation(joined, "as often as the other", settled=False)
    scores = {k: _familiarity(k, zipf) for k in leaders}
    ranked_leaders = sorted(leaders, key=lambda k: (-scores[k], k))
    margin = scores[ranked_leaders[0]] - scores[ranked_leaders[1]]
    if margin >= FAMILIAR_MARGIN:
        return Recommendation(ranked_leaders[0], "as frequent here, and the more common spelling in English")
    if margin > 0:
        return Recommendation(ranked_leaders[0], "as often as the other", settled=False)
    return Recommendation(ranked_leaders[0], "both equally frequent: pick one and list it in the config's names: "
                                             "preferred", tie=True)


def _familiarity(name: str, zipf: Callable[[str], float]) -> float:
    """How well English text knows a spelling's words (the article aside: "al" is common in English
    as "Al" and "et al.", which says nothing about al-Sisi against el-Sisi)."""
    return round(sum(zipf(folded) for w in words(name) if (folded := fold(w)) not in _ARTICLES), 3)


def variants(names: Sequence[str], **options) -> dict[str, Difference]:
    """For tests and tools: the spellings of `names[1:]` that are variants of `names[0]`."""
    return {n: d for n in names[1:] if (d := compare(names[0], n, **options)) is not None}
