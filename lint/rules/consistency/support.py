"""KZ5: claims that contradict each other across the corpus (or inside one article).

Each rule extracts small facts per document (cached) and then groups them: figures by
(measure, who is counted, place) and then by event (kind, place, time: lint.facts.events);
names by a transliteration-blind key.
Work grows with the number of claims, never with the number of pairs of documents.
"""

from __future__ import annotations

from lint.config import load
from lint.facts.names import name_index
from lint.rules.base import CorpusRule, KebabOptions
from lint.facts.places import scope_keys


class ConsistencyOptions(KebabOptions):
    """The options of a consistency rule (kebab-case keys)."""


def _settings(rule: CorpusRule):
    """(name index, lexicon) from the whole config, or the built-in defaults without one."""
    config = rule.config
    if config is None:
        config = load(None)
    return name_index(config.names), config.lexicon


def event_keys(fact: dict) -> set[str]:
    """Claim keys of KZ501/KZ503: (measure, place key) for the claim's place and its province
    (lint.facts.places.scope_keys), coarser than their groups (which add the subject, the kind of
    event and the time), so a claim sharing none cannot be in one. A claim without a place is
    compared only inside its own document and needs no key."""
    return {f"{fact['measure']}|{key}" for key in scope_keys(fact.get("scope", ()))}
