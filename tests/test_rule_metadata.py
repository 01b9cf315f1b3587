"""Every rule documents itself, and its documented examples really behave as documented."""

from __future__ import annotations

import re

import pytest

from lint.config import load
from lint.core.document import Document
from lint.rules import DocumentRule, all_rules
from lint.engine.selection import build_rules

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


def _configured(code: str):
    return next(r for r in build_rules(load(None), select=["ALL"]) if r.code == code)


@pytest.mark.parametrize("code", sorted(c for c, r in RULES.items() if issubclass(r, DocumentRule)))
def test_documented_examples_fire_and_stay_quiet(code):
    rule = _configured(code)
    notices = rule.prepare()
    if notices:
        pytest.skip(f"{code} cannot run here: {notices}")
    bad = list(rule.check(Document("example.txt", rule.bad_example)))
    good = list(rule.check(Document("example.txt", rule.good_example)))
    assert [f.code for f in bad] and all(f.code == code for f in bad), f"{code}: bad_example does not fire"
    assert good == [], f"{code}: good_example fires: {[f.message for f in good]}"
