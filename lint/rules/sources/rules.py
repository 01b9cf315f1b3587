"""Source rules (KZ4): does the article say where it comes from, and is that place credible?

A source link is a URL in front matter (`source:`, `url:`, `sources:`), in a `Source:` line or a
Sources section, or an http(s) link in body prose that is not social media (body links are
evidence; a tweet quoted in the body is not where the article comes from). Domains are rated
with the registrable domain from tldextract's bundled suffix list: no network, ever.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from urllib.parse import urlsplit

from lint.config import Sources
from lint.core.document import Document
from lint.core.findings import Finding
from lint.facts.sources import collect_sources, domain_matches, host_of, is_social, registrable_domain
from lint.rules.base import DocumentRule

# -- rules ---------------------------------------------------------------------------------------


class _SourceRule(DocumentRule):
    @property
    def settings(self) -> Sources:
        return self.config.sources if self.config is not None else Sources()


class MissingSource(_SourceRule):
    code = "KZ401"
    name = "missing-source"
    summary = "The article has no source link."
    message = 'no source link: add the URL of the original report, e.g. "Source: https://..."'
    explanation = (
        "A fact-checker's first question is where an article comes from. kzlint looks for a URL in front "
        "matter (`source:`, `url:`, `sources:`), in a `Source:` line or Sources section, or an http(s) link "
        "in the body that is not social media. When a Source line names outlets without a link "
        '("Source: Al Jazeera, News Agencies"), the finding says so and asks for the URL: a name cannot be '
        "followed, and agency copy is rewritten by every outlet that carries it."
    )
    bad_example = "Kazakhstan's president has imposed a state of emergency.\n\nSource: Al Jazeera, News Agencies"
    good_example = "Kazakhstan's president has imposed a state of emergency.\n\nSource: https://www.aljazeera.com/news/2011/12/17/security-clampdown-on-kazakh-town"

    def check(self, doc: Document) -> Iterator[Finding]:
        report = collect_sources(doc, self.settings)
        if report.links:
            return  # some link: KZ402 judges social-only ones, KZ404 malformed ones
        if report.named:
            first = report.named[0]
            yield self.finding(
                doc, first.start, first.end,
                f'source "{first.names[:80]}" is named without a link: add the URL of the original report')
            return
        start, end = _first_line(doc)
        yield self.finding(doc, start, end, self.message)


class SocialOnlySource(_SourceRule):
    code = "KZ402"
    name = "social-only-source"
    summary = "Every link the article gives is social media."
    message = "the only links are social media ({domains}): add the original report's URL"
    explanation = (
        "A post on X, Instagram, Telegram or YouTube can be deleted, edited or faked, and an embedded tweet "
        "shows what someone said, not that it is true. When every link an article gives is social media, "
        "it has no source a reader can check. The list of social domains is `sources.social-domains` "
        "in rules.yaml."
    )
    bad_example = "Protesters stormed the building.\nhttps://www.instagram.com/p/CYY8HF-IIwL/"
    good_example = "Protesters stormed the building, Reuters reported.\nSource: https://www.reuters.com/world/asia-pacific/"

    def check(self, doc: Document) -> Iterator[Finding]:
        web = collect_sources(doc, self.settings).web_links()
        if not web or not all(is_social(link.url, self.settings) for link in web):
            return
        domains = ", ".join(dict.fromkeys(registrable_domain(host_of(link.url)) for link in web))
        yield self.finding(doc, web[0].start, web[0].end, self.message.format(domains=domains))


class SourceCredibility(_SourceRule):
    code = "KZ403"
    name = "source-credibility"
    summary = "A source's domain is rated low in the sources tiers of rules.yaml."
    message = 'source {domain} is rated "{tier}": {reason}'
    explanation = (
        "Not every outlet is equally reliable. `sources.tiers` in rules.yaml rates registrable domains "
        "(found with tldextract's bundled public suffix list, offline) in tiers such as trusted, caution "
        "and unreliable, each with a reason; links to a domain in a tier listed in `report-tiers`, or in "
        "`deny`, are reported with that reason. The shipped list is a small starter set: it is yours "
        "to edit for your newsroom's standards, and `allow` silences a domain whatever its tier."
    )
    bad_example = "Source: https://www.rt.com/russia/545721-kazakhstan-protests/"
    good_example = "Source: https://www.reuters.com/world/asia-pacific/kazakhstan-protests-2022-01-05/"

    def check(self, doc: Document) -> Iterator[Finding]:
        settings = self.settings
        ratings = _ratings(settings)
        for link in collect_sources(doc, settings).web_links():
            host = host_of(link.url)
            if domain_matches(host, ratings.allowed):
                continue
            rated = domain_matches(host, ratings.rated) or domain_matches(registrable_domain(host), ratings.rated)
            if rated is None:
                continue
            tier, reason = ratings.rated[rated]
            if tier == "deny" or tier in settings.report_tiers:
                yield self.finding(doc, link.start, link.end, self.message.format(domain=rated, tier=tier, reason=reason))


class MalformedUrl(_SourceRule):
    code = "KZ404"
    name = "malformed-url"
    summary = "A source URL does not parse, is not http(s), or contains spaces."
    message = "source URL {url} {problem}"
    explanation = (
        "A source nobody can open is no source. A declared source URL (front matter, Source line or "
        "section) must be an absolute http(s) URL without spaces: `htps://`, `www.example.com/story` "
        "without a scheme, a `javascript:` or `file:` link, or a URL broken by a space all fail when "
        "a reader or a link checker follows them."
    )
    bad_example = "Source: [Reuters](https://www.reuters.com/world/kazakhstan protests)"
    good_example = "Source: [Reuters](https://www.reuters.com/world/kazakhstan-protests)"

    def check(self, doc: Document) -> Iterator[Finding]:
        for link in collect_sources(doc, self.settings).links:
            if not link.declared:
                continue
            problem = url_problem(link.url)
            if problem:
                shown = link.url if len(link.url) <= 80 else link.url[:77] + "..."
                yield self.finding(doc, link.start, link.end, self.message.format(url=f'"{shown}"', problem=problem))


def url_problem(url: str) -> str:
    """Why `url` is no usable source URL ("" when it is one)."""
    if any(ch.isspace() for ch in url):
        return "contains spaces (encode them as %20 or fix the break)"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        return f"does not parse ({exc})"
    scheme = parts.scheme.lower()
    if not scheme:
        return "has no scheme (start it with https://)"
    if scheme not in ("http", "https"):
        return f'uses the "{scheme}:" scheme, not http(s)'
    if not parts.hostname or "." not in parts.hostname.strip("."):
        return "has no valid host name"
    return ""


@dataclass(frozen=True, slots=True)
class _Ratings:
    rated: dict[str, tuple[str, str]]  # domain -> (tier, reason)
    allowed: frozenset[str]


_RATINGS: dict[int, tuple[Sources, _Ratings]] = {}


def _ratings(settings: Sources) -> _Ratings:
    entry = _RATINGS.get(id(settings))
    if entry is None or entry[0] is not settings:
        rated = {d.lower(): (tier, reason) for tier, domains in settings.tiers.items() for d, reason in domains.items()}
        rated.update({d.lower(): ("deny", reason) for d, reason in settings.deny.items()})
        entry = _RATINGS[id(settings)] = (settings, _Ratings(rated, frozenset(d.lower() for d in settings.allow)))
    return entry[1]


def _first_line(doc: Document) -> tuple[int, int]:
    """The headline (first prose block) or the start of the file."""
    for _, block in doc.prose_blocks:
        first = doc.text[block.start:block.end].split("\n", 1)[0]
        return block.start, block.start + len(first)
    return 0, 0
