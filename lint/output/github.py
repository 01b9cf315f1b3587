"""`--format github`: GitHub Actions workflow commands, one annotation per finding.

    ::warning file=a.md,line=3,endLine=3,col=1,endColumn=10,title=KZ101 stray-token::message

Escaping follows GitHub's runner (actions/toolkit `command.ts`): in the message `%`, `\\r`
and `\\n` become `%25`, `%0D`, `%0A`; in property values `:` and `,` also become `%3A`, `%2C`.
"""

from __future__ import annotations

from lint.core.findings import Finding, Severity
from lint.core.escape import as_utf8
from lint.output.report import Report

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    text = as_utf8(text)  # a file name's undecodable bytes as \xNN: the log stays UTF-8
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def line(finding: Finding) -> str:
    properties = {
        "file": finding.path,
        "line": finding.line,
        "endLine": max(finding.line, finding.end_line),
        "col": finding.column,
        "endColumn": finding.end_column,
        "title": f"{finding.code} {finding.name}",
    }
    if properties["endLine"] != finding.line:  # GitHub ignores columns on multi-line annotations
        del properties["col"], properties["endColumn"]
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{COMMANDS[finding.severity]} {joined}::{escape_data(finding.message)}"


def render(report: Report) -> str:
    return "".join(line(finding) + "\n" for finding in report.findings)
