"""One article, parsed once and shared by every rule.

Offsets are into `Document.text` (normalised `\n` text). Non-prose (front matter,
code, link targets, HTML comments, block markers) is masked with spaces of the same
length in `Document.prose`, so an offset found in prose maps to the right line and
column in the file (Vale's masking idea).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate

import yaml

from lint.core.forking import before_fork
from lint.core.sentences import split_sentences

MARKDOWN_SUFFIXES = (".md", ".markdown")
PROSE_KINDS = frozenset({"heading", "paragraph", "list_item"})

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_MARKDOWN_HINTS = re.compile(r"^(?:#{1,6}[ \t]|```|~~~)|\]\((?:https?://|/)", re.M)
_INLINE_CODE = re.compile(r"(`+)[^`\n]*?\1")
# the lookahead names the two characters a link can start with: `re` then scans for them (twice as fast)
_LINK = re.compile(r"(?=[!\[])(!?)\[([^\[\]\n]{0,500})\]\(\s*(<[^>\n]*>|[^()\s]*)(?:\s+\"[^\"\n]*\")?\s*\)")
# an image that links somewhere (a logo, a thumbnail): a link whose text is an image, all of it no prose
_LINKED_IMAGE = re.compile(r"\[!\[[^\[\]\n]{0,500}\]\([^()\s]*\)\]\(\s*(?:<[^>\n]*>|[^()\s]*)\s*\)")
_AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^<>\s]*>")
# emphasis within a line ("**Read more:**", "_Context_"): its marks are no prose. CommonMark's
# flanking rules in short: a mark opens before a non-space and closes after one, an underscore
# never inside a word; the span holds no other mark and is short, so unbalanced marks cost little.
_EMPHASIS = re.compile(r"(?<![\w*\\])(\*\*|__|\*|_)(?=[^\s*_])[^*_\n]{0,160}?[^\s*_\\]\1(?![\w*])")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BLOCK_MARKER = re.compile(r"^[ \t]*(?:>[ \t]?)*(?:#{1,6}(?=[ \t]|$)|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))?", re.M)
_ATX_CLOSING = re.compile(r"[ \t]+#+[ \t]*$", re.M)
# A line that may begin a Markdown block other than an ATX heading or a paragraph, or that only
# markdown-it reads right: indented (code, a blank line of spaces), a quote, a list item, a
# thematic break or setext underline, HTML, a fence, a table row, a link reference definition.
_OTHER_BLOCK_START = re.compile(r"^(?:[ \t>*+\-_=<`~|:\[]|\d{1,9}[.)](?:[ \t]|$))", re.M)
_ATX_HEADING = re.compile(r"#{1,6}(?=[ \t]|$)")
_BARE_URL = re.compile(r"https?://[^\s<>\"'()\[\]]+")
_DIRECTIVE_LINE = re.compile(r"^[ \t]*(?:kzlint:[ \t]*|<!--[ \t]*kzlint-)(?:disable|enable)")
_TERMINAL = tuple(".!?…:;\"”’»)")
_NOT_NEWLINE = re.compile(r"[^\n]")

# A heading, paragraph or list item longer than this is no block as written but text without
# breaks (a scrape on one line, 20 MB): it is cut, between two sentences, into blocks of at most
# this many characters, so that no rule copies, splits or scans more than this at once. Real
# blocks stay far below it (the longest of the benchmark and scraped corpora is 0.2% of it).
MAX_BLOCK = 100_000


@dataclass(frozen=True, slots=True)
class Block:
    kind: str  # heading | paragraph | list_item | code | html
    start: int
    end: int
    level: int = 0  # heading level; 0 otherwise
    section: str = ""  # text of the heading this block sits under ("" before the first)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    block: int  # index into Document.blocks


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    label: str
    start: int  # offsets of the URL itself
    end: int
    block: int  # index into Document.blocks, -1 for front matter
    image: bool = False  # a Markdown image's source (shown, not cited)


class Document:
    def __init__(self, path: str, text: str, *, markdown: bool | None = None) -> None:
        self.path = path
        if "\r" in text:  # callers other than the engine may pass raw line endings
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.text = text
        if markdown is None:
            markdown = path.lower().endswith(MARKDOWN_SUFFIXES) or _has_markdown_hints(text)
        self.is_markdown = markdown
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.front_matter, self.front_matter_end, self.front_matter_error = _front_matter(text)
        self.blocks: list[Block] = []
        self._masked_spans: list[tuple[int, int]] = []  # spans, not a per-character list: bounded memory
        self._mask(0, self.front_matter_end)
        if markdown:
            self._parse_markdown()
        else:
            self._parse_plain()
        self.prose = _blank_out(text, self._masked_spans)
        del self._masked_spans
        self._cut_sentences: dict[int, list[tuple[int, int]]] = {}  # a cut block's start -> its sentences
        if any(b.end - b.start > MAX_BLOCK for b in self.blocks):
            self.blocks = _cut_long_blocks(self.blocks, text, self.prose, self._cut_sentences)

    def release(self) -> None:
        """Drop what was parsed or memoised on the document once it is linted. Some memo refers
        back to it (an article's event context holds its document), a cycle that only Python's
        cyclic collector would free, after walking every object of the document, often more
        than once: a twentieth of a worker's CPU."""
        self.__dict__.clear()

    # -- positions -------------------------------------------------------------------
    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; columns count code points."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def line_span(self, line: int) -> tuple[int, int]:
        """(start, end) offsets of 1-based `line`, without its newline."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)
        return start, end

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    # -- views rules use --------------------------------------------------------------
    def block_text(self, block: Block) -> str:
        return self.prose[block.start:block.end]

    @cached_property
    def prose_blocks(self) -> list[tuple[int, Block]]:
        """(index, block) of the headings, paragraphs and list items (built once: most rules ask)."""
        return [(i, b) for i, b in enumerate(self.blocks) if b.kind in PROSE_KINDS]

    @cached_property
    def sentences(self) -> list[Sentence]:
        result = []
        for index, block in self.prose_blocks:
            spans = self._cut_sentences.pop(block.start, None)  # found when the block was cut
            if spans is None:
                spans = split_sentences(self.prose[block.start:block.end], block.start)
            for start, end in spans:
                result.append(Sentence(start, end, index))
        return result

    def sentence_text(self, sentence: Sentence) -> str:
        return self.prose[sentence.start:sentence.end]

    @cached_property
    def links(self) -> list[Link]:
        """Markdown links, autolinks and bare URLs in prose blocks and front matter."""
        found: list[Link] = []
        if "](" not in self.text and "<" not in self.text and "http" not in self.text:
            return found  # none of the three patterns can match (most plain-text articles)
        for index, block in enumerate(self.blocks):
            if block.kind not in PROSE_KINDS:
                continue
            raw = self.text[block.start:block.end]
            taken: list[tuple[int, int]] = []
            for m in _LINK.finditer(raw):
                url = m.group(3).strip("<>")
                start = block.start + m.start(3) + (1 if m.group(3).startswith("<") else 0)
                found.append(Link(url, m.group(2), start, start + len(url), index, bool(m.group(1))))
                taken.append((m.start(), m.end()))
            for m in _AUTOLINK.finditer(raw):
                url = m.group(0)[1:-1]
                found.append(Link(url, url, block.start + m.start() + 1, block.start + m.end() - 1, index))
                taken.append((m.start(), m.end()))
            taken.sort()
            starts = [a for a, _ in taken]
            reach = list(accumulate((b for _, b in taken), max))  # furthest end so far: bisect, not a scan
            for m in _BARE_URL.finditer(raw):
                i = bisect.bisect_right(starts, m.start()) - 1
                if i >= 0 and m.start() < reach[i]:
                    continue
                url = m.group(0).rstrip(".,;:!?")
                found.append(Link(url, url, block.start + m.start(), block.start + m.start() + len(url), index))
        return sorted(found, key=lambda link: link.start)

    @cached_property
    def title(self) -> str:
        if isinstance(self.front_matter.get("title"), str):
            return self.front_matter["title"]
        headings = [b for b in self.blocks if b.kind == "heading"]
        candidates = sorted(headings, key=lambda b: b.level)[:1] or [b for b in self.blocks if b.kind == "paragraph"][:1]
        return " ".join(self.prose[candidates[0].start:candidates[0].end].split()) if candidates else ""

    # -- parsing ------------------------------------------------------------------------
    def _mask(self, start: int, end: int) -> None:
        if end > start:
            self._masked_spans.append((start, end))

    def _span_of_lines(self, first: int, last: int) -> tuple[int, int]:
        """Offsets covering 0-based lines [first, last)."""
        start = self.line_starts[first]
        end = self.line_starts[last] - 1 if last < len(self.line_starts) else len(self.text)
        return start, max(start, end)

    def _add_block(self, kind: str, start: int, end: int, level: int = 0) -> None:
        section = self.blocks[-1].section if self.blocks else ""
        if kind == "heading":  # a heading too long to be one is labelled by its first MAX_BLOCK characters
            section = " ".join(self.text[start:min(end, start + MAX_BLOCK)].strip("#= \t\n-").split())
        self.blocks.append(Block(kind, start, end, level, section))

    def _parse_markdown(self) -> None:
        if self._parse_headings_and_paragraphs():
            self._mask_inline()
            return
        source = self.text[:self.front_matter_end].replace("\n", "\0")
        source = re.sub(r"[^\0]", " ", source).replace("\0", "\n") + self.text[self.front_matter_end:]
        tokens = _markdown_parser().parse(source)
        list_depth = 0
        for token in tokens:
            if token.type in ("bullet_list_open", "ordered_list_open"):
                list_depth += 1
            elif token.type in ("bullet_list_close", "ordered_list_close"):
                list_depth -= 1
            if token.map is None or token.nesting == -1:
                continue
            start, end = self._span_of_lines(*token.map)
            if token.type == "heading_open":
                self._add_block("heading", start, end, int(token.tag[1]))
            elif token.type == "paragraph_open":
                self._add_block("list_item" if list_depth else "paragraph", start, end)
            elif token.type in ("fence", "code_block"):
                self._add_block("code", start, end)
                self._mask(start, end)
            elif token.type == "html_block":
                self._add_block("html", start, end)
                self._mask(start, end)
        self._mask_inline()

    def _parse_headings_and_paragraphs(self) -> bool:
        """Markdown made of ATX headings and paragraphs only, as most articles are: its blocks from
        its lines, as markdown-it finds them (a heading is its line; a paragraph runs to a blank
        line or a heading), without markdown-it (0.19 ms a document, and importing it 30 ms of a
        one-file run). False, with nothing added, when a line may begin any other block."""
        if _OTHER_BLOCK_START.search(self.text, self.front_matter_end):
            return False
        lines = self.text.split("\n")
        i = bisect.bisect_left(self.line_starts, self.front_matter_end)
        while i < len(lines):
            heading = _ATX_HEADING.match(lines[i])
            if heading:
                self._add_block("heading", *self._span_of_lines(i, i + 1), len(heading.group()))
                i += 1
            elif lines[i]:
                j = i + 1
                while j < len(lines) and lines[j] and not _ATX_HEADING.match(lines[j]):
                    j += 1
                self._add_block("paragraph", *self._span_of_lines(i, j))
                i = j
            else:
                i += 1
        return True

    def _mask_inline(self) -> None:
        for block in self.blocks:
            if block.kind not in PROSE_KINDS:
                continue
            raw = self.text[block.start:block.end]
            base = block.start
            for pattern in (_INLINE_CODE, _AUTOLINK, _HTML_COMMENT):
                for m in pattern.finditer(raw):
                    self._mask(base + m.start(), base + m.end())
            if "*" in raw or "_" in raw:
                for m in _EMPHASIS.finditer(raw):
                    self._mask(base + m.start(), base + m.end(1))
                    self._mask(base + m.end() - len(m.group(1)), base + m.end())
            if "[![" in raw:
                for m in _LINKED_IMAGE.finditer(raw):
                    self._mask(base + m.start(), base + m.end())
            for m in _LINK.finditer(raw):
                if m.group(1):  # image: nothing of it is prose
                    self._mask(base + m.start(), base + m.end())
                else:
                    self._mask(base + m.start(), base + m.start() + 1)
                    self._mask(base + m.end(2), base + m.end())
            for m in _BLOCK_MARKER.finditer(raw):
                self._mask(base + m.start(), base + m.end())
            if block.kind == "heading":
                for m in _ATX_CLOSING.finditer(raw):
                    self._mask(base + m.start(), base + m.end())
                lines = raw.split("\n")
                if len(lines) > 1 and set(lines[-1].strip()) <= set("=-"):  # setext underline
                    self._mask(block.end - len(lines[-1]), block.end)

    def _parse_plain(self) -> None:
        """Plain text: a paragraph is a line, joined with the next while that one continues it.

        A short line without closing punctuation reads as a heading (headline, crosshead).
        """
        lines = self.text.split("\n")
        i = bisect.bisect_left(self.line_starts, self.front_matter_end)
        seen_heading = False
        width: list[int | None] = []  # the width the text is wrapped at, found when a line may be wrapped
        while i < len(lines):
            if not lines[i].strip() or self.line_starts[i] < self.front_matter_end:
                i += 1
                continue
            if _DIRECTIVE_LINE.match(lines[i]):  # a suppression comment, not prose
                self._mask(*self._span_of_lines(i, i + 1))
                i += 1
                continue
            j = i + 1
            while j < len(lines) and lines[j].strip() and (_continues(lines[j - 1], lines[j])
                                                           or _wrapped(lines, j, width)):
                j += 1
            start, end = self._span_of_lines(i, j)
            body = self.text[start:end].strip()
            if j == i + 1 and _looks_like_heading(body):
                self._add_block("heading", start, end, 2 if seen_heading else 1)
                seen_heading = True
            else:
                self._add_block("paragraph", start, end)
            i = j


def _has_markdown_hints(text: str) -> bool:
    """Whether plain text uses Markdown; substring tests first (C speed) spare most articles the
    regex, which has no literal prefix to look for."""
    return any(hint in text for hint in ("#", "```", "~~~", "](")) and bool(_MARKDOWN_HINTS.search(text))


def _blank_out(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with every character inside a span, except newlines, replaced by a space."""
    pieces: list[str] = []
    position = 0
    for start, end in sorted(spans):
        start = max(start, position)
        if end <= start:
            continue
        pieces.append(text[position:start])
        pieces.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _cut_long_blocks(blocks: list[Block], text: str, prose: str,
                     sentences: dict[int, list[tuple[int, int]]]) -> list[Block]:
    """`blocks` with every one longer than MAX_BLOCK cut into pieces of its kind, level and section;
    `sentences` gets the sentences of each piece but the last, split to find the cuts. A block
    with no place to cut in MAX_BLOCK characters (one word of 200,000 letters) stays whole from there."""
    out: list[Block] = []
    for block in blocks:
        start = block.start
        while block.end - start > MAX_BLOCK and block.kind in PROSE_KINDS:
            spans = split_sentences(prose[start:start + MAX_BLOCK], start)
            cut = _sentence_cut(text, spans, start, start + MAX_BLOCK)
            if cut is None:
                break
            sentences[start] = [span for span in spans if span[0] < cut]
            out.append(Block(block.kind, start, cut, block.level, block.section))
            start = cut
        out.append(Block(block.kind, start, block.end, block.level, block.section) if start > block.start else block)
    return out


def _sentence_cut(text: str, spans: list[tuple[int, int]], start: int, limit: int) -> int | None:
    """Where a block cut in prose[start:limit] (its sentences: `spans`) goes: at the start of one
    of its sentences after the first, so that every sentence stays whole (a boundary depends only
    on the text up to the next sentence's first character), after a space (no word is cut), the
    latest of the second half that no link or code span can cross ('[' and '`' at least 600
    characters back: Document.links reads a block at a time); else the latest after a space."""
    after_space = [first for first, _ in spans[1:] if text[first - 1].isspace()]
    for first in reversed(after_space):
        if first < (start + limit) // 2:
            break
        if text.rfind("[", max(0, first - 600), first) < 0 and text.rfind("`", max(0, first - 600), first) < 0:
            return first
    return after_space[-1] if after_space else None


def _continues(previous: str, line: str) -> bool:
    """A plain-text line continues the previous one when it starts in lower case mid-sentence."""
    stripped = line.lstrip()
    return bool(stripped) and stripped[0].islower() and not previous.rstrip().endswith(_TERMINAL[:4])


def _wrapped(lines: list[str], j: int, width: list[int | None]) -> bool:
    """Line j continues line j - 1 of hard-wrapped text (pandoc's plain output, an e-mail, a text-mode
    browser's dump): that line was broken because line j's first word did not fit in the text's width,
    whatever the case of that word ('... becoming' / 'Jamaica's first Olympic 100m champion ...')."""
    previous = lines[j - 1].rstrip()
    if len(previous) < WRAP_MIN:
        return False  # most lines: a menu's, a heading's, or a paragraph on one line of its own (longer than any wrap)
    if previous.endswith(_TERMINAL[:5]) and lines[j].lstrip()[:1].isupper():
        return False  # a sentence ends at the line's end: a new one may open a new paragraph ('Original article: ...')
    if not width:
        width.append(_wrap_width(lines))
    return width[0] is not None and len(previous) <= width[0] < len(previous) + 1 + len(lines[j].split(None, 1)[0])


def _wrap_width(lines: list[str]) -> int | None:
    """The width plain text is wrapped at: the length of its longest line of four words or more, when at
    least half of those lines are within ten characters of it and it is at most WRAP_MAX (as KZ109 reads
    it); None when its lines are of all lengths (paragraphs on one line each)."""
    lengths = [len(line.rstrip()) for line in lines if len(line.split(None, 4)) >= 4]
    longest = max(lengths, default=0)
    if not WRAP_MIN <= longest <= WRAP_MAX:
        return None
    near = sum(1 for n in lengths if n >= longest - 10)
    return longest if 2 * near >= len(lengths) else None


WRAP_MIN, WRAP_MAX = 40, 120  # the widths text is wrapped at


def _looks_like_heading(line: str) -> bool:
    return len(line.split(maxsplit=16)) <= 16 and not line.endswith(_TERMINAL[:4] + ("\"", "”", ",")) and "http" not in line


def front_matter_key(name: object) -> str:
    """A front-matter key as kzlint compares it: lower-case letters only, so that the spellings of
    scrapers and site generators meet ('canonical-url', 'canonical_url'; 'datePublished',
    'article:published_time')."""
    return _NOT_KEY_LETTER.sub("", str(name).lower())


_NOT_KEY_LETTER = re.compile(r"[^a-z]")


def _front_matter(text: str) -> tuple[dict, int, str]:
    """Parse optional YAML front matter: (data, end offset, error message or "")."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0, ""
    body = match.group(1) or ""
    if len(body) > 65536:
        return {}, match.end(), "front matter larger than 64 KiB"
    try:
        data = _load_yaml(body)
    except yaml.YAMLError as exc:
        return {}, match.end(), f"front matter is not valid YAML ({getattr(exc, 'problem', None) or exc})"
    except (ValueError, LookupError, TypeError, ArithmeticError) as exc:  # a scalar PyYAML cannot convert: 2020-13-45
        return {}, match.end(), f"front matter has a bad value ({exc})"
    except RecursionError:
        return {}, match.end(), "front matter is nested too deeply"
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return {}, match.end(), "front matter is not a mapping"
    return data, match.end(), ""


def _load_yaml(body: str):
    """Safe YAML without aliases. libyaml (C, ~10x faster) when the text cannot hold an anchor or
    alias (no '&' or '*') and parses cleanly; else PyYAML, whose errors the messages quote."""
    if _FastLoader is not None and "&" not in body and "*" not in body and _shallow(body):
        try:
            return yaml.load(body, Loader=_FastLoader)
        except (yaml.YAMLError, ValueError, LookupError, TypeError, ArithmeticError, RecursionError):
            pass  # parse again below for the same error, worded as always
    return yaml.load(body, Loader=_NoAliasLoader)


def _shallow(body: str) -> bool:
    """Whether YAML nesting in `body` surely stays under a few hundred levels. libyaml recurses in
    C: 25,000 nested '[' overflow the C stack (a segfault, not an error), where PyYAML raises
    RecursionError. Nesting needs a new line or a '[', '{', '- ' or '? ' per level."""
    return body.count("\n") + sum(body.count(mark) for mark in ("[", "{", "- ", "-\t", "? ", "?\t")) < 500


class NoDuplicateKeys:
    """A YAML loader mixin: a key given twice in one mapping is an error at the second one (YAML
    forbids it; PyYAML silently keeps the last value). Used for front matter and config files."""

    def construct_mapping(self, node, deep=False):  # type: ignore[no-untyped-def]
        if isinstance(node, yaml.MappingNode):
            first: dict[tuple, int] = {}
            for key_node, _ in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                    key = (key_node.tag, key_node.value)
                    if key in first:
                        raise yaml.constructor.ConstructorError(
                            None, None, f"duplicate key {key_node.value!r} (first on line {first[key]})",
                            key_node.start_mark)
                    first[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep)  # type: ignore[misc]


_FastLoader = type("_FastLoader", (NoDuplicateKeys, yaml.CSafeLoader), {}) if hasattr(yaml, "CSafeLoader") else None


class _NoAliasLoader(NoDuplicateKeys, yaml.SafeLoader):
    """Safe YAML without anchors/aliases: no 'billion laughs' expansion."""

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "anchors and aliases are not allowed", event.start_mark)
        return super().compose_node(parent, index)


_PARSER = None


def _markdown_parser():
    global _PARSER
    if _PARSER is None:
        from markdown_it import MarkdownIt

        # Blocks only: inline parsing is unused here and is where pathological input
        # (50,000 unbalanced brackets or emphasis markers) costs seconds.
        _PARSER = MarkdownIt("commonmark", {"maxNesting": 20}).disable("inline")
    return _PARSER


# Workers forked for a run share the parser built here, instead of each importing markdown-it
# (0.05-0.2 s apiece); a run that never forks builds it at its first Markdown document.
before_fork(_markdown_parser)
