"""Baselines: record today's findings, later report only new ones.

A finding is identified by its rule, its file and the normalised text it is about,
never by its line: moving a paragraph, or editing text above it, must not resurrect
a known finding (ruff#1149). Identical findings are counted, so a second copy of a
known defect is still new.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

from lint.core.findings import Finding
from lint.core.fingerprints import fingerprint, normalised_text

FORMAT = "kzlint-baseline"
VERSION = 1

class BaselineError(Exception):
    """An unreadable or malformed baseline file; the message says which and why."""


def _relative(path: str, base: Path, cwd: Path) -> str:
    """A finding's path relative to the baseline file's folder, so any working directory matches."""
    absolute = os.path.abspath(os.path.join(cwd, path))
    try:
        return os.path.relpath(absolute, base).replace(os.sep, "/")
    except ValueError:  # another drive
        return absolute.replace(os.sep, "/")


def write(file: Path, findings: list[Finding], cwd: Path) -> int:
    """Write the baseline for `findings`; returns how many findings it records."""
    base = file.resolve().parent
    counts: Counter[tuple[str, str, str, str]] = Counter()
    for finding in findings:
        path = _relative(finding.path, base, cwd)
        counts[(path, finding.code, fingerprint(finding, path), normalised_text(finding))] += 1
    entries = [
        {"path": path, "code": code, "fingerprint": digest, "text": text, "count": count}
        for (path, code, digest, text), count in sorted(counts.items())
    ]
    payload = json.dumps({"format": FORMAT, "version": VERSION, "findings": entries}, ensure_ascii=False, indent=1)
    temporary = file.with_name(f".{file.name}.kzlint-tmp")
    temporary.write_text(payload + "\n", encoding="utf-8")
    os.replace(temporary, file)
    return len(findings)


def load(file: Path) -> Counter[str]:
    """Fingerprint -> how many findings with it the baseline knows."""
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{file}: no such baseline file (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise BaselineError(f"{file}: cannot read baseline: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{file}: not a kzlint baseline (expected {{\"format\": \"{FORMAT}\", \"findings\": [...]}})")
    if data.get("version") != VERSION:
        raise BaselineError(f"{file}: baseline version {data.get('version')!r} is not supported (expected {VERSION})")
    known: Counter[str] = Counter()
    for entry in data["findings"]:
        try:
            known[str(entry["fingerprint"])] += int(entry.get("count", 1))
        except (TypeError, KeyError, ValueError):
            raise BaselineError(f"{file}: malformed baseline entry {entry!r}") from None
    return known


def new_findings(findings: list[Finding], file: Path, cwd: Path) -> tuple[list[Finding], int]:
    """The findings the baseline does not know, and how many it hid."""
    known = load(file)
    base = file.resolve().parent
    fresh = []
    for finding in findings:
        digest = fingerprint(finding, _relative(finding.path, base, cwd))
        if known[digest] > 0:
            known[digest] -= 1
        else:
            fresh.append(finding)
    return fresh, len(findings) - len(fresh)
