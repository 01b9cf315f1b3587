"""Runs of capitalised words in a document's sentences: the candidates for names of people and places
(sentence-initial words, titles, months and function words are not names)."""

from __future__ import annotations

import bisect
import re
from functools import partial
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from lint.core.document import Document, Sentence
from lint.facts.names import NameIndex
from lint.reference.wordlists import zipf_frequency
from lint.text import words as word_lists
from lint.text.transliteration import skeleton

# Words that are no name when capitalised: the function words (lint/text/words.py), auxiliaries
# aside ("Will", "May", "Can" are names too), and the pronouns, adverbs, ordinals and web-page
# labels ("Watch", "Related") a capitalised run also starts with.
NOT_NAME_WORDS = (word_lists.FUNCTION_WORDS - word_lists.AUXILIARIES) | frozenset("""
so yet off out up it he she they we i you her there here then now after before since until what why how
all any both each every few more most other some such no not only own same too very also just even still
however meanwhile moreover furthermore nevertheless instead last next first second third new according
despite around across near outside inside behind beyond toward yesterday today tonight tomorrow earlier
later once twice never always often sometimes watch read see view related click follow share sign
subscribe source sources photo video
""".split())


TITLES = frozenset("""
president presidents prime minister ministers chancellor secretary mr mrs ms miss dr prof professor
sir lord lady dame king queen prince princess emperor general gen colonel col captain capt major
lieutenant lt sergeant sgt admiral senator sen governor gov mayor judge justice chairman chairwoman
chair chief deputy vice acting former ex foreign home shadow interior defence defense health
finance economy trade industry education culture transport energy attorney speaker pope archbishop
bishop rev reverend father sheikh ayatollah pastor imam rabbi cardinal cleric priest coach manager boss striker midfielder defender
goalkeeper keeper skipper captain champion spokesman spokeswoman spokesperson commissioner
ambassador envoy inspector superintendent constable officer detective agent director ceo
chairperson leader premier mp mep mr. mrs. dr. st saint adviser advisor commander administrator counsellor
counselor
""".split())


NOT_NAMES = NOT_NAME_WORDS | TITLES | set(word_lists.MONTH_NUMBERS) | set(word_lists.WEEKDAYS)


