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
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import partial
from itertools import chain
from pathlib import Path

from lint.config import Config
from lint.core.findings import Finding, drained
from lint.core.project import project_root
from lint.core.reading import ReadError, read_bytes, refuse_outside
from lint.engine import collector
from lint.engine.cache import Cache, content_key, corpus_fingerprint, stat_signature
from lint.engine.corpus import (CorruptCache, cached_findings, check_corpus, indexed_facts, keyed, parsed_document, rule_facts,
                                wanted_keys)
from lint.engine.discovery import expand, git_root, is_excluded
from lint.engine.document import record_json
from lint.engine.filtering import finish
from lint.engine.workers import (
    init_worker,
    init_worker_with,
    start_forked_worker,
    start_methods,
    work,
)
from lint.rules import CorpusRule, Rule
from lint.rules.engine.unreadable import Unreadable

UNHASHED = ""  # the content key of a file not read yet (see Engine._content_keys)
PARALLEL_THRESHOLD = 64  # below this many documents to process, a worker pool costs more than it saves
BATCH = 32  # documents a worker lints together, rule by rule (lint.engine.document.process_texts)


@dataclass(slots=True)
class _Record:
    """One document's results as the cache holds them, JSON text parsed only where it is used:
    a run holds the records of every document, and as objects they take 7x the memory."""

    document: str | dict | None  # findings, suppressions, metadata (as JSON, or the record of a run's
    # only document); None when checked only for its facts
    facts: str | None  # corpus facts by rule code


@dataclass
class RunResult:
    findings: list[Finding]
    files: int
    metadata: dict[str, dict] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    report: tuple[str, int, list[str]] | None = None  # a stored report of these inputs (Engine.report_options)


def prepare_rules(rules: list[Rule]) -> list[str]:
    """Run each rule's prepare() once per rule object, and only when documents are about to be
    checked: a run answered from the cache does not pay for loading word lists or backends."""
    notices: list[str] = []
    for rule in rules:
        notices.extend(rule.prepare_once())
    return notices


def config_fingerprint(config: Config, rules: list[Rule]) -> str:
    """Names the cache file. Rules that gain claim keys start a new one, so that every cached
    document is in the claim-key index a partial run relies on."""
    with_keys = sorted(r.code for r in rules if keyed(r))
    tokens = {r.code: r.cache_token() for r in rules}
    payload = json.dumps([config.model_dump(mode="json"), sorted(r.code for r in rules), with_keys, tokens],
                         sort_keys=True, default=str)
    return hashlib.blake2b(payload.encode(), digest_size=16).hexdigest()


def cache_folder(config: Config, config_dir: Path) -> Path:
    """Where a run with this config keeps its cache (KZLINT_CACHE_DIR overrides `cache-dir`)."""
    return Path(os.environ.get("KZLINT_CACHE_DIR") or config_dir / config.cache_dir)


