"""User-defined existence/substitution rules from rules.yaml (`custom-rules:`), like Vale's.

Patterns are compiled with RE2, a linear-time engine, so a catastrophic-backtracking
pattern cannot hang a run; a pattern RE2 refuses is reported once and skipped.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from lint.core.document import Document
from lint.core.findings import Edit, Finding, Fix
from lint.rules.base import DocumentRule
from lint.text.phrases import literal_alternation

_REFUSED: set[str] = set()


def _compile(pattern: str, rule_code: str):
    import re2

    options = re2.Options()
    options.max_mem = 8 << 20  # bounded memory for pathological patterns
    options.case_sensitive = False
    options.log_errors = False
    try:
        return re2.compile(pattern, options)
    except re2.error as exc:
        key = f"{rule_code}:{pattern}"
        if key not in _REFUSED:
            _REFUSED.add(key)
            print(f"kzlint: custom rule {rule_code}: pattern {pattern!r} refused ({exc}); skipped", file=sys.stderr)
        return None


class CustomRule(DocumentRule):
    """One rule instance per `custom-rules:` entry; metadata comes from the entry."""

    def __init__(self, spec) -> None:
        super().__init__(None, spec.severity, None)
        self.code = spec.code
        self.name = spec.name
        self.summary = spec.message
        self.message = spec.message
        self.explanation = spec.explanation or "A rule defined in this project's rules.yaml."
        self.bad_example = ""
        self.good_example = ""
        self.fixable = bool(spec.swap)
        self._swap = {k.lower(): v for k, v in spec.swap.items()}
        sources = [p for p in spec.patterns]
        words = list(spec.phrases) + list(spec.swap)
        if words:
            sources.append(rf"\b(?:{literal_alternation(words)})\b")
        self._patterns = [c for c in (_compile(p, spec.code) for p in sources) if c is not None]

    def check(self, doc: Document) -> Iterator[Finding]:
        for _index, block in doc.prose_blocks:
            text = doc.prose[block.start:block.end]
            for pattern in self._patterns:
                for match in pattern.finditer(text):
                    if match.end() == match.start():
                        continue
                    start, end = block.start + match.start(), block.start + match.end()
                    found = doc.text[start:end]
                    replacement = self._swap.get(found.lower())
                    message = self.message.replace("{text}", found)
                    fix = None
                    if replacement is not None:
                        message = message.replace("{replacement}", replacement)
                        fix = Fix((Edit(start, end, replacement),), f"replace with '{replacement}'")
                    yield self.finding(doc, start, end, f'{message} ("{found}")', fix=fix)


def custom_rules(config) -> list[CustomRule]:
    return [CustomRule(spec) for spec in config.custom_rules]
