"""A document's lines as the furniture model sees them, and the lines it calls furniture from the
document alone, for the prose rules that should skip them (attribution, readability, grammar).

KZ102 (lint/rules/artifacts/boilerplate.py) decides with the whole corpus (repetition across
documents); a document rule sees one document, so `furniture_lines` uses the model's local one,
fitted without repetition: the lines whose shape and context alone make them furniture (menus,
share bars, teaser runs around the article), and the lines of nothing but links to other pages of
the page's own site (`site_link_units`). It is computed once per document and cached on it.

The model was fitted on pages without Markdown (dev-scraped): their visible text is their text.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator

from lint.core.document import Document
from lint.text import boilerplate as model
from lint.text.link_numbers import MARK, NumberedLinks, numbered_links
from lint.text.own_site import (
    URL_LINE,
    domain_of,
    is_share_button,
    own_domains,
    section_label,
    source_section_labels,
    stays_on_site,
)
from lint.text.words import FUNCTION_WORDS

_SOURCE_LINE = re.compile(r"^\W*(?:sources?|via|fonte|quelle|источник)\s*:", re.IGNORECASE)
_PAGE_LINK = re.compile(r"\[([^\[\]\n]{0,500})\]\(\s*(<[^>\n]*>|[^()\s]*)(?:\s+\"[^\"\n]*\")?\s*\)")
_IMAGE = re.compile(r"!\[[^\[\]\n]{0,500}\]\([^()\n]*\)")
_BARE_URL = re.compile(r"https?://|\bwww\.", re.IGNORECASE)
LABEL_WORDS = 3  # a line of links may carry this many words of its own ("Tags:", "Follow us")
LINK_WORDS = 4  # words of a numbered link's text in a text-mode browser's dump (a menu item)
_NUMBERED_LINE = re.compile(r"^[\s*+#o-]*\[\d{1,5}\]")  # a dump's line that opens with a link number
SITE_LINES = 4  # lines of links to one domain that make it the site of a page that names none (a menu)
HEADLINE_WORDS = (4, 25)  # words of a headline
HEADLINE_SHARE = 0.5  # of a headline's words of four letters or more that its lede holds
HEADLINE_SUMMARY = (3, 0.4)  # words, and share of its words, of a headline the lede holds at once
HEADLINE_REACH = 40  # lines above the body searched for it
PROSE_WORDS = 12
STANDFIRST_WORDS = 45  # words of a standfirst (a dek: one or two sentences)
TABLE_ROWS = 3  # lines of cells that make a table (_without_plain_tables)
_FIGURE = re.compile(r"\d")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$|^\s*\|\s*:?-{3,}:?\s*\|\s*$")
_CACHE_ATTR = "_kz_furniture_lines"
_INPUT_ATTR = "_kz_furniture_input"
_SITE_LINKS_ATTR = "_kz_site_links"


def units(doc: Document) -> list[tuple[int, int]]:
    """(start, end) of the lines the model classifies: each prose block, or each of its lines when
    the block is a stack of short lines (a menu written without blank lines). They are read in
    `doc.prose`, what a reader of the page sees: a Markdown link is its text, an image, a list or
    heading mark, an emphasis mark or a setext underline nothing (a Markdown scraper writes a menu
    as a list of links, where an HTML scraper writes the links' words), and a line left empty (an
    image, a logo) is no unit, nor is a Markdown table of the article's (`_is_table`)."""
    out = []
    prose = doc.prose
    for _index, block in doc.prose_blocks:
        raw = prose[block.start:block.end]
        lines = raw.split("\n")
        if doc.is_markdown and _is_table(lines):
            continue
        if len(lines) > 1 and sorted(len(line.split()) for line in lines)[len(lines) // 2] <= 8:
            offset = block.start
            for line in lines:
                if line.strip():
                    lead = len(line) - len(line.lstrip())
                    out.append((offset + lead, offset + len(line.rstrip())))
                offset += len(line) + 1
        elif raw.strip():
            lead = len(raw) - len(raw.lstrip())
            out.append((block.start + lead, block.start + len(raw.rstrip())))
    return _without_plain_tables(doc, out)


def _without_plain_tables(doc: Document, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The units but the rows of a table written without Markdown's delimiter row (a results table in
    plain text: "Crusaders | 38-19 | Brumbies"): TABLE_ROWS lines or more in a row, each of the same
    number of "|" or tab-separated cells (three or more), at least two with a figure. A menu is one line
    of cells, or lines of different numbers of them."""
    prose = doc.prose
    if "|" not in prose and "\t" not in prose:
        return found
    cells = [_cell_count(prose[start:end]) for start, end in found]
    lines = [doc.position(start)[0] for start, _ in found]
    dropped: set[int] = set()
    i = 0
    while i < len(found):
        j = i + 1
        while j < len(found) and cells[i] >= 3 and cells[j] == cells[i] and lines[j] == lines[j - 1] + 1:
            j += 1
        if j - i >= TABLE_ROWS and sum(bool(_FIGURE.search(prose[a:b])) for a, b in found[i:j]) >= 2:
            dropped.update(range(i, j))
        i = j
    return [unit for k, unit in enumerate(found) if k not in dropped]


def _cell_count(text: str) -> int:
    separator = "|" if "|" in text else "\t"
    return len([cell for cell in text.split(separator) if cell.strip()]) if separator in text else 0


def _is_table(lines: list[str]) -> bool:
    """A Markdown (GFM) table: a header row, a delimiter row ("|---|:--:|") and rows of cells. An
    article's table is its content (results, a timeline, figures); one whose cells are links
    (html2text's rendering of a layout table, a footer) is left to the site-link check."""
    if len(lines) < 3 or "|" not in lines[0] or not _TABLE_RULE.match(lines[1]):
        return False
    return sum("](" in line for line in lines[2:]) * 2 < len(lines) - 2


def unit_texts(doc: Document, found: list[tuple[int, int]]) -> list[str]:
    """The units' visible text, the spaces left by masked marks and link targets collapsed."""
    prose = doc.prose
    return [" ".join(prose[start:end].split()) if "  " in prose[start:end] else prose[start:end]
            for start, end in found]


def protected(doc: Document, found: list[tuple[int, int]], texts: list[str], sizes: list[int]) -> list[bool]:
    """The title (the first line, a level-1 Markdown heading), the headline under a masthead
    (`_headline`), `Source:` lines, a line that gives the page's own URL ("URL: https://…") and the
    article's source list (under a "Sources" heading or line) are never furniture: the list's items
    are names and links, shaped like a menu. `sizes`: the units' word counts.
    (Plain text has no heading levels: its first short line is no title when a paragraph comes first.)"""
    blocks = _blocks_of_units(doc, found)
    in_sources = _source_sections(blocks)
    keep = []
    in_list = False  # the list under a "Sources:" line
    for i, (text, block) in enumerate(zip(texts, blocks)):
        source_line = bool(_SOURCE_LINE.match(text) or URL_LINE.match(text))
        in_list = (source_line and block.kind != "list_item") or (in_list and block.kind == "list_item")
        keep.append(i == 0 or text.startswith("# ") or source_line or in_list
                    or (doc.is_markdown and block.kind == "heading" and block.level == 1)
                    or block.section in in_sources)
    headline = _headline(texts, sizes)
    if headline is not None:
        keep[headline] = True
        if _standfirst(texts, sizes, headline + 1):
            keep[headline + 1] = True
    for first, last in _introduced_lists(texts, sizes):
        keep[first - 1:last] = [True] * (last - first + 1)
    return keep


def _introduced_lists(texts: list[str], sizes: list[int]) -> Iterator[tuple[int, int]]:
    """(first, last) unit of each list the article's prose introduces: a sentence of PROSE_WORDS or more
    ending in a colon ("Manager Lisa Grant showed us the list pinned to the warehouse door:"), then
    short lines up to the next line of prose. A menu's label is no sentence ("Related:"), nor a promo's call,
    and a share bar's buttons are no list of the article's."""
    i = 0
    while i < len(texts) - 1:
        text = texts[i]
        if sizes[i] >= PROSE_WORDS and text.rstrip().endswith(":") and sizes[i + 1] < PROSE_WORDS \
                and not model.has_call_to_action(text):
            last = i + 1
            while last + 1 < len(texts) and sizes[last + 1] < PROSE_WORDS:
                last += 1
            if not any(map(model.has_call_to_action, texts[i + 1:last + 1])):  # not a share bar's "Tweet", "Email"
                yield i + 1, last
            i = last
        i += 1


def _headline(texts: list[str], sizes: list[int]) -> int | None:
    """The article's headline where a page puts it under its masthead and menus: of the lines above
    the body shaped like a headline (HEADLINE_WORDS, no full stop, no URL), the first that sums up
    the lede (the body's first three paragraphs hold HEADLINE_SUMMARY of its words, two of them words
    the lede writes in lower case), else the one most of whose words the lede holds (HEADLINE_SHARE).
    A headline sums up its lede; a site's tagline names the site's town, not the story, and a menu or
    a teaser of another story does neither; what follows the headline (the highlights, a photo
    caption, a promo over its own blurb) repeats the lede too, but comes after it. The body opens
    with the first run of three prose paragraphs (PROSE_WORDS or more, a full stop) at most three
    lines apart, else of two: a lone one is a notice (cookies, a promo), and a pair of them above the
    article (the Wayback Machine's banner) is no article of three paragraphs. `sizes`: the lines' word counts."""
    runs: list[list[int]] = []
    for i, (text, size) in enumerate(zip(texts, sizes)):
        if size >= PROSE_WORDS and text.rstrip(model.CLOSERS)[-1:] in ".!?":
            if runs and i - runs[-1][-1] <= 3:
                runs[-1].append(i)
            else:
                runs.append([i])
    opening = next((run for run in runs if len(run) >= 3), None) or next((run for run in runs if len(run) >= 2), None)
    if not opening or opening[0] < 2:
        return None  # the body opens under the first line, which is protected as the title
    body = opening[0]
    lede_text = " ".join(texts[i] for i in opening[:3])
    lede, lowercase = _content_words(lede_text), _content_words(lede_text, lowercase=True)
    best, best_share = None, HEADLINE_SHARE
    for i in range(max(0, body - HEADLINE_REACH), body):
        text = texts[i]
        if (not HEADLINE_WORDS[0] <= sizes[i] <= HEADLINE_WORDS[1] or text.rstrip(model.CLOSERS)[-1:] in ".:;,"
                or "://" in text):
            continue
        words = _content_words(text)
        shared = len(words & lede)
        if shared >= max(HEADLINE_SUMMARY[0], HEADLINE_SUMMARY[1] * len(words)) and len(words & lowercase) >= 2:
            return i
        share = shared / len(words) if len(words) >= 2 else 0.0
        if share >= best_share:
            best, best_share = i, share
    return best


def _standfirst(texts: list[str], sizes: list[int], i: int) -> bool:
    """The line right under the headline is its standfirst when it is one sentence of prose (PROSE_WORDS
    to STANDFIRST_WORDS words, a full stop), no call to action and not the site's voice: the dek that
    sums the story up."""
    return (i < len(texts) and PROSE_WORDS <= sizes[i] <= STANDFIRST_WORDS
            and texts[i].rstrip(model.CLOSERS)[-1:] in ".!?" and not model.has_call_to_action(texts[i])
            and not _SITE_VOICE.search(texts[i]))


# the site speaking to its reader ("We've detected you are on Internet Explorer", "This post may contain
# affiliate links"), which a story's dek never does
_SITE_VOICE = re.compile(r"\b(?:you|your|we|we've|we're|our|us|this (?:post|page|site|article|story))\b", re.I)


def _content_words(text: str, lowercase: bool = False) -> set[str]:
    """The words of four letters or more but function words ("with", "will"), cut to their first five
    ("protests" and "protest" are one); with `lowercase`, only those written in lower case (no names)."""
    return {word.casefold()[:5] for word in model.words(text)
            if len(word) >= 4 and word.lower() not in FUNCTION_WORDS and (not lowercase or word.islower())}


def _source_sections(blocks: list) -> set[str]:
    """The section headings among these blocks' that introduce the article's sources."""
    labels = source_section_labels()
    return {section for section in {block.section for block in blocks} if section and section_label(section) in labels}


def _blocks_of_units(doc: Document, found: list[tuple[int, int]]) -> list:
    """The block each unit stands in."""
    starts = [block.start for _, block in doc.prose_blocks]
    return [doc.prose_blocks[bisect.bisect_right(starts, start) - 1][1] for start, _ in found]


def site_link_units(doc: Document) -> dict[int, tuple[str, ...]]:
    """The units (model_input's) that are nothing but links to other pages of the article's own site (or share
    buttons), with their targets (none for a heading over such links): a menu, a breadcrumb, a tag list, a related-story list, a footer (see
    lint.text.own_site). A unit of one such link counts only next to another (a lone link to the
    site's day page is no menu); a source list (a "Sources" heading or line) is never one. Where
    the article does not name its site, the site is the one domain that most of its lines of
    links lead to (SITE_LINES of them or more: a menu; a source list cites several). Computed once
    per document (KZ102 and furniture_lines both ask)."""
    if "](" not in doc.text and numbered_links(doc) is None:
        return {}
    cached = doc.__dict__.get(_SITE_LINKS_ATTR)
    if cached is None:
        found, _, keep = model_input(doc)
        cached = doc.__dict__[_SITE_LINKS_ATTR] = _site_link_units(doc, found, keep)
    return cached


def _site_link_units(doc: Document, found: list[tuple[int, int]], keep: list[bool]) -> dict[int, tuple[str, ...]]:
    blocks = _blocks_of_units(doc, found)
    in_sources = _source_sections(blocks)
    numbered = numbered_links(doc)
    link_lines: dict[int, list[str]] = {}  # unit -> its links, for the units of links and little else
    for i, (start, end) in enumerate(found):
        if blocks[i].section in in_sources or (numbered and start >= numbered.start):
            continue
        first, last = doc.position(start)[0], doc.position(end)[0]
        raw = doc.text[doc.line_span(first)[0]:doc.line_span(last)[1]]
        links = _markdown_links_only(raw) if "](" in raw else _numbered_links_only(raw, numbered) if numbered else None
        if links:
            link_lines[i] = links
    own = own_domains(doc) or _site_of(link_lines.values())
    candidates = {i: tuple(links) for i, links in link_lines.items() if all(stays_on_site(url, own) for url in links)}
    kept = {i: links for i, links in candidates.items() if len(links) >= 2 or i - 1 in candidates or i + 1 in candidates}
    for i, block in enumerate(blocks):  # a heading over two such links or more heads a menu (not the title)
        if block.kind == "heading" and i not in kept and not keep[i] and (len(kept.get(i + 1, ())) >= 2 or i + 2 in kept):
            kept[i] = ()
    return kept


def _markdown_links_only(raw: str) -> list[str] | None:
    """The targets of a line of Markdown links with at most LABEL_WORDS words of its own, else None."""
    links = link_targets(raw)
    rest = _PAGE_LINK.sub(" ", _IMAGE.sub(" ", raw))
    if links and not _BARE_URL.search(rest) and model.word_count(rest) <= LABEL_WORDS \
            and not _SOURCE_LINE.match(rest.lstrip(" \t*-+#>0123456789.)")):
        return links
    return None


def _numbered_links_only(raw: str, numbered: NumberedLinks) -> list[str] | None:
    """The targets of a line of a text-mode browser's dump that opens with a link number ("* [3]News")
    and holds at most LINK_WORDS words a link: a menu's item, a share button. Where a link's text
    ends is not marked, so a line of prose that opens with a link is told by its length."""
    if not _NUMBERED_LINE.match(raw):
        return None
    links = numbered.targets_of(raw)
    if links and model.word_count(MARK.sub(" ", raw)) <= LINK_WORDS * len(links) + LABEL_WORDS:
        return links
    return None


def _site_of(link_lines: Iterable[list[str]]) -> frozenset[str]:
    """The domain that SITE_LINES lines of links or more lead to, and two thirds of those that
    lead anywhere (absolute links other than share buttons); none when the lines spread."""
    leading: Counter[str] = Counter()
    lines = 0
    for links in link_lines:
        domains = {domain_of(url) for url in links if not is_share_button(url)} - {""}
        if domains:
            lines += 1
            leading.update(domains)
    if not leading:
        return frozenset()
    domain, count = leading.most_common(1)[0]
    return frozenset({domain}) if count >= SITE_LINES and 3 * count >= 2 * lines else frozenset()


def link_targets(raw: str) -> list[str]:
    """The targets of the Markdown links (not images) in raw text."""
    return [m.group(2).strip("<>") for m in _PAGE_LINK.finditer(_IMAGE.sub(" ", raw))]


def model_input(doc: Document) -> tuple[list[tuple[int, int]], list[model.LineFact], list[bool]]:
    """The document's units, their per-document line facts and which are protected: computed once
    per document and shared by KZ102's `extract` and `furniture_lines` (whichever runs first pays).
    The units' texts are not kept: they are the document again (unit_texts slices them anew)."""
    cached = doc.__dict__.get(_INPUT_ATTR)
    if cached is None:
        found = units(doc)
        texts = unit_texts(doc, found)
        facts = model.line_facts(texts)
        cached = (found, facts, protected(doc, found, texts, [line.n for line in facts]))
        doc.__dict__[_INPUT_ATTR] = cached
    return cached


def furniture_lines(doc: Document) -> frozenset[int]:
    """1-based numbers of the lines the model calls furniture from this document alone."""
    cached = doc.__dict__.get(_CACHE_ATTR)
    if cached is None:
        found, facts, keep = model_input(doc)
        lines: set[int] = set()
        for i in site_link_units(doc):
            lines.update(range(doc.position(found[i][0])[0], doc.position(found[i][1])[0] + 1))
        if model.can_have_furniture([line.n for line in facts], model.load_model()):  # most articles cannot
            verdicts = model.classify_facts(facts, [0] * len(found), model.load_model().for_corpus(1),
                                            protect=[i for i, k in enumerate(keep) if k])
            for (start, end), verdict in zip(found, verdicts):
                if verdict.furniture:
                    first, _ = doc.position(start)
                    last, _ = doc.position(end)
                    lines.update(range(first, last + 1))
        cached = frozenset(lines)
        doc.__dict__[_CACHE_ATTR] = cached
    return cached


def uncited_references(doc: Document) -> list[tuple[int, int, int]]:
    """(start, end, line of its link or 0) of each entry of a text-mode browser's reference list
    whose link stands only on furniture lines (a menu's, a share bar's: the line of the first
    one) or nowhere in the page's text (a hidden link: 0). They are the page's navigation, as its
    menu is; the entries of the links the article cites are not."""
    numbered = numbered_links(doc)
    if numbered is None:
        return []
    lines = furniture_lines(doc)
    out = []
    for offset, number in sorted(numbered.numbers.items()):
        marks = [doc.position(mark)[0] for mark in numbered.marks.get(number, ())]
        if all(line in lines for line in marks):
            first, end = doc.line_span(doc.position(offset)[0])
            text = doc.text[first:end]
            out.append((first + len(text) - len(text.lstrip()), first + len(text.rstrip()), marks[0] if marks else 0))
    return out


def on_furniture(doc: Document, offset: int) -> bool:
    """Whether the character at `offset` stands on a furniture line (a teaser, a menu): the prose
    rules (KZ201-KZ203, KZ301, the claims of KZ5) skip what is found there."""
    lines = furniture_lines(doc)
    return bool(lines) and doc.position(offset)[0] in lines
