"""What every renderer gets: the findings plus what the run knows about them."""

from __future__ import annotations

from dataclasses import dataclass, field

from lint.core.findings import Finding
from lint.rules import Rule


@dataclass
class Report:
    findings: list[Finding]
    files: int
    rules: list[Rule]
    metadata: dict[str, dict] = field(default_factory=dict)
    color: bool = False
