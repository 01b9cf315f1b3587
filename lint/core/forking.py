"""Work done once in the main process right before it forks its workers, so that they share the
result (copy-on-write) instead of each doing it again: imports and tables that cost 0.05-0.5 s
per process. A run that never forks does the work where it is first needed."""

from __future__ import annotations

import os
from collections.abc import Callable

_REGISTERED: set[Callable[[], object]] = set()


def before_fork(load: Callable[[], object]) -> None:
    """Run `load` right before each fork of this process; registering it again does nothing."""
    if load not in _REGISTERED:
        _REGISTERED.add(load)
        os.register_at_fork(before=load)
