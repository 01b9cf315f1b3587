"""The phrase compiler: lists of literal phrases (from rules.yaml) as regular expressions.

One module for every way kzlint turns a phrase list into a pattern:
- `phrase_pattern`: whole words, case folded by the caller, a space matching any run of spaces or
  hyphens, phrases normalised (the lexicon: measures, cues, qualifiers);
- `PhraseMatcher`: `phrase_pattern` under re.I with an RE2 pre-scan, for long lists over long texts;
- `Prefilter`: an RE2 superset scanner (no word boundaries) that says which sections hold a phrase;
- `WordStarts`: an RE2 pass that says where a pattern beginning with a digit or a word may match;
- `phrase_alternation`: the phrases as written, a space matching blanks (artifact rules' lists);
- `literal_alternation`: exact strings, longest first (labels, tags, custom-rule phrases).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable


def normalise(phrase: str) -> str:
    """Lookup key of a phrase: lower case, hyphens and runs of spaces as one space, straight quotes."""
    return " ".join(re.sub(r"[\s\-]+", " ", phrase.lower().replace("’", "'")).split())


def phrase_pattern(phrases) -> str:
    """One alternation matching any phrase as whole words (longest first); "" when there are none."""
    parts = []
    for phrase in _phrases(phrases):
        words = [re.escape(w).replace("'", "['’]") for w in phrase.split(" ")]
        parts.append(r"[\s\-]+".join(words))
    return rf"(?<![\w])(?:{'|'.join(parts)})(?![\w])" if parts else r"(?!x)x"


def reversed_phrase_pattern(phrases) -> str:
    """`phrase_pattern(phrases)` for the text read backwards, without the word boundary after a phrase
    (the caller's): a phrase ending where the text ends is a match at the start of `text[::-1]`, one
    attempt instead of a search through the whole text."""
    parts = []
    for phrase in _phrases(phrases):
        words = [re.escape(w[::-1]).replace("'", "['’]") for w in reversed(phrase.split(" "))]
        parts.append(r"[\s\-]+".join(words))
    return rf"(?:{'|'.join(parts)})(?![\w])" if parts else r"(?!x)x"


def longest_first(strings: Iterable[str]) -> list[str]:
    """Longest first, so an alternation prefers the longest match; ties in alphabetical order,
    so a pattern built from a set is the same text in every process (see engine.pattern_cache)."""
    return sorted(strings, key=lambda s: (-len(s), s))


def _phrases(phrases) -> list[str]:
    """The distinct normalised phrases, longest first."""
    return longest_first({normalise(p) for p in phrases if p.strip()})


def phrase_alternation(phrases: Iterable[str]) -> str:
    """Literal phrases as one regex alternation, longest first; a space matches any run of blanks
    and an apostrophe matches a curly one too."""
    escaped = longest_first({re.escape(" ".join(p.split())) for p in phrases if p.strip()})
    return "|".join(e.replace(r"\ ", r"[ \t\u00a0]+").replace("'", "['’]") for e in escaped)


def literal_alternation(words: Iterable[str]) -> str:
    """Exact strings as one alternation, longest first (no other normalisation)."""
    return "|".join(re.escape(w) for w in longest_first(words))


class Prefilter:
    """A fast scanner for any of `phrases` (a superset: no word boundaries). RE2 matches a large
    alternation in one linear pass, some 40 times faster than `re` here. Its \\s and (?i) are
    narrower than re's: "lost their\xa0lives" needs re's Unicode spaces, "kılled" re's i/ı/İ.
    It reads the text's UTF-8 bytes, as RE2 does for a str, but without the str path's offset
    conversion at every match (half the time on a text dense with phrases)."""

    def __init__(self, phrases) -> None:
        import re2

        space = rf"[{_UNICODE_SPACE}\-]+"
        words = [space.join(re.escape(w).replace("i", "[iıİ]") for w in p.split(" "))
                 for p in longest_first(phrases)]
        self._pattern = re2.compile(f"(?i)(?:{'|'.join(words) or 'a^'})".encode())

    def hit_sections(self, text: str, starts: list[int]) -> list[int]:
        """The indices of the sections of `text` beginning at the ascending offsets `starts` (the
        first at 0 or before the first phrase) that hold the start of a phrase, ascending."""
        data = text.encode()
        if len(data) != len(text):  # not ASCII: the sections' starts in bytes, one pass over the text
            byte_starts, at, total = [], 0, 0
            for start in starts:
                total += len(text[at:start].encode())
                byte_starts.append(total)
                at = start
            starts = byte_starts
        return sorted({bisect.bisect_right(starts, m.start()) - 1 for m in self._pattern.finditer(data)})


class WordStarts:
    """Where a `re` pattern may match that can only begin (after a non-word character) with a
    digit or one of `words` (case folded): one RE2 pass over the ASCII copy of the text, as
    PhraseMatcher makes it. Every offset the pattern can match at lies in start..end (end
    included) of one of the spans `spans` gives: the span begins with the character before the
    word, and its end is where the next word may begin when RE2 took that character."""

    def __init__(self, words) -> None:
        import re2

        alternatives = longest_first({"".join(_superset_char(c) for c in normalise(w)) for w in words if w.strip()})
        self._pattern = re2.compile(
            rf"(?:^|[^0-9A-Za-z_])(?:[0-9?]|(?:{'|'.join(alternatives) or 'a^'})(?:[^0-9A-Za-z_]|$))".encode())

    def spans(self, text: str) -> list[tuple[int, int]]:
        return [m.span() for m in self._pattern.finditer(text.encode("ascii", "replace"))]


# re's \s on str: the characters str.isspace() accepts (none above U+3000; tests/test_figures.py checks)
_UNICODE_SPACE = "".join(rf"\x{{{ord(c):x}}}" for c in map(chr, range(0x3001)) if c.isspace())


_ASCII_SPACE = "".join(rf"\x{{{c:x}}}" for c in range(128) if chr(c).isspace())  # re's \s, not RE2's


class PhraseMatcher:
    """`phrase_pattern(phrases)` under re.I, with the spans `finditer` gives, found in one RE2 pass.

    `re` tries its whole alternation at every offset of the text; RE2 scans once for the places
    where a phrase can stand, and `re` confirms each. RE2 reads an ASCII copy of the text with
    every other character replaced by "?" (same offsets, and RE2's byte path, several times
    cheaper per match than its str path); its pattern is a superset of re's: "?" may stand for
    any letter, apostrophe or space (re's case folding and whitespace reach beyond ASCII), and
    a phrase needs no ASCII letter, digit or "_" right before or after it.
    """

    def __init__(self, phrases) -> None:
        self.pattern = re.compile(phrase_pattern(phrases), re.I)
        alternatives = ["".join(_superset_char(c) for c in phrase) for phrase in _phrases(phrases)]
        self._candidates = None
        if alternatives:
            import re2

            self._candidates = re2.compile(
                rf"(?:^|[^0-9A-Za-z_])(?:{'|'.join(alternatives)})(?:[^0-9A-Za-z_]|$)".encode())

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Exactly `[m.span() for m in self.pattern.finditer(text)]`. Every offset re matches at is
        in start..end of an RE2 candidate (the candidate may begin with the character before the
        phrase), and re resumes after each match as finditer does."""
        found: list[tuple[int, int]] = []
        if self._candidates is None:
            return found
        resume = 0
        for candidate in self._candidates.finditer(text.encode("ascii", "replace")):
            offset, end = max(resume, candidate.start()), candidate.end()
            while offset <= end:
                match = self.pattern.match(text, offset)
                if match:
                    found.append(match.span())
                    offset = resume = match.end()
                else:
                    offset += 1
        return found


def _superset_char(char: str) -> str:
    """An RE2 class for what re.I matches for one character of a normalised phrase, in the
    ASCII copy of the text (see PhraseMatcher)."""
    if char == " ":
        return rf"[{_ASCII_SPACE}\-?]+"
    if "a" <= char <= "z":
        return f"[{char}{char.upper()}?]"
    if char == "'":
        return "['?]"
    return r"[\x00-\x7f]"
