"""Renderers: thin functions over the one Finding model. Each takes a Report and returns text."""

from __future__ import annotations

from collections.abc import Callable

from lint.output import github, json_format, json_lines, junit, sarif, text
from lint.output.report import Report

Renderer = Callable[[Report], str]


def renderers() -> dict[str, Renderer]:
    """Format name -> renderer."""
    return {"text": text.render, "json": json_format.render, "sarif": sarif.render, "github": github.render,
            "json-lines": json_lines.render, "junit": junit.render}


__all__ = ["Renderer", "Report", "renderers"]
