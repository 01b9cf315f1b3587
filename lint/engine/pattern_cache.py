"""Regular expressions compiled by an earlier run, kept in the cache folder.

CPython compiles a pattern in Python code. kzlint's lexicons become alternations of
thousands of phrases, and its 250 patterns take about 70 ms to compile: an eighth of a
pre-commit run. Each pattern's compiled program is stored (JSON, per Python version) and
given straight to the regex engine on the next run (`_sre.compile`, which validates a
program before using it); `re` then finds the pattern in its own cache, so `re.compile`
costs nothing and no caller changes.

Between preload() and save() re compiles through _recording_compile, which does what
re._compiler.compile does and keeps the program (tests/test_pattern_cache.py checks that
each stored program makes a pattern equal to a fresh `re.compile`: equality covers the
pattern, its flags and the whole program). Where the interpreter is not CPython 3.11-3.13,
nothing is loaded, recorded or stored.

The file is trusted as the rest of the cache is: it is JSON (loading it runs no code), and
_sre.compile checks each program with CPython's validator (which exists so that a malformed
program cannot crash the interpreter; one it refuses is skipped). A valid program planted in
the folder could change what a pattern matches, as a planted results row could change a
finding; like them, the file is named after the folder's identity (lint.core.cache_folder),
so one committed to git or copied in from elsewhere is never read.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from pathlib import Path

from lint.core import cache_folder

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # not CPython
    _sre = None

SUPPORTED = (_sre is not None and sys.implementation.name == "cpython" and (3, 11) <= sys.version_info[:2] <= (3, 13)
             and isinstance(getattr(re, "_cache", None), dict) and hasattr(_compiler, "_code"))

_stored: dict[tuple, list] = {}  # re's cache key -> its entry in the file (loaded or not)
_recorded: dict[tuple, list] = {}  # re's cache key -> the entry of a pattern compiled since preload()
_ours: set[tuple] = set()  # the keys of _recorded that kzlint's own modules compiled
_before: set[tuple] | None = None  # compiled before the first preload() (the standard library's): never stored
_COMPILE = _compiler.compile if SUPPORTED else None


def preload(folder: Path) -> None:
    """Put the patterns stored in `folder` into re's cache (nothing when there are none), and
    have re record the program of each pattern it compiles from now on (for save())."""
    if not SUPPORTED:
        return
    global _before
    if _before is None:  # a run with several configs preloads once per config: its own patterns are stored
        _before = set(re._cache)
    _compiler.compile = _recording_compile
    try:
        file = _file(folder)
        if file is None:
            return
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with open(fd, encoding="ascii") as handle:
            entries = json.load(handle)
    except (OSError, ValueError):
        return
    for entry in entries if isinstance(entries, list) else ():
        try:
            pattern, flags, final_flags, program, groups, groupindex, indexgroup = entry
            key = _key(entry)
            if key not in re._cache and len(re._cache) < re._MAXCACHE:
                re._cache[key] = _sre.compile(pattern, final_flags, program, groups, groupindex, tuple(indexgroup))
            _stored[key] = entry
        except (TypeError, ValueError, RuntimeError, OverflowError):  # not a program this engine accepts
            continue


def save(folder: Path) -> None:
    """Store the programs of the patterns in re's cache, if any is not stored yet; re compiles
    as it did before preload() from now on."""
    if not SUPPORTED:
        return
    _compiler.compile = _COMPILE
    keys = [key for key in list(re._cache) if key not in (_before or ()) and (key in _stored or key in _recorded)]
    if not any(key in _ours and key not in _stored for key in keys):
        return  # a library's pattern is stored along with kzlint's, never written on its own (see _compiled_by_us)
    entries = [_stored.get(key) or _recorded[key] for key in keys]
    try:
        file = _file(folder)
        if file is None:  # no cache folder of kzlint's (the run stored nothing)
            return
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=".patterns-", suffix=".tmp")
        try:
            with open(fd, "w", encoding="ascii") as handle:
                handle.write(json.dumps(entries))  # dumps: C's encoder (dump's is Python's, 3x slower)
            os.replace(temporary, file)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:  # a read-only cache folder: the next run compiles again
        return
    _stored.update((_key(entry), entry) for entry in entries)


def _file(folder: Path) -> Path | None:
    """This Python's file of patterns in the folder, named after the folder's identity (None:
    kzlint has not made the folder)."""
    identity = cache_folder.identity(folder, create=False)
    return None if identity is None else folder / f"patterns-{sys.implementation.cache_tag}-{identity}.json"


def _key(entry: list) -> tuple:
    return (str, entry[0], entry[1])


def _recording_compile(pattern, flags=0):
    """re._compiler.compile, step by step as CPython 3.11-3.13 write it, keeping the arguments
    it gives _sre.compile: the program is stored without compiling the pattern a second time."""
    if not isinstance(pattern, str) or flags & re.DEBUG:
        return _COMPILE(pattern, flags)
    parsed = _parser.parse(pattern, flags)
    program = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    entry = [pattern, flags, flags | parsed.state.flags, program, parsed.state.groups - 1, groupindex, indexgroup]
    _recorded[_key(entry)] = entry
    if _compiled_by_us(sys._getframe(1)):
        _ours.add(_key(entry))
    return _sre.compile(pattern, *entry[2:6], tuple(indexgroup))


def _compiled_by_us(frame) -> bool:
    """Whether the code that asked `re` for this pattern is kzlint's. A library may build a
    pattern anew in each process: markdown-it-py joins a frozenset of characters, whose order
    follows the process's hash seed, so every run that parses Markdown made one never stored
    before, and the file was written again each time and filled with variants of it."""
    while frame is not None and frame.f_globals.get("__name__", "").partition(".")[0] in ("re", "functools", "enum"):
        frame = frame.f_back
    return frame is not None and frame.f_globals.get("__name__", "").partition(".")[0] == "lint"
