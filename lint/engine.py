"""Run rules over files: read, parse once, check each document (in parallel, cached),
then run corpus rules over the facts of every document, and keep what the user asked for.

Per-document work is a pure map (`process_text`); corpus rules are a group-by over facts
(`check_corpus`). That split is what lets a run scale out (see lint.api).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from lint import suppressions
from lint.cache import Cache, content_key
from lint.config import Config
from lint.discovery import display_path, expand, git_root, is_excluded
from lint.document import Document
from lint.findings import Finding, from_record, to_record
from lint.reading import ReadError, decode, read_bytes
from lint.rules import CorpusRule, DocumentRule, Rule
from lint.rules.engine_rules import RuleCrash, Unreadable

PARALLEL_THRESHOLD = 64  # below this many documents to process, a worker pool costs more than it saves


@dataclass
class RunResult:
    findings: list[Finding]
    files: int
    metadata: dict[str, dict] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)


def process_text(text: str, path: str, rules: list[Rule], *, full: bool = True, replaced: Iterable[int] = ()) -> dict:
    """Lint one document's text: its findings (when `full`), corpus facts, suppressions, metadata.

    Returns a JSON-able record (what the cache stores and workers send back).
    """
    doc = Document(path, text)
    timings: dict[str, float] = {}
    findings: list[Finding] = []
    facts: dict[str, list] = {}
    for rule in rules:
        started = time.perf_counter()
        try:
            if isinstance(rule, CorpusRule):
                facts[rule.code] = rule.extract(doc)
            elif full and isinstance(rule, DocumentRule):
                findings.extend(rule.check(doc))
        except Exception as exc:  # one rule failing on one document must not stop the run
            findings.append(Finding(path, 1, 1, 1, 1, RuleCrash.code, RuleCrash.name, RuleCrash.severity,
                                    f"rule {rule.code} crashed on this document: {type(exc).__name__}: {exc}",
                                    snippet=rule.code))
        timings[rule.code] = time.perf_counter() - started
    if full and replaced:
        first = next(iter(replaced))
        line, column = doc.position(first)
        findings.append(
            Finding(path, line, column, line, column + 1, Unreadable.code, Unreadable.name, Unreadable.severity,
                    "invalid UTF-8: bytes decoded as U+FFFD replacement characters; re-save the file as UTF-8",
                    snippet="invalid-utf-8")
        )
    metadata = {}
    for rule in rules:
        describe = getattr(rule, "document_metadata", None)
        if full and describe is not None:
            metadata.update(describe(doc))
    return {
        "findings": [to_record(f) for f in findings] if full else None,
        "facts": facts,
        "suppressions": suppressions.parse(doc),
        "metadata": metadata,
        "timings": timings,
    }


def check_corpus(rules: list[Rule], facts_by_path: dict[str, dict[str, list]]) -> list[Finding]:
    """Run every corpus rule over the facts of all documents."""
    findings: list[Finding] = []
    for rule in rules:
        if isinstance(rule, CorpusRule):
            per_path = {path: facts.get(rule.code, []) for path, facts in sorted(facts_by_path.items())}
            findings.extend(rule.check(per_path))
    return findings


def config_fingerprint(config: Config, rules: list[Rule]) -> str:
    payload = json.dumps([config.model_dump(mode="json"), sorted(r.code for r in rules)], sort_keys=True, default=str)
    return hashlib.blake2b(payload.encode(), digest_size=16).hexdigest()


# -- worker processes ---------------------------------------------------------------------------

_WORKER_RULES: list[Rule] = []


def _init_worker(config: Config, codes: list[str]) -> None:
    from lint.selection import build_rules

    global _WORKER_RULES
    _WORKER_RULES = [r for r in build_rules(config, select=["ALL"]) if r.code in set(codes)]


def _work(task: tuple[str, bytes, bool]) -> tuple[str, dict | str]:
    shown, data, full = task
    try:
        decoded = decode(data)
    except ReadError as exc:
        return shown, str(exc)
    return shown, process_text(decoded.text, shown, _WORKER_RULES, full=full, replaced=decoded.replaced)


# -- the run --------------------------------------------------------------------------------------


class Engine:
    def __init__(self, config: Config, rules: list[Rule], *, cwd: Path, config_dir: Path | None = None,
                 jobs: int | None = None, use_cache: bool = True) -> None:
        self.config = config
        self.rules = rules
        self.cwd = cwd
        self.config_dir = config_dir or cwd
        self.jobs = jobs or os.cpu_count() or 1
        cache_dir = os.environ.get("KZLINT_CACHE_DIR") or str(self.config_dir / config.cache_dir)
        self.cache = Cache(Path(cache_dir), config_fingerprint(config, rules)) if use_cache else None

    @property
    def corpus_rules(self) -> list[CorpusRule]:
        return [r for r in self.rules if isinstance(r, CorpusRule)]

    def corpus_files(self, paths: list[str]) -> list[str]:
        """Every document the corpus rules consult: the configured corpus root, else the
        directories given, else the git repository (or folder) holding the files given."""
        if self.config.corpus:
            roots = [str(self.config_dir / self.config.corpus)]
        elif any(Path(p).is_dir() for p in paths):
            roots = [p for p in paths if Path(p).is_dir()]
        else:
            first = Path(paths[0]).resolve() if paths else self.cwd
            roots = [str(git_root(first) or first.parent)]
        return expand(roots, self.config.include, self.config.exclude, self.cwd)

    def run(self, paths: list[str]) -> RunResult:
        targets = expand(paths, self.config.include, self.config.exclude, self.cwd)
        corpus = sorted(set(self.corpus_files(paths)) | set(targets)) if self.corpus_rules else targets
        target_set = set(targets)
        records, errors = self._records(corpus, target_set)

        findings: list[Finding] = []
        for shown, reason in errors.items():
            if shown in target_set:
                findings.append(Finding(shown, 1, 1, 1, 1, Unreadable.code, Unreadable.name, Unreadable.severity,
                                        f"cannot lint: {reason}", snippet=reason))
        timings: dict[str, float] = defaultdict(float)
        metadata: dict[str, dict] = {}
        for shown in targets:
            record = records.get(shown)
            if record is None:
                continue
            findings.extend(from_record(r) for r in record["findings"])
            metadata[shown] = record["metadata"]
            for code, seconds in record["timings"].items():
                timings[code] += seconds
        started = time.perf_counter()
        corpus_findings = check_corpus(self.rules, {p: r["facts"] for p, r in records.items()})
        findings.extend(f for f in corpus_findings if f.path in target_set)
        timings["corpus-check"] += time.perf_counter() - started

        findings = self._filter(findings, records, target_set)
        findings.sort(key=Finding.sort_key)
        return RunResult(findings, len(targets), metadata, dict(timings))

    def _filter(self, findings: list[Finding], records: dict[str, dict], targets: set[str]) -> list[Finding]:
        selected = {r.code for r in self.rules} | {Unreadable.code, RuleCrash.code}
        findings = [f for f in findings if f.code in selected and not self._ignored_for_file(f)]
        by_path: dict[str, list[Finding]] = defaultdict(list)
        for finding in findings:
            by_path[finding.path].append(finding)
        kept: list[Finding] = []
        report_unused = "KZ001" in selected
        for path in sorted(by_path.keys() | {p for p in targets if p in records}):
            parsed = records.get(path, {}).get("suppressions") if path in records else None
            kept.extend(suppressions.apply(by_path.get(path, []), parsed, path, report_unused=report_unused))
        return [f for f in kept if not self._ignored_for_file(f)]

    def _ignored_for_file(self, finding: Finding) -> bool:
        from lint.selection import matches

        for pattern, codes in self.config.per_file_ignores.items():
            if is_excluded(finding.path, [pattern]) and any(matches(c, _CodeOnly(finding.code, finding.name)) for c in codes):
                return True
        return False

    def _records(self, corpus: list[str], targets: set[str]) -> tuple[dict[str, dict], dict[str, str]]:
        """Per-document records for every corpus file: from the cache, else computed."""
        errors: dict[str, str] = {}
        blobs: dict[str, bytes] = {}
        limit = self.config.max_file_size
        for shown in corpus:
            try:
                blobs[shown] = read_bytes(self.cwd / shown if not os.path.isabs(shown) else Path(shown), limit)
            except ReadError as exc:
                errors[shown] = str(exc)
        keys = {shown: content_key(shown, data) for shown, data in blobs.items()}
        cached = self.cache.get_many(list(keys.values())) if self.cache else {}
        records: dict[str, dict] = {}
        todo: list[tuple[str, bytes, bool]] = []
        for shown, data in blobs.items():
            hit = cached.get(keys[shown])
            full = shown in targets
            if isinstance(hit, dict) and (hit.get("findings") is not None or not full):
                records[shown] = hit
            else:
                todo.append((shown, data, full))
        for shown, result in self._compute(todo):
            if isinstance(result, str):
                errors[shown] = result
                continue
            records[shown] = result
            if self.cache:
                self.cache.put(keys[shown], result)
        if self.cache:
            self.cache.flush()
            self.cache.close()
        return records, errors

    def _compute(self, todo: list[tuple[str, bytes, bool]]):
        if not todo:
            return []
        codes = [r.code for r in self.rules]
        if self.jobs <= 1 or len(todo) < PARALLEL_THRESHOLD:
            _init_worker_with(self.rules)
            return [_work(task) for task in todo]
        context = get_context("fork") if "fork" in _start_methods() else get_context("spawn")
        chunk = max(1, min(64, len(todo) // (self.jobs * 8) or 1))
        with ProcessPoolExecutor(self.jobs, mp_context=context, initializer=_init_worker,
                                 initargs=(self.config, codes)) as pool:
            return list(pool.map(_work, todo, chunksize=chunk))


class _CodeOnly:
    """Enough of a rule for selector matching."""

    def __init__(self, code: str, name: str) -> None:
        self.code, self.name = code, name


def _init_worker_with(rules: list[Rule]) -> None:
    global _WORKER_RULES
    _WORKER_RULES = rules


def _start_methods() -> list[str]:
    import multiprocessing

    return multiprocessing.get_all_start_methods()

