"""Regex lists from rules.yaml, run so that no pattern a user adds can hang a run.

The patterns kzlint ships are trusted: they keep running on Python's `re`, which they need
(lookbehinds). A pattern the user added runs on RE2, whose searches take linear time; RE2
refuses lookarounds and backreferences, so such a pattern is skipped and named in a notice.
Even a linear search is repeated once per match, so user patterns are also searched in windows
of whole lines (at most 2 × WINDOW characters a call), never across a line break, and for at most
MAX_MATCHES matches (empty ones included, never reported) a document: a pattern that matches
everywhere costs a bounded amount of work.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from heapq import merge
from typing import Any

WINDOW = 4096  # a match of a user pattern inside a longer line is found up to this length
MAX_MATCHES = 1000  # of the user patterns of one set, in one document
MAX_MEM = 8 << 20  # RE2's memory budget for each user pattern

_RE2_FLAGS = ((re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"))


class UserMatch:
    """A user pattern's match, with offsets into the searched text (the part of `re.Match` the rules use)."""

    __slots__ = ("_text", "_start", "_end")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self) -> str:
        return self._text[self._start:self._end]


Match = re.Match[str] | UserMatch


class PatternSet:
    """One rules.yaml pattern list plus the rule's own regexes, as one alternation: shipped and
    built-in sources on `re` (exactly as written), the user's on RE2 (see the module docstring)."""

    def __init__(self, option: str, trusted: Sequence[str], user: Sequence[str], flags: int = 0) -> None:
        self.notices: list[str] = []  # one per refused pattern, for Rule.prepare()
        joined = "|".join(f"(?:{p})" for p in trusted if p)
        self._trusted = re.compile(joined, flags) if joined else None
        self._user = self._compile_user(option, [p for p in user if p], flags)
        # search()'s split of the trusted patterns: those that match only at a line's start, tried
        # there alone, and the others, searched for (both None when there is nothing to split)
        line_start = {p: _line_anchored(p, flags) for p in trusted if p}
        anchored = [p for p, at_line_start in line_start.items() if at_line_start]
        floating = [p for p, at_line_start in line_start.items() if not at_line_start]
        self._anchored = re.compile("|".join(f"(?:{p})" for p in anchored), flags) if anchored else None
        self._floating = re.compile("|".join(f"(?:{p})" for p in floating), flags) if self._anchored and floating else None

    @classmethod
    def from_option(cls, rule: Any, field: str, flags: int = 0, *,
                    before: Iterable[str] = (), after: Iterable[str] = ()) -> PatternSet:
        """The list `rule.options.<field>`: the patterns kzlint ships with it (the Options default,
        equal to the built-in rules.yaml) are trusted, with the rule's `before` and `after` sources
        around them; the others are the user's."""
        info = type(rule.options).model_fields[field]
        shipped = set(info.default)
        patterns = getattr(rule.options, field)
        trusted = [*before, *(p for p in patterns if p in shipped), *after]
        user = [p for p in patterns if p not in shipped]
        return cls(f"{rule.name}.{info.alias or field}", trusted, user, flags)

    def __bool__(self) -> bool:
        return self._trusted is not None or self._user is not None

    def finditer(self, text: str) -> Iterator[Match]:
        """Non-overlapping matches, leftmost first; at one position the trusted patterns win."""
        if self._user is None:
            return self._trusted.finditer(text) if self._trusted is not None else iter(())
        if self._trusted is None:
            return self._user_finditer(text, 0, len(text))
        return _non_overlapping(merge(
            ((m.start(), 0, m) for m in self._trusted.finditer(text)),
            ((m.start(), 1, m) for m in self._user_finditer(text, 0, len(text))),
            key=lambda item: item[:2],
        ))

    def search(self, text: str, pos: int, endpos: int) -> Match | None:
        """The leftmost match in text[pos:endpos], as `re.Pattern.search` finds it."""
        found = self._search_trusted(text, pos, endpos) if self._trusted is not None else None
        if self._user is not None:
            mine = next(self._user_finditer(text, pos, endpos), None)
            if mine is not None and (found is None or mine.start() < found.start()):
                return mine
        return found

    def _search_trusted(self, text: str, pos: int, endpos: int) -> re.Match[str] | None:
        """`self._trusted.search(text, pos, endpos)`, the same match, found faster: `re` tries a
        pattern at every position, but one that starts with `^` can only match at a line's start.
        So the other patterns are searched for first, then the anchored ones tried at each line
        start before that match; the whole alternation is run at the leftmost place found, where
        it picks the alternative that `search` would (the first that matches there)."""
        if self._anchored is None:
            return self._trusted.search(text, pos, endpos)
        floating = self._floating.search(text, pos, endpos) if self._floating is not None else None
        limit = floating.start() if floating is not None else endpos
        at = None
        line = pos if pos == 0 or text[pos - 1] == "\n" else text.find("\n", pos, limit) + 1 or -1
        while at is None and 0 <= line <= limit:
            if self._anchored.match(text, line, endpos):
                at = line
            line = text.find("\n", line, limit) + 1 or -1
        if at is None and floating is None:
            return None
        found = self._trusted.match(text, limit if at is None else at, endpos)
        # None only if a pattern's numbered backreference means another group in the whole alternation
        return found if found is not None else self._trusted.search(text, pos, endpos)

    def match(self, text: str) -> Match | None:
        """A match at the start of `text` (one line)."""
        found = self._trusted.match(text) if self._trusted is not None else None
        if found is None and self._user is not None:
            mine = self._user.match(text)
            if mine is not None:
                return UserMatch(text, *mine.span())
        return found

    def _user_finditer(self, text: str, pos: int, endpos: int) -> Iterator[UserMatch]:
        """Matches of the user patterns in text[pos:endpos], window by window (module docstring)."""
        count = 0
        while pos < endpos:
            stop = keep = min(endpos, pos + 2 * WINDOW)
            if stop < endpos:
                newline = text.rfind("\n", pos, stop)
                if newline >= 0:
                    stop = keep = newline + 1
                else:  # a long line: overlapping windows, keeping what starts in the first half
                    keep = pos + WINDOW
            left = max(pos - 1, 0)  # one character of context each side, for ^, $ and \b
            chunk = text[left:stop + 1]
            resume = keep
            for found in self._user.finditer(chunk, pos - left, stop - left):
                start, end = found.start() + left, found.end() + left
                if start >= keep:
                    break
                if end > start:
                    yield UserMatch(text, start, end)
                count += 1
                if count >= MAX_MATCHES:
                    return
                resume = max(resume, end)
            pos = resume

    def _compile_user(self, option: str, patterns: list[str], flags: int) -> Any:
        """The accepted user patterns as one RE2 alternation; a refused one becomes a notice."""
        if not patterns:
            return None
        prefix = "".join(letter for flag, letter in _RE2_FLAGS if flags & flag)
        prefix = f"(?{prefix})" if prefix else ""
        accepted = []
        for pattern in patterns:
            error = _re2_error(prefix + pattern, MAX_MEM)
            if error is None:
                accepted.append(pattern)
            else:
                self.notices.append(
                    f"{option}: pattern {pattern!r} refused ({error}): patterns you add run on RE2, "
                    "which has no lookarounds or backreferences; skipped"
                )
        if not accepted:
            return None
        joined = prefix + "|".join(f"(?:{p})" for p in accepted)
        return _re2_compile(joined, MAX_MEM * len(accepted))


