"""A small Python API for running kzlint as a map and a group-by, on any executor.

Per-document checking is a pure function of (text, path, config); corpus rules only
need every document's claims. So a corpus too large for one machine is linted as:

    results = [lint_document(text, path, config) for path, text in documents]   # map, anywhere
    claims = [c for _, c in results]                                            # small, JSON-able
    corpus = check_claims(claims, config)                                        # one group-by
    report = finish([f for fs, _ in results for f in fs] + corpus, claims, config)

`finish` applies inline suppressions, per-file-ignores and the deterministic order, so the
report is the one `kzlint` prints for the same files (`tests/test_dask.py` runs the map on
a Dask cluster and checks exactly that). Claims are plain dicts (facts per corpus rule,
suppression directives) that pickle and serialise to JSON.
"""

from __future__ import annotations

from collections.abc import Iterable

from lint.config import Config, load
from lint.core.findings import Finding, from_record
from lint.core.reading import ReadError, decode
from lint.engine.corpus import check_corpus
from lint.engine.document import process_text
from lint.engine.filtering import finish as _finish
from lint.engine.run import prepare_rules
from lint.engine.selection import build_rules
from lint.rules import Rule
from lint.rules.engine.unreadable import Unreadable

_RULES: dict[int, tuple[Config, list[Rule]]] = {}


def default_config() -> Config:
    """The built-in configuration (what `kzlint` uses with no rules.yaml)."""
    return load(None)


def rules_for(config: Config) -> list[Rule]:
    """The rules `config` enables, built and prepared once per config object and process."""
    cached = _RULES.get(id(config))
    if cached is None or cached[0] is not config:
        rules = build_rules(config)
        prepare_rules(rules)  # once per process, as `kzlint` does; its notices are for a terminal
        cached = (config, rules)
        _RULES[id(config)] = cached
    return cached[1]


def lint_document(text: str | bytes, path: str, config: Config | None = None) -> tuple[list[Finding], dict]:
    """Check one document: its own findings (before suppressions) and its claims for corpus rules.

    `path` is how findings name the document; nothing is read from disk. Given the file's
    bytes, it is decoded as `kzlint` decodes files (invalid UTF-8 and binary files are KZ002).
    """
    config = config or default_config()
    replaced: tuple[int, ...] = ()
    if isinstance(text, bytes):
        try:
            decoded = decode(text)
        except ReadError as exc:
            unreadable = Unreadable.file_finding(path, snippet=str(exc), reason=exc)
            return [unreadable], {"path": path, "facts": {}, "suppressions": None}
        text, replaced = decoded.text, decoded.replaced
    record = process_text(text, path, rules_for(config), replaced=replaced)
    claims = {"path": path, "facts": record["facts"], "suppressions": record["suppressions"]}
    return [from_record(r) for r in record["findings"]], claims


def check_claims(claims: Iterable[dict], config: Config | None = None) -> list[Finding]:
    """Run the corpus rules over the claims of every document (one dict per document)."""
    config = config or default_config()
    return check_corpus(rules_for(config), {c["path"]: c["facts"] for c in claims})


def finish(findings: Iterable[Finding], claims: Iterable[dict], config: Config | None = None) -> list[Finding]:
    """The report: selected codes, suppressions (and unused ones), per-file-ignores, sorted."""
    config = config or default_config()
    claims = list(claims)
    suppressions = {c["path"]: c["suppressions"] for c in claims}
    return _finish(findings, suppressions, rules_for(config), config, targets=suppressions)


__all__ = ["check_claims", "default_config", "finish", "lint_document", "rules_for"]
