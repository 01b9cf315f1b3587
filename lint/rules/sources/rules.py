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
from lint.rules.base import DocumentRule

_URLISH = re.compile(r"(?:[a-z][a-z0-9+.\-]*://|www\.|(?:mailto|javascript|data|file|tel):)[^\s<>\"'()\[\]]+", re.I)
_MARKDOWN_TARGET = re.compile(r"\]\(\s*(<[^>\n]*>|[^)\n]*?)\s*(?:\"[^\"\n]*\")?\s*\)")
_LABEL_NOISE = re.compile(r"[*_#:\s]+")


# -- finding the sources of a document ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SourceLink:
    url: str
    start: int  # offsets of the URL in doc.text
    end: int
    declared: bool  # front matter or a Source line/section (else a link in body prose)


@dataclass(frozen=True, slots=True)
class NamedSource:
    """A Source line that names outlets without a link: "Source: Al Jazeera, News Agencies"."""

    names: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SourceReport:
    links: tuple[SourceLink, ...]  # declared sources (any form) and body http(s) links, in text order
    named: tuple[NamedSource, ...]

    def web_links(self) -> list[SourceLink]:
        return [link for link in self.links if is_web_url(link.url)]


def is_web_url(url: str) -> bool:
    """An absolute http(s) URL with a host and no whitespace."""
    if any(ch.isspace() for ch in url):
        return False
    try:
        parts = urlsplit(url)
        return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:
        return False


def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").rstrip(".").lower()
    except ValueError:
        return ""


@lru_cache(maxsize=4096)
def registrable_domain(host: str) -> str:
    """bbc.co.uk for news.bbc.co.uk, from tldextract's bundled public suffix list (offline)."""
    result = _extractor()(host)
    return result.top_domain_under_public_suffix or host


@cache
def _extractor():
    import tldextract

    # No suffix-list URLs and no cache directory: the snapshot shipped with tldextract, no network.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


def domain_matches(host: str, domains) -> str | None:
    """The entry of `domains` that is `host` or one of its parent domains (two labels or more), if any.

    Only suffixes no longer than the longest entry are tried: building every suffix of a
    20 KB dotted host was quadratic.
    """
    longest = max(map(len, domains), default=0)
    start = 0
    if len(host) > longest:
        start = host.find(".", len(host) - longest - 1) + 1
        if not start:
            return None
    last_dot = host.rfind(".")
    while start <= last_dot:
        candidate = host[start:]
        if candidate in domains:
            return candidate
        start = host.index(".", start) + 1
    return None


def is_social(url: str, settings: Sources) -> bool:
    return domain_matches(host_of(url), _social_set(settings)) is not None


_SOCIAL: dict[int, tuple[Sources, frozenset[str]]] = {}


def _social_set(settings: Sources) -> frozenset[str]:
    entry = _SOCIAL.get(id(settings))
    if entry is None or entry[0] is not settings:
        entry = _SOCIAL[id(settings)] = (settings, frozenset(d.lower() for d in settings.social_domains))
    return entry[1]


_REPORTS: "weakref.WeakKeyDictionary[Document, dict[int, SourceReport]]" = weakref.WeakKeyDictionary()


def collect_sources(doc: Document, settings: Sources) -> SourceReport:
    """The document's source links and named sources (computed once per document and settings)."""
    per_doc = _REPORTS.setdefault(doc, {})
    if id(settings) not in per_doc:
        per_doc[id(settings)] = _collect(doc, settings)
    return per_doc[id(settings)]


@lru_cache(maxsize=4096)
def _label(text: str) -> str:
    """A heading as a section label (memoised: every block of a section asks for it)."""
    return _LABEL_NOISE.sub(" ", text.lower()).strip()


_LABELS: dict[int, tuple[Sources, frozenset[str], frozenset[str], re.Pattern]] = {}


def _labels(settings: Sources) -> tuple[frozenset[str], frozenset[str], re.Pattern]:
    """(source section labels, skipped section labels, "Source: ..." line pattern), built once per settings."""
    entry = _LABELS.get(id(settings))
    if entry is None or entry[0] is not settings:
        labels = frozenset(_label(label) for label in settings.section_labels)
        skipped = frozenset(_label(label) for label in settings.non_source_sections)
        line_label = re.compile(
            rf"^[\s*_]*(?:{'|'.join(re.escape(label) for label in sorted(labels, key=len, reverse=True)) or '(?!x)x'})"
            r"[\s*_]*:[\s*_]*(?P<rest>.*)$", re.I | re.S)
        entry = _LABELS[id(settings)] = (settings, labels, skipped, line_label)
    return entry[1], entry[2], entry[3]


def _collect(doc: Document, settings: Sources) -> SourceReport:
    labels, skipped, line_label = _labels(settings)
    links: dict[int, SourceLink] = {}
    named: list[NamedSource] = []
    _front_matter_sources(doc, settings, links, named)
    links_by_block: dict[int, list] = {}
    for link in doc.links:
        links_by_block.setdefault(link.block, []).append(link)
    for index, block in doc.prose_blocks:
        text = doc.prose[block.start:block.end]
        section = _label(block.section)
        in_section = section in labels and block.kind != "heading"
        line = line_label.match(text.strip())
        if in_section or line:
            found = _declared_urls(doc, block.start, block.end)
            for start, url in found:
                links[start] = SourceLink(url, start, start + len(url), True)
            if not found:
                names = (line.group("rest") if line else text).strip(" \t\n.;,")
                if names:
                    offset = block.start + len(text) - len(text.lstrip())
                    named.append(NamedSource(" ".join(names.split()), offset, block.end))
        elif section not in skipped:
            for link in links_by_block.get(index, ()):
                if is_web_url(link.url) and link.start not in links:
                    links[link.start] = SourceLink(link.url, link.start, link.end, False)
    return SourceReport(tuple(sorted(links.values(), key=lambda link: link.start)), tuple(named))


def _declared_urls(doc: Document, start: int, end: int) -> list[tuple[int, str]]:
    """URL-like targets in a source block: Markdown link targets (spaces included) and bare URLs."""
    raw = doc.text[start:end]
    found: dict[int, str] = {}
    for m in _MARKDOWN_TARGET.finditer(raw):
        target = m.group(1)
        offset = start + m.start(1)
        if target.startswith("<"):
            target, offset = target[1:-1], offset + 1
        if target:
            found[offset] = target
    for m in _URLISH.finditer(raw):
        offset = start + m.start()
        if not any(o <= offset < o + len(t) for o, t in found.items()):
            found[offset] = m.group(0).rstrip(".,;:!?")
    return sorted(found.items())


def _front_matter_sources(doc: Document, settings: Sources, links: dict, named: list) -> None:
    keys = {key.lower() for key in settings.front_matter_keys}
    head = doc.text[:doc.front_matter_end]
    for key, value in doc.front_matter.items():
        if str(key).lower() not in keys:
            continue
        values = value if isinstance(value, list) else [value]
        for item in values:
            if isinstance(item, dict):  # sources: [{name: Reuters, url: https://...}]
                item = item.get("url") or item.get("link") or item.get("name") or ""
            if not isinstance(item, str) or not item.strip():
                continue
            item = item.strip()
            start = head.find(item)
            if start < 0:
                start = max(0, head.find(str(key)))
            if "://" in item or item.lower().startswith("www.") or _URLISH.match(item):
                links[start] = SourceLink(item, start, start + len(item), True)
            else:
                named.append(NamedSource(item, start, start + len(item)))


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
