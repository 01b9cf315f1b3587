"""Worker processes: each lints whole documents (reading the file itself) with rules built once per
process (inherited on fork, rebuilt from the config on spawn)."""

from __future__ import annotations

import ctypes
import gc
import os
import signal
import sys
import threading
import time
from pathlib import Path

from lint.config import Config
from lint.core.reading import ReadError, decode, read_bytes, refuse_outside
from lint.engine.cache import content_key, dumps
from lint.engine.corpus import claim_keys, keyed
from lint.engine.document import process_text
from lint.engine.selection import build_rules
from lint.rules import CorpusRule, Rule

WORKER_RULES: list[Rule] = []


def init_worker(config: Config, codes: list[str], parent: int | None = None) -> None:
    """A spawned worker: build the rules from the config."""
    global WORKER_RULES
    if parent is not None:
        die_with_parent(parent)
    WORKER_RULES = [r for r in build_rules(config, select=["ALL"]) if r.code in set(codes)]


def start_forked_worker(parent: int) -> None:
    """A forked worker: the rules are inherited; parsing documents may leave cycles (gc on)."""
    die_with_parent(parent)
    gc.enable()


PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def die_with_parent(parent: int) -> None:
    """End this worker when the main process ends, however it ends: `kill -9` of the main process
    left forked workers blocked for minutes (~105 MB each). On Linux the kernel sends SIGKILL
    (prctl PR_SET_PDEATHSIG); elsewhere a thread checks every second whether the parent is gone.
    A parent that died before this ran is caught by comparing the parent's PID."""
    armed = False
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            armed = libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
        except (OSError, AttributeError):
            armed = False
    if os.getppid() != parent:
        os._exit(1)
    if not armed:
        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(1.0)
            os._exit(1)

        threading.Thread(target=watch, name="kzlint-parent-watch", daemon=True).start()


def work(task: tuple[str, bytes | str, bool, int, tuple[str, ...] | None]) -> tuple[str, tuple | str, str]:
    """Lint one document: its bytes, or its file (read here: the main process keeps no bytes).

    Returns (path, (document JSON or None when not `full`, facts JSON, claim keys by rule,
    timings) or an error, content key): JSON made here is what the cache stores.
    """
    shown, source, full, limit, roots = task
    try:
        if not isinstance(source, bytes):
            refuse_outside(source, roots)  # a link out of the project (README, "Symbolic links")
        data = source if isinstance(source, bytes) else read_bytes(Path(source), limit)
        decoded = decode(data)
    except ReadError as exc:
        return shown, str(exc), ""
    key = content_key(shown, data)  # of the bytes linted here, should the file have changed meanwhile
    text, replaced = decoded.text, decoded.replaced
    del data, decoded  # only the text from here on: the bytes are as large again (4x for UTF-32)
    try:
        record = process_text(text, shown, WORKER_RULES, full=full, replaced=replaced)
        timings, facts = record.pop("timings"), record.pop("facts")
        claims = {rule.code: claim_keys(rule, facts.get(rule.code, [])) for rule in WORKER_RULES
                  if isinstance(rule, CorpusRule) and keyed(rule)}
        return shown, (dumps(record) if full else None, dumps(facts), claims, timings), key
    except Exception as exc:  # a parser bug on one odd file must not stop the run: report it on that file
        reason = " ".join(str(exc).split())[:200]
        return shown, f"kzlint failed on this file ({type(exc).__name__}: {reason}); please report it", key


def init_worker_with(rules: list[Rule]) -> None:
    global WORKER_RULES
    WORKER_RULES = rules


def start_methods() -> list[str]:
    import multiprocessing

    return multiprocessing.get_all_start_methods()
