"""News-domain quality ratings from research (Lin et al. 2023), shipped with kzlint for KZ403.

`lint/data/domain_quality/domain_pc1.csv` rates 11,520 news domains from 0 (lowest quality) to
1 (highest): the first principal component of several expert and fact-checker rating sets.
The ratings are read on first use (about 5 ms), never at import.

A URL's host is looked up first ("economictimes.indiatimes.com" has its own rating, 0.22, far
from "indiatimes.com"'s 0.39), then each parent domain down to the registrable domain
("www.rt.com" -> "rt.com"), found with tldextract's bundled public-suffix snapshot: no network.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from lint.reference.public_suffixes import PublicSuffixes, snapshot_rules

DATA = Path(__file__).resolve().parent.parent / "data" / "domain_quality" / "domain_pc1.csv"

CITATION = (
    "Lin, H., Lasser, J., Lewandowsky, S., Cole, R., Gully, A., Rand, D. G., & Pennycook, G. (2023). "
    "High level of correspondence across different news domain quality rating sets. PNAS Nexus, 2(9), "
    "pgad286. https://doi.org/10.1093/pnasnexus/pgad286"
)
SHORT_CITATION = "Lin et al. 2023, PNAS Nexus"


@dataclass(frozen=True, slots=True)
class Rating:
    """A domain's rating: `score` from 0 (lowest quality) to 1; `percentile`: the share of rated
    domains (in %) rated lower, so 'rt.com' (0.29) is in the lowest 16%."""

    domain: str
    score: float
    percentile: float


class DomainRatings:
    def __init__(self, rows: dict[str, float]) -> None:
        self.scores = rows
        self._sorted = sorted(rows.values())

    def __len__(self) -> int:
        return len(self.scores)

    def rating(self, host: str, registrable: str | None = None) -> Rating | None:
        """The rating of `host` or of the nearest parent domain that is rated, no shorter than its
        registrable domain (given, or found with tldextract's offline snapshot)."""
        host = host.strip().rstrip(".").lower()
        if not host:
            return None
        host = host.removeprefix("www.")
        floor = (registrable or registrable_domain(host)).lower()
        candidate = host
        while True:
            score = self.scores.get(candidate)
            if score is not None:
                return Rating(candidate, score, self.percentile(score))
            if candidate == floor or "." not in candidate or len(candidate) <= len(floor):
                return None
            candidate = candidate.split(".", 1)[1]

    def percentile(self, score: float) -> float:
        return 100.0 * bisect_left(self._sorted, score) / len(self._sorted)


@cache
def default() -> DomainRatings:
    """The shipped ratings (Lin et al. 2023), read once per process."""
    rows: dict[str, float] = {}
    lines = DATA.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].strip() != "domain,pc1":
        raise RuntimeError(f"{DATA}: expected a 'domain,pc1' header")
    for line in lines[1:]:
        domain, _, score = line.partition(",")
        if domain and score:
            rows[domain.strip().lower()] = float(score)
    return DomainRatings(rows)


def rating(host: str, registrable: str | None = None) -> Rating | None:
    """The study's rating for a URL host (see `DomainRatings.rating`)."""
    return default().rating(host, registrable)


@lru_cache(maxsize=4096)
def registrable_domain(host: str) -> str:
    """bbc.co.uk for news.bbc.co.uk, from tldextract's bundled public suffix list (offline)."""
    return _extractor()(host) or host


@cache
def _extractor() -> Callable[[str], str]:
    """host -> registrable domain ("" when none), built once per process from the list tldextract
    ships (read directly: no tldextract, requests or network; see lint/reference/public_suffixes.py)."""
    return PublicSuffixes(snapshot_rules()).registrable
