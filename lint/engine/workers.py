"""Worker processes: each lints whole documents (reading the file itself) with rules built once per
process (inherited on fork, rebuilt from the config on spawn)."""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from pathlib import Path

from lint.config import Config
from lint.core.reading import ReadError, decode, read_bytes, refuse_outside
from lint.engine import collector
from lint.engine.cache import content_key, dumps
from lint.engine.corpus import claim_rows, keyed, pack_facts
from lint.engine.document import process_texts
from lint.engine.selection import build_rules
from lint.rules import CorpusRule, Rule

WORKER_RULES: list[Rule] = []


def init_worker(config: Config, codes: list[str], parent: int | None = None) -> None:
    """A spawned worker: build the rules from the config."""
    global WORKER_RULES
    if parent is not None:
        die_with_parent(parent)
    WORKER_RULES = [r for r in build_rules(config, select=["ALL"]) if r.code in set(codes)]
    collector.collect_rarely()


def start_forked_worker(parent: int) -> None:
    """A forked worker: the rules are inherited."""
    die_with_parent(parent)
    collector.collect_rarely()


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


Task = tuple[str, "bytes | str", bool, int, "tuple[str, ...] | None"]
BATCH_BYTES = 1_000_000  # documents linted together, rule by rule, up to this much text (one big file alone)


def work(tasks: list[Task], serialised: bool = True) -> list[tuple[str, tuple | str, str]]:
    """Lint a few documents: their bytes, or their files (read here: the main process keeps no bytes).

    Returns, for each in order, (path, (document JSON or None when not `full`, facts JSON, claim
    keys by rule, timings) or an error, content key): JSON made here is what the cache stores.
    Not `serialised` (linting in the main process), the document is the record itself, its
    findings Finding objects: the main process would only parse its JSON again and rebuild them
    (5 s for the 240,000 findings of a 20 MB file).
    Documents are linted rule by rule in groups of up to BATCH_BYTES of text (process_texts).
    """
    results: list[tuple[str, tuple | str, str] | None] = [None] * len(tasks)
    group: list[tuple[int, str, str, bool, tuple[int, ...], str]] = []  # (index, text, shown, full, replaced, key)
    size = 0
    for index, (shown, source, full, limit, roots) in enumerate(tasks):
        try:
            if not isinstance(source, bytes):
                refuse_outside(source, roots)  # a link out of the project (README, "Symbolic links")
            data = source if isinstance(source, bytes) else read_bytes(Path(source), limit)
            decoded = decode(data)
        except ReadError as exc:
            results[index] = (shown, str(exc), "")
            continue
        key = content_key(shown, data)  # of the bytes linted here, should the file have changed meanwhile
        text, replaced = decoded.text, decoded.replaced
        del data, decoded  # only the text from here on: the bytes are as large again (4x for UTF-32)
        if group and size + len(text) > BATCH_BYTES:
            _lint_group(group, results, serialised)
            group, size = [], 0
        group.append((index, text, shown, full, replaced, key))
        size += len(text)
    if group:
        _lint_group(group, results, serialised)
    return results


def _lint_group(group: list, results: list, serialised: bool) -> None:
    records = process_texts([(text, shown, full, replaced) for _, text, shown, full, replaced, _ in group], WORKER_RULES,
                            as_records=serialised)
    for (index, _, shown, full, _, key), record in zip(group, records):
        try:
            if isinstance(record, Exception):
                raise record
            timings, facts = record.pop("timings"), record.pop("facts")
            claims = {rule.code: claim_rows(rule, facts.get(rule.code, [])) for rule in WORKER_RULES
                      if isinstance(rule, CorpusRule) and keyed(rule)}
            document = (dumps(record) if serialised else record) if full else None
            results[index] = (shown, (document, pack_facts(facts), claims, timings), key)
            if serialised:
                record.clear()  # its findings as lists, now that they are JSON
        except Exception as exc:  # a parser bug on one odd file must not stop the run: report it on that file
            reason = " ".join(str(exc).split())[:200]
            results[index] = (shown, f"kzlint failed on this file ({type(exc).__name__}: {reason}); please report it", key)


def init_worker_with(rules: list[Rule]) -> None:
    global WORKER_RULES
    WORKER_RULES = rules


def start_methods() -> list[str]:
    import multiprocessing

    return multiprocessing.get_all_start_methods()

