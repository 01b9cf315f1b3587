"""The rule registry: every rule module under lint/rules/<family>/ defines rules; importing them
registers them. Also the one place that checks `rules:` settings against each rule's Options
(the config layer below knows no rules)."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from lint.config import Config, ConfigError, RuleSettings, describe, load, where
from lint.rules.base import Rule

_GENERIC = ("enabled", "severity")
_SKIPPED = {"base", "registry", "examples"}


def all_rules() -> dict[str, type[Rule]]:
    """Every built-in rule class by code, in code order."""
    for module in pkgutil.walk_packages([str(Path(__file__).parent)], "lint.rules."):
        if module.name.rsplit(".", 1)[-1] not in _SKIPPED:
            importlib.import_module(module.name)
    return dict(sorted(Rule.registry.items()))


def check_settings(config: Config) -> None:
    """Raise ConfigError (file:line) for an unknown rule, a bad option or a custom code that is taken."""
    known = all_rules()
    by_name = {rule.name: rule for rule in known.values()}
    for key, settings in config.rules.items():
        rule = known.get(key) or by_name.get(key)
        if rule is None:
            raise ConfigError(f"{where(config, ('rules', key))}: rules: unknown rule '{key}'")
        if not isinstance(settings, dict):
            raise ConfigError(f"{where(config, ('rules', key))}: rules.{key}: expected a mapping")
        try:
            _validated(rule, settings)
        except ValidationError as exc:
            raise ConfigError(describe(exc, config._origins, config.source, ("rules", key))) from None
    customs = {c.code for c in config.custom_rules}
    if clash := customs & set(known):
        raise ConfigError(f"{where(config, ('custom-rules',))}: custom rule code {sorted(clash)[0]} is taken")


def rule_options(config: Config, rule: type[Rule]) -> tuple[BaseModel, RuleSettings]:
    """The validated Options and configured severity/enabled state for one rule."""
    return _validated(rule, config.rule_settings(rule.code, rule.name))


def _validated(rule: type[Rule], settings: dict[str, Any]) -> tuple[BaseModel, RuleSettings]:
    generic = RuleSettings.model_validate({k: v for k, v in settings.items() if k in _GENERIC})
    return rule.Options.model_validate({k: v for k, v in settings.items() if k not in _GENERIC}), generic


def load_config(path: Path | None) -> Config:
    """lint.config.load plus the check of every rule's settings: what the command line and the API use."""
    config = load(path)
    check_settings(config)
    return config
