"""Which rules run: ruff-style --select / --extend-select / --ignore over codes, prefixes and names."""

from __future__ import annotations

from collections.abc import Iterable

from lint.config import Config, ConfigError
from lint.core.selectors import matches
from lint.rules import Rule, all_rules, check_settings, rule_options
from lint.rules.custom.custom_rules import custom_rules


def check_selectors(selectors: Iterable[str], known: Iterable[type[Rule] | Rule], where: str) -> None:
    known = list(known)
    for selector in selectors:
        if not any(matches(selector, rule) for rule in known):
            raise ConfigError(f"{where}: unknown rule or prefix '{selector}'")


def build_rules(
    config: Config,
    select: list[str] | None = None,
    extend_select: list[str] | None = None,
    ignore: list[str] | None = None,
) -> list[Rule]:
    """Instantiate the rules that run, configured from `config`, in code order."""
    check_settings(config)
    candidates: list[Rule] = []
    for rule_class in all_rules().values():
        options, settings = rule_options(config, rule_class)
        candidates.append(rule_class(options, settings.severity, config, settings.enabled))
    candidates.extend(custom_rules(config))

    chosen_select = select if select else (config.select or None)
    extend = (config.extend_select or []) + (extend_select or [])
    ignored = (config.ignore or []) + (ignore or [])
    for where, selectors in (("--select", chosen_select or []), ("--extend-select", extend), ("--ignore", ignored)):
        check_selectors(selectors, candidates, where)

    result = []
    for rule in candidates:
        if chosen_select:
            on = any(matches(s, rule) for s in chosen_select)
        else:
            configured = rule.enabled_by_config
            on = rule.default_enabled if configured is None else configured
        on = on or any(matches(s, rule) for s in extend)
        if any(matches(s, rule) for s in ignored):
            on = False
        if on:
            result.append(rule)
    return result
