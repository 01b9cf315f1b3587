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

DETERMINERS = frozenset("the a an this these those its their his our your my".split())
PREPOSITIONS = frozenset("of to in on at by for from with into onto about over under between against "
                         "through during without within among towards upon".split())
CONJUNCTIONS = frozenset("and or but nor because although though while whereas if unless than as when "
                         "whether that which who whom whose where".split())
AUXILIARIES = frozenset("is are was were be been being am has have had do does did will would shall "
                        "should can could may might must".split())
# Words that only ever join other words: a sentence cannot end on one.
FUNCTION_WORDS = DETERMINERS | PREPOSITIONS | CONJUNCTIONS | AUXILIARIES


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
    """Lowercase words of the document that English does not have (looked up in C, in the small
    list of common words first: it stays in the CPU cache and takes out most of them)."""
    return unknown(set(lowercase_tokens(doc)))
