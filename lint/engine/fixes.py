"""`--fix` and `--diff`: apply the rules' safe fixes, never risking the user's file.

A file is fixed in memory first: lint, apply every safe fix that does not overlap
another, lint again, until nothing is left to fix (at most MAX_PASSES rounds); then
the result is written once, atomically (a temporary file in the same folder, fsync,
rename), with the file's encoding, BOM, line endings and permissions. Nothing is
written when the file does not decode cleanly, would not round-trip byte for byte
(mixed line endings), or changed on disk since it was read.
"""

from __future__ import annotations

import bisect
import difflib
import os
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lint.config import Config
from lint.core.findings import Finding, Fix, from_record
from lint.core.reading import DecodedText, ReadError, decode, read_bytes
from lint.engine.document import process_text
from lint.engine.filtering import finish
from lint.rules import Rule

MAX_PASSES = 10

Linter = Callable[[str, str], list[Finding]]


class FileChanged(Exception):
    """The file on disk is no longer what was read and fixed: writing would lose an edit."""


@dataclass
class FixedFile:
    path: str  # as shown in findings
    before: str  # normalised text as read
    after: str  # normalised text with the fixes
    fixed: int  # findings fixed
    converged: bool  # False when fixes were still pending after MAX_PASSES

    @property
    def changed(self) -> bool:
        return self.after != self.before


@dataclass
class FixRun:
    files: list[FixedFile] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def fixed(self) -> int:
        return sum(f.fixed for f in self.files if f.changed)

    @property
    def changed(self) -> list[FixedFile]:
        return [f for f in self.files if f.changed]


def linter(config: Config, rules: list[Rule]) -> Linter:
    """Lint one in-memory text with the fixable rules, honouring suppressions and per-file-ignores."""
    fixable = [rule for rule in rules if rule.fixable]

    def lint(text: str, path: str) -> list[Finding]:
        record = process_text(text, path, fixable)
        findings = [from_record(r) for r in record["findings"]]
        return finish(findings, {path: record["suppressions"]}, fixable, config, [path])

    return lint


