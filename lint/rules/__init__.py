"""The rule registry: every module in this package defines rules; importing them registers them."""

from __future__ import annotations

import importlib
import pkgutil

from lint.rules.base import CorpusRule, DocumentRule, Rule


def all_rules() -> dict[str, type[Rule]]:
    """Every built-in rule class by code, in code order."""
    for module in pkgutil.iter_modules(__path__):
        if module.name != "base":
            importlib.import_module(f"{__name__}.{module.name}")
    return dict(sorted(Rule.registry.items()))


__all__ = ["CorpusRule", "DocumentRule", "Rule", "all_rules"]
