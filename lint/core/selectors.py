"""Rule selectors (ruff-style): a code, a code prefix, a rule name or ALL. The one matcher used by
--select/--ignore, per-file-ignores, inline suppressions and the engine."""

from __future__ import annotations

from typing import NamedTuple, Protocol


class Coded(Protocol):
    code: str
    name: str


class Selected(NamedTuple):
    """A (code, name) pair: a rule that ran, as recorded by the engine."""

    code: str
    name: str


def matches(selector: str, rule: Coded) -> bool:
    """Whether `selector` names `rule` (anything with a code and a name: a rule or a finding)."""
    selector = selector.strip()
    if selector.upper() == "ALL":
        return True
    return rule.code.startswith(selector.upper()) or selector == rule.name
