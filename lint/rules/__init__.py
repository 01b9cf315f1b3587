"""Rules: the declared interfaces (base.py), the registry (registry.py) and one folder per family."""

from __future__ import annotations

from lint.rules.base import CorpusRule, DocumentRule, Rule
from lint.rules.registry import all_rules, check_settings, load_config, rule_options

__all__ = ["CorpusRule", "DocumentRule", "Rule", "all_rules", "check_settings", "load_config", "rule_options"]
