"""The per-document pass: one document's findings, corpus facts, suppressions and metadata, as a
JSON-able record (what the cache stores and workers send back). A pure map: see lint.api."""

from __future__ import annotations

import time
from collections.abc import Iterable

from lint.core.document import Document
from lint.core.findings import Finding, to_record
from lint.engine import suppressions
from lint.rules import CorpusRule, DocumentRule, Rule
from lint.rules.engine.rule_crash import RuleCrash
from lint.rules.engine.unreadable import Unreadable


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
            findings.append(RuleCrash.file_finding(path, snippet=rule.code, code=rule.code,
                                                   error=f"{type(exc).__name__}: {exc}"))
        timings[rule.code] = time.perf_counter() - started
    if full and replaced:
        first = next(iter(replaced))
        line, column = doc.position(first)
        findings.append(Unreadable.file_finding(path, line, column, line, column + 1, "invalid-utf-8",
                                                snippet="invalid-utf-8"))
    metadata = {}
    if full:
        for rule in rules:
            if isinstance(rule, DocumentRule):
                metadata.update(rule.document_metadata(doc))
    return {
        "findings": [to_record(f) for f in findings] if full else None,
        "facts": facts,
        "suppressions": suppressions.records(doc),
        "metadata": metadata,
        "timings": timings,
    }
