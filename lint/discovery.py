"""Which files a run lints: paths given, directories walked, git-ignored and hidden paths skipped."""

from __future__ import annotations

import fnmatch
import os
import subprocess
from pathlib import Path


class UsageError(Exception):
    """A bad command line (a path that does not exist, ...): exit 2 with one line."""


def display_path(path: str | Path, cwd: Path) -> str:
    """Path as shown in findings: relative to the working directory when below it, forward slashes."""
    absolute = os.path.abspath(path)
    try:
        shown = os.path.relpath(absolute, cwd)
    except ValueError:  # another drive on Windows
        shown = absolute
    if shown.startswith(".." + os.sep) or shown == "..":
        shown = absolute
    return shown.replace(os.sep, "/")


def _matches(path: str, patterns: list[str]) -> bool:
    name = path.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(path, p) or fnmatch.fnmatch(name, p) or fnmatch.fnmatch(path, "*/" + p) for p in patterns)


def is_excluded(path: str, exclude: list[str]) -> bool:
    return bool(exclude) and _matches(path, exclude)


def expand(paths: list[str], include: list[str], exclude: list[str], cwd: Path) -> list[str]:
    """Files to lint, as display paths, sorted and without duplicates.

    A file named on the command line is linted whatever its name (unless excluded); a
    directory contributes the files below it that match `include`, not hidden, not ignored
    by git, not excluded.
    """
    found: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if not path.exists() and not path.is_symlink():
            raise UsageError(f"{raw}: no such file or directory")
        if path.is_dir():
            for file in _walk(path):
                shown = display_path(file, cwd)
                if _matches(shown, include) and not is_excluded(shown, exclude):
                    found.add(shown)
        else:
            shown = display_path(path, cwd)
            if not is_excluded(shown, exclude):
                found.add(shown)
    return sorted(found)


def _walk(root: Path) -> list[str]:
    listed = _git_listed(root)
    if listed is not None:
        return listed
    files = []
    for folder, dirs, names in os.walk(root):  # never follows directory symlinks: no loops
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        files.extend(os.path.join(folder, n) for n in names if not n.startswith("."))
    return files


def _git_listed(root: Path) -> list[str] | None:
    """Files below root that git tracks or would track (not ignored); None outside a work tree."""
    try:
        result = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "."],
            cwd=root, capture_output=True, timeout=60, check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0:
        return None
    files = []
    for name in result.stdout.decode("utf-8", "surrogateescape").split("\0"):
        if not name or any(part.startswith(".") for part in name.split("/")):
            continue
        full = root / name
        if full.is_file() or full.is_symlink():
            files.append(str(full))
    return files


def git_root(path: Path) -> Path | None:
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], cwd=path if path.is_dir() else path.parent,
            capture_output=True, text=True, timeout=10, check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return Path(result.stdout.strip()) if result.returncode == 0 and result.stdout.strip() else None
