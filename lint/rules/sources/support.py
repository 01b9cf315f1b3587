"""Source rules (KZ4): does the article say where it comes from, and is that place credible?

A source link is a URL in front matter (`source:`, `url:`, `sources:`), in a `Source:` line or a
Sources section, or an http(s) link in body prose that is not social media (body links are
evidence; a tweet quoted in the body is not where the article comes from). Domains are rated
with the registrable domain from tldextract's bundled suffix list: no network, ever.
"""

from __future__ import annotations

from lint.config import Sources
from lint.rules.base import DocumentRule


class _SourceRule(DocumentRule):
    @property
    def settings(self) -> Sources:
        return self.config.sources if self.config is not None else Sources()
