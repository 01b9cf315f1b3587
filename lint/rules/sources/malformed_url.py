"""KZ404 malformed-url: A source URL does not parse, is not http(s), or contains spaces."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from lint.core.document import Document
from lint.core.findings import Finding
from lint.facts.sources import collect_sources
from lint.rules.sources.support import _SourceRule


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
                yield self.report(doc, link.start, link.end, url=f'"{shown}"', problem=problem)


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
