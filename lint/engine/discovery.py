"""Which files a run lints: paths given, directories walked, git-ignored and hidden paths skipped."""

from __future__ import annotations

import errno
import fnmatch
import functools
import hashlib
import os
import re
import subprocess
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import filterfalse
from operator import methodcaller
from pathlib import Path
from typing import Protocol

from lint.core import process

GIT_SECONDS = 60.0  # a git command's total deadline (its whole process group is killed then)
GIT_ROOT_SECONDS = 10.0
RACY_SECONDS = 2.0  # a file or folder modified this recently may change again within the same mtime tick


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


@functools.lru_cache(maxsize=64)
def _matcher(patterns: tuple[str, ...]) -> Callable[[str], bool]:
    """Whether a path matches one of the globs, as a whole path (`p` or `*/p`) or by its file
    name. Compiled once: a walk of 100,000 files tests each path once, and the usual include
    list (`*.md`, `*.txt`: a star and a suffix) is one `endswith`."""
    if all(p.startswith("*") and not any(c in p[1:] for c in "*?[/") for p in patterns):
        return methodcaller("endswith", tuple(p[1:] for p in patterns))  # C calls only: no lambda per path
    # `*/p` matches where p matches what follows one of the path's slashes (the file name is
    # what follows the last one). So p is tried at the start and after each slash, and only
    # where it can begin: a p that starts with `*` at the start alone (its star takes any
    # prefix), a p that starts with a letter only where the path has that letter. The
    # alternation of 27 `.*/p` globs this replaces backtracked: 34 us a path, 3.4 s a
    # 100,000-file corpus, on every run.
    def alternation(globs: list[str]) -> Callable | None:
        return re.compile("|".join(f"(?:{fnmatch.translate(g)})" for g in globs)).match if globs else None

    starred = alternation([p for p in patterns if p.startswith("*")])
    anywhere = alternation([p for p in patterns if p[:1] in ("?", "[")])
    literal = [p for p in patterns if p[:1] not in ("*", "?", "[")]
    by_first = {first: alternation([p for p in literal if p[0] == first]) for first in {p[0] for p in literal}}

    def matches(path: str) -> bool:
        if starred and starred(path):
            return True
        start = 0
        while start >= 0:
            here = by_first.get(path[start:start + 1])
            if (here and here(path, start)) or (anywhere and anywhere(path, start)):
                return True
            start = path.find("/", start) + 1 or -1
        return False

    return matches


def _matches(path: str, patterns: list[str]) -> bool:
    return bool(patterns) and _matcher(tuple(patterns))(path)


def is_excluded(path: str, exclude: list[str]) -> bool:
    return bool(exclude) and _matches(path, exclude)


def expand(paths: list[str], include: list[str], exclude: list[str], cwd: Path,
           listings: ListingStore | None = None, recheck: set[str] | None = None,
           unreadable: dict[str, str] | None = None) -> list[str]:
    """Files to lint, as display paths, sorted and without duplicates.

    A file named on the command line is linted whatever its name (unless excluded); a
    directory contributes the files below it that match `include`, not hidden, not ignored
    by git, not excluded. `listings` keeps each walk for the next one (see `Listing`); files
    in folders that changed since then are added to `recheck` (their content may be new).
    """
    found: list[str] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists() and not path.is_symlink():
            raise UsageError(f"{raw}: no such file or directory")
        if path.is_dir():
            root = display_path(path, cwd)
            prefix = "" if root == "." else root.rstrip("/") + "/"
            listing = _walk(path, listings)
            shown = [prefix + relative for relative in listing.files] if prefix else listing.files
            if recheck is not None:
                recheck.update(prefix + relative for relative in listing.recheck)
            if unreadable is not None:  # folders the walk could not enter (display paths -> why)
                unreadable.update(((prefix + folder) or ".", reason) for folder, reason in listing.unreadable.items())
            found.extend(_filtered(shown, include, exclude, listings))
        else:
            shown = display_path(path, cwd)
            if not is_excluded(shown, exclude):
                found.append(shown)
    found.sort()  # linear when one folder's walk (sorted already) is all there is
    return list(dict.fromkeys(found)) if len(paths) > 1 else found  # one path's walk lists a file once


@dataclass
class Listing:
    """The files below a folder and the mtime of every folder read to list them.

    Creating, deleting or renaming a file changes its folder's mtime, so a folder whose mtime
    has not changed holds the same entries: the next walk stats the folders and reads only
    those that changed (git's untracked cache does the same). A folder modified within the
    last seconds is recorded as -1, read again next time (its mtime may not tick again).
    """

    folders: dict[str, int] = field(default_factory=dict)  # relative folder ("" = root) -> mtime_ns
    files: list[str] = field(default_factory=list)  # relative file paths
    # files of the folders read again (not stored): their content may be new too, since a git
    # checkout or an editor's atomic save replaces a file, and that changes its folder's mtime
    recheck: list[str] = field(default_factory=list, compare=False)
    # folders that could not be read, with the reason (not stored: a listing with any is not kept)
    unreadable: dict[str, str] = field(default_factory=dict, compare=False)


class ListingStore(Protocol):
    def listing(self, root: str) -> Listing | None: ...

    def put_listing(self, root: str, listing: Listing) -> None: ...

    def filtered(self, key: str) -> list[str] | None: ...

    def put_filtered(self, key: str, files: list[str]) -> None: ...


