"""`kzlint rules` and `kzlint explain CODE`: documentation straight from rule metadata."""

from __future__ import annotations

import argparse
import json
import textwrap
from pathlib import Path

from lint.cli.common import Parser, load_config
from lint.engine.discovery import UsageError
from lint.rules import all_rules
from lint.rules.custom.custom_rules import custom_rules


def _parser(prog: str, description: str) -> argparse.ArgumentParser:
    return Parser(prog=prog, description=description)


def _project_rules(config_file: str | None) -> list:
    """The custom rules of the config in effect here (`custom-rules:` of the closest kzlint
    config, or --config): listed and explained like the built-in ones."""
    config, _ = load_config(config_file, Path.cwd())
    return custom_rules(config)


def rule_table_rows(extra: list | None = None) -> list[tuple[str, str, str, str, str, str, str]]:
    """(code, name, family, severity, default on/off, fix, summary) for every built-in rule,
    then the project's custom rules (family "custom")."""
    rows = [
        (r.code, r.name, r.family(), r.severity.value, "on" if r.default_enabled else "off",
         "yes" if r.fixable else "", r.summary)
        for r in all_rules().values()
    ]
    rows += [(r.code, r.name, "custom", r.severity.value, "on", "yes" if r.fixable else "", r.summary)
             for r in extra or []]
    return rows


def markdown_table() -> str:
    """The README's rule table, generated here and checked by a test (built-in rules only)."""
    lines = ["| Code | Name | Family | Severity | Default | Fix | What it finds |", "|---|---|---|---|---|---|---|"]
    lines += [f"| {c} | `{n}` | {fam} | {sev} | {on} | {fix} | {s} |" for c, n, fam, sev, on, fix, s in rule_table_rows()]
    return "\n".join(lines) + "\n"


def list_rules(args: list[str]) -> int:
    parser = _parser("kzlint rules", "List every rule: the built-in ones, then the custom rules of the config in "
                     "effect here (the closest kzlint config, or --config).")
    parser.add_argument("--format", choices=["text", "markdown", "json"], default="text",
                        help="text (a table), markdown (README's table, built-in rules only) or json")
    parser.add_argument("--config", metavar="FILE", help="take custom rules from this config")
    options = parser.parse_args(args)
    if options.format == "markdown":
        print(markdown_table(), end="")
        return 0
    rows = rule_table_rows(_project_rules(options.config))
    if options.format == "json":
        keys = ("code", "name", "family", "severity", "default", "fixable", "summary")
        data = [dict(zip(keys, row)) for row in rows]
        for item in data:
            item["default"] = item["default"] == "on"
            item["fixable"] = item["fixable"] == "yes"
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    header = ("CODE", "NAME", "FAMILY", "SEVERITY", "DEFAULT", "FIX")
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(header)]
    out = ["  ".join(h.ljust(w) for h, w in zip(header, widths)) + "  SUMMARY"]
    out += ["  ".join(cell.ljust(w) for cell, w in zip(row[:6], widths)) + "  " + row[6] for row in rows]
    print("\n".join(out))
    return 0


def _options(rule) -> list[str]:
    """The rule's options and their defaults (from its Options model, the one place they are written)."""
    defaults = rule.option_defaults()
    if not defaults:
        return []
    lines = [f"Options (rules.yaml: `rules: {{{rule.name}: {{...}}}}`), with their defaults:"]
    for key, value in defaults.items():
        shown = getattr(value, "value", value)  # an enum (a severity) as written in rules.yaml
        lines.append(textwrap.fill(f"{key}: {shown!r}" if isinstance(shown, str) else f"{key}: {shown}", 88,
                                   initial_indent="    ", subsequent_indent="        "))
    return lines


def explain(args: list[str]) -> int:
    parser = _parser("kzlint explain", "Explain one rule (a built-in rule or a custom rule of the config in "
                     "effect here), with an example that fires and one that does not.")
    parser.add_argument("rule", metavar="CODE", help="a rule code (KZ101) or name (stray-token)")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument("--config", metavar="FILE", help="take custom rules from this config")
    options = parser.parse_args(args)
    key = options.rule
    rules = all_rules()
    rule = rules.get(key.upper()) or next((r for r in rules.values() if r.name == key), None)
    custom = False
    if rule is None:
        rule = next((r for r in _project_rules(options.config) if key.upper() == r.code or key == r.name), None)
        custom = rule is not None
    if rule is None:
        raise UsageError(f"unknown rule '{key}' (see 'kzlint rules')")
    family = "custom" if custom else rule.family()
    templates = rule.templates()  # a custom rule's too: its message is the template report() formats
    if options.format == "json":
        print(json.dumps({"code": rule.code, "name": rule.name, "family": family, "severity": rule.severity.value,
                          "fixable": bool(rule.fixable), "summary": rule.summary, "explanation": rule.explanation,
                          "messages": templates, "bad_example": rule.bad_example, "good_example": rule.good_example},
                         indent=2, ensure_ascii=False))
        return 0
    fix = "yes (applied by --fix)" if rule.fixable else "no"
    parts = [
        f"{rule.code} {rule.name}",
        f"Family: {family}    Default severity: {rule.severity.value}    Fixable: {fix}",
        "",
        rule.summary,
        "",
        textwrap.fill(rule.explanation, 88),
        "",
        "Message:" if len(templates) == 1 else "Messages:",
        *(f"    {template}" if not variant else f"    ({variant}) {template}" for variant, template in templates.items()),
    ]
    if option_lines := _options(rule):
        parts += ["", *option_lines]
    if rule.bad_example or rule.good_example:
        parts += ["", "Fires on:", textwrap.indent(rule.bad_example, "    "), "", "Quiet on:",
                  textwrap.indent(rule.good_example, "    ")]
    print("\n".join(parts))
    return 0


def server(args: list[str]) -> int:
    """`kzlint server`: the language server (needs pygls: the `lsp` extra)."""
    parser = _parser("kzlint server", "Run kzlint's language server: LSP over standard input and output "
                     "(editors start it; see README, 'Editors'). Needs pygls: pip install 'kzlint[lsp]'.")
    parser.add_argument("--config", metavar="FILE", help="use this config for every file (default: the closest "
                        "kzlint config above each file)")
    parser.add_argument("--log-file", metavar="FILE", help="write the server's log here")
    options = parser.parse_args(args)
    try:
        import pygls  # noqa: F401
    except ImportError:
        raise UsageError("kzlint server needs pygls: pip install 'kzlint[lsp]'") from None
    from lint.lsp.server import serve

    return serve(options.config, options.log_file)
