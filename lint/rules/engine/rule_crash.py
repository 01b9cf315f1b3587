"""KZ000 rule-crash: A rule raised an error on this document (a kzlint bug; the run goes on)."""

from __future__ import annotations

from lint.core.findings import Severity
from lint.rules.base import Rule


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
