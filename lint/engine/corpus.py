"""The corpus pass: every corpus rule over the facts of all documents (a group-by), and the claim
keys that let a partial run consult only the facts that can matter."""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Iterable, Mapping
from functools import cache

from lint.core.findings import Finding, from_record
from lint.engine.cache import dumps, loads
from lint.rules import CorpusRule, Rule


def check_corpus(rules: list[Rule], facts_by_path: Mapping[str, dict[str, list] | str],
                 focus: set[str] | None = None, unrelated: Mapping[str, set[str]] | None = None,
                 indexed: Mapping[str, Mapping[str, list]] | None = None) -> list[Finding]:
    """Run every corpus rule over the facts of all documents: a dict per document, or its cached
    text (pack_facts), of which each rule parses its own part only, so that one rule's facts at a
    time are objects in memory (a third of them: 300 MB at 100,000 documents).

    With `focus` (the files of a partial run), a rule with claim keys sees the other documents'
    facts only where they share a key with the focus files' facts: no other fact can change
    the findings on those files; `unrelated` (rule code -> paths) names documents known to share
    none of that rule's keys with them, whose facts for it are not read; `indexed` (rule code ->
    path -> facts) holds the facts sharing a key with them that a `facts_in_index` rule's claim
    index gave for documents not in `facts_by_path` (or in it unchanged).
    """
    findings: list[Finding] = []
    paths = sorted(facts_by_path)
    for rule in rules:
        if isinstance(rule, CorpusRule):
            skipped = (unrelated or {}).get(rule.code, set()) if focus is not None and keyed(rule) else set()
            rule.focus = None if focus is None else frozenset(focus)
            try:
                findings.extend(check_rule(rule, facts_by_path, paths, focus, skipped, (indexed or {}).get(rule.code)))
            finally:
                rule.focus = None
            _return_freed_memory()
    return findings


@cache
def _malloc_trim():
    """glibc's malloc_trim, or None (another C library, another system)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None


def _return_freed_memory() -> None:
    """Give what a rule's check freed back to the system: glibc keeps freed blocks mapped, and the
    next rule's peak stacked on them (30-45 MB a rule at 100,000 documents)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def check_rule(rule: CorpusRule, facts_by_path: Mapping[str, dict[str, list] | str], paths: list[str],
               focus: set[str] | None = None, skipped: set[str] = frozenset(),
               indexed: Mapping[str, list] | None = None) -> list[Finding]:
    """One corpus rule over the facts of `paths` (see check_corpus); `skipped` documents count as
    having no facts for it; `indexed` documents have the facts given there."""
    indexed = indexed or {}
    per_path = {path: [] if path in skipped or path in indexed else rule_facts(facts_by_path[path], rule.code)
                for path in paths}
    if focus is not None and keyed(rule):
        wanted = set(wanted_keys(rule, [fact for path in focus & per_path.keys() for fact in per_path[path]]))
        per_path = {path: facts if path in focus else
                    [fact for fact in facts if not wanted.isdisjoint(rule.fact_keys(fact))]
                    for path, facts in per_path.items()}
    if indexed:
        per_path = {path: indexed.get(path) or per_path.get(path, []) for path in sorted(per_path.keys() | indexed.keys())}
    return list(rule.check(per_path))


def keyed(rule: Rule) -> bool:
    """Whether a corpus rule names the claim keys of its facts (see CorpusRule)."""
    return isinstance(rule, CorpusRule) and rule.keyed


def claim_keys(rule: CorpusRule, facts: Iterable) -> list[str]:
    """The claim keys of these facts of one document, sorted."""
    return sorted({key for fact in facts for key in rule.fact_keys(fact)})


def wanted_keys(rule: CorpusRule, facts: Iterable) -> list[str]:
    """The claim keys a partial run looks up for these facts of a file given: the lookup keys
    (CorpusRule.lookup_keys) of the facts that may be reported (CorpusRule.may_be_reported), sorted."""
    return sorted({key for fact in facts if rule.may_be_reported(fact) for key in rule.lookup_keys(fact)})


