"""The corpus pass: every corpus rule over the facts of all documents (a group-by), and the claim
keys that let a partial run consult only the facts that can matter."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from lint.core.findings import Finding
from lint.engine.cache import loads
from lint.rules import CorpusRule, Rule


def check_corpus(rules: list[Rule], facts_by_path: Mapping[str, dict[str, list] | str],
                 focus: set[str] | None = None) -> list[Finding]:
    """Run every corpus rule over the facts of all documents: a dict per document, or its JSON
    text, parsed again for each rule so that one rule's facts at a time are objects in memory
    (a third of them: 300 MB at 100,000 documents).

    With `focus` (the files of a partial run), a rule with claim keys sees the other documents'
    facts only where they share a key with the focus files' facts: no other fact can change
    the findings on those files.
    """
    findings: list[Finding] = []
    paths = sorted(facts_by_path)
    if focus is not None:  # a partial run holds a few documents: parsed once, not once per rule
        facts_by_path = {path: parsed(facts) for path, facts in facts_by_path.items()}
    for rule in rules:
        if isinstance(rule, CorpusRule):
            per_path = {path: parsed(facts_by_path[path]).get(rule.code, []) for path in paths}
            if focus is not None and keyed(rule):
                wanted = set(claim_keys(rule, [fact for path in focus & per_path.keys() for fact in per_path[path]]))
                per_path = {path: facts if path in focus else
                            [fact for fact in facts if not wanted.isdisjoint(rule.fact_keys(fact))]
                            for path, facts in per_path.items()}
            findings.extend(rule.check(per_path))
            del per_path
    return findings


def keyed(rule: Rule) -> bool:
    """Whether a corpus rule names the claim keys of its facts (see CorpusRule)."""
    return isinstance(rule, CorpusRule) and rule.keyed


def claim_keys(rule: CorpusRule, facts: Iterable) -> list[str]:
    """The claim keys of these facts of one document, sorted."""
    return sorted({key for fact in facts for key in rule.fact_keys(fact)})


class CorruptCache(Exception):
    """A cached record that does not parse: the run starts again without that cache file."""


def parsed(payload: dict | str) -> dict:
    if not isinstance(payload, str):
        return payload
    try:
        return loads(payload)
    except ValueError:
        raise CorruptCache from None
