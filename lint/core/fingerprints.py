"""A finding's stable identity (rule + file + normalised offending text, never a line number):
what baselines key on and what SARIF reports as partialFingerprints."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from lint.core.findings import Finding

_LOCATION = re.compile(r":\d+(?::\d+)?\b|\blines? \d+\b")  # "a.md:12:3", "line 12": they move



def normalised_text(finding: Finding) -> str:
    """What the finding is about: its snippet (else its message without line numbers), folded."""
    text = finding.snippet or _LOCATION.sub("", finding.message)
    return " ".join(unicodedata.normalize("NFKC", text).split())


def fingerprint(finding: Finding, path: str | None = None) -> str:
    """A stable identity for a finding: rule + file + normalised offending text."""
    payload = "\0".join((finding.code, path if path is not None else finding.path, normalised_text(finding)))
    return hashlib.blake2b(payload.encode("utf-8", "surrogateescape"), digest_size=12).hexdigest()
