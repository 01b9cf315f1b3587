"""Baselines: record today's findings, later report only new ones.

A finding is identified by its rule, its file and the normalised text it is about,
never by its line: moving a paragraph, or editing text above it, must not resurrect
a known finding (ruff#1149). Identical findings are counted, so a second copy of a
known defect is still new.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
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
    _write_file(file, (payload + "\n").encode("utf-8", "surrogateescape"))
    return len(findings)


def _write_file(file: Path, data: bytes) -> None:
    """Write `file` through a temporary file that is created exclusively (O_EXCL: a link planted at
    a predictable temporary name is never followed), then renamed over it. A baseline that is a
    symbolic link is refused rather than replaced by a file or written through."""
    shown = str(file)
    if os.path.islink(file):
        raise BaselineError(f"{shown}: is a symbolic link; kzlint does not write through links (write the baseline "
                            "to its target's path, or remove the link)")
    folder = file.parent if str(file.parent) else Path(".")
    if not folder.is_dir():
        raise BaselineError(f"{shown}: cannot write the baseline: folder {str(folder)!r} does not exist")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{file.name}.{os.getpid()}.", suffix=".kzlint-tmp", dir=folder)
    except OSError as exc:
        raise BaselineError(f"{shown}: cannot write the baseline ({exc.strerror or exc})") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, file)
    except OSError as exc:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise BaselineError(f"{shown}: cannot write the baseline ({exc.strerror or exc})") from None


MAX_BYTES = 200_000_000  # a baseline of a million findings is ~150 MB
MAX_COUNT = 1_000_000_000


def _read(file: Path) -> str:
    """The baseline's text: a regular file (not a FIFO or device, opened without blocking) of at
    most MAX_BYTES, valid UTF-8."""
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise BaselineError(f"{file}: no such baseline file (create it with --write-baseline)") from None
    except OSError as exc:
        raise BaselineError(f"{file}: cannot read baseline: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise BaselineError(f"{file}: cannot read baseline: not a regular file (a FIFO, device or folder)")
        if info.st_size > MAX_BYTES:
            raise BaselineError(f"{file}: cannot read baseline: too large ({info.st_size:,} bytes; limit {MAX_BYTES:,})")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise BaselineError(f"{file}: cannot read baseline: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:
        raise BaselineError(f"{file}: cannot read baseline: larger than {MAX_BYTES:,} bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BaselineError(f"{file}: cannot read baseline: not valid UTF-8 ({exc.reason} at byte {exc.start})") from None


def load(file: Path) -> Counter[str]:
    """Fingerprint -> how many findings with it the baseline knows."""
    text = _read(file)
    try:
        data = json.loads(text)
    except RecursionError:
        raise BaselineError(f"{file}: cannot read baseline: nested too deeply") from None
    except ValueError as exc:
        raise BaselineError(f"{file}: cannot read baseline: {' '.join(str(exc).split())}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{file}: not a kzlint baseline (expected {{\"format\": \"{FORMAT}\", \"findings\": [...]}})")
    if data.get("version") != VERSION:
        raise BaselineError(f"{file}: baseline version {data.get('version')!r} is not supported (expected {VERSION})")
    known: Counter[str] = Counter()
    for number, entry in enumerate(data["findings"], 1):
        count = entry.get("count", 1) if isinstance(entry, dict) else None
        if (not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str)
                or isinstance(count, bool) or not isinstance(count, int) or not 0 < count <= MAX_COUNT):
            raise BaselineError(f"{file}: malformed baseline entry {number}: {_clip(entry)} (expected "
                                '{"fingerprint": "...", "count": a whole number from 1})')
        known[entry["fingerprint"]] += count
    return known


def _clip(value: object) -> str:
    text = " ".join(json.dumps(value, ensure_ascii=True, default=str).split())
    return text if len(text) <= 80 else text[:79] + "…"


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
