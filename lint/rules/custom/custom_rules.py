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


def _template(message: str, fields: tuple[str, ...]) -> str:
    """The user's message as a str.format template: `{name}` of `fields` are placeholders, every
    other brace is literal text (a message may show "{" or an unknown "{field}" as written)."""
    template = message.replace("{", "{{").replace("}", "}}")
    for field in fields:
        template = template.replace("{{" + field + "}}", "{" + field + "}")
    return template + ' ("{text}")'  # the matched text, quoted after the message


class CustomRule(DocumentRule):
    """One rule instance per `custom-rules:` entry; metadata comes from the entry.

    The message is a template like a built-in rule's: `{text}` is the matched text and, in a
    substitution (`swap`), `{replacement}` its replacement; the finding quotes the match after it.
    `report()` formats it, so `kzlint explain` shows exactly what is printed. The instance has the
    metadata a rule class has (code, name, family, severity, templates), for `kzlint rules`/`explain`.
    """

    def __init__(self, spec) -> None:
        super().__init__(None, spec.severity, None)
        self.code = spec.code
        self.name = spec.name
        self.severity = spec.severity
        self.summary = spec.message
        # Without a replacement, `{replacement}` stays as written (a phrase of `phrases:` in a rule that also swaps).
        self.message = _template(spec.message, ("text",))
        self.messages = {"swap": _template(spec.message, ("text", "replacement"))} if spec.swap else {}
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

    # The built-in rules' metadata are class attributes; a custom rule's are the instance's.
    def family(self) -> str:  # type: ignore[override]
        return "custom"

    def templates(self) -> dict[str, str]:  # type: ignore[override]
        return {"": self.message, **self.messages}

    def format_message(self, variant: str | None = None, /, **fields) -> str:  # type: ignore[override]
        return (self.messages[variant] if variant else self.message).format(**fields)

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
                    if replacement is None:
                        yield self.report(doc, start, end, text=found)
                    else:
                        fix = Fix((Edit(start, end, replacement),), f"replace with '{replacement}'")
                        yield self.report(doc, start, end, "swap", fix=fix, text=found, replacement=replacement)


def custom_rules(config) -> list[CustomRule]:
    return [CustomRule(spec) for spec in config.custom_rules]