def claim_rows(rule: CorpusRule, facts: list) -> list[tuple[str, str | None]]:
    """What the claim index stores for one document: (claim key, None) for each of its keys, or
    for a `facts_in_index` rule (claim key, JSON of [position, fact] pairs with that key)."""
    if not rule.facts_in_index:
        return [(key, None) for key in claim_keys(rule, facts)]
    by_key: dict[str, list] = {}
    for position, fact in enumerate(facts):
        for key in set(rule.fact_keys(fact)):
            by_key.setdefault(key, []).append([position, fact])
    return [(key, dumps(by_key[key])) for key in sorted(by_key)]


def indexed_facts(rows: Iterable[str]) -> list:
    """A document's facts from its claim-index rows (claim_rows' JSON), in their order in the
    document; a row of the wrong shape is CorruptCache."""
    by_position: dict[int, object] = {}
    for row in rows:
        try:
            pairs = loads(row)
        except (ValueError, RecursionError, TypeError):
            raise CorruptCache from None
        if not isinstance(pairs, list) or not all(isinstance(p, list) and len(p) == 2 and type(p[0]) is int for p in pairs):
            raise CorruptCache
        by_position.update(pairs)
    return [by_position[position] for position in sorted(by_position)]


class CorruptCache(Exception):
    """A cached record that does not parse: the run starts again without that cache file."""


def pack_facts(facts: Mapping[str, list]) -> str:
    """A document's facts as the cache holds them: each rule's JSON after a NUL and its code, so
    that a rule reads its own part without parsing the others' (five rules parsed every
    document's whole facts five times). JSON text never holds a raw NUL: json escapes it."""
    return "".join(f"\0{code}\0{dumps(part)}" for code, part in facts.items())


def rule_facts(payload: Mapping[str, list] | str, code: str) -> list:
    """One rule's facts of a document: from its dict, or from its cached text (pack_facts). A
    text that is not packed facts, or a part that does not parse to a list, is a miss:
    CorruptCache starts the run again without that cache file."""
    if not isinstance(payload, str):
        return payload.get(code, [])
    if payload and not payload.startswith("\0"):
        raise CorruptCache
    start = payload.find(f"\0{code}\0")
    if start < 0:
        return []
    start += len(code) + 2
    end = payload.find("\0", start)
    try:
        value = loads(payload[start:] if end < 0 else payload[start:end])
    except (ValueError, RecursionError):
        raise CorruptCache from None
    if not isinstance(value, list):
        raise CorruptCache
    return value


def parsed_document(payload: str | dict | None) -> dict:
    """A cached document part with the shape process_text gives it, else CorruptCache (a record
    made in this process, not read from the cache, is that shape already)."""
    if isinstance(payload, dict):
        return payload
    try:
        document = loads(payload) if isinstance(payload, str) else None
    except (ValueError, RecursionError):
        raise CorruptCache from None
    if not (isinstance(document, dict) and isinstance(document.get("findings"), list)
            and isinstance(document.get("metadata"), dict) and isinstance(document.get("suppressions"), list)
            and all(_is_directive(d) for d in document["suppressions"])):
        raise CorruptCache
    return document


def _is_directive(entry) -> bool:
    """[kind, line, codes, first, last, text], as suppressions.parse makes it."""
    return (isinstance(entry, list) and len(entry) == 6 and isinstance(entry[2], list)
            and all(type(entry[i]) is int for i in (1, 3, 4)) and all(isinstance(c, str) for c in entry[2]))


def cached_findings(records) -> list[Finding]:
    """Findings from cached records; a record of the wrong shape is CorruptCache."""
    found = []
    for record in records:
        if not (isinstance(record, list) and len(record) == 13 and isinstance(record[0], str)  # spelt out:
                and type(record[1]) is int and type(record[2]) is int  # no generators for 240,000 records
                and type(record[3]) is int and type(record[4]) is int
                and isinstance(record[5], str) and isinstance(record[6], str) and isinstance(record[8], str)):
            raise CorruptCache
        try:
            found.append(from_record(record))
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            raise CorruptCache from None
    return found
