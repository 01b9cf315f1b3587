"""A progress bar on stderr for long runs in a terminal; silent in pipes, CI and short runs."""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

MIN_DOCUMENTS = 300  # fewer than this finish before a bar would be worth reading
_CI_VARIABLES = ("CI", "GITHUB_ACTIONS", "GITLAB_CI", "BUILDKITE", "JENKINS_URL", "TF_BUILD", "TEAMCITY_VERSION")
_INTERVAL = 0.1  # seconds between redraws


def wanted(stream: TextIO) -> bool:
    """A bar only on an interactive terminal outside CI."""
    if any(os.environ.get(name) for name in _CI_VARIABLES) or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class ProgressBar:
    """Call with (done, total); draws `linting  412/1689 [=====>      ] 24%` and erases itself at the end."""

    def __init__(self, stream: TextIO | None = None, width: int = 30) -> None:
        self.stream = stream or sys.stderr
        self.width = width
        self._drawn_at = 0.0
        self._visible = False

    def __call__(self, done: int, total: int) -> None:
        if total < MIN_DOCUMENTS:
            return
        now = time.monotonic()
        if done < total and now - self._drawn_at < _INTERVAL:
            return
        self._drawn_at = now
        filled = self.width * done // total
        bar = "=" * filled + (">" if filled < self.width else "") + " " * max(0, self.width - filled - 1)
        self.stream.write(f"\rlinting {done:>{len(str(total))}}/{total} [{bar}] {done * 100 // total:3d}%")
        self._visible = True
        if done >= total:
            self.close()
        else:
            self.stream.flush()

    def close(self) -> None:
        if self._visible:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self._visible = False


def progress_bar(stream: TextIO | None = None) -> ProgressBar | None:
    """A bar for `stream` (default stderr) when one is wanted, else None."""
    stream = stream or sys.stderr
    return ProgressBar(stream) if wanted(stream) else None
