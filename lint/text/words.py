"""English words for the language rules (KZ202-KZ204): tokens and small word classes.

Rules scan prose with the compiled patterns here (C speed) and only look closer at the few places
they match; how common a word is comes from lint.reference.wordlists.
"""

from __future__ import annotations

import re
import weakref
from itertools import compress

from lint.core.document import Document
from lint.reference.wordlists import unknown

# A lowercase ASCII word standing alone: not part of "Kazakhstan’s", "co-operate", "maßnahmen" or "K2".
LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")

# -- the one base list of English function words, by class ---------------------------------------
# Every other list of small words in kzlint is a named selection from these (words_from() refuses a
# word that is not here) plus, where a rule needs them, a few documented extras.
ARTICLES = ("a", "an", "the")
DETERMINERS = frozenset((*ARTICLES, *"this these those its their his our your my".split()))
PREPOSITIONS = frozenset("of to in on at by for from with into onto about over under between against "
                         "through during without within among towards upon until despite amid via".split())
CONJUNCTIONS = frozenset("and or but nor because although though while whereas if unless than as when "
                         "whether that which who whom whose where".split())
AUXILIARIES = frozenset("is are was were be been being am has have had do does did will would shall "
                        "should can could may might must".split())
# Words that only ever join other words: a sentence cannot end on one (KZ203).
FUNCTION_WORDS = DETERMINERS | PREPOSITIONS | CONJUNCTIONS | AUXILIARIES


def words_from(base: frozenset[str], words: str) -> tuple[str, ...]:
    """The space-separated `words`, in order, each checked to be in `base`: a specialisation of a
    base list can leave words out, never spell one differently or add one unseen."""
    picked = tuple(words.split())
    if stray := [word for word in picked if word not in base]:
        raise ValueError(f"not in the base list: {', '.join(stray)}")
    return picked


# Named specialisations (rule option defaults; the rules' Options use these, rules.yaml does not copy them).
# A paragraph that ends on one of these stopped mid-clause (KZ107 `open-words`).
OPEN_WORDS = words_from(FUNCTION_WORDS, "a an the of to and or but with for from in on at by because while unless "
                                        "although whereas whether than into onto between during without within "
                                        "among until despite amid via")
# A line that ends on one of these (or a comma) is unfinished even when the next starts in
# capitals (KZ109 `open-words`). "her" is a possessive here; it is no FUNCTION_WORD because, as
# an object pronoun, a sentence may end on it.
LINE_OPEN_WORDS = (*words_from(FUNCTION_WORDS, "a an the of from to in on at by for with and or but that as his "
                                               "their its is was were are"), "her")
# Lower-case words that, glued to a capitalised word, show a lost space ("fromSergey", KZ104
# `joiners`). The extras are words a sentence may end on, so no FUNCTION_WORDS, but news text
# never glues them to a name on purpose. (Order is immaterial: the rules compile these longest first.)
GLUE_JOINERS = (*words_from(FUNCTION_WORDS, "a an the of from to in on at by for with and or but into onto than as "
                                            "about over under between against during without within that this "
                                            "his their its is was were are has have had be been when where who "
                                            "which via"),
                "after", "before", "said", "says", "told", "her", "not", "also")
# Words an article is never followed by: "the of", "a the" (KZ203 article pairs).
NOT_AFTER_ARTICLE = frozenset(words_from(FUNCTION_WORDS, "the a an of to in on at by from with and or but nor than "
                                                         "is are was were has have had been being"))

# -- months and weekdays --------------------------------------------------------------------------
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
# Each month's name and the abbreviations news text writes -> its number ("sept" -> 9; "may" has none).
MONTH_NUMBERS = {name: number for number, month in enumerate(MONTHS, start=1)
                 for name in (month, month[:3], *(["sept"] if month == "september" else []))}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# "Jan|Feb|...|Dec": the three-letter abbreviations as written in a date, for patterns.
MONTH_ABBREVIATION_ALTERNATION = "|".join(month[:3].title() for month in MONTHS)


_SEPARATOR_CHARS = "!\"#$%&()*+,./:;<=>?@[\\]^_`{|}~“”‘«»„‟…–—•·¡¿£€¥"
_SEPARATORS = str.maketrans({**{c: " " for c in _SEPARATOR_CHARS}, "’": "'"})
_TOKEN = re.compile(f"[^\\s{re.escape(_SEPARATOR_CHARS)}]+")
_TOKENS: weakref.WeakKeyDictionary[Document, list[str]] = weakref.WeakKeyDictionary()


def tokens(doc: Document) -> list[str]:
    """doc.prose split into words, in order, case kept (once per document, shared by the rules).

    Cheap (a translate and a split, in C); neighbours in this list are neighbours in the text
    up to punctuation, so rules find candidates here and confirm them in doc.prose.
    """
    found = _TOKENS.get(doc)
    if found is None:
        prose = doc.prose
        found = _split_words(prose) if len(prose) <= _SHARED_FROM else _shared_words(prose)
        _TOKENS[doc] = found
    return found


def _split_words(prose: str) -> list[str]:
    if prose.isascii():
        return prose.translate(_SEPARATORS).split()
    return _TOKEN.findall(prose.replace("’", "'"))  # translate is ten times slower on non-ASCII text


# A document longer than this is split a piece at a time (cut at a space, so the words are the same)
# into one string per distinct word: a 20 MB line has 2.8 million words (~63 bytes each as strings)
# but only tens of thousands of distinct ones, and no full-size copy of its text is made.
_SHARED_FROM = 1_000_000
_SPACE = re.compile(r"\s")


def _shared_words(prose: str) -> list[str]:
    distinct: dict[str, str] = {}
    found: list[str] = []
    start = 0
    while start < len(prose):
        space = _SPACE.search(prose, start + _SHARED_FROM)  # the piece ends after a whitespace character
        end = space.end() if space else len(prose)
        words = _split_words(prose[start:end])
        found.extend(map(distinct.setdefault, words, words))
        start = end
    return found


_LOWERCASE: weakref.WeakKeyDictionary[Document, list[str]] = weakref.WeakKeyDictionary()
_UNKNOWN: weakref.WeakKeyDictionary[Document, frozenset[str]] = weakref.WeakKeyDictionary()


def lowercase_tokens(doc: Document) -> list[str]:
    """The tokens that start in lowercase (not names), in order (once per document)."""
    found = _LOWERCASE.get(doc)
    if found is None:
        words = tokens(doc)
        found = _LOWERCASE[doc] = list(compress(words, map(str.islower, words)))
    return found


def unknown_words(doc: Document) -> frozenset[str]:
    """Lowercase words of the document that English does not have (looked up in C, in the small
    list of common words first: it stays in the CPU cache and takes out most of them; once per
    document: KZ104 and KZ203 ask)."""
    found = _UNKNOWN.get(doc)
    if found is None:
        found = _UNKNOWN[doc] = frozenset(unknown(set(lowercase_tokens(doc))))
    return found

