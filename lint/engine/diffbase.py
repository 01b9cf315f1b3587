"""`--diff-base REF`: keep only findings on lines added or changed since a git revision.

What pull-request reviewers want: the defects this change brings, not the corpus's
history. Lines come from `git diff -U0 REF` (the working tree against REF, renames
followed); files git does not track yet count as changed throughout.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from lint.core import process
from lint.core.findings import Finding
from lint.engine.discovery import GIT_SECONDS, UsageError, display_path, git_root

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\", '"': '"'}

WholeFile = None  # marker: every line of the file counts as changed


def _git(args: list[str], cwd: Path) -> str:
    try:
        result = process.run(["git", "-c", "core.quotepath=false", *args], cwd=cwd, timeout=GIT_SECONDS)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise UsageError(f"--diff-base: cannot run git: {exc}") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"--diff-base: git {args[0]} failed: {message[-1] if message else result.returncode}")
    return result.stdout.decode("utf-8", "surrogateescape")


def _unquote(name: str) -> str:
    """Undo git's C-style quoting of unusual file names ("a\\tb.md", octal UTF-8 bytes)."""
    if not (name.startswith('"') and name.endswith('"')):
        return name
    body, out, i = name[1:-1], bytearray(), 0
    while i < len(body):
        char = body[i]
        if char == "\\" and i + 1 < len(body):
            following = body[i + 1]
            if following in "01234567":
                out.append(int(body[i + 1:i + 4], 8))
                i += 4
                continue
            out.extend(_ESCAPES.get(following, following).encode())
            i += 2
            continue
        out.extend(char.encode("utf-8", "surrogateescape"))
        i += 1
    return out.decode("utf-8", "surrogateescape")


def parse_diff(diff: str) -> dict[str, set[int]]:
    """Repository path -> new-side line numbers that `git diff -U0` shows as added or changed."""
    changed: dict[str, set[int]] = {}
    current: str | None = None
    in_header = False
    for line in diff.split("\n"):
        if line.startswith("diff --git "):
            in_header, current = True, None
        elif in_header and line.startswith("+++ "):
            target = line[4:]
            current = None if target == "/dev/null" else _unquote(target)[2:]  # drop "b/"
            if current is not None:
                changed.setdefault(current, set())
        elif line.startswith("@@") and current is not None:
            in_header = False
            match = _HUNK.match(line)
            if match:
                start, count = int(match.group(1)), int(match.group(2) or 1)
                changed[current].update(range(start, start + count))
    return changed


def changed_lines(ref: str, cwd: Path) -> dict[str, set[int] | None]:
    """Display path -> changed lines since `ref` (None: an untracked file, all of it is new)."""
    root = git_root(cwd)
    if root is None:
        raise UsageError("--diff-base needs a git repository")
    if ref.startswith("-"):
        raise UsageError(f"--diff-base {ref}: not a revision")
    try:
        _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], root)
    except UsageError:
        raise UsageError(f"--diff-base {ref}: unknown revision") from None
    diff = _git(["diff", "--no-color", "--no-ext-diff", "--find-renames", "-U0", "--src-prefix=a/",
                 "--dst-prefix=b/", ref, "--"], root)
    result: dict[str, set[int] | None] = {
        display_path(root / path, cwd): lines for path, lines in parse_diff(diff).items()
    }
    untracked = _git(["ls-files", "-z", "--others", "--exclude-standard"], root)
    for path in filter(None, untracked.split("\0")):
        result[display_path(root / path, cwd)] = WholeFile
    return result


def _touches(path: str, first: int, last: int, changed: dict[str, set[int] | None]) -> bool:
    if path not in changed:
        return False
    lines = changed[path]
    return lines is WholeFile or any(line in lines for line in range(first, max(first, last) + 1))


def on_changed_lines(findings: list[Finding], changed: dict[str, set[int] | None]) -> list[Finding]:
    """Findings whose span, or a related location (the other side of a contradiction), was changed."""
    return [
        f for f in findings
        if _touches(f.path, f.line, f.end_line, changed)
        or any(_touches(r.path, r.line, r.line, changed) for r in f.related)
    ]
