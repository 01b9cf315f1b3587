"""KZ101, KZ105, KZ106: what the publishing software left in the words (script values,
template placeholders, encoding damage, HTML)."""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Iterator

from lint.core.document import Document
from lint.core.findings import Edit, Finding, Fix, Severity
from lint.text.patterns import PatternSet
from lint.rules.artifacts.support import (
    ArtifactOptions, block_of, compile_or_none, phrase_alternation, prose_lines, quote, remove_lines_fix,
)
from lint.rules.base import DocumentRule


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
                yield self.finding(
                    doc, start, start + len(token),
                    f'stray token "{token}" (alone on a line: script or template residue)',
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
            yield self.finding(doc, start, end, f'stray token "{quote(doc.text[start:end])}" ({why})')


# Candidate spots, so ftfy (slow to import, ~1 ms a document to scan) only sees lines that may be
# damaged: a Latin-1 or Cyrillic letter followed by a character UTF-8 misread as cp1252/latin-1/cp1251
# produces (a continuation byte shown as a symbol or a rare letter), or a C1 control character.
# ftfy then decides whether it is mojibake and what the text was.
_CANDIDATE = re.compile(
    "[\u0080-\u00ff\u0400-\u045f][\u0080-\u00bf\u0152-\u02dc\u0400-\u040f\u0450-\u045f\u0490\u0491\u2013-\u2122]"
    "|[\u0080-\u009f]"
)


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
                yield self.finding(
                    doc, start, end, f'mojibake "{quote(bad, 40)}", should read "{quote(good, 40)}"',
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


class MarkupResidueOptions(ArtifactOptions):
    tags: list[str] = [
        "a", "b", "i", "u", "em", "strong", "span", "div", "p", "br", "hr", "img", "iframe", "script", "style",
        "figure", "figcaption", "blockquote", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table",
        "tr", "td", "th", "font", "center", "small", "sup", "sub", "section", "article", "header", "footer",
        "nav", "aside", "noscript", "button", "form", "input", "meta", "link", "source", "video", "audio",
    ]
    patterns: list[str] = [r"\[/?(?:caption|embed|gallery|video|audio|tweet|youtube)\b[^\]\n]{0,200}\]"]


_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});|&nbsp(?![;\w])")


class MarkupResidue(DocumentRule):
    code = "KZ106"
    name = "markup-residue"
    severity = Severity.WARNING
    summary = "HTML entities, tags or CMS shortcodes left in prose (&nbsp;, &amp;, <br>, [caption])."
    message = 'HTML {kind} "{text}" in prose'
    explanation = (
        "An article copied from a page's HTML source, or run twice through an escaper, keeps "
        "`&nbsp;`, `&amp;`, `&#8217;` or tags such as `<br>` and `</p>` as literal text; WordPress "
        "shortcodes such as `[caption]` are the same problem. Readers and search see the markup, not "
        "the character. Code spans and code blocks are never checked. --fix replaces an entity with "
        "the character it stands for (in Markdown, not when that would turn it into markup); tags are "
        "only reported, because what replaces them (a line break, nothing, a link) needs a human. "
        "Tag names and shortcode patterns: `rules.markup-residue` in rules.yaml."
    )
    bad_example = "Police fired tear gas at protesters in Almaty&nbsp;on Wednesday.<br>"
    good_example = "Police fired tear gas at protesters in Almaty on Wednesday."
    fixable = True
    Options = MarkupResidueOptions

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        names = "|".join(sorted({re.escape(t) for t in self.options.tags}, key=len, reverse=True))
        tag = rf"</?(?:{names})(?:\s[^<>\n]{{0,300}})?\s*/?>" if names else ""
        self._markup = PatternSet.from_option(self, "patterns", re.I, before=[tag])

    def prepare(self) -> list[str]:
        return self._markup.notices

    def check(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        if "&" in prose:
            for match in _ENTITY.finditer(prose):
                start, end = match.span()
                entity = match.group()
                character = html.unescape(entity if entity.endswith(";") else entity + ";")
                if character == entity or block_of(doc, start) is None:
                    continue
                shown = "no-break space" if character == "\u00a0" else f'"{character}"'
                damaged = character in "¿¡" and start > 0 and doc.text[start - 1].isalpha()
                note = ", probably a damaged apostrophe" if damaged else ""
                yield self.finding(
                    doc, start, end, f'HTML entity "{entity}" in prose (stands for {shown}{note})',
                    fix=Fix((Edit(start, end, character),), f"replace {entity} with {shown}",
                            safe=not damaged and self._safe_unescape(doc, character, end)),
                )
        if self._markup:
            for match in self._markup.finditer(prose):
                start, end = match.span()
                if block_of(doc, start) is None:
                    continue
                kind = "tag" if match.group().startswith("<") else "shortcode"
                yield self.finding(doc, start, end, f'HTML {kind} "{quote(match.group(), 50)}" in prose')

    @staticmethod
    def _safe_unescape(doc: Document, character: str, end: int) -> bool:
        """Unescaping must not create markup: `&lt;b&gt;` in Markdown, or a new entity such as `&amp;amp;`."""
        if doc.is_markdown and character in "<>*_`[]\\":
            return False
        return not (character == "&" and re.match(r"[A-Za-z0-9#]{2,32};", doc.text[end:end + 33]))