def report_key(options: str, state: str, targets: list[str], errors: dict[str, str], unreadable: dict[str, str]) -> str:
    """Everything a report depends on beyond the cache file's config: the report's options (set
    by the caller), the corpus state (corpus_fingerprint of every file the run consults), which
    files are reported (sorted), and the files and folders that could not be read."""
    payload = json.dumps([options, state, targets, sorted(errors.items()), sorted(unreadable.items())],
                         ensure_ascii=False)
    return hashlib.blake2b(payload.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


# -- worker processes ---------------------------------------------------------------------------


# -- the run --------------------------------------------------------------------------------------


class Engine:
    def __init__(self, config: Config, rules: list[Rule], *, cwd: Path, config_dir: Path | None = None,
                 jobs: int | None = None, use_cache: bool = True) -> None:
        self.config = config
        self.rules = rules
        self.cwd = cwd
        self.config_dir = config_dir or cwd
        self.jobs = jobs or os.cpu_count() or 1
        self.cache = Cache(cache_folder(config, self.config_dir), config_fingerprint(config, rules)) if use_cache else None
        self.stdin: dict[str, bytes] = {}  # display path -> bytes read from standard input instead of the file
        self._known: dict[str, tuple] | None = None  # the cache's stat index, loaded once per run
        self._expanded: dict[tuple[str, ...], list[str]] = {}
        self._recheck: set[str] = set()  # files in folders changed since the last walk (see discovery.Listing)
        self._unreadable: dict[str, str] = {}  # folders a walk could not enter (a path over PATH_MAX) -> why
        self._unhashed: dict[str, tuple] = {}  # stat signatures of files hashed by workers, for the index
        # from the rules' prepare() when documents had to be checked, else those of the run that
        # filled the cache (its file is per backend availability: the same notices hold)
        self.notices: list[str] = []
        self._prepared = False
        self.progress: Callable[[int, int], None] | None = None  # told (done, total) as documents are linted
        self.roots: tuple[str, ...] | None = None  # see project_roots (None: links are followed anywhere)
        self.targets: list[str] = []  # the files of the last run (display paths)
        # set by a caller that renders reports (the CLI): the report's options, which with the
        # files' content keys name a stored report; report_key is then this run's (None: not storable)
        self.report_options: str | None = None
        self.reuse_report = True  # False: store this run's report, but make it afresh (a timed run)
        self.report_key: str | None = None
        self._stored_report: tuple[str, int, list[str]] | None = None

    @property
    def corpus_rules(self) -> list[CorpusRule]:
        return [r for r in self.rules if isinstance(r, CorpusRule)]

    def corpus_files(self, paths: list[str]) -> list[str]:
        """Every document the corpus rules consult: the configured corpus root, else the
        directories given, else the git repository holding the files given, else the folder of
        the config file in use; with none of those, only the files given (never a guess such as
        their parent folder, which may be /tmp or a home directory)."""
        if self.config.corpus:
            roots = [str(self.config_dir / self.config.corpus)]
        elif any(Path(p).is_dir() for p in paths):
            roots = [p for p in paths if Path(p).is_dir()]
        else:
            first = Path(paths[0]).resolve() if paths else self.cwd
            root = git_root(first) or (self.config_dir if self.config.from_file else None)
            roots = [str(root)] if root else list(paths)
        return self._expand(roots)

    def _expand(self, paths: list[str]) -> list[str]:
        """expand() once per set of roots in a run: the corpus root is often the directory given."""
        key = tuple(sorted(os.path.abspath(self.cwd / p) for p in paths))
        if key not in self._expanded:
            self._expanded[key] = expand(paths, self.config.include, self.config.excludes, self.cwd, self.cache,
                                         self._recheck, self._unreadable)
        return self._expanded[key]

    def run(self, paths: list[str]) -> RunResult:
        with collector.paused():
            try:
                return self._run(paths)
            except CorruptCache:
                if self.cache is None:
                    raise
                self.cache.discard()
                self._known, self._expanded, self._recheck, self._unhashed, self._unreadable = None, {}, set(), {}, {}
                self._prepared = False  # the notices said so far stand; they are stored again
                return self._run(paths)

    def project_roots(self, paths: list[str]) -> tuple[str, ...]:
        """Real paths of the folders this run may read through symbolic links and write in: the
        project (lint.core.project.project_root), the directories given, the configured corpus."""
        roots = {project_root(self.cwd, self.config_dir if self.config.from_file else None)}
        roots.update(self.cwd / p for p in paths if os.path.isdir(self.cwd / p))
        if self.config.corpus:
            roots.add(self.config_dir / self.config.corpus)
        return tuple(sorted({os.path.realpath(root) for root in roots}))

    def _run(self, paths: list[str]) -> RunResult:
        self.roots = None if self.config.follow_outside_links else self.project_roots(paths)
        targets = self._expand(paths)
        targets = sorted(set(targets) | {p for p in self.stdin if not is_excluded(p, self.config.excludes)})
        self.targets = [t for t in targets if t not in self.stdin]
        # the folders of the files given; standard input may name a file that does not exist yet
        roots = paths or [p for p in self.stdin if os.path.lexists(self.cwd / p)]
        corpus = _union(self.corpus_files(roots), targets) if self.corpus_rules else targets
        target_set = set(targets)
        records, errors, corpus_findings, timings = self._records(corpus, target_set)
        if self._stored_report is not None:
            return RunResult([], len(targets), notices=self.notices, report=self._stored_report)

        findings: list[Finding] = []
        for shown, reason in sorted(self._unreadable.items()):  # folders the walk could not enter
            if not is_excluded(shown, self.config.excludes):
                findings.append(Unreadable.file_finding(shown, snippet=reason, reason=reason))
        for shown, reason in errors.items():
            if shown in target_set:
                findings.append(Unreadable.file_finding(shown, snippet=reason, reason=reason))
        metadata: dict[str, dict] = {}
        suppressed: dict[str, list] = {}
        for shown in targets:
            record = records.pop(shown, None)
            if record is None:
                continue
            made_here = isinstance(record.document, dict)  # Finding objects, not cached records
            document = parsed_document(record.document)
            del record  # its JSON text, before the findings made from it stand beside it
            findings.extend(document["findings"] if made_here else cached_findings(drained(document["findings"])))
            metadata[shown], suppressed[shown] = document["metadata"], document["suppressions"]
        findings.extend(corpus_findings)

        findings = finish(findings, suppressed, self.rules, self.config, target_set)
        return RunResult(findings, len(targets), metadata, dict(timings), self.notices)

    def _records(self, corpus: list[str], targets: set[str]) -> tuple[dict[str, _Record], dict[str, str], list, dict]:
        """Per-document records (from the cache, else computed), read errors, the corpus rules'
        findings as records and this run's timings.

        Target records carry findings, suppressions and metadata. Corpus findings come from
        the cache when the corpus is unchanged; else, when every corpus rule names its claim
        keys and only some files are targets (pre-commit), the rules see the targets, files that
        are new or sit in a folder changed since the last walk (stat-checked), and the documents
        that share a claim key with any of them; else every document's facts.
        """
        errors: dict[str, str] = {}
        self._unrelated: dict[str, set[str]] = {}  # set by _add_related in a partial run
        self._indexed: dict[str, dict[str, list]] = {}  # likewise
        keyed_rules = bool(self.corpus_rules) and all(map(keyed, self.corpus_rules))
        partial = bool(self.cache) and keyed_rules and len(targets) < len(corpus)
        keys, fresh = self._content_keys(corpus, errors, given=targets | self._recheck if partial else None)
        timings: dict[str, float] = defaultdict(float)
        hashed = UNHASHED not in keys.values()  # else some files were never seen: the corpus is new
        # a partial run checks the related files by stat instead, so it never trusts this shortcut
        wanted = bool(self.corpus_rules) or self.report_options is not None
        state = corpus_fingerprint(keys.items()) if self.cache and not partial and hashed and wanted else ""
        fingerprint = state if self.corpus_rules else ""
        self.report_key, self._stored_report = None, None
        if self.report_options is not None and state:
            self.report_key = report_key(self.report_options, state, self.targets, errors, self._unreadable)
            self._stored_report = self.cache.get_report(self.report_key) if self.reuse_report else None
            if self._stored_report is not None:  # nothing more to read: the report is printed again
                self._close_cache()
                return {}, errors, [], {}
        corpus_records = self.cache.get_corpus(fingerprint) if fingerprint else None
        need_facts = bool(self.corpus_rules) and corpus_records is None
        corpus_findings: list[Finding] = []
        settled = ""  # the corpus state once the workers have hashed the files never seen before
        # partial: facts of the targets and of files never seen before now, of related documents below
        facts_for = (targets | fresh) if partial else keys.keys()
        records = self._load(keys, targets, facts_for if need_facts else (), errors, timings)
        if need_facts:
            started = time.perf_counter()
            if partial:
                self._add_related(records, targets, set(corpus), errors, timings)
            facts = {p: r.facts for p, r in records.items() if r.facts is not None}
            try:  # a partial run has read the claim index already (and built it if it had to)
                with self.cache.claims_indexed_meanwhile() if self.cache and not partial else nullcontext():
                    found = check_corpus(self.rules, facts, focus=targets if partial else None,
                                         unrelated=self._unrelated, indexed=self._indexed)
            finally:
                for rule in self.corpus_rules:
                    rule.holders = None  # a partial run's sample is this run's only
            for record in records.values():  # read: 150 MB of text at 100,000 documents, before the findings grow
                record.facts = None
            del facts
            timings["corpus-check"] += time.perf_counter() - started
            if self.cache and not partial:
                settled = corpus_fingerprint(keys.items())  # keys now all known
                self.cache.put_corpus(settled, found)
            corpus_findings = [f for f in found if f.path in targets]
        elif corpus_records is not None:
            if not all(isinstance(r, list) and r for r in corpus_records):
                raise CorruptCache  # a cached row of the wrong shape is a miss
            corpus_findings = cached_findings(r for r in corpus_records if r[0] in targets)
        if self.report_options is not None and self.cache and not partial and self.report_key is None:
            # files never seen before now have their keys: the next run over them finds this report
            self.report_key = report_key(self.report_options, settled or corpus_fingerprint(keys.items()), self.targets,
                                         errors, self._unreadable)
        self._close_cache()
        return records, errors, corpus_findings, timings

    def _close_cache(self) -> None:
        """Write what is pending; without documents checked, the notices are those stored."""
        if self.cache:
            if not self._prepared:
                self.notices.extend(self.cache.notices())
            self.cache.flush()
            self.cache.close()

    def _load(self, keys: dict[str, str], targets: set[str], facts_for,
              errors: dict[str, str], timings: dict[str, float]) -> dict[str, _Record]:
        """Records of the targets (own results) and of `facts_for` (facts): cached, else computed."""
        facts_for = set(facts_for)
        cached: dict[str, tuple[str | None, str | None]] = {}
        if self.cache:
            cached = self.cache.get_many([keys[s] for s in keys if s in targets and keys[s] != UNHASHED],
                                         document=True, facts=bool(facts_for))
            cached.update(self.cache.get_many([keys[s] for s in facts_for if keys.get(s, UNHASHED) != UNHASHED
                                               and s not in targets], document=False))
        records: dict[str, _Record] = {}
        todo: list[tuple[str, bytes | str, bool, int, tuple[str, ...] | None]] = []
        base, limit = str(self.cwd), self.config.max_file_size
        for shown, key in keys.items():
            full, facts = shown in targets, shown in facts_for
            if not full and not facts:
                continue
            hit = cached.get(key)
            if hit is not None and (not full or hit[0] is not None) and (not facts or hit[1] is not None):
                records[shown] = _Record(*hit)
                continue
            todo.append((shown, self.stdin[shown] if shown in self.stdin else os.path.join(base, shown), full, limit,
                         self.roots))
        for shown, result, key in self._compute(todo):
            signature = self._unhashed.pop(shown, None)
            if isinstance(result, str):
                errors[shown] = result
                if keys.get(shown) == UNHASHED:
                    del keys[shown]
                continue
            document, facts, claims, spent = result
            for code, seconds in spent.items():
                timings[code] += seconds
            records[shown] = _Record(document, facts)
            keys[shown] = key
            if self.cache:
                if signature is not None:
                    self.cache.put_file(shown, signature, key)
                self.cache.put_json(key, document if document is None or isinstance(document, str)
                                    else record_json(document), facts)
                for code, rows in claims.items():
                    self.cache.put_claims(code, rows, shown, key)
        return records

    def _add_related(self, records: dict[str, _Record], targets: set[str], corpus: set[str],
                     errors: dict[str, str], timings: dict[str, float]) -> None:
        """Add the facts of every document whose recorded content shares a claim key with a
        target; each is stat-checked now, and read again if it changed since.

        Also sets `self._unrelated`: for each rule, the related documents whose current version
        the claim index holds and which share none of that rule's keys with the targets (they are
        related through another rule), so check_corpus need not read their facts for it: a name
        shared by 6,000 of 100,000 articles made every rule filter 6,000 documents' facts. And
        `self._indexed`: for a rule that keeps its facts in the claim index, the facts sharing a
        key with the targets of every unchanged document, read from the index; such a document
        is loaded only if another rule relates it, or if it changed."""
        related: set[str] = set()
        versions_by_rule: dict[str, set[tuple[str, str]]] = {}
        rows_by_rule: dict[str, list[tuple[str, str, str]]] = {}
        sampled: set[str] = set()  # rules with counted keys: who shares those is only sampled
        for rule in self.corpus_rules:
            claims = sorted({c for t in targets if t in records and records[t].facts is not None
                             for c in wanted_keys(rule, rule_facts(records[t].facts, rule.code))})
            counted = [c for c in claims if rule.counted_key(c)]
            if counted:  # only who holds these keys, never their facts (see CorpusRule.counted_key)
                sample = self.cache.holder_sample(rule.code, counted, rule.count_cap + len(targets))
                rule.holders = {claim: [p for p in paths if p in corpus and p not in targets]
                                for claim, paths in sample.items()}
                rule.corpus_size = len(corpus)
                claims = [c for c in claims if not rule.counted_key(c)]
                sampled.add(rule.code)
            if rule.facts_in_index and not counted:
                rows_by_rule[rule.code] = rows = self.cache.indexed_facts(rule.code, claims)
                versions = {(path, key) for path, key, _ in rows}
            else:
                versions = self.cache.holders(rule.code, claims)
            versions_by_rule[rule.code] = versions
            related |= {path for path, _ in versions}
        related = {path for path in related if path in corpus and path not in records}
        if not related:
            return
        errors_before = set(errors)
        current, _ = self._content_keys(sorted(related), errors)
        for shown in set(errors) - errors_before:
            errors.pop(shown)  # a related file that vanished is simply not consulted
        self._indexed = {code: _facts_by_path(rows, current) for code, rows in rows_by_rule.items()}
        # documents that only an index holding their facts relates, unchanged, need not be loaded
        served = set().union(*(facts.keys() for facts in self._indexed.values()))
        needed = {path for code, versions in versions_by_rule.items() if code not in rows_by_rule for path, _ in versions}
        load = {path: key for path, key in current.items() if path in needed or path not in served}
        records.update(self._load(load, set(), load.keys(), errors, timings))
        indexed = set().union(*versions_by_rule.values())
        unchanged = {path for path, key in load.items() if (path, key) in indexed}
        # a rule with counted keys reads every loaded document (who shares those keys is only sampled)
        self._unrelated = {code: {path for path in unchanged if (path, load[path]) not in versions}
                           for code, versions in versions_by_rule.items() if code not in sampled}

    def _read(self, shown: str) -> bytes:
        if shown in self.stdin:
            size, limit = len(self.stdin[shown]), self.config.max_file_size
            if size > limit:  # standard input obeys max-file-size like a file
                raise ReadError(f"file too large ({size:,} bytes; the limit is {limit:,}: max-file-size)")
            return self.stdin[shown]
        refuse_outside(self.cwd / shown, self.roots)
        return read_bytes(self.cwd / shown, self.config.max_file_size)

    def _content_keys(self, corpus: list[str], errors: dict[str, str],
                      given: set[str] | None = None) -> tuple[dict[str, str], set[str]]:
        """Content key of every readable file (UNHASHED: the worker that checks it will hash it),
        and which files had to be read (or will be) to get it.

        A file whose stat (size, mtime, ctime, inode) matches the cache's index is not read.
        With `given` (a partial run: the files on the command line), files the index knows are
        left out (the related ones are stat-checked later): the keys are those of the files
        given and of files never seen before.
        """
        keys: dict[str, str] = {}
        fresh: set[str] = set()
        if given is not None:  # partial: only the files given and those the index has never seen
            unseen = set(self.cache.unindexed(corpus)) if self.cache else set(corpus)
            corpus = [shown for shown in corpus if shown in given or shown in unseen]
        known = self._stat_index(corpus)
        base = os.path.join(str(self.cwd), "")
        # with nothing cached to find by content (no cache, or a new one), hashing every file
        # here would be serial work before any worker starts: the workers hash what they read
        hash_here = self.cache is not None and self.cache.has_results()
        for shown in corpus:
            entry = known.get(shown)
            signature = None
            if self.cache and shown not in self.stdin:
                try:  # stat before reading: a file changed in between is simply read again next run
                    signature = stat_signature(os.stat(base + shown))  # no pathlib, no join: 100k files
                except OSError:
                    signature = None
                if signature is not None and entry is not None and entry[0] == signature:
                    keys[shown] = entry[1]
                    continue
            if not hash_here and shown not in self.stdin:
                keys[shown] = UNHASHED
                fresh.add(shown)
                if signature is not None:
                    self._unhashed[shown] = signature
                continue
            try:
                data = self._read(shown)
            except ReadError as exc:
                errors[shown] = str(exc)
                continue
            keys[shown] = key = content_key(shown, data)
            fresh.add(shown)  # its bytes are not kept: a worker reads the file again (page cache)
            if signature is not None:
                self.cache.put_file(shown, signature, key)
        return keys, fresh

    def _stat_index(self, paths: list[str]) -> dict[str, tuple]:
        """The cache's stat index for these paths: read whole once for a large run, else only
        the rows asked for (a pre-commit run checks a handful of files)."""
        if not self.cache:
            return {}
        if self._known is None and len(paths) <= 20000:  # below this, lookups beat reading 100k rows
            return self.cache.files(paths)
        if self._known is None:
            self._known = self.cache.files()
        return self._known

    def _compute(self, todo: list[tuple[str, bytes | str, bool, int, tuple[str, ...] | None]]) -> Iterator[tuple]:
        """Worker results in order, as they arrive: the main process caches and parses them
        while the workers go on."""
        if not todo:
            return
        if not self._prepared:  # before forking: workers inherit what it loads
            self._prepared = True
            self.notices.extend(prepare_rules(self.rules))
            if self.cache:
                self.cache.put_notices(self.notices)
        with collector.loaded_frozen():
            if self.jobs <= 1 or len(todo) < PARALLEL_THRESHOLD:
                yield from self._compute_here(todo)
            else:
                yield from self._compute_in_workers(todo)

    def _compute_here(self, todo: list) -> Iterator[tuple]:
        init_worker_with(self.rules)
        with collector.collecting_rarely():
            # one document's record is used as it is, not as JSON parsed again; records wait
            # for the corpus check as JSON (a seventh of their memory as objects)
            lint = partial(work, serialised=len(todo) > 1)
            yield from self._counted(chain.from_iterable(map(lint, _batches(todo, BATCH))), len(todo))

    def _compute_in_workers(self, todo: list) -> Iterator[tuple]:
        from concurrent.futures import ProcessPoolExecutor  # here: a run answered from the cache forks nothing
        from multiprocessing import get_context

        # batches of BATCH documents (linted rule by rule), a few to a worker's turn
        size = max(1, min(BATCH, len(todo) // (self.jobs * 8) or 1))
        if "fork" in start_methods():  # workers inherit the prepared rules: nothing to rebuild
            init_worker_with(self.rules)
            pool = ProcessPoolExecutor(self.jobs, mp_context=get_context("fork"), initializer=start_forked_worker,
                                       initargs=(os.getpid(),))
        else:
            pool = ProcessPoolExecutor(self.jobs, mp_context=get_context("spawn"), initializer=init_worker,
                                       initargs=(self.config, [r.code for r in self.rules], os.getpid()))
        with pool:
            yield from self._counted(chain.from_iterable(pool.map(work, _batches(todo, size))), len(todo))

    def _counted(self, results: Iterable, total: int) -> Iterator:
        """Pass worker results on in order, telling `self.progress` as they arrive."""
        for done, result in enumerate(results, 1):
            if self.progress is not None:
                self.progress(done, total)
            yield result


def _facts_by_path(rows: list[tuple[str, str, str]], current: dict[str, str]) -> dict[str, list]:
    """A rule's facts from its claim-index rows, for each document whose current version they
    are of (an older version's rows are ignored: that document is read again)."""
    texts: dict[str, list[str]] = {}
    for path, key, facts in rows:
        if current.get(path) == key:
            texts.setdefault(path, []).append(facts)
    return {path: indexed_facts(texts[path]) for path in sorted(texts)}


def _batches(todo: list, size: int) -> list[list]:
    return [todo[start:start + size] for start in range(0, len(todo), size)]


def _union(corpus: list[str], targets: list[str]) -> list[str]:
    """Both sorted lists as one; the targets are usually in the corpus already (no sort then)."""
    inside = set(corpus)
    extra = [t for t in targets if t not in inside]
    return sorted(corpus + extra) if extra else corpus


