"""KZ001 unused-suppression: A kzlint-disable comment that suppresses nothing."""

from __future__ import annotations

from lint.core.findings import Severity
from lint.rules.base import Rule


class UnusedSuppression(Rule):
    code = "KZ001"
    name = "unused-suppression"
    severity = Severity.INFO
    summary = "A kzlint-disable comment that suppresses nothing."
    message = "unused suppression: nothing reported here for {codes} ({kind})"  # codes: "KZ101, KZ203" or "all rules"
    messages = {
        "unknown": "unknown rule '{code}' in suppression: no rule has this code, prefix or name (see 'kzlint rules')",
        "directive": "unknown kzlint directive '{directive}': it does nothing ({hint})",
    }
    explanation = (
        "Suppression comments outlive the text they were written for. One that no longer "
        "suppresses anything hides future findings for no reason: remove it (like ruff's RUF100). "
        "A code, prefix or name in it that no rule has (a typo such as KZ1O1; the codes of the "
        "config's custom rules count as rules) suppresses nothing and is reported with the unknown "
        "message, once for each such code; the directive's other codes are judged without it. A "
        "directive word kzlint does not know (`kzlint-enabel`, `kzlint: disable-nextline`) is reported "
        "with the directive message and the closest real one: it would otherwise leave a range open "
        "to the end of the file, or suppress nothing, without a word."
    )
    bad_example = "<!-- kzlint-disable-next-line KZ102 -->\nThe mayor spoke on Monday."
    good_example = "<!-- kzlint-disable-next-line KZ102 -->\nRead more: the mayor's speech"
