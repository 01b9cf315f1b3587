"""Inline suppressions: `<!-- kzlint-... -->` comments (Markdown) and `kzlint: ...` lines (plain text).

Forms (codes are optional and may be codes, prefixes or rule names, separated by spaces
or commas; a reason may follow ` -- `, as in ESLint):
  <!-- kzlint-disable KZ301 --> ... <!-- kzlint-enable KZ301 -->
  <!-- kzlint-disable-next-line KZ102 -- the headline quotes the tweet -->
  <!-- kzlint-disable-file -->
  kzlint: disable-next-line KZ102        (a line of its own; plain text)
An `enable` without codes closes every open range; with codes, the ranges sharing a code.
A directive that suppresses nothing is reported as KZ001 unused-suppression (like ruff's
RUF100), unless it names only rules that did not run.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from lint.core.document import Document
from lint.core.findings import Finding
from lint.core.selectors import Selected, matches
from lint.rules.engine.unused_suppression import UnusedSuppression

_KINDS = r"(disable-next-line|disable-file|disable|enable)"
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


def parse(doc: Document) -> list[list]:
    """[kind, line, codes, first_line, last_line, text] per directive (JSON-able: cached with results)."""
    lines = doc.text.split("\n")
    found: list[list] = []
    open_ranges: list[list] = []
    for offset, kind, codes, text in _directives(doc):
        line, _ = doc.position(offset)
        if kind == "disable-next-line":
            target = line + 1
            while target <= len(lines) and not lines[target - 1].strip():
                target += 1
            found.append(["next-line", line, codes, target, target, text])
        elif kind == "disable-file":
            found.append(["file", line, codes, 1, len(lines), text])
        elif kind == "disable":
            entry = ["range", line, codes, line, len(lines), text]
            found.append(entry)
            open_ranges.append(entry)
        else:
            for entry in [e for e in open_ranges if not codes or set(e[2]) & set(codes) or not e[2]]:
                entry[4] = line
                open_ranges.remove(entry)
    return found


def covers(codes: list[str], finding: Finding) -> bool:
    return not codes or any(matches(c, finding) for c in codes)


def _judgeable(codes: list[str], active: Collection[tuple[str, str]] | None) -> bool:
    """Whether every rule a directive names ran, so that 'suppressed nothing' means unused."""
    if not codes or active is None:
        return True
    return all(any(matches(c, Selected(code, name)) for code, name in active) for c in codes)


def apply(findings: list[Finding], parsed: list[list] | None, path: str, *, report_unused: bool,
          active: Collection[tuple[str, str]] | None = None) -> list[Finding]:
    """Drop suppressed findings; add KZ001 for each directive that suppressed nothing.

    `active` is the (code, name) of every rule that ran; directives naming other rules are
    not judged.
    """
    if not parsed:
        return findings
    used = [False] * len(parsed)
    kept = []
    for finding in findings:
        hit = False
        if finding.code != UnusedSuppression.code:
            for index, (_kind, _line, codes, first, last, *_rest) in enumerate(parsed):
                if first <= finding.line <= last and covers(codes, finding):
                    used[index] = hit = True
        if not hit:
            kept.append(finding)
    if report_unused:
        for (kind, line, codes, _first, _last, *rest), was_used in zip(parsed, used):
            if was_used or not _judgeable(codes, active):
                continue
            what = ", ".join(codes) if codes else "all rules"
            text = rest[0] if rest else f"{kind} {what}"
            kept.append(UnusedSuppression.file_finding(path, line, snippet=text, codes=what, kind=kind))
    return kept
