"""The shared word lists of kzlint: what an event figure is and what attributes it.

The lists live in rules.yaml (`lexicon:`) so a corpus maintainer can extend them; their schema is
lint.config.schema.Lexicon. KZ301 (attribution) and the KZ5 consistency rules read the same model
through `config.lexicon`, so a measure added once is counted and compared everywhere.
"""

from __future__ import annotations

from functools import cache

from lint.config import Lexicon, load

__all__ = ["Lexicon", "default_lexicon"]


@cache
def default_lexicon() -> Lexicon:
    """The lexicon of the built-in rules.yaml (for callers that have no Config at hand)."""
    return load(None).lexicon
