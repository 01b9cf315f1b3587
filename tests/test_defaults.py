"""Each default lives in one place.

Settings that have a value of their own (thresholds, switches, each rule's options, the
LanguageTool and Harper settings) have it in the pydantic model that reads them: lint/config/schema.py
and each rule's Options beside its code (`kzlint explain CODE` prints them). The built-in rules.yaml
names them in comments and writes only data that has no default anywhere else (the lexicon, the
sources, the names). A value written in both places is a default that can drift: this test fails.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from lint.config import Config, default_text, load
from lint.rules import all_rules
from lint.rules.registry import rule_options

_GENERIC = ("enabled", "severity")  # not options: a rule's default_enabled and severity are class attributes


def _builtin() -> dict[str, Any]:
    return yaml.safe_load(default_text())


def _has_value(default: Any) -> bool:
    """Whether a model default is a value of its own (None and empty containers are "unset")."""
    return default is not None and default != [] and default != {} and default != ""


def _duplicated_in_sections(model: type[BaseModel], data: dict[str, Any], path: str) -> list[str]:
    """Keys of `data` whose model field has a default of its own (nested models are walked)."""
    found = []
    for name, field in model.model_fields.items():
        key = field.alias or name
        if key not in data or field.exclude:
            continue
        default = field.get_default(call_default_factory=True)
        if isinstance(default, BaseModel) and isinstance(data[key], dict):
            found += _duplicated_in_sections(type(default), data[key], f"{path}{key}.")
        elif _has_value(default):
            found.append(f"{path}{key} (also {default!r} in {model.__name__})")
    return found


def test_no_shared_setting_has_its_default_in_both_rules_yaml_and_the_schema():
    assert _duplicated_in_sections(Config, _builtin(), "") == []


def test_no_rule_option_is_set_in_the_builtin_rules_yaml():
    """A rule's option defaults live in its Options; the built-in rules.yaml sets none of them."""
    rules = all_rules()
    by_name = {rule.name: rule for rule in rules.values()}
    duplicated = []
    for key, settings in (_builtin().get("rules") or {}).items():
        rule = rules.get(key) or by_name[key]
        duplicated += [f"rules.{key}.{option} (default in {rule.Options.__qualname__})"
                       for option in settings or {} if option not in _GENERIC]
    assert duplicated == []


@pytest.mark.parametrize("code", sorted(all_rules()))
def test_the_builtin_config_gives_each_rule_its_options_defaults(code):
    options, _ = rule_options(load(None), all_rules()[code])
    assert options == all_rules()[code].Options()


def test_the_check_sees_a_default_written_twice():
    """The walk itself: a yaml value for a field with a default is found, data without one is not."""
    data = {"fail-on": "warning", "lexicon": {"approximate-margin": 0.1, "measures": {"killed": ["dead"]}},
            "languagetool": {"mode": "auto"}, "corpus": None}
    assert _duplicated_in_sections(Config, data, "") == [
        "fail-on (also <Severity.WARNING: 'warning'> in Config)",
        "lexicon.approximate-margin (also 0.1 in Lexicon)",
        "languagetool.mode (also 'auto' in LanguageToolSettings)",
    ]
