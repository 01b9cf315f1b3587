"""KZ101 stray-token: Template or script residue standing as a word in prose (undefined, null, {{ name }}, %s)."""

from __future__ import annotations

import bisect
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
        r"\{\{[^{}|\n]{1,80}\}\}",  # with a pipe it is a wiki template: markup-residue
        r"\{%[^%\n]{1,80}%\}",
        r"\$\{[^{}\n]{1,80}\}",
        r"%(?<![\w%]%)(?:\([A-Za-z_]\w*\))?[sd](?![\w%])",
        r"NaN(?<![\w-]NaN)(?![\w-])",
        r"Lorem ipsum",
        r"lorem ipsum",
    ]
    # words of English that a failed script also prints, reported where a number or a name belongs
    slot_values: list[str] = ["undefined", "null", "NaN"]
    # words a number follows: "ranked number undefined", "aged undefined", "page undefined of 12"
    number_words: list[str] = [
        "number", "no", "no.", "nos.", "ranked", "rank", "aged", "page", "episode", "chapter", "season", "issue",
        "vol.", "volume", "version", "round", "seed", "grade", "level", "category", "gate", "platform", "room",
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
        "after a label (`values`: `Photo: undefined`, `(null)`), and inside a sentence where a number or "
        "a name belongs (`slot-values`): touching a number or a currency sign (\"won 3-undefined\", "
        "\"rose undefined.5%\", \"the undefined-year-old striker\"), after a word a number follows "
        "(`number-words`: \"ranked number undefined\"), as a byline's name (\"By undefined\"), twice in a "
        "row, or as the speaker of \"said\". So \"null and void\" in a legal quote and \"the border remains "
        "undefined\" are left alone. A line that is nothing but the token is removed by --fix. The lists "
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
        self._slot_values = tuple(self.options.slot_values)
        slots = phrase_alternation(self._slot_values)
        self._slot = compile_or_none(rf"(?<![\w@/])(?<![^\W\d][-.])(?:{slots})(?![\w@/])" if slots else "")
        self._number_words = frozenset(w.lower() for w in self.options.number_words)

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
        if self._slot is not None and any(value in prose for value in self._slot_values):
            spans += self._in_slots(doc)
        reported: set[int] = set()
        for start, end, why in sorted(spans):
            if end == start or start in reported or block_of(doc, start) is None:
                continue
            if doc.position(start)[0] in whole_lines:
                continue
            reported.add(start)
            yield self.report(doc, start, end, token=quote(doc.text[start:end]), why=why)

    def _in_slots(self, doc: Document) -> list[tuple[int, int, str]]:
        """`slot-values` standing where a number or a name belongs, judged from the line around them
        (found in doc.line_starts: a search for the newlines was quadratic on a 20 MB line)."""
        prose, line_starts = doc.prose, doc.line_starts
        found = []
        for match in self._slot.finditer(prose):
            start, end = match.span()
            line_start = line_starts[bisect.bisect_right(line_starts, start) - 1]
            following = bisect.bisect_right(line_starts, end)
            line_end = line_starts[following] - 1 if following < len(line_starts) else -1
            before = prose[max(line_start, start - 30):start]
            after = prose[end:min(end + 30, len(prose) if line_end < 0 else line_end)]
            why = self._slot_kind(before, after)
            if why:
                found.append((start, end, f"a script value where {why} should be"))
        return found

    def _slot_kind(self, before: str, after: str) -> str:
        """"a number", "a name" or "" (English using the word: "remains undefined", "null and void")."""
        if _NUMBER_BEFORE.search(before) or _NUMBER_AFTER.match(after):
            return "a number"
        words = before.split()
        if words and before[-1] in " \t" and words[-1].lower() in self._number_words:
            return "a number"
        if _BYLINE.search(before) and (not after.strip() or _AFTER_NAME.match(after)):
            return "a name"
        if any(after.startswith(" " + v) or before.endswith(v + " ") for v in self._slot_values):
            return "a name"  # "undefined undefined": a first and a last name
        if _SAID.match(after) and (not words or words[-1][:1].isupper() or before.rstrip().endswith((",", ".", '"'))):
            return "a name"
        return ""


# A number's neighbours: "3-undefined", "£undefined", "#undefined" before it; "undefined%", "undefined.5",
# "undefined,000", "undefined-0", "undefined-year-old", "undefined-minute" and "undefined per cent" after it.
_NUMBER_BEFORE = re.compile(r"(?:[\d$£€¥#№]|\d[-–.,:/x×])$")
_NUMBER_AFTER = re.compile(
    r"(?:%|[.,:/]\d|[-–]\d|\d|[-–][a-z]+-old\b|[-–](?:year|month|week|day|hour|minute|second|point|goal|game|match|"
    r"mile|metre|meter|kilometre|km|yard|foot|storey|seat|page|man|member|strong|percent|per)s?\b"
    r"|[ \t]*(?:per[ \t]?cent|percent)\b)"
)
# A byline or a credit whose name is missing: "By undefined", "Posted by undefined on 12 May".
_BYLINE = re.compile(r"(?:^|[|•·(])[ \t]*(?:[A-Z][a-z]+[ \t]+)?(?:[Bb]y|BY)[ \t]+$")
_AFTER_NAME = re.compile(r"[ \t]*[,.;|)]|[ \t]+(?:on|and|in|at|for)\b")
_SAID = re.compile(r"[ \t]+(?:said|says|told|added|wrote|reported|tweeted)\b")
