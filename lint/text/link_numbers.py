"""A text-mode browser's dump (`lynx -dump`, `w3m -dump` with link numbers): the number in
brackets before each link's text ("[3]News") and the numbered reference list at the end that
gives each number's target ("References", then "   3. https://site/news").

The list holds every link of the page, its menus and share buttons as much as the article's own
citations; what a target is depends on where its number stands in the text. So the page-furniture
check reads a line of nothing but numbered links as a line of links (lint.text.page_furniture),
and the source rules count a listed target only when its number stands in the article, not on a
furniture line (lint.facts.sources).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lint.core.document import Document

# the list's heading as lynx ("References") and w3m ("References:") write it
_HEADING = re.compile(r"^[ \t]*References:?[ \t]*$", re.M)
# an entry: "   3. https://site/news" (lynx), "[3] https://site/news" (w3m); lynx's "Visible links:" and
# "Hidden links:" subheadings may stand between entries
_ENTRY = re.compile(r"[ \t]*(?:(\d{1,5})\.|\[(\d{1,5})\])[ \t]+([a-z][a-z0-9+.-]*:\S+)[ \t]*", re.I)
_SUBHEADING = re.compile(r"[ \t]*(?:Visible|Hidden) links:?[ \t]*", re.I)
MARK = re.compile(r"\[(\d{1,5})\]")
MIN_ENTRIES = 2  # one numbered line after "References" is a bibliography, not a browser's list
_ATTR = "_kz_link_numbers"


@dataclass(frozen=True, slots=True)
class NumberedLinks:
    start: int  # offset of the list's heading: the page's text ends there
    targets: dict[int, str]  # link number -> target
    numbers: dict[int, int]  # offset of a target in the list -> its number
    marks: dict[int, tuple[int, ...]]  # link number -> offsets of its marks in the page's text

    def targets_of(self, text: str) -> list[str] | None:
        """The targets of the marks in a line of the page, or None when one of them is not listed."""
        found = [self.targets.get(int(n)) for n in MARK.findall(text)]
        return None if None in found else found  # type: ignore[return-value]


def numbered_links(doc: Document) -> NumberedLinks | None:
    """The document's reference list and link marks, or None when it has no such list (computed
    once per document)."""
    if "References" not in doc.text:
        return None
    if _ATTR not in doc.__dict__:
        doc.__dict__[_ATTR] = _parse(doc.text)
    return doc.__dict__[_ATTR]


def _parse(text: str) -> NumberedLinks | None:
    for heading in reversed(list(_HEADING.finditer(text))):  # the list closes the dump
        targets: dict[int, str] = {}
        numbers: dict[int, int] = {}
        offset = heading.end() + 1
        for line in text[offset:].split("\n"):
            entry = _ENTRY.fullmatch(line)
            if entry:
                number = int(entry.group(1) or entry.group(2))
                targets[number] = entry.group(3)
                numbers[offset + entry.start(3)] = number
            elif line.strip() and not _SUBHEADING.fullmatch(line):
                break
            offset += len(line) + 1
        if len(targets) >= MIN_ENTRIES:
            marks: dict[int, list[int]] = {}
            for m in MARK.finditer(text, 0, heading.start()):
                if int(m.group(1)) in targets:
                    marks.setdefault(int(m.group(1)), []).append(m.start())
            return NumberedLinks(heading.start(), targets, numbers, {n: tuple(o) for n, o in marks.items()})
    return None
