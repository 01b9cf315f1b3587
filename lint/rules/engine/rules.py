"""KZ0: findings about the run itself rather than the prose."""

from __future__ import annotations

from collections.abc import Iterator

from lint.core.document import Document
from lint.core.findings import Finding, Severity
from lint.rules.base import DocumentRule, Rule


class UnusedSuppression(Rule):
    code = "KZ001"
    name = "unused-suppression"
    severity = Severity.INFO
    summary = "A kzlint-disable comment that suppresses nothing."
    message = "unused suppression for {codes}"
    explanation = (
        "Suppression comments outlive the text they were written for. One that no longer "
        "suppresses anything hides future findings for no reason: remove it (like ruff's RUF100)."
    )
    bad_example = "<!-- kzlint-disable-next-line KZ102 -->\nThe mayor spoke on Monday."
    good_example = "<!-- kzlint-disable-next-line KZ102 -->\nRead more: the mayor's speech"


class Unreadable(Rule):
    code = "KZ002"
    name = "unreadable"
    severity = Severity.WARNING
    summary = "A file that cannot be read or decoded as text."
    message = "{reason}"
    explanation = (
        "Binary files, files too large to lint, unreadable files and broken symlinks cannot be "
        "checked at all; text that is not valid UTF-8 is decoded with replacement characters "
        "and linted, and this finding says so. Re-save the file as UTF-8."
    )
    bad_example = "Caf\\xe9 (latin-1 bytes in a UTF-8 corpus)"
    good_example = "Café (UTF-8)"


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
            yield self.finding(doc, 0, 3, doc.front_matter_error)


class RuleCrash(Rule):
    code = "KZ000"
    name = "rule-crash"
    severity = Severity.ERROR
    summary = "A rule raised an error on this document (a kzlint bug; the run goes on)."
    message = "rule {code} crashed on this document: {error}"
    explanation = (
        "One rule failing on one odd document must not stop a newsroom's CI. The error is "
        "reported here, at the document, and every other rule and document is still checked. "
        "Please report it with the document that triggers it."
    )
    bad_example = "(any document that makes a rule raise)"
    good_example = "(any document the rules handle)"
