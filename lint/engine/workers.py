"""Worker processes: each lints whole documents (reading the file itself) with rules built once per
process (inherited on fork, rebuilt from the config on spawn)."""

from __future__ import annotations

from pathlib import Path

from lint.config import Config
from lint.core.reading import ReadError, decode, read_bytes
from lint.engine.cache import content_key, dumps
from lint.engine.corpus import claim_keys, keyed
from lint.engine.document import process_text
from lint.engine.selection import build_rules
from lint.rules import CorpusRule, Rule

WORKER_RULES: list[Rule] = []


def init_worker(config: Config, codes: list[str]) -> None:
    global WORKER_RULES
    WORKER_RULES = [r for r in build_rules(config, select=["ALL"]) if r.code in set(codes)]


def work(task: tuple[str, bytes | str, bool, int]) -> tuple[str, tuple | str, str]:
    """Lint one document: its bytes, or its file (read here: the main process keeps no bytes).

    Returns (path, (document JSON or None when not `full`, facts JSON, claim keys by rule,
    timings) or an error, content key): JSON made here is what the cache stores.
    """
    shown, source, full, limit = task
    try:
        data = source if isinstance(source, bytes) else read_bytes(Path(source), limit)
        decoded = decode(data)
    except ReadError as exc:
        return shown, str(exc), ""
    key = content_key(shown, data)  # of the bytes linted here, should the file have changed meanwhile
    try:
        record = process_text(decoded.text, shown, WORKER_RULES, full=full, replaced=decoded.replaced)
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