_OPENING_BRACKET = re.compile(r"\^?\]?")  # what opens a set after its "["


def _line_anchored(pattern: str, flags: int) -> bool:
    """Can `pattern` match only at the start of a line: does it open with `^` or `\\A` and have no
    `|` outside brackets and parentheses? Read from the text, not parsed: a run whose patterns come
    from the pattern cache parses none (lint.engine.pattern_cache). Unsure (verbose mode) is no."""
    if flags & re.VERBOSE or not pattern.startswith(("^", "\\A")):
        return False
    depth, position, in_class = 0, 0, False
    while position < len(pattern):
        char = pattern[position]
        if char == "\\":
            position += 1  # the escaped character
        elif in_class:
            in_class = char != "]"
        elif char == "[":  # a "]" first in the set ("[]", "[^]") is one of its characters
            in_class = True
            position += len(_OPENING_BRACKET.match(pattern, position + 1).group())
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return False
        position += 1
    return True


def _non_overlapping(items: Iterable[tuple[int, int, Match]]) -> Iterator[Match]:
    """What one alternation would find: a match that starts inside the one before it is dropped."""
    end = 0
    for start, _engine, found in items:
        if start >= end:
            end = found.end()
            yield found


def _re2_compile(pattern: str, max_mem: int) -> Any:
    import re2

    options = re2.Options()
    options.max_mem = max_mem
    options.never_nl = True  # a user pattern matches within one line
    options.log_errors = False
    return re2.compile(pattern, options)


def _re2_error(pattern: str, max_mem: int) -> str | None:
    """Why RE2 refuses `pattern`, or None when it accepts it."""
    import re2

    try:
        _re2_compile(pattern, max_mem)
    except re2.error as exc:
        reason = exc.args[0] if exc.args else exc
        return reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)
    return None
