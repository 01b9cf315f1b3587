"""KZ403 source-credibility: A source's domain is rated low in the sources tiers of rules.yaml."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lint.config import Sources
from lint.core.document import Document
from lint.core.findings import Finding
from lint.facts.sources import collect_sources, domain_matches, host_of, registrable_domain
from lint.rules.sources.support import _SourceRule


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
                yield self.report(doc, link.start, link.end, domain=rated, tier=tier, reason=reason)


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
