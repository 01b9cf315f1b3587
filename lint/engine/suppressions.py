"""Inline suppressions: `<!-- kzlint-... -->` comments (Markdown) and `kzlint: ...` lines (plain text).

Forms (codes are optional and may be codes, prefixes or rule names, separated by spaces
or commas; a reason may follow ` -- `, as in ESLint):
  <!-- kzlint-disable KZ301 --> ... <!-- kzlint-enable KZ301 -->
  <!-- kzlint-disable-next-line KZ102 -- the headline quotes the tweet -->
  <!-- kzlint-disable-file -->
  Text of the line <!-- kzlint-disable-line KZ104 -->   (the same line; Markdown comment)
  kzlint: disable-next-line KZ102        (a line of its own; plain text)
An `enable` without codes closes every open range; with codes, the ranges sharing a code.
A directive that suppresses nothing is reported as KZ001 unused-suppression (like ruff's
RUF100), unless it names only rules that did not run; a code, prefix or name that no rule
has (a typo: KZ1O1) is reported as KZ001 too, whether or not the directive was used.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import NamedTuple

from lint.core.document import Document
from lint.core.findings import Finding
from lint.core.selectors import Selected, matches
from lint.rules.engine.unused_suppression import UnusedSuppression

_KINDS = r"(disable-next-line|disable-line|disable-file|disable|enable)"
COMMENT = re.compile(r"<!--[ \t]*kzlint-" + _KINDS + r"(?![\w-])([^\n]*?)-->")
LINE = re.compile(r"^[ \t]*kzlint:[ \t]*" + _KINDS + r"(?![\w-])([^\n]*?)[ \t]*$", re.M)
_SEPARATOR = re.compile(r"[\s,]+")


def _codes(rest: str) -> list[str]:
    """The selectors of a directive, without its ` -- reason`."""
    selectors = re.split(r"(?:^|\s)--(?:\s|$)", rest, maxsplit=1)[0]
    return sorted({c for c in _SEPARATOR.split(selectors) if c})


def _directives(doc: Document) -> list[tuple[int, str, list[str], str]]:
    """(offset, kind, codes, text) of every directive outside code blocks, in document order."""
    code_blocks = [(b.start, b.end) for b in doc.blocks if b.kind == "code"]
    found = []
    for pattern in (COMMENT, LINE):
        for match in pattern.finditer(doc.text):
            if any(start <= match.start() < end for start, end in code_blocks):
                continue  # an example of the syntax, not a directive
            found.append((match.start(), match.group(1), _codes(match.group(2)), " ".join(match.group(0).split())))
    return sorted(found)


class Suppression(NamedTuple):
    """One directive and the lines it covers. A tuple, so that results cached or sent as JSON keep
    it as a list, and `Suppression(*entry)` rebuilds it (see `records` and `apply`)."""

    kind: str  # "next-line", "line", "file" or "range"
    line: int  # where the directive is written
    codes: list[str]  # selectors (codes, prefixes, names); empty: every rule
    first: int  # first line covered
    last: int  # last line covered
    text: str = ""  # the directive as written, whitespace-folded (older cached entries lack it)

    def covers_line(self, line: int) -> bool:
        return self.first <= line <= self.last


def parse(doc: Document) -> list[Suppression]:
    """Every directive of the document, in order, with the lines it covers."""
    lines = doc.text.split("\n")
    found: list[Suppression] = []
    open_ranges: list[int] = []  # indexes in `found` of the ranges not closed yet
    for offset, kind, codes, text in _directives(doc):
        line, _ = doc.position(offset)
        if kind == "disable-next-line":
            target = line + 1
            while target <= len(lines) and not lines[target - 1].strip():
                target += 1
            found.append(Suppression("next-line", line, codes, target, target, text))
        elif kind == "disable-line":
            found.append(Suppression("line", line, codes, line, line, text))
        elif kind == "disable-file":
            found.append(Suppression("file", line, codes, 1, len(lines), text))
        elif kind == "disable":
            open_ranges.append(len(found))
            found.append(Suppression("range", line, codes, line, len(lines), text))
        else:
            for index in [i for i in open_ranges if not codes or set(found[i].codes) & set(codes) or not found[i].codes]:
                found[index] = found[index]._replace(last=line)
                open_ranges.remove(index)
    return found


def records(doc: Document) -> list[list]:
    """parse(doc) as JSON data (lists), as results are cached and the API hands them out: equal to
    itself after a JSON round trip. `apply` takes either form."""
    return [list(entry) for entry in parse(doc)]


def covers(codes: list[str], finding: Finding) -> bool:
    return not codes or any(matches(c, finding) for c in codes)


def _judgeable(codes: list[str], active: Collection[tuple[str, str]] | None) -> bool:
    """Whether every rule a directive names ran, so that 'suppressed nothing' means unused."""
    if not codes or active is None:
        return True
    return all(any(matches(c, Selected(code, name)) for code, name in active) for c in codes)


def apply(findings: list[Finding], parsed: Sequence[Sequence] | None, path: str, *, report_unused: bool,
          active: Collection[tuple[str, str]] | None = None,
          known: Collection[tuple[str, str]] | None = None) -> list[Finding]:
    """Drop suppressed findings; add KZ001 for each directive that suppressed nothing, and for
    each code in a directive that names no rule at all.

    `active` is the (code, name) of every rule that ran; directives naming other rules are
    not judged. `known` is every rule there is (built-in and custom).
    """
    if not parsed:
        return findings
    entries = [entry if isinstance(entry, Suppression) else Suppression(*entry) for entry in parsed]
    used = [False] * len(entries)
    kept = []
    for finding in findings:
        hit = False
        if finding.code != UnusedSuppression.code:
            for index, entry in enumerate(entries):
                if entry.covers_line(finding.line) and covers(entry.codes, finding):
                    used[index] = hit = True
        if not hit:
            kept.append(finding)
    if report_unused and known is not None:
        for entry in entries:
            for code in entry.codes:
                if not any(matches(code, Selected(c, n)) for c, n in known):
                    kept.append(UnusedSuppression.file_finding(path, entry.line, 1, entry.line, 1, "unknown",
                                                               snippet=f"{entry.kind} {code}", code=code))
    if report_unused:
        for entry, was_used in zip(entries, used):
            if was_used or not _judgeable(entry.codes, active):
                continue
            what = ", ".join(entry.codes) if entry.codes else "all rules"
            text = entry.text or f"{entry.kind} {what}"
            kept.append(UnusedSuppression.file_finding(path, entry.line, snippet=text, codes=what, kind=entry.kind))
    return kept
