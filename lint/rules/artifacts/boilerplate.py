"""KZ102 boilerplate: Page furniture left by scraping: Watch:, Read more:, Most Viewed, newsletter promos, cookie notices."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from lint.core.document import Block, Document
from lint.core.findings import Finding, Severity
from lint.rules.artifacts.support import (
    ArtifactOptions,
    block_lines,
    compile_or_none,
    pattern_alternation,
    quote,
    remove_lines_fix,
)
from lint.rules.base import DocumentRule
from lint.text.patterns import Match, PatternSet
from lint.text.phrases import phrase_alternation

_QUOTES = re.compile('["“”«»]')


class BoilerplateOptions(ArtifactOptions):
    max_words: int = 25
    lines: list[str] = [
        "Advertisement", "Advertisements", "Sponsored", "Sponsored content", "Promoted content",
        "Most viewed", "Most read", "Most popular", "Most shared", "Trending", "Trending now", "Top stories",
        "Related", "Related stories", "Related articles", "Related news", "Related content", "Related topics",
        "Related coverage", "More on this story", "More stories", "More from this section", "Recommended",
        "Recommended for you", "Recommended stories", "You may also like", "You might also like",
        "Don't miss", "Editor's picks", "Latest news", "Latest stories", "See also", "Also read", "Read also",
        "Read more", "Continue reading", "Show more", "Load more", "Loading...", "Share", "Share this",
        "Share this article", "Share this story", "Share this page", "Print this article", "Email this article",
        "Skip to content", "Skip to main content", "Back to top", "Leave a comment", "Leave a reply",
        "Post a comment", "Comments are closed", "Watch video", "Listen to this article", "Follow us",
        "Newsletter", "Sign up", "Subscribe",
    ]
    prefixes: list[str] = [
        "Watch", "Watch video", "WATCH LIVE", "Read more", "Read also", "Also read", "Read", "See also",
        "Related", "Related story", "Related article", "Recommended", "Listen", "Video", "Don't miss",
        "More", "More on this", "Must read", "Trending", "Sponsored",
    ]
    phrases: list[str] = [
        "delivered to your inbox", "sign up for our newsletter", "sign up to our newsletter",
        "subscribe to our newsletter", "subscribe to our channel", "subscribe to our youtube",
        "get our newsletter", "support our journalism", "donate now", "we use cookies", "this site uses cookies",
        "this website uses cookies", "accept all cookies", "our cookie policy", "cookie settings",
        "comments are closed", "be the first to comment", "log in to comment", "sign in to comment",
        "share this article", "share this story", "share on facebook", "share on twitter", "share on whatsapp",
        "click to share", "click here to", "all rights reserved", "follow us on", "download our app",
        "view more articles from", "more articles by", "view all posts by", "view all articles by",
        "continue reading the main story", "read the full story", "read the full article",
    ]
    patterns: list[str] = [
        r"^[ \t]*(?:©|\(c\)|copyright)[ \t]*(?:©[ \t]*)?(?:19|20)\d\d\b",
        r"^[ \t]*\d+[ \t]+comments?[ \t]*$",
        r"^[ \t]*(?:image|media|photo)[ \t]+(?:copyright|caption|source)\b",
        r"^[ \t]*(?:facebook|twitter|whatsapp|linkedin|reddit|pinterest|telegram|email|print|copy link)"
        r"(?:[ \t,|/·•]+(?:facebook|twitter|whatsapp|linkedin|reddit|pinterest|telegram|email|print|copy link)){2,}"
        r"[ \t]*$",
    ]


class Boilerplate(DocumentRule):
    code = "KZ102"
    name = "boilerplate"
    severity = Severity.WARNING
    summary = "Page furniture left by scraping: Watch:, Read more:, Most Viewed, newsletter promos, cookie notices."
    message = 'page furniture "{line}" (matches "{phrase}")'
    messages = {
        "navigation": 'page furniture "{line}": a navigation section of {links} links to other pages under this '
                      'heading (matches "{phrase}")',
    }
    explanation = (
        "A scraper that takes a page's text takes its furniture too: video and link teasers "
        "(\"Watch: …\", \"Read more: …\"), section labels (\"Most Viewed\", \"Related Stories\"), "
        "newsletter and subscription promos, donation appeals, comment-widget text, cookie notices, "
        "share buttons, copyright footers and \"Advertisement\". They are not the article: they put "
        "other stories' headlines into this one and mislead every later check. Only a short line of "
        "its own fires (`max-words`), so a sentence that merely contains \"read\" or \"watch\" never "
        "does, and a `Source:` line is attribution, not furniture. Section labels (`lines`) and "
        "teasers (`prefixes`) must make up the line or start it; promo `phrases` and `patterns` may "
        "stand anywhere in the line, but not in a line that quotes someone. A navigation section (a heading "
        "such as \"Related:\" over a list of links) is reported once, on its heading; a Markdown "
        "heading over paragraphs of text is the article's own and does not fire. --fix removes a "
        "furniture line; removing a whole navigation section is offered but not applied automatically. "
        "Extend `lines`, `prefixes`, `phrases` and `patterns` under `rules.boilerplate` in rules.yaml."
    )
    bad_example = "Watch: White House press secretary Jen Psaki briefs amid protests from Kazakhstan"
    good_example = "“The world will, of course, be watching for any violations of human rights,” she said."
    fixable = True
    Options = BoilerplateOptions

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        labels = []
        if self.options.lines:
            labels.append(rf"^[ \t]*(?:{phrase_alternation(self.options.lines)})[ \t]*:?[ \t]*$")
        if self.options.prefixes:
            labels.append(rf"^[ \t]*(?:{phrase_alternation(self.options.prefixes)})[ \t]*:(?=[ \t]+\S)")
        phrases = []
        if self.options.phrases:
            # no lower-case letter may follow, but a glued name may ("View more articles fromSergey Kwan")
            phrases.append(rf"(?<!\w)(?:{phrase_alternation(self.options.phrases)})(?-i:(?![a-z]))")
        self._label = compile_or_none(pattern_alternation(labels), re.I | re.M)
        self._promo = PatternSet.from_option(self, "patterns", re.I | re.M, after=phrases)

    def prepare(self) -> list[str]:
        return self._promo.notices

    def _match(self, doc: Document, block: Block) -> Match | None:
        """A label line ("Most Viewed", "Watch: …"), or a promo phrase outside reported speech."""
        if self._label is not None:
            match = self._label.search(doc.prose, block.start, block.end)
            if match:
                return match
        if self._promo:
            match = self._promo.search(doc.prose, block.start, block.end)
            if match and not _QUOTES.search(doc.prose, block.start, block.end):
                return match
        return None

    def check(self, doc: Document) -> Iterator[Finding]:
        limit = self.options.max_words
        link_blocks: set[int] | None = None  # blocks holding a link, found once per document
        for index, block in doc.prose_blocks:
            text = doc.prose[block.start:block.end]
            if len(text.split(None, limit)) > limit:  # a paragraph of prose, not a line of furniture
                continue
            match = self._match(doc, block)
            if match is None:
                continue
            start = block.start + len(text) - len(text.lstrip())
            end = block.start + len(text.rstrip())
            phrase = quote(" ".join(match.group().split()).rstrip(":"), 30)
            first, last = block_lines(doc, block)
            if link_blocks is None:
                link_blocks = {link.block for link in doc.links}
            section = _section(doc, index, link_blocks)
            if section.kind == "prose":  # a Markdown heading over the article's own text is a heading
                continue
            if section.kind == "links":
                variant = "navigation"
                fix = remove_lines_fix(doc, first, section.last_line, "remove the navigation section", safe=False)
            else:
                variant = None
                fix = remove_lines_fix(doc, first, last, f'remove the line "{quote(text, 40)}"')
            yield self.report(doc, start, end, variant, fix=fix, line=quote(text), phrase=phrase, links=section.items)


class _Section(NamedTuple):
    kind: str  # "line" (not a Markdown heading) | "empty" | "links" | "prose"
    last_line: int = 0
    items: int = 0


def _section(doc: Document, index: int, link_blocks: set[int]) -> _Section:
    """What the section under a Markdown heading (block `index`) holds; plain-text lines stand alone.
    `link_blocks`: the blocks that hold a link."""
    heading = doc.blocks[index]
    if not (doc.is_markdown and heading.kind == "heading"):
        return _Section("line")
    items: list[int] = []
    for position in range(index + 1, len(doc.blocks)):
        block = doc.blocks[position]
        if block.kind == "heading" and block.level <= heading.level:
            break
        if block.kind != "list_item":
            return _Section("prose")
        items.append(position)
    if not items:
        return _Section("empty")
    if not set(items) <= link_blocks:
        return _Section("prose")
    return _Section("links", block_lines(doc, doc.blocks[items[-1]])[1], len(items))
