"""KZ102, KZ107, KZ108: what the page around the article left in it (navigation, promos,
separators, embedded posts)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from lint.core.document import Block, Document
from lint.core.findings import Finding, Severity
from lint.text.patterns import Match, PatternSet
from lint.rules.artifacts.support import (
    ArtifactOptions, block_lines, block_of, compile_or_none, pattern_alternation, phrase_alternation, prose_lines,
    quote, remove_lines_fix,
)
from lint.rules.base import DocumentRule


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
        for _index, block in doc.prose_blocks:
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
            section = _section(doc, block)
            if section.kind == "prose":  # a Markdown heading over the article's own text is a heading
                continue
            if section.kind == "links":
                message = (f'page furniture "{quote(text)}": a navigation section of {section.items} links to '
                           f'other pages under this heading (matches "{phrase}")')
                fix = remove_lines_fix(doc, first, section.last_line, "remove the navigation section", safe=False)
            else:
                message = f'page furniture "{quote(text)}" (matches "{phrase}")'
                fix = remove_lines_fix(doc, first, last, f'remove the line "{quote(text, 40)}"')
            yield self.finding(doc, start, end, message, fix=fix)


class _Section(NamedTuple):
    kind: str  # "line" (not a Markdown heading) | "empty" | "links" | "prose"
    last_line: int = 0
    items: int = 0


def _section(doc: Document, heading: Block) -> _Section:
    """What the section under a Markdown heading holds; plain-text lines stand alone."""
    if not (doc.is_markdown and heading.kind == "heading"):
        return _Section("line")
    index = doc.blocks.index(heading)
    items: list[int] = []
    for position, block in enumerate(doc.blocks[index + 1:], index + 1):
        if block.kind == "heading" and block.level <= heading.level:
            break
        if block.kind != "list_item":
            return _Section("prose")
        items.append(position)
    if not items:
        return _Section("empty")
    if not set(items) <= {link.block for link in doc.links}:
        return _Section("prose")
    return _Section("links", block_lines(doc, doc.blocks[items[-1]])[1], len(items))


class FillerOptions(ArtifactOptions):
    characters: str = ".…·•_-‐‑‒–—―=~"
    min_length: int = 3
    cut_off: bool = True
    open_words: list[str] = [
        "a", "an", "the", "of", "to", "and", "or", "but", "with", "for", "from", "in", "on", "at", "by",
    ]


class Filler(DocumentRule):
    code = "KZ107"
    name = "filler"
    severity = Severity.WARNING
    summary = "Lines of dots, dashes or underscores, and text cut off before its end."
    message = 'filler line "{line}" / the text stops mid-sentence ("…{tail}")'
    explanation = (
        "Separators typed into a CMS (a row of dots, dashes or underscores) and placeholder "
        "ellipses survive as a paragraph of their own; an excerpt or a truncated scrape stops in "
        "the middle of a sentence or ends with \"[…]\". Neither is part of the article. A line "
        "fires when it holds nothing but `characters` (at least `min-length` of them). With "
        "`cut-off`, a paragraph ending in \"[…]\" fires, and so does the last paragraph of a "
        "document when it visibly stops mid-sentence: on a comma, a dash, a word such as \"the\" "
        "(`open-words`). A last sentence that merely lacks its full stop, or ends on a rhetorical "
        "\"…\", is left alone. Markdown thematic breaks (`---`, `***`) are structure, not prose, and "
        "never fire. Removing a filler line is offered, not applied automatically."
    )
    bad_example = "President Tokayev demanded help from Russia.\n………………………………………………"
    good_example = "President Tokayev demanded help from Russia… and got it."
    Options = FillerOptions

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        chars = re.escape(self.options.characters)
        self._line = compile_or_none(
            rf"[ \t]*(?:[{chars}][ \t]*){{{max(1, self.options.min_length)},}}$" if chars else ""
        )
        self._first = frozenset(self.options.characters)
        self._open_words = frozenset(w.lower() for w in self.options.open_words)

    def check(self, doc: Document) -> Iterator[Finding]:
        if self._line is not None:
            for line in prose_lines(doc):
                if line.text.lstrip()[:1] in self._first and self._line.match(line.text):
                    body = line.text.strip()
                    start = line.start + line.text.index(body)
                    yield self.finding(
                        doc, start, start + len(body), f'filler line "{quote(body, 20)}" ({len(body)} characters)',
                        fix=remove_lines_fix(doc, line.number, line.number, "remove the filler line", safe=False),
                    )
        if self.options.cut_off:
            yield from self._cut_off(doc)

    def _cut_off(self, doc: Document) -> Iterator[Finding]:
        blocks = doc.prose_blocks
        for _index, block in blocks:
            text = doc.prose[block.start:block.end].rstrip()
            end = block.start + len(text)
            if text.endswith(("[…]", "[...]")):
                yield self.finding(doc, end - len(text.split()[-1]), end,
                                   'the text ends with "[…]": an excerpt, not the full text')
            elif block is blocks[-1][1] and block.kind == "paragraph" and self._stops_mid_sentence(text):
                words = text.split()
                yield self.finding(doc, end - len(words[-1]), end,
                                   f'the text stops mid-sentence ("…{quote(" ".join(words[-4:]), 40)}"): cut off')

    def _stops_mid_sentence(self, text: str) -> bool:
        """Visibly unfinished: it ends on a comma, a dash or a word such as "the"."""
        words = text.split()
        if len(words) < 8:
            return False
        return text[-1] in ",;-–—(" or words[-1].lower() in self._open_words


class SocialEmbedOptions(ArtifactOptions):
    domains: list[str] = [
        "twitter.com", "x.com", "t.co", "instagram.com", "facebook.com", "fb.com", "fb.watch", "youtube.com",
        "youtu.be", "tiktok.com", "t.me", "telegram.me", "vk.com", "threads.net", "bsky.app",
    ]
    inline_patterns: list[str] = [r"pic(?<![\w/.]pic)\.twitter\.com/\w+"]
    line_patterns: list[str] = [
        r"^[ \t]*[—–-]{1,2}[ \t]*[^\n]{0,80}?\(@\w{1,15}\)[ \t]+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
        r"[a-z]*\.?[ \t]+\d{1,2},?[ \t]+\d{4}[ \t]*$",
        r"^[ \t]*A post shared by\b[^\n]{0,120}$",
        r"^[ \t]*View this post on Instagram[ \t]*$",
        r"^[ \t]*Watch on (?:YouTube|TikTok)[ \t]*$",
    ]


class SocialEmbed(DocumentRule):
    code = "KZ108"
    name = "social-embed"
    severity = Severity.WARNING
    summary = "Residue of embedded social-media posts: pic.twitter.com links, tweet credit lines, bare post URLs."
    message = "residue of an embedded post: {what}"
    explanation = (
        "An embedded tweet or Instagram post is a widget; scraped, it leaves its text with a "
        "`pic.twitter.com/…` link, a credit line such as `— Name (@handle) January 5, 2022`, or a "
        "bare post URL standing as a paragraph. The post's words then read as the article's own, "
        "without quotation or attribution. Quote the post and attribute it (\"EU News wrote on "
        "Twitter that …\") or drop it. Patterns and social domains: `rules.social-embed` in rules.yaml."
    )
    bad_example = ("Not even #CNN is covering this pic.twitter.com/RHkDEwOvdy\n"
                   "— EU NEWS (@wtx_EU_news) January 5, 2022")
    good_example = "EU News, an account on Twitter, wrote on January 5 that CNN was not covering the protests."
    Options = SocialEmbedOptions

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        domains = phrase_alternation(self.options.domains)
        bare = rf"<?(?:https?://)?(?:[\w-]+\.)*(?:{domains})/[^\s<>]*>?" if domains else ""
        self._bare_url = compile_or_none(bare, re.I)
        self._line = PatternSet.from_option(self, "line_patterns")
        self._inline = PatternSet.from_option(self, "inline_patterns")

    def prepare(self) -> list[str]:
        return [*self._line.notices, *self._inline.notices]

    def check(self, doc: Document) -> Iterator[Finding]:
        found: list[tuple[int, int, str]] = []
        for line in prose_lines(doc):
            if self._line and self._line.match(line.text):
                body = line.text.strip()
                found.append((line.start + line.text.index(body), len(body), f'credit line "{quote(body)}"'))
                continue
            raw = doc.text[line.start:line.end]  # not the prose: Markdown masks autolinks there
            if self._bare_url is not None and "/" in raw and " " not in raw.strip():
                url = raw.strip().strip("<>")
                if self._bare_url.fullmatch(raw.strip()) and _single_line_block(doc, line.block):
                    what = f'bare post URL "{quote(url)}" standing alone'
                    found.append((line.start + raw.index(url), len(url), what))
        if self._inline:
            for match in self._inline.finditer(doc.prose):
                if block_of(doc, match.start()) is not None:
                    what = f'"{match.group()}" (a link to the post\'s picture)'
                    found.append((match.start(), len(match.group()), what))
        for start, length, what in sorted(found):
            yield self.finding(doc, start, start + length, f"residue of an embedded post: {what}")


def _single_line_block(doc: Document, index: int) -> bool:
    first, last = block_lines(doc, doc.blocks[index])
    return first == last