def _conflict(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Overlapping spans, or an insertion touching the other span: the order would be ambiguous."""
    low, high = max(a[0], b[0]), min(a[1], b[1])
    return low < high or ((a[0] == a[1] or b[0] == b[1]) and low <= high)


def compatible_fixes(fixes: list[Fix], length: int) -> list[Fix]:
    """Safe, in-bounds fixes none of which overlaps another (the rest wait for the next pass).

    Accepted spans never conflict, so kept sorted they conflict with a new span only if one of
    its two neighbours does: a bisect per span instead of a comparison with every other fix.
    """
    chosen: list[Fix] = []
    taken: list[tuple[int, int]] = []  # accepted spans, sorted
    for fix in sorted({f.edits: f for f in fixes if f.safe and f.edits}.values(),
                      key=lambda f: (min(e.start for e in f.edits), f.description)):
        spans = sorted((e.start, e.end) for e in fix.edits)
        if any(not 0 <= s <= e <= length for s, e in spans):
            continue  # a rule bug: never apply an edit outside the text
        if any(map(_conflict, spans, spans[1:])) or any(_conflicts_with_taken(taken, span) for span in spans):
            continue
        chosen.append(fix)
        for span in spans:
            bisect.insort(taken, span)
    return chosen


def _conflicts_with_taken(taken: list[tuple[int, int]], span: tuple[int, int]) -> bool:
    index = bisect.bisect_left(taken, span)
    return any(_conflict(span, other) for other in taken[max(index - 1, 0):index + 1])


def apply_fixes(text: str, fixes: list[Fix]) -> str:
    """`text` with the edits of non-overlapping `fixes` applied (offsets into `text`)."""
    edits = sorted((e for fix in fixes for e in fix.edits), key=lambda e: (e.start, e.end), reverse=True)
    for edit in edits:
        text = text[:edit.start] + edit.replacement + text[edit.end:]
    return text


def fix_text(text: str, path: str, lint: Linter) -> tuple[str, int, bool]:
    """(fixed text, findings fixed, converged): lint and fix until nothing safe is left."""
    fixed = 0
    for _ in range(MAX_PASSES):
        findings = [f for f in lint(text, path) if f.fix is not None and f.fix.safe]
        chosen = compatible_fixes([f.fix for f in findings], len(text))
        new_text = apply_fixes(text, chosen)
        if not chosen or new_text == text:
            return text, fixed, True
        applied = {fix.edits for fix in chosen}
        fixed += sum(1 for f in findings if f.fix.edits in applied)
        text = new_text
    pending = any(f.fix is not None and f.fix.safe for f in lint(text, path))
    return text, fixed, not pending


def _readable(data: bytes) -> DecodedText:
    """The decoded file, or ReadError when writing it back could change more than the fix."""
    decoded = decode(data)
    if decoded.replaced:
        raise ReadError("not valid UTF-8")
    if decoded.encode(decoded.text) != data:
        raise ReadError("mixed line endings (writing it back would change them)")
    return decoded


def fix_data(shown: str, data: bytes, lint: Linter) -> tuple[FixedFile, DecodedText]:
    """Fix a file's bytes in memory; ReadError when they must not be rewritten."""
    decoded = _readable(data)
    after, fixed, converged = fix_text(decoded.text, shown, lint)
    return FixedFile(shown, decoded.text, after, fixed, converged), decoded


def fix_files(paths: list[str], lint: Linter, cwd: Path, *, write: bool, max_size: int) -> FixRun:
    """Fix each file (display paths relative to `cwd`); write the changed ones when `write`."""
    run = FixRun()
    for shown in paths:
        file = Path(os.path.realpath(cwd / shown))  # write through a symlink, keep the link
        try:
            data = read_bytes(file, max_size)
            result, decoded = fix_data(shown, data, lint)
        except ReadError as exc:
            run.notices.append(f"{shown}: not fixed: {exc}")
            continue
        if not result.converged:
            run.notices.append(f"{shown}: fixes did not settle after {MAX_PASSES} passes; the last state was kept")
        if write and result.changed:
            links = _hard_links(file)
            if links > 1:  # an atomic rename would give this name a new file and leave the others behind
                run.notices.append(f"{shown}: not fixed: it has {links} hard links, which rewriting it by "
                                   f"rename would split; apply `kzlint --diff` by hand")
                continue
            try:
                atomic_write(file, decoded.encode(result.after), expected=data)
            except FileChanged:
                run.notices.append(f"{shown}: not fixed: the file changed while kzlint was fixing it")
                continue
            except OSError as exc:
                run.notices.append(f"{shown}: not fixed: cannot write ({exc.strerror or exc})")
                continue
        run.files.append(result)
    return run


def _hard_links(path: Path) -> int:
    try:
        return os.stat(path).st_nlink
    except OSError:
        return 1  # gone or unreadable: atomic_write reports it


def atomic_write(path: Path, data: bytes, *, expected: bytes) -> None:
    """Replace `path` with `data` in one rename, keeping its permissions, unless it no longer holds `expected`."""
    info = os.stat(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".kzlint-tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, stat.S_IMODE(info.st_mode))
        if (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
            try:
                os.chown(temporary, info.st_uid, info.st_gid)
            except OSError:
                pass  # not allowed to give it away: it keeps our ownership
        with open(path, "rb") as current:
            if current.read(len(expected) + 1) != expected:
                raise FileChanged(str(path))
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (best effort: not every platform can open a folder)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def unified_diff(fixed: FixedFile) -> str:
    """The fix as a unified diff (of the normalised text), `a/` and `b/` prefixed like git."""
    before = fixed.before.splitlines(keepends=True)
    after = fixed.after.splitlines(keepends=True)
    out = []
    for line in difflib.unified_diff(before, after, f"a/{fixed.path}", f"b/{fixed.path}"):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)
