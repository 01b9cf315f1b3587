"""Notices on stderr ("kzlint: KZ201 grammar skipped: ..."): each once per run, none with
--quiet, and in a pre-commit hook (PRE_COMMIT=1) only those the last hook run did not show.

A hook runs on every commit: a notice that is true every time ("no LanguageTool server")
is worth reading once, not a hundred times. Notices shown in a hook run are remembered in
the cache folder (`notices-shown.json`); a notice that changes, or is new, is shown again.
Outside pre-commit every run shows its notices, once each.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from lint.core.escape import for_terminal

MEMORY = "notices-shown.json"


class Notices:
    def __init__(self, *, quiet: bool = False, use_cache: bool = True) -> None:
        self.quiet = quiet
        self.hook = os.environ.get("PRE_COMMIT") == "1" and use_cache
        self._pending: list[str] = []
        self._said: set[str] = set()
        self._memory: Path | None = None

    def extend(self, notices: list[str], engine=None) -> None:
        """Notices of one engine run (its cache folder remembers what a hook run showed)."""
        if engine is not None and self._memory is None and engine.cache is not None:
            self._memory = Path(engine.cache.folder) / MEMORY
        for notice in notices:
            if notice not in self._pending:
                self._pending.append(notice)

    def say(self, notice: str, *, always: bool = False) -> None:
        """Print a notice now (unless --quiet; `always`: a summary the user asked for)."""
        if notice in self._said or (self.quiet and not always):
            return
        self._said.add(notice)
        print(f"kzlint: {for_terminal(notice)}", file=sys.stderr)  # a file name cannot drive the terminal

    def flush(self) -> None:
        pending, self._pending = self._pending, []
        if self.quiet:
            return
        shown = self._remembered() if self.hook else set()
        for notice in pending:
            if notice not in shown:
                self.say(notice)
        if self.hook and self._memory is not None and set(pending) != shown:
            try:  # never through a link planted in the cache folder (O_NOFOLLOW)
                fd = os.open(self._memory, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o644)
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    out.write(json.dumps(sorted(set(pending))))
            except OSError:
                pass

    def _remembered(self) -> set[str]:
        if self._memory is None:
            return set()
        try:
            return set(json.loads(self._memory.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return set()
