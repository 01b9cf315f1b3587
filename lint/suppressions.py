"""Inline suppressions: `<!-- kzlint-disable ... -->` comments in Markdown, `kzlint: ...` lines in plain text.

Forms (codes are optional and may be codes, prefixes or names, separated by spaces or commas):
  <!-- kzlint-disable KZ301 --> ... <!-- kzlint-enable KZ301 -->
  <!-- kzlint-disable-next-line KZ102 -->
  <!-- kzlint-disable-file -->
  kzlint: disable-next-line KZ102        (a line of its own, in plain text)
A suppression that suppresses nothing is reported as KZ001 unused-suppression.
"""

from __future__ import annotations

import re

from lint.document import Document
from lint.findings import Finding
from lint.rules.engine_rules import UnusedSuppression

DIRECTIVE = re.compile(
    r"^[ \t]*(?:<!--[ \t]*kzlint-|kzlint:[ \t]*)(disable-next-line|disable-file|disable|enable)\b([^\n]*?)(?:-->)?[ \t]*$",
    re.M,
)


def parse(doc: Document) -> list[list]:
    """[kind, line, codes, first_line, last_line] for each directive (JSON-able, cached with results)."""
    found: list[list] = []
    open_ranges: list[list] = []
    lines = doc.text.split("\n")
    for match in DIRECTIVE.finditer(doc.text):
        kind = match.group(1)
        codes = sorted(c for c in re.split(r"[\s,]+", match.group(2).replace("-->", "")) if c)
        line, _ = doc.position(match.start())
        if kind == "disable-next-line":
            target = line + 1
            while target <= len(lines) and not lines[target - 1].strip():
                target += 1
            found.append(["next-line", line, codes, target, target])
        elif kind == "disable-file":
            found.append(["file", line, codes, 1, len(lines)])
        elif kind == "disable":
            entry = ["range", line, codes, line, len(lines)]
            found.append(entry)
            open_ranges.append(entry)
        else:  # enable: closes the latest open range with the same codes (or all, when none given)
            for entry in reversed(open_ranges):
                if not codes or entry[2] == codes:
                    entry[4] = line
                    open_ranges.remove(entry)
                    if codes:
                        break
    return found


def _covers(codes: list[str], finding: Finding) -> bool:
    return not codes or any(finding.code.startswith(c.upper()) or c == finding.name for c in codes)


def apply(findings: list[Finding], parsed: list[list] | None, path: str, *, report_unused: bool) -> list[Finding]:
    """Drop suppressed findings; add a KZ001 finding for each directive that suppressed nothing."""
    if not parsed:
        return findings
    used = [False] * len(parsed)
    kept = []
    for finding in findings:
        hit = False
        for index, (kind, _line, codes, first, last) in enumerate(parsed):
            if first <= finding.line <= last and _covers(codes, finding) and finding.code != UnusedSuppression.code:
                used[index] = hit = True
        if not hit:
            kept.append(finding)
    if report_unused:
        for (kind, line, codes, _first, _last), was_used in zip(parsed, used):
            if not was_used:
                what = ", ".join(codes) if codes else "all rules"
                kept.append(Finding(path, line, 1, line, 1, UnusedSuppression.code, UnusedSuppression.name,
                                    UnusedSuppression.severity, f"unused suppression for {what} ({kind})",
                                    snippet=f"{kind} {what}"))
    return kept
