"""KZ402 social-only-source: Every link the article gives is social media."""

from __future__ import annotations

from collections.abc import Iterator

from lint.core.document import Document
from lint.core.findings import Finding
from lint.facts.sources import collect_sources, host_of, is_social, registrable_domain
from lint.rules.sources.support import _SourceRule


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
        yield self.report(doc, web[0].start, web[0].end, domains=domains)
