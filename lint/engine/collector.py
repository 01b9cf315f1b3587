"""The engine's use of Python's cyclic garbage collector, in one place.

A run builds millions of long-lived, acyclic objects (cached records, findings) and loads
modules, rules and tables that live until it ends; a linted document is freed by reference
counting (Document.release). So the collector is off for a run, on but rare while documents
are linted, what was loaded before is frozen out of its walks, and the command leaves its
exit nothing to collect.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# While documents are linted the collector needs to run only for what the rules keep: its
# youngest generation is 10,000 objects instead of Python's 700. Over 10,000 articles, a
# worker's collections took 0.2 s (2% of its CPU) with 700 once documents were released, and
# none with 10,000.
YOUNG_GENERATION = 10_000


def collect_rarely() -> None:
    """The collector on, with YOUNG_GENERATION (a worker process's, for all its life)."""
    gc.set_threshold(YOUNG_GENERATION, *gc.get_threshold()[1:])
    gc.enable()


@contextmanager
def collecting_rarely() -> Iterator[None]:
    """The collector as a worker has it, for linting in the main process; as it was afterwards."""
    thresholds, enabled = gc.get_threshold(), gc.isenabled()
    collect_rarely()
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        if not enabled:
            gc.disable()


@contextmanager
def paused() -> Iterator[None]:
    """The collector off for a run (2 of 6.5 s of a warm run over 100,000 documents went to
    walking its records and findings again and again); as it was afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def loaded_frozen() -> Iterator[None]:
    """While documents are linted, leave what the run has loaded so far to the collector's
    permanent generation: its collections do not walk it again and again, and forked workers,
    which inherit it, do not write to its pages (Python's advice for gc.freeze: disable early,
    freeze before fork)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def left_to_exit() -> None:
    """Before the command's process exits: Python's exit collects every generation in full
    before it frees anything, and a run (collector paused) leaves all it made in the youngest,
    a fifth of a one-file run (0.1 s). Frozen, it is freed by reference counting alone."""
    gc.freeze()
