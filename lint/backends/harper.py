"""Harper (harper-py: Automattic's offline Rust grammar checker) as a KZ201 backend.

No Java, no server, no download; about a second to build the dictionary once per process
and roughly 0.1 s per article, which is why it is opt-in (see README, 'Grammar checking').
"""

from __future__ import annotations

from lint.backends.match import Match, Unavailable
from lint.config import GrammarSettings

_DIALECTS = {"en-us": "american", "en-gb": "british", "en-au": "australian", "en-ca": "canadian", "en-in": "indian"}
_LINTERS: dict[tuple, object] = {}


def dialect_for(settings: GrammarSettings, language: str) -> str:
    return settings.harper_dialect or _DIALECTS.get(language.lower(), "american")


def linter(settings: GrammarSettings, language: str):
    """One configured harper.Linter per process (building it is the expensive step)."""
    dialect = dialect_for(settings, language)
    key = (dialect, tuple(settings.harper_disabled_lints))
    if key not in _LINTERS:
        try:
            import harper
        except ImportError:
            raise Unavailable("Harper is not installed (pip install 'kzlint[harper]')") from None
        built = harper.Linter(getattr(harper.Dialect, dialect.upper()))
        config = built.get_default_lint_config()
        unknown = sorted(set(settings.harper_disabled_lints) - set(config))
        if unknown:
            raise Unavailable(f"grammar.harper-disabled-lints names no Harper rule: {', '.join(unknown)}")
        built.set_lint_config({**config, **{name: False for name in settings.harper_disabled_lints}})
        _LINTERS[key] = built
    return _LINTERS[key]


def check(text: str, settings: GrammarSettings, language: str, max_replacements: int = 3) -> list[Match]:
    """Harper's lints in `text` (plain text: markup is already masked), offsets in code points."""
    found = []
    for rule_id, lints in linter(settings, language).organized_lints(text, language="plaintext").items():
        for lint in lints:
            replacements = tuple(s.replacement_text for s in lint.suggestions[:max_replacements] if s.replacement_text)
            found.append(Match(lint.span.start, lint.span.end - lint.span.start, " ".join(lint.message.split()),
                               rule_id, lint.lint_kind, "misspelling" if lint.lint_kind == "Spelling" else "",
                               replacements))
    return sorted(found, key=lambda m: (m.offset, m.rule_id))
