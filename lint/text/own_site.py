"""An article's own site, and the links that stay on it.

A scraped page links to other pages of its site far more than to anything else: its menus,
breadcrumbs, tag lists, related-story lists and footers are such links and nothing else, while the
article's own links (its sources, the reports it quotes) mostly lead elsewhere. A link stays on the
site when it is relative (`/news/world`, `#top`), when its host is the page's own (the article's
URL in its front matter), or when it is a share button (a platform's share endpoint or a mail
link), which leads nowhere an article would cite.
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

from lint.config import load
from lint.core.document import Document, front_matter_key
from lint.reference.domains import registrable_domain

# the share endpoints of the platforms (their documented share-link forms), and mail links
_SHARE = re.compile(
    r"^(?:mailto:|https?://(?:[\w-]+\.)*(?:facebook\.com/shar|twitter\.com/(?:intent|share)|x\.com/intent|"
    r"linkedin\.com/(?:sharing|shareArticle|cws/share)|pinterest\.[a-z.]+/pin/create|reddit\.com/submit|"
    r"api\.whatsapp\.com/send|wa\.me/\?|t\.me/share|telegram\.me/share|vk\.com/share|"
    r"tumblr\.com/(?:share|widgets/share)|getpocket\.com/(?:save|edit)|news\.ycombinator\.com/submitlink|"
    r"plus\.google\.com/share|line\.me/R/msg))", re.I)
# a line that labels a bare URL as the page's: "Source: https://…", "URL: …", a reader service's "URL Source: …"
URL_LINE = re.compile(r"^[ \t]*(?:url[ \t]+)?(?:source|sources|url|canonical)[ \t]*:[ \t]*"
                      r"<?(https?://[^\s<>]+)>?[ \t]*$", re.I | re.M)
_NOT_WORD = re.compile(r"[\W\d_]+")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


@cache
def article_url_keys() -> frozenset[str]:
    """The front-matter keys of an article's own URL: the default config's source keys
    (`sources.front-matter-keys`), as front_matter_key compares them."""
    return frozenset(map(front_matter_key, load(None).sources.front_matter_keys))


@cache
def source_section_labels() -> frozenset[str]:
    """The headings and line labels that introduce an article's sources ("Sources", "Via"): the
    default config's `sources.section-labels`, as section_label compares them."""
    return frozenset(map(section_label, load(None).sources.section_labels))


def section_label(text: str) -> str:
    """A heading or line label as compared with the source labels: lower case, words only."""
    return " ".join(_NOT_WORD.sub(" ", text.lower()).split())


def own_domains(doc: Document) -> frozenset[str]:
    """The registrable domains of the URLs the article gives as its own: in its front matter, or
    on a line that labels a bare URL ("Source: https://…", a scraper's "URL Source: https://…")."""
    keys = article_url_keys()
    urls = [value for key, value in (doc.front_matter or {}).items()
            if isinstance(value, str) and front_matter_key(key) in keys]
    if "http" in doc.text:
        urls.extend(m.group(1) for m in URL_LINE.finditer(doc.text, doc.front_matter_end))
    return frozenset(filter(None, (domain_of(url.strip()) for url in urls)))


def is_share_button(url: str) -> bool:
    """A platform's share endpoint or a mail link: a share bar's button, never a citation."""
    return bool(_SHARE.match(url.strip()))


def stays_on_site(url: str, own: frozenset[str]) -> bool:
    """Whether a link leads to another page of the article's own site, or is a share button."""
    url = url.strip()
    if not url or _SHARE.match(url):
        return True
    if url.startswith("//"):
        return domain_of("https:" + url) in own
    if not _SCHEME.match(url) and not url.lower().startswith("www."):
        return True  # relative: "/news/world", "#top", "page.html", "?page=2"
    return bool(own) and domain_of(url) in own


def domain_of(url: str) -> str:
    """The registrable domain of an absolute or www. URL ("" for a relative one)."""
    if url.lower().startswith("www."):
        url = "https://" + url
    try:
        host = (urlsplit(url).hostname or "").rstrip(".").lower()
    except ValueError:
        return ""
    return registrable_domain(host) if host else ""
