"""Renderers: thin functions over the one Finding model. Each takes a Report and returns text."""

from __future__ import annotations

from collections.abc import Callable
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


Renderer = Callable[[Report], str]


def renderers() -> dict[str, Renderer]:
    from lint.output import text, json_format

    formats: dict[str, Renderer] = {"text": text.render, "json": json_format.render}
    for name in ("sarif", "github", "json_lines", "junit"):
        try:
            module = __import__(f"lint.output.{name}", fromlist=["render"])
        except ImportError:
            continue
        formats[name.replace("_", "-")] = module.render
    return formats
