"""KZ108 social-embed: Residue of embedded social-media posts: pic.twitter.com links, tweet credit lines, bare post URLs."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.config import load
from lint.core.document import Document
from lint.core.findings import Finding, Severity
from lint.rules.artifacts.support import ArtifactOptions, block_lines, block_of, compile_or_none, prose_lines, quote
from lint.rules.base import DocumentRule
from lint.text.patterns import PatternSet
from lint.text.phrases import phrase_alternation
from lint.text.words import MONTH_ABBREVIATION_ALTERNATION


class SocialEmbedOptions(ArtifactOptions):
    # A bare URL on one of these domains standing as a paragraph is an embedded post. Unset: the
    # social-media domains of `sources.social-domains` in rules.yaml (the one list KZ402 reads too).
    domains: list[str] | None = None
    inline_patterns: list[str] = [r"pic(?<![\w/.]pic)\.twitter\.com/\w+"]
    line_patterns: list[str] = [
        # a tweet's or a Bluesky post's credit line: "— Name (@handle) January 5, 2022",
        # "— Name (@name.bsky.social) January 5, 2024 at 3:21 PM"
        r"^[ \t]*[—–-]{1,2}[ \t]*[^\n]{0,80}?\(@[\w.-]{1,40}\)[ \t]+(?:"
        + MONTH_ABBREVIATION_ALTERNATION + r")[a-z]*\.?[ \t]+\d{1,2},?[ \t]+\d{4}"
        r"(?:[ \t]+at[ \t]+\d{1,2}:\d{2}(?:[ \t]*[AaPp]\.?[Mm]\.?)?)?[ \t]*$",
        # Instagram's credit names its author's handle or ends without a full stop: "A post shared by
        # Name (@handle)"; "A post shared by the governor's office showed flooded roads." is prose
        r"^[ \t]*A post shared by\b(?=[^\n]*\(@|[^\n]*[^.!?\s][ \t]*$)[^\n]{0,120}$",
        r"^[ \t]*View this post on Instagram[ \t]*$",
        r"^[ \t]*Watch on (?:YouTube|TikTok)[ \t]*$",
        # a TikTok embed's caption: its author's handle, the caption, the sound credit after "♬"
        r"^[ \t]*@[\w.]{2,24}[ \t][^\n]{0,300}♬[^\n]{0,120}$",
        # a Threads embed's credit
        r"^[ \t]*(?:Post by @[\w.]{1,30}|View on Threads)[ \t]*$",
    ]


class SocialEmbed(DocumentRule):
    code = "KZ108"
    name = "social-embed"
    severity = Severity.WARNING
    summary = "Residue of embedded social-media posts: pic.twitter.com links, tweet credit lines, bare post URLs."
    message = "residue of an embedded post: {what}"
    explanation = (
        "An embedded tweet, Instagram, TikTok, Bluesky or Threads post is a widget; scraped, it leaves its "
        "text with a `pic.twitter.com/…` link, a credit line such as `— Name (@handle) January 5, 2022` or "
        "`A post shared by …`, a TikTok caption ending in its sound credit (`♬ original sound`), or a "
        "bare post URL standing as a paragraph. The post's words then read as the article's own, "
        "without quotation or attribution. Quote the post and attribute it (\"EU News wrote on "
        "Twitter that …\") or drop it. Patterns: `rules.social-embed` in rules.yaml; the domains are those "
        "of `sources.social-domains` unless `rules.social-embed.domains` lists others."
    )
    bad_example = ("Not even #CNN is covering this pic.twitter.com/RHkDEwOvdy\n"
                   "— EU NEWS (@wtx_EU_news) January 5, 2022")
    good_example = "EU News, an account on Twitter, wrote on January 5 that CNN was not covering the protests."
    Options = SocialEmbedOptions

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        social = self.options.domains
        if social is None:
            social = (self.config or load(None)).sources.social_domains
        domains = phrase_alternation(social)
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
            yield self.report(doc, start, start + length, what=what)


def _single_line_block(doc: Document, index: int) -> bool:
    first, last = block_lines(doc, doc.blocks[index])
    return first == last
