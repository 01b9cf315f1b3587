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
has (a typo: KZ1O1) is reported as KZ001 too, with its own message (ruff's RUF100 "unknown"),
whether or not the directive was used, and is left out of the directive's unused report: it
neither hides that report (`KZ102, KZ1O1` suppressing nothing names KZ102) nor repeats itself.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Collection, Sequence
from itertools import accumulate
from typing import NamedTuple

from lint.core.document import Document
from lint.core.findings import Finding
from lint.core.selectors import Selected, matches
from lint.rules.engine.unused_suppression import UnusedSuppression

KINDS = ("disable-next-line", "disable-line", "disable-file", "disable", "enable")
UNKNOWN = "unknown"  # a directive word that is none of KINDS (a typo: kzlint-enabel): it does nothing
# any word after the prefix: one that is not a kind is kept as an unknown directive, so that a
# typo is reported instead of leaving a range open to the end of the file
COMMENT = re.compile(r"<!--[ \t]*kzlint-([\w-]*)([^\n]*?)-->")
LINE = re.compile(r"^[ \t]*kzlint:[ \t]*([\w-]+)([^\n]*?)[ \t]*$", re.M)
_SEPARATOR = re.compile(r"[\s,]+")
_WORD = re.compile(r"kzlint(?:-|:[ \t]*)([\w-]*)")  # the directive word of a directive's text


def _codes(rest: str) -> list[str]:
    """The selectors of a directive, without its ` -- reason`."""
    selectors = re.split(r"(?:^|\s)--(?:\s|$)", rest, maxsplit=1)[0]
    return sorted({c for c in _SEPARATOR.split(selectors) if c})


def _directives(doc: Document) -> list[tuple[int, str, list[str], str]]:
    """(offset, kind, codes, text) of every directive outside code blocks, in document order."""
    code_blocks = sorted((b.start, b.end) for b in doc.blocks if b.kind == "code")
    starts = [start for start, _ in code_blocks]
    found = []
    for pattern in (COMMENT, LINE):
        for match in pattern.finditer(doc.text):
            i = bisect.bisect_right(starts, match.start()) - 1
            if i >= 0 and match.start() < code_blocks[i][1]:
                continue  # an example of the syntax, not a directive
            kind = match.group(1) if match.group(1) in KINDS else UNKNOWN
            found.append((match.start(), kind, _codes(match.group(2)), " ".join(match.group(0).split())))
    return sorted(found)


class Suppression(NamedTuple):
    """One directive and the lines it covers. A tuple, so that results cached or sent as JSON keep
    it as a list, and `Suppression(*entry)` rebuilds it (see `records` and `apply`)."""

    kind: str  # "next-line", "line", "file", "range" or "unknown" (covers no line)
    line: int  # where the directive is written
    codes: list[str]  # selectors (codes, prefixes, names); empty: every rule
    first: int  # first line covered
    last: int  # last line covered
    text: str = ""  # the directive as written, whitespace-folded (older cached entries lack it)


def parse(doc: Document) -> list[Suppression]:
    """Every directive of the document, in order, with the lines it covers."""
    if "kzlint" not in doc.text:  # every directive names kzlint: most documents have none (one search in C)
        return []
    lines = doc.text.split("\n")
    found: list[list] = []
    # open ranges, by code and in all; an `enable` closes each at most once (linear in directives)
    open_ranges: list[list] = []
    open_by_code: dict[str, list[list]] = {}
    open_for_all: list[list] = []
    closed: set[int] = set()
    next_text: dict[int, int] = {}  # line -> the first line from it on that is not blank

    def close(entries: list[list], line: int) -> None:
        for entry in entries:
            if id(entry) not in closed:
                closed.add(id(entry))
                entry[4] = line

    for offset, kind, codes, text in _directives(doc):
        line, _ = doc.position(offset)
        if kind == "disable-next-line":
            target = next_text.get(line + 1)
            if target is None:
                target = line + 1
                while target <= len(lines) and not lines[target - 1].strip():
                    target += 1
                next_text[line + 1] = target
            found.append(["next-line", line, codes, target, target, text])
        elif kind == "disable-line":
            found.append(["line", line, codes, line, line, text])
        elif kind == "disable-file":
            found.append(["file", line, codes, 1, len(lines), text])
        elif kind == UNKNOWN:
            found.append([UNKNOWN, line, codes, line, line - 1, text])
        elif kind == "disable":
            entry = ["range", line, codes, line, len(lines), text]
            found.append(entry)
            open_ranges.append(entry)
            for code in codes:
                open_by_code.setdefault(code, []).append(entry)
            if not codes:
                open_for_all.append(entry)
        elif not codes:
            close(open_ranges, line)
            open_ranges, open_by_code, open_for_all = [], {}, []
        else:
            close(open_for_all, line)
            open_for_all = []
            for code in codes:
                close(open_by_code.pop(code, []), line)
    return [Suppression(*entry) for entry in found]


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
    each code in a directive that names no rule at all (its "unknown" message).

    `active` is the (code, name) of every rule that ran; directives naming other rules are
    not judged. `known` is every rule there is (built-in and custom). Linear in findings and directives for
    a given set of rules: the directives covering each rule are merged into line intervals once
    (a file of 16,000 directives and as many findings compared every finding with every directive).
    """
    if not parsed:
        return findings
    parsed = [entry if isinstance(entry, Suppression) else Suppression(*entry) for entry in parsed]
    lines_by_rule: dict[tuple[str, str], list[int]] = {}
    for finding in findings:
        if finding.code != UnusedSuppression.code:
            lines_by_rule.setdefault((finding.code, finding.name), []).append(finding.line)
    used = [False] * len(parsed)
    suppressed_by_rule: dict[tuple[str, str], tuple[list[int], list[int]]] = {}
    for rule, lines in lines_by_rule.items():
        lines.sort()
        probe = Selected(*rule)
        spans = sorted((entry.first, entry.last, index) for index, entry in enumerate(parsed) if covers(entry.codes, probe))
        for first, last, index in spans:
            if not used[index]:
                at = bisect.bisect_left(lines, first)
                used[index] = at < len(lines) and lines[at] <= last
        suppressed_by_rule[rule] = ([first for first, _, _ in spans], list(accumulate((last for _, last, _ in spans), max)))
    kept = []
    for finding in findings:
        if finding.code != UnusedSuppression.code:
            firsts, reach = suppressed_by_rule[(finding.code, finding.name)]
            at = bisect.bisect_right(firsts, finding.line) - 1
            if at >= 0 and reach[at] >= finding.line:
                continue
        kept.append(finding)
    if not report_unused:
        return kept
    for entry in parsed:
        if entry.kind == UNKNOWN:
            match = _WORD.search(entry.text)  # a cached entry is data: its text may be anything
            word = match.group(1) if match else entry.text
            close = difflib.get_close_matches(word, KINDS, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else "the directives are " + ", ".join(KINDS)
            kept.append(UnusedSuppression.file_finding(path, entry.line, 1, entry.line, 1, "directive",
                                                       snippet=entry.text, directive=word, hint=hint))
    directives = [entry for entry in parsed if entry.kind != UNKNOWN]
    unknown = _unknown({code for entry in directives for code in entry.codes}, known)
    for entry in directives:
        for code in entry.codes:
            if code in unknown:
                kept.append(UnusedSuppression.file_finding(path, entry.line, 1, entry.line, 1, "unknown",
                                                           snippet=f"{entry.kind} {code}", code=code))
    for entry, was_used in zip(parsed, used):
        if entry.kind == UNKNOWN:
            continue
        named = [code for code in entry.codes if code not in unknown]  # the unknown ones are reported above
        if was_used or (entry.codes and not named) or not _judgeable(named, active):
            continue
        what = ", ".join(named) if named else "all rules"
        text = entry.text or f"{entry.kind} {what}"
        kept.append(UnusedSuppression.file_finding(path, entry.line, snippet=text, codes=what, kind=entry.kind))
    return kept


def _unknown(codes: set[str], known: Collection[tuple[str, str]] | None) -> set[str]:
    """The selectors that name no rule at all, built-in or custom (`known` None: not checked, none)."""
    if known is None:
        return set()
    rules = [Selected(code, name) for code, name in known]
    return {code for code in codes if not any(matches(code, rule) for rule in rules)}
