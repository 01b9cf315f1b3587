"""KZ401 missing-source: The article has no source link."""

from __future__ import annotations

from collections.abc import Iterator

from lint.core.document import Document
from lint.core.findings import Finding
from lint.facts.sources import collect_sources
from lint.rules.sources.support import _SourceRule


class MissingSource(_SourceRule):
    code = "KZ401"
    name = "missing-source"
    summary = "The article has no source link."
    message = 'no source link: add the URL of the original report, e.g. "Source: https://..."'
    messages = {"unlinked": 'source "{names}" is named without a link: add the URL of the original report'}
    explanation = (
        "A fact-checker's first question is where an article comes from. kzlint looks for a URL in front "
        "matter (`source:`, `url:`, `sources:`), in a `Source:` line or Sources section, or an http(s) link "
        "in the body that is not social media; a DOI named as one ('doi:10.1001/jama.2023.11313') is a link "
        "to its doi.org address. When a Source line names outlets without a link "
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
            yield self.report(doc, first.start, first.end, "unlinked", names=first.names[:80])
            return
        start, end = _first_line(doc)
        yield self.report(doc, start, end)


def _first_line(doc: Document) -> tuple[int, int]:
    """The headline (first prose block) or the start of the file."""
    for _, block in doc.prose_blocks:
        first = doc.text[block.start:block.end].split("\n", 1)[0]
        return block.start, block.start + len(first)
    return 0, 0
