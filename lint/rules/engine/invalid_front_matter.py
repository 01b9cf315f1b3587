"""KZ003 invalid-front-matter: YAML front matter that does not parse."""

from __future__ import annotations

from collections.abc import Iterator

from lint.core.document import Document
from lint.core.findings import Finding, Severity
from lint.rules.base import DocumentRule


class InvalidFrontMatter(DocumentRule):
    code = "KZ003"
    name = "invalid-front-matter"
    severity = Severity.WARNING
    summary = "YAML front matter that does not parse."
    message = "{reason}"
    explanation = (
        "Front matter carries the article's title, date, source and language, which other rules "
        "rely on. When it does not parse, those rules fall back to guessing."
    )
    bad_example = "---\ntitle: [unclosed\n---\nText."
    good_example = "---\ntitle: Protests in Almaty\n---\nText."

    def check(self, doc: Document) -> Iterator[Finding]:
        if doc.front_matter_error:
            yield self.report(doc, 0, 3, reason=doc.front_matter_error)
