"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Rule metadata comes from the rule classes (the same source as `kzlint explain`);
`partialFingerprints` use the baseline fingerprint (rule + file + normalised text) plus
the occurrence number among identical findings, so alerts survive unrelated edits.
"""

from __future__ import annotations

import json
from collections import Counter
from urllib.parse import quote

from lint import __version__
from lint.core.escape import json_as_utf8
from lint.core.findings import Finding, Location, Severity
from lint.core.fingerprints import fingerprint
from lint.output.report import Report
from lint.rules import Rule, all_rules
from lint.rules.base import FAMILIES

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FALLBACK_URI = "https://pypi.org/project/kzlint/"
FINGERPRINT_KEY = "kzlint/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def information_uri() -> str:
    """The project's home page from the package metadata, else its package index page."""
    from importlib import metadata

    try:
        for entry in metadata.metadata("kzlint").get_all("Project-URL") or []:
            label, _, url = entry.partition(",")
            if label.strip().lower() in ("homepage", "home", "repository", "source") and url.strip():
                return url.strip()
    except metadata.PackageNotFoundError:
        pass
    return FALLBACK_URI


def _rules_in(report: Report) -> list[Rule | type[Rule]]:
    """Every rule that ran, plus engine rules (KZ000, KZ002, ...) that reported without being selected."""
    by_code: dict[str, Rule | type[Rule]] = {rule.code: rule for rule in report.rules}
    known = all_rules()
    for finding in report.findings:
        if finding.code not in by_code and finding.code in known:
            by_code[finding.code] = known[finding.code]
    return [by_code[code] for code in sorted(by_code)]


def _level(rule: Rule | type[Rule]) -> Severity:
    """The configured severity of a rule that ran; the default one of a rule class."""
    return rule.level if isinstance(rule, Rule) else rule.severity


def _descriptor(rule: Rule | type[Rule]) -> dict:
    examples = []
    if rule.bad_example:
        examples.append(("Fires on", rule.bad_example))
    if rule.good_example:
        examples.append(("Quiet on", rule.good_example))
    text = "\n\n".join([rule.explanation] + [f"{title}:\n{body}" for title, body in examples])
    markdown = "\n\n".join([rule.explanation] + [f"{title}:\n\n```\n{body}\n```" for title, body in examples])
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.explanation},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {"level": LEVELS[_level(rule)]},
        "properties": {"tags": [FAMILIES.get(rule.code[:3], "custom")], "fixable": bool(rule.fixable)},
    }


def _uri(path: str) -> str:
    """A relative path as a URI reference (forward slashes, percent-encoded); absolute paths as file: URIs.
    The bytes of a name that is not UTF-8 are percent-encoded as they are on disk (caf%E9.txt)."""
    raw = path.encode("utf-8", "surrogateescape")
    if path.startswith("/"):
        return "file://" + quote(raw, safe="/")
    return quote(raw, safe="/")


def _location(path: str, line: int, column: int, end_line: int | None = None, end_column: int | None = None) -> dict:
    region = {"startLine": max(1, line), "startColumn": max(1, column)}
    if end_line is not None and end_column is not None:
        region["endLine"] = max(region["startLine"], end_line)
        same_line = region["endLine"] == region["startLine"]
        region["endColumn"] = max(region["startColumn"], end_column) if same_line else max(1, end_column)
    artifact = {"uri": _uri(path)}
    if not path.startswith("/"):
        artifact["uriBaseId"] = "%SRCROOT%"
    return {"physicalLocation": {"artifactLocation": artifact, "region": region}}


def _related(index: int, location: Location) -> dict:
    related = _location(location.path, location.line, location.column)
    related["id"] = index
    related["message"] = {"text": f"see also {location.path}:{location.line}"}
    return related


def _result(finding: Finding, rule_index: dict[str, int], occurrence: int) -> dict:
    result = {
        "ruleId": finding.code,
        "level": LEVELS[finding.severity],
        "message": {"text": f"{finding.message} ({finding.name})"},
        "locations": [_location(finding.path, finding.line, finding.column, finding.end_line, finding.end_column)],
        "partialFingerprints": {FINGERPRINT_KEY: f"{fingerprint(finding)}:{occurrence}"},
    }
    if finding.code in rule_index:
        result["ruleIndex"] = rule_index[finding.code]
    if finding.related:
        result["relatedLocations"] = [_related(i, loc) for i, loc in enumerate(finding.related, 1)]
    if finding.fix is not None:
        result["properties"] = {"fix": finding.fix.description, "fixSafe": finding.fix.safe}
    return result


def document(report: Report) -> dict:
    """The SARIF log as a JSON-able dict."""
    rules = _rules_in(report)
    rule_index = {rule.code: i for i, rule in enumerate(rules)}
    seen: Counter[str] = Counter()
    results = []
    for finding in report.findings:
        key = fingerprint(finding)
        seen[key] += 1
        results.append(_result(finding, rule_index, seen[key]))
    driver = {
        "name": "kzlint",
        "version": __version__,
        "semanticVersion": __version__,
        "informationUri": information_uri(),
        "rules": [_descriptor(rule) for rule in rules],
    }
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def render(report: Report) -> str:
    # valid UTF-8 whatever the file names: in messages their undecodable bytes are written \xNN
    return json_as_utf8(json.dumps(document(report), ensure_ascii=False, indent=2)) + "\n"
