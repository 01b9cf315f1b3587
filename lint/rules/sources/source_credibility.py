"""KZ403 source-credibility: A cited source's domain is rated low (your tiers, else research ratings)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import Field

from lint.config import Sources
from lint.core.document import Document
from lint.core.findings import Finding
from lint.facts.sources import (
    collect_sources,
    domain_matches,
    host_of,
    is_social,
    registrable_domain,
)
from lint.reference import (
    domains,  # the ratings are read on the first link to judge, not at import
)
from lint.reference.domains import CITATION, SHORT_CITATION
from lint.rules.base import KebabOptions
from lint.rules.sources.support import _SourceRule


class CredibilityOptions(KebabOptions):
    # rate domains that no tier of yours lists with the research ratings shipped with kzlint
    # (Lin et al. 2023, PNAS Nexus: 11,520 news domains, 0 = lowest quality, 1 = highest)
    research_ratings: bool = True
    # report a cited domain the study rates below this (0.4: about the lowest quarter of rated domains)
    threshold: float = Field(0.4, ge=0.0, le=1.0)


class SourceCredibility(_SourceRule):
    code = "KZ403"
    name = "source-credibility"
    summary = "A cited source's domain is rated low: in your sources tiers, else by research ratings (Lin et al. 2023)."
    message = 'source {domain} is rated "{tier}": {reason}'
    messages = {
        "research": ("source {domain} is rated {score} on a 0-1 news-domain quality scale, below {threshold} "
                     "(lowest {percentile}% of 11,520 rated domains; {study}): check its claims against "
                     "independent sources"),
    }
    explanation = (
        "Not every outlet is equally reliable. Your own `sources.tiers` in the config come first: registrable "
        "domains (found with tldextract's bundled public suffix list, offline) or hosts in tiers such as "
        "trusted, caution and unreliable, each with a reason; a link to a domain in a tier listed in "
        "`report-tiers`, or in `deny`, is reported with that reason, and a domain in any tier of yours (or in "
        "`allow`) is never judged by anything else. Other domains are looked up in research ratings shipped "
        "with kzlint: the first principal component of expert and fact-checker ratings of 11,520 news "
        "domains (0 lowest quality, 1 highest), host first (economictimes.indiatimes.com has its own rating), "
        "then each parent domain down to the registrable one; a link rated below `threshold` (default 0.4, "
        "about the lowest quarter) is reported with its rating. Social-media links are KZ402's business. "
        "A rating is about an outlet, not a verdict on one article. Source of the ratings: " + CITATION +
        " (lint/data/domain_quality/CITATION.md)."
    )
    bad_example = "Source: https://www.rt.com/russia/545721-kazakhstan-protests/"
    good_example = "Source: https://www.reuters.com/world/asia-pacific/kazakhstan-protests-2022-01-05/"
    Options = CredibilityOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        settings = self.settings
        ratings = _ratings(settings)
        options = self.options
        for link in collect_sources(doc, settings).web_links():
            host = host_of(link.url)
            if domain_matches(host, ratings.allowed):
                continue
            registrable = registrable_domain(host)
            rated = domain_matches(host, ratings.rated) or domain_matches(registrable, ratings.rated)
            if rated is not None:  # the newsroom's own tier wins, whatever the research says
                tier, reason = ratings.rated[rated]
                if tier == "deny" or tier in settings.report_tiers:
                    yield self.report(doc, link.start, link.end, domain=rated, tier=tier, reason=reason)
                continue
            if not options.research_ratings or is_social(link.url, settings):
                continue
            rating = domains.rating(host, registrable)
            if rating is not None and rating.score < options.threshold:
                yield self.report(doc, link.start, link.end, "research", domain=rating.domain,
                                  score=f"{rating.score:.2f}", threshold=f"{options.threshold:g}",
                                  percentile=f"{max(1, round(rating.percentile))}", study=SHORT_CITATION)


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
