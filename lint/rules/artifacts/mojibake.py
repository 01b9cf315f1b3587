"""KZ105 mojibake: Encoding damage: UTF-8 text decoded with the wrong code page (Ã©, â€™, Ð¡)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from lint.core.document import Document
from lint.core.findings import Edit, Finding, Fix, Severity
from lint.core.forking import before_fork
from lint.rules.artifacts.support import prose_lines, quote
from lint.rules.base import DocumentRule

# Candidate spots, so ftfy (slow to import, ~1 ms a document to scan) only sees lines that may be
# damaged: a Latin-1 or Cyrillic letter followed by a character UTF-8 misread as cp1252/latin-1/cp1251
# produces (a continuation byte shown as a symbol or a rare letter), or a C1 control character.
# ftfy then decides whether it is mojibake and what the text was.
_CANDIDATE = re.compile(
    "[\u0080-\u00ff\u0400-\u045f][\u0080-\u00bf\u0152-\u02dc\u0400-\u040f\u0450-\u045f\u0490\u0491\u2013-\u2122]"
    "|[\u0080-\u009f]"
)


def _import_ftfy() -> None:
    """Imported before workers fork (they share it: 0.05-0.15 s apiece); without workers, at the first candidate."""
    import ftfy  # noqa: F401


def _repair(text: str) -> str:
    """ftfy's encoding repair only: no quote uncurling, normalisation or other cosmetics."""
    import ftfy

    config = ftfy.TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False, fix_character_width=False,
        uncurl_quotes=False, fix_line_breaks=False, remove_control_chars=False, normalization=None, explain=False,
    )
    return ftfy.fix_text(text, config)


class Mojibake(DocumentRule):
    code = "KZ105"
    name = "mojibake"
    severity = Severity.ERROR
    summary = "Encoding damage: UTF-8 text decoded with the wrong code page (Ã©, â€™, Ð¡)."
    message = 'mojibake "{bad}", should read "{good}"'
    explanation = (
        "When UTF-8 bytes are decoded as Windows-1252, Latin-1 or Windows-1251, every accented "
        "letter, curly quote and Cyrillic letter turns into two or three wrong characters: "
        "“Kazakhstan’s” becomes “Kazakhstanâ€™s”, “Казахстан” becomes “РљР°Р·Р°С…СЃС‚Р°РЅ”. "
        "Names become unsearchable and quotes unreadable. kzlint asks ftfy (not a hand-written "
        "table) whether a suspicious line is mojibake and what it originally said; --fix writes "
        "ftfy's repair."
    )
    bad_example = "Kazakhstanâ€™s president has imposed a state of emergency."
    good_example = "Kazakhstan’s president has imposed a state of emergency."
    fixable = True

    def prepare(self) -> list[str]:
        before_fork(_import_ftfy)
        return []

    def check(self, doc: Document) -> Iterator[Finding]:
        if doc.prose.isascii() or not _CANDIDATE.search(doc.prose):
            return
        for line in prose_lines(doc):
            if not _CANDIDATE.search(line.text):
                continue
            original = doc.text[line.start:line.end]
            repaired = _repair(original)
            if repaired == original:
                continue
            matcher = difflib.SequenceMatcher(None, original, repaired, autojunk=False)
            for a0, a1, b0, b1 in _changed_regions(matcher.get_opcodes()):
                bad, good = original[a0:a1], repaired[b0:b1]
                start, end = line.start + a0, line.start + a1
                yield self.report(
                    doc, start, end, bad=quote(bad, 40), good=quote(good, 40),
                    fix=Fix((Edit(start, end, good),), f'repair the encoding: "{quote(good, 40)}"'),
                )


def _changed_regions(opcodes: list[tuple[str, int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """(a0, a1, b0, b1) of each change; changes fewer than 3 characters apart are one region."""
    regions: list[list[int]] = []
    for tag, a0, a1, b0, b1 in opcodes:
        if tag == "equal":
            continue
        if regions and a0 - regions[-1][1] < 3:
            regions[-1][1], regions[-1][3] = a1, b1
        else:
            regions.append([a0, a1, b0, b1])
    return [(a0, a1, b0, b1) for a0, a1, b0, b1 in regions]
