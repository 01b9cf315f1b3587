"""Which files of a cache folder kzlint may read: only those stored since kzlint made the folder here.

A stored result is printed instead of linting its file, so a cache folder committed to a
repository, or copied in from elsewhere, could hide findings from a CI gate. Every file kzlint
stores in the folder (results, compiled patterns, LanguageTool's answers) carries the folder's
identity in its name: the inode and change time, in nanoseconds, of the `.gitignore` kzlint
creates there and never modifies. A clone or a copy gets a new change time, which no program
can set (only the clock can), so the files it carries are never read: they are left alone, and
the run is as cold as without them.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

MARKER = ".gitignore"
MARKER_TEXT = b"# created by kzlint; safe to delete\n*\n"


def identity(folder: Path, create: bool) -> str | None:
    """The folder's identity (12 hex digits); None when kzlint has not made it (no marker) and
    `create` is false. With `create`, the folder and its marker are made when missing. OSError
    when the folder cannot be read or made: callers treat it as having no cache."""
    marker = folder / MARKER
    try:
        stat = os.lstat(marker)
    except FileNotFoundError:
        if not create:
            return None
        folder.mkdir(parents=True, exist_ok=True)
        _create(marker, MARKER_TEXT)
        stat = os.lstat(marker)
    return hashlib.blake2b(f"{stat.st_ino}:{stat.st_ctime_ns}".encode(), digest_size=6).hexdigest()


def _create(path: Path, data: bytes) -> None:
    """Create a small file unless something (a file, or a link, dangling or not) has the name:
    never through a symbolic link (O_EXCL | O_NOFOLLOW)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
    except FileExistsError:
        return
    try:
        os.write(fd, data)
    finally:
        os.close(fd)
