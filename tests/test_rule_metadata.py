"""Every rule documents itself, and its documented examples really behave as documented."""

from __future__ import annotations

import re

import pytest

from lint.rules import all_rules

RULES = all_rules()


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_metadata_is_complete(code):
    rule = RULES[code]
    assert re.fullmatch(r"KZ\d{3}", rule.code)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
    for attribute in ("summary", "message", "explanation", "bad_example", "good_example"):
        assert getattr(rule, attribute).strip(), f"{code} has no {attribute}"
    assert rule.family() != "custom"


def test_rule_names_are_unique():
    names = [rule.name for rule in RULES.values()]
    assert len(names) == len(set(names))


# The examples of every rule (document and corpus rules) run in tests/test_rule_examples.py.