# A word that starts with a capital (Latin, Latin-1, Latin Extended-A, Cyrillic; checked again in code),
# not in the middle of a word ("McDonald", "Nur-Sultan": \w is `str.isalnum()` or "_"). The capital
# comes first, so that `re` looks for it with a fast character-set scan.
CAPITAL_WORD = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-žЀ-Я](?<![\w’'‐-].)[\w’'‐-]*")


DIGIT = re.compile(r"\d")
# An Arabic article before a capitalised name, hyphenated: 'al-Zarqawi', 'el-Sisi', 'ul-Haq'
# (the capital after a hyphen is no word start for CAPITAL_WORD)
PARTICLE_WORD = re.compile(r"(?<![\w’'‐-])(?:al|el|ul|ud|ad|ar|ur|as|ash|at|az|an)[‐-][A-Z][\w’'‐-]*")
# the hyphen before a capital that every particle word has (rare in a text: a fast scan finds it)
HYPHEN_CAPITAL = re.compile(r"[‐-][A-Z]")
# Lower-case particles inside a name, between two name words: 'Osama bin Laden', 'Abu Musab al Zarqawi'
PARTICLE_GAPS = frozenset(f" {p} " for p in "bin ibn bint al el ul ud ad".split())


WORD_AFTER = re.compile(r" ([a-z][a-z-]*)")


HYPHEN = re.compile(r"[‐-]")


class Word(NamedTuple):
    """A capitalised word of the prose that can be part of a name, or a breaker (start == end, no
    text) where a run must end. A tuple: facts that keep one stay JSON-able (a list round-trips)."""

    start: int
    end: int
    possessive: bool  # "Kazakhstan's": ends the run it is in (True for a breaker)
    text: str
    lower: str

    @classmethod
    def breaker(cls, start: int) -> Word:
        return cls(start, start, True, "", "")


# Word from a tuple, without the NamedTuple's Python-level __new__ (a document has thousands of words)
_word = partial(tuple.__new__, Word)


class Run:
    """A maximal run of capitalised words inside one sentence ('White House Press Secretary Jen
    Psaki') and the name in it, without titles and function words around it ('Jen Psaki').
    The word after the run and the run's parts are looked up only when asked for (most runs
    never need them)."""

    __slots__ = ("words", "name", "_keys", "_text", "_end", "_after", "_parts")

    def __init__(self, text: str, words: list[Word], name: list[Word], sentence: Sentence) -> None:
        self.words = words
        self.name = name
        self._text, self._end = text, sentence.end
        self._keys: list[str] | None = None
        self._after: str | None = None
        self._parts: list[tuple[int, int, str]] | None = None

    @property
    def keys(self) -> list[str]:
        """`names.skeleton` of each name word: the skeleton of several words joined by spaces is
        theirs joined (empty ones left out), so no part of the run is folded twice."""
        if self._keys is None:
            self._keys = [skeleton(word.text) for word in self.name]
        return self._keys

    @property
    def after(self) -> str:
        """The lower-case word right after the run ("region"), if any."""
        if self._after is None:
            end = self.words[-1].end
            match = WORD_AFTER.match(self._text, end, self._end) if self._text.startswith(" ", end) else None
            self._after = match.group(1) if match else ""
        return self._after

    def key(self, first: int = 0, last: int | None = None) -> str:
        """The skeleton of name words [first, last)."""
        return " ".join(filter(None, self.keys[first:last]))

    def parts(self, index: NameIndex, longest: int = 4) -> list[tuple[int, int, str]]:
        """(first, last, skeleton) of the parts of up to `longest` name words whose skeleton can
        be a `names:` key (of `index`, the one of every call). A word with a skeleton part in no
        key rules out every part containing it, so most runs have none to look up."""
        if self._parts is None:
            words = index.key_parts
            known = [not key or key in words or (" " in key and all(part in words for part in key.split(" ")))
                     for key in self.keys]
            self._parts = []
            for i in range(len(known)):
                for j in range(i + 1, min(len(known), i + longest) + 1):
                    if not known[j - 1]:
                        break
                    self._parts.append((i, j, self.key(i, j)))
        return self._parts


def capital_words(doc: Document, skip: Sequence[tuple[int, int]]) -> list[Word]:
    """Every word of the prose that can be part of a name: it starts with a capital, has no
    digit, every hyphen part is capitalised ('Nur-Sultan', not 'Russian-led'; but 'Kim Jong-un'), and it is not
    inside a URL; other capitalised words are breakers. One regex scan of the document."""
    text = doc.prose
    skip_starts, skip_ends = merged_spans(skip)
    words: list[Word] = []
    append = words.append
    for match in CAPITAL_WORD.finditer(text):
        start = match.start()
        raw = match.group()
        if skip_starts and covered(skip_starts, skip_ends, start):
            append(Word.breaker(start))
        elif raw.isalpha():  # most words: no digit, hyphen, apostrophe or underscore to look at
            append(_word((start, start + len(raw), False, raw, raw.lower())) if raw[0].isupper()
                   else Word.breaker(start))
        else:
            append(_marked_word(raw, start, words[-1] if words else None, text))
    if "-" in text or "‐" in text:
        extra = []
        for match in _particle_words(text):
            start = match.start()
            if skip_starts and covered(skip_starts, skip_ends, start):
                continue
            head = match.group().split("_", 1)[0]
            word = head.rstrip("’'‐-")
            possessive = word.endswith(("’s", "'s")) or len(word) < len(head)
            if word.endswith(("’s", "'s")):
                word = word[:-2]
            if not DIGIT.search(word):
                extra.append(Word(start, start + len(word), possessive, word, word.lower()))
        if extra:
            words = sorted(words + extra)
    return words


def _particle_words(text: str) -> Iterator[re.Match]:
    """The matches of `PARTICLE_WORD.finditer(text)`, tried only where a particle ends in a hyphen
    before a capital: the regex alone tries its particles at every 'a', 'e' and 'u' of the text."""
    end = 0  # matches do not overlap, as finditer's
    for hyphen in HYPHEN_CAPITAL.finditer(text):
        for start in (hyphen.start() - 3, hyphen.start() - 2):  # 'ash-', then 'al-' ... 'an-'
            match = PARTICLE_WORD.match(text, start) if start >= max(end, 0) else None
            if match:
                yield match
                end = match.end()
                break


def _marked_word(raw: str, start: int, previous: Word | None, text: str) -> Word:
    """A capitalised word with a digit, hyphen, apostrophe or underscore in it: the word without
    a possessive or trailing marks, or a breaker when it is no name material."""
    head = raw.split("_", 1)[0]
    word = head.rstrip("’'‐-")
    possessive = word.endswith(("’s", "'s")) or len(word) < len(head)
    if word.endswith(("’s", "'s")):
        word = word[:-2]
    if (not word or not word[0].isupper() or DIGIT.search(word)
            or (("-" in word or "‐" in word) and not all(part[:1].isupper() for part in HYPHEN.split(word))
                and not _syllables(word, previous, start, text))):
        return Word.breaker(start)
    return Word(start, start + len(word), possessive, word, word.lower())


def _syllables(word: str, previous: Word | None, start: int, text: str) -> bool:
    """A Korean or Chinese given name with a lower-case second syllable ('Jong-un', 'Jae-in',
    'Geun-hye', 'Xiao-ping'; a longer one no English word: 'Jae-myung', 'Jae-myeong') right after a
    short family name in the same run ('Kim Jong-un', 'Moon Jae-in', 'Lee Jae-myung'): name
    material, although 'Russian-led', 'The Anti-war' or 'Cup Semi-final' are not."""
    parts = HYPHEN.split(word)
    if len(parts) != 2 or previous is None or previous.end != start - 1 or text[start - 1] != " ":
        return False
    first, second = parts
    family = previous.text
    if not (family and family[0].isupper() and 2 <= len(family) <= 5 and previous.lower not in NOT_NAMES):
        return False
    if not (2 <= len(first) <= 5 and first.isalpha() and first[1:].islower()
            and second.isalpha() and second.islower()
            and (2 <= len(second) <= 4 or (len(second) <= 6 and zipf_frequency(second) < 3.0))):
        return False
    return zipf_frequency(first.lower()) < 4.3  # 'Jong', 'Jin', 'Geun'; not 'Anti', 'Pro', 'Non', 'Co', 'Mid'


def merged_spans(spans: Sequence[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """(starts, ends) of the union of the half-open spans, disjoint and in order, for bisect
    (testing every word against every span was quadratic)."""
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(span for span in spans if span[0] < span[1]):
        if ends and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


def covered(starts: list[int], ends: list[int], offset: int) -> bool:
    index = bisect.bisect_right(starts, offset) - 1
    return index >= 0 and offset < ends[index]


_ABBREVIATION = re.compile(r"[A-Z]{2,4}")


def name_words(words: list[Word]) -> list[Word]:
    """The words of a run without the titles before the name and function words around it:
    'White House Press Secretary Jen Psaki' -> 'Jen Psaki', 'The Hague' -> 'Hague'."""
    if len(words) == 1:  # most runs
        return words if words[0].lower not in NOT_NAMES else []
    first, last = 0, len(words)
    for position in range(last - 1, -1, -1):
        if words[position].lower in TITLES:
            first = position + 1
            break
    # ... and an office's abbreviation after a title, before a name of two words ('Interior CS Kithure Kindiki';
    # not the firm of 'JP Morgan Chase')
    if 0 < first < last - 2 and _ABBREVIATION.fullmatch(words[first].text):
        first += 1
    while first < last and words[first].lower in NOT_NAMES:
        first += 1
    while last > first and words[last - 1].lower in NOT_NAMES:
        last -= 1
    return words[first:last]


def capitalised_runs(doc: Document, skip: Sequence[tuple[int, int]] = ()) -> list[list[Run]]:
    """The runs of each sentence of the document that hold a name: capitalised words joined by
    single spaces or an Arabic particle ('Osama bin Laden', 'Abu Musab al Zarqawi'); a possessive
    ('Kazakhstan's') ends a run."""
    words = capital_words(doc, skip)
    starts = [word.start for word in words]
    text = doc.prose
    by_sentence: list[list[Run]] = []
    for sentence in doc.sentences:
        runs: list[Run] = []
        group: list[Word] = []
        previous: Word | None = None  # the word the next one may join (none after a breaker or possessive)
        for word in words[bisect.bisect_left(starts, sentence.start):bisect.bisect_left(starts, sentence.end)]:
            start, end, possessive, _, _ = word
            if end != start and previous is not None and (start == previous.end + 1 and text[start - 1] == " "
                                                          or text[previous.end:start] in PARTICLE_GAPS):
                group.append(word)
            else:
                if group:
                    _add_run(runs, text, group, sentence)
                group = [word] if end != start else []  # a breaker is no name material
            previous = word if end != start and not possessive else None
        if group:
            _add_run(runs, text, group, sentence)
        by_sentence.append(runs)
    return by_sentence


def _add_run(runs: list[Run], text: str, group: list[Word], sentence: Sentence) -> None:
    name = name_words(group)
    if len(name) > 2 and _PORTFOLIO_BEFORE.search(text, max(0, group[0].start - 40), group[0].start):
        # 'Minister for Railways Khawaja Saad Rafique', 'Minister of Home Affairs Amit Shah': the office's
        # last words (words English writes every day) open the run; a name of two words is kept whole
        while len(name) > 2 and zipf_frequency(name[0].lower) >= PORTFOLIO_ZIPF:
            name = name[1:]
    if name:  # a run without a name ("The", "He said") matters to nobody
        runs.append(Run(text, group, name, sentence))


_PORTFOLIO_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(TITLES - {'mr.', 'mrs.', 'dr.'}))})\s+(?:of|for)\s+(?:the\s+)?$",
                               re.I)
PORTFOLIO_ZIPF = 3.5  # 'Railways' 3.9, 'Affairs' 4.7; 'Khawaja' 2.4, 'Saad' 2.9
