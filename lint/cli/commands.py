"""`kzlint rules` and `kzlint explain CODE`: documentation straight from rule metadata."""

from __future__ import annotations

import textwrap

from lint.engine.discovery import UsageError
from lint.rules import all_rules


def rule_table_rows() -> list[tuple[str, str, str, str, str, str, str]]:
    """(code, name, family, severity, default on/off, fix, summary) for every built-in rule."""
    return [
        (r.code, r.name, r.family(), r.severity.value, "on" if r.default_enabled else "off",
         "yes" if r.fixable else "", r.summary)
        for r in all_rules().values()
    ]


def markdown_table() -> str:
    """The README's rule table, generated here and checked by a test."""
    lines = ["| Code | Name | Family | Severity | Default | Fix | What it finds |", "|---|---|---|---|---|---|---|"]
    lines += [f"| {c} | `{n}` | {fam} | {sev} | {on} | {fix} | {s} |" for c, n, fam, sev, on, fix, s in rule_table_rows()]
    return "\n".join(lines) + "\n"


def list_rules(args: list[str]) -> int:
    if args == ["--format", "markdown"]:
        print(markdown_table(), end="")
        return 0
    if args:
        raise UsageError(f"usage: kzlint rules [--format markdown] (got {' '.join(args)})")
    rows = rule_table_rows()
    header = ("CODE", "NAME", "FAMILY", "SEVERITY", "DEFAULT", "FIX")
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(header)]
    out = ["  ".join(h.ljust(w) for h, w in zip(header, widths)) + "  SUMMARY"]
    out += ["  ".join(cell.ljust(w) for cell, w in zip(row[:6], widths)) + "  " + row[6] for row in rows]
    print("\n".join(out))
    return 0


def explain(args: list[str]) -> int:
    if len(args) != 1:
        raise UsageError("usage: kzlint explain CODE (for example: kzlint explain KZ101)")
    key = args[0]
    rules = all_rules()
    rule = rules.get(key.upper()) or next((r for r in rules.values() if r.name == key), None)
    if rule is None:
        raise UsageError(f"unknown rule '{key}' (see 'kzlint rules')")
    fix = "yes (applied by --fix)" if rule.fixable else "no"
    parts = [
        f"{rule.code} {rule.name}",
        f"Family: {rule.family()}    Default severity: {rule.severity.value}    Fixable: {fix}",
        "",
        rule.summary,
        "",
        textwrap.fill(rule.explanation, 88),
        "",
        "Message:" if not rule.messages else "Messages:",
        *(f"    {template}" if not variant else f"    ({variant}) {template}" for variant, template in rule.templates().items()),
        "",
        "Fires on:",
        textwrap.indent(rule.bad_example, "    "),
        "",
        "Quiet on:",
        textwrap.indent(rule.good_example, "    "),
    ]
    print("\n".join(parts))
    return 0
