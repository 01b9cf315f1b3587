"""The sources a document gives: links in front matter, in a `Source:` line or Sources section, and
http(s) links and "www." addresses in body prose (not on its furniture lines); outlets named without a link. Domains are
read with the registrable domain from tldextract's bundled suffix list: no network, ever.
Read by the KZ4 rules and by KZ301 (a figure next to a social-media link is not attributed by it).
"""

from __future__ import annotations

import bisect
import re
import weakref
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from urllib.parse import urlsplit

from lint.config import Sources
from lint.core.document import Document, front_matter_key
# one offline public-suffix extractor for the whole program (KZ4 and the domain ratings)
from lint.reference.domains import _extractor, registrable_domain  # noqa: F401  (re-exported)
from lint.text.link_numbers import NumberedLinks, numbered_links
from lint.text.page_furniture import on_furniture
from lint.text.phrases import literal_alternation

# A web address written without its scheme in body prose: "the report at www.who.int/news/item/..."
_BARE_WWW = re.compile(r"(?<![\w@/.:])www\.[^\s<>\"'()\[\]]+", re.I)
# a DOI named as one ("doi:10.1001/jama.2023.11313", "DOI: 10.1038/..."): science copy's link, resolved at doi.org
_DOI = re.compile(r"\bdoi\s*:?\s*(10\.\d{4,9}/[^\s<>\"'\[\]]+)", re.I)
_URLISH = re.compile(r"(?:[a-z][a-z0-9+.\-]*://|www\.|(?:mailto|javascript|data|file|tel):)[^\s<>\"'()\[\]]+", re.I)
_MARKDOWN_TARGET = re.compile(r"\]\(\s*(<[^>\n]*>|[^)\n]*?)\s*(?:\"[^\"\n]*\")?\s*\)")
_LABEL_NOISE = re.compile(r"[*_#:\s]+")




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
        """Links a reader can follow: http(s) URLs and scheme-less "www." addresses."""
        return [link for link in self.links if web_address(link.url)]


def is_web_url(url: str) -> bool:
    """An absolute http(s) URL with a host and no whitespace."""
    if any(ch.isspace() for ch in url):
        return False
    try:
        parts = urlsplit(url)
        return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:
        return False


def web_address(url: str) -> str | None:
    """`url` as an http(s) address: itself, or a scheme-less "www." address read as https (a reader
    and a browser read it so; KZ404 still asks a declared source for its scheme)."""
    if is_web_url(url):
        return url
    if url[:4].lower() == "www." and is_web_url("https://" + url):
        return "https://" + url
    return None


def host_of(url: str) -> str:
    """The host a link's reader gets the text from: an archived copy's (the Wayback Machine's) or a
    cached copy's (Google's AMP cache) is the original's, which is what the link cites."""
    try:
        url = web_address(url) or url
        wrapped = _ARCHIVED.match(url)
        if wrapped:
            url = wrapped.group("url") if "://" in wrapped.group("url") else "https://" + wrapped.group("url")
        return (urlsplit(url).hostname or "").rstrip(".").lower()
    except ValueError:
        return ""


# a copy kept by the Wayback Machine (https://web.archive.org/web/20230101000000/https://site/page) or
# served by Google's AMP cache (https://site-com.cdn.ampproject.org/c/s/site.com/page)
_ARCHIVED = re.compile(r"https?://(?:(?:web|wayback)\.archive\.org/web/[^/]+/"
                       r"|[\w-]+\.cdn\.ampproject\.org/[a-z]/(?:s/)?)(?P<url>(?:https?://|www\.)?[\w.-]+\.[a-z]{2,}\S*)", re.I)


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
            rf"^[\s*_]*(?:{literal_alternation(labels) or '(?!x)x'})"
            r"[\s*_]*:[\s*_]*(?P<rest>.*)$", re.I | re.S)
        entry = _LABELS[id(settings)] = (settings, labels, skipped, line_label)
    return entry[1], entry[2], entry[3]


