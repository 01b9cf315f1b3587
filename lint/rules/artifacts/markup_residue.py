"""KZ106 markup-residue: HTML entities, tags or CMS shortcodes left in prose (&nbsp;, &amp;, <br>, [caption])."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from lint.core.document import Document
from lint.core.findings import Edit, Finding, Fix, Severity
from lint.rules.artifacts.support import ArtifactOptions, block_of, quote
from lint.rules.base import DocumentRule
from lint.text.patterns import PatternSet
from lint.text.phrases import literal_alternation


class MarkupResidueOptions(ArtifactOptions):
    tags: list[str] = [
        "a", "b", "i", "u", "em", "strong", "span", "div", "p", "br", "hr", "img", "iframe", "script", "style",
        "figure", "figcaption", "blockquote", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table",
        "tr", "td", "th", "font", "center", "small", "sup", "sub", "section", "article", "header", "footer",
        "nav", "aside", "noscript", "button", "form", "input", "meta", "link", "source", "video", "audio",
    ]
    patterns: list[str] = [
        r"\[/?(?:caption|embed|gallery|video|audio|tweet|youtube)\b[^\]\n]{0,200}\]",
        # an HTML comment in prose ("<!-- ad slot 3 -->", "<!-- /wp:paragraph -->"), not kzlint's own directives
        r"<!--(?![ \t]*kzlint)[^\n]{0,300}?-->",
        # wikitext: '''bold''', {{convert|10|km}}, [[Almaty]] and [[Almaty|the city]], == Background ==
        r"'''(?<!'''')(?=[^'\s])[^'\n]{1,120}(?<=[^'\s])'''(?!')",
        r"\{\{[A-Za-z][^{}\n|]{0,40}\|[^{}\n]{0,300}\}\}",
        r"\[\[[^\[\]\n|]{1,120}(?:\|[^\[\]\n]{1,120})?\]\]",
        r"==(?<![^\n]==)={0,3}[^=\n]{1,100}={2,5}[ \t]*(?=\n|\Z)",  # each starts with a literal: a fast scan
    ]
    # a line starting with a tag in Markdown (`<p>`, `<div>`) is an HTML block, which Markdown hides
    # from every check: report it when it holds one of `tags`
    html_blocks: bool = True


# What a wikitext match starts with; ''italics'' count only next to other wikitext.
_WIKI_STARTS = ("[[", "{{", "'''", "=")
_WIKI_ITALICS = re.compile(r"(?<!')'{2}(?=[^'\s])[^'\n]{1,120}(?<=[^'\s])'{2}(?!')")
# a reference mark glued to the text it follows, as a wiki's page copies them: a footnote number
# ("killed,[3]", "[5][6]"), a section's "[edit]" link or an inline maintenance tag
# ("[citation needed]", "[who?]"); not "[sic]" or "[the president]", which follow a space, nor an
# editor's letter in a quotation ("give[s]")
_FOOTNOTE_ITEM = r"\d{1,3}|note[ \t]\d{1,3}|edit|[a-z][a-z \t-]{0,30}(?:needed|\?)"
_REFERENCE_MARK = re.compile(
    rf"(?<=[^\W_]|[.,;:!?)\"”’'%])(?:\[(?:{_FOOTNOTE_ITEM})\])+(?![(\[:])"
    # a text-mode browser's link number before the link's text (lynx, w3m: "[3]News [4]Sport")
    r"|(?:(?<=[ \t])|^)\[\d{1,4}\](?=[^\W\d_])", re.MULTILINE)
# a tag the prose names, not markup left in it: "a <script> tag", "the <iframe> element"
_NAMED_TAG = re.compile(r"[ \t]+(?:tags?|elements?)\b", re.I)
# a note the article gives for its marks, opening a line: "[1] France completed its withdrawal ..."
_NOTE_LINE = re.compile(r"^[ \t]*\[(\d{1,3})\][ \t]+\S", re.MULTILINE)
# pandoc's Markdown extensions left by an HTML-to-Markdown conversion: a fenced div's line
# ("::: {.ad-slot-container}", ":::") and attributes after a link or a span ("[News](/news){.nav-link}")
_PANDOC = re.compile(r"(?<![^\n]):{3,}[ \t]*(?:\{[^{}\n]{0,200}\}|[A-Za-z][\w-]*)?[ \t]*(?=\n|\Z)"
                     r"|\{[#.][^{}\s][^{}\n]{0,200}\}")  # attributes: right after a link's ")" or a span's "]"
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});|&nbsp(?![;\w])")


class MarkupResidue(DocumentRule):
    code = "KZ106"
    name = "markup-residue"
    severity = Severity.WARNING
    summary = "HTML entities, tags, CMS shortcodes or reference marks left in prose (&nbsp;, <br>, [caption], [3])."
    message = 'HTML {kind} "{text}" in prose'
    messages = {
        "entity": 'HTML entity "{entity}" in prose (stands for {shown}{note})',
        "wiki": 'wiki markup "{text}" in prose',
        "reference": 'reference mark "{text}" in prose: a wiki\'s footnote or tag, copied with the text',
        "browser": 'link number {text} in prose: a text-mode browser\'s (lynx, w3m) marks, copied with the text',
        "pandoc": 'pandoc markup "{text}" in prose: a converter\'s fenced div or attributes, copied with the text',

        "block": 'HTML block "{text}"{more} in a Markdown article: scraped markup, not text (Markdown hides it '
                 'from every check)',
    }
    explanation = (
        "An article copied from a page's HTML source, or run twice through an escaper, keeps "
        "`&nbsp;`, `&amp;`, `&#8217;` or tags such as `<br>` and `</p>` as literal text; WordPress "
        "shortcodes such as `[caption]` are the same problem. Readers and search see the markup, not "
        "the character. Code spans and code blocks are never checked. --fix replaces an entity with "
        "the character it stands for (in Markdown, not when that would turn it into markup); tags are "
        "only reported, because what replaces them (a line break, nothing, a link) needs a human. "
        "In Markdown, a line that starts with a tag (`<p>`, `<div>`) opens an HTML block, which "
        "Markdown renders as markup and kzlint cannot read as prose: in a news corpus it is residue, "
        "reported once per block (`html-blocks`; HTML comments and tags not in `tags` are left alone). "
        "An HTML comment in prose (`<!-- ad slot 3 -->`) is residue too, kzlint's own directives aside. "
        "Wikitext counts too: `'''bold'''`, `{{convert|…}}`, `[[link|text]]`, `== Heading ==`, and "
        "`''italics''` where other wikitext shows the source (alone, two apostrophes are often a "
        "quotation mark). Reference marks copied with the text count too: a wiki's footnote numbers and tags "
        "glued to the word before (`killed,[3]`, `[citation needed]`; not `[sic]` after a space) and a "
        "text-mode browser's link numbers (`[3]News`); --fix deletes them. So do pandoc's fenced divs and "
        "attributes in a Markdown article (`::: {.ad-slot}`, `[News](/news){.nav-link}`), left by an HTML "
        "conversion. "
        "Tag names and patterns: `rules.markup-residue` in rules.yaml."
    )
    bad_example = "Police fired tear gas at protesters in Almaty&nbsp;on Wednesday.<br>"
    good_example = "Police fired tear gas at protesters in Almaty on Wednesday."
    fixable = True
    Options = MarkupResidueOptions

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        names = literal_alternation(set(self.options.tags))
        tag = rf"</?(?:{names})(?:\s[^<>\n]{{0,300}})?\s*/?>" if names else ""
        self._markup = PatternSet.from_option(self, "patterns", re.I, before=[tag])
        self._tag = re.compile(tag, re.I) if tag else None

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
                yield self.report(
                    doc, start, end, "entity", entity=entity, shown=shown, note=note,
                    fix=Fix((Edit(start, end, character),), f"replace {entity} with {shown}",
                            safe=not damaged and self._safe_unescape(doc, character, end)),
                )
        if self._markup:
            found = [m for m in self._markup.finditer(prose) if block_of(doc, m.start()) is not None]
            if "''" in prose and any(m.group().lstrip().startswith(_WIKI_STARTS) for m in found):
                taken = {m.start() for m in found}  # other wikitext shows the source: ''italics'' are markup
                found += [m for m in _WIKI_ITALICS.finditer(prose)
                          if m.start() not in taken and block_of(doc, m.start()) is not None]
                found.sort(key=lambda m: m.start())
            for match in found:
                start, end = match.span()
                text = match.group()
                if text.lstrip().startswith(_WIKI_STARTS):
                    start += len(text) - len(text.lstrip())
                    yield self.report(doc, start, end, "wiki", text=quote(text.strip(), 50))
                else:
                    kind = "comment" if text.startswith("<!--") else "tag" if text.startswith("<") else "shortcode"
                    if kind == "tag" and _NAMED_TAG.match(prose, end):
                        continue  # the prose names the tag: "the attackers added a <script> tag to the page"
                    yield self.report(doc, start, end, kind=kind, text=quote(text, 50))
        if "[" in prose:
            yield from self._reference_marks(doc)
        if doc.is_markdown and (":::" in prose or "{." in prose or "{#" in prose):
            yield from self._pandoc(doc)
        if self.options.html_blocks and self._tag is not None and doc.is_markdown:
            yield from self._html_blocks(doc)

    def _pandoc(self, doc: Document) -> Iterator[Finding]:
        """Pandoc's fenced divs and attributes in a Markdown article; --fix deletes them (a fence's
        whole line)."""
        for match in _PANDOC.finditer(doc.prose):
            start, end = match.span()
            if block_of(doc, start) is None or match.group()[0] == "{" and doc.text[start - 1:start] not in (")", "]"):
                continue
            cut_end = end + 1 if match.group().startswith(":") and doc.text[end:end + 1] == "\n" else end
            yield self.report(doc, start, end, "pandoc", text=quote(match.group(), 50),
                              fix=Fix((Edit(start, cut_end, ""),), f"delete {quote(match.group(), 30)}", safe=True))

    def _reference_marks(self, doc: Document) -> Iterator[Finding]:
        """_REFERENCE_MARK: a wiki's marks one finding each; a browser's link numbers one per line
        (a menu line holds a dozen)."""
        numbers: list[re.Match] = []
        notes: set[str] | None = None  # the numbers of the notes the document itself gives ("[1] France ...")
        for match in _REFERENCE_MARK.finditer(doc.prose):
            if block_of(doc, match.start()) is None:
                continue
            if match.group()[1:2].isdigit() and match.start() and not doc.prose[match.start() - 1].isspace():
                if notes is None:
                    notes = set(_NOTE_LINE.findall(doc.text))
                if notes and set(re.findall(r"\d+", match.group())) <= notes:
                    continue  # the article's own endnote mark
            if match.start() == 0 or doc.prose[match.start() - 1].isspace():
                if numbers and doc.position(numbers[0].start())[0] != doc.position(match.start())[0]:
                    yield self._browser_numbers(doc, numbers)
                    numbers = []
                numbers.append(match)
                continue
            text = match.group()
            yield self.report(doc, match.start(), match.end(), "reference", text=quote(text, 50),
                              what="a wiki's footnote or tag",
                              fix=Fix((Edit(match.start(), match.end(), ""),), f'delete "{quote(text, 30)}"'))
        if numbers:
            yield self._browser_numbers(doc, numbers)

    def _browser_numbers(self, doc: Document, numbers: list[re.Match]) -> Finding:
        text = ", ".join(f'"{m.group()}"' for m in numbers[:2]) + (f" and {len(numbers) - 2} more" if len(numbers) > 2 else "")
        edits = tuple(Edit(m.start(), m.end(), "") for m in numbers)
        return self.report(doc, numbers[0].start(), numbers[-1].end(), "browser", text=text,
                           fix=Fix(edits, f"delete the link number{'s' if len(numbers) > 1 else ''}"))

    def _html_blocks(self, doc: Document) -> Iterator[Finding]:
        """Markdown HTML blocks holding one of `tags`: one finding over each block."""
        for block in doc.blocks:
            if block.kind != "html":
                continue
            raw = doc.text[block.start:block.end]
            if raw.lstrip().startswith("<!--"):
                continue  # a comment (kzlint's own directives among them)
            tags = self._tag.findall(raw)
            if not tags:
                continue
            start = block.start + len(raw) - len(raw.lstrip())
            more = f" and {len(tags) - 1} more tag{'s' if len(tags) > 2 else ''}" if len(tags) > 1 else ""
            yield self.report(doc, start, block.start + len(raw.rstrip()), "block", text=quote(tags[0], 50),
                              more=more)

    @staticmethod
    def _safe_unescape(doc: Document, character: str, end: int) -> bool:
        """Unescaping must not create markup: `&lt;b&gt;` in Markdown, or a new entity such as `&amp;amp;`."""
        if doc.is_markdown and character in "<>*_`[]\\":
            return False
        return not (character == "&" and re.match(r"[A-Za-z0-9#]{2,32};", doc.text[end:end + 33]))