def _filtered(shown: list[str], include: list[str], exclude: list[str], store: ListingStore | None) -> list[str]:
    """The files that match `include` and not `exclude`. The files left out are kept in `store`
    under a hash of the globs and of the whole list: the excludes cost 3 us a path, 0.3 s of
    each run over 100,000 files that did not change, where hashing the list takes 0.005 s
    (and reading back the few left out, not the 100,000 kept, nothing)."""
    if not include:
        return []
    key = None
    if store is not None and exclude:
        digest = hashlib.blake2b(repr(("left out", include, exclude)).encode(), digest_size=16)
        digest.update("\0".join(shown).encode("utf-8", "surrogateescape"))
        key = digest.hexdigest()
        left_out = store.filtered(key)
        if left_out is not None:
            gone = set(left_out)
            return [path for path in shown if path not in gone] if gone else list(shown)
    kept = list(filter(_matcher(tuple(include)), shown))
    if exclude:
        kept = list(filterfalse(_matcher(tuple(exclude)), kept))
    if key is not None:
        staying = set(kept)
        store.put_filtered(key, [path for path in shown if path not in staying])
    return kept


def _walk(root: Path, listings: ListingStore | None = None) -> Listing:
    """Files below root, as paths relative to it with forward slashes: the walk of its folders
    (kept in `listings` for the next one), less the files git ignores."""
    if listings is None:
        current = walk_folders(root, None)
    else:
        key = os.path.abspath(root)
        previous = listings.listing(key)
        current = walk_folders(root, previous)
        if current is not previous and not current.unreadable:
            listings.put_listing(key, current)
    ignored = _git_ignored(root, current.files)
    if ignored:
        return Listing(current.folders, [f for f in current.files if f not in ignored],
                       [f for f in current.recheck if f not in ignored], current.unreadable)
    return current


def walk_folders(root: Path, previous: Listing | None) -> Listing:
    """List the files below root, reading only the folders changed since `previous`; never
    follows directory symlinks (no loops); skips hidden entries and unreadable folders."""
    base = os.path.join(str(root), "")
    if previous is not None and _unchanged(base, previous.folders):
        return previous  # no folder gained or lost an entry: no new folder either
    known = previous.folders if previous else {}
    old_files: dict[str, list[str]] = defaultdict(list)
    old_children: dict[str, list[str]] = defaultdict(list)
    if previous:
        for name in previous.files:
            old_files[name.rpartition("/")[0]].append(name)
        for folder in previous.folders:
            if folder:
                old_children[folder.rpartition("/")[0]].append(folder)
    now = time.time_ns()
    current = Listing()
    pending = [""]
    while pending:
        folder = pending.pop()
        try:
            mtime = os.stat(base + folder).st_mtime_ns
        except OSError as exc:
            if exc.errno == errno.ENAMETOOLONG:  # never silently: the run would say "0 files"
                current.unreadable[folder] = "path too long (longer than the system's PATH_MAX)"
            continue
        if known.get(folder, -1) == mtime != -1:  # the same entries as last time
            current.folders[folder] = mtime
            current.files.extend(old_files[folder])
            pending.extend(old_children[folder])
            continue
        prefix = folder + "/" if folder else ""
        try:
            with os.scandir(base + folder) as entries:
                for entry in entries:
                    if entry.name.startswith("."):
                        continue
                    try:
                        is_dir = entry.is_dir()
                    except OSError:
                        is_dir = False
                    if not is_dir:
                        current.files.append(prefix + entry.name)
                        if previous is not None:
                            current.recheck.append(prefix + entry.name)
                    elif not entry.is_symlink():
                        pending.append(prefix + entry.name)
        except OSError as exc:
            if exc.errno == errno.ENAMETOOLONG:
                current.unreadable[folder] = "path too long (longer than the system's PATH_MAX)"
            continue
        current.folders[folder] = mtime if now - mtime > RACY_SECONDS * 1e9 else -1
    current.files.sort()
    return current


def _unchanged(base: str, folders: dict[str, int]) -> bool:
    try:
        return all(mtime != -1 and os.stat(base + folder).st_mtime_ns == mtime for folder, mtime in folders.items())
    except OSError:
        return False


def _git_ignored(root: Path, files: list[str]) -> set[str]:
    """The files git ignores below root (untracked, matched by .gitignore); none outside a work
    tree. Tracked files come from git's index (no walk, no stat: 30 ms for 100,000), so only
    untracked ones, usually none, are asked about; when git lists the walk's files exactly,
    none is untracked (a set of 100,000 names took a pre-commit run 30 ms more)."""
    tracked = _git(root, ["ls-files", "-z", "--cached", "--", "."])
    if tracked is None or tracked == ("\0".join(files) + "\0" if files else ""):
        return set()  # a corpus folder git tracks as it is: its files, in the same (byte) order
    known = set(tracked.split("\0"))
    if known.issuperset(files):
        return set()
    untracked = [name for name in files if name not in known]
    answer = _git(root, ["check-ignore", "--stdin", "-z"], "\0".join(untracked))
    return set(answer.split("\0")) - {""} if answer else set()


def _git(root: Path, arguments: list[str], stdin: str = "") -> str | None:
    """A git command's output (None when git is missing or fails; check-ignore's exit 1 means
    nothing ignored). Names keep undecodable bytes (surrogateescape), as os.scandir does."""
    try:
        result = process.run(["git", *arguments], cwd=root, timeout=GIT_SECONDS,
                             input=stdin.encode("utf-8", "surrogateescape"))
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode not in (0, 1) or (result.returncode == 1 and arguments[0] != "check-ignore"):
        return None
    return result.stdout.decode("utf-8", "surrogateescape")


def git_root(path: Path) -> Path | None:
    try:
        result = process.run(["git", "rev-parse", "--show-toplevel"], cwd=path if path.is_dir() else path.parent,
                             timeout=GIT_ROOT_SECONDS)
    except (OSError, subprocess.TimeoutExpired):
        return None
    top = result.stdout.decode("utf-8", "surrogateescape").strip()
    return Path(top) if result.returncode == 0 and top else None
