"""KZ002 unreadable: A file that cannot be read or decoded as text."""

from __future__ import annotations

from lint.core.findings import Severity
from lint.rules.base import Rule


class Unreadable(Rule):
    code = "KZ002"
    name = "unreadable"
    severity = Severity.WARNING
    summary = "A file that cannot be read or decoded as text."
    message = "cannot lint: {reason}"
    messages = {"invalid-utf-8": "invalid UTF-8: bytes decoded as U+FFFD replacement characters; re-save the file as UTF-8"}
    explanation = (
        "Binary files, files too large to lint, unreadable files and broken symlinks cannot be "
        "checked at all; text that is not valid UTF-8 is decoded with replacement characters "
        "and linted, and this finding says so. Re-save the file as UTF-8."
    )
    bad_example = "Caf\\xe9 (latin-1 bytes in a UTF-8 corpus)"
    good_example = "Café (UTF-8)"
