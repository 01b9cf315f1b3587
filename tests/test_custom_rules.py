"""Custom rules (`custom-rules:` in rules.yaml) print their message through the same template
mechanism as the built-in rules (Rule.report), and carry the metadata `kzlint rules`/`explain` show."""

from __future__ import annotations

import string

from lint.config import load
from lint.core.document import Document
from lint.core.findings import Severity
from lint.rules.custom.custom_rules import CustomRule, custom_rules


def _rules(tmp_path, yaml_text: str) -> list[CustomRule]:
    (tmp_path / "rules.yaml").write_text(yaml_text, encoding="utf-8")
    return custom_rules(load(tmp_path / "rules.yaml"))


CONFIG = """\
custom-rules:
  - code: KZ901
    name: old-capital
    message: "write {replacement}, not {text}"
    severity: info
    swap: {"Nur-Sultan": "Astana"}
    phrases: ["Akmolinsk"]
  - code: KZ902
    name: vague-source
    message: "name the source instead of {text} {see style guide}"
    phrases: ["sources said"]
"""


def test_messages_are_the_templates_explain_shows(tmp_path):
    capital, vague = _rules(tmp_path, CONFIG)
    assert capital.templates() == {"": 'write {{replacement}}, not {text} ("{text}")',
                                   "swap": 'write {replacement}, not {text} ("{text}")'}
    assert vague.templates() == {"": 'name the source instead of {text} {{see style guide}} ("{text}")'}
    doc = Document("a.txt", "Officials in Nur-Sultan and Akmolinsk, sources said.\n")
    found = [f for rule in (capital, vague) for f in rule.check(doc)]
    assert [f.message for f in found] == [
        'write Astana, not Nur-Sultan ("Nur-Sultan")',
        'write {replacement}, not Akmolinsk ("Akmolinsk")',  # no replacement for a plain phrase: as written
        'name the source instead of sources said {see style guide} ("sources said")',
    ]
    for finding, rule in zip(found, (capital, capital, vague)):  # every message is one of the rule's templates, filled
        assert any(_fills(template, finding.message) for template in rule.templates().values())
    assert found[0].fix is not None and found[1].fix is None
    assert [f.severity for f in found] == [Severity.INFO, Severity.INFO, Severity.WARNING]


def _fills(template: str, message: str) -> bool:
    """Whether `message` is `template` with its fields filled (literal parts in order)."""
    position = 0
    for literal, *_ in string.Formatter().parse(template):
        index = message.find(literal, position)
        if index < 0:
            return False
        position = index + len(literal)
    return True


def test_custom_rules_carry_the_metadata_of_a_rule(tmp_path):
    capital, vague = _rules(tmp_path, CONFIG)
    assert (capital.code, capital.name, capital.family(), capital.severity, capital.fixable) == (
        "KZ901", "old-capital", "custom", Severity.INFO, True)
    assert (vague.severity, vague.fixable, vague.option_defaults()) == (Severity.WARNING, False, {})
    assert vague.summary == "name the source instead of {text} {see style guide}"
