"""Renderers: thin functions over the one Finding model. Each takes a Report and returns text."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from lint.output.report import Report

Renderer = Callable[[Report], str]

_MODULES = {"text": "text", "json": "json_format", "sarif": "sarif", "github": "github", "json-lines": "json_lines",
            "junit": "junit"}


def renderers() -> dict[str, Renderer]:
    """Format name -> renderer. A run imports only the module of its format (XML for JUnit,
    SARIF's rule metadata: milliseconds of every pre-commit run otherwise)."""
    return {name: _imported_on_call(module) for name, module in _MODULES.items()}


def _imported_on_call(module: str) -> Renderer:
    def render(report: Report) -> str:
        return importlib.import_module(f"lint.output.{module}").render(report)

    return render


__all__ = ["Renderer", "Report", "renderers"]
