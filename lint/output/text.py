"""Compiler-style text: `path:line:col: severity[CODE] message (name)` and a summary line."""

from __future__ import annotations

from collections import Counter

from lint.core.escape import for_terminal
from lint.output.report import Report

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


FIXABLE = "[*]"  # after a finding that --fix repairs (ruff's marker)


def _fixable(finding) -> bool:
    return finding.fix is not None and finding.fix.safe


def line(finding, color: bool = False) -> str:
    """One finding on one line; the path and message escaped (lint.core.escape): an article or a
    file name cannot drive the terminal or forge a line."""
    severity = finding.severity.value
    path, message = for_terminal(finding.path), for_terminal(finding.message)
    mark = f" {FIXABLE}" if _fixable(finding) else ""
    if color:
        where = f"{_BOLD}{path}:{finding.line}:{finding.column}:{_RESET}"
        return (f"{where} {_COLORS[severity]}{severity}[{finding.code}]{_RESET} {message} "
                f"{_DIM}({finding.name}){_RESET}{mark}")
    return f"{path}:{finding.line}:{finding.column}: {severity}[{finding.code}] {message} ({finding.name}){mark}"


def summary(report: Report) -> str:
    counts = Counter(f.severity.value for f in report.findings)
    n = len(report.findings)
    fixable = sum(map(_fixable, report.findings))
    return (
        f"{n} finding{'s' if n != 1 else ''} in {report.files} file{'s' if report.files != 1 else ''} "
        f"({counts['error']} errors, {counts['warning']} warnings, {counts['info']} infos)"
        + (f"; {FIXABLE} {fixable} fixable with --fix" if fixable else "")
    )


def render(report: Report) -> str:
    out = [line(f, report.color) for f in report.findings]
    out.append(summary(report))
    out.append("")  # the last newline, joined in: not a second copy of 50 MB of text
    return "\n".join(out)


def statistics(report: Report, fmt: str = "text") -> str:
    """Counts per rule, most frequent first: text lines, or (fmt "json") a JSON list of
    {"code", "name", "severity", "count", "fixable"} like ruff's `--statistics --output-format json`."""
    counts = Counter((f.code, f.name, f.severity.value) for f in report.findings)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if fmt == "json":
        import json

        fixable = Counter(f.code for f in report.findings if f.fix is not None and f.fix.safe)
        data = [{"code": code, "name": name, "severity": severity, "count": count, "fixable": fixable[code]}
                for (code, name, severity), count in rows]
        return json.dumps(data, indent=2) + "\n"
    width = max((len(str(c)) for c in counts.values()), default=1)
    return "".join(f"{count:>{width}}  {code}  {name} ({severity})\n" for (code, name, severity), count in rows)
