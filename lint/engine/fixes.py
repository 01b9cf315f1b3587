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
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from lint.config import Config
from lint.core.findings import Finding, Fix, from_record
from lint.core.project import inside
from lint.core.reading import DecodedText, ReadError, decode, read_bytes
from lint.engine.document import process_text
from lint.engine.filtering import finish
from lint.rules import CorpusRule, Rule

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


def linter(config: Config, rules: list[Rule], *, unsafe: bool = False) -> Linter:
    """Lint one in-memory text with the fixable rules, honouring suppressions and per-file-ignores.
    With `unsafe` (--unsafe-fixes), every rule runs and its unsafe fixes are graded safe."""
    fixable = list(rules) if unsafe else [rule for rule in rules if rule.fixable]

    def lint(text: str, path: str) -> list[Finding]:
        record = process_text(text, path, fixable)
        findings = [from_record(r) for r in record["findings"]]
        for rule in fixable:  # a corpus rule's findings that need no other document (KZ102's lists)
            if isinstance(rule, CorpusRule):
                findings.extend(rule.document_findings(record["facts"].get(rule.code, [])))
        found = finish(findings, {path: record["suppressions"]}, fixable, config, [path])
        if unsafe:
            found = [replace(f, fix=replace(f.fix, safe=True)) if f.fix is not None and not f.fix.safe else f
                     for f in found]
        return found

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


def fix_files(paths: list[str], lint: Linter, cwd: Path, *, write: bool, max_size: int,
              roots: tuple[str, ...] | None = None, linted: list[str] = ()) -> FixRun:
    """Fix each file (display paths relative to `cwd`); write the changed ones when `write`.
    With `roots` (real paths of the project's folders), a file whose real path is outside them
    (a symbolic link out of the project) is never written. Before writing, the temporary files
    a killed run left beside the files of this run (`paths` and `linted`) are removed."""
    run = FixRun()
    if write:
        folders = {os.path.dirname(os.path.realpath(cwd / p)) for p in (*paths, *linted)}
        run.notices.extend(remove_stale_temporaries(f for f in folders if roots is None or inside(f, roots)))
    for shown in paths:
        file = Path(os.path.realpath(cwd / shown))  # write through a symlink, keep the link
        if write and roots is not None and not inside(str(file), roots):
            run.notices.append(f"{shown}: not fixed: it is a symlink to a file outside the project "
                               "(kzlint never writes outside it)")
            continue
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
            except ReadOnly:
                run.notices.append(f"{shown}: not fixed: the file is read-only (no write permission bit); "
                                   "make it writable to let --fix change it")
                continue
            except FileChanged as exc:
                run.notices.append(f"{shown}: not fixed: {exc}")
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


TEMPORARY_SUFFIX = ".kzlint-tmp"
STALE_SECONDS = 24 * 3600  # a temporary file this old is left over, whoever made it


def temporary_file(path: Path) -> tuple[int, str]:
    """A new temporary file beside `path`, created exclusively (never through a planted link),
    named `.NAME.PID.RANDOM.kzlint-tmp` so that a later run can tell whether its maker is alive."""
    return tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=TEMPORARY_SUFFIX, dir=path.parent)


def remove_stale_temporaries(folders) -> list[str]:
    """Delete the temporary files that a killed run left in these folders: made by a process that
    no longer exists (the PID in the name), or older than a day. Returns notices of what failed."""
    notices = []
    for folder in sorted(folders):
        try:
            entries = [e for e in os.scandir(folder) if e.name.startswith(".") and e.name.endswith(TEMPORARY_SUFFIX)]
        except OSError:
            continue
        for entry in entries:
            parts = entry.name[: -len(TEMPORARY_SUFFIX)].rsplit(".", 2)
            try:
                info = entry.stat(follow_symlinks=False)
                if not stat.S_ISREG(info.st_mode):
                    continue
                pid = int(parts[1]) if len(parts) == 3 and parts[1].isdigit() else None
                if pid is not None and pid != os.getpid() and _alive(pid) and time.time() - info.st_mtime < STALE_SECONDS:
                    continue  # another kzlint is writing it right now
                os.unlink(entry.path)
            except OSError as exc:
                notices.append(f"{entry.path}: cannot remove a leftover temporary file ({exc.strerror or exc})")
    return notices


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process
    return True


class ReadOnly(Exception):
    """The file has no write permission bit: its owner protected it from changes."""


def atomic_write(path: Path, data: bytes, *, expected: bytes) -> None:
    """Replace `path` with `data` in one rename, keeping its permissions, unless it no longer holds
    `expected`, is no longer a regular file, or is write-protected (even root leaves it alone)."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise FileChanged("it is no longer a regular file")
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise ReadOnly(str(path))
    handle, temporary = temporary_file(path)
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
        if _current(path, len(expected)) != expected:
            raise FileChanged("the file changed while kzlint was fixing it")
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    _sync_folder(path.parent)


def _current(path: Path, size: int) -> bytes | None:
    """The file's bytes now (up to what a change needs to show), or None when it is not a regular
    file any more: opened without blocking and without following a link, so that a FIFO or a link
    swapped in meanwhile neither blocks the run nor redirects the write."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        with os.fdopen(fd, "rb", closefd=False) as current:
            return current.read(size + 1)
    finally:
        os.close(fd)


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
