"""KZ101 stray-token: Template or script residue standing as a word in prose (undefined, null, {{ name }}, %s)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.core.document import Document
from lint.core.findings import Finding, Severity
from lint.rules.artifacts.support import (
    ArtifactOptions,
    block_of,
    compile_or_none,
    prose_lines,
    quote,
    remove_lines_fix,
)
from lint.rules.base import DocumentRule
from lint.text.patterns import PatternSet
from lint.text.phrases import phrase_alternation


class StrayTokenOptions(ArtifactOptions):
    lines: list[str] = ["undefined", "null", "NaN", "None", "nil", "[object Object]", "#VALUE!", "#N/A"]
    values: list[str] = ["undefined", "null", "NaN", "nil"]
    patterns: list[str] = [
        r"\[object (?:Object|HTMLElement|Promise)\]",
        r"\{\{[^{}\n]{1,80}\}\}",
        r"\{%[^%\n]{1,80}%\}",
        r"\$\{[^{}\n]{1,80}\}",
        r"%(?<![\w%]%)(?:\([A-Za-z_]\w*\))?[sd](?![\w%])",
        r"NaN(?<![\w-]NaN)(?![\w-])",
        r"Lorem ipsum",
        r"lorem ipsum",
    ]


class StrayToken(DocumentRule):
    code = "KZ101"
    name = "stray-token"
    severity = Severity.WARNING
    summary = "Template or script residue standing as a word in prose (undefined, null, {{ name }}, %s)."
    message = 'stray token "{token}" ({why})'
    messages = {"line": 'stray token "{token}" (alone on a line: script or template residue)'}
    explanation = (
        "When a page template or a script fails, the reader sees the raw value instead of the "
        "text: `undefined`, `null`, `NaN`, `[object Object]`, an unfilled placeholder such as "
        "`{{ name }}`, `${name}` or `%s`, or the designer's `Lorem ipsum`. A scraper keeps them as if "
        "they were words. Placeholders (`patterns`) fire anywhere in prose; words that English also "
        "uses fire only where English cannot use them: alone on a line (`lines`), or as the value "
        "after a label (`values`: `Photo: undefined`, `(null)`), so \"null and void\" in a legal "
        "quote is left alone. A line that is nothing but the token is removed by --fix. The lists "
        "live under `rules.stray-token` in rules.yaml."
    )
    bad_example = "Robin Forestier-Walker told Al Jazeera the number of deaths “was shocking”.\n\nundefined\n"
    good_example = "The court declared the contract null and void."
    fixable = True
    Options = StrayTokenOptions

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        words = phrase_alternation(self.options.lines)
        self._line = compile_or_none(rf"[ \t]*(?:{words})[ \t]*$" if words else "", re.I)
        self._longest_line = max((len(w) for w in self.options.lines), default=0)
        self._values = tuple(self.options.values)
        values = phrase_alternation(self._values)
        self._value = compile_or_none(
            rf"[:=|(][ \t]*(?P<value>{values})(?=[ \t]*(?:[)\],;|]|\.?[ \t]*$))" if values else "", re.M
        )
        # every default pattern starts with a literal character, so the engine skips ahead quickly
        self._anywhere = PatternSet.from_option(self, "patterns")

    def prepare(self) -> list[str]:
        return self._anywhere.notices

    def check(self, doc: Document) -> Iterator[Finding]:
        whole_lines: set[int] = set()
        if self._line is not None:
            for line in prose_lines(doc):
                if len(line.text) > self._longest_line + 12 or not self._line.match(line.text):
                    continue
                whole_lines.add(line.number)
                token = line.text.strip()
                start = line.start + line.text.index(token)
                yield self.report(
                    doc, start, start + len(token), "line", token=token,
                    fix=remove_lines_fix(doc, line.number, line.number, f'remove the line "{token}"'),
                )
        prose = doc.prose
        spans: list[tuple[int, int, str]] = []
        if self._value is not None and any(value in prose for value in self._values):
            spans += [(*m.span("value"), "a script value where text should be") for m in self._value.finditer(prose)]
        if self._anywhere:
            spans += [(*m.span(), "template or script residue") for m in self._anywhere.finditer(prose)]
        reported: set[int] = set()
        for start, end, why in sorted(spans):
            if end == start or start in reported or block_of(doc, start) is None:
                continue
            if doc.position(start)[0] in whole_lines:
                continue
            reported.add(start)
            yield self.report(doc, start, end, token=quote(doc.text[start:end]), why=why)