def _collect(doc: Document, settings: Sources) -> SourceReport:
    labels, skipped, line_label = _labels(settings)
    links: dict[int, SourceLink] = {}
    named: list[NamedSource] = []
    _front_matter_sources(doc, settings, links, named)
    numbered = numbered_links(doc)
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
            for start, url, length in found:
                links[start] = SourceLink(url, start, start + length, True)
            if not found:
                names = (line.group("rest") if line else text).strip(" \t\n.;,")
                if names:
                    offset = block.start + len(text) - len(text.lstrip())
                    named.append(NamedSource(" ".join(names.split()), offset, block.end))
        elif section not in skipped:
            block_links = links_by_block.get(index, ())
            for link in block_links:  # a menu's or share bar's links are the page's, an image is shown: no sources
                if web_address(link.url) and link.start not in links and not link.image \
                        and not on_furniture(doc, link.start) and _cited(doc, numbered, link.start):
                    links[link.start] = SourceLink(link.url, link.start, link.end, False)
            if "doi" in text or "DOI" in text:
                for m in _DOI.finditer(doc.text, block.start, block.end):
                    if not on_furniture(doc, m.start()):
                        links.setdefault(m.start(1), _doi_link(m))
            if "www." in text:
                for m in _BARE_WWW.finditer(doc.text, block.start, block.end):
                    if not any(link.start <= m.start() < link.end for link in block_links) \
                            and not on_furniture(doc, m.start()):  # "© 2019 Al Bawaba (www.albawaba.com)"
                        url = m.group(0).rstrip(".,;:!?")
                        links.setdefault(m.start(), SourceLink(url, m.start(), m.start() + len(url), False))
    return SourceReport(tuple(sorted(links.values(), key=lambda link: link.start)), tuple(named))


def _cited(doc: Document, numbered: NumberedLinks | None, start: int) -> bool:
    """A target in a text-mode browser's reference list is cited when its number stands in the
    page's text off the furniture lines (a menu's, a share bar's numbers do not cite); any other
    link stands where it is cited."""
    if numbered is None or start not in numbered.numbers:
        return True
    return any(not on_furniture(doc, mark) for mark in numbered.marks.get(numbered.numbers[start], ()))


_DOI_ADDRESS = "https://doi.org/"


def _doi_link(match: re.Match) -> SourceLink:
    """A DOI as a link to its doi.org address, at the DOI as written."""
    doi = match.group(1).rstrip(".,;:!?")
    return SourceLink(_DOI_ADDRESS + doi, match.start(1), match.start(1) + len(doi), False)


def _declared_urls(doc: Document, start: int, end: int) -> list[tuple[int, str, int]]:
    """(offset, URL, length as written) of the URL-like targets in a source block: Markdown link
    targets (spaces included), bare URLs and DOIs (as their doi.org address)."""
    raw = doc.text[start:end]
    found: dict[int, tuple[str, int]] = {}
    for m in _DOI.finditer(raw):
        link = _doi_link(m)
        found[start + link.start] = (link.url, link.end - link.start)
    for m in _MARKDOWN_TARGET.finditer(raw):
        target = m.group(1)
        offset = start + m.start(1)
        if target.startswith("<"):
            target, offset = target[1:-1], offset + 1
        if target:
            found[offset] = (target, len(target))
    targets = sorted((o, o + length) for o, (_, length) in found.items())  # bisect, not a scan per URL
    starts = [a for a, _ in targets]
    reach = list(accumulate((b for _, b in targets), max))
    for m in _URLISH.finditer(raw):
        offset = start + m.start()
        at = bisect.bisect_right(starts, offset) - 1
        if not (at >= 0 and offset < reach[at]):
            url = m.group(0).rstrip(".,;:!?")
            found[offset] = (url, len(url))
    return [(offset, url, length) for offset, (url, length) in sorted(found.items())]


def _front_matter_sources(doc: Document, settings: Sources, links: dict, named: list) -> None:
    keys = {front_matter_key(key) for key in settings.front_matter_keys}
    head = doc.text[:doc.front_matter_end]
    for key, value in doc.front_matter.items():
        if front_matter_key(key) not in keys:
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
